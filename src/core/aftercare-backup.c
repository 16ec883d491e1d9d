/* aftercare-backup.c: a batch of sessions and check-ins read from a JSON backup or a CSV file, all checked. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-backup"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "aftercare-backup.h"
#include "aftercare-csv.h"
#include "aftercare-json-reader.h"
#include "aftercare-store.h"
#include "aftercare-time.h"
#include "aftercare-util.h"

#define BACKUP_FORMAT_NAME "aftercare-backup"
#define BACKUP_VERSION 1
#define MAX_DURATION_MINUTES (24 * 60)

struct _AftercareBackup
{
  GObject parent_instance;

  GPtrArray *sessions;
  GPtrArray *session_origins;
  GPtrArray *checkins;
  GPtrArray *checkin_origins;
};

G_DEFINE_FINAL_TYPE (AftercareBackup, aftercare_backup, G_TYPE_OBJECT)

static void
aftercare_backup_finalize (GObject *object)
{
  AftercareBackup *self = AFTERCARE_BACKUP (object);

  g_clear_pointer (&self->sessions, g_ptr_array_unref);
  g_clear_pointer (&self->session_origins, g_ptr_array_unref);
  g_clear_pointer (&self->checkins, g_ptr_array_unref);
  g_clear_pointer (&self->checkin_origins, g_ptr_array_unref);

  G_OBJECT_CLASS (aftercare_backup_parent_class)->finalize (object);
}

static void
aftercare_backup_class_init (AftercareBackupClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = aftercare_backup_finalize;
}

static void
aftercare_backup_init (AftercareBackup *self)
{
  self->sessions = g_ptr_array_new_with_free_func (g_object_unref);
  self->session_origins = g_ptr_array_new_with_free_func (g_free);
  self->checkins = g_ptr_array_new_with_free_func (g_object_unref);
  self->checkin_origins = g_ptr_array_new_with_free_func (g_free);
}

AftercareBackup *
aftercare_backup_new (void)
{
  return g_object_new (AFTERCARE_TYPE_BACKUP, NULL);
}

void
aftercare_backup_add_session (AftercareBackup  *self,
                              AftercareSession *session,
                              const char       *origin)
{
  g_return_if_fail (AFTERCARE_IS_BACKUP (self));
  g_return_if_fail (AFTERCARE_IS_SESSION (session));

  g_ptr_array_add (self->sessions, g_object_ref (session));
  g_ptr_array_add (self->session_origins, g_strdup (origin ? origin : ""));
}

void
aftercare_backup_add_checkin (AftercareBackup  *self,
                              AftercareCheckin *checkin,
                              const char       *origin)
{
  g_return_if_fail (AFTERCARE_IS_BACKUP (self));
  g_return_if_fail (AFTERCARE_IS_CHECKIN (checkin));

  g_ptr_array_add (self->checkins, g_object_ref (checkin));
  g_ptr_array_add (self->checkin_origins, g_strdup (origin ? origin : ""));
}

guint
aftercare_backup_get_n_sessions (AftercareBackup *self)
{
  g_return_val_if_fail (AFTERCARE_IS_BACKUP (self), 0);
  return self->sessions->len;
}

AftercareSession *
aftercare_backup_get_session (AftercareBackup *self,
                              guint            index)
{
  g_return_val_if_fail (AFTERCARE_IS_BACKUP (self), NULL);
  g_return_val_if_fail (index < self->sessions->len, NULL);
  return g_ptr_array_index (self->sessions, index);
}

const char *
aftercare_backup_get_session_origin (AftercareBackup *self,
                                     guint            index)
{
  g_return_val_if_fail (AFTERCARE_IS_BACKUP (self), NULL);
  g_return_val_if_fail (index < self->session_origins->len, NULL);
  return g_ptr_array_index (self->session_origins, index);
}

guint
aftercare_backup_get_n_checkins (AftercareBackup *self)
{
  g_return_val_if_fail (AFTERCARE_IS_BACKUP (self), 0);
  return self->checkins->len;
}

AftercareCheckin *
aftercare_backup_get_checkin (AftercareBackup *self,
                              guint            index)
{
  g_return_val_if_fail (AFTERCARE_IS_BACKUP (self), NULL);
  g_return_val_if_fail (index < self->checkins->len, NULL);
  return g_ptr_array_index (self->checkins, index);
}

const char *
aftercare_backup_get_checkin_origin (AftercareBackup *self,
                                     guint            index)
{
  g_return_val_if_fail (AFTERCARE_IS_BACKUP (self), NULL);
  g_return_val_if_fail (index < self->checkin_origins->len, NULL);
  return g_ptr_array_index (self->checkin_origins, index);
}

AftercareBackupFormat
aftercare_backup_format_for_file (GFile *file)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), AFTERCARE_BACKUP_FORMAT_JSON);
  name = g_file_get_basename (file);
  if (name != NULL && strlen (name) >= 4 &&
      g_ascii_strcasecmp (name + strlen (name) - 4, ".csv") == 0)
    return AFTERCARE_BACKUP_FORMAT_CSV;
  return AFTERCARE_BACKUP_FORMAT_JSON;
}

const char *
aftercare_backup_session_difference (AftercareSession *a,
                                     AftercareSession *b)
{
  g_return_val_if_fail (AFTERCARE_IS_SESSION (a) && AFTERCARE_IS_SESSION (b), NULL);

  if (g_strcmp0 (aftercare_session_get_id (a), aftercare_session_get_id (b)) != 0)
    return "id";
  if (!aftercare_date_time_identical (aftercare_session_get_ended_at (a), aftercare_session_get_ended_at (b)))
    return "ended_at";
  if (aftercare_session_get_duration_minutes (a) != aftercare_session_get_duration_minutes (b))
    return "duration_minutes";
  if (aftercare_session_get_massage_type (a) != aftercare_session_get_massage_type (b))
    return "type";
  if (aftercare_session_get_pressure (a) != aftercare_session_get_pressure (b))
    return "pressure";
  if (aftercare_session_get_first_time (a) != aftercare_session_get_first_time (b))
    return "first_time";
  if (aftercare_session_get_areas (a) != aftercare_session_get_areas (b))
    return "areas";
  if (g_strcmp0 (aftercare_session_get_client (a), aftercare_session_get_client (b)) != 0)
    return "client";
  if (g_strcmp0 (aftercare_session_get_therapist (a), aftercare_session_get_therapist (b)) != 0)
    return "therapist";
  if (g_strcmp0 (aftercare_session_get_notes (a), aftercare_session_get_notes (b)) != 0)
    return "notes";
  return NULL;
}

const char *
aftercare_backup_checkin_difference (AftercareCheckin *a,
                                     AftercareCheckin *b)
{
  g_return_val_if_fail (AFTERCARE_IS_CHECKIN (a) && AFTERCARE_IS_CHECKIN (b), NULL);

  if (g_strcmp0 (aftercare_checkin_get_id (a), aftercare_checkin_get_id (b)) != 0)
    return "id";
  if (g_strcmp0 (aftercare_checkin_get_session_id (a), aftercare_checkin_get_session_id (b)) != 0)
    return "session_id";
  if (!aftercare_date_time_identical (aftercare_checkin_get_at (a), aftercare_checkin_get_at (b)))
    return "at";
  if (aftercare_checkin_get_soreness (a) != aftercare_checkin_get_soreness (b))
    return "soreness";
  if (aftercare_checkin_get_symptoms (a) != aftercare_checkin_get_symptoms (b))
    return "symptoms";
  if (g_strcmp0 (aftercare_checkin_get_notes (a), aftercare_checkin_get_notes (b)) != 0)
    return "notes";
  return NULL;
}

/* Where a value came from, for messages: a CSV line, or a JSON object
 * with its path (the reader knows its line). */
typedef struct
{
  AftercareBackupFormat format;
  guint line;
  const char *path;
  AftercareJsonReader *json;
  JsonObject *object;
} Where;

/* Sets error for a bad field and returns FALSE; takes problem. */
static gboolean
field_error (const Where  *where,
             const char   *field,
             char         *problem,
             GError      **error)
{
  g_autofree char *owned_problem = problem;

  if (where->format == AFTERCARE_BACKUP_FORMAT_CSV)
    g_set_error (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_INVALID,
                 /* Translators: "Line 12, field “soreness”: “11” is not a whole number from 0 to 10". */
                 _("Line %u, field “%s”: %s"), where->line, field, problem);
  else
    {
      AftercareJsonPlace place = { where->object, where->path };

      aftercare_json_reader_fail (where->json, &place, field, AFTERCARE_JSON_PROBLEM_OTHER, error,
                                  "%s", problem);
    }
  return FALSE;
}

/* Values, from text. Each returns NULL when the text is good, else the problem. */

static char *
unknown_key_problem (GType       type,
                     const char *key)
{
  return aftercare_json_problem_key (type, key);
}

/* Ids are UUIDs, and a UUID's hex digits mean the same in either case:
 * an id is stored, compared and looked up in lower case (as
 * g_uuid_string_random() writes it), so a file whose ids a spreadsheet
 * upper-cased imports as the same sessions and check-ins. */
static char *
id_normalized (const char *text)
{
  return g_ascii_strdown (text, -1);
}

static char *
parse_id (const char *text)
{
  if (!g_uuid_string_is_valid (text))
    return g_strdup_printf (_("“%s” is not a UUID"), text);
  return NULL;
}

static char *
parse_time (const char  *text,
            GDateTime  **time)
{
  *time = aftercare_time_parse (text);
  if (*time == NULL)
    return aftercare_json_problem_time (text);
  return NULL;
}

static char *
parse_enum (GType       type,
            const char *text,
            int        *value)
{
  if (!aftercare_enum_from_key (type, text, value))
    return unknown_key_problem (type, text);
  return NULL;
}

static char *
number_problem (const char *text,
                guint       max)
{
  return aftercare_json_problem_number (text, max);
}

static char *
parse_number (const char *text,
              guint       max,
              guint      *value)
{
  guint64 number;

  if (*text == '\0' || strspn (text, "0123456789") != strlen (text) ||
      !g_ascii_string_to_unsigned (text, 10, 0, max, &number, NULL))
    return number_problem (text, max);
  *value = (guint) number;
  return NULL;
}

static char *
check_not_before (GDateTime *at,
                  GDateTime *ended_at)
{
  g_autofree char *end_text = NULL;

  if (g_date_time_compare (at, ended_at) >= 0)
    return NULL;
  end_text = aftercare_time_format (ended_at);
  return g_strdup_printf (_("is before the session ended (%s)"), end_text);
}

/* Fills the values every format shares; problems name the JSON key. */
typedef struct
{
  const char *id;
  const char *at;
  guint soreness;
  guint symptoms;
  const char *notes;
} CheckinFields;

static AftercareCheckin *
build_checkin (const CheckinFields  *fields,
               AftercareSession     *session,
               const Where          *where,
               const char * const   *names,   /* id, at */
               GError              **error)
{
  g_autoptr(GDateTime) at = NULL;
  char *problem;
  AftercareCheckin *checkin;

  if (fields->id != NULL && (problem = parse_id (fields->id)) != NULL)
    {
      field_error (where, names[0], problem, error);
      return NULL;
    }
  if ((problem = parse_time (fields->at, &at)) != NULL ||
      (problem = check_not_before (at, aftercare_session_get_ended_at (session))) != NULL)
    {
      field_error (where, names[1], problem, error);
      return NULL;
    }
  checkin = aftercare_checkin_new (aftercare_session_get_id (session), at,
                                   fields->soreness, fields->symptoms);
  if (fields->id != NULL)
    {
      g_autofree char *id = id_normalized (fields->id);

      aftercare_checkin_set_id (checkin, id);
    }
  aftercare_checkin_set_notes (checkin, fields->notes);
  return checkin;
}

/* Parsing state shared by both formats: ids seen so far in the file. */
typedef struct
{
  AftercareBackup *backup;
  GHashTable *sessions;      /* id -> AftercareSession (borrowed from backup) */
  GHashTable *first_lines;   /* id -> line it first appears on (CSV) */
  GHashTable *checkin_ids;   /* set */
  AftercareSession *previous_unnamed;   /* CSV: the last row's session, if its id was empty */
} Parse;

static void
parse_init (Parse           *parse,
            AftercareBackup *backup)
{
  memset (parse, 0, sizeof *parse);
  parse->backup = backup;
  parse->sessions = g_hash_table_new (g_str_hash, g_str_equal);
  parse->first_lines = g_hash_table_new (g_str_hash, g_str_equal);
  parse->checkin_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static void
parse_clear (Parse *parse)
{
  g_clear_pointer (&parse->sessions, g_hash_table_unref);
  g_clear_pointer (&parse->first_lines, g_hash_table_unref);
  g_clear_pointer (&parse->checkin_ids, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Parse, parse_clear)

static gboolean
add_checkin_once (Parse             *parse,
                  AftercareCheckin  *checkin,
                  const Where       *where,
                  const char        *id_name,
                  const char        *origin,
                  GError           **error)
{
  const char *id = aftercare_checkin_get_id (checkin);

  if (!g_hash_table_add (parse->checkin_ids, g_strdup (id)))
    return field_error (where, id_name,
                        g_strdup_printf (_("the check-in %s appears twice in the file"), id), error);
  aftercare_backup_add_checkin (parse->backup, checkin, origin);
  return TRUE;
}

/* JSON */

static const int reader_codes[AFTERCARE_JSON_N_PROBLEMS] = {
  [0 ... AFTERCARE_JSON_N_PROBLEMS - 1] = AFTERCARE_STORE_ERROR_INVALID,
};

static const char * const json_session_keys[] = {
  "id", "ended_at", "duration_minutes", "type", "pressure", "first_time", "areas",
  "client", "therapist", "notes", "checkins", NULL
};

static const char * const json_checkin_keys[] = {
  "id", "at", "soreness", "symptoms", "notes", NULL
};

static gboolean
json_id (const Where  *where,
         const char  **id,
         GError      **error)
{
  AftercareJsonPlace place = { where->object, where->path };
  char *problem;

  if (!aftercare_json_reader_string (where->json, &place, "id", TRUE, id, error))
    return FALSE;
  if ((problem = parse_id (*id)) != NULL)
    return field_error (where, "id", problem, error);
  return TRUE;
}

/* Everything of a session but its check-ins. */
static gboolean
json_session_values (const Where       *where,
                     AftercareSession  *session,
                     GError           **error)
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
      !aftercare_json_reader_number (json, &place, "duration_minutes", TRUE, MAX_DURATION_MINUTES,
                                     &duration, error) ||
      !aftercare_json_reader_enum (json, &place, "type", TRUE, AFTERCARE_TYPE_MASSAGE_TYPE, &type, error) ||
      !aftercare_json_reader_enum (json, &place, "pressure", TRUE, AFTERCARE_TYPE_PRESSURE, &pressure, error) ||
      !aftercare_json_reader_boolean (json, &place, "first_time", TRUE, &first_time, error) ||
      !aftercare_json_reader_flags (json, &place, "areas", TRUE, AFTERCARE_TYPE_AREAS, &areas, error) ||
      !aftercare_json_reader_string (json, &place, "client", TRUE, &client, error) ||
      !aftercare_json_reader_string (json, &place, "therapist", TRUE, &therapist, error) ||
      !aftercare_json_reader_string (json, &place, "notes", TRUE, &notes, error))
    return FALSE;
  normalized_id = id_normalized (id);
  g_object_set (session,
                "id", normalized_id, "ended-at", ended_at, "duration-minutes", duration,
                "massage-type", type, "pressure", pressure, "first-time", first_time,
                "areas", areas, "client", client, "therapist", therapist, "notes", notes,
                NULL);
  return TRUE;
}

static gboolean
json_checkin (Parse             *parse,
              const Where       *where,
              AftercareSession  *session,
              GError           **error)
{
  static const char * const names[] = { "id", "at" };
  AftercareJsonReader *json = where->json;
  AftercareJsonPlace place = { where->object, where->path };
  CheckinFields fields = { 0 };
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
  checkin = build_checkin (&fields, session, where, names, error);
  return checkin != NULL && add_checkin_once (parse, checkin, where, "id", where->path, error);
}

static gboolean
json_checkins (Parse             *parse,
               const Where       *where,
               AftercareSession  *session,
               GError           **error)
{
  AftercareJsonPlace place = { where->object, where->path };
  JsonArray *array = NULL;

  if (!aftercare_json_reader_array (where->json, &place, "checkins", TRUE, &array, error))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s.checkins[%u]", where->path, i);
      Where checkin_where = { AFTERCARE_BACKUP_FORMAT_JSON, 0, path, where->json, NULL };

      if (!aftercare_json_reader_element (where->json, &place, "checkins", array, i,
                                          &checkin_where.object, error) ||
          !json_checkin (parse, &checkin_where, session, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
json_session (Parse        *parse,
              const Where  *where,
              GError      **error)
{
  g_autoptr(AftercareSession) session = aftercare_session_new (NULL);
  const char *id;

  if (!json_session_values (where, session, error))
    return FALSE;
  id = aftercare_session_get_id (session);
  if (g_hash_table_contains (parse->sessions, id))
    return field_error (where, "id",
                        g_strdup_printf (_("the session %s appears twice in the file"), id), error);
  aftercare_backup_add_session (parse->backup, session, where->path);
  g_hash_table_insert (parse->sessions, (gpointer) id, session);
  return json_checkins (parse, where, session, error);
}

static const char * const json_top_keys[] = {
  "format", "version", "exported_at", "sessions", NULL
};

static gboolean
json_header (const Where  *where,
             GError      **error)
{
  AftercareJsonPlace place = { where->object, where->path };
  g_autoptr(GDateTime) exported_at = NULL;
  const char *format = NULL;
  guint version = 0;

  if (!aftercare_json_reader_string (where->json, &place, "format", TRUE, &format, error))
    return FALSE;
  if (strcmp (format, BACKUP_FORMAT_NAME) != 0)
    return field_error (where, "format",
                        g_strdup_printf (_("is “%s”, not “%s”: this is not an Aftercare backup"),
                                         format, BACKUP_FORMAT_NAME), error);
  if (!aftercare_json_reader_check_members (where->json, &place, json_top_keys, error) ||
      !aftercare_json_reader_number (where->json, &place, "version", TRUE, G_MAXINT, &version, error))
    return FALSE;
  if (version > BACKUP_VERSION)
    return field_error (where, "version",
                        g_strdup_printf (_("%u is not known: the file was written by a newer "
                                           "version of Aftercare"), version), error);
  if (version != BACKUP_VERSION)
    return field_error (where, "version",
                        g_strdup_printf (_("must be %d, not %u"), BACKUP_VERSION, version), error);
  return aftercare_json_reader_time (where->json, &place, "exported_at", TRUE, &exported_at, error);
}

static gboolean
parse_json (AftercareBackup  *backup,
            const char       *text,
            gsize             length,
            GError          **error)
{
  g_autoptr(AftercareJsonReader) json =
    aftercare_json_reader_new ("backup", AFTERCARE_STORE_ERROR, reader_codes, TRUE);
  g_auto(Parse) parse = { NULL };
  Where top = { AFTERCARE_BACKUP_FORMAT_JSON, 0, "", json, NULL };
  AftercareJsonPlace place = { NULL, "" };
  JsonArray *sessions = NULL;

  parse_init (&parse, backup);
  if ((top.object = place.object = aftercare_json_reader_load (json, text, length, error)) == NULL ||
      !json_header (&top, error) ||
      !aftercare_json_reader_array (json, &place, "sessions", TRUE, &sessions, error))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (sessions); i++)
    {
      g_autofree char *path = g_strdup_printf ("sessions[%u]", i);
      Where where = { AFTERCARE_BACKUP_FORMAT_JSON, 0, path, json, NULL };

      if (!aftercare_json_reader_element (json, &place, "sessions", sessions, i, &where.object, error) ||
          !json_session (&parse, &where, error))
        return FALSE;
    }
  return TRUE;
}

/* CSV */

enum {
  COL_SESSION_ID,
  COL_ENDED_AT,
  COL_DURATION,
  COL_TYPE,
  COL_PRESSURE,
  COL_FIRST_TIME,
  COL_AREAS,
  COL_CLIENT,
  COL_THERAPIST,
  COL_SESSION_NOTES,
  COL_CHECKIN_ID,
  COL_CHECKIN_AT,
  COL_SORENESS,
  COL_SYMPTOMS,
  COL_CHECKIN_NOTES,
  N_COLUMNS
};

static const char * const column_names[N_COLUMNS + 1] = {
  "session_id", "ended_at", "duration_minutes", "type", "pressure", "first_time", "areas",
  "client", "therapist", "session_notes", "checkin_id", "checkin_at", "soreness", "symptoms",
  "checkin_notes", NULL
};

typedef struct
{
  GPtrArray *fields;
  const int *column_of;   /* column -> index in fields */
  Where where;
} Row;

static const char *
cell (const Row *row,
      int        column)
{
  return g_ptr_array_index (row->fields, row->column_of[column]);
}

/* The CSV column of a session's JSON key. */
static const char *
csv_session_column (const char *key)
{
  if (strcmp (key, "id") == 0)
    return column_names[COL_SESSION_ID];
  if (strcmp (key, "notes") == 0)
    return column_names[COL_SESSION_NOTES];
  return key;
}

static gboolean
csv_header (GPtrArray  *fields,
            guint       line,
            int        *column_of,
            GError    **error)
{
  for (int c = 0; c < N_COLUMNS; c++)
    column_of[c] = -1;
  for (guint i = 0; i < fields->len; i++)
    {
      const char *name = g_ptr_array_index (fields, i);
      int c;

      for (c = 0; c < N_COLUMNS && strcmp (name, column_names[c]) != 0; c++)
        ;
      if (c == N_COLUMNS || column_of[c] != -1)
        {
          g_set_error (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_INVALID,
                       c == N_COLUMNS ? _("Line %u: “%s” is not a known column")
                                      : _("Line %u: the column “%s” appears twice"),
                       line, name);
          return FALSE;
        }
      column_of[c] = (int) i;
    }
  for (int c = 0; c < N_COLUMNS; c++)
    if (column_of[c] == -1)
      {
        g_set_error (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_INVALID,
                     _("Line %u: the column “%s” is missing"), line, column_names[c]);
        return FALSE;
      }
  return TRUE;
}

static gboolean
csv_boolean (const Row  *row,
             int         column,
             gboolean   *value,
             GError    **error)
{
  const char *text = cell (row, column);

  *value = strcmp (text, "true") == 0;
  if (!*value && strcmp (text, "false") != 0)
    return field_error (&row->where, column_names[column],
                        g_strdup_printf (_("“%s” is neither true nor false"), text), error);
  return TRUE;
}

static gboolean
csv_flags (const Row  *row,
           int         column,
           GType       type,
           guint      *value,
           GError    **error)
{
  g_autofree char *bad_key = NULL;

  if (!aftercare_flags_from_string (type, cell (row, column), value, &bad_key))
    return field_error (&row->where, column_names[column], unknown_key_problem (type, bad_key), error);
  return TRUE;
}

/* Checks a text column with a parser that returns the problem. */
#define CSV_CHECK(row, column, call) \
  G_STMT_START { char *problem_ = (call); \
    if (problem_ != NULL) return field_error (&(row)->where, column_names[column], problem_, error); \
  } G_STMT_END

/* The session columns of a row; the id is left as it is (new) when empty. */
static gboolean
csv_session_values (const Row         *row,
                    AftercareSession  *session,
                    GError           **error)
{
  g_autoptr(GDateTime) ended_at = NULL;
  guint duration = 0, areas = 0;
  int type = 0, pressure = 0;
  gboolean first_time = FALSE;

  if (*cell (row, COL_SESSION_ID) != '\0')
    CSV_CHECK (row, COL_SESSION_ID, parse_id (cell (row, COL_SESSION_ID)));
  CSV_CHECK (row, COL_ENDED_AT, parse_time (cell (row, COL_ENDED_AT), &ended_at));
  CSV_CHECK (row, COL_DURATION, parse_number (cell (row, COL_DURATION), MAX_DURATION_MINUTES, &duration));
  CSV_CHECK (row, COL_TYPE, parse_enum (AFTERCARE_TYPE_MASSAGE_TYPE, cell (row, COL_TYPE), &type));
  CSV_CHECK (row, COL_PRESSURE, parse_enum (AFTERCARE_TYPE_PRESSURE, cell (row, COL_PRESSURE), &pressure));
  if (!csv_boolean (row, COL_FIRST_TIME, &first_time, error) ||
      !csv_flags (row, COL_AREAS, AFTERCARE_TYPE_AREAS, &areas, error))
    return FALSE;
  if (*cell (row, COL_SESSION_ID) != '\0')
    {
      g_autofree char *id = id_normalized (cell (row, COL_SESSION_ID));

      aftercare_session_set_id (session, id);
    }
  g_object_set (session,
                "ended-at", ended_at, "duration-minutes", duration,
                "massage-type", type, "pressure", pressure, "first-time", first_time,
                "areas", areas, "client", cell (row, COL_CLIENT),
                "therapist", cell (row, COL_THERAPIST), "notes", cell (row, COL_SESSION_NOTES),
                NULL);
  return TRUE;
}

static gboolean
same_session_values (AftercareSession *a,
                     AftercareSession *b)
{
  g_autoptr(AftercareSession) b_as_a = aftercare_session_copy (b);

  aftercare_session_set_id (b_as_a, aftercare_session_get_id (a));
  return aftercare_session_equal (a, b_as_a);
}

/* A row with a session_id: that session, the first time it appears, or a
 * repeat of it that must agree with its first row. */
static AftercareSession *
csv_named_session (Parse             *parse,
                   const Row         *row,
                   AftercareSession  *values,
                   GError           **error)
{
  const char *id = aftercare_session_get_id (values);
  AftercareSession *known = g_hash_table_lookup (parse->sessions, id);
  const char *difference;
  g_autofree char *origin = NULL;

  parse->previous_unnamed = NULL;
  if (known == NULL)
    {
      origin = g_strdup_printf (_("line %u"), row->where.line);
      aftercare_backup_add_session (parse->backup, values, origin);
      g_hash_table_insert (parse->sessions, (gpointer) id, values);
      g_hash_table_insert (parse->first_lines, (gpointer) id, GUINT_TO_POINTER (row->where.line));
      return values;
    }
  difference = aftercare_backup_session_difference (known, values);
  if (difference != NULL)
    {
      guint first_line = GPOINTER_TO_UINT (g_hash_table_lookup (parse->first_lines, id));

      field_error (&row->where, csv_session_column (difference),
                   g_strdup_printf (_("differs from line %u, where session %s first appears"),
                                    first_line, id), error);
      return NULL;
    }
  return known;
}

/* A row with an empty session_id: the session of the row before when that
 * too had none and the same values, else a new session. */
static AftercareSession *
csv_unnamed_session (Parse            *parse,
                     const Row        *row,
                     AftercareSession *values)
{
  g_autofree char *origin = NULL;

  if (parse->previous_unnamed != NULL && same_session_values (parse->previous_unnamed, values))
    return parse->previous_unnamed;
  origin = g_strdup_printf (_("line %u"), row->where.line);
  aftercare_backup_add_session (parse->backup, values, origin);
  g_hash_table_insert (parse->sessions, (gpointer) aftercare_session_get_id (values), values);
  parse->previous_unnamed = values;
  return values;
}

static gboolean
csv_has_checkin (const Row *row)
{
  for (int c = COL_CHECKIN_ID; c <= COL_CHECKIN_NOTES; c++)
    if (*cell (row, c) != '\0')
      return TRUE;
  return FALSE;
}

/* The check-in columns, checked in their order. */
static gboolean
csv_checkin (Parse             *parse,
             const Row         *row,
             AftercareSession  *session,
             GError           **error)
{
  static const char * const names[] = { "checkin_id", "checkin_at" };
  CheckinFields fields = { 0 };
  g_autoptr(AftercareCheckin) checkin = NULL;
  g_autofree char *origin = NULL;

  fields.id = *cell (row, COL_CHECKIN_ID) != '\0' ? cell (row, COL_CHECKIN_ID) : NULL;
  if (fields.id != NULL)
    CSV_CHECK (row, COL_CHECKIN_ID, parse_id (fields.id));
  fields.at = cell (row, COL_CHECKIN_AT);
  for (int column = COL_CHECKIN_AT; column <= COL_SORENESS; column++)
    if (*cell (row, column) == '\0')
      return field_error (&row->where, column_names[column],
                          g_strdup (_("is missing (the row has a check-in)")), error);
  CSV_CHECK (row, COL_SORENESS, parse_number (cell (row, COL_SORENESS), AFTERCARE_SORENESS_MAX,
                                              &fields.soreness));
  if (!csv_flags (row, COL_SYMPTOMS, AFTERCARE_TYPE_SYMPTOMS, &fields.symptoms, error))
    return FALSE;
  fields.notes = cell (row, COL_CHECKIN_NOTES);
  checkin = build_checkin (&fields, session, &row->where, names, error);
  origin = g_strdup_printf (_("line %u"), row->where.line);
  return checkin != NULL &&
         add_checkin_once (parse, checkin, &row->where, names[0], origin, error);
}

static gboolean
csv_row (Parse      *parse,
         const Row  *row,
         GError    **error)
{
  g_autoptr(AftercareSession) values = aftercare_session_new (NULL);
  AftercareSession *session;
  gboolean named;

  /* Checked before any cell is read: a short row has no cell for a
   * column that comes late in the header. */
  if (row->fields->len != N_COLUMNS)
    {
      g_set_error (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_INVALID,
                   _("Line %u: %u fields where the header has %u"),
                   row->where.line, row->fields->len, N_COLUMNS);
      return FALSE;
    }
  named = *cell (row, COL_SESSION_ID) != '\0';
  if (!csv_session_values (row, values, error))
    return FALSE;
  session = named ? csv_named_session (parse, row, values, error)
                  : csv_unnamed_session (parse, row, values);
  if (session == NULL)
    return FALSE;
  return !csv_has_checkin (row) || csv_checkin (parse, row, session, error);
}

static gboolean
parse_csv (AftercareBackup  *backup,
           const char       *text,
           gsize             length,
           GError          **error)
{
  AftercareCsvReader reader;
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) local_error = NULL;
  int column_of[N_COLUMNS];
  g_auto(Parse) parse = { NULL };
  guint line = 1;

  parse_init (&parse, backup);
  aftercare_csv_reader_init (&reader, text, length);
  if (!aftercare_csv_reader_next (&reader, fields, &line, &local_error))
    {
      if (local_error == NULL)
        local_error = g_error_new (AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_INVALID,
                                   _("Line 1: the file is empty; a CSV file starts with the header row %s"),
                                   AFTERCARE_BACKUP_CSV_HEADER);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (!csv_header (fields, line, column_of, error))
    return FALSE;
  while (aftercare_csv_reader_next (&reader, fields, &line, &local_error))
    {
      Row row = { fields, column_of, { AFTERCARE_BACKUP_FORMAT_CSV, line, NULL } };

      if (!csv_row (&parse, &row, error))
        return FALSE;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/* Both */

static gboolean
check_utf8 (const char  *text,
            gsize        length,
            GError     **error)
{
  const char *end;
  guint line = 1;

  if (g_utf8_validate_len (text, length, &end))
    return TRUE;
  for (const char *p = text; p < end; p++)
    if (*p == '\n')
      line++;
  g_set_error (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_INVALID,
               _("Line %u: the file is not UTF-8 text"), line);
  return FALSE;
}

AftercareBackup *
aftercare_backup_parse (GBytes                *contents,
                        AftercareBackupFormat  format,
                        GError               **error)
{
  g_autoptr(AftercareBackup) self = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length;
  const char *text;
  gboolean ok;

  g_return_val_if_fail (contents != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  text = g_bytes_get_data (contents, &length);
  if (!check_utf8 (text != NULL ? text : "", length, error))
    return NULL;
  self = aftercare_backup_new ();
  ok = format == AFTERCARE_BACKUP_FORMAT_CSV ? parse_csv (self, text, length, &local_error)
                                             : parse_json (self, text, length, &local_error);
  if (!ok)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&self);
}
