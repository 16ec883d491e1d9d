/* aftercare-session-row.c: one massage in the sessions list: what, when, latest soreness and today's verdict. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-session-row"

#include "config.h"

#include <glib/gi18n.h>

#include "aftercare-advisor.h"
#include "aftercare-after-frame.h"
#include "aftercare-labels.h"
#include "aftercare-session-assess.h"
#include "aftercare-session-row.h"
#include "aftercare-time.h"
#include "aftercare-timeline.h"
#include "aftercare-verdict-card.h"
#include "aftercare-verdict-style.h"

struct _AftercareSessionRow
{
  GtkBox parent_instance;

  GtkLabel *title_label;
  GtkLabel *subtitle_label;
  GtkLabel *last_checkin_label;
  GtkLabel *soreness_label;
  GtkLabel *badge;
  char *badge_tooltip;          /* the verdict's headline, the badge's tooltip */
  GMenuModel *context_menu_model;

  GtkWidget *context_menu;
  AftercareStore *store;
  AftercareClock *clock;
  AftercareSession *session;
  AftercareVerdict verdict;
  gboolean verdict_stale;
  guint refresh_id;
  AftercareAfterFrame read_wait;  /* mapped: the frame after which the verdict is read */
};

G_DEFINE_FINAL_TYPE (AftercareSessionRow, aftercare_session_row, GTK_TYPE_BOX)

static void refresh (AftercareSessionRow *self);

static void
refresh_timeout_cb (gpointer data)
{
  AftercareSessionRow *self = data;

  self->refresh_id = 0;
  refresh (self);
}

static void
schedule_refresh (AftercareSessionRow *self,
                  GDateTime           *now)
{
  g_autoptr(GDateTime) boundary = NULL;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  boundary = aftercare_timeline_next_boundary (aftercare_session_get_ended_at (self->session), now);
  /* The verdict can only change when a phase ends: wake then, not before. */
  if (boundary != NULL)
    self->refresh_id = aftercare_clock_call_at (self->clock, boundary, refresh_timeout_cb, self);
}

static void
show_verdict (AftercareSessionRow  *self,
              AftercareAssessment  *assessment,
              AftercareVerdictCard *card)
{
  int soreness = aftercare_assessment_get_soreness (assessment);
  GtkWidget *badge = GTK_WIDGET (self->badge);

  self->verdict = card->verdict;
  if (card->recovered)
    aftercare_verdict_apply_neutral_style (badge);
  else
    aftercare_verdict_apply_style (badge, self->verdict);
  gtk_label_set_label (self->badge, card->recovered ? card->headline
                                                    : aftercare_verdict_get_badge_label (self->verdict));
  /* The badge's tooltip is given when asked for (query-tooltip): set
   * with gtk_widget_set_tooltip_text (), each row bound on screen, every
   * scroll, would make GTK 4.8 look under the pointer and wait half a
   * second to show a tooltip there. */
  g_free (self->badge_tooltip);
  self->badge_tooltip = g_strdup (card->headline);
  gtk_accessible_update_property (GTK_ACCESSIBLE (badge), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, card->headline, -1);
  gtk_widget_set_visible (GTK_WIDGET (self->last_checkin_label), card->last_checkin != NULL);
  if (card->last_checkin != NULL)
    gtk_label_set_label (self->last_checkin_label, card->last_checkin);

  gtk_widget_set_visible (GTK_WIDGET (self->soreness_label), soreness >= 0);
  if (soreness >= 0)
    {
      /* Translators: the latest soreness on the 0–10 scale, "3/10". */
      g_autofree char *text = g_strdup_printf (_("%d/10"), soreness);

      gtk_label_set_label (self->soreness_label, text);
    }
}

static gboolean
badge_query_tooltip_cb (GtkWidget           *badge,
                        int                  x,
                        int                  y,
                        gboolean             keyboard_mode,
                        GtkTooltip          *tooltip,
                        AftercareSessionRow *self)
{
  if (self->badge_tooltip == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, self->badge_tooltip);
  return TRUE;
}

static void
hide_verdict (AftercareSessionRow *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->badge), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->soreness_label), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->last_checkin_label), FALSE);
}

static void
show_session (AftercareSessionRow *self,
              GDateTime           *now)
{
  AftercareSession *s = self->session;
  g_autofree char *title = aftercare_massage_get_title (aftercare_session_get_massage_type (s),
                                                           aftercare_session_get_pressure (s));
  g_autofree char *when = aftercare_time_format_day_and_time (aftercare_session_get_ended_at (s), now,
                                                         aftercare_clock_get_24h (self->clock));
  const char *client = aftercare_session_get_client (s);

  gtk_label_set_label (self->title_label, title);
  if (client != NULL && *client != '\0')
    {
      /* Translators: a session's subtitle, "Tue 24 Nov, 10:00 · Jordan Avery". */
      g_autofree char *subtitle = g_strdup_printf (_("%s · %s"), when, client);

      gtk_label_set_label (self->subtitle_label, subtitle);
    }
  else
    {
      gtk_label_set_label (self->subtitle_label, when);
    }
}

static void
refresh (AftercareSessionRow *self)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) local_now = NULL;
  g_autoptr(AftercareAssessment) assessment = NULL;
  g_autoptr(AftercareVerdictCard) card = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->session == NULL)
    return;

  now = aftercare_clock_get_now (self->clock);
  show_session (self, now);
  /* The list binds rows beyond the screen too (GTK 4.8 keeps up to 200):
   * only a row on screen reads its check-ins; the others do when shown. */
  self->verdict_stale = !gtk_widget_get_mapped (GTK_WIDGET (self));
  if (self->verdict_stale)
    {
      hide_verdict (self);
      return;
    }
  assessment = aftercare_session_assess (self->store, self->session, NULL, AFTERCARE_PLANNED_RUN_EASY,
                                         now, NULL, &error);
  if (assessment == NULL)
    {
      /* The row still names the session; without its check-ins it cannot
       * give a verdict, and guessing one would mislead. */
      g_warning ("No verdict for %s: %s", aftercare_session_get_id (self->session), error->message);
      hide_verdict (self);
      return;
    }
  local_now = g_date_time_to_local (now);
  card = aftercare_verdict_card_new (assessment, local_now, aftercare_clock_get_24h (self->clock));
  gtk_widget_set_visible (GTK_WIDGET (self->badge), TRUE);
  show_verdict (self, assessment, card);
  schedule_refresh (self, now);
}

static void
checkins_changed_cb (AftercareStore      *store,
                     const char          *session_id,
                     AftercareSessionRow *self)
{
  if (self->session != NULL && g_strcmp0 (session_id, aftercare_session_get_id (self->session)) == 0)
    refresh (self);
}

static void
session_changed_cb (AftercareStore      *store,
                    const char          *session_id,
                    AftercareSessionRow *self)
{
  /* An edit changes the row's object in place: the list does not bind it again. */
  checkins_changed_cb (store, session_id, self);
}

static void
clock_changed_cb (AftercareSessionRow *self)
{
  refresh (self);
}

static void
popup_context_menu (AftercareSessionRow *self,
                    double               x,
                    double               y)
{
  if (self->session == NULL)
    return;
  /* Made when first opened: most rows never open theirs, and a popover
   * menu is the larger part of a row's cost (issue 15). */
  if (self->context_menu == NULL)
    {
      self->context_menu = gtk_popover_menu_new_from_model (self->context_menu_model);
      gtk_popover_set_has_arrow (GTK_POPOVER (self->context_menu), FALSE);
      gtk_widget_set_halign (self->context_menu, GTK_ALIGN_START);
      gtk_widget_set_parent (self->context_menu, GTK_WIDGET (self));
    }
  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_menu),
                               &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->context_menu));
}

static void
secondary_click_pressed_cb (GtkGestureClick     *gesture,
                            int                  n_press,
                            double               x,
                            double               y,
                            AftercareSessionRow *self)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  popup_context_menu (self, x, y);
}

static void
long_press_pressed_cb (GtkGestureLongPress *gesture,
                       double               x,
                       double               y,
                       AftercareSessionRow *self)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  popup_context_menu (self, x, y);
}

static void
primary_click_released_cb (GtkGestureClick     *gesture,
                           int                  n_press,
                           double               x,
                           double               y,
                           AftercareSessionRow *self)
{
  /* The list selects the row itself; this brings its page on a narrow window. */
  if (n_press == 1 && self->session != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "sessions.open", "s",
                                aftercare_session_get_id (self->session));
}

static void
forward_action (AftercareSessionRow *self,
                const char          *action_name)
{
  g_return_if_fail (self->session != NULL);
  gtk_widget_activate_action (GTK_WIDGET (self), action_name, "s",
                              aftercare_session_get_id (self->session));
}

static void
edit_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  forward_action (AFTERCARE_SESSION_ROW (widget), "sessions.edit");
}

static void
delete_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  forward_action (AFTERCARE_SESSION_ROW (widget), "sessions.delete");
}

static void
read_if_shown (gpointer data)
{
  AftercareSessionRow *self = data;

  if (self->verdict_stale && gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (self);
}

static void
aftercare_session_row_map (GtkWidget *widget)
{
  AftercareSessionRow *self = AFTERCARE_SESSION_ROW (widget);

  GTK_WIDGET_CLASS (aftercare_session_row_parent_class)->map (widget);
  /* The list maps every new row, then unmaps those it lays out off screen,
   * in a layout that may be the next frame's (rows made for a longer
   * list): read nothing until a frame has been drawn. The frame after it
   * brings every new row's verdict at once, and with the window's first,
   * what the session page shows below its fold. */
  if (self->verdict_stale)
    aftercare_after_frame_start (&self->read_wait, widget, read_if_shown, self);
}

static void
aftercare_session_row_unmap (GtkWidget *widget)
{
  AftercareSessionRow *self = AFTERCARE_SESSION_ROW (widget);

  /* Off screen, nothing to keep current: the next map reads afresh. */
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  aftercare_after_frame_stop (&self->read_wait);
  self->verdict_stale = TRUE;
  hide_verdict (self);
  GTK_WIDGET_CLASS (aftercare_session_row_parent_class)->unmap (widget);
}

static void
aftercare_session_row_dispose (GObject *object)
{
  AftercareSessionRow *self = AFTERCARE_SESSION_ROW (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  aftercare_after_frame_stop (&self->read_wait);
  g_clear_pointer (&self->context_menu, gtk_widget_unparent);
  g_clear_object (&self->session);
  g_clear_object (&self->store);
  g_clear_object (&self->clock);
  g_clear_pointer (&self->badge_tooltip, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (object), AFTERCARE_TYPE_SESSION_ROW);
  G_OBJECT_CLASS (aftercare_session_row_parent_class)->dispose (object);
}

static void
aftercare_session_row_class_init (AftercareSessionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aftercare_session_row_dispose;
  widget_class->map = aftercare_session_row_map;
  widget_class->unmap = aftercare_session_row_unmap;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/aftercare-session-row.ui");
  gtk_widget_class_bind_template_child (widget_class, AftercareSessionRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, AftercareSessionRow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, AftercareSessionRow, last_checkin_label);
  gtk_widget_class_bind_template_child (widget_class, AftercareSessionRow, soreness_label);
  gtk_widget_class_bind_template_child (widget_class, AftercareSessionRow, badge);
  gtk_widget_class_bind_template_child (widget_class, AftercareSessionRow, context_menu_model);

  gtk_widget_class_install_action (widget_class, "row.edit", NULL, edit_action_cb);
  gtk_widget_class_install_action (widget_class, "row.delete", NULL, delete_action_cb);
}

static void
add_context_gestures (AftercareSessionRow *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *primary = gtk_gesture_click_new ();
  GtkGesture *long_press = gtk_gesture_long_press_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (secondary_click_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (primary), GDK_BUTTON_PRIMARY);
  g_signal_connect (primary, "released", G_CALLBACK (primary_click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (primary));

  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (long_press), TRUE);
  g_signal_connect (long_press, "pressed", G_CALLBACK (long_press_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (long_press));
}

static void
aftercare_session_row_init (AftercareSessionRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_has_tooltip (GTK_WIDGET (self->badge), TRUE);
  g_signal_connect (self->badge, "query-tooltip", G_CALLBACK (badge_query_tooltip_cb), self);
  add_context_gestures (self);
}

GtkWidget *
aftercare_session_row_new (AftercareStore *store,
                           AftercareClock *clock)
{
  AftercareSessionRow *self;

  g_return_val_if_fail (AFTERCARE_IS_STORE (store), NULL);
  g_return_val_if_fail (AFTERCARE_IS_CLOCK (clock), NULL);

  self = g_object_new (AFTERCARE_TYPE_SESSION_ROW, NULL);
  self->store = g_object_ref (store);
  self->clock = g_object_ref (clock);
  g_signal_connect_object (store, "checkins-changed", G_CALLBACK (checkins_changed_cb), self, 0);
  g_signal_connect_object (store, "session-changed", G_CALLBACK (session_changed_cb), self, 0);
  g_signal_connect_object (clock, "jumped", G_CALLBACK (clock_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (clock, "notify::clock-24h", G_CALLBACK (clock_changed_cb), self, G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}

AftercareSession *
aftercare_session_row_get_session (AftercareSessionRow *self)
{
  g_return_val_if_fail (AFTERCARE_IS_SESSION_ROW (self), NULL);
  return self->session;
}

void
aftercare_session_row_set_session (AftercareSessionRow *self,
                                   AftercareSession    *session)
{
  g_return_if_fail (AFTERCARE_IS_SESSION_ROW (self));
  g_return_if_fail (session == NULL || AFTERCARE_IS_SESSION (session));

  /* The same object may come back changed (an edit): always refresh. */
  g_set_object (&self->session, session);
  if (session == NULL && self->context_menu != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->context_menu));
  refresh (self);
}

AftercareVerdict
aftercare_session_row_get_verdict (AftercareSessionRow *self)
{
  g_return_val_if_fail (AFTERCARE_IS_SESSION_ROW (self), AFTERCARE_VERDICT_TRAIN);
  return self->verdict;
}
