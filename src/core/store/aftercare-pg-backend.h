/* aftercare-pg-backend.h: the store's rows on a shared PostgreSQL server, through libpq (the only place with its SQL). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "aftercare-store-backend.h"

G_BEGIN_DECLS

/* The layout of the tables this build reads and writes: the version in the
 * server's aftercare.aftercare_schema table. Each layout also records the
 * oldest Aftercare that may write to it (min_app_version, as
 * aftercare_pg_backend_get_app_version() counts). */
#define AFTERCARE_PG_SCHEMA_VERSION 1

/* The channel other desks' changes are announced on; the payload is the
 * session's id, or "*" when too many sessions changed at once to name. */
#define AFTERCARE_PG_CHANNEL "aftercare_changes"

#define AFTERCARE_TYPE_PG_BACKEND (aftercare_pg_backend_get_type ())
G_DECLARE_FINAL_TYPE (AftercarePgBackend, aftercare_pg_backend, AFTERCARE, PG_BACKEND, GObject)

/* Connects to the server at location (a libpq URI or connection string,
 * checked by aftercare_pg_check_location()) and gets the tables ready:
 * - none yet, or an older layout: created or migrated forward, all steps
 *   in one transaction under an advisory lock, when the account may (the
 *   database's owner); else AFTERCARE_STORE_ERROR_NOT_SET_UP saying so;
 * - a newer layout: never migrated; used as it is, read-only when this
 *   build is older than the oldest Aftercare that may write to it;
 * - an account that may only read: read-only.
 * Then listens for other desks' changes (the "changed" signal) and, when
 * the connection is lost, reconnects by itself with growing pauses, from
 * the thread-default main context of the caller. */
AftercarePgBackend *aftercare_pg_backend_open            (const char  *location,
                                                          GError     **error);

/* Connects and checks the tables as opening would, but changes nothing:
 * TRUE when a store opened here could read and write. */
gboolean            aftercare_pg_backend_test            (const char  *location,
                                                          GError     **error);

/* This build's version as one number: major * 10000 + minor * 100 + micro
 * (0.1.0 is 100). */
int                 aftercare_pg_backend_get_app_version (void);

G_END_DECLS
