/* aftercare-backup-json.c: reading a JSON backup (DESIGN.md, "Data formats"). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-backup-json"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "aftercare-backup-reader-private.h"

static const int reader_codes[AFTERCARE_JSON_N_PROBLEMS] = {
  [0 ... AFTERCARE_JSON_N_PROBLEMS - 1] = AFTERCARE_BACKUP_ERROR_INVALID,
};

static const char * const json_session_keys[] = {
  "id", "ended_at", "duration_minutes", "type", "pressure", "first_time", "areas",
  "client", "therapist", "notes", "checkins", NULL
};

static const char * const json_checkin_keys[] = {
  "id", "at", "soreness", "symptoms", "notes", NULL
};

static gboolean
json_id (const AftercareBackupWhere  *where,
         const char                 **id,
         GError                     **error)
{
  AftercareJsonPlace place = { where->object, where->path };
  char *problem;

  if (!aftercare_json_reader_string (where->json, &place, "id", TRUE, id, error))
    return FALSE;
  if ((problem = aftercare_backup_check_id (*id)) != NULL)
    return aftercare_backup_field_error (where, "id", problem, error);
  return TRUE;
}

/* Everything of a session but its check-ins. */
static gboolean
json_session_values (const AftercareBackupWhere  *where,
                     AftercareSession            *session,
                     GError                     **error)
{
  AftercareJsonReader *json = where->json;
  AftercareJsonPlace place = { where->object, where->path };
  const char *id = NULL, *client = NULL, *therapist = NULL, *notes = NULL;
  g_autofree char *normalized_id = NULL;
  g_autoptr(GDateTime) ended_at = NULL;
  guint duration = 0, areas = 0;
  int type = 0, pressure = 0;
  gboolean first_time = FALSE;

  if (!aftercare_json_reader_check_members (json, &place, json_session_keys, error) ||
      !json_id (where, &id, error) ||
      !aftercare_json_reader_time (json, &place, "ended_at", TRUE, &ended_at, error) ||
      !aftercare_json_reader_number (json, &place, "duration_minutes", TRUE,
                                     AFTERCARE_BACKUP_MAX_DURATION_MINUTES, &duration, error) ||
      !aftercare_json_reader_enum (json, &place, "type", TRUE, AFTERCARE_TYPE_MASSAGE_TYPE, &type, error) ||
      !aftercare_json_reader_enum (json, &place, "pressure", TRUE, AFTERCARE_TYPE_PRESSURE, &pressure, error) ||
      !aftercare_json_reader_boolean (json, &place, "first_time", TRUE, &first_time, error) ||
      !aftercare_json_reader_flags (json, &place, "areas", TRUE, AFTERCARE_TYPE_AREAS, &areas, error) ||
      !aftercare_json_reader_string (json, &place, "client", TRUE, &client, error) ||
      !aftercare_json_reader_string (json, &place, "therapist", TRUE, &therapist, error) ||
      !aftercare_json_reader_string (json, &place, "notes", TRUE, &notes, error))
    return FALSE;
  normalized_id = aftercare_backup_id_normalized (id);
  g_object_set (session,
                "id", normalized_id, "ended-at", ended_at, "duration-minutes", duration,
                "massage-type", type, "pressure", pressure, "first-time", first_time,
                "areas", areas, "client", client, "therapist", therapist, "notes", notes,
                NULL);
  return TRUE;
}

static gboolean
json_checkin (AftercareBackupReading      *reading,
              const AftercareBackupWhere  *where,
              AftercareSession            *session,
              GError                     **error)
{
  static const char * const names[] = { "id", "at" };
  AftercareJsonReader *json = where->json;
  AftercareJsonPlace place = { where->object, where->path };
  AftercareBackupCheckinFields fields = { 0 };
  g_autoptr(AftercareCheckin) checkin = NULL;

  if (!aftercare_json_reader_check_members (json, &place, json_checkin_keys, error) ||
      !aftercare_json_reader_string (json, &place, "id", TRUE, &fields.id, error) ||
      !aftercare_json_reader_string (json, &place, "at", TRUE, &fields.at, error) ||
      !aftercare_json_reader_number (json, &place, "soreness", TRUE, AFTERCARE_SORENESS_MAX,
                                     &fields.soreness, error) ||
      !aftercare_json_reader_flags (json, &place, "symptoms", TRUE, AFTERCARE_TYPE_SYMPTOMS,
                                    &fields.symptoms, error) ||
      !aftercare_json_reader_string (json, &place, "notes", TRUE, &fields.notes, error))
    return FALSE;
  checkin = aftercare_backup_build_checkin (&fields, session, where, names, error);
  return checkin != NULL &&
         aftercare_backup_add_checkin_once (reading, checkin, where, "id", where->path, error);
}

static gboolean
json_checkins (AftercareBackupReading      *reading,
               const AftercareBackupWhere  *where,
               AftercareSession            *session,
               GError                     **error)
{
  AftercareJsonPlace place = { where->object, where->path };
  JsonArray *array = NULL;

  if (!aftercare_json_reader_array (where->json, &place, "checkins", TRUE, &array, error))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s.checkins[%u]", where->path, i);
      AftercareBackupWhere checkin_where = { AFTERCARE_BACKUP_FORMAT_JSON, 0, path, where->json, NULL };

      if (!aftercare_json_reader_element (where->json, &place, "checkins", array, i,
                                          &checkin_where.object, error) ||
          !json_checkin (reading, &checkin_where, session, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
json_session (AftercareBackupReading      *reading,
              const AftercareBackupWhere  *where,
              GError                     **error)
{
  g_autoptr(AftercareSession) session = aftercare_session_new (NULL);
  const char *id;

  if (!json_session_values (where, session, error))
    return FALSE;
  id = aftercare_session_get_id (session);
  if (g_hash_table_contains (reading->sessions, id))
    return aftercare_backup_field_error (where, "id",
                                         g_strdup_printf (_("the session %s appears twice in the file"), id),
                                         error);
  aftercare_backup_add_session (reading->backup, session, where->path);
  g_hash_table_insert (reading->sessions, (gpointer) id, session);
  return json_checkins (reading, where, session, error);
}

static const char * const json_top_keys[] = {
  "format", "version", "exported_at", "sessions", NULL
};

static gboolean
json_header (const AftercareBackupWhere  *where,
             GError                     **error)
{
  AftercareJsonPlace place = { where->object, where->path };
  g_autoptr(GDateTime) exported_at = NULL;
  const char *format = NULL;
  guint version = 0;

  if (!aftercare_json_reader_string (where->json, &place, "format", TRUE, &format, error))
    return FALSE;
  if (strcmp (format, AFTERCARE_BACKUP_FORMAT_NAME) != 0)
    return aftercare_backup_field_error (where, "format",
                                         g_strdup_printf (_("is “%s”, not “%s”: this is not an Aftercare backup"),
                                                          format, AFTERCARE_BACKUP_FORMAT_NAME), error);
  if (!aftercare_json_reader_check_members (where->json, &place, json_top_keys, error) ||
      !aftercare_json_reader_number (where->json, &place, "version", TRUE, G_MAXINT, &version, error))
    return FALSE;
  if (version > AFTERCARE_BACKUP_VERSION)
    return aftercare_backup_field_error (where, "version",
                                         g_strdup_printf (_("%u is not known: the file was written by a newer "
                                                            "version of Aftercare"), version), error);
  if (version != AFTERCARE_BACKUP_VERSION)
    return aftercare_backup_field_error (where, "version",
                                         g_strdup_printf (_("must be %d, not %u"), AFTERCARE_BACKUP_VERSION,
                                                          version), error);
  return aftercare_json_reader_time (where->json, &place, "exported_at", TRUE, &exported_at, error);
}

gboolean
aftercare_backup_read_json (AftercareBackup  *backup,
                            const char       *text,
                            gsize             length,
                            GError          **error)
{
  g_autoptr(AftercareJsonReader) json =
    aftercare_json_reader_new ("backup", AFTERCARE_BACKUP_ERROR, reader_codes, TRUE);
  g_auto(AftercareBackupReading) reading = { NULL };
  AftercareBackupWhere top = { AFTERCARE_BACKUP_FORMAT_JSON, 0, "", json, NULL };
  AftercareJsonPlace place = { NULL, "" };
  JsonArray *sessions = NULL;

  aftercare_backup_reading_init (&reading, backup);
  if ((top.object = place.object = aftercare_json_reader_load (json, text, length, error)) == NULL ||
      !json_header (&top, error) ||
      !aftercare_json_reader_array (json, &place, "sessions", TRUE, &sessions, error))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (sessions); i++)
    {
      g_autofree char *path = g_strdup_printf ("sessions[%u]", i);
      AftercareBackupWhere where = { AFTERCARE_BACKUP_FORMAT_JSON, 0, path, json, NULL };

      if (!aftercare_json_reader_element (json, &place, "sessions", sessions, i, &where.object, error) ||
          !json_session (&reading, &where, error))
        return FALSE;
    }
  return aftercare_json_reader_check_text (json, error);
}

