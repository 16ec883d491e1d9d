/* aftercare-session-editor.h: the form that logs a massage or edits one, refusing bad values as you type. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "aftercare-clock.h"
#include "aftercare-session.h"
#include "aftercare-store.h"

G_BEGIN_DECLS

#define AFTERCARE_TYPE_SESSION_EDITOR (aftercare_session_editor_get_type ())
G_DECLARE_FINAL_TYPE (AftercareSessionEditor, aftercare_session_editor, AFTERCARE, SESSION_EDITOR, AdwWindow)

/* session NULL logs a new massage; otherwise that session is edited (the
 * editor works on a copy and writes it through the store on Save). Signal
 * "saved" (AftercareSession *session) after the store took it; the editor
 * then closes. The action "editor.save" is enabled only while every field
 * holds a good value. */
AftercareSessionEditor *aftercare_session_editor_new (AftercareStore   *store,
                                                      AftercareClock   *clock,
                                                      AftercareSession *session);

G_END_DECLS
