/* aftercare-sessions-view.h: the Sessions view: the list of massages beside (or before) the session page. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "aftercare-clock.h"
#include "aftercare-session-page.h"
#include "aftercare-store.h"

G_BEGIN_DECLS

#define AFTERCARE_TYPE_SESSIONS_VIEW (aftercare_sessions_view_get_type ())
G_DECLARE_FINAL_TYPE (AftercareSessionsView, aftercare_sessions_view, AFTERCARE, SESSIONS_VIEW, GtkWidget)

/* Actions (shortcuts in brackets): "sessions.new" [Ctrl+N, the window's "win.log-massage"], "sessions.search"
 * [Ctrl+F], "sessions.delete-selected" [Delete, in the list; the window's
 * "win.undo", Ctrl+Z, undoes], "sessions.edit" (s: id), "sessions.delete" (s: id),
 * "sessions.open" (s: id: choose it and show its page), "sessions.show-list",
 * "sessions.show-client" (s: a client's name: the list shows that client's massages alone). */
void                  aftercare_sessions_view_set_context   (AftercareSessionsView *self,
                                                             AftercareStore        *store,
                                                             AftercareClock        *clock);
/* Chooses session in the list (clearing a search that hides it) and shows its page. */
void                  aftercare_sessions_view_open_session  (AftercareSessionsView *self,
                                                             AftercareSession      *session);
/* For tests: the list and the page. */
GtkListView          *aftercare_sessions_view_get_list_view (AftercareSessionsView *self);
AftercareSessionPage *aftercare_sessions_view_get_page      (AftercareSessionsView *self);

G_END_DECLS
