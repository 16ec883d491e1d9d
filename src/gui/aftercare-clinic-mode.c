/* aftercare-clinic-mode.c: clinic mode's state: the staff lock and the idle timer that returns the desk to a clean start. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-clinic-mode"

#include "config.h"

#include <math.h>

#include "aftercare-clinic-mode.h"
#include "aftercare-pin.h"

struct _AftercareClinicMode
{
  GObject parent_instance;

  GSettings *settings;
  gboolean enabled;
  gboolean unlocked;
  gint64 last_activity;        /* monotonic, microseconds */
  guint idle_source;
  gboolean idle_fired;         /* once per quiet spell */
  gboolean warning;            /* the idle reset is near */
  double pointer_x;            /* where the pointer last was, in the window */
  double pointer_y;
};

G_DEFINE_FINAL_TYPE (AftercareClinicMode, aftercare_clinic_mode, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ENABLED,
  PROP_LOCKED,
  PROP_HAS_PIN,
  PROP_WARNING,
  N_PROPS
};

enum {
  IDLE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void schedule_idle (AftercareClinicMode *self);

static gint64
idle_timeout_usec (AftercareClinicMode *self)
{
  return (gint64) g_settings_get_uint (self->settings, "idle-timeout") * G_USEC_PER_SEC;
}

/* How long before the reset the warning comes: 10 s, or half a shorter
 * idle time, so the warning never comes before the person stopped. */
static gint64
warning_usec (AftercareClinicMode *self)
{
  return MIN (AFTERCARE_CLINIC_MODE_WARNING_SECONDS * G_USEC_PER_SEC, idle_timeout_usec (self) / 2);
}

static void
set_warning (AftercareClinicMode *self,
             gboolean             warning)
{
  if (self->warning == warning)
    return;
  self->warning = warning;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WARNING]);
}

static void
set_unlocked (AftercareClinicMode *self,
              gboolean             unlocked)
{
  if (self->unlocked == unlocked)
    return;
  self->unlocked = unlocked;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCKED]);
}

static gboolean
idle_timeout_cb (gpointer data)
{
  AftercareClinicMode *self = data;
  gint64 quiet = g_get_monotonic_time () - self->last_activity;

  self->idle_source = 0;
  if (!self->enabled)
    return G_SOURCE_REMOVE;
  if (quiet < idle_timeout_usec (self))
    {
      /* The warning's time, or someone came by meanwhile. */
      if (quiet >= idle_timeout_usec (self) - warning_usec (self))
        set_warning (self, TRUE);
      schedule_idle (self);
      return G_SOURCE_REMOVE;
    }
  self->idle_fired = TRUE;
  set_warning (self, FALSE);
  set_unlocked (self, FALSE);
  g_signal_emit (self, signals[IDLE], 0);
  return G_SOURCE_REMOVE;
}

/* One timer for the rest of the quiet spell (to the warning first, then to
 * the reset); activity only records the time, so a moving pointer costs
 * nothing. */
static void
schedule_idle (AftercareClinicMode *self)
{
  gint64 due = self->last_activity + idle_timeout_usec (self);
  gint64 remaining;

  if (!self->warning)
    due -= warning_usec (self);
  remaining = due - g_get_monotonic_time ();

  g_clear_handle_id (&self->idle_source, g_source_remove);
  if (!self->enabled || self->idle_fired)
    return;
  self->idle_source = g_timeout_add (MAX (remaining, 0) / 1000 + 1, idle_timeout_cb, self);
}

void
aftercare_clinic_mode_note_activity (AftercareClinicMode *self)
{
  g_return_if_fail (AFTERCARE_IS_CLINIC_MODE (self));
  self->last_activity = g_get_monotonic_time ();
  self->idle_fired = FALSE;
  if (self->warning)
    {
      set_warning (self, FALSE);
      schedule_idle (self);      /* to the next warning, not the reset */
    }
  if (self->enabled && self->idle_source == 0)
    schedule_idle (self);
}

static void
enabled_changed_cb (AftercareClinicMode *self)
{
  gboolean enabled = g_settings_get_boolean (self->settings, "clinic-mode");

  if (self->enabled == enabled)
    return;
  self->enabled = enabled;
  /* Turning clinic mode on locks at once; off, there is nothing to lock. */
  self->unlocked = FALSE;
  self->idle_fired = FALSE;
  self->last_activity = g_get_monotonic_time ();
  set_warning (self, FALSE);
  schedule_idle (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENABLED]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCKED]);
}

static void
idle_timeout_changed_cb (AftercareClinicMode *self)
{
  schedule_idle (self);
}

static void
pin_changed_cb (AftercareClinicMode *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_PIN]);
}

gboolean
aftercare_clinic_mode_get_enabled (AftercareClinicMode *self)
{
  g_return_val_if_fail (AFTERCARE_IS_CLINIC_MODE (self), FALSE);
  return self->enabled;
}

gboolean
aftercare_clinic_mode_get_locked (AftercareClinicMode *self)
{
  g_return_val_if_fail (AFTERCARE_IS_CLINIC_MODE (self), FALSE);
  return self->enabled && !self->unlocked;
}

gboolean
aftercare_clinic_mode_get_has_pin (AftercareClinicMode *self)
{
  g_autofree char *stored = NULL;

  g_return_val_if_fail (AFTERCARE_IS_CLINIC_MODE (self), FALSE);
  stored = g_settings_get_string (self->settings, "staff-pin-hash");
  return *stored != '\0';
}

guint
aftercare_clinic_mode_get_wait_seconds (AftercareClinicMode *self)
{
  gint64 retry_at, remaining;

  g_return_val_if_fail (AFTERCARE_IS_CLINIC_MODE (self), 0);
  retry_at = g_settings_get_int64 (self->settings, "pin-retry-at");
  remaining = retry_at - g_get_real_time ();
  if (retry_at <= 0 || remaining <= 0)
    return 0;
  /* Rounded up, and never more than the longest wait: a clock set back
   * must not lock staff out for longer. */
  return (guint) MIN ((remaining + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC, AFTERCARE_PIN_MAX_DELAY);
}

/* Kept in the settings, so quitting and starting again does not skip the wait. */
static void
note_wrong_pin (AftercareClinicMode *self)
{
  guint failures = g_settings_get_uint (self->settings, "pin-failures");
  guint delay;

  if (failures < G_MAXUINT)
    failures++;
  delay = aftercare_pin_delay_seconds (failures);
  g_settings_delay (self->settings);
  g_settings_set_uint (self->settings, "pin-failures", failures);
  g_settings_set_int64 (self->settings, "pin-retry-at",
                        delay > 0 ? g_get_real_time () + (gint64) delay * G_USEC_PER_SEC : 0);
  g_settings_apply (self->settings);
}

AftercareUnlockResult
aftercare_clinic_mode_unlock (AftercareClinicMode *self,
                              const char          *pin)
{
  g_autofree char *stored = NULL;

  g_return_val_if_fail (AFTERCARE_IS_CLINIC_MODE (self), AFTERCARE_UNLOCK_WRONG_PIN);
  /* While the wait runs no PIN is checked, the right one included. */
  if (aftercare_clinic_mode_get_wait_seconds (self) > 0)
    return AFTERCARE_UNLOCK_WAIT;
  stored = g_settings_get_string (self->settings, "staff-pin-hash");
  if (!aftercare_pin_verify (pin, stored))
    {
      note_wrong_pin (self);
      return AFTERCARE_UNLOCK_WRONG_PIN;
    }
  g_settings_delay (self->settings);
  g_settings_reset (self->settings, "pin-failures");
  g_settings_reset (self->settings, "pin-retry-at");
  g_settings_apply (self->settings);
  aftercare_clinic_mode_note_activity (self);
  set_unlocked (self, TRUE);
  return AFTERCARE_UNLOCK_OK;
}

void
aftercare_clinic_mode_lock (AftercareClinicMode *self)
{
  g_return_if_fail (AFTERCARE_IS_CLINIC_MODE (self));
  set_unlocked (self, FALSE);
}

gboolean
aftercare_clinic_mode_get_warning (AftercareClinicMode *self)
{
  g_return_val_if_fail (AFTERCARE_IS_CLINIC_MODE (self), FALSE);
  return self->warning;
}

static void
activity_cb (AftercareClinicMode *self)
{
  aftercare_clinic_mode_note_activity (self);
}

/* Only a pointer that really moved counts: GTK also reports "motion" when
 * the widgets under a still pointer change (a view refreshing itself), and
 * those must not keep a desk nobody uses from starting over. */
static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           AftercareClinicMode      *self)
{
  gboolean moved = fabs (x - self->pointer_x) >= 1 || fabs (y - self->pointer_y) >= 1;

  self->pointer_x = x;
  self->pointer_y = y;
  if (moved)
    aftercare_clinic_mode_note_activity (self);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                AftercareClinicMode   *self)
{
  aftercare_clinic_mode_note_activity (self);
  return GDK_EVENT_PROPAGATE;
}

void
aftercare_clinic_mode_watch (AftercareClinicMode *self,
                             GtkWidget           *widget)
{
  GtkEventController *key = gtk_event_controller_key_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  g_return_if_fail (AFTERCARE_IS_CLINIC_MODE (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));
  /* In the capture phase, so no child can swallow the event first. */
  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  gtk_event_controller_set_propagation_phase (motion, GTK_PHASE_CAPTURE);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect_object (key, "key-pressed", G_CALLBACK (key_pressed_cb), self, 0);
  g_signal_connect_object (motion, "motion", G_CALLBACK (motion_cb), self, 0);
  g_signal_connect_object (click, "pressed", G_CALLBACK (activity_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, key);
  gtk_widget_add_controller (widget, motion);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (click));
  /* Found again by aftercare_clinic_mode_records_locked() from anything in
   * it, with a reference: the widget's data lives as long as the widget. */
  g_object_set_data_full (G_OBJECT (widget), "aftercare-clinic-mode", g_object_ref (self), g_object_unref);
}

AftercareClinicMode *
aftercare_clinic_mode_find (GtkWidget *widget)
{
  GtkRoot *root;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);
  root = gtk_widget_get_root (widget);
  return root != NULL ? g_object_get_data (G_OBJECT (root), "aftercare-clinic-mode") : NULL;
}

gboolean
aftercare_clinic_mode_records_locked (GtkWidget *widget)
{
  AftercareClinicMode *self;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), TRUE);
  self = aftercare_clinic_mode_find (widget);
  return self != NULL && aftercare_clinic_mode_get_locked (self);
}

gboolean
aftercare_clinic_mode_per_client (GtkWidget *widget)
{
  AftercareClinicMode *self;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), TRUE);
  self = aftercare_clinic_mode_find (widget);
  return self != NULL && aftercare_clinic_mode_get_enabled (self);
}

static void
aftercare_clinic_mode_dispose (GObject *object)
{
  AftercareClinicMode *self = AFTERCARE_CLINIC_MODE (object);

  g_clear_handle_id (&self->idle_source, g_source_remove);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (aftercare_clinic_mode_parent_class)->dispose (object);
}

static void
aftercare_clinic_mode_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  AftercareClinicMode *self = AFTERCARE_CLINIC_MODE (object);

  switch (prop_id)
    {
    case PROP_ENABLED: g_value_set_boolean (value, self->enabled); break;
    case PROP_LOCKED: g_value_set_boolean (value, aftercare_clinic_mode_get_locked (self)); break;
    case PROP_HAS_PIN: g_value_set_boolean (value, aftercare_clinic_mode_get_has_pin (self)); break;
    case PROP_WARNING: g_value_set_boolean (value, self->warning); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aftercare_clinic_mode_class_init (AftercareClinicModeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = aftercare_clinic_mode_dispose;
  object_class->get_property = aftercare_clinic_mode_get_property;

  properties[PROP_ENABLED] = g_param_spec_boolean ("enabled", NULL, NULL, FALSE, flags);
  properties[PROP_LOCKED] = g_param_spec_boolean ("locked", NULL, NULL, FALSE, flags);
  properties[PROP_HAS_PIN] = g_param_spec_boolean ("has-pin", NULL, NULL, FALSE, flags);
  properties[PROP_WARNING] = g_param_spec_boolean ("warning", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[IDLE] = g_signal_new ("idle", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
aftercare_clinic_mode_init (AftercareClinicMode *self)
{
  self->last_activity = g_get_monotonic_time ();
}

AftercareClinicMode *
aftercare_clinic_mode_new (GSettings *settings)
{
  AftercareClinicMode *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  self = g_object_new (AFTERCARE_TYPE_CLINIC_MODE, NULL);
  self->settings = g_object_ref (settings);
  self->enabled = g_settings_get_boolean (settings, "clinic-mode");
  /* GSettings reports changes only to keys that were read: read each once. */
  g_settings_get_uint (settings, "idle-timeout");
  g_free (g_settings_get_string (settings, "staff-pin-hash"));
  g_signal_connect_swapped (settings, "changed::clinic-mode", G_CALLBACK (enabled_changed_cb), self);
  g_signal_connect_swapped (settings, "changed::idle-timeout", G_CALLBACK (idle_timeout_changed_cb), self);
  g_signal_connect_swapped (settings, "changed::staff-pin-hash", G_CALLBACK (pin_changed_cb), self);
  schedule_idle (self);
  return self;
}
