/* aftercare-json-stream.h: JSON (RFC 8259) read token by token from a stream, holding one token at a time, with the line each ends on. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define AFTERCARE_JSON_STREAM_ERROR (aftercare_json_stream_error_quark ())
typedef enum {
  AFTERCARE_JSON_STREAM_ERROR_SYNTAX,    /* not JSON: "<data>:LINE:COLUMN: what" */
  AFTERCARE_JSON_STREAM_ERROR_NOT_UTF8,  /* bytes that are not UTF-8 outside a string; the line is get_line() */
  AFTERCARE_JSON_STREAM_ERROR_READ,      /* the stream could not be read */
} AftercareJsonStreamError;
GQuark aftercare_json_stream_error_quark (void);

typedef enum {
  AFTERCARE_JSON_TOKEN_END,           /* the end of the input */
  AFTERCARE_JSON_TOKEN_BEGIN_OBJECT,
  AFTERCARE_JSON_TOKEN_END_OBJECT,
  AFTERCARE_JSON_TOKEN_BEGIN_ARRAY,
  AFTERCARE_JSON_TOKEN_END_ARRAY,
  AFTERCARE_JSON_TOKEN_COLON,
  AFTERCARE_JSON_TOKEN_COMMA,
  AFTERCARE_JSON_TOKEN_STRING,
  AFTERCARE_JSON_TOKEN_INTEGER,       /* no fraction or exponent */
  AFTERCARE_JSON_TOKEN_DOUBLE,
  AFTERCARE_JSON_TOKEN_TRUE,
  AFTERCARE_JSON_TOKEN_FALSE,
  AFTERCARE_JSON_TOKEN_NULL,
} AftercareJsonToken;

/* In a string's value, each piece that is not valid text (bytes that are
 * not UTF-8, a NUL, "\u0000", half of a UTF-16 surrogate pair) reads as
 * U+FDD0, a noncharacter set aside for a program's own use, and the
 * stream remembers the first line holding one. */
#define AFTERCARE_JSON_STREAM_BAD_TEXT "\xEF\xB7\x90"

typedef struct _AftercareJsonStream AftercareJsonStream;

/* Reads input (a leading byte order mark is skipped) in pieces of a fixed
 * size; or data, which must outlive the stream. */
AftercareJsonStream *aftercare_json_stream_new          (GInputStream        *input,
                                                        GCancellable        *cancellable);
AftercareJsonStream *aftercare_json_stream_new_for_data (const char          *data,
                                                         gsize                length);
void                 aftercare_json_stream_free         (AftercareJsonStream *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AftercareJsonStream, aftercare_json_stream_free)

/* The next token, or FALSE with error. */
gboolean    aftercare_json_stream_next          (AftercareJsonStream  *self,
                                                 AftercareJsonToken   *token,
                                                 GError              **error);
/* Sets a syntax error for token, the last one read, which does not
 * belong where it is; returns FALSE. */
gboolean    aftercare_json_stream_unexpected    (AftercareJsonStream  *self,
                                                 AftercareJsonToken    token,
                                                 GError              **error);
/* The last STRING's value (UTF-8, NUL-terminated) and its length. */
const char *aftercare_json_stream_get_string    (AftercareJsonStream  *self,
                                                 gsize                *length);
/* The last INTEGER (*too_long when it has 19 digits or more, which no
 * field holds and 64 bits may not) or DOUBLE. */
gint64      aftercare_json_stream_get_integer   (AftercareJsonStream  *self,
                                                 gboolean             *too_long);
double      aftercare_json_stream_get_double    (AftercareJsonStream  *self);
/* The line the last token ends on (from 1). */
guint       aftercare_json_stream_get_line      (AftercareJsonStream  *self);
/* The first line holding text that is not valid in a string, or 0. */
guint       aftercare_json_stream_get_bad_text_line (AftercareJsonStream *self);
/* The most bytes the stream has held at once (its read buffer and the
 * longest token), whatever the length of the input. */
gsize       aftercare_json_stream_get_peak_bytes (AftercareJsonStream *self);

G_END_DECLS
