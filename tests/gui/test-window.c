/* test-window.c: the real application window starts, with its three views, remembers its size, fits a phone. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "aftercare-application.h"
#include "aftercare-reference-view.h"
#include "aftercare-sessions-view.h"
#include "aftercare-store.h"
#include "aftercare-window.h"
#include "aftercare-wizard.h"
#include "keyboard.h"
#include "store-test-util.h"
#include "gui-test-util.h"

typedef struct {
  AftercareApplication *app;
  gboolean checked;
} Fixture;

static gboolean
quit_cb (gpointer data)
{
  Fixture *f = data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (f->app));

  gtk_window_set_default_size (window, 700, 500);
  gtk_window_close (window);
  return G_SOURCE_REMOVE;
}

static void
activate_after_cb (GApplication *app, Fixture *f)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  AdwViewStack *stack;
  static const char *views[] = { "sessions", "can-i-run", "massage-types" };

  g_assert_true (AFTERCARE_IS_WINDOW (window));
  g_assert_cmpstr (gtk_window_get_title (window), ==, "Aftercare");
  /* The log is a file here: PostgreSQL's client library is never loaded. */
  g_assert_nonnull (aftercare_window_get_store (AFTERCARE_WINDOW (window)));
  g_assert_true (test_library_mapped ("libaftercare-core.so"));
  g_assert_false (test_library_mapped ("libpq.so"));
  g_assert_false (test_library_mapped ("libaftercare-pg.so"));
  stack = ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                         AFTERCARE_TYPE_WINDOW, "stack"));
  /* It opens on the sessions: the other views are built when first shown. */
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "sessions");
  g_assert_null (adw_bin_get_child (ADW_BIN (adw_view_stack_get_child_by_name (stack, "can-i-run"))));
  g_assert_null (adw_bin_get_child (ADW_BIN (adw_view_stack_get_child_by_name (stack, "massage-types"))));
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      GtkWidget *child = adw_view_stack_get_child_by_name (stack, views[i]);
      AdwViewStackPage *page;

      g_assert_nonnull (child);
      page = adw_view_stack_get_page (stack, child);
      g_assert_nonnull (adw_view_stack_page_get_title (page));
      g_assert_nonnull (adw_view_stack_page_get_icon_name (page));
      /* Switch to each view so it is drawn: a warning while drawing fails the test. */
      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", views[i]);
      g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, views[i]);
      if (i > 0)
        g_assert_nonnull (adw_bin_get_child (ADW_BIN (child)));
    }
  f->checked = TRUE;
  g_timeout_add (500, quit_cb, f);
}

static void
test_window_has_three_views (void)
{
  Fixture f = { 0 };
  char *argv[] = { (char *) "aftercare", NULL };
  g_autoptr(GSettings) settings = NULL;
  int status;

  f.app = aftercare_application_new ();
  /* It ends when its window closes, whatever other tests left in the log. */
  settings = g_settings_new (APP_ID);
  g_settings_set_boolean (settings, "reminders", FALSE);
  g_clear_object (&settings);
  g_signal_connect_after (f.app, "activate", G_CALLBACK (activate_after_cb), &f);
  status = g_application_run (G_APPLICATION (f.app), 1, argv);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (f.checked);

  /* The size it closed with is the size it opens with next time. */
  settings = g_settings_new (APP_ID);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 700);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 500);
  g_object_unref (f.app);
}

static void
test_version_needs_no_display (void)
{
  const char *exe = g_getenv ("AFTERCARE_EXE");
  const char *argv[] = { exe, "--version", NULL };
  const char *envp[] = { "PATH=/usr/bin:/bin", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_assert_nonnull (exe);
  /* No DISPLAY, no WAYLAND_DISPLAY: nothing graphical may start. */
  g_spawn_sync (NULL, (char **) argv, (char **) envp, G_SPAWN_DEFAULT, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_cmpstr (out, ==, "aftercare " PACKAGE_VERSION "\n");
  g_assert_cmpstr (err, ==, "");
}

/* ---- The real window on a database of the test's own -------------------- */

typedef void (*WindowScript) (AftercareWindow *window, gpointer data);

typedef struct {
  char *dir;
  char *db_path;
} DbFixture;

typedef struct {
  WindowScript script;
  gpointer data;
  gboolean ran;
} ScriptRun;

static void
db_fixture_set_up (DbFixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("aftercare-window-XXXXXX", &error);
  g_assert_no_error (error);
  f->db_path = g_build_filename (f->dir, "test.db", NULL);
}

static void
db_fixture_tear_down (DbFixture *f, gconstpointer data)
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
  g_free (f->db_path);
}

static void
script_activate_after_cb (GApplication *app, ScriptRun *run)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  g_assert_true (AFTERCARE_IS_WINDOW (window));
  gui_test_run_loop (100);
  run->script (AFTERCARE_WINDOW (window), run->data);
  run->ran = TRUE;
  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
    gtk_window_destroy (l->data);
}

static void
run_window (DbFixture *f, WindowScript script, gpointer data)
{
  g_autoptr(AftercareApplication) app = aftercare_application_new ();
  char *argv[] = { (char *) "aftercare", (char *) "--db", f->db_path, NULL };
  ScriptRun run = { script, data, FALSE };
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  /* These tests end when their window closes: no reminder about their
   * recent sessions keeps the application running. */
  g_settings_set_boolean (settings, "reminders", FALSE);
  g_signal_connect_after (app, "activate", G_CALLBACK (script_activate_after_cb), &run);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 3, argv), ==, 0);
  g_assert_true (run.ran);
}

static gpointer
child (gpointer widget, GType type, const char *name)
{
  gpointer found = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (found);
  return found;
}

static void
store_session (DbFixture *f, int hours_ago)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) ended = g_date_time_add_hours (now, -hours_ago);
  g_autoptr(AftercareSession) session = aftercare_session_new (ended);
  g_autoptr(AftercareStore) store = NULL;
  g_autoptr(GError) error = NULL;

  aftercare_session_set_massage_type (session, AFTERCARE_MASSAGE_MYOFASCIAL_RELEASE);
  aftercare_session_set_pressure (session, AFTERCARE_PRESSURE_MODERATE);
  aftercare_session_set_client (session, "Jordan Avery-Featherstonehaugh");
  store = aftercare_store_open (f->db_path, test_time_source (), &error);
  g_assert_no_error (error);
  g_assert_true (aftercare_store_add_session (store, session, &error));
  g_assert_no_error (error);
}

/* ---- A new user's first look --------------------------------------------- */

/* The first start, on an empty log: its status page shows the app's own
 * icon, drawn at 128 px at build time, so no SVG is read and librsvg is
 * not loaded (6.5 MB). This runs first in the process: the other tests
 * show icons that do load it. */
static void
empty_log_script (AftercareWindow *window, gpointer data)
{
  AftercareSessionsView *sessions = child (window, AFTERCARE_TYPE_WINDOW, "sessions_view");
  AdwStatusPage *empty_page = child (sessions, AFTERCARE_TYPE_SESSIONS_VIEW, "empty_page");

  gui_test_run_loop (300);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (empty_page)));
  g_assert_cmpstr (adw_status_page_get_icon_name (empty_page), ==, "aftercare-no-massages-symbolic");
  g_assert_false (test_library_mapped ("librsvg"));
}

static void
test_empty_log_loads_no_svg (DbFixture *f, gconstpointer data)
{
  run_window (f, empty_log_script, NULL);
}

/* ---- At 360 px, as on a phone ------------------------------------------- */

/* What the whole window needs across, for what is on show. */
static int
content_minimum_width (AftercareWindow *window)
{
  GtkWidget *content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));
  int minimum, natural;

  gtk_widget_measure (content, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  return minimum;
}

static void
assert_fits (AftercareWindow *window, const char *what)
{
  int minimum = content_minimum_width (window);

  g_test_message ("%s needs %d px", what, minimum);
  if (minimum > 360)
    g_error ("%s needs %d px: wider than a 360 px phone", what, minimum);
}

static void
fits_script (AftercareWindow *window, gpointer data)
{
  static const char *views[] = { "sessions", "can-i-run", "massage-types" };
  static const char *steps[] = { "massage", "feeling", "run", "verdict" };
  AftercareWizard *wizard = aftercare_window_get_wizard (window);
  GtkStack *wizard_steps = child (wizard, AFTERCARE_TYPE_WIZARD, "steps");

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 720);
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", views[i]));
      gui_test_run_loop (50);
      assert_fits (window, views[i]);
    }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "can-i-run"));
  /* Every step, the verdict with all its actions (a store is there to save to). */
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_assert_cmpstr (gtk_stack_get_visible_child_name (wizard_steps), ==, steps[i]);
      gui_test_run_loop (50);
      assert_fits (window, steps[i]);
      if (i + 1 < G_N_ELEMENTS (steps))
        g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.next", NULL));
    }
  g_assert_nonnull (aftercare_wizard_get_store (wizard));
  /* Its main action, Save as Check-in, in the bar beside Back. */
  g_assert_true (gtk_widget_get_visible (child (wizard, AFTERCARE_TYPE_WIZARD, "next_button")));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (child (wizard, AFTERCARE_TYPE_WIZARD, "next_button"))), ==,
                   "_Save as Check-in");
}

static void
test_fits_360_pixels_empty (DbFixture *f, gconstpointer data)
{
  run_window (f, fits_script, NULL);
}

static void
test_fits_360_pixels_with_sessions (DbFixture *f, gconstpointer data)
{
  store_session (f, 3);
  run_window (f, fits_script, NULL);
}

/* ---- The keyboard --------------------------------------------------------- */

static void
collect (GtkWidget *widget, GType type, GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect (c, type, found);
}

/* The view switcher's button for a view, as a person sees it: by its title. */
static GtkToggleButton *
switcher_button (AftercareWindow *window, const char *title)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  collect (GTK_WIDGET (window), GTK_TYPE_TOGGLE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      g_autoptr(GPtrArray) labels = g_ptr_array_new ();

      if (!gtk_widget_get_mapped (buttons->pdata[i]) ||
          gtk_widget_get_ancestor (buttons->pdata[i], ADW_TYPE_VIEW_SWITCHER_TITLE) == NULL)
        continue;
      collect (buttons->pdata[i], GTK_TYPE_LABEL, labels);
      for (guint j = 0; j < labels->len; j++)
        if (g_strcmp0 (gtk_label_get_text (labels->pdata[j]), title) == 0)
          return buttons->pdata[i];
    }
  g_error ("No view switcher button titled “%s”", title);
}

/* What pressing accel does in the window: the window's own shortcut for
 * it, run as GTK runs it (GTK 4.8 cannot send a key to a widget). */
static void
press_window_shortcut (AftercareWindow *window, const char *accel)
{
  g_autoptr(GtkShortcutTrigger) wanted = gtk_shortcut_trigger_parse_string (accel);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller) ||
          gtk_shortcut_controller_get_scope (GTK_SHORTCUT_CONTROLLER (controller)) != GTK_SHORTCUT_SCOPE_LOCAL)
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted))
            {
              g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, GTK_WIDGET (window),
                                                           gtk_shortcut_get_arguments (shortcut)));
              gui_test_run_loop (50);
              return;
            }
        }
    }
  g_error ("The window has no shortcut for %s", accel);
}

static gboolean
focus_is_in (AftercareWindow *window, gpointer widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static const char *
visible_view (AftercareWindow *window)
{
  return adw_view_stack_get_visible_child_name (child (window, AFTERCARE_TYPE_WINDOW, "stack"));
}

static void
views_take_the_keyboard_script (AftercareWindow *window, gpointer data)
{
  AftercareWizard *wizard = aftercare_window_get_wizard (window);
  GtkWidget *reference = aftercare_window_get_reference_view (window);
  AftercareSessionsView *sessions = child (window, AFTERCARE_TYPE_WINDOW, "sessions_view");
  GtkToggleButton *button;

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gui_test_run_loop (100);
  g_assert_cmpstr (visible_view (window), ==, "sessions");

  /* Alt+2 with the keyboard on the switcher: Enter must not press
   * "Sessions" again, so the keyboard goes to the wizard's first control. */
  gtk_widget_grab_focus (GTK_WIDGET (switcher_button (window, "Sessions")));
  press_window_shortcut (window, "<Alt>2");
  g_assert_cmpstr (visible_view (window), ==, "can-i-run");
  g_assert_true (focus_is_in (window, child (wizard, AFTERCARE_TYPE_WIZARD, "use_session_row")));

  /* A click on a switcher button puts the keyboard on it; the view takes it. */
  button = switcher_button (window, "Massage Types");
  gtk_widget_grab_focus (GTK_WIDGET (button));
  gtk_toggle_button_set_active (button, TRUE);
  gui_test_run_loop (50);
  g_assert_cmpstr (visible_view (window), ==, "massage-types");
  /* Typing finds a type at once. */
  g_assert_true (focus_is_in (window, child (reference, AFTERCARE_TYPE_REFERENCE_VIEW, "search_entry")));

  /* Alt+1: the chosen massage's row, where the arrows and Delete work. */
  press_window_shortcut (window, "<Alt>1");
  g_assert_cmpstr (visible_view (window), ==, "sessions");
  g_assert_true (focus_is_in (window, aftercare_sessions_view_get_list_view (sessions)));
  press_window_shortcut (window, "<Alt>3");
  g_assert_cmpstr (visible_view (window), ==, "massage-types");
}

/* ---- The shortcuts window ------------------------------------------------ */

static void
keys_have_names_script (AftercareWindow *window, gpointer data)
{
  GtkShortcutsWindow *overlay;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GString) keys = g_string_new (NULL);

  /* Built when first asked for, not with the window. */
  g_assert_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  /* Ctrl+? ("?" is Shift and / on the test server's keyboard) shows it. */
  keyboard_press (GTK_WIDGET (window), "<Control><Shift>question");
  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_assert_nonnull (overlay);
  while (!gtk_widget_get_mapped (GTK_WIDGET (overlay)))
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (overlay)) == GTK_WINDOW (window));
  collect (GTK_WIDGET (overlay), GTK_TYPE_SHORTCUT_LABEL, labels);
  g_assert_cmpuint (labels->len, >, 0);
  for (guint i = 0; i < labels->len; i++)
    {
      g_autoptr(GPtrArray) caps = g_ptr_array_new ();

      collect (labels->pdata[i], GTK_TYPE_LABEL, caps);
      for (guint j = 0; j < caps->len; j++)
        g_string_append_printf (keys, "[%s]", gtk_label_get_label (caps->pdata[j]));
    }
  g_test_message ("keys: %s", keys->str);
  /* A key is written as people write it, never by its X name. */
  g_assert_null (strchr (keys->str, '_'));
  g_assert_nonnull (strstr (keys->str, "[Page Down][/][Page Up]"));
  g_assert_nonnull (strstr (keys->str, "[Alt][+][1]"));

  /* Closed and asked for again: the same window, shown again. */
  gtk_window_close (GTK_WINDOW (overlay));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
  g_assert_true (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)) == overlay);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  gtk_window_close (GTK_WINDOW (overlay));
}

static void
test_shortcuts_window_names_keys (DbFixture *f, gconstpointer data)
{
  run_window (f, keys_have_names_script, NULL);
}

static void
test_views_take_the_keyboard (DbFixture *f, gconstpointer data)
{
  store_session (f, 3);
  run_window (f, views_take_the_keyboard_script, NULL);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/window/empty-log-loads-no-svg", DbFixture, NULL,
              db_fixture_set_up, test_empty_log_loads_no_svg, db_fixture_tear_down);
  g_test_add_func ("/window/has-three-views", test_window_has_three_views);
  g_test_add_func ("/cli/version-needs-no-display", test_version_needs_no_display);
  g_test_add ("/window/fits-360-pixels/empty", DbFixture, NULL,
              db_fixture_set_up, test_fits_360_pixels_empty, db_fixture_tear_down);
  g_test_add ("/window/fits-360-pixels/with-sessions", DbFixture, NULL,
              db_fixture_set_up, test_fits_360_pixels_with_sessions, db_fixture_tear_down);
  g_test_add ("/window/keyboard/views-take-the-keyboard", DbFixture, NULL,
              db_fixture_set_up, test_views_take_the_keyboard, db_fixture_tear_down);
  g_test_add ("/window/shortcuts-window-names-keys", DbFixture, NULL,
              db_fixture_set_up, test_shortcuts_window_names_keys, db_fixture_tear_down);
  return g_test_run ();
}
