/* test-import-memory.c: a large JSON backup goes in a session at a time, a CSV file a row at a time: the memory an import holds does not grow with the file, and a bad last session leaves nothing of the file behind (aftercare-json-stream.c, aftercare-backup-json.c, aftercare-backup-csv.c, aftercare-store-import.c). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "aftercare-backup-reader.h"
#include "aftercare-json-stream.h"
#include "store-test-util.h"

/* What the import may hold at most, as the issue asks ("peak ≤ 64 MB
 * whatever the file's size"); the whole process, libraries and all. */
#define MAX_PEAK_KIB (64 * 1024)
#define N_SESSIONS 20000
#define N_CHECKINS_EACH 2
/* A CSV file holds less per row than JSON: the whole file and its rows
 * took some 90 MB for 40,000 sessions. */
#define N_CSV_SESSIONS 40000

static void
write_backup (const char *path,
              guint       n,
              gboolean    bad_last)
{
  test_write_json_backup (path, n, N_CHECKINS_EACH, bad_last);
}

/* The same sessions as CSV rows, one per check-in. */
static void
write_csv_backup (const char *path,
                  guint       n)
{
  g_autoptr(GString) text = g_string_sized_new (n * 700);

  g_string_append (text, AFTERCARE_BACKUP_CSV_HEADER "\r\n");
  for (guint i = 0; i < n; i++)
    {
      guint day = 1 + i % 28, month = 1 + (i / 28) % 12, year = 2000 + i / (28 * 12);

      for (guint c = 0; c < N_CHECKINS_EACH; c++)
        g_string_append_printf (text,
                                "%08x-0000-4000-8000-000000000000,%04u-%02u-%02uT10:00:00+01:00,60,deep-tissue,"
                                "deep,false,calves;hamstrings,Client %u,Sam,\"Notes of about the length people "
                                "type after a session, \"\"quoted\"\" and caf\xC3\xA9.\","
                                "%08x-0000-4000-8000-%012x,%04u-%02u-%02uT1%u:00:00+01:00,%u,heaviness,better\r\n",
                                i, year, month, day, i, i, c + 1, year, month, day, c + 2, c);
    }
  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));
}

/* Runs aftercare --db db --import path; its exit status, output and peak
 * resident memory (KiB). */
static int
import (const char  *db,
        const char  *path,
        char       **out,
        long        *peak_kib)
{
  const char *argv[] = { g_getenv ("AFTERCARE_EXE"), "--db", db, "--import", path, NULL };
  g_autoptr(GError) error = NULL;
  struct rusage usage;
  int out_fd, status;
  GPid pid;
  g_autoptr(GString) text = g_string_new (NULL);
  char buffer[4096];
  gssize got;

  g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL,
                                           G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDERR_TO_DEV_NULL,
                                           NULL, NULL, &pid, NULL, &out_fd, NULL, &error));
  g_assert_no_error (error);
  while ((got = read (out_fd, buffer, sizeof buffer)) > 0)
    g_string_append_len (text, buffer, got);
  close (out_fd);
  g_assert_cmpint (wait4 (pid, &status, 0, &usage), ==, pid);
  g_spawn_close_pid (pid);
  *out = g_string_free (g_steal_pointer (&text), FALSE);
  *peak_kib = usage.ru_maxrss;
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

/* Imports the file at path (written by write) into a new database: all
 * of its sessions, within the bound. */
static void
assert_import_bounded (void        (*write) (const char *path, guint n),
                       const char   *name,
                       guint         n_sessions,
                       gint64        min_bytes)
{
  g_autofree char *folder = test_make_folder ();
  g_autofree char *db = g_build_filename (folder, "clinic.db", NULL);
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autofree char *expected = g_strdup_printf ("Imported %u sessions and %u check-ins\n",
                                               n_sessions, n_sessions * N_CHECKINS_EACH);
  g_autofree char *out = NULL;
  GStatBuf info;
  long peak_kib = 0;

  write (path, n_sessions);
  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (info.st_size, >, min_bytes);
  g_assert_cmpint (import (db, path, &out, &peak_kib), ==, 0);
  g_assert_cmpstr (out, ==, expected);
#if defined(__SANITIZE_ADDRESS__)
  /* AddressSanitizer keeps freed memory aside: the bound means nothing. */
  g_test_message ("peak %ld KiB under AddressSanitizer, not checked", peak_kib);
#else
  g_test_message ("peak %ld KiB for a file of %" G_GINT64_FORMAT " bytes", peak_kib, (gint64) info.st_size);
  g_assert_cmpint (peak_kib, <, MAX_PEAK_KIB);
#endif
  test_remove_folder (folder);
}

static void
write_good_backup (const char *path,
                   guint       n)
{
  write_backup (path, n, FALSE);
}

/* 20,000 sessions (a file of some 13 MB, which the whole document’s tree
 * took 30 times over) import within the bound. */
static void
test_large_import_bounded (void)
{
  assert_import_bounded (write_good_backup, "large.json", N_SESSIONS, 12 * 1024 * 1024);
}

/* The same for a CSV file, whose rows may come back to a session
 * anywhere: only the ids are kept, not the sessions. */
static void
test_large_csv_import_bounded (void)
{
  assert_import_bounded (write_csv_backup, "large.csv", N_CSV_SESSIONS, 20 * 1024 * 1024);
}

/* The last session of many is bad: the ones before it went in as they
 * were read, and none of them stays. */
static void
test_bad_last_session_stores_nothing (void)
{
  g_autofree char *folder = test_make_folder ();
  g_autofree char *db = g_build_filename (folder, "clinic.db", NULL);
  g_autofree char *path = g_build_filename (folder, "bad.json", NULL);
  g_autofree char *out = NULL;
  g_autoptr(AftercareStore) store = NULL;
  g_autoptr(GError) error = NULL;
  long peak_kib;

  write_backup (path, 300, TRUE);
  g_assert_cmpint (import (db, path, &out, &peak_kib), ==, 2);
  g_assert_cmpstr (out, ==, "");
  store = aftercare_store_open (db, test_time_source (), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (aftercare_store_get_sessions (store)), ==, 0);
  g_clear_object (&store);
  test_remove_folder (folder);
}

/* The tokenizer itself holds its read buffer and one token, however many
 * tokens go by. */
static void
test_stream_holds_one_token (void)
{
  g_autoptr(GString) text = g_string_new ("[");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GInputStream) input = NULL;
  g_autoptr(AftercareJsonStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  AftercareJsonToken token;
  guint n_strings = 0;

  for (guint i = 0; i < 100000; i++)
    g_string_append_printf (text, "%s\"text number %u, \\u00e9 \\ud83d\\ude00\"", i > 0 ? ", " : "", i);
  g_string_append (text, "]");
  bytes = g_bytes_new (text->str, text->len);
  input = g_memory_input_stream_new_from_bytes (bytes);
  stream = aftercare_json_stream_new (input, NULL);
  do
    {
      g_assert_true (aftercare_json_stream_next (stream, &token, &error));
      g_assert_no_error (error);
      if (token == AFTERCARE_JSON_TOKEN_STRING)
        {
          g_autofree char *expected = g_strdup_printf ("text number %u, \xC3\xA9 \xF0\x9F\x98\x80", n_strings);

          g_assert_cmpstr (aftercare_json_stream_get_string (stream, NULL), ==, expected);
          n_strings++;
        }
    }
  while (token != AFTERCARE_JSON_TOKEN_END);
  g_assert_cmpuint (n_strings, ==, 100000);
  g_assert_cmpuint (text->len, >, 3 * 1024 * 1024);
  g_assert_cmpuint (aftercare_json_stream_get_peak_bytes (stream), <, 128 * 1024);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/import-memory/stream-holds-one-token", test_stream_holds_one_token);
  g_test_add_func ("/import-memory/bad-last-session-stores-nothing", test_bad_last_session_stores_nothing);
  g_test_add_func ("/import-memory/large-import-bounded", test_large_import_bounded);
  g_test_add_func ("/import-memory/large-csv-import-bounded", test_large_csv_import_bounded);
  return g_test_run ();
}
