/* test-sqlite-backend.c: the database file itself: mode, pragmas, migrations, damage, two writers (aftercare-sqlite-backend.c). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>

#include "aftercare-sqlite-backend.h"
#include "aftercare-store.h"
#include "aftercare-time.h"
#include "sqlite-test-util.h"
#include "store-test-util.h"

static AftercareStore *
open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  AftercareStore *store = aftercare_store_open (path, test_time_source (), &error);

  g_assert_no_error (error);
  return store;
}

static void
fill (AftercareStore *store,
      guint           n_sessions)
{
  g_autoptr(AftercareBackup) backup = aftercare_backup_new ();
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n_sessions; i++)
    {
      g_autoptr(AftercareSession) session = test_session_new ("2026-11-01T10:00:00Z");
      g_autoptr(AftercareCheckin) checkin = test_checkin_new (session, "2026-11-02T10:00:00Z", i % 11);

      aftercare_session_set_notes (session, "Some words to fill the pages of the file a little");
      aftercare_backup_add_session (backup, session, NULL);
      aftercare_backup_add_checkin (backup, checkin, NULL);
    }
  g_assert_true (aftercare_store_import (store, backup, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* The file */

static void
test_file_is_private (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (f->folder, "nested", "aftercare", NULL);
  g_autofree char *path = g_build_filename (folder, "aftercare.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autoptr(AftercareStore) store = NULL;
  g_autoptr(AftercareSession) session = test_session_new ("2026-11-24T10:00:00Z");
  g_autoptr(GError) error = NULL;
  mode_t old_umask = umask (022);

  store = open_store (path);
  g_assert_true (aftercare_store_add_session (store, session, &error));
  g_assert_no_error (error);
  umask (old_umask);

  g_assert_cmpuint (file_mode (folder), ==, 0700);
  g_assert_cmpuint (file_mode (path), ==, 0600);
  /* The write-ahead log holds health data too. */
  g_assert_cmpuint (file_mode (wal), ==, 0600);
  g_assert_cmpuint (file_mode (shm), ==, 0600);
}

/* A database file others can read (made by hand, or by an older version)
 * is made private when opened, with its -wal and -shm. */
static void
test_loose_file_made_private (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->folder, "loose.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autoptr(AftercareSession) session = test_session_new ("2026-11-24T10:00:00Z");
  g_autoptr(GError) error = NULL;
  AftercareStore *store;

  store = open_store (path);
  g_object_unref (store);
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);

  store = open_store (path);
  g_assert_true (aftercare_store_add_session (store, session, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (file_mode (path), ==, 0600);
  g_assert_cmpuint (file_mode (wal), ==, 0600);
  g_assert_cmpuint (file_mode (shm), ==, 0600);
  g_object_unref (store);
}

static void
test_default_location (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *location = aftercare_store_get_default_location ();
  g_autofree char *expected = g_build_filename (g_getenv ("XDG_DATA_HOME"), "aftercare", "aftercare.db", NULL);
  g_autofree char *folder = g_path_get_dirname (location);
  g_autoptr(AftercareStore) store = NULL;

  g_assert_cmpstr (location, ==, expected);
  store = open_store (location);
  g_assert_cmpuint (file_mode (folder), ==, 0700);
  g_assert_cmpuint (file_mode (location), ==, 0600);
}

static void
test_pragmas (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(AftercareStore) store = open_store (f->path);
  g_autoptr(AftercareSession) session = test_session_new ("2026-11-24T10:00:00Z");
  g_autoptr(AftercareCheckin) checkin = test_checkin_new (session, "2026-11-24T12:00:00Z", 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *journal_mode = NULL;
  sqlite3 *db;

  aftercare_store_add_session (store, session, &error);
  aftercare_store_add_checkin (store, checkin, &error);
  aftercare_store_delete_session (store, aftercare_session_get_id (session), &error);
  g_assert_no_error (error);

  db = raw_open (f->path, SQLITE_OPEN_READONLY);
  journal_mode = raw_text (db, "PRAGMA journal_mode");
  g_assert_cmpstr (journal_mode, ==, "wal");
  g_assert_cmpint (raw_integer (db, "PRAGMA user_version"), ==, AFTERCARE_SQLITE_SCHEMA_VERSION);
  g_assert_cmpint (raw_integer (db, "PRAGMA application_id"), ==, AFTERCARE_SQLITE_APPLICATION_ID);
  /* A new file has pages of 16 KiB. */
  g_assert_cmpint (raw_integer (db, "PRAGMA page_size"), ==, 16384);
  /* Foreign keys are on: the session's check-in went with it. */
  g_assert_cmpint (raw_integer (db, "SELECT count(*) FROM checkins"), ==, 0);
  sqlite3_close (db);
}

/* Migrations */

static void
test_migrate_from_v1 (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(AftercareStore) store = NULL;
  g_autoptr(AftercareSession) session = NULL;
  g_autoptr(GPtrArray) checkins = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *ended_at = NULL;
  AftercareCheckin *checkin;
  sqlite3 *db;

  make_v1_file (f->path);
  store = open_store (f->path);
  /* The search index holds the rows that were there before it. */
  g_assert_true (aftercare_store_search (store, "from VERSION", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (aftercare_store_get_found_sessions (store)), ==, 1);
  session = aftercare_store_lookup_session (store, V1_SESSION, &error);
  g_assert_no_error (error);
  ended_at = aftercare_time_format (aftercare_session_get_ended_at (session));
  g_assert_cmpstr (ended_at, ==, "2026-11-24T10:00:00+01:00");
  g_assert_cmpint (aftercare_session_get_massage_type (session), ==, AFTERCARE_MASSAGE_TRIGGER_POINT);
  g_assert_cmpint (aftercare_session_get_areas (session), ==, AFTERCARE_AREA_NECK | AFTERCARE_AREA_SHOULDERS);
  g_assert_true (aftercare_session_get_first_time (session));
  g_assert_cmpstr (aftercare_session_get_notes (session), ==, "From version 1");
  checkins = aftercare_store_list_checkins (store, V1_SESSION, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (checkins->len, ==, 1);
  checkin = g_ptr_array_index (checkins, 0);
  g_assert_cmpuint (aftercare_checkin_get_soreness (checkin), ==, 3);
  g_assert_cmpint (aftercare_checkin_get_symptoms (checkin), ==, AFTERCARE_SYMPTOM_REDUCED_RANGE);

  /* Version 2: rows count their edits, and check-ins are indexed by session;
   * version 3: each row says when it was last written. */
  g_assert_cmpint (aftercare_session_get_version (session), ==, 1);
  aftercare_session_set_notes (session, "Edited after the upgrade");
  g_assert_true (aftercare_store_update_session (store, session, &error));
  g_assert_cmpint (aftercare_session_get_version (session), ==, 2);
  /* Version 4: a search finds rows from before, and follows their edits. */
  g_assert_true (aftercare_store_search (store, "UPGRADE", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (aftercare_store_get_found_sessions (store)), ==, 1);
  g_assert_true (aftercare_store_search (store, "version 1", &error));
  g_assert_cmpuint (g_list_model_get_n_items (aftercare_store_get_found_sessions (store)), ==, 0);
  g_assert_true (aftercare_store_search (store, "neck", &error));
  g_assert_cmpuint (g_list_model_get_n_items (aftercare_store_get_found_sessions (store)), ==, 1);
  db = raw_open (f->path, SQLITE_OPEN_READONLY);
  g_assert_cmpint (raw_integer (db, "PRAGMA user_version"), ==, AFTERCARE_SQLITE_SCHEMA_VERSION);
  g_assert_cmpint (raw_integer (db, "SELECT version FROM sessions"), ==, 2);
  g_assert_cmpint (raw_integer (db, "SELECT updated_us FROM sessions"), >, 0);
  g_assert_cmpint (raw_integer (db, "SELECT updated_us FROM checkins"), ==, 0);
  g_assert_cmpint (raw_integer (db, "SELECT version FROM checkins"), ==, 1);
  g_assert_cmpint (raw_integer (db, "SELECT count(*) FROM sqlite_schema"
                                    " WHERE type = 'index' AND name = 'checkins_by_session'"), ==, 1);
  /* The file keeps the page size it was made with. */
  g_assert_cmpint (raw_integer (db, "PRAGMA page_size"), ==, 4096);
  sqlite3_close (db);
}

/* Bulk writes */

/* The file's indexes, each with its definition. */
static char *
index_list (const char *path)
{
  sqlite3 *db = raw_open (path, SQLITE_OPEN_READONLY);
  char *list = raw_text (db, "SELECT group_concat (name || ': ' || coalesce (sql, ''), '; ')"
                             " FROM (SELECT name, sql FROM sqlite_schema WHERE type = 'index' ORDER BY name)");

  sqlite3_close (db);
  return list;
}

static gint64
schema_version (const char *path)
{
  sqlite3 *db = raw_open (path, SQLITE_OPEN_READONLY);
  gint64 version = raw_integer (db, "PRAGMA schema_version");

  sqlite3_close (db);
  return version;
}

/* An import into empty tables drops the indexes that only order rows and
 * builds them again: after it, or after one that failed, the file has the
 * same indexes, and they hold every row. An import into tables that hold
 * rows leaves the layout alone. */
static void
test_bulk_write_keeps_indexes (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(AftercareStore) store = open_store (f->path);
  g_autofree char *before = index_list (f->path);
  g_autofree char *after_failed = NULL;
  g_autofree char *after = NULL;
  g_autofree char *backup_path = g_build_filename (f->folder, "bad.json", NULL);
  g_autoptr(GFile) backup = g_file_new_for_path (backup_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *check = NULL;
  gint64 version;
  sqlite3 *db;

  g_assert_nonnull (strstr (before, "checkins_by_session: CREATE INDEX"));
  g_assert_nonnull (strstr (before, "sessions_newest_first: CREATE INDEX"));

  /* The last session is bad: nothing stays, the indexes as they were. */
  test_write_json_backup (backup_path, 40, 2, TRUE);
  g_assert_false (aftercare_store_import_file (store, backup, NULL, NULL, &error));
  g_assert_error (error, AFTERCARE_BACKUP_ERROR, AFTERCARE_BACKUP_ERROR_INVALID);
  after_failed = index_list (f->path);
  g_assert_cmpstr (after_failed, ==, before);

  fill (store, 300);
  after = index_list (f->path);
  g_assert_cmpstr (after, ==, before);
  db = raw_open (f->path, SQLITE_OPEN_READONLY);
  check = raw_text (db, "PRAGMA integrity_check");
  g_assert_cmpstr (check, ==, "ok");
  /* The newest first, from the index built again. */
  g_assert_cmpint (raw_integer (db, "SELECT count(*) FROM sessions INDEXED BY sessions_newest_first"
                                    " WHERE ended_us > 0"), ==, 300);
  g_assert_cmpint (raw_integer (db, "SELECT count(*) FROM checkins INDEXED BY checkins_by_session"
                                    " WHERE session_id > ''"), ==, 300);
  sqlite3_close (db);

  version = schema_version (f->path);
  fill (store, 10);
  g_assert_cmpint (schema_version (f->path), ==, version);
  g_assert_cmpuint (g_list_model_get_n_items (aftercare_store_get_sessions (store)), ==, 310);
}

static void
test_migrate_from_empty_file (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(AftercareStore) store = NULL;
  sqlite3 *db;

  g_assert_true (g_file_set_contents (f->path, "", 0, NULL));
  store = open_store (f->path);
  g_assert_cmpuint (g_list_model_get_n_items (aftercare_store_get_sessions (store)), ==, 0);
  db = raw_open (f->path, SQLITE_OPEN_READONLY);
  g_assert_cmpint (raw_integer (db, "PRAGMA user_version"), ==, AFTERCARE_SQLITE_SCHEMA_VERSION);
  sqlite3_close (db);
}

/* Damage: never written, a clear error, and a way out */

static void
assert_refused_untouched (const char *path,
                          int         code,
                          const char *words)
{
  g_autofree char *before = file_checksum (path);
  g_autofree char *after = NULL;
  g_autoptr(AftercareStore) store = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st_before, st_after;

  g_assert_cmpint (g_stat (path, &st_before), ==, 0);
  store = aftercare_store_open (path, test_time_source (), &error);
  g_assert_null (store);
  g_assert_error (error, AFTERCARE_STORE_ERROR, code);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, words));
  after = file_checksum (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (g_stat (path, &st_after), ==, 0);
  g_assert_cmpint (st_before.st_mtime, ==, st_after.st_mtime);
  g_assert_cmpuint (st_before.st_mode, ==, st_after.st_mode);
}

static void
test_damaged_not_sqlite (Fixture       *f,
                         gconstpointer  data)
{
  g_assert_true (g_file_set_contents (f->path, "session_id,ended_at\nnot a database\n", -1, NULL));
  assert_refused_untouched (f->path, AFTERCARE_STORE_ERROR_DAMAGED, "not an SQLite database");
}

/* Overwrites one page of the sessions table with noise. */
static void
corrupt_sessions_table (const char *path)
{
  sqlite3 *db = raw_open (path, SQLITE_OPEN_READONLY);
  gint64 page_size = raw_integer (db, "PRAGMA page_size");
  gint64 root = raw_integer (db, "SELECT rootpage FROM sqlite_schema WHERE name = 'sessions'");
  g_autofree char *contents = NULL;
  gsize length;

  sqlite3_close (db);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >=, (gsize) (root * page_size));
  memset (contents + (root - 1) * page_size, 0x5A, page_size);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
}

static void
test_damaged_fails_quick_check (Fixture       *f,
                                gconstpointer  data)
{
  AftercareStore *store = open_store (f->path);

  fill (store, 300);
  g_object_unref (store);   /* the last connection folds the log into the file */
  corrupt_sessions_table (f->path);
  assert_refused_untouched (f->path, AFTERCARE_STORE_ERROR_DAMAGED, "cannot be used");
}

static void
keep_result_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* Opening for a window leaves PRAGMA quick_check for later: what it reads
 * does not grow with the file. */
static void
test_check_later_reads_what_it_needs (Fixture       *f,
                                      gconstpointer  data)
{
  g_autofree char *small = g_build_filename (f->folder, "small.db", NULL);
  guint64 before, read_small, read_large, read_checked;
  AftercareStore *store;
  GStatBuf st;

  store = open_store (small);
  fill (store, 10);
  g_object_unref (store);
  store = open_store (f->path);
  fill (store, 3000);
  g_object_unref (store);

  before = test_bytes_read ();
  store = aftercare_store_open_full (small, test_time_source (), AFTERCARE_STORE_OPEN_CHECK_LATER, NULL);
  read_small = test_bytes_read () - before;
  g_object_unref (store);
  before = test_bytes_read ();
  store = aftercare_store_open_full (f->path, test_time_source (), AFTERCARE_STORE_OPEN_CHECK_LATER, NULL);
  read_large = test_bytes_read () - before;
  g_assert_nonnull (store);
  g_assert_cmpuint (g_list_model_get_n_items (aftercare_store_get_sessions (store)), ==, 3000);
  g_object_unref (store);
  before = test_bytes_read ();
  store = open_store (f->path);
  read_checked = test_bytes_read () - before;
  g_object_unref (store);

  /* Checked, opening reads the whole file; unchecked, the list's length
   * only (counted from its index, a small part of the file). */
  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_test_message ("file %" G_GINT64_FORMAT " bytes; read: small %" G_GUINT64_FORMAT
                  ", large %" G_GUINT64_FORMAT ", checked %" G_GUINT64_FORMAT,
                  (gint64) st.st_size, read_small, read_large, read_checked);
  g_assert_cmpuint (read_checked, >=, (guint64) st.st_size);
  g_assert_cmpuint (read_large, <, (guint64) st.st_size / 4);
}

/* A file damaged where only quick_check looks opens for a window, but is
 * never written: the first write waits for the check and is refused, and
 * so is every one after it. */
static void
test_check_later_refuses_writes_to_damage (Fixture       *f,
                                           gconstpointer  data)
{
  AftercareStore *store = open_store (f->path);
  g_autoptr(AftercareSession) session = test_session_new ("2026-11-24T10:00:00Z");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  fill (store, 300);
  g_object_unref (store);
  test_corrupt_table (f->path, "checkins");
  before = file_checksum (f->path);

  store = aftercare_store_open_full (f->path, test_time_source (), AFTERCARE_STORE_OPEN_CHECK_LATER, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_false (aftercare_store_add_session (store, session, &error));
  g_assert_error (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, "integrity check"));
  g_clear_error (&error);

  /* The check, when asked for, says the same. */
  aftercare_store_check_async (store, NULL, keep_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (aftercare_store_check_finish (store, result, &error));
  g_assert_error (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_DAMAGED);
  g_clear_error (&error);
  g_assert_false (aftercare_store_add_session (store, session, &error));
  g_assert_error (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_DAMAGED);
  g_object_unref (store);

  after = file_checksum (f->path);
  g_assert_cmpstr (before, ==, after);
}

/* A sound file of 30 sessions, opened again with its check left for later. */
static AftercareStore *
open_filled_checking_later (Fixture *f)
{
  AftercareStore *store = open_store (f->path);
  g_autoptr(GError) error = NULL;

  fill (store, 30);
  g_object_unref (store);
  store = aftercare_store_open_full (f->path, test_time_source (), AFTERCARE_STORE_OPEN_CHECK_LATER, &error);
  g_assert_no_error (error);
  return store;
}

/* A sound file checked in a worker thread: then writing goes ahead. */
static void
test_check_later_then_write (Fixture       *f,
                             gconstpointer  data)
{
  AftercareStore *store = open_filled_checking_later (f);
  g_autoptr(AftercareSession) session = test_session_new ("2026-11-24T10:00:00Z");
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  aftercare_store_check_async (store, NULL, keep_result_cb, &result);
  /* A write while the check may still run waits for it. */
  g_assert_true (aftercare_store_add_session (store, session, &error));
  g_assert_no_error (error);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (aftercare_store_check_finish (store, result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (aftercare_store_get_sessions (store)), ==, 31);
  g_object_unref (store);
}

/* The process's threads, less GLib's own worker ("gmain"): GLib starts it
 * once, the first time something needs it, and keeps it. */
static guint
count_threads (void)
{
  g_autoptr(GDir) dir = g_dir_open ("/proc/self/task", 0, NULL);
  const char *task;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((task = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_strdup_printf ("/proc/self/task/%s/comm", task);
      g_autofree char *name = NULL;

      if (!g_file_get_contents (path, &name, NULL, NULL))
        continue;  /* ended meanwhile */
      if (g_strcmp0 (g_strchomp (name), "gmain") != 0)
        n++;
    }
  return n;
}

/* The check runs once, at start: its thread ends with it. One from GLib's
 * pool would linger, and wake the process again half a second later. */
static void
test_check_later_leaves_no_thread (Fixture       *f,
                                   gconstpointer  data)
{
  AftercareStore *store = open_filled_checking_later (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  guint threads_before;
  gint64 deadline;

  threads_before = count_threads ();
  aftercare_store_check_async (store, NULL, keep_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (aftercare_store_check_finish (store, result, &error));
  g_assert_no_error (error);
  /* Its last steps may still be under way: a moment, not GLib's seconds. */
  deadline = g_get_monotonic_time () + 300 * G_TIME_SPAN_MILLISECOND;
  while (count_threads () > threads_before && g_get_monotonic_time () < deadline)
    g_usleep (5 * G_TIME_SPAN_MILLISECOND);
  g_assert_cmpuint (count_threads (), ==, threads_before);
  g_object_unref (store);
}

/* With no thread to be had (a system at its limit), the check runs at
 * once instead: the program goes on, the file checked before any write. */
static void
test_check_later_without_threads (Fixture       *f,
                                  gconstpointer  data)
{
  if (g_test_subprocess ())
    {
      AftercareStore *store = open_filled_checking_later (f);
      g_autoptr(AftercareSession) session = test_session_new ("2026-11-24T10:00:00Z");
      g_autoptr(GError) error = NULL;
      g_autoptr(GAsyncResult) result = NULL;

      test_forbid_threads ();
      aftercare_store_check_async (store, NULL, keep_result_cb, &result);
      /* Answered from the main loop, as from a thread. */
      g_assert_null (result);
      while (result == NULL)
        g_main_context_iteration (NULL, TRUE);
      g_assert_true (aftercare_store_check_finish (store, result, &error));
      g_assert_no_error (error);
      g_assert_true (aftercare_store_add_session (store, session, &error));
      g_assert_no_error (error);
      g_object_unref (store);
      return;
    }
  test_trap_without_threads ();
}

/* A check that runs out of memory has not found damage. SQLite reports a
 * page it could not read for want of memory as a row of the check, not
 * as an error; read as damage, it would offer to start fresh on a sound
 * log. Checked with SQLite's memory capped at less and less above what it
 * holds, on a file with long notes too: some checks fail, none calls the
 * file damaged. */
static void
test_check_short_of_memory_is_not_damage (Fixture       *f,
                                          gconstpointer  data)
{
  AftercareStore *store = open_store (f->path);
  guint n_passed = 0, n_failed = 0;

  fill (store, 300);
  /* Notes longer than a page, in chains of overflow pages: the check reads
   * those apart, and says "failed to get page" when it cannot. */
  for (guint i = 0; i < 20; i++)
    {
      g_autoptr(AftercareSession) session = test_session_new ("2026-11-03T10:00:00Z");
      g_autofree char *notes = g_strnfill (20000, (char) ('a' + i));
      g_autoptr(GError) error = NULL;

      aftercare_session_set_notes (session, notes);
      g_assert_true (aftercare_store_add_session (store, session, &error));
      g_assert_no_error (error);
    }
  g_object_unref (store);
  for (gint64 margin = 2048 * 1024; margin >= 0; margin -= 4 * 1024)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok;

      sqlite3_hard_heap_limit64 (sqlite3_memory_used () + margin);
      ok = aftercare_sqlite_file_check_integrity (f->path, &error);
      sqlite3_hard_heap_limit64 (0);
      if (ok)
        n_passed++;
      else
        n_failed++;
      if (error != NULL && g_error_matches (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_DAMAGED))
        g_error ("With %" G_GINT64_FORMAT " bytes to spare: %s", margin, error->message);
    }
  g_test_message ("%u checks passed, %u could not check", n_passed, n_failed);
  g_assert_cmpuint (n_passed, >, 0);
  g_assert_cmpuint (n_failed, >, 0);
}

static void
test_damaged_too_new (Fixture       *f,
                      gconstpointer  data)
{
  AftercareStore *store = open_store (f->path);
  g_autofree char *newer = g_strdup_printf ("PRAGMA user_version = %d", AFTERCARE_SQLITE_SCHEMA_VERSION + 1);
  sqlite3 *db;

  fill (store, 3);
  g_object_unref (store);
  db = raw_open (f->path, SQLITE_OPEN_READWRITE);
  raw_exec (db, newer);
  sqlite3_close (db);
  assert_refused_untouched (f->path, AFTERCARE_STORE_ERROR_TOO_NEW, "newer version of Aftercare");
}

static void
test_damaged_other_program (Fixture       *f,
                            gconstpointer  data)
{
  sqlite3 *db = raw_open (f->path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);

  raw_exec (db, "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Ana')");
  sqlite3_close (db);
  assert_refused_untouched (f->path, AFTERCARE_STORE_ERROR_DAMAGED, "belongs to another program");
}

static void
test_folder_is_not_damage (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* A folder where the file should be is a mistake to report, not a
   * damaged database to offer moving aside. */
  g_assert_cmpint (g_mkdir (f->path, 0700), ==, 0);
  g_assert_null (aftercare_store_open (f->path, test_time_source (), &error));
  g_assert_error (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, f->path));
}

static void
test_start_fresh (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *before = NULL;
  g_autofree char *backup_path = NULL;
  g_autofree char *backup_wal = NULL;
  g_autofree char *moved = NULL;
  g_autoptr(AftercareStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (f->path, "not a database", -1, NULL));
  g_assert_true (g_file_set_contents (wal, "an old log", -1, NULL));
  before = file_checksum (f->path);
  g_assert_null (aftercare_store_open (f->path, test_time_source (), &error));
  g_clear_error (&error);

  g_assert_true (aftercare_store_start_fresh (f->path, test_now (), &backup_path, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (backup_path, f->path));
  g_assert_true (g_str_has_suffix (backup_path, ".bak"));
  moved = file_checksum (backup_path);
  g_assert_cmpstr (moved, ==, before);
  backup_wal = g_strconcat (backup_path, "-wal", NULL);
  g_assert_true (g_file_test (backup_wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));

  store = open_store (f->path);
  g_assert_cmpuint (g_list_model_get_n_items (aftercare_store_get_sessions (store)), ==, 0);
  g_assert_true (g_file_test (backup_path, G_FILE_TEST_EXISTS));
}

/* Two programs writing one file at the same time */

static GSubprocess *
spawn_helper (const char * const *args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  GSubprocess *process;

  g_ptr_array_add (argv, (char *) g_getenv ("AFTERCARE_STORE_HELPER"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  process = g_subprocess_newv ((const char * const *) argv->pdata, G_SUBPROCESS_FLAGS_NONE, &error);
  g_assert_no_error (error);
  return process;
}

static void
test_two_processes_write (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(AftercareStore) created = open_store (f->path);
  g_autoptr(GSubprocess) first = spawn_helper ((const char *[]) { "add-sessions", f->path, "120", "desk-1", NULL });
  g_autoptr(GSubprocess) second = spawn_helper ((const char *[]) { "add-sessions", f->path, "120", "desk-2", NULL });
  g_autoptr(AftercareStore) store = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *sessions;
  guint n_first = 0, n_second = 0;

  g_assert_true (g_subprocess_wait_check (first, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait_check (second, NULL, &error));
  g_assert_no_error (error);

  store = open_store (f->path);
  sessions = aftercare_store_get_sessions (store);
  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, 240);
  for (guint i = 0; i < 240; i++)
    {
      g_autoptr(AftercareSession) session = g_list_model_get_item (sessions, i);

      n_first += g_str_equal (aftercare_session_get_client (session), "desk-1");
      n_second += g_str_equal (aftercare_session_get_client (session), "desk-2");
    }
  g_assert_cmpuint (n_first, ==, 120);
  g_assert_cmpuint (n_second, ==, 120);
  /* The store opened before them sees them on its next look. */
  g_assert_true (aftercare_store_refresh (created));
  g_assert_cmpuint (g_list_model_get_n_items (aftercare_store_get_sessions (created)), ==, 240);
}

static void
test_unreadable_row_is_named (Fixture       *f,
                              gconstpointer  data)
{
  AftercareStore *store = open_store (f->path);
  g_autoptr(AftercareSession) session = NULL;
  g_autoptr(AftercareCheckin) checkin = NULL;
  g_autoptr(GPtrArray) checkins = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *session_id = NULL;
  g_autoptr(GDateTime) end = aftercare_time_parse ("2026-11-24T10:00:00+01:00");
  g_autoptr(GDateTime) later = g_date_time_add_hours (end, 6);
  sqlite3 *db;

  session = aftercare_session_new (end);
  session_id = g_strdup (aftercare_session_get_id (session));
  g_assert_true (aftercare_store_add_session (store, session, NULL));
  checkin = aftercare_checkin_new (session_id, later, 3, AFTERCARE_SYMPTOM_NONE);
  g_assert_true (aftercare_store_add_checkin (store, checkin, NULL));
  g_object_unref (store);

  /* Another program writes values Aftercare never would. */
  db = raw_open (f->path, SQLITE_OPEN_READWRITE);
  raw_exec (db, "UPDATE sessions SET type = 'shiatsu'; UPDATE checkins SET symptoms = 'itching'");
  sqlite3_close (db);

  store = open_store (f->path);
  g_clear_object (&session);
  session = aftercare_store_lookup_session (store, session_id, &error);
  g_assert_null (session);
  g_assert_error (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, session_id));
  g_assert_nonnull (strstr (error->message, "“type”"));
  g_clear_error (&error);

  checkins = aftercare_store_list_checkins (store, session_id, &error);
  g_assert_null (checkins);
  g_assert_error (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, "“symptoms”"));
  g_object_unref (store);
}

int
main (int argc, char *argv[])
{
  /* A data folder of its own, set before GLib first reads it (GLib's
   * G_TEST_OPTION_ISOLATE_DIRS would do, but leaks in GLib 2.74). */
  g_autofree char *data_home = test_make_folder ();
  int status;

  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_test_init (&argc, &argv, NULL);

  ADD ("/sqlite/file/private", test_file_is_private);
  ADD ("/sqlite/file/loose-file-made-private", test_loose_file_made_private);
  ADD ("/sqlite/file/default-location", test_default_location);
  ADD ("/sqlite/file/pragmas", test_pragmas);
  ADD ("/sqlite/migrate/from-v1", test_migrate_from_v1);
  ADD ("/sqlite/migrate/from-empty-file", test_migrate_from_empty_file);
  ADD ("/sqlite/damaged/not-sqlite", test_damaged_not_sqlite);
  ADD ("/sqlite/damaged/fails-quick-check", test_damaged_fails_quick_check);
  ADD ("/sqlite/damaged/too-new", test_damaged_too_new);
  ADD ("/sqlite/check-later/reads-what-it-needs", test_check_later_reads_what_it_needs);
  ADD ("/sqlite/check-later/refuses-writes-to-damage", test_check_later_refuses_writes_to_damage);
  ADD ("/sqlite/check-later/then-write", test_check_later_then_write);
  ADD ("/sqlite/check-later/leaves-no-thread", test_check_later_leaves_no_thread);
  ADD ("/sqlite/check-later/without-threads", test_check_later_without_threads);
  ADD ("/sqlite/damaged/other-program", test_damaged_other_program);
  ADD ("/sqlite/damaged/check-short-of-memory-is-not-damage", test_check_short_of_memory_is_not_damage);
  ADD ("/sqlite/damaged/start-fresh", test_start_fresh);
  ADD ("/sqlite/damaged/folder-is-not-damage", test_folder_is_not_damage);
  ADD ("/sqlite/damaged/unreadable-row-is-named", test_unreadable_row_is_named);
  ADD ("/sqlite/two-processes-write", test_two_processes_write);
  ADD ("/sqlite/bulk-write/keeps-indexes", test_bulk_write_keeps_indexes);

  status = g_test_run ();
  test_remove_folder (data_home);
  return status;
}
