/* aftercare-window.h: the main window: a view switcher over the three places. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "aftercare-application.h"
#include "aftercare-clock.h"
#include "aftercare-store.h"

G_BEGIN_DECLS

#define AFTERCARE_TYPE_WINDOW (aftercare_window_get_type ())
G_DECLARE_FINAL_TYPE (AftercareWindow, aftercare_window, AFTERCARE, WINDOW, AdwApplicationWindow)

AftercareWindow *aftercare_window_new       (AftercareApplication *application);
/* The store the window opened (--db, or the default location), or NULL
 * while it cannot be opened (the window then says why). */
AftercareStore  *aftercare_window_get_store (AftercareWindow *self);
/* The time for every view; tests set it. */
AftercareClock  *aftercare_window_get_clock (AftercareWindow *self);

G_END_DECLS
