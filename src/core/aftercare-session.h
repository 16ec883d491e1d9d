/* aftercare-session.h: one massage session, as logged or entered in the wizard. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "aftercare-enums.h"

G_BEGIN_DECLS

#define AFTERCARE_TYPE_SESSION (aftercare_session_get_type ())
G_DECLARE_FINAL_TYPE (AftercareSession, aftercare_session, AFTERCARE, SESSION, GObject)

/* A new session with a fresh random UUID, ended at ended_at. */
AftercareSession     *aftercare_session_new                  (GDateTime *ended_at);
AftercareSession     *aftercare_session_copy                 (AftercareSession *self);
gboolean              aftercare_session_equal                (AftercareSession *a,
                                                              AftercareSession *b);

const char           *aftercare_session_get_id               (AftercareSession *self);
void                  aftercare_session_set_id               (AftercareSession *self, const char *id);
GDateTime            *aftercare_session_get_ended_at         (AftercareSession *self);
void                  aftercare_session_set_ended_at         (AftercareSession *self, GDateTime *ended_at);
guint                 aftercare_session_get_duration_minutes (AftercareSession *self);
void                  aftercare_session_set_duration_minutes (AftercareSession *self, guint minutes);
AftercareMassageType  aftercare_session_get_massage_type     (AftercareSession *self);
void                  aftercare_session_set_massage_type     (AftercareSession *self, AftercareMassageType type);
AftercarePressure     aftercare_session_get_pressure         (AftercareSession *self);
void                  aftercare_session_set_pressure         (AftercareSession *self, AftercarePressure pressure);
gboolean              aftercare_session_get_first_time       (AftercareSession *self);
void                  aftercare_session_set_first_time       (AftercareSession *self, gboolean first_time);
AftercareAreas        aftercare_session_get_areas            (AftercareSession *self);
void                  aftercare_session_set_areas            (AftercareSession *self, AftercareAreas areas);
const char           *aftercare_session_get_client           (AftercareSession *self);
void                  aftercare_session_set_client           (AftercareSession *self, const char *client);
const char           *aftercare_session_get_therapist        (AftercareSession *self);
void                  aftercare_session_set_therapist        (AftercareSession *self, const char *therapist);
const char           *aftercare_session_get_notes            (AftercareSession *self);
void                  aftercare_session_set_notes            (AftercareSession *self, const char *notes);

/* The version of the stored row this object was read from (0 when it was
 * never stored): the store counts it up with every saved edit, and refuses
 * (AFTERCARE_STORE_ERROR_CONFLICT) to save an edit made to an older version,
 * so that a change made at another desk is never overwritten. Not one of
 * the values aftercare_session_equal() compares, and not exported. */
gint64                aftercare_session_get_version          (AftercareSession *self);
void                  aftercare_session_set_version          (AftercareSession *self, gint64 version);

G_END_DECLS
