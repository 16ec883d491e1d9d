/* bench-store.c: how the store copes with a large log: open time, first screenful, peak memory, check-ins per second (not a test, not installed). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "aftercare-backup-reader.h"
#include "aftercare-session-pattern.h"
#include "aftercare-store.h"
#include "aftercare-time.h"

/* Rows a first screen of the session list shows. */
#define FIRST_PAGE_ROWS 30
/* Times the pattern is read, for its median. */
#define PATTERN_RUNS 21

/* bench-store create DB N_SESSIONS N_CHECKINS
 *   makes a database with that many rows, in one transaction;
 * bench-store open DB
 *   opens the store (checks included) and counts the list;
 * bench-store first-page DB
 *   opens it, then reads the first 30 rows of the list and each row's
 *   latest check-in, as the session list's first screen does;
 * bench-store search DB TEXT
 *   opens it, then times the first search for TEXT until the list of what
 *   it found holds its first 200 rows (as many as GTK 4.8's list view binds);
 * bench-store quick-check DB
 *   runs only PRAGMA quick_check, the part of opening that reads the whole file;
 * bench-store read-backup FILE
 *   reads and checks a JSON backup as an import does, storing nothing: the
 *   reading's share of an import's time and memory;
 * bench-store pattern DB
 *   opens it, then reads the newest session's own pattern (the sessions
 *   of its kind and their check-ins, as its page does) 21 times: the median;
 * bench-store add-checkins DB N
 *   adds a session, then N check-ins to it, each in its own transaction, as
 *   a desk saving them one by one does; prints when it started and ended
 *   (wall clock, for several of these run at once) and the rate.
 * DB is a file's path or a PostgreSQL server's address. Each prints
 * key=value figures, times in milliseconds, memory in KiB. */

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static long
peak_rss_kib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

static AftercareBackup *
make_log (guint n_sessions,
          guint n_checkins)
{
  g_autoptr(GDateTime) start = aftercare_time_parse ("2023-01-01T09:00:00+01:00");
  AftercareBackup *backup = aftercare_backup_new ();
  guint per_session = n_sessions > 0 ? n_checkins / n_sessions : 0;
  guint extra = n_sessions > 0 ? n_checkins % n_sessions : 0;

  for (guint i = 0; i < n_sessions; i++)
    {
      g_autoptr(GDateTime) end = g_date_time_add_minutes (start, i * 150 + g_random_int_range (0, 60));
      g_autoptr(AftercareSession) session = aftercare_session_new (end);

      aftercare_session_set_massage_type (session, i % AFTERCARE_N_MASSAGE_TYPES);
      aftercare_session_set_pressure (session, i % 3);
      aftercare_session_set_areas (session, AFTERCARE_AREA_CALVES | AFTERCARE_AREA_HAMSTRINGS);
      aftercare_session_set_client (session, i % 2 ? "Client with a name" : "");
      aftercare_session_set_notes (session, "Notes of about the length people type after a session.");
      aftercare_backup_add_session (backup, session, NULL);
      for (guint j = 0; j < per_session + (i < extra); j++)
        {
          g_autoptr(GDateTime) at = g_date_time_add_hours (end, 2 + 5 * j);
          g_autoptr(AftercareCheckin) checkin =
            aftercare_checkin_new (aftercare_session_get_id (session), at, j % 11, j % 3);

          aftercare_backup_add_checkin (backup, checkin, NULL);
        }
    }
  return backup;
}


/* The time the stores are told it is: when the bench started, 24-hour clocks. */
static AftercareTimeSource *
bench_time_source (void)
{
  static AftercareTimeSource *time_source;

  if (time_source == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      time_source = aftercare_fixed_time_new (now, TRUE);
    }
  return time_source;
}

static int
create (const char *path,
        guint       n_sessions,
        guint       n_checkins)
{
  g_autoptr(AftercareBackup) backup = make_log (n_sessions, n_checkins);
  g_autoptr(AftercareStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  store = aftercare_store_open (path, bench_time_source (), &error);
  if (store == NULL || !aftercare_store_import (store, backup, NULL, NULL, &error))
    {
      g_printerr ("bench-store: %s\n", error->message);
      return 1;
    }
  printf ("created=%s sessions=%u checkins=%u create_ms=%.1f\n", path, n_sessions, n_checkins, ms_since (start));
  return 0;
}

static AftercareStore *
open_timed (const char *path,
            double     *open_ms)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  AftercareStore *store = aftercare_store_open (path, bench_time_source (), &error);

  if (store == NULL)
    {
      g_printerr ("bench-store: %s\n", error->message);
      exit (1);
    }
  g_list_model_get_n_items (aftercare_store_get_sessions (store));
  *open_ms = ms_since (start);
  return store;
}

static int
open_only (const char *path)
{
  double open_ms;
  g_autoptr(AftercareStore) store = open_timed (path, &open_ms);

  printf ("open_ms=%.2f sessions=%u peak_rss_kib=%ld\n", open_ms,
          g_list_model_get_n_items (aftercare_store_get_sessions (store)), peak_rss_kib ());
  return 0;
}

static int
first_page (const char *path)
{
  double open_ms;
  g_autoptr(AftercareStore) store = open_timed (path, &open_ms);
  GListModel *sessions = aftercare_store_get_sessions (store);
  guint n_rows = MIN (FIRST_PAGE_ROWS, g_list_model_get_n_items (sessions));
  guint n_checkins = 0;
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; i < n_rows; i++)
    {
      g_autoptr(AftercareSession) session = g_list_model_get_item (sessions, i);
      g_autoptr(GPtrArray) checkins =
        aftercare_store_list_checkins (store, aftercare_session_get_id (session), NULL);

      /* The latest check-in is the one the row's verdict depends on most. */
      if (checkins != NULL && checkins->len > 0)
        g_assert (aftercare_checkin_get_at (g_ptr_array_index (checkins, checkins->len - 1)) != NULL);
      n_checkins += checkins != NULL ? checkins->len : 0;
    }
  printf ("open_ms=%.2f first_page_ms=%.2f rows=%u checkins_read=%u peak_rss_kib=%ld\n",
          open_ms, ms_since (start), n_rows, n_checkins, peak_rss_kib ());
  return 0;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The session page's own pattern for the newest session: the sessions of
 * its kind and their check-ins (a round trip each on a server, before). */
static int
pattern (const char *path)
{
  double open_ms;
  g_autoptr(AftercareStore) store = open_timed (path, &open_ms);
  g_autoptr(AftercareSession) newest = g_list_model_get_item (aftercare_store_get_sessions (store), 0);
  AftercarePatternSummary summary;
  double times[PATTERN_RUNS];

  if (newest == NULL)
    return 1;
  for (guint i = 0; i < PATTERN_RUNS; i++)
    {
      gint64 start = g_get_monotonic_time ();

      if (!aftercare_session_pattern (store, newest, FALSE, &summary, NULL))
        return 1;
      times[i] = ms_since (start);
    }
  qsort (times, PATTERN_RUNS, sizeof times[0], compare_doubles);
  printf ("pattern_ms=%.2f min=%.2f max=%.2f runs=%d\n", times[PATTERN_RUNS / 2], times[0],
          times[PATTERN_RUNS - 1], PATTERN_RUNS);
  return 0;
}

static int
quick_check (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 start = g_get_monotonic_time ();

  sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
  sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return 1;
  printf ("quick_check_ms=%.2f result=%s peak_rss_kib=%ld\n", ms_since (start),
          (const char *) sqlite3_column_text (stmt, 0), peak_rss_kib ());
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return 0;
}

static int
add_checkins (const char *location,
              guint       n_checkins)
{
  double open_ms;
  g_autoptr(AftercareStore) store = open_timed (location, &open_ms);
  g_autoptr(GDateTime) end = g_date_time_new_now_utc ();
  g_autoptr(AftercareSession) session = aftercare_session_new (end);
  g_autoptr(GError) error = NULL;
  gint64 start_us = g_get_real_time ();
  gint64 end_us;

  if (!aftercare_store_add_session (store, session, &error))
    {
      g_printerr ("bench-store: %s\n", error->message);
      return 1;
    }
  for (guint i = 0; i < n_checkins; i++)
    {
      g_autoptr(GDateTime) at = g_date_time_add_seconds (end, i + 1);
      g_autoptr(AftercareCheckin) checkin = aftercare_checkin_new (aftercare_session_get_id (session), at,
                                                                   i % 11, 0);

      if (!aftercare_store_add_checkin (store, checkin, &error))
        {
          g_printerr ("bench-store: %s\n", error->message);
          return 1;
        }
    }
  end_us = g_get_real_time ();
  printf ("start_us=%" G_GINT64_FORMAT " end_us=%" G_GINT64_FORMAT " checkins=%u checkins_per_s=%.0f\n",
          start_us, end_us, n_checkins, n_checkins / ((end_us - start_us) / (double) G_USEC_PER_SEC));
  return 0;
}

static int
search (const char *path,
        const char *text)
{
  double open_ms;
  g_autoptr(AftercareStore) store = open_timed (path, &open_ms);
  GListModel *found = aftercare_store_get_found_sessions (store);
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  guint n_rows;

  if (!aftercare_store_search (store, text, &error))
    {
      g_printerr ("bench-store: %s\n", error->message);
      return 1;
    }
  n_rows = MIN (200, g_list_model_get_n_items (found));
  for (guint i = 0; i < n_rows; i++)
    g_object_unref (g_list_model_get_item (found, i));
  printf ("search_ms=%.2f found=%u peak_rss_kib=%ld\n", ms_since (start), g_list_model_get_n_items (found),
          peak_rss_kib ());
  return 0;
}

static gboolean
count_session (AftercareSession  *session,
               const char        *origin,
               gpointer           user_data,
               GError           **error)
{
  ((guint *) user_data)[0]++;
  return TRUE;
}

static gboolean
count_checkin (AftercareCheckin  *checkin,
               const char        *origin,
               gpointer           user_data,
               GError           **error)
{
  ((guint *) user_data)[1]++;
  return TRUE;
}

static int
read_backup (const char *path)
{
  static const AftercareBackupSink counter = { count_session, count_checkin, NULL };
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileInputStream) input = g_file_read (file, NULL, &error);
  guint counts[2] = { 0, 0 };
  gint64 start = g_get_monotonic_time ();

  if (input == NULL || !aftercare_backup_read_json_stream (G_INPUT_STREAM (input), NULL, &counter, counts, &error))
    {
      g_printerr ("bench-store: %s\n", error->message);
      return 1;
    }
  printf ("read_ms=%.1f sessions=%u checkins=%u peak_rss_kib=%ld\n", ms_since (start), counts[0], counts[1],
          peak_rss_kib ());
  return 0;
}

int
main (int argc, char *argv[])
{
  if (argc == 5 && g_str_equal (argv[1], "create"))
    return create (argv[2], atoi (argv[3]), atoi (argv[4]));
  if (argc == 3 && g_str_equal (argv[1], "open"))
    return open_only (argv[2]);
  if (argc == 3 && g_str_equal (argv[1], "first-page"))
    return first_page (argv[2]);
  if (argc == 4 && g_str_equal (argv[1], "search"))
    return search (argv[2], argv[3]);
  if (argc == 3 && g_str_equal (argv[1], "quick-check"))
    return quick_check (argv[2]);
  if (argc == 3 && g_str_equal (argv[1], "pattern"))
    return pattern (argv[2]);
  if (argc == 3 && g_str_equal (argv[1], "read-backup"))
    return read_backup (argv[2]);
  if (argc == 4 && g_str_equal (argv[1], "add-checkins"))
    return add_checkins (argv[2], atoi (argv[3]));
  g_printerr ("usage: bench-store create DB N_SESSIONS N_CHECKINS | open DB | first-page DB | quick-check DB"
              " | read-backup FILE | add-checkins DB N | pattern DB\n");
  return 2;
}
