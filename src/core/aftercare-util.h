/* aftercare-util.h: small helpers the core's classes share (setters that report change). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Replaces *field with a copy of value; TRUE when it changed. */
gboolean aftercare_set_string    (char **field, const char *value);
/* Replaces *field with a reference to value; TRUE when the instant or the
 * offset changed (a time keeps the offset it was entered with). */
gboolean aftercare_set_date_time (GDateTime **field, GDateTime *value);
/* Same instant and same offset (NULL equals only NULL). */
gboolean aftercare_date_time_identical (GDateTime *a, GDateTime *b);

G_END_DECLS
