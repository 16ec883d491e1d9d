/* test-window.c: the real application window starts, with its three views, and remembers its size. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "aftercare-application.h"
#include "aftercare-window.h"

typedef struct {
  AftercareApplication *app;
  gboolean checked;
} Fixture;

static gboolean
quit_cb (gpointer data)
{
  Fixture *f = data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (f->app));

  gtk_window_set_default_size (window, 700, 500);
  gtk_window_close (window);
  return G_SOURCE_REMOVE;
}

static void
activate_after_cb (GApplication *app, Fixture *f)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  AdwViewStack *stack;
  static const char *views[] = { "sessions", "can-i-run", "massage-types" };

  g_assert_true (AFTERCARE_IS_WINDOW (window));
  g_assert_cmpstr (gtk_window_get_title (window), ==, "Aftercare");
  stack = ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                         AFTERCARE_TYPE_WINDOW, "stack"));
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      GtkWidget *child = adw_view_stack_get_child_by_name (stack, views[i]);
      AdwViewStackPage *page;

      g_assert_nonnull (child);
      page = adw_view_stack_get_page (stack, child);
      g_assert_nonnull (adw_view_stack_page_get_title (page));
      g_assert_nonnull (adw_view_stack_page_get_icon_name (page));
      /* Switch to each view so it is drawn: a warning while drawing fails the test. */
      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", views[i]);
      g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, views[i]);
    }
  f->checked = TRUE;
  g_timeout_add (500, quit_cb, f);
}

static void
test_window_has_three_views (void)
{
  Fixture f = { 0 };
  char *argv[] = { (char *) "aftercare", NULL };
  g_autoptr(GSettings) settings = NULL;
  int status;

  f.app = aftercare_application_new ();
  g_signal_connect_after (f.app, "activate", G_CALLBACK (activate_after_cb), &f);
  status = g_application_run (G_APPLICATION (f.app), 1, argv);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (f.checked);

  /* The size it closed with is the size it opens with next time. */
  settings = g_settings_new (APP_ID);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 700);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 500);
  g_object_unref (f.app);
}

static void
test_version_needs_no_display (void)
{
  const char *exe = g_getenv ("AFTERCARE_EXE");
  const char *argv[] = { exe, "--version", NULL };
  const char *envp[] = { "PATH=/usr/bin:/bin", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_assert_nonnull (exe);
  /* No DISPLAY, no WAYLAND_DISPLAY: nothing graphical may start. */
  g_spawn_sync (NULL, (char **) argv, (char **) envp, G_SPAWN_DEFAULT, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_cmpstr (out, ==, "aftercare " PACKAGE_VERSION "\n");
  g_assert_cmpstr (err, ==, "");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/window/has-three-views", test_window_has_three_views);
  g_test_add_func ("/cli/version-needs-no-display", test_version_needs_no_display);
  return g_test_run ();
}
