/* test-sessions.c: the Sessions view as a person uses it: log, check in, see it on the timeline, delete, undo. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "aftercare-application.h"
#include "aftercare-backup.h"
#include "aftercare-backup-transfer.h"
#include "aftercare-checkin-dialog.h"
#include "aftercare-date-time-row.h"
#include "aftercare-feeling-form.h"
#include "aftercare-pressure-choice.h"
#include "aftercare-labels.h"
#include "aftercare-session-editor.h"
#include "aftercare-session-list.h"
#include "aftercare-session-row.h"
#include "aftercare-sheet-print.h"
#include "aftercare-sessions-view.h"
#include "aftercare-store-error-page.h"
#include "aftercare-window.h"
#include "aftercare-wizard.h"
#include "keyboard.h"
#include "pdf-text.h"
#include "store-test-util.h"
#include "gui-test-util.h"

typedef void (*WindowTest) (AftercareWindow *window, gpointer data);

typedef struct {
  char *dir;
  char *db_path;
} Fixture;

typedef struct {
  WindowTest test;
  gpointer data;
  gboolean ran;
} AppRun;

/* ---- Driving the real application --------------------------------------- */

typedef gboolean (*Condition) (gpointer data);

static void
wait_until (Condition condition, gpointer data, const char *what)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > end)
        g_error ("Timed out waiting until %s", what);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
}

static void
activate_after_cb (GApplication *app, AppRun *run)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  g_assert_true (AFTERCARE_IS_WINDOW (window));
  wait_until ((Condition) gtk_widget_get_mapped, window, "the window shows");
  gui_test_run_loop (100);
  run->test (AFTERCARE_WINDOW (window), run->data);
  run->ran = TRUE;
  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
    gtk_window_destroy (l->data);
}

static void
run_app (Fixture *f, WindowTest test, gpointer data)
{
  g_autoptr(AftercareApplication) app = aftercare_application_new ();
  char *argv[] = { (char *) "aftercare", (char *) "--db", f->db_path, NULL };
  AppRun run = { test, data, FALSE };

  g_signal_connect_after (app, "activate", G_CALLBACK (activate_after_cb), &run);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 3, argv), ==, 0);
  g_assert_true (run.ran);
}

static gpointer
find_toplevel (GType type)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static gpointer
child (gpointer widget, GType type, const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (object);
  return object;
}

static void
collect (GtkWidget *widget, GType type, GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect (c, type, found);
}

/* Presses the button labelled label (as written, with its mnemonic) in
 * root, as a person would. */
static void
press_button (GtkWidget *root, const char *label)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  collect (root, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (buttons->pdata[i]), label) == 0 &&
        gtk_widget_is_sensitive (buttons->pdata[i]) && gtk_widget_get_mapped (buttons->pdata[i]))
      {
        g_assert_true (gtk_widget_activate (buttons->pdata[i]));
        return;
      }
  g_error ("No button “%s” to press", label);
}

/* The check button of the row titled title, as a person finds it. */
static GtkCheckButton *
find_check_row (GtkWidget *root, const char *title)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect (root, ADW_TYPE_ACTION_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (rows->pdata[i]), title) == 0)
      return GTK_CHECK_BUTTON (adw_action_row_get_activatable_widget (rows->pdata[i]));
  g_error ("No row titled “%s”", title);
}

static GtkToggleButton *
find_toggle (GtkWidget *root, const char *label)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  collect (root, GTK_TYPE_TOGGLE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (buttons->pdata[i]), label) == 0)
      return buttons->pdata[i];
  g_error ("No toggle button labelled “%s”", label);
}

static AftercareSessionsView *
sessions_view (AftercareWindow *window)
{
  return child (window, AFTERCARE_TYPE_WINDOW, "sessions_view");
}

static AftercareSessionRow *
find_session_row (AftercareWindow *window, const char *title_text)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect (GTK_WIDGET (aftercare_sessions_view_get_list_view (sessions_view (window))),
           AFTERCARE_TYPE_SESSION_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      GtkLabel *title = child (rows->pdata[i], AFTERCARE_TYPE_SESSION_ROW, "title_label");

      if (aftercare_session_row_get_session (rows->pdata[i]) != NULL &&
          g_str_equal (gtk_label_get_label (title), title_text))
        return rows->pdata[i];
    }
  return NULL;
}

static GDateTime *
fixed_now (void)
{
  return g_date_time_new_utc (2026, 11, 24, 22, 30, 0);
}

/* ---- Fixtures ------------------------------------------------------------ */

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("aftercare-sessions-XXXXXX", &error);
  g_assert_no_error (error);
  f->db_path = g_build_filename (f->dir, "test.db", NULL);
}

static void
remove_all (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (dir);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  remove_all (f->dir);
  g_free (f->dir);
  g_free (f->db_path);
}

/* Sessions put in the database before the app opens it, in one transaction. */
static void
store_sessions (Fixture *f, GPtrArray *sessions, GPtrArray *checkins)
{
  g_autoptr(AftercareStore) store = NULL;
  g_autoptr(AftercareBackup) backup = aftercare_backup_new ();
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < sessions->len; i++)
    aftercare_backup_add_session (backup, sessions->pdata[i], "test");
  for (guint i = 0; checkins != NULL && i < checkins->len; i++)
    aftercare_backup_add_checkin (backup, checkins->pdata[i], "test");
  store = aftercare_store_open (f->db_path, test_time_source (), &error);
  g_assert_no_error (error);
  aftercare_store_import (store, backup, NULL, NULL, &error);
  g_assert_no_error (error);
}

static AftercareSession *
make_session (int hours_before_now, AftercareMassageType type, AftercarePressure pressure, const char *client)
{
  g_autoptr(GDateTime) now = fixed_now ();
  g_autoptr(GDateTime) ended = g_date_time_add_hours (now, -hours_before_now);
  AftercareSession *session = aftercare_session_new (ended);

  aftercare_session_set_massage_type (session, type);
  aftercare_session_set_pressure (session, pressure);
  aftercare_session_set_duration_minutes (session, 60);
  aftercare_session_set_client (session, client);
  return session;
}

/* ---- Empty ----------------------------------------------------------------- */

static void
empty_test (AftercareWindow *window, gpointer data)
{
  AftercareSessionsView *view = sessions_view (window);
  GtkStack *stack = child (view, AFTERCARE_TYPE_SESSIONS_VIEW, "stack");

  g_assert_nonnull (aftercare_window_get_store (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  /* The keyboard starts on the call to action, not on the view switcher. */
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == child (view, AFTERCARE_TYPE_SESSIONS_VIEW, "empty_log_button"));
  /* The status page's button logs the first massage. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "sessions.new", NULL));
  g_assert_nonnull (find_toplevel (AFTERCARE_TYPE_SESSION_EDITOR));
  gtk_window_close (find_toplevel (AFTERCARE_TYPE_SESSION_EDITOR));
  gui_test_run_loop (50);
  g_assert_null (find_toplevel (AFTERCARE_TYPE_SESSION_EDITOR));

  /* Ctrl+N (the window's win.log-massage) does too, from another view. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "can-i-run");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.log-massage", NULL));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (child (window, AFTERCARE_TYPE_WINDOW, "stack")), ==,
                   "sessions");
  g_assert_nonnull (find_toplevel (AFTERCARE_TYPE_SESSION_EDITOR));
}

static void
test_empty_list_offers_to_log_a_massage (Fixture *f, gconstpointer data)
{
  run_app (f, empty_test, NULL);
}

/* ---- Log a massage, check in, see it ------------------------------------- */

/* A label under root whose text holds part, shown. */
static gboolean
shows_label_with (GtkWidget  *root,
                  const char *part)
{
  if (GTK_IS_LABEL (root) && gtk_widget_is_visible (root) &&
      strstr (gtk_label_get_label (GTK_LABEL (root)), part) != NULL)
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (shows_label_with (c, part))
      return TRUE;
  return FALSE;
}

static AftercareSessionEditor *
open_editor (AftercareWindow *window)
{
  AftercareSessionEditor *editor;

  gtk_widget_activate_action (GTK_WIDGET (sessions_view (window)), "sessions.new", NULL);
  editor = find_toplevel (AFTERCARE_TYPE_SESSION_EDITOR);
  g_assert_nonnull (editor);
  wait_until ((Condition) gtk_widget_get_mapped, editor, "the editor shows");
  /* Typing starts on the first field, not on Cancel. */
  g_assert_true (gtk_root_get_focus (GTK_ROOT (editor)) == child (editor, AFTERCARE_TYPE_SESSION_EDITOR, "type_row"));
  /* The notes go on the client's sheet, and the editor says so. */
  g_assert_true (shows_label_with (GTK_WIDGET (editor), "Printed on the client’s aftercare sheet"));
  return editor;
}

static gboolean
can_save (gpointer dialog, GType type)
{
  return gtk_widget_is_sensitive (child (dialog, type, "save_button"));
}

static void
fill_editor (AftercareSessionEditor *editor, GDateTime *ended)
{
  GType t = AFTERCARE_TYPE_SESSION_EDITOR;

  adw_combo_row_set_selected (child (editor, t, "type_row"), AFTERCARE_MASSAGE_DEEP_TISSUE);
  g_signal_emit_by_name (aftercare_pressure_choice_get_button (child (editor, t, "pressure_choice"), AFTERCARE_PRESSURE_DEEP),
                         "clicked");
  aftercare_date_time_row_set_date_time (child (editor, t, "ended_row"), ended);
  gtk_editable_set_text (child (editor, t, "duration_spin"), "45");
  gtk_editable_set_text (child (editor, t, "client_row"), "Jordan Avery");
  gtk_toggle_button_set_active (find_toggle (GTK_WIDGET (editor), "Calves"), TRUE);
}

static void
check_in (AftercareWindow *window, GDateTime *at, guint soreness, const char *symptom)
{
  AftercareSessionPage *page = aftercare_sessions_view_get_page (sessions_view (window));
  GType t = AFTERCARE_TYPE_CHECKIN_DIALOG;
  AftercareCheckinDialog *dialog;
  g_autofree char *value_text = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "session.check-in", NULL));
  dialog = find_toplevel (AFTERCARE_TYPE_CHECKIN_DIALOG);
  g_assert_nonnull (dialog);
  wait_until ((Condition) gtk_widget_get_mapped, dialog, "the check-in dialog shows");
  /* The arrow keys set the soreness at once. */
  g_assert_true (gtk_root_get_focus (GTK_ROOT (dialog)) == child (child (dialog, t, "feeling_form"), AFTERCARE_TYPE_FEELING_FORM, "soreness_scale"));
  gtk_range_set_value (child (child (dialog, t, "feeling_form"), AFTERCARE_TYPE_FEELING_FORM, "soreness_scale"), soreness);
  /* Read out as the wizard's scale reads it: "4, Above mild". */
  value_text = g_strdup_printf ("%u, %s", soreness, aftercare_soreness_get_band (soreness));
  gtk_test_accessible_assert_property (child (child (dialog, t, "feeling_form"), AFTERCARE_TYPE_FEELING_FORM,
                                              "soreness_scale"),
                                       GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, value_text);
  if (symptom != NULL)
    gtk_check_button_set_active (find_check_row (GTK_WIDGET (dialog), symptom), TRUE);
  if (at != NULL)
    {
      gtk_check_button_set_active (child (dialog, t, "other_time_check"), TRUE);
      aftercare_date_time_row_set_date_time (child (dialog, t, "time_row"), at);
    }
  g_assert_true (can_save (dialog, t));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "checkin.save", NULL));
  gui_test_run_loop (50);
  g_assert_null (find_toplevel (AFTERCARE_TYPE_CHECKIN_DIALOG));
}

static void
log_and_check_in_test (AftercareWindow *window, gpointer data)
{
  g_autoptr(GDateTime) now = fixed_now ();
  g_autoptr(GDateTime) ended = g_date_time_add_hours (now, -14);
  g_autoptr(GDateTime) at_12h = g_date_time_add_hours (ended, 12);
  AftercareSessionsView *view = sessions_view (window);
  AftercareSessionPage *page = aftercare_sessions_view_get_page (view);
  AftercareTimelineView *timeline = aftercare_session_page_get_timeline (page);
  AftercareSessionEditor *editor;
  AftercareSessionRow *row;
  AftercareTimelinePlot plot;
  double x, y;

  aftercare_clock_set_now (aftercare_window_get_clock (window), now);
  editor = open_editor (window);
  fill_editor (editor, ended);
  g_assert_true (can_save (editor, AFTERCARE_TYPE_SESSION_EDITOR));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  gui_test_run_loop (100);
  g_assert_null (find_toplevel (AFTERCARE_TYPE_SESSION_EDITOR));

  /* In the list, with its verdict: deep pressure, 14 hours on, no check-in. */
  row = find_session_row (window, "Deep tissue · deep pressure");
  g_assert_nonnull (row);
  g_assert_cmpstr (aftercare_session_get_client (aftercare_session_row_get_session (row)), ==, "Jordan Avery");
  g_assert_cmpint (aftercare_session_row_get_verdict (row), ==, AFTERCARE_VERDICT_EASY_RUN);
  g_assert_nonnull (strstr (gtk_label_get_label (child (row, AFTERCARE_TYPE_SESSION_ROW, "subtitle_label")),
                            "Jordan Avery"));
  /* And on its page, chosen for you. */
  g_assert_nonnull (aftercare_session_page_get_session (page));
  g_assert_cmpuint (aftercare_session_get_duration_minutes (aftercare_session_page_get_session (page)), ==, 45);
  g_assert_cmpuint (aftercare_session_get_areas (aftercare_session_page_get_session (page)), ==,
                    AFTERCARE_AREA_CALVES);
  g_assert_cmpuint (aftercare_timeline_view_get_n_points (timeline), ==, 0);

  check_in (window, at_12h, 4, "Heavy legs");
  check_in (window, NULL, 2, NULL);
  gui_test_run_loop (100);

  /* Two points on the timeline, the first at hour 12 and soreness 4. */
  g_assert_cmpuint (aftercare_timeline_view_get_n_points (timeline), ==, 2);
  aftercare_timeline_view_get_plot (timeline, &plot);
  g_assert_true (aftercare_timeline_view_get_point (timeline, 0, &x, &y));
  g_assert_cmpfloat_with_epsilon (x, plot.x + plot.width * 12 / 72, 1e-6);
  g_assert_cmpfloat_with_epsilon (y, plot.y + plot.height * 0.6, 1e-6);
  g_assert_true (aftercare_timeline_view_get_point (timeline, 1, &x, &y));
  /* "Now" runs on from 14 hours while the test clicks: a fraction of a pixel. */
  g_assert_cmpfloat_with_epsilon (x, plot.x + plot.width * 14 / 72, 0.1);
  g_assert_nonnull (strstr (aftercare_timeline_view_get_point_tooltip (timeline, 0), "Heavy legs"));
  /* The latest check-in (2, nothing else) is the state now; the row shows it too. */
  g_assert_cmpint (aftercare_assessment_get_soreness (aftercare_session_page_get_assessment (page)), ==, 2);
  g_assert_cmpstr (gtk_label_get_label (child (row, AFTERCARE_TYPE_SESSION_ROW, "soreness_label")), ==, "2/10");
}

static void
test_log_a_massage_and_check_in (Fixture *f, gconstpointer data)
{
  run_app (f, log_and_check_in_test, NULL);
}

/* ---- The editor refuses bad values ---------------------------------------- */

static void
editor_refuses_test (AftercareWindow *window, gpointer data)
{
  g_autoptr(GDateTime) now = fixed_now ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autofree char *long_name = g_strnfill (101, 'x');
  GType t = AFTERCARE_TYPE_SESSION_EDITOR;
  AftercareSessionEditor *editor;
  GtkWidget *duration_row;
  GtkLabel *when_error;
  GtkSpinButton *hour_spin;

  aftercare_clock_set_now (aftercare_window_get_clock (window), now);
  editor = open_editor (window);
  g_assert_true (can_save (editor, t));

  duration_row = child (editor, t, "duration_row");
  when_error = child (editor, t, "when_error_label");
  /* (Blank is "not entered"; the field takes digits only.) */
  gtk_editable_set_text (child (editor, t, "duration_spin"), "601");
  g_assert_false (can_save (editor, t));
  /* Even asked to, it does not save a bad value (Ctrl+S, Enter in a field). */
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  g_assert_true (find_toplevel (AFTERCARE_TYPE_SESSION_EDITOR) == editor);
  g_assert_true (gtk_widget_has_css_class (duration_row, "error"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (when_error)));
  g_assert_nonnull (strstr (gtk_label_get_label (when_error), "Duration"));
  gtk_editable_set_text (child (editor, t, "duration_spin"), "90");
  g_assert_true (can_save (editor, t));
  g_assert_false (gtk_widget_has_css_class (duration_row, "error"));

  /* Typed into the time picker: an hour that is not one. */
  hour_spin = child (child (editor, t, "ended_row"), AFTERCARE_TYPE_DATE_TIME_ROW, "hour_spin");
  gtk_editable_set_text (GTK_EDITABLE (hour_spin), "25");
  g_assert_false (can_save (editor, t));
  g_assert_nonnull (strstr (gtk_label_get_label (when_error), "Hour"));
  gtk_editable_set_text (GTK_EDITABLE (hour_spin), "20");
  g_assert_true (can_save (editor, t));

  aftercare_date_time_row_set_date_time (child (editor, t, "ended_row"), tomorrow);
  g_assert_false (can_save (editor, t));
  g_assert_nonnull (strstr (gtk_label_get_label (when_error), "Pick an end time no later than"));
  aftercare_date_time_row_set_date_time (child (editor, t, "ended_row"), now);

  gtk_editable_set_text (child (editor, t, "client_row"), long_name);
  g_assert_false (can_save (editor, t));
  g_assert_true (gtk_widget_has_css_class (child (editor, t, "client_row"), "error"));
  g_assert_nonnull (strstr (gtk_label_get_label (child (editor, t, "people_error_label")), "Client"));
  gtk_editable_set_text (child (editor, t, "client_row"), "Jordan");
  g_assert_true (can_save (editor, t));

  /* Nothing bad was saved on the way. */
  g_assert_cmpuint (g_list_model_get_n_items (aftercare_store_get_sessions (aftercare_window_get_store (window))), ==, 0);
}

static void
test_editor_refuses_bad_values (Fixture *f, gconstpointer data)
{
  run_app (f, editor_refuses_test, NULL);
}

/* ---- Delete and undo -------------------------------------------------------- */

/* What the Delete key does with the focus in the list (GTK 4.8 has no way
 * to send a key to a widget in a test): find the list's shortcut for it
 * and run its action from the list. */
static void
press_delete_in_list (GtkListView *list)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (list));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == GDK_KEY_Delete &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == 0)
            {
              g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                                           GTK_WIDGET (list), NULL));
              return;
            }
        }
    }
  g_error ("The list has no shortcut for the Delete key");
}

/* ---- Toasts ---------------------------------------------------------------- */

/* A toast's button, as a person finds it: among the window's toasts, the
 * button with label; NULL when no toast shows one. */
static GtkWidget *
find_toast_button (AftercareWindow *window, const char *label)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  collect (child (window, AFTERCARE_TYPE_WINDOW, "toast_overlay"), GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (buttons->pdata[i]), label) == 0 &&
        gtk_widget_get_ancestor (buttons->pdata[i], g_type_from_name ("AdwToastWidget")) != NULL)
      return buttons->pdata[i];
  return NULL;
}

/* The title of the toast on show, or NULL. */
static const char *
toast_title (AftercareWindow *window)
{
  GtkWidget *button = find_toast_button (window, "_Undo");
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  if (button == NULL)
    return NULL;
  collect (gtk_widget_get_ancestor (button, g_type_from_name ("AdwToastWidget")), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_get_ancestor (labels->pdata[i], GTK_TYPE_BUTTON) == NULL)
      return gtk_label_get_label (labels->pdata[i]);
  return NULL;
}

static gboolean
no_undo_toast (gpointer window)
{
  return find_toast_button (window, "_Undo") == NULL;
}

/* The toast's close button, pressed. */
static void
close_toast (AftercareWindow *window)
{
  GtkWidget *undo = find_toast_button (window, "_Undo");
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  g_assert_nonnull (undo);
  collect (gtk_widget_get_ancestor (undo, g_type_from_name ("AdwToastWidget")), GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (buttons->pdata[i] != undo)
      {
        g_assert_true (gtk_widget_activate (buttons->pdata[i]));
        return;
      }
  g_error ("The toast has no close button");
}

/* Undo, pressed on its toast as a person presses it. */
static void
press_toast_undo (AftercareWindow *window)
{
  GtkWidget *button = find_toast_button (window, "_Undo");

  g_assert_nonnull (button);
  /* Not greyed out: the toast reaches the action that undoes. */
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_true (gtk_widget_activate (button));
  /* A button shows itself pressed for a moment before it acts. */
  wait_until (no_undo_toast, window, "the undone toast goes");
}

/* "Sports, Tue 24 Nov deleted" for a massage of that type that ended then. */
static char *
expected_deleted_title (const char *type, GDateTime *ended_at)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (ended_at);
  g_autofree char *day = g_date_time_format (local, "%a %-d %b");

  return g_strdup_printf ("%s, %s deleted", type, day);
}

static void
delete_and_undo_test (AftercareWindow *window, gpointer data)
{
  AftercareSessionsView *view = sessions_view (window);
  AftercareSessionPage *page = aftercare_sessions_view_get_page (view);
  GListModel *sessions = aftercare_store_get_sessions (aftercare_window_get_store (window));
  g_autofree char *deleted_id = NULL;
  g_autofree char *sports_title = NULL;
  g_autofree char *swedish_title = NULL;
  g_autoptr(GDateTime) now = fixed_now ();

  aftercare_clock_set_now (aftercare_window_get_clock (window), now);
  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, 2);
  g_assert_nonnull (find_session_row (window, "Sports · moderate pressure"));
  /* The newest is chosen; the Delete key in the list deletes it. */
  deleted_id = g_strdup (aftercare_session_get_id (aftercare_session_page_get_session (page)));
  sports_title = expected_deleted_title ("Sports", aftercare_session_get_ended_at (aftercare_session_page_get_session (page)));
  press_delete_in_list (aftercare_sessions_view_get_list_view (view));
  gui_test_run_loop (100);
  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, 1);
  g_assert_null (find_session_row (window, "Sports · moderate pressure"));
  g_assert_cmpstr (aftercare_session_get_id (aftercare_session_page_get_session (page)), !=, deleted_id);

  /* The toast names the massage; its Undo brings it back, chosen again,
   * and the toast goes. */
  g_assert_cmpstr (toast_title (window), ==, sports_title);
  press_toast_undo (window);
  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, 2);
  g_assert_nonnull (find_session_row (window, "Sports · moderate pressure"));
  g_assert_cmpstr (aftercare_session_get_id (aftercare_session_page_get_session (page)), ==, deleted_id);
  wait_until (no_undo_toast, window, "the undone toast goes");
  /* Nothing left to undo: Ctrl+Z does nothing. */
  g_assert_false (aftercare_store_can_undo_delete (aftercare_window_get_store (window)));
  keyboard_press (GTK_WIDGET (window), "<Control>z");
  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, 2);

  /* The row's context menu deletes too; Ctrl+Z undoes, from the keyboard,
   * and dismisses the toast. */
  swedish_title = expected_deleted_title ("Swedish", aftercare_session_get_ended_at (
    aftercare_session_row_get_session (find_session_row (window, "Swedish · light pressure"))));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (find_session_row (window, "Swedish · light pressure")),
                                             "row.delete", NULL));
  gui_test_run_loop (50);
  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, 1);
  g_assert_null (find_session_row (window, "Swedish · light pressure"));
  g_assert_cmpstr (toast_title (window), ==, swedish_title);
  keyboard_press (GTK_WIDGET (window), "<Control>z");
  g_assert_nonnull (find_session_row (window, "Swedish · light pressure"));
  wait_until (no_undo_toast, window, "the toast goes once Ctrl+Z undid");

  /* The page's menu deletes too; Ctrl+Z still undoes once the toast has
   * been closed, from another view (but not in a text field, where it
   * undoes typing). */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "session.delete", NULL));
  gui_test_run_loop (50);
  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, 1);
  close_toast (window);
  wait_until (no_undo_toast, window, "the closed toast goes");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "can-i-run");
  gui_test_run_loop (50);
  keyboard_press (GTK_WIDGET (window), "<Control>z");
  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, 2);
}

static void
narrow_test (AftercareWindow *window, gpointer data)
{
  AftercareSessionsView *view = sessions_view (window);
  int minimum, natural;

  /* The page is open, as on a phone: nothing may need more than 360 px. */
  gtk_widget_activate_action (GTK_WIDGET (view), "sessions.open", "s", "");
  gtk_widget_measure (GTK_WIDGET (view), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  g_test_message ("The Sessions view needs %d px", minimum);
  g_assert_cmpint (minimum, <=, 360);

  /* And so do the dialogs. */
  gtk_widget_activate_action (GTK_WIDGET (view), "sessions.new", NULL);
  gtk_widget_measure (adw_window_get_content (find_toplevel (AFTERCARE_TYPE_SESSION_EDITOR)),
                      GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  g_test_message ("The session editor needs %d px", minimum);
  g_assert_cmpint (minimum, <=, 360);
  gtk_window_destroy (find_toplevel (AFTERCARE_TYPE_SESSION_EDITOR));
  gtk_widget_activate_action (GTK_WIDGET (aftercare_sessions_view_get_page (view)), "session.check-in", NULL);
  gtk_widget_measure (adw_window_get_content (find_toplevel (AFTERCARE_TYPE_CHECKIN_DIALOG)),
                      GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  g_test_message ("The check-in dialog needs %d px", minimum);
  g_assert_cmpint (minimum, <=, 360);
}

static gboolean
is_folded (gpointer view)
{
  AdwLeaflet *leaflet = child (view, AFTERCARE_TYPE_SESSIONS_VIEW, "leaflet");

  return adw_leaflet_get_folded (leaflet);
}

static gboolean
is_unfolded (gpointer view)
{
  return !is_folded (view);
}

/* The label of a row titled title, as it is laid out. */
static GtkWidget *
find_row_title_label (GtkWidget *root, const char *title)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect (root, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_label (labels->pdata[i]), title) == 0 &&
        gtk_widget_get_ancestor (labels->pdata[i], ADW_TYPE_ACTION_ROW) != NULL)
      return labels->pdata[i];
  g_error ("No row title “%s”", title);
}

static void
narrow_layout_test (AftercareWindow *window, gpointer data)
{
  AftercareSessionsView *view = sessions_view (window);
  AftercareSessionPage *page = aftercare_sessions_view_get_page (view);
  GType t = AFTERCARE_TYPE_SESSION_PAGE;
  AftercareSessionEditor *editor;
  GtkWidget *pressure;
  int natural;

  /* On a phone, the page's header has no room for the massage's name: the
   * name heads the page instead, whole. */
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 720);
  wait_until (is_folded, view, "the sessions fold");
  gtk_widget_activate_action (GTK_WIDGET (view), "sessions.open", "s", "");
  gui_test_run_loop (100);
  g_assert_true (gtk_widget_get_visible (child (page, t, "heading_box")));
  g_assert_cmpstr (gtk_label_get_label (child (page, t, "heading_title")), ==, "Myofascial release · moderate pressure");
  g_assert_false (gtk_widget_get_visible (child (page, t, "window_title")));
  /* Printing is in the page's menu; the header keeps Check In. */
  g_assert_false (gtk_widget_get_visible (child (page, t, "print_button")));
  g_assert_true (gtk_widget_get_visible (child (page, t, "check_in_button")));

  /* The editor's row titles stay whole beside the pressure choices. */
  editor = open_editor (window);
  gtk_window_set_default_size (GTK_WINDOW (editor), 360, 720);
  gui_test_run_loop (200);
  pressure = find_row_title_label (GTK_WIDGET (editor), "Pressure");
  gtk_widget_measure (pressure, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  g_assert_cmpint (gtk_widget_get_width (pressure), >=, natural);
  gtk_window_destroy (GTK_WINDOW (editor));

  /* Wide, the header has it all again. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 720);
  wait_until (is_unfolded, view, "the sessions unfold");
  g_assert_false (gtk_widget_get_visible (child (page, t, "heading_box")));
  g_assert_true (gtk_widget_get_visible (child (page, t, "window_title")));
  g_assert_true (gtk_widget_get_visible (child (page, t, "print_button")));
}

static void
test_narrow_page_heads_with_the_massage (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (sessions, make_session (3, AFTERCARE_MASSAGE_MYOFASCIAL_RELEASE, AFTERCARE_PRESSURE_MODERATE, ""));
  store_sessions (f, sessions, NULL);
  run_app (f, narrow_layout_test, NULL);
}

static void
test_fits_360_pixels (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (sessions, make_session (3, AFTERCARE_MASSAGE_MYOFASCIAL_RELEASE, AFTERCARE_PRESSURE_MODERATE,
                                           "Jordan Avery-Featherstonehaugh"));
  store_sessions (f, sessions, NULL);
  run_app (f, narrow_test, NULL);
}

/* What Tab (or Shift+Tab, backwards) does with the focus in the list: the
 * list's own shortcut for it, run from the focused row. */
static void
press_tab_in_list (GtkListView *list, GtkDirectionType direction)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (list));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
          GVariant *args = gtk_shortcut_get_arguments (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == GDK_KEY_Tab &&
              args != NULL && g_variant_get_int32 (args) == (int) direction)
            {
              g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                                           GTK_WIDGET (list), args));
              return;
            }
        }
    }
  g_error ("The list has no shortcut for Tab");
}

static gboolean
focus_is_in (AftercareWindow *window, gpointer widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* Whether widget shows something that can take the keyboard: a page that
 * is still being laid out or filled in has nothing for Tab to reach. */
static gboolean
has_drawn_focusable (gpointer widget)
{
  g_autoptr(GPtrArray) widgets = g_ptr_array_new ();

  collect (widget, GTK_TYPE_WIDGET, widgets);
  for (guint i = 0; i < widgets->len; i++)
    {
      GtkWidget *w = widgets->pdata[i];

      if (gtk_widget_get_focusable (w) && gtk_widget_is_drawable (w) && gtk_widget_is_sensitive (w) &&
          gtk_widget_get_width (w) > 0)
        return TRUE;
    }
  return FALSE;
}

/* Asserts that the keyboard is within widget, naming where it is if not. */
static void
assert_focus_in (AftercareWindow *window, gpointer widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  if (!focus_is_in (window, widget))
    g_error ("The keyboard is on %s (in %s), not within %s", focus ? G_OBJECT_TYPE_NAME (focus) : "nothing",
             focus && gtk_widget_get_parent (focus) ? G_OBJECT_TYPE_NAME (gtk_widget_get_parent (focus)) : "nothing",
             G_OBJECT_TYPE_NAME (widget));
}

static void
tab_leaves_list_test (AftercareWindow *window, gpointer data)
{
  AftercareSessionsView *view = sessions_view (window);
  GtkListView *list = aftercare_sessions_view_get_list_view (view);
  AftercareSessionPage *page = aftercare_sessions_view_get_page (view);

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 720);
  wait_until (is_unfolded, view, "the sessions unfold");
  wait_until (has_drawn_focusable, page, "the page beside the list is drawn");
  gui_test_run_loop (100);
  /* The window opens with the keyboard on the chosen row. */
  assert_focus_in (window, list);
  /* Tab goes on to the page beside the list, not to the next of 40 rows. */
  press_tab_in_list (list, GTK_DIR_TAB_FORWARD);
  assert_focus_in (window, page);
  /* And Shift+Tab from the list goes back before it, to the list's header. */
  /* (The row's list item is what takes the keyboard.) */
  gtk_widget_grab_focus (gtk_widget_get_parent (GTK_WIDGET (find_session_row (window, "Swedish · light pressure"))));
  g_assert_true (focus_is_in (window, list));
  press_tab_in_list (list, GTK_DIR_TAB_BACKWARD);
  g_assert_false (focus_is_in (window, list));
  g_assert_true (focus_is_in (window, child (view, AFTERCARE_TYPE_SESSIONS_VIEW, "list_pane")));
}

static void
test_tab_leaves_the_list (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func (g_object_unref);

  for (int i = 0; i < 40; i++)
    g_ptr_array_add (sessions, make_session (3 + i, i == 1 ? AFTERCARE_MASSAGE_SWEDISH : AFTERCARE_MASSAGE_THAI,
                                             AFTERCARE_PRESSURE_LIGHT, ""));
  store_sessions (f, sessions, NULL);
  run_app (f, tab_leaves_list_test, NULL);
}

static void
test_delete_and_undo (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (sessions, make_session (3, AFTERCARE_MASSAGE_SPORTS, AFTERCARE_PRESSURE_MODERATE, ""));
  g_ptr_array_add (sessions, make_session (40, AFTERCARE_MASSAGE_SWEDISH, AFTERCARE_PRESSURE_LIGHT, "Ana"));
  store_sessions (f, sessions, NULL);
  run_app (f, delete_and_undo_test, NULL);
}

/* ---- Edit a massage and a check-in --------------------------------------------- */

static void
edit_test (AftercareWindow *window, gpointer data)
{
  AftercareSessionsView *view = sessions_view (window);
  AftercareSessionPage *page = aftercare_sessions_view_get_page (view);
  AftercareTimelineView *timeline = aftercare_session_page_get_timeline (page);
  GType t = AFTERCARE_TYPE_SESSION_EDITOR;
  AftercareSessionEditor *editor;
  AftercareCheckinDialog *dialog;
  AftercareSessionRow *row;
  GtkListBox *checkins;
  GtkWidget *first;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "session.edit", NULL));
  editor = find_toplevel (AFTERCARE_TYPE_SESSION_EDITOR);
  g_assert_nonnull (editor);
  /* It opens with what was logged. */
  g_assert_cmpstr (gtk_editable_get_text (child (editor, t, "client_row")), ==, "Ana");
  g_assert_cmpuint (adw_combo_row_get_selected (child (editor, t, "type_row")), ==, AFTERCARE_MASSAGE_SWEDISH);
  gtk_editable_set_text (child (editor, t, "client_row"), "Ana Lima");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  gui_test_run_loop (100);

  /* The row and the page show the change; the end time is untouched. */
  row = find_session_row (window, "Swedish · light pressure");
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (gtk_label_get_label (child (row, AFTERCARE_TYPE_SESSION_ROW, "subtitle_label")),
                            "Ana Lima"));
  g_assert_cmpstr (aftercare_session_get_client (aftercare_session_page_get_session (page)), ==, "Ana Lima");
  g_assert_cmpuint (aftercare_timeline_view_get_n_points (timeline), ==, 2);

  /* A check-in, from its row on the page: the newest is listed first. */
  checkins = child (page, AFTERCARE_TYPE_SESSION_PAGE, "checkins_list");
  first = gtk_widget_get_first_child (GTK_WIDGET (checkins));
  g_signal_emit_by_name (checkins, "row-activated", first);
  dialog = find_toplevel (AFTERCARE_TYPE_CHECKIN_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpfloat (gtk_range_get_value (child (child (dialog, AFTERCARE_TYPE_CHECKIN_DIALOG, "feeling_form"), AFTERCARE_TYPE_FEELING_FORM, "soreness_scale")), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "checkin.delete", NULL));
  gui_test_run_loop (100);
  g_assert_null (find_toplevel (AFTERCARE_TYPE_CHECKIN_DIALOG));
  g_assert_cmpuint (aftercare_timeline_view_get_n_points (timeline), ==, 1);
  g_assert_cmpint (aftercare_assessment_get_soreness (aftercare_session_page_get_assessment (page)), ==, 3);
  g_assert_true (g_str_has_prefix (toast_title (window), "Check-in of "));
  g_assert_true (g_str_has_suffix (toast_title (window), " deleted"));

  /* Its toast's Undo puts it back, and the toast goes. */
  press_toast_undo (window);
  g_assert_cmpuint (aftercare_timeline_view_get_n_points (timeline), ==, 2);
  g_assert_cmpint (aftercare_assessment_get_soreness (aftercare_session_page_get_assessment (page)), ==, 1);
  wait_until (no_undo_toast, window, "the undone toast goes");
}

static void
test_edit_a_massage_and_a_check_in (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) checkins = g_ptr_array_new_with_free_func (g_object_unref);
  AftercareSession *session = make_session (30, AFTERCARE_MASSAGE_SWEDISH, AFTERCARE_PRESSURE_LIGHT, "Ana");
  GDateTime *ended = aftercare_session_get_ended_at (session);
  g_autoptr(GDateTime) at_2h = g_date_time_add_hours (ended, 2);
  g_autoptr(GDateTime) at_20h = g_date_time_add_hours (ended, 20);

  g_ptr_array_add (sessions, session);
  g_ptr_array_add (checkins, aftercare_checkin_new (aftercare_session_get_id (session), at_2h, 3, 0));
  g_ptr_array_add (checkins, aftercare_checkin_new (aftercare_session_get_id (session), at_20h, 1, 0));
  store_sessions (f, sessions, checkins);
  run_app (f, edit_test, NULL);
}

/* ---- "Can I Run?" for the massage on show --------------------------------------- */

static void
page_runs_wizard_test (AftercareWindow *window, gpointer data)
{
  AftercareSession *older = data;
  AftercareSessionsView *view = sessions_view (window);
  AftercareSessionPage *page = aftercare_sessions_view_get_page (view);
  AftercareWizard *wizard = aftercare_window_get_wizard (window);
  GType w = AFTERCARE_TYPE_WIZARD;
  GtkWidget *button = child (page, AFTERCARE_TYPE_SESSION_PAGE, "assess_button");
  AftercareVerdictPage *verdict;
  GtkRoot *root = GTK_ROOT (window);

  /* The older of the two (the second), chosen in the list. */
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gtk_list_view_get_model (aftercare_sessions_view_get_list_view (view))), 1);
  g_assert_cmpstr (aftercare_session_get_id (aftercare_session_page_get_session (page)), ==,
                   aftercare_session_get_id (older));
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "session.assess");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "session.assess", NULL));
  gui_test_run_loop (100);
  /* The wizard, with that massage picked, asking how you feel now. */
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (child (window, AFTERCARE_TYPE_WINDOW, "stack")), ==,
                   "can-i-run");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (wizard, w, "steps")), ==, "feeling");
  g_assert_true (adw_expander_row_get_enable_expansion (child (wizard, w, "use_session_row")));
  g_assert_cmpstr (aftercare_session_get_id (adw_combo_row_get_selected_item (child (wizard, w, "session_row"))), ==,
                   aftercare_session_get_id (older));
  g_assert_true (gtk_root_get_focus (root) == child (child (wizard, w, "feeling_form"), AFTERCARE_TYPE_FEELING_FORM, "soreness_scale"));

  /* Its verdict is about that massage. */
  gtk_range_set_value (child (child (wizard, w, "feeling_form"), AFTERCARE_TYPE_FEELING_FORM, "soreness_scale"), 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.next", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.next", NULL));
  verdict = aftercare_wizard_get_verdict_page (wizard);
  g_assert_nonnull (verdict);
  g_assert_cmpstr (aftercare_session_get_id (aftercare_verdict_page_get_session (verdict)), ==,
                   aftercare_session_get_id (older));
  /* Back leads to the first step, where the pick can be changed. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.back", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.back", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.back", NULL));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (wizard, w, "steps")), ==, "massage");
  g_assert_false (gtk_widget_get_visible (child (wizard, w, "massage_group")));
}

static void
test_session_page_runs_the_wizard (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (sessions, make_session (3, AFTERCARE_MASSAGE_SPORTS, AFTERCARE_PRESSURE_MODERATE, ""));
  g_ptr_array_add (sessions, make_session (30, AFTERCARE_MASSAGE_DEEP_TISSUE, AFTERCARE_PRESSURE_DEEP, "Ana"));
  store_sessions (f, sessions, NULL);
  run_app (f, page_runs_wizard_test, sessions->pdata[1]);
}

/* ---- Search ------------------------------------------------------------------ */

static void
search_test (AftercareWindow *window, gpointer data)
{
  AftercareSessionsView *view = sessions_view (window);
  GtkListView *list = aftercare_sessions_view_get_list_view (view);
  GListModel *shown = G_LIST_MODEL (gtk_list_view_get_model (list));
  GtkEditable *entry = child (view, AFTERCARE_TYPE_SESSIONS_VIEW, "search_entry");
  GtkStack *list_stack = child (view, AFTERCARE_TYPE_SESSIONS_VIEW, "list_stack");

  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 3);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "sessions.search", NULL));
  /* By client, whatever the case. */
  gtk_editable_set_text (entry, "jordan");
  gui_test_run_loop (300);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 2);
  /* And whatever the accents. */
  gtk_editable_set_text (entry, "ÁVERY");
  gui_test_run_loop (300);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 2);
  /* By type. */
  gtk_editable_set_text (entry, "Swedish");
  gui_test_run_loop (300);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  g_assert_nonnull (find_session_row (window, "Swedish · light pressure"));
  gtk_editable_set_text (entry, "nobody");
  gui_test_run_loop (300);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (list_stack), ==, "no-results");
  /* Leaving the search shows them all. */
  gtk_search_bar_set_search_mode (child (view, AFTERCARE_TYPE_SESSIONS_VIEW, "search_bar"), FALSE);
  gui_test_run_loop (300);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 3);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (list_stack), ==, "list");
}

static void
test_search_by_client_or_type (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (sessions, make_session (3, AFTERCARE_MASSAGE_SPORTS, AFTERCARE_PRESSURE_MODERATE, "Jordan Avery"));
  g_ptr_array_add (sessions, make_session (30, AFTERCARE_MASSAGE_SWEDISH, AFTERCARE_PRESSURE_LIGHT, "Ana"));
  g_ptr_array_add (sessions, make_session (50, AFTERCARE_MASSAGE_THAI, AFTERCARE_PRESSURE_DEEP, "Jordan Avery"));
  store_sessions (f, sessions, NULL);
  run_app (f, search_test, NULL);
}

/* ---- The verdict follows the clock ----------------------------------------- */

typedef struct {
  AftercareSessionPage *page;
  AftercareVerdict verdict;
} VerdictWait;

static gboolean
page_verdict_is (gpointer data)
{
  VerdictWait *w = data;
  AftercareAssessment *assessment = aftercare_session_page_get_assessment (w->page);

  return assessment != NULL && aftercare_assessment_get_verdict (assessment) == w->verdict;
}

static gboolean
row_verdict_is_easy_run (gpointer row)
{
  return aftercare_session_row_get_verdict (row) == AFTERCARE_VERDICT_EASY_RUN;
}

static void
boundary_test (AftercareWindow *window, gpointer data)
{
  AftercareSession *stored = data;
  AftercareSessionPage *page = aftercare_sessions_view_get_page (sessions_view (window));
  g_autoptr(GDateTime) just_before = g_date_time_add_seconds (aftercare_session_get_ended_at (stored), 12 * 3600 - 1.5);
  VerdictWait wait = { page, AFTERCARE_VERDICT_WAIT };
  AftercareSessionRow *row;
  gint64 started;

  /* Deep pressure: no running until 12 hours after; then an easy run. */
  aftercare_clock_set_now (aftercare_window_get_clock (window), just_before);
  gui_test_run_loop (50);
  g_assert_true (page_verdict_is (&wait));
  row = find_session_row (window, "Deep tissue · deep pressure");
  g_assert_cmpint (aftercare_session_row_get_verdict (row), ==, AFTERCARE_VERDICT_WAIT);

  /* Nobody touches anything: the boundary passes, the page follows. */
  started = g_get_monotonic_time ();
  wait.verdict = AFTERCARE_VERDICT_EASY_RUN;
  wait_until (page_verdict_is, &wait, "the verdict changes at 12 hours");
  g_assert_cmpint (g_get_monotonic_time () - started, <, 4 * G_USEC_PER_SEC);
  /* The row has a timer of its own: it follows within moments. */
  wait_until (row_verdict_is_easy_run, row, "the row's verdict changes at 12 hours");
  g_assert_cmpint (g_get_monotonic_time () - started, <, 4 * G_USEC_PER_SEC);
  g_assert_cmpint (aftercare_assessment_get_phase (aftercare_session_page_get_assessment (page)), ==,
                   AFTERCARE_PHASE_FIRST_RUN);
}

static void
test_verdict_updates_when_a_phase_ends (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (sessions, make_session (20, AFTERCARE_MASSAGE_DEEP_TISSUE, AFTERCARE_PRESSURE_DEEP, ""));
  store_sessions (f, sessions, NULL);
  run_app (f, boundary_test, sessions->pdata[0]);
}

/* ---- After the window, red flags and the moment ------------------------------- */

/* Ids that sort first and last; the digit at the end tells sessions apart. */
#define LOW_ID  "00000000-0000-4000-8000-00000000000%u"
#define HIGH_ID "ffffffff-ffff-4fff-bfff-fffffffffff%u"

static AftercareSessionRow *
row_for_session (AftercareWindow *window, AftercareSession *session)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect (GTK_WIDGET (aftercare_sessions_view_get_list_view (sessions_view (window))),
           AFTERCARE_TYPE_SESSION_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      AftercareSession *shown = aftercare_session_row_get_session (rows->pdata[i]);

      if (shown != NULL && g_str_equal (aftercare_session_get_id (shown), aftercare_session_get_id (session)))
        return rows->pdata[i];
    }
  g_error ("No row for %s", aftercare_session_get_id (session));
}

static const char *
row_label (AftercareSessionRow *row, const char *name)
{
  GtkWidget *label = child (row, AFTERCARE_TYPE_SESSION_ROW, name);

  return gtk_widget_get_visible (label) ? gtk_label_get_label (GTK_LABEL (label)) : NULL;
}

static void
select_session (AftercareWindow *window, guint position)
{
  GtkListView *list = aftercare_sessions_view_get_list_view (sessions_view (window));

  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gtk_list_view_get_model (list)), position);
  gui_test_run_loop (50);
}

static const char *
page_label (AftercareSessionPage *page, const char *name)
{
  GtkWidget *label = child (page, AFTERCARE_TYPE_SESSION_PAGE, name);

  return gtk_widget_get_visible (label) ? gtk_label_get_label (GTK_LABEL (label)) : NULL;
}

/* The text of a tooltip the window shows, or NULL: GTK 4.8 shows a
 * tooltip in a popup made a child of the window. */
static const char *
shown_tooltip (GtkWidget *window)
{
  for (GtkWidget *child = gtk_widget_get_first_child (window); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (g_str_equal (G_OBJECT_TYPE_NAME (child), "GtkTooltipWindow") && gtk_widget_get_mapped (child))
      for (GtkWidget *w = child; w != NULL; w = gtk_widget_get_first_child (w))
        {
          for (GtkWidget *label = w; label != NULL; label = gtk_widget_get_next_sibling (label))
            if (GTK_IS_LABEL (label) && gtk_widget_get_visible (label) && *gtk_label_get_text (GTK_LABEL (label)) != '\0')
              return gtk_label_get_text (GTK_LABEL (label));
        }
  return NULL;
}

static gboolean
tooltip_shown (gpointer window)
{
  return shown_tooltip (window) != NULL;
}

static void
recovery_test (AftercareWindow *window, gpointer data)
{
  GPtrArray *sessions = data;
  AftercareSessionPage *page = aftercare_sessions_view_get_page (sessions_view (window));
  GType t = AFTERCARE_TYPE_SESSION_PAGE;
  g_autoptr(GDateTime) now = fixed_now ();
  AftercareSessionRow *recovered, *flagged;

  aftercare_clock_set_now (aftercare_window_get_clock (window), now);
  gui_test_run_loop (100);

  /* Three weeks on and calm: Recovered, in a quiet badge, not Train. */
  recovered = row_for_session (window, sessions->pdata[3]);
  g_assert_cmpstr (row_label (recovered, "badge"), ==, "Recovered");
  g_assert_true (gtk_widget_has_css_class (child (recovered, AFTERCARE_TYPE_SESSION_ROW, "badge"), "neutral"));
  g_assert_false (gtk_widget_has_css_class (child (recovered, AFTERCARE_TYPE_SESSION_ROW, "badge"), "success"));
  g_assert_null (row_label (recovered, "last_checkin_label"));
  /* Numbness three days ago keeps its flag, and says when it was. */
  flagged = row_for_session (window, sessions->pdata[2]);
  g_assert_cmpint (aftercare_session_row_get_verdict (flagged), ==, AFTERCARE_VERDICT_SEEK_CARE);
  g_assert_cmpstr (row_label (flagged, "last_checkin_label"), ==, "Last check-in 42 hours ago");
  /* Its badge tells what the flag means: to a screen reader, and in a
   * tooltip to a pointer resting on it. */
  gtk_test_accessible_assert_property (child (flagged, AFTERCARE_TYPE_SESSION_ROW, "badge"),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       aftercare_verdict_get_title (AFTERCARE_VERDICT_SEEK_CARE));
  pointer_move_to (child (flagged, AFTERCARE_TYPE_SESSION_ROW, "badge"));
  wait_until (tooltip_shown, window, "the badge's tooltip shows");
  g_assert_cmpstr (shown_tooltip (GTK_WIDGET (window)), ==, aftercare_verdict_get_title (AFTERCARE_VERDICT_SEEK_CARE));
  /* Calm and unwell at one instant: unwell, whichever row comes first. */
  for (guint i = 0; i < 2; i++)
    g_assert_cmpint (aftercare_session_row_get_verdict (row_for_session (window, sessions->pdata[i])), ==,
                     AFTERCARE_VERDICT_SEEK_CARE);

  select_session (window, 3);
  g_assert_cmpstr (page_label (page, "verdict_title"), ==, "Recovered");
  g_assert_true (gtk_widget_has_css_class (child (page, t, "verdict_card"), "neutral"));
  g_assert_false (gtk_widget_get_visible (child (page, t, "next_checkin_row")));
  g_assert_null (page_label (page, "last_checkin_label"));

  select_session (window, 2);
  g_assert_cmpstr (page_label (page, "verdict_title"), ==, aftercare_verdict_get_title (AFTERCARE_VERDICT_SEEK_CARE));
  g_assert_true (gtk_widget_has_css_class (child (page, t, "verdict_card"), "error"));
  g_assert_false (gtk_widget_has_css_class (child (page, t, "verdict_card"), "neutral"));
  g_assert_cmpstr (page_label (page, "last_checkin_label"), ==, "Last check-in 42 hours ago");
  g_assert_true (gtk_widget_get_visible (child (page, t, "next_checkin_row")));

  /* The timeline plots the moment once, at its worst. */
  for (guint i = 0; i < 2; i++)
    {
      AftercareTimelineView *timeline = aftercare_session_page_get_timeline (page);

      select_session (window, i);
      g_assert_cmpint (aftercare_assessment_get_verdict (aftercare_session_page_get_assessment (page)), ==,
                       AFTERCARE_VERDICT_SEEK_CARE);
      g_assert_cmpuint (aftercare_timeline_view_get_n_points (timeline), ==, 1);
      g_assert_nonnull (strstr (aftercare_timeline_view_get_point_tooltip (timeline, 0), "Numbness"));
    }
}

static void
add_calm_and_unwell (GPtrArray *checkins, AftercareSession *session, gboolean calm_first)
{
  g_autoptr(GDateTime) at = g_date_time_add_hours (aftercare_session_get_ended_at (session), 4);
  g_autofree char *low = g_strdup_printf (LOW_ID, calm_first ? 1 : 2);
  g_autofree char *high = g_strdup_printf (HIGH_ID, calm_first ? 1 : 2);
  AftercareCheckin *calm = aftercare_checkin_new (aftercare_session_get_id (session), at, 0, 0);
  AftercareCheckin *unwell = aftercare_checkin_new (aftercare_session_get_id (session), at, 1,
                                                    AFTERCARE_SYMPTOM_FEVER | AFTERCARE_SYMPTOM_NUMBNESS);

  /* The store breaks a tie by id: these put either first. */
  aftercare_checkin_set_id (calm, calm_first ? low : high);
  aftercare_checkin_set_id (unwell, calm_first ? high : low);
  g_ptr_array_add (checkins, calm);
  g_ptr_array_add (checkins, unwell);
}

static void
add_checkin_after (GPtrArray *checkins, AftercareSession *session, int hours, guint soreness,
                   AftercareSymptoms symptoms)
{
  g_autoptr(GDateTime) at = g_date_time_add_hours (aftercare_session_get_ended_at (session), hours);

  g_ptr_array_add (checkins, aftercare_checkin_new (aftercare_session_get_id (session), at, soreness, symptoms));
}

/* A massage logged from the wizard has no duration (0, "not entered"): the
 * page shows none, and the editor saves it as it is. */
static void
no_duration_test (AftercareWindow *window, gpointer data)
{
  AftercareSessionPage *page = aftercare_sessions_view_get_page (sessions_view (window));
  GType t = AFTERCARE_TYPE_SESSION_EDITOR;
  AftercareSessionEditor *editor;
  GtkEditable *duration;

  select_session (window, 0);
  g_assert_false (gtk_widget_get_visible (child (page, AFTERCARE_TYPE_SESSION_PAGE, "duration_row")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "session.edit", NULL));
  editor = find_toplevel (AFTERCARE_TYPE_SESSION_EDITOR);
  g_assert_nonnull (editor);
  duration = child (editor, t, "duration_spin");
  g_assert_cmpstr (gtk_editable_get_text (duration), ==, "");
  g_assert_true (can_save (editor, t));
  /* A typed duration is still whole minutes, at least one. */
  gtk_editable_set_text (duration, "0");
  g_assert_false (can_save (editor, t));
  g_assert_nonnull (strstr (gtk_label_get_label (child (editor, t, "when_error_label")), "Duration"));
  gtk_editable_set_text (duration, "");
  g_assert_true (can_save (editor, t));
  gtk_editable_set_text (child (editor, t, "client_row"), "Ana Lima");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  gui_test_run_loop (100);
  g_assert_cmpstr (aftercare_session_get_client (aftercare_session_page_get_session (page)), ==, "Ana Lima");
  g_assert_cmpuint (aftercare_session_get_duration_minutes (aftercare_session_page_get_session (page)), ==, 0);
  g_assert_false (gtk_widget_get_visible (child (page, AFTERCARE_TYPE_SESSION_PAGE, "duration_row")));
}

static void
test_session_without_duration (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func (g_object_unref);
  AftercareSession *session = make_session (20, AFTERCARE_MASSAGE_SWEDISH, AFTERCARE_PRESSURE_LIGHT, "Ana");

  aftercare_session_set_duration_minutes (session, 0);
  g_ptr_array_add (sessions, session);
  store_sessions (f, sessions, NULL);
  run_app (f, no_duration_test, NULL);
}

/* "Can I Run?" on a massage whose latest check-in reported pins and needles
 * starts from that check-in (the two made at its instant as one, their
 * worst reading): two presses of Next cannot turn it into an easy run. */
static void
wizard_from_checkin_test (AftercareWindow *window, gpointer data)
{
  AftercareSessionPage *page = aftercare_sessions_view_get_page (sessions_view (window));
  AftercareWizard *wizard = aftercare_window_get_wizard (window);
  GType w = AFTERCARE_TYPE_WIZARD;
  AftercareFeelingForm *form = child (wizard, w, "feeling_form");
  GtkLabel *note = child (wizard, w, "checkin_note_label");
  GtkWidget *next_button = child (wizard, w, "next_button");
  g_autoptr(GDateTime) now = fixed_now ();
  AftercareVerdictPage *verdict;

  aftercare_clock_set_now (aftercare_window_get_clock (window), now);
  select_session (window, 0);
  g_signal_emit_by_name (child (page, AFTERCARE_TYPE_SESSION_PAGE, "assess_button"), "clicked");
  gui_test_run_loop (50);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (wizard, w, "steps")), ==, "feeling");
  g_assert_cmpuint (aftercare_feeling_form_get_soreness (form), ==, 2);
  g_assert_cmpuint (aftercare_feeling_form_get_symptoms (form), ==, AFTERCARE_SYMPTOM_PINS_AND_NEEDLES);
  g_assert_true (gtk_check_button_get_active (find_check_row (GTK_WIDGET (wizard), "Pins and needles")));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (note)));
  /* The check-in was 14 hours before 22:30 UTC, shown in local time. */
  g_assert_cmpstr (gtk_label_get_label (note), ==, "From your check-in at 08:30 — still the same?");

  g_signal_emit_by_name (next_button, "clicked");
  g_signal_emit_by_name (next_button, "clicked");
  verdict = aftercare_wizard_get_verdict_page (wizard);
  g_assert_nonnull (verdict);
  g_assert_cmpint (aftercare_assessment_get_verdict (aftercare_verdict_page_get_assessment (verdict)), ==,
                   AFTERCARE_VERDICT_SEEK_CARE);

  /* A fresh start, and one from the reference, start blank. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.start-over", NULL));
  g_assert_cmpuint (aftercare_feeling_form_get_soreness (form), ==, 0);
  g_assert_cmpuint (aftercare_feeling_form_get_symptoms (form), ==, AFTERCARE_SYMPTOM_NONE);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (note)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.assess-type", "s", "swedish"));
  g_assert_cmpuint (aftercare_feeling_form_get_symptoms (form), ==, AFTERCARE_SYMPTOM_NONE);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (note)));
}

static void
test_wizard_starts_from_latest_checkin (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) checkins = g_ptr_array_new_with_free_func (g_object_unref);
  AftercareSession *session = make_session (20, AFTERCARE_MASSAGE_SWEDISH, AFTERCARE_PRESSURE_LIGHT, "");

  g_ptr_array_add (sessions, session);
  add_checkin_after (checkins, session, 2, 3, AFTERCARE_SYMPTOM_NONE);
  add_checkin_after (checkins, session, 6, 1, AFTERCARE_SYMPTOM_NONE);
  add_checkin_after (checkins, session, 6, 2, AFTERCARE_SYMPTOM_PINS_AND_NEEDLES);
  store_sessions (f, sessions, checkins);
  run_app (f, wizard_from_checkin_test, NULL);
}

static GPtrArray *
recovery_sessions (GPtrArray *checkins)
{
  GPtrArray *sessions = g_ptr_array_new_with_free_func (g_object_unref);

  /* Newest first, as the list shows them. */
  g_ptr_array_add (sessions, make_session (5, AFTERCARE_MASSAGE_THAI, AFTERCARE_PRESSURE_MODERATE, ""));
  g_ptr_array_add (sessions, make_session (6, AFTERCARE_MASSAGE_THAI, AFTERCARE_PRESSURE_MODERATE, ""));
  g_ptr_array_add (sessions, make_session (72, AFTERCARE_MASSAGE_DEEP_TISSUE, AFTERCARE_PRESSURE_DEEP, ""));
  g_ptr_array_add (sessions, make_session (21 * 24, AFTERCARE_MASSAGE_SPORTS, AFTERCARE_PRESSURE_LIGHT, ""));
  add_calm_and_unwell (checkins, sessions->pdata[0], TRUE);
  add_calm_and_unwell (checkins, sessions->pdata[1], FALSE);
  add_checkin_after (checkins, sessions->pdata[2], 30, 1, AFTERCARE_SYMPTOM_NUMBNESS);
  add_checkin_after (checkins, sessions->pdata[3], 30, 1, 0);
  return sessions;
}

static void
test_recovered_and_red_flags (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) checkins = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) sessions = recovery_sessions (checkins);

  store_sessions (f, sessions, checkins);
  run_app (f, recovery_test, sessions);
}

static GtkAdjustment *
page_scroll (AftercareSessionPage *page)
{
  return gtk_scrolled_window_get_vadjustment (child (page, AFTERCARE_TYPE_SESSION_PAGE, "scroller"));
}

static double
scroll_to_bottom (AftercareSessionPage *page)
{
  gtk_adjustment_set_value (page_scroll (page), gtk_adjustment_get_upper (page_scroll (page)));
  return gtk_adjustment_get_value (page_scroll (page));
}

/* Another massage, or the same one opened again on a phone, is read from
 * its top: the verdict card first. */
static void
top_test (AftercareWindow *window, gpointer data)
{
  AftercareSessionsView *view = sessions_view (window);
  AftercareSessionPage *page = aftercare_sessions_view_get_page (view);
  g_autoptr(GDateTime) now = fixed_now ();

  aftercare_clock_set_now (aftercare_window_get_clock (window), now);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 600);
  wait_until (is_unfolded, view, "the sessions unfold");
  select_session (window, 2);
  gui_test_run_loop (100);
  g_assert_cmpfloat (scroll_to_bottom (page), >, 0);
  select_session (window, 3);
  gui_test_run_loop (100);
  g_assert_cmpfloat (gtk_adjustment_get_value (page_scroll (page)), ==, 0);

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 720);
  wait_until (is_folded, view, "the sessions fold");
  select_session (window, 2);
  gtk_widget_activate_action (GTK_WIDGET (view), "sessions.open", "s", "");
  gui_test_run_loop (100);
  g_assert_cmpfloat (scroll_to_bottom (page), >, 0);
  gtk_widget_activate_action (GTK_WIDGET (view), "sessions.show-list", NULL);
  gui_test_run_loop (50);
  gtk_widget_activate_action (GTK_WIDGET (view), "sessions.open", "s", "");
  gui_test_run_loop (100);
  g_assert_cmpfloat (gtk_adjustment_get_value (page_scroll (page)), ==, 0);
}

static void
test_opening_shows_the_top (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) checkins = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) sessions = recovery_sessions (checkins);

  store_sessions (f, sessions, checkins);
  run_app (f, top_test, NULL);
}

/* ---- Your pattern and the report for the therapist ------------------------- */

static GPtrArray *
pattern_sessions (GPtrArray *checkins)
{
  GPtrArray *sessions = g_ptr_array_new_with_free_func (g_object_unref);

  /* Newest first: this one, then three of its kind a week apart. */
  for (guint i = 0; i < 4; i++)
    {
      g_ptr_array_add (sessions, make_session (20 + 24 * 7 * i, AFTERCARE_MASSAGE_DEEP_TISSUE,
                                               AFTERCARE_PRESSURE_DEEP, ""));
      add_checkin_after (checkins, sessions->pdata[i], 3, 3 + i % 2, 0);
      add_checkin_after (checkins, sessions->pdata[i], 18, 5 + i % 2, i == 0 ? AFTERCARE_SYMPTOM_BRUISING : 0);
      if (i > 0)
        add_checkin_after (checkins, sessions->pdata[i], 40, 2, 0);
    }
  return sessions;
}

static void
report_test (AftercareWindow *window, gpointer data)
{
  Fixture *f = data;
  AftercareSessionsView *view = sessions_view (window);
  AftercareSessionPage *page = aftercare_sessions_view_get_page (view);
  g_autoptr(GDateTime) now = fixed_now ();
  /* The file's name is suggested; the folder is chosen. */
  g_autofree char *pdf = g_build_filename (f->dir, "Report for the therapist.pdf", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (f->dir);
  g_autofree char *text = NULL;
  const char *caption;
  GtkFileChooser *chooser;

  aftercare_clock_set_now (aftercare_window_get_clock (window), now);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  wait_until (is_unfolded, view, "the sessions unfold");
  select_session (window, 0);
  gui_test_run_loop (100);

  /* The timeline shows yours beside the usual band, from the three before. */
  g_assert_true (aftercare_timeline_view_get_has_pattern (aftercare_session_page_get_timeline (page)));
  caption = page_label (page, "pattern_caption");
  g_assert_nonnull (caption);
  g_assert_nonnull (strstr (caption, "You, after Deep tissue · deep pressure: usually 6/10 12 to 24 hours after, "
                                     "mild by about 40 hours, from 3 massages."));

  /* Save Report as PDF, from the page's menu: the chooser, then the file. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "session.save-report-pdf", "u", 1));
  chooser = aftercare_sheet_print_get_dialog (GTK_WINDOW (window));
  g_assert_nonnull (chooser);
  gui_test_run_loop (300);          /* the folder read */
  g_assert_true (gtk_file_chooser_set_current_folder (chooser, folder, NULL));
  gui_test_run_loop (200);
  g_signal_emit_by_name (chooser, "response", GTK_RESPONSE_ACCEPT);
  gui_test_run_loop (100);
  g_assert_null (aftercare_sheet_print_get_dialog (GTK_WINDOW (window)));
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  text = pdf_text (pdf);
  g_assert_nonnull (strstr (text, "How I recovered"));
  g_assert_nonnull (strstr (text, "Sore 5/10 12 to 24 hours after, with bruising; still 5/10 at the last check-in, "
                                  "18 hours after."));
  g_assert_nonnull (strstr (text, "from 3 massages"));
  g_remove (pdf);
}

static void
test_pattern_and_report_on_the_page (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) checkins = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) sessions = pattern_sessions (checkins);

  store_sessions (f, sessions, checkins);
  run_app (f, report_test, f);
}

/* ---- Export… and Import… ---------------------------------------------------- */

static const char *
last_toast (AftercareWindow *window)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GType toast_widget = g_type_from_name ("AdwToastWidget");
  const char *text = NULL;

  gui_test_run_loop (50);
  collect (child (window, AFTERCARE_TYPE_WINDOW, "toast_overlay"), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (toast_widget != 0 && gtk_widget_get_ancestor (labels->pdata[i], toast_widget) != NULL &&
        strchr (gtk_label_get_label (labels->pdata[i]), ' ') != NULL)
      text = gtk_label_get_label (labels->pdata[i]);
  return text;
}

static gboolean
progress_gone (gpointer window)
{
  return aftercare_backup_transfer_get_progress (window) == NULL;
}

static guint
n_stored (AftercareWindow *window)
{
  return g_list_model_get_n_items (aftercare_store_get_sessions (aftercare_window_get_store (window)));
}

/* Waits, without letting the window run, until the database at path holds
 * n sessions (written by another thread). */
static void
wait_for_stored (const char *path,
                 guint       n)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  for (;;)
    {
      g_autoptr(AftercareStore) reader = aftercare_store_open_for_reading (path, test_time_source (), NULL);

      if (reader != NULL && g_list_model_get_n_items (aftercare_store_get_sessions (reader)) == n)
        return;
      if (g_get_monotonic_time () > end)
        g_error ("Timed out waiting for %u sessions in %s", n, path);
      g_usleep (20 * 1000);
    }
}

static void
backup_test (AftercareWindow *window, gpointer data)
{
  Fixture *f = data;
  g_autofree char *json = g_build_filename (f->dir, "backup.json", NULL);
  g_autofree char *bad = g_build_filename (f->dir, "bad.csv", NULL);
  g_autofree char *big = g_build_filename (f->dir, "big.csv", NULL);
  g_autofree char *late = g_build_filename (f->dir, "late.csv", NULL);
  g_autoptr(GFile) late_file = g_file_new_for_path (late);
  g_autoptr(GFile) json_file = g_file_new_for_path (json);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad);
  g_autoptr(GFile) big_file = g_file_new_for_path (big);
  g_autoptr(GString) rows = g_string_new (AFTERCARE_BACKUP_CSV_HEADER "\n");
  AdwToastOverlay *toasts = child (window, AFTERCARE_TYPE_WINDOW, "toast_overlay");
  AftercareStore *store = aftercare_window_get_store (window);
  AdwMessageDialog *dialog;
  GtkFileChooser *chooser;
  g_autoptr(GFile) start = NULL;
  GStatBuf st;

  /* Export… asks where, in Documents (else home), suggesting a dated backup. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  chooser = aftercare_backup_transfer_get_chooser (GTK_WINDOW (window));
  g_assert_nonnull (chooser);
  gui_test_run_loop (200);
  start = gtk_file_chooser_get_current_folder (chooser);
  g_assert_cmpstr (g_file_peek_path (start), ==,
                   g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS) != NULL &&
                   g_file_test (g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS), G_FILE_TEST_IS_DIR)
                   ? g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS) : g_get_home_dir ());
  aftercare_backup_transfer_close (GTK_WINDOW (window));
  g_assert_null (aftercare_backup_transfer_get_chooser (GTK_WINDOW (window)));

  /* Written privately, and the toast counts it. */
  aftercare_backup_transfer_export_file (GTK_WINDOW (window), store, toasts, json_file);
  g_assert_cmpint (g_stat (json, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpstr (last_toast (window), ==, "Saved 4 massages and 11 check-ins in backup.json");

  /* Imported again: nothing new, all of it already there. */
  aftercare_backup_transfer_import_file (GTK_WINDOW (window), store, toasts, json_file);
  g_assert_nonnull (aftercare_backup_transfer_get_progress (GTK_WINDOW (window)));
  wait_until (progress_gone, window, "the import ends");
  g_assert_cmpstr (last_toast (window), ==,
                   "Nothing new: 4 massages and 11 check-ins were already there");

  /* A bad line: nothing imported, and a dialog names the line and field. */
  g_assert_true (g_file_set_contents (bad, AFTERCARE_BACKUP_CSV_HEADER "\n"
                                      ",2026-11-20T10:00:00Z,60,swedish,light,false,,,,,,,,,\n"
                                      ",2026-11-21T10:00:00Z,60,swedish,light,false,,,,,,2026-11-21T12:00:00Z,11,,\n",
                                      -1, NULL));
  aftercare_backup_transfer_import_file (GTK_WINDOW (window), store, toasts, bad_file);
  wait_until (progress_gone, window, "the import ends");
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Nothing Was Imported");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Line 3"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "soreness"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpuint (n_stored (window), ==, 4);

  /* A long file, cancelled: nothing stored. */
  for (guint i = 0; i < 40000; i++)
    g_string_append_printf (rows, ",2026-10-%02uT10:00:00Z,60,thai,moderate,false,,row %u,,,,,,,\n", 1 + i % 28, i);
  g_assert_true (g_file_set_contents (big, rows->str, rows->len, NULL));
  aftercare_backup_transfer_import_file (GTK_WINDOW (window), store, toasts, big_file);
  dialog = aftercare_backup_transfer_get_progress (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  press_button (GTK_WIDGET (dialog), "_Cancel");
  wait_until (progress_gone, window, "the import stops");
  g_assert_cmpstr (last_toast (window), ==, "Import cancelled: nothing was added");
  g_assert_cmpuint (n_stored (window), ==, 4);

  /* Not cancelled, it all comes in, counted. */
  aftercare_backup_transfer_import_file (GTK_WINDOW (window), store, toasts, big_file);
  wait_until (progress_gone, window, "the import ends");
  g_assert_cmpstr (last_toast (window), ==, "Added 40000 massages and 0 check-ins");
  g_assert_cmpuint (n_stored (window), ==, 40004);

  /* Cancel pressed once the rows are stored (the window had no turn in
   * between): they stay, and the window says so and shows them. */
  g_assert_true (g_file_set_contents (late, AFTERCARE_BACKUP_CSV_HEADER "\n"
                                      ",2026-11-23T10:00:00Z,60,swedish,light,false,,Late one,,,,,,,\n"
                                      ",2026-11-23T12:00:00Z,60,swedish,light,false,,Late two,,,,,,,\n",
                                      -1, NULL));
  aftercare_backup_transfer_import_file (GTK_WINDOW (window), store, toasts, late_file);
  dialog = aftercare_backup_transfer_get_progress (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  wait_for_stored (f->db_path, 40006);
  press_button (GTK_WIDGET (dialog), "_Cancel");
  wait_until (progress_gone, window, "the late import ends");
  g_assert_cmpstr (last_toast (window), ==, "Added 2 massages and 0 check-ins");
  g_assert_cmpuint (n_stored (window), ==, 40006);
}

static void
test_export_and_import_from_the_window (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) checkins = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) sessions = pattern_sessions (checkins);

  store_sessions (f, sessions, checkins);
  run_app (f, backup_test, f);
}

/* A figure from /proc/self/status, in KiB. */
static long
status_kib (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  g_assert_true (g_file_get_contents ("/proc/self/status", &status, NULL, NULL));
  line = strstr (status, field);
  g_assert_nonnull (line);
  return strtol (line + strlen (field), NULL, 10);
}

/* The peak resident memory starts again from what is resident now. */
static void
reset_peak (void)
{
  int fd = open ("/proc/self/clear_refs", O_WRONLY);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, "5", 1), ==, 1);
  close (fd);
}

/* Import… goes in as it is read: the window grows by about what one
 * session and the connection's cache take, not by the file. Reading the
 * whole 13 MB file first took 150 MB more. */
#define WINDOW_IMPORT_GROWTH_KIB (48 * 1024)

static void
large_import_test (AftercareWindow *window, gpointer data)
{
  Fixture *f = data;
  g_autofree char *json = g_build_filename (f->dir, "large.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (json);
  AdwToastOverlay *toasts = child (window, AFTERCARE_TYPE_WINDOW, "toast_overlay");
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  long before_kib, peak_kib;
  GStatBuf st;

  test_write_json_backup (json, 20000, 2, FALSE);
  g_assert_cmpint (g_stat (json, &st), ==, 0);
  g_assert_cmpint (st.st_size, >, 12 * 1024 * 1024);
  /* The peak from here on ("5": the high-water mark starts again). */
  reset_peak ();
  before_kib = status_kib ("VmRSS:");
  aftercare_backup_transfer_import_file (GTK_WINDOW (window), aftercare_window_get_store (window), toasts, file);
  g_assert_nonnull (aftercare_backup_transfer_get_progress (GTK_WINDOW (window)));
  wait_until (progress_gone, window, "the import ends");
  peak_kib = status_kib ("VmHWM:");
  g_assert_cmpstr (last_toast (window), ==, "Added 20000 massages and 40000 check-ins");
  g_assert_cmpuint (n_stored (window), ==, 20000);
#if defined(__SANITIZE_ADDRESS__)
  g_test_message ("grew %ld KiB under AddressSanitizer, not checked", peak_kib - before_kib);
#else
  g_test_message ("grew %ld KiB while importing a file of %" G_GINT64_FORMAT " bytes",
                  peak_kib - before_kib, (gint64) st.st_size);
  g_assert_cmpint (peak_kib - before_kib, <, WINDOW_IMPORT_GROWTH_KIB);
#endif

  /* Again with a third check-in for each: 20,000 sessions told of, one
   * by one, and the window keeps up (each used to make the reminders
   * walk the list: minutes). */
  test_write_json_backup (json, 20000, 3, FALSE);
  aftercare_backup_transfer_import_file (GTK_WINDOW (window), aftercare_window_get_store (window), toasts, file);
  wait_until (progress_gone, window, "the second import ends");
  gui_test_run_loop (100);
  g_assert_cmpstr (last_toast (window), ==,
                   "Added 0 massages and 20000 check-ins; 20000 massages and 40000 check-ins were already there");
  g_assert_cmpuint (n_stored (window), ==, 20000);
  /* The sessions run into the future: the app would stay on for their
   * reminders once the window is gone. */
  g_settings_set_boolean (settings, "reminders", FALSE);
  gui_test_run_loop (100);
}

static void
test_large_import_from_the_window (Fixture *f, gconstpointer data)
{
  run_app (f, large_import_test, f);
}

/* ---- A damaged database ------------------------------------------------------- */

static void
damaged_test (AftercareWindow *window, gpointer data)
{
  Fixture *f = data;
  GtkWidget *content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));
  g_autofree char *contents = NULL;
  AdwMessageDialog *dialog;

  /* It says so, and leaves the file as it was. */
  g_assert_null (aftercare_window_get_store (window));
  g_assert_true (AFTERCARE_IS_STORE_ERROR_PAGE (content));
  g_assert_true (g_file_get_contents (f->db_path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "This is not a database.\n");

  /* Start Fresh asks first, then moves it aside. */
  g_assert_true (gtk_widget_activate_action (content, "store-error.start-fresh", NULL));
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "start-fresh");
  gui_test_run_loop (100);
  g_assert_nonnull (aftercare_window_get_store (window));
  g_assert_true (AFTERCARE_IS_SESSIONS_VIEW (sessions_view (window)));
  g_assert_true (gtk_widget_get_ancestor (GTK_WIDGET (sessions_view (window)), AFTERCARE_TYPE_WINDOW) != NULL);
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), f->dir));
}

static gboolean
store_error_page_shows (AftercareWindow *window)
{
  return AFTERCARE_IS_STORE_ERROR_PAGE (adw_application_window_get_content (ADW_APPLICATION_WINDOW (window)));
}

/* Damage only a full read finds: the window shows the list first, checks
 * the file after its first frame, then says so; nothing was written. */
static void
late_damage_test (AftercareWindow *window, gpointer data)
{
  Fixture *f = data;
  GtkWidget *content;
  AdwMessageDialog *dialog;

  wait_until ((Condition) store_error_page_shows, window, "the check finds the damage");
  content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));

  /* Start Fresh asks first, then moves it aside, and the log starts empty. */
  g_assert_true (gtk_widget_activate_action (content, "store-error.start-fresh", NULL));
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "start-fresh");
  gui_test_run_loop (100);
  window = find_toplevel (AFTERCARE_TYPE_WINDOW);
  g_assert_nonnull (window);
  g_assert_nonnull (aftercare_window_get_store (window));
  g_assert_cmpuint (g_list_model_get_n_items (aftercare_store_get_sessions (aftercare_window_get_store (window))), ==, 0);
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), f->dir));
}

static void
test_late_damage_is_found_after_the_first_frame (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) checkins = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *before = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  gsize length;

  for (int i = 0; i < 200; i++)
    {
      AftercareSession *session = make_session (i + 2, AFTERCARE_MASSAGE_SWEDISH, AFTERCARE_PRESSURE_DEEP, "");

      g_autoptr(GDateTime) at = g_date_time_add_hours (aftercare_session_get_ended_at (session), 1);

      g_ptr_array_add (checkins, aftercare_checkin_new (aftercare_session_get_id (session), at, 3, 0));
      g_ptr_array_add (sessions, session);
    }
  store_sessions (f, sessions, checkins);
  /* The index of check-ins by id: nothing the first screen reads. */
  test_corrupt_table (f->db_path, "sqlite_autoindex_checkins_1");
  g_assert_true (g_file_get_contents (f->db_path, &contents, &length, NULL));
  before = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
  run_app (f, late_damage_test, f);

  /* The damaged file was moved aside as it was, byte for byte. */
  dir = g_dir_open (f->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".bak"))
      {
        g_autofree char *path = g_build_filename (f->dir, name, NULL);
        g_autofree char *after = NULL;

        g_clear_pointer (&contents, g_free);
        g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
        after = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
        g_assert_cmpstr (before, ==, after);
        g_clear_pointer (&before, g_free);
      }
  g_assert_null (before);
}

static void
test_damaged_database_is_kept_and_can_start_fresh (Fixture *f, gconstpointer data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint backups = 0;

  g_assert_true (g_file_set_contents (f->db_path, "This is not a database.\n", -1, NULL));
  run_app (f, damaged_test, f);

  /* The old file is still there, beside the new one, with what it held. */
  dir = g_dir_open (f->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_autofree char *contents = NULL;

      if (g_file_get_contents (path, &contents, NULL, NULL) &&
          g_strcmp0 (contents, "This is not a database.\n") == 0)
        backups++;
    }
  g_assert_cmpuint (backups, ==, 1);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/sessions/empty-list-offers-to-log-a-massage", Fixture, NULL,
              fixture_set_up, test_empty_list_offers_to_log_a_massage, fixture_tear_down);
  g_test_add ("/sessions/log-a-massage-and-check-in", Fixture, NULL,
              fixture_set_up, test_log_a_massage_and_check_in, fixture_tear_down);
  g_test_add ("/sessions/editor-refuses-bad-values", Fixture, NULL,
              fixture_set_up, test_editor_refuses_bad_values, fixture_tear_down);
  g_test_add ("/sessions/fits-360-pixels", Fixture, NULL,
              fixture_set_up, test_fits_360_pixels, fixture_tear_down);
  g_test_add ("/sessions/narrow-page-heads-with-the-massage", Fixture, NULL,
              fixture_set_up, test_narrow_page_heads_with_the_massage, fixture_tear_down);
  g_test_add ("/sessions/tab-leaves-the-list", Fixture, NULL,
              fixture_set_up, test_tab_leaves_the_list, fixture_tear_down);
  g_test_add ("/sessions/delete-and-undo", Fixture, NULL,
              fixture_set_up, test_delete_and_undo, fixture_tear_down);
  g_test_add ("/sessions/edit-a-massage-and-a-check-in", Fixture, NULL,
              fixture_set_up, test_edit_a_massage_and_a_check_in, fixture_tear_down);
  g_test_add ("/sessions/session-page-runs-the-wizard", Fixture, NULL,
              fixture_set_up, test_session_page_runs_the_wizard, fixture_tear_down);
  g_test_add ("/sessions/session-without-duration", Fixture, NULL,
              fixture_set_up, test_session_without_duration, fixture_tear_down);
  g_test_add ("/sessions/wizard-starts-from-latest-checkin", Fixture, NULL,
              fixture_set_up, test_wizard_starts_from_latest_checkin, fixture_tear_down);
  g_test_add ("/sessions/search-by-client-or-type", Fixture, NULL,
              fixture_set_up, test_search_by_client_or_type, fixture_tear_down);
  g_test_add ("/sessions/verdict-updates-when-a-phase-ends", Fixture, NULL,
              fixture_set_up, test_verdict_updates_when_a_phase_ends, fixture_tear_down);
  g_test_add ("/sessions/recovered-and-red-flags", Fixture, NULL,
              fixture_set_up, test_recovered_and_red_flags, fixture_tear_down);
  g_test_add ("/sessions/opening-shows-the-top", Fixture, NULL,
              fixture_set_up, test_opening_shows_the_top, fixture_tear_down);
  g_test_add ("/sessions/late-damage-is-found-after-the-first-frame", Fixture, NULL,
              fixture_set_up, test_late_damage_is_found_after_the_first_frame, fixture_tear_down);
  g_test_add ("/sessions/pattern-and-report-on-the-page", Fixture, NULL,
              fixture_set_up, test_pattern_and_report_on_the_page, fixture_tear_down);
  g_test_add ("/sessions/export-and-import-from-the-window", Fixture, NULL,
              fixture_set_up, test_export_and_import_from_the_window, fixture_tear_down);
  g_test_add ("/sessions/large-import-from-the-window", Fixture, NULL,
              fixture_set_up, test_large_import_from_the_window, fixture_tear_down);
  g_test_add ("/sessions/damaged-database-is-kept-and-can-start-fresh", Fixture, NULL,
              fixture_set_up, test_damaged_database_is_kept_and_can_start_fresh, fixture_tear_down);
  return g_test_run ();
}
