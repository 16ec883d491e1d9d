/* aftercare-form.c: the checks the session and check-in forms run as you type; plain functions, no GTK. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-form"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <stdlib.h>

#include "aftercare-form.h"
#include "aftercare-time.h"

G_DEFINE_QUARK (aftercare-form-error-quark, aftercare_form_error)

gboolean
aftercare_form_parse_whole_number (const char  *text,
                                   const char  *field,
                                   int          min,
                                   int          max,
                                   int         *value,
                                   GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  gint64 parsed;

  g_return_val_if_fail (field != NULL, FALSE);

  if (!g_ascii_string_to_signed (trimmed, 10, G_MININT64, G_MAXINT64, &parsed, NULL))
    {
      /* Translators: %s is a field of a form ("Duration"). */
      g_set_error (error, AFTERCARE_FORM_ERROR, AFTERCARE_FORM_ERROR_INVALID,
                   _("%s: enter a whole number from %d to %d"), field, min, max);
      return FALSE;
    }
  if (parsed < min || parsed > max)
    {
      g_set_error (error, AFTERCARE_FORM_ERROR, AFTERCARE_FORM_ERROR_OUT_OF_RANGE,
                   _("%s: enter a whole number from %d to %d"), field, min, max);
      return FALSE;
    }
  if (value != NULL)
    *value = (int) parsed;
  return TRUE;
}

gboolean
aftercare_form_check_duration (const char  *text,
                               guint       *minutes,
                               GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  int value;

  /* Left blank: not entered (0), as a massage checked in on from the
   * wizard, which does not ask. */
  if (trimmed[0] == '\0')
    {
      if (minutes != NULL)
        *minutes = 0;
      return TRUE;
    }
  /* Translators: a field of the session form, named in its error message. */
  if (!aftercare_form_parse_whole_number (text, _("Duration in minutes"),
                                          AFTERCARE_FORM_DURATION_MIN, AFTERCARE_FORM_DURATION_MAX,
                                          &value, error))
    return FALSE;
  if (minutes != NULL)
    *minutes = (guint) value;
  return TRUE;
}

/* A clock a little fast is not a reason to refuse a time "in the future". */
static gboolean
is_in_the_future (GDateTime *time,
                  GDateTime *now)
{
  return g_date_time_difference (time, now) > AFTERCARE_FORM_FUTURE_TOLERANCE;
}

gboolean
aftercare_form_check_ended_at (GDateTime  *ended_at,
                               GDateTime  *now,
                               gboolean    clock_24h,
                               GError    **error)
{
  g_autofree char *now_text = NULL;

  g_return_val_if_fail (now != NULL, FALSE);

  if (ended_at == NULL)
    {
      g_set_error_literal (error, AFTERCARE_FORM_ERROR, AFTERCARE_FORM_ERROR_INVALID,
                           _("Choose the day and time the massage ended"));
      return FALSE;
    }
  if (is_in_the_future (ended_at, now))
    {
      now_text = aftercare_time_format_clock (now, now, clock_24h);
      /* Translators: %s is the time now, "18:05"; a massage is logged once it has ended. */
      g_set_error (error, AFTERCARE_FORM_ERROR, AFTERCARE_FORM_ERROR_OUT_OF_RANGE,
                   _("Pick an end time no later than %s, the time now"), now_text);
      return FALSE;
    }
  return TRUE;
}

gboolean
aftercare_form_check_checkin_at (GDateTime  *at,
                                 GDateTime  *ended_at,
                                 GDateTime  *now,
                                 gboolean    clock_24h,
                                 GError    **error)
{
  g_autofree char *ended_text = NULL;

  g_return_val_if_fail (ended_at != NULL, FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  if (at == NULL)
    {
      g_set_error_literal (error, AFTERCARE_FORM_ERROR, AFTERCARE_FORM_ERROR_INVALID,
                           _("Choose the day and time of the check-in"));
      return FALSE;
    }
  if (g_date_time_compare (at, ended_at) < 0)
    {
      ended_text = aftercare_time_format_clock (ended_at, now, clock_24h);
      /* Translators: %s is when the massage ended, "04:35" or "Mon 23 Nov 04:35". */
      g_set_error (error, AFTERCARE_FORM_ERROR, AFTERCARE_FORM_ERROR_OUT_OF_RANGE,
                   _("Pick a time after %s, when the massage ended"), ended_text);
      return FALSE;
    }
  if (is_in_the_future (at, now))
    {
      g_autofree char *now_text = aftercare_time_format_clock (now, now, clock_24h);

      /* Translators: %s is the time now, "18:05". */
      g_set_error (error, AFTERCARE_FORM_ERROR, AFTERCARE_FORM_ERROR_OUT_OF_RANGE,
                   _("Pick a time no later than %s, the time now"), now_text);
      return FALSE;
    }
  return TRUE;
}

static gboolean
has_control_characters (const char *text,
                        gboolean    allow_newlines)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (allow_newlines && (c == '\n' || c == '\t'))
        continue;
      if (g_unichar_iscntrl (c))
        return TRUE;
    }
  return FALSE;
}

static gboolean
check_text (const char  *text,
            const char  *field,
            glong        max_chars,
            gboolean     multi_line,
            GError     **error)
{
  g_return_val_if_fail (field != NULL, FALSE);

  if (text == NULL)
    return TRUE;
  if (!g_utf8_validate (text, -1, NULL) || has_control_characters (text, multi_line))
    {
      g_set_error (error, AFTERCARE_FORM_ERROR, AFTERCARE_FORM_ERROR_INVALID,
                   multi_line ? _("%s: remove the control characters")
                              : _("%s: keep it to one line of text"),
                   field);
      return FALSE;
    }
  if (g_utf8_strlen (text, -1) > max_chars)
    {
      g_set_error (error, AFTERCARE_FORM_ERROR, AFTERCARE_FORM_ERROR_OUT_OF_RANGE,
                   /* Translators: "Client: shorten it to 100 characters or fewer (it has 120)". */
                   _("%s: shorten it to %ld characters or fewer (it has %ld)"), field, max_chars,
                   g_utf8_strlen (text, -1));
      return FALSE;
    }
  return TRUE;
}

gboolean
aftercare_form_check_name (const char  *text,
                           const char  *field,
                           GError     **error)
{
  return check_text (text, field, AFTERCARE_FORM_NAME_MAX, FALSE, error);
}

gboolean
aftercare_form_check_notes (const char  *text,
                            const char  *field,
                            GError     **error)
{
  return check_text (text, field, AFTERCARE_FORM_NOTES_MAX, TRUE, error);
}
