/* aftercare-cli-import-export.c: aftercare --import FILE and --export FILE, with no display. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-cli-import-export"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "aftercare-cli-import-export.h"
#include "aftercare-cli-report.h"
#include "aftercare-store.h"

static char *
describe_counts (guint n_sessions,
                 guint n_checkins)
{
  g_autofree char *sessions = g_strdup_printf (ngettext ("%u session", "%u sessions", n_sessions),
                                               n_sessions);
  g_autofree char *checkins = g_strdup_printf (ngettext ("%u check-in", "%u check-ins", n_checkins),
                                               n_checkins);

  /* Translators: "12 sessions and 40 check-ins". */
  return g_strdup_printf (_("%s and %s"), sessions, checkins);
}

static int
import_file (AftercareStore *store,
             const char     *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *counts = NULL;
  guint n_sessions, n_checkins;

  if (!aftercare_store_import_file (store, file, &n_sessions, &n_checkins, &error))
    return aftercare_cli_report_error (error);
  counts = describe_counts (n_sessions, n_checkins);
  /* Translators: "Imported 12 sessions and 40 check-ins". */
  g_print (_("Imported %s\n"), counts);
  return 0;
}

static int
export_file (AftercareStore *store,
             const char     *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *counts = NULL;
  g_autofree char *name = NULL;
  guint n_sessions, n_checkins;

  if (!aftercare_store_export_file_with_counts (store, file, &n_sessions, &n_checkins, &error))
    return aftercare_cli_report_error (error);
  counts = describe_counts (n_sessions, n_checkins);
  name = g_file_get_parse_name (file);
  /* Translators: "Exported 12 sessions and 40 check-ins to backup.json". */
  g_print (_("Exported %s to %s\n"), counts, name);
  return 0;
}

/* The file given to --import must be there and readable: bad input,
 * found before the database is opened (or created). */
static int
check_import_file (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_parse_name (file);

  stream = g_file_read (file, NULL, &error);
  if (stream == NULL)
    /* Translators: "--import: Could not read “/tmp/b.json”: No such file or directory". */
    return aftercare_cli_refuse (_("--import: Could not read “%s”: %s"), name, error->message);
  return 0;
}

/* Export reads a database; it never creates one (an empty backup written
 * over a good one would look like success). And it never writes over the
 * database itself or its journal files. */
static int
check_export (const char *location,
              const char *export_path)
{
  g_autoptr(GFile) target = g_file_new_for_commandline_arg (export_path);
  g_autofree char *target_path = g_file_get_path (target);
  const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };
  GStatBuf target_stat;

  if (aftercare_store_location_is_server (location))
    return 0;
  if (!g_file_test (location, G_FILE_TEST_IS_REGULAR))
    return aftercare_cli_refuse (_("--db: there is no database at “%s”; --export only reads an existing one"),
                                 location);
  if (target_path == NULL || g_stat (target_path, &target_stat) != 0)
    return 0;
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *db_file = g_strconcat (location, suffixes[i], NULL);
      GStatBuf db_stat;

      if (g_stat (db_file, &db_stat) == 0 &&
          db_stat.st_dev == target_stat.st_dev && db_stat.st_ino == target_stat.st_ino)
        return aftercare_cli_refuse (_("--export: “%s” is the database file itself; choose another file"),
                                     export_path);
    }
  return 0;
}

/* The store at location, or NULL after reporting why (*status). */
static AftercareStore *
open_store (const char          *location,
            AftercareTimeSource *time_source,
            int                 *status)
{
  g_autoptr(GError) error = NULL;
  AftercareStore *store = aftercare_store_open (location, time_source, &error);

  if (store == NULL)
    *status = aftercare_cli_report_error (error);
  return store;
}

int
aftercare_cli_import_run (const char          *location,
                          AftercareTimeSource *time_source,
                          const char          *path)
{
  g_autoptr(AftercareStore) store = NULL;
  int status;

  g_return_val_if_fail (location != NULL && path != NULL, 2);
  if ((status = check_import_file (path)) != 0)
    return status;
  store = open_store (location, time_source, &status);
  return store != NULL ? import_file (store, path) : status;
}

int
aftercare_cli_export_run (const char          *location,
                          AftercareTimeSource *time_source,
                          const char          *path)
{
  g_autoptr(AftercareStore) store = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_return_val_if_fail (location != NULL && path != NULL, 2);
  if ((status = check_export (location, path)) != 0)
    return status;
  store = aftercare_store_open_for_reading (location, time_source, &error);
  if (store == NULL)
    return aftercare_cli_report_error (error);
  return export_file (store, path);
}
