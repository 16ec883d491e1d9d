/* aftercare-cli-pdf.c: what the command line's PDF actions (--sheet, --report) share: --output, --paper, the database and the session. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-cli-pdf"

#include "config.h"

#include <glib/gi18n.h>

#include "aftercare-cli-pdf.h"
#include "aftercare-cli-report.h"
#include "aftercare-sheet.h"

gboolean
aftercare_cli_pdf_parse_output (GVariantDict  *options,
                                const char    *action,
                                const char   **output,
                                GError       **error)
{
  if (!g_variant_dict_lookup (options, "output", "^&ay", output) || **output == '\0')
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   /* Translators: %s is the option that writes a PDF: "--sheet needs --output …". */
                   _("--%s needs --output FILE.pdf, the file to write"), action);
      return FALSE;
    }
  if (!g_str_has_suffix (*output, ".pdf") && !g_str_has_suffix (*output, ".PDF"))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--output must name a PDF file ending in .pdf, not “%s”"), *output);
      return FALSE;
    }
  return TRUE;
}

gboolean
aftercare_cli_pdf_parse_paper (GVariantDict  *options,
                               double        *page_width,
                               double        *page_height,
                               GError       **error)
{
  const char *paper = "a4";

  g_variant_dict_lookup (options, "paper", "&s", &paper);
  if (g_ascii_strcasecmp (paper, "a4") == 0)
    {
      *page_width = AFTERCARE_SHEET_A4_WIDTH;
      *page_height = AFTERCARE_SHEET_A4_HEIGHT;
      return TRUE;
    }
  if (g_ascii_strcasecmp (paper, "letter") == 0)
    {
      *page_width = AFTERCARE_SHEET_LETTER_WIDTH;
      *page_height = AFTERCARE_SHEET_LETTER_HEIGHT;
      return TRUE;
    }
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               _("--paper must be a4 or letter, not “%s”"), paper);
  return FALSE;
}

AftercareStore *
aftercare_cli_pdf_open_store (const char          *location,
                              AftercareTimeSource *time_source,
                              int                 *status)
{
  g_autoptr(GError) error = NULL;
  AftercareStore *store;

  /* Opening would create a database file: a PDF never does. (A shared
   * database on a server is only read.) */
  if (!aftercare_store_location_is_server (location) && !g_file_test (location, G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *message = g_strdup_printf (_("--db: there is no database at “%s”"), location);

      *status = aftercare_cli_fail (2, message);
      return NULL;
    }
  store = aftercare_store_open_for_reading (location, time_source, &error);
  if (store == NULL)
    *status = aftercare_cli_report_error (error);
  return store;
}

AftercareSession *
aftercare_cli_pdf_lookup_session (AftercareStore *store,
                                  const char     *action,
                                  const char     *session_id,
                                  int            *status)
{
  g_autoptr(GError) error = NULL;
  AftercareSession *session = aftercare_store_lookup_session (store, session_id, &error);
  g_autofree char *message = NULL;

  if (session != NULL)
    return session;
  if (g_error_matches (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_NOT_FOUND) ||
      g_error_matches (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_INVALID))
    {
      /* Translators: "--sheet: no session with ID “…” in this database". */
      message = g_strdup_printf (_("--%s: no session with ID “%s” in this database"), action, session_id);
      *status = aftercare_cli_fail (2, message);
    }
  else
    *status = aftercare_cli_fail (1, error->message);
  return NULL;
}
