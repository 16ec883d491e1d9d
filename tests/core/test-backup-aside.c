/* test-backup-aside.c: a JSON backup read in a worker thread hands the caller the same rows, in the same order, with the same first problem, as reading it in one thread; and a caller that fails stops the reading (aftercare-backup-aside.c). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "aftercare-backup-aside.h"
#include "aftercare-json-stream.h"
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
  ok = aside ? aftercare_backup_read_json_stream_aside (input, NULL, &given_sink, given, error)
             : aftercare_backup_read_json_stream (input, NULL, &given_sink, given, error);
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

/* An input that gives the first part of its text, then nothing until it
 * is cancelled (a share that stopped answering): it honours the
 * cancellable its reader is given, as GIO's remote streams do. */
struct _TestStallStream
{
  GInputStream parent_instance;
  GBytes *bytes;
  gsize given;      /* bytes handed out */
  gsize stall_at;   /* from here on, nothing until cancelled */
};

G_DECLARE_FINAL_TYPE (TestStallStream, test_stall_stream, TEST, STALL_STREAM, GInputStream)
G_DEFINE_FINAL_TYPE (TestStallStream, test_stall_stream, G_TYPE_INPUT_STREAM)

static gssize
test_stall_stream_read (GInputStream  *stream,
                        void          *buffer,
                        gsize          count,
                        GCancellable  *cancellable,
                        GError       **error)
{
  TestStallStream *self = TEST_STALL_STREAM (stream);
  gsize length;
  const char *data = g_bytes_get_data (self->bytes, &length);
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  if (self->given < self->stall_at)
    {
      count = MIN (count, self->stall_at - self->given);
      memcpy (buffer, data + self->given, count);
      self->given += count;
      return (gssize) count;
    }
  while (!g_cancellable_is_cancelled (cancellable) && g_get_monotonic_time () < end)
    g_usleep (1000);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return -1;
  /* Never cancelled: the rest, late. */
  count = MIN (count, length - self->given);
  memcpy (buffer, data + self->given, count);
  self->given += count;
  return (gssize) count;
}

static void
test_stall_stream_finalize (GObject *object)
{
  g_bytes_unref (TEST_STALL_STREAM (object)->bytes);
  G_OBJECT_CLASS (test_stall_stream_parent_class)->finalize (object);
}

static void
test_stall_stream_class_init (TestStallStreamClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = test_stall_stream_finalize;
  G_INPUT_STREAM_CLASS (klass)->read_fn = test_stall_stream_read;
}

static void
test_stall_stream_init (TestStallStream *self)
{
}

static gpointer
cancel_soon (gpointer data)
{
  g_usleep (100 * 1000);
  g_cancellable_cancel (data);
  return NULL;
}

/* Cancelled while its input gives nothing, the reading ends at once with
 * the input's cancellation, not when the input comes back. */
static void
test_cancel_stops_a_stalled_read (void)
{
  g_autofree char *folder = test_make_folder ();
  g_autofree char *path = g_build_filename (folder, "backup.json", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(TestStallStream) input = g_object_new (test_stall_stream_get_type (), NULL);
  g_autoptr(GError) error = NULL;
  Given given = { 0 };
  g_autoptr(GPtrArray) rows = NULL;
  char *contents;
  gsize length;
  GThread *canceller;
  gint64 start;

  test_write_json_backup (path, 300, 3, FALSE);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  test_remove_folder (folder);
  input->bytes = g_bytes_new_take (contents, length);
  input->stall_at = length / 3;
  rows = given.rows = g_ptr_array_new_with_free_func (g_free);
  given.thread = g_thread_self ();
  start = g_get_monotonic_time ();
  canceller = g_thread_new ("canceller", cancel_soon, cancellable);
  g_assert_false (aftercare_backup_read_json_stream_aside (G_INPUT_STREAM (input), cancellable, &given_sink,
                                                           &given, &error));
  g_thread_join (canceller);
  g_assert_error (error, AFTERCARE_JSON_STREAM_ERROR, AFTERCARE_JSON_STREAM_ERROR_READ);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
  /* What came before the stall was handed on; not all of it. */
  g_assert_cmpuint (rows->len, >, 0);
  g_assert_cmpuint (rows->len, <, 300 * 4);
}

/* With no thread to be had (a system at its limit), the backup is read and
 * stored in turn, in the caller's thread: the same rows, in order. */
static void
test_without_threads (void)
{
  if (g_test_subprocess ())
    {
      Given plain = { 0 }, aside = { 0 };
      g_autofree char *folder = test_make_folder ();
      g_autofree char *path = g_build_filename (folder, "backup.json", NULL);
      g_autoptr(GPtrArray) expected = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GInputStream) input = NULL;
      g_autoptr(GError) error = NULL;
      char *contents;
      gsize length;

      expected = read_backup (40, FALSE, FALSE, &plain, &error, NULL, NULL);
      g_assert_no_error (error);
      test_write_json_backup (path, 40, 3, FALSE);
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      test_remove_folder (folder);
      bytes = g_bytes_new_take (contents, length);
      input = g_memory_input_stream_new_from_bytes (bytes);
      aside.rows = g_ptr_array_new_with_free_func (g_free);
      aside.thread = g_thread_self ();
      test_forbid_threads ();
      g_assert_true (aftercare_backup_read_json_stream_aside (input, NULL, &given_sink, &aside, &error));
      g_assert_no_error (error);
      assert_same_rows (expected, aside.rows);
      g_ptr_array_unref (aside.rows);
      return;
    }
  test_trap_without_threads ();
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/backup-aside/same-rows-in-order", test_same_rows_in_order);
  g_test_add_func ("/backup-aside/first-problem-is-named", test_first_problem_is_named);
  g_test_add_func ("/backup-aside/sink-failure-stops-reading", test_sink_failure_stops_reading);
  g_test_add_func ("/backup-aside/cancel-stops-a-stalled-read", test_cancel_stops_a_stalled_read);
  g_test_add_func ("/backup-aside/without-threads", test_without_threads);

  return g_test_run ();
}
