/* aftercare-session-pattern.c: your own pattern for a stored session's kind, read from the store. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-session-pattern"

#include "aftercare-session-pattern.h"

GPtrArray *
aftercare_session_list_same_kind (AftercareStore   *store,
                                  AftercareSession *session,
                                  gboolean          per_client,
                                  guint             limit)
{
  GListModel *sessions;
  GPtrArray *kind;
  guint n;

  g_return_val_if_fail (AFTERCARE_IS_STORE (store), NULL);
  g_return_val_if_fail (AFTERCARE_IS_SESSION (session), NULL);

  sessions = aftercare_store_get_sessions (store);
  kind = g_ptr_array_new_with_free_func (g_object_unref);
  n = g_list_model_get_n_items (sessions);
  for (guint i = 0; i < n && (limit == 0 || kind->len < limit); i++)
    {
      g_autoptr(AftercareSession) other = g_list_model_get_item (sessions, i);

      if (aftercare_session_get_massage_type (other) != aftercare_session_get_massage_type (session) ||
          aftercare_session_get_pressure (other) != aftercare_session_get_pressure (session) ||
          (per_client && !aftercare_pattern_same_client (aftercare_session_get_client (other),
                                                       aftercare_session_get_client (session))))
        continue;
      g_ptr_array_add (kind, g_steal_pointer (&other));
    }
  return kind;
}

gboolean
aftercare_session_pattern (AftercareStore          *store,
                           AftercareSession        *session,
                           gboolean                 per_client,
                           AftercarePatternSummary *summary,
                           GError                 **error)
{
  g_autoptr(GPtrArray) kind = NULL;
  g_autoptr(AftercarePattern) pattern = aftercare_pattern_new ();

  g_return_val_if_fail (AFTERCARE_IS_STORE (store), FALSE);
  g_return_val_if_fail (AFTERCARE_IS_SESSION (session), FALSE);
  g_return_val_if_fail (summary != NULL, FALSE);

  kind = aftercare_session_list_same_kind (store, session, per_client, 0);
  for (guint i = 0; i < kind->len; i++)
    {
      AftercareSession *other = g_ptr_array_index (kind, i);
      g_autoptr(GPtrArray) checkins = aftercare_store_list_checkins (store, aftercare_session_get_id (other),
                                                                     error);

      if (checkins == NULL)
        return FALSE;
      aftercare_pattern_add_session (pattern, other, checkins);
    }
  aftercare_pattern_summarize (pattern, aftercare_session_get_massage_type (session),
                               aftercare_session_get_pressure (session),
                               per_client ? aftercare_session_get_client (session) : NULL, summary);
  return TRUE;
}
