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
