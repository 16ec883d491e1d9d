/* aftercare-backup-csv.c: reading a CSV file of sessions and check-ins (DESIGN.md, "Data formats"). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-backup-csv"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "aftercare-backup-reader-private.h"
#include "aftercare-csv.h"

/* The columns, in the order of the one table of them (aftercare-backup.h). */
#define COLUMN_ID(id, name, kind) COL_##id,
#define COLUMN_NAME(id, name, kind) name,

enum { AFTERCARE_BACKUP_CSV_COLUMNS (COLUMN_ID, COLUMN_ID) N_COLUMNS };

static const char * const column_names[N_COLUMNS + 1] = {
  AFTERCARE_BACKUP_CSV_COLUMNS (COLUMN_NAME, COLUMN_NAME) NULL
};

static const gboolean column_is_text[N_COLUMNS] = {
  AFTERCARE_BACKUP_CSV_COLUMNS (AFTERCARE_BACKUP_CSV_IS_TEXT, AFTERCARE_BACKUP_CSV_IS_TEXT)
};

typedef struct
{
  GPtrArray *fields;
  const int *column_of;   /* column -> index in fields */
  AftercareBackupWhere where;
  int bad_field;          /* the first field that is not UTF-8 text, or -1 */
} Row;

/* A cell's value; a text cell without the ' that guards it in spreadsheets. */
static const char *
cell (const Row *row,
      int        column)
{
  const char *text = g_ptr_array_index (row->fields, row->column_of[column]);

  return column_is_text[column] ? aftercare_backup_csv_text_value (text) : text;
}

/* Values, from text: each returns NULL when the text is good, else the problem. */

static char *
unknown_key_problem (GType       type,
                     const char *key)
{
  return aftercare_json_problem_key (type, key);
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
parse_number (const char *text,
              guint       max,
              guint      *value)
{
  guint64 number;

  if (*text == '\0' || strspn (text, "0123456789") != strlen (text) ||
      !g_ascii_string_to_unsigned (text, 10, 0, max, &number, NULL))
    return aftercare_json_problem_number (text, max);
  *value = (guint) number;
  return NULL;
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
          g_set_error (error, AFTERCARE_BACKUP_ERROR, AFTERCARE_BACKUP_ERROR_INVALID,
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
        g_set_error (error, AFTERCARE_BACKUP_ERROR, AFTERCARE_BACKUP_ERROR_INVALID,
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
    return aftercare_backup_field_error (&row->where, column_names[column],
                                         g_strdup_printf (_("“%s” is neither true nor false"), text),
                                         error);
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
    return aftercare_backup_field_error (&row->where, column_names[column],
                                         unknown_key_problem (type, bad_key), error);
  return TRUE;
}

/* Checks a text column with a parser that returns the problem. */
#define CSV_CHECK(row, column, call) \
  G_STMT_START { char *problem_ = (call); \
    if (problem_ != NULL) \
      return aftercare_backup_field_error (&(row)->where, column_names[column], problem_, error); \
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
    CSV_CHECK (row, COL_SESSION_ID, aftercare_backup_check_id (cell (row, COL_SESSION_ID)));
  CSV_CHECK (row, COL_ENDED_AT, aftercare_backup_check_time (cell (row, COL_ENDED_AT), &ended_at));
  CSV_CHECK (row, COL_DURATION, parse_number (cell (row, COL_DURATION), AFTERCARE_BACKUP_MAX_DURATION_MINUTES,
                                              &duration));
  CSV_CHECK (row, COL_TYPE, parse_enum (AFTERCARE_TYPE_MASSAGE_TYPE, cell (row, COL_TYPE), &type));
  CSV_CHECK (row, COL_PRESSURE, parse_enum (AFTERCARE_TYPE_PRESSURE, cell (row, COL_PRESSURE), &pressure));
  if (!csv_boolean (row, COL_FIRST_TIME, &first_time, error) ||
      !csv_flags (row, COL_AREAS, AFTERCARE_TYPE_AREAS, &areas, error))
    return FALSE;
  if (*cell (row, COL_SESSION_ID) != '\0')
    {
      g_autofree char *id = aftercare_backup_id_normalized (cell (row, COL_SESSION_ID));

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
 * repeat of it that must agree with its first row (a new reference). */
static AftercareSession *
csv_named_session (AftercareBackupReading  *reading,
                   const Row               *row,
                   AftercareSession        *values,
                   GError                 **error)
{
  const char *id = aftercare_session_get_id (values);
  g_autoptr(AftercareSession) known = NULL;
  const char *difference;
  g_autofree char *origin = NULL;
  guint first_line = 0;

  g_clear_object (&reading->previous_unnamed);
  if (aftercare_backup_id_set_add_with (reading->session_ids, id, row->where.line, &first_line))
    {
      origin = g_strdup_printf (_("line %u"), row->where.line);
      return aftercare_backup_hand_on_session (reading, values, origin, error) ? g_object_ref (values) : NULL;
    }
  if ((known = aftercare_backup_known_session (reading, id, error)) == NULL)
    return NULL;
  difference = aftercare_backup_session_difference (known, values);
  if (difference != NULL)
    {
      aftercare_backup_field_error (&row->where, csv_session_column (difference),
                                    g_strdup_printf (_("differs from line %u, where session %s first appears"),
                                                     first_line, id), error);
      return NULL;
    }
  return g_steal_pointer (&known);
}

/* A row with an empty session_id: the session of the row before when that
 * too had none and the same values, else a new session (a new reference). */
static AftercareSession *
csv_unnamed_session (AftercareBackupReading  *reading,
                     const Row               *row,
                     AftercareSession        *values,
                     GError                 **error)
{
  g_autofree char *origin = NULL;

  if (reading->previous_unnamed != NULL && same_session_values (reading->previous_unnamed, values))
    return g_object_ref (reading->previous_unnamed);
  origin = g_strdup_printf (_("line %u"), row->where.line);
  aftercare_backup_id_set_add_with (reading->session_ids, aftercare_session_get_id (values), row->where.line, NULL);
  if (!aftercare_backup_hand_on_session (reading, values, origin, error))
    return NULL;
  g_set_object (&reading->previous_unnamed, values);
  return g_object_ref (values);
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
csv_checkin (AftercareBackupReading  *reading,
             const Row               *row,
             AftercareSession        *session,
             GError                 **error)
{
  static const char * const names[] = { "checkin_id", "checkin_at" };
  AftercareBackupCheckinFields fields = { 0 };
  g_autoptr(AftercareCheckin) checkin = NULL;
  g_autofree char *origin = NULL;

  fields.id = *cell (row, COL_CHECKIN_ID) != '\0' ? cell (row, COL_CHECKIN_ID) : NULL;
  if (fields.id != NULL)
    CSV_CHECK (row, COL_CHECKIN_ID, aftercare_backup_check_id (fields.id));
  fields.at = cell (row, COL_CHECKIN_AT);
  for (int column = COL_CHECKIN_AT; column <= COL_SORENESS; column++)
    if (*cell (row, column) == '\0')
      return aftercare_backup_field_error (&row->where, column_names[column],
                                           g_strdup (_("is missing (the row has a check-in)")), error);
  CSV_CHECK (row, COL_SORENESS, parse_number (cell (row, COL_SORENESS), AFTERCARE_SORENESS_MAX,
                                              &fields.soreness));
  if (!csv_flags (row, COL_SYMPTOMS, AFTERCARE_TYPE_SYMPTOMS, &fields.symptoms, error))
    return FALSE;
  fields.notes = cell (row, COL_CHECKIN_NOTES);
  checkin = aftercare_backup_build_checkin (&fields, session, &row->where, names, error);
  origin = g_strdup_printf (_("line %u"), row->where.line);
  return checkin != NULL &&
         aftercare_backup_add_checkin_once (reading, checkin, &row->where, names[0], origin, error);
}

static gboolean
csv_row (AftercareBackupReading  *reading,
         const Row               *row,
         GError                 **error)
{
  g_autoptr(AftercareSession) values = aftercare_session_new (NULL);
  g_autoptr(AftercareSession) session = NULL;
  gboolean named;

  /* Text that is not valid first: it may be what split the row. */
  for (int c = 0; c < N_COLUMNS && row->bad_field >= 0; c++)
    if (row->column_of[c] == row->bad_field)
      return aftercare_backup_field_error (&row->where, column_names[c],
                                           g_strdup (aftercare_json_problem_bad_text ()), error);
  /* Checked before any cell is read: a short row has no cell for a
   * column that comes late in the header. */
  if (row->fields->len != N_COLUMNS)
    {
      g_set_error (error, AFTERCARE_BACKUP_ERROR, AFTERCARE_BACKUP_ERROR_INVALID,
                   _("Line %u: %u fields where the header has %u"),
                   row->where.line, row->fields->len, N_COLUMNS);
      return FALSE;
    }
  named = *cell (row, COL_SESSION_ID) != '\0';
  if (!csv_session_values (row, values, error))
    return FALSE;
  session = named ? csv_named_session (reading, row, values, error)
                  : csv_unnamed_session (reading, row, values, error);
  if (session == NULL)
    return FALSE;
  return !csv_has_checkin (row) || csv_checkin (reading, row, session, error);
}

/* The next record; a malformed one is a bad file like any other. */
static gboolean
csv_next (AftercareCsvReader  *reader,
          GPtrArray           *fields,
          guint               *line,
          GError             **error)
{
  g_autoptr(GError) local_error = NULL;

  if (aftercare_csv_reader_next (reader, fields, line, &local_error))
    return TRUE;
  if (g_error_matches (local_error, AFTERCARE_CSV_ERROR, AFTERCARE_CSV_ERROR_READ))
    g_propagate_error (error, g_steal_pointer (&local_error));
  else if (local_error != NULL)
    g_set_error_literal (error, AFTERCARE_BACKUP_ERROR, AFTERCARE_BACKUP_ERROR_INVALID, local_error->message);
  return FALSE;
}

gboolean
aftercare_backup_read_csv (AftercareBackupReading  *reading,
                           AftercareCsvReader      *reader,
                           GError                 **error)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) local_error = NULL;
  int column_of[N_COLUMNS];
  guint line = 1;

  if (!csv_next (reader, fields, &line, &local_error))
    {
      if (local_error == NULL)
        local_error = g_error_new (AFTERCARE_BACKUP_ERROR, AFTERCARE_BACKUP_ERROR_INVALID,
                                   _("Line 1: the file is empty; a CSV file starts with the header row %s"),
                                   AFTERCARE_BACKUP_CSV_HEADER);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (reader->bad_field >= 0)
    {
      g_set_error (error, AFTERCARE_BACKUP_ERROR, AFTERCARE_BACKUP_ERROR_INVALID,
                   _("Line %u: the header row is not UTF-8 text"), line);
      return FALSE;
    }
  if (!csv_header (fields, line, column_of, error))
    return FALSE;
  while (csv_next (reader, fields, &line, &local_error))
    {
      Row row = { fields, column_of, { AFTERCARE_BACKUP_FORMAT_CSV, line, NULL }, reader->bad_field };

      if (!csv_row (reading, &row, error))
        return FALSE;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}
