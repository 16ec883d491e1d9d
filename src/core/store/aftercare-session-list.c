/* aftercare-session-list.c: the sessions, newest first, as a GListModel that loads pages on demand. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-session-list"

#include "aftercare-session-list.h"
#include "aftercare-store-error.h"

/* Pages kept in memory; the least recently used goes first. A screenful
 * is well under one page, so this is plenty for scrolling back and forth. */
#define MAX_PAGES 16

typedef struct
{
  GPtrArray *rows;
  guint64 last_used;
} Page;

struct _AftercareSessionList
{
  GObject parent_instance;

  AftercareStoreBackend *backend;
  guint n_items;
  GHashTable *pages;   /* page number -> Page */
  GHashTable *alive;   /* id -> AftercareSession handed out and still alive (weak) */
  guint64 clock;
  guint64 n_read;      /* rows read from the backend, ever: what scrolling cost */

  /* A search's list: the keys of the sessions found, in order (NULL for
   * the whole list). While set_matches() tells a view of its changes one
   * by one, positions before split_new are the new keys', the rest still
   * the old ones' from split_old on. */
  GArray *keys;
  GArray *old_keys;
  guint split_new;
  guint split_old;
};

static void aftercare_session_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AftercareSessionList, aftercare_session_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      aftercare_session_list_model_init))

static void
page_free (gpointer data)
{
  Page *page = data;

  g_ptr_array_unref (page->rows);
  g_free (page);
}

static void
forget_session_cb (gpointer  data,
                   GObject  *where_the_object_was)
{
  AftercareSessionList *self = data;
  AftercareSession *session = (AftercareSession *) where_the_object_was;
  const char *id = aftercare_session_get_id (session);

  /* Called while the session is being disposed: its id is still readable. */
  if (g_hash_table_lookup (self->alive, id) == session)
    g_hash_table_remove (self->alive, id);
}

static void
stop_watching_cb (gpointer key,
                  gpointer value,
                  gpointer data)
{
  g_object_weak_unref (value, forget_session_cb, data);
}

/* Drops the rows read (and with them the sessions they hold), stops
 * watching the sessions handed out, and lets go of the backend. */
static void
aftercare_session_list_dispose (GObject *object)
{
  AftercareSessionList *self = AFTERCARE_SESSION_LIST (object);

  g_hash_table_remove_all (self->pages);
  g_hash_table_foreach (self->alive, stop_watching_cb, self);
  g_hash_table_remove_all (self->alive);
  g_clear_object (&self->backend);

  G_OBJECT_CLASS (aftercare_session_list_parent_class)->dispose (object);
}

static void
aftercare_session_list_finalize (GObject *object)
{
  AftercareSessionList *self = AFTERCARE_SESSION_LIST (object);

  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_clear_pointer (&self->alive, g_hash_table_unref);
  g_clear_pointer (&self->keys, g_array_unref);

  G_OBJECT_CLASS (aftercare_session_list_parent_class)->finalize (object);
}

static void
aftercare_session_list_class_init (AftercareSessionListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = aftercare_session_list_dispose;
  object_class->finalize = aftercare_session_list_finalize;
}

static void
aftercare_session_list_init (AftercareSessionList *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, page_free);
  self->alive = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* Makes to hold from's values, notifying once for what changed. */
static void
copy_session_values (AftercareSession *to,
                     AftercareSession *from)
{
  g_object_freeze_notify (G_OBJECT (to));
  aftercare_session_set_ended_at (to, aftercare_session_get_ended_at (from));
  aftercare_session_set_duration_minutes (to, aftercare_session_get_duration_minutes (from));
  aftercare_session_set_massage_type (to, aftercare_session_get_massage_type (from));
  aftercare_session_set_pressure (to, aftercare_session_get_pressure (from));
  aftercare_session_set_first_time (to, aftercare_session_get_first_time (from));
  aftercare_session_set_areas (to, aftercare_session_get_areas (from));
  aftercare_session_set_client (to, aftercare_session_get_client (from));
  aftercare_session_set_therapist (to, aftercare_session_get_therapist (from));
  aftercare_session_set_notes (to, aftercare_session_get_notes (from));
  aftercare_session_set_version (to, aftercare_session_get_version (from));
  g_object_thaw_notify (G_OBJECT (to));
}

/* The object to show for a row just read: the live one for its id, brought
 * up to date, or the row itself, from now on watched. */
static AftercareSession *
adopt_row (AftercareSessionList *self,
           AftercareSession     *row)
{
  const char *id = aftercare_session_get_id (row);
  AftercareSession *live = g_hash_table_lookup (self->alive, id);

  if (live != NULL)
    {
      copy_session_values (live, row);
      return g_object_ref (live);
    }
  g_hash_table_insert (self->alive, g_strdup (id), row);
  g_object_weak_ref (G_OBJECT (row), forget_session_cb, self);
  return g_object_ref (row);
}

static void
evict_oldest_page (AftercareSessionList *self)
{
  GHashTableIter iter;
  gpointer key, value;
  gpointer oldest = NULL;
  guint64 oldest_use = G_MAXUINT64;

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (((Page *) value)->last_used < oldest_use)
      {
        oldest_use = ((Page *) value)->last_used;
        oldest = key;
      }
  g_hash_table_remove (self->pages, oldest);
}

/* The key of the session at position in a search's list. */
static const AftercareSessionKey *
key_at (AftercareSessionList *self,
        guint                 position)
{
  if (self->old_keys != NULL && position >= self->split_new)
    return &g_array_index (self->old_keys, AftercareSessionKey, position - self->split_new + self->split_old);
  return &g_array_index (self->keys, AftercareSessionKey, position);
}

/* A page of a search's list: its sessions, read by id, in the list's order. */
static GPtrArray *
read_found_page (AftercareSessionList  *self,
                 guint                  number,
                 GError               **error)
{
  guint first = number * AFTERCARE_SESSION_LIST_PAGE_SIZE;
  guint n = MIN (AFTERCARE_SESSION_LIST_PAGE_SIZE, self->n_items - first);
  const char *ids[AFTERCARE_SESSION_LIST_PAGE_SIZE];
  g_autoptr(GPtrArray) read = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *rows;

  for (guint i = 0; i < n; i++)
    ids[i] = key_at (self, first + i)->id;
  read = aftercare_store_backend_get_sessions (self->backend, ids, n, error);
  if (read == NULL)
    return NULL;
  for (guint i = 0; i < read->len; i++)
    g_hash_table_insert (by_id, (gpointer) aftercare_session_get_id (g_ptr_array_index (read, i)),
                         g_ptr_array_index (read, i));
  rows = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      AftercareSession *row = g_hash_table_lookup (by_id, ids[i]);

      /* Missing only when another program deleted it since the search. */
      if (row != NULL)
        g_ptr_array_add (rows, g_object_ref (row));
    }
  return rows;
}

/* Reads a page: after the previous page's last row when that is in memory
 * (an index seek), else by skipping rows from the start. */
static GPtrArray *
read_page (AftercareSessionList  *self,
           guint                  number,
           GError               **error)
{
  Page *previous = number > 0 ? g_hash_table_lookup (self->pages, GUINT_TO_POINTER (number - 1)) : NULL;

  if (self->keys != NULL)
    return read_found_page (self, number, error);
  if (previous != NULL && previous->rows->len == AFTERCARE_SESSION_LIST_PAGE_SIZE)
    return aftercare_store_backend_list_sessions (self->backend,
                                                  g_ptr_array_index (previous->rows, previous->rows->len - 1),
                                                  0, AFTERCARE_SESSION_LIST_PAGE_SIZE, error);
  return aftercare_store_backend_list_sessions (self->backend, NULL,
                                                number * AFTERCARE_SESSION_LIST_PAGE_SIZE,
                                                AFTERCARE_SESSION_LIST_PAGE_SIZE, error);
}

static Page *
load_page (AftercareSessionList *self,
           guint                 number)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) read = read_page (self, number, &error);
  Page *page;

  if (read == NULL)
    {
      /* A lost connection is shown by the store's "connected"; the list reloads once back. */
      if (g_error_matches (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_UNREACHABLE))
        g_debug ("Could not read the session list: %s", error->message);
      else
        g_warning ("Could not read the session list: %s", error->message);
      return NULL;
    }
  self->n_read += read->len;
  page = g_new0 (Page, 1);
  page->rows = g_ptr_array_new_full (read->len, g_object_unref);
  for (guint i = 0; i < read->len; i++)
    g_ptr_array_add (page->rows, adopt_row (self, g_ptr_array_index (read, i)));
  if (g_hash_table_size (self->pages) >= MAX_PAGES)
    evict_oldest_page (self);
  g_hash_table_insert (self->pages, GUINT_TO_POINTER (number), page);
  return page;
}

static GType
aftercare_session_list_get_item_type (GListModel *model)
{
  return AFTERCARE_TYPE_SESSION;
}

static guint
aftercare_session_list_get_n_items (GListModel *model)
{
  return AFTERCARE_SESSION_LIST (model)->n_items;
}

static gpointer
aftercare_session_list_get_item (GListModel *model,
                                 guint       position)
{
  AftercareSessionList *self = AFTERCARE_SESSION_LIST (model);
  guint number = position / AFTERCARE_SESSION_LIST_PAGE_SIZE;
  guint index = position % AFTERCARE_SESSION_LIST_PAGE_SIZE;
  Page *page;

  if (position >= self->n_items)
    return NULL;
  page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (number));
  if (page == NULL)
    page = load_page (self, number);
  /* Short only when another program deleted rows since the last count. */
  if (page == NULL || index >= page->rows->len)
    return NULL;
  page->last_used = ++self->clock;
  return g_object_ref (g_ptr_array_index (page->rows, index));
}

static void
aftercare_session_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = aftercare_session_list_get_item_type;
  iface->get_n_items = aftercare_session_list_get_n_items;
  iface->get_item = aftercare_session_list_get_item;
}

AftercareSessionList *
aftercare_session_list_new (AftercareStoreBackend *backend,
                            guint                  n_items)
{
  AftercareSessionList *self;

  g_return_val_if_fail (AFTERCARE_IS_STORE_BACKEND (backend), NULL);

  self = g_object_new (AFTERCARE_TYPE_SESSION_LIST, NULL);
  self->backend = g_object_ref (backend);
  self->n_items = n_items;
  return self;
}

AftercareSessionList *
aftercare_session_list_new_search (AftercareStoreBackend *backend)
{
  AftercareSessionList *self = aftercare_session_list_new (backend, 0);

  self->keys = aftercare_session_key_array_new (0);
  return self;
}

static gboolean
page_from_cb (gpointer key,
              gpointer value,
              gpointer data)
{
  return GPOINTER_TO_UINT (key) >= GPOINTER_TO_UINT (data);
}

/* Forgets the pages that hold position or come after it: their rows moved. */
static void
drop_pages_from (AftercareSessionList *self,
                 guint                 position)
{
  guint first = position / AFTERCARE_SESSION_LIST_PAGE_SIZE;

  g_hash_table_foreach_remove (self->pages, page_from_cb, GUINT_TO_POINTER (first));
}

void
aftercare_session_list_inserted (AftercareSessionList *self,
                                 guint                 position)
{
  g_return_if_fail (AFTERCARE_IS_SESSION_LIST (self));
  g_return_if_fail (position <= self->n_items);

  drop_pages_from (self, position);
  self->n_items++;
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
}

void
aftercare_session_list_removed (AftercareSessionList *self,
                                guint                 position)
{
  g_return_if_fail (AFTERCARE_IS_SESSION_LIST (self));
  g_return_if_fail (position < self->n_items);

  drop_pages_from (self, position);
  self->n_items--;
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
}

void
aftercare_session_list_sync_row (AftercareSessionList *self,
                                 AftercareSession     *session)
{
  AftercareSession *live;

  g_return_if_fail (AFTERCARE_IS_SESSION_LIST (self));
  g_return_if_fail (AFTERCARE_IS_SESSION (session));

  live = g_hash_table_lookup (self->alive, aftercare_session_get_id (session));
  if (live != NULL && live != session)
    copy_session_values (live, session);
}

void
aftercare_session_list_updated (AftercareSessionList *self,
                                guint                 old_position,
                                guint                 new_position,
                                AftercareSession     *session)
{
  g_return_if_fail (AFTERCARE_IS_SESSION_LIST (self));
  g_return_if_fail (AFTERCARE_IS_SESSION (session));
  g_return_if_fail (old_position < self->n_items && new_position < self->n_items);

  /* Whoever holds the row's object (a view, a page) sees the new values. */
  aftercare_session_list_sync_row (self, session);
  if (old_position == new_position)
    {
      /* Its page stays valid: the row kept its place among its neighbours. */
      g_list_model_items_changed (G_LIST_MODEL (self), old_position, 1, 1);
      return;
    }
  drop_pages_from (self, MIN (old_position, new_position));
  self->n_items--;
  g_list_model_items_changed (G_LIST_MODEL (self), old_position, 1, 0);
  self->n_items++;
  g_list_model_items_changed (G_LIST_MODEL (self), new_position, 0, 1);
}

void
aftercare_session_list_reset (AftercareSessionList *self,
                              guint                 n_items)
{
  guint old_n_items;

  g_return_if_fail (AFTERCARE_IS_SESSION_LIST (self));

  old_n_items = self->n_items;
  g_hash_table_remove_all (self->pages);
  self->n_items = n_items;
  if (old_n_items != 0 || n_items != 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n_items, n_items);
}

void
aftercare_session_list_set_matches (AftercareSessionList *self,
                                    GArray               *matches,
                                    AftercareSession     *changed)
{
  GArray *old;
  guint i = 0, j = 0;   /* in the old keys, in matches */

  g_return_if_fail (AFTERCARE_IS_SESSION_LIST (self));
  g_return_if_fail (self->keys != NULL && self->old_keys == NULL);
  g_return_if_fail (matches != NULL);

  if (changed != NULL)
    aftercare_session_list_sync_row (self, changed);
  old = self->old_keys = self->keys;
  self->keys = matches;
  /* Both are in the list's order: walk them side by side, telling each
   * run of rows gone and rows come where it is, and nothing else. */
  while (i < old->len || j < matches->len)
    {
      guint position = j, removed = 0, added = 0;
      int order = 0;

      while (i < old->len || j < matches->len)
        {
          if (i == old->len)
            order = 1;
          else if (j == matches->len)
            order = -1;
          else
            order = aftercare_session_key_compare (&g_array_index (old, AftercareSessionKey, i),
                                                   &g_array_index (matches, AftercareSessionKey, j));
          if (order == 0)
            break;
          if (order < 0)
            i++, removed++;
          else
            j++, added++;
        }
      /* Told apart, so that a selection never looks for its row among
       * many added ones (GtkSingleSelection reads each of them). */
      self->split_old = i;
      drop_pages_from (self, position);
      if (removed > 0)
        {
          self->split_new = position;
          self->n_items = position + (old->len - i);
          g_list_model_items_changed (G_LIST_MODEL (self), position, removed, 0);
        }
      if (added > 0)
        {
          self->split_new = j;
          self->n_items = j + (old->len - i);
          g_list_model_items_changed (G_LIST_MODEL (self), position, 0, added);
        }
      if (i < old->len && j < matches->len)
        {
          /* The same session, in the same place: told only if it changed. */
          self->split_new = ++j;
          self->split_old = ++i;
          if (changed != NULL &&
              g_str_equal (g_array_index (matches, AftercareSessionKey, j - 1).id, aftercare_session_get_id (changed)))
            g_list_model_items_changed (G_LIST_MODEL (self), j - 1, 1, 1);
        }
    }
  self->old_keys = NULL;
  self->n_items = matches->len;
  g_array_unref (old);
}

void
aftercare_session_list_reset_matches (AftercareSessionList *self,
                                      GArray               *matches)
{
  g_return_if_fail (AFTERCARE_IS_SESSION_LIST (self));
  g_return_if_fail (self->keys != NULL && self->old_keys == NULL);
  g_return_if_fail (matches != NULL);

  g_array_unref (self->keys);
  self->keys = matches;
  aftercare_session_list_reset (self, matches->len);
}

static void
count_rows_cb (gpointer key,
               gpointer value,
               gpointer data)
{
  *(guint *) data += ((Page *) value)->rows->len;
}

guint
aftercare_session_list_get_n_loaded (AftercareSessionList *self)
{
  guint n_loaded = 0;

  g_return_val_if_fail (AFTERCARE_IS_SESSION_LIST (self), 0);
  g_hash_table_foreach (self->pages, count_rows_cb, &n_loaded);
  return n_loaded;
}

guint64
aftercare_session_list_get_n_read (AftercareSessionList *self)
{
  g_return_val_if_fail (AFTERCARE_IS_SESSION_LIST (self), 0);
  return self->n_read;
}

gboolean
aftercare_session_list_find (GListModel       *sessions,
                             AftercareSession *session,
                             guint            *position)
{
  guint low = 0, high;
  g_autoptr(AftercareSession) found = NULL;

  g_return_val_if_fail (G_IS_LIST_MODEL (sessions), FALSE);
  g_return_val_if_fail (AFTERCARE_IS_SESSION (session), FALSE);
  g_return_val_if_fail (position != NULL, FALSE);

  high = g_list_model_get_n_items (sessions);
  while (low < high)
    {
      guint mid = low + (high - low) / 2;
      g_autoptr(AftercareSession) item = g_list_model_get_item (sessions, mid);

      if (aftercare_store_backend_compare_sessions (item, session) < 0)
        low = mid + 1;
      else
        high = mid;
    }
  if (low == g_list_model_get_n_items (sessions))
    return FALSE;
  found = g_list_model_get_item (sessions, low);
  if (g_strcmp0 (aftercare_session_get_id (found), aftercare_session_get_id (session)) != 0)
    return FALSE;
  *position = low;
  return TRUE;
}
