/* test-modules.c: which libraries a run of the program loads: the command line never loads GTK (nor cairo and Pango but for --sheet), a local file never libpq (aftercare-modules.c, src/main.c). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <string.h>

#include "aftercare-store.h"
#include "store-test-util.h"

#define REQUEST \
  "{\"massage\": {\"type\": \"deep-tissue\", \"pressure\": \"deep\", \"first_time\": false," \
  " \"ended_at\": \"2026-11-24T10:00:00Z\"}, \"checkins\": [], \"planned_run\": \"easy\"," \
  " \"now\": \"2026-11-24T16:00:00Z\"}\n"

/* Runs the built program with args and LD_DEBUG=files (the dynamic
 * loader names each library as it loads it, at start or later), without
 * AFTERCARE_MODULE_DIR: the program finds its modules by itself. Returns
 * the exit status; *libraries gets the loader's report. */
static int
run_traced (const char * const  *args,
            char               **libraries)
{
  const char *exe = g_getenv ("AFTERCARE_EXE");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();

  g_assert_nonnull (exe);
  g_ptr_array_add (argv, (gpointer) exe);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  envp = g_environ_setenv (envp, "LD_DEBUG", "files", TRUE);
  envp = g_environ_unsetenv (envp, "AFTERCARE_MODULE_DIR");
  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  return test_run ((const char * const *) argv->pdata, (const char * const *) envp, NULL, libraries);
}

/* "file=libpq.so.5 [0];  needed by …", or a module opened by its path:
 * "file=/…/libaftercare-pg.so [0];  dynamically loaded by …". */
static gboolean
loaded (const char *report,
        const char *library)
{
  g_autofree char *escaped = g_regex_escape_string (library, -1);
  g_autofree char *pattern = g_strdup_printf ("file=(\\S*/)?%s", escaped);

  return g_regex_match_simple (pattern, report, G_REGEX_MULTILINE, 0);
}

static void
assert_no_window_and_no_server (const char *report)
{
  g_assert_true (loaded (report, "libaftercare-core.so"));
  g_assert_false (loaded (report, "libgtk-4.so"));
  g_assert_false (loaded (report, "libadwaita-1.so"));
  g_assert_false (loaded (report, "librsvg-2.so"));
  g_assert_false (loaded (report, "libpq.so"));
  g_assert_false (loaded (report, "libaftercare-gui.so"));
  g_assert_false (loaded (report, "libaftercare-pg.so"));
  /* The sheet's drawing libraries too. */
  g_assert_false (loaded (report, "libaftercare-sheet.so"));
  g_assert_false (loaded (report, "libcairo.so"));
  g_assert_false (loaded (report, "libpango-1.0.so"));
}

static void
test_assess_loads_no_gtk (void)
{
  g_autofree char *folder = test_make_folder ();
  g_autofree char *request = g_build_filename (folder, "request.json", NULL);
  g_autofree char *report = NULL;
  const char *args[] = { "--assess", request, NULL };

  g_assert_true (g_file_set_contents (request, REQUEST, -1, NULL));
  g_assert_cmpint (run_traced (args, &report), ==, 0);
  assert_no_window_and_no_server (report);
  test_remove_folder (folder);
}

static void
test_export_of_a_file_loads_no_gtk_and_no_libpq (void)
{
  g_autofree char *folder = test_make_folder ();
  g_autofree char *db = g_build_filename (folder, "log.db", NULL);
  g_autofree char *backup = g_build_filename (folder, "backup.json", NULL);
  g_autofree char *report = NULL;
  const char *args[] = { "--db", db, "--export", backup, NULL };
  g_autoptr(AftercareStore) store = aftercare_store_open (db, test_time_source (), NULL);

  g_assert_nonnull (store);
  g_assert_cmpint (run_traced (args, &report), ==, 0);
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  assert_no_window_and_no_server (report);
  test_remove_folder (folder);
}

/* The same run against a server's address opens the module with libpq:
 * what the tests above look for is there to be found. */
static void
test_server_address_loads_libpq (void)
{
  g_autofree char *folder = test_make_folder ();
  g_autofree char *backup = g_build_filename (folder, "backup.json", NULL);
  g_autofree char *address = g_strdup_printf ("postgresql://nobody@/none?host=%s&connect_timeout=2", folder);
  g_autofree char *report = NULL;
  const char *args[] = { "--db", address, "--export", backup, NULL };

  /* Nobody listens there: a failure to connect, after loading libpq. */
  g_assert_cmpint (run_traced (args, &report), ==, 1);
  g_assert_true (loaded (report, "libaftercare-pg.so"));
  g_assert_true (loaded (report, "libpq.so"));
  g_assert_false (loaded (report, "libgtk-4.so"));
  test_remove_folder (folder);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/modules/assess-loads-no-gtk", test_assess_loads_no_gtk);
  g_test_add_func ("/modules/export-of-a-file-loads-no-gtk-and-no-libpq",
                   test_export_of_a_file_loads_no_gtk_and_no_libpq);
  g_test_add_func ("/modules/server-address-loads-libpq", test_server_address_loads_libpq);
  return g_test_run ();
}
