/* aftercare-sheet-cli.c: aftercare --sheet SESSION_ID --output FILE.pdf, with no display. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-sheet-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "aftercare-advisor.h"
#include "aftercare-settings.h"
#include "aftercare-sheet-cli.h"
#include "aftercare-sheet.h"
#include "aftercare-store.h"

/* What the command line asked for, checked. */
typedef struct {
  const char *session_id;
  const char *output;
  char *location;
  char *clinic_name;
  char *clinic_contact;
  AftercarePlannedRun planned_run;
  double page_width;
  double page_height;
} SheetRequest;

static void
sheet_request_clear (SheetRequest *request)
{
  g_clear_pointer (&request->location, g_free);
  g_clear_pointer (&request->clinic_name, g_free);
  g_clear_pointer (&request->clinic_contact, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SheetRequest, sheet_request_clear)

static int
fail (int         status,
      const char *message)
{
  g_autofree char *line = g_strdelimit (g_strdup (message), "\r\n", ' ');

  g_printerr ("aftercare: %s\n", line);
  return status;
}

/* The clinic's name: --clinic-name, else the one set in Preferences
 * (GSettings needs no display), else none. */
static char *
clinic_name_for (GVariantDict *options)
{
  g_autoptr(GSettings) settings = NULL;
  const char *name = NULL;

  if (g_variant_dict_lookup (options, "clinic-name", "&s", &name))
    return g_strdup (name);
  settings = aftercare_settings_new_if_installed (APP_ID);
  return settings != NULL ? g_settings_get_string (settings, "clinic-name") : g_strdup ("");
}

/* How to reach the clinic, as set in Preferences, else none. */
static char *
clinic_contact_for (void)
{
  g_autoptr(GSettings) settings = aftercare_settings_new_if_installed (APP_ID);

  return settings != NULL ? g_settings_get_string (settings, "clinic-contact") : g_strdup ("");
}

static gboolean
parse_paper (GVariantDict  *options,
             SheetRequest  *request,
             GError       **error)
{
  const char *paper = "a4";

  g_variant_dict_lookup (options, "paper", "&s", &paper);
  if (g_ascii_strcasecmp (paper, "a4") == 0)
    {
      request->page_width = AFTERCARE_SHEET_A4_WIDTH;
      request->page_height = AFTERCARE_SHEET_A4_HEIGHT;
      return TRUE;
    }
  if (g_ascii_strcasecmp (paper, "letter") == 0)
    {
      request->page_width = AFTERCARE_SHEET_LETTER_WIDTH;
      request->page_height = AFTERCARE_SHEET_LETTER_HEIGHT;
      return TRUE;
    }
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               _("--paper must be a4 or letter, not “%s”"), paper);
  return FALSE;
}

/* The run the sheet plans for: "easy" unless --planned-run says otherwise,
 * so a batch gives the same sheets whatever the desk's preferences. */
static gboolean
parse_planned_run (GVariantDict  *options,
                   SheetRequest  *request,
                   GError       **error)
{
  const char *key = "easy";
  int run;

  g_variant_dict_lookup (options, "planned-run", "&s", &key);
  if (!aftercare_enum_from_key (AFTERCARE_TYPE_PLANNED_RUN, key, &run))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--planned-run must be easy, steady or hard, not “%s”"), key);
      return FALSE;
    }
  request->planned_run = run;
  return TRUE;
}

static gboolean
parse_request (GVariantDict  *options,
               SheetRequest  *request,
               GError       **error)
{
  const char *db = NULL;

  g_variant_dict_lookup (options, "sheet", "&s", &request->session_id);
  if (!g_variant_dict_lookup (options, "output", "^&ay", &request->output) || *request->output == '\0')
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--sheet needs --output FILE.pdf, the file to write"));
      return FALSE;
    }
  if (!g_str_has_suffix (request->output, ".pdf") && !g_str_has_suffix (request->output, ".PDF"))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--output must name a PDF file ending in .pdf, not “%s”"), request->output);
      return FALSE;
    }
  if (!parse_paper (options, request, error) || !parse_planned_run (options, request, error))
    return FALSE;
  g_variant_dict_lookup (options, "db", "^&ay", &db);
  request->location = db != NULL ? g_strdup (db) : aftercare_store_get_configured_location ();
  request->clinic_name = clinic_name_for (options);
  request->clinic_contact = clinic_contact_for ();
  return TRUE;
}

/* The session as stored, or exit status 2 for an unknown ID. */
static AftercareSession *
lookup_session (AftercareStore  *store,
                const char      *session_id,
                int             *status)
{
  g_autoptr(GError) error = NULL;
  AftercareSession *session = aftercare_store_lookup_session (store, session_id, &error);
  g_autofree char *message = NULL;

  if (session != NULL)
    return session;
  if (g_error_matches (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_NOT_FOUND) ||
      g_error_matches (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_INVALID))
    {
      message = g_strdup_printf (_("--sheet: no session with ID “%s” in this database"), session_id);
      *status = fail (2, message);
    }
  else
    *status = fail (1, error->message);
  return NULL;
}

static int
write_sheet (SheetRequest     *request,
             AftercareSession *session,
             GPtrArray        *checkins)
{
  /* The edge of the program: the sheet's "now" is read here, in local
   * time, so its clock times are the reader's. */
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(AftercareAssessment) assessment = aftercare_advisor_assess (session, checkins,
                                                                        request->planned_run, now);
  g_autoptr(AftercareSheet) sheet = aftercare_sheet_new (session, assessment, request->planned_run, now);
  g_autoptr(GError) error = NULL;
  guint n_pages;

  aftercare_sheet_set_clinic_name (sheet, request->clinic_name);
  aftercare_sheet_set_clinic_contact (sheet, request->clinic_contact);
  aftercare_sheet_set_clock_24h (sheet, aftercare_settings_get_clock_24h ());
  if (!aftercare_sheet_write_pdf (sheet, request->output, request->page_width, request->page_height, &error))
    return fail (1, error->message);
  n_pages = aftercare_sheet_get_n_pages (sheet, request->page_width, request->page_height);
  /* Translators: "Wrote sheet.pdf (1 page)". */
  g_print (ngettext ("Wrote %s (%u page)\n", "Wrote %s (%u pages)\n", n_pages), request->output, n_pages);
  return 0;
}

int
aftercare_sheet_cli_run (GVariantDict *options)
{
  g_auto(SheetRequest) request = { 0 };
  g_autoptr(AftercareStore) store = NULL;
  g_autoptr(AftercareSession) session = NULL;
  g_autoptr(GPtrArray) checkins = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_return_val_if_fail (options != NULL, 2);
  if (!parse_request (options, &request, &error))
    return fail (2, error->message);
  /* Opening would create a database file: a sheet never does. (A shared
   * database on a server is only read.) */
  if (!aftercare_store_location_is_server (request.location) &&
      !g_file_test (request.location, G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *message = g_strdup_printf (_("--db: there is no database at “%s”"), request.location);

      return fail (2, message);
    }
  store = aftercare_store_open (request.location, &error);
  if (store == NULL)
    return fail (1, error->message);
  session = lookup_session (store, request.session_id, &status);
  if (session == NULL)
    return status;
  /* The id as stored: the one given may differ in case. */
  checkins = aftercare_store_list_checkins (store, aftercare_session_get_id (session), &error);
  if (checkins == NULL)
    return fail (1, error->message);
  return write_sheet (&request, session, checkins);
}
