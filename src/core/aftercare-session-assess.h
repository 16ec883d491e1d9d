/* aftercare-session-assess.h: one call turns a stored session into its assessment, with one policy when its check-ins cannot be read. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "aftercare-advisor.h"
#include "aftercare-store.h"

G_BEGIN_DECLS

/* Reads the session's check-ins from store and assesses them at now for
 * planned_run: the one way the sessions list, the session page, the sheet
 * (window and command line) and the wizard get a stored session's verdict,
 * so they never disagree. Check-ins at the same instant count as one
 * moment, their worst reading (aftercare-moments.h).
 *
 * extra (may be NULL) is a check-in of the session not stored (yet): the
 * wizard's answers. checkins (may be NULL) receives the stored check-ins,
 * oldest first, for the views that list them.
 *
 * When the check-ins cannot be read, returns NULL, sets error (saying
 * "Could not read the check-ins: …") and gives no verdict: assessing
 * without them would read as "no symptoms reported" and could hide a red
 * flag. Views show that the verdict is unavailable instead. */
AftercareAssessment *aftercare_session_assess (AftercareStore       *store,
                                               AftercareSession     *session,
                                               AftercareCheckin     *extra,
                                               AftercarePlannedRun   planned_run,
                                               GDateTime            *now,
                                               GPtrArray           **checkins,
                                               GError              **error);

G_END_DECLS
