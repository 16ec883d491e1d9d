/* aftercare-pg-schema.h: the clinic database's tables: their layout, its migrations, and why a desk may only read. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <libpq-fe.h>

G_BEGIN_DECLS

/* The layout of the tables this build reads and writes: the version in the
 * server's aftercare.aftercare_schema table. Each layout also records the
 * oldest Aftercare that may write to it (min_app_version, as
 * aftercare_pg_schema_get_app_version() counts). */
#define AFTERCARE_PG_SCHEMA_VERSION 2

/* Checks the tables on conn and gets them ready:
 * - none yet, or an older layout: created or migrated forward, all steps
 *   in one transaction under an advisory lock, when may_migrate and the
 *   account may (the database's owner); else AFTERCARE_STORE_ERROR_NOT_SET_UP
 *   saying so;
 * - a newer layout: never migrated; used as it is.
 * On success *read_only_reason says why this desk may not write (this build
 * is older than the layout's oldest writer, or the account may only read),
 * or is NULL. */
gboolean aftercare_pg_schema_prepare         (PGconn    *conn,
                                              gboolean   may_migrate,
                                              char     **read_only_reason,
                                              GError   **error);

/* This build's version as one number: major * 10000 + minor * 100 + micro
 * (0.1.0 is 100). */
int      aftercare_pg_schema_get_app_version (void);

G_END_DECLS
