/* aftercare-cli-report.c: how a command-line action says it failed: one line on standard error, and an exit status. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-cli-report"

#include "aftercare-backup.h"
#include "aftercare-cli-report.h"
#include "aftercare-store.h"

int
aftercare_cli_fail (int         status,
                    const char *message)
{
  g_autofree char *line = g_strdelimit (g_strdup (message), "\r\n", ' ');

  g_printerr ("aftercare: %s\n", line);
  return status;
}

int
aftercare_cli_refuse (const char *format,
                      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  return aftercare_cli_fail (2, message);
}

int
aftercare_cli_report_error (const GError *error)
{
  /* A password in --db is bad input too. */
  if (g_error_matches (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_INVALID) ||
      g_error_matches (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_CONFLICT) ||
      g_error_matches (error, AFTERCARE_BACKUP_ERROR, AFTERCARE_BACKUP_ERROR_INVALID))
    return aftercare_cli_fail (2, error->message);
  return aftercare_cli_fail (1, error->message);
}
