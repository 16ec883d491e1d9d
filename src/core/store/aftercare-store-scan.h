/* aftercare-store-scan.h: the newest sessions read straight from the database, for what looks back over them (your pattern, a client's history) without filling the session list. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "aftercare-store.h"

G_BEGIN_DECLS

/* Up to limit sessions, newest first (a new array of AftercareSession),
 * read from the database a page at a time; the session list's rows in
 * memory are neither read nor added to. */
GPtrArray *aftercare_store_list_newest (AftercareStore  *self,
                                        guint            limit,
                                        GError         **error);

/* Whether a session a scan reads is kept. */
typedef gboolean (*AftercareSessionKeep) (AftercareSession *session,
                                          gpointer          data);

/* The same, keeping only the sessions keep takes (all, for NULL) and at
 * most max_kept of them (0: no bound; the scan ends there): one page of
 * what it reads is held at a time, not all of them. */
GPtrArray *aftercare_store_list_newest_kept (AftercareStore        *self,
                                             guint                  limit,
                                             AftercareSessionKeep   keep,
                                             gpointer               data,
                                             guint                  max_kept,
                                             GError               **error);

G_END_DECLS
