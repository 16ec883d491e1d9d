/* aftercare-pg-backend.h: the store's rows on a shared PostgreSQL server, through libpq (the only place with its SQL). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "aftercare-pg-schema.h"
#include "aftercare-store-backend.h"

G_BEGIN_DECLS

/* The channel other desks' changes are announced on; the payload is the
 * session's id, or "*" when too many sessions changed at once to name. */
#define AFTERCARE_PG_CHANNEL "aftercare_changes"

#define AFTERCARE_TYPE_PG_BACKEND (aftercare_pg_backend_get_type ())
G_DECLARE_FINAL_TYPE (AftercarePgBackend, aftercare_pg_backend, AFTERCARE, PG_BACKEND, GObject)

/* Connects to the server at location (a libpq URI or connection string,
 * checked by aftercare_pg_check_location()) and gets the tables ready
 * (aftercare_pg_schema_prepare(), migrating when needed and allowed); read-only
 * when the schema gives a reason.
 * Then listens for other desks' changes (the "changed" signal) and, when
 * the connection is lost, reconnects by itself with growing pauses, from
 * the thread-default main context of the caller. */
AftercarePgBackend *aftercare_pg_backend_open            (const char           *location,
                                                          AftercareTimeSource  *time_source,
                                                          GError              **error);

/* Connects and checks the tables as opening would, but changes nothing:
 * TRUE when a store opened here could read and write. */
gboolean            aftercare_pg_backend_test            (const char  *location,
                                                          GError     **error);

G_END_DECLS
