/* test-reference.c: the massage-type reference lists, filters and details the eight types, and leads to the wizard. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "aftercare-application.h"
#include "aftercare-catalog.h"
#include "aftercare-massage-kind-page.h"
#include "aftercare-massage-kind-row.h"
#include "aftercare-pressure-choice.h"
#include "aftercare-reference-view.h"
#include "aftercare-window.h"
#include "aftercare-wizard.h"
#include "store-test-util.h"
#include "gui-test-util.h"

typedef struct {
  GtkWindow *window;
  AftercareReferenceView *view;
} Fixture;

static GtkWidget *
child (Fixture *f, const char *name)
{
  GtkWidget *widget = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (f->view),
                                                                 AFTERCARE_TYPE_REFERENCE_VIEW, name));

  g_assert_nonnull (widget);
  return widget;
}

static GtkWidget *
page_child (Fixture *f, const char *name)
{
  GtkWidget *widget = GTK_WIDGET (gtk_widget_get_template_child (child (f, "kind_page"),
                                                                 AFTERCARE_TYPE_MASSAGE_KIND_PAGE, name));

  g_assert_nonnull (widget);
  return widget;
}

static void
set_up (Fixture *f, int width)
{
  f->window = GTK_WINDOW (gtk_window_new ());
  f->view = AFTERCARE_REFERENCE_VIEW (aftercare_reference_view_new ());
  gtk_window_set_child (f->window, GTK_WIDGET (f->view));
  gtk_window_set_default_size (f->window, width, 700);
  gtk_window_present (f->window);
  gui_test_run_loop (60);
}

static void
fixture_set_up_wide (Fixture *f, gconstpointer data)
{
  set_up (f, 1000);
}

static void
fixture_set_up_narrow (Fixture *f, gconstpointer data)
{
  set_up (f, 360);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (f->window);
}

static GPtrArray *
listed_kinds (Fixture *f)
{
  GPtrArray *kinds = g_ptr_array_new ();
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (child (f, "kinds_list")), i)) != NULL; i++)
    g_ptr_array_add (kinds, aftercare_massage_kind_row_get_kind (AFTERCARE_MASSAGE_KIND_ROW (row)));
  return kinds;
}

static GtkListBoxRow *
row_for (Fixture *f, AftercareMassageType type)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (child (f, "kinds_list")), i)) != NULL; i++)
    if (aftercare_massage_kind_get_massage_type (aftercare_massage_kind_row_get_kind (AFTERCARE_MASSAGE_KIND_ROW (row))) == type)
      return row;
  return NULL;
}

static void
search (Fixture *f, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (child (f, "search_entry")), text);
  gui_test_run_loop (60);
}

static GtkLevelBar *
find_level_bar (GtkWidget *widget)
{
  if (GTK_IS_LEVEL_BAR (widget))
    return GTK_LEVEL_BAR (widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkLevelBar *bar = find_level_bar (c);

      if (bar != NULL)
        return bar;
    }
  return NULL;
}

static void
test_lists_eight_types_with_their_soreness (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) kinds = listed_kinds (f);

  g_assert_cmpuint (kinds->len, ==, AFTERCARE_N_MASSAGE_TYPES);
  for (guint i = 0; i < kinds->len; i++)
    {
      AftercareMassageKind *kind = kinds->pdata[i];
      GtkLevelBar *bar = find_level_bar (GTK_WIDGET (row_for (f, i)));

      g_assert_cmpint (aftercare_massage_kind_get_massage_type (kind), ==, i);
      /* At a glance: a level, not only a word. */
      g_assert_nonnull (bar);
      g_assert_cmpfloat (gtk_level_bar_get_max_value (bar), ==, 3);
      g_assert_cmpfloat (gtk_level_bar_get_value (bar), ==, aftercare_massage_kind_get_likelihood (kind));
      gtk_test_accessible_assert_property (bar, GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT,
                                           aftercare_massage_kind_get_likelihood_text (kind));
    }
}

static void
test_filters_by_any_word_of_its_text (Fixture *f, gconstpointer data)
{
  GPtrArray *kinds;

  /* Deep tissue by its name, myofascial release for its "connective tissue". */
  search (f, "tiss");
  kinds = listed_kinds (f);
  g_assert_cmpuint (kinds->len, ==, 2);
  g_assert_cmpstr (aftercare_massage_kind_get_name (kinds->pdata[0]), ==, "Deep tissue");
  g_assert_cmpstr (aftercare_massage_kind_get_name (kinds->pdata[1]), ==, "Myofascial release");
  g_ptr_array_unref (kinds);

  search (f, "TISS");
  kinds = listed_kinds (f);
  g_assert_cmpuint (kinds->len, ==, 2);
  g_ptr_array_unref (kinds);

  /* Swedish says it helps you relax; accents and case do not matter. */
  search (f, "Rélax");
  kinds = listed_kinds (f);
  g_assert_cmpuint (kinds->len, ==, 1);
  g_assert_cmpint (aftercare_massage_kind_get_massage_type (kinds->pdata[0]), ==, AFTERCARE_MASSAGE_SWEDISH);
  g_ptr_array_unref (kinds);

  search (f, "ston");
  kinds = listed_kinds (f);
  g_assert_cmpuint (kinds->len, ==, 1);
  g_assert_cmpint (aftercare_massage_kind_get_massage_type (kinds->pdata[0]), ==, AFTERCARE_MASSAGE_HOT_STONE);
  g_ptr_array_unref (kinds);

  search (f, "reflexology");
  kinds = listed_kinds (f);
  g_assert_cmpuint (kinds->len, ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (f, "list_stack"))), ==, "empty");
  g_ptr_array_unref (kinds);

  search (f, "");
  kinds = listed_kinds (f);
  g_assert_cmpuint (kinds->len, ==, AFTERCARE_N_MASSAGE_TYPES);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (f, "list_stack"))), ==, "list");
  g_ptr_array_unref (kinds);
}

static const char *
shown_name (Fixture *f)
{
  return gtk_label_get_label (GTK_LABEL (page_child (f, "name_label")));
}

static void
test_detail_follows_the_search (Fixture *f, gconstpointer data)
{
  GtkListBox *list = GTK_LIST_BOX (child (f, "kinds_list"));
  GtkStack *detail = GTK_STACK (child (f, "detail_stack"));

  gtk_list_box_select_row (list, row_for (f, AFTERCARE_MASSAGE_THAI));
  gui_test_run_loop (60);
  g_assert_cmpstr (shown_name (f), ==, "Thai");

  /* Thai leaves the list: the first match takes its place, selected. */
  search (f, "stone");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (detail), ==, "kind");
  g_assert_cmpstr (shown_name (f), ==, "Hot stone");
  g_assert_true (gtk_list_box_get_selected_row (list) == row_for (f, AFTERCARE_MASSAGE_HOT_STONE));

  /* Nothing matches: no type on show. */
  search (f, "reflexology");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (detail), ==, "none");
  g_assert_false (gtk_widget_get_child_visible (child (f, "kind_page")));

  /* Cleared, the last type shown comes back. */
  search (f, "");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (detail), ==, "kind");
  g_assert_cmpstr (shown_name (f), ==, "Hot stone");
  g_assert_true (gtk_list_box_get_selected_row (list) == row_for (f, AFTERCARE_MASSAGE_HOT_STONE));
}

static void
test_enter_in_search_opens_first_match (Fixture *f, gconstpointer data)
{
  AftercareMassageKindPage *page = AFTERCARE_MASSAGE_KIND_PAGE (child (f, "kind_page"));

  search (f, "lymph");
  g_signal_emit_by_name (child (f, "search_entry"), "activate");
  g_assert_cmpint (aftercare_massage_kind_get_massage_type (aftercare_massage_kind_page_get_kind (page)), ==,
                   AFTERCARE_MASSAGE_LYMPHATIC_DRAINAGE);
}

static void
test_selecting_shows_detail (Fixture *f, gconstpointer data)
{
  AftercareMassageKind *thai = aftercare_catalog_lookup (AFTERCARE_MASSAGE_THAI);
  GtkListBoxRow *row = row_for (f, AFTERCARE_MASSAGE_THAI);
  g_autoptr(GVariant) target = NULL;

  /* Wide, the first type is on show from the start. */
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (page_child (f, "name_label"))), ==, "Swedish");
  g_assert_false (adw_leaflet_get_folded (ADW_LEAFLET (child (f, "leaflet"))));

  gtk_list_box_select_row (GTK_LIST_BOX (child (f, "kinds_list")), row);
  gui_test_run_loop (60);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (page_child (f, "name_label"))), ==, "Thai");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (page_child (f, "technique_label"))), ==,
                   aftercare_massage_kind_get_technique (thai));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (page_child (f, "pressure_label"))), ==,
                   aftercare_massage_kind_get_pressure_text (thai));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (page_child (f, "duration_label"))), ==,
                   aftercare_massage_kind_get_duration_text (thai));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (page_child (f, "tell_therapist_label"))), ==,
                   aftercare_massage_kind_get_tell_therapist (thai));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (page_child (f, "likelihood_label"))), ==,
                   aftercare_massage_kind_get_likelihood_text (thai));
  g_assert_cmpfloat (gtk_level_bar_get_value (GTK_LEVEL_BAR (page_child (f, "level_bar"))), ==,
                     aftercare_massage_kind_get_likelihood (thai));
  /* "Can I run after this?" carries the type to the window's action. */
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (page_child (f, "assess_button"))), ==,
                   "win.assess-type");
  target = g_variant_ref_sink (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (page_child (f, "assess_button"))));
  g_assert_cmpstr (g_variant_get_string (target, NULL), ==, "thai");
  /* Narrowing the list keeps the type on show. */
  search (f, "tha");
  g_assert_true (gtk_list_box_get_selected_row (GTK_LIST_BOX (child (f, "kinds_list"))) == row_for (f, AFTERCARE_MASSAGE_THAI));
}

static void
test_narrow_slides_to_detail_and_back (Fixture *f, gconstpointer data)
{
  AdwLeaflet *leaflet = ADW_LEAFLET (child (f, "leaflet"));
  GtkWidget *back = child (f, "back_button");

  g_assert_true (adw_leaflet_get_folded (leaflet));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "list");
  g_signal_emit_by_name (row_for (f, AFTERCARE_MASSAGE_SPORTS), "activate");
  gui_test_run_loop (60);
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "detail");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (page_child (f, "name_label"))), ==, "Sports");
  /* The icon-only back button is named for screen readers. */
  g_assert_true (gtk_widget_get_mapped (back));
  gtk_test_accessible_assert_property (back, GTK_ACCESSIBLE_PROPERTY_LABEL, "Back to Massage Types");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (back), ==, "Back to Massage Types");
  g_signal_emit_by_name (back, "clicked");
  gui_test_run_loop (60);
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "list");
}

/* In the real window: "Can I run after this?" opens the wizard with the type filled in. */

typedef struct {
  gboolean checked;
} AppFixture;

static void
activate_after_cb (GApplication *app, AppFixture *af)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  AdwViewStack *stack = ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                       AFTERCARE_TYPE_WINDOW, "stack"));
  GtkWidget *view = aftercare_window_get_reference_view (AFTERCARE_WINDOW (window));
  GtkWidget *wizard = GTK_WIDGET (aftercare_window_get_wizard (AFTERCARE_WINDOW (window)));
  GtkWidget *page = GTK_WIDGET (gtk_widget_get_template_child (view, AFTERCARE_TYPE_REFERENCE_VIEW, "kind_page"));
  GtkWidget *button = GTK_WIDGET (gtk_widget_get_template_child (page, AFTERCARE_TYPE_MASSAGE_KIND_PAGE, "assess_button"));
  GtkWidget *type_row = GTK_WIDGET (gtk_widget_get_template_child (wizard, AFTERCARE_TYPE_WIZARD, "type_row"));
  GtkWidget *deep = aftercare_pressure_choice_get_button (
    AFTERCARE_PRESSURE_CHOICE (gtk_widget_get_template_child (wizard, AFTERCARE_TYPE_WIZARD, "pressure_choice")),
    AFTERCARE_PRESSURE_DEEP);
  GtkWidget *steps = GTK_WIDGET (gtk_widget_get_template_child (wizard, AFTERCARE_TYPE_WIZARD, "steps"));

  g_assert_true (AFTERCARE_IS_REFERENCE_VIEW (view));
  g_assert_true (AFTERCARE_IS_WIZARD (wizard));
  g_assert_true (gtk_widget_is_ancestor (view, GTK_WIDGET (stack)));
  g_assert_true (gtk_widget_is_ancestor (wizard, GTK_WIDGET (stack)));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "massage-types");
  aftercare_reference_view_show_type (AFTERCARE_REFERENCE_VIEW (view), AFTERCARE_MASSAGE_TRIGGER_POINT);
  gui_test_run_loop (60);
  g_signal_emit_by_name (button, "clicked");
  gui_test_run_loop (60);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "can-i-run");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (steps)), ==, "massage");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (type_row)), ==, AFTERCARE_MASSAGE_TRIGGER_POINT);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (deep)));
  af->checked = TRUE;
  gtk_window_close (window);
}

static void
test_can_i_run_after_this_opens_wizard (void)
{
  AppFixture af = { 0 };
  g_autoptr(AftercareApplication) app = aftercare_application_new ();
  char *argv[] = { (char *) "aftercare", NULL };
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  /* It ends when its window closes, whatever other tests left in the
   * default log: no reminders keep it running. */
  g_settings_set_boolean (settings, "reminders", FALSE);
  g_signal_connect_after (app, "activate", G_CALLBACK (activate_after_cb), &af);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 1, argv), ==, 0);
  g_assert_true (af.checked);
}

static void
add_session_with_checkin (AftercareStore   *store,
                          const char       *ended_at,
                          AftercarePressure pressure,
                          guint             soreness)
{
  g_autoptr(AftercareSession) session = test_session_new (ended_at);
  g_autoptr(GDateTime) at = g_date_time_add_hours (aftercare_session_get_ended_at (session), 18);
  g_autoptr(AftercareCheckin) checkin = NULL;
  g_autoptr(GError) error = NULL;

  aftercare_session_set_massage_type (session, AFTERCARE_MASSAGE_DEEP_TISSUE);
  aftercare_session_set_pressure (session, pressure);
  checkin = aftercare_checkin_new (aftercare_session_get_id (session), at, soreness, 0);
  g_assert_true (aftercare_store_add_session (store, session, &error));
  g_assert_true (aftercare_store_add_checkin (store, checkin, &error));
  g_assert_no_error (error);
}

/* The detail of a type you had says how sore you usually get after it, per
 * pressure, or how many more massages it needs; a type you never had says nothing. */
static void
test_detail_shows_your_pattern (Fixture *f, gconstpointer data)
{
  g_autofree char *folder = test_make_folder ();
  g_autofree char *path = g_build_filename (folder, "a.db", NULL);
  g_autoptr(AftercareStore) store = test_store_open (path);
  const char *text;

  add_session_with_checkin (store, "2026-11-01T10:00:00Z", AFTERCARE_PRESSURE_DEEP, 4);
  add_session_with_checkin (store, "2026-11-08T10:00:00Z", AFTERCARE_PRESSURE_DEEP, 5);
  add_session_with_checkin (store, "2026-11-15T10:00:00Z", AFTERCARE_PRESSURE_DEEP, 3);
  add_session_with_checkin (store, "2026-11-20T10:00:00Z", AFTERCARE_PRESSURE_MODERATE, 2);
  aftercare_reference_view_set_store (f->view, store);

  gtk_list_box_select_row (GTK_LIST_BOX (child (f, "kinds_list")), row_for (f, AFTERCARE_MASSAGE_DEEP_TISSUE));
  gui_test_run_loop (60);
  g_assert_true (gtk_widget_get_visible (page_child (f, "pattern_box")));
  text = gtk_label_get_label (GTK_LABEL (page_child (f, "pattern_label")));
  g_assert_nonnull (strstr (text, "Check in after 2 more massages of this kind (Deep tissue · moderate pressure)"));
  g_assert_nonnull (strstr (text, "You, after Deep tissue · deep pressure: usually 4/10 12 to 24 hours after, "
                                  "still above mild at the last check-in, from 3 massages."));

  gtk_list_box_select_row (GTK_LIST_BOX (child (f, "kinds_list")), row_for (f, AFTERCARE_MASSAGE_SWEDISH));
  gui_test_run_loop (60);
  g_assert_false (gtk_widget_get_visible (page_child (f, "pattern_box")));
  aftercare_reference_view_set_store (f->view, NULL);
  g_clear_object (&store);
  test_remove_folder (folder);
}

#define ADD(path, setup, func) g_test_add (path, Fixture, NULL, setup, func, fixture_tear_down)

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  ADD ("/reference/lists-eight-types-with-their-soreness", fixture_set_up_wide, test_lists_eight_types_with_their_soreness);
  ADD ("/reference/filters-by-any-word-of-its-text", fixture_set_up_wide, test_filters_by_any_word_of_its_text);
  ADD ("/reference/detail-follows-the-search", fixture_set_up_wide, test_detail_follows_the_search);
  ADD ("/reference/enter-in-search-opens-first-match", fixture_set_up_wide, test_enter_in_search_opens_first_match);
  ADD ("/reference/selecting-shows-detail", fixture_set_up_wide, test_selecting_shows_detail);
  ADD ("/reference/narrow-slides-to-detail-and-back", fixture_set_up_narrow, test_narrow_slides_to_detail_and_back);
  ADD ("/reference/detail-shows-your-pattern", fixture_set_up_wide, test_detail_shows_your_pattern);
  g_test_add_func ("/reference/can-i-run-after-this-opens-wizard", test_can_i_run_after_this_opens_wizard);
  return g_test_run ();
}
