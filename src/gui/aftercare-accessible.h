/* aftercare-accessible.h: the names a screen reader reads, set right where GTK 4.8 gets them wrong. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* From now on, every control in every window, dialog and popover is read
 * by one clean name, set again whenever what names it changes. GTK 4.8
 * reads a button with a mnemonic by its raw label and its text ("_Next
 * Next"), a control both named and labelled by its row twice ("Clinic
 * Mode Clinic Mode"), and one with no name by its class ("GtkImage").
 * Call once, after GTK is initialised. */
void  aftercare_accessible_install        (void);

/* The text a label with mnemonics shows: "Save as P_DF…" → "Save as PDF…",
 * "a__b" → "a_b". */
char *aftercare_accessible_strip_mnemonic (const char *label);

G_END_DECLS
