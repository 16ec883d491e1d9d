/* aftercare-backup.h: a batch of sessions and check-ins read from a JSON backup or a CSV file, all checked. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "aftercare-checkin.h"
#include "aftercare-session.h"

G_BEGIN_DECLS

#define AFTERCARE_BACKUP_ERROR (aftercare_backup_error_quark ())
typedef enum {
  AFTERCARE_BACKUP_ERROR_INVALID,  /* not a file this build reads: the message names the line or path and the field */
  AFTERCARE_BACKUP_ERROR_FAILED,   /* a file could not be written */
} AftercareBackupError;
GQuark aftercare_backup_error_quark (void);

/* The formats of DESIGN.md, "Data formats". */
typedef enum {
  AFTERCARE_BACKUP_FORMAT_JSON,
  AFTERCARE_BACKUP_FORMAT_CSV,
} AftercareBackupFormat;

/* The CSV columns, in the order they are written. */
#define AFTERCARE_BACKUP_CSV_HEADER \
  "session_id,ended_at,duration_minutes,type,pressure,first_time,areas,client,therapist," \
  "session_notes,checkin_id,checkin_at,soreness,symptoms,checkin_notes"

/* CSV when the file's name ends in ".csv" (any case), else JSON. */
AftercareBackupFormat aftercare_backup_format_for_file (GFile *file);

#define AFTERCARE_TYPE_BACKUP (aftercare_backup_get_type ())
G_DECLARE_FINAL_TYPE (AftercareBackup, aftercare_backup, AFTERCARE, BACKUP, GObject)

/* Sessions, and check-ins after the sessions they belong to, each with its
 * origin in the file ("line 12", "sessions[3].checkins[0]") for messages. */
AftercareBackup  *aftercare_backup_new                (void);
void              aftercare_backup_add_session        (AftercareBackup  *self,
                                                       AftercareSession *session,
                                                       const char       *origin);
void              aftercare_backup_add_checkin        (AftercareBackup  *self,
                                                       AftercareCheckin *checkin,
                                                       const char       *origin);
guint             aftercare_backup_get_n_sessions     (AftercareBackup  *self);
AftercareSession *aftercare_backup_get_session        (AftercareBackup  *self,
                                                       guint             index);
const char       *aftercare_backup_get_session_origin (AftercareBackup  *self,
                                                       guint             index);
guint             aftercare_backup_get_n_checkins     (AftercareBackup  *self);
AftercareCheckin *aftercare_backup_get_checkin        (AftercareBackup  *self,
                                                       guint             index);
const char       *aftercare_backup_get_checkin_origin (AftercareBackup  *self,
                                                       guint             index);

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
AftercareBackup  *aftercare_backup_parse              (GBytes                *contents,
                                                       AftercareBackupFormat  format,
                                                       GError               **error);

/* The first field (its JSON key) in which two sessions or two check-ins
 * differ, or NULL when they are equal. */
const char       *aftercare_backup_session_difference (AftercareSession *a,
                                                       AftercareSession *b);
const char       *aftercare_backup_checkin_difference (AftercareCheckin *a,
                                                       AftercareCheckin *b);

G_END_DECLS
