/* aftercare-sheet-print.h: the aftercare sheet on paper (GtkPrintOperation) and saved as PDF, both drawn by the core's renderer. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "aftercare-printable.h"
#include "aftercare-sheet.h"

G_BEGIN_DECLS

/* A print operation that draws sheet on the paper of each page setup (any
 * size, either orientation), in points from the paper's corner: the
 * sheet keeps its own margins. The print dialog and export both use it. */
GtkPrintOperation *aftercare_sheet_print_operation_new (AftercareSheet *sheet);

/* Shows the print dialog (paper and orientation included) for sheet, over
 * parent; remembers the settings and page setup on parent for next time.
 * A failure is reported as a toast on toasts (which may be NULL). */
void               aftercare_sheet_print               (AftercareSheet  *sheet,
                                                        GtkWindow       *parent,
                                                        AdwToastOverlay *toasts);

/* Writes sheet as PDF on the paper last chosen in the print dialog, else
 * the locale's (A4 or Letter). Asks where, starting in the folder the last
 * sheet went to, else settings' "sheet-folder", else Documents (else
 * home). In clinic mode (settings' "clinic-mode") nothing is asked: the
 * sheet is written to a new file in that folder, and a toast says where. */
void               aftercare_sheet_save_as_pdf         (AftercareSheet  *sheet,
                                                        GtkWindow       *parent,
                                                        AdwToastOverlay *toasts,
                                                        GSettings       *settings);
/* The same for anything printable (the report for the therapist): name is
 * the print job's and the suggested file's, title the file chooser's. */
void               aftercare_printable_print           (AftercarePrintable *document,
                                                        const char         *name,
                                                        GtkWindow          *parent,
                                                        AdwToastOverlay    *toasts);
void               aftercare_printable_save_as_pdf     (AftercarePrintable *document,
                                                        const char         *name,
                                                        const char         *title,
                                                        GtkWindow          *parent,
                                                        AdwToastOverlay    *toasts,
                                                        GSettings          *settings);
/* Closes the "Save as PDF" file chooser over parent, if one is open,
 * saving nothing. */
void               aftercare_sheet_print_close_dialogs (GtkWindow *parent);
/* The "Save as PDF" file chooser on show over parent, or NULL. */
GtkFileChooser    *aftercare_sheet_print_get_dialog    (GtkWindow *parent);

/* The sheet for a session as the advisor assessed it, with the clinic's
 * name and contact from settings and clock times in the desktop's style. */
AftercareSheet    *aftercare_sheet_print_prepare       (AftercareSession    *session,
                                                        AftercareAssessment *assessment,
                                                        AftercarePlannedRun  planned_run,
                                                        GDateTime           *now,
                                                        GSettings           *settings,
                                                        gboolean             clock_24h);

G_END_DECLS
