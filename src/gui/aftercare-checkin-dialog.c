/* aftercare-checkin-dialog.c: how you feel now (or at another time): soreness, symptoms and a note. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-checkin-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "aftercare-checkin-dialog.h"
#include "aftercare-date-time-row.h"
#include "aftercare-feeling-form.h"
#include "aftercare-form.h"
#include "aftercare-util.h"

struct _AftercareCheckinDialog
{
  AdwWindow parent_instance;

  GtkWidget *save_button;
  GtkLabel *save_error_label;
  AftercareFeelingForm *feeling_form;
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
};

G_DEFINE_FINAL_TYPE (AftercareCheckinDialog, aftercare_checkin_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  DELETED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

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
      aftercare_checkin_set_soreness (checkin, aftercare_feeling_form_get_soreness (self->feeling_form));
      aftercare_checkin_set_symptoms (checkin, aftercare_feeling_form_get_symptoms (self->feeling_form));
    }
  else
    {
      checkin = aftercare_checkin_new (aftercare_session_get_id (self->session), at,
                                       aftercare_feeling_form_get_soreness (self->feeling_form),
                                       aftercare_feeling_form_get_symptoms (self->feeling_form));
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
  g_type_ensure (AFTERCARE_TYPE_FEELING_FORM);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/aftercare-checkin-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AftercareCheckinDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, AftercareCheckinDialog, save_error_label);
  gtk_widget_class_bind_template_child (widget_class, AftercareCheckinDialog, feeling_form);
  gtk_widget_class_bind_template_child (widget_class, AftercareCheckinDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, AftercareCheckinDialog, note_error_label);
  gtk_widget_class_bind_template_child (widget_class, AftercareCheckinDialog, now_check);
  gtk_widget_class_bind_template_child (widget_class, AftercareCheckinDialog, other_time_check);
  gtk_widget_class_bind_template_child (widget_class, AftercareCheckinDialog, time_row);
  gtk_widget_class_bind_template_child (widget_class, AftercareCheckinDialog, time_error_label);
  gtk_widget_class_bind_template_child (widget_class, AftercareCheckinDialog, delete_button);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);

  gtk_widget_class_install_action (widget_class, "checkin.save", NULL, save_action_cb);
  gtk_widget_class_install_action (widget_class, "checkin.delete", NULL, delete_action_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "checkin.save", NULL);
}

static void
aftercare_checkin_dialog_init (AftercareCheckinDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The keyboard starts on the soreness, not on Cancel: the arrows set it. */
  gtk_widget_grab_focus (GTK_WIDGET (self->feeling_form));
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

  aftercare_feeling_form_set_soreness (self->feeling_form, soreness);
  aftercare_feeling_form_set_symptoms (self->feeling_form, symptoms);
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
