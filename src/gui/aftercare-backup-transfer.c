/* aftercare-backup-transfer.c: Export… and Import… from the window: a JSON backup or CSV, through the file chooser, with progress. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-backup-transfer"

#include "config.h"

#include <glib/gi18n.h>

#include "aftercare-backup-reader.h"
#include "aftercare-backup-transfer.h"

/* Kept on the parent window while on show. */
#define CHOOSER_KEY  "aftercare-backup-chooser"
#define PROGRESS_KEY "aftercare-backup-progress"

/* ---- Words ------------------------------------------------------------- */

static char *
count_rows (guint n_sessions,
            guint n_checkins)
{
  g_autofree char *sessions = g_strdup_printf (ngettext ("%u massage", "%u massages", n_sessions), n_sessions);
  g_autofree char *checkins = g_strdup_printf (ngettext ("%u check-in", "%u check-ins", n_checkins), n_checkins);

  /* Translators: "12 massages and 40 check-ins". */
  return g_strdup_printf (_("%s and %s"), sessions, checkins);
}

static void
show_toast (AdwToastOverlay *toasts,
            const char      *message)
{
  AdwToast *toast;

  if (toasts == NULL)
    {
      g_message ("%s", message);
      return;
    }
  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 6);
  /* The outcome of what was just asked for replaces any older news. */
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (toasts, toast);
}

static void
show_failure (GtkWindow  *parent,
              const char *heading,
              const char *message)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, message));

  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- The file chooser -------------------------------------------------- */

typedef void (*ChosenFunc) (GtkWindow       *parent,
                            AftercareStore  *store,
                            AdwToastOverlay *toasts,
                            GFile           *file);

typedef struct {
  AftercareStore *store;
  AdwToastOverlay *toasts;
  ChosenFunc chosen;
} ChooserRequest;

static void
chooser_request_free (ChooserRequest *request)
{
  g_clear_object (&request->store);
  g_clear_object (&request->toasts);
  g_free (request);
}

static void
chooser_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     GtkWindow       *parent)
{
  ChooserRequest *request = g_object_get_data (G_OBJECT (dialog), "aftercare-request");
  g_autoptr(GFile) file = response == GTK_RESPONSE_ACCEPT ? gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog))
                                                          : NULL;

  if (file != NULL)
    request->chosen (parent, request->store, request->toasts, file);
  /* Answered: the window forgets it, which frees it. */
  g_object_set_data (G_OBJECT (parent), CHOOSER_KEY, NULL);
}

static void
forget_chooser (gpointer data)
{
  GtkNativeDialog *dialog = data;

  g_signal_handlers_disconnect_matched (dialog, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, chooser_response_cb, NULL);
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
add_filters (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) both = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) json = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();

  gtk_file_filter_set_name (both, _("Backups (JSON or CSV)"));
  gtk_file_filter_add_suffix (both, "json");
  gtk_file_filter_add_suffix (both, "csv");
  gtk_file_filter_set_name (json, _("JSON backup"));
  gtk_file_filter_add_suffix (json, "json");
  gtk_file_filter_set_name (csv, _("CSV, for spreadsheets"));
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_chooser_add_filter (chooser, both);
  gtk_file_chooser_add_filter (chooser, json);
  gtk_file_chooser_add_filter (chooser, csv);
}

/* Documents, else home. */
static GFile *
start_folder (void)
{
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
    return g_file_new_for_path (documents);
  return g_file_new_for_path (g_get_home_dir ());
}

static void
choose_file (GtkWindow            *parent,
             AftercareStore       *store,
             AdwToastOverlay      *toasts,
             GtkFileChooserAction  action,
             const char           *title,
             const char           *accept,
             ChosenFunc            chosen)
{
  GtkFileChooserNative *dialog = gtk_file_chooser_native_new (title, parent, action, accept, _("_Cancel"));
  ChooserRequest *request = g_new0 (ChooserRequest, 1);
  g_autoptr(GFile) folder = start_folder ();

  request->store = g_object_ref (store);
  request->toasts = toasts != NULL ? g_object_ref (toasts) : NULL;
  request->chosen = chosen;
  g_object_set_data_full (G_OBJECT (dialog), "aftercare-request", request, (GDestroyNotify) chooser_request_free);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  add_filters (GTK_FILE_CHOOSER (dialog));
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), folder, NULL);
  if (action == GTK_FILE_CHOOSER_ACTION_SAVE)
    {
      g_autoptr(GDateTime) today = g_date_time_new_now_local ();
      g_autofree char *date = g_date_time_format (today, "%Y-%m-%d");
      /* Translators: the suggested name of a backup file; %s is today's date, 2026-11-24. */
      g_autofree char *name = g_strdup_printf (_("aftercare-backup-%s.json"), date);

      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
    }
  g_signal_connect (dialog, "response", G_CALLBACK (chooser_response_cb), parent);
  g_object_set_data_full (G_OBJECT (parent), CHOOSER_KEY, dialog, forget_chooser);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* ---- Export ------------------------------------------------------------ */

void
aftercare_backup_transfer_export_file (GtkWindow       *parent,
                                       AftercareStore  *store,
                                       AdwToastOverlay *toasts,
                                       GFile           *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *counts = NULL;
  g_autofree char *message = NULL;
  guint n_sessions = 0, n_checkins = 0;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (AFTERCARE_IS_STORE (store));
  g_return_if_fail (G_IS_FILE (file));

  if (!aftercare_store_export_file_with_counts (store, file, &n_sessions, &n_checkins, &error))
    {
      show_failure (parent, _("Nothing Was Exported"), error->message);
      return;
    }
  name = g_file_get_basename (file);
  counts = count_rows (n_sessions, n_checkins);
  /* Translators: "Saved 12 massages and 40 check-ins in aftercare-backup.json". */
  message = g_strdup_printf (_("Saved %s in %s"), counts, name);
  show_toast (toasts, message);
}

void
aftercare_backup_transfer_export (GtkWindow       *parent,
                                  AftercareStore  *store,
                                  AdwToastOverlay *toasts)
{
  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (AFTERCARE_IS_STORE (store));

  choose_file (parent, store, toasts, GTK_FILE_CHOOSER_ACTION_SAVE, _("Export Backup"), _("_Export"),
               aftercare_backup_transfer_export_file);
}

/* ---- Import ------------------------------------------------------------ */

typedef struct {
  GtkWindow *parent;             /* weak */
  AftercareStore *store;
  AdwToastOverlay *toasts;
  GFile *file;
  GCancellable *cancellable;
  guint pulse;
  AdwMessageDialog *progress;    /* weak: its dialog, while there is one */
  /* For the thread: where the store is, and the time it started. */
  char *location;
  AftercareTimeSource *time;
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  g_clear_handle_id (&job->pulse, g_source_remove);
  g_clear_weak_pointer (&job->parent);
  g_clear_weak_pointer (&job->progress);
  g_clear_object (&job->store);
  g_clear_pointer (&job->location, g_free);
  g_clear_object (&job->time);
  g_clear_object (&job->toasts);
  g_clear_object (&job->file);
  g_clear_object (&job->cancellable);
  g_free (job);
}

static void
import_result_free (AftercareImportResult *result)
{
  aftercare_import_result_clear (result);
  g_free (result);
}

/* In the thread: the file goes in as it is read (all or nothing, memory
 * bounded whatever its size), through a connection of the thread's own;
 * the window's store learns of it back on the main thread. */
static void
import_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  ImportJob *job = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(AftercareStore) store = NULL;
  AftercareImportResult *result = g_new0 (AftercareImportResult, 1);
  gboolean ok;

  /* A server connection's sources stay with this thread (and go with it). */
  g_main_context_push_thread_default (context);
  store = aftercare_store_open (job->location, job->time, &error);
  ok = store != NULL && aftercare_store_import_file_full (store, job->file, cancellable, result, &error);
  g_clear_object (&store);
  g_main_context_pop_thread_default (context);
  if (!ok)
    {
      import_result_free (result);
      g_task_return_error (task, g_steal_pointer (&error));
    }
  else
    g_task_return_pointer (task, result, (GDestroyNotify) import_result_free);
}

static void
report_import (ImportJob                   *job,
               const AftercareImportResult *result)
{
  guint n_sessions = result->n_sessions, n_checkins = result->n_checkins;
  guint had_sessions = result->n_sessions_read - n_sessions;
  guint had_checkins = result->n_checkins_read - n_checkins;
  g_autofree char *added = count_rows (n_sessions, n_checkins);
  g_autofree char *had = count_rows (had_sessions, had_checkins);
  g_autofree char *message = NULL;

  if (n_sessions + n_checkins == 0)
    /* Translators: "Nothing new: 12 massages and 40 check-ins were already there". */
    message = g_strdup_printf (_("Nothing new: %s were already there"), had);
  else if (had_sessions + had_checkins == 0)
    /* Translators: "Added 12 massages and 40 check-ins". */
    message = g_strdup_printf (_("Added %s"), added);
  else
    /* Translators: "Added 2 massages and 5 check-ins; 10 massages and 35 check-ins were already there". */
    message = g_strdup_printf (_("Added %s; %s were already there"), added, had);
  show_toast (job->toasts, message);
}

static void
import_read_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  ImportJob *job = data;
  g_autoptr(GError) error = NULL;
  AftercareImportResult *imported = g_task_propagate_pointer (G_TASK (result), &error);

  /* Done: its progress goes (which would cancel, were it still running),
   * unless a later import's has taken its place. */
  if (job->parent != NULL && job->progress != NULL &&
      g_object_get_data (G_OBJECT (job->parent), PROGRESS_KEY) == job->progress)
    g_object_set_data (G_OBJECT (job->parent), PROGRESS_KEY, NULL);
  if (imported != NULL)
    {
      /* Stored, even when Cancel came too late to stop it. */
      aftercare_store_imported_elsewhere (job->store, imported);
      report_import (job, imported);
      import_result_free (imported);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_toast (job->toasts, _("Import cancelled: nothing was added"));
  else if (job->parent != NULL)
    show_failure (job->parent, _("Nothing Was Imported"), error->message);
  import_job_free (job);
}

static gboolean
pulse_cb (gpointer data)
{
  gtk_progress_bar_pulse (GTK_PROGRESS_BAR (data));
  return G_SOURCE_CONTINUE;
}

static void
progress_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      GCancellable     *cancellable)
{
  g_cancellable_cancel (cancellable);
}

static void
forget_progress (gpointer data)
{
  GtkWindow *dialog = data;

  /* Closed by the window (the desk locked): the import stops too. */
  g_cancellable_cancel (g_object_get_data (G_OBJECT (dialog), "aftercare-cancellable"));
  g_signal_handlers_disconnect_matched (dialog, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, progress_response_cb, NULL);
  gtk_window_destroy (dialog);
  g_object_unref (dialog);
}

static void
show_progress (ImportJob *job)
{
  g_autofree char *name = g_file_get_basename (job->file);
  /* Translators: %s is the file being imported. */
  g_autofree char *body = g_strdup_printf (_("Reading and checking “%s”. Nothing is added until all of it is right."),
                                           name);
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (job->parent, _("Importing"), body));
  GtkWidget *bar = gtk_progress_bar_new ();

  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Import progress"), -1);
  adw_message_dialog_set_extra_child (dialog, bar);
  adw_message_dialog_add_response (dialog, "cancel", _("_Cancel"));
  g_object_set_data_full (G_OBJECT (dialog), "aftercare-cancellable", g_object_ref (job->cancellable),
                          g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (progress_response_cb), job->cancellable, 0);
  job->pulse = g_timeout_add_full (G_PRIORITY_DEFAULT, 100, pulse_cb, g_object_ref (bar), g_object_unref);
  g_object_set_data_full (G_OBJECT (job->parent), PROGRESS_KEY, g_object_ref (dialog), forget_progress);
  g_set_weak_pointer (&job->progress, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
aftercare_backup_transfer_import_file (GtkWindow       *parent,
                                       AftercareStore  *store,
                                       AdwToastOverlay *toasts,
                                       GFile           *file)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GDateTime) now = NULL;
  ImportJob *job;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (AFTERCARE_IS_STORE (store));
  g_return_if_fail (G_IS_FILE (file));

  job = g_new0 (ImportJob, 1);
  g_set_weak_pointer (&job->parent, parent);
  job->store = g_object_ref (store);
  job->toasts = toasts != NULL ? g_object_ref (toasts) : NULL;
  job->file = g_object_ref (file);
  job->cancellable = g_cancellable_new ();
  job->location = g_strdup (aftercare_store_get_location (store));
  now = aftercare_time_source_now (aftercare_store_get_time_source (store));
  job->time = aftercare_fixed_time_new (now, aftercare_time_source_get_clock_24h (aftercare_store_get_time_source (store)));
  show_progress (job);
  task = g_task_new (NULL, job->cancellable, import_read_cb, job);
  g_task_set_task_data (task, job, NULL);
  g_task_set_return_on_cancel (task, FALSE);
  /* What the thread did decides: an import that Cancel reached too late
   * was stored, and says so. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_run_in_thread (task, import_thread);
}

void
aftercare_backup_transfer_import (GtkWindow       *parent,
                                  AftercareStore  *store,
                                  AdwToastOverlay *toasts)
{
  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (AFTERCARE_IS_STORE (store));

  choose_file (parent, store, toasts, GTK_FILE_CHOOSER_ACTION_OPEN, _("Import Backup"), _("_Import"),
               aftercare_backup_transfer_import_file);
}

/* ---- On show ----------------------------------------------------------- */

GtkFileChooser *
aftercare_backup_transfer_get_chooser (GtkWindow *parent)
{
  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  return g_object_get_data (G_OBJECT (parent), CHOOSER_KEY);
}

AdwMessageDialog *
aftercare_backup_transfer_get_progress (GtkWindow *parent)
{
  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  return g_object_get_data (G_OBJECT (parent), PROGRESS_KEY);
}

void
aftercare_backup_transfer_close (GtkWindow *parent)
{
  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_object_set_data (G_OBJECT (parent), CHOOSER_KEY, NULL);
  g_object_set_data (G_OBJECT (parent), PROGRESS_KEY, NULL);
}
