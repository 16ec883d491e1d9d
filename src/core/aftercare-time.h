/* aftercare-time.h: ISO 8601 times that keep the offset they were entered with. */
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

/* Formats in UTC ("2026-11-24T09:00:00Z"), as the --assess response does. */
char      *aftercare_time_format_utc (GDateTime *time);

/* Hours (fractional) from start to time; negative when time is before start. */
double     aftercare_time_hours_between (GDateTime *start, GDateTime *time);

G_END_DECLS

G_BEGIN_DECLS
/* A clock time for people, relative to now, in the 12- or 24-hour style:
 * "18:00", "tomorrow 08:00", "Wed 26 Nov 08:00" (translated). */
char      *aftercare_time_format_clock (GDateTime *time, GDateTime *now, gboolean clock_24h);
G_END_DECLS
