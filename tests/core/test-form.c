/* test-form.c: the session and check-in forms refuse bad values, naming the field; no display needed. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib.h>
#include <string.h>

#include "aftercare-form.h"

static GDateTime *
at (int day, int hour, int minute)
{
  return g_date_time_new_utc (2026, 11, day, hour, minute, 0);
}

static void
test_duration_takes_whole_minutes (void)
{
  g_autoptr(GError) error = NULL;
  guint minutes = 0;

  g_assert_true (aftercare_form_check_duration ("60", &minutes, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (minutes, ==, 60);
  g_assert_true (aftercare_form_check_duration (" 90 ", &minutes, NULL));
  g_assert_cmpuint (minutes, ==, 90);

  minutes = 7;
  g_assert_false (aftercare_form_check_duration ("an hour", &minutes, &error));
  g_assert_error (error, AFTERCARE_FORM_ERROR, AFTERCARE_FORM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Duration"));
  g_assert_cmpuint (minutes, ==, 7);
  g_clear_error (&error);

  /* Blank is "not entered": 0 minutes, which nothing shows. */
  g_assert_true (aftercare_form_check_duration ("", &minutes, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (minutes, ==, 0);
  minutes = 7;
  g_assert_true (aftercare_form_check_duration ("  ", &minutes, NULL));
  g_assert_cmpuint (minutes, ==, 0);
  g_assert_false (aftercare_form_check_duration ("12.5", NULL, NULL));
  g_assert_false (aftercare_form_check_duration ("0", NULL, &error));
  g_assert_error (error, AFTERCARE_FORM_ERROR, AFTERCARE_FORM_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);
  g_assert_false (aftercare_form_check_duration ("601", NULL, NULL));
  g_assert_false (aftercare_form_check_duration ("-30", NULL, NULL));
  g_assert_false (aftercare_form_check_duration ("99999999999999999999", NULL, NULL));
  g_assert_true (aftercare_form_check_duration ("600", NULL, NULL));
}

static void
test_ended_at_is_not_in_the_future (void)
{
  g_autoptr(GDateTime) now = at (24, 12, 0);
  g_autoptr(GDateTime) morning = at (24, 10, 0);
  g_autoptr(GDateTime) soon = at (24, 12, 4);
  g_autoptr(GDateTime) evening = at (24, 18, 0);
  g_autoptr(GError) error = NULL;

  g_assert_true (aftercare_form_check_ended_at (morning, now, TRUE, &error));
  g_assert_no_error (error);
  /* A few minutes ahead is a clock set a little fast, not a mistake. */
  g_assert_true (aftercare_form_check_ended_at (soon, now, TRUE, NULL));
  /* The message says what to do, with the time on the desktop's clock. */
  g_assert_false (aftercare_form_check_ended_at (evening, now, TRUE, &error));
  g_assert_error (error, AFTERCARE_FORM_ERROR, AFTERCARE_FORM_ERROR_OUT_OF_RANGE);
  g_assert_cmpstr (error->message, ==, "Pick an end time no later than 12:00, the time now");
  g_clear_error (&error);
  g_assert_false (aftercare_form_check_ended_at (evening, now, FALSE, &error));
  g_assert_cmpstr (error->message, ==, "Pick an end time no later than 12:00 PM, the time now");
  g_clear_error (&error);
  g_assert_false (aftercare_form_check_ended_at (NULL, now, TRUE, &error));
  g_assert_error (error, AFTERCARE_FORM_ERROR, AFTERCARE_FORM_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Choose the day and time the massage ended");
}

static void
test_checkin_comes_after_the_massage (void)
{
  g_autoptr(GDateTime) ended = at (24, 10, 0);
  g_autoptr(GDateTime) now = at (25, 10, 0);
  g_autoptr(GDateTime) before = at (24, 9, 59);
  g_autoptr(GDateTime) evening = at (24, 22, 0);
  g_autoptr(GDateTime) tomorrow = at (26, 10, 0);
  g_autoptr(GError) error = NULL;

  g_assert_true (aftercare_form_check_checkin_at (evening, ended, now, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (aftercare_form_check_checkin_at (ended, ended, now, TRUE, NULL));
  /* Before the massage ended: the message gives the time to pick after,
   * with its day, since that was yesterday. */
  g_assert_false (aftercare_form_check_checkin_at (before, ended, now, TRUE, &error));
  g_assert_error (error, AFTERCARE_FORM_ERROR, AFTERCARE_FORM_ERROR_OUT_OF_RANGE);
  g_assert_cmpstr (error->message, ==, "Pick a time after Tue 24 Nov 10:00, when the massage ended");
  g_clear_error (&error);
  g_assert_false (aftercare_form_check_checkin_at (before, ended, before, FALSE, &error));
  g_assert_cmpstr (error->message, ==, "Pick a time after 10:00 AM, when the massage ended");
  g_clear_error (&error);
  g_assert_false (aftercare_form_check_checkin_at (tomorrow, ended, now, TRUE, &error));
  g_assert_error (error, AFTERCARE_FORM_ERROR, AFTERCARE_FORM_ERROR_OUT_OF_RANGE);
  g_assert_cmpstr (error->message, ==, "Pick a time no later than 10:00, the time now");
  g_clear_error (&error);
  g_assert_false (aftercare_form_check_checkin_at (NULL, ended, now, TRUE, &error));
  g_assert_cmpstr (error->message, ==, "Choose the day and time of the check-in");
}

static void
test_names_are_one_short_line (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *long_name = g_strnfill (101, 'a');
  g_autofree char *longest = g_strnfill (100, 'a');

  g_assert_true (aftercare_form_check_name ("Jordan Avery", "Client", &error));
  g_assert_no_error (error);
  g_assert_true (aftercare_form_check_name ("", "Client", NULL));
  g_assert_true (aftercare_form_check_name (longest, "Client", NULL));
  /* 100 characters, not bytes: "é" is two bytes. */
  g_assert_true (aftercare_form_check_name ("Zoé Lefèvre", "Client", NULL));
  g_assert_false (aftercare_form_check_name (long_name, "Client", &error));
  g_assert_error (error, AFTERCARE_FORM_ERROR, AFTERCARE_FORM_ERROR_OUT_OF_RANGE);
  g_assert_cmpstr (error->message, ==, "Client: shorten it to 100 characters or fewer (it has 101)");
  g_clear_error (&error);
  g_assert_false (aftercare_form_check_name ("Jordan\nAvery", "Therapist", &error));
  g_assert_error (error, AFTERCARE_FORM_ERROR, AFTERCARE_FORM_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Therapist"));
}

static void
test_notes_may_have_lines_but_not_too_many_characters (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *too_long = g_strnfill (2001, 'x');

  g_assert_true (aftercare_form_check_notes ("Tender calves.\nAsk for lighter pressure.", "Notes", &error));
  g_assert_no_error (error);
  g_assert_false (aftercare_form_check_notes (too_long, "Notes", &error));
  g_assert_error (error, AFTERCARE_FORM_ERROR, AFTERCARE_FORM_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);
  g_assert_false (aftercare_form_check_notes ("bell\a", "Notes", &error));
  g_assert_error (error, AFTERCARE_FORM_ERROR, AFTERCARE_FORM_ERROR_INVALID);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/form/duration-takes-whole-minutes", test_duration_takes_whole_minutes);
  g_test_add_func ("/form/ended-at-is-not-in-the-future", test_ended_at_is_not_in_the_future);
  g_test_add_func ("/form/checkin-comes-after-the-massage", test_checkin_comes_after_the_massage);
  g_test_add_func ("/form/names-are-one-short-line", test_names_are_one_short_line);
  g_test_add_func ("/form/notes-may-have-lines-but-not-too-many-characters",
                   test_notes_may_have_lines_but_not_too_many_characters);
  return g_test_run ();
}
