/* test-preferences-window.c: Preferences: the clock row says the clock the window's times follow (aftercare-preferences-window.c). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "aftercare-clock.h"
#include "aftercare-preferences-window.h"
#include "aftercare-settings.h"

static const char *
clock_row_subtitle (AftercarePreferencesWindow *preferences)
{
  GObject *row = gtk_widget_get_template_child (GTK_WIDGET (preferences),
                                                AFTERCARE_TYPE_PREFERENCES_WINDOW, "clock_row");

  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
}

/* The row follows the clock it was given, also when the desktop's
 * 12/24-hour setting changes while Preferences is open. */
static void
test_clock_row_follows_the_clock (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GSettings) desktop = aftercare_settings_new_desktop_clock ();
  g_autoptr(AftercareClock) clock = NULL;
  AftercarePreferencesWindow *preferences;

  /* GNOME's interface settings come from gsettings-desktop-schemas, which
   * the test command installs; without it there is nothing to follow. */
  if (desktop == NULL)
    {
      g_test_skip ("org.gnome.desktop.interface is not installed");
      return;
    }
  g_settings_set_string (desktop, "clock-format", "12h");
  clock = aftercare_clock_new ();
  preferences = aftercare_preferences_window_new (NULL, settings, clock);
  gtk_window_present (GTK_WINDOW (preferences));
  g_assert_nonnull (strstr (clock_row_subtitle (preferences), "12-hour, as in 6:00 PM"));
  g_settings_set_string (desktop, "clock-format", "24h");
  g_assert_nonnull (strstr (clock_row_subtitle (preferences), "24-hour, as in 18:00"));
  gtk_window_destroy (GTK_WINDOW (preferences));
  g_settings_reset (desktop, "clock-format");
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add_func ("/preferences-window/clock-row-follows-the-clock", test_clock_row_follows_the_clock);
  return g_test_run ();
}
