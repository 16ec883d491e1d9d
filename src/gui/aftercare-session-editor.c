/* aftercare-session-editor.c: the form that logs a massage or edits one, refusing bad values as you type. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-session-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "aftercare-catalog.h"
#include "aftercare-date-time-row.h"
#include "aftercare-pressure-choice.h"
#include "aftercare-form.h"
#include "aftercare-labels.h"
#include "aftercare-session-editor.h"
#include "aftercare-util.h"

struct _AftercareSessionEditor
{
  AdwWindow parent_instance;

  GtkWidget *save_button;
  GtkLabel *save_error_label;
  AdwComboRow *type_row;
  AftercarePressureChoice *pressure_choice;
  GtkSwitch *first_time_switch;
  AftercareDateTimeRow *ended_row;
  AdwActionRow *duration_row;
  GtkSpinButton *duration_spin;
  GtkLabel *when_error_label;
  GtkFlowBox *areas_box;
  AdwEntryRow *client_row;
  AdwEntryRow *therapist_row;
  GtkLabel *people_error_label;
  GtkFrame *notes_frame;
  GtkTextView *notes_view;
  GtkLabel *notes_error_label;

  AftercareStore *store;
  AftercareClock *clock;
  AftercareSession *session;   /* the original when editing, or NULL */
  /* How the picker showed the original end time: while it still does, the
   * original is kept exactly (seconds and offset included). */
  GDateTime *ended_at_shown;
  GtkToggleButton *area_buttons[14];
};

G_DEFINE_FINAL_TYPE (AftercareSessionEditor, aftercare_session_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- Reading the form --------------------------------------------------- */

static AftercareAreas
read_areas (AftercareSessionEditor *self)
{
  AftercareAreas areas = AFTERCARE_AREA_NONE;

  for (guint bit = 0; bit < G_N_ELEMENTS (self->area_buttons); bit++)
    if (gtk_toggle_button_get_active (self->area_buttons[bit]))
      areas |= 1u << bit;
  return areas;
}

static char *
read_notes (AftercareSessionEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static char *
read_trimmed (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static GDateTime *
read_ended_at (AftercareSessionEditor *self)
{
  GDateTime *shown = aftercare_date_time_row_get_date_time (self->ended_row);

  if (self->session != NULL && aftercare_date_time_identical (shown, self->ended_at_shown))
    return aftercare_session_get_ended_at (self->session);
  return shown;
}

/* ---- Checking it -------------------------------------------------------- */

static void
show_field_error (GtkWidget  *field,
                  GtkLabel   *label,
                  GError     *error)
{
  gtk_label_set_label (label, error != NULL ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), error != NULL);
  if (error != NULL)
    gtk_widget_add_css_class (field, "error");
  else
    gtk_widget_remove_css_class (field, "error");
}

static gboolean
check_when (AftercareSessionEditor *self)
{
  g_autoptr(GDateTime) now = aftercare_clock_get_now (self->clock);
  const char *picker_error = aftercare_date_time_row_get_error_message (self->ended_row);
  g_autoptr(GError) ended_error = NULL;
  g_autoptr(GError) duration_error = NULL;
  const char *duration_text = gtk_editable_get_text (GTK_EDITABLE (self->duration_spin));

  if (picker_error != NULL)
    g_set_error_literal (&ended_error, AFTERCARE_FORM_ERROR, AFTERCARE_FORM_ERROR_INVALID, picker_error);
  else
    aftercare_form_check_ended_at (read_ended_at (self), now, aftercare_clock_get_24h (self->clock), &ended_error);
  aftercare_form_check_duration (duration_text, NULL, &duration_error);

  show_field_error (GTK_WIDGET (self->ended_row), self->when_error_label, ended_error);
  if (ended_error == NULL)
    show_field_error (GTK_WIDGET (self->duration_row), self->when_error_label, duration_error);
  else if (duration_error != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->duration_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->duration_row), "error");
  return ended_error == NULL && duration_error == NULL;
}

static gboolean
check_people (AftercareSessionEditor *self)
{
  g_autofree char *client = read_trimmed (self->client_row);
  g_autofree char *therapist = read_trimmed (self->therapist_row);
  g_autoptr(GError) client_error = NULL;
  g_autoptr(GError) therapist_error = NULL;

  /* Translators: fields of the session form, named in its error messages. */
  aftercare_form_check_name (client, _("Client"), &client_error);
  aftercare_form_check_name (therapist, _("Therapist"), &therapist_error);
  show_field_error (GTK_WIDGET (self->client_row), self->people_error_label, client_error);
  if (client_error == NULL)
    show_field_error (GTK_WIDGET (self->therapist_row), self->people_error_label, therapist_error);
  else if (therapist_error != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->therapist_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->therapist_row), "error");
  return client_error == NULL && therapist_error == NULL;
}

static gboolean
check_notes (AftercareSessionEditor *self)
{
  g_autofree char *notes = read_notes (self);
  g_autoptr(GError) error = NULL;

  aftercare_form_check_notes (notes, _("Notes"), &error);
  show_field_error (GTK_WIDGET (self->notes_frame), self->notes_error_label, error);
  return error == NULL;
}

static gboolean
validate (AftercareSessionEditor *self)
{
  /* Every check runs, so every bad field is marked at once. */
  gboolean when_ok = check_when (self);
  gboolean people_ok = check_people (self);
  gboolean notes_ok = check_notes (self);
  gboolean valid = when_ok && people_ok && notes_ok;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", valid);
  return valid;
}

static void
field_changed_cb (AftercareSessionEditor *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->save_error_label), FALSE);
  validate (self);
}

/* ---- Saving ------------------------------------------------------------- */

static AftercareSession *
build_session (AftercareSessionEditor *self)
{
  GDateTime *ended_at = read_ended_at (self);
  AftercareSession *session;
  g_autofree char *client = read_trimmed (self->client_row);
  g_autofree char *therapist = read_trimmed (self->therapist_row);
  g_autofree char *notes = read_notes (self);
  guint minutes = 0;

  aftercare_form_check_duration (gtk_editable_get_text (GTK_EDITABLE (self->duration_spin)), &minutes, NULL);
  session = self->session != NULL ? aftercare_session_copy (self->session) : aftercare_session_new (ended_at);
  aftercare_session_set_ended_at (session, ended_at);
  aftercare_session_set_duration_minutes (session, minutes);
  aftercare_session_set_massage_type (session, adw_combo_row_get_selected (self->type_row));
  aftercare_session_set_pressure (session, aftercare_pressure_choice_get_pressure (self->pressure_choice));
  aftercare_session_set_first_time (session, gtk_switch_get_active (self->first_time_switch));
  aftercare_session_set_areas (session, read_areas (self));
  aftercare_session_set_client (session, client);
  aftercare_session_set_therapist (session, therapist);
  aftercare_session_set_notes (session, g_strstrip (notes));
  return session;
}

static void
save_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AftercareSessionEditor *self = AFTERCARE_SESSION_EDITOR (widget);
  g_autoptr(AftercareSession) session = NULL;
  g_autoptr(GError) error = NULL;
  gboolean saved;

  /* The clock moved on since the last keystroke: check again. */
  if (!validate (self))
    return;
  session = build_session (self);
  if (self->session != NULL)
    saved = aftercare_store_update_session (self->store, session, &error);
  else
    saved = aftercare_store_add_session (self->store, session, &error);
  if (!saved)
    {
      /* The store's message names the field; the form stays as typed. */
      gtk_label_set_label (self->save_error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->save_error_label), TRUE);
      return;
    }
  g_signal_emit (self, signals[SAVED], 0, session);
  gtk_window_close (GTK_WINDOW (self));
}

static void
entry_activated_cb (AftercareSessionEditor *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "editor.save", NULL);
}

/* ---- Filling the form --------------------------------------------------- */

static void
add_area_buttons (AftercareSessionEditor *self)
{
  for (guint bit = 0; bit < G_N_ELEMENTS (self->area_buttons); bit++)
    {
      GtkWidget *button = gtk_toggle_button_new_with_label (aftercare_area_get_title (1u << bit));

      self->area_buttons[bit] = GTK_TOGGLE_BUTTON (button);
      gtk_flow_box_append (self->areas_box, button);
    }
}

static void
fill_types (AftercareSessionEditor *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  for (AftercareMassageType type = 0; type < AFTERCARE_N_MASSAGE_TYPES; type++)
    gtk_string_list_append (names, aftercare_massage_type_get_name (type));
  adw_combo_row_set_model (self->type_row, G_LIST_MODEL (names));
}

/* A duration never entered (0, a massage the wizard logged) shows blank,
 * and blank reads as 0: the spin button would write the lowest minute. */
static gboolean
duration_output_cb (GtkSpinButton *spin,
                    gpointer       user_data)
{
  int value = gtk_spin_button_get_value_as_int (spin);
  g_autofree char *text = value > 0 ? g_strdup_printf ("%d", value) : g_strdup ("");

  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static int
duration_input_cb (GtkSpinButton *spin,
                   double        *value,
                   gpointer       user_data)
{
  guint minutes;

  if (!aftercare_form_check_duration (gtk_editable_get_text (GTK_EDITABLE (spin)), &minutes, NULL))
    return FALSE;
  *value = minutes;
  return TRUE;
}

static void
fill_from_session (AftercareSessionEditor *self,
                   AftercareSession       *session)
{
  AftercareAreas areas = aftercare_session_get_areas (session);
  const char *notes = aftercare_session_get_notes (session);

  adw_combo_row_set_selected (self->type_row, aftercare_session_get_massage_type (session));
  aftercare_pressure_choice_set_pressure (self->pressure_choice, aftercare_session_get_pressure (session));
  gtk_switch_set_active (self->first_time_switch, aftercare_session_get_first_time (session));
  aftercare_date_time_row_set_date_time (self->ended_row, aftercare_session_get_ended_at (session));
  self->ended_at_shown = g_date_time_ref (aftercare_date_time_row_get_date_time (self->ended_row));
  gtk_spin_button_set_value (self->duration_spin, aftercare_session_get_duration_minutes (session));
  for (guint bit = 0; bit < G_N_ELEMENTS (self->area_buttons); bit++)
    gtk_toggle_button_set_active (self->area_buttons[bit], (areas & (1u << bit)) != 0);
  gtk_editable_set_text (GTK_EDITABLE (self->client_row), aftercare_session_get_client (session));
  gtk_editable_set_text (GTK_EDITABLE (self->therapist_row), aftercare_session_get_therapist (session));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view), notes != NULL ? notes : "", -1);
}

static void
notes_changed_cb (GtkTextBuffer          *buffer,
                  AftercareSessionEditor *self)
{
  field_changed_cb (self);
}

/* ---- GObject ------------------------------------------------------------ */

static void
aftercare_session_editor_dispose (GObject *object)
{
  AftercareSessionEditor *self = AFTERCARE_SESSION_EDITOR (object);

  g_clear_object (&self->store);
  g_clear_object (&self->clock);
  g_clear_object (&self->session);
  g_clear_pointer (&self->ended_at_shown, g_date_time_unref);
  gtk_widget_dispose_template (GTK_WIDGET (object), AFTERCARE_TYPE_SESSION_EDITOR);
  G_OBJECT_CLASS (aftercare_session_editor_parent_class)->dispose (object);
}

static void
aftercare_session_editor_class_init (AftercareSessionEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aftercare_session_editor_dispose;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, AFTERCARE_TYPE_SESSION);

  g_type_ensure (AFTERCARE_TYPE_DATE_TIME_ROW);
  g_type_ensure (AFTERCARE_TYPE_PRESSURE_CHOICE);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/aftercare-session-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, AftercareSessionEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, AftercareSessionEditor, save_error_label);
  gtk_widget_class_bind_template_child (widget_class, AftercareSessionEditor, type_row);
  gtk_widget_class_bind_template_child (widget_class, AftercareSessionEditor, pressure_choice);
  gtk_widget_class_bind_template_child (widget_class, AftercareSessionEditor, first_time_switch);
  gtk_widget_class_bind_template_child (widget_class, AftercareSessionEditor, ended_row);
  gtk_widget_class_bind_template_child (widget_class, AftercareSessionEditor, duration_row);
  gtk_widget_class_bind_template_child (widget_class, AftercareSessionEditor, duration_spin);
  gtk_widget_class_bind_template_child (widget_class, AftercareSessionEditor, when_error_label);
  gtk_widget_class_bind_template_child (widget_class, AftercareSessionEditor, areas_box);
  gtk_widget_class_bind_template_child (widget_class, AftercareSessionEditor, client_row);
  gtk_widget_class_bind_template_child (widget_class, AftercareSessionEditor, therapist_row);
  gtk_widget_class_bind_template_child (widget_class, AftercareSessionEditor, people_error_label);
  gtk_widget_class_bind_template_child (widget_class, AftercareSessionEditor, notes_frame);
  gtk_widget_class_bind_template_child (widget_class, AftercareSessionEditor, notes_view);
  gtk_widget_class_bind_template_child (widget_class, AftercareSessionEditor, notes_error_label);
  gtk_widget_class_bind_template_callback (widget_class, duration_input_cb);
  gtk_widget_class_bind_template_callback (widget_class, duration_output_cb);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
}

static void
aftercare_session_editor_init (AftercareSessionEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  fill_types (self);
  add_area_buttons (self);
  /* The keyboard starts on the first field, not on Cancel. */
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->type_row));
  g_signal_connect_object (gtk_text_view_get_buffer (self->notes_view), "changed",
                           G_CALLBACK (notes_changed_cb), self, 0);
}

AftercareSessionEditor *
aftercare_session_editor_new (AftercareStore   *store,
                              AftercareClock   *clock,
                              AftercareSession *session)
{
  AftercareSessionEditor *self;

  g_return_val_if_fail (AFTERCARE_IS_STORE (store), NULL);
  g_return_val_if_fail (AFTERCARE_IS_CLOCK (clock), NULL);
  g_return_val_if_fail (session == NULL || AFTERCARE_IS_SESSION (session), NULL);

  self = g_object_new (AFTERCARE_TYPE_SESSION_EDITOR, NULL);
  self->store = g_object_ref (store);
  self->clock = g_object_ref (clock);
  aftercare_date_time_row_set_clock_24h (self->ended_row, aftercare_clock_get_24h (clock));
  if (session != NULL)
    {
      /* A copy as it is now: the list's own object follows other desks'
       * saves (its version too), and saving this form over one of them
       * must be refused as a conflict, not go through. */
      self->session = aftercare_session_copy (session);
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Massage"));
      fill_from_session (self, session);
    }
  else
    {
      g_autoptr(GDateTime) now = aftercare_clock_get_now (clock);

      gtk_window_set_title (GTK_WINDOW (self), _("Log a Massage"));
      aftercare_date_time_row_set_date_time (self->ended_row, now);
    }
  validate (self);
  return self;
}
