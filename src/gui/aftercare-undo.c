/* aftercare-undo.c: the last deletion, offered back in a toast: its Undo button, Ctrl+Z and win.undo undo it. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-undo"

#include "config.h"

#include <glib/gi18n.h>

#include "aftercare-undo.h"

struct _AftercareUndo
{
  GObject parent_instance;

  AdwToastOverlay *toasts;          /* weak: the window owns both */
  AdwToast *toast;                  /* the offer on show, or NULL */
  AftercareUndoFunc func;
  gpointer data;
  GDestroyNotify destroy;
};

G_DEFINE_FINAL_TYPE (AftercareUndo, aftercare_undo, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The overlay knows its undo, so every view under it finds the same one. */
#define UNDO_KEY "aftercare-undo"

static void
dismiss_toast (AftercareUndo *self)
{
  g_autoptr(AdwToast) toast = g_steal_pointer (&self->toast);

  if (toast != NULL)
    adw_toast_dismiss (toast);
}

static void
clear_offer (AftercareUndo *self)
{
  gpointer data = g_steal_pointer (&self->data);
  GDestroyNotify destroy = g_steal_pointer (&self->destroy);
  gboolean had = self->func != NULL;

  self->func = NULL;
  if (destroy != NULL)
    destroy (data);
  if (had)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
}

static void
aftercare_undo_dispose (GObject *object)
{
  AftercareUndo *self = AFTERCARE_UNDO (object);

  GDestroyNotify destroy = g_steal_pointer (&self->destroy);

  /* Quietly: whoever listens is going too. */
  g_clear_object (&self->toast);
  self->func = NULL;
  if (destroy != NULL)
    destroy (g_steal_pointer (&self->data));
  G_OBJECT_CLASS (aftercare_undo_parent_class)->dispose (object);
}

static void
aftercare_undo_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  AftercareUndo *self = AFTERCARE_UNDO (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO: g_value_set_boolean (value, aftercare_undo_get_can_undo (self)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aftercare_undo_class_init (AftercareUndoClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = aftercare_undo_dispose;
  object_class->get_property = aftercare_undo_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
aftercare_undo_init (AftercareUndo *self)
{
}

AftercareUndo *
aftercare_undo_new (AdwToastOverlay *toasts)
{
  AftercareUndo *self;

  g_return_val_if_fail (ADW_IS_TOAST_OVERLAY (toasts), NULL);

  self = g_object_new (AFTERCARE_TYPE_UNDO, NULL);
  self->toasts = toasts;
  g_object_set_data (G_OBJECT (toasts), UNDO_KEY, self);
  return self;
}

AftercareUndo *
aftercare_undo_get_for_widget (GtkWidget *widget)
{
  GtkWidget *toasts;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  toasts = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  return toasts != NULL ? g_object_get_data (G_OBJECT (toasts), UNDO_KEY) : NULL;
}

/* Gone by itself (its time ran out, or its close button): Ctrl+Z still
 * undoes, as it did before the toast went. */
static void
toast_dismissed_cb (AdwToast      *toast,
                    AftercareUndo *self)
{
  if (self->toast == toast)
    g_clear_object (&self->toast);
}

void
aftercare_undo_offer (AftercareUndo     *self,
                      const char        *title,
                      AftercareUndoFunc  func,
                      gpointer           data,
                      GDestroyNotify     destroy)
{
  AdwToast *toast;

  g_return_if_fail (AFTERCARE_IS_UNDO (self));
  g_return_if_fail (title != NULL && func != NULL);

  /* Only the last deletion comes back: the older offer goes. */
  dismiss_toast (self);
  clear_offer (self);
  self->func = func;
  self->data = data;
  self->destroy = destroy;

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, AFTERCARE_UNDO_ACTION);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (toast_dismissed_cb), self, 0);
  self->toast = g_object_ref (toast);
  adw_toast_overlay_add_toast (self->toasts, toast);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
}

gboolean
aftercare_undo_get_can_undo (AftercareUndo *self)
{
  g_return_val_if_fail (AFTERCARE_IS_UNDO (self), FALSE);
  return self->func != NULL;
}

gboolean
aftercare_undo_run (AftercareUndo  *self,
                    GError        **error)
{
  g_return_val_if_fail (AFTERCARE_IS_UNDO (self), FALSE);
  g_return_val_if_fail (self->func != NULL, FALSE);

  /* A failure (the database out of reach) leaves the offer: Ctrl+Z may try again. */
  if (!self->func (self->data, error))
    return FALSE;
  dismiss_toast (self);
  clear_offer (self);
  return TRUE;
}

void
aftercare_undo_forget (AftercareUndo *self)
{
  g_return_if_fail (AFTERCARE_IS_UNDO (self));

  dismiss_toast (self);
  clear_offer (self);
}
