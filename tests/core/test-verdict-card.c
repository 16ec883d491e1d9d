/* test-verdict-card.c: the verdict card says each thing once, the same on the page, in the wizard and on the sheet (aftercare-verdict-card.c). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "aftercare-advisor.h"
#include "aftercare-labels.h"
#include "aftercare-time.h"
#include "aftercare-verdict-card.h"

#define END "2026-11-24T10:00:00Z"
#define H(h) ((GTimeSpan) (h) * G_TIME_SPAN_HOUR)

static GDateTime *
after_end (GTimeSpan since_end)
{
  g_autoptr(GDateTime) end = aftercare_time_parse (END);

  return g_date_time_add (end, since_end);
}

/* The card for a massage assessed since_end after its end, with one
 * check-in at checkin_at (-1: none). */
static AftercareVerdictCard *
card_for (AftercarePressure    pressure,
          gboolean             first_time,
          GTimeSpan            checkin_at,
          guint                soreness,
          AftercareSymptoms    symptoms,
          AftercarePlannedRun  planned_run,
          GTimeSpan            since_end,
          gboolean             clock_24h)
{
  g_autoptr(GDateTime) end = aftercare_time_parse (END);
  g_autoptr(GDateTime) now = after_end (since_end);
  g_autoptr(AftercareSession) session = aftercare_session_new (end);
  g_autoptr(GPtrArray) checkins = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(AftercareAssessment) assessment = NULL;

  aftercare_session_set_massage_type (session, AFTERCARE_MASSAGE_DEEP_TISSUE);
  aftercare_session_set_pressure (session, pressure);
  aftercare_session_set_first_time (session, first_time);
  if (checkin_at >= 0)
    {
      g_autoptr(GDateTime) at = after_end (checkin_at);

      g_ptr_array_add (checkins, aftercare_checkin_new (aftercare_session_get_id (session), at,
                                                        soreness, symptoms));
    }
  assessment = aftercare_advisor_assess (session, checkins, planned_run, now);
  return aftercare_verdict_card_new (assessment, now, clock_24h);
}

/* The issue's "Not yet" card: each thing once, both times on one line. */
static void
test_wait_gives_both_times_once (void)
{
  g_autoptr(AftercareVerdictCard) easy = card_for (AFTERCARE_PRESSURE_DEEP, FALSE, -1, 0, 0,
                                                   AFTERCARE_PLANNED_RUN_EASY, H (6), TRUE);
  g_autoptr(AftercareVerdictCard) hard = card_for (AFTERCARE_PRESSURE_DEEP, FALSE, -1, 0, 0,
                                                   AFTERCARE_PLANNED_RUN_HARD, H (6), TRUE);

  g_assert_cmpint (easy->verdict, ==, AFTERCARE_VERDICT_WAIT);
  g_assert_cmpstr (easy->headline, ==, "Not yet");
  g_assert_cmpstr (easy->times, ==, "An easy run from 22:00");
  g_assert_cmpstr (hard->times, ==, "An easy run from 22:00 · your hard run from tomorrow 10:00");
  /* The description gives no time of its own, and says no time twice. */
  g_assert_null (strstr (hard->description, "22:00"));
  g_assert_null (strstr (hard->description, "time shown"));
  g_assert_cmpstr (hard->next_checkin, ==, "22:00");
  g_assert_null (hard->last_checkin);
}

/* One time for both: said once. */
static void
test_same_time_said_once (void)
{
  g_autoptr(AftercareVerdictCard) card = card_for (AFTERCARE_PRESSURE_MODERATE, TRUE, -1, 0, 0,
                                                   AFTERCARE_PLANNED_RUN_STEADY, H (2), TRUE);

  g_assert_cmpint (card->verdict, ==, AFTERCARE_VERDICT_WAIT);
  g_assert_cmpstr (card->times, ==, "An easy run or your steady run from tomorrow 10:00");
}

/* An easy run is fine now: only the harder run waits. */
static void
test_easy_run_now_hard_later (void)
{
  g_autoptr(AftercareVerdictCard) card = card_for (AFTERCARE_PRESSURE_DEEP, FALSE, H (14), 2, 0,
                                                   AFTERCARE_PLANNED_RUN_HARD, H (14), FALSE);
  g_autoptr(AftercareVerdictCard) easy = card_for (AFTERCARE_PRESSURE_DEEP, FALSE, H (14), 2, 0,
                                                   AFTERCARE_PLANNED_RUN_EASY, H (14), TRUE);

  g_assert_cmpint (card->verdict, ==, AFTERCARE_VERDICT_EASY_RUN);
  g_assert_cmpstr (card->headline, ==, aftercare_verdict_get_title (AFTERCARE_VERDICT_EASY_RUN));
  g_assert_cmpstr (card->times, ==, "Your hard run from 10:00 AM");
  g_assert_null (easy->times);
}

/* Rest and seek care promise no time; seek care says when the person last
 * checked in, however long ago. */
static void
test_no_time_under_rest_and_seek_care (void)
{
  g_autoptr(AftercareVerdictCard) rest = card_for (AFTERCARE_PRESSURE_LIGHT, FALSE, H (3), 4, 0,
                                                   AFTERCARE_PLANNED_RUN_HARD, H (5), TRUE);
  g_autoptr(AftercareVerdictCard) seek = card_for (AFTERCARE_PRESSURE_LIGHT, FALSE, H (30), 1,
                                                   AFTERCARE_SYMPTOM_NUMBNESS,
                                                   AFTERCARE_PLANNED_RUN_EASY, H (30 + 21 * 24), TRUE);

  g_assert_cmpint (rest->verdict, ==, AFTERCARE_VERDICT_REST);
  g_assert_null (rest->times);
  g_assert_null (rest->last_checkin);
  g_assert_cmpint (seek->verdict, ==, AFTERCARE_VERDICT_SEEK_CARE);
  g_assert_false (seek->recovered);
  g_assert_null (seek->times);
  g_assert_cmpstr (seek->headline, ==, aftercare_verdict_get_title (AFTERCARE_VERDICT_SEEK_CARE));
  g_assert_cmpstr (seek->last_checkin, ==, "Last check-in 21 days ago");
  g_assert_nonnull (seek->next_checkin);
}

/* After the window: recovered, and nothing more to check in about. Before
 * it, the same calm report still trains, without the word. */
static void
test_recovered_after_the_window (void)
{
  g_autoptr(AftercareVerdictCard) old = card_for (AFTERCARE_PRESSURE_DEEP, FALSE, H (30), 1, 0,
                                                  AFTERCARE_PLANNED_RUN_HARD, H (21 * 24), TRUE);
  g_autoptr(AftercareVerdictCard) day = card_for (AFTERCARE_PRESSURE_DEEP, FALSE, H (30), 1, 0,
                                                  AFTERCARE_PLANNED_RUN_HARD, H (48) - 1, TRUE);

  g_assert_true (old->recovered);
  g_assert_cmpstr (old->headline, ==, "Recovered");
  g_assert_null (old->next_checkin);
  g_assert_null (old->times);
  g_assert_false (day->recovered);
  g_assert_cmpint (day->verdict, ==, AFTERCARE_VERDICT_TRAIN);
  g_assert_cmpstr (day->headline, ==, aftercare_verdict_get_title (AFTERCARE_VERDICT_TRAIN));
  g_assert_nonnull (day->next_checkin);
}

static void
test_last_checkin_wording (void)
{
  static const struct {
    GTimeSpan ago;
    const char *expected;
  } cases[] = {
    { 30 * G_TIME_SPAN_SECOND, "Last check-in just now" },
    { G_TIME_SPAN_MINUTE, "Last check-in 1 minute ago" },
    { 59 * G_TIME_SPAN_MINUTE, "Last check-in 59 minutes ago" },
    { G_TIME_SPAN_HOUR, "Last check-in 1 hour ago" },
    { H (47), "Last check-in 47 hours ago" },
    { H (48), "Last check-in 2 days ago" },
  };
  g_autoptr(GDateTime) now = aftercare_time_parse (END);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) at = g_date_time_add (now, -cases[i].ago);
      g_autofree char *text = aftercare_format_last_checkin (at, now);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/verdict-card/wait-both-times-once", test_wait_gives_both_times_once);
  g_test_add_func ("/verdict-card/same-time-once", test_same_time_said_once);
  g_test_add_func ("/verdict-card/easy-now-hard-later", test_easy_run_now_hard_later);
  g_test_add_func ("/verdict-card/no-time-rest-seek-care", test_no_time_under_rest_and_seek_care);
  g_test_add_func ("/verdict-card/recovered", test_recovered_after_the_window);
  g_test_add_func ("/verdict-card/last-checkin", test_last_checkin_wording);
  return g_test_run ();
}
