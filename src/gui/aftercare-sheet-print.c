/* aftercare-sheet-print.c: the aftercare sheet on paper (GtkPrintOperation) and saved as PDF, both drawn by the core's renderer. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-sheet-print"

#include "config.h"

#include <glib/gi18n.h>

#include "aftercare-sheet-print.h"
#include "aftercare-util.h"

/* Kept on the parent window, so the next sheet prints as the last did. */
#define SETTINGS_KEY   "aftercare-print-settings"
#define PAGE_SETUP_KEY "aftercare-page-setup"

static void
paper_size_of (GtkPageSetup *setup,
               double       *width,
               double       *height)
{
  /* Both follow the orientation: landscape paper is wider than tall. */
  *width = gtk_page_setup_get_paper_width (setup, GTK_UNIT_POINTS);
  *height = gtk_page_setup_get_paper_height (setup, GTK_UNIT_POINTS);
}

static void
begin_print_cb (GtkPrintOperation  *operation,
                GtkPrintContext    *context,
                AftercarePrintable *document)
{
  double width, height;

  paper_size_of (gtk_print_context_get_page_setup (context), &width, &height);
  gtk_print_operation_set_n_pages (operation, aftercare_printable_get_n_pages (document, width, height));
}

static void
draw_page_cb (GtkPrintOperation  *operation,
              GtkPrintContext    *context,
              int                 page_nr,
              AftercarePrintable *document)
{
  double width, height;

  paper_size_of (gtk_print_context_get_page_setup (context), &width, &height);
  aftercare_printable_draw_page (document, gtk_print_context_get_cairo_context (context),
                                 width, height, page_nr);
}

static char *
job_name (AftercareSheet *sheet)
{
  const char *client = aftercare_sheet_get_client_name (sheet);

  if (client == NULL || *client == '\0')
    return g_strdup (_("Aftercare sheet"));
  /* Translators: the print job's name; %s is the client's name. */
  return g_strdup_printf (_("Aftercare sheet for %s"), client);
}

static GtkPrintOperation *
print_operation_new (AftercarePrintable *document,
                     const char         *name)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();

  gtk_print_operation_set_job_name (operation, name);
  g_object_set_data_full (G_OBJECT (operation), "aftercare-job-name", g_strdup (name), g_free);
  /* The whole paper in points: the sheet's margins are wider than any
   * printer's blank edge, and the PDF is laid out the same way. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect_object (operation, "begin-print", G_CALLBACK (begin_print_cb), document, 0);
  g_signal_connect_object (operation, "draw-page", G_CALLBACK (draw_page_cb), document, 0);
  /* The signals hold no reference: keep the document as long as the job. */
  g_object_set_data_full (G_OBJECT (operation), "aftercare-sheet", g_object_ref (document), g_object_unref);
  return operation;
}

GtkPrintOperation *
aftercare_sheet_print_operation_new (AftercareSheet *sheet)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (AFTERCARE_IS_SHEET (sheet), NULL);
  name = job_name (sheet);
  return print_operation_new (AFTERCARE_PRINTABLE (sheet), name);
}

static void
show_toast (AdwToastOverlay *toasts,
            const char      *message)
{
  if (toasts != NULL)
    adw_toast_overlay_add_toast (toasts, adw_toast_new (message));
  else
    g_message ("%s", message);
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               GtkWindow               *parent)
{
  AdwToastOverlay *toasts = g_object_get_data (G_OBJECT (operation), "aftercare-toasts");
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      g_object_set_data_full (G_OBJECT (parent), SETTINGS_KEY,
                              g_object_ref (gtk_print_operation_get_print_settings (operation)),
                              g_object_unref);
      g_object_set_data_full (G_OBJECT (parent), PAGE_SETUP_KEY,
                              g_object_ref (gtk_print_operation_get_default_page_setup (operation)),
                              g_object_unref);
      return;
    }
  if (result != GTK_PRINT_OPERATION_RESULT_ERROR)
    return;
  gtk_print_operation_get_error (operation, &error);
  /* Translators: the first %s names what was printed ("Aftercare sheet"), the second why it failed. */
  message = g_strdup_printf (_("Could not print “%s”: %s"),
                             (const char *) g_object_get_data (G_OBJECT (operation), "aftercare-job-name"),
                             error != NULL ? error->message : _("unknown error"));
  show_toast (toasts, message);
}

void
aftercare_sheet_print (AftercareSheet  *sheet,
                       GtkWindow       *parent,
                       AdwToastOverlay *toasts)
{
  g_autofree char *name = NULL;

  g_return_if_fail (AFTERCARE_IS_SHEET (sheet));
  name = job_name (sheet);
  aftercare_printable_print (AFTERCARE_PRINTABLE (sheet), name, parent, toasts);
}

void
aftercare_printable_print (AftercarePrintable *document,
                           const char         *name,
                           GtkWindow          *parent,
                           AdwToastOverlay    *toasts)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  GtkPrintSettings *settings;
  GtkPageSetup *setup;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (AFTERCARE_IS_PRINTABLE (document));
  g_return_if_fail (name != NULL);
  g_return_if_fail (GTK_IS_WINDOW (parent));
  operation = print_operation_new (document, name);
  settings = g_object_get_data (G_OBJECT (parent), SETTINGS_KEY);
  setup = g_object_get_data (G_OBJECT (parent), PAGE_SETUP_KEY);
  if (settings != NULL)
    gtk_print_operation_set_print_settings (operation, settings);
  if (setup != NULL)
    gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_allow_async (operation, TRUE);
  if (toasts != NULL)
    g_object_set_data_full (G_OBJECT (operation), "aftercare-toasts", g_object_ref (toasts), g_object_unref);
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), parent, 0);
  /* The operation keeps itself alive while the dialog is up. */
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, &error) ==
      GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autofree char *message = g_strdup_printf (_("Could not print “%s”: %s"), name, error->message);

      show_toast (toasts, message);
    }
}

/* ---- Save as PDF ------------------------------------------------------- */

typedef struct {
  AftercarePrintable *document;
  char *name;
  AdwToastOverlay *toasts;
  double width;
  double height;
} SaveRequest;

static void
save_request_free (SaveRequest *request)
{
  g_clear_object (&request->document);
  g_free (request->name);
  g_clear_object (&request->toasts);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveRequest, save_request_free)

/* The paper the print dialog last used, else the locale's default. */
static void
pdf_paper (GtkWindow *parent,
           double    *width,
           double    *height)
{
  GtkPageSetup *setup = parent != NULL ? g_object_get_data (G_OBJECT (parent), PAGE_SETUP_KEY) : NULL;
  g_autoptr(GtkPageSetup) fallback = NULL;

  if (setup == NULL)
    {
      fallback = gtk_page_setup_new ();     /* the locale's paper, portrait */
      setup = fallback;
    }
  paper_size_of (setup, width, height);
}

/* The last folder a sheet was saved in, kept on the parent window. */
#define FOLDER_KEY "aftercare-pdf-folder"
/* The file chooser on show over the parent window, if any. */
#define DIALOG_KEY "aftercare-pdf-dialog"

static void
show_saved (AdwToastOverlay *toasts,
            const char      *path)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *folder = g_path_get_dirname (path);
  /* Translators: the first %s is a file name, the second the folder it is in. */
  g_autofree char *message = g_strdup_printf (_("Saved “%s” in %s"), name, folder);

  show_toast (toasts, message);
}

static void
save_chosen_file (SaveRequest    *request,
                  GtkFileChooser *chooser,
                  GtkWindow      *parent)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (chooser);
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
  g_autoptr(GError) error = NULL;

  if (path == NULL)
    show_toast (request->toasts, _("Choose a folder on this computer to save it in"));
  else if (!aftercare_printable_write_pdf (request->document, path, request->width, request->height, &error))
    show_toast (request->toasts, error->message);
  else
    {
      g_object_set_data_full (G_OBJECT (parent), FOLDER_KEY, g_path_get_dirname (path), g_free);
      show_saved (request->toasts, path);
    }
}

static void
save_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  GtkWindow       *parent)
{
  if (response == GTK_RESPONSE_ACCEPT)
    save_chosen_file (g_object_get_data (G_OBJECT (dialog), "aftercare-save-request"),
                      GTK_FILE_CHOOSER (dialog), parent);
  /* Answered: the window forgets it, which frees it. */
  g_object_set_data (G_OBJECT (parent), DIALOG_KEY, NULL);
}

static void
forget_dialog (gpointer data)
{
  GtkNativeDialog *dialog = data;

  g_signal_handlers_disconnect_matched (dialog, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, save_response_cb, NULL);
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static char *
suggested_file_name (const char *name)
{
  /* No slashes from a client's name into a file name. */
  return g_strdelimit (g_strdup (name), "/\\", '-');
}

/* The clinic's chosen folder, else Documents, else home. */
static char *
sheet_folder (GSettings *settings)
{
  g_autofree char *chosen = settings != NULL ? g_settings_get_string (settings, "sheet-folder") : NULL;
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  if (chosen != NULL && *chosen != '\0')
    return g_steal_pointer (&chosen);
  if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
    return g_strdup (documents);
  return g_strdup (g_get_home_dir ());
}

/* Clinic mode: no file browser of the desk's computer for a client, but a
 * new file in the clinic's folder, named after the client. */
static void
save_in_clinic_folder (SaveRequest *request,
                       GSettings   *settings)
{
  g_autofree char *folder = sheet_folder (settings);
  g_autofree char *name = suggested_file_name (request->name);
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      /* Translators: %s is a folder. */
      g_autofree char *message = g_strdup_printf (_("The folder for saved sheets, %s, is not there: "
                                                    "staff can choose another in Preferences"), folder);

      show_toast (request->toasts, message);
      return;
    }
  path = aftercare_unique_path (folder, name, ".pdf");
  if (!aftercare_printable_write_pdf (request->document, path, request->width, request->height, &error))
    {
      show_toast (request->toasts, error->message);
      return;
    }
  show_saved (request->toasts, path);
}

void
aftercare_sheet_save_as_pdf (AftercareSheet  *sheet,
                             GtkWindow       *parent,
                             AdwToastOverlay *toasts,
                             GSettings       *settings)
{
  g_autofree char *name = NULL;

  g_return_if_fail (AFTERCARE_IS_SHEET (sheet));
  name = job_name (sheet);
  aftercare_printable_save_as_pdf (AFTERCARE_PRINTABLE (sheet), name, _("Save Aftercare Sheet"),
                                   parent, toasts, settings);
}

void
aftercare_printable_save_as_pdf (AftercarePrintable *document,
                                 const char         *name,
                                 const char         *title,
                                 GtkWindow          *parent,
                                 AdwToastOverlay    *toasts,
                                 GSettings          *settings)
{
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *base = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *folder = NULL;
  g_autoptr(GFile) start = NULL;
  const char *last;
  SaveRequest *request;

  g_return_if_fail (AFTERCARE_IS_PRINTABLE (document));
  g_return_if_fail (name != NULL && title != NULL);
  g_return_if_fail (GTK_IS_WINDOW (parent));
  request = g_new0 (SaveRequest, 1);
  request->document = g_object_ref (document);
  request->name = g_strdup (name);
  request->toasts = toasts != NULL ? g_object_ref (toasts) : NULL;
  pdf_paper (parent, &request->width, &request->height);
  if (settings != NULL && g_settings_get_boolean (settings, "clinic-mode"))
    {
      save_in_clinic_folder (request, settings);
      save_request_free (request);
      return;
    }

  dialog = gtk_file_chooser_native_new (title, parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Save"), _("_Cancel"));
  g_object_set_data_full (G_OBJECT (dialog), "aftercare-save-request", request,
                          (GDestroyNotify) save_request_free);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  base = suggested_file_name (name);
  file_name = g_strconcat (base, ".pdf", NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), file_name);
  /* Where the last sheet went, else the clinic's folder or Documents; never
   * the folder the app happened to start in. */
  last = g_object_get_data (G_OBJECT (parent), FOLDER_KEY);
  folder = last != NULL ? g_strdup (last) : sheet_folder (settings);
  start = g_file_new_for_path (folder);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), start, NULL);
  g_signal_connect (dialog, "response", G_CALLBACK (save_response_cb), parent);
  /* The window holds the dialog until it is answered or closed. */
  g_object_set_data_full (G_OBJECT (parent), DIALOG_KEY, dialog, forget_dialog);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

void
aftercare_sheet_print_close_dialogs (GtkWindow *parent)
{
  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_object_set_data (G_OBJECT (parent), DIALOG_KEY, NULL);
}

GtkFileChooser *
aftercare_sheet_print_get_dialog (GtkWindow *parent)
{
  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  return g_object_get_data (G_OBJECT (parent), DIALOG_KEY);
}

AftercareSheet *
aftercare_sheet_print_prepare (AftercareSession    *session,
                               AftercareAssessment *assessment,
                               AftercarePlannedRun  planned_run,
                               GDateTime           *now,
                               GSettings           *settings,
                               gboolean             clock_24h)
{
  AftercareSheet *sheet;
  g_autofree char *clinic = NULL;

  g_return_val_if_fail (AFTERCARE_IS_SESSION (session), NULL);
  g_return_val_if_fail (AFTERCARE_IS_ASSESSMENT (assessment), NULL);
  sheet = aftercare_sheet_new (session, assessment, planned_run, now);
  if (settings != NULL)
    {
      g_autofree char *contact = g_settings_get_string (settings, "clinic-contact");

      clinic = g_settings_get_string (settings, "clinic-name");
      aftercare_sheet_set_clinic_name (sheet, clinic);
      aftercare_sheet_set_clinic_contact (sheet, contact);
    }
  aftercare_sheet_set_clock_24h (sheet, clock_24h);
  return sheet;
}
