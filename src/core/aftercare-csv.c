/* aftercare-csv.c: reading and writing RFC 4180 CSV (quotes, commas and line breaks inside fields). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-csv"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "aftercare-csv.h"

G_DEFINE_QUARK (aftercare-csv-error-quark, aftercare_csv_error)

/* How much of a stream is read at once. */
#define CHUNK_BYTES (64 * 1024)

void
aftercare_csv_reader_init (AftercareCsvReader *reader,
                           const char         *text,
                           gsize               length)
{
  g_return_if_fail (reader != NULL);

  memset (reader, 0, sizeof *reader);
  reader->text = text;
  reader->length = length;
  reader->line = 1;
  reader->bad_field = -1;
  reader->started = TRUE;
  /* A byte order mark, as spreadsheets write, is not part of the first field. */
  if (length >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
    reader->position = 3;
}

void
aftercare_csv_reader_init_stream (AftercareCsvReader *reader,
                                  GInputStream       *input,
                                  GCancellable       *cancellable)
{
  g_return_if_fail (reader != NULL && G_IS_INPUT_STREAM (input));

  aftercare_csv_reader_init (reader, "", 0);
  reader->input = g_object_ref (input);
  reader->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  reader->buffer = g_malloc (CHUNK_BYTES);
  reader->text = reader->buffer;
  reader->started = FALSE;
}

void
aftercare_csv_reader_clear (AftercareCsvReader *reader)
{
  g_return_if_fail (reader != NULL);

  g_clear_object (&reader->input);
  g_clear_object (&reader->cancellable);
  g_clear_pointer (&reader->buffer, g_free);
  g_clear_error (&reader->read_error);
}

/* The next piece of the stream, once the last one is read. */
static void
refill (AftercareCsvReader *reader)
{
  gsize got = 0;

  if (reader->input == NULL || reader->read_error != NULL)
    return;
  /* The first piece is at least as long as a byte order mark, unless the
   * stream is shorter. */
  do
    {
      gssize n = g_input_stream_read (reader->input, reader->buffer + got, CHUNK_BYTES - got,
                                      reader->cancellable, &reader->read_error);

      if (n <= 0)
        break;
      got += (gsize) n;
    }
  while (!reader->started && got < 3);
  reader->length = got;
  reader->position = 0;
  if (!reader->started && got >= 3 && memcmp (reader->buffer, "\xEF\xBB\xBF", 3) == 0)
    reader->position = 3;
  reader->started = TRUE;
  if (got == 0)
    g_clear_object (&reader->input);
}

static int
peek (AftercareCsvReader *reader)
{
  if (reader->position >= reader->length)
    {
      refill (reader);
      if (reader->position >= reader->length)
        return -1;
    }
  return (guchar) reader->text[reader->position];
}

/* Consumes a line break (CRLF, LF or CR) if one is next. */
static gboolean
skip_line_break (AftercareCsvReader *reader)
{
  int c = peek (reader);

  if (c != '\r' && c != '\n')
    return FALSE;
  reader->position++;
  if (c == '\r' && peek (reader) == '\n')
    reader->position++;
  reader->line++;
  return TRUE;
}

static gboolean
set_csv_error (guint        line,
               const char  *problem,
               GError     **error)
{
  g_set_error (error, AFTERCARE_CSV_ERROR, AFTERCARE_CSV_ERROR_MALFORMED,
               /* Translators: "Line 12: a quoted field is not closed". */
               _("Line %u: %s"), line, problem);
  return FALSE;
}

static gboolean
read_quoted_field (AftercareCsvReader  *reader,
                   GString             *field,
                   GError             **error)
{
  guint first_line = reader->line;

  reader->position++;   /* the opening quote */
  for (;;)
    {
      int c = peek (reader);

      if (c < 0)
        return set_csv_error (first_line, _("a quoted field is not closed"), error);
      reader->position++;
      if (c == '"' && peek (reader) != '"')
        break;
      if (c == '"')
        reader->position++;   /* a doubled quote stands for one */
      else if (c == '\n' || (c == '\r' && peek (reader) != '\n'))
        reader->line++;
      g_string_append_c (field, (char) c);
    }
  if (peek (reader) >= 0 && peek (reader) != ',' && peek (reader) != '\r' && peek (reader) != '\n')
    return set_csv_error (reader->line, _("a closing quote must end its field"), error);
  return TRUE;
}

static gboolean
read_plain_field (AftercareCsvReader  *reader,
                  GString             *field,
                  GError             **error)
{
  int c;

  while ((c = peek (reader)) >= 0 && c != ',' && c != '\r' && c != '\n')
    {
      if (c == '"')
        return set_csv_error (reader->line,
                              _("a field with a quote in it must be enclosed in quotes"), error);
      g_string_append_c (field, (char) c);
      reader->position++;
    }
  return TRUE;
}

static gboolean read_record (AftercareCsvReader *reader, GPtrArray *fields, guint *line, GError **error);

gboolean
aftercare_csv_reader_next (AftercareCsvReader  *reader,
                           GPtrArray           *fields,
                           guint               *line,
                           GError             **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  g_return_val_if_fail (reader != NULL && fields != NULL && line != NULL, FALSE);

  g_ptr_array_set_size (fields, 0);
  reader->bad_field = -1;
  ok = read_record (reader, fields, line, &local_error);
  /* The stream failed: what came before its end is not the whole file. */
  if (reader->read_error != NULL)
    {
      g_set_error_literal (error, AFTERCARE_CSV_ERROR, AFTERCARE_CSV_ERROR_READ, reader->read_error->message);
      return FALSE;
    }
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return ok;
}

static gboolean
read_record (AftercareCsvReader  *reader,
             GPtrArray           *fields,
             guint               *line,
             GError             **error)
{
  while (skip_line_break (reader))
    ;
  if (peek (reader) < 0)
    return FALSE;
  *line = reader->line;
  for (;;)
    {
      g_autoptr(GString) field = g_string_new (NULL);
      gboolean ok = peek (reader) == '"' ? read_quoted_field (reader, field, error)
                                         : read_plain_field (reader, field, error);

      if (!ok)
        return FALSE;
      /* A NUL would cut the field short: it counts as not UTF-8. */
      if (reader->bad_field < 0 && !g_utf8_validate_len (field->str, field->len, NULL))
        reader->bad_field = (int) fields->len;
      g_ptr_array_add (fields, g_string_free (g_steal_pointer (&field), FALSE));
      if (peek (reader) != ',')
        break;
      reader->position++;
    }
  skip_line_break (reader);
  return TRUE;
}

void
aftercare_csv_append_field (GString    *record,
                            const char *field,
                            gboolean    first)
{
  g_return_if_fail (record != NULL && field != NULL);

  if (!first)
    g_string_append_c (record, ',');
  if (strpbrk (field, ",\"\r\n") == NULL)
    {
      g_string_append (record, field);
      return;
    }
  g_string_append_c (record, '"');
  for (const char *p = field; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (record, '"');
      g_string_append_c (record, *p);
    }
  g_string_append_c (record, '"');
}

void
aftercare_csv_end_record (GString *record)
{
  g_return_if_fail (record != NULL);
  g_string_append (record, "\r\n");
}
