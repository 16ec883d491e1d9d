/* test-cli-sheet.c: aftercare --sheet SESSION_ID --output FILE.pdf, with no display (aftercare-cli-sheet.c). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "aftercare-cli-sheet.h"
#include "aftercare-labels.h"
#include "aftercare-time.h"
#include "pdf-text.h"

#define SESSION_ID "0b7c5a1e-2f4d-4c3b-9a8e-1d2c3b4a5f60"
#define CLINIC_CONTACT "0161 496 0000"

typedef struct {
  char *folder;
  char *db;
  char *pdf;
  char **envp;
  GDateTime *ended_at;
} Fixture;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

/* Runs aftercare with args; returns its exit status. */
static int
run (Fixture            *f,
     const char * const *args,
     char              **out,
     char              **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *ignored_out = NULL;
  g_autofree char *ignored_err = NULL;
  int status;

  g_ptr_array_add (argv, (char *) g_getenv ("AFTERCARE_EXE"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  /* Always captured: the child's output must not mix with the test's. */
  g_spawn_sync (f->folder, (char **) argv->pdata, f->envp, G_SPAWN_DEFAULT, NULL, NULL,
                out != NULL ? out : &ignored_out, err != NULL ? err : &ignored_err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

/* A database with one deep-tissue session that ended an hour ago. */
static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) hour_ago = g_date_time_add_hours (now, -1);
  g_autofree char *ended = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *json = NULL;
  g_autofree char *out = NULL;
  const char *args[] = { "--db", NULL, "--import", "backup.json", NULL };

  f->folder = g_dir_make_tmp ("aftercare-cli-sheet-XXXXXX", NULL);
  f->db = g_build_filename (f->folder, "clinic.db", NULL);
  f->pdf = g_build_filename (f->folder, "sheet.pdf", NULL);
  /* Whole minutes, so the clock times on the sheet are exact. */
  f->ended_at = g_date_time_add_seconds (hour_ago, -g_date_time_get_seconds (hour_ago));
  f->envp = g_get_environ ();
  /* No display at all, and clock times in UTC. */
  f->envp = g_environ_unsetenv (f->envp, "DISPLAY");
  f->envp = g_environ_unsetenv (f->envp, "WAYLAND_DISPLAY");
  f->envp = g_environ_setenv (f->envp, "TZ", "UTC", TRUE);

  ended = aftercare_time_format_utc (f->ended_at);
  json = g_strdup_printf (
    "{\"format\": \"aftercare-backup\", \"version\": 1, \"exported_at\": \"%s\", \"sessions\": [\n"
    " {\"id\": \"" SESSION_ID "\", \"ended_at\": \"%s\", \"duration_minutes\": 60,\n"
    "  \"type\": \"deep-tissue\", \"pressure\": \"deep\", \"first_time\": false, \"areas\": [\"calves\"],\n"
    "  \"client\": \"Jordan Avery\", \"therapist\": \"Sam Rivera\", \"notes\": \"\", \"checkins\": []}]}\n",
    ended, ended);
  backup = g_build_filename (f->folder, "backup.json", NULL);
  g_assert_true (g_file_set_contents (backup, json, -1, NULL));
  args[1] = f->db;
  g_assert_cmpint (run (f, args, &out, NULL), ==, 0);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  remove_tree (f->folder);
  g_free (f->folder);
  g_free (f->db);
  g_free (f->pdf);
  g_strfreev (f->envp);
  g_date_time_unref (f->ended_at);
}

/* The clock time hours after the session's end, as the sheet writes it. */
static char *
clock_after (Fixture *f, int hours)
{
  g_autoptr(GDateTime) time = g_date_time_add_hours (f->ended_at, hours);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return aftercare_time_format_clock (time, now, TRUE);
}

static void
assert_contains (const char *text, const char *expected)
{
  if (strstr (text, expected) == NULL)
    g_error ("“%s” is not on the sheet:\n%s", expected, text);
}

static void
test_writes_the_sheet (Fixture *f, gconstpointer data)
{
  const char *args[] = { "--db", f->db, "--sheet", SESSION_ID, "--output", "sheet.pdf",
                         "--clinic-name", "Harbour Sports Massage", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *text = NULL;
  g_autofree char *until = clock_after (f, 4);
  g_autofree char *run_after = clock_after (f, 12);
  g_autofree char *expect_until = g_strdup_printf ("until %s", until);
  g_autofree char *expect_run = g_strdup_printf ("An easy run from %s", run_after);

  g_assert_cmpint (run (f, args, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpstr (out, ==, "Wrote sheet.pdf (1 page)\n");
  text = pdf_text (f->pdf);
  assert_contains (text, "Harbour Sports Massage");
  assert_contains (text, "Aftercare for Jordan Avery");
  /* Deep pressure an hour ago: not yet, an easy run from 12 hours on. */
  assert_contains (text, aftercare_verdict_get_title (AFTERCARE_VERDICT_WAIT));
  assert_contains (text, expect_until);
  assert_contains (text, expect_run);
}

/* With no --clinic-name, the name set in Preferences goes on the sheet. */
static void
test_clinic_name_from_preferences (Fixture *f, gconstpointer data)
{
  const char *args[] = { "--db", f->db, "--sheet", SESSION_ID, "--output", "sheet.pdf", NULL };
  g_autofree char *config = g_build_filename (f->folder, "config", "glib-2.0", "settings", NULL);
  g_autofree char *keyfile = g_build_filename (config, "keyfile", NULL);
  g_autofree char *config_home = g_build_filename (f->folder, "config", NULL);
  g_autofree char *text = NULL;

  g_assert_cmpint (g_mkdir_with_parents (config, 0700), ==, 0);
  g_assert_true (g_file_set_contents (keyfile, "[io/github/aftercare/Aftercare]\n"
                                      "clinic-name='Northside Physio'\n", -1, NULL));
  f->envp = g_environ_setenv (f->envp, "GSETTINGS_BACKEND", "keyfile", TRUE);
  f->envp = g_environ_setenv (f->envp, "XDG_CONFIG_HOME", config_home, TRUE);
  g_assert_cmpint (run (f, args, NULL, NULL), ==, 0);
  text = pdf_text (f->pdf);
  assert_contains (text, "Northside Physio");
}

static GString *printed;

static void
print_to_string (const char *text)
{
  g_string_append (printed, text);
}

/* Runs the sheet command in this process, as the program's edge calls
 * it: told the time, the clock and the clinic's name. Returns its exit
 * status; *out is what it printed. */
static int
run_told (Fixture     *f,
          GDateTime   *now,
          gboolean     clock_24h,
          const char  *clinic_name,
          const char  *clinic_option,
          char       **out)
{
  g_autoptr(GVariantDict) options = g_variant_dict_new (NULL);
  g_autoptr(AftercareTimeSource) time_source = aftercare_fixed_time_new (now, clock_24h);
  AftercareCliContext context = { .clinic_contact = CLINIC_CONTACT };
  GPrintFunc old_handler;
  int status;

  g_variant_dict_insert (options, "db", "^ay", f->db);
  g_variant_dict_insert (options, "sheet", "s", SESSION_ID);
  g_variant_dict_insert (options, "output", "^ay", f->pdf);
  if (clinic_option != NULL)
    g_variant_dict_insert (options, "clinic-name", "s", clinic_option);
  printed = g_string_new (NULL);
  old_handler = g_set_print_handler (print_to_string);
  context.time_source = time_source;
  context.clinic_name = clinic_name;
  status = aftercare_cli_sheet_run (options, &context, f->db);
  g_set_print_handler (old_handler);
  *out = g_string_free (g_steal_pointer (&printed), FALSE);
  return status;
}

/* The sheet is for the time it is told, in that time's zone, with the
 * clock it is told: not the system's clock, nor the desktop's setting. */
static void
test_uses_the_time_and_clock_it_is_told (Fixture *f, gconstpointer data)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("+05:30");
  g_autoptr(GDateTime) told = g_date_time_add_minutes (f->ended_at, 3 * 60 + 7);
  g_autoptr(GDateTime) now = g_date_time_to_timezone (told, zone);
  g_autoptr(GDateTime) until_time = g_date_time_add_hours (now, 1);
  g_autoptr(GDateTime) run_time = g_date_time_add_hours (now, 9);
  gboolean clocks[] = { FALSE, TRUE };

  for (guint i = 0; i < G_N_ELEMENTS (clocks); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *text = NULL;
      g_autofree char *when = aftercare_time_format_day_and_time_with_year (now, now, clocks[i]);
      g_autofree char *printed_at = g_strdup_printf ("Printed %s", when);
      g_autoptr(GDateTime) until = g_date_time_add_minutes (until_time, -7);
      g_autoptr(GDateTime) run_after = g_date_time_add_minutes (run_time, -7);
      g_autofree char *until_text = aftercare_time_format_clock (until, now, clocks[i]);
      g_autofree char *run_text = aftercare_time_format_clock (run_after, now, clocks[i]);
      g_autofree char *expect_until = g_strdup_printf ("until %s", until_text);
      g_autofree char *expect_run = g_strdup_printf ("An easy run from %s", run_text);
      g_autofree char *wrote = g_strdup_printf ("Wrote %s (1 page)\n", f->pdf);

      g_remove (f->pdf);
      g_assert_cmpint (run_told (f, now, clocks[i], "", NULL, &out), ==, 0);
      /* (GLib's test harness prints its debug lines here too.) */
      g_assert_true (g_str_has_suffix (out, wrote));
      text = pdf_text (f->pdf);
      assert_contains (text, printed_at);
      /* Deep pressure 3 hours 7 minutes ago: wait until 4 hours after
       * the end, an easy run from 12 hours after it. */
      assert_contains (text, expect_until);
      assert_contains (text, expect_run);
    }
}

/* The clinic's name and contact are the ones the caller was told
 * (Preferences), unless --clinic-name gives another name. */
static void
test_clinic_name_it_is_told (Fixture *f, gconstpointer data)
{
  g_autoptr(GDateTime) now = g_date_time_add_hours (f->ended_at, 1);
  g_autofree char *out = NULL;
  g_autofree char *again = NULL;
  g_autofree char *text = NULL;
  g_autofree char *overridden = NULL;

  g_assert_cmpint (run_told (f, now, TRUE, "Lakeside Clinic", NULL, &out), ==, 0);
  text = pdf_text (f->pdf);
  assert_contains (text, "Lakeside Clinic");
  /* And how to reach it, set in Preferences too. */
  assert_contains (text, CLINIC_CONTACT);
  g_remove (f->pdf);
  g_assert_cmpint (run_told (f, now, TRUE, "Lakeside Clinic", "Harbour Sports Massage", &again), ==, 0);
  overridden = pdf_text (f->pdf);
  assert_contains (overridden, "Harbour Sports Massage");
  g_assert_null (strstr (overridden, "Lakeside Clinic"));
}

static void
test_letter_paper (Fixture *f, gconstpointer data)
{
  const char *args[] = { "--db", f->db, "--sheet", SESSION_ID, "--output", "sheet.pdf",
                         "--paper", "letter", "--planned-run", "hard", NULL };
  g_autoptr(GPtrArray) words = NULL;
  g_autofree char *text = NULL;
  g_autofree char *easy_after = clock_after (f, 12);
  g_autofree char *run_after = clock_after (f, 24);
  g_autofree char *expect_run = g_strdup_printf ("An easy run from %s · your hard run from %s",
                                                 easy_after, run_after);
  PdfWord *first;

  g_assert_cmpint (run (f, args, NULL, NULL), ==, 0);
  words = pdf_words (f->pdf);
  first = g_ptr_array_index (words, 0);
  g_assert_cmpfloat_with_epsilon (first->page_width, 612, 0.5);
  g_assert_cmpfloat_with_epsilon (first->page_height, 792, 0.5);
  /* Hard running waits for 24 hours after deep pressure, an easy run 12. */
  text = pdf_text (f->pdf);
  assert_contains (text, expect_run);
}

/* Bad input: exit 2, one line on standard error naming what is wrong,
 * nothing on standard output, no file written. */
static void
assert_refused (Fixture            *f,
                const char * const *args,
                const char         *expected)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run (f, args, &out, &err), ==, 2);
  g_assert_cmpstr (out, ==, "");
  g_assert_true (g_str_has_prefix (err, "aftercare: "));
  g_assert_nonnull (strstr (err, expected));
  g_assert_cmpint (strchr (err, '\n') - err, ==, strlen (err) - 1);
  g_assert_false (g_file_test (f->pdf, G_FILE_TEST_EXISTS));
}

static void
test_bad_input_exits_2 (Fixture *f, gconstpointer data)
{
  g_autofree char *missing_db = g_build_filename (f->folder, "missing.db", NULL);
  const char *unknown[] = { "--db", f->db, "--sheet", "6f0e0000-0000-4000-8000-000000000000",
                            "--output", "sheet.pdf", NULL };
  const char *not_an_id[] = { "--db", f->db, "--sheet", "42", "--output", "sheet.pdf", NULL };
  const char *no_output[] = { "--db", f->db, "--sheet", SESSION_ID, NULL };
  const char *not_pdf[] = { "--db", f->db, "--sheet", SESSION_ID, "--output", "sheet.txt", NULL };
  const char *bad_run[] = { "--db", f->db, "--sheet", SESSION_ID, "--output", "sheet.pdf",
                            "--planned-run", "tempo", NULL };
  const char *bad_paper[] = { "--db", f->db, "--sheet", SESSION_ID, "--output", "sheet.pdf",
                              "--paper", "a5", NULL };
  const char *no_db[] = { "--db", missing_db, "--sheet", SESSION_ID, "--output", "sheet.pdf", NULL };

  assert_refused (f, unknown, "no session with ID “6f0e0000-0000-4000-8000-000000000000”");
  assert_refused (f, not_an_id, "no session with ID “42”");
  assert_refused (f, no_output, "--sheet needs --output");
  assert_refused (f, not_pdf, "--output");
  assert_refused (f, bad_run, "--planned-run");
  assert_refused (f, bad_paper, "--paper");
  assert_refused (f, no_db, "no database");
  /* A sheet never creates a database. */
  g_assert_false (g_file_test (missing_db, G_FILE_TEST_EXISTS));
}

/* Ids differ only in case: a session imported with an upper-case id (and
 * a check-in that makes its verdict rest) is found, check-in included, by
 * its id in any case, and importing the file again adds nothing. */
static void
test_id_in_any_case (Fixture *f, gconstpointer data)
{
  g_autoptr(GDateTime) checkin_at = g_date_time_add_minutes (f->ended_at, 30);
  g_autofree char *ended = aftercare_time_format_utc (f->ended_at);
  g_autofree char *at = aftercare_time_format_utc (checkin_at);
  g_autofree char *backup = g_build_filename (f->folder, "upper.json", NULL);
  g_autofree char *json = g_strdup_printf (
    "{\"format\": \"aftercare-backup\", \"version\": 1, \"exported_at\": \"%s\", \"sessions\": [\n"
    " {\"id\": \"A1B2C3D4-0000-4000-8000-00000000CAFE\", \"ended_at\": \"%s\", \"duration_minutes\": 60,\n"
    "  \"type\": \"swedish\", \"pressure\": \"light\", \"first_time\": false, \"areas\": [],\n"
    "  \"client\": \"Robin Case\", \"therapist\": \"\", \"notes\": \"\", \"checkins\": [\n"
    "   {\"id\": \"C0FFEE00-0000-4000-8000-0000000000AB\", \"at\": \"%s\", \"soreness\": 3,\n"
    "    \"symptoms\": [\"fever\"], \"notes\": \"\"}]}]}\n",
    ended, ended, at);
  const char *import[] = { "--db", f->db, "--import", "upper.json", NULL };
  const char *upper[] = { "--db", f->db, "--sheet", "A1B2C3D4-0000-4000-8000-00000000CAFE",
                          "--output", "sheet.pdf", NULL };
  const char *lower[] = { "--db", f->db, "--sheet", "a1b2c3d4-0000-4000-8000-00000000cafe",
                          "--output", "sheet.pdf", NULL };
  const char *mixed[] = { "--db", f->db, "--sheet", "0B7C5A1E-2f4d-4C3B-9a8e-1D2C3B4A5F60",
                          "--output", "sheet.pdf", NULL };
  g_autofree char *out = NULL;
  g_autofree char *again = NULL;
  g_autofree char *text = NULL;

  g_assert_true (g_file_set_contents (backup, json, -1, NULL));
  g_assert_cmpint (run (f, import, &out, NULL), ==, 0);
  g_assert_cmpint (run (f, import, &again, NULL), ==, 0);
  g_assert_nonnull (strstr (again, "Imported 0 sessions and 0 check-ins"));

  for (guint i = 0; i < 2; i++)
    {
      g_remove (f->pdf);
      g_assert_cmpint (run (f, i == 0 ? upper : lower, NULL, NULL), ==, 0);
      g_clear_pointer (&text, g_free);
      text = pdf_text (f->pdf);
      assert_contains (text, "Aftercare for Robin Case");
      /* The fever at the check-in: found through the stored id. */
      assert_contains (text, aftercare_verdict_get_title (AFTERCARE_VERDICT_REST));
    }
  /* The fixture's session, stored in lower case, asked for in mixed case. */
  g_remove (f->pdf);
  g_assert_cmpint (run (f, mixed, NULL, NULL), ==, 0);
  g_clear_pointer (&text, g_free);
  text = pdf_text (f->pdf);
  assert_contains (text, "Aftercare for Jordan Avery");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/sheet-cli/writes-the-sheet", test_writes_the_sheet);
  ADD ("/sheet-cli/clinic-name-from-preferences", test_clinic_name_from_preferences);
  ADD ("/sheet-cli/uses-the-time-and-clock-it-is-told", test_uses_the_time_and_clock_it_is_told);
  ADD ("/sheet-cli/clinic-name-it-is-told", test_clinic_name_it_is_told);
  ADD ("/sheet-cli/letter-paper", test_letter_paper);
  ADD ("/sheet-cli/bad-input-exits-2", test_bad_input_exits_2);
  ADD ("/sheet-cli/id-in-any-case", test_id_in_any_case);
#undef ADD
  return g_test_run ();
}
