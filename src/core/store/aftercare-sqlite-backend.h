/* aftercare-sqlite-backend.h: the store's rows in one SQLite file (the only place with SQL). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "aftercare-store-backend.h"

G_BEGIN_DECLS

/* The schema version this build writes (PRAGMA user_version). Version 1 is
 * the first schema; version 2 adds a per-row version counter (optimistic
 * concurrency: an edit of an older version is refused) and an index of
 * check-ins by session; version 3 adds the time each row was last written. */
#define AFTERCARE_SQLITE_SCHEMA_VERSION 3
/* PRAGMA application_id of an Aftercare database: "AFTC". */
#define AFTERCARE_SQLITE_APPLICATION_ID 0x41465443

#define AFTERCARE_TYPE_SQLITE_BACKEND (aftercare_sqlite_backend_get_type ())
G_DECLARE_FINAL_TYPE (AftercareSqliteBackend, aftercare_sqlite_backend, AFTERCARE, SQLITE_BACKEND, GObject)

/* Opens the database file at path, creating it (mode 0600, its folder
 * 0700) when missing and migrating it forward. Before anything is written
 * the file is checked through a read-only connection: a file that is not
 * SQLite, belongs to another program or fails PRAGMA quick_check is
 * AFTERCARE_STORE_ERROR_DAMAGED, one written by a newer Aftercare is
 * AFTERCARE_STORE_ERROR_TOO_NEW, and neither is touched. */
AftercareSqliteBackend *aftercare_sqlite_backend_open       (const char  *path,
                                                             GError     **error);

/* Renames the file at path, with its -wal, -shm and -journal, to
 * "PATH.YYYYMMDD-HHMMSS.bak" (plus the same suffixes) beside it, so that a
 * new database can start there. */
gboolean                aftercare_sqlite_backend_move_aside (const char  *path,
                                                             char       **backup_path,
                                                             GError     **error);

G_END_DECLS
