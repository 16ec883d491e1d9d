/* aftercare-cli-sheet.c: aftercare --sheet SESSION_ID --output FILE.pdf, with no display. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-cli-sheet"

#include "config.h"

#include <glib/gi18n.h>

#include "aftercare-advisor.h"
#include "aftercare-cli-pdf.h"
#include "aftercare-cli-report.h"
#include "aftercare-cli-sheet.h"
#include "aftercare-session-assess.h"
#include "aftercare-sheet.h"
#include "aftercare-store.h"

/* What the command line asked for, checked. */
typedef struct {
  const char *session_id;
  const char *output;
  char *location;
  const char *clinic_name;
  const char *clinic_contact;
  AftercarePlannedRun planned_run;
  double page_width;
  double page_height;
} SheetRequest;

static void
sheet_request_clear (SheetRequest *request)
{
  g_clear_pointer (&request->location, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SheetRequest, sheet_request_clear)

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

/* The clinic's name is --clinic-name, else the caller's (the one set in
 * Preferences). */
static gboolean
parse_request (GVariantDict               *options,
               const AftercareCliContext *context,
               const char                *configured_location,
               SheetRequest  *request,
               GError       **error)
{
  const char *db = NULL;

  g_variant_dict_lookup (options, "sheet", "&s", &request->session_id);
  if (!aftercare_cli_pdf_parse_output (options, "sheet", &request->output, error) ||
      !aftercare_cli_pdf_parse_paper (options, &request->page_width, &request->page_height, error) ||
      !parse_planned_run (options, request, error))
    return FALSE;
  g_variant_dict_lookup (options, "db", "^&ay", &db);
  request->location = g_strdup (db != NULL ? db : configured_location);
  request->clinic_name = context->clinic_name;
  request->clinic_contact = context->clinic_contact;
  g_variant_dict_lookup (options, "clinic-name", "&s", &request->clinic_name);
  return TRUE;
}

static int
write_sheet (SheetRequest        *request,
             AftercareTimeSource *time_source,
             AftercareStore      *store,
             AftercareSession    *session)
{
  g_autoptr(GDateTime) now = aftercare_time_source_now (time_source);
  g_autoptr(GError) error = NULL;
  g_autoptr(AftercareAssessment) assessment = aftercare_session_assess (store, session, NULL,
                                                                        request->planned_run, now,
                                                                        NULL, &error);
  g_autoptr(AftercareSheet) sheet = NULL;
  guint n_pages;

  /* No check-ins, no verdict: a sheet never guesses one. */
  if (assessment == NULL)
    return aftercare_cli_fail (1, error->message);
  sheet = aftercare_sheet_new (session, assessment, request->planned_run, now);

  aftercare_sheet_set_clinic_name (sheet, request->clinic_name);
  aftercare_sheet_set_clinic_contact (sheet, request->clinic_contact);
  aftercare_sheet_set_clock_24h (sheet, aftercare_time_source_get_clock_24h (time_source));
  if (!aftercare_sheet_write_pdf (sheet, request->output, request->page_width, request->page_height, &error))
    return aftercare_cli_fail (1, error->message);
  n_pages = aftercare_sheet_get_n_pages (sheet, request->page_width, request->page_height);
  /* Translators: "Wrote sheet.pdf (1 page)". */
  g_print (ngettext ("Wrote %s (%u page)\n", "Wrote %s (%u pages)\n", n_pages), request->output, n_pages);
  return 0;
}

int
aftercare_cli_sheet_run (GVariantDict              *options,
                         const AftercareCliContext *context,
                         const char                *configured_location)
{
  AftercareTimeSource *time_source;
  g_auto(SheetRequest) request = { 0 };
  g_autoptr(AftercareStore) store = NULL;
  g_autoptr(AftercareSession) session = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_return_val_if_fail (options != NULL, 2);
  g_return_val_if_fail (context != NULL && AFTERCARE_IS_TIME_SOURCE (context->time_source), 2);
  g_return_val_if_fail (context->clinic_name != NULL && context->clinic_contact != NULL, 2);
  g_return_val_if_fail (configured_location != NULL, 2);
  time_source = context->time_source;
  if (!parse_request (options, context, configured_location, &request, &error))
    return aftercare_cli_fail (2, error->message);
  store = aftercare_cli_pdf_open_store (request.location, time_source, &status);
  if (store == NULL)
    return status;
  session = aftercare_cli_pdf_lookup_session (store, "sheet", request.session_id, &status);
  if (session == NULL)
    return status;
  return write_sheet (&request, time_source, store, session);
}
