/* aftercare-cli-sheet.h: aftercare --sheet SESSION_ID --output FILE.pdf, with no display. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "aftercare-time-source.h"

G_BEGIN_DECLS

/* Writes the sheet of options' "sheet" session to its "output" PDF,
 * reading "db", "clinic-name", "planned-run" and "paper" when given. The
 * sheet is for time_source's now, with its 12/24-hour clock; its clinic
 * name is "clinic-name" if given, else clinic_name ("" for none); its
 * database is "db" if given, else configured_location.
 * Returns the exit status: 0 written, 2 bad input (unknown session, no
 * --output, a bad option value; one line on standard error naming it),
 * 1 the database or the file system failed. */
int aftercare_cli_sheet_run (GVariantDict        *options,
                             AftercareTimeSource *time_source,
                             const char          *clinic_name,
                             const char          *configured_location);

G_END_DECLS
