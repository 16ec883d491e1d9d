/* bare-window.c: the baseline of the start-up benchmark: an empty AdwApplicationWindow, started as Aftercare starts (not a test, not installed). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <adwaita.h>

/* Prints the first frame's time (microseconds since the epoch), as
 * Aftercare does when AFTERCARE_REPORT_FIRST_FRAME is set. */
static void
first_frame_cb (GdkFrameClock *frame_clock,
                gpointer       data)
{
  g_signal_handlers_disconnect_by_func (frame_clock, first_frame_cb, data);
  g_printerr ("aftercare-first-frame-us=%" G_GINT64_FORMAT "\n", g_get_real_time ());
}

static void
realize_cb (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (first_frame_cb), NULL);
}

static void
activate_cb (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));

  /* Aftercare's default size. */
  gtk_window_set_default_size (GTK_WINDOW (window), 960, 720);
  gtk_window_set_title (GTK_WINDOW (window), "Aftercare");
  g_signal_connect (window, "realize", G_CALLBACK (realize_cb), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = adw_application_new ("io.github.aftercare.BareWindow",
                                                       G_APPLICATION_NON_UNIQUE);

  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
