/* aftercare-session-report.c: the report for the therapist about a stored session, or it and the ones of its kind before it. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-session-report"

#include "aftercare-session-pattern.h"
#include "aftercare-session-report.h"

/* session, then the others of its kind that ended before it, newest first. */
static GPtrArray *
sessions_to_report (AftercareStore    *store,
                    AftercareSession  *session,
                    guint              same_kind,
                    gboolean           per_client,
                    GError           **error)
{
  g_autoptr(GPtrArray) kind = same_kind > 1 ? aftercare_session_list_same_kind (store, session, per_client, 0, error)
                                            : g_ptr_array_new ();
  GPtrArray *chosen;
  GDateTime *ended_at = aftercare_session_get_ended_at (session);

  if (kind == NULL)
    return NULL;
  chosen = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (chosen, g_object_ref (session));
  for (guint i = 0; i < kind->len && chosen->len < same_kind; i++)
    {
      AftercareSession *other = g_ptr_array_index (kind, i);

      if (g_strcmp0 (aftercare_session_get_id (other), aftercare_session_get_id (session)) == 0 ||
          g_date_time_compare (aftercare_session_get_ended_at (other), ended_at) > 0)
        continue;
      g_ptr_array_add (chosen, g_object_ref (other));
    }
  return chosen;
}

AftercareReport *
aftercare_session_report_new (AftercareStore   *store,
                              AftercareSession *session,
                              guint             same_kind,
                              gboolean          per_client,
                              GDateTime        *now,
                              gboolean          clock_24h,
                              GError          **error)
{
  g_autoptr(AftercareReport) report = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GHashTable) by_session = NULL;
  AftercarePatternSummary pattern;

  g_return_val_if_fail (AFTERCARE_IS_STORE (store), NULL);
  g_return_val_if_fail (AFTERCARE_IS_SESSION (session), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  report = aftercare_report_new (now, clock_24h, per_client ? aftercare_session_get_client (session) : NULL);
  sessions = sessions_to_report (store, session, MIN (MAX (same_kind, 1), AFTERCARE_REPORT_MAX_SESSIONS),
                                 per_client, error);
  if (sessions == NULL || (by_session = aftercare_store_list_checkins_of (store, sessions, error)) == NULL)
    return NULL;
  for (guint i = 0; i < sessions->len; i++)
    {
      AftercareSession *each = g_ptr_array_index (sessions, i);
      GPtrArray *checkins = g_hash_table_lookup (by_session, aftercare_session_get_id (each));
      g_autoptr(GPtrArray) none = checkins == NULL ? g_ptr_array_new () : NULL;

      aftercare_report_add_session (report, each, checkins != NULL ? checkins : none);
    }
  if (!aftercare_session_pattern (store, session, per_client, &pattern, error))
    return NULL;
  aftercare_report_set_pattern (report, &pattern);
  return g_steal_pointer (&report);
}
