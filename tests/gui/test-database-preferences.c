/* test-database-preferences.c: Preferences: the shared clinic database's address, and "Test Connection" (aftercare-database-preferences.c). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "aftercare-database-preferences.h"
#include "aftercare-preferences-window.h"
#include "pg-test-util.h"

typedef struct
{
  GSettings *settings;
  GtkWindow *window;
  AftercareDatabasePreferences *group;
  AdwEntryRow *address_row;
  AdwActionRow *status_row;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *page = adw_preferences_page_new ();

  f->settings = g_settings_new (APP_ID);
  g_settings_set_string (f->settings, "shared-database", "service=front-desk");
  f->group = AFTERCARE_DATABASE_PREFERENCES (aftercare_database_preferences_new (f->settings));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (f->group));
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_child (f->window, page);
  gtk_window_present (f->window);
  f->address_row = ADW_ENTRY_ROW (gtk_widget_get_template_child (GTK_WIDGET (f->group),
                                                                 AFTERCARE_TYPE_DATABASE_PREFERENCES,
                                                                 "address_row"));
  f->status_row = ADW_ACTION_ROW (gtk_widget_get_template_child (GTK_WIDGET (f->group),
                                                                 AFTERCARE_TYPE_DATABASE_PREFERENCES,
                                                                 "status_row"));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  g_settings_reset (f->settings, "shared-database");
  g_clear_object (&f->settings);
  pg_test_drop_databases ();
}

static void
apply (Fixture    *f,
       const char *address)
{
  gtk_editable_set_text (GTK_EDITABLE (f->address_row), address);
  g_signal_emit_by_name (f->address_row, "apply");
}

static const char *
status (Fixture *f)
{
  return adw_action_row_get_subtitle (f->status_row);
}

static void
assert_status_says (Fixture    *f,
                    const char *words)
{
  if (strstr (status (f), words) == NULL)
    g_error ("“%s” does not say “%s”", status (f), words);
}

static void
assert_setting (Fixture    *f,
                const char *expected)
{
  g_autofree char *saved = g_settings_get_string (f->settings, "shared-database");

  g_assert_cmpstr (saved, ==, expected);
}

static void
test_shows_the_setting (Fixture       *f,
                        gconstpointer  data)
{
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->address_row)), ==, "service=front-desk");
  assert_status_says (f, "~/.pgpass");
}

static void
test_refuses_a_password (Fixture       *f,
                         gconstpointer  data)
{
  apply (f, "postgresql://aftercare_desk:secret@db.clinic.example/clinic");
  assert_setting (f, "service=front-desk");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (f->address_row), "error"));
  assert_status_says (f, "holds a password");
  /* Typing again clears the mark. */
  gtk_editable_set_text (GTK_EDITABLE (f->address_row), "postgresql://db.clinic.example/clinic");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (f->address_row), "error"));
}

static void
test_refuses_a_file (Fixture       *f,
                     gconstpointer  data)
{
  apply (f, "/home/desk/aftercare.db");
  assert_setting (f, "service=front-desk");
  assert_status_says (f, "Write a PostgreSQL server’s address as postgresql://host/database");
}

static void
test_saves_an_address (Fixture       *f,
                       gconstpointer  data)
{
  apply (f, "  postgresql://db.clinic.example/clinic?sslmode=verify-full ");
  assert_setting (f, "postgresql://db.clinic.example/clinic?sslmode=verify-full");
  assert_status_says (f, "next start");
  apply (f, "");
  assert_setting (f, "");
  assert_status_says (f, "a file on this computer");
}

/* Presses "Test Connection" and waits for the answer. */
static void
test_connection (Fixture    *f,
                 const char *address)
{
  gtk_editable_set_text (GTK_EDITABLE (f->address_row), address);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->group), "database.test", NULL));
  g_assert_true (aftercare_database_preferences_get_testing (f->group));
  assert_status_says (f, "Connecting");
  while (aftercare_database_preferences_get_testing (f->group))
    g_main_context_iteration (NULL, TRUE);
}

static guint16
closed_port (void)
{
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, 0, NULL);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;

  g_assert_true (g_socket_bind (socket, any, TRUE, NULL));
  bound = g_socket_get_local_address (socket, NULL);
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

static void
test_says_what_failed (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *address = g_strdup_printf ("postgresql://aftercare_desk@127.0.0.1:%u/clinic", closed_port ());

  test_connection (f, address);
  assert_status_says (f, "cannot be reached");
  /* Testing saves nothing. */
  assert_setting (f, "service=front-desk");
  gtk_editable_set_text (GTK_EDITABLE (f->address_row), "");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->group), "database.test", NULL));
  g_assert_false (aftercare_database_preferences_get_testing (f->group));
  assert_status_says (f, "address first");
}

static void
test_says_connected (Fixture       *f,
                     gconstpointer  data)
{
  PgTestDatabase *db;

  if (pg_test_skip_without_server ())
    return;
  db = pg_test_database_new (TRUE);
  test_connection (f, db->desk);
  assert_status_says (f, "Connected: Aftercare can read and save here");
}

/* The group is in the Preferences window, on the window's settings. */
static void
test_in_preferences_window (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(AftercareClock) clock = aftercare_clock_new ();
  AftercarePreferencesWindow *preferences = aftercare_preferences_window_new (f->window, f->settings, clock);
  AftercareDatabasePreferences *group =
    AFTERCARE_DATABASE_PREFERENCES (gtk_widget_get_template_child (GTK_WIDGET (preferences),
                                                                   AFTERCARE_TYPE_PREFERENCES_WINDOW,
                                                                   "database_group"));
  AdwEntryRow *row = ADW_ENTRY_ROW (gtk_widget_get_template_child (GTK_WIDGET (group),
                                                                   AFTERCARE_TYPE_DATABASE_PREFERENCES,
                                                                   "address_row"));

  gtk_window_present (GTK_WINDOW (preferences));
  g_assert_true (aftercare_database_preferences_get_settings (group) == f->settings);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "service=front-desk");
  gtk_window_destroy (GTK_WINDOW (preferences));
}

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  ADD ("/database-preferences/shows-the-setting", test_shows_the_setting);
  ADD ("/database-preferences/refuses-a-password", test_refuses_a_password);
  ADD ("/database-preferences/refuses-a-file", test_refuses_a_file);
  ADD ("/database-preferences/saves-an-address", test_saves_an_address);
  ADD ("/database-preferences/says-what-failed", test_says_what_failed);
  ADD ("/database-preferences/says-connected", test_says_connected);
  ADD ("/database-preferences/in-preferences-window", test_in_preferences_window);
  return g_test_run ();
}
