/* aftercare-application.h: the AdwApplication: actions, shortcuts, windows. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "aftercare-reminder-service.h"

G_BEGIN_DECLS

#define AFTERCARE_TYPE_APPLICATION (aftercare_application_get_type ())
G_DECLARE_FINAL_TYPE (AftercareApplication, aftercare_application, AFTERCARE, APPLICATION, AdwApplication)

AftercareApplication *aftercare_application_new          (void);
/* The database the window opens (--db), or NULL for the default location. */
const char           *aftercare_application_get_db_path  (AftercareApplication *self);
GSettings            *aftercare_application_get_settings (AftercareApplication *self);
/* The check-in reminders (made at startup); their clock is theirs, for tests to set. */
AftercareReminderService *aftercare_application_get_reminders (AftercareApplication *self);

G_END_DECLS
