/* test-resources.c: every .ui file in ui/ is bundled in the GResource. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>

static void
collect_ui_files (GFile *dir, GFile *root, GPtrArray *paths)
{
  g_autoptr(GFileEnumerator) e = NULL;
  g_autoptr(GError) error = NULL;
  GFileInfo *info;

  e = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                 G_FILE_QUERY_INFO_NONE, NULL, &error);
  g_assert_no_error (error);
  while ((info = g_file_enumerator_next_file (e, NULL, &error)) != NULL)
    {
      g_autoptr(GFile) child = g_file_get_child (dir, g_file_info_get_name (info));

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        collect_ui_files (child, root, paths);
      else if (g_str_has_suffix (g_file_info_get_name (info), ".ui"))
        g_ptr_array_add (paths, g_file_get_relative_path (root, child));
      g_object_unref (info);
    }
  g_assert_no_error (error);
}

static void
test_every_ui_file_is_bundled (void)
{
  g_autoptr(GFile) root = g_file_new_for_path (UI_DIR);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

  collect_ui_files (root, root, paths);
  g_assert_cmpuint (paths->len, >, 0);
  for (guint i = 0; i < paths->len; i++)
    {
      g_autofree char *resource = g_strconcat (RESOURCE_PATH "/", paths->pdata[i], NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = g_resources_lookup_data (resource, 0, &error);

      if (bytes == NULL)
        g_test_message ("%s is not in the GResource", (char *) paths->pdata[i]);
      g_assert_no_error (error);
      g_assert_cmpuint (g_bytes_get_size (bytes), >, 0);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/resources/every-ui-file-is-bundled", test_every_ui_file_is_bundled);
  return g_test_run ();
}
