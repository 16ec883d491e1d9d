/* aftercare-store-import.c: bringing a JSON backup or a CSV file into the store, all or nothing (DESIGN.md, "Data formats"). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-store"

#include "config.h"

#include <glib/gi18n.h>

#include "aftercare-backup-reader.h"
#include "aftercare-store-private.h"

/* An import adding more sessions than this reloads the list instead of
 * announcing each row. */
#define MAX_ANNOUNCED_INSERTIONS 64

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

/* Adds the backup's sessions that are not stored yet to added. */
static gboolean
import_sessions (AftercareStore   *self,
                 AftercareBackup  *backup,
                 GPtrArray        *added,
                 GError          **error)
{
  AftercareStoreBackend *backend = aftercare_store_get_backend (self);

  for (guint i = 0; i < aftercare_backup_get_n_sessions (backup); i++)
    {
      AftercareSession *session = aftercare_backup_get_session (backup, i);
      const char *id = aftercare_session_get_id (session);
      g_autoptr(GError) local_error = NULL;
      g_autoptr(AftercareSession) stored = aftercare_store_backend_get_session (backend, id, &local_error);
      const char *difference;

      if (stored == NULL && !g_error_matches (local_error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (stored == NULL)
        {
          if (!aftercare_store_insert_session (self, session, error))
            return FALSE;
          g_ptr_array_add (added, session);
          continue;
        }
      if ((difference = aftercare_backup_session_difference (stored, session)) != NULL)
        {
          g_autofree char *what = g_strdup_printf (_("session %s"), id);
          return set_conflict (aftercare_backup_get_session_origin (backup, i), what, difference, error);
        }
    }
  return TRUE;
}

/* Adds the backup's check-ins that are not stored yet; touched collects
 * the sessions that gained one. */
static gboolean
import_checkins (AftercareStore   *self,
                 AftercareBackup  *backup,
                 GHashTable       *touched,
                 guint            *n_added,
                 GError          **error)
{
  AftercareStoreBackend *backend = aftercare_store_get_backend (self);

  for (guint i = 0; i < aftercare_backup_get_n_checkins (backup); i++)
    {
      AftercareCheckin *checkin = aftercare_backup_get_checkin (backup, i);
      const char *id = aftercare_checkin_get_id (checkin);
      g_autoptr(GError) local_error = NULL;
      g_autoptr(AftercareCheckin) stored = aftercare_store_backend_get_checkin (backend, id, &local_error);
      const char *difference;

      if (stored == NULL && !g_error_matches (local_error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (stored == NULL)
        {
          if (!aftercare_store_insert_checkin (self, checkin, error))
            return FALSE;
          g_hash_table_add (touched, (gpointer) aftercare_checkin_get_session_id (checkin));
          (*n_added)++;
          continue;
        }
      if ((difference = aftercare_backup_checkin_difference (stored, checkin)) != NULL)
        {
          g_autofree char *what = g_strdup_printf (_("check-in %s"), id);
          return set_conflict (aftercare_backup_get_checkin_origin (backup, i), what, difference, error);
        }
    }
  return TRUE;
}

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

static void
announce_import (AftercareStore *self,
                 gboolean        reload,
                 GArray         *positions,
                 GHashTable     *touched)
{
  GHashTableIter iter;
  gpointer session_id;

  if (reload)
    aftercare_store_reload_list (self);
  else
    {
      for (guint i = 0; i < positions->len; i++)
        aftercare_session_list_inserted (aftercare_store_get_session_list (self),
                                         g_array_index (positions, guint, i));
      aftercare_store_update_search (self);
    }
  g_hash_table_iter_init (&iter, touched);
  while (g_hash_table_iter_next (&iter, &session_id, NULL))
    g_signal_emit_by_name (self, "checkins-changed", session_id);
}

gboolean
aftercare_store_import (AftercareStore   *self,
                        AftercareBackup  *backup,
                        guint            *n_sessions,
                        guint            *n_checkins,
                        GError          **error)
{
  g_autoptr(GPtrArray) added = g_ptr_array_new ();
  g_autoptr(GHashTable) touched = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean stale, reload, ok;
  guint n_added_checkins = 0;

  g_return_val_if_fail (AFTERCARE_IS_STORE (self), FALSE);
  g_return_val_if_fail (AFTERCARE_IS_BACKUP (backup), FALSE);

  if (!aftercare_store_begin_write (self, &stale, error))
    return FALSE;
  ok = import_sessions (self, backup, added, error) &&
       import_checkins (self, backup, touched, &n_added_checkins, error);
  reload = stale || added->len > MAX_ANNOUNCED_INSERTIONS;
  ok = ok && (reload || find_positions (self, added, positions, error));
  if (!aftercare_store_end_write (self, ok, error))
    return FALSE;
  announce_import (self, reload, positions, touched);
  if (n_sessions != NULL)
    *n_sessions = added->len;
  if (n_checkins != NULL)
    *n_checkins = n_added_checkins;
  return TRUE;
}

gboolean
aftercare_store_import_file (AftercareStore  *self,
                             GFile           *file,
                             guint           *n_sessions,
                             guint           *n_checkins,
                             GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) contents = NULL;
  g_autoptr(AftercareBackup) backup = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (AFTERCARE_IS_STORE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  contents = g_file_load_bytes (file, NULL, NULL, &local_error);
  if (contents == NULL)
    {
      name = g_file_get_parse_name (file);
      g_set_error (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_FAILED,
                   _("Could not read “%s”: %s"), name, local_error->message);
      return FALSE;
    }
  backup = aftercare_backup_parse (contents, aftercare_backup_format_for_file (file), error);
  return backup != NULL && aftercare_store_import (self, backup, n_sessions, n_checkins, error);
}

