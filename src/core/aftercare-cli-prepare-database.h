/* aftercare-cli-prepare-database.h: aftercare --prepare-database, with no display. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "aftercare-time-source.h"

G_BEGIN_DECLS

/* Opens the database at location, which creates or updates its tables,
 * and says it is ready. Returns the exit status: 0 ready, 2 bad input,
 * 1 the database failed or may only be read. */
int aftercare_cli_prepare_database_run (const char          *location,
                                        AftercareTimeSource *time_source);

G_END_DECLS
