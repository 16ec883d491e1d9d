/* aftercare-timeline.h: a session's recovery phases in time, and the soreness to expect along them. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "aftercare-enums.h"

G_BEGIN_DECLS

/* Phases are half-open [start, end) in hours from the session's end; the
 * last one's end is G_MAXDOUBLE. Before the end (negative hours) counts as
 * the first phase. */
double          aftercare_phase_get_start_hours  (AftercarePhase phase);
double          aftercare_phase_get_end_hours    (AftercarePhase phase);
const char     *aftercare_phase_get_title        (AftercarePhase phase);  /* "Settling", translated */
/* "Run" for "First run window": a title for a narrow timeline, translated. */
const char     *aftercare_phase_get_short_title  (AftercarePhase phase);
AftercarePhase  aftercare_timeline_phase_at      (double hours_since_end);
AftercarePhase  aftercare_timeline_phase_at_time (GDateTime *ended_at, GDateTime *time);
/* The next phase boundary after time, or NULL in the last phase (the GUI
 * wakes then to refresh the verdict). */
GDateTime      *aftercare_timeline_next_boundary (GDateTime *ended_at, GDateTime *time);

/* The usual soreness range (0–10) for a massage type and pressure at a
 * given number of hours after the end, for drawing the expected band. */
void            aftercare_timeline_expected_soreness (AftercareMassageType type,
                                                      AftercarePressure    pressure,
                                                      double               hours_since_end,
                                                      double              *low,
                                                      double              *high);

G_END_DECLS
