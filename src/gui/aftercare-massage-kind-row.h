/* aftercare-massage-kind-row.h: one massage type in the reference's list, with how likely it is to leave you sore. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "aftercare-catalog.h"

G_BEGIN_DECLS

#define AFTERCARE_TYPE_MASSAGE_KIND_ROW (aftercare_massage_kind_row_get_type ())
G_DECLARE_FINAL_TYPE (AftercareMassageKindRow, aftercare_massage_kind_row, AFTERCARE, MASSAGE_KIND_ROW, GtkListBoxRow)

GtkWidget            *aftercare_massage_kind_row_new      (AftercareMassageKind *kind);
AftercareMassageKind *aftercare_massage_kind_row_get_kind (AftercareMassageKindRow *self);

G_END_DECLS
