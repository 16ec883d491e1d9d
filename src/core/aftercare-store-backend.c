/* aftercare-store-backend.c: what a database must do for the store; SQL lives only behind this. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-store-backend"

#include "aftercare-store-backend.h"

G_DEFINE_INTERFACE (AftercareStoreBackend, aftercare_store_backend, G_TYPE_OBJECT)

static void
aftercare_store_backend_default_init (AftercareStoreBackendInterface *iface)
{
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

AftercareSession *
aftercare_store_backend_get_session (AftercareStoreBackend  *self,
                                     const char             *session_id,
                                     GError                **error)
{
  g_return_val_if_fail (AFTERCARE_IS_STORE_BACKEND (self), NULL);
  g_return_val_if_fail (session_id != NULL, NULL);
  return IFACE (self)->get_session (self, session_id, error);
}

gboolean
aftercare_store_backend_insert_session (AftercareStoreBackend  *self,
                                        AftercareSession       *session,
                                        GError                **error)
{
  g_return_val_if_fail (AFTERCARE_IS_STORE_BACKEND (self), FALSE);
  g_return_val_if_fail (AFTERCARE_IS_SESSION (session), FALSE);
  return IFACE (self)->insert_session (self, session, error);
}

gboolean
aftercare_store_backend_update_session (AftercareStoreBackend  *self,
                                        AftercareSession       *session,
                                        GError                **error)
{
  g_return_val_if_fail (AFTERCARE_IS_STORE_BACKEND (self), FALSE);
  g_return_val_if_fail (AFTERCARE_IS_SESSION (session), FALSE);
  return IFACE (self)->update_session (self, session, error);
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

AftercareCheckin *
aftercare_store_backend_get_checkin (AftercareStoreBackend  *self,
                                     const char             *checkin_id,
                                     GError                **error)
{
  g_return_val_if_fail (AFTERCARE_IS_STORE_BACKEND (self), NULL);
  g_return_val_if_fail (checkin_id != NULL, NULL);
  return IFACE (self)->get_checkin (self, checkin_id, error);
}

gboolean
aftercare_store_backend_insert_checkin (AftercareStoreBackend  *self,
                                        AftercareCheckin       *checkin,
                                        GError                **error)
{
  g_return_val_if_fail (AFTERCARE_IS_STORE_BACKEND (self), FALSE);
  g_return_val_if_fail (AFTERCARE_IS_CHECKIN (checkin), FALSE);
  return IFACE (self)->insert_checkin (self, checkin, error);
}

gboolean
aftercare_store_backend_update_checkin (AftercareStoreBackend  *self,
                                        AftercareCheckin       *checkin,
                                        GError                **error)
{
  g_return_val_if_fail (AFTERCARE_IS_STORE_BACKEND (self), FALSE);
  g_return_val_if_fail (AFTERCARE_IS_CHECKIN (checkin), FALSE);
  return IFACE (self)->update_checkin (self, checkin, error);
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
