/* test-sessions-scale.c: with 10,000 sessions the list opens and scrolls reading and building only what it shows. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "aftercare-application.h"
#include "aftercare-backup.h"
#include "aftercare-list-head.h"
#include "aftercare-session-list.h"
#include "aftercare-session-page.h"
#include "aftercare-session-row.h"
#include "aftercare-sessions-view.h"
#include "aftercare-window.h"
#include "store-test-util.h"
#include "gui-test-util.h"
#include "keyboard.h"

#define N_SESSIONS 10000
#define HOURS_APART 3
/* The most rows the list is given for a screenful (of a very tall window). */
#define MAX_ROWS_GIVEN 48

typedef struct {
  char *dir;
  char *db_path;
  GDateTime *newest;
  gint64 started;
  gboolean ran;
  GtkWidget *list;
  int rows_at_first_frame;      /* -1 until the window's first frame */
  GtkWidget *checkins_list;     /* the session page's, below the fold */
  int checkins_in_first_frame;  /* -1 until the window's first frame is drawn */
  int rows_without_verdict;     /* in the frame that brings the check-ins; -1 until then */
} Fixture;

/* Rows the list view holds (built), with a session bound or not. */
static guint
count_rows (GtkWidget *list)
{
  guint n = 0;

  for (GtkWidget *item = gtk_widget_get_first_child (list); item != NULL; item = gtk_widget_get_next_sibling (item))
    if (AFTERCARE_IS_SESSION_ROW (gtk_widget_get_first_child (item)))
      n++;
  return n;
}

static void
first_frame_cb (GdkFrameClock *frame_clock, Fixture *f)
{
  g_signal_handlers_disconnect_by_func (frame_clock, first_frame_cb, f);
  f->rows_at_first_frame = (int) count_rows (f->list);
}

static void
first_paint_cb (GdkFrameClock *frame_clock, Fixture *f)
{
  g_signal_handlers_disconnect_by_func (frame_clock, first_paint_cb, f);
  f->checkins_in_first_frame = gtk_widget_is_visible (f->checkins_list);
}

static void count_shown (Fixture *f, GtkWidget *list, guint *n_bound, guint *n_mapped,
                         guint *n_with_verdict, guint *first, guint *last);

/* The frame that brings what is below the fold brings the rows' verdicts
 * too: with the GL renderer, a frame can cost a redraw of the whole window. */
static void
below_fold_paint_cb (GdkFrameClock *frame_clock, Fixture *f)
{
  guint n_bound, n_mapped, n_with_verdict, first, last;

  if (!gtk_widget_is_visible (f->checkins_list))
    return;
  g_signal_handlers_disconnect_by_func (frame_clock, below_fold_paint_cb, f);
  count_shown (f, f->list, &n_bound, &n_mapped, &n_with_verdict, &first, &last);
  f->rows_without_verdict = (int) (n_mapped - n_with_verdict);
}

static void
make_database (Fixture *f)
{
  g_autoptr(AftercareBackup) backup = aftercare_backup_new ();
  g_autoptr(AftercareStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gint64 started = g_get_monotonic_time ();
  guint n_sessions = 0, n_checkins = 0;

  for (guint i = 0; i < N_SESSIONS; i++)
    {
      g_autoptr(GDateTime) ended = g_date_time_add_hours (f->newest, -(int) (i * HOURS_APART));
      g_autoptr(AftercareSession) session = aftercare_session_new (ended);
      g_autoptr(GDateTime) at = g_date_time_add_hours (ended, 6);
      g_autoptr(AftercareCheckin) checkin = NULL;

      aftercare_session_set_massage_type (session, i % AFTERCARE_N_MASSAGE_TYPES);
      aftercare_session_set_pressure (session, i % 3);
      aftercare_session_set_duration_minutes (session, 60);
      aftercare_session_set_client (session, i % 7 == 0 ? "Jordan Avery" : "");
      aftercare_backup_add_session (backup, session, "generated");
      checkin = aftercare_checkin_new (aftercare_session_get_id (session), at, i % 6, 0);
      aftercare_backup_add_checkin (backup, checkin, "generated");
    }
  store = aftercare_store_open (f->db_path, test_time_source (), &error);
  g_assert_no_error (error);
  aftercare_store_import (store, backup, &n_sessions, &n_checkins, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_sessions, ==, N_SESSIONS);
  g_test_message ("Made %u sessions and %u check-ins in %.1f s", n_sessions, n_checkins,
                  (g_get_monotonic_time () - started) / 1e6);
}

/* The rows on screen (mapped) as positions in the list (newest is 0): how
 * many are bound to a session, how many are on screen and how many of them
 * show a verdict, read from their check-ins. */
static void
count_shown (Fixture *f, GtkWidget *list, guint *n_bound, guint *n_mapped, guint *n_with_verdict,
             guint *first, guint *last)
{
  *n_bound = *n_mapped = *n_with_verdict = 0;
  *first = G_MAXUINT;
  *last = 0;
  for (GtkWidget *item = gtk_widget_get_first_child (list); item != NULL; item = gtk_widget_get_next_sibling (item))
    {
      GtkWidget *row = gtk_widget_get_first_child (item);
      GObject *badge;
      AftercareSession *session;
      guint position;

      if (!AFTERCARE_IS_SESSION_ROW (row) ||
          (session = aftercare_session_row_get_session (AFTERCARE_SESSION_ROW (row))) == NULL)
        continue;
      (*n_bound)++;
      if (!gtk_widget_get_mapped (row))
        continue;
      (*n_mapped)++;
      badge = gtk_widget_get_template_child (row, AFTERCARE_TYPE_SESSION_ROW, "badge");
      if (gtk_widget_get_visible (GTK_WIDGET (badge)))
        (*n_with_verdict)++;
      position = (guint) (-g_date_time_difference (aftercare_session_get_ended_at (session), f->newest) /
                          (HOURS_APART * G_TIME_SPAN_HOUR));
      *first = MIN (*first, position);
      *last = MAX (*last, position);
    }
}

/* The sessions on screen, first and last: they must be one run of the
 * list, each showing its verdict (a row off screen hides its verdict and
 * reads none). GTK 4.8's list view maps the rows it makes and unmaps those
 * it lays out off screen a moment later, and a row reads its verdict once
 * that layout is done: how long that takes depends on the machine, so
 * this waits (10 s at most) until the rows on screen are one run, each
 * with its verdict, instead of for a fixed time. */
static void
shown_positions (Fixture *f, GtkWidget *list, guint *first, guint *last)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  guint n_bound, n_mapped, n_with_verdict;

  for (;;)
    {
      count_shown (f, list, &n_bound, &n_mapped, &n_with_verdict, first, last);
      if ((n_mapped > 0 && n_with_verdict == n_mapped && n_mapped == *last - *first + 1) ||
          g_get_monotonic_time () >= deadline)
        break;
      gui_test_run_loop (20);
    }
  g_test_message ("  %u rows bound, %u on screen with their verdict", n_bound, n_with_verdict);
  g_assert_cmpuint (n_mapped, >, 0);
  /* Every row on screen has its verdict, read for it alone. */
  g_assert_cmpuint (n_with_verdict, ==, *last - *first + 1);
  g_assert_cmpuint (n_mapped, ==, n_with_verdict);
}

static guint64
scroll_to (Fixture *f, GtkWidget *list, AftercareSessionList *model, double fraction, guint *first)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list));
  guint64 before = aftercare_session_list_get_n_read (model);
  gint64 started = g_get_monotonic_time ();
  guint last;

  gtk_adjustment_set_value (adjustment,
                            fraction * (gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment)));
  gui_test_run_loop (150);
  shown_positions (f, list, first, &last);
  g_test_message ("Scrolled to %3.0f%%: rows %u to %u shown, %" G_GUINT64_FORMAT " rows read, "
                  "%u held, %.0f ms with the settling wait",
                  fraction * 100, *first, last, aftercare_session_list_get_n_read (model) - before,
                  aftercare_session_list_get_n_loaded (model), (g_get_monotonic_time () - started) / 1e3);
  return aftercare_session_list_get_n_read (model) - before;
}

/* Rows that read their verdict (the badge shown once it is read), kept by
 * a hook on GtkWidget::show: a row the list builds off screen must read
 * none, as each read is a query, a round trip on a clinic's server. */
static gboolean
verdict_read_hook (GSignalInvocationHint *hint,
                   guint                  n_params,
                   const GValue          *params,
                   gpointer               data)
{
  GPtrArray *rows = data;
  GtkWidget *widget = g_value_get_object (&params[0]);
  GtkWidget *row = gtk_widget_get_ancestor (widget, AFTERCARE_TYPE_SESSION_ROW);

  if (row != NULL && (GObject *) widget == gtk_widget_get_template_child (row, AFTERCARE_TYPE_SESSION_ROW, "badge"))
    g_ptr_array_add (rows, g_object_ref (row));
  return TRUE;
}

static guint
count_unmapped (GPtrArray *rows)
{
  guint n = 0;

  for (guint i = 0; i < rows->len; i++)
    if (!gtk_widget_get_mapped (g_ptr_array_index (rows, i)))
      n++;
  return n;
}

/* A search is answered by the store's index: the whole list reads
 * nothing for it, and the list of what it found reads only what it shows
 * and builds rows for a screenful, from the top. */
static void
search_all (AftercareSessionsView *view, AftercareStore *store, AftercareSessionList *model)
{
  GtkWidget *list = GTK_WIDGET (aftercare_sessions_view_get_list_view (view));
  GListModel *shown = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)));
  AftercareListHead *rows = AFTERCARE_LIST_HEAD (gtk_single_selection_get_model (GTK_SINGLE_SELECTION (shown)));
  AftercareSessionList *found = AFTERCARE_SESSION_LIST (aftercare_store_get_found_sessions (store));
  GtkEditable *entry = GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (view), AFTERCARE_TYPE_SESSIONS_VIEW,
                                                                    "search_entry"));
  guint64 before = aftercare_session_list_get_n_read (model);
  gint64 started = g_get_monotonic_time ();
  g_autofree char *chosen_id = NULL;
  g_autoptr(GPtrArray) read = NULL;
  gulong hook;

  gtk_widget_activate_action (GTK_WIDGET (view), "sessions.search", NULL);
  gtk_editable_set_text (entry, "jordan");
  /* The entry waits a moment for more typing before it searches. */
  while (aftercare_list_head_get_model (rows) != G_LIST_MODEL (found) ||
         g_list_model_get_n_items (G_LIST_MODEL (found)) != (N_SESSIONS + 6) / 7)
    g_main_context_iteration (NULL, TRUE);
  g_test_message ("Searching for a client among %u: %u found in %.0f ms (typing delay included)",
                  N_SESSIONS, g_list_model_get_n_items (G_LIST_MODEL (found)),
                  (g_get_monotonic_time () - started) / 1e3);
  gui_test_run_loop (150);
  g_test_message ("  %" G_GUINT64_FORMAT " rows of what it found read, %u held, %u given to the list, %u rows built",
                  aftercare_session_list_get_n_read (found), aftercare_session_list_get_n_loaded (found),
                  g_list_model_get_n_items (shown), count_rows (list));
  g_assert_cmpuint (aftercare_session_list_get_n_read (model) - before, ==, 0);
  g_assert_cmpuint (aftercare_session_list_get_n_read (found), <=, 6 * AFTERCARE_SESSION_LIST_PAGE_SIZE);
  /* From the top, a screenful: not the 200 rows GTK 4.8 builds for a long list. */
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (shown)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (shown), <=, MAX_ROWS_GIVEN);
  g_assert_cmpuint (count_rows (list), <=, g_list_model_get_n_items (shown));

  /* All it found given (End), then another search: again a screenful,
   * and the session chosen among them still chosen ("jordan a" finds the
   * same, in the same order). */
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (shown), 3);
  chosen_id = g_strdup (aftercare_session_get_id (gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (shown))));
  read = g_ptr_array_new_with_free_func (g_object_unref);
  hook = g_signal_add_emission_hook (g_signal_lookup ("show", GTK_TYPE_WIDGET), 0, verdict_read_hook, read, NULL);
  aftercare_list_head_set_size (rows, G_MAXUINT);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, (N_SESSIONS + 6) / 7);
  /* GTK 4.8 builds up to 200 rows for the longer list, and lays out off
   * screen, then unmaps, all but those it shows: they read no verdict. */
  gui_test_run_loop (300);
  g_signal_remove_emission_hook (g_signal_lookup ("show", GTK_TYPE_WIDGET), hook);
  g_test_message ("  All %u found given: %u rows built, %u verdicts read, %u by rows off screen",
                  g_list_model_get_n_items (shown), count_rows (list), read->len, count_unmapped (read));
  g_assert_cmpuint (count_unmapped (read), ==, 0);
  /* Typed on, as a person types: set_text would empty the entry first,
   * which is a search of its own (the whole list). */
  {
    int end = (int) strlen (gtk_editable_get_text (entry));

    gtk_editable_insert_text (entry, " a", -1, &end);
  }
  while (g_list_model_get_n_items (shown) > MAX_ROWS_GIVEN)
    g_main_context_iteration (NULL, TRUE);
  gui_test_run_loop (150);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (found)), ==, (N_SESSIONS + 6) / 7);
  g_assert_cmpuint (count_rows (list), <=, MAX_ROWS_GIVEN);
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (shown)), ==, 3);
  g_assert_cmpstr (aftercare_session_get_id (gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (shown))), ==,
                   chosen_id);
}

/* A search that finds nothing says so, with its icon: the page's icon,
 * left out of the first frame, comes once the page is shown. */
static void
search_for_nothing (AftercareSessionsView *view)
{
  GtkEditable *entry = GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (view), AFTERCARE_TYPE_SESSIONS_VIEW,
                                                                    "search_entry"));
  AdwStatusPage *no_results = ADW_STATUS_PAGE (gtk_widget_get_template_child (GTK_WIDGET (view),
                                                                              AFTERCARE_TYPE_SESSIONS_VIEW,
                                                                              "no_results_page"));

  g_assert_null (adw_status_page_get_icon_name (no_results));
  gtk_editable_set_text (entry, "no such client qqq");
  while (!gtk_widget_get_mapped (GTK_WIDGET (no_results)))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (adw_status_page_get_icon_name (no_results), ==, "system-search-symbolic");
  gui_test_run_loop (150);
}

static void
activate_after_cb (GApplication *app, Fixture *f)
{
  AftercareWindow *window = AFTERCARE_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  AftercareSessionsView *view = AFTERCARE_SESSIONS_VIEW (
    gtk_widget_get_template_child (GTK_WIDGET (window), AFTERCARE_TYPE_WINDOW, "sessions_view"));
  GtkWidget *list = GTK_WIDGET (aftercare_sessions_view_get_list_view (view));
  AftercareSessionList *model = AFTERCARE_SESSION_LIST (aftercare_store_get_sessions (aftercare_window_get_store (window)));
  GListModel *shown = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)));
  guint first, last, n_shown, n_given;
  guint64 total = 0, before;

  /* Activated: the window is shown, not yet painted. */
  f->list = list;
  f->rows_at_first_frame = -1;
  f->checkins_list = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (aftercare_sessions_view_get_page (view)),
                                                                AFTERCARE_TYPE_SESSION_PAGE, "checkins_list"));
  f->checkins_in_first_frame = -1;
  f->rows_without_verdict = -1;
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "paint", G_CALLBACK (first_paint_cb), f);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "paint", G_CALLBACK (below_fold_paint_cb), f);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint", G_CALLBACK (first_frame_cb), f);
  while (!gtk_widget_get_mapped (list) || f->rows_at_first_frame < 0)
    g_main_context_iteration (NULL, TRUE);
  gui_test_run_loop (150);
  /* Drawn as asked (the suite runs this test with GL): a renderer that fell
   * back to cairo would hide what slow GL frames do to the scrolling. */
  {
    const char *asked = g_getenv ("GSK_RENDERER");
    const char *drawn = G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window)));

    g_test_message ("Drawn by %s", drawn);
    if (g_strcmp0 (asked, "gl") == 0)
      g_assert_cmpstr (drawn, ==, "GskGLRenderer");
  }
  /* The session page's first frame is what fits on screen, the verdict and
   * its timeline; what to do, the check-ins and the details below them
   * come right after, without anything being pressed. */
  g_assert_cmpint (f->checkins_in_first_frame, ==, FALSE);
  g_assert_true (gtk_widget_get_mapped (f->checkins_list));
  g_assert_cmpint (f->rows_without_verdict, ==, 0);
  shown_positions (f, list, &first, &last);
  n_shown = last - first + 1;
  /* GTK 4.8's list view builds up to 200 rows around what it shows: before
   * the first frame it was given only as many as a tall window shows. */
  g_test_message ("%d rows built before the first frame, %u on screen, %u built now",
                  f->rows_at_first_frame, n_shown, count_rows (list));
  g_assert_cmpint (f->rows_at_first_frame, <=, (int) n_shown + 8);
  /* Every icon on show is drawn from a PNG of its size, and the pages not
   * on show (no massages, no results, the clinic's lock) load no icon: the
   * SVG library is not loaded at all. */
  g_assert_false (test_library_mapped ("librsvg"));
  g_test_message ("Opened on %u sessions: rows %u to %u shown, %" G_GUINT64_FORMAT " rows read, "
                  "%.0f ms from start to the list on screen plus the settling wait",
                  g_list_model_get_n_items (G_LIST_MODEL (model)), first, last,
                  aftercare_session_list_get_n_read (model), (g_get_monotonic_time () - f->started) / 1e3);
  g_assert_cmpuint (first, ==, 0);
  g_assert_cmpuint (n_shown, >=, 5);
  /* GTK 4.8's list view binds up to 200 rows around what it shows: the
   * pages that hold them, and not one more. */
  g_assert_cmpuint (aftercare_session_list_get_n_read (model), <=, 6 * AFTERCARE_SESSION_LIST_PAGE_SIZE);

  /* Given no more rows than fill the window, the list builds no more: not
   * after its first frame either, while nobody scrolls. */
  g_assert_cmpuint (g_list_model_get_n_items (shown), <=, MAX_ROWS_GIVEN);
  g_assert_cmpuint (count_rows (list), ==, (guint) f->rows_at_first_frame);

  /* The arrow keys go on past the rows it was first given, one at a time. */
  n_given = g_list_model_get_n_items (shown);
  for (guint i = 0; i < n_given + 5; i++)
    keyboard_press (list, "Down");
  gui_test_run_loop (150);
  g_test_message ("%u Down presses: row %u chosen, %u rows given to the list", n_given + 5,
                  gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (shown)),
                  g_list_model_get_n_items (shown));
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (shown)), ==, n_given + 5);

  /* Newer massages come in above (another desk, an import): the chosen
   * one, the last row given, stays chosen and on its page. */
  {
    g_autoptr(AftercareSession) chosen = g_object_ref (gtk_single_selection_get_selected_item (
      GTK_SINGLE_SELECTION (shown)));
    AftercareStore *store = aftercare_window_get_store (window);

    aftercare_list_head_set_size (AFTERCARE_LIST_HEAD (gtk_single_selection_get_model (GTK_SINGLE_SELECTION (shown))),
                                  gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (shown)) + 1);
    g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);
    g_autoptr(GError) error = NULL;

    for (guint i = 0; i < 7; i++)
      {
        g_autoptr(GDateTime) ended = g_date_time_add_minutes (f->newest, 10 * (int) (i + 1));

        g_ptr_array_add (added, aftercare_session_new (ended));
        aftercare_store_add_session (store, g_ptr_array_index (added, i), &error);
        g_assert_no_error (error);
      }
    gui_test_run_loop (150);
    g_assert_true (gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (shown)) == (gpointer) chosen);
    g_assert_true (aftercare_session_page_get_session (aftercare_sessions_view_get_page (view)) == chosen);
    /* And gone again. */
    for (guint i = 0; i < added->len; i++)
      {
        aftercare_store_delete_session (store, aftercare_session_get_id (g_ptr_array_index (added, i)), &error);
        g_assert_no_error (error);
      }
    gui_test_run_loop (150);
    g_assert_true (gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (shown)) == (gpointer) chosen);
  }

  /* Scrolled to the end of what it holds, as a scroll bar dragged to the
   * bottom or a wheel turned: each time a screenful more comes, reading
   * only the pages around it. */
  n_given = g_list_model_get_n_items (shown);
  for (guint step = 0; step < 30; step++)
    {
      guint n_before = n_given;

      g_assert_cmpuint (scroll_to (f, list, model, 1.0, &first), <=, 2 * AFTERCARE_SESSION_LIST_PAGE_SIZE);
      n_given = g_list_model_get_n_items (shown);
      g_assert_cmpuint (n_given, >, n_before);
      g_assert_cmpuint (n_given - n_before, <=, MAX_ROWS_GIVEN);
    }
  g_test_message ("Thirty scrolls to the end: %u rows given to the list, %u built", n_given, count_rows (list));
  g_assert_cmpuint (first, >, 30 * 8);

  /* End goes to the oldest massage, 10,000 rows down, reading only the
   * pages around it. */
  before = aftercare_session_list_get_n_read (model);
  keyboard_press (list, "End");
  gui_test_run_loop (150);
  shown_positions (f, list, &first, &last);
  g_test_message ("End: rows %u to %u shown, %" G_GUINT64_FORMAT " rows read", first, last,
                  aftercare_session_list_get_n_read (model) - before);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, N_SESSIONS);
  g_assert_cmpuint (last, ==, N_SESSIONS - 1);
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (shown)), ==, N_SESSIONS - 1);
  g_assert_cmpuint (aftercare_session_list_get_n_read (model) - before, <=, 6 * AFTERCARE_SESSION_LIST_PAGE_SIZE);

  /* Then, the whole list given, through it in twenty jumps, as a scroll
   * bar drag would: each reads only the pages around where it lands,
   * never the rows it jumped over. */
  for (guint step = 0; step <= 20; step++)
    {
      guint64 n_read = scroll_to (f, list, model, step / 20.0, &first);

      g_assert_cmpuint (n_read, <=, 6 * AFTERCARE_SESSION_LIST_PAGE_SIZE);
      g_assert_cmpuint (first + 20, >=, step * (N_SESSIONS / 20));
      total += n_read;
    }
  g_test_message ("Twenty jumps through the list read %" G_GUINT64_FORMAT " rows in all", total);

  search_all (view, aftercare_window_get_store (window), model);
  search_for_nothing (view);
  /* Memory stays bounded, whatever was read. */
  g_assert_cmpuint (aftercare_session_list_get_n_loaded (model), <=, 16 * AFTERCARE_SESSION_LIST_PAGE_SIZE);

  f->ran = TRUE;
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_ten_thousand_sessions_open_and_scroll_lazily (void)
{
  g_autoptr(AftercareApplication) app = aftercare_application_new ();
  g_autoptr(GError) error = NULL;
  Fixture f = { 0 };
  char *argv[4];

  f.dir = g_dir_make_tmp ("aftercare-scale-XXXXXX", &error);
  g_assert_no_error (error);
  f.db_path = g_build_filename (f.dir, "scale.db", NULL);
  f.newest = g_date_time_new_now_utc ();
  make_database (&f);

  argv[0] = (char *) "aftercare";
  argv[1] = (char *) "--db";
  argv[2] = f.db_path;
  argv[3] = NULL;
  g_signal_connect_after (app, "activate", G_CALLBACK (activate_after_cb), &f);
  /* This test counts the rows the list reads, and ends when its window
   * closes: no reminders about its newest sessions meanwhile. */
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);

    g_settings_set_boolean (settings, "reminders", FALSE);
  }
  f.started = g_get_monotonic_time ();
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 3, argv), ==, 0);
  g_assert_true (f.ran);

  for (const char *suffix = ""; suffix != NULL; suffix = g_str_equal (suffix, "") ? "-wal" :
                                                         g_str_equal (suffix, "-wal") ? "-shm" : NULL)
    {
      g_autofree char *path = g_strconcat (f.db_path, suffix, NULL);

      g_remove (path);
    }
  g_rmdir (f.dir);
  g_free (f.dir);
  g_free (f.db_path);
  g_date_time_unref (f.newest);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sessions/ten-thousand-sessions-open-and-scroll-lazily",
                   test_ten_thousand_sessions_open_and_scroll_lazily);
  return g_test_run ();
}
