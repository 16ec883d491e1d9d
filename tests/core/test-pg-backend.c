/* test-pg-backend.c: the store on a PostgreSQL server: addresses, roles, the tables' layout, connecting and reconnecting (aftercare-pg-backend.c, aftercare-pg-connect.c). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "aftercare-modules.h"
#include "aftercare-pg-backend.h"
#include "aftercare-pg-schema.h"
#include "aftercare-store.h"
#include "pg-test-util.h"
#include "store-test-util.h"

static void
assert_open_fails (const char *location,
                   int         code,
                   const char *words)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AftercareStore) store = aftercare_store_open (location, test_time_source (), &error);

  g_assert_null (store);
  g_assert_error (error, AFTERCARE_STORE_ERROR, code);
  if (strstr (error->message, words) == NULL)
    g_error ("“%s” does not say “%s”", error->message, words);
}

static void
assert_test_fails (const char *location,
                   int         code,
                   const char *words)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (aftercare_store_test_connection (location, &error));
  g_test_message ("%s", error->message);
  g_assert_error (error, AFTERCARE_STORE_ERROR, code);
  if (strstr (error->message, words) == NULL)
    g_error ("“%s” does not say “%s”", error->message, words);
}

/* Addresses */

static void
test_location_kinds (void)
{
  static const char * const servers[] = {
    "postgresql://db.clinic.example/clinic?sslmode=verify-full",
    "postgres://desk@db.clinic.example:5433/clinic",
    "postgresql:///clinic",
    "service=clinic",
    "host=db.clinic.example dbname=clinic sslmode=verify-full",
    "dbname=clinic",
    "sslmode=require",
    /* Written like addresses: never a file's name. */
    "POSTGRESQL://u:secret@host/db",
    "host=h password='secret",
    "mysql://db.example/clinic",
  };
  static const char * const files[] = {
    "/home/sam/.local/share/aftercare/aftercare.db",
    "aftercare.db",
    "/tmp/a=b.db",
    "C:\\clinic.db",
    "./service=clinic",
  };

  for (guint i = 0; i < G_N_ELEMENTS (servers); i++)
    g_assert_true (aftercare_store_location_is_server (servers[i]));
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    g_assert_false (aftercare_store_location_is_server (files[i]));
}

static void
test_location_password_refused (void)
{
  static const char * const with_password[] = {
    "postgresql://desk:secret@db.clinic.example/clinic",
    "host=db.clinic.example dbname=clinic password=secret",
  };

  for (guint i = 0; i < G_N_ELEMENTS (with_password); i++)
    {
      assert_open_fails (with_password[i], AFTERCARE_STORE_ERROR_INVALID, "~/.pgpass");
      assert_test_fails (with_password[i], AFTERCARE_STORE_ERROR_INVALID, "~/.pgpass");
    }
  assert_test_fails ("/tmp/aftercare.db", AFTERCARE_STORE_ERROR_INVALID, "postgresql://");
}

static void
test_sqlstate_in_any_language (void)
{
  /* aftercare-pg-connect.c, in the module that holds it. */
  char *(*aftercare_pg_find_sqlstate) (const char *message) =
    aftercare_module_lookup ("aftercare-pg", "aftercare_pg_find_sqlstate", NULL);
  g_autofree char *english = aftercare_pg_find_sqlstate (
    "connection to server on socket \"/run/x\" failed: FATAL:  28P01: password authentication failed");
  g_autofree char *german = aftercare_pg_find_sqlstate (
    "Verbindung zum Server fehlgeschlagen: FATAL:  3D000: Datenbank »x« existiert nicht\nLOCATION: x");
  g_autofree char *none = aftercare_pg_find_sqlstate ("could not connect: Connection refused");

  g_assert_nonnull (aftercare_pg_find_sqlstate);
  g_assert_cmpstr (english, ==, "28P01");
  g_assert_cmpstr (german, ==, "3D000");
  g_assert_null (none);
}

/* The desks' role: least privilege */

static void
assert_refused (const char *location,
                const char *sql)
{
  g_autofree char *sqlstate = pg_test_exec_sqlstate (location, sql);

  if (!g_str_equal (sqlstate, "42501"))
    g_error ("%s: expected permission denied (42501), got “%s”", sql, sqlstate);
}

/* This build's version as the layout records it: 0.2.0 is 200. (The
 * module's own aftercare_pg_schema_get_app_version() works it out.) */
static gint64
this_app_version (void)
{
  int (*get_app_version) (void) = aftercare_module_lookup ("aftercare-pg", "aftercare_pg_schema_get_app_version", NULL);

  g_assert_nonnull (get_app_version);
  return get_app_version ();
}

static void
test_desk_role_least_privilege (void)
{
  static const char * const ddl[] = {
    "CREATE TABLE aftercare.extra (a integer)",
    "CREATE TABLE public.extra (a integer)",
    "CREATE TEMPORARY TABLE extra (a integer)",
    "CREATE SCHEMA extra",
    "CREATE INDEX ON aftercare.sessions (client)",
    "ALTER TABLE aftercare.sessions ADD COLUMN extra integer",
    "DROP TABLE aftercare.checkins",
    "TRUNCATE aftercare.checkins",
    "CREATE ROLE extra",
    "CREATE DATABASE extra",
    "INSERT INTO aftercare.aftercare_schema VALUES (9, 0)",
  };
  PgTestDatabase *db;

  if (pg_test_skip_without_server ())
    return;
  db = pg_test_database_new (TRUE);
  g_assert_cmpint (pg_test_query_int (db->admin,
                                      "SELECT count(*) FROM pg_roles WHERE rolname = 'aftercare_desk'"
                                      " AND NOT rolcanlogin AND NOT (rolsuper OR rolcreatedb OR rolcreaterole"
                                      " OR rolreplication OR rolbypassrls)"), ==, 1);
  for (guint i = 0; i < G_N_ELEMENTS (ddl); i++)
    assert_refused (db->desk, ddl[i]);
  /* Rows it may change; the layout's record it may only read. */
  pg_test_exec (db->desk, "UPDATE aftercare.aftercare_schema SET min_app_version = 0");
  g_assert_cmpint (pg_test_query_int (db->desk, "SELECT min_app_version FROM aftercare.aftercare_schema"), ==,
                   this_app_version ());
  g_assert_cmpint (pg_test_query_int (db->desk, "SELECT count(*) FROM aftercare.sessions"), ==, 0);
  /* Nobody else may even connect. */
  pg_test_exec (db->admin, "CREATE ROLE aftercare_stranger LOGIN");
  g_assert_cmpint (pg_test_query_int (db->admin, "SELECT has_database_privilege ('aftercare_stranger',"
                                                 " current_database (), 'CONNECT')::int"), ==, 0);
  pg_test_exec (db->admin, "DROP ROLE aftercare_stranger");
  pg_test_drop_databases ();
}

/* The tables' layout */

static void
test_layout_created_by_owner (void)
{
  g_autoptr(AftercareStore) store = NULL;
  PgTestDatabase *db;

  if (pg_test_skip_without_server ())
    return;
  db = pg_test_database_new (FALSE);
  /* A desk may not make the tables, and says who can. */
  assert_open_fails (db->desk, AFTERCARE_STORE_ERROR_NOT_SET_UP, "no Aftercare tables yet");
  assert_test_fails (db->desk, AFTERCARE_STORE_ERROR_NOT_SET_UP, "no Aftercare tables yet");
  g_assert_cmpint (pg_test_query_int (db->admin, "SELECT count(*) FROM pg_tables WHERE schemaname = 'aftercare'"),
                   ==, 0);

  store = test_store_open (db->owner);
  g_assert_false (aftercare_store_get_read_only (store));
  g_assert_cmpint (pg_test_query_int (db->admin, "SELECT version FROM aftercare.aftercare_schema"), ==,
                   AFTERCARE_PG_SCHEMA_VERSION);
  g_assert_cmpint (pg_test_query_int (db->admin, "SELECT min_app_version FROM aftercare.aftercare_schema"), ==,
                   this_app_version ());
  g_assert_cmpint (pg_test_query_int (db->admin, "SELECT count(*) FROM pg_tables WHERE schemaname = 'aftercare'"
                                                 " AND tableowner = 'aftercare_owner'"), ==, 3);
  g_clear_object (&store);
  store = test_store_open (db->desk);
  g_assert_false (aftercare_store_get_read_only (store));
  g_assert_true (aftercare_store_test_connection (db->desk, NULL));
  pg_test_drop_databases ();
}

static void
test_layout_migration_all_or_nothing (void)
{
  g_autoptr(AftercareStore) store = NULL;
  PgTestDatabase *db;

  if (pg_test_skip_without_server ())
    return;
  db = pg_test_database_new (FALSE);
  /* Something in the way of the last table: the whole migration must go. */
  pg_test_exec (db->owner, "CREATE TABLE aftercare.checkins (something_else integer)");
  assert_open_fails (db->owner, AFTERCARE_STORE_ERROR_FAILED, "checkins");
  g_assert_cmpint (pg_test_query_int (db->admin, "SELECT count(*) FROM pg_class c JOIN pg_namespace n"
                                                 " ON n.oid = c.relnamespace WHERE n.nspname = 'aftercare'"
                                                 " AND c.relname IN ('aftercare_schema', 'sessions', 'changes')"),
                   ==, 0);
  pg_test_exec (db->owner, "DROP TABLE aftercare.checkins");
  store = test_store_open (db->owner);
  g_assert_cmpint (pg_test_query_int (db->admin, "SELECT version FROM aftercare.aftercare_schema"), ==,
                   AFTERCARE_PG_SCHEMA_VERSION);
  pg_test_drop_databases ();
}

/* Layout 2 adds what a search looks in, filled for the rows already there,
 * and the trigram index the set-up script's pg_trgm allows. */
static void
test_layout_1_gains_search (void)
{
  g_autoptr(AftercareStore) store = NULL;
  g_autoptr(AftercareSession) session = test_session_new ("2026-11-24T10:00:00Z");
  g_autoptr(GError) error = NULL;
  PgTestDatabase *db;

  if (pg_test_skip_without_server ())
    return;
  db = pg_test_database_new (TRUE);
  aftercare_session_set_client (session, "Zoë Ortega");
  store = test_store_open (db->desk);
  g_assert_true (aftercare_store_add_session (store, session, NULL));
  g_clear_object (&store);
  /* Back to layout 1, as an older Aftercare left it. */
  pg_test_exec (db->admin, "DROP INDEX aftercare.sessions_search;"
                           " ALTER TABLE aftercare.sessions DROP COLUMN search_words, DROP COLUMN search_keys;"
                           " UPDATE aftercare.aftercare_schema SET version = 1");
  assert_open_fails (db->desk, AFTERCARE_STORE_ERROR_NOT_SET_UP, "layout 1");

  store = test_store_open (db->owner);
  g_clear_object (&store);
  g_assert_cmpint (pg_test_query_int (db->admin, "SELECT version FROM aftercare.aftercare_schema"), ==, 2);
  g_assert_cmpint (pg_test_query_int (db->admin, "SELECT count(*) FROM pg_indexes WHERE schemaname = 'aftercare'"
                                                 " AND indexname = 'sessions_search'"), ==, 1);
  store = test_store_open (db->desk);
  g_assert_true (aftercare_store_search (store, "ZOE", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (aftercare_store_get_found_sessions (store)), ==, 1);
  g_assert_true (aftercare_store_search (store, "hamstrings", &error));
  g_assert_cmpuint (g_list_model_get_n_items (aftercare_store_get_found_sessions (store)), ==, 1);
  pg_test_drop_databases ();
}

static void
test_layout_newer_never_migrated (void)
{
  g_autoptr(AftercareStore) store = NULL;
  g_autoptr(AftercareSession) session = test_session_new ("2026-11-24T10:00:00Z");
  g_autoptr(GError) error = NULL;
  PgTestDatabase *db;

  if (pg_test_skip_without_server ())
    return;
  db = pg_test_database_new (TRUE);
  /* A newer Aftercare changed the layout, and says this one may still write. */
  pg_test_exec (db->admin, "UPDATE aftercare.aftercare_schema SET version = 99");
  store = test_store_open (db->owner);
  g_clear_object (&store);
  store = test_store_open (db->desk);
  g_assert_false (aftercare_store_get_read_only (store));
  g_assert_true (aftercare_store_add_session (store, session, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pg_test_query_int (db->admin, "SELECT version FROM aftercare.aftercare_schema"), ==, 99);
  pg_test_drop_databases ();
}

static void
test_layout_too_old_opens_read_only (void)
{
  g_autoptr(AftercareStore) store = NULL;
  g_autoptr(AftercareSession) session = test_session_new ("2026-11-24T10:00:00Z");
  g_autoptr(AftercareSession) found = NULL;
  g_autoptr(GError) error = NULL;
  const char *reason;
  PgTestDatabase *db;

  if (pg_test_skip_without_server ())
    return;
  db = pg_test_database_new (TRUE);
  store = test_store_open (db->desk);
  g_assert_true (aftercare_store_add_session (store, session, NULL));
  g_clear_object (&store);
  /* Aftercare 2.0.0 moved the layout on, and older ones must not write to it. */
  pg_test_exec (db->admin, "UPDATE aftercare.aftercare_schema SET version = 2, min_app_version = 20000");

  store = test_store_open (db->desk);
  g_assert_true (aftercare_store_get_read_only (store));
  reason = aftercare_store_get_read_only_reason (store);
  g_assert_nonnull (strstr (reason, "2.0.0 or newer"));
  g_assert_nonnull (strstr (reason, PACKAGE_VERSION));
  /* It still reads… */
  g_assert_cmpuint (g_list_model_get_n_items (aftercare_store_get_sessions (store)), ==, 1);
  found = aftercare_store_lookup_session (store, aftercare_session_get_id (session), &error);
  g_assert_no_error (error);
  /* …but saves nothing, and says why. */
  aftercare_session_set_notes (found, "Changed by an old desk");
  g_assert_false (aftercare_store_update_session (store, found, &error));
  g_assert_error (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_READ_ONLY);
  g_assert_cmpstr (error->message, ==, reason);
  assert_test_fails (db->desk, AFTERCARE_STORE_ERROR_READ_ONLY, "2.0.0 or newer");
  g_assert_cmpint (pg_test_query_int (db->admin, "SELECT version FROM aftercare.sessions"), ==, 1);
  pg_test_drop_databases ();
}

static void
test_layout_read_only_account (void)
{
  g_autoptr(AftercareStore) store = NULL;
  g_autoptr(AftercareSession) session = test_session_new ("2026-11-24T10:00:00Z");
  g_autoptr(GError) error = NULL;
  g_autofree char *reader = NULL;
  PgTestDatabase *db;

  if (pg_test_skip_without_server ())
    return;
  db = pg_test_database_new (TRUE);
  pg_test_exec (db->admin,
                "DO $$ BEGIN"
                "  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'aftercare_reader') THEN"
                "    CREATE ROLE aftercare_reader LOGIN;"
                "  END IF;"
                "  EXECUTE format ('GRANT CONNECT ON DATABASE %I TO aftercare_reader', current_database ());"
                " END $$;"
                "GRANT USAGE ON SCHEMA aftercare TO aftercare_reader;"
                "GRANT SELECT ON ALL TABLES IN SCHEMA aftercare TO aftercare_reader;"
                "GRANT SELECT ON ALL SEQUENCES IN SCHEMA aftercare TO aftercare_reader;");
  reader = pg_test_location ("aftercare_reader", db->name);
  store = test_store_open (reader);
  g_assert_true (aftercare_store_get_read_only (store));
  g_assert_nonnull (strstr (aftercare_store_get_read_only_reason (store), "may only read"));
  g_assert_false (aftercare_store_add_session (store, session, &error));
  g_assert_error (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_READ_ONLY);
  assert_test_fails (reader, AFTERCARE_STORE_ERROR_READ_ONLY, "may only read");
  g_clear_object (&store);
  pg_test_drop_databases ();
}

/* Connecting: what failed, said plainly */

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
test_connect_unreachable (void)
{
  guint16 port = closed_port ();
  g_autofree char *location = g_strdup_printf ("postgresql://aftercare_desk@127.0.0.1:%u/clinic", port);
  g_autofree char *where = g_strdup_printf ("127.0.0.1, port %u", port);

  assert_test_fails (location, AFTERCARE_STORE_ERROR_UNREACHABLE, "cannot be reached");
  assert_test_fails (location, AFTERCARE_STORE_ERROR_UNREACHABLE, where);
  assert_open_fails (location, AFTERCARE_STORE_ERROR_UNREACHABLE, where);
}

static void
test_connect_no_database (void)
{
  g_autofree char *location = NULL;

  if (pg_test_skip_without_server ())
    return;
  location = pg_test_location (PG_TEST_DESK, "no_such_clinic");
  assert_test_fails (location, AFTERCARE_STORE_ERROR_NOT_SET_UP, "has no database called “no_such_clinic”");
}

/* A server that answers a TLS request the way one without TLS does ('N'),
 * or accepts it and then hangs up ('S', then nothing). It accepts in a
 * thread of its own: the connection is made while the test's thread waits
 * in libpq. */
typedef struct
{
  GSocket *socket;
  GCancellable *stop;
  GThread *thread;
  guint16 port;
  char answer;
} FakeServer;

static void
fake_answer (FakeServer *server,
             GSocket    *client)
{
  guint8 request[8];
  gssize n_read = 0, n;

  /* The SSLRequest: length 8, code 80877103. */
  while (n_read < 8 && (n = g_socket_receive (client, (char *) request + n_read, 8 - n_read,
                                              server->stop, NULL)) > 0)
    n_read += n;
  if (n_read == 8)
    g_socket_send (client, &server->answer, 1, NULL, NULL);
  g_socket_close (client, NULL);
}

static gpointer
fake_serve (gpointer data)
{
  FakeServer *server = data;
  GSocket *client;

  while ((client = g_socket_accept (server->socket, server->stop, NULL)) != NULL)
    {
      fake_answer (server, client);
      g_object_unref (client);
    }
  return NULL;
}

static void
fake_server_start (FakeServer *server,
                   char        answer)
{
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;

  server->answer = answer;
  server->socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, 0, NULL);
  g_assert_true (g_socket_bind (server->socket, any, TRUE, NULL));
  g_assert_true (g_socket_listen (server->socket, NULL));
  bound = g_socket_get_local_address (server->socket, NULL);
  server->port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  server->stop = g_cancellable_new ();
  server->thread = g_thread_new ("fake-server", fake_serve, server);
}

static void
fake_server_stop (FakeServer *server)
{
  g_cancellable_cancel (server->stop);
  g_thread_join (server->thread);
  g_socket_close (server->socket, NULL);
  g_clear_object (&server->socket);
  g_clear_object (&server->stop);
}

static void
test_connect_tls (void)
{
  FakeServer no_tls, hangs_up;
  g_autofree char *required = NULL;
  g_autofree char *verified = NULL;

  fake_server_start (&no_tls, 'N');
  fake_server_start (&hangs_up, 'S');
  required = g_strdup_printf ("postgresql://aftercare_desk@127.0.0.1:%u/clinic?sslmode=require", no_tls.port);
  verified = g_strdup_printf ("host=127.0.0.1 port=%u dbname=clinic user=aftercare_desk sslmode=verify-full"
                              " sslrootcert=%s/data/aftercare-pg-setup.sql", hangs_up.port,
                              g_getenv ("AFTERCARE_SOURCE_DIR"));
  assert_test_fails (required, AFTERCARE_STORE_ERROR_TLS, "secure (TLS) connection");
  assert_test_fails (verified, AFTERCARE_STORE_ERROR_TLS, "secure (TLS) connection");
  fake_server_stop (&no_tls);
  fake_server_stop (&hangs_up);
}

/* Passwords: a role that must give one, on the test server. pg_hba.conf
 * gets a first line for that role alone, so nothing else changes. */
#define PASSWORD_ROLE "aftercare_password_test"

static void
require_password (PgTestDatabase *db)
{
  g_autofree char *hba = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *grant = NULL;
  PGconn *conn = pg_test_connect (db->admin);
  PGresult *res = PQexec (conn, "SHOW hba_file");
  const char *line = "local all " PASSWORD_ROLE " scram-sha-256\n";
  int fd;

  hba = g_strdup (PQgetvalue (res, 0, 0));
  PQclear (res);
  PQfinish (conn);
  g_assert_true (g_file_get_contents (hba, &contents, NULL, NULL));
  if (!g_str_has_prefix (contents, line))
    {
      g_autofree char *changed = g_strconcat (line, contents, NULL);

      /* Rewritten in place: the server's own user must still own it. */
      fd = open (hba, O_WRONLY | O_TRUNC);
      g_assert_cmpint (fd, >=, 0);
      g_assert_cmpint (write (fd, changed, strlen (changed)), ==, (gssize) strlen (changed));
      close (fd);
    }
  pg_test_exec (db->admin,
                "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" PASSWORD_ROLE "')"
                " THEN CREATE ROLE " PASSWORD_ROLE " LOGIN PASSWORD 'right horse battery'; END IF; END $$;"
                "GRANT aftercare_desk TO " PASSWORD_ROLE ";"
                "SELECT pg_reload_conf ();");
  /* The reload is a signal: give the server a moment to read the file. */
  g_usleep (300 * 1000);
}

static char *
write_pgpass (const char *folder,
              const char *name,
              const char *password)
{
  g_autofree char *line = g_strdup_printf ("*:*:*:" PASSWORD_ROLE ":%s\n", password);
  char *path = g_build_filename (folder, name, NULL);

  g_assert_true (g_file_set_contents (path, line, -1, NULL));
  g_chmod (path, 0600);
  return path;
}

/* The address with the password file libpq should read (as PGPASSFILE would say). */
static char *
with_passfile (const char *location,
               const char *passfile)
{
  return g_strdup_printf ("%s&passfile=%s", location, passfile);
}

static void
test_connect_passwords (void)
{
  g_autofree char *folder = NULL;
  g_autofree char *location = NULL;
  g_autofree char *none = NULL, *wrong = NULL, *right = NULL;
  g_autofree char *none_file = NULL, *wrong_file = NULL, *right_file = NULL;
  PgTestDatabase *db;

  if (pg_test_skip_without_server ())
    return;
  db = pg_test_database_new (TRUE);
  require_password (db);
  folder = test_make_folder ();
  location = pg_test_location (PASSWORD_ROLE, db->name);
  none_file = g_build_filename (folder, "missing", NULL);
  none = with_passfile (location, none_file);
  wrong_file = write_pgpass (folder, "wrong", "wrong horse");
  wrong = with_passfile (location, wrong_file);
  right_file = write_pgpass (folder, "right", "right horse battery");
  right = with_passfile (location, right_file);

  assert_test_fails (none, AFTERCARE_STORE_ERROR_AUTHENTICATION, "none was found");
  assert_test_fails (wrong, AFTERCARE_STORE_ERROR_AUTHENTICATION, "refused the password for “" PASSWORD_ROLE "”");
  g_assert_true (aftercare_store_test_connection (right, NULL));
  test_remove_folder (folder);
  pg_test_drop_databases ();
}

/* Losing the connection, and finding it again */

typedef struct
{
  guint lost;
  guint back;
} Connections;

static void
connected_cb (AftercareStore *store,
              GParamSpec     *pspec,
              Connections    *seen)
{
  if (aftercare_store_get_connected (store))
    seen->back++;
  else
    seen->lost++;
}

static void
time_up_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
}

/* Runs the main loop until *counter reaches at least target, or times out. */
static gboolean
wait_for (guint *counter,
          guint  target,
          guint  timeout_ms)
{
  gboolean time_up = FALSE;
  guint timeout = g_timeout_add_once (timeout_ms, time_up_cb, &time_up);

  while (*counter < target && !time_up)
    g_main_context_iteration (NULL, TRUE);
  if (!time_up)
    g_source_remove (timeout);
  return *counter >= target;
}

static void
test_reconnects_and_reloads (void)
{
  g_autoptr(AftercareStore) store = NULL;
  g_autoptr(AftercareStore) other = NULL;
  g_autoptr(AftercareSession) ours = test_session_new ("2026-11-24T10:00:00Z");
  g_autoptr(AftercareSession) theirs = test_session_new ("2026-11-25T10:00:00Z");
  g_autoptr(AftercareSession) meanwhile = test_session_new ("2026-11-26T10:00:00Z");
  g_autoptr(GArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  Connections seen = { 0, 0 };
  PgTestDatabase *db;

  if (pg_test_skip_without_server ())
    return;
  db = pg_test_database_new (TRUE);
  store = test_store_open (db->desk);
  g_assert_true (aftercare_store_add_session (store, ours, &error));
  changes = test_record_changes (aftercare_store_get_sessions (store));
  g_signal_connect (store, "notify::connected", G_CALLBACK (connected_cb), &seen);

  /* The server ends this desk's connection (a restart, a network cut). */
  g_assert_cmpint (pg_test_query_int (db->admin, "SELECT count(pg_terminate_backend (pid)) FROM pg_stat_activity"
                                                 " WHERE datname = current_database () AND pid <> pg_backend_pid ()"),
                   ==, 1);
  g_assert_true (wait_for (&seen.lost, 1, 2000));
  g_assert_false (aftercare_store_get_connected (store));
  /* Meanwhile another desk saves; this one is refused, plainly. */
  other = test_store_open (db->desk);
  g_assert_true (aftercare_store_add_session (other, theirs, NULL));
  g_assert_false (aftercare_store_add_session (store, meanwhile, &error));
  g_assert_error (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_UNREACHABLE);
  g_assert_nonnull (strstr (error->message, "keeps trying to reconnect"));
  g_clear_error (&error);

  /* Back by itself, and the list shows what changed while away. */
  g_assert_true (wait_for (&seen.back, 1, 3000));
  g_assert_true (aftercare_store_get_connected (store));
  g_assert_true (wait_for (&changes->len, 1, 1000));
  g_assert_cmpuint (g_list_model_get_n_items (aftercare_store_get_sessions (store)), ==, 2);
  g_assert_true (aftercare_store_add_session (store, meanwhile, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (aftercare_store_get_sessions (store)), ==, 3);
  g_clear_object (&store);
  g_clear_object (&other);
  pg_test_drop_databases ();
}

/* Imports: rows go to the server a batch at a time, not one by one */

typedef AftercarePgBackend *(*BackendOpen) (const char *location, AftercareTimeSource *time_source, GError **error);

/* The PostgreSQL backend itself, signed in at location. */
static AftercareStoreBackend *
open_backend (const char *location)
{
  BackendOpen backend_open = aftercare_module_lookup ("aftercare-pg", "aftercare_pg_backend_open", NULL);
  g_autoptr(GError) error = NULL;
  AftercareStoreBackend *backend;

  g_assert_nonnull (backend_open);
  backend = (AftercareStoreBackend *) backend_open (location, test_time_source (), &error);
  g_assert_no_error (error);
  return backend;
}

/* Counts, on the server, each INSERT statement run on the two tables,
 * whoever runs it (a trigger a desk cannot see or change), on a sequence:
 * seen at once, before the transaction ends. */
static void
count_insert_statements (PgTestDatabase *db)
{
  pg_test_exec (db->admin,
                "CREATE SEQUENCE public.insert_statements;"
                "CREATE FUNCTION public.count_insert_statement () RETURNS trigger LANGUAGE plpgsql"
                " SECURITY DEFINER SET search_path = pg_catalog AS"
                " $$ BEGIN PERFORM nextval ('public.insert_statements'); RETURN NULL; END $$;"
                "CREATE TRIGGER count_insert_statements AFTER INSERT ON aftercare.sessions"
                " FOR EACH STATEMENT EXECUTE FUNCTION public.count_insert_statement ();"
                "CREATE TRIGGER count_insert_statements AFTER INSERT ON aftercare.checkins"
                " FOR EACH STATEMENT EXECUTE FUNCTION public.count_insert_statement ()");
}

static gint64
insert_statements (PgTestDatabase *db)
{
  return pg_test_query_int (db->admin, "SELECT CASE WHEN is_called THEN last_value ELSE 0 END"
                                       " FROM public.insert_statements");
}

static void
import_backup (AftercareStore *store,
               const char     *path,
               guint           n_sessions,
               guint           n_checkins)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  guint added_sessions = 0, added_checkins = 0;

  g_assert_true (aftercare_store_import_file (store, file, &added_sessions, &added_checkins, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added_sessions, ==, n_sessions);
  g_assert_cmpuint (added_checkins, ==, n_checkins);
}

static void
test_import_in_batches (void)
{
  g_autofree char *folder = test_make_folder ();
  g_autofree char *first = g_build_filename (folder, "first.json", NULL);
  g_autofree char *more = g_build_filename (folder, "more.json", NULL);
  g_autoptr(AftercareStore) store = NULL;
  g_autoptr(AftercareStore) other = NULL;
  g_autoptr(GError) error = NULL;
  PgTestDatabase *db;

  if (pg_test_skip_without_server ())
    {
      test_remove_folder (folder);
      return;
    }
  db = pg_test_database_new (TRUE);
  count_insert_statements (db);
  test_write_json_backup (first, 1200, 9, FALSE);
  /* The same 1,200 sessions and 300 more: the store is not empty then. */
  test_write_json_backup (more, 1500, 9, FALSE);
  store = test_store_open (db->desk);

  /* 12,000 rows into the empty tables: a few dozen statements at most, not one a row. */
  import_backup (store, first, 1200, 10800);
  g_assert_cmpint (insert_statements (db), <=, 12000 / 400);
  g_assert_cmpint (pg_test_query_int (db->admin, "SELECT count(*) FROM aftercare.sessions"), ==, 1200);
  g_assert_cmpint (pg_test_query_int (db->admin, "SELECT count(*) FROM aftercare.checkins"), ==, 10800);
  /* Into tables that hold rows: each one is looked up, the new ones still go in batches. */
  pg_test_exec (db->admin, "SELECT setval ('public.insert_statements', 1, false)");
  import_backup (store, more, 300, 2700);
  g_assert_cmpint (insert_statements (db), <=, 3000 / 400);
  g_assert_cmpint (pg_test_query_int (db->admin, "SELECT count(*) FROM aftercare.checkins"), ==, 13500);
  g_assert_cmpuint (g_list_model_get_n_items (aftercare_store_get_sessions (store)), ==, 1500);

  /* Another desk finds them, by a word of their own and by their type. */
  other = test_store_open (db->desk);
  g_assert_true (aftercare_store_search (other, "client 1499", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (aftercare_store_get_found_sessions (other)), ==, 1);
  g_assert_true (aftercare_store_search (other, "CAFÉ", &error));
  g_assert_cmpuint (g_list_model_get_n_items (aftercare_store_get_found_sessions (other)), ==, 1500);
  g_assert_true (aftercare_store_search (other, "deep tissue", &error));
  g_assert_cmpuint (g_list_model_get_n_items (aftercare_store_get_found_sessions (other)), ==, 1500);
  g_clear_object (&store);
  g_clear_object (&other);
  pg_test_drop_databases ();
  test_remove_folder (folder);
}

/* A session and a check-in with text that means something in SQL and in
 * an array's literal. */
static void
new_odd_rows (const char        *ended_at,
              AftercareSession **session,
              AftercareCheckin **checkin)
{
  *session = test_session_new (ended_at);
  aftercare_session_set_client (*session, "NULL");
  aftercare_session_set_therapist (*session, "O'Brien, \"Bo\" {x}");
  aftercare_session_set_notes (*session, "back\\slash, \\\" and\nnew line; ‘Zoë’");
  *checkin = test_checkin_new (*session, "2026-11-25T09:00:00+01:00", 3);
  aftercare_checkin_set_notes (*checkin, "");
}

/* A row written in a batch is the row written alone: every column but
 * the ids and when it was written, the search's columns too. */
static void
test_import_batch_same_as_row (void)
{
  g_autoptr(AftercareStoreBackend) backend = NULL;
  g_autoptr(AftercareSession) alone = NULL;
  g_autoptr(AftercareCheckin) alone_checkin = NULL;
  g_autoptr(AftercareSession) batched = NULL;
  g_autoptr(AftercareCheckin) batched_checkin = NULL;
  g_autoptr(AftercareSession) read = NULL;
  g_autoptr(GError) error = NULL;
  PgTestDatabase *db;

  if (pg_test_skip_without_server ())
    return;
  db = pg_test_database_new (TRUE);
  backend = open_backend (db->desk);
  new_odd_rows ("2026-11-24T10:00:00+01:00", &alone, &alone_checkin);
  new_odd_rows ("2026-11-24T10:00:00+01:00", &batched, &batched_checkin);

  g_assert_true (aftercare_store_backend_begin_write (backend, &error));
  g_assert_true (aftercare_store_backend_insert_session (backend, alone, &error));
  g_assert_true (aftercare_store_backend_insert_checkin (backend, alone_checkin, &error));
  g_assert_true (aftercare_store_backend_commit (backend, &error));
  g_assert_true (aftercare_store_backend_begin_bulk_write (backend, &error));
  g_assert_true (aftercare_store_backend_insert_session (backend, batched, &error));
  g_assert_true (aftercare_store_backend_insert_checkin (backend, batched_checkin, &error));
  g_assert_true (aftercare_store_backend_commit (backend, &error));
  g_assert_no_error (error);

  g_assert_cmpint (aftercare_session_get_version (batched), ==, aftercare_session_get_version (alone));
  g_assert_cmpint (aftercare_checkin_get_version (batched_checkin), ==, aftercare_checkin_get_version (alone_checkin));
  g_assert_cmpint (pg_test_query_int (db->admin, "SELECT count(*) FROM aftercare.sessions"), ==, 2);
  g_assert_cmpint (pg_test_query_int (db->admin,
                                      "SELECT count(DISTINCT (ended_at, ended_us, duration_minutes, type, pressure,"
                                      " first_time, areas, client, therapist, notes, version, search_words,"
                                      " search_keys)) FROM aftercare.sessions WHERE updated_at IS NOT NULL"), ==, 1);
  g_assert_cmpint (pg_test_query_int (db->admin,
                                      "SELECT count(DISTINCT (at, at_us, soreness, symptoms, notes, version))"
                                      " FROM aftercare.checkins WHERE updated_at IS NOT NULL"), ==, 1);
  read = aftercare_store_backend_get_session (backend, aftercare_session_get_id (batched), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (aftercare_session_get_therapist (read), ==, "O'Brien, \"Bo\" {x}");
  g_assert_cmpstr (aftercare_session_get_notes (read), ==, aftercare_session_get_notes (batched));
  g_assert_cmpstr (aftercare_session_get_client (read), ==, "NULL");
  pg_test_drop_databases ();
}

static AftercareSession *
session_number (guint i)
{
  g_autofree char *ended_at = g_strdup_printf ("2026-11-%02uT10:%02u:00Z", 1 + i / 60 % 28, i % 60);
  AftercareSession *session = test_session_new (ended_at);
  g_autofree char *id = g_strdup_printf ("%08x-1111-4000-8000-000000000000", i);

  aftercare_session_set_id (session, id);
  return session;
}

static void
insert_sessions (AftercareStoreBackend *backend,
                 guint                  first,
                 guint                  n)
{
  for (guint i = first; i < first + n; i++)
    {
      g_autoptr(AftercareSession) session = session_number (i);
      g_autoptr(GError) error = NULL;

      g_assert_true (aftercare_store_backend_insert_session (backend, session, &error));
      g_assert_no_error (error);
    }
}

/* Stores a session in a write of its own. */
static void
store_alone (AftercareStoreBackend *backend,
             AftercareSession      *session)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (aftercare_store_backend_begin_write (backend, &error));
  g_assert_true (aftercare_store_backend_insert_session (backend, session, &error));
  g_assert_true (aftercare_store_backend_commit (backend, &error));
  g_assert_no_error (error);
}

static void
assert_duplicate (const GError     *error,
                  AftercareSession *session)
{
  g_autofree char *expected = g_strdup_printf ("A session with id %s is already stored",
                                               aftercare_session_get_id (session));

  g_assert_error (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_CONFLICT);
  g_assert_cmpstr (error->message, ==, expected);
}

/* An id given twice, or one stored already, is refused as a conflict that
 * names it, when found: at once within a batch, else when the batch is
 * sent. The write then stores nothing. */
static void
test_import_duplicate_refused (void)
{
  g_autoptr(AftercareStoreBackend) backend = NULL;
  g_autoptr(AftercareSession) stored = session_number (5);
  g_autoptr(AftercareSession) again = session_number (5);
  g_autoptr(AftercareSession) twice = session_number (7);
  guint n_sessions = 0;
  g_autoptr(GError) error = NULL;
  PgTestDatabase *db;

  if (pg_test_skip_without_server ())
    return;
  db = pg_test_database_new (TRUE);
  backend = open_backend (db->desk);
  store_alone (backend, stored);

  /* Twice in one batch: the second insert is refused. */
  g_assert_true (aftercare_store_backend_begin_bulk_write (backend, &error));
  insert_sessions (backend, 6, 2);
  g_assert_false (aftercare_store_backend_insert_session (backend, twice, &error));
  assert_duplicate (error, twice);
  g_clear_error (&error);
  aftercare_store_backend_rollback (backend);

  /* Stored already, found by the read that sends the batch. */
  g_assert_true (aftercare_store_backend_begin_bulk_write (backend, &error));
  insert_sessions (backend, 100, 3);
  g_assert_true (aftercare_store_backend_insert_session (backend, again, &error));
  g_assert_false (aftercare_store_backend_count_sessions (backend, &n_sessions, &error));
  assert_duplicate (error, again);
  g_clear_error (&error);
  aftercare_store_backend_rollback (backend);

  /* Found when an insert fills the batch: that insert is not blamed, and
   * nothing after it is written; the commit refuses it all. */
  g_assert_true (aftercare_store_backend_begin_bulk_write (backend, &error));
  insert_sessions (backend, 0, 5);
  g_assert_true (aftercare_store_backend_insert_session (backend, again, &error));
  insert_sessions (backend, 6, 2500);
  g_assert_false (aftercare_store_backend_commit (backend, &error));
  assert_duplicate (error, again);
  g_clear_error (&error);
  g_assert_cmpint (pg_test_query_int (db->admin, "SELECT count(*) FROM aftercare.sessions"), ==, 1);

  /* At the commit, the same. */
  g_assert_true (aftercare_store_backend_begin_bulk_write (backend, &error));
  g_assert_true (aftercare_store_backend_insert_session (backend, again, &error));
  g_assert_false (aftercare_store_backend_commit (backend, &error));
  assert_duplicate (error, again);
  g_clear_error (&error);
  g_assert_cmpint (pg_test_query_int (db->admin, "SELECT count(*) FROM aftercare.sessions"), ==, 1);

  /* The next write is as any. */
  g_assert_true (aftercare_store_backend_begin_bulk_write (backend, &error));
  insert_sessions (backend, 0, 5);
  g_assert_true (aftercare_store_backend_commit (backend, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pg_test_query_int (db->admin, "SELECT count(*) FROM aftercare.sessions"), ==, 6);
  pg_test_drop_databases ();
}

/* Whatever the write reads sees the rows waiting to be sent; a lookup of
 * another row by its id does not send them. */
static void
test_import_reads_see_waiting_rows (void)
{
  g_autoptr(AftercareStoreBackend) backend = NULL;
  g_autoptr(AftercareSession) stored = session_number (1);
  g_autoptr(AftercareSession) waiting = session_number (2);
  g_autoptr(AftercareCheckin) checkin = test_checkin_new (waiting, "2026-11-25T09:00:00Z", 2);
  g_autoptr(AftercareSession) found = NULL;
  g_autoptr(AftercareCheckin) found_checkin = NULL;
  g_autoptr(GPtrArray) checkins = NULL;
  g_autoptr(GArray) keys = NULL;
  const char * const no_keys[] = { NULL };
  g_autoptr(GError) error = NULL;
  guint n_sessions = 0;
  PgTestDatabase *db;

  if (pg_test_skip_without_server ())
    return;
  db = pg_test_database_new (TRUE);
  backend = open_backend (db->desk);
  store_alone (backend, stored);
  count_insert_statements (db);

  g_assert_true (aftercare_store_backend_begin_bulk_write (backend, &error));
  g_assert_true (aftercare_store_backend_insert_session (backend, waiting, &error));
  g_assert_true (aftercare_store_backend_insert_checkin (backend, checkin, &error));
  found = aftercare_store_backend_get_session (backend, aftercare_session_get_id (stored), &error);
  g_assert_no_error (error);
  g_clear_object (&found);
  g_assert_cmpint (insert_statements (db), ==, 0);

  found = aftercare_store_backend_get_session (backend, aftercare_session_get_id (waiting), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (aftercare_session_get_client (found), ==, aftercare_session_get_client (waiting));
  g_assert_cmpint (insert_statements (db), ==, 2);
  g_assert_true (aftercare_store_backend_count_sessions (backend, &n_sessions, &error));
  g_assert_cmpuint (n_sessions, ==, 2);

  /* Each read, again after more inserts. */
  g_clear_object (&waiting);
  waiting = session_number (3);
  g_clear_object (&checkin);
  checkin = test_checkin_new (waiting, "2026-11-25T09:00:00Z", 2);
  g_assert_true (aftercare_store_backend_insert_session (backend, waiting, &error));
  g_assert_true (aftercare_store_backend_insert_checkin (backend, checkin, &error));
  checkins = aftercare_store_backend_list_checkins (backend, aftercare_session_get_id (waiting), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (checkins->len, ==, 1);
  g_clear_object (&waiting);
  waiting = session_number (4);
  g_assert_true (aftercare_store_backend_insert_session (backend, waiting, &error));
  keys = aftercare_store_backend_search_sessions (backend, "sam", no_keys, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (keys->len, ==, 4);
  g_clear_object (&checkin);
  checkin = test_checkin_new (waiting, "2026-11-25T09:00:00Z", 2);
  g_assert_true (aftercare_store_backend_insert_checkin (backend, checkin, &error));
  found_checkin = aftercare_store_backend_get_checkin (backend, aftercare_checkin_get_id (checkin), &error);
  g_assert_no_error (error);
  g_assert_true (aftercare_store_backend_commit (backend, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pg_test_query_int (db->admin, "SELECT count(*) FROM aftercare.checkins"), ==, 3);
  pg_test_drop_databases ();
}

/* A bulk write undone, after some of it was sent, leaves nothing. */
static void
test_import_rollback_stores_nothing (void)
{
  g_autoptr(AftercareStoreBackend) backend = NULL;
  g_autoptr(GError) error = NULL;
  PgTestDatabase *db;

  if (pg_test_skip_without_server ())
    return;
  db = pg_test_database_new (TRUE);
  backend = open_backend (db->desk);
  count_insert_statements (db);
  g_assert_true (aftercare_store_backend_begin_bulk_write (backend, &error));
  insert_sessions (backend, 0, 1500);
  g_assert_cmpint (insert_statements (db), ==, 1);
  aftercare_store_backend_rollback (backend);
  g_assert_cmpint (pg_test_query_int (db->admin, "SELECT count(*) FROM aftercare.sessions"), ==, 0);
  /* And what waited is gone with it. */
  g_assert_true (aftercare_store_backend_begin_write (backend, &error));
  insert_sessions (backend, 1499, 1);
  g_assert_true (aftercare_store_backend_commit (backend, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pg_test_query_int (db->admin, "SELECT count(*) FROM aftercare.sessions"), ==, 1);
  pg_test_drop_databases ();
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/pg/location/kinds", test_location_kinds);
  g_test_add_func ("/pg/location/password-refused", test_location_password_refused);
  g_test_add_func ("/pg/location/sqlstate-in-any-language", test_sqlstate_in_any_language);
  g_test_add_func ("/pg/roles/desk-has-least-privilege", test_desk_role_least_privilege);
  g_test_add_func ("/pg/layout/created-by-owner-only", test_layout_created_by_owner);
  g_test_add_func ("/pg/layout/migration-is-all-or-nothing", test_layout_migration_all_or_nothing);
  g_test_add_func ("/pg/layout/newer-is-never-migrated", test_layout_newer_never_migrated);
  g_test_add_func ("/pg/layout/1-gains-search", test_layout_1_gains_search);
  g_test_add_func ("/pg/layout/too-old-opens-read-only", test_layout_too_old_opens_read_only);
  g_test_add_func ("/pg/layout/read-only-account", test_layout_read_only_account);
  g_test_add_func ("/pg/connect/unreachable", test_connect_unreachable);
  g_test_add_func ("/pg/connect/no-such-database", test_connect_no_database);
  g_test_add_func ("/pg/connect/tls", test_connect_tls);
  g_test_add_func ("/pg/connect/passwords", test_connect_passwords);
  g_test_add_func ("/pg/connect/reconnects-and-reloads", test_reconnects_and_reloads);
  g_test_add_func ("/pg/import/in-batches", test_import_in_batches);
  g_test_add_func ("/pg/import/batch-same-as-row", test_import_batch_same_as_row);
  g_test_add_func ("/pg/import/duplicate-refused", test_import_duplicate_refused);
  g_test_add_func ("/pg/import/reads-see-waiting-rows", test_import_reads_see_waiting_rows);
  g_test_add_func ("/pg/import/rollback-stores-nothing", test_import_rollback_stores_nothing);
  return g_test_run ();
}
