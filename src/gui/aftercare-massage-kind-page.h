/* aftercare-massage-kind-page.h: one massage type in full: technique, pressure, soreness, what to tell the therapist. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "aftercare-catalog.h"
#include "aftercare-store.h"

G_BEGIN_DECLS

#define AFTERCARE_TYPE_MASSAGE_KIND_PAGE (aftercare_massage_kind_page_get_type ())
G_DECLARE_FINAL_TYPE (AftercareMassageKindPage, aftercare_massage_kind_page, AFTERCARE, MASSAGE_KIND_PAGE, GtkWidget)

GtkWidget            *aftercare_massage_kind_page_new      (void);
AftercareMassageKind *aftercare_massage_kind_page_get_kind (AftercareMassageKindPage *self);
void                  aftercare_massage_kind_page_set_kind (AftercareMassageKindPage *self,
                                                            AftercareMassageKind     *kind);

/* Where your own pattern after each type is read from (NULL: none shown). */
void                  aftercare_massage_kind_page_set_store (AftercareMassageKindPage *self,
                                                             AftercareStore           *store);

G_END_DECLS
