/* aftercare-session-pattern.h: your own pattern for a stored session's kind, read from the store. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "aftercare-pattern.h"
#include "aftercare-store.h"

G_BEGIN_DECLS

/* What looks back over the sessions (a pattern, a client's history) reads
 * the newest this many: a bounded cost, whatever the database holds. */
#define AFTERCARE_PATTERN_LOOK_BACK 2000

/* The sessions of one kind in store, newest first (a new array of
 * AftercareSession), only client's when client is not NULL
 * (aftercare_pattern_same_client()); limit 0 for all, else at most that many. */
GPtrArray *aftercare_store_list_kind        (AftercareStore       *store,
                                             AftercareMassageType  type,
                                             AftercarePressure     pressure,
                                             const char           *client,
                                             guint                 limit,
                                             GError              **error);
/* One client's sessions in store (aftercare_pattern_same_client()), newest
 * first, of any kind: their history (a new array of AftercareSession). */
GPtrArray *aftercare_store_list_client      (AftercareStore       *store,
                                             const char           *client,
                                             GError              **error);
/* That kind's pattern, summarized into *summary; FALSE, with error, when
 * check-ins cannot be read (nothing is shown then). */
gboolean   aftercare_store_pattern_of_kind  (AftercareStore          *store,
                                             AftercareMassageType     type,
                                             AftercarePressure        pressure,
                                             const char              *client,
                                             AftercarePatternSummary *summary,
                                             GError                 **error);

/* The sessions a session's pattern is drawn from: those of its kind (type
 * and pressure) in store, only the same client's when per_client (a
 * clinic: one client's pattern is theirs alone). Newest first, a new array
 * of AftercareSession; limit 0 for all, else at most that many. */
GPtrArray *aftercare_session_list_same_kind (AftercareStore    *store,
                                             AftercareSession  *session,
                                             gboolean           per_client,
                                             guint              limit,
                                             GError           **error);

/* The pattern of session's kind (aftercare_session_list_same_kind()),
 * from the other sessions of the kind (the session itself is what is
 * compared with it), summarized into *summary. FALSE, with error, when check-ins cannot be
 * read; nothing is shown then. */
gboolean   aftercare_session_pattern        (AftercareStore          *store,
                                             AftercareSession        *session,
                                             gboolean                 per_client,
                                             AftercarePatternSummary *summary,
                                             GError                 **error);

G_END_DECLS
