/* aftercare-advisor.h: turns a session and its check-ins into a verdict with reasons (DESIGN.md, "The advisor"). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "aftercare-checkin.h"
#include "aftercare-enums.h"
#include "aftercare-session.h"

G_BEGIN_DECLS

#define AFTERCARE_TYPE_ASSESSMENT (aftercare_assessment_get_type ())
G_DECLARE_FINAL_TYPE (AftercareAssessment, aftercare_assessment, AFTERCARE, ASSESSMENT, GObject)

/* An assessment never changes. Each getter below is also a read-only
 * property for binding: "verdict", "run-after", "rules", "reasons",
 * "phase", "recheck-at", "advice", "red-flags", "soreness" (added). */

/* The advisor is a pure function: same inputs, same assessment. Time is an
 * input (now); the clock is never read here. checkins may be NULL or empty
 * ("no symptoms reported"); any order, the latest by time is the current
 * state. Every check-in must belong to session and not be before its end. */
AftercareAssessment *aftercare_advisor_assess (AftercareSession     *session,
                                               GPtrArray            *checkins,
                                               AftercarePlannedRun   planned_run,
                                               GDateTime            *now);

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
/* TRUE when the rule with this key fired (added). */
gboolean             aftercare_assessment_has_rule        (AftercareAssessment *self,
                                                           const char          *rule);

/* Presentation shared by the window and the sheet, translated. */
const char          *aftercare_verdict_get_title          (AftercareVerdict verdict);   /* "Rest today" */
const char          *aftercare_verdict_get_description    (AftercareVerdict verdict);   /* one sentence */
const char          *aftercare_symptom_get_title          (AftercareSymptoms symptom);  /* "Heavy legs" */
const char          *aftercare_symptom_get_description    (AftercareSymptoms symptom);  /* one line */
/* The symptoms as they read inside a sentence, translated, in bit order:
 * "sharp pain and numbness", "fever, nausea and a headache"; "" for none
 * (added). */
char                *aftercare_symptoms_to_phrase         (AftercareSymptoms symptoms);
/* "Soreness 4 — above mild": band word for 0 / 1–2 / 3–4 / 5–10. */
const char          *aftercare_soreness_get_band          (guint soreness);
/* The not-medical-advice line shown beside every verdict. */
const char          *aftercare_disclaimer                 (void);

G_END_DECLS
