/* aftercare-connection-bar.h: a bar at the top of the window while the clinic database is out of reach, or read-only. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "aftercare-store.h"

G_BEGIN_DECLS

#define AFTERCARE_TYPE_CONNECTION_BAR (aftercare_connection_bar_get_type ())
G_DECLARE_FINAL_TYPE (AftercareConnectionBar, aftercare_connection_bar, AFTERCARE, CONNECTION_BAR, GtkWidget)

/* Follows the store's "connected" and "read-only": while the connection
 * to a shared database is lost it says so (the store reconnects by itself,
 * and nothing typed elsewhere in the window is cleared); when the store is
 * read-only it says why. Otherwise it is hidden. No store: hidden. */
GtkWidget      *aftercare_connection_bar_new       (void);
AftercareStore *aftercare_connection_bar_get_store (AftercareConnectionBar *self);
void            aftercare_connection_bar_set_store (AftercareConnectionBar *self,
                                                    AftercareStore         *store);
/* Whether the bar is showing (for tests and the window). */
gboolean        aftercare_connection_bar_get_revealed (AftercareConnectionBar *self);

G_END_DECLS
