/* aftercare-store-error-page.h: says plainly why the log cannot be opened, and offers to start fresh. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "aftercare-clinic-mode.h"

G_BEGIN_DECLS

#define AFTERCARE_TYPE_STORE_ERROR_PAGE (aftercare_store_error_page_get_type ())
G_DECLARE_FINAL_TYPE (AftercareStoreErrorPage, aftercare_store_error_page, AFTERCARE, STORE_ERROR_PAGE, GtkBox)

/* error is what aftercare_store_open() said about the database at
 * location. Only a damaged database or one from a newer Aftercare can be
 * set aside: then "store-error.start-fresh" asks first, moves the file to a
 * backup beside it (never deletes it) and emits "started-fresh" (const
 * char *backup_path). Other errors (a folder that cannot be written, …)
 * are only explained. For a shared database on a server (which is never
 * set aside from here), "store-error.try-again" emits "try-again" for the
 * window to open it again, unless the address itself is wrong. */
GtkWidget *aftercare_store_error_page_new (const char   *location,
                                           const GError *error);
/* While clinic_mode is locked (with a staff PIN), starting fresh goes to
 * the window's "win.start-fresh", which asks for the PIN and comes back. */
void       aftercare_store_error_page_set_clinic_mode (AftercareStoreErrorPage *self,
                                                       AftercareClinicMode     *clinic_mode);

G_END_DECLS
