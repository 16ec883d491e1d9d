/* aftercare-format.c: how the interface writes times, the same way in every view. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-format"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "aftercare-format.h"

char *
aftercare_format_time_of_day (GDateTime *time,
                              gboolean   clock_24h)
{
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (time != NULL, NULL);

  local = g_date_time_to_local (time);
  /* Translators: a time of day on a 24-hour clock (strftime codes, e.g. "18:00"). */
  return g_date_time_format (local, clock_24h ? _("%H:%M")
                                              /* Translators: a time of day on a 12-hour clock ("6:00 PM"). */
                                              : _("%-l:%M %p"));
}

char *
aftercare_format_day_and_time (GDateTime *time,
                               GDateTime *now,
                               gboolean   clock_24h)
{
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) local_now = NULL;
  g_autofree char *clock = NULL;
  g_autofree char *day = NULL;

  g_return_val_if_fail (time != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  local = g_date_time_to_local (time);
  local_now = g_date_time_to_local (now);
  clock = aftercare_format_time_of_day (local, clock_24h);
  if (g_date_time_get_year (local) == g_date_time_get_year (local_now))
    /* Translators: a day in the current year (strftime codes, "Tue 24 Nov"). */
    day = g_date_time_format (local, _("%a %-d %b"));
  else
    /* Translators: a day in another year (strftime codes, "Tue 24 Nov 2026"). */
    day = g_date_time_format (local, _("%a %-d %b %Y"));
  /* Translators: a day and a time of day, "Tue 24 Nov, 10:00". */
  return g_strdup_printf (_("%s, %s"), day, clock);
}

char *
aftercare_format_weekday (GDateTime *time)
{
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (time != NULL, NULL);

  local = g_date_time_to_local (time);
  /* Translators: an abbreviated weekday (strftime code, "Tue"). */
  return g_date_time_format (local, _("%a"));
}

char *
aftercare_format_time_after (double hours)
{
  if (hours < 1.0)
    {
      gulong minutes = (gulong) MAX (0.0, floor (hours * 60.0));

      return g_strdup_printf (ngettext ("%lu minute after", "%lu minutes after", minutes), minutes);
    }
  if (hours < 72.0)
    {
      gulong whole = (gulong) floor (hours);

      return g_strdup_printf (ngettext ("%lu hour after", "%lu hours after", whole), whole);
    }
  else
    {
      gulong days = (gulong) floor (hours / 24.0);

      return g_strdup_printf (ngettext ("%lu day after", "%lu days after", days), days);
    }
}
