/* aftercare-backup-reader.c: reading a JSON backup or a CSV file into a batch of sessions and check-ins, every value checked. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-backup-reader"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "aftercare-backup-reader-private.h"
#include "aftercare-time.h"

/* What both formats share */

gboolean
aftercare_backup_field_error (const AftercareBackupWhere  *where,
                              const char                  *field,
                              char                        *problem,
                              GError                     **error)
{
  g_autofree char *owned_problem = problem;

  if (where->format == AFTERCARE_BACKUP_FORMAT_CSV)
    g_set_error (error, AFTERCARE_BACKUP_ERROR, AFTERCARE_BACKUP_ERROR_INVALID,
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

/* Ids are UUIDs, and a UUID's hex digits mean the same in either case:
 * an id is stored, compared and looked up in lower case (as
 * g_uuid_string_random() writes it), so a file whose ids a spreadsheet
 * upper-cased imports as the same sessions and check-ins. */
char *
aftercare_backup_id_normalized (const char *text)
{
  return g_ascii_strdown (text, -1);
}

char *
aftercare_backup_check_id (const char *text)
{
  if (!g_uuid_string_is_valid (text))
    return g_strdup_printf (_("“%s” is not a UUID"), text);
  return NULL;
}

char *
aftercare_backup_check_time (const char  *text,
                             GDateTime  **time)
{
  *time = aftercare_time_parse (text);
  if (*time == NULL)
    return aftercare_json_problem_time (text);
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

AftercareCheckin *
aftercare_backup_build_checkin (const AftercareBackupCheckinFields  *fields,
                                AftercareSession                    *session,
                                const AftercareBackupWhere          *where,
                                const char * const                  *names,   /* id, at */
                                GError                             **error)
{
  g_autoptr(GDateTime) at = NULL;
  char *problem;
  AftercareCheckin *checkin;

  if (fields->id != NULL && (problem = aftercare_backup_check_id (fields->id)) != NULL)
    {
      aftercare_backup_field_error (where, names[0], problem, error);
      return NULL;
    }
  if ((problem = aftercare_backup_check_time (fields->at, &at)) != NULL ||
      (problem = check_not_before (at, aftercare_session_get_ended_at (session))) != NULL)
    {
      aftercare_backup_field_error (where, names[1], problem, error);
      return NULL;
    }
  checkin = aftercare_checkin_new (aftercare_session_get_id (session), at,
                                   fields->soreness, fields->symptoms);
  if (fields->id != NULL)
    {
      g_autofree char *id = aftercare_backup_id_normalized (fields->id);

      aftercare_checkin_set_id (checkin, id);
    }
  aftercare_checkin_set_notes (checkin, fields->notes);
  return checkin;
}

void
aftercare_backup_reading_init (AftercareBackupReading *reading,
                               AftercareBackup        *backup)
{
  memset (reading, 0, sizeof *reading);
  reading->backup = backup;
  reading->sessions = g_hash_table_new (g_str_hash, g_str_equal);
  reading->first_lines = g_hash_table_new (g_str_hash, g_str_equal);
  reading->checkin_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

void
aftercare_backup_reading_clear (AftercareBackupReading *reading)
{
  g_clear_pointer (&reading->sessions, g_hash_table_unref);
  g_clear_pointer (&reading->first_lines, g_hash_table_unref);
  g_clear_pointer (&reading->checkin_ids, g_hash_table_unref);
}

gboolean
aftercare_backup_add_checkin_once (AftercareBackupReading      *reading,
                                   AftercareCheckin            *checkin,
                                   const AftercareBackupWhere  *where,
                                   const char                  *id_name,
                                   const char                  *origin,
                                   GError                     **error)
{
  const char *id = aftercare_checkin_get_id (checkin);

  if (!g_hash_table_add (reading->checkin_ids, g_strdup (id)))
    return aftercare_backup_field_error (where, id_name,
                                         g_strdup_printf (_("the check-in %s appears twice in the file"), id),
                                         error);
  aftercare_backup_add_checkin (reading->backup, checkin, origin);
  return TRUE;
}

/* Reading a file */

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
  g_set_error (error, AFTERCARE_BACKUP_ERROR, AFTERCARE_BACKUP_ERROR_INVALID,
               _("Line %u: the file is not UTF-8 text"), line);
  return FALSE;
}

AftercareBackup *
aftercare_backup_parse (GBytes                 *contents,
                        AftercareBackupFormat   format,
                        GError                **error)
{
  g_autoptr(AftercareBackup) self = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length;
  const char *text;
  gboolean ok;

  g_return_val_if_fail (contents != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  text = g_bytes_get_data (contents, &length);
  if (text == NULL)
    text = "";
  /* Each reader names the field that holds text that is not valid; the
   * whole file is checked too, after them, in case one let some through. */
  self = aftercare_backup_new ();
  ok = format == AFTERCARE_BACKUP_FORMAT_CSV ? aftercare_backup_read_csv (self, text, length, &local_error)
                                             : aftercare_backup_read_json (self, text, length, &local_error);
  if (!ok)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (!check_utf8 (text, length, error))
    return NULL;
  return g_steal_pointer (&self);
}
