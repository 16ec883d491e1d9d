/* aftercare-time.h: ISO 8601 times that keep the offset they were entered with, and times for people. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Parses an ISO 8601 date and time that carries an explicit offset ("Z",
 * "+01:00", "-0500"). A time without an offset is ambiguous and rejected:
 * returns NULL, as is a year outside 1900–9000 or an offset beyond ±18:00.
 * A lower-case "z" is taken as "Z". The result keeps the given offset as
 * its time zone. */
GDateTime *aftercare_time_parse   (const char *text);

/* Formats with the time's own offset ("2026-11-24T10:00:00+01:00"; "Z" for UTC). */
char      *aftercare_time_format  (GDateTime *time);
/* The same into text, '\0' after it; its length. */
#define AFTERCARE_TIME_TEXT_SIZE 40
gsize      aftercare_time_format_into (GDateTime *time, char text[AFTERCARE_TIME_TEXT_SIZE]);

/* Formats in UTC ("2026-11-24T09:00:00Z"), as the --assess response does. */
char      *aftercare_time_format_utc (GDateTime *time);

/* Hours (fractional) from start to time; negative when time is before start. */
double     aftercare_time_hours_between (GDateTime *start, GDateTime *time);

/* Times for people, translated: every view, the sheet and the store write
 * times through these. The 12- or 24-hour choice is always passed in. Where
 * now is passed, the time is shown in now's time zone (the caller's now
 * says where the reader is) and the year only when it is not now's. */

/* g_date_time_format() with the spaces a field left empty by the locale
 * leaves at either end taken off ("6:00 " where %p has no words). */
char      *aftercare_time_format_with (GDateTime *time, const char *format);
/* "18:00" or "6:00 PM", in time's own time zone. */
char      *aftercare_time_format_time_of_day (GDateTime *time, gboolean clock_24h);
/* "Tue", in time's own time zone. */
char      *aftercare_time_format_weekday (GDateTime *time);
/* A clock time relative to now: "18:00", "tomorrow 08:00", "Wed 26 Nov 08:00". */
char      *aftercare_time_format_clock (GDateTime *time, GDateTime *now, gboolean clock_24h);
/* "Tue 24 Nov"; "Tue 24 Nov 2025" when not in now's year. */
char      *aftercare_time_format_day (GDateTime *time, GDateTime *now);
/* "Tue 24 Nov, 10:00"; "Tue 24 Nov 2025, 10:00" when not in now's year. */
char      *aftercare_time_format_day_and_time (GDateTime *time, GDateTime *now, gboolean clock_24h);
/* "Tue 24 Nov 2026, 10:00", the year always: for a record kept on paper. */
char      *aftercare_time_format_day_and_time_with_year (GDateTime *time, GDateTime *now,
                                                         gboolean clock_24h);
/* How long after the massage: "45 minutes after", "12 hours after", "3 days after". */
char      *aftercare_time_format_hours_after (double hours);

G_END_DECLS
