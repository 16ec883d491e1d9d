/* test-cli-assess.c: the --assess request and response (aftercare-cli-assess.c). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "aftercare-cli-assess.h"
#include "aftercare-time.h"

#define DEFAULT_NOW "2026-11-24T18:00:00Z"
#define MASSAGE "\"massage\": {\"type\": \"deep-tissue\", \"pressure\": \"deep\", " \
                "\"ended_at\": \"2026-11-24T10:00:00Z\"}"
/* A request with one check-in whose members the bad inputs replace. */
#define WITH_CHECKIN(checkin) "{" MASSAGE ", \"checkins\": [" checkin "]}"
/* A massage with one more member. */
#define WITH_MASSAGE_EXTRA(member) "{\"massage\": {\"type\": \"deep-tissue\", \"pressure\": \"deep\", " \
                                   "\"ended_at\": \"2026-11-24T10:00:00Z\", " member "}}"
#define SESSION_ID "0b7c3c9e-8d1a-4f0e-9a53-2f5d6c1e7a10"
#define CHECKIN_ID "5e1d2a4b-6c7d-4e8f-9a0b-1c2d3e4f5a6b"

static AftercareCliAssessRequest *
parse (const char *json, GError **error)
{
  g_autoptr(GDateTime) default_now = aftercare_time_parse (DEFAULT_NOW);

  return aftercare_cli_assess_request_parse (json, -1, default_now, error);
}

static void
test_parse_design_example (void)
{
  const char *json =
    "{\"massage\": {\"type\": \"deep-tissue\", \"pressure\": \"deep\", \"first_time\": false,\n"
    "             \"ended_at\": \"2026-11-24T10:00:00Z\"},\n"
    " \"checkins\": [{\"at\": \"2026-11-24T16:00:00Z\", \"soreness\": 2,\n"
    "               \"symptoms\": [\"heaviness\"]}],\n"
    " \"planned_run\": \"easy\",\n"
    " \"now\": \"2026-11-24T16:00:00Z\"}";
  g_autoptr(GError) error = NULL;
  g_autoptr(AftercareCliAssessRequest) request = parse (json, &error);
  g_autofree char *ended = NULL;
  g_autofree char *now = NULL;
  AftercareCheckin *checkin;

  g_assert_no_error (error);
  g_assert_nonnull (request);
  g_assert_cmpint (aftercare_session_get_massage_type (request->session), ==,
                   AFTERCARE_MASSAGE_DEEP_TISSUE);
  g_assert_cmpint (aftercare_session_get_pressure (request->session), ==, AFTERCARE_PRESSURE_DEEP);
  g_assert_false (aftercare_session_get_first_time (request->session));
  ended = aftercare_time_format (aftercare_session_get_ended_at (request->session));
  g_assert_cmpstr (ended, ==, "2026-11-24T10:00:00Z");
  g_assert_cmpuint (request->checkins->len, ==, 1);
  checkin = g_ptr_array_index (request->checkins, 0);
  g_assert_cmpuint (aftercare_checkin_get_soreness (checkin), ==, 2);
  g_assert_cmpuint (aftercare_checkin_get_symptoms (checkin), ==, AFTERCARE_SYMPTOM_HEAVINESS);
  g_assert_cmpstr (aftercare_checkin_get_session_id (checkin), ==,
                   aftercare_session_get_id (request->session));
  g_assert_cmpint (request->planned_run, ==, AFTERCARE_PLANNED_RUN_EASY);
  now = aftercare_time_format (request->now);
  g_assert_cmpstr (now, ==, "2026-11-24T16:00:00Z");
}

static void
test_parse_defaults (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AftercareCliAssessRequest) request = parse ("{" MASSAGE "}", &error);
  g_autofree char *now = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (request->checkins->len, ==, 0);
  g_assert_cmpint (request->planned_run, ==, AFTERCARE_PLANNED_RUN_EASY);
  g_assert_false (aftercare_session_get_first_time (request->session));
  now = aftercare_time_format (request->now);
  g_assert_cmpstr (now, ==, DEFAULT_NOW);
}

static void
test_parse_null_optional_is_absent (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AftercareCliAssessRequest) request =
    parse ("{\"massage\": {\"type\": \"thai\", \"pressure\": \"moderate\", \"first_time\": null, "
           "\"ended_at\": \"2026-11-24T10:00:00Z\"}, \"checkins\": null, \"planned_run\": null, "
           "\"now\": null}", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (request->checkins->len, ==, 0);
  g_assert_cmpint (request->planned_run, ==, AFTERCARE_PLANNED_RUN_EASY);
  g_assert_false (aftercare_session_get_first_time (request->session));
}

static void
test_parse_offsets_and_sets (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AftercareCliAssessRequest) request =
    parse ("{\"massage\": {\"type\": \"hot-stone\", \"pressure\": \"light\", \"first_time\": true, "
           "\"ended_at\": \"2026-11-24T11:00:00+01:00\"}, \"planned_run\": \"hard\", "
           "\"now\": \"2026-11-24T05:30:00-05:00\", \"checkins\": ["
           "{\"at\": \"2026-11-24T10:00:00Z\", \"soreness\": 0, \"symptoms\": []},"
           "{\"at\": \"2026-11-24T10:30:00Z\", \"soreness\": 10,"
           " \"symptoms\": [\"fever\", \"bruising\", \"fever\"]}]}", &error);
  g_autofree char *ended = NULL;
  AftercareCheckin *second;

  g_assert_no_error (error);
  /* The offset given is kept. */
  ended = aftercare_time_format (aftercare_session_get_ended_at (request->session));
  g_assert_cmpstr (ended, ==, "2026-11-24T11:00:00+01:00");
  g_assert_true (aftercare_session_get_first_time (request->session));
  g_assert_cmpint (request->planned_run, ==, AFTERCARE_PLANNED_RUN_HARD);
  /* A check-in exactly at the end and one exactly at now are fine. */
  g_assert_cmpuint (request->checkins->len, ==, 2);
  second = g_ptr_array_index (request->checkins, 1);
  g_assert_cmpuint (aftercare_checkin_get_soreness (second), ==, 10);
  /* A symptom listed twice is one symptom. */
  g_assert_cmpuint (aftercare_checkin_get_symptoms (second), ==,
                    AFTERCARE_SYMPTOM_FEVER | AFTERCARE_SYMPTOM_BRUISING);
}

static char *respond (const char *json);

/* A session and its check-in as the JSON backup writes them (all the
 * backup's members but the nested "checkins") are a valid request, and
 * the response is the same as without the extra members. */
static void
test_parse_backup_members (void)
{
  const char *json =
    "{\"massage\": {\"id\": \"" SESSION_ID "\", \"ended_at\": \"2026-11-24T10:00:00+01:00\","
    " \"duration_minutes\": 60, \"type\": \"deep-tissue\", \"pressure\": \"deep\","
    " \"first_time\": true, \"areas\": [\"calves\", \"hamstrings\"], \"client\": \"Ana\","
    " \"therapist\": \"Bo\", \"notes\": \"left calf tight\"},"
    " \"checkins\": [{\"id\": \"" CHECKIN_ID "\", \"at\": \"2026-11-24T16:00:00+01:00\","
    " \"soreness\": 6, \"symptoms\": [\"heaviness\"], \"notes\": \"fine\"}],"
    " \"now\": \"2026-11-24T16:00:00+01:00\"}";
  const char *plain =
    "{\"massage\": {\"ended_at\": \"2026-11-24T10:00:00+01:00\", \"type\": \"deep-tissue\","
    " \"pressure\": \"deep\", \"first_time\": true},"
    " \"checkins\": [{\"at\": \"2026-11-24T16:00:00+01:00\", \"soreness\": 6,"
    " \"symptoms\": [\"heaviness\"]}],"
    " \"now\": \"2026-11-24T16:00:00+01:00\"}";
  g_autoptr(GError) error = NULL;
  g_autoptr(AftercareCliAssessRequest) request = parse (json, &error);
  g_autofree char *response = NULL;
  g_autofree char *plain_response = NULL;
  AftercareCheckin *checkin;

  g_assert_no_error (error);
  g_assert_nonnull (request);
  g_assert_true (aftercare_session_get_first_time (request->session));
  g_assert_cmpuint (request->checkins->len, ==, 1);
  checkin = g_ptr_array_index (request->checkins, 0);
  g_assert_cmpuint (aftercare_checkin_get_soreness (checkin), ==, 6);
  g_assert_cmpuint (aftercare_checkin_get_symptoms (checkin), ==, AFTERCARE_SYMPTOM_HEAVINESS);

  response = respond (json);
  plain_response = respond (plain);
  g_assert_cmpstr (response, ==, plain_response);
}

/* Each backup member alone, at its limits, and null (= absent). */
static const char * const accepted_extras[] = {
  "{\"massage\": {\"type\": \"thai\", \"pressure\": \"deep\", \"ended_at\": \"2026-11-24T10:00:00Z\", "
  "\"id\": \"" SESSION_ID "\"}}",
  /* ids differing only in case are the same id */
  "{\"massage\": {\"type\": \"thai\", \"pressure\": \"deep\", \"ended_at\": \"2026-11-24T10:00:00Z\", "
  "\"id\": \"0B7C3C9E-8D1A-4F0E-9A53-2F5D6C1E7A10\"}}",
  WITH_MASSAGE_EXTRA ("\"duration_minutes\": 0"),
  WITH_MASSAGE_EXTRA ("\"duration_minutes\": 1440"),
  WITH_MASSAGE_EXTRA ("\"areas\": []"),
  WITH_MASSAGE_EXTRA ("\"areas\": [\"whole-body\", \"neck\", \"neck\"]"),
  WITH_MASSAGE_EXTRA ("\"client\": \"\""),
  WITH_MASSAGE_EXTRA ("\"therapist\": \"Zoë\""),
  WITH_MASSAGE_EXTRA ("\"notes\": \"line one\\nline two\""),
  WITH_MASSAGE_EXTRA ("\"id\": null, \"duration_minutes\": null, \"areas\": null, \"client\": null"),
  WITH_CHECKIN ("{\"at\": \"2026-11-24T12:00:00Z\", \"soreness\": 1, \"symptoms\": [], "
                "\"id\": \"" CHECKIN_ID "\"}"),
  WITH_CHECKIN ("{\"at\": \"2026-11-24T12:00:00Z\", \"soreness\": 1, \"symptoms\": [], \"notes\": \"\"}"),
  WITH_CHECKIN ("{\"at\": \"2026-11-24T12:00:00Z\", \"soreness\": 1, \"symptoms\": [], "
                "\"id\": null, \"notes\": null}"),
};

static void
test_parse_accepts_extra (gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AftercareCliAssessRequest) request = parse (data, &error);

  g_assert_no_error (error);
  g_assert_nonnull (request);
}

/* ---- Bad input: each names its field ---- */

typedef struct {
  const char *json;
  const char *field;
  AftercareCliAssessError code;
} BadInput;

static const BadInput bad_inputs[] = {
  /* The document */
  { "nope", "request", AFTERCARE_CLI_ASSESS_ERROR_NOT_JSON },
  { "", "request", AFTERCARE_CLI_ASSESS_ERROR_NOT_JSON },
  { "{" MASSAGE "", "request", AFTERCARE_CLI_ASSESS_ERROR_NOT_JSON },
  { "{" MASSAGE "} trailing", "request", AFTERCARE_CLI_ASSESS_ERROR_NOT_JSON },
  { "{" MASSAGE "}{" MASSAGE "}", "request", AFTERCARE_CLI_ASSESS_ERROR_NOT_JSON },
  { "var x = {" MASSAGE "}", "request", AFTERCARE_CLI_ASSESS_ERROR_NOT_JSON },
  { "{\"massage\": {\"type\": \"th\xff\"}}", "request", AFTERCARE_CLI_ASSESS_ERROR_NOT_JSON },
  { "[]", "request", AFTERCARE_CLI_ASSESS_ERROR_WRONG_TYPE },
  { "\"massage\"", "request", AFTERCARE_CLI_ASSESS_ERROR_WRONG_TYPE },
  { "{" MASSAGE ", \"planned-run\": \"easy\"}", "planned-run", AFTERCARE_CLI_ASSESS_ERROR_UNKNOWN_FIELD },
  /* The massage */
  { "{}", "massage", AFTERCARE_CLI_ASSESS_ERROR_MISSING },
  { "{\"massage\": null}", "massage", AFTERCARE_CLI_ASSESS_ERROR_MISSING },
  { "{\"massage\": \"deep-tissue\"}", "massage", AFTERCARE_CLI_ASSESS_ERROR_WRONG_TYPE },
  { "{\"massage\": {\"pressure\": \"deep\", \"ended_at\": \"2026-11-24T10:00:00Z\"}}",
    "massage.type", AFTERCARE_CLI_ASSESS_ERROR_MISSING },
  { "{\"massage\": {\"type\": null, \"pressure\": \"deep\", \"ended_at\": \"2026-11-24T10:00:00Z\"}}",
    "massage.type", AFTERCARE_CLI_ASSESS_ERROR_MISSING },
  { "{\"massage\": {\"type\": \"shiatsu\", \"pressure\": \"deep\", \"ended_at\": \"2026-11-24T10:00:00Z\"}}",
    "massage.type", AFTERCARE_CLI_ASSESS_ERROR_UNKNOWN_VALUE },
  { "{\"massage\": {\"type\": \"Deep-Tissue\", \"pressure\": \"deep\", \"ended_at\": \"2026-11-24T10:00:00Z\"}}",
    "massage.type", AFTERCARE_CLI_ASSESS_ERROR_UNKNOWN_VALUE },
  { "{\"massage\": {\"type\": 1, \"pressure\": \"deep\", \"ended_at\": \"2026-11-24T10:00:00Z\"}}",
    "massage.type", AFTERCARE_CLI_ASSESS_ERROR_WRONG_TYPE },
  { "{\"massage\": {\"type\": \"thai\", \"ended_at\": \"2026-11-24T10:00:00Z\"}}",
    "massage.pressure", AFTERCARE_CLI_ASSESS_ERROR_MISSING },
  { "{\"massage\": {\"type\": \"thai\", \"pressure\": \"firm\", \"ended_at\": \"2026-11-24T10:00:00Z\"}}",
    "massage.pressure", AFTERCARE_CLI_ASSESS_ERROR_UNKNOWN_VALUE },
  { "{\"massage\": {\"type\": \"thai\", \"pressure\": \"deep\"}}",
    "massage.ended_at", AFTERCARE_CLI_ASSESS_ERROR_MISSING },
  { "{\"massage\": {\"type\": \"thai\", \"pressure\": \"deep\", \"ended_at\": \"2026-11-24T10:00:00\"}}",
    "massage.ended_at", AFTERCARE_CLI_ASSESS_ERROR_BAD_TIME },
  { "{\"massage\": {\"type\": \"thai\", \"pressure\": \"deep\", \"ended_at\": \"2026-11-24\"}}",
    "massage.ended_at", AFTERCARE_CLI_ASSESS_ERROR_BAD_TIME },
  { "{\"massage\": {\"type\": \"thai\", \"pressure\": \"deep\", \"ended_at\": \"2026-02-30T10:00:00Z\"}}",
    "massage.ended_at", AFTERCARE_CLI_ASSESS_ERROR_BAD_TIME },
  { "{\"massage\": {\"type\": \"thai\", \"pressure\": \"deep\", \"ended_at\": 1764000000}}",
    "massage.ended_at", AFTERCARE_CLI_ASSESS_ERROR_WRONG_TYPE },
  { "{\"massage\": {\"type\": \"thai\", \"pressure\": \"deep\", \"first_time\": \"yes\", "
    "\"ended_at\": \"2026-11-24T10:00:00Z\"}}", "massage.first_time", AFTERCARE_CLI_ASSESS_ERROR_WRONG_TYPE },
  { "{\"massage\": {\"type\": \"thai\", \"pressure\": \"deep\", \"first_time\": 1, "
    "\"ended_at\": \"2026-11-24T10:00:00Z\"}}", "massage.first_time", AFTERCARE_CLI_ASSESS_ERROR_WRONG_TYPE },
  { "{\"massage\": {\"type\": \"thai\", \"pressure\": \"deep\", \"firsttime\": true, "
    "\"ended_at\": \"2026-11-24T10:00:00Z\"}}", "massage.firsttime", AFTERCARE_CLI_ASSESS_ERROR_UNKNOWN_FIELD },
  { "{\"massage\": {\"type\": \"thai\", \"pressure\": \"deep\", "
    "\"ended_at\": \"2026-11-25T10:00:00Z\"}}", "massage.ended_at", AFTERCARE_CLI_ASSESS_ERROR_TIME_ORDER },
  /* The plan and now */
  { "{" MASSAGE ", \"planned_run\": \"sprint\"}", "planned_run", AFTERCARE_CLI_ASSESS_ERROR_UNKNOWN_VALUE },
  { "{" MASSAGE ", \"planned_run\": [\"easy\"]}", "planned_run", AFTERCARE_CLI_ASSESS_ERROR_WRONG_TYPE },
  { "{" MASSAGE ", \"now\": \"2026-11-24T16:00:00\"}", "now", AFTERCARE_CLI_ASSESS_ERROR_BAD_TIME },
  { "{" MASSAGE ", \"now\": \"soon\"}", "now", AFTERCARE_CLI_ASSESS_ERROR_BAD_TIME },
  { "{" MASSAGE ", \"now\": \"9999-12-31T00:00:00Z\"}", "now", AFTERCARE_CLI_ASSESS_ERROR_BAD_TIME },
  { "{\"massage\": {\"type\": \"thai\", \"pressure\": \"deep\", \"ended_at\": \"0999-01-01T10:00:00Z\"}}",
    "massage.ended_at", AFTERCARE_CLI_ASSESS_ERROR_BAD_TIME },
  { "{" MASSAGE ", \"now\": \"2026-11-24T09:59:59Z\"}", "now", AFTERCARE_CLI_ASSESS_ERROR_TIME_ORDER },
  /* The check-ins */
  { "{" MASSAGE ", \"checkins\": {}}", "checkins", AFTERCARE_CLI_ASSESS_ERROR_WRONG_TYPE },
  { WITH_CHECKIN ("3"), "checkins[0]", AFTERCARE_CLI_ASSESS_ERROR_WRONG_TYPE },
  { WITH_CHECKIN ("{\"soreness\": 1, \"symptoms\": []}"), "checkins[0].at", AFTERCARE_CLI_ASSESS_ERROR_MISSING },
  { WITH_CHECKIN ("{\"at\": \"2026-11-24T12:00\", \"soreness\": 1, \"symptoms\": []}"),
    "checkins[0].at", AFTERCARE_CLI_ASSESS_ERROR_BAD_TIME },
  { WITH_CHECKIN ("{\"at\": \"2026-11-24T09:59:00Z\", \"soreness\": 1, \"symptoms\": []}"),
    "checkins[0].at", AFTERCARE_CLI_ASSESS_ERROR_TIME_ORDER },
  { WITH_CHECKIN ("{\"at\": \"2026-11-24T18:00:01Z\", \"soreness\": 1, \"symptoms\": []}"),
    "checkins[0].at", AFTERCARE_CLI_ASSESS_ERROR_TIME_ORDER },
  { WITH_CHECKIN ("{\"at\": \"2026-11-24T12:00:00Z\", \"symptoms\": []}"),
    "checkins[0].soreness", AFTERCARE_CLI_ASSESS_ERROR_MISSING },
  { WITH_CHECKIN ("{\"at\": \"2026-11-24T12:00:00Z\", \"soreness\": null, \"symptoms\": []}"),
    "checkins[0].soreness", AFTERCARE_CLI_ASSESS_ERROR_MISSING },
  { WITH_CHECKIN ("{\"at\": \"2026-11-24T12:00:00Z\", \"soreness\": 11, \"symptoms\": []}"),
    "checkins[0].soreness", AFTERCARE_CLI_ASSESS_ERROR_OUT_OF_RANGE },
  { WITH_CHECKIN ("{\"at\": \"2026-11-24T12:00:00Z\", \"soreness\": -1, \"symptoms\": []}"),
    "checkins[0].soreness", AFTERCARE_CLI_ASSESS_ERROR_OUT_OF_RANGE },
  { WITH_CHECKIN ("{\"at\": \"2026-11-24T12:00:00Z\", \"soreness\": 2.5, \"symptoms\": []}"),
    "checkins[0].soreness", AFTERCARE_CLI_ASSESS_ERROR_OUT_OF_RANGE },
  { WITH_CHECKIN ("{\"at\": \"2026-11-24T12:00:00Z\", \"soreness\": 2.0, \"symptoms\": []}"),
    "checkins[0].soreness", AFTERCARE_CLI_ASSESS_ERROR_OUT_OF_RANGE },
  { WITH_CHECKIN ("{\"at\": \"2026-11-24T12:00:00Z\", \"soreness\": \"3\", \"symptoms\": []}"),
    "checkins[0].soreness", AFTERCARE_CLI_ASSESS_ERROR_WRONG_TYPE },
  { WITH_CHECKIN ("{\"at\": \"2026-11-24T12:00:00Z\", \"soreness\": true, \"symptoms\": []}"),
    "checkins[0].soreness", AFTERCARE_CLI_ASSESS_ERROR_WRONG_TYPE },
  /* json-glib would read this one as 10. */
  { WITH_CHECKIN ("{\"at\": \"2026-11-24T12:00:00Z\", \"soreness\": -18446744073709551606, \"symptoms\": []}"),
    "checkins[0].soreness", AFTERCARE_CLI_ASSESS_ERROR_OUT_OF_RANGE },
  { WITH_CHECKIN ("{\"at\": \"2026-11-24T12:00:00Z\", \"soreness\": 1}"),
    "checkins[0].symptoms", AFTERCARE_CLI_ASSESS_ERROR_MISSING },
  { WITH_CHECKIN ("{\"at\": \"2026-11-24T12:00:00Z\", \"soreness\": 1, \"symptoms\": \"heaviness\"}"),
    "checkins[0].symptoms", AFTERCARE_CLI_ASSESS_ERROR_WRONG_TYPE },
  { WITH_CHECKIN ("{\"at\": \"2026-11-24T12:00:00Z\", \"soreness\": 1, \"symptoms\": [\"heaviness\", \"itching\"]}"),
    "checkins[0].symptoms[1]", AFTERCARE_CLI_ASSESS_ERROR_UNKNOWN_VALUE },
  { WITH_CHECKIN ("{\"at\": \"2026-11-24T12:00:00Z\", \"soreness\": 1, \"symptoms\": [7]}"),
    "checkins[0].symptoms[0]", AFTERCARE_CLI_ASSESS_ERROR_WRONG_TYPE },
  { WITH_CHECKIN ("{\"at\": \"2026-11-24T12:00:00Z\", \"soreness\": 1, \"symptoms\": [], \"note\": \"\"}"),
    "checkins[0].note", AFTERCARE_CLI_ASSESS_ERROR_UNKNOWN_FIELD },
  /* A check-in's backup members: accepted, but checked. */
  { WITH_CHECKIN ("{\"at\": \"2026-11-24T12:00:00Z\", \"soreness\": 1, \"symptoms\": [], \"id\": 7}"),
    "checkins[0].id", AFTERCARE_CLI_ASSESS_ERROR_WRONG_TYPE },
  { WITH_CHECKIN ("{\"at\": \"2026-11-24T12:00:00Z\", \"soreness\": 1, \"symptoms\": [], \"id\": \"5e1d\"}"),
    "checkins[0].id", AFTERCARE_CLI_ASSESS_ERROR_UNKNOWN_VALUE },
  { WITH_CHECKIN ("{\"at\": \"2026-11-24T12:00:00Z\", \"soreness\": 1, \"symptoms\": [], \"notes\": [\"ok\"]}"),
    "checkins[0].notes", AFTERCARE_CLI_ASSESS_ERROR_WRONG_TYPE },
  { WITH_CHECKIN ("{\"at\": \"2026-11-24T12:00:00Z\", \"soreness\": 1, \"id\": \"" CHECKIN_ID "\", "
                  "\"notes\": \"\"}"),
    "checkins[0].symptoms", AFTERCARE_CLI_ASSESS_ERROR_MISSING },
  /* The massage's backup members: accepted, but checked. */
  { WITH_MASSAGE_EXTRA ("\"id\": \"0b7c\""), "massage.id", AFTERCARE_CLI_ASSESS_ERROR_UNKNOWN_VALUE },
  { WITH_MASSAGE_EXTRA ("\"id\": false"), "massage.id", AFTERCARE_CLI_ASSESS_ERROR_WRONG_TYPE },
  { WITH_MASSAGE_EXTRA ("\"duration_minutes\": 1441"), "massage.duration_minutes",
    AFTERCARE_CLI_ASSESS_ERROR_OUT_OF_RANGE },
  { WITH_MASSAGE_EXTRA ("\"duration_minutes\": -5"), "massage.duration_minutes",
    AFTERCARE_CLI_ASSESS_ERROR_OUT_OF_RANGE },
  { WITH_MASSAGE_EXTRA ("\"duration_minutes\": 60.5"), "massage.duration_minutes",
    AFTERCARE_CLI_ASSESS_ERROR_OUT_OF_RANGE },
  { WITH_MASSAGE_EXTRA ("\"duration_minutes\": \"60\""), "massage.duration_minutes",
    AFTERCARE_CLI_ASSESS_ERROR_WRONG_TYPE },
  { WITH_MASSAGE_EXTRA ("\"areas\": \"calves\""), "massage.areas", AFTERCARE_CLI_ASSESS_ERROR_WRONG_TYPE },
  { WITH_MASSAGE_EXTRA ("\"areas\": [\"calves\", \"knees\"]"), "massage.areas[1]",
    AFTERCARE_CLI_ASSESS_ERROR_UNKNOWN_VALUE },
  { WITH_MASSAGE_EXTRA ("\"areas\": [\"calves\", 3]"), "massage.areas[1]",
    AFTERCARE_CLI_ASSESS_ERROR_WRONG_TYPE },
  { WITH_MASSAGE_EXTRA ("\"client\": 12"), "massage.client", AFTERCARE_CLI_ASSESS_ERROR_WRONG_TYPE },
  { WITH_MASSAGE_EXTRA ("\"therapist\": {}"), "massage.therapist", AFTERCARE_CLI_ASSESS_ERROR_WRONG_TYPE },
  { WITH_MASSAGE_EXTRA ("\"notes\": true"), "massage.notes", AFTERCARE_CLI_ASSESS_ERROR_WRONG_TYPE },
  { WITH_MASSAGE_EXTRA ("\"checkins\": []"), "massage.checkins", AFTERCARE_CLI_ASSESS_ERROR_UNKNOWN_FIELD },
  { WITH_CHECKIN ("{\"at\": \"2026-11-24T12:00:00Z\", \"soreness\": 1, \"symptoms\": []},"
                  "{\"at\": \"2026-11-24T13:00:00Z\", \"soreness\": 12, \"symptoms\": []}"),
    "checkins[1].soreness", AFTERCARE_CLI_ASSESS_ERROR_OUT_OF_RANGE },
};

static void
test_bad_input (gconstpointer data)
{
  const BadInput *bad = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AftercareCliAssessRequest) request = parse (bad->json, &error);
  g_autofree char *prefix = g_strconcat (bad->field, ": ", NULL);

  g_assert_null (request);
  g_assert_error (error, AFTERCARE_CLI_ASSESS_ERROR, (int) bad->code);
  if (!g_str_has_prefix (error->message, prefix))
    g_error ("expected the message to start with \"%s\", got \"%s\"", prefix, error->message);
  g_assert_null (strchr (error->message, '\n'));
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
}

/* A byte order mark, which some editors write, is not part of the JSON. */
static void
test_parse_skips_bom (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AftercareCliAssessRequest) request = parse ("\xEF\xBB\xBF{" MASSAGE "}", &error);

  g_assert_no_error (error);
  g_assert_cmpint (aftercare_session_get_pressure (request->session), ==, AFTERCARE_PRESSURE_DEEP);
}

/* json-glib recurses once per level: 80,000 "[" overflowed its stack. */
static void
test_deep_nesting_refused (void)
{
  g_autoptr(GString) deep = g_string_new ("{" MASSAGE ", \"checkins\": ");
  g_autoptr(GError) error = NULL;
  g_autoptr(AftercareCliAssessRequest) request = NULL;

  for (guint i = 0; i < 80000; i++)
    g_string_append_c (deep, '[');
  request = parse (deep->str, &error);
  g_assert_null (request);
  g_assert_error (error, AFTERCARE_CLI_ASSESS_ERROR, AFTERCARE_CLI_ASSESS_ERROR_NOT_JSON);
  g_assert_cmpstr (error->message, ==, "request: is nested more than 64 levels deep");
}

/* Digits inside a string are not numbers: no "1e999" in an echoed value. */
static void
test_long_digits_in_text_kept (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AftercareCliAssessRequest) request =
    parse ("{\"massage\": {\"type\": \"12345678901234567890\", \"pressure\": \"deep\", "
           "\"ended_at\": \"2026-11-24T10:00:00Z\"}}", &error);

  g_assert_null (request);
  g_assert_true (g_str_has_prefix (error->message, "massage.type: “12345678901234567890” is not one of"));
}

static void
test_bad_value_echoed_on_one_line (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AftercareCliAssessRequest) request =
    parse ("{\"massage\": {\"type\": \"sh\\niatsu\", \"pressure\": \"deep\", "
           "\"ended_at\": \"2026-11-24T10:00:00Z\"}}", &error);

  g_assert_null (request);
  g_assert_cmpstr (error->message, ==,
                   "massage.type: “sh\\niatsu” is not one of: swedish, deep-tissue, "
                   "trigger-point, myofascial-release, sports, thai, lymphatic-drainage, hot-stone");
}

/* ---- The response ---- */

static char *
respond (const char *json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AftercareCliAssessRequest) request = parse (json, &error);
  g_autoptr(AftercareAssessment) assessment = NULL;

  g_assert_no_error (error);
  assessment = aftercare_advisor_assess (request->session, request->checkins,
                                         request->planned_run, request->now);
  return aftercare_cli_assess_response_to_string (assessment);
}

static void
test_response_keys_in_order (void)
{
  g_autofree char *text = respond ("{" MASSAGE ", \"now\": \"2026-11-24T16:00:00Z\"}");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GList) members = NULL;
  const char *keys[] = { "verdict", "run_after", "rules", "reasons", "phase", "recheck_at" };
  JsonObject *object;
  guint i = 0;

  g_assert_true (json_parser_load_from_data (parser, text, -1, NULL));
  object = json_node_get_object (json_parser_get_root (parser));
  members = json_object_get_members (object);
  g_assert_cmpuint (g_list_length (members), ==, G_N_ELEMENTS (keys));
  for (GList *l = members; l != NULL; l = l->next)
    g_assert_cmpstr (l->data, ==, keys[i++]);
  g_assert_null (strchr (text, '\n'));
}

static void
test_response_deep_6h (void)
{
  g_autofree char *text = respond ("{" MASSAGE ", \"now\": \"2026-11-24T16:00:00Z\"}");

  g_assert_true (g_str_has_prefix (text, "{\"verdict\":\"wait\",\"run_after\":\"2026-11-24T22:00:00Z\","
                                         "\"rules\":[\"deep-work\"],\"reasons\":[\""));
  g_assert_true (g_str_has_suffix (text, "\"],\"phase\":\"4-12h\",\"recheck_at\":\"2026-11-24T22:00:00Z\"}"));
}

static void
test_response_null_run_after_and_utc (void)
{
  /* Ended 11:00 at +01:00 is 10:00 UTC; now 12:00 UTC is 2 hours on. */
  g_autofree char *text =
    respond ("{\"massage\": {\"type\": \"swedish\", \"pressure\": \"light\", "
             "\"ended_at\": \"2026-11-24T11:00:00+01:00\"}, \"now\": \"2026-11-24T13:00:00+01:00\"}");

  g_assert_true (g_str_has_prefix (text, "{\"verdict\":\"easy-run\",\"run_after\":null,"
                                         "\"rules\":[\"same-day-easy\"]"));
  g_assert_true (g_str_has_suffix (text, "\"phase\":\"0-4h\",\"recheck_at\":\"2026-11-24T14:00:00Z\"}"));
}

/* The issue's case: two check-ins at one instant, in either order, are one
 * moment and give one response (DESIGN.md, "Check-ins at the same instant"). */
static void
test_response_same_instant_either_order (void)
{
  const char *calm = "{\"at\": \"2026-11-24T23:00:00Z\", \"soreness\": 0, \"symptoms\": []}";
  const char *unwell = "{\"at\": \"2026-11-25T00:00:00+01:00\", \"soreness\": 1,"
                       " \"symptoms\": [\"fever\", \"numbness\"]}";
  g_autofree char *first = g_strdup_printf ("{" MASSAGE ", \"checkins\": [%s, %s],"
                                            " \"now\": \"2026-11-24T23:00:00Z\"}", calm, unwell);
  g_autofree char *second = g_strdup_printf ("{" MASSAGE ", \"checkins\": [%s, %s],"
                                             " \"now\": \"2026-11-24T23:00:00Z\"}", unwell, calm);
  g_autofree char *first_text = respond (first);
  g_autofree char *second_text = respond (second);

  g_assert_true (g_str_has_prefix (first_text, "{\"verdict\":\"seek-care\",\"run_after\":null,"
                                               "\"rules\":[\"nerve-or-injury\",\"persistent-systemic\","));
  g_assert_cmpstr (first_text, ==, second_text);
}

static void
test_response_rounds_from_times_up (void)
{
  /* run_after is end + 12 h = 22:00:00.5: said as 22:00:01, never early. */
  g_autofree char *text =
    respond ("{\"massage\": {\"type\": \"sports\", \"pressure\": \"deep\", "
             "\"ended_at\": \"2026-11-24T10:00:00.5Z\"}, \"now\": \"2026-11-24T16:00:00Z\"}");

  g_assert_nonnull (strstr (text, "\"run_after\":\"2026-11-24T22:00:01Z\""));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/assess/parse/design-example", test_parse_design_example);
  g_test_add_func ("/assess/parse/defaults", test_parse_defaults);
  g_test_add_func ("/assess/parse/null-optional-is-absent", test_parse_null_optional_is_absent);
  g_test_add_func ("/assess/parse/offsets-and-sets", test_parse_offsets_and_sets);
  g_test_add_func ("/assess/parse/backup-members", test_parse_backup_members);
  for (guint i = 0; i < G_N_ELEMENTS (accepted_extras); i++)
    {
      g_autofree char *path = g_strdup_printf ("/assess/parse/accepts-extra/%u", i);

      g_test_add_data_func (path, accepted_extras[i], test_parse_accepts_extra);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad_inputs); i++)
    {
      g_autofree char *path = g_strdup_printf ("/assess/bad-input/%02u-%s", i, bad_inputs[i].field);

      g_test_add_data_func (path, &bad_inputs[i], test_bad_input);
    }
  g_test_add_func ("/assess/parse/skips-bom", test_parse_skips_bom);
  g_test_add_func ("/assess/bad-input/deep-nesting", test_deep_nesting_refused);
  g_test_add_func ("/assess/bad-input/long-digits-in-text-kept", test_long_digits_in_text_kept);
  g_test_add_func ("/assess/bad-input/value-echoed-on-one-line", test_bad_value_echoed_on_one_line);
  g_test_add_func ("/assess/response/keys-in-order", test_response_keys_in_order);
  g_test_add_func ("/assess/response/deep-6h", test_response_deep_6h);
  g_test_add_func ("/assess/response/null-run-after-and-utc", test_response_null_run_after_and_utc);
  g_test_add_func ("/assess/response/rounds-from-times-up", test_response_rounds_from_times_up);
  g_test_add_func ("/assess/response/same-instant-either-order", test_response_same_instant_either_order);
  return g_test_run ();
}
