/* aftercare-wizard.c: "Can I run today?", step by step: the massage, how you feel, the planned run, the verdict. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-wizard"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "aftercare-advisor.h"
#include "aftercare-catalog.h"
#include "aftercare-clock.h"
#include "aftercare-labels.h"
#include "aftercare-session-assess.h"
#include "aftercare-session-list.h"
#include "aftercare-store.h"
#include "aftercare-time.h"
#include "aftercare-verdict-page.h"
#include "aftercare-wizard.h"

typedef enum {
  STEP_MASSAGE,
  STEP_FEELING,
  STEP_RUN,
  STEP_VERDICT,
  N_STEPS
} Step;

static const char *step_names[N_STEPS] = { "massage", "feeling", "run", "verdict" };

/* The quick choices of ended_row, in hours before now; the one after them
 * is "Earlier…", which opens the date and time picker. */
static const int ended_offsets_hours[] = { 0, 1, 2, 4 };
#define ENDED_EARLIER G_N_ELEMENTS (ended_offsets_hours)

#define N_SYMPTOM_BITS 14

/* A client's name on the sheet: one line, at most this many characters. */
#define CLIENT_NAME_MAX 100

struct _AftercareWizard
{
  GtkWidget parent_instance;

  GtkStack *steps;
  GtkWidget *client_group;
  AdwEntryRow *client_row;
  GtkWidget *session_group;
  AdwExpanderRow *use_session_row;
  AdwComboRow *session_row;
  GtkWidget *massage_group;
  GtkWidget *pressure_group;
  GtkWidget *when_group;
  AdwComboRow *type_row;
  GtkToggleButton *pressure_light;
  GtkToggleButton *pressure_moderate;
  GtkToggleButton *pressure_deep;
  GtkSwitch *first_time_switch;
  AdwComboRow *ended_row;
  AdwActionRow *custom_time_row;
  GtkMenuButton *custom_time_button;
  GtkCalendar *calendar;
  GtkSpinButton *hour_spin;
  GtkSpinButton *minute_spin;
  GtkWidget *time_error_label;
  GtkLabel *soreness_value_label;
  GtkLabel *soreness_band_label;
  GtkWidget *soreness_scale;
  AdwPreferencesGroup *tissue_group;
  AdwPreferencesGroup *warning_group;
  GtkCheckButton *run_easy;
  GtkCheckButton *run_steady;
  GtkCheckButton *run_hard;
  AftercareVerdictPage *verdict_page;
  GtkWidget *action_bar;
  GtkWidget *back_button;
  GtkButton *next_button;
  GtkLabel *step_label;

  GtkCheckButton *symptom_checks[N_SYMPTOM_BITS];
  GSettings *settings;            /* the app's: clinic mode, default planned run */
  gboolean sessions_hidden;       /* clinic mode, locked: no logged massages */
  AftercareStore *store;
  AftercareClock *clock;
  GDateTime *pinned_now;
  Step step;
  /* Once the person picks a pressure, choosing a type no longer replaces
   * it with the type's usual one. */
  gboolean pressure_chosen;
  gboolean setting_pressure;
  gboolean custom_time_set;

  /* What the verdict on show was made of, kept for "Save as check-in". */
  AftercareSession *assessed_session;
  AftercareCheckin *pending_checkin;
  gboolean session_is_stored;
  gboolean saved;
};

G_DEFINE_FINAL_TYPE (AftercareWizard, aftercare_wizard, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GDateTime *
get_now (AftercareWizard *self)
{
  if (self->pinned_now != NULL)
    return g_date_time_ref (self->pinned_now);
  return g_date_time_new_now_local ();
}

static gboolean
uses_24h_clock (AftercareWizard *self)
{
  return aftercare_verdict_page_get_clock_24h (self->verdict_page);
}

static void
show_toast (AftercareWizard *self,
            const char      *title)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (title));
}

/* A logged massage */

/* The store's sessions, or NULL without a store. */
static GListModel *
get_sessions (AftercareWizard *self)
{
  return self->store != NULL ? aftercare_store_get_sessions (self->store) : NULL;
}

/* "Use a Logged Massage" gets the list when it is first turned on: a
 * combo row given a model measures and binds items, which a start-up
 * that shows the wizard, or never opens this row, has no need of. */
static void
ensure_session_model (AftercareWizard *self)
{
  if (self->store != NULL && adw_combo_row_get_model (self->session_row) == NULL)
    adw_combo_row_set_model (self->session_row, get_sessions (self));
}

static AftercareSession *
get_picked_session (AftercareWizard *self)
{
  if (self->store == NULL || !adw_expander_row_get_enable_expansion (self->use_session_row))
    return NULL;
  return adw_combo_row_get_selected_item (self->session_row);
}

static gboolean
uses_logged_session (AftercareWizard *self)
{
  return self->store != NULL && adw_expander_row_get_enable_expansion (self->use_session_row);
}

/* "Tue 24 Nov, 10:00 · Jordan Avery": when it ended, and for whom when a
 * client was named. */
static char *
session_when_and_who (AftercareWizard  *self,
                      AftercareSession *session)
{
  g_autoptr(GDateTime) now = get_now (self);
  g_autofree char *when = aftercare_time_format_day_and_time (aftercare_session_get_ended_at (session), now,
                                                              aftercare_verdict_page_get_clock_24h (self->verdict_page));
  const char *client = aftercare_session_get_client (session);

  if (client == NULL || client[0] == '\0')
    return g_steal_pointer (&when);
  /* Translators: when a logged massage ended, and the client it was for,
   * "Tue 24 Nov, 10:00 · Jordan Avery". */
  return g_strdup_printf (_("%s · %s"), when, client);
}

/* The picked massage, in one line under the row's title. */
static char *
session_label_cb (AftercareSession *session,
                  AftercareWizard  *self)
{
  g_autofree char *title = NULL;
  g_autofree char *when_and_who = NULL;

  if (session == NULL)
    return NULL;
  title = aftercare_massage_get_title (aftercare_session_get_massage_type (session),
                                       aftercare_session_get_pressure (session));
  when_and_who = session_when_and_who (self, session);
  /* Translators: a logged massage, "Deep tissue · deep pressure, Tue 24 Nov, 10:00". */
  return g_strdup_printf (_("%s, %s"), title, when_and_who);
}

/* The check mark keeps its place when hidden, so rows do not shift. */
static gboolean
selected_to_opacity (GBinding     *binding,
                     const GValue *selected,
                     GValue       *opacity,
                     gpointer      user_data)
{
  g_value_set_double (opacity, g_value_get_boolean (selected) ? 1.0 : 0.0);
  return TRUE;
}

/* In the list, each massage whole on two lines, so two of one type are told
 * apart by their day, time and client, even 360 px wide. */
static void
setup_session_item_cb (GtkSignalListItemFactory *factory,
                       GtkListItem              *item,
                       AftercareWizard          *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *lines = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  for (int i = 0; i < 2; i++)
    {
      GtkWidget *label = gtk_label_new (NULL);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 32);
      if (i == 1)
        gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (lines), label);
    }
  gtk_widget_set_hexpand (lines, TRUE);
  gtk_box_append (GTK_BOX (box), lines);
  gtk_box_append (GTK_BOX (box), check);
  g_object_bind_property_full (item, "selected", check, "opacity", G_BINDING_SYNC_CREATE,
                               selected_to_opacity, NULL, NULL, NULL);
  gtk_list_item_set_child (item, box);
}

static void
bind_session_item_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      AftercareWizard          *self)
{
  AftercareSession *session = gtk_list_item_get_item (item);
  GtkWidget *lines = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  GtkWidget *title = gtk_widget_get_first_child (lines);
  g_autofree char *title_text = aftercare_massage_get_title (aftercare_session_get_massage_type (session),
                                                             aftercare_session_get_pressure (session));
  g_autofree char *when_and_who = session_when_and_who (self, session);

  gtk_label_set_label (GTK_LABEL (title), title_text);
  gtk_label_set_label (GTK_LABEL (gtk_widget_get_next_sibling (title)), when_and_who);
}

static void
sessions_changed_cb (AftercareWizard *self)
{
  GListModel *sessions = get_sessions (self);
  gboolean any = sessions != NULL && g_list_model_get_n_items (sessions) > 0;

  gtk_widget_set_visible (self->session_group, self->store != NULL && any && !self->sessions_hidden);
  if (!any || self->sessions_hidden)
    adw_expander_row_set_enable_expansion (self->use_session_row, FALSE);
}

/* The massage */

static AftercarePressure
get_pressure (AftercareWizard *self)
{
  if (gtk_toggle_button_get_active (self->pressure_deep))
    return AFTERCARE_PRESSURE_DEEP;
  if (gtk_toggle_button_get_active (self->pressure_moderate))
    return AFTERCARE_PRESSURE_MODERATE;
  return AFTERCARE_PRESSURE_LIGHT;
}

static void
show_pressure (AftercareWizard   *self,
               AftercarePressure  pressure)
{
  GtkToggleButton *buttons[] = { self->pressure_light, self->pressure_moderate, self->pressure_deep };

  g_assert (pressure < G_N_ELEMENTS (buttons));
  self->setting_pressure = TRUE;
  gtk_toggle_button_set_active (buttons[pressure], TRUE);
  self->setting_pressure = FALSE;
}

static void
pressure_toggled_cb (AftercareWizard *self,
                     GtkToggleButton *button)
{
  if (!self->setting_pressure && gtk_toggle_button_get_active (button))
    self->pressure_chosen = TRUE;
}

static AftercareMassageKind *
get_kind (AftercareWizard *self)
{
  return adw_combo_row_get_selected_item (self->type_row);
}

static void
type_changed_cb (AftercareWizard *self)
{
  AftercareMassageKind *kind = get_kind (self);

  if (kind != NULL && !self->pressure_chosen)
    show_pressure (self, aftercare_massage_kind_get_typical_pressure (kind));
}

/* When the massage ended */

static GDateTime *
get_custom_time (AftercareWizard *self)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (self->calendar);

  return g_date_time_new_local (g_date_time_get_year (day),
                                g_date_time_get_month (day),
                                g_date_time_get_day_of_month (day),
                                gtk_spin_button_get_value_as_int (self->hour_spin),
                                gtk_spin_button_get_value_as_int (self->minute_spin),
                                0);
}

static void
show_custom_time (AftercareWizard *self,
                  GDateTime       *time)
{
  gtk_calendar_select_day (self->calendar, time);
  gtk_spin_button_set_value (self->hour_spin, g_date_time_get_hour (time));
  gtk_spin_button_set_value (self->minute_spin, g_date_time_get_minute (time));
}

static gboolean
uses_custom_time (AftercareWizard *self)
{
  return adw_combo_row_get_selected (self->ended_row) == ENDED_EARLIER;
}

static GDateTime *
get_ended_at (AftercareWizard *self,
              GDateTime       *now)
{
  guint choice = adw_combo_row_get_selected (self->ended_row);

  if (choice < G_N_ELEMENTS (ended_offsets_hours))
    return g_date_time_add_hours (now, -ended_offsets_hours[choice]);
  return get_custom_time (self);
}

/* The client's name as it goes on the sheet: trimmed; "" outside clinic
 * mode, where the field is hidden. */
static char *
get_client_name (AftercareWizard *self)
{
  if (!gtk_widget_get_visible (self->client_group))
    return g_strdup ("");
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->client_row))));
}

static gboolean
client_name_is_valid (AftercareWizard *self)
{
  g_autofree char *name = get_client_name (self);

  return g_utf8_strlen (name, -1) <= CLIENT_NAME_MAX;
}

static gboolean
massage_is_valid (AftercareWizard *self)
{
  g_autoptr(GDateTime) now = get_now (self);
  g_autoptr(GDateTime) ended_at = NULL;

  if (uses_logged_session (self))
    {
      AftercareSession *picked = get_picked_session (self);

      if (picked == NULL)
        return FALSE;
      ended_at = g_date_time_ref (aftercare_session_get_ended_at (picked));
    }
  else
    ended_at = get_ended_at (self, now);
  /* A massage that has not ended yet has no aftercare to ask about. */
  return g_date_time_compare (ended_at, now) <= 0 && client_name_is_valid (self);
}

static void
show_custom_time_summary (AftercareWizard *self)
{
  g_autoptr(GDateTime) now = get_now (self);
  g_autoptr(GDateTime) custom = get_custom_time (self);
  g_autofree char *text = aftercare_time_format_clock (custom, now, uses_24h_clock (self));

  adw_action_row_set_subtitle (self->custom_time_row, text);
  gtk_widget_set_visible (self->time_error_label,
                          !uses_logged_session (self) && uses_custom_time (self) &&
                          g_date_time_compare (custom, now) > 0);
}

static void update_navigation (AftercareWizard *self);

/* A logged massage brings its own type, pressure and time: the rows for
 * entering them by hand step aside. */
static void
picked_session_changed_cb (AftercareWizard *self)
{
  gboolean logged = uses_logged_session (self);

  if (logged)
    ensure_session_model (self);
  gtk_widget_set_visible (self->massage_group, !logged);
  gtk_widget_set_visible (self->pressure_group, !logged);
  gtk_widget_set_visible (self->when_group, !logged);
  update_navigation (self);
}

static void
client_changed_cb (AftercareWizard *self)
{
  if (client_name_is_valid (self))
    gtk_widget_remove_css_class (GTK_WIDGET (self->client_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->client_row), "error");
  update_navigation (self);
}

/* Enter in the name field goes on, as it does from the rest of the step. */
static void
client_activated_cb (AftercareWizard *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "wizard.next", NULL);
}

static void
custom_time_changed_cb (AftercareWizard *self)
{
  show_custom_time_summary (self);
  update_navigation (self);
}

/* Someone who ended "earlier" most likely means yesterday: start the
 * picker a day back, on a round five minutes. */
static void
preset_custom_time (AftercareWizard *self)
{
  g_autoptr(GDateTime) now = get_now (self);
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);
  g_autoptr(GDateTime) rounded = g_date_time_add_minutes (yesterday, -(g_date_time_get_minute (yesterday) % 5));

  show_custom_time (self, rounded);
  self->custom_time_set = TRUE;
}

static void
ended_choice_changed_cb (AftercareWizard *self)
{
  gboolean earlier = uses_custom_time (self);

  if (earlier && !self->custom_time_set)
    preset_custom_time (self);
  gtk_widget_set_visible (GTK_WIDGET (self->custom_time_row), earlier);
  show_custom_time_summary (self);
  update_navigation (self);
  if (earlier && gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_menu_button_popup (self->custom_time_button);
}

static gboolean
two_digits_output_cb (GtkSpinButton *spin,
                      gpointer       user_data)
{
  g_autofree char *text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));

  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

/* How you feel */

static guint
get_soreness (AftercareWizard *self)
{
  return (guint) CLAMP (lround (gtk_range_get_value (GTK_RANGE (self->soreness_scale))),
                        0, AFTERCARE_SORENESS_MAX);
}

static void
soreness_changed_cb (AftercareWizard *self)
{
  guint soreness = get_soreness (self);
  const char *band = aftercare_soreness_get_band (soreness);
  g_autofree char *number = g_strdup_printf ("%u", soreness);
  /* Translators: what a screen reader says for the soreness scale, "4, Above mild". */
  g_autofree char *spoken = g_strdup_printf (_("%u, %s"), soreness, band);

  gtk_label_set_label (self->soreness_value_label, number);
  gtk_label_set_label (self->soreness_band_label, band);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->soreness_scale),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, spoken,
                                  -1);
}

static GtkWidget *
symptom_row_new (AftercareSymptoms  symptom,
                 GtkCheckButton   **check_out)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  const char *title = aftercare_symptom_get_title (symptom);
  const char *description = aftercare_symptom_get_description (symptom);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), description);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  /* One stop per symptom for Tab and the arrows: the check box, which a
   * screen reader announces with its name and state. */
  gtk_widget_set_focusable (row, FALSE);
  *check_out = GTK_CHECK_BUTTON (check);
  return row;
}

/* Two groups, as the person meets them: what the treated area shows, and
 * the signs that need a professional's look or rest. */
static void
add_symptom_rows (AftercareWizard *self)
{
  g_autoptr(GFlagsClass) klass = g_type_class_ref (AFTERCARE_TYPE_SYMPTOMS);

  for (guint i = 0; i < klass->n_values; i++)
    {
      AftercareSymptoms symptom = klass->values[i].value;
      int bit = g_bit_nth_lsf (symptom, -1);
      AdwPreferencesGroup *group;
      GtkWidget *row;

      g_assert (bit >= 0 && bit < N_SYMPTOM_BITS);
      group = (symptom & AFTERCARE_SYMPTOMS_TISSUE) ? self->tissue_group : self->warning_group;
      row = symptom_row_new (symptom, &self->symptom_checks[bit]);
      adw_preferences_group_add (group, row);
    }
}

static AftercareSymptoms
get_symptoms (AftercareWizard *self)
{
  AftercareSymptoms symptoms = AFTERCARE_SYMPTOM_NONE;

  for (guint bit = 0; bit < N_SYMPTOM_BITS; bit++)
    if (gtk_check_button_get_active (self->symptom_checks[bit]))
      symptoms |= 1u << bit;
  return symptoms;
}

/* The planned run */

static AftercarePlannedRun
get_planned_run (AftercareWizard *self)
{
  if (gtk_check_button_get_active (self->run_hard))
    return AFTERCARE_PLANNED_RUN_HARD;
  if (gtk_check_button_get_active (self->run_steady))
    return AFTERCARE_PLANNED_RUN_STEADY;
  return AFTERCARE_PLANNED_RUN_EASY;
}

/* The run set in Preferences, until the person picks another. */
static void
show_default_planned_run (AftercareWizard *self)
{
  GtkCheckButton *buttons[] = { self->run_easy, self->run_steady, self->run_hard };
  int run = self->settings != NULL ? g_settings_get_enum (self->settings, "default-planned-run")
                                   : AFTERCARE_PLANNED_RUN_EASY;

  g_assert (run >= 0 && run < (int) G_N_ELEMENTS (buttons));
  gtk_check_button_set_active (buttons[run], TRUE);
}

/* The verdict */

static AftercareSession *
build_session (AftercareWizard *self,
               GDateTime       *now)
{
  g_autoptr(GDateTime) ended_at = get_ended_at (self, now);
  g_autofree char *client = get_client_name (self);
  AftercareSession *session = aftercare_session_new (ended_at);

  aftercare_session_set_client (session, client);
  /* The wizard does not ask how long the massage was: 0, "not known", so
   * the sheet prints no duration nobody entered. */
  aftercare_session_set_duration_minutes (session, 0);

  aftercare_session_set_massage_type (session, aftercare_massage_kind_get_massage_type (get_kind (self)));
  aftercare_session_set_pressure (session, get_pressure (self));
  aftercare_session_set_first_time (session, gtk_switch_get_active (self->first_time_switch));
  return session;
}

/* The answers are a check-in made now: the advisor reads it as the
 * current state, with the check-ins stored so far for a logged massage (a
 * symptom that persists weighs more), read the one way every view reads
 * them. Nothing is stored here. */
static AftercareAssessment *
assess_answers (AftercareWizard      *self,
                AftercareSession     *session,
                AftercareCheckin     *checkin,
                AftercarePlannedRun   planned_run,
                GDateTime            *now,
                GError              **error)
{
  g_autoptr(GPtrArray) answers = NULL;

  if (self->session_is_stored)
    return aftercare_session_assess (self->store, session, checkin, planned_run, now, NULL, error);
  answers = g_ptr_array_new ();
  g_ptr_array_add (answers, checkin);
  return aftercare_advisor_assess (session, answers, planned_run, now);
}

static gboolean
assess (AftercareWizard *self)
{
  g_autoptr(GDateTime) now = get_now (self);
  AftercareSession *picked = get_picked_session (self);
  g_autoptr(AftercareSession) session = picked != NULL ? g_object_ref (picked) : build_session (self, now);
  g_autoptr(AftercareCheckin) checkin = NULL;
  g_autoptr(AftercareAssessment) assessment = NULL;
  g_autoptr(GError) error = NULL;
  AftercarePlannedRun planned_run = get_planned_run (self);

  self->session_is_stored = picked != NULL;
  checkin = aftercare_checkin_new (aftercare_session_get_id (session), now,
                                   get_soreness (self), get_symptoms (self));
  assessment = assess_answers (self, session, checkin, planned_run, now, &error);
  if (assessment == NULL)
    {
      show_toast (self, error->message);
      return FALSE;
    }
  aftercare_verdict_page_show (self->verdict_page, session, assessment, planned_run, now);
  g_set_object (&self->assessed_session, session);
  g_set_object (&self->pending_checkin, checkin);
  self->saved = FALSE;
  return TRUE;
}

/* Moving between steps */

/* A client at a locked clinic desk keeps nothing in the clinic's records:
 * saving is for staff, once they unlock. */
static gboolean
can_save (AftercareWizard *self)
{
  return self->store != NULL && !self->sessions_hidden;
}

/* Step 1 says what happens to the name: what the buttons on the way do. */
static void
update_saving (AftercareWizard *self)
{
  aftercare_verdict_page_set_save_visible (self->verdict_page, can_save (self));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->client_group),
                                         can_save (self)
                                         ? _("Printed at the top of the aftercare sheet. "
                                             "Kept in the clinic’s sessions only if you save the check-in.")
                                         : _("Printed at the top of the aftercare sheet. "
                                             "Nothing is kept once you start over."));
}

static gboolean
step_is_valid (AftercareWizard *self,
               Step             step)
{
  return step != STEP_MASSAGE || massage_is_valid (self);
}

static void
update_navigation (AftercareWizard *self)
{
  Step step = self->step;
  /* Translators: progress through the wizard, "Step 2 of 4". */
  g_autofree char *progress = g_strdup_printf (_("Step %u of %u"), step + 1, (guint) N_STEPS);

  gtk_label_set_label (self->step_label, progress);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.back", step > STEP_MASSAGE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.next",
                                 step < STEP_VERDICT && step_is_valid (self, step));
  gtk_widget_set_visible (GTK_WIDGET (self->next_button), step < STEP_VERDICT);
  gtk_button_set_label (self->next_button, step == STEP_RUN ? _("_See Verdict") : _("_Next"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.save-checkin",
                                 can_save (self) && step == STEP_VERDICT && !self->saved);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.page-down", step == STEP_VERDICT);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.page-up", step == STEP_VERDICT);
}

static GtkWidget *
first_control (AftercareWizard *self,
               Step             step)
{
  switch (step)
    {
    case STEP_MASSAGE:
      /* In clinic mode staff start with the client's name. */
      if (gtk_widget_get_visible (self->client_group))
        return GTK_WIDGET (self->client_row);
      if (gtk_widget_get_visible (self->session_group))
        return GTK_WIDGET (self->use_session_row);
      return GTK_WIDGET (self->type_row);
    case STEP_FEELING:
      return self->soreness_scale;
    case STEP_RUN:
      if (gtk_check_button_get_active (self->run_hard))
        return GTK_WIDGET (self->run_hard);
      if (gtk_check_button_get_active (self->run_steady))
        return GTK_WIDGET (self->run_steady);
      return GTK_WIDGET (self->run_easy);
    case STEP_VERDICT:
    case N_STEPS:
    default:
      /* Not a button that saves or clears: Enter pressed once too often
       * must not do either. */
      return self->back_button;
    }
}

/* A row that is not itself focusable (the expander) takes the keyboard on
 * its first part that is. */
static gboolean
focus_control (GtkWidget *control)
{
  return gtk_widget_grab_focus (control) || gtk_widget_child_focus (control, GTK_DIR_TAB_FORWARD);
}

static void
go_to_step (AftercareWizard *self,
            Step             step)
{
  g_assert (step < N_STEPS);
  self->step = step;
  gtk_stack_set_visible_child_name (self->steps, step_names[step]);
  update_navigation (self);
  /* Only when shown: focus must not jump into a view the person is not in. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    focus_control (first_control (self, step));
}

static void
next_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AftercareWizard *self = AFTERCARE_WIZARD (widget);

  if (self->step >= STEP_VERDICT || !step_is_valid (self, self->step))
    return;
  if (self->step == STEP_RUN && !assess (self))
    return;
  go_to_step (self, self->step + 1);
}

static void
back_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AftercareWizard *self = AFTERCARE_WIZARD (widget);

  if (self->step > STEP_MASSAGE)
    go_to_step (self, self->step - 1);
}

/* The verdict is read to its end from the keyboard, wherever the focus is
 * (on Back, after See Verdict): Page Down and Page Up scroll it. */
static void
scroll_verdict_action_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  AftercareWizard *self = AFTERCARE_WIZARD (widget);

  aftercare_verdict_page_scroll (self->verdict_page, g_str_equal (action_name, "wizard.page-down") ? 1 : -1);
}

static void
start_over_action_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  aftercare_wizard_reset (AFTERCARE_WIZARD (widget));
}

/* Picks a logged massage in "Use a Logged Massage"; FALSE when it is not
 * offered (not in the store, or hidden in clinic mode). */
static gboolean
pick_logged_session (AftercareWizard  *self,
                     AftercareSession *session)
{
  GListModel *sessions;
  guint position;

  ensure_session_model (self);
  sessions = adw_combo_row_get_model (self->session_row);
  if (sessions == NULL || self->sessions_hidden ||
      !aftercare_session_list_find (sessions, session, &position))
    return FALSE;
  adw_combo_row_set_selected (self->session_row, position);
  adw_expander_row_set_enable_expansion (self->use_session_row, TRUE);
  return TRUE;
}

static void
save_checkin_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  AftercareWizard *self = AFTERCARE_WIZARD (widget);
  g_autoptr(GError) error = NULL;

  g_return_if_fail (self->pending_checkin != NULL);
  if (!can_save (self))
    return;

  if (!self->session_is_stored)
    {
      if (!aftercare_store_add_session (self->store, self->assessed_session, &error))
        {
          show_toast (self, error->message);
          return;
        }
      self->session_is_stored = TRUE;
      /* Now a logged massage: a later check-in joins it instead of logging it twice. */
      pick_logged_session (self, self->assessed_session);
    }
  if (!aftercare_store_add_checkin (self->store, self->pending_checkin, &error))
    {
      show_toast (self, error->message);
      return;
    }
  self->saved = TRUE;
  update_navigation (self);
  show_toast (self, _("Check-in saved"));
}

/* The 12- or 24-hour clock follows the desktop; AftercareClock is the one
 * place that reads the desktop's setting. */
static void
follow_desktop_clock (AftercareWizard *self)
{
  self->clock = aftercare_clock_new ();
  g_object_bind_property (self->clock, "clock-24h", self->verdict_page, "clock-24h",
                          G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->verdict_page, "notify::clock-24h",
                           G_CALLBACK (show_custom_time_summary), self, G_CONNECT_SWAPPED);
}

/* Arriving on the wizard, the keyboard is on the step's first control. */
static gboolean
aftercare_wizard_grab_focus (GtkWidget *widget)
{
  AftercareWizard *self = AFTERCARE_WIZARD (widget);

  return focus_control (first_control (self, self->step));
}

static void
aftercare_wizard_dispose (GObject *object)
{
  AftercareWizard *self = AFTERCARE_WIZARD (object);

  g_clear_object (&self->clock);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_object (&self->assessed_session);
  g_clear_object (&self->pending_checkin);
  g_clear_pointer (&self->pinned_now, g_date_time_unref);
  gtk_widget_dispose_template (GTK_WIDGET (object), AFTERCARE_TYPE_WIZARD);
  G_OBJECT_CLASS (aftercare_wizard_parent_class)->dispose (object);
}

static void
aftercare_wizard_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AftercareWizard *self = AFTERCARE_WIZARD (object);

  switch (prop_id)
    {
    case PROP_STORE: g_value_set_object (value, self->store); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aftercare_wizard_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  AftercareWizard *self = AFTERCARE_WIZARD (object);

  switch (prop_id)
    {
    case PROP_STORE: aftercare_wizard_set_store (self, g_value_get_object (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aftercare_wizard_class_init (AftercareWizardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aftercare_wizard_dispose;
  object_class->get_property = aftercare_wizard_get_property;
  object_class->set_property = aftercare_wizard_set_property;
  widget_class->grab_focus = aftercare_wizard_grab_focus;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, AFTERCARE_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (AFTERCARE_TYPE_MASSAGE_KIND);
  g_type_ensure (AFTERCARE_TYPE_VERDICT_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/aftercare-wizard.ui");
  gtk_widget_class_bind_template_child (widget_class, AftercareWizard, steps);
  gtk_widget_class_bind_template_child (widget_class, AftercareWizard, client_group);
  gtk_widget_class_bind_template_child (widget_class, AftercareWizard, client_row);
  gtk_widget_class_bind_template_child (widget_class, AftercareWizard, session_group);
  gtk_widget_class_bind_template_child (widget_class, AftercareWizard, use_session_row);
  gtk_widget_class_bind_template_child (widget_class, AftercareWizard, session_row);
  gtk_widget_class_bind_template_child (widget_class, AftercareWizard, massage_group);
  gtk_widget_class_bind_template_child (widget_class, AftercareWizard, pressure_group);
  gtk_widget_class_bind_template_child (widget_class, AftercareWizard, when_group);
  gtk_widget_class_bind_template_child (widget_class, AftercareWizard, type_row);
  gtk_widget_class_bind_template_child (widget_class, AftercareWizard, pressure_light);
  gtk_widget_class_bind_template_child (widget_class, AftercareWizard, pressure_moderate);
  gtk_widget_class_bind_template_child (widget_class, AftercareWizard, pressure_deep);
  gtk_widget_class_bind_template_child (widget_class, AftercareWizard, first_time_switch);
  gtk_widget_class_bind_template_child (widget_class, AftercareWizard, ended_row);
  gtk_widget_class_bind_template_child (widget_class, AftercareWizard, custom_time_row);
  gtk_widget_class_bind_template_child (widget_class, AftercareWizard, custom_time_button);
  gtk_widget_class_bind_template_child (widget_class, AftercareWizard, calendar);
  gtk_widget_class_bind_template_child (widget_class, AftercareWizard, hour_spin);
  gtk_widget_class_bind_template_child (widget_class, AftercareWizard, minute_spin);
  gtk_widget_class_bind_template_child (widget_class, AftercareWizard, time_error_label);
  gtk_widget_class_bind_template_child (widget_class, AftercareWizard, soreness_value_label);
  gtk_widget_class_bind_template_child (widget_class, AftercareWizard, soreness_band_label);
  gtk_widget_class_bind_template_child (widget_class, AftercareWizard, soreness_scale);
  gtk_widget_class_bind_template_child (widget_class, AftercareWizard, tissue_group);
  gtk_widget_class_bind_template_child (widget_class, AftercareWizard, warning_group);
  gtk_widget_class_bind_template_child (widget_class, AftercareWizard, run_easy);
  gtk_widget_class_bind_template_child (widget_class, AftercareWizard, run_steady);
  gtk_widget_class_bind_template_child (widget_class, AftercareWizard, run_hard);
  gtk_widget_class_bind_template_child (widget_class, AftercareWizard, verdict_page);
  gtk_widget_class_bind_template_child (widget_class, AftercareWizard, action_bar);
  gtk_widget_class_bind_template_child (widget_class, AftercareWizard, back_button);
  gtk_widget_class_bind_template_child (widget_class, AftercareWizard, next_button);
  gtk_widget_class_bind_template_child (widget_class, AftercareWizard, step_label);

  gtk_widget_class_bind_template_callback (widget_class, client_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, client_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, picked_session_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, pressure_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, ended_choice_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, custom_time_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, two_digits_output_cb);
  gtk_widget_class_bind_template_callback (widget_class, soreness_changed_cb);

  gtk_widget_class_install_action (widget_class, "wizard.back", NULL, back_action_cb);
  gtk_widget_class_install_action (widget_class, "wizard.next", NULL, next_action_cb);
  gtk_widget_class_install_action (widget_class, "wizard.start-over", NULL, start_over_action_cb);
  gtk_widget_class_install_action (widget_class, "wizard.page-down", NULL, scroll_verdict_action_cb);
  gtk_widget_class_install_action (widget_class, "wizard.page-up", NULL, scroll_verdict_action_cb);
  gtk_widget_class_install_action (widget_class, "wizard.save-checkin", NULL, save_checkin_action_cb);

  gtk_widget_class_set_css_name (widget_class, "wizard");
}

static void
aftercare_wizard_init (AftercareWizard *self)
{
  g_autoptr(GListModel) kinds = aftercare_catalog_new ();
  g_autoptr(GtkListItemFactory) session_items = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  adw_combo_row_set_model (self->type_row, kinds);
  adw_combo_row_set_expression (self->session_row,
                                gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                             G_CALLBACK (session_label_cb), self, NULL));
  session_items = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (session_items, "setup", G_CALLBACK (setup_session_item_cb), self, 0);
  g_signal_connect_object (session_items, "bind", G_CALLBACK (bind_session_item_cb), self, 0);
  adw_combo_row_set_list_factory (self->session_row, session_items);
  g_signal_connect_object (self->type_row, "notify::selected",
                           G_CALLBACK (type_changed_cb), self, G_CONNECT_SWAPPED);
  add_symptom_rows (self);
  follow_desktop_clock (self);
  update_saving (self);
  aftercare_wizard_reset (self);
}

GtkWidget *
aftercare_wizard_new (void)
{
  return g_object_new (AFTERCARE_TYPE_WIZARD, NULL);
}

void
aftercare_wizard_reset (AftercareWizard *self)
{
  g_return_if_fail (AFTERCARE_IS_WIZARD (self));

  adw_expander_row_set_enable_expansion (self->use_session_row, FALSE);
  if (adw_combo_row_get_model (self->session_row) != NULL)
    adw_combo_row_set_selected (self->session_row, 0);
  g_clear_object (&self->assessed_session);
  g_clear_object (&self->pending_checkin);
  self->session_is_stored = FALSE;
  self->saved = FALSE;
  aftercare_wizard_set_massage_type (self, AFTERCARE_MASSAGE_SWEDISH);
  gtk_switch_set_active (self->first_time_switch, FALSE);
  self->custom_time_set = FALSE;
  adw_combo_row_set_selected (self->ended_row, 0);
  gtk_range_set_value (GTK_RANGE (self->soreness_scale), 0);
  soreness_changed_cb (self);
  for (guint bit = 0; bit < N_SYMPTOM_BITS; bit++)
    gtk_check_button_set_active (self->symptom_checks[bit], FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->client_row), "");
  show_default_planned_run (self);
  go_to_step (self, STEP_MASSAGE);
}

void
aftercare_wizard_set_massage_type (AftercareWizard      *self,
                                   AftercareMassageType  type)
{
  GListModel *kinds;

  g_return_if_fail (AFTERCARE_IS_WIZARD (self));

  kinds = adw_combo_row_get_model (self->type_row);
  for (guint i = 0; i < g_list_model_get_n_items (kinds); i++)
    {
      g_autoptr(AftercareMassageKind) kind = g_list_model_get_item (kinds, i);

      if (aftercare_massage_kind_get_massage_type (kind) == type)
        {
          adw_combo_row_set_selected (self->type_row, i);
          break;
        }
    }
  /* A type chosen from outside brings its usual pressure along. */
  self->pressure_chosen = FALSE;
  type_changed_cb (self);
}

gboolean
aftercare_wizard_set_session (AftercareWizard  *self,
                              AftercareSession *session)
{
  g_return_val_if_fail (AFTERCARE_IS_WIZARD (self), FALSE);
  g_return_val_if_fail (AFTERCARE_IS_SESSION (session), FALSE);

  aftercare_wizard_reset (self);
  if (!pick_logged_session (self, session))
    return FALSE;
  /* The massage is known: on to how the person feels now (unless it has
   * not ended yet, which the first step says). */
  go_to_step (self, massage_is_valid (self) ? STEP_FEELING : STEP_MASSAGE);
  return TRUE;
}

void
aftercare_wizard_set_now (AftercareWizard *self,
                          GDateTime       *now)
{
  g_return_if_fail (AFTERCARE_IS_WIZARD (self));

  g_clear_pointer (&self->pinned_now, g_date_time_unref);
  if (now != NULL)
    self->pinned_now = g_date_time_ref (now);
  show_custom_time_summary (self);
  update_navigation (self);
}

void
aftercare_wizard_set_settings (AftercareWizard *self,
                               GSettings       *settings)
{
  g_return_if_fail (AFTERCARE_IS_WIZARD (self));
  g_return_if_fail (G_IS_SETTINGS (settings));
  if (!g_set_object (&self->settings, settings))
    return;
  g_settings_bind (settings, "clinic-mode", self->client_group, "visible", G_SETTINGS_BIND_GET);
  if (self->step == STEP_MASSAGE)
    show_default_planned_run (self);
}

AftercareVerdictPage *
aftercare_wizard_get_verdict_page (AftercareWizard *self)
{
  g_return_val_if_fail (AFTERCARE_IS_WIZARD (self), NULL);
  if (self->step != STEP_VERDICT)
    return NULL;
  return self->verdict_page;
}

AftercareStore *
aftercare_wizard_get_store (AftercareWizard *self)
{
  g_return_val_if_fail (AFTERCARE_IS_WIZARD (self), NULL);
  return self->store;
}

void
aftercare_wizard_set_store (AftercareWizard *self,
                            AftercareStore  *store)
{
  GListModel *sessions;

  g_return_if_fail (AFTERCARE_IS_WIZARD (self));
  g_return_if_fail (store == NULL || AFTERCARE_IS_STORE (store));

  if (self->store == store)
    return;
  sessions = get_sessions (self);
  if (sessions != NULL)
    g_signal_handlers_disconnect_by_func (sessions, sessions_changed_cb, self);
  g_set_object (&self->store, store);
  /* A verdict on show belongs to the store it was made with. */
  aftercare_wizard_reset (self);
  adw_combo_row_set_model (self->session_row, NULL);
  sessions = get_sessions (self);
  if (sessions != NULL)
    g_signal_connect_object (sessions, "items-changed", G_CALLBACK (sessions_changed_cb),
                             self, G_CONNECT_SWAPPED);
  sessions_changed_cb (self);
  update_saving (self);
  update_navigation (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

void
aftercare_wizard_set_sessions_hidden (AftercareWizard *self,
                                      gboolean         hidden)
{
  g_return_if_fail (AFTERCARE_IS_WIZARD (self));
  hidden = !!hidden;
  if (self->sessions_hidden == hidden)
    return;
  self->sessions_hidden = hidden;
  sessions_changed_cb (self);
  update_saving (self);
  update_navigation (self);
}
