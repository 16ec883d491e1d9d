/* test-sheet-print.c: printing goes through the core's renderer: same pages, same text, any paper (aftercare-sheet-print.c). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "aftercare-advisor.h"
#include "aftercare-sheet-print.h"
#include "aftercare-time.h"
#include "../core/pdf-text.h"

typedef struct {
  char *dir;
  char *printed;
  char *direct;
  AftercareSheet *sheet;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GDateTime) end = aftercare_time_parse ("2026-11-24T10:30:00Z");
  g_autoptr(GDateTime) now = aftercare_time_parse ("2026-11-24T10:45:00Z");
  g_autoptr(AftercareSession) session = aftercare_session_new (end);
  g_autoptr(AftercareAssessment) assessment = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  f->dir = g_dir_make_tmp ("aftercare-print-XXXXXX", NULL);
  f->printed = g_build_filename (f->dir, "printed.pdf", NULL);
  f->direct = g_build_filename (f->dir, "direct.pdf", NULL);
  aftercare_session_set_massage_type (session, AFTERCARE_MASSAGE_DEEP_TISSUE);
  aftercare_session_set_pressure (session, AFTERCARE_PRESSURE_DEEP);
  aftercare_session_set_client (session, "Jordan Avery");
  assessment = aftercare_advisor_assess (session, NULL, AFTERCARE_PLANNED_RUN_EASY, now);
  g_settings_set_string (settings, "clinic-name", "Harbour Sports Massage");
  f->sheet = aftercare_sheet_print_prepare (session, assessment, AFTERCARE_PLANNED_RUN_EASY, now,
                                            settings, TRUE);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_remove (f->printed);
  g_remove (f->direct);
  g_rmdir (f->dir);
  g_free (f->printed);
  g_free (f->direct);
  g_free (f->dir);
  g_object_unref (f->sheet);
}

/* Runs the print operation to a PDF file, as "Print to File" does. */
static void
print_to_file (Fixture      *f,
               GtkPageSetup *setup)
{
  g_autoptr(GtkPrintOperation) operation = aftercare_sheet_print_operation_new (f->sheet);
  g_autoptr(GError) error = NULL;

  if (setup != NULL)
    gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_export_filename (operation, f->printed);
  g_assert_cmpint (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
}

static GtkPageSetup *
page_setup_new (const char         *paper,
                GtkPageOrientation  orientation)
{
  GtkPageSetup *setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) size = gtk_paper_size_new (paper);

  gtk_page_setup_set_paper_size (setup, size);
  gtk_page_setup_set_orientation (setup, orientation);
  return setup;
}

/* The printed pages are the PDF's pages: same count, same words in the
 * same places. */
static void
assert_same_as_core (Fixture *f,
                     double   width,
                     double   height)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) printed = NULL;
  g_autoptr(GPtrArray) direct = NULL;

  g_assert_true (aftercare_sheet_write_pdf (f->sheet, f->direct, width, height, &error));
  printed = pdf_words (f->printed);
  direct = pdf_words (f->direct);
  g_assert_cmpuint (pdf_n_pages (f->printed), ==, aftercare_sheet_get_n_pages (f->sheet, width, height));
  g_assert_cmpuint (printed->len, ==, direct->len);
  for (guint i = 0; i < printed->len; i++)
    {
      PdfWord *a = g_ptr_array_index (printed, i);
      PdfWord *b = g_ptr_array_index (direct, i);

      g_assert_cmpstr (a->text, ==, b->text);
      g_assert_cmpuint (a->page, ==, b->page);
      g_assert_cmpfloat_with_epsilon (a->page_width, width, 0.5);
      g_assert_cmpfloat_with_epsilon (a->page_height, height, 0.5);
      g_assert_cmpfloat_with_epsilon (a->x_min, b->x_min, 0.5);
      g_assert_cmpfloat_with_epsilon (a->y_min, b->y_min, 0.5);
    }
}

static void
test_a4_portrait (Fixture *f, gconstpointer data)
{
  g_autoptr(GtkPageSetup) setup = page_setup_new (GTK_PAPER_NAME_A4, GTK_PAGE_ORIENTATION_PORTRAIT);
  g_autofree char *text = NULL;

  print_to_file (f, setup);
  assert_same_as_core (f, AFTERCARE_SHEET_A4_WIDTH, AFTERCARE_SHEET_A4_HEIGHT);
  text = pdf_text (f->printed);
  g_assert_nonnull (strstr (text, "Harbour Sports Massage"));
  g_assert_nonnull (strstr (text, "Aftercare for Jordan Avery"));
  g_assert_nonnull (strstr (text, "until 14:30"));
}

static void
test_letter_portrait (Fixture *f, gconstpointer data)
{
  g_autoptr(GtkPageSetup) setup = page_setup_new (GTK_PAPER_NAME_LETTER, GTK_PAGE_ORIENTATION_PORTRAIT);

  print_to_file (f, setup);
  assert_same_as_core (f, AFTERCARE_SHEET_LETTER_WIDTH, AFTERCARE_SHEET_LETTER_HEIGHT);
}

/* Landscape is respected: a wider, shorter page, laid out again for it,
 * so the sheet takes more pages and loses nothing. */
static void
test_a4_landscape (Fixture *f, gconstpointer data)
{
  g_autoptr(GtkPageSetup) setup = page_setup_new (GTK_PAPER_NAME_A4, GTK_PAGE_ORIENTATION_LANDSCAPE);

  print_to_file (f, setup);
  assert_same_as_core (f, AFTERCARE_SHEET_A4_HEIGHT, AFTERCARE_SHEET_A4_WIDTH);
  g_assert_cmpuint (pdf_n_pages (f->printed), ==, 2);
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/sheet-print/a4-portrait", test_a4_portrait);
  ADD ("/sheet-print/letter-portrait", test_letter_portrait);
  ADD ("/sheet-print/a4-landscape", test_a4_landscape);
#undef ADD
  return g_test_run ();
}
