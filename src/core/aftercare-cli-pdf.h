/* aftercare-cli-pdf.h: what the command line's PDF actions (--sheet, --report) share: --output, --paper, the database and the session. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "aftercare-store.h"

G_BEGIN_DECLS

/* --output, which must name a .pdf file; action ("sheet") names the
 * option that needs it in the message. */
gboolean          aftercare_cli_pdf_parse_output   (GVariantDict   *options,
                                                    const char     *action,
                                                    const char    **output,
                                                    GError        **error);
/* --paper: a4 (the default) or letter, as a page size in points. */
gboolean          aftercare_cli_pdf_parse_paper    (GVariantDict   *options,
                                                    double         *page_width,
                                                    double         *page_height,
                                                    GError        **error);
/* The database at location, opened only to read it: a file must exist (a
 * PDF never creates a database). NULL with *status set (and one line on
 * standard error) when it cannot be opened. */
AftercareStore   *aftercare_cli_pdf_open_store     (const char          *location,
                                                    AftercareTimeSource *time_source,
                                                    int                 *status);
/* The session as stored, or NULL with *status 2 (unknown ID: "--sheet: no
 * session with ID …") or 1 (the database failed). */
AftercareSession *aftercare_cli_pdf_lookup_session (AftercareStore  *store,
                                                    const char      *action,
                                                    const char      *session_id,
                                                    int             *status);

G_END_DECLS
