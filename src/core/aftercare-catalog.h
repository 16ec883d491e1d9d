/* aftercare-catalog.h: the eight massage types, how each is done and how sore it tends to leave you. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "aftercare-enums.h"

G_BEGIN_DECLS

/* Soreness likelihood, 0 to 3 for a level bar: none is never used for a type. */
typedef enum {
  AFTERCARE_LIKELIHOOD_UNLIKELY = 1,
  AFTERCARE_LIKELIHOOD_POSSIBLE = 2,
  AFTERCARE_LIKELIHOOD_LIKELY   = 3,
} AftercareLikelihood;

#define AFTERCARE_TYPE_MASSAGE_KIND (aftercare_massage_kind_get_type ())
G_DECLARE_FINAL_TYPE (AftercareMassageKind, aftercare_massage_kind, AFTERCARE, MASSAGE_KIND, GObject)

/* Read-only properties, all text translated: "massage-type" (enum), "key",
 * "name", "technique", "pressure-text", "likelihood" (uint 1–3),
 * "likelihood-text" ("Unlikely", "Possible", "Likely"), "duration-text"
 * (how long soreness usually lasts), "tell-therapist". */
AftercareMassageType  aftercare_massage_kind_get_massage_type    (AftercareMassageKind *self);
const char           *aftercare_massage_kind_get_key             (AftercareMassageKind *self);
const char           *aftercare_massage_kind_get_name            (AftercareMassageKind *self);
const char           *aftercare_massage_kind_get_technique       (AftercareMassageKind *self);
const char           *aftercare_massage_kind_get_pressure_text   (AftercareMassageKind *self);
AftercarePressure     aftercare_massage_kind_get_typical_pressure (AftercareMassageKind *self);
AftercareLikelihood   aftercare_massage_kind_get_likelihood      (AftercareMassageKind *self);
const char           *aftercare_massage_kind_get_likelihood_text (AftercareMassageKind *self);
const char           *aftercare_massage_kind_get_duration_text   (AftercareMassageKind *self);
const char           *aftercare_massage_kind_get_tell_therapist  (AftercareMassageKind *self);
/* Whether every word of search begins a word of what the reference says
 * about the kind (its name, technique, pressure, soreness, advice), ignoring
 * case and accents: "relax" finds Swedish. An empty search matches. */
gboolean              aftercare_massage_kind_matches             (AftercareMassageKind *self,
                                                                  const char           *search);

/* A new list of the eight kinds in the order of AftercareMassageType. */
GListModel           *aftercare_catalog_new                      (void);
/* The kind for one type (a shared instance; do not unref). */
AftercareMassageKind *aftercare_catalog_lookup                   (AftercareMassageType type);
/* Translated display name, e.g. "Deep tissue". */
const char           *aftercare_massage_type_get_name            (AftercareMassageType type);
const char           *aftercare_pressure_get_name                (AftercarePressure pressure);

G_END_DECLS
