/* aftercare-assessment.c: the advisor's answer, a verdict with its reasons, as an immutable object views bind to. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-assessment"

#include "aftercare-assessment-private.h"
#include "aftercare-timeline.h"

struct _AftercareAssessment
{
  GObject parent_instance;

  AftercareVerdict verdict;
  GDateTime *run_after;
  GStrv rules;
  GStrv reasons;
  AftercarePhase phase;
  GDateTime *recheck_at;
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
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
aftercare_assessment_finalize (GObject *object)
{
  AftercareAssessment *self = AFTERCARE_ASSESSMENT (object);

  g_clear_pointer (&self->run_after, g_date_time_unref);
  g_clear_pointer (&self->rules, g_strfreev);
  g_clear_pointer (&self->reasons, g_strfreev);
  g_clear_pointer (&self->recheck_at, g_date_time_unref);

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

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
aftercare_assessment_init (AftercareAssessment *self)
{
  self->soreness = -1;
}

AftercareAssessment *
aftercare_assessment_new (AftercareVerdict   verdict,
                          GDateTime         *run_after,
                          GStrv              rules,
                          GStrv              reasons,
                          AftercarePhase     phase,
                          GDateTime         *recheck_at,
                          AftercareSymptoms  red_flags,
                          int                soreness)
{
  AftercareAssessment *self;

  g_assert (rules != NULL && reasons != NULL && recheck_at != NULL);
  self = g_object_new (AFTERCARE_TYPE_ASSESSMENT, NULL);
  self->verdict = verdict;
  self->run_after = run_after != NULL ? g_date_time_ref (run_after) : NULL;
  self->rules = rules;
  self->reasons = reasons;
  self->phase = phase;
  self->recheck_at = g_date_time_ref (recheck_at);
  self->red_flags = red_flags;
  self->soreness = soreness;
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
  return aftercare_phase_get_advice (self->phase);
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
