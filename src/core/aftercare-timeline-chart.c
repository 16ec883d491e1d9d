/* aftercare-timeline-chart.c: a session's recovery timeline drawn on paper: phases, the usual band, your pattern, the check-ins (cairo and Pango, no GTK). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-timeline-chart"

#include "config.h"

#include <glib/gi18n.h>

#include "aftercare-page.h"
#include "aftercare-time.h"
#include "aftercare-timeline-chart.h"
#include "aftercare-timeline-geometry.h"
#include "aftercare-timeline.h"

#define N_SAMPLES 145
#define FONT_CHART "Sans 7"

static const double BAND[3]   = { 0.957, 0.953, 0.945 };
static const double USUAL[3]  = { 0.773, 0.859, 0.961 };
static const double POINTS[3] = { 0.082, 0.329, 0.639 };

static void
set_rgb (cairo_t      *cr,
         const double  rgb[3])
{
  cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
}

/* Text with its top left (or top right, when right) at (x, y). */
static void
show_text (cairo_t      *cr,
           PangoContext *context,
           const char   *text,
           double        x,
           double        y,
           gboolean      right,
           gboolean      bold)
{
  g_autoptr(PangoLayout) layout = aftercare_page_text_layout (context, bold ? "Sans Bold 7" : FONT_CHART,
                                                              200, text);
  int w;

  pango_layout_set_width (layout, -1);
  pango_layout_get_size (layout, &w, NULL);
  cairo_move_to (cr, right ? x - (double) w / PANGO_SCALE : x, y);
  pango_cairo_show_layout (cr, layout);
  cairo_new_path (cr);
}

static void
draw_phases (cairo_t                     *cr,
             PangoContext                *context,
             const AftercareTimelinePlot *plot)
{
  for (guint p = 0; p < AFTERCARE_N_PHASES; p++)
    {
      double x0 = aftercare_timeline_hour_to_x (plot, aftercare_phase_get_start_hours (p));
      double x1 = aftercare_timeline_hour_to_x (plot, MIN (aftercare_phase_get_end_hours (p),
                                                           AFTERCARE_TIMELINE_SPAN_HOURS));

      if (p % 2 == 1)
        {
          set_rgb (cr, BAND);
          cairo_rectangle (cr, x0, plot->y, x1 - x0, plot->height);
          cairo_fill (cr);
        }
      set_rgb (cr, aftercare_page_grey);
      show_text (cr, context, aftercare_phase_get_short_title (p), x0 + 2, plot->y - 10, FALSE, FALSE);
    }
}

static void
draw_usual (cairo_t                     *cr,
            const AftercareTimelinePlot *plot,
            AftercareSession            *session)
{
  double low[N_SAMPLES], high[N_SAMPLES];

  for (guint i = 0; i < N_SAMPLES; i++)
    aftercare_timeline_expected_soreness (aftercare_session_get_massage_type (session),
                                          aftercare_session_get_pressure (session),
                                          i * AFTERCARE_TIMELINE_SPAN_HOURS / (N_SAMPLES - 1), &low[i], &high[i]);
  for (guint i = 0; i < N_SAMPLES; i++)
    cairo_line_to (cr, aftercare_timeline_hour_to_x (plot, i * AFTERCARE_TIMELINE_SPAN_HOURS / (N_SAMPLES - 1)),
                   aftercare_timeline_soreness_to_y (plot, high[i]));
  for (guint i = N_SAMPLES; i-- > 0; )
    cairo_line_to (cr, aftercare_timeline_hour_to_x (plot, i * AFTERCARE_TIMELINE_SPAN_HOURS / (N_SAMPLES - 1)),
                   aftercare_timeline_soreness_to_y (plot, low[i]));
  cairo_close_path (cr);
  set_rgb (cr, USUAL);
  cairo_fill (cr);
}

static void
draw_axes (cairo_t                     *cr,
           PangoContext                *context,
           const AftercareTimelinePlot *plot)
{
  static const double dashes[] = { 2, 2 };
  double mild = aftercare_timeline_soreness_to_y (plot, AFTERCARE_PATTERN_MILD);

  cairo_set_line_width (cr, 0.5);
  set_rgb (cr, aftercare_page_hairline);
  for (guint s = 0; s <= 10; s += 5)
    {
      double y = aftercare_timeline_soreness_to_y (plot, s);
      g_autofree char *label = g_strdup_printf ("%u", s);

      cairo_move_to (cr, plot->x, y);
      cairo_line_to (cr, plot->x + plot->width, y);
      cairo_stroke (cr);
      set_rgb (cr, aftercare_page_grey);
      show_text (cr, context, label, plot->x - 3, y - 4.5, TRUE, FALSE);
      set_rgb (cr, aftercare_page_hairline);
    }
  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  set_rgb (cr, aftercare_page_grey);
  cairo_move_to (cr, plot->x, mild);
  cairo_line_to (cr, plot->x + plot->width, mild);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  /* Translators: on the printed timeline, soreness at or below this line is mild. */
  show_text (cr, context, C_("timeline", "Mild"), plot->x + plot->width - 2, mild - 9, TRUE, FALSE);
  for (guint t = 0; t <= 6; t++)
    {
      double hours = t * AFTERCARE_TIMELINE_TICK_HOURS;
      /* Translators: hours after the massage on the printed timeline's axis. */
      g_autofree char *label = g_strdup_printf (C_("timeline", "%.0f h"), hours);
      double x = aftercare_timeline_hour_to_x (plot, hours);

      show_text (cr, context, label, t == 6 ? x : x - 4, plot->y + plot->height + 2, t == 6, FALSE);
    }
}

static void
draw_pattern (cairo_t                       *cr,
              PangoContext                  *context,
              const AftercareTimelinePlot   *plot,
              const AftercarePatternSummary *pattern)
{
  static const double dashes[] = { 3, 2 };
  gboolean labelled = FALSE;

  cairo_set_line_width (cr, 1.0);
  for (guint p = 0; p < AFTERCARE_N_PHASES; p++)
    {
      double start = aftercare_phase_get_start_hours (p);
      double end = MIN (aftercare_phase_get_end_hours (p), AFTERCARE_TIMELINE_SPAN_HOURS);
      double median, low, high, x0, x1, y_median;

      if (!aftercare_pattern_summary_at_hours (pattern, start, &median, &low, &high))
        continue;
      x0 = aftercare_timeline_hour_to_x (plot, start) + 1;
      x1 = aftercare_timeline_hour_to_x (plot, end) - 1;
      y_median = aftercare_timeline_soreness_to_y (plot, median);
      set_rgb (cr, aftercare_page_grey);
      cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
      cairo_rectangle (cr, x0, aftercare_timeline_soreness_to_y (plot, high), x1 - x0,
                       aftercare_timeline_soreness_to_y (plot, low) - aftercare_timeline_soreness_to_y (plot, high));
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      set_rgb (cr, aftercare_page_ink);
      cairo_move_to (cr, x0, y_median);
      cairo_line_to (cr, x1, y_median);
      cairo_stroke (cr);
      if (!labelled)
        /* Translators: labels your own pattern on the printed timeline. */
        show_text (cr, context, C_("timeline", "Yours"), x0 + 2,
                   aftercare_timeline_soreness_to_y (plot, high) - 10, FALSE, TRUE);
      labelled = TRUE;
    }
}

static void
draw_moments (cairo_t                     *cr,
              const AftercareTimelinePlot *plot,
              AftercareSession            *session,
              GPtrArray                   *moments)
{
  GDateTime *ended_at = aftercare_session_get_ended_at (session);

  set_rgb (cr, POINTS);
  cairo_set_line_width (cr, 1.5);
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; moments != NULL && i < moments->len; i++)
      {
        AftercareCheckin *moment = g_ptr_array_index (moments, i);
        double hours = aftercare_timeline_clamp_hours (
          aftercare_time_hours_between (ended_at, aftercare_checkin_get_at (moment)), NULL);
        double x = aftercare_timeline_hour_to_x (plot, hours);
        double y = aftercare_timeline_soreness_to_y (plot, aftercare_checkin_get_soreness (moment));

        if (pass == 0)
          cairo_line_to (cr, x, y);
        else
          {
            cairo_new_sub_path (cr);
            cairo_arc (cr, x, y, 2.5, 0, 2 * G_PI);
            cairo_fill (cr);
          }
        if (pass == 0 && i == moments->len - 1)
          cairo_stroke (cr);
      }
}

void
aftercare_timeline_chart_draw (cairo_t                       *cr,
                               PangoContext                  *context,
                               double                         x,
                               double                         y,
                               double                         width,
                               double                         height,
                               AftercareSession              *session,
                               GPtrArray                     *moments,
                               const AftercarePatternSummary *pattern)
{
  const AftercareTimelineMargins margins = { .left = 14, .top = 12, .right = 4, .bottom = 12 };
  AftercareTimelinePlot plot;

  g_return_if_fail (cr != NULL && PANGO_IS_CONTEXT (context));
  g_return_if_fail (AFTERCARE_IS_SESSION (session));

  aftercare_timeline_plot_init (&plot, width, height, &margins);
  plot.x += x;
  plot.y += y;
  cairo_save (cr);
  cairo_new_path (cr);
  draw_phases (cr, context, &plot);
  draw_usual (cr, &plot, session);
  draw_axes (cr, context, &plot);
  if (pattern != NULL)
    draw_pattern (cr, context, &plot, pattern);
  draw_moments (cr, &plot, session, moments);
  cairo_restore (cr);
}
