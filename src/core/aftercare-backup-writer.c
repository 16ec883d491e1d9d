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
#include "aftercare-util.h"

struct _AftercareBackupWriter
{
  GObject parent_instance;

  GOutputStream *stream;
  AftercareBackupFormat format;
  GDateTime *exported_at;
  gboolean started;
  GString *text;              /* what is written next, kept for its room */
  GString *session_cells;     /* a session's part of each of its rows (CSV) */
  GHashTable *keys_cache[2];  /* flags -> cell, of areas and of symptoms (CSV) */
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
  g_string_free (self->text, TRUE);
  g_string_free (self->session_cells, TRUE);
  g_hash_table_unref (self->keys_cache[0]);
  g_hash_table_unref (self->keys_cache[1]);

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
  self->text = g_string_sized_new (4096);
  self->session_cells = g_string_sized_new (512);
  self->keys_cache[0] = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->keys_cache[1] = g_hash_table_new_full (NULL, NULL, NULL, g_free);
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
/* The session's cells come first in the table, the check-in's after: the
 * session's part of its rows is written once, then copied to each. */
G_STATIC_ASSERT (COL_CHECKIN_ID == COL_SESSION_NOTES + 1 && COL_CHECKIN_NOTES == N_COLUMNS - 1);

/* A list of keys as a cell: the same few sets come again and again, so
 * each is made once per export. */
static const char *
flags_cell (GHashTable *cache,
            GType       flags_type,
            guint       flags)
{
  char *text = g_hash_table_lookup (cache, GUINT_TO_POINTER (flags));

  if (text == NULL)
    {
      text = aftercare_flags_to_string (flags_type, flags);
      g_hash_table_insert (cache, GUINT_TO_POINTER (flags), text);
    }
  return text;
}

static void
append_cell (GString    *record,
             guint       column,
             const char *value)
{
  if (column_is_text[column] && aftercare_backup_csv_text_needs_guard (value))
    {
      g_autofree char *cell = aftercare_backup_csv_text_cell (value);

      aftercare_csv_append_field (record, cell, column == 0);
    }
  else
    aftercare_csv_append_field (record, value, column == 0);
}

static void
append_time_cell (GString   *record,
                  guint      column,
                  GDateTime *time)
{
  g_autofree char *text = aftercare_time_format (time);

  append_cell (record, column, text);
}

static void
append_number_cell (GString *record,
                    guint    column,
                    guint    number)
{
  if (column > 0)
    g_string_append_c (record, ',');
  aftercare_string_append_uint (record, number);
}

/* The session's cells, without the comma that follows them. */
static void
append_session_cells (AftercareBackupWriter *self,
                      GString               *record,
                      AftercareSession      *session)
{
  append_cell (record, COL_SESSION_ID, aftercare_session_get_id (session));
  append_time_cell (record, COL_ENDED_AT, aftercare_session_get_ended_at (session));
  append_number_cell (record, COL_DURATION, aftercare_session_get_duration_minutes (session));
  append_cell (record, COL_TYPE, aftercare_massage_type_to_key (aftercare_session_get_massage_type (session)));
  append_cell (record, COL_PRESSURE, aftercare_pressure_to_key (aftercare_session_get_pressure (session)));
  append_cell (record, COL_FIRST_TIME, aftercare_session_get_first_time (session) ? "true" : "false");
  append_cell (record, COL_AREAS, flags_cell (self->keys_cache[0], AFTERCARE_TYPE_AREAS,
                                              aftercare_session_get_areas (session)));
  append_cell (record, COL_CLIENT, aftercare_session_get_client (session));
  append_cell (record, COL_THERAPIST, aftercare_session_get_therapist (session));
  append_cell (record, COL_SESSION_NOTES, aftercare_session_get_notes (session));
}

/* The check-in's cells (empty without one), and the record's end. */
static void
append_checkin_cells (AftercareBackupWriter *self,
                      GString               *record,
                      AftercareCheckin      *checkin)
{
  if (checkin == NULL)
    {
      for (guint c = COL_CHECKIN_ID; c < N_COLUMNS; c++)
        append_cell (record, c, "");
    }
  else
    {
      append_cell (record, COL_CHECKIN_ID, aftercare_checkin_get_id (checkin));
      append_time_cell (record, COL_CHECKIN_AT, aftercare_checkin_get_at (checkin));
      append_number_cell (record, COL_SORENESS, aftercare_checkin_get_soreness (checkin));
      append_cell (record, COL_SYMPTOMS, flags_cell (self->keys_cache[1], AFTERCARE_TYPE_SYMPTOMS,
                                                     aftercare_checkin_get_symptoms (checkin)));
      append_cell (record, COL_CHECKIN_NOTES, aftercare_checkin_get_notes (checkin));
    }
  aftercare_csv_end_record (record);
}

static gboolean
write_csv_session (AftercareBackupWriter  *self,
                   AftercareSession       *session,
                   GPtrArray              *checkins,
                   GError                **error)
{
  GString *text = self->text;
  guint n_rows = MAX (checkins->len, 1);

  g_string_truncate (self->session_cells, 0);
  append_session_cells (self, self->session_cells, session);
  g_string_truncate (text, 0);
  for (guint i = 0; i < n_rows; i++)
    {
      g_string_append_len (text, self->session_cells->str, self->session_cells->len);
      append_checkin_cells (self, text, i < checkins->len ? g_ptr_array_index (checkins, i) : NULL);
    }
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
