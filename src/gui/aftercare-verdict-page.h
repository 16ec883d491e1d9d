/* aftercare-verdict-page.h: the wizard's last step: a verdict with its reasons, what to do now and when to check again. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "aftercare-assessment.h"
#include "aftercare-session.h"

G_BEGIN_DECLS

#define AFTERCARE_TYPE_VERDICT_PAGE (aftercare_verdict_page_get_type ())
G_DECLARE_FINAL_TYPE (AftercareVerdictPage, aftercare_verdict_page, AFTERCARE, VERDICT_PAGE, GtkWidget)

GtkWidget           *aftercare_verdict_page_new            (void);
/* Shows what the advisor said about session at now for the planned run.
 * Clock times are written relative to now ("18:00", "tomorrow 08:00"). */
void                 aftercare_verdict_page_show           (AftercareVerdictPage *self,
                                                            AftercareSession     *session,
                                                            AftercareAssessment  *assessment,
                                                            AftercarePlannedRun   planned_run,
                                                            GDateTime            *now);
AftercareAssessment *aftercare_verdict_page_get_assessment (AftercareVerdictPage *self);
gboolean             aftercare_verdict_page_get_clock_24h  (AftercareVerdictPage *self);
void                 aftercare_verdict_page_set_clock_24h  (AftercareVerdictPage *self,
                                                            gboolean              clock_24h);

/* What the page shows, for the aftercare sheet: the session assessed, the
 * planned run and the time it was assessed at (NULL before any). */
AftercareSession    *aftercare_verdict_page_get_session     (AftercareVerdictPage *self);
AftercarePlannedRun  aftercare_verdict_page_get_planned_run (AftercareVerdictPage *self);
GDateTime           *aftercare_verdict_page_get_now         (AftercareVerdictPage *self);
/* Scrolls the verdict a page down (pages > 0) or up (pages < 0), as Page
 * Down and Page Up do wherever the keyboard is in the wizard. */
void                 aftercare_verdict_page_scroll          (AftercareVerdictPage *self,
                                                             int                   pages);

G_END_DECLS
