/* aftercare-format.h: how the interface writes times, the same way in every view. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* In the local time zone: "18:00" or "6:00 PM". */
char       *aftercare_format_time_of_day       (GDateTime *time,
                                                gboolean   clock_24h);
/* "Tue 24 Nov, 10:00"; the year too when it is not the year of now. */
char       *aftercare_format_day_and_time      (GDateTime *time,
                                                GDateTime *now,
                                                gboolean   clock_24h);
/* "Tue". */
char       *aftercare_format_weekday           (GDateTime *time);
/* "45 minutes after", "12 hours after", "3 days after", for a check-in's
 * distance from the end of its massage. */
char       *aftercare_format_time_after        (double     hours);

G_END_DECLS
