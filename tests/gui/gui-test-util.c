/* gui-test-util.c: what the interface tests share. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "gui-test-util.h"

static void
set_done_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
}

void
gui_test_run_loop (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add_once (ms, set_done_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}
