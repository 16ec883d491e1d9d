/* test-timeline-geometry.c: where check-ins land on the recovery timeline, without a display. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib.h>

#include "aftercare-timeline-geometry.h"

static const AftercareTimelineMargins margins = { .left = 30, .top = 24, .right = 20, .bottom = 36 };

static void
make_plot (AftercareTimelinePlot *plot)
{
  /* 770 × 260 leaves a 720 × 200 plot: ten pixels an hour, twenty a point. */
  aftercare_timeline_plot_init (plot, 770, 260, &margins);
  g_assert_cmpfloat (plot->x, ==, 30);
  g_assert_cmpfloat (plot->y, ==, 24);
  g_assert_cmpfloat (plot->width, ==, 720);
  g_assert_cmpfloat (plot->height, ==, 200);
}

static void
test_hour_12_lands_a_sixth_of_the_way (void)
{
  AftercareTimelinePlot plot;

  make_plot (&plot);
  g_assert_cmpfloat_with_epsilon (aftercare_timeline_hour_to_x (&plot, 12),
                                  plot.x + plot.width * 12 / 72, 1e-9);
  g_assert_cmpfloat_with_epsilon (aftercare_timeline_hour_to_x (&plot, 12), 150, 1e-9);
  g_assert_cmpfloat_with_epsilon (aftercare_timeline_hour_to_x (&plot, 0), 30, 1e-9);
  g_assert_cmpfloat_with_epsilon (aftercare_timeline_hour_to_x (&plot, 72), 750, 1e-9);
  /* And back: the tooltip finds the hour under the pointer. */
  g_assert_cmpfloat_with_epsilon (aftercare_timeline_x_to_hour (&plot, 150), 12, 1e-9);
}

static void
test_scales_to_any_width (void)
{
  static const double widths[] = { 300, 336, 640, 1280 };

  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      AftercareTimelinePlot plot;

      aftercare_timeline_plot_init (&plot, widths[i], 220, &margins);
      g_assert_cmpfloat_with_epsilon (aftercare_timeline_hour_to_x (&plot, 36),
                                      margins.left + (widths[i] - 50) / 2, 1e-9);
      g_assert_cmpfloat_with_epsilon (aftercare_timeline_hour_to_x (&plot, 72),
                                      widths[i] - margins.right, 1e-9);
    }
}

static void
test_after_72_hours_is_pinned_to_the_edge (void)
{
  AftercareTimelinePlot plot;
  gboolean clamped = FALSE;

  make_plot (&plot);
  g_assert_cmpfloat (aftercare_timeline_hour_to_x (&plot, 100), ==, 750);
  g_assert_cmpfloat (aftercare_timeline_clamp_hours (100, &clamped), ==, 72);
  g_assert_true (clamped);
  g_assert_cmpfloat (aftercare_timeline_clamp_hours (71.5, &clamped), ==, 71.5);
  g_assert_false (clamped);
  /* Exactly 72 hours is on the axis, not past it. */
  g_assert_cmpfloat (aftercare_timeline_clamp_hours (72, &clamped), ==, 72);
  g_assert_false (clamped);
  g_assert_cmpfloat (aftercare_timeline_hour_to_x (&plot, -3), ==, 30);
}

static void
test_soreness_runs_up_from_the_bottom (void)
{
  AftercareTimelinePlot plot;

  make_plot (&plot);
  g_assert_cmpfloat_with_epsilon (aftercare_timeline_soreness_to_y (&plot, 0), 224, 1e-9);
  g_assert_cmpfloat_with_epsilon (aftercare_timeline_soreness_to_y (&plot, 10), 24, 1e-9);
  /* The mild line at 2 sits a fifth of the way up. */
  g_assert_cmpfloat_with_epsilon (aftercare_timeline_soreness_to_y (&plot, 2), 184, 1e-9);
  g_assert_cmpfloat_with_epsilon (aftercare_timeline_soreness_to_y (&plot, 4), 144, 1e-9);
  g_assert_cmpfloat (aftercare_timeline_soreness_to_y (&plot, 12), ==, 24);
  g_assert_cmpfloat (aftercare_timeline_soreness_to_y (&plot, -1), ==, 224);
}

static void
test_too_small_gives_an_empty_plot (void)
{
  AftercareTimelinePlot plot;

  aftercare_timeline_plot_init (&plot, 40, 50, &margins);
  g_assert_cmpfloat (plot.width, ==, 0);
  g_assert_cmpfloat (plot.height, ==, 0);
  g_assert_cmpfloat (aftercare_timeline_hour_to_x (&plot, 50), ==, plot.x);
  g_assert_cmpfloat (aftercare_timeline_x_to_hour (&plot, 100), ==, 0);
}

static void
test_lines_fall_on_pixel_centres (void)
{
  g_assert_cmpfloat (aftercare_timeline_align (150.0, 1), ==, 150.5);
  g_assert_cmpfloat (aftercare_timeline_align (150.7, 1), ==, 150.5);
  /* On a doubled display a pixel is half a unit. */
  g_assert_cmpfloat (aftercare_timeline_align (150.7, 2), ==, 150.75);
}

static void
test_hit_test_finds_the_nearest_point (void)
{
  const double xs[] = { 100, 110, 300 };
  const double ys[] = { 50, 50, 80 };

  g_assert_cmpint (aftercare_timeline_hit_test (xs, ys, 3, 104, 51, 8), ==, 0);
  g_assert_cmpint (aftercare_timeline_hit_test (xs, ys, 3, 107, 50, 8), ==, 1);
  g_assert_cmpint (aftercare_timeline_hit_test (xs, ys, 3, 200, 50, 8), ==, -1);
  g_assert_cmpint (aftercare_timeline_hit_test (xs, ys, 3, 300, 88, 8), ==, 2);
  g_assert_cmpint (aftercare_timeline_hit_test (NULL, NULL, 0, 0, 0, 8), ==, -1);
}

static void
test_tick_labels_thin_out_when_narrow (void)
{
  /* Wide: a label every 12 hours; at 360 px, still room for every one; a
   * tiny plot keeps only the two ends. */
  g_assert_cmpfloat (aftercare_timeline_label_step_hours (720, 50, 8), ==, 12);
  g_assert_cmpfloat (aftercare_timeline_label_step_hours (300, 40, 6), ==, 12);
  g_assert_cmpfloat (aftercare_timeline_label_step_hours (240, 50, 8), ==, 24);
  g_assert_cmpfloat (aftercare_timeline_label_step_hours (60, 50, 8), ==, 72);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/timeline-geometry/hour-12-lands-a-sixth-of-the-way", test_hour_12_lands_a_sixth_of_the_way);
  g_test_add_func ("/timeline-geometry/scales-to-any-width", test_scales_to_any_width);
  g_test_add_func ("/timeline-geometry/after-72-hours-is-pinned-to-the-edge", test_after_72_hours_is_pinned_to_the_edge);
  g_test_add_func ("/timeline-geometry/soreness-runs-up-from-the-bottom", test_soreness_runs_up_from_the_bottom);
  g_test_add_func ("/timeline-geometry/too-small-gives-an-empty-plot", test_too_small_gives_an_empty_plot);
  g_test_add_func ("/timeline-geometry/lines-fall-on-pixel-centres", test_lines_fall_on_pixel_centres);
  g_test_add_func ("/timeline-geometry/hit-test-finds-the-nearest-point", test_hit_test_finds_the_nearest_point);
  g_test_add_func ("/timeline-geometry/tick-labels-thin-out-when-narrow", test_tick_labels_thin_out_when_narrow);
  return g_test_run ();
}
