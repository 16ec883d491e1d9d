/* aftercare-store.h: where sessions and check-ins are kept (DESIGN.md, "Storage"). No SQL outside the store. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "aftercare-backup.h"
#include "aftercare-checkin.h"
#include "aftercare-session.h"
#include "aftercare-store-error.h"
#include "aftercare-time-source.h"

G_BEGIN_DECLS

#define AFTERCARE_TYPE_STORE (aftercare_store_get_type ())
G_DECLARE_FINAL_TYPE (AftercareStore, aftercare_store, AFTERCARE, STORE, GObject)

/* $XDG_DATA_HOME/aftercare/aftercare.db */
char          *aftercare_store_get_default_location (void);

/* A location is a database file's path (SQLite), or a PostgreSQL server's
 * address for libpq: "postgresql://…", "postgres://…", or a connection
 * string of keyword=value settings ("service=clinic"). A location that is
 * not an existing file and is written like an address (any scheme://, or a
 * keyword and = first) is an address, never a new file. An address with a
 * password in it, or one libpq cannot read, is refused (INVALID) without
 * being repeated: passwords go in ~/.pgpass or a service's password file. */
gboolean       aftercare_store_location_is_server (const char *location);
/* For a server's address: libpq can read it and it holds no password
 * (INVALID otherwise, saying so). A file's path: TRUE. Nothing is opened. */
gboolean       aftercare_store_check_location (const char *location, GError **error);

/* Opens the database at location. A file is created (mode 0600) and
 * migrated forward; a damaged or newer file is never written to: the error
 * says why, and aftercare_store_start_fresh() moves it aside. A server's
 * tables are created or migrated when the account may (else NOT_SET_UP),
 * never when they are newer than this build; see aftercare-pg-backend.h.
 * The store never reads the clock or the desktop's settings: time_source
 * says when rows are written and exported, and how conflicts give times. */
AftercareStore *aftercare_store_open       (const char *location, AftercareTimeSource *time_source,
                                            GError **error);
/* Above, a file that exists but cannot be opened for writing (its folder
 * or the file cannot be written to, the disk is full) is opened for
 * reading only instead: the store is "read-only" and its reason says why.
 *
 * Here, the database at location is opened only to read it (an export, a sheet): a
 * file must exist with this build's layout, and nothing is created,
 * migrated or written, not even the -wal and -shm files; so it works from
 * a folder that cannot be written to and on a full disk. */
AftercareStore *aftercare_store_open_for_reading (const char *location, AftercareTimeSource *time_source,
                                                  GError **error);
typedef enum {
  AFTERCARE_STORE_OPEN_DEFAULT = 0,
  /* A file's PRAGMA quick_check, which reads all of it, is left out of
   * opening (when the file needs no migration) for
   * aftercare_store_check_async(), so that a window shows at once.
   * Nothing is written before it has passed: a write that comes first
   * waits for it (or runs it), and once it has failed every write is
   * refused with AFTERCARE_STORE_ERROR_DAMAGED. */
  AFTERCARE_STORE_OPEN_CHECK_LATER = 1 << 0,
} AftercareStoreOpenFlags;

AftercareStore *aftercare_store_open_full   (const char *location, AftercareTimeSource *time_source,
                                            AftercareStoreOpenFlags flags, GError **error);
/* Checks the file left unchecked by AFTERCARE_STORE_OPEN_CHECK_LATER in a
 * worker thread (at once TRUE when it was checked, and for a server);
 * the error is AFTERCARE_STORE_ERROR_DAMAGED when it fails. */
void           aftercare_store_check_async  (AftercareStore *self, GCancellable *cancellable,
                                            GAsyncReadyCallback callback, gpointer user_data);
gboolean       aftercare_store_check_finish (AftercareStore *self, GAsyncResult *result, GError **error);
const char    *aftercare_store_get_location (AftercareStore *self);
/* The time source it was opened with (transfer none). */
AftercareTimeSource *aftercare_store_get_time_source (AftercareStore *self);
/* Moves the file at location (and its -wal/-shm) to a backup beside it
 * stamped with now; *backup_path is where it went. Never for a server. */
gboolean       aftercare_store_start_fresh (const char *location, GDateTime *now, char **backup_path,
                                            GError **error);

/* Connects to the server at location and checks its tables, changing
 * nothing: TRUE when Aftercare could read and write there. Otherwise the
 * error says plainly what failed: UNREACHABLE, AUTHENTICATION, TLS,
 * NOT_SET_UP (no such database, no tables, an older layout), READ_ONLY
 * (this Aftercare too old for the layout, or an account that may only
 * read), INVALID (not a server's address, or one with a password). Blocks
 * up to about ten seconds: call it from a thread in an interface. */
gboolean       aftercare_store_test_connection (const char *location, GError **error);

/* Property "connected": FALSE while the connection to a server is lost;
 * the store reconnects by itself (with growing pauses, from the main
 * loop), refuses work meanwhile with UNREACHABLE, and reloads its list
 * once back. A file is always connected. */
gboolean       aftercare_store_get_connected   (AftercareStore *self);
/* Property "read-only": nothing can be saved here, for the reason given
 * (a sentence for people; NULL when writing is allowed). Writes fail with
 * READ_ONLY and that reason. */
gboolean       aftercare_store_get_read_only   (AftercareStore *self);
const char    *aftercare_store_get_read_only_reason (AftercareStore *self);

/* The sessions, newest first (by end time), as a GListModel of
 * AftercareSession that loads rows as they are asked for. The same object
 * for the life of the store; add, edit, delete and undo emit precise
 * items-changed. */
GListModel    *aftercare_store_get_sessions      (AftercareStore *self);
/* Search: the sessions whose client, therapist or notes hold text, or
 * whose massage type or an area treated is called so (as the app names
 * them), whatever the case and accents; newest first, as a GListModel of
 * AftercareSession that loads rows as they are asked for, like the whole
 * list. The same object for the life of the store; empty text empties it.
 * The store's index answers, without reading every session. A new search
 * and every write change the list by items-changed for only the rows that
 * left or came (and a saved session that stayed), so a view re-binds no
 * row that did not change. */
GListModel    *aftercare_store_get_found_sessions (AftercareStore *self);
gboolean       aftercare_store_search             (AftercareStore *self, const char *text, GError **error);
/* A new object holding the session as stored (NOT_FOUND if there is none). */
AftercareSession *aftercare_store_lookup_session (AftercareStore *self, const char *session_id, GError **error);
/* If another program changed the database since this store last looked,
 * reloads the session list (items-changed over the whole list) and returns
 * TRUE. Each write checks this first; a view may also call it on focus. */
gboolean       aftercare_store_refresh           (AftercareStore *self);

/* Edit a copy (aftercare_session_copy()) and pass it to update: the list's
 * own objects follow what is stored, and take the new values once saved.
 * Rows carry a version (aftercare_session_get_version()): adding stores
 * and sets it, each saved edit counts it up, and an edit of a copy read
 * before someone else saved the row (another desk, another program) is
 * refused with AFTERCARE_STORE_ERROR_CONFLICT, saying when the row
 * changed; nothing is overwritten. The same holds for check-ins. Deletions
 * are not versioned: the last one can be undone. */
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
/* The check-ins of sessions (an array of AftercareSession) by session id:
 * a new table of arrays of AftercareCheckin, each oldest first; a session
 * with none (or unknown) is not in it. On a server, one round trip for
 * them all. */
GHashTable    *aftercare_store_list_checkins_of  (AftercareStore *self, GPtrArray *sessions, GError **error);
gboolean       aftercare_store_add_checkin       (AftercareStore *self, AftercareCheckin *checkin, GError **error);
gboolean       aftercare_store_update_checkin    (AftercareStore *self, AftercareCheckin *checkin, GError **error);
gboolean       aftercare_store_delete_checkin    (AftercareStore *self, const char *checkin_id, GError **error);

/* Signals: "checkins-changed" (const char *session_id) after a check-in of
 * that session is added, edited or deleted (also when an import or an undo
 * brings check-ins back); "session-changed" (const char *session_id) after
 * the session itself is added, edited, deleted or restored (sessions an
 * import adds are announced by the list alone). On a shared server, another
 * desk's change to a session reloads the list and emits both signals for
 * it, from the main loop, within moments (LISTEN/NOTIFY); a large import
 * elsewhere reloads the list only. */

/* Import (aftercare-store-import.c) and export (aftercare-store-export.c). */

/* All or nothing, in one transaction; CSV when the name ends in .csv, else
 * the JSON backup (DESIGN.md, "Data formats"). A file that cannot be read
 * is AFTERCARE_STORE_ERROR_FAILED; a bad one, AFTERCARE_BACKUP_ERROR_INVALID
 * naming the line or path and the field (aftercare_backup_parse()). */
gboolean       aftercare_store_import_file       (AftercareStore *self, GFile *file,
                                                  guint *n_sessions, guint *n_checkins, GError **error);
/* What an import added, and what its file held. */
typedef struct
{
  guint n_sessions;          /* added */
  guint n_checkins;
  guint n_sessions_read;     /* in the file, added or already there */
  guint n_checkins_read;
  GStrv touched;             /* sessions stored before that gained check-ins */
} AftercareImportResult;
void           aftercare_import_result_clear     (AftercareImportResult *result);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AftercareImportResult, aftercare_import_result_clear)
/* The same, filling result (cleared first). Cancelled while the file is
 * read (each piece read checks cancellable), it stops with
 * G_IO_ERROR_CANCELLED and nothing stored; cancelled after the last piece
 * was read, it may still store all of it, and says so. */
gboolean       aftercare_store_import_file_full  (AftercareStore *self, GFile *file, GCancellable *cancellable,
                                                  AftercareImportResult *result, GError **error);
/* After an import through another store open on the same database (in a
 * worker thread, say): this one's list is read again, and
 * "checkins-changed" is emitted for the sessions result touched, as if
 * this store had imported. */
void           aftercare_store_imported_elsewhere (AftercareStore *self, const AftercareImportResult *result);
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
