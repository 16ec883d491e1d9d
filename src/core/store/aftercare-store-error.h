/* aftercare-store-error.h: how the store and its databases fail (AFTERCARE_STORE_ERROR). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define AFTERCARE_STORE_ERROR (aftercare_store_error_quark ())
typedef enum {
  AFTERCARE_STORE_ERROR_FAILED,       /* I/O or the database engine failed */
  AFTERCARE_STORE_ERROR_DAMAGED,      /* fails its integrity check, or is not a database */
  AFTERCARE_STORE_ERROR_TOO_NEW,      /* written by a newer Aftercare */
  AFTERCARE_STORE_ERROR_NOT_FOUND,    /* no such session or check-in */
  AFTERCARE_STORE_ERROR_INVALID,      /* a bad value, or a bad location */
  AFTERCARE_STORE_ERROR_CONFLICT,     /* changed elsewhere since it was read */
  AFTERCARE_STORE_ERROR_READ_ONLY,    /* this app may not write here */
  /* A database server (PostgreSQL): */
  AFTERCARE_STORE_ERROR_UNREACHABLE,    /* no answer, refused, timed out, or the connection was lost */
  AFTERCARE_STORE_ERROR_AUTHENTICATION, /* no password found, password refused, not let in */
  AFTERCARE_STORE_ERROR_TLS,            /* the secure connection failed */
  AFTERCARE_STORE_ERROR_NOT_SET_UP,     /* no such database, or no Aftercare tables in it (yet) */
} AftercareStoreError;
GQuark aftercare_store_error_quark (void);

/* Sets error to NOT_FOUND for the session or check-in id, which is not
 * stored. Returns FALSE. */
gboolean aftercare_store_error_set_not_found (const char  *id,
                                              GError     **error);

G_END_DECLS
