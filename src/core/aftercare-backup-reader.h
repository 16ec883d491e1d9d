/* aftercare-backup-reader.h: reading a JSON backup or a CSV file into a batch of sessions and check-ins, every value checked. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "aftercare-backup.h"

G_BEGIN_DECLS

/* Reads and checks a whole file's contents: UTF-8, the format's structure,
 * every field's value, ids unique within the file, no check-in before its
 * session ended. The first problem is an AFTERCARE_BACKUP_ERROR_INVALID
 * whose message names the line (CSV) or path (JSON) and the field.
 *
 * In CSV, rows with the same session_id are one session, and must agree on
 * its columns. A row with an empty session_id starts a new session with a
 * new id, unless the row before it also had an empty session_id and the same
 * session columns: then it adds a check-in to that session. An empty
 * checkin_id gets a new id; a row with all check-in columns empty is a
 * session without a check-in. */
AftercareBackup *aftercare_backup_parse (GBytes                *contents,
                                         AftercareBackupFormat  format,
                                         GError               **error);

/* Where sessions and check-ins go as soon as each is read and checked, a
 * session before its check-ins; origin is as in aftercare_backup_add_session().
 * Each returns FALSE with error to stop the reading. */
typedef struct
{
  gboolean (*session) (AftercareSession  *session,
                       const char        *origin,
                       gpointer           user_data,
                       GError           **error);
  gboolean (*checkin) (AftercareCheckin  *checkin,
                       const char        *origin,
                       gpointer           user_data,
                       GError           **error);
  /* A session handed on before (a CSV file's rows may come back to one):
   * a new reference, or NULL with error. */
  AftercareSession *(*lookup_session) (const char  *id,
                                       gpointer     user_data,
                                       GError     **error);
} AftercareBackupSink;

/* Reads a JSON backup from input a session at a time, checking it as
 * aftercare_backup_parse() does, and hands each to sink: it holds one
 * session with its check-ins at once (and the ids seen, 16 bytes each, to
 * find one given twice), whatever the file's size. FALSE at the first
 * problem: an AFTERCARE_BACKUP_ERROR_INVALID as aftercare_backup_parse()
 * sets, or AFTERCARE_JSON_STREAM_ERROR_READ when input cannot be read;
 * what sink was given before is then to be dropped. Reading input stops
 * with G_IO_ERROR_CANCELLED (within AFTERCARE_JSON_STREAM_ERROR_READ) once
 * cancellable (or NULL) is cancelled. */
gboolean aftercare_backup_read_json_stream (GInputStream               *input,
                                            GCancellable               *cancellable,
                                            const AftercareBackupSink  *sink,
                                            gpointer                    user_data,
                                            GError                    **error);
/* The same for a CSV file, a row at a time: it holds one row (and the
 * ids seen, with the line each session first appears on); the input's
 * failure is AFTERCARE_CSV_ERROR_READ. */
gboolean aftercare_backup_read_csv_stream  (GInputStream               *input,
                                            GCancellable               *cancellable,
                                            const AftercareBackupSink  *sink,
                                            gpointer                    user_data,
                                            GError                    **error);

G_END_DECLS
