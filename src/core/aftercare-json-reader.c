/* aftercare-json-reader.c: one careful way to read a JSON document (the --assess request, the backup), with messages that name the field's full path. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-json-reader"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "aftercare-enums.h"
#include "aftercare-json-reader.h"
#include "aftercare-time.h"
#include "aftercare-util.h"

/* What json-glib 1.6 lets through and this reader does not:
 * - "{…}{…}" and "var x = {…}": it stops after the first value and takes
 *   JavaScript assignments (is_one_value());
 * - integers too long for 64 bits, which it wraps into other numbers
 *   without a word (-18446744073709551606 reads as 10): defuse_long_numbers();
 * - deep nesting, where its recursion overflows the stack (80,000 "["):
 *   check_depth() counts first;
 * - text that is not valid: a lone UTF-16 surrogate escape ("X\ud800Y"),
 *   which it turns into bytes that are not UTF-8 while dropping the next
 *   character, and "\u0000", which cuts the string short: mark_bad_text()
 *   finds them, and bytes that are not UTF-8, before it parses.
 * Its other leniencies (comments, single quotes) change no value. Of two
 * members with the same name the last one counts. */

#define MAX_ECHO_CHARS 40
/* No field holds a number of this many digits. */
#define LONG_DIGIT_RUN 19
/* U+FDD0, a noncharacter that Unicode sets aside for a program's own use,
 * stands in the parsed text for a piece of text that is not valid. */
#define BAD_TEXT_ESCAPE "\\ufdd0"
#define BAD_TEXT_UTF8 "\xEF\xB7\x90"

struct _AftercareJsonReader
{
  char *document;
  GQuark domain;
  int codes[AFTERCARE_JSON_N_PROBLEMS];
  gboolean with_lines;
  JsonParser *parser;
  GHashTable *lines;   /* "%p:name", "%p}" (object end), "%p[i" (element) -> line */
  guint bad_text_line;  /* the first line with text that is not valid, or 0 */
  gboolean bad_text_reported;
};

AftercareJsonReader *
aftercare_json_reader_new (const char *document,
                           GQuark      domain,
                           const int   codes[AFTERCARE_JSON_N_PROBLEMS],
                           gboolean    with_lines)
{
  AftercareJsonReader *self = g_new0 (AftercareJsonReader, 1);

  self->document = g_strdup (document);
  self->domain = domain;
  memcpy (self->codes, codes, sizeof self->codes);
  self->with_lines = with_lines;
  self->lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return self;
}

void
aftercare_json_reader_free (AftercareJsonReader *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->parser);
  g_clear_pointer (&self->lines, g_hash_table_unref);
  g_free (self->document);
  g_free (self);
}

char *
aftercare_json_echo (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  g_autofree char *shortened = NULL;
  char exceptions[129];

  if (g_utf8_strlen (valid, -1) > MAX_ECHO_CHARS)
    {
      g_autofree char *head = g_utf8_substring (valid, 0, MAX_ECHO_CHARS);
      shortened = g_strconcat (head, "…", NULL);
    }
  else
    shortened = g_steal_pointer (&valid);
  /* g_strescape() escapes bytes from 0x80 on too: keep UTF-8 as it is. */
  for (int i = 0; i < 128; i++)
    exceptions[i] = (char) (0x80 + i);
  exceptions[128] = '\0';
  return g_strescape (shortened, exceptions);
}

char *
aftercare_json_problem_time (const char *text)
{
  g_autofree char *echo = aftercare_json_echo (text);

  return g_strdup_printf (_("“%s” is not a date and time with an offset in the years 1900 to 9000, "
                            "such as 2026-11-24T10:00:00Z or 2026-11-24T11:00:00+01:00"), echo);
}

char *
aftercare_json_problem_key (GType       type,
                            const char *key)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) keys = NULL;
  g_autofree char *allowed = NULL;
  g_autofree char *echo = aftercare_json_echo (key);

  if (G_IS_ENUM_CLASS (klass))
    for (guint i = 0; i < G_ENUM_CLASS (klass)->n_values; i++)
      g_strv_builder_add (builder, G_ENUM_CLASS (klass)->values[i].value_nick);
  else
    for (guint i = 0; i < G_FLAGS_CLASS (klass)->n_values; i++)
      g_strv_builder_add (builder, G_FLAGS_CLASS (klass)->values[i].value_nick);
  keys = g_strv_builder_end (builder);
  allowed = g_strjoinv (", ", keys);
  /* Translators: "“shiatsu” is not one of: swedish, deep-tissue, …". */
  return g_strdup_printf (_("“%s” is not one of: %s"), echo, allowed);
}

const char *
aftercare_json_problem_bad_text (void)
{
  return _("is not valid text: it holds bytes that are not UTF-8, a NUL, or half of a UTF-16 "
           "surrogate pair (such as \\ud800 alone)");
}

char *
aftercare_json_problem_number (const char *text,
                               guint       max)
{
  g_autofree char *echo = aftercare_json_echo (text);

  return g_strdup_printf (_("“%s” is not a whole number from 0 to %u"), echo, max);
}

/* Parsing */

/* Records where values end, for "Line N, " in messages: keyed by the
 * value's address in hex, a mark (':' a member, '}' the object's end, '['
 * an element) and the member's name or the element's index. Made by hand:
 * a large backup makes a million of them. */
#define ADDRESS_DIGITS (2 * (guint) sizeof (gpointer))

static char *
value_key (gconstpointer  value,
           char           mark,
           const char    *tail,
           gsize          tail_length)
{
  char *key = g_malloc (ADDRESS_DIGITS + 1 + tail_length + 1);
  guintptr address = (guintptr) value;

  for (guint i = 0; i < ADDRESS_DIGITS; i++)
    key[ADDRESS_DIGITS - 1 - i] = "0123456789abcdef"[(address >> (4 * i)) & 0xF];
  key[ADDRESS_DIGITS] = mark;
  memcpy (key + ADDRESS_DIGITS + 1, tail, tail_length);
  key[ADDRESS_DIGITS + 1 + tail_length] = '\0';
  return key;
}

static char *
member_key (JsonObject *object,
            const char *name)
{
  return name != NULL ? value_key (object, ':', name, strlen (name)) : value_key (object, '}', "", 0);
}

static char *
element_key (JsonArray *array,
             guint      index)
{
  char buffer[AFTERCARE_UINT_DIGITS];
  gsize length;
  const char *digits = aftercare_uint_digits (index, buffer, &length);

  return value_key (array, '[', digits, length);
}

static void
remember_line (AftercareJsonReader *self,
               char                *key)
{
  g_hash_table_replace (self->lines, key,
                        GUINT_TO_POINTER (json_parser_get_current_line (self->parser)));
}

static void
on_object_member (JsonParser          *parser,
                  JsonObject          *object,
                  const char          *name,
                  AftercareJsonReader *self)
{
  remember_line (self, member_key (object, name));
}

static void
on_object_end (JsonParser          *parser,
               JsonObject          *object,
               AftercareJsonReader *self)
{
  remember_line (self, member_key (object, NULL));
}

static void
on_array_element (JsonParser          *parser,
                  JsonArray           *array,
                  int                  index,
                  AftercareJsonReader *self)
{
  remember_line (self, element_key (array, (guint) index));
}

static guint
line_of (AftercareJsonReader *self,
         char                *key)
{
  g_autofree char *owned = key;

  return GPOINTER_TO_UINT (g_hash_table_lookup (self->lines, owned));
}

static gboolean fail_at (AftercareJsonReader *self, guint line, const char *path,
                         AftercareJsonProblem problem, GError **error,
                         const char *format, ...) G_GNUC_PRINTF (6, 7);

static gboolean
fail_at (AftercareJsonReader  *self,
         guint                 line,
         const char           *path,
         AftercareJsonProblem  problem,
         GError              **error,
         const char           *format,
         ...)
{
  g_autofree char *detail = NULL;
  va_list args;

  va_start (args, format);
  detail = g_strdup_vprintf (format, args);
  va_end (args);
  if (self->with_lines && line > 0)
    /* Translators: "Line 7, sessions[3].checkins[0].soreness: …". */
    g_set_error (error, self->domain, self->codes[problem], _("Line %u, %s: %s"), line, path, detail);
  else
    g_set_error (error, self->domain, self->codes[problem], "%s: %s", path, detail);
  return FALSE;
}

/* Counts the nesting of [ and { outside strings. */
static gboolean
check_depth (const char *text,
             gsize       length)
{
  guint depth = 0;
  gboolean in_string = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      char c = text[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > AFTERCARE_JSON_MAX_DEPTH)
            return FALSE;
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }
  return TRUE;
}

/* A run of LONG_DIGIT_RUN digits or more outside strings becomes "1e999…"
 * of the same length: an infinite number, which every field rejects by
 * name, while lines and columns stay where they were. */
static char *
defuse_long_numbers (const char *data,
                     gsize       length)
{
  char *copy = g_malloc (length + 1);
  gboolean in_string = FALSE;
  gsize i = 0;

  memcpy (copy, data, length);
  copy[length] = '\0';
  while (i < length)
    {
      gsize run = 0;

      if (in_string)
        {
          if (copy[i] == '\\')
            i++;
          else if (copy[i] == '"')
            in_string = FALSE;
          i++;
          continue;
        }
      if (copy[i] == '"')
        {
          in_string = TRUE;
          i++;
          continue;
        }
      while (i + run < length && g_ascii_isdigit (copy[i + run]))
        run++;
      if (run >= LONG_DIGIT_RUN)
        {
          copy[i] = '1';
          copy[i + 1] = 'e';
          memset (copy + i + 2, '9', run - 2);
        }
      i += MAX (run, 1);
    }
  return copy;
}

/* Reads "\uXXXX" at p (before end) into *value. */
static gboolean
read_u_escape (const char *p,
               const char *end,
               gunichar   *value)
{
  if (end - p < 6 || p[0] != '\\' || p[1] != 'u')
    return FALSE;
  *value = 0;
  for (guint i = 2; i < 6; i++)
    {
      if (!g_ascii_isxdigit (p[i]))
        return FALSE;
      *value = *value * 16 + (gunichar) g_ascii_xdigit_value (p[i]);
    }
  return TRUE;
}

static gboolean
is_high_surrogate (gunichar c)
{
  return c >= 0xD800 && c <= 0xDBFF;
}

static gboolean
is_low_surrogate (gunichar c)
{
  return c >= 0xDC00 && c <= 0xDFFF;
}

/* The text with every piece of a string that is not valid text (bytes
 * that are not UTF-8, a NUL, "\u0000", a surrogate escape without its
 * other half) replaced by BAD_TEXT_ESCAPE, which the string's reader then
 * refuses by the field's name; lines stay where they were. *bad_line is
 * the first line with such a piece (or 0). Bytes that are not UTF-8
 * outside strings make the whole text bad: NULL, with *bad_line. */
static GString *
mark_bad_text (const char *data,
               gsize       length,
               guint      *bad_line)
{
  g_autoptr(GString) out = g_string_sized_new (length);
  const char *p = data, *end = data + length;
  gboolean in_string = FALSE;
  guint line = 1;

  *bad_line = 0;
  while (p < end)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p), first, second;
      gsize bad_length = 0, good_length = 0;

      if (c == (gunichar) -1 || c == (gunichar) -2 || c == 0)
        bad_length = 1;
      else if (in_string && read_u_escape (p, end, &first))
        {
          if (is_high_surrogate (first) && read_u_escape (p + 6, end, &second) && is_low_surrogate (second))
            good_length = 12;
          else if (first == 0 || is_high_surrogate (first) || is_low_surrogate (first))
            bad_length = 6;
          else
            good_length = 6;
        }
      else if (in_string && *p == '\\')
        /* \" and \\ stay inside the string. */
        good_length = p + 1 < end && (guchar) p[1] < 0x80 && p[1] != '\n' ? 2 : 1;
      else
        {
          good_length = g_utf8_next_char (p) - p;
          if (*p == '"')
            in_string = !in_string;
          else if (*p == '\n')
            line++;
        }
      if (bad_length > 0)
        {
          if (*bad_line == 0)
            *bad_line = line;
          if (!in_string)
            return NULL;
          g_string_append (out, BAD_TEXT_ESCAPE);
          p += bad_length;
        }
      else
        {
          g_string_append_len (out, p, good_length);
          p += good_length;
        }
    }
  return g_steal_pointer (&out);
}

/* The same text inside an array parses to exactly one element only when
 * it is one plain value. */
static gboolean
is_one_value (const char *data,
              gsize       length)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GString) wrapped = g_string_sized_new (length + 3);
  JsonNode *root;

  g_string_append_c (wrapped, '[');
  g_string_append_len (wrapped, data, length);
  /* On a line of its own, so a trailing // comment cannot swallow it. */
  g_string_append (wrapped, "\n]");
  if (!json_parser_load_from_data (parser, wrapped->str, wrapped->len, NULL))
    return FALSE;
  root = json_parser_get_root (parser);
  return JSON_NODE_HOLDS_ARRAY (root) && json_array_get_length (json_node_get_array (root)) == 1;
}

/* What a node holds, for "must be text, not a number". */
static const char *
describe_node (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT: return _("an object");
    case JSON_NODE_ARRAY: return _("a list");
    case JSON_NODE_NULL: return _("null");
    case JSON_NODE_VALUE: break;
    default: g_assert_not_reached ();
    }
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING: return _("text");
    case G_TYPE_BOOLEAN: return _("true or false");
    default: return _("a number");
    }
}

JsonObject *
aftercare_json_reader_load (AftercareJsonReader  *self,
                            const char           *data,
                            gsize                 length,
                            GError              **error)
{
  g_autoptr(GError) json_error = NULL;
  g_autoptr(GString) marked = NULL;
  g_autofree char *text = NULL;
  JsonNode *root;

  g_return_val_if_fail (self != NULL && data != NULL, NULL);
  g_return_val_if_fail (self->parser == NULL, NULL);

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }
  if (!check_depth (data, length))
    {
      fail_at (self, 0, self->document, AFTERCARE_JSON_PROBLEM_NOT_JSON, error,
               _("is nested more than %u levels deep"), AFTERCARE_JSON_MAX_DEPTH);
      return NULL;
    }
  marked = mark_bad_text (data, length, &self->bad_text_line);
  if (marked == NULL)
    {
      fail_at (self, self->bad_text_line, self->document, AFTERCARE_JSON_PROBLEM_NOT_JSON, error,
               _("is not UTF-8 text"));
      return NULL;
    }
  length = marked->len;
  text = defuse_long_numbers (marked->str, length);
  self->parser = json_parser_new_immutable ();
  if (self->with_lines)
    {
      g_signal_connect (self->parser, "object-member", G_CALLBACK (on_object_member), self);
      g_signal_connect (self->parser, "object-end", G_CALLBACK (on_object_end), self);
      g_signal_connect (self->parser, "array-element", G_CALLBACK (on_array_element), self);
    }
  /* json-glib's message carries the line and column. */
  if (!json_parser_load_from_data (self->parser, text, length, &json_error))
    fail_at (self, 0, self->document, AFTERCARE_JSON_PROBLEM_NOT_JSON, error,
             _("is not valid JSON (%s)"), json_error->message);
  else if ((root = json_parser_get_root (self->parser)) == NULL)
    fail_at (self, 0, self->document, AFTERCARE_JSON_PROBLEM_NOT_JSON, error, _("is empty"));
  else if (!is_one_value (text, length))
    fail_at (self, 0, self->document, AFTERCARE_JSON_PROBLEM_NOT_JSON, error,
             _("must be one JSON object with nothing before or after it"));
  else if (!JSON_NODE_HOLDS_OBJECT (root))
    fail_at (self, 0, self->document, AFTERCARE_JSON_PROBLEM_WRONG_TYPE, error,
             _("must be a JSON object, not %s"), describe_node (root));
  else
    return json_node_get_object (root);
  return NULL;
}

/* Members */

static char *
path_of (const AftercareJsonPlace *place,
         const char               *name)
{
  if (name == NULL)
    return g_strdup (place->path);
  if (place->path == NULL || *place->path == '\0')
    return g_strdup (name);
  return g_strdup_printf ("%s.%s", place->path, name);
}

static guint
place_line (AftercareJsonReader      *self,
            const AftercareJsonPlace *place,
            const char               *name)
{
  guint line = 0;

  if (place->object == NULL)
    return 0;
  if (name != NULL)
    {
      /* "areas[1]" is on the line of "areas". */
      g_autofree char *member = g_strndup (name, strcspn (name, "["));

      line = line_of (self, member_key (place->object, member));
    }
  if (line == 0)
    line = line_of (self, member_key (place->object, NULL));
  return line;
}

static gboolean
fail_valist (AftercareJsonReader      *self,
             const AftercareJsonPlace *place,
             const char               *name,
             AftercareJsonProblem      problem,
             GError                  **error,
             const char               *detail)
{
  g_autofree char *path = path_of (place, name);

  return fail_at (self, place_line (self, place, name), path, problem, error, "%s", detail);
}

gboolean
aftercare_json_reader_fail (AftercareJsonReader      *self,
                            const AftercareJsonPlace *place,
                            const char               *name,
                            AftercareJsonProblem      problem,
                            GError                  **error,
                            const char               *format,
                            ...)
{
  g_autofree char *detail = NULL;
  va_list args;

  va_start (args, format);
  detail = g_strdup_vprintf (format, args);
  va_end (args);
  return fail_valist (self, place, name, problem, error, detail);
}

gboolean
aftercare_json_reader_check_members (AftercareJsonReader      *self,
                                     const AftercareJsonPlace *place,
                                     const char * const       *allowed,
                                     GError                  **error)
{
  g_autoptr(GList) members = json_object_get_members (place->object);

  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (allowed, l->data))
      {
        g_autofree char *name = aftercare_json_echo (l->data);

        /* Translators: a JSON object has a member the format does not have. */
        return aftercare_json_reader_fail (self, place, name, AFTERCARE_JSON_PROBLEM_UNKNOWN_FIELD,
                                           error, _("is not a known field; check its spelling"));
      }
  return TRUE;
}

/* The member's node, or NULL when it is absent or null and not required. */
static gboolean
lookup (AftercareJsonReader      *self,
        const AftercareJsonPlace *place,
        const char               *name,
        gboolean                  required,
        JsonNode                **node,
        GError                  **error)
{
  *node = json_object_get_member (place->object, name);
  if (*node != NULL && JSON_NODE_HOLDS_NULL (*node))
    {
      *node = NULL;
      if (required)
        return aftercare_json_reader_fail (self, place, name, AFTERCARE_JSON_PROBLEM_MISSING, error,
                                           _("is required and may not be null"));
    }
  else if (*node == NULL && required)
    return aftercare_json_reader_fail (self, place, name, AFTERCARE_JSON_PROBLEM_MISSING, error,
                                       _("is missing"));
  return TRUE;
}

static gboolean
holds (JsonNode *node,
       GType     value_type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == value_type;
}

gboolean
aftercare_json_reader_plain_string (AftercareJsonReader  *self,
                                    JsonNode             *node,
                                    const char          **value)
{
  const char *text;

  if (!holds (node, G_TYPE_STRING))
    return FALSE;
  text = json_node_get_string (node);
  if (!g_utf8_validate (text, -1, NULL) ||
      (self->bad_text_line != 0 && strstr (text, BAD_TEXT_UTF8) != NULL))
    return FALSE;
  *value = text;
  return TRUE;
}

gboolean
aftercare_json_reader_plain_number (JsonNode *node,
                                    guint     max,
                                    guint    *value)
{
  gint64 number;

  if (!holds (node, G_TYPE_INT64))
    return FALSE;
  number = json_node_get_int (node);
  if (number < 0 || number > max)
    return FALSE;
  *value = (guint) number;
  return TRUE;
}

gboolean
aftercare_json_reader_plain_flags (AftercareJsonReader *self,
                                   JsonNode            *node,
                                   GType                flags_type,
                                   guint               *value)
{
  JsonArray *array;
  guint flags = 0;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      const char *key;
      guint flag;

      if (!aftercare_json_reader_plain_string (self, json_array_get_element (array, i), &key) ||
          !aftercare_flags_from_keys (flags_type, (const char *[]) { key, NULL }, &flag, NULL))
        return FALSE;
      flags |= flag;
    }
  *value = flags;
  return TRUE;
}

/* The string of node, or NULL after setting error. */
static const char *
node_string (AftercareJsonReader      *self,
             const AftercareJsonPlace *place,
             const char               *name,
             JsonNode                 *node,
             GError                  **error)
{
  const char *text;

  if (aftercare_json_reader_plain_string (self, node, &text))
    return text;
  if (holds (node, G_TYPE_STRING))
    {
      /* Told to a caller that wants to know, not to one only trying. */
      if (error != NULL)
        self->bad_text_reported = TRUE;
      aftercare_json_reader_fail (self, place, name, AFTERCARE_JSON_PROBLEM_OTHER, error, "%s",
                                  aftercare_json_problem_bad_text ());
      return NULL;
    }
  aftercare_json_reader_fail (self, place, name, AFTERCARE_JSON_PROBLEM_WRONG_TYPE, error,
                              _("must be text, not %s"), describe_node (node));
  return NULL;
}

gboolean
aftercare_json_reader_string (AftercareJsonReader      *self,
                              const AftercareJsonPlace *place,
                              const char               *name,
                              gboolean                  required,
                              const char              **value,
                              GError                  **error)
{
  JsonNode *node;
  const char *text;

  if (!lookup (self, place, name, required, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;
  if ((text = node_string (self, place, name, node, error)) == NULL)
    return FALSE;
  *value = text;
  return TRUE;
}

gboolean
aftercare_json_reader_boolean (AftercareJsonReader      *self,
                               const AftercareJsonPlace *place,
                               const char               *name,
                               gboolean                  required,
                               gboolean                 *value,
                               GError                  **error)
{
  JsonNode *node;

  if (!lookup (self, place, name, required, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;
  if (!holds (node, G_TYPE_BOOLEAN))
    return aftercare_json_reader_fail (self, place, name, AFTERCARE_JSON_PROBLEM_WRONG_TYPE, error,
                                       _("must be true or false, not %s"), describe_node (node));
  *value = json_node_get_boolean (node);
  return TRUE;
}

gboolean
aftercare_json_reader_number (AftercareJsonReader      *self,
                              const AftercareJsonPlace *place,
                              const char               *name,
                              gboolean                  required,
                              guint                     max,
                              guint                    *value,
                              GError                  **error)
{
  JsonNode *node;
  gint64 number;

  if (!lookup (self, place, name, required, &node, error))
    return FALSE;
  if (node == NULL || aftercare_json_reader_plain_number (node, max, value))
    return TRUE;
  if (holds (node, G_TYPE_DOUBLE))
    /* 2.5, 2.0, and the numbers too long to read (defuse_long_numbers()). */
    return aftercare_json_reader_fail (self, place, name, AFTERCARE_JSON_PROBLEM_OUT_OF_RANGE, error,
                                       _("must be a whole number from 0 to %u"), max);
  if (!holds (node, G_TYPE_INT64))
    return aftercare_json_reader_fail (self, place, name, AFTERCARE_JSON_PROBLEM_WRONG_TYPE, error,
                                       _("must be a whole number from 0 to %u, not %s"),
                                       max, describe_node (node));
  number = json_node_get_int (node);
  if (number < 0 || number > max)
    {
      g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, number);
      g_autofree char *problem = aftercare_json_problem_number (text, max);

      return fail_valist (self, place, name, AFTERCARE_JSON_PROBLEM_OUT_OF_RANGE, error, problem);
    }
  *value = (guint) number;
  return TRUE;
}

gboolean
aftercare_json_reader_enum (AftercareJsonReader      *self,
                            const AftercareJsonPlace *place,
                            const char               *name,
                            gboolean                  required,
                            GType                     enum_type,
                            int                      *value,
                            GError                  **error)
{
  const char *key = NULL;

  if (!aftercare_json_reader_string (self, place, name, required, &key, error))
    return FALSE;
  if (key == NULL)
    return TRUE;
  if (!aftercare_enum_from_key (enum_type, key, value))
    {
      g_autofree char *problem = aftercare_json_problem_key (enum_type, key);

      return fail_valist (self, place, name, AFTERCARE_JSON_PROBLEM_UNKNOWN_VALUE, error, problem);
    }
  return TRUE;
}

gboolean
aftercare_json_reader_flags (AftercareJsonReader      *self,
                             const AftercareJsonPlace *place,
                             const char               *name,
                             gboolean                  required,
                             GType                     flags_type,
                             guint                    *value,
                             GError                  **error)
{
  JsonNode *node;
  JsonArray *array;
  guint flags = 0;

  if (!lookup (self, place, name, required, &node, error))
    return FALSE;
  if (node == NULL || aftercare_json_reader_plain_flags (self, node, flags_type, value))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return aftercare_json_reader_fail (self, place, name, AFTERCARE_JSON_PROBLEM_WRONG_TYPE, error,
                                       _("must be a list of keys, not %s"), describe_node (node));
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *element = g_strdup_printf ("%s[%u]", name, i);
      const char *key = node_string (self, place, element, json_array_get_element (array, i), error);
      guint flag;

      if (key == NULL)
        return FALSE;
      if (!aftercare_flags_from_keys (flags_type, (const char *[]) { key, NULL }, &flag, NULL))
        {
          g_autofree char *problem = aftercare_json_problem_key (flags_type, key);

          return fail_valist (self, place, element, AFTERCARE_JSON_PROBLEM_UNKNOWN_VALUE, error,
                              problem);
        }
      flags |= flag;
    }
  *value = flags;
  return TRUE;
}

gboolean
aftercare_json_reader_time (AftercareJsonReader      *self,
                            const AftercareJsonPlace *place,
                            const char               *name,
                            gboolean                  required,
                            GDateTime               **value,
                            GError                  **error)
{
  const char *text = NULL;
  GDateTime *time;

  if (!aftercare_json_reader_string (self, place, name, required, &text, error))
    return FALSE;
  if (text == NULL)
    return TRUE;
  if ((time = aftercare_time_parse (text)) == NULL)
    {
      g_autofree char *problem = aftercare_json_problem_time (text);

      return fail_valist (self, place, name, AFTERCARE_JSON_PROBLEM_BAD_TIME, error, problem);
    }
  *value = time;
  return TRUE;
}

gboolean
aftercare_json_reader_array (AftercareJsonReader      *self,
                             const AftercareJsonPlace *place,
                             const char               *name,
                             gboolean                  required,
                             JsonArray               **value,
                             GError                  **error)
{
  JsonNode *node;

  if (!lookup (self, place, name, required, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return aftercare_json_reader_fail (self, place, name, AFTERCARE_JSON_PROBLEM_WRONG_TYPE, error,
                                       _("must be a list, not %s"), describe_node (node));
  *value = json_node_get_array (node);
  return TRUE;
}

gboolean
aftercare_json_reader_object (AftercareJsonReader      *self,
                              const AftercareJsonPlace *place,
                              const char               *name,
                              gboolean                  required,
                              JsonObject              **value,
                              GError                  **error)
{
  JsonNode *node;

  if (!lookup (self, place, name, required, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return aftercare_json_reader_fail (self, place, name, AFTERCARE_JSON_PROBLEM_WRONG_TYPE, error,
                                       _("must be an object, not %s"), describe_node (node));
  *value = json_node_get_object (node);
  return TRUE;
}

gboolean
aftercare_json_reader_element (AftercareJsonReader      *self,
                               const AftercareJsonPlace *place,
                               const char               *name,
                               JsonArray                *array,
                               guint                     index,
                               JsonObject              **object,
                               GError                  **error)
{
  return aftercare_json_reader_element_node (self, place, name, index, json_array_get_element (array, index),
                                             line_of (self, element_key (array, index)), object, error);
}

/* Streams */

static gboolean
stream_failed (AftercareJsonReader  *self,
               AftercareJsonStream  *stream,
               GError               *stream_error,
               GError              **error)
{
  g_autoptr(GError) owned = stream_error;

  if (g_error_matches (owned, AFTERCARE_JSON_STREAM_ERROR, AFTERCARE_JSON_STREAM_ERROR_NOT_UTF8))
    return fail_at (self, aftercare_json_stream_get_line (stream), self->document, AFTERCARE_JSON_PROBLEM_NOT_JSON,
                    error, _("is not UTF-8 text"));
  if (g_error_matches (owned, AFTERCARE_JSON_STREAM_ERROR, AFTERCARE_JSON_STREAM_ERROR_SYNTAX))
    return fail_at (self, 0, self->document, AFTERCARE_JSON_PROBLEM_NOT_JSON, error,
                    _("is not valid JSON (%s)"), owned->message);
  g_propagate_error (error, g_steal_pointer (&owned));
  return FALSE;
}

gboolean
aftercare_json_reader_next_token (AftercareJsonReader  *self,
                                  AftercareJsonStream  *stream,
                                  AftercareJsonToken   *token,
                                  GError              **error)
{
  GError *stream_error = NULL;

  g_return_val_if_fail (self != NULL && stream != NULL, FALSE);

  if (!aftercare_json_stream_next (stream, token, &stream_error))
    return stream_failed (self, stream, stream_error, error);
  if (*token == AFTERCARE_JSON_TOKEN_STRING && self->bad_text_line == 0)
    self->bad_text_line = aftercare_json_stream_get_bad_text_line (stream);
  return TRUE;
}

gboolean
aftercare_json_reader_unexpected (AftercareJsonReader  *self,
                                  AftercareJsonStream  *stream,
                                  AftercareJsonToken    token,
                                  GError              **error)
{
  GError *stream_error = NULL;

  aftercare_json_stream_unexpected (stream, token, &stream_error);
  return stream_failed (self, stream, stream_error, error);
}

void
aftercare_json_reader_remember_line (AftercareJsonReader *self,
                                     JsonObject          *object,
                                     const char          *name,
                                     guint                line)
{
  g_hash_table_replace (self->lines, member_key (object, name), GUINT_TO_POINTER (line));
}

void
aftercare_json_reader_forget_lines (AftercareJsonReader *self,
                                    JsonObject          *keep)
{
  g_autofree char *prefix = value_key (keep, '\0', "", 0);
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->lines);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (memcmp (key, prefix, ADDRESS_DIGITS) != 0 ||
        (((char *) key)[ADDRESS_DIGITS] != ':' && ((char *) key)[ADDRESS_DIGITS] != '}'))
      g_hash_table_iter_remove (&iter);
}

gboolean
aftercare_json_reader_fail_document (AftercareJsonReader   *self,
                                     AftercareJsonProblem   problem,
                                     const char            *message,
                                     GError               **error)
{
  return fail_at (self, 0, self->document, problem, error, "%s", message);
}

static gboolean read_elements (AftercareJsonReader *self, AftercareJsonStream *stream, JsonArray *array,
                               guint depth, GError **error);

JsonNode *
aftercare_json_reader_read_value (AftercareJsonReader  *self,
                                  AftercareJsonStream  *stream,
                                  AftercareJsonToken    token,
                                  guint                 depth,
                                  GError              **error)
{
  g_autoptr(JsonNode) node = NULL;
  gboolean too_long;
  gint64 integer;

  switch (token)
    {
    case AFTERCARE_JSON_TOKEN_BEGIN_OBJECT:
    case AFTERCARE_JSON_TOKEN_BEGIN_ARRAY:
      if (depth > AFTERCARE_JSON_MAX_DEPTH)
        {
          fail_at (self, 0, self->document, AFTERCARE_JSON_PROBLEM_NOT_JSON, error,
                   _("is nested more than %u levels deep"), AFTERCARE_JSON_MAX_DEPTH);
          return NULL;
        }
      if (token == AFTERCARE_JSON_TOKEN_BEGIN_OBJECT)
        {
          g_autoptr(JsonObject) object = json_object_new ();

          node = json_node_init_object (json_node_alloc (), object);
          if (!aftercare_json_reader_read_members (self, stream, object, depth, NULL, NULL, error))
            return NULL;
        }
      else
        {
          g_autoptr(JsonArray) array = json_array_new ();

          node = json_node_init_array (json_node_alloc (), array);
          if (!read_elements (self, stream, array, depth, error))
            return NULL;
        }
      break;
    case AFTERCARE_JSON_TOKEN_STRING:
      node = json_node_init_string (json_node_alloc (), aftercare_json_stream_get_string (stream, NULL));
      break;
    case AFTERCARE_JSON_TOKEN_INTEGER:
      /* Too long to read: a number no field takes, as load() sees it. */
      integer = aftercare_json_stream_get_integer (stream, &too_long);
      node = too_long ? json_node_init_double (json_node_alloc (), HUGE_VAL)
                      : json_node_init_int (json_node_alloc (), integer);
      break;
    case AFTERCARE_JSON_TOKEN_DOUBLE:
      node = json_node_init_double (json_node_alloc (), aftercare_json_stream_get_double (stream));
      break;
    case AFTERCARE_JSON_TOKEN_TRUE:
    case AFTERCARE_JSON_TOKEN_FALSE:
      node = json_node_init_boolean (json_node_alloc (), token == AFTERCARE_JSON_TOKEN_TRUE);
      break;
    case AFTERCARE_JSON_TOKEN_NULL:
      node = json_node_init_null (json_node_alloc ());
      break;
    case AFTERCARE_JSON_TOKEN_END:
    case AFTERCARE_JSON_TOKEN_END_OBJECT:
    case AFTERCARE_JSON_TOKEN_END_ARRAY:
    case AFTERCARE_JSON_TOKEN_COLON:
    case AFTERCARE_JSON_TOKEN_COMMA:
    default:
      aftercare_json_reader_unexpected (self, stream, token, error);
      return NULL;
    }
  return g_steal_pointer (&node);
}

/* An object's members from the one whose name (owned) and value's first
 * token were just read, through its "}". */
static gboolean
members_from (AftercareJsonReader      *self,
              AftercareJsonStream      *stream,
              JsonObject               *object,
              guint                     depth,
              AftercareJsonMemberFunc   func,
              gpointer                  data,
              char                     *first_name,
              AftercareJsonToken        token,
              GError                  **error)
{
  g_autofree char *name = first_name;

  for (;;)
    {
      gboolean taken = FALSE;
      JsonNode *value;

      if (func != NULL && !func (name, token, &taken, data, error))
        return FALSE;
      if (!taken)
        {
          if ((value = aftercare_json_reader_read_value (self, stream, token, depth + 1, error)) == NULL)
            return FALSE;
          /* Of two members with the same name the last one counts. */
          json_object_set_member (object, name, value);
        }
      aftercare_json_reader_remember_line (self, object, name, aftercare_json_stream_get_line (stream));
      if (!aftercare_json_reader_next_token (self, stream, &token, error))
        return FALSE;
      if (token == AFTERCARE_JSON_TOKEN_END_OBJECT)
        break;
      if (token != AFTERCARE_JSON_TOKEN_COMMA)
        return aftercare_json_reader_unexpected (self, stream, token, error);
      if (!aftercare_json_reader_next_token (self, stream, &token, error))
        return FALSE;
      if (token != AFTERCARE_JSON_TOKEN_STRING)
        return aftercare_json_reader_unexpected (self, stream, token, error);
      g_free (name);
      name = g_strdup (aftercare_json_stream_get_string (stream, NULL));
      if (!aftercare_json_reader_next_token (self, stream, &token, error))
        return FALSE;
      if (token != AFTERCARE_JSON_TOKEN_COLON)
        return aftercare_json_reader_unexpected (self, stream, token, error);
      if (!aftercare_json_reader_next_token (self, stream, &token, error))
        return FALSE;
    }
  aftercare_json_reader_remember_line (self, object, NULL, aftercare_json_stream_get_line (stream));
  return TRUE;
}

gboolean
aftercare_json_reader_read_members (AftercareJsonReader      *self,
                                    AftercareJsonStream      *stream,
                                    JsonObject               *object,
                                    guint                     depth,
                                    AftercareJsonMemberFunc   func,
                                    gpointer                  data,
                                    GError                  **error)
{
  AftercareJsonToken token;
  char *name;

  if (!aftercare_json_reader_next_token (self, stream, &token, error))
    return FALSE;
  if (token == AFTERCARE_JSON_TOKEN_END_OBJECT)
    {
      aftercare_json_reader_remember_line (self, object, NULL, aftercare_json_stream_get_line (stream));
      return TRUE;
    }
  if (token != AFTERCARE_JSON_TOKEN_STRING)
    return aftercare_json_reader_unexpected (self, stream, token, error);
  name = g_strdup (aftercare_json_stream_get_string (stream, NULL));
  if (!aftercare_json_reader_next_token (self, stream, &token, error) ||
      (token != AFTERCARE_JSON_TOKEN_COLON && !aftercare_json_reader_unexpected (self, stream, token, error)) ||
      !aftercare_json_reader_next_token (self, stream, &token, error))
    {
      g_free (name);
      return FALSE;
    }
  return members_from (self, stream, object, depth, func, data, name, token, error);
}

gboolean
aftercare_json_reader_read_members_from (AftercareJsonReader  *self,
                                         AftercareJsonStream  *stream,
                                         JsonObject           *object,
                                         guint                 depth,
                                         const char           *name,
                                         AftercareJsonToken    token,
                                         GError              **error)
{
  return members_from (self, stream, object, depth, NULL, NULL, g_strdup (name), token, error);
}

static gboolean
read_elements (AftercareJsonReader  *self,
               AftercareJsonStream  *stream,
               JsonArray            *array,
               guint                 depth,
               GError              **error)
{
  AftercareJsonToken token;

  if (!aftercare_json_reader_next_token (self, stream, &token, error))
    return FALSE;
  if (token == AFTERCARE_JSON_TOKEN_END_ARRAY)
    return TRUE;
  for (;;)
    {
      JsonNode *value = aftercare_json_reader_read_value (self, stream, token, depth + 1, error);

      if (value == NULL)
        return FALSE;
      json_array_add_element (array, value);
      g_hash_table_replace (self->lines, element_key (array, json_array_get_length (array) - 1),
                            GUINT_TO_POINTER (aftercare_json_stream_get_line (stream)));
      if (!aftercare_json_reader_next_token (self, stream, &token, error))
        return FALSE;
      if (token == AFTERCARE_JSON_TOKEN_END_ARRAY)
        return TRUE;
      if (token != AFTERCARE_JSON_TOKEN_COMMA)
        return aftercare_json_reader_unexpected (self, stream, token, error);
      if (!aftercare_json_reader_next_token (self, stream, &token, error))
        return FALSE;
    }
}

gboolean
aftercare_json_reader_element_node (AftercareJsonReader      *self,
                                    const AftercareJsonPlace *place,
                                    const char               *name,
                                    guint                     index,
                                    JsonNode                 *node,
                                    guint                     line,
                                    JsonObject              **object,
                                    GError                  **error)
{
  g_autofree char *array_path = NULL;
  g_autofree char *path = NULL;

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      *object = json_node_get_object (node);
      return TRUE;
    }
  array_path = path_of (place, name);
  path = g_strdup_printf ("%s[%u]", array_path, index);
  return fail_at (self, line, path, AFTERCARE_JSON_PROBLEM_WRONG_TYPE, error,
                  _("must be an object, not %s"), describe_node (node));
}

gboolean
aftercare_json_reader_check_text (AftercareJsonReader  *self,
                                  GError              **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->bad_text_line == 0 || self->bad_text_reported)
    return TRUE;
  self->bad_text_reported = TRUE;
  return fail_at (self, self->bad_text_line, self->document, AFTERCARE_JSON_PROBLEM_OTHER, error,
                  "%s", aftercare_json_problem_bad_text ());
}
