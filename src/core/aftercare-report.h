/* aftercare-report.h: a report for the therapist: massages, their timelines and check-ins, in plain words (cairo and Pango, no GTK). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "aftercare-printable.h"

#include "aftercare-pattern.h"
#include "aftercare-session.h"

G_BEGIN_DECLS

#define AFTERCARE_REPORT_ERROR (aftercare_report_error_quark ())
typedef enum {
  AFTERCARE_REPORT_ERROR_WRITE,   /* the PDF could not be written */
} AftercareReportError;
GQuark aftercare_report_error_quark (void);

/* Implements AftercarePrintable (aftercare-printable.h). */
#define AFTERCARE_TYPE_REPORT (aftercare_report_get_type ())
G_DECLARE_FINAL_TYPE (AftercareReport, aftercare_report, AFTERCARE, REPORT, GObject)

/* A report printed at now (local time: its dates are written in now's
 * time zone) for client_name ("" or NULL: the person's own). */
AftercareReport *aftercare_report_new          (GDateTime        *now,
                                                gboolean          clock_24h,
                                                const char       *client_name);
/* The name for a print job or a file: "Report for the therapist", or
 * "Report on Ana's recovery" for a client. */
char            *aftercare_report_get_name     (AftercareReport  *self);

/* Adds a massage with its check-ins (any order; same-instant check-ins are
 * one moment), in the order they are to appear: newest first. */
void             aftercare_report_add_session  (AftercareReport  *self,
                                                AftercareSession *session,
                                                GPtrArray        *checkins);
/* Your own pattern for the massages' kind, drawn on each timeline and
 * put in words (NULL for none). Copied. */
void             aftercare_report_set_pattern  (AftercareReport               *self,
                                                const AftercarePatternSummary *pattern);
guint            aftercare_report_get_n_sessions (AftercareReport *self);

/* Pages as for the sheet: sizes in points, page_nr from 0. */
guint            aftercare_report_get_n_pages  (AftercareReport *self,
                                                double           page_width,
                                                double           page_height);
void             aftercare_report_draw_page    (AftercareReport *self,
                                                cairo_t         *cr,
                                                double           page_width,
                                                double           page_height,
                                                guint            page_nr);
gboolean         aftercare_report_write_pdf    (AftercareReport *self,
                                                const char      *path,
                                                double           page_width,
                                                double           page_height,
                                                GError         **error);

/* One massage's recovery in plain words: "Sore 6/10 12 to 24 hours after,
 * with bruising; mild by about 40 hours." */
char            *aftercare_report_describe_recovery (AftercareSession *session,
                                                     GPtrArray        *checkins);

G_END_DECLS
