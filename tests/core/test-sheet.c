/* test-sheet.c: the aftercare sheet as a PDF, read back with pdftotext (aftercare-sheet.c). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <string.h>

#include "aftercare-advisor.h"
#include "aftercare-labels.h"
#include "aftercare-sheet.h"
#include "aftercare-time.h"
#include "pdf-text.h"

#define CLINIC "Harbour Sports Massage"
#define CLIENT "Jordan Avery"

typedef struct {
  char *dir;
  char *pdf;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->dir = g_dir_make_tmp ("aftercare-sheet-XXXXXX", NULL);
  f->pdf = g_build_filename (f->dir, "sheet.pdf", NULL);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  const char *keep = g_getenv ("AFTERCARE_KEEP_SHEETS");

  /* AFTERCARE_KEEP_SHEETS=DIR keeps each PDF there, to look at. */
  if (keep != NULL && g_file_test (f->pdf, G_FILE_TEST_EXISTS))
    {
      g_autofree char *name = g_strdelimit (g_strdup (g_test_get_path ()), "/", '-');
      g_autofree char *target = g_strconcat (keep, G_DIR_SEPARATOR_S, name + 1, ".pdf", NULL);

      g_rename (f->pdf, target);
    }
  g_remove (f->pdf);
  g_rmdir (f->dir);
  g_free (f->pdf);
  g_free (f->dir);
}

static GDateTime *
time_at (const char *text)
{
  GDateTime *time = aftercare_time_parse (text);

  g_assert_nonnull (time);
  return time;
}

static AftercareSession *
deep_tissue_session (const char *ended_at)
{
  g_autoptr(GDateTime) end = time_at (ended_at);
  AftercareSession *session = aftercare_session_new (end);

  aftercare_session_set_massage_type (session, AFTERCARE_MASSAGE_DEEP_TISSUE);
  aftercare_session_set_pressure (session, AFTERCARE_PRESSURE_DEEP);
  aftercare_session_set_duration_minutes (session, 60);
  aftercare_session_set_therapist (session, "Sam Rivera");
  return session;
}

/* A sheet for session with one optional check-in, printed at now. */
static AftercareSheet *
sheet_for (AftercareSession  *session,
           AftercareCheckin  *checkin,
           AftercarePlannedRun planned_run,
           const char        *now_text)
{
  g_autoptr(GDateTime) now = time_at (now_text);
  g_autoptr(GPtrArray) checkins = g_ptr_array_new ();
  g_autoptr(AftercareAssessment) assessment = NULL;
  AftercareSheet *sheet;

  if (checkin != NULL)
    g_ptr_array_add (checkins, checkin);
  assessment = aftercare_advisor_assess (session, checkins, planned_run, now);
  sheet = aftercare_sheet_new (session, assessment, planned_run, now);
  aftercare_sheet_set_clinic_name (sheet, CLINIC);
  return sheet;
}

static void
assert_contains (const char *text,
                 const char *expected)
{
  g_autofree char *folded = fold_spaces (expected);

  if (strstr (text, folded) == NULL)
    g_error ("“%s” is not on the sheet:\n%s", folded, text);
}

/* Nothing is cut off: every word lies inside the page, clear of its edges. */
static void
assert_words_inside_pages (const char *pdf)
{
  g_autoptr(GPtrArray) words = pdf_words (pdf);

  g_assert_cmpuint (words->len, >, 100);
  for (guint i = 0; i < words->len; i++)
    {
      PdfWord *word = g_ptr_array_index (words, i);

      g_assert_cmpfloat (word->x_min, >=, 30);
      g_assert_cmpfloat (word->x_max, <=, word->page_width - 30);
      g_assert_cmpfloat (word->y_min, >=, 30);
      g_assert_cmpfloat (word->y_max, <=, word->page_height - 25);
    }
}

static char *
write_and_read (Fixture        *f,
                AftercareSheet *sheet,
                double          width,
                double          height)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (aftercare_sheet_write_pdf (sheet, f->pdf, width, height, &error));
  g_assert_no_error (error);
  assert_words_inside_pages (f->pdf);
  return pdf_text (f->pdf);
}

static void
test_clinic_verdict_and_clock_times (Fixture *f, gconstpointer data)
{
  g_autoptr(AftercareSession) session = deep_tissue_session ("2026-11-24T10:30:00Z");
  g_autoptr(AftercareSheet) sheet = NULL;
  g_autofree char *text = NULL;

  aftercare_session_set_client (session, CLIENT);
  sheet = sheet_for (session, NULL, AFTERCARE_PLANNED_RUN_EASY, "2026-11-24T10:45:00Z");
  g_assert_cmpuint (aftercare_sheet_get_n_pages (sheet, AFTERCARE_SHEET_A4_WIDTH, AFTERCARE_SHEET_A4_HEIGHT), ==, 1);
  text = write_and_read (f, sheet, AFTERCARE_SHEET_A4_WIDTH, AFTERCARE_SHEET_A4_HEIGHT);
  g_assert_cmpuint (pdf_n_pages (f->pdf), ==, 1);

  assert_contains (text, CLINIC);
  assert_contains (text, "Aftercare for " CLIENT);
  assert_contains (text, "Deep tissue");
  assert_contains (text, "Tue 24 Nov 2026, 10:30");
  /* Deep pressure, 15 minutes after: not yet, an easy run from 12 hours. */
  assert_contains (text, aftercare_verdict_get_title (AFTERCARE_VERDICT_WAIT));
  assert_contains (text, "An easy run from 22:30");
  /* The plan on the clock, from the session's end. */
  assert_contains (text, "until 14:30");
  assert_contains (text, "from 14:30 to 22:30");
  assert_contains (text, "from 22:30 to tomorrow 10:30");
  assert_contains (text, "from tomorrow 10:30 to Thu 26 Nov 10:30");
  assert_contains (text, "from Thu 26 Nov 10:30");
  /* The warning signs, with the time soreness should be gone by. */
  assert_contains (text, "Do not run, and call your therapist or a doctor, if you notice");
  assert_contains (text, "Soreness above mild at Thu 26 Nov 10:30");
  assert_contains (text, aftercare_disclaimer ());
  /* One page: no page numbers. */
  g_assert_null (strstr (text, "Page 1 of"));
}

static void
test_every_reason_is_printed (Fixture *f, gconstpointer data)
{
  g_autoptr(AftercareSession) session = deep_tissue_session ("2026-11-24T10:30:00Z");
  g_autoptr(GDateTime) at = time_at ("2026-11-24T16:30:00Z");
  g_autoptr(AftercareCheckin) checkin = aftercare_checkin_new (aftercare_session_get_id (session), at, 4,
                                                               AFTERCARE_SYMPTOM_HEAVINESS |
                                                               AFTERCARE_SYMPTOM_BRUISING);
  g_autoptr(AftercareSheet) sheet = NULL;
  g_autofree char *text = NULL;
  const char * const *reasons;

  aftercare_session_set_first_time (session, TRUE);
  sheet = sheet_for (session, checkin, AFTERCARE_PLANNED_RUN_HARD, "2026-11-24T17:00:00Z");
  reasons = aftercare_assessment_get_reasons (aftercare_sheet_get_assessment (sheet));
  text = write_and_read (f, sheet, AFTERCARE_SHEET_A4_WIDTH, AFTERCARE_SHEET_A4_HEIGHT);
  g_assert_cmpuint (g_strv_length ((char **) reasons), >=, 3);
  for (guint i = 0; reasons[i] != NULL; i++)
    assert_contains (text, reasons[i]);
  assert_contains (text, aftercare_verdict_get_title (AFTERCARE_VERDICT_REST));
  assert_contains (text, "Your aftercare");      /* no client name */
}

static void
test_seek_care_names_the_warning_signs (Fixture *f, gconstpointer data)
{
  g_autoptr(AftercareSession) session = deep_tissue_session ("2026-11-24T10:30:00Z");
  g_autoptr(GDateTime) at = time_at ("2026-11-24T12:00:00Z");
  g_autoptr(AftercareCheckin) checkin = aftercare_checkin_new (aftercare_session_get_id (session), at, 2,
                                                               AFTERCARE_SYMPTOM_NUMBNESS);
  g_autoptr(AftercareSheet) sheet = sheet_for (session, checkin, AFTERCARE_PLANNED_RUN_EASY,
                                               "2026-11-24T12:00:00Z");
  g_autofree char *text = write_and_read (f, sheet, AFTERCARE_SHEET_A4_WIDTH, AFTERCARE_SHEET_A4_HEIGHT);

  assert_contains (text, aftercare_verdict_get_title (AFTERCARE_VERDICT_SEEK_CARE));
  assert_contains (text, "Warning signs you reported: numbness.");
  assert_contains (text, aftercare_verdict_get_description (AFTERCARE_VERDICT_SEEK_CARE));
}

static void
test_twelve_hour_clock (Fixture *f, gconstpointer data)
{
  g_autoptr(AftercareSession) session = deep_tissue_session ("2026-11-24T10:30:00Z");
  g_autoptr(AftercareSheet) sheet = sheet_for (session, NULL, AFTERCARE_PLANNED_RUN_EASY,
                                               "2026-11-24T10:45:00Z");
  g_autofree char *text = NULL;

  aftercare_sheet_set_clock_24h (sheet, FALSE);
  text = write_and_read (f, sheet, AFTERCARE_SHEET_A4_WIDTH, AFTERCARE_SHEET_A4_HEIGHT);
  assert_contains (text, "until 2:30 PM");
  assert_contains (text, "from 2:30 PM to 10:30 PM");
  assert_contains (text, "An easy run from 10:30 PM");
}

static const char *notes_sentences[] = {
  "Worked mostly on both calves and the left hamstring, where the tissue was dense.",
  "The right calf was tender at the start and eased towards the end of the session.",
  "Keep the calf raises light this week and skip the hill repeats until Saturday.",
  "Drink plenty of water this evening and go to bed a little earlier than usual.",
  "Mention the left hamstring at your next visit so we can check how it settled.",
  "A foam roller is fine from tomorrow, slowly and never into sharp pain.",
};

/* Notes long enough to need a second page, and a long clinic name. */
static char *
long_notes (void)
{
  GString *notes = g_string_new (NULL);

  for (guint round = 0; round < 5; round++)
    for (guint i = 0; i < G_N_ELEMENTS (notes_sentences); i++)
      g_string_append_printf (notes, "%s%u. %s", notes->len > 0 ? (i == 0 ? "\n\n" : " ") : "",
                              round + 1, notes_sentences[i]);
  return g_string_free (notes, FALSE);
}

/* The text of the pages' bodies run together: without the footer and the
 * running head, so a paragraph broken across pages reads on. */
static char *
body_text (const char *text)
{
  g_autoptr(GString) body = g_string_new (text);
  g_autofree char *disclaimer = fold_spaces (aftercare_disclaimer ());

  g_string_replace (body, disclaimer, "", 0);
  g_string_replace (body, " Page 1 of 2 Aftercare for " CLIENT " (continued) ", " ", 0);
  g_string_replace (body, "  ", " ", 0);
  return g_string_free (g_steal_pointer (&body), FALSE);
}

static void
test_long_sheet_takes_two_pages_and_loses_nothing (Fixture *f, gconstpointer data)
{
  g_autoptr(AftercareSession) session = deep_tissue_session ("2026-11-24T10:30:00Z");
  g_autoptr(GDateTime) at = time_at ("2026-11-24T16:30:00Z");
  g_autoptr(AftercareCheckin) checkin = aftercare_checkin_new (aftercare_session_get_id (session), at, 4,
                                                               AFTERCARE_SYMPTOM_SWELLING |
                                                               AFTERCARE_SYMPTOM_REDUCED_RANGE);
  g_autofree char *notes = long_notes ();
  g_autoptr(AftercareSheet) sheet = NULL;
  g_autofree char *text = NULL;
  g_autofree char *body = NULL;
  const char * const *reasons;
  guint n_pages;

  aftercare_session_set_notes (session, notes);
  aftercare_session_set_client (session, CLIENT);
  sheet = sheet_for (session, checkin, AFTERCARE_PLANNED_RUN_STEADY, "2026-11-24T17:00:00Z");
  n_pages = aftercare_sheet_get_n_pages (sheet, AFTERCARE_SHEET_A4_WIDTH, AFTERCARE_SHEET_A4_HEIGHT);
  g_assert_cmpuint (n_pages, ==, 2);
  text = write_and_read (f, sheet, AFTERCARE_SHEET_A4_WIDTH, AFTERCARE_SHEET_A4_HEIGHT);
  g_assert_cmpuint (pdf_n_pages (f->pdf), ==, 2);
  assert_contains (text, "Page 1 of 2");
  assert_contains (text, "Page 2 of 2");
  assert_contains (text, "Aftercare for " CLIENT " (continued)");
  assert_contains (text, aftercare_disclaimer ());
  /* Every sentence of the notes and every reason, whole, exactly once. */
  body = body_text (text);
  for (guint round = 0; round < 5; round++)
    for (guint i = 0; i < G_N_ELEMENTS (notes_sentences); i++)
      {
        g_autofree char *sentence = g_strdup_printf ("%u. %s", round + 1, notes_sentences[i]);
        const char *found;

        assert_contains (body, sentence);
        found = strstr (body, sentence);
        g_assert_null (strstr (found + 1, sentence));
      }
  reasons = aftercare_assessment_get_reasons (aftercare_sheet_get_assessment (sheet));
  for (guint i = 0; reasons[i] != NULL; i++)
    assert_contains (body, reasons[i]);
  assert_contains (body, "from Thu 26 Nov 10:30");
  assert_contains (body, "a headache that does not go away");
}

/* Without notes, a sheet is the one page a client is handed, on either
 * paper, whatever the verdict: even with every rule firing at once. */
static void
test_usual_sheets_fit_one_page (Fixture *f, gconstpointer data)
{
  static const struct {
    AftercarePressure pressure;
    const char *checkin_at;
    guint soreness;
    AftercareSymptoms symptoms;
    AftercareVerdict verdict;
  } cases[] = {
    { AFTERCARE_PRESSURE_LIGHT, "2026-11-25T16:30:00Z", 1, 0, AFTERCARE_VERDICT_TRAIN },
    { AFTERCARE_PRESSURE_LIGHT, "2026-11-24T11:30:00Z", 1, 0, AFTERCARE_VERDICT_EASY_RUN },
    { AFTERCARE_PRESSURE_DEEP, "2026-11-24T11:30:00Z", 2, 0, AFTERCARE_VERDICT_WAIT },
    { AFTERCARE_PRESSURE_DEEP, "2026-11-24T16:30:00Z", 5,
      AFTERCARE_SYMPTOMS_TISSUE | AFTERCARE_SYMPTOM_HEADACHE, AFTERCARE_VERDICT_REST },
    { AFTERCARE_PRESSURE_DEEP, "2026-11-25T16:30:00Z", 6,
      AFTERCARE_SYMPTOMS_TISSUE | AFTERCARE_SYMPTOMS_NERVE_OR_INJURY | AFTERCARE_SYMPTOMS_SYSTEMIC,
      AFTERCARE_VERDICT_SEEK_CARE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AftercareSession) session = deep_tissue_session ("2026-11-24T10:30:00Z");
      g_autoptr(GDateTime) at = time_at (cases[i].checkin_at);
      g_autoptr(AftercareCheckin) checkin = NULL;
      g_autoptr(AftercareSheet) sheet = NULL;
      g_autofree char *now = g_strdup (cases[i].checkin_at);

      aftercare_session_set_pressure (session, cases[i].pressure);
      aftercare_session_set_first_time (session, TRUE);
      aftercare_session_set_client (session, CLIENT);
      checkin = aftercare_checkin_new (aftercare_session_get_id (session), at,
                                       cases[i].soreness, cases[i].symptoms);
      sheet = sheet_for (session, checkin, AFTERCARE_PLANNED_RUN_HARD, now);
      aftercare_sheet_set_clock_24h (sheet, FALSE);
      g_assert_cmpint (aftercare_assessment_get_verdict (aftercare_sheet_get_assessment (sheet)), ==,
                       cases[i].verdict);
      g_assert_cmpuint (aftercare_sheet_get_n_pages (sheet, AFTERCARE_SHEET_A4_WIDTH,
                                                     AFTERCARE_SHEET_A4_HEIGHT), ==, 1);
      g_assert_cmpuint (aftercare_sheet_get_n_pages (sheet, AFTERCARE_SHEET_LETTER_WIDTH,
                                                     AFTERCARE_SHEET_LETTER_HEIGHT), ==, 1);
    }
}

static void
test_letter_paper (Fixture *f, gconstpointer data)
{
  g_autoptr(AftercareSession) session = deep_tissue_session ("2026-11-24T10:30:00Z");
  g_autoptr(AftercareSheet) sheet = sheet_for (session, NULL, AFTERCARE_PLANNED_RUN_EASY,
                                               "2026-11-24T10:45:00Z");
  g_autofree char *text = write_and_read (f, sheet, AFTERCARE_SHEET_LETTER_WIDTH, AFTERCARE_SHEET_LETTER_HEIGHT);
  g_autoptr(GPtrArray) words = pdf_words (f->pdf);
  PdfWord *first = g_ptr_array_index (words, 0);

  g_assert_cmpfloat_with_epsilon (first->page_width, 612, 0.5);
  g_assert_cmpfloat_with_epsilon (first->page_height, 792, 0.5);
  g_assert_cmpuint (pdf_n_pages (f->pdf), ==,
                    aftercare_sheet_get_n_pages (sheet, AFTERCARE_SHEET_LETTER_WIDTH, AFTERCARE_SHEET_LETTER_HEIGHT));
  assert_contains (text, "until 14:30");
}

static void
test_unwritable_path_is_an_error (Fixture *f, gconstpointer data)
{
  g_autoptr(AftercareSession) session = deep_tissue_session ("2026-11-24T10:30:00Z");
  g_autoptr(AftercareSheet) sheet = sheet_for (session, NULL, AFTERCARE_PLANNED_RUN_EASY,
                                               "2026-11-24T10:45:00Z");
  g_autofree char *path = g_build_filename (f->dir, "missing", "sheet.pdf", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (aftercare_sheet_write_pdf (sheet, path, AFTERCARE_SHEET_A4_WIDTH,
                                             AFTERCARE_SHEET_A4_HEIGHT, &error));
  g_assert_error (error, AFTERCARE_SHEET_ERROR, AFTERCARE_SHEET_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* The sheet holds health data: only its owner may read it, whether it is
 * new or replaces a file others could read. */
static void
test_pdf_is_private (Fixture *f, gconstpointer data)
{
  g_autoptr(AftercareSession) session = deep_tissue_session ("2026-11-24T10:30:00Z");
  g_autoptr(AftercareSheet) sheet = sheet_for (session, NULL, AFTERCARE_PLANNED_RUN_EASY,
                                               "2026-11-24T10:45:00Z");
  GStatBuf st;

  for (guint round = 0; round < 2; round++)
    {
      g_autoptr(GError) error = NULL;

      if (round == 1)
        g_assert_cmpint (g_chmod (f->pdf, 0644), ==, 0);
      g_assert_true (aftercare_sheet_write_pdf (sheet, f->pdf, AFTERCARE_SHEET_A4_WIDTH,
                                                AFTERCARE_SHEET_A4_HEIGHT, &error));
      g_assert_no_error (error);
      g_assert_cmpint (g_stat (f->pdf, &st), ==, 0);
      g_assert_cmpint (st.st_mode & 0777, ==, 0600);
    }
}

/* The clinic's contact beside "call your therapist"; no duration that
 * nobody entered (0 minutes, as the wizard leaves it). */
static void
test_contact_line_and_only_what_was_entered (Fixture *f, gconstpointer data)
{
  g_autoptr(AftercareSession) session = deep_tissue_session ("2026-11-24T10:30:00Z");
  g_autoptr(AftercareSheet) sheet = NULL;
  g_autofree char *text = NULL;

  aftercare_session_set_duration_minutes (session, 0);
  sheet = sheet_for (session, NULL, AFTERCARE_PLANNED_RUN_EASY, "2026-11-24T10:45:00Z");
  aftercare_sheet_set_clinic_contact (sheet, "Phone 01234 567890 · harbour.example");
  text = write_and_read (f, sheet, AFTERCARE_SHEET_A4_WIDTH, AFTERCARE_SHEET_A4_HEIGHT);
  assert_contains (text, "call your therapist or a doctor");
  assert_contains (text, "Clinic: Phone 01234 567890 · harbour.example");
  g_assert_null (strstr (text, "Duration"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/sheet/clinic-verdict-and-clock-times", test_clinic_verdict_and_clock_times);
  ADD ("/sheet/contact-line-and-only-what-was-entered", test_contact_line_and_only_what_was_entered);
  ADD ("/sheet/every-reason-is-printed", test_every_reason_is_printed);
  ADD ("/sheet/seek-care-names-the-warning-signs", test_seek_care_names_the_warning_signs);
  ADD ("/sheet/twelve-hour-clock", test_twelve_hour_clock);
  ADD ("/sheet/long-sheet-takes-two-pages-and-loses-nothing", test_long_sheet_takes_two_pages_and_loses_nothing);
  ADD ("/sheet/usual-sheets-fit-one-page", test_usual_sheets_fit_one_page);
  ADD ("/sheet/letter-paper", test_letter_paper);
  ADD ("/sheet/unwritable-path-is-an-error", test_unwritable_path_is_an_error);
  ADD ("/sheet/pdf-is-private", test_pdf_is_private);
#undef ADD
  return g_test_run ();
}
