/* store-helper.c: a second program on the same database, for the tests that need one (not installed). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <stdlib.h>

#include "aftercare-backup-reader.h"
#include "aftercare-store.h"
#include "aftercare-time.h"

/* store-helper add-sessions DB N CLIENT
 *   adds N sessions for CLIENT, each in its own transaction;
 * store-helper import DB FILE
 *   reads FILE, prints "parsed" once it is checked, then imports it;
 * store-helper edit DB SESSION_ID NOTES
 *   reads the session, prints "read", waits for a line on standard input,
 *   then saves it with NOTES: exits 0 when saved, 3 when refused as a
 *   conflict (the message on standard error);
 * store-helper add-checkins DB SESSION_ID N
 *   adds N check-ins to the session, each in its own transaction, and
 *   prints "seconds=S". DB is any location the store opens. */

static int
fail (const GError *error)
{
  g_printerr ("store-helper: %s\n", error->message);
  return 1;
}

static int
add_sessions (AftercareStore *store,
              guint           n_sessions,
              const char     *client)
{
  g_autoptr(GDateTime) start = aftercare_time_parse ("2026-01-01T08:00:00Z");

  for (guint i = 0; i < n_sessions; i++)
    {
      g_autoptr(GDateTime) end = g_date_time_add_minutes (start, g_random_int_range (0, 500000));
      g_autoptr(AftercareSession) session = aftercare_session_new (end);
      g_autoptr(GError) error = NULL;

      aftercare_session_set_client (session, client);
      if (!aftercare_store_add_session (store, session, &error))
        return fail (error);
    }
  return 0;
}

static int
import (AftercareStore *store,
        const char     *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) contents = NULL;
  g_autoptr(AftercareBackup) backup = NULL;
  g_autoptr(GError) error = NULL;

  contents = g_file_load_bytes (file, NULL, NULL, &error);
  if (contents != NULL)
    backup = aftercare_backup_parse (contents, aftercare_backup_format_for_file (file), &error);
  if (backup == NULL)
    return fail (error);
  printf ("parsed\n");
  fflush (stdout);
  if (!aftercare_store_import (store, backup, NULL, NULL, &error))
    return fail (error);
  return 0;
}

static int
edit (AftercareStore *store,
      const char     *session_id,
      const char     *notes)
{
  g_autoptr(AftercareSession) session = NULL;
  g_autoptr(GError) error = NULL;
  char line[16];

  session = aftercare_store_lookup_session (store, session_id, &error);
  if (session == NULL)
    return fail (error);
  printf ("read\n");
  fflush (stdout);
  if (fgets (line, sizeof line, stdin) == NULL)
    return 2;
  aftercare_session_set_notes (session, notes);
  if (aftercare_store_update_session (store, session, &error))
    return 0;
  fail (error);
  return g_error_matches (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_CONFLICT) ? 3 : 1;
}

static int
add_checkins (AftercareStore *store,
              const char     *session_id,
              guint           n_checkins)
{
  g_autoptr(AftercareSession) session = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  session = aftercare_store_lookup_session (store, session_id, &error);
  if (session == NULL)
    return fail (error);
  for (guint i = 0; i < n_checkins; i++)
    {
      g_autoptr(GDateTime) at = g_date_time_add_minutes (aftercare_session_get_ended_at (session), i);
      g_autoptr(AftercareCheckin) checkin = aftercare_checkin_new (session_id, at, i % 11, 0);

      if (!aftercare_store_add_checkin (store, checkin, &error))
        return fail (error);
    }
  printf ("seconds=%.3f\n", (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);
  return 0;
}

int
main (int argc, char *argv[])
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(AftercareTimeSource) time_source = aftercare_fixed_time_new (now, TRUE);
  g_autoptr(AftercareStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (argc == 5 && g_str_equal (argv[1], "add-sessions"))
    {
      store = aftercare_store_open (argv[2], time_source, &error);
      return store != NULL ? add_sessions (store, atoi (argv[3]), argv[4]) : fail (error);
    }
  if (argc == 4 && g_str_equal (argv[1], "import"))
    {
      store = aftercare_store_open (argv[2], time_source, &error);
      return store != NULL ? import (store, argv[3]) : fail (error);
    }
  if (argc == 5 && g_str_equal (argv[1], "edit"))
    {
      store = aftercare_store_open (argv[2], time_source, &error);
      return store != NULL ? edit (store, argv[3], argv[4]) : fail (error);
    }
  if (argc == 5 && g_str_equal (argv[1], "add-checkins"))
    {
      store = aftercare_store_open (argv[2], time_source, &error);
      return store != NULL ? add_checkins (store, argv[3], atoi (argv[4])) : fail (error);
    }
  g_printerr ("usage: store-helper add-sessions DB N CLIENT | import DB FILE"
              " | edit DB SESSION_ID NOTES | add-checkins DB SESSION_ID N\n");
  return 2;
}
