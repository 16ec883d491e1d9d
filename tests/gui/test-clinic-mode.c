/* test-clinic-mode.c: clinic mode locks the sessions behind the staff PIN, starts over when idle, and keeps no PIN in plain text. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "aftercare-application.h"
#include "aftercare-backup-transfer.h"
#include "aftercare-clinic-mode.h"
#include "aftercare-lock-page.h"
#include "aftercare-pin.h"
#include "aftercare-preferences-window.h"
#include "aftercare-session-page.h"
#include "aftercare-sessions-view.h"
#include "aftercare-sheet-print.h"
#include "aftercare-store-error-page.h"
#include "aftercare-verdict-page.h"
#include "aftercare-window.h"
#include "aftercare-wizard.h"
#include "store-test-util.h"

#define STAFF_PIN "2468"

typedef void (*Script) (AftercareApplication *app, AftercareWindow *window);

static void
set_done_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
}

/* Runs the main loop for ms milliseconds. */
static void
wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add_once (ms, set_done_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
count_idle_cb (AftercareClinicMode *clinic,
               guint               *fired)
{
  (*fired)++;
}

/* Runs the main loop until the clinic mode has gone idle `target` times in
 * all, or fails after a generous limit: a loaded machine may be slow to
 * schedule the timer, but it must come. */
static void
wait_for_idle_count (AftercareClinicMode *clinic,
                     guint               *fired,
                     guint                target)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (*fired < target && g_get_monotonic_time () < deadline)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  g_assert_cmpuint (*fired, >=, target);
  wait_ms (50);        /* what the window does after it, drawn */
}

/* Waits for the desk's next idle reset. */
static void
wait_for_idle (AftercareWindow *window)
{
  AftercareClinicMode *clinic = aftercare_window_get_clinic_mode (window);
  guint fired = 0;
  gulong id = g_signal_connect (clinic, "idle", G_CALLBACK (count_idle_cb), &fired);

  wait_for_idle_count (clinic, &fired, 1);
  g_signal_handler_disconnect (clinic, id);
}

static GSettings *
reset_settings (gboolean clinic_mode,
                guint    idle_seconds,
                gboolean with_pin)
{
  GSettings *settings = g_settings_new (APP_ID);
  g_autofree char *stored = with_pin ? aftercare_pin_hash (STAFF_PIN, NULL) : g_strdup ("");

  g_settings_set_string (settings, "staff-pin-hash", stored);
  g_settings_reset (settings, "pin-failures");
  g_settings_reset (settings, "pin-retry-at");
  g_settings_set_uint (settings, "idle-timeout", idle_seconds);
  g_settings_set_boolean (settings, "clinic-mode", clinic_mode);
  return settings;
}

static void
activate_after_cb (GApplication *app,
                   Script        script)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  g_assert_true (AFTERCARE_IS_WINDOW (window));
  wait_ms (100);       /* mapped and drawn */
  script (AFTERCARE_APPLICATION (app), AFTERCARE_WINDOW (window));
  /* Not gtk_window_close(): in clinic mode that asks for the PIN. The
   * script may have closed it already. */
  if (g_list_find (gtk_application_get_windows (GTK_APPLICATION (app)), window) != NULL)
    gtk_window_destroy (window);
}

static void
run_app_on (Script      script,
            const char *db)
{
  g_autoptr(AftercareApplication) app = aftercare_application_new ();
  char *argv[] = { (char *) "aftercare", (char *) "--db", (char *) db, NULL };
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  /* Each script ends when its window closes, also the ones that turn
   * clinic mode off with recent sessions in the log: no reminders. */
  g_settings_set_boolean (settings, "reminders", FALSE);
  g_signal_connect_after (app, "activate", G_CALLBACK (activate_after_cb), script);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), db != NULL ? 3 : 1, argv), ==, 0);
}

static void
run_app (Script script)
{
  run_app_on (script, NULL);
}

static gpointer
child (gpointer widget, GType type, const char *name)
{
  gpointer found = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (found);
  return found;
}

static const char *
visible_view (AftercareWindow *window)
{
  return adw_view_stack_get_visible_child_name (child (window, AFTERCARE_TYPE_WINDOW, "stack"));
}

static const char *
sessions_state (AftercareWindow *window)
{
  return gtk_stack_get_visible_child_name (child (window, AFTERCARE_TYPE_WINDOW, "sessions_lock_stack"));
}

static void
enter_pin (AftercareWindow *window,
           const char      *pin)
{
  AftercareLockPage *lock_page = child (window, AFTERCARE_TYPE_WINDOW, "lock_page");
  GtkWidget *entry = child (lock_page, AFTERCARE_TYPE_LOCK_PAGE, "pin_entry");

  gtk_editable_set_text (GTK_EDITABLE (entry), pin);
  /* As pressing Enter in the field does. */
  g_signal_emit_by_name (entry, "activate");
}

static gboolean
error_shown (AftercareWindow *window)
{
  AftercareLockPage *lock_page = child (window, AFTERCARE_TYPE_WINDOW, "lock_page");

  return gtk_widget_get_visible (child (lock_page, AFTERCARE_TYPE_LOCK_PAGE, "error_label"));
}

static void
unlock_then_idle_script (AftercareApplication *app,
                         AftercareWindow      *window)
{
  AftercareClinicMode *clinic = aftercare_window_get_clinic_mode (window);

  /* A fresh start for the client, the sessions hidden. */
  g_assert_cmpstr (visible_view (window), ==, "can-i-run");
  g_assert_cmpstr (sessions_state (window), ==, "locked");
  g_assert_true (aftercare_clinic_mode_get_locked (clinic));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "sessions");
  enter_pin (window, "1357");
  g_assert_cmpstr (sessions_state (window), ==, "locked");
  g_assert_true (error_shown (window));

  enter_pin (window, STAFF_PIN);
  g_assert_cmpstr (sessions_state (window), ==, "sessions");
  g_assert_false (error_shown (window));
  g_assert_true (gtk_widget_get_visible (child (window, AFTERCARE_TYPE_WINDOW, "lock_button")));

  /* Nobody touches anything for longer than the idle time (1 s). */
  wait_for_idle (window);
  g_assert_true (aftercare_clinic_mode_get_locked (clinic));
  g_assert_cmpstr (sessions_state (window), ==, "locked");
  g_assert_cmpstr (visible_view (window), ==, "can-i-run");
}

static void
test_unlock_then_idle_locks_and_starts_over (void)
{
  g_autoptr(GSettings) settings = reset_settings (TRUE, 1, TRUE);

  run_app (unlock_then_idle_script);
}

static void
lock_button_script (AftercareApplication *app,
                    AftercareWindow      *window)
{
  enter_pin (window, STAFF_PIN);
  g_assert_cmpstr (sessions_state (window), ==, "sessions");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.lock", NULL);
  g_assert_cmpstr (sessions_state (window), ==, "locked");
  g_assert_false (gtk_widget_get_visible (child (window, AFTERCARE_TYPE_WINDOW, "lock_button")));
}

static void
test_staff_can_lock_at_once (void)
{
  g_autoptr(GSettings) settings = reset_settings (TRUE, 120, TRUE);

  run_app (lock_button_script);
}

static void
no_clinic_mode_script (AftercareApplication *app,
                       AftercareWindow      *window)
{
  g_assert_cmpstr (sessions_state (window), ==, "sessions");
  g_assert_false (gtk_widget_get_visible (child (window, AFTERCARE_TYPE_WINDOW, "lock_button")));
}

static void
test_without_clinic_mode_nothing_is_locked (void)
{
  g_autoptr(GSettings) settings = reset_settings (FALSE, 1, TRUE);

  run_app (no_clinic_mode_script);
}

static AftercarePreferencesWindow *
find_preferences (AftercareApplication *app)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (AFTERCARE_IS_PREFERENCES_WINDOW (l->data))
      return l->data;
  return NULL;
}

static void
preferences_locked_script (AftercareApplication *app,
                           AftercareWindow      *window)
{
  AftercarePreferencesWindow *preferences;

  /* A client pressing Ctrl+, meets the lock, not the switch. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  g_assert_null (find_preferences (app));
  g_assert_cmpstr (visible_view (window), ==, "sessions");
  g_assert_cmpstr (sessions_state (window), ==, "locked");

  enter_pin (window, STAFF_PIN);
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  preferences = find_preferences (app);
  g_assert_nonnull (preferences);
  wait_ms (100);

  /* Idle closes them again, for the next client. */
  g_settings_set_uint (g_settings_new (APP_ID), "idle-timeout", 1);
  wait_for_idle (window);
  g_assert_null (find_preferences (app));
}

static void
test_preferences_need_the_staff_pin (void)
{
  g_autoptr(GSettings) settings = reset_settings (TRUE, 120, TRUE);

  run_app (preferences_locked_script);
}

/* Types a new PIN as staff do: the first field, Enter, the second, then
 * its apply button. */
static void
type_new_pin (AftercarePreferencesWindow *preferences,
              const char                 *pin,
              const char                 *repeated)
{
  GtkWidget *pin_row = child (preferences, AFTERCARE_TYPE_PREFERENCES_WINDOW, "pin_row");
  GtkWidget *pin_repeat_row = child (preferences, AFTERCARE_TYPE_PREFERENCES_WINDOW, "pin_repeat_row");

  gtk_editable_set_text (GTK_EDITABLE (pin_row), pin);
  g_signal_emit_by_name (pin_row, "entry-activated");
  gtk_editable_set_text (GTK_EDITABLE (pin_repeat_row), repeated);
  g_signal_emit_by_name (pin_repeat_row, "apply");
}

static void
set_pin_script (AftercareApplication *app,
                AftercareWindow      *window)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  AftercarePreferencesWindow *preferences;
  GtkWidget *pin_row, *pin_repeat_row, *clinic_mode_row;
  g_autofree char *stored = NULL;

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  preferences = find_preferences (app);
  g_assert_nonnull (preferences);
  pin_row = child (preferences, AFTERCARE_TYPE_PREFERENCES_WINDOW, "pin_row");
  pin_repeat_row = child (preferences, AFTERCARE_TYPE_PREFERENCES_WINDOW, "pin_repeat_row");
  clinic_mode_row = child (preferences, AFTERCARE_TYPE_PREFERENCES_WINDOW, "clinic_mode_row");
  /* No PIN yet: clinic mode cannot be turned on. */
  g_assert_false (gtk_widget_get_sensitive (clinic_mode_row));

  /* Not a PIN: refused, nothing stored. */
  type_new_pin (preferences, "12a", "12a");
  g_assert_true (gtk_widget_has_css_class (pin_row, "error"));
  stored = g_settings_get_string (settings, "staff-pin-hash");
  g_assert_cmpstr (stored, ==, "");
  g_clear_pointer (&stored, g_free);

  /* A typo in the second field: refused too, nothing stored, and the
   * second field is emptied for another try. */
  type_new_pin (preferences, "975310", "975301");
  g_assert_false (gtk_widget_has_css_class (pin_row, "error"));
  g_assert_true (gtk_widget_has_css_class (pin_repeat_row, "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (pin_repeat_row)), ==, "");
  stored = g_settings_get_string (settings, "staff-pin-hash");
  g_assert_cmpstr (stored, ==, "");
  g_clear_pointer (&stored, g_free);

  type_new_pin (preferences, "975310", "975310");
  g_assert_false (gtk_widget_has_css_class (pin_repeat_row, "error"));
  stored = g_settings_get_string (settings, "staff-pin-hash");
  g_assert_null (strstr (stored, "975310"));
  g_assert_true (aftercare_pin_verify ("975310", stored));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (pin_row)), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (pin_repeat_row)), ==, "");
  g_assert_true (gtk_widget_get_sensitive (clinic_mode_row));

  /* Turning clinic mode on locks the sessions at once. */
  g_settings_set_boolean (settings, "clinic-mode", TRUE);
  g_assert_cmpstr (sessions_state (window), ==, "locked");
  wait_ms (100);
  gtk_window_close (GTK_WINDOW (preferences));
}

static void
test_preferences_store_only_a_hash (void)
{
  g_autoptr(GSettings) settings = reset_settings (FALSE, 120, FALSE);

  run_app (set_pin_script);
}

static gboolean
focus_is_in (AftercareWindow *window,
             GtkWidget       *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static void
client_sheet_script (AftercareApplication *app,
                     AftercareWindow      *window)
{
  AftercareWizard *wizard = aftercare_window_get_wizard (window);
  GtkWidget *client_row = child (wizard, AFTERCARE_TYPE_WIZARD, "client_row");
  GtkWidget *run_hard = child (wizard, AFTERCARE_TYPE_WIZARD, "run_hard");
  AftercareVerdictPage *page;
  g_autoptr(AftercareSheet) sheet = NULL;

  /* The planned run set in Preferences is where the wizard starts. */
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (run_hard)));
  g_assert_null (aftercare_window_create_sheet (window));

  g_assert_true (gtk_widget_get_visible (child (wizard, AFTERCARE_TYPE_WIZARD, "client_group")));
  /* Staff type the name at once: the focus is not on the view switcher,
   * where a key could open the sessions. */
  g_assert_true (focus_is_in (window, client_row));
  gtk_editable_set_text (GTK_EDITABLE (client_row), "  Jordan Avery ");
  /* What typing the name does; the idle time runs from here. */
  aftercare_clinic_mode_note_activity (aftercare_window_get_clinic_mode (window));
  for (guint step = 0; step < 3; step++)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.next", NULL));
  page = aftercare_wizard_get_verdict_page (wizard);
  g_assert_nonnull (page);
  g_assert_cmpstr (aftercare_session_get_client (aftercare_verdict_page_get_session (page)), ==,
                   "Jordan Avery");
  g_assert_cmpint (aftercare_verdict_page_get_planned_run (page), ==, AFTERCARE_PLANNED_RUN_HARD);

  /* What Ctrl+P prints: the client's name and the clinic's. */
  sheet = aftercare_window_create_sheet (window);
  g_assert_nonnull (sheet);
  g_assert_cmpstr (aftercare_sheet_get_client_name (sheet), ==, "Jordan Avery");
  g_assert_cmpstr (aftercare_sheet_get_clinic_name (sheet), ==, "Harbour Sports Massage");
  g_assert_true (aftercare_sheet_get_assessment (sheet) == aftercare_verdict_page_get_assessment (page));

  /* The next client finds a clean wizard, without the name. */
  wait_for_idle (window);
  g_assert_null (aftercare_wizard_get_verdict_page (wizard));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (wizard, AFTERCARE_TYPE_WIZARD, "steps")),
                   ==, "massage");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (client_row)), ==, "");
  g_assert_true (focus_is_in (window, client_row));
  g_assert_null (aftercare_window_create_sheet (window));
}

static void
test_client_name_goes_on_the_sheet_and_idle_clears_it (void)
{
  g_autoptr(GSettings) settings = reset_settings (TRUE, 1, TRUE);

  g_settings_set_string (settings, "clinic-name", "Harbour Sports Massage");
  g_settings_set_enum (settings, "default-planned-run", AFTERCARE_PLANNED_RUN_HARD);
  run_app (client_sheet_script);
  g_settings_reset (settings, "clinic-name");
  g_settings_reset (settings, "default-planned-run");
}

/* Dialogs and editors over the window, whether the app knows them or not. */
static guint
count_windows_over (AftercareWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* GTK's own list */
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (gtk_window_get_transient_for (toplevel) == GTK_WINDOW (window) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        n++;
    }
  return n;
}

static void
session_page_script (AftercareApplication *app,
                     AftercareWindow      *window)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  AftercareStore *store = aftercare_window_get_store (window);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) ended = g_date_time_add_hours (now, -3);
  g_autoptr(AftercareSession) session = aftercare_session_new (ended);
  g_autoptr(AftercareSheet) sheet = NULL;
  g_autoptr(GError) error = NULL;
  AftercareSessionsView *view = child (window, AFTERCARE_TYPE_WINDOW, "sessions_view");
  AftercareSessionPage *page = aftercare_sessions_view_get_page (view);

  g_assert_nonnull (store);
  aftercare_session_set_client (session, "Robin Lee");
  g_assert_true (aftercare_store_add_session (store, session, &error));
  g_assert_no_error (error);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "sessions");
  gtk_widget_activate_action (GTK_WIDGET (view), "sessions.open", "s", aftercare_session_get_id (session));
  wait_ms (100);

  /* Ctrl+P on a session page prints that massage's sheet. */
  sheet = aftercare_window_create_sheet (window);
  g_assert_nonnull (sheet);
  g_assert_cmpstr (aftercare_sheet_get_client_name (sheet), ==, "Robin Lee");
  g_assert_true (aftercare_sheet_get_assessment (sheet) == aftercare_session_page_get_assessment (page));
  g_clear_object (&sheet);

  /* Locked, nobody's session can be printed from there, nor logged. */
  g_settings_set_boolean (settings, "clinic-mode", TRUE);
  g_assert_cmpstr (sessions_state (window), ==, "locked");
  g_assert_null (aftercare_window_create_sheet (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.log-massage", NULL);
  g_assert_cmpuint (count_windows_over (window), ==, 0);
  g_assert_cmpstr (visible_view (window), ==, "sessions");
  g_assert_cmpstr (sessions_state (window), ==, "locked");

  /* Staff may: the PIN opens what it was asked for, the editor; and an
   * editor left open goes when the desk falls idle. */
  enter_pin (window, STAFF_PIN);
  wait_ms (100);
  g_assert_cmpuint (count_windows_over (window), ==, 1);
  g_settings_set_uint (settings, "idle-timeout", 1);
  wait_for_idle (window);
  g_assert_cmpuint (count_windows_over (window), ==, 0);
  g_assert_cmpstr (sessions_state (window), ==, "locked");
}

static void
test_session_page_sheet_and_lock (void)
{
  g_autoptr(GSettings) settings = reset_settings (FALSE, 120, TRUE);

  run_app (session_page_script);
}

static void
remove_folder (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, name, NULL);

      g_remove (file);
    }
  g_rmdir (path);
}

/* The wizard's list of logged massages is every client's: hidden while
 * clinic mode is locked, back once staff unlock. */
static void
test_locked_wizard_offers_no_logged_massages (void)
{
  g_autofree char *folder = g_dir_make_tmp ("aftercare-clinic-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (folder, "clinic.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AftercareStore) store = aftercare_store_open (db, test_time_source (), &error);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) ended = g_date_time_add_hours (now, -2);
  g_autoptr(AftercareSession) session = aftercare_session_new (ended);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  AftercareWizard *wizard = AFTERCARE_WIZARD (aftercare_wizard_new ());
  GtkWidget *group = child (wizard, AFTERCARE_TYPE_WIZARD, "session_group");
  g_autoptr(AftercareClock) clock = aftercare_clock_new ();

  g_assert_no_error (error);
  aftercare_session_set_client (session, "Another Client");
  g_assert_true (aftercare_store_add_session (store, session, &error));
  aftercare_wizard_set_clock (wizard, clock);
  gtk_window_set_child (window, GTK_WIDGET (wizard));
  gtk_window_present (window);
  aftercare_wizard_set_store (wizard, store);
  g_assert_true (gtk_widget_get_visible (group));

  aftercare_wizard_set_sessions_hidden (wizard, TRUE);
  g_assert_false (gtk_widget_get_visible (group));
  aftercare_wizard_set_sessions_hidden (wizard, FALSE);
  g_assert_true (gtk_widget_get_visible (group));

  gtk_window_destroy (window);
  /* Let what the window left pending run now, not in the next test. */
  wait_ms (50);
  g_clear_object (&store);
  remove_folder (folder);
}

/* Someone working at the desk keeps the wizard; the quiet after them does not. */
static void
test_activity_postpones_idle (void)
{
  /* 2 s of quiet, activity every 0.4 s: a wide margin on a busy machine. */
  g_autoptr(GSettings) settings = reset_settings (TRUE, 2, TRUE);
  g_autoptr(AftercareClinicMode) clinic = aftercare_clinic_mode_new (settings);
  guint fired = 0;

  g_signal_connect (clinic, "idle", G_CALLBACK (count_idle_cb), &fired);
  g_assert_cmpint (aftercare_clinic_mode_unlock (clinic, STAFF_PIN), ==, AFTERCARE_UNLOCK_OK);
  for (guint i = 0; i < 5; i++)
    {
      wait_ms (400);
      aftercare_clinic_mode_note_activity (clinic);
    }
  g_assert_cmpuint (fired, ==, 0);
  g_assert_false (aftercare_clinic_mode_get_locked (clinic));
  wait_for_idle_count (clinic, &fired, 1);
  g_assert_true (aftercare_clinic_mode_get_locked (clinic));
  /* Once per quiet spell, not every time the idle time passes again. */
  wait_ms (2600);
  g_assert_cmpuint (fired, ==, 1);
}

/* ---- The lock holds (issue 14) ------------------------------------------ */

/* Activates a button as Enter or Space does; GTK emits "clicked" once the
 * button has shown itself pressed. */
static void
press_button (GtkWidget *button)
{
  g_assert_true (gtk_widget_activate (button));
  wait_ms (400);
}

/* The first widget under root (itself included) that is a type, or a
 * button whose label is label. */
static GtkWidget *
find_widget (GtkWidget  *root,
             GType       type,
             const char *label)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) &&
      (label == NULL || (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static const char *
lock_page_title (AftercareWindow *window)
{
  AftercareLockPage *lock_page = child (window, AFTERCARE_TYPE_WINDOW, "lock_page");

  return adw_status_page_get_title (child (lock_page, AFTERCARE_TYPE_LOCK_PAGE, "status_page"));
}

static const char *
lock_page_description (AftercareWindow *window)
{
  AftercareLockPage *lock_page = child (window, AFTERCARE_TYPE_WINDOW, "lock_page");

  return adw_status_page_get_description (child (lock_page, AFTERCARE_TYPE_LOCK_PAGE, "status_page"));
}

static guint
count_checkins (AftercareStore   *store,
                AftercareSession *session)
{
  g_autoptr(GPtrArray) checkins = aftercare_store_list_checkins (store, aftercare_session_get_id (session), NULL);

  g_assert_nonnull (checkins);
  return checkins->len;
}

static AftercareSession *
add_client_session (AftercareStore *store,
                    const char     *client)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) ended = g_date_time_add_hours (now, -3);
  AftercareSession *session = aftercare_session_new (ended);
  g_autoptr(GError) error = NULL;

  aftercare_session_set_client (session, client);
  g_assert_true (aftercare_store_add_session (store, session, &error));
  g_assert_no_error (error);
  return session;
}

/* What the issue saw: staff open a client's session, press "Can I Run?",
 * reach the verdict, and lock. Nothing of that client may stay within
 * reach: not the verdict, its sheet or PDF, nor saving a check-in. */
static void
lock_leaks_nothing_script (AftercareApplication *app,
                           AftercareWindow      *window)
{
  AftercareStore *store = aftercare_window_get_store (window);
  g_autoptr(AftercareSession) session = add_client_session (store, "Robin Lee");
  AftercareSessionsView *view = child (window, AFTERCARE_TYPE_WINDOW, "sessions_view");
  AftercareWizard *wizard = aftercare_window_get_wizard (window);
  GtkWidget *menu_button = find_widget (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON, NULL);
  GtkWidget *menu;
  guint n_sessions;

  enter_pin (window, STAFF_PIN);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "sessions");
  gtk_widget_activate_action (GTK_WIDGET (view), "sessions.open", "s", aftercare_session_get_id (session));
  wait_ms (100);
  /* "Can I Run?" on the session page, then on to the verdict. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (aftercare_sessions_view_get_page (view)),
                                             "session.assess", NULL));
  g_assert_cmpstr (visible_view (window), ==, "can-i-run");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.next", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.next", NULL));
  g_assert_nonnull (aftercare_wizard_get_verdict_page (wizard));
  g_assert_nonnull (aftercare_window_create_sheet (window));
  /* The main menu left open. (On a busy X server a late focus change can
   * close it as it opens: open it again until it stays open.) */
  for (guint tries = 0; tries < 20; tries++)
    {
      menu = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu_button)));
      if (menu != NULL && gtk_widget_get_visible (menu))
        break;
      gtk_menu_button_popup (GTK_MENU_BUTTON (menu_button));
      wait_ms (50);
    }
  g_assert_true (gtk_widget_get_visible (menu));

  /* The lock button, as staff press it. */
  press_button (child (window, AFTERCARE_TYPE_WINDOW, "lock_button"));
  g_assert_true (aftercare_clinic_mode_get_locked (aftercare_window_get_clinic_mode (window)));
  g_assert_false (gtk_widget_get_visible (menu));
  /* The wizard is back at its first step, empty. */
  g_assert_null (aftercare_wizard_get_verdict_page (wizard));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (wizard, AFTERCARE_TYPE_WIZARD, "steps")), ==, "massage");
  g_assert_null (aftercare_window_create_sheet (window));

  /* Neither the PDF nor a check-in, whatever is pressed. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-sheet-pdf", NULL);
  g_assert_null (aftercare_sheet_print_get_dialog (GTK_WINDOW (window)));
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.save-checkin", NULL);
  g_assert_cmpuint (count_checkins (store, session), ==, 0);
  /* Nor reaching the session another way: assessing it, or the sessions
   * view's own actions. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.assess-session", "s", aftercare_session_get_id (session));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (wizard, AFTERCARE_TYPE_WIZARD, "steps")), ==, "massage");
  n_sessions = g_list_model_get_n_items (aftercare_store_get_sessions (store));
  gtk_widget_activate_action (GTK_WIDGET (view), "sessions.delete", "s", aftercare_session_get_id (session));
  gtk_widget_activate_action (GTK_WIDGET (view), "sessions.new", NULL);
  wait_ms (50);
  g_assert_cmpuint (g_list_model_get_n_items (aftercare_store_get_sessions (store)), ==, n_sessions);
  g_assert_cmpuint (count_windows_over (window), ==, 0);
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (view)));

  /* A client's own verdict: printed, but never kept in the clinic's records. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.next", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.next", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.next", NULL));
  g_assert_nonnull (aftercare_wizard_get_verdict_page (wizard));
  /* The bar's main action, Save as Check-in on a verdict, is not offered. */
  g_assert_false (gtk_widget_get_visible (child (wizard, AFTERCARE_TYPE_WIZARD, "next_button")));
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.save-checkin", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (aftercare_store_get_sessions (store)), ==, n_sessions);
}

static void
test_lock_leaks_nothing (void)
{
  g_autoptr(GSettings) settings = reset_settings (TRUE, 120, TRUE);

  run_app (lock_leaks_nothing_script);
}

/* Step 1 promises only what the buttons do. */
static void
step_one_promise_script (AftercareApplication *app,
                         AftercareWindow      *window)
{
  AftercareWizard *wizard = aftercare_window_get_wizard (window);
  GtkWidget *group = child (wizard, AFTERCARE_TYPE_WIZARD, "client_group");
  GtkWidget *main_action = child (wizard, AFTERCARE_TYPE_WIZARD, "next_button");

  /* A client at the locked desk: nothing is kept, and no saving is offered. */
  g_assert_nonnull (strstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group)),
                            "Nothing is kept"));
  for (guint step = 0; step < 3; step++)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.next", NULL));
  g_assert_false (gtk_widget_get_visible (main_action));

  /* Staff, unlocked: saving is offered, and step 1 says so. */
  enter_pin (window, STAFF_PIN);
  g_assert_true (gtk_widget_get_visible (main_action));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (main_action)), ==, "_Save as Check-in");
  g_assert_null (strstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group)),
                         "Nothing is kept"));
  g_assert_nonnull (strstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group)),
                            "only if you save"));
}

static void
test_step_one_promises_what_buttons_do (void)
{
  g_autoptr(GSettings) settings = reset_settings (TRUE, 120, TRUE);

  run_app (step_one_promise_script);
}

/* After the third wrong PIN each try waits, shown as a countdown, and the
 * wait holds across a restart; the right PIN too waits. */
static void
pin_throttle_script (AftercareApplication *app,
                     AftercareWindow      *window)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  AftercareClinicMode *clinic = aftercare_window_get_clinic_mode (window);
  AftercareLockPage *lock_page = child (window, AFTERCARE_TYPE_WINDOW, "lock_page");
  GtkWidget *entry = child (lock_page, AFTERCARE_TYPE_LOCK_PAGE, "pin_entry");
  GtkWidget *error_label = child (lock_page, AFTERCARE_TYPE_LOCK_PAGE, "error_label");
  g_autoptr(AftercareClinicMode) restarted = NULL;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "sessions");
  enter_pin (window, "1111");
  enter_pin (window, "2222");
  g_assert_true (gtk_editable_get_editable (GTK_EDITABLE (entry)));
  enter_pin (window, "3333");
  /* The third: a wait, said as a countdown, the field closed. */
  g_assert_cmpuint (g_settings_get_uint (settings, "pin-failures"), ==, 3);
  g_assert_cmpuint (aftercare_clinic_mode_get_wait_seconds (clinic), ==, 1);
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (error_label)), "Try again in 1 second"));
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (entry)));
  /* Even the right PIN does not open it now. */
  g_assert_cmpint (aftercare_clinic_mode_unlock (clinic, STAFF_PIN), ==, AFTERCARE_UNLOCK_WAIT);
  g_assert_true (aftercare_clinic_mode_get_locked (clinic));

  /* The countdown ends: the field opens again. */
  wait_ms (1300);
  g_assert_true (gtk_editable_get_editable (GTK_EDITABLE (entry)));
  enter_pin (window, "4444");
  g_assert_cmpuint (aftercare_clinic_mode_get_wait_seconds (clinic), ==, 2);
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (error_label)), "Try again in 2 seconds"));
  /* Quitting and starting again does not skip the wait. */
  restarted = aftercare_clinic_mode_new (settings);
  g_assert_cmpuint (aftercare_clinic_mode_get_wait_seconds (restarted), >=, 1);
  g_assert_cmpint (aftercare_clinic_mode_unlock (restarted, STAFF_PIN), ==, AFTERCARE_UNLOCK_WAIT);

  wait_ms (2300);
  enter_pin (window, STAFF_PIN);
  g_assert_cmpstr (sessions_state (window), ==, "sessions");
  g_assert_cmpuint (g_settings_get_uint (settings, "pin-failures"), ==, 0);
  g_assert_cmpint (g_settings_get_int64 (settings, "pin-retry-at"), ==, 0);
}

static void
test_wrong_pins_wait_longer_each_time (void)
{
  g_autoptr(GSettings) settings = reset_settings (TRUE, 120, TRUE);

  run_app (pin_throttle_script);
}

/* The lock page says what the PIN will open, and opens that; a later
 * request replaces an earlier one. */
static void
lock_purpose_script (AftercareApplication *app,
                     AftercareWindow      *window)
{
  g_assert_cmpstr (lock_page_title (window), ==, "Sessions Are Locked");
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  g_assert_cmpstr (lock_page_title (window), ==, "Preferences Need the Staff PIN");
  g_assert_cmpstr (lock_page_description (window), ==, "Enter the staff PIN to open Preferences.");

  /* Ctrl+Q: the app stays, and the page now asks for quitting. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  g_assert_nonnull (g_list_find (gtk_application_get_windows (GTK_APPLICATION (app)), window));
  g_assert_cmpstr (lock_page_title (window), ==, "Quitting Needs the Staff PIN");
  g_assert_cmpstr (lock_page_description (window), ==, "Enter the staff PIN to quit Aftercare.");

  /* Ctrl+W and the close button: the window stays. */
  gtk_widget_activate_action (GTK_WIDGET (window), "window.close", NULL);
  gtk_window_close (GTK_WINDOW (window));
  g_assert_nonnull (g_list_find (gtk_application_get_windows (GTK_APPLICATION (app)), window));
  g_assert_cmpstr (lock_page_title (window), ==, "Closing Needs the Staff PIN");

  /* Back to Preferences: the PIN opens them, and only them. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  g_assert_null (find_preferences (app));
  enter_pin (window, STAFF_PIN);
  g_assert_nonnull (find_preferences (app));
  g_assert_nonnull (g_list_find (gtk_application_get_windows (GTK_APPLICATION (app)), window));
  wait_ms (100);

  /* Locked again (preferences closed with it), the page is back to the
   * sessions' words. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.lock", NULL);
  wait_ms (50);
  g_assert_null (find_preferences (app));
  g_assert_cmpstr (lock_page_title (window), ==, "Sessions Are Locked");

  /* The PIN asked for closing closes. */
  gtk_window_close (GTK_WINDOW (window));
  g_assert_nonnull (g_list_find (gtk_application_get_windows (GTK_APPLICATION (app)), window));
  enter_pin (window, STAFF_PIN);
  g_assert_null (g_list_find (gtk_application_get_windows (GTK_APPLICATION (app)), window));
}

static void
test_lock_page_says_and_opens_its_purpose (void)
{
  g_autoptr(GSettings) settings = reset_settings (TRUE, 120, TRUE);

  run_app (lock_purpose_script);
}

static void
count_warning_cb (AftercareClinicMode *clinic,
                  GParamSpec          *pspec,
                  guint               *warnings)
{
  if (aftercare_clinic_mode_get_warning (clinic))
    (*warnings)++;
}

/* Before the idle reset a warning says so, and "Keep" keeps the client's
 * wizard. */
static void
idle_warning_script (AftercareApplication *app,
                     AftercareWindow      *window)
{
  AftercareClinicMode *clinic = aftercare_window_get_clinic_mode (window);
  AftercareWizard *wizard = aftercare_window_get_wizard (window);
  GtkWidget *client_row = child (wizard, AFTERCARE_TYPE_WIZARD, "client_row");
  GtkWidget *overlay = child (window, AFTERCARE_TYPE_WINDOW, "toast_overlay");
  GtkWidget *keep;
  guint warnings = 0, fired = 0;
  gint64 deadline;

  g_signal_connect (clinic, "notify::warning", G_CALLBACK (count_warning_cb), &warnings);
  g_signal_connect (clinic, "idle", G_CALLBACK (count_idle_cb), &fired);
  gtk_editable_set_text (GTK_EDITABLE (client_row), "Jordan Avery");
  aftercare_clinic_mode_note_activity (clinic);

  /* Half of the 4 s idle time: the warning, with its Keep button. */
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (warnings == 0 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (warnings, ==, 1);
  g_assert_cmpuint (fired, ==, 0);
  wait_ms (300);           /* the toast shown */
  keep = find_widget (overlay, GTK_TYPE_BUTTON, "_Keep");
  g_assert_nonnull (keep);
  press_button (keep);
  g_assert_false (aftercare_clinic_mode_get_warning (clinic));

  /* Past the moment it would have started over: the name is still there. */
  wait_ms (2500);
  g_assert_cmpuint (fired, ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (client_row)), ==, "Jordan Avery");

  /* Left alone, a second warning and then the reset. */
  wait_for_idle_count (clinic, &fired, 1);
  g_assert_cmpuint (warnings, ==, 2);
  g_assert_false (aftercare_clinic_mode_get_warning (clinic));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (client_row)), ==, "");
  g_signal_handlers_disconnect_by_data (clinic, &warnings);
  g_signal_handlers_disconnect_by_data (clinic, &fired);
}

static void
test_idle_reset_warns_and_keep_cancels (void)
{
  g_autoptr(GSettings) settings = reset_settings (TRUE, 4, TRUE);

  run_app (idle_warning_script);
}

static char *sheet_folder;

static guint
count_files (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

/* In clinic mode "Save as PDF" shows no file browser: the sheet goes
 * straight into the clinic's folder, under a new name each time, with the
 * contact line printed. */
static void
clinic_pdf_script (AftercareApplication *app,
                   AftercareWindow      *window)
{
  AftercareWizard *wizard = aftercare_window_get_wizard (window);
  g_autofree char *first = g_build_filename (sheet_folder, "Aftercare sheet for Jordan Avery.pdf", NULL);
  g_autofree char *second = g_build_filename (sheet_folder, "Aftercare sheet for Jordan Avery (2).pdf", NULL);
  g_autoptr(AftercareSheet) sheet = NULL;

  gtk_editable_set_text (GTK_EDITABLE (child (wizard, AFTERCARE_TYPE_WIZARD, "client_row")), "Jordan Avery");
  for (guint step = 0; step < 3; step++)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.next", NULL));
  sheet = aftercare_window_create_sheet (window);
  g_assert_cmpstr (aftercare_sheet_get_clinic_contact (sheet), ==, "Call 01234 567890");
  /* The wizard never asked for a duration: the sheet has none. */
  g_assert_cmpuint (aftercare_session_get_duration_minutes (aftercare_sheet_get_session (sheet)), ==, 0);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-sheet-pdf", NULL);
  g_assert_null (aftercare_sheet_print_get_dialog (GTK_WINDOW (window)));
  g_assert_true (g_file_test (first, G_FILE_TEST_IS_REGULAR));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-sheet-pdf", NULL);
  g_assert_true (g_file_test (second, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (count_files (sheet_folder), ==, 2);
  g_assert_nonnull (find_widget (child (window, AFTERCARE_TYPE_WINDOW, "toast_overlay"), GTK_TYPE_LABEL, NULL));
  g_remove (first);
  g_remove (second);
}

static void
test_clinic_pdf_goes_to_the_clinic_folder (void)
{
  g_autoptr(GSettings) settings = reset_settings (TRUE, 120, TRUE);

  sheet_folder = g_dir_make_tmp ("aftercare-sheets-XXXXXX", NULL);
  g_settings_set_string (settings, "sheet-folder", sheet_folder);
  g_settings_set_string (settings, "clinic-contact", "Call 01234 567890");
  run_app (clinic_pdf_script);
  g_rmdir (sheet_folder);
  g_clear_pointer (&sheet_folder, g_free);
  g_settings_reset (settings, "sheet-folder");
  g_settings_reset (settings, "clinic-contact");
}

/* Outside clinic mode the chooser opens in the clinic's folder (or
 * Documents), never the folder the app was started in; turning clinic
 * mode on closes it. */
static void
pdf_chooser_script (AftercareApplication *app,
                    AftercareWindow      *window)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  AftercareWizard *wizard = aftercare_window_get_wizard (window);
  GtkFileChooser *chooser;
  g_autoptr(GFile) folder = NULL;
  g_autofree char *path = NULL;

  for (guint step = 0; step < 3; step++)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.next", NULL));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-sheet-pdf", NULL);
  chooser = aftercare_sheet_print_get_dialog (GTK_WINDOW (window));
  g_assert_nonnull (chooser);
  wait_ms (300);          /* the folder read */
  folder = gtk_file_chooser_get_current_folder (chooser);
  g_assert_nonnull (folder);
  path = g_file_get_path (folder);
  g_assert_cmpstr (path, ==, sheet_folder);

  g_settings_set_boolean (settings, "clinic-mode", TRUE);
  wait_ms (50);
  g_assert_null (aftercare_sheet_print_get_dialog (GTK_WINDOW (window)));
  g_assert_cmpuint (count_windows_over (window), ==, 0);
}

static void
test_pdf_chooser_starts_in_the_clinic_folder (void)
{
  g_autoptr(GSettings) settings = reset_settings (FALSE, 120, TRUE);

  sheet_folder = g_dir_make_tmp ("aftercare-sheets-XXXXXX", NULL);
  g_settings_set_string (settings, "sheet-folder", sheet_folder);
  run_app (pdf_chooser_script);
  g_rmdir (sheet_folder);
  g_clear_pointer (&sheet_folder, g_free);
  g_settings_reset (settings, "sheet-folder");
}

/* A damaged log in clinic mode: "Start Fresh" asks for the staff PIN, and
 * goes on once it is given. */
static void
start_fresh_script (AftercareApplication *app,
                    AftercareWindow      *window)
{
  GtkWidget *page = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));
  GtkWidget *button;
  GtkWidget *lock_page;
  GtkWidget *entry;

  g_assert_null (aftercare_window_get_store (window));
  g_assert_true (AFTERCARE_IS_STORE_ERROR_PAGE (page));
  button = find_widget (page, GTK_TYPE_BUTTON, "_Start Fresh…");
  g_assert_nonnull (button);
  press_button (button);
  /* No confirmation: the PIN first, in the error page's place. */
  g_assert_cmpuint (count_windows_over (window), ==, 0);
  lock_page = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));
  g_assert_true (AFTERCARE_IS_LOCK_PAGE (lock_page));
  g_assert_cmpstr (aftercare_lock_page_get_action_name (AFTERCARE_LOCK_PAGE (lock_page)), ==, "win.start-fresh");
  entry = child (lock_page, AFTERCARE_TYPE_LOCK_PAGE, "pin_entry");
  gtk_editable_set_text (GTK_EDITABLE (entry), STAFF_PIN);
  g_signal_emit_by_name (entry, "activate");
  wait_ms (50);
  /* Now the usual question, over the error page. */
  g_assert_true (adw_application_window_get_content (ADW_APPLICATION_WINDOW (window)) == page);
  g_assert_cmpuint (count_windows_over (window), ==, 1);
}

static void
test_start_fresh_needs_the_staff_pin (void)
{
  g_autoptr(GSettings) settings = reset_settings (TRUE, 120, TRUE);
  g_autofree char *folder = g_dir_make_tmp ("aftercare-damaged-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (folder, "clinic.db", NULL);

  g_assert_true (g_file_set_contents (db, "this is not a database, only some words", -1, NULL));
  run_app_on (start_fresh_script, db);
  remove_folder (folder);
}

/* ---- Backups and one client's pattern, for staff only ------------------ */

static AftercareSession *
add_kind_session (AftercareStore *store,
                  const char     *client,
                  int             days_ago,
                  guint           soreness)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) ended = g_date_time_add_hours (now, -24 * days_ago - 20);
  g_autoptr(GDateTime) at = g_date_time_add_hours (ended, 18);
  AftercareSession *session = aftercare_session_new (ended);
  g_autoptr(AftercareCheckin) checkin = NULL;
  g_autoptr(GError) error = NULL;

  aftercare_session_set_massage_type (session, AFTERCARE_MASSAGE_DEEP_TISSUE);
  aftercare_session_set_pressure (session, AFTERCARE_PRESSURE_DEEP);
  aftercare_session_set_client (session, client);
  checkin = aftercare_checkin_new (aftercare_session_get_id (session), at, soreness, 0);
  g_assert_true (aftercare_store_add_session (store, session, &error));
  g_assert_true (aftercare_store_add_checkin (store, checkin, &error));
  g_assert_no_error (error);
  return session;
}

/* Selects the session with id in the list, as a click does. */
static void
select_session_by_id (AftercareSessionsView *view,
                      const char            *id)
{
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (
                                                          aftercare_sessions_view_get_list_view (view)));

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (selection)); i++)
    {
      g_autoptr(AftercareSession) session = g_list_model_get_item (G_LIST_MODEL (selection), i);

      if (g_str_equal (aftercare_session_get_id (session), id))
        {
          gtk_single_selection_set_selected (selection, i);
          wait_ms (100);
          return;
        }
    }
  g_error ("No session %s in the list", id);
}

static void
staff_records_script (AftercareApplication *app,
                      AftercareWindow      *window)
{
  AftercareStore *store = aftercare_window_get_store (window);
  AftercareSessionsView *view = child (window, AFTERCARE_TYPE_WINDOW, "sessions_view");
  AftercareSessionPage *page = aftercare_sessions_view_get_page (view);
  AftercareTimelineView *timeline = aftercare_session_page_get_timeline (page);
  GtkLabel *caption = child (page, AFTERCARE_TYPE_SESSION_PAGE, "pattern_caption");
  g_autoptr(AftercareSession) robin = NULL;
  g_autoptr(AftercareSession) sam = NULL;
  GtkWidget *history_row;
  GtkSelectionModel *list;

  /* Locked, Export… and Import… meet the lock; the PIN opens what was asked. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL);
  g_assert_null (aftercare_backup_transfer_get_chooser (GTK_WINDOW (window)));
  g_assert_cmpstr (sessions_state (window), ==, "locked");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.import", NULL);
  g_assert_null (aftercare_backup_transfer_get_chooser (GTK_WINDOW (window)));
  enter_pin (window, STAFF_PIN);
  g_assert_nonnull (aftercare_backup_transfer_get_chooser (GTK_WINDOW (window)));
  g_assert_cmpuint (gtk_file_chooser_get_action (aftercare_backup_transfer_get_chooser (GTK_WINDOW (window))),
                    ==, GTK_FILE_CHOOSER_ACTION_OPEN);
  aftercare_backup_transfer_close (GTK_WINDOW (window));

  /* One client's pattern, from their massages alone. */
  for (int week = 1; week <= 3; week++)
    g_object_unref (add_kind_session (store, "Robin Lee", 7 * week, 4));
  g_object_unref (add_kind_session (store, "Sam Doe", 10, 9));
  robin = add_kind_session (store, "Robin Lee", 0, 5);
  sam = add_kind_session (store, "Sam Doe", 1, 8);
  select_session_by_id (view, aftercare_session_get_id (robin));
  g_assert_true (aftercare_timeline_view_get_has_pattern (timeline));
  g_assert_nonnull (strstr (gtk_label_get_label (caption), "Robin Lee, after Deep tissue · deep pressure: "
                                                           "usually 4/10 12 to 24 hours after"));
  g_assert_nonnull (strstr (gtk_label_get_label (caption), "from 3 massages"));
  /* Robin's history, from the page: the list shows his four alone. The
   * row is below the fold, which follows the page's first frame. */
  history_row = child (page, AFTERCARE_TYPE_SESSION_PAGE, "history_row");
  for (guint tries = 0; tries < 100 && !gtk_widget_get_mapped (child (page, AFTERCARE_TYPE_SESSION_PAGE, "below_fold"));
       tries++)
    wait_ms (20);
  g_assert_true (gtk_widget_get_visible (history_row));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (history_row)), ==,
                   "Other massages of Robin Lee (3)");
  g_assert_true (gtk_widget_activate (history_row));
  list = gtk_list_view_get_model (aftercare_sessions_view_get_list_view (view));
  for (guint tries = 0; tries < 40 && g_list_model_get_n_items (G_LIST_MODEL (list)) != 4; tries++)
    wait_ms (50);          /* the search's pause, then the filter */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(AftercareSession) each = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_assert_cmpstr (aftercare_session_get_client (each), ==, "Robin Lee");
    }
  gtk_widget_activate_action (GTK_WIDGET (view), "sessions.show-list", NULL);
  gtk_editable_set_text (GTK_EDITABLE (child (view, AFTERCARE_TYPE_SESSIONS_VIEW, "search_entry")), "");
  wait_ms (200);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 6);

  select_session_by_id (view, aftercare_session_get_id (sam));
  g_assert_false (aftercare_timeline_view_get_has_pattern (timeline));
  g_assert_nonnull (strstr (gtk_label_get_label (caption), "2 more massages"));

  /* Sam has one other: it says so in the singular. */
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (history_row)), ==,
                   "Other massage of Sam Doe (1)");

  /* Locked again, the page's report and history are refused. */
  aftercare_clinic_mode_lock (aftercare_window_get_clinic_mode (window));
  gtk_widget_activate_action (GTK_WIDGET (page), "session.show-client-history", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 6);
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (page), "session.save-report-pdf", "u", 1) &&
                  aftercare_sheet_print_get_dialog (GTK_WINDOW (window)) != NULL);
}

static void
test_backups_and_patterns_are_for_staff (void)
{
  g_autoptr(GSettings) settings = reset_settings (TRUE, 120, TRUE);
  g_autofree char *folder = test_make_folder ();
  g_autofree char *db = g_build_filename (folder, "desk.db", NULL);

  run_app_on (staff_records_script, db);
  test_remove_folder (folder);
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add_func ("/clinic-mode/unlock-then-idle-locks-and-starts-over",
                   test_unlock_then_idle_locks_and_starts_over);
  g_test_add_func ("/clinic-mode/staff-can-lock-at-once", test_staff_can_lock_at_once);
  g_test_add_func ("/clinic-mode/without-clinic-mode-nothing-is-locked",
                   test_without_clinic_mode_nothing_is_locked);
  g_test_add_func ("/clinic-mode/preferences-need-the-staff-pin", test_preferences_need_the_staff_pin);
  g_test_add_func ("/clinic-mode/backups-and-patterns-are-for-staff", test_backups_and_patterns_are_for_staff);
  g_test_add_func ("/clinic-mode/preferences-store-only-a-hash", test_preferences_store_only_a_hash);
  g_test_add_func ("/clinic-mode/activity-postpones-idle", test_activity_postpones_idle);
  g_test_add_func ("/clinic-mode/session-page-sheet-and-lock", test_session_page_sheet_and_lock);
  g_test_add_func ("/clinic-mode/locked-wizard-offers-no-logged-massages",
                   test_locked_wizard_offers_no_logged_massages);
  g_test_add_func ("/clinic-mode/client-name-goes-on-the-sheet-and-idle-clears-it",
                   test_client_name_goes_on_the_sheet_and_idle_clears_it);
  g_test_add_func ("/clinic-mode/lock-leaks-nothing", test_lock_leaks_nothing);
  g_test_add_func ("/clinic-mode/step-one-promises-what-buttons-do", test_step_one_promises_what_buttons_do);
  g_test_add_func ("/clinic-mode/wrong-pins-wait-longer-each-time", test_wrong_pins_wait_longer_each_time);
  g_test_add_func ("/clinic-mode/lock-page-says-and-opens-its-purpose", test_lock_page_says_and_opens_its_purpose);
  g_test_add_func ("/clinic-mode/idle-reset-warns-and-keep-cancels", test_idle_reset_warns_and_keep_cancels);
  g_test_add_func ("/clinic-mode/clinic-pdf-goes-to-the-clinic-folder", test_clinic_pdf_goes_to_the_clinic_folder);
  g_test_add_func ("/clinic-mode/pdf-chooser-starts-in-the-clinic-folder", test_pdf_chooser_starts_in_the_clinic_folder);
  g_test_add_func ("/clinic-mode/start-fresh-needs-the-staff-pin", test_start_fresh_needs_the_staff_pin);
  return g_test_run ();
}
