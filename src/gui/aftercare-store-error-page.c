/* aftercare-store-error-page.c: says plainly why the log cannot be opened, and offers to start fresh. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-store-error-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "aftercare-clinic-mode.h"
#include "aftercare-store.h"
#include "aftercare-store-error-page.h"

struct _AftercareStoreErrorPage
{
  GtkBox parent_instance;

  AdwStatusPage *status_page;
  GtkWidget *start_fresh_button;
  GtkWidget *try_again_button;

  char *location;
  AftercareClinicMode *clinic_mode;
};

G_DEFINE_FINAL_TYPE (AftercareStoreErrorPage, aftercare_store_error_page, GTK_TYPE_BOX)

enum {
  STARTED_FRESH,
  TRY_AGAIN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
can_start_fresh (const GError *error)
{
  return g_error_matches (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_DAMAGED) ||
         g_error_matches (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_TOO_NEW);
}

/* A shared database's server may be back in a moment; a bad address or
 * password in the address will not be. A file that could not be read or
 * checked (a drive not yet there, a failing disk, a machine short of
 * memory) may be readable in a moment too; a damaged or newer one, or one
 * this app may not write, will not be by trying. */
static gboolean
can_try_again (const char   *location,
               const GError *error)
{
  if (aftercare_store_location_is_server (location))
    return !g_error_matches (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_INVALID);
  return g_error_matches (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_FAILED);
}

static void
show_failure (AftercareStoreErrorPage *self,
              const char              *message)
{
  /* Translators: %s says why the old log could not be moved aside. */
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  g_autofree char *text = g_strdup_printf (_("Aftercare could not set the old log aside, so nothing was changed: %s"),
                                           escaped);

  adw_status_page_set_description (self->status_page, text);
  gtk_widget_set_sensitive (self->start_fresh_button, FALSE);
}

static void
confirm_response_cb (AdwMessageDialog        *dialog,
                     const char              *response,
                     AftercareStoreErrorPage *self)
{
  g_autofree char *backup_path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (!g_str_equal (response, "start-fresh"))
    return;
  if (!aftercare_store_start_fresh (self->location, now, &backup_path, &error))
    {
      show_failure (self, error->message);
      return;
    }
  g_signal_emit (self, signals[STARTED_FRESH], 0, backup_path);
}

static void
start_fresh_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  AftercareStoreErrorPage *self = AFTERCARE_STORE_ERROR_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;

  /* The clinic's records are not the client's to set aside: the window
   * asks for the staff PIN first (win.start-fresh), then comes back. */
  if (self->clinic_mode != NULL && aftercare_clinic_mode_get_locked (self->clinic_mode) &&
      aftercare_clinic_mode_get_has_pin (self->clinic_mode))
    {
      gtk_widget_activate_action (widget, "win.start-fresh", NULL);
      return;
    }
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Start With an Empty Log?"),
                                   _("The current file will be moved aside as a backup beside it, "
                                     "not deleted. Aftercare will then start a new, empty log."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "start-fresh", _("_Start Fresh"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "start-fresh",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
try_again_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  g_signal_emit (widget, signals[TRY_AGAIN], 0);
}

static void
aftercare_store_error_page_finalize (GObject *object)
{
  AftercareStoreErrorPage *self = AFTERCARE_STORE_ERROR_PAGE (object);

  g_free (self->location);
  G_OBJECT_CLASS (aftercare_store_error_page_parent_class)->finalize (object);
}

static void
aftercare_store_error_page_dispose (GObject *object)
{
  g_clear_object (&AFTERCARE_STORE_ERROR_PAGE (object)->clinic_mode);
  gtk_widget_dispose_template (GTK_WIDGET (object), AFTERCARE_TYPE_STORE_ERROR_PAGE);
  G_OBJECT_CLASS (aftercare_store_error_page_parent_class)->dispose (object);
}

static void
aftercare_store_error_page_class_init (AftercareStoreErrorPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aftercare_store_error_page_dispose;
  object_class->finalize = aftercare_store_error_page_finalize;

  signals[STARTED_FRESH] = g_signal_new ("started-fresh", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  signals[TRY_AGAIN] = g_signal_new ("try-again", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/aftercare-store-error-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AftercareStoreErrorPage, status_page);
  gtk_widget_class_bind_template_child (widget_class, AftercareStoreErrorPage, start_fresh_button);
  gtk_widget_class_bind_template_child (widget_class, AftercareStoreErrorPage, try_again_button);

  gtk_widget_class_install_action (widget_class, "store-error.start-fresh", NULL, start_fresh_action_cb);
  gtk_widget_class_install_action (widget_class, "store-error.try-again", NULL, try_again_action_cb);
}

static void
aftercare_store_error_page_init (AftercareStoreErrorPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
aftercare_store_error_page_new (const char   *location,
                                const GError *error)
{
  AftercareStoreErrorPage *self;
  g_autofree char *description = NULL;
  g_autofree char *message = NULL;
  g_autofree char *path = NULL;
  gboolean fresh, again;

  g_return_val_if_fail (location != NULL, NULL);
  g_return_val_if_fail (error != NULL, NULL);

  self = g_object_new (AFTERCARE_TYPE_STORE_ERROR_PAGE, NULL);
  self->location = g_strdup (location);
  fresh = can_start_fresh (error) && !aftercare_store_location_is_server (location);
  again = can_try_again (location, error);
  /* The status page reads markup: a path may hold "&" or "<". */
  message = g_markup_escape_text (error->message, -1);
  path = g_markup_escape_text (location, -1);
  if (fresh)
    /* Translators: %s is why the database cannot be opened; the second %s its path. */
    description = g_strdup_printf (_("%s\n\nThe file at %s has not been changed. You can start fresh "
                                     "with an empty log: the file is kept as a backup beside it."),
                                   message, path);
  else if (aftercare_store_location_is_server (location))
    /* The server's address is in the message already. */
    description = g_strdup (message);
  else
    description = g_strdup_printf (_("%s\n\nThe file at %s has not been changed."), message, path);
  adw_status_page_set_description (self->status_page, description);
  gtk_widget_set_visible (self->start_fresh_button, fresh);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "store-error.start-fresh", fresh);
  gtk_widget_set_visible (self->try_again_button, again);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "store-error.try-again", again);
  return GTK_WIDGET (self);
}

void
aftercare_store_error_page_set_clinic_mode (AftercareStoreErrorPage *self,
                                            AftercareClinicMode     *clinic_mode)
{
  g_return_if_fail (AFTERCARE_IS_STORE_ERROR_PAGE (self));
  g_set_object (&self->clinic_mode, clinic_mode);
}
