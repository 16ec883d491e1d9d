/* main.c: start Aftercare; options that need no window are answered before GTK starts. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "aftercare-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AftercareApplication) app = NULL;
  const char *localedir = g_getenv ("AFTERCARE_LOCALEDIR");

  setlocale (LC_ALL, "");
  /* AFTERCARE_LOCALEDIR: translations from elsewhere than the installed
   * ones, the build folder's for the tests and build-aux/setup run. */
  if (localedir == NULL || *localedir == '\0')
    localedir = LOCALEDIR;
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = aftercare_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
