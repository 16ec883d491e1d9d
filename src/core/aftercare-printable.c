/* aftercare-printable.c: what can go to paper or a PDF: the aftercare sheet and the report for the therapist. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-printable"

#include "aftercare-printable.h"

G_DEFINE_INTERFACE (AftercarePrintable, aftercare_printable, G_TYPE_OBJECT)

static void
aftercare_printable_default_init (AftercarePrintableInterface *iface)
{
}

guint
aftercare_printable_get_n_pages (AftercarePrintable *self,
                                 double              page_width,
                                 double              page_height)
{
  g_return_val_if_fail (AFTERCARE_IS_PRINTABLE (self), 0);
  return AFTERCARE_PRINTABLE_GET_IFACE (self)->get_n_pages (self, page_width, page_height);
}

void
aftercare_printable_draw_page (AftercarePrintable *self,
                               cairo_t            *cr,
                               double              page_width,
                               double              page_height,
                               guint               page_nr)
{
  g_return_if_fail (AFTERCARE_IS_PRINTABLE (self));
  AFTERCARE_PRINTABLE_GET_IFACE (self)->draw_page (self, cr, page_width, page_height, page_nr);
}

gboolean
aftercare_printable_write_pdf (AftercarePrintable *self,
                               const char         *path,
                               double              page_width,
                               double              page_height,
                               GError            **error)
{
  g_return_val_if_fail (AFTERCARE_IS_PRINTABLE (self), FALSE);
  return AFTERCARE_PRINTABLE_GET_IFACE (self)->write_pdf (self, path, page_width, page_height, error);
}
