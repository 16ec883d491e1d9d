/* aftercare-pg-schema.c: the clinic database's tables: their layout, its migrations, and why a desk may only read. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-pg-schema"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "aftercare-pg-connect.h"
#include "aftercare-pg-schema.h"
#include "aftercare-store-backend.h"
#include "aftercare-store-error.h"

/* pg_advisory_xact_lock's key while migrating: "AFTC". */
#define MIGRATION_LOCK "1095128131"

/* Each step brings the tables from layout N to N + 1; all steps run in one
 * transaction. Static text only: values never reach SQL except as bound
 * parameters. Times are kept as entered (ISO 8601 with their offset) and,
 * for ordering, as microseconds since the epoch; ids sort by their bytes
 * (COLLATE "C"), as in SQLite, so both list sessions in the same order. */
static const char * const migrations[AFTERCARE_PG_SCHEMA_VERSION] = {
  /* 0 -> 1: the first layout, written by Aftercare 0.1.0 (100). */
  /* The set-up script makes the schema for its owner, who then may not
   * create schemas (CREATE SCHEMA IF NOT EXISTS would still ask). */
  "DO $$ BEGIN"
  "  IF to_regnamespace ('aftercare') IS NULL THEN CREATE SCHEMA aftercare; END IF;"
  " END $$;"
  "CREATE TABLE aftercare.aftercare_schema ("
  "  version integer NOT NULL,"
  "  min_app_version integer NOT NULL);"
  /* Desks read it; only its owner (who migrates) changes it. */
  "ALTER TABLE aftercare.aftercare_schema ENABLE ROW LEVEL SECURITY;"
  "CREATE POLICY everyone_reads ON aftercare.aftercare_schema FOR SELECT USING (true);"
  "CREATE TABLE aftercare.sessions ("
  "  id text COLLATE \"C\" NOT NULL PRIMARY KEY,"
  "  ended_at text NOT NULL,"
  "  ended_us bigint NOT NULL,"
  "  duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 0 AND 1440),"
  "  type text NOT NULL,"
  "  pressure text NOT NULL,"
  "  first_time boolean NOT NULL,"
  "  areas text NOT NULL,"
  "  client text NOT NULL,"
  "  therapist text NOT NULL,"
  "  notes text NOT NULL,"
  "  version bigint NOT NULL DEFAULT 1,"
  "  updated_at timestamptz NOT NULL DEFAULT now());"
  "CREATE INDEX sessions_newest_first ON aftercare.sessions (ended_us, id);"
  "CREATE TABLE aftercare.checkins ("
  "  id text COLLATE \"C\" NOT NULL PRIMARY KEY,"
  "  session_id text COLLATE \"C\" NOT NULL REFERENCES aftercare.sessions (id) ON DELETE CASCADE,"
  "  at text NOT NULL,"
  "  at_us bigint NOT NULL,"
  "  soreness integer NOT NULL CHECK (soreness BETWEEN 0 AND 10),"
  "  symptoms text NOT NULL,"
  "  notes text NOT NULL,"
  "  version bigint NOT NULL DEFAULT 1,"
  "  updated_at timestamptz NOT NULL DEFAULT now());"
  "CREATE INDEX checkins_by_session ON aftercare.checkins (session_id, at_us, id);"
  /* Counted up by every write transaction, before it commits: another desk
   * that reads it knows at once that its list may be out of date. */
  "CREATE SEQUENCE aftercare.changes;"
  "INSERT INTO aftercare.aftercare_schema (version, min_app_version) VALUES (1, 100);",

  /* 1 -> 2: search from an index. Each session keeps what a search looks
   * in: its words folded (filled by fill_search_words() below, as the
   * desks write them) and its type's and areas' keys. Where the set-up
   * script could add pg_trgm, a trigram index answers any part of a word;
   * without it the search reads these two columns, row by row. */
  "ALTER TABLE aftercare.sessions"
  "  ADD COLUMN search_words text NOT NULL DEFAULT '',"
  "  ADD COLUMN search_keys text NOT NULL DEFAULT '';"
  "UPDATE aftercare.sessions SET search_keys = ';' || type || ';' || areas || ';';"
  "DO $$ DECLARE trgm name; BEGIN"
  "  SELECT n.nspname INTO trgm FROM pg_catalog.pg_extension AS e"
  "    JOIN pg_catalog.pg_namespace AS n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm';"
  "  IF trgm IS NOT NULL THEN"
  "    EXECUTE format ('CREATE INDEX sessions_search ON aftercare.sessions USING gin"
  "                     (search_words %1$I.gin_trgm_ops, search_keys %1$I.gin_trgm_ops)', trgm);"
  "  END IF;"
  " END $$;"
  "UPDATE aftercare.aftercare_schema SET version = 2;",
};

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGresult, PQclear)

/* Runs static SQL (transaction control, migrations): never with values. */
static gboolean
run_static (PGconn      *conn,
            const char  *sql,
            const char  *what,
            GError     **error)
{
  g_autoptr(PGresult) res = PQexec (conn, sql);

  if (!aftercare_pg_result_ok (res))
    return aftercare_pg_set_result_error (conn, res, what, error);
  return TRUE;
}

static void
rollback (PGconn *conn)
{
  g_autoptr(GError) error = NULL;

  /* A lost connection has rolled it back already. */
  if (PQstatus (conn) == CONNECTION_OK &&
      !run_static (conn, "ROLLBACK", _("Could not undo an unfinished change"), &error))
    g_debug ("%s", error->message);
}

int
aftercare_pg_schema_get_app_version (void)
{
  g_auto(GStrv) parts = g_strsplit (PACKAGE_VERSION, ".", 3);
  int number = 0;

  for (guint i = 0; i < 3; i++)
    number = number * 100 + (parts[0] != NULL && i < g_strv_length (parts) ? atoi (parts[i]) : 0);
  return number;
}

/* "0.1.0" from 100. */
static char *
format_app_version (int number)
{
  return g_strdup_printf ("%d.%d.%d", number / 10000, number / 100 % 100, number % 100);
}

typedef struct
{
  gboolean exists;
  int version;
  int min_app_version;
} Layout;

static gboolean
read_layout (PGconn              *conn,
             Layout              *layout,
             GError             **error)
{
  g_autoptr(PGresult) exists = NULL;
  g_autoptr(PGresult) res = NULL;

  *layout = (Layout) { FALSE, 0, 0 };
  exists = PQexec (conn, "SELECT to_regclass ('aftercare.aftercare_schema') IS NOT NULL");
  if (!aftercare_pg_result_ok (exists))
    return aftercare_pg_set_result_error (conn, exists, _("Could not read the clinic database’s layout"), error);
  if (*PQgetvalue (exists, 0, 0) != 't')
    return TRUE;
  res = PQexec (conn, "SELECT version, min_app_version FROM aftercare.aftercare_schema");
  if (!aftercare_pg_result_ok (res))
    return aftercare_pg_set_result_error (conn, res, _("Could not read the clinic database’s layout"), error);
  layout->exists = PQntuples (res) > 0;
  if (layout->exists)
    {
      layout->version = atoi (PQgetvalue (res, 0, 0));
      layout->min_app_version = atoi (PQgetvalue (res, 0, 1));
    }
  return TRUE;
}

static gboolean
set_not_set_up (PGconn              *conn,
                const Layout        *layout,
                GError             **error)
{
  const char *user = PQuser (conn);

  if (!layout->exists)
    g_set_error (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_NOT_SET_UP,
                 _("The clinic database has no Aftercare tables yet, and the account “%s” may not "
                   "create them. They are made once, by the database’s owner: see “Clinic: a shared "
                   "database” in the README."), user);
  else
    g_set_error (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_NOT_SET_UP,
                 _("The clinic database’s tables have layout %d, and this Aftercare needs layout %d. "
                   "The account “%s” may not update them: the database’s owner does it once, "
                   "as the README explains under “Clinic: a shared database”."),
                 layout->version, AFTERCARE_PG_SCHEMA_VERSION, user);
  return FALSE;
}

/* Layout 2's search words for the sessions already stored, folded here as
 * the desks fold them: read, then written back in one statement. Desks
 * older than this build would store sessions without them, so from now on
 * only this build or newer may write. */
static gboolean
fill_search_words (PGconn  *conn,
                   GError **error)
{
  const char *what = _("Could not update the clinic database’s tables");
  g_autoptr(PGresult) rows = PQexec (conn, "SELECT id, client, therapist, notes FROM aftercare.sessions");
  g_autoptr(GString) ids = g_string_new ("{");
  g_autoptr(GString) words = g_string_new ("{");
  g_autoptr(PGresult) res = NULL;
  g_autofree char *app_version = NULL;
  const char *params[3];

  if (!aftercare_pg_result_ok (rows))
    return aftercare_pg_set_result_error (conn, rows, what, error);
  for (int i = 0; i < PQntuples (rows); i++)
    {
      g_autofree char *folded = aftercare_store_backend_search_words (PQgetvalue (rows, i, 1),
                                                                     PQgetvalue (rows, i, 2),
                                                                     PQgetvalue (rows, i, 3));

      aftercare_pg_append_array_item (ids, PQgetvalue (rows, i, 0));
      aftercare_pg_append_array_item (words, folded);
    }
  g_string_append_c (ids, '}');
  g_string_append_c (words, '}');
  app_version = g_strdup_printf ("%d", aftercare_pg_schema_get_app_version ());
  params[0] = ids->str;
  params[1] = words->str;
  params[2] = app_version;
  res = PQexecParams (conn,
                      "WITH filled AS (UPDATE aftercare.sessions AS s SET search_words = u.words"
                      "  FROM unnest ($1::text[], $2::text[]) AS u (id, words) WHERE s.id = u.id)"
                      " UPDATE aftercare.aftercare_schema"
                      " SET min_app_version = greatest (min_app_version, $3::integer)",
                      3, NULL, params, NULL, NULL, 0);
  if (!aftercare_pg_result_ok (res))
    return aftercare_pg_set_result_error (conn, res, what, error);
  return TRUE;
}

/* Brings the tables to this build's layout in one transaction; another
 * desk doing the same waits on the lock and then finds nothing to do. */
static gboolean
migrate (PGconn              *conn,
         Layout              *layout,
         GError             **error)
{
  g_autoptr(GError) local_error = NULL;
  const char *what = _("Could not update the clinic database’s tables");

  if (!run_static (conn, "BEGIN", what, error))
    return FALSE;
  if (run_static (conn, "SELECT pg_advisory_xact_lock (" MIGRATION_LOCK ")", what, &local_error) &&
      read_layout (conn, layout, &local_error))
    for (int version = layout->exists ? layout->version : 0;
         version < AFTERCARE_PG_SCHEMA_VERSION && local_error == NULL; version++)
      if (run_static (conn, migrations[version], what, &local_error) && version == 1)
        fill_search_words (conn, &local_error);
  if (local_error == NULL && aftercare_pg_commit (conn, what, &local_error))
    return read_layout (conn, layout, error);
  rollback (conn);
  if (g_error_matches (local_error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_READ_ONLY))
    return set_not_set_up (conn, layout, error);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* Why this desk may not write, or NULL. */
static char *
find_read_only_reason (PGconn              *conn,
                       const Layout        *layout,
                       GError             **error)
{
  int app_version = aftercare_pg_schema_get_app_version ();
  g_autoptr(PGresult) res = NULL;

  if (layout->min_app_version > app_version)
    {
      g_autofree char *ours = format_app_version (app_version);
      g_autofree char *needed = format_app_version (layout->min_app_version);

      return g_strdup_printf (_("The clinic database accepts changes only from Aftercare %s or newer, "
                                "and this desk has %s: it shows the records but cannot save. Update "
                                "Aftercare on this desk to save again."), needed, ours);
    }
  res = PQexec (conn,
                "SELECT bool_and (has_table_privilege (t, 'INSERT') AND has_table_privilege (t, 'UPDATE')"
                "                 AND has_table_privilege (t, 'DELETE'))"
                " FROM unnest (ARRAY['aftercare.sessions', 'aftercare.checkins']) AS t");
  if (!aftercare_pg_result_ok (res))
    {
      aftercare_pg_set_result_error (conn, res, _("Could not read the clinic database’s layout"), error);
      return NULL;
    }
  if (*PQgetvalue (res, 0, 0) != 't')
    return g_strdup_printf (_("The account “%s” may only read the clinic database: it shows the "
                              "records but cannot save."), PQuser (conn));
  return NULL;
}

gboolean
aftercare_pg_schema_prepare (PGconn    *conn,
                             gboolean   may_migrate,
                             char     **read_only_reason,
                             GError   **error)
{
  g_autoptr(GError) local_error = NULL;
  Layout layout;

  if (!read_layout (conn, &layout, error))
    return FALSE;
  /* Older (or none): forward. Newer: never touched. */
  if (!layout.exists || layout.version < AFTERCARE_PG_SCHEMA_VERSION)
    {
      if (!may_migrate)
        return set_not_set_up (conn, &layout, error);
      if (!migrate (conn, &layout, error))
        return FALSE;
    }
  *read_only_reason = find_read_only_reason (conn, &layout, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}
