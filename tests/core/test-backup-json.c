/* test-backup-json.c: every member a JSON backup must have, and the one version it may declare (aftercare-backup-json.c). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <json-glib/json-glib.h>
#include <string.h>

#include "aftercare-backup-reader.h"
#include "aftercare-store.h"
#include "store-test-util.h"

#define SESSION_ID "3f2a1b0c-6a0c-4e3a-8b7c-5d4e1b2e0d1f"
#define CHECKIN_ID "4a3b2c1d-7b1d-4f4b-9c8d-6e5f2c3f1e2a"

/* DESIGN.md's example, with a check-in: nothing in it may be left out. */
static const char complete_backup[] =
  "{\"format\": \"aftercare-backup\", \"version\": 1, \"exported_at\": \"2026-11-24T18:00:00Z\","
  " \"sessions\": [{\"id\": \"" SESSION_ID "\", \"ended_at\": \"2026-11-24T10:00:00+01:00\","
  "  \"duration_minutes\": 60, \"type\": \"deep-tissue\", \"pressure\": \"deep\", \"first_time\": false,"
  "  \"areas\": [\"calves\"], \"client\": \"\", \"therapist\": \"\", \"notes\": \"\","
  "  \"checkins\": [{\"id\": \"" CHECKIN_ID "\", \"at\": \"2026-11-24T16:00:00+01:00\","
  "                 \"soreness\": 2, \"symptoms\": [\"heaviness\"], \"notes\": \"\"}]}]}";

/* Where each member lives, as messages name it. */
typedef enum {
  IN_TOP,
  IN_SESSION,
  IN_CHECKIN,
} Level;

static const char * const level_paths[] = {
  [IN_TOP] = "",
  [IN_SESSION] = "sessions[0].",
  [IN_CHECKIN] = "sessions[0].checkins[0].",
};

static const struct {
  Level level;
  const char *name;
} required_members[] = {
  { IN_TOP, "format" }, { IN_TOP, "version" }, { IN_TOP, "exported_at" }, { IN_TOP, "sessions" },
  { IN_SESSION, "id" }, { IN_SESSION, "ended_at" }, { IN_SESSION, "duration_minutes" },
  { IN_SESSION, "type" }, { IN_SESSION, "pressure" }, { IN_SESSION, "first_time" },
  { IN_SESSION, "areas" }, { IN_SESSION, "client" }, { IN_SESSION, "therapist" },
  { IN_SESSION, "notes" }, { IN_SESSION, "checkins" },
  { IN_CHECKIN, "id" }, { IN_CHECKIN, "at" }, { IN_CHECKIN, "soreness" },
  { IN_CHECKIN, "symptoms" }, { IN_CHECKIN, "notes" },
};

/* The complete backup as a tree, and the object at level in it. */
static JsonNode *
complete_tree (void)
{
  g_autoptr(GError) error = NULL;
  JsonNode *root = json_from_string (complete_backup, &error);

  g_assert_no_error (error);
  return root;
}

static JsonObject *
object_at (JsonNode *root,
           Level     level)
{
  JsonObject *object = json_node_get_object (root);

  if (level >= IN_SESSION)
    object = json_array_get_object_element (json_object_get_array_member (object, "sessions"), 0);
  if (level >= IN_CHECKIN)
    object = json_array_get_object_element (json_object_get_array_member (object, "checkins"), 0);
  return object;
}

static AftercareBackup *
parse_tree (JsonNode  *root,
            GError   **error)
{
  g_autofree char *text = json_to_string (root, FALSE);
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return aftercare_backup_parse (bytes, AFTERCARE_BACKUP_FORMAT_JSON, error);
}

/* Refused as bad input, naming path (say "sessions[0].checkins[0].soreness: "). */
static void
assert_refused_naming (JsonNode   *root,
                       const char *path,
                       const char *problem)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AftercareBackup) backup = parse_tree (root, &error);
  g_autofree char *expected = g_strconcat (path, ": ", problem, NULL);

  if (backup != NULL)
    g_error ("a backup was read although %s %s", path, problem);
  g_assert_error (error, AFTERCARE_BACKUP_ERROR, AFTERCARE_BACKUP_ERROR_INVALID);
  if (strstr (error->message, expected) == NULL)
    g_error ("expected a message naming “%s”, got “%s”", expected, error->message);
}

static void
test_complete_backup_is_read (void)
{
  g_autoptr(JsonNode) root = complete_tree ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AftercareBackup) backup = parse_tree (root, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (aftercare_backup_get_n_sessions (backup), ==, 1);
  g_assert_cmpuint (aftercare_backup_get_n_checkins (backup), ==, 1);
  g_assert_cmpuint (aftercare_checkin_get_soreness (aftercare_backup_get_checkin (backup, 0)), ==, 2);
}

static void
leave_out (JsonObject *object,
           const char *name)
{
  json_object_remove_member (object, name);
}

static void
set_null (JsonObject *object,
          const char *name)
{
  json_object_set_null_member (object, name);
}

/* Every member changed in turn by change: refused, naming it. */
static void
assert_each_member_refused (void      (*change) (JsonObject *object, const char *name),
                            const char *problem)
{
  for (guint i = 0; i < G_N_ELEMENTS (required_members); i++)
    {
      g_autoptr(JsonNode) root = complete_tree ();
      g_autofree char *path = g_strconcat (level_paths[required_members[i].level],
                                           required_members[i].name, NULL);

      change (object_at (root, required_members[i].level), required_members[i].name);
      assert_refused_naming (root, path, problem);
    }
}

/* A member left out is never given a value of our choosing (a soreness
 * of 0, an empty list of symptoms): the file is refused, naming it. */
static void
test_every_member_is_required (void)
{
  assert_each_member_refused (leave_out, "is missing");
}

static void
test_no_member_may_be_null (void)
{
  assert_each_member_refused (set_null, "is required and may not be null");
}

/* A check-in without its soreness, handed to the store: refused, and the
 * store holds what it held before, nothing of the file. */
static void
test_missing_soreness_stores_nothing (void)
{
  g_autofree char *folder = test_make_folder ();
  g_autofree char *db = g_build_filename (folder, "aftercare.db", NULL);
  g_autofree char *json = g_build_filename (folder, "backup.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (json);
  g_autoptr(JsonNode) root = complete_tree ();
  g_autofree char *text = NULL;
  g_autoptr(AftercareStore) store = NULL;
  g_autoptr(AftercareSession) kept = test_session_new ("2026-11-20T10:00:00Z");
  g_autoptr(AftercareSession) found = NULL;
  g_autoptr(GError) error = NULL;
  guint n_sessions = 99, n_checkins = 99;

  json_object_remove_member (object_at (root, IN_CHECKIN), "soreness");
  text = json_to_string (root, TRUE);
  g_assert_true (g_file_set_contents (json, text, -1, NULL));
  store = aftercare_store_open (db, test_time_source (), &error);
  g_assert_no_error (error);
  g_assert_true (aftercare_store_add_session (store, kept, &error));

  g_assert_false (aftercare_store_import_file (store, file, &n_sessions, &n_checkins, &error));
  g_assert_error (error, AFTERCARE_BACKUP_ERROR, AFTERCARE_BACKUP_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "sessions[0].checkins[0].soreness: is missing"));
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (aftercare_store_get_sessions (store)), ==, 1);
  found = aftercare_store_lookup_session (store, SESSION_ID, &error);
  g_assert_null (found);
  g_assert_error (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_NOT_FOUND);

  g_clear_object (&store);
  test_remove_folder (folder);
}

/* Version 1 is the only one there is: anything else, or none, is refused
 * naming "version"; only a newer one says Aftercare needs an update. */
static void
test_only_version_1_is_read (void)
{
  static const char * const versions[] = { "0", "-1", "2", "1.5", "1e0", "\"1\"", "true", "[1]" };

  for (guint i = 0; i < G_N_ELEMENTS (versions); i++)
    {
      g_autoptr(JsonNode) root = complete_tree ();
      g_autoptr(JsonNode) value = json_from_string (versions[i], NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(AftercareBackup) backup = NULL;

      g_assert_nonnull (value);
      json_object_set_member (json_node_get_object (root), "version", g_steal_pointer (&value));
      backup = parse_tree (root, &error);
      if (backup != NULL)
        g_error ("a backup declaring version %s was read", versions[i]);
      g_assert_error (error, AFTERCARE_BACKUP_ERROR, AFTERCARE_BACKUP_ERROR_INVALID);
      if (!g_str_has_prefix (error->message, "Line 1, version: "))
        g_error ("version %s: expected a message naming “version”, got “%s”", versions[i], error->message);
    }
}

/* Version 0 is not from a newer Aftercare: no update would read it. */
static void
test_version_0_is_not_newer (void)
{
  g_autoptr(JsonNode) root = complete_tree ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AftercareBackup) backup = NULL;

  json_object_set_int_member (json_node_get_object (root), "version", 0);
  backup = parse_tree (root, &error);
  g_assert_null (backup);
  g_assert_error (error, AFTERCARE_BACKUP_ERROR, AFTERCARE_BACKUP_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Line 1, version: must be 1, not 0");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/backup-json/complete-backup-is-read", test_complete_backup_is_read);
  g_test_add_func ("/backup-json/every-member-is-required", test_every_member_is_required);
  g_test_add_func ("/backup-json/no-member-may-be-null", test_no_member_may_be_null);
  g_test_add_func ("/backup-json/missing-soreness-stores-nothing", test_missing_soreness_stores_nothing);
  g_test_add_func ("/backup-json/only-version-1-is-read", test_only_version_1_is_read);
  g_test_add_func ("/backup-json/version-0-is-not-newer", test_version_0_is_not_newer);
  return g_test_run ();
}
