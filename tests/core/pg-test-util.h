/* pg-test-util.h: fresh databases on the throw-away PostgreSQL server build-aux/with-postgres starts. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <libpq-fe.h>

G_BEGIN_DECLS

/* The test command starts a server and says where (AFTERCARE_TEST_PG, a
 * superuser's address). Without one, PostgreSQL tests skip: they are
 * reported as skipped, never as passed. */
gboolean  pg_test_available          (void);
/* An advisory lock, on the server's first database, that serialises
 * changes to the server's roles across test programs (the set-up script's
 * among them): two at once would clash ("tuple concurrently updated"). */
#define PG_TEST_SETUP_LOCK "1095128131"

#define PG_TEST_SKIP_MESSAGE "no PostgreSQL server: run the tests through build-aux/with-postgres"
/* Without a server: marks the running test skipped and returns TRUE. */
gboolean  pg_test_skip_without_server (void);

/* The login roles of two front desks, members of the group aftercare_desk,
 * made as the README tells a clinic to make them. */
#define PG_TEST_DESK "aftercare_test_reception"
#define PG_TEST_OTHER_DESK "aftercare_test_back_office"

/* A new database on that server, set up as a clinic's is: the set-up
 * script (data/aftercare-pg-setup.sql) run through psql by the superuser,
 * the two desks' roles made, then, when with_tables, Aftercare's tables made
 * by signing in as aftercare_owner. The addresses sign in as the superuser,
 * the owner and each desk. Every database made is dropped, and its
 * PgTestDatabase freed, by pg_test_drop_databases(). */
typedef struct
{
  char *name;
  char *admin;
  char *owner;
  char *desk;
  char *other_desk;
} PgTestDatabase;

PgTestDatabase *pg_test_database_new    (gboolean with_tables);
void            pg_test_drop_databases  (void);

/* An address for role on database name, on the test server. */
char           *pg_test_location        (const char *role,
                                         const char *database);

/* Signs in at location; asserts that it worked. */
PGconn         *pg_test_connect         (const char *location);
/* Runs static SQL there; asserts that it worked. */
void            pg_test_exec            (const char *location,
                                         const char *sql);
/* The SQLSTATE static SQL fails with there ("" if it works). */
char           *pg_test_exec_sqlstate   (const char *location,
                                         const char *sql);
/* The one integer static SQL returns there. */
gint64          pg_test_query_int       (const char *location,
                                         const char *sql);

G_END_DECLS
