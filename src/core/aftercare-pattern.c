/* aftercare-pattern.c: your own pattern: how sore you get after each kind of massage, from your own check-ins (no GTK). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-pattern"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "aftercare-labels.h"
#include "aftercare-moments.h"
#include "aftercare-pattern.h"
#include "aftercare-timeline.h"

/* What one session adds to its kind: its highest soreness in each phase
 * (-1 for a phase without a check-in) and when it was mild for good (-1
 * when its last check-in was still above mild). */
typedef struct {
  AftercareMassageType type;
  AftercarePressure pressure;
  char *client;          /* folded for comparison */
  int peak[AFTERCARE_N_PHASES];
  double mild_by_hours;
} SessionCount;

struct _AftercarePattern
{
  GHashTable *sessions;  /* id → SessionCount */
};

static void
session_count_free (SessionCount *count)
{
  g_free (count->client);
  g_free (count);
}

static char *
fold_client (const char *client)
{
  g_autofree char *stripped = g_strstrip (g_strdup (client != NULL ? client : ""));

  return g_utf8_casefold (stripped, -1);
}

gboolean
aftercare_pattern_same_client (const char *a,
                               const char *b)
{
  g_autofree char *x = fold_client (a);
  g_autofree char *y = fold_client (b);

  return g_str_equal (x, y);
}

AftercarePattern *
aftercare_pattern_new (void)
{
  AftercarePattern *self = g_new0 (AftercarePattern, 1);

  self->sessions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) session_count_free);
  return self;
}

void
aftercare_pattern_free (AftercarePattern *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->sessions);
  g_free (self);
}

static double
hours_after (AftercareSession *session,
             AftercareCheckin *checkin)
{
  return g_date_time_difference (aftercare_checkin_get_at (checkin),
                                 aftercare_session_get_ended_at (session)) / (double) G_TIME_SPAN_HOUR;
}

/* Fills count from the session's moments, oldest first. */
static void
count_moments (SessionCount     *count,
               AftercareSession *session,
               GPtrArray        *moments)
{
  for (guint p = 0; p < AFTERCARE_N_PHASES; p++)
    count->peak[p] = -1;
  count->mild_by_hours = -1;
  for (guint i = 0; i < moments->len; i++)
    {
      AftercareCheckin *moment = g_ptr_array_index (moments, i);
      double hours = hours_after (session, moment);
      AftercarePhase phase = aftercare_timeline_phase_at (hours);
      int soreness = (int) aftercare_checkin_get_soreness (moment);

      count->peak[phase] = MAX (count->peak[phase], soreness);
      if (soreness > AFTERCARE_PATTERN_MILD)
        count->mild_by_hours = -1;
      else if (count->mild_by_hours < 0)
        count->mild_by_hours = MAX (hours, 0.0);
    }
}

void
aftercare_pattern_add_session (AftercarePattern *self,
                               AftercareSession *session,
                               GPtrArray        *checkins)
{
  g_autoptr(GPtrArray) moments = NULL;
  SessionCount *count;

  g_return_if_fail (self != NULL);
  g_return_if_fail (AFTERCARE_IS_SESSION (session));

  aftercare_pattern_remove_session (self, aftercare_session_get_id (session));
  if (checkins == NULL || checkins->len == 0)
    return;
  moments = aftercare_checkins_to_moments (checkins);
  count = g_new0 (SessionCount, 1);
  count->type = aftercare_session_get_massage_type (session);
  count->pressure = aftercare_session_get_pressure (session);
  count->client = fold_client (aftercare_session_get_client (session));
  count_moments (count, session, moments);
  g_hash_table_insert (self->sessions, g_strdup (aftercare_session_get_id (session)), count);
}

void
aftercare_pattern_remove_session (AftercarePattern *self,
                                  const char       *session_id)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (session_id != NULL);

  g_hash_table_remove (self->sessions, session_id);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The median of values (sorted here); values must not be empty. */
static double
median (GArray *values)
{
  guint n = values->len;

  g_assert (n > 0);
  g_array_sort (values, compare_doubles);
  if (n % 2 == 1)
    return g_array_index (values, double, n / 2);
  return (g_array_index (values, double, n / 2 - 1) + g_array_index (values, double, n / 2)) / 2;
}

static void
summarize_phase (GPtrArray             *counts,
                 AftercarePhase         phase,
                 AftercarePatternPhase *out)
{
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));

  out->low = AFTERCARE_SORENESS_MAX;
  out->high = 0;
  for (guint i = 0; i < counts->len; i++)
    {
      SessionCount *count = g_ptr_array_index (counts, i);
      double peak = count->peak[phase];

      if (count->peak[phase] < 0)
        continue;
      g_array_append_val (values, peak);
      out->low = MIN (out->low, (guint) count->peak[phase]);
      out->high = MAX (out->high, (guint) count->peak[phase]);
    }
  out->n_sessions = values->len;
  if (values->len == 0)
    {
      out->low = 0;
      return;
    }
  out->median = median (values);
}

static void
summarize_mild (GPtrArray               *counts,
                AftercarePatternSummary *summary)
{
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < counts->len; i++)
    {
      SessionCount *count = g_ptr_array_index (counts, i);

      if (count->mild_by_hours >= 0)
        g_array_append_val (values, count->mild_by_hours);
    }
  summary->n_mild = values->len;
  summary->mild_by_hours = values->len > 0 ? median (values) : 0;
}

void
aftercare_pattern_summarize (AftercarePattern        *self,
                             AftercareMassageType     type,
                             AftercarePressure        pressure,
                             const char              *client,
                             AftercarePatternSummary *summary)
{
  g_autoptr(GPtrArray) counts = g_ptr_array_new ();
  g_autofree char *folded = client != NULL ? fold_client (client) : NULL;
  GHashTableIter iter;
  SessionCount *count;

  g_return_if_fail (self != NULL);
  g_return_if_fail (summary != NULL);

  g_hash_table_iter_init (&iter, self->sessions);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &count))
    if (count->type == type && count->pressure == pressure &&
        (folded == NULL || g_str_equal (folded, count->client)))
      g_ptr_array_add (counts, count);
  memset (summary, 0, sizeof *summary);
  summary->type = type;
  summary->pressure = pressure;
  summary->n_sessions = counts->len;
  for (guint p = 0; p < AFTERCARE_N_PHASES; p++)
    summarize_phase (counts, p, &summary->phases[p]);
  summarize_mild (counts, summary);
}

guint
aftercare_pattern_summary_get_needed (const AftercarePatternSummary *summary)
{
  g_return_val_if_fail (summary != NULL, AFTERCARE_PATTERN_MIN_SESSIONS);

  if (summary->n_sessions >= AFTERCARE_PATTERN_MIN_SESSIONS)
    return 0;
  return AFTERCARE_PATTERN_MIN_SESSIONS - summary->n_sessions;
}

gboolean
aftercare_pattern_summary_at_hours (const AftercarePatternSummary *summary,
                                    double                         hours,
                                    double                        *median_out,
                                    double                        *low,
                                    double                        *high)
{
  const AftercarePatternPhase *phase;

  g_return_val_if_fail (summary != NULL, FALSE);

  phase = &summary->phases[aftercare_timeline_phase_at (hours)];
  if (aftercare_pattern_summary_get_needed (summary) > 0 || phase->n_sessions == 0)
    return FALSE;
  if (median_out != NULL)
    *median_out = phase->median;
  if (low != NULL)
    *low = phase->low;
  if (high != NULL)
    *high = phase->high;
  return TRUE;
}

/* ---- In words ---------------------------------------------------------- */

const char *
aftercare_pattern_phase_when (AftercarePhase phase)
{
  static const char * const when[] = {
    [AFTERCARE_PHASE_FIRST_HOURS] = N_("in the first 4 hours"),
    [AFTERCARE_PHASE_SETTLING] = N_("4 to 12 hours after"),
    [AFTERCARE_PHASE_FIRST_RUN] = N_("12 to 24 hours after"),
    [AFTERCARE_PHASE_FADING] = N_("the day after (24 to 48 hours)"),
    [AFTERCARE_PHASE_CHECK] = N_("from 48 hours on"),
  };

  g_return_val_if_fail (phase < AFTERCARE_N_PHASES, NULL);
  return _(when[phase]);
}

/* The phase where the median is highest (the earliest of equals): what
 * people remember of a massage. */
static AftercarePhase
peak_phase (const AftercarePatternSummary *summary)
{
  AftercarePhase peak = AFTERCARE_PHASE_FIRST_HOURS;
  double best = -1;

  for (guint p = 0; p < AFTERCARE_N_PHASES; p++)
    if (summary->phases[p].n_sessions > 0 && summary->phases[p].median > best)
      {
        best = summary->phases[p].median;
        peak = p;
      }
  return peak;
}

static char *
describe_mild (const AftercarePatternSummary *summary)
{
  gulong hours = (gulong) round (summary->mild_by_hours);

  if (summary->n_mild == 0)
    return g_strdup (_("still above mild at the last check-in"));
  /* Translators: how long until soreness was mild (2/10 or below), in whole hours. */
  return g_strdup_printf (ngettext ("mild by about %lu hour", "mild by about %lu hours", hours), hours);
}

static char *
describe_needed (const AftercarePatternSummary *summary,
                 const char                    *title)
{
  guint needed = aftercare_pattern_summary_get_needed (summary);

  /* Translators: %u is how many more massages of this kind, with check-ins,
   * are needed; %s is the kind ("Deep tissue · deep pressure"). */
  return g_strdup_printf (ngettext ("Check in after %u more massage of this kind (%s) to see your own pattern.",
                                    "Check in after %u more massages of this kind (%s) to see your own pattern.",
                                    needed),
                          needed, title);
}

char *
aftercare_pattern_summary_describe (const AftercarePatternSummary *summary,
                                    const char                    *whose)
{
  g_autofree char *title = NULL;
  g_autofree char *mild = NULL;
  g_autofree char *who = NULL;
  g_autofree char *count = NULL;
  AftercarePhase peak;

  g_return_val_if_fail (summary != NULL, NULL);

  title = aftercare_massage_get_title (summary->type, summary->pressure);
  if (aftercare_pattern_summary_get_needed (summary) > 0)
    return describe_needed (summary, title);
  peak = peak_phase (summary);
  mild = describe_mild (summary);
  who = whose != NULL && *whose != '\0' ? g_strdup (whose) : g_strdup (_("You"));
  /* Translators: how many massages a pattern is drawn from. */
  count = g_strdup_printf (ngettext ("from %u massage", "from %u massages", summary->n_sessions),
                           summary->n_sessions);
  /* Translators: "You, after Deep tissue · deep pressure: usually 4/10 12 to
   * 24 hours after, mild by about 36 hours, from 6 massages." The first %s is
   * who ("You" or a client's name), then the kind, the soreness out of 10,
   * when, how long until mild, and how many massages. */
  return g_strdup_printf (_("%s, after %s: usually %.0f/10 %s, %s, %s."), who, title,
                          round (summary->phases[peak].median), aftercare_pattern_phase_when (peak), mild, count);
}

char *
aftercare_pattern_summary_describe_phase (const AftercarePatternSummary *summary,
                                          AftercarePhase                 phase)
{
  const AftercarePatternPhase *data;
  g_autofree char *range = NULL;
  g_autofree char *count = NULL;

  g_return_val_if_fail (summary != NULL, NULL);
  g_return_val_if_fail (phase < AFTERCARE_N_PHASES, NULL);

  data = &summary->phases[phase];
  if (data->n_sessions == 0)
    return NULL;
  count = g_strdup_printf (ngettext ("from %u massage", "from %u massages", data->n_sessions),
                           data->n_sessions);
  if (data->low == data->high)
    /* Translators: a phase of your own pattern: its name, the soreness, how many massages. */
    return g_strdup_printf (_("%s: %u/10, %s"), aftercare_phase_get_title (phase), data->low, count);
  /* Translators: a phase of your own pattern: its name, the usual soreness,
   * the lowest and highest seen, and how many massages. */
  return g_strdup_printf (_("%s: usually %.0f/10 (%u to %u), %s"), aftercare_phase_get_title (phase),
                          round (data->median), data->low, data->high, count);
}
