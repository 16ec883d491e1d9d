/* aftercare-plan.c: the recovery phases as a timetable of clock times from a session's end. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-plan"

#include "config.h"

#include <glib/gi18n.h>

#include "aftercare-plan.h"
#include "aftercare-time.h"
#include "aftercare-timeline.h"

void
aftercare_plan_step_free (AftercarePlanStep *step)
{
  if (step == NULL)
    return;
  g_clear_pointer (&step->starts_at, g_date_time_unref);
  g_clear_pointer (&step->ends_at, g_date_time_unref);
  g_clear_pointer (&step->when, g_free);
  g_clear_pointer (&step->start_text, g_free);
  g_clear_pointer (&step->end_text, g_free);
  g_free (step);
}

static GDateTime *
add_hours (GDateTime *time,
           double     hours)
{
  return g_date_time_add (time, (GTimeSpan) (hours * G_TIME_SPAN_HOUR));
}

/* Times are shown in now's time zone, as aftercare_time_format_clock()
 * does: the caller's now says where the reader is. */
static GDateTime *
in_zone_of (GDateTime *time,
            GDateTime *now)
{
  return g_date_time_to_timezone (time, g_date_time_get_timezone (now));
}

static gboolean
same_day (GDateTime *a,
          GDateTime *b)
{
  return g_date_time_get_year (a) == g_date_time_get_year (b) &&
         g_date_time_get_day_of_year (a) == g_date_time_get_day_of_year (b);
}

/* The end of a span, without its day when the span starts that same day:
 * "from tomorrow 02:30 to 10:30" rather than "… to tomorrow 10:30". */
static char *
format_span_end (GDateTime *start,
                 GDateTime *end,
                 GDateTime *now,
                 gboolean   clock_24h)
{
  g_autoptr(GDateTime) shown_start = in_zone_of (start, now);
  g_autoptr(GDateTime) shown_end = in_zone_of (end, now);

  if (same_day (shown_start, shown_end))
    return aftercare_time_format_clock (shown_end, shown_end, clock_24h);
  return aftercare_time_format_clock (end, now, clock_24h);
}

static char *
format_when (AftercarePlanStep *step,
             gboolean           started)
{
  if (step->end_text == NULL)
    /* Translators: a time span in the aftercare plan, open-ended; %s is a
     * clock time such as "Thu 26 Nov 10:00". "since" when it is already past. */
    return started ? g_strdup_printf (_("since %s"), step->start_text)
                   : g_strdup_printf (_("from %s"), step->start_text);
  if (started)
    /* Translators: a time span in the aftercare plan that is under way
     * now; %s is a clock time such as "14:30" or "tomorrow 02:30". */
    return g_strdup_printf (_("until %s"), step->end_text);
  /* Translators: a time span in the aftercare plan; both are clock times,
   * e.g. "from 14:30 to 22:30" or "from tomorrow 02:30 to 10:30". */
  return g_strdup_printf (_("from %s to %s"), step->start_text, step->end_text);
}

static AftercarePlanStep *
plan_step_new (AftercarePhase  phase,
               GDateTime      *ended_at,
               GDateTime      *now,
               gboolean        clock_24h)
{
  AftercarePlanStep *step = g_new0 (AftercarePlanStep, 1);
  double end_hours = aftercare_phase_get_end_hours (phase);
  gboolean started;

  step->phase = phase;
  step->starts_at = add_hours (ended_at, aftercare_phase_get_start_hours (phase));
  if (phase + 1 < AFTERCARE_N_PHASES)
    step->ends_at = add_hours (ended_at, end_hours);
  started = g_date_time_compare (step->starts_at, now) <= 0;
  step->current = started && (step->ends_at == NULL || g_date_time_compare (now, step->ends_at) < 0);
  step->start_text = aftercare_time_format_clock (step->starts_at, now, clock_24h);
  if (step->ends_at != NULL)
    step->end_text = started ? aftercare_time_format_clock (step->ends_at, now, clock_24h)
                             : format_span_end (step->starts_at, step->ends_at, now, clock_24h);
  step->when = format_when (step, started);
  return step;
}

GPtrArray *
aftercare_plan_new (GDateTime *ended_at,
                    GDateTime *now,
                    gboolean   clock_24h)
{
  GPtrArray *steps;

  g_return_val_if_fail (ended_at != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  steps = g_ptr_array_new_with_free_func ((GDestroyNotify) aftercare_plan_step_free);
  for (int phase = 0; phase < AFTERCARE_N_PHASES; phase++)
    {
      AftercarePlanStep *step = plan_step_new (phase, ended_at, now, clock_24h);

      /* A phase that is over has nothing left to plan. */
      if (step->ends_at != NULL && g_date_time_compare (step->ends_at, now) <= 0)
        aftercare_plan_step_free (step);
      else
        g_ptr_array_add (steps, step);
    }
  return steps;
}
