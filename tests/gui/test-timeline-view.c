/* test-timeline-view.c: the recovery timeline plots check-ins where the geometry says, and says it in words. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "aftercare-checkin.h"
#include "aftercare-timeline.h"
#include "aftercare-timeline-view.h"

typedef struct {
  GtkWindow *window;
  AftercareTimelineView *view;
  AftercareSession *session;
  GPtrArray *checkins;
  GDateTime *ended_at;
} Fixture;

static void
add_checkin (Fixture *f, int hours, guint soreness, AftercareSymptoms symptoms)
{
  g_autoptr(GDateTime) at = g_date_time_add_hours (f->ended_at, hours);

  g_ptr_array_add (f->checkins, aftercare_checkin_new (aftercare_session_get_id (f->session), at,
                                                      soreness, symptoms));
}

static gboolean
timed_out_cb (gpointer data)
{
  g_error ("The timeline was never laid out at the width asked for");
  return G_SOURCE_REMOVE;
}

static void
wait_for_allocation (Fixture *f, int width)
{
  guint timeout = g_timeout_add_seconds (10, timed_out_cb, NULL);

  gtk_window_set_default_size (f->window, width, 240);
  gtk_window_present (f->window);
  /* Laid out and drawn: a warning while drawing fails the test. */
  while (gtk_widget_get_width (GTK_WIDGET (f->view)) != width || !gtk_widget_get_mapped (GTK_WIDGET (f->view)))
    g_main_context_iteration (NULL, TRUE);
  for (int i = 0; i < 5; i++)
    g_main_context_iteration (NULL, FALSE);
  g_source_remove (timeout);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->ended_at = g_date_time_new_utc (2026, 11, 24, 10, 0, 0);
  f->session = aftercare_session_new (f->ended_at);
  aftercare_session_set_massage_type (f->session, AFTERCARE_MASSAGE_DEEP_TISSUE);
  aftercare_session_set_pressure (f->session, AFTERCARE_PRESSURE_DEEP);
  f->checkins = g_ptr_array_new_with_free_func (g_object_unref);
  f->view = AFTERCARE_TIMELINE_VIEW (aftercare_timeline_view_new ());
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_child (f->window, GTK_WIDGET (f->view));
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (f->window);
  g_ptr_array_unref (f->checkins);
  g_object_unref (f->session);
  g_date_time_unref (f->ended_at);
}

static void
test_checkin_at_hour_12_lands_where_the_geometry_says (Fixture *f, gconstpointer data)
{
  g_autoptr(GDateTime) now = g_date_time_add_hours (f->ended_at, 30);
  AftercareTimelinePlot plot;
  double x, y;

  /* Given out of order: the view sorts them by time. */
  add_checkin (f, 12, 4, AFTERCARE_SYMPTOM_HEAVINESS);
  add_checkin (f, 0, 2, 0);
  add_checkin (f, 24, 2, 0);
  aftercare_timeline_view_set_session (f->view, f->session);
  aftercare_timeline_view_set_checkins (f->view, f->checkins);
  aftercare_timeline_view_set_now (f->view, now);
  wait_for_allocation (f, 600);

  aftercare_timeline_view_get_plot (f->view, &plot);
  g_assert_cmpfloat (plot.width, >, 400);
  g_assert_cmpfloat (plot.x + plot.width, <=, 600);
  g_assert_cmpfloat (plot.height, >, 80);
  g_assert_cmpuint (aftercare_timeline_view_get_n_points (f->view), ==, 3);

  g_assert_true (aftercare_timeline_view_get_point (f->view, 0, &x, &y));
  g_assert_cmpfloat_with_epsilon (x, plot.x, 1e-9);
  g_assert_cmpfloat_with_epsilon (y, plot.y + plot.height * 0.8, 1e-9);
  g_assert_true (aftercare_timeline_view_get_point (f->view, 1, &x, &y));
  g_assert_cmpfloat_with_epsilon (x, plot.x + plot.width * 12 / 72, 1e-9);
  g_assert_cmpfloat_with_epsilon (y, plot.y + plot.height * 0.6, 1e-9);
  g_assert_true (aftercare_timeline_view_get_point (f->view, 2, &x, NULL));
  g_assert_cmpfloat_with_epsilon (x, plot.x + plot.width * 24 / 72, 1e-9);
  g_assert_false (aftercare_timeline_view_get_point (f->view, 3, NULL, NULL));
}

/* The session page's timeline is about 300 px wide on a 360 px phone. */
static void
test_every_phase_named_at_360_px (Fixture *f, gconstpointer data)
{
  static const int widths[] = { 300, 330, 900 };
  g_autoptr(GDateTime) now = g_date_time_add_hours (f->ended_at, 2);

  aftercare_timeline_view_set_session (f->view, f->session);
  /* In the first, narrowest phase, whose name is drawn bold. */
  aftercare_timeline_view_set_now (f->view, now);
  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      AftercareTimelinePlot plot;
      graphene_rect_t bounds[AFTERCARE_N_PHASES];

      wait_for_allocation (f, widths[i]);
      aftercare_timeline_view_get_plot (f->view, &plot);
      for (AftercarePhase phase = 0; phase < AFTERCARE_N_PHASES; phase++)
        {
          const char *name = NULL;
          double middle;

          g_assert_true (aftercare_timeline_view_get_phase_name (f->view, phase, &name, &bounds[phase]));
          g_test_message ("%d px: %s at %g, %g (%g wide)", widths[i], name,
                          bounds[phase].origin.x, bounds[phase].origin.y, bounds[phase].size.width);
          g_assert_cmpstr (name, !=, "");
          /* Whole, inside the widget, above the plot, over its band. */
          g_assert_cmpfloat (bounds[phase].origin.x, >=, 0);
          g_assert_cmpfloat (bounds[phase].origin.x + bounds[phase].size.width, <=, widths[i]);
          g_assert_cmpfloat (bounds[phase].origin.y, >=, 0);
          g_assert_cmpfloat (bounds[phase].origin.y + bounds[phase].size.height, <=, plot.y);
          middle = bounds[phase].origin.x + bounds[phase].size.width / 2;
          g_assert_cmpfloat (aftercare_timeline_x_to_hour (&plot, middle), >=,
                             aftercare_phase_get_start_hours (phase) - 1e-6);
          g_assert_cmpfloat (aftercare_timeline_x_to_hour (&plot, middle), <=,
                             MIN (aftercare_phase_get_end_hours (phase), 72) + 1e-6);
          for (AftercarePhase other = 0; other < phase; other++)
            g_assert_false (graphene_rect_intersection (&bounds[phase], &bounds[other], NULL));
        }
      /* Wide, every phase has its whole title. */
      if (widths[i] >= 900)
        for (AftercarePhase phase = 0; phase < AFTERCARE_N_PHASES; phase++)
          {
            const char *name = NULL;

            aftercare_timeline_view_get_phase_name (f->view, phase, &name, NULL);
            g_assert_cmpstr (name, ==, aftercare_phase_get_title (phase));
          }
    }
}

/* Right to left, time runs from the massage at the right edge to the left,
 * and the phase names still sit whole over their own bands, apart. */
static void
test_mirrored_right_to_left (Fixture *f, gconstpointer data)
{
  static const int widths[] = { 300, 900 };
  g_autoptr(GDateTime) now = g_date_time_add_hours (f->ended_at, 14);

  add_checkin (f, 0, 2, 0);
  add_checkin (f, 12, 4, AFTERCARE_SYMPTOM_HEAVINESS);
  aftercare_timeline_view_set_session (f->view, f->session);
  aftercare_timeline_view_set_checkins (f->view, f->checkins);
  aftercare_timeline_view_set_now (f->view, now);
  gtk_widget_set_direction (GTK_WIDGET (f->view), GTK_TEXT_DIR_RTL);
  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      AftercareTimelinePlot plot;
      graphene_rect_t bounds[AFTERCARE_N_PHASES];
      double x0, x12;

      wait_for_allocation (f, widths[i]);
      aftercare_timeline_view_get_plot (f->view, &plot);
      g_assert_cmpfloat (plot.x, >=, 0);
      g_assert_cmpfloat (plot.x + plot.width, <=, widths[i]);
      aftercare_timeline_view_get_point (f->view, 0, &x0, NULL);
      aftercare_timeline_view_get_point (f->view, 1, &x12, NULL);
      g_assert_cmpfloat_with_epsilon (x0, plot.x + plot.width, 1e-9);
      g_assert_cmpfloat_with_epsilon (x12, plot.x + plot.width * (1 - 12.0 / 72), 1e-9);
      for (AftercarePhase phase = 0; phase < AFTERCARE_N_PHASES; phase++)
        {
          double middle, hour;

          g_assert_true (aftercare_timeline_view_get_phase_name (f->view, phase, NULL, &bounds[phase]));
          g_assert_cmpfloat (bounds[phase].origin.x, >=, 0);
          g_assert_cmpfloat (bounds[phase].origin.x + bounds[phase].size.width, <=, widths[i]);
          middle = bounds[phase].origin.x + bounds[phase].size.width / 2;
          hour = (plot.x + plot.width - middle) * 72 / plot.width;
          g_assert_cmpfloat (hour, >=, aftercare_phase_get_start_hours (phase) - 1e-6);
          g_assert_cmpfloat (hour, <=, MIN (aftercare_phase_get_end_hours (phase), 72) + 1e-6);
          for (AftercarePhase other = 0; other < phase; other++)
            g_assert_false (graphene_rect_intersection (&bounds[phase], &bounds[other], NULL));
        }
    }
}

static void
test_scales_with_its_width (Fixture *f, gconstpointer data)
{
  static const int widths[] = { 300, 900 };

  add_checkin (f, 36, 1, 0);
  aftercare_timeline_view_set_session (f->view, f->session);
  aftercare_timeline_view_set_checkins (f->view, f->checkins);
  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      AftercareTimelinePlot plot;
      double x;

      wait_for_allocation (f, widths[i]);
      aftercare_timeline_view_get_plot (f->view, &plot);
      aftercare_timeline_view_get_point (f->view, 0, &x, NULL);
      /* The plot takes the width it is given, and 36 hours is its middle. */
      g_assert_cmpfloat (plot.width, >, widths[i] * 0.75);
      g_assert_cmpfloat_with_epsilon (x, plot.x + plot.width / 2, 1e-9);
    }
}

static void
test_says_it_in_words (Fixture *f, gconstpointer data)
{
  g_autoptr(GDateTime) now = g_date_time_add_hours (f->ended_at, 14);
  const char *description;
  const char *tooltip;

  add_checkin (f, 12, 4, AFTERCARE_SYMPTOM_HEAVINESS);
  aftercare_timeline_view_set_session (f->view, f->session);
  aftercare_timeline_view_set_checkins (f->view, f->checkins);
  aftercare_timeline_view_set_now (f->view, now);

  description = aftercare_timeline_view_get_description (f->view);
  g_test_message ("%s", description);
  g_assert_nonnull (strstr (description, "Soreness 4 at 12 hours, above the usual"));
  g_assert_nonnull (strstr (description, "Now: 14 hours after"));
  tooltip = aftercare_timeline_view_get_point_tooltip (f->view, 0);
  g_test_message ("%s", tooltip);
  g_assert_nonnull (strstr (tooltip, "Soreness 4/10"));
  g_assert_nonnull (strstr (tooltip, "12 hours after"));
  g_assert_nonnull (strstr (tooltip, "Heavy legs"));
  g_assert_nonnull (strstr (tooltip, "Usual at this time: 1 to 3"));

  /* On a 12-hour desktop, times read that way. */
  g_assert_nonnull (strstr (description, "ended Tue 24 Nov, 10:00."));
  aftercare_timeline_view_set_clock_24h (f->view, FALSE);
  g_assert_nonnull (strstr (aftercare_timeline_view_get_description (f->view), "ended Tue 24 Nov, 10:00 AM."));
  g_assert_nonnull (strstr (aftercare_timeline_view_get_point_tooltip (f->view, 0), "10:00 PM"));
  aftercare_timeline_view_set_clock_24h (f->view, TRUE);
  description = aftercare_timeline_view_get_description (f->view);

  gtk_test_accessible_assert_role (f->view, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_test_accessible_assert_property (f->view, GTK_ACCESSIBLE_PROPERTY_LABEL, "Recovery timeline");
  gtk_test_accessible_assert_property (f->view, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description);
}

static void
test_after_72_hours_pins_to_the_edge_in_the_dark (Fixture *f, gconstpointer data)
{
  g_autoptr(GDateTime) now = g_date_time_add_hours (f->ended_at, 100);
  AdwStyleManager *style = adw_style_manager_get_default ();
  AftercareTimelinePlot plot;
  double x;

  add_checkin (f, 80, 1, 0);
  aftercare_timeline_view_set_session (f->view, f->session);
  aftercare_timeline_view_set_checkins (f->view, f->checkins);
  aftercare_timeline_view_set_now (f->view, now);
  /* Drawn dark, then light again: a warning while drawing fails the test. */
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  wait_for_allocation (f, 500);
  g_assert_true (adw_style_manager_get_dark (style));

  aftercare_timeline_view_get_plot (f->view, &plot);
  aftercare_timeline_view_get_point (f->view, 0, &x, NULL);
  g_assert_cmpfloat_with_epsilon (x, plot.x + plot.width, 1e-9);
  g_assert_nonnull (strstr (aftercare_timeline_view_get_description (f->view), "Now: 4 days after"));

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  for (int i = 0; i < 5; i++)
    g_main_context_iteration (NULL, FALSE);
}

/* Your own pattern: drawn beside the usual band (drawing must not warn),
 * described in words, and gone for a pattern that needs more sessions or
 * for another session. */
static void
test_shows_your_pattern (Fixture *f, gconstpointer data)
{
  g_autoptr(AftercarePattern) pattern = aftercare_pattern_new ();
  g_autoptr(AftercareSession) other = aftercare_session_new (f->ended_at);
  AftercarePatternSummary summary;
  const char *description;

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GDateTime) end = g_date_time_add_days (f->ended_at, -7 * (int) (i + 1));
      g_autoptr(AftercareSession) earlier = aftercare_session_new (end);
      g_autoptr(GDateTime) at = g_date_time_add_hours (end, 18);
      g_autoptr(GPtrArray) checkins = g_ptr_array_new_with_free_func (g_object_unref);

      aftercare_session_set_massage_type (earlier, AFTERCARE_MASSAGE_DEEP_TISSUE);
      aftercare_session_set_pressure (earlier, AFTERCARE_PRESSURE_DEEP);
      g_ptr_array_add (checkins, aftercare_checkin_new (aftercare_session_get_id (earlier), at, 3 + i, 0));
      aftercare_pattern_add_session (pattern, earlier, checkins);
    }
  aftercare_pattern_summarize (pattern, AFTERCARE_MASSAGE_DEEP_TISSUE, AFTERCARE_PRESSURE_DEEP, NULL, &summary);
  aftercare_timeline_view_set_session (f->view, f->session);
  aftercare_timeline_view_set_pattern (f->view, &summary);
  wait_for_allocation (f, 600);

  g_assert_true (aftercare_timeline_view_get_has_pattern (f->view));
  description = aftercare_timeline_view_get_description (f->view);
  g_assert_nonnull (strstr (description, "yours from earlier massages like this: "
                                         "First run window: usually 4/10 (3 to 5), from 3 massages."));

  summary.n_sessions = 2;
  aftercare_timeline_view_set_pattern (f->view, &summary);
  g_assert_false (aftercare_timeline_view_get_has_pattern (f->view));
  g_assert_null (strstr (aftercare_timeline_view_get_description (f->view), "yours"));

  summary.n_sessions = 3;
  aftercare_timeline_view_set_pattern (f->view, &summary);
  aftercare_timeline_view_set_session (f->view, other);
  g_assert_false (aftercare_timeline_view_get_has_pattern (f->view));
}

int
main (int argc, char *argv[])
{
  /* Clock times in the words are local: make local UTC, whatever the machine's. */
  g_setenv ("TZ", "UTC", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add ("/timeline-view/checkin-at-hour-12-lands-where-the-geometry-says", Fixture, NULL,
              fixture_set_up, test_checkin_at_hour_12_lands_where_the_geometry_says, fixture_tear_down);
  g_test_add ("/timeline-view/every-phase-named-at-360-px", Fixture, NULL,
              fixture_set_up, test_every_phase_named_at_360_px, fixture_tear_down);
  g_test_add ("/timeline-view/mirrored-right-to-left", Fixture, NULL,
              fixture_set_up, test_mirrored_right_to_left, fixture_tear_down);
  g_test_add ("/timeline-view/scales-with-its-width", Fixture, NULL,
              fixture_set_up, test_scales_with_its_width, fixture_tear_down);
  g_test_add ("/timeline-view/says-it-in-words", Fixture, NULL,
              fixture_set_up, test_says_it_in_words, fixture_tear_down);
  g_test_add ("/timeline-view/after-72-hours-pins-to-the-edge-in-the-dark", Fixture, NULL,
              fixture_set_up, test_after_72_hours_pins_to_the_edge_in_the_dark, fixture_tear_down);
  g_test_add ("/timeline-view/shows-your-pattern", Fixture, NULL,
              fixture_set_up, test_shows_your_pattern, fixture_tear_down);
  return g_test_run ();
}
