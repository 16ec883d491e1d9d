/* aftercare-timeline-view.h: the recovery timeline, drawn: phases, expected soreness, check-ins and now. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "aftercare-advisor.h"
#include "aftercare-pattern.h"
#include "aftercare-session.h"
#include "aftercare-timeline-geometry.h"

G_BEGIN_DECLS

#define AFTERCARE_TYPE_TIMELINE_VIEW (aftercare_timeline_view_get_type ())
G_DECLARE_FINAL_TYPE (AftercareTimelineView, aftercare_timeline_view, AFTERCARE, TIMELINE_VIEW, GtkWidget)

/* Properties: "session" (AftercareSession), "now" (GDateTime), "clock-24h". */
GtkWidget        *aftercare_timeline_view_new             (void);
AftercareSession *aftercare_timeline_view_get_session     (AftercareTimelineView *self);
void              aftercare_timeline_view_set_session     (AftercareTimelineView *self,
                                                           AftercareSession      *session);
/* checkins: AftercareCheckin of the session, any order; NULL for none. The
 * view plots one point per moment (check-ins at the same instant are one,
 * their worst reading: aftercare-moments.h), sorted by time. */
void              aftercare_timeline_view_set_checkins    (AftercareTimelineView *self,
                                                           GPtrArray             *checkins);
/* The session's assessment now: the phases' tooltips give their advice as
 * worded for its verdict (never a run under rest or seek-care). Without
 * one a phase's tooltip is its name alone. */
void              aftercare_timeline_view_set_assessment  (AftercareTimelineView *self,
                                                           AftercareAssessment   *assessment);
/* Your own pattern for the session's kind, drawn beside the usual band as
 * "Yours" and described in words; NULL (or a pattern that is not shown
 * yet, aftercare_pattern_summary_get_needed()) for none. Copied. */
void              aftercare_timeline_view_set_pattern     (AftercareTimelineView         *self,
                                                           const AftercarePatternSummary *pattern);
gboolean          aftercare_timeline_view_get_has_pattern (AftercareTimelineView *self);
GDateTime        *aftercare_timeline_view_get_now         (AftercareTimelineView *self);
void              aftercare_timeline_view_set_now         (AftercareTimelineView *self,
                                                           GDateTime             *now);
gboolean          aftercare_timeline_view_get_clock_24h   (AftercareTimelineView *self);
void              aftercare_timeline_view_set_clock_24h   (AftercareTimelineView *self,
                                                           gboolean               clock_24h);

/* What is plotted, for tests and assistive technology: the number of
 * check-in points, where point i sits in widget coordinates (after the
 * widget is allocated), and the whole picture in words. */
guint             aftercare_timeline_view_get_n_points    (AftercareTimelineView *self);
gboolean          aftercare_timeline_view_get_point       (AftercareTimelineView *self,
                                                           guint                  index,
                                                           double                *x,
                                                           double                *y);
const char       *aftercare_timeline_view_get_point_tooltip (AftercareTimelineView *self,
                                                           guint                  index);
const char       *aftercare_timeline_view_get_description (AftercareTimelineView *self);
/* What pointing at a phase shows: its name and its advice. */
char             *aftercare_timeline_view_get_phase_tooltip (AftercareTimelineView *self,
                                                           AftercarePhase         phase);
/* The plotting area as last laid out, in widget coordinates. Right to
 * left the timeline is mirrored: hour 0 is at x + width, hour 72 at x. */
void              aftercare_timeline_view_get_plot        (AftercareTimelineView *self,
                                                           AftercareTimelinePlot *plot);
/* The name drawn over a phase's band ("Settling", or "Settle" when narrow)
 * and where, in widget coordinates, as last laid out; FALSE for no phase. */
gboolean          aftercare_timeline_view_get_phase_name  (AftercareTimelineView *self,
                                                           AftercarePhase         phase,
                                                           const char           **name,
                                                           graphene_rect_t       *bounds);

G_END_DECLS
