/* aftercare-util.c: small helpers the core's classes share (setters that report change). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-util"

#include "aftercare-util.h"

gboolean
aftercare_set_string (char       **field,
                      const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

gboolean
aftercare_date_time_identical (GDateTime *a,
                               GDateTime *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_date_time_equal (a, b) &&
         g_date_time_get_utc_offset (a) == g_date_time_get_utc_offset (b);
}

gboolean
aftercare_set_date_time (GDateTime **field,
                         GDateTime  *value)
{
  if (aftercare_date_time_identical (*field, value))
    return FALSE;
  g_clear_pointer (field, g_date_time_unref);
  if (value != NULL)
    *field = g_date_time_ref (value);
  return TRUE;
}
