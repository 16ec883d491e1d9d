/* aftercare-undo.h: the last deletion, offered back in a toast: its Undo button, Ctrl+Z and win.undo undo it. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The window's action that undoes; the toast's button and Ctrl+Z use it. */
#define AFTERCARE_UNDO_ACTION "win.undo"

/* Puts back what was deleted; FALSE with error when it cannot. */
typedef gboolean (*AftercareUndoFunc) (gpointer data, GError **error);

#define AFTERCARE_TYPE_UNDO (aftercare_undo_get_type ())
G_DECLARE_FINAL_TYPE (AftercareUndo, aftercare_undo, AFTERCARE, UNDO, GObject)

/* The undo whose toasts show in toasts; the views under that overlay find
 * it with aftercare_undo_get_for_widget(). Property "can-undo". */
AftercareUndo *aftercare_undo_new             (AdwToastOverlay   *toasts);
/* The undo of the toast overlay widget sits in, or NULL. */
AftercareUndo *aftercare_undo_get_for_widget  (GtkWidget         *widget);
/* Shows title ("Deep tissue, Mon 7 Dec deleted") with an Undo button;
 * until something else is offered, undoing calls func with data. */
void           aftercare_undo_offer           (AftercareUndo     *self,
                                               const char        *title,
                                               AftercareUndoFunc  func,
                                               gpointer           data,
                                               GDestroyNotify     destroy);
gboolean       aftercare_undo_get_can_undo    (AftercareUndo     *self);
/* Undoes the deletion on offer and dismisses its toast. */
gboolean       aftercare_undo_run             (AftercareUndo     *self,
                                               GError           **error);
/* Nothing can be undone any more (the sessions were locked, say). */
void           aftercare_undo_forget          (AftercareUndo     *self);

G_END_DECLS
