/* aftercare-cli.h: the command line's options, and which action (aftercare-cli-*.c) answers them. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "aftercare-time-source.h"

G_BEGIN_DECLS

/* Adds the command line's options (DESIGN.md, "Command line") to entries
 * handled by GApplication, so --help lists them. */
const GOptionEntry *aftercare_cli_get_option_entries (void);

/* Answers the options that need no window. The caller tells it what the
 * desktop knows: time_source, the time taken once as the program starts
 * and the 12/24-hour clock; clinic_name, the one set in Preferences ("" for
 * none); shared_location, the shared clinic database chosen there (NULL
 * for none), used when --db is not given (else the default file). Returns
 * an exit status, or -1 when the window should open (then *db_path, if set,
 * is the database the window uses; the caller frees it). */
int aftercare_cli_handle (GVariantDict         *options,
                          AftercareTimeSource  *time_source,
                          const char           *clinic_name,
                          const char           *shared_location,
                          char                **db_path);

G_END_DECLS
