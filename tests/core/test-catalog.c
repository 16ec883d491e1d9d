/* test-catalog.c: the eight massage types and what each tends to do (aftercare-catalog.c). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "aftercare-catalog.h"

static void
test_catalog_lists_eight_in_order (void)
{
  g_autoptr(GListModel) catalog = aftercare_catalog_new ();

  g_assert_cmpuint (g_list_model_get_n_items (catalog), ==, AFTERCARE_N_MASSAGE_TYPES);
  g_assert_true (g_list_model_get_item_type (catalog) == AFTERCARE_TYPE_MASSAGE_KIND);
  for (guint i = 0; i < AFTERCARE_N_MASSAGE_TYPES; i++)
    {
      g_autoptr(AftercareMassageKind) kind = g_list_model_get_item (catalog, i);

      g_assert_cmpint (aftercare_massage_kind_get_massage_type (kind), ==, i);
      g_assert_cmpstr (aftercare_massage_kind_get_key (kind), ==, aftercare_massage_type_to_key (i));
      /* The list holds the shared kinds that lookup returns. */
      g_assert_true (kind == aftercare_catalog_lookup (i));
    }
}

static void
test_catalog_new_lists_are_independent (void)
{
  g_autoptr(GListModel) a = aftercare_catalog_new ();
  g_autoptr(GListModel) b = aftercare_catalog_new ();

  g_assert_true (a != b);
  g_list_store_remove (G_LIST_STORE (a), 0);
  g_assert_cmpuint (g_list_model_get_n_items (a), ==, 7);
  g_assert_cmpuint (g_list_model_get_n_items (b), ==, 8);
}

static void
test_kind_texts_present_and_distinct (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < AFTERCARE_N_MASSAGE_TYPES; i++)
    {
      AftercareMassageKind *kind = aftercare_catalog_lookup (i);
      const char *texts[] = {
        aftercare_massage_kind_get_technique (kind),
        aftercare_massage_kind_get_duration_text (kind),
        aftercare_massage_kind_get_tell_therapist (kind),
      };

      g_assert_cmpuint (strlen (aftercare_massage_kind_get_name (kind)), >, 2);
      g_assert_cmpuint (strlen (aftercare_massage_kind_get_pressure_text (kind)), >, 3);
      for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
        {
          g_assert_cmpuint (strlen (texts[t]), >, 30);
          g_assert_true (g_str_has_suffix (texts[t], "."));
          /* Each type says something of its own. */
          g_assert_true (g_hash_table_add (seen, (gpointer) texts[t]));
        }
    }
}

static void
test_kind_facts_from_source (void)
{
  static const struct {
    AftercareMassageType type;
    const char *name;
    AftercarePressure pressure;
    AftercareLikelihood likelihood;
  } facts[] = {
    { AFTERCARE_MASSAGE_SWEDISH, "Swedish", AFTERCARE_PRESSURE_MODERATE, AFTERCARE_LIKELIHOOD_UNLIKELY },
    { AFTERCARE_MASSAGE_DEEP_TISSUE, "Deep tissue", AFTERCARE_PRESSURE_DEEP, AFTERCARE_LIKELIHOOD_LIKELY },
    { AFTERCARE_MASSAGE_TRIGGER_POINT, "Trigger point", AFTERCARE_PRESSURE_DEEP, AFTERCARE_LIKELIHOOD_LIKELY },
    { AFTERCARE_MASSAGE_MYOFASCIAL_RELEASE, "Myofascial release", AFTERCARE_PRESSURE_MODERATE, AFTERCARE_LIKELIHOOD_POSSIBLE },
    { AFTERCARE_MASSAGE_SPORTS, "Sports", AFTERCARE_PRESSURE_DEEP, AFTERCARE_LIKELIHOOD_LIKELY },
    { AFTERCARE_MASSAGE_THAI, "Thai", AFTERCARE_PRESSURE_MODERATE, AFTERCARE_LIKELIHOOD_POSSIBLE },
    { AFTERCARE_MASSAGE_LYMPHATIC_DRAINAGE, "Lymphatic drainage", AFTERCARE_PRESSURE_LIGHT, AFTERCARE_LIKELIHOOD_UNLIKELY },
    { AFTERCARE_MASSAGE_HOT_STONE, "Hot stone", AFTERCARE_PRESSURE_MODERATE, AFTERCARE_LIKELIHOOD_UNLIKELY },
  };

  for (guint i = 0; i < G_N_ELEMENTS (facts); i++)
    {
      AftercareMassageKind *kind = aftercare_catalog_lookup (facts[i].type);

      g_assert_cmpstr (aftercare_massage_kind_get_name (kind), ==, facts[i].name);
      g_assert_cmpstr (aftercare_massage_type_get_name (facts[i].type), ==, facts[i].name);
      g_assert_cmpint (aftercare_massage_kind_get_typical_pressure (kind), ==, facts[i].pressure);
      g_assert_cmpint (aftercare_massage_kind_get_likelihood (kind), ==, facts[i].likelihood);
    }
  /* Source 001: lymphatic drainage may leave you tired; deep tissue soreness lasts 24–48 h. */
  g_assert_nonnull (strstr (aftercare_massage_kind_get_duration_text (
                      aftercare_catalog_lookup (AFTERCARE_MASSAGE_LYMPHATIC_DRAINAGE)), "tired"));
  g_assert_nonnull (strstr (aftercare_massage_kind_get_duration_text (
                      aftercare_catalog_lookup (AFTERCARE_MASSAGE_DEEP_TISSUE)), "24 to 48 hours"));
  /* Source 001: bruising after deep work is worth telling the therapist. */
  g_assert_nonnull (strstr (aftercare_massage_kind_get_tell_therapist (
                      aftercare_catalog_lookup (AFTERCARE_MASSAGE_DEEP_TISSUE)), "bruised"));
}

static void
test_likelihood_words (void)
{
  g_assert_cmpstr (aftercare_massage_kind_get_likelihood_text (
                     aftercare_catalog_lookup (AFTERCARE_MASSAGE_HOT_STONE)), ==, "Unlikely");
  g_assert_cmpstr (aftercare_massage_kind_get_likelihood_text (
                     aftercare_catalog_lookup (AFTERCARE_MASSAGE_THAI)), ==, "Possible");
  g_assert_cmpstr (aftercare_massage_kind_get_likelihood_text (
                     aftercare_catalog_lookup (AFTERCARE_MASSAGE_SPORTS)), ==, "Likely");
}

static void
test_pressure_names (void)
{
  g_assert_cmpstr (aftercare_pressure_get_name (AFTERCARE_PRESSURE_LIGHT), ==, "Light");
  g_assert_cmpstr (aftercare_pressure_get_name (AFTERCARE_PRESSURE_MODERATE), ==, "Moderate");
  g_assert_cmpstr (aftercare_pressure_get_name (AFTERCARE_PRESSURE_DEEP), ==, "Deep");
}

static void
test_properties_match_getters (void)
{
  AftercareMassageKind *kind = aftercare_catalog_lookup (AFTERCARE_MASSAGE_TRIGGER_POINT);
  g_autofree char *key = NULL;
  g_autofree char *name = NULL;
  g_autofree char *technique = NULL;
  g_autofree char *pressure_text = NULL;
  g_autofree char *likelihood_text = NULL;
  g_autofree char *duration_text = NULL;
  g_autofree char *tell_therapist = NULL;
  AftercareMassageType type;
  AftercarePressure pressure;
  guint likelihood;

  g_object_get (kind, "massage-type", &type, "key", &key, "name", &name,
                "technique", &technique, "pressure-text", &pressure_text,
                "typical-pressure", &pressure, "likelihood", &likelihood,
                "likelihood-text", &likelihood_text, "duration-text", &duration_text,
                "tell-therapist", &tell_therapist, NULL);
  g_assert_cmpint (type, ==, AFTERCARE_MASSAGE_TRIGGER_POINT);
  g_assert_cmpstr (key, ==, "trigger-point");
  g_assert_cmpstr (name, ==, aftercare_massage_kind_get_name (kind));
  g_assert_cmpstr (technique, ==, aftercare_massage_kind_get_technique (kind));
  g_assert_cmpstr (pressure_text, ==, aftercare_massage_kind_get_pressure_text (kind));
  g_assert_cmpint (pressure, ==, AFTERCARE_PRESSURE_DEEP);
  g_assert_cmpuint (likelihood, ==, AFTERCARE_LIKELIHOOD_LIKELY);
  g_assert_cmpstr (likelihood_text, ==, "Likely");
  g_assert_cmpstr (duration_text, ==, aftercare_massage_kind_get_duration_text (kind));
  g_assert_cmpstr (tell_therapist, ==, aftercare_massage_kind_get_tell_therapist (kind));
}

/* The types whose text matches search, as "Swedish, Thai". */
static char *
matching (const char *search)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < AFTERCARE_N_MASSAGE_TYPES; i++)
    if (aftercare_massage_kind_matches (aftercare_catalog_lookup (i), search))
      g_string_append_printf (names, "%s%s", names->len > 0 ? ", " : "",
                              aftercare_massage_type_get_name (i));
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static void
test_search_reads_the_whole_text (void)
{
  static const struct { const char *search; const char *found; } cases[] = {
    /* The name, by the start of any of its words, in any case. */
    { "tiss", "Deep tissue, Myofascial release" },
    { "STONE", "Hot stone" },
    /* What it is like: Swedish is there "to help you relax". */
    { "relax", "Swedish" },
    /* Accents typed or not. */
    { "rélax", "Swedish" },
    { "swelling", "Lymphatic drainage" },
    /* Every word counts. */
    { "deep knots", "Trigger point" },
    { "stretch", "Myofascial release, Sports, Thai" },
    { "reflexology", "" },
    /* The middle of a word is not the start of one. */
    { "issue", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *found = matching (cases[i].search);

      g_test_message ("%s: %s", cases[i].search, found);
      g_assert_cmpstr (found, ==, cases[i].found);
    }
  g_assert_true (aftercare_massage_kind_matches (aftercare_catalog_lookup (AFTERCARE_MASSAGE_THAI), ""));
  g_assert_true (aftercare_massage_kind_matches (aftercare_catalog_lookup (AFTERCARE_MASSAGE_THAI), "  "));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/catalog/lists-eight-in-order", test_catalog_lists_eight_in_order);
  g_test_add_func ("/catalog/new-lists-are-independent", test_catalog_new_lists_are_independent);
  g_test_add_func ("/catalog/kind/texts-present-and-distinct", test_kind_texts_present_and_distinct);
  g_test_add_func ("/catalog/kind/facts-from-source", test_kind_facts_from_source);
  g_test_add_func ("/catalog/kind/likelihood-words", test_likelihood_words);
  g_test_add_func ("/catalog/pressure-names", test_pressure_names);
  g_test_add_func ("/catalog/kind/properties-match-getters", test_properties_match_getters);
  g_test_add_func ("/catalog/kind/search-reads-the-whole-text", test_search_reads_the_whole_text);
  return g_test_run ();
}
