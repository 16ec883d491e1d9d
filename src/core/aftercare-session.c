/* aftercare-session.c: one massage session, as logged or entered in the wizard. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-session"

#include "aftercare-session.h"
#include "aftercare-util.h"

struct _AftercareSession
{
  GObject parent_instance;

  char *id;
  GDateTime *ended_at;
  guint duration_minutes;
  AftercareMassageType massage_type;
  AftercarePressure pressure;
  gboolean first_time;
  AftercareAreas areas;
  char *client;
  char *therapist;
  char *notes;
  gint64 version;
};

G_DEFINE_FINAL_TYPE (AftercareSession, aftercare_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_ENDED_AT,
  PROP_DURATION_MINUTES,
  PROP_MASSAGE_TYPE,
  PROP_PRESSURE,
  PROP_FIRST_TIME,
  PROP_AREAS,
  PROP_CLIENT,
  PROP_THERAPIST,
  PROP_NOTES,
  PROP_VERSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
aftercare_session_finalize (GObject *object)
{
  AftercareSession *self = AFTERCARE_SESSION (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->ended_at, g_date_time_unref);
  g_clear_pointer (&self->client, g_free);
  g_clear_pointer (&self->therapist, g_free);
  g_clear_pointer (&self->notes, g_free);

  G_OBJECT_CLASS (aftercare_session_parent_class)->finalize (object);
}

static void
aftercare_session_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AftercareSession *self = AFTERCARE_SESSION (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_string (value, self->id); break;
    case PROP_ENDED_AT: g_value_set_boxed (value, self->ended_at); break;
    case PROP_DURATION_MINUTES: g_value_set_uint (value, self->duration_minutes); break;
    case PROP_MASSAGE_TYPE: g_value_set_enum (value, self->massage_type); break;
    case PROP_PRESSURE: g_value_set_enum (value, self->pressure); break;
    case PROP_FIRST_TIME: g_value_set_boolean (value, self->first_time); break;
    case PROP_AREAS: g_value_set_flags (value, self->areas); break;
    case PROP_CLIENT: g_value_set_string (value, self->client); break;
    case PROP_THERAPIST: g_value_set_string (value, self->therapist); break;
    case PROP_NOTES: g_value_set_string (value, self->notes); break;
    case PROP_VERSION: g_value_set_int64 (value, self->version); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aftercare_session_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  AftercareSession *self = AFTERCARE_SESSION (object);

  switch (prop_id)
    {
    /* NULL while constructing: constructed() makes a new id. */
    case PROP_ID:
      if (g_value_get_string (value) != NULL)
        aftercare_session_set_id (self, g_value_get_string (value));
      break;
    case PROP_ENDED_AT: aftercare_session_set_ended_at (self, g_value_get_boxed (value)); break;
    case PROP_DURATION_MINUTES: aftercare_session_set_duration_minutes (self, g_value_get_uint (value)); break;
    case PROP_MASSAGE_TYPE: aftercare_session_set_massage_type (self, g_value_get_enum (value)); break;
    case PROP_PRESSURE: aftercare_session_set_pressure (self, g_value_get_enum (value)); break;
    case PROP_FIRST_TIME: aftercare_session_set_first_time (self, g_value_get_boolean (value)); break;
    case PROP_AREAS: aftercare_session_set_areas (self, g_value_get_flags (value)); break;
    case PROP_CLIENT: aftercare_session_set_client (self, g_value_get_string (value)); break;
    case PROP_THERAPIST: aftercare_session_set_therapist (self, g_value_get_string (value)); break;
    case PROP_NOTES: aftercare_session_set_notes (self, g_value_get_string (value)); break;
    case PROP_VERSION: aftercare_session_set_version (self, g_value_get_int64 (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define RW (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)

static void
aftercare_session_constructed (GObject *object)
{
  AftercareSession *self = AFTERCARE_SESSION (object);

  G_OBJECT_CLASS (aftercare_session_parent_class)->constructed (object);
  if (self->id == NULL)
    self->id = g_uuid_string_random ();
}

static void
aftercare_session_class_init (AftercareSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = aftercare_session_constructed;
  object_class->finalize = aftercare_session_finalize;
  object_class->get_property = aftercare_session_get_property;
  object_class->set_property = aftercare_session_set_property;

  /* Given at construction, no random id is made only to be replaced. */
  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, RW | G_PARAM_CONSTRUCT);
  properties[PROP_ENDED_AT] = g_param_spec_boxed ("ended-at", NULL, NULL, G_TYPE_DATE_TIME, RW);
  properties[PROP_DURATION_MINUTES] =
    g_param_spec_uint ("duration-minutes", NULL, NULL, 0, 24 * 60, 60, RW);
  properties[PROP_MASSAGE_TYPE] =
    g_param_spec_enum ("massage-type", NULL, NULL, AFTERCARE_TYPE_MASSAGE_TYPE,
                       AFTERCARE_MASSAGE_SWEDISH, RW);
  properties[PROP_PRESSURE] =
    g_param_spec_enum ("pressure", NULL, NULL, AFTERCARE_TYPE_PRESSURE,
                       AFTERCARE_PRESSURE_DEFAULT, RW);
  properties[PROP_FIRST_TIME] = g_param_spec_boolean ("first-time", NULL, NULL, FALSE, RW);
  properties[PROP_AREAS] =
    g_param_spec_flags ("areas", NULL, NULL, AFTERCARE_TYPE_AREAS, 0, RW);
  properties[PROP_CLIENT] = g_param_spec_string ("client", NULL, NULL, "", RW);
  properties[PROP_THERAPIST] = g_param_spec_string ("therapist", NULL, NULL, "", RW);
  properties[PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, "", RW);
  /* The stored row's version (0: never stored); see the header. */
  properties[PROP_VERSION] = g_param_spec_int64 ("version", NULL, NULL, 0, G_MAXINT64, 0, RW);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
aftercare_session_init (AftercareSession *self)
{
  self->duration_minutes = 60;
  self->pressure = AFTERCARE_PRESSURE_DEFAULT;
  self->client = g_strdup ("");
  self->therapist = g_strdup ("");
  self->notes = g_strdup ("");
}

AftercareSession *
aftercare_session_new (GDateTime *ended_at)
{
  return g_object_new (AFTERCARE_TYPE_SESSION, "ended-at", ended_at, NULL);
}

AftercareSession *
aftercare_session_copy (AftercareSession *self)
{
  g_return_val_if_fail (AFTERCARE_IS_SESSION (self), NULL);

  return g_object_new (AFTERCARE_TYPE_SESSION,
                       "id", self->id,
                       "ended-at", self->ended_at,
                       "duration-minutes", self->duration_minutes,
                       "massage-type", self->massage_type,
                       "pressure", self->pressure,
                       "first-time", self->first_time,
                       "areas", self->areas,
                       "client", self->client,
                       "therapist", self->therapist,
                       "notes", self->notes,
                       "version", self->version,
                       NULL);
}

gboolean
aftercare_session_equal (AftercareSession *a,
                         AftercareSession *b)
{
  g_return_val_if_fail (AFTERCARE_IS_SESSION (a) && AFTERCARE_IS_SESSION (b), FALSE);

  return g_strcmp0 (a->id, b->id) == 0 &&
         aftercare_date_time_identical (a->ended_at, b->ended_at) &&
         a->duration_minutes == b->duration_minutes &&
         a->massage_type == b->massage_type &&
         a->pressure == b->pressure &&
         a->first_time == b->first_time &&
         a->areas == b->areas &&
         g_strcmp0 (a->client, b->client) == 0 &&
         g_strcmp0 (a->therapist, b->therapist) == 0 &&
         g_strcmp0 (a->notes, b->notes) == 0;
}

#define NOTIFY(prop) g_object_notify_by_pspec (G_OBJECT (self), properties[prop])

const char *
aftercare_session_get_id (AftercareSession *self)
{
  g_return_val_if_fail (AFTERCARE_IS_SESSION (self), NULL);
  return self->id;
}

void
aftercare_session_set_id (AftercareSession *self,
                          const char       *id)
{
  g_return_if_fail (AFTERCARE_IS_SESSION (self));
  g_return_if_fail (id != NULL);
  if (aftercare_set_string (&self->id, id))
    NOTIFY (PROP_ID);
}

GDateTime *
aftercare_session_get_ended_at (AftercareSession *self)
{
  g_return_val_if_fail (AFTERCARE_IS_SESSION (self), NULL);
  return self->ended_at;
}

void
aftercare_session_set_ended_at (AftercareSession *self,
                                GDateTime        *ended_at)
{
  g_return_if_fail (AFTERCARE_IS_SESSION (self));
  if (aftercare_set_date_time (&self->ended_at, ended_at))
    NOTIFY (PROP_ENDED_AT);
}

guint
aftercare_session_get_duration_minutes (AftercareSession *self)
{
  g_return_val_if_fail (AFTERCARE_IS_SESSION (self), 0);
  return self->duration_minutes;
}

void
aftercare_session_set_duration_minutes (AftercareSession *self,
                                        guint             minutes)
{
  g_return_if_fail (AFTERCARE_IS_SESSION (self));
  if (self->duration_minutes == minutes)
    return;
  self->duration_minutes = minutes;
  NOTIFY (PROP_DURATION_MINUTES);
}

AftercareMassageType
aftercare_session_get_massage_type (AftercareSession *self)
{
  g_return_val_if_fail (AFTERCARE_IS_SESSION (self), 0);
  return self->massage_type;
}

void
aftercare_session_set_massage_type (AftercareSession     *self,
                                    AftercareMassageType  type)
{
  g_return_if_fail (AFTERCARE_IS_SESSION (self));
  if (self->massage_type == type)
    return;
  self->massage_type = type;
  NOTIFY (PROP_MASSAGE_TYPE);
}

AftercarePressure
aftercare_session_get_pressure (AftercareSession *self)
{
  g_return_val_if_fail (AFTERCARE_IS_SESSION (self), 0);
  return self->pressure;
}

void
aftercare_session_set_pressure (AftercareSession  *self,
                                AftercarePressure  pressure)
{
  g_return_if_fail (AFTERCARE_IS_SESSION (self));
  if (self->pressure == pressure)
    return;
  self->pressure = pressure;
  NOTIFY (PROP_PRESSURE);
}

gboolean
aftercare_session_get_first_time (AftercareSession *self)
{
  g_return_val_if_fail (AFTERCARE_IS_SESSION (self), FALSE);
  return self->first_time;
}

void
aftercare_session_set_first_time (AftercareSession *self,
                                  gboolean          first_time)
{
  g_return_if_fail (AFTERCARE_IS_SESSION (self));
  first_time = !!first_time;
  if (self->first_time == first_time)
    return;
  self->first_time = first_time;
  NOTIFY (PROP_FIRST_TIME);
}

AftercareAreas
aftercare_session_get_areas (AftercareSession *self)
{
  g_return_val_if_fail (AFTERCARE_IS_SESSION (self), 0);
  return self->areas;
}

void
aftercare_session_set_areas (AftercareSession *self,
                             AftercareAreas    areas)
{
  g_return_if_fail (AFTERCARE_IS_SESSION (self));
  if (self->areas == areas)
    return;
  self->areas = areas;
  NOTIFY (PROP_AREAS);
}

const char *
aftercare_session_get_client (AftercareSession *self)
{
  g_return_val_if_fail (AFTERCARE_IS_SESSION (self), NULL);
  return self->client;
}

void
aftercare_session_set_client (AftercareSession *self,
                              const char       *client)
{
  g_return_if_fail (AFTERCARE_IS_SESSION (self));
  if (aftercare_set_string (&self->client, client ? client : ""))
    NOTIFY (PROP_CLIENT);
}

const char *
aftercare_session_get_therapist (AftercareSession *self)
{
  g_return_val_if_fail (AFTERCARE_IS_SESSION (self), NULL);
  return self->therapist;
}

void
aftercare_session_set_therapist (AftercareSession *self,
                                 const char       *therapist)
{
  g_return_if_fail (AFTERCARE_IS_SESSION (self));
  if (aftercare_set_string (&self->therapist, therapist ? therapist : ""))
    NOTIFY (PROP_THERAPIST);
}

const char *
aftercare_session_get_notes (AftercareSession *self)
{
  g_return_val_if_fail (AFTERCARE_IS_SESSION (self), NULL);
  return self->notes;
}

void
aftercare_session_set_notes (AftercareSession *self,
                             const char       *notes)
{
  g_return_if_fail (AFTERCARE_IS_SESSION (self));
  if (aftercare_set_string (&self->notes, notes ? notes : ""))
    NOTIFY (PROP_NOTES);
}

gint64
aftercare_session_get_version (AftercareSession *self)
{
  g_return_val_if_fail (AFTERCARE_IS_SESSION (self), 0);
  return self->version;
}

void
aftercare_session_set_version (AftercareSession *self,
                               gint64            version)
{
  g_return_if_fail (AFTERCARE_IS_SESSION (self));
  g_return_if_fail (version >= 0);
  if (self->version == version)
    return;
  self->version = version;
  NOTIFY (PROP_VERSION);
}
