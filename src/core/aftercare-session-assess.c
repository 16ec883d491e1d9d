/* aftercare-session-assess.c: one call turns a stored session into its assessment, with one policy when its check-ins cannot be read. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-session-assess"

#include "config.h"

#include <glib/gi18n.h>

#include "aftercare-session-assess.h"

AftercareAssessment *
aftercare_session_assess (AftercareStore       *store,
                          AftercareSession     *session,
                          AftercareCheckin     *extra,
                          AftercarePlannedRun   planned_run,
                          GDateTime            *now,
                          GPtrArray           **checkins,
                          GError              **error)
{
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (AFTERCARE_IS_STORE (store), NULL);
  g_return_val_if_fail (AFTERCARE_IS_SESSION (session), NULL);
  g_return_val_if_fail (extra == NULL || AFTERCARE_IS_CHECKIN (extra), NULL);
  g_return_val_if_fail (now != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stored = aftercare_store_list_checkins (store, aftercare_session_get_id (session), &local_error);
  if (stored == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code,
                   /* Translators: %s says why, from the database. */
                   _("Could not read the check-ins: %s"), local_error->message);
      return NULL;
    }
  all = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < stored->len; i++)
    g_ptr_array_add (all, g_object_ref (g_ptr_array_index (stored, i)));
  if (extra != NULL)
    g_ptr_array_add (all, g_object_ref (extra));
  if (checkins != NULL)
    *checkins = g_steal_pointer (&stored);
  return aftercare_advisor_assess (session, all, planned_run, now);
}
