/* aftercare-time-source.c: the time source interface, and one that stands still. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-time-source"

#include "config.h"

#include "aftercare-time-source.h"

G_DEFINE_INTERFACE (AftercareTimeSource, aftercare_time_source, G_TYPE_OBJECT)

static void
aftercare_time_source_default_init (AftercareTimeSourceInterface *iface)
{
}

GDateTime *
aftercare_time_source_now (AftercareTimeSource *self)
{
  g_return_val_if_fail (AFTERCARE_IS_TIME_SOURCE (self), NULL);
  return AFTERCARE_TIME_SOURCE_GET_IFACE (self)->now (self);
}

gboolean
aftercare_time_source_get_clock_24h (AftercareTimeSource *self)
{
  g_return_val_if_fail (AFTERCARE_IS_TIME_SOURCE (self), TRUE);
  return AFTERCARE_TIME_SOURCE_GET_IFACE (self)->get_clock_24h (self);
}

/* ---- A time source that stands still ------------------------------------ */

struct _AftercareFixedTime
{
  GObject    parent_instance;
  GDateTime *now;
  gboolean   clock_24h;
};

static void aftercare_fixed_time_iface_init (AftercareTimeSourceInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AftercareFixedTime, aftercare_fixed_time, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (AFTERCARE_TYPE_TIME_SOURCE,
                                                      aftercare_fixed_time_iface_init))

static GDateTime *
aftercare_fixed_time_now (AftercareTimeSource *source)
{
  return g_date_time_ref (AFTERCARE_FIXED_TIME (source)->now);
}

static gboolean
aftercare_fixed_time_get_clock_24h (AftercareTimeSource *source)
{
  return AFTERCARE_FIXED_TIME (source)->clock_24h;
}

static void
aftercare_fixed_time_iface_init (AftercareTimeSourceInterface *iface)
{
  iface->now = aftercare_fixed_time_now;
  iface->get_clock_24h = aftercare_fixed_time_get_clock_24h;
}

static void
aftercare_fixed_time_finalize (GObject *object)
{
  AftercareFixedTime *self = AFTERCARE_FIXED_TIME (object);

  g_clear_pointer (&self->now, g_date_time_unref);
  G_OBJECT_CLASS (aftercare_fixed_time_parent_class)->finalize (object);
}

static void
aftercare_fixed_time_class_init (AftercareFixedTimeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = aftercare_fixed_time_finalize;
}

static void
aftercare_fixed_time_init (AftercareFixedTime *self)
{
}

AftercareTimeSource *
aftercare_fixed_time_new (GDateTime *now,
                          gboolean   clock_24h)
{
  AftercareFixedTime *self;

  g_return_val_if_fail (now != NULL, NULL);

  self = g_object_new (AFTERCARE_TYPE_FIXED_TIME, NULL);
  self->now = g_date_time_ref (now);
  self->clock_24h = !!clock_24h;
  return AFTERCARE_TIME_SOURCE (self);
}
