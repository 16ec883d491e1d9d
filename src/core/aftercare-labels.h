/* aftercare-labels.h: the words for verdicts, symptoms, areas and soreness that the window and the sheet share, translated. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "aftercare-enums.h"

G_BEGIN_DECLS

const char *aftercare_verdict_get_title       (AftercareVerdict verdict);   /* "Rest today" */
const char *aftercare_verdict_get_description (AftercareVerdict verdict);   /* one sentence */
/* One word or two for a badge ("Rest", "Easy run"). */
const char *aftercare_verdict_get_badge_label (AftercareVerdict verdict);
const char *aftercare_symptom_get_title       (AftercareSymptoms symptom);  /* "Heavy legs" */
const char *aftercare_symptom_get_description (AftercareSymptoms symptom);  /* one line */
/* The symptoms as they read inside a sentence, in bit order: "sharp pain
 * and numbness", "fever, nausea and a headache"; "" for none. */
char       *aftercare_symptoms_to_phrase      (AftercareSymptoms symptoms);
/* Symptom titles joined with commas ("Heavy legs, Bruising"), or NULL for none. */
char       *aftercare_symptoms_to_list        (AftercareSymptoms symptoms);
/* "Calves", "Whole body": one area treated. */
const char *aftercare_area_get_title          (AftercareAreas area);
/* Area titles joined with commas ("Calves, Hamstrings"), or NULL for none. */
char       *aftercare_areas_to_list           (AftercareAreas areas);
/* "Deep tissue · deep pressure", a session's title in lists and headers. */
char       *aftercare_massage_get_title       (AftercareMassageType type,
                                               AftercarePressure    pressure);
/* "Soreness 4 — above mild": band word for 0 / 1–2 / 3–4 / 5–10. */
const char *aftercare_soreness_get_band       (guint soreness);
/* The soreness as a soreness control reads it out and shows it: "4, Above mild". */
char       *aftercare_soreness_to_value_text  (guint soreness);
/* The not-medical-advice line shown beside every verdict. */
const char *aftercare_disclaimer              (void);

G_END_DECLS
