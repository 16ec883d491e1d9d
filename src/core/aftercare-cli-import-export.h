/* aftercare-cli-import-export.h: aftercare --import FILE and --export FILE, with no display. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "aftercare-time-source.h"

G_BEGIN_DECLS

/* Imports path (a JSON backup, or CSV if it ends in .csv) into the
 * database at location, all or nothing, and says how much came in.
 * time_source stamps what is written (and the 12/24-hour clock of its
 * messages). Returns the exit status: 0 imported, 2 bad input (an unreadable file,
 * a bad line), 1 the database or the file system failed. */
int aftercare_cli_import_run (const char          *location,
                              AftercareTimeSource *time_source,
                              const char          *path);
/* Exports the existing database at location to path (CSV if it ends in
 * .csv, else a JSON backup); never creates a database, never writes over
 * the database file itself. Exit status as above. */
int aftercare_cli_export_run (const char          *location,
                              AftercareTimeSource *time_source,
                              const char          *path);

G_END_DECLS
