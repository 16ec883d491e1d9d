/* aftercare-verdict-card.c: the words of a verdict card, said once: headline, one line of times, what it means (INTERFACE.md, "Verdicts"). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-verdict-card"

#include "config.h"

#include <glib/gi18n.h>

#include "aftercare-labels.h"
#include "aftercare-time.h"
#include "aftercare-verdict-card.h"

void
aftercare_verdict_card_free (AftercareVerdictCard *card)
{
  if (card == NULL)
    return;
  g_free (card->headline);
  g_free (card->times);
  g_free (card->description);
  g_free (card->last_checkin);
  g_free (card->next_checkin);
  g_free (card);
}

/* Whole sentences, so translators never glue a phrase to a time. */
static char *
easy_and_planned (AftercarePlannedRun  planned_run,
                  const char          *easy,
                  const char          *planned)
{
  if (planned_run == AFTERCARE_PLANNED_RUN_EASY)
    /* Translators: %s is a clock time such as "16:35" or "tomorrow 08:00". */
    return g_strdup_printf (_("An easy run from %s"), easy);
  if (g_strcmp0 (easy, planned) == 0)
    return g_strdup_printf (planned_run == AFTERCARE_PLANNED_RUN_HARD
                            /* Translators: %s is a clock time such as "tomorrow 04:35". */
                            ? _("An easy run or your hard run from %s")
                            /* Translators: %s is a clock time such as "tomorrow 04:35". */
                            : _("An easy run or your steady run from %s"), easy);
  return g_strdup_printf (planned_run == AFTERCARE_PLANNED_RUN_HARD
                          /* Translators: both are clock times: "An easy run from 16:35 ·
                           * your hard run from tomorrow 04:35". */
                          ? _("An easy run from %s · your hard run from %s")
                          /* Translators: both are clock times: "An easy run from 16:35 ·
                           * your steady run from tomorrow 04:35". */
                          : _("An easy run from %s · your steady run from %s"), easy, planned);
}

/* An easy run is fine now; only the harder run planned waits. */
static char *
planned_only (AftercarePlannedRun  planned_run,
              const char          *planned)
{
  return g_strdup_printf (planned_run == AFTERCARE_PLANNED_RUN_HARD
                          /* Translators: %s is a clock time such as "tomorrow 04:35". */
                          ? _("Your hard run from %s")
                          /* Translators: %s is a clock time such as "tomorrow 04:35". */
                          : _("Your steady run from %s"), planned);
}

static char *
format_times (AftercareAssessment *assessment,
              GDateTime           *now,
              gboolean             clock_24h)
{
  GDateTime *easy = aftercare_assessment_get_easy_run_after (assessment);
  GDateTime *planned = aftercare_assessment_get_run_after (assessment);
  AftercarePlannedRun planned_run = aftercare_assessment_get_planned_run (assessment);
  g_autofree char *easy_text = NULL;
  g_autofree char *planned_text = NULL;

  if (planned != NULL)
    planned_text = aftercare_time_format_clock (planned, now, clock_24h);
  if (easy == NULL)
    return planned_text != NULL ? planned_only (planned_run, planned_text) : NULL;
  easy_text = aftercare_time_format_clock (easy, now, clock_24h);
  return easy_and_planned (planned_run, easy_text, planned_text != NULL ? planned_text : easy_text);
}

char *
aftercare_format_last_checkin (GDateTime *at,
                               GDateTime *now)
{
  GTimeSpan ago;
  gulong n;

  g_return_val_if_fail (at != NULL && now != NULL, NULL);
  ago = MAX (0, g_date_time_difference (now, at));
  if (ago < G_TIME_SPAN_MINUTE)
    return g_strdup (_("Last check-in just now"));
  if (ago < G_TIME_SPAN_HOUR)
    {
      n = ago / G_TIME_SPAN_MINUTE;
      return g_strdup_printf (ngettext ("Last check-in %lu minute ago", "Last check-in %lu minutes ago", n), n);
    }
  if (ago < 48 * G_TIME_SPAN_HOUR)
    {
      n = ago / G_TIME_SPAN_HOUR;
      return g_strdup_printf (ngettext ("Last check-in %lu hour ago", "Last check-in %lu hours ago", n), n);
    }
  n = ago / G_TIME_SPAN_DAY;
  return g_strdup_printf (ngettext ("Last check-in %lu day ago", "Last check-in %lu days ago", n), n);
}

static AftercareGrant
headline_grant (AftercareVerdict verdict)
{
  switch (verdict)
    {
    case AFTERCARE_VERDICT_TRAIN: return AFTERCARE_GRANT_TRAINING_NOW;
    case AFTERCARE_VERDICT_EASY_RUN: return AFTERCARE_GRANT_EASY_RUN_NOW;
    case AFTERCARE_VERDICT_WAIT: return AFTERCARE_GRANT_LATER;
    default: return AFTERCARE_GRANT_NOTHING;
    }
}

AftercareVerdictCard *
aftercare_verdict_card_new (AftercareAssessment *assessment,
                            GDateTime           *now,
                            gboolean             clock_24h)
{
  AftercareVerdictCard *card;
  GDateTime *latest;

  g_return_val_if_fail (AFTERCARE_IS_ASSESSMENT (assessment), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  card = g_new0 (AftercareVerdictCard, 1);
  card->verdict = aftercare_assessment_get_verdict (assessment);
  card->recovered = aftercare_assessment_is_recovered (assessment);
  card->grant = headline_grant (card->verdict);
  if (card->recovered)
    {
      /* Translators: the verdict of a massage two days or more behind you. */
      card->headline = g_strdup (_("Recovered"));
      card->description = g_strdup (_("Two days or more have passed and you reported nothing that "
                                      "holds you back: train as normal. No more check-ins are "
                                      "needed for this massage."));
      return card;
    }
  card->headline = g_strdup (aftercare_verdict_get_title (card->verdict));
  card->description = g_strdup (aftercare_verdict_get_description (card->verdict));
  card->times = format_times (assessment, now, clock_24h);
  latest = aftercare_assessment_get_latest_checkin_at (assessment);
  if (card->verdict == AFTERCARE_VERDICT_SEEK_CARE && latest != NULL)
    card->last_checkin = aftercare_format_last_checkin (latest, now);
  card->next_checkin = aftercare_time_format_clock (aftercare_assessment_get_recheck_at (assessment),
                                                    now, clock_24h);
  return card;
}
