/* aftercare-cli-prepare-database.c: aftercare --prepare-database, with no display. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-cli-prepare-database"

#include "config.h"

#include <glib/gi18n.h>

#include "aftercare-cli-prepare-database.h"
#include "aftercare-cli-report.h"
#include "aftercare-store.h"

/* Open (which creates or migrates), say so, close. */
int
aftercare_cli_prepare_database_run (const char          *location,
                                    AftercareTimeSource *time_source)
{
  g_autoptr(AftercareStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (location != NULL, 2);
  store = aftercare_store_open (location, time_source, &error);
  if (store == NULL)
    return aftercare_cli_report_error (error);
  if (aftercare_store_get_read_only (store))
    return aftercare_cli_fail (1, aftercare_store_get_read_only_reason (store));
  /* Translators: %s is a database file or a server's address. */
  g_print (_("The database at %s is ready\n"), location);
  return 0;
}
