/* aftercare-flow.h: text and shapes flowed down pages, broken between lines, never cut (the sheet's layout engine). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

G_BEGIN_DECLS

/* All lengths are in points; y grows down the page. */

/* A box drawn behind a run of blocks, continued on the next page when the
 * run breaks there (padding again at the break). Colours are RGB 0–1;
 * a negative first component leaves that part out. */
typedef struct {
  double fill[3];
  double border[3];
  double bar[3];        /* a bar down the left edge */
  double bar_width;
  double border_width;
  double padding;
  double radius;
} AftercareFlowBoxStyle;

typedef void (*AftercareFlowDrawFunc) (cairo_t *cr,
                                       double   x,
                                       double   y,
                                       double   width,
                                       double   height,
                                       gpointer data);

typedef struct _AftercareFlow AftercareFlow;
typedef struct _AftercareFlowBlock AftercareFlowBlock;

AftercareFlow      *aftercare_flow_new               (double width);
void                aftercare_flow_free              (AftercareFlow *flow);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AftercareFlow, aftercare_flow_free)

/* The width available to a block's content now: the flow's width, less
 * the open box's padding and bar. */
double              aftercare_flow_get_content_width (AftercareFlow *flow);

/* Blocks added between these belong to one box (boxes do not nest). */
void                aftercare_flow_begin_box         (AftercareFlow               *flow,
                                                      const AftercareFlowBoxStyle *style);
void                aftercare_flow_end_box           (AftercareFlow *flow);

/* A new block below the previous one. space_before is dropped at the top
 * of a page; keep_with_next keeps the block on the page of the next one's
 * first line (headings). */
AftercareFlowBlock *aftercare_flow_add_block         (AftercareFlow *flow,
                                                      double         space_before,
                                                      gboolean       keep_with_next);
/* Places a layout at (x, y) in the block; the block grows to hold it. A
 * page may break between any two of its lines. rgb is the text's default
 * colour. Takes a reference on layout. */
void                aftercare_flow_block_add_layout  (AftercareFlowBlock *block,
                                                      PangoLayout        *layout,
                                                      double              x,
                                                      double              y,
                                                      const double        rgb[3]);
/* A drawn shape that a page break never splits. */
void                aftercare_flow_block_add_shape   (AftercareFlowBlock    *block,
                                                      double                 x,
                                                      double                 y,
                                                      double                 width,
                                                      double                 height,
                                                      AftercareFlowDrawFunc  draw,
                                                      gpointer               data);
double              aftercare_flow_block_get_height  (AftercareFlowBlock *block);

/* Breaks the flow into pages: the first page has first_height points for
 * content, the others other_height. Returns the number of pages (at least 1). */
guint               aftercare_flow_paginate          (AftercareFlow *flow,
                                                      double         first_height,
                                                      double         other_height);
/* Draws page page_nr (from 0) of the last pagination with its content's
 * top left corner at (x, y). */
void                aftercare_flow_draw_page         (AftercareFlow *flow,
                                                      cairo_t       *cr,
                                                      guint          page_nr,
                                                      double         x,
                                                      double         y);

G_END_DECLS
