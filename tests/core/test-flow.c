/* test-flow.c: text flows down pages, breaking between lines and never cut (aftercare-flow.c). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <cairo-pdf.h>
#include <glib/gstdio.h>

#include "aftercare-flow.h"
#include "pdf-text.h"

#define PAGE_WIDTH   300.0
#define PAGE_HEIGHT  260.0
#define TOP          30.0
#define BODY         200.0    /* content height on every page */

static const double BLACK[3] = { 0, 0, 0 };

typedef struct {
  PangoContext *context;
  char *dir;
  char *pdf;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_cairo_context_set_resolution (f->context, 72);
  f->dir = g_dir_make_tmp ("aftercare-flow-XXXXXX", NULL);
  f->pdf = g_build_filename (f->dir, "flow.pdf", NULL);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_remove (f->pdf);
  g_rmdir (f->dir);
  g_free (f->pdf);
  g_free (f->dir);
  g_object_unref (f->context);
}

static PangoLayout *
layout_new (Fixture *f, const char *text, double width)
{
  PangoLayout *layout = pango_layout_new (f->context);
  PangoFontDescription *font = pango_font_description_from_string ("Sans 10");

  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, pango_units_from_double (width));
  pango_layout_set_text (layout, text, -1);
  pango_font_description_free (font);
  return layout;
}

/* "w001\nw002\n…": one numbered word a line. */
static char *
numbered_lines (guint first, guint n)
{
  GString *text = g_string_new (NULL);

  for (guint i = first; i < first + n; i++)
    g_string_append_printf (text, "%sw%03u", text->len > 0 ? "\n" : "", i);
  return g_string_free (text, FALSE);
}

static void
add_text (Fixture *f, AftercareFlow *flow, double space, gboolean keep, const char *text)
{
  AftercareFlowBlock *block = aftercare_flow_add_block (flow, space, keep);
  g_autoptr(PangoLayout) layout = layout_new (f, text, aftercare_flow_get_content_width (flow));

  aftercare_flow_block_add_layout (block, layout, 0, 0, BLACK);
}

static guint
lines_in (Fixture *f, double height)
{
  g_autoptr(PangoLayout) line = layout_new (f, "w000", 200);
  int line_height;

  pango_layout_get_size (line, NULL, &line_height);
  return (guint) (height / ((double) line_height / PANGO_SCALE));
}

static guint
lines_per_page (Fixture *f)
{
  return lines_in (f, BODY);
}

static guint
write_pdf (Fixture *f, AftercareFlow *flow)
{
  guint n_pages = aftercare_flow_paginate (flow, BODY, BODY);
  cairo_surface_t *surface = cairo_pdf_surface_create (f->pdf, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_t *cr = cairo_create (surface);

  for (guint page = 0; page < n_pages; page++)
    {
      aftercare_flow_draw_page (flow, cr, page, 20, TOP);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return n_pages;
}

/* Every word lies inside the page's content area. */
static void
assert_words_inside_body (GPtrArray *words)
{
  for (guint i = 0; i < words->len; i++)
    {
      PdfWord *word = g_ptr_array_index (words, i);

      g_assert_cmpfloat (word->y_min, >=, TOP - 1);
      g_assert_cmpfloat (word->y_max, <=, TOP + BODY + 1);
    }
}

static void
test_long_text_breaks_between_lines (Fixture *f, gconstpointer data)
{
  g_autoptr(AftercareFlow) flow = aftercare_flow_new (200);
  g_autofree char *text = numbered_lines (1, 40);
  g_autoptr(GPtrArray) words = NULL;
  guint n_pages;

  add_text (f, flow, 0, FALSE, text);
  n_pages = write_pdf (f, flow);
  g_assert_cmpuint (n_pages, ==, (40 + lines_per_page (f) - 1) / lines_per_page (f));
  g_assert_cmpuint (n_pages, >=, 3);
  g_assert_cmpuint (pdf_n_pages (f->pdf), ==, n_pages);
  words = pdf_words (f->pdf);
  g_assert_cmpuint (words->len, ==, 40);
  for (guint i = 0; i < words->len; i++)
    {
      PdfWord *word = g_ptr_array_index (words, i);
      g_autofree char *expected = g_strdup_printf ("w%03u", i + 1);

      /* Each line once, in order: none lost, none repeated. */
      g_assert_cmpstr (word->text, ==, expected);
    }
  assert_words_inside_body (words);
  /* Pages are filled: as many whole lines as fit in the body, then a break. */
  g_assert_cmpuint (((PdfWord *) g_ptr_array_index (words, lines_per_page (f) - 1))->page, ==, 0);
  g_assert_cmpuint (((PdfWord *) g_ptr_array_index (words, lines_per_page (f)))->page, ==, 1);
}

static void
test_heading_kept_with_next (Fixture *f, gconstpointer data)
{
  g_autoptr(AftercareFlow) flow = aftercare_flow_new (200);
  g_autofree char *filler = numbered_lines (1, 14);
  g_autoptr(GPtrArray) words = NULL;

  add_text (f, flow, 0, FALSE, filler);
  add_text (f, flow, 10, TRUE, "Heading");
  add_text (f, flow, 4, FALSE, "w100\nw101\nw102");
  g_assert_cmpuint (write_pdf (f, flow), ==, 2);
  words = pdf_words (f->pdf);
  for (guint i = 0; i < words->len; i++)
    {
      PdfWord *word = g_ptr_array_index (words, i);

      if (g_str_equal (word->text, "Heading") || g_str_equal (word->text, "w100"))
        g_assert_cmpuint (word->page, ==, 1);
    }
  assert_words_inside_body (words);
}

static void
test_boxed_text_continues_on_next_page (Fixture *f, gconstpointer data)
{
  static const AftercareFlowBoxStyle box = {
    .fill = { 0.9, 0.9, 0.9 }, .border = { -1 }, .bar = { 0, 0, 1 },
    .bar_width = 4, .padding = 10,
  };
  g_autoptr(AftercareFlow) flow = aftercare_flow_new (200);
  g_autofree char *text = numbered_lines (1, 30);
  g_autoptr(GPtrArray) words = NULL;
  guint per_page;

  aftercare_flow_begin_box (flow, &box);
  g_assert_cmpfloat (aftercare_flow_get_content_width (flow), ==, 200 - 4 - 2 * 10);
  add_text (f, flow, 0, FALSE, text);
  aftercare_flow_end_box (flow);
  add_text (f, flow, 8, FALSE, "after");
  /* Inside the padding, a page holds 180 points of text. */
  per_page = lines_in (f, BODY - 2 * 10);
  g_assert_cmpuint (write_pdf (f, flow), ==, (30 + per_page - 1) / per_page);
  words = pdf_words (f->pdf);
  g_assert_cmpuint (words->len, ==, 31);
  for (guint i = 0; i < words->len; i++)
    {
      PdfWord *word = g_ptr_array_index (words, i);

      /* Inside the box's bar and padding, on every page it spans. */
      if (i < 30)
        {
          g_assert_cmpfloat (word->x_min, >=, 20 + 4 + 10 - 0.5);
          g_assert_cmpfloat (word->y_min, >=, TOP + 10 - 1);
          g_assert_cmpfloat (word->y_max, <=, TOP + BODY - 10 + 1);
        }
    }
  assert_words_inside_body (words);
}

typedef struct {
  guint drawn;
  double y;
} ShapeRecord;

static void
record_shape_cb (cairo_t *cr, double x, double y, double width, double height, gpointer data)
{
  ShapeRecord *record = data;

  record->drawn++;
  record->y = y;
}

static void
test_shape_is_never_split (Fixture *f, gconstpointer data)
{
  g_autoptr(AftercareFlow) flow = aftercare_flow_new (200);
  g_autofree char *filler = numbered_lines (1, 12);
  ShapeRecord record = { 0 };
  AftercareFlowBlock *block;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 10, 10);
  cairo_t *cr = cairo_create (surface);

  add_text (f, flow, 0, FALSE, filler);
  block = aftercare_flow_add_block (flow, 0, FALSE);
  aftercare_flow_block_add_shape (block, 0, 0, 50, 80, record_shape_cb, &record);
  g_assert_cmpfloat (aftercare_flow_block_get_height (block), ==, 80);
  g_assert_cmpuint (aftercare_flow_paginate (flow, BODY, BODY), ==, 2);
  aftercare_flow_draw_page (flow, cr, 0, 0, 0);
  g_assert_cmpuint (record.drawn, ==, 0);
  aftercare_flow_draw_page (flow, cr, 1, 0, 0);
  g_assert_cmpuint (record.drawn, ==, 1);
  /* Whole, at the top of the second page. */
  g_assert_cmpfloat (record.y, ==, 0);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/flow/long-text-breaks-between-lines", Fixture, NULL,
              fixture_set_up, test_long_text_breaks_between_lines, fixture_tear_down);
  g_test_add ("/flow/heading-kept-with-next", Fixture, NULL,
              fixture_set_up, test_heading_kept_with_next, fixture_tear_down);
  g_test_add ("/flow/boxed-text-continues-on-next-page", Fixture, NULL,
              fixture_set_up, test_boxed_text_continues_on_next_page, fixture_tear_down);
  g_test_add ("/flow/shape-is-never-split", Fixture, NULL,
              fixture_set_up, test_shape_is_never_split, fixture_tear_down);
  return g_test_run ();
}
