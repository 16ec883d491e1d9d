/* aftercare-reference-view.c: the eight massage types, searchable, each with its detail. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-reference-view"

#include "config.h"

#include "aftercare-massage-kind-page.h"
#include "aftercare-massage-kind-row.h"
#include "aftercare-reference-view.h"

struct _AftercareReferenceView
{
  GtkWidget parent_instance;

  AdwLeaflet *leaflet;
  GtkSearchEntry *search_entry;
  GtkStack *list_stack;
  GtkListBox *kinds_list;
  GtkWidget *back_button;
  GtkStack *detail_stack;
  AftercareMassageKindPage *kind_page;
  GtkFilterListModel *filtered_kinds;
  GtkFilter *search_filter;
};

G_DEFINE_FINAL_TYPE (AftercareReferenceView, aftercare_reference_view, GTK_TYPE_WIDGET)

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  return aftercare_massage_kind_row_new (AFTERCARE_MASSAGE_KIND (item));
}

static void
row_selected_cb (AftercareReferenceView *self,
                 GtkListBoxRow          *row)
{
  if (row != NULL)
    aftercare_massage_kind_page_set_kind (self->kind_page,
                                          aftercare_massage_kind_row_get_kind (AFTERCARE_MASSAGE_KIND_ROW (row)));
}

static void
row_activated_cb (AftercareReferenceView *self,
                  GtkListBoxRow          *row)
{
  /* Narrow, the detail slides in; wide, it is already beside the list. */
  adw_leaflet_set_visible_child_name (self->leaflet, "detail");
}

static GtkListBoxRow *
find_row (AftercareReferenceView *self,
          AftercareMassageType    type)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->kinds_list, i)) != NULL; i++)
    {
      AftercareMassageKind *kind = aftercare_massage_kind_row_get_kind (AFTERCARE_MASSAGE_KIND_ROW (row));

      if (aftercare_massage_kind_get_massage_type (kind) == type)
        return row;
    }
  return NULL;
}

/* The list box rebuilds its rows when the filter changes: the type on
 * show stays when it is still listed; otherwise the first match takes its
 * place, and with no match the detail shows none. */
static void
filtered_kinds_changed_cb (AftercareReferenceView *self)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->filtered_kinds));
  AftercareMassageKind *shown = aftercare_massage_kind_page_get_kind (self->kind_page);
  GtkListBoxRow *row = NULL;

  gtk_stack_set_visible_child_name (self->list_stack, n_items > 0 ? "list" : "empty");
  gtk_stack_set_visible_child_name (self->detail_stack, n_items > 0 ? "kind" : "none");
  if (shown != NULL)
    row = find_row (self, aftercare_massage_kind_get_massage_type (shown));
  if (row == NULL)
    row = gtk_list_box_get_row_at_index (self->kinds_list, 0);
  if (row != NULL)
    gtk_list_box_select_row (self->kinds_list, row);
}

static gboolean
kind_matches_search (gpointer item,
                     gpointer user_data)
{
  AftercareReferenceView *self = user_data;

  return aftercare_massage_kind_matches (AFTERCARE_MASSAGE_KIND (item),
                                         gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
search_text_changed_cb (AftercareReferenceView *self)
{
  gtk_filter_changed (self->search_filter, GTK_FILTER_CHANGE_DIFFERENT);
}

static void
search_activate_cb (AftercareReferenceView *self)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->kinds_list, 0);

  if (first == NULL)
    return;
  gtk_list_box_select_row (self->kinds_list, first);
  row_activated_cb (self, first);
}

static void
back_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AftercareReferenceView *self = AFTERCARE_REFERENCE_VIEW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
search_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AftercareReferenceView *self = AFTERCARE_REFERENCE_VIEW (widget);

  adw_leaflet_set_visible_child_name (self->leaflet, "list");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Arriving on the reference, the keyboard is in the search, so typing
 * finds a type; on a narrow window showing a type, on that type's page. */
static gboolean
aftercare_reference_view_grab_focus (GtkWidget *widget)
{
  AftercareReferenceView *self = AFTERCARE_REFERENCE_VIEW (widget);

  if (adw_leaflet_get_folded (self->leaflet) &&
      g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "detail") == 0)
    return gtk_widget_grab_focus (self->back_button);
  return gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
aftercare_reference_view_dispose (GObject *object)
{
  AftercareReferenceView *self = AFTERCARE_REFERENCE_VIEW (object);

  /* The filter reads the search entry: it goes before the template does. */
  if (self->filtered_kinds != NULL)
    gtk_filter_list_model_set_filter (self->filtered_kinds, NULL);
  g_clear_object (&self->search_filter);
  gtk_widget_dispose_template (GTK_WIDGET (object), AFTERCARE_TYPE_REFERENCE_VIEW);
  G_OBJECT_CLASS (aftercare_reference_view_parent_class)->dispose (object);
}

static void
aftercare_reference_view_class_init (AftercareReferenceViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aftercare_reference_view_dispose;
  widget_class->grab_focus = aftercare_reference_view_grab_focus;

  g_type_ensure (AFTERCARE_TYPE_MASSAGE_KIND);
  g_type_ensure (AFTERCARE_TYPE_MASSAGE_KIND_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/aftercare-reference-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AftercareReferenceView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, AftercareReferenceView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AftercareReferenceView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, AftercareReferenceView, kinds_list);
  gtk_widget_class_bind_template_child (widget_class, AftercareReferenceView, back_button);
  gtk_widget_class_bind_template_child (widget_class, AftercareReferenceView, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, AftercareReferenceView, kind_page);
  gtk_widget_class_bind_template_child (widget_class, AftercareReferenceView, filtered_kinds);

  gtk_widget_class_bind_template_callback (widget_class, row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_text_changed_cb);

  gtk_widget_class_install_action (widget_class, "reference.back", NULL, back_action_cb);
  gtk_widget_class_install_action (widget_class, "reference.search", NULL, search_action_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "reference.search", NULL);

  gtk_widget_class_set_css_name (widget_class, "referenceview");
}

static void
aftercare_reference_view_init (AftercareReferenceView *self)
{
  g_autoptr(GListModel) kinds = aftercare_catalog_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->search_filter = GTK_FILTER (gtk_custom_filter_new (kind_matches_search, self, NULL));
  gtk_filter_list_model_set_filter (self->filtered_kinds, self->search_filter);
  gtk_filter_list_model_set_model (self->filtered_kinds, kinds);
  gtk_list_box_bind_model (self->kinds_list, G_LIST_MODEL (self->filtered_kinds),
                           create_row, NULL, NULL);
  g_signal_connect_object (self->filtered_kinds, "items-changed",
                           G_CALLBACK (filtered_kinds_changed_cb), self, G_CONNECT_SWAPPED);
  /* Typing anywhere in the view searches. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
  gtk_list_box_select_row (self->kinds_list, gtk_list_box_get_row_at_index (self->kinds_list, 0));
}

GtkWidget *
aftercare_reference_view_new (void)
{
  return g_object_new (AFTERCARE_TYPE_REFERENCE_VIEW, NULL);
}

void
aftercare_reference_view_show_type (AftercareReferenceView *self,
                                    AftercareMassageType    type)
{
  GtkListBoxRow *row;

  g_return_if_fail (AFTERCARE_IS_REFERENCE_VIEW (self));

  /* Clear the search so the type is listed. */
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  row = find_row (self, type);
  g_return_if_fail (row != NULL);
  gtk_list_box_select_row (self->kinds_list, row);
  row_activated_cb (self, row);
}

void
aftercare_reference_view_set_store (AftercareReferenceView *self,
                                    AftercareStore         *store)
{
  g_return_if_fail (AFTERCARE_IS_REFERENCE_VIEW (self));

  aftercare_massage_kind_page_set_store (self->kind_page, store);
}
