/* aftercare-sqlite-backend.c: the store's rows in one SQLite file (the only place with SQL). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-sqlite-backend"

#include "config.h"

#include <glib/gi18n.h>
#include <sqlite3.h>
#include <string.h>

#include "aftercare-sqlite-backend.h"
#include "aftercare-sqlite-file.h"
#include "aftercare-store-error.h"
#include "aftercare-time.h"

/* The two indexes that only order and find rows: no constraint rests on
 * them. A bulk write into empty tables drops them and builds each again,
 * by one sort, before it commits (begin_bulk_write). */
#define CREATE_SESSIONS_NEWEST_FIRST "CREATE INDEX sessions_newest_first ON sessions (ended_us, id);"
#define CREATE_CHECKINS_BY_SESSION "CREATE INDEX checkins_by_session ON checkins (session_id, at_us, id);"

/* Each step brings a database from user_version N to N + 1, in one
 * transaction with the rest. Static text only: no SQL is ever built from
 * data, and values reach statements through bound parameters. */
static const char * const migrations[AFTERCARE_SQLITE_SCHEMA_VERSION] = {
  /* 0 -> 1: the first schema. Times are kept as entered (ISO 8601 with
   * their offset) and, for ordering, as microseconds since the epoch. */
  "PRAGMA application_id = 1095128131;"
  "CREATE TABLE sessions ("
  "  id TEXT NOT NULL PRIMARY KEY,"
  "  ended_at TEXT NOT NULL,"
  "  ended_us INTEGER NOT NULL,"
  "  duration_minutes INTEGER NOT NULL CHECK (duration_minutes BETWEEN 0 AND 1440),"
  "  type TEXT NOT NULL,"
  "  pressure TEXT NOT NULL,"
  "  first_time INTEGER NOT NULL CHECK (first_time IN (0, 1)),"
  "  areas TEXT NOT NULL,"
  "  client TEXT NOT NULL,"
  "  therapist TEXT NOT NULL,"
  "  notes TEXT NOT NULL);"
  CREATE_SESSIONS_NEWEST_FIRST
  "CREATE TABLE checkins ("
  "  id TEXT NOT NULL PRIMARY KEY,"
  "  session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,"
  "  at TEXT NOT NULL,"
  "  at_us INTEGER NOT NULL,"
  "  soreness INTEGER NOT NULL CHECK (soreness BETWEEN 0 AND 10),"
  "  symptoms TEXT NOT NULL,"
  "  notes TEXT NOT NULL);"
  "PRAGMA user_version = 1;",

  /* 1 -> 2: a version per row, counted up by every edit (a shared server
   * will use it to refuse edits of rows changed elsewhere), and check-ins
   * found by session without reading them all. */
  "ALTER TABLE sessions ADD COLUMN version INTEGER NOT NULL DEFAULT 1;"
  "ALTER TABLE checkins ADD COLUMN version INTEGER NOT NULL DEFAULT 1;"
  CREATE_CHECKINS_BY_SESSION
  "PRAGMA user_version = 2;",

  /* 2 -> 3: when each row was last written (microseconds since the epoch;
   * 0 for rows from before), so that an edit refused because the row
   * changed meanwhile can say when that was. */
  "ALTER TABLE sessions ADD COLUMN updated_us INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE checkins ADD COLUMN updated_us INTEGER NOT NULL DEFAULT 0;"
  "PRAGMA user_version = 3;",

  /* 3 -> 4: search from an index. Each session has a row in a full-text
   * index of trigrams (any three characters in a row), so a search finds
   * any part of a word without reading every session: its words folded
   * (aftercare_search_words(), registered on the connection) and its
   * type's and areas' keys. sessions.search_rowid points to that row
   * (the index's rowids stay put through VACUUM, the sessions' may not). */
  "CREATE VIRTUAL TABLE session_search USING fts5 (words, keys, tokenize = 'trigram');"
  "ALTER TABLE sessions ADD COLUMN search_rowid INTEGER;"
  "UPDATE sessions SET search_rowid = rowid;"
  "CREATE UNIQUE INDEX sessions_by_search_rowid ON sessions (search_rowid);"
  "INSERT INTO session_search (rowid, words, keys)"
  "  SELECT search_rowid, aftercare_search_words (client, therapist, notes),"
  "         ';' || type || ';' || areas || ';' FROM sessions;"
  "PRAGMA user_version = 4;",
};

#define SESSION_COLUMNS \
  "id, ended_at, duration_minutes, type, pressure, first_time, areas, client, therapist, notes, version"
#define CHECKIN_COLUMNS "id, session_id, at, soreness, symptoms, notes, version"

typedef enum {
  STMT_BEGIN_WRITE,
  STMT_BEGIN_READ,
  STMT_COMMIT,
  STMT_ROLLBACK,
  STMT_DATA_VERSION,
  STMT_USER_VERSION,
  STMT_COUNT_SESSIONS,
  STMT_IS_EMPTY,
  STMT_COUNT_BEFORE,
  STMT_LIST_FIRST,
  STMT_LIST_AFTER,
  STMT_LIST_NEWEST_OF_KIND,
  STMT_GET_SESSION,
  STMT_INSERT_SESSION,
  STMT_UPDATE_SESSION,
  STMT_DELETE_SESSION,
  STMT_LIST_CHECKINS,
  STMT_LIST_CHECKINS_BETWEEN,
  STMT_GET_CHECKIN,
  STMT_INSERT_CHECKIN,
  STMT_UPDATE_CHECKIN,
  STMT_DELETE_CHECKIN,
  STMT_SESSION_UPDATED_AT,
  STMT_CHECKIN_UPDATED_AT,
  STMT_LAST_SEARCH_ROWID,
  STMT_INSERT_SEARCH_AFTER,
  STMT_UPDATE_SEARCH,
  STMT_DELETE_SEARCH,
  STMT_SEARCH_MATCH,
  STMT_SEARCH_SCAN,
  STMT_SEARCH_SCAN_OR_MATCH,
  N_STATEMENTS
} Statement;

static const char * const statement_sql[N_STATEMENTS] = {
  [STMT_BEGIN_WRITE] = "BEGIN IMMEDIATE",
  [STMT_BEGIN_READ] = "BEGIN DEFERRED",
  [STMT_COMMIT] = "COMMIT",
  [STMT_ROLLBACK] = "ROLLBACK",
  [STMT_DATA_VERSION] = "PRAGMA data_version",
  [STMT_USER_VERSION] = "PRAGMA user_version",
  [STMT_COUNT_SESSIONS] = "SELECT count(*) FROM sessions",
  [STMT_IS_EMPTY] = "SELECT NOT EXISTS (SELECT 1 FROM sessions) AND NOT EXISTS (SELECT 1 FROM checkins)",
  [STMT_COUNT_BEFORE] =
    "SELECT count(*) FROM sessions WHERE (ended_us, id) > (?1, ?2)",
  [STMT_LIST_FIRST] =
    "SELECT " SESSION_COLUMNS " FROM sessions"
    " ORDER BY ended_us DESC, id DESC LIMIT ?1 OFFSET ?2",
  [STMT_LIST_AFTER] =
    "SELECT " SESSION_COLUMNS " FROM sessions WHERE (ended_us, id) < (?3, ?4)"
    " ORDER BY ended_us DESC, id DESC LIMIT ?1 OFFSET ?2",
  [STMT_LIST_NEWEST_OF_KIND] =
    "SELECT " SESSION_COLUMNS " FROM"
    " (SELECT " SESSION_COLUMNS ", ended_us FROM sessions ORDER BY ended_us DESC, id DESC LIMIT ?1)"
    " WHERE type = ?2 AND pressure = ?3 ORDER BY ended_us DESC, id DESC",
  [STMT_GET_SESSION] = "SELECT " SESSION_COLUMNS " FROM sessions WHERE id = ?1",
  /* ?12 is the version the row gets, ?13 the time it is written. Its
   * search row comes at the commit (STMT_INSERT_SEARCH_AFTER), numbered
   * after the last. */
  [STMT_INSERT_SESSION] =
    "INSERT INTO sessions (" SESSION_COLUMNS ", ended_us, updated_us, search_rowid)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?12, ?11, ?13,"
    " (SELECT coalesce (max (search_rowid), 0) + 1 FROM sessions))",
  /* Only the version that was read may be replaced: optimistic concurrency. */
  [STMT_UPDATE_SESSION] =
    "UPDATE sessions SET ended_at = ?2, duration_minutes = ?3, type = ?4, pressure = ?5,"
    " first_time = ?6, areas = ?7, client = ?8, therapist = ?9, notes = ?10, ended_us = ?11,"
    " version = ?12, updated_us = ?13 WHERE id = ?1 AND version = ?12 - 1",
  [STMT_DELETE_SESSION] = "DELETE FROM sessions WHERE id = ?1",
  [STMT_LIST_CHECKINS] =
    "SELECT " CHECKIN_COLUMNS " FROM checkins WHERE session_id = ?1 ORDER BY at_us, id",
  [STMT_LIST_CHECKINS_BETWEEN] =
    "SELECT c.id, c.session_id, c.at, c.soreness, c.symptoms, c.notes, c.version"
    " FROM sessions AS s JOIN checkins AS c ON c.session_id = s.id"
    " WHERE (s.ended_us, s.id) <= (?1, ?2) AND (s.ended_us, s.id) >= (?3, ?4)"
    " ORDER BY s.ended_us DESC, s.id DESC, c.at_us, c.id",
  [STMT_GET_CHECKIN] = "SELECT " CHECKIN_COLUMNS " FROM checkins WHERE id = ?1",
  /* ?8 is the version the row gets, ?9 the time it is written. */
  [STMT_INSERT_CHECKIN] =
    "INSERT INTO checkins (" CHECKIN_COLUMNS ", at_us, updated_us)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?8, ?7, ?9)",
  [STMT_UPDATE_CHECKIN] =
    "UPDATE checkins SET session_id = ?2, at = ?3, soreness = ?4, symptoms = ?5, notes = ?6,"
    " at_us = ?7, version = ?8, updated_us = ?9 WHERE id = ?1 AND version = ?8 - 1",
  [STMT_DELETE_CHECKIN] = "DELETE FROM checkins WHERE id = ?1",
  [STMT_SESSION_UPDATED_AT] = "SELECT updated_us FROM sessions WHERE id = ?1",
  [STMT_CHECKIN_UPDATED_AT] = "SELECT updated_us FROM checkins WHERE id = ?1",
  /* ?1 the session's id, ?2 its words, ?3 its keys. */
  /* The sessions added in a transaction get their rows in the index at its
   * commit, in one statement: FTS5 writes what it holds to disk at every
   * statement's savepoint, which one row at a time made a large import
   * spend most of its time there. */
  [STMT_LAST_SEARCH_ROWID] = "SELECT coalesce (max (search_rowid), 0) FROM sessions",
  [STMT_INSERT_SEARCH_AFTER] =
    "INSERT INTO session_search (rowid, words, keys)"
    " SELECT search_rowid, aftercare_search_words (client, therapist, notes), ';' || type || ';' || areas || ';'"
    " FROM sessions WHERE search_rowid > ?1",
  [STMT_UPDATE_SEARCH] =
    "UPDATE session_search SET words = ?2, keys = ?3"
    " WHERE rowid = (SELECT search_rowid FROM sessions WHERE id = ?1)",
  [STMT_DELETE_SEARCH] =
    "DELETE FROM session_search WHERE rowid = (SELECT search_rowid FROM sessions WHERE id = ?1)",
  /* ?1 a full-text query (search_match_query ()). */
  [STMT_SEARCH_MATCH] =
    "SELECT id, ended_us FROM sessions WHERE search_rowid IN"
    " (SELECT rowid FROM session_search WHERE session_search MATCH ?1)"
    " ORDER BY ended_us DESC, id DESC",
  /* Words shorter than a trigram (?1) are looked for row by row, in the
   * index's compact copy of the words; keys still through the index (?2). */
  [STMT_SEARCH_SCAN] =
    "SELECT id, ended_us FROM sessions WHERE search_rowid IN"
    " (SELECT rowid FROM session_search WHERE instr (words, ?1) > 0)"
    " ORDER BY ended_us DESC, id DESC",
  [STMT_SEARCH_SCAN_OR_MATCH] =
    "SELECT id, ended_us FROM sessions WHERE search_rowid IN"
    " (SELECT rowid FROM session_search WHERE instr (words, ?1) > 0"
    "  UNION SELECT rowid FROM session_search WHERE session_search MATCH ?2)"
    " ORDER BY ended_us DESC, id DESC",
};

typedef enum {
  CHECK_PASSED,
  CHECK_PENDING,
  CHECK_RUNNING,
  CHECK_FAILED,
} CheckState;

/* Shared with the worker thread that runs the check, which holds no
 * reference to the backend: the backend (and the time source it holds) is
 * always let go of on the thread that opened it. */
typedef struct {
  GMutex mutex;
  GCond cond;
  CheckState state;         /* CHECK_PASSED for a file checked as it opened */
  GError *error;
  char *path;
} IntegrityCheck;

static IntegrityCheck *
integrity_check_new (const char *path,
                     CheckState  state)
{
  IntegrityCheck *check = g_atomic_rc_box_new0 (IntegrityCheck);

  g_mutex_init (&check->mutex);
  g_cond_init (&check->cond);
  check->state = state;
  check->path = g_strdup (path);
  return check;
}

static void
integrity_check_clear (IntegrityCheck *check)
{
  g_clear_error (&check->error);
  g_free (check->path);
  g_mutex_clear (&check->mutex);
  g_cond_clear (&check->cond);
}

static void
integrity_check_unref (IntegrityCheck *check)
{
  g_atomic_rc_box_release_full (check, (GDestroyNotify) integrity_check_clear);
}

struct _AftercareSqliteBackend
{
  GObject parent_instance;

  char *path;
  sqlite3 *db;
  sqlite3_stmt *statements[N_STATEMENTS];
  AftercareTimeSource *time_source;   /* when a row is written, and conflicts' words */
  char *read_only_reason;             /* opened for reading only, and why; else NULL */

  /* PRAGMA quick_check, when opening left it for later: nothing is
   * written until it has passed. */
  IntegrityCheck *check;
  gboolean search_pending;            /* sessions added in this transaction lack their index rows */
  gboolean bulk;                      /* this transaction holds a larger page cache (begin_bulk_write) */
  gboolean indexes_dropped;           /* and began on empty tables: the commit builds the indexes again */
  gint64 search_pending_after;        /* the last search_rowid before them */
  gint64 write_began_us;              /* when this write began: the time of every row it writes */
};

static void aftercare_sqlite_backend_iface_init (AftercareStoreBackendInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AftercareSqliteBackend, aftercare_sqlite_backend, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (AFTERCARE_TYPE_STORE_BACKEND,
                                                      aftercare_sqlite_backend_iface_init))

/* A prepared statement borrowed for one use: reset and unbound on release. */
typedef sqlite3_stmt BorrowedStatement;

static void
borrowed_statement_release (BorrowedStatement *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BorrowedStatement, borrowed_statement_release)

static void
aftercare_sqlite_backend_dispose (GObject *object)
{
  AftercareSqliteBackend *self = AFTERCARE_SQLITE_BACKEND (object);

  g_clear_object (&self->time_source);

  G_OBJECT_CLASS (aftercare_sqlite_backend_parent_class)->dispose (object);
}

static void
aftercare_sqlite_backend_finalize (GObject *object)
{
  AftercareSqliteBackend *self = AFTERCARE_SQLITE_BACKEND (object);

  for (guint i = 0; i < N_STATEMENTS; i++)
    g_clear_pointer (&self->statements[i], sqlite3_finalize);
  /* A file that passed its check may take the log back as it closes. */
  if (self->db != NULL && self->check != NULL && self->check->state == CHECK_PASSED)
    sqlite3_db_config (self->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 0, NULL);
  g_clear_pointer (&self->db, sqlite3_close);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->read_only_reason, g_free);
  g_clear_pointer (&self->check, integrity_check_unref);

  G_OBJECT_CLASS (aftercare_sqlite_backend_parent_class)->finalize (object);
}

enum {
  PROP_0,
  PROP_CONNECTED,
};

static void
aftercare_sqlite_backend_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  switch (prop_id)
    {
    /* A file on this computer is never out of reach. */
    case PROP_CONNECTED: g_value_set_boolean (value, TRUE); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aftercare_sqlite_backend_class_init (AftercareSqliteBackendClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = aftercare_sqlite_backend_dispose;
  object_class->finalize = aftercare_sqlite_backend_finalize;
  object_class->get_property = aftercare_sqlite_backend_get_property;
  g_object_class_override_property (object_class, PROP_CONNECTED, "connected");
}

static void
aftercare_sqlite_backend_init (AftercareSqliteBackend *self)
{
}

/* The integrity check left for later */

/* Runs the check unless it has run or is running (then waits for it), from
 * any thread: TRUE once the file has passed it. */
static gboolean
ensure_checked (IntegrityCheck  *check,
                GError         **error)
{
  gboolean passed;

  g_mutex_lock (&check->mutex);
  if (check->state == CHECK_PENDING)
    {
      g_autoptr(GError) check_error = NULL;
      gboolean ok;

      check->state = CHECK_RUNNING;
      g_mutex_unlock (&check->mutex);
      ok = aftercare_sqlite_file_check_integrity (check->path, &check_error);
      if (ok)
        aftercare_sqlite_file_make_private (check->path);
      g_mutex_lock (&check->mutex);
      check->state = ok ? CHECK_PASSED : CHECK_FAILED;
      check->error = g_steal_pointer (&check_error);
      g_cond_broadcast (&check->cond);
    }
  while (check->state == CHECK_RUNNING)
    g_cond_wait (&check->cond, &check->mutex);
  passed = check->state == CHECK_PASSED;
  if (!passed)
    g_propagate_error (error, g_error_copy (check->error));
  g_mutex_unlock (&check->mutex);
  return passed;
}

/* A thread of its own, not one from GLib's pool: the check runs once, and
 * a pool's worker would wake half a second after it to look for more. */
static gpointer
check_thread (gpointer data)
{
  g_autoptr(GTask) task = data;
  GError *error = NULL;

  if (ensure_checked (g_task_get_task_data (task), &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
  return NULL;
}

void
aftercare_sqlite_backend_check_async (AftercareSqliteBackend *self,
                                      GCancellable           *cancellable,
                                      GAsyncReadyCallback     callback,
                                      gpointer                user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  GThread *thread;

  g_return_if_fail (AFTERCARE_IS_SQLITE_BACKEND (self));
  /* No source object: the thread must not hold the backend. */
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, aftercare_sqlite_backend_check_async);
  g_task_set_task_data (task, g_atomic_rc_box_acquire (self->check), (GDestroyNotify) integrity_check_unref);
  thread = g_thread_try_new ("aftercare-check", check_thread, g_object_ref (task), &error);
  if (thread != NULL)
    {
      g_thread_unref (thread);
      return;
    }
  /* No thread to be had (the system is at its limit): check here, before
   * anything else. Slower to start, but still checked before any write,
   * and the answer still comes from the main loop. */
  g_debug ("No thread for the integrity check (%s): checking it now", error->message);
  g_object_unref (task);
  check_thread (g_steal_pointer (&task));
}

gboolean
aftercare_sqlite_backend_check_finish (AftercareSqliteBackend  *self,
                                       GAsyncResult            *result,
                                       GError                 **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Statements */

static BorrowedStatement *
borrow (AftercareSqliteBackend  *self,
        Statement                which,
        GError                 **error)
{
  int rc;

  if (self->statements[which] != NULL)
    return self->statements[which];
  rc = sqlite3_prepare_v3 (self->db, statement_sql[which], -1, SQLITE_PREPARE_PERSISTENT,
                           &self->statements[which], NULL);
  if (rc != SQLITE_OK)
    {
      aftercare_sqlite_set_error (self->db, rc, _("Could not read the database"), error);
      return NULL;
    }
  return self->statements[which];
}

/* Runs a statement that returns no rows. what is marked N_() and
 * translated only when it fails: an import passes here 100,000 times. */
static gboolean
step_done (AftercareSqliteBackend  *self,
           sqlite3_stmt            *stmt,
           const char              *what,
           GError                 **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    return aftercare_sqlite_set_error (self->db, rc, _(what), error);
  return TRUE;
}

/* Runs a statement whose one row holds one integer. */
static gboolean
step_integer (AftercareSqliteBackend  *self,
              sqlite3_stmt            *stmt,
              gint64                  *value,
              GError                 **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_ROW)
    return aftercare_sqlite_set_error (self->db, rc, _("Could not read the database"), error);
  *value = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* Runs one of the statements whose one row holds one integer. */
static gboolean
read_integer (AftercareSqliteBackend  *self,
              Statement                which,
              gint64                  *value,
              GError                 **error)
{
  g_autoptr(BorrowedStatement) stmt = borrow (self, which, error);

  return stmt != NULL && step_integer (self, stmt, value, error);
}

static gboolean
in_transaction (AftercareSqliteBackend *self)
{
  return !sqlite3_get_autocommit (self->db);
}

/* Values */

static void
bind_time (sqlite3_stmt *stmt,
           int           text_index,
           int           usec_index,
           GDateTime    *time)
{
  char text[AFTERCARE_TIME_TEXT_SIZE];
  gsize length = aftercare_time_format_into (time, text);

  sqlite3_bind_text (stmt, text_index, text, (int) length, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, usec_index, aftercare_store_backend_unix_usec (time));
}

static void
bind_flags (sqlite3_stmt *stmt,
            int           index,
            GType         flags_type,
            guint         flags)
{
  g_autofree char *text = aftercare_flags_to_string (flags_type, flags);

  sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

/* Now, in microseconds since the epoch. */
static gint64
now_usec (AftercareSqliteBackend *self)
{
  g_autoptr(GDateTime) now = aftercare_time_source_now (self->time_source);

  return g_date_time_to_unix (now) * G_USEC_PER_SEC + g_date_time_get_microsecond (now);
}

static void
bind_session (sqlite3_stmt     *stmt,
              AftercareSession *session,
              gint64            changed_at)
{
  sqlite3_bind_text (stmt, 1, aftercare_session_get_id (session), -1, SQLITE_STATIC);
  bind_time (stmt, 2, 11, aftercare_session_get_ended_at (session));
  sqlite3_bind_int (stmt, 3, aftercare_session_get_duration_minutes (session));
  sqlite3_bind_text (stmt, 4, aftercare_massage_type_to_key (aftercare_session_get_massage_type (session)),
                     -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, aftercare_pressure_to_key (aftercare_session_get_pressure (session)),
                     -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 6, aftercare_session_get_first_time (session) ? 1 : 0);
  bind_flags (stmt, 7, AFTERCARE_TYPE_AREAS, aftercare_session_get_areas (session));
  sqlite3_bind_text (stmt, 8, aftercare_session_get_client (session), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, aftercare_session_get_therapist (session), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, aftercare_session_get_notes (session), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 12, aftercare_session_get_version (session) + 1);
  sqlite3_bind_int64 (stmt, 13, changed_at);
}

static void
bind_checkin (sqlite3_stmt     *stmt,
              AftercareCheckin *checkin,
              gint64            changed_at)
{
  sqlite3_bind_text (stmt, 1, aftercare_checkin_get_id (checkin), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, aftercare_checkin_get_session_id (checkin), -1, SQLITE_STATIC);
  bind_time (stmt, 3, 7, aftercare_checkin_get_at (checkin));
  sqlite3_bind_int (stmt, 4, aftercare_checkin_get_soreness (checkin));
  bind_flags (stmt, 5, AFTERCARE_TYPE_SYMPTOMS, aftercare_checkin_get_symptoms (checkin));
  sqlite3_bind_text (stmt, 6, aftercare_checkin_get_notes (checkin), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 8, aftercare_checkin_get_version (checkin) + 1);
  sqlite3_bind_int64 (stmt, 9, changed_at);
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL ? text : "";
}

static AftercareSession *
session_from_row (sqlite3_stmt  *stmt,
                  GError       **error)
{
  AftercareStoredSession row = {
    .id = column_text (stmt, 0),
    .ended_at = column_text (stmt, 1),
    .duration_minutes = sqlite3_column_int64 (stmt, 2),
    .type = column_text (stmt, 3),
    .pressure = column_text (stmt, 4),
    .first_time = sqlite3_column_int (stmt, 5) != 0,
    .areas = column_text (stmt, 6),
    .client = column_text (stmt, 7),
    .therapist = column_text (stmt, 8),
    .notes = column_text (stmt, 9),
    .version = sqlite3_column_int64 (stmt, 10),
  };

  return aftercare_store_backend_session_from_row (&row, error);
}

static AftercareCheckin *
checkin_from_row (sqlite3_stmt  *stmt,
                  GError       **error)
{
  AftercareStoredCheckin row = {
    .id = column_text (stmt, 0),
    .session_id = column_text (stmt, 1),
    .at = column_text (stmt, 2),
    .soreness = sqlite3_column_int64 (stmt, 3),
    .symptoms = column_text (stmt, 4),
    .notes = column_text (stmt, 5),
    .version = sqlite3_column_int64 (stmt, 6),
  };

  return aftercare_store_backend_checkin_from_row (&row, error);
}

typedef gpointer (*RowReader) (sqlite3_stmt *stmt, GError **error);

/* Steps stmt to the end, reading every row into a new array. */
static GPtrArray *
read_rows (AftercareSqliteBackend  *self,
           sqlite3_stmt            *stmt,
           RowReader                reader,
           GError                 **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gpointer row = reader (stmt, error);

      if (row == NULL)
        return NULL;
      g_ptr_array_add (rows, row);
    }
  if (rc != SQLITE_DONE)
    {
      aftercare_sqlite_set_error (self->db, rc, _("Could not read the database"), error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

/* Reads the one row stmt returns; NOT_FOUND when there is none. */
static gpointer
read_one_row (AftercareSqliteBackend  *self,
              sqlite3_stmt            *stmt,
              RowReader                reader,
              const char              *id,
              GError                 **error)
{
  g_autoptr(GPtrArray) rows = read_rows (self, stmt, reader, error);

  if (rows == NULL)
    return NULL;
  if (rows->len == 0)
    {
      aftercare_store_error_set_not_found (id, error);
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (rows, 0));
}

/* Transactions */

static gboolean
run_statement (AftercareSqliteBackend  *self,
               Statement                which,
               const char              *what,
               GError                 **error)
{
  g_autoptr(BorrowedStatement) stmt = borrow (self, which, error);

  return stmt != NULL && step_done (self, stmt, what, error);
}

static gboolean
aftercare_sqlite_backend_begin_write (AftercareStoreBackend  *backend,
                                      GError                **error)
{
  AftercareSqliteBackend *self = AFTERCARE_SQLITE_BACKEND (backend);

  g_return_val_if_fail (!in_transaction (self), FALSE);
  if (self->read_only_reason != NULL)
    {
      g_set_error_literal (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_READ_ONLY,
                           self->read_only_reason);
      return FALSE;
    }
  /* A damaged file is never written: the check first, when it was left for later. */
  if (!ensure_checked (self->check, error))
    return FALSE;
  /* Its rows are written together, when it commits: they share one time
   * (which an import of 100,000 rows no longer asks for 100,000 times). */
  self->write_began_us = now_usec (self);
  return run_statement (self, STMT_BEGIN_WRITE, N_("Could not start saving"), error);
}

/* A bulk write keeps up to this many KiB of the file's pages in memory
 * (SQLite's own default is 2,000 KiB). The rows of an import land all over
 * the id indexes: with the default cache, pages were written out to the
 * WAL and read back again and again, a quarter of a large import's time. */
#define BULK_CACHE_KIB 8192
/* Every other time the connection keeps SQLite's default. */
#define USUAL_CACHE_KIB 2000

static gboolean
set_cache_size (AftercareSqliteBackend  *self,
                int                      kib,
                GError                 **error)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA cache_size = %d", -kib);

  return aftercare_sqlite_run_script (self->db, sql, error);
}

/* Into empty tables, rows land faster without the indexes that only
 * order them: the rows of an import come in no order those indexes keep,
 * so each would go to a random page of them. They are dropped here and
 * built again before the commit; a rollback brings them back as they were. */
static gboolean
drop_indexes_when_empty (AftercareSqliteBackend  *self,
                         GError                 **error)
{
  gint64 empty = 0;

  /* (The statement is reset by then: no index is dropped under a read.) */
  if (!read_integer (self, STMT_IS_EMPTY, &empty, error))
    return FALSE;
  if (!empty)
    return TRUE;
  if (!aftercare_sqlite_run_script (self->db, "DROP INDEX sessions_newest_first; DROP INDEX checkins_by_session;",
                                    error))
    return FALSE;
  self->indexes_dropped = TRUE;
  return TRUE;
}

static gboolean
aftercare_sqlite_backend_begin_bulk_write (AftercareStoreBackend  *backend,
                                           GError                **error)
{
  AftercareSqliteBackend *self = AFTERCARE_SQLITE_BACKEND (backend);

  if (!aftercare_sqlite_backend_begin_write (backend, error))
    return FALSE;
  self->bulk = TRUE;
  if (!set_cache_size (self, BULK_CACHE_KIB, error) || !drop_indexes_when_empty (self, error))
    {
      aftercare_store_backend_rollback (backend);
      return FALSE;
    }
  return TRUE;
}

/* The indexes drop_indexes_when_empty() dropped, built from the rows now there. */
static gboolean
rebuild_dropped_indexes (AftercareSqliteBackend  *self,
                         GError                 **error)
{
  if (!self->indexes_dropped)
    return TRUE;
  if (!aftercare_sqlite_run_script (self->db, CREATE_SESSIONS_NEWEST_FIRST CREATE_CHECKINS_BY_SESSION, error))
    return FALSE;
  self->indexes_dropped = FALSE;
  return TRUE;
}

/* After a bulk write, the cache goes back to its usual size (which frees
 * what it held beyond it). */
static void
end_bulk (AftercareSqliteBackend *self)
{
  g_autoptr(GError) error = NULL;

  if (!self->bulk)
    return;
  self->bulk = FALSE;
  if (!set_cache_size (self, USUAL_CACHE_KIB, &error))
    g_warning ("%s", error->message);
}

static const char *
aftercare_sqlite_backend_get_read_only_reason (AftercareStoreBackend *backend)
{
  return AFTERCARE_SQLITE_BACKEND (backend)->read_only_reason;
}

static gboolean
aftercare_sqlite_backend_begin_read (AftercareStoreBackend  *backend,
                                     GError                **error)
{
  AftercareSqliteBackend *self = AFTERCARE_SQLITE_BACKEND (backend);
  gint64 ignored = 0;

  g_return_val_if_fail (!in_transaction (self), FALSE);
  if (!run_statement (self, STMT_BEGIN_READ, N_("Could not read the database"), error))
    return FALSE;
  /* A deferred transaction takes its snapshot at the first read. */
  if (!read_integer (self, STMT_USER_VERSION, &ignored, error))
    {
      aftercare_store_backend_rollback (backend);
      return FALSE;
    }
  return TRUE;
}

static void
aftercare_sqlite_backend_rollback (AftercareStoreBackend *backend)
{
  AftercareSqliteBackend *self = AFTERCARE_SQLITE_BACKEND (backend);
  g_autoptr(GError) error = NULL;

  if (!in_transaction (self))
    {
      end_bulk (self);
      return;
    }
  /* Every statement must be reset, or ROLLBACK fails while one is active. */
  for (guint i = 0; i < N_STATEMENTS; i++)
    if (self->statements[i] != NULL)
      sqlite3_reset (self->statements[i]);
  self->search_pending = FALSE;
  self->indexes_dropped = FALSE;
  if (!run_statement (self, STMT_ROLLBACK, N_("Could not undo an unfinished change"), &error))
    g_warning ("%s", error->message);
  end_bulk (self);
}

/* The index rows of the sessions added in this transaction. */
static gboolean
write_pending_search_rows (AftercareSqliteBackend  *self,
                           GError                 **error)
{
  g_autoptr(BorrowedStatement) stmt = NULL;

  if (!self->search_pending)
    return TRUE;
  stmt = borrow (self, STMT_INSERT_SEARCH_AFTER, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->search_pending_after);
  if (!step_done (self, stmt, N_("Could not save the session"), error))
    return FALSE;
  self->search_pending = FALSE;
  return TRUE;
}

static gboolean
aftercare_sqlite_backend_commit (AftercareStoreBackend  *backend,
                                 GError                **error)
{
  AftercareSqliteBackend *self = AFTERCARE_SQLITE_BACKEND (backend);

  g_return_val_if_fail (in_transaction (self), FALSE);
  if (write_pending_search_rows (self, error) && rebuild_dropped_indexes (self, error) &&
      run_statement (self, STMT_COMMIT, N_("Could not save"), error))
    {
      end_bulk (self);
      return TRUE;
    }
  /* Some failures leave the transaction open: end it, so nothing of it stays. */
  aftercare_sqlite_backend_rollback (backend);
  return FALSE;
}

static guint64
aftercare_sqlite_backend_get_change_stamp (AftercareStoreBackend *backend)
{
  gint64 version = 0;

  if (!read_integer (AFTERCARE_SQLITE_BACKEND (backend), STMT_DATA_VERSION, &version, NULL))
    return 0;
  return (guint64) version;
}

/* Sessions */

static gboolean
aftercare_sqlite_backend_count_sessions (AftercareStoreBackend  *backend,
                                         guint                  *n_sessions,
                                         GError                **error)
{
  gint64 count = 0;

  if (!read_integer (AFTERCARE_SQLITE_BACKEND (backend), STMT_COUNT_SESSIONS, &count, error))
    return FALSE;
  *n_sessions = (guint) count;
  return TRUE;
}

static gboolean
aftercare_sqlite_backend_count_sessions_before (AftercareStoreBackend  *backend,
                                                AftercareSession       *session,
                                                guint                  *position,
                                                GError                **error)
{
  AftercareSqliteBackend *self = AFTERCARE_SQLITE_BACKEND (backend);
  g_autoptr(BorrowedStatement) stmt = borrow (self, STMT_COUNT_BEFORE, error);
  gint64 count = 0;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, aftercare_store_backend_unix_usec (aftercare_session_get_ended_at (session)));
  sqlite3_bind_text (stmt, 2, aftercare_session_get_id (session), -1, SQLITE_TRANSIENT);
  if (!step_integer (self, stmt, &count, error))
    return FALSE;
  *position = (guint) count;
  return TRUE;
}

static GPtrArray *
aftercare_sqlite_backend_list_sessions (AftercareStoreBackend  *backend,
                                        AftercareSession       *after,
                                        guint                   skip,
                                        guint                   limit,
                                        GError                **error)
{
  AftercareSqliteBackend *self = AFTERCARE_SQLITE_BACKEND (backend);
  g_autoptr(BorrowedStatement) stmt = NULL;

  stmt = borrow (self, after != NULL ? STMT_LIST_AFTER : STMT_LIST_FIRST, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, limit);
  sqlite3_bind_int64 (stmt, 2, skip);
  if (after != NULL)
    {
      sqlite3_bind_int64 (stmt, 3, aftercare_store_backend_unix_usec (aftercare_session_get_ended_at (after)));
      sqlite3_bind_text (stmt, 4, aftercare_session_get_id (after), -1, SQLITE_TRANSIENT);
    }
  return read_rows (self, stmt, (RowReader) session_from_row, error);
}

static GPtrArray *
aftercare_sqlite_backend_list_newest_of_kind (AftercareStoreBackend  *backend,
                                              guint                   look_back,
                                              const char             *type,
                                              const char             *pressure,
                                              GError                **error)
{
  AftercareSqliteBackend *self = AFTERCARE_SQLITE_BACKEND (backend);
  g_autoptr(BorrowedStatement) stmt = borrow (self, STMT_LIST_NEWEST_OF_KIND, error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, look_back);
  sqlite3_bind_text (stmt, 2, type, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, pressure, -1, SQLITE_STATIC);
  return read_rows (self, stmt, (RowReader) session_from_row, error);
}

static AftercareSession *
aftercare_sqlite_backend_get_session (AftercareStoreBackend  *backend,
                                      const char             *session_id,
                                      GError                **error)
{
  AftercareSqliteBackend *self = AFTERCARE_SQLITE_BACKEND (backend);
  g_autoptr(BorrowedStatement) stmt = borrow (self, STMT_GET_SESSION, error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, session_id, -1, SQLITE_TRANSIENT);
  return read_one_row (self, stmt, (RowReader) session_from_row, session_id, error);
}

/* The rows among ids that statement which (one id's row) finds. In this
 * process, one indexed read per id costs next to nothing. */
static GPtrArray *
get_by_ids (AftercareSqliteBackend  *self,
            Statement                which,
            RowReader                reader,
            const char * const      *ids,
            guint                    n_ids,
            GError                 **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_full (n_ids, g_object_unref);

  for (guint i = 0; i < n_ids; i++)
    {
      g_autoptr(BorrowedStatement) stmt = borrow (self, which, error);
      g_autoptr(GPtrArray) rows = NULL;

      if (stmt == NULL)
        return NULL;
      sqlite3_bind_text (stmt, 1, ids[i], -1, SQLITE_TRANSIENT);
      rows = read_rows (self, stmt, reader, error);
      if (rows == NULL)
        return NULL;
      if (rows->len > 0)
        g_ptr_array_add (found, g_object_ref (g_ptr_array_index (rows, 0)));
    }
  return g_steal_pointer (&found);
}

static GPtrArray *
aftercare_sqlite_backend_get_sessions (AftercareStoreBackend  *backend,
                                       const char * const     *ids,
                                       guint                   n_ids,
                                       GError                **error)
{
  return get_by_ids (AFTERCARE_SQLITE_BACKEND (backend), STMT_GET_SESSION, (RowReader) session_from_row, ids, n_ids,
                     error);
}

/* A full-text query for words between quotes (doubled inside), or NULL when
 * there is none; then keys, each between semicolons, any of them. */
static char *
search_match_query (const char         *words,
                    const char * const *keys)
{
  GString *query = g_string_new (NULL);

  if (words != NULL)
    {
      g_autoptr(GString) quoted = g_string_new (words);

      g_string_replace (quoted, "\"", "\"\"", 0);
      g_string_append_printf (query, "words : \"%s\"", quoted->str);
    }
  for (guint i = 0; keys[i] != NULL; i++)
    g_string_append_printf (query, "%skeys : \";%s;\"", query->len > 0 ? " OR " : "", keys[i]);
  if (query->len == 0)
    {
      g_string_free (query, TRUE);
      return NULL;
    }
  return g_string_free (query, FALSE);
}

static GArray *
aftercare_sqlite_backend_search_sessions (AftercareStoreBackend  *backend,
                                          const char             *words,
                                          const char * const     *keys,
                                          GError                **error)
{
  AftercareSqliteBackend *self = AFTERCARE_SQLITE_BACKEND (backend);
  /* The index holds trigrams: shorter words cannot be looked up in it. */
  gboolean indexed = g_utf8_strlen (words, -1) >= 3;
  g_autofree char *match = search_match_query (indexed ? words : NULL, keys);
  g_autoptr(BorrowedStatement) stmt = NULL;
  g_autoptr(GArray) found = aftercare_session_key_array_new (0);
  int rc;

  stmt = borrow (self, indexed ? STMT_SEARCH_MATCH : match != NULL ? STMT_SEARCH_SCAN_OR_MATCH : STMT_SEARCH_SCAN,
                 error);
  if (stmt == NULL)
    return NULL;
  if (indexed)
    {
      sqlite3_bind_text (stmt, 1, match, -1, SQLITE_TRANSIENT);
    }
  else
    {
      sqlite3_bind_text (stmt, 1, words, -1, SQLITE_TRANSIENT);
      if (match != NULL)
        sqlite3_bind_text (stmt, 2, match, -1, SQLITE_TRANSIENT);
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    aftercare_session_key_array_add (found, column_text (stmt, 0), sqlite3_column_int64 (stmt, 1));
  if (rc != SQLITE_DONE)
    {
      aftercare_sqlite_set_error (self->db, rc, _("Could not search the sessions"), error);
      return NULL;
    }
  return g_steal_pointer (&found);
}

/* Runs a write that must change exactly one row. */
static gboolean
write_one_row (AftercareSqliteBackend  *self,
               sqlite3_stmt            *stmt,
               const char              *id,
               const char              *what,
               GError                 **error)
{
  if (!step_done (self, stmt, what, error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    return aftercare_store_error_set_not_found (id, error);
  return TRUE;
}

/* An update that changed no row: the row is gone (NOT_FOUND), or it has
 * moved on from the version that was read (CONFLICT, saying when). */
static gboolean
set_update_error (AftercareSqliteBackend  *self,
                  Statement                updated_at,
                  AftercareStoreRowKind    kind,
                  const char              *id,
                  GError                 **error)
{
  g_autoptr(BorrowedStatement) stmt = borrow (self, updated_at, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return aftercare_store_error_set_not_found (id, error);
  if (rc != SQLITE_ROW)
    return aftercare_sqlite_set_error (self->db, rc, _("Could not read the database"), error);
  return aftercare_store_backend_set_conflict (kind, sqlite3_column_int64 (stmt, 0), self->time_source, error);
}

/* The session's row in the search index, after the session's own. */
static gboolean
write_search_row (AftercareSqliteBackend  *self,
                  Statement                which,
                  AftercareSession        *session,
                  GError                 **error)
{
  g_autoptr(BorrowedStatement) stmt = borrow (self, which, error);
  g_autofree char *areas = aftercare_flags_to_string (AFTERCARE_TYPE_AREAS, aftercare_session_get_areas (session));
  g_autofree char *words = NULL;
  g_autofree char *keys = NULL;

  if (stmt == NULL)
    return FALSE;
  words = aftercare_store_backend_search_words (aftercare_session_get_client (session),
                                                aftercare_session_get_therapist (session),
                                                aftercare_session_get_notes (session));
  keys = aftercare_store_backend_search_keys (
    aftercare_massage_type_to_key (aftercare_session_get_massage_type (session)), areas);
  sqlite3_bind_text (stmt, 1, aftercare_session_get_id (session), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, words, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, keys, -1, SQLITE_TRANSIENT);
  return step_done (self, stmt, N_("Could not save the session"), error);
}

static gboolean
write_session (AftercareSqliteBackend  *self,
               Statement                which,
               AftercareSession        *session,
               GError                 **error)
{
  g_autoptr(BorrowedStatement) stmt = NULL;
  const char *id = aftercare_session_get_id (session);

  g_return_val_if_fail (in_transaction (self), FALSE);
  if (which == STMT_INSERT_SESSION && !self->search_pending)
    {
      if (!read_integer (self, STMT_LAST_SEARCH_ROWID, &self->search_pending_after, error))
        return FALSE;
      self->search_pending = TRUE;
    }
  stmt = borrow (self, which, error);
  if (stmt == NULL)
    return FALSE;
  bind_session (stmt, session, self->write_began_us);
  if (!step_done (self, stmt, N_("Could not save the session"), error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    return set_update_error (self, STMT_SESSION_UPDATED_AT, AFTERCARE_STORE_ROW_SESSION, id, error);
  if (which == STMT_UPDATE_SESSION && !write_search_row (self, STMT_UPDATE_SEARCH, session, error))
    return FALSE;
  aftercare_session_set_version (session, aftercare_session_get_version (session) + 1);
  return TRUE;
}

static gboolean
aftercare_sqlite_backend_insert_session (AftercareStoreBackend  *backend,
                                         AftercareSession       *session,
                                         GError                **error)
{
  return write_session (AFTERCARE_SQLITE_BACKEND (backend), STMT_INSERT_SESSION, session, error);
}

static gboolean
aftercare_sqlite_backend_update_session (AftercareStoreBackend  *backend,
                                         AftercareSession       *session,
                                         GError                **error)
{
  return write_session (AFTERCARE_SQLITE_BACKEND (backend), STMT_UPDATE_SESSION, session, error);
}

static gboolean
delete_by_id (AftercareSqliteBackend  *self,
              Statement                which,
              const char              *id,
              GError                 **error)
{
  g_autoptr(BorrowedStatement) stmt = NULL;

  g_return_val_if_fail (in_transaction (self), FALSE);
  stmt = borrow (self, which, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  return write_one_row (self, stmt, id, N_("Could not delete"), error);
}

static gboolean
aftercare_sqlite_backend_delete_session (AftercareStoreBackend  *backend,
                                         const char             *session_id,
                                         GError                **error)
{
  AftercareSqliteBackend *self = AFTERCARE_SQLITE_BACKEND (backend);
  g_autoptr(BorrowedStatement) stmt = NULL;

  g_return_val_if_fail (in_transaction (self), FALSE);
  stmt = borrow (self, STMT_DELETE_SEARCH, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, session_id, -1, SQLITE_TRANSIENT);
  if (!step_done (self, stmt, N_("Could not delete"), error))
    return FALSE;
  /* The check-ins go with it: ON DELETE CASCADE. */
  return delete_by_id (self, STMT_DELETE_SESSION, session_id, error);
}

/* Check-ins */

static GPtrArray *
aftercare_sqlite_backend_list_checkins (AftercareStoreBackend  *backend,
                                        const char             *session_id,
                                        GError                **error)
{
  AftercareSqliteBackend *self = AFTERCARE_SQLITE_BACKEND (backend);
  g_autoptr(BorrowedStatement) stmt = borrow (self, STMT_LIST_CHECKINS, error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, session_id, -1, SQLITE_TRANSIENT);
  return read_rows (self, stmt, (RowReader) checkin_from_row, error);
}

static GPtrArray *
aftercare_sqlite_backend_list_checkins_between (AftercareStoreBackend  *backend,
                                                AftercareSession       *first,
                                                AftercareSession       *last,
                                                GError                **error)
{
  AftercareSqliteBackend *self = AFTERCARE_SQLITE_BACKEND (backend);
  g_autoptr(BorrowedStatement) stmt = borrow (self, STMT_LIST_CHECKINS_BETWEEN, error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, aftercare_store_backend_unix_usec (aftercare_session_get_ended_at (first)));
  sqlite3_bind_text (stmt, 2, aftercare_session_get_id (first), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, aftercare_store_backend_unix_usec (aftercare_session_get_ended_at (last)));
  sqlite3_bind_text (stmt, 4, aftercare_session_get_id (last), -1, SQLITE_TRANSIENT);
  return read_rows (self, stmt, (RowReader) checkin_from_row, error);
}

static AftercareCheckin *
aftercare_sqlite_backend_get_checkin (AftercareStoreBackend  *backend,
                                      const char             *checkin_id,
                                      GError                **error)
{
  AftercareSqliteBackend *self = AFTERCARE_SQLITE_BACKEND (backend);
  g_autoptr(BorrowedStatement) stmt = borrow (self, STMT_GET_CHECKIN, error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, checkin_id, -1, SQLITE_TRANSIENT);
  return read_one_row (self, stmt, (RowReader) checkin_from_row, checkin_id, error);
}

static GPtrArray *
aftercare_sqlite_backend_get_checkins (AftercareStoreBackend  *backend,
                                       const char * const     *ids,
                                       guint                   n_ids,
                                       GError                **error)
{
  return get_by_ids (AFTERCARE_SQLITE_BACKEND (backend), STMT_GET_CHECKIN, (RowReader) checkin_from_row, ids, n_ids,
                     error);
}

static gboolean
write_checkin (AftercareSqliteBackend  *self,
               Statement                which,
               AftercareCheckin        *checkin,
               GError                 **error)
{
  g_autoptr(BorrowedStatement) stmt = NULL;

  g_return_val_if_fail (in_transaction (self), FALSE);
  stmt = borrow (self, which, error);
  if (stmt == NULL)
    return FALSE;
  bind_checkin (stmt, checkin, self->write_began_us);
  if (!step_done (self, stmt, N_("Could not save the check-in"), error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    return set_update_error (self, STMT_CHECKIN_UPDATED_AT, AFTERCARE_STORE_ROW_CHECKIN,
                             aftercare_checkin_get_id (checkin), error);
  aftercare_checkin_set_version (checkin, aftercare_checkin_get_version (checkin) + 1);
  return TRUE;
}

static gboolean
aftercare_sqlite_backend_insert_checkin (AftercareStoreBackend  *backend,
                                         AftercareCheckin       *checkin,
                                         GError                **error)
{
  return write_checkin (AFTERCARE_SQLITE_BACKEND (backend), STMT_INSERT_CHECKIN, checkin, error);
}

static gboolean
aftercare_sqlite_backend_update_checkin (AftercareStoreBackend  *backend,
                                         AftercareCheckin       *checkin,
                                         GError                **error)
{
  return write_checkin (AFTERCARE_SQLITE_BACKEND (backend), STMT_UPDATE_CHECKIN, checkin, error);
}

static gboolean
aftercare_sqlite_backend_delete_checkin (AftercareStoreBackend  *backend,
                                         const char             *checkin_id,
                                         GError                **error)
{
  return delete_by_id (AFTERCARE_SQLITE_BACKEND (backend), STMT_DELETE_CHECKIN, checkin_id, error);
}

static void
aftercare_sqlite_backend_iface_init (AftercareStoreBackendInterface *iface)
{
  iface->begin_write = aftercare_sqlite_backend_begin_write;
  iface->begin_bulk_write = aftercare_sqlite_backend_begin_bulk_write;
  iface->begin_read = aftercare_sqlite_backend_begin_read;
  iface->commit = aftercare_sqlite_backend_commit;
  iface->rollback = aftercare_sqlite_backend_rollback;
  iface->get_change_stamp = aftercare_sqlite_backend_get_change_stamp;
  iface->count_sessions = aftercare_sqlite_backend_count_sessions;
  iface->count_sessions_before = aftercare_sqlite_backend_count_sessions_before;
  iface->list_sessions = aftercare_sqlite_backend_list_sessions;
  iface->list_newest_of_kind = aftercare_sqlite_backend_list_newest_of_kind;
  iface->get_session = aftercare_sqlite_backend_get_session;
  iface->get_sessions = aftercare_sqlite_backend_get_sessions;
  iface->search_sessions = aftercare_sqlite_backend_search_sessions;
  iface->insert_session = aftercare_sqlite_backend_insert_session;
  iface->update_session = aftercare_sqlite_backend_update_session;
  iface->delete_session = aftercare_sqlite_backend_delete_session;
  iface->list_checkins = aftercare_sqlite_backend_list_checkins;
  iface->list_checkins_between = aftercare_sqlite_backend_list_checkins_between;
  iface->get_checkin = aftercare_sqlite_backend_get_checkin;
  iface->get_checkins = aftercare_sqlite_backend_get_checkins;
  iface->insert_checkin = aftercare_sqlite_backend_insert_checkin;
  iface->update_checkin = aftercare_sqlite_backend_update_checkin;
  iface->delete_checkin = aftercare_sqlite_backend_delete_checkin;
  iface->get_read_only_reason = aftercare_sqlite_backend_get_read_only_reason;
}

static gboolean
apply_migrations (AftercareSqliteBackend  *self,
                  GError                 **error)
{
  gint64 version = 0;

  /* Read again under the write lock: another process may have migrated. */
  if (!read_integer (self, STMT_USER_VERSION, &version, error))
    return FALSE;
  if (version > AFTERCARE_SQLITE_SCHEMA_VERSION)
    return aftercare_sqlite_file_set_too_new (self->path, error);
  for (; version < AFTERCARE_SQLITE_SCHEMA_VERSION; version++)
    if (!aftercare_sqlite_run_script (self->db, migrations[version], error))
      return FALSE;
  return TRUE;
}

static gboolean
migrate (AftercareSqliteBackend  *self,
         GError                 **error)
{
  AftercareStoreBackend *backend = AFTERCARE_STORE_BACKEND (self);
  gint64 version = 0;

  if (!read_integer (self, STMT_USER_VERSION, &version, error))
    return FALSE;
  if (version == AFTERCARE_SQLITE_SCHEMA_VERSION)
    return TRUE;
  if (!aftercare_store_backend_begin_write (backend, error))
    return FALSE;
  if (!apply_migrations (self, error))
    {
      aftercare_store_backend_rollback (backend);
      return FALSE;
    }
  return aftercare_store_backend_commit (backend, error);
}

static AftercareSqliteBackend *
backend_new (const char          *path,
             AftercareTimeSource *time_source,
             CheckState           check)
{
  AftercareSqliteBackend *self = g_object_new (AFTERCARE_TYPE_SQLITE_BACKEND, NULL);

  self->path = g_strdup (path);
  self->time_source = g_object_ref (time_source);
  self->check = integrity_check_new (path, check);
  return self;
}

/* Sets error for a connection that did not open; returns NULL. */
static AftercareSqliteBackend *
set_open_error (AftercareSqliteBackend  *self,
                int                      rc,
                GError                 **error)
{
  aftercare_sqlite_set_error (self->db, rc, _("Could not open the database"), error);
  return NULL;
}

/* aftercare_search_words (client, therapist, notes): for the migration
 * that fills the search index from the rows already there, and for the
 * rows of the sessions a transaction added (STMT_INSERT_SEARCH_AFTER). */
static void
search_words_function (sqlite3_context  *context,
                       int               argc,
                       sqlite3_value   **argv)
{
  g_autofree char *words = aftercare_store_backend_search_words ((const char *) sqlite3_value_text (argv[0]),
                                                                 (const char *) sqlite3_value_text (argv[1]),
                                                                 (const char *) sqlite3_value_text (argv[2]));

  sqlite3_result_text (context, words, -1, SQLITE_TRANSIENT);
}

static AftercareSqliteBackend *
open_backend (const char           *path,
              AftercareTimeSource  *time_source,
              gboolean              check_later,
              GError              **error)
{
  g_autoptr(AftercareSqliteBackend) self = NULL;
  gboolean checked = TRUE;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (AFTERCARE_IS_TIME_SOURCE (time_source), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (check_later ? !aftercare_sqlite_file_prepare_unchecked (path, &checked, error)
                  : !aftercare_sqlite_file_prepare (path, error))
    return NULL;
  self = backend_new (path, time_source, checked ? CHECK_PASSED : CHECK_PENDING);
  rc = sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_EXRESCODE, NULL);
  if (rc != SQLITE_OK)
    return set_open_error (self, rc, error);
  sqlite3_create_function_v2 (self->db, "aftercare_search_words", 3,
                              SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_DIRECTONLY, NULL,
                              search_words_function, NULL, NULL, NULL);
  /* Closing the last connection folds the write-ahead log into the file:
   * a write, which a file not yet checked must not have. */
  if (!checked)
    sqlite3_db_config (self->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
  /* A file left unchecked is at this build's version: migrate() writes nothing. */
  if (!aftercare_sqlite_file_configure (self->db, error) || !migrate (self, error))
    return NULL;
  if (checked)
    aftercare_sqlite_file_make_private (path);
  return g_steal_pointer (&self);
}

AftercareSqliteBackend *
aftercare_sqlite_backend_open_read_only (const char           *path,
                                         AftercareTimeSource  *time_source,
                                         const char           *reason,
                                         GError              **error)
{
  g_autoptr(AftercareSqliteBackend) self = NULL;
  gint64 version = 0;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (AFTERCARE_IS_TIME_SOURCE (time_source), NULL);
  g_return_val_if_fail (reason != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!aftercare_sqlite_file_check (path, error))
    return NULL;
  self = backend_new (path, time_source, CHECK_PASSED);
  self->read_only_reason = g_strdup (reason);
  rc = aftercare_sqlite_file_open_read_only (path, &self->db);
  if (rc != SQLITE_OK)
    return set_open_error (self, rc, error);
  aftercare_sqlite_file_configure_reading (self->db);
  if (!read_integer (self, STMT_USER_VERSION, &version, error))
    return NULL;
  /* An older layout would need writing first (a newer one failed the check). */
  if (version != AFTERCARE_SQLITE_SCHEMA_VERSION)
    {
      g_set_error (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_READ_ONLY,
                   _("The database “%s” was written by an older version of Aftercare and must be "
                     "updated before it can be read, which needs writing to it: open it once where "
                     "it can be written to"), path);
      return NULL;
    }
  return g_steal_pointer (&self);
}

AftercareSqliteBackend *
aftercare_sqlite_backend_open (const char           *path,
                               AftercareTimeSource  *time_source,
                               GError              **error)
{
  return open_backend (path, time_source, FALSE, error);
}

AftercareSqliteBackend *
aftercare_sqlite_backend_open_unchecked (const char           *path,
                                         AftercareTimeSource  *time_source,
                                         GError              **error)
{
  return open_backend (path, time_source, TRUE, error);
}
