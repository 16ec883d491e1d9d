/* aftercare-cli.c: the command-line actions that need no window. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "aftercare-assess.h"
#include "aftercare-cli.h"

/* GApplication parses these into a GVariantDict (arg_data NULL), which
 * handle-local-options passes on, before GTK starts. */
static const GOptionEntry option_entries[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Use the database at PATH"), N_("PATH") },
  { "assess", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    /* Translators: --help text; FILE "-" means standard input. */
    N_("Assess the massage and check-ins in the JSON request FILE (- for standard input), "
       "print the verdict as JSON and exit"), N_("FILE") },
  { NULL }
};

const GOptionEntry *
aftercare_cli_get_option_entries (void)
{
  return option_entries;
}

int
aftercare_cli_handle (GVariantDict  *options,
                      char         **db_path)
{
  const char *db = NULL;
  const char *assess = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("aftercare %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_lookup (options, "assess", "^&ay", &assess))
    {
      /* The edge of the program: the one place --assess reads the clock. */
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      return aftercare_assess_run (assess, now);
    }

  if (g_variant_dict_lookup (options, "db", "^&ay", &db) && db_path != NULL)
    *db_path = g_strdup (db);
  return -1;
}
