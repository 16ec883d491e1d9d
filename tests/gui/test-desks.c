/* test-desks.c: two desks on one PostgreSQL database, through the real forms: another desk's save is never overwritten (aftercare-session-editor.c, aftercare-store.c). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "aftercare-backup-transfer.h"
#include "aftercare-clock.h"
#include "aftercare-session-editor.h"
#include "pg-test-util.h"
#include "store-test-util.h"

static void
count_cb (GListModel *model,
          guint       position,
          guint       removed,
          guint       added,
          guint      *count)
{
  (*count)++;
}

static void
time_up_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
}

static void
wait_for_change (guint *count)
{
  gboolean time_up = FALSE;
  guint timeout = g_timeout_add_once (2000, time_up_cb, &time_up);

  while (*count == 0 && !time_up)
    g_main_context_iteration (NULL, TRUE);
  if (!time_up)
    g_source_remove (timeout);
  g_assert_cmpuint (*count, >, 0);
}

static char *
editor_notes (AftercareSessionEditor *editor)
{
  GtkTextView *view = GTK_TEXT_VIEW (gtk_widget_get_template_child (GTK_WIDGET (editor),
                                                                    AFTERCARE_TYPE_SESSION_EDITOR, "notes_view"));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
test_editor_never_overwrites_other_desk (void)
{
  g_autoptr(AftercareStore) store = NULL;
  g_autoptr(AftercareStore) other = NULL;
  g_autoptr(AftercareSession) session = test_session_new ("2026-11-24T10:00:00+01:00");
  g_autoptr(AftercareSession) live = NULL;
  g_autoptr(AftercareSession) theirs = NULL;
  g_autoptr(AftercareSession) stored = NULL;
  g_autoptr(AftercareClock) clock = aftercare_clock_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *typed = NULL;
  AftercareSessionEditor *editor;
  GtkLabel *save_error;
  GtkTextView *notes_view;
  GListModel *sessions;
  guint changes = 0;
  PgTestDatabase *db;

  if (pg_test_skip_without_server ())
    return;
  db = pg_test_database_new (TRUE);
  store = test_store_open (db->desk);
  other = test_store_open (db->desk);
  aftercare_session_set_notes (session, "As first written");
  g_assert_true (aftercare_store_add_session (store, session, &error));
  sessions = aftercare_store_get_sessions (store);
  live = g_list_model_get_item (sessions, 0);

  /* This desk opens the session in the editor and starts typing… */
  editor = aftercare_session_editor_new (store, clock, live);
  gtk_window_present (GTK_WINDOW (editor));
  notes_view = GTK_TEXT_VIEW (gtk_widget_get_template_child (GTK_WIDGET (editor), AFTERCARE_TYPE_SESSION_EDITOR,
                                                             "notes_view"));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (notes_view), "Typed at this desk", -1);

  /* …while another desk saves a change to it. This desk's list hears of it,
   * and its row follows once a view reads it again. */
  g_signal_connect (sessions, "items-changed", G_CALLBACK (count_cb), &changes);
  theirs = aftercare_store_lookup_session (other, aftercare_session_get_id (session), &error);
  aftercare_session_set_notes (theirs, "Written at the other desk");
  g_assert_true (aftercare_store_update_session (other, theirs, &error));
  g_assert_no_error (error);
  wait_for_change (&changes);
  g_object_unref (g_list_model_get_item (sessions, 0));
  g_assert_cmpstr (aftercare_session_get_notes (live), ==, "Written at the other desk");

  /* Saving the form is refused, says why, and keeps what was typed. */
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  g_assert_nonnull (editor);
  save_error = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (editor), AFTERCARE_TYPE_SESSION_EDITOR,
                                                         "save_error_label"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (save_error)));
  g_assert_nonnull (strstr (gtk_label_get_label (save_error), "changed at another desk at"));
  typed = editor_notes (editor);
  g_assert_cmpstr (typed, ==, "Typed at this desk");
  stored = aftercare_store_lookup_session (store, aftercare_session_get_id (session), &error);
  g_assert_cmpstr (aftercare_session_get_notes (stored), ==, "Written at the other desk");

  g_object_remove_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  gtk_window_destroy (GTK_WINDOW (editor));
  g_clear_object (&store);
  g_clear_object (&other);
  pg_test_drop_databases ();
}

/* Import… on a shared server: the import runs in a thread through a
 * connection of its own (its sources in a context of the thread's own),
 * and this desk's list then shows what came, and its "already there". */
static void
test_import_from_the_window (void)
{
  g_autofree char *folder = test_make_folder ();
  g_autofree char *path = g_build_filename (folder, "backup.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(AftercareStore) store = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *parent;
  PgTestDatabase *db;
  gint64 end;

  if (pg_test_skip_without_server ())
    return;
  db = pg_test_database_new (TRUE);
  store = test_store_open (db->desk);
  test_write_json_backup (path, 300, 2, FALSE);
  parent = GTK_WINDOW (adw_window_new ());
  gtk_window_present (parent);
  for (guint round = 0; round < 2; round++)
    {
      aftercare_backup_transfer_import_file (parent, store, NULL, file);
      g_assert_nonnull (aftercare_backup_transfer_get_progress (parent));
      end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
      while (aftercare_backup_transfer_get_progress (parent) != NULL && g_get_monotonic_time () < end)
        g_main_context_iteration (NULL, FALSE);
      g_assert_null (aftercare_backup_transfer_get_progress (parent));
      /* No failure dialog: the only window is the parent. */
      g_assert_cmpuint (g_list_model_get_n_items (gtk_window_get_toplevels ()), ==, 1);
      g_assert_cmpuint (g_list_model_get_n_items (aftercare_store_get_sessions (store)), ==, 300);
    }
  gtk_window_destroy (parent);
  g_clear_object (&store);
  pg_test_drop_databases ();
  test_remove_folder (folder);
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add_func ("/desks/editor-never-overwrites-other-desk", test_editor_never_overwrites_other_desk);
  g_test_add_func ("/desks/import-from-the-window", test_import_from_the_window);
  return g_test_run ();
}
