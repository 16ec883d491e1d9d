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

/* The value of each hex digit, either case; 0xFF for any other byte. */
static const guint8 *
hex_values (void)
{
  static guint8 values[256];
  static gsize made = 0;

  if (g_once_init_enter (&made))
    {
      memset (values, 0xFF, sizeof values);
      for (guint i = 0; i < 10; i++)
        values['0' + i] = (guint8) i;
      for (guint i = 0; i < 6; i++)
        values['a' + i] = values['A' + i] = (guint8) (10 + i);
      g_once_init_leave (&made, 1);
    }
  return values;
}

/* Reads a UUID (8-4-4-4-12 hex digits, either case, as
 * g_uuid_string_is_valid() takes) into its 16 bytes, in one pass over
 * text; FALSE when text is not one. */
static gboolean
uuid_bytes (const char *text,
            guint8      bytes[16])
{
  const guint8 *values = hex_values ();
  guint n = 0;

  for (guint i = 0; i < 36; i++)
    {
      guint8 c = (guint8) text[i], v;

      if (i == 8 || i == 13 || i == 18 || i == 23)
        {
          if (c != '-')
            return FALSE;
          continue;
        }
      /* The NUL at a short text's end is not a digit either. */
      if ((v = values[c]) == 0xFF)
        return FALSE;
      if (n % 2 == 0)
        bytes[n / 2] = (guint8) (v << 4);
      else
        bytes[n / 2] |= v;
      n++;
    }
  return text[36] == '\0';
}

char *
aftercare_backup_check_id (const char *text)
{
  guint8 bytes[16];

  if (!uuid_bytes (text, bytes))
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
  if (fields->id == NULL)
    checkin = aftercare_checkin_new (aftercare_session_get_id (session), at,
                                     fields->soreness, fields->symptoms);
  else
    {
      g_autofree char *id = aftercare_backup_id_normalized (fields->id);

      /* Given at construction: no random id made only to be replaced. */
      checkin = g_object_new (AFTERCARE_TYPE_CHECKIN, "id", id, "session-id", aftercare_session_get_id (session),
                              "at", at, "soreness", fields->soreness, "symptoms", fields->symptoms, NULL);
    }
  aftercare_checkin_set_notes (checkin, fields->notes);
  return checkin;
}

/* Ids seen */

/* Open addressing over the UUIDs' 16 bytes, each with its number; the
 * nil UUID, all zeros, marks an empty slot and is kept aside. */
typedef struct
{
  guint8 id[16];
  guint32 value;
} IdSlot;

struct _AftercareBackupIdSet
{
  IdSlot *slots;
  gsize n_slots;   /* a power of two */
  gsize n_ids;
  gboolean has_nil;
  guint32 nil_value;
};

AftercareBackupIdSet *
aftercare_backup_id_set_new (void)
{
  AftercareBackupIdSet *set = g_new0 (AftercareBackupIdSet, 1);

  set->n_slots = 1024;
  set->slots = g_new0 (IdSlot, set->n_slots);
  return set;
}

void
aftercare_backup_id_set_free (AftercareBackupIdSet *set)
{
  if (set == NULL)
    return;
  g_free (set->slots);
  g_free (set);
}

static gsize
id_hash (const guint8 *bytes)
{
  guint64 a, b;

  memcpy (&a, bytes, 8);
  memcpy (&b, bytes + 8, 8);
  a ^= b * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);
  a ^= a >> 31;
  a *= G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  return (gsize) (a ^ (a >> 29));
}

static const guint8 empty_id[16] = { 0 };

/* The slot of bytes, or the empty one where it goes. */
static IdSlot *
id_set_slot (AftercareBackupIdSet *set,
             const guint8         *bytes)
{
  gsize mask = set->n_slots - 1;

  for (gsize i = id_hash (bytes) & mask;; i = (i + 1) & mask)
    if (memcmp (set->slots[i].id, empty_id, 16) == 0 || memcmp (set->slots[i].id, bytes, 16) == 0)
      return &set->slots[i];
}

gboolean
aftercare_backup_id_set_add_with (AftercareBackupIdSet *set,
                                  const char           *id,
                                  guint                 value,
                                  guint                *old_value)
{
  guint8 bytes[16];
  IdSlot *slot;

  g_return_val_if_fail (uuid_bytes (id, bytes), FALSE);

  if (memcmp (bytes, empty_id, 16) == 0)
    {
      if (set->has_nil)
        {
          if (old_value != NULL)
            *old_value = set->nil_value;
          return FALSE;
        }
      set->has_nil = TRUE;
      set->nil_value = value;
      return TRUE;
    }
  if ((set->n_ids + 1) * 4 > set->n_slots * 3)
    {
      IdSlot *old = set->slots;
      gsize n_old = set->n_slots;

      set->n_slots *= 2;
      set->slots = g_new0 (IdSlot, set->n_slots);
      for (gsize i = 0; i < n_old; i++)
        if (memcmp (old[i].id, empty_id, 16) != 0)
          *id_set_slot (set, old[i].id) = old[i];
      g_free (old);
    }
  slot = id_set_slot (set, bytes);
  if (memcmp (slot->id, bytes, 16) == 0)
    {
      if (old_value != NULL)
        *old_value = slot->value;
      return FALSE;
    }
  memcpy (slot->id, bytes, 16);
  slot->value = value;
  set->n_ids++;
  return TRUE;
}

gboolean
aftercare_backup_id_set_contains (AftercareBackupIdSet *set,
                                  const char           *id)
{
  guint8 bytes[16];

  if (!uuid_bytes (id, bytes))
    return FALSE;
  if (memcmp (bytes, empty_id, 16) == 0)
    return set->has_nil;
  return memcmp (id_set_slot (set, bytes)->id, bytes, 16) == 0;
}

gboolean
aftercare_backup_id_set_add (AftercareBackupIdSet *set,
                             const char           *id)
{
  return aftercare_backup_id_set_add_with (set, id, 0, NULL);
}

/* Rows go into a batch */

static gboolean
batch_add_session (AftercareSession  *session,
                   const char        *origin,
                   gpointer           user_data,
                   GError           **error)
{
  aftercare_backup_add_session (user_data, session, origin);
  return TRUE;
}

static gboolean
batch_add_checkin (AftercareCheckin  *checkin,
                   const char        *origin,
                   gpointer           user_data,
                   GError           **error)
{
  aftercare_backup_add_checkin (user_data, checkin, origin);
  return TRUE;
}

/* Sessions are looked up in the batch's own table instead. */
static const AftercareBackupSink batch_sink = { batch_add_session, batch_add_checkin, NULL };

void
aftercare_backup_reading_init (AftercareBackupReading     *reading,
                               AftercareBackup            *backup,
                               const AftercareBackupSink  *sink,
                               gpointer                    sink_data)
{
  memset (reading, 0, sizeof *reading);
  reading->backup = backup;
  reading->sink = backup != NULL ? &batch_sink : sink;
  reading->sink_data = backup != NULL ? backup : sink_data;
  reading->sessions = g_hash_table_new (g_str_hash, g_str_equal);
  reading->session_ids = aftercare_backup_id_set_new ();
  reading->checkin_ids = aftercare_backup_id_set_new ();
}

void
aftercare_backup_reading_clear (AftercareBackupReading *reading)
{
  g_clear_pointer (&reading->sessions, g_hash_table_unref);
  g_clear_object (&reading->previous_unnamed);
  g_clear_pointer (&reading->session_ids, aftercare_backup_id_set_free);
  g_clear_pointer (&reading->checkin_ids, aftercare_backup_id_set_free);
}

gboolean
aftercare_backup_hand_on_session (AftercareBackupReading  *reading,
                                  AftercareSession        *session,
                                  const char              *origin,
                                  GError                 **error)
{
  if (!reading->sink->session (session, origin, reading->sink_data, error))
    return FALSE;
  if (reading->backup != NULL)
    g_hash_table_insert (reading->sessions, (gpointer) aftercare_session_get_id (session), session);
  return TRUE;
}

AftercareSession *
aftercare_backup_known_session (AftercareBackupReading  *reading,
                                const char              *id,
                                GError                 **error)
{
  if (reading->backup != NULL)
    return g_object_ref (g_hash_table_lookup (reading->sessions, id));
  return reading->sink->lookup_session (id, reading->sink_data, error);
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

  if (!aftercare_backup_id_set_add (reading->checkin_ids, id))
    return aftercare_backup_field_error (where, id_name,
                                         g_strdup_printf (_("the check-in %s appears twice in the file"), id),
                                         error);
  return reading->sink->checkin (checkin, origin, reading->sink_data, error);
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
  g_auto(AftercareBackupReading) reading = { NULL };
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
  aftercare_backup_reading_init (&reading, self, NULL, NULL);
  if (format == AFTERCARE_BACKUP_FORMAT_CSV)
    {
      AftercareCsvReader reader;

      aftercare_csv_reader_init (&reader, text, length);
      ok = aftercare_backup_read_csv (&reading, &reader, &local_error);
    }
  else
    {
      g_autoptr(AftercareJsonStream) stream = aftercare_json_stream_new_for_data (text, length);

      ok = aftercare_backup_read_json (&reading, stream, &local_error);
    }
  if (!ok)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (!check_utf8 (text, length, error))
    return NULL;
  return g_steal_pointer (&self);
}

gboolean
aftercare_backup_read_json_stream (GInputStream               *input,
                                   GCancellable               *cancellable,
                                   const AftercareBackupSink  *sink,
                                   gpointer                    user_data,
                                   GError                    **error)
{
  g_autoptr(AftercareJsonStream) stream = NULL;
  g_auto(AftercareBackupReading) reading = { NULL };

  g_return_val_if_fail (G_IS_INPUT_STREAM (input), FALSE);
  g_return_val_if_fail (sink != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stream = aftercare_json_stream_new (input, cancellable);
  aftercare_backup_reading_init (&reading, NULL, sink, user_data);
  return aftercare_backup_read_json (&reading, stream, error);
}

gboolean
aftercare_backup_read_csv_stream (GInputStream               *input,
                                  GCancellable               *cancellable,
                                  const AftercareBackupSink  *sink,
                                  gpointer                    user_data,
                                  GError                    **error)
{
  g_auto(AftercareBackupReading) reading = { NULL };
  AftercareCsvReader reader;
  gboolean ok;

  g_return_val_if_fail (G_IS_INPUT_STREAM (input), FALSE);
  g_return_val_if_fail (sink != NULL && sink->lookup_session != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  aftercare_backup_reading_init (&reading, NULL, sink, user_data);
  aftercare_csv_reader_init_stream (&reader, input, cancellable);
  ok = aftercare_backup_read_csv (&reading, &reader, error);
  aftercare_csv_reader_clear (&reader);
  return ok;
}
