/* aftercare-cli.c: the command-line actions that need no window. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>

#include "aftercare-assess.h"
#include "aftercare-cli.h"
#include "aftercare-settings.h"
#include "aftercare-sheet-cli.h"
#include "aftercare-store.h"

/* GApplication parses these into a GVariantDict (arg_data NULL), which
 * handle-local-options passes on, before GTK starts. */
static const GOptionEntry option_entries[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    /* Translators: --help text; keep "postgresql://" and "service=" as they are. */
    N_("Use the database file at PATH, or the shared PostgreSQL database at a libpq address "
       "(postgresql://…, service=NAME); passwords go in ~/.pgpass, never here"),
    N_("PATH") },
  { "assess", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    /* Translators: --help text; FILE "-" means standard input. */
    N_("Assess the massage and check-ins in the JSON request FILE (- for standard input), "
       "print the verdict as JSON and exit"), N_("FILE") },
  { "import", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Import sessions and check-ins from FILE (a JSON backup, or CSV if it ends in .csv), all or nothing"),
    N_("FILE") },
  { "export", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Export all sessions and check-ins to FILE (CSV if it ends in .csv, else a JSON backup)"),
    N_("FILE") },
  { "prepare-database", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Create or update the tables of the database, then exit (for a shared clinic database, "
       "sign in as its owner)"), NULL },
  /* The aftercare sheet (aftercare-sheet-cli.c). */
  { "sheet", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Write the aftercare sheet of the session with this ID as PDF (with --output) and exit"),
    N_("SESSION_ID") },
  { "output", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("The PDF file --sheet writes"), N_("FILE.pdf") },
  { "clinic-name", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("The clinic name on the sheet (default: the one set in Preferences)"), N_("NAME") },
  { "planned-run", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("The run the sheet plans for: easy (default), steady or hard"), N_("RUN") },
  { "paper", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("The sheet’s paper size: a4 (default) or letter"), N_("SIZE") },
  /* Anything else on the command line: refused (aftercare_cli_handle()). */
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, NULL },
  { NULL }
};

const GOptionEntry *
aftercare_cli_get_option_entries (void)
{
  return option_entries;
}

/* One line on standard error; the exit status says what kind of failure:
 * 2 for bad input, 1 for the file system or the database. */
static int
report_error (const GError *error)
{
  g_autofree char *message = g_strdelimit (g_strdup (error->message), "\r\n", ' ');

  g_printerr ("aftercare: %s\n", message);
  /* A password in --db is bad input too, as is a bad line in an import. */
  if (g_error_matches (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_INVALID) ||
      g_error_matches (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_CONFLICT) ||
      g_error_matches (error, AFTERCARE_BACKUP_ERROR, AFTERCARE_BACKUP_ERROR_INVALID))
    return 2;
  return 1;
}

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
    return report_error (error);
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
    return report_error (error);
  counts = describe_counts (n_sessions, n_checkins);
  name = g_file_get_parse_name (file);
  /* Translators: "Exported 12 sessions and 40 check-ins to backup.json". */
  g_print (_("Exported %s to %s\n"), counts, name);
  return 0;
}

/* --prepare-database: open (which creates or migrates), say so, close. */
static int
prepare_database (const char *db)
{
  g_autofree char *location = db != NULL ? g_strdup (db) : aftercare_settings_get_database ();
  g_autoptr(AftercareTimeSource) time_source = aftercare_settings_new_time_source ();
  g_autoptr(AftercareStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = aftercare_store_open (location, time_source, &error);
  if (store == NULL)
    return report_error (error);
  if (aftercare_store_get_read_only (store))
    {
      g_printerr ("aftercare: %s\n", aftercare_store_get_read_only_reason (store));
      return 1;
    }
  /* Translators: %s is a database file or a server's address. */
  g_print (_("The database at %s is ready\n"), location);
  return 0;
}

static int refuse (const char *format, ...) G_GNUC_PRINTF (1, 2);

/* Bad input on the command line: one line, exit status 2. */
static int
refuse (const char *format,
        ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_strdelimit (message, "\r\n", ' ');
  g_printerr ("aftercare: %s\n", message);
  return 2;
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
    return refuse (_("--import: Could not read “%s”: %s"), name, error->message);
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
    return refuse (_("--db: there is no database at “%s”; --export only reads an existing one"),
                   location);
  if (target_path == NULL || g_stat (target_path, &target_stat) != 0)
    return 0;
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *db_file = g_strconcat (location, suffixes[i], NULL);
      GStatBuf db_stat;

      if (g_stat (db_file, &db_stat) == 0 &&
          db_stat.st_dev == target_stat.st_dev && db_stat.st_ino == target_stat.st_ino)
        return refuse (_("--export: “%s” is the database file itself; choose another file"),
                       export_path);
    }
  return 0;
}

/* --import and --export: no window, no display. */
static int
run_backup (const char *db,
            const char *import_path,
            const char *export_path)
{
  g_autofree char *location = db != NULL ? g_strdup (db) : aftercare_settings_get_database ();
  g_autoptr(AftercareTimeSource) time_source = aftercare_settings_new_time_source ();
  g_autoptr(AftercareStore) store = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  status = import_path != NULL ? check_import_file (import_path) : check_export (location, export_path);
  if (status != 0)
    return status;
  store = aftercare_store_open (location, time_source, &error);
  if (store == NULL)
    return report_error (error);
  if (import_path != NULL)
    return import_file (store, import_path);
  return export_file (store, export_path);
}

/* One action at a time, and nothing but options: a second action or a
 * stray word would otherwise be dropped without a word. */
static int
check_one_action (GVariantDict *options)
{
  static const char * const actions[] = { "assess", "import", "export", "sheet", "prepare-database" };
  g_autoptr(GVariant) rest = g_variant_dict_lookup_value (options, G_OPTION_REMAINING, NULL);
  const char *first = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      if (!g_variant_dict_contains (options, actions[i]))
        continue;
      if (first != NULL)
        /* Translators: "Use --assess or --export, not both at once". */
        return refuse (_("Use --%s or --%s, not both at once"), first, actions[i]);
      first = actions[i];
    }
  if (rest != NULL && g_variant_n_children (rest) > 0)
    {
      g_autoptr(GVariant) word = g_variant_get_child_value (rest, 0);

      /* Translators: "Unexpected argument “extra”; …". */
      return refuse (_("Unexpected argument “%s”; give files with the option they belong to "
                       "(see --help)"), g_variant_get_bytestring (word));
    }
  return 0;
}

int
aftercare_cli_handle (GVariantDict  *options,
                      char         **db_path)
{
  const char *db = NULL;
  const char *import_path = NULL;
  const char *export_path = NULL;
  const char *assess = NULL;
  int status;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("aftercare %s\n", PACKAGE_VERSION);
      return 0;
    }
  if ((status = check_one_action (options)) != 0)
    return status;

  if (g_variant_dict_lookup (options, "assess", "^&ay", &assess))
    {
      /* The edge of the program: the one place --assess reads the clock. */
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      return aftercare_assess_run (assess, now);
    }

  if (g_variant_dict_contains (options, "sheet"))
    return aftercare_sheet_cli_run (options);

  g_variant_dict_lookup (options, "db", "^&ay", &db);
  g_variant_dict_lookup (options, "import", "^&ay", &import_path);
  g_variant_dict_lookup (options, "export", "^&ay", &export_path);
  if (import_path != NULL || export_path != NULL)
    return run_backup (db, import_path, export_path);
  if (g_variant_dict_contains (options, "prepare-database"))
    return prepare_database (db);

  /* The window opens --db, else the shared clinic database when one is chosen. */
  if (db_path != NULL)
    *db_path = db != NULL ? g_strdup (db) : aftercare_settings_get_shared_database ();
  return -1;
}
