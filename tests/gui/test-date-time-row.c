/* test-date-time-row.c: the date and time picker holds still while you use it, and follows the 12/24-hour clock. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "aftercare-date-time-row.h"
#include "gui-test-util.h"

typedef struct {
  GtkWindow *window;
  AftercareDateTimeRow *row;
  GtkAdjustment *vadjustment;
} Fixture;

static GtkWidget *
child (Fixture *f, const char *name)
{
  GtkWidget *widget = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (f->row),
                                                                 AFTERCARE_TYPE_DATE_TIME_ROW, name));

  g_assert_nonnull (widget);
  return widget;
}

static GtkWidget *
new_group (const char *title, guint n_rows)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  for (guint i = 0; i < n_rows; i++)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), "Filler");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  return group;
}

/* The row as the session editor has it: in a scrolling page, a phone's
 * size, with rows above and below. */
static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *when = new_group ("When", 0);
  g_autoptr(GDateTime) at = g_date_time_new_local (2026, 11, 24, 21, 30, 0);

  f->window = GTK_WINDOW (gtk_window_new ());
  f->row = AFTERCARE_DATE_TIME_ROW (aftercare_date_time_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (f->row), "Ended");
  aftercare_date_time_row_set_date_time (f->row, at);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (when), GTK_WIDGET (f->row));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (new_group ("Massage", 5)));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (when));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (new_group ("Areas", 12)));
  gtk_window_set_child (f->window, page);
  gtk_window_set_default_size (f->window, 360, 720);
  gtk_window_present (f->window);
  gui_test_run_loop (80);
  f->vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (gtk_widget_get_ancestor (GTK_WIDGET (f->row),
                                                                                             GTK_TYPE_VIEWPORT)));
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (f->window);
}

static GdkPopup *
open_popover (Fixture *f)
{
  GtkPopover *popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (child (f, "button")));

  gtk_menu_button_popup (GTK_MENU_BUTTON (child (f, "button")));
  gui_test_run_loop (80);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (popover)));
  return GDK_POPUP (gtk_native_get_surface (GTK_NATIVE (popover)));
}

/* What a click on a spin button's + does: the spin takes the focus, and
 * its value goes up one step. */
static void
click_plus (Fixture *f, const char *spin)
{
  gtk_widget_grab_focus (child (f, spin));
  gtk_spin_button_spin (GTK_SPIN_BUTTON (child (f, spin)), GTK_SPIN_STEP_FORWARD, 1);
  gui_test_run_loop (80);
}

static void
assert_popover_at (Fixture *f, GdkPopup *popup, int x, int y, double scrolled)
{
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (child (f, "button"))))));
  g_assert_cmpfloat (gtk_adjustment_get_value (f->vadjustment), ==, scrolled);
  g_assert_cmpint (gdk_popup_get_position_x (popup), ==, x);
  g_assert_cmpint (gdk_popup_get_position_y (popup), ==, y);
}

static void
test_popover_holds_still (Fixture *f, gconstpointer data)
{
  GdkPopup *popup = open_popover (f);
  double scrolled = gtk_adjustment_get_value (f->vadjustment);
  int x = gdk_popup_get_position_x (popup);
  int y = gdk_popup_get_position_y (popup);
  g_autoptr(GDateTime) expected = g_date_time_new_local (2026, 11, 24, 23, 31, 0);

  /* Click after click on the same spot stays on the same button. */
  click_plus (f, "hour_spin");
  assert_popover_at (f, popup, x, y, scrolled);
  click_plus (f, "hour_spin");
  assert_popover_at (f, popup, x, y, scrolled);
  click_plus (f, "minute_spin");
  assert_popover_at (f, popup, x, y, scrolled);
  g_assert_true (g_date_time_equal (aftercare_date_time_row_get_date_time (f->row), expected));

  /* Closed, the page follows the keyboard again. */
  gtk_popover_popdown (gtk_menu_button_get_popover (GTK_MENU_BUTTON (child (f, "button"))));
  gui_test_run_loop (80);
  g_assert_true (gtk_viewport_get_scroll_to_focus (GTK_VIEWPORT (gtk_widget_get_ancestor (GTK_WIDGET (f->row),
                                                                                          GTK_TYPE_VIEWPORT))));
}

static const char *
text (Fixture *f, const char *name)
{
  return gtk_editable_get_text (GTK_EDITABLE (child (f, name)));
}

/* Activates a toggle button as a click or Space does, and waits for it. */
static void
press (Fixture *f, const char *name)
{
  GtkToggleButton *button = GTK_TOGGLE_BUTTON (child (f, name));
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  g_assert_true (gtk_widget_activate (GTK_WIDGET (button)));
  while (!gtk_toggle_button_get_active (button) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (gtk_toggle_button_get_active (button));
}

static int
hour (Fixture *f)
{
  return g_date_time_get_hour (aftercare_date_time_row_get_date_time (f->row));
}

static void
test_twelve_hour_clock_picks_am_or_pm (Fixture *f, gconstpointer data)
{
  g_assert_false (gtk_widget_get_visible (child (f, "period_box")));
  g_assert_cmpstr (text (f, "hour_spin"), ==, "21");

  aftercare_date_time_row_set_clock_24h (f->row, FALSE);
  g_assert_true (gtk_widget_get_visible (child (f, "period_box")));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (child (f, "am_button"))), ==, "AM");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (child (f, "pm_button"))), ==, "PM");
  g_assert_cmpstr (text (f, "hour_spin"), ==, "09");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (child (f, "pm_button"))));
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (child (f, "button"))), ==, "Tue 24 Nov, 9:30 PM");
  g_assert_cmpint (hour (f), ==, 21);

  /* The hour goes round 1–12; AM and PM say which half of the day. */
  open_popover (f);
  press (f, "am_button");
  g_assert_cmpint (hour (f), ==, 9);
  gtk_editable_set_text (GTK_EDITABLE (child (f, "hour_spin")), "12");
  g_assert_cmpint (hour (f), ==, 0);
  press (f, "pm_button");
  g_assert_cmpint (hour (f), ==, 12);
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (child (f, "button"))), ==, "Tue 24 Nov, 12:30 PM");
  gtk_spin_button_update (GTK_SPIN_BUTTON (child (f, "hour_spin")));
  gtk_spin_button_spin (GTK_SPIN_BUTTON (child (f, "hour_spin")), GTK_SPIN_STEP_FORWARD, 1);
  g_assert_cmpint (hour (f), ==, 13);
  g_assert_null (aftercare_date_time_row_get_error_message (f->row));

  /* 0 and 13 are not hours of a 12-hour clock. */
  gtk_editable_set_text (GTK_EDITABLE (child (f, "hour_spin")), "13");
  g_assert_nonnull (aftercare_date_time_row_get_error_message (f->row));
  g_assert_nonnull (strstr (aftercare_date_time_row_get_error_message (f->row), "1 to 12"));
  g_assert_cmpint (hour (f), ==, 13);
  gtk_editable_set_text (GTK_EDITABLE (child (f, "hour_spin")), "0");
  g_assert_nonnull (aftercare_date_time_row_get_error_message (f->row));

  /* Back on a 24-hour clock, the same time in 0–23. */
  aftercare_date_time_row_set_clock_24h (f->row, TRUE);
  g_assert_false (gtk_widget_get_visible (child (f, "period_box")));
  g_assert_null (aftercare_date_time_row_get_error_message (f->row));
  g_assert_cmpstr (text (f, "hour_spin"), ==, "13");
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (child (f, "button"))), ==, "Tue 24 Nov, 13:30");
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add ("/date-time-row/popover-holds-still", Fixture, NULL,
              fixture_set_up, test_popover_holds_still, fixture_tear_down);
  g_test_add ("/date-time-row/twelve-hour-clock-picks-am-or-pm", Fixture, NULL,
              fixture_set_up, test_twelve_hour_clock_picks_am_or_pm, fixture_tear_down);
  return g_test_run ();
}
