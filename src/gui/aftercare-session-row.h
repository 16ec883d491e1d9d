/* aftercare-session-row.h: one massage in the sessions list: what, when, latest soreness and today's verdict. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "aftercare-clock.h"
#include "aftercare-enums.h"
#include "aftercare-session.h"
#include "aftercare-store.h"

G_BEGIN_DECLS

#define AFTERCARE_TYPE_SESSION_ROW (aftercare_session_row_get_type ())
G_DECLARE_FINAL_TYPE (AftercareSessionRow, aftercare_session_row, AFTERCARE, SESSION_ROW, GtkBox)

/* A row for the list's factory; it is recycled: set_session binds it to
 * another session, NULL unbinds it. Check-ins are read only while the row
 * is on screen (mapped), and its verdict is kept current while it is. */
GtkWidget        *aftercare_session_row_new          (AftercareStore   *store,
                                                      AftercareClock   *clock);
AftercareSession *aftercare_session_row_get_session  (AftercareSessionRow *self);
void              aftercare_session_row_set_session  (AftercareSessionRow *self,
                                                      AftercareSession    *session);
/* The verdict the badge shows for now, for an easy planned run. */
AftercareVerdict  aftercare_session_row_get_verdict  (AftercareSessionRow *self);

G_END_DECLS
