/* aftercare-settings.c: the settings the program reads from the desktop as it starts, with no display and no installed schema to rely on. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-settings"

#include "config.h"

#include "aftercare-settings.h"
#include "aftercare-store.h"

GSettings *
aftercare_settings_new_if_installed (const char *schema_id)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  g_return_val_if_fail (schema_id != NULL, NULL);
  if (source == NULL)
    return NULL;
  schema = g_settings_schema_source_lookup (source, schema_id, TRUE);
  if (schema == NULL)
    return NULL;
  return g_settings_new_full (schema, NULL, NULL);
}

static gboolean
has_key (GSettings  *settings,
         const char *key)
{
  g_autoptr(GSettingsSchema) schema = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  return g_settings_schema_has_key (schema, key);
}

GSettings *
aftercare_settings_new_desktop_clock (void)
{
  g_autoptr(GSettings) desktop = aftercare_settings_new_if_installed ("org.gnome.desktop.interface");

  if (desktop == NULL || !has_key (desktop, "clock-format"))
    return NULL;
  return g_steal_pointer (&desktop);
}

gboolean
aftercare_settings_clock_is_24h (GSettings *desktop)
{
  g_autofree char *format = NULL;

  /* Without GNOME's setting (another desktop), 24-hour is the safe default:
   * it cannot be misread as morning or evening. */
  if (desktop == NULL)
    return TRUE;
  format = g_settings_get_string (desktop, "clock-format");
  return g_strcmp0 (format, "12h") != 0;
}

gboolean
aftercare_settings_get_clock_24h (void)
{
  g_autoptr(GSettings) desktop = aftercare_settings_new_desktop_clock ();

  return aftercare_settings_clock_is_24h (desktop);
}

char *
aftercare_settings_get_string (const char *schema_id,
                               const char *key)
{
  g_autoptr(GSettings) settings = aftercare_settings_new_if_installed (schema_id);

  /* Not installed (a build run by hand), or an older schema: nothing set. */
  if (settings == NULL || !has_key (settings, key))
    return g_strdup ("");
  return g_settings_get_string (settings, key);
}

char *
aftercare_settings_get_shared_database (void)
{
  g_autoptr(GSettings) settings = aftercare_settings_new_if_installed (APP_ID);
  g_autofree char *location = NULL;

  /* Not installed (a build run by hand), or an older schema: no shared database. */
  if (settings == NULL || !has_key (settings, "shared-database"))
    return NULL;
  location = g_strstrip (g_settings_get_string (settings, "shared-database"));
  return *location != '\0' ? g_steal_pointer (&location) : NULL;
}

char *
aftercare_settings_get_database (void)
{
  char *shared = aftercare_settings_get_shared_database ();

  return shared != NULL ? shared : aftercare_store_get_default_location ();
}

AftercareTimeSource *
aftercare_settings_new_time_source (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return aftercare_fixed_time_new (now, aftercare_settings_get_clock_24h ());
}
