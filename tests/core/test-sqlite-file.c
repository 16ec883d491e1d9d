/* test-sqlite-file.c: the database file's life: private from birth, on disk at each commit, migrated whole or not at all, moved aside whole (aftercare-sqlite-file.c). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include "aftercare-sqlite-file.h"
#include "aftercare-store.h"
#include "sqlite-test-util.h"
#include "store-test-util.h"

static char *
companion (const char *path,
           const char *suffix)
{
  return g_strconcat (path, suffix, NULL);
}

/* Born private */

/* Opens path while no file may grow beyond limit bytes: a full disk, as
 * the database engine meets it (a write fails with EFBIG). */
static AftercareStore *
open_on_full_disk (const char  *path,
                   rlim_t       limit,
                   GError     **error)
{
  struct rlimit before, full;
  void (*handler) (int) = signal (SIGXFSZ, SIG_IGN);
  AftercareStore *store;

  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &before), ==, 0);
  full = before;
  full.rlim_cur = limit;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &full), ==, 0);
  store = aftercare_store_open (path, test_time_source (), error);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &before), ==, 0);
  signal (SIGXFSZ, handler);
  return store;
}

/* The disk fills up while a new database is being set up: opening fails
 * after the file was made, and what is left of it is readable by this
 * user alone, as it would have been had it opened. */
static void
test_private_when_opening_fails (Fixture       *f,
                                 gconstpointer  data)
{
  const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };
  g_autoptr(AftercareStore) store = NULL;
  g_autoptr(GError) error = NULL;
  mode_t old_umask = umask (022);

  store = open_on_full_disk (f->path, 1024, &error);
  umask (old_umask);
  g_assert_null (store);
  g_assert_error (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_FAILED);
  g_test_message ("%s", error->message);

  g_assert_true (g_file_test (f->path, G_FILE_TEST_EXISTS));
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = companion (f->path, suffixes[i]);

      if (g_file_test (name, G_FILE_TEST_EXISTS))
        g_assert_cmpuint (file_mode (name), ==, 0600);
    }
  /* With room again, the same file opens as a new, empty database. */
  g_clear_error (&error);
  store = aftercare_store_open (f->path, test_time_source (), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (aftercare_store_get_sessions (store)), ==, 0);
  g_assert_cmpuint (file_mode (f->path), ==, 0600);
}

/* The store's own connection */

static sqlite3 *last_connection;
static int max_cache_used;

static int
remember_connection (sqlite3                     *db,
                     char                       **message,
                     const sqlite3_api_routines  *api)
{
  last_connection = db;
  return SQLITE_OK;
}

/* Opens the store at path; its own connection, for reading settings
 * that live in one connection. */
static AftercareStore *
open_store_and_connection (const char  *path,
                           sqlite3    **db)
{
  g_autoptr(GError) error = NULL;
  AftercareStore *store;

  sqlite3_auto_extension ((void (*) (void)) remember_connection);
  store = aftercare_store_open (path, test_time_source (), &error);
  sqlite3_cancel_auto_extension ((void (*) (void)) remember_connection);
  g_assert_no_error (error);
  *db = g_steal_pointer (&last_connection);
  g_assert_nonnull (*db);
  return store;
}

/* Settings that live in one connection, read through the connection the
 * store writes with (another connection has its own): each commit is on
 * disk before it returns (synchronous FULL, so a power cut keeps the
 * last entry), deleting a session deletes its check-ins, a writer waits
 * for another desk's transaction, and the schema runs no code of its own. */
static void
test_connection_settings (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(AftercareStore) store = NULL;
  g_autofree char *opened = NULL, *expected = NULL;
  int defensive = -1;
  sqlite3 *db;

  store = open_store_and_connection (f->path, &db);

  /* The last connection opened is the store's: on this file, for writing. */
  opened = realpath (sqlite3_db_filename (db, "main"), NULL);
  expected = realpath (f->path, NULL);
  g_assert_cmpstr (opened, ==, expected);
  g_assert_cmpint (sqlite3_db_readonly (db, "main"), ==, 0);
  g_assert_cmpint (raw_integer (db, "PRAGMA synchronous"), ==, 2 /* FULL */);
  g_assert_cmpint (raw_integer (db, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (raw_integer (db, "PRAGMA busy_timeout"), ==, 5000);
  g_assert_cmpint (raw_integer (db, "PRAGMA trusted_schema"), ==, 0);
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, -1, &defensive);
  g_assert_cmpint (defensive, ==, 1);
}

/* The largest page cache seen while rows were written. */
static void
note_cache_used (void          *data,
                 int            operation,
                 const char    *database,
                 const char    *table,
                 sqlite3_int64  rowid)
{
  sqlite3 **db = data;
  int used = 0, highwater = 0;

  sqlite3_db_status (*db, SQLITE_DBSTATUS_CACHE_USED, &used, &highwater, 0);
  max_cache_used = MAX (max_cache_used, used);
}

/* An import holds more of the file in memory than the usual cache, so the
 * rows it scatters over the id indexes are not written out and read back
 * again and again; once it has ended, whether stored or refused, the
 * connection gives that memory back. */
static void
test_import_cache_given_back (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(AftercareStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = g_build_filename (f->folder, "backup.json", NULL);
  g_autofree char *bad = g_build_filename (f->folder, "bad.json", NULL);
  g_autoptr(GFile) backup_file = g_file_new_for_path (backup);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad);
  const int usual_kib = 2000;
  sqlite3 *db;

  store = open_store_and_connection (f->path, &db);
  g_assert_cmpint (raw_integer (db, "PRAGMA cache_size"), ==, -usual_kib);

  test_write_json_backup (backup, 3000, 10, FALSE);
  test_write_json_backup (bad, 3000, 10, TRUE);
  sqlite3_update_hook (db, note_cache_used, &db);

  /* A refused import (its last check-in is bad) gives it back too; and
   * then one that is stored. */
  max_cache_used = 0;
  g_assert_false (aftercare_store_import_file (store, bad_file, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (max_cache_used, >, 2 * usual_kib * 1024);
  g_assert_cmpint (raw_integer (db, "PRAGMA cache_size"), ==, -usual_kib);

  max_cache_used = 0;
  aftercare_store_import_file (store, backup_file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_test_message ("cache used at most %d KiB", max_cache_used / 1024);
  g_assert_cmpint (max_cache_used, >, 2 * usual_kib * 1024);
  g_assert_cmpint (raw_integer (db, "PRAGMA cache_size"), ==, -usual_kib);

  sqlite3_update_hook (db, NULL, NULL);
}

/* Migrations: all or nothing */

/* What a file holds, as text to compare: version, layout and rows. */
static char *
describe_file (const char *path)
{
  sqlite3 *db = raw_open (path, SQLITE_OPEN_READONLY);
  g_autoptr(GString) text = g_string_new (NULL);
  const char * const queries[] = {
    "SELECT 'user_version ' || user_version FROM pragma_user_version",
    "SELECT group_concat(type || ' ' || name || ': ' || ifnull(sql, ''), char(10))"
    " FROM (SELECT * FROM sqlite_schema ORDER BY name)",
    "SELECT group_concat(row, char(10)) FROM (SELECT id || '|' || ended_at || '|' || ended_us || '|'"
    " || duration_minutes || '|' || type || '|' || pressure || '|' || first_time || '|' || areas"
    " || '|' || client || '|' || therapist || '|' || notes AS row FROM sessions ORDER BY id)",
    "SELECT group_concat(row, char(10)) FROM (SELECT id || '|' || session_id || '|' || at || '|'"
    " || at_us || '|' || soreness || '|' || symptoms || '|' || notes AS row FROM checkins ORDER BY id)",
  };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autofree char *part = raw_text (db, queries[i]);

      g_string_append_printf (text, "%s\n", part);
    }
  sqlite3_close (db);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* A version 1 file, and what someone added to it by hand that makes one
 * step of the way to the current version fail. */
static const struct {
  const char *name;
  const char *addition;
} half_way[] = {
  /* 1 -> 2 adds two columns, then fails on its index. */
  { "within-a-step", "CREATE INDEX checkins_by_session ON checkins (session_id)" },
  /* 1 -> 2 succeeds, then 2 -> 3 fails on its first column. */
  { "between-steps", "ALTER TABLE sessions ADD COLUMN updated_us INTEGER" },
};

/* A migration that fails half way leaves the file as it found it: its
 * version, its tables and indexes, every row. */
static void
test_migration_fails_half_way (Fixture       *f,
                               gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (half_way); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s.%s", f->path, half_way[i].name);
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      g_autoptr(AftercareStore) store = NULL;
      g_autoptr(GError) error = NULL;
      sqlite3 *db;

      make_v1_file (path);
      db = raw_open (path, SQLITE_OPEN_READWRITE);
      raw_exec (db, half_way[i].addition);
      sqlite3_close (db);
      before = describe_file (path);

      store = aftercare_store_open (path, test_time_source (), &error);
      g_assert_null (store);
      g_assert_error (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_FAILED);
      g_test_message ("%s: %s", half_way[i].name, error->message);
      after = describe_file (path);
      g_assert_cmpstr (after, ==, before);
      g_assert_true (g_str_has_prefix (after, "user_version 1\n"));
    }
}

/* Refused files */

/* A file refused for what it is (here: written by a newer Aftercare),
 * found with the write-ahead log a crash left beside it: neither the file
 * nor its log is written, and the log is not folded into the file. */
static void
test_refused_file_keeps_its_log (Fixture       *f,
                                 gconstpointer  data)
{
  g_autofree char *wal = companion (f->path, "-wal");
  g_autofree char *newer = g_strdup_printf ("PRAGMA user_version = %d", AFTERCARE_SQLITE_SCHEMA_VERSION + 1);
  g_autofree char *file_before = NULL, *wal_before = NULL, *file_after = NULL, *wal_after = NULL;
  g_autoptr(AftercareStore) store = aftercare_store_open (f->path, test_time_source (), NULL);
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  g_assert_nonnull (store);
  g_clear_object (&store);
  /* A newer Aftercare's last writes, still only in its log. */
  db = raw_open (f->path, SQLITE_OPEN_READWRITE);
  sqlite3_db_config (db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
  raw_exec (db, newer);
  raw_exec (db, "CREATE TABLE later_things (what TEXT)");
  sqlite3_close (db);
  file_before = file_checksum (f->path);
  wal_before = file_checksum (wal);

  store = aftercare_store_open (f->path, test_time_source (), &error);
  g_assert_null (store);
  g_assert_error (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_TOO_NEW);
  file_after = file_checksum (f->path);
  g_assert_cmpstr (file_after, ==, file_before);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  wal_after = file_checksum (wal);
  g_assert_cmpstr (wal_after, ==, wal_before);
}

/* Start fresh */

/* Moving a damaged file aside takes everything SQLite keeps beside it,
 * each under the backup's name with its own suffix, the bytes unchanged:
 * a new database must never find an old log or lock file and use it. */
static void
test_start_fresh_moves_every_companion (Fixture       *f,
                                        gconstpointer  data)
{
  const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };
  g_autofree char *backup = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = companion (f->path, suffixes[i]);
      g_autofree char *contents = g_strdup_printf ("not a database%s", suffixes[i]);

      g_assert_true (g_file_set_contents (name, contents, -1, NULL));
    }
  g_assert_true (aftercare_store_start_fresh (f->path, test_now (), &backup, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = companion (f->path, suffixes[i]);
      g_autofree char *moved = companion (backup, suffixes[i]);
      g_autofree char *contents = NULL;
      g_autofree char *expected = g_strdup_printf ("not a database%s", suffixes[i]);

      g_assert_false (g_file_test (name, G_FILE_TEST_EXISTS));
      g_assert_true (g_file_get_contents (moved, &contents, NULL, NULL));
      g_assert_cmpstr (contents, ==, expected);
    }
}

/* The names a backup made now or in the next two seconds would take. */
static GPtrArray *
names_taken_soon (const char *path)
{
  GDateTime *now = test_now ();
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  for (int i = 0; i < 3; i++)
    {
      g_autoptr(GDateTime) then = g_date_time_add_seconds (now, i);
      g_autofree char *stamp = g_date_time_format (then, "%Y%m%d-%H%M%S");

      g_ptr_array_add (names, g_strdup_printf ("%s.%s.bak", path, stamp));
    }
  return names;
}

/* An earlier backup, or only the log of one, under the name a new backup
 * would take: the new one goes beside it, and the earlier one keeps every
 * byte. */
static void
test_start_fresh_keeps_earlier_backups (Fixture       *f,
                                        gconstpointer  data)
{
  const char * const taken_by[] = { "", "-wal" };

  for (guint i = 0; i < G_N_ELEMENTS (taken_by); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s%u", f->path, i);
      g_autoptr(GPtrArray) earlier = names_taken_soon (path);
      g_autofree char *backup = NULL;
      g_autofree char *moved = NULL;
      g_autoptr(GError) error = NULL;

      for (guint j = 0; j < earlier->len; j++)
        {
          g_autofree char *name = companion (g_ptr_array_index (earlier, j), taken_by[i]);

          g_assert_true (g_file_set_contents (name, "an earlier backup", -1, NULL));
        }
      g_assert_true (g_file_set_contents (path, "the damaged file", -1, NULL));
      g_assert_true (aftercare_store_start_fresh (path, test_now (), &backup, &error));
      g_assert_no_error (error);

      g_assert_true (g_file_get_contents (backup, &moved, NULL, NULL));
      g_assert_cmpstr (moved, ==, "the damaged file");
      for (guint j = 0; j < earlier->len; j++)
        {
          g_autofree char *name = companion (g_ptr_array_index (earlier, j), taken_by[i]);
          g_autofree char *contents = NULL;

          g_assert_cmpstr (backup, !=, g_ptr_array_index (earlier, j));
          g_assert_true (g_file_get_contents (name, &contents, NULL, NULL));
          g_assert_cmpstr (contents, ==, "an earlier backup");
        }
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/sqlite-file/private-when-opening-fails", test_private_when_opening_fails);
  ADD ("/sqlite-file/connection-settings", test_connection_settings);
  ADD ("/sqlite-file/import-cache-given-back", test_import_cache_given_back);
  ADD ("/sqlite-file/migration-fails-half-way", test_migration_fails_half_way);
  ADD ("/sqlite-file/refused-file-keeps-its-log", test_refused_file_keeps_its_log);
  ADD ("/sqlite-file/start-fresh-moves-every-companion", test_start_fresh_moves_every_companion);
  ADD ("/sqlite-file/start-fresh-keeps-earlier-backups", test_start_fresh_keeps_earlier_backups);

  return g_test_run ();
}
