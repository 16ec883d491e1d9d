/* aftercare-gui-module.c: the entry of the window's module, which the program opens only when a window is wanted. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <gmodule.h>

#include "aftercare-application.h"

/* Runs the application on the whole command line (main.c has answered
 * everything that needs no window); returns its exit status. */
G_MODULE_EXPORT int aftercare_gui_main (int argc, char **argv);

G_MODULE_EXPORT int
aftercare_gui_main (int    argc,
                    char **argv)
{
  g_autoptr(AftercareApplication) app = aftercare_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
