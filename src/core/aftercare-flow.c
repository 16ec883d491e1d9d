/* aftercare-flow.c: text and shapes flowed down pages, broken between lines, never cut (the sheet's layout engine). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-flow"

#include "aftercare-flow.h"

#include <math.h>
#include <string.h>

#define EPSILON 0.01

/* One line of a layout, or one shape: the unit a page break never splits. */
typedef struct {
  double top;
  double bottom;
  double x;
  double baseline;               /* lines: from the block's top */
  PangoLayout *layout;           /* lines: a reference */
  int line_nr;
  double rgb[3];
  AftercareFlowDrawFunc draw;    /* shapes */
  gpointer data;
  double width;
} Item;

struct _AftercareFlowBlock {
  GArray *items;
  double height;
  double space_before;
  gboolean keep_with_next;
  int box;                       /* index in flow->boxes, or -1 */
  double x_offset;               /* the box's bar and padding */
};

/* The part [from, to) of a block that lies on one page, at y from the
 * page content's top. */
typedef struct {
  guint block;
  double from;
  double to;
  guint page;
  double y;
} Piece;

struct _AftercareFlow {
  double width;
  GPtrArray *blocks;
  GArray *boxes;
  int open_box;
  GArray *pieces;
  guint n_pages;
};

static void
item_clear (gpointer data)
{
  Item *item = data;

  g_clear_object (&item->layout);
}

static void
block_free (AftercareFlowBlock *block)
{
  g_array_unref (block->items);
  g_free (block);
}

AftercareFlow *
aftercare_flow_new (double width)
{
  AftercareFlow *flow = g_new0 (AftercareFlow, 1);

  flow->width = width;
  flow->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  flow->boxes = g_array_new (FALSE, TRUE, sizeof (AftercareFlowBoxStyle));
  flow->open_box = -1;
  flow->pieces = g_array_new (FALSE, TRUE, sizeof (Piece));
  return flow;
}

void
aftercare_flow_free (AftercareFlow *flow)
{
  if (flow == NULL)
    return;
  g_ptr_array_unref (flow->blocks);
  g_array_unref (flow->boxes);
  g_array_unref (flow->pieces);
  g_free (flow);
}

static const AftercareFlowBoxStyle *
box_style (AftercareFlow *flow,
           int            box)
{
  g_assert (box >= 0 && (guint) box < flow->boxes->len);
  return &g_array_index (flow->boxes, AftercareFlowBoxStyle, box);
}

static double
box_padding (AftercareFlow *flow,
             int            box)
{
  return box < 0 ? 0 : box_style (flow, box)->padding;
}

double
aftercare_flow_get_content_width (AftercareFlow *flow)
{
  const AftercareFlowBoxStyle *style;

  g_return_val_if_fail (flow != NULL, 0);
  if (flow->open_box < 0)
    return flow->width;
  style = box_style (flow, flow->open_box);
  return flow->width - style->bar_width - 2 * style->padding;
}

void
aftercare_flow_begin_box (AftercareFlow               *flow,
                          const AftercareFlowBoxStyle *style)
{
  g_return_if_fail (flow != NULL && style != NULL);
  g_return_if_fail (flow->open_box < 0);
  g_array_append_val (flow->boxes, *style);
  flow->open_box = flow->boxes->len - 1;
}

void
aftercare_flow_end_box (AftercareFlow *flow)
{
  g_return_if_fail (flow != NULL);
  flow->open_box = -1;
}

AftercareFlowBlock *
aftercare_flow_add_block (AftercareFlow *flow,
                          double         space_before,
                          gboolean       keep_with_next)
{
  AftercareFlowBlock *block;

  g_return_val_if_fail (flow != NULL, NULL);
  block = g_new0 (AftercareFlowBlock, 1);
  block->items = g_array_new (FALSE, TRUE, sizeof (Item));
  g_array_set_clear_func (block->items, item_clear);
  block->space_before = space_before;
  block->keep_with_next = keep_with_next;
  block->box = flow->open_box;
  if (block->box >= 0)
    block->x_offset = box_style (flow, block->box)->bar_width + box_style (flow, block->box)->padding;
  g_ptr_array_add (flow->blocks, block);
  return block;
}

static void
block_add_item (AftercareFlowBlock *block,
                Item               *item)
{
  block->height = MAX (block->height, item->bottom);
  g_array_append_val (block->items, *item);
}

void
aftercare_flow_block_add_layout (AftercareFlowBlock *block,
                                 PangoLayout        *layout,
                                 double              x,
                                 double              y,
                                 const double        rgb[3])
{
  PangoLayoutIter *iter;
  int line_nr = 0;

  g_return_if_fail (block != NULL && PANGO_IS_LAYOUT (layout));
  iter = pango_layout_get_iter (layout);
  do
    {
      Item item = { 0 };
      PangoRectangle logical;
      int top, bottom;

      pango_layout_iter_get_line_yrange (iter, &top, &bottom);
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      item.top = y + (double) top / PANGO_SCALE;
      item.bottom = y + (double) bottom / PANGO_SCALE;
      item.baseline = y + (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      item.x = block->x_offset + x + (double) logical.x / PANGO_SCALE;
      item.layout = g_object_ref (layout);
      item.line_nr = line_nr++;
      memcpy (item.rgb, rgb, sizeof item.rgb);
      block_add_item (block, &item);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

void
aftercare_flow_block_add_shape (AftercareFlowBlock    *block,
                                double                 x,
                                double                 y,
                                double                 width,
                                double                 height,
                                AftercareFlowDrawFunc  draw,
                                gpointer               data)
{
  Item item = { 0 };

  g_return_if_fail (block != NULL && draw != NULL);
  item.top = y;
  item.bottom = y + height;
  item.x = block->x_offset + x;
  item.width = width;
  item.draw = draw;
  item.data = data;
  block_add_item (block, &item);
}

double
aftercare_flow_block_get_height (AftercareFlowBlock *block)
{
  g_return_val_if_fail (block != NULL, 0);
  return block->height;
}

/* A page may break at y when no line or shape crosses it. */
static gboolean
is_break (AftercareFlowBlock *block,
          double              y)
{
  for (guint i = 0; i < block->items->len; i++)
    {
      Item *item = &g_array_index (block->items, Item, i);

      if (item->top < y - EPSILON && item->bottom > y + EPSILON)
        return FALSE;
    }
  return TRUE;
}

/* The lowest break in (from, limit], or the lowest break above from at all
 * when lowest is set; -1 when there is none. */
static double
find_break (AftercareFlowBlock *block,
            double              from,
            double              limit,
            gboolean            lowest)
{
  double best = -1;

  for (guint i = 0; i < block->items->len; i++)
    {
      double y = g_array_index (block->items, Item, i).bottom;

      if (y <= from + EPSILON || !is_break (block, y))
        continue;
      if (lowest ? (best < 0 || y < best) : (y <= limit + EPSILON && y > best))
        best = y;
    }
  return best;
}

/* Where the part after a break starts: its first item's top, so a page
 * never opens with the gap that followed the break. */
static double
next_start (AftercareFlowBlock *block,
            double              at)
{
  double start = block->height;

  for (guint i = 0; i < block->items->len; i++)
    {
      Item *item = &g_array_index (block->items, Item, i);

      if (item->top >= at - EPSILON)
        start = MIN (start, item->top);
    }
  return start;
}

typedef struct {
  AftercareFlow *flow;
  guint page;
  double y;
  double height;
  double other_height;
  int box;                      /* box of the last piece on this page */
  gboolean empty;
} Pager;

static void
pager_new_page (Pager *pager)
{
  pager->page++;
  pager->y = 0;
  pager->height = pager->other_height;
  pager->box = -1;
  pager->empty = TRUE;
}

static void
pager_place (Pager  *pager,
             guint   block_nr,
             double  from,
             double  to,
             double  y)
{
  Piece piece = { block_nr, from, to, pager->page, y };
  AftercareFlowBlock *block = g_ptr_array_index (pager->flow->blocks, block_nr);

  g_array_append_val (pager->flow->pieces, piece);
  pager->y = y + (to - from);
  pager->box = block->box;
  pager->empty = FALSE;
}

/* What a block needs above its content here: its space, and the top
 * padding of a box it opens (or reopens on a new page). */
static double
space_above (Pager              *pager,
             AftercareFlowBlock *block)
{
  double space = pager->empty ? 0 : block->space_before;

  if (block->box >= 0 && block->box != pager->box)
    space += box_padding (pager->flow, block->box);
  return space;
}

/* The height the block after block_nr needs on this page for its first
 * line, so a heading is never left alone at the bottom. */
static double
kept_with_next (Pager *pager,
                guint  block_nr)
{
  AftercareFlowBlock *block = g_ptr_array_index (pager->flow->blocks, block_nr);
  AftercareFlowBlock *next;
  double first;

  if (!block->keep_with_next || block_nr + 1 >= pager->flow->blocks->len)
    return 0;
  next = g_ptr_array_index (pager->flow->blocks, block_nr + 1);
  first = find_break (next, 0, 0, TRUE);
  return next->space_before + first +
         (next->box >= 0 && next->box != block->box ? 2 * box_padding (pager->flow, next->box) : 0);
}

static int
box_after (AftercareFlow *flow,
           guint          block_nr)
{
  if (block_nr + 1 >= flow->blocks->len)
    return -1;
  return ((AftercareFlowBlock *) g_ptr_array_index (flow->blocks, block_nr + 1))->box;
}

static void
paginate_block (Pager *pager,
                guint  block_nr)
{
  AftercareFlowBlock *block = g_ptr_array_index (pager->flow->blocks, block_nr);
  double pad = box_padding (pager->flow, block->box);
  double end_pad = box_after (pager->flow, block_nr) != block->box ? pad : 0;
  double from = 0;

  for (;;)
    {
      double top = pager->y + space_above (pager, block);
      double rest = block->height - from;
      double cut;

      if (top + rest + end_pad + (from == 0 ? kept_with_next (pager, block_nr) : 0) <= pager->height + EPSILON)
        {
          pager_place (pager, block_nr, from, block->height, top);
          pager->y += end_pad;
          return;
        }
      if (top + rest + end_pad <= pager->height + EPSILON && !pager->empty)
        {
          pager_new_page (pager);      /* keep a heading with what follows */
          continue;
        }
      cut = find_break (block, from, from + pager->height - top - pad, FALSE);
      if (cut < 0 && !pager->empty)
        {
          pager_new_page (pager);
          continue;
        }
      if (cut < 0)    /* one line taller than a page: let it overflow */
        cut = find_break (block, from, 0, TRUE);
      pager_place (pager, block_nr, from, cut, top);
      if (cut >= block->height - EPSILON)
        return;
      pager_new_page (pager);
      from = next_start (block, cut);
    }
}

guint
aftercare_flow_paginate (AftercareFlow *flow,
                         double         first_height,
                         double         other_height)
{
  Pager pager = { flow, 0, 0, first_height, other_height, -1, TRUE };

  g_return_val_if_fail (flow != NULL, 1);
  g_return_val_if_fail (first_height > 0 && other_height > 0, 1);
  g_array_set_size (flow->pieces, 0);
  for (guint i = 0; i < flow->blocks->len; i++)
    paginate_block (&pager, i);
  flow->n_pages = pager.page + 1;
  return flow->n_pages;
}

static void
rounded_rectangle (cairo_t *cr,
                   double   x,
                   double   y,
                   double   width,
                   double   height,
                   double   radius)
{
  radius = MIN (radius, MIN (width, height) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
draw_box (AftercareFlow               *flow,
          cairo_t                     *cr,
          const AftercareFlowBoxStyle *style,
          double                       x,
          double                       y,
          double                       height)
{
  cairo_save (cr);
  if (style->fill[0] >= 0)
    {
      rounded_rectangle (cr, x, y, flow->width, height, style->radius);
      cairo_set_source_rgb (cr, style->fill[0], style->fill[1], style->fill[2]);
      cairo_fill (cr);
    }
  if (style->bar[0] >= 0 && style->bar_width > 0)
    {
      /* The bar follows the box's rounded left corners. */
      cairo_save (cr);
      rounded_rectangle (cr, x, y, flow->width, height, style->radius);
      cairo_clip (cr);
      cairo_rectangle (cr, x, y, style->bar_width, height);
      cairo_set_source_rgb (cr, style->bar[0], style->bar[1], style->bar[2]);
      cairo_fill (cr);
      cairo_restore (cr);
    }
  if (style->border[0] >= 0 && style->border_width > 0)
    {
      double inset = style->border_width / 2;

      rounded_rectangle (cr, x + inset, y + inset, flow->width - 2 * inset, height - 2 * inset,
                         style->radius - inset);
      cairo_set_line_width (cr, style->border_width);
      cairo_set_source_rgb (cr, style->border[0], style->border[1], style->border[2]);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

/* Each run of pieces of one box on the page gets its background first. */
static void
draw_boxes (AftercareFlow *flow,
            cairo_t       *cr,
            guint          page_nr,
            double         x,
            double         y)
{
  for (guint i = 0; i < flow->pieces->len; i++)
    {
      Piece *first = &g_array_index (flow->pieces, Piece, i);
      Piece *last = first;
      AftercareFlowBlock *block = g_ptr_array_index (flow->blocks, first->block);
      double pad;

      if (first->page != page_nr || block->box < 0)
        continue;
      while (i + 1 < flow->pieces->len)
        {
          Piece *next = &g_array_index (flow->pieces, Piece, i + 1);
          AftercareFlowBlock *next_block = g_ptr_array_index (flow->blocks, next->block);

          if (next->page != page_nr || next_block->box != block->box)
            break;
          last = next;
          i++;
        }
      pad = box_padding (flow, block->box);
      draw_box (flow, cr, box_style (flow, block->box), x, y + first->y - pad,
                last->y + (last->to - last->from) - first->y + 2 * pad);
    }
}

static void
draw_item (cairo_t *cr,
           Item    *item,
           double   x,
           double   y)
{
  if (item->layout != NULL)
    {
      cairo_move_to (cr, x + item->x, y + item->baseline);
      cairo_set_source_rgb (cr, item->rgb[0], item->rgb[1], item->rgb[2]);
      pango_cairo_show_layout_line (cr, pango_layout_get_line_readonly (item->layout, item->line_nr));
      /* The path is not part of the saved state: leave no current point
       * for a shape's first arc to draw a line from. */
      cairo_new_path (cr);
      return;
    }
  cairo_save (cr);
  cairo_new_path (cr);
  item->draw (cr, x + item->x, y + item->top, item->width, item->bottom - item->top, item->data);
  cairo_restore (cr);
}

static void
draw_piece (AftercareFlow *flow,
            cairo_t       *cr,
            Piece         *piece,
            double         x,
            double         y)
{
  AftercareFlowBlock *block = g_ptr_array_index (flow->blocks, piece->block);
  /* Block coordinates of the piece's top land at the piece's place. */
  double origin = y + piece->y - piece->from;

  for (guint i = 0; i < block->items->len; i++)
    {
      Item *item = &g_array_index (block->items, Item, i);

      if (item->top >= piece->from - EPSILON && item->bottom <= piece->to + EPSILON)
        draw_item (cr, item, x, origin);
    }
}

void
aftercare_flow_draw_page (AftercareFlow *flow,
                          cairo_t       *cr,
                          guint          page_nr,
                          double         x,
                          double         y)
{
  g_return_if_fail (flow != NULL && cr != NULL);
  cairo_save (cr);
  draw_boxes (flow, cr, page_nr, x, y);
  for (guint i = 0; i < flow->pieces->len; i++)
    {
      Piece *piece = &g_array_index (flow->pieces, Piece, i);

      if (piece->page == page_nr)
        draw_piece (flow, cr, piece, x, y);
    }
  cairo_restore (cr);
}
