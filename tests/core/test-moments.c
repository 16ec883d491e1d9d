/* test-moments.c: check-ins at the same instant are one moment, and a stored session is assessed one way (aftercare-moments.c, aftercare-session-assess.c). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "aftercare-moments.h"
#include "aftercare-session-assess.h"
#include "aftercare-time.h"
#include "store-test-util.h"

#define END "2026-11-24T10:00:00Z"
#define AT "2026-11-24T13:00:00Z"
#define LATER "2026-11-24T15:00:00Z"

static AftercareSession *
session_new (void)
{
  g_autoptr(GDateTime) end = aftercare_time_parse (END);
  AftercareSession *session = aftercare_session_new (end);

  aftercare_session_set_massage_type (session, AFTERCARE_MASSAGE_SPORTS);
  aftercare_session_set_pressure (session, AFTERCARE_PRESSURE_LIGHT);
  return session;
}

static AftercareCheckin *
checkin_new (AftercareSession  *session,
             const char        *at,
             guint              soreness,
             AftercareSymptoms  symptoms,
             const char        *notes)
{
  g_autoptr(GDateTime) time = aftercare_time_parse (at);
  AftercareCheckin *checkin = aftercare_checkin_new (aftercare_session_get_id (session), time,
                                                     soreness, symptoms);

  aftercare_checkin_set_notes (checkin, notes);
  return checkin;
}

/* The worst reading of the instant counts, whatever the order given: the
 * highest soreness, every symptom, both notes in a fixed order. */
static void
test_merge_in_either_order (void)
{
  g_autoptr(AftercareSession) session = session_new ();

  for (guint order = 0; order < 2; order++)
    {
      g_autoptr(GPtrArray) checkins = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GPtrArray) moments = NULL;
      AftercareCheckin *moment;

      g_ptr_array_add (checkins, checkin_new (session, LATER, 1, 0, ""));
      g_ptr_array_add (checkins, checkin_new (session, AT, 5, AFTERCARE_SYMPTOM_FEVER, "hot"));
      g_ptr_array_insert (checkins, order == 0 ? 1 : 2,
                          checkin_new (session, "2026-11-24T14:00:00+01:00", 2,
                                       AFTERCARE_SYMPTOM_NUMBNESS, "calm"));
      moments = aftercare_checkins_to_moments (checkins);
      g_assert_cmpuint (moments->len, ==, 2);
      moment = g_ptr_array_index (moments, 0);
      g_assert_cmpuint (aftercare_checkin_get_soreness (moment), ==, 5);
      g_assert_cmpuint (aftercare_checkin_get_symptoms (moment), ==,
                        AFTERCARE_SYMPTOM_FEVER | AFTERCARE_SYMPTOM_NUMBNESS);
      g_assert_cmpstr (aftercare_checkin_get_notes (moment), ==, "calm\nhot");
      g_assert_cmpstr (aftercare_checkin_get_session_id (moment), ==, aftercare_session_get_id (session));
      /* Oldest first; a check-in alone at its instant is itself. */
      g_assert_true (g_ptr_array_index (moments, 1) == g_ptr_array_index (checkins, 0));
    }
}

static void
test_none_is_empty (void)
{
  g_autoptr(GPtrArray) none = aftercare_checkins_to_moments (NULL);

  g_assert_cmpuint (none->len, ==, 0);
}

/* A throw-away database with one session. */
typedef struct {
  char *folder;
  AftercareStore *store;
  AftercareSession *session;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *location = NULL;

  f->folder = test_make_folder ();
  location = g_build_filename (f->folder, "aftercare.db", NULL);
  f->store = test_store_open (location);
  f->session = session_new ();
  g_assert_true (aftercare_store_add_session (f->store, f->session, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->session);
  g_clear_object (&f->store);
  test_remove_folder (f->folder);
  g_free (f->folder);
}

static void
store_checkin (Fixture           *f,
               guint              soreness,
               AftercareSymptoms  symptoms)
{
  g_autoptr(AftercareCheckin) checkin = checkin_new (f->session, AT, soreness, symptoms, "");
  g_autoptr(GError) error = NULL;

  g_assert_true (aftercare_store_add_checkin (f->store, checkin, &error));
  g_assert_no_error (error);
}

static AftercareAssessment *
assess_at (Fixture           *f,
           const char        *now_text,
           AftercareCheckin  *extra,
           GPtrArray        **checkins)
{
  g_autoptr(GDateTime) now = aftercare_time_parse (now_text);
  g_autoptr(GError) error = NULL;
  AftercareAssessment *assessment = aftercare_session_assess (f->store, f->session, extra,
                                                              AFTERCARE_PLANNED_RUN_EASY, now,
                                                              checkins, &error);

  g_assert_no_error (error);
  g_assert_nonnull (assessment);
  return assessment;
}

/* The case: [calm, fever and numbness] and the reverse, stored in
 * either order (the store breaks ties by a random id), both seek care. */
static void
test_stored_same_instant (Fixture       *f,
                          gconstpointer  data)
{
  gboolean calm_first = GPOINTER_TO_INT (data);
  g_autoptr(AftercareAssessment) assessment = NULL;
  g_autoptr(GPtrArray) checkins = NULL;

  store_checkin (f, calm_first ? 0 : 1, calm_first ? 0 : AFTERCARE_SYMPTOM_FEVER | AFTERCARE_SYMPTOM_NUMBNESS);
  store_checkin (f, calm_first ? 1 : 0, calm_first ? AFTERCARE_SYMPTOM_FEVER | AFTERCARE_SYMPTOM_NUMBNESS : 0);
  assessment = assess_at (f, AT, NULL, &checkins);
  g_assert_cmpint (aftercare_assessment_get_verdict (assessment), ==, AFTERCARE_VERDICT_SEEK_CARE);
  g_assert_cmpuint (aftercare_assessment_get_red_flags (assessment), ==,
                    AFTERCARE_SYMPTOM_FEVER | AFTERCARE_SYMPTOM_NUMBNESS);
  /* The views still list every stored check-in. */
  g_assert_cmpuint (checkins->len, ==, 2);
}

/* The wizard's answers join the stored check-ins without being stored. */
static void
test_extra_checkin_counts (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(AftercareCheckin) answers = checkin_new (f->session, LATER, 4, 0, "");
  g_autoptr(AftercareAssessment) with = NULL;
  g_autoptr(AftercareAssessment) without = NULL;
  g_autoptr(GPtrArray) checkins = NULL;

  store_checkin (f, 1, 0);
  with = assess_at (f, LATER, answers, &checkins);
  g_assert_cmpint (aftercare_assessment_get_verdict (with), ==, AFTERCARE_VERDICT_REST);
  g_assert_cmpint (aftercare_assessment_get_soreness (with), ==, 4);
  g_assert_cmpuint (checkins->len, ==, 1);
  without = assess_at (f, LATER, NULL, NULL);
  g_assert_cmpint (aftercare_assessment_get_verdict (without), ==, AFTERCARE_VERDICT_EASY_RUN);
}

/* Check-ins that cannot be read give no verdict, never "nothing reported". */
static void
test_unreadable_gives_no_verdict (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GDateTime) now = aftercare_time_parse (AT);
  g_autoptr(AftercareSession) unknown = session_new ();
  g_autoptr(GPtrArray) checkins = NULL;
  g_autoptr(GError) error = NULL;
  AftercareAssessment *assessment;

  assessment = aftercare_session_assess (f->store, unknown, NULL, AFTERCARE_PLANNED_RUN_EASY, now,
                                         &checkins, &error);
  g_assert_null (assessment);
  g_assert_null (checkins);
  g_assert_error (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_NOT_FOUND);
  g_assert_true (g_str_has_prefix (error->message, "Could not read the check-ins: "));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/moments/merge-in-either-order", test_merge_in_either_order);
  g_test_add_func ("/moments/none", test_none_is_empty);
  g_test_add ("/session-assess/same-instant/calm-first", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_stored_same_instant, fixture_tear_down);
  g_test_add ("/session-assess/same-instant/unwell-first", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_stored_same_instant, fixture_tear_down);
  g_test_add ("/session-assess/extra-checkin", Fixture, NULL,
              fixture_set_up, test_extra_checkin_counts, fixture_tear_down);
  g_test_add ("/session-assess/unreadable", Fixture, NULL,
              fixture_set_up, test_unreadable_gives_no_verdict, fixture_tear_down);
  return g_test_run ();
}
