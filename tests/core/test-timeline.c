/* test-timeline.c: recovery phases in time and the expected soreness band (aftercare-timeline.c). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "aftercare-advisor.h"
#include "aftercare-catalog.h"
#include "aftercare-time.h"
#include "aftercare-timeline.h"
#include "aftercare-timeline-text.h"
#include "aftercare-wording.h"

#define END "2026-11-24T10:00:00Z"

/* The session's end plus hours, minutes and microseconds. */
static GDateTime *
after_end (int hours, int minutes, GTimeSpan usec)
{
  g_autoptr(GDateTime) end = aftercare_time_parse (END);

  return g_date_time_add (end, hours * G_TIME_SPAN_HOUR + minutes * G_TIME_SPAN_MINUTE + usec);
}

static AftercarePhase
phase_after (int hours, int minutes, GTimeSpan usec)
{
  g_autoptr(GDateTime) end = aftercare_time_parse (END);
  g_autoptr(GDateTime) time = after_end (hours, minutes, usec);

  return aftercare_timeline_phase_at_time (end, time);
}

static void
test_phase_table (void)
{
  static const double starts[] = { 0, 4, 12, 24, 48 };

  for (guint i = 0; i < AFTERCARE_N_PHASES; i++)
    {
      g_assert_cmpfloat (aftercare_phase_get_start_hours (i), ==, starts[i]);
      if (i + 1 < AFTERCARE_N_PHASES)
        g_assert_cmpfloat (aftercare_phase_get_end_hours (i), ==, starts[i + 1]);
    }
  g_assert_cmpfloat (aftercare_phase_get_end_hours (AFTERCARE_PHASE_CHECK), ==, G_MAXDOUBLE);
}

static void
test_phase_at_hours_half_open (void)
{
  g_assert_cmpint (aftercare_timeline_phase_at (-3), ==, AFTERCARE_PHASE_FIRST_HOURS);
  g_assert_cmpint (aftercare_timeline_phase_at (0), ==, AFTERCARE_PHASE_FIRST_HOURS);
  g_assert_cmpint (aftercare_timeline_phase_at (3.99), ==, AFTERCARE_PHASE_FIRST_HOURS);
  g_assert_cmpint (aftercare_timeline_phase_at (4), ==, AFTERCARE_PHASE_SETTLING);
  g_assert_cmpint (aftercare_timeline_phase_at (11.99), ==, AFTERCARE_PHASE_SETTLING);
  g_assert_cmpint (aftercare_timeline_phase_at (12), ==, AFTERCARE_PHASE_FIRST_RUN);
  g_assert_cmpint (aftercare_timeline_phase_at (23.99), ==, AFTERCARE_PHASE_FIRST_RUN);
  g_assert_cmpint (aftercare_timeline_phase_at (24), ==, AFTERCARE_PHASE_FADING);
  g_assert_cmpint (aftercare_timeline_phase_at (47.99), ==, AFTERCARE_PHASE_FADING);
  g_assert_cmpint (aftercare_timeline_phase_at (48), ==, AFTERCARE_PHASE_CHECK);
  g_assert_cmpint (aftercare_timeline_phase_at (500), ==, AFTERCARE_PHASE_CHECK);
}

static void
test_phase_at_time_boundaries (void)
{
  g_assert_cmpint (phase_after (0, -30, 0), ==, AFTERCARE_PHASE_FIRST_HOURS);
  g_assert_cmpint (phase_after (3, 59, 0), ==, AFTERCARE_PHASE_FIRST_HOURS);
  g_assert_cmpint (phase_after (4, 0, 0), ==, AFTERCARE_PHASE_SETTLING);
  g_assert_cmpint (phase_after (11, 59, 0), ==, AFTERCARE_PHASE_SETTLING);
  /* One microsecond before a boundary is still the earlier phase. */
  g_assert_cmpint (phase_after (12, 0, -1), ==, AFTERCARE_PHASE_SETTLING);
  g_assert_cmpint (phase_after (12, 0, 0), ==, AFTERCARE_PHASE_FIRST_RUN);
  g_assert_cmpint (phase_after (23, 59, 0), ==, AFTERCARE_PHASE_FIRST_RUN);
  g_assert_cmpint (phase_after (24, 0, 0), ==, AFTERCARE_PHASE_FADING);
  g_assert_cmpint (phase_after (47, 59, 0), ==, AFTERCARE_PHASE_FADING);
  g_assert_cmpint (phase_after (48, 0, 0), ==, AFTERCARE_PHASE_CHECK);
}

static void
test_phase_at_time_across_offsets (void)
{
  /* The same instant written in another zone is the same phase. */
  g_autoptr(GDateTime) end = aftercare_time_parse ("2026-11-24T11:00:00+01:00");
  g_autoptr(GDateTime) time = aftercare_time_parse ("2026-11-24T22:00:00Z");

  g_assert_cmpint (aftercare_timeline_phase_at_time (end, time), ==, AFTERCARE_PHASE_FIRST_RUN);
}

static void
assert_next_boundary (int hours, int minutes, int expected_hours)
{
  g_autoptr(GDateTime) end = aftercare_time_parse (END);
  g_autoptr(GDateTime) time = after_end (hours, minutes, 0);
  g_autoptr(GDateTime) next = aftercare_timeline_next_boundary (end, time);
  g_autoptr(GDateTime) expected = after_end (expected_hours, 0, 0);

  g_assert_nonnull (next);
  g_assert_true (g_date_time_equal (next, expected));
}

static void
test_next_boundary (void)
{
  g_autoptr(GDateTime) end = aftercare_time_parse (END);
  g_autoptr(GDateTime) at_48 = after_end (48, 0, 0);
  g_autoptr(GDateTime) at_100 = after_end (100, 0, 0);

  assert_next_boundary (-2, 0, 4);
  assert_next_boundary (0, 0, 4);
  assert_next_boundary (3, 59, 4);
  assert_next_boundary (4, 0, 12);
  assert_next_boundary (11, 59, 12);
  assert_next_boundary (12, 0, 24);
  assert_next_boundary (24, 0, 48);
  assert_next_boundary (47, 59, 48);
  g_assert_null (aftercare_timeline_next_boundary (end, at_48));
  g_assert_null (aftercare_timeline_next_boundary (end, at_100));
}

static void
test_phase_texts (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < AFTERCARE_N_PHASES; i++)
    {
      const char *title = aftercare_phase_get_title (i);
      const char *advice = aftercare_phase_get_worded_advice (i, AFTERCARE_WORDING_NOW, NULL);

      g_assert_cmpuint (strlen (title), >, 3);
      g_assert_cmpuint (strlen (advice), >, 40);
      g_assert_true (g_hash_table_add (seen, (gpointer) title));
      g_assert_true (g_hash_table_add (seen, (gpointer) advice));
    }
  /* What each phase is for, from the brief's table. */
  g_assert_nonnull (strstr (aftercare_phase_get_worded_advice (AFTERCARE_PHASE_FIRST_HOURS, AFTERCARE_WORDING_NOW, NULL), "water"));
  g_assert_nonnull (strstr (aftercare_phase_get_worded_advice (AFTERCARE_PHASE_SETTLING, AFTERCARE_WORDING_NOW, NULL), "intervals"));
  g_assert_nonnull (strstr (aftercare_phase_get_worded_advice (AFTERCARE_PHASE_FIRST_RUN, AFTERCARE_WORDING_NOW, NULL), "easy"));
  g_assert_nonnull (strstr (aftercare_phase_get_worded_advice (AFTERCARE_PHASE_FADING, AFTERCARE_WORDING_NOW, NULL), "48 hours"));
  g_assert_nonnull (strstr (aftercare_phase_get_worded_advice (AFTERCARE_PHASE_CHECK, AFTERCARE_WORDING_NOW, NULL), "therapist"));
}

static void
expected (AftercareMassageType type, AftercarePressure pressure, double hours,
          double *low, double *high)
{
  aftercare_timeline_expected_soreness (type, pressure, hours, low, high);
  g_assert_cmpfloat (*low, >=, 0);
  g_assert_cmpfloat (*low, <=, *high);
  g_assert_cmpfloat (*high, <=, 10);
}

static void
test_expected_soreness_shape (void)
{
  double low, high, previous_high = 0;

  /* None before and at the end of the session, and none from 48 hours. */
  expected (AFTERCARE_MASSAGE_DEEP_TISSUE, AFTERCARE_PRESSURE_DEEP, -1, &low, &high);
  g_assert_cmpfloat (high, ==, 0);
  expected (AFTERCARE_MASSAGE_DEEP_TISSUE, AFTERCARE_PRESSURE_DEEP, 0, &low, &high);
  g_assert_cmpfloat (high, ==, 0);
  expected (AFTERCARE_MASSAGE_DEEP_TISSUE, AFTERCARE_PRESSURE_DEEP, 48, &low, &high);
  g_assert_cmpfloat (high, ==, 0);
  expected (AFTERCARE_MASSAGE_DEEP_TISSUE, AFTERCARE_PRESSURE_DEEP, 72, &low, &high);
  g_assert_cmpfloat (high, ==, 0);

  /* Rises over the first 12 hours ... */
  for (double h = 1; h <= 12; h += 1)
    {
      expected (AFTERCARE_MASSAGE_DEEP_TISSUE, AFTERCARE_PRESSURE_DEEP, h, &low, &high);
      g_assert_cmpfloat (high, >, previous_high);
      previous_high = high;
    }
  /* ... holds at its peak, 1 to 3 for deep tissue, until 24 hours ... */
  for (double h = 12; h <= 24; h += 2)
    {
      expected (AFTERCARE_MASSAGE_DEEP_TISSUE, AFTERCARE_PRESSURE_DEEP, h, &low, &high);
      g_assert_cmpfloat_with_epsilon (low, 1.0, 1e-9);
      g_assert_cmpfloat_with_epsilon (high, 3.0, 1e-9);
    }
  /* ... and eases off to nothing by 48 hours. */
  for (double h = 25; h < 48; h += 1)
    {
      expected (AFTERCARE_MASSAGE_DEEP_TISSUE, AFTERCARE_PRESSURE_DEEP, h, &low, &high);
      g_assert_cmpfloat (high, <, previous_high);
      previous_high = high;
    }
  g_assert_cmpfloat (previous_high, <, 0.05);
}

static void
test_expected_soreness_by_type_and_pressure (void)
{
  double low, high, deep_high, light_high, swedish_high;

  expected (AFTERCARE_MASSAGE_SWEDISH, AFTERCARE_PRESSURE_LIGHT, 18, &low, &high);
  g_assert_cmpfloat (low, ==, 0);
  g_assert_cmpfloat_with_epsilon (high, 1.0, 1e-9);
  swedish_high = high;

  /* The likelier a type is to leave you sore, the higher its band. */
  expected (AFTERCARE_MASSAGE_THAI, AFTERCARE_PRESSURE_LIGHT, 18, &low, &high);
  g_assert_cmpfloat (high, >, swedish_high);
  expected (AFTERCARE_MASSAGE_DEEP_TISSUE, AFTERCARE_PRESSURE_LIGHT, 18, &low, &light_high);
  g_assert_cmpfloat (light_high, >, high);

  /* Deeper pressure, higher band, for the same type. */
  expected (AFTERCARE_MASSAGE_DEEP_TISSUE, AFTERCARE_PRESSURE_DEEP, 18, &low, &deep_high);
  g_assert_cmpfloat (deep_high, >, light_high);

  /* Every type and pressure stays within mild to just above mild. */
  for (guint t = 0; t < AFTERCARE_N_MASSAGE_TYPES; t++)
    for (guint p = AFTERCARE_PRESSURE_LIGHT; p <= AFTERCARE_PRESSURE_DEEP; p++)
      for (double h = -2; h < 80; h += 0.5)
        {
          expected (t, p, h, &low, &high);
          g_assert_cmpfloat (high, <=, 3.0 + 1e-9);
        }
}

/* "Above the usual soreness" is judged in the core, in whole points as
 * people read them, and worded there. */
static void
test_compare_with_usual (void)
{
  AftercareMassageType type = AFTERCARE_MASSAGE_DEEP_TISSUE;
  AftercarePressure pressure = AFTERCARE_PRESSURE_DEEP;
  int low, high;
  g_autofree char *range = NULL;
  g_autofree char *above = NULL;
  g_autofree char *expected = NULL;

  aftercare_timeline_usual_range (type, pressure, 24, &low, &high);
  g_assert_cmpint (low, <, high);
  g_assert_cmpint (low, >=, 1);
  g_assert_cmpint (aftercare_timeline_compare_soreness (type, pressure, 24, high + 1), ==, AFTERCARE_USUAL_ABOVE);
  g_assert_cmpint (aftercare_timeline_compare_soreness (type, pressure, 24, high), ==, AFTERCARE_USUAL_WITHIN);
  g_assert_cmpint (aftercare_timeline_compare_soreness (type, pressure, 24, low), ==, AFTERCARE_USUAL_WITHIN);
  g_assert_cmpint (aftercare_timeline_compare_soreness (type, pressure, 24, low - 1), ==, AFTERCARE_USUAL_BELOW);

  range = aftercare_timeline_format_usual (type, pressure, 24);
  expected = g_strdup_printf ("%d to %d", low, high);
  g_assert_cmpstr (range, ==, expected);
  above = aftercare_timeline_describe_moment (type, pressure, 24.5, high + 1);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("Soreness %d at 24 hours, above the usual %d to %d.", high + 1, low, high);
  g_assert_cmpstr (above, ==, expected);
}

static void
test_describe_now_and_phases (void)
{
  g_autoptr(GDateTime) end = aftercare_time_parse (END);
  g_autoptr(GDateTime) at = after_end (14, 0, 0);
  g_autoptr(AftercareSession) session = aftercare_session_new (end);
  g_autoptr(AftercareCheckin) checkin = aftercare_checkin_new (aftercare_session_get_id (session), at, 1,
                                                               AFTERCARE_SYMPTOM_NUMBNESS);
  g_autoptr(GPtrArray) checkins = g_ptr_array_new ();
  g_autoptr(AftercareAssessment) seek_care = NULL;
  g_autofree char *now = aftercare_timeline_describe_now (14.5);
  g_autofree char *title = aftercare_timeline_describe_phase (NULL, AFTERCARE_PHASE_FIRST_RUN, NULL);
  g_autofree char *worded = NULL;
  AftercareGrant grant = AFTERCARE_GRANT_TRAINING_NOW;

  g_assert_cmpstr (now, ==, "Now: 14 hours after, in the phase First run window.");
  g_assert_cmpstr (title, ==, "First run window");
  g_ptr_array_add (checkins, checkin);
  seek_care = aftercare_advisor_assess (session, checkins, AFTERCARE_PLANNED_RUN_EASY, at);
  worded = aftercare_timeline_describe_phase (seek_care, AFTERCARE_PHASE_FIRST_RUN, &grant);
  g_assert_true (g_str_has_prefix (worded, "First run window\n"));
  g_assert_nonnull (strstr (worded, "Until you have been seen, do not run"));
  g_assert_cmpint (grant, ==, AFTERCARE_GRANT_LATER);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/timeline/phase/table", test_phase_table);
  g_test_add_func ("/timeline/phase/at-hours-half-open", test_phase_at_hours_half_open);
  g_test_add_func ("/timeline/phase/at-time-boundaries", test_phase_at_time_boundaries);
  g_test_add_func ("/timeline/phase/at-time-across-offsets", test_phase_at_time_across_offsets);
  g_test_add_func ("/timeline/phase/next-boundary", test_next_boundary);
  g_test_add_func ("/timeline/phase/texts", test_phase_texts);
  g_test_add_func ("/timeline/text/compare-with-usual", test_compare_with_usual);
  g_test_add_func ("/timeline/text/now-and-phases", test_describe_now_and_phases);
  g_test_add_func ("/timeline/expected-soreness/shape", test_expected_soreness_shape);
  g_test_add_func ("/timeline/expected-soreness/by-type-and-pressure",
                   test_expected_soreness_by_type_and_pressure);
  return g_test_run ();
}
