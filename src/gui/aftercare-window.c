/* aftercare-window.c: the main window: a view switcher over the three places. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-window"

#include "config.h"

#include <glib/gi18n.h>

#include "aftercare-reference-view.h"
#include "aftercare-sessions-view.h"
#include "aftercare-store-error-page.h"
#include "aftercare-window.h"
#include "aftercare-wizard.h"

struct _AftercareWindow
{
  AdwApplicationWindow parent_instance;

  AdwViewStack *stack;
  AdwToastOverlay *toast_overlay;
  AftercareSessionsView *sessions_view;
  AftercareWizard *wizard;

  GSettings *settings;
  AftercareClock *clock;
  AftercareStore *store;
  char *location;
  /* While the store cannot be opened, the views wait here. */
  GtkWidget *views_content;
};

G_DEFINE_FINAL_TYPE (AftercareWindow, aftercare_window, ADW_TYPE_APPLICATION_WINDOW)

static void
restore_window_state (AftercareWindow *self)
{
  int width = g_settings_get_int (self->settings, "window-width");
  int height = g_settings_get_int (self->settings, "window-height");

  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
save_window_state (AftercareWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  /* A maximized window's size is the screen's; keep the size to unmaximize to. */
  if (!gtk_window_is_maximized (GTK_WINDOW (self)))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_apply (self->settings);
}

static gboolean
aftercare_window_close_request (GtkWindow *window)
{
  save_window_state (AFTERCARE_WINDOW (window));
  return GTK_WINDOW_CLASS (aftercare_window_parent_class)->close_request (window);
}

static void
show_view_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AftercareWindow *self = AFTERCARE_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->stack, g_variant_get_string (parameter, NULL));
}

/* "Can I run after this?" from the reference: a fresh wizard with the type filled in. */
static void
assess_type_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  AftercareWindow *self = AFTERCARE_WINDOW (widget);
  const char *key = g_variant_get_string (parameter, NULL);
  int type;

  if (!aftercare_enum_from_key (AFTERCARE_TYPE_MASSAGE_TYPE, key, &type))
    {
      g_critical ("Unknown massage type “%s”", key);
      return;
    }
  /* Shown first, so the wizard may move the focus into its first step. */
  adw_view_stack_set_visible_child_name (self->stack, "can-i-run");
  aftercare_wizard_reset (self->wizard);
  aftercare_wizard_set_massage_type (self->wizard, type);
}

/* Ctrl+N logs a massage from whichever view is showing. */
static void
log_massage_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  AftercareWindow *self = AFTERCARE_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->stack, "sessions");
  gtk_widget_activate_action (GTK_WIDGET (self->sessions_view), "sessions.new", NULL);
}

/* ---- The store ---------------------------------------------------------- */

static void open_store (AftercareWindow *self);

static void
started_fresh_cb (GtkWidget       *error_page,
                  const char      *backup_path,
                  AftercareWindow *self)
{
  GtkWidget *dialog;

  open_store (self);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Started Fresh"), NULL);
  /* Translators: %s is where the old database file now is. */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("Your old log was kept as %s. Aftercare will not touch it."),
                                  backup_path);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_store_error (AftercareWindow *self,
                  const GError    *error)
{
  GtkWidget *page = aftercare_store_error_page_new (self->location, error);

  g_signal_connect_object (page, "started-fresh", G_CALLBACK (started_fresh_cb), self, 0);
  if (self->views_content == NULL)
    self->views_content = g_object_ref (adw_application_window_get_content (ADW_APPLICATION_WINDOW (self)));
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (self), page);
}

static void
store_opened (AftercareWindow *self)
{
  aftercare_sessions_view_set_context (self->sessions_view, self->store, self->clock);
  aftercare_wizard_set_store (self->wizard, self->store);
}

static void
open_store (AftercareWindow *self)
{
  g_autoptr(GError) error = NULL;

  g_assert (self->store == NULL);

  self->store = aftercare_store_open (self->location, &error);
  if (self->store == NULL)
    {
      /* Damaged, too new or out of reach: say so, and never replace it unasked. */
      show_store_error (self, error);
      return;
    }
  if (self->views_content != NULL)
    {
      adw_application_window_set_content (ADW_APPLICATION_WINDOW (self), self->views_content);
      g_clear_object (&self->views_content);
    }
  store_opened (self);
}

static void
aftercare_window_dispose (GObject *object)
{
  AftercareWindow *self = AFTERCARE_WINDOW (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->views_content);
  gtk_widget_dispose_template (GTK_WIDGET (object), AFTERCARE_TYPE_WINDOW);
  G_OBJECT_CLASS (aftercare_window_parent_class)->dispose (object);
  /* After the views are gone: they hold the store and the clock too. */
  g_clear_object (&self->store);
  g_clear_object (&self->clock);
  g_clear_pointer (&self->location, g_free);
}

static void
aftercare_window_class_init (AftercareWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = aftercare_window_dispose;
  window_class->close_request = aftercare_window_close_request;

  g_type_ensure (AFTERCARE_TYPE_SESSIONS_VIEW);
  g_type_ensure (AFTERCARE_TYPE_WIZARD);
  g_type_ensure (AFTERCARE_TYPE_REFERENCE_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/aftercare-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AftercareWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, AftercareWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AftercareWindow, sessions_view);
  gtk_widget_class_bind_template_child (widget_class, AftercareWindow, wizard);

  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_action_cb);
  gtk_widget_class_install_action (widget_class, "win.log-massage", NULL, log_massage_action_cb);
  gtk_widget_class_install_action (widget_class, "win.assess-type", "s", assess_type_action_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK,
                                       "win.show-view", "s", "sessions");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK,
                                       "win.show-view", "s", "can-i-run");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK,
                                       "win.show-view", "s", "massage-types");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.log-massage", NULL);
}

static void
aftercare_window_init (AftercareWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->clock = aftercare_clock_new ();
}

AftercareWindow *
aftercare_window_new (AftercareApplication *application)
{
  AftercareWindow *self = g_object_new (AFTERCARE_TYPE_WINDOW, "application", application, NULL);

  const char *db_path = aftercare_application_get_db_path (application);

  self->settings = g_object_ref (aftercare_application_get_settings (application));
  restore_window_state (self);
  self->location = db_path != NULL ? g_strdup (db_path) : aftercare_store_get_default_location ();
  open_store (self);
  return self;
}

AftercareStore *
aftercare_window_get_store (AftercareWindow *self)
{
  g_return_val_if_fail (AFTERCARE_IS_WINDOW (self), NULL);
  return self->store;
}

AftercareClock *
aftercare_window_get_clock (AftercareWindow *self)
{
  g_return_val_if_fail (AFTERCARE_IS_WINDOW (self), NULL);
  return self->clock;
}
