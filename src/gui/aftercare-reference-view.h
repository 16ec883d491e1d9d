/* aftercare-reference-view.h: the eight massage types, searchable, each with its detail. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "aftercare-catalog.h"
#include "aftercare-store.h"

G_BEGIN_DECLS

#define AFTERCARE_TYPE_REFERENCE_VIEW (aftercare_reference_view_get_type ())
G_DECLARE_FINAL_TYPE (AftercareReferenceView, aftercare_reference_view, AFTERCARE, REFERENCE_VIEW, GtkWidget)

GtkWidget *aftercare_reference_view_new         (void);
/* Selects the type and shows its detail (slides to it when narrow). */
void       aftercare_reference_view_show_type   (AftercareReferenceView *self,
                                                 AftercareMassageType    type);

/* Where the detail reads your own pattern after each type from. */
void       aftercare_reference_view_set_store   (AftercareReferenceView *self,
                                                 AftercareStore         *store);

G_END_DECLS
