/* aftercare-date-time-row.h: a row that picks a date on a calendar and a time of day, checked as you type. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define AFTERCARE_TYPE_DATE_TIME_ROW (aftercare_date_time_row_get_type ())
G_DECLARE_FINAL_TYPE (AftercareDateTimeRow, aftercare_date_time_row, AFTERCARE, DATE_TIME_ROW, AdwActionRow)

/* Properties: "date-time" (GDateTime in local time, to the minute),
 * "clock-24h" (how the button shows the time; on a 12-hour clock the
 * picker offers hours 1–12 and AM or PM), "error-message" (read-only:
 * why the typed hour or minute is not a time, NULL when it is). While there
 * is an error, "date-time" keeps the last good value. */
GtkWidget  *aftercare_date_time_row_new               (void);
GDateTime  *aftercare_date_time_row_get_date_time     (AftercareDateTimeRow *self);
void        aftercare_date_time_row_set_date_time     (AftercareDateTimeRow *self,
                                                       GDateTime            *date_time);
const char *aftercare_date_time_row_get_error_message (AftercareDateTimeRow *self);
void        aftercare_date_time_row_set_clock_24h     (AftercareDateTimeRow *self,
                                                       gboolean              clock_24h);

G_END_DECLS
