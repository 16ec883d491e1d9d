/* test-cli-import-export.c: aftercare --import and --export, without a display (aftercare-cli-import-export.c). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "store-test-util.h"

#define SESSION_ID "0b7c5a1e-2f4d-4c3b-9a8e-1d2c3b4a5f60"

static const char backup_json[] =
  "{\"format\": \"aftercare-backup\", \"version\": 1, \"exported_at\": \"2026-11-24T18:00:00Z\",\n"
  " \"sessions\": [\n"
  "  {\"id\": \"" SESSION_ID "\", \"ended_at\": \"2026-11-24T10:00:00+01:00\", \"duration_minutes\": 60,\n"
  "   \"type\": \"deep-tissue\", \"pressure\": \"deep\", \"first_time\": false,\n"
  "   \"areas\": [\"calves\", \"hamstrings\"], \"client\": \"Zoë, \\\"Z\\\"\", \"therapist\": \"\",\n"
  "   \"notes\": \"two\\nlines\",\n"
  "   \"checkins\": [{\"id\": \"5e1d0000-2f4d-4c3b-9a8e-1d2c3b4a5f61\", \"at\": \"2026-11-24T16:00:00+01:00\",\n"
  "                 \"soreness\": 2, \"symptoms\": [\"heaviness\"], \"notes\": \"\"},\n"
  "                {\"id\": \"5e1d0000-2f4d-4c3b-9a8e-1d2c3b4a5f62\", \"at\": \"2026-11-25T08:00:00+01:00\",\n"
  "                 \"soreness\": 0, \"symptoms\": [], \"notes\": \"fine\"}]},\n"
  "  {\"id\": \"1c8d5a1e-2f4d-4c3b-9a8e-1d2c3b4a5f60\", \"ended_at\": \"2026-11-20T18:00:00-05:00\",\n"
  "   \"duration_minutes\": 30, \"type\": \"swedish\", \"pressure\": \"light\", \"first_time\": true,\n"
  "   \"areas\": [], \"client\": \"\", \"therapist\": \"Lou\", \"notes\": \"\", \"checkins\": []}]}\n";

typedef struct
{
  char *folder;
  char *db;
  char **envp;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *data_home = NULL;

  f->folder = test_make_folder ();
  f->db = g_build_filename (f->folder, "clinic.db", NULL);
  data_home = g_build_filename (f->folder, "data-home", NULL);
  /* No display at all: these options must not need one. */
  f->envp = g_get_environ ();
  f->envp = g_environ_unsetenv (f->envp, "DISPLAY");
  f->envp = g_environ_unsetenv (f->envp, "WAYLAND_DISPLAY");
  f->envp = g_environ_setenv (f->envp, "XDG_DATA_HOME", data_home, TRUE);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  test_remove_folder (f->folder);
  g_free (f->folder);
  g_free (f->db);
  g_strfreev (f->envp);
}

static char *
folder_file (Fixture    *f,
             const char *name,
             const char *contents)
{
  char *path = g_build_filename (f->folder, name, NULL);

  if (contents != NULL)
    g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

/* Runs aftercare with args; returns its exit status. */
static int
run (Fixture             *f,
     const char * const  *args,
     char               **out,
     char               **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (char *) g_getenv ("AFTERCARE_EXE"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  return test_run ((const char * const *) argv->pdata, (const char * const *) f->envp, out, err);
}

static void
assert_one_error_line (const char *err,
                       const char *part_1,
                       const char *part_2)
{
  /* One line, ending in a line break. */
  g_assert_true (g_str_has_suffix (err, "\n"));
  g_assert_true (strchr (err, '\n') == err + strlen (err) - 1);
  g_assert_nonnull (strstr (err, part_1));
  g_assert_nonnull (strstr (err, part_2));
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *input = folder_file (f, "in.json", backup_json);
  g_autofree char *json = folder_file (f, "out.json", NULL);
  g_autofree char *csv = folder_file (f, "out.csv", NULL);
  g_autofree char *again_db = folder_file (f, "again.db", NULL);
  g_autofree char *again_json = folder_file (f, "again.json", NULL);
  g_autofree char *out = NULL, *err = NULL, *csv_text = NULL;
  g_autofree char *first = NULL, *second = NULL;

  g_assert_cmpint (run (f, (const char *[]) { "--db", f->db, "--import", input, NULL }, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "Imported 2 sessions and 2 check-ins\n");
  g_assert_cmpstr (err, ==, "");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (f, (const char *[]) { "--db", f->db, "--export", csv, NULL }, &out, &err), ==, 0);
  g_assert_true (g_str_has_prefix (out, "Exported 2 sessions and 2 check-ins to "));
  g_assert_true (g_file_get_contents (csv, &csv_text, NULL, NULL));
  g_assert_true (g_str_has_prefix (csv_text, "session_id,ended_at,duration_minutes,type,pressure,first_time,"
                                             "areas,client,therapist,session_notes,checkin_id,checkin_at,"
                                             "soreness,symptoms,checkin_notes\r\n"));
  g_assert_nonnull (strstr (csv_text, SESSION_ID ",2026-11-24T10:00:00+01:00,60,deep-tissue,deep,false,"
                                      "hamstrings;calves,\"Zoë, \"\"Z\"\"\",,\"two\nlines\","));
  g_clear_pointer (&out, g_free);

  /* JSON out, into an empty database, and out again: the same. */
  g_assert_cmpint (run (f, (const char *[]) { "--db", f->db, "--export", json, NULL }, NULL, NULL), ==, 0);
  g_assert_cmpint (run (f, (const char *[]) { "--db", again_db, "--import", json, NULL }, &out, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "Imported 2 sessions and 2 check-ins\n");
  g_assert_cmpint (run (f, (const char *[]) { "--db", again_db, "--export", again_json, NULL }, NULL, NULL), ==, 0);
  g_assert_true (g_file_get_contents (json, &first, NULL, NULL));
  g_assert_true (g_file_get_contents (again_json, &second, NULL, NULL));
  g_assert_cmpstr (strchr (strstr (first, "\"sessions\""), '\n'), ==, strchr (strstr (second, "\"sessions\""), '\n'));
}

static void
test_bad_row_exits_2 (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *input = folder_file (f, "typed.csv",
    "session_id,ended_at,duration_minutes,type,pressure,first_time,areas,client,therapist,"
    "session_notes,checkin_id,checkin_at,soreness,symptoms,checkin_notes\n"
    ",2026-11-24T10:00:00Z,60,thai,light,false,,,,,,2026-11-24T12:00:00Z,3,,\n"
    ",2026-11-24T10:00:00Z,60,thai,light,false,,,,,,2026-11-24T18:00:00Z,12,,\n");
  g_autofree char *json = folder_file (f, "out.json", NULL);
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run (f, (const char *[]) { "--db", f->db, "--import", input, NULL }, &out, &err), ==, 2);
  g_assert_cmpstr (out, ==, "");
  assert_one_error_line (err, "Line 3", "soreness");
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run (f, (const char *[]) { "--db", f->db, "--export", json, NULL }, &out, NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "Exported 0 sessions and 0 check-ins"));
}

/* text with every old replaced by new. */
static char *
replaced (const char *text,
          const char *old,
          const char *new)
{
  g_auto(GStrv) pieces = g_strsplit (text, old, -1);

  g_assert_cmpuint (g_strv_length (pieces), >, 1);
  return g_strjoinv (new, pieces);
}

/* A new JSON check-in without its soreness: exit 2, one line naming
 * where, and the database exactly as it was. */
static void
test_missing_field_exits_2 (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *new_checkin = replaced (backup_json, "5e1d0000-2f4d-4c3b-9a8e-1d2c3b4a5f61",
                                           "5e1d0000-2f4d-4c3b-9a8e-1d2c3b4a5f63");
  g_autofree char *without = replaced (new_checkin, "\"soreness\": 2, ", "");
  g_autofree char *good = folder_file (f, "in.json", backup_json);
  g_autofree char *bad = folder_file (f, "no-soreness.json", without);
  g_autofree char *json = folder_file (f, "out.json", NULL);
  g_autofree char *out = NULL, *err = NULL, *before = NULL, *after = NULL;
  gsize before_length, after_length;

  g_assert_cmpint (run (f, (const char *[]) { "--db", f->db, "--import", good, NULL }, NULL, NULL), ==, 0);
  g_assert_true (g_file_get_contents (f->db, &before, &before_length, NULL));

  g_assert_cmpint (run (f, (const char *[]) { "--db", f->db, "--import", bad, NULL }, &out, &err), ==, 2);
  g_assert_cmpstr (out, ==, "");
  assert_one_error_line (err, "sessions[0].checkins[0].soreness", "is missing");
  g_assert_true (g_file_get_contents (f->db, &after, &after_length, NULL));
  g_assert_true (before_length == after_length && memcmp (before, after, before_length) == 0);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run (f, (const char *[]) { "--db", f->db, "--export", json, NULL }, &out, NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "Exported 2 sessions and 2 check-ins"));
}

static void
test_conflict_exits_2 (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *input = folder_file (f, "in.json", backup_json);
  g_autofree char *changed_text = g_strdup (backup_json);
  g_autofree char *changed = NULL;
  g_autofree char *err = NULL;

  memcpy (strstr (changed_text, "\"duration_minutes\": 60"), "\"duration_minutes\": 61", 22);
  changed = folder_file (f, "changed.json", changed_text);
  g_assert_cmpint (run (f, (const char *[]) { "--db", f->db, "--import", input, NULL }, NULL, NULL), ==, 0);
  g_assert_cmpint (run (f, (const char *[]) { "--db", f->db, "--import", changed, NULL }, NULL, &err), ==, 2);
  assert_one_error_line (err, "sessions[0]: session " SESSION_ID, "duration_minutes");
}

static void
test_failures_exit_1 (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *missing = folder_file (f, "missing.json", NULL);
  g_autofree char *input = folder_file (f, "in.json", backup_json);
  g_autofree char *not_a_db = folder_file (f, "notes.db", "shopping list: milk\n");
  g_autofree char *err = NULL;
  g_autofree char *after = NULL;

  /* A file named on the command line that is not there is bad input. */
  g_assert_cmpint (run (f, (const char *[]) { "--db", f->db, "--import", missing, NULL }, NULL, &err), ==, 2);
  assert_one_error_line (err, "Could not read", "missing.json");
  g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (f, (const char *[]) { "--db", not_a_db, "--import", input, NULL }, NULL, &err), ==, 1);
  assert_one_error_line (err, "notes.db", "not an SQLite database");
  g_assert_true (g_file_get_contents (not_a_db, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, "shopping list: milk\n");
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (f, (const char *[]) { "--import", input, "--export", missing, NULL }, NULL, &err), ==, 2);
  assert_one_error_line (err, "--import", "--export");
}

static void
test_default_location (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *input = folder_file (f, "in.json", backup_json);
  g_autofree char *db = g_build_filename (f->folder, "data-home", "aftercare", "aftercare.db", NULL);
  g_autofree char *out = NULL;

  g_assert_cmpint (run (f, (const char *[]) { "--import", input, NULL }, &out, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "Imported 2 sessions and 2 check-ins\n");
  g_assert_true (g_file_test (db, G_FILE_TEST_IS_REGULAR));
}

/* --export reads a database; it creates none, and writes over neither
 * an existing backup (with an empty one) nor the database itself. */
static void
test_export_refusals (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *input = folder_file (f, "in.json", backup_json);
  g_autofree char *backup = folder_file (f, "b.json", "precious");
  g_autofree char *nowhere = g_build_filename (f->folder, "no", "such", "x.db", NULL);
  g_autofree char *nowhere_folder = g_build_filename (f->folder, "no", NULL);
  g_autofree char *wal = g_strconcat (f->db, "-wal", NULL);
  g_autofree char *out = NULL, *err = NULL, *after = NULL;
  const char * const targets[] = { f->db, wal };

  g_assert_cmpint (run (f, (const char *[]) { "--db", nowhere, "--export", backup, NULL }, &out, &err), ==, 2);
  assert_one_error_line (err, "--db", "x.db");
  g_assert_cmpstr (out, ==, "");
  g_assert_false (g_file_test (nowhere_folder, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_get_contents (backup, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, "precious");

  g_assert_cmpint (run (f, (const char *[]) { "--db", f->db, "--import", input, NULL }, NULL, NULL), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      g_autofree char *target_err = NULL;

      /* Only a file that is there can be the database or its journal. */
      if (!g_file_test (targets[i], G_FILE_TEST_EXISTS))
        continue;
      g_assert_cmpint (run (f, (const char *[]) { "--db", f->db, "--export", targets[i], NULL }, NULL,
                            &target_err), ==, 2);
      assert_one_error_line (target_err, "--export", "database file itself");
    }
  /* The database is intact: a new export still holds both sessions. */
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run (f, (const char *[]) { "--db", f->db, "--export", backup, NULL }, &out, NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "Exported 2 sessions and 2 check-ins"));
}

/* Two actions, or a stray word: refused, not half done. */
static void
test_conflicting_actions_refused (Fixture       *f,
                                  gconstpointer  data)
{
  g_autofree char *input = folder_file (f, "in.json", backup_json);
  g_autofree char *request = folder_file (f, "request.json", "{}");
  g_autofree char *json = folder_file (f, "out.json", NULL);
  const char * const *runs[] = {
    (const char *[]) { "--db", f->db, "--assess", request, "--export", json, NULL },
    (const char *[]) { "--db", f->db, "--sheet", "0b7c5a1e-2f4d-4c3b-9a8e-1d2c3b4a5f60", "--import", input, NULL },
    (const char *[]) { "--db", f->db, "--import", input, "--prepare-database", NULL },
    (const char *[]) { "--db", f->db, "--import", input, "extra", NULL },
    (const char *[]) { "--assess", request, "more.json", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
    {
      g_autofree char *out = NULL, *err = NULL;

      g_assert_cmpint (run (f, runs[i], &out, &err), ==, 2);
      g_assert_cmpstr (out, ==, "");
      assert_one_error_line (err, "aftercare: ", i < 3 ? "not both at once" : "Unexpected argument");
    }
  g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (json, G_FILE_TEST_EXISTS));
}

/* The database's bytes, to show that a refused import wrote nothing. */
static GBytes *
read_bytes (const char *path)
{
  char *contents;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_bytes_new_take (contents, length);
}

/* text with its first old replaced by new, in which "<NUL>" stands for a
 * NUL byte; written to the folder as name. */
static char *
folder_file_replacing (Fixture    *f,
                       const char *name,
                       const char *text,
                       const char *old,
                       const char *new)
{
  g_auto(GStrv) pieces = g_strsplit (text, old, 2);
  g_auto(GStrv) new_pieces = g_strsplit (new, "<NUL>", -1);
  g_autoptr(GString) contents = g_string_new (pieces[0]);
  char *path = folder_file (f, name, NULL);

  g_assert_nonnull (pieces[1]);
  for (guint i = 0; new_pieces[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (contents, '\0');
      g_string_append (contents, new_pieces[i]);
    }
  g_string_append (contents, pieces[1]);
  g_assert_true (g_file_set_contents (path, contents->str, contents->len, NULL));
  return path;
}

/* Text that is not valid in a JSON backup (what json-glib would turn into
 * bytes that are not UTF-8, or cut short): exit 2, one line naming the line
 * and the field, and the database exactly as it was. */
static void
test_bad_json_text_refused (Fixture       *f,
                            gconstpointer  data)
{
  static const struct {
    const char *old;
    const char *new;
    const char *where;
  } cases[] = {
    { "two\\nlines", "X\\ud800Y", "Line 6, sessions[0].notes: " },
    { "two\\nlines", "X\\udc00Y", "Line 6, sessions[0].notes: " },
    { "two\\nlines", "X\\ud800\\u0041Y", "Line 6, sessions[0].notes: " },
    { "two\\nlines", "X\\uD800\\uD800Y", "Line 6, sessions[0].notes: " },
    { "two\\nlines", "X\\ud800", "Line 6, sessions[0].notes: " },
    { "two\\nlines", "\\udfffX", "Line 6, sessions[0].notes: " },
    { "Lou", "L\\u0000ou", "Line 13, sessions[1].therapist: " },
    { "fine", "caf\xe9", "Line 10, sessions[0].checkins[1].notes: " },
    { "fine", "a<NUL>b", "Line 10, sessions[0].checkins[1].notes: " },
    { "Zoë", "Zo\xed\xa0\x80", "Line 5, sessions[0].client: " },
  };
  g_autofree char *good = folder_file (f, "in.json", backup_json);
  g_autoptr(GBytes) before = NULL;

  g_assert_cmpint (run (f, (const char *[]) { "--db", f->db, "--import", good, NULL }, NULL, NULL), ==, 0);
  before = read_bytes (f->db);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("bad-%u.json", i);
      g_autofree char *path = folder_file_replacing (f, name, backup_json, cases[i].old, cases[i].new);
      g_autofree char *out = NULL, *err = NULL;
      g_autoptr(GBytes) after = NULL;

      g_assert_cmpint (run (f, (const char *[]) { "--db", f->db, "--import", path, NULL }, &out, &err), ==, 2);
      g_assert_cmpstr (out, ==, "");
      assert_one_error_line (err, cases[i].where, "is not valid text");
      after = read_bytes (f->db);
      g_assert_true (g_bytes_equal (before, after));
    }
}

/* The same in a CSV file, named by line and column; nothing is stored. */
static void
test_bad_csv_text_refused (Fixture       *f,
                           gconstpointer  data)
{
  static const char typed[] =
    "session_id,ended_at,duration_minutes,type,pressure,first_time,areas,client,therapist,"
    "session_notes,checkin_id,checkin_at,soreness,symptoms,checkin_notes\n"
    ",2026-11-23T10:00:00Z,60,thai,light,false,,Ana,,,,,,,\n"
    ",2026-11-24T10:00:00Z,60,thai,light,false,,CLIENT,\"THERAPIST\",,,2026-11-24T12:00:00Z,3,,NOTES\n";
  static const struct {
    const char *old;
    const char *new;
    const char *where;
  } cases[] = {
    { "CLIENT", "caf\xe9", "Line 3, field “client”: " },
    { "THERAPIST", "Lo\nu\xed\xb0\x80", "Line 3, field “therapist”: " },
    { "NOTES", "a<NUL>b", "Line 3, field “checkin_notes”: " },
    { "Ana", "\xc3", "Line 2, field “client”: " },
  };
  g_autofree char *json = folder_file (f, "out.json", NULL);
  g_autofree char *out = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("bad-%u.csv", i);
      g_autofree char *path = folder_file_replacing (f, name, typed, cases[i].old, cases[i].new);
      g_autofree char *err = NULL;

      g_assert_cmpint (run (f, (const char *[]) { "--db", f->db, "--import", path, NULL }, &out, &err), ==, 2);
      g_assert_cmpstr (out, ==, "");
      g_clear_pointer (&out, g_free);
      assert_one_error_line (err, cases[i].where, "is not valid text");
    }
  g_assert_cmpint (run (f, (const char *[]) { "--db", f->db, "--export", json, NULL }, &out, NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "Exported 0 sessions and 0 check-ins"));
}

/* Text a spreadsheet would run, and control characters: the CSV export
 * guards the first with a ', the JSON export escapes the second (a strict
 * reader takes it), and both give back exactly the text that went in. */
static void
test_text_round_trips_safely (Fixture       *f,
                              gconstpointer  data)
{
  static const char risky_json[] =
    "{\"format\": \"aftercare-backup\", \"version\": 1, \"exported_at\": \"2026-11-24T18:00:00Z\",\n"
    " \"sessions\": [\n"
    "  {\"id\": \"" SESSION_ID "\", \"ended_at\": \"2026-11-24T10:00:00+01:00\", \"duration_minutes\": 60,\n"
    "   \"type\": \"deep-tissue\", \"pressure\": \"deep\", \"first_time\": false, \"areas\": [],\n"
    "   \"client\": \"=HYPERLINK(\\\"http://example.org\\\",\\\"x\\\")\", \"therapist\": \"+1+1\",\n"
    "   \"notes\": \"-2+3\",\n"
    "   \"checkins\": [{\"id\": \"5e1d0000-2f4d-4c3b-9a8e-1d2c3b4a5f61\", \"at\": \"2026-11-24T16:00:00+01:00\",\n"
    "                 \"soreness\": 2, \"symptoms\": [], \"notes\": \"@SUM(A1)\"}]},\n"
    "  {\"id\": \"1c8d5a1e-2f4d-4c3b-9a8e-1d2c3b4a5f60\", \"ended_at\": \"2026-11-20T18:00:00-05:00\",\n"
    "   \"duration_minutes\": 30, \"type\": \"swedish\", \"pressure\": \"light\", \"first_time\": true,\n"
    "   \"areas\": [], \"client\": \"\\tTab\", \"therapist\": \"\\rCR\",\n"
    "   \"notes\": \"'=quoted \\u001f unit \\u0001 start \\ud83d\\ude00\", \"checkins\": []}]}\n";
  g_autofree char *input = folder_file (f, "in.json", risky_json);
  g_autofree char *csv = folder_file (f, "out.csv", NULL);
  g_autofree char *json = folder_file (f, "out.json", NULL);
  g_autofree char *again_db = folder_file (f, "again.db", NULL);
  g_autofree char *again_json = folder_file (f, "again.json", NULL);
  g_autofree char *csv_text = NULL, *first = NULL, *second = NULL, *python = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (run (f, (const char *[]) { "--db", f->db, "--import", input, NULL }, NULL, NULL), ==, 0);
  g_assert_cmpint (run (f, (const char *[]) { "--db", f->db, "--export", csv, NULL }, NULL, NULL), ==, 0);
  g_assert_true (g_file_get_contents (csv, &csv_text, NULL, NULL));
  g_assert_nonnull (strstr (csv_text, ",false,,\"'=HYPERLINK(\"\"http://example.org\"\",\"\"x\"\")\",'+1+1,'-2+3,"));
  g_assert_nonnull (strstr (csv_text, ",'@SUM(A1)\r\n"));
  g_assert_nonnull (strstr (csv_text, ",true,,'\tTab,\"'\rCR\",''=quoted "));
  /* Ids, times and numbers stay as they are. */
  g_assert_nonnull (strstr (csv_text, "\r\n" SESSION_ID ",2026-11-24T10:00:00+01:00,60,"));

  g_assert_cmpint (run (f, (const char *[]) { "--db", f->db, "--export", json, NULL }, NULL, NULL), ==, 0);
  g_assert_true (g_file_get_contents (json, &first, NULL, NULL));
  /* RFC 8259: no control character raw inside a string, so none at all
   * but the line breaks between sessions. */
  lines = g_strsplit (first, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    for (const char *p = lines[i]; *p != '\0'; p++)
      g_assert_cmpint ((guchar) *p, >=, 0x20);
  g_assert_nonnull (strstr (first, "'=quoted \\u001f unit \\u0001 start 😀"));
  if ((python = g_find_program_in_path ("python3")) != NULL)
    {
      g_autofree char *out = NULL;

      g_assert_cmpint (test_run ((const char *[]) { python, "-c",
                                                    "import json, sys; "
                                                    "print(json.load(open(sys.argv[1]))['sessions'][1]['notes'])",
                                                    json, NULL },
                                 (const char * const *) f->envp, &out, NULL), ==, 0);
      g_assert_cmpstr (out, ==, "'=quoted \x1f unit \x01 start 😀\n");
    }

  /* CSV back in: the same text, ' and all. */
  g_assert_cmpint (run (f, (const char *[]) { "--db", again_db, "--import", csv, NULL }, NULL, NULL), ==, 0);
  g_assert_cmpint (run (f, (const char *[]) { "--db", again_db, "--export", again_json, NULL }, NULL, NULL), ==, 0);
  g_assert_true (g_file_get_contents (again_json, &second, NULL, NULL));
  g_assert_cmpstr (strchr (strstr (first, "\"sessions\""), '\n'), ==, strchr (strstr (second, "\"sessions\""), '\n'));
}

/* The names in folder, sorted and joined, to show nothing was created. */
static char *
folder_listing (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  g_ptr_array_add (names, NULL);
  return g_strjoinv ("/", (char **) names->pdata);
}

/* An address with a password, in any form, even one libpq cannot read:
 * exit 2, a message that repeats no part of it, and no file made of it. */
static void
test_address_secrets (Fixture       *f,
                      gconstpointer  data)
{
  static const char * const addresses[] = {
    "postgresql://u:secret@[::1/db",
    "postgresql://u:se%zzcret@host/db",
    "host=h password='secret",
    "POSTGRESQL://u:secret@host/db",
    "postgres://u:secret@localhost/db",
    "postgresql://u:%73ecret@localhost/db",
    "postgresql://u@localhost/db?password=secret",
    "postgresql://u@localhost/db?pass%77ord=secret",
    "host=localhost dbname=db password=secret",
    "host=localhost dbname=db password = 'se cret'",
    "Postgres://u:secret@host/db",
  };
  g_autofree char *input = folder_file (f, "in.json", backup_json);
  g_autofree char *before = NULL;
  g_autofree char *cwd = g_get_current_dir ();

  /* Relative names would be made here. */
  g_assert_cmpint (g_chdir (f->folder), ==, 0);
  before = folder_listing (f->folder);
  for (guint i = 0; i < G_N_ELEMENTS (addresses); i++)
    {
      const char * const runs[][7] = {
        { "--db", addresses[i], "--export", "out.json", NULL },
        { "--db", addresses[i], "--import", "in.json", NULL },
        { "--db", addresses[i], "--prepare-database", NULL },
        { "--db", addresses[i], "--sheet", SESSION_ID, "--output", "sheet.pdf", NULL },
      };

      for (guint r = 0; r < G_N_ELEMENTS (runs); r++)
        {
          g_autofree char *out = NULL, *err = NULL, *after = NULL;

          g_test_message ("%s %s", addresses[i], runs[r][2]);
          g_assert_cmpint (run (f, runs[r], &out, &err), ==, 2);
          g_assert_cmpstr (out, ==, "");
          assert_one_error_line (err, "aftercare: ", "address");
          g_assert_null (strstr (err, "secret"));
          g_assert_null (strstr (err, "cret"));
          g_assert_null (strstr (err, "se%zz"));
          g_assert_null (strstr (err, "host"));
          after = folder_listing (f->folder);
          g_assert_cmpstr (after, ==, before);
        }
    }
  g_assert_cmpint (g_chdir (cwd), ==, 0);
}

/* The address's part libpq complains about is said in words of its own. */
static void
test_address_mistakes_named (Fixture       *f,
                             gconstpointer  data)
{
  static const struct {
    const char *address;
    const char *words;
  } cases[] = {
    { "postgresql://u@[::1/db", "never closed" },
    { "postgresql://u@host/d%zzb", "hexadecimal" },
    { "host=h dbname='clinic", "no closing quote" },
    { "host=h dbnmae=clinic", "does not know" },
    { "mysql://u@host/db", "postgresql://" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *err = NULL;

      g_assert_cmpint (run (f, (const char *[]) { "--db", cases[i].address, "--export", "out.json", NULL },
                            NULL, &err), ==, 2);
      assert_one_error_line (err, "address", cases[i].words);
      g_assert_null (strstr (err, "'clinic"));
      g_assert_null (strstr (err, "dbnmae"));
      g_assert_null (strstr (err, "zz"));
      g_assert_null (strstr (err, "::1"));
      g_assert_null (strstr (err, "u@"));
    }
}

/* argv run with no power to write where the folder's mode forbids it. As
 * root (the tests' usual user), which writes anywhere, through setpriv
 * without the capabilities that override file modes; NULL (skip) when
 * that cannot be done. */
static GPtrArray *
without_override (const char * const *args)
{
  GPtrArray *argv = g_ptr_array_new_with_free_func (g_free);

  if (geteuid () == 0)
    {
      char *setpriv = g_find_program_in_path ("setpriv");

      if (setpriv == NULL)
        {
          g_ptr_array_unref (argv);
          return NULL;
        }
      g_ptr_array_add (argv, setpriv);
      g_ptr_array_add (argv, g_strdup ("--bounding-set=-dac_override,-dac_read_search,-fowner"));
      g_ptr_array_add (argv, g_strdup ("--"));
    }
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, g_strdup (args[i]));
  g_ptr_array_add (argv, NULL);
  return argv;
}

/* --export and --sheet open the database for reading only: from a folder
 * that cannot be written to (as on a full disk, where no -wal or -shm can
 * be made), they still write to another disk, and leave every byte of the
 * database, and its folder, as they were. The window's store opens such a
 * database read-only and says why. */
static void
test_read_out_of_read_only_folder (Fixture       *f,
                                   gconstpointer  data)
{
  g_autofree char *input = folder_file (f, "in.json", backup_json);
  g_autofree char *locked = g_build_filename (f->folder, "locked", NULL);
  g_autofree char *db = g_build_filename (locked, "clinic.db", NULL);
  g_autofree char *out_folder = g_build_filename (f->folder, "out", NULL);
  g_autofree char *json = g_build_filename (out_folder, "backup.json", NULL);
  g_autofree char *csv = g_build_filename (out_folder, "backup.csv", NULL);
  g_autofree char *pdf = g_build_filename (out_folder, "sheet.pdf", NULL);
  g_autofree char *listing = NULL;
  g_autoptr(GBytes) before = NULL;
  const char *exe = g_getenv ("AFTERCARE_EXE");
  const char * const runs[][8] = {
    { exe, "--db", db, "--export", json, NULL },
    { exe, "--db", db, "--export", csv, NULL },
    { exe, "--db", db, "--sheet", SESSION_ID, "--output", pdf, NULL },
  };
  GStatBuf stat_before, stat_after;

  g_assert_cmpint (g_mkdir (locked, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (out_folder, 0700), ==, 0);
  g_assert_cmpint (run (f, (const char *[]) { "--db", db, "--import", input, NULL }, NULL, NULL), ==, 0);
  before = read_bytes (db);
  g_assert_cmpint (g_stat (db, &stat_before), ==, 0);
  listing = folder_listing (locked);
  g_assert_cmpstr (listing, ==, "clinic.db");
  g_assert_cmpint (g_chmod (locked, 0555), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
    {
      g_autoptr(GPtrArray) argv = without_override (runs[i]);
      g_autofree char *out = NULL, *err = NULL, *after_listing = NULL;
      g_autoptr(GBytes) after = NULL;

      if (argv == NULL)
        {
          g_assert_cmpint (g_chmod (locked, 0700), ==, 0);
          g_test_skip ("running as root, and setpriv is not there to give up root's power over file modes");
          return;
        }
      g_assert_cmpint (test_run ((const char * const *) argv->pdata, (const char * const *) f->envp, &out, &err),
                       ==, 0);
      g_assert_cmpstr (err, ==, "");
      after = read_bytes (db);
      g_assert_true (g_bytes_equal (before, after));
      g_assert_cmpint (g_stat (db, &stat_after), ==, 0);
      g_assert_cmpint (stat_after.st_mtime, ==, stat_before.st_mtime);
      g_assert_cmpint (stat_after.st_mode, ==, stat_before.st_mode);
      after_listing = folder_listing (locked);
      g_assert_cmpstr (after_listing, ==, "clinic.db");
    }
  g_assert_true (g_file_test (json, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (csv, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));

  /* What the window opens: the records, read-only, saying why; a write is
   * refused with that reason. */
  {
    const char * const helper[] = { g_getenv ("AFTERCARE_STORE_HELPER"), "add-sessions", db, "1", "Ana", NULL };
    g_autoptr(GPtrArray) argv = without_override (helper);
    g_autofree char *err = NULL;
    g_autoptr(GBytes) after = NULL;

    g_assert_cmpint (test_run ((const char * const *) argv->pdata, (const char * const *) f->envp, NULL, &err),
                     ==, 1);
    g_assert_nonnull (strstr (err, "Read-only: nothing can be added or changed"));
    after = read_bytes (db);
    g_assert_true (g_bytes_equal (before, after));
  }
  g_assert_cmpint (g_chmod (locked, 0700), ==, 0);
}

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  ADD ("/cli/import-export/round-trip", test_round_trip);
  ADD ("/cli/import-export/bad-row-exits-2-and-imports-nothing", test_bad_row_exits_2);
  ADD ("/cli/import-export/missing-field-exits-2-and-changes-nothing", test_missing_field_exits_2);
  ADD ("/cli/import-export/conflict-exits-2", test_conflict_exits_2);
  ADD ("/cli/import-export/failures-exit-1", test_failures_exit_1);
  ADD ("/cli/import-export/default-location", test_default_location);
  ADD ("/cli/import-export/export-refusals", test_export_refusals);
  ADD ("/cli/import-export/conflicting-actions-refused", test_conflicting_actions_refused);
  ADD ("/cli/import-export/bad-json-text-refused", test_bad_json_text_refused);
  ADD ("/cli/import-export/bad-csv-text-refused", test_bad_csv_text_refused);
  ADD ("/cli/import-export/text-round-trips-safely", test_text_round_trips_safely);
  ADD ("/cli/db/address-secrets-never-leak", test_address_secrets);
  ADD ("/cli/db/address-mistakes-named", test_address_mistakes_named);
  ADD ("/cli/import-export/read-out-of-read-only-folder", test_read_out_of_read_only_folder);
  return g_test_run ();
}
