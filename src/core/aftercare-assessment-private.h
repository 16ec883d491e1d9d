/* aftercare-assessment-private.h: how the advisor builds an assessment; only aftercare-advisor.c includes it. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "aftercare-assessment.h"

G_BEGIN_DECLS

/* Takes rules and reasons (NULL-terminated); refs the times. run_after may
 * be NULL. */
AftercareAssessment *aftercare_assessment_new (AftercareVerdict   verdict,
                                               GDateTime         *run_after,
                                               GStrv              rules,
                                               GStrv              reasons,
                                               AftercarePhase     phase,
                                               GDateTime         *recheck_at,
                                               AftercareSymptoms  red_flags,
                                               int                soreness);

G_END_DECLS
