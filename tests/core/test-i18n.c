/* test-i18n.c: the command line, dates and the sheet in each language of po/LINGUAS, with the build's .mo files. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <unistd.h>

#include "aftercare-time.h"
#include "i18n-test-util.h"
#include "pdf-text.h"
#include "store-test-util.h"

#define SESSION_ID "0b7c5a1e-2f4d-4c3b-9a8e-1d2c3b4a5f60"

static const char *language;

/* Runs aftercare with args in envp (NULL: this process's, the language
 * under test), with no display and clock times in UTC, input (if any) in a
 * file whose path replaces "INPUT" in args; returns the exit status. */
static int
run (const char * const *args,
     char              **envp,
     const char         *input,
     char              **out,
     char              **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *input_path = NULL;
  g_auto(GStrv) env = envp != NULL ? g_strdupv (envp) : g_get_environ ();
  int status;

  if (input != NULL)
    {
      int fd = g_file_open_tmp ("aftercare-i18n-XXXXXX.json", &input_path, NULL);

      g_assert_cmpint (fd, >=, 0);
      close (fd);
      g_assert_true (g_file_set_contents (input_path, input, -1, NULL));
    }
  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
  env = g_environ_setenv (env, "TZ", "UTC", TRUE);
  g_ptr_array_add (argv, (gpointer) g_getenv ("AFTERCARE_EXE"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) (g_str_equal (args[i], "INPUT") ? input_path : args[i]));
  g_ptr_array_add (argv, NULL);
  status = test_run ((const char * const *) argv->pdata, (const char * const *) env, out, err);
  if (input_path != NULL)
    g_remove (input_path);
  return status;
}

/* ---- Dates ----------------------------------------------------------------- */

/* How each language writes a day and a time; a language added to
 * po/LINGUAS needs its line here. */
static const struct {
  const char *language;
  const char *day_and_time;
} dates[] = {
  { "de", "Mo., 7. Dez., 14:02" },
  { "es", "lun., 7 dic., 14:02" },
};

static void
test_dates (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) time = g_date_time_new (utc, 2026, 12, 7, 14, 2, 0);
  g_autoptr(GDateTime) now = g_date_time_new (utc, 2026, 12, 7, 16, 0, 0);
  g_autofree char *h24 = aftercare_time_format_day_and_time (time, now, TRUE);
  g_autofree char *h12 = aftercare_time_format_day_and_time (time, now, FALSE);
  const char *expected = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    if (g_str_equal (dates[i].language, language))
      expected = dates[i].day_and_time;
  if (expected == NULL)
    g_error ("Say how %s writes 7 December, 14:02 in tests/core/test-i18n.c", language);
  g_assert_cmpstr (h24, ==, expected);
  /* The 12-hour setting still holds. */
  g_test_message ("12-hour: %s", h12);
  g_assert_nonnull (strstr (h12, "2:02"));
  g_assert_null (strstr (h12, "14:02"));
}

/* ---- --assess ---------------------------------------------------------------- */

#define REQUEST \
  "{\"massage\": {\"type\": \"deep-tissue\", \"pressure\": \"deep\", \"first_time\": true,\n" \
  "             \"ended_at\": \"2026-11-24T10:00:00Z\"},\n" \
  " \"checkins\": [{\"at\": \"2026-11-24T16:00:00Z\", \"soreness\": 4,\n" \
  "               \"symptoms\": [\"heaviness\", \"bruising\"]}],\n" \
  " \"planned_run\": \"hard\",\n" \
  " \"now\": \"2026-11-24T16:00:00Z\"}\n"

static JsonArray *
reasons_of (const char *out)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  return json_array_ref (json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                                        "reasons"));
}

/* Words of the German reasons for REQUEST, as po/de.po has them. */
static const char *german_reasons[] = {
  "Sie haben Muskelkater von 4 von 10 angegeben, dazu schwere Beine und blaue Flecken.",
  "Das war Ihre erste Massage dieser Art, mit kräftigem Druck",
  "kein Laufen bis 12 Stunden nach der Massage",
};

static void
test_assess (void)
{
  const char *args[] = { "--assess", "INPUT", NULL };
  g_auto(GStrv) english_env = i18n_test_english_environ ();
  g_autofree char *out = NULL, *err = NULL, *en_out = NULL, *en_err = NULL;
  g_autoptr(JsonArray) reasons = NULL;
  g_autoptr(JsonArray) en_reasons = NULL;
  g_autoptr(GString) all = g_string_new (NULL);

  g_assert_cmpint (run (args, NULL, REQUEST, &out, &err), ==, 0);
  g_assert_cmpint (run (args, english_env, REQUEST, &en_out, &en_err), ==, 0);
  reasons = reasons_of (out);
  en_reasons = reasons_of (en_out);
  g_assert_cmpuint (json_array_get_length (reasons), ==, json_array_get_length (en_reasons));
  g_assert_cmpuint (json_array_get_length (reasons), >=, 3);
  /* Every reason in the language, none left in English. */
  for (guint i = 0; i < json_array_get_length (reasons); i++)
    {
      const char *reason = json_array_get_string_element (reasons, i);
      const char *english = json_array_get_string_element (en_reasons, i);

      g_test_message ("%s\n  %s", english, reason);
      g_assert_cmpstr (reason, !=, english);
      g_string_append (all, reason);
    }
  if (g_str_equal (language, "de"))
    for (guint i = 0; i < G_N_ELEMENTS (german_reasons); i++)
      if (strstr (all->str, german_reasons[i]) == NULL)
        g_error ("“%s” is not in the reasons: %s", german_reasons[i], all->str);

  /* Bad input: the one line on standard error is in the language too. */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&en_out, g_free);
  g_clear_pointer (&en_err, g_free);
  g_assert_cmpint (run (args, NULL, "{}", &out, &err), ==, 2);
  g_assert_cmpint (run (args, english_env, "{}", &en_out, &en_err), ==, 2);
  g_assert_cmpstr (en_err, ==, "aftercare: massage: is missing\n");
  g_free (en_out);
  en_out = g_strdup_printf ("aftercare: massage: %s\n", _("is missing"));
  g_assert_cmpstr (err, ==, en_out);
  g_assert_cmpstr (err, !=, en_err);
}

/* ---- The sheet --------------------------------------------------------------- */

/* TRUE when text has word as a whole: not as part of a longer word
 * (“Check” in “Check-in”). */
static gboolean
has_words (const char *text, const char *words)
{
  size_t len = strlen (words);

  for (const char *at = strstr (text, words); at != NULL; at = strstr (at + 1, words))
    {
      gunichar before = at > text ? g_utf8_get_char (g_utf8_prev_char (at)) : ' ';
      gunichar after = g_utf8_get_char (at + len);

      if (!g_unichar_isalnum (before) && before != '-' &&
          !g_unichar_isalnum (after) && after != '-')
        return TRUE;
    }
  return FALSE;
}

static char *
write_sheet (const char *folder, char **envp, const char *name)
{
  g_autofree char *db = g_build_filename (folder, "clinic.db", NULL);
  g_autofree char *pdf = g_build_filename (folder, name, NULL);
  const char *args[] = { "--db", db, "--sheet", SESSION_ID, "--output", pdf, NULL };
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run (args, envp, NULL, &out, &err), ==, 0);
  return pdf_text (pdf);
}

static void
test_sheet (void)
{
  g_autofree char *folder = g_dir_make_tmp ("aftercare-i18n-XXXXXX", NULL);
  g_autofree char *backup = g_build_filename (folder, "backup.json", NULL);
  g_autofree char *db = g_build_filename (folder, "clinic.db", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) hour_ago = g_date_time_add_hours (now, -1);
  g_autoptr(GDateTime) ended_at = g_date_time_add_seconds (hour_ago, -g_date_time_get_seconds (hour_ago));
  g_autofree char *ended = aftercare_time_format_utc (ended_at);
  g_autofree char *json = NULL;
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *text = NULL, *english = NULL, *clock = NULL, *expected = NULL, *folded = NULL;
  g_auto(GStrv) english_env = i18n_test_english_environ ();
  g_autoptr(GPtrArray) strings = i18n_test_pot_strings ();
  g_autoptr(GHashTable) kept = i18n_test_kept_in_english (language);
  const char *import[] = { "--db", db, "--import", backup, NULL };
  guint compared = 0;

  json = g_strdup_printf (
    "{\"format\": \"aftercare-backup\", \"version\": 1, \"exported_at\": \"%s\", \"sessions\": [\n"
    " {\"id\": \"" SESSION_ID "\", \"ended_at\": \"%s\", \"duration_minutes\": 60,\n"
    "  \"type\": \"deep-tissue\", \"pressure\": \"deep\", \"first_time\": false, \"areas\": [\"calves\"],\n"
    "  \"client\": \"Jordan Avery\", \"therapist\": \"Sam Rivera\", \"notes\": \"Stretch daily.\",\n"
    "  \"checkins\": []}]}\n", ended, ended);
  g_assert_true (g_file_set_contents (backup, json, -1, NULL));
  g_assert_cmpint (run (import, NULL, NULL, &out, &err), ==, 0);

  text = write_sheet (folder, NULL, "sheet.pdf");
  english = write_sheet (folder, english_env, "sheet-en.pdf");
  /* No English string of the sheet is left on the translated one. */
  for (guint i = 0; i < strings->len; i++)
    {
      const PotString *s = g_ptr_array_index (strings, i);
      g_autofree char *id = fold_spaces (s->id);

      if (strchr (id, '%') != NULL || strchr (id, '<') != NULL || strlen (id) < 4 ||
          !has_words (english, id) || g_hash_table_contains (kept, s->id))
        continue;
      compared++;
      if (has_words (text, id))
        g_error ("“%s” is in English on the sheet:\n%s", id, text);
    }
  g_test_message ("%u English strings of the sheet checked", compared);
  g_assert_cmpuint (compared, >=, 10);
  /* The times as the language writes them, in the sheet's own words. */
  clock = aftercare_time_format_clock (ended_at, now, TRUE);
  expected = g_strdup_printf (_("Times count from the end of your massage, %s."), clock);
  folded = fold_spaces (expected);
  if (strstr (text, folded) == NULL)
    g_error ("“%s” is not on the sheet:\n%s", folded, text);
  if (g_str_equal (language, "de"))
    {
      g_assert_nonnull (strstr (text, "Ihr Plan, Stunde für Stunde"));
      g_assert_nonnull (strstr (text, "Hinweise Ihres Therapeuten"));
    }
  g_remove (backup);
  g_remove (db);
  for (const char *name = "sheet.pdf"; name != NULL; name = g_str_equal (name, "sheet.pdf") ? "sheet-en.pdf" : NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_remove (path);
    }
  g_rmdir (folder);
}

int
main (int argc, char *argv[])
{
  language = i18n_test_use_language ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/i18n/dates", test_dates);
  g_test_add_func ("/i18n/assess", test_assess);
  g_test_add_func ("/i18n/sheet", test_sheet);
  return g_test_run ();
}
