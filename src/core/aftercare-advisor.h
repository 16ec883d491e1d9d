/* aftercare-advisor.h: turns a session and its check-ins into a verdict with reasons (DESIGN.md, "The advisor"). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "aftercare-assessment.h"
#include "aftercare-checkin.h"
#include "aftercare-enums.h"
#include "aftercare-session.h"

G_BEGIN_DECLS

/* The advisor is a pure function: same inputs, same assessment. Time is an
 * input (now); the clock is never read here. checkins may be NULL or empty
 * ("no symptoms reported"); any order, the latest by time is the current
 * state. Check-ins at the same instant are one moment: the highest
 * soreness and every symptom count (aftercare-moments.h). Every check-in
 * must belong to session and not be before its end. Each reason, the
 * advice and every phase's advice are worded for the verdict given: under
 * rest and seek-care (and wait) none grants running now (DESIGN.md, "One
 * message"). */
AftercareAssessment *aftercare_advisor_assess (AftercareSession     *session,
                                               GPtrArray            *checkins,
                                               AftercarePlannedRun   planned_run,
                                               GDateTime            *now);

G_END_DECLS
