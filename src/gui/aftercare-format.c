/* aftercare-format.c: how the interface writes times and shows verdicts, the same way in every view. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-format"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "aftercare-advisor.h"
#include "aftercare-catalog.h"
#include "aftercare-format.h"

char *
aftercare_format_time_of_day (GDateTime *time,
                              gboolean   clock_24h)
{
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (time != NULL, NULL);

  local = g_date_time_to_local (time);
  /* Translators: a time of day on a 24-hour clock (strftime codes, e.g. "18:00"). */
  return g_date_time_format (local, clock_24h ? _("%H:%M")
                                              /* Translators: a time of day on a 12-hour clock ("6:00 PM"). */
                                              : _("%-l:%M %p"));
}

char *
aftercare_format_day (GDateTime *time,
                      GDateTime *now)
{
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) local_now = NULL;

  g_return_val_if_fail (time != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  local = g_date_time_to_local (time);
  local_now = g_date_time_to_local (now);
  if (g_date_time_get_year (local) == g_date_time_get_year (local_now))
    /* Translators: a day in the current year (strftime codes, "Tue 24 Nov"). */
    return g_date_time_format (local, _("%a %-d %b"));
  /* Translators: a day in another year (strftime codes, "Tue 24 Nov 2026"). */
  return g_date_time_format (local, _("%a %-d %b %Y"));
}

char *
aftercare_format_day_and_time (GDateTime *time,
                               GDateTime *now,
                               gboolean   clock_24h)
{
  g_autofree char *clock = NULL;
  g_autofree char *day = NULL;

  g_return_val_if_fail (time != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  clock = aftercare_format_time_of_day (time, clock_24h);
  day = aftercare_format_day (time, now);
  /* Translators: a day and a time of day, "Tue 24 Nov, 10:00". */
  return g_strdup_printf (_("%s, %s"), day, clock);
}

char *
aftercare_format_weekday (GDateTime *time)
{
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (time != NULL, NULL);

  local = g_date_time_to_local (time);
  /* Translators: an abbreviated weekday (strftime code, "Tue"). */
  return g_date_time_format (local, _("%a"));
}

char *
aftercare_format_time_after (double hours)
{
  if (hours < 1.0)
    {
      gulong minutes = (gulong) MAX (0.0, floor (hours * 60.0));

      return g_strdup_printf (ngettext ("%lu minute after", "%lu minutes after", minutes), minutes);
    }
  if (hours < 72.0)
    {
      gulong whole = (gulong) floor (hours);

      return g_strdup_printf (ngettext ("%lu hour after", "%lu hours after", whole), whole);
    }
  else
    {
      gulong days = (gulong) floor (hours / 24.0);

      return g_strdup_printf (ngettext ("%lu day after", "%lu days after", days), days);
    }
}

const char *
aftercare_verdict_get_badge_label (AftercareVerdict verdict)
{
  switch (verdict)
    {
    case AFTERCARE_VERDICT_SEEK_CARE:
      /* Translators: a verdict in one or two words, on a small badge. */
      return C_("verdict badge", "Seek care");
    case AFTERCARE_VERDICT_REST:
      return C_("verdict badge", "Rest");
    case AFTERCARE_VERDICT_WAIT:
      return C_("verdict badge", "Wait");
    case AFTERCARE_VERDICT_EASY_RUN:
      return C_("verdict badge", "Easy run");
    case AFTERCARE_VERDICT_TRAIN:
      return C_("verdict badge", "Train");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
aftercare_verdict_get_style_class (AftercareVerdict verdict)
{
  switch (verdict)
    {
    case AFTERCARE_VERDICT_SEEK_CARE:
      return "error";
    case AFTERCARE_VERDICT_REST:
      return "warning";
    case AFTERCARE_VERDICT_WAIT:
      return "accent";
    case AFTERCARE_VERDICT_EASY_RUN:
    case AFTERCARE_VERDICT_TRAIN:
      return "success";
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
aftercare_verdict_get_icon_name (AftercareVerdict verdict)
{
  /* The icons are the app's own, in ui/icons, shared with the wizard. */
  switch (verdict)
    {
    case AFTERCARE_VERDICT_SEEK_CARE:
      return "aftercare-verdict-seek-care-symbolic";
    case AFTERCARE_VERDICT_REST:
      return "aftercare-verdict-rest-symbolic";
    case AFTERCARE_VERDICT_WAIT:
      return "aftercare-verdict-wait-symbolic";
    case AFTERCARE_VERDICT_EASY_RUN:
      return "aftercare-verdict-easy-run-symbolic";
    case AFTERCARE_VERDICT_TRAIN:
      return "aftercare-verdict-train-symbolic";
    default:
      g_return_val_if_reached (NULL);
    }
}

char *
aftercare_format_symptoms (AftercareSymptoms symptoms)
{
  g_autoptr(GString) text = NULL;

  if (symptoms == AFTERCARE_SYMPTOM_NONE)
    return NULL;

  text = g_string_new (NULL);
  for (guint bit = 0; (1u << bit) <= AFTERCARE_SYMPTOM_HEADACHE; bit++)
    {
      AftercareSymptoms symptom = 1u << bit;

      if ((symptoms & symptom) == 0)
        continue;
      if (text->len > 0)
        /* Translators: between two symptoms in a list. */
        g_string_append (text, _(", "));
      g_string_append (text, aftercare_symptom_get_title (symptom));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

char *
aftercare_format_session_title (AftercareMassageType type,
                                AftercarePressure    pressure)
{
  const char *name = aftercare_massage_type_get_name (type);

  switch (pressure)
    {
    case AFTERCARE_PRESSURE_LIGHT:
      /* Translators: a session's title; %s is the massage type ("Swedish · light pressure"). */
      return g_strdup_printf (_("%s · light pressure"), name);
    case AFTERCARE_PRESSURE_MODERATE:
      /* Translators: a session's title; %s is the massage type ("Sports · moderate pressure"). */
      return g_strdup_printf (_("%s · moderate pressure"), name);
    case AFTERCARE_PRESSURE_DEEP:
      /* Translators: a session's title; %s is the massage type ("Deep tissue · deep pressure"). */
      return g_strdup_printf (_("%s · deep pressure"), name);
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
aftercare_area_get_title (AftercareAreas area)
{
  switch (area)
    {
    /* Translators: areas of the body a massage treated. */
    case AFTERCARE_AREA_NECK: return C_("area", "Neck");
    case AFTERCARE_AREA_SHOULDERS: return C_("area", "Shoulders");
    case AFTERCARE_AREA_UPPER_BACK: return C_("area", "Upper back");
    case AFTERCARE_AREA_LOWER_BACK: return C_("area", "Lower back");
    case AFTERCARE_AREA_CHEST: return C_("area", "Chest");
    case AFTERCARE_AREA_ARMS: return C_("area", "Arms");
    case AFTERCARE_AREA_HANDS: return C_("area", "Hands");
    case AFTERCARE_AREA_GLUTES: return C_("area", "Glutes");
    case AFTERCARE_AREA_HIPS: return C_("area", "Hips");
    case AFTERCARE_AREA_QUADRICEPS: return C_("area", "Quadriceps");
    case AFTERCARE_AREA_HAMSTRINGS: return C_("area", "Hamstrings");
    case AFTERCARE_AREA_CALVES: return C_("area", "Calves");
    case AFTERCARE_AREA_FEET: return C_("area", "Feet");
    case AFTERCARE_AREA_WHOLE_BODY: return C_("area", "Whole body");
    case AFTERCARE_AREA_NONE:
    default:
      g_return_val_if_reached (NULL);
    }
}

char *
aftercare_format_areas (AftercareAreas areas)
{
  g_autoptr(GString) text = NULL;

  if (areas == AFTERCARE_AREA_NONE)
    return NULL;

  text = g_string_new (NULL);
  for (guint bit = 0; (1u << bit) <= AFTERCARE_AREA_WHOLE_BODY; bit++)
    {
      AftercareAreas area = 1u << bit;

      if ((areas & area) == 0)
        continue;
      if (text->len > 0)
        g_string_append (text, _(", "));
      g_string_append (text, aftercare_area_get_title (area));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}
