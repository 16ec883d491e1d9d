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

G_END_DECLS
