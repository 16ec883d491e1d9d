/* aftercare-form.h: the checks the session and check-in forms run as you type; plain functions, no GTK. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define AFTERCARE_FORM_ERROR (aftercare_form_error_quark ())
typedef enum {
  AFTERCARE_FORM_ERROR_INVALID,     /* not a value of the right kind ("abc" minutes) */
  AFTERCARE_FORM_ERROR_OUT_OF_RANGE, /* a value, but not one that can be right */
} AftercareFormError;
GQuark aftercare_form_error_quark (void);

#define AFTERCARE_FORM_DURATION_MIN 1
#define AFTERCARE_FORM_DURATION_MAX 600
#define AFTERCARE_FORM_NAME_MAX 100
#define AFTERCARE_FORM_NOTES_MAX 2000
/* A clock a little fast is not a reason to refuse a time "in the future". */
#define AFTERCARE_FORM_FUTURE_TOLERANCE (5 * G_TIME_SPAN_MINUTE)

/* Each check's message is what the form shows: it says what to do, naming
 * the field; times in it are written on the clock_24h given. */

/* A whole number written in text, from min to max ("90", " 45 "). */
gboolean aftercare_form_parse_whole_number (const char  *text,
                                            const char  *field,
                                            int          min,
                                            int          max,
                                            int         *value,
                                            GError     **error);
/* Whole minutes from DURATION_MIN to DURATION_MAX, or blank for "not
 * entered" (0 minutes). */
gboolean aftercare_form_check_duration     (const char  *text,
                                            guint       *minutes,
                                            GError     **error);
/* A massage ends in the past (or within a few minutes of now). */
gboolean aftercare_form_check_ended_at     (GDateTime   *ended_at,
                                            GDateTime   *now,
                                            gboolean     clock_24h,
                                            GError     **error);
/* A check-in is made after the massage ended and not in the future. */
gboolean aftercare_form_check_checkin_at   (GDateTime   *at,
                                            GDateTime   *ended_at,
                                            GDateTime   *now,
                                            gboolean     clock_24h,
                                            GError     **error);
/* A client's or therapist's name: at most 100 characters, one line. */
gboolean aftercare_form_check_name         (const char  *text,
                                            const char  *field,
                                            GError     **error);
gboolean aftercare_form_check_notes        (const char  *text,
                                            const char  *field,
                                            GError     **error);

G_END_DECLS
