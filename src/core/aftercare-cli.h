/* aftercare-cli.h: the command line's options, and which action (aftercare-cli-*.c) answers them. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "aftercare-cli-context.h"

G_BEGIN_DECLS

/* Adds the command line's options (DESIGN.md, "Command line") to entries
 * handled by GApplication, so --help lists them. */
const GOptionEntry *aftercare_cli_get_option_entries (void);

/* Answers the options that need no window, with what context says.
 * Returns an exit status, or -1 when the window should open (then
 * *db_path, if set, is the database the window uses; the caller frees it). */
int aftercare_cli_handle (GVariantDict               *options,
                          const AftercareCliContext  *context,
                          char                      **db_path);

G_END_DECLS
