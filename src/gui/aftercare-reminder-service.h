/* aftercare-reminder-service.h: check-in reminders as desktop notifications, kept while the window is closed. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "aftercare-clock.h"
#include "aftercare-store.h"

G_BEGIN_DECLS

#define AFTERCARE_TYPE_REMINDER_SERVICE (aftercare_reminder_service_get_type ())
G_DECLARE_FINAL_TYPE (AftercareReminderService, aftercare_reminder_service, AFTERCARE, REMINDER_SERVICE, GObject)

/* Sends application's notifications for the sessions in the database at
 * location (NULL: the default one) as their check-ins fall due
 * (aftercare-reminders.h), following settings ("reminders", quiet hours;
 * none in clinic mode) and clock. Adds the actions "app.reminder-check-in"
 * and "app.reminder-later" (s: session id) the notifications use, holds
 * the application while a reminder is out or waiting ("pending"), and
 * keeps the start at login in step with the "reminders" setting.
 * Signals: "changed" after the reminders were worked out again;
 * "open-session" (const char *session_id, gboolean check_in) when a
 * notification is activated: the application shows that session. */
AftercareReminderService *aftercare_reminder_service_new         (GApplication   *application,
                                                                 GSettings      *settings,
                                                                 AftercareClock *clock,
                                                                 const char     *location);
/* Reads the database again and sends or withdraws what changed; also on
 * its own when a reminder falls due and when the clock or settings move. */
void                      aftercare_reminder_service_update      (AftercareReminderService *self);
/* Updates whenever store (a window's) changes a session or its check-ins. */
void                      aftercare_reminder_service_watch_store (AftercareReminderService *self,
                                                                 AftercareStore           *store);
/* The clock the reminders follow (tests set it). */
AftercareClock           *aftercare_reminder_service_get_clock   (AftercareReminderService *self);
gboolean                  aftercare_reminder_service_get_pending (AftercareReminderService *self);
/* When the next reminder about session_id comes; NULL when none will. */
GDateTime                *aftercare_reminder_service_get_next    (AftercareReminderService *self,
                                                                 const char               *session_id);
/* The service of widget's application, or NULL. */
AftercareReminderService *aftercare_reminder_service_get_for_widget (GtkWidget *widget);
/* The XDG autostart entry written while reminders are on:
 * $XDG_CONFIG_HOME/autostart/APP_ID.desktop. */
char                     *aftercare_reminder_service_get_autostart_path (void);

G_END_DECLS
