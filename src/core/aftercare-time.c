/* aftercare-time.c: ISO 8601 times that keep the offset they were entered with. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-time"

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
