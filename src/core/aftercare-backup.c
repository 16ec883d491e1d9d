/* aftercare-backup.c: a batch of sessions and check-ins, and the formats it is read from and written in. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-backup"

#include "config.h"

#include <string.h>

#include "aftercare-backup.h"
#include "aftercare-util.h"

struct _AftercareBackup
{
  GObject parent_instance;

  GPtrArray *sessions;
  GPtrArray *session_origins;
  GPtrArray *checkins;
  GPtrArray *checkin_origins;
};

G_DEFINE_FINAL_TYPE (AftercareBackup, aftercare_backup, G_TYPE_OBJECT)
G_DEFINE_QUARK (aftercare-backup-error-quark, aftercare_backup_error)

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

gboolean
aftercare_backup_csv_text_needs_guard (const char *text)
{
  g_return_val_if_fail (text != NULL, FALSE);

  return text[0] != '\0' && strchr ("=+-@\t\r'", text[0]) != NULL;
}

char *
aftercare_backup_csv_text_cell (const char *text)
{
  g_return_val_if_fail (text != NULL, NULL);

  if (aftercare_backup_csv_text_needs_guard (text))
    return g_strconcat ("'", text, NULL);
  return g_strdup (text);
}

const char *
aftercare_backup_csv_text_value (const char *cell)
{
  g_return_val_if_fail (cell != NULL, NULL);

  return cell[0] == '\'' ? cell + 1 : cell;
}
