/* aftercare-timeline-text.c: the recovery timeline in words: how soreness compares with the usual, and what each phase asks (no GTK). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-timeline-text"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "aftercare-labels.h"
#include "aftercare-time.h"
#include "aftercare-timeline.h"
#include "aftercare-timeline-text.h"

void
aftercare_timeline_usual_range (AftercareMassageType  type,
                                AftercarePressure     pressure,
                                double                hours,
                                int                  *low,
                                int                  *high)
{
  double l, h;

  aftercare_timeline_expected_soreness (type, pressure, hours, &l, &h);
  *low = (int) round (l);
  *high = (int) round (h);
}

AftercareUsual
aftercare_timeline_compare_soreness (AftercareMassageType  type,
                                     AftercarePressure     pressure,
                                     double                hours,
                                     double                soreness)
{
  double low, high;

  aftercare_timeline_expected_soreness (type, pressure, hours, &low, &high);
  if (soreness > high + 0.5)
    return AFTERCARE_USUAL_ABOVE;
  if (soreness < low - 0.5)
    return AFTERCARE_USUAL_BELOW;
  return AFTERCARE_USUAL_WITHIN;
}

char *
aftercare_timeline_format_usual (AftercareMassageType  type,
                                 AftercarePressure     pressure,
                                 double                hours)
{
  int low, high;

  aftercare_timeline_usual_range (type, pressure, hours, &low, &high);
  if (low == high)
    return g_strdup_printf ("%d", low);
  /* Translators: a range of soreness, "1 to 3". */
  return g_strdup_printf (_("%d to %d"), low, high);
}

/* "above the usual 1 to 3", "within the usual 0". */
static char *
describe_compared (AftercareUsual  usual,
                   const char     *range)
{
  switch (usual)
    {
    case AFTERCARE_USUAL_ABOVE:
      /* Translators: how a check-in compares with the soreness usual at
       * that time; %s is "2" or a range, "1 to 3". */
      return g_strdup_printf (_("above the usual %s"), range);
    case AFTERCARE_USUAL_BELOW:
      /* Translators: see "above the usual %s". */
      return g_strdup_printf (_("below the usual %s"), range);
    case AFTERCARE_USUAL_WITHIN:
    default:
      /* Translators: see "above the usual %s". */
      return g_strdup_printf (_("within the usual %s"), range);
    }
}

char *
aftercare_timeline_describe_moment (AftercareMassageType  type,
                                    AftercarePressure     pressure,
                                    double                hours,
                                    guint                 soreness)
{
  g_autofree char *range = aftercare_timeline_format_usual (type, pressure, hours);
  g_autofree char *compared =
    describe_compared (aftercare_timeline_compare_soreness (type, pressure, hours, soreness), range);
  gulong whole = (gulong) floor (MAX (hours, 0));

  /* Translators: "Soreness 4 at 12 hours, above the usual 1 to 3." */
  return g_strdup_printf (ngettext ("Soreness %u at %lu hour, %s.", "Soreness %u at %lu hours, %s.", whole),
                          soreness, whole, compared);
}

char *
aftercare_timeline_describe_now (double hours)
{
  g_autofree char *after = aftercare_time_format_hours_after (hours);

  /* Translators: "Now: 14 hours after, in the phase First run window." */
  return g_strdup_printf (_("Now: %s, in the phase %s."), after,
                          aftercare_phase_get_title (aftercare_timeline_phase_at (hours)));
}

char *
aftercare_timeline_describe_phase (AftercareAssessment *assessment,
                                   AftercarePhase       phase,
                                   AftercareGrant      *grant)
{
  g_return_val_if_fail (assessment == NULL || AFTERCARE_IS_ASSESSMENT (assessment), NULL);

  if (grant != NULL)
    *grant = AFTERCARE_GRANT_NOTHING;
  if (assessment == NULL)
    return g_strdup (aftercare_phase_get_title (phase));
  return g_strdup_printf ("%s\n%s", aftercare_phase_get_title (phase),
                          aftercare_assessment_get_phase_advice (assessment, phase, grant));
}
