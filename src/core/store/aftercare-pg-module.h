/* aftercare-pg-module.h: what the PostgreSQL module (libaftercare-pg.so, the only part linked to libpq) offers the store. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "aftercare-store-backend.h"
#include "aftercare-time-source.h"

G_BEGIN_DECLS

/* The module's name for aftercare_module_open(), and the symbol it exports. */
#define AFTERCARE_PG_MODULE_NAME   "aftercare-pg"
#define AFTERCARE_PG_MODULE_SYMBOL "aftercare_pg_module"

/* The store reaches a server through these only, so that a process that
 * keeps its log in a file never loads libpq (and its TLS, Kerberos and LDAP
 * libraries). Each is the aftercare_pg_* function of the same name. */
typedef struct
{
  gboolean               (*is_location)    (const char *location);
  gboolean               (*check_location) (const char *location, GError **error);
  AftercareStoreBackend *(*open)           (const char *location, AftercareTimeSource *time_source,
                                            GError **error);
  gboolean               (*test)           (const char *location, GError **error);
} AftercarePgModule;

G_END_DECLS
