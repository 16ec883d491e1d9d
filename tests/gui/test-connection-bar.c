/* test-connection-bar.c: the bar at the top of the window while the clinic database is out of reach, or read-only (aftercare-connection-bar.c, aftercare-window.c). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "aftercare-application.h"
#include "aftercare-connection-bar.h"
#include "aftercare-store-error-page.h"
#include "aftercare-window.h"
#include "pg-test-util.h"
#include "store-test-util.h"

/* The bar, shown in a window of its own. */
static AftercareConnectionBar *
show_bar (AftercareStore  *store,
          GtkWindow      **window)
{
  GtkWidget *bar = aftercare_connection_bar_new ();

  *window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_child (*window, bar);
  gtk_window_present (*window);
  aftercare_connection_bar_set_store (AFTERCARE_CONNECTION_BAR (bar), store);
  return AFTERCARE_CONNECTION_BAR (bar);
}

static void
time_up_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
}

/* Runs the main loop until the bar shows (or hides), or the time is up. */
static gboolean
wait_for_revealed (AftercareConnectionBar *bar,
                   gboolean                revealed,
                   guint                   timeout_ms)
{
  gboolean time_up = FALSE;
  guint timeout = g_timeout_add_once (timeout_ms, time_up_cb, &time_up);

  while (aftercare_connection_bar_get_revealed (bar) != revealed && !time_up)
    g_main_context_iteration (NULL, TRUE);
  if (!time_up)
    g_source_remove (timeout);
  return aftercare_connection_bar_get_revealed (bar) == revealed;
}

static const char *
bar_text (AftercareConnectionBar *bar)
{
  GtkLabel *label = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (bar), AFTERCARE_TYPE_CONNECTION_BAR,
                                                              "label"));

  return gtk_label_get_text (label);
}

static void
test_hidden_for_a_file (void)
{
  g_autofree char *folder = test_make_folder ();
  g_autofree char *path = g_build_filename (folder, "aftercare.db", NULL);
  g_autoptr(AftercareStore) store = test_store_open (path);
  GtkWindow *window;
  AftercareConnectionBar *bar = show_bar (store, &window);

  g_assert_false (aftercare_connection_bar_get_revealed (bar));
  g_assert_true (aftercare_connection_bar_get_store (bar) == store);
  gtk_window_destroy (window);
  test_remove_folder (folder);
}

static void
test_shows_lost_connection (void)
{
  g_autoptr(AftercareStore) store = NULL;
  AftercareConnectionBar *bar;
  GtkWidget *box;
  GtkWindow *window;
  PgTestDatabase *db;

  if (pg_test_skip_without_server ())
    return;
  db = pg_test_database_new (TRUE);
  store = test_store_open (db->desk);
  bar = show_bar (store, &window);
  g_assert_false (aftercare_connection_bar_get_revealed (bar));

  /* The server ends the connection: the bar says so, at once. */
  pg_test_query_int (db->admin, "SELECT count(pg_terminate_backend (pid)) FROM pg_stat_activity"
                                " WHERE datname = current_database () AND pid <> pg_backend_pid ()");
  g_assert_true (wait_for_revealed (bar, TRUE, 2000));
  g_assert_nonnull (strstr (bar_text (bar), "connection to the clinic database is lost"));
  g_assert_nonnull (strstr (bar_text (bar), "keeps trying to reconnect"));
  box = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (bar), AFTERCARE_TYPE_CONNECTION_BAR, "bar"));
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_ROLE_ALERT);
  g_assert_true (gtk_widget_has_css_class (box, "lost"));

  /* Back by itself: the bar goes. */
  g_assert_true (wait_for_revealed (bar, FALSE, 3000));
  g_assert_true (aftercare_store_get_connected (store));
  gtk_window_destroy (window);
  g_clear_object (&store);
  pg_test_drop_databases ();
}

static void
test_says_why_read_only (void)
{
  g_autoptr(AftercareStore) store = NULL;
  AftercareConnectionBar *bar;
  GtkWindow *window;
  PgTestDatabase *db;

  if (pg_test_skip_without_server ())
    return;
  db = pg_test_database_new (TRUE);
  pg_test_exec (db->admin, "UPDATE aftercare.aftercare_schema SET min_app_version = 20000");
  store = test_store_open (db->desk);
  bar = show_bar (store, &window);
  g_assert_true (aftercare_connection_bar_get_revealed (bar));
  g_assert_cmpstr (bar_text (bar), ==, aftercare_store_get_read_only_reason (store));
  g_assert_nonnull (strstr (bar_text (bar), "2.0.0 or newer"));
  gtk_window_destroy (window);
  g_clear_object (&store);
  pg_test_drop_databases ();
}

/* The real window, started on a shared database, watches it. */

typedef struct
{
  const char *location;
  gboolean checked;
} WindowCheck;

static gboolean
close_cb (gpointer data)
{
  gtk_window_close (data);
  return G_SOURCE_REMOVE;
}

static void
activate_after_cb (GApplication *app,
                   WindowCheck  *check)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  AftercareConnectionBar *bar =
    AFTERCARE_CONNECTION_BAR (gtk_widget_get_template_child (GTK_WIDGET (window), AFTERCARE_TYPE_WINDOW,
                                                             "connection_bar"));
  AftercareStore *store = aftercare_connection_bar_get_store (bar);

  g_assert_nonnull (store);
  g_assert_cmpstr (aftercare_store_get_location (store), ==, check->location);
  g_assert_false (aftercare_connection_bar_get_revealed (bar));
  check->checked = TRUE;
  g_idle_add (close_cb, window);
}

static void
test_window_watches_shared_database (void)
{
  g_autoptr(AftercareApplication) app = NULL;
  WindowCheck check = { NULL, FALSE };
  PgTestDatabase *db;
  char *argv[] = { (char *) "aftercare", (char *) "--db", NULL, NULL };

  if (pg_test_skip_without_server ())
    return;
  db = pg_test_database_new (TRUE);
  check.location = argv[2] = db->desk;
  app = aftercare_application_new ();
  g_signal_connect_after (app, "activate", G_CALLBACK (activate_after_cb), &check);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 3, argv), ==, 0);
  g_assert_true (check.checked);
  g_clear_object (&app);
  pg_test_drop_databases ();
}

/* The window, started while the shared database is not ready, tries again. */

typedef struct
{
  PgTestDatabase *db;
  gboolean checked;
} RetryCheck;

static void
retry_activate_after_cb (GApplication *app,
                         RetryCheck   *check)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  GtkWidget *page = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));
  AdwStatusPage *status;
  GtkWidget *try_again;
  AftercareConnectionBar *bar;
  g_autoptr(AftercareStore) owner = NULL;

  g_assert_true (AFTERCARE_IS_STORE_ERROR_PAGE (page));
  status = ADW_STATUS_PAGE (gtk_widget_get_template_child (page, AFTERCARE_TYPE_STORE_ERROR_PAGE, "status_page"));
  try_again = GTK_WIDGET (gtk_widget_get_template_child (page, AFTERCARE_TYPE_STORE_ERROR_PAGE, "try_again_button"));
  g_assert_nonnull (strstr (adw_status_page_get_description (status), "no Aftercare tables yet"));
  /* A server's database is never "a file", nor set aside from here. */
  g_assert_null (strstr (adw_status_page_get_description (status), "The file at"));
  g_assert_true (gtk_widget_get_visible (try_again));

  /* The owner makes the tables; trying again opens the views. */
  owner = test_store_open (check->db->owner);
  g_assert_true (gtk_widget_activate_action (page, "store-error.try-again", NULL));
  g_assert_false (AFTERCARE_IS_STORE_ERROR_PAGE (adw_application_window_get_content (ADW_APPLICATION_WINDOW (window))));
  bar = AFTERCARE_CONNECTION_BAR (gtk_widget_get_template_child (GTK_WIDGET (window), AFTERCARE_TYPE_WINDOW,
                                                                 "connection_bar"));
  g_assert_nonnull (aftercare_connection_bar_get_store (bar));
  check->checked = TRUE;
  g_idle_add (close_cb, window);
}

static void
test_window_tries_again (void)
{
  g_autoptr(AftercareApplication) app = NULL;
  RetryCheck check = { NULL, FALSE };
  char *argv[] = { (char *) "aftercare", (char *) "--db", NULL, NULL };

  if (pg_test_skip_without_server ())
    return;
  check.db = pg_test_database_new (FALSE);
  argv[2] = check.db->desk;
  app = aftercare_application_new ();
  g_signal_connect_after (app, "activate", G_CALLBACK (retry_activate_after_cb), &check);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 3, argv), ==, 0);
  g_assert_true (check.checked);
  g_clear_object (&app);
  pg_test_drop_databases ();
}

/* The window's content once it is no longer `before` (10 s at most): a
 * button activated from the keyboard shows itself pressed a moment before
 * it acts, and a check reports from its thread. */
static GtkWidget *
wait_for_new_content (GtkWindow *window,
                      GtkWidget *before)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (adw_application_window_get_content (ADW_APPLICATION_WINDOW (window)) == before &&
         g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (G_USEC_PER_SEC / 1000);
    }
  return adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));
}

static GtkWidget *
error_page_child (GtkWidget  *page,
                  const char *name)
{
  g_assert_true (AFTERCARE_IS_STORE_ERROR_PAGE (page));
  return GTK_WIDGET (gtk_widget_get_template_child (page, AFTERCARE_TYPE_STORE_ERROR_PAGE, name));
}

static const char *
error_page_text (GtkWidget *page)
{
  const char *text = adw_status_page_get_description (ADW_STATUS_PAGE (error_page_child (page, "status_page")));

  g_test_message ("%s", text);
  return text;
}

/* Activates the page's Try Again, as Return on it does; the window's
 * content after it acted. */
static GtkWidget *
press_try_again (GtkWindow *window,
                 GtkWidget *page)
{
  GtkWidget *button = error_page_child (page, "try_again_button");

  g_assert_true (gtk_widget_get_visible (button));
  g_assert_true (gtk_widget_activate (button));
  return wait_for_new_content (window, page);
}

/* A log file, the folder it should be in, where it goes when moved away. */
typedef struct
{
  char *top;
  char *folder;
  char *path;
  char *away;
  gboolean checked;
} FileCheck;

/* Runs the application on check->path; after_cb checks the window. */
static void
run_on_file (FileCheck *check,
             GCallback  after_cb)
{
  g_autoptr(AftercareApplication) app = aftercare_application_new ();
  char *argv[] = { (char *) "aftercare", (char *) "--db", check->path, NULL };

  g_signal_connect_after (app, "activate", after_cb, check);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 3, argv), ==, 0);
  g_assert_true (check->checked);
  g_clear_object (&app);
  test_remove_folder (check->top);
  g_free (check->top);
  g_free (check->folder);
  g_free (check->path);
  g_free (check->away);
}

static void
file_check_init (FileCheck *check)
{
  check->top = test_make_folder ();
  check->folder = g_build_filename (check->top, "drive", NULL);
  check->path = g_build_filename (check->folder, "aftercare.db", NULL);
  check->away = g_build_filename (check->top, "moved.db", NULL);
  check->checked = FALSE;
}

/* A file the window could not open (here: where a folder should be,
 * there is a file, as when a drive is not there yet) is tried again from
 * the button: once the folder is there, the views open on it. */
static void
file_retry_activate_after_cb (GApplication *app,
                              FileCheck    *check)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  GtkWidget *page = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));

  g_assert_nonnull (strstr (error_page_text (page), "The file at"));
  /* Nothing is damaged: nothing to start fresh from. */
  g_assert_false (gtk_widget_get_visible (error_page_child (page, "start_fresh_button")));

  /* The folder comes; the button opens the views. */
  g_assert_cmpint (g_remove (check->folder), ==, 0);
  g_assert_cmpint (g_mkdir (check->folder, 0700), ==, 0);
  page = press_try_again (window, page);
  g_assert_false (AFTERCARE_IS_STORE_ERROR_PAGE (page));
  g_assert_nonnull (aftercare_window_get_store (AFTERCARE_WINDOW (window)));
  g_assert_true (g_file_test (check->path, G_FILE_TEST_IS_REGULAR));
  check->checked = TRUE;
  g_idle_add (close_cb, window);
}

static void
test_window_tries_a_file_again (void)
{
  FileCheck check;

  file_check_init (&check);
  g_assert_true (g_file_set_contents (check.folder, "", 0, NULL));
  run_on_file (&check, G_CALLBACK (file_retry_activate_after_cb));
}

/* A log that opened but went away before its check (moved, or its drive
 * taken out): Try Again does not make a new, empty log in its place, and
 * once the file is back, opens it with its massages. */
static void
gone_activate_after_cb (GApplication *app,
                        FileCheck    *check)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  GtkWidget *page = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));
  GList *windows;

  /* Taken away after it opened, before its check (after the first frame). */
  g_assert_false (AFTERCARE_IS_STORE_ERROR_PAGE (page));
  g_assert_cmpint (g_rename (check->path, check->away), ==, 0);
  page = wait_for_new_content (window, page);
  g_assert_nonnull (strstr (error_page_text (page), "Could not check"));

  /* Still away: no new log, and a new page says where it should be. */
  page = press_try_again (window, page);
  g_assert_nonnull (strstr (error_page_text (page), "no longer there"));
  g_assert_false (g_file_test (check->path, G_FILE_TEST_EXISTS));

  /* Back: Try Again opens it in a new window, with its massages. */
  g_assert_cmpint (g_rename (check->away, check->path), ==, 0);
  g_assert_true (gtk_widget_activate (error_page_child (page, "try_again_button")));
  {
    gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

    while (gtk_application_get_active_window (GTK_APPLICATION (app)) == window && g_get_monotonic_time () < deadline)
      {
        g_main_context_iteration (NULL, FALSE);
        g_usleep (G_USEC_PER_SEC / 1000);
      }
  }
  windows = gtk_application_get_windows (GTK_APPLICATION (app));
  g_assert_cmpuint (g_list_length (windows), ==, 1);
  window = windows->data;
  g_assert_false (AFTERCARE_IS_STORE_ERROR_PAGE (adw_application_window_get_content (ADW_APPLICATION_WINDOW (window))));
  g_assert_cmpuint (g_list_model_get_n_items (aftercare_store_get_sessions (aftercare_window_get_store (
                      AFTERCARE_WINDOW (window)))), ==, 3);
  check->checked = TRUE;
  g_idle_add (close_cb, window);
}

static void
test_window_waits_for_a_file_gone (void)
{
  FileCheck check;

  file_check_init (&check);
  g_assert_cmpint (g_mkdir (check.folder, 0700), ==, 0);
  {
    g_autoptr(AftercareStore) store = test_store_open (check.path);

    for (guint i = 0; i < 3; i++)
      {
        g_autoptr(AftercareSession) session = test_session_new ("2026-11-24T10:00:00Z");
        g_autoptr(GError) error = NULL;

        g_assert_true (aftercare_store_add_session (store, session, &error));
        g_assert_no_error (error);
      }
  }
  run_on_file (&check, G_CALLBACK (gone_activate_after_cb));
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add_func ("/connection-bar/hidden-for-a-file", test_hidden_for_a_file);
  g_test_add_func ("/connection-bar/shows-lost-connection-until-back", test_shows_lost_connection);
  g_test_add_func ("/connection-bar/says-why-read-only", test_says_why_read_only);
  g_test_add_func ("/connection-bar/window-watches-shared-database", test_window_watches_shared_database);
  g_test_add_func ("/connection-bar/window-tries-again", test_window_tries_again);
  g_test_add_func ("/connection-bar/window-tries-a-file-again", test_window_tries_a_file_again);
  g_test_add_func ("/connection-bar/window-waits-for-a-file-gone", test_window_waits_for_a_file_gone);
  return g_test_run ();
}
