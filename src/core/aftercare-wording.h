/* aftercare-wording.h: what a sentence may grant under a verdict, and each recovery phase's advice worded for it (DESIGN.md, "One message"). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "aftercare-enums.h"

G_BEGIN_DECLS

/* What a sentence the app writes lets the reader do about running. Every
 * sentence the core produces for a verdict (reasons, advice, the card's
 * times, the plan's rows) carries one, so tests can check that none says
 * more than its verdict allows. Ordered: a larger value grants more. */
typedef enum {
  AFTERCARE_GRANT_NOTHING,       /* a fact, a restriction, or care that is not running */
  AFTERCARE_GRANT_LATER,         /* running at a later time, or once a condition is met */
  AFTERCARE_GRANT_EASY_RUN_NOW,  /* an easy run now */
  AFTERCARE_GRANT_TRAINING_NOW,  /* any running now, hard sessions included */
} AftercareGrant;

/* The most a sentence may grant under verdict: LATER for seek-care, rest
 * and wait; an easy run now for easy-run; training now for train. */
AftercareGrant   aftercare_verdict_get_max_grant (AftercareVerdict verdict);

/* How a sentence is worded for the verdict it sits under: as things are
 * now; for a later phase as it will be if nothing new appears; while a
 * wait comes first; once the reasons to rest have cleared; after the
 * person has been seen. */
typedef enum {
  AFTERCARE_WORDING_NOW,
  AFTERCARE_WORDING_AHEAD,
  AFTERCARE_WORDING_WAITING,
  AFTERCARE_WORDING_RESTING,
  AFTERCARE_WORDING_SEEN,
} AftercareWording;

/* The wording of reasons under verdict: SEEN for seek-care, RESTING for
 * rest, WAITING for wait, NOW otherwise. */
AftercareWording aftercare_verdict_get_wording  (AftercareVerdict verdict);

/* What to do in phase, worded (translated); *grant (may be NULL) gets what
 * it grants. Only the first-run and fading phases speak of running, so
 * only they read differently when waiting or ahead. */
const char      *aftercare_phase_get_worded_advice (AftercarePhase    phase,
                                                    AftercareWording  wording,
                                                    AftercareGrant   *grant);

G_END_DECLS
