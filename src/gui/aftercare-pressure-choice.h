/* aftercare-pressure-choice.h: light, moderate or deep, as linked buttons: the one pressure choice of every form. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "aftercare-enums.h"

G_BEGIN_DECLS

#define AFTERCARE_TYPE_PRESSURE_CHOICE (aftercare_pressure_choice_get_type ())
G_DECLARE_FINAL_TYPE (AftercarePressureChoice, aftercare_pressure_choice, AFTERCARE, PRESSURE_CHOICE, GtkBox)

/* Property "pressure" (AftercarePressure, AFTERCARE_PRESSURE_DEFAULT until
 * set), which the buttons set through the property action
 * "choice.pressure"; "use-underline": the buttons' labels carry mnemonics
 * (where the form has no others on their letters). */
GtkWidget         *aftercare_pressure_choice_new        (void);
AftercarePressure  aftercare_pressure_choice_get_pressure (AftercarePressureChoice *self);
void               aftercare_pressure_choice_set_pressure (AftercarePressureChoice *self,
                                                           AftercarePressure        pressure);
/* The button of one pressure, for keyboard handling. */
GtkWidget         *aftercare_pressure_choice_get_button (AftercarePressureChoice *self,
                                                         AftercarePressure        pressure);

G_END_DECLS
