/* test-time.c: clock times for people, relative to now (aftercare_time_format_clock in aftercare-time.c). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "aftercare-time.h"
#include "aftercare-time-source.h"

static void
assert_clock (const char *time_text,
              const char *now_text,
              gboolean    clock_24h,
              const char *expected)
{
  g_autoptr(GDateTime) time = aftercare_time_parse (time_text);
  g_autoptr(GDateTime) now = aftercare_time_parse (now_text);
  g_autofree char *text = NULL;

  g_assert_nonnull (time);
  g_assert_nonnull (now);
  text = aftercare_time_format_clock (time, now, clock_24h);
  g_assert_cmpstr (text, ==, expected);
}

static void
test_clock_today (void)
{
  assert_clock ("2026-11-24T18:00:00Z", "2026-11-24T10:00:00Z", TRUE, "18:00");
  assert_clock ("2026-11-24T18:00:00Z", "2026-11-24T10:00:00Z", FALSE, "6:00 PM");
  assert_clock ("2026-11-24T08:05:00Z", "2026-11-24T10:00:00Z", TRUE, "08:05");
  assert_clock ("2026-11-24T08:05:00Z", "2026-11-24T10:00:00Z", FALSE, "8:05 AM");
  assert_clock ("2026-11-24T00:00:00Z", "2026-11-24T10:00:00Z", FALSE, "12:00 AM");
  assert_clock ("2026-11-24T23:59:00Z", "2026-11-24T00:00:00Z", TRUE, "23:59");
}

static void
test_clock_tomorrow (void)
{
  assert_clock ("2026-11-25T08:00:00Z", "2026-11-24T10:00:00Z", TRUE, "tomorrow 08:00");
  assert_clock ("2026-11-25T08:00:00Z", "2026-11-24T10:00:00Z", FALSE, "tomorrow 8:00 AM");
  /* Just after midnight is tomorrow, though less than an hour away. */
  assert_clock ("2026-11-25T00:30:00Z", "2026-11-24T23:30:00Z", TRUE, "tomorrow 00:30");
  /* Across the end of a month and of a year. */
  assert_clock ("2026-12-01T09:00:00Z", "2026-11-30T20:00:00Z", TRUE, "tomorrow 09:00");
  assert_clock ("2027-01-01T09:00:00Z", "2026-12-31T20:00:00Z", TRUE, "tomorrow 09:00");
}

static void
test_clock_other_days (void)
{
  assert_clock ("2026-11-26T08:00:00Z", "2026-11-24T10:00:00Z", TRUE, "Thu 26 Nov 08:00");
  assert_clock ("2026-11-26T20:30:00Z", "2026-11-24T10:00:00Z", FALSE, "Thu 26 Nov 8:30 PM");
  /* Earlier days too: yesterday is a date, not "tomorrow". */
  assert_clock ("2026-11-23T10:00:00Z", "2026-11-24T10:00:00Z", TRUE, "Mon 23 Nov 10:00");
  /* Another year says which. */
  assert_clock ("2027-01-02T09:00:00Z", "2026-12-31T20:00:00Z", TRUE, "Sat 2 Jan 2027 09:00");
}

static void
test_clock_in_nows_zone (void)
{
  /* The reader is at +01:00: 23:30 UTC is already tomorrow for them. */
  assert_clock ("2026-11-24T23:30:00Z", "2026-11-24T10:00:00+01:00", TRUE, "tomorrow 00:30");
  /* A time entered at -05:00 shows on the reader's clock. */
  assert_clock ("2026-11-24T13:00:00-05:00", "2026-11-24T10:00:00+01:00", TRUE, "19:00");
  assert_clock ("2026-11-24T13:00:00-05:00", "2026-11-24T10:00:00Z", FALSE, "6:00 PM");
}

static void
assert_parsed (const char *text,
               const char *expected)
{
  g_autoptr(GDateTime) time = aftercare_time_parse (text);
  g_autofree char *formatted = NULL;

  if (expected == NULL)
    {
      if (time != NULL)
        g_error ("“%s” should be rejected", text);
      return;
    }
  g_assert_nonnull (time);
  formatted = aftercare_time_format (time);
  g_assert_cmpstr (formatted, ==, expected);
}

/* Years outside 1900–9000 are typos that would not read back (year 999
 * was written "999-…") or overflow the timeline (year 9999). */
static void
test_parse_year_range (void)
{
  assert_parsed ("1900-01-01T00:00:00Z", "1900-01-01T00:00:00Z");
  assert_parsed ("9000-12-31T23:00:00+01:00", "9000-12-31T23:00:00+01:00");
  assert_parsed ("1899-12-31T23:59:59Z", NULL);
  assert_parsed ("0999-01-01T00:00:00Z", NULL);
  assert_parsed ("9001-01-01T00:00:00Z", NULL);
  assert_parsed ("9999-12-31T00:00:00Z", NULL);
}

static void
test_parse_offsets (void)
{
  assert_parsed ("2026-11-24T10:00:00z", "2026-11-24T10:00:00Z");
  assert_parsed ("2026-11-24T10:00:00+14:00", "2026-11-24T10:00:00+14:00");
  assert_parsed ("2026-11-24T10:00:00-18:00", "2026-11-24T10:00:00-18:00");
  assert_parsed ("2026-11-24T10:00:00+18:01", NULL);
  assert_parsed ("2026-11-24T10:00:00+24:00", NULL);
  assert_parsed ("2026-11-24T10:00:00", NULL);
}

/* The year is always written in four digits. */
static void
test_format_pads_year (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) time = g_date_time_new (utc, 999, 1, 2, 3, 4, 5);
  g_autofree char *text = aftercare_time_format (time);
  g_autofree char *utc_text = aftercare_time_format_utc (time);

  g_assert_cmpstr (text, ==, "0999-01-02T03:04:05Z");
  g_assert_cmpstr (utc_text, ==, "0999-01-02T03:04:05Z");
}

/* A fixed time source reads the time and the clock it was given, every time. */
static void
test_fixed_time_source (void)
{
  g_autoptr(GDateTime) then = aftercare_time_parse ("2026-11-24T18:00:00+01:00");
  g_autoptr(AftercareTimeSource) source = aftercare_fixed_time_new (then, FALSE);
  g_autoptr(GDateTime) first = aftercare_time_source_now (source);
  g_autoptr(GDateTime) second = aftercare_time_source_now (source);

  g_assert_true (g_date_time_equal (first, then));
  g_assert_true (g_date_time_equal (second, then));
  g_assert_cmpint (g_date_time_get_utc_offset (first), ==, g_date_time_get_utc_offset (then));
  g_assert_false (aftercare_time_source_get_clock_24h (source));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/time/clock/today", test_clock_today);
  g_test_add_func ("/time/source/fixed", test_fixed_time_source);
  g_test_add_func ("/time/clock/tomorrow", test_clock_tomorrow);
  g_test_add_func ("/time/clock/other-days", test_clock_other_days);
  g_test_add_func ("/time/clock/in-nows-zone", test_clock_in_nows_zone);
  g_test_add_func ("/time/parse/year-range", test_parse_year_range);
  g_test_add_func ("/time/parse/offsets", test_parse_offsets);
  g_test_add_func ("/time/format/pads-year", test_format_pads_year);
  return g_test_run ();
}
