/* test-cli-assess-run.c: `aftercare --assess` end to end, running the built executable with no display. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#define DESIGN_REQUEST \
  "{\"massage\": {\"type\": \"deep-tissue\", \"pressure\": \"deep\", \"first_time\": false,\n" \
  "             \"ended_at\": \"2026-11-24T10:00:00Z\"},\n" \
  " \"checkins\": [{\"at\": \"2026-11-24T16:00:00Z\", \"soreness\": 2,\n" \
  "               \"symptoms\": [\"heaviness\"]}],\n" \
  " \"planned_run\": \"easy\",\n" \
  " \"now\": \"2026-11-24T16:00:00Z\"}\n"

typedef struct {
  int status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static char *
bytes_to_string (GBytes *bytes)
{
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);

  return g_strndup (data != NULL ? data : "", size);
}

/* Runs aftercare with args, its standard input reading input, with no
 * display at all: no window may open and GTK must not start. Standard input
 * is a file, not a pipe: a run that never reads it (a refusal, a request
 * from a file) must not leave the test writing into a closed pipe. */
static void
run_aftercare (const char * const *args,
               const char         *input,
               gsize               input_length,
               Run                *run)
{
  const char *exe = g_getenv ("AFTERCARE_EXE");
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GBytes) stdout_bytes = NULL;
  g_autoptr(GBytes) stderr_bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *input_path = NULL;
  int fd;

  g_assert_nonnull (exe);
  g_ptr_array_add (argv, (gpointer) exe);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  fd = g_file_open_tmp ("aftercare-assess-stdin-XXXXXX", &input_path, &error);
  g_assert_no_error (error);
  g_close (fd, NULL);
  g_file_set_contents (input_path, input, input_length, &error);
  g_assert_no_error (error);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_set_stdin_file_path (launcher, input_path);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate (process, NULL, NULL, &stdout_bytes, &stderr_bytes, &error);
  g_assert_no_error (error);
  g_unlink (input_path);
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);
  run->out = bytes_to_string (stdout_bytes);
  run->err = bytes_to_string (stderr_bytes);
}

static void
assess_stdin (const char *input, Run *run)
{
  const char *args[] = { "--assess", "-", NULL };

  run_aftercare (args, input, strlen (input), run);
}

/* A good answer: exit 0, one line of JSON on standard output, nothing on
 * standard error. Returns the response object. */
static JsonObject *
assert_answer (Run *run, JsonParser *parser)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (run->err, ==, "");
  g_assert_cmpint (run->status, ==, 0);
  g_assert_true (g_str_has_suffix (run->out, "}\n"));
  /* One line: the only line break is the last character. */
  g_assert_true (strchr (run->out, '\n') == run->out + strlen (run->out) - 1);
  json_parser_load_from_data (parser, run->out, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_node_get_object (json_parser_get_root (parser));
}

/* A refusal: exit 2, nothing on standard output, exactly one line on
 * standard error that names field. */
static void
assert_refusal (Run *run, const char *field)
{
  g_autofree char *start = g_strdup_printf ("aftercare: %s: ", field);

  g_assert_cmpint (run->status, ==, 2);
  g_assert_cmpstr (run->out, ==, "");
  if (!g_str_has_prefix (run->err, start))
    g_error ("expected standard error to start with \"%s\", got \"%s\"", start, run->err);
  g_assert_true (g_str_has_suffix (run->err, "\n"));
  g_assert_true (strchr (run->err, '\n') == run->err + strlen (run->err) - 1);
}

static void
assert_strv_member (JsonObject *object, const char *member, const char * const *expected)
{
  JsonArray *array = json_object_get_array_member (object, member);

  g_assert_cmpuint (json_array_get_length (array), ==, g_strv_length ((char **) expected));
  for (guint i = 0; expected[i] != NULL; i++)
    g_assert_cmpstr (json_array_get_string_element (array, i), ==, expected[i]);
}

static void
test_design_request_from_stdin (void)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *answer;
  JsonArray *reasons;

  assess_stdin (DESIGN_REQUEST, &run);
  answer = assert_answer (&run, parser);
  g_assert_cmpstr (json_object_get_string_member (answer, "verdict"), ==, "rest");
  g_assert_true (json_object_get_null_member (answer, "run_after"));
  assert_strv_member (answer, "rules", (const char *[]) { "tissue-signs", "deep-work", NULL });
  reasons = json_object_get_array_member (answer, "reasons");
  g_assert_cmpuint (json_array_get_length (reasons), ==, 2);
  g_assert_nonnull (strstr (json_array_get_string_element (reasons, 0), "heavy legs"));
  g_assert_cmpstr (json_object_get_string_member (answer, "phase"), ==, "4-12h");
  g_assert_cmpstr (json_object_get_string_member (answer, "recheck_at"), ==, "2026-11-24T22:00:00Z");
}

typedef struct {
  const char *request;
  const char *verdict;
  const char *run_after;   /* NULL for null */
  const char *rules[3];
  const char *phase;
  const char *recheck_at;
} Example;

static const Example design_examples[] = {
  /* deep pressure, 6 h, plan easy → wait, run_after = end + 12 h */
  { "{\"massage\": {\"type\": \"deep-tissue\", \"pressure\": \"deep\", \"ended_at\": \"2026-11-24T10:00:00Z\"}, "
    "\"planned_run\": \"easy\", \"now\": \"2026-11-24T16:00:00Z\"}",
    "wait", "2026-11-24T22:00:00Z", { "deep-work" }, "4-12h", "2026-11-24T22:00:00Z" },
  /* same with plan hard → wait, end + 24 h */
  { "{\"massage\": {\"type\": \"deep-tissue\", \"pressure\": \"deep\", \"ended_at\": \"2026-11-24T10:00:00Z\"}, "
    "\"planned_run\": \"hard\", \"now\": \"2026-11-24T16:00:00Z\"}",
    "wait", "2026-11-25T10:00:00Z", { "deep-work" }, "4-12h", "2026-11-24T22:00:00Z" },
  /* deep, 14 h, soreness 2, plan hard → easy-run, end + 24 h */
  { "{\"massage\": {\"type\": \"deep-tissue\", \"pressure\": \"deep\", \"ended_at\": \"2026-11-24T10:00:00Z\"}, "
    "\"checkins\": [{\"at\": \"2026-11-25T00:00:00Z\", \"soreness\": 2, \"symptoms\": []}], "
    "\"planned_run\": \"hard\", \"now\": \"2026-11-25T00:00:00Z\"}",
    "easy-run", "2026-11-25T10:00:00Z", { "deep-work" }, "12-24h", "2026-11-25T10:00:00Z" },
  /* light, 1 h, plan easy → easy-run, null */
  { "{\"massage\": {\"type\": \"swedish\", \"pressure\": \"light\", \"ended_at\": \"2026-11-24T10:00:00Z\"}, "
    "\"planned_run\": \"easy\", \"now\": \"2026-11-24T11:00:00Z\"}",
    "easy-run", NULL, { "same-day-easy" }, "0-4h", "2026-11-24T14:00:00Z" },
};

static void
test_design_examples (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (design_examples); i++)
    {
      const Example *example = &design_examples[i];
      g_auto(Run) run = { 0 };
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonObject *answer;

      assess_stdin (example->request, &run);
      answer = assert_answer (&run, parser);
      g_assert_cmpstr (json_object_get_string_member (answer, "verdict"), ==, example->verdict);
      if (example->run_after == NULL)
        g_assert_true (json_object_get_null_member (answer, "run_after"));
      else
        g_assert_cmpstr (json_object_get_string_member (answer, "run_after"), ==, example->run_after);
      assert_strv_member (answer, "rules", example->rules);
      g_assert_cmpstr (json_object_get_string_member (answer, "phase"), ==, example->phase);
      g_assert_cmpstr (json_object_get_string_member (answer, "recheck_at"), ==, example->recheck_at);
    }
}

static void
test_request_from_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_auto(Run) run = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  const char *args[] = { "--assess", NULL, NULL };
  JsonObject *answer;
  int fd;

  fd = g_file_open_tmp ("aftercare-assess-XXXXXX.json", &path, &error);
  g_assert_no_error (error);
  g_close (fd, NULL);
  g_file_set_contents (path, design_examples[0].request, -1, &error);
  g_assert_no_error (error);
  args[1] = path;
  /* Standard input holds something else: the file is what counts. */
  run_aftercare (args, "not json", 8, &run);
  answer = assert_answer (&run, parser);
  g_assert_cmpstr (json_object_get_string_member (answer, "verdict"), ==, "wait");
  g_assert_cmpstr (json_object_get_string_member (answer, "run_after"), ==, "2026-11-24T22:00:00Z");
  g_unlink (path);
}

static void
test_now_defaults_to_the_clock (void)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *answer;

  assess_stdin ("{\"massage\": {\"type\": \"thai\", \"pressure\": \"moderate\", "
                "\"ended_at\": \"2020-01-01T10:00:00+01:00\"}}", &run);
  answer = assert_answer (&run, parser);
  g_assert_cmpstr (json_object_get_string_member (answer, "verdict"), ==, "train");
  g_assert_cmpstr (json_object_get_string_member (answer, "phase"), ==, "48h+");
}

/* A session and its check-in copied from a JSON backup (DESIGN.md's
 * example, less the nested "checkins") are answered like the bare
 * request, and a bad backup member is still refused by name. */
static void
test_backup_session_accepted (void)
{
  g_auto(Run) run = { 0 };
  g_auto(Run) bad_run = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *answer;

  assess_stdin ("{\"massage\": {\"id\": \"0B7C3C9E-8D1A-4F0E-9A53-2F5D6C1E7A10\","
                " \"ended_at\": \"2026-11-24T10:00:00Z\", \"duration_minutes\": 60,"
                " \"type\": \"deep-tissue\", \"pressure\": \"deep\", \"first_time\": false,"
                " \"areas\": [\"calves\", \"hamstrings\"], \"client\": \"\", \"therapist\": \"\","
                " \"notes\": \"\"},"
                " \"checkins\": [{\"id\": \"5e1d2a4b-6c7d-4e8f-9a0b-1c2d3e4f5a6b\","
                " \"at\": \"2026-11-24T16:00:00Z\", \"soreness\": 2, \"symptoms\": [\"heaviness\"],"
                " \"notes\": \"\"}],"
                " \"planned_run\": \"easy\", \"now\": \"2026-11-24T16:00:00Z\"}", &run);
  answer = assert_answer (&run, parser);
  /* The same answer as DESIGN_REQUEST, which has the same values. */
  g_assert_cmpstr (json_object_get_string_member (answer, "verdict"), ==, "rest");
  assert_strv_member (answer, "rules", (const char *[]) { "tissue-signs", "deep-work", NULL });
  g_assert_cmpstr (json_object_get_string_member (answer, "phase"), ==, "4-12h");

  assess_stdin ("{\"massage\": {\"ended_at\": \"2026-11-24T10:00:00Z\", \"type\": \"thai\","
                " \"pressure\": \"deep\", \"areas\": [\"calves\", \"elbows\"]}}", &bad_run);
  assert_refusal (&bad_run, "massage.areas[1]");
}

typedef struct {
  const char *input;
  const char *field;
} BadRun;

static const BadRun bad_runs[] = {
  { "", "request" },
  { "{\"massage\": ", "request" },
  { "[1, 2]", "request" },
  { "{\"massage\": {\"type\": \"shiatsu\", \"pressure\": \"deep\", \"ended_at\": \"2026-11-24T10:00:00Z\"}}",
    "massage.type" },
  { "{\"massage\": {\"type\": \"thai\", \"pressure\": \"deep\"}}", "massage.ended_at" },
  { "{\"massage\": {\"type\": \"thai\", \"pressure\": \"deep\", \"ended_at\": \"2026-11-24T10:00:00\"}}",
    "massage.ended_at" },
  { "{\"massage\": {\"type\": \"thai\", \"pressure\": \"deep\", \"ended_at\": \"2026-11-24T10:00:00Z\"}, "
    "\"checkins\": [{\"at\": \"2026-11-24T12:00:00Z\", \"soreness\": 1, \"symptoms\": []}, "
    "{\"at\": \"2026-11-24T13:00:00Z\", \"soreness\": 11, \"symptoms\": []}]}", "checkins[1].soreness" },
  { "{\"massage\": {\"type\": \"thai\", \"pressure\": \"deep\", \"ended_at\": \"2026-11-24T10:00:00Z\"}, "
    "\"checkins\": [{\"at\": \"2026-11-24T09:00:00Z\", \"soreness\": 1, \"symptoms\": []}]}",
    "checkins[0].at" },
  { "{\"massage\": {\"type\": \"thai\", \"pressure\": \"deep\", \"ended_at\": \"2026-11-24T10:00:00Z\"}, "
    "\"planned_run\": \"tempo\"}", "planned_run" },
  /* Year 9999 overflowed the timeline and aborted. */
  { "{\"massage\": {\"type\": \"thai\", \"pressure\": \"deep\", \"ended_at\": \"9999-12-31T10:00:00Z\"}, "
    "\"now\": \"9999-12-31T12:00:00Z\"}", "massage.ended_at" },
};

static void
test_bad_input_refused (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_runs); i++)
    {
      g_auto(Run) run = { 0 };

      assess_stdin (bad_runs[i].input, &run);
      assert_refusal (&run, bad_runs[i].field);
    }
}

static void
test_invalid_utf8_refused (void)
{
  static const char input[] = "{\"massage\": {\"type\": \"th\xc3\x28i\"}}";
  const char *args[] = { "--assess", "-", NULL };
  g_auto(Run) run = { 0 };

  run_aftercare (args, input, sizeof input - 1, &run);
  assert_refusal (&run, "request");
}

/* A command line GOption itself refuses is bad input too: status 2, a
 * message on standard error, nothing on standard output. */
static void
test_malformed_command_line_refused (void)
{
  const char *missing_argument[] = { "--assess", NULL };
  const char *unknown_option[] = { "--assess", "-", "--verdict-only", NULL };
  const char * const *command_lines[] = { missing_argument, unknown_option };

  for (guint i = 0; i < G_N_ELEMENTS (command_lines); i++)
    {
      g_auto(Run) run = { 0 };

      run_aftercare (command_lines[i], "", 0, &run);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_cmpstr (run.err, !=, "");
    }
}

static void
test_missing_file_refused (void)
{
  const char *args[] = { "--assess", "/nonexistent/aftercare-request.json", NULL };
  g_auto(Run) run = { 0 };

  run_aftercare (args, "", 0, &run);
  assert_refusal (&run, "--assess");
  g_assert_nonnull (strstr (run.err, "aftercare-request.json"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/assess-cli/design-request-from-stdin", test_design_request_from_stdin);
  g_test_add_func ("/assess-cli/design-examples", test_design_examples);
  g_test_add_func ("/assess-cli/request-from-file", test_request_from_file);
  g_test_add_func ("/assess-cli/now-defaults-to-the-clock", test_now_defaults_to_the_clock);
  g_test_add_func ("/assess-cli/backup-session-accepted", test_backup_session_accepted);
  g_test_add_func ("/assess-cli/bad-input-refused", test_bad_input_refused);
  g_test_add_func ("/assess-cli/invalid-utf8-refused", test_invalid_utf8_refused);
  g_test_add_func ("/assess-cli/missing-file-refused", test_missing_file_refused);
  g_test_add_func ("/assess-cli/malformed-command-line-refused", test_malformed_command_line_refused);
  return g_test_run ();
}
