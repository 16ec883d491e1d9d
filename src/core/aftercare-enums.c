/* aftercare-enums.c: GType registration and key parsing for the domain's enumerations. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-enums"

#include <string.h>

#include "aftercare-enums.h"

#define DEFINE_ENUM_TYPE(func, Name, ...)                                    \
  GType func (void)                                                          \
  {                                                                          \
    static gsize type_id = 0;                                                \
    static const GEnumValue values[] = { __VA_ARGS__, { 0, NULL, NULL } };   \
    if (g_once_init_enter (&type_id))                                        \
      g_once_init_leave (&type_id, g_enum_register_static (Name, values));   \
    return type_id;                                                          \
  }

#define DEFINE_FLAGS_TYPE(func, Name, ...)                                   \
  GType func (void)                                                          \
  {                                                                          \
    static gsize type_id = 0;                                                \
    static const GFlagsValue values[] = { __VA_ARGS__, { 0, NULL, NULL } };  \
    if (g_once_init_enter (&type_id))                                        \
      g_once_init_leave (&type_id, g_flags_register_static (Name, values));  \
    return type_id;                                                          \
  }

#define V(value, key) { value, #value, key }

DEFINE_ENUM_TYPE (aftercare_massage_type_get_type, "AftercareMassageType",
  V (AFTERCARE_MASSAGE_SWEDISH, "swedish"),
  V (AFTERCARE_MASSAGE_DEEP_TISSUE, "deep-tissue"),
  V (AFTERCARE_MASSAGE_TRIGGER_POINT, "trigger-point"),
  V (AFTERCARE_MASSAGE_MYOFASCIAL_RELEASE, "myofascial-release"),
  V (AFTERCARE_MASSAGE_SPORTS, "sports"),
  V (AFTERCARE_MASSAGE_THAI, "thai"),
  V (AFTERCARE_MASSAGE_LYMPHATIC_DRAINAGE, "lymphatic-drainage"),
  V (AFTERCARE_MASSAGE_HOT_STONE, "hot-stone"))

DEFINE_ENUM_TYPE (aftercare_pressure_get_type, "AftercarePressure",
  V (AFTERCARE_PRESSURE_LIGHT, "light"),
  V (AFTERCARE_PRESSURE_MODERATE, "moderate"),
  V (AFTERCARE_PRESSURE_DEEP, "deep"))

DEFINE_FLAGS_TYPE (aftercare_symptoms_get_type, "AftercareSymptoms",
  V (AFTERCARE_SYMPTOM_HEAVINESS, "heaviness"),
  V (AFTERCARE_SYMPTOM_BRUISING, "bruising"),
  V (AFTERCARE_SYMPTOM_SWELLING, "swelling"),
  V (AFTERCARE_SYMPTOM_SHARP_PAIN, "sharp-pain"),
  V (AFTERCARE_SYMPTOM_RADIATING_PAIN, "radiating-pain"),
  V (AFTERCARE_SYMPTOM_PINS_AND_NEEDLES, "pins-and-needles"),
  V (AFTERCARE_SYMPTOM_NUMBNESS, "numbness"),
  V (AFTERCARE_SYMPTOM_REDUCED_RANGE, "reduced-range"),
  V (AFTERCARE_SYMPTOM_ALTERED_STRIDE, "altered-stride"),
  V (AFTERCARE_SYMPTOM_FEVER, "fever"),
  V (AFTERCARE_SYMPTOM_DIZZINESS, "dizziness"),
  V (AFTERCARE_SYMPTOM_NAUSEA, "nausea"),
  V (AFTERCARE_SYMPTOM_UNUSUAL_FATIGUE, "unusual-fatigue"),
  V (AFTERCARE_SYMPTOM_HEADACHE, "headache"))

DEFINE_FLAGS_TYPE (aftercare_areas_get_type, "AftercareAreas",
  V (AFTERCARE_AREA_NECK, "neck"),
  V (AFTERCARE_AREA_SHOULDERS, "shoulders"),
  V (AFTERCARE_AREA_UPPER_BACK, "upper-back"),
  V (AFTERCARE_AREA_LOWER_BACK, "lower-back"),
  V (AFTERCARE_AREA_CHEST, "chest"),
  V (AFTERCARE_AREA_ARMS, "arms"),
  V (AFTERCARE_AREA_HANDS, "hands"),
  V (AFTERCARE_AREA_GLUTES, "glutes"),
  V (AFTERCARE_AREA_HIPS, "hips"),
  V (AFTERCARE_AREA_QUADRICEPS, "quadriceps"),
  V (AFTERCARE_AREA_HAMSTRINGS, "hamstrings"),
  V (AFTERCARE_AREA_CALVES, "calves"),
  V (AFTERCARE_AREA_FEET, "feet"),
  V (AFTERCARE_AREA_WHOLE_BODY, "whole-body"))

DEFINE_ENUM_TYPE (aftercare_verdict_get_type, "AftercareVerdict",
  V (AFTERCARE_VERDICT_TRAIN, "train"),
  V (AFTERCARE_VERDICT_EASY_RUN, "easy-run"),
  V (AFTERCARE_VERDICT_WAIT, "wait"),
  V (AFTERCARE_VERDICT_REST, "rest"),
  V (AFTERCARE_VERDICT_SEEK_CARE, "seek-care"))

DEFINE_ENUM_TYPE (aftercare_phase_get_type, "AftercarePhase",
  V (AFTERCARE_PHASE_FIRST_HOURS, "0-4h"),
  V (AFTERCARE_PHASE_SETTLING, "4-12h"),
  V (AFTERCARE_PHASE_FIRST_RUN, "12-24h"),
  V (AFTERCARE_PHASE_FADING, "24-48h"),
  V (AFTERCARE_PHASE_CHECK, "48h+"))

DEFINE_ENUM_TYPE (aftercare_planned_run_get_type, "AftercarePlannedRun",
  V (AFTERCARE_PLANNED_RUN_EASY, "easy"),
  V (AFTERCARE_PLANNED_RUN_STEADY, "steady"),
  V (AFTERCARE_PLANNED_RUN_HARD, "hard"))

const char *
aftercare_enum_to_key (GType enum_type,
                       int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GEnumValue *ev = g_enum_get_value (klass, value);

  g_return_val_if_fail (ev != NULL, NULL);
  return ev->value_nick;
}

gboolean
aftercare_enum_from_key (GType       enum_type,
                         const char *key,
                         int        *value)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *ev;

  if (key == NULL)
    return FALSE;
  klass = g_type_class_ref (enum_type);
  ev = g_enum_get_value_by_nick (klass, key);
  if (ev == NULL)
    return FALSE;
  if (value != NULL)
    *value = ev->value;
  return TRUE;
}

char **
aftercare_flags_to_keys (GType flags_type,
                         guint flags)
{
  g_autoptr(GFlagsClass) klass = g_type_class_ref (flags_type);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < klass->n_values; i++)
    if (flags & klass->values[i].value)
      g_strv_builder_add (builder, klass->values[i].value_nick);
  return g_strv_builder_end (builder);
}

static gboolean
flag_from_key (GFlagsClass *klass,
               const char  *key,
               guint       *flags)
{
  GFlagsValue *fv = g_flags_get_value_by_nick (klass, key);

  if (fv == NULL)
    return FALSE;
  *flags |= fv->value;
  return TRUE;
}

gboolean
aftercare_flags_from_keys (GType               flags_type,
                           const char * const *keys,
                           guint              *flags,
                           const char        **bad_key)
{
  g_autoptr(GFlagsClass) klass = g_type_class_ref (flags_type);
  guint result = 0;

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      if (!flag_from_key (klass, keys[i], &result))
        {
          if (bad_key != NULL)
            *bad_key = keys[i];
          return FALSE;
        }
    }
  if (flags != NULL)
    *flags = result;
  return TRUE;
}

char *
aftercare_flags_to_string (GType flags_type,
                           guint flags)
{
  g_autoptr(GFlagsClass) klass = g_type_class_ref (flags_type);
  GString *text = g_string_new (NULL);

  /* aftercare_flags_to_keys() joined, without the list: each check-in
   * stored or exported comes here. */
  for (guint i = 0; i < klass->n_values; i++)
    if (flags & klass->values[i].value)
      {
        if (text->len > 0)
          g_string_append_c (text, ';');
        g_string_append (text, klass->values[i].value_nick);
      }
  return g_string_free (text, FALSE);
}

gboolean
aftercare_flags_from_string (GType       flags_type,
                             const char *text,
                             guint      *flags,
                             char      **bad_key)
{
  g_autoptr(GFlagsClass) klass = NULL;
  guint result = 0;

  if (text == NULL || *text == '\0')
    {
      if (flags != NULL)
        *flags = 0;
      return TRUE;
    }
  /* Key by key, without splitting the text into a list first: exports and
   * the list read one of these per row. */
  klass = g_type_class_ref (flags_type);
  for (const char *p = text;;)
    {
      const char *end = strchr (p, ';');
      g_autofree char *key = g_strndup (p, end != NULL ? (gsize) (end - p) : strlen (p));

      if (!flag_from_key (klass, g_strstrip (key), &result))
        {
          if (bad_key != NULL)
            *bad_key = g_steal_pointer (&key);
          return FALSE;
        }
      if (end == NULL)
        break;
      p = end + 1;
    }
  if (flags != NULL)
    *flags = result;
  return TRUE;
}
