/* test-advisor.c: every rule of the advisor, on both sides of every boundary (aftercare-advisor.c). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "aftercare-advisor.h"
#include "aftercare-time.h"
#include "aftercare-timeline.h"

#define END "2026-11-24T10:00:00Z"
#define NONE AFTERCARE_SYMPTOM_NONE
#define EASY AFTERCARE_PLANNED_RUN_EASY
#define STEADY AFTERCARE_PLANNED_RUN_STEADY
#define HARD AFTERCARE_PLANNED_RUN_HARD
#define LIGHT AFTERCARE_PRESSURE_LIGHT
#define MODERATE AFTERCARE_PRESSURE_MODERATE
#define DEEP AFTERCARE_PRESSURE_DEEP
/* Minutes after the session's end. */
#define H(h) ((h) * 60)
#define HM(h, m) ((h) * 60 + (m))

/* One case: a session, its check-ins, a plan and a moment to assess at. */
typedef struct {
  AftercareSession *session;
  GPtrArray *checkins;
} Case;

static GDateTime *
after_end (int minutes)
{
  g_autoptr(GDateTime) end = aftercare_time_parse (END);

  return g_date_time_add_minutes (end, minutes);
}

static Case *
case_new (AftercareMassageType type,
          AftercarePressure    pressure,
          gboolean             first_time)
{
  g_autoptr(GDateTime) end = aftercare_time_parse (END);
  Case *c = g_new0 (Case, 1);

  c->session = aftercare_session_new (end);
  aftercare_session_set_massage_type (c->session, type);
  aftercare_session_set_pressure (c->session, pressure);
  aftercare_session_set_first_time (c->session, first_time);
  c->checkins = g_ptr_array_new_with_free_func (g_object_unref);
  return c;
}

static void
case_free (Case *c)
{
  g_object_unref (c->session);
  g_ptr_array_unref (c->checkins);
  g_free (c);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Case, case_free)

static Case *
deep_case (void)
{
  return case_new (AFTERCARE_MASSAGE_DEEP_TISSUE, DEEP, FALSE);
}

static Case *
pressure_case (AftercarePressure pressure)
{
  return case_new (AFTERCARE_MASSAGE_SPORTS, pressure, FALSE);
}

static void
check_in (Case *c, int minutes, guint soreness, AftercareSymptoms symptoms)
{
  g_autoptr(GDateTime) at = after_end (minutes);

  g_ptr_array_add (c->checkins,
                   aftercare_checkin_new (aftercare_session_get_id (c->session), at,
                                          soreness, symptoms));
}

static AftercareAssessment *
assess (Case *c, AftercarePlannedRun plan, int now_minutes)
{
  g_autoptr(GDateTime) now = after_end (now_minutes);

  return aftercare_advisor_assess (c->session, c->checkins, plan, now);
}

static void
assert_rules (AftercareAssessment *a, ...)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) expected = NULL;
  const char *rule;
  va_list args;

  va_start (args, a);
  while ((rule = va_arg (args, const char *)) != NULL)
    g_strv_builder_add (builder, rule);
  va_end (args);
  expected = g_strv_builder_end (builder);
  g_assert_cmpstrv (aftercare_assessment_get_rules (a), expected);
}

/* run_after is end + hours, or NULL for hours < 0. */
static void
assert_run_after (AftercareAssessment *a, int hours)
{
  GDateTime *run_after = aftercare_assessment_get_run_after (a);
  g_autoptr(GDateTime) expected = NULL;

  if (hours < 0)
    {
      g_assert_null (run_after);
      return;
    }
  expected = after_end (H (hours));
  g_assert_nonnull (run_after);
  g_assert_true (g_date_time_equal (run_after, expected));
}

static void
assert_verdict (AftercareAssessment *a, AftercareVerdict verdict)
{
  g_assert_cmpstr (aftercare_verdict_to_key (aftercare_assessment_get_verdict (a)), ==,
                   aftercare_verdict_to_key (verdict));
}

static const char *
reason (AftercareAssessment *a, guint i)
{
  const char * const *reasons = aftercare_assessment_get_reasons (a);

  g_assert_cmpuint (i, <, g_strv_length ((char **) reasons));
  return reasons[i];
}

#define assert_reason_says(a, i, text) g_assert_nonnull (strstr (reason ((a), (i)), (text)))

/* ---- The four examples of DESIGN.md ---- */

static void
test_example_deep_6h_easy (void)
{
  g_autoptr(Case) c = deep_case ();
  g_autoptr(AftercareAssessment) a = assess (c, EASY, H (6));

  assert_verdict (a, AFTERCARE_VERDICT_WAIT);
  assert_run_after (a, 12);
  assert_rules (a, "deep-work", NULL);
}

static void
test_example_deep_6h_hard (void)
{
  g_autoptr(Case) c = deep_case ();
  g_autoptr(AftercareAssessment) a = assess (c, HARD, H (6));

  assert_verdict (a, AFTERCARE_VERDICT_WAIT);
  assert_run_after (a, 24);
}

static void
test_example_deep_14h_soreness_2_hard (void)
{
  g_autoptr(Case) c = deep_case ();
  g_autoptr(AftercareAssessment) a = NULL;

  check_in (c, H (14), 2, NONE);
  a = assess (c, HARD, H (14));
  assert_verdict (a, AFTERCARE_VERDICT_EASY_RUN);
  assert_run_after (a, 24);
  assert_rules (a, "deep-work", NULL);
  assert_reason_says (a, 0, "2 out of 10");
}

static void
test_example_light_1h_easy (void)
{
  g_autoptr(Case) c = case_new (AFTERCARE_MASSAGE_SWEDISH, LIGHT, FALSE);
  g_autoptr(AftercareAssessment) a = assess (c, EASY, H (1));

  assert_verdict (a, AFTERCARE_VERDICT_EASY_RUN);
  assert_run_after (a, -1);
  assert_rules (a, "same-day-easy", NULL);
}

/* ---- Rule 1: nerve-or-injury ---- */

static void
test_nerve_or_injury_each_sign (void)
{
  static const AftercareSymptoms signs[] = {
    AFTERCARE_SYMPTOM_SHARP_PAIN, AFTERCARE_SYMPTOM_RADIATING_PAIN,
    AFTERCARE_SYMPTOM_PINS_AND_NEEDLES, AFTERCARE_SYMPTOM_NUMBNESS,
  };

  for (guint i = 0; i < G_N_ELEMENTS (signs); i++)
    {
      g_autoptr(Case) c = case_new (AFTERCARE_MASSAGE_SWEDISH, LIGHT, FALSE);
      g_autoptr(AftercareAssessment) a = NULL;

      check_in (c, H (1), 0, signs[i]);
      a = assess (c, EASY, H (1));
      assert_verdict (a, AFTERCARE_VERDICT_SEEK_CARE);
      assert_rules (a, "nerve-or-injury", NULL);
      assert_run_after (a, -1);
      g_assert_cmpuint (aftercare_assessment_get_red_flags (a), ==, signs[i]);
    }
}

static void
test_nerve_or_injury_reason_names_signs (void)
{
  g_autoptr(Case) c = pressure_case (MODERATE);
  g_autoptr(AftercareAssessment) a = NULL;

  check_in (c, H (30), 1, AFTERCARE_SYMPTOM_SHARP_PAIN | AFTERCARE_SYMPTOM_NUMBNESS);
  a = assess (c, HARD, H (30));
  assert_verdict (a, AFTERCARE_VERDICT_SEEK_CARE);
  assert_reason_says (a, 0, "sharp pain and numbness");
}

static void
test_nerve_or_injury_only_from_latest (void)
{
  g_autoptr(Case) c = pressure_case (LIGHT);
  g_autoptr(AftercareAssessment) a = NULL;

  /* Pins and needles an hour after, gone by the next check-in. */
  check_in (c, H (1), 0, AFTERCARE_SYMPTOM_PINS_AND_NEEDLES);
  check_in (c, H (3), 1, NONE);
  a = assess (c, EASY, H (3));
  assert_verdict (a, AFTERCARE_VERDICT_EASY_RUN);
  g_assert_cmpuint (aftercare_assessment_get_red_flags (a), ==, 0);
}

/* ---- Rule 2: persistent-systemic ---- */

static void
test_systemic_each_sign_rests (void)
{
  static const AftercareSymptoms signs[] = {
    AFTERCARE_SYMPTOM_FEVER, AFTERCARE_SYMPTOM_DIZZINESS, AFTERCARE_SYMPTOM_NAUSEA,
    AFTERCARE_SYMPTOM_UNUSUAL_FATIGUE, AFTERCARE_SYMPTOM_HEADACHE,
  };

  for (guint i = 0; i < G_N_ELEMENTS (signs); i++)
    {
      g_autoptr(Case) c = pressure_case (LIGHT);
      g_autoptr(AftercareAssessment) a = NULL;

      check_in (c, H (2), 0, signs[i]);
      a = assess (c, EASY, H (2));
      assert_verdict (a, AFTERCARE_VERDICT_REST);
      assert_rules (a, "persistent-systemic", NULL);
      assert_run_after (a, -1);
      g_assert_cmpuint (aftercare_assessment_get_red_flags (a), ==, signs[i]);
    }
}

static AftercareAssessment *
assess_single_systemic (int checkin_minutes)
{
  g_autoptr(Case) c = pressure_case (LIGHT);

  check_in (c, checkin_minutes, 0, AFTERCARE_SYMPTOM_FEVER);
  return assess (c, EASY, checkin_minutes);
}

static void
test_systemic_persistent_from_24h (void)
{
  g_autoptr(AftercareAssessment) before = assess_single_systemic (HM (23, 59));
  g_autoptr(AftercareAssessment) at = assess_single_systemic (H (24));

  assert_verdict (before, AFTERCARE_VERDICT_REST);
  assert_verdict (at, AFTERCARE_VERDICT_SEEK_CARE);
  assert_rules (at, "persistent-systemic", NULL);
}

static void
test_systemic_persistence_judged_at_the_checkin_not_now (void)
{
  g_autoptr(Case) c = pressure_case (LIGHT);
  g_autoptr(AftercareAssessment) a = NULL;

  /* Reported at 20 h and not since: it has not been seen to persist. */
  check_in (c, H (20), 0, AFTERCARE_SYMPTOM_HEADACHE);
  a = assess (c, EASY, H (30));
  assert_verdict (a, AFTERCARE_VERDICT_REST);
}

static AftercareAssessment *
assess_systemic_pair (int first_minutes, AftercareSymptoms first, int second_minutes)
{
  g_autoptr(Case) c = pressure_case (LIGHT);

  check_in (c, first_minutes, 0, first);
  check_in (c, second_minutes, 0, AFTERCARE_SYMPTOM_HEADACHE);
  return assess (c, EASY, second_minutes);
}

static void
test_systemic_persistent_over_12h (void)
{
  g_autoptr(AftercareAssessment) short_gap =
    assess_systemic_pair (H (1), AFTERCARE_SYMPTOM_HEADACHE, HM (12, 59));
  g_autoptr(AftercareAssessment) long_gap =
    assess_systemic_pair (H (1), AFTERCARE_SYMPTOM_HEADACHE, H (13));
  /* Feeling unwell in another way still counts. */
  g_autoptr(AftercareAssessment) other_sign =
    assess_systemic_pair (H (1), AFTERCARE_SYMPTOM_NAUSEA, H (13));
  /* An earlier check-in that felt fine does not. */
  g_autoptr(AftercareAssessment) earlier_fine =
    assess_systemic_pair (H (1), AFTERCARE_SYMPTOM_HEAVINESS, H (13));

  assert_verdict (short_gap, AFTERCARE_VERDICT_REST);
  assert_verdict (long_gap, AFTERCARE_VERDICT_SEEK_CARE);
  assert_reason_says (long_gap, 0, "12 hours");
  assert_verdict (other_sign, AFTERCARE_VERDICT_SEEK_CARE);
  assert_verdict (earlier_fine, AFTERCARE_VERDICT_REST);
}

static void
test_systemic_gone_at_latest_does_not_fire (void)
{
  g_autoptr(Case) c = pressure_case (LIGHT);
  g_autoptr(AftercareAssessment) a = NULL;

  check_in (c, H (1), 0, AFTERCARE_SYMPTOM_FEVER);
  check_in (c, H (26), 0, NONE);
  a = assess (c, HARD, H (26));
  assert_verdict (a, AFTERCARE_VERDICT_TRAIN);
  assert_rules (a, "progression", NULL);
}

/* ---- Rule 3: prolonged-or-worsening ---- */

static AftercareAssessment *
assess_soreness_at (guint soreness, int minutes)
{
  g_autoptr(Case) c = pressure_case (MODERATE);

  check_in (c, minutes, soreness, NONE);
  return assess (c, EASY, minutes);
}

static void
test_prolonged_from_48h (void)
{
  g_autoptr(AftercareAssessment) before = assess_soreness_at (3, HM (47, 59));
  g_autoptr(AftercareAssessment) at = assess_soreness_at (3, H (48));

  assert_verdict (before, AFTERCARE_VERDICT_REST);
  assert_rules (before, "tissue-signs", NULL);
  assert_verdict (at, AFTERCARE_VERDICT_SEEK_CARE);
  assert_rules (at, "prolonged-or-worsening", "tissue-signs", NULL);
  assert_reason_says (at, 0, "3 out of 10");
  assert_reason_says (at, 0, "48 hours ago");
}

/* Up to three days the time since the massage is told in hours, then in
 * whole days, also for a session checked in long ago. */
static void
test_prolonged_tells_days_from_72h (void)
{
  g_autoptr(AftercareAssessment) hours = assess_soreness_at (4, HM (71, 59));
  g_autoptr(AftercareAssessment) days = assess_soreness_at (4, H (72));
  g_autoptr(AftercareAssessment) year = assess_soreness_at (9, H (24 * 395 + 5));

  assert_rules (hours, "prolonged-or-worsening", "tissue-signs", NULL);
  assert_reason_says (hours, 0, "71 hours ago");
  assert_rules (days, "prolonged-or-worsening", "tissue-signs", NULL);
  assert_reason_says (days, 0, "the massage was 3 days ago.");
  assert_reason_says (year, 0, "9 out of 10 and the massage was 395 days ago.");
  g_assert_null (strstr (reason (year, 0), "hours ago"));
}

static void
test_prolonged_needs_soreness_3 (void)
{
  g_autoptr(AftercareAssessment) mild = assess_soreness_at (2, H (48));
  g_autoptr(AftercareAssessment) late = assess_soreness_at (2, H (96));

  assert_verdict (mild, AFTERCARE_VERDICT_TRAIN);
  assert_rules (mild, "progression", NULL);
  assert_verdict (late, AFTERCARE_VERDICT_TRAIN);
}

static void
test_prolonged_reads_latest_soreness_at_now (void)
{
  g_autoptr(Case) c = pressure_case (MODERATE);
  g_autoptr(AftercareAssessment) before = NULL;
  g_autoptr(AftercareAssessment) at = NULL;

  /* The latest check-in is the state until a newer one says otherwise. */
  check_in (c, H (30), 4, NONE);
  before = assess (c, EASY, HM (47, 59));
  at = assess (c, EASY, H (48));
  assert_verdict (before, AFTERCARE_VERDICT_REST);
  assert_verdict (at, AFTERCARE_VERDICT_SEEK_CARE);
}

static AftercareAssessment *
assess_soreness_pair (int first_minutes, guint first, int second_minutes, guint second)
{
  g_autoptr(Case) c = pressure_case (LIGHT);

  check_in (c, first_minutes, first, NONE);
  check_in (c, second_minutes, second, NONE);
  return assess (c, EASY, second_minutes);
}

static void
test_worsening_by_2_after_24h (void)
{
  g_autoptr(AftercareAssessment) rise_2 = assess_soreness_pair (H (24), 1, H (30), 3);
  g_autoptr(AftercareAssessment) rise_1 = assess_soreness_pair (H (24), 1, H (30), 2);
  g_autoptr(AftercareAssessment) rise_1_above_mild = assess_soreness_pair (H (24), 3, H (30), 4);

  assert_verdict (rise_2, AFTERCARE_VERDICT_SEEK_CARE);
  assert_rules (rise_2, "prolonged-or-worsening", "tissue-signs", NULL);
  assert_reason_says (rise_2, 0, "from 1 to 3");
  assert_verdict (rise_1, AFTERCARE_VERDICT_TRAIN);
  assert_verdict (rise_1_above_mild, AFTERCARE_VERDICT_REST);
}

static void
test_worsening_needs_both_checkins_from_24h (void)
{
  g_autoptr(AftercareAssessment) early_first = assess_soreness_pair (HM (23, 59), 1, H (30), 3);
  g_autoptr(AftercareAssessment) first_at_24 = assess_soreness_pair (H (24), 1, H (30), 3);
  g_autoptr(AftercareAssessment) both_early = assess_soreness_pair (H (2), 0, HM (23, 59), 4);

  assert_verdict (early_first, AFTERCARE_VERDICT_REST);
  assert_rules (early_first, "tissue-signs", NULL);
  assert_verdict (first_at_24, AFTERCARE_VERDICT_SEEK_CARE);
  /* A rise within the first day is the usual build-up of soreness. */
  assert_verdict (both_early, AFTERCARE_VERDICT_REST);
}

static void
test_worsening_over_several_checkins (void)
{
  g_autoptr(Case) c = pressure_case (MODERATE);
  g_autoptr(AftercareAssessment) a = NULL;

  /* 1 → 2 → 3: no single step of 2, but risen by 2 all the same. */
  check_in (c, H (25), 1, NONE);
  check_in (c, H (30), 2, NONE);
  check_in (c, H (36), 3, NONE);
  a = assess (c, EASY, H (36));
  assert_verdict (a, AFTERCARE_VERDICT_SEEK_CARE);
  assert_reason_says (a, 0, "from 1 to 3");
}

/* DESIGN: a rise of 2 between ANY two late check-ins, even if soreness
 * has since come down a little: the therapist should hear of it. */
static void
test_worsening_that_settled_still_counts (void)
{
  g_autoptr(Case) c = pressure_case (MODERATE);
  g_autoptr(Case) small = pressure_case (MODERATE);
  g_autoptr(Case) early = pressure_case (MODERATE);
  g_autoptr(AftercareAssessment) a = NULL;
  g_autoptr(AftercareAssessment) b = NULL;
  g_autoptr(AftercareAssessment) e = NULL;

  /* 0 → 2 → 1 after 24 h: a rise of 2, then eased. */
  check_in (c, H (25), 0, NONE);
  check_in (c, H (30), 2, NONE);
  check_in (c, H (40), 1, NONE);
  a = assess (c, EASY, H (40));
  assert_verdict (a, AFTERCARE_VERDICT_SEEK_CARE);
  g_assert_cmpstr (aftercare_assessment_get_rules (a)[0], ==, "prolonged-or-worsening");
  assert_reason_says (a, 0, "from 0 to 2");

  /* 0 → 1 → 0: never a rise of 2. */
  check_in (small, H (25), 0, NONE);
  check_in (small, H (30), 1, NONE);
  check_in (small, H (40), 0, NONE);
  b = assess (small, EASY, H (40));
  assert_verdict (b, AFTERCARE_VERDICT_TRAIN);

  /* 0 at 20 h, 2 at 30 h, 1 at 40 h: the rise began before 24 h. */
  check_in (early, H (20), 0, NONE);
  check_in (early, H (30), 2, NONE);
  check_in (early, H (40), 1, NONE);
  e = assess (early, EASY, H (40));
  assert_verdict (e, AFTERCARE_VERDICT_TRAIN);
}

/* A check-in after now has not happened yet: its rise does not count. */
static void
test_worsening_ignores_checkins_after_now (void)
{
  g_autoptr(Case) c = pressure_case (MODERATE);
  g_autoptr(AftercareAssessment) a = NULL;

  check_in (c, H (25), 0, NONE);
  check_in (c, H (30), 1, NONE);
  check_in (c, H (40), 3, NONE);
  a = assess (c, EASY, H (35));
  assert_verdict (a, AFTERCARE_VERDICT_TRAIN);
}

static void
test_prolonged_and_worsening_one_reason (void)
{
  g_autoptr(AftercareAssessment) a = assess_soreness_pair (H (30), 2, H (50), 5);

  assert_verdict (a, AFTERCARE_VERDICT_SEEK_CARE);
  assert_rules (a, "prolonged-or-worsening", "tissue-signs", NULL);
  assert_reason_says (a, 0, "5 out of 10");
  assert_reason_says (a, 0, "from 2 to 5");
}

/* ---- Rule 4: tissue-signs ---- */

static void
test_tissue_soreness_2_against_3 (void)
{
  g_autoptr(Case) c2 = pressure_case (LIGHT);
  g_autoptr(Case) c3 = pressure_case (LIGHT);
  g_autoptr(AftercareAssessment) a2 = NULL;
  g_autoptr(AftercareAssessment) a3 = NULL;

  check_in (c2, H (2), 2, NONE);
  check_in (c3, H (2), 3, NONE);
  a2 = assess (c2, EASY, H (2));
  a3 = assess (c3, EASY, H (2));
  assert_verdict (a2, AFTERCARE_VERDICT_EASY_RUN);
  assert_rules (a2, "same-day-easy", NULL);
  assert_verdict (a3, AFTERCARE_VERDICT_REST);
  assert_rules (a3, "tissue-signs", NULL);
  assert_reason_says (a3, 0, "3 out of 10");
  assert_run_after (a3, -1);
}

static void
test_tissue_each_sign (void)
{
  static const AftercareSymptoms signs[] = {
    AFTERCARE_SYMPTOM_HEAVINESS, AFTERCARE_SYMPTOM_BRUISING, AFTERCARE_SYMPTOM_SWELLING,
    AFTERCARE_SYMPTOM_REDUCED_RANGE, AFTERCARE_SYMPTOM_ALTERED_STRIDE,
  };

  for (guint i = 0; i < G_N_ELEMENTS (signs); i++)
    {
      g_autoptr(Case) c = pressure_case (LIGHT);
      g_autoptr(AftercareAssessment) a = NULL;
      g_autoptr(AftercareAssessment) later = NULL;

      check_in (c, H (1), 0, signs[i]);
      a = assess (c, EASY, H (1));
      assert_verdict (a, AFTERCARE_VERDICT_REST);
      assert_rules (a, "tissue-signs", NULL);
      /* Not a warning sign: nothing for the red-flag card. */
      g_assert_cmpuint (aftercare_assessment_get_red_flags (a), ==, 0);
      /* Still there a day later: still rest, not progression. */
      later = assess (c, EASY, H (30));
      assert_verdict (later, AFTERCARE_VERDICT_REST);
    }
}

static void
test_tissue_bruising_mentions_pressure (void)
{
  g_autoptr(Case) c = deep_case ();
  g_autoptr(AftercareAssessment) a = NULL;

  check_in (c, H (5), 4, AFTERCARE_SYMPTOM_BRUISING | AFTERCARE_SYMPTOM_HEAVINESS);
  a = assess (c, EASY, H (5));
  assert_verdict (a, AFTERCARE_VERDICT_REST);
  assert_rules (a, "tissue-signs", "deep-work", NULL);
  assert_reason_says (a, 0, "soreness of 4 out of 10, with heavy legs and bruising");
  assert_reason_says (a, 0, "pressure next time");
}

/* ---- Rule 5: first-time ---- */

static void
test_first_time_waits_24h (void)
{
  g_autoptr(Case) c = case_new (AFTERCARE_MASSAGE_THAI, MODERATE, TRUE);
  g_autoptr(AftercareAssessment) start = assess (c, EASY, 0);
  g_autoptr(AftercareAssessment) before = assess (c, EASY, HM (23, 59));
  g_autoptr(AftercareAssessment) at = assess (c, EASY, H (24));

  assert_verdict (start, AFTERCARE_VERDICT_WAIT);
  assert_rules (start, "first-time", "same-day-easy", NULL);
  assert_run_after (start, 24);
  assert_verdict (before, AFTERCARE_VERDICT_WAIT);
  assert_run_after (before, 24);
  assert_verdict (at, AFTERCARE_VERDICT_TRAIN);
  assert_rules (at, "progression", NULL);
  assert_run_after (at, -1);
}

static void
test_first_time_light_does_not_wait (void)
{
  g_autoptr(Case) c = case_new (AFTERCARE_MASSAGE_LYMPHATIC_DRAINAGE, LIGHT, TRUE);
  g_autoptr(AftercareAssessment) a = assess (c, EASY, H (1));

  assert_verdict (a, AFTERCARE_VERDICT_EASY_RUN);
  assert_rules (a, "same-day-easy", NULL);
}

static void
test_first_time_deep_outlasts_deep_work (void)
{
  g_autoptr(Case) c = case_new (AFTERCARE_MASSAGE_DEEP_TISSUE, DEEP, TRUE);
  g_autoptr(AftercareAssessment) early = assess (c, EASY, H (6));
  g_autoptr(AftercareAssessment) a = assess (c, EASY, H (13));

  assert_verdict (early, AFTERCARE_VERDICT_WAIT);
  assert_rules (early, "first-time", "deep-work", NULL);
  assert_run_after (early, 24);
  /* Past deep-work's 12 hours, but a first deep massage waits 24. */
  assert_verdict (a, AFTERCARE_VERDICT_WAIT);
  assert_rules (a, "first-time", "deep-work", NULL);
  assert_run_after (a, 24);
}

/* ---- Rule 6: deep-work ---- */

static void
test_deep_work_12h_boundary (void)
{
  g_autoptr(Case) c = deep_case ();
  g_autoptr(AftercareAssessment) before = assess (c, EASY, HM (11, 59));
  g_autoptr(AftercareAssessment) at = assess (c, EASY, H (12));

  assert_verdict (before, AFTERCARE_VERDICT_WAIT);
  assert_run_after (before, 12);
  assert_verdict (at, AFTERCARE_VERDICT_EASY_RUN);
  assert_run_after (at, -1);
  assert_rules (at, "deep-work", NULL);
}

static void
test_deep_work_one_microsecond_before_12h (void)
{
  g_autoptr(Case) c = deep_case ();
  g_autoptr(GDateTime) twelve = after_end (H (12));
  g_autoptr(GDateTime) now = g_date_time_add (twelve, -1);
  g_autoptr(AftercareAssessment) a = aftercare_advisor_assess (c->session, c->checkins, EASY, now);

  assert_verdict (a, AFTERCARE_VERDICT_WAIT);
}

static void
test_deep_work_24h_boundary_for_hard (void)
{
  g_autoptr(Case) c = deep_case ();
  g_autoptr(AftercareAssessment) before = assess (c, HARD, HM (23, 59));
  g_autoptr(AftercareAssessment) at = assess (c, HARD, H (24));

  assert_verdict (before, AFTERCARE_VERDICT_EASY_RUN);
  assert_run_after (before, 24);
  assert_verdict (at, AFTERCARE_VERDICT_TRAIN);
  assert_rules (at, "progression", NULL);
  assert_run_after (at, -1);
}

static void
test_deep_work_steady_waits_like_hard (void)
{
  g_autoptr(Case) c = deep_case ();
  g_autoptr(AftercareAssessment) early = assess (c, STEADY, H (6));
  g_autoptr(AftercareAssessment) mid = assess (c, STEADY, H (18));

  assert_verdict (early, AFTERCARE_VERDICT_WAIT);
  assert_run_after (early, 24);
  assert_verdict (mid, AFTERCARE_VERDICT_EASY_RUN);
  assert_run_after (mid, 24);
}

/* ---- Rule 7: same-day-easy ---- */

static void
test_same_day_easy_light_and_moderate (void)
{
  for (AftercarePressure p = LIGHT; p <= MODERATE; p++)
    {
      g_autoptr(Case) c = pressure_case (p);
      g_autoptr(AftercareAssessment) easy = assess (c, EASY, 0);
      g_autoptr(AftercareAssessment) steady = assess (c, STEADY, H (2));
      g_autoptr(AftercareAssessment) hard = assess (c, HARD, HM (23, 59));
      g_autoptr(AftercareAssessment) next_day = assess (c, HARD, H (24));

      assert_verdict (easy, AFTERCARE_VERDICT_EASY_RUN);
      assert_rules (easy, "same-day-easy", NULL);
      assert_run_after (easy, -1);
      assert_verdict (steady, AFTERCARE_VERDICT_EASY_RUN);
      assert_run_after (steady, 24);
      assert_verdict (hard, AFTERCARE_VERDICT_EASY_RUN);
      assert_run_after (hard, 24);
      assert_verdict (next_day, AFTERCARE_VERDICT_TRAIN);
      assert_run_after (next_day, -1);
    }
}

static void
test_same_day_easy_with_mild_soreness (void)
{
  g_autoptr(Case) c = pressure_case (MODERATE);
  g_autoptr(AftercareAssessment) a = NULL;

  check_in (c, H (3), 2, NONE);
  a = assess (c, EASY, H (3));
  assert_verdict (a, AFTERCARE_VERDICT_EASY_RUN);
  assert_reason_says (a, 0, "soreness of 2 out of 10 and no other symptoms");
  /* A check-in: no "nothing reported" line. */
  g_assert_cmpuint (g_strv_length ((char **) aftercare_assessment_get_reasons (a)), ==, 1);
}

/* ---- Rule 8: progression ---- */

static void
test_progression_from_24h (void)
{
  g_autoptr(AftercareAssessment) before = assess_soreness_at (2, HM (23, 59));
  g_autoptr(AftercareAssessment) at = assess_soreness_at (2, H (24));
  g_autoptr(AftercareAssessment) sore = assess_soreness_at (3, H (24));

  assert_verdict (before, AFTERCARE_VERDICT_EASY_RUN);
  assert_verdict (at, AFTERCARE_VERDICT_TRAIN);
  assert_rules (at, "progression", NULL);
  assert_reason_says (at, 0, "2 out of 10");
  assert_verdict (sore, AFTERCARE_VERDICT_REST);
}

static void
test_progression_for_deep_after_24h (void)
{
  g_autoptr(Case) c = deep_case ();
  g_autoptr(AftercareAssessment) a = assess (c, HARD, H (30));

  assert_verdict (a, AFTERCARE_VERDICT_TRAIN);
  assert_rules (a, "progression", NULL);
  assert_run_after (a, -1);
}

/* ---- Precedence and several rules ---- */

static void
test_precedence_most_severe_first (void)
{
  g_autoptr(Case) c = deep_case ();
  g_autoptr(AftercareAssessment) a = NULL;

  check_in (c, H (1), 0, AFTERCARE_SYMPTOM_HEADACHE);
  check_in (c, H (50), 6, AFTERCARE_SYMPTOM_NUMBNESS | AFTERCARE_SYMPTOM_FEVER |
                          AFTERCARE_SYMPTOM_SWELLING);
  a = assess (c, HARD, H (50));
  assert_verdict (a, AFTERCARE_VERDICT_SEEK_CARE);
  assert_rules (a, "nerve-or-injury", "persistent-systemic", "prolonged-or-worsening",
                "tissue-signs", NULL);
  g_assert_cmpuint (aftercare_assessment_get_red_flags (a), ==,
                    AFTERCARE_SYMPTOM_NUMBNESS | AFTERCARE_SYMPTOM_FEVER);
  g_assert_cmpint (aftercare_assessment_get_soreness (a), ==, 6);
}

static void
test_precedence_rest_over_wait (void)
{
  g_autoptr(Case) c = case_new (AFTERCARE_MASSAGE_SPORTS, DEEP, TRUE);
  g_autoptr(AftercareAssessment) a = NULL;

  check_in (c, H (2), 1, AFTERCARE_SYMPTOM_NAUSEA | AFTERCARE_SYMPTOM_ALTERED_STRIDE);
  a = assess (c, EASY, H (2));
  assert_verdict (a, AFTERCARE_VERDICT_REST);
  /* Equal verdicts keep the brief's order. */
  assert_rules (a, "persistent-systemic", "tissue-signs", "first-time", "deep-work", NULL);
  assert_run_after (a, -1);
  g_assert_cmpuint (g_strv_length ((char **) aftercare_assessment_get_reasons (a)), ==, 4);
}

static void
test_precedence_systemic_persisting_over_tissue (void)
{
  g_autoptr(Case) c = pressure_case (MODERATE);
  g_autoptr(AftercareAssessment) a = NULL;

  check_in (c, H (25), 4, AFTERCARE_SYMPTOM_UNUSUAL_FATIGUE);
  a = assess (c, EASY, H (25));
  assert_verdict (a, AFTERCARE_VERDICT_SEEK_CARE);
  assert_rules (a, "persistent-systemic", "tissue-signs", NULL);
}

/* ---- Several check-ins ---- */

static void
test_latest_by_time_not_by_order (void)
{
  g_autoptr(Case) c = pressure_case (LIGHT);
  g_autoptr(AftercareAssessment) a = NULL;

  check_in (c, H (5), 1, NONE);
  check_in (c, H (2), 5, AFTERCARE_SYMPTOM_SWELLING);
  a = assess (c, EASY, H (6));
  assert_verdict (a, AFTERCARE_VERDICT_EASY_RUN);
  g_assert_cmpint (aftercare_assessment_get_soreness (a), ==, 1);
}

static void
test_checkins_after_now_are_not_yet (void)
{
  g_autoptr(Case) c = pressure_case (LIGHT);
  g_autoptr(AftercareAssessment) earlier = NULL;
  g_autoptr(AftercareAssessment) none_yet = NULL;

  check_in (c, H (2), 1, NONE);
  check_in (c, H (8), 0, AFTERCARE_SYMPTOM_NUMBNESS);
  earlier = assess (c, EASY, H (7));
  assert_verdict (earlier, AFTERCARE_VERDICT_EASY_RUN);
  none_yet = assess (c, EASY, H (1));
  g_assert_cmpint (aftercare_assessment_get_soreness (none_yet), ==, -1);
  assert_reason_says (none_yet, 1, "No check-in yet");
}

/* DESIGN.md, "Check-ins at the same instant": one moment, the worst
 * reading, whatever the order of rows. */
static void
test_same_moment_worst_reading_counts (void)
{
  for (guint order = 0; order < 2; order++)
    {
      g_autoptr(Case) c = pressure_case (LIGHT);
      g_autoptr(AftercareAssessment) a = NULL;

      if (order == 0)
        {
          check_in (c, H (3), 0, NONE);
          check_in (c, H (3), 1, AFTERCARE_SYMPTOM_FEVER | AFTERCARE_SYMPTOM_NUMBNESS);
        }
      else
        {
          check_in (c, H (3), 1, AFTERCARE_SYMPTOM_FEVER | AFTERCARE_SYMPTOM_NUMBNESS);
          check_in (c, H (3), 0, NONE);
        }
      a = assess (c, EASY, H (3));
      assert_verdict (a, AFTERCARE_VERDICT_SEEK_CARE);
      assert_rules (a, "nerve-or-injury", "persistent-systemic", NULL);
      g_assert_cmpint (aftercare_assessment_get_soreness (a), ==, 1);
      g_assert_cmpuint (aftercare_assessment_get_red_flags (a), ==,
                        AFTERCARE_SYMPTOM_FEVER | AFTERCARE_SYMPTOM_NUMBNESS);
    }
}

/* The highest soreness of the moment counts, in either order, and an
 * instant written in another time zone is the same instant. */
static void
test_same_moment_highest_soreness (void)
{
  for (guint order = 0; order < 2; order++)
    {
      g_autoptr(Case) c = pressure_case (LIGHT);
      g_autoptr(GDateTime) utc = after_end (H (3));
      g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("+05:30");
      g_autoptr(GDateTime) shifted = g_date_time_to_timezone (utc, zone);
      g_autoptr(AftercareAssessment) a = NULL;
      AftercareCheckin *other = aftercare_checkin_new (aftercare_session_get_id (c->session), shifted, 5,
                                                       AFTERCARE_SYMPTOM_HEAVINESS);

      check_in (c, H (3), 1, NONE);
      if (order == 0)
        g_ptr_array_add (c->checkins, other);
      else
        g_ptr_array_insert (c->checkins, 0, other);
      a = assess (c, EASY, H (3));
      g_assert_cmpint (aftercare_assessment_get_soreness (a), ==, 5);
      assert_verdict (a, AFTERCARE_VERDICT_REST);
      assert_rules (a, "tissue-signs", NULL);
    }
}

static void
test_input_left_untouched (void)
{
  g_autoptr(Case) c = pressure_case (LIGHT);
  g_autoptr(AftercareAssessment) a = NULL;
  g_autoptr(AftercareAssessment) b = NULL;
  AftercareCheckin *first;

  check_in (c, H (5), 1, NONE);
  check_in (c, H (2), 3, NONE);
  first = g_ptr_array_index (c->checkins, 0);
  a = assess (c, HARD, H (6));
  b = assess (c, HARD, H (6));
  /* The caller's array is not reordered, and the answer repeats. */
  g_assert_true (g_ptr_array_index (c->checkins, 0) == first);
  g_assert_cmpuint (c->checkins->len, ==, 2);
  g_assert_cmpint (aftercare_assessment_get_verdict (a), ==, aftercare_assessment_get_verdict (b));
  g_assert_cmpstrv (aftercare_assessment_get_rules (a), aftercare_assessment_get_rules (b));
  g_assert_cmpstrv (aftercare_assessment_get_reasons (a), aftercare_assessment_get_reasons (b));
  g_assert_true (g_date_time_equal (aftercare_assessment_get_run_after (a),
                                    aftercare_assessment_get_run_after (b)));
}

/* ---- No check-in, phase, advice, recheck ---- */

static void
test_no_checkin_says_nothing_reported (void)
{
  g_autoptr(Case) c = deep_case ();
  g_autoptr(AftercareAssessment) a = assess (c, EASY, H (2));
  const char * const *reasons = aftercare_assessment_get_reasons (a);

  g_assert_cmpuint (g_strv_length ((char **) reasons), ==, 2);
  assert_reason_says (a, 0, "12 hours");
  assert_reason_says (a, 1, "no soreness or other symptoms have been reported");
  g_assert_cmpint (aftercare_assessment_get_soreness (a), ==, -1);
  g_assert_cmpuint (aftercare_assessment_get_red_flags (a), ==, 0);
}

static void
test_phase_and_advice (void)
{
  static const struct { int minutes; AftercarePhase phase; } cases[] = {
    { 0, AFTERCARE_PHASE_FIRST_HOURS }, { HM (3, 59), AFTERCARE_PHASE_FIRST_HOURS },
    { H (4), AFTERCARE_PHASE_SETTLING }, { HM (11, 59), AFTERCARE_PHASE_SETTLING },
    { H (12), AFTERCARE_PHASE_FIRST_RUN }, { HM (23, 59), AFTERCARE_PHASE_FIRST_RUN },
    { H (24), AFTERCARE_PHASE_FADING }, { HM (47, 59), AFTERCARE_PHASE_FADING },
    { H (48), AFTERCARE_PHASE_CHECK }, { H (200), AFTERCARE_PHASE_CHECK },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(Case) c = pressure_case (MODERATE);
      g_autoptr(AftercareAssessment) a = assess (c, EASY, cases[i].minutes);

      g_assert_cmpint (aftercare_assessment_get_phase (a), ==, cases[i].phase);
      /* Nothing reported, no wait: the phase's advice as it reads now. */
      g_assert_cmpstr (aftercare_assessment_get_advice (a), ==,
                       aftercare_phase_get_worded_advice (cases[i].phase, AFTERCARE_WORDING_NOW, NULL));
    }
}

static void
test_now_before_end_is_the_first_moment (void)
{
  g_autoptr(Case) c = deep_case ();
  g_autoptr(AftercareAssessment) a = assess (c, EASY, -30);

  assert_verdict (a, AFTERCARE_VERDICT_WAIT);
  assert_run_after (a, 12);
  g_assert_cmpint (aftercare_assessment_get_phase (a), ==, AFTERCARE_PHASE_FIRST_HOURS);
}

static void
assert_recheck (AftercareAssessment *a, int minutes)
{
  g_autoptr(GDateTime) expected = after_end (minutes);

  g_assert_true (g_date_time_equal (aftercare_assessment_get_recheck_at (a), expected));
}

static void
test_recheck_at_next_phase_boundary (void)
{
  g_autoptr(Case) light = pressure_case (LIGHT);
  g_autoptr(Case) deep = deep_case ();
  g_autoptr(AftercareAssessment) a1 = assess (light, EASY, H (1));
  g_autoptr(AftercareAssessment) a6 = assess (deep, EASY, H (6));
  g_autoptr(AftercareAssessment) a14 = assess (deep, HARD, H (14));
  g_autoptr(AftercareAssessment) a30 = assess (deep, HARD, H (30));

  assert_recheck (a1, H (4));
  assert_recheck (a6, H (12));
  assert_recheck (a14, H (24));
  assert_recheck (a30, H (48));
}

static void
test_recheck_limits (void)
{
  g_autoptr(Case) fine = pressure_case (LIGHT);
  g_autoptr(Case) sore = pressure_case (LIGHT);
  g_autoptr(AftercareAssessment) train_late = assess (fine, EASY, H (50));
  g_autoptr(AftercareAssessment) rest_day_two = NULL;
  g_autoptr(AftercareAssessment) seek_late = NULL;

  /* After 48 h there is no boundary left: a day later. */
  assert_recheck (train_late, H (74));
  /* Resting: at least twice a day. */
  check_in (sore, H (26), 4, NONE);
  rest_day_two = assess (sore, EASY, H (26));
  assert_verdict (rest_day_two, AFTERCARE_VERDICT_REST);
  assert_recheck (rest_day_two, H (38));
  seek_late = assess (sore, EASY, H (60));
  assert_verdict (seek_late, AFTERCARE_VERDICT_SEEK_CARE);
  assert_recheck (seek_late, H (72));
}

static void
test_wait_always_has_run_after (void)
{
  for (int minutes = -60; minutes < H (30); minutes += 17)
    for (AftercarePlannedRun plan = EASY; plan <= HARD; plan++)
      for (AftercarePressure p = LIGHT; p <= DEEP; p++)
        for (int first = 0; first <= 1; first++)
          {
            g_autoptr(Case) c = case_new (AFTERCARE_MASSAGE_SPORTS, p, first);
            g_autoptr(AftercareAssessment) a = assess (c, plan, minutes);
            GDateTime *run_after = aftercare_assessment_get_run_after (a);
            g_autoptr(GDateTime) now = after_end (minutes);

            if (aftercare_assessment_get_verdict (a) == AFTERCARE_VERDICT_WAIT)
              g_assert_nonnull (run_after);
            if (aftercare_assessment_get_verdict (a) == AFTERCARE_VERDICT_TRAIN)
              g_assert_null (run_after);
            if (run_after != NULL)
              g_assert_cmpint (g_date_time_compare (run_after, now), >, 0);
            g_assert_cmpint (g_date_time_compare (aftercare_assessment_get_recheck_at (a), now), >, 0);
          }
}

static void
test_properties_match_getters (void)
{
  g_autoptr(Case) c = deep_case ();
  g_autoptr(AftercareAssessment) a = NULL;
  g_autoptr(GDateTime) run_after = NULL;
  g_autoptr(GDateTime) recheck_at = NULL;
  g_auto(GStrv) rules = NULL;
  g_auto(GStrv) reasons = NULL;
  g_autofree char *advice = NULL;
  AftercareVerdict verdict;
  AftercarePhase phase;
  AftercareSymptoms red_flags;
  int soreness;

  check_in (c, H (3), 1, AFTERCARE_SYMPTOM_DIZZINESS);
  a = assess (c, HARD, H (3));
  g_object_get (a, "verdict", &verdict, "run-after", &run_after, "rules", &rules,
                "reasons", &reasons, "phase", &phase, "recheck-at", &recheck_at,
                "advice", &advice, "red-flags", &red_flags, "soreness", &soreness, NULL);
  g_assert_cmpint (verdict, ==, AFTERCARE_VERDICT_REST);
  g_assert_null (run_after);
  g_assert_cmpstrv (rules, aftercare_assessment_get_rules (a));
  g_assert_cmpstrv (reasons, aftercare_assessment_get_reasons (a));
  g_assert_cmpint (phase, ==, AFTERCARE_PHASE_FIRST_HOURS);
  g_assert_true (g_date_time_equal (recheck_at, aftercare_assessment_get_recheck_at (a)));
  g_assert_cmpstr (advice, ==, aftercare_assessment_get_advice (a));
  g_assert_cmpuint (red_flags, ==, AFTERCARE_SYMPTOM_DIZZINESS);
  g_assert_cmpint (soreness, ==, 1);
  g_assert_true (aftercare_assessment_has_rule (a, "deep-work"));
  g_assert_false (aftercare_assessment_has_rule (a, "progression"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/advisor/example/deep-6h-easy", test_example_deep_6h_easy);
  g_test_add_func ("/advisor/example/deep-6h-hard", test_example_deep_6h_hard);
  g_test_add_func ("/advisor/example/deep-14h-soreness-2-hard", test_example_deep_14h_soreness_2_hard);
  g_test_add_func ("/advisor/example/light-1h-easy", test_example_light_1h_easy);
  g_test_add_func ("/advisor/nerve-or-injury/each-sign", test_nerve_or_injury_each_sign);
  g_test_add_func ("/advisor/nerve-or-injury/reason-names-signs", test_nerve_or_injury_reason_names_signs);
  g_test_add_func ("/advisor/nerve-or-injury/only-from-latest", test_nerve_or_injury_only_from_latest);
  g_test_add_func ("/advisor/persistent-systemic/each-sign-rests", test_systemic_each_sign_rests);
  g_test_add_func ("/advisor/persistent-systemic/from-24h", test_systemic_persistent_from_24h);
  g_test_add_func ("/advisor/persistent-systemic/judged-at-checkin",
                   test_systemic_persistence_judged_at_the_checkin_not_now);
  g_test_add_func ("/advisor/persistent-systemic/over-12h", test_systemic_persistent_over_12h);
  g_test_add_func ("/advisor/persistent-systemic/gone-at-latest", test_systemic_gone_at_latest_does_not_fire);
  g_test_add_func ("/advisor/prolonged/from-48h", test_prolonged_from_48h);
  g_test_add_func ("/advisor/prolonged/tells-days-from-72h", test_prolonged_tells_days_from_72h);
  g_test_add_func ("/advisor/prolonged/needs-soreness-3", test_prolonged_needs_soreness_3);
  g_test_add_func ("/advisor/prolonged/latest-soreness-at-now", test_prolonged_reads_latest_soreness_at_now);
  g_test_add_func ("/advisor/worsening/by-2-after-24h", test_worsening_by_2_after_24h);
  g_test_add_func ("/advisor/worsening/both-from-24h", test_worsening_needs_both_checkins_from_24h);
  g_test_add_func ("/advisor/worsening/over-several-checkins", test_worsening_over_several_checkins);
  g_test_add_func ("/advisor/worsening/settled-still-counts", test_worsening_that_settled_still_counts);
  g_test_add_func ("/advisor/worsening/ignores-checkins-after-now", test_worsening_ignores_checkins_after_now);
  g_test_add_func ("/advisor/prolonged-and-worsening/one-reason", test_prolonged_and_worsening_one_reason);
  g_test_add_func ("/advisor/tissue-signs/soreness-2-against-3", test_tissue_soreness_2_against_3);
  g_test_add_func ("/advisor/tissue-signs/each-sign", test_tissue_each_sign);
  g_test_add_func ("/advisor/tissue-signs/bruising-mentions-pressure", test_tissue_bruising_mentions_pressure);
  g_test_add_func ("/advisor/first-time/waits-24h", test_first_time_waits_24h);
  g_test_add_func ("/advisor/first-time/light-does-not-wait", test_first_time_light_does_not_wait);
  g_test_add_func ("/advisor/first-time/deep-outlasts-deep-work", test_first_time_deep_outlasts_deep_work);
  g_test_add_func ("/advisor/deep-work/12h-boundary", test_deep_work_12h_boundary);
  g_test_add_func ("/advisor/deep-work/microsecond-before-12h", test_deep_work_one_microsecond_before_12h);
  g_test_add_func ("/advisor/deep-work/24h-boundary-for-hard", test_deep_work_24h_boundary_for_hard);
  g_test_add_func ("/advisor/deep-work/steady-waits-like-hard", test_deep_work_steady_waits_like_hard);
  g_test_add_func ("/advisor/same-day-easy/light-and-moderate", test_same_day_easy_light_and_moderate);
  g_test_add_func ("/advisor/same-day-easy/mild-soreness", test_same_day_easy_with_mild_soreness);
  g_test_add_func ("/advisor/progression/from-24h", test_progression_from_24h);
  g_test_add_func ("/advisor/progression/deep-after-24h", test_progression_for_deep_after_24h);
  g_test_add_func ("/advisor/precedence/most-severe-first", test_precedence_most_severe_first);
  g_test_add_func ("/advisor/precedence/rest-over-wait", test_precedence_rest_over_wait);
  g_test_add_func ("/advisor/precedence/systemic-persisting-over-tissue",
                   test_precedence_systemic_persisting_over_tissue);
  g_test_add_func ("/advisor/checkins/latest-by-time", test_latest_by_time_not_by_order);
  g_test_add_func ("/advisor/checkins/after-now-not-yet", test_checkins_after_now_are_not_yet);
  g_test_add_func ("/advisor/checkins/same-moment-worst-reading", test_same_moment_worst_reading_counts);
  g_test_add_func ("/advisor/checkins/same-moment-highest-soreness", test_same_moment_highest_soreness);
  g_test_add_func ("/advisor/pure/input-left-untouched", test_input_left_untouched);
  g_test_add_func ("/advisor/no-checkin/says-nothing-reported", test_no_checkin_says_nothing_reported);
  g_test_add_func ("/advisor/phase-and-advice", test_phase_and_advice);
  g_test_add_func ("/advisor/now-before-end", test_now_before_end_is_the_first_moment);
  g_test_add_func ("/advisor/recheck/next-phase-boundary", test_recheck_at_next_phase_boundary);
  g_test_add_func ("/advisor/recheck/limits", test_recheck_limits);
  g_test_add_func ("/advisor/invariants/wait-has-run-after", test_wait_always_has_run_after);
  g_test_add_func ("/advisor/assessment/properties", test_properties_match_getters);
  return g_test_run ();
}
