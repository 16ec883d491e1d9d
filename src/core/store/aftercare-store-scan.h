/* aftercare-store-scan.h: the newest sessions read straight from the database, for what looks back over them (your pattern, a client's history) without filling the session list. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "aftercare-store.h"

G_BEGIN_DECLS

/* Whether a session a scan reads is kept. */
typedef gboolean (*AftercareSessionKeep) (AftercareSession *session,
                                          gpointer          data);

/* Of the newest limit sessions, newest first (a new array of
 * AftercareSession), those keep takes (all, for NULL), at most max_kept of
 * them (0: no bound; the scan ends there). They are read from the database
 * a page at a time, and one page is held at a time; the session list's
 * rows in memory are neither read nor added to. */
GPtrArray *aftercare_store_list_newest_kept (AftercareStore        *self,
                                             guint                  limit,
                                             AftercareSessionKeep   keep,
                                             gpointer               data,
                                             guint                  max_kept,
                                             GError               **error);

/* Of the newest look_back sessions, newest first, those of type and
 * pressure (a new array of AftercareSession). The database picks them
 * out: the others are never read into memory. */
GPtrArray *aftercare_store_list_newest_of_kind (AftercareStore        *self,
                                                guint                  look_back,
                                                AftercareMassageType   type,
                                                AftercarePressure      pressure,
                                                GError               **error);

G_END_DECLS
