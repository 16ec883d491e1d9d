/* aftercare-preferences-window.c: Preferences: clinic mode, clinic name, staff PIN, idle time, the sheet's contact line and folder, planned run, clock. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "aftercare-clock.h"
#include "aftercare-database-preferences.h"
#include "aftercare-enums.h"
#include "aftercare-pin.h"
#include "aftercare-preferences-window.h"
#include "aftercare-time.h"

struct _AftercarePreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  AdwEntryRow *clinic_name_row;
  AdwPasswordEntryRow *pin_row;
  AdwPasswordEntryRow *pin_repeat_row;
  AdwEntryRow *clinic_contact_row;
  AdwActionRow *sheet_folder_row;
  AdwActionRow *clinic_mode_row;
  GtkSwitch *clinic_mode_switch;
  AdwActionRow *reminders_row;
  GtkSwitch *reminders_switch;
  GtkWidget *quiet_start_row;
  GtkSpinButton *quiet_start_spin;
  GtkWidget *quiet_end_row;
  GtkSpinButton *quiet_end_spin;
  AdwActionRow *idle_row;
  GtkSpinButton *idle_spin;
  AdwComboRow *planned_run_row;
  AdwActionRow *clock_row;
  AftercareDatabasePreferences *database_group;

  GSettings *settings;
  AftercareClock *clock;
};

G_DEFINE_FINAL_TYPE (AftercarePreferencesWindow, aftercare_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static gboolean
has_pin (AftercarePreferencesWindow *self)
{
  g_autofree char *stored = g_settings_get_string (self->settings, "staff-pin-hash");

  return *stored != '\0';
}

/* Clinic mode needs a staff PIN first: without one nobody could unlock the
 * sessions, and anyone could turn clinic mode off again. */
static void
update_clinic_mode_row (AftercarePreferencesWindow *self)
{
  gboolean pin = has_pin (self);
  gboolean enabled = g_settings_get_boolean (self->settings, "clinic-mode");

  gtk_widget_set_sensitive (GTK_WIDGET (self->clinic_mode_row), pin || enabled);
  adw_action_row_set_subtitle (self->clinic_mode_row,
                               pin ? _("Clear the wizard for each client and keep the sessions locked behind the staff PIN")
                                   : _("Set a staff PIN first: it unlocks the sessions and these preferences"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->pin_row),
                                 pin ? _("New Staff PIN") : _("Staff PIN"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->pin_repeat_row),
                                 pin ? _("Repeat the New Staff PIN") : _("Repeat the Staff PIN"));
}

static void
pin_changed_cb (AftercarePreferencesWindow *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->pin_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->pin_repeat_row), "error");
}

static void
refuse_pin (AftercarePreferencesWindow *self,
            AdwPasswordEntryRow        *row,
            const char                 *message)
{
  gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (message));
  gtk_widget_grab_focus (GTK_WIDGET (row));
}

/* Enter in the first PIN field goes on to the second. */
static void
pin_entered_cb (AftercarePreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!aftercare_pin_validate (gtk_editable_get_text (GTK_EDITABLE (self->pin_row)), &error))
    refuse_pin (self, self->pin_row, error->message);
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->pin_repeat_row));
}

/* Saved only when typed the same twice: a typo must not lock staff out. */
static void
pin_apply_cb (AftercarePreferencesWindow *self)
{
  const char *pin = gtk_editable_get_text (GTK_EDITABLE (self->pin_row));
  const char *repeated = gtk_editable_get_text (GTK_EDITABLE (self->pin_repeat_row));
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = aftercare_pin_hash (pin, &error);

  if (stored == NULL)
    {
      refuse_pin (self, self->pin_row, error->message);
      return;
    }
  if (g_strcmp0 (pin, repeated) != 0)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->pin_repeat_row), "");
      refuse_pin (self, self->pin_repeat_row, _("The two PINs differ: repeat the staff PIN exactly"));
      return;
    }
  /* A new PIN starts with a clean count of wrong ones. */
  g_settings_delay (self->settings);
  g_settings_set_string (self->settings, "staff-pin-hash", stored);
  g_settings_reset (self->settings, "pin-failures");
  g_settings_reset (self->settings, "pin-retry-at");
  g_settings_apply (self->settings);
  gtk_editable_set_text (GTK_EDITABLE (self->pin_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->pin_repeat_row), "");
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                    adw_toast_new (_("Staff PIN saved")));
}

/* The folder for saved sheets */

static void
show_sheet_folder (AftercarePreferencesWindow *self)
{
  g_autofree char *folder = g_settings_get_string (self->settings, "sheet-folder");

  adw_action_row_set_subtitle (self->sheet_folder_row,
                               *folder != '\0' ? folder : _("Documents, or the last folder used"));
}

static void
folder_chosen_cb (GtkNativeDialog            *dialog,
                  int                         response,
                  AftercarePreferencesWindow *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      path = file != NULL ? g_file_get_path (file) : NULL;
      if (path != NULL)
        g_settings_set_string (self->settings, "sheet-folder", path);
      else
        adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                          adw_toast_new (_("Choose a folder on this computer")));
    }
  g_object_unref (dialog);
}

static void
choose_sheet_folder_action_cb (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  AftercarePreferencesWindow *self = AFTERCARE_PREFERENCES_WINDOW (widget);
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Folder for Saved Sheets"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Choose"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (folder_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static gboolean
planned_run_get_mapping (GValue   *value,
                         GVariant *variant,
                         gpointer  user_data)
{
  int run = AFTERCARE_PLANNED_RUN_EASY;

  aftercare_enum_from_key (AFTERCARE_TYPE_PLANNED_RUN, g_variant_get_string (variant, NULL), &run);
  g_value_set_uint (value, run);
  return TRUE;
}

static GVariant *
planned_run_set_mapping (const GValue       *value,
                         const GVariantType *expected_type,
                         gpointer            user_data)
{
  const char *key = aftercare_planned_run_to_key (g_value_get_uint (value));

  return key != NULL ? g_variant_new_string (key) : NULL;
}

static void
show_clock_format (AftercarePreferencesWindow *self)
{
  adw_action_row_set_subtitle (self->clock_row,
                               aftercare_clock_get_24h (self->clock)
                               ? _("Times follow the desktop’s setting: 24-hour, as in 18:00")
                               : _("Times follow the desktop’s setting: 12-hour, as in 6:00 PM"));
}

static void
bind_settings (AftercarePreferencesWindow *self)
{
  g_settings_bind (self->settings, "clinic-name", self->clinic_name_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "clinic-contact", self->clinic_contact_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "clinic-mode", self->clinic_mode_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "idle-timeout", self->idle_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "clinic-mode", self->idle_row, "sensitive", G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, "reminders", self->reminders_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "quiet-hours-start", self->quiet_start_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "quiet-hours-end", self->quiet_end_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "reminders", self->quiet_start_row, "sensitive", G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, "reminders", self->quiet_end_row, "sensitive", G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, "clinic-mode", self->reminders_row, "sensitive",
                   G_SETTINGS_BIND_GET | G_SETTINGS_BIND_INVERT_BOOLEAN);
  g_settings_bind_with_mapping (self->settings, "default-planned-run", self->planned_run_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, planned_run_get_mapping, planned_run_set_mapping,
                                NULL, NULL);
  g_signal_connect_object (self->settings, "changed::staff-pin-hash",
                           G_CALLBACK (update_clinic_mode_row), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::clinic-mode",
                           G_CALLBACK (update_clinic_mode_row), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::sheet-folder",
                           G_CALLBACK (show_sheet_folder), self, G_CONNECT_SWAPPED);
  update_clinic_mode_row (self);
  g_signal_connect_object (self->clock, "notify::clock-24h",
                           G_CALLBACK (show_clock_format), self, G_CONNECT_SWAPPED);
  show_sheet_folder (self);
  show_clock_format (self);
}

static void
aftercare_preferences_window_dispose (GObject *object)
{
  AftercarePreferencesWindow *self = AFTERCARE_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->clock);
  gtk_widget_dispose_template (GTK_WIDGET (object), AFTERCARE_TYPE_PREFERENCES_WINDOW);
  G_OBJECT_CLASS (aftercare_preferences_window_parent_class)->dispose (object);
}

/* Quiet hours read as clock times ("22:00", "10:00 PM"), as the desktop shows them. */
static gboolean
hour_output_cb (GtkSpinButton              *spin,
                AftercarePreferencesWindow *self)
{
  g_autoptr(GDateTime) time = g_date_time_new_local (2000, 1, 1, gtk_spin_button_get_value_as_int (spin), 0, 0);
  g_autofree char *text = aftercare_time_format_time_of_day (time, aftercare_clock_get_24h (self->clock));

  gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static void
aftercare_preferences_window_class_init (AftercarePreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aftercare_preferences_window_dispose;

  g_type_ensure (AFTERCARE_TYPE_DATABASE_PREFERENCES);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/aftercare-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AftercarePreferencesWindow, clinic_name_row);
  gtk_widget_class_bind_template_child (widget_class, AftercarePreferencesWindow, pin_row);
  gtk_widget_class_bind_template_child (widget_class, AftercarePreferencesWindow, pin_repeat_row);
  gtk_widget_class_bind_template_child (widget_class, AftercarePreferencesWindow, clinic_contact_row);
  gtk_widget_class_bind_template_child (widget_class, AftercarePreferencesWindow, sheet_folder_row);
  gtk_widget_class_bind_template_child (widget_class, AftercarePreferencesWindow, clinic_mode_row);
  gtk_widget_class_bind_template_child (widget_class, AftercarePreferencesWindow, clinic_mode_switch);
  gtk_widget_class_bind_template_child (widget_class, AftercarePreferencesWindow, idle_row);
  gtk_widget_class_bind_template_child (widget_class, AftercarePreferencesWindow, idle_spin);
  gtk_widget_class_bind_template_child (widget_class, AftercarePreferencesWindow, reminders_row);
  gtk_widget_class_bind_template_child (widget_class, AftercarePreferencesWindow, reminders_switch);
  gtk_widget_class_bind_template_child (widget_class, AftercarePreferencesWindow, quiet_start_row);
  gtk_widget_class_bind_template_child (widget_class, AftercarePreferencesWindow, quiet_start_spin);
  gtk_widget_class_bind_template_child (widget_class, AftercarePreferencesWindow, quiet_end_row);
  gtk_widget_class_bind_template_child (widget_class, AftercarePreferencesWindow, quiet_end_spin);
  gtk_widget_class_bind_template_callback (widget_class, hour_output_cb);
  gtk_widget_class_bind_template_child (widget_class, AftercarePreferencesWindow, planned_run_row);
  gtk_widget_class_bind_template_child (widget_class, AftercarePreferencesWindow, clock_row);
  gtk_widget_class_bind_template_child (widget_class, AftercarePreferencesWindow, database_group);
  gtk_widget_class_bind_template_callback (widget_class, pin_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, pin_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, pin_entered_cb);
  gtk_widget_class_install_action (widget_class, "preferences.choose-sheet-folder", NULL,
                                   choose_sheet_folder_action_cb);
}

static void
aftercare_preferences_window_init (AftercarePreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

AftercarePreferencesWindow *
aftercare_preferences_window_new (GtkWindow      *parent,
                                  GSettings      *settings,
                                  AftercareClock *clock)
{
  AftercarePreferencesWindow *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (AFTERCARE_IS_CLOCK (clock), NULL);
  /* Of the parent's application too, so clinic mode finds and closes it. */
  self = g_object_new (AFTERCARE_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       NULL);
  self->settings = g_object_ref (settings);
  self->clock = g_object_ref (clock);
  bind_settings (self);
  aftercare_database_preferences_set_settings (self->database_group, settings);
  return self;
}
