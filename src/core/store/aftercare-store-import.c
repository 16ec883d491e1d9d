/* aftercare-store-import.c: bringing a JSON backup or a CSV file into the store, all or nothing (DESIGN.md, "Data formats"). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "aftercare-backup-aside.h"
#include "aftercare-csv.h"
#include "aftercare-json-stream.h"
#include "aftercare-store-private.h"

/* An import adding more sessions than this reloads the list instead of
 * announcing each row. */
#define MAX_ANNOUNCED_INSERTIONS 64
/* Into a store that holds rows already, each row read must be looked up:
 * so many are read first and looked up together (one query on a server
 * instead of one each), then added or compared in the order they came. */
#define LOOKUP_WINDOW 500

static gboolean
set_conflict (const char  *origin,
              const char  *what_and_id,
              const char  *field,
              GError     **error)
{
  g_set_error (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_CONFLICT,
               /* Translators: "line 7: session 0b7c… is already stored with a
                * different “ended_at”"; the second %s is "session ID" or "check-in ID". */
               _("%s: %s is already stored with a different “%s”"), origin, what_and_id, field);
  return FALSE;
}

/* One import as it goes: what it added, for the list and the signals. */
typedef struct
{
  AftercareStore *store;
  GPtrArray *added;        /* sessions added, while few enough to announce one by one */
  guint n_added_sessions;
  GHashTable *touched;     /* ids of sessions that gained a check-in (owned) */
  gboolean checkins_follow;   /* each session's check-ins come right after it */
  gboolean was_empty;         /* nothing was stored: each row read and checked is new */
  char *last_added;        /* the id of the session added last, when check-ins follow */
  guint n_added_checkins;
  guint n_read_sessions;   /* every row read, added or not */
  guint n_read_checkins;
  GPtrArray *window;       /* Row: read, not yet looked up (only into a store that was not empty) */
} Import;

/* A row read, waiting in the window with where it came from. */
typedef struct
{
  AftercareSession *session;   /* one of the two */
  AftercareCheckin *checkin;
  char *origin;
} Row;

static void
row_free (Row *row)
{
  g_clear_object (&row->session);
  g_clear_object (&row->checkin);
  g_free (row->origin);
  g_free (row);
}

/* Adds a session unless stored (the stored row, looked up before, or NULL)
 * holds it already: then it must be the same. */
static gboolean
add_session (Import            *import,
             AftercareSession  *session,
             const char        *origin,
             AftercareSession  *stored,
             GError           **error)
{
  const char *id = aftercare_session_get_id (session);
  const char *difference;

  if (stored == NULL)
    {
      if (!aftercare_store_insert_session (import->store, session, error))
        return FALSE;
      if (import->checkins_follow)
        {
          g_free (import->last_added);
          import->last_added = g_strdup (id);
        }
      /* Beyond that many the list is read again: no need to keep them. */
      if (++import->n_added_sessions <= MAX_ANNOUNCED_INSERTIONS)
        g_ptr_array_add (import->added, g_object_ref (session));
      else
        g_ptr_array_set_size (import->added, 0);
      return TRUE;
    }
  if ((difference = aftercare_backup_session_difference (stored, session)) != NULL)
    {
      g_autofree char *what = g_strdup_printf (_("session %s"), id);
      return set_conflict (origin, what, difference, error);
    }
  return TRUE;
}

/* Adds a check-in unless stored holds it already (as add_session()). */
static gboolean
add_checkin (Import            *import,
             AftercareCheckin  *checkin,
             const char        *origin,
             AftercareCheckin  *stored,
             GError           **error)
{
  const char *difference;

  if (stored == NULL)
    {
      if (!aftercare_store_insert_checkin (import->store, checkin, error))
        return FALSE;
      /* A session added by this import (into an empty store, or just
       * before, a backup being read as it comes) is new to everyone: no
       * one is shown its check-ins yet. */
      if (!import->was_empty && g_strcmp0 (import->last_added, aftercare_checkin_get_session_id (checkin)) != 0)
        g_hash_table_add (import->touched, g_strdup (aftercare_checkin_get_session_id (checkin)));
      import->n_added_checkins++;
      return TRUE;
    }
  if ((difference = aftercare_backup_checkin_difference (stored, checkin)) != NULL)
    {
      g_autofree char *what = g_strdup_printf (_("check-in %s"), aftercare_checkin_get_id (checkin));
      return set_conflict (origin, what, difference, error);
    }
  return TRUE;
}

/* The stored rows among the window's, by id. */
static GHashTable *
look_up (Import      *import,
         gboolean     sessions,
         GError     **error)
{
  AftercareStoreBackend *backend = aftercare_store_get_backend (import->store);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GPtrArray) found = NULL;
  GHashTable *stored = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);

  for (guint i = 0; i < import->window->len; i++)
    {
      Row *row = g_ptr_array_index (import->window, i);

      if (sessions && row->session != NULL)
        g_ptr_array_add (ids, (gpointer) aftercare_session_get_id (row->session));
      else if (!sessions && row->checkin != NULL)
        g_ptr_array_add (ids, (gpointer) aftercare_checkin_get_id (row->checkin));
    }
  found = sessions ? aftercare_store_backend_get_sessions (backend, (const char * const *) ids->pdata, ids->len, error)
                   : aftercare_store_backend_get_checkins (backend, (const char * const *) ids->pdata, ids->len, error);
  if (found == NULL)
    {
      g_hash_table_unref (stored);
      return NULL;
    }
  for (guint i = 0; i < found->len; i++)
    {
      GObject *row = g_ptr_array_index (found, i);
      const char *id = sessions ? aftercare_session_get_id (AFTERCARE_SESSION (row))
                                : aftercare_checkin_get_id (AFTERCARE_CHECKIN (row));

      g_hash_table_replace (stored, (gpointer) id, g_object_ref (row));
    }
  return stored;
}

/* Looks up the rows in the window together, then adds or compares each in
 * the order they were read; the window is empty after. */
static gboolean
take_window (Import  *import,
             GError **error)
{
  g_autoptr(GHashTable) sessions = NULL;
  g_autoptr(GHashTable) checkins = NULL;
  gboolean ok = TRUE;

  if (import->window->len == 0)
    return TRUE;
  sessions = look_up (import, TRUE, error);
  checkins = sessions != NULL ? look_up (import, FALSE, error) : NULL;
  ok = checkins != NULL;
  for (guint i = 0; ok && i < import->window->len; i++)
    {
      Row *row = g_ptr_array_index (import->window, i);

      ok = row->session != NULL
             ? add_session (import, row->session, row->origin,
                            g_hash_table_lookup (sessions, aftercare_session_get_id (row->session)), error)
             : add_checkin (import, row->checkin, row->origin,
                            g_hash_table_lookup (checkins, aftercare_checkin_get_id (row->checkin)), error);
    }
  g_ptr_array_set_size (import->window, 0);
  return ok;
}

/* A row read: into an empty store it goes in at once, else it waits in
 * the window until the window is full. */
static gboolean
take_row (Import            *import,
          AftercareSession  *session,
          AftercareCheckin  *checkin,
          const char        *origin,
          GError           **error)
{
  Row *row;

  if (session != NULL)
    import->n_read_sessions++;
  else
    import->n_read_checkins++;
  if (import->was_empty)
    return session != NULL ? add_session (import, session, origin, NULL, error)
                           : add_checkin (import, checkin, origin, NULL, error);
  row = g_new0 (Row, 1);
  row->session = session != NULL ? g_object_ref (session) : NULL;
  row->checkin = checkin != NULL ? g_object_ref (checkin) : NULL;
  row->origin = g_strdup (origin);
  g_ptr_array_add (import->window, row);
  return import->window->len < LOOKUP_WINDOW || take_window (import, error);
}

static gboolean
import_session (AftercareSession  *session,
                const char        *origin,
                gpointer           user_data,
                GError           **error)
{
  return take_row (user_data, session, NULL, origin, error);
}

static gboolean
import_checkin (AftercareCheckin  *checkin,
                const char        *origin,
                gpointer           user_data,
                GError           **error)
{
  return take_row (user_data, NULL, checkin, origin, error);
}

/* A session this import handed on before (a CSV file may come back to
 * it): still in the window, or looked up. */
static AftercareSession *
lookup_session (const char  *id,
                gpointer     user_data,
                GError     **error)
{
  Import *import = user_data;

  for (guint i = 0; i < import->window->len; i++)
    {
      Row *row = g_ptr_array_index (import->window, i);

      if (row->session != NULL && g_str_equal (aftercare_session_get_id (row->session), id))
        return g_object_ref (row->session);
    }
  return aftercare_store_backend_get_session (aftercare_store_get_backend (import->store), id, error);
}

static const AftercareBackupSink import_sink = { import_session, import_checkin, lookup_session };

static int
compare_positions (gconstpointer a,
                   gconstpointer b)
{
  guint pa = *(const guint *) a, pb = *(const guint *) b;

  return pa < pb ? -1 : pa > pb;
}

/* Where the added sessions are in the list now, in increasing order: each
 * insertion can then be announced in turn. */
static gboolean
find_positions (AftercareStore  *self,
                GPtrArray       *added,
                GArray          *positions,
                GError         **error)
{
  AftercareStoreBackend *backend = aftercare_store_get_backend (self);

  for (guint i = 0; i < added->len; i++)
    {
      guint position;

      if (!aftercare_store_backend_count_sessions_before (backend, g_ptr_array_index (added, i),
                                                          &position, error))
        return FALSE;
      g_array_append_val (positions, position);
    }
  g_array_sort (positions, compare_positions);
  return TRUE;
}

/* The sessions stored before that gained check-ins. */
static void
announce_touched (AftercareStore     *self,
                  const char * const *touched)
{
  for (guint i = 0; touched != NULL && touched[i] != NULL; i++)
    g_signal_emit_by_name (self, "checkins-changed", touched[i]);
}

static void
announce_import (AftercareStore     *self,
                 gboolean            reload,
                 GArray             *positions,
                 const char * const *touched)
{
  if (reload)
    aftercare_store_reload_list (self);
  else
    {
      for (guint i = 0; i < positions->len; i++)
        aftercare_session_list_inserted (aftercare_store_get_session_list (self),
                                         g_array_index (positions, guint, i));
      aftercare_store_update_search (self);
    }
  announce_touched (self, touched);
}

static void
import_init (Import         *import,
             AftercareStore *store)
{
  import->store = store;
  import->added = g_ptr_array_new_with_free_func (g_object_unref);
  import->n_added_sessions = 0;
  import->touched = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import->n_added_checkins = 0;
  import->checkins_follow = FALSE;
  import->was_empty = FALSE;
  import->last_added = NULL;
  import->n_read_sessions = 0;
  import->n_read_checkins = 0;
  import->window = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
}

static void
import_clear (Import *import)
{
  g_clear_pointer (&import->added, g_ptr_array_unref);
  g_clear_pointer (&import->touched, g_hash_table_unref);
  g_clear_pointer (&import->last_added, g_free);
  g_clear_pointer (&import->window, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Import, import_clear)

/* Ends the write begun for import (committing when ok), tells what came,
 * and fills result (cleared). */
static gboolean
import_finish (Import                 *import,
               gboolean                stale,
               gboolean                ok,
               AftercareImportResult  *result,
               GError                **error)
{
  AftercareStore *self = import->store;
  g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean reload;

  /* What waits in the window goes in, when all was read well. */
  ok = ok && take_window (import, error);
  reload = stale || import->n_added_sessions > MAX_ANNOUNCED_INSERTIONS;
  ok = ok && (reload || find_positions (self, import->added, positions, error));
  if (!aftercare_store_end_write (self, ok, error))
    return FALSE;
  result->n_sessions = import->n_added_sessions;
  result->n_checkins = import->n_added_checkins;
  result->n_sessions_read = import->n_read_sessions;
  result->n_checkins_read = import->n_read_checkins;
  result->touched = (GStrv) g_hash_table_get_keys_as_array (import->touched, NULL);
  /* The ids now belong to result. */
  g_hash_table_steal_all (import->touched);
  announce_import (self, reload, positions, (const char * const *) result->touched);
  return TRUE;
}

void
aftercare_import_result_clear (AftercareImportResult *result)
{
  g_clear_pointer (&result->touched, g_strfreev);
  memset (result, 0, sizeof *result);
}

/* Counts for the two functions that give only what was added. */
static void
give_counts (AftercareImportResult *result,
             guint                 *n_sessions,
             guint                 *n_checkins)
{
  if (n_sessions != NULL)
    *n_sessions = result->n_sessions;
  if (n_checkins != NULL)
    *n_checkins = result->n_checkins;
}

gboolean
aftercare_store_import (AftercareStore   *self,
                        AftercareBackup  *backup,
                        guint            *n_sessions,
                        guint            *n_checkins,
                        GError          **error)
{
  g_auto(Import) import = { NULL };
  g_auto(AftercareImportResult) result = { 0 };
  gboolean stale, ok = TRUE;

  g_return_val_if_fail (AFTERCARE_IS_STORE (self), FALSE);
  g_return_val_if_fail (AFTERCARE_IS_BACKUP (backup), FALSE);

  import_init (&import, self);
  if (!aftercare_store_begin_bulk_write (self, &stale, error))
    return FALSE;
  for (guint i = 0; ok && i < aftercare_backup_get_n_sessions (backup); i++)
    ok = import_session (aftercare_backup_get_session (backup, i), aftercare_backup_get_session_origin (backup, i),
                         &import, error);
  for (guint i = 0; ok && i < aftercare_backup_get_n_checkins (backup); i++)
    ok = import_checkin (aftercare_backup_get_checkin (backup, i), aftercare_backup_get_checkin_origin (backup, i),
                         &import, error);
  if (!import_finish (&import, stale, ok, &result, error))
    return FALSE;
  give_counts (&result, n_sessions, n_checkins);
  return TRUE;
}

static gboolean
set_unreadable (GFile   *file,
                GError  *cause,
                GError **error)
{
  g_autofree char *name = g_file_get_parse_name (file);

  g_set_error (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_FAILED,
               _("Could not read “%s”: %s"), name, cause->message);
  return FALSE;
}

gboolean
aftercare_store_import_file (AftercareStore  *self,
                             GFile           *file,
                             guint           *n_sessions,
                             guint           *n_checkins,
                             GError         **error)
{
  g_auto(AftercareImportResult) result = { 0 };

  if (!aftercare_store_import_file_full (self, file, NULL, &result, error))
    return FALSE;
  give_counts (&result, n_sessions, n_checkins);
  return TRUE;
}

/* A file goes in as it is read, a session (JSON) or a row (CSV) at a
 * time, within the one write: nothing of it stays when any part is bad. */
gboolean
aftercare_store_import_file_full (AftercareStore         *self,
                                  GFile                  *file,
                                  GCancellable           *cancellable,
                                  AftercareImportResult  *result,
                                  GError                **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFileInputStream) input = NULL;
  g_auto(Import) import = { NULL };
  g_auto(AftercareImportResult) unwanted = { 0 };
  gboolean stale, ok;
  guint n_stored = 0;

  g_return_val_if_fail (AFTERCARE_IS_STORE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);

  if (result == NULL)
    result = &unwanted;
  aftercare_import_result_clear (result);
  input = g_file_read (file, cancellable, &local_error);
  if (input == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      return set_unreadable (file, local_error, error);
    }
  import_init (&import, self);
  if (!aftercare_store_begin_bulk_write (self, &stale, error))
    return FALSE;
  /* Into an empty store, no row needs looking up first: the reader finds
   * any id given twice in the file (the write lock keeps others out). */
  if (!aftercare_store_backend_count_sessions (aftercare_store_get_backend (self), &n_stored, error))
    return aftercare_store_end_write (self, FALSE, NULL);
  import.was_empty = n_stored == 0;
  if (aftercare_backup_format_for_file (file) == AFTERCARE_BACKUP_FORMAT_CSV)
    ok = aftercare_backup_read_csv_stream (G_INPUT_STREAM (input), cancellable, &import_sink, &import, &local_error);
  else
    {
      /* Each session's check-ins follow it. Reading takes about a third
       * of the time: a worker thread reads while this one stores. */
      import.checkins_follow = TRUE;
      ok = aftercare_backup_read_json_stream_aside (G_INPUT_STREAM (input), cancellable, &import_sink, &import,
                                                    &local_error);
    }
  if (!import_finish (&import, stale, ok, result, error))
    {
      /* Stopped (its reading too, a pipe or a slow share that gives
       * nothing): cancelled, whatever the reader made of it. */
      if (local_error != NULL && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (local_error == NULL)
        return FALSE;
      if (g_error_matches (local_error, AFTERCARE_JSON_STREAM_ERROR, AFTERCARE_JSON_STREAM_ERROR_READ) ||
          g_error_matches (local_error, AFTERCARE_CSV_ERROR, AFTERCARE_CSV_ERROR_READ))
        return set_unreadable (file, local_error, error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

void
aftercare_store_imported_elsewhere (AftercareStore              *self,
                                    const AftercareImportResult *result)
{
  g_return_if_fail (AFTERCARE_IS_STORE (self));
  g_return_if_fail (result != NULL);

  if (result->n_sessions > 0 || result->n_checkins > 0)
    aftercare_store_reload_list (self);
  announce_touched (self, (const char * const *) result->touched);
}
