/* aftercare-pg-backend.c: the store's rows on a shared PostgreSQL server, through libpq (the only place with its SQL). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-pg-backend"

#include "config.h"

#include <glib-unix.h>
#include <glib/gi18n.h>
#include <libpq-fe.h>
#include <string.h>

#include "aftercare-pg-backend.h"
#include "aftercare-pg-connect.h"
#include "aftercare-pg-schema.h"
#include "aftercare-store-error.h"
#include "aftercare-time.h"

/* How long a connection attempt may take. */
#define CONNECT_TIMEOUT_SECONDS 10
/* Pauses between attempts to reconnect: from the first to the longest. */
#define RECONNECT_FIRST_DELAY_MS 250
#define RECONNECT_MAX_DELAY_MS 5000
/* A transaction that touched more sessions announces "*" instead. */
#define MAX_NAMED_SESSIONS 50
/* A bulk write sends its inserts a batch at a time: so many rows of a
 * table, or so many bytes of their values, whichever comes first. */
#define BATCH_MAX_ROWS 1000
#define BATCH_MAX_BYTES (4 * 1024 * 1024)

#define SESSION_COLUMNS \
  "id, ended_at, duration_minutes, type, pressure, first_time, areas, client, therapist, notes, version"
#define CHECKIN_COLUMNS "id, session_id, at, soreness, symptoms, notes, version"
#define MICROSECONDS(column) "(extract(epoch FROM " column ") * 1000000)::bigint"

typedef enum {
  STMT_COUNT_SESSIONS,
  STMT_COUNT_BEFORE,
  STMT_LIST_FIRST,
  STMT_LIST_AFTER,
  STMT_LIST_NEWEST_OF_KIND,
  STMT_GET_SESSION,
  STMT_INSERT_SESSION,
  STMT_UPDATE_SESSION,
  STMT_DELETE_SESSION,
  STMT_SESSION_UPDATED_AT,
  STMT_LIST_CHECKINS,
  STMT_LIST_CHECKINS_BETWEEN,
  STMT_LIST_CHECKINS_OF,
  STMT_GET_CHECKIN,
  STMT_INSERT_CHECKIN,
  STMT_UPDATE_CHECKIN,
  STMT_DELETE_CHECKIN,
  STMT_CHECKIN_UPDATED_AT,
  STMT_NOTIFY,
  STMT_CHANGES,
  STMT_GET_SESSIONS,
  STMT_GET_CHECKINS,
  STMT_SEARCH,
  STMT_INSERT_SESSIONS,
  STMT_INSERT_CHECKINS,
  N_STATEMENTS
} Statement;

static const char * const statement_sql[N_STATEMENTS] = {
  [STMT_COUNT_SESSIONS] = "SELECT count(*) FROM aftercare.sessions",
  [STMT_COUNT_BEFORE] =
    "SELECT count(*) FROM aftercare.sessions WHERE (ended_us, id) > ($1::bigint, $2::text)",
  [STMT_LIST_FIRST] =
    "SELECT " SESSION_COLUMNS " FROM aftercare.sessions"
    " ORDER BY ended_us DESC, id DESC LIMIT $1::bigint OFFSET $2::bigint",
  [STMT_LIST_AFTER] =
    "SELECT " SESSION_COLUMNS " FROM aftercare.sessions WHERE (ended_us, id) < ($3::bigint, $4::text)"
    " ORDER BY ended_us DESC, id DESC LIMIT $1::bigint OFFSET $2::bigint",
  [STMT_LIST_NEWEST_OF_KIND] =
    "SELECT " SESSION_COLUMNS " FROM"
    " (SELECT " SESSION_COLUMNS ", ended_us FROM aftercare.sessions ORDER BY ended_us DESC, id DESC LIMIT $1::bigint) AS newest"
    " WHERE type = $2 AND pressure = $3 ORDER BY ended_us DESC, id DESC",
  [STMT_GET_SESSION] = "SELECT " SESSION_COLUMNS " FROM aftercare.sessions WHERE id = $1",
  /* $12 is the version the row gets; $13 and $14 what a search looks in. */
  [STMT_INSERT_SESSION] =
    "INSERT INTO aftercare.sessions (" SESSION_COLUMNS ", ended_us, updated_at, search_words, search_keys)"
    " VALUES ($1, $2, $3::integer, $4, $5, $6::boolean, $7, $8, $9, $10, $12::bigint, $11::bigint, now(),"
    " $13, $14)",
  /* Only the version that was read may be replaced: optimistic concurrency. */
  [STMT_UPDATE_SESSION] =
    "UPDATE aftercare.sessions SET ended_at = $2, duration_minutes = $3::integer, type = $4,"
    " pressure = $5, first_time = $6::boolean, areas = $7, client = $8, therapist = $9, notes = $10,"
    " ended_us = $11::bigint, version = $12::bigint, updated_at = now(), search_words = $13,"
    " search_keys = $14 WHERE id = $1 AND version = $12::bigint - 1",
  [STMT_DELETE_SESSION] = "DELETE FROM aftercare.sessions WHERE id = $1",
  [STMT_SESSION_UPDATED_AT] =
    "SELECT " MICROSECONDS ("updated_at") " FROM aftercare.sessions WHERE id = $1",
  [STMT_LIST_CHECKINS] =
    "SELECT " CHECKIN_COLUMNS " FROM aftercare.checkins WHERE session_id = $1 ORDER BY at_us, id",
  [STMT_LIST_CHECKINS_BETWEEN] =
    "SELECT c.id, c.session_id, c.at, c.soreness, c.symptoms, c.notes, c.version"
    " FROM aftercare.sessions AS s JOIN aftercare.checkins AS c ON c.session_id = s.id"
    " WHERE (s.ended_us, s.id) <= ($1::bigint, $2::text) AND (s.ended_us, s.id) >= ($3::bigint, $4::text)"
    " ORDER BY s.ended_us DESC, s.id DESC, c.at_us, c.id",
  [STMT_LIST_CHECKINS_OF] =
    "SELECT " CHECKIN_COLUMNS " FROM aftercare.checkins WHERE session_id = ANY ($1::text[])"
    " ORDER BY session_id, at_us, id",
  [STMT_GET_CHECKIN] = "SELECT " CHECKIN_COLUMNS " FROM aftercare.checkins WHERE id = $1",
  /* $8 is the version the row gets. */
  [STMT_INSERT_CHECKIN] =
    "INSERT INTO aftercare.checkins (" CHECKIN_COLUMNS ", at_us, updated_at)"
    " VALUES ($1, $2, $3, $4::integer, $5, $6, $8::bigint, $7::bigint, now())",
  /* Returns the session it belonged to before, to announce both. */
  [STMT_UPDATE_CHECKIN] =
    "UPDATE aftercare.checkins AS c SET session_id = $2, at = $3, soreness = $4::integer,"
    " symptoms = $5, notes = $6, at_us = $7::bigint, version = $8::bigint, updated_at = now()"
    " FROM aftercare.checkins AS before"
    " WHERE c.id = $1 AND before.id = $1 AND c.version = $8::bigint - 1"
    " RETURNING before.session_id",
  [STMT_DELETE_CHECKIN] = "DELETE FROM aftercare.checkins WHERE id = $1 RETURNING session_id",
  [STMT_CHECKIN_UPDATED_AT] =
    "SELECT " MICROSECONDS ("updated_at") " FROM aftercare.checkins WHERE id = $1",
  /* Sent before COMMIT, so the other desks hear of it only if it commits;
   * the change counter moves once a row. */
  [STMT_NOTIFY] =
    "SELECT pg_notify ('" AFTERCARE_PG_CHANNEL "', id), nextval ('aftercare.changes')"
    " FROM unnest ($1::text[]) AS id",
  [STMT_CHANGES] =
    "SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM aftercare.changes",
  [STMT_GET_SESSIONS] =
    "SELECT " SESSION_COLUMNS " FROM aftercare.sessions WHERE id = ANY ($1::text[])",
  [STMT_GET_CHECKINS] =
    "SELECT " CHECKIN_COLUMNS " FROM aftercare.checkins WHERE id = ANY ($1::text[])",
  /* $1 a LIKE pattern for the words, $2 patterns for the keys: both
   * answered by the trigram index where the server has pg_trgm (the
   * set-up script adds it), else by reading the rows' search columns. */
  [STMT_SEARCH] =
    "SELECT id, ended_us FROM aftercare.sessions"
    " WHERE search_words LIKE $1 OR search_keys LIKE ANY ($2::text[])"
    " ORDER BY ended_us DESC, id DESC",
  /* A batch of inserts: each parameter an array of one column, in the
   * order of STMT_INSERT_SESSION's. An id that is stored already is left
   * out, not an error: the ids returned tell which ones went in. */
  [STMT_INSERT_SESSIONS] =
    "INSERT INTO aftercare.sessions (" SESSION_COLUMNS ", ended_us, updated_at, search_words, search_keys)"
    " SELECT id, ended_at, duration_minutes, type, pressure, first_time, areas, client, therapist, notes,"
    " version, ended_us, now(), search_words, search_keys"
    " FROM unnest ($1::text[], $2::text[], $3::integer[], $4::text[], $5::text[], $6::boolean[], $7::text[],"
    " $8::text[], $9::text[], $10::text[], $11::bigint[], $12::bigint[], $13::text[], $14::text[])"
    " AS r (id, ended_at, duration_minutes, type, pressure, first_time, areas, client, therapist, notes,"
    " ended_us, version, search_words, search_keys)"
    " ON CONFLICT (id) DO NOTHING RETURNING id",
  [STMT_INSERT_CHECKINS] =
    "INSERT INTO aftercare.checkins (" CHECKIN_COLUMNS ", at_us, updated_at)"
    " SELECT id, session_id, at, soreness, symptoms, notes, version, at_us, now()"
    " FROM unnest ($1::text[], $2::text[], $3::text[], $4::integer[], $5::text[], $6::text[], $7::bigint[],"
    " $8::bigint[]) AS r (id, session_id, at, soreness, symptoms, notes, at_us, version)"
    " ON CONFLICT (id) DO NOTHING RETURNING id",
};

/* The rows of one table a bulk write has yet to send: each column as a
 * text[] literal being built ("{…", closed when sent). */
typedef struct
{
  Statement statement;
  AftercareStoreRowKind kind;
  guint n_columns;
  GString **columns;
  GPtrArray *ids;          /* in the order inserted; owned by id_set */
  GHashTable *id_set;
  gsize bytes;
} Batch;

struct _AftercarePgBackend
{
  GObject parent_instance;

  char *location;
  AftercareTimeSource *time_source;   /* conflicts' words */
  PGconn *conn;
  gboolean connected;
  gboolean in_transaction;
  gboolean prepared[N_STATEMENTS];
  /* A bulk write (begin_bulk_write): inserts wait in these until sent. A
   * conflict found when a batch was sent from an insert waits in
   * bulk_error for the next read or the commit (see flush_from_insert). */
  gboolean bulk;
  Batch sessions;
  Batch checkins;
  GError *bulk_error;
  char *read_only_reason;

  /* Other desks' changes: counted, and announced from the main loop. The
   * change stamp is the server's change counter less our own writes, plus
   * the notifications heard: it moves only for others' changes. */
  guint64 notifications;
  gint64 own_changes;
  gint64 others_changes;
  GHashTable *touched;        /* session ids this transaction wrote */
  GHashTable *announce;       /* session ids to announce; "" for everything */
  GMainContext *context;
  GSource *socket_source;
  GSource *announce_source;

  /* Reconnecting. */
  GSource *reconnect_source;
  guint reconnect_delay_ms;
  AftercarePgConnector *connector;
};

static void aftercare_pg_backend_iface_init (AftercareStoreBackendInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AftercarePgBackend, aftercare_pg_backend, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (AFTERCARE_TYPE_STORE_BACKEND,
                                                      aftercare_pg_backend_iface_init))

enum {
  PROP_0,
  PROP_CONNECTED,
};

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGresult, PQclear)

static void
clear_source (GSource **source)
{
  if (*source == NULL)
    return;
  g_source_destroy (*source);
  g_clear_pointer (source, g_source_unref);
}

static void end_bulk (AftercarePgBackend *self);

static void
aftercare_pg_backend_dispose (GObject *object)
{
  AftercarePgBackend *self = AFTERCARE_PG_BACKEND (object);

  g_clear_pointer (&self->connector, aftercare_pg_connector_cancel);
  clear_source (&self->socket_source);
  clear_source (&self->announce_source);
  clear_source (&self->reconnect_source);
  g_clear_pointer (&self->conn, PQfinish);
  g_clear_object (&self->time_source);
  end_bulk (self);

  G_OBJECT_CLASS (aftercare_pg_backend_parent_class)->dispose (object);
}

static void
aftercare_pg_backend_finalize (GObject *object)
{
  AftercarePgBackend *self = AFTERCARE_PG_BACKEND (object);

  g_clear_pointer (&self->location, g_free);
  g_clear_pointer (&self->read_only_reason, g_free);
  g_clear_pointer (&self->touched, g_hash_table_unref);
  g_clear_pointer (&self->announce, g_hash_table_unref);
  g_clear_pointer (&self->context, g_main_context_unref);

  G_OBJECT_CLASS (aftercare_pg_backend_parent_class)->finalize (object);
}

static void
aftercare_pg_backend_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  AftercarePgBackend *self = AFTERCARE_PG_BACKEND (object);

  switch (prop_id)
    {
    case PROP_CONNECTED: g_value_set_boolean (value, self->connected); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aftercare_pg_backend_class_init (AftercarePgBackendClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = aftercare_pg_backend_dispose;
  object_class->finalize = aftercare_pg_backend_finalize;
  object_class->get_property = aftercare_pg_backend_get_property;
  g_object_class_override_property (object_class, PROP_CONNECTED, "connected");
}

static void
aftercare_pg_backend_init (AftercarePgBackend *self)
{
  self->touched = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->announce = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->reconnect_delay_ms = RECONNECT_FIRST_DELAY_MS;
}

/* Announcing other desks' changes */

static gboolean
announce_cb (gpointer data)
{
  AftercarePgBackend *self = data;
  g_autoptr(GHashTable) announce = g_steal_pointer (&self->announce);
  GHashTableIter iter;
  gpointer id;

  g_clear_pointer (&self->announce_source, g_source_unref);
  self->announce = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (g_hash_table_contains (announce, ""))
    {
      g_signal_emit_by_name (self, "changed", NULL);
      return G_SOURCE_REMOVE;
    }
  g_hash_table_iter_init (&iter, announce);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    g_signal_emit_by_name (self, "changed", id);
  return G_SOURCE_REMOVE;
}

/* Counts a change made elsewhere and announces it soon, from the main
 * loop: never in the middle of a call that met it. session_id NULL: anything. */
static void
note_foreign_change (AftercarePgBackend *self,
                     const char         *session_id)
{
  self->notifications++;
  g_hash_table_add (self->announce, g_strdup (session_id != NULL ? session_id : ""));
  if (self->announce_source != NULL)
    return;
  self->announce_source = g_idle_source_new ();
  g_source_set_callback (self->announce_source, announce_cb, self, NULL);
  g_source_attach (self->announce_source, self->context);
}

/* Takes the notifications libpq has read; ours are not news. */
static void
drain_notifications (AftercarePgBackend *self)
{
  int own_pid = PQbackendPID (self->conn);
  PGnotify *notify;

  while ((notify = PQnotifies (self->conn)) != NULL)
    {
      if (notify->be_pid != own_pid && g_str_equal (notify->relname, AFTERCARE_PG_CHANNEL))
        note_foreign_change (self, *notify->extra != '\0' && !g_str_equal (notify->extra, "*")
                                     ? notify->extra : NULL);
      PQfreemem (notify);
    }
}

/* Losing and regaining the connection */

static void start_reconnecting (AftercarePgBackend *self);

static void
set_connected (AftercarePgBackend *self,
               gboolean            connected)
{
  if (self->connected == connected)
    return;
  self->connected = connected;
  g_object_notify (G_OBJECT (self), "connected");
}

static void
connection_lost (AftercarePgBackend *self)
{
  g_debug ("Lost the connection to %s", self->location);
  clear_source (&self->socket_source);
  g_clear_pointer (&self->conn, PQfinish);
  memset (self->prepared, 0, sizeof self->prepared);
  self->in_transaction = FALSE;
  g_hash_table_remove_all (self->touched);
  start_reconnecting (self);
  set_connected (self, FALSE);
}

static gboolean
socket_readable_cb (int          fd,
                    GIOCondition condition,
                    gpointer     data)
{
  AftercarePgBackend *self = data;

  if (!PQconsumeInput (self->conn))
    {
      connection_lost (self);
      return G_SOURCE_REMOVE;
    }
  drain_notifications (self);
  return G_SOURCE_CONTINUE;
}

/* Hears other desks' notifications, and a connection that drops, at once. */
static void
watch_socket (AftercarePgBackend *self)
{
  self->socket_source = g_unix_fd_source_new (PQsocket (self->conn), G_IO_IN | G_IO_HUP | G_IO_ERR);
  g_source_set_callback (self->socket_source, G_SOURCE_FUNC (socket_readable_cb), self, NULL);
  g_source_attach (self->socket_source, self->context);
}

/* Errors */

/* Sets error from a failed result (res may be NULL); notices a lost connection. */
static gboolean
set_result_error (AftercarePgBackend  *self,
                  const PGresult      *res,
                  const char          *what,
                  GError             **error)
{
  if (PQstatus (self->conn) == CONNECTION_BAD)
    connection_lost (self);
  return aftercare_pg_set_result_error (self->conn, res, what, error);
}

static gboolean
ensure_connected (AftercarePgBackend  *self,
                  GError             **error)
{
  if (self->conn != NULL)
    return TRUE;
  g_set_error_literal (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_UNREACHABLE,
                       _("Not connected to the clinic database. Aftercare keeps trying to reconnect."));
  return FALSE;
}

/* Statements */

static gboolean
prepare (AftercarePgBackend  *self,
         Statement            which,
         const char          *name,
         GError             **error)
{
  g_autoptr(PGresult) res = NULL;

  if (self->prepared[which])
    return TRUE;
  res = PQprepare (self->conn, name, statement_sql[which], 0, NULL);
  if (!aftercare_pg_result_ok (res))
    return set_result_error (self, res, _("Could not read the database"), error);
  self->prepared[which] = TRUE;
  return TRUE;
}

/* Runs a prepared statement with text parameters; the result, or NULL
 * with error. Rows a bulk write holds are not sent first: see run(). */
static PGresult *
run_now (AftercarePgBackend  *self,
         Statement            which,
         int                  n_params,
         const char * const  *params,
         const char          *what,
         GError             **error)
{
  char name[16];
  PGresult *res;

  if (!ensure_connected (self, error))
    return NULL;
  g_snprintf (name, sizeof name, "aftercare_%d", which);
  if (!prepare (self, which, name, error))
    return NULL;
  res = PQexecPrepared (self->conn, name, n_params, params, NULL, NULL, 0);
  if (!aftercare_pg_result_ok (res))
    {
      set_result_error (self, res, what, error);
      g_clear_pointer (&res, PQclear);
      return NULL;
    }
  drain_notifications (self);
  return res;
}

static gboolean flush (AftercarePgBackend *self, GError **error);
static gboolean batch_contains (const Batch *batch, const char *id);

/* The same, once the rows a bulk write holds are sent: every statement
 * sees them. */
static PGresult *
run (AftercarePgBackend  *self,
     Statement            which,
     int                  n_params,
     const char * const  *params,
     const char          *what,
     GError             **error)
{
  if (!flush (self, error))
    return NULL;
  return run_now (self, which, n_params, params, what, error);
}

/* Runs static SQL (transaction control, migrations): never with values. */
static gboolean
run_static (AftercarePgBackend  *self,
            const char          *sql,
            const char          *what,
            GError             **error)
{
  g_autoptr(PGresult) res = NULL;

  if (!ensure_connected (self, error))
    return FALSE;
  res = PQexec (self->conn, sql);
  if (!aftercare_pg_result_ok (res))
    return set_result_error (self, res, what, error);
  drain_notifications (self);
  return TRUE;
}

/* Values */

static char *
int64_text (gint64 value)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, value);
}

static gint64
value_int64 (const PGresult *res,
             int             row,
             int             column)
{
  return g_ascii_strtoll (PQgetvalue (res, row, column), NULL, 10);
}

/* The parameters of a session row, $1 to $14; free with g_strfreev. */
static char **
session_params (AftercareSession *session)
{
  char **params = g_new0 (char *, 15);
  GDateTime *ended_at = aftercare_session_get_ended_at (session);

  params[0] = g_strdup (aftercare_session_get_id (session));
  params[1] = aftercare_time_format (ended_at);
  params[2] = int64_text (aftercare_session_get_duration_minutes (session));
  params[3] = g_strdup (aftercare_massage_type_to_key (aftercare_session_get_massage_type (session)));
  params[4] = g_strdup (aftercare_pressure_to_key (aftercare_session_get_pressure (session)));
  params[5] = g_strdup (aftercare_session_get_first_time (session) ? "true" : "false");
  params[6] = aftercare_flags_to_string (AFTERCARE_TYPE_AREAS, aftercare_session_get_areas (session));
  params[7] = g_strdup (aftercare_session_get_client (session));
  params[8] = g_strdup (aftercare_session_get_therapist (session));
  params[9] = g_strdup (aftercare_session_get_notes (session));
  params[10] = int64_text (aftercare_store_backend_unix_usec (ended_at));
  params[11] = int64_text (aftercare_session_get_version (session) + 1);
  params[12] = aftercare_store_backend_search_words (params[7], params[8], params[9]);
  params[13] = aftercare_store_backend_search_keys (params[3], params[6]);
  return params;
}

/* The parameters of a check-in row, $1 to $8. */
static char **
checkin_params (AftercareCheckin *checkin)
{
  char **params = g_new0 (char *, 9);
  GDateTime *at = aftercare_checkin_get_at (checkin);

  params[0] = g_strdup (aftercare_checkin_get_id (checkin));
  params[1] = g_strdup (aftercare_checkin_get_session_id (checkin));
  params[2] = aftercare_time_format (at);
  params[3] = int64_text (aftercare_checkin_get_soreness (checkin));
  params[4] = aftercare_flags_to_string (AFTERCARE_TYPE_SYMPTOMS, aftercare_checkin_get_symptoms (checkin));
  params[5] = g_strdup (aftercare_checkin_get_notes (checkin));
  params[6] = int64_text (aftercare_store_backend_unix_usec (at));
  params[7] = int64_text (aftercare_checkin_get_version (checkin) + 1);
  return params;
}

static gpointer
session_from_row (const PGresult  *res,
                  int              row,
                  GError         **error)
{
  AftercareStoredSession values = {
    .id = PQgetvalue (res, row, 0),
    .ended_at = PQgetvalue (res, row, 1),
    .duration_minutes = value_int64 (res, row, 2),
    .type = PQgetvalue (res, row, 3),
    .pressure = PQgetvalue (res, row, 4),
    .first_time = *PQgetvalue (res, row, 5) == 't',
    .areas = PQgetvalue (res, row, 6),
    .client = PQgetvalue (res, row, 7),
    .therapist = PQgetvalue (res, row, 8),
    .notes = PQgetvalue (res, row, 9),
    .version = value_int64 (res, row, 10),
  };

  return aftercare_store_backend_session_from_row (&values, error);
}

static gpointer
checkin_from_row (const PGresult  *res,
                  int              row,
                  GError         **error)
{
  AftercareStoredCheckin values = {
    .id = PQgetvalue (res, row, 0),
    .session_id = PQgetvalue (res, row, 1),
    .at = PQgetvalue (res, row, 2),
    .soreness = value_int64 (res, row, 3),
    .symptoms = PQgetvalue (res, row, 4),
    .notes = PQgetvalue (res, row, 5),
    .version = value_int64 (res, row, 6),
  };

  return aftercare_store_backend_checkin_from_row (&values, error);
}

typedef gpointer (*RowReader) (const PGresult *res, int row, GError **error);

static GPtrArray *
read_rows (const PGresult  *res,
           RowReader        reader,
           GError         **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);

  for (int i = 0; i < PQntuples (res); i++)
    {
      gpointer row = reader (res, i, error);

      if (row == NULL)
        return NULL;
      g_ptr_array_add (rows, row);
    }
  return g_steal_pointer (&rows);
}

/* Reads the one row with that id; NOT_FOUND when there is none. */
static gpointer
read_by_id (AftercarePgBackend  *self,
            Statement            which,
            RowReader            reader,
            const char          *id,
            GError             **error)
{
  const char *params[] = { id };
  /* Only the row's own insert, if it waits in a bulk write, changes what
   * this finds: an import looking up each row before adding it does not
   * send the others one by one. */
  gboolean waiting = self->bulk_error != NULL || batch_contains (&self->sessions, id) ||
                     batch_contains (&self->checkins, id);
  g_autoptr(PGresult) res = (waiting ? run : run_now) (self, which, 1, params, _("Could not read the database"),
                                                       error);

  if (res == NULL)
    return NULL;
  if (PQntuples (res) == 0)
    {
      aftercare_store_error_set_not_found (id, error);
      return NULL;
    }
  return reader (res, 0, error);
}

static gboolean
count (AftercarePgBackend  *self,
       Statement            which,
       int                  n_params,
       const char * const  *params,
       guint               *value,
       GError             **error)
{
  g_autoptr(PGresult) res = run (self, which, n_params, params, _("Could not read the database"), error);

  if (res == NULL)
    return FALSE;
  *value = (guint) value_int64 (res, 0, 0);
  return TRUE;
}

/* Bulk writes: inserts sent a batch at a time */

static void
batch_start (Batch                 *batch,
             Statement              statement,
             AftercareStoreRowKind  kind,
             guint                  n_columns)
{
  batch->statement = statement;
  batch->kind = kind;
  batch->n_columns = n_columns;
  batch->columns = g_new (GString *, n_columns);
  for (guint i = 0; i < n_columns; i++)
    batch->columns[i] = g_string_new ("{");
  batch->id_set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  batch->ids = g_ptr_array_new ();
  batch->bytes = 0;
}

static void
batch_clear (Batch *batch)
{
  if (batch->columns == NULL)
    return;
  for (guint i = 0; i < batch->n_columns; i++)
    g_string_free (batch->columns[i], TRUE);
  g_clear_pointer (&batch->columns, g_free);
  g_clear_pointer (&batch->ids, g_ptr_array_unref);
  g_clear_pointer (&batch->id_set, g_hash_table_unref);
}

static void
batch_empty (Batch *batch)
{
  for (guint i = 0; i < batch->n_columns; i++)
    g_string_truncate (batch->columns[i], 1);
  g_ptr_array_set_size (batch->ids, 0);
  g_hash_table_remove_all (batch->id_set);
  batch->bytes = 0;
}

static gboolean
batch_contains (const Batch *batch,
                const char  *id)
{
  return batch->id_set != NULL && g_hash_table_contains (batch->id_set, id);
}

/* Adds a row's parameters (as session_params() or checkin_params() give them). */
static void
batch_add (Batch  *batch,
           char  **params)
{
  char *id = g_strdup (params[0]);

  for (guint i = 0; i < batch->n_columns; i++)
    {
      aftercare_pg_append_array_item (batch->columns[i], params[i]);
      batch->bytes += strlen (params[i]);
    }
  g_hash_table_add (batch->id_set, id);
  g_ptr_array_add (batch->ids, id);
}

static gboolean
batch_full (const Batch *batch)
{
  return batch->ids != NULL && (batch->ids->len >= BATCH_MAX_ROWS || batch->bytes >= BATCH_MAX_BYTES);
}

/* Inserting an id that is stored: CONFLICT, naming the row. */
static gboolean
set_duplicate (AftercareStoreRowKind   kind,
               const char             *id,
               GError                **error)
{
  if (kind == AFTERCARE_STORE_ROW_SESSION)
    g_set_error (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_CONFLICT,
                 _("A session with id %s is already stored"), id);
  else
    g_set_error (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_CONFLICT,
                 _("A check-in with id %s is already stored"), id);
  return FALSE;
}

/* Sends the batch's rows in one statement, and empties it. A row whose id
 * is stored already is CONFLICT, as its own insert would have been: the
 * first such row is named. */
static gboolean
batch_send (AftercarePgBackend  *self,
            Batch               *batch,
            GError             **error)
{
  g_autofree const char **params = NULL;
  g_autoptr(PGresult) res = NULL;

  if (batch->ids->len == 0)
    return TRUE;
  params = g_new (const char *, batch->n_columns);
  for (guint i = 0; i < batch->n_columns; i++)
    {
      g_string_append_c (batch->columns[i], '}');
      params[i] = batch->columns[i]->str;
    }
  res = run_now (self, batch->statement, batch->n_columns, params,
                 batch->kind == AFTERCARE_STORE_ROW_SESSION ? _("Could not save the session")
                                                            : _("Could not save the check-in"),
                 error);
  if (res != NULL && (guint) PQntuples (res) < batch->ids->len)
    {
      g_autoptr(GHashTable) inserted = g_hash_table_new (g_str_hash, g_str_equal);
      guint i = 0;

      for (int row = 0; row < PQntuples (res); row++)
        g_hash_table_add (inserted, PQgetvalue (res, row, 0));
      while (g_hash_table_contains (inserted, g_ptr_array_index (batch->ids, i)))
        i++;
      set_duplicate (batch->kind, g_ptr_array_index (batch->ids, i), error);
      g_clear_pointer (&res, PQclear);
    }
  batch_empty (batch);
  return res != NULL;
}

/* Sends the rows a bulk write holds: the sessions, then the check-ins
 * that may belong to them. Once a batch has failed with a conflict (see
 * flush_from_insert()), every later read and the commit fail with it. */
static gboolean
flush (AftercarePgBackend  *self,
       GError             **error)
{
  if (self->bulk_error != NULL)
    {
      g_propagate_error (error, g_error_copy (self->bulk_error));
      return FALSE;
    }
  if (!self->bulk)
    return TRUE;
  return batch_send (self, &self->sessions, error) && batch_send (self, &self->checkins, error);
}

/* After an insert: sends the batches once either is full. A conflict
 * found then is an earlier row's, and the store would give this insert's
 * error as this row's: so the insert succeeds, the conflict waits in
 * bulk_error, later inserts are dropped, and the next read or the commit
 * fails with it (the transaction stores nothing). Other errors are
 * this insert's. */
static gboolean
flush_from_insert (AftercarePgBackend  *self,
                   GError             **error)
{
  g_autoptr(GError) local_error = NULL;

  if ((!batch_full (&self->sessions) && !batch_full (&self->checkins)) || flush (self, &local_error))
    return TRUE;
  if (g_error_matches (local_error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_CONFLICT))
    {
      self->bulk_error = g_steal_pointer (&local_error);
      return TRUE;
    }
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* An insert in a bulk write: its row waits in batch. */
static gboolean
bulk_insert (AftercarePgBackend  *self,
             Batch               *batch,
             char               **params,
             GError             **error)
{
  g_return_val_if_fail (self->in_transaction, FALSE);
  if (self->bulk_error != NULL)
    return TRUE;
  if (batch_contains (batch, params[0]))
    return set_duplicate (batch->kind, params[0], error);
  batch_add (batch, params);
  return flush_from_insert (self, error);
}

static void
end_bulk (AftercarePgBackend *self)
{
  self->bulk = FALSE;
  batch_clear (&self->sessions);
  batch_clear (&self->checkins);
  g_clear_error (&self->bulk_error);
}

/* Transactions */

static gboolean
aftercare_pg_backend_begin_write (AftercareStoreBackend  *backend,
                                  GError                **error)
{
  AftercarePgBackend *self = AFTERCARE_PG_BACKEND (backend);

  g_return_val_if_fail (!self->in_transaction, FALSE);
  if (self->read_only_reason != NULL)
    {
      g_set_error_literal (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_READ_ONLY,
                           self->read_only_reason);
      return FALSE;
    }
  if (!run_static (self, "BEGIN", _("Could not start saving"), error))
    return FALSE;
  self->in_transaction = TRUE;
  g_hash_table_remove_all (self->touched);
  return TRUE;
}

/* Inserts then wait, to go a batch at a time; anything else the
 * transaction does sends them first, so it sees them. */
static gboolean
aftercare_pg_backend_begin_bulk_write (AftercareStoreBackend  *backend,
                                       GError                **error)
{
  AftercarePgBackend *self = AFTERCARE_PG_BACKEND (backend);

  if (!aftercare_pg_backend_begin_write (backend, error))
    return FALSE;
  end_bulk (self);
  self->bulk = TRUE;
  batch_start (&self->sessions, STMT_INSERT_SESSIONS, AFTERCARE_STORE_ROW_SESSION, 14);
  batch_start (&self->checkins, STMT_INSERT_CHECKINS, AFTERCARE_STORE_ROW_CHECKIN, 8);
  return TRUE;
}

static gboolean
aftercare_pg_backend_begin_read (AftercareStoreBackend  *backend,
                                 GError                **error)
{
  AftercarePgBackend *self = AFTERCARE_PG_BACKEND (backend);

  g_return_val_if_fail (!self->in_transaction, FALSE);
  /* One snapshot for everything read until the end. */
  if (!run_static (self, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
                   _("Could not read the database"), error))
    return FALSE;
  self->in_transaction = TRUE;
  g_hash_table_remove_all (self->touched);
  return TRUE;
}

static void
aftercare_pg_backend_rollback (AftercareStoreBackend *backend)
{
  AftercarePgBackend *self = AFTERCARE_PG_BACKEND (backend);
  g_autoptr(GError) error = NULL;

  end_bulk (self);
  if (!self->in_transaction)
    return;
  self->in_transaction = FALSE;
  g_hash_table_remove_all (self->touched);
  /* A lost connection has rolled it back already. */
  if (self->conn != NULL && !run_static (self, "ROLLBACK", _("Could not undo an unfinished change"), &error))
    g_debug ("%s", error->message);
}

static void
touch (AftercarePgBackend *self,
       const char         *session_id)
{
  /* Beyond that many, "*" is announced: no need to keep more. */
  if (session_id != NULL && g_hash_table_size (self->touched) <= MAX_NAMED_SESSIONS)
    g_hash_table_add (self->touched, g_strdup (session_id));
}

/* A text[] literal of the touched ids, or {"*"} when there are too many. */
static char *
touched_array (AftercarePgBackend *self)
{
  g_autoptr(GString) array = g_string_new ("{");
  GHashTableIter iter;
  gpointer id;

  if (g_hash_table_size (self->touched) > MAX_NAMED_SESSIONS)
    return g_strdup ("{\"*\"}");
  g_hash_table_iter_init (&iter, self->touched);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    aftercare_pg_append_array_item (array, id);
  g_string_append_c (array, '}');
  return g_string_free (g_steal_pointer (&array), FALSE);
}

static gboolean
announce_touched (AftercarePgBackend  *self,
                  GError             **error)
{
  g_autofree char *array = NULL;
  g_autoptr(PGresult) res = NULL;
  const char *params[1];

  if (g_hash_table_size (self->touched) == 0)
    return TRUE;
  array = touched_array (self);
  params[0] = array;
  res = run (self, STMT_NOTIFY, 1, params, _("Could not save"), error);
  if (res == NULL)
    return FALSE;
  self->own_changes += PQntuples (res);
  return TRUE;
}

static gboolean
aftercare_pg_backend_commit (AftercareStoreBackend  *backend,
                             GError                **error)
{
  AftercarePgBackend *self = AFTERCARE_PG_BACKEND (backend);
  gboolean committed;

  g_return_val_if_fail (self->in_transaction, FALSE);
  if (!flush (self, error) || !announce_touched (self, error))
    {
      aftercare_pg_backend_rollback (backend);
      return FALSE;
    }
  if (!ensure_connected (self, error))
    return FALSE;
  committed = aftercare_pg_commit (self->conn, _("Could not save"), error);
  self->in_transaction = FALSE;
  end_bulk (self);
  g_hash_table_remove_all (self->touched);
  if (PQstatus (self->conn) == CONNECTION_BAD)
    connection_lost (self);
  else
    drain_notifications (self);
  return committed;
}

/* Reads the server's change counter: others' commits show there at once,
 * while their notifications may still be on the way. */
static void
read_others_changes (AftercarePgBackend *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) res = run (self, STMT_CHANGES, 0, NULL, _("Could not read the database"), &error);

  if (res == NULL)
    {
      g_debug ("%s", error->message);
      return;
    }
  self->others_changes = MAX (self->others_changes, value_int64 (res, 0, 0) - self->own_changes);
}

static guint64
aftercare_pg_backend_get_change_stamp (AftercareStoreBackend *backend)
{
  AftercarePgBackend *self = AFTERCARE_PG_BACKEND (backend);

  if (self->conn != NULL)
    read_others_changes (self);
  return (guint64) self->others_changes + self->notifications;
}

static const char *
aftercare_pg_backend_get_read_only_reason (AftercareStoreBackend *backend)
{
  return AFTERCARE_PG_BACKEND (backend)->read_only_reason;
}

/* Sessions */

static gboolean
aftercare_pg_backend_count_sessions (AftercareStoreBackend  *backend,
                                     guint                  *n_sessions,
                                     GError                **error)
{
  return count (AFTERCARE_PG_BACKEND (backend), STMT_COUNT_SESSIONS, 0, NULL, n_sessions, error);
}

static gboolean
aftercare_pg_backend_count_sessions_before (AftercareStoreBackend  *backend,
                                            AftercareSession       *session,
                                            guint                  *position,
                                            GError                **error)
{
  g_autofree char *ended_us = int64_text (aftercare_store_backend_unix_usec (aftercare_session_get_ended_at (session)));
  const char *params[] = { ended_us, aftercare_session_get_id (session) };

  return count (AFTERCARE_PG_BACKEND (backend), STMT_COUNT_BEFORE, 2, params, position, error);
}

static GPtrArray *
aftercare_pg_backend_list_sessions (AftercareStoreBackend  *backend,
                                    AftercareSession       *after,
                                    guint                   skip,
                                    guint                   limit,
                                    GError                **error)
{
  AftercarePgBackend *self = AFTERCARE_PG_BACKEND (backend);
  g_autofree char *limit_text = int64_text (limit);
  g_autofree char *skip_text = int64_text (skip);
  g_autofree char *after_us = after != NULL ? int64_text (aftercare_store_backend_unix_usec (aftercare_session_get_ended_at (after))) : NULL;
  const char *params[] = { limit_text, skip_text, after_us, after != NULL ? aftercare_session_get_id (after) : NULL };
  g_autoptr(PGresult) res = NULL;

  res = run (self, after != NULL ? STMT_LIST_AFTER : STMT_LIST_FIRST, after != NULL ? 4 : 2, params,
             _("Could not read the database"), error);
  return res != NULL ? read_rows (res, session_from_row, error) : NULL;
}

static GPtrArray *
aftercare_pg_backend_list_newest_of_kind (AftercareStoreBackend  *backend,
                                          guint                   look_back,
                                          const char             *type,
                                          const char             *pressure,
                                          GError                **error)
{
  AftercarePgBackend *self = AFTERCARE_PG_BACKEND (backend);
  g_autofree char *look_back_text = int64_text (look_back);
  const char *params[] = { look_back_text, type, pressure };
  g_autoptr(PGresult) res = NULL;

  res = run (self, STMT_LIST_NEWEST_OF_KIND, G_N_ELEMENTS (params), params, _("Could not read the database"), error);
  return res != NULL ? read_rows (res, session_from_row, error) : NULL;
}

static AftercareSession *
aftercare_pg_backend_get_session (AftercareStoreBackend  *backend,
                                  const char             *session_id,
                                  GError                **error)
{
  return read_by_id (AFTERCARE_PG_BACKEND (backend), STMT_GET_SESSION, session_from_row, session_id, error);
}

/* ids as an array's text, for a statement's $1. */
static char *
array_text (const char * const *ids,
            guint               n_ids)
{
  GString *array = g_string_new ("{");

  for (guint i = 0; i < n_ids; i++)
    aftercare_pg_append_array_item (array, ids[i]);
  g_string_append_c (array, '}');
  return g_string_free (array, FALSE);
}

/* The rows among ids that statement which (ids as $1, an array) finds. */
static GPtrArray *
get_by_ids (AftercarePgBackend  *self,
            Statement            which,
            RowReader            reader,
            const char * const  *ids,
            guint                n_ids,
            GError             **error)
{
  g_autofree char *array = array_text (ids, n_ids);
  g_autoptr(PGresult) res = NULL;
  const char *params[] = { array };
  /* As read_by_id(): only these rows' own inserts, if they wait in a bulk
   * write, change what this finds. */
  gboolean waiting = self->bulk_error != NULL;

  for (guint i = 0; i < n_ids && !waiting; i++)
    waiting = batch_contains (&self->sessions, ids[i]) || batch_contains (&self->checkins, ids[i]);
  res = (waiting ? run : run_now) (self, which, 1, params, _("Could not read the database"), error);
  return res != NULL ? read_rows (res, reader, error) : NULL;
}

static GPtrArray *
aftercare_pg_backend_get_sessions (AftercareStoreBackend  *backend,
                                   const char * const     *ids,
                                   guint                   n_ids,
                                   GError                **error)
{
  return get_by_ids (AFTERCARE_PG_BACKEND (backend), STMT_GET_SESSIONS, session_from_row, ids, n_ids, error);
}

/* A LIKE pattern that finds text anywhere, its own % _ and \ taken as they are. */
static void
append_like_pattern (GString    *pattern,
                     const char *text)
{
  g_string_append_c (pattern, '%');
  for (const char *c = text; *c != '\0'; c++)
    {
      if (*c == '%' || *c == '_' || *c == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *c);
    }
  g_string_append_c (pattern, '%');
}

static GArray *
aftercare_pg_backend_search_sessions (AftercareStoreBackend  *backend,
                                      const char             *words,
                                      const char * const     *keys,
                                      GError                **error)
{
  AftercarePgBackend *self = AFTERCARE_PG_BACKEND (backend);
  g_autoptr(GString) words_pattern = g_string_new (NULL);
  g_autoptr(GString) key_patterns = g_string_new ("{");
  g_autoptr(PGresult) res = NULL;
  g_autoptr(GArray) found = NULL;
  const char *params[2];

  append_like_pattern (words_pattern, words);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autoptr(GString) pattern = g_string_new (NULL);
      g_autofree char *between = g_strconcat (";", keys[i], ";", NULL);

      append_like_pattern (pattern, between);
      aftercare_pg_append_array_item (key_patterns, pattern->str);
    }
  g_string_append_c (key_patterns, '}');
  params[0] = words_pattern->str;
  params[1] = key_patterns->str;
  res = run (self, STMT_SEARCH, 2, params, _("Could not search the sessions"), error);
  if (res == NULL)
    return NULL;
  found = aftercare_session_key_array_new (PQntuples (res));
  for (int i = 0; i < PQntuples (res); i++)
    aftercare_session_key_array_add (found, PQgetvalue (res, i, 0), value_int64 (res, i, 1));
  return g_steal_pointer (&found);
}

/* A write that changed no row: the row is gone (NOT_FOUND), or it has
 * moved on from the version that was read (CONFLICT, saying when). */
static gboolean
set_unchanged_error (AftercarePgBackend     *self,
                     Statement               updated_at,
                     AftercareStoreRowKind   kind,
                     const char             *id,
                     GError                **error)
{
  const char *params[] = { id };
  g_autoptr(PGresult) res = run (self, updated_at, 1, params, _("Could not read the database"), error);

  if (res == NULL)
    return FALSE;
  if (PQntuples (res) == 0)
    return aftercare_store_error_set_not_found (id, error);
  return aftercare_store_backend_set_conflict (kind, value_int64 (res, 0, 0), self->time_source, error);
}

/* Runs a write that must change one row; its result (for RETURNING) or NULL. */
static PGresult *
write_row (AftercarePgBackend     *self,
           Statement               which,
           char                  **params,
           Statement               updated_at,
           AftercareStoreRowKind   kind,
           const char             *what,
           GError                **error)
{
  PGresult *res;

  g_return_val_if_fail (self->in_transaction, NULL);
  res = run (self, which, g_strv_length (params), (const char * const *) params, what, error);
  if (res != NULL && g_str_equal (PQcmdTuples (res), "0"))
    {
      set_unchanged_error (self, updated_at, kind, params[0], error);
      g_clear_pointer (&res, PQclear);
    }
  return res;
}

static gboolean
write_session (AftercarePgBackend  *self,
               Statement            which,
               AftercareSession    *session,
               GError             **error)
{
  g_auto(GStrv) params = session_params (session);

  if (which == STMT_INSERT_SESSION && self->bulk)
    {
      if (!bulk_insert (self, &self->sessions, params, error))
        return FALSE;
    }
  else
    {
      g_autoptr(PGresult) res = write_row (self, which, params, STMT_SESSION_UPDATED_AT,
                                           AFTERCARE_STORE_ROW_SESSION, _("Could not save the session"), error);

      if (res == NULL)
        return FALSE;
    }
  touch (self, aftercare_session_get_id (session));
  aftercare_session_set_version (session, aftercare_session_get_version (session) + 1);
  return TRUE;
}

static gboolean
aftercare_pg_backend_insert_session (AftercareStoreBackend  *backend,
                                     AftercareSession       *session,
                                     GError                **error)
{
  return write_session (AFTERCARE_PG_BACKEND (backend), STMT_INSERT_SESSION, session, error);
}

static gboolean
aftercare_pg_backend_update_session (AftercareStoreBackend  *backend,
                                     AftercareSession       *session,
                                     GError                **error)
{
  return write_session (AFTERCARE_PG_BACKEND (backend), STMT_UPDATE_SESSION, session, error);
}

/* Deletes by id; the result holds what the statement returns. */
static PGresult *
delete_by_id (AftercarePgBackend  *self,
              Statement            which,
              const char          *id,
              GError             **error)
{
  const char *params[] = { id };
  PGresult *res;

  g_return_val_if_fail (self->in_transaction, NULL);
  res = run (self, which, 1, params, _("Could not delete"), error);
  if (res != NULL && g_str_equal (PQcmdTuples (res), "0"))
    {
      aftercare_store_error_set_not_found (id, error);
      g_clear_pointer (&res, PQclear);
    }
  return res;
}

static gboolean
aftercare_pg_backend_delete_session (AftercareStoreBackend  *backend,
                                     const char             *session_id,
                                     GError                **error)
{
  AftercarePgBackend *self = AFTERCARE_PG_BACKEND (backend);
  /* The check-ins go with it: ON DELETE CASCADE. */
  g_autoptr(PGresult) res = delete_by_id (self, STMT_DELETE_SESSION, session_id, error);

  if (res == NULL)
    return FALSE;
  touch (self, session_id);
  return TRUE;
}

/* Check-ins */

static GPtrArray *
aftercare_pg_backend_list_checkins (AftercareStoreBackend  *backend,
                                    const char             *session_id,
                                    GError                **error)
{
  const char *params[] = { session_id };
  g_autoptr(PGresult) res = run (AFTERCARE_PG_BACKEND (backend), STMT_LIST_CHECKINS, 1, params,
                                 _("Could not read the database"), error);

  return res != NULL ? read_rows (res, checkin_from_row, error) : NULL;
}

static GPtrArray *
aftercare_pg_backend_list_checkins_between (AftercareStoreBackend  *backend,
                                            AftercareSession       *first,
                                            AftercareSession       *last,
                                            GError                **error)
{
  AftercarePgBackend *self = AFTERCARE_PG_BACKEND (backend);
  g_autofree char *first_us = int64_text (aftercare_store_backend_unix_usec (aftercare_session_get_ended_at (first)));
  g_autofree char *last_us = int64_text (aftercare_store_backend_unix_usec (aftercare_session_get_ended_at (last)));
  const char *params[] = { first_us, aftercare_session_get_id (first), last_us, aftercare_session_get_id (last) };
  g_autoptr(PGresult) res = run (self, STMT_LIST_CHECKINS_BETWEEN, 4, params, _("Could not read the database"), error);

  return res != NULL ? read_rows (res, checkin_from_row, error) : NULL;
}

/* One round trip for them all, instead of one a session. */
static GPtrArray *
aftercare_pg_backend_list_checkins_of (AftercareStoreBackend  *backend,
                                       const char * const     *session_ids,
                                       guint                   n_ids,
                                       GError                **error)
{
  g_autofree char *array = array_text (session_ids, n_ids);
  const char *params[] = { array };
  g_autoptr(PGresult) res = run (AFTERCARE_PG_BACKEND (backend), STMT_LIST_CHECKINS_OF, 1, params,
                                 _("Could not read the database"), error);

  return res != NULL ? read_rows (res, checkin_from_row, error) : NULL;
}

static AftercareCheckin *
aftercare_pg_backend_get_checkin (AftercareStoreBackend  *backend,
                                  const char             *checkin_id,
                                  GError                **error)
{
  return read_by_id (AFTERCARE_PG_BACKEND (backend), STMT_GET_CHECKIN, checkin_from_row, checkin_id, error);
}

static GPtrArray *
aftercare_pg_backend_get_checkins (AftercareStoreBackend  *backend,
                                   const char * const     *ids,
                                   guint                   n_ids,
                                   GError                **error)
{
  return get_by_ids (AFTERCARE_PG_BACKEND (backend), STMT_GET_CHECKINS, checkin_from_row, ids, n_ids, error);
}

static gboolean
write_checkin (AftercarePgBackend  *self,
               Statement            which,
               AftercareCheckin    *checkin,
               GError             **error)
{
  g_auto(GStrv) params = checkin_params (checkin);

  if (which == STMT_INSERT_CHECKIN && self->bulk)
    {
      if (!bulk_insert (self, &self->checkins, params, error))
        return FALSE;
    }
  else
    {
      g_autoptr(PGresult) res = write_row (self, which, params, STMT_CHECKIN_UPDATED_AT,
                                           AFTERCARE_STORE_ROW_CHECKIN, _("Could not save the check-in"), error);

      if (res == NULL)
        return FALSE;
      if (PQntuples (res) > 0)
        touch (self, PQgetvalue (res, 0, 0));
    }
  touch (self, aftercare_checkin_get_session_id (checkin));
  aftercare_checkin_set_version (checkin, aftercare_checkin_get_version (checkin) + 1);
  return TRUE;
}

static gboolean
aftercare_pg_backend_insert_checkin (AftercareStoreBackend  *backend,
                                     AftercareCheckin       *checkin,
                                     GError                **error)
{
  return write_checkin (AFTERCARE_PG_BACKEND (backend), STMT_INSERT_CHECKIN, checkin, error);
}

static gboolean
aftercare_pg_backend_update_checkin (AftercareStoreBackend  *backend,
                                     AftercareCheckin       *checkin,
                                     GError                **error)
{
  return write_checkin (AFTERCARE_PG_BACKEND (backend), STMT_UPDATE_CHECKIN, checkin, error);
}

static gboolean
aftercare_pg_backend_delete_checkin (AftercareStoreBackend  *backend,
                                     const char             *checkin_id,
                                     GError                **error)
{
  AftercarePgBackend *self = AFTERCARE_PG_BACKEND (backend);
  g_autoptr(PGresult) res = delete_by_id (self, STMT_DELETE_CHECKIN, checkin_id, error);

  if (res == NULL)
    return FALSE;
  touch (self, PQgetvalue (res, 0, 0));
  return TRUE;
}

static void
aftercare_pg_backend_iface_init (AftercareStoreBackendInterface *iface)
{
  iface->begin_write = aftercare_pg_backend_begin_write;
  iface->begin_bulk_write = aftercare_pg_backend_begin_bulk_write;
  iface->begin_read = aftercare_pg_backend_begin_read;
  iface->commit = aftercare_pg_backend_commit;
  iface->rollback = aftercare_pg_backend_rollback;
  iface->get_change_stamp = aftercare_pg_backend_get_change_stamp;
  iface->count_sessions = aftercare_pg_backend_count_sessions;
  iface->count_sessions_before = aftercare_pg_backend_count_sessions_before;
  iface->list_sessions = aftercare_pg_backend_list_sessions;
  iface->list_newest_of_kind = aftercare_pg_backend_list_newest_of_kind;
  iface->get_session = aftercare_pg_backend_get_session;
  iface->get_sessions = aftercare_pg_backend_get_sessions;
  iface->search_sessions = aftercare_pg_backend_search_sessions;
  iface->insert_session = aftercare_pg_backend_insert_session;
  iface->update_session = aftercare_pg_backend_update_session;
  iface->delete_session = aftercare_pg_backend_delete_session;
  iface->list_checkins = aftercare_pg_backend_list_checkins;
  iface->list_checkins_between = aftercare_pg_backend_list_checkins_between;
  iface->list_checkins_of = aftercare_pg_backend_list_checkins_of;
  iface->get_checkin = aftercare_pg_backend_get_checkin;
  iface->get_checkins = aftercare_pg_backend_get_checkins;
  iface->insert_checkin = aftercare_pg_backend_insert_checkin;
  iface->update_checkin = aftercare_pg_backend_update_checkin;
  iface->delete_checkin = aftercare_pg_backend_delete_checkin;
  iface->get_read_only_reason = aftercare_pg_backend_get_read_only_reason;
}

/* Ready for work on a new connection: tables checked, listening. */
static gboolean
start_session (AftercarePgBackend  *self,
               gboolean             may_migrate,
               GError             **error)
{
  g_autofree char *read_only_reason = NULL;

  if (!aftercare_pg_schema_prepare (self->conn, may_migrate, &read_only_reason, error))
    return FALSE;
  g_free (self->read_only_reason);
  self->read_only_reason = g_steal_pointer (&read_only_reason);
  return
         run_static (self, "LISTEN " AFTERCARE_PG_CHANNEL, _("Could not listen for other desks’ changes"),
                     error);
}

/* Reconnecting */

static gboolean reconnect_cb (gpointer data);

static void
start_reconnecting (AftercarePgBackend *self)
{
  if (self->reconnect_source != NULL || self->connector != NULL)
    return;
  self->reconnect_source = g_timeout_source_new (self->reconnect_delay_ms);
  g_source_set_callback (self->reconnect_source, reconnect_cb, self, NULL);
  g_source_attach (self->reconnect_source, self->context);
  self->reconnect_delay_ms = MIN (self->reconnect_delay_ms * 2, RECONNECT_MAX_DELAY_MS);
}

static void
reconnected_cb (PGconn       *conn,
                const GError *error,
                gpointer      data)
{
  AftercarePgBackend *self = data;
  g_autoptr(GError) session_error = NULL;

  self->connector = NULL;
  if (conn == NULL)
    {
      g_debug ("Could not reconnect: %s", error->message);
      start_reconnecting (self);
      return;
    }
  self->conn = conn;
  /* A migration is for opening only; the layout can still have changed meanwhile. */
  if (!start_session (self, FALSE, &session_error))
    {
      g_debug ("Reconnected, but could not start: %s", session_error->message);
      g_clear_pointer (&self->conn, PQfinish);
      memset (self->prepared, 0, sizeof self->prepared);
      start_reconnecting (self);
      return;
    }
  self->reconnect_delay_ms = RECONNECT_FIRST_DELAY_MS;
  watch_socket (self);
  /* Anything may have changed while away. */
  note_foreign_change (self, NULL);
  set_connected (self, TRUE);
}

static gboolean
reconnect_cb (gpointer data)
{
  AftercarePgBackend *self = data;

  g_clear_pointer (&self->reconnect_source, g_source_unref);
  self->connector = aftercare_pg_connector_start (self->location, CONNECT_TIMEOUT_SECONDS, reconnected_cb, self);
  return G_SOURCE_REMOVE;
}

/* Opening */

static AftercarePgBackend *
connect_backend (const char  *location,
                 GError     **error)
{
  PGconn *conn = aftercare_pg_connect (location, CONNECT_TIMEOUT_SECONDS, error);
  AftercarePgBackend *self;

  if (conn == NULL)
    return NULL;
  self = g_object_new (AFTERCARE_TYPE_PG_BACKEND, NULL);
  self->location = g_strdup (location);
  self->conn = conn;
  self->context = g_main_context_ref_thread_default ();
  return self;
}

AftercarePgBackend *
aftercare_pg_backend_open (const char           *location,
                           AftercareTimeSource  *time_source,
                           GError              **error)
{
  g_autoptr(AftercarePgBackend) self = NULL;

  g_return_val_if_fail (location != NULL, NULL);
  g_return_val_if_fail (AFTERCARE_IS_TIME_SOURCE (time_source), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = connect_backend (location, error);
  if (self == NULL)
    return NULL;
  self->time_source = g_object_ref (time_source);
  if (!start_session (self, TRUE, error))
    return NULL;
  self->connected = TRUE;
  watch_socket (self);
  return g_steal_pointer (&self);
}

gboolean
aftercare_pg_backend_test (const char  *location,
                           GError     **error)
{
  g_autoptr(AftercarePgBackend) self = NULL;
  g_autofree char *read_only_reason = NULL;

  g_return_val_if_fail (location != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  self = connect_backend (location, error);
  if (self == NULL || !aftercare_pg_schema_prepare (self->conn, FALSE, &read_only_reason, error))
    return FALSE;
  if (read_only_reason != NULL)
    {
      g_set_error_literal (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_READ_ONLY, read_only_reason);
      return FALSE;
    }
  return TRUE;
}
