/* test-store-crash.c: a program killed in the middle of a large import leaves all of it or none (aftercare-store.c, aftercare-sqlite-backend.c). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "aftercare-backup-writer.h"
#include "aftercare-store.h"
#include "aftercare-time.h"
#include "store-test-util.h"

#define BATCH_SESSIONS 800
#define CHECKINS_PER_SESSION 9
#define N_KILLS 24

/* Writes a JSON backup of new sessions, all for the client called tag. */
static void
write_batch (const char *path,
             const char *tag,
             guint       n_sessions)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileOutputStream) stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error);
  g_autoptr(GDateTime) start = aftercare_time_parse ("2026-06-01T09:00:00+02:00");
  g_autoptr(AftercareBackupWriter) writer = NULL;

  g_assert_no_error (error);
  writer = aftercare_backup_writer_new (G_OUTPUT_STREAM (stream), AFTERCARE_BACKUP_FORMAT_JSON, start);
  for (guint i = 0; i < n_sessions; i++)
    {
      g_autoptr(GDateTime) end = g_date_time_add_minutes (start, g_random_int_range (0, 200000));
      g_autoptr(AftercareSession) session = aftercare_session_new (end);
      g_autoptr(GPtrArray) checkins = g_ptr_array_new_with_free_func (g_object_unref);

      aftercare_session_set_client (session, tag);
      for (guint j = 0; j < CHECKINS_PER_SESSION; j++)
        {
          g_autoptr(GDateTime) at = g_date_time_add_hours (end, 2 + 6 * j);

          g_ptr_array_add (checkins, aftercare_checkin_new (aftercare_session_get_id (session), at,
                                                            j % 11, AFTERCARE_SYMPTOM_HEAVINESS));
        }
      g_assert_true (aftercare_backup_writer_add (writer, session, checkins, &error));
    }
  g_assert_true (aftercare_backup_writer_finish (writer, &error));
  g_assert_true (g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &error));
  g_assert_no_error (error);
}

/* Sessions, or their check-ins, of one client, read as another program would. */
static gint64
count_rows (sqlite3    *db,
            const char *sql,
            const char *tag)
{
  sqlite3_stmt *stmt = NULL;
  gint64 count;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, tag, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  count = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return count;
}

static gint64
count_sessions (sqlite3    *db,
                const char *tag)
{
  return count_rows (db, "SELECT count(*) FROM sessions WHERE client = ?1", tag);
}

static gint64
count_checkins (sqlite3    *db,
                const char *tag)
{
  return count_rows (db, "SELECT count(*) FROM checkins JOIN sessions ON sessions.id = checkins.session_id"
                         " WHERE sessions.client = ?1", tag);
}

static void
assert_integrity (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
}

/* Starts the helper importing file, and returns once it has read and
 * checked the file, about to write. */
static GSubprocess *
start_import (const char *db_path,
              const char *file)
{
  const char *argv[] = { g_getenv ("AFTERCARE_STORE_HELPER"), "import", db_path, file, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) output = NULL;
  g_autofree char *line = NULL;
  GSubprocess *process;

  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  g_assert_no_error (error);
  output = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  line = g_data_input_stream_read_line (output, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (line, ==, "parsed");
  return process;
}

/* How long the helper takes from "parsed" to its end, on a copy. */
static gint64
time_one_import (const char *folder,
                 const char *db_path)
{
  g_autofree char *copy = g_build_filename (folder, "calibration.db", NULL);
  g_autofree char *file = g_build_filename (folder, "calibration.json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  gint64 start;

  g_assert_true (g_file_get_contents (db_path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (copy, contents, length, NULL));
  write_batch (file, "calibration", BATCH_SESSIONS);
  process = start_import (copy, file);
  start = g_get_monotonic_time ();
  g_assert_true (g_subprocess_wait_check (process, NULL, &error));
  g_assert_no_error (error);
  return g_get_monotonic_time () - start;
}

typedef struct
{
  GPtrArray *committed;   /* tags whose import is in the database */
  guint interrupted;      /* killed, and nothing of the import stayed */
  guint killed_after_commit;
  guint finished;
} Outcomes;

/* After a kill: the database opens and is whole, the import is all there
 * or not at all, and everything from before is still there. */
static void
check_database (const char *db_path,
                const char *tag,
                gboolean    killed,
                Outcomes   *outcomes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AftercareStore) store = aftercare_store_open (db_path, test_time_source (), &error);
  sqlite3 *db = NULL;
  gint64 n_imported;
  guint n_listed;

  g_assert_no_error (error);
  n_listed = g_list_model_get_n_items (aftercare_store_get_sessions (store));
  g_clear_object (&store);

  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  assert_integrity (db);
  for (guint i = 0; i < outcomes->committed->len; i++)
    {
      const char *earlier = g_ptr_array_index (outcomes->committed, i);

      g_assert_cmpint (count_sessions (db, earlier), ==, BATCH_SESSIONS);
      g_assert_cmpint (count_checkins (db, earlier), ==, BATCH_SESSIONS * CHECKINS_PER_SESSION);
    }
  n_imported = count_sessions (db, tag);
  g_assert_true (n_imported == 0 || n_imported == BATCH_SESSIONS);
  g_assert_cmpint (count_checkins (db, tag), ==, n_imported * CHECKINS_PER_SESSION);
  sqlite3_close (db);
  g_assert_cmpuint (n_listed, ==, BATCH_SESSIONS * outcomes->committed->len + n_imported);

  if (n_imported > 0)
    g_ptr_array_add (outcomes->committed, g_strdup (tag));
  if (!killed)
    g_assert_cmpint (n_imported, ==, BATCH_SESSIONS);
  outcomes->interrupted += killed && n_imported == 0;
  outcomes->killed_after_commit += killed && n_imported > 0;
  outcomes->finished += !killed;
}

static void
kill_after (GSubprocess *process,
            gint64       delay,
            gboolean    *killed)
{
  g_usleep (delay);
  g_subprocess_force_exit (process);   /* SIGKILL */
  g_subprocess_wait (process, NULL, NULL);
  *killed = g_subprocess_get_if_signaled (process);
  if (!*killed)
    g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
}

static void
test_kill_during_import (void)
{
  g_autofree char *folder = test_make_folder ();
  g_autofree char *db_path = g_build_filename (folder, "aftercare.db", NULL);
  g_autofree char *base = g_build_filename (folder, "base.json", NULL);
  Outcomes outcomes = { g_ptr_array_new_with_free_func (g_free), 0, 0, 0 };
  g_autoptr(GSubprocess) first = NULL;
  g_autoptr(GError) error = NULL;
  gint64 calibrated, duration;

  /* Data from before, which every kill must leave alone. */
  write_batch (base, "base", BATCH_SESSIONS);
  first = start_import (db_path, base);
  g_assert_true (g_subprocess_wait_check (first, NULL, &error));
  g_ptr_array_add (outcomes.committed, g_strdup ("base"));
  calibrated = duration = time_one_import (folder, db_path);

  for (guint k = 0; k < N_KILLS; k++)
    {
      g_autofree char *tag = g_strdup_printf ("batch-%u", k);
      g_autofree char *file = g_build_filename (folder, "batch.json", NULL);
      g_autoptr(GSubprocess) process = NULL;
      /* Spread over the whole import and a little past its end. */
      gint64 delay = duration * 13 / 10 * k / N_KILLS + g_random_int_range (0, 2000);
      gboolean killed;

      write_batch (file, tag, BATCH_SESSIONS);
      process = start_import (db_path, file);
      kill_after (process, delay, &killed);
      check_database (db_path, tag, killed, &outcomes);
      /* The machine may be busier or idler than when the import was timed:
       * a program that ended before its kill means the estimate was long. */
      if (!killed)
        duration = duration * 8 / 10;
    }
  g_test_message ("import took %" G_GINT64_FORMAT " ms; of %u kills, %u interrupted it (nothing stayed), "
                  "%u came after its commit, %u came after the program ended",
                  calibrated / 1000, N_KILLS, outcomes.interrupted, outcomes.killed_after_commit,
                  outcomes.finished);
  /* Some kills must have landed inside the import for this to prove anything. */
  g_assert_cmpuint (outcomes.interrupted, >=, N_KILLS / 4);
  g_ptr_array_unref (outcomes.committed);
  test_remove_folder (folder);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store/crash/kill-during-import-keeps-all-or-nothing", test_kill_during_import);
  return g_test_run ();
}
