/* aftercare-cli-sheet.h: aftercare --sheet SESSION_ID --output FILE.pdf, with no display. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "aftercare-cli-context.h"

G_BEGIN_DECLS

/* Writes the sheet of options' "sheet" session to its "output" PDF,
 * reading "db", "clinic-name", "planned-run" and "paper" when given. The
 * sheet is for context's time, with its 12/24-hour clock and clinic
 * contact; its clinic name is "clinic-name" if given, else context's; its
 * database is "db" if given, else configured_location.
 * Returns the exit status: 0 written, 2 bad input (unknown session, no
 * --output, a bad option value; one line on standard error naming it),
 * 1 the database or the file system failed. */
int aftercare_cli_sheet_run (GVariantDict              *options,
                             const AftercareCliContext *context,
                             const char                *configured_location);

G_END_DECLS
