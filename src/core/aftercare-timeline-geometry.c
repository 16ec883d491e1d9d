/* aftercare-timeline-geometry.c: where hours and soreness land on the recovery timeline; plain arithmetic, no GTK. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-timeline"

#include "config.h"

#include <math.h>

#include "aftercare-timeline-geometry.h"

void
aftercare_timeline_plot_init (AftercareTimelinePlot          *plot,
                              double                          width,
                              double                          height,
                              const AftercareTimelineMargins *margins)
{
  g_return_if_fail (plot != NULL);
  g_return_if_fail (margins != NULL);

  plot->x = margins->left;
  plot->y = margins->top;
  plot->width = MAX (0.0, width - margins->left - margins->right);
  plot->height = MAX (0.0, height - margins->top - margins->bottom);
}

double
aftercare_timeline_clamp_hours (double    hours,
                                gboolean *clamped)
{
  double result = CLAMP (hours, 0.0, AFTERCARE_TIMELINE_SPAN_HOURS);

  if (clamped != NULL)
    *clamped = result != hours;
  return result;
}

double
aftercare_timeline_hour_to_x (const AftercareTimelinePlot *plot,
                              double                       hours)
{
  g_return_val_if_fail (plot != NULL, 0.0);

  hours = aftercare_timeline_clamp_hours (hours, NULL);
  return plot->x + plot->width * hours / AFTERCARE_TIMELINE_SPAN_HOURS;
}

double
aftercare_timeline_x_to_hour (const AftercareTimelinePlot *plot,
                              double                       x)
{
  g_return_val_if_fail (plot != NULL, 0.0);

  if (plot->width <= 0.0)
    return 0.0;
  return aftercare_timeline_clamp_hours ((x - plot->x) * AFTERCARE_TIMELINE_SPAN_HOURS / plot->width,
                                         NULL);
}

double
aftercare_timeline_soreness_to_y (const AftercareTimelinePlot *plot,
                                  double                       soreness)
{
  g_return_val_if_fail (plot != NULL, 0.0);

  soreness = CLAMP (soreness, 0.0, AFTERCARE_TIMELINE_SORENESS_MAX);
  return plot->y + plot->height * (1.0 - soreness / AFTERCARE_TIMELINE_SORENESS_MAX);
}

double
aftercare_timeline_align (double v,
                          double scale)
{
  if (scale <= 0.0)
    scale = 1.0;
  return (floor (v * scale) + 0.5) / scale;
}

int
aftercare_timeline_hit_test (const double *xs,
                             const double *ys,
                             guint         n_points,
                             double        x,
                             double        y,
                             double        radius)
{
  double best = radius * radius;
  int found = -1;

  g_return_val_if_fail (n_points == 0 || (xs != NULL && ys != NULL), -1);

  for (guint i = 0; i < n_points; i++)
    {
      double dx = xs[i] - x;
      double dy = ys[i] - y;
      double d = dx * dx + dy * dy;

      /* On a tie the later check-in wins: it is drawn on top. */
      if (d <= best)
        {
          best = d;
          found = (int) i;
        }
    }
  return found;
}

double
aftercare_timeline_label_step_hours (double plot_width,
                                     double label_width,
                                     double gap)
{
  static const double steps[] = { 12.0, 24.0, 36.0 };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      double spacing = plot_width * steps[i] / AFTERCARE_TIMELINE_SPAN_HOURS;

      if (spacing >= label_width + gap)
        return steps[i];
    }
  return AFTERCARE_TIMELINE_SPAN_HOURS;
}

typedef enum {
  NAMES_FULL,
  NAMES_SHORT_WHERE_NEEDED,
  NAMES_SHORT,
} NameChoice;

/* Places the name of every step-th band from first on one row, left to
 * right, each as near its band's middle as the one before lets it. */
static gboolean
place_row (const AftercareTimelineBandName *names,
           guint                            n,
           guint                            first,
           guint                            step,
           double                           min_x,
           double                           max_x,
           double                           gap,
           NameChoice                       choice,
           guint                            row,
           AftercareTimelineNamePlace      *places)
{
  double free_from = min_x;
  gboolean fits = TRUE;

  for (guint i = first; i < n; i += step)
    {
      guint variant = choice == NAMES_SHORT ? 1 : 0;
      gboolean placed = FALSE;

      for (; variant < 2 && !placed; variant++)
        {
          double width = names[i].widths[variant];
          double middle = (names[i].band_start + names[i].band_end) / 2;
          double x = MIN (MAX (middle - width / 2, free_from), max_x - width);

          places[i] = (AftercareTimelineNamePlace) { variant, row, MAX (x, min_x) };
          /* Its middle over its band, so it reads as that band's. */
          placed = x >= free_from && x + width / 2 >= names[i].band_start && x + width / 2 <= names[i].band_end;
          if (choice == NAMES_FULL)
            break;
        }
      fits = fits && placed;
      free_from = places[i].x + names[i].widths[places[i].short_name] + gap;
    }
  return fits;
}

guint
aftercare_timeline_place_band_names (const AftercareTimelineBandName *names,
                                     guint                            n,
                                     double                           min_x,
                                     double                           max_x,
                                     double                           gap,
                                     AftercareTimelineNamePlace      *places)
{
  g_return_val_if_fail (names != NULL && places != NULL, 0);

  for (NameChoice choice = NAMES_FULL; choice <= NAMES_SHORT; choice++)
    if (place_row (names, n, 0, 1, min_x, max_x, gap, choice, 0, places))
      return 1;
  /* Two rows: the bands take turns, the first one on the upper row. */
  for (NameChoice choice = NAMES_FULL; choice <= NAMES_SHORT; choice++)
    {
      gboolean upper = place_row (names, n, 0, 2, min_x, max_x, gap, choice, 1, places);
      gboolean lower = place_row (names, n, 1, 2, min_x, max_x, gap, choice, 0, places);

      if (upper && lower)
        return 2;
    }
  return 0;
}
