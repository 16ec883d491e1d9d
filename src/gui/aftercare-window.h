/* aftercare-window.h: the main window: a view switcher over the three places. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "aftercare-application.h"

G_BEGIN_DECLS

#define AFTERCARE_TYPE_WINDOW (aftercare_window_get_type ())
G_DECLARE_FINAL_TYPE (AftercareWindow, aftercare_window, AFTERCARE, WINDOW, AdwApplicationWindow)

AftercareWindow *aftercare_window_new (AftercareApplication *application);

G_END_DECLS
