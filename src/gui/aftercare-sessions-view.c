/* aftercare-sessions-view.c: the Sessions view: the list of massages beside (or before) the session page. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-sessions-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "aftercare-catalog.h"
#include "aftercare-list-head.h"
#include "aftercare-time.h"
#include "aftercare-session-editor.h"
#include "aftercare-session-list.h"
#include "aftercare-session-row.h"
#include "aftercare-status-page.h"
#include "aftercare-pattern.h"
#include "aftercare-sessions-view.h"
#include "aftercare-clinic-mode.h"
#include "aftercare-undo.h"

struct _AftercareSessionsView
{
  GtkWidget parent_instance;

  GtkStack *stack;
  AdwStatusPage *empty_page;
  GtkWidget *empty_log_button;
  AdwLeaflet *leaflet;
  GtkWidget *list_pane;
  AdwWindowTitle *list_title;
  GtkSearchBar *search_bar;
  GtkSearchEntry *search_entry;
  GtkStack *list_stack;
  GtkListView *list_view;
  AdwStatusPage *no_results_page;
  GtkStack *page_stack;
  AdwStatusPage *none_page;
  AftercareSessionPage *session_page;

  AftercareStore *store;
  AftercareClock *clock;
  GListModel *sessions;             /* the store's, newest first */
  GListModel *found;                /* the store's search, newest first */
  AftercareListHead *rows;          /* the start of what is shown, as far as the list was scrolled */
  GtkFilterListModel *client_found; /* found, narrowed to exactly one client's */
  GtkCustomFilter *client_filter;
  GtkSingleSelection *selection;    /* over rows */
  gboolean searching;
  char *client;                     /* one client's history on show, or NULL */
  char *last_deleted_id;
  guint focus_id;
  guint more_rows_id;
  gboolean focused_once;
};

/* GTK 4.8's list view builds and binds up to 200 rows around what it
 * shows, whatever the window shows: a quarter of a second of work and
 * some megabytes for a long list, on opening and after each search. So
 * it is given the rows that fill the window (a row is at least this tall;
 * a window of unknown height, maximized, gets 24), and a screenful more
 * each time it is scrolled near their end (issue 15). End goes to the
 * oldest massage: the whole list, then. */
#define ROW_HEIGHT_AT_LEAST 48
#define ROWS_UNKNOWN_HEIGHT 24

G_DEFINE_FINAL_TYPE (AftercareSessionsView, aftercare_sessions_view, GTK_TYPE_WIDGET)

static void
show_page (AftercareSessionsView *self)
{
  /* Side by side, the page is already there; moving to it would also move
   * the focus out of the list. */
  if (!adw_leaflet_get_folded (self->leaflet))
    return;
  /* Narrow, the page slides in: from its top, the verdict first, even for
   * the massage it showed before. */
  aftercare_session_page_scroll_to_top (self->session_page);
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->page_stack));
}

/* How many rows fill the list: from its height once it is laid out, from
 * the window's size before. */
static guint
rows_in_a_screen (AftercareSessionsView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  int width, height = gtk_widget_get_height (GTK_WIDGET (self->list_view));

  if (height <= 0 && GTK_IS_WINDOW (root) && !gtk_window_is_maximized (GTK_WINDOW (root)))
    gtk_window_get_default_size (GTK_WINDOW (root), &width, &height);
  if (height <= 0)
    return ROWS_UNKNOWN_HEIGHT;
  return CLAMP (height / ROW_HEIGHT_AT_LEAST + 1, 8, 2 * ROWS_UNKNOWN_HEIGHT);
}

static void
select_session (AftercareSessionsView *self,
                AftercareSession      *session,
                gboolean               open)
{
  guint position;

  /* A search could hide it: show the whole list again. */
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  if (!aftercare_session_list_find (self->sessions, session, &position))
    return;
  /* Beyond where the list was scrolled to: the rows down to it. */
  if (position >= aftercare_list_head_get_size (self->rows))
    aftercare_list_head_set_size (self->rows, position + rows_in_a_screen (self));
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
  if (open)
    show_page (self);
}

/* ---- The list ------------------------------------------------------------ */

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              AftercareSessionsView    *self)
{
  gtk_list_item_set_child (item, aftercare_session_row_new (self->store, self->clock));
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             AftercareSessionsView    *self)
{
  aftercare_session_row_set_session (AFTERCARE_SESSION_ROW (gtk_list_item_get_child (item)),
                                     gtk_list_item_get_item (item));
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               AftercareSessionsView    *self)
{
  aftercare_session_row_set_session (AFTERCARE_SESSION_ROW (gtk_list_item_get_child (item)), NULL);
}

static void
update_counts (AftercareSessionsView *self)
{
  guint n = g_list_model_get_n_items (self->sessions);
  g_autofree char *count = g_strdup_printf (ngettext ("%u massage", "%u massages", n), n);

  gtk_stack_set_visible_child_name (self->stack, n == 0 ? "empty" : "sessions");
  adw_window_title_set_subtitle (self->list_title, count);
}

static void
sessions_changed_cb (AftercareSessionsView *self)
{
  update_counts (self);
}

static void
shown_changed_cb (AftercareSessionsView *self)
{
  gboolean none = g_list_model_get_n_items (G_LIST_MODEL (self->selection)) == 0;

  /* Between two lists (see search_changed_cb): nothing to say yet. */
  if (aftercare_list_head_get_model (self->rows) == NULL)
    return;
  gtk_stack_set_visible_child_name (self->list_stack, none && self->searching ? "no-results" : "list");
}

static void
selected_changed_cb (AftercareSessionsView *self)
{
  AftercareSession *session = gtk_single_selection_get_selected_item (self->selection);

  /* Between two lists: the page stays as it is until the next is given. */
  if (aftercare_list_head_get_model (self->rows) == NULL)
    return;
  aftercare_session_page_set_session (self->session_page, session);
  gtk_stack_set_visible_child_name (self->page_stack, session != NULL ? "page" : "none");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sessions.delete-selected", session != NULL);
}

static void
list_activate_cb (AftercareSessionsView *self,
                  guint                  position)
{
  gtk_single_selection_set_selected (self->selection, position);
  show_page (self);
}

static void
folded_changed_cb (AftercareSessionsView *self)
{
  aftercare_session_page_set_show_back_button (self->session_page, adw_leaflet_get_folded (self->leaflet));
}

/* ---- Search ------------------------------------------------------------- */

static void show_error (AftercareSessionsView *self, const char *message);

/* A client's history shows that client's massages exactly: the store's
 * search for the name finds them, among others that mention it. */
static gboolean
is_client_cb (gpointer item,
              gpointer data)
{
  AftercareSessionsView *self = data;

  return self->client == NULL ||
         aftercare_pattern_same_client (aftercare_session_get_client (AFTERCARE_SESSION (item)), self->client);
}

/* The chosen session, if it is among the rows given (the whole list and
 * a search each have their own copy of a session: by its id). */
static void
choose_again (AftercareSessionsView *self,
              AftercareSession      *chosen)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));

  for (guint i = 0; i < n && chosen != NULL; i++)
    {
      g_autoptr(AftercareSession) session = g_list_model_get_item (G_LIST_MODEL (self->rows), i);

      if (g_strcmp0 (aftercare_session_get_id (session), aftercare_session_get_id (chosen)) == 0)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }
}

static void
search_changed_cb (AftercareSessionsView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autoptr(GError) error = NULL;
  gboolean searching = *stripped != '\0';
  gboolean anew = searching || self->searching;
  g_autoptr(AftercareSession) chosen = NULL;
  GListModel *shown;

  /* Typing something else leaves the client's history for a search. */
  if (self->client != NULL && !g_str_equal (stripped, self->client))
    g_clear_pointer (&self->client, g_free);
  /* Each search, and the whole list after one, is shown anew from its
   * top, a screenful, the chosen session chosen still if it is there.
   * Meanwhile the list is off the view and unselected, and given nothing:
   * otherwise the rows the search adds above the last row given would all
   * be given, and GTK 4.8's selection and list view would look through
   * the new list for the row that was selected and those that were shown. */
  if (anew)
    {
      chosen = gtk_single_selection_get_selected_item (self->selection);
      if (chosen != NULL)
        g_object_ref (chosen);
      gtk_list_view_set_model (self->list_view, NULL);
      gtk_single_selection_set_autoselect (self->selection, FALSE);
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      aftercare_list_head_set_model (self->rows, NULL);
    }
  /* The store searches its index and changes its list of what it found
   * by the rows that left or came; no search shows the whole list. */
  if (!aftercare_store_search (self->store, stripped, &error))
    show_error (self, error->message);
  /* The narrowed list exists only while a client's history is on show: a
   * filter reads every row of what it filters, which a search must not. */
  if (self->client != NULL && self->client_found == NULL)
    self->client_found = gtk_filter_list_model_new (g_object_ref (self->found),
                                                    GTK_FILTER (g_object_ref (self->client_filter)));
  else if (self->client != NULL)
    gtk_filter_changed (GTK_FILTER (self->client_filter), GTK_FILTER_CHANGE_DIFFERENT);
  shown = !searching ? self->sessions
        : self->client != NULL ? G_LIST_MODEL (self->client_found) : self->found;
  if (anew)
    {
      aftercare_list_head_set_size (self->rows, rows_in_a_screen (self));
      aftercare_list_head_set_model (self->rows, shown);
      choose_again (self, chosen);
      gtk_single_selection_set_autoselect (self->selection, TRUE);
      /* Found nothing: no selection came to tell the page. */
      if (gtk_single_selection_get_selected_item (self->selection) == NULL)
        selected_changed_cb (self);
      gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
    }
  self->searching = searching;
  if (self->client == NULL)
    g_clear_object (&self->client_found);
  shown_changed_cb (self);
}

static void
stop_search_cb (AftercareSessionsView *self)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

static void
search_mode_changed_cb (AftercareSessionsView *self)
{
  if (!gtk_search_bar_get_search_mode (self->search_bar))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      /* At once: whoever left the search may look for a row in the list. */
      search_changed_cb (self);
    }
}

/* ---- Actions ------------------------------------------------------------ */

static GtkWindow *
get_window (AftercareSessionsView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_toast (AftercareSessionsView *self,
            AdwToast              *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (toast);
}

static void
show_error (AftercareSessionsView *self,
            const char            *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  show_toast (self, toast);
}

static void
editor_saved_cb (AftercareSessionEditor *editor,
                 AftercareSession       *session,
                 AftercareSessionsView  *self)
{
  select_session (self, session, TRUE);
}

static void
open_editor (AftercareSessionsView *self,
             AftercareSession      *session)
{
  AftercareSessionEditor *editor = aftercare_session_editor_new (self->store, self->clock, session);

  gtk_window_set_transient_for (GTK_WINDOW (editor), get_window (self));
  g_signal_connect_object (editor, "saved", G_CALLBACK (editor_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
new_action_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  if (aftercare_clinic_mode_records_locked (widget))
    return;
  open_editor (AFTERCARE_SESSIONS_VIEW (widget), NULL);
}

static void
edit_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AftercareSessionsView *self = AFTERCARE_SESSIONS_VIEW (widget);
  g_autoptr(AftercareSession) session = NULL;
  g_autoptr(GError) error = NULL;

  if (aftercare_clinic_mode_records_locked (widget))
    return;
  session = aftercare_store_lookup_session (self->store, g_variant_get_string (parameter, NULL), &error);
  if (session == NULL)
    {
      show_error (self, error->message);
      return;
    }
  open_editor (self, session);
}

/* The deleted massage, back in the list and chosen again. */
static gboolean
undo_delete_cb (gpointer   data,
                GError   **error)
{
  AftercareSessionsView *self = data;
  g_autoptr(AftercareSession) restored = NULL;

  if (!aftercare_store_undo_delete (self->store, error))
    return FALSE;
  if (self->last_deleted_id != NULL)
    restored = aftercare_store_lookup_session (self->store, self->last_deleted_id, NULL);
  if (restored != NULL)
    select_session (self, restored, FALSE);
  return TRUE;
}

/* "Deep tissue, Mon 7 Dec deleted": which massage the Undo brings back. */
static char *
describe_deleted (AftercareSessionsView *self,
                  AftercareSession      *session)
{
  g_autoptr(GDateTime) now = aftercare_clock_get_now (self->clock);
  g_autofree char *day = aftercare_time_format_day (aftercare_session_get_ended_at (session), now);

  /* Translators: a toast after deleting a massage: its type and day, "Deep tissue, Mon 7 Dec deleted". */
  return g_strdup_printf (_("%s, %s deleted"),
                          aftercare_massage_type_get_name (aftercare_session_get_massage_type (session)),
                          day);
}

static void
delete_session (AftercareSessionsView *self,
                const char            *id)
{
  /* The id may belong to the row's session, gone once it is deleted. */
  g_autofree char *session_id = g_strdup (id);
  g_autoptr(AftercareSession) session = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;
  AftercareUndo *undo;

  session = aftercare_store_lookup_session (self->store, session_id, &error);
  if (session == NULL || !aftercare_store_delete_session (self->store, session_id, &error))
    {
      show_error (self, error->message);
      return;
    }
  g_free (self->last_deleted_id);
  self->last_deleted_id = g_steal_pointer (&session_id);
  /* The page showed what is gone: back to the list on a narrow window. */
  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);

  undo = aftercare_undo_get_for_widget (GTK_WIDGET (self));
  title = describe_deleted (self, session);
  if (undo != NULL)
    aftercare_undo_offer (undo, title, undo_delete_cb, g_object_ref (self), g_object_unref);
}

static void
delete_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  if (aftercare_clinic_mode_records_locked (widget))
    return;
  delete_session (AFTERCARE_SESSIONS_VIEW (widget), g_variant_get_string (parameter, NULL));
}

static void
delete_selected_action_cb (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  AftercareSessionsView *self = AFTERCARE_SESSIONS_VIEW (widget);
  AftercareSession *session = gtk_single_selection_get_selected_item (self->selection);
  guint position = gtk_single_selection_get_selected (self->selection);
  guint n;

  if (aftercare_clinic_mode_records_locked (widget))
    return;

  if (session == NULL)
    return;
  delete_session (self, aftercare_session_get_id (session));
  /* The next one down takes its place, where the focus is. */
  n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  if (n > 0)
    gtk_single_selection_set_selected (self->selection, MIN (position, n - 1));
}

static void
open_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AftercareSessionsView *self = AFTERCARE_SESSIONS_VIEW (widget);

  if (aftercare_clinic_mode_records_locked (widget))
    return;
  /* The list selects the clicked row itself; this only brings its page. */
  show_page (self);
}

static void
show_list_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AftercareSessionsView *self = AFTERCARE_SESSIONS_VIEW (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
}

static void
search_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AftercareSessionsView *self = AFTERCARE_SESSIONS_VIEW (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* A client's history (s: the client's name): the list shows their massages
 * alone, exactly that client's, with the name in the search bar to clear. */
static void
show_client_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  AftercareSessionsView *self = AFTERCARE_SESSIONS_VIEW (widget);
  g_autofree char *client = g_strstrip (g_strdup (g_variant_get_string (parameter, NULL)));

  if (aftercare_clinic_mode_records_locked (widget) || *client == '\0')
    return;
  g_free (self->client);
  self->client = g_strdup (client);
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  if (g_str_equal (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), client))
    search_changed_cb (self);
  else
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), client);
  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
}

static void
visibility_changed_cb (AftercareSessionsView *self)
{
  /* Ctrl+F belongs to whichever view is showing. */
  gboolean mapped = gtk_widget_get_mapped (GTK_WIDGET (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sessions.search", mapped && self->store != NULL);
}

/* ---- GObject ------------------------------------------------------------ */

static void
aftercare_sessions_view_dispose (GObject *object)
{
  AftercareSessionsView *self = AFTERCARE_SESSIONS_VIEW (object);

  g_clear_handle_id (&self->focus_id, g_source_remove);
  g_clear_handle_id (&self->more_rows_id, g_source_remove);
  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), AFTERCARE_TYPE_SESSIONS_VIEW);
  g_clear_object (&self->selection);
  g_clear_object (&self->found);
  g_clear_object (&self->rows);
  g_clear_object (&self->client_found);
  g_clear_object (&self->client_filter);
  g_clear_object (&self->sessions);
  g_clear_object (&self->store);
  g_clear_object (&self->clock);
  G_OBJECT_CLASS (aftercare_sessions_view_parent_class)->dispose (object);
}

static void
aftercare_sessions_view_finalize (GObject *object)
{
  AftercareSessionsView *self = AFTERCARE_SESSIONS_VIEW (object);

  g_free (self->client);
  g_free (self->last_deleted_id);
  G_OBJECT_CLASS (aftercare_sessions_view_parent_class)->finalize (object);
}

/* Tab leaves the list, to the page beside it (or, backwards, the search):
 * GTK 4.8's list view would take Tab from row to row through every massage.
 * Forwards, with the page beside the list, the page takes the keyboard
 * itself: the window's own search for what comes next, which orders by
 * position, now and then came back round to the view switcher. Otherwise,
 * with the list out of the way for a moment, the window moves the focus on
 * from where it is, as Tab does everywhere else. */
static gboolean
leave_list_cb (GtkWidget *list,
               GVariant  *args,
               gpointer   user_data)
{
  AftercareSessionsView *self = AFTERCARE_SESSIONS_VIEW (gtk_widget_get_ancestor (list, AFTERCARE_TYPE_SESSIONS_VIEW));
  GtkDirectionType direction = g_variant_get_int32 (args);
  GtkRoot *root = gtk_widget_get_root (list);
  gboolean moved;

  if (root == NULL)
    return FALSE;
  if (direction == GTK_DIR_TAB_FORWARD && self != NULL && !adw_leaflet_get_folded (self->leaflet) &&
      gtk_widget_child_focus (GTK_WIDGET (self->page_stack), direction))
    return TRUE;
  gtk_widget_set_can_focus (list, FALSE);
  moved = gtk_widget_child_focus (GTK_WIDGET (root), direction);
  gtk_widget_set_can_focus (list, TRUE);
  return moved;
}

static void
add_list_exit (GtkShortcutController *controller,
               guint                  keyval,
               GdkModifierType        modifiers,
               GtkDirectionType       direction)
{
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keyval, modifiers),
                                            gtk_callback_action_new (leave_list_cb, NULL, NULL));

  gtk_shortcut_set_arguments (shortcut, g_variant_new_int32 (direction));
  gtk_shortcut_controller_add_shortcut (controller, shortcut);
}

static void
add_shortcuts (AftercareSessionsView *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkEventController *list_keys = gtk_shortcut_controller_new ();

  /* Managed by the window, so it works wherever the focus is in this view
   * (Ctrl+N and Ctrl+Z, which work from every view, are the window's). */
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
    gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>f"),
                      gtk_named_action_new ("sessions.search")));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (list_keys),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                      gtk_named_action_new ("sessions.delete-selected")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (list_keys),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_KP_Delete, 0),
                      gtk_named_action_new ("sessions.delete-selected")));
  add_list_exit (GTK_SHORTCUT_CONTROLLER (list_keys), GDK_KEY_Tab, 0, GTK_DIR_TAB_FORWARD);
  add_list_exit (GTK_SHORTCUT_CONTROLLER (list_keys), GDK_KEY_KP_Tab, 0, GTK_DIR_TAB_FORWARD);
  add_list_exit (GTK_SHORTCUT_CONTROLLER (list_keys), GDK_KEY_Tab, GDK_SHIFT_MASK, GTK_DIR_TAB_BACKWARD);
  add_list_exit (GTK_SHORTCUT_CONTROLLER (list_keys), GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK, GTK_DIR_TAB_BACKWARD);
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), list_keys);
}

static gboolean aftercare_sessions_view_grab_focus (GtkWidget *widget);

static void
aftercare_sessions_view_class_init (AftercareSessionsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aftercare_sessions_view_dispose;
  object_class->finalize = aftercare_sessions_view_finalize;
  widget_class->grab_focus = aftercare_sessions_view_grab_focus;

  g_type_ensure (AFTERCARE_TYPE_SESSION_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/aftercare-sessions-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AftercareSessionsView, stack);
  gtk_widget_class_bind_template_child (widget_class, AftercareSessionsView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, AftercareSessionsView, empty_log_button);
  gtk_widget_class_bind_template_child (widget_class, AftercareSessionsView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, AftercareSessionsView, list_pane);
  gtk_widget_class_bind_template_child (widget_class, AftercareSessionsView, list_title);
  gtk_widget_class_bind_template_child (widget_class, AftercareSessionsView, search_bar);
  gtk_widget_class_bind_template_child (widget_class, AftercareSessionsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AftercareSessionsView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, AftercareSessionsView, list_view);
  gtk_widget_class_bind_template_child (widget_class, AftercareSessionsView, no_results_page);
  gtk_widget_class_bind_template_child (widget_class, AftercareSessionsView, page_stack);
  gtk_widget_class_bind_template_child (widget_class, AftercareSessionsView, none_page);
  gtk_widget_class_bind_template_child (widget_class, AftercareSessionsView, session_page);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, folded_changed_cb);

  gtk_widget_class_install_action (widget_class, "sessions.new", NULL, new_action_cb);
  gtk_widget_class_install_action (widget_class, "sessions.edit", "s", edit_action_cb);
  gtk_widget_class_install_action (widget_class, "sessions.delete", "s", delete_action_cb);
  gtk_widget_class_install_action (widget_class, "sessions.delete-selected", NULL, delete_selected_action_cb);
  gtk_widget_class_install_action (widget_class, "sessions.open", "s", open_action_cb);
  gtk_widget_class_install_action (widget_class, "sessions.show-list", NULL, show_list_action_cb);
  gtk_widget_class_install_action (widget_class, "sessions.search", NULL, search_action_cb);
  gtk_widget_class_install_action (widget_class, "sessions.show-client", "s", show_client_action_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
aftercare_sessions_view_init (AftercareSessionsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  aftercare_status_page_defer_icon (self->empty_page);
  aftercare_status_page_defer_icon (self->no_results_page);
  aftercare_status_page_defer_icon (self->none_page);
  add_shortcuts (self);
  g_signal_connect_object (self->search_bar, "notify::search-mode-enabled",
                           G_CALLBACK (search_mode_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "map", G_CALLBACK (visibility_changed_cb), NULL);
  g_signal_connect (self, "unmap", G_CALLBACK (visibility_changed_cb), NULL);
  /* Typing in the list searches; the entry sits in a clamp, so the bar
   * does not find it by itself. */
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self->list_pane));
  folded_changed_cb (self);
  /* Nothing works until there is a store to work on. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sessions.new", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sessions.delete-selected", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sessions.search", FALSE);
}

/* GTK 4.8 cannot focus a row of a list by its position: find the row
 * showing the chosen session among the list's children. */
static GtkWidget *
find_chosen_row (AftercareSessionsView *self)
{
  AftercareSession *chosen = gtk_single_selection_get_selected_item (self->selection);

  for (GtkWidget *item = gtk_widget_get_first_child (GTK_WIDGET (self->list_view));
       item != NULL && chosen != NULL;
       item = gtk_widget_get_next_sibling (item))
    {
      GtkWidget *row = gtk_widget_get_first_child (item);

      if (AFTERCARE_IS_SESSION_ROW (row) && gtk_widget_get_mapped (row) &&
          aftercare_session_row_get_session (AFTERCARE_SESSION_ROW (row)) == chosen)
        return item;
    }
  return NULL;
}

static void
focus_first_row_cb (gpointer data)
{
  AftercareSessionsView *self = data;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row = find_chosen_row (self);

  self->focus_id = 0;
  /* The window puts its first focus on the header bar; take it from there,
   * but not from anything in this view (the search, say). */
  if (row != NULL && (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self))))
    gtk_widget_grab_focus (row);
}

/* Where the keyboard goes when the view comes on screen: the button that
 * logs the first massage; the open page on a narrow window; else the
 * chosen row, so the arrows and Return work at once. */
static gboolean
aftercare_sessions_view_grab_focus (GtkWidget *widget)
{
  AftercareSessionsView *self = AFTERCARE_SESSIONS_VIEW (widget);
  GtkWidget *row;

  if (self->store == NULL || g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "empty") == 0)
    return gtk_widget_grab_focus (self->empty_log_button);
  if (adw_leaflet_get_folded (self->leaflet) &&
      adw_leaflet_get_visible_child (self->leaflet) == GTK_WIDGET (self->page_stack) &&
      aftercare_session_page_get_session (self->session_page) != NULL)
    return gtk_widget_grab_focus (GTK_WIDGET (self->session_page));
  /* Not before the list is laid out: a row focused earlier pins where the
   * list scrolls. */
  row = gtk_widget_get_width (GTK_WIDGET (self->list_view)) > 0 ? find_chosen_row (self) : NULL;
  if (row != NULL)
    return gtk_widget_grab_focus (row);
  /* The list has not made its rows yet: as soon as it has. */
  if (self->focus_id == 0)
    self->focus_id = g_idle_add_once (focus_first_row_cb, self);
  return FALSE;
}

static void
list_mapped_cb (AftercareSessionsView *self)
{
  /* Arrow keys and Return work from the start, on the chosen row. The
   * rows exist once the list is laid out: wait for that, and only the
   * first time (later, the focus is where the person put it). */
  if (!self->focused_once && self->focus_id == 0)
    {
      self->focused_once = TRUE;
      self->focus_id = g_idle_add_once (focus_first_row_cb, self);
    }
}

static gboolean
more_rows_cb (gpointer data)
{
  AftercareSessionsView *self = data;
  GListModel *shown = aftercare_list_head_get_model (self->rows);
  guint size = aftercare_list_head_get_size (self->rows);

  self->more_rows_id = 0;
  if (shown != NULL && size < g_list_model_get_n_items (shown))
    aftercare_list_head_set_size (self->rows, size + rows_in_a_screen (self));
  return G_SOURCE_REMOVE;
}

/* Scrolled, or laid out anew: with less than half a screen of rows left
 * below what shows, a screenful more. Not at once: the list may be in the
 * middle of laying itself out. Before the next frame, though, not when
 * the main loop is idle: while the scroll bar fades or the list glides,
 * frames drawn by a software renderer follow each other with no idle
 * between, and the list would stop at its last row for most of a second. */
static void
list_scrolled_cb (AftercareSessionsView *self,
                  GtkAdjustment         *adjustment)
{
  double page = gtk_adjustment_get_page_size (adjustment);
  double below = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_value (adjustment) - page;
  GListModel *shown = aftercare_list_head_get_model (self->rows);

  if (page <= 0 || below >= page / 2 || self->more_rows_id != 0 ||
      shown == NULL || aftercare_list_head_get_size (self->rows) >= g_list_model_get_n_items (shown))
    return;
  self->more_rows_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, more_rows_cb, self, NULL);
}

/* End (and Ctrl+End) goes to the oldest massage: the list gets all its
 * rows first, then moves there as it always does. */
static gboolean
show_every_row_cb (GtkWidget *list,
                   GVariant  *args,
                   gpointer   data)
{
  AftercareSessionsView *self = data;

  aftercare_list_head_set_size (self->rows, G_MAXUINT);
  return FALSE;
}

static void
add_end_keys (AftercareSessionsView *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  const guint keys[] = { GDK_KEY_End, GDK_KEY_KP_End };
  const GdkModifierType modifiers[] = { 0, GDK_SHIFT_MASK, GDK_CONTROL_MASK, GDK_SHIFT_MASK | GDK_CONTROL_MASK };

  /* Before the list's own End, which it then runs. */
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    for (guint j = 0; j < G_N_ELEMENTS (modifiers); j++)
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
        gtk_shortcut_new (gtk_keyval_trigger_new (keys[i], modifiers[j]),
                          gtk_callback_action_new (show_every_row_cb, self, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), controller);
}

static void
setup_list (AftercareSessionsView *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->list_view));

  self->rows = aftercare_list_head_new (self->sessions, rows_in_a_screen (self));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  self->client_filter = gtk_custom_filter_new (is_client_cb, self, NULL);
  gtk_single_selection_set_autoselect (self->selection, TRUE);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (self->sessions, "items-changed", G_CALLBACK (sessions_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "items-changed", G_CALLBACK (shown_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "notify::selected-item", G_CALLBACK (selected_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (list_scrolled_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adjustment, "changed", G_CALLBACK (list_scrolled_cb), self, G_CONNECT_SWAPPED);
  add_end_keys (self);
}

void
aftercare_sessions_view_set_context (AftercareSessionsView *self,
                                     AftercareStore        *store,
                                     AftercareClock        *clock)
{
  g_return_if_fail (AFTERCARE_IS_SESSIONS_VIEW (self));
  g_return_if_fail (AFTERCARE_IS_STORE (store));
  g_return_if_fail (AFTERCARE_IS_CLOCK (clock));
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  self->clock = g_object_ref (clock);
  self->sessions = g_object_ref (aftercare_store_get_sessions (store));
  self->found = g_object_ref (aftercare_store_get_found_sessions (store));
  aftercare_session_page_set_context (self->session_page, store, clock);
  setup_list (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sessions.new", TRUE);
  visibility_changed_cb (self);
  update_counts (self);
  shown_changed_cb (self);
  selected_changed_cb (self);
  g_signal_connect_object (self->list_view, "map", G_CALLBACK (list_mapped_cb), self, G_CONNECT_SWAPPED);
}

void
aftercare_sessions_view_open_session (AftercareSessionsView *self,
                                      AftercareSession      *session)
{
  g_return_if_fail (AFTERCARE_IS_SESSIONS_VIEW (self));
  g_return_if_fail (AFTERCARE_IS_SESSION (session));

  if (self->sessions != NULL)
    select_session (self, session, TRUE);
}

GtkListView *
aftercare_sessions_view_get_list_view (AftercareSessionsView *self)
{
  g_return_val_if_fail (AFTERCARE_IS_SESSIONS_VIEW (self), NULL);
  return self->list_view;
}

AftercareSessionPage *
aftercare_sessions_view_get_page (AftercareSessionsView *self)
{
  g_return_val_if_fail (AFTERCARE_IS_SESSIONS_VIEW (self), NULL);
  return self->session_page;
}
