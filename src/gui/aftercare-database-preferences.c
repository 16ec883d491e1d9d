/* aftercare-database-preferences.c: Preferences: the shared clinic database's address, and a test of it. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-database-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "aftercare-database-preferences.h"
#include "aftercare-store.h"

#define SETTINGS_KEY "shared-database"

struct _AftercareDatabasePreferences
{
  AdwPreferencesGroup parent_instance;

  AdwEntryRow *address_row;
  AdwActionRow *status_row;
  GtkSpinner *spinner;
  GtkButton *test_button;

  GSettings *settings;
  /* While a connection test runs. */
  GCancellable *testing;
};

G_DEFINE_FINAL_TYPE (AftercareDatabasePreferences, aftercare_database_preferences, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_status (AftercareDatabasePreferences *self,
             const char                   *text)
{
  adw_action_row_set_subtitle (self->status_row, text);
}

static void
show_hint (AftercareDatabasePreferences *self)
{
  show_status (self, _("Passwords never go in the address: keep them in ~/.pgpass, or in the "
                       "password file of a libpq service."));
}

/* The address as typed, without spaces around it. */
static char *
typed_address (AftercareDatabasePreferences *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->address_row))));
}

/* Empty (a file on this computer), or a server's address with no password. */
static gboolean
check_address (const char  *address,
               GError     **error)
{
  if (*address == '\0')
    return TRUE;
  if (!aftercare_store_location_is_server (address))
    {
      g_set_error_literal (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_INVALID,
                           _("Write a PostgreSQL server’s address as postgresql://host/database, "
                             "or as service=NAME for a libpq service"));
      return FALSE;
    }
  return aftercare_store_check_location (address, error);
}

static void
address_apply_cb (AftercareDatabasePreferences *self)
{
  g_autofree char *address = typed_address (self);
  g_autoptr(GError) error = NULL;

  g_return_if_fail (self->settings != NULL);
  if (!check_address (address, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->address_row), "error");
      show_status (self, error->message);
      return;
    }
  g_settings_set_string (self->settings, SETTINGS_KEY, address);
  show_status (self, *address != '\0'
                       ? _("Saved. Aftercare opens this database from its next start.")
                       : _("Saved. From its next start, Aftercare keeps the log in a file on this computer."));
}

static void
address_changed_cb (AftercareDatabasePreferences *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->address_row), "error");
}

/* Testing the connection, from a thread: it can take seconds */

static void
test_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;

  if (aftercare_store_test_connection (task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
set_testing (AftercareDatabasePreferences *self,
             GCancellable                 *testing)
{
  g_set_object (&self->testing, testing);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), testing != NULL);
  gtk_spinner_set_spinning (self->spinner, testing != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "database.test", testing == NULL);
}

static void
test_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  AftercareDatabasePreferences *self = AFTERCARE_DATABASE_PREFERENCES (source);
  g_autoptr(GError) error = NULL;

  /* Gone (disposed) meanwhile: nothing to show it in. */
  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;
  set_testing (self, NULL);
  if (g_task_propagate_boolean (G_TASK (result), &error))
    show_status (self, _("Connected: Aftercare can read and save here."));
  else
    show_status (self, error->message);
}

static void
test_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AftercareDatabasePreferences *self = AFTERCARE_DATABASE_PREFERENCES (widget);
  g_autofree char *address = typed_address (self);
  g_autoptr(GCancellable) cancellable = NULL;
  g_autoptr(GTask) task = NULL;

  if (*address == '\0')
    {
      show_status (self, _("Type the server’s address first."));
      return;
    }
  cancellable = g_cancellable_new ();
  set_testing (self, cancellable);
  show_status (self, _("Connecting…"));
  task = g_task_new (self, cancellable, test_done_cb, NULL);
  g_task_set_task_data (task, g_steal_pointer (&address), g_free);
  g_task_run_in_thread (task, test_in_thread);
}

/* The object */

static void
aftercare_database_preferences_dispose (GObject *object)
{
  AftercareDatabasePreferences *self = AFTERCARE_DATABASE_PREFERENCES (object);

  if (self->testing != NULL)
    g_cancellable_cancel (self->testing);
  g_clear_object (&self->testing);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (object), AFTERCARE_TYPE_DATABASE_PREFERENCES);

  G_OBJECT_CLASS (aftercare_database_preferences_parent_class)->dispose (object);
}

static void
aftercare_database_preferences_get_property (GObject    *object,
                                             guint       prop_id,
                                             GValue     *value,
                                             GParamSpec *pspec)
{
  AftercareDatabasePreferences *self = AFTERCARE_DATABASE_PREFERENCES (object);

  switch (prop_id)
    {
    case PROP_SETTINGS: g_value_set_object (value, self->settings); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aftercare_database_preferences_set_property (GObject      *object,
                                             guint         prop_id,
                                             const GValue *value,
                                             GParamSpec   *pspec)
{
  AftercareDatabasePreferences *self = AFTERCARE_DATABASE_PREFERENCES (object);

  switch (prop_id)
    {
    case PROP_SETTINGS: aftercare_database_preferences_set_settings (self, g_value_get_object (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aftercare_database_preferences_class_init (AftercareDatabasePreferencesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aftercare_database_preferences_dispose;
  object_class->get_property = aftercare_database_preferences_get_property;
  object_class->set_property = aftercare_database_preferences_set_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/aftercare-database-preferences.ui");
  gtk_widget_class_bind_template_child (widget_class, AftercareDatabasePreferences, address_row);
  gtk_widget_class_bind_template_child (widget_class, AftercareDatabasePreferences, status_row);
  gtk_widget_class_bind_template_child (widget_class, AftercareDatabasePreferences, spinner);
  gtk_widget_class_bind_template_child (widget_class, AftercareDatabasePreferences, test_button);
  gtk_widget_class_bind_template_callback (widget_class, address_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, address_changed_cb);

  gtk_widget_class_install_action (widget_class, "database.test", NULL, test_action_cb);
}

static void
aftercare_database_preferences_init (AftercareDatabasePreferences *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  show_hint (self);
}

GtkWidget *
aftercare_database_preferences_new (GSettings *settings)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  return g_object_new (AFTERCARE_TYPE_DATABASE_PREFERENCES, "settings", settings, NULL);
}

GSettings *
aftercare_database_preferences_get_settings (AftercareDatabasePreferences *self)
{
  g_return_val_if_fail (AFTERCARE_IS_DATABASE_PREFERENCES (self), NULL);
  return self->settings;
}

void
aftercare_database_preferences_set_settings (AftercareDatabasePreferences *self,
                                             GSettings                    *settings)
{
  g_autofree char *address = NULL;

  g_return_if_fail (AFTERCARE_IS_DATABASE_PREFERENCES (self));
  g_return_if_fail (settings == NULL || G_IS_SETTINGS (settings));

  if (!g_set_object (&self->settings, settings))
    return;
  address = settings != NULL ? g_settings_get_string (settings, SETTINGS_KEY) : g_strdup ("");
  gtk_editable_set_text (GTK_EDITABLE (self->address_row), address);
  show_hint (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SETTINGS]);
}

gboolean
aftercare_database_preferences_get_testing (AftercareDatabasePreferences *self)
{
  g_return_val_if_fail (AFTERCARE_IS_DATABASE_PREFERENCES (self), FALSE);
  return self->testing != NULL;
}
