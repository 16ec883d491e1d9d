/* aftercare-time-source.h: where the core learns what time it is and how people read clocks. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The core never reads the system clock or the desktop's settings itself:
 * whoever creates a store, a sheet or a command-line action hands it a time
 * source. The interface implements it with a clock that follows the system
 * time and the desktop's 12/24-hour choice (AftercareClock); tests and the
 * command line use a fixed one (AftercareFixedTime). */
#define AFTERCARE_TYPE_TIME_SOURCE (aftercare_time_source_get_type ())
G_DECLARE_INTERFACE (AftercareTimeSource, aftercare_time_source, AFTERCARE, TIME_SOURCE, GObject)

struct _AftercareTimeSourceInterface
{
  GTypeInterface parent_iface;

  GDateTime *(*now)           (AftercareTimeSource *self);
  gboolean   (*get_clock_24h) (AftercareTimeSource *self);
};

/* What time it is now (transfer full, never NULL). */
GDateTime *aftercare_time_source_now           (AftercareTimeSource *self);
/* Whether people read 24-hour clocks (TRUE) or 12-hour ones with AM/PM. */
gboolean   aftercare_time_source_get_clock_24h (AftercareTimeSource *self);

#define AFTERCARE_TYPE_FIXED_TIME (aftercare_fixed_time_get_type ())
G_DECLARE_FINAL_TYPE (AftercareFixedTime, aftercare_fixed_time, AFTERCARE, FIXED_TIME, GObject)

/* A time source that always reads now and clock_24h: a command-line run
 * takes the time once, when it starts; a test sets the time it needs. */
AftercareTimeSource *aftercare_fixed_time_new (GDateTime *now,
                                               gboolean   clock_24h);

G_END_DECLS
