/* aftercare-clock.c: what time it is for the views, and whether the desktop shows 12- or 24-hour clocks. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-clock"

#include "config.h"

#include <gio/gio.h>

#include "aftercare-clock.h"
#include "aftercare-settings.h"
#include "aftercare-time-source.h"

struct _AftercareClock
{
  GObject parent_instance;

  GSettings *interface_settings;
  gboolean clock_24h;
  /* Microseconds to add to the system time; 0 for the real clock. */
  GTimeSpan shift;
};

static void aftercare_clock_time_source_init (AftercareTimeSourceInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AftercareClock, aftercare_clock, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (AFTERCARE_TYPE_TIME_SOURCE,
                                                      aftercare_clock_time_source_init))

enum {
  PROP_0,
  PROP_CLOCK_24H,
  N_PROPS
};

enum {
  JUMPED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static GDateTime *
aftercare_clock_time_source_now (AftercareTimeSource *source)
{
  return aftercare_clock_get_now (AFTERCARE_CLOCK (source));
}

static gboolean
aftercare_clock_time_source_get_clock_24h (AftercareTimeSource *source)
{
  return aftercare_clock_get_24h (AFTERCARE_CLOCK (source));
}

static void
aftercare_clock_time_source_init (AftercareTimeSourceInterface *iface)
{
  iface->now = aftercare_clock_time_source_now;
  iface->get_clock_24h = aftercare_clock_time_source_get_clock_24h;
}

static void
update_clock_format (AftercareClock *self)
{
  gboolean clock_24h = aftercare_settings_clock_is_24h (self->interface_settings);

  if (clock_24h == self->clock_24h)
    return;
  self->clock_24h = clock_24h;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLOCK_24H]);
}

static void
clock_format_changed_cb (GSettings      *settings,
                         const char     *key,
                         AftercareClock *self)
{
  update_clock_format (self);
}

static void
watch_desktop_clock_format (AftercareClock *self)
{
  self->interface_settings = aftercare_settings_new_desktop_clock ();
  if (self->interface_settings == NULL)
    return;
  g_signal_connect_object (self->interface_settings, "changed::clock-format",
                           G_CALLBACK (clock_format_changed_cb), self, 0);
  update_clock_format (self);
}

static void
aftercare_clock_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AftercareClock *self = AFTERCARE_CLOCK (object);

  switch (prop_id)
    {
    case PROP_CLOCK_24H:
      g_value_set_boolean (value, self->clock_24h);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aftercare_clock_dispose (GObject *object)
{
  AftercareClock *self = AFTERCARE_CLOCK (object);

  g_clear_object (&self->interface_settings);
  G_OBJECT_CLASS (aftercare_clock_parent_class)->dispose (object);
}

static void
aftercare_clock_class_init (AftercareClockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = aftercare_clock_get_property;
  object_class->dispose = aftercare_clock_dispose;

  properties[PROP_CLOCK_24H] =
    g_param_spec_boolean ("clock-24h", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[JUMPED] = g_signal_new ("jumped", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
aftercare_clock_init (AftercareClock *self)
{
  self->clock_24h = TRUE;
  watch_desktop_clock_format (self);
}

AftercareClock *
aftercare_clock_new (void)
{
  return g_object_new (AFTERCARE_TYPE_CLOCK, NULL);
}

GDateTime *
aftercare_clock_get_now (AftercareClock *self)
{
  g_autoptr(GDateTime) system_now = g_date_time_new_now_local ();

  g_return_val_if_fail (AFTERCARE_IS_CLOCK (self), NULL);

  return g_date_time_add (system_now, self->shift);
}

gboolean
aftercare_clock_get_24h (AftercareClock *self)
{
  g_return_val_if_fail (AFTERCARE_IS_CLOCK (self), TRUE);

  return self->clock_24h;
}

void
aftercare_clock_set_now (AftercareClock *self,
                         GDateTime      *now)
{
  g_autoptr(GDateTime) system_now = g_date_time_new_now_local ();

  g_return_if_fail (AFTERCARE_IS_CLOCK (self));

  self->shift = now != NULL ? g_date_time_difference (now, system_now) : 0;
  g_signal_emit (self, signals[JUMPED], 0);
}

guint
aftercare_clock_call_at (AftercareClock  *self,
                         GDateTime       *when,
                         GSourceOnceFunc  func,
                         gpointer         data)
{
  g_autoptr(GDateTime) now = NULL;
  GTimeSpan wait;

  g_return_val_if_fail (AFTERCARE_IS_CLOCK (self), 0);
  g_return_val_if_fail (when != NULL, 0);
  g_return_val_if_fail (func != NULL, 0);

  now = aftercare_clock_get_now (self);
  wait = MAX (0, g_date_time_difference (when, now));
  /* A little late rather than early: on waking, the boundary has passed.
   * At most 49 days fits the timeout's milliseconds; the next phase
   * boundary is never more than two days away. */
  return g_timeout_add_once ((guint) MIN (wait / 1000 + 50, (GTimeSpan) G_MAXUINT), func, data);
}
