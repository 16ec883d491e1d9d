/* test-pg-desks.c: several desks on one PostgreSQL database, each its own program (aftercare-pg-backend.c, aftercare-store.c, aftercare-cli.c). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "aftercare-backup-writer.h"
#include "aftercare-store.h"
#include "aftercare-time.h"
#include "pdf-text.h"
#include "pg-test-util.h"
#include "store-test-util.h"

#define N_CHECKINS_EACH 1000
#define BATCH_SESSIONS 300
#define CHECKINS_PER_SESSION 9
#define N_TERMINATIONS 8

static AftercareSession *
add_session (AftercareStore *store,
             const char     *notes)
{
  g_autoptr(GError) error = NULL;
  AftercareSession *session = test_session_new ("2026-11-24T10:00:00+01:00");

  aftercare_session_set_notes (session, notes);
  g_assert_true (aftercare_store_add_session (store, session, &error));
  g_assert_no_error (error);
  return session;
}

/* The helper program, with its standard input and output piped. */
static GSubprocess *
start_helper (const char * const *args,
              GSubprocessFlags    flags)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GSubprocess *process;

  g_ptr_array_add (argv, (char *) g_getenv ("AFTERCARE_STORE_HELPER"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  process = g_subprocess_newv ((const char * const *) argv->pdata, flags, &error);
  g_assert_no_error (error);
  return process;
}

static char *
read_line (GSubprocess *process)
{
  g_autoptr(GDataInputStream) output = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  g_autoptr(GError) error = NULL;
  char *line;

  /* One byte at a time: nothing after the line may be swallowed. */
  g_buffered_input_stream_set_buffer_size (G_BUFFERED_INPUT_STREAM (output), 1);
  g_filter_input_stream_set_close_base_stream (G_FILTER_INPUT_STREAM (output), FALSE);
  line = g_data_input_stream_read_line (output, NULL, NULL, &error);
  g_assert_no_error (error);
  return line;
}

static char *
read_rest (GInputStream *stream)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  guint8 buffer[4096];
  gssize n;

  while ((n = g_input_stream_read (stream, buffer, sizeof buffer, NULL, NULL)) > 0)
    g_byte_array_append (bytes, buffer, n);
  g_byte_array_append (bytes, (const guint8 *) "", 1);
  return g_strdup ((const char *) bytes->data);
}

/* Two desks edit one session from the same copy: one is saved, the other
 * refused as a conflict, and nothing is lost or half-written. */
static void
test_two_editors_one_conflict (void)
{
  g_autoptr(AftercareStore) store = NULL;
  g_autoptr(AftercareSession) session = NULL;
  g_autoptr(AftercareSession) stored = NULL;
  GSubprocess *editors[2];
  const char *notes[2] = { "Written at desk A", "Written at desk B" };
  int statuses[2];
  int winner;
  g_autofree char *loser_message = NULL;
  PgTestDatabase *db;

  if (pg_test_skip_without_server ())
    return;
  db = pg_test_database_new (TRUE);
  store = test_store_open (db->desk);
  session = add_session (store, "As first written");
  for (guint i = 0; i < 2; i++)
    {
      const char *args[] = { "edit", db->desk, aftercare_session_get_id (session), notes[i], NULL };

      editors[i] = start_helper (args, G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                       G_SUBPROCESS_FLAGS_STDERR_PIPE);
    }
  /* Both have read version 1 before either saves. */
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *line = read_line (editors[i]);

      g_assert_cmpstr (line, ==, "read");
    }
  for (guint i = 0; i < 2; i++)
    g_output_stream_write_all (g_subprocess_get_stdin_pipe (editors[i]), "go\n", 3, NULL, NULL, NULL);
  for (guint i = 0; i < 2; i++)
    {
      g_subprocess_wait (editors[i], NULL, NULL);
      statuses[i] = g_subprocess_get_exit_status (editors[i]);
    }
  g_test_message ("exit statuses: %d and %d", statuses[0], statuses[1]);
  g_assert_true ((statuses[0] == 0 && statuses[1] == 3) || (statuses[0] == 3 && statuses[1] == 0));
  winner = statuses[0] == 0 ? 0 : 1;
  loser_message = read_rest (g_subprocess_get_stderr_pipe (editors[1 - winner]));
  g_assert_nonnull (strstr (loser_message, "changed at another desk at "));
  g_assert_nonnull (strstr (loser_message, "reload to see it"));

  stored = aftercare_store_lookup_session (store, aftercare_session_get_id (session), NULL);
  g_assert_cmpstr (aftercare_session_get_notes (stored), ==, notes[winner]);
  g_assert_cmpint (aftercare_session_get_version (stored), ==, 2);
  for (guint i = 0; i < 2; i++)
    g_object_unref (editors[i]);
  g_clear_object (&store);
  pg_test_drop_databases ();
}

/* Two desks adding at full speed at once lose nothing. */
static void
test_two_writers_lose_nothing (void)
{
  g_autoptr(AftercareStore) store = NULL;
  g_autoptr(AftercareSession) session = NULL;
  g_autoptr(GPtrArray) checkins = NULL;
  g_autofree char *n_each = g_strdup_printf ("%d", N_CHECKINS_EACH);
  GSubprocess *writers[2];
  gint64 start;
  double seconds;
  PgTestDatabase *db;

  if (pg_test_skip_without_server ())
    return;
  db = pg_test_database_new (TRUE);
  store = test_store_open (db->desk);
  session = add_session (store, "Busy morning");
  start = g_get_monotonic_time ();
  for (guint i = 0; i < 2; i++)
    {
      const char *args[] = { "add-checkins", db->desk, aftercare_session_get_id (session), n_each, NULL };

      writers[i] = start_helper (args, G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
    }
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (g_subprocess_wait_check (writers[i], NULL, &error));
      g_assert_no_error (error);
      g_object_unref (writers[i]);
    }
  seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  g_test_message ("2 × %d check-ins, each its own transaction, in %.2f s: %.0f per second",
                  N_CHECKINS_EACH, seconds, 2 * N_CHECKINS_EACH / seconds);
  checkins = aftercare_store_list_checkins (store, aftercare_session_get_id (session), NULL);
  g_assert_cmpuint (checkins->len, ==, 2 * N_CHECKINS_EACH);
  g_assert_cmpint (pg_test_query_int (db->admin, "SELECT count(DISTINCT id) FROM aftercare.checkins"), ==,
                   2 * N_CHECKINS_EACH);
  g_clear_object (&store);
  pg_test_drop_databases ();
}

/* Listening: another desk's change reaches an open list by itself. */

typedef struct
{
  guint n_changes;
  GPtrArray *checkins_changed;
} Heard;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Heard      *heard)
{
  heard->n_changes++;
}

static void
checkins_changed_cb (AftercareStore *store,
                     const char     *session_id,
                     Heard          *heard)
{
  g_ptr_array_add (heard->checkins_changed, g_strdup (session_id));
}

static void
time_up_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
}

/* Runs the main loop until *counter passes start, or a second is up; how long it took. */
static double
wait_for_news (guint *counter,
               guint  start)
{
  gboolean time_up = FALSE;
  gint64 began = g_get_monotonic_time ();
  guint timeout = g_timeout_add_once (1000, time_up_cb, &time_up);

  while (*counter == start && !time_up)
    g_main_context_iteration (NULL, TRUE);
  if (!time_up)
    g_source_remove (timeout);
  g_assert_cmpuint (*counter, >, start);
  return (g_get_monotonic_time () - began) / 1000.0;
}

static void
run_helper (const char * const *args)
{
  g_autoptr(GSubprocess) process = start_helper (args, G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_subprocess_wait_check (process, NULL, &error));
  g_assert_no_error (error);
}

static void
test_listener_hears_other_desk (void)
{
  g_autoptr(AftercareStore) store = NULL;
  g_autoptr(AftercareSession) first = NULL;
  g_autoptr(AftercareSession) theirs = NULL;
  GListModel *sessions;
  Heard heard = { 0, g_ptr_array_new_with_free_func (g_free) };
  double ms;
  PgTestDatabase *db;

  if (pg_test_skip_without_server ())
    return;
  db = pg_test_database_new (TRUE);
  store = test_store_open (db->desk);
  first = add_session (store, "Ours");
  sessions = aftercare_store_get_sessions (store);
  g_signal_connect (sessions, "items-changed", G_CALLBACK (items_changed_cb), &heard);
  g_signal_connect (store, "checkins-changed", G_CALLBACK (checkins_changed_cb), &heard);

  /* Another program adds a session; it has committed when it ends. */
  run_helper ((const char *[]) { "add-sessions", db->desk, "1", "Client at the other desk", NULL });
  ms = wait_for_news (&heard.n_changes, 0);
  g_test_message ("the other desk's session reached the list %.1f ms after it was saved", ms);
  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, 2);
  theirs = g_list_model_get_item (sessions, 0);
  if (g_str_equal (aftercare_session_get_id (theirs), aftercare_session_get_id (first)))
    g_set_object (&theirs, g_list_model_get_item (sessions, 1));
  g_assert_cmpstr (aftercare_session_get_client (theirs), ==, "Client at the other desk");

  /* And a check-in of ours, added there, is announced for its session. */
  g_ptr_array_set_size (heard.checkins_changed, 0);
  run_helper ((const char *[]) { "add-checkins", db->desk, aftercare_session_get_id (first), "1", NULL });
  ms = wait_for_news (&heard.checkins_changed->len, 0);
  g_test_message ("the other desk's check-in was announced %.1f ms after it was saved", ms);
  g_assert_cmpstr (g_ptr_array_index (heard.checkins_changed, 0), ==, aftercare_session_get_id (first));

  g_ptr_array_unref (heard.checkins_changed);
  g_clear_object (&store);
  pg_test_drop_databases ();
}

/* A connection ended by the server in the middle of an import (the
 * administrator's pg_terminate_backend) leaves all of it or none. */

static void
write_batch (const char *path,
             const char *tag)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileOutputStream) stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error);
  g_autoptr(GDateTime) start = aftercare_time_parse ("2026-06-01T09:00:00+02:00");
  g_autoptr(AftercareBackupWriter) writer = NULL;

  g_assert_no_error (error);
  writer = aftercare_backup_writer_new (G_OUTPUT_STREAM (stream), AFTERCARE_BACKUP_FORMAT_JSON, start);
  for (guint i = 0; i < BATCH_SESSIONS; i++)
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

static GSubprocess *
start_import (const char *location,
              const char *file)
{
  const char *args[] = { "import", location, file, NULL };
  GSubprocess *process = start_helper (args, G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autofree char *line = read_line (process);

  g_assert_cmpstr (line, ==, "parsed");
  return process;
}

static gint64
count_tagged (PgTestDatabase *db,
              const char     *table_sql,
              const char     *tag)
{
  PGconn *conn = pg_test_connect (db->admin);
  const char *params[] = { tag };
  PGresult *res = PQexecParams (conn, table_sql, 1, NULL, params, NULL, NULL, 0);
  gint64 count;

  g_assert_cmpint (PQresultStatus (res), ==, PGRES_TUPLES_OK);
  count = g_ascii_strtoll (PQgetvalue (res, 0, 0), NULL, 10);
  PQclear (res);
  PQfinish (conn);
  return count;
}

static gint64
count_sessions (PgTestDatabase *db,
                const char     *tag)
{
  return count_tagged (db, "SELECT count(*) FROM aftercare.sessions WHERE client = $1", tag);
}

static gint64
count_checkins (PgTestDatabase *db,
                const char     *tag)
{
  return count_tagged (db, "SELECT count(*) FROM aftercare.checkins c JOIN aftercare.sessions s"
                           " ON s.id = c.session_id WHERE s.client = $1", tag);
}

static gboolean
terminate_desks (PgTestDatabase *db)
{
  return pg_test_query_int (db->admin, "SELECT count(pg_terminate_backend (pid)) FROM pg_stat_activity"
                                       " WHERE datname = current_database () AND pid <> pg_backend_pid ()"
                                       " AND usename = '" PG_TEST_DESK "'") > 0;
}

static void
test_terminated_import_all_or_nothing (void)
{
  g_autofree char *folder = test_make_folder ();
  g_autofree char *base = g_build_filename (folder, "base.json", NULL);
  g_autoptr(GSubprocess) first = NULL;
  g_autoptr(GError) error = NULL;
  guint interrupted = 0, completed = 0;
  gint64 start, duration;
  GPtrArray *committed;
  PgTestDatabase *db;

  if (pg_test_skip_without_server ())
    {
      test_remove_folder (folder);
      return;
    }
  db = pg_test_database_new (TRUE);
  committed = g_ptr_array_new_with_free_func (g_free);
  write_batch (base, "base");
  first = start_import (db->desk, base);
  start = g_get_monotonic_time ();
  g_assert_true (g_subprocess_wait_check (first, NULL, &error));
  duration = g_get_monotonic_time () - start;
  g_ptr_array_add (committed, g_strdup ("base"));

  for (guint k = 0; k < N_TERMINATIONS; k++)
    {
      g_autofree char *tag = g_strdup_printf ("batch-%u", k);
      g_autofree char *file = g_build_filename (folder, "batch.json", NULL);
      g_autoptr(GSubprocess) process = NULL;
      g_autofree char *err = NULL;
      /* Spread over the import and past its end (later imports are slower: more rows). */
      gint64 delay = duration * 16 / 10 * k / N_TERMINATIONS + g_random_int_range (0, 2000);
      gint64 n_imported;
      gboolean terminated;

      write_batch (file, tag);
      process = start_import (db->desk, file);
      g_usleep (delay);
      terminated = terminate_desks (db);
      g_subprocess_wait (process, NULL, NULL);
      err = read_rest (g_subprocess_get_stderr_pipe (process));

      /* All of it or none of it, and everything from before still there. */
      n_imported = count_sessions (db, tag);
      g_assert_true (n_imported == 0 || n_imported == BATCH_SESSIONS);
      g_assert_cmpint (count_checkins (db, tag), ==, n_imported * CHECKINS_PER_SESSION);
      for (guint i = 0; i < committed->len; i++)
        {
          g_assert_cmpint (count_sessions (db, g_ptr_array_index (committed, i)), ==, BATCH_SESSIONS);
          g_assert_cmpint (count_checkins (db, g_ptr_array_index (committed, i)), ==,
                           BATCH_SESSIONS * CHECKINS_PER_SESSION);
        }
      if (g_subprocess_get_exit_status (process) == 0)
        {
          g_assert_cmpint (n_imported, ==, BATCH_SESSIONS);
          g_ptr_array_add (committed, g_strdup (tag));
          completed++;
          continue;
        }
      g_assert_true (terminated);
      g_assert_cmpint (n_imported, ==, 0);
      if (strstr (err, "connection to the clinic database was lost") == NULL)
        g_error ("An import cut short said: %s", err);
      interrupted++;
    }
  g_test_message ("an import took %" G_GINT64_FORMAT " ms; of %u terminations, %u cut one short (nothing "
                  "stayed), %u came after it was saved", duration / 1000, N_TERMINATIONS, interrupted, completed);
  /* Some must have landed inside an import for this to prove anything. */
  g_assert_cmpuint (interrupted, >=, N_TERMINATIONS / 4);
  g_ptr_array_unref (committed);
  test_remove_folder (folder);
  pg_test_drop_databases ();
}

/* The command line on a shared database: the same files as with SQLite. */

static const char backup_json[] =
  "{\"format\": \"aftercare-backup\", \"version\": 1, \"exported_at\": \"2026-11-24T18:00:00Z\",\n"
  " \"sessions\": [\n"
  "  {\"id\": \"0b7c5a1e-2f4d-4c3b-9a8e-1d2c3b4a5f60\", \"ended_at\": \"2026-11-24T10:00:00+01:00\",\n"
  "   \"duration_minutes\": 60, \"type\": \"deep-tissue\", \"pressure\": \"deep\", \"first_time\": false,\n"
  "   \"areas\": [\"calves\", \"hamstrings\"], \"client\": \"Zoë, \\\"Z\\\"\", \"therapist\": \"\",\n"
  "   \"notes\": \"two\\nlines\",\n"
  "   \"checkins\": [{\"id\": \"5e1d0000-2f4d-4c3b-9a8e-1d2c3b4a5f61\", \"at\": \"2026-11-24T16:00:00+01:00\",\n"
  "                 \"soreness\": 2, \"symptoms\": [\"heaviness\"], \"notes\": \"\"},\n"
  "                {\"id\": \"5e1d0000-2f4d-4c3b-9a8e-1d2c3b4a5f62\", \"at\": \"2026-11-25T08:00:00+01:00\",\n"
  "                 \"soreness\": 0, \"symptoms\": [], \"notes\": \"fine\"}]},\n"
  "  {\"id\": \"1c8d5a1e-2f4d-4c3b-9a8e-1d2c3b4a5f60\", \"ended_at\": \"2026-11-20T18:00:00-05:00\",\n"
  "   \"duration_minutes\": 30, \"type\": \"swedish\", \"pressure\": \"light\", \"first_time\": true,\n"
  "   \"areas\": [], \"client\": \"\", \"therapist\": \"Lou\", \"notes\": \"\", \"checkins\": []}]}\n";

typedef struct
{
  char *folder;
  char **envp;
} Cli;

static void
cli_init (Cli *cli)
{
  g_autofree char *data_home = NULL;

  cli->folder = test_make_folder ();
  data_home = g_build_filename (cli->folder, "data-home", NULL);
  cli->envp = g_get_environ ();
  cli->envp = g_environ_unsetenv (cli->envp, "DISPLAY");
  cli->envp = g_environ_unsetenv (cli->envp, "WAYLAND_DISPLAY");
  cli->envp = g_environ_setenv (cli->envp, "XDG_DATA_HOME", data_home, TRUE);
}

static void
cli_clear (Cli *cli)
{
  test_remove_folder (cli->folder);
  g_clear_pointer (&cli->folder, g_free);
  g_clear_pointer (&cli->envp, g_strfreev);
}

static char *
cli_file (Cli        *cli,
          const char *name,
          const char *contents)
{
  char *path = g_build_filename (cli->folder, name, NULL);

  if (contents != NULL)
    g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

static int
cli_run (Cli                 *cli,
         const char * const  *args,
         char               **out,
         char               **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (char *) g_getenv ("AFTERCARE_EXE"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  return test_run ((const char * const *) argv->pdata, (const char * const *) cli->envp, out, err);
}

/* The text of a JSON backup without its export time. */
static char *
backup_body (const char *path)
{
  g_autofree char *text = NULL;
  g_autoptr(GRegex) regex = g_regex_new ("\"exported_at\": \"[^\"]*\"", 0, 0, NULL);

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return g_regex_replace_literal (regex, text, -1, 0, "", 0, NULL);
}

static void
test_cli_same_files_as_sqlite (void)
{
  Cli cli;
  g_autofree char *input = NULL, *sqlite_db = NULL;
  g_autofree char *pg_json = NULL, *sqlite_json = NULL, *pg_csv = NULL, *sqlite_csv = NULL;
  g_autofree char *pg_body = NULL, *sqlite_body = NULL, *pg_csv_text = NULL, *sqlite_csv_text = NULL;
  g_autofree char *out = NULL, *err = NULL;
  PgTestDatabase *db;

  if (pg_test_skip_without_server ())
    return;
  cli_init (&cli);
  db = pg_test_database_new (FALSE);
  input = cli_file (&cli, "in.json", backup_json);
  sqlite_db = cli_file (&cli, "clinic.db", NULL);

  /* No tables yet: a desk cannot make them, the owner prepares them once. */
  g_assert_cmpint (cli_run (&cli, (const char *[]) { "--db", db->desk, "--import", input, NULL }, NULL, &err), ==, 1);
  g_assert_nonnull (strstr (err, "no Aftercare tables yet"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli_run (&cli, (const char *[]) { "--db", db->owner, "--prepare-database", NULL }, &out, NULL), ==, 0);
  g_assert_true (g_str_has_suffix (out, " is ready\n"));
  g_clear_pointer (&out, g_free);

  /* Imported twice: the second time adds nothing. */
  g_assert_cmpint (cli_run (&cli, (const char *[]) { "--db", db->desk, "--import", input, NULL }, &out, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "Imported 2 sessions and 2 check-ins\n");
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (cli_run (&cli, (const char *[]) { "--db", db->desk, "--import", input, NULL }, &out, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "Imported 0 sessions and 0 check-ins\n");
  g_assert_cmpint (cli_run (&cli, (const char *[]) { "--db", sqlite_db, "--import", input, NULL }, NULL, NULL), ==, 0);

  /* Exported, the server's files are the file's, byte for byte. */
  pg_json = cli_file (&cli, "pg.json", NULL);
  sqlite_json = cli_file (&cli, "sqlite.json", NULL);
  pg_csv = cli_file (&cli, "pg.csv", NULL);
  sqlite_csv = cli_file (&cli, "sqlite.csv", NULL);
  g_assert_cmpint (cli_run (&cli, (const char *[]) { "--db", db->desk, "--export", pg_json, NULL }, NULL, NULL), ==, 0);
  g_assert_cmpint (cli_run (&cli, (const char *[]) { "--db", sqlite_db, "--export", sqlite_json, NULL }, NULL, NULL), ==, 0);
  g_assert_cmpint (cli_run (&cli, (const char *[]) { "--db", db->desk, "--export", pg_csv, NULL }, NULL, NULL), ==, 0);
  g_assert_cmpint (cli_run (&cli, (const char *[]) { "--db", sqlite_db, "--export", sqlite_csv, NULL }, NULL, NULL), ==, 0);
  pg_body = backup_body (pg_json);
  sqlite_body = backup_body (sqlite_json);
  g_assert_cmpstr (pg_body, ==, sqlite_body);
  g_assert_true (g_file_get_contents (pg_csv, &pg_csv_text, NULL, NULL));
  g_assert_true (g_file_get_contents (sqlite_csv, &sqlite_csv_text, NULL, NULL));
  g_assert_cmpstr (pg_csv_text, ==, sqlite_csv_text);
  cli_clear (&cli);
  pg_test_drop_databases ();
}

static void
test_cli_bad_input (void)
{
  Cli cli;
  g_autofree char *typed = NULL, *input = NULL, *with_password = NULL;
  g_autofree char *changed_text = g_strdup (backup_json);
  g_autofree char *changed = NULL;
  g_autofree char *out = NULL, *err = NULL;
  PgTestDatabase *db;

  if (pg_test_skip_without_server ())
    return;
  cli_init (&cli);
  db = pg_test_database_new (TRUE);
  typed = cli_file (&cli, "typed.csv",
    "session_id,ended_at,duration_minutes,type,pressure,first_time,areas,client,therapist,"
    "session_notes,checkin_id,checkin_at,soreness,symptoms,checkin_notes\n"
    ",2026-11-24T10:00:00Z,60,thai,light,false,,,,,,2026-11-24T12:00:00Z,3,,\n"
    ",2026-11-24T10:00:00Z,60,thai,light,false,,,,,,2026-11-24T18:00:00Z,12,,\n");
  g_assert_cmpint (cli_run (&cli, (const char *[]) { "--db", db->desk, "--import", typed, NULL }, &out, &err), ==, 2);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, "Line 3"));
  g_assert_cmpint (pg_test_query_int (db->admin, "SELECT count(*) FROM aftercare.sessions"), ==, 0);
  g_clear_pointer (&err, g_free);

  /* A stored session with other values: a conflict, nothing imported. */
  input = cli_file (&cli, "in.json", backup_json);
  memcpy (strstr (changed_text, "\"duration_minutes\": 60"), "\"duration_minutes\": 61", 22);
  changed = cli_file (&cli, "changed.json", changed_text);
  g_assert_cmpint (cli_run (&cli, (const char *[]) { "--db", db->desk, "--import", input, NULL }, NULL, NULL), ==, 0);
  g_assert_cmpint (cli_run (&cli, (const char *[]) { "--db", db->desk, "--import", changed, NULL }, NULL, &err), ==, 2);
  g_assert_nonnull (strstr (err, "duration_minutes"));
  g_clear_pointer (&err, g_free);

  /* A password on the command line is refused before anything is sent. */
  with_password = g_strdup_printf ("postgresql://aftercare_desk:secret@/%s", db->name);
  g_assert_cmpint (cli_run (&cli, (const char *[]) { "--db", with_password, "--import", input, NULL }, NULL, &err), ==, 2);
  g_assert_nonnull (strstr (err, "~/.pgpass"));
  cli_clear (&cli);
  pg_test_drop_databases ();
}

/* The aftercare sheet of a session on the server, as from a file. */
static void
test_cli_sheet (void)
{
  Cli cli;
  g_autofree char *input = NULL, *pdf = NULL, *text = NULL;
  g_autofree char *out = NULL, *err = NULL;
  PgTestDatabase *db;

  if (pg_test_skip_without_server ())
    return;
  cli_init (&cli);
  db = pg_test_database_new (TRUE);
  input = cli_file (&cli, "in.json", backup_json);
  pdf = cli_file (&cli, "sheet.pdf", NULL);
  g_assert_cmpint (cli_run (&cli, (const char *[]) { "--db", db->desk, "--import", input, NULL }, NULL, NULL), ==, 0);
  g_assert_cmpint (cli_run (&cli, (const char *[]) { "--db", db->desk, "--sheet", "0b7c5a1e-2f4d-4c3b-9a8e-1d2c3b4a5f60",
                                                     "--output", pdf, NULL }, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  text = pdf_text (pdf);
  g_assert_nonnull (strstr (text, "Zoë, \"Z\""));
  g_assert_nonnull (strstr (text, "Deep tissue"));
  g_clear_pointer (&err, g_free);
  /* An unknown session: exit 2, and no file. */
  g_assert_cmpint (cli_run (&cli, (const char *[]) { "--db", db->desk, "--sheet", "6b7c5a1e-2f4d-4c3b-9a8e-1d2c3b4a5f60",
                                                     "--output", pdf, NULL }, NULL, &err), ==, 2);
  cli_clear (&cli);
  pg_test_drop_databases ();
}

/* With no --db, the shared database chosen in Preferences is used. */
static void
test_cli_uses_shared_setting (void)
{
  Cli cli;
  g_autofree char *input = NULL, *config = NULL, *keyfile = NULL, *contents = NULL;
  g_autofree char *out = NULL;
  PgTestDatabase *db;

  if (pg_test_skip_without_server ())
    return;
  cli_init (&cli);
  db = pg_test_database_new (TRUE);
  input = cli_file (&cli, "in.json", backup_json);
  config = g_build_filename (cli.folder, "config", "glib-2.0", "settings", NULL);
  g_assert_cmpint (g_mkdir_with_parents (config, 0700), ==, 0);
  keyfile = g_build_filename (config, "keyfile", NULL);
  contents = g_strdup_printf ("[io/github/aftercare/Aftercare]\nshared-database='%s'\n", db->desk);
  g_assert_true (g_file_set_contents (keyfile, contents, -1, NULL));
  g_clear_pointer (&config, g_free);
  config = g_build_filename (cli.folder, "config", NULL);
  cli.envp = g_environ_setenv (cli.envp, "GSETTINGS_BACKEND", "keyfile", TRUE);
  cli.envp = g_environ_setenv (cli.envp, "XDG_CONFIG_HOME", config, TRUE);

  g_assert_cmpint (cli_run (&cli, (const char *[]) { "--import", input, NULL }, &out, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "Imported 2 sessions and 2 check-ins\n");
  g_assert_cmpint (pg_test_query_int (db->admin, "SELECT count(*) FROM aftercare.sessions"), ==, 2);
  cli_clear (&cli);
  pg_test_drop_databases ();
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/pg/desks/two-editors-one-conflict", test_two_editors_one_conflict);
  g_test_add_func ("/pg/desks/two-writers-lose-nothing", test_two_writers_lose_nothing);
  g_test_add_func ("/pg/desks/listener-hears-other-desk", test_listener_hears_other_desk);
  g_test_add_func ("/pg/desks/terminated-import-all-or-nothing", test_terminated_import_all_or_nothing);
  g_test_add_func ("/pg/cli/same-files-as-sqlite", test_cli_same_files_as_sqlite);
  g_test_add_func ("/pg/cli/bad-input", test_cli_bad_input);
  g_test_add_func ("/pg/cli/sheet", test_cli_sheet);
  g_test_add_func ("/pg/cli/uses-shared-setting", test_cli_uses_shared_setting);
  return g_test_run ();
}
