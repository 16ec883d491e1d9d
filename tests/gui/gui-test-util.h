/* gui-test-util.h: what the interface tests share. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Runs the main loop for ms milliseconds: windows lay out and draw (a
 * warning while drawing fails the test), timers fire, the bus answers. */
void gui_test_run_loop (guint ms);

G_END_DECLS
