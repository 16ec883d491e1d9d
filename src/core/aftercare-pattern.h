/* aftercare-pattern.h: your own pattern: how sore you get after each kind of massage, from your own check-ins (no GTK). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "aftercare-checkin.h"
#include "aftercare-enums.h"
#include "aftercare-session.h"

G_BEGIN_DECLS

/* A pattern is shown from this many sessions of one kind on. */
#define AFTERCARE_PATTERN_MIN_SESSIONS 3
/* Soreness at or below this is mild (DESIGN.md, "Soreness scale"). */
#define AFTERCARE_PATTERN_MILD 2

/* One phase of a kind: each counted session gives its highest soreness in
 * the phase; median, low and high are over those sessions. */
typedef struct {
  guint  n_sessions;   /* sessions with a check-in in the phase; 0 = no data */
  double median;
  guint  low;
  guint  high;
} AftercarePatternPhase;

/* One kind (massage type and pressure), for everyone or for one client. */
typedef struct {
  AftercareMassageType  type;
  AftercarePressure     pressure;
  guint                 n_sessions;   /* sessions of the kind with a check-in */
  AftercarePatternPhase phases[AFTERCARE_N_PHASES];
  /* Hours from the end until soreness was mild and stayed so (the first
   * check-in at 2 or below after the last one above 2), median over the
   * n_mild sessions whose last check-in was mild. */
  guint                 n_mild;
  double                mild_by_hours;
} AftercarePatternSummary;

typedef struct _AftercarePattern AftercarePattern;

AftercarePattern *aftercare_pattern_new            (void);
void              aftercare_pattern_free           (AftercarePattern *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AftercarePattern, aftercare_pattern_free)

/* Counts a session with its check-ins (any order; same-instant check-ins
 * are one moment, aftercare_checkins_to_moments()). Adding a session whose
 * id is already counted replaces it, so a changed session is re-counted
 * under what it is now. A session with no check-in counts for nothing. */
void              aftercare_pattern_add_session    (AftercarePattern *self,
                                                    AftercareSession *session,
                                                    GPtrArray        *checkins);
/* Forgets a session (deleted). */
void              aftercare_pattern_remove_session (AftercarePattern *self,
                                                    const char       *session_id);

/* The kind's pattern over the sessions counted; client NULL counts every
 * session, else only that client's (same name ignoring case and the spaces
 * around it). Never changes a verdict: it is for reading, not for rules. */
void              aftercare_pattern_summarize      (AftercarePattern        *self,
                                                    AftercareMassageType     type,
                                                    AftercarePressure        pressure,
                                                    const char              *client,
                                                    AftercarePatternSummary *summary);

/* Whether two client names are one client's: the same ignoring case and
 * the spaces around them. */
gboolean          aftercare_pattern_same_client    (const char *a,
                                                    const char *b);

/* How many more sessions of the kind are needed before it is shown (0 when
 * it is shown). */
guint             aftercare_pattern_summary_get_needed  (const AftercarePatternSummary *summary);
/* The pattern at hours after the end, for drawing it beside the usual band:
 * FALSE when the phase there has no data (or the pattern is not shown). */
gboolean          aftercare_pattern_summary_at_hours    (const AftercarePatternSummary *summary,
                                                         double                         hours,
                                                         double                        *median,
                                                         double                        *low,
                                                         double                        *high);

/* When a phase is, inside a sentence: "12 to 24 hours after". */
const char       *aftercare_pattern_phase_when          (AftercarePhase phase);

/* In words, translated. "You, after deep tissue at deep pressure: usually
 * 4/10 12 to 24 hours after, mild by about 36 hours, from 6 massages." for
 * a shown pattern; else how many more it needs. whose is NULL for "You",
 * else a client's name. */
char             *aftercare_pattern_summary_describe    (const AftercarePatternSummary *summary,
                                                         const char                    *whose);
/* One line per phase with data: "12 to 24 hours: usually 4/10 (3 to 6), from 5 massages". */
char             *aftercare_pattern_summary_describe_phase (const AftercarePatternSummary *summary,
                                                            AftercarePhase                 phase);

G_END_DECLS
