/* aftercare-connection-bar.c: a bar at the top of the window while the clinic database is out of reach, or read-only. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-connection-bar"

#include "config.h"

#include <glib/gi18n.h>

#include "aftercare-connection-bar.h"

struct _AftercareConnectionBar
{
  GtkWidget parent_instance;

  GtkRevealer *revealer;
  GtkWidget *bar;
  GtkSpinner *spinner;
  GtkImage *icon;
  GtkLabel *label;

  AftercareStore *store;
  GSignalGroup *store_signals;
};

G_DEFINE_FINAL_TYPE (AftercareConnectionBar, aftercare_connection_bar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What the bar says, if anything, and in which style. */
static void
update (AftercareConnectionBar *self)
{
  gboolean lost = self->store != NULL && !aftercare_store_get_connected (self->store);
  const char *read_only = self->store != NULL ? aftercare_store_get_read_only_reason (self->store) : NULL;
  const char *text = NULL;

  if (lost)
    text = _("The connection to the clinic database is lost. Aftercare keeps trying to reconnect; "
             "nothing you have typed is lost, and you can save it once the connection is back.");
  else if (read_only != NULL)
    text = read_only;

  if (text != NULL)
    gtk_label_set_text (self->label, text);
  gtk_spinner_set_spinning (self->spinner, lost);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), lost);
  gtk_widget_set_visible (GTK_WIDGET (self->icon), !lost);
  if (lost)
    {
      gtk_widget_add_css_class (self->bar, "lost");
      gtk_widget_remove_css_class (self->bar, "read-only");
    }
  else
    {
      gtk_widget_add_css_class (self->bar, "read-only");
      gtk_widget_remove_css_class (self->bar, "lost");
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->bar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  text != NULL ? text : "", -1);
  gtk_revealer_set_reveal_child (self->revealer, text != NULL);
}

static void
store_changed_cb (AftercareConnectionBar *self)
{
  update (self);
}

static void
aftercare_connection_bar_dispose (GObject *object)
{
  AftercareConnectionBar *self = AFTERCARE_CONNECTION_BAR (object);

  g_clear_object (&self->store_signals);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (object), AFTERCARE_TYPE_CONNECTION_BAR);

  G_OBJECT_CLASS (aftercare_connection_bar_parent_class)->dispose (object);
}

static void
aftercare_connection_bar_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  AftercareConnectionBar *self = AFTERCARE_CONNECTION_BAR (object);

  switch (prop_id)
    {
    case PROP_STORE: g_value_set_object (value, self->store); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aftercare_connection_bar_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  AftercareConnectionBar *self = AFTERCARE_CONNECTION_BAR (object);

  switch (prop_id)
    {
    case PROP_STORE: aftercare_connection_bar_set_store (self, g_value_get_object (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aftercare_connection_bar_class_init (AftercareConnectionBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aftercare_connection_bar_dispose;
  object_class->get_property = aftercare_connection_bar_get_property;
  object_class->set_property = aftercare_connection_bar_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, AFTERCARE_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/aftercare-connection-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, AftercareConnectionBar, revealer);
  gtk_widget_class_bind_template_child (widget_class, AftercareConnectionBar, bar);
  gtk_widget_class_bind_template_child (widget_class, AftercareConnectionBar, spinner);
  gtk_widget_class_bind_template_child (widget_class, AftercareConnectionBar, icon);
  gtk_widget_class_bind_template_child (widget_class, AftercareConnectionBar, label);
  gtk_widget_class_set_css_name (widget_class, "connectionbar");
}

static void
aftercare_connection_bar_init (AftercareConnectionBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->store_signals = g_signal_group_new (AFTERCARE_TYPE_STORE);
  g_signal_group_connect_swapped (self->store_signals, "notify::connected", G_CALLBACK (store_changed_cb), self);
  g_signal_group_connect_swapped (self->store_signals, "notify::read-only", G_CALLBACK (store_changed_cb), self);
  update (self);
}

GtkWidget *
aftercare_connection_bar_new (void)
{
  return g_object_new (AFTERCARE_TYPE_CONNECTION_BAR, NULL);
}

AftercareStore *
aftercare_connection_bar_get_store (AftercareConnectionBar *self)
{
  g_return_val_if_fail (AFTERCARE_IS_CONNECTION_BAR (self), NULL);
  return self->store;
}

void
aftercare_connection_bar_set_store (AftercareConnectionBar *self,
                                    AftercareStore         *store)
{
  g_return_if_fail (AFTERCARE_IS_CONNECTION_BAR (self));
  g_return_if_fail (store == NULL || AFTERCARE_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;
  g_signal_group_set_target (self->store_signals, store);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

gboolean
aftercare_connection_bar_get_revealed (AftercareConnectionBar *self)
{
  g_return_val_if_fail (AFTERCARE_IS_CONNECTION_BAR (self), FALSE);
  return gtk_revealer_get_reveal_child (self->revealer);
}
