/* aftercare-session-report.h: the report for the therapist about a stored session, or it and the ones of its kind before it. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "aftercare-report.h"
#include "aftercare-store.h"

G_BEGIN_DECLS

/* How many massages of a kind one report may hold. */
#define AFTERCARE_REPORT_MAX_SESSIONS 20

/* A report on session and, when same_kind > 1, the massages of its kind
 * (type and pressure) that ended before it, up to same_kind in all, newest
 * first, with their check-ins and the kind's pattern from the other
 * massages (aftercare_session_pattern()). per_client: only the same
 * client's massages, and the report is titled with the client's name.
 * NULL, with error, when check-ins cannot be read. */
AftercareReport *aftercare_session_report_new (AftercareStore   *store,
                                               AftercareSession *session,
                                               guint             same_kind,
                                               gboolean          per_client,
                                               GDateTime        *now,
                                               gboolean          clock_24h,
                                               GError          **error);

G_END_DECLS
