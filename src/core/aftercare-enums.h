/* aftercare-enums.h: the domain's enumerations and flags, with their string keys. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Each value's GEnumValue/GFlagsValue nick is its key in the command line,
 * the JSON backup and the CSV (DESIGN.md). */

typedef enum {
  AFTERCARE_MASSAGE_SWEDISH,
  AFTERCARE_MASSAGE_DEEP_TISSUE,
  AFTERCARE_MASSAGE_TRIGGER_POINT,
  AFTERCARE_MASSAGE_MYOFASCIAL_RELEASE,
  AFTERCARE_MASSAGE_SPORTS,
  AFTERCARE_MASSAGE_THAI,
  AFTERCARE_MASSAGE_LYMPHATIC_DRAINAGE,
  AFTERCARE_MASSAGE_HOT_STONE,
} AftercareMassageType;
#define AFTERCARE_N_MASSAGE_TYPES 8

typedef enum {
  AFTERCARE_PRESSURE_LIGHT,
  AFTERCARE_PRESSURE_MODERATE,
  AFTERCARE_PRESSURE_DEEP,
} AftercarePressure;
/* A pressure nobody chose yet: a new session's, the forms' first choice. */
#define AFTERCARE_PRESSURE_DEFAULT AFTERCARE_PRESSURE_MODERATE

typedef enum {
  AFTERCARE_SYMPTOM_NONE             = 0,
  AFTERCARE_SYMPTOM_HEAVINESS        = 1 << 0,
  AFTERCARE_SYMPTOM_BRUISING         = 1 << 1,
  AFTERCARE_SYMPTOM_SWELLING         = 1 << 2,
  AFTERCARE_SYMPTOM_SHARP_PAIN       = 1 << 3,
  AFTERCARE_SYMPTOM_RADIATING_PAIN   = 1 << 4,
  AFTERCARE_SYMPTOM_PINS_AND_NEEDLES = 1 << 5,
  AFTERCARE_SYMPTOM_NUMBNESS         = 1 << 6,
  AFTERCARE_SYMPTOM_REDUCED_RANGE    = 1 << 7,
  AFTERCARE_SYMPTOM_ALTERED_STRIDE   = 1 << 8,
  AFTERCARE_SYMPTOM_FEVER            = 1 << 9,
  AFTERCARE_SYMPTOM_DIZZINESS        = 1 << 10,
  AFTERCARE_SYMPTOM_NAUSEA           = 1 << 11,
  AFTERCARE_SYMPTOM_UNUSUAL_FATIGUE  = 1 << 12,
  AFTERCARE_SYMPTOM_HEADACHE         = 1 << 13,
} AftercareSymptoms;

/* Symptom groups the advisor's rules speak of. */
#define AFTERCARE_SYMPTOMS_NERVE_OR_INJURY \
  (AFTERCARE_SYMPTOM_SHARP_PAIN | AFTERCARE_SYMPTOM_RADIATING_PAIN | \
   AFTERCARE_SYMPTOM_PINS_AND_NEEDLES | AFTERCARE_SYMPTOM_NUMBNESS)
#define AFTERCARE_SYMPTOMS_SYSTEMIC \
  (AFTERCARE_SYMPTOM_FEVER | AFTERCARE_SYMPTOM_DIZZINESS | AFTERCARE_SYMPTOM_NAUSEA | \
   AFTERCARE_SYMPTOM_UNUSUAL_FATIGUE | AFTERCARE_SYMPTOM_HEADACHE)
#define AFTERCARE_SYMPTOMS_TISSUE \
  (AFTERCARE_SYMPTOM_HEAVINESS | AFTERCARE_SYMPTOM_BRUISING | AFTERCARE_SYMPTOM_SWELLING | \
   AFTERCARE_SYMPTOM_REDUCED_RANGE | AFTERCARE_SYMPTOM_ALTERED_STRIDE)

typedef enum {
  AFTERCARE_AREA_NONE        = 0,
  AFTERCARE_AREA_NECK        = 1 << 0,
  AFTERCARE_AREA_SHOULDERS   = 1 << 1,
  AFTERCARE_AREA_UPPER_BACK  = 1 << 2,
  AFTERCARE_AREA_LOWER_BACK  = 1 << 3,
  AFTERCARE_AREA_CHEST       = 1 << 4,
  AFTERCARE_AREA_ARMS        = 1 << 5,
  AFTERCARE_AREA_HANDS       = 1 << 6,
  AFTERCARE_AREA_GLUTES      = 1 << 7,
  AFTERCARE_AREA_HIPS        = 1 << 8,
  AFTERCARE_AREA_QUADRICEPS  = 1 << 9,
  AFTERCARE_AREA_HAMSTRINGS  = 1 << 10,
  AFTERCARE_AREA_CALVES      = 1 << 11,
  AFTERCARE_AREA_FEET        = 1 << 12,
  AFTERCARE_AREA_WHOLE_BODY  = 1 << 13,
} AftercareAreas;

/* Ordered from least to most severe: the most severe verdict wins, so
 * comparing values compares severity. */
typedef enum {
  AFTERCARE_VERDICT_TRAIN,
  AFTERCARE_VERDICT_EASY_RUN,
  AFTERCARE_VERDICT_WAIT,
  AFTERCARE_VERDICT_REST,
  AFTERCARE_VERDICT_SEEK_CARE,
} AftercareVerdict;

typedef enum {
  AFTERCARE_PHASE_FIRST_HOURS,   /* 0-4h */
  AFTERCARE_PHASE_SETTLING,      /* 4-12h */
  AFTERCARE_PHASE_FIRST_RUN,     /* 12-24h */
  AFTERCARE_PHASE_FADING,        /* 24-48h */
  AFTERCARE_PHASE_CHECK,         /* 48h+ */
} AftercarePhase;
#define AFTERCARE_N_PHASES 5

typedef enum {
  AFTERCARE_PLANNED_RUN_EASY,
  AFTERCARE_PLANNED_RUN_STEADY,
  AFTERCARE_PLANNED_RUN_HARD,
} AftercarePlannedRun;

GType aftercare_massage_type_get_type (void) G_GNUC_CONST;
GType aftercare_pressure_get_type     (void) G_GNUC_CONST;
GType aftercare_symptoms_get_type     (void) G_GNUC_CONST;
GType aftercare_areas_get_type        (void) G_GNUC_CONST;
GType aftercare_verdict_get_type      (void) G_GNUC_CONST;
GType aftercare_phase_get_type        (void) G_GNUC_CONST;
GType aftercare_planned_run_get_type  (void) G_GNUC_CONST;

#define AFTERCARE_TYPE_MASSAGE_TYPE (aftercare_massage_type_get_type ())
#define AFTERCARE_TYPE_PRESSURE     (aftercare_pressure_get_type ())
#define AFTERCARE_TYPE_SYMPTOMS     (aftercare_symptoms_get_type ())
#define AFTERCARE_TYPE_AREAS        (aftercare_areas_get_type ())
#define AFTERCARE_TYPE_VERDICT      (aftercare_verdict_get_type ())
#define AFTERCARE_TYPE_PHASE        (aftercare_phase_get_type ())
#define AFTERCARE_TYPE_PLANNED_RUN  (aftercare_planned_run_get_type ())

/* Keys <-> values for any enum type above. */
const char *aftercare_enum_to_key   (GType enum_type, int value);
gboolean    aftercare_enum_from_key (GType enum_type, const char *key, int *value);

/* Flags <-> a NULL-terminated array of keys, in bit order. On failure
 * *bad_key (if not NULL) points at the offending key inside keys. */
char      **aftercare_flags_to_keys   (GType flags_type, guint flags);
gboolean    aftercare_flags_from_keys (GType flags_type, const char * const *keys,
                                       guint *flags, const char **bad_key);
/* Flags <-> keys joined with ';' (CSV). An empty string is no flags. */
char       *aftercare_flags_to_string   (GType flags_type, guint flags);
gboolean    aftercare_flags_from_string (GType flags_type, const char *text,
                                         guint *flags, char **bad_key);

/* Convenience, e.g. aftercare_massage_type_to_key (AFTERCARE_MASSAGE_THAI) == "thai". */
#define aftercare_massage_type_to_key(v) aftercare_enum_to_key (AFTERCARE_TYPE_MASSAGE_TYPE, (v))
#define aftercare_pressure_to_key(v)     aftercare_enum_to_key (AFTERCARE_TYPE_PRESSURE, (v))
#define aftercare_verdict_to_key(v)      aftercare_enum_to_key (AFTERCARE_TYPE_VERDICT, (v))
#define aftercare_phase_to_key(v)        aftercare_enum_to_key (AFTERCARE_TYPE_PHASE, (v))
#define aftercare_planned_run_to_key(v)  aftercare_enum_to_key (AFTERCARE_TYPE_PLANNED_RUN, (v))

G_END_DECLS
