/* aftercare-sheet.h: the printed aftercare sheet, laid out with cairo and Pango alone (no GTK), for paper and PDF alike. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "aftercare-assessment.h"
#include "aftercare-session.h"

G_BEGIN_DECLS

/* Paper sizes in points (1/72 inch), portrait. */
#define AFTERCARE_SHEET_A4_WIDTH      595.2756
#define AFTERCARE_SHEET_A4_HEIGHT     841.8898
#define AFTERCARE_SHEET_LETTER_WIDTH  612.0
#define AFTERCARE_SHEET_LETTER_HEIGHT 792.0

#define AFTERCARE_SHEET_ERROR (aftercare_sheet_error_quark ())
typedef enum {
  AFTERCARE_SHEET_ERROR_WRITE,   /* the PDF could not be written */
} AftercareSheetError;
GQuark aftercare_sheet_error_quark (void);

/* Implements AftercarePrintable (aftercare-printable.h). */
#define AFTERCARE_TYPE_SHEET (aftercare_sheet_get_type ())
G_DECLARE_FINAL_TYPE (AftercareSheet, aftercare_sheet, AFTERCARE, SHEET, GObject)

/* A sheet for session as assessed, printed at now (the plan's clock times
 * are written relative to it, "tomorrow 02:30", in its time zone: pass
 * local time). planned_run must be the run assessed: the sheet plans for
 * the assessment's run, never another. The client's name defaults to the
 * session's client. Properties: "session", "assessment", "now"
 * (construct-only), "clinic-name", "clinic-contact" (a phone, an address
 * or a web address, printed beside "call your therapist"; nothing when
 * empty), "client-name", "clock-24h" (default TRUE). */
AftercareSheet      *aftercare_sheet_new             (AftercareSession    *session,
                                                      AftercareAssessment *assessment,
                                                      AftercarePlannedRun  planned_run,
                                                      GDateTime           *now);

AftercareSession    *aftercare_sheet_get_session     (AftercareSheet *self);
AftercareAssessment *aftercare_sheet_get_assessment  (AftercareSheet *self);
GDateTime           *aftercare_sheet_get_now         (AftercareSheet *self);
const char          *aftercare_sheet_get_clinic_name (AftercareSheet *self);
void                 aftercare_sheet_set_clinic_name (AftercareSheet *self, const char *clinic_name);
const char          *aftercare_sheet_get_clinic_contact (AftercareSheet *self);
void                 aftercare_sheet_set_clinic_contact (AftercareSheet *self, const char *clinic_contact);
const char          *aftercare_sheet_get_client_name (AftercareSheet *self);
void                 aftercare_sheet_set_client_name (AftercareSheet *self, const char *client_name);
AftercarePlannedRun  aftercare_sheet_get_planned_run (AftercareSheet *self);
gboolean             aftercare_sheet_get_clock_24h   (AftercareSheet *self);
void                 aftercare_sheet_set_clock_24h   (AftercareSheet *self, gboolean clock_24h);

/* How many pages the sheet takes on paper of this size (points; any
 * orientation). Text that does not fit moves on; nothing is cut. */
guint                aftercare_sheet_get_n_pages     (AftercareSheet *self,
                                                      double          page_width,
                                                      double          page_height);
/* Draws page page_nr (from 0) on cr, whose user space is the page in
 * points with the origin at its top left corner. The sheet keeps its own
 * margins, wider than any printer's unprintable edge. */
void                 aftercare_sheet_draw_page       (AftercareSheet *self,
                                                      cairo_t        *cr,
                                                      double          page_width,
                                                      double          page_height,
                                                      guint           page_nr);
/* Writes every page to a PDF file at path. */
gboolean             aftercare_sheet_write_pdf       (AftercareSheet *self,
                                                      const char     *path,
                                                      double          page_width,
                                                      double          page_height,
                                                      GError        **error);

G_END_DECLS
