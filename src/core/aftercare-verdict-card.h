/* aftercare-verdict-card.h: the words of a verdict card, said once: headline, one line of times, what it means (INTERFACE.md, "Verdicts"). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "aftercare-advisor.h"

G_BEGIN_DECLS

/* What the session page, the wizard's verdict and the sheet show at the
 * top of a verdict, from one assessment, so all three say the same words.
 * All text translated. */
typedef struct {
  AftercareVerdict  verdict;
  gboolean          recovered;    /* aftercare_assessment_is_recovered() */
  char             *headline;     /* "Not yet", "Rest today", "Recovered" */
  /* One line with the times, or NULL when there is none to give: "An easy
   * run from 16:35 · your hard run from tomorrow 04:35"; "An easy run
   * from 16:35" when the planned run is easy or its time is the same. */
  char             *times;
  char             *description;  /* what the verdict means, in a sentence or two */
  /* Seek-care only: how long ago the person last checked in ("Last
   * check-in 3 days ago"), so time passing never hides a red flag. NULL
   * otherwise. */
  char             *last_checkin;
  /* When to check in next, a clock time ("tomorrow 08:00"); NULL once
   * recovered: nothing more to check in about. */
  char             *next_checkin;
  /* The most the headline, times and description grant; never more than
   * the verdict allows. */
  AftercareGrant    grant;
} AftercareVerdictCard;

/* The card for assessment, read at now (clock times relative to it, in
 * its time zone: pass local time), in the 24- or 12-hour style. */
AftercareVerdictCard *aftercare_verdict_card_new  (AftercareAssessment *assessment,
                                                   GDateTime           *now,
                                                   gboolean             clock_24h);
void                  aftercare_verdict_card_free (AftercareVerdictCard *card);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AftercareVerdictCard, aftercare_verdict_card_free)

/* "Last check-in 3 days ago", "… 5 hours ago", "… 20 minutes ago",
 * "… just now": how long before now at was. */
char                 *aftercare_format_last_checkin (GDateTime *at,
                                                     GDateTime *now);

G_END_DECLS
