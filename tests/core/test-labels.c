/* test-labels.c: the words for verdicts, symptoms, areas and soreness that the window and the sheet share (aftercare-labels.c). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "aftercare-labels.h"

static void
test_labels (void)
{
  g_autoptr(GHashTable) titles = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GFlagsClass) symptoms = g_type_class_ref (AFTERCARE_TYPE_SYMPTOMS);

  g_assert_cmpstr (aftercare_verdict_get_title (AFTERCARE_VERDICT_REST), ==, "Rest today");
  for (AftercareVerdict v = AFTERCARE_VERDICT_TRAIN; v <= AFTERCARE_VERDICT_SEEK_CARE; v++)
    {
      g_assert_true (g_hash_table_add (titles, (gpointer) aftercare_verdict_get_title (v)));
      g_assert_cmpuint (strlen (aftercare_verdict_get_description (v)), >, 30);
    }
  g_assert_nonnull (strstr (aftercare_verdict_get_description (AFTERCARE_VERDICT_EASY_RUN),
                            "20 to 40 minutes"));
  for (guint i = 0; i < symptoms->n_values; i++)
    {
      AftercareSymptoms s = symptoms->values[i].value;

      g_assert_true (g_hash_table_add (titles, (gpointer) aftercare_symptom_get_title (s)));
      g_assert_cmpuint (strlen (aftercare_symptom_get_description (s)), >, 10);
    }
  g_assert_cmpstr (aftercare_symptom_get_title (AFTERCARE_SYMPTOM_HEAVINESS), ==, "Heavy legs");
  g_assert_cmpuint (strlen (aftercare_disclaimer ()), >, 20);
  g_assert_nonnull (strstr (aftercare_disclaimer (), "not medical advice"));
}

static void
test_symptoms_phrase (void)
{
  g_autofree char *none = aftercare_symptoms_to_phrase (0);
  g_autofree char *one = aftercare_symptoms_to_phrase (AFTERCARE_SYMPTOM_NUMBNESS);
  g_autofree char *two = aftercare_symptoms_to_phrase (AFTERCARE_SYMPTOM_SHARP_PAIN |
                                                      AFTERCARE_SYMPTOM_NUMBNESS);
  g_autofree char *three = aftercare_symptoms_to_phrase (AFTERCARE_SYMPTOM_FEVER |
                                                        AFTERCARE_SYMPTOM_NAUSEA |
                                                        AFTERCARE_SYMPTOM_HEADACHE);

  g_assert_cmpstr (none, ==, "");
  g_assert_cmpstr (one, ==, "numbness");
  g_assert_cmpstr (two, ==, "sharp pain and numbness");
  g_assert_cmpstr (three, ==, "fever, nausea and a headache");
}

static void
test_soreness_bands (void)
{
  static const char *bands[] = { "None", "Mild", "Mild", "Above mild", "Above mild",
                                 "Marked", "Marked", "Marked", "Marked", "Marked", "Marked" };

  for (guint s = 0; s <= 10; s++)
    {
      g_autofree char *expected = g_strdup_printf ("%u, %s", s, bands[s]);
      g_autofree char *value_text = aftercare_soreness_to_value_text (s);

      g_assert_cmpstr (aftercare_soreness_get_band (s), ==, bands[s]);
      g_assert_cmpstr (value_text, ==, expected);
    }
}

/* A badge holds one word or two, a different one for each verdict. */
static void
test_badge_labels (void)
{
  g_autoptr(GHashTable) labels = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_cmpstr (aftercare_verdict_get_badge_label (AFTERCARE_VERDICT_REST), ==, "Rest");
  g_assert_cmpstr (aftercare_verdict_get_badge_label (AFTERCARE_VERDICT_EASY_RUN), ==, "Easy run");
  for (AftercareVerdict v = AFTERCARE_VERDICT_TRAIN; v <= AFTERCARE_VERDICT_SEEK_CARE; v++)
    {
      g_auto(GStrv) words = g_strsplit (aftercare_verdict_get_badge_label (v), " ", -1);

      g_assert_true (g_hash_table_add (labels, (gpointer) aftercare_verdict_get_badge_label (v)));
      g_assert_cmpuint (g_strv_length (words), <=, 2);
    }
}

/* Symptoms and areas listed by title, in the order of their flags. */
static void
test_lists (void)
{
  g_autofree char *symptoms = aftercare_symptoms_to_list (AFTERCARE_SYMPTOM_HEADACHE |
                                                          AFTERCARE_SYMPTOM_HEAVINESS |
                                                          AFTERCARE_SYMPTOM_BRUISING);
  g_autofree char *one = aftercare_symptoms_to_list (AFTERCARE_SYMPTOM_NUMBNESS);
  g_autofree char *areas = aftercare_areas_to_list (AFTERCARE_AREA_HAMSTRINGS | AFTERCARE_AREA_CALVES);
  g_autoptr(GFlagsClass) all_areas = g_type_class_ref (AFTERCARE_TYPE_AREAS);
  g_autoptr(GHashTable) titles = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_cmpstr (symptoms, ==, "Heavy legs, Bruising, Headache");
  g_assert_cmpstr (one, ==, "Numbness");
  g_assert_null (aftercare_symptoms_to_list (AFTERCARE_SYMPTOM_NONE));
  g_assert_cmpstr (areas, ==, "Hamstrings, Calves");
  g_assert_null (aftercare_areas_to_list (AFTERCARE_AREA_NONE));
  for (guint i = 0; i < all_areas->n_values; i++)
    if (all_areas->values[i].value != AFTERCARE_AREA_NONE)
      g_assert_true (g_hash_table_add (titles, (gpointer) aftercare_area_get_title (all_areas->values[i].value)));
}

static void
test_massage_title (void)
{
  g_autofree char *deep = aftercare_massage_get_title (AFTERCARE_MASSAGE_DEEP_TISSUE,
                                                       AFTERCARE_PRESSURE_DEEP);
  g_autofree char *light = aftercare_massage_get_title (AFTERCARE_MASSAGE_SWEDISH,
                                                        AFTERCARE_PRESSURE_LIGHT);

  g_assert_cmpstr (deep, ==, "Deep tissue · deep pressure");
  g_assert_cmpstr (light, ==, "Swedish · light pressure");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/labels/titles-and-descriptions", test_labels);
  g_test_add_func ("/labels/symptoms-phrase", test_symptoms_phrase);
  g_test_add_func ("/labels/soreness-bands", test_soreness_bands);
  g_test_add_func ("/labels/badge-labels", test_badge_labels);
  g_test_add_func ("/labels/lists", test_lists);
  g_test_add_func ("/labels/massage-title", test_massage_title);
  return g_test_run ();
}
