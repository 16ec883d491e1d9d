/* aftercare-checkin-dialog.h: how you feel now (or at another time): soreness, symptoms and a note. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "aftercare-checkin.h"
#include "aftercare-clock.h"
#include "aftercare-session.h"
#include "aftercare-store.h"

G_BEGIN_DECLS

#define AFTERCARE_TYPE_CHECKIN_DIALOG (aftercare_checkin_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AftercareCheckinDialog, aftercare_checkin_dialog, AFTERCARE, CHECKIN_DIALOG, AdwWindow)

/* A new check-in of session (checkin NULL), or an edit of checkin, which
 * then can also be deleted. Signals: "saved" (AftercareCheckin *) after
 * the store took it; "deleted" (AftercareCheckin *, a copy of what was
 * deleted, so the caller can offer to undo). The dialog closes after either.
 * Actions: "checkin.save" (enabled while every field is good), "checkin.delete". */
AftercareCheckinDialog *aftercare_checkin_dialog_new        (AftercareStore    *store,
                                                             AftercareClock    *clock,
                                                             AftercareSession  *session,
                                                             AftercareCheckin  *checkin);
/* Fills the form (the wizard passes what the person told it); at NULL is now. */
void                    aftercare_checkin_dialog_set_values (AftercareCheckinDialog *self,
                                                             guint                   soreness,
                                                             AftercareSymptoms       symptoms,
                                                             GDateTime              *at);

G_END_DECLS
