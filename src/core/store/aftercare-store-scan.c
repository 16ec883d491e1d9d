/* aftercare-store-scan.c: the newest sessions read straight from the database, for what looks back over them (your pattern, a client's history) without filling the session list. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-store"

#include "aftercare-store-private.h"
#include "aftercare-store-scan.h"

/* Sessions read at once. */
#define SCAN_PAGE_SIZE 250

GPtrArray *
aftercare_store_list_newest (AftercareStore  *self,
                             guint            limit,
                             GError         **error)
{
  AftercareStoreBackend *backend;
  g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(AftercareSession) after = NULL;

  g_return_val_if_fail (AFTERCARE_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  backend = aftercare_store_get_backend (self);
  while (sessions->len < limit)
    {
      guint want = MIN (SCAN_PAGE_SIZE, limit - sessions->len);
      g_autoptr(GPtrArray) page = aftercare_store_backend_list_sessions (backend, after, 0, want, error);

      if (page == NULL)
        return NULL;
      for (guint i = 0; i < page->len; i++)
        g_ptr_array_add (sessions, g_object_ref (g_ptr_array_index (page, i)));
      if (page->len < want)
        break;
      g_set_object (&after, g_ptr_array_index (page, page->len - 1));
    }
  return g_steal_pointer (&sessions);
}
