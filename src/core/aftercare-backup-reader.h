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

G_END_DECLS
