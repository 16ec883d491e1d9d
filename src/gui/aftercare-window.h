/* aftercare-window.h: the main window: a view switcher over the three places. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "aftercare-clinic-mode.h"
#include "aftercare-clock.h"
#include "aftercare-sheet.h"
#include "aftercare-store.h"
#include "aftercare-wizard.h"

G_BEGIN_DECLS

#define AFTERCARE_TYPE_WINDOW (aftercare_window_get_type ())
G_DECLARE_FINAL_TYPE (AftercareWindow, aftercare_window, AFTERCARE, WINDOW, AdwApplicationWindow)

/* A window of application over the database at db_path (NULL: the
 * default one), remembering its size and choices in settings. */
AftercareWindow     *aftercare_window_new               (GtkApplication *application,
                                                         const char     *db_path,
                                                         GSettings      *settings);
AftercareClinicMode *aftercare_window_get_clinic_mode   (AftercareWindow *self);
/* In clinic mode, while locked and with a staff PIN set, shows the lock
 * page with title ("Preferences Need the Staff PIN") and reason ("Enter
 * the staff PIN to open Preferences.") and returns TRUE: the caller stops
 * there, and the right PIN activates action_name ("app.preferences"),
 * which then finds nothing in the way. A later request replaces it. FALSE
 * when nothing stands in the way. */
gboolean             aftercare_window_ask_for_staff_pin (AftercareWindow *self,
                                                         const char      *title,
                                                         const char      *reason,
                                                         const char      *action_name);

/* The aftercare sheet for what the window shows (the wizard's verdict),
 * with the clinic's name; NULL when nothing on screen has a verdict.
 * Ctrl+P (win.print-sheet) prints it; win.save-sheet-pdf saves it. */
AftercareSheet      *aftercare_window_create_sheet      (AftercareWindow *self);
/* The store the window opened (--db, or the default location), or NULL
 * while it cannot be opened (the window then says why). */
AftercareStore      *aftercare_window_get_store         (AftercareWindow *self);
/* Shows the session with this id on the sessions view and, with
 * check_in, opens a new check-in of it (a reminder's "Check In"). In
 * clinic mode, while locked, it shows nothing. */
void                 aftercare_window_open_session      (AftercareWindow *self,
                                                         const char      *session_id,
                                                         gboolean         check_in);
/* The time for every view; tests set it. */
AftercareClock      *aftercare_window_get_clock         (AftercareWindow *self);
/* The views other than the sessions, built when first shown (or asked for). */
AftercareWizard     *aftercare_window_get_wizard        (AftercareWindow *self);
GtkWidget           *aftercare_window_get_reference_view (AftercareWindow *self);

G_END_DECLS
