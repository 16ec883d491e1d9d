/* aftercare-catalog.c: the eight massage types, how each is done and how sore it tends to leave you. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-catalog"

#include "config.h"

#include <glib/gi18n.h>

#include "aftercare-catalog.h"

/* Facts from source 001 ("Types of massage and how they affect soreness",
 * and its advice on talking to the therapist), in our own words.
 *
 * Likelihood: "likely" where 001 says the type leads to soreness or is
 * built on deep pressure (deep tissue, trigger point, sports); "possible"
 * where it says sometimes, or only when you are not used to it
 * (myofascial release, Thai); "unlikely" where it says it rarely makes you
 * sore (Swedish, lymphatic drainage, hot stone).
 *
 * Typical pressure: where 001 gives a range ("light to medium"), the
 * stronger end, because the wizard offers it first and the advisor is the
 * more careful with it. */
typedef struct {
  const char *name;
  const char *technique;
  const char *pressure_text;
  AftercarePressure typical_pressure;
  AftercareLikelihood likelihood;
  const char *duration_text;
  const char *tell_therapist;
} KindInfo;

static const KindInfo kind_infos[AFTERCARE_N_MASSAGE_TYPES] = {
  [AFTERCARE_MASSAGE_SWEDISH] = {
    N_("Swedish"),
    N_("Long, gliding strokes over the muscles, mainly to help you relax."),
    N_("Light to medium"), AFTERCARE_PRESSURE_MODERATE, AFTERCARE_LIKELIHOOD_UNLIKELY,
    N_("Rarely leaves you sore. If it does, it usually passes within a day or two."),
    N_("Say whether you would like firmer or softer strokes, and mention any spot that "
       "stayed tender after your last visit.") },
  [AFTERCARE_MASSAGE_DEEP_TISSUE] = {
    N_("Deep tissue"),
    N_("Slow, firm work that reaches the deeper layers of muscle and the connective tissue "
       "around them."),
    N_("Deep"), AFTERCARE_PRESSURE_DEEP, AFTERCARE_LIKELIHOOD_LIKELY,
    N_("Soreness is common, most of all where tightness has built up over time, and usually "
       "lasts 24 to 48 hours."),
    N_("Tell them how sore you were after last time and for how long, and whether you "
       "bruised, so they can build up the depth more gradually.") },
  [AFTERCARE_MASSAGE_TRIGGER_POINT] = {
    N_("Trigger point"),
    N_("Precise, sustained pressure on single knots in a muscle until they release."),
    N_("Deep, on small spots"), AFTERCARE_PRESSURE_DEEP, AFTERCARE_LIKELIHOOD_LIKELY,
    N_("The pressed spots are often sore afterwards, usually for 24 to 48 hours."),
    N_("Point out the knots that stayed sore last time, and say so straight away if the "
       "pressure on a spot feels too sharp.") },
  [AFTERCARE_MASSAGE_MYOFASCIAL_RELEASE] = {
    N_("Myofascial release"),
    N_("Slow, held stretches of the fascia, the connective tissue wrapped around the muscles."),
    N_("Moderate, held for a while"), AFTERCARE_PRESSURE_MODERATE, AFTERCARE_LIKELIHOOD_POSSIBLE,
    N_("It can feel intense and sometimes leaves you sore, usually for no more than 48 hours."),
    N_("Let them know if the stretching felt too strong or left you stiff, so they can ease "
       "into it next time.") },
  [AFTERCARE_MASSAGE_SPORTS] = {
    N_("Sports"),
    N_("Deep pressure combined with stretching, aimed at training and recovery."),
    N_("Deep"), AFTERCARE_PRESSURE_DEEP, AFTERCARE_LIKELIHOOD_LIKELY,
    N_("It can feel like a light workout, and active people are often sore for 24 to 48 hours."),
    N_("Tell them your training plan and how your legs felt after the last massage; booking "
       "it after your key sessions rather than before them helps.") },
  [AFTERCARE_MASSAGE_THAI] = {
    N_("Thai"),
    N_("Assisted stretches, compression and movement that take your joints through their "
       "range."),
    N_("Moderate"), AFTERCARE_PRESSURE_MODERATE, AFTERCARE_LIKELIHOOD_POSSIBLE,
    N_("Good for flexibility, but stretches you are not used to can leave you sore for a day "
       "or two."),
    N_("Say which stretches felt too far or are new to you, so they can adjust how deep they "
       "take them.") },
  [AFTERCARE_MASSAGE_LYMPHATIC_DRAINAGE] = {
    N_("Lymphatic drainage"),
    N_("Very gentle, rhythmic strokes that help fluid move on, often used for swelling."),
    N_("Light"), AFTERCARE_PRESSURE_LIGHT, AFTERCARE_LIKELIHOOD_UNLIKELY,
    N_("Seldom leaves you sore, though you may feel tired afterwards."),
    N_("Mention any swelling you want them to work on, and whether you felt very tired after "
       "the last session.") },
  [AFTERCARE_MASSAGE_HOT_STONE] = {
    N_("Hot stone"),
    N_("Smooth, heated stones placed on and moved over the body, letting warmth loosen the "
       "muscles."),
    N_("Gentle to medium; the warmth does much of the work"), AFTERCARE_PRESSURE_MODERATE,
    AFTERCARE_LIKELIHOOD_UNLIKELY,
    N_("Very soothing and unlikely to leave you sore or in pain."),
    N_("Say if the stones feel too hot, and point out any tender area they should go easy "
       "on.") },
};

static const char *pressure_names[] = {
  [AFTERCARE_PRESSURE_LIGHT] = NC_("pressure", "Light"),
  [AFTERCARE_PRESSURE_MODERATE] = NC_("pressure", "Moderate"),
  [AFTERCARE_PRESSURE_DEEP] = NC_("pressure", "Deep"),
};

struct _AftercareMassageKind
{
  GObject parent_instance;

  AftercareMassageType massage_type;
};

G_DEFINE_FINAL_TYPE (AftercareMassageKind, aftercare_massage_kind, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MASSAGE_TYPE,
  PROP_KEY,
  PROP_NAME,
  PROP_TECHNIQUE,
  PROP_PRESSURE_TEXT,
  PROP_TYPICAL_PRESSURE,
  PROP_LIKELIHOOD,
  PROP_LIKELIHOOD_TEXT,
  PROP_DURATION_TEXT,
  PROP_TELL_THERAPIST,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
aftercare_massage_kind_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  AftercareMassageKind *self = AFTERCARE_MASSAGE_KIND (object);

  switch (prop_id)
    {
    case PROP_MASSAGE_TYPE: g_value_set_enum (value, self->massage_type); break;
    case PROP_KEY: g_value_set_string (value, aftercare_massage_kind_get_key (self)); break;
    case PROP_NAME: g_value_set_string (value, aftercare_massage_kind_get_name (self)); break;
    case PROP_TECHNIQUE: g_value_set_string (value, aftercare_massage_kind_get_technique (self)); break;
    case PROP_PRESSURE_TEXT: g_value_set_string (value, aftercare_massage_kind_get_pressure_text (self)); break;
    case PROP_TYPICAL_PRESSURE: g_value_set_enum (value, aftercare_massage_kind_get_typical_pressure (self)); break;
    case PROP_LIKELIHOOD: g_value_set_uint (value, aftercare_massage_kind_get_likelihood (self)); break;
    case PROP_LIKELIHOOD_TEXT: g_value_set_string (value, aftercare_massage_kind_get_likelihood_text (self)); break;
    case PROP_DURATION_TEXT: g_value_set_string (value, aftercare_massage_kind_get_duration_text (self)); break;
    case PROP_TELL_THERAPIST: g_value_set_string (value, aftercare_massage_kind_get_tell_therapist (self)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aftercare_massage_kind_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  AftercareMassageKind *self = AFTERCARE_MASSAGE_KIND (object);

  switch (prop_id)
    {
    case PROP_MASSAGE_TYPE: self->massage_type = g_value_get_enum (value); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define RO (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS)

static void
aftercare_massage_kind_class_init (AftercareMassageKindClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = aftercare_massage_kind_get_property;
  object_class->set_property = aftercare_massage_kind_set_property;

  /* The type is fixed when the catalog makes the kind; all else follows. */
  properties[PROP_MASSAGE_TYPE] =
    g_param_spec_enum ("massage-type", NULL, NULL, AFTERCARE_TYPE_MASSAGE_TYPE,
                       AFTERCARE_MASSAGE_SWEDISH,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KEY] = g_param_spec_string ("key", NULL, NULL, NULL, RO);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, RO);
  properties[PROP_TECHNIQUE] = g_param_spec_string ("technique", NULL, NULL, NULL, RO);
  properties[PROP_PRESSURE_TEXT] = g_param_spec_string ("pressure-text", NULL, NULL, NULL, RO);
  properties[PROP_TYPICAL_PRESSURE] =
    g_param_spec_enum ("typical-pressure", NULL, NULL, AFTERCARE_TYPE_PRESSURE,
                       AFTERCARE_PRESSURE_MODERATE, RO);
  properties[PROP_LIKELIHOOD] =
    g_param_spec_uint ("likelihood", NULL, NULL, AFTERCARE_LIKELIHOOD_UNLIKELY,
                       AFTERCARE_LIKELIHOOD_LIKELY, AFTERCARE_LIKELIHOOD_UNLIKELY, RO);
  properties[PROP_LIKELIHOOD_TEXT] = g_param_spec_string ("likelihood-text", NULL, NULL, NULL, RO);
  properties[PROP_DURATION_TEXT] = g_param_spec_string ("duration-text", NULL, NULL, NULL, RO);
  properties[PROP_TELL_THERAPIST] = g_param_spec_string ("tell-therapist", NULL, NULL, NULL, RO);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
aftercare_massage_kind_init (AftercareMassageKind *self)
{
}

static const KindInfo *
kind_info (AftercareMassageKind *self)
{
  return &kind_infos[self->massage_type];
}

AftercareMassageType
aftercare_massage_kind_get_massage_type (AftercareMassageKind *self)
{
  g_return_val_if_fail (AFTERCARE_IS_MASSAGE_KIND (self), AFTERCARE_MASSAGE_SWEDISH);
  return self->massage_type;
}

const char *
aftercare_massage_kind_get_key (AftercareMassageKind *self)
{
  g_return_val_if_fail (AFTERCARE_IS_MASSAGE_KIND (self), NULL);
  return aftercare_massage_type_to_key (self->massage_type);
}

const char *
aftercare_massage_kind_get_name (AftercareMassageKind *self)
{
  g_return_val_if_fail (AFTERCARE_IS_MASSAGE_KIND (self), NULL);
  return _(kind_info (self)->name);
}

const char *
aftercare_massage_kind_get_technique (AftercareMassageKind *self)
{
  g_return_val_if_fail (AFTERCARE_IS_MASSAGE_KIND (self), NULL);
  return _(kind_info (self)->technique);
}

const char *
aftercare_massage_kind_get_pressure_text (AftercareMassageKind *self)
{
  g_return_val_if_fail (AFTERCARE_IS_MASSAGE_KIND (self), NULL);
  return _(kind_info (self)->pressure_text);
}

AftercarePressure
aftercare_massage_kind_get_typical_pressure (AftercareMassageKind *self)
{
  g_return_val_if_fail (AFTERCARE_IS_MASSAGE_KIND (self), AFTERCARE_PRESSURE_MODERATE);
  return kind_info (self)->typical_pressure;
}

AftercareLikelihood
aftercare_massage_kind_get_likelihood (AftercareMassageKind *self)
{
  g_return_val_if_fail (AFTERCARE_IS_MASSAGE_KIND (self), AFTERCARE_LIKELIHOOD_UNLIKELY);
  return kind_info (self)->likelihood;
}

const char *
aftercare_massage_kind_get_likelihood_text (AftercareMassageKind *self)
{
  g_return_val_if_fail (AFTERCARE_IS_MASSAGE_KIND (self), NULL);
  switch (kind_info (self)->likelihood)
    {
    /* Translators: how likely a massage type is to leave you sore. */
    case AFTERCARE_LIKELIHOOD_UNLIKELY: return C_("soreness likelihood", "Unlikely");
    case AFTERCARE_LIKELIHOOD_POSSIBLE: return C_("soreness likelihood", "Possible");
    case AFTERCARE_LIKELIHOOD_LIKELY: return C_("soreness likelihood", "Likely");
    default: g_assert_not_reached ();
    }
  return NULL;
}

const char *
aftercare_massage_kind_get_duration_text (AftercareMassageKind *self)
{
  g_return_val_if_fail (AFTERCARE_IS_MASSAGE_KIND (self), NULL);
  return _(kind_info (self)->duration_text);
}

const char *
aftercare_massage_kind_get_tell_therapist (AftercareMassageKind *self)
{
  g_return_val_if_fail (AFTERCARE_IS_MASSAGE_KIND (self), NULL);
  return _(kind_info (self)->tell_therapist);
}

gboolean
aftercare_massage_kind_matches (AftercareMassageKind *self,
                                const char           *search)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) words = NULL;

  g_return_val_if_fail (AFTERCARE_IS_MASSAGE_KIND (self), FALSE);

  if (search == NULL)
    return TRUE;
  /* Everything the reference says about the type, as one text. */
  text = g_strjoin ("\n", aftercare_massage_kind_get_name (self),
                    aftercare_massage_kind_get_technique (self),
                    aftercare_massage_kind_get_pressure_text (self),
                    aftercare_massage_kind_get_likelihood_text (self),
                    aftercare_massage_kind_get_duration_text (self),
                    aftercare_massage_kind_get_tell_therapist (self), NULL);
  /* g_str_match_string() takes accents off the text but not off the
   * search: each word of the search goes to it without them. */
  words = g_str_tokenize_and_fold (search, NULL, NULL);
  for (guint i = 0; words[i] != NULL; i++)
    {
      g_auto(GStrv) plain = NULL;
      g_auto(GStrv) folded = g_str_tokenize_and_fold (words[i], NULL, &plain);

      if (!g_str_match_string (plain != NULL && plain[0] != NULL ? plain[0] : words[i], text, TRUE))
        return FALSE;
    }
  return TRUE;
}

/* The eight kinds, made once and shared: they never change, and views
 * compare them by pointer. */
static AftercareMassageKind **
shared_kinds (void)
{
  static AftercareMassageKind *kinds[AFTERCARE_N_MASSAGE_TYPES];
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      for (guint i = 0; i < AFTERCARE_N_MASSAGE_TYPES; i++)
        kinds[i] = g_object_new (AFTERCARE_TYPE_MASSAGE_KIND, "massage-type", i, NULL);
      g_once_init_leave (&initialized, 1);
    }
  return kinds;
}

GListModel *
aftercare_catalog_new (void)
{
  AftercareMassageKind **kinds = shared_kinds ();
  GListStore *store = g_list_store_new (AFTERCARE_TYPE_MASSAGE_KIND);

  g_list_store_splice (store, 0, 0, (gpointer *) kinds, AFTERCARE_N_MASSAGE_TYPES);
  return G_LIST_MODEL (store);
}

AftercareMassageKind *
aftercare_catalog_lookup (AftercareMassageType type)
{
  g_return_val_if_fail ((guint) type < AFTERCARE_N_MASSAGE_TYPES, NULL);
  return shared_kinds ()[type];
}

const char *
aftercare_massage_type_get_name (AftercareMassageType type)
{
  g_return_val_if_fail ((guint) type < AFTERCARE_N_MASSAGE_TYPES, NULL);
  return _(kind_infos[type].name);
}

const char *
aftercare_pressure_get_name (AftercarePressure pressure)
{
  g_return_val_if_fail ((guint) pressure < G_N_ELEMENTS (pressure_names), NULL);
  return g_dpgettext2 (NULL, "pressure", pressure_names[pressure]);
}
