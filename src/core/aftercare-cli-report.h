/* aftercare-cli-report.h: how a command-line action says it failed: one line on standard error, and an exit status. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Prints "aftercare: message" as one line on standard error (line breaks,
 * from a file name say, become spaces) and returns status: 2 for bad
 * input, 1 for the file system or the database (README, "Command line"). */
int aftercare_cli_fail         (int           status,
                                const char   *message);
/* Bad input on the command line: the formatted message, status 2. */
int aftercare_cli_refuse       (const char   *format,
                                ...) G_GNUC_PRINTF (1, 2);
/* A failure from the store: status 2 when the input was at fault (a
 * password in --db, an import that conflicts), else 1. */
int aftercare_cli_report_error (const GError *error);

G_END_DECLS
