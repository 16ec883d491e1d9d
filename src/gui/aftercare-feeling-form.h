/* aftercare-feeling-form.h: how you feel: the soreness scale and the symptoms, as the wizard and the check-in ask. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "aftercare-enums.h"

G_BEGIN_DECLS

#define AFTERCARE_TYPE_FEELING_FORM (aftercare_feeling_form_get_type ())
G_DECLARE_FINAL_TYPE (AftercareFeelingForm, aftercare_feeling_form, AFTERCARE, FEELING_FORM, GtkWidget)

/* Properties: "soreness" (0–10) and "symptoms" (AftercareSymptoms), each
 * notified when the person changes it. Focusing the form focuses the scale. */
GtkWidget         *aftercare_feeling_form_new               (void);
guint              aftercare_feeling_form_get_soreness      (AftercareFeelingForm *self);
void               aftercare_feeling_form_set_soreness      (AftercareFeelingForm *self,
                                                             guint                 soreness);
AftercareSymptoms  aftercare_feeling_form_get_symptoms      (AftercareFeelingForm *self);
void               aftercare_feeling_form_set_symptoms      (AftercareFeelingForm *self,
                                                             AftercareSymptoms     symptoms);
/* The check box of one symptom (a single flag), for keyboard handling. */
GtkWidget         *aftercare_feeling_form_get_symptom_check (AftercareFeelingForm *self,
                                                             AftercareSymptoms     symptom);

G_END_DECLS
