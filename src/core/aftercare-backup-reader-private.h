/* aftercare-backup-reader-private.h: what the JSON and the CSV reader share; only aftercare-backup-*.c include it. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "aftercare-backup-reader.h"
#include "aftercare-csv.h"
#include "aftercare-json-reader.h"

G_BEGIN_DECLS

#define AFTERCARE_BACKUP_MAX_DURATION_MINUTES (24 * 60)

/* Where a value came from, for messages: a CSV line, or a JSON object
 * with its path (the reader knows its line). */
typedef struct
{
  AftercareBackupFormat format;
  guint line;
  const char *path;
  AftercareJsonReader *json;
  JsonObject *object;
} AftercareBackupWhere;

/* Sets error for a bad field (AFTERCARE_BACKUP_ERROR_INVALID, naming the
 * line or path) and returns FALSE; takes problem. */
gboolean          aftercare_backup_field_error     (const AftercareBackupWhere  *where,
                                                    const char                  *field,
                                                    char                        *problem,
                                                    GError                     **error);

/* Values, from text: each returns NULL when the text is good, else the
 * problem (a phrase that follows the field's name). */
char             *aftercare_backup_check_id        (const char  *text);
char             *aftercare_backup_check_time      (const char  *text,
                                                    GDateTime  **time);
/* An id as it is stored: UUIDs in lower case. */
char             *aftercare_backup_id_normalized   (const char  *text);

/* A check-in's values as either format gives them. */
typedef struct
{
  const char *id;     /* NULL: a new id */
  const char *at;
  guint soreness;
  guint symptoms;
  const char *notes;
} AftercareBackupCheckinFields;

/* The check-in of session, once its id and time are good and the time is
 * not before the session ended; names[] are the id's and the time's field
 * names in messages. */
AftercareCheckin *aftercare_backup_build_checkin   (const AftercareBackupCheckinFields  *fields,
                                                    AftercareSession                    *session,
                                                    const AftercareBackupWhere          *where,
                                                    const char * const                  *names,
                                                    GError                             **error);

/* A set of UUIDs, 20 bytes each with a number (and room to spare). */
typedef struct _AftercareBackupIdSet AftercareBackupIdSet;

AftercareBackupIdSet *aftercare_backup_id_set_new      (void);
void                  aftercare_backup_id_set_free     (AftercareBackupIdSet *set);
/* Whether id (a UUID, else FALSE) is there. */
gboolean              aftercare_backup_id_set_contains (AftercareBackupIdSet *set,
                                                        const char           *id);
/* Adds id (a UUID); FALSE when it was there already. */
gboolean              aftercare_backup_id_set_add      (AftercareBackupIdSet *set,
                                                        const char           *id);
/* The same with a number (a line) kept with it; when it was there
 * already, *old_value is the number it was added with. */
gboolean              aftercare_backup_id_set_add_with (AftercareBackupIdSet *set,
                                                        const char           *id,
                                                        guint                 value,
                                                        guint                *old_value);

/* Reading one file: where the rows go, and the ids seen so far. */
typedef struct
{
  AftercareBackup *backup;   /* CSV: the batch being filled */
  const AftercareBackupSink *sink;   /* JSON: where each checked row goes */
  gpointer sink_data;
  GHashTable *sessions;      /* id -> AftercareSession (borrowed from backup), with backup */
  AftercareBackupIdSet *session_ids;   /* with the line each first appears on (CSV) */
  AftercareBackupIdSet *checkin_ids;
  AftercareSession *previous_unnamed;   /* CSV: the last row's session, if its id was empty */
} AftercareBackupReading;

/* backup: filled (its sink), or NULL when sink is given. */
void              aftercare_backup_reading_init    (AftercareBackupReading     *reading,
                                                    AftercareBackup            *backup,
                                                    const AftercareBackupSink  *sink,
                                                    gpointer                    sink_data);
void              aftercare_backup_reading_clear   (AftercareBackupReading  *reading);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AftercareBackupReading, aftercare_backup_reading_clear)

/* Hands session on (the sink, and the batch's ids when filling one). */
gboolean          aftercare_backup_hand_on_session (AftercareBackupReading  *reading,
                                                    AftercareSession        *session,
                                                    const char              *origin,
                                                    GError                 **error);
/* The session with id, handed on before: a new reference. */
AftercareSession *aftercare_backup_known_session   (AftercareBackupReading  *reading,
                                                    const char              *id,
                                                    GError                 **error);

/* Hands checkin on, unless its id was seen before in the file. */
gboolean          aftercare_backup_add_checkin_once (AftercareBackupReading      *reading,
                                                     AftercareCheckin            *checkin,
                                                     const AftercareBackupWhere  *where,
                                                     const char                  *id_name,
                                                     const char                  *origin,
                                                     GError                     **error);

/* The formats' readers (aftercare-backup-json.c, aftercare-backup-csv.c):
 * fill the reading from UTF-8 text, or fail at the first problem. */
gboolean          aftercare_backup_read_json       (AftercareBackupReading  *reading,
                                                    AftercareJsonStream     *stream,
                                                    GError                 **error);
gboolean          aftercare_backup_read_csv        (AftercareBackupReading  *reading,
                                                    AftercareCsvReader      *reader,
                                                    GError                 **error);

G_END_DECLS
