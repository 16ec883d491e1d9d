/* aftercare-store-scan.c: the newest sessions read straight from the database, for what looks back over them (your pattern, a client's history) without filling the session list. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-store"

#include "aftercare-store-private.h"
#include "aftercare-store-scan.h"

/* Sessions read at once. */
#define SCAN_PAGE_SIZE 250

GPtrArray *
aftercare_store_list_newest_kept (AftercareStore        *self,
                                  guint                  limit,
                                  AftercareSessionKeep   keep,
                                  gpointer               data,
                                  guint                  max_kept,
                                  GError               **error)
{
  AftercareStoreBackend *backend;
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(AftercareSession) after = NULL;
  guint n_read = 0;

  g_return_val_if_fail (AFTERCARE_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  backend = aftercare_store_get_backend (self);
  while (n_read < limit && (max_kept == 0 || kept->len < max_kept))
    {
      guint want = MIN (SCAN_PAGE_SIZE, limit - n_read);
      g_autoptr(GPtrArray) page = aftercare_store_backend_list_sessions (backend, after, 0, want, error);

      if (page == NULL)
        return NULL;
      n_read += page->len;
      for (guint i = 0; i < page->len && (max_kept == 0 || kept->len < max_kept); i++)
        {
          AftercareSession *session = g_ptr_array_index (page, i);

          if (keep == NULL || keep (session, data))
            g_ptr_array_add (kept, g_object_ref (session));
        }
      if (page->len < want)
        break;
      g_set_object (&after, g_ptr_array_index (page, page->len - 1));
    }
  return g_steal_pointer (&kept);
}

GPtrArray *
aftercare_store_list_newest_of_kind (AftercareStore        *self,
                                     guint                  look_back,
                                     AftercareMassageType   type,
                                     AftercarePressure      pressure,
                                     GError               **error)
{
  g_return_val_if_fail (AFTERCARE_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return aftercare_store_backend_list_newest_of_kind (aftercare_store_get_backend (self), look_back,
                                                      aftercare_massage_type_to_key (type),
                                                      aftercare_pressure_to_key (pressure), error);
}
