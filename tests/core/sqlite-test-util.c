/* sqlite-test-util.c: looking at (or making) a database file the way another program would. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "sqlite-test-util.h"

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "store-test-util.h"

void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->folder = test_make_folder ();
  f->path = g_build_filename (f->folder, "aftercare.db", NULL);
}

void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  test_remove_folder (f->folder);
  g_free (f->folder);
  g_free (f->path);
}

sqlite3 *
raw_open (const char *path,
          int         flags)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, flags, NULL), ==, SQLITE_OK);
  return db;
}

void
raw_exec (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

gint64
raw_integer (sqlite3    *db,
             const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

char *
raw_text (sqlite3    *db,
          const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

guint
file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

char *
file_checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

/* Version 1 exactly as the first release wrote it. */
static const char schema_v1[] =
  "PRAGMA application_id = 1095128131;"
  "CREATE TABLE sessions ("
  "  id TEXT NOT NULL PRIMARY KEY,"
  "  ended_at TEXT NOT NULL,"
  "  ended_us INTEGER NOT NULL,"
  "  duration_minutes INTEGER NOT NULL CHECK (duration_minutes BETWEEN 0 AND 1440),"
  "  type TEXT NOT NULL,"
  "  pressure TEXT NOT NULL,"
  "  first_time INTEGER NOT NULL CHECK (first_time IN (0, 1)),"
  "  areas TEXT NOT NULL,"
  "  client TEXT NOT NULL,"
  "  therapist TEXT NOT NULL,"
  "  notes TEXT NOT NULL);"
  "CREATE INDEX sessions_newest_first ON sessions (ended_us, id);"
  "CREATE TABLE checkins ("
  "  id TEXT NOT NULL PRIMARY KEY,"
  "  session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,"
  "  at TEXT NOT NULL,"
  "  at_us INTEGER NOT NULL,"
  "  soreness INTEGER NOT NULL CHECK (soreness BETWEEN 0 AND 10),"
  "  symptoms TEXT NOT NULL,"
  "  notes TEXT NOT NULL);"
  "PRAGMA user_version = 1;";

void
make_v1_file (const char *path)
{
  sqlite3 *db = raw_open (path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);

  raw_exec (db, schema_v1);
  /* 2026-11-24T10:00:00+01:00 is 1795510800 s after the epoch. */
  raw_exec (db,
            "INSERT INTO sessions VALUES ('" V1_SESSION "', '2026-11-24T10:00:00+01:00', 1795510800000000,"
            " 75, 'trigger-point', 'moderate', 1, 'neck;shoulders', 'Kim', 'Lou', 'From version 1');"
            "INSERT INTO checkins VALUES ('" V1_CHECKIN "', '" V1_SESSION "', '2026-11-25T09:30:00+01:00',"
            " 1795595400000000, 3, 'reduced-range', 'Stiff neck');");
  sqlite3_close (db);
}
