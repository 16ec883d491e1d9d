/* aftercare-backup-json.c: reading a JSON backup (DESIGN.md, "Data formats"). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-backup-json"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "aftercare-backup-reader-private.h"
#include "aftercare-util.h"

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

/* Everything of a session but its check-ins, in a new session. */
static AftercareSession *
json_session_values (const AftercareBackupWhere  *where,
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
    return NULL;
  normalized_id = aftercare_backup_id_normalized (id);
  /* The id given at construction: no random one made only to be replaced. */
  return g_object_new (AFTERCARE_TYPE_SESSION,
                       "id", normalized_id, "ended-at", ended_at, "duration-minutes", duration,
                       "massage-type", type, "pressure", pressure, "first-time", first_time,
                       "areas", areas, "client", client, "therapist", therapist, "notes", notes,
                       NULL);
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

/* Makes path its first prefix_length bytes and "index]": an element's
 * path, without a printf for each of a hundred thousand. */
static const char *
element_path (GString *path,
              gsize    prefix_length,
              guint    index)
{
  g_string_truncate (path, prefix_length);
  aftercare_string_append_uint (path, index);
  g_string_append_c (path, ']');
  return path->str;
}

static gboolean
json_checkins (AftercareBackupReading      *reading,
               const AftercareBackupWhere  *where,
               AftercareSession            *session,
               GError                     **error)
{
  AftercareJsonPlace place = { where->object, where->path };
  JsonArray *array = NULL;
  g_autoptr(GString) path = g_string_new (where->path);
  gsize prefix_length;

  if (!aftercare_json_reader_array (where->json, &place, "checkins", TRUE, &array, error))
    return FALSE;
  g_string_append (path, ".checkins[");
  prefix_length = path->len;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      AftercareBackupWhere checkin_where = { AFTERCARE_BACKUP_FORMAT_JSON, 0, element_path (path, prefix_length, i),
                                             where->json, NULL };

      if (!aftercare_json_reader_element (where->json, &place, "checkins", array, i,
                                          &checkin_where.object, error) ||
          !json_checkin (reading, &checkin_where, session, error))
        return FALSE;
    }
  return TRUE;
}

/* A session read and checked goes on, unless its id came before; its
 * check-ins follow it. */
static gboolean
json_hand_on_session (AftercareBackupReading      *reading,
                      const AftercareBackupWhere  *where,
                      AftercareSession            *session,
                      GError                     **error)
{
  const char *id = aftercare_session_get_id (session);

  if (!aftercare_backup_id_set_add (reading->session_ids, id))
    return aftercare_backup_field_error (where, "id",
                                         g_strdup_printf (_("the session %s appears twice in the file"), id),
                                         error);
  return aftercare_backup_hand_on_session (reading, session, where->path, error);
}

static gboolean
json_session (AftercareBackupReading      *reading,
              const AftercareBackupWhere  *where,
              GError                     **error)
{
  g_autoptr(AftercareSession) session = json_session_values (where, error);

  return session != NULL &&
         json_hand_on_session (reading, where, session, error) &&
         json_checkins (reading, where, session, error);
}

/* Check-ins as they come. A backup has a hundred thousand of them: each
 * object's members are kept as they are read, with no JSON object or
 * line table made for them, and go straight into a check-in when they
 * are the five members, each plainly good. Anything else (a member
 * unknown or given twice, a value that is not right) makes the object
 * after all and reads it the careful way, which says what is wrong, on
 * the line it is on. */

enum { CHECKIN_ID, CHECKIN_AT, CHECKIN_SORENESS, CHECKIN_SYMPTOMS, CHECKIN_NOTES, N_CHECKIN_MEMBERS };

typedef struct
{
  JsonNode *nodes[N_CHECKIN_MEMBERS];   /* in the order of json_checkin_keys */
  guint lines[N_CHECKIN_MEMBERS];
  guint end_line;
} CheckinMembers;

static void
checkin_members_clear (CheckinMembers *members)
{
  for (guint i = 0; i < N_CHECKIN_MEMBERS; i++)
    g_clear_pointer (&members->nodes[i], json_node_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CheckinMembers, checkin_members_clear)

/* The members read so far, moved into a new object with their lines. */
static JsonObject *
checkin_members_to_object (CheckinMembers      *members,
                           AftercareJsonReader *json)
{
  JsonObject *object = json_object_new ();

  for (guint i = 0; i < N_CHECKIN_MEMBERS; i++)
    if (members->nodes[i] != NULL)
      {
        json_object_set_member (object, json_checkin_keys[i], g_steal_pointer (&members->nodes[i]));
        aftercare_json_reader_remember_line (json, object, json_checkin_keys[i], members->lines[i]);
      }
  return object;
}

/* A check-in object's members after its "{", into members; at the first
 * member that is not one of the five or comes again, into a new *object
 * instead, from there on the usual way. */
static gboolean
read_checkin_members (AftercareJsonReader  *json,
                      AftercareJsonStream  *stream,
                      CheckinMembers       *members,
                      JsonObject          **object,
                      GError              **error)
{
  AftercareJsonToken token;

  if (!aftercare_json_reader_next_token (json, stream, &token, error))
    return FALSE;
  while (token != AFTERCARE_JSON_TOKEN_END_OBJECT)
    {
      g_autofree char *other = NULL;
      int k = -1;

      if (token != AFTERCARE_JSON_TOKEN_STRING)
        return aftercare_json_reader_unexpected (json, stream, token, error);
      for (int i = 0; i < N_CHECKIN_MEMBERS && k < 0; i++)
        if (strcmp (aftercare_json_stream_get_string (stream, NULL), json_checkin_keys[i]) == 0)
          k = i;
      if (k < 0 || members->nodes[k] != NULL)
        other = g_strdup (aftercare_json_stream_get_string (stream, NULL));
      if (!aftercare_json_reader_next_token (json, stream, &token, error))
        return FALSE;
      if (token != AFTERCARE_JSON_TOKEN_COLON)
        return aftercare_json_reader_unexpected (json, stream, token, error);
      if (!aftercare_json_reader_next_token (json, stream, &token, error))
        return FALSE;
      if (other != NULL)
        {
          *object = checkin_members_to_object (members, json);
          return aftercare_json_reader_read_members_from (json, stream, *object, 5, other, token, error);
        }
      if ((members->nodes[k] = aftercare_json_reader_read_value (json, stream, token, 6, error)) == NULL)
        return FALSE;
      members->lines[k] = aftercare_json_stream_get_line (stream);
      if (!aftercare_json_reader_next_token (json, stream, &token, error))
        return FALSE;
      if (token == AFTERCARE_JSON_TOKEN_END_OBJECT)
        break;
      if (token != AFTERCARE_JSON_TOKEN_COMMA)
        return aftercare_json_reader_unexpected (json, stream, token, error);
      if (!aftercare_json_reader_next_token (json, stream, &token, error))
        return FALSE;
    }
  members->end_line = aftercare_json_stream_get_line (stream);
  return TRUE;
}

/* The check-in when all five members are there and plainly good, its id
 * new; else NULL, and no error: the careful way tells what is wrong. */
static AftercareCheckin *
plain_checkin (AftercareBackupReading      *reading,
               const AftercareBackupWhere  *where,
               CheckinMembers              *members,
               AftercareSession            *session)
{
  static const char * const names[] = { "id", "at" };
  AftercareJsonReader *json = where->json;
  AftercareBackupCheckinFields fields = { 0 };
  g_autoptr(AftercareCheckin) checkin = NULL;

  for (guint i = 0; i < N_CHECKIN_MEMBERS; i++)
    if (members->nodes[i] == NULL)
      return NULL;
  if (!aftercare_json_reader_plain_string (json, members->nodes[CHECKIN_ID], &fields.id) ||
      !aftercare_json_reader_plain_string (json, members->nodes[CHECKIN_AT], &fields.at) ||
      !aftercare_json_reader_plain_number (members->nodes[CHECKIN_SORENESS], AFTERCARE_SORENESS_MAX,
                                           &fields.soreness) ||
      !aftercare_json_reader_plain_flags (json, members->nodes[CHECKIN_SYMPTOMS], AFTERCARE_TYPE_SYMPTOMS,
                                          &fields.symptoms) ||
      !aftercare_json_reader_plain_string (json, members->nodes[CHECKIN_NOTES], &fields.notes))
    return NULL;
  checkin = aftercare_backup_build_checkin (&fields, session, where, names, NULL);
  if (checkin == NULL || aftercare_backup_id_set_contains (reading->checkin_ids, aftercare_checkin_get_id (checkin)))
    return NULL;
  return g_steal_pointer (&checkin);
}

/* Reading one session's object as it comes. */
typedef struct
{
  AftercareBackupReading *reading;
  const AftercareBackupWhere *where;   /* the session's, its object being filled */
  AftercareJsonStream *stream;
  AftercareSession *session;    /* handed on, once its check-ins came after the rest of it */
  GPtrArray *objects;           /* check-in objects read the careful way, kept with their lines */
} SessionReading;

/* One element of the session's check-ins, from its first token. */
static gboolean
json_stream_checkin (SessionReading         *session_reading,
                     AftercareBackupWhere   *where,
                     guint                   index,
                     AftercareJsonToken      token,
                     GError                **error)
{
  AftercareJsonReader *json = where->json;
  AftercareJsonStream *stream = session_reading->stream;
  AftercareJsonPlace place = { session_reading->where->object, session_reading->where->path };
  g_auto(CheckinMembers) members = { { NULL } };
  JsonObject *object = NULL;
  g_autoptr(AftercareCheckin) checkin = NULL;

  if (token != AFTERCARE_JSON_TOKEN_BEGIN_OBJECT)
    {
      /* Not an object, which element_node() says as the careful way does. */
      g_autoptr(JsonNode) node = aftercare_json_reader_read_value (json, stream, token, 5, error);

      if (node != NULL)
        aftercare_json_reader_element_node (json, &place, "checkins", index, node,
                                            aftercare_json_stream_get_line (stream), &object, error);
      return FALSE;
    }
  if (!read_checkin_members (json, stream, &members, &object, error))
    {
      g_clear_pointer (&object, json_object_unref);
      return FALSE;
    }
  if (object == NULL)
    {
      checkin = plain_checkin (session_reading->reading, where, &members, session_reading->session);
      if (checkin != NULL)
        return aftercare_backup_add_checkin_once (session_reading->reading, checkin, where, "id", where->path,
                                                  error);
      object = checkin_members_to_object (&members, json);
      aftercare_json_reader_remember_line (json, object, NULL, members.end_line);
    }
  /* Kept until the session's lines are forgotten: no later object at
   * its address takes its lines for its own. */
  g_ptr_array_add (session_reading->objects, object);
  where->object = object;
  return json_checkin (session_reading->reading, where, session_reading->session, error);
}

/* The session's check-ins after their "[", each read and handed on in turn. */
static gboolean
json_stream_checkins (SessionReading  *session_reading,
                      GError         **error)
{
  const AftercareBackupWhere *session_where = session_reading->where;
  AftercareJsonStream *stream = session_reading->stream;
  g_autoptr(GString) path = g_string_new (session_where->path);
  AftercareJsonToken token;
  gsize prefix_length;

  g_string_append (path, ".checkins[");
  prefix_length = path->len;
  if (!aftercare_json_reader_next_token (session_where->json, stream, &token, error))
    return FALSE;
  if (token == AFTERCARE_JSON_TOKEN_END_ARRAY)
    return TRUE;
  for (guint i = 0;; i++)
    {
      AftercareBackupWhere where = { AFTERCARE_BACKUP_FORMAT_JSON, 0, element_path (path, prefix_length, i),
                                     session_where->json, NULL };

      if (!json_stream_checkin (session_reading, &where, i, token, error) ||
          !aftercare_json_reader_next_token (session_where->json, stream, &token, error))
        return FALSE;
      if (token == AFTERCARE_JSON_TOKEN_END_ARRAY)
        return TRUE;
      if (token != AFTERCARE_JSON_TOKEN_COMMA)
        return aftercare_json_reader_unexpected (session_where->json, stream, token, error);
      if (!aftercare_json_reader_next_token (session_where->json, stream, &token, error))
        return FALSE;
    }
}

/* A session's members as they come: when its check-ins follow the rest of
 * it (as Aftercare writes them), the session is checked and handed on
 * then, and its check-ins read as they come; otherwise (check-ins first)
 * the session is read whole and checked once it ends. */
static gboolean
json_session_member (const char          *name,
                     AftercareJsonToken   token,
                     gboolean            *taken,
                     gpointer             data,
                     GError             **error)
{
  SessionReading *session_reading = data;
  const AftercareBackupWhere *where = session_reading->where;
  AftercareJsonPlace place = { where->object, where->path };

  if (session_reading->session != NULL)
    {
      /* It went on as it was: no member may come again to change it.
       * The message names the line of the second. */
      g_autoptr(JsonNode) again = NULL;

      if (!json_object_has_member (where->object, name))
        return TRUE;
      /* Read to its end: the message names the line the second one ends
       * on, as every message names a value's. */
      again = aftercare_json_reader_read_value (where->json, session_reading->stream, token, 4, error);
      if (again == NULL)
        return FALSE;
      aftercare_json_reader_remember_line (where->json, where->object, name,
                                           aftercare_json_stream_get_line (session_reading->stream));
      return aftercare_json_reader_fail (where->json, &place, name, AFTERCARE_JSON_PROBLEM_OTHER, error,
                                         _("appears twice"));
    }
  if (strcmp (name, "checkins") != 0 || token != AFTERCARE_JSON_TOKEN_BEGIN_ARRAY)
    return TRUE;
  /* Not all of the rest yet, or something wrong in it: the usual way.
   * (Tried without an error: bad text found now is still told later.) */
  session_reading->session = json_session_values (where, NULL);
  if (session_reading->session == NULL)
    return TRUE;
  *taken = TRUE;
  if (!json_hand_on_session (session_reading->reading, where, session_reading->session, error) ||
      !json_stream_checkins (session_reading, error))
    return FALSE;
  json_object_set_array_member (where->object, name, json_array_new ());
  return TRUE;
}

/* One element of the sessions list, from its first token. */
static gboolean
json_stream_session (AftercareBackupReading  *reading,
                     AftercareBackupWhere    *where,
                     AftercareJsonStream     *stream,
                     JsonObject              *top,
                     guint                    index,
                     AftercareJsonToken       token,
                     GError                 **error)
{
  AftercareJsonPlace top_place = { top, "" };
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(GPtrArray) objects = NULL;
  SessionReading session_reading = { reading, where, stream, NULL, NULL };
  AftercareJsonPlace place;
  gboolean ok;

  if (token != AFTERCARE_JSON_TOKEN_BEGIN_OBJECT)
    {
      /* Not an object, which element_node() says as the careful way does. */
      g_autoptr(JsonNode) node = aftercare_json_reader_read_value (where->json, stream, token, 3, error);

      if (node != NULL)
        aftercare_json_reader_element_node (where->json, &top_place, "sessions", index, node,
                                            aftercare_json_stream_get_line (stream), &where->object, error);
      return FALSE;
    }
  object = json_object_new ();
  objects = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  where->object = object;
  session_reading.objects = objects;
  place = (AftercareJsonPlace) { object, where->path };
  ok = aftercare_json_reader_read_members (where->json, stream, object, 3, json_session_member, &session_reading,
                                           error);
  if (ok)
    ok = session_reading.session != NULL
           ? aftercare_json_reader_check_members (where->json, &place, json_session_keys, error)
           : json_session (reading, where, error);
  g_clear_object (&session_reading.session);
  aftercare_json_reader_forget_lines (where->json, top);
  return ok;
}

static const char * const json_top_keys[] = {
  "format", "version", "exported_at", "sessions", NULL
};

/* With partial, as far as the members read so far go: *checked says
 * whether all of the header was there. */
static gboolean
json_header (const AftercareBackupWhere  *where,
             gboolean                     partial,
             gboolean                    *checked,
             GError                     **error)
{
  AftercareJsonPlace place = { where->object, where->path };
  g_autoptr(GDateTime) exported_at = NULL;
  const char *format = NULL;
  guint version = 0;

  if (partial && !json_object_has_member (where->object, "format"))
    return TRUE;
  if (!aftercare_json_reader_string (where->json, &place, "format", TRUE, &format, error))
    return FALSE;
  if (strcmp (format, AFTERCARE_BACKUP_FORMAT_NAME) != 0)
    return aftercare_backup_field_error (where, "format",
                                         g_strdup_printf (_("is “%s”, not “%s”: this is not an Aftercare backup"),
                                                          format, AFTERCARE_BACKUP_FORMAT_NAME), error);
  if (!aftercare_json_reader_check_members (where->json, &place, json_top_keys, error))
    return FALSE;
  if (partial && !json_object_has_member (where->object, "version"))
    return TRUE;
  if (!aftercare_json_reader_number (where->json, &place, "version", TRUE, G_MAXINT, &version, error))
    return FALSE;
  if (version > AFTERCARE_BACKUP_VERSION)
    return aftercare_backup_field_error (where, "version",
                                         g_strdup_printf (_("%u is not known: the file was written by a newer "
                                                            "version of Aftercare"), version), error);
  if (version != AFTERCARE_BACKUP_VERSION)
    return aftercare_backup_field_error (where, "version",
                                         g_strdup_printf (_("must be %d, not %u"), AFTERCARE_BACKUP_VERSION,
                                                          version), error);
  if (partial && !json_object_has_member (where->object, "exported_at"))
    return TRUE;
  if (!aftercare_json_reader_time (where->json, &place, "exported_at", TRUE, &exported_at, error))
    return FALSE;
  *checked = TRUE;
  return TRUE;
}

/* The sessions array, after its "[": each session read, checked and
 * handed on in turn, then dropped. */
static gboolean
json_sessions (AftercareBackupReading  *reading,
               AftercareJsonReader     *json,
               AftercareJsonStream     *stream,
               JsonObject              *top,
               GError                 **error)
{
  AftercareJsonToken token;
  g_autoptr(GString) path = g_string_new ("sessions[");
  gsize prefix_length = path->len;

  if (!aftercare_json_reader_next_token (json, stream, &token, error))
    return FALSE;
  if (token == AFTERCARE_JSON_TOKEN_END_ARRAY)
    return TRUE;
  for (guint i = 0;; i++)
    {
      AftercareBackupWhere where = { AFTERCARE_BACKUP_FORMAT_JSON, 0, element_path (path, prefix_length, i), json,
                                     NULL };

      if (!json_stream_session (reading, &where, stream, top, i, token, error) ||
          !aftercare_json_reader_next_token (json, stream, &token, error))
        return FALSE;
      if (token == AFTERCARE_JSON_TOKEN_END_ARRAY)
        return TRUE;
      if (token != AFTERCARE_JSON_TOKEN_COMMA)
        return aftercare_json_reader_unexpected (json, stream, token, error);
      if (!aftercare_json_reader_next_token (json, stream, &token, error))
        return FALSE;
    }
}

/* What a document that is not an object is, from its first token. */
static const char *
describe_token (AftercareJsonToken token)
{
  switch (token)
    {
    case AFTERCARE_JSON_TOKEN_BEGIN_ARRAY: return _("a list");
    case AFTERCARE_JSON_TOKEN_STRING: return _("text");
    case AFTERCARE_JSON_TOKEN_TRUE:
    case AFTERCARE_JSON_TOKEN_FALSE: return _("true or false");
    case AFTERCARE_JSON_TOKEN_NULL: return _("null");
    case AFTERCARE_JSON_TOKEN_INTEGER:
    case AFTERCARE_JSON_TOKEN_DOUBLE: return _("a number");
    default: return NULL;
    }
}

/* A document that is not an object: passed over (lists only counted, not
 * kept) to say what is wrong with it first, as load() would. */
static gboolean
not_an_object (AftercareJsonReader  *json,
               AftercareJsonStream  *stream,
               AftercareJsonToken    first,
               GError              **error)
{
  AftercareJsonToken token = first;
  g_autofree char *message = NULL;
  guint depth = 0;

  if (describe_token (first) == NULL)
    return aftercare_json_reader_unexpected (json, stream, token, error);
  do
    {
      if (token == AFTERCARE_JSON_TOKEN_BEGIN_ARRAY || token == AFTERCARE_JSON_TOKEN_BEGIN_OBJECT)
        {
          if (++depth > AFTERCARE_JSON_MAX_DEPTH)
            {
              message = g_strdup_printf (_("is nested more than %u levels deep"), AFTERCARE_JSON_MAX_DEPTH);
              return aftercare_json_reader_fail_document (json, AFTERCARE_JSON_PROBLEM_NOT_JSON, message, error);
            }
        }
      else if (token == AFTERCARE_JSON_TOKEN_END_ARRAY || token == AFTERCARE_JSON_TOKEN_END_OBJECT)
        depth--;
      if (depth > 0 && !aftercare_json_reader_next_token (json, stream, &token, error))
        return FALSE;
      if (token == AFTERCARE_JSON_TOKEN_END && depth > 0)
        return aftercare_json_reader_unexpected (json, stream, token, error);
    }
  while (depth > 0);
  if (!aftercare_json_reader_next_token (json, stream, &token, error))
    return FALSE;
  if (token != AFTERCARE_JSON_TOKEN_END)
    return aftercare_json_reader_fail_document (json, AFTERCARE_JSON_PROBLEM_NOT_JSON,
                                                _("must be one JSON object with nothing before or after it"), error);
  message = g_strdup_printf (_("must be a JSON object, not %s"), describe_token (first));
  return aftercare_json_reader_fail_document (json, AFTERCARE_JSON_PROBLEM_WRONG_TYPE, message, error);
}

/* Reading the top object. */
typedef struct
{
  AftercareBackupReading *reading;
  const AftercareBackupWhere *top;
  AftercareJsonStream *stream;
  gboolean sessions_read;
  gboolean header_checked;
} Top;

/* The sessions list as it comes, each session read and handed on. */
static gboolean
json_top_member (const char          *name,
                 AftercareJsonToken   token,
                 gboolean            *taken,
                 gpointer             data,
                 GError             **error)
{
  Top *top = data;
  AftercareJsonPlace place = { top->top->object, "" };

  if (strcmp (name, "sessions") != 0)
    return TRUE;
  if (top->sessions_read)
    /* Its first list is gone already: which one counts cannot be told. */
    return aftercare_json_reader_fail (top->top->json, &place, name, AFTERCARE_JSON_PROBLEM_OTHER, error,
                                       _("appears twice"));
  if (token != AFTERCARE_JSON_TOKEN_BEGIN_ARRAY)
    return TRUE;
  /* The header is checked as far as it came before the sessions; the
   * rest, after them. */
  top->sessions_read = *taken = TRUE;
  if (!json_header (top->top, TRUE, &top->header_checked, error) ||
      !json_sessions (top->reading, top->top->json, top->stream, top->top->object, error))
    return FALSE;
  json_object_set_array_member (top->top->object, name, json_array_new ());
  return TRUE;
}

gboolean
aftercare_backup_read_json (AftercareBackupReading  *reading,
                            AftercareJsonStream     *stream,
                            GError                 **error)
{
  g_autoptr(AftercareJsonReader) json =
    aftercare_json_reader_new ("backup", AFTERCARE_BACKUP_ERROR, reader_codes, TRUE);
  g_autoptr(JsonObject) object = json_object_new ();
  AftercareBackupWhere top = { AFTERCARE_BACKUP_FORMAT_JSON, 0, "", json, object };
  AftercareJsonPlace place = { object, "" };
  AftercareJsonToken token;
  JsonArray *sessions = NULL;
  Top reading_top = { reading, &top, stream, FALSE, FALSE };

  if (!aftercare_json_reader_next_token (json, stream, &token, error))
    return FALSE;
  if (token == AFTERCARE_JSON_TOKEN_END)
    return aftercare_json_reader_fail_document (json, AFTERCARE_JSON_PROBLEM_NOT_JSON, _("is empty"), error);
  if (token != AFTERCARE_JSON_TOKEN_BEGIN_OBJECT)
    return not_an_object (json, stream, token, error);
  if (!aftercare_json_reader_read_members (json, stream, object, 1, json_top_member, &reading_top, error) ||
      !aftercare_json_reader_next_token (json, stream, &token, error))
    return FALSE;
  if (token != AFTERCARE_JSON_TOKEN_END)
    return aftercare_json_reader_fail_document (json, AFTERCARE_JSON_PROBLEM_NOT_JSON,
                                                _("must be one JSON object with nothing before or after it"), error);
  /* Members after the sessions are checked too. */
  return (reading_top.header_checked ? aftercare_json_reader_check_members (json, &place, json_top_keys, error)
                                     : json_header (&top, FALSE, &reading_top.header_checked, error)) &&
         aftercare_json_reader_array (json, &place, "sessions", TRUE, &sessions, error) &&
         aftercare_json_reader_check_text (json, error);
}
