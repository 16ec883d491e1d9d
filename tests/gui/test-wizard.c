/* test-wizard.c: the "Can I run today?" wizard, driven step by step, shows what the advisor says. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "aftercare-advisor.h"
#include "aftercare-catalog.h"
#include "aftercare-date-time-row.h"
#include "aftercare-feeling-form.h"
#include "aftercare-pressure-choice.h"
#include "aftercare-labels.h"
#include "aftercare-store.h"
#include "aftercare-time.h"
#include "aftercare-verdict-page.h"
#include "aftercare-wizard.h"
#include "keyboard.h"
#include "store-test-util.h"
#include "gui-test-util.h"

typedef struct {
  GtkWindow *window;
  AftercareWizard *wizard;
  AftercareClock *clock;
  GDateTime *now;             /* when the clock was set: it runs on from there */
  AftercareStore *store;
  char *dir;
} Fixture;

/* What a person enters, and what the test hands the advisor directly. */
typedef struct {
  AftercareMassageType type;
  AftercarePressure pressure;
  gboolean first_time;
  guint ended_choice;       /* 0 just now, 1 one hour, 2 two hours, 3 four hours, 4 earlier */
  int earlier_hours;        /* with ended_choice 4: how many hours before now */
  guint soreness;
  AftercareSymptoms symptoms;
  AftercarePlannedRun planned_run;
} Answers;

static const int quick_choice_hours[] = { 0, 1, 2, 4 };

static GtkWidget *
child (Fixture *f, const char *name)
{
  GtkWidget *widget = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (f->wizard),
                                                                 AFTERCARE_TYPE_WIZARD, name));

  g_assert_nonnull (widget);
  return widget;
}

/* One button of the pressure choice on the first step. */
static GtkWidget *
pressure_button (Fixture *f, AftercarePressure pressure)
{
  return aftercare_pressure_choice_get_button (AFTERCARE_PRESSURE_CHOICE (child (f, "pressure_choice")), pressure);
}

/* A part of the "how you feel" form on the second step. */
static GtkWidget *
feeling_child (Fixture *f, const char *name)
{
  GtkWidget *widget = GTK_WIDGET (gtk_widget_get_template_child (child (f, "feeling_form"),
                                                                 AFTERCARE_TYPE_FEELING_FORM, name));

  g_assert_nonnull (widget);
  return widget;
}

static GtkWidget *
verdict_child (Fixture *f, const char *name)
{
  GtkWidget *page = child (f, "verdict_page");
  GtkWidget *widget = GTK_WIDGET (gtk_widget_get_template_child (page, AFTERCARE_TYPE_VERDICT_PAGE, name));

  g_assert_nonnull (widget);
  return widget;
}

/* The wizard reads the clock, which runs on from f->now: the same moment
 * give or take the time the test took. */
static void
assert_moment (GDateTime *time, GDateTime *expected)
{
  g_assert_cmpint (ABS (g_date_time_difference (time, expected)), <, 10 * G_TIME_SPAN_SECOND);
}

static const char *
label_text (GtkWidget *label)
{
  return gtk_label_get_label (GTK_LABEL (label));
}

static void
add_window_actions (Fixture *f)
{
  static const GActionEntry entries[] = { { "print-sheet" }, { "save-sheet-pdf" } };
  g_autoptr(GSimpleActionGroup) actions = g_simple_action_group_new ();

  g_action_map_add_action_entries (G_ACTION_MAP (actions), entries, G_N_ELEMENTS (entries), NULL);
  gtk_widget_insert_action_group (GTK_WIDGET (f->window), "win", G_ACTION_GROUP (actions));
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->now = g_date_time_new_local (2026, 11, 24, 18, 0, 0);
  f->window = GTK_WINDOW (gtk_window_new ());
  f->wizard = AFTERCARE_WIZARD (aftercare_wizard_new ());
  f->clock = aftercare_clock_new ();
  aftercare_clock_set_now (f->clock, f->now);
  aftercare_wizard_set_clock (f->wizard, f->clock);
  gtk_window_set_child (f->window, GTK_WIDGET (f->wizard));
  gtk_window_set_default_size (f->window, 800, 700);
  /* The window's sheet actions, which the verdict's buttons name: here
   * they only need to be there, for the buttons to be pressable. */
  add_window_actions (f);
  gtk_window_present (f->window);
  gui_test_run_loop (40);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (f->window);
  g_date_time_unref (f->now);
  g_clear_object (&f->clock);
  g_clear_object (&f->store);
  if (f->dir != NULL)
    {
      g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (f->dir, name, NULL);

          g_remove (path);
        }
      g_rmdir (f->dir);
      g_free (f->dir);
    }
}

/* A store of its own in a fresh folder, handed to the wizard. */
static void
fixture_set_up_with_store (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture_set_up (f, data);
  f->dir = g_dir_make_tmp ("aftercare-wizard-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "aftercare.db", NULL);
  f->store = aftercare_store_open (path, test_time_source (), &error);
  g_assert_no_error (error);
}

static const char *
step_name (Fixture *f)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (child (f, "steps")));
}

static void
next (Fixture *f)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->wizard), "wizard.next", NULL));
  gui_test_run_loop (40);
}

static GtkCheckButton *
find_check (GtkWidget *widget)
{
  if (GTK_IS_CHECK_BUTTON (widget))
    return GTK_CHECK_BUTTON (widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkCheckButton *check = find_check (c);

      if (check != NULL)
        return check;
    }
  return NULL;
}

static AdwActionRow *
find_row_titled (GtkWidget *widget, const char *title)
{
  if (ADW_IS_ACTION_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return ADW_ACTION_ROW (widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      AdwActionRow *row = find_row_titled (c, title);

      if (row != NULL)
        return row;
    }
  return NULL;
}

/* As a person does it: a click on the row of each symptom felt. */
static void
check_symptoms (Fixture *f, AftercareSymptoms symptoms)
{
  for (int bit = -1; (bit = g_bit_nth_lsf (symptoms, bit)) >= 0; )
    {
      AdwActionRow *row = find_row_titled (child (f, "steps"), aftercare_symptom_get_title (1u << bit));

      g_assert_nonnull (row);
      adw_action_row_activate (row);
    }
}

static void
choose_earlier (Fixture *f, int hours)
{
  g_autoptr(GDateTime) when = g_date_time_add_hours (f->now, -hours);

  adw_combo_row_set_selected (ADW_COMBO_ROW (child (f, "ended_row")), 4);
  gui_test_run_loop (40);
  aftercare_date_time_row_set_date_time (AFTERCARE_DATE_TIME_ROW (child (f, "custom_time_row")), when);
}

static void
enter_massage (Fixture *f, const Answers *a)
{
  g_assert_cmpstr (step_name (f), ==, "massage");
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (f, "type_row")), a->type);
  g_signal_emit_by_name (pressure_button (f, a->pressure), "clicked");
  gtk_switch_set_active (GTK_SWITCH (child (f, "first_time_switch")), a->first_time);
  if (a->ended_choice < G_N_ELEMENTS (quick_choice_hours))
    adw_combo_row_set_selected (ADW_COMBO_ROW (child (f, "ended_row")), a->ended_choice);
  else
    choose_earlier (f, a->earlier_hours);
}

static void
walk_to_verdict (Fixture *f, const Answers *a)
{
  static const char *run_buttons[] = { "run_easy", "run_steady", "run_hard" };

  enter_massage (f, a);
  next (f);
  g_assert_cmpstr (step_name (f), ==, "feeling");
  g_assert_cmpstr (label_text (child (f, "step_label")), ==, "Step 2 of 4");
  gtk_range_set_value (GTK_RANGE (feeling_child (f, "soreness_scale")), a->soreness);
  check_symptoms (f, a->symptoms);
  next (f);
  g_assert_cmpstr (step_name (f), ==, "run");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (child (f, run_buttons[a->planned_run])), TRUE);
  next (f);
  g_assert_cmpstr (step_name (f), ==, "verdict");
  g_assert_cmpstr (label_text (child (f, "step_label")), ==, "Step 4 of 4");
}

/* Straight on to the verdict with the answers as they are. */
static void
go_to_verdict (Fixture *f)
{
  while (g_strcmp0 (step_name (f), "verdict") != 0)
    next (f);
}

/* The verdict's main action, Save as Check-in, is in the bar beside Back. */
static void
assert_main_action_saves (Fixture *f)
{
  GtkWidget *button = child (f, "next_button");

  g_assert_true (gtk_widget_get_visible (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "_Save as Check-in");
  g_assert_true (gtk_widget_get_parent (button) != NULL &&
                 gtk_widget_get_ancestor (button, GTK_TYPE_ACTION_BAR) == child (f, "action_bar"));
}

/* The same answers, straight to the advisor. */
static AftercareAssessment *
assess_directly (Fixture *f, const Answers *a)
{
  int hours = a->ended_choice < G_N_ELEMENTS (quick_choice_hours) ? quick_choice_hours[a->ended_choice]
                                                                    : a->earlier_hours;
  g_autoptr(GDateTime) ended_at = g_date_time_add_hours (f->now, -hours);
  g_autoptr(AftercareSession) session = aftercare_session_new (ended_at);
  g_autoptr(GPtrArray) checkins = g_ptr_array_new_with_free_func (g_object_unref);

  aftercare_session_set_massage_type (session, a->type);
  aftercare_session_set_pressure (session, a->pressure);
  aftercare_session_set_first_time (session, a->first_time);
  g_ptr_array_add (checkins, aftercare_checkin_new (aftercare_session_get_id (session), f->now,
                                                    a->soreness, a->symptoms));
  return aftercare_advisor_assess (session, checkins, a->planned_run, f->now);
}

static void
assert_reasons_shown (Fixture *f, AftercareAssessment *expected)
{
  const char * const *reasons = aftercare_assessment_get_reasons (expected);
  GtkWidget *list = verdict_child (f, "reasons_list");
  guint i = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      g_assert_nonnull (reasons[i]);
      g_assert_cmpstr (label_text (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row))), ==, reasons[i]);
      i++;
    }
  g_assert_null (reasons[i]);
  g_assert_cmpuint (i, >, 0);
}

static void
assert_verdict_shown (Fixture *f, const Answers *a, AftercareVerdict verdict)
{
  static const char *styles[] = { "success", "success", "accent", "warning", "error" };
  g_autoptr(AftercareAssessment) expected = assess_directly (f, a);
  GDateTime *run_after = aftercare_assessment_get_run_after (expected);
  g_autofree char *recheck = aftercare_time_format_clock (aftercare_assessment_get_recheck_at (expected), f->now, TRUE);
  GtkWidget *headline = verdict_child (f, "headline");

  g_assert_cmpint (aftercare_assessment_get_verdict (expected), ==, verdict);
  g_assert_cmpstr (label_text (headline), ==, aftercare_verdict_get_title (verdict));
  g_assert_true (gtk_widget_has_css_class (headline, styles[verdict]));
  g_assert_true (gtk_widget_has_css_class (verdict_child (f, "verdict_icon"), styles[verdict]));
  g_assert_cmpstr (label_text (verdict_child (f, "description_label")), ==, aftercare_verdict_get_description (verdict));
  assert_reasons_shown (f, expected);
  g_assert_cmpstr (label_text (verdict_child (f, "advice_label")), ==, aftercare_assessment_get_advice (expected));
  g_assert_cmpstr (label_text (verdict_child (f, "recheck_label")), ==, recheck);
  g_assert_cmpstr (label_text (verdict_child (f, "disclaimer_label")), ==, aftercare_disclaimer ());
  g_assert_cmpint (gtk_widget_get_visible (verdict_child (f, "run_after_label")), ==, run_after != NULL);
  if (run_after != NULL)
    {
      g_autofree char *clock = aftercare_time_format_clock (run_after, f->now, TRUE);

      g_assert_nonnull (strstr (label_text (verdict_child (f, "run_after_label")), clock));
    }
  g_assert_cmpint (gtk_widget_get_visible (verdict_child (f, "warning_card")), ==,
                   aftercare_assessment_get_red_flags (expected) != 0);
}

static void
test_verdict_train (Fixture *f, gconstpointer data)
{
  /* A day and a half later, barely sore: normal training, hard run included. */
  Answers a = { AFTERCARE_MASSAGE_SPORTS, AFTERCARE_PRESSURE_DEEP, FALSE, 4, 36, 1, 0, AFTERCARE_PLANNED_RUN_HARD };

  walk_to_verdict (f, &a);
  assert_verdict_shown (f, &a, AFTERCARE_VERDICT_TRAIN);
}

static void
test_verdict_easy_run (Fixture *f, gconstpointer data)
{
  Answers a = { AFTERCARE_MASSAGE_SWEDISH, AFTERCARE_PRESSURE_LIGHT, FALSE, 1, 0, 0, 0, AFTERCARE_PLANNED_RUN_EASY };

  walk_to_verdict (f, &a);
  assert_verdict_shown (f, &a, AFTERCARE_VERDICT_EASY_RUN);
}

static void
test_verdict_wait (Fixture *f, gconstpointer data)
{
  /* Deep work two hours ago: no run until 12 hours after, shown as a clock time. */
  Answers a = { AFTERCARE_MASSAGE_DEEP_TISSUE, AFTERCARE_PRESSURE_DEEP, FALSE, 2, 0, 1, 0, AFTERCARE_PLANNED_RUN_EASY };

  walk_to_verdict (f, &a);
  assert_verdict_shown (f, &a, AFTERCARE_VERDICT_WAIT);
  g_assert_cmpstr (label_text (verdict_child (f, "run_after_label")), ==, "An easy run from tomorrow 04:00");
}

static void
test_verdict_rest (Fixture *f, gconstpointer data)
{
  Answers a = { AFTERCARE_MASSAGE_THAI, AFTERCARE_PRESSURE_MODERATE, FALSE, 3, 0, 2,
                AFTERCARE_SYMPTOM_HEAVINESS, AFTERCARE_PLANNED_RUN_STEADY };

  walk_to_verdict (f, &a);
  assert_verdict_shown (f, &a, AFTERCARE_VERDICT_REST);
}

static void
test_verdict_seek_care (Fixture *f, gconstpointer data)
{
  Answers a = { AFTERCARE_MASSAGE_TRIGGER_POINT, AFTERCARE_PRESSURE_DEEP, TRUE, 0, 0, 3,
                AFTERCARE_SYMPTOM_SHARP_PAIN | AFTERCARE_SYMPTOM_NUMBNESS, AFTERCARE_PLANNED_RUN_EASY };

  walk_to_verdict (f, &a);
  assert_verdict_shown (f, &a, AFTERCARE_VERDICT_SEEK_CARE);
  /* The warning signs are named first, outright. */
  g_assert_true (gtk_widget_get_visible (verdict_child (f, "warning_card")));
  g_assert_cmpstr (label_text (verdict_child (f, "warning_text")), ==,
                   "You reported sharp pain and numbness. That is not the usual soreness after a massage.");
}

static void
test_starts_clean (Fixture *f, gconstpointer data)
{
  g_assert_cmpstr (step_name (f), ==, "massage");
  g_assert_cmpstr (label_text (child (f, "step_label")), ==, "Step 1 of 4");
  g_assert_false (gtk_widget_get_sensitive (child (f, "back_button")));
  g_assert_true (gtk_widget_get_sensitive (child (f, "next_button")));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (child (f, "type_row"))), ==, AFTERCARE_MASSAGE_SWEDISH);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (child (f, "ended_row"))), ==, 0);
  g_assert_false (gtk_widget_get_visible (child (f, "custom_time_row")));
  g_assert_cmpfloat (gtk_range_get_value (GTK_RANGE (feeling_child (f, "soreness_scale"))), ==, 0);
  g_assert_cmpstr (label_text (feeling_child (f, "soreness_band_label")), ==, aftercare_soreness_get_band (0));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (child (f, "run_easy"))));
  /* Without a store there is nowhere to save to, so no button offers it. */
  go_to_verdict (f);
  g_assert_false (gtk_widget_get_visible (child (f, "next_button")));
}

static void
test_back_keeps_answers (Fixture *f, gconstpointer data)
{
  Answers a = { AFTERCARE_MASSAGE_SWEDISH, AFTERCARE_PRESSURE_LIGHT, FALSE, 0, 0, 4, 0, AFTERCARE_PLANNED_RUN_EASY };

  walk_to_verdict (f, &a);
  assert_verdict_shown (f, &a, AFTERCARE_VERDICT_REST);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->wizard), "wizard.back", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->wizard), "wizard.back", NULL));
  gui_test_run_loop (40);
  g_assert_cmpstr (step_name (f), ==, "feeling");
  g_assert_cmpfloat (gtk_range_get_value (GTK_RANGE (feeling_child (f, "soreness_scale"))), ==, 4);
  /* Softer now: the new verdict replaces the old one. */
  gtk_range_set_value (GTK_RANGE (feeling_child (f, "soreness_scale")), 1);
  a.soreness = 1;
  next (f);
  next (f);
  assert_verdict_shown (f, &a, AFTERCARE_VERDICT_EASY_RUN);
}

static void
test_start_over_clears_everything (Fixture *f, gconstpointer data)
{
  Answers a = { AFTERCARE_MASSAGE_HOT_STONE, AFTERCARE_PRESSURE_DEEP, TRUE, 2, 0, 6,
                AFTERCARE_SYMPTOM_FEVER, AFTERCARE_PLANNED_RUN_HARD };

  walk_to_verdict (f, &a);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->wizard), "wizard.start-over", NULL));
  gui_test_run_loop (40);
  test_starts_clean (f, data);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (child (f, "first_time_switch"))));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (pressure_button (f, AFTERCARE_PRESSURE_MODERATE))));
  for (int bit = 0; bit < 14; bit++)
    {
      AdwActionRow *row = find_row_titled (child (f, "steps"), aftercare_symptom_get_title (1u << bit));

      g_assert_nonnull (row);
      g_assert_false (gtk_check_button_get_active (find_check (GTK_WIDGET (row))));
    }
}

static void
test_future_end_blocks_next (Fixture *f, gconstpointer data)
{
  choose_earlier (f, -3);  /* three hours from now */
  gui_test_run_loop (40);
  g_assert_true (gtk_widget_get_visible (child (f, "time_error_label")));
  g_assert_false (gtk_widget_get_sensitive (child (f, "next_button")));
  gtk_widget_activate_action (GTK_WIDGET (f->wizard), "wizard.next", NULL);
  g_assert_cmpstr (step_name (f), ==, "massage");
  /* Back to a time that has passed: on we go. */
  choose_earlier (f, 3);
  g_assert_false (gtk_widget_get_visible (child (f, "time_error_label")));
  next (f);
  g_assert_cmpstr (step_name (f), ==, "feeling");
}

static void
test_type_brings_its_usual_pressure (Fixture *f, gconstpointer data)
{
  AftercareMassageKind *deep_tissue = aftercare_catalog_lookup (AFTERCARE_MASSAGE_DEEP_TISSUE);

  aftercare_wizard_set_massage_type (f->wizard, AFTERCARE_MASSAGE_DEEP_TISSUE);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (child (f, "type_row"))), ==,
                    AFTERCARE_MASSAGE_DEEP_TISSUE);
  g_assert_cmpint (aftercare_massage_kind_get_typical_pressure (deep_tissue), ==, AFTERCARE_PRESSURE_DEEP);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (pressure_button (f, AFTERCARE_PRESSURE_DEEP))));
  /* A pressure the person chose stays when they change the type. */
  g_signal_emit_by_name (pressure_button (f, AFTERCARE_PRESSURE_LIGHT), "clicked");
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (f, "type_row")), AFTERCARE_MASSAGE_SPORTS);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (pressure_button (f, AFTERCARE_PRESSURE_LIGHT))));
}

/* One default for a pressure nobody chose: a new session's is the one the
 * choice shows, and a button sets it through the property action. */
static void
test_pressure_has_one_default (void)
{
  GtkWidget *choice = g_object_ref_sink (aftercare_pressure_choice_new ());
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(AftercareSession) session = aftercare_session_new (now);
  GtkWidget *deep = aftercare_pressure_choice_get_button (AFTERCARE_PRESSURE_CHOICE (choice), AFTERCARE_PRESSURE_DEEP);

  g_assert_cmpint (aftercare_session_get_pressure (session), ==, AFTERCARE_PRESSURE_DEFAULT);
  g_assert_cmpint (aftercare_pressure_choice_get_pressure (AFTERCARE_PRESSURE_CHOICE (choice)), ==,
                   AFTERCARE_PRESSURE_DEFAULT);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (
    aftercare_pressure_choice_get_button (AFTERCARE_PRESSURE_CHOICE (choice), AFTERCARE_PRESSURE_DEFAULT))));
  g_signal_emit_by_name (deep, "clicked");
  g_assert_cmpint (aftercare_pressure_choice_get_pressure (AFTERCARE_PRESSURE_CHOICE (choice)), ==,
                   AFTERCARE_PRESSURE_DEEP);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (deep)));
  g_object_unref (choice);
}

static void
test_soreness_says_its_band (Fixture *f, gconstpointer data)
{
  GtkWidget *scale = feeling_child (f, "soreness_scale");
  g_autofree char *spoken = g_strdup_printf ("4, %s", aftercare_soreness_get_band (4));

  next (f);
  gtk_range_set_value (GTK_RANGE (scale), 4);
  g_assert_cmpstr (label_text (feeling_child (f, "soreness_value_label")), ==, "4");
  g_assert_cmpstr (label_text (feeling_child (f, "soreness_band_label")), ==, aftercare_soreness_get_band (4));
  gtk_test_accessible_assert_property (scale, GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, spoken);
  gtk_test_accessible_assert_property (scale, GTK_ACCESSIBLE_PROPERTY_LABEL, "Soreness");
}

static void
test_controls_have_names (Fixture *f, gconstpointer data)
{
  AdwActionRow *row = find_row_titled (child (f, "steps"), aftercare_symptom_get_title (AFTERCARE_SYMPTOM_NUMBNESS));
  GtkWidget *check = GTK_WIDGET (find_check (GTK_WIDGET (row)));

  GtkWidget *time_row = child (f, "custom_time_row");

  /* "Earlier…" is the date and time row the other forms use, its parts named. */
  g_assert_true (AFTERCARE_IS_DATE_TIME_ROW (time_row));
  gtk_test_accessible_assert_property (gtk_widget_get_template_child (time_row, AFTERCARE_TYPE_DATE_TIME_ROW, "hour_spin"),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Hour");
  gtk_test_accessible_assert_property (gtk_widget_get_template_child (time_row, AFTERCARE_TYPE_DATE_TIME_ROW, "minute_spin"),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Minute");
  g_assert_nonnull (check);
  /* A symptom's check box is read by its row: the title names it, the
   * subtitle describes it; a name of its own would be read as well. */
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL));
  g_assert_true (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_RELATION_LABELLED_BY));
  g_assert_true (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY));
}

static void
test_clock_follows_the_desktop (Fixture *f, gconstpointer data)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) desktop = NULL;
  Answers a = { AFTERCARE_MASSAGE_DEEP_TISSUE, AFTERCARE_PRESSURE_DEEP, FALSE, 2, 0, 1, 0, AFTERCARE_PLANNED_RUN_EASY };
  g_autoptr(AftercareAssessment) expected = NULL;
  g_autofree char *clock_12h = NULL;
  g_autofree char *clock_24h = NULL;

  /* The desktop's setting comes with gsettings-desktop-schemas, which the
   * test command installs; without it there is nothing to follow. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, "org.gnome.desktop.interface", TRUE);
  if (schema == NULL)
    {
      g_test_skip ("org.gnome.desktop.interface is not installed");
      return;
    }
  desktop = g_settings_new_full (schema, NULL, NULL);
  walk_to_verdict (f, &a);
  expected = assess_directly (f, &a);
  clock_12h = aftercare_time_format_clock (aftercare_assessment_get_recheck_at (expected), f->now, FALSE);
  clock_24h = aftercare_time_format_clock (aftercare_assessment_get_recheck_at (expected), f->now, TRUE);
  g_assert_cmpstr (clock_12h, !=, clock_24h);
  g_assert_cmpstr (label_text (verdict_child (f, "recheck_label")), ==, clock_24h);
  /* Switched while the verdict is on show: its times follow at once. */
  g_settings_set_string (desktop, "clock-format", "12h");
  g_assert_cmpstr (label_text (verdict_child (f, "recheck_label")), ==, clock_12h);
  g_settings_reset (desktop, "clock-format");
  g_assert_cmpstr (label_text (verdict_child (f, "recheck_label")), ==, clock_24h);
}

static void
test_verdict_icons_are_bundled (void)
{
  static const char *icons[] = {
    "aftercare-verdict-train-symbolic", "aftercare-verdict-easy-run-symbolic",
    "aftercare-verdict-wait-symbolic", "aftercare-verdict-rest-symbolic",
    "aftercare-verdict-seek-care-symbolic",
  };
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());

  for (guint i = 0; i < G_N_ELEMENTS (icons); i++)
    g_assert_true (gtk_icon_theme_has_icon (theme, icons[i]));
}

static void
test_without_sessions_no_picker (Fixture *f, gconstpointer data)
{
  aftercare_wizard_set_store (f->wizard, f->store);
  gui_test_run_loop (40);
  g_assert_true (aftercare_wizard_get_store (f->wizard) == f->store);
  g_assert_false (gtk_widget_get_visible (child (f, "session_group")));
  /* With somewhere to save to, the verdict offers it, in the bar. */
  go_to_verdict (f);
  assert_main_action_saves (f);
}

static void
test_save_stores_massage_and_checkin (Fixture *f, gconstpointer data)
{
  Answers a = { AFTERCARE_MASSAGE_SPORTS, AFTERCARE_PRESSURE_DEEP, TRUE, 2, 0, 3,
                AFTERCARE_SYMPTOM_SWELLING, AFTERCARE_PLANNED_RUN_HARD };
  GListModel *sessions = aftercare_store_get_sessions (f->store);
  g_autoptr(AftercareSession) session = NULL;
  g_autoptr(GPtrArray) checkins = NULL;
  g_autoptr(GDateTime) ended_at = g_date_time_add_hours (f->now, -2);
  g_autoptr(GError) error = NULL;
  AftercareCheckin *checkin;

  aftercare_wizard_set_store (f->wizard, f->store);
  walk_to_verdict (f, &a);
  /* Nothing is saved until the person asks. */
  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, 0);
  assert_main_action_saves (f);
  g_assert_true (gtk_widget_activate (child (f, "next_button")));
  /* A button shows itself pressed for a moment before it acts. */
  for (int i = 0; i < 25 && g_list_model_get_n_items (sessions) == 0; i++)
    gui_test_run_loop (40);

  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, 1);
  session = g_list_model_get_item (sessions, 0);
  g_assert_cmpint (aftercare_session_get_massage_type (session), ==, AFTERCARE_MASSAGE_SPORTS);
  g_assert_cmpint (aftercare_session_get_pressure (session), ==, AFTERCARE_PRESSURE_DEEP);
  g_assert_true (aftercare_session_get_first_time (session));
  assert_moment (aftercare_session_get_ended_at (session), ended_at);
  checkins = aftercare_store_list_checkins (f->store, aftercare_session_get_id (session), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (checkins->len, ==, 1);
  checkin = checkins->pdata[0];
  g_assert_cmpuint (aftercare_checkin_get_soreness (checkin), ==, 3);
  g_assert_cmpuint (aftercare_checkin_get_symptoms (checkin), ==, AFTERCARE_SYMPTOM_SWELLING);
  assert_moment (aftercare_checkin_get_at (checkin), f->now);
  /* Saved once: the button rests, and the massage is now a logged one. */
  g_assert_false (gtk_widget_get_sensitive (child (f, "next_button")));
  g_assert_true (gtk_widget_get_visible (child (f, "session_group")));
  g_assert_true (adw_expander_row_get_enable_expansion (ADW_EXPANDER_ROW (child (f, "use_session_row"))));
}

static void
collect_labels (GtkWidget *widget, GPtrArray *labels)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget))
    g_ptr_array_add (labels, widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect_labels (c, labels);
}

static GtkWidget *
find_popover (GtkWidget *widget)
{
  if (GTK_IS_POPOVER (widget))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_popover (c);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
store_deep_tissue (Fixture *f, int hours_ago, const char *client)
{
  g_autoptr(GDateTime) ended_at = g_date_time_add_hours (f->now, -hours_ago);
  g_autoptr(AftercareSession) session = aftercare_session_new (ended_at);
  g_autoptr(GError) error = NULL;

  aftercare_session_set_massage_type (session, AFTERCARE_MASSAGE_DEEP_TISSUE);
  aftercare_session_set_pressure (session, AFTERCARE_PRESSURE_DEEP);
  aftercare_session_set_client (session, client);
  g_assert_true (aftercare_store_add_session (f->store, session, &error));
  g_assert_no_error (error);
}

static void
test_logged_massages_listed_whole (Fixture *f, gconstpointer data)
{
  GtkWidget *row = child (f, "session_row");
  GtkWidget *popover = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GString) texts = g_string_new (NULL);

  /* Two of one type a day apart, one for a named client. */
  store_deep_tissue (f, 26, "Jordan Avery-Featherstonehaugh");
  store_deep_tissue (f, 50, NULL);
  aftercare_wizard_set_store (f->wizard, f->store);
  gtk_window_set_default_size (f->window, 360, 720);
  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (child (f, "use_session_row")), TRUE);
  gui_test_run_loop (40);

  /* The picked one, whole, under the row's title. */
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "Deep tissue · deep pressure, Mon 23 Nov, 16:00 · Jordan Avery-Featherstonehaugh");

  /* Opened as a click or Enter opens it. */
  adw_action_row_activate (ADW_ACTION_ROW (row));
  gui_test_run_loop (40);
  popover = find_popover (row);
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_mapped (popover));
  /* It fits a 360 px phone. */
  g_assert_cmpint (gtk_widget_get_width (popover), <=, 360);
  collect_labels (popover, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkLabel *label = labels->pdata[i];

      g_string_append_printf (texts, "[%s]", gtk_label_get_label (label));
      /* Nothing cut off. */
      g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (label)));
    }
  g_assert_cmpstr (texts->str, ==,
                   "[Deep tissue · deep pressure][Mon 23 Nov, 16:00 · Jordan Avery-Featherstonehaugh]"
                   "[Deep tissue · deep pressure][Sun 22 Nov, 16:00]");
  gtk_popover_popdown (GTK_POPOVER (popover));
}

static void
test_logged_session_counts_its_checkins (Fixture *f, gconstpointer data)
{
  g_autoptr(GDateTime) ended_at = g_date_time_add_hours (f->now, -14);
  g_autoptr(GDateTime) earlier = g_date_time_add_hours (f->now, -13);
  g_autoptr(AftercareSession) session = aftercare_session_new (ended_at);
  g_autoptr(AftercareCheckin) first = NULL;
  g_autoptr(AftercareCheckin) now_checkin = NULL;
  g_autoptr(GPtrArray) checkins = g_ptr_array_new ();
  g_autoptr(AftercareAssessment) expected = NULL;
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GError) error = NULL;
  Answers a = { 0, 0, FALSE, 0, 0, 1, AFTERCARE_SYMPTOM_HEADACHE, AFTERCARE_PLANNED_RUN_EASY };

  aftercare_session_set_massage_type (session, AFTERCARE_MASSAGE_SWEDISH);
  aftercare_session_set_pressure (session, AFTERCARE_PRESSURE_MODERATE);
  g_assert_true (aftercare_store_add_session (f->store, session, &error));
  first = aftercare_checkin_new (aftercare_session_get_id (session), earlier, 1, AFTERCARE_SYMPTOM_HEADACHE);
  g_assert_true (aftercare_store_add_checkin (f->store, first, &error));
  g_assert_no_error (error);

  aftercare_wizard_set_store (f->wizard, f->store);
  gui_test_run_loop (40);
  g_assert_true (gtk_widget_get_visible (child (f, "session_group")));
  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (child (f, "use_session_row")), TRUE);
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (f, "session_row")), 0);
  gui_test_run_loop (40);
  /* The logged massage brings its own type, pressure and time. */
  g_assert_false (gtk_widget_get_visible (child (f, "massage_group")));
  g_assert_false (gtk_widget_get_visible (child (f, "when_group")));
  next (f);
  /* How you feel starts from the latest check-in: the same answers. */
  g_assert_cmpfloat (gtk_range_get_value (GTK_RANGE (feeling_child (f, "soreness_scale"))), ==, a.soreness);
  g_assert_cmpuint (aftercare_feeling_form_get_symptoms (AFTERCARE_FEELING_FORM (child (f, "feeling_form"))), ==,
                    a.symptoms);
  g_assert_true (gtk_widget_get_visible (child (f, "checkin_note_label")));
  next (f);
  next (f);
  g_assert_cmpstr (step_name (f), ==, "verdict");

  /* A headache at both check-ins, 13 hours apart, persists: seek care,
   * where the latest check-in alone would only mean rest. */
  now_checkin = aftercare_checkin_new (aftercare_session_get_id (session), f->now, a.soreness, a.symptoms);
  g_ptr_array_add (checkins, first);
  g_ptr_array_add (checkins, now_checkin);
  expected = aftercare_advisor_assess (session, checkins, a.planned_run, f->now);
  g_assert_cmpint (aftercare_assessment_get_verdict (expected), ==, AFTERCARE_VERDICT_SEEK_CARE);
  g_assert_cmpstr (label_text (verdict_child (f, "headline")), ==,
                   aftercare_verdict_get_title (AFTERCARE_VERDICT_SEEK_CARE));
  assert_reasons_shown (f, expected);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->wizard), "wizard.save-checkin", NULL));
  stored = aftercare_store_list_checkins (f->store, aftercare_session_get_id (session), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stored->len, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (aftercare_store_get_sessions (f->store)), ==, 1);
}

/* The text field inside an entry row: where Enter is pressed. */
static GtkWidget *
find_text (GtkWidget *widget)
{
  if (GTK_IS_TEXT (widget))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *text = find_text (c);

      if (text != NULL)
        return text;
    }
  return NULL;
}

static void
test_enter_in_client_name_goes_on (Fixture *f, gconstpointer data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkWidget *text;

  g_settings_set_boolean (settings, "clinic-mode", TRUE);
  aftercare_wizard_set_settings (f->wizard, settings);
  gui_test_run_loop (40);
  g_assert_true (gtk_widget_get_visible (child (f, "client_group")));
  gtk_editable_set_text (GTK_EDITABLE (child (f, "client_row")), "Jordan Avery");
  text = find_text (child (f, "client_row"));
  g_assert_nonnull (text);
  /* As Enter in the field does. */
  g_signal_emit_by_name (text, "activate");
  gui_test_run_loop (40);
  g_assert_cmpstr (step_name (f), ==, "feeling");
  g_settings_reset (settings, "clinic-mode");
}

/* Enter is Next only where the focused control has no use for it: the
 * check box, button, list row or field with the keyboard gets Enter
 * first (GTK runs the bubble phase from the focus up), and the wizard's
 * shortcut runs wherever the focus is in the window while it is shown. */
static void
test_enter_leaves_focused_controls_alone (Fixture *f, gconstpointer data)
{
  g_autoptr(GtkShortcutTrigger) enter = gtk_shortcut_trigger_parse_string ("Return");
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (f->wizard));
  gboolean found = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          if (strstr (trigger, "Return") == NULL)
            continue;
          found = TRUE;
          g_assert_cmpint (gtk_event_controller_get_propagation_phase (GTK_EVENT_CONTROLLER (controller)), ==,
                           GTK_PHASE_BUBBLE);
          g_assert_cmpint (gtk_shortcut_controller_get_scope (GTK_SHORTCUT_CONTROLLER (controller)), ==,
                           GTK_SHORTCUT_SCOPE_MANAGED);
        }
    }
  g_assert_true (found);
}

/* What pressing key does while the wizard is on screen: its shortcut for
 * it, run as GTK runs it (GTK 4.8 cannot send a key to a widget). */
static void
press_wizard_key (Fixture *f, const char *key)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (f->wizard));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
          g_auto(GStrv) keys = g_strsplit (trigger, "|", -1);

          if (g_strv_contains ((const char * const *) keys, key))
            {
              gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, GTK_WIDGET (f->wizard),
                                            gtk_shortcut_get_arguments (shortcut));
              gui_test_run_loop (40);
              return;
            }
        }
    }
  g_error ("The wizard has no shortcut for %s", key);
}

static void
test_page_down_reads_the_verdict (Fixture *f, gconstpointer data)
{
  Answers a = { AFTERCARE_MASSAGE_TRIGGER_POINT, AFTERCARE_PRESSURE_DEEP, TRUE, 0, 0, 3,
                AFTERCARE_SYMPTOM_SHARP_PAIN, AFTERCARE_PLANNED_RUN_EASY };
  GtkAdjustment *scroll;
  double top;

  /* A short window: the verdict is longer than what shows. */
  gtk_window_set_default_size (f->window, 360, 480);
  gui_test_run_loop (40);
  walk_to_verdict (f, &a);
  scroll = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (verdict_child (f, "scroller")));
  g_assert_cmpfloat (gtk_adjustment_get_value (scroll), ==, 0);
  /* The keyboard is on Back; Page Down still brings the rest of the verdict. */
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) == child (f, "back_button"));
  press_wizard_key (f, "Page_Down");
  g_assert_cmpfloat (gtk_adjustment_get_value (scroll), >, 0);
  for (int i = 0; i < 20; i++)
    press_wizard_key (f, "Page_Down");
  top = gtk_adjustment_get_upper (scroll) - gtk_adjustment_get_page_size (scroll);
  g_assert_cmpfloat (gtk_adjustment_get_value (scroll), ==, top);
  for (int i = 0; i < 20; i++)
    press_wizard_key (f, "Page_Up");
  g_assert_cmpfloat (gtk_adjustment_get_value (scroll), ==, 0);
}

/* ---- The keyboard, pressed on the real window --------------------------- */

static GtkWidget *
focus_of (Fixture *f)
{
  return gtk_root_get_focus (GTK_ROOT (f->window));
}

static void
focus_on (Fixture *f, const char *name)
{
  g_assert_true (gtk_widget_grab_focus (child (f, name)));
  gui_test_run_loop (40);
  g_assert_true (focus_of (f) == child (f, name));
}

/* Enter goes on from any choice, and never changes it: not the switch,
 * not a symptom's check box, not the planned run. */
static void
test_enter_goes_on_and_keeps_answers (Fixture *f, gconstpointer data)
{
  AdwActionRow *row = find_row_titled (child (f, "steps"), aftercare_symptom_get_title (AFTERCARE_SYMPTOM_FEVER));
  GtkCheckButton *fever = find_check (GTK_WIDGET (row));

  focus_on (f, "first_time_switch");
  keyboard_press (GTK_WIDGET (f->wizard), "Return");
  g_assert_cmpstr (step_name (f), ==, "feeling");
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (child (f, "first_time_switch"))));

  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (fever)));
  keyboard_press (GTK_WIDGET (f->wizard), "Return");
  g_assert_cmpstr (step_name (f), ==, "run");
  g_assert_false (gtk_check_button_get_active (fever));

  gtk_check_button_set_active (GTK_CHECK_BUTTON (child (f, "run_hard")), TRUE);
  focus_on (f, "run_hard");
  keyboard_press (GTK_WIDGET (f->wizard), "Return");
  g_assert_cmpstr (step_name (f), ==, "verdict");
  g_assert_cmpint (aftercare_verdict_page_get_planned_run (AFTERCARE_VERDICT_PAGE (child (f, "verdict_page"))), ==,
                   AFTERCARE_PLANNED_RUN_HARD);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (child (f, "run_hard"))));
}

/* Up and Down move among the planned runs, Space picks one; at the ends
 * the keyboard stays, and chooses nothing. */
static void
test_arrows_move_within_runs (Fixture *f, gconstpointer data)
{
  next (f);
  next (f);
  g_assert_cmpstr (step_name (f), ==, "run");
  focus_on (f, "run_easy");
  keyboard_press (GTK_WIDGET (f->wizard), "Down");
  g_assert_true (focus_of (f) == child (f, "run_steady"));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (child (f, "run_easy"))));
  keyboard_press (GTK_WIDGET (f->wizard), "Down");
  g_assert_true (focus_of (f) == child (f, "run_hard"));
  keyboard_press (GTK_WIDGET (f->wizard), "space");
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (child (f, "run_hard"))));
  keyboard_press (GTK_WIDGET (f->wizard), "Up");
  g_assert_true (focus_of (f) == child (f, "run_steady"));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (child (f, "run_hard"))));
  keyboard_type (GTK_WIDGET (f->wizard), "Up Up");
  g_assert_true (focus_of (f) == child (f, "run_easy"));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (child (f, "run_hard"))));
  /* Enter, from the choice: on to the verdict for the hard run. */
  focus_on (f, "run_hard");
  keyboard_press (GTK_WIDGET (f->wizard), "Return");
  g_assert_cmpint (aftercare_verdict_page_get_planned_run (AFTERCARE_VERDICT_PAGE (child (f, "verdict_page"))), ==,
                   AFTERCARE_PLANNED_RUN_HARD);
}

/* Left and Right move among the pressures, Space picks one. */
static void
test_arrows_move_within_pressures (Fixture *f, gconstpointer data)
{
  g_assert_true (gtk_widget_grab_focus (pressure_button (f, AFTERCARE_PRESSURE_LIGHT)));
  gui_test_run_loop (40);
  keyboard_press (GTK_WIDGET (f->wizard), "Right");
  g_assert_true (focus_of (f) == pressure_button (f, AFTERCARE_PRESSURE_MODERATE));
  keyboard_press (GTK_WIDGET (f->wizard), "Right");
  g_assert_true (focus_of (f) == pressure_button (f, AFTERCARE_PRESSURE_DEEP));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (pressure_button (f, AFTERCARE_PRESSURE_DEEP))));
  keyboard_press (GTK_WIDGET (f->wizard), "space");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (pressure_button (f, AFTERCARE_PRESSURE_DEEP))));
  keyboard_press (GTK_WIDGET (f->wizard), "Left");
  g_assert_true (focus_of (f) == pressure_button (f, AFTERCARE_PRESSURE_MODERATE));
}

/* Space opens the list of massage types, the arrows move in it, Enter picks. */
static void
test_keys_choose_the_type (Fixture *f, gconstpointer data)
{
  AdwComboRow *type_row = ADW_COMBO_ROW (child (f, "type_row"));
  guint before = adw_combo_row_get_selected (type_row);

  focus_on (f, "type_row");
  keyboard_press (GTK_WIDGET (f->wizard), "space");
  gui_test_run_loop (40);
  keyboard_type (GTK_WIDGET (f->wizard), "Down Return");
  gui_test_run_loop (40);
  g_assert_cmpuint (adw_combo_row_get_selected (type_row), ==, before + 1);
  g_assert_cmpstr (step_name (f), ==, "massage");
}

/* Every action of the verdict is reached with Tab, the main one among them. */
static void
test_tab_reaches_verdict_actions (Fixture *f, gconstpointer data)
{
  static const char *actions[] = { "_Print Sheet…", "Save as P_DF…", "_Start Over" };
  gboolean reached[G_N_ELEMENTS (actions)] = { FALSE };
  gboolean reached_save = FALSE;

  aftercare_wizard_set_store (f->wizard, f->store);
  focus_on (f, "type_row");
  keyboard_type (GTK_WIDGET (f->wizard), "Return Return Return");
  g_assert_cmpstr (step_name (f), ==, "verdict");
  for (int i = 0; i < 40; i++)
    {
      keyboard_press (GTK_WIDGET (f->wizard), "Tab");
      for (guint a = 0; a < G_N_ELEMENTS (actions); a++)
        reached[a] |= GTK_IS_BUTTON (focus_of (f)) &&
                      g_strcmp0 (gtk_button_get_label (GTK_BUTTON (focus_of (f))), actions[a]) == 0 &&
                      gtk_widget_is_ancestor (focus_of (f), child (f, "verdict_page"));
      reached_save |= focus_of (f) == child (f, "next_button");
    }
  for (guint a = 0; a < G_N_ELEMENTS (actions); a++)
    if (!reached[a])
      g_error ("Tab never reached %s", actions[a]);
  g_assert_true (reached_save);
  /* Enter on the main action saves. */
  g_assert_true (gtk_widget_grab_focus (child (f, "next_button")));
  keyboard_press (GTK_WIDGET (f->wizard), "Return");
  for (int i = 0; i < 25 && g_list_model_get_n_items (aftercare_store_get_sessions (f->store)) == 0; i++)
    gui_test_run_loop (40);
  g_assert_cmpuint (g_list_model_get_n_items (aftercare_store_get_sessions (f->store)), ==, 1);
}

/* Short or tall, the main action is in sight beside Back. */
static void
test_main_action_in_sight (Fixture *f, gconstpointer data)
{
  static const int sizes[][2] = { { 800, 800 }, { 800, 480 }, { 360, 480 }, { 360, 720 } };

  aftercare_wizard_set_store (f->wizard, f->store);
  go_to_verdict (f);
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      graphene_rect_t bounds;

      gtk_window_set_default_size (f->window, sizes[i][0], sizes[i][1]);
      gui_test_run_loop (40);
      gui_test_run_loop (40);
      assert_main_action_saves (f);
      g_assert_true (gtk_widget_compute_bounds (child (f, "next_button"), GTK_WIDGET (f->window), &bounds));
      g_assert_cmpfloat (bounds.origin.y, >=, 0);
      g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (GTK_WIDGET (f->window)));
      g_assert_true (gtk_widget_compute_bounds (child (f, "back_button"), GTK_WIDGET (f->window), &bounds));
      g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (GTK_WIDGET (f->window)));
    }
}

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* What the application does for its resource base path. */
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    RESOURCE_PATH "/icons");

  ADD ("/wizard/starts-clean", test_starts_clean);
  ADD ("/wizard/verdict/train", test_verdict_train);
  ADD ("/wizard/verdict/easy-run", test_verdict_easy_run);
  ADD ("/wizard/verdict/wait", test_verdict_wait);
  ADD ("/wizard/verdict/rest", test_verdict_rest);
  ADD ("/wizard/verdict/seek-care", test_verdict_seek_care);
  ADD ("/wizard/back-keeps-answers", test_back_keeps_answers);
  ADD ("/wizard/start-over-clears-everything", test_start_over_clears_everything);
  ADD ("/wizard/future-end-blocks-next", test_future_end_blocks_next);
  ADD ("/wizard/type-brings-its-usual-pressure", test_type_brings_its_usual_pressure);
  ADD ("/wizard/soreness-says-its-band", test_soreness_says_its_band);
  ADD ("/wizard/controls-have-names", test_controls_have_names);
  ADD ("/wizard/clock-follows-the-desktop", test_clock_follows_the_desktop);
  ADD ("/wizard/keyboard/enter-in-client-name-goes-on", test_enter_in_client_name_goes_on);
  ADD ("/wizard/keyboard/enter-leaves-focused-controls-alone", test_enter_leaves_focused_controls_alone);
  ADD ("/wizard/keyboard/page-down-reads-the-verdict", test_page_down_reads_the_verdict);
  ADD ("/wizard/keyboard/enter-goes-on-and-keeps-answers", test_enter_goes_on_and_keeps_answers);
  ADD ("/wizard/keyboard/arrows-move-within-runs", test_arrows_move_within_runs);
  ADD ("/wizard/keyboard/arrows-move-within-pressures", test_arrows_move_within_pressures);
  ADD ("/wizard/keyboard/keys-choose-the-type", test_keys_choose_the_type);
  g_test_add_func ("/wizard/verdict-icons-are-bundled", test_verdict_icons_are_bundled);
  g_test_add_func ("/wizard/pressure-has-one-default", test_pressure_has_one_default);
  g_test_add ("/wizard/keyboard/tab-reaches-verdict-actions", Fixture, NULL,
              fixture_set_up_with_store, test_tab_reaches_verdict_actions, fixture_tear_down);
  g_test_add ("/wizard/store/main-action-in-sight", Fixture, NULL,
              fixture_set_up_with_store, test_main_action_in_sight, fixture_tear_down);
  g_test_add ("/wizard/store/without-sessions-no-picker", Fixture, NULL,
              fixture_set_up_with_store, test_without_sessions_no_picker, fixture_tear_down);
  g_test_add ("/wizard/store/save-stores-massage-and-checkin", Fixture, NULL,
              fixture_set_up_with_store, test_save_stores_massage_and_checkin, fixture_tear_down);
  g_test_add ("/wizard/store/logged-massages-listed-whole", Fixture, NULL,
              fixture_set_up_with_store, test_logged_massages_listed_whole, fixture_tear_down);
  g_test_add ("/wizard/store/logged-session-counts-its-checkins", Fixture, NULL,
              fixture_set_up_with_store, test_logged_session_counts_its_checkins, fixture_tear_down);
  return g_test_run ();
}
