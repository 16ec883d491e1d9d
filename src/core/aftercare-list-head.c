/* aftercare-list-head.c: the first rows of a list, as far as it was read, ending at the same row as the list changes above it. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "aftercare-list-head.h"

struct _AftercareListHead
{
  GObject parent_instance;

  GListModel *model;    /* or NULL: no rows */
  guint size;           /* the rows asked for; G_MAXUINT: all */
  guint n_items;        /* those there are: MIN (size, the model's) */
};

static void aftercare_list_head_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AftercareListHead, aftercare_list_head, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, aftercare_list_head_list_model_init))

static GType
aftercare_list_head_get_item_type (GListModel *list)
{
  return G_TYPE_OBJECT;
}

static guint
aftercare_list_head_get_n_items (GListModel *list)
{
  return AFTERCARE_LIST_HEAD (list)->n_items;
}

static gpointer
aftercare_list_head_get_item (GListModel *list,
                              guint       position)
{
  AftercareListHead *self = AFTERCARE_LIST_HEAD (list);

  return position < self->n_items ? g_list_model_get_item (self->model, position) : NULL;
}

static void
aftercare_list_head_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = aftercare_list_head_get_item_type;
  iface->get_n_items = aftercare_list_head_get_n_items;
  iface->get_item = aftercare_list_head_get_item;
}

static guint
count_items (AftercareListHead *self)
{
  return self->model != NULL ? MIN (self->size, g_list_model_get_n_items (self->model)) : 0;
}

static void
model_items_changed_cb (GListModel        *model,
                        guint              position,
                        guint              removed,
                        guint              added,
                        AftercareListHead *self)
{
  guint n_before = self->n_items;
  guint n_model_before = g_list_model_get_n_items (model) - added + removed;

  if (position >= n_before)
    {
      /* Below the rows given: only a list that had fewer than asked for
       * shows the rows that come at its end. */
      self->n_items = count_items (self);
      if (self->n_items > n_before)
        g_list_model_items_changed (G_LIST_MODEL (self), n_before, 0, self->n_items - n_before);
      return;
    }
  /* Rows came or went above the last row given: it moves, and stays last. */
  if (self->size != G_MAXUINT && self->size <= n_model_before && position + removed < self->size)
    self->size = self->size - removed + added;
  self->n_items = count_items (self);
  if (position + removed <= n_before && self->n_items == n_before - removed + added)
    g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
  else
    /* The last row went (the next comes in its place), or the list had
     * fewer rows than asked for and now has more: all from position on. */
    g_list_model_items_changed (G_LIST_MODEL (self), position, n_before - position, self->n_items - position);
}

static void
aftercare_list_head_dispose (GObject *object)
{
  AftercareListHead *self = AFTERCARE_LIST_HEAD (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, model_items_changed_cb, self);
  g_clear_object (&self->model);
  self->n_items = 0;
  G_OBJECT_CLASS (aftercare_list_head_parent_class)->dispose (object);
}

static void
aftercare_list_head_class_init (AftercareListHeadClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = aftercare_list_head_dispose;
}

static void
aftercare_list_head_init (AftercareListHead *self)
{
}

AftercareListHead *
aftercare_list_head_new (GListModel *model,
                         guint       size)
{
  AftercareListHead *self;

  g_return_val_if_fail (model == NULL || G_IS_LIST_MODEL (model), NULL);

  self = g_object_new (AFTERCARE_TYPE_LIST_HEAD, NULL);
  self->size = size;
  aftercare_list_head_set_model (self, model);
  return self;
}

GListModel *
aftercare_list_head_get_model (AftercareListHead *self)
{
  g_return_val_if_fail (AFTERCARE_IS_LIST_HEAD (self), NULL);
  return self->model;
}

void
aftercare_list_head_set_model (AftercareListHead *self,
                               GListModel        *model)
{
  guint n_before;

  g_return_if_fail (AFTERCARE_IS_LIST_HEAD (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (model == self->model)
    return;
  n_before = self->n_items;
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, model_items_changed_cb, self);
  g_set_object (&self->model, model);
  if (model != NULL)
    g_signal_connect (model, "items-changed", G_CALLBACK (model_items_changed_cb), self);
  self->n_items = count_items (self);
  if (n_before > 0 || self->n_items > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, n_before, self->n_items);
}

guint
aftercare_list_head_get_size (AftercareListHead *self)
{
  g_return_val_if_fail (AFTERCARE_IS_LIST_HEAD (self), 0);
  return self->size;
}

void
aftercare_list_head_set_size (AftercareListHead *self,
                              guint              size)
{
  guint n_before;

  g_return_if_fail (AFTERCARE_IS_LIST_HEAD (self));

  n_before = self->n_items;
  self->size = size;
  self->n_items = count_items (self);
  if (self->n_items > n_before)
    g_list_model_items_changed (G_LIST_MODEL (self), n_before, 0, self->n_items - n_before);
  else if (self->n_items < n_before)
    g_list_model_items_changed (G_LIST_MODEL (self), self->n_items, n_before - self->n_items, 0);
}
