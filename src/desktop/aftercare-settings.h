/* aftercare-settings.h: the settings the program reads from the desktop as it starts, with no display and no installed schema to rely on. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "aftercare-time-source.h"

G_BEGIN_DECLS

/* The settings of schema_id, or NULL when that schema is not installed
 * (g_settings_new() would abort). */
GSettings *aftercare_settings_new_if_installed (const char *schema_id);

/* The desktop's interface settings when they carry clock-format, else NULL;
 * watch "changed::clock-format" on them to follow a change. */
GSettings *aftercare_settings_new_desktop_clock (void);
/* Whether desktop (from the function above, or NULL) means 24-hour clocks. */
gboolean   aftercare_settings_clock_is_24h     (GSettings *desktop);

/* Whether the desktop shows 24-hour clocks (org.gnome.desktop.interface
 * clock-format); TRUE when that schema is missing. */
gboolean   aftercare_settings_get_clock_24h    (void);

/* A text setting, such as this application's "clinic-name"; "" when it is
 * not set or the schema (or the key) is not installed (a build run by hand). */
char      *aftercare_settings_get_string       (const char *schema_id,
                                                const char *key);

/* The shared clinic database chosen in Preferences (this application's
 * key "shared-database"), or NULL when none is. */
char      *aftercare_settings_get_shared_database (void);
/* Where to go when no location is given: the shared database when one is
 * chosen, else the default file (aftercare_store_get_default_location()). */
char      *aftercare_settings_get_database        (void);

/* The time source of a command-line run: the time now, read once, and the
 * desktop's 12/24-hour choice. */
AftercareTimeSource *aftercare_settings_new_time_source (void);

G_END_DECLS
