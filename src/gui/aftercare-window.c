/* aftercare-window.c: the main window: a view switcher over the three places. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-window"

#include "config.h"

#include <glib/gi18n.h>

#include "aftercare-clinic-mode.h"
#include "aftercare-lock-page.h"
#include "aftercare-reference-view.h"
#include "aftercare-sheet-print.h"
#include "aftercare-window.h"
#include "aftercare-wizard.h"

struct _AftercareWindow
{
  AdwApplicationWindow parent_instance;

  AdwViewStack *stack;
  AdwToastOverlay *toast_overlay;
  GtkStack *sessions_lock_stack;
  AftercareLockPage *lock_page;
  GtkWidget *lock_button;
  AftercareWizard *wizard;

  GSettings *settings;
  AftercareClinicMode *clinic_mode;
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

/* ---- Clinic mode ------------------------------------------------------- */

static void
update_lock (AftercareWindow *self)
{
  gboolean locked = aftercare_clinic_mode_get_locked (self->clinic_mode);

  gtk_stack_set_visible_child_name (self->sessions_lock_stack, locked ? "locked" : "sessions");
  aftercare_wizard_set_sessions_hidden (self->wizard, locked);
  gtk_widget_set_visible (self->lock_button,
                          aftercare_clinic_mode_get_enabled (self->clinic_mode) && !locked);
  if (locked)
    aftercare_lock_page_reset (self->lock_page, NULL);
}

/* Dialogs and Preferences left open by the last person go too. */
static void
close_transient_windows (AftercareWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  GList *windows = app != NULL ? gtk_application_get_windows (app) : NULL;
  g_autoptr(GPtrArray) doomed = g_ptr_array_new_with_free_func (g_object_unref);

  for (GList *l = windows; l != NULL; l = l->next)
    if (gtk_window_get_transient_for (l->data) == GTK_WINDOW (self))
      g_ptr_array_add (doomed, g_object_ref (l->data));
  for (guint i = 0; i < doomed->len; i++)
    gtk_window_close (g_ptr_array_index (doomed, i));
}

/* Nobody has touched the desk for a while: the next client starts clean. */
static void
clinic_idle_cb (AftercareWindow *self)
{
  close_transient_windows (self);
  /* Shown first, so the reset puts the focus in the wizard: a key pressed
   * on the view switcher could open the (locked) sessions instead. */
  adw_view_stack_set_visible_child_name (self->stack, "can-i-run");
  aftercare_wizard_reset (self->wizard);
}

/* On the first showing in clinic mode, the focus starts in the wizard. */
static void
focus_wizard_cb (AftercareWindow *self)
{
  g_signal_handlers_disconnect_by_func (self, focus_wizard_cb, NULL);
  if (aftercare_clinic_mode_get_enabled (self->clinic_mode))
    gtk_widget_child_focus (GTK_WIDGET (self->wizard), GTK_DIR_TAB_FORWARD);
}

static void
setup_clinic_mode (AftercareWindow *self)
{
  self->clinic_mode = aftercare_clinic_mode_new (self->settings);
  aftercare_lock_page_set_clinic_mode (self->lock_page, self->clinic_mode);
  aftercare_clinic_mode_watch (self->clinic_mode, GTK_WIDGET (self));
  g_signal_connect_object (self->clinic_mode, "notify::locked", G_CALLBACK (update_lock),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->clinic_mode, "notify::enabled", G_CALLBACK (update_lock),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->clinic_mode, "idle", G_CALLBACK (clinic_idle_cb),
                           self, G_CONNECT_SWAPPED);
  update_lock (self);
  /* Each client starts on the wizard, never on someone's sessions. */
  if (aftercare_clinic_mode_get_enabled (self->clinic_mode))
    adw_view_stack_set_visible_child_name (self->stack, "can-i-run");
  g_signal_connect_after (self, "map", G_CALLBACK (focus_wizard_cb), NULL);
}

static void
lock_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AftercareWindow *self = AFTERCARE_WINDOW (widget);

  aftercare_clinic_mode_lock (self->clinic_mode);
}

AftercareClinicMode *
aftercare_window_get_clinic_mode (AftercareWindow *self)
{
  g_return_val_if_fail (AFTERCARE_IS_WINDOW (self), NULL);
  return self->clinic_mode;
}

gboolean
aftercare_window_ask_for_staff_pin (AftercareWindow *self,
                                    const char      *reason)
{
  g_return_val_if_fail (AFTERCARE_IS_WINDOW (self), FALSE);
  if (!aftercare_clinic_mode_get_locked (self->clinic_mode) ||
      !aftercare_clinic_mode_get_has_pin (self->clinic_mode))
    return FALSE;
  adw_view_stack_set_visible_child_name (self->stack, "sessions");
  aftercare_lock_page_reset (self->lock_page, reason);
  aftercare_lock_page_focus (self->lock_page);
  return TRUE;
}

/* ---- The aftercare sheet ---------------------------------------------- */

AftercareSheet *
aftercare_window_create_sheet (AftercareWindow *self)
{
  const char *view;
  AftercareVerdictPage *page = NULL;

  g_return_val_if_fail (AFTERCARE_IS_WINDOW (self), NULL);
  view = adw_view_stack_get_visible_child_name (self->stack);
  if (g_strcmp0 (view, "can-i-run") == 0)
    page = aftercare_wizard_get_verdict_page (self->wizard);
  if (page == NULL || aftercare_verdict_page_get_assessment (page) == NULL)
    return NULL;
  return aftercare_sheet_print_prepare (aftercare_verdict_page_get_session (page),
                                        aftercare_verdict_page_get_assessment (page),
                                        aftercare_verdict_page_get_planned_run (page),
                                        aftercare_verdict_page_get_now (page),
                                        self->settings,
                                        aftercare_verdict_page_get_clock_24h (page));
}

static void
sheet_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  AftercareWindow *self = AFTERCARE_WINDOW (widget);
  g_autoptr(AftercareSheet) sheet = aftercare_window_create_sheet (self);

  if (sheet == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("Reach a verdict first: the sheet is made from it")));
      return;
    }
  if (g_str_equal (action_name, "win.print-sheet"))
    aftercare_sheet_print (sheet, GTK_WINDOW (self), self->toast_overlay);
  else
    aftercare_sheet_save_as_pdf (sheet, GTK_WINDOW (self), self->toast_overlay);
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

static void
aftercare_window_dispose (GObject *object)
{
  AftercareWindow *self = AFTERCARE_WINDOW (object);

  g_clear_object (&self->clinic_mode);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (object), AFTERCARE_TYPE_WINDOW);
  G_OBJECT_CLASS (aftercare_window_parent_class)->dispose (object);
}

static void
aftercare_window_class_init (AftercareWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = aftercare_window_dispose;
  window_class->close_request = aftercare_window_close_request;

  g_type_ensure (AFTERCARE_TYPE_WIZARD);
  g_type_ensure (AFTERCARE_TYPE_REFERENCE_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/aftercare-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AftercareWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, AftercareWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AftercareWindow, sessions_lock_stack);
  gtk_widget_class_bind_template_child (widget_class, AftercareWindow, lock_page);
  gtk_widget_class_bind_template_child (widget_class, AftercareWindow, lock_button);

  gtk_widget_class_bind_template_child (widget_class, AftercareWindow, wizard);

  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_action_cb);
  gtk_widget_class_install_action (widget_class, "win.lock", NULL, lock_action_cb);
  gtk_widget_class_install_action (widget_class, "win.assess-type", "s", assess_type_action_cb);
  gtk_widget_class_install_action (widget_class, "win.print-sheet", NULL, sheet_action_cb);
  gtk_widget_class_install_action (widget_class, "win.save-sheet-pdf", NULL, sheet_action_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK,
                                       "win.show-view", "s", "sessions");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK,
                                       "win.show-view", "s", "can-i-run");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK,
                                       "win.show-view", "s", "massage-types");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "win.print-sheet", NULL);
}

static void
aftercare_window_init (AftercareWindow *self)
{
  g_type_ensure (AFTERCARE_TYPE_LOCK_PAGE);
  gtk_widget_init_template (GTK_WIDGET (self));
}

AftercareWindow *
aftercare_window_new (AftercareApplication *application)
{
  AftercareWindow *self = g_object_new (AFTERCARE_TYPE_WINDOW, "application", application, NULL);

  self->settings = g_object_ref (aftercare_application_get_settings (application));
  restore_window_state (self);
  aftercare_wizard_set_settings (self->wizard, self->settings);
  setup_clinic_mode (self);
  return self;
}
