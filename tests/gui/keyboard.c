/* keyboard.c: key presses and pointer moves for interface tests, sent through the X server as a keyboard and a mouse send them. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
/* GTK 4.8 has no way to hand a widget a key event: gtk_test_widget_send_key
 * is gone, and GdkEvents cannot be made outside GDK (gdk_display_put_event
 * needs one). Emitting a controller's signal would skip everything else a
 * key press meets on its way. The X server's XTest extension presses a key
 * as a keyboard does, so GTK gets the event from the server and handles it
 * exactly as it handles a person's. */
#include "config.h"

#include <gdk/x11/gdkx.h>
#include <X11/extensions/XTest.h>

#include "keyboard.h"

static const struct {
  GdkModifierType mask;
  guint keyval;
} modifier_keys[] = {
  { GDK_SHIFT_MASK, GDK_KEY_Shift_L },
  { GDK_CONTROL_MASK, GDK_KEY_Control_L },
  { GDK_ALT_MASK, GDK_KEY_Alt_L },
};

static Display *
x_display_of (GtkWidget *widget)
{
  GdkDisplay *display = gtk_widget_get_display (widget);

  if (!GDK_IS_X11_DISPLAY (display))
    g_error ("Key presses in tests need an X server (run under xvfb-run)");
  return gdk_x11_display_get_xdisplay (display);
}

/* The X server sends keys to the window with the input focus: this one.
 * A window the server has not made viewable yet refuses the focus (the
 * request fails with BadMatch) and the key would go elsewhere: under load
 * a test's first key was lost so. Asks again, letting GTK run meanwhile,
 * until the server says the window has the focus. */
static void
focus_window_of (GtkWidget *widget)
{
  GtkNative *native = gtk_widget_get_native (widget);
  GdkDisplay *display = gtk_widget_get_display (widget);
  Display *xdisplay = x_display_of (widget);
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  GdkSurface *surface;
  Window xid;

  g_assert_nonnull (native);
  /* A popover takes no input focus of its own: its window does. */
  while (GTK_IS_POPOVER (native))
    native = gtk_widget_get_native (gtk_widget_get_parent (GTK_WIDGET (native)));
  surface = gtk_native_get_surface (native);
  g_assert_nonnull (surface);
  xid = gdk_x11_surface_get_xid (surface);
  for (;;)
    {
      Window focused = None;
      int revert_to, failed;

      gdk_x11_display_error_trap_push (display);
      XSetInputFocus (xdisplay, xid, RevertToParent, CurrentTime);
      XSync (xdisplay, False);
      failed = gdk_x11_display_error_trap_pop (display);
      XGetInputFocus (xdisplay, &focused, &revert_to);
      if (!failed && focused == xid)
        return;
      if (g_get_monotonic_time () > end)
        g_error ("The window never took the keyboard focus");
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }
}

static void
send_key (Display *xdisplay,
          guint    keyval,
          gboolean press)
{
  KeyCode code = XKeysymToKeycode (xdisplay, keyval);

  if (code == 0)
    g_error ("The X server's keyboard has no key for %s", gdk_keyval_name (keyval));
  XTestFakeKeyEvent (xdisplay, code, press, CurrentTime);
}

/* Everything the server sent is read once XSync returns; GTK handles it,
 * and whatever it put off to an idle moment, before this returns. */
static void
let_gtk_handle (Display *xdisplay)
{
  gint64 end;

  XSync (xdisplay, False);
  end = g_get_monotonic_time () + 30 * 1000;
  while (g_get_monotonic_time () < end)
    {
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

void
keyboard_press (GtkWidget  *widget,
                const char *accelerator)
{
  Display *xdisplay = x_display_of (widget);
  GdkModifierType modifiers;
  guint keyval;

  if (!gtk_accelerator_parse (accelerator, &keyval, &modifiers) || keyval == 0)
    g_error ("“%s” is not a key", accelerator);
  focus_window_of (widget);
  for (guint i = 0; i < G_N_ELEMENTS (modifier_keys); i++)
    if (modifiers & modifier_keys[i].mask)
      send_key (xdisplay, modifier_keys[i].keyval, TRUE);
  send_key (xdisplay, keyval, TRUE);
  send_key (xdisplay, keyval, FALSE);
  for (guint i = G_N_ELEMENTS (modifier_keys); i-- > 0; )
    if (modifiers & modifier_keys[i].mask)
      send_key (xdisplay, modifier_keys[i].keyval, FALSE);
  let_gtk_handle (xdisplay);
}

void
keyboard_type (GtkWidget  *widget,
               const char *accelerators)
{
  g_auto(GStrv) keys = g_strsplit (accelerators, " ", -1);

  for (guint i = 0; keys[i] != NULL; i++)
    if (*keys[i] != '\0')
      keyboard_press (widget, keys[i]);
}

void
pointer_move_to (GtkWidget *widget)
{
  Display *xdisplay = x_display_of (widget);
  GtkNative *native = gtk_widget_get_native (widget);
  graphene_point_t centre = GRAPHENE_POINT_INIT (gtk_widget_get_width (widget) / 2.f,
                                                 gtk_widget_get_height (widget) / 2.f);
  graphene_point_t in_native;
  double surface_x, surface_y;
  int root_x, root_y;
  Window child;

  g_assert_nonnull (native);
  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native), &centre, &in_native));
  /* The surface holds the window's shadow around it too. */
  gtk_native_get_surface_transform (native, &surface_x, &surface_y);
  XTranslateCoordinates (xdisplay, gdk_x11_surface_get_xid (gtk_native_get_surface (native)),
                         DefaultRootWindow (xdisplay), (int) (in_native.x + surface_x),
                         (int) (in_native.y + surface_y), &root_x, &root_y, &child);
  /* From a pixel away: a pointer already there would not move at all. */
  XTestFakeMotionEvent (xdisplay, -1, root_x - 1, root_y - 1, CurrentTime);
  XTestFakeMotionEvent (xdisplay, -1, root_x, root_y, CurrentTime);
  let_gtk_handle (xdisplay);
}
