/* aftercare-backup-writer.h: writes sessions and their check-ins as a JSON backup or CSV, one session at a time. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "aftercare-backup.h"

G_BEGIN_DECLS

#define AFTERCARE_TYPE_BACKUP_WRITER (aftercare_backup_writer_get_type ())
G_DECLARE_FINAL_TYPE (AftercareBackupWriter, aftercare_backup_writer, AFTERCARE, BACKUP_WRITER, GObject)

/* Writes to stream in format (DESIGN.md, "Data formats"); exported_at goes
 * in the JSON backup's header. Nothing is held back but one session, so a
 * large log is written in little memory. */
AftercareBackupWriter *aftercare_backup_writer_new    (GOutputStream          *stream,
                                                       AftercareBackupFormat   format,
                                                       GDateTime              *exported_at);
/* Writes one session with its check-ins (an array of AftercareCheckin). */
gboolean               aftercare_backup_writer_add    (AftercareBackupWriter  *self,
                                                       AftercareSession       *session,
                                                       GPtrArray              *checkins,
                                                       GError                **error);
/* Writes what closes the file; the stream stays open. */
gboolean               aftercare_backup_writer_finish (AftercareBackupWriter  *self,
                                                       GError                **error);

guint                  aftercare_backup_writer_get_n_sessions (AftercareBackupWriter *self);
guint                  aftercare_backup_writer_get_n_checkins (AftercareBackupWriter *self);

G_END_DECLS
