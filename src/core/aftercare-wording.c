/* aftercare-wording.c: what a sentence may grant under a verdict, and each recovery phase's advice worded for it (DESIGN.md, "One message"). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-wording"

#include "config.h"

#include <glib/gi18n.h>

#include "aftercare-wording.h"

#define N_WORDINGS (AFTERCARE_WORDING_SEEN + 1)

/* The phase table of DESIGN.md ("Recovery phases"), from the facts of
 * sources 000 (24-hour plan) and 001 (how to feel better), in our words.
 * A NULL text reads as the NOW one: phases that do not speak of running
 * say the same under every verdict, and seek-care's first, settling and
 * check texts lead with being seen. Under rest, what follows once soreness
 * is mild again and the rest has gone; under seek-care, after being seen. */
typedef struct {
  const char *text;
  AftercareGrant grant;
} Advice;

static const Advice phase_advice[AFTERCARE_N_PHASES][N_WORDINGS] = {
  [AFTERCARE_PHASE_FIRST_HOURS] = {
    [AFTERCARE_WORDING_NOW] = {
      N_("Sip water, eat a meal with protein and carbohydrates, and take a short, gentle walk. "
         "Cool a tender spot for a few minutes, and do not stretch into pain."),
      AFTERCARE_GRANT_NOTHING },
    [AFTERCARE_WORDING_SEEN] = {
      N_("Contact your therapist or a healthcare professional about what you feel, and do not "
         "run until you have been seen. Meanwhile sip water, eat a meal with protein and "
         "carbohydrates, and do not stretch into pain."),
      AFTERCARE_GRANT_NOTHING },
  },
  [AFTERCARE_PHASE_SETTLING] = {
    [AFTERCARE_WORDING_NOW] = {
      N_("Keep moving lightly: loosen your hips, calves and upper back, and breathe slowly "
         "and deeply. Leave intervals and other hard efforts for later."),
      AFTERCARE_GRANT_NOTHING },
    [AFTERCARE_WORDING_SEEN] = {
      N_("Until you have been seen, do not run: keep to gentle movement if it is comfortable, "
         "breathe slowly and deeply, and do not stretch into pain."),
      AFTERCARE_GRANT_NOTHING },
  },
  [AFTERCARE_PHASE_FIRST_RUN] = {
    [AFTERCARE_WORDING_NOW] = {
      N_("An easy jog, swim or bike ride is fine if you are hardly sore and your stride feels "
         "smooth. Go to bed a little earlier tonight."),
      AFTERCARE_GRANT_EASY_RUN_NOW },
    [AFTERCARE_WORDING_AHEAD] = {
      N_("An easy jog, swim or bike ride can follow in this window if nothing new has "
         "appeared, you are hardly sore and your stride feels smooth. Go to bed a little "
         "earlier that night."),
      AFTERCARE_GRANT_LATER },
    [AFTERCARE_WORDING_WAITING] = {
      N_("Not a run yet: walk, loosen up gently and keep drinking water. Once the wait is over, "
         "an easy jog, swim or bike ride can follow if you are hardly sore and your stride "
         "feels smooth. Go to bed a little earlier tonight."),
      AFTERCARE_GRANT_LATER },
    [AFTERCARE_WORDING_RESTING] = {
      N_("No running for now: walk gently, or swim or bike lightly if it feels comfortable. "
         "Once soreness is mild again and anything else you reported has gone, an easy jog "
         "can follow."),
      AFTERCARE_GRANT_LATER },
    [AFTERCARE_WORDING_SEEN] = {
      N_("Until you have been seen, do not run: rest, and go to bed a little earlier tonight. "
         "After you have been seen, and if they agree, an easy jog, swim or bike ride can "
         "follow once you are hardly sore and your stride feels smooth."),
      AFTERCARE_GRANT_LATER },
  },
  [AFTERCARE_PHASE_FADING] = {
    [AFTERCARE_WORDING_NOW] = {
      N_("Any soreness should be easing and is usually gone within 48 hours. A warm bath, a "
         "warm compress and gentle movement help; go back to training once you feel clear."),
      AFTERCARE_GRANT_LATER },
    [AFTERCARE_WORDING_RESTING] = {
      N_("A warm bath, a warm compress and gentle movement help. Once soreness is mild again "
         "and anything else you reported has gone, start back with an easy run."),
      AFTERCARE_GRANT_LATER },
    [AFTERCARE_WORDING_SEEN] = {
      N_("Until you have been seen, do not run. After you have been seen, go back to training "
         "only when they agree, starting with an easy run once soreness is mild and your "
         "stride feels smooth."),
      AFTERCARE_GRANT_LATER },
  },
  [AFTERCARE_PHASE_CHECK] = {
    [AFTERCARE_WORDING_NOW] = {
      N_("Soreness has usually gone by now. If yours is above mild or getting worse, talk to "
         "your therapist or a healthcare professional."),
      AFTERCARE_GRANT_NOTHING },
    [AFTERCARE_WORDING_RESTING] = {
      N_("Rest from running until what you reported has gone; if it lasts or gets worse, "
         "talk to your therapist or a healthcare professional."),
      AFTERCARE_GRANT_LATER },
    [AFTERCARE_WORDING_SEEN] = {
      N_("Do not run until you have been seen by your therapist or a healthcare professional, "
         "and tell them how what you feel has changed since the massage."),
      AFTERCARE_GRANT_NOTHING },
  },
};

AftercareGrant
aftercare_verdict_get_max_grant (AftercareVerdict verdict)
{
  switch (verdict)
    {
    case AFTERCARE_VERDICT_TRAIN:
      return AFTERCARE_GRANT_TRAINING_NOW;
    case AFTERCARE_VERDICT_EASY_RUN:
      return AFTERCARE_GRANT_EASY_RUN_NOW;
    case AFTERCARE_VERDICT_WAIT:
    case AFTERCARE_VERDICT_REST:
    case AFTERCARE_VERDICT_SEEK_CARE:
      return AFTERCARE_GRANT_LATER;
    default:
      g_return_val_if_reached (AFTERCARE_GRANT_NOTHING);
    }
}

AftercareWording
aftercare_verdict_get_wording (AftercareVerdict verdict)
{
  switch (verdict)
    {
    case AFTERCARE_VERDICT_SEEK_CARE:
      return AFTERCARE_WORDING_SEEN;
    case AFTERCARE_VERDICT_REST:
      return AFTERCARE_WORDING_RESTING;
    case AFTERCARE_VERDICT_WAIT:
      return AFTERCARE_WORDING_WAITING;
    default:
      return AFTERCARE_WORDING_NOW;
    }
}

const char *
aftercare_phase_get_worded_advice (AftercarePhase    phase,
                                   AftercareWording  wording,
                                   AftercareGrant   *grant)
{
  const Advice *advice;

  g_return_val_if_fail ((guint) phase < AFTERCARE_N_PHASES, NULL);
  g_return_val_if_fail ((guint) wording < N_WORDINGS, NULL);

  advice = &phase_advice[phase][wording];
  if (advice->text == NULL)
    advice = &phase_advice[phase][AFTERCARE_WORDING_NOW];
  if (grant != NULL)
    *grant = advice->grant;
  return _(advice->text);
}
