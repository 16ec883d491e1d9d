/* aftercare-assessment.h: the advisor's answer, a verdict with its reasons, as an immutable object views bind to. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "aftercare-enums.h"
#include "aftercare-wording.h"

G_BEGIN_DECLS

#define AFTERCARE_TYPE_ASSESSMENT (aftercare_assessment_get_type ())
G_DECLARE_FINAL_TYPE (AftercareAssessment, aftercare_assessment, AFTERCARE, ASSESSMENT, GObject)

/* An assessment never changes; aftercare_advisor_assess() makes one. Each
 * getter below is also a read-only property for binding: "verdict",
 * "run-after", "rules", "reasons", "phase", "recheck-at", "advice",
 * "red-flags", "soreness", "planned-run", "easy-run-after". */

AftercareVerdict     aftercare_assessment_get_verdict     (AftercareAssessment *self);
/* The earliest time the planned run should be fine if nothing new appears;
 * NULL when it is fine now, and always NULL for rest and seek-care. UTC. */
GDateTime           *aftercare_assessment_get_run_after   (AftercareAssessment *self);
/* Keys of the rules that fired ("nerve-or-injury", …), most severe first. */
const char * const  *aftercare_assessment_get_rules       (AftercareAssessment *self);
/* Human sentences, translated, one per rule that fired, same order as rules
 * (plus "no check-in yet, so no symptoms reported" when there is none). */
const char * const  *aftercare_assessment_get_reasons     (AftercareAssessment *self);
AftercarePhase       aftercare_assessment_get_phase       (AftercareAssessment *self);
/* When to check in next (UTC). */
GDateTime           *aftercare_assessment_get_recheck_at  (AftercareAssessment *self);
/* What to do in the current phase (translated). */
const char          *aftercare_assessment_get_advice      (AftercareAssessment *self);
/* The warning-sign symptoms of the latest check-in (nerve-or-injury and
 * systemic ones) that the verdict page must put first; 0 when none. */
AftercareSymptoms    aftercare_assessment_get_red_flags   (AftercareAssessment *self);
/* The latest moment's soreness, or -1 with no check-in. */
int                  aftercare_assessment_get_soreness    (AftercareAssessment *self);
/* TRUE when the rule with this key fired. */
gboolean             aftercare_assessment_has_rule        (AftercareAssessment *self,
                                                           const char          *rule);

/* The run the assessment was asked about; run_after is that run's. */
AftercarePlannedRun  aftercare_assessment_get_planned_run    (AftercareAssessment *self);
/* When an easy run should be fine if nothing new appears: NULL when it is
 * fine now, and always NULL for rest and seek-care. UTC. The same as
 * run_after when the planned run is easy. */
GDateTime           *aftercare_assessment_get_easy_run_after (AftercareAssessment *self);
/* The session's end, and the time assessed at ("now"). */
GDateTime           *aftercare_assessment_get_ended_at       (AftercareAssessment *self);
GDateTime           *aftercare_assessment_get_assessed_at    (AftercareAssessment *self);
/* The latest check-in (moment) at or before now, or NULL with none. */
GDateTime           *aftercare_assessment_get_latest_checkin_at (AftercareAssessment *self);
/* What reasons[index] grants; never more than the verdict allows. */
AftercareGrant       aftercare_assessment_get_reason_grant   (AftercareAssessment *self,
                                                              guint                index);
/* What get_advice() grants. */
AftercareGrant       aftercare_assessment_get_advice_grant   (AftercareAssessment *self);
/* What to do in any phase (translated), worded for this verdict: the
 * current phase as the advice says; a later one as it will be if nothing
 * new appears (a wait that lasts into it keeps it waiting); under rest,
 * what follows once the reasons have cleared; under seek-care, after being
 * seen. For the plan's rows and the timeline's tooltips. *grant may be NULL. */
const char          *aftercare_assessment_get_phase_advice   (AftercareAssessment *self,
                                                              AftercarePhase       phase,
                                                              AftercareGrant      *grant);
/* Recovered (DESIGN.md, "After the window"): the 48-hour phase has begun
 * and the verdict is train. Nothing more to check in about; a seek-care
 * verdict is never recovered, however old. */
gboolean             aftercare_assessment_is_recovered       (AftercareAssessment *self);

G_END_DECLS
