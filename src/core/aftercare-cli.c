/* aftercare-cli.c: the command line's options, and which action (aftercare-cli-*.c) answers them. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "aftercare-cli-assess.h"
#include "aftercare-cli-import-export.h"
#include "aftercare-cli-prepare-database.h"
#include "aftercare-cli-report.h"
#include "aftercare-cli-sheet.h"
#include "aftercare-cli.h"
#include "aftercare-modules.h"
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
  /* The aftercare sheet (aftercare-cli-sheet.c). */
  { "sheet", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Write the aftercare sheet of the session with this ID as PDF (with --output) and exit"),
    N_("SESSION_ID") },
  { "output", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("The PDF file --sheet or --report writes"), N_("FILE.pdf") },
  { "clinic-name", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("The clinic name on the sheet (default: the one set in Preferences)"), N_("NAME") },
  { "planned-run", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("The run the sheet plans for: easy (default), steady or hard"), N_("RUN") },
  { "paper", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("The sheet’s paper size: a4 (default) or letter"), N_("SIZE") },
  /* The report for the therapist (aftercare-cli-report-pdf.c), also with --output and --paper. */
  { "report", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Write the report for the therapist on the session with this ID as PDF (with --output) and exit"),
    N_("SESSION_ID") },
  { "same-kind", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --report: the last N massages of the session’s kind up to it (default 1)"), N_("N") },
  /* For the window's reminders (aftercare-reminder-service.c): known here,
   * so the command line, answered before any window, accepts it. */
  { "background", 0, 0, G_OPTION_ARG_NONE, NULL,
    /* Translators: --background, in aftercare --help. */
    N_("Start without a window, for check-in reminders (as at login)"), NULL },
  /* Anything else on the command line: refused (aftercare_cli_handle()). */
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, NULL },
  { NULL }
};

const GOptionEntry *
aftercare_cli_get_option_entries (void)
{
  return option_entries;
}

/* The sheet and the report are drawn with cairo and Pango, in a library
 * of their own (libaftercare-sheet.so) that only --sheet, --report and the
 * window load: the rest of the command line starts without them. symbol
 * is the action there: aftercare_cli_sheet_run, aftercare_cli_report_pdf_run. */
static int
run_pdf (const char                *symbol,
         GVariantDict              *options,
         const AftercareCliContext *context,
         const char                *configured)
{
  g_autoptr(GError) error = NULL;
  int (*pdf_run) (GVariantDict *, const AftercareCliContext *, const char *) =
    aftercare_module_lookup ("aftercare-sheet", symbol, &error);

  if (pdf_run == NULL)
    return aftercare_cli_report_error (error);
  return pdf_run (options, context, configured);
}

/* One action at a time, and nothing but options: a second action or a
 * stray word would otherwise be dropped without a word. */
static int
check_one_action (GVariantDict *options)
{
  static const char * const actions[] = { "assess", "import", "export", "sheet", "report", "prepare-database" };
  g_autoptr(GVariant) rest = g_variant_dict_lookup_value (options, G_OPTION_REMAINING, NULL);
  const char *first = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      if (!g_variant_dict_contains (options, actions[i]))
        continue;
      if (first != NULL)
        /* Translators: "Use --assess or --export, not both at once". */
        return aftercare_cli_refuse (_("Use --%s or --%s, not both at once"), first, actions[i]);
      first = actions[i];
    }
  if (rest != NULL && g_variant_n_children (rest) > 0)
    {
      g_autoptr(GVariant) word = g_variant_get_child_value (rest, 0);

      /* Translators: "Unexpected argument “extra”; …". */
      return aftercare_cli_refuse (_("Unexpected argument “%s”; give files with the option they belong to "
                                    "(see --help)"), g_variant_get_bytestring (word));
    }
  return 0;
}

int
aftercare_cli_handle (GVariantDict               *options,
                      const AftercareCliContext  *context,
                      char                      **db_path)
{
  AftercareTimeSource *time_source;
  g_autofree char *configured = NULL;
  const char *db = NULL;
  const char *import_path = NULL;
  const char *export_path = NULL;
  const char *assess = NULL;
  int status;

  g_return_val_if_fail (options != NULL, 2);
  g_return_val_if_fail (context != NULL && AFTERCARE_IS_TIME_SOURCE (context->time_source), 2);
  g_return_val_if_fail (context->clinic_name != NULL && context->clinic_contact != NULL, 2);
  time_source = context->time_source;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("aftercare %s\n", PACKAGE_VERSION);
      return 0;
    }
  if ((status = check_one_action (options)) != 0)
    return status;

  if (g_variant_dict_lookup (options, "assess", "^&ay", &assess))
    {
      g_autoptr(GDateTime) now = aftercare_time_source_now (time_source);
      g_autoptr(GDateTime) now_utc = g_date_time_to_utc (now);

      return aftercare_cli_assess_run (assess, now_utc);
    }

  /* Without --db: the shared clinic database when one is chosen, else the file. */
  configured = context->shared_location != NULL ? g_strdup (context->shared_location)
                                                : aftercare_store_get_default_location ();
  if (g_variant_dict_contains (options, "sheet"))
    return run_pdf ("aftercare_cli_sheet_run", options, context, configured);
  if (g_variant_dict_contains (options, "report"))
    return run_pdf ("aftercare_cli_report_pdf_run", options, context, configured);
  if (g_variant_dict_contains (options, "same-kind"))
    return aftercare_cli_refuse (_("--same-kind goes with --report SESSION_ID"));

  g_variant_dict_lookup (options, "db", "^&ay", &db);
  g_variant_dict_lookup (options, "import", "^&ay", &import_path);
  g_variant_dict_lookup (options, "export", "^&ay", &export_path);
  if (import_path != NULL || export_path != NULL || g_variant_dict_contains (options, "prepare-database"))
    {
      const char *location = db != NULL ? db : configured;

      if (import_path != NULL)
        return aftercare_cli_import_run (location, time_source, import_path);
      if (export_path != NULL)
        return aftercare_cli_export_run (location, time_source, export_path);
      return aftercare_cli_prepare_database_run (location, time_source);
    }

  /* The window opens --db, else the shared clinic database when one is chosen. */
  if (db_path != NULL)
    *db_path = g_strdup (db != NULL ? db : context->shared_location);
  return -1;
}
