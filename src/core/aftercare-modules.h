/* aftercare-modules.h: finding and opening Aftercare's own loadable modules (the window, the PostgreSQL backend). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gmodule.h>

G_BEGIN_DECLS

/* Opens the module "libNAME.so" and finds symbol in it. The folder is
 * $AFTERCARE_MODULE_DIR when set (tests), the build folder for a program
 * run from it, else the installed one, found from the executable
 * ($libdir/aftercare beside $bindir), so a staged install works too.
 * Opened once, and never closed. The error is
 * AFTERCARE_STORE_ERROR_FAILED, naming the file. */
gpointer aftercare_module_lookup (const char  *name,
                                  const char  *symbol,
                                  GError     **error);

G_END_DECLS
