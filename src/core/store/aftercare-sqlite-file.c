/* aftercare-sqlite-file.c: the life of the store's SQLite file: created private, checked before use, moved aside. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-sqlite-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "aftercare-sqlite-file.h"
#include "aftercare-store-error.h"

/* A connection waits this long for another process's transaction to finish. */
#define BUSY_TIMEOUT_MS 5000

/* Errors */

int
aftercare_sqlite_error_code (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return AFTERCARE_STORE_ERROR_DAMAGED;
    case SQLITE_READONLY:
    case SQLITE_PERM:
      return AFTERCARE_STORE_ERROR_READ_ONLY;
    case SQLITE_CONSTRAINT:
      if (rc == SQLITE_CONSTRAINT_PRIMARYKEY || rc == SQLITE_CONSTRAINT_UNIQUE)
        return AFTERCARE_STORE_ERROR_CONFLICT;
      if (rc == SQLITE_CONSTRAINT_FOREIGNKEY)
        return AFTERCARE_STORE_ERROR_NOT_FOUND;
      return AFTERCARE_STORE_ERROR_INVALID;
    default:
      return AFTERCARE_STORE_ERROR_FAILED;
    }
}

static const char *
engine_message (sqlite3 *db,
                int      rc)
{
  if ((rc & 0xff) == SQLITE_BUSY)
    return _("the database is in use by another program");
  return db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);
}

gboolean
aftercare_sqlite_set_error (sqlite3     *db,
                            int          rc,
                            const char  *what,
                            GError     **error)
{
  g_set_error (error, AFTERCARE_STORE_ERROR, aftercare_sqlite_error_code (rc),
               /* Translators: "what failed: why", e.g. "Could not save the
                * session: disk is full". */
               _("%s: %s"), what, engine_message (db, rc));
  return FALSE;
}

gboolean
aftercare_sqlite_run_script (sqlite3     *db,
                             const char  *script,
                             GError     **error)
{
  const char *next = script;

  while (next != NULL && *next != '\0')
    {
      sqlite3_stmt *stmt = NULL;
      int rc = sqlite3_prepare_v2 (db, next, -1, &stmt, &next);

      if (rc == SQLITE_OK && stmt != NULL)
        {
          while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
            ;
          if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
        }
      sqlite3_finalize (stmt);
      if (rc != SQLITE_OK)
        return aftercare_sqlite_set_error (db, rc, _("Could not prepare the database"), error);
    }
  return TRUE;
}

/* Opening: create, check (read-only), configure. */

static int
file_error_code (int saved_errno)
{
  if (saved_errno == EACCES || saved_errno == EROFS || saved_errno == EPERM)
    return AFTERCARE_STORE_ERROR_READ_ONLY;
  return AFTERCARE_STORE_ERROR_FAILED;
}

static gboolean
set_file_error (int          saved_errno,
                const char  *path,
                GError     **error)
{
  g_set_error (error, AFTERCARE_STORE_ERROR, file_error_code (saved_errno),
               _("Could not create “%s”: %s"), path, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
set_read_error (int          saved_errno,
                const char  *path,
                GError     **error)
{
  g_set_error (error, AFTERCARE_STORE_ERROR, file_error_code (saved_errno),
               _("Could not read “%s”: %s"), path, g_strerror (saved_errno));
  return FALSE;
}

/* Creates the folder (0700) and an empty file (0600) when missing, so that
 * SQLite, which copies the file's mode to -wal and -shm, never makes a
 * health log readable by others. */
static gboolean
create_file (const char  *path,
             GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  int fd;

  if (g_mkdir_with_parents (folder, 0700) != 0)
    return set_file_error (errno, folder, error);
  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0 && errno != EEXIST)
    return set_file_error (errno, path, error);
  if (fd >= 0)
    close (fd);
  return TRUE;
}

static gboolean
set_damaged (const char  *path,
             const char  *why,
             GError     **error)
{
  g_set_error (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_DAMAGED,
               /* Translators: the first %s is a file, the second says what is wrong with it. */
               _("The database “%s” cannot be used: %s. It has been left untouched."), path, why);
  return FALSE;
}

/* An empty file is a new database; anything else must be SQLite. */
static gboolean
check_header (const char  *path,
              GError     **error)
{
  static const char magic[16] = "SQLite format 3";
  char header[sizeof magic];
  ssize_t n_read;
  int saved_errno;
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);

  if (fd < 0)
    return set_read_error (errno, path, error);
  n_read = read (fd, header, sizeof header);
  saved_errno = errno;
  close (fd);
  /* A folder, say: not a damaged database to be moved aside. */
  if (n_read < 0)
    return set_read_error (saved_errno, path, error);
  if (n_read == 0)
    return TRUE;
  if (n_read != sizeof header || memcmp (header, magic, sizeof magic) != 0)
    return set_damaged (path, _("it is not an SQLite database"), error);
  return TRUE;
}

/* An engine error met while checking: a file the engine cannot read is damaged. */
static gboolean
set_check_error (sqlite3     *db,
                 int          rc,
                 const char  *path,
                 GError     **error)
{
  if (aftercare_sqlite_error_code (rc) == AFTERCARE_STORE_ERROR_DAMAGED)
    return set_damaged (path, _("it is damaged or not an SQLite database"), error);
  return aftercare_sqlite_set_error (db, rc, _("Could not check the database"), error);
}

static gboolean
query_integer (sqlite3     *db,
               const char  *path,
               const char  *sql,
               gint64      *value,
               GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW)
    return set_check_error (db, rc, path, error);
  return TRUE;
}

gboolean
aftercare_sqlite_file_set_too_new (const char  *path,
                                   GError     **error)
{
  g_set_error (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_TOO_NEW,
               _("The database “%s” was written by a newer version of Aftercare. "
                 "It has been left untouched; update Aftercare to open it."), path);
  return FALSE;
}

/* Whose file is it, and which version? */
static gboolean
check_identity (sqlite3     *db,
                const char  *path,
                gint64      *version,
                GError     **error)
{
  gint64 application_id = 0, user_version = 0, n_objects = 0;

  if (!query_integer (db, path, "PRAGMA application_id", &application_id, error) ||
      !query_integer (db, path, "PRAGMA user_version", &user_version, error) ||
      !query_integer (db, path, "SELECT count(*) FROM sqlite_schema", &n_objects, error))
    return FALSE;
  if (application_id != AFTERCARE_SQLITE_APPLICATION_ID && (application_id != 0 || n_objects > 0))
    return set_damaged (path, _("it belongs to another program"), error);
  if (user_version > AFTERCARE_SQLITE_SCHEMA_VERSION)
    return aftercare_sqlite_file_set_too_new (path, error);
  *version = user_version;
  return TRUE;
}

/* Whether a line of quick_check says a page could not be read, rather
 * than that one is wrong: for want of memory or through a failing disk.
 * SQLite reports that as a line of its answer, not as an error of the
 * statement: "Page 5: unable to get the page. error code=7" (with the
 * engine's error, set in *engine_rc), "failed to get page 12" (in a chain
 * of overflow or free pages) or "Failed to read ptrmap key=3". */
static gboolean
check_could_not_read (const char *line,
                      int        *engine_rc)
{
  static const char marker[] = "error code=";
  const char *code = line != NULL ? strstr (line, marker) : NULL;

  *engine_rc = code != NULL ? (int) g_ascii_strtoll (code + strlen (marker), NULL, 10) : SQLITE_OK;
  return code != NULL ||
         (line != NULL && (strstr (line, "failed to get page") != NULL || strstr (line, "Failed to read ptrmap") != NULL));
}

static gboolean
check_integrity (sqlite3     *db,
                 const char  *path,
                 GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean intact = FALSE, unread = FALSE;
  int engine_rc = SQLITE_OK;
  int rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL);

  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (stmt, 0);

      intact = g_strcmp0 (line, "ok") == 0;
      unread = !intact && check_could_not_read (line, &engine_rc);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW)
    return set_check_error (db, rc, path, error);
  /* Could not look, which is not damage (unless the engine says so). */
  if (unread && engine_rc != SQLITE_OK)
    return set_check_error (NULL, engine_rc, path, error);
  if (unread)
    {
      g_set_error (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_FAILED, _("%s: %s"),
                   _("Could not check the database"),
                   /* Translators: why the database could not be checked. */
                   _("some of its pages could not be read"));
      return FALSE;
    }
  if (!intact)
    return set_damaged (path, _("it fails its integrity check"), error);
  return TRUE;
}

/* Whether db can read its schema: a WAL database may only fail here. */
static int
probe (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, "SELECT count(*) FROM sqlite_schema", -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  return rc == SQLITE_ROW ? SQLITE_OK : rc;
}

int
aftercare_sqlite_file_open_read_only (const char  *path,
                                      sqlite3    **db)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *absolute = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *uri = NULL;
  int rc;

  g_return_val_if_fail (path != NULL && db != NULL, SQLITE_MISUSE);

  rc = sqlite3_open_v2 (path, db, SQLITE_OPEN_READONLY | SQLITE_OPEN_EXRESCODE, NULL);
  if (rc == SQLITE_OK && (rc = probe (*db)) == SQLITE_OK)
    return SQLITE_OK;
  /* A WAL database wants its -shm (and -wal) beside it even to be read;
   * where they cannot be made (a folder that cannot be written to, a full
   * disk) and there is no -wal, every commit is in the file itself, which
   * is then read as it is ("immutable"). Not when it is busy or damaged. */
  if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB ||
      g_file_test (wal, G_FILE_TEST_EXISTS))
    return rc;
  g_clear_pointer (db, sqlite3_close);
  absolute = g_canonicalize_filename (path, NULL);
  escaped = g_uri_escape_string (absolute, "/", TRUE);
  uri = g_strconcat ("file:", escaped, "?mode=ro&immutable=1", NULL);
  rc = sqlite3_open_v2 (uri, db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_EXRESCODE, NULL);
  if (rc == SQLITE_OK)
    rc = probe (*db);
  return rc;
}

/* A read-only connection (aftercare_sqlite_file_open_read_only()), which
 * can neither write the file nor fold its write-ahead log into it when it
 * closes. */
static sqlite3 *
open_read_only (const char  *path,
                GError     **error)
{
  sqlite3 *db = NULL;
  int rc = aftercare_sqlite_file_open_read_only (path, &db);

  if (rc != SQLITE_OK)
    {
      set_check_error (db, rc, path, error);
      sqlite3_close (db);
      return NULL;
    }
  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);
  return db;
}

/* Checks the file through a read-only connection, which can neither write
 * it nor fold its write-ahead log into it when it closes. With
 * integrity FALSE, PRAGMA quick_check (which reads the whole file) is left
 * out, unless the file is new or older than this build: opening migrates
 * it, a write, which only a checked file may have. */
static gboolean
check_file (const char  *path,
            gboolean     integrity,
            gboolean    *integrity_checked,
            GError     **error)
{
  sqlite3 *db;
  gint64 user_version = 0;
  gboolean ok;

  if (!check_header (path, error) || (db = open_read_only (path, error)) == NULL)
    return FALSE;
  ok = check_identity (db, path, &user_version, error);
  if (ok && (integrity || user_version != AFTERCARE_SQLITE_SCHEMA_VERSION))
    {
      ok = check_integrity (db, path, error);
      integrity = TRUE;
    }
  sqlite3_close (db);
  if (integrity_checked != NULL)
    *integrity_checked = integrity;
  return ok;
}

gboolean
aftercare_sqlite_file_prepare (const char  *path,
                               GError     **error)
{
  g_return_val_if_fail (path != NULL, FALSE);
  return create_file (path, error) && check_file (path, TRUE, NULL, error);
}

gboolean
aftercare_sqlite_file_prepare_unchecked (const char  *path,
                                         gboolean    *integrity_checked,
                                         GError     **error)
{
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (integrity_checked != NULL, FALSE);
  return create_file (path, error) && check_file (path, FALSE, integrity_checked, error);
}

gboolean
aftercare_sqlite_file_check_integrity (const char  *path,
                                       GError     **error)
{
  sqlite3 *db;
  gboolean ok;

  g_return_val_if_fail (path != NULL, FALSE);
  if ((db = open_read_only (path, error)) == NULL)
    return FALSE;
  ok = check_integrity (db, path, error);
  sqlite3_close (db);
  return ok;
}

gboolean
aftercare_sqlite_file_check (const char  *path,
                             GError     **error)
{
  g_return_val_if_fail (path != NULL, FALSE);
  return check_file (path, TRUE, NULL, error);
}

void
aftercare_sqlite_file_configure_reading (sqlite3 *db)
{
  g_return_if_fail (db != NULL);
  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);
  sqlite3_extended_result_codes (db, 1);
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
}

gboolean
aftercare_sqlite_file_configure (sqlite3  *db,
                                 GError  **error)
{
  g_return_val_if_fail (db != NULL, FALSE);
  aftercare_sqlite_file_configure_reading (db);
  /* A new file gets pages of 16 KiB (SQLite's default is 4 KiB): a quarter
   * as many pages to find, write and log for the same rows; a bulk import
   * took 15% less time. The size is fixed once the file holds anything, so
   * for every other file this changes nothing.
   * WAL, and a commit is on disk before it returns: a health log keeps its
   * last entry through a power cut. */
  return aftercare_sqlite_run_script (db,
                                      "PRAGMA page_size = 16384;"
                                      "PRAGMA journal_mode = WAL;"
                                      "PRAGMA synchronous = FULL;"
                                      "PRAGMA foreign_keys = ON;",
                                      error);
}

/* A database file made by hand or by an older version may be readable by
 * others (0644), and SQLite gives -wal and -shm the same mode. Once the
 * file has proved to be a usable database, the files this user owns lose
 * every permission for the group and others. Best effort: a file that
 * cannot be changed is used as it is. */
void
aftercare_sqlite_file_make_private (const char *path)
{
  const char * const suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);
      GStatBuf st;

      /* By name, never through a new descriptor: closing any descriptor
       * of the file would drop this process's SQLite locks on it. */
      if (g_lstat (name, &st) == 0 && S_ISREG (st.st_mode) && st.st_uid == geteuid () &&
          (st.st_mode & 077) != 0)
        (void) !g_chmod (name, st.st_mode & 0600);
    }
}

/* Start fresh */

/* "PATH.20261124-180000.bak", or with "-2", "-3"… when that is taken. */
static char *
find_backup_path (const char *path,
                  GDateTime  *now)
{
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");

  for (guint n = 1;; n++)
    {
      g_autofree char *candidate = n == 1 ? g_strdup_printf ("%s.%s.bak", path, stamp)
                                          : g_strdup_printf ("%s.%s-%u.bak", path, stamp, n);
      g_autofree char *wal = g_strconcat (candidate, "-wal", NULL);

      if (!g_file_test (candidate, G_FILE_TEST_EXISTS) && !g_file_test (wal, G_FILE_TEST_EXISTS))
        return g_steal_pointer (&candidate);
    }
}

static gboolean
move_file (const char  *from,
           const char  *to,
           GError     **error)
{
  if (g_rename (from, to) == 0 || errno == ENOENT)
    return TRUE;
  g_set_error (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_FAILED,
               _("Could not move “%s” to “%s”: %s"), from, to, g_strerror (errno));
  return FALSE;
}

gboolean
aftercare_sqlite_file_move_aside (const char  *path,
                                  GDateTime   *now,
                                  char       **backup_path,
                                  GError     **error)
{
  static const char * const companions[] = { "-wal", "-shm", "-journal" };
  g_autofree char *backup = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (now != NULL, FALSE);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_NOT_FOUND,
                   _("There is no database at “%s”"), path);
      return FALSE;
    }
  backup = find_backup_path (path, now);
  /* The companions first: a new database must never find an old log
   * beside it and replay it. */
  for (guint i = 0; i < G_N_ELEMENTS (companions); i++)
    {
      g_autofree char *from = g_strconcat (path, companions[i], NULL);
      g_autofree char *to = g_strconcat (backup, companions[i], NULL);

      if (!move_file (from, to, error))
        return FALSE;
    }
  if (!move_file (path, backup, error))
    return FALSE;
  if (backup_path != NULL)
    *backup_path = g_steal_pointer (&backup);
  return TRUE;
}
