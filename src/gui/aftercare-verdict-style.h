/* aftercare-verdict-style.h: how the interface colours and marks a verdict, the same in every view. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "aftercare-enums.h"

G_BEGIN_DECLS

/* The libadwaita style class that colours the verdict (.error, .warning,
 * .accent, .success). */
const char *aftercare_verdict_get_style_class (AftercareVerdict verdict);
/* A symbolic icon of its own for each verdict, so colour is never the only
 * sign; the icons are the app's own, in ui/icons. */
const char *aftercare_verdict_get_icon_name   (AftercareVerdict verdict);
/* Gives widget the style class of verdict, taking off any other verdict's. */
void        aftercare_verdict_apply_style     (GtkWidget       *widget,
                                               AftercareVerdict verdict);
/* Takes off any verdict's style class and gives widget the quiet "neutral"
 * one: for a recovered session, and where there is no verdict to show. */
void        aftercare_verdict_apply_neutral_style (GtkWidget *widget);

G_END_DECLS
