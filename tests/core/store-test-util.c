/* store-test-util.c: what the store's tests share: temporary folders, sample rows, recorded signals. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "store-test-util.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <errno.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <linux/sched.h>
#include <stddef.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>

#include "aftercare-time.h"

char *
test_make_folder (void)
{
  g_autoptr(GError) error = NULL;
  char *path = g_dir_make_tmp ("aftercare-test-XXXXXX", &error);

  g_assert_no_error (error);
  return path;
}

void
test_remove_folder (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        test_remove_folder (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

AftercareSession *
test_session_new (const char *ended_at)
{
  g_autoptr(GDateTime) end = aftercare_time_parse (ended_at);
  AftercareSession *session;

  g_assert_nonnull (end);
  session = aftercare_session_new (end);
  aftercare_session_set_massage_type (session, AFTERCARE_MASSAGE_SPORTS);
  aftercare_session_set_pressure (session, AFTERCARE_PRESSURE_DEEP);
  aftercare_session_set_areas (session, AFTERCARE_AREA_CALVES | AFTERCARE_AREA_HAMSTRINGS);
  aftercare_session_set_duration_minutes (session, 45);
  aftercare_session_set_therapist (session, "Sam");
  return session;
}

AftercareCheckin *
test_checkin_new (AftercareSession *session,
                  const char       *at,
                  guint             soreness)
{
  g_autoptr(GDateTime) time = aftercare_time_parse (at);

  g_assert_nonnull (time);
  return aftercare_checkin_new (aftercare_session_get_id (session), time, soreness,
                                AFTERCARE_SYMPTOM_HEAVINESS);
}

static void
record_change_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GArray     *changes)
{
  TestChange change = { position, removed, added };

  g_array_append_val (changes, change);
}

static void
free_changes (gpointer data)
{
  g_array_unref (data);
}

GArray *
test_record_changes (GListModel *model)
{
  GArray *changes = g_array_new (FALSE, FALSE, sizeof (TestChange));

  g_signal_connect_data (model, "items-changed", G_CALLBACK (record_change_cb),
                         g_array_ref (changes), (GClosureNotify) (void (*) (void)) free_changes, 0);
  return changes;
}

void
test_assert_change (GArray *changes,
                    guint   index,
                    guint   position,
                    guint   removed,
                    guint   added)
{
  TestChange *change;

  g_assert_cmpuint (index, <, changes->len);
  change = &g_array_index (changes, TestChange, index);
  g_assert_cmpuint (change->position, ==, position);
  g_assert_cmpuint (change->removed, ==, removed);
  g_assert_cmpuint (change->added, ==, added);
}

GPtrArray *
test_list_ids (GListModel *model)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(AftercareSession) session = g_list_model_get_item (model, i);

      g_assert_nonnull (session);
      g_ptr_array_add (ids, g_strdup (aftercare_session_get_id (session)));
    }
  return ids;
}

int
test_run (const char * const  *argv,
          const char * const  *envp,
          char               **out,
          char               **err)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *ignored_out = NULL;
  g_autofree char *ignored_err = NULL;
  int status = 0;

  /* Output nobody asked for is kept from the test's own (TAP) output. */
  g_spawn_sync (NULL, (char **) argv, (char **) envp, G_SPAWN_DEFAULT, NULL, NULL,
                out != NULL ? out : &ignored_out, err != NULL ? err : &ignored_err,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

AftercareTimeSource *
test_time_source (void)
{
  static AftercareTimeSource *time_source;

  if (time_source == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      time_source = aftercare_fixed_time_new (now, TRUE);
    }
  return time_source;
}

GDateTime *
test_now (void)
{
  static GDateTime *now;

  if (now == NULL)
    now = aftercare_time_source_now (test_time_source ());
  return now;
}

AftercareStore *
test_store_open (const char *location)
{
  g_autoptr(GError) error = NULL;
  AftercareStore *store = aftercare_store_open (location, test_time_source (), &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

guint64
test_bytes_read (void)
{
  g_autofree char *contents = NULL;
  const char *rchar;

  g_assert_true (g_file_get_contents ("/proc/self/io", &contents, NULL, NULL));
  rchar = strstr (contents, "rchar: ");
  g_assert_nonnull (rchar);
  return g_ascii_strtoull (rchar + strlen ("rchar: "), NULL, 10);
}

void
test_corrupt_table (const char *path,
                    const char *table)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 page_size, root;
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT (SELECT page_size FROM pragma_page_size), rootpage "
                                           "FROM sqlite_schema WHERE name = ?", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  page_size = sqlite3_column_int64 (stmt, 0);
  root = sqlite3_column_int64 (stmt, 1);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >=, (gsize) (root * page_size));
  memset (contents + (root - 1) * page_size, 0x5A, page_size);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
}

void
test_write_json_backup (const char *path,
                        guint       n,
                        guint       n_checkins_each,
                        gboolean    bad_last)
{
  g_autoptr(GString) text = g_string_sized_new (n * 900);

  /* Check-ins at 12:00, 13:00, … the same day. */
  g_assert_cmpuint (n_checkins_each, <=, 12);

  g_string_append (text, "{\"format\": \"aftercare-backup\", \"version\": 1,\n"
                         " \"exported_at\": \"2026-11-24T18:00:00Z\",\n \"sessions\": [\n");
  for (guint i = 0; i < n; i++)
    {
      guint day = 1 + i % 28, month = 1 + (i / 28) % 12, year = 2000 + i / (28 * 12);

      g_string_append_printf (text,
                              "  {\"id\": \"%08x-0000-4000-8000-000000000000\", "
                              "\"ended_at\": \"%04u-%02u-%02uT10:00:00+01:00\", \"duration_minutes\": 60, "
                              "\"type\": \"deep-tissue\", \"pressure\": \"deep\", \"first_time\": false, "
                              "\"areas\": [\"calves\", \"hamstrings\"], \"client\": \"Client %u\", "
                              "\"therapist\": \"Sam\", \"notes\": \"Notes of about the length people type "
                              "after a session, \\\"quoted\\\" and caf\\u00e9.\", \"checkins\": [",
                              i, year, month, day, i);
      for (guint c = 0; c < n_checkins_each; c++)
        g_string_append_printf (text,
                                "%s{\"id\": \"%08x-0000-4000-8000-%012x\", "
                                "\"at\": \"%04u-%02u-%02uT%02u:00:00+01:00\", \"soreness\": %u, "
                                "\"symptoms\": [\"heaviness\"], \"notes\": \"better\"}",
                                c > 0 ? ", " : "", i, c + 1, year, month, day, 12 + c,
                                bad_last && i == n - 1 && c == n_checkins_each - 1 ? 11 : c);
      g_string_append (text, i + 1 < n ? "]},\n" : "]}\n");
    }
  g_string_append (text, "]}\n");
  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));
}

gboolean
test_library_mapped (const char *name)
{
  g_autofree char *maps = NULL;
  g_autofree char *needle = g_strdup_printf ("/%s", name);

  g_assert_true (g_file_get_contents ("/proc/self/maps", &maps, NULL, NULL));
  return strstr (maps, needle) != NULL;
}

#if defined(__x86_64__) && defined(__NR_clone3)
static gpointer
do_nothing (gpointer data)
{
  return NULL;
}
#endif

void
test_forbid_threads (void)
{
#if defined(__x86_64__) && defined(__NR_clone3)
  /* clone3 passes its flags in memory a filter cannot read: "not here",
   * and the C library falls back to clone, whose flags it can. A clone
   * with CLONE_THREAD is refused as a system at its limit refuses it;
   * any other (a new process) goes ahead. */
  struct sock_filter code[] = {
    BPF_STMT (BPF_LD | BPF_W | BPF_ABS, offsetof (struct seccomp_data, arch)),
    BPF_JUMP (BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_X86_64, 1, 0),
    BPF_STMT (BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
    BPF_STMT (BPF_LD | BPF_W | BPF_ABS, offsetof (struct seccomp_data, nr)),
    BPF_JUMP (BPF_JMP | BPF_JEQ | BPF_K, __NR_clone3, 0, 1),
    BPF_STMT (BPF_RET | BPF_K, SECCOMP_RET_ERRNO | ENOSYS),
    BPF_JUMP (BPF_JMP | BPF_JEQ | BPF_K, __NR_clone, 1, 0),
    BPF_STMT (BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
    BPF_STMT (BPF_LD | BPF_W | BPF_ABS, offsetof (struct seccomp_data, args[0])),
    BPF_JUMP (BPF_JMP | BPF_JSET | BPF_K, CLONE_THREAD, 0, 1),
    BPF_STMT (BPF_RET | BPF_K, SECCOMP_RET_ERRNO | EAGAIN),
    BPF_STMT (BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
  };
  struct sock_fprog program = { .len = G_N_ELEMENTS (code), .filter = code };
  g_autoptr(GError) error = NULL;
  GThread *probe;

  /* GLib starts its worker the first time a task is made. */
  g_type_class_unref (g_type_class_ref (G_TYPE_TASK));
  g_assert_cmpint (prctl (PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0), ==, 0);
  g_assert_cmpint (prctl (PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &program), ==, 0);
  probe = g_thread_try_new ("probe", do_nothing, NULL, &error);
  g_assert_null (probe);
  g_assert_error (error, G_THREAD_ERROR, G_THREAD_ERROR_AGAIN);
#else
  g_assert_not_reached ();
#endif
}

void
test_trap_without_threads (void)
{
#if defined(__x86_64__) && defined(__NR_clone3)
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
#else
  g_test_skip ("Refusing threads needs a system-call filter written for x86-64 Linux");
#endif
}
