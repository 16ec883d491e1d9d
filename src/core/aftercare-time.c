/* aftercare-time.c: ISO 8601 times that keep the offset they were entered with, and times for people. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-time"

#include "config.h"

#include <glib/gi18n.h>

#include "aftercare-time.h"

#include <math.h>
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

/* Writes value in n digits (zeros in front) at p; returns the end. */
static char *
put_digits (char *p,
            int   value,
            int   n)
{
  for (int i = n - 1; i >= 0; i--, value /= 10)
    p[i] = (char) ('0' + value % 10);
  return p + n;
}

/* "2026-11-24T10:00:00", the year always in four digits, into buffer
 * (at least 20 bytes); its length. Exports write one per row: from the
 * date's fields at once, by hand, without a format string or the locale. */
static int
format_main_part (GDateTime *time,
                  char      *buffer)
{
  int year, month, day;
  char *p = buffer;

  g_date_time_get_ymd (time, &year, &month, &day);
  p = put_digits (p, year, 4);
  *p++ = '-';
  p = put_digits (p, month, 2);
  *p++ = '-';
  p = put_digits (p, day, 2);
  *p++ = 'T';
  p = put_digits (p, g_date_time_get_hour (time), 2);
  *p++ = ':';
  p = put_digits (p, g_date_time_get_minute (time), 2);
  *p++ = ':';
  p = put_digits (p, g_date_time_get_second (time), 2);
  *p = '\0';
  return (int) (p - buffer);
}

char *
aftercare_time_format (GDateTime *time)
{
  char text[AFTERCARE_TIME_TEXT_SIZE];

  g_return_val_if_fail (time != NULL, NULL);
  return g_strndup (text, aftercare_time_format_into (time, text));
}

gsize
aftercare_time_format_into (GDateTime *time,
                            char       text[AFTERCARE_TIME_TEXT_SIZE])
{
  char *p;
  int usec;
  GTimeSpan offset;

  g_return_val_if_fail (time != NULL, 0);

  /* Not g_date_time_format_iso8601(): GLib 2.74 writes "+01" for "+01:00". */
  p = text + format_main_part (time, text);
  usec = g_date_time_get_microsecond (time);
  if (usec != 0)
    {
      *p++ = '.';
      p = put_digits (p, usec, 6);
    }
  offset = g_date_time_get_utc_offset (time) / G_TIME_SPAN_MINUTE;
  if (offset == 0)
    *p++ = 'Z';
  else
    {
      *p++ = offset < 0 ? '-' : '+';
      p = put_digits (p, (int) (ABS (offset) / 60), 2);
      *p++ = ':';
      p = put_digits (p, (int) (ABS (offset) % 60), 2);
    }
  *p = '\0';
  return p - text;
}

char *
aftercare_time_format_utc (GDateTime *time)
{
  g_autoptr(GDateTime) utc = NULL;
  char text[24];
  int length;

  g_return_val_if_fail (time != NULL, NULL);
  utc = g_date_time_to_utc (time);
  length = format_main_part (utc, text);
  g_strlcpy (text + length, "Z", sizeof text - length);
  return g_strdup (text);
}

double
aftercare_time_hours_between (GDateTime *start,
                              GDateTime *time)
{
  g_return_val_if_fail (start != NULL && time != NULL, 0);
  return (double) g_date_time_difference (time, start) / G_TIME_SPAN_HOUR;
}

/* ---- Times for people ------------------------------------------------- */

char *
aftercare_time_format_with (GDateTime  *time,
                            const char *format)
{
  char *text;

  g_return_val_if_fail (time != NULL && format != NULL, NULL);
  text = g_date_time_format (time, format);
  /* A field a locale leaves empty (%p with no AM/PM words) leaves its space. */
  return text != NULL ? g_strstrip (text) : NULL;
}

char *
aftercare_time_format_time_of_day (GDateTime *time,
                                   gboolean   clock_24h)
{
  if (clock_24h)
    /* Translators: a time of day on a 24-hour clock, "18:00", in
     * g_date_time_format() codes: %H hour 00–23, %M minute. */
    return aftercare_time_format_with (time, _("%H:%M"));
  /* Translators: a time of day on a 12-hour clock, "6:00 PM", in
   * g_date_time_format() codes: %-l hour 1–12 without padding, %M minute,
   * %p AM or PM. */
  return aftercare_time_format_with (time, _("%-l:%M %p"));
}

char *
aftercare_time_format_weekday (GDateTime *time)
{
  /* Translators: an abbreviated weekday, "Tue", in g_date_time_format()
   * codes: %a weekday. */
  return aftercare_time_format_with (time, _("%a"));
}

/* "Tue 24 Nov", or "Tue 24 Nov 2026" with the year. */
static char *
format_day (GDateTime *time,
            gboolean   with_year)
{
  if (!with_year)
    /* Translators: a day, "Tue 24 Nov", in g_date_time_format() codes:
     * %a weekday, %-d day of the month without padding, %b month. */
    return aftercare_time_format_with (time, _("%a %-d %b"));
  /* Translators: a day in a given year, "Tue 24 Nov 2026", in
   * g_date_time_format() codes: %a weekday, %-d day of the month without
   * padding, %b month, %Y year. */
  return aftercare_time_format_with (time, _("%a %-d %b %Y"));
}

/* time on the reader's clock: in now's time zone. The caller's now says
 * where the reader is (the window passes local time), which keeps every
 * format here testable. */
static GDateTime *
to_nows_zone (GDateTime *time,
              GDateTime *now)
{
  return g_date_time_to_timezone (time, g_date_time_get_timezone (now));
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

char *
aftercare_time_format_clock (GDateTime *time,
                             GDateTime *now,
                             gboolean   clock_24h)
{
  g_autoptr(GDateTime) shown = NULL;
  g_autofree char *clock = NULL;
  g_autofree char *day = NULL;
  int days;

  g_return_val_if_fail (time != NULL && now != NULL, NULL);
  shown = to_nows_zone (time, now);
  clock = aftercare_time_format_time_of_day (shown, clock_24h);
  days = julian_day (shown) - julian_day (now);
  if (days == 0)
    return g_steal_pointer (&clock);
  if (days == 1)
    /* Translators: %s is a time of day, "tomorrow 08:00". */
    return g_strdup_printf (_("tomorrow %s"), clock);
  day = format_day (shown, g_date_time_get_year (shown) != g_date_time_get_year (now));
  /* Translators: a day and a time of day, "Wed 26 Nov 08:00". */
  return g_strdup_printf (C_("date and time", "%s %s"), day, clock);
}

static char *
format_day_and_time (GDateTime *time,
                     GDateTime *now,
                     gboolean   always_year,
                     gboolean   clock_24h)
{
  g_autoptr(GDateTime) shown = NULL;
  g_autofree char *day = NULL;
  g_autofree char *clock = NULL;

  g_return_val_if_fail (time != NULL && now != NULL, NULL);
  shown = to_nows_zone (time, now);
  day = format_day (shown, always_year || g_date_time_get_year (shown) != g_date_time_get_year (now));
  clock = aftercare_time_format_time_of_day (shown, clock_24h);
  /* Translators: a day and a time of day, "Tue 24 Nov, 10:00". */
  return g_strdup_printf (C_("day and time", "%s, %s"), day, clock);
}

char *
aftercare_time_format_day (GDateTime *time,
                           GDateTime *now)
{
  g_autoptr(GDateTime) shown = NULL;

  g_return_val_if_fail (time != NULL && now != NULL, NULL);
  shown = to_nows_zone (time, now);
  return format_day (shown, g_date_time_get_year (shown) != g_date_time_get_year (now));
}

char *
aftercare_time_format_day_and_time (GDateTime *time,
                                    GDateTime *now,
                                    gboolean   clock_24h)
{
  return format_day_and_time (time, now, FALSE, clock_24h);
}

char *
aftercare_time_format_day_and_time_with_year (GDateTime *time,
                                              GDateTime *now,
                                              gboolean   clock_24h)
{
  return format_day_and_time (time, now, TRUE, clock_24h);
}

char *
aftercare_time_format_hours_after (double hours)
{
  gulong count;

  /* Translators: how long after the massage a check-in was made. */
  if (hours < 1.0)
    {
      count = (gulong) MAX (0.0, floor (hours * 60.0));
      return g_strdup_printf (ngettext ("%lu minute after", "%lu minutes after", count), count);
    }
  if (hours < 72.0)
    {
      count = (gulong) floor (hours);
      return g_strdup_printf (ngettext ("%lu hour after", "%lu hours after", count), count);
    }
  count = (gulong) floor (hours / 24.0);
  return g_strdup_printf (ngettext ("%lu day after", "%lu days after", count), count);
}
