/* aftercare-sqlite-backend.h: the store's rows in one SQLite file (the only place with SQL). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "aftercare-sqlite-file.h"
#include "aftercare-store-backend.h"

G_BEGIN_DECLS

#define AFTERCARE_TYPE_SQLITE_BACKEND (aftercare_sqlite_backend_get_type ())
G_DECLARE_FINAL_TYPE (AftercareSqliteBackend, aftercare_sqlite_backend, AFTERCARE, SQLITE_BACKEND, GObject)

/* Opens the database file at path, creating and checking it first
 * (aftercare_sqlite_file_prepare()), and migrating it forward. Rows
 * written are stamped with time_source's now. */
AftercareSqliteBackend *aftercare_sqlite_backend_open (const char           *path,
                                                       AftercareTimeSource  *time_source,
                                                       GError              **error);

/* Opens the database file at path, which must exist and have this
 * build's layout, for reading only (aftercare_sqlite_file_open_read_only()):
 * nothing is created, migrated or written, and writes fail with
 * AFTERCARE_STORE_ERROR_READ_ONLY and reason (a sentence for people). */
AftercareSqliteBackend *aftercare_sqlite_backend_open_read_only (const char           *path,
                                                                 AftercareTimeSource  *time_source,
                                                                 const char           *reason,
                                                                 GError              **error);
/* The same, leaving PRAGMA quick_check (which reads the whole file) for
 * later when the file needs no migration: aftercare_sqlite_backend_check_async()
 * runs it in a worker thread; a write that comes first runs it, or waits
 * for it, before it begins; once it has failed, every write is refused
 * with AFTERCARE_STORE_ERROR_DAMAGED and the file is never written (not
 * even by folding the write-ahead log into it as the connection closes). */
AftercareSqliteBackend *aftercare_sqlite_backend_open_unchecked (const char           *path,
                                                                 AftercareTimeSource  *time_source,
                                                                 GError              **error);
void                    aftercare_sqlite_backend_check_async    (AftercareSqliteBackend *self,
                                                                 GCancellable           *cancellable,
                                                                 GAsyncReadyCallback     callback,
                                                                 gpointer                user_data);
gboolean                aftercare_sqlite_backend_check_finish   (AftercareSqliteBackend  *self,
                                                                 GAsyncResult            *result,
                                                                 GError                 **error);

G_END_DECLS
