/* aftercare-backup-writer.c: writes sessions and their check-ins as a JSON backup or CSV, one session at a time. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-backup-writer"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "aftercare-backup-writer.h"
#include "aftercare-csv.h"
#include "aftercare-time.h"

struct _AftercareBackupWriter
{
  GObject parent_instance;

  GOutputStream *stream;
  AftercareBackupFormat format;
  GDateTime *exported_at;
  gboolean started;
  guint n_sessions;
  guint n_checkins;
};

G_DEFINE_FINAL_TYPE (AftercareBackupWriter, aftercare_backup_writer, G_TYPE_OBJECT)

static void
aftercare_backup_writer_dispose (GObject *object)
{
  AftercareBackupWriter *self = AFTERCARE_BACKUP_WRITER (object);

  g_clear_object (&self->stream);

  G_OBJECT_CLASS (aftercare_backup_writer_parent_class)->dispose (object);
}

static void
aftercare_backup_writer_finalize (GObject *object)
{
  AftercareBackupWriter *self = AFTERCARE_BACKUP_WRITER (object);

  g_clear_pointer (&self->exported_at, g_date_time_unref);

  G_OBJECT_CLASS (aftercare_backup_writer_parent_class)->finalize (object);
}

static void
aftercare_backup_writer_class_init (AftercareBackupWriterClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = aftercare_backup_writer_dispose;
  G_OBJECT_CLASS (klass)->finalize = aftercare_backup_writer_finalize;
}

static void
aftercare_backup_writer_init (AftercareBackupWriter *self)
{
}

AftercareBackupWriter *
aftercare_backup_writer_new (GOutputStream         *stream,
                             AftercareBackupFormat  format,
                             GDateTime             *exported_at)
{
  AftercareBackupWriter *self;

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), NULL);
  g_return_val_if_fail (exported_at != NULL, NULL);

  self = g_object_new (AFTERCARE_TYPE_BACKUP_WRITER, NULL);
  self->stream = g_object_ref (stream);
  self->format = format;
  self->exported_at = g_date_time_ref (exported_at);
  return self;
}

static gboolean
write_text (AftercareBackupWriter  *self,
            const char             *text,
            gsize                   length,
            GError                **error)
{
  g_autoptr(GError) local_error = NULL;

  if (g_output_stream_write_all (self->stream, text, length, NULL, NULL, &local_error))
    return TRUE;
  g_set_error (error, AFTERCARE_BACKUP_ERROR, AFTERCARE_BACKUP_ERROR_FAILED,
               _("Could not write the export: %s"), local_error->message);
  return FALSE;
}

static gboolean
write_string (AftercareBackupWriter  *self,
              GString                *text,
              GError                **error)
{
  return write_text (self, text->str, text->len, error);
}

/* JSON */

static void
add_keys (JsonBuilder *builder,
          const char  *name,
          GType        flags_type,
          guint        flags)
{
  g_auto(GStrv) keys = aftercare_flags_to_keys (flags_type, flags);

  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; keys[i] != NULL; i++)
    json_builder_add_string_value (builder, keys[i]);
  json_builder_end_array (builder);
}

static void
add_time (JsonBuilder *builder,
          const char  *name,
          GDateTime   *time)
{
  g_autofree char *text = aftercare_time_format (time);

  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, text);
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static void
add_json_checkin (JsonBuilder      *builder,
                  AftercareCheckin *checkin)
{
  json_builder_begin_object (builder);
  add_string (builder, "id", aftercare_checkin_get_id (checkin));
  add_time (builder, "at", aftercare_checkin_get_at (checkin));
  json_builder_set_member_name (builder, "soreness");
  json_builder_add_int_value (builder, aftercare_checkin_get_soreness (checkin));
  add_keys (builder, "symptoms", AFTERCARE_TYPE_SYMPTOMS, aftercare_checkin_get_symptoms (checkin));
  add_string (builder, "notes", aftercare_checkin_get_notes (checkin));
  json_builder_end_object (builder);
}

static JsonNode *
session_to_json (AftercareSession *session,
                 GPtrArray        *checkins)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_string (builder, "id", aftercare_session_get_id (session));
  add_time (builder, "ended_at", aftercare_session_get_ended_at (session));
  json_builder_set_member_name (builder, "duration_minutes");
  json_builder_add_int_value (builder, aftercare_session_get_duration_minutes (session));
  add_string (builder, "type", aftercare_massage_type_to_key (aftercare_session_get_massage_type (session)));
  add_string (builder, "pressure", aftercare_pressure_to_key (aftercare_session_get_pressure (session)));
  json_builder_set_member_name (builder, "first_time");
  json_builder_add_boolean_value (builder, aftercare_session_get_first_time (session));
  add_keys (builder, "areas", AFTERCARE_TYPE_AREAS, aftercare_session_get_areas (session));
  add_string (builder, "client", aftercare_session_get_client (session));
  add_string (builder, "therapist", aftercare_session_get_therapist (session));
  add_string (builder, "notes", aftercare_session_get_notes (session));
  json_builder_set_member_name (builder, "checkins");
  json_builder_begin_array (builder);
  for (guint i = 0; i < checkins->len; i++)
    add_json_checkin (builder, g_ptr_array_index (checkins, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* The header is written by hand so that sessions can follow one by one,
 * one a line. */
static gboolean
write_json_start (AftercareBackupWriter  *self,
                  GError                **error)
{
  g_autofree char *exported_at = aftercare_time_format_utc (self->exported_at);
  g_autofree char *header =
    g_strdup_printf ("{\"format\": \"%s\", \"version\": %d,\n"
                     " \"exported_at\": \"%s\",\n"
                     " \"sessions\": [", AFTERCARE_BACKUP_FORMAT_NAME, AFTERCARE_BACKUP_VERSION, exported_at);

  return write_text (self, header, strlen (header), error);
}

/* json-glib 1.6 leaves U+001F raw in strings, which RFC 8259 forbids: in
 * json (one line, no layout) every control character is inside a string,
 * and each is written as \u00XX. */
static void
append_escaping_controls (GString    *text,
                          const char *json)
{
  for (const char *p = json; *p != '\0'; p++)
    if ((guchar) *p < 0x20)
      g_string_append_printf (text, "\\u%04x", (guint) (guchar) *p);
    else
      g_string_append_c (text, *p);
}

static gboolean
write_json_session (AftercareBackupWriter  *self,
                    AftercareSession       *session,
                    GPtrArray              *checkins,
                    GError                **error)
{
  g_autoptr(JsonNode) node = session_to_json (session, checkins);
  g_autofree char *json = json_to_string (node, FALSE);
  g_autoptr(GString) text = g_string_new (self->n_sessions > 0 ? ",\n  " : "\n  ");

  append_escaping_controls (text, json);
  return write_string (self, text, error);
}

/* CSV */

/* The columns, in the order of the one table of them (aftercare-backup.h). */
#define COLUMN_ID(id, name, kind) COL_##id,

enum { AFTERCARE_BACKUP_CSV_COLUMNS (COLUMN_ID, COLUMN_ID) N_COLUMNS };

static const gboolean column_is_text[N_COLUMNS] = {
  AFTERCARE_BACKUP_CSV_COLUMNS (AFTERCARE_BACKUP_CSV_IS_TEXT, AFTERCARE_BACKUP_CSV_IS_TEXT)
};

/* One record: the session's cells, and the check-in's (empty without one). */
static void
append_record (GString          *record,
               AftercareSession *session,
               AftercareCheckin *checkin)
{
  g_autofree char *ended_at = aftercare_time_format (aftercare_session_get_ended_at (session));
  g_autofree char *duration = g_strdup_printf ("%u", aftercare_session_get_duration_minutes (session));
  g_autofree char *areas = aftercare_flags_to_string (AFTERCARE_TYPE_AREAS, aftercare_session_get_areas (session));
  g_autofree char *at = NULL;
  g_autofree char *soreness = NULL;
  g_autofree char *symptoms = NULL;
  const char *cells[N_COLUMNS] = {
    [COL_SESSION_ID] = aftercare_session_get_id (session),
    [COL_ENDED_AT] = ended_at,
    [COL_DURATION] = duration,
    [COL_TYPE] = aftercare_massage_type_to_key (aftercare_session_get_massage_type (session)),
    [COL_PRESSURE] = aftercare_pressure_to_key (aftercare_session_get_pressure (session)),
    [COL_FIRST_TIME] = aftercare_session_get_first_time (session) ? "true" : "false",
    [COL_AREAS] = areas,
    [COL_CLIENT] = aftercare_session_get_client (session),
    [COL_THERAPIST] = aftercare_session_get_therapist (session),
    [COL_SESSION_NOTES] = aftercare_session_get_notes (session),
  };

  if (checkin != NULL)
    {
      cells[COL_CHECKIN_ID] = aftercare_checkin_get_id (checkin);
      cells[COL_CHECKIN_AT] = at = aftercare_time_format (aftercare_checkin_get_at (checkin));
      cells[COL_SORENESS] = soreness = g_strdup_printf ("%u", aftercare_checkin_get_soreness (checkin));
      cells[COL_SYMPTOMS] = symptoms = aftercare_flags_to_string (AFTERCARE_TYPE_SYMPTOMS,
                                                                  aftercare_checkin_get_symptoms (checkin));
      cells[COL_CHECKIN_NOTES] = aftercare_checkin_get_notes (checkin);
    }
  for (guint c = 0; c < N_COLUMNS; c++)
    {
      const char *value = cells[c] != NULL ? cells[c] : "";
      g_autofree char *text = column_is_text[c] ? aftercare_backup_csv_text_cell (value) : NULL;

      aftercare_csv_append_field (record, text != NULL ? text : value, c == 0);
    }
  aftercare_csv_end_record (record);
}

/* One row per check-in; a session without one still gets a row. */
static gboolean
write_csv_session (AftercareBackupWriter  *self,
                   AftercareSession       *session,
                   GPtrArray              *checkins,
                   GError                **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n_rows = MAX (checkins->len, 1);

  for (guint i = 0; i < n_rows; i++)
    append_record (text, session, i < checkins->len ? g_ptr_array_index (checkins, i) : NULL);
  return write_string (self, text, error);
}

static gboolean
write_start (AftercareBackupWriter  *self,
             GError                **error)
{
  self->started = TRUE;
  if (self->format == AFTERCARE_BACKUP_FORMAT_JSON)
    return write_json_start (self, error);
  return write_text (self, AFTERCARE_BACKUP_CSV_HEADER "\r\n",
                     strlen (AFTERCARE_BACKUP_CSV_HEADER "\r\n"), error);
}

gboolean
aftercare_backup_writer_add (AftercareBackupWriter  *self,
                             AftercareSession       *session,
                             GPtrArray              *checkins,
                             GError                **error)
{
  gboolean ok;

  g_return_val_if_fail (AFTERCARE_IS_BACKUP_WRITER (self), FALSE);
  g_return_val_if_fail (AFTERCARE_IS_SESSION (session), FALSE);
  g_return_val_if_fail (checkins != NULL, FALSE);

  if (!self->started && !write_start (self, error))
    return FALSE;
  ok = self->format == AFTERCARE_BACKUP_FORMAT_JSON
         ? write_json_session (self, session, checkins, error)
         : write_csv_session (self, session, checkins, error);
  if (!ok)
    return FALSE;
  self->n_sessions++;
  self->n_checkins += checkins->len;
  return TRUE;
}

gboolean
aftercare_backup_writer_finish (AftercareBackupWriter  *self,
                                GError                **error)
{
  static const char json_end[] = "\n]}\n";

  g_return_val_if_fail (AFTERCARE_IS_BACKUP_WRITER (self), FALSE);

  if (!self->started && !write_start (self, error))
    return FALSE;
  if (self->format == AFTERCARE_BACKUP_FORMAT_JSON)
    return write_text (self, json_end, strlen (json_end), error);
  return TRUE;
}

guint
aftercare_backup_writer_get_n_sessions (AftercareBackupWriter *self)
{
  g_return_val_if_fail (AFTERCARE_IS_BACKUP_WRITER (self), 0);
  return self->n_sessions;
}

guint
aftercare_backup_writer_get_n_checkins (AftercareBackupWriter *self)
{
  g_return_val_if_fail (AFTERCARE_IS_BACKUP_WRITER (self), 0);
  return self->n_checkins;
}
