/* aftercare-assess.c: `aftercare --assess`: a JSON request in, the advisor's assessment out as JSON (DESIGN.md, "Command line"). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-assess"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "aftercare-assess.h"
#include "aftercare-time.h"

/* What the request accepts, beyond what DESIGN.md spells out:
 *
 * - Members the request does not define are rejected, naming them. A
 *   typo in an optional member ("firsttime", "planned-run") would
 *   otherwise fall back to its default silently, and the defaults are the
 *   permissive side (not a first massage, an easy run).
 * - Required: massage.type, massage.pressure, massage.ended_at, and for
 *   each check-in at, soreness and symptoms (DESIGN.md names only
 *   checkins, planned_run, now and first_time as optional; an empty
 *   symptoms list is how "none" is said).
 * - null for an optional member means the same as leaving it out; null for
 *   a required one is an error.
 * - soreness is a JSON integer from 0 to 10: 2.0, 2.5, "2", -1 and 11 are
 *   rejected (the scale is whole numbers).
 * - A symptom listed twice is one symptom (symptoms are a set).
 * - Times need an offset or "Z". A check-in may be at the massage's end or
 *   at now, not before the end nor after now; and now may not be before
 *   the end: a massage that has not ended yet has nothing to assess, and
 *   such a request is almost always a mistyped date.
 * - Of two members with the same name the last one counts (json-glib).
 * - One JSON value and nothing else: "{…}{…}" and "var x = {…}", which
 *   json-glib 1.6 lets through, are rejected (is_one_value()); so are
 *   numbers of 19 digits or more, which it cannot read exactly
 *   (defuse_long_numbers()). Its other leniencies (comments, single
 *   quotes) change no value and are left alone.
 */

G_DEFINE_QUARK (aftercare-assess-error-quark, aftercare_assess_error)

#define MAX_ECHO_CHARS 40

void
aftercare_assess_request_free (AftercareAssessRequest *request)
{
  if (request == NULL)
    return;
  g_clear_object (&request->session);
  g_clear_pointer (&request->checkins, g_ptr_array_unref);
  g_clear_pointer (&request->now, g_date_time_unref);
  g_free (request);
}

static gboolean fail (GError **error, AftercareAssessError code, const char *field,
                      const char *format, ...) G_GNUC_PRINTF (4, 5);

/* Sets error to "field: detail", on one line. */
static gboolean
fail (GError               **error,
      AftercareAssessError   code,
      const char            *field,
      const char            *format,
      ...)
{
  g_autofree char *detail = NULL;
  va_list args;

  va_start (args, format);
  detail = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, AFTERCARE_ASSESS_ERROR, code, "%s: %s", field, detail);
  return FALSE;
}

/* A value from the input, shortened, valid UTF-8 and with control
 * characters escaped, fit to quote inside a one-line message. */
static char *
echo_value (const char *value)
{
  g_autofree char *valid = g_utf8_make_valid (value, -1);
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

static char *
field_name (const char *prefix,
            const char *name)
{
  if (prefix == NULL || *prefix == '\0')
    return g_strdup (name);
  return g_strdup_printf ("%s.%s", prefix, name);
}

/* What a node holds, for "must be a string, not a number". */
static const char *
describe_node (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT: return _("an object");
    case JSON_NODE_ARRAY: return _("an array");
    case JSON_NODE_NULL: return _("null");
    case JSON_NODE_VALUE: break;
    default: g_assert_not_reached ();
    }
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING: return _("a string");
    case G_TYPE_BOOLEAN: return _("true or false");
    default: return _("a number");
    }
}

static gboolean
node_holds (JsonNode *node,
            GType     value_type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == value_type;
}

/* Rejects members of object that are not in allowed. */
static gboolean
check_members (JsonObject          *object,
               const char          *prefix,
               const char * const  *allowed,
               GError             **error)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    {
      if (!g_strv_contains (allowed, l->data))
        {
          g_autofree char *name = echo_value (l->data);
          g_autofree char *field = field_name (prefix, name);

          /* Translators: a JSON object in the request has a member we do not know. */
          return fail (error, AFTERCARE_ASSESS_ERROR_UNKNOWN_FIELD, field,
                       _("is not a field of the request; check its spelling"));
        }
    }
  return TRUE;
}

/* The member's node, or NULL when it is absent or null. A required member
 * must be there and not null. */
static gboolean
lookup_member (JsonObject  *object,
               const char  *name,
               const char  *field,
               gboolean     required,
               JsonNode   **node,
               GError     **error)
{
  *node = json_object_get_member (object, name);
  if (*node != NULL && JSON_NODE_HOLDS_NULL (*node))
    {
      *node = NULL;
      if (required)
        return fail (error, AFTERCARE_ASSESS_ERROR_MISSING, field,
                     _("is required and may not be null"));
    }
  else if (*node == NULL && required)
    return fail (error, AFTERCARE_ASSESS_ERROR_MISSING, field, _("is missing"));
  return TRUE;
}

static gboolean
read_string (JsonNode    *node,
             const char  *field,
             const char **value,
             GError     **error)
{
  if (!node_holds (node, G_TYPE_STRING))
    return fail (error, AFTERCARE_ASSESS_ERROR_WRONG_TYPE, field,
                 _("must be a string, not %s"), describe_node (node));
  *value = json_node_get_string (node);
  return TRUE;
}

static char *
enum_keys_list (GType enum_type)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) keys = NULL;

  for (guint i = 0; i < klass->n_values; i++)
    g_strv_builder_add (builder, klass->values[i].value_nick);
  keys = g_strv_builder_end (builder);
  return g_strjoinv (", ", keys);
}

static gboolean
read_enum (JsonNode    *node,
           const char  *field,
           GType        enum_type,
           int         *value,
           GError     **error)
{
  const char *key = NULL;

  if (!read_string (node, field, &key, error))
    return FALSE;
  if (!aftercare_enum_from_key (enum_type, key, value))
    {
      g_autofree char *echo = echo_value (key);
      g_autofree char *keys = enum_keys_list (enum_type);

      /* Translators: the first %s is the value given, the second the list of allowed ones. */
      return fail (error, AFTERCARE_ASSESS_ERROR_UNKNOWN_VALUE, field,
                   _("unknown value \"%s\"; use one of %s"), echo, keys);
    }
  return TRUE;
}

static gboolean
read_time (JsonNode    *node,
           const char  *field,
           GDateTime  **value,
           GError     **error)
{
  const char *text = NULL;

  if (!read_string (node, field, &text, error))
    return FALSE;
  *value = aftercare_time_parse (text);
  if (*value == NULL)
    {
      g_autofree char *echo = echo_value (text);

      return fail (error, AFTERCARE_ASSESS_ERROR_BAD_TIME, field,
                   _("\"%s\" is not a date and time with an offset in the years 1900 to 9000, "
                     "such as 2026-11-24T10:00:00Z or 2026-11-24T11:00:00+01:00"), echo);
    }
  return TRUE;
}

static gboolean
read_boolean (JsonNode    *node,
              const char  *field,
              gboolean    *value,
              GError     **error)
{
  if (!node_holds (node, G_TYPE_BOOLEAN))
    return fail (error, AFTERCARE_ASSESS_ERROR_WRONG_TYPE, field,
                 _("must be true or false, not %s"), describe_node (node));
  *value = json_node_get_boolean (node);
  return TRUE;
}

static gboolean
read_soreness (JsonNode    *node,
               const char  *field,
               guint       *value,
               GError     **error)
{
  gint64 number;

  if (node_holds (node, G_TYPE_DOUBLE))
    return fail (error, AFTERCARE_ASSESS_ERROR_OUT_OF_RANGE, field,
                 _("must be a whole number from 0 to 10"));
  if (!node_holds (node, G_TYPE_INT64))
    return fail (error, AFTERCARE_ASSESS_ERROR_WRONG_TYPE, field,
                 _("must be a whole number from 0 to 10, not %s"), describe_node (node));
  number = json_node_get_int (node);
  if (number < 0 || number > AFTERCARE_SORENESS_MAX)
    return fail (error, AFTERCARE_ASSESS_ERROR_OUT_OF_RANGE, field,
                 _("must be a whole number from 0 to 10, not %" G_GINT64_FORMAT), number);
  *value = (guint) number;
  return TRUE;
}

static gboolean
read_symptom (JsonNode           *node,
              const char         *field,
              AftercareSymptoms  *value,
              GError            **error)
{
  const char *key = NULL;
  guint symptom = 0;

  if (!read_string (node, field, &key, error))
    return FALSE;
  if (!aftercare_flags_from_keys (AFTERCARE_TYPE_SYMPTOMS, (const char *[]) { key, NULL },
                                  &symptom, NULL))
    {
      g_autofree char *echo = echo_value (key);

      return fail (error, AFTERCARE_ASSESS_ERROR_UNKNOWN_VALUE, field,
                   _("unknown symptom \"%s\""), echo);
    }
  *value |= symptom;
  return TRUE;
}

static gboolean
read_symptoms (JsonNode           *node,
               const char         *field,
               AftercareSymptoms  *value,
               GError            **error)
{
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (error, AFTERCARE_ASSESS_ERROR_WRONG_TYPE, field,
                 _("must be an array of symptom keys, not %s"), describe_node (node));
  array = json_node_get_array (node);
  *value = 0;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *item_field = g_strdup_printf ("%s[%u]", field, i);

      if (!read_symptom (json_array_get_element (array, i), item_field, value, error))
        return FALSE;
    }
  return TRUE;
}

static const char * const massage_members[] = { "type", "pressure", "first_time", "ended_at", NULL };

static gboolean
read_massage_enums (JsonObject        *object,
                    AftercareSession  *session,
                    GError           **error)
{
  JsonNode *node = NULL;
  int type, pressure;

  if (!lookup_member (object, "type", "massage.type", TRUE, &node, error) ||
      !read_enum (node, "massage.type", AFTERCARE_TYPE_MASSAGE_TYPE, &type, error) ||
      !lookup_member (object, "pressure", "massage.pressure", TRUE, &node, error) ||
      !read_enum (node, "massage.pressure", AFTERCARE_TYPE_PRESSURE, &pressure, error))
    return FALSE;
  aftercare_session_set_massage_type (session, type);
  aftercare_session_set_pressure (session, pressure);
  return TRUE;
}

static AftercareSession *
read_massage (JsonObject  *root,
              GError     **error)
{
  g_autoptr(AftercareSession) session = NULL;
  g_autoptr(GDateTime) ended_at = NULL;
  JsonNode *node = NULL;
  JsonObject *object;
  gboolean first_time = FALSE;

  if (!lookup_member (root, "massage", "massage", TRUE, &node, error))
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      fail (error, AFTERCARE_ASSESS_ERROR_WRONG_TYPE, "massage",
            _("must be an object, not %s"), describe_node (node));
      return NULL;
    }
  object = json_node_get_object (node);
  if (!check_members (object, "massage", massage_members, error) ||
      !lookup_member (object, "ended_at", "massage.ended_at", TRUE, &node, error) ||
      !read_time (node, "massage.ended_at", &ended_at, error))
    return NULL;
  session = aftercare_session_new (ended_at);
  if (!read_massage_enums (object, session, error) ||
      !lookup_member (object, "first_time", "massage.first_time", FALSE, &node, error) ||
      (node != NULL && !read_boolean (node, "massage.first_time", &first_time, error)))
    return NULL;
  aftercare_session_set_first_time (session, first_time);
  return g_steal_pointer (&session);
}

static const char * const checkin_members[] = { "at", "soreness", "symptoms", NULL };

static AftercareCheckin *
read_checkin (JsonNode          *node,
              const char        *prefix,
              AftercareSession  *session,
              GError           **error)
{
  g_autofree char *at_field = field_name (prefix, "at");
  g_autofree char *soreness_field = field_name (prefix, "soreness");
  g_autofree char *symptoms_field = field_name (prefix, "symptoms");
  g_autoptr(GDateTime) at = NULL;
  JsonObject *object;
  AftercareSymptoms symptoms = 0;
  guint soreness = 0;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      fail (error, AFTERCARE_ASSESS_ERROR_WRONG_TYPE, prefix,
            _("must be an object, not %s"), describe_node (node));
      return NULL;
    }
  object = json_node_get_object (node);
  if (!check_members (object, prefix, checkin_members, error) ||
      !lookup_member (object, "at", at_field, TRUE, &node, error) ||
      !read_time (node, at_field, &at, error) ||
      !lookup_member (object, "soreness", soreness_field, TRUE, &node, error) ||
      !read_soreness (node, soreness_field, &soreness, error) ||
      !lookup_member (object, "symptoms", symptoms_field, TRUE, &node, error) ||
      !read_symptoms (node, symptoms_field, &symptoms, error))
    return NULL;
  return aftercare_checkin_new (aftercare_session_get_id (session), at, soreness, symptoms);
}

static GPtrArray *
read_checkins (JsonObject        *root,
               AftercareSession  *session,
               GError           **error)
{
  g_autoptr(GPtrArray) checkins = g_ptr_array_new_with_free_func (g_object_unref);
  JsonNode *node = NULL;
  JsonArray *array;

  if (!lookup_member (root, "checkins", "checkins", FALSE, &node, error))
    return NULL;
  if (node == NULL)
    return g_steal_pointer (&checkins);
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      fail (error, AFTERCARE_ASSESS_ERROR_WRONG_TYPE, "checkins",
            _("must be an array, not %s"), describe_node (node));
      return NULL;
    }
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *prefix = g_strdup_printf ("checkins[%u]", i);
      AftercareCheckin *checkin = read_checkin (json_array_get_element (array, i), prefix,
                                                session, error);

      if (checkin == NULL)
        return NULL;
      g_ptr_array_add (checkins, checkin);
    }
  return g_steal_pointer (&checkins);
}

/* Leaves request->now NULL when the request gives none. */
static gboolean
read_plan_and_now (JsonObject              *root,
                   AftercareAssessRequest  *request,
                   GError                 **error)
{
  JsonNode *node = NULL;
  int planned_run = AFTERCARE_PLANNED_RUN_EASY;

  if (!lookup_member (root, "planned_run", "planned_run", FALSE, &node, error) ||
      (node != NULL &&
       !read_enum (node, "planned_run", AFTERCARE_TYPE_PLANNED_RUN, &planned_run, error)) ||
      !lookup_member (root, "now", "now", FALSE, &node, error) ||
      (node != NULL && !read_time (node, "now", &request->now, error)))
    return FALSE;
  request->planned_run = planned_run;
  return TRUE;
}

/* The times must be in order: end <= each check-in <= now. */
static gboolean
check_time_order (AftercareAssessRequest  *request,
                  gboolean                 now_given,
                  GError                 **error)
{
  GDateTime *ended_at = aftercare_session_get_ended_at (request->session);

  if (g_date_time_compare (request->now, ended_at) < 0)
    return now_given
      ? fail (error, AFTERCARE_ASSESS_ERROR_TIME_ORDER, "now",
              _("is before massage.ended_at; a massage can only be assessed once it has ended"))
      : fail (error, AFTERCARE_ASSESS_ERROR_TIME_ORDER, "massage.ended_at",
              _("is later than the current time; give the time the massage ended"));
  for (guint i = 0; i < request->checkins->len; i++)
    {
      GDateTime *at = aftercare_checkin_get_at (g_ptr_array_index (request->checkins, i));
      g_autofree char *field = g_strdup_printf ("checkins[%u].at", i);

      if (g_date_time_compare (at, ended_at) < 0)
        return fail (error, AFTERCARE_ASSESS_ERROR_TIME_ORDER, field,
                     _("is before the massage ended (massage.ended_at)"));
      if (g_date_time_compare (at, request->now) > 0)
        return fail (error, AFTERCARE_ASSESS_ERROR_TIME_ORDER, field,
                     now_given ? _("is later than now") : _("is later than the current time"));
    }
  return TRUE;
}

static const char * const request_members[] = { "massage", "checkins", "planned_run", "now", NULL };

/* json-glib 1.6 turns an integer too long for 64 bits into another
 * number without a word (-18446744073709551606 reads as 10), so a run of
 * 19 digits or more, which no field of a request can hold, is rewritten
 * as "1e999…" of the same length: an infinite number, which the field it
 * stands in rejects by name, and error columns stay where they were. */
#define LONG_DIGIT_RUN 19

static char *
defuse_long_numbers (const char *data,
                     gsize       length)
{
  char *copy = g_malloc (length + 1);
  gsize i = 0;

  memcpy (copy, data, length);
  copy[length] = '\0';
  while (i < length)
    {
      gsize run = 0;

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

/* json-glib 1.6 also stops after the first value ("{…}{…}") and takes
 * JavaScript assignments ("var x = {…}"). The same text inside an array
 * parses to exactly one element only when it is one plain value. */
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

static JsonObject *
parse_root (JsonParser  *parser,
            const char  *data,
            gsize        length,
            GError     **error)
{
  g_autoptr(GError) json_error = NULL;
  JsonNode *root;

  /* json-glib's message carries the line and column. */
  if (!json_parser_load_from_data (parser, data, length, &json_error))
    fail (error, AFTERCARE_ASSESS_ERROR_NOT_JSON, "request",
          _("is not valid JSON (%s)"), json_error->message);
  else if ((root = json_parser_get_root (parser)) == NULL)
    fail (error, AFTERCARE_ASSESS_ERROR_NOT_JSON, "request", _("is empty"));
  else if (!is_one_value (data, length))
    fail (error, AFTERCARE_ASSESS_ERROR_NOT_JSON, "request",
          _("must be one JSON object with nothing before or after it"));
  else if (!JSON_NODE_HOLDS_OBJECT (root))
    fail (error, AFTERCARE_ASSESS_ERROR_WRONG_TYPE, "request",
          _("must be a JSON object, not %s"), describe_node (root));
  else
    return json_node_get_object (root);
  return NULL;
}

AftercareAssessRequest *
aftercare_assess_request_parse (const char  *data,
                                gssize       length,
                                GDateTime   *default_now,
                                GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(AftercareAssessRequest) request = g_new0 (AftercareAssessRequest, 1);
  g_autofree char *text = NULL;
  JsonObject *root;
  gboolean now_given;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (default_now != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length < 0)
    length = strlen (data);
  text = defuse_long_numbers (data, length);
  root = parse_root (parser, text, length, error);
  if (root == NULL ||
      !check_members (root, NULL, request_members, error) ||
      (request->session = read_massage (root, error)) == NULL ||
      (request->checkins = read_checkins (root, request->session, error)) == NULL ||
      !read_plan_and_now (root, request, error))
    return NULL;
  now_given = request->now != NULL;
  if (!now_given)
    request->now = g_date_time_ref (default_now);
  if (!check_time_order (request, now_given, error))
    return NULL;
  return g_steal_pointer (&request);
}

/* A "from" time in whole seconds, rounded up: printing 21:59:59.5 as
 * 21:59:59 would announce it half a second early. */
static char *
format_from_time (GDateTime *time)
{
  g_autoptr(GDateTime) rounded = NULL;
  int usec = g_date_time_get_microsecond (time);

  if (usec == 0)
    return aftercare_time_format_utc (time);
  rounded = g_date_time_add (time, G_USEC_PER_SEC - usec);
  return aftercare_time_format_utc (rounded);
}

static void
add_strv (JsonBuilder        *builder,
          const char         *name,
          const char * const *strings)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; strings[i] != NULL; i++)
    json_builder_add_string_value (builder, strings[i]);
  json_builder_end_array (builder);
}

JsonNode *
aftercare_assess_response_new (AftercareAssessment *assessment)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GDateTime *run_after;
  g_autofree char *run_after_text = NULL;
  g_autofree char *recheck_text = NULL;

  g_return_val_if_fail (AFTERCARE_IS_ASSESSMENT (assessment), NULL);

  run_after = aftercare_assessment_get_run_after (assessment);
  if (run_after != NULL)
    run_after_text = format_from_time (run_after);
  recheck_text = format_from_time (aftercare_assessment_get_recheck_at (assessment));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "verdict");
  json_builder_add_string_value (builder,
                                 aftercare_verdict_to_key (aftercare_assessment_get_verdict (assessment)));
  json_builder_set_member_name (builder, "run_after");
  if (run_after_text != NULL)
    json_builder_add_string_value (builder, run_after_text);
  else
    json_builder_add_null_value (builder);
  add_strv (builder, "rules", aftercare_assessment_get_rules (assessment));
  add_strv (builder, "reasons", aftercare_assessment_get_reasons (assessment));
  json_builder_set_member_name (builder, "phase");
  json_builder_add_string_value (builder,
                                 aftercare_phase_to_key (aftercare_assessment_get_phase (assessment)));
  json_builder_set_member_name (builder, "recheck_at");
  json_builder_add_string_value (builder, recheck_text);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

char *
aftercare_assess_response_to_string (AftercareAssessment *assessment)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = aftercare_assess_response_new (assessment);

  g_return_val_if_fail (root != NULL, NULL);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

static gboolean
read_stdin (GString  *text,
            GError  **error)
{
  char buffer[8192];
  size_t n;

  while ((n = fread (buffer, 1, sizeof buffer, stdin)) > 0)
    g_string_append_len (text, buffer, n);
  if (ferror (stdin))
    return fail (error, AFTERCARE_ASSESS_ERROR_READ, "--assess",
                 _("cannot read standard input"));
  return TRUE;
}

static char *
read_request_text (const char  *path,
                   gsize       *length,
                   GError     **error)
{
  g_autoptr(GError) file_error = NULL;
  char *contents = NULL;

  if (g_strcmp0 (path, "-") == 0)
    {
      GString *text = g_string_new (NULL);

      if (!read_stdin (text, error))
        {
          g_string_free (text, TRUE);
          return NULL;
        }
      *length = text->len;
      return g_string_free (text, FALSE);
    }
  if (!g_file_get_contents (path, &contents, length, &file_error))
    fail (error, AFTERCARE_ASSESS_ERROR_READ, "--assess", "%s", file_error->message);
  return contents;
}

/* One line on standard error: the message, with any line breaks (from a
 * file name, say) turned into spaces. */
static void
print_error_line (const GError *error)
{
  g_autofree char *line = g_strdup (error->message);

  g_strdelimit (line, "\r\n", ' ');
  g_printerr ("aftercare: %s\n", line);
}

int
aftercare_assess_run (const char *path,
                      GDateTime  *default_now)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AftercareAssessRequest) request = NULL;
  g_autoptr(AftercareAssessment) assessment = NULL;
  g_autofree char *data = NULL;
  g_autofree char *response = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL && default_now != NULL, 2);

  data = read_request_text (path, &length, &error);
  if (data != NULL)
    request = aftercare_assess_request_parse (data, length, default_now, &error);
  if (request == NULL)
    {
      print_error_line (error);
      return 2;
    }
  assessment = aftercare_advisor_assess (request->session, request->checkins,
                                         request->planned_run, request->now);
  response = aftercare_assess_response_to_string (assessment);
  /* Bytes as they are: the response is UTF-8 whatever the locale. */
  fputs (response, stdout);
  fputs ("\n", stdout);
  if (fflush (stdout) != 0)
    {
      g_printerr ("aftercare: %s\n", _("cannot write the response to standard output"));
      return 1;
    }
  return 0;
}
