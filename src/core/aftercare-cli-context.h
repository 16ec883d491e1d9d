/* aftercare-cli-context.h: what the program's edge tells the command-line actions. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "aftercare-time-source.h"

G_BEGIN_DECLS

/* What the program's edge knows and tells the command line: the core
 * never reads the clock or the settings itself. */
typedef struct
{
  /* The time, taken once as the program starts, and the 12/24-hour clock. */
  AftercareTimeSource *time_source;
  /* Set in Preferences: the clinic's name and how to reach it ("" for none). */
  const char          *clinic_name;
  const char          *clinic_contact;
  /* The shared clinic database chosen there (NULL for none), used when --db
   * is not given; else the default file. */
  const char          *shared_location;
} AftercareCliContext;

G_END_DECLS
