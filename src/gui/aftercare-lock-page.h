/* aftercare-lock-page.h: what clinic mode shows instead of the sessions until staff enter the PIN. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "aftercare-clinic-mode.h"

G_BEGIN_DECLS

#define AFTERCARE_TYPE_LOCK_PAGE (aftercare_lock_page_get_type ())
G_DECLARE_FINAL_TYPE (AftercareLockPage, aftercare_lock_page, AFTERCARE, LOCK_PAGE, GtkWidget)

/* Property "clinic-mode": the AftercareClinicMode a right PIN unlocks. */
void aftercare_lock_page_set_clinic_mode (AftercareLockPage   *self,
                                          AftercareClinicMode *clinic_mode);
/* Empties the PIN field and the error; a right PIN opens the sessions. */
void aftercare_lock_page_reset           (AftercareLockPage *self);
/* Asks the PIN for something else: title (the headline) and reason (the
 * words under it) say what; a right PIN then activates action_name (as
 * "app.preferences", from this page). Replaces any earlier request. */
void aftercare_lock_page_ask             (AftercareLockPage *self,
                                          const char        *title,
                                          const char        *reason,
                                          const char        *action_name);
/* What a right PIN will activate; NULL for just the sessions. */
const char *aftercare_lock_page_get_action_name (AftercareLockPage *self);
void aftercare_lock_page_focus           (AftercareLockPage *self);

G_END_DECLS
