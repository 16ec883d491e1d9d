/* aftercare-store.h: where sessions and check-ins are kept (DESIGN.md, "Storage"). No SQL outside the store. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "aftercare-backup.h"
#include "aftercare-checkin.h"
#include "aftercare-session.h"

G_BEGIN_DECLS

#define AFTERCARE_STORE_ERROR (aftercare_store_error_quark ())
typedef enum {
  AFTERCARE_STORE_ERROR_FAILED,       /* I/O or the database engine failed */
  AFTERCARE_STORE_ERROR_DAMAGED,      /* fails its integrity check, or is not a database */
  AFTERCARE_STORE_ERROR_TOO_NEW,      /* written by a newer Aftercare */
  AFTERCARE_STORE_ERROR_NOT_FOUND,    /* no such session or check-in */
  AFTERCARE_STORE_ERROR_INVALID,      /* a bad value, or a bad line in an import (message names line and field) */
  AFTERCARE_STORE_ERROR_CONFLICT,     /* changed elsewhere since it was read */
  AFTERCARE_STORE_ERROR_READ_ONLY,    /* this app may not write here */
} AftercareStoreError;
GQuark aftercare_store_error_quark (void);

#define AFTERCARE_TYPE_STORE (aftercare_store_get_type ())
G_DECLARE_FINAL_TYPE (AftercareStore, aftercare_store, AFTERCARE, STORE, GObject)

/* $XDG_DATA_HOME/aftercare/aftercare.db */
char          *aftercare_store_get_default_location (void);

/* A location is a database file's path. (A server's address will be one too,
 * once the store has a PostgreSQL backend: the store is backend-neutral.) */

/* Opens (creating with mode 0600, migrating forward) the database at
 * location. A damaged or newer database is never written to: the error
 * says why, and aftercare_store_start_fresh() moves it aside. */
AftercareStore *aftercare_store_open       (const char *location, GError **error);
const char    *aftercare_store_get_location (AftercareStore *self);
/* Moves the file at location (and its -wal/-shm) to a timestamped backup
 * beside it; *backup_path is where it went. */
gboolean       aftercare_store_start_fresh (const char *location, char **backup_path, GError **error);

/* The sessions, newest first (by end time), as a GListModel of
 * AftercareSession that loads rows as they are asked for. The same object
 * for the life of the store; add, edit, delete and undo emit precise
 * items-changed. */
GListModel    *aftercare_store_get_sessions      (AftercareStore *self);
/* A new object holding the session as stored (NOT_FOUND if there is none). */
AftercareSession *aftercare_store_lookup_session (AftercareStore *self, const char *session_id, GError **error);
/* If another program changed the database since this store last looked,
 * reloads the session list (items-changed over the whole list) and returns
 * TRUE. Each write checks this first; a view may also call it on focus. */
gboolean       aftercare_store_refresh           (AftercareStore *self);

/* Edit a copy (aftercare_session_copy()) and pass it to update: the list's
 * own objects follow what is stored, and take the new values once saved. */
gboolean       aftercare_store_add_session       (AftercareStore *self, AftercareSession *session, GError **error);
gboolean       aftercare_store_update_session    (AftercareStore *self, AftercareSession *session, GError **error);
/* Deletes a session with its check-ins; the last deletion can be undone:
 * the store keeps the session and its check-ins in memory, and undo puts
 * them back in one transaction. Property "can-undo-delete" follows. */
gboolean       aftercare_store_delete_session    (AftercareStore *self, const char *session_id, GError **error);
gboolean       aftercare_store_can_undo_delete   (AftercareStore *self);
gboolean       aftercare_store_undo_delete       (AftercareStore *self, GError **error);

/* A session's check-ins, oldest first (a new array of AftercareCheckin). */
GPtrArray     *aftercare_store_list_checkins     (AftercareStore *self, const char *session_id, GError **error);
gboolean       aftercare_store_add_checkin       (AftercareStore *self, AftercareCheckin *checkin, GError **error);
gboolean       aftercare_store_update_checkin    (AftercareStore *self, AftercareCheckin *checkin, GError **error);
gboolean       aftercare_store_delete_checkin    (AftercareStore *self, const char *checkin_id, GError **error);

/* Signals: "checkins-changed" (const char *session_id) after a check-in of
 * that session is added, edited or deleted (also when an import or an undo
 * brings check-ins back); "session-changed" (const char *session_id) after
 * the session itself is added, edited, deleted or restored (sessions an
 * import adds are announced by the list alone). */

/* All or nothing, in one transaction; CSV when the name ends in .csv, else
 * the JSON backup (DESIGN.md, "Data formats"). */
gboolean       aftercare_store_import_file       (AftercareStore *self, GFile *file,
                                                  guint *n_sessions, guint *n_checkins, GError **error);
gboolean       aftercare_store_export_file       (AftercareStore *self, GFile *file, GError **error);
/* The same, telling how many sessions and check-ins were written. The file
 * is replaced only once it is complete, and is private to its owner (0600). */
gboolean       aftercare_store_export_file_with_counts (AftercareStore *self, GFile *file,
                                                        guint *n_sessions, guint *n_checkins,
                                                        GError **error);
/* Imports a batch already read and checked (aftercare_backup_parse()): one
 * transaction; a session or check-in stored with the same id and the same
 * values is skipped, one with other values is AFTERCARE_STORE_ERROR_CONFLICT
 * naming its origin, id and the field. n_sessions and n_checkins count what
 * was added. */
gboolean       aftercare_store_import            (AftercareStore *self, AftercareBackup *backup,
                                                  guint *n_sessions, guint *n_checkins, GError **error);

G_END_DECLS
