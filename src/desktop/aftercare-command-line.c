/* aftercare-command-line.c: the command line at the program's edge: what the desktop says, then the core's answer. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "aftercare-cli.h"
#include "aftercare-command-line.h"
#include "aftercare-settings.h"

int
aftercare_command_line_answer (GVariantDict  *options,
                               char         **db_path)
{
  g_autoptr(AftercareTimeSource) time_source = aftercare_settings_new_time_source ();
  g_autofree char *clinic_name = aftercare_settings_get_string (APP_ID, "clinic-name");
  g_autofree char *clinic_contact = aftercare_settings_get_string (APP_ID, "clinic-contact");
  g_autofree char *shared_location = aftercare_settings_get_shared_database ();
  AftercareCliContext context = { time_source, clinic_name, clinic_contact, shared_location };

  return aftercare_cli_handle (options, &context, db_path);
}
