/* aftercare-list-head.h: the first rows of a list, as far as it was read, ending at the same row as the list changes above it. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A list model of the first size items of another (all of them if fewer),
 * for a list view that is given rows as it is scrolled. Unlike
 * GtkSliceListModel, rows that come or go above its last row move that
 * row, not out: the same rows stay given, however many come in above them
 * (a session chosen near the end stays chosen). When its last row itself
 * goes, it keeps its size. G_MAXUINT gives all. */
#define AFTERCARE_TYPE_LIST_HEAD (aftercare_list_head_get_type ())
G_DECLARE_FINAL_TYPE (AftercareListHead, aftercare_list_head, AFTERCARE, LIST_HEAD, GObject)

AftercareListHead *aftercare_list_head_new       (GListModel        *model,
                                                  guint              size);
GListModel        *aftercare_list_head_get_model (AftercareListHead *self);
void               aftercare_list_head_set_model (AftercareListHead *self,
                                                  GListModel        *model);
guint              aftercare_list_head_get_size  (AftercareListHead *self);
void               aftercare_list_head_set_size  (AftercareListHead *self,
                                                  guint              size);

G_END_DECLS
