/* aftercare-moments.c: check-ins made at the same instant are one moment (DESIGN.md, "Check-ins at the same instant"). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-moments"

#include "aftercare-moments.h"

static int
compare_by_time (gconstpointer a,
                 gconstpointer b)
{
  AftercareCheckin *x = *(AftercareCheckin **) a;
  AftercareCheckin *y = *(AftercareCheckin **) b;

  return g_date_time_compare (aftercare_checkin_get_at (x), aftercare_checkin_get_at (y));
}

static gboolean
same_instant (AftercareCheckin *a,
              AftercareCheckin *b)
{
  return g_date_time_compare (aftercare_checkin_get_at (a), aftercare_checkin_get_at (b)) == 0;
}

static int
compare_notes (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

/* Notes in a fixed order (sorted), so the merged moment is the same
 * whatever order its check-ins came in. */
static char *
joined_notes (GPtrArray *checkins,
              guint      first,
              guint      end)
{
  g_autoptr(GPtrArray) notes = g_ptr_array_new ();

  for (guint i = first; i < end; i++)
    {
      const char *note = aftercare_checkin_get_notes (g_ptr_array_index (checkins, i));

      if (note != NULL && *note != '\0')
        g_ptr_array_add (notes, (gpointer) note);
    }
  g_ptr_array_sort (notes, compare_notes);
  g_ptr_array_add (notes, NULL);
  return g_strjoinv ("\n", (char **) notes->pdata);
}

/* One check-in for sorted[first..end), all at one instant. */
static AftercareCheckin *
merge (GPtrArray *sorted,
       guint      first,
       guint      end)
{
  AftercareCheckin *head = g_ptr_array_index (sorted, first);
  AftercareCheckin *moment;
  g_autofree char *notes = NULL;
  guint soreness = 0;
  AftercareSymptoms symptoms = 0;

  if (end - first == 1)
    return g_object_ref (head);
  for (guint i = first; i < end; i++)
    {
      AftercareCheckin *checkin = g_ptr_array_index (sorted, i);

      soreness = MAX (soreness, aftercare_checkin_get_soreness (checkin));
      symptoms |= aftercare_checkin_get_symptoms (checkin);
    }
  moment = aftercare_checkin_new (aftercare_checkin_get_session_id (head),
                                  aftercare_checkin_get_at (head), soreness, symptoms);
  notes = joined_notes (sorted, first, end);
  aftercare_checkin_set_notes (moment, notes);
  return moment;
}

GPtrArray *
aftercare_checkins_to_moments (GPtrArray *checkins)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  GPtrArray *moments = g_ptr_array_new_with_free_func (g_object_unref);
  guint first = 0;

  for (guint i = 0; checkins != NULL && i < checkins->len; i++)
    {
      g_return_val_if_fail (AFTERCARE_IS_CHECKIN (g_ptr_array_index (checkins, i)), moments);
      g_ptr_array_add (sorted, g_ptr_array_index (checkins, i));
    }
  g_ptr_array_sort (sorted, compare_by_time);
  for (guint i = 1; i <= sorted->len; i++)
    if (i == sorted->len || !same_instant (g_ptr_array_index (sorted, first), g_ptr_array_index (sorted, i)))
      {
        g_ptr_array_add (moments, merge (sorted, first, i));
        first = i;
      }
  return moments;
}
