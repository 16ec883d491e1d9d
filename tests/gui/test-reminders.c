/* test-reminders.c: check-in reminders reach a notification server, open the check-in, keep the app while pending. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <signal.h>

#include "aftercare-application.h"
#include "aftercare-checkin-dialog.h"
#include "aftercare-sessions-view.h"
#include "aftercare-session-page.h"
#include "aftercare-time.h"
#include "aftercare-window.h"
#include "store-test-util.h"
#include "gui-test-util.h"

/* A deep tissue massage that ended at 09:00 UTC: reminders at 13:00, then
 * (with no check-in) 21:00. */
#define END "2026-03-10T09:00:00Z"
#define WAIT_SECONDS 20

typedef struct {
  GTestDBus *bus;
  GPid mock_pid;
  GDBusConnection *connection;
  char *folder;
  char *db_path;
  char *session_id;
  AftercareApplication *app;
  gboolean ran;
} Fixture;

/* ---- The mock notification server (python3-dbusmock) ---------------------- */

static void
start_mock (Fixture *f)
{
  const char *argv[] = { "/usr/bin/python3", "-m", "dbusmock", "--template", "notification_daemon", NULL };
  g_autoptr(GError) error = NULL;
  gint64 deadline = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;

  g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                 NULL, NULL, &f->mock_pid, &error);
  g_assert_no_error (error);
  f->connection = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  while (g_get_monotonic_time () < deadline)
    {
      g_autoptr(GVariant) reply = g_dbus_connection_call_sync (f->connection, "org.freedesktop.DBus",
                                                               "/org/freedesktop/DBus", "org.freedesktop.DBus",
                                                               "NameHasOwner",
                                                               g_variant_new ("(s)", "org.freedesktop.Notifications"),
                                                               G_VARIANT_TYPE ("(b)"), 0, -1, NULL, NULL);
      gboolean owned = FALSE;

      if (reply != NULL)
        g_variant_get (reply, "(b)", &owned);
      if (owned)
        {
          /* The template takes CloseNotification's id as a signed
           * integer, where the specification (and GLib) send it unsigned. */
          g_autoptr(GVariant) added = g_dbus_connection_call_sync (f->connection, "org.freedesktop.Notifications",
                                                                   "/org/freedesktop/Notifications",
                                                                   "org.freedesktop.DBus.Mock", "AddMethod",
                                                                   g_variant_new ("(sssss)", "org.freedesktop.Notifications",
                                                                                  "CloseNotification", "u", "", ""),
                                                                   NULL, 0, -1, NULL, &error);

          g_assert_no_error (error);
          return;
        }
      g_usleep (50000);
    }
  g_error ("The mock notification server did not start");
}

/* The mock's record of calls to method, as their arguments. */
static GPtrArray *
calls_to (Fixture    *f,
          const char *method)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = g_dbus_connection_call_sync (f->connection, "org.freedesktop.Notifications",
                                                           "/org/freedesktop/Notifications",
                                                           "org.freedesktop.DBus.Mock", "GetCalls", NULL,
                                                           G_VARIANT_TYPE ("(a(tsav))"), 0, -1, NULL, &error);
  g_autoptr(GVariantIter) iter = NULL;
  GPtrArray *calls = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  const char *name;
  GVariant *args;

  g_assert_no_error (error);
  g_variant_get (reply, "(a(tsav))", &iter);
  while (g_variant_iter_next (iter, "(t&s@av)", NULL, &name, &args))
    {
      if (g_str_equal (name, method))
        g_ptr_array_add (calls, g_variant_ref (args));
      g_variant_unref (args);
    }
  return calls;
}

static const char *
arg_string (GVariant *args,
            guint     index)
{
  g_autoptr(GVariant) boxed = g_variant_get_child_value (args, index);
  g_autoptr(GVariant) value = g_variant_get_variant (boxed);

  return g_intern_string (g_variant_get_string (value, NULL));
}

/* Runs the application's main loop until the mock has n calls to method. */
static GPtrArray *
wait_for_calls (Fixture    *f,
                const char *method,
                guint       n)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline)
    {
      g_autoptr(GPtrArray) calls = calls_to (f, method);

      if (calls->len >= n)
        return g_steal_pointer (&calls);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
  {
    g_autoptr(GVariant) reply = g_dbus_connection_call_sync (f->connection, "org.freedesktop.Notifications",
                                                             "/org/freedesktop/Notifications",
                                                             "org.freedesktop.DBus.Mock", "GetCalls", NULL,
                                                             NULL, 0, -1, NULL, NULL);
    g_autofree char *text = reply != NULL ? g_variant_print (reply, FALSE) : NULL;

    g_error ("No %u calls to %s; the server had %s", n, method, text);
  }
}

/* ---- The application ------------------------------------------------------- */

static void
set_time (Fixture    *f,
          const char *text)
{
  g_autoptr(GDateTime) now = aftercare_time_parse (text);
  AftercareReminderService *reminders = aftercare_application_get_reminders (f->app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (f->app));

  /* The window's clock too, so the check-in it saves is made then. */
  if (AFTERCARE_IS_WINDOW (window))
    aftercare_clock_set_now (aftercare_window_get_clock (AFTERCARE_WINDOW (window)), now);
  aftercare_clock_set_now (aftercare_reminder_service_get_clock (reminders), now);
}

static GtkWindow *
find_checkin_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (AFTERCARE_IS_CHECKIN_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static const char *
action_key (GVariant   *notify_args,
            const char *label)
{
  g_autoptr(GVariant) boxed = g_variant_get_child_value (notify_args, 5);
  g_autoptr(GVariant) actions = g_variant_get_variant (boxed);
  g_autofree const char **strings = g_variant_get_strv (actions, NULL);

  for (guint i = 0; strings[i] != NULL && strings[i + 1] != NULL; i += 2)
    if (g_str_equal (strings[i + 1], label))
      return g_intern_string (strings[i]);
  return NULL;
}

static void
invoke (Fixture    *f,
        guint32     id,
        const char *key)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = NULL;
  GVariantBuilder args;

  g_variant_builder_init (&args, G_VARIANT_TYPE ("av"));
  g_variant_builder_add (&args, "v", g_variant_new_uint32 (id));
  g_variant_builder_add (&args, "v", g_variant_new_string (key));
  reply = g_dbus_connection_call_sync (f->connection, "org.freedesktop.Notifications",
                                       "/org/freedesktop/Notifications", "org.freedesktop.DBus.Mock",
                                       "EmitSignal",
                                       g_variant_new ("(sssav)", "org.freedesktop.Notifications",
                                                      "ActionInvoked", "us", &args),
                                       NULL, 0, -1, NULL, &error);
  g_assert_no_error (error);
}

static gboolean
autostart_exists (void)
{
  g_autofree char *path = aftercare_reminder_service_get_autostart_path ();

  return g_file_test (path, G_FILE_TEST_EXISTS);
}

/* Runs only if the application outlived its window; with reminders off
 * it ends (and the test's g_application_run returns). */
static void
still_running_cb (gpointer data)
{
  Fixture *f = data;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_assert_null (gtk_application_get_active_window (GTK_APPLICATION (f->app)));
  f->ran = TRUE;
  g_settings_set_boolean (settings, "reminders", FALSE);
  g_assert_false (autostart_exists ());
}

static void
script (Fixture *f)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  AftercareReminderService *reminders = aftercare_application_get_reminders (f->app);
  g_autoptr(GPtrArray) notified = NULL;
  g_autoptr(GPtrArray) closed = NULL;
  g_autofree char *autostart = NULL;
  g_autofree char *contents = NULL;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (f->app));
  AftercareSessionPage *page;
  GtkWindow *dialog;
  const char *check_in_key;
  guint32 id;

  /* Reminders are on at home: the start at login is there. */
  autostart = aftercare_reminder_service_get_autostart_path ();
  g_assert_true (g_file_get_contents (autostart, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "--background"));

  /* A minute before it is due: nothing. */
  set_time (f, "2026-03-10T12:59:00Z");
  gui_test_run_loop (500);
  notified = calls_to (f, "Notify");
  g_assert_cmpuint (notified->len, ==, 0);
  g_clear_pointer (&notified, g_ptr_array_unref);

  /* Due: one notification, in our words, with its buttons. */
  set_time (f, "2026-03-10T13:00:00Z");
  notified = wait_for_calls (f, "Notify", 1);
  g_assert_cmpuint (notified->len, ==, 1);
  g_assert_cmpstr (arg_string (notified->pdata[0], 3), ==, "How do you feel now?");
  g_assert_cmpstr (arg_string (notified->pdata[0], 4), ==,
                   "Deep tissue massage, 4 hours after. Check in to see what you can do today.");
  g_assert_nonnull (action_key (notified->pdata[0], "Later"));
  check_in_key = action_key (notified->pdata[0], "Check In");
  g_assert_nonnull (check_in_key);
  g_assert_nonnull (strstr (check_in_key, f->session_id));
  g_assert_true (aftercare_reminder_service_get_pending (reminders));

  /* Checking the time again sends nothing more. */
  set_time (f, "2026-03-10T13:05:00Z");
  gui_test_run_loop (500);
  g_clear_pointer (&notified, g_ptr_array_unref);
  notified = calls_to (f, "Notify");
  g_assert_cmpuint (notified->len, ==, 1);

  /* "Check In" opens the check-in dialog on that session. */
  id = 1;
  invoke (f, id, check_in_key);
  for (gint64 deadline = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;
       find_checkin_dialog () == NULL && g_get_monotonic_time () < deadline; )
    g_main_context_iteration (NULL, FALSE);
  dialog = find_checkin_dialog ();
  g_assert_nonnull (dialog);
  window = gtk_application_get_active_window (GTK_APPLICATION (f->app));
  g_assert_true (gtk_window_get_transient_for (dialog) == window ||
                 AFTERCARE_IS_WINDOW (gtk_window_get_transient_for (dialog)));
  page = aftercare_sessions_view_get_page (AFTERCARE_SESSIONS_VIEW (
    gtk_widget_get_template_child (GTK_WIDGET (window), AFTERCARE_TYPE_WINDOW, "sessions_view")));
  g_assert_cmpstr (aftercare_session_get_id (aftercare_session_page_get_session (page)), ==, f->session_id);

  /* On the server's side, a clicked notification is gone: close the dialog. */
  gtk_window_destroy (dialog);
  while (find_checkin_dialog () != NULL)
    g_main_context_iteration (NULL, FALSE);

  /* Due again at 21:00 with no check-in: a second one. Checking in from
   * the session page withdraws it. */
  set_time (f, "2026-03-10T21:00:00Z");
  g_clear_pointer (&notified, g_ptr_array_unref);
  notified = wait_for_calls (f, "Notify", 2);
  g_assert_cmpuint (notified->len, ==, 2);
  /* GLib learns the notification's number from the server's answer, and
   * cannot close one it has no number for yet: give a busy machine time. */
  for (guint i = 0; i < 4; i++)
    gui_test_run_loop (500);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "session.check-in", NULL));
  dialog = find_checkin_dialog ();
  g_assert_nonnull (dialog);
  aftercare_checkin_dialog_set_values (AFTERCARE_CHECKIN_DIALOG (dialog), 2, AFTERCARE_SYMPTOM_NONE, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "checkin.save", NULL));
  closed = wait_for_calls (f, "CloseNotification", 1);
  g_assert_cmpuint (closed->len, ==, 1);

  /* The next is due at 09:00, inside quiet hours until 10:00: it waits. */
  g_settings_set_uint (settings, "quiet-hours-start", 8);
  g_settings_set_uint (settings, "quiet-hours-end", 10);
  set_time (f, "2026-03-11T09:00:00Z");
  gui_test_run_loop (500);
  g_clear_pointer (&notified, g_ptr_array_unref);
  notified = calls_to (f, "Notify");
  g_assert_cmpuint (notified->len, ==, 2);
  /* The session page says when it will come, beside the next check-in. */
  {
    AdwActionRow *row = ADW_ACTION_ROW (gtk_widget_get_template_child (GTK_WIDGET (page), AFTERCARE_TYPE_SESSION_PAGE,
                                                                        "next_checkin_row"));

    g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), "Reminder 10:00"));
  }
  /* So does the page of a window opened now, the service long running. */
  {
    AftercareWindow *second = aftercare_window_new (GTK_APPLICATION (f->app), f->db_path, settings);
    AftercareSessionPage *second_page = aftercare_sessions_view_get_page (AFTERCARE_SESSIONS_VIEW (
      gtk_widget_get_template_child (GTK_WIDGET (second), AFTERCARE_TYPE_WINDOW, "sessions_view")));
    AdwActionRow *row = ADW_ACTION_ROW (gtk_widget_get_template_child (GTK_WIDGET (second_page),
                                                                        AFTERCARE_TYPE_SESSION_PAGE,
                                                                        "next_checkin_row"));
    g_autoptr(GDateTime) nine = aftercare_time_parse ("2026-03-11T09:00:00Z");

    aftercare_clock_set_now (aftercare_window_get_clock (second), nine);
    gtk_window_present (GTK_WINDOW (second));
    while (!gtk_widget_get_mapped (GTK_WIDGET (row)))
      g_main_context_iteration (NULL, TRUE);
    gui_test_run_loop (200);
    g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), "Reminder 10:00"));
    gtk_window_destroy (GTK_WINDOW (second));
  }
  set_time (f, "2026-03-11T10:00:00Z");
  g_clear_pointer (&notified, g_ptr_array_unref);
  notified = wait_for_calls (f, "Notify", 3);
  g_assert_cmpuint (notified->len, ==, 3);
  gui_test_run_loop (500);

  /* Clinic mode: withdrawn, none at the next due time, no start at login. */
  g_settings_set_boolean (settings, "clinic-mode", TRUE);
  g_clear_pointer (&closed, g_ptr_array_unref);
  closed = wait_for_calls (f, "CloseNotification", 2);
  set_time (f, "2026-03-12T11:00:00Z");
  gui_test_run_loop (500);
  g_clear_pointer (&notified, g_ptr_array_unref);
  notified = calls_to (f, "Notify");
  g_assert_cmpuint (notified->len, ==, 3);
  g_assert_false (aftercare_reminder_service_get_pending (reminders));
  g_assert_false (autostart_exists ());
  g_settings_set_boolean (settings, "clinic-mode", FALSE);
  g_assert_true (autostart_exists ());

  /* With a reminder out, closing the window keeps the application. */
  set_time (f, "2026-03-11T10:30:00Z");
  g_assert_true (aftercare_reminder_service_get_pending (reminders));
  gtk_window_destroy (window);
  g_timeout_add_once (500, still_running_cb, f);
}

static void
activate_after_cb (GApplication *app,
                   Fixture      *f)
{
  script (f);
}

static void
test_reminder_arrives_and_opens_the_checkin (void)
{
  Fixture f = { 0 };
  g_autoptr(AftercareStore) store = NULL;
  g_autoptr(AftercareSession) session = NULL;
  g_autoptr(GError) error = NULL;
  char *argv[4];

  /* A bus of our own, with the mock server on it. */
  f.bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (f.bus);
  start_mock (&f);

  f.folder = test_make_folder ();
  f.db_path = g_build_filename (f.folder, "reminders.db", NULL);
  store = test_store_open (f.db_path);
  session = test_session_new (END);
  aftercare_session_set_massage_type (session, AFTERCARE_MASSAGE_DEEP_TISSUE);
  aftercare_session_set_pressure (session, AFTERCARE_PRESSURE_DEEP);
  aftercare_session_set_first_time (session, FALSE);
  g_assert_true (aftercare_store_add_session (store, session, &error));
  g_assert_no_error (error);
  f.session_id = g_strdup (aftercare_session_get_id (session));
  g_clear_object (&store);

  f.app = aftercare_application_new ();
  argv[0] = (char *) "aftercare";
  argv[1] = (char *) "--db";
  argv[2] = f.db_path;
  argv[3] = NULL;
  g_signal_connect_after (f.app, "activate", G_CALLBACK (activate_after_cb), &f);
  /* It returns only once reminders are off and the window closed. */
  g_assert_cmpint (g_application_run (G_APPLICATION (f.app), 3, argv), ==, 0);
  g_assert_true (f.ran);

  g_clear_object (&f.app);
  g_clear_object (&f.connection);
  kill (f.mock_pid, SIGTERM);
  g_spawn_close_pid (f.mock_pid);
  /* GTK keeps its connection to the bus to the end: stop the bus without
   * waiting for every connection to go (g_test_dbus_down, which also runs
   * when the object goes, would wait and then warn), and keep the object. */
  g_test_dbus_stop (f.bus);
  test_remove_folder (f.folder);
  g_free (f.folder);
  g_free (f.db_path);
  g_free (f.session_id);
}

/* The service reads the database to find what is due, but never reads
 * the whole file to check it: that is the window's, after its first frame,
 * and before this the service's opening read every page of a clinic's
 * database before the window could show. */
static void
test_service_reads_little_of_a_large_database (void)
{
  g_autofree char *folder = test_make_folder ();
  g_autofree char *db_path = g_build_filename (folder, "large.db", NULL);
  g_autofree char *backup = g_build_filename (folder, "backup.json", NULL);
  g_autoptr(GFile) backup_file = g_file_new_for_path (backup);
  g_autoptr(GApplication) app = g_application_new ("io.github.aftercare.ReminderTest", G_APPLICATION_NON_UNIQUE);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(AftercareClock) clock = aftercare_clock_new ();
  g_autoptr(AftercareReminderService) service = NULL;
  g_autoptr(GTestDBus) bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_autoptr(GError) error = NULL;
  GStatBuf info;
  guint64 before;

  /* 3,000 massages of years ago, ten check-ins each: nothing is due. */
  {
    g_autoptr(AftercareStore) store = test_store_open (db_path);

    test_write_json_backup (backup, 3000, 10, FALSE);
    aftercare_store_import_file (store, backup_file, NULL, NULL, &error);
    g_assert_no_error (error);
  }
  g_assert_cmpint (g_stat (db_path, &info), ==, 0);
  g_settings_set_boolean (settings, "reminders", TRUE);
  g_test_dbus_up (bus);
  g_assert_true (g_application_register (app, NULL, &error));
  g_assert_no_error (error);

  before = test_bytes_read ();
  service = aftercare_reminder_service_new (app, settings, clock, db_path);
  aftercare_reminder_service_update (service);
  g_test_message ("%" G_GUINT64_FORMAT " bytes read of a %" G_GINT64_FORMAT "-byte database",
                  test_bytes_read () - before, (gint64) info.st_size);
  g_assert_cmpuint (test_bytes_read () - before, <, (guint64) info.st_size / 8);
  g_assert_false (aftercare_reminder_service_get_pending (service));

  /* Left as the next test expects: reminders as by default, no start at login yet. */
  g_clear_object (&service);
  g_clear_object (&app);
  g_test_dbus_down (bus);
  g_settings_reset (settings, "reminders");
  {
    g_autofree char *autostart = aftercare_reminder_service_get_autostart_path ();

    g_remove (autostart);
  }
  test_remove_folder (folder);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *config = test_make_folder ();
  int status;

  /* Quiet hours are in local time: make it UTC, as the times above are. */
  g_setenv ("TZ", "UTC", TRUE);
  /* The start at login is written here: other tests running beside this
   * one turn reminders off and remove theirs. */
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  setlocale (LC_ALL, "");
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/reminders/service-reads-little-of-a-large-database", test_service_reads_little_of_a_large_database);
  g_test_add_func ("/reminders/arrive-open-checkin-withdraw-hold", test_reminder_arrives_and_opens_the_checkin);
  status = g_test_run ();
  test_remove_folder (config);
  return status;
}
