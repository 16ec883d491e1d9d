/* aftercare-timeline-chart.h: a session's recovery timeline drawn on paper: phases, the usual band, your pattern, the check-ins (cairo and Pango, no GTK). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "aftercare-pattern.h"
#include "aftercare-session.h"

G_BEGIN_DECLS

/* Draws the first 72 hours after session in the rectangle (x, y, width,
 * height), labels included: the phases as bands named above, the usual
 * soreness for its kind as a shaded band, pattern (may be NULL, or not
 * shown yet) as dashed boxes with a line at its usual, labelled "Yours",
 * and moments (aftercare_checkins_to_moments(), oldest first) as a line
 * of dots. For print: dark ink on white. */
void aftercare_timeline_chart_draw (cairo_t                       *cr,
                                    PangoContext                  *context,
                                    double                         x,
                                    double                         y,
                                    double                         width,
                                    double                         height,
                                    AftercareSession              *session,
                                    GPtrArray                     *moments,
                                    const AftercarePatternSummary *pattern);

G_END_DECLS
