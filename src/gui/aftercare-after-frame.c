/* aftercare-after-frame.c: running something once the next frame of a widget's window is drawn, before the frame after it. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-after-frame"

#include "aftercare-after-frame.h"

static gboolean
run_cb (gpointer user_data)
{
  AftercareAfterFrame *wait = user_data;

  wait->idle_id = 0;
  wait->func (wait->data);
  return G_SOURCE_REMOVE;
}

/* Before the next frame, not at once: with the GL renderer each frame may
 * redraw the whole window, and everything waiting comes in one. */
static void
painted_cb (GdkFrameClock       *frame_clock,
            AftercareAfterFrame *wait)
{
  g_signal_handlers_disconnect_by_func (frame_clock, painted_cb, wait);
  g_clear_object (&wait->clock);
  wait->idle_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, run_cb, wait, NULL);
}

void
aftercare_after_frame_start (AftercareAfterFrame     *wait,
                             GtkWidget               *widget,
                             AftercareAfterFrameFunc  func,
                             gpointer                 data)
{
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (widget);

  g_return_if_fail (wait != NULL && func != NULL);
  g_return_if_fail (frame_clock != NULL);

  if (aftercare_after_frame_waiting (wait))
    return;
  wait->func = func;
  wait->data = data;
  wait->clock = g_object_ref (frame_clock);
  g_signal_connect (wait->clock, "after-paint", G_CALLBACK (painted_cb), wait);
}

void
aftercare_after_frame_stop (AftercareAfterFrame *wait)
{
  g_return_if_fail (wait != NULL);

  g_clear_handle_id (&wait->idle_id, g_source_remove);
  if (wait->clock == NULL)
    return;
  g_signal_handlers_disconnect_by_func (wait->clock, painted_cb, wait);
  g_clear_object (&wait->clock);
}

gboolean
aftercare_after_frame_waiting (const AftercareAfterFrame *wait)
{
  g_return_val_if_fail (wait != NULL, FALSE);

  return wait->clock != NULL || wait->idle_id != 0;
}
