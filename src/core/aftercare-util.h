/* aftercare-util.h: small helpers the core's classes share (setters that report change). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Replaces *field with a copy of value; TRUE when it changed. */
gboolean aftercare_set_string    (char **field, const char *value);
/* Replaces *field with a reference to value; TRUE when the instant or the
 * offset changed (a time keeps the offset it was entered with). */
gboolean aftercare_set_date_time (GDateTime **field, GDateTime *value);
/* Same instant and same offset (NULL equals only NULL). */
gboolean aftercare_date_time_identical (GDateTime *a, GDateTime *b);

/* Opens file to be written privately (mode 0600): the text goes beside
 * it and replaces it only when the stream closes successfully. *existed
 * says whether the file was there, for aftercare_output_abandon(). */
GOutputStream *aftercare_output_replace_private (GFile *file, gboolean *existed, GError **error);
/* Closes stream without replacing anything; a file that was not there
 * before is removed, so no half-written file stays behind. */
void           aftercare_output_abandon         (GOutputStream *stream, GFile *file, gboolean existed);

/* A path in folder for a new file named stem + extension (".pdf"), or
 * "stem (2).pdf", "stem (3).pdf" … when that is taken: never an existing
 * file's. */
char          *aftercare_unique_path            (const char *folder, const char *stem, const char *extension);

/* number in decimal, with no printf (exports and imports write one for
 * each of a hundred thousand rows): written at the end of buffer, where
 * it starts is returned and its length is *length. */
#define AFTERCARE_UINT_DIGITS 16
const char    *aftercare_uint_digits            (guint number, char buffer[AFTERCARE_UINT_DIGITS], gsize *length);
/* The same appended to string. */
void           aftercare_string_append_uint     (GString *string, guint number);
G_END_DECLS
