/* aftercare-lock-page.c: what clinic mode shows instead of the sessions until staff enter the PIN. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-lock-page"

#include "config.h"

#include <glib/gi18n.h>

#include "aftercare-lock-page.h"
#include "aftercare-status-page.h"
#include "aftercare-util.h"

struct _AftercareLockPage
{
  GtkWidget parent_instance;

  AdwStatusPage *status_page;
  GtkWidget *unlock_box;
  GtkPasswordEntry *pin_entry;
  GtkWidget *unlock_button;
  GtkLabel *error_label;

  AftercareClinicMode *clinic_mode;
  /* What the PIN is asked for: NULL for the sessions, else the words and
   * the action a right PIN then activates. */
  char *title;
  char *reason;
  char *action_name;
  guint countdown_source;
};

G_DEFINE_FINAL_TYPE (AftercareLockPage, aftercare_lock_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CLINIC_MODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Without a staff PIN there is nothing to type: say where to set one. */
static void
update_description (AftercareLockPage *self)
{
  gboolean has_pin = self->clinic_mode != NULL && aftercare_clinic_mode_get_has_pin (self->clinic_mode);

  gtk_widget_set_visible (self->unlock_box, has_pin);
  adw_status_page_set_title (self->status_page,
                             has_pin && self->title != NULL ? self->title : _("Sessions Are Locked"));
  if (!has_pin)
    adw_status_page_set_description (self->status_page,
                                     _("Earlier clients’ sessions stay hidden in clinic mode. "
                                       "Set a staff PIN in Preferences to unlock them."));
  else
    adw_status_page_set_description (self->status_page,
                                     self->reason != NULL ? self->reason
                                     : _("Earlier clients’ sessions stay hidden in clinic mode. "
                                         "Staff can unlock them with the staff PIN."));
}

static void
show_error (AftercareLockPage *self,
            const char        *message)
{
  gtk_label_set_label (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->pin_entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->pin_entry), "error");
}

static void
pin_changed_cb (AftercareLockPage *self)
{
  if (self->countdown_source == 0)
    show_error (self, NULL);
}

static gboolean countdown_cb (gpointer data);

/* After too many wrong PINs: the field waits, and says for how long. */
static void
update_countdown (AftercareLockPage *self)
{
  guint wait = self->clinic_mode != NULL ? aftercare_clinic_mode_get_wait_seconds (self->clinic_mode) : 0;
  gboolean was_waiting = self->countdown_source != 0;
  g_autofree char *message = NULL;

  g_clear_handle_id (&self->countdown_source, g_source_remove);
  /* Not insensitive: the field keeps the keyboard, it only takes no PIN. */
  gtk_editable_set_editable (GTK_EDITABLE (self->pin_entry), wait == 0);
  gtk_widget_set_sensitive (self->unlock_button, wait == 0);
  if (wait == 0)
    {
      if (was_waiting)
        {
          show_error (self, NULL);
          aftercare_lock_page_focus (self);
        }
      return;
    }
  message = g_strdup_printf (ngettext ("Too many wrong PINs. Try again in %u second.",
                                       "Too many wrong PINs. Try again in %u seconds.", wait), wait);
  show_error (self, message);
  /* A quarter second: the number and the end show on time. */
  self->countdown_source = g_timeout_add (250, countdown_cb, self);
}

static gboolean
countdown_cb (gpointer data)
{
  AftercareLockPage *self = data;

  self->countdown_source = 0;
  update_countdown (self);
  return G_SOURCE_REMOVE;
}

static void
unlock_cb (AftercareLockPage *self)
{
  const char *pin = gtk_editable_get_text (GTK_EDITABLE (self->pin_entry));
  g_autofree char *action_name = NULL;
  AftercareUnlockResult result;

  if (self->clinic_mode == NULL)
    return;
  result = aftercare_clinic_mode_unlock (self->clinic_mode, pin);
  if (result == AFTERCARE_UNLOCK_OK)
    {
      /* What the PIN was asked for, now that it may happen. */
      action_name = g_steal_pointer (&self->action_name);
      aftercare_lock_page_reset (self);
      if (action_name != NULL)
        gtk_widget_activate_action (GTK_WIDGET (self), action_name, NULL);
      return;
    }
  /* Cleared, so the next try starts from nothing. */
  gtk_editable_set_text (GTK_EDITABLE (self->pin_entry), "");
  if (result == AFTERCARE_UNLOCK_WRONG_PIN)
    show_error (self, _("Enter the staff PIN again: that one does not match"));
  /* After too many, the wait instead. */
  update_countdown (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->pin_entry));
}

void
aftercare_lock_page_ask (AftercareLockPage *self,
                         const char        *title,
                         const char        *reason,
                         const char        *action_name)
{
  g_return_if_fail (AFTERCARE_IS_LOCK_PAGE (self));
  aftercare_set_string (&self->title, title);
  aftercare_set_string (&self->reason, reason);
  aftercare_set_string (&self->action_name, action_name);
  gtk_editable_set_text (GTK_EDITABLE (self->pin_entry), "");
  show_error (self, NULL);
  update_description (self);
  update_countdown (self);
}

void
aftercare_lock_page_reset (AftercareLockPage *self)
{
  aftercare_lock_page_ask (self, NULL, NULL, NULL);
}

const char *
aftercare_lock_page_get_action_name (AftercareLockPage *self)
{
  g_return_val_if_fail (AFTERCARE_IS_LOCK_PAGE (self), NULL);
  return self->action_name;
}

void
aftercare_lock_page_focus (AftercareLockPage *self)
{
  g_return_if_fail (AFTERCARE_IS_LOCK_PAGE (self));
  if (gtk_widget_get_visible (self->unlock_box))
    gtk_widget_grab_focus (GTK_WIDGET (self->pin_entry));
}

void
aftercare_lock_page_set_clinic_mode (AftercareLockPage   *self,
                                     AftercareClinicMode *clinic_mode)
{
  g_return_if_fail (AFTERCARE_IS_LOCK_PAGE (self));
  if (self->clinic_mode == clinic_mode)
    return;
  if (self->clinic_mode != NULL)
    g_signal_handlers_disconnect_by_data (self->clinic_mode, self);
  g_set_object (&self->clinic_mode, clinic_mode);
  if (clinic_mode != NULL)
    g_signal_connect_object (clinic_mode, "notify::has-pin", G_CALLBACK (update_description),
                             self, G_CONNECT_SWAPPED);
  update_description (self);
  update_countdown (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLINIC_MODE]);
}

static void
aftercare_lock_page_dispose (GObject *object)
{
  AftercareLockPage *self = AFTERCARE_LOCK_PAGE (object);

  aftercare_lock_page_set_clinic_mode (self, NULL);
  g_clear_handle_id (&self->countdown_source, g_source_remove);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->reason, g_free);
  g_clear_pointer (&self->action_name, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (object), AFTERCARE_TYPE_LOCK_PAGE);
  G_OBJECT_CLASS (aftercare_lock_page_parent_class)->dispose (object);
}

static void
aftercare_lock_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AftercareLockPage *self = AFTERCARE_LOCK_PAGE (object);

  switch (prop_id)
    {
    case PROP_CLINIC_MODE: g_value_set_object (value, self->clinic_mode); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aftercare_lock_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  AftercareLockPage *self = AFTERCARE_LOCK_PAGE (object);

  switch (prop_id)
    {
    case PROP_CLINIC_MODE: aftercare_lock_page_set_clinic_mode (self, g_value_get_object (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aftercare_lock_page_class_init (AftercareLockPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aftercare_lock_page_dispose;
  object_class->get_property = aftercare_lock_page_get_property;
  object_class->set_property = aftercare_lock_page_set_property;

  properties[PROP_CLINIC_MODE] =
    g_param_spec_object ("clinic-mode", NULL, NULL, AFTERCARE_TYPE_CLINIC_MODE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/aftercare-lock-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AftercareLockPage, status_page);
  gtk_widget_class_bind_template_child (widget_class, AftercareLockPage, unlock_box);
  gtk_widget_class_bind_template_child (widget_class, AftercareLockPage, pin_entry);
  gtk_widget_class_bind_template_child (widget_class, AftercareLockPage, unlock_button);
  gtk_widget_class_bind_template_child (widget_class, AftercareLockPage, error_label);
  gtk_widget_class_bind_template_callback (widget_class, unlock_cb);
  gtk_widget_class_bind_template_callback (widget_class, pin_changed_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "lockpage");
}

static void
aftercare_lock_page_init (AftercareLockPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  aftercare_status_page_defer_icon (self->status_page);
  update_description (self);
}
