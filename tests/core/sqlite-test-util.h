/* sqlite-test-util.h: looking at (or making) a database file the way another program would. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* Each test's own folder, and where its database goes in it. */
typedef struct
{
  char *folder;
  char *path;
} Fixture;

void     fixture_set_up    (Fixture       *f,
                            gconstpointer  data);
void     fixture_tear_down (Fixture       *f,
                            gconstpointer  data);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

/* Raw SQLite: each asserts that the engine said yes. */
sqlite3 *raw_open          (const char *path,
                            int         flags);
void     raw_exec          (sqlite3    *db,
                            const char *sql);
gint64   raw_integer       (sqlite3    *db,
                            const char *sql);
char    *raw_text          (sqlite3    *db,
                            const char *sql);

/* A file's permission bits, and a digest of its bytes. */
guint    file_mode         (const char *path);
char    *file_checksum     (const char *path);

/* A database exactly as the first release (user_version 1) wrote it, with
 * one session (V1_SESSION) and one check-in (V1_CHECKIN). */
#define V1_SESSION "6a0c1b2e-0d1f-4e3a-8b7c-5d4e3f2a1b0c"
#define V1_CHECKIN "7b1d2c3f-1e2a-4f4b-9c8d-6e5f4a3b2c1d"
void     make_v1_file      (const char *path);

G_END_DECLS
