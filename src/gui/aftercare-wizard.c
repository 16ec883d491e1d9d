/* aftercare-wizard.c: "Can I run today?", step by step: the massage, how you feel, the planned run, the verdict. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-wizard"

#include "config.h"

#include <glib/gi18n.h>

#include "aftercare-advisor.h"
#include "aftercare-catalog.h"
#include "aftercare-clock.h"
#include "aftercare-date-time-row.h"
#include "aftercare-feeling-form.h"
#include "aftercare-labels.h"
#include "aftercare-moments.h"
#include "aftercare-pressure-choice.h"
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

/* Choices the arrow keys move between: the pressure buttons side by
 * side, the planned runs and each group of symptoms one under another. */
typedef struct {
  GtkOrientation orientation;
  GtkWidget *members[N_SYMPTOM_BITS];
  guint n_members;
} ChoiceGroup;

#define N_CHOICE_GROUPS 4

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
  AftercarePressureChoice *pressure_choice;
  GtkSwitch *first_time_switch;
  AdwComboRow *ended_row;
  AftercareDateTimeRow *custom_time_row;
  GtkWidget *time_error_label;
  GtkLabel *checkin_note_label;
  AftercareFeelingForm *feeling_form;
  GtkCheckButton *run_easy;
  GtkCheckButton *run_steady;
  GtkCheckButton *run_hard;
  AftercareVerdictPage *verdict_page;
  GtkWidget *action_bar;
  GtkWidget *back_button;
  GtkButton *next_button;
  GtkLabel *step_label;

  ChoiceGroup choice_groups[N_CHOICE_GROUPS];
  guint n_choice_groups;
  GSettings *settings;            /* the app's: clinic mode, default planned run */
  gboolean sessions_hidden;       /* clinic mode, locked: no logged massages */
  AftercareStore *store;
  AftercareClock *clock;          /* the window's: the time, and 12- or 24-hour */
  Step step;
  /* Once the person picks a pressure, choosing a type no longer replaces
   * it with the type's usual one. */
  gboolean pressure_chosen;
  gboolean setting_pressure;
  gboolean custom_time_set;
  /* The picked massage's latest check-in, whose answers the second step
   * starts from; NULL when it starts blank. */
  AftercareCheckin *start_checkin;

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
  g_return_val_if_fail (self->clock != NULL, NULL);
  return aftercare_clock_get_now (self->clock);
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

static void
show_pressure (AftercareWizard   *self,
               AftercarePressure  pressure)
{
  self->setting_pressure = TRUE;
  aftercare_pressure_choice_set_pressure (self->pressure_choice, pressure);
  self->setting_pressure = FALSE;
}

static void
pressure_changed_cb (AftercareWizard *self)
{
  if (!self->setting_pressure)
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
  return g_date_time_ref (aftercare_date_time_row_get_date_time (self->custom_time_row));
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
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) ended_at = NULL;

  /* Until it has the window's clock, it cannot tell whether the massage ended. */
  if (self->clock == NULL)
    return FALSE;
  now = get_now (self);
  if (uses_logged_session (self))
    {
      AftercareSession *picked = get_picked_session (self);

      if (picked == NULL)
        return FALSE;
      ended_at = g_date_time_ref (aftercare_session_get_ended_at (picked));
    }
  else if (uses_custom_time (self) && aftercare_date_time_row_get_error_message (self->custom_time_row) != NULL)
    return FALSE;
  else
    ended_at = get_ended_at (self, now);
  /* A massage that has not ended yet has no aftercare to ask about. */
  return g_date_time_compare (ended_at, now) <= 0 && client_name_is_valid (self);
}

/* A time still to come is refused, with a word under the row. */
static void
show_custom_time_error (AftercareWizard *self)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) custom = get_custom_time (self);

  if (self->clock == NULL)
    return;
  now = get_now (self);
  gtk_widget_set_visible (self->time_error_label,
                          !uses_logged_session (self) && uses_custom_time (self) &&
                          g_date_time_compare (custom, now) > 0);
}

static void update_navigation (AftercareWizard *self);

/* The latest moment among a logged massage's check-ins (those at the same
 * instant as one, their worst reading), or NULL for none. When they cannot
 * be read the verdict will say so; the step starts blank. */
static AftercareCheckin *
latest_moment (AftercareWizard  *self,
               AftercareSession *session)
{
  g_autoptr(GPtrArray) stored = aftercare_store_list_checkins (self->store, aftercare_session_get_id (session), NULL);
  g_autoptr(GPtrArray) moments = stored != NULL ? aftercare_checkins_to_moments (stored) : NULL;

  if (moments == NULL || moments->len == 0)
    return NULL;
  return g_object_ref (g_ptr_array_index (moments, moments->len - 1));
}

static void
show_checkin_note (AftercareWizard *self)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *when = NULL;
  g_autofree char *text = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->checkin_note_label), self->start_checkin != NULL);
  if (self->start_checkin == NULL)
    return;
  now = get_now (self);
  when = aftercare_time_format_clock (aftercare_checkin_get_at (self->start_checkin), now, uses_24h_clock (self));
  /* Translators: above the soreness and symptoms filled in from the
   * person's latest check-in, "From your check-in at 14:02 — still the same?". */
  text = g_strdup_printf (_("From your check-in at %s — still the same?"), when);
  gtk_label_set_label (self->checkin_note_label, text);
}

/* "How you feel" starts from the picked massage's latest check-in, so
 * pressing Next cannot drop a symptom already reported; with no logged
 * massage it starts blank. Answers the person changed stay theirs. */
static void
start_from_latest_checkin (AftercareWizard *self)
{
  AftercareSession *picked = get_picked_session (self);
  g_autoptr(AftercareCheckin) latest = picked != NULL ? latest_moment (self, picked) : NULL;
  AftercareCheckin *shown = self->start_checkin;
  guint soreness = shown != NULL ? aftercare_checkin_get_soreness (shown) : 0;
  AftercareSymptoms symptoms = shown != NULL ? aftercare_checkin_get_symptoms (shown) : AFTERCARE_SYMPTOM_NONE;

  if (aftercare_feeling_form_get_soreness (self->feeling_form) != soreness ||
      aftercare_feeling_form_get_symptoms (self->feeling_form) != symptoms)
    return;
  g_set_object (&self->start_checkin, latest);
  aftercare_feeling_form_set_soreness (self->feeling_form, latest != NULL ? aftercare_checkin_get_soreness (latest) : 0);
  aftercare_feeling_form_set_symptoms (self->feeling_form,
                                       latest != NULL ? aftercare_checkin_get_symptoms (latest) : AFTERCARE_SYMPTOM_NONE);
  show_checkin_note (self);
}

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
  start_from_latest_checkin (self);
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
  show_custom_time_error (self);
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

  aftercare_date_time_row_set_date_time (self->custom_time_row, rounded);
  self->custom_time_set = TRUE;
}

static void
ended_choice_changed_cb (AftercareWizard *self)
{
  gboolean earlier = uses_custom_time (self);

  if (earlier && !self->custom_time_set)
    preset_custom_time (self);
  gtk_widget_set_visible (GTK_WIDGET (self->custom_time_row), earlier);
  show_custom_time_error (self);
  update_navigation (self);
  if (earlier && gtk_widget_get_mapped (GTK_WIDGET (self)))
    adw_action_row_activate (ADW_ACTION_ROW (self->custom_time_row));
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
  aftercare_session_set_pressure (session, aftercare_pressure_choice_get_pressure (self->pressure_choice));
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
                                   aftercare_feeling_form_get_soreness (self->feeling_form),
                                   aftercare_feeling_form_get_symptoms (self->feeling_form));
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

static gboolean
step_is_valid (AftercareWizard *self,
               Step             step)
{
  return step != STEP_MASSAGE || massage_is_valid (self);
}

/* The bar's main action, beside Back and in sight at every height: on to
 * the next step, and on the verdict, saving it (with a store to save to). */
static void
show_main_action (AftercareWizard *self)
{
  GtkButton *button = self->next_button;

  if (self->step < STEP_VERDICT)
    {
      gtk_button_set_label (button, self->step == STEP_RUN ? _("_See Verdict") : _("_Next"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "wizard.next");
      gtk_widget_set_tooltip_text (GTK_WIDGET (button), _("Next Step (Alt+Right)"));
    }
  else
    {
      gtk_button_set_label (button, _("_Save as Check-in"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "wizard.save-checkin");
      gtk_widget_set_tooltip_text (GTK_WIDGET (button), _("Keep these answers in your log, with the massage"));
    }
  gtk_widget_set_visible (GTK_WIDGET (button), self->step < STEP_VERDICT || can_save (self));
}

/* Step 1 says what happens to the name: what the buttons on the way do. */
static void
update_saving (AftercareWizard *self)
{
  show_main_action (self);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->client_group),
                                         can_save (self)
                                         ? _("Printed at the top of the aftercare sheet. "
                                             "Kept in the clinic’s sessions only if you save the check-in.")
                                         : _("Printed at the top of the aftercare sheet. "
                                             "Nothing is kept once you start over."));
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
  show_main_action (self);
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
      return GTK_WIDGET (self->feeling_form);
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

/* The keyboard */

static ChoiceGroup *
choice_group_add (AftercareWizard *self,
                  GtkOrientation   orientation)
{
  ChoiceGroup *group;

  g_assert (self->n_choice_groups < N_CHOICE_GROUPS);
  group = &self->choice_groups[self->n_choice_groups++];
  group->orientation = orientation;
  return group;
}

static void
choice_group_append (ChoiceGroup *group,
                     gpointer     member)
{
  g_assert (group->n_members < G_N_ELEMENTS (group->members));
  group->members[group->n_members++] = member;
}

static void
add_choice_groups (AftercareWizard *self)
{
  ChoiceGroup *pressure = choice_group_add (self, GTK_ORIENTATION_HORIZONTAL);
  ChoiceGroup *run = choice_group_add (self, GTK_ORIENTATION_VERTICAL);
  ChoiceGroup *tissue = choice_group_add (self, GTK_ORIENTATION_VERTICAL);
  ChoiceGroup *warning = choice_group_add (self, GTK_ORIENTATION_VERTICAL);

  for (AftercarePressure p = AFTERCARE_PRESSURE_LIGHT; p <= AFTERCARE_PRESSURE_DEEP; p++)
    choice_group_append (pressure, aftercare_pressure_choice_get_button (self->pressure_choice, p));
  choice_group_append (run, self->run_easy);
  choice_group_append (run, self->run_steady);
  choice_group_append (run, self->run_hard);
  for (guint bit = 0; bit < N_SYMPTOM_BITS; bit++)
    choice_group_append ((1u << bit) & AFTERCARE_SYMPTOMS_TISSUE ? tissue : warning,
                         aftercare_feeling_form_get_symptom_check (self->feeling_form, 1u << bit));
}

/* An arrow along a group of choices moves the keyboard to the next one,
 * without choosing it (Space does); at either end it stays (GTK would
 * wrap around a group of radio buttons and choose as it goes). */
static gboolean
move_within_group (AftercareWizard *self,
                   GtkWidget       *focus,
                   guint            keyval)
{
  gboolean vertical = keyval == GDK_KEY_Up || keyval == GDK_KEY_Down ||
                      keyval == GDK_KEY_KP_Up || keyval == GDK_KEY_KP_Down;
  int delta = (keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up ||
               keyval == GDK_KEY_Left || keyval == GDK_KEY_KP_Left) ? -1 : 1;

  if (!vertical && gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL)
    delta = -delta;
  for (guint g = 0; g < N_CHOICE_GROUPS; g++)
    {
      ChoiceGroup *group = &self->choice_groups[g];

      if ((group->orientation == GTK_ORIENTATION_VERTICAL) != vertical)
        continue;
      for (guint i = 0; i < group->n_members; i++)
        {
          int next = (int) i + delta;

          if (group->members[i] != focus)
            continue;
          if (next >= 0 && next < (int) group->n_members)
            gtk_widget_grab_focus (group->members[next]);
          return TRUE;
        }
    }
  return FALSE;
}

/* Where Enter belongs to the focused control: text being typed (the
 * client's name, a time), a button (Back, Next, the verdict's actions,
 * the date picker's), a list or picker that opened. */
static gboolean
focus_takes_enter (GtkWidget *focus)
{
  if (GTK_IS_EDITABLE (focus) || gtk_widget_get_ancestor (focus, GTK_TYPE_POPOVER) != NULL)
    return TRUE;
  if (GTK_IS_TOGGLE_BUTTON (focus))
    return gtk_widget_get_ancestor (focus, GTK_TYPE_MENU_BUTTON) != NULL;
  return GTK_IS_BUTTON (focus);
}

/* Enter is Next Step wherever no text is being typed, as the shortcuts
 * window says: on a choice it goes on, and never ticks, unticks or picks
 * one (Space does). Arrows move within a group of choices. Seen before
 * the focused control sees the key. */
static gboolean
key_pressed_cb (AftercareWizard       *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));

  if (focus == NULL || (state & gtk_accelerator_get_default_mod_mask ()) != 0)
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      if (self->step == STEP_VERDICT || focus_takes_enter (focus))
        return FALSE;
      gtk_widget_activate_action (GTK_WIDGET (self), "wizard.next", NULL);
      return TRUE;
    case GDK_KEY_Up: case GDK_KEY_KP_Up:
    case GDK_KEY_Down: case GDK_KEY_KP_Down:
    case GDK_KEY_Left: case GDK_KEY_KP_Left:
    case GDK_KEY_Right: case GDK_KEY_KP_Right:
      return move_within_group (self, focus, keyval);
    default:
      return FALSE;
    }
}

static void
add_key_handling (AftercareWizard *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  add_choice_groups (self);
}

/* The window's clock moved (tests, demonstrations): what depends on now. */
static void
clock_jumped_cb (AftercareWizard *self)
{
  show_custom_time_error (self);
  show_checkin_note (self);
  update_navigation (self);
}

/* Arriving on the wizard, the keyboard is on the step's first control. */
static gboolean
aftercare_wizard_grab_focus (GtkWidget *widget)
{
  AftercareWizard *self = AFTERCARE_WIZARD (widget);

  return focus_control (first_control (self, self->step));
}

/* Tab goes through the step on show, then the bar, and round again. GTK
 * 4.8 would go on from where the keyboard last was in the wizard (the bar)
 * and never reach the verdict's actions, or into a step not on show (to
 * the planned run chosen there, a radio button's own way of taking focus). */
static gboolean
aftercare_wizard_focus (GtkWidget        *widget,
                        GtkDirectionType  direction)
{
  AftercareWizard *self = AFTERCARE_WIZARD (widget);
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));
  GtkWidget *step = gtk_stack_get_visible_child (self->steps);
  GtkWidget *parts[2] = { step, self->action_bar };
  gboolean forward = direction == GTK_DIR_TAB_FORWARD;
  guint start = 0;

  if (direction != GTK_DIR_TAB_FORWARD && direction != GTK_DIR_TAB_BACKWARD)
    return GTK_WIDGET_CLASS (aftercare_wizard_parent_class)->focus (widget, direction);
  if (!forward)
    {
      parts[0] = self->action_bar;
      parts[1] = step;
    }
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (focus != NULL && gtk_widget_is_ancestor (focus, parts[i]))
      start = i;
  for (guint i = start; i < G_N_ELEMENTS (parts); i++)
    {
      if (focus == NULL || !gtk_widget_is_ancestor (focus, parts[i]))
        gtk_widget_set_focus_child (parts[i], NULL);
      if (gtk_widget_child_focus (parts[i], direction))
        return TRUE;
    }
  return FALSE;
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
  g_clear_object (&self->start_checkin);
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
  widget_class->focus = aftercare_wizard_focus;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, AFTERCARE_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (AFTERCARE_TYPE_MASSAGE_KIND);
  g_type_ensure (AFTERCARE_TYPE_VERDICT_PAGE);
  g_type_ensure (AFTERCARE_TYPE_FEELING_FORM);
  g_type_ensure (AFTERCARE_TYPE_DATE_TIME_ROW);
  g_type_ensure (AFTERCARE_TYPE_PRESSURE_CHOICE);
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
  gtk_widget_class_bind_template_child (widget_class, AftercareWizard, pressure_choice);
  gtk_widget_class_bind_template_child (widget_class, AftercareWizard, first_time_switch);
  gtk_widget_class_bind_template_child (widget_class, AftercareWizard, ended_row);
  gtk_widget_class_bind_template_child (widget_class, AftercareWizard, custom_time_row);
  gtk_widget_class_bind_template_child (widget_class, AftercareWizard, time_error_label);
  gtk_widget_class_bind_template_child (widget_class, AftercareWizard, checkin_note_label);
  gtk_widget_class_bind_template_child (widget_class, AftercareWizard, feeling_form);
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
  gtk_widget_class_bind_template_callback (widget_class, pressure_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, ended_choice_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, custom_time_changed_cb);

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
  add_key_handling (self);
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
  aftercare_feeling_form_set_soreness (self->feeling_form, 0);
  aftercare_feeling_form_set_symptoms (self->feeling_form, AFTERCARE_SYMPTOM_NONE);
  g_clear_object (&self->start_checkin);
  show_checkin_note (self);
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
aftercare_wizard_set_clock (AftercareWizard *self,
                            AftercareClock  *clock)
{
  g_return_if_fail (AFTERCARE_IS_WIZARD (self));
  g_return_if_fail (AFTERCARE_IS_CLOCK (clock));
  g_return_if_fail (self->clock == NULL);

  self->clock = g_object_ref (clock);
  /* The 12- or 24-hour clock follows the desktop, as the clock reads it. */
  g_object_bind_property (clock, "clock-24h", self->verdict_page, "clock-24h", G_BINDING_SYNC_CREATE);
  g_object_bind_property (clock, "clock-24h", self->custom_time_row, "clock-24h", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (clock, "jumped", G_CALLBACK (clock_jumped_cb), self, G_CONNECT_SWAPPED);
  clock_jumped_cb (self);
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
