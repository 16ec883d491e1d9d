/* aftercare-moments.h: check-ins made at the same instant are one moment (DESIGN.md, "Check-ins at the same instant"). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "aftercare-checkin.h"

G_BEGIN_DECLS

/* The check-ins (any order; NULL for none) as moments, oldest first, a new
 * array of AftercareCheckin: one per instant. A check-in alone at its
 * instant is itself; two or more at the same instant (whatever their time
 * zones, their order or their ids) become one new check-in with the
 * highest soreness, every symptom any of them reported, and their notes
 * joined, so the order of rows in a file or a table never changes what
 * the advisor, the timeline or the sheet reads. */
GPtrArray *aftercare_checkins_to_moments (GPtrArray *checkins);

G_END_DECLS
