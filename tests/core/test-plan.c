/* test-plan.c: the recovery phases as clock times from a session's end (aftercare-plan.c). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "aftercare-plan.h"
#include "aftercare-time.h"

static GPtrArray *
plan_for (const char *ended_at,
          const char *now,
          gboolean    clock_24h)
{
  g_autoptr(GDateTime) end = aftercare_time_parse (ended_at);
  g_autoptr(GDateTime) at = aftercare_time_parse (now);

  g_assert_nonnull (end);
  g_assert_nonnull (at);
  return aftercare_plan_new (end, at, clock_24h);
}

/* The "when" of every step, in order, and which one is current. */
static void
assert_plan (GPtrArray          *steps,
             const char * const *expected,
             int                 current)
{
  guint n = g_strv_length ((char **) expected);

  g_assert_cmpuint (steps->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      AftercarePlanStep *step = g_ptr_array_index (steps, i);

      g_assert_cmpstr (step->when, ==, expected[i]);
      g_assert_cmpint (step->current, ==, (int) i == current);
    }
}

static void
test_just_ended (void)
{
  g_autoptr(GPtrArray) steps = plan_for ("2026-11-24T10:30:00Z", "2026-11-24T10:30:00Z", TRUE);
  const char *expected[] = {
    "until 14:30",
    "from 14:30 to 22:30",
    "from 22:30 to tomorrow 10:30",
    "from tomorrow 10:30 to Thu 26 Nov 10:30",
    "from Thu 26 Nov 10:30",
    NULL
  };
  AftercarePlanStep *last;

  assert_plan (steps, expected, 0);
  g_assert_cmpint (((AftercarePlanStep *) g_ptr_array_index (steps, 0))->phase, ==, AFTERCARE_PHASE_FIRST_HOURS);
  last = g_ptr_array_index (steps, 4);
  g_assert_cmpint (last->phase, ==, AFTERCARE_PHASE_CHECK);
  g_assert_null (last->ends_at);
}

/* A late massage: every boundary after the first falls after midnight. */
static void
test_across_midnight (void)
{
  g_autoptr(GPtrArray) steps = plan_for ("2026-11-24T22:30:00Z", "2026-11-24T22:45:00Z", TRUE);
  const char *expected[] = {
    "until tomorrow 02:30",
    "from tomorrow 02:30 to 10:30",
    "from tomorrow 10:30 to 22:30",
    "from tomorrow 22:30 to Thu 26 Nov 22:30",
    "from Thu 26 Nov 22:30",
    NULL
  };

  assert_plan (steps, expected, 0);
}

static void
test_twelve_hour_clock (void)
{
  g_autoptr(GPtrArray) steps = plan_for ("2026-11-24T10:30:00Z", "2026-11-24T11:00:00Z", FALSE);
  const char *expected[] = {
    "until 2:30 PM",
    "from 2:30 PM to 10:30 PM",
    "from 10:30 PM to tomorrow 10:30 AM",
    "from tomorrow 10:30 AM to Thu 26 Nov 10:30 AM",
    "from Thu 26 Nov 10:30 AM",
    NULL
  };

  assert_plan (steps, expected, 0);
}

/* Phases already over are left out; the one under way reads "until". */
static void
test_later_in_recovery (void)
{
  g_autoptr(GPtrArray) steps = plan_for ("2026-11-24T10:30:00Z", "2026-11-25T09:00:00Z", TRUE);
  const char *expected[] = {
    "until 10:30",
    "from 10:30 to tomorrow 10:30",
    "from tomorrow 10:30",
    NULL
  };

  assert_plan (steps, expected, 0);
  g_assert_cmpint (((AftercarePlanStep *) g_ptr_array_index (steps, 0))->phase, ==, AFTERCARE_PHASE_FIRST_RUN);
}

/* At exactly 12 hours the next phase has begun (half-open spans). */
static void
test_boundary_belongs_to_next_phase (void)
{
  g_autoptr(GPtrArray) steps = plan_for ("2026-11-24T10:30:00Z", "2026-11-24T22:30:00Z", TRUE);
  AftercarePlanStep *first = g_ptr_array_index (steps, 0);

  g_assert_cmpuint (steps->len, ==, 3);
  g_assert_cmpint (first->phase, ==, AFTERCARE_PHASE_FIRST_RUN);
  g_assert_true (first->current);
  g_assert_cmpstr (first->when, ==, "until tomorrow 10:30");
}

static void
test_long_after (void)
{
  g_autoptr(GPtrArray) steps = plan_for ("2026-11-24T10:30:00Z", "2026-11-28T09:00:00Z", TRUE);
  const char *expected[] = { "since Thu 26 Nov 10:30", NULL };

  assert_plan (steps, expected, 0);
}

/* Clock times are the reader's: now's zone, whatever zone the session
 * was entered in. */
static void
test_shown_in_nows_zone (void)
{
  g_autoptr(GPtrArray) steps = plan_for ("2026-11-24T10:30:00Z", "2026-11-24T12:00:00+01:00", TRUE);
  AftercarePlanStep *first = g_ptr_array_index (steps, 0);
  AftercarePlanStep *second = g_ptr_array_index (steps, 1);

  g_assert_cmpstr (first->when, ==, "until 15:30");
  g_assert_cmpstr (second->when, ==, "from 15:30 to 23:30");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/plan/just-ended", test_just_ended);
  g_test_add_func ("/plan/across-midnight", test_across_midnight);
  g_test_add_func ("/plan/twelve-hour-clock", test_twelve_hour_clock);
  g_test_add_func ("/plan/later-in-recovery", test_later_in_recovery);
  g_test_add_func ("/plan/boundary-belongs-to-next-phase", test_boundary_belongs_to_next_phase);
  g_test_add_func ("/plan/long-after", test_long_after);
  g_test_add_func ("/plan/shown-in-nows-zone", test_shown_in_nows_zone);
  return g_test_run ();
}
