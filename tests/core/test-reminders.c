/* test-reminders.c: when a check-in reminder comes (quiet hours, "Later", after a sleep) and what it says. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>

#include "aftercare-reminders.h"
#include "aftercare-time.h"

/* A deep tissue massage (deep pressure) that ended at 09:00 UTC: its phase
 * boundaries, and so its reminders, are at 13:00, 21:00, 09:00 the next day
 * and 09:00 the day after. Quiet hours and times are in UTC. */
#define END "2026-03-10T09:00:00Z"

static const AftercareQuietHours default_quiet = { 22, 7 };

static GDateTime *
at (const char *text)
{
  GDateTime *time = aftercare_time_parse (text);

  g_assert_nonnull (time);
  return time;
}

static AftercareSession *
deep_tissue (void)
{
  g_autoptr(GDateTime) end = at (END);
  AftercareSession *session = aftercare_session_new (end);

  aftercare_session_set_massage_type (session, AFTERCARE_MASSAGE_DEEP_TISSUE);
  aftercare_session_set_pressure (session, AFTERCARE_PRESSURE_DEEP);
  return session;
}

static void
add_checkin (AftercareSession  *session,
             GPtrArray         *checkins,
             const char        *when,
             guint              soreness,
             AftercareSymptoms  symptoms)
{
  g_autoptr(GDateTime) time = at (when);

  g_ptr_array_add (checkins, aftercare_checkin_new (aftercare_session_get_id (session), time, soreness, symptoms));
}

static void
assert_time (GDateTime  *time,
             const char *expected)
{
  g_autofree char *text = NULL;

  g_assert_nonnull (time);
  text = aftercare_time_format_utc (time);
  g_assert_cmpstr (text, ==, expected);
}

static void
plan_at (AftercareReminderPlan     *plan,
         AftercareSession          *session,
         GPtrArray                 *checkins,
         const AftercareQuietHours *quiet,
         const char                *now_text)
{
  g_autoptr(GDateTime) now = at (now_text);

  aftercare_reminder_plan_compute (plan, session, checkins, AFTERCARE_PLANNED_RUN_EASY, quiet, NULL, NULL, now);
}

static void
test_due_at_recheck (void)
{
  g_autoptr(AftercareSession) session = deep_tissue ();
  g_autoptr(GPtrArray) checkins = g_ptr_array_new_with_free_func (g_object_unref);
  AftercareReminderPlan plan;

  plan_at (&plan, session, checkins, &default_quiet, "2026-03-10T12:59:00Z");
  g_assert_null (plan.due);
  assert_time (plan.next, "2026-03-10T13:00:00Z");
  aftercare_reminder_plan_clear (&plan);

  plan_at (&plan, session, checkins, &default_quiet, "2026-03-10T13:00:00Z");
  assert_time (plan.due, "2026-03-10T13:00:00Z");
  assert_time (plan.comes_at, "2026-03-10T13:00:00Z");
  assert_time (plan.next, "2026-03-10T21:00:00Z");
  aftercare_reminder_plan_clear (&plan);
}

static void
test_quiet_hours_hold_it_back (void)
{
  g_autoptr(AftercareSession) session = deep_tissue ();
  g_autoptr(GPtrArray) checkins = g_ptr_array_new_with_free_func (g_object_unref);
  const AftercareQuietHours evening = { 20, 7 };
  AftercareReminderPlan plan;

  /* Due at 21:00, inside quiet hours from 20:00: it waits for 07:00. */
  plan_at (&plan, session, checkins, &evening, "2026-03-10T21:30:00Z");
  assert_time (plan.due, "2026-03-10T13:00:00Z");
  assert_time (plan.next, "2026-03-11T07:00:00Z");
  aftercare_reminder_plan_clear (&plan);

  plan_at (&plan, session, checkins, &evening, "2026-03-11T07:00:00Z");
  assert_time (plan.due, "2026-03-10T21:00:00Z");
  assert_time (plan.comes_at, "2026-03-11T07:00:00Z");
  aftercare_reminder_plan_clear (&plan);
}

static void
test_quiet_hours_release (void)
{
  const AftercareQuietHours none = { 9, 9 };
  const AftercareQuietHours afternoon = { 13, 15 };
  struct { const AftercareQuietHours *quiet; const char *time; const char *released; } cases[] = {
    { &default_quiet, "2026-03-10T23:10:00Z", "2026-03-11T07:00:00Z" },
    { &default_quiet, "2026-03-10T03:00:00Z", "2026-03-10T07:00:00Z" },
    { &default_quiet, "2026-03-10T07:00:00Z", "2026-03-10T07:00:00Z" },
    { &default_quiet, "2026-03-10T21:59:00Z", "2026-03-10T21:59:00Z" },
    { &afternoon, "2026-03-10T14:00:00Z", "2026-03-10T15:00:00Z" },
    { &afternoon, "2026-03-10T16:00:00Z", "2026-03-10T16:00:00Z" },
    { &none, "2026-03-10T09:30:00Z", "2026-03-10T09:30:00Z" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) time = at (cases[i].time);
      g_autoptr(GDateTime) released = aftercare_quiet_hours_release (cases[i].quiet, time);

      assert_time (released, cases[i].released);
    }
}

static void
test_one_after_a_long_sleep (void)
{
  g_autoptr(AftercareSession) session = deep_tissue ();
  g_autoptr(GPtrArray) checkins = g_ptr_array_new_with_free_func (g_object_unref);
  const AftercareQuietHours none = { 0, 0 };
  AftercareReminderPlan plan;

  /* Asleep from before the first one to after the third: only the latest is out. */
  plan_at (&plan, session, checkins, &none, "2026-03-11T10:00:00Z");
  assert_time (plan.due, "2026-03-11T09:00:00Z");
  assert_time (plan.next, "2026-03-12T09:00:00Z");
  aftercare_reminder_plan_clear (&plan);

  /* Days later, the session has recovered: none at all. */
  plan_at (&plan, session, checkins, &none, "2026-03-14T10:00:00Z");
  g_assert_null (plan.due);
  g_assert_null (plan.next);
  aftercare_reminder_plan_clear (&plan);
}

static void
test_checking_in_clears_it (void)
{
  g_autoptr(AftercareSession) session = deep_tissue ();
  g_autoptr(GPtrArray) checkins = g_ptr_array_new_with_free_func (g_object_unref);
  AftercareReminderPlan plan;

  add_checkin (session, checkins, "2026-03-10T13:20:00Z", 2, AFTERCARE_SYMPTOM_NONE);
  plan_at (&plan, session, checkins, &default_quiet, "2026-03-10T13:30:00Z");
  g_assert_null (plan.due);
  assert_time (plan.next, "2026-03-10T21:00:00Z");
  aftercare_reminder_plan_clear (&plan);
}

static void
test_later_asks_again_in_an_hour (void)
{
  g_autoptr(AftercareSession) session = deep_tissue ();
  g_autoptr(GPtrArray) checkins = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDateTime) due = at ("2026-03-10T13:00:00Z");
  g_autoptr(GDateTime) until = at ("2026-03-10T14:05:00Z");
  g_autoptr(GDateTime) before = at ("2026-03-10T14:00:00Z");
  g_autoptr(GDateTime) after = at ("2026-03-10T14:05:00Z");
  AftercareReminderPlan plan;

  aftercare_reminder_plan_compute (&plan, session, checkins, AFTERCARE_PLANNED_RUN_EASY, &default_quiet,
                                   due, until, before);
  g_assert_null (plan.due);
  assert_time (plan.next, "2026-03-10T14:05:00Z");
  aftercare_reminder_plan_clear (&plan);

  aftercare_reminder_plan_compute (&plan, session, checkins, AFTERCARE_PLANNED_RUN_EASY, &default_quiet,
                                   due, until, after);
  assert_time (plan.due, "2026-03-10T13:00:00Z");
  assert_time (plan.comes_at, "2026-03-10T14:05:00Z");
  aftercare_reminder_plan_clear (&plan);
}

static void
test_none_after_the_window (void)
{
  g_autoptr(AftercareSession) session = deep_tissue ();
  g_autoptr(GPtrArray) checkins = g_ptr_array_new_with_free_func (g_object_unref);
  AftercareReminderPlan plan;

  /* A red flag keeps a session from recovering; still, no reminder days
   * after the massage (the verdict page keeps saying what to do). */
  add_checkin (session, checkins, "2026-03-10T12:00:00Z", 3, AFTERCARE_SYMPTOM_NUMBNESS);
  plan_at (&plan, session, checkins, &default_quiet, "2026-03-20T12:00:00Z");
  g_assert_null (plan.due);
  g_assert_null (plan.next);
  aftercare_reminder_plan_clear (&plan);
}

static void
test_words (void)
{
  g_autoptr(AftercareSession) session = deep_tissue ();
  g_autoptr(GDateTime) now = at ("2026-03-10T21:10:00Z");
  g_autofree char *title = aftercare_reminder_get_title (session, AFTERCARE_VERDICT_WAIT);
  g_autofree char *body = aftercare_reminder_get_body (session, AFTERCARE_VERDICT_WAIT, now);
  g_autofree char *care_title = aftercare_reminder_get_title (session, AFTERCARE_VERDICT_SEEK_CARE);
  g_autofree char *care_body = aftercare_reminder_get_body (session, AFTERCARE_VERDICT_SEEK_CARE, now);

  g_assert_cmpstr (title, ==, "How do you feel now?");
  g_assert_cmpstr (body, ==, "Deep tissue massage, 12 hours after. Check in to see what you can do today.");
  g_assert_true (strstr (care_title, "therapist") != NULL);
  g_assert_true (strstr (care_body, "Deep tissue massage, 12 hours after") != NULL);
  g_assert_true (strstr (care_body, "Contact your therapist") != NULL);
  g_assert_null (strstr (care_body, "Check in"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/reminders/due-at-recheck", test_due_at_recheck);
  g_test_add_func ("/reminders/quiet-hours/hold-it-back", test_quiet_hours_hold_it_back);
  g_test_add_func ("/reminders/quiet-hours/release", test_quiet_hours_release);
  g_test_add_func ("/reminders/one-after-a-long-sleep", test_one_after_a_long_sleep);
  g_test_add_func ("/reminders/checking-in-clears-it", test_checking_in_clears_it);
  g_test_add_func ("/reminders/later-asks-again", test_later_asks_again_in_an_hour);
  g_test_add_func ("/reminders/none-after-the-window", test_none_after_the_window);
  g_test_add_func ("/reminders/words", test_words);
  return g_test_run ();
}
