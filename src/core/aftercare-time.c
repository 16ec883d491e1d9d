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

/* Years a health log can sensibly hold; outside them the time is a typo,
 * and years of more or fewer than four digits would not read back. */
#define YEAR_MIN 1900
#define YEAR_MAX 9000
/* The largest offset in use anywhere is +14:00; ISO 8601 allows up to 18 h. */
#define OFFSET_MAX (18 * G_TIME_SPAN_HOUR)

GDateTime *
aftercare_time_parse (const char *text)
{
  g_autoptr(GTimeZone) utc = NULL;
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *normal = NULL;
  size_t len;
  int year;

  if (text == NULL || !has_explicit_offset (text))
    return NULL;
  /* GLib takes "Z" but not the lower-case "z" that ISO 8601 also allows. */
  normal = g_strdup (text);
  len = strlen (normal);
  if (normal[len - 1] == 'z')
    normal[len - 1] = 'Z';
  /* The default zone is never used: the text carries its own offset. */
  utc = g_time_zone_new_utc ();
  time = g_date_time_new_from_iso8601 (normal, utc);
  if (time == NULL)
    return NULL;
  year = g_date_time_get_year (time);
  if (year < YEAR_MIN || year > YEAR_MAX)
    return NULL;
  if (ABS (g_date_time_get_utc_offset (time)) > OFFSET_MAX)
    return NULL;
  return g_steal_pointer (&time);
}

/* "2026-11-24T10:00:00", the year always in four digits. */
static char *
format_main_part (GDateTime *time)
{
  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d",
                          g_date_time_get_year (time), g_date_time_get_month (time),
                          g_date_time_get_day_of_month (time), g_date_time_get_hour (time),
                          g_date_time_get_minute (time), g_date_time_get_second (time));
}

char *
aftercare_time_format (GDateTime *time)
{
  g_autofree char *main_part = NULL;
  g_autofree char *offset = NULL;
  int usec;

  g_return_val_if_fail (time != NULL, NULL);

  /* Not g_date_time_format_iso8601(): GLib 2.74 writes "+01" for "+01:00". */
  main_part = format_main_part (time);
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
  g_autofree char *main_part = NULL;

  g_return_val_if_fail (time != NULL, NULL);
  utc = g_date_time_to_utc (time);
  main_part = format_main_part (utc);
  return g_strconcat (main_part, "Z", NULL);
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
