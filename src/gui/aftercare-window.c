/* aftercare-window.c: the main window: a view switcher over the three places. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "aftercare-clinic-mode.h"
#include "aftercare-connection-bar.h"
#include "aftercare-lock-page.h"
#include "aftercare-backup-transfer.h"
#include "aftercare-preferences-window.h"
#include "aftercare-reference-view.h"
#include "aftercare-sheet-print.h"
#include "aftercare-sessions-view.h"
#include "aftercare-store-error-page.h"
#include "aftercare-undo.h"
#include "aftercare-window.h"
#include "aftercare-wizard.h"

struct _AftercareWindow
{
  AdwApplicationWindow parent_instance;

  AdwViewStack *stack;
  AdwToastOverlay *toast_overlay;
  AftercareConnectionBar *connection_bar;
  GtkStack *sessions_lock_stack;
  AftercareLockPage *lock_page;
  GtkWidget *lock_button;
  AftercareSessionsView *sessions_view;
  AdwBin *wizard_bin;
  AdwBin *reference_bin;
  AftercareWizard *wizard;          /* NULL until first shown */
  GtkWidget *reference_view;        /* NULL until first shown */

  GSettings *settings;
  AftercareClinicMode *clinic_mode;
  AftercareClock *clock;
  AftercareUndo *undo;
  AftercareStore *store;
  char *location;
  /* While the store cannot be opened, the views wait here, and the
   * window shows error_page, or error_lock_page in its place while
   * something there needs the staff PIN. */
  GtkWidget *views_content;
  GtkWidget *error_page;
  AftercareLockPage *error_lock_page;
  gboolean was_locked;
  gboolean was_enabled;
  AdwToast *idle_toast;          /* "Starting over", while it shows */
  gboolean painted;              /* the first frame is on screen */
  GCancellable *check_cancellable;
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
  AftercareWindow *self = AFTERCARE_WINDOW (window);

  /* A client at a clinic's desk must not close the app: Ctrl+W, the close
   * button and Ctrl+Q (which closes each window) all come here. */
  if (aftercare_window_ask_for_staff_pin (self, _("Closing Needs the Staff PIN"),
                                          _("Enter the staff PIN to close Aftercare."),
                                          "window.close"))
    return TRUE;
  save_window_state (self);
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

/* The view on show takes the keyboard: a switcher button clicked, or
 * Alt+2 pressed on one, must not keep it, or Enter would press that button
 * again instead of going on in the view. */
static void
focus_visible_view (AftercareWindow *self)
{
  const char *view = adw_view_stack_get_visible_child_name (self->stack);

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)) || self->clinic_mode == NULL)
    return;
  if (g_strcmp0 (view, "can-i-run") == 0)
    gtk_widget_grab_focus (GTK_WIDGET (aftercare_window_get_wizard (self)));
  else if (g_strcmp0 (view, "massage-types") == 0)
    gtk_widget_grab_focus (aftercare_window_get_reference_view (self));
  else if (aftercare_clinic_mode_get_locked (self->clinic_mode))
    aftercare_lock_page_focus (self->lock_page);
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->sessions_view));
}

/* ---- Clinic mode ------------------------------------------------------- */

/* Dialogs and Preferences left open by the last person go too: every
 * toplevel over this window, whether or not it belongs to the application
 * (the session editor and check-in dialog do not); Preferences stay when
 * keep_preferences. */
static void
close_transient_windows (AftercareWindow *self,
                         gboolean         keep_preferences)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* GTK's own list */
  g_autoptr(GPtrArray) doomed = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (gtk_window_get_transient_for (window) == GTK_WINDOW (self) &&
          !(keep_preferences && AFTERCARE_IS_PREFERENCES_WINDOW (window)))
        g_ptr_array_add (doomed, g_steal_pointer (&window));
    }
  for (guint i = 0; i < doomed->len; i++)
    gtk_window_close (g_ptr_array_index (doomed, i));
}

/* Menus and pickers left open (the main menu, a row's menu, the wizard's
 * time picker) are popovers inside the window. */
static void
close_popovers (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_POPOVER (child) && gtk_widget_get_visible (child))
        gtk_popover_popdown (GTK_POPOVER (child));
      close_popovers (child);
    }
}

/* Whatever the last person left open or filled in goes, and a right PIN
 * opens only the sessions again. */
static void
clear_desk (AftercareWindow *self,
            gboolean         keep_preferences)
{
  close_transient_windows (self, keep_preferences);
  aftercare_sheet_print_close_dialogs (GTK_WINDOW (self));
  aftercare_backup_transfer_close (GTK_WINDOW (self));
  close_popovers (GTK_WIDGET (self));
  aftercare_lock_page_reset (self->lock_page);
  if (self->error_page != NULL)
    {
      aftercare_lock_page_reset (self->error_lock_page);
      adw_application_window_set_content (ADW_APPLICATION_WINDOW (self), self->error_page);
    }
  if (self->wizard != NULL)
    aftercare_wizard_reset (self->wizard);
  /* The next person cannot bring back what the last one deleted. */
  aftercare_undo_forget (self->undo);
}

/* While clinic mode is locked the sessions view is insensitive and hidden
 * behind the lock page, the wizard neither lists nor saves sessions, and a
 * logged massage cannot be assessed; every action on a record also asks
 * aftercare_clinic_mode_records_locked() first, so none runs by its name
 * either. What staff may still ask for goes through
 * aftercare_window_ask_for_staff_pin(). */
static void
update_lock (AftercareWindow *self)
{
  gboolean locked = aftercare_clinic_mode_get_locked (self->clinic_mode);
  gboolean enabled = aftercare_clinic_mode_get_enabled (self->clinic_mode);
  gboolean just_locked = locked && !self->was_locked;

  /* Clinic mode just turned on (at start, or in Preferences, which stay
   * open for staff to finish there) clears the desk too. */
  if (just_locked)
    clear_desk (self, !self->was_enabled);
  self->was_locked = locked;
  self->was_enabled = enabled;
  gtk_stack_set_visible_child_name (self->sessions_lock_stack, locked ? "locked" : "sessions");
  gtk_widget_set_sensitive (GTK_WIDGET (self->sessions_view), !locked);
  if (self->wizard != NULL)
    aftercare_wizard_set_sessions_hidden (self->wizard, locked);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.assess-session", !locked);
  gtk_widget_set_visible (self->lock_button, enabled && !locked);
  /* The PIN field and the sessions take each other's place: the keyboard follows. */
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->stack), "sessions") == 0)
    focus_visible_view (self);
}

/* Nobody has touched the desk for a while: the next client starts clean. */
static void
clinic_idle_cb (AftercareWindow *self)
{
  /* Shown first, so the reset puts the focus in the wizard: a key pressed
   * on the view switcher could open the (locked) sessions instead. */
  adw_view_stack_set_visible_child_name (self->stack, "can-i-run");
  clear_desk (self, FALSE);
}

static void
keep_cb (AftercareWindow *self)
{
  aftercare_clinic_mode_note_activity (self->clinic_mode);
}

static void
idle_toast_dismissed_cb (AftercareWindow *self)
{
  g_clear_object (&self->idle_toast);
}

/* Ten seconds before the idle reset: say so, with a way to keep going. */
static void
idle_warning_cb (AftercareWindow *self)
{
  if (!aftercare_clinic_mode_get_warning (self->clinic_mode))
    {
      if (self->idle_toast != NULL)
        adw_toast_dismiss (self->idle_toast);
      return;
    }
  if (self->idle_toast != NULL)
    return;
  self->idle_toast = g_object_ref (adw_toast_new (_("Starting over in a few seconds")));
  adw_toast_set_button_label (self->idle_toast, _("_Keep"));
  adw_toast_set_timeout (self->idle_toast, AFTERCARE_CLINIC_MODE_WARNING_SECONDS);
  adw_toast_set_priority (self->idle_toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (self->idle_toast, "button-clicked", G_CALLBACK (keep_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->idle_toast, "dismissed", G_CALLBACK (idle_toast_dismissed_cb),
                           self, G_CONNECT_SWAPPED);
  adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (self->idle_toast));
}

/* A view other than the sessions is built when it is first shown (issue 15). */
static void
build_visible_view (AftercareWindow *self)
{
  const char *view = adw_view_stack_get_visible_child_name (self->stack);

  if (g_strcmp0 (view, "can-i-run") == 0)
    aftercare_window_get_wizard (self);
  else if (g_strcmp0 (view, "massage-types") == 0)
    aftercare_window_get_reference_view (self);
}

/* On the first showing, the keyboard starts in the view, not on the view
 * switcher: in clinic mode that is the wizard, where a key pressed on the
 * switcher could open the (locked) sessions instead. */
static void
first_map_cb (AftercareWindow *self)
{
  g_signal_handlers_disconnect_by_func (self, first_map_cb, NULL);
  focus_visible_view (self);
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
  g_signal_connect_object (self->clinic_mode, "notify::warning", G_CALLBACK (idle_warning_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->clinic_mode, "idle", G_CALLBACK (clinic_idle_cb),
                           self, G_CONNECT_SWAPPED);
  update_lock (self);
  /* Each client starts on the wizard, never on someone's sessions. */
  if (aftercare_clinic_mode_get_enabled (self->clinic_mode))
    adw_view_stack_set_visible_child_name (self->stack, "can-i-run");
  g_signal_connect_after (self, "map", G_CALLBACK (first_map_cb), NULL);
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
                                    const char      *title,
                                    const char      *reason,
                                    const char      *action_name)
{
  AftercareLockPage *page;

  g_return_val_if_fail (AFTERCARE_IS_WINDOW (self), FALSE);
  if (self->clinic_mode == NULL ||
      !aftercare_clinic_mode_get_locked (self->clinic_mode) ||
      !aftercare_clinic_mode_get_has_pin (self->clinic_mode))
    return FALSE;
  if (self->error_page != NULL)
    {
      /* The store could not be opened: the error page gives way. */
      page = self->error_lock_page;
      adw_application_window_set_content (ADW_APPLICATION_WINDOW (self), GTK_WIDGET (page));
    }
  else
    {
      page = self->lock_page;
      adw_view_stack_set_visible_child_name (self->stack, "sessions");
    }
  aftercare_lock_page_ask (page, title, reason, action_name);
  aftercare_lock_page_focus (page);
  return TRUE;
}

/* ---- The aftercare sheet ---------------------------------------------- */

/* The wizard's verdict, as the page shows it. */
static AftercareSheet *
sheet_from_wizard (AftercareWindow *self)
{
  AftercareVerdictPage *page = self->wizard != NULL ? aftercare_wizard_get_verdict_page (self->wizard) : NULL;

  if (page == NULL || aftercare_verdict_page_get_assessment (page) == NULL)
    return NULL;
  return aftercare_sheet_print_prepare (aftercare_verdict_page_get_session (page),
                                        aftercare_verdict_page_get_assessment (page),
                                        aftercare_verdict_page_get_planned_run (page),
                                        aftercare_verdict_page_get_now (page),
                                        self->settings,
                                        aftercare_verdict_page_get_clock_24h (page));
}

/* The session page's massage and verdict (an easy run, as the page
 * assesses it), printed now. Never while clinic mode hides the sessions. */
static AftercareSheet *
sheet_from_sessions (AftercareWindow *self)
{
  AftercareSessionPage *page = aftercare_sessions_view_get_page (self->sessions_view);
  AftercareSession *session = page != NULL ? aftercare_session_page_get_session (page) : NULL;
  AftercareAssessment *assessment = page != NULL ? aftercare_session_page_get_assessment (page) : NULL;
  g_autoptr(GDateTime) now = NULL;

  if (aftercare_clinic_mode_records_locked (GTK_WIDGET (self)) || session == NULL || assessment == NULL)
    return NULL;
  now = aftercare_clock_get_now (self->clock);     /* local time, a new reference */
  return aftercare_sheet_print_prepare (session, assessment, AFTERCARE_PLANNED_RUN_EASY, now,
                                        self->settings, aftercare_clock_get_24h (self->clock));
}

AftercareSheet *
aftercare_window_create_sheet (AftercareWindow *self)
{
  const char *view;

  g_return_val_if_fail (AFTERCARE_IS_WINDOW (self), NULL);
  view = adw_view_stack_get_visible_child_name (self->stack);
  if (g_strcmp0 (view, "can-i-run") == 0)
    return sheet_from_wizard (self);
  if (g_strcmp0 (view, "sessions") == 0)
    return sheet_from_sessions (self);
  return NULL;
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
                                   adw_toast_new (_("Open a massage or reach a verdict first: the sheet is made from it")));
      return;
    }
  if (g_str_equal (action_name, "win.print-sheet"))
    aftercare_sheet_print (sheet, GTK_WINDOW (self), self->toast_overlay);
  else
    aftercare_sheet_save_as_pdf (sheet, GTK_WINDOW (self), self->toast_overlay, self->settings);
}

/* Export… and Import… (aftercare-backup-transfer.c): every record goes
 * out or comes in, so in clinic mode staff enter the PIN first. */
static void
backup_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AftercareWindow *self = AFTERCARE_WINDOW (widget);
  gboolean export = g_str_equal (action_name, "win.export");

  if (export ? aftercare_window_ask_for_staff_pin (self, _("Export Needs the Staff PIN"),
                                                   _("Enter the staff PIN to export every record."), action_name)
             : aftercare_window_ask_for_staff_pin (self, _("Import Needs the Staff PIN"),
                                                   _("Enter the staff PIN to import records."), action_name))
    return;
  if (self->store == NULL || aftercare_clinic_mode_records_locked (widget))
    return;
  if (export)
    aftercare_backup_transfer_export (GTK_WINDOW (self), self->store, self->toast_overlay);
  else
    aftercare_backup_transfer_import (GTK_WINDOW (self), self->store, self->toast_overlay);
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
  aftercare_wizard_reset (aftercare_window_get_wizard (self));
  aftercare_wizard_set_massage_type (self->wizard, type);
}

/* "Can I Run?" on a session page: the wizard with that massage picked,
 * asking how the person feels now. */
static void
assess_session_action_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  AftercareWindow *self = AFTERCARE_WINDOW (widget);
  g_autoptr(AftercareSession) session = NULL;
  g_autoptr(GError) error = NULL;

  /* Another client's massage: never while clinic mode hides the sessions. */
  if (self->store == NULL || aftercare_clinic_mode_records_locked (widget))
    return;
  session = aftercare_store_lookup_session (self->store, g_variant_get_string (parameter, NULL), &error);
  if (session == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  /* Shown first, so the wizard may move the focus into the step. */
  adw_view_stack_set_visible_child_name (self->stack, "can-i-run");
  if (!aftercare_wizard_set_session (aftercare_window_get_wizard (self), session))
    adw_toast_overlay_add_toast (self->toast_overlay,
                                 adw_toast_new (_("That massage is not offered in Can I Run? now: enter it on the first step")));
}

/* Ctrl+N logs a massage from whichever view is showing. */
static void
log_massage_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  AftercareWindow *self = AFTERCARE_WINDOW (widget);

  /* Logging a visit is for staff: in clinic mode, the PIN first. */
  if (aftercare_window_ask_for_staff_pin (self, _("Logging Needs the Staff PIN"),
                                          _("Enter the staff PIN to log a massage."),
                                          "win.log-massage"))
    return;
  adw_view_stack_set_visible_child_name (self->stack, "sessions");
  gtk_widget_activate_action (GTK_WIDGET (self->sessions_view), "sessions.new", NULL);
}

/* ---- Undo ------------------------------------------------------------- */

/* Ctrl+Z, or the Undo of a "… deleted" toast, from wherever the focus is. */
static void
undo_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AftercareWindow *self = AFTERCARE_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (aftercare_clinic_mode_records_locked (widget))
    return;
  if (!aftercare_undo_run (self->undo, &error))
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
}

static void
can_undo_changed_cb (AftercareWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), AFTERCARE_UNDO_ACTION,
                                 aftercare_undo_get_can_undo (self->undo));
}

/* ---- The store ---------------------------------------------------------- */

static void open_store (AftercareWindow *self);
static void show_store_error (AftercareWindow *self, const GError *error);

static void
show_started_fresh (AftercareWindow *self,
                    const char      *backup_path)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Started Fresh"), NULL);

  /* Translators: %s is where the old database file now is. */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("Your old log was kept as %s. Aftercare will not touch it."),
                                  backup_path);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A file that failed its check after the window showed it: the views hold
 * that store, so a new window opens the file afresh (started fresh, or
 * tried again) and this one goes, once the dialog that asked is gone. */
typedef struct {
  AftercareWindow *window;
  char *backup_path;
} Reopen;

static gboolean
reopen_in_new_window_cb (gpointer data)
{
  Reopen *reopen = data;
  AftercareWindow *self = reopen->window;
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  AftercareWindow *window = aftercare_window_new (app, self->location, self->settings);

  gtk_window_present (GTK_WINDOW (window));
  if (reopen->backup_path != NULL)
    show_started_fresh (window, reopen->backup_path);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
  g_free (reopen->backup_path);
  g_free (reopen);
  return G_SOURCE_REMOVE;
}

static void
reopen_in_new_window (AftercareWindow *self,
                      const char      *backup_path)
{
  Reopen *reopen = g_new0 (Reopen, 1);

  reopen->window = g_object_ref (self);
  reopen->backup_path = g_strdup (backup_path);
  g_idle_add (reopen_in_new_window_cb, reopen);
}

static void
store_checked_cb (GObject      *store,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  AftercareWindow *self = user_data;
  g_autoptr(GError) error = NULL;

  if (aftercare_store_check_finish (AFTERCARE_STORE (store), result, &error))
    return;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  /* Damaged where only a full read can tell: nothing was written to it
   * (writes wait for the check), and now it says so as if it had failed
   * to open. */
  if (AFTERCARE_STORE (store) == self->store)
    show_store_error (self, error);
}

/* After the first frame: the file's integrity, read in a worker thread. */
static void
check_store (AftercareWindow *self)
{
  if (self->store == NULL || !self->painted)
    return;
  g_cancellable_cancel (self->check_cancellable);
  g_clear_object (&self->check_cancellable);
  self->check_cancellable = g_cancellable_new ();
  aftercare_store_check_async (self->store, self->check_cancellable, store_checked_cb, self);
}

static void
first_frame_cb (GdkFrameClock   *frame_clock,
                AftercareWindow *self)
{
  const char *report = g_getenv ("AFTERCARE_REPORT_FIRST_FRAME");

  g_signal_handlers_disconnect_by_func (frame_clock, first_frame_cb, self);
  self->painted = TRUE;
  /* For bench/run-startup-bench.sh: when the window was first painted. */
  if (report != NULL && *report != '\0')
    g_printerr ("aftercare-first-frame-us=%" G_GINT64_FORMAT "\n", g_get_real_time ());
  check_store (self);
}

static void
window_realized_cb (AftercareWindow *self)
{
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  g_signal_handlers_disconnect_by_func (self, window_realized_cb, NULL);
  g_signal_connect_object (frame_clock, "after-paint", G_CALLBACK (first_frame_cb), self, 0);
}

static void
started_fresh_cb (GtkWidget       *error_page,
                  const char      *backup_path,
                  AftercareWindow *self)
{
  if (self->store != NULL)
    {
      reopen_in_new_window (self, backup_path);
      return;
    }
  open_store (self);
  show_started_fresh (self, backup_path);
}

static void
try_again_cb (GtkWidget       *error_page,
              AftercareWindow *self)
{
  if (self->store != NULL)
    {
      /* The log opened, then could not be checked. Gone since (moved, or
       * its drive taken away), opening it again would make a new, empty
       * one in its place: say so instead, and let it be tried once back. */
      if (!aftercare_store_location_is_server (self->location) &&
          !g_file_test (self->location, G_FILE_TEST_EXISTS))
        {
          g_autoptr(GError) error = NULL;

          g_set_error (&error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_FAILED,
                       /* Translators: %s is the log's file. */
                       _("The log “%s” is no longer there: it may have been moved, or be on a drive that is "
                         "not connected"), self->location);
          show_store_error (self, error);
          return;
        }
      reopen_in_new_window (self, NULL);
      return;
    }
  open_store (self);
}

/* Starting fresh moves the clinic's records aside: in clinic mode, the
 * staff PIN first. */
static void
start_fresh_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  AftercareWindow *self = AFTERCARE_WINDOW (widget);

  if (self->error_page == NULL)
    return;
  if (aftercare_window_ask_for_staff_pin (self, _("Starting Fresh Needs the Staff PIN"),
                                          _("Enter the staff PIN to start with an empty log."),
                                          "win.start-fresh"))
    return;
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (self), self->error_page);
  gtk_widget_activate_action (self->error_page, "store-error.start-fresh", NULL);
}

static void
show_store_error (AftercareWindow *self,
                  const GError    *error)
{
  GtkWidget *page = aftercare_store_error_page_new (self->location, error);

  aftercare_store_error_page_set_clinic_mode (AFTERCARE_STORE_ERROR_PAGE (page), self->clinic_mode);
  g_signal_connect_object (page, "started-fresh", G_CALLBACK (started_fresh_cb), self, 0);
  g_signal_connect_object (page, "try-again", G_CALLBACK (try_again_cb), self, 0);
  if (self->views_content == NULL)
    self->views_content = g_object_ref (adw_application_window_get_content (ADW_APPLICATION_WINDOW (self)));
  g_set_object (&self->error_page, page);
  if (self->error_lock_page == NULL)
    self->error_lock_page = g_object_ref_sink (g_object_new (AFTERCARE_TYPE_LOCK_PAGE,
                                                             "clinic-mode", self->clinic_mode, NULL));
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (self), page);
}

static void
store_opened (AftercareWindow *self)
{
  aftercare_sessions_view_set_context (self->sessions_view, self->store, self->clock);
  if (self->wizard != NULL)
    aftercare_wizard_set_store (self->wizard, self->store);
  if (self->reference_view != NULL)
    aftercare_reference_view_set_store (AFTERCARE_REFERENCE_VIEW (self->reference_view), self->store);
  /* A shared database's lost connection, or why it is read-only, shows at the top. */
  aftercare_connection_bar_set_store (self->connection_bar, self->store);
}

static void
open_store (AftercareWindow *self)
{
  g_autoptr(GError) error = NULL;

  g_assert (self->store == NULL);

  /* The file's full integrity check waits for the first frame (check_store()). */
  self->store = aftercare_store_open_full (self->location, AFTERCARE_TIME_SOURCE (self->clock),
                                           AFTERCARE_STORE_OPEN_CHECK_LATER, &error);
  if (self->store == NULL)
    {
      /* Damaged, too new or out of reach: say so, and never replace it unasked. */
      show_store_error (self, error);
      return;
    }
  if (self->views_content != NULL)
    {
      g_clear_object (&self->error_page);
      adw_application_window_set_content (ADW_APPLICATION_WINDOW (self), self->views_content);
      g_clear_object (&self->views_content);
    }
  store_opened (self);
  check_store (self);
}

static void
aftercare_window_dispose (GObject *object)
{
  AftercareWindow *self = AFTERCARE_WINDOW (object);

  if (self->idle_toast != NULL)
    g_signal_handlers_disconnect_by_data (self->idle_toast, self);
  g_clear_object (&self->idle_toast);
  g_cancellable_cancel (self->check_cancellable);
  g_clear_object (&self->check_cancellable);
  g_clear_object (&self->clinic_mode);
  g_clear_object (&self->undo);
  g_clear_object (&self->settings);
  g_clear_object (&self->views_content);
  g_clear_object (&self->error_page);
  g_clear_object (&self->error_lock_page);
  gtk_widget_dispose_template (GTK_WIDGET (object), AFTERCARE_TYPE_WINDOW);
  G_OBJECT_CLASS (aftercare_window_parent_class)->dispose (object);
  /* After the views are gone: they hold the store and the clock too. */
  g_clear_object (&self->store);
  g_clear_object (&self->clock);
  g_clear_pointer (&self->location, g_free);
}

/* GTK 4.8's shortcuts window writes a key that has no symbol of its own by
 * its raw name ("Page_Down"): give it the name GTK's accelerator labels
 * use ("Page Down"). */
static void
name_keys_for_people (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *key = GTK_IS_LABEL (child) ? gtk_label_get_label (GTK_LABEL (child)) : NULL;
      guint keyval = key != NULL && strchr (key, '_') != NULL ? gdk_keyval_from_name (key) : GDK_KEY_VoidSymbol;

      if (GTK_IS_SHORTCUT_LABEL (widget) && keyval != GDK_KEY_VoidSymbol)
        {
          g_autofree char *name = gtk_accelerator_get_label (keyval, 0);

          gtk_label_set_label (GTK_LABEL (child), name);
        }
      name_keys_for_people (child);
    }
}

/* The shortcuts window, built when first asked for (Ctrl+?, or Keyboard
 * Shortcuts in the menu): most people never open it, and built with the
 * window, as GTK builds gtk/help-overlay.ui, it cost 0.8 MB and a few
 * milliseconds before the first frame. Installed on the class, the action
 * comes before the one GtkApplicationWindow adds once the window is set. */
static void
show_shortcuts_action_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (widget);
  GtkShortcutsWindow *shortcuts = gtk_application_window_get_help_overlay (window);

  if (shortcuts == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource (RESOURCE_PATH "/aftercare-shortcuts-window.ui");

      shortcuts = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      name_keys_for_people (GTK_WIDGET (shortcuts));
      gtk_application_window_set_help_overlay (window, shortcuts);
    }
  gtk_window_present (GTK_WINDOW (shortcuts));
}

static void
aftercare_window_class_init (AftercareWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = aftercare_window_dispose;
  window_class->close_request = aftercare_window_close_request;

  g_type_ensure (AFTERCARE_TYPE_CONNECTION_BAR);
  g_type_ensure (AFTERCARE_TYPE_SESSIONS_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/aftercare-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AftercareWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, AftercareWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AftercareWindow, connection_bar);
  gtk_widget_class_bind_template_child (widget_class, AftercareWindow, sessions_lock_stack);
  gtk_widget_class_bind_template_child (widget_class, AftercareWindow, lock_page);
  gtk_widget_class_bind_template_child (widget_class, AftercareWindow, lock_button);
  gtk_widget_class_bind_template_child (widget_class, AftercareWindow, sessions_view);
  gtk_widget_class_bind_template_child (widget_class, AftercareWindow, wizard_bin);
  gtk_widget_class_bind_template_child (widget_class, AftercareWindow, reference_bin);

  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_action_cb);
  gtk_widget_class_install_action (widget_class, "win.lock", NULL, lock_action_cb);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_shortcuts_action_cb);
  gtk_widget_class_install_action (widget_class, "win.log-massage", NULL, log_massage_action_cb);
  gtk_widget_class_install_action (widget_class, "win.assess-type", "s", assess_type_action_cb);
  gtk_widget_class_install_action (widget_class, "win.assess-session", "s", assess_session_action_cb);
  gtk_widget_class_install_action (widget_class, "win.print-sheet", NULL, sheet_action_cb);
  gtk_widget_class_install_action (widget_class, "win.save-sheet-pdf", NULL, sheet_action_cb);
  gtk_widget_class_install_action (widget_class, "win.start-fresh", NULL, start_fresh_action_cb);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, backup_action_cb);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, backup_action_cb);
  gtk_widget_class_install_action (widget_class, AFTERCARE_UNDO_ACTION, NULL, undo_action_cb);

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
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.log-massage", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                       AFTERCARE_UNDO_ACTION, NULL);
}

static void
aftercare_window_init (AftercareWindow *self)
{
  g_type_ensure (AFTERCARE_TYPE_LOCK_PAGE);
  gtk_widget_init_template (GTK_WIDGET (self));
  self->clock = aftercare_clock_new ();
  self->undo = aftercare_undo_new (self->toast_overlay);
  g_signal_connect_object (self->undo, "notify::can-undo", G_CALLBACK (can_undo_changed_cb),
                           self, G_CONNECT_SWAPPED);
  can_undo_changed_cb (self);
  g_signal_connect_object (self->stack, "notify::visible-child", G_CALLBACK (build_visible_view),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->stack, "notify::visible-child", G_CALLBACK (focus_visible_view),
                           self, G_CONNECT_SWAPPED);
}

AftercareWindow *
aftercare_window_new (GtkApplication *application,
                      const char     *db_path,
                      GSettings      *settings)
{
  AftercareWindow *self = g_object_new (AFTERCARE_TYPE_WINDOW, "application", application, NULL);

  self->settings = g_object_ref (settings);
  restore_window_state (self);
  self->location = db_path != NULL ? g_strdup (db_path) : aftercare_store_get_default_location ();
  g_signal_connect (self, "realize", G_CALLBACK (window_realized_cb), NULL);
  /* First, so a store that cannot be opened is already behind the lock. */
  setup_clinic_mode (self);
  open_store (self);
  return self;
}

AftercareStore *
aftercare_window_get_store (AftercareWindow *self)
{
  g_return_val_if_fail (AFTERCARE_IS_WINDOW (self), NULL);
  return self->store;
}

void
aftercare_window_open_session (AftercareWindow *self,
                               const char      *session_id,
                               gboolean         check_in)
{
  g_autoptr(AftercareSession) session = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *page;

  g_return_if_fail (AFTERCARE_IS_WINDOW (self));
  g_return_if_fail (session_id != NULL);

  if (self->store == NULL || aftercare_clinic_mode_records_locked (GTK_WIDGET (self)))
    return;
  session = aftercare_store_lookup_session (self->store, session_id, &error);
  if (session == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  adw_view_stack_set_visible_child_name (self->stack, "sessions");
  aftercare_sessions_view_open_session (self->sessions_view, session);
  page = GTK_WIDGET (aftercare_sessions_view_get_page (self->sessions_view));
  if (check_in)
    gtk_widget_activate_action (page, "session.check-in", NULL);
}

AftercareClock *
aftercare_window_get_clock (AftercareWindow *self)
{
  g_return_val_if_fail (AFTERCARE_IS_WINDOW (self), NULL);
  return self->clock;
}

AftercareWizard *
aftercare_window_get_wizard (AftercareWindow *self)
{
  g_return_val_if_fail (AFTERCARE_IS_WINDOW (self), NULL);

  if (self->wizard == NULL)
    {
      self->wizard = AFTERCARE_WIZARD (aftercare_wizard_new ());
      aftercare_wizard_set_settings (self->wizard, self->settings);
      aftercare_wizard_set_clock (self->wizard, self->clock);
      if (self->store != NULL)
        aftercare_wizard_set_store (self->wizard, self->store);
      if (self->clinic_mode != NULL)
        aftercare_wizard_set_sessions_hidden (self->wizard, aftercare_clinic_mode_get_locked (self->clinic_mode));
      adw_bin_set_child (self->wizard_bin, GTK_WIDGET (self->wizard));
    }
  return self->wizard;
}

GtkWidget *
aftercare_window_get_reference_view (AftercareWindow *self)
{
  g_return_val_if_fail (AFTERCARE_IS_WINDOW (self), NULL);

  if (self->reference_view == NULL)
    {
      self->reference_view = aftercare_reference_view_new ();
      if (self->store != NULL)
        aftercare_reference_view_set_store (AFTERCARE_REFERENCE_VIEW (self->reference_view), self->store);
      adw_bin_set_child (self->reference_bin, self->reference_view);
    }
  return self->reference_view;
}
