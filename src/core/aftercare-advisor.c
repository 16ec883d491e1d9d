/* aftercare-advisor.c: the rules that turn a session and its check-ins into a verdict with reasons (DESIGN.md, "The advisor"). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-advisor"

#include "config.h"

#include <glib/gi18n.h>

#include "aftercare-advisor.h"
#include "aftercare-assessment-private.h"
#include "aftercare-labels.h"
#include "aftercare-moments.h"
#include "aftercare-timeline.h"

/* Choices the brief leaves open, made here once:
 *
 * - The current state is the latest check-in at or before now. Check-ins
 *   after now have not happened yet at that moment and are left out, so
 *   the same log can be assessed at any time (the timeline does so).
 *   Check-ins at the same instant are one moment, the worst reading of
 *   them (aftercare-moments.h): the order of rows never changes a verdict.
 * - Time rules compare whole microseconds, half-open: at exactly 12 hours
 *   the 12-hour stage applies. A now before the session's end counts as
 *   its first moment.
 * - "Soreness 3 or more, 48 hours or more after the session" reads the
 *   latest check-in's soreness at now, like every other rule: the latest
 *   check-in is the current state until a newer one says otherwise.
 * - Worsening, as the brief says it: between any two check-ins made 24
 *   hours or more after the session and not after now, an earlier one
 *   and a later one, soreness rose by 2 or more points. It still counts
 *   when soreness has since come down (0 → 2 → 1 is worsening: the
 *   therapist should hear of it), and a rise in small steps counts
 *   (1 → 2 → 3). The reason names the largest such rise.
 * - Persistent systemic signs: any of the five at the latest check-in and
 *   any of the five at a check-in 12 hours or more before it (feeling
 *   unwell in changing ways still counts as feeling unwell), or the
 *   latest check-in being 24 hours or more after the session.
 * - rules lists every rule that fired, most severe verdict first, and in
 *   the brief's order among equals. reasons holds one sentence per rule in
 *   the same order, then, with no check-in, one saying nothing was
 *   reported, so reasons[i] explains rules[i].
 * - One message (DESIGN.md): each reason is worded for the verdict given.
 *   The rules run once to find the verdict, then again to word their
 *   sentences for it: a less severe rule that would allow a run says what
 *   follows once the wait is over (wait), once soreness is mild again and
 *   anything else reported has gone (rest), or after the person has been
 *   seen (seek-care). Each sentence carries what it grants
 *   (aftercare-wording.h), never more than the verdict allows.
 * - recheck_at is the next phase boundary (where the time rules change
 *   what is allowed, and the advice changes), but no later than 12 hours
 *   from now for rest and seek-care (a person who is unwell should log how
 *   it develops at least twice a day) and 24 hours otherwise (after 48
 *   hours there is no further boundary).
 */

typedef enum {
  RULE_NERVE_OR_INJURY,
  RULE_PERSISTENT_SYSTEMIC,
  RULE_PROLONGED_OR_WORSENING,
  RULE_TISSUE_SIGNS,
  RULE_FIRST_TIME,
  RULE_DEEP_WORK,
  RULE_SAME_DAY_EASY,
  RULE_PROGRESSION,
  N_RULES
} Rule;

static const char * const rule_keys[N_RULES] = {
  [RULE_NERVE_OR_INJURY] = "nerve-or-injury",
  [RULE_PERSISTENT_SYSTEMIC] = "persistent-systemic",
  [RULE_PROLONGED_OR_WORSENING] = "prolonged-or-worsening",
  [RULE_TISSUE_SIGNS] = "tissue-signs",
  [RULE_FIRST_TIME] = "first-time",
  [RULE_DEEP_WORK] = "deep-work",
  [RULE_SAME_DAY_EASY] = "same-day-easy",
  [RULE_PROGRESSION] = "progression",
};

#define HOURS(n) ((GTimeSpan) (n) * G_TIME_SPAN_HOUR)
#define MILD_MAX 2          /* soreness 1–2 is mild; 3 and up is above mild */
#define WORSENING_RISE 2

/* Everything the rules look at, worked out once. */
typedef struct {
  AftercareSession *session;
  GDateTime *ended_at;
  GDateTime *now;
  GTimeSpan since_end;       /* now − end; negative before the end */
  GPtrArray *checkins;       /* moments up to now, oldest first */
  AftercareCheckin *latest;  /* NULL with no check-in */
  guint soreness;            /* the latest's, 0 with none */
  AftercareSymptoms symptoms;
  AftercareWording wording;  /* how reasons read under the verdict */
} Situation;

/* What one rule found: fired, with the verdict it asks for, why, and what
 * that sentence grants. */
typedef struct {
  gboolean fired;
  AftercareVerdict verdict;
  AftercareGrant grant;
  char *reason;
} Finding;

static GTimeSpan
checkin_since_end (const Situation *s,
                   AftercareCheckin *checkin)
{
  return g_date_time_difference (aftercare_checkin_get_at (checkin), s->ended_at);
}

static void
fire (Finding          *finding,
      AftercareVerdict  verdict,
      AftercareGrant    grant,
      char             *reason)
{
  finding->fired = TRUE;
  finding->verdict = verdict;
  finding->grant = grant;
  finding->reason = reason;
}

/* The sentence for s's wording: now (also ahead), waiting, once rested,
 * once seen. */
static const char *
worded (const Situation *s,
        const char      *now,
        const char      *waiting,
        const char      *resting,
        const char      *seen)
{
  switch (s->wording)
    {
    case AFTERCARE_WORDING_WAITING: return waiting;
    case AFTERCARE_WORDING_RESTING: return resting;
    case AFTERCARE_WORDING_SEEN: return seen;
    case AFTERCARE_WORDING_NOW:
    case AFTERCARE_WORDING_AHEAD:
    default: return now;
    }
}

static gboolean
is_first_time_with_pressure (const Situation *s)
{
  return aftercare_session_get_first_time (s->session) &&
         aftercare_session_get_pressure (s->session) != AFTERCARE_PRESSURE_LIGHT;
}

static gboolean
first_time_applies (const Situation *s)
{
  return is_first_time_with_pressure (s) && s->since_end < HOURS (24);
}

static gboolean
nothing_reported (const Situation *s)
{
  return s->soreness <= MILD_MAX && s->symptoms == 0;
}

/* "You reported soreness of 1 out of 10 and no other symptoms.", said
 * once, by the first of the time rules (first-time when it fires, else
 * deep-work, same-day-easy or progression) when nothing else was reported;
 * NULL otherwise, and with no check-in (another reason says nothing was
 * reported). */
static char *
observed_all_clear (const Situation *s,
                    Rule             rule)
{
  if (s->latest == NULL || !nothing_reported (s) ||
      (rule != RULE_FIRST_TIME && first_time_applies (s)))
    return NULL;
  if (s->soreness == 0)
    return g_strdup (_("You reported no soreness and no other symptoms."));
  /* Translators: %u is a soreness from 1 to 2 on a scale of 0 to 10. */
  return g_strdup_printf (_("You reported soreness of %u out of 10 and no other symptoms."),
                          s->soreness);
}

/* Joins an optional observation and the rule's own sentence. */
static char *
with_observation (char       *observed,
                  const char *sentence)
{
  g_autofree char *owned = observed;

  if (owned == NULL)
    return g_strdup (sentence);
  return g_strjoin (" ", owned, sentence, NULL);
}

static void
rule_nerve_or_injury (const Situation *s,
                      Finding         *finding)
{
  AftercareSymptoms seen = s->symptoms & AFTERCARE_SYMPTOMS_NERVE_OR_INJURY;
  g_autofree char *list = NULL;

  if (seen == 0)
    return;
  list = aftercare_symptoms_to_phrase (seen);
  fire (finding, AFTERCARE_VERDICT_SEEK_CARE, AFTERCARE_GRANT_NOTHING,
        /* Translators: %s lists symptoms, e.g. "sharp pain and numbness". */
        g_strdup_printf (_("You reported %s. That can mean an injured muscle or an irritated "
                           "nerve: do not run, and have your therapist or a healthcare "
                           "professional look at it."), list));
}

/* TRUE when an earlier check-in, 12 hours or more before the latest, also
 * reported feeling unwell. */
static gboolean
systemic_reported_earlier (const Situation *s)
{
  GDateTime *latest_at = aftercare_checkin_get_at (s->latest);

  for (guint i = 0; i < s->checkins->len; i++)
    {
      AftercareCheckin *checkin = g_ptr_array_index (s->checkins, i);

      if ((aftercare_checkin_get_symptoms (checkin) & AFTERCARE_SYMPTOMS_SYSTEMIC) != 0 &&
          g_date_time_difference (latest_at, aftercare_checkin_get_at (checkin)) >= HOURS (12))
        return TRUE;
    }
  return FALSE;
}

static void
rule_persistent_systemic (const Situation *s,
                          Finding         *finding)
{
  AftercareSymptoms seen = s->symptoms & AFTERCARE_SYMPTOMS_SYSTEMIC;
  g_autofree char *list = NULL;

  if (seen == 0)
    return;
  list = aftercare_symptoms_to_phrase (seen);
  if (systemic_reported_earlier (s))
    fire (finding, AFTERCARE_VERDICT_SEEK_CARE, AFTERCARE_GRANT_NOTHING,
          /* Translators: %s lists symptoms, e.g. "fever and a headache". */
          g_strdup_printf (_("You still report %s, and you already felt unwell at a check-in "
                             "12 hours or more before. Feeling unwell for this long needs "
                             "advice from a healthcare professional."), list));
  else if (checkin_since_end (s, s->latest) >= HOURS (24))
    fire (finding, AFTERCARE_VERDICT_SEEK_CARE, AFTERCARE_GRANT_NOTHING,
          /* Translators: %s lists symptoms, e.g. "fever and a headache". */
          g_strdup_printf (_("You report %s a day or more after the massage. Feeling unwell "
                             "for this long needs advice from a healthcare professional."), list));
  else
    fire (finding, AFTERCARE_VERDICT_REST, AFTERCARE_GRANT_NOTHING,
          /* Translators: %s lists symptoms, e.g. "fever and a headache". */
          g_strdup_printf (_("You reported %s. Feeling unwell after a massage is a reason to "
                             "rest today; if it does not pass, get medical advice."), list));
}

/* The largest rise of soreness from an earlier to a later check-in, both
 * made 24 hours or more after the session (s->checkins holds those up
 * to now, oldest first); FALSE when soreness never rose. */
static gboolean
largest_late_rise (const Situation *s,
                   int             *from,
                   int             *to)
{
  int best = 0;

  for (guint j = 0; j < s->checkins->len; j++)
    {
      AftercareCheckin *later = g_ptr_array_index (s->checkins, j);

      if (checkin_since_end (s, later) < HOURS (24))
        continue;
      for (guint i = 0; i < j; i++)
        {
          AftercareCheckin *earlier = g_ptr_array_index (s->checkins, i);
          int rise = (int) aftercare_checkin_get_soreness (later) -
                     (int) aftercare_checkin_get_soreness (earlier);

          if (checkin_since_end (s, earlier) >= HOURS (24) &&
              g_date_time_compare (aftercare_checkin_get_at (earlier),
                                   aftercare_checkin_get_at (later)) < 0 &&
              rise > best)
            {
              best = rise;
              *from = (int) aftercare_checkin_get_soreness (earlier);
              *to = (int) aftercare_checkin_get_soreness (later);
            }
        }
    }
  return best > 0;
}

/* From three days on the time since the massage is told in days: an old
 * session's "9,474 hours ago" says nothing a reader can take in. */
#define PROLONGED_IN_DAYS_FROM (72 * G_TIME_SPAN_HOUR)

static char *
prolonged_sentence (const Situation *s)
{
  int hours = (int) (s->since_end / G_TIME_SPAN_HOUR);
  int days = (int) (s->since_end / G_TIME_SPAN_DAY);

  if (s->since_end >= PROLONGED_IN_DAYS_FROM)
    /* Translators: the first %u is a soreness from 3 to 10, the second a
     * number of whole days (3 or more). */
    return g_strdup_printf (ngettext ("Your latest soreness is %u out of 10 and the massage was "
                                      "%d day ago. Soreness usually fades within 24 to 48 hours; "
                                      "when it lasts longer, talk to your therapist or a "
                                      "healthcare professional.",
                                      "Your latest soreness is %u out of 10 and the massage was "
                                      "%d days ago. Soreness usually fades within 24 to 48 hours; "
                                      "when it lasts longer, talk to your therapist or a "
                                      "healthcare professional.", days),
                            s->soreness, days);
  /* Translators: the first %u is a soreness from 3 to 10, the second a
   * number of hours (48 to 71). */
  return g_strdup_printf (ngettext ("Your latest soreness is %u out of 10 and the massage was "
                                    "%d hour ago. Soreness usually fades within 24 to 48 hours; "
                                    "when it lasts longer, talk to your therapist or a "
                                    "healthcare professional.",
                                    "Your latest soreness is %u out of 10 and the massage was "
                                    "%d hours ago. Soreness usually fades within 24 to 48 hours; "
                                    "when it lasts longer, talk to your therapist or a "
                                    "healthcare professional.", hours),
                          s->soreness, hours);
}

static char *
worsening_sentence (int from,
                    int to)
{
  /* Translators: two soreness values on a scale of 0 to 10, earlier and later. */
  return g_strdup_printf (_("Your soreness rose from %d to %d out of 10 a day or more after the "
                            "massage. Soreness that gets worse instead of easing needs a look "
                            "from your therapist or a healthcare professional, even if it has "
                            "eased a little since."),
                          from, to);
}

static void
rule_prolonged_or_worsening (const Situation *s,
                             Finding         *finding)
{
  gboolean prolonged, worsening;
  g_autofree char *prolonged_text = NULL;
  g_autofree char *worsening_text = NULL;
  int from = 0, to = 0;

  if (s->latest == NULL)
    return;
  prolonged = s->soreness > MILD_MAX && s->since_end >= HOURS (48);
  worsening = largest_late_rise (s, &from, &to) && to - from >= WORSENING_RISE;
  if (!prolonged && !worsening)
    return;

  if (prolonged)
    prolonged_text = prolonged_sentence (s);
  if (worsening)
    worsening_text = worsening_sentence (from, to);
  fire (finding, AFTERCARE_VERDICT_SEEK_CARE, AFTERCARE_GRANT_NOTHING,
        prolonged && worsening ? g_strjoin (" ", prolonged_text, worsening_text, NULL)
                               : g_strdup (prolonged ? prolonged_text : worsening_text));
}

static char *
tissue_observation (const Situation   *s,
                    AftercareSymptoms  seen)
{
  g_autofree char *list = NULL;

  if (seen == 0)
    /* Translators: %u is a soreness from 3 to 10 on a scale of 0 to 10. */
    return g_strdup_printf (_("Your soreness is %u out of 10, which is above mild."), s->soreness);
  list = aftercare_symptoms_to_phrase (seen);
  if (s->soreness <= MILD_MAX)
    /* Translators: %s lists symptoms, e.g. "heavy legs and bruising". */
    return g_strdup_printf (_("You reported %s."), list);
  /* Translators: %u is a soreness from 3 to 10; %s lists symptoms, e.g.
   * "heavy legs and bruising". */
  return g_strdup_printf (_("You reported soreness of %u out of 10, with %s."), s->soreness, list);
}

static void
rule_tissue_signs (const Situation *s,
                   Finding         *finding)
{
  AftercareSymptoms seen = s->symptoms & AFTERCARE_SYMPTOMS_TISSUE;
  g_autofree char *observed = NULL;
  const char *bruising = NULL;
  const char *advice;

  if (seen == 0 && s->soreness <= MILD_MAX)
    return;
  observed = tissue_observation (s, seen);
  /* Source 001: bruising is not a usual reaction; talk about the pressure. */
  if (seen & AFTERCARE_SYMPTOM_BRUISING)
    bruising = _("Bruising is not a usual reaction to massage: tell your therapist, so they can "
                 "adjust the pressure next time.");
  /* Under seek-care, no cross-training suggestion before being seen. */
  advice = s->wording == AFTERCARE_WORDING_SEEN
           ? _("Running on it could change your stride and strain the tissue: rest it until you "
               "have been seen.")
           : _("Running on it could change your stride and strain the tissue: rest today, "
               "or try a gentle swim or bike ride if it feels comfortable.");
  fire (finding, AFTERCARE_VERDICT_REST, AFTERCARE_GRANT_NOTHING,
        g_strjoin (" ", observed, advice, bruising, NULL));
}

/* A restriction, true under every verdict; under rest and seek-care it
 * says it still holds once that has cleared, so it never reads as leave to
 * run as soon as the hours are up. */
static const char *
first_time_sentence (const Situation *s)
{
  if (aftercare_session_get_pressure (s->session) == AFTERCARE_PRESSURE_DEEP)
    return worded (s,
                   _("This was your first massage of this kind, with deep pressure: give your "
                     "body a full 24 hours after it before you run."),
                   _("This was your first massage of this kind, with deep pressure: give your "
                     "body a full 24 hours after it before you run."),
                   _("This was your first massage of this kind, with deep pressure: even once you "
                     "no longer need to rest, give your body a full 24 hours after it before you run."),
                   _("This was your first massage of this kind, with deep pressure: even after "
                     "you have been seen, give your body a full 24 hours after it before you run."));
  return worded (s,
                 _("This was your first massage of this kind, with moderate pressure: give "
                   "your body a full 24 hours after it before you run."),
                 _("This was your first massage of this kind, with moderate pressure: give "
                   "your body a full 24 hours after it before you run."),
                 _("This was your first massage of this kind, with moderate pressure: even once you "
                   "no longer need to rest, give your body a full 24 hours after it before you run."),
                 _("This was your first massage of this kind, with moderate pressure: even after "
                   "you have been seen, give your body a full 24 hours after it before you run."));
}

static void
rule_first_time (const Situation *s,
                 Finding         *finding)
{
  if (!first_time_applies (s))
    return;
  fire (finding, AFTERCARE_VERDICT_WAIT, AFTERCARE_GRANT_LATER,
        with_observation (observed_all_clear (s, RULE_FIRST_TIME), first_time_sentence (s)));
}

/* Before 12 hours: a wait, whatever the verdict; it only grants later. */
static const char *
deep_work_wait_sentence (const Situation *s)
{
  return worded (s,
                 _("Deep pressure leaves muscles tender and less steady for a while: no running "
                   "until 12 hours after the massage, and no speed, hills or long runs until 24 "
                   "hours after it."),
                 _("Deep pressure leaves muscles tender and less steady for a while: no running "
                   "until 12 hours after the massage, and no speed, hills or long runs until 24 "
                   "hours after it."),
                 _("Deep pressure leaves muscles tender and less steady for a while: even once you "
                   "no longer need to rest, no running until 12 hours after the massage, and no "
                   "speed, hills or long runs until 24 hours after it."),
                 _("Deep pressure leaves muscles tender and less steady for a while: even after "
                   "you have been seen, no running until 12 hours after the massage, and no "
                   "speed, hills or long runs until 24 hours after it."));
}

/* From 12 to 24 hours: an easy run, unless a more severe rule holds. A
 * first massage of this kind outlasts it (24 hours against 12), so with
 * one it grants nothing whatever the verdict; without one it can only be
 * outranked by rest or seek-care. */
static const char *
deep_work_easy_sentence (const Situation *s)
{
  if (s->wording != AFTERCARE_WORDING_NOW && first_time_applies (s))
    return _("It is 12 hours or more since the deep pressure work, which alone would allow an "
             "easy run; after a first massage of this kind, the full 24 hours come first.");
  g_assert (s->wording != AFTERCARE_WORDING_WAITING);
  return worded (s,
                 _("It is 12 hours or more since the deep pressure work: an easy run is fine, "
                   "but keep speed, hills and long runs until 24 hours after the massage."),
                 NULL,
                 _("It is 12 hours or more since the deep pressure work: once soreness is mild "
                   "again and anything else you reported has gone, an easy run can follow, but "
                   "keep speed, hills and long runs until 24 hours after the massage."),
                 _("It is 12 hours or more since the deep pressure work: after you have been "
                   "seen, and if they agree, an easy run can follow, but keep speed, hills and "
                   "long runs until 24 hours after the massage."));
}

static void
rule_deep_work (const Situation *s,
                Finding         *finding)
{
  if (aftercare_session_get_pressure (s->session) != AFTERCARE_PRESSURE_DEEP ||
      s->since_end >= HOURS (24))
    return;
  if (s->since_end < HOURS (12))
    fire (finding, AFTERCARE_VERDICT_WAIT, AFTERCARE_GRANT_LATER,
          with_observation (observed_all_clear (s, RULE_DEEP_WORK), deep_work_wait_sentence (s)));
  else
    fire (finding, AFTERCARE_VERDICT_EASY_RUN,
          s->wording == AFTERCARE_WORDING_NOW ? AFTERCARE_GRANT_EASY_RUN_NOW : AFTERCARE_GRANT_LATER,
          with_observation (observed_all_clear (s, RULE_DEEP_WORK), deep_work_easy_sentence (s)));
}

/* Fires only with nothing reported and before 24 hours, so never under
 * rest or seek-care (those need a symptom, soreness above mild, or two
 * check-ins from 24 hours on); the only wait that outranks it is a first
 * massage of this kind with moderate pressure (deep pressure skips it). */
static const char *
same_day_easy_sentence (const Situation *s)
{
  if (s->wording == AFTERCARE_WORDING_WAITING)
    return _("Moderate pressure alone would allow an easy run the same day, but after a first "
             "massage of this kind, wait the full 24 hours before any run.");
  g_assert (s->wording == AFTERCARE_WORDING_NOW);
  if (aftercare_session_get_pressure (s->session) == AFTERCARE_PRESSURE_LIGHT)
    return _("After light pressure an easy run is fine today, while soreness stays at 2 out of 10 "
             "or below. Keep anything harder until 24 hours after the massage.");
  return _("After moderate pressure an easy run is fine today, while soreness stays at 2 out of "
           "10 or below. Keep anything harder until 24 hours after the massage.");
}

static void
rule_same_day_easy (const Situation *s,
                    Finding         *finding)
{
  if (aftercare_session_get_pressure (s->session) == AFTERCARE_PRESSURE_DEEP ||
      !nothing_reported (s) || s->since_end >= HOURS (24))
    return;
  fire (finding, AFTERCARE_VERDICT_EASY_RUN,
        s->wording == AFTERCARE_WORDING_NOW ? AFTERCARE_GRANT_EASY_RUN_NOW : AFTERCARE_GRANT_LATER,
        with_observation (observed_all_clear (s, RULE_SAME_DAY_EASY), same_day_easy_sentence (s)));
}

/* Fires only with nothing reported and from 24 hours on, where no wait
 * and no rest holds: only soreness that rose between two check-ins
 * (seek-care) outranks it. */
static const char *
progression_sentence (const Situation *s)
{
  if (s->wording == AFTERCARE_WORDING_SEEN)
    return _("A day or more has passed since the massage: after you have been seen, and if they "
             "agree, normal training can follow, starting easy, while soreness stays at 2 out of "
             "10 or below.");
  g_assert (s->wording == AFTERCARE_WORDING_NOW);
  return _("A day or more has passed since the massage: you can train as normal, including "
           "pickups, a steady run or a hard session, as long as soreness stays at 2 out of 10 or "
           "below.");
}

static void
rule_progression (const Situation *s,
                  Finding         *finding)
{
  if (!nothing_reported (s) || s->since_end < HOURS (24))
    return;
  fire (finding, AFTERCARE_VERDICT_TRAIN,
        s->wording == AFTERCARE_WORDING_NOW ? AFTERCARE_GRANT_TRAINING_NOW : AFTERCARE_GRANT_LATER,
        with_observation (observed_all_clear (s, RULE_PROGRESSION), progression_sentence (s)));
}

typedef void (*RuleFunc) (const Situation *s, Finding *finding);

static const RuleFunc rule_funcs[N_RULES] = {
  [RULE_NERVE_OR_INJURY] = rule_nerve_or_injury,
  [RULE_PERSISTENT_SYSTEMIC] = rule_persistent_systemic,
  [RULE_PROLONGED_OR_WORSENING] = rule_prolonged_or_worsening,
  [RULE_TISSUE_SIGNS] = rule_tissue_signs,
  [RULE_FIRST_TIME] = rule_first_time,
  [RULE_DEEP_WORK] = rule_deep_work,
  [RULE_SAME_DAY_EASY] = rule_same_day_easy,
  [RULE_PROGRESSION] = rule_progression,
};

/* The moments up to now, oldest first. */
static GPtrArray *
checkins_so_far (GPtrArray *checkins,
                 GDateTime *now)
{
  g_autoptr(GPtrArray) so_far = g_ptr_array_new ();

  for (guint i = 0; checkins != NULL && i < checkins->len; i++)
    {
      AftercareCheckin *checkin = g_ptr_array_index (checkins, i);

      g_return_val_if_fail (AFTERCARE_IS_CHECKIN (checkin), aftercare_checkins_to_moments (NULL));
      if (g_date_time_compare (aftercare_checkin_get_at (checkin), now) <= 0)
        g_ptr_array_add (so_far, checkin);
    }
  return aftercare_checkins_to_moments (so_far);
}

static void
situation_init (Situation           *s,
                AftercareSession    *session,
                GPtrArray           *checkins,
                GDateTime           *now)
{
  s->session = session;
  s->ended_at = aftercare_session_get_ended_at (session);
  s->now = now;
  s->since_end = g_date_time_difference (now, s->ended_at);
  s->checkins = checkins_so_far (checkins, now);
  s->latest = s->checkins->len > 0 ? g_ptr_array_index (s->checkins, s->checkins->len - 1) : NULL;
  s->soreness = s->latest != NULL ? aftercare_checkin_get_soreness (s->latest) : 0;
  s->symptoms = s->latest != NULL ? aftercare_checkin_get_symptoms (s->latest) : 0;
}

/* The earliest time the planned run is allowed by the time rules alone,
 * that is if nothing new appears: anything harder than easy waits until
 * 24 hours (deep-work, same-day-easy); an easy run waits 24 hours after a
 * first massage with pressure (first-time) and 12 after deep pressure
 * (deep-work). NULL when that time is not after now. */
static GDateTime *
planned_run_after (const Situation     *s,
                   AftercarePlannedRun  planned_run)
{
  GTimeSpan wait = 0;

  if (planned_run != AFTERCARE_PLANNED_RUN_EASY || is_first_time_with_pressure (s))
    wait = HOURS (24);
  else if (aftercare_session_get_pressure (s->session) == AFTERCARE_PRESSURE_DEEP)
    wait = HOURS (12);
  if (s->since_end >= wait)
    return NULL;
  return g_date_time_add (s->ended_at, wait);
}

static GDateTime *
recheck_time (const Situation  *s,
              AftercareVerdict  verdict)
{
  GDateTime *boundary = aftercare_timeline_next_boundary (s->ended_at, s->now);
  GTimeSpan limit = verdict >= AFTERCARE_VERDICT_REST ? HOURS (12) : HOURS (24);

  if (boundary != NULL && g_date_time_difference (boundary, s->now) <= limit)
    return boundary;
  g_clear_pointer (&boundary, g_date_time_unref);
  return g_date_time_add (s->now, limit);
}

/* Runs every rule, with reasons worded as s says. */
static void
find (const Situation *s,
      Finding          findings[N_RULES])
{
  for (guint i = 0; i < N_RULES; i++)
    {
      g_clear_pointer (&findings[i].reason, g_free);
      findings[i] = (Finding) { 0 };
      rule_funcs[i] (s, &findings[i]);
    }
}

static AftercareVerdict
worst_verdict (Finding findings[N_RULES])
{
  AftercareVerdict worst = AFTERCARE_VERDICT_TRAIN;

  for (guint i = 0; i < N_RULES; i++)
    if (findings[i].fired)
      worst = MAX (worst, findings[i].verdict);
  return worst;
}

/* Fills rules, reasons and their grants with the fired findings, most
 * severe first. */
static void
collect_findings (Finding       findings[N_RULES],
                  GStrvBuilder *rules,
                  GStrvBuilder *reasons,
                  GArray       *grants)
{
  for (int verdict = AFTERCARE_VERDICT_SEEK_CARE; verdict >= AFTERCARE_VERDICT_TRAIN; verdict--)
    for (guint i = 0; i < N_RULES; i++)
      {
        if (!findings[i].fired || findings[i].verdict != (AftercareVerdict) verdict)
          continue;
        g_strv_builder_add (rules, rule_keys[i]);
        g_strv_builder_add (reasons, findings[i].reason);
        g_array_append_val (grants, findings[i].grant);
      }
}

static void
add_reason (GStrvBuilder   *reasons,
            GArray         *grants,
            const char     *reason,
            AftercareGrant  grant)
{
  g_strv_builder_add (reasons, reason);
  g_array_append_val (grants, grant);
}

static AftercareAssessment *
assessment_new (const Situation     *s,
                AftercareVerdict     verdict,
                AftercarePlannedRun  planned_run,
                GStrvBuilder        *rules,
                GStrvBuilder        *reasons,
                GArray              *grants)
{
  g_autoptr(GDateTime) run_after = NULL;
  g_autoptr(GDateTime) easy_run_after = NULL;
  g_autoptr(GDateTime) recheck_at = recheck_time (s, verdict);
  AftercareAssessmentFacts facts = {
    .verdict = verdict,
    .planned_run = planned_run,
    .rules = g_strv_builder_end (rules),
    .reasons = g_strv_builder_end (reasons),
    .reason_grants = (AftercareGrant *) (void *) g_array_free (grants, FALSE),
    .phase = aftercare_timeline_phase_at_time (s->ended_at, s->now),
    .recheck_at = recheck_at,
    .ended_at = s->ended_at,
    .assessed_at = s->now,
    .latest_at = s->latest != NULL ? aftercare_checkin_get_at (s->latest) : NULL,
    .red_flags = s->symptoms & (AFTERCARE_SYMPTOMS_NERVE_OR_INJURY | AFTERCARE_SYMPTOMS_SYSTEMIC),
    .soreness = s->latest != NULL ? (int) s->soreness : -1,
  };

  /* Rest and seek-care promise no time. */
  if (verdict < AFTERCARE_VERDICT_REST)
    {
      run_after = planned_run_after (s, planned_run);
      easy_run_after = planned_run_after (s, AFTERCARE_PLANNED_RUN_EASY);
    }
  facts.run_after = run_after;
  facts.easy_run_after = easy_run_after;
  return aftercare_assessment_new (&facts);
}

AftercareAssessment *
aftercare_advisor_assess (AftercareSession    *session,
                          GPtrArray           *checkins,
                          AftercarePlannedRun  planned_run,
                          GDateTime           *now)
{
  Situation s = { 0 };
  Finding findings[N_RULES] = { { 0 } };
  g_autoptr(GStrvBuilder) rules = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) reasons = g_strv_builder_new ();
  GArray *grants = g_array_new (FALSE, FALSE, sizeof (AftercareGrant));
  AftercareAssessment *assessment;
  AftercareVerdict verdict;

  g_return_val_if_fail (AFTERCARE_IS_SESSION (session), NULL);
  g_return_val_if_fail (aftercare_session_get_ended_at (session) != NULL, NULL);
  g_return_val_if_fail (planned_run <= AFTERCARE_PLANNED_RUN_HARD, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  situation_init (&s, session, checkins, now);
  /* Once for the verdict, then again to word every reason for it. */
  find (&s, findings);
  verdict = worst_verdict (findings);
  s.wording = aftercare_verdict_get_wording (verdict);
  find (&s, findings);
  g_assert (worst_verdict (findings) == verdict);
  /* Every case fires at least one rule: before 24 hours deep-work or
   * same-day-easy, after it progression, unless a symptom or soreness
   * above mild fired a stricter rule. */
  g_assert (findings[RULE_DEEP_WORK].fired || findings[RULE_SAME_DAY_EASY].fired ||
            findings[RULE_PROGRESSION].fired || verdict >= AFTERCARE_VERDICT_REST);
  collect_findings (findings, rules, reasons, grants);
  if (s.latest == NULL)
    add_reason (reasons, grants,
                _("No check-in yet, so no soreness or other symptoms have been reported. Check in "
                  "when you feel anything, and the advice will follow."),
                AFTERCARE_GRANT_NOTHING);

  assessment = assessment_new (&s, verdict, planned_run, rules, reasons, grants);
  for (guint i = 0; i < N_RULES; i++)
    g_free (findings[i].reason);
  g_ptr_array_unref (s.checkins);
  return assessment;
}
