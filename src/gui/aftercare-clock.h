/* aftercare-clock.h: what time it is for the views, and whether the desktop shows 12- or 24-hour clocks. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define AFTERCARE_TYPE_CLOCK (aftercare_clock_get_type ())
G_DECLARE_FINAL_TYPE (AftercareClock, aftercare_clock, AFTERCARE, CLOCK, GObject)

/* A clock that reads the system time and follows the desktop's
 * org.gnome.desktop.interface clock-format (24-hour when that schema is
 * missing). Property "clock-24h" (read-only); signal "jumped" when
 * aftercare_clock_set_now() moves the clock, so views recompute.
 * It is the AftercareTimeSource the window hands to the core. */
AftercareClock *aftercare_clock_new         (void);
GDateTime      *aftercare_clock_get_now     (AftercareClock *self);
gboolean        aftercare_clock_get_24h     (AftercareClock *self);
/* From this moment on, the clock reads now and runs on from there at the
 * normal pace (for tests and demonstrations); NULL returns to the system time. */
void            aftercare_clock_set_now     (AftercareClock *self,
                                             GDateTime      *now);

/* Calls func once when the clock reads when (or soon after); returns the
 * source id for g_clear_handle_id. A time already past calls it at once,
 * from the main loop. */
guint           aftercare_clock_call_at     (AftercareClock  *self,
                                             GDateTime       *when,
                                             GSourceOnceFunc  func,
                                             gpointer         data);

G_END_DECLS
