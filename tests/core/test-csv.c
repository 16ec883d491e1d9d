/* test-csv.c: RFC 4180 reading and writing (aftercare-csv.c). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "aftercare-csv.h"

/* Reads all records of text; each record's fields joined with '|', after
 * its line number: "2:a|b". */
static GPtrArray *
read_all (const char  *text,
          GError     **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  AftercareCsvReader reader;
  guint line;

  aftercare_csv_reader_init (&reader, text, strlen (text));
  while (aftercare_csv_reader_next (&reader, fields, &line, error))
    {
      g_autofree char *joined = NULL;

      g_ptr_array_add (fields, NULL);
      joined = g_strjoinv ("|", (char **) fields->pdata);
      g_ptr_array_set_size (fields, fields->len - 1);
      g_ptr_array_add (records, g_strdup_printf ("%u:%s", line, joined));
    }
  if (error != NULL && *error != NULL)
    return NULL;
  return g_steal_pointer (&records);
}

static void
assert_records (const char         *text,
                const char * const *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = read_all (text, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, g_strv_length ((char **) expected));
  for (guint i = 0; i < records->len; i++)
    g_assert_cmpstr (g_ptr_array_index (records, i), ==, expected[i]);
}

static void
test_quoted_fields (void)
{
  assert_records ("name,notes\r\n"
                  "\"Ortega, Zoë\",\"She said \"\"easy\"\"\"\r\n"
                  "\"two\r\nlines\",\"and\nthree\nhere\"\r\n"
                  "last,\"\"\r\n",
                  (const char *[]) { "1:name|notes",
                                     "2:Ortega, Zoë|She said \"easy\"",
                                     "3:two\r\nlines|and\nthree\nhere",
                                     "7:last|", NULL });
}

static void
test_line_endings_and_blank_lines (void)
{
  assert_records ("\xEF\xBB\xBF" "a,b\n1,2\r\n\r\n3,\r4,5",
                  (const char *[]) { "1:a|b", "2:1|2", "4:3|", "5:4|5", NULL });
  assert_records ("", (const char *[]) { NULL });
  assert_records (",,\n", (const char *[]) { "1:||", NULL });
}

static void
assert_error (const char *text,
              const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = read_all (text, &error);

  g_assert_null (records);
  g_assert_error (error, AFTERCARE_CSV_ERROR, AFTERCARE_CSV_ERROR_MALFORMED);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_malformed (void)
{
  assert_error ("a,b\n1,\"open\nstill open\n",
                "Line 2: a quoted field is not closed");
  assert_error ("a,b\n1,2\nx,say \"hi\"\n",
                "Line 3: a field with a quote in it must be enclosed in quotes");
  assert_error ("a,b\n\"one\"two,3\n",
                "Line 2: a closing quote must end its field");
}

static void
test_writer_quotes_when_needed (void)
{
  const char *values[] = { "plain", "with, comma", "with \"quote\"", "line\r\nbreak", "", "café" };
  g_autoptr(GString) record = g_string_new (NULL);
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  AftercareCsvReader reader;
  guint line;

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    aftercare_csv_append_field (record, values[i], i == 0);
  aftercare_csv_end_record (record);
  g_assert_cmpstr (record->str, ==,
                   "plain,\"with, comma\",\"with \"\"quote\"\"\",\"line\r\nbreak\",,café\r\n");

  aftercare_csv_reader_init (&reader, record->str, record->len);
  g_assert_true (aftercare_csv_reader_next (&reader, fields, &line, &error));
  g_assert_cmpuint (fields->len, ==, G_N_ELEMENTS (values));
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    g_assert_cmpstr (g_ptr_array_index (fields, i), ==, values[i]);
  g_assert_false (aftercare_csv_reader_next (&reader, fields, &line, &error));
  g_assert_no_error (error);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/csv/quoted-fields", test_quoted_fields);
  g_test_add_func ("/csv/line-endings-and-blank-lines", test_line_endings_and_blank_lines);
  g_test_add_func ("/csv/malformed-names-line", test_malformed);
  g_test_add_func ("/csv/writer-quotes-when-needed", test_writer_quotes_when_needed);
  return g_test_run ();
}
