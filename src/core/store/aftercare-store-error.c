/* aftercare-store-error.c: how the store and its databases fail (AFTERCARE_STORE_ERROR). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-store-error"

#include "config.h"

#include <glib/gi18n.h>

#include "aftercare-store-error.h"

G_DEFINE_QUARK (aftercare-store-error-quark, aftercare_store_error)

gboolean
aftercare_store_error_set_not_found (const char  *id,
                                     GError     **error)
{
  g_set_error (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_NOT_FOUND,
               _("No entry with id %s is stored"), id);
  return FALSE;
}
