/* aftercare-page.c: what the printed sheet and the report share: their text, their page frame and their PDF file (cairo and Pango, no GTK). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-page"

#include "config.h"

#include <cairo-pdf.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <math.h>

#include "aftercare-labels.h"
#include "aftercare-page.h"
#include "aftercare-util.h"

#define MARGIN_TOP        36.0
#define MARGIN_BOTTOM     34.0
#define FOOTER_GAP        16.0
#define PAGE_NUMBER_WIDTH 84.0

const double aftercare_page_ink[3]      = { 0.141, 0.122, 0.192 };   /* #241f31 */
const double aftercare_page_grey[3]     = { 0.369, 0.361, 0.392 };   /* #5e5c64 */
const double aftercare_page_hairline[3] = { 0.804, 0.800, 0.792 };   /* #cdccca */
const double aftercare_page_rule[3]     = { 0.239, 0.220, 0.275 };   /* #3d3846 */

/* ---- Text -------------------------------------------------------------- */

PangoContext *
aftercare_page_create_context (void)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  pango_cairo_context_set_resolution (context, 72);
  pango_context_set_round_glyph_positions (context, FALSE);
  cairo_font_options_destroy (options);
  return context;
}

static PangoLayout *
new_layout (PangoContext *context,
            const char   *font,
            double        width)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *description = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, description);
  pango_layout_set_width (layout, pango_units_from_double (MAX (width, 1)));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_font_description_free (description);
  return layout;
}

PangoLayout *
aftercare_page_text_layout (PangoContext *context,
                            const char   *font,
                            double        width,
                            const char   *text)
{
  PangoLayout *layout = new_layout (context, font, width);

  pango_layout_set_text (layout, text, -1);
  return layout;
}

PangoLayout *
aftercare_page_markup_layout (PangoContext *context,
                              const char   *font,
                              double        width,
                              const char   *markup)
{
  PangoLayout *layout = new_layout (context, font, width);

  pango_layout_set_markup (layout, markup, -1);
  return layout;
}

double
aftercare_page_layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

double
aftercare_page_add_layout (AftercareFlowBlock *block,
                           PangoLayout        *layout,
                           double              x,
                           double              y,
                           const double        rgb[3])
{
  double height = aftercare_page_layout_height (layout);

  aftercare_flow_block_add_layout (block, layout, x, y, rgb);
  g_object_unref (layout);
  return height;
}

char *
aftercare_page_label_markup (const char *label)
{
  g_autofree char *upper = g_utf8_strup (label, -1);

  return g_markup_printf_escaped ("<span size='7pt' weight='bold' letter_spacing='900' "
                                  "foreground='#5e5c64'>%s</span>", upper);
}

void
aftercare_page_draw_rule_cb (cairo_t *cr,
                             double   x,
                             double   y,
                             double   width,
                             double   height,
                             gpointer data)
{
  const double *rgb = data;

  cairo_rectangle (cr, x, y, width, height);
  cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
  cairo_fill (cr);
}

void
aftercare_page_add_section_heading (PangoContext  *context,
                                    AftercareFlow *flow,
                                    const char    *heading,
                                    const char    *note)
{
  double width = aftercare_flow_get_content_width (flow);
  AftercareFlowBlock *block = aftercare_flow_add_block (flow, 16, TRUE);
  PangoLayout *title = aftercare_page_text_layout (context, AFTERCARE_PAGE_FONT_SECTION, width, heading);
  PangoLayout *aside;
  PangoRectangle extents;
  double baseline = (double) pango_layout_get_baseline (title) / PANGO_SCALE;
  double height;

  pango_layout_get_pixel_extents (title, NULL, &extents);
  height = aftercare_page_add_layout (block, title, 0, 0, aftercare_page_ink);
  if (note == NULL)
    return;
  aside = aftercare_page_text_layout (context, AFTERCARE_PAGE_FONT_SMALL, width - extents.width - 16, note);
  if (pango_layout_get_line_count (aside) == 1)
    {
      pango_layout_set_alignment (aside, PANGO_ALIGN_RIGHT);
      aftercare_page_add_layout (block, aside, extents.width + 16,
                                 baseline - (double) pango_layout_get_baseline (aside) / PANGO_SCALE,
                                 aftercare_page_grey);
      return;
    }
  pango_layout_set_width (aside, pango_units_from_double (width));
  aftercare_page_add_layout (block, aside, 0, height + 2, aftercare_page_grey);
}

/* ---- Pages ------------------------------------------------------------- */

struct _AftercarePages
{
  PangoContext *context;
  AftercareFlow *flow;
  double page_width;
  double width;              /* the flow's */
  char *running_head;
  PangoLayout *footer;       /* the disclaimer */
  double paged_height;       /* the page height flow was paginated for */
  guint n_pages;
};

AftercarePages *
aftercare_pages_new (PangoContext  *context,
                     AftercareFlow *flow,
                     double         page_width,
                     const char    *running_head)
{
  AftercarePages *self = g_new0 (AftercarePages, 1);

  self->context = g_object_ref (context);
  self->flow = flow;
  self->page_width = page_width;
  self->width = page_width - 2 * AFTERCARE_PAGE_MARGIN_SIDE;
  self->running_head = g_strdup (running_head);
  self->footer = aftercare_page_text_layout (context, AFTERCARE_PAGE_FONT_SMALL,
                                             self->width - PAGE_NUMBER_WIDTH, aftercare_disclaimer ());
  return self;
}

void
aftercare_pages_free (AftercarePages *self)
{
  if (self == NULL)
    return;
  aftercare_flow_free (self->flow);
  g_object_unref (self->footer);
  g_object_unref (self->context);
  g_free (self->running_head);
  g_free (self);
}

double
aftercare_pages_get_page_width (AftercarePages *self)
{
  return self->page_width;
}

static PangoLayout *
running_head_layout (AftercarePages *self)
{
  return aftercare_page_text_layout (self->context, AFTERCARE_PAGE_FONT_SMALL, self->width, self->running_head);
}

static double
running_head_height (AftercarePages *self)
{
  g_autoptr(PangoLayout) layout = running_head_layout (self);

  return aftercare_page_layout_height (layout) + 14;
}

guint
aftercare_pages_paginate (AftercarePages *self,
                          double          page_height)
{
  double body;

  if (self->n_pages == 0 || fabs (self->paged_height - page_height) > 0.01)
    {
      body = page_height - MARGIN_TOP - MARGIN_BOTTOM - aftercare_page_layout_height (self->footer) - FOOTER_GAP;
      self->n_pages = aftercare_flow_paginate (self->flow, body, body - running_head_height (self));
      self->paged_height = page_height;
    }
  return self->n_pages;
}

static void
draw_line_of_text (cairo_t      *cr,
                   PangoLayout  *layout,
                   double        x,
                   double        y,
                   const double  rgb[3])
{
  cairo_move_to (cr, x, y);
  cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
  pango_cairo_show_layout (cr, layout);
  cairo_new_path (cr);
}

static void
draw_footer (AftercarePages *self,
             cairo_t        *cr,
             guint           page_nr)
{
  double top = self->paged_height - MARGIN_BOTTOM - aftercare_page_layout_height (self->footer);

  aftercare_page_draw_rule_cb (cr, AFTERCARE_PAGE_MARGIN_SIDE, top - 7, self->width, 0.6,
                               (gpointer) aftercare_page_hairline);
  draw_line_of_text (cr, self->footer, AFTERCARE_PAGE_MARGIN_SIDE, top, aftercare_page_grey);
  if (self->n_pages > 1)
    {
      /* Translators: the page number at the foot of the sheet. */
      g_autofree char *text = g_strdup_printf (_("Page %u of %u"), page_nr + 1, self->n_pages);
      g_autoptr(PangoLayout) number = aftercare_page_text_layout (self->context, AFTERCARE_PAGE_FONT_SMALL,
                                                                  PAGE_NUMBER_WIDTH, text);

      pango_layout_set_alignment (number, PANGO_ALIGN_RIGHT);
      draw_line_of_text (cr, number, AFTERCARE_PAGE_MARGIN_SIDE + self->width - PAGE_NUMBER_WIDTH, top,
                         aftercare_page_grey);
    }
}

void
aftercare_pages_draw_page (AftercarePages *self,
                           cairo_t        *cr,
                           guint           page_nr)
{
  double top = MARGIN_TOP;

  g_return_if_fail (self->n_pages > 0 && page_nr < self->n_pages);

  cairo_save (cr);
  if (page_nr > 0)
    {
      g_autoptr(PangoLayout) head = running_head_layout (self);

      draw_line_of_text (cr, head, AFTERCARE_PAGE_MARGIN_SIDE, top, aftercare_page_grey);
      top += running_head_height (self);
    }
  aftercare_flow_draw_page (self->flow, cr, page_nr, AFTERCARE_PAGE_MARGIN_SIDE, top);
  draw_footer (self, cr, page_nr);
  cairo_restore (cr);
}

/* ---- PDF --------------------------------------------------------------- */

typedef struct {
  GOutputStream *stream;
  GError *error;
} PdfWriter;

static cairo_status_t
write_pdf_cb (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  PdfWriter *writer = closure;

  if (writer->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (writer->stream, data, length, NULL, NULL, &writer->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

static void
draw_pdf (AftercarePages  *self,
          cairo_surface_t *surface,
          const char      *title)
{
  cairo_t *cr = cairo_create (surface);

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Aftercare " PACKAGE_VERSION);
  for (guint page = 0; page < self->n_pages; page++)
    {
      aftercare_pages_draw_page (self, cr, page);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
}

gboolean
aftercare_pages_write_pdf (AftercarePages *self,
                           const char     *path,
                           double          page_height,
                           const char     *title,
                           GError        **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GOutputStream) stream = NULL;
  PdfWriter writer = { NULL, NULL };
  gboolean existed;
  cairo_surface_t *surface;
  cairo_status_t status;

  /* Written beside the target and renamed over it when complete, so a
   * failure never leaves half a file behind; private, like the health
   * data it holds. */
  stream = aftercare_output_replace_private (file, &existed, error);
  if (stream == NULL)
    return FALSE;
  writer.stream = stream;
  aftercare_pages_paginate (self, page_height);
  surface = cairo_pdf_surface_create_for_stream (write_pdf_cb, &writer, self->page_width, page_height);
  draw_pdf (self, surface, title);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (writer.error != NULL || status != CAIRO_STATUS_SUCCESS)
    {
      aftercare_output_abandon (stream, file, existed);
      if (writer.error != NULL)
        g_propagate_error (error, writer.error);
      else
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, cairo_status_to_string (status));
      return FALSE;
    }
  if (!g_output_stream_close (stream, NULL, error))
    {
      if (!existed)
        g_file_delete (file, NULL, NULL);
      return FALSE;
    }
  return TRUE;
}
