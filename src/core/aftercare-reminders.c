/* aftercare-reminders.c: when a session's check-in reminder comes, and what it says. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-reminders"

#include "config.h"

#include <glib/gi18n.h>

#include "aftercare-catalog.h"
#include "aftercare-reminders.h"
#include "aftercare-time.h"

/* recheck_at is never less than a few hours away, so a window of 72 hours
 * holds far fewer reminders than this; it only guards the loop. */
#define MAX_REMINDERS 64

static gboolean
hour_is_quiet (const AftercareQuietHours *quiet,
               int                        hour)
{
  guint h = (guint) hour;

  if (quiet->start_hour == quiet->end_hour)
    return FALSE;
  if (quiet->start_hour < quiet->end_hour)
    return h >= quiet->start_hour && h < quiet->end_hour;
  return h >= quiet->start_hour || h < quiet->end_hour;
}

GDateTime *
aftercare_quiet_hours_release (const AftercareQuietHours *quiet,
                               GDateTime                 *at)
{
  g_autoptr(GDateTime) end = NULL;

  g_return_val_if_fail (quiet != NULL, NULL);
  g_return_val_if_fail (at != NULL, NULL);

  if (!hour_is_quiet (quiet, g_date_time_get_hour (at)))
    return g_date_time_ref (at);
  end = g_date_time_new (g_date_time_get_timezone (at), g_date_time_get_year (at),
                         g_date_time_get_month (at), g_date_time_get_day_of_month (at),
                         quiet->end_hour, 0, 0);
  /* Quiet since the evening: they end tomorrow morning. */
  if (g_date_time_compare (end, at) <= 0)
    return g_date_time_add_days (end, 1);
  return g_steal_pointer (&end);
}

/* The latest check-in at or before now, else the massage's end. */
static GDateTime *
anchor_time (AftercareSession *session,
             GPtrArray        *checkins,
             GDateTime        *now)
{
  GDateTime *anchor = aftercare_session_get_ended_at (session);

  for (guint i = 0; checkins != NULL && i < checkins->len; i++)
    {
      GDateTime *at = aftercare_checkin_get_at (g_ptr_array_index (checkins, i));

      if (g_date_time_compare (at, anchor) > 0 && g_date_time_compare (at, now) <= 0)
        anchor = at;
    }
  return g_date_time_ref (anchor);
}

/* When the reminder after one at `at` is due, or NULL when none is: the
 * session has recovered, or it falls after the window. */
static GDateTime *
next_due (AftercareSession    *session,
          GPtrArray           *checkins,
          AftercarePlannedRun  planned_run,
          GDateTime           *at)
{
  g_autoptr(AftercareAssessment) assessment = aftercare_advisor_assess (session, checkins, planned_run, at);
  GDateTime *recheck_at = aftercare_assessment_get_recheck_at (assessment);

  if (aftercare_assessment_is_recovered (assessment) || recheck_at == NULL)
    return NULL;
  if (aftercare_time_hours_between (aftercare_session_get_ended_at (session), recheck_at)
      > AFTERCARE_REMINDER_WINDOW_HOURS)
    return NULL;
  return g_date_time_ref (recheck_at);
}

/* A reminder the person put off with "Later" comes at later_until instead. */
static GDateTime *
comes_at (const AftercareQuietHours *quiet,
          GDateTime                 *due,
          GDateTime                 *later_due,
          GDateTime                 *later_until)
{
  if (later_due != NULL && later_until != NULL && g_date_time_equal (due, later_due) &&
      g_date_time_compare (later_until, due) > 0)
    return aftercare_quiet_hours_release (quiet, later_until);
  return aftercare_quiet_hours_release (quiet, due);
}

void
aftercare_reminder_plan_compute (AftercareReminderPlan     *plan,
                                 AftercareSession          *session,
                                 GPtrArray                 *checkins,
                                 AftercarePlannedRun        planned_run,
                                 const AftercareQuietHours *quiet,
                                 GDateTime                 *later_due,
                                 GDateTime                 *later_until,
                                 GDateTime                 *now)
{
  g_autoptr(GDateTime) at = NULL;
  g_autoptr(GTimeZone) zone = NULL;

  g_return_if_fail (plan != NULL);
  g_return_if_fail (AFTERCARE_IS_SESSION (session));
  g_return_if_fail (quiet != NULL);
  g_return_if_fail (now != NULL);

  *plan = (AftercareReminderPlan) { 0 };
  /* Quiet hours are the person's: in now's time zone. */
  zone = g_time_zone_ref (g_date_time_get_timezone (now));
  at = anchor_time (session, checkins, now);
  for (guint i = 0; i < MAX_REMINDERS; i++)
    {
      g_autoptr(GDateTime) due_utc = next_due (session, checkins, planned_run, at);
      g_autoptr(GDateTime) due = NULL;
      g_autoptr(GDateTime) when = NULL;

      if (due_utc == NULL)
        {
          /* Recovered since: nothing is out any more. */
          g_clear_pointer (&plan->due, g_date_time_unref);
          g_clear_pointer (&plan->comes_at, g_date_time_unref);
          return;
        }
      due = g_date_time_to_timezone (due_utc, zone);
      when = comes_at (quiet, due, later_due, later_until);
      if (g_date_time_compare (when, now) > 0)
        {
          plan->next = g_steal_pointer (&when);
          return;
        }
      g_clear_pointer (&plan->due, g_date_time_unref);
      g_clear_pointer (&plan->comes_at, g_date_time_unref);
      plan->due = g_date_time_ref (due);
      plan->comes_at = g_steal_pointer (&when);
      g_clear_pointer (&at, g_date_time_unref);
      at = g_steal_pointer (&due);
    }
}

void
aftercare_reminder_plan_clear (AftercareReminderPlan *plan)
{
  g_return_if_fail (plan != NULL);
  g_clear_pointer (&plan->due, g_date_time_unref);
  g_clear_pointer (&plan->comes_at, g_date_time_unref);
  g_clear_pointer (&plan->next, g_date_time_unref);
}

char *
aftercare_reminder_get_title (AftercareSession *session,
                              AftercareVerdict  verdict)
{
  g_return_val_if_fail (AFTERCARE_IS_SESSION (session), NULL);

  if (verdict == AFTERCARE_VERDICT_SEEK_CARE)
    /* Translators: a reminder's title, after a check-in that asked the person to get help. */
    return g_strdup (_("Have you contacted your therapist?"));
  /* Translators: a reminder's title, when the next check-in is due. */
  return g_strdup (_("How do you feel now?"));
}

char *
aftercare_reminder_get_body (AftercareSession *session,
                             AftercareVerdict  verdict,
                             GDateTime        *now)
{
  g_autofree char *after = NULL;
  const char *massage;

  g_return_val_if_fail (AFTERCARE_IS_SESSION (session), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  after = aftercare_time_format_hours_after (
    aftercare_time_hours_between (aftercare_session_get_ended_at (session), now));
  /* The type's name as the reference writes it: no grammar is asked of
   * it (German capitalises its nouns, so it cannot be lower-cased). */
  massage = aftercare_massage_type_get_name (aftercare_session_get_massage_type (session));
  if (verdict == AFTERCARE_VERDICT_SEEK_CARE)
    /* Translators: a reminder; the first %s is the massage type ("Deep
     * tissue"), the second how long ago ("12 hours after"). */
    return g_strdup_printf (_("%s massage, %s: what you reported needs a professional's "
                              "look. Contact your therapist."), massage, after);
  /* Translators: a reminder; the first %s is the massage type ("Deep
   * tissue"), the second how long ago ("12 hours after"). */
  return g_strdup_printf (_("%s massage, %s. Check in to see what you can do today."),
                          massage, after);
}
