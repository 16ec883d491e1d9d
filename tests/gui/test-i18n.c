/* test-i18n.c: the window in each language of po/LINGUAS: no visible label of the main views is left in English. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "aftercare-application.h"
#include "aftercare-sessions-view.h"
#include "aftercare-store.h"
#include "aftercare-window.h"
#include "aftercare-wizard.h"
#include "i18n-test-util.h"
#include "store-test-util.h"
#include "gui-test-util.h"

static const char *language;

typedef struct {
  char *db_path;
  char *session_id;
  GHashTable *english;     /* English string → its translation, where they differ */
  GHashTable *translated;  /* translations, to count the labels in the language */
  GPtrArray *left;         /* "view: label" still in English */
  guint n_labels;
  guint n_translated;
  gboolean ran;
} Fixture;

/* Every label on screen under widget, as a person reads it. */
static void
check_labels (Fixture *f, GtkWidget *widget, const char *where)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_LABEL (widget))
    {
      const char *texts[] = { gtk_label_get_label (GTK_LABEL (widget)), gtk_label_get_text (GTK_LABEL (widget)) };

      f->n_labels++;
      for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
        if (g_hash_table_contains (f->english, texts[i]))
          {
            g_ptr_array_add (f->left, g_strdup_printf ("%s: “%s”", where, texts[i]));
            break;
          }
      for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
        if (g_hash_table_contains (f->translated, texts[i]))
          {
            f->n_translated++;
            break;
          }
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    check_labels (f, c, where);
}

static gpointer
child (gpointer widget, GType type, const char *name)
{
  gpointer found = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (found);
  return found;
}

static void
activate_after_cb (GApplication *app, Fixture *f)
{
  GtkWidget *window = GTK_WIDGET (gtk_application_get_active_window (GTK_APPLICATION (app)));
  AftercareWizard *wizard = aftercare_window_get_wizard (AFTERCARE_WINDOW (window));
  GtkWidget *sessions = child (window, AFTERCARE_TYPE_WINDOW, "sessions_view");
  GtkStack *steps = child (wizard, AFTERCARE_TYPE_WIZARD, "steps");

  g_assert_true (AFTERCARE_IS_WINDOW (window));
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 720);
  gui_test_run_loop (100);
  check_labels (f, window, "sessions");
  g_assert_true (gtk_widget_activate_action (sessions, "sessions.open", "s", f->session_id));
  gui_test_run_loop (100);
  check_labels (f, window, "session page");
  g_assert_true (gtk_widget_activate_action (window, "win.show-view", "s", "massage-types"));
  gui_test_run_loop (100);
  check_labels (f, window, "massage types");
  g_assert_true (gtk_widget_activate_action (window, "win.show-view", "s", "can-i-run"));
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *where = g_strdup_printf ("wizard, %s", gtk_stack_get_visible_child_name (steps));

      gui_test_run_loop (100);
      check_labels (f, window, where);
      if (i < 3)
        g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.next", NULL));
    }
  f->ran = TRUE;
  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
    gtk_window_destroy (l->data);
}

static void
test_no_label_left_in_english (void)
{
  g_autofree char *dir = test_make_folder ();
  g_autoptr(GPtrArray) strings = i18n_test_pot_strings ();
  g_autoptr(GHashTable) kept = i18n_test_kept_in_english (language);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) ended = g_date_time_add_hours (now, -3);
  g_autoptr(AftercareSession) session = aftercare_session_new (ended);
  g_autoptr(AftercareStore) store = NULL;
  g_autoptr(AftercareApplication) app = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  Fixture f = { 0 };
  char *argv[] = { (char *) "aftercare", (char *) "--db", NULL, NULL };

  f.db_path = g_build_filename (dir, "test.db", NULL);
  f.english = g_hash_table_new (g_str_hash, g_str_equal);
  f.translated = g_hash_table_new (g_str_hash, g_str_equal);
  f.left = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < strings->len; i++)
    {
      const PotString *s = g_ptr_array_index (strings, i);
      /* Untranslated strings count as English: only what the .po keeps
       * as it is ("Aftercare") may show unchanged. */
      if (g_hash_table_contains (kept, s->id))
        continue;
      g_hash_table_add (f.english, s->id);
      g_hash_table_add (f.translated, (gpointer) i18n_test_translate (s));
    }

  aftercare_session_set_massage_type (session, AFTERCARE_MASSAGE_DEEP_TISSUE);
  aftercare_session_set_pressure (session, AFTERCARE_PRESSURE_DEEP);
  aftercare_session_set_client (session, "Jordan Avery");
  store = aftercare_store_open (f.db_path, test_time_source (), &error);
  g_assert_no_error (error);
  g_assert_true (aftercare_store_add_session (store, session, &error));
  g_assert_no_error (error);
  f.session_id = g_strdup (aftercare_session_get_id (session));
  g_clear_object (&store);

  /* It ends when its window closes: no reminder of the session just
   * logged keeps it running. */
  settings = g_settings_new (APP_ID);
  g_settings_set_boolean (settings, "reminders", FALSE);
  app = aftercare_application_new ();
  argv[2] = f.db_path;
  g_signal_connect_after (app, "activate", G_CALLBACK (activate_after_cb), &f);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 3, argv), ==, 0);
  g_assert_true (f.ran);

  g_test_message ("%u labels on screen, %u of them translations", f.n_labels, f.n_translated);
  for (guint i = 0; i < f.left->len; i++)
    g_test_message ("left in English: %s", (char *) g_ptr_array_index (f.left, i));
  g_assert_cmpuint (f.left->len, ==, 0);
  /* The views were really there, in the language. */
  g_assert_cmpuint (f.n_translated, >=, 40);

  g_hash_table_unref (f.english);
  g_hash_table_unref (f.translated);
  g_ptr_array_unref (f.left);
  g_free (f.session_id);
  g_free (f.db_path);
  test_remove_folder (dir);
}

int
main (int argc, char *argv[])
{
  language = i18n_test_use_language ();
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/i18n/no-label-left-in-english", test_no_label_left_in_english);
  return g_test_run ();
}
