/* aftercare-util.c: small helpers the core's classes share (setters that report change). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-util"

#include "aftercare-util.h"

gboolean
aftercare_set_string (char       **field,
                      const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

gboolean
aftercare_date_time_identical (GDateTime *a,
                               GDateTime *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_date_time_equal (a, b) &&
         g_date_time_get_utc_offset (a) == g_date_time_get_utc_offset (b);
}

gboolean
aftercare_set_date_time (GDateTime **field,
                         GDateTime  *value)
{
  if (aftercare_date_time_identical (*field, value))
    return FALSE;
  g_clear_pointer (field, g_date_time_unref);
  if (value != NULL)
    *field = g_date_time_ref (value);
  return TRUE;
}

GOutputStream *
aftercare_output_replace_private (GFile     *file,
                                  gboolean  *existed,
                                  GError   **error)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  *existed = g_file_query_exists (file, NULL);
  return G_OUTPUT_STREAM (g_file_replace (file, NULL, FALSE,
                                          G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                                          NULL, error));
}

void
aftercare_output_abandon (GOutputStream *stream,
                          GFile         *file,
                          gboolean       existed)
{
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();

  /* A cancelled close leaves an existing file as it was. */
  g_cancellable_cancel (cancelled);
  g_output_stream_close (stream, cancelled, NULL);
  if (!existed)
    g_file_delete (file, NULL, NULL);
}

char *
aftercare_unique_path (const char *folder,
                       const char *stem,
                       const char *extension)
{
  g_autofree char *name = g_strconcat (stem, extension, NULL);
  char *path = g_build_filename (folder, name, NULL);

  for (guint n = 2; g_file_test (path, G_FILE_TEST_EXISTS) || g_file_test (path, G_FILE_TEST_IS_SYMLINK); n++)
    {
      g_free (name);
      g_free (path);
      /* "Aftercare sheet (2).pdf" */
      name = g_strdup_printf ("%s (%u)%s", stem, n, extension);
      path = g_build_filename (folder, name, NULL);
    }
  return path;
}

const char *
aftercare_uint_digits (guint  number,
                       char   buffer[AFTERCARE_UINT_DIGITS],
                       gsize *length)
{
  gsize start = AFTERCARE_UINT_DIGITS;

  do
    buffer[--start] = (char) ('0' + number % 10);
  while ((number /= 10) > 0);
  *length = AFTERCARE_UINT_DIGITS - start;
  return buffer + start;
}

void
aftercare_string_append_uint (GString *string,
                              guint    number)
{
  char buffer[AFTERCARE_UINT_DIGITS];
  gsize length;
  const char *digits = aftercare_uint_digits (number, buffer, &length);

  g_string_append_len (string, digits, (gssize) length);
}
