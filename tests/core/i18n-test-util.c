/* i18n-test-util.c: tests in another language, with the build's own translations, and the template's English strings. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "i18n-test-util.h"

const char *
i18n_test_use_language (void)
{
  const char *language = g_getenv ("AFTERCARE_TEST_LANGUAGE");
  const char *localedir = g_getenv ("AFTERCARE_LOCALEDIR");
  g_autofree char *mo = NULL;

  g_assert_nonnull (language);
  g_assert_nonnull (localedir);
  if (setlocale (LC_ALL, "") == NULL)
    g_error ("The locale %s is missing (LOCPATH=%s)", g_getenv ("LC_ALL"), g_getenv ("LOCPATH"));
  mo = g_build_filename (localedir, language, "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  if (!g_file_test (mo, G_FILE_TEST_EXISTS))
    g_error ("No translation at %s", mo);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  return language;
}

static void
pot_string_free (gpointer data)
{
  PotString *s = data;

  g_free (s->context);
  g_free (s->id);
  g_free (s->translation);
  g_free (s);
}

/* The text of a run of quoted lines, "a" "b", with C escapes undone. */
static char *
unquote (const char *line)
{
  const char *start = strchr (line, '"');
  const char *end = strrchr (line, '"');
  g_autofree char *inner = NULL;

  g_assert_true (start != NULL && end > start);
  inner = g_strndup (start + 1, end - start - 1);
  return g_strcompress (inner);
}

/* The messages of a .pot or .po file in the source tree's po/. */
static GPtrArray *
read_messages (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("AFTERCARE_SOURCE_DIR"), "po", name, NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *messages = g_ptr_array_new_with_free_func (pot_string_free);
  PotString *message = NULL;
  GString *field = NULL;
  char **target = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      g_autofree char *text = NULL;

      /* A keyword ends the field before it. */
      if (g_ascii_isalpha (line[0]) && field != NULL)
        {
          if (target != NULL)
            *target = g_string_free (g_steal_pointer (&field), FALSE);
          else
            g_string_free (g_steal_pointer (&field), TRUE);
        }
      if (g_str_has_prefix (line, "msgctxt ") || (g_str_has_prefix (line, "msgid ") && message == NULL))
        {
          message = g_new0 (PotString, 1);
          g_ptr_array_add (messages, message);
        }
      if (g_str_has_prefix (line, "msgctxt "))
        target = &message->context;
      else if (g_str_has_prefix (line, "msgid "))
        target = &message->id;
      else if (g_str_has_prefix (line, "msgstr ") || g_str_has_prefix (line, "msgstr[0] "))
        target = &message->translation;
      else if (g_ascii_isalpha (line[0]))
        target = NULL;
      if (g_str_has_prefix (line, "msgstr"))
        message = NULL;
      if (g_ascii_isalpha (line[0]))
        field = g_string_new (NULL);
      else if (line[0] != '"' || field == NULL)
        continue;
      text = unquote (line);
      g_string_append (field, text);
    }
  if (field != NULL)
    {
      if (target != NULL)
        *target = g_string_free (field, FALSE);
      else
        g_string_free (field, TRUE);
    }
  /* Not the header. */
  g_assert_true (messages->len > 0 && g_str_equal (((PotString *) messages->pdata[0])->id, ""));
  g_ptr_array_remove_index (messages, 0);
  g_assert_cmpuint (messages->len, >, 100);
  return messages;
}

GPtrArray *
i18n_test_pot_strings (void)
{
  return read_messages ("aftercare.pot");
}

GHashTable *
i18n_test_kept_in_english (const char *language)
{
  g_autofree char *name = g_strconcat (language, ".po", NULL);
  g_autoptr(GPtrArray) messages = read_messages (name);
  GHashTable *kept = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < messages->len; i++)
    {
      PotString *s = g_ptr_array_index (messages, i);

      if (g_strcmp0 (s->id, s->translation) == 0)
        g_hash_table_add (kept, g_steal_pointer (&s->id));
    }
  return kept;
}

const char *
i18n_test_translate (const PotString *s)
{
  if (s->context != NULL)
    return g_dpgettext2 (GETTEXT_PACKAGE, s->context, s->id);
  return g_dgettext (GETTEXT_PACKAGE, s->id);
}

char **
i18n_test_english_environ (void)
{
  char **envp = g_get_environ ();

  envp = g_environ_unsetenv (envp, "LANGUAGE");
  envp = g_environ_setenv (envp, "LC_ALL", "C.UTF-8", TRUE);
  return envp;
}
