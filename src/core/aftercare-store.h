/* aftercare-store.h: where sessions and check-ins are kept (DESIGN.md, "Storage"). No SQL outside the store. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

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

/* Opens (creating with mode 0600, migrating forward) the database at
 * location. A damaged or newer database is never written to: the error
 * says why, and aftercare_store_start_fresh() moves it aside. */
AftercareStore *aftercare_store_open       (const char *location, GError **error);
/* Moves the file at location (and its -wal/-shm) to a timestamped backup
 * beside it; *backup_path is where it went. */
gboolean       aftercare_store_start_fresh (const char *location, char **backup_path, GError **error);

/* The sessions, newest first (by end time), as a GListModel of
 * AftercareSession that loads rows as they are asked for. The same object
 * for the life of the store; add, edit, delete and undo emit precise
 * items-changed. */
GListModel    *aftercare_store_get_sessions      (AftercareStore *self);
AftercareSession *aftercare_store_lookup_session (AftercareStore *self, const char *session_id, GError **error);

gboolean       aftercare_store_add_session       (AftercareStore *self, AftercareSession *session, GError **error);
gboolean       aftercare_store_update_session    (AftercareStore *self, AftercareSession *session, GError **error);
/* Deletes a session with its check-ins; the last deletion can be undone. */
gboolean       aftercare_store_delete_session    (AftercareStore *self, const char *session_id, GError **error);
gboolean       aftercare_store_can_undo_delete   (AftercareStore *self);
gboolean       aftercare_store_undo_delete       (AftercareStore *self, GError **error);

/* A session's check-ins, oldest first (a new array of AftercareCheckin). */
GPtrArray     *aftercare_store_list_checkins     (AftercareStore *self, const char *session_id, GError **error);
gboolean       aftercare_store_add_checkin       (AftercareStore *self, AftercareCheckin *checkin, GError **error);
gboolean       aftercare_store_update_checkin    (AftercareStore *self, AftercareCheckin *checkin, GError **error);
gboolean       aftercare_store_delete_checkin    (AftercareStore *self, const char *checkin_id, GError **error);

/* Signals: "checkins-changed" (const char *session_id) after a check-in of
 * that session is added, edited or deleted. */

/* All or nothing, in one transaction; CSV when the name ends in .csv, else
 * the JSON backup (DESIGN.md, "Data formats"). */
gboolean       aftercare_store_import_file       (AftercareStore *self, GFile *file,
                                                  guint *n_sessions, guint *n_checkins, GError **error);
gboolean       aftercare_store_export_file       (AftercareStore *self, GFile *file, GError **error);

G_END_DECLS
