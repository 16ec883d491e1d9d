/* store-test-util.h: what the store's tests share: temporary folders, sample rows, recorded signals. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "aftercare-checkin.h"
#include "aftercare-session.h"
#include "aftercare-store.h"

G_BEGIN_DECLS

/* The time source every store in a test is given: the time of the first
 * call, read once, and 24-hour clocks (transfer none); and that time. */
AftercareTimeSource *test_time_source (void);
GDateTime        *test_now             (void);

/* Opens the store at location (a file or a server) with test_time_source();
 * asserts that it worked. */
AftercareStore   *test_store_open      (const char *location);

/* A new temporary folder, and its removal with everything in it. */
char             *test_make_folder     (void);
void              test_remove_folder   (const char *path);
/* Bytes this process has read through read() and pread() so far
 * (/proc/self/io "rchar"): what opening a database costs, whatever
 * the page cache holds. */
guint64           test_bytes_read      (void);
/* Overwrites the first page of a table's B-tree with noise: a damage
 * only PRAGMA quick_check (or reading that table) finds. */
void              test_corrupt_table   (const char *path,
                                        const char *table);

/* A session that ended at ended_at (ISO 8601 with offset), with a few
 * fields set so that round trips have something to compare. */
AftercareSession *test_session_new     (const char *ended_at);
AftercareCheckin *test_checkin_new     (AftercareSession *session,
                                        const char       *at,
                                        guint             soreness);

/* Records a GListModel's items-changed signals. */
typedef struct
{
  guint position;
  guint removed;
  guint added;
} TestChange;

GArray           *test_record_changes  (GListModel *model);
void              test_assert_change   (GArray *changes,
                                        guint   index,
                                        guint   position,
                                        guint   removed,
                                        guint   added);

/* The ids of a list model's items, in order. */
GPtrArray        *test_list_ids        (GListModel *model);

/* Writes a JSON backup of n sessions with n_checkins_each check-ins each,
 * ids made from the index; with bad_last, the last check-in's soreness is
 * 11 (the import must refuse it). */
void              test_write_json_backup (const char *path,
                                          guint       n,
                                          guint       n_checkins_each,
                                          gboolean    bad_last);

/* Whether this process has mapped a library whose file name starts so. */
gboolean          test_library_mapped  (const char *name);

/* From now on this process cannot make a thread: the system refuses it,
 * as one at its limit does (new processes may still be made). GLib's own
 * worker thread is started first, as any program has it by the time it
 * works. For the child test_trap_without_threads() makes. */
void              test_forbid_threads  (void);
/* In a test, outside g_test_subprocess(): runs the test again in a child
 * (which calls test_forbid_threads()) and asserts that it passed; skips
 * where threads cannot be refused (other than x86-64 Linux). */
void              test_trap_without_threads (void);

/* Runs a program to its end; returns its exit status, fills out/err. */
int               test_run             (const char * const  *argv,
                                        const char * const  *envp,
                                        char               **out,
                                        char               **err);

G_END_DECLS
