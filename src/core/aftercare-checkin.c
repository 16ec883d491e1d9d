/* aftercare-checkin.c: how a person felt at one moment after a session. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-checkin"

#include "aftercare-checkin.h"
#include "aftercare-util.h"

struct _AftercareCheckin
{
  GObject parent_instance;

  char *id;
  char *session_id;
  GDateTime *at;
  guint soreness;
  AftercareSymptoms symptoms;
  char *notes;
  gint64 version;
};

G_DEFINE_FINAL_TYPE (AftercareCheckin, aftercare_checkin, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_SESSION_ID,
  PROP_AT,
  PROP_SORENESS,
  PROP_SYMPTOMS,
  PROP_NOTES,
  PROP_VERSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
aftercare_checkin_finalize (GObject *object)
{
  AftercareCheckin *self = AFTERCARE_CHECKIN (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->session_id, g_free);
  g_clear_pointer (&self->at, g_date_time_unref);
  g_clear_pointer (&self->notes, g_free);

  G_OBJECT_CLASS (aftercare_checkin_parent_class)->finalize (object);
}

static void
aftercare_checkin_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AftercareCheckin *self = AFTERCARE_CHECKIN (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_string (value, self->id); break;
    case PROP_SESSION_ID: g_value_set_string (value, self->session_id); break;
    case PROP_AT: g_value_set_boxed (value, self->at); break;
    case PROP_SORENESS: g_value_set_uint (value, self->soreness); break;
    case PROP_SYMPTOMS: g_value_set_flags (value, self->symptoms); break;
    case PROP_NOTES: g_value_set_string (value, self->notes); break;
    case PROP_VERSION: g_value_set_int64 (value, self->version); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aftercare_checkin_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  AftercareCheckin *self = AFTERCARE_CHECKIN (object);

  switch (prop_id)
    {
    /* NULL while constructing: constructed() makes a new id. */
    case PROP_ID:
      if (g_value_get_string (value) != NULL)
        aftercare_checkin_set_id (self, g_value_get_string (value));
      break;
    case PROP_SESSION_ID: aftercare_checkin_set_session_id (self, g_value_get_string (value)); break;
    case PROP_AT: aftercare_checkin_set_at (self, g_value_get_boxed (value)); break;
    case PROP_SORENESS: aftercare_checkin_set_soreness (self, g_value_get_uint (value)); break;
    case PROP_SYMPTOMS: aftercare_checkin_set_symptoms (self, g_value_get_flags (value)); break;
    case PROP_NOTES: aftercare_checkin_set_notes (self, g_value_get_string (value)); break;
    case PROP_VERSION: aftercare_checkin_set_version (self, g_value_get_int64 (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define RW (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)

static void
aftercare_checkin_constructed (GObject *object)
{
  AftercareCheckin *self = AFTERCARE_CHECKIN (object);

  G_OBJECT_CLASS (aftercare_checkin_parent_class)->constructed (object);
  if (self->id == NULL)
    self->id = g_uuid_string_random ();
}

static void
aftercare_checkin_class_init (AftercareCheckinClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = aftercare_checkin_constructed;
  object_class->finalize = aftercare_checkin_finalize;
  object_class->get_property = aftercare_checkin_get_property;
  object_class->set_property = aftercare_checkin_set_property;

  /* Given at construction, no random id is made only to be replaced. */
  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, RW | G_PARAM_CONSTRUCT);
  properties[PROP_SESSION_ID] = g_param_spec_string ("session-id", NULL, NULL, NULL, RW);
  properties[PROP_AT] = g_param_spec_boxed ("at", NULL, NULL, G_TYPE_DATE_TIME, RW);
  properties[PROP_SORENESS] =
    g_param_spec_uint ("soreness", NULL, NULL, 0, AFTERCARE_SORENESS_MAX, 0, RW);
  properties[PROP_SYMPTOMS] =
    g_param_spec_flags ("symptoms", NULL, NULL, AFTERCARE_TYPE_SYMPTOMS, 0, RW);
  properties[PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, "", RW);
  /* The stored row's version (0: never stored); see the header. */
  properties[PROP_VERSION] = g_param_spec_int64 ("version", NULL, NULL, 0, G_MAXINT64, 0, RW);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
aftercare_checkin_init (AftercareCheckin *self)
{
  self->notes = g_strdup ("");
}

AftercareCheckin *
aftercare_checkin_new (const char        *session_id,
                       GDateTime         *at,
                       guint              soreness,
                       AftercareSymptoms  symptoms)
{
  return g_object_new (AFTERCARE_TYPE_CHECKIN,
                       "session-id", session_id,
                       "at", at,
                       "soreness", soreness,
                       "symptoms", symptoms,
                       NULL);
}

AftercareCheckin *
aftercare_checkin_copy (AftercareCheckin *self)
{
  g_return_val_if_fail (AFTERCARE_IS_CHECKIN (self), NULL);

  return g_object_new (AFTERCARE_TYPE_CHECKIN,
                       "id", self->id,
                       "session-id", self->session_id,
                       "at", self->at,
                       "soreness", self->soreness,
                       "symptoms", self->symptoms,
                       "notes", self->notes,
                       "version", self->version,
                       NULL);
}

gboolean
aftercare_checkin_equal (AftercareCheckin *a,
                         AftercareCheckin *b)
{
  g_return_val_if_fail (AFTERCARE_IS_CHECKIN (a) && AFTERCARE_IS_CHECKIN (b), FALSE);

  return g_strcmp0 (a->id, b->id) == 0 &&
         g_strcmp0 (a->session_id, b->session_id) == 0 &&
         aftercare_date_time_identical (a->at, b->at) &&
         a->soreness == b->soreness &&
         a->symptoms == b->symptoms &&
         g_strcmp0 (a->notes, b->notes) == 0;
}

#define NOTIFY(prop) g_object_notify_by_pspec (G_OBJECT (self), properties[prop])

const char *
aftercare_checkin_get_id (AftercareCheckin *self)
{
  g_return_val_if_fail (AFTERCARE_IS_CHECKIN (self), NULL);
  return self->id;
}

void
aftercare_checkin_set_id (AftercareCheckin *self,
                          const char       *id)
{
  g_return_if_fail (AFTERCARE_IS_CHECKIN (self));
  g_return_if_fail (id != NULL);
  if (aftercare_set_string (&self->id, id))
    NOTIFY (PROP_ID);
}

const char *
aftercare_checkin_get_session_id (AftercareCheckin *self)
{
  g_return_val_if_fail (AFTERCARE_IS_CHECKIN (self), NULL);
  return self->session_id;
}

void
aftercare_checkin_set_session_id (AftercareCheckin *self,
                                  const char       *session_id)
{
  g_return_if_fail (AFTERCARE_IS_CHECKIN (self));
  if (aftercare_set_string (&self->session_id, session_id))
    NOTIFY (PROP_SESSION_ID);
}

GDateTime *
aftercare_checkin_get_at (AftercareCheckin *self)
{
  g_return_val_if_fail (AFTERCARE_IS_CHECKIN (self), NULL);
  return self->at;
}

void
aftercare_checkin_set_at (AftercareCheckin *self,
                          GDateTime        *at)
{
  g_return_if_fail (AFTERCARE_IS_CHECKIN (self));
  if (aftercare_set_date_time (&self->at, at))
    NOTIFY (PROP_AT);
}

guint
aftercare_checkin_get_soreness (AftercareCheckin *self)
{
  g_return_val_if_fail (AFTERCARE_IS_CHECKIN (self), 0);
  return self->soreness;
}

void
aftercare_checkin_set_soreness (AftercareCheckin *self,
                                guint             soreness)
{
  g_return_if_fail (AFTERCARE_IS_CHECKIN (self));
  g_return_if_fail (soreness <= AFTERCARE_SORENESS_MAX);
  if (self->soreness == soreness)
    return;
  self->soreness = soreness;
  NOTIFY (PROP_SORENESS);
}

AftercareSymptoms
aftercare_checkin_get_symptoms (AftercareCheckin *self)
{
  g_return_val_if_fail (AFTERCARE_IS_CHECKIN (self), 0);
  return self->symptoms;
}

void
aftercare_checkin_set_symptoms (AftercareCheckin  *self,
                                AftercareSymptoms  symptoms)
{
  g_return_if_fail (AFTERCARE_IS_CHECKIN (self));
  if (self->symptoms == symptoms)
    return;
  self->symptoms = symptoms;
  NOTIFY (PROP_SYMPTOMS);
}

const char *
aftercare_checkin_get_notes (AftercareCheckin *self)
{
  g_return_val_if_fail (AFTERCARE_IS_CHECKIN (self), NULL);
  return self->notes;
}

void
aftercare_checkin_set_notes (AftercareCheckin *self,
                             const char       *notes)
{
  g_return_if_fail (AFTERCARE_IS_CHECKIN (self));
  if (aftercare_set_string (&self->notes, notes ? notes : ""))
    NOTIFY (PROP_NOTES);
}

gint64
aftercare_checkin_get_version (AftercareCheckin *self)
{
  g_return_val_if_fail (AFTERCARE_IS_CHECKIN (self), 0);
  return self->version;
}

void
aftercare_checkin_set_version (AftercareCheckin *self,
                               gint64            version)
{
  g_return_if_fail (AFTERCARE_IS_CHECKIN (self));
  g_return_if_fail (version >= 0);
  if (self->version == version)
    return;
  self->version = version;
  NOTIFY (PROP_VERSION);
}
