/* aftercare-cli-assess.c: `aftercare --assess`: a JSON request in, the advisor's assessment out as JSON (DESIGN.md, "Command line"). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-cli-assess"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "aftercare-cli-assess.h"
#include "aftercare-cli-report.h"
#include "aftercare-json-reader.h"
#include "aftercare-time.h"

/* What the request accepts, beyond what DESIGN.md spells out:
 *
 * - Members the request does not define are rejected, naming them. A
 *   typo in an optional member ("firsttime", "planned-run") would
 *   otherwise fall back to its default silently, and the defaults are the
 *   permissive side (not a first massage, an easy run).
 * - The other members a session and a check-in have in the JSON backup
 *   (DESIGN.md, "Data formats") are accepted, so a session can be fed
 *   straight from a backup: massage.id, duration_minutes (0 to 1440),
 *   areas, client, therapist, notes, and a check-in's id and notes. They
 *   are checked as the backup import checks them (an id is a UUID), and
 *   play no part in the verdict.
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
 * - The JSON itself is read as aftercare-json-reader.c says: one object
 *   and nothing else, a byte order mark skipped, no nesting deeper than
 *   64, no number too long to read exactly.
 */

G_DEFINE_QUARK (aftercare-cli-assess-error-quark, aftercare_cli_assess_error)

void
aftercare_cli_assess_request_free (AftercareCliAssessRequest *request)
{
  if (request == NULL)
    return;
  g_clear_object (&request->session);
  g_clear_pointer (&request->checkins, g_ptr_array_unref);
  g_clear_pointer (&request->now, g_date_time_unref);
  g_free (request);
}

static gboolean fail (GError **error, AftercareCliAssessError code, const char *field,
                      const char *format, ...) G_GNUC_PRINTF (4, 5);

/* Sets error to "field: detail", on one line. */
static gboolean
fail (GError                  **error,
      AftercareCliAssessError   code,
      const char               *field,
      const char               *format,
      ...)
{
  g_autofree char *detail = NULL;
  va_list args;

  va_start (args, format);
  detail = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, AFTERCARE_CLI_ASSESS_ERROR, code, "%s: %s", field, detail);
  return FALSE;
}

static const int reader_codes[AFTERCARE_JSON_N_PROBLEMS] = {
  [AFTERCARE_JSON_PROBLEM_NOT_JSON] = AFTERCARE_CLI_ASSESS_ERROR_NOT_JSON,
  [AFTERCARE_JSON_PROBLEM_MISSING] = AFTERCARE_CLI_ASSESS_ERROR_MISSING,
  [AFTERCARE_JSON_PROBLEM_WRONG_TYPE] = AFTERCARE_CLI_ASSESS_ERROR_WRONG_TYPE,
  [AFTERCARE_JSON_PROBLEM_UNKNOWN_VALUE] = AFTERCARE_CLI_ASSESS_ERROR_UNKNOWN_VALUE,
  [AFTERCARE_JSON_PROBLEM_UNKNOWN_FIELD] = AFTERCARE_CLI_ASSESS_ERROR_UNKNOWN_FIELD,
  [AFTERCARE_JSON_PROBLEM_OUT_OF_RANGE] = AFTERCARE_CLI_ASSESS_ERROR_OUT_OF_RANGE,
  [AFTERCARE_JSON_PROBLEM_BAD_TIME] = AFTERCARE_CLI_ASSESS_ERROR_BAD_TIME,
  [AFTERCARE_JSON_PROBLEM_OTHER] = AFTERCARE_CLI_ASSESS_ERROR_NOT_JSON,
};

/* Backup members the verdict does not use; as the backup import allows. */
#define MAX_DURATION_MINUTES (24 * 60)

static const char * const massage_members[] = {
  "type", "pressure", "first_time", "ended_at",
  "id", "duration_minutes", "areas", "client", "therapist", "notes", NULL
};

/* An optional id, which must be a UUID as in a backup. */
static gboolean
read_id (AftercareJsonReader       *reader,
         const AftercareJsonPlace  *place,
         GError                   **error)
{
  const char *id = NULL;
  g_autofree char *echo = NULL;

  if (!aftercare_json_reader_string (reader, place, "id", FALSE, &id, error))
    return FALSE;
  if (id == NULL || g_uuid_string_is_valid (id))
    return TRUE;
  echo = aftercare_json_echo (id);
  return aftercare_json_reader_fail (reader, place, "id", AFTERCARE_JSON_PROBLEM_UNKNOWN_VALUE, error,
                                     _("“%s” is not a UUID"), echo);
}

/* Checks the massage's backup members; their values are not kept. */
static gboolean
read_massage_extras (AftercareJsonReader       *reader,
                     const AftercareJsonPlace  *place,
                     GError                   **error)
{
  const char *text = NULL;
  guint duration = 0, areas = 0;

  return read_id (reader, place, error) &&
         aftercare_json_reader_number (reader, place, "duration_minutes", FALSE, MAX_DURATION_MINUTES,
                                       &duration, error) &&
         aftercare_json_reader_flags (reader, place, "areas", FALSE, AFTERCARE_TYPE_AREAS, &areas, error) &&
         aftercare_json_reader_string (reader, place, "client", FALSE, &text, error) &&
         aftercare_json_reader_string (reader, place, "therapist", FALSE, &text, error) &&
         aftercare_json_reader_string (reader, place, "notes", FALSE, &text, error);
}

static AftercareSession *
read_massage (AftercareJsonReader  *reader,
              JsonObject           *root,
              GError              **error)
{
  AftercareJsonPlace top = { root, "" };
  AftercareJsonPlace place = { NULL, "massage" };
  g_autoptr(AftercareSession) session = NULL;
  g_autoptr(GDateTime) ended_at = NULL;
  gboolean first_time = FALSE;
  int type = 0, pressure = 0;

  if (!aftercare_json_reader_object (reader, &top, "massage", TRUE, &place.object, error))
    return NULL;
  if (!aftercare_json_reader_check_members (reader, &place, massage_members, error) ||
      !aftercare_json_reader_time (reader, &place, "ended_at", TRUE, &ended_at, error) ||
      !aftercare_json_reader_enum (reader, &place, "type", TRUE, AFTERCARE_TYPE_MASSAGE_TYPE, &type, error) ||
      !aftercare_json_reader_enum (reader, &place, "pressure", TRUE, AFTERCARE_TYPE_PRESSURE, &pressure, error) ||
      !aftercare_json_reader_boolean (reader, &place, "first_time", FALSE, &first_time, error) ||
      !read_massage_extras (reader, &place, error))
    return NULL;
  session = aftercare_session_new (ended_at);
  aftercare_session_set_massage_type (session, type);
  aftercare_session_set_pressure (session, pressure);
  aftercare_session_set_first_time (session, first_time);
  return g_steal_pointer (&session);
}

static const char * const checkin_members[] = { "at", "soreness", "symptoms", "id", "notes", NULL };

static AftercareCheckin *
read_checkin (AftercareJsonReader       *reader,
              const AftercareJsonPlace  *place,
              AftercareSession          *session,
              GError                   **error)
{
  g_autoptr(GDateTime) at = NULL;
  const char *notes = NULL;
  guint symptoms = 0;
  guint soreness = 0;

  if (!aftercare_json_reader_check_members (reader, place, checkin_members, error) ||
      !aftercare_json_reader_time (reader, place, "at", TRUE, &at, error) ||
      !aftercare_json_reader_number (reader, place, "soreness", TRUE, AFTERCARE_SORENESS_MAX,
                                     &soreness, error) ||
      !aftercare_json_reader_flags (reader, place, "symptoms", TRUE, AFTERCARE_TYPE_SYMPTOMS,
                                    &symptoms, error) ||
      !read_id (reader, place, error) ||
      !aftercare_json_reader_string (reader, place, "notes", FALSE, &notes, error))
    return NULL;
  return aftercare_checkin_new (aftercare_session_get_id (session), at, soreness, symptoms);
}

static GPtrArray *
read_checkins (AftercareJsonReader  *reader,
               JsonObject           *root,
               AftercareSession     *session,
               GError              **error)
{
  g_autoptr(GPtrArray) checkins = g_ptr_array_new_with_free_func (g_object_unref);
  AftercareJsonPlace top = { root, "" };
  JsonArray *array = NULL;

  if (!aftercare_json_reader_array (reader, &top, "checkins", FALSE, &array, error))
    return NULL;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      g_autofree char *path = g_strdup_printf ("checkins[%u]", i);
      AftercareJsonPlace place = { NULL, path };
      AftercareCheckin *checkin;

      if (!aftercare_json_reader_element (reader, &top, "checkins", array, i, &place.object, error) ||
          (checkin = read_checkin (reader, &place, session, error)) == NULL)
        return NULL;
      g_ptr_array_add (checkins, checkin);
    }
  return g_steal_pointer (&checkins);
}

/* Leaves request->now NULL when the request gives none. */
static gboolean
read_plan_and_now (AftercareJsonReader        *reader,
                   JsonObject                 *root,
                   AftercareCliAssessRequest  *request,
                   GError                    **error)
{
  AftercareJsonPlace top = { root, "" };
  int planned_run = AFTERCARE_PLANNED_RUN_EASY;

  if (!aftercare_json_reader_enum (reader, &top, "planned_run", FALSE, AFTERCARE_TYPE_PLANNED_RUN,
                                   &planned_run, error) ||
      !aftercare_json_reader_time (reader, &top, "now", FALSE, &request->now, error))
    return FALSE;
  request->planned_run = planned_run;
  return TRUE;
}

/* The times must be in order: end <= each check-in <= now. */
static gboolean
check_time_order (AftercareCliAssessRequest  *request,
                  gboolean                    now_given,
                  GError                    **error)
{
  GDateTime *ended_at = aftercare_session_get_ended_at (request->session);

  if (g_date_time_compare (request->now, ended_at) < 0)
    return now_given
      ? fail (error, AFTERCARE_CLI_ASSESS_ERROR_TIME_ORDER, "now",
              _("is before massage.ended_at; a massage can only be assessed once it has ended"))
      : fail (error, AFTERCARE_CLI_ASSESS_ERROR_TIME_ORDER, "massage.ended_at",
              _("is later than the current time; give the time the massage ended"));
  for (guint i = 0; i < request->checkins->len; i++)
    {
      GDateTime *at = aftercare_checkin_get_at (g_ptr_array_index (request->checkins, i));
      g_autofree char *field = g_strdup_printf ("checkins[%u].at", i);

      if (g_date_time_compare (at, ended_at) < 0)
        return fail (error, AFTERCARE_CLI_ASSESS_ERROR_TIME_ORDER, field,
                     _("is before the massage ended (massage.ended_at)"));
      if (g_date_time_compare (at, request->now) > 0)
        return fail (error, AFTERCARE_CLI_ASSESS_ERROR_TIME_ORDER, field,
                     now_given ? _("is later than now") : _("is later than the current time"));
    }
  return TRUE;
}

static const char * const request_members[] = { "massage", "checkins", "planned_run", "now", NULL };

AftercareCliAssessRequest *
aftercare_cli_assess_request_parse (const char  *data,
                                    gssize       length,
                                    GDateTime   *default_now,
                                    GError     **error)
{
  g_autoptr(AftercareJsonReader) reader =
    aftercare_json_reader_new ("request", AFTERCARE_CLI_ASSESS_ERROR, reader_codes, FALSE);
  g_autoptr(AftercareCliAssessRequest) request = g_new0 (AftercareCliAssessRequest, 1);
  AftercareJsonPlace top = { NULL, "" };
  gboolean now_given;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (default_now != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length < 0)
    length = strlen (data);
  top.object = aftercare_json_reader_load (reader, data, length, error);
  /* Text that is not valid spoils the whole request, as it always has. */
  if (top.object == NULL ||
      !aftercare_json_reader_check_text (reader, error) ||
      !aftercare_json_reader_check_members (reader, &top, request_members, error) ||
      (request->session = read_massage (reader, top.object, error)) == NULL ||
      (request->checkins = read_checkins (reader, top.object, request->session, error)) == NULL ||
      !read_plan_and_now (reader, top.object, request, error))
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
aftercare_cli_assess_response_new (AftercareAssessment *assessment)
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
aftercare_cli_assess_response_to_string (AftercareAssessment *assessment)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = aftercare_cli_assess_response_new (assessment);

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
    return fail (error, AFTERCARE_CLI_ASSESS_ERROR_READ, "--assess",
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
    fail (error, AFTERCARE_CLI_ASSESS_ERROR_READ, "--assess", "%s", file_error->message);
  return contents;
}

int
aftercare_cli_assess_run (const char *path,
                          GDateTime  *default_now)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AftercareCliAssessRequest) request = NULL;
  g_autoptr(AftercareAssessment) assessment = NULL;
  g_autofree char *data = NULL;
  g_autofree char *response = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL && default_now != NULL, 2);

  data = read_request_text (path, &length, &error);
  if (data != NULL)
    request = aftercare_cli_assess_request_parse (data, length, default_now, &error);
  if (request == NULL)
    return aftercare_cli_fail (2, error->message);
  assessment = aftercare_advisor_assess (request->session, request->checkins,
                                         request->planned_run, request->now);
  response = aftercare_cli_assess_response_to_string (assessment);
  /* Bytes as they are: the response is UTF-8 whatever the locale. */
  fputs (response, stdout);
  fputs ("\n", stdout);
  if (fflush (stdout) != 0)
    return aftercare_cli_fail (1, _("cannot write the response to standard output"));
  return 0;
}
