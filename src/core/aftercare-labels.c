/* aftercare-labels.c: the words for verdicts, symptoms, areas and soreness that the window and the sheet share. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-labels"

#include "config.h"

#include <glib/gi18n.h>

#include "aftercare-catalog.h"
#include "aftercare-labels.h"

static const struct {
  const char *title;
  const char *description;
} verdict_texts[] = {
  [AFTERCARE_VERDICT_TRAIN] = {
    /* Translators: verdict headline. */
    N_("Train as normal"),
    N_("Normal training is fine, including pickups, steady running and hard sessions.") },
  [AFTERCARE_VERDICT_EASY_RUN] = {
    /* Translators: verdict headline. */
    N_("An easy run is fine"),
    N_("Keep it easy: 20 to 40 minutes in heart-rate zone 1 to 2, and stop if pain goes above "
       "mild or your stride changes.") },
  [AFTERCARE_VERDICT_WAIT] = {
    /* Translators: verdict headline; the line under it gives the times (aftercare-verdict-card.c). */
    N_("Not yet"),
    /* Translators: "then" is the time on the line under the headline. */
    N_("Hold off running until then, and start only if nothing new has appeared.") },
  [AFTERCARE_VERDICT_REST] = {
    /* Translators: verdict headline. */
    N_("Rest today"),
    N_("No running today. Rest, walk gently, do some easy mobility, or cross-train lightly if "
       "it feels comfortable.") },
  [AFTERCARE_VERDICT_SEEK_CARE] = {
    /* Translators: verdict headline. */
    N_("Talk to your therapist or a doctor before running"),
    N_("Do not run. Contact your massage therapist or a healthcare professional about what you "
       "feel.") },
};

/* In bit order of AftercareSymptoms. The phrase is the name as it reads
 * inside a sentence ("You reported heavy legs and a headache."). */
static const struct {
  AftercareSymptoms symptom;
  const char *title;
  const char *description;
  const char *phrase;
} symptom_texts[] = {
  { AFTERCARE_SYMPTOM_HEAVINESS, N_("Heavy legs"),
    N_("Legs feel heavy or dead"), NC_("in a sentence", "heavy legs") },
  { AFTERCARE_SYMPTOM_BRUISING, N_("Bruising"),
    N_("Marks or discoloured skin where you were worked on"), NC_("in a sentence", "bruising") },
  { AFTERCARE_SYMPTOM_SWELLING, N_("Swelling"),
    N_("The treated area looks or feels puffy"), NC_("in a sentence", "swelling") },
  { AFTERCARE_SYMPTOM_SHARP_PAIN, N_("Sharp pain"),
    N_("Stabbing or sharp pain, not a dull ache"), NC_("in a sentence", "sharp pain") },
  { AFTERCARE_SYMPTOM_RADIATING_PAIN, N_("Radiating pain"),
    N_("Pain that spreads or shoots along a limb"), NC_("in a sentence", "radiating pain") },
  { AFTERCARE_SYMPTOM_PINS_AND_NEEDLES, N_("Pins and needles"),
    N_("Tingling or prickling in the skin"), NC_("in a sentence", "pins and needles") },
  { AFTERCARE_SYMPTOM_NUMBNESS, N_("Numbness"),
    N_("Part of you feels numb or dull to the touch"), NC_("in a sentence", "numbness") },
  { AFTERCARE_SYMPTOM_REDUCED_RANGE, N_("Reduced range"),
    N_("Stiffness that limits how far you can move"),
    NC_("in a sentence", "stiffness that limits movement") },
  { AFTERCARE_SYMPTOM_ALTERED_STRIDE, N_("Altered stride"),
    N_("You walk or run differently to spare a sore spot"),
    NC_("in a sentence", "a changed stride") },
  { AFTERCARE_SYMPTOM_FEVER, N_("Fever"),
    N_("A raised temperature, chills or feeling hot"), NC_("in a sentence", "fever") },
  { AFTERCARE_SYMPTOM_DIZZINESS, N_("Dizziness"),
    N_("Feeling light-headed or unsteady"), NC_("in a sentence", "dizziness") },
  { AFTERCARE_SYMPTOM_NAUSEA, N_("Nausea"),
    N_("Feeling sick to your stomach"), NC_("in a sentence", "nausea") },
  { AFTERCARE_SYMPTOM_UNUSUAL_FATIGUE, N_("Unusual tiredness"),
    N_("Far more tired than a massage usually leaves you"),
    NC_("in a sentence", "unusual tiredness") },
  { AFTERCARE_SYMPTOM_HEADACHE, N_("Headache"),
    N_("A headache that started after the massage"), NC_("in a sentence", "a headache") },
};

const char *
aftercare_verdict_get_title (AftercareVerdict verdict)
{
  g_return_val_if_fail ((guint) verdict < G_N_ELEMENTS (verdict_texts), NULL);
  return _(verdict_texts[verdict].title);
}

const char *
aftercare_verdict_get_description (AftercareVerdict verdict)
{
  g_return_val_if_fail ((guint) verdict < G_N_ELEMENTS (verdict_texts), NULL);
  return _(verdict_texts[verdict].description);
}

const char *
aftercare_verdict_get_badge_label (AftercareVerdict verdict)
{
  switch (verdict)
    {
    case AFTERCARE_VERDICT_SEEK_CARE:
      /* Translators: a verdict in one or two words, on a small badge. */
      return C_("verdict badge", "Seek care");
    case AFTERCARE_VERDICT_REST:
      return C_("verdict badge", "Rest");
    case AFTERCARE_VERDICT_WAIT:
      return C_("verdict badge", "Wait");
    case AFTERCARE_VERDICT_EASY_RUN:
      return C_("verdict badge", "Easy run");
    case AFTERCARE_VERDICT_TRAIN:
      return C_("verdict badge", "Train");
    default:
      g_return_val_if_reached (NULL);
    }
}

static int
symptom_index (AftercareSymptoms symptom)
{
  for (guint i = 0; i < G_N_ELEMENTS (symptom_texts); i++)
    if (symptom_texts[i].symptom == symptom)
      return i;
  return -1;
}

const char *
aftercare_symptom_get_title (AftercareSymptoms symptom)
{
  int i = symptom_index (symptom);

  g_return_val_if_fail (i >= 0, NULL);
  return _(symptom_texts[i].title);
}

const char *
aftercare_symptom_get_description (AftercareSymptoms symptom)
{
  int i = symptom_index (symptom);

  g_return_val_if_fail (i >= 0, NULL);
  return _(symptom_texts[i].description);
}

char *
aftercare_symptoms_to_phrase (AftercareSymptoms symptoms)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autofree char *list = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (symptom_texts); i++)
    if (symptoms & symptom_texts[i].symptom)
      g_ptr_array_add (names, (gpointer) g_dpgettext2 (NULL, "in a sentence",
                                                      symptom_texts[i].phrase));
  if (names->len == 0)
    return g_strdup ("");
  list = g_strdup (g_ptr_array_index (names, 0));
  for (guint i = 1; i + 1 < names->len; i++)
    {
      char *longer = g_strdup_printf (
        /* Translators: joins the items of a list but the last: "fever, nausea". */
        _("%s, %s"), list, (const char *) g_ptr_array_index (names, i));
      g_free (list);
      list = longer;
    }
  if (names->len == 1)
    return g_steal_pointer (&list);
  /* Translators: joins the last item of a list: "fever, nausea and a headache". */
  return g_strdup_printf (_("%s and %s"), list, (const char *) g_ptr_array_index (names, names->len - 1));
}

/* The titles of the flags set in bits, lowest first, joined with commas;
 * NULL for none. */
static char *
join_titles (guint         bits,
             const char *(*get_title) (guint flag))
{
  g_autoptr(GString) text = NULL;

  if (bits == 0)
    return NULL;
  text = g_string_new (NULL);
  for (int bit = -1; (bit = g_bit_nth_lsf (bits, bit)) >= 0; )
    {
      if (text->len > 0)
        /* Translators: between two items of a list, "Heavy legs, Bruising". */
        g_string_append (text, _(", "));
      g_string_append (text, get_title (1u << bit));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static const char *
symptom_title (guint flag)
{
  return aftercare_symptom_get_title (flag);
}

char *
aftercare_symptoms_to_list (AftercareSymptoms symptoms)
{
  return join_titles (symptoms, symptom_title);
}

const char *
aftercare_area_get_title (AftercareAreas area)
{
  switch (area)
    {
    /* Translators: areas of the body a massage treated. */
    case AFTERCARE_AREA_NECK: return C_("area", "Neck");
    case AFTERCARE_AREA_SHOULDERS: return C_("area", "Shoulders");
    case AFTERCARE_AREA_UPPER_BACK: return C_("area", "Upper back");
    case AFTERCARE_AREA_LOWER_BACK: return C_("area", "Lower back");
    case AFTERCARE_AREA_CHEST: return C_("area", "Chest");
    case AFTERCARE_AREA_ARMS: return C_("area", "Arms");
    case AFTERCARE_AREA_HANDS: return C_("area", "Hands");
    case AFTERCARE_AREA_GLUTES: return C_("area", "Glutes");
    case AFTERCARE_AREA_HIPS: return C_("area", "Hips");
    case AFTERCARE_AREA_QUADRICEPS: return C_("area", "Quadriceps");
    case AFTERCARE_AREA_HAMSTRINGS: return C_("area", "Hamstrings");
    case AFTERCARE_AREA_CALVES: return C_("area", "Calves");
    case AFTERCARE_AREA_FEET: return C_("area", "Feet");
    case AFTERCARE_AREA_WHOLE_BODY: return C_("area", "Whole body");
    case AFTERCARE_AREA_NONE:
    default:
      g_return_val_if_reached (NULL);
    }
}

static const char *
area_title (guint flag)
{
  return aftercare_area_get_title (flag);
}

char *
aftercare_areas_to_list (AftercareAreas areas)
{
  return join_titles (areas, area_title);
}

char *
aftercare_massage_get_title (AftercareMassageType type,
                             AftercarePressure    pressure)
{
  const char *name = aftercare_massage_type_get_name (type);

  switch (pressure)
    {
    case AFTERCARE_PRESSURE_LIGHT:
      /* Translators: a session's title; %s is the massage type ("Swedish · light pressure"). */
      return g_strdup_printf (_("%s · light pressure"), name);
    case AFTERCARE_PRESSURE_MODERATE:
      /* Translators: a session's title; %s is the massage type ("Sports · moderate pressure"). */
      return g_strdup_printf (_("%s · moderate pressure"), name);
    case AFTERCARE_PRESSURE_DEEP:
      /* Translators: a session's title; %s is the massage type ("Deep tissue · deep pressure"). */
      return g_strdup_printf (_("%s · deep pressure"), name);
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
aftercare_soreness_get_band (guint soreness)
{
  g_return_val_if_fail (soreness <= 10, NULL);
  /* Translators: soreness bands on the 0–10 scale: 0, 1–2, 3–4, 5–10. */
  if (soreness == 0)
    return C_("soreness", "None");
  if (soreness <= 2)
    return C_("soreness", "Mild");
  if (soreness <= 4)
    return C_("soreness", "Above mild");
  return C_("soreness", "Marked");
}

char *
aftercare_soreness_to_value_text (guint soreness)
{
  g_return_val_if_fail (soreness <= 10, NULL);
  /* Translators: a soreness and its band, as the soreness scale reads out, "4, Above mild". */
  return g_strdup_printf (_("%u, %s"), soreness, aftercare_soreness_get_band (soreness));
}

const char *
aftercare_disclaimer (void)
{
  return _("General information, not medical advice. If you are unsure or worried, ask a "
           "healthcare professional.");
}
