/* aftercare-assessment-private.h: how the advisor builds an assessment; only aftercare-advisor.c includes it. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "aftercare-assessment.h"

G_BEGIN_DECLS

/* What the advisor found, handed over whole. The times are referenced;
 * rules, reasons and reason_grants are taken. */
typedef struct {
  AftercareVerdict     verdict;
  AftercarePlannedRun  planned_run;
  GDateTime           *run_after;       /* the planned run's; may be NULL */
  GDateTime           *easy_run_after;  /* an easy run's; may be NULL */
  GStrv                rules;           /* NULL-terminated */
  GStrv                reasons;         /* NULL-terminated */
  AftercareGrant      *reason_grants;   /* one per reason */
  AftercarePhase       phase;
  GDateTime           *recheck_at;
  GDateTime           *ended_at;        /* the session's end */
  GDateTime           *assessed_at;     /* now */
  GDateTime           *latest_at;       /* the latest moment's; may be NULL */
  AftercareSymptoms    red_flags;
  int                  soreness;
} AftercareAssessmentFacts;

AftercareAssessment *aftercare_assessment_new (AftercareAssessmentFacts *facts);

G_END_DECLS
