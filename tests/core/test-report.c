/* test-report.c: the report for the therapist, in words and as a PDF, from the core and from the command line (aftercare-report.c, aftercare-session-report.c, aftercare-cli-report-pdf.c). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "aftercare-report.h"
#include "aftercare-session-report.h"
#include "aftercare-sheet.h"
#include "aftercare-time.h"
#include "pdf-text.h"
#include "store-test-util.h"

#define NEWEST_ID "0b7c5a1e-2f4d-4c3b-9a8e-1d2c3b4a5f60"

typedef struct {
  char *folder;
  char *db;
  AftercareStore *store;
  AftercareSession *newest;
} Fixture;

static AftercareSession *
add_session (Fixture           *f,
             const char        *id,
             const char        *ended_at,
             const char        *client,
             const guint        soreness[3],
             AftercareSymptoms  symptoms,
             const char        *note)
{
  g_autoptr(AftercareSession) session = test_session_new (ended_at);
  g_autoptr(GError) error = NULL;
  static const int hours[3] = { 3, 20, 40 };

  if (id != NULL)
    aftercare_session_set_id (session, id);
  aftercare_session_set_massage_type (session, AFTERCARE_MASSAGE_DEEP_TISSUE);
  aftercare_session_set_client (session, client);
  g_assert_true (aftercare_store_add_session (f->store, session, &error));
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GDateTime) at = g_date_time_add_hours (aftercare_session_get_ended_at (session), hours[i]);
      g_autoptr(AftercareCheckin) checkin = aftercare_checkin_new (aftercare_session_get_id (session), at,
                                                                   soreness[i], i == 1 ? symptoms : 0);

      aftercare_checkin_set_notes (checkin, i == 1 ? note : "");
      g_assert_true (aftercare_store_add_checkin (f->store, checkin, &error));
    }
  g_assert_no_error (error);
  return g_steal_pointer (&session);
}

/* Four deep-tissue massages of Ana's (the newest with bruising), one of Ben's. */
static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(AftercareSession) oldest = NULL;
  g_autoptr(AftercareSession) other = NULL;
  g_autoptr(AftercareSession) ben = NULL;
  g_autoptr(AftercareSession) third = NULL;

  f->folder = test_make_folder ();
  f->db = g_build_filename (f->folder, "a.db", NULL);
  f->store = test_store_open (f->db);
  oldest = add_session (f, NULL, "2026-10-01T10:00:00Z", "Ana", (guint[]) { 2, 3, 1 }, 0, "");
  other = add_session (f, NULL, "2026-10-08T10:00:00Z", "Ana", (guint[]) { 3, 5, 2 }, 0, "Stiff going downstairs");
  ben = add_session (f, NULL, "2026-10-10T10:00:00Z", "Ben", (guint[]) { 1, 9, 8 }, 0, "");
  third = add_session (f, NULL, "2026-10-15T10:00:00Z", "Ana", (guint[]) { 3, 4, 2 }, 0, "");
  f->newest = add_session (f, NEWEST_ID, "2026-10-22T10:00:00Z", "Ana", (guint[]) { 4, 6, 2 },
                           AFTERCARE_SYMPTOM_BRUISING, "Bruising on the calves");
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->newest);
  g_clear_object (&f->store);
  test_remove_folder (f->folder);
  g_free (f->folder);
  g_free (f->db);
}

static void
assert_contains (const char *text, const char *expected)
{
  if (strstr (text, expected) == NULL)
    g_error ("“%s” is not in the report:\n%s", expected, text);
}

/* One massage in plain words: the worst soreness and when, the symptoms,
 * and when it was mild for good, or that it still is not. */
static void
test_describes_a_recovery (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) checkins = aftercare_store_list_checkins (f->store, aftercare_session_get_id (f->newest), NULL);
  g_autofree char *text = aftercare_report_describe_recovery (f->newest, checkins);
  g_autofree char *none = aftercare_report_describe_recovery (f->newest, NULL);
  g_autofree char *still = NULL;

  g_assert_cmpstr (text, ==, "Sore 6/10 12 to 24 hours after, with bruising; mild by about 40 hours.");
  g_assert_cmpstr (none, ==, "No check-ins after this massage.");
  g_ptr_array_set_size (checkins, 2);
  still = aftercare_report_describe_recovery (f->newest, checkins);
  g_assert_cmpstr (still, ==, "Sore 6/10 12 to 24 hours after, with bruising; "
                              "still 6/10 at the last check-in, 20 hours after.");
}

static char *
write_report (Fixture *f, guint same_kind, gboolean per_client, guint *n_pages)
{
  g_autoptr(GDateTime) now = aftercare_time_parse ("2026-10-25T12:00:00Z");
  g_autoptr(GError) error = NULL;
  g_autoptr(AftercareReport) report = aftercare_session_report_new (f->store, f->newest, same_kind, per_client,
                                                                    now, TRUE, &error);
  g_autofree char *pdf = g_build_filename (f->folder, "report.pdf", NULL);
  GStatBuf st;

  g_assert_no_error (error);
  g_assert_true (aftercare_report_write_pdf (report, pdf, AFTERCARE_SHEET_A4_WIDTH, AFTERCARE_SHEET_A4_HEIGHT,
                                             &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (pdf, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  *n_pages = pdf_n_pages (pdf);
  g_assert_cmpuint (*n_pages, ==, aftercare_report_get_n_pages (report, AFTERCARE_SHEET_A4_WIDTH,
                                                                AFTERCARE_SHEET_A4_HEIGHT));
  return pdf_text (pdf);
}

/* The last three of Ana's kind: each massage, its check-ins as a table with
 * symptoms and notes, the summary, and her pattern from the others;
 * nothing of Ben's and nothing older. */
static void
test_last_three_of_a_client (Fixture *f, gconstpointer data)
{
  guint n_pages;
  g_autofree char *text = write_report (f, 3, TRUE, &n_pages);

  assert_contains (text, "How Ana recovered");
  assert_contains (text, "Printed Sun 25 Oct 2026, 12:00");
  assert_contains (text, "Thu 22 Oct: Sore 6/10 12 to 24 hours after, with bruising; mild by about 40 hours.");
  assert_contains (text, "Thu 15 Oct: Sore 4/10 12 to 24 hours after; mild by about 40 hours.");
  assert_contains (text, "Thu 8 Oct: Sore 5/10 12 to 24 hours after; mild by about 40 hours.");
  g_assert_null (strstr (text, "1 Oct"));
  g_assert_null (strstr (text, "9/10"));
  /* The table, read a column at a time: when, soreness, symptoms, then notes. */
  assert_contains (text, "Fri 23 Oct, 06:00 20 hours after 6/10 Bruising");
  assert_contains (text, "Bruising on the calves");
  assert_contains (text, "Stiff going downstairs");
  assert_contains (text, "Ana, after Deep tissue · deep pressure: usually 4/10 12 to 24 hours after, "
                         "mild by about 40 hours, from 3 massages.");
  assert_contains (text, "First run window: usually 4/10 (3 to 5), from 3 massages");
  assert_contains (text, "General information, not medical advice.");
  g_assert_cmpuint (n_pages, >=, 1);
}

/* One massage, for everyone's pattern: the sentence says "You", and Ben's
 * massage counts in it. */
static void
test_one_massage (Fixture *f, gconstpointer data)
{
  guint n_pages;
  g_autofree char *text = write_report (f, 1, FALSE, &n_pages);

  assert_contains (text, "How I recovered");
  g_assert_null (strstr (text, "15 Oct"));
  assert_contains (text, "You, after Deep tissue · deep pressure: usually 5/10 12 to 24 hours after");
  assert_contains (text, "from 4 massages.");
  g_assert_cmpuint (n_pages, ==, 1);
}

/* The command line: written without a display, and one line on standard
 * error with status 2 for a bad ID or value. */
static void
test_command_line (Fixture *f, gconstpointer data)
{
  g_autofree char *pdf = g_build_filename (f->folder, "cli.pdf", NULL);
  const char *exe = g_getenv ("AFTERCARE_EXE");
  g_auto(GStrv) envp = g_environ_unsetenv (g_get_environ (), "DISPLAY");
  struct { const char *id; const char *same_kind; const char *output; int status; const char *message; } cases[] = {
    { NEWEST_ID, "2", pdf, 0, NULL },
    { "no-such-id", "1", pdf, 2, "aftercare: --report: no session with ID “no-such-id” in this database\n" },
    { NEWEST_ID, "0", pdf, 2, "aftercare: --same-kind must be a whole number from 1 to 20, not “0”\n" },
    { NEWEST_ID, "two", pdf, 2, "aftercare: --same-kind must be a whole number from 1 to 20, not “two”\n" },
    { NEWEST_ID, "1", "report.txt", 2, "aftercare: --output must name a PDF file ending in .pdf, not “report.txt”\n" },
  };

  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  envp = g_environ_setenv (envp, "TZ", "UTC", TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *argv[] = { exe, "--db", f->db, "--report", cases[i].id, "--same-kind", cases[i].same_kind,
                             "--output", cases[i].output, NULL };
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_clear_object (&f->store);
      int status = test_run (argv, (const char * const *) envp, &out, &err);

      if (status != cases[i].status)
        g_error ("%s exited with %d: %s", cases[i].id, status, err);
      if (cases[i].message != NULL)
        {
          g_assert_cmpstr (err, ==, cases[i].message);
          g_assert_cmpstr (out, ==, "");
        }
      else
        {
          g_autofree char *text = pdf_text (pdf);
          g_autofree char *expected = g_strdup_printf ("Wrote %s (2 pages, 2 massages)\n", pdf);

          g_assert_cmpstr (out, ==, expected);
          assert_contains (text, "How Ana recovered");
          assert_contains (text, "Bruising on the calves");
          g_assert_null (strstr (text, "Thu 8 Oct"));
        }
    }
}

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int argc, char *argv[])
{
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);
  ADD ("/report/describes-a-recovery", test_describes_a_recovery);
  ADD ("/report/last-three-of-a-client", test_last_three_of_a_client);
  ADD ("/report/one-massage", test_one_massage);
  ADD ("/report/command-line", test_command_line);
  return g_test_run ();
}
