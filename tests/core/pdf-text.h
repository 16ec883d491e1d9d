/* pdf-text.h: what a PDF says and where, read back with poppler's pdftotext, for the sheet's tests. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  guint page;          /* from 0 */
  double page_width;
  double page_height;
  double x_min, y_min, x_max, y_max;
  char *text;
} PdfWord;

/* Every word of the PDF at path with its box, in reading order (an array
 * of PdfWord). Fails the test when pdftotext cannot read it. */
GPtrArray *pdf_words     (const char *path);
/* The PDF's text, pages in order, whitespace runs folded to one space. */
char      *pdf_text      (const char *path);
/* The number of pages, from the words' page numbers and pdfinfo. */
guint      pdf_n_pages   (const char *path);
/* text with every run of whitespace folded to one space. */
char      *fold_spaces   (const char *text);

G_END_DECLS
