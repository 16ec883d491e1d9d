/* aftercare-json-stream.c: JSON (RFC 8259) read token by token from a stream, holding one token at a time, with the line each ends on. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-json-stream"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "aftercare-json-stream.h"

/* How much of the input is read at once. */
#define CHUNK_BYTES (64 * 1024)
/* No field holds a number of this many digits (and 64 bits may not). */
#define LONG_DIGIT_RUN 19

G_DEFINE_QUARK (aftercare-json-stream-error-quark, aftercare_json_stream_error)

struct _AftercareJsonStream
{
  GInputStream *input;     /* NULL: all of it is in data */
  GCancellable *cancellable;   /* stops reading input */
  char *buffer;            /* CHUNK_BYTES, when reading input */
  const char *data;
  gsize length;
  gsize position;
  gboolean at_end;         /* input has no more */
  GError *read_error;
  gboolean started;        /* the byte order mark is behind */

  guint line;
  guint column;            /* characters read on the line */
  guint token_line;
  guint token_start_line;
  guint token_start_column;
  GString *text;           /* the last string's value, or number's characters */
  gint64 integer;
  gboolean too_long;
  double number;
  guint bad_text_line;
  gsize peak_bytes;
};

AftercareJsonStream *
aftercare_json_stream_new (GInputStream *input,
                           GCancellable *cancellable)
{
  AftercareJsonStream *self = g_new0 (AftercareJsonStream, 1);

  g_return_val_if_fail (G_IS_INPUT_STREAM (input), NULL);

  self->input = g_object_ref (input);
  self->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  self->buffer = g_malloc (CHUNK_BYTES);
  self->data = self->buffer;
  self->line = 1;
  self->text = g_string_sized_new (256);
  return self;
}

AftercareJsonStream *
aftercare_json_stream_new_for_data (const char *data,
                                    gsize       length)
{
  AftercareJsonStream *self = g_new0 (AftercareJsonStream, 1);

  self->data = data != NULL ? data : "";
  self->length = data != NULL ? length : 0;
  self->at_end = TRUE;
  self->line = 1;
  self->text = g_string_sized_new (256);
  return self;
}

void
aftercare_json_stream_free (AftercareJsonStream *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->cancellable);
  g_clear_object (&self->input);
  g_clear_error (&self->read_error);
  g_free (self->buffer);
  g_string_free (self->text, TRUE);
  g_free (self);
}

/* Reading bytes */

/* Makes at least n bytes available from the position, unless the input
 * ends first; the bytes not read yet move to the buffer's start. */
static void
ensure (AftercareJsonStream *self,
        gsize                n)
{
  gsize kept;

  if (self->length - self->position >= n || self->at_end)
    return;
  kept = self->length - self->position;
  memmove (self->buffer, self->data + self->position, kept);
  self->data = self->buffer;
  self->position = 0;
  self->length = kept;
  while (self->length < n && !self->at_end)
    {
      gssize got = g_input_stream_read (self->input, self->buffer + self->length,
                                        CHUNK_BYTES - self->length, self->cancellable, &self->read_error);

      if (got <= 0)
        self->at_end = TRUE;
      else
        self->length += (gsize) got;
    }
}

/* The next byte, or -1 at the end. */
static inline int
peek (AftercareJsonStream *self)
{
  if (G_UNLIKELY (self->position >= self->length))
    {
      ensure (self, 1);
      if (self->position >= self->length)
        return -1;
    }
  return (guchar) self->data[self->position];
}

static inline void
advance (AftercareJsonStream *self)
{
  guchar c = (guchar) self->data[self->position++];

  if (c == '\n')
    {
      self->line++;
      self->column = 0;
    }
  else if ((c & 0xC0) != 0x80)
    self->column++;
}

static gboolean
syntax_error (AftercareJsonStream  *self,
              gboolean              at_end,
              const char           *problem,
              GError              **error)
{
  if (self->read_error != NULL)
    {
      g_set_error (error, AFTERCARE_JSON_STREAM_ERROR, AFTERCARE_JSON_STREAM_ERROR_READ,
                   "%s", self->read_error->message);
      return FALSE;
    }
  /* "<data>:LINE:COLUMN: ", as json-glib said it. */
  g_set_error (error, AFTERCARE_JSON_STREAM_ERROR, AFTERCARE_JSON_STREAM_ERROR_SYNTAX,
               "<data>:%u:%u: %s", self->line, self->column + (at_end ? 0 : 1), problem);
  return FALSE;
}

static gboolean
unexpected (AftercareJsonStream  *self,
            int                   c,
            GError              **error)
{
  if (c < 0)
    return syntax_error (self, TRUE, _("the text ends too soon"), error);
  return syntax_error (self, FALSE, _("unexpected character"), error);
}

/* The character at the position, if it is valid UTF-8 (and not NUL), and
 * its length; else -1. */
static gunichar
utf8_char (AftercareJsonStream *self,
           gsize               *length)
{
  gunichar c;

  ensure (self, 4);
  c = g_utf8_get_char_validated (self->data + self->position, MIN (4, self->length - self->position));
  if (c == (gunichar) -1 || c == (gunichar) -2 || c == 0)
    return (gunichar) -1;
  *length = g_utf8_next_char (self->data + self->position) - (self->data + self->position);
  return c;
}

/* Strings */

static void
bad_text (AftercareJsonStream *self)
{
  if (self->bad_text_line == 0)
    self->bad_text_line = self->line;
  g_string_append (self->text, AFTERCARE_JSON_STREAM_BAD_TEXT);
}

static int
hex_at (const char *p)
{
  int value = 0;

  for (guint i = 0; i < 4; i++)
    {
      if (!g_ascii_isxdigit (p[i]))
        return -1;
      value = value * 16 + g_ascii_xdigit_value (p[i]);
    }
  return value;
}

/* After "\u": four hex digits, and the low half of a surrogate pair
 * ("\udc00") when they are a high half. */
static gboolean
read_u_escape (AftercareJsonStream  *self,
               GError              **error)
{
  int first, second;

  ensure (self, 4);
  if (self->length - self->position < 4 || (first = hex_at (self->data + self->position)) < 0)
    return syntax_error (self, FALSE, _("a \\u escape needs four hexadecimal digits"), error);
  for (guint i = 0; i < 4; i++)
    advance (self);
  if (first >= 0xD800 && first <= 0xDBFF)
    {
      ensure (self, 6);
      if (self->length - self->position >= 6 &&
          self->data[self->position] == '\\' && self->data[self->position + 1] == 'u' &&
          (second = hex_at (self->data + self->position + 2)) >= 0xDC00 && second <= 0xDFFF)
        {
          for (guint i = 0; i < 6; i++)
            advance (self);
          g_string_append_unichar (self->text, 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00));
        }
      else
        bad_text (self);
    }
  else if (first == 0 || (first >= 0xDC00 && first <= 0xDFFF))
    bad_text (self);
  else
    g_string_append_unichar (self->text, (gunichar) first);
  return TRUE;
}

static gboolean
read_escape (AftercareJsonStream  *self,
             GError              **error)
{
  int c;

  advance (self);   /* the backslash */
  c = peek (self);
  switch (c)
    {
    case '"': case '\\': case '/': g_string_append_c (self->text, (char) c); break;
    case 'b': g_string_append_c (self->text, '\b'); break;
    case 'f': g_string_append_c (self->text, '\f'); break;
    case 'n': g_string_append_c (self->text, '\n'); break;
    case 'r': g_string_append_c (self->text, '\r'); break;
    case 't': g_string_append_c (self->text, '\t'); break;
    case 'u':
      advance (self);
      return read_u_escape (self, error);
    default:
      if (c < 0)
        return unexpected (self, c, error);
      return syntax_error (self, FALSE, _("unknown escape"), error);
    }
  advance (self);
  return TRUE;
}

static gboolean
read_string (AftercareJsonStream  *self,
             GError              **error)
{
  advance (self);   /* the opening quote */
  for (;;)
    {
      const char *run = self->data + self->position;
      const char *end = self->data + self->length;
      const char *p = run;
      int c;

      /* Plain printable ASCII, the most of any text, in one go. */
      while (p < end && (guchar) *p >= 0x20 && (guchar) *p < 0x80 && *p != '"' && *p != '\\')
        p++;
      if (p > run)
        {
          g_string_append_len (self->text, run, p - run);
          self->column += p - run;
          self->position += p - run;
        }
      c = peek (self);
      if (c == '"')
        {
          advance (self);
          return TRUE;
        }
      if (c == '\\')
        {
          if (!read_escape (self, error))
            return FALSE;
        }
      else if (c < 0)
        return syntax_error (self, TRUE, _("a string is not closed"), error);
      else if (c == 0)
        {
          bad_text (self);
          advance (self);
        }
      else if (c < 0x80)
        {
          /* A control character typed as it is (json-glib took them too). */
          g_string_append_c (self->text, (char) c);
          advance (self);
        }
      else
        {
          gsize length = 0;

          if (utf8_char (self, &length) == (gunichar) -1)
            {
              bad_text (self);
              advance (self);
            }
          else
            {
              g_string_append_len (self->text, self->data + self->position, length);
              while (length-- > 0)
                advance (self);
            }
        }
    }
}

/* Numbers and words */

static guint
read_digits (AftercareJsonStream *self)
{
  guint n = 0;
  int c;

  while ((c = peek (self)) >= '0' && c <= '9')
    {
      g_string_append_c (self->text, (char) c);
      advance (self);
      n++;
    }
  return n;
}

static gboolean
read_number (AftercareJsonStream  *self,
             AftercareJsonToken   *token,
             GError              **error)
{
  gboolean fraction = FALSE;
  guint digits;
  int c;

  if (peek (self) == '-')
    {
      g_string_append_c (self->text, '-');
      advance (self);
    }
  c = peek (self);
  if (c == '0')
    {
      g_string_append_c (self->text, '0');
      advance (self);
      digits = 1;
    }
  else if ((digits = read_digits (self)) == 0)
    return unexpected (self, c, error);
  if (peek (self) == '.')
    {
      g_string_append_c (self->text, '.');
      advance (self);
      c = peek (self);
      if (read_digits (self) == 0)
        return unexpected (self, c, error);
      fraction = TRUE;
    }
  if ((c = peek (self)) == 'e' || c == 'E')
    {
      g_string_append_c (self->text, 'e');
      advance (self);
      if ((c = peek (self)) == '+' || c == '-')
        {
          g_string_append_c (self->text, (char) c);
          advance (self);
        }
      c = peek (self);
      if (read_digits (self) == 0)
        return unexpected (self, c, error);
      fraction = TRUE;
    }
  if (fraction)
    {
      *token = AFTERCARE_JSON_TOKEN_DOUBLE;
      self->number = g_ascii_strtod (self->text->str, NULL);
    }
  else
    {
      *token = AFTERCARE_JSON_TOKEN_INTEGER;
      self->too_long = digits >= LONG_DIGIT_RUN;
      self->integer = self->too_long ? 0 : g_ascii_strtoll (self->text->str, NULL, 10);
    }
  return TRUE;
}

static gboolean
read_word (AftercareJsonStream  *self,
           const char           *word,
           GError              **error)
{
  for (const char *w = word; *w != '\0'; w++)
    {
      int c = peek (self);

      if (c != *w)
        return unexpected (self, c, error);
      advance (self);
    }
  return TRUE;
}

/* Tokens */

gboolean
aftercare_json_stream_next (AftercareJsonStream  *self,
                            AftercareJsonToken   *token,
                            GError              **error)
{
  gboolean ok = TRUE;
  int c;

  g_return_val_if_fail (self != NULL && token != NULL, FALSE);

  if (!self->started)
    {
      self->started = TRUE;
      ensure (self, 3);
      if (self->length - self->position >= 3 && memcmp (self->data + self->position, "\xEF\xBB\xBF", 3) == 0)
        self->position += 3;
    }
  while ((c = peek (self)) == ' ' || c == '\t' || c == '\n' || c == '\r')
    advance (self);
  g_string_truncate (self->text, 0);
  self->token_start_line = self->line;
  self->token_start_column = self->column + (c < 0 ? 0 : 1);
  switch (c)
    {
    case -1:
      if (self->read_error != NULL)
        return syntax_error (self, TRUE, NULL, error);
      *token = AFTERCARE_JSON_TOKEN_END;
      break;
    case '{': *token = AFTERCARE_JSON_TOKEN_BEGIN_OBJECT; advance (self); break;
    case '}': *token = AFTERCARE_JSON_TOKEN_END_OBJECT; advance (self); break;
    case '[': *token = AFTERCARE_JSON_TOKEN_BEGIN_ARRAY; advance (self); break;
    case ']': *token = AFTERCARE_JSON_TOKEN_END_ARRAY; advance (self); break;
    case ':': *token = AFTERCARE_JSON_TOKEN_COLON; advance (self); break;
    case ',': *token = AFTERCARE_JSON_TOKEN_COMMA; advance (self); break;
    case '"':
      *token = AFTERCARE_JSON_TOKEN_STRING;
      ok = read_string (self, error);
      break;
    case 't':
      *token = AFTERCARE_JSON_TOKEN_TRUE;
      ok = read_word (self, "true", error);
      break;
    case 'f':
      *token = AFTERCARE_JSON_TOKEN_FALSE;
      ok = read_word (self, "false", error);
      break;
    case 'n':
      *token = AFTERCARE_JSON_TOKEN_NULL;
      ok = read_word (self, "null", error);
      break;
    default:
      if (c == '-' || (c >= '0' && c <= '9'))
        ok = read_number (self, token, error);
      else
        {
          gsize length;

          if (c == 0 || (c >= 0x80 && utf8_char (self, &length) == (gunichar) -1))
            {
              g_set_error (error, AFTERCARE_JSON_STREAM_ERROR, AFTERCARE_JSON_STREAM_ERROR_NOT_UTF8,
                           "<data>:%u: not UTF-8", self->line);
              self->token_line = self->line;
              return FALSE;
            }
          return unexpected (self, c, error);
        }
    }
  self->token_line = self->line;
  self->peak_bytes = MAX (self->peak_bytes,
                          (self->buffer != NULL ? CHUNK_BYTES : 0) + self->text->allocated_len);
  return ok;
}

gboolean
aftercare_json_stream_unexpected (AftercareJsonStream  *self,
                                  AftercareJsonToken    token,
                                  GError              **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  g_set_error (error, AFTERCARE_JSON_STREAM_ERROR, AFTERCARE_JSON_STREAM_ERROR_SYNTAX,
               "<data>:%u:%u: %s", self->token_start_line, self->token_start_column,
               token == AFTERCARE_JSON_TOKEN_END ? _("the text ends too soon")
                                                 : _("this does not belong here"));
  return FALSE;
}

const char *
aftercare_json_stream_get_string (AftercareJsonStream *self,
                                  gsize               *length)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (length != NULL)
    *length = self->text->len;
  return self->text->str;
}

gint64
aftercare_json_stream_get_integer (AftercareJsonStream *self,
                                   gboolean            *too_long)
{
  g_return_val_if_fail (self != NULL, 0);

  if (too_long != NULL)
    *too_long = self->too_long;
  return self->integer;
}

double
aftercare_json_stream_get_double (AftercareJsonStream *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->number;
}

guint
aftercare_json_stream_get_line (AftercareJsonStream *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->token_line;
}

guint
aftercare_json_stream_get_bad_text_line (AftercareJsonStream *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->bad_text_line;
}

gsize
aftercare_json_stream_get_peak_bytes (AftercareJsonStream *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->peak_bytes;
}
