/* aftercare-backup.h: a batch of sessions and check-ins, and the formats it is read from and written in. */
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

/* The JSON backup's "format" and the "version" this build reads and writes. */
#define AFTERCARE_BACKUP_FORMAT_NAME "aftercare-backup"
#define AFTERCARE_BACKUP_VERSION 1

/* The CSV columns, in the order they are written: the one table that the
 * reader, the header line and the writer all follow. Each column is
 * FIRST (ID, "name", KIND) or NEXT (ID, "name", KIND), KIND being TEXT for
 * what a person typed (aftercare_backup_csv_text_cell()) or VALUE; pass a
 * macro for each to make an enum, an array of names, or text. */
#define AFTERCARE_BACKUP_CSV_COLUMNS(FIRST, NEXT) \
  FIRST (SESSION_ID, "session_id", VALUE) \
  NEXT (ENDED_AT, "ended_at", VALUE) \
  NEXT (DURATION, "duration_minutes", VALUE) \
  NEXT (TYPE, "type", VALUE) \
  NEXT (PRESSURE, "pressure", VALUE) \
  NEXT (FIRST_TIME, "first_time", VALUE) \
  NEXT (AREAS, "areas", VALUE) \
  NEXT (CLIENT, "client", TEXT) \
  NEXT (THERAPIST, "therapist", TEXT) \
  NEXT (SESSION_NOTES, "session_notes", TEXT) \
  NEXT (CHECKIN_ID, "checkin_id", VALUE) \
  NEXT (CHECKIN_AT, "checkin_at", VALUE) \
  NEXT (SORENESS, "soreness", VALUE) \
  NEXT (SYMPTOMS, "symptoms", VALUE) \
  NEXT (CHECKIN_NOTES, "checkin_notes", TEXT)

/* The header line, without its line break: one string literal,
 * "session_id,ended_at,…,checkin_notes". */
#define AFTERCARE_BACKUP_CSV_HEADER_FIRST_(id, name, kind) name
#define AFTERCARE_BACKUP_CSV_HEADER_NEXT_(id, name, kind) "," name
#define AFTERCARE_BACKUP_CSV_HEADER \
  AFTERCARE_BACKUP_CSV_COLUMNS (AFTERCARE_BACKUP_CSV_HEADER_FIRST_, AFTERCARE_BACKUP_CSV_HEADER_NEXT_)

/* Whether each column holds text: pass to AFTERCARE_BACKUP_CSV_COLUMNS
 * for an array of gboolean in the table's order. */
#define AFTERCARE_BACKUP_CSV_IS_TEXT_TEXT TRUE,
#define AFTERCARE_BACKUP_CSV_IS_TEXT_VALUE FALSE,
#define AFTERCARE_BACKUP_CSV_IS_TEXT(id, name, kind) AFTERCARE_BACKUP_CSV_IS_TEXT_##kind

/* A text cell as it is written: with one ' in front when the text starts
 * with =, +, -, @, a tab, a carriage return or ', so that a spreadsheet
 * opening the file runs no formula from it. Returns a new string. */
char *aftercare_backup_csv_text_cell  (const char *text);
/* Whether text gets that ' in front. */
gboolean aftercare_backup_csv_text_needs_guard (const char *text);
/* A text cell as it is read: without one leading ' (a pointer into cell),
 * so that text comes back exactly as it was written. */
const char *aftercare_backup_csv_text_value (const char *cell);

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

/* The first field (its JSON key) in which two sessions or two check-ins
 * differ, or NULL when they are equal. */
const char       *aftercare_backup_session_difference (AftercareSession *a,
                                                       AftercareSession *b);
const char       *aftercare_backup_checkin_difference (AftercareCheckin *a,
                                                       AftercareCheckin *b);

G_END_DECLS
