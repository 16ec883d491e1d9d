/* aftercare-session-pattern.c: your own pattern for a stored session's kind, read from the store. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-session-pattern"

#include "aftercare-session-pattern.h"
#include "aftercare-store-scan.h"

/* Whether a session is the client's (any client's, for NULL). */
static gboolean
is_clients (AftercareSession *session,
            gpointer          client)
{
  return client == NULL || aftercare_pattern_same_client (aftercare_session_get_client (session), client);
}

/* The sessions in store, newest first, among the newest
 * AFTERCARE_PATTERN_LOOK_BACK, of one type and pressure (any, for a
 * negative type) and client (any, for NULL); at most limit (0: all). */
static GPtrArray *
list_sessions (AftercareStore  *store,
               int              type,
               int              pressure,
               const char      *client,
               guint            limit,
               GError         **error)
{
  g_autoptr(GPtrArray) of_kind = NULL;
  GPtrArray *kept;

  if (type < 0)
    return aftercare_store_list_newest_kept (store, AFTERCARE_PATTERN_LOOK_BACK, is_clients, (gpointer) client,
                                             limit, error);
  /* One kind: the database picks it out of the newest, and only those
   * sessions are read; the client's own among them are picked here. */
  of_kind = aftercare_store_list_newest_of_kind (store, AFTERCARE_PATTERN_LOOK_BACK, type, pressure, error);
  if (of_kind == NULL)
    return NULL;
  kept = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < of_kind->len && (limit == 0 || kept->len < limit); i++)
    {
      AftercareSession *session = g_ptr_array_index (of_kind, i);

      if (is_clients (session, (gpointer) client))
        g_ptr_array_add (kept, g_object_ref (session));
    }
  return kept;
}

GPtrArray *
aftercare_store_list_kind (AftercareStore       *store,
                           AftercareMassageType  type,
                           AftercarePressure     pressure,
                           const char           *client,
                           guint                 limit,
                           GError              **error)
{
  g_return_val_if_fail (AFTERCARE_IS_STORE (store), NULL);

  return list_sessions (store, type, pressure, client, limit, error);
}

GPtrArray *
aftercare_store_list_client (AftercareStore  *store,
                             const char      *client,
                             GError         **error)
{
  g_return_val_if_fail (AFTERCARE_IS_STORE (store), NULL);
  g_return_val_if_fail (client != NULL, NULL);

  return list_sessions (store, -1, -1, client, 0, error);
}

GPtrArray *
aftercare_session_list_same_kind (AftercareStore    *store,
                                  AftercareSession  *session,
                                  gboolean           per_client,
                                  guint              limit,
                                  GError           **error)
{
  g_return_val_if_fail (AFTERCARE_IS_SESSION (session), NULL);

  return aftercare_store_list_kind (store, aftercare_session_get_massage_type (session),
                                    aftercare_session_get_pressure (session),
                                    per_client ? aftercare_session_get_client (session) : NULL, limit, error);
}

/* The kind's pattern, leaving out the session with except_id (or none). */
static gboolean
pattern_of_kind (AftercareStore          *store,
                 AftercareMassageType     type,
                 AftercarePressure        pressure,
                 const char              *client,
                 const char              *except_id,
                 AftercarePatternSummary *summary,
                 GError                 **error)
{
  g_autoptr(GPtrArray) kind = aftercare_store_list_kind (store, type, pressure, client, 0, error);
  g_autoptr(AftercarePattern) pattern = aftercare_pattern_new ();
  g_autoptr(GHashTable) by_session = NULL;

  if (kind == NULL)
    return FALSE;
  /* Their check-ins in one go: one round trip to a server, not one a session. */
  by_session = aftercare_store_list_checkins_of (store, kind, error);
  if (by_session == NULL)
    return FALSE;
  for (guint i = 0; i < kind->len; i++)
    {
      AftercareSession *other = g_ptr_array_index (kind, i);

      /* One with no check-in (none found) counts for nothing. */
      if (g_strcmp0 (aftercare_session_get_id (other), except_id) != 0)
        aftercare_pattern_add_session (pattern, other, g_hash_table_lookup (by_session, aftercare_session_get_id (other)));
    }
  aftercare_pattern_summarize (pattern, type, pressure, client, summary);
  return TRUE;
}

gboolean
aftercare_store_pattern_of_kind (AftercareStore          *store,
                                 AftercareMassageType     type,
                                 AftercarePressure        pressure,
                                 const char              *client,
                                 AftercarePatternSummary *summary,
                                 GError                 **error)
{
  g_return_val_if_fail (AFTERCARE_IS_STORE (store), FALSE);
  g_return_val_if_fail (summary != NULL, FALSE);

  return pattern_of_kind (store, type, pressure, client, NULL, summary, error);
}

gboolean
aftercare_session_pattern (AftercareStore          *store,
                           AftercareSession        *session,
                           gboolean                 per_client,
                           AftercarePatternSummary *summary,
                           GError                 **error)
{
  g_return_val_if_fail (AFTERCARE_IS_STORE (store), FALSE);
  g_return_val_if_fail (AFTERCARE_IS_SESSION (session), FALSE);
  g_return_val_if_fail (summary != NULL, FALSE);

  return pattern_of_kind (store, aftercare_session_get_massage_type (session),
                          aftercare_session_get_pressure (session),
                          per_client ? aftercare_session_get_client (session) : NULL,
                          aftercare_session_get_id (session), summary, error);
}
