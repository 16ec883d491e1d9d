/* aftercare-plan.h: the recovery phases as a timetable of clock times from a session's end. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "aftercare-enums.h"

G_BEGIN_DECLS

/* One row of the timetable: a recovery phase placed on the clock. */
typedef struct {
  AftercarePhase phase;
  GDateTime     *starts_at;  /* the session's end + the phase's start */
  GDateTime     *ends_at;    /* NULL for the last, open-ended phase */
  gboolean       current;    /* now falls inside [starts_at, ends_at) */
  char          *when;       /* translated: "until 14:30", "from 14:30 to 22:30",
                              * "from tomorrow 02:30" */
  char          *start_text; /* the clock times in when: "tomorrow 02:30" */
  char          *end_text;   /* "10:30"; NULL for the last phase */
} AftercarePlanStep;

void aftercare_plan_step_free (AftercarePlanStep *step);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AftercarePlanStep, aftercare_plan_step_free)

/* The phases not yet over at now, in order, as a new array of
 * AftercarePlanStep. Clock times are in now's time zone (pass local time
 * for the reader's clock), written relative to now
 * ("tomorrow 02:30") in the 24- or 12-hour style. A phase already under
 * way reads "until …"; a later one "from … to …", the end without its day
 * when it falls on the start's day; the last one "from …". */
GPtrArray *aftercare_plan_new (GDateTime *ended_at,
                               GDateTime *now,
                               gboolean   clock_24h);

G_END_DECLS
