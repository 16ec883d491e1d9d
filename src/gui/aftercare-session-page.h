/* aftercare-session-page.h: one massage: the verdict for now, the recovery timeline, what to do, the check-ins. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "aftercare-assessment.h"
#include "aftercare-clock.h"
#include "aftercare-session.h"
#include "aftercare-store.h"
#include "aftercare-timeline-view.h"

G_BEGIN_DECLS

#define AFTERCARE_TYPE_SESSION_PAGE (aftercare_session_page_get_type ())
G_DECLARE_FINAL_TYPE (AftercareSessionPage, aftercare_session_page, AFTERCARE, SESSION_PAGE, GtkBox)

/* Properties: "session" (the massage shown, or NULL), "show-back-button".
 * The page reads the session's check-ins from the store and follows their
 * changes; the verdict refreshes itself when a phase boundary passes.
 * Actions: "session.check-in", "session.edit", "session.delete" (the last
 * two are passed on to "sessions.edit" / "sessions.delete" with the id). */
void                   aftercare_session_page_set_context          (AftercareSessionPage *self,
                                                                    AftercareStore       *store,
                                                                    AftercareClock       *clock);
AftercareSession      *aftercare_session_page_get_session          (AftercareSessionPage *self);
void                   aftercare_session_page_set_session          (AftercareSessionPage *self,
                                                                    AftercareSession     *session);
void                   aftercare_session_page_set_show_back_button (AftercareSessionPage *self,
                                                                    gboolean              show);
/* Shows the page from its top, the verdict card first. Showing another
 * session does so by itself; the narrow list calls it on opening one. */
void                   aftercare_session_page_scroll_to_top        (AftercareSessionPage *self);
/* What the page shows, for tests: the current assessment (NULL without a
 * session, or when its check-ins could not be read) and the timeline. */
AftercareAssessment   *aftercare_session_page_get_assessment       (AftercareSessionPage *self);
AftercareTimelineView *aftercare_session_page_get_timeline         (AftercareSessionPage *self);

G_END_DECLS
