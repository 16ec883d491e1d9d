/* test-time.c: ISO 8601 times, and times for people in every view, the sheet and the store (aftercare-time.c). */
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

/* The one place every time for people goes through takes off the space a
 * field the locale leaves empty leaves behind: in a locale with no AM/PM
 * words "%-l:%M %p" gives "6:00 ", which would show as a gap. */
static void
test_format_trims_empty_fields (void)
{
  g_autoptr(GDateTime) time = aftercare_time_parse ("2026-11-24T18:00:00Z");
  g_autofree char *trailing = aftercare_time_format_with (time, "%-l:%M ");
  g_autofree char *leading = aftercare_time_format_with (time, " %-l:%M");
  g_autofree char *with_ampm = aftercare_time_format_with (time, "%-l:%M %p");
  g_autofree char *clock_12h = aftercare_time_format_time_of_day (time, FALSE);
  g_autofree char *clock_24h = aftercare_time_format_time_of_day (time, TRUE);

  g_assert_cmpstr (trailing, ==, "6:00");
  g_assert_cmpstr (leading, ==, "6:00");
  g_assert_cmpstr (with_ampm, ==, "6:00 PM");
  g_assert_cmpstr (clock_12h, ==, "6:00 PM");
  g_assert_cmpstr (clock_24h, ==, "18:00");
}

static void
assert_day_and_time (const char *time_text,
                     const char *now_text,
                     gboolean    clock_24h,
                     const char *expected,
                     const char *expected_with_year)
{
  g_autoptr(GDateTime) time = aftercare_time_parse (time_text);
  g_autoptr(GDateTime) now = aftercare_time_parse (now_text);
  g_autofree char *text = aftercare_time_format_day_and_time (time, now, clock_24h);
  g_autofree char *with_year = aftercare_time_format_day_and_time_with_year (time, now, clock_24h);

  g_assert_cmpstr (text, ==, expected);
  g_assert_cmpstr (with_year, ==, expected_with_year);
}

/* Lists and records: the day always, the year when it is not this year's
 * (on paper, always), on the reader's clock. */
static void
test_day_and_time (void)
{
  assert_day_and_time ("2026-11-24T10:00:00Z", "2026-11-24T12:00:00Z", TRUE,
                       "Tue 24 Nov, 10:00", "Tue 24 Nov 2026, 10:00");
  assert_day_and_time ("2026-11-24T18:00:00Z", "2026-11-30T12:00:00Z", FALSE,
                       "Tue 24 Nov, 6:00 PM", "Tue 24 Nov 2026, 6:00 PM");
  assert_day_and_time ("2025-11-24T10:00:00Z", "2026-01-02T12:00:00Z", TRUE,
                       "Mon 24 Nov 2025, 10:00", "Mon 24 Nov 2025, 10:00");
  /* 23:30 UTC on New Year's Eve is already the new year at +01:00. */
  assert_day_and_time ("2026-12-31T23:30:00Z", "2027-01-01T10:00:00+01:00", TRUE,
                       "Fri 1 Jan, 00:30", "Fri 1 Jan 2027, 00:30");
}

/* The day alone, as a deleted massage's toast names it: the year only
 * when it is not now's, in now's time zone. */
static void
test_day (void)
{
  static const struct { const char *time, *now, *expected; } cases[] = {
    { "2026-11-24T10:00:00Z", "2026-11-30T12:00:00Z", "Tue 24 Nov" },
    { "2025-11-24T10:00:00Z", "2026-01-02T12:00:00Z", "Mon 24 Nov 2025" },
    { "2026-12-31T23:30:00Z", "2027-01-01T10:00:00+01:00", "Fri 1 Jan" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) time = aftercare_time_parse (cases[i].time);
      g_autoptr(GDateTime) now = aftercare_time_parse (cases[i].now);
      g_autofree char *day = aftercare_time_format_day (time, now);

      g_assert_cmpstr (day, ==, cases[i].expected);
    }
}

static void
test_weekday (void)
{
  g_autoptr(GDateTime) time = aftercare_time_parse ("2026-11-24T23:30:00-05:00");
  g_autofree char *weekday = aftercare_time_format_weekday (time);

  /* In the time's own zone: still Tuesday at -05:00. */
  g_assert_cmpstr (weekday, ==, "Tue");
}

static void
assert_hours_after (double hours, const char *expected)
{
  g_autofree char *text = aftercare_time_format_hours_after (hours);

  g_assert_cmpstr (text, ==, expected);
}

/* Minutes in the first hour, hours until the third day, then days. */
static void
test_hours_after (void)
{
  assert_hours_after (-0.1, "0 minutes after");
  assert_hours_after (0.0, "0 minutes after");
  assert_hours_after (1.0 / 60.0, "1 minute after");
  assert_hours_after (0.75, "45 minutes after");
  assert_hours_after (1.0, "1 hour after");
  assert_hours_after (12.5, "12 hours after");
  assert_hours_after (71.9, "71 hours after");
  assert_hours_after (72.0, "3 days after");
  assert_hours_after (24.0 * 10 + 5, "10 days after");
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
  g_test_add_func ("/time/people/trims-empty-fields", test_format_trims_empty_fields);
  g_test_add_func ("/time/people/day-and-time", test_day_and_time);
  g_test_add_func ("/time/people/day", test_day);
  g_test_add_func ("/time/people/weekday", test_weekday);
  g_test_add_func ("/time/people/hours-after", test_hours_after);
  g_test_add_func ("/time/parse/year-range", test_parse_year_range);
  g_test_add_func ("/time/parse/offsets", test_parse_offsets);
  g_test_add_func ("/time/format/pads-year", test_format_pads_year);
  return g_test_run ();
}
