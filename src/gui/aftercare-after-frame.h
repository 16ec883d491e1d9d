/* aftercare-after-frame.h: running something once the next frame of a widget's window is drawn, before the frame after it. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef void (*AftercareAfterFrameFunc) (gpointer data);

/* A wait, kept in the widget that waits (zeroed with it). */
typedef struct
{
  GdkFrameClock *clock;         /* waited on for its after-paint */
  guint idle_id;
  AftercareAfterFrameFunc func;
  gpointer data;
} AftercareAfterFrame;

/* Runs func (data) once the next frame of widget's window is drawn, so
 * its layout is done (what it left off screen is unmapped), from a
 * high-priority idle: whatever waits on the same frame lands together in
 * the one after it. Waiting already, it goes on waiting as it was. */
void     aftercare_after_frame_start   (AftercareAfterFrame     *wait,
                                        GtkWidget               *widget,
                                        AftercareAfterFrameFunc  func,
                                        gpointer                 data);
/* Stops waiting: func is not run. */
void     aftercare_after_frame_stop    (AftercareAfterFrame     *wait);
gboolean aftercare_after_frame_waiting (const AftercareAfterFrame *wait);

G_END_DECLS
