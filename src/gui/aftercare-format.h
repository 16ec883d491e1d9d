/* aftercare-format.h: how the interface writes times and shows verdicts, the same way in every view. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "aftercare-enums.h"

G_BEGIN_DECLS

/* In the local time zone: "18:00" or "6:00 PM". */
char       *aftercare_format_time_of_day       (GDateTime *time,
                                                gboolean   clock_24h);
/* "Tue 24 Nov"; the year too when it is not the year of now. */
char       *aftercare_format_day               (GDateTime *time,
                                                GDateTime *now);
/* "Tue 24 Nov, 10:00"; the year too when it is not the year of now. */
char       *aftercare_format_day_and_time      (GDateTime *time,
                                                GDateTime *now,
                                                gboolean   clock_24h);
/* "Tue". */
char       *aftercare_format_weekday           (GDateTime *time);
/* "45 minutes after", "12 hours after", "3 days after", for a check-in's
 * distance from the end of its massage. */
char       *aftercare_format_time_after        (double     hours);

/* One word or two for a badge ("Rest", "Easy run"): translated. */
const char *aftercare_verdict_get_badge_label  (AftercareVerdict verdict);
/* The libadwaita style class that colours the verdict (.error, .warning,
 * .accent, .success): the same in every view. */
const char *aftercare_verdict_get_style_class  (AftercareVerdict verdict);
/* A symbolic icon of its own for each verdict, so colour is never the only sign. */
const char *aftercare_verdict_get_icon_name    (AftercareVerdict verdict);

/* "Deep tissue · deep pressure", a session's title in lists and headers. */
char       *aftercare_format_session_title     (AftercareMassageType type,
                                                AftercarePressure    pressure);

/* "Calves", "Whole body": one area treated, translated. */
const char *aftercare_area_get_title           (AftercareAreas area);
/* Area titles joined with commas, or NULL for none. */
char       *aftercare_format_areas             (AftercareAreas areas);

/* Symptom titles joined with commas ("Heavy legs, bruising"), or NULL for none. */
char       *aftercare_format_symptoms          (AftercareSymptoms symptoms);

G_END_DECLS
