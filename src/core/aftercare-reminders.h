/* aftercare-reminders.h: when a session's check-in reminder comes, and what it says. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "aftercare-advisor.h"

G_BEGIN_DECLS

/* Reminders ask about a massage for this long after it (the recovery
 * window and a day to spare), never later. */
#define AFTERCARE_REMINDER_WINDOW_HOURS 72
/* "Later" asks again after this long. */
#define AFTERCARE_REMINDER_LATER_MINUTES 60

/* Quiet hours from start_hour to end_hour (0–23, local time, across
 * midnight when start > end); equal hours mean no quiet hours. */
typedef struct {
  guint start_hour;
  guint end_hour;
} AftercareQuietHours;

/* at, or the end of the quiet hours when at falls inside them: a new
 * reference, in at's time zone. */
GDateTime *aftercare_quiet_hours_release (const AftercareQuietHours *quiet,
                                          GDateTime                 *at);

/* A session's reminders at now. Each reminder is due when the advice said
 * to check in next (the recheck_at of the assessment made at the latest
 * check-in, or at the massage's end, or at the previous reminder when the
 * person did not check in), and comes then or when quiet hours end.
 * due: the latest one that has come by now (NULL when none is out: none
 * came since the latest check-in, or the session recovered); comes_at:
 * when it came. However long the computer slept, there is only one.
 * next: when the next one comes, after now (NULL when none will). */
typedef struct {
  GDateTime *due;
  GDateTime *comes_at;
  GDateTime *next;
} AftercareReminderPlan;

/* checkins: the session's check-ins (any order). later_due, later_until
 * (both may be NULL): "Later" was chosen on the reminder due at later_due,
 * so that one comes again at later_until (still out of quiet hours). */
void       aftercare_reminder_plan_compute (AftercareReminderPlan     *plan,
                                            AftercareSession          *session,
                                            GPtrArray                 *checkins,
                                            AftercarePlannedRun        planned_run,
                                            const AftercareQuietHours *quiet,
                                            GDateTime                 *later_due,
                                            GDateTime                 *later_until,
                                            GDateTime                 *now);
void       aftercare_reminder_plan_clear   (AftercareReminderPlan *plan);

/* The notification's words for session at now, given the verdict now:
 * a seek-care one says to contact the therapist instead of checking in. */
char      *aftercare_reminder_get_title    (AftercareSession *session,
                                            AftercareVerdict  verdict);
char      *aftercare_reminder_get_body     (AftercareSession *session,
                                            AftercareVerdict  verdict,
                                            GDateTime        *now);

G_END_DECLS
