/* aftercare-page.h: what the printed sheet and the report share: their text, their page frame and their PDF file (cairo and Pango, no GTK). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "aftercare-flow.h"

G_BEGIN_DECLS

/* Page geometry, in points. The side margins (16 mm) are wider than the
 * edge any printer leaves blank, so paper and PDF show the same page. */
#define AFTERCARE_PAGE_MARGIN_SIDE 46.0

#define AFTERCARE_PAGE_FONT_BODY    "Sans 9"
#define AFTERCARE_PAGE_FONT_SMALL   "Sans 8"
#define AFTERCARE_PAGE_FONT_TITLE   "Sans 17"
#define AFTERCARE_PAGE_FONT_SECTION "Sans Bold 12"

/* A calm, print-friendly palette: dark ink, one grey, hairlines, a rule. */
extern const double aftercare_page_ink[3];
extern const double aftercare_page_grey[3];
extern const double aftercare_page_hairline[3];
extern const double aftercare_page_rule[3];

/* Text measured without hinting at 72 dpi, so one point is one unit and
 * the line breaks are the same on any cairo target. */
PangoContext *aftercare_page_create_context (void);
PangoLayout  *aftercare_page_text_layout    (PangoContext *context,
                                             const char   *font,
                                             double        width,
                                             const char   *text);
PangoLayout  *aftercare_page_markup_layout  (PangoContext *context,
                                             const char   *font,
                                             double        width,
                                             const char   *markup);
double        aftercare_page_layout_height  (PangoLayout  *layout);
/* Adds a layout to a block and drops the caller's reference; returns the
 * layout's height. */
double        aftercare_page_add_layout     (AftercareFlowBlock *block,
                                             PangoLayout        *layout,
                                             double              x,
                                             double              y,
                                             const double        rgb[3]);
/* A small spaced-out capital label above a value ("MASSAGE"), as markup. */
char         *aftercare_page_label_markup   (const char *label);
/* Fills the shape's rectangle with the RGB colour data points at (a rule). */
void          aftercare_page_draw_rule_cb   (cairo_t *cr,
                                             double   x,
                                             double   y,
                                             double   width,
                                             double   height,
                                             gpointer data);
/* A heading, with an optional small note on its right (or below it when
 * there is no room beside it). */
void          aftercare_page_add_section_heading (PangoContext  *context,
                                                  AftercareFlow *flow,
                                                  const char    *heading,
                                                  const char    *note);

/* The pages a flow makes: margins, on pages after the first a running
 * head, and at every foot the disclaimer and "Page 1 of 2". */
typedef struct _AftercarePages AftercarePages;

/* Takes flow, laid out for page_width less the side margins. */
AftercarePages *aftercare_pages_new        (PangoContext  *context,
                                            AftercareFlow *flow,
                                            double         page_width,
                                            const char    *running_head);
void            aftercare_pages_free       (AftercarePages *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AftercarePages, aftercare_pages_free)
double          aftercare_pages_get_page_width (AftercarePages *self);
/* Paginates for page_height (again only when it changed); the page count. */
guint           aftercare_pages_paginate   (AftercarePages *self,
                                            double          page_height);
void            aftercare_pages_draw_page  (AftercarePages *self,
                                            cairo_t        *cr,
                                            guint           page_nr);

/* Writes every page, paginated for page_height, to a PDF file at path,
 * beside it first and renamed over it once complete, private to its owner
 * (0600). On failure the error's message says why, in plain words,
 * without the file's name. */
gboolean        aftercare_pages_write_pdf  (AftercarePages *self,
                                            const char     *path,
                                            double          page_height,
                                            const char     *title,
                                            GError        **error);

G_END_DECLS
