/* aftercare-cli-report-pdf.c: aftercare --report SESSION_ID [--same-kind N] --output FILE.pdf, the report for the therapist, with no display. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-cli-report-pdf"

#include "config.h"

#include <glib/gi18n.h>

#include "aftercare-cli-pdf.h"
#include "aftercare-cli-report-pdf.h"
#include "aftercare-cli-report.h"
#include "aftercare-pattern.h"
#include "aftercare-session-report.h"

/* What the command line asked for, checked. */
typedef struct {
  const char *session_id;
  const char *output;
  const char *location;
  guint same_kind;
  double page_width;
  double page_height;
} ReportRequest;

static gboolean
parse_same_kind (GVariantDict   *options,
                 ReportRequest  *request,
                 GError        **error)
{
  const char *text = "1";
  guint64 n;

  g_variant_dict_lookup (options, "same-kind", "&s", &text);
  if (!g_ascii_string_to_unsigned (text, 10, 1, AFTERCARE_REPORT_MAX_SESSIONS, &n, NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   /* Translators: %u is the most massages a report holds; %s what was given. */
                   _("--same-kind must be a whole number from 1 to %u, not “%s”"),
                   AFTERCARE_REPORT_MAX_SESSIONS, text);
      return FALSE;
    }
  request->same_kind = n;
  return TRUE;
}

static gboolean
parse_request (GVariantDict  *options,
               const char    *configured_location,
               ReportRequest *request,
               GError       **error)
{
  g_variant_dict_lookup (options, "report", "&s", &request->session_id);
  if (!aftercare_cli_pdf_parse_output (options, "report", &request->output, error) ||
      !aftercare_cli_pdf_parse_paper (options, &request->page_width, &request->page_height, error) ||
      !parse_same_kind (options, request, error))
    return FALSE;
  request->location = configured_location;
  g_variant_dict_lookup (options, "db", "^&ay", &request->location);
  return TRUE;
}

static int
write_report (ReportRequest       *request,
              AftercareTimeSource *time_source,
              AftercareStore      *store,
              AftercareSession    *session)
{
  g_autoptr(GDateTime) now = aftercare_time_source_now (time_source);
  g_autoptr(GError) error = NULL;
  gboolean per_client = !aftercare_pattern_same_client (aftercare_session_get_client (session), "");
  g_autoptr(AftercareReport) report = aftercare_session_report_new (store, session, request->same_kind, per_client,
                                                                    now, aftercare_time_source_get_clock_24h (time_source),
                                                                    &error);
  g_autofree char *pages = NULL;
  g_autofree char *massages = NULL;
  guint n_pages, n_sessions;

  if (report == NULL)
    return aftercare_cli_fail (1, error->message);
  if (!aftercare_report_write_pdf (report, request->output, request->page_width, request->page_height, &error))
    return aftercare_cli_fail (1, error->message);
  n_pages = aftercare_report_get_n_pages (report, request->page_width, request->page_height);
  n_sessions = aftercare_report_get_n_sessions (report);
  pages = g_strdup_printf (ngettext ("%u page", "%u pages", n_pages), n_pages);
  massages = g_strdup_printf (ngettext ("%u massage", "%u massages", n_sessions), n_sessions);
  /* Translators: "Wrote report.pdf (2 pages, 3 massages)": the file, then the two counts. */
  g_print (_("Wrote %s (%s, %s)\n"), request->output, pages, massages);
  return 0;
}

int
aftercare_cli_report_pdf_run (GVariantDict              *options,
                              const AftercareCliContext *context,
                              const char                *configured_location)
{
  ReportRequest request = { 0 };
  g_autoptr(AftercareStore) store = NULL;
  g_autoptr(AftercareSession) session = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_return_val_if_fail (options != NULL, 2);
  g_return_val_if_fail (context != NULL && AFTERCARE_IS_TIME_SOURCE (context->time_source), 2);
  g_return_val_if_fail (configured_location != NULL, 2);

  if (!parse_request (options, configured_location, &request, &error))
    return aftercare_cli_fail (2, error->message);
  store = aftercare_cli_pdf_open_store (request.location, context->time_source, &status);
  if (store == NULL)
    return status;
  session = aftercare_cli_pdf_lookup_session (store, "report", request.session_id, &status);
  if (session == NULL)
    return status;
  return write_report (&request, context->time_source, store, session);
}
