/* aftercare-backup-transfer.h: Export… and Import… from the window: a JSON backup or CSV, through the file chooser, with progress. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "aftercare-store.h"

G_BEGIN_DECLS

/* Asks where (starting in Documents) and writes every session and check-in
 * of store there: CSV when the name ends in .csv, else the JSON backup,
 * private to its owner (0600). A toast on toasts says what was written. */
void              aftercare_backup_transfer_export        (GtkWindow       *parent,
                                                           AftercareStore  *store,
                                                           AdwToastOverlay *toasts);
/* Asks for a file (starting in Documents) and imports it into store, all
 * or nothing (aftercare_backup_transfer_import_file()). */
void              aftercare_backup_transfer_import        (GtkWindow       *parent,
                                                           AftercareStore  *store,
                                                           AdwToastOverlay *toasts);

/* The same without asking. The export says so in a toast. The import reads
 * and checks the file in a thread while a dialog shows progress and offers
 * Cancel (then nothing is stored); the rows then go into store in one
 * transaction, and a toast counts what was added and what was already
 * there. A bad file imports nothing, and a dialog names its line and field. */
void              aftercare_backup_transfer_export_file   (GtkWindow       *parent,
                                                           AftercareStore  *store,
                                                           AdwToastOverlay *toasts,
                                                           GFile           *file);
void              aftercare_backup_transfer_import_file   (GtkWindow       *parent,
                                                           AftercareStore  *store,
                                                           AdwToastOverlay *toasts,
                                                           GFile           *file);

/* What is on show over parent, for tests and for closing when the desk
 * locks: the file chooser, the import's progress dialog (or NULL). */
GtkFileChooser   *aftercare_backup_transfer_get_chooser   (GtkWindow *parent);
AdwMessageDialog *aftercare_backup_transfer_get_progress  (GtkWindow *parent);
/* Closes both; a running import is cancelled and stores nothing. */
void              aftercare_backup_transfer_close         (GtkWindow *parent);

G_END_DECLS
