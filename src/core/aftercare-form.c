/* aftercare-form.c: the checks the session and check-in forms run as you type; plain functions, no GTK. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-form"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <stdlib.h>

#include "aftercare-form.h"

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
  int value;

  /* Translators: a field of the session form, named in its error message. */
  if (!aftercare_form_parse_whole_number (text, _("Duration in minutes"),
                                          AFTERCARE_FORM_DURATION_MIN, AFTERCARE_FORM_DURATION_MAX,
                                          &value, error))
    return FALSE;
  if (minutes != NULL)
    *minutes = (guint) value;
  return TRUE;
}

gboolean
aftercare_form_check_ended_at (GDateTime  *ended_at,
                               GDateTime  *now,
                               GError    **error)
{
  g_return_val_if_fail (now != NULL, FALSE);

  if (ended_at == NULL)
    {
      g_set_error_literal (error, AFTERCARE_FORM_ERROR, AFTERCARE_FORM_ERROR_INVALID,
                           _("End time: choose a date and a time"));
      return FALSE;
    }
  if (g_date_time_difference (ended_at, now) > AFTERCARE_FORM_FUTURE_TOLERANCE)
    {
      g_set_error_literal (error, AFTERCARE_FORM_ERROR, AFTERCARE_FORM_ERROR_OUT_OF_RANGE,
                           _("End time: this is in the future; log a massage once it has ended"));
      return FALSE;
    }
  return TRUE;
}

gboolean
aftercare_form_check_checkin_at (GDateTime  *at,
                                 GDateTime  *ended_at,
                                 GDateTime  *now,
                                 GError    **error)
{
  g_return_val_if_fail (ended_at != NULL, FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  if (at == NULL)
    {
      g_set_error_literal (error, AFTERCARE_FORM_ERROR, AFTERCARE_FORM_ERROR_INVALID,
                           _("Time: choose a date and a time"));
      return FALSE;
    }
  if (g_date_time_compare (at, ended_at) < 0)
    {
      g_set_error_literal (error, AFTERCARE_FORM_ERROR, AFTERCARE_FORM_ERROR_OUT_OF_RANGE,
                           _("Time: a check-in comes after the massage ended"));
      return FALSE;
    }
  if (g_date_time_difference (at, now) > AFTERCARE_FORM_FUTURE_TOLERANCE)
    {
      g_set_error_literal (error, AFTERCARE_FORM_ERROR, AFTERCARE_FORM_ERROR_OUT_OF_RANGE,
                           _("Time: this is in the future"));
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
                   /* Translators: "Client: at most 100 characters". */
                   _("%s: at most %ld characters"), field, max_chars);
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
