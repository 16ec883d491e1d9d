/* test-list-head.c: the first rows of a list keep ending at the same row as the list changes above it. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "aftercare-list-head.h"

/* A list of numbered objects, and what a list view given the head holds:
 * the head's rows, rebuilt from nothing but its change signals. */
typedef struct {
  GListStore *store;
  AftercareListHead *head;
  GPtrArray *mirror;
  guint next;
} Fixture;

static GObject *
numbered (Fixture *f)
{
  GObject *item = g_object_new (G_TYPE_OBJECT, NULL);

  g_object_set_data (item, "n", GUINT_TO_POINTER (f->next++));
  return item;
}

static void
insert (Fixture *f, guint position, guint n)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, numbered (f));
  g_list_store_splice (f->store, position, 0, items->pdata, n);
}

static void
head_changed_cb (GListModel *head, guint position, guint removed, guint added, Fixture *f)
{
  g_assert_cmpuint (position + removed, <=, f->mirror->len);
  g_ptr_array_remove_range (f->mirror, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (f->mirror, (int) (position + i), g_list_model_get_item (head, position + i));
}

/* The mirror holds what the head says it holds, which is the store's
 * first n rows. */
static void
assert_head (Fixture *f, guint n)
{
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->head)), ==, n);
  g_assert_cmpuint (f->mirror->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) in_store = g_list_model_get_item (G_LIST_MODEL (f->store), i);

      g_assert_true (g_ptr_array_index (f->mirror, i) == in_store);
    }
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (f->head), n));
}

static GObject *
last_given (Fixture *f)
{
  return g_ptr_array_index (f->mirror, f->mirror->len - 1);
}

static void
set_up (Fixture *f, gconstpointer data)
{
  f->store = g_list_store_new (G_TYPE_OBJECT);
  insert (f, 0, 100);
  f->mirror = g_ptr_array_new_with_free_func (g_object_unref);
  f->head = aftercare_list_head_new (G_LIST_MODEL (f->store), 10);
  for (guint i = 0; i < 10; i++)
    g_ptr_array_add (f->mirror, g_list_model_get_item (G_LIST_MODEL (f->head), i));
  g_signal_connect (f->head, "items-changed", G_CALLBACK (head_changed_cb), f);
}

static void
tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->head);
  g_clear_pointer (&f->mirror, g_ptr_array_unref);
  g_clear_object (&f->store);
}

/* Newer rows at the top: the head grows by them, so the row given last,
 * perhaps the one chosen, is still given. */
static void
test_rows_above_move_the_last (Fixture *f, gconstpointer data)
{
  GObject *last = last_given (f);

  insert (f, 0, 7);
  assert_head (f, 17);
  g_assert_true (last_given (f) == last);
  g_list_store_remove (f->store, 3);
  assert_head (f, 16);
  g_assert_true (last_given (f) == last);
  /* Right before the last row: still above it. */
  insert (f, 15, 1);
  assert_head (f, 17);
  g_assert_true (last_given (f) == last);
  g_assert_cmpuint (aftercare_list_head_get_size (f->head), ==, 17);
}

/* Below the rows given, nothing shows; when the last row goes, the next
 * comes in its place. */
static void
test_rows_below_and_the_last (Fixture *f, gconstpointer data)
{
  insert (f, 10, 5);
  g_list_store_remove (f->store, 50);
  assert_head (f, 10);
  g_list_store_remove (f->store, 9);
  assert_head (f, 10);
  /* Rows replaced across the end: the same number given. */
  g_list_store_splice (f->store, 8, 4, NULL, 0);
  assert_head (f, 10);
  /* All replaced (a list read again): as many as asked for. */
  {
    g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

    for (guint i = 0; i < 30; i++)
      g_ptr_array_add (items, numbered (f));
    g_list_store_splice (f->store, 0, g_list_model_get_n_items (G_LIST_MODEL (f->store)), items->pdata, items->len);
  }
  assert_head (f, 10);
}

/* A list shorter than asked for shows all it has, and what comes at its
 * end, up to the size; G_MAXUINT gives all. */
static void
test_short_list_and_all (Fixture *f, gconstpointer data)
{
  g_list_store_splice (f->store, 4, 96, NULL, 0);
  assert_head (f, 4);
  insert (f, 4, 3);
  assert_head (f, 7);
  insert (f, 2, 6);
  assert_head (f, 10);
  insert (f, 13, 20);
  assert_head (f, 10);
  aftercare_list_head_set_size (f->head, G_MAXUINT);
  assert_head (f, 33);
  insert (f, 0, 2);
  g_list_store_remove (f->store, 30);
  assert_head (f, 34);
  g_assert_cmpuint (aftercare_list_head_get_size (f->head), ==, G_MAXUINT);
}

/* Asked for more or fewer, and given another list. */
static void
test_size_and_model (Fixture *f, gconstpointer data)
{
  g_autoptr(GListStore) other = g_list_store_new (G_TYPE_OBJECT);

  aftercare_list_head_set_size (f->head, 25);
  assert_head (f, 25);
  aftercare_list_head_set_size (f->head, 5);
  assert_head (f, 5);
  g_list_store_append (other, g_object_new (G_TYPE_OBJECT, NULL));
  aftercare_list_head_set_model (f->head, G_LIST_MODEL (other));
  g_assert_true (aftercare_list_head_get_model (f->head) == G_LIST_MODEL (other));
  g_assert_cmpuint (f->mirror->len, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->head)), ==, 1);
  /* The list it left tells it nothing more. */
  insert (f, 0, 3);
  g_assert_cmpuint (f->mirror->len, ==, 1);
  aftercare_list_head_set_model (f->head, NULL);
  g_assert_cmpuint (f->mirror->len, ==, 0);
  aftercare_list_head_set_model (f->head, G_LIST_MODEL (f->store));
  assert_head (f, 5);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/list-head/rows-above-move-the-last", Fixture, NULL, set_up, test_rows_above_move_the_last, tear_down);
  g_test_add ("/list-head/rows-below-and-the-last", Fixture, NULL, set_up, test_rows_below_and_the_last, tear_down);
  g_test_add ("/list-head/short-list-and-all", Fixture, NULL, set_up, test_short_list_and_all, tear_down);
  g_test_add ("/list-head/size-and-model", Fixture, NULL, set_up, test_size_and_model, tear_down);
  return g_test_run ();
}
