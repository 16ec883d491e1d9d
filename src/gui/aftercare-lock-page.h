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
/* Empties the PIN field and the error, and says why staff are asked (NULL
 * for the usual words). */
void aftercare_lock_page_reset           (AftercareLockPage *self,
                                          const char        *reason);
void aftercare_lock_page_focus           (AftercareLockPage *self);

G_END_DECLS
