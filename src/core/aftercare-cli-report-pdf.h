/* aftercare-cli-report-pdf.h: aftercare --report SESSION_ID [--same-kind N] --output FILE.pdf, the report for the therapist, with no display. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "aftercare-cli-context.h"

G_BEGIN_DECLS

/* Writes the report on options' "report" session (and, with "same-kind"
 * N, the massages of its kind before it, N in all) to its "output" PDF,
 * reading "db" and "paper" when given; a session that names a client
 * reports on that client's massages only. The report is for context's
 * time, with its 12/24-hour clock; its database is "db" if given, else
 * configured_location. Returns the exit status: 0 written, 2 bad input
 * (unknown session, no --output, a bad value; one line on standard error
 * naming it), 1 the database or the file system failed. */
int aftercare_cli_report_pdf_run (GVariantDict              *options,
                                  const AftercareCliContext *context,
                                  const char                *configured_location);

G_END_DECLS
