/* pg-test-util.c: fresh databases on the throw-away PostgreSQL server build-aux/with-postgres starts. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "pg-test-util.h"

#include <string.h>

#include "aftercare-store.h"
#include "store-test-util.h"


/* Every database made, dropped (and freed) together. */
static GPtrArray *created;

static void
database_free (gpointer data)
{
  PgTestDatabase *db = data;

  g_free (db->name);
  g_free (db->admin);
  g_free (db->owner);
  g_free (db->desk);
  g_free (db->other_desk);
  g_free (db);
}

gboolean
pg_test_available (void)
{
  const char *location = g_getenv ("AFTERCARE_TEST_PG");

  return location != NULL && *location != '\0';
}

/* The superuser with-postgres made, read from its address. */
static char *
admin_role (void)
{
  PQconninfoOption *options = PQconninfoParse (g_getenv ("AFTERCARE_TEST_PG"), NULL);
  char *role = NULL;

  g_assert_nonnull (options);
  for (PQconninfoOption *option = options; option->keyword != NULL; option++)
    if (g_str_equal (option->keyword, "user") && option->val != NULL)
      role = g_strdup (option->val);
  PQconninfoFree (options);
  g_assert_nonnull (role);
  return role;
}

char *
pg_test_location (const char *role,
                  const char *database)
{
  g_assert_true (pg_test_available ());
  return g_strdup_printf ("postgresql://%s@/%s?host=%s&port=%s", role, database,
                          g_getenv ("PGHOST"), g_getenv ("PGPORT"));
}

PGconn *
pg_test_connect (const char *location)
{
  PGconn *conn = PQconnectdb (location);

  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("Could not connect to %s: %s", location, PQerrorMessage (conn));
  return conn;
}

static void
exec_on (PGconn     *conn,
         const char *sql)
{
  PGresult *res = PQexec (conn, sql);

  if (PQresultStatus (res) != PGRES_COMMAND_OK && PQresultStatus (res) != PGRES_TUPLES_OK)
    g_error ("%s failed: %s", sql, PQerrorMessage (conn));
  PQclear (res);
}

void
pg_test_exec (const char *location,
              const char *sql)
{
  PGconn *conn = pg_test_connect (location);

  exec_on (conn, sql);
  PQfinish (conn);
}

char *
pg_test_exec_sqlstate (const char *location,
                       const char *sql)
{
  PGconn *conn = pg_test_connect (location);
  PGresult *res = PQexec (conn, sql);
  const char *sqlstate = PQresultErrorField (res, PG_DIAG_SQLSTATE);
  char *copy = g_strdup (sqlstate != NULL ? sqlstate : "");

  PQclear (res);
  PQfinish (conn);
  return copy;
}

gint64
pg_test_query_int (const char *location,
                   const char *sql)
{
  PGconn *conn = pg_test_connect (location);
  PGresult *res = PQexec (conn, sql);
  gint64 value;

  if (PQresultStatus (res) != PGRES_TUPLES_OK || PQntuples (res) != 1)
    g_error ("%s failed: %s", sql, PQerrorMessage (conn));
  value = g_ascii_strtoll (PQgetvalue (res, 0, 0), NULL, 10);
  PQclear (res);
  PQfinish (conn);
  return value;
}

/* Runs data/aftercare-pg-setup.sql as the README says: through psql. */
static void
run_setup_script (const char *location)
{
  const char *bindir = g_getenv ("AFTERCARE_TEST_PG_BINDIR");
  g_autofree char *psql = bindir != NULL ? g_build_filename (bindir, "psql", NULL) : g_strdup ("psql");
  g_autofree char *script = g_build_filename (g_getenv ("AFTERCARE_SOURCE_DIR"), "data",
                                              "aftercare-pg-setup.sql", NULL);
  const char *argv[] = { psql, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", location, "-f", script, NULL };
  g_autofree char *err = NULL;

  if (test_run (argv, NULL, NULL, &err) != 0)
    g_error ("The set-up script failed: %s", err);
}

/* A front desk's own login role in the group, as README's "add a desk"
 * says (once per server: roles are the whole server's). */
static void
add_desk (PGconn     *server,
          const char *role)
{
  g_autofree char *sql = g_strdup_printf ("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%s')"
                                          " THEN CREATE ROLE %s LOGIN IN ROLE aftercare_desk; END IF; END $$",
                                          role, role);

  exec_on (server, sql);
}

PgTestDatabase *
pg_test_database_new (gboolean with_tables)
{
  g_autofree char *admin = admin_role ();
  PgTestDatabase *db = g_new0 (PgTestDatabase, 1);
  PGconn *server = pg_test_connect (g_getenv ("AFTERCARE_TEST_PG"));
  g_autofree char *create = NULL;
  char *quoted;

  db->name = g_strdup_printf ("aftercare_t_%08x%08x", g_random_int (), g_random_int ());
  db->admin = pg_test_location (admin, db->name);
  db->owner = pg_test_location ("aftercare_owner", db->name);
  db->desk = pg_test_location (PG_TEST_DESK, db->name);
  db->other_desk = pg_test_location (PG_TEST_OTHER_DESK, db->name);
  quoted = PQescapeIdentifier (server, db->name, strlen (db->name));
  create = g_strdup_printf ("CREATE DATABASE %s TEMPLATE template0", quoted);
  PQfreemem (quoted);
  exec_on (server, create);
  if (created == NULL)
    created = g_ptr_array_new_with_free_func (database_free);
  g_ptr_array_add (created, db);

  exec_on (server, "SELECT pg_advisory_lock (" PG_TEST_SETUP_LOCK ")");
  run_setup_script (db->admin);
  add_desk (server, PG_TEST_DESK);
  add_desk (server, PG_TEST_OTHER_DESK);
  exec_on (server, "SELECT pg_advisory_unlock (" PG_TEST_SETUP_LOCK ")");
  PQfinish (server);

  if (with_tables)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AftercareStore) store = aftercare_store_open (db->owner, test_time_source (), &error);

      g_assert_no_error (error);
    }
  return db;
}

void
pg_test_drop_databases (void)
{
  PGconn *server;

  if (created == NULL || created->len == 0)
    return;
  server = pg_test_connect (g_getenv ("AFTERCARE_TEST_PG"));
  for (guint i = 0; i < created->len; i++)
    {
      const char *name = ((PgTestDatabase *) g_ptr_array_index (created, i))->name;
      char *quoted = PQescapeIdentifier (server, name, strlen (name));
      g_autofree char *drop = g_strdup_printf ("DROP DATABASE IF EXISTS %s WITH (FORCE)", quoted);

      PQfreemem (quoted);
      exec_on (server, drop);
    }
  PQfinish (server);
  g_ptr_array_set_size (created, 0);
}

gboolean
pg_test_skip_without_server (void)
{
  if (pg_test_available ())
    return FALSE;
  g_test_skip (PG_TEST_SKIP_MESSAGE);
  return TRUE;
}
