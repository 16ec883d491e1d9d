/* aftercare-store-private.h: what the store's own files share (aftercare-store.c, aftercare-store-import.c, aftercare-store-export.c). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "aftercare-session-list.h"
#include "aftercare-store-backend.h"
#include "aftercare-store.h"

G_BEGIN_DECLS

AftercareStoreBackend *aftercare_store_get_backend      (AftercareStore *self);
AftercareSessionList  *aftercare_store_get_session_list (AftercareStore *self);
/* What time it is, for the store's own files (an export's exported_at). */

/* Begins a write transaction; *stale says whether another program has
 * written since the list was last in step (then positions computed now
 * would not match the list, and it is reloaded instead). */
gboolean               aftercare_store_begin_write      (AftercareStore  *self,
                                                         gboolean        *stale,
                                                         GError         **error);
/* The same for a write of many rows (an import). */
gboolean               aftercare_store_begin_bulk_write (AftercareStore  *self,
                                                         gboolean        *stale,
                                                         GError         **error);
/* Commits when ok, else rolls back; TRUE when the write is on disk. */
gboolean               aftercare_store_end_write        (AftercareStore  *self,
                                                         gboolean         ok,
                                                         GError         **error);
/* Runs the search again after rows were added: its list tells what came. */
void                   aftercare_store_update_search    (AftercareStore  *self);
/* Reads the list's length again: items-changed over the whole list. */
void                   aftercare_store_reload_list      (AftercareStore  *self);

/* Inserts, saying plainly when the id is taken (CONFLICT). */
gboolean               aftercare_store_insert_session   (AftercareStore    *self,
                                                         AftercareSession  *session,
                                                         GError           **error);
gboolean               aftercare_store_insert_checkin   (AftercareStore    *self,
                                                         AftercareCheckin  *checkin,
                                                         GError           **error);

G_END_DECLS
