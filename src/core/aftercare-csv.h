/* aftercare-csv.h: reading and writing RFC 4180 CSV (quotes, commas and line breaks inside fields). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define AFTERCARE_CSV_ERROR (aftercare_csv_error_quark ())
typedef enum {
  AFTERCARE_CSV_ERROR_MALFORMED,   /* not RFC 4180: a quote out of place, a quoted field left open */
  AFTERCARE_CSV_ERROR_READ,        /* the stream could not be read */
} AftercareCsvError;
GQuark aftercare_csv_error_quark (void);

/* Reads records from UTF-8 text. Records end with CRLF, LF or CR; a field
 * in double quotes may hold commas, line breaks and doubled quotes. Empty
 * lines between records are skipped. Errors are AFTERCARE_CSV_ERROR_MALFORMED
 * and name the line. */
typedef struct
{
  const char *text;
  gsize length;
  gsize position;
  guint line;
  int bad_field;   /* the first field of the last record that is not UTF-8 text (or holds a NUL), else -1 */
  GInputStream *input;   /* read a piece at a time into buffer, or NULL */
  GCancellable *cancellable;   /* stops reading input */
  char *buffer;
  gboolean started;
  GError *read_error;
} AftercareCsvReader;

void     aftercare_csv_reader_init (AftercareCsvReader *reader,
                                    const char         *text,
                                    gsize               length);
/* Reads from input instead, a piece at a time: it holds the record being
 * read, whatever the length of the input. Clear it when done. */
void     aftercare_csv_reader_init_stream (AftercareCsvReader *reader,
                                           GInputStream       *input,
                                           GCancellable       *cancellable);
void     aftercare_csv_reader_clear (AftercareCsvReader *reader);
/* Fills fields (a GPtrArray of strings, emptied first) with the next record
 * and *line with the line it starts on. FALSE at the end of the text (error
 * unset) or on malformed input (error set; AFTERCARE_CSV_ERROR_READ when
 * the stream could not be read). */
gboolean aftercare_csv_reader_next (AftercareCsvReader  *reader,
                                    GPtrArray           *fields,
                                    guint               *line,
                                    GError             **error);

/* Appends one field to a record being written, quoting it when needed, and
 * a comma before it unless it is the record's first. */
void     aftercare_csv_append_field (GString    *record,
                                     const char *field,
                                     gboolean    first);
/* Ends a record with CRLF, as RFC 4180 asks. */
void     aftercare_csv_end_record   (GString    *record);

G_END_DECLS
