/* aftercare-pg-connect.c: reaching a PostgreSQL server with libpq, and saying plainly why it failed. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-pg-connect"

#include "config.h"

#include <errno.h>
#include <glib-unix.h>
#include <glib/gi18n.h>
#include <poll.h>
#include <string.h>

#include "aftercare-pg-connect.h"
#include "aftercare-store-error.h"

/* Reading an address without repeating it: an address may hold a secret,
 * so no message here quotes it, nor what libpq says about it. */

/* The length of the scheme of "scheme://…", else 0. */
static gsize
scheme_length (const char *location)
{
  gsize n = 0;

  if (!g_ascii_isalpha (location[0]))
    return 0;
  while (g_ascii_isalnum (location[n]) || location[n] == '+' || location[n] == '-' || location[n] == '.')
    n++;
  return g_str_has_prefix (location + n, "://") ? n : 0;
}

/* Whether location starts with a keyword and "=" ("host=…"). */
static gboolean
starts_with_keyword (const char *location)
{
  const char *p = location;

  while (g_ascii_isspace (*p))
    p++;
  if (!g_ascii_isalpha (*p) && *p != '_')
    return FALSE;
  while (g_ascii_isalnum (*p) || *p == '_')
    p++;
  while (g_ascii_isspace (*p))
    p++;
  return *p == '=';
}

gboolean
aftercare_pg_is_location (const char *location)
{
  g_return_val_if_fail (location != NULL, FALSE);

  return scheme_length (location) > 0 || starts_with_keyword (location);
}

/* text with each %XX decoded where it can be, in lower case: for finding
 * a password however it is written. */
static char *
decoded_lower (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (p[0] == '%' && g_ascii_isxdigit (p[1]) && g_ascii_isxdigit (p[2]))
      {
        g_string_append_c (out, (char) (g_ascii_xdigit_value (p[1]) * 16 + g_ascii_xdigit_value (p[2])));
        p += 2;
      }
    else
      g_string_append_c (out, *p);
  return g_ascii_strdown (out->str, -1);
}

/* Whether text holds the word "password" followed by "=". */
static gboolean
has_password_setting (const char *text)
{
  for (const char *at = strstr (text, "password"); at != NULL; at = strstr (at + 1, "password"))
    {
      const char *p = at + strlen ("password");

      while (g_ascii_isspace (*p))
        p++;
      if (*p == '=')
        return TRUE;
    }
  return FALSE;
}

/* A password in the address's own words, even where libpq cannot read
 * it: "user:password@" before the host of a URI, or a password setting. */
static gboolean
seems_to_hold_password (const char *location)
{
  g_autofree char *text = decoded_lower (location);
  gsize scheme = scheme_length (location);

  if (scheme > 0)
    {
      g_autofree char *before_query = g_strndup (location + scheme + 3, strcspn (location + scheme + 3, "?#"));
      const char *at = strrchr (before_query, '@');

      if (at != NULL && memchr (before_query, ':', at - before_query) != NULL)
        return TRUE;
    }
  return has_password_setting (text);
}

static gboolean
has_password (PQconninfoOption *options)
{
  for (PQconninfoOption *option = options; option->keyword != NULL; option++)
    if (g_str_equal (option->keyword, "password") && option->val != NULL && *option->val != '\0')
      return TRUE;
  return FALSE;
}

static gboolean
is_known_keyword (const char *keyword,
                  gsize       length)
{
  PQconninfoOption *defaults = PQconndefaults ();
  gboolean known = FALSE;

  for (PQconninfoOption *option = defaults; option != NULL && option->keyword != NULL && !known; option++)
    known = strlen (option->keyword) == length && strncmp (option->keyword, keyword, length) == 0;
  PQconninfoFree (defaults);
  return known;
}

/* What is wrong with "keyword=value …" settings that libpq cannot read. */
static const char *
describe_bad_settings (const char *location)
{
  const char *p = location;

  for (;;)
    {
      const char *keyword;
      gsize length;

      while (g_ascii_isspace (*p))
        p++;
      if (*p == '\0')
        return NULL;
      keyword = p;
      while (*p != '\0' && *p != '=' && !g_ascii_isspace (*p))
        p++;
      length = p - keyword;
      while (g_ascii_isspace (*p))
        p++;
      if (*p != '=')
        return _("each setting must be written as keyword=value");
      if (!is_known_keyword (keyword, length))
        return _("it holds a setting that libpq does not know; check the spelling of each keyword");
      p++;
      while (g_ascii_isspace (*p))
        p++;
      if (*p == '\'')
        {
          for (p++; *p != '\0' && *p != '\''; p++)
            if (*p == '\\' && p[1] != '\0')
              p++;
          if (*p == '\0')
            return _("a value in quotes (') has no closing quote");
          p++;
        }
      else
        while (*p != '\0' && !g_ascii_isspace (*p))
          p++;
    }
}

/* What is wrong with a postgresql:// address that libpq cannot read. */
static const char *
describe_bad_uri (const char *location)
{
  const char *host = location + scheme_length (location) + 3;
  gsize host_length = strcspn (host, "/?#");
  const char *bracket = memchr (host, '[', host_length);

  for (const char *p = location; *p != '\0'; p++)
    if (*p == '%' && (!g_ascii_isxdigit (p[1]) || !g_ascii_isxdigit (p[2])))
      return _("a % sign is not followed by two hexadecimal digits (write a % itself as %25)");
  if (bracket != NULL && strchr (bracket, ']') == NULL)
    return _("the server’s address opens a [ that is never closed");
  return NULL;
}

gboolean
aftercare_pg_check_location (const char  *location,
                             GError     **error)
{
  PQconninfoOption *options;
  gsize scheme;
  gboolean password;

  g_return_val_if_fail (location != NULL, FALSE);

  if (seems_to_hold_password (location))
    goto password;
  scheme = scheme_length (location);
  if (scheme > 0 && !g_str_has_prefix (location, "postgresql://") && !g_str_has_prefix (location, "postgres://"))
    {
      g_set_error_literal (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_INVALID,
                           _("The clinic database’s address must start with postgresql:// or postgres://, "
                             "in small letters (or be settings such as service=clinic)"));
      return FALSE;
    }
  options = PQconninfoParse (location, NULL);
  if (options == NULL)
    {
      const char *why = scheme > 0 ? describe_bad_uri (location) : describe_bad_settings (location);

      if (why == NULL)
        why = scheme > 0 ? _("write it as postgresql://user@host:port/database?setting=value")
                         : _("write it as settings such as service=clinic or host=db.example dbname=clinic");
      /* Translators: the address itself is never shown, as it may hold a secret. */
      g_set_error (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_INVALID,
                   _("The clinic database’s address cannot be read: %s"), why);
      return FALSE;
    }
  password = has_password (options);
  PQconninfoFree (options);
  if (!password)
    return TRUE;
password:
  g_set_error_literal (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_INVALID,
                       _("The clinic database’s address holds a password. Take it out of the "
                         "address and put it in ~/.pgpass (or in the password file of a libpq "
                         "service), where only you can read it."));
  return FALSE;
}

/* Describing a failure */

char *
aftercare_pg_describe_server (PGconn *conn)
{
  const char *host = conn != NULL ? PQhost (conn) : NULL;
  const char *port = conn != NULL ? PQport (conn) : NULL;

  if (host == NULL || *host == '\0' || *host == '/')
    /* Translators: a server reached through a Unix socket in that folder. */
    return g_strdup_printf (_("the socket in %s"), host != NULL && *host != '\0' ? host : "/run/postgresql");
  if (port == NULL || *port == '\0')
    return g_strdup (host);
  /* Translators: a server's host name and TCP port, "db.example.org, port 5432". */
  return g_strdup_printf (_("%s, port %s"), host, port);
}

static gboolean
is_sqlstate (const char *text)
{
  for (guint i = 0; i < 5; i++)
    if (!g_ascii_isdigit (text[i]) && !g_ascii_isupper (text[i]))
      return FALSE;
  return text[5] == ':' && text[6] == ' ';
}

/* Verbose messages read "…: FATAL:  28P01: password authentication…": the
 * code is the same in every language, unlike the words around it. */
char *
aftercare_pg_find_sqlstate (const char *message)
{
  const char *at;

  for (at = message != NULL ? strstr (message, ":  ") : NULL; at != NULL; at = strstr (at + 1, ":  "))
    if (strlen (at) >= 3 + 7 && is_sqlstate (at + 3))
      return g_strndup (at + 3, 5);
  return NULL;
}

/* The part of libpq's message worth showing: one line, without the
 * "connection to server … failed:" or "FATAL:  28P01:" in front. */
static char *
short_detail (const char *message,
              const char *sqlstate)
{
  g_autofree char *line = g_strndup (message, strcspn (message, "\n"));
  const char *start = line;
  const char *found;

  if (sqlstate != NULL && (found = strstr (line, sqlstate)) != NULL)
    start = found + 7;
  else if ((found = g_strrstr (line, "failed: ")) != NULL)
    start = found + strlen ("failed: ");
  return g_strstrip (g_strdup (start));
}

/* A failure the server explained with a SQLSTATE. */
static void
set_server_refusal (PGconn      *conn,
                    const char  *sqlstate,
                    const char  *server,
                    const char  *detail,
                    GError     **error)
{
  const char *user = PQuser (conn) != NULL ? PQuser (conn) : "";
  const char *db = PQdb (conn) != NULL ? PQdb (conn) : "";

  if (g_str_equal (sqlstate, "28P01"))
    g_set_error (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_AUTHENTICATION,
                 _("The server (%s) refused the password for “%s”. Check that user’s line in "
                   "~/.pgpass, or in the password file your libpq service names."), server, user);
  else if (g_str_has_prefix (sqlstate, "28"))
    g_set_error (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_AUTHENTICATION,
                 _("The server (%s) does not let “%s” in: %s"), server, user, detail);
  else if (g_str_equal (sqlstate, "3D000"))
    g_set_error (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_NOT_SET_UP,
                 _("The server (%s) has no database called “%s”"), server, db);
  else if (g_str_equal (sqlstate, "57P03") || g_str_equal (sqlstate, "53300"))
    g_set_error (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_UNREACHABLE,
                 _("The clinic database server (%s) cannot take a connection now: %s"), server, detail);
  else
    g_set_error (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_FAILED,
                 _("Could not connect to the clinic database (%s): %s"), server, detail);
}

/* Classifies a failed attempt; last_status is where it was when it failed. */
static void
set_connect_error (PGconn          *conn,
                   ConnStatusType   last_status,
                   GError         **error)
{
  const char *message = conn != NULL ? PQerrorMessage (conn) : "";
  g_autofree char *sqlstate = aftercare_pg_find_sqlstate (message);
  g_autofree char *server = aftercare_pg_describe_server (conn);
  g_autofree char *detail = short_detail (message, sqlstate);

  if (sqlstate != NULL)
    set_server_refusal (conn, sqlstate, server, detail, error);
  else if (conn != NULL && PQconnectionNeedsPassword (conn))
    g_set_error (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_AUTHENTICATION,
                 _("The server (%s) asks for a password for “%s”, and none was found. Add it to "
                   "~/.pgpass, or to the password file your libpq service names."),
                 server, PQuser (conn) != NULL ? PQuser (conn) : "");
  else if (last_status == CONNECTION_SSL_STARTUP)
    g_set_error (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_TLS,
                 _("The secure (TLS) connection to the clinic database (%s) failed: %s"), server, detail);
  else if (last_status == CONNECTION_BAD || last_status == CONNECTION_STARTED ||
           last_status == CONNECTION_NEEDED)
    g_set_error (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_UNREACHABLE,
                 _("The clinic database server (%s) cannot be reached: %s"), server, detail);
  else
    g_set_error (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_FAILED,
                 _("Could not connect to the clinic database (%s): %s"), server, detail);
}

static void
set_timeout_error (PGconn  *conn,
                   guint    timeout_seconds,
                   GError **error)
{
  g_autofree char *server = aftercare_pg_describe_server (conn);

  g_set_error (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_UNREACHABLE,
               ngettext ("The clinic database server (%s) did not answer within %u second",
                         "The clinic database server (%s) did not answer within %u seconds",
                         timeout_seconds),
               server, timeout_seconds);
}

/* One attempt, stepped by the caller */

typedef struct
{
  PGconn *conn;
  ConnStatusType last_status;
  PostgresPollingStatusType polling;
} Attempt;

/* The server's notices ("already exists, skipping") are for debugging, not for standard error. */
static void
log_notice (void       *data,
            const char *message)
{
  g_debug ("%s", message);
}

static void
attempt_start (Attempt    *attempt,
               const char *location)
{
  /* The address's own values win over the ones before it, and the ones
   * after it win over the address: always UTF-8. By default a dead network
   * path is noticed within seconds (keepalives, unacknowledged data), and
   * no statement or lock wait holds a desk for long; a clinic can choose
   * otherwise in the address. */
  static const char * const keywords[] = {
    "keepalives_idle", "keepalives_interval", "keepalives_count", "tcp_user_timeout", "options",
    "dbname", "client_encoding", "fallback_application_name", NULL
  };
  const char * const values[] = {
    "10", "5", "3", "15000", "-c statement_timeout=60s -c lock_timeout=15s",
    location, "UTF8", "aftercare", NULL
  };

  attempt->conn = PQconnectStartParams (keywords, values, 1);
  attempt->last_status = CONNECTION_BAD;
  /* Before the first poll, libpq wants to be treated as if it were waiting to write. */
  attempt->polling = PGRES_POLLING_WRITING;
  if (attempt->conn == NULL || PQstatus (attempt->conn) == CONNECTION_BAD)
    {
      attempt->polling = PGRES_POLLING_FAILED;
      return;
    }
  /* Server errors then carry their SQLSTATE, which says what went wrong in any language. */
  PQsetErrorVerbosity (attempt->conn, PQERRORS_VERBOSE);
  PQsetNoticeProcessor (attempt->conn, log_notice, NULL);
}

static void
attempt_step (Attempt *attempt)
{
  attempt->last_status = PQstatus (attempt->conn);
  attempt->polling = PQconnectPoll (attempt->conn);
}

static gboolean
attempt_done (Attempt *attempt)
{
  return attempt->polling == PGRES_POLLING_OK || attempt->polling == PGRES_POLLING_FAILED;
}

/* The connection when it worked (verbosity back to normal), else NULL with error. */
static PGconn *
attempt_finish (Attempt  *attempt,
                GError  **error)
{
  PGconn *conn = g_steal_pointer (&attempt->conn);

  if (attempt->polling == PGRES_POLLING_OK)
    {
      PQsetErrorVerbosity (conn, PQERRORS_DEFAULT);
      return conn;
    }
  set_connect_error (conn, attempt->last_status, error);
  g_clear_pointer (&conn, PQfinish);
  return NULL;
}

/* Blocking */

/* Waits for the socket as libpq asked; FALSE when the time is up. */
static gboolean
wait_for_socket (Attempt *attempt,
                 gint64   deadline)
{
  for (;;)
    {
      struct pollfd fd = {
        .fd = PQsocket (attempt->conn),
        .events = attempt->polling == PGRES_POLLING_READING ? POLLIN : POLLOUT,
      };
      gint64 remaining_ms = (deadline - g_get_monotonic_time ()) / 1000;
      int n;

      if (remaining_ms <= 0)
        return FALSE;
      n = poll (&fd, 1, (int) MIN (remaining_ms, G_MAXINT));
      if (n > 0 || fd.fd < 0)
        return TRUE;
      if (n < 0 && errno != EINTR)
        return TRUE;   /* let libpq meet the error itself */
    }
}

PGconn *
aftercare_pg_connect (const char  *location,
                      guint        timeout_seconds,
                      GError     **error)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_seconds * G_USEC_PER_SEC;
  Attempt attempt;

  g_return_val_if_fail (location != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!aftercare_pg_check_location (location, error))
    return NULL;
  attempt_start (&attempt, location);
  while (!attempt_done (&attempt))
    {
      if (!wait_for_socket (&attempt, deadline))
        {
          set_timeout_error (attempt.conn, timeout_seconds, error);
          g_clear_pointer (&attempt.conn, PQfinish);
          return NULL;
        }
      attempt_step (&attempt);
    }
  return attempt_finish (&attempt, error);
}

/* Without blocking */

struct _AftercarePgConnector
{
  Attempt attempt;
  guint timeout_seconds;
  GSource *io_source;
  GSource *timeout_source;
  GSource *idle_source;
  AftercarePgConnectFunc func;
  gpointer user_data;
};

static void
connector_clear_sources (AftercarePgConnector *self)
{
  GSource **sources[] = { &self->io_source, &self->timeout_source, &self->idle_source };

  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    if (*sources[i] != NULL)
      {
        g_source_destroy (*sources[i]);
        g_clear_pointer (sources[i], g_source_unref);
      }
}

static void
connector_free (AftercarePgConnector *self)
{
  connector_clear_sources (self);
  g_clear_pointer (&self->attempt.conn, PQfinish);
  g_free (self);
}

/* Reports the outcome and frees the connector. */
static void
connector_finish (AftercarePgConnector *self,
                  PGconn               *conn,
                  const GError         *error)
{
  AftercarePgConnectFunc func = self->func;
  gpointer user_data = self->user_data;

  connector_free (self);
  func (conn, error, user_data);
}

static void
connector_finish_attempt (AftercarePgConnector *self)
{
  g_autoptr(GError) error = NULL;
  PGconn *conn = attempt_finish (&self->attempt, &error);

  connector_finish (self, conn, error);
}

static void connector_watch (AftercarePgConnector *self);

static gboolean
connector_socket_ready_cb (int          fd,
                           GIOCondition condition,
                           gpointer     data)
{
  AftercarePgConnector *self = data;

  g_clear_pointer (&self->io_source, g_source_unref);
  attempt_step (&self->attempt);
  if (attempt_done (&self->attempt))
    connector_finish_attempt (self);
  else
    connector_watch (self);
  return G_SOURCE_REMOVE;
}

/* Watches the socket libpq now uses (it changes from one address to the next). */
static void
connector_watch (AftercarePgConnector *self)
{
  GIOCondition condition = self->attempt.polling == PGRES_POLLING_READING ? G_IO_IN : G_IO_OUT;

  self->io_source = g_unix_fd_source_new (PQsocket (self->attempt.conn), condition | G_IO_HUP | G_IO_ERR);
  g_source_set_callback (self->io_source, G_SOURCE_FUNC (connector_socket_ready_cb), self, NULL);
  g_source_attach (self->io_source, g_main_context_get_thread_default ());
}

static gboolean
connector_timeout_cb (gpointer data)
{
  AftercarePgConnector *self = data;
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->timeout_source, g_source_unref);
  set_timeout_error (self->attempt.conn, self->timeout_seconds, &error);
  connector_finish (self, NULL, error);
  return G_SOURCE_REMOVE;
}

static gboolean
connector_failed_at_once_cb (gpointer data)
{
  AftercarePgConnector *self = data;

  g_clear_pointer (&self->idle_source, g_source_unref);
  connector_finish_attempt (self);
  return G_SOURCE_REMOVE;
}

static GSource *
attach_source (GSource     *source,
               GSourceFunc  func,
               gpointer     data)
{
  g_source_set_callback (source, func, data, NULL);
  g_source_attach (source, g_main_context_get_thread_default ());
  return source;
}

AftercarePgConnector *
aftercare_pg_connector_start (const char             *location,
                              guint                   timeout_seconds,
                              AftercarePgConnectFunc  func,
                              gpointer                user_data)
{
  AftercarePgConnector *self;

  g_return_val_if_fail (location != NULL, NULL);
  g_return_val_if_fail (func != NULL, NULL);

  self = g_new0 (AftercarePgConnector, 1);
  self->timeout_seconds = timeout_seconds;
  self->func = func;
  self->user_data = user_data;
  attempt_start (&self->attempt, location);
  if (attempt_done (&self->attempt))
    {
      /* Reported from the main loop, like every other outcome. */
      self->idle_source = attach_source (g_idle_source_new (), connector_failed_at_once_cb, self);
      return self;
    }
  self->timeout_source = attach_source (g_timeout_source_new_seconds (timeout_seconds),
                                        connector_timeout_cb, self);
  connector_watch (self);
  return self;
}

void
aftercare_pg_connector_cancel (AftercarePgConnector *connector)
{
  g_return_if_fail (connector != NULL);
  connector_free (connector);
}

/* Errors of a statement */

int
aftercare_pg_error_code (const char *sqlstate)
{
  static const struct { const char *prefix; int code; } codes[] = {
    { "23505", AFTERCARE_STORE_ERROR_CONFLICT },
    { "23503", AFTERCARE_STORE_ERROR_NOT_FOUND },
    { "23", AFTERCARE_STORE_ERROR_INVALID },
    { "22", AFTERCARE_STORE_ERROR_INVALID },
    { "42501", AFTERCARE_STORE_ERROR_READ_ONLY },
    { "25006", AFTERCARE_STORE_ERROR_READ_ONLY },
    { "42P01", AFTERCARE_STORE_ERROR_NOT_SET_UP },
    { "3F000", AFTERCARE_STORE_ERROR_NOT_SET_UP },
    { "08", AFTERCARE_STORE_ERROR_UNREACHABLE },
    { "57P", AFTERCARE_STORE_ERROR_UNREACHABLE },
  };

  for (guint i = 0; sqlstate != NULL && i < G_N_ELEMENTS (codes); i++)
    if (g_str_has_prefix (sqlstate, codes[i].prefix))
      return codes[i].code;
  return AFTERCARE_STORE_ERROR_FAILED;
}

static gboolean
set_lost_error (const char  *what,
                GError     **error)
{
  g_set_error (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_UNREACHABLE,
               /* Translators: %s says what was being done, "Could not save the session". */
               _("%s: the connection to the clinic database was lost. Aftercare keeps trying "
                 "to reconnect."), what);
  return FALSE;
}

void
aftercare_pg_append_array_item (GString    *array,
                                const char *text)
{
  g_string_append (array, array->len > 1 ? ",\"" : "\"");
  for (const char *c = text; *c != '\0'; c++)
    {
      if (*c == '"' || *c == '\\')
        g_string_append_c (array, '\\');
      g_string_append_c (array, *c);
    }
  g_string_append_c (array, '"');
}

gboolean
aftercare_pg_result_ok (const PGresult *res)
{
  ExecStatusType status = res != NULL ? PQresultStatus (res) : PGRES_FATAL_ERROR;

  return status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
}

gboolean
aftercare_pg_set_result_error (PGconn          *conn,
                               const PGresult  *res,
                               const char      *what,
                               GError         **error)
{
  const char *sqlstate = res != NULL ? PQresultErrorField (res, PG_DIAG_SQLSTATE) : NULL;
  const char *message = res != NULL ? PQresultErrorField (res, PG_DIAG_MESSAGE_PRIMARY) : NULL;
  g_autofree char *connection_message = NULL;

  if (conn == NULL || PQstatus (conn) == CONNECTION_BAD)
    return set_lost_error (what, error);
  if (message == NULL)
    message = connection_message = g_strstrip (g_strdup (PQerrorMessage (conn)));
  g_set_error (error, AFTERCARE_STORE_ERROR, aftercare_pg_error_code (sqlstate),
               /* Translators: "what failed: why", e.g. "Could not save the session: …". */
               _("%s: %s"), what, message);
  return FALSE;
}

gboolean
aftercare_pg_commit (PGconn      *conn,
                     const char  *what,
                     GError     **error)
{
  PGresult *res = PQexec (conn, "COMMIT");
  gboolean committed = aftercare_pg_result_ok (res) && g_str_equal (PQcmdStatus (res), "COMMIT");

  if (!aftercare_pg_result_ok (res))
    aftercare_pg_set_result_error (conn, res, what, error);
  /* A transaction that had failed ends in ROLLBACK, reported as success. */
  else if (!committed)
    g_set_error_literal (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_FAILED,
                         _("Could not save: the server undid the change"));
  PQclear (res);
  return committed;
}
