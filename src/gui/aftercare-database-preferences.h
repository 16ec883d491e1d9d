/* aftercare-database-preferences.h: Preferences: the shared clinic database's address, and a test of it. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define AFTERCARE_TYPE_DATABASE_PREFERENCES (aftercare_database_preferences_get_type ())
G_DECLARE_FINAL_TYPE (AftercareDatabasePreferences, aftercare_database_preferences,
                      AFTERCARE, DATABASE_PREFERENCES, AdwPreferencesGroup)

/* A preferences group for the "shared-database" key of settings: the
 * address is saved when applied, and only when it is one libpq can read
 * with no password in it (or empty: a file on this computer); "Test"
 * connects from a thread and says plainly what failed. It takes effect
 * when Aftercare next starts. Made to be dropped into the Preferences
 * window: <object class="AftercareDatabasePreferences"/> with "settings"
 * set from code. */
GtkWidget *aftercare_database_preferences_new          (GSettings *settings);
GSettings *aftercare_database_preferences_get_settings (AftercareDatabasePreferences *self);
void       aftercare_database_preferences_set_settings (AftercareDatabasePreferences *self,
                                                        GSettings                    *settings);
/* TRUE while a connection test is running (for tests). */
gboolean   aftercare_database_preferences_get_testing  (AftercareDatabasePreferences *self);

G_END_DECLS
