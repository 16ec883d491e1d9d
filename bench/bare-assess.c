/* bare-assess.c: the baseline of --assess: a program that parses the same JSON request with json-glib and exits (not a test, not installed). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <json-glib/json-glib.h>

int
main (int   argc,
      char *argv[])
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  if (argc != 2 || !json_parser_load_from_file (parser, argv[1], &error))
    {
      g_printerr ("bare-assess: %s\n", error != NULL ? error->message : "give a JSON file");
      return 2;
    }
  g_print ("%s\n", json_node_type_name (json_parser_get_root (parser)));
  return 0;
}
