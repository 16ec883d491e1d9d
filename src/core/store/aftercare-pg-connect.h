/* aftercare-pg-connect.h: reaching a PostgreSQL server with libpq, and saying plainly why it failed. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <libpq-fe.h>

G_BEGIN_DECLS

/* Whether location is written as a server's address for libpq rather
 * than a file's path: it starts with a scheme in any case ("postgresql://",
 * "POSTGRES://", "other://") or with a keyword and "=" ("service=clinic",
 * "host=db.example dbname=clinic", "host=h password='…"). Such a text is
 * never taken for a file's name (aftercare_store_location_is_server()). */
gboolean  aftercare_pg_is_location    (const char *location);

/* Checks a server address before it is used: libpq must be able to read
 * it, and it must hold no password in any form (passwords belong in
 * ~/.pgpass or the password file a service names, never in settings or on
 * a command line); one that seems to hold one is refused even when libpq
 * could not read it. Messages never quote the address nor what libpq says
 * of it: they say what is wrong in words of their own. Errors are
 * AFTERCARE_STORE_ERROR_INVALID. */
gboolean  aftercare_pg_check_location (const char  *location,
                                       GError     **error);

/* Connects, waiting at most timeout_seconds, with UTF-8 as the client
 * encoding. A failure is classified: AFTERCARE_STORE_ERROR_UNREACHABLE (no
 * answer, refused, timed out, server starting or full),
 * _AUTHENTICATION (no password found, password refused, not let in), _TLS
 * (the secure connection failed, or the server offers none), _NOT_SET_UP
 * (no such database), _INVALID (a bad address), else _FAILED. Each message
 * names the server. */
PGconn   *aftercare_pg_connect        (const char  *location,
                                       guint        timeout_seconds,
                                       GError     **error);

/* The same without blocking: driven by sources on the thread-default main
 * context; func gets the connection (to own) or the error. Cancelling
 * drops the attempt without calling func. */
typedef void (*AftercarePgConnectFunc) (PGconn       *conn,
                                        const GError *error,
                                        gpointer      user_data);

typedef struct _AftercarePgConnector AftercarePgConnector;

AftercarePgConnector *aftercare_pg_connector_start  (const char             *location,
                                                     guint                   timeout_seconds,
                                                     AftercarePgConnectFunc  func,
                                                     gpointer                user_data);
void                  aftercare_pg_connector_cancel (AftercarePgConnector   *connector);

/* "db.example.org, port 5432", or "the socket in /run/postgresql". */
char     *aftercare_pg_describe_server (PGconn *conn);

/* The five-character SQLSTATE in a verbose libpq message, or NULL. */
char     *aftercare_pg_find_sqlstate   (const char *message);

/* Errors of a statement, as the store reports them. */

/* The AftercareStoreError code for a SQLSTATE (NULL: FAILED). */
int       aftercare_pg_error_code       (const char *sqlstate);
/* Whether res (may be NULL) is a command's or a query's success. */
gboolean  aftercare_pg_result_ok        (const PGresult *res);
/* Sets error from a failed result (res may be NULL), prefixed with what
 * was being done; UNREACHABLE when conn is lost. Returns FALSE. */
gboolean  aftercare_pg_set_result_error (PGconn          *conn,
                                         const PGresult  *res,
                                         const char      *what,
                                         GError         **error);

/* Adds text as one item of a text[] literal being built in array, which
 * starts as "{" (the caller closes it with "}"). */
void      aftercare_pg_append_array_item (GString    *array,
                                          const char *text);

/* Ends the transaction on conn with COMMIT; FAILED when the server undid
 * it instead (a statement in it had failed). */
gboolean  aftercare_pg_commit           (PGconn      *conn,
                                         const char  *what,
                                         GError     **error);

G_END_DECLS
