/* test-backup-aside.c: a JSON backup read in a worker thread hands the caller the same rows, in the same order, with the same first problem, as reading it in one thread; and a caller that fails stops the reading (aftercare-backup-aside.c). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "aftercare-backup-aside.h"
#include "store-test-util.h"

/* What a sink was given, one line per row: "session ID at ORIGIN". */
typedef struct
{
  GPtrArray *rows;
  GThread *thread;       /* the thread each row must come to */
  guint fail_at;         /* 1-based: that row fails; 0: none does */
  guint slow_first;      /* ms the first row takes: the reader gets ahead and waits */
} Given;

static gboolean
given_row (Given       *given,
           const char  *what,
           const char  *id,
           const char  *origin,
           GError     **error)
{
  g_assert_true (g_thread_self () == given->thread);
  if (given->rows->len == 0 && given->slow_first > 0)
    g_usleep (given->slow_first * 1000);
  g_ptr_array_add (given->rows, g_strdup_printf ("%s %s at %s", what, id, origin));
  if (given->rows->len == given->fail_at)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "the sink failed at row %u", given->fail_at);
      return FALSE;
    }
  return TRUE;
}

static gboolean
given_session (AftercareSession  *session,
               const char        *origin,
               gpointer           user_data,
               GError           **error)
{
  return given_row (user_data, "session", aftercare_session_get_id (session), origin, error);
}

static gboolean
given_checkin (AftercareCheckin  *checkin,
               const char        *origin,
               gpointer           user_data,
               GError           **error)
{
  return given_row (user_data, "check-in", aftercare_checkin_get_id (checkin), origin, error);
}

static AftercareSession *
given_lookup (const char  *id,
              gpointer     user_data,
              GError     **error)
{
  g_assert_not_reached ();
}

static const AftercareBackupSink given_sink = { given_session, given_checkin, given_lookup };

/* Reads the backup of n sessions (three check-ins each; the last one bad
 * with bad_last) in one thread or aside; what the sink was given, the
 * error, and how many bytes of the file were read. */
static GPtrArray *
read_backup (guint      n,
             gboolean   bad_last,
             gboolean   aside,
             Given     *given,
             GError   **error,
             gsize     *n_read,
             gsize     *n_bytes)
{
  g_autofree char *folder = test_make_folder ();
  g_autofree char *path = g_build_filename (folder, "backup.json", NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GInputStream) input = NULL;
  char *contents;
  gsize length;
  gboolean ok;

  test_write_json_backup (path, n, 3, bad_last);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  test_remove_folder (folder);
  bytes = g_bytes_new_take (contents, length);
  input = g_memory_input_stream_new_from_bytes (bytes);
  given->rows = g_ptr_array_new_with_free_func (g_free);
  given->thread = g_thread_self ();
  ok = aside ? aftercare_backup_read_json_stream_aside (input, &given_sink, given, error)
             : aftercare_backup_read_json_stream (input, &given_sink, given, error);
  g_assert_true (ok == (error == NULL || *error == NULL));
  if (n_read != NULL)
    *n_read = g_seekable_tell (G_SEEKABLE (input));
  if (n_bytes != NULL)
    *n_bytes = length;
  return given->rows;
}

static void
assert_same_rows (GPtrArray *expected,
                  GPtrArray *got)
{
  g_assert_cmpuint (got->len, ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    g_assert_cmpstr (g_ptr_array_index (got, i), ==, g_ptr_array_index (expected, i));
}

/* Many batches' worth of rows, with the first row slow so that the reader
 * fills the queue and waits: every row, in the file's order, each with
 * its origin, in the calling thread. */
static void
test_same_rows_in_order (void)
{
  Given plain = { 0 }, aside = { .slow_first = 100 };
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(GPtrArray) got = NULL;
  g_autoptr(GError) error = NULL;

  expected = read_backup (700, FALSE, FALSE, &plain, &error, NULL, NULL);
  g_assert_no_error (error);
  got = read_backup (700, FALSE, TRUE, &aside, &error, NULL, NULL);
  g_assert_no_error (error);
  g_assert_cmpuint (expected->len, ==, 700 * 4);
  assert_same_rows (expected, got);
}

/* A bad value in the last session: every row before it is given first,
 * then the same error the reader gives in one thread. */
static void
test_first_problem_is_named (void)
{
  Given plain = { 0 }, aside = { 0 };
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(GPtrArray) got = NULL;
  g_autoptr(GError) expected_error = NULL;
  g_autoptr(GError) error = NULL;

  expected = read_backup (700, TRUE, FALSE, &plain, &expected_error, NULL, NULL);
  g_assert_error (expected_error, AFTERCARE_BACKUP_ERROR, AFTERCARE_BACKUP_ERROR_INVALID);
  got = read_backup (700, TRUE, TRUE, &aside, &error, NULL, NULL);
  g_assert_error (error, AFTERCARE_BACKUP_ERROR, AFTERCARE_BACKUP_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, expected_error->message);
  g_assert_nonnull (strstr (error->message, "soreness"));
  assert_same_rows (expected, got);
}

/* The sink fails at its tenth row of a file that is bad further on: its
 * error is the one given, no row comes after it, and the reader stopped
 * long before the end of the file. */
static void
test_sink_failure_stops_reading (void)
{
  Given aside = { .fail_at = 10 };
  g_autoptr(GPtrArray) got = NULL;
  g_autoptr(GError) error = NULL;
  gsize n_read = 0, n_bytes = 0;

  got = read_backup (8000, TRUE, TRUE, &aside, &error, &n_read, &n_bytes);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_cmpstr (error->message, ==, "the sink failed at row 10");
  g_assert_cmpuint (got->len, ==, 10);
  g_test_message ("read %" G_GSIZE_FORMAT " of %" G_GSIZE_FORMAT " bytes", n_read, n_bytes);
  g_assert_cmpuint (n_bytes, >, 5 * 1024 * 1024);
  g_assert_cmpuint (n_read, <, n_bytes / 4);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/backup-aside/same-rows-in-order", test_same_rows_in_order);
  g_test_add_func ("/backup-aside/first-problem-is-named", test_first_problem_is_named);
  g_test_add_func ("/backup-aside/sink-failure-stops-reading", test_sink_failure_stops_reading);

  return g_test_run ();
}
