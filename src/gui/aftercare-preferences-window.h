/* aftercare-preferences-window.h: Preferences: clinic mode, clinic name, staff PIN, idle time, planned run, clock. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "aftercare-clock.h"

G_BEGIN_DECLS

#define AFTERCARE_TYPE_PREFERENCES_WINDOW (aftercare_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (AftercarePreferencesWindow, aftercare_preferences_window, AFTERCARE, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* Edits settings (the application's schema) directly: each change is kept
 * at once. The staff PIN is stored only as a salted hash. The clock row
 * says which clock (12- or 24-hour) clock follows. */
AftercarePreferencesWindow *aftercare_preferences_window_new (GtkWindow      *parent,
                                                              GSettings      *settings,
                                                              AftercareClock *clock);

G_END_DECLS
