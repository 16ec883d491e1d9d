/* test-one-message.c: what a person reads never contradicts the verdict, over every massage, time, report and plan (DESIGN.md, "One message"). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <string.h>

#include "aftercare-advisor.h"
#include "aftercare-labels.h"
#include "aftercare-sheet.h"
#include "aftercare-time.h"
#include "aftercare-timeline.h"
#include "aftercare-timeline-text.h"
#include "aftercare-verdict-card.h"
#include "pdf-text.h"

#define END "2026-11-24T10:00:00Z"
#define MINUTE ((GTimeSpan) G_TIME_SPAN_MINUTE)
#define HOUR ((GTimeSpan) G_TIME_SPAN_HOUR)

/* Words that let the reader run now, or train: under rest and seek-care,
 * and under wait before the wait is over, no sentence may hold one. They
 * are the words the advisor's permissive sentences are built on, matched
 * without regard to case. */
static const char *grants_now[] = {
  "is fine",           /* "an easy run is fine", "normal training is fine" */
  "can train",         /* "you can train as normal" */
  "train as normal",   /* the train headline, a recovered card */
  "once you feel clear",
  "keep it easy:",     /* the easy-run verdict's description */
};

/* When to assess, from the session's end: inside each phase and on both
 * sides of every boundary, and long after the window. */
static const GTimeSpan moments[] = {
  30 * MINUTE, 4 * HOUR - MINUTE, 4 * HOUR, 8 * HOUR, 12 * HOUR - MINUTE, 12 * HOUR,
  18 * HOUR, 24 * HOUR - MINUTE, 24 * HOUR, 36 * HOUR, 48 * HOUR - MINUTE, 48 * HOUR,
  72 * HOUR, 21 * 24 * HOUR,
};

/* What the person reported: nothing at all, or a latest check-in at now,
 * with an earlier one (at the earlier time below) for the rules that read
 * a history. soreness -1: no such check-in. */
typedef struct {
  const char *name;
  int earlier_soreness;
  AftercareSymptoms earlier_symptoms;
  int soreness;
  AftercareSymptoms symptoms;
  gboolean same_instant;   /* the earlier one is at now too: one moment */
} Report;

static const Report reports[] = {
  { "nothing", -1, 0, -1, 0, FALSE },
  { "calm", -1, 0, 0, 0, FALSE },
  { "mild", -1, 0, 2, 0, FALSE },
  { "above-mild", -1, 0, 3, 0, FALSE },
  { "marked", -1, 0, 6, 0, FALSE },
  { "heavy-legs", -1, 0, 1, AFTERCARE_SYMPTOM_HEAVINESS, FALSE },
  { "bruising", -1, 0, 1, AFTERCARE_SYMPTOM_BRUISING, FALSE },
  { "swelling", -1, 0, 1, AFTERCARE_SYMPTOM_SWELLING, FALSE },
  { "sharp-pain", -1, 0, 1, AFTERCARE_SYMPTOM_SHARP_PAIN, FALSE },
  { "radiating-pain", -1, 0, 1, AFTERCARE_SYMPTOM_RADIATING_PAIN, FALSE },
  { "pins-and-needles", -1, 0, 1, AFTERCARE_SYMPTOM_PINS_AND_NEEDLES, FALSE },
  { "numbness", -1, 0, 1, AFTERCARE_SYMPTOM_NUMBNESS, FALSE },
  { "reduced-range", -1, 0, 1, AFTERCARE_SYMPTOM_REDUCED_RANGE, FALSE },
  { "altered-stride", -1, 0, 1, AFTERCARE_SYMPTOM_ALTERED_STRIDE, FALSE },
  { "fever", -1, 0, 1, AFTERCARE_SYMPTOM_FEVER, FALSE },
  { "dizziness", -1, 0, 1, AFTERCARE_SYMPTOM_DIZZINESS, FALSE },
  { "nausea", -1, 0, 1, AFTERCARE_SYMPTOM_NAUSEA, FALSE },
  { "unusual-fatigue", -1, 0, 1, AFTERCARE_SYMPTOM_UNUSUAL_FATIGUE, FALSE },
  { "headache", -1, 0, 1, AFTERCARE_SYMPTOM_HEADACHE, FALSE },
  { "headache-swelling", -1, 0, 4, AFTERCARE_SYMPTOM_HEADACHE | AFTERCARE_SYMPTOM_SWELLING, FALSE },
  { "fever-numbness", -1, 0, 1, AFTERCARE_SYMPTOM_FEVER | AFTERCARE_SYMPTOM_NUMBNESS, FALSE },
  { "worsening", 0, 0, 2, 0, FALSE },
  { "still-unwell", 1, AFTERCARE_SYMPTOM_NAUSEA, 1, AFTERCARE_SYMPTOM_NAUSEA, FALSE },
  { "settled", 6, AFTERCARE_SYMPTOM_HEAVINESS, 0, 0, FALSE },
  { "one-moment", 0, 0, 1, AFTERCARE_SYMPTOM_FEVER | AFTERCARE_SYMPTOM_NUMBNESS, TRUE },
};

typedef struct {
  AftercareMassageType type;
  AftercarePressure pressure;
  gboolean first_time;
  GTimeSpan since_end;
  const Report *report;
  AftercarePlannedRun planned_run;
} Case;

static char *
describe_case (const Case *c)
{
  return g_strdup_printf ("%s, %s pressure%s, %.2f h after, %s, planned %s",
                          aftercare_massage_type_to_key (c->type),
                          aftercare_pressure_to_key (c->pressure),
                          c->first_time ? ", first time" : "",
                          (double) c->since_end / HOUR, c->report->name,
                          aftercare_planned_run_to_key (c->planned_run));
}

static GDateTime *
after_end (GTimeSpan since_end)
{
  g_autoptr(GDateTime) end = aftercare_time_parse (END);

  return g_date_time_add (end, since_end);
}

/* The earlier check-in: 6 hours before now (both from 24 hours on, from
 * 30 hours, so soreness that rose counts), or halfway there when sooner. */
static GTimeSpan
earlier_time (const Case *c)
{
  if (c->report->same_instant)
    return c->since_end;
  return c->since_end - MIN (6 * HOUR, c->since_end / 2);
}

static void
add_checkin (GPtrArray        *checkins,
             AftercareSession *session,
             GTimeSpan         since_end,
             int               soreness,
             AftercareSymptoms symptoms)
{
  g_autoptr(GDateTime) at = after_end (since_end);

  if (soreness >= 0)
    g_ptr_array_add (checkins, aftercare_checkin_new (aftercare_session_get_id (session), at,
                                                      soreness, symptoms));
}

static AftercareSession *
session_for (const Case *c)
{
  g_autoptr(GDateTime) end = aftercare_time_parse (END);
  AftercareSession *session = aftercare_session_new (end);

  aftercare_session_set_massage_type (session, c->type);
  aftercare_session_set_pressure (session, c->pressure);
  aftercare_session_set_first_time (session, c->first_time);
  return session;
}

/* The case's check-ins, in the order given or reversed. */
static GPtrArray *
checkins_for (const Case       *c,
              AftercareSession *session,
              gboolean          reversed)
{
  GPtrArray *checkins = g_ptr_array_new_with_free_func (g_object_unref);

  add_checkin (checkins, session, earlier_time (c), c->report->earlier_soreness,
               c->report->earlier_symptoms);
  add_checkin (checkins, session, c->since_end, c->report->soreness, c->report->symptoms);
  if (reversed && checkins->len == 2)
    {
      gpointer first = checkins->pdata[0];

      checkins->pdata[0] = checkins->pdata[1];
      checkins->pdata[1] = first;
    }
  return checkins;
}

/* Everything the window and the sheet print from one assessment, with
 * what each sentence grants, for the phases that start before limit (all
 * of them with limit NULL). */
typedef struct {
  GPtrArray *texts;   /* char * */
  GArray *grants;     /* AftercareGrant, one per text */
} Said;

static void
say (Said           *said,
     const char     *text,
     AftercareGrant  grant)
{
  if (text == NULL)
    return;
  g_ptr_array_add (said->texts, g_strdup (text));
  g_array_append_val (said->grants, grant);
}

static void
collect_said (Said                 *said,
              AftercareAssessment  *a,
              AftercareVerdictCard *card,
              GDateTime            *limit)
{
  const char * const *reasons = aftercare_assessment_get_reasons (a);
  GDateTime *end = aftercare_assessment_get_ended_at (a);

  for (guint i = 0; reasons[i] != NULL; i++)
    say (said, reasons[i], aftercare_assessment_get_reason_grant (a, i));
  say (said, aftercare_assessment_get_advice (a), aftercare_assessment_get_advice_grant (a));
  say (said, card->headline, card->grant);
  say (said, card->times, card->grant);
  say (said, card->description, card->grant);
  for (guint phase = 0; phase < AFTERCARE_N_PHASES; phase++)
    {
      g_autoptr(GDateTime) starts = g_date_time_add (end, (GTimeSpan) aftercare_phase_get_start_hours (phase) * HOUR);
      AftercareGrant row_grant, tooltip_grant;
      const char *row;
      g_autofree char *tooltip = NULL;

      if (limit != NULL && g_date_time_compare (starts, limit) >= 0)
        continue;
      row = aftercare_assessment_get_phase_advice (a, phase, &row_grant);
      tooltip = aftercare_timeline_describe_phase (a, phase, &tooltip_grant);
      say (said, row, row_grant);
      say (said, tooltip, tooltip_grant);
      /* The plan's row and the tooltip say the same thing, word for word. */
      g_assert_nonnull (strstr (tooltip, row));
    }
}

static void
assert_grants_nothing_now (const Case *c,
                           const char *text)
{
  g_autofree char *lower = g_utf8_strdown (text, -1);

  for (guint i = 0; i < G_N_ELEMENTS (grants_now); i++)
    if (strstr (lower, grants_now[i]) != NULL)
      {
        g_autofree char *what = describe_case (c);

        g_error ("%s: “%s” says “%s”", what, text, grants_now[i]);
      }
}

static void
assert_within_verdict (const Case          *c,
                       AftercareAssessment *a,
                       Said                *said)
{
  AftercareVerdict verdict = aftercare_assessment_get_verdict (a);
  AftercareGrant most = aftercare_verdict_get_max_grant (verdict);

  for (guint i = 0; i < said->texts->len; i++)
    {
      if (g_array_index (said->grants, AftercareGrant, i) > most)
        {
          g_autofree char *what = describe_case (c);

          g_error ("%s: “%s” grants more than %s", what, (char *) said->texts->pdata[i],
                   aftercare_verdict_to_key (verdict));
        }
      if (verdict >= AFTERCARE_VERDICT_WAIT)
        assert_grants_nothing_now (c, said->texts->pdata[i]);
    }
}

/* What each strict verdict must say, not only what it must not. */
static void
assert_says_what_follows (const Case          *c,
                          AftercareAssessment *a)
{
  AftercareVerdict verdict = aftercare_assessment_get_verdict (a);

  for (guint phase = 0; phase < AFTERCARE_N_PHASES; phase++)
    {
      g_autofree char *row = g_utf8_strdown (aftercare_assessment_get_phase_advice (a, phase, NULL), -1);

      if (verdict == AFTERCARE_VERDICT_SEEK_CARE)
        g_assert_nonnull (strstr (row, "seen"));
      if (verdict == AFTERCARE_VERDICT_REST && phase == AFTERCARE_PHASE_FIRST_RUN)
        g_assert_nonnull (strstr (row, "once soreness is mild again"));
    }
}

/* rules and reasons as the advisor always gave them: one reason per rule,
 * in order, plus one when nothing has been reported. */
static void
assert_reasons_match_rules (const Case          *c,
                            AftercareAssessment *a)
{
  guint n_rules = g_strv_length ((char **) aftercare_assessment_get_rules (a));
  guint n_reasons = g_strv_length ((char **) aftercare_assessment_get_reasons (a));

  g_assert_cmpuint (n_rules, >, 0);
  g_assert_cmpuint (n_reasons, ==, n_rules + (c->report->soreness < 0 ? 1 : 0));
}

/* The order of rows never changes what is read. */
static void
assert_same_reading (AftercareAssessment *a,
                     AftercareAssessment *b)
{
  g_assert_cmpint (aftercare_assessment_get_verdict (a), ==, aftercare_assessment_get_verdict (b));
  g_assert_cmpstrv (aftercare_assessment_get_rules (a), aftercare_assessment_get_rules (b));
  g_assert_cmpstrv (aftercare_assessment_get_reasons (a), aftercare_assessment_get_reasons (b));
  g_assert_cmpint (aftercare_assessment_get_soreness (a), ==, aftercare_assessment_get_soreness (b));
}

static AftercareAssessment *
assess_case (const Case       *c,
             AftercareSession *session,
             gboolean          reversed)
{
  g_autoptr(GPtrArray) checkins = checkins_for (c, session, reversed);
  g_autoptr(GDateTime) now = after_end (c->since_end);

  return aftercare_advisor_assess (session, checkins, c->planned_run, now);
}

static void
check_case (const Case *c,
            guint       counts[])
{
  g_autoptr(AftercareSession) session = session_for (c);
  g_autoptr(AftercareAssessment) a = assess_case (c, session, FALSE);
  g_autoptr(AftercareAssessment) reversed = assess_case (c, session, TRUE);
  g_autoptr(GDateTime) now = after_end (c->since_end);
  g_autoptr(AftercareVerdictCard) card = aftercare_verdict_card_new (a, now, TRUE);
  AftercareVerdict verdict = aftercare_assessment_get_verdict (a);
  Said said = { g_ptr_array_new_with_free_func (g_free), g_array_new (FALSE, FALSE, sizeof (AftercareGrant)) };

  /* Under wait, the plan's rows from run_after on may say what follows it. */
  collect_said (&said, a, card,
                verdict == AFTERCARE_VERDICT_WAIT ? aftercare_assessment_get_run_after (a) : NULL);
  assert_within_verdict (c, a, &said);
  assert_says_what_follows (c, a);
  assert_reasons_match_rules (c, a);
  assert_same_reading (a, reversed);
  if (verdict == AFTERCARE_VERDICT_WAIT)
    g_assert_nonnull (card->times);
  if (verdict >= AFTERCARE_VERDICT_REST)
    g_assert_null (card->times);
  counts[verdict]++;
  g_ptr_array_unref (said.texts);
  g_array_unref (said.grants);
}

/* Every massage type × pressure × first time × moment × report × planned
 * run: reasons, advice, the card, the plan's rows and the timeline's
 * tooltips. */
static void
test_every_combination (void)
{
  guint counts[AFTERCARE_VERDICT_SEEK_CARE + 1] = { 0 };
  guint n = 0;

  for (AftercareMassageType type = 0; type < AFTERCARE_N_MASSAGE_TYPES; type++)
    for (AftercarePressure pressure = AFTERCARE_PRESSURE_LIGHT; pressure <= AFTERCARE_PRESSURE_DEEP; pressure++)
      for (guint first_time = 0; first_time < 2; first_time++)
        for (guint m = 0; m < G_N_ELEMENTS (moments); m++)
          for (guint r = 0; r < G_N_ELEMENTS (reports); r++)
            for (AftercarePlannedRun run = AFTERCARE_PLANNED_RUN_EASY; run <= AFTERCARE_PLANNED_RUN_HARD; run++)
              {
                Case c = { type, pressure, first_time, moments[m], &reports[r], run };

                check_case (&c, counts);
                n++;
              }
  g_test_message ("%u cases: %u train, %u easy-run, %u wait, %u rest, %u seek-care", n,
                  counts[AFTERCARE_VERDICT_TRAIN], counts[AFTERCARE_VERDICT_EASY_RUN],
                  counts[AFTERCARE_VERDICT_WAIT], counts[AFTERCARE_VERDICT_REST],
                  counts[AFTERCARE_VERDICT_SEEK_CARE]);
  /* The table reaches every verdict, so no branch goes untested. */
  for (guint v = 0; v < G_N_ELEMENTS (counts); v++)
    g_assert_cmpuint (counts[v], >, 0);
}

/* The printed sheet, read back from the PDF: under rest, seek-care and
 * wait, nothing on it grants a run now. One massage type (the sheet words
 * every type alike), every pressure, first time or not, a moment in each
 * phase, the reports that give each strict verdict, a hard run planned. */
static void
test_sheet_says_the_same (void)
{
  static const GTimeSpan sheet_moments[] = { 1 * HOUR, 6 * HOUR, 14 * HOUR, 30 * HOUR, 60 * HOUR };
  static const char *sheet_reports[] = { "above-mild", "numbness", "fever", "worsening", "calm" };
  g_autofree char *dir = g_dir_make_tmp ("aftercare-one-message-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "sheet.pdf", NULL);
  guint n = 0;

  for (AftercarePressure pressure = AFTERCARE_PRESSURE_LIGHT; pressure <= AFTERCARE_PRESSURE_DEEP; pressure++)
    for (guint first_time = 0; first_time < 2; first_time++)
      for (guint m = 0; m < G_N_ELEMENTS (sheet_moments); m++)
        for (guint r = 0; r < G_N_ELEMENTS (sheet_reports); r++)
          {
            const Report *report = NULL;
            g_autoptr(AftercareSession) session = NULL;
            g_autoptr(AftercareAssessment) a = NULL;
            g_autoptr(AftercareSheet) sheet = NULL;
            g_autoptr(GDateTime) now = after_end (sheet_moments[m]);
            g_autoptr(GError) error = NULL;
            g_autofree char *text = NULL;
            g_autofree char *head = NULL;
            Case c;

            for (guint i = 0; i < G_N_ELEMENTS (reports); i++)
              if (g_str_equal (reports[i].name, sheet_reports[r]))
                report = &reports[i];
            c = (Case) { AFTERCARE_MASSAGE_DEEP_TISSUE, pressure, first_time, sheet_moments[m], report,
                         AFTERCARE_PLANNED_RUN_HARD };
            session = session_for (&c);
            a = assess_case (&c, session, FALSE);
            if (aftercare_assessment_get_verdict (a) < AFTERCARE_VERDICT_WAIT)
              continue;
            sheet = aftercare_sheet_new (session, a, AFTERCARE_PLANNED_RUN_HARD, now);
            g_assert_true (aftercare_sheet_write_pdf (sheet, pdf, AFTERCARE_SHEET_A4_WIDTH,
                                                      AFTERCARE_SHEET_A4_HEIGHT, &error));
            g_assert_no_error (error);
            text = pdf_text (pdf);
            /* Under wait, the plan's rows from run_after on may say what
             * follows it: read the sheet up to the first of those ("from
             * 22:00 to …"; the card's line has no "to"). */
            if (aftercare_assessment_get_verdict (a) == AFTERCARE_VERDICT_WAIT)
              {
                g_autofree char *from = aftercare_time_format_clock (aftercare_assessment_get_run_after (a), now, TRUE);
                g_autofree char *row = g_strdup_printf ("from %s to", from);
                char *cut = strstr (text, row);

                g_assert_nonnull (cut);
                head = g_strndup (text, cut - text);
              }
            assert_grants_nothing_now (&c, head != NULL ? head : text);
            n++;
          }
  g_test_message ("%u sheets read", n);
  g_assert_cmpuint (n, >, 30);
  g_remove (pdf);
  g_rmdir (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/one-message/every-combination", test_every_combination);
  g_test_add_func ("/one-message/sheet", test_sheet_says_the_same);
  return g_test_run ();
}
