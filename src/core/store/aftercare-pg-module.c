/* aftercare-pg-module.c: the entry of the PostgreSQL module, which the store opens only for a server's address. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <gmodule.h>

#include "aftercare-pg-backend.h"
#include "aftercare-pg-connect.h"
#include "aftercare-pg-module.h"

static AftercareStoreBackend *
open_backend (const char           *location,
              AftercareTimeSource  *time_source,
              GError              **error)
{
  return AFTERCARE_STORE_BACKEND (aftercare_pg_backend_open (location, time_source, error));
}

G_MODULE_EXPORT const AftercarePgModule aftercare_pg_module = {
  .is_location = aftercare_pg_is_location,
  .check_location = aftercare_pg_check_location,
  .open = open_backend,
  .test = aftercare_pg_backend_test,
};

