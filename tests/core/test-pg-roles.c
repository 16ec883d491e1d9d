/* test-pg-roles.c: on the shared server each desk signs in as a role of its own, and no desk can harm another (data/aftercare-pg-setup.sql). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <gio/gio.h>
#include <string.h>

#include "aftercare-session.h"
#include "aftercare-store.h"
#include "pg-test-util.h"
#include "store-test-util.h"

#define PERMISSION_DENIED "42501"

static void
assert_refused (const char *location,
                const char *sql)
{
  g_autofree char *sqlstate = pg_test_exec_sqlstate (location, sql);

  if (!g_str_equal (sqlstate, PERMISSION_DENIED))
    g_error ("%s: expected permission denied (" PERMISSION_DENIED "), got “%s”", sql, sqlstate);
}

/* What a desk sees in a session of its own: nothing made read-only. */
static void
assert_desk_writes (const char *location)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AftercareStore) store = test_store_open (location);
  g_autoptr(AftercareSession) session = test_session_new ("2026-11-24T10:00:00+01:00");

  g_assert_false (aftercare_store_get_read_only (store));
  g_assert_true (aftercare_store_add_session (store, session, &error));
  g_assert_no_error (error);
}

/* The group holds the privileges; nobody signs in as it. */
static void
test_group_signs_nobody_in (void)
{
  g_autofree char *group = NULL;
  PgTestDatabase *db;
  PGconn *conn;

  if (pg_test_skip_without_server ())
    return;
  db = pg_test_database_new (TRUE);
  group = pg_test_location ("aftercare_desk", db->name);
  conn = PQconnectdb (group);
  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_BAD);
  g_assert_nonnull (strstr (PQerrorMessage (conn), "not permitted to log in"));
  PQfinish (conn);
  g_assert_cmpint (pg_test_query_int (db->admin, "SELECT count(*) FROM pg_authid WHERE rolname = 'aftercare_desk'"
                                                 " AND NOT rolcanlogin AND rolpassword IS NULL"), ==, 1);
  pg_test_drop_databases ();
}

/* A desk that is a member of the group works as a desk always did. */
static void
test_member_desk_works (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AftercareStore) other = NULL;
  PgTestDatabase *db;

  if (pg_test_skip_without_server ())
    return;
  db = pg_test_database_new (TRUE);
  assert_desk_writes (db->desk);
  g_assert_true (aftercare_store_test_connection (db->other_desk, &error));
  g_assert_no_error (error);
  other = test_store_open (db->other_desk);
  g_assert_cmpuint (g_list_model_get_n_items (aftercare_store_get_sessions (other)), ==, 1);
  /* The desks' rights are the group's, so they cannot do more than it. */
  assert_refused (db->desk, "CREATE TABLE aftercare.extra (a integer)");
  assert_refused (db->desk, "DROP TABLE aftercare.checkins");
  pg_test_drop_databases ();
}

/* A desk cannot lock another out, nor make its writes fail: not by its own
 * role, and not by the group's, which it may act as. */
static void
test_desk_cannot_change_another (void)
{
  static const char * const attempts[] = {
    "ALTER ROLE " PG_TEST_OTHER_DESK " PASSWORD 'taken over'",
    "ALTER ROLE " PG_TEST_OTHER_DESK " NOLOGIN",
    "ALTER ROLE " PG_TEST_OTHER_DESK " SET default_transaction_read_only = on",
    "ALTER ROLE aftercare_desk PASSWORD 'taken over'",
    "ALTER ROLE aftercare_desk SET default_transaction_read_only = on",
    "SET ROLE aftercare_desk; ALTER ROLE aftercare_desk LOGIN",
    "SET ROLE aftercare_desk; ALTER ROLE " PG_TEST_OTHER_DESK " PASSWORD 'taken over'",
    "REVOKE aftercare_desk FROM " PG_TEST_OTHER_DESK,
    "SET ROLE " PG_TEST_OTHER_DESK,
  };
  g_autofree char *alter_database = NULL;
  PgTestDatabase *db;
  PGconn *server;

  if (pg_test_skip_without_server ())
    return;
  db = pg_test_database_new (TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (attempts); i++)
    assert_refused (db->desk, attempts[i]);
  alter_database = g_strdup_printf ("ALTER DATABASE %s SET default_transaction_read_only = on", db->name);
  assert_refused (db->desk, alter_database);

  /* What a member may do as the group changes nothing for the others: the
   * group signs nobody in, so neither its password nor its settings apply. */
  /* The group is the whole server's: other test programs' set-up scripts
   * change it too, under this lock (pg-test-util.c), and so do we; then
   * put it back as the script leaves it. */
  server = pg_test_connect (g_getenv ("AFTERCARE_TEST_PG"));
  PQclear (PQexec (server, "SELECT pg_advisory_lock (" PG_TEST_SETUP_LOCK ")"));
  pg_test_exec (db->desk, "SET ROLE aftercare_desk; ALTER ROLE aftercare_desk SET default_transaction_read_only = on");
  pg_test_exec (db->desk, "SET ROLE aftercare_desk; ALTER ROLE aftercare_desk PASSWORD 'taken over'");
  g_assert_cmpint (pg_test_query_int (db->other_desk, "SELECT (current_setting ('default_transaction_read_only') = 'off')::int"),
                   ==, 1);
  assert_desk_writes (db->other_desk);
  g_assert_cmpint (pg_test_query_int (db->admin, "SELECT count(*) FROM pg_roles WHERE rolname = 'aftercare_desk'"
                                                 " AND NOT rolcanlogin"), ==, 1);
  pg_test_exec (db->admin, "ALTER ROLE aftercare_desk PASSWORD NULL; ALTER ROLE aftercare_desk RESET ALL");
  PQclear (PQexec (server, "SELECT pg_advisory_unlock (" PG_TEST_SETUP_LOCK ")"));
  PQfinish (server);
  pg_test_drop_databases ();
}

/* A desk cannot end or interrupt another desk's connection. */
static void
test_desk_cannot_end_another (void)
{
  static const char * const attempts[] = {
    "SELECT pg_terminate_backend (pid) FROM pg_stat_activity WHERE usename = '" PG_TEST_OTHER_DESK "'",
    "SELECT pg_cancel_backend (pid) FROM pg_stat_activity WHERE usename = '" PG_TEST_OTHER_DESK "'",
    "SET ROLE aftercare_desk;"
    " SELECT pg_terminate_backend (pid) FROM pg_stat_activity WHERE usename = '" PG_TEST_OTHER_DESK "'",
  };
  PgTestDatabase *db;
  PGconn *other;
  PGresult *res;

  if (pg_test_skip_without_server ())
    return;
  db = pg_test_database_new (TRUE);
  other = pg_test_connect (db->other_desk);
  for (guint i = 0; i < G_N_ELEMENTS (attempts); i++)
    assert_refused (db->desk, attempts[i]);

  res = PQexec (other, "SELECT count(*) FROM aftercare.sessions");
  g_assert_cmpint (PQresultStatus (res), ==, PGRES_TUPLES_OK);
  PQclear (res);
  g_assert_cmpint (PQstatus (other), ==, CONNECTION_OK);
  PQfinish (other);
  pg_test_drop_databases ();
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/pg/roles/group-signs-nobody-in", test_group_signs_nobody_in);
  g_test_add_func ("/pg/roles/member-desk-works", test_member_desk_works);
  g_test_add_func ("/pg/roles/desk-cannot-change-another", test_desk_cannot_change_another);
  g_test_add_func ("/pg/roles/desk-cannot-end-another", test_desk_cannot_end_another);
  return g_test_run ();
}
