/* aftercare-session-list.h: the sessions, newest first, as a GListModel that loads pages on demand. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "aftercare-session.h"
#include "aftercare-store-backend.h"

G_BEGIN_DECLS

/* Rows are read from the backend a page at a time, when a view asks for
 * them, and only a bounded number of pages is kept; check-ins are never
 * read here. A row that is alive (a view holds it) stays the same object
 * when its page is read again, and an edit updates it in place, so
 * bindings follow.
 *
 * The store keeps the model in step with its own writes: it computes the
 * position and calls inserted(), removed(), updated() or reset(), each of
 * which emits items-changed for exactly that change. */

#define AFTERCARE_TYPE_SESSION_LIST (aftercare_session_list_get_type ())
G_DECLARE_FINAL_TYPE (AftercareSessionList, aftercare_session_list, AFTERCARE, SESSION_LIST, GObject)

/* Rows read from the backend at once. */
#define AFTERCARE_SESSION_LIST_PAGE_SIZE 50

AftercareSessionList *aftercare_session_list_new      (AftercareStoreBackend *backend,
                                                       guint                  n_items);

/* A search's list: the sessions it found, newest first, read a page at a
 * time like the whole list. Empty at first; the store tells it what the
 * search finds. */
AftercareSessionList *aftercare_session_list_new_search (AftercareStoreBackend *backend);
/* A search's list now holds matches (a GArray of AftercareSessionKey in
 * the list's order, taken): items-changed for each run of rows that left,
 * then for each run that came, and for changed (a session just saved, may be NULL) if it
 * stayed in its place; rows that are still there are not told. */
void                  aftercare_session_list_set_matches   (AftercareSessionList *self,
                                                            GArray               *matches,
                                                            AftercareSession     *changed);
/* The same when anything may have changed: items-changed over the whole list. */
void                  aftercare_session_list_reset_matches (AftercareSessionList *self,
                                                            GArray               *matches);

void                  aftercare_session_list_inserted (AftercareSessionList *self,
                                                       guint                 position);
void                  aftercare_session_list_removed  (AftercareSessionList *self,
                                                       guint                 position);
/* The row at old_position now holds session's values (same id) and has
 * moved to new_position: items-changed (position, 1, 1) when it stayed,
 * else a removal and an insertion. */
void                  aftercare_session_list_updated  (AftercareSessionList *self,
                                                       guint                 old_position,
                                                       guint                 new_position,
                                                       AftercareSession     *session);
/* The row's object, if a view holds it, takes session's values (same id),
 * without items-changed: for when the list is reset anyway. */
void                  aftercare_session_list_sync_row (AftercareSessionList *self,
                                                       AftercareSession     *session);
/* Everything may have changed (an import, another program's writes). */
void                  aftercare_session_list_reset    (AftercareSessionList *self,
                                                       guint                 n_items);

/* How many rows are held in memory now (for tests and the benchmark). */
guint                 aftercare_session_list_get_n_loaded (AftercareSessionList *self);
/* How many rows were read from the backend since the list was made, pages
 * read again after eviction included: what a view's scrolling cost. */
guint64               aftercare_session_list_get_n_read   (AftercareSessionList *self);

/* Where session (found by its id) is in sessions, a list in the store's
 * order (newest first, then by id): a binary search on that order, so only
 * a few rows are read, never the whole list. FALSE when it is not there. */
gboolean              aftercare_session_list_find         (GListModel           *sessions,
                                                           AftercareSession     *session,
                                                           guint                *position);

G_END_DECLS
