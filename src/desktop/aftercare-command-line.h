/* aftercare-command-line.h: the command line at the program's edge: what the desktop says, then the core's answer. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Answers the options that need no window (aftercare_cli_handle()), told
 * the time, taken once now, and what the desktop's settings say. Returns
 * an exit status, or -1 when the window should open (then *db_path, if
 * set, is the database it uses; the caller frees it). */
int aftercare_command_line_answer (GVariantDict  *options,
                                   char         **db_path);

G_END_DECLS
