/* keyboard.h: key presses and pointer moves for interface tests, sent through the X server as a keyboard and a mouse send them. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Presses and releases the keys of accelerator ("Return", "<Alt>Right",
 * "<Shift>Tab", "<Control>z") in the window widget is in, holding its
 * modifiers down meanwhile, and returns once GTK has handled them. The
 * keys go through the X server (XTest), so GTK receives a key press like
 * any other and runs its whole handling: capture and bubble phases,
 * shortcuts, mnemonics, focus moves. Fails the test without an X server. */
void keyboard_press  (GtkWidget  *widget,
                      const char *accelerator);
/* Presses each of the space-separated accelerators in turn. */
void keyboard_type   (GtkWidget  *widget,
                      const char *accelerators);
/* Moves the pointer over the middle of widget, through the X server as a
 * mouse moves it, and returns once GTK has handled the motion. */
void pointer_move_to (GtkWidget  *widget);

G_END_DECLS
