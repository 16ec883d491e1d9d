/* aftercare-printable.h: what can go to paper or a PDF: the aftercare sheet and the report for the therapist. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib-object.h>

G_BEGIN_DECLS

#define AFTERCARE_TYPE_PRINTABLE (aftercare_printable_get_type ())
G_DECLARE_INTERFACE (AftercarePrintable, aftercare_printable, AFTERCARE, PRINTABLE, GObject)

/* Sizes are the paper's in points (any orientation); page_nr from 0. The
 * print dialog and the PDF file draw the same pages. */
struct _AftercarePrintableInterface
{
  GTypeInterface parent_iface;

  guint    (*get_n_pages) (AftercarePrintable *self,
                           double              page_width,
                           double              page_height);
  void     (*draw_page)   (AftercarePrintable *self,
                           cairo_t            *cr,
                           double              page_width,
                           double              page_height,
                           guint               page_nr);
  gboolean (*write_pdf)   (AftercarePrintable *self,
                           const char         *path,
                           double              page_width,
                           double              page_height,
                           GError            **error);
};

guint    aftercare_printable_get_n_pages (AftercarePrintable *self,
                                          double              page_width,
                                          double              page_height);
void     aftercare_printable_draw_page   (AftercarePrintable *self,
                                          cairo_t            *cr,
                                          double              page_width,
                                          double              page_height,
                                          guint               page_nr);
gboolean aftercare_printable_write_pdf   (AftercarePrintable *self,
                                          const char         *path,
                                          double              page_width,
                                          double              page_height,
                                          GError            **error);

G_END_DECLS
