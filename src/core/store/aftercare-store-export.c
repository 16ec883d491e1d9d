/* aftercare-store-export.c: writing everything the store holds to a JSON backup or a CSV file (DESIGN.md, "Data formats"). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-store"

#include "config.h"

#include <glib/gi18n.h>

#include "aftercare-backup-writer.h"
#include "aftercare-store-private.h"
#include "aftercare-util.h"

/* Sessions read at once while exporting. */
#define EXPORT_PAGE_SIZE 500

/* Writes a page of sessions with their check-ins, read in one query. */
static gboolean
write_page (AftercareStoreBackend  *backend,
            AftercareBackupWriter  *writer,
            GPtrArray              *page,
            GError                **error)
{
  g_autoptr(GPtrArray) checkins =
    aftercare_store_backend_list_checkins_between (backend, g_ptr_array_index (page, 0),
                                                   g_ptr_array_index (page, page->len - 1), error);
  guint next = 0;

  if (checkins == NULL)
    return FALSE;
  /* Both in the list's order: each session's check-ins are the next ones. */
  for (guint i = 0; i < page->len; i++)
    {
      AftercareSession *session = g_ptr_array_index (page, i);
      g_autoptr(GPtrArray) its = g_ptr_array_new_with_free_func (g_object_unref);

      while (next < checkins->len &&
             g_str_equal (aftercare_checkin_get_session_id (g_ptr_array_index (checkins, next)),
                          aftercare_session_get_id (session)))
        g_ptr_array_add (its, g_object_ref (g_ptr_array_index (checkins, next++)));
      if (!aftercare_backup_writer_add (writer, session, its, error))
        return FALSE;
    }
  return TRUE;
}

/* Writes every session, newest first, with its check-ins. */
static gboolean
write_sessions (AftercareStoreBackend  *backend,
                AftercareBackupWriter  *writer,
                GError                **error)
{
  g_autoptr(AftercareSession) after = NULL;

  for (;;)
    {
      g_autoptr(GPtrArray) page =
        aftercare_store_backend_list_sessions (backend, after, 0, EXPORT_PAGE_SIZE, error);

      if (page == NULL)
        return FALSE;
      if (page->len > 0 && !write_page (backend, writer, page, error))
        return FALSE;
      if (page->len < EXPORT_PAGE_SIZE)
        return TRUE;
      g_set_object (&after, g_ptr_array_index (page, page->len - 1));
    }
}

/* Reads everything from one snapshot, so a write elsewhere cannot tear it. */
static gboolean
write_snapshot (AftercareStoreBackend  *backend,
                AftercareBackupWriter  *writer,
                GError                **error)
{
  gboolean ok;

  if (!aftercare_store_backend_begin_read (backend, error))
    return FALSE;
  ok = write_sessions (backend, writer, error);
  if (!ok)
    {
      aftercare_store_backend_rollback (backend);
      return FALSE;
    }
  return aftercare_store_backend_commit (backend, error) &&
         aftercare_backup_writer_finish (writer, error);
}

static gboolean
set_write_error (GFile       *file,
                 GError      *cause,
                 GError     **error)
{
  g_autofree char *name = g_file_get_parse_name (file);

  g_set_error (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_FAILED,
               _("Could not write “%s”: %s"), name, cause->message);
  return FALSE;
}

gboolean
aftercare_store_export_file_with_counts (AftercareStore  *self,
                                         GFile           *file,
                                         guint           *n_sessions,
                                         guint           *n_checkins,
                                         GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GOutputStream) output = NULL;
  g_autoptr(GOutputStream) buffered = NULL;
  g_autoptr(GDateTime) local_now = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(AftercareBackupWriter) writer = NULL;
  gboolean existed;

  g_return_val_if_fail (AFTERCARE_IS_STORE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  local_now = aftercare_time_source_now (aftercare_store_get_time_source (self));
  now = g_date_time_to_utc (local_now);

  output = aftercare_output_replace_private (file, &existed, &local_error);
  if (output == NULL)
    return set_write_error (file, local_error, error);
  buffered = g_buffered_output_stream_new_sized (output, 64 * 1024);
  writer = aftercare_backup_writer_new (buffered, aftercare_backup_format_for_file (file), now);
  if (!write_snapshot (aftercare_store_get_backend (self), writer, error))
    {
      aftercare_output_abandon (buffered, file, existed);
      return FALSE;
    }
  if (!g_output_stream_close (buffered, NULL, &local_error))
    {
      /* A replaced file stays as it was; a new one must not stay half-written. */
      if (!existed)
        g_file_delete (file, NULL, NULL);
      return set_write_error (file, local_error, error);
    }
  if (n_sessions != NULL)
    *n_sessions = aftercare_backup_writer_get_n_sessions (writer);
  if (n_checkins != NULL)
    *n_checkins = aftercare_backup_writer_get_n_checkins (writer);
  return TRUE;
}

gboolean
aftercare_store_export_file (AftercareStore  *self,
                             GFile           *file,
                             GError         **error)
{
  return aftercare_store_export_file_with_counts (self, file, NULL, NULL, error);
}
