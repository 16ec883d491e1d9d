/* aftercare-modules.c: finding and opening Aftercare's own loadable modules (the window, the PostgreSQL backend). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-modules"

#include "config.h"

#include <glib/gi18n.h>

#include "aftercare-modules.h"
#include "aftercare-store-error.h"

static char *
module_folder (void)
{
  const char *dir = g_getenv ("AFTERCARE_MODULE_DIR");
  g_autofree char *exe = NULL;
  g_autofree char *exe_dir = NULL;

  if (dir != NULL && *dir != '\0')
    return g_strdup (dir);
  exe = g_file_read_link ("/proc/self/exe", NULL);
  if (exe == NULL)
    return g_strdup (AFTERCARE_MODULE_INSTALL_DIR);
  exe_dir = g_path_get_dirname (exe);
  /* Run from the build folder, the modules are beside the program. */
  if (g_str_equal (exe_dir, AFTERCARE_MODULE_BUILD_DIR))
    return g_strdup (AFTERCARE_MODULE_BUILD_DIR);
  if (g_path_is_absolute (AFTERCARE_MODULE_INSTALL_DIR_FROM_BINDIR))
    return g_strdup (AFTERCARE_MODULE_INSTALL_DIR_FROM_BINDIR);
  return g_build_filename (exe_dir, AFTERCARE_MODULE_INSTALL_DIR_FROM_BINDIR, NULL);
}

gpointer
aftercare_module_lookup (const char  *name,
                         const char  *symbol,
                         GError     **error)
{
  g_autofree char *folder = module_folder ();
  g_autofree char *file = g_strdup_printf ("lib%s.so", name);
  g_autofree char *path = g_build_filename (folder, file, NULL);
  GModule *module;
  gpointer address = NULL;

  g_return_val_if_fail (name != NULL && symbol != NULL, NULL);

  module = g_module_open (path, G_MODULE_BIND_LOCAL);
  if (module == NULL)
    {
      g_set_error (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_FAILED,
                   /* Translators: %s is a file, then why it could not be loaded. */
                   _("Could not load “%s”: %s"), path, g_module_error ());
      return NULL;
    }
  if (!g_module_symbol (module, symbol, &address) || address == NULL)
    {
      g_set_error (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_FAILED,
                   _("Could not load “%s”: %s"), path, g_module_error ());
      g_module_close (module);
      return NULL;
    }
  g_module_make_resident (module);
  return address;
}
