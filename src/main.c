/* main.c: start Aftercare; the command line is answered with GLib alone, and GTK is loaded only for a window. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "aftercare-cli.h"
#include "aftercare-command-line.h"
#include "aftercare-modules.h"

/* The window's module (src/gui/aftercare-gui-module.c). */
typedef int (*GuiMain) (int argc, char **argv);

typedef struct
{
  gboolean parsed;
  gboolean wants_window;
} Launch;

static int
handle_local_options_cb (GApplication *app,
                         GVariantDict *options,
                         Launch       *launch)
{
  int status = aftercare_command_line_answer (options, NULL);

  launch->parsed = TRUE;
  if (status >= 0)
    return status;
  launch->wants_window = TRUE;
  return 0;
}

/* Answers the command line as the window's application would, without
 * loading GTK (which a process that only answers it never does). Returns
 * an exit status, or -1 when a window is wanted. */
static int
answer_command_line (int    argc,
                     char **argv)
{
  g_autoptr(GApplication) app = g_application_new (APP_ID, G_APPLICATION_NON_UNIQUE);
  Launch launch = { FALSE, FALSE };
  int status;

  g_application_add_main_option_entries (app, aftercare_cli_get_option_entries ());
  g_signal_connect (app, "handle-local-options", G_CALLBACK (handle_local_options_cb), &launch);
  status = g_application_run (app, argc, argv);
  if (launch.wants_window)
    return -1;
  /* GOption refused the command line (an unknown option, a missing
   * argument): bad input, status 2 (--help is 0). */
  if (!launch.parsed && status != 0)
    return 2;
  return status;
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("AFTERCARE_LOCALEDIR");
  g_autoptr(GError) error = NULL;
  GuiMain gui_main;
  int status;

  setlocale (LC_ALL, "");
  /* AFTERCARE_LOCALEDIR: translations from elsewhere than the installed
   * ones, the build folder's for the tests and build-aux/setup run. */
  if (localedir == NULL || *localedir == '\0')
    localedir = LOCALEDIR;
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  status = answer_command_line (argc, argv);
  if (status >= 0)
    return status;
  gui_main = aftercare_module_lookup ("aftercare-gui", "aftercare_gui_main", &error);
  if (gui_main == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return gui_main (argc, argv);
}
