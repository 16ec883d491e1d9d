/* test-pg-backend.c: the store on a PostgreSQL server: addresses, roles, the tables' layout, connecting and reconnecting (aftercare-pg-backend.c, aftercare-pg-connect.c). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "aftercare-modules.h"
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
  return g_test_run ();
}
