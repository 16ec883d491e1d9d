/* aftercare-store-backend.c: what a database must do for the store; SQL lives only behind this. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-store-backend"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "aftercare-store-backend.h"
#include "aftercare-store-error.h"
#include "aftercare-time.h"

G_DEFINE_INTERFACE (AftercareStoreBackend, aftercare_store_backend, G_TYPE_OBJECT)

static void
aftercare_store_backend_default_init (AftercareStoreBackendInterface *iface)
{
  g_object_interface_install_property (iface,
                                       g_param_spec_boolean ("connected", NULL, NULL, TRUE,
                                                             G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                                             G_PARAM_STATIC_STRINGS));
  g_signal_new ("changed", G_TYPE_FROM_INTERFACE (iface), G_SIGNAL_RUN_LAST,
                0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

#define IFACE(self) AFTERCARE_STORE_BACKEND_GET_IFACE (self)

gboolean
aftercare_store_backend_begin_write (AftercareStoreBackend  *self,
                                     GError                **error)
{
  g_return_val_if_fail (AFTERCARE_IS_STORE_BACKEND (self), FALSE);
  return IFACE (self)->begin_write (self, error);
}

gboolean
aftercare_store_backend_begin_bulk_write (AftercareStoreBackend  *self,
                                          GError                **error)
{
  g_return_val_if_fail (AFTERCARE_IS_STORE_BACKEND (self), FALSE);
  if (IFACE (self)->begin_bulk_write == NULL)
    return IFACE (self)->begin_write (self, error);
  return IFACE (self)->begin_bulk_write (self, error);
}

gboolean
aftercare_store_backend_begin_read (AftercareStoreBackend  *self,
                                    GError                **error)
{
  g_return_val_if_fail (AFTERCARE_IS_STORE_BACKEND (self), FALSE);
  return IFACE (self)->begin_read (self, error);
}

gboolean
aftercare_store_backend_commit (AftercareStoreBackend  *self,
                                GError                **error)
{
  g_return_val_if_fail (AFTERCARE_IS_STORE_BACKEND (self), FALSE);
  return IFACE (self)->commit (self, error);
}

void
aftercare_store_backend_rollback (AftercareStoreBackend *self)
{
  g_return_if_fail (AFTERCARE_IS_STORE_BACKEND (self));
  IFACE (self)->rollback (self);
}

guint64
aftercare_store_backend_get_change_stamp (AftercareStoreBackend *self)
{
  g_return_val_if_fail (AFTERCARE_IS_STORE_BACKEND (self), 0);
  return IFACE (self)->get_change_stamp (self);
}

gboolean
aftercare_store_backend_count_sessions (AftercareStoreBackend  *self,
                                        guint                  *n_sessions,
                                        GError                **error)
{
  g_return_val_if_fail (AFTERCARE_IS_STORE_BACKEND (self), FALSE);
  g_return_val_if_fail (n_sessions != NULL, FALSE);
  return IFACE (self)->count_sessions (self, n_sessions, error);
}

gboolean
aftercare_store_backend_count_sessions_before (AftercareStoreBackend  *self,
                                               AftercareSession       *session,
                                               guint                  *position,
                                               GError                **error)
{
  g_return_val_if_fail (AFTERCARE_IS_STORE_BACKEND (self), FALSE);
  g_return_val_if_fail (AFTERCARE_IS_SESSION (session), FALSE);
  g_return_val_if_fail (position != NULL, FALSE);
  return IFACE (self)->count_sessions_before (self, session, position, error);
}

GPtrArray *
aftercare_store_backend_list_sessions (AftercareStoreBackend  *self,
                                       AftercareSession       *after,
                                       guint                   skip,
                                       guint                   limit,
                                       GError                **error)
{
  g_return_val_if_fail (AFTERCARE_IS_STORE_BACKEND (self), NULL);
  g_return_val_if_fail (after == NULL || AFTERCARE_IS_SESSION (after), NULL);
  return IFACE (self)->list_sessions (self, after, skip, limit, error);
}

GPtrArray *
aftercare_store_backend_list_newest_of_kind (AftercareStoreBackend  *self,
                                             guint                   look_back,
                                             const char             *type,
                                             const char             *pressure,
                                             GError                **error)
{
  g_return_val_if_fail (AFTERCARE_IS_STORE_BACKEND (self), NULL);
  g_return_val_if_fail (type != NULL && pressure != NULL, NULL);
  return IFACE (self)->list_newest_of_kind (self, look_back, type, pressure, error);
}

AftercareSession *
aftercare_store_backend_get_session (AftercareStoreBackend  *self,
                                     const char             *session_id,
                                     GError                **error)
{
  g_return_val_if_fail (AFTERCARE_IS_STORE_BACKEND (self), NULL);
  g_return_val_if_fail (session_id != NULL, NULL);
  return IFACE (self)->get_session (self, session_id, error);
}

/* The last guard before a row is written: text that is not UTF-8 (which
 * a reader let through) would spoil every later export of the database. */
static gboolean
check_text (const char * const  *texts,
            guint                n_texts,
            GError             **error)
{
  for (guint i = 0; i < n_texts; i++)
    if (texts[i] != NULL && !g_utf8_validate (texts[i], -1, NULL))
      {
        g_set_error_literal (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_INVALID,
                             _("A name or a note is not valid text (not UTF-8); nothing was saved"));
        return FALSE;
      }
  return TRUE;
}

static gboolean
check_session_text (AftercareSession  *session,
                    GError           **error)
{
  const char * const texts[] = {
    aftercare_session_get_client (session), aftercare_session_get_therapist (session),
    aftercare_session_get_notes (session),
  };

  return check_text (texts, G_N_ELEMENTS (texts), error);
}

static gboolean
check_checkin_text (AftercareCheckin  *checkin,
                    GError           **error)
{
  const char * const texts[] = { aftercare_checkin_get_notes (checkin) };

  return check_text (texts, G_N_ELEMENTS (texts), error);
}

GPtrArray *
aftercare_store_backend_get_sessions (AftercareStoreBackend  *self,
                                      const char * const     *ids,
                                      guint                   n_ids,
                                      GError                **error)
{
  g_return_val_if_fail (AFTERCARE_IS_STORE_BACKEND (self), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);
  return IFACE (self)->get_sessions (self, ids, n_ids, error);
}

GArray *
aftercare_store_backend_search_sessions (AftercareStoreBackend  *self,
                                         const char             *words,
                                         const char * const     *keys,
                                         GError                **error)
{
  static const char * const no_keys[] = { NULL };

  g_return_val_if_fail (AFTERCARE_IS_STORE_BACKEND (self), NULL);
  g_return_val_if_fail (words != NULL && *words != '\0', NULL);
  return IFACE (self)->search_sessions (self, words, keys != NULL ? keys : no_keys, error);
}

gboolean
aftercare_store_backend_insert_session (AftercareStoreBackend  *self,
                                        AftercareSession       *session,
                                        GError                **error)
{
  g_return_val_if_fail (AFTERCARE_IS_STORE_BACKEND (self), FALSE);
  g_return_val_if_fail (AFTERCARE_IS_SESSION (session), FALSE);
  return check_session_text (session, error) && IFACE (self)->insert_session (self, session, error);
}

gboolean
aftercare_store_backend_update_session (AftercareStoreBackend  *self,
                                        AftercareSession       *session,
                                        GError                **error)
{
  g_return_val_if_fail (AFTERCARE_IS_STORE_BACKEND (self), FALSE);
  g_return_val_if_fail (AFTERCARE_IS_SESSION (session), FALSE);
  return check_session_text (session, error) && IFACE (self)->update_session (self, session, error);
}

gboolean
aftercare_store_backend_delete_session (AftercareStoreBackend  *self,
                                        const char             *session_id,
                                        GError                **error)
{
  g_return_val_if_fail (AFTERCARE_IS_STORE_BACKEND (self), FALSE);
  g_return_val_if_fail (session_id != NULL, FALSE);
  return IFACE (self)->delete_session (self, session_id, error);
}

GPtrArray *
aftercare_store_backend_list_checkins (AftercareStoreBackend  *self,
                                       const char             *session_id,
                                       GError                **error)
{
  g_return_val_if_fail (AFTERCARE_IS_STORE_BACKEND (self), NULL);
  g_return_val_if_fail (session_id != NULL, NULL);
  return IFACE (self)->list_checkins (self, session_id, error);
}

GPtrArray *
aftercare_store_backend_list_checkins_between (AftercareStoreBackend  *self,
                                               AftercareSession       *first,
                                               AftercareSession       *last,
                                               GError                **error)
{
  g_return_val_if_fail (AFTERCARE_IS_STORE_BACKEND (self), NULL);
  g_return_val_if_fail (AFTERCARE_IS_SESSION (first) && AFTERCARE_IS_SESSION (last), NULL);
  return IFACE (self)->list_checkins_between (self, first, last, error);
}

GPtrArray *
aftercare_store_backend_list_checkins_of (AftercareStoreBackend  *self,
                                          const char * const     *session_ids,
                                          guint                   n_ids,
                                          GError                **error)
{
  g_autoptr(GPtrArray) all = NULL;

  g_return_val_if_fail (AFTERCARE_IS_STORE_BACKEND (self), NULL);
  g_return_val_if_fail (session_ids != NULL || n_ids == 0, NULL);
  if (IFACE (self)->list_checkins_of != NULL)
    return IFACE (self)->list_checkins_of (self, session_ids, n_ids, error);
  all = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n_ids; i++)
    {
      g_autoptr(GPtrArray) checkins = IFACE (self)->list_checkins (self, session_ids[i], error);

      if (checkins == NULL)
        return NULL;
      g_ptr_array_extend_and_steal (all, g_steal_pointer (&checkins));
    }
  return g_steal_pointer (&all);
}

AftercareCheckin *
aftercare_store_backend_get_checkin (AftercareStoreBackend  *self,
                                     const char             *checkin_id,
                                     GError                **error)
{
  g_return_val_if_fail (AFTERCARE_IS_STORE_BACKEND (self), NULL);
  g_return_val_if_fail (checkin_id != NULL, NULL);
  return IFACE (self)->get_checkin (self, checkin_id, error);
}

GPtrArray *
aftercare_store_backend_get_checkins (AftercareStoreBackend  *self,
                                      const char * const     *ids,
                                      guint                   n_ids,
                                      GError                **error)
{
  g_return_val_if_fail (AFTERCARE_IS_STORE_BACKEND (self), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);
  return IFACE (self)->get_checkins (self, ids, n_ids, error);
}

gboolean
aftercare_store_backend_insert_checkin (AftercareStoreBackend  *self,
                                        AftercareCheckin       *checkin,
                                        GError                **error)
{
  g_return_val_if_fail (AFTERCARE_IS_STORE_BACKEND (self), FALSE);
  g_return_val_if_fail (AFTERCARE_IS_CHECKIN (checkin), FALSE);
  return check_checkin_text (checkin, error) && IFACE (self)->insert_checkin (self, checkin, error);
}

gboolean
aftercare_store_backend_update_checkin (AftercareStoreBackend  *self,
                                        AftercareCheckin       *checkin,
                                        GError                **error)
{
  g_return_val_if_fail (AFTERCARE_IS_STORE_BACKEND (self), FALSE);
  g_return_val_if_fail (AFTERCARE_IS_CHECKIN (checkin), FALSE);
  return check_checkin_text (checkin, error) && IFACE (self)->update_checkin (self, checkin, error);
}

gboolean
aftercare_store_backend_delete_checkin (AftercareStoreBackend  *self,
                                        const char             *checkin_id,
                                        GError                **error)
{
  g_return_val_if_fail (AFTERCARE_IS_STORE_BACKEND (self), FALSE);
  g_return_val_if_fail (checkin_id != NULL, FALSE);
  return IFACE (self)->delete_checkin (self, checkin_id, error);
}

const char *
aftercare_store_backend_get_read_only_reason (AftercareStoreBackend *self)
{
  g_return_val_if_fail (AFTERCARE_IS_STORE_BACKEND (self), NULL);
  if (IFACE (self)->get_read_only_reason == NULL)
    return NULL;
  return IFACE (self)->get_read_only_reason (self);
}

gboolean
aftercare_store_backend_get_connected (AftercareStoreBackend *self)
{
  gboolean connected = TRUE;

  g_return_val_if_fail (AFTERCARE_IS_STORE_BACKEND (self), FALSE);
  g_object_get (self, "connected", &connected, NULL);
  return connected;
}

static void
clear_session_key (gpointer data)
{
  g_free (((AftercareSessionKey *) data)->id);
}

GArray *
aftercare_session_key_array_new (guint reserved)
{
  GArray *keys = g_array_sized_new (FALSE, FALSE, sizeof (AftercareSessionKey), reserved);

  g_array_set_clear_func (keys, clear_session_key);
  return keys;
}

void
aftercare_session_key_array_add (GArray     *keys,
                                 const char *id,
                                 gint64      ended_usec)
{
  AftercareSessionKey key = { g_strdup (id), ended_usec };

  g_array_append_val (keys, key);
}

int
aftercare_session_key_compare (const AftercareSessionKey *a,
                               const AftercareSessionKey *b)
{
  if (a->ended_usec != b->ended_usec)
    return a->ended_usec > b->ended_usec ? -1 : 1;
  return -strcmp (a->id, b->id);
}

char *
aftercare_store_backend_fold (const char *text)
{
  g_autofree char *decomposed = g_utf8_normalize (text != NULL ? text : "", -1, G_NORMALIZE_NFKD);
  GString *bare;

  if (decomposed == NULL)
    return g_strdup ("");
  /* Accents are marks after their letter once decomposed: drop them. */
  bare = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_type (c) != G_UNICODE_NON_SPACING_MARK)
        g_string_append_unichar (bare, c);
    }
  {
    g_autofree char *folded = g_utf8_casefold (bare->str, bare->len);

    g_string_free (bare, TRUE);
    return g_utf8_normalize (folded, -1, G_NORMALIZE_NFC);
  }
}

char *
aftercare_store_backend_search_words (const char *client,
                                      const char *therapist,
                                      const char *notes)
{
  g_autofree char *joined = g_strjoin ("\n", client != NULL ? client : "", therapist != NULL ? therapist : "",
                                       notes != NULL ? notes : "", NULL);

  return aftercare_store_backend_fold (joined);
}

char *
aftercare_store_backend_search_keys (const char *type_key,
                                     const char *areas)
{
  return g_strconcat (";", type_key, ";", areas, ";", NULL);
}

int
aftercare_store_backend_compare_sessions (AftercareSession *a,
                                          AftercareSession *b)
{
  int by_end;

  g_return_val_if_fail (AFTERCARE_IS_SESSION (a) && AFTERCARE_IS_SESSION (b), 0);
  /* Newest first, then by id, descending: the same order as the backends'
   * indexes (byte order of the id, as SQLite's BINARY collation). */
  by_end = g_date_time_compare (aftercare_session_get_ended_at (b),
                                aftercare_session_get_ended_at (a));
  if (by_end != 0)
    return by_end;
  return -g_strcmp0 (aftercare_session_get_id (a), aftercare_session_get_id (b));
}

/* "14:02" (or "2:02 PM", as the desktop shows clocks), with the day when
 * it was not today ("Wed 26 Nov 14:02"). */
static char *
format_changed_at (gint64               changed_at_usec,
                   AftercareTimeSource *time_source)
{
  g_autoptr(GDateTime) now = aftercare_time_source_now (time_source);
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (changed_at_usec / G_USEC_PER_SEC);

  return utc != NULL ? aftercare_time_format_clock (utc, now, aftercare_time_source_get_clock_24h (time_source))
                     : NULL;
}

gboolean
aftercare_store_backend_set_conflict (AftercareStoreRowKind   kind,
                                      gint64                  changed_at_usec,
                                      AftercareTimeSource    *time_source,
                                      GError                **error)
{
  g_autofree char *when = NULL;

  g_return_val_if_fail (AFTERCARE_IS_TIME_SOURCE (time_source), FALSE);
  if (changed_at_usec > 0)
    when = format_changed_at (changed_at_usec, time_source);

  if (when == NULL)
    g_set_error_literal (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_CONFLICT,
                         kind == AFTERCARE_STORE_ROW_SESSION
                           ? _("This session was changed at another desk meanwhile; reload to see it. "
                               "Nothing was overwritten.")
                           : _("This check-in was changed at another desk meanwhile; reload to see it. "
                               "Nothing was overwritten."));
  else
    g_set_error (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_CONFLICT,
                 kind == AFTERCARE_STORE_ROW_SESSION
                   /* Translators: %s is a clock time, "14:02" (or "Wed 26 Nov 14:02"). */
                   ? _("This session was changed at another desk at %s; reload to see it. "
                       "Nothing was overwritten.")
                   /* Translators: %s is a clock time, "14:02" (or "Wed 26 Nov 14:02"). */
                   : _("This check-in was changed at another desk at %s; reload to see it. "
                       "Nothing was overwritten."),
                 when);
  return FALSE;
}

static gpointer
set_unreadable_row (const char  *id,
                    const char  *column,
                    GError     **error)
{
  g_set_error (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_DAMAGED,
               _("The stored entry %s has an unreadable “%s”"), id, column);
  return NULL;
}

/* The session row's checked values, or the column that is wrong. */
static const char *
read_session_values (const AftercareStoredSession  *row,
                     AftercareSession           *session)
{
  g_autoptr(GDateTime) ended_at = aftercare_time_parse (row->ended_at);
  int type, pressure;
  guint areas;

  if (ended_at == NULL)
    return "ended_at";
  if (row->duration_minutes < 0 || row->duration_minutes > 24 * 60)
    return "duration_minutes";
  if (!aftercare_enum_from_key (AFTERCARE_TYPE_MASSAGE_TYPE, row->type, &type))
    return "type";
  if (!aftercare_enum_from_key (AFTERCARE_TYPE_PRESSURE, row->pressure, &pressure))
    return "pressure";
  if (!aftercare_flags_from_string (AFTERCARE_TYPE_AREAS, row->areas, &areas, NULL))
    return "areas";
  aftercare_session_set_ended_at (session, ended_at);
  aftercare_session_set_duration_minutes (session, (guint) row->duration_minutes);
  aftercare_session_set_massage_type (session, type);
  aftercare_session_set_pressure (session, pressure);
  aftercare_session_set_areas (session, areas);
  return NULL;
}

AftercareSession *
aftercare_store_backend_session_from_row (const AftercareStoredSession  *row,
                                          GError                    **error)
{
  g_autoptr(AftercareSession) session = NULL;
  const char *bad_column;

  g_return_val_if_fail (row != NULL && row->id != NULL, NULL);

  session = g_object_new (AFTERCARE_TYPE_SESSION, "id", row->id, NULL);
  if ((bad_column = read_session_values (row, session)) != NULL)
    return set_unreadable_row (row->id, bad_column, error);
  aftercare_session_set_first_time (session, row->first_time);
  aftercare_session_set_client (session, row->client);
  aftercare_session_set_therapist (session, row->therapist);
  aftercare_session_set_notes (session, row->notes);
  aftercare_session_set_version (session, MAX (row->version, 0));
  return g_steal_pointer (&session);
}

AftercareCheckin *
aftercare_store_backend_checkin_from_row (const AftercareStoredCheckin  *row,
                                          GError                    **error)
{
  g_autoptr(GDateTime) at = NULL;
  AftercareCheckin *checkin;
  guint symptoms = 0;

  g_return_val_if_fail (row != NULL && row->id != NULL, NULL);

  at = aftercare_time_parse (row->at);
  if (at == NULL)
    return set_unreadable_row (row->id, "at", error);
  if (row->soreness < 0 || row->soreness > AFTERCARE_SORENESS_MAX)
    return set_unreadable_row (row->id, "soreness", error);
  if (!aftercare_flags_from_string (AFTERCARE_TYPE_SYMPTOMS, row->symptoms, &symptoms, NULL))
    return set_unreadable_row (row->id, "symptoms", error);
  checkin = g_object_new (AFTERCARE_TYPE_CHECKIN, "id", row->id, "session-id", row->session_id, "at", at,
                          "soreness", (guint) row->soreness, "symptoms", symptoms, NULL);
  aftercare_checkin_set_notes (checkin, row->notes);
  aftercare_checkin_set_version (checkin, MAX (row->version, 0));
  return checkin;
}

gint64
aftercare_store_backend_unix_usec (GDateTime *time)
{
  g_return_val_if_fail (time != NULL, 0);
  return g_date_time_to_unix (time) * G_USEC_PER_SEC + g_date_time_get_microsecond (time);
}
