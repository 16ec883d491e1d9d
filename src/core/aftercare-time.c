/* aftercare-time.c: ISO 8601 times that keep the offset they were entered with. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-time"

#include "config.h"

#include <glib/gi18n.h>

#include "aftercare-time.h"

#include <string.h>

/* TRUE when text ends in "Z" or a numeric offset after the time part. */
static gboolean
has_explicit_offset (const char *text)
{
  const char *t = strchr (text, 'T');
  size_t len = strlen (text);

  if (t == NULL)
    t = strchr (text, 't');
  if (t == NULL || len == 0)
    return FALSE;
  if (text[len - 1] == 'Z' || text[len - 1] == 'z')
    return TRUE;
  return strpbrk (t, "+-") != NULL;
}

GDateTime *
aftercare_time_parse (const char *text)
{
  g_autoptr(GTimeZone) utc = NULL;

  if (text == NULL || !has_explicit_offset (text))
    return NULL;
  /* The default zone is never used: the text carries its own offset. */
  utc = g_time_zone_new_utc ();
  return g_date_time_new_from_iso8601 (text, utc);
}

char *
aftercare_time_format (GDateTime *time)
{
  g_autofree char *main_part = NULL;
  g_autofree char *offset = NULL;
  int usec;

  g_return_val_if_fail (time != NULL, NULL);
  /* Not g_date_time_format_iso8601(): GLib 2.74 writes "+01" for "+01:00". */
  main_part = g_date_time_format (time, "%Y-%m-%dT%H:%M:%S");
  offset = g_date_time_get_utc_offset (time) == 0 ? g_strdup ("Z")
                                                  : g_date_time_format (time, "%:z");
  usec = g_date_time_get_microsecond (time);
  if (usec != 0)
    return g_strdup_printf ("%s.%06d%s", main_part, usec, offset);
  return g_strconcat (main_part, offset, NULL);
}

char *
aftercare_time_format_utc (GDateTime *time)
{
  g_autoptr(GDateTime) utc = NULL;

  g_return_val_if_fail (time != NULL, NULL);
  utc = g_date_time_to_utc (time);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

double
aftercare_time_hours_between (GDateTime *start,
                              GDateTime *time)
{
  g_return_val_if_fail (start != NULL && time != NULL, 0);
  return (double) g_date_time_difference (time, start) / G_TIME_SPAN_HOUR;
}

/* The date of time as a GDate-like number, for telling today from tomorrow. */
static int
julian_day (GDateTime *time)
{
  int year, month, day;
  g_autoptr(GDate) date = NULL;

  g_date_time_get_ymd (time, &year, &month, &day);
  date = g_date_new_dmy (day, month, year);
  return g_date_get_julian (date);
}

static char *
format_time_of_day (GDateTime *time,
                    gboolean   clock_24h)
{
  g_autofree char *text = NULL;

  if (clock_24h)
    /* Translators: a time of day in the 24-hour style, in
     * g_date_time_format() notation; "18:00". */
    return g_date_time_format (time, _("%H:%M"));
  /* Translators: a time of day in the 12-hour style, in
   * g_date_time_format() notation; "6:00 PM". */
  text = g_date_time_format (time, _("%-l:%M %p"));
  /* Locales with no AM/PM words leave a trailing space. */
  return g_strdup (g_strchomp (text));
}

static char *
format_date (GDateTime *time,
             GDateTime *now)
{
  if (g_date_time_get_year (time) == g_date_time_get_year (now))
    /* Translators: weekday, day and month, in g_date_time_format()
     * notation; "Wed 26 Nov". */
    return g_date_time_format (time, _("%a %-d %b"));
  /* Translators: weekday, day, month and year, in g_date_time_format()
   * notation; "Wed 26 Nov 2027". */
  return g_date_time_format (time, _("%a %-d %b %Y"));
}

char *
aftercare_time_format_clock (GDateTime *time,
                             GDateTime *now,
                             gboolean   clock_24h)
{
  g_autoptr(GDateTime) shown = NULL;
  g_autofree char *clock = NULL;
  g_autofree char *date = NULL;
  int days;

  g_return_val_if_fail (time != NULL && now != NULL, NULL);
  /* Shown in now's time zone: the caller's "now" says where the reader is
   * (the window passes local time), which keeps this testable. */
  shown = g_date_time_to_timezone (time, g_date_time_get_timezone (now));
  clock = format_time_of_day (shown, clock_24h);
  days = julian_day (shown) - julian_day (now);
  if (days == 0)
    return g_steal_pointer (&clock);
  if (days == 1)
    /* Translators: %s is a time of day, "tomorrow 08:00". */
    return g_strdup_printf (_("tomorrow %s"), clock);
  date = format_date (shown, now);
  /* Translators: a date and a time of day, "Wed 26 Nov 08:00". */
  return g_strdup_printf (C_("date and time", "%s %s"), date, clock);
}
