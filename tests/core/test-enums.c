/* test-enums.c: the domain's keys, flags and times (aftercare-enums.c, aftercare-time.c). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "aftercare-checkin.h"
#include "aftercare-enums.h"
#include "aftercare-session.h"
#include "aftercare-time.h"

static void
test_enum_keys_round_trip (void)
{
  static const char *types[] = { "swedish", "deep-tissue", "trigger-point", "myofascial-release",
                                 "sports", "thai", "lymphatic-drainage", "hot-stone" };
  int value = -1;

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_assert_true (aftercare_enum_from_key (AFTERCARE_TYPE_MASSAGE_TYPE, types[i], &value));
      g_assert_cmpint (value, ==, (int) i);
      g_assert_cmpstr (aftercare_massage_type_to_key (value), ==, types[i]);
    }
  g_assert_false (aftercare_enum_from_key (AFTERCARE_TYPE_MASSAGE_TYPE, "shiatsu", &value));
  g_assert_false (aftercare_enum_from_key (AFTERCARE_TYPE_PRESSURE, "Deep", &value));
  g_assert_true (aftercare_enum_from_key (AFTERCARE_TYPE_PHASE, "48h+", &value));
  g_assert_cmpint (value, ==, AFTERCARE_PHASE_CHECK);
  g_assert_cmpstr (aftercare_verdict_to_key (AFTERCARE_VERDICT_SEEK_CARE), ==, "seek-care");
  g_assert_cmpstr (aftercare_planned_run_to_key (AFTERCARE_PLANNED_RUN_HARD), ==, "hard");
}

static void
test_flags_keys (void)
{
  const char *keys[] = { "numbness", "heaviness", NULL };
  const char *bad_keys[] = { "heaviness", "itching", NULL };
  const char *bad = NULL;
  g_auto(GStrv) back = NULL;
  g_autofree char *bad_csv = NULL;
  g_autofree char *joined = NULL;
  guint flags = 0;

  g_assert_true (aftercare_flags_from_keys (AFTERCARE_TYPE_SYMPTOMS, keys, &flags, NULL));
  g_assert_cmpuint (flags, ==, AFTERCARE_SYMPTOM_NUMBNESS | AFTERCARE_SYMPTOM_HEAVINESS);
  back = aftercare_flags_to_keys (AFTERCARE_TYPE_SYMPTOMS, flags);
  g_assert_cmpstrv (back, ((const char *[]) { "heaviness", "numbness", NULL }));

  g_assert_false (aftercare_flags_from_keys (AFTERCARE_TYPE_SYMPTOMS, bad_keys, &flags, &bad));
  g_assert_cmpstr (bad, ==, "itching");

  g_assert_true (aftercare_flags_from_string (AFTERCARE_TYPE_AREAS, "calves;hamstrings", &flags, NULL));
  joined = aftercare_flags_to_string (AFTERCARE_TYPE_AREAS, flags);
  g_assert_cmpstr (joined, ==, "hamstrings;calves");
  g_assert_true (aftercare_flags_from_string (AFTERCARE_TYPE_AREAS, "", &flags, NULL));
  g_assert_cmpuint (flags, ==, 0);
  g_assert_false (aftercare_flags_from_string (AFTERCARE_TYPE_AREAS, "calves;knees", &flags, &bad_csv));
  g_assert_cmpstr (bad_csv, ==, "knees");
}

static void
test_time_keeps_offset (void)
{
  g_autoptr(GDateTime) t = aftercare_time_parse ("2026-11-24T10:00:00+01:00");
  g_autoptr(GDateTime) z = aftercare_time_parse ("2026-11-24T09:00:00Z");
  g_autofree char *text = NULL;
  g_autofree char *utc = NULL;

  g_assert_nonnull (t);
  g_assert_nonnull (z);
  text = aftercare_time_format (t);
  g_assert_cmpstr (text, ==, "2026-11-24T10:00:00+01:00");
  utc = aftercare_time_format_utc (t);
  g_assert_cmpstr (utc, ==, "2026-11-24T09:00:00Z");
  g_assert_true (g_date_time_equal (t, z));
  g_assert_cmpfloat (aftercare_time_hours_between (z, t), ==, 0.0);
}

static void
test_time_without_offset_is_rejected (void)
{
  g_assert_null (aftercare_time_parse ("2026-11-24T10:00:00"));
  g_assert_null (aftercare_time_parse ("2026-11-24"));
  g_assert_null (aftercare_time_parse ("yesterday"));
  g_assert_null (aftercare_time_parse (""));
  g_assert_null (aftercare_time_parse ("2026-13-24T10:00:00Z"));
}

static void
test_session_copy_and_equal (void)
{
  g_autoptr(GDateTime) end = aftercare_time_parse ("2026-11-24T10:00:00+01:00");
  g_autoptr(GDateTime) same_instant = aftercare_time_parse ("2026-11-24T09:00:00Z");
  g_autoptr(AftercareSession) a = aftercare_session_new (end);
  g_autoptr(AftercareSession) b = NULL;
  g_autoptr(AftercareCheckin) c = aftercare_checkin_new (aftercare_session_get_id (a), end, 3,
                                                         AFTERCARE_SYMPTOM_BRUISING);
  g_autoptr(AftercareCheckin) d = aftercare_checkin_copy (c);

  aftercare_session_set_massage_type (a, AFTERCARE_MASSAGE_DEEP_TISSUE);
  aftercare_session_set_areas (a, AFTERCARE_AREA_CALVES);
  aftercare_session_set_client (a, "Jordan Avery");
  b = aftercare_session_copy (a);
  g_assert_true (aftercare_session_equal (a, b));
  g_assert_cmpstr (aftercare_session_get_id (a), ==, aftercare_session_get_id (b));

  /* The same instant written with another offset is a different entry. */
  aftercare_session_set_ended_at (b, same_instant);
  g_assert_false (aftercare_session_equal (a, b));

  g_assert_true (aftercare_checkin_equal (c, d));
  aftercare_checkin_set_soreness (d, 4);
  g_assert_false (aftercare_checkin_equal (c, d));
  g_assert_true (g_uuid_string_is_valid (aftercare_checkin_get_id (c)));
}

static void
notify_count_cb (GObject *object, GParamSpec *pspec, int *count)
{
  (*count)++;
}

static void
test_session_notifies_only_on_change (void)
{
  g_autoptr(AftercareSession) s = aftercare_session_new (NULL);
  int count = 0;

  g_signal_connect (s, "notify", G_CALLBACK (notify_count_cb), &count);
  aftercare_session_set_pressure (s, AFTERCARE_PRESSURE_DEEP);
  aftercare_session_set_pressure (s, AFTERCARE_PRESSURE_DEEP);
  aftercare_session_set_client (s, "A");
  aftercare_session_set_client (s, "A");
  g_assert_cmpint (count, ==, 2);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/enums/keys-round-trip", test_enum_keys_round_trip);
  g_test_add_func ("/enums/flags-keys", test_flags_keys);
  g_test_add_func ("/time/keeps-offset", test_time_keeps_offset);
  g_test_add_func ("/time/without-offset-rejected", test_time_without_offset_is_rejected);
  g_test_add_func ("/session/copy-and-equal", test_session_copy_and_equal);
  g_test_add_func ("/session/notifies-only-on-change", test_session_notifies_only_on_change);
  return g_test_run ();
}
