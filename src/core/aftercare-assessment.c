/* aftercare-assessment.c: the advisor's answer, a verdict with its reasons, as an immutable object views bind to. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-assessment"

#include "aftercare-assessment-private.h"
#include "aftercare-timeline.h"

struct _AftercareAssessment
{
  GObject parent_instance;

  AftercareVerdict verdict;
  AftercarePlannedRun planned_run;
  GDateTime *run_after;
  GDateTime *easy_run_after;
  GStrv rules;
  GStrv reasons;
  AftercareGrant *reason_grants;
  AftercarePhase phase;
  GDateTime *recheck_at;
  GDateTime *ended_at;
  GDateTime *assessed_at;
  GDateTime *latest_at;
  AftercareSymptoms red_flags;
  int soreness;
};

G_DEFINE_FINAL_TYPE (AftercareAssessment, aftercare_assessment, G_TYPE_OBJECT)

/* All read-only: an assessment never changes; a new one replaces it. */
enum {
  PROP_0,
  PROP_VERDICT,
  PROP_RUN_AFTER,
  PROP_RULES,
  PROP_REASONS,
  PROP_PHASE,
  PROP_RECHECK_AT,
  PROP_ADVICE,
  PROP_RED_FLAGS,
  PROP_SORENESS,
  PROP_PLANNED_RUN,
  PROP_EASY_RUN_AFTER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
aftercare_assessment_finalize (GObject *object)
{
  AftercareAssessment *self = AFTERCARE_ASSESSMENT (object);

  g_clear_pointer (&self->run_after, g_date_time_unref);
  g_clear_pointer (&self->easy_run_after, g_date_time_unref);
  g_clear_pointer (&self->rules, g_strfreev);
  g_clear_pointer (&self->reasons, g_strfreev);
  g_clear_pointer (&self->reason_grants, g_free);
  g_clear_pointer (&self->recheck_at, g_date_time_unref);
  g_clear_pointer (&self->ended_at, g_date_time_unref);
  g_clear_pointer (&self->assessed_at, g_date_time_unref);
  g_clear_pointer (&self->latest_at, g_date_time_unref);

  G_OBJECT_CLASS (aftercare_assessment_parent_class)->finalize (object);
}

static void
aftercare_assessment_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  AftercareAssessment *self = AFTERCARE_ASSESSMENT (object);

  switch (prop_id)
    {
    case PROP_VERDICT: g_value_set_enum (value, self->verdict); break;
    case PROP_RUN_AFTER: g_value_set_boxed (value, self->run_after); break;
    case PROP_RULES: g_value_set_boxed (value, self->rules); break;
    case PROP_REASONS: g_value_set_boxed (value, self->reasons); break;
    case PROP_PHASE: g_value_set_enum (value, self->phase); break;
    case PROP_RECHECK_AT: g_value_set_boxed (value, self->recheck_at); break;
    case PROP_ADVICE: g_value_set_string (value, aftercare_assessment_get_advice (self)); break;
    case PROP_RED_FLAGS: g_value_set_flags (value, self->red_flags); break;
    case PROP_SORENESS: g_value_set_int (value, self->soreness); break;
    case PROP_PLANNED_RUN: g_value_set_enum (value, self->planned_run); break;
    case PROP_EASY_RUN_AFTER: g_value_set_boxed (value, self->easy_run_after); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define RO (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS)

static void
aftercare_assessment_class_init (AftercareAssessmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = aftercare_assessment_finalize;
  object_class->get_property = aftercare_assessment_get_property;

  properties[PROP_VERDICT] =
    g_param_spec_enum ("verdict", NULL, NULL, AFTERCARE_TYPE_VERDICT, AFTERCARE_VERDICT_TRAIN, RO);
  properties[PROP_RUN_AFTER] = g_param_spec_boxed ("run-after", NULL, NULL, G_TYPE_DATE_TIME, RO);
  properties[PROP_RULES] = g_param_spec_boxed ("rules", NULL, NULL, G_TYPE_STRV, RO);
  properties[PROP_REASONS] = g_param_spec_boxed ("reasons", NULL, NULL, G_TYPE_STRV, RO);
  properties[PROP_PHASE] =
    g_param_spec_enum ("phase", NULL, NULL, AFTERCARE_TYPE_PHASE, AFTERCARE_PHASE_FIRST_HOURS, RO);
  properties[PROP_RECHECK_AT] = g_param_spec_boxed ("recheck-at", NULL, NULL, G_TYPE_DATE_TIME, RO);
  properties[PROP_ADVICE] = g_param_spec_string ("advice", NULL, NULL, NULL, RO);
  properties[PROP_RED_FLAGS] =
    g_param_spec_flags ("red-flags", NULL, NULL, AFTERCARE_TYPE_SYMPTOMS, 0, RO);
  properties[PROP_SORENESS] =
    g_param_spec_int ("soreness", NULL, NULL, -1, 10, -1, RO);
  properties[PROP_PLANNED_RUN] =
    g_param_spec_enum ("planned-run", NULL, NULL, AFTERCARE_TYPE_PLANNED_RUN, AFTERCARE_PLANNED_RUN_EASY, RO);
  properties[PROP_EASY_RUN_AFTER] = g_param_spec_boxed ("easy-run-after", NULL, NULL, G_TYPE_DATE_TIME, RO);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
aftercare_assessment_init (AftercareAssessment *self)
{
  self->soreness = -1;
}

static GDateTime *
ref_or_null (GDateTime *time)
{
  return time != NULL ? g_date_time_ref (time) : NULL;
}

AftercareAssessment *
aftercare_assessment_new (AftercareAssessmentFacts *facts)
{
  AftercareAssessment *self;

  g_assert (facts->rules != NULL && facts->reasons != NULL && facts->reason_grants != NULL);
  g_assert (facts->recheck_at != NULL && facts->ended_at != NULL && facts->assessed_at != NULL);
  self = g_object_new (AFTERCARE_TYPE_ASSESSMENT, NULL);
  self->verdict = facts->verdict;
  self->planned_run = facts->planned_run;
  self->run_after = ref_or_null (facts->run_after);
  self->easy_run_after = ref_or_null (facts->easy_run_after);
  self->rules = facts->rules;
  self->reasons = facts->reasons;
  self->reason_grants = facts->reason_grants;
  self->phase = facts->phase;
  self->recheck_at = g_date_time_ref (facts->recheck_at);
  self->ended_at = g_date_time_ref (facts->ended_at);
  self->assessed_at = g_date_time_ref (facts->assessed_at);
  self->latest_at = ref_or_null (facts->latest_at);
  self->red_flags = facts->red_flags;
  self->soreness = facts->soreness;
  return self;
}

AftercareVerdict
aftercare_assessment_get_verdict (AftercareAssessment *self)
{
  g_return_val_if_fail (AFTERCARE_IS_ASSESSMENT (self), AFTERCARE_VERDICT_SEEK_CARE);
  return self->verdict;
}

GDateTime *
aftercare_assessment_get_run_after (AftercareAssessment *self)
{
  g_return_val_if_fail (AFTERCARE_IS_ASSESSMENT (self), NULL);
  return self->run_after;
}

const char * const *
aftercare_assessment_get_rules (AftercareAssessment *self)
{
  g_return_val_if_fail (AFTERCARE_IS_ASSESSMENT (self), NULL);
  return (const char * const *) self->rules;
}

const char * const *
aftercare_assessment_get_reasons (AftercareAssessment *self)
{
  g_return_val_if_fail (AFTERCARE_IS_ASSESSMENT (self), NULL);
  return (const char * const *) self->reasons;
}

AftercarePhase
aftercare_assessment_get_phase (AftercareAssessment *self)
{
  g_return_val_if_fail (AFTERCARE_IS_ASSESSMENT (self), AFTERCARE_PHASE_FIRST_HOURS);
  return self->phase;
}

GDateTime *
aftercare_assessment_get_recheck_at (AftercareAssessment *self)
{
  g_return_val_if_fail (AFTERCARE_IS_ASSESSMENT (self), NULL);
  return self->recheck_at;
}

const char *
aftercare_assessment_get_advice (AftercareAssessment *self)
{
  g_return_val_if_fail (AFTERCARE_IS_ASSESSMENT (self), NULL);
  return aftercare_assessment_get_phase_advice (self, self->phase, NULL);
}

AftercareGrant
aftercare_assessment_get_advice_grant (AftercareAssessment *self)
{
  AftercareGrant grant = AFTERCARE_GRANT_NOTHING;

  g_return_val_if_fail (AFTERCARE_IS_ASSESSMENT (self), AFTERCARE_GRANT_NOTHING);
  aftercare_assessment_get_phase_advice (self, self->phase, &grant);
  return grant;
}

/* An easy run is not allowed yet at time (a wait lasts until then). */
static gboolean
easy_run_waits_at (AftercareAssessment *self,
                   GDateTime           *time)
{
  return self->easy_run_after != NULL && g_date_time_compare (self->easy_run_after, time) > 0;
}

/* How the advice for phase reads: rest and seek-care whatever the phase;
 * else waiting while an easy run must wait, ahead for a later phase, as
 * now for this one and those past. */
static AftercareWording
phase_wording (AftercareAssessment *self,
               AftercarePhase       phase)
{
  g_autoptr(GDateTime) starts_at = NULL;

  if (self->verdict >= AFTERCARE_VERDICT_REST)
    return aftercare_verdict_get_wording (self->verdict);
  if (phase <= self->phase)
    return easy_run_waits_at (self, self->assessed_at) && phase == self->phase
           ? AFTERCARE_WORDING_WAITING : AFTERCARE_WORDING_NOW;
  starts_at = g_date_time_add (self->ended_at,
                               (GTimeSpan) aftercare_phase_get_start_hours (phase) * G_TIME_SPAN_HOUR);
  return easy_run_waits_at (self, starts_at) ? AFTERCARE_WORDING_WAITING : AFTERCARE_WORDING_AHEAD;
}

const char *
aftercare_assessment_get_phase_advice (AftercareAssessment *self,
                                       AftercarePhase       phase,
                                       AftercareGrant      *grant)
{
  g_return_val_if_fail (AFTERCARE_IS_ASSESSMENT (self), NULL);
  g_return_val_if_fail ((guint) phase < AFTERCARE_N_PHASES, NULL);
  return aftercare_phase_get_worded_advice (phase, phase_wording (self, phase), grant);
}

AftercareSymptoms
aftercare_assessment_get_red_flags (AftercareAssessment *self)
{
  g_return_val_if_fail (AFTERCARE_IS_ASSESSMENT (self), 0);
  return self->red_flags;
}

int
aftercare_assessment_get_soreness (AftercareAssessment *self)
{
  g_return_val_if_fail (AFTERCARE_IS_ASSESSMENT (self), -1);
  return self->soreness;
}

gboolean
aftercare_assessment_has_rule (AftercareAssessment *self,
                               const char          *rule)
{
  g_return_val_if_fail (AFTERCARE_IS_ASSESSMENT (self), FALSE);
  g_return_val_if_fail (rule != NULL, FALSE);
  return g_strv_contains ((const char * const *) self->rules, rule);
}

AftercarePlannedRun
aftercare_assessment_get_planned_run (AftercareAssessment *self)
{
  g_return_val_if_fail (AFTERCARE_IS_ASSESSMENT (self), AFTERCARE_PLANNED_RUN_EASY);
  return self->planned_run;
}

GDateTime *
aftercare_assessment_get_easy_run_after (AftercareAssessment *self)
{
  g_return_val_if_fail (AFTERCARE_IS_ASSESSMENT (self), NULL);
  return self->easy_run_after;
}

GDateTime *
aftercare_assessment_get_ended_at (AftercareAssessment *self)
{
  g_return_val_if_fail (AFTERCARE_IS_ASSESSMENT (self), NULL);
  return self->ended_at;
}

GDateTime *
aftercare_assessment_get_assessed_at (AftercareAssessment *self)
{
  g_return_val_if_fail (AFTERCARE_IS_ASSESSMENT (self), NULL);
  return self->assessed_at;
}

GDateTime *
aftercare_assessment_get_latest_checkin_at (AftercareAssessment *self)
{
  g_return_val_if_fail (AFTERCARE_IS_ASSESSMENT (self), NULL);
  return self->latest_at;
}

AftercareGrant
aftercare_assessment_get_reason_grant (AftercareAssessment *self,
                                       guint                index)
{
  g_return_val_if_fail (AFTERCARE_IS_ASSESSMENT (self), AFTERCARE_GRANT_NOTHING);
  g_return_val_if_fail (index < g_strv_length (self->reasons), AFTERCARE_GRANT_NOTHING);
  return self->reason_grants[index];
}

gboolean
aftercare_assessment_is_recovered (AftercareAssessment *self)
{
  g_return_val_if_fail (AFTERCARE_IS_ASSESSMENT (self), FALSE);
  return self->verdict == AFTERCARE_VERDICT_TRAIN && self->phase >= AFTERCARE_PHASE_CHECK;
}
