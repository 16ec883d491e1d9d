/* aftercare-checkin-dialog.c: how you feel now (or at another time): soreness, symptoms and a note. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-checkin-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "aftercare-checkin-dialog.h"
#include "aftercare-date-time-row.h"
#include "aftercare-form.h"
#include "aftercare-labels.h"
#include "aftercare-util.h"

/* The symptoms in the order the dialog lists them, in two groups. */
static const AftercareSymptoms tissue_symptoms[] = {
  AFTERCARE_SYMPTOM_HEAVINESS, AFTERCARE_SYMPTOM_BRUISING, AFTERCARE_SYMPTOM_SWELLING,
  AFTERCARE_SYMPTOM_REDUCED_RANGE, AFTERCARE_SYMPTOM_ALTERED_STRIDE,
};
static const AftercareSymptoms warning_symptoms[] = {
  AFTERCARE_SYMPTOM_SHARP_PAIN, AFTERCARE_SYMPTOM_RADIATING_PAIN, AFTERCARE_SYMPTOM_PINS_AND_NEEDLES,
  AFTERCARE_SYMPTOM_NUMBNESS, AFTERCARE_SYMPTOM_FEVER, AFTERCARE_SYMPTOM_DIZZINESS,
  AFTERCARE_SYMPTOM_NAUSEA, AFTERCARE_SYMPTOM_UNUSUAL_FATIGUE, AFTERCARE_SYMPTOM_HEADACHE,
};
#define N_SYMPTOMS (G_N_ELEMENTS (tissue_symptoms) + G_N_ELEMENTS (warning_symptoms))

struct _AftercareCheckinDialog
{
  AdwWindow parent_instance;

  GtkWidget *save_button;
  GtkLabel *save_error_label;
  GtkScale *soreness_scale;
  GtkLabel *soreness_label;
  AdwPreferencesGroup *tissue_group;
  AdwPreferencesGroup *warning_group;
  AdwEntryRow *note_row;
  GtkLabel *note_error_label;
  GtkCheckButton *now_check;
  GtkCheckButton *other_time_check;
  AftercareDateTimeRow *time_row;
  GtkLabel *time_error_label;
  GtkWidget *delete_button;

  AftercareStore *store;
  AftercareClock *clock;
  AftercareSession *session;
  AftercareCheckin *checkin;   /* the original when editing, or NULL */
  /* The time given to set_values, and how the picker shows it (to the
   * minute, in local time): while the picker still shows it, the given
   * time is kept exactly, seconds and offset included. */
  GDateTime *given_at;
  GDateTime *given_at_shown;
  GtkCheckButton *symptom_checks[N_SYMPTOMS];
  AftercareSymptoms symptom_of_check[N_SYMPTOMS];
};

G_DEFINE_FINAL_TYPE (AftercareCheckinDialog, aftercare_checkin_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  DELETED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static guint
read_soreness (AftercareCheckinDialog *self)
{
  return (guint) CLAMP (gtk_range_get_value (GTK_RANGE (self->soreness_scale)), 0, AFTERCARE_SORENESS_MAX);
}

static AftercareSymptoms
read_symptoms (AftercareCheckinDialog *self)
{
  AftercareSymptoms symptoms = AFTERCARE_SYMPTOM_NONE;

  for (guint i = 0; i < N_SYMPTOMS; i++)
    if (gtk_check_button_get_active (self->symptom_checks[i]))
      symptoms |= self->symptom_of_check[i];
  return symptoms;
}

/* The time the check-in is for: now, or the one chosen. */
static GDateTime *
read_time (AftercareCheckinDialog *self)
{
  GDateTime *shown = aftercare_date_time_row_get_date_time (self->time_row);

  if (gtk_check_button_get_active (self->now_check))
    return aftercare_clock_get_now (self->clock);
  if (self->given_at != NULL && aftercare_date_time_identical (shown, self->given_at_shown))
    return g_date_time_ref (self->given_at);
  return g_date_time_ref (shown);
}

static void
show_field_error (GtkWidget *field,
                  GtkLabel  *label,
                  GError    *error)
{
  gtk_label_set_label (label, error != NULL ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), error != NULL);
  if (error != NULL)
    gtk_widget_add_css_class (field, "error");
  else
    gtk_widget_remove_css_class (field, "error");
}

static gboolean
check_time (AftercareCheckinDialog *self)
{
  const char *picker_error = aftercare_date_time_row_get_error_message (self->time_row);
  gboolean other_time = gtk_check_button_get_active (self->other_time_check);
  g_autoptr(GDateTime) now = aftercare_clock_get_now (self->clock);
  g_autoptr(GDateTime) at = read_time (self);
  g_autoptr(GError) error = NULL;

  if (other_time && picker_error != NULL)
    g_set_error_literal (&error, AFTERCARE_FORM_ERROR, AFTERCARE_FORM_ERROR_INVALID, picker_error);
  else
    aftercare_form_check_checkin_at (at, aftercare_session_get_ended_at (self->session), now,
                                     aftercare_clock_get_24h (self->clock), &error);
  show_field_error (GTK_WIDGET (self->time_row), self->time_error_label, error);
  return error == NULL;
}

static gboolean
check_note (AftercareCheckinDialog *self)
{
  g_autoptr(GError) error = NULL;

  /* Translators: a field of the check-in form, named in its error message. */
  aftercare_form_check_notes (gtk_editable_get_text (GTK_EDITABLE (self->note_row)), _("Note"), &error);
  show_field_error (GTK_WIDGET (self->note_row), self->note_error_label, error);
  return error == NULL;
}

static gboolean
validate (AftercareCheckinDialog *self)
{
  gboolean time_ok = check_time (self);
  gboolean note_ok = check_note (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "checkin.save", time_ok && note_ok);
  return time_ok && note_ok;
}

static void
field_changed_cb (AftercareCheckinDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->save_error_label), FALSE);
  validate (self);
}

static void
soreness_changed_cb (AftercareCheckinDialog *self)
{
  guint soreness = read_soreness (self);
  /* Translators: the soreness chosen and its band, "3 · Above mild". */
  g_autofree char *text = g_strdup_printf (_("%u · %s"), soreness, aftercare_soreness_get_band (soreness));

  gtk_label_set_label (self->soreness_label, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->soreness_scale),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, text,
                                  -1);
}

static void
show_save_error (AftercareCheckinDialog *self,
                 GError                 *error)
{
  gtk_label_set_label (self->save_error_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->save_error_label), TRUE);
}

static void
save_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AftercareCheckinDialog *self = AFTERCARE_CHECKIN_DIALOG (widget);
  g_autoptr(AftercareCheckin) checkin = NULL;
  g_autoptr(GDateTime) at = NULL;
  g_autoptr(GError) error = NULL;
  gboolean saved;

  /* "Now" moved on since the dialog opened: check again. */
  if (!validate (self))
    return;
  at = read_time (self);
  if (self->checkin != NULL)
    {
      checkin = aftercare_checkin_copy (self->checkin);
      aftercare_checkin_set_at (checkin, at);
      aftercare_checkin_set_soreness (checkin, read_soreness (self));
      aftercare_checkin_set_symptoms (checkin, read_symptoms (self));
    }
  else
    {
      checkin = aftercare_checkin_new (aftercare_session_get_id (self->session), at,
                                       read_soreness (self), read_symptoms (self));
    }
  aftercare_checkin_set_notes (checkin, gtk_editable_get_text (GTK_EDITABLE (self->note_row)));
  saved = self->checkin != NULL ? aftercare_store_update_checkin (self->store, checkin, &error)
                                : aftercare_store_add_checkin (self->store, checkin, &error);
  if (!saved)
    {
      show_save_error (self, error);
      return;
    }
  g_signal_emit (self, signals[SAVED], 0, checkin);
  gtk_window_close (GTK_WINDOW (self));
}

static void
delete_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AftercareCheckinDialog *self = AFTERCARE_CHECKIN_DIALOG (widget);
  g_autoptr(AftercareCheckin) deleted = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (self->checkin != NULL);

  deleted = aftercare_checkin_copy (self->checkin);
  if (!aftercare_store_delete_checkin (self->store, aftercare_checkin_get_id (self->checkin), &error))
    {
      show_save_error (self, error);
      return;
    }
  g_signal_emit (self, signals[DELETED], 0, deleted);
  gtk_window_close (GTK_WINDOW (self));
}

static void
add_symptom_rows (AftercareCheckinDialog  *self,
                  AdwPreferencesGroup     *group,
                  const AftercareSymptoms *symptoms,
                  guint                    n_symptoms,
                  guint                   *next)
{
  for (guint i = 0; i < n_symptoms; i++, (*next)++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), aftercare_symptom_get_title (symptoms[i]));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), aftercare_symptom_get_description (symptoms[i]));
      adw_preferences_group_add (group, row);
      self->symptom_checks[*next] = GTK_CHECK_BUTTON (check);
      self->symptom_of_check[*next] = symptoms[i];
    }
}

static void
add_soreness_marks (AftercareCheckinDialog *self)
{
  for (int i = 0; i <= AFTERCARE_SORENESS_MAX; i++)
    {
      g_autofree char *label = (i % 5 == 0) ? g_strdup_printf ("%d", i) : NULL;

      gtk_scale_add_mark (self->soreness_scale, i, GTK_POS_BOTTOM, label);
    }
}

static void
aftercare_checkin_dialog_dispose (GObject *object)
{
  AftercareCheckinDialog *self = AFTERCARE_CHECKIN_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->clock);
  g_clear_object (&self->session);
  g_clear_object (&self->checkin);
  g_clear_pointer (&self->given_at, g_date_time_unref);
  g_clear_pointer (&self->given_at_shown, g_date_time_unref);
  gtk_widget_dispose_template (GTK_WIDGET (object), AFTERCARE_TYPE_CHECKIN_DIALOG);
  G_OBJECT_CLASS (aftercare_checkin_dialog_parent_class)->dispose (object);
}

static void
aftercare_checkin_dialog_class_init (AftercareCheckinDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aftercare_checkin_dialog_dispose;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, AFTERCARE_TYPE_CHECKIN);
  signals[DELETED] = g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, AFTERCARE_TYPE_CHECKIN);

  g_type_ensure (AFTERCARE_TYPE_DATE_TIME_ROW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/aftercare-checkin-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AftercareCheckinDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, AftercareCheckinDialog, save_error_label);
  gtk_widget_class_bind_template_child (widget_class, AftercareCheckinDialog, soreness_scale);
  gtk_widget_class_bind_template_child (widget_class, AftercareCheckinDialog, soreness_label);
  gtk_widget_class_bind_template_child (widget_class, AftercareCheckinDialog, tissue_group);
  gtk_widget_class_bind_template_child (widget_class, AftercareCheckinDialog, warning_group);
  gtk_widget_class_bind_template_child (widget_class, AftercareCheckinDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, AftercareCheckinDialog, note_error_label);
  gtk_widget_class_bind_template_child (widget_class, AftercareCheckinDialog, now_check);
  gtk_widget_class_bind_template_child (widget_class, AftercareCheckinDialog, other_time_check);
  gtk_widget_class_bind_template_child (widget_class, AftercareCheckinDialog, time_row);
  gtk_widget_class_bind_template_child (widget_class, AftercareCheckinDialog, time_error_label);
  gtk_widget_class_bind_template_child (widget_class, AftercareCheckinDialog, delete_button);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, soreness_changed_cb);

  gtk_widget_class_install_action (widget_class, "checkin.save", NULL, save_action_cb);
  gtk_widget_class_install_action (widget_class, "checkin.delete", NULL, delete_action_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "checkin.save", NULL);
}

static void
aftercare_checkin_dialog_init (AftercareCheckinDialog *self)
{
  guint next = 0;

  gtk_widget_init_template (GTK_WIDGET (self));
  add_soreness_marks (self);
  add_symptom_rows (self, self->tissue_group, tissue_symptoms, G_N_ELEMENTS (tissue_symptoms), &next);
  add_symptom_rows (self, self->warning_group, warning_symptoms, G_N_ELEMENTS (warning_symptoms), &next);
  soreness_changed_cb (self);
  /* The keyboard starts on the soreness, not on Cancel: the arrows set it. */
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->soreness_scale));
}

AftercareCheckinDialog *
aftercare_checkin_dialog_new (AftercareStore   *store,
                              AftercareClock   *clock,
                              AftercareSession *session,
                              AftercareCheckin *checkin)
{
  AftercareCheckinDialog *self;
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (AFTERCARE_IS_STORE (store), NULL);
  g_return_val_if_fail (AFTERCARE_IS_CLOCK (clock), NULL);
  g_return_val_if_fail (AFTERCARE_IS_SESSION (session), NULL);
  g_return_val_if_fail (checkin == NULL || AFTERCARE_IS_CHECKIN (checkin), NULL);

  self = g_object_new (AFTERCARE_TYPE_CHECKIN_DIALOG, NULL);
  self->store = g_object_ref (store);
  self->clock = g_object_ref (clock);
  self->session = g_object_ref (session);
  aftercare_date_time_row_set_clock_24h (self->time_row, aftercare_clock_get_24h (clock));
  now = aftercare_clock_get_now (clock);
  aftercare_date_time_row_set_date_time (self->time_row, now);
  if (checkin != NULL)
    {
      /* As it is now (with its version), whatever happens to the caller's object. */
      self->checkin = aftercare_checkin_copy (checkin);
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Check-In"));
      gtk_widget_set_visible (self->delete_button, TRUE);
      aftercare_checkin_dialog_set_values (self, aftercare_checkin_get_soreness (checkin),
                                           aftercare_checkin_get_symptoms (checkin),
                                           aftercare_checkin_get_at (checkin));
      gtk_editable_set_text (GTK_EDITABLE (self->note_row), aftercare_checkin_get_notes (checkin));
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "checkin.delete", checkin != NULL);
  validate (self);
  return self;
}

void
aftercare_checkin_dialog_set_values (AftercareCheckinDialog *self,
                                     guint                   soreness,
                                     AftercareSymptoms       symptoms,
                                     GDateTime              *at)
{
  g_return_if_fail (AFTERCARE_IS_CHECKIN_DIALOG (self));
  g_return_if_fail (soreness <= AFTERCARE_SORENESS_MAX);

  gtk_range_set_value (GTK_RANGE (self->soreness_scale), soreness);
  for (guint i = 0; i < N_SYMPTOMS; i++)
    gtk_check_button_set_active (self->symptom_checks[i], (symptoms & self->symptom_of_check[i]) != 0);
  if (at != NULL)
    {
      aftercare_date_time_row_set_date_time (self->time_row, at);
      aftercare_set_date_time (&self->given_at, at);
      aftercare_set_date_time (&self->given_at_shown, aftercare_date_time_row_get_date_time (self->time_row));
      gtk_check_button_set_active (self->other_time_check, TRUE);
    }
  else
    {
      gtk_check_button_set_active (self->now_check, TRUE);
    }
  validate (self);
}
