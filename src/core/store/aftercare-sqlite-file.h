/* aftercare-sqlite-file.h: the life of the store's SQLite file: created private, checked before use, moved aside. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* The schema version this build writes (PRAGMA user_version). Version 1 is
 * the first schema; version 2 adds a per-row version counter (optimistic
 * concurrency: an edit of an older version is refused) and an index of
 * check-ins by session; version 3 adds the time each row was last written. */
#define AFTERCARE_SQLITE_SCHEMA_VERSION 4
/* PRAGMA application_id of an Aftercare database: "AFTC". */
#define AFTERCARE_SQLITE_APPLICATION_ID 0x41465443

/* Before the file is opened for writing: creates it (mode 0600, its folder
 * 0700) when missing, then checks it through a read-only connection. A
 * file that is not SQLite, belongs to another program or fails PRAGMA
 * quick_check is AFTERCARE_STORE_ERROR_DAMAGED, one written by a newer
 * Aftercare is AFTERCARE_STORE_ERROR_TOO_NEW, and neither is touched. */
gboolean aftercare_sqlite_file_prepare      (const char  *path,
                                             GError     **error);
/* The same checks, for a file that is only to be read: nothing is created
 * or written. */
gboolean aftercare_sqlite_file_check        (const char  *path,
                                             GError     **error);
/* Opens the file at path for reading only (*db is set even on failure,
 * for its message; close it). Nothing is written, not even the -wal and
 * -shm files: where SQLite cannot make them (a folder that cannot be
 * written to, a full disk) and there is no -wal, the file is read as it
 * stands. Returns an SQLite result code. */
int      aftercare_sqlite_file_open_read_only (const char  *path,
                                               sqlite3    **db);
/* How every connection runs: a busy timeout, extended result codes,
 * defensive mode. */
void     aftercare_sqlite_file_configure_reading (sqlite3 *db);
/* The same without PRAGMA quick_check, the part that reads the whole file,
 * when the file is already at this build's version (a new or older file,
 * which opening writes to, is checked all the same): *integrity_checked
 * says which. Before anything is written to a file not checked,
 * aftercare_sqlite_file_check_integrity() must have passed. */
gboolean aftercare_sqlite_file_prepare_unchecked (const char  *path,
                                                  gboolean    *integrity_checked,
                                                  GError     **error);
/* PRAGMA quick_check through a read-only connection of its own (any
 * thread): AFTERCARE_STORE_ERROR_DAMAGED when it fails. */
gboolean aftercare_sqlite_file_check_integrity (const char  *path,
                                                GError     **error);
/* How every writing connection runs: a busy timeout, extended result
 * codes, defensive mode, WAL, synchronous = FULL, foreign keys. */
gboolean aftercare_sqlite_file_configure    (sqlite3     *db,
                                             GError     **error);
/* Once the file has proved usable: takes the group's and others'
 * permissions from it and its -wal and -shm, when this user owns them. */
void     aftercare_sqlite_file_make_private (const char  *path);

/* Renames the file at path, with its -wal, -shm and -journal, to
 * "PATH.YYYYMMDD-HHMMSS.bak" (now, plus the same suffixes) beside it, so
 * that a new database can start there. */
gboolean aftercare_sqlite_file_move_aside   (const char  *path,
                                             GDateTime   *now,
                                             char       **backup_path,
                                             GError     **error);

/* Errors, as the store reports them. */

/* The AftercareStoreError code for an SQLite result code. */
int      aftercare_sqlite_error_code        (int          rc);
/* Sets error from rc, prefixed with what was being done. Returns FALSE. */
gboolean aftercare_sqlite_set_error         (sqlite3     *db,
                                             int          rc,
                                             const char  *what,
                                             GError     **error);
/* Sets AFTERCARE_STORE_ERROR_TOO_NEW for the file at path. Returns FALSE. */
gboolean aftercare_sqlite_file_set_too_new  (const char  *path,
                                             GError     **error);
/* Runs every statement of a static script in turn (settings, migrations). */
gboolean aftercare_sqlite_run_script        (sqlite3     *db,
                                             const char  *script,
                                             GError     **error);

G_END_DECLS
