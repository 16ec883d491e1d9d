/* aftercare-assessment.h: the advisor's answer, a verdict with its reasons, as an immutable object views bind to. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "aftercare-enums.h"

G_BEGIN_DECLS

#define AFTERCARE_TYPE_ASSESSMENT (aftercare_assessment_get_type ())
G_DECLARE_FINAL_TYPE (AftercareAssessment, aftercare_assessment, AFTERCARE, ASSESSMENT, GObject)

/* An assessment never changes; aftercare_advisor_assess() makes one. Each
 * getter below is also a read-only property for binding: "verdict",
 * "run-after", "rules", "reasons", "phase", "recheck-at", "advice",
 * "red-flags", "soreness". */

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
/* The latest check-in's soreness, or -1 with no check-in. */
int                  aftercare_assessment_get_soreness    (AftercareAssessment *self);
/* TRUE when the rule with this key fired. */
gboolean             aftercare_assessment_has_rule        (AftercareAssessment *self,
                                                           const char          *rule);

G_END_DECLS
