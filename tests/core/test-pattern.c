/* test-pattern.c: your own pattern, per kind and per client, from fixed check-ins (aftercare-pattern.c, aftercare-session-pattern.c). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "aftercare-pattern.h"
#include "aftercare-session-pattern.h"
#include "aftercare-time.h"
#include "store-test-util.h"

#define DEEP AFTERCARE_MASSAGE_DEEP_TISSUE, AFTERCARE_PRESSURE_DEEP

static AftercareSession *
session_new (const char *ended_at,
             const char *client)
{
  g_autoptr(GDateTime) end = aftercare_time_parse (ended_at);
  AftercareSession *session = aftercare_session_new (end);

  aftercare_session_set_massage_type (session, AFTERCARE_MASSAGE_DEEP_TISSUE);
  aftercare_session_set_pressure (session, AFTERCARE_PRESSURE_DEEP);
  aftercare_session_set_client (session, client);
  return session;
}

/* Check-ins given as hours after the session's end and soreness, ended
 * by a negative hour. */
static GPtrArray *
checkins_at (AftercareSession *session,
             const double     *hours_and_soreness)
{
  GPtrArray *checkins = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; hours_and_soreness[i] >= 0; i += 2)
    {
      GTimeSpan span = (GTimeSpan) (hours_and_soreness[i] * G_TIME_SPAN_HOUR);
      g_autoptr(GDateTime) at = g_date_time_add (aftercare_session_get_ended_at (session), span);

      g_ptr_array_add (checkins, aftercare_checkin_new (aftercare_session_get_id (session), at,
                                                        (guint) hours_and_soreness[i + 1], 0));
    }
  return checkins;
}

static void
add (AftercarePattern *pattern,
     const char       *ended_at,
     const char       *client,
     const double     *hours_and_soreness)
{
  g_autoptr(AftercareSession) session = session_new (ended_at, client);
  g_autoptr(GPtrArray) checkins = checkins_at (session, hours_and_soreness);

  aftercare_pattern_add_session (pattern, session, checkins);
}

/* Three deep-tissue massages: each phase's median, lowest and highest, and
 * from how many sessions; the phase a session did not check in at is blank. */
static void
test_medians_and_ranges (void)
{
  g_autoptr(AftercarePattern) pattern = aftercare_pattern_new ();
  AftercarePatternSummary summary;
  g_autofree char *text = NULL;
  g_autofree char *line = NULL;

  add (pattern, "2026-11-01T10:00:00Z", "", (double[]) { 2, 3, 18, 6, 30, 3, 40, 2, -1 });
  add (pattern, "2026-11-08T10:00:00Z", "", (double[]) { 2, 5, 18, 2, 36, 1, -1 });
  add (pattern, "2026-11-15T10:00:00Z", "", (double[]) { 1, 4, 20, 4, 26, 3, 30, 2, -1 });
  aftercare_pattern_summarize (pattern, DEEP, NULL, &summary);

  g_assert_cmpuint (summary.n_sessions, ==, 3);
  g_assert_cmpuint (aftercare_pattern_summary_get_needed (&summary), ==, 0);
  g_assert_cmpuint (summary.phases[AFTERCARE_PHASE_FIRST_HOURS].n_sessions, ==, 3);
  g_assert_cmpfloat (summary.phases[AFTERCARE_PHASE_FIRST_HOURS].median, ==, 4);
  g_assert_cmpuint (summary.phases[AFTERCARE_PHASE_FIRST_HOURS].low, ==, 3);
  g_assert_cmpuint (summary.phases[AFTERCARE_PHASE_FIRST_HOURS].high, ==, 5);
  g_assert_cmpfloat (summary.phases[AFTERCARE_PHASE_FIRST_RUN].median, ==, 4);
  g_assert_cmpuint (summary.phases[AFTERCARE_PHASE_FIRST_RUN].low, ==, 2);
  g_assert_cmpuint (summary.phases[AFTERCARE_PHASE_FIRST_RUN].high, ==, 6);
  /* The highest of a session's check-ins in a phase counts: 3, 1, 3. */
  g_assert_cmpfloat (summary.phases[AFTERCARE_PHASE_FADING].median, ==, 3);
  g_assert_cmpuint (summary.phases[AFTERCARE_PHASE_FADING].low, ==, 1);
  g_assert_cmpuint (summary.phases[AFTERCARE_PHASE_SETTLING].n_sessions, ==, 0);
  g_assert_cmpuint (summary.phases[AFTERCARE_PHASE_CHECK].n_sessions, ==, 0);
  /* Mild for good at 40 h, 18 h (2 at 18 h, then 1), 30 h: median 30. */
  g_assert_cmpuint (summary.n_mild, ==, 3);
  g_assert_cmpfloat (summary.mild_by_hours, ==, 30);

  text = aftercare_pattern_summary_describe (&summary, NULL);
  g_assert_cmpstr (text, ==, "You, after Deep tissue · deep pressure: usually 4/10 in the first 4 hours, "
                             "mild by about 30 hours, from 3 massages.");
  line = aftercare_pattern_summary_describe_phase (&summary, AFTERCARE_PHASE_FIRST_RUN);
  g_assert_cmpstr (line, ==, "First run window: usually 4/10 (2 to 6), from 3 massages");
  g_assert_null (aftercare_pattern_summary_describe_phase (&summary, AFTERCARE_PHASE_SETTLING));
}

/* An even count gives the mean of the middle two; the band on the timeline
 * is the phase's range, and nothing where no session checked in. */
static void
test_even_median_and_band (void)
{
  g_autoptr(AftercarePattern) pattern = aftercare_pattern_new ();
  AftercarePatternSummary summary;
  double median = -1, low = -1, high = -1;

  add (pattern, "2026-11-01T10:00:00Z", "", (double[]) { 14, 2, -1 });
  add (pattern, "2026-11-02T10:00:00Z", "", (double[]) { 14, 3, -1 });
  add (pattern, "2026-11-03T10:00:00Z", "", (double[]) { 14, 6, -1 });
  add (pattern, "2026-11-04T10:00:00Z", "", (double[]) { 14, 8, -1 });
  aftercare_pattern_summarize (pattern, DEEP, NULL, &summary);

  g_assert_cmpfloat (summary.phases[AFTERCARE_PHASE_FIRST_RUN].median, ==, 4.5);
  g_assert_true (aftercare_pattern_summary_at_hours (&summary, 20, &median, &low, &high));
  g_assert_cmpfloat (median, ==, 4.5);
  g_assert_cmpfloat (low, ==, 2);
  g_assert_cmpfloat (high, ==, 8);
  g_assert_false (aftercare_pattern_summary_at_hours (&summary, 30, &median, &low, &high));
  /* Only the first was mild at its last check-in. */
  g_assert_cmpuint (summary.n_mild, ==, 1);
  g_assert_cmpfloat (summary.mild_by_hours, ==, 14);
}

/* Phases are half-open: a check-in at exactly 4 h is in the second phase,
 * one a second earlier in the first; 2/10 is mild and 3/10 is not. */
static void
test_boundaries (void)
{
  g_autoptr(AftercarePattern) pattern = aftercare_pattern_new ();
  AftercarePatternSummary summary;
  const double just_before = 4 - 1.0 / 3600;

  add (pattern, "2026-11-01T10:00:00Z", "", (double[]) { 4, 3, 12, 2, -1 });
  add (pattern, "2026-11-02T10:00:00Z", "", (double[]) { just_before, 5, 24, 3, -1 });
  add (pattern, "2026-11-03T10:00:00Z", "", (double[]) { 4, 2, 48, 2, -1 });
  aftercare_pattern_summarize (pattern, DEEP, NULL, &summary);

  g_assert_cmpuint (summary.phases[AFTERCARE_PHASE_FIRST_HOURS].n_sessions, ==, 1);
  g_assert_cmpuint (summary.phases[AFTERCARE_PHASE_FIRST_HOURS].low, ==, 5);
  g_assert_cmpuint (summary.phases[AFTERCARE_PHASE_SETTLING].n_sessions, ==, 2);
  g_assert_cmpuint (summary.phases[AFTERCARE_PHASE_FIRST_RUN].n_sessions, ==, 1);
  g_assert_cmpuint (summary.phases[AFTERCARE_PHASE_FADING].n_sessions, ==, 1);
  g_assert_cmpuint (summary.phases[AFTERCARE_PHASE_CHECK].n_sessions, ==, 1);
  /* Mild at 12 h (2), never (3 last), at 4 h (2 from the first). */
  g_assert_cmpuint (summary.n_mild, ==, 2);
  g_assert_cmpfloat (summary.mild_by_hours, ==, 8);
}

/* Two sessions of a kind: nothing shown yet, and it says one more is needed. */
static void
test_two_sessions_need_one_more (void)
{
  g_autoptr(AftercarePattern) pattern = aftercare_pattern_new ();
  g_autoptr(AftercareSession) empty = session_new ("2026-11-05T10:00:00Z", "");
  AftercarePatternSummary summary;
  g_autofree char *text = NULL;

  add (pattern, "2026-11-01T10:00:00Z", "", (double[]) { 2, 4, -1 });
  add (pattern, "2026-11-02T10:00:00Z", "", (double[]) { 2, 6, -1 });
  /* A session with no check-in tells nothing. */
  aftercare_pattern_add_session (pattern, empty, NULL);
  aftercare_pattern_summarize (pattern, DEEP, NULL, &summary);

  g_assert_cmpuint (summary.n_sessions, ==, 2);
  g_assert_cmpuint (aftercare_pattern_summary_get_needed (&summary), ==, 1);
  g_assert_false (aftercare_pattern_summary_at_hours (&summary, 2, NULL, NULL, NULL));
  text = aftercare_pattern_summary_describe (&summary, NULL);
  g_assert_cmpstr (text, ==, "Check in after 1 more massage of this kind (Deep tissue · deep pressure) "
                             "to see your own pattern.");
  /* Another kind has none at all. */
  aftercare_pattern_summarize (pattern, AFTERCARE_MASSAGE_THAI, AFTERCARE_PRESSURE_DEEP, NULL, &summary);
  g_assert_cmpuint (aftercare_pattern_summary_get_needed (&summary), ==, 3);
}

/* Check-ins out of order, in other time zones, at odd minutes, and two at
 * the same instant (one moment, its worst reading). */
static void
test_checkins_at_odd_times (void)
{
  g_autoptr(AftercarePattern) pattern = aftercare_pattern_new ();
  g_autoptr(AftercareSession) session = session_new ("2026-11-01T10:00:00Z", "");
  g_autoptr(GPtrArray) checkins = g_ptr_array_new_with_free_func (g_object_unref);
  const char *id = aftercare_session_get_id (session);
  AftercarePatternSummary summary;
  struct { const char *at; guint soreness; } rows[] = {
    { "2026-11-02T23:59:59+05:30", 1 },   /* 32 h after, mild */
    { "2026-11-01T12:17:00+01:00", 3 },   /* 1 h 17 min after */
    { "2026-11-01T13:17:00+02:00", 6 },   /* the same instant, worse */
    { "2026-11-02T04:43:00Z", 4 },        /* 18 h 43 min after */
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(GDateTime) at = aftercare_time_parse (rows[i].at);

      g_ptr_array_add (checkins, aftercare_checkin_new (id, at, rows[i].soreness, 0));
    }
  aftercare_pattern_add_session (pattern, session, checkins);
  add (pattern, "2026-11-08T10:00:00Z", "", (double[]) { 1.5, 2, -1 });
  add (pattern, "2026-11-15T10:00:00Z", "", (double[]) { 3.99, 4, 71.5, 0, -1 });
  aftercare_pattern_summarize (pattern, DEEP, NULL, &summary);

  g_assert_cmpuint (summary.phases[AFTERCARE_PHASE_FIRST_HOURS].n_sessions, ==, 3);
  g_assert_cmpfloat (summary.phases[AFTERCARE_PHASE_FIRST_HOURS].median, ==, 4);
  g_assert_cmpuint (summary.phases[AFTERCARE_PHASE_FIRST_HOURS].high, ==, 6);
  g_assert_cmpuint (summary.phases[AFTERCARE_PHASE_FIRST_RUN].high, ==, 4);
  g_assert_cmpuint (summary.phases[AFTERCARE_PHASE_CHECK].low, ==, 0);
  /* Mild for good at 32 h 29 min 59 s, 1.5 h and 71.5 h: median about 32.5 h. */
  g_assert_cmpuint (summary.n_mild, ==, 3);
  g_assert_cmpfloat_with_epsilon (summary.mild_by_hours, 32.5, 0.01);
}

/* A session edited to another pressure counts under its new kind only;
 * removed, it counts nowhere. */
static void
test_changed_session_recounted (void)
{
  g_autoptr(AftercarePattern) pattern = aftercare_pattern_new ();
  g_autoptr(AftercareSession) session = session_new ("2026-11-01T10:00:00Z", "");
  g_autoptr(GPtrArray) checkins = checkins_at (session, (double[]) { 2, 7, -1 });
  AftercarePatternSummary summary;

  add (pattern, "2026-11-08T10:00:00Z", "", (double[]) { 2, 2, -1 });
  add (pattern, "2026-11-15T10:00:00Z", "", (double[]) { 2, 3, -1 });
  aftercare_pattern_add_session (pattern, session, checkins);
  aftercare_pattern_summarize (pattern, DEEP, NULL, &summary);
  g_assert_cmpuint (summary.n_sessions, ==, 3);
  g_assert_cmpuint (summary.phases[AFTERCARE_PHASE_FIRST_HOURS].high, ==, 7);

  aftercare_session_set_pressure (session, AFTERCARE_PRESSURE_MODERATE);
  g_ptr_array_set_size (checkins, 0);
  g_ptr_array_unref (checkins);
  checkins = checkins_at (session, (double[]) { 2, 1, -1 });
  aftercare_pattern_add_session (pattern, session, checkins);
  aftercare_pattern_summarize (pattern, DEEP, NULL, &summary);
  g_assert_cmpuint (summary.n_sessions, ==, 2);
  g_assert_cmpuint (summary.phases[AFTERCARE_PHASE_FIRST_HOURS].high, ==, 3);
  aftercare_pattern_summarize (pattern, AFTERCARE_MASSAGE_DEEP_TISSUE, AFTERCARE_PRESSURE_MODERATE,
                               NULL, &summary);
  g_assert_cmpuint (summary.n_sessions, ==, 1);
  g_assert_cmpuint (summary.phases[AFTERCARE_PHASE_FIRST_HOURS].low, ==, 1);

  aftercare_pattern_remove_session (pattern, aftercare_session_get_id (session));
  aftercare_pattern_summarize (pattern, AFTERCARE_MASSAGE_DEEP_TISSUE, AFTERCARE_PRESSURE_MODERATE,
                               NULL, &summary);
  g_assert_cmpuint (summary.n_sessions, ==, 0);
}

/* Per client: only that client's sessions, whatever the case or spaces
 * of the name; the sentence names the client. */
static void
test_per_client (void)
{
  g_autoptr(AftercarePattern) pattern = aftercare_pattern_new ();
  AftercarePatternSummary summary;
  g_autofree char *text = NULL;

  add (pattern, "2026-11-01T10:00:00Z", "Ana Ruiz", (double[]) { 20, 6, 40, 2, -1 });
  add (pattern, "2026-11-02T10:00:00Z", " ana ruiz ", (double[]) { 20, 6, 40, 2, -1 });
  add (pattern, "2026-11-03T10:00:00Z", "ANA RUIZ", (double[]) { 20, 7, 40, 1, -1 });
  add (pattern, "2026-11-04T10:00:00Z", "Ben", (double[]) { 20, 1, -1 });
  aftercare_pattern_summarize (pattern, DEEP, "Ana Ruiz", &summary);
  g_assert_cmpuint (summary.n_sessions, ==, 3);
  text = aftercare_pattern_summary_describe (&summary, "Ana Ruiz");
  g_assert_cmpstr (text, ==, "Ana Ruiz, after Deep tissue · deep pressure: usually 6/10 12 to 24 hours after, "
                             "mild by about 40 hours, from 3 massages.");
  aftercare_pattern_summarize (pattern, DEEP, "Ben", &summary);
  g_assert_cmpuint (summary.n_sessions, ==, 1);
  aftercare_pattern_summarize (pattern, DEEP, NULL, &summary);
  g_assert_cmpuint (summary.n_sessions, ==, 4);
}

/* From a store: the sessions of the kind, one client's only when asked,
 * with their stored check-ins. */
static void
test_from_store (void)
{
  g_autofree char *folder = test_make_folder ();
  g_autofree char *path = g_build_filename (folder, "a.db", NULL);
  g_autoptr(AftercareStore) store = test_store_open (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) kind = NULL;
  AftercarePatternSummary summary;
  const char *clients[] = { "Ana", "Ana", "Ben", "Ana" };
  AftercareSession *last = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (clients); i++)
    {
      g_autofree char *end = g_strdup_printf ("2026-11-0%uT10:00:00Z", i + 1);
      g_autoptr(AftercareSession) session = session_new (end, clients[i]);
      g_autoptr(GPtrArray) checkins = checkins_at (session, (double[]) { 20, 2 + i, -1 });

      g_assert_true (aftercare_store_add_session (store, session, &error));
      for (guint j = 0; j < checkins->len; j++)
        g_assert_true (aftercare_store_add_checkin (store, g_ptr_array_index (checkins, j), &error));
      g_set_object (&last, session);
    }
  kind = aftercare_session_list_same_kind (store, last, TRUE, 0, &error);
  g_assert_cmpuint (kind->len, ==, 3);
  /* The session shown is compared with the others: it is left out. */
  g_assert_true (aftercare_session_pattern (store, last, TRUE, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.n_sessions, ==, 2);
  g_assert_cmpuint (summary.phases[AFTERCARE_PHASE_FIRST_RUN].low, ==, 2);
  g_assert_cmpuint (summary.phases[AFTERCARE_PHASE_FIRST_RUN].high, ==, 3);
  g_assert_true (aftercare_session_pattern (store, last, FALSE, &summary, &error));
  g_assert_cmpuint (summary.n_sessions, ==, 3);
  g_assert_true (aftercare_store_pattern_of_kind (store, DEEP, "ana", &summary, &error));
  g_assert_cmpuint (summary.n_sessions, ==, 3);
  g_assert_cmpuint (summary.phases[AFTERCARE_PHASE_FIRST_RUN].high, ==, 5);
  g_clear_pointer (&kind, g_ptr_array_unref);
  /* A client's history, of any kind. */
  aftercare_session_set_massage_type (last, AFTERCARE_MASSAGE_THAI);
  g_assert_true (aftercare_store_update_session (store, last, &error));
  kind = aftercare_store_list_client (store, " ana", &error);
  g_assert_cmpuint (kind->len, ==, 3);
  g_clear_pointer (&kind, g_ptr_array_unref);
  kind = aftercare_session_list_same_kind (store, last, TRUE, 0, &error);
  g_assert_cmpuint (kind->len, ==, 1);
  g_clear_pointer (&kind, g_ptr_array_unref);
  aftercare_session_set_massage_type (last, AFTERCARE_MASSAGE_DEEP_TISSUE);
  g_assert_true (aftercare_store_update_session (store, last, &error));
  kind = aftercare_session_list_same_kind (store, last, FALSE, 2, &error);
  g_assert_cmpuint (kind->len, ==, 2);
  g_assert_cmpstr (aftercare_session_get_id (g_ptr_array_index (kind, 0)), ==, aftercare_session_get_id (last));
  g_clear_object (&last);
  g_clear_object (&store);
  test_remove_folder (folder);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/pattern/medians-and-ranges", test_medians_and_ranges);
  g_test_add_func ("/pattern/even-median-and-band", test_even_median_and_band);
  g_test_add_func ("/pattern/boundaries", test_boundaries);
  g_test_add_func ("/pattern/two-sessions-need-one-more", test_two_sessions_need_one_more);
  g_test_add_func ("/pattern/checkins-at-odd-times", test_checkins_at_odd_times);
  g_test_add_func ("/pattern/changed-session-recounted", test_changed_session_recounted);
  g_test_add_func ("/pattern/per-client", test_per_client);
  g_test_add_func ("/pattern/from-store", test_from_store);
  return g_test_run ();
}
