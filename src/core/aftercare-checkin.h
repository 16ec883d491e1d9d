/* aftercare-checkin.h: how a person felt at one moment after a session. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "aftercare-enums.h"

G_BEGIN_DECLS

#define AFTERCARE_SORENESS_MAX 10

#define AFTERCARE_TYPE_CHECKIN (aftercare_checkin_get_type ())
G_DECLARE_FINAL_TYPE (AftercareCheckin, aftercare_checkin, AFTERCARE, CHECKIN, GObject)

/* A new check-in with a fresh random UUID. */
AftercareCheckin  *aftercare_checkin_new            (const char        *session_id,
                                                     GDateTime         *at,
                                                     guint              soreness,
                                                     AftercareSymptoms  symptoms);
AftercareCheckin  *aftercare_checkin_copy           (AftercareCheckin *self);
gboolean           aftercare_checkin_equal          (AftercareCheckin *a,
                                                     AftercareCheckin *b);

const char        *aftercare_checkin_get_id         (AftercareCheckin *self);
void               aftercare_checkin_set_id         (AftercareCheckin *self, const char *id);
const char        *aftercare_checkin_get_session_id (AftercareCheckin *self);
void               aftercare_checkin_set_session_id (AftercareCheckin *self, const char *session_id);
GDateTime         *aftercare_checkin_get_at         (AftercareCheckin *self);
void               aftercare_checkin_set_at         (AftercareCheckin *self, GDateTime *at);
guint              aftercare_checkin_get_soreness   (AftercareCheckin *self);
void               aftercare_checkin_set_soreness   (AftercareCheckin *self, guint soreness);
AftercareSymptoms  aftercare_checkin_get_symptoms   (AftercareCheckin *self);
void               aftercare_checkin_set_symptoms   (AftercareCheckin *self, AftercareSymptoms symptoms);
const char        *aftercare_checkin_get_notes      (AftercareCheckin *self);
void               aftercare_checkin_set_notes      (AftercareCheckin *self, const char *notes);

/* The version of the stored row this object was read from (0 when it was
 * never stored): the store counts it up with every saved edit, and refuses
 * (AFTERCARE_STORE_ERROR_CONFLICT) to save an edit made to an older version,
 * so that a change made at another desk is never overwritten. Not one of
 * the values aftercare_checkin_equal() compares, and not exported. */
gint64             aftercare_checkin_get_version    (AftercareCheckin *self);
void               aftercare_checkin_set_version    (AftercareCheckin *self, gint64 version);

G_END_DECLS
