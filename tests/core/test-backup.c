/* test-backup.c: reading and checking JSON backups and CSV files before anything is stored (aftercare-backup-reader.c, aftercare-backup-json.c, aftercare-backup-csv.c). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "aftercare-backup-reader.h"
#include "aftercare-time.h"

#define SESSION_ID "0b7c5a1e-2f4d-4c3b-9a8e-1d2c3b4a5f60"
#define CHECKIN_1 "5e1d0000-2f4d-4c3b-9a8e-1d2c3b4a5f61"
#define CHECKIN_2 "5e1d0000-2f4d-4c3b-9a8e-1d2c3b4a5f62"

static const char valid_json[] =
  "{\"format\": \"aftercare-backup\", \"version\": 1,\n"
  " \"exported_at\": \"2026-11-24T18:00:00Z\",\n"
  " \"sessions\": [\n"
  "  {\"id\": \"" SESSION_ID "\", \"ended_at\": \"2026-11-24T10:00:00+01:00\",\n"
  "   \"duration_minutes\": 60, \"type\": \"deep-tissue\", \"pressure\": \"deep\",\n"
  "   \"first_time\": false, \"areas\": [\"calves\", \"hamstrings\"],\n"
  "   \"client\": \"\", \"therapist\": \"Sam\", \"notes\": \"\",\n"
  "   \"checkins\": [\n"
  "     {\"id\": \"" CHECKIN_1 "\", \"at\": \"2026-11-24T16:00:00+01:00\", \"soreness\": 2,\n"
  "      \"symptoms\": [\"heaviness\"], \"notes\": \"\"},\n"
  "     {\"id\": \"" CHECKIN_2 "\", \"at\": \"2026-11-25T08:00:00+01:00\", \"soreness\": 1,\n"
  "      \"symptoms\": [], \"notes\": \"better\"}]}]}\n";

static AftercareBackup *
parse (AftercareBackupFormat   format,
       const char             *text,
       GError                **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return aftercare_backup_parse (bytes, format, error);
}

/* valid_json with the first occurrence of old replaced. */
static char *
json_with (const char *old,
           const char *new)
{
  const char *at = strstr (valid_json, old);

  g_assert_nonnull (at);
  return g_strdup_printf ("%.*s%s%s", (int) (at - valid_json), valid_json, new, at + strlen (old));
}

static void
assert_rejected (AftercareBackupFormat  format,
                 const char            *text,
                 const char            *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AftercareBackup) backup = parse (format, text, &error);

  g_assert_null (backup);
  g_assert_error (error, AFTERCARE_BACKUP_ERROR, AFTERCARE_BACKUP_ERROR_INVALID);
  if (!g_str_has_prefix (error->message, message))
    g_error ("expected a message starting “%s”, got “%s”", message, error->message);
}

static void
assert_json_rejected (const char *old,
                      const char *new,
                      const char *message)
{
  g_autofree char *text = json_with (old, new);

  assert_rejected (AFTERCARE_BACKUP_FORMAT_JSON, text, message);
}

static void
test_json_valid (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AftercareBackup) backup = parse (AFTERCARE_BACKUP_FORMAT_JSON, valid_json, &error);
  AftercareSession *session;
  AftercareCheckin *checkin;
  g_autofree char *ended_at = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (aftercare_backup_get_n_sessions (backup), ==, 1);
  g_assert_cmpuint (aftercare_backup_get_n_checkins (backup), ==, 2);
  session = aftercare_backup_get_session (backup, 0);
  g_assert_cmpstr (aftercare_session_get_id (session), ==, SESSION_ID);
  ended_at = aftercare_time_format (aftercare_session_get_ended_at (session));
  g_assert_cmpstr (ended_at, ==, "2026-11-24T10:00:00+01:00");
  g_assert_cmpint (aftercare_session_get_massage_type (session), ==, AFTERCARE_MASSAGE_DEEP_TISSUE);
  g_assert_cmpint (aftercare_session_get_areas (session), ==, AFTERCARE_AREA_CALVES | AFTERCARE_AREA_HAMSTRINGS);
  g_assert_cmpstr (aftercare_session_get_therapist (session), ==, "Sam");
  checkin = aftercare_backup_get_checkin (backup, 1);
  g_assert_cmpstr (aftercare_checkin_get_session_id (checkin), ==, SESSION_ID);
  g_assert_cmpstr (aftercare_checkin_get_notes (checkin), ==, "better");
  g_assert_cmpstr (aftercare_backup_get_checkin_origin (backup, 1), ==, "sessions[0].checkins[1]");
}

static void
test_json_rejects_bad_values (void)
{
  assert_json_rejected ("\"soreness\": 1", "\"soreness\": 11",
                        "Line 11, sessions[0].checkins[1].soreness: “11” is not a whole number from 0 to 10");
  assert_json_rejected ("\"soreness\": 2", "\"soreness\": -1",
                        "Line 9, sessions[0].checkins[0].soreness: “-1” is not a whole number from 0 to 10");
  assert_json_rejected ("\"soreness\": 2", "\"soreness\": 2.5",
                        "Line 9, sessions[0].checkins[0].soreness: must be a whole number from 0 to 10");
  assert_json_rejected ("\"soreness\": 2", "\"soreness\": \"2\"",
                        "Line 9, sessions[0].checkins[0].soreness: must be a whole number from 0 to 10, not text");
  assert_json_rejected ("\"duration_minutes\": 60", "\"duration_minutes\": 1441",
                        "Line 5, sessions[0].duration_minutes: “1441” is not a whole number from 0 to 1440");
  assert_json_rejected ("\"type\": \"deep-tissue\"", "\"type\": \"shiatsu\"",
                        "Line 5, sessions[0].type: “shiatsu” is not one of: swedish, deep-tissue,");
  assert_json_rejected ("\"hamstrings\"", "\"knees\"", "Line 6, sessions[0].areas[1]: “knees” is not one of:");
  assert_json_rejected ("[\"heaviness\"]", "[\"heaviness;fever\"]", 
                        "Line 10, sessions[0].checkins[0].symptoms[0]: “heaviness;fever” is not one of:");
  assert_json_rejected ("\"first_time\": false", "\"first_time\": \"no\"",
                        "Line 6, sessions[0].first_time: must be true or false, not text");
  assert_json_rejected ("\"2026-11-24T10:00:00+01:00\"", "\"2026-11-24T10:00:00\"",
                        "Line 4, sessions[0].ended_at: “2026-11-24T10:00:00” is not a date and time with an offset");
  assert_json_rejected ("\"2026-11-24T10:00:00+01:00\"", "\"0999-11-24T10:00:00+01:00\"",
                        "Line 4, sessions[0].ended_at: “0999-11-24T10:00:00+01:00” is not a date and time");
  assert_json_rejected ("\"2026-11-24T16:00:00+01:00\"", "\"9999-11-24T16:00:00+01:00\"",
                        "Line 9, sessions[0].checkins[0].at: “9999-11-24T16:00:00+01:00” is not a date and time");
  assert_json_rejected ("\"" SESSION_ID "\"", "\"session-1\"", "Line 4, sessions[0].id: “session-1” is not a UUID");
  assert_json_rejected ("\"client\": \"\"", "\"client\": null", 
                        "Line 7, sessions[0].client: is required and may not be null");
}

static void
test_json_rejects_bad_structure (void)
{
  assert_json_rejected ("\"therapist\": \"Sam\",", "\"therapist\": \"Sam\", \"colour\": \"red\",",
                        "Line 7, sessions[0].colour: is not a known field; check its spelling");
  assert_json_rejected ("\"pressure\": \"deep\",", "", "Line 12, sessions[0].pressure: is missing");
  assert_json_rejected ("\"symptoms\": [], ", "", "Line 12, sessions[0].checkins[1].symptoms: is missing");
  assert_json_rejected ("\"version\": 1", "\"version\": 2", "Line 1, version: 2 is not known");
  assert_json_rejected ("\"aftercare-backup\"", "\"something-else\"", "Line 1, format: is “something-else”");
  assert_json_rejected ("\"exported_at\": \"2026-11-24T18:00:00Z\",", "", "Line 12, exported_at: is missing");
  assert_json_rejected ("\"checkins\": [", "\"checkins\": 3, \"x\": [", "Line 12, sessions[0].x: is not a known field");
  assert_rejected (AFTERCARE_BACKUP_FORMAT_JSON, "[1, 2]", "backup: must be a JSON object, not a list");
  assert_rejected (AFTERCARE_BACKUP_FORMAT_JSON, "{\"format\": ", "backup: is not valid JSON (<data>:1:11:");
}

/* What json-glib 1.6 lets through on its own: integers too long for 64
 * bits (this one wrapped round to 10), more than one value, JavaScript,
 * and nesting deep enough to overflow its recursion. */
static void
test_json_rejects_what_json_glib_lets_through (void)
{
  g_autoptr(GString) deep = g_string_new (NULL);
  g_autofree char *twice = g_strconcat (valid_json, valid_json, NULL);
  g_autofree char *script = g_strconcat ("var backup = ", valid_json, NULL);

  assert_json_rejected ("\"soreness\": 2", "\"soreness\": -18446744073709551606",
                        "Line 9, sessions[0].checkins[0].soreness: must be a whole number from 0 to 10");
  assert_rejected (AFTERCARE_BACKUP_FORMAT_JSON, twice,
                   "backup: must be one JSON object with nothing before or after it");
  assert_rejected (AFTERCARE_BACKUP_FORMAT_JSON, script, "backup: ");
  for (guint i = 0; i < 80000; i++)
    g_string_append_c (deep, '[');
  assert_rejected (AFTERCARE_BACKUP_FORMAT_JSON, deep->str, "backup: is nested more than 64 levels deep");
}

/* Long runs of digits inside text are text, kept as they are; a byte
 * order mark before the object is skipped. */
static void
test_json_long_digits_in_text_and_bom (void)
{
  g_autofree char *notes = json_with ("\"better\"", "\"call 12345678901234567890123\"");
  g_autofree char *with_bom = g_strconcat ("\xEF\xBB\xBF", notes, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AftercareBackup) backup = parse (AFTERCARE_BACKUP_FORMAT_JSON, with_bom, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (aftercare_checkin_get_notes (aftercare_backup_get_checkin (backup, 1)), ==,
                   "call 12345678901234567890123");
}

static void
test_json_rejects_checkin_before_end (void)
{
  /* 10:30 at +02:00 is 08:30 UTC, before the session ended (09:00 UTC). */
  assert_json_rejected ("\"2026-11-24T16:00:00+01:00\"", "\"2026-11-24T10:30:00+02:00\"",
                        "Line 9, sessions[0].checkins[0].at: is before the session ended (2026-11-24T10:00:00+01:00)");
}

#define MINIMAL_SESSION \
  "{\"id\": \"" SESSION_ID "\", \"ended_at\": \"2026-11-24T10:00:00Z\", \"duration_minutes\": 60, " \
  "\"type\": \"thai\", \"pressure\": \"light\", \"first_time\": false, \"areas\": [], " \
  "\"client\": \"\", \"therapist\": \"\", \"notes\": \"\", \"checkins\": []}"

static void
test_json_rejects_repeated_ids (void)
{
  assert_json_rejected (CHECKIN_2, CHECKIN_1,
                        "Line 11, sessions[0].checkins[1].id: the check-in " CHECKIN_1 " appears twice in the file");
  assert_rejected (AFTERCARE_BACKUP_FORMAT_JSON,
                   "{\"format\": \"aftercare-backup\", \"version\": 1, "
                   "\"exported_at\": \"2026-11-24T18:00:00Z\", \"sessions\": ["
                   MINIMAL_SESSION ", " MINIMAL_SESSION "]}",
                   "Line 1, sessions[1].id: the session " SESSION_ID " appears twice in the file");
}

/* A UUID's hex digits mean the same in either case: ids are read in lower
 * case, and two ids differing only in case are one id. */
#define SESSION_ID_UPPER "0B7C5A1E-2F4D-4C3B-9A8E-1D2C3B4A5F60"
#define CHECKIN_1_UPPER "5E1D0000-2F4D-4C3B-9A8E-1D2C3B4A5F61"

static void
test_json_ids_in_lower_case (void)
{
  g_autofree char *upper_session = json_with (SESSION_ID, SESSION_ID_UPPER);
  const char *at = strstr (upper_session, CHECKIN_1);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AftercareBackup) backup = NULL;

  g_assert_nonnull (at);
  text = g_strdup_printf ("%.*s%s%s", (int) (at - upper_session), upper_session, CHECKIN_1_UPPER,
                          at + strlen (CHECKIN_1));
  backup = parse (AFTERCARE_BACKUP_FORMAT_JSON, text, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (aftercare_session_get_id (aftercare_backup_get_session (backup, 0)), ==, SESSION_ID);
  g_assert_cmpstr (aftercare_checkin_get_id (aftercare_backup_get_checkin (backup, 0)), ==, CHECKIN_1);
  g_assert_cmpstr (aftercare_checkin_get_session_id (aftercare_backup_get_checkin (backup, 0)), ==,
                   SESSION_ID);

  /* The same check-in id twice, once in upper case. */
  assert_json_rejected (CHECKIN_2, CHECKIN_1_UPPER,
                        "Line 11, sessions[0].checkins[1].id: the check-in " CHECKIN_1 " appears twice in the file");
  /* An id that is no UUID is still refused, in either case. */
  assert_json_rejected (SESSION_ID, "0B7C5A1E-2F4D-4C3B-9A8E-1D2C3B4A5F6G",
                        "Line 4, sessions[0].id: “0B7C5A1E-2F4D-4C3B-9A8E-1D2C3B4A5F6G” is not a UUID");
}

/* Check-ins are read as they come (a fast way for the usual shape): any
 * other shape is still read, or refused naming the right line. */
static void
test_json_checkins_in_any_shape (void)
{
  static const char checkins_first[] =
    "{\"format\": \"aftercare-backup\", \"version\": 1, \"exported_at\": \"2026-11-24T18:00:00Z\",\n"
    " \"sessions\": [\n"
    "  {\"checkins\": [{\"notes\": \"\", \"symptoms\": [], \"soreness\": 3,\n"
    "                 \"at\": \"2026-11-24T16:00:00+01:00\", \"id\": \"" CHECKIN_1 "\"}],\n"
    "   \"id\": \"" SESSION_ID "\", \"ended_at\": \"2026-11-24T10:00:00+01:00\",\n"
    "   \"duration_minutes\": 60, \"type\": \"deep-tissue\", \"pressure\": \"deep\",\n"
    "   \"first_time\": false, \"areas\": [], \"client\": \"\", \"therapist\": \"\", \"notes\": \"\"}]}\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(AftercareBackup) backup = NULL;
  g_autofree char *text = NULL;

  /* A member the format does not have, however deep its value. */
  assert_json_rejected ("\"soreness\": 2,", "\"soreness\": 2, \"mood\": \"ok\",",
                        "Line 9, sessions[0].checkins[0].mood: is not a known field");
  assert_json_rejected ("\"notes\": \"\"},", "\"notes\": \"\", \"extra\": {\"a\": [1, {\"b\": null}]}},",
                        "Line 10, sessions[0].checkins[0].extra: is not a known field");
  /* Of a member given twice in a check-in, the last one counts. */
  assert_json_rejected ("\"soreness\": 2,", "\"soreness\": 2, \"soreness\": 11,",
                        "Line 9, sessions[0].checkins[0].soreness: “11” is not a whole number from 0 to 10");
  text = json_with ("\"soreness\": 2,", "\"soreness\": 11, \"soreness\": 4,");
  backup = parse (AFTERCARE_BACKUP_FORMAT_JSON, text, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (aftercare_checkin_get_soreness (aftercare_backup_get_checkin (backup, 0)), ==, 4);
  g_clear_object (&backup);
  g_clear_pointer (&text, g_free);
  /* Not an object, a member missing, null, of the wrong kind. */
  assert_json_rejected ("\"checkins\": [\n", "\"checkins\": [7,\n",
                        "Line 8, sessions[0].checkins[0]: must be an object, not a number");
  assert_json_rejected ("\"soreness\": 2,", "", "Line 10, sessions[0].checkins[0].soreness: is missing");
  assert_json_rejected ("\"soreness\": 2,", "\"soreness\": null,",
                        "Line 9, sessions[0].checkins[0].soreness: is required and may not be null");
  assert_json_rejected ("[\"heaviness\"]", "[\"heaviness\", 3]",
                        "Line 10, sessions[0].checkins[0].symptoms[1]: must be text, not a number");
  assert_json_rejected ("\"soreness\": 2,", "\"soreness\": 2.0,",
                        "Line 9, sessions[0].checkins[0].soreness: must be a whole number from 0 to 10");
  /* Check-ins before the rest of their session. */
  backup = parse (AFTERCARE_BACKUP_FORMAT_JSON, checkins_first, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (aftercare_backup_get_n_checkins (backup), ==, 1);
  g_assert_cmpstr (aftercare_checkin_get_session_id (aftercare_backup_get_checkin (backup, 0)), ==, SESSION_ID);
  g_assert_cmpuint (aftercare_checkin_get_soreness (aftercare_backup_get_checkin (backup, 0)), ==, 3);
  g_assert_cmpstr (aftercare_backup_get_checkin_origin (backup, 0), ==, "sessions[0].checkins[0]");
  g_clear_object (&backup);
  text = g_strdup (checkins_first);
  memcpy (strstr (text, "16:00:00"), "09:00:00", 8);
  assert_rejected (AFTERCARE_BACKUP_FORMAT_JSON, text,
                   "Line 4, sessions[0].checkins[0].at: is before the session ended");
  g_clear_pointer (&text, g_free);
  /* After its check-ins, a session takes no member again, and no unknown one. */
  assert_json_rejected ("}]}]}", "}], \"notes\": \"again\"}]}", "Line 12, sessions[0].notes: appears twice");
  assert_json_rejected ("}]}]}", "}],\n\"checkins\": []}]}", "Line 13, sessions[0].checkins: appears twice");
  assert_json_rejected ("}]}]}", "}], \"colour\": \"red\"}]}",
                        "Line 12, sessions[0].colour: is not a known field");
  /* The line a repeated member's value ends on, as for every value. */
  assert_json_rejected ("}]}]}", "}], \"areas\": [\n\"calves\"\n]}]}", "Line 14, sessions[0].areas: appears twice");
  /* Bad text in a member read before the check-ins is refused, even when
   * the member comes again after them with good text. */
  assert_json_rejected ("\"client\": \"\"", "\"client\": \"x\\ud800\"", "Line 7, sessions[0].client: ");
  assert_json_rejected ("}]}]}", "}], \"client\": \"x\\ud800\"}]}", "Line 12, sessions[0].client: ");
  {
    g_autofree char *bad_client = json_with ("\"client\": \"\"", "\"client\": \"x\\ud800\"");
    char *end = strstr (bad_client, "}]}]}");

    g_assert_nonnull (end);
    *end = '\0';
    text = g_strconcat (bad_client, "}], \"client\": \"\"}]}\n", NULL);
    assert_rejected (AFTERCARE_BACKUP_FORMAT_JSON, text, "Line 7, backup: ");
    g_clear_pointer (&text, g_free);
  }
}

/* Exactly the UUID form (8-4-4-4-12 hex digits) is an id: nothing
 * shorter, longer, with a hyphen out of place or a digit that is not hex. */
static void
test_json_ids_take_the_uuid_form_only (void)
{
  static const char * const not_uuids[] = {
    "0b7c5a1e-2f4d-4c3b-9a8e-1d2c3b4a5f6",     /* one digit short */
    "0b7c5a1e-2f4d-4c3b-9a8e-1d2c3b4a5f600",   /* one digit more */
    "0b7c5a1e2-f4d-4c3b-9a8e-1d2c3b4a5f60",    /* a hyphen one place late */
    "0b7c5a1e-2f4d-4c3b-9a8e11d2c3b4a5f60",    /* a digit for the last hyphen */
    "0b7c5a1e-2f4d-4c3b-9a8e-1d2c3b4a5f6-",    /* a hyphen for the last digit */
    "0b7c5a1e02f4d04c3b09a8e01d2c3b4a5f60",    /* no hyphens */
    "{b7c5a1e-2f4d-4c3b-9a8e-1d2c3b4a5f6}",
    "0b7c5a1e-2f4d-4c3b-9a8e-1d2c3b4a5f6 ",
    "0b7c5a1e-2f4d-4c3b-9a8e-1d2c3b4a5f6:",    /* the byte after '9' */
    "0b7c5a1e-2f4d-4c3b-9a8e-1d2c3b4a5f6@",    /* the byte before 'A' */
    "",
  };

  for (guint i = 0; i < G_N_ELEMENTS (not_uuids); i++)
    {
      g_autofree char *quoted = g_strdup_printf ("\"%s\"", not_uuids[i]);
      g_autofree char *message = g_strdup_printf ("Line 4, sessions[0].id: “%s” is not a UUID", not_uuids[i]);

      assert_json_rejected ("\"" SESSION_ID "\"", quoted, message);
    }
  /* The nil UUID and every hex digit in either case are ids. */
  for (guint i = 0; i < 2; i++)
    {
      const char *id = i == 0 ? "\"00000000-0000-0000-0000-000000000000\""
                              : "\"01234567-89ab-cdef-ABCD-EF0123456789\"";
      g_autofree char *text = json_with ("\"" SESSION_ID "\"", id);
      g_autoptr(GError) error = NULL;
      g_autoptr(AftercareBackup) backup = parse (AFTERCARE_BACKUP_FORMAT_JSON, text, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (aftercare_backup_get_n_sessions (backup), ==, 1);
    }
}

static void
test_csv_ids_in_lower_case (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AftercareBackup) backup =
    parse (AFTERCARE_BACKUP_FORMAT_CSV, AFTERCARE_BACKUP_CSV_HEADER "\r\n"
           SESSION_ID_UPPER ",2026-11-24T10:00:00+01:00,60,deep-tissue,deep,false,calves,,Sam,,"
           CHECKIN_1_UPPER ",2026-11-24T16:00:00+01:00,2,heaviness,\r\n"
           /* The same session, its id in lower case: one session. */
           SESSION_ID ",2026-11-24T10:00:00+01:00,60,deep-tissue,deep,false,calves,,Sam,,"
           CHECKIN_2 ",2026-11-25T08:00:00+01:00,1,,better\r\n", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (aftercare_backup_get_n_sessions (backup), ==, 1);
  g_assert_cmpuint (aftercare_backup_get_n_checkins (backup), ==, 2);
  g_assert_cmpstr (aftercare_session_get_id (aftercare_backup_get_session (backup, 0)), ==, SESSION_ID);
  g_assert_cmpstr (aftercare_checkin_get_id (aftercare_backup_get_checkin (backup, 0)), ==, CHECKIN_1);
  g_assert_cmpstr (aftercare_checkin_get_session_id (aftercare_backup_get_checkin (backup, 1)), ==,
                   SESSION_ID);

  assert_rejected (AFTERCARE_BACKUP_FORMAT_CSV,
                   AFTERCARE_BACKUP_CSV_HEADER "\r\n"
                   SESSION_ID ",2026-11-24T10:00:00+01:00,60,deep-tissue,deep,false,calves,,Sam,,"
                   CHECKIN_1 ",2026-11-24T16:00:00+01:00,2,heaviness,\r\n"
                   SESSION_ID ",2026-11-24T10:00:00+01:00,60,deep-tissue,deep,false,calves,,Sam,,"
                   CHECKIN_1_UPPER ",2026-11-25T08:00:00+01:00,1,,better\r\n",
                   "Line 3, field “checkin_id”: the check-in " CHECKIN_1 " appears twice in the file");
  assert_rejected (AFTERCARE_BACKUP_FORMAT_CSV,
                   AFTERCARE_BACKUP_CSV_HEADER "\r\n"
                   "0B7C5A1E-2F4D-4C3B-9A8E-1D2C3B4A5F6X,2026-11-24T10:00:00+01:00,60,deep-tissue,deep,false,"
                   "calves,,Sam,,,,,,\r\n",
                   "Line 2, field “session_id”: “0B7C5A1E-2F4D-4C3B-9A8E-1D2C3B4A5F6X” is not a UUID");
}

#define CSV_ROW_1 SESSION_ID ",2026-11-24T10:00:00+01:00,60,deep-tissue,deep,false,calves;hamstrings,,Sam,," \
                  CHECKIN_1 ",2026-11-24T16:00:00+01:00,2,heaviness,\r\n"
#define CSV_ROW_2 SESSION_ID ",2026-11-24T10:00:00+01:00,60,deep-tissue,deep,false,hamstrings;calves,,Sam,," \
                  CHECKIN_2 ",2026-11-25T08:00:00+01:00,1,,better\r\n"

static void
test_csv_valid (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AftercareBackup) backup =
    parse (AFTERCARE_BACKUP_FORMAT_CSV, AFTERCARE_BACKUP_CSV_HEADER "\r\n" CSV_ROW_1 CSV_ROW_2, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (aftercare_backup_get_n_sessions (backup), ==, 1);
  g_assert_cmpuint (aftercare_backup_get_n_checkins (backup), ==, 2);
  g_assert_cmpstr (aftercare_backup_get_session_origin (backup, 0), ==, "line 2");
  g_assert_cmpstr (aftercare_backup_get_checkin_origin (backup, 1), ==, "line 3");
  g_assert_cmpstr (aftercare_checkin_get_notes (aftercare_backup_get_checkin (backup, 1)), ==, "better");
}

static void
test_csv_columns_in_any_order (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AftercareBackup) backup =
    parse (AFTERCARE_BACKUP_FORMAT_CSV,
           "checkin_notes,symptoms,soreness,checkin_at,checkin_id,session_notes,therapist,client,"
           "areas,first_time,pressure,type,duration_minutes,ended_at,session_id\n"
           "sore,fever,4,2026-11-24T12:00:00Z,,,,,neck,true,light,thai,90,2026-11-24T10:00:00Z,\n",
           &error);
  AftercareCheckin *checkin;

  g_assert_no_error (error);
  checkin = aftercare_backup_get_checkin (backup, 0);
  g_assert_cmpuint (aftercare_checkin_get_soreness (checkin), ==, 4);
  g_assert_cmpint (aftercare_checkin_get_symptoms (checkin), ==, AFTERCARE_SYMPTOM_FEVER);
  g_assert_true (g_uuid_string_is_valid (aftercare_checkin_get_id (checkin)));
  g_assert_cmpint (aftercare_session_get_massage_type (aftercare_backup_get_session (backup, 0)), ==,
                   AFTERCARE_MASSAGE_THAI);
}

/* Rows typed by hand: empty ids get new ones; consecutive rows with the
 * same session columns are one session. */
static void
test_csv_groups_rows_without_ids (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AftercareBackup) backup =
    parse (AFTERCARE_BACKUP_FORMAT_CSV,
           AFTERCARE_BACKUP_CSV_HEADER "\n"
           ",2026-11-24T10:00:00Z,60,swedish,light,false,neck,Ana,,,,2026-11-24T12:00:00Z,1,,\n"
           ",2026-11-24T10:00:00Z,60,swedish,light,false,neck,Ana,,,,2026-11-25T12:00:00Z,0,,\n"
           ",2026-11-24T10:00:00Z,60,swedish,light,false,neck,Bo,,,,,,,\n"
           ",2026-11-24T10:00:00Z,60,swedish,light,false,neck,Ana,,,,2026-11-26T12:00:00Z,0,,\n",
           &error);
  AftercareSession *first, *second, *third;

  g_assert_no_error (error);
  g_assert_cmpuint (aftercare_backup_get_n_sessions (backup), ==, 3);
  g_assert_cmpuint (aftercare_backup_get_n_checkins (backup), ==, 3);
  first = aftercare_backup_get_session (backup, 0);
  second = aftercare_backup_get_session (backup, 1);
  third = aftercare_backup_get_session (backup, 2);
  g_assert_cmpstr (aftercare_session_get_client (second), ==, "Bo");
  g_assert_true (g_uuid_string_is_valid (aftercare_session_get_id (first)));
  g_assert_cmpstr (aftercare_session_get_id (first), !=, aftercare_session_get_id (third));
  g_assert_cmpstr (aftercare_checkin_get_session_id (aftercare_backup_get_checkin (backup, 1)), ==,
                   aftercare_session_get_id (first));
  g_assert_cmpstr (aftercare_checkin_get_session_id (aftercare_backup_get_checkin (backup, 2)), ==,
                   aftercare_session_get_id (third));
}

static void
assert_csv_rejected (const char *rows,
                     const char *message)
{
  g_autofree char *text = g_strconcat (AFTERCARE_BACKUP_CSV_HEADER "\r\n", rows, NULL);

  assert_rejected (AFTERCARE_BACKUP_FORMAT_CSV, text, message);
}

static void
test_csv_rejects_bad_rows (void)
{
  assert_csv_rejected (CSV_ROW_1 ",2026-11-24T10:00:00Z,60,thai,light,false,,,,,,2026-11-24T12:00:00Z,11,,\r\n",
                       "Line 3, field “soreness”: “11” is not a whole number from 0 to 10");
  assert_csv_rejected (",2026-11-24T10:00:00Z,60,thai,light,yes,,,,,,,,,\r\n",
                       "Line 2, field “first_time”: “yes” is neither true nor false");
  assert_csv_rejected (",2026-11-24T10:00:00Z,sixty,thai,light,false,,,,,,,,,\r\n",
                       "Line 2, field “duration_minutes”: “sixty” is not a whole number");
  assert_csv_rejected (",2026-11-24T10:00:00Z,60,thai,light,false,,,,,,2026-11-24T09:00:00Z,1,,\r\n",
                       "Line 2, field “checkin_at”: is before the session ended");
  assert_csv_rejected (",2026-11-24T10:00:00Z,60,thai,light,false,,,,,,2026-11-24T12:00:00Z,,,\r\n",
                       "Line 2, field “soreness”: is missing");
  assert_csv_rejected (",2026-11-24T10:00:00Z,60,thai,light,false,,,,,,,3,,\r\n",
                       "Line 2, field “checkin_at”: is missing");
  assert_csv_rejected (",2026-11-24T10:00:00Z,60,thai,light,false,,,,,,2026-11-24T12:00:00Z,1,itching,\r\n",
                       "Line 2, field “symptoms”: “itching” is not one of:");
  assert_csv_rejected (",2026-11-24T10:00:00Z,60,thai,light,false,,,,\r\n",
                       "Line 2: 10 fields where the header has 15");
  assert_csv_rejected (CSV_ROW_1 "\"" SESSION_ID "\",2026-11-24T10:00:00+01:00,60,deep-tissue,deep,false,"
                       "calves;hamstrings,,\"Sam\nand Kim\",,,,,,\r\n",
                       "Line 3, field “therapist”: differs from line 2, where session " SESSION_ID);
  /* A line break inside a quoted field: the next row is on line 5. */
  assert_csv_rejected (",2026-11-24T10:00:00Z,60,thai,light,false,,,,\"one\ntwo\nthree\",,,,,\r\n"
                       ",2026-11-24T10:00:00Z,60,reiki,light,false,,,,,,,,,\r\n",
                       "Line 5, field “type”: “reiki” is not one of:");
  assert_csv_rejected (CSV_ROW_1 CSV_ROW_1, "Line 3, field “checkin_id”: the check-in " CHECKIN_1 " appears twice");
}

static void
test_csv_rejects_bad_header (void)
{
  assert_rejected (AFTERCARE_BACKUP_FORMAT_CSV, "session_id,colour\r\n", "Line 1: “colour” is not a known column");
  assert_rejected (AFTERCARE_BACKUP_FORMAT_CSV, "session_id,ended_at\r\n", "Line 1: the column “duration_minutes” is missing");
  assert_rejected (AFTERCARE_BACKUP_FORMAT_CSV, "session_id,session_id\r\n", "Line 1: the column “session_id” appears twice");
  assert_rejected (AFTERCARE_BACKUP_FORMAT_CSV, "", "Line 1: the file is empty");
}

/* A short row under a header whose session_id column comes last: the
 * field count is checked before any cell is read (under AddressSanitizer,
 * reading the missing cell was a use after free). */
static void
test_csv_short_row_late_id (void)
{
  assert_rejected (AFTERCARE_BACKUP_FORMAT_CSV,
                   "checkin_notes,symptoms,soreness,checkin_at,checkin_id,session_notes,therapist,client,"
                   "areas,first_time,pressure,type,duration_minutes,ended_at,session_id\n"
                   "sore,fever,4\n",
                   "Line 2: 3 fields where the header has 15");
}

static void
test_not_utf8 (void)
{
  assert_rejected (AFTERCARE_BACKUP_FORMAT_CSV, AFTERCARE_BACKUP_CSV_HEADER "\r\n,caf\xE9\r\n",
                   "Line 2, field “ended_at”: is not valid text");
  assert_rejected (AFTERCARE_BACKUP_FORMAT_JSON, "{\"format\": \"\xff\"}", "Line 1, format: is not valid text");
  /* Outside any text, the file as a whole. */
  assert_rejected (AFTERCARE_BACKUP_FORMAT_JSON, "{\n\xff\"format\": 1}", "Line 2, backup: is not UTF-8 text");
  assert_rejected (AFTERCARE_BACKUP_FORMAT_CSV, "session_id,caf\xE9\r\n", "Line 1: the header row is not UTF-8 text");
}

/* A spreadsheet runs a cell that starts with =, +, -, @ (and, in some,
 * a tab or a carriage return): a text cell gets a ' in front, which
 * reading takes away again, so every text comes back as it was. */
static void
test_csv_text_cells (void)
{
  static const char * const guarded[] = {
    "=HYPERLINK(\"http://example.org\",\"x\")", "+1+1", "-2+3", "@SUM(A1)", "\tTab", "\rCR", "'quoted", "'=both",
  };
  static const char * const plain[] = { "", "Ana", " =space first", "1+1", "a=b" };

  for (guint i = 0; i < G_N_ELEMENTS (guarded); i++)
    {
      g_autofree char *cell = aftercare_backup_csv_text_cell (guarded[i]);
      g_autofree char *expected = g_strconcat ("'", guarded[i], NULL);

      g_assert_cmpstr (cell, ==, expected);
      g_assert_cmpstr (aftercare_backup_csv_text_value (cell), ==, guarded[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (plain); i++)
    {
      g_autofree char *cell = aftercare_backup_csv_text_cell (plain[i]);

      g_assert_cmpstr (cell, ==, plain[i]);
      g_assert_cmpstr (aftercare_backup_csv_text_value (cell), ==, plain[i]);
    }
}

static void
test_format_for_file (void)
{
  g_autoptr(GFile) csv = g_file_new_for_path ("/tmp/Sessions.CSV");
  g_autoptr(GFile) json = g_file_new_for_path ("/tmp/backup.json");
  g_autoptr(GFile) other = g_file_new_for_path ("/tmp/csv");

  g_assert_cmpint (aftercare_backup_format_for_file (csv), ==, AFTERCARE_BACKUP_FORMAT_CSV);
  g_assert_cmpint (aftercare_backup_format_for_file (json), ==, AFTERCARE_BACKUP_FORMAT_JSON);
  g_assert_cmpint (aftercare_backup_format_for_file (other), ==, AFTERCARE_BACKUP_FORMAT_JSON);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/backup/json/valid", test_json_valid);
  g_test_add_func ("/backup/json/rejects-bad-values", test_json_rejects_bad_values);
  g_test_add_func ("/backup/json/rejects-bad-structure", test_json_rejects_bad_structure);
  g_test_add_func ("/backup/json/rejects-what-json-glib-lets-through",
                   test_json_rejects_what_json_glib_lets_through);
  g_test_add_func ("/backup/json/long-digits-in-text-and-bom", test_json_long_digits_in_text_and_bom);
  g_test_add_func ("/backup/json/rejects-checkin-before-end", test_json_rejects_checkin_before_end);
  g_test_add_func ("/backup/json/rejects-repeated-ids", test_json_rejects_repeated_ids);
  g_test_add_func ("/backup/json/ids-in-lower-case", test_json_ids_in_lower_case);
  g_test_add_func ("/backup/json/checkins-in-any-shape", test_json_checkins_in_any_shape);
  g_test_add_func ("/backup/json/ids-take-the-uuid-form-only", test_json_ids_take_the_uuid_form_only);
  g_test_add_func ("/backup/csv/ids-in-lower-case", test_csv_ids_in_lower_case);
  g_test_add_func ("/backup/csv/valid", test_csv_valid);
  g_test_add_func ("/backup/csv/columns-in-any-order", test_csv_columns_in_any_order);
  g_test_add_func ("/backup/csv/groups-rows-without-ids", test_csv_groups_rows_without_ids);
  g_test_add_func ("/backup/csv/rejects-bad-rows", test_csv_rejects_bad_rows);
  g_test_add_func ("/backup/csv/rejects-bad-header", test_csv_rejects_bad_header);
  g_test_add_func ("/backup/csv/short-row-late-id", test_csv_short_row_late_id);
  g_test_add_func ("/backup/not-utf8", test_not_utf8);
  g_test_add_func ("/backup/csv/text-cells-guarded-against-formulas", test_csv_text_cells);
  g_test_add_func ("/backup/format-for-file", test_format_for_file);
  return g_test_run ();
}
