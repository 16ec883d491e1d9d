/* aftercare-timeline-text.h: the recovery timeline in words: how soreness compares with the usual, and what each phase asks (no GTK). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "aftercare-advisor.h"

G_BEGIN_DECLS

/* How a soreness compares with what is usual at that hour after this kind
 * of massage (aftercare_timeline_expected_soreness()), rounded to whole
 * points as people read them: above when it is more than half a point
 * over the usual range, below when more than half a point under it. */
typedef enum {
  AFTERCARE_USUAL_BELOW,
  AFTERCARE_USUAL_WITHIN,
  AFTERCARE_USUAL_ABOVE,
} AftercareUsual;

/* The usual soreness at hours after the end, in whole points. */
void            aftercare_timeline_usual_range      (AftercareMassageType  type,
                                                     AftercarePressure     pressure,
                                                     double                hours,
                                                     int                  *low,
                                                     int                  *high);
AftercareUsual  aftercare_timeline_compare_soreness (AftercareMassageType  type,
                                                     AftercarePressure     pressure,
                                                     double                hours,
                                                     double                soreness);
/* The usual range in words: "1 to 3", or "0" when both ends agree. */
char           *aftercare_timeline_format_usual     (AftercareMassageType  type,
                                                     AftercarePressure     pressure,
                                                     double                hours);
/* "Soreness 4 at 12 hours, above the usual 1 to 3." */
char           *aftercare_timeline_describe_moment  (AftercareMassageType  type,
                                                     AftercarePressure     pressure,
                                                     double                hours,
                                                     guint                 soreness);
/* "Now: 14 hours after, in the phase First run window." */
char           *aftercare_timeline_describe_now     (double                hours);
/* A phase's name and what to do in it, on two lines, worded for the
 * assessment's verdict (aftercare_assessment_get_phase_advice()); just the
 * name without an assessment. *grant (may be NULL) gets what it grants. */
char           *aftercare_timeline_describe_phase   (AftercareAssessment  *assessment,
                                                     AftercarePhase        phase,
                                                     AftercareGrant       *grant);

G_END_DECLS
