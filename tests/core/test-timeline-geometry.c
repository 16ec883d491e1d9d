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

/* The five phases' bands on a plot from plot_x, plot_width wide, with
 * names as wide as GTK's small text makes them. */
static void
make_band_names (AftercareTimelineBandName *names,
                 double                     plot_x,
                 double                     plot_width)
{
  static const double starts[] = { 0, 4, 12, 24, 48, 72 };
  static const double full[] = { 62, 48, 96, 86, 36 };
  static const double short_[] = { 34, 38, 22, 40, 36 };

  for (guint i = 0; i < 5; i++)
    names[i] = (AftercareTimelineBandName) {
      plot_x + plot_width * starts[i] / 72, plot_x + plot_width * starts[i + 1] / 72, { full[i], short_[i] } };
}

/* Every band named, each name over its band, within the widget, and no
 * two names on one row overlapping. */
static void
assert_names_fit (const AftercareTimelineBandName *names,
                  const AftercareTimelineNamePlace *places,
                  double                            width)
{
  for (guint i = 0; i < 5; i++)
    {
      double w = names[i].widths[places[i].short_name];

      g_assert_cmpfloat (places[i].x, >=, 0);
      g_assert_cmpfloat (places[i].x + w, <=, width);
      g_assert_cmpfloat (places[i].x + w / 2, >=, names[i].band_start);
      g_assert_cmpfloat (places[i].x + w / 2, <=, names[i].band_end);
      for (guint j = i + 1; j < 5; j++)
        if (places[j].row == places[i].row)
          g_assert_cmpfloat (places[j].x, >=, places[i].x + w + 6);
    }
}

static void
test_band_names_wide_on_one_row (void)
{
  AftercareTimelineBandName names[5];
  AftercareTimelineNamePlace places[5];

  make_band_names (names, 30, 720);
  g_assert_cmpuint (aftercare_timeline_place_band_names (names, 5, 0, 770, 6, places), ==, 1);
  assert_names_fit (names, places, 770);
  for (guint i = 0; i < 5; i++)
    {
      g_assert_cmpuint (places[i].short_name, ==, 0);
      g_assert_cmpuint (places[i].row, ==, 0);
    }
}

static void
test_band_names_at_360_px_all_named (void)
{
  AftercareTimelineBandName names[5];
  AftercareTimelineNamePlace places[5];
  guint full_names = 0;

  /* A phone: the first band is 15 px, narrower than any name. */
  make_band_names (names, 45, 277);
  g_assert_cmpuint (aftercare_timeline_place_band_names (names, 5, 0, 330, 6, places), ==, 2);
  assert_names_fit (names, places, 330);
  for (guint i = 0; i < 5; i++)
    full_names += places[i].short_name ? 0 : 1;
  /* Short names only where the full ones do not fit. */
  g_assert_cmpuint (full_names, >=, 3);

  /* Narrower still, names go short, and still every band has one. */
  make_band_names (names, 30, 200);
  g_assert_cmpuint (aftercare_timeline_place_band_names (names, 5, 0, 240, 6, places), ==, 2);
  assert_names_fit (names, places, 240);

  /* Too narrow for any arrangement: said so. */
  make_band_names (names, 10, 60);
  g_assert_cmpuint (aftercare_timeline_place_band_names (names, 5, 0, 80, 6, places), ==, 0);
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
  g_test_add_func ("/timeline-geometry/band-names/wide-on-one-row", test_band_names_wide_on_one_row);
  g_test_add_func ("/timeline-geometry/band-names/at-360-px-all-named", test_band_names_at_360_px_all_named);
  return g_test_run ();
}
