/* pdf-text.c: what a PDF says and where, read back with poppler's pdftotext, for the sheet's tests. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "pdf-text.h"

#include <stdlib.h>
#include <string.h>

static char *
run_tool (const char * const *argv)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);
  return g_steal_pointer (&out);
}

static void
pdf_word_free (PdfWord *word)
{
  g_free (word->text);
  g_free (word);
}

static double
attribute (GMatchInfo *match,
           int         group)
{
  g_autofree char *text = g_match_info_fetch (match, group);

  return g_ascii_strtod (text, NULL);
}

GPtrArray *
pdf_words (const char *path)
{
  const char *argv[] = { "pdftotext", "-bbox", "-enc", "UTF-8", path, "-", NULL };
  g_autofree char *html = run_tool (argv);
  g_autoptr(GRegex) regex = g_regex_new ("<page width=\"([0-9.]+)\" height=\"([0-9.]+)\">|"
                                         "<word xMin=\"([0-9.-]+)\" yMin=\"([0-9.-]+)\" "
                                         "xMax=\"([0-9.-]+)\" yMax=\"([0-9.-]+)\">([^<]*)</word>",
                                         0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  GPtrArray *words = g_ptr_array_new_with_free_func ((GDestroyNotify) pdf_word_free);
  int page = -1;
  double width = 0, height = 0;

  g_regex_match (regex, html, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *page_width = g_match_info_fetch (match, 1);
      PdfWord *word;

      if (page_width != NULL && *page_width != '\0')
        {
          page++;
          width = attribute (match, 1);
          height = attribute (match, 2);
          continue;
        }
      word = g_new0 (PdfWord, 1);
      word->page = page;
      word->page_width = width;
      word->page_height = height;
      word->x_min = attribute (match, 3);
      word->y_min = attribute (match, 4);
      word->x_max = attribute (match, 5);
      word->y_max = attribute (match, 6);
      /* pdftotext writes &amp; &lt; &gt; &quot; &apos; in the HTML. */
      word->text = g_match_info_fetch (match, 7);
      g_ptr_array_add (words, word);
    }
  return words;
}

char *
fold_spaces (const char *text)
{
  g_auto(GStrv) parts = g_regex_split_simple ("\\s+", text, 0, 0);
  g_autofree char *joined = g_strjoinv (" ", parts);

  return g_strdup (g_strstrip (joined));
}

char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  g_autofree char *text = run_tool (argv);

  return fold_spaces (text);
}

guint
pdf_n_pages (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *info = run_tool (argv);
  const char *pages = strstr (info, "\nPages:");

  g_assert_nonnull (pages);
  return (guint) strtoul (pages + strlen ("\nPages:"), NULL, 10);
}
