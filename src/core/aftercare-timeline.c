/* aftercare-timeline.c: a session's recovery phases in time, and the soreness to expect along them. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-timeline"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "aftercare-catalog.h"
#include "aftercare-timeline.h"

/* The phase table of DESIGN.md ("Recovery phases"); what to do in each,
 * worded for the verdict, is in aftercare-wording.c. Boundaries in whole
 * hours, half-open. */
static const struct {
  int start_hours;
  const char *title;
} phases[AFTERCARE_N_PHASES] = {
  /* Translators: recovery phase, the first 4 hours after a massage. */
  [AFTERCARE_PHASE_FIRST_HOURS] = { 0, N_("First hours") },
  /* Translators: recovery phase, 4 to 12 hours after a massage. */
  [AFTERCARE_PHASE_SETTLING] = { 4, N_("Settling") },
  /* Translators: recovery phase, 12 to 24 hours after a massage, when an easy run may be fine. */
  [AFTERCARE_PHASE_FIRST_RUN] = { 12, N_("First run window") },
  /* Translators: recovery phase, 24 to 48 hours after a massage. */
  [AFTERCARE_PHASE_FADING] = { 24, N_("Soreness fades") },
  /* Translators: recovery phase, from 48 hours after a massage on. */
  [AFTERCARE_PHASE_CHECK] = { 48, N_("Check") },
};

static gboolean
phase_is_valid (AftercarePhase phase)
{
  return (guint) phase < AFTERCARE_N_PHASES;
}

double
aftercare_phase_get_start_hours (AftercarePhase phase)
{
  g_return_val_if_fail (phase_is_valid (phase), 0);
  return phases[phase].start_hours;
}

double
aftercare_phase_get_end_hours (AftercarePhase phase)
{
  g_return_val_if_fail (phase_is_valid (phase), G_MAXDOUBLE);
  if (phase == AFTERCARE_PHASE_CHECK)
    return G_MAXDOUBLE;
  return phases[phase + 1].start_hours;
}

const char *
aftercare_phase_get_title (AftercarePhase phase)
{
  g_return_val_if_fail (phase_is_valid (phase), NULL);
  return _(phases[phase].title);
}

/* Where the timeline is too narrow for the titles. */
static const char *short_titles[AFTERCARE_N_PHASES] = {
  /* Translators: short names of the recovery phases, for a narrow timeline:
   * "First hours", "Settling", "First run window", "Soreness fades", "Check". */
  [AFTERCARE_PHASE_FIRST_HOURS] = NC_("phase", "Early"),
  [AFTERCARE_PHASE_SETTLING] = NC_("phase", "Settle"),
  [AFTERCARE_PHASE_FIRST_RUN] = NC_("phase", "Run"),
  [AFTERCARE_PHASE_FADING] = NC_("phase", "Fading"),
  [AFTERCARE_PHASE_CHECK] = NC_("phase", "Check"),
};

const char *
aftercare_phase_get_short_title (AftercarePhase phase)
{
  g_return_val_if_fail (phase_is_valid (phase), NULL);
  return g_dpgettext2 (NULL, "phase", short_titles[phase]);
}

AftercarePhase
aftercare_timeline_phase_at (double hours_since_end)
{
  AftercarePhase phase = AFTERCARE_PHASE_FIRST_HOURS;

  /* Half-open: at exactly a boundary the later phase applies. */
  for (guint i = 1; i < AFTERCARE_N_PHASES; i++)
    if (hours_since_end >= phases[i].start_hours)
      phase = i;
  return phase;
}

/* Compares whole microseconds rather than fractional hours, so a time one
 * microsecond before a boundary is never rounded onto it. */
static AftercarePhase
phase_at_span (GTimeSpan since_end)
{
  AftercarePhase phase = AFTERCARE_PHASE_FIRST_HOURS;

  for (guint i = 1; i < AFTERCARE_N_PHASES; i++)
    if (since_end >= phases[i].start_hours * G_TIME_SPAN_HOUR)
      phase = i;
  return phase;
}

AftercarePhase
aftercare_timeline_phase_at_time (GDateTime *ended_at,
                                  GDateTime *time)
{
  g_return_val_if_fail (ended_at != NULL && time != NULL, AFTERCARE_PHASE_FIRST_HOURS);
  return phase_at_span (g_date_time_difference (time, ended_at));
}

GDateTime *
aftercare_timeline_next_boundary (GDateTime *ended_at,
                                  GDateTime *time)
{
  AftercarePhase phase;

  g_return_val_if_fail (ended_at != NULL && time != NULL, NULL);
  phase = aftercare_timeline_phase_at_time (ended_at, time);
  if (phase == AFTERCARE_PHASE_CHECK)
    return NULL;
  return g_date_time_add (ended_at, phases[phase + 1].start_hours * G_TIME_SPAN_HOUR);
}

/* The shape of the usual soreness after a massage, 0 to 1: none at the
 * end of the session, rising smoothly over the first 12 hours, at its
 * height from 12 to 24 hours, easing off to nothing at 48 hours. This is a
 * general expectation drawn from the sources (001: soreness typically
 * lasts 24 to 48 hours; 000: notable tenderness within 24 hours, delayed
 * soreness after deep work), not a measurement of anyone. Raised cosines
 * keep the curve and its slope continuous, so the band draws smoothly. */
static double
expected_shape (double hours)
{
  if (hours <= 0 || hours >= 48)
    return 0;
  if (hours < 12)
    return 0.5 - 0.5 * cos (G_PI * hours / 12);
  if (hours < 24)
    return 1;
  return 0.5 + 0.5 * cos (G_PI * (hours - 24) / 24);
}

void
aftercare_timeline_expected_soreness (AftercareMassageType type,
                                      AftercarePressure    pressure,
                                      double               hours_since_end,
                                      double              *low,
                                      double              *high)
{
  AftercareLikelihood likelihood;
  double shape, peak_high, peak_low;

  g_return_if_fail ((guint) type < AFTERCARE_N_MASSAGE_TYPES);
  g_return_if_fail (pressure <= AFTERCARE_PRESSURE_DEEP);

  /* The peak of the band grows with how likely the type is to leave you
   * sore (source 001) and with the pressure used: half a point per step
   * of each. Deep tissue at deep pressure peaks at 1 to 3 (mild to just
   * above mild); a light Swedish massage at 0 to 1. The band is two
   * points wide at its peak and never below zero. */
  likelihood = aftercare_massage_kind_get_likelihood (aftercare_catalog_lookup (type));
  peak_high = 1.0 + 0.5 * (likelihood - AFTERCARE_LIKELIHOOD_UNLIKELY) + 0.5 * pressure;
  peak_low = MAX (0.0, peak_high - 2.0);

  shape = expected_shape (hours_since_end);
  if (low != NULL)
    *low = peak_low * shape;
  if (high != NULL)
    *high = peak_high * shape;
}
