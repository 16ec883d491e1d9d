/* aftercare-massage-kind-page.c: one massage type in full: technique, pressure, soreness, what to tell the therapist. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-massage-kind-page"

#include "config.h"

#include <glib/gi18n.h>

#include "aftercare-clinic-mode.h"
#include "aftercare-massage-kind-page.h"
#include "aftercare-session-pattern.h"

struct _AftercareMassageKindPage
{
  GtkWidget parent_instance;

  GtkScrolledWindow *scroller;
  GtkWidget *name_label;
  GtkLevelBar *level_bar;
  GtkWidget *likelihood_label;
  GtkWidget *technique_label;
  GtkWidget *pressure_label;
  GtkWidget *duration_label;
  GtkWidget *tell_therapist_label;
  GtkWidget *assess_button;
  GtkWidget *pattern_box;
  GtkLabel *pattern_label;

  AftercareMassageKind *kind;
  AftercareStore *store;
};

G_DEFINE_FINAL_TYPE (AftercareMassageKindPage, aftercare_massage_kind_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_KIND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
aftercare_massage_kind_page_dispose (GObject *object)
{
  AftercareMassageKindPage *self = AFTERCARE_MASSAGE_KIND_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), AFTERCARE_TYPE_MASSAGE_KIND_PAGE);
  g_clear_object (&self->kind);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (aftercare_massage_kind_page_parent_class)->dispose (object);
}

static void
aftercare_massage_kind_page_get_property (GObject    *object,
                                          guint       prop_id,
                                          GValue     *value,
                                          GParamSpec *pspec)
{
  AftercareMassageKindPage *self = AFTERCARE_MASSAGE_KIND_PAGE (object);

  switch (prop_id)
    {
    case PROP_KIND: g_value_set_object (value, self->kind); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aftercare_massage_kind_page_set_property (GObject      *object,
                                          guint         prop_id,
                                          const GValue *value,
                                          GParamSpec   *pspec)
{
  AftercareMassageKindPage *self = AFTERCARE_MASSAGE_KIND_PAGE (object);

  switch (prop_id)
    {
    case PROP_KIND: aftercare_massage_kind_page_set_kind (self, g_value_get_object (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* One paragraph per pressure you had this type at: your own pattern, or
 * how many more massages it needs. Not in clinic mode: the reference
 * belongs to no one client, and one client never sees another's. */
static void
show_pattern (AftercareMassageKindPage *self)
{
  g_autoptr(GPtrArray) paragraphs = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *text = NULL;
  GtkWidget *widget = GTK_WIDGET (self);

  if (self->kind != NULL && self->store != NULL &&
      !aftercare_clinic_mode_per_client (widget) && !aftercare_clinic_mode_records_locked (widget))
    for (AftercarePressure p = AFTERCARE_PRESSURE_LIGHT; p <= AFTERCARE_PRESSURE_DEEP; p++)
      {
        AftercarePatternSummary summary;
        g_autoptr(GError) error = NULL;

        if (!aftercare_store_pattern_of_kind (self->store, aftercare_massage_kind_get_massage_type (self->kind),
                                              p, NULL, &summary, &error))
          {
            g_message ("No pattern: %s", error->message);
            break;
          }
        if (summary.n_sessions > 0)
          g_ptr_array_add (paragraphs, aftercare_pattern_summary_describe (&summary, NULL));
      }
  g_ptr_array_add (paragraphs, NULL);
  text = g_strjoinv ("\n\n", (char **) paragraphs->pdata);
  gtk_label_set_label (self->pattern_label, text);
  gtk_widget_set_visible (self->pattern_box, *text != '\0');
}

/* Shown again each time, so check-ins logged meanwhile count. */
static void
aftercare_massage_kind_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (aftercare_massage_kind_page_parent_class)->map (widget);
  show_pattern (AFTERCARE_MASSAGE_KIND_PAGE (widget));
}

static void
aftercare_massage_kind_page_class_init (AftercareMassageKindPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aftercare_massage_kind_page_dispose;
  object_class->get_property = aftercare_massage_kind_page_get_property;
  object_class->set_property = aftercare_massage_kind_page_set_property;

  properties[PROP_KIND] =
    g_param_spec_object ("kind", NULL, NULL, AFTERCARE_TYPE_MASSAGE_KIND,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (AFTERCARE_TYPE_MASSAGE_KIND);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/aftercare-massage-kind-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AftercareMassageKindPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, AftercareMassageKindPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, AftercareMassageKindPage, level_bar);
  gtk_widget_class_bind_template_child (widget_class, AftercareMassageKindPage, likelihood_label);
  gtk_widget_class_bind_template_child (widget_class, AftercareMassageKindPage, technique_label);
  gtk_widget_class_bind_template_child (widget_class, AftercareMassageKindPage, pressure_label);
  gtk_widget_class_bind_template_child (widget_class, AftercareMassageKindPage, duration_label);
  gtk_widget_class_bind_template_child (widget_class, AftercareMassageKindPage, tell_therapist_label);
  gtk_widget_class_bind_template_child (widget_class, AftercareMassageKindPage, assess_button);
  gtk_widget_class_bind_template_child (widget_class, AftercareMassageKindPage, pattern_box);
  gtk_widget_class_bind_template_child (widget_class, AftercareMassageKindPage, pattern_label);
  widget_class->map = aftercare_massage_kind_page_map;
}

static void
aftercare_massage_kind_page_init (AftercareMassageKindPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* As in the list: one colour, since more soreness is no kind of progress. */
  gtk_level_bar_remove_offset_value (self->level_bar, GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (self->level_bar, GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (self->level_bar, GTK_LEVEL_BAR_OFFSET_FULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->level_bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Soreness likelihood"),
                                  -1);
  gtk_widget_set_sensitive (self->assess_button, FALSE);
}

GtkWidget *
aftercare_massage_kind_page_new (void)
{
  return g_object_new (AFTERCARE_TYPE_MASSAGE_KIND_PAGE, NULL);
}

AftercareMassageKind *
aftercare_massage_kind_page_get_kind (AftercareMassageKindPage *self)
{
  g_return_val_if_fail (AFTERCARE_IS_MASSAGE_KIND_PAGE (self), NULL);
  return self->kind;
}

void
aftercare_massage_kind_page_set_kind (AftercareMassageKindPage *self,
                                      AftercareMassageKind     *kind)
{
  GtkAdjustment *vadjustment;

  g_return_if_fail (AFTERCARE_IS_MASSAGE_KIND_PAGE (self));
  g_return_if_fail (kind == NULL || AFTERCARE_IS_MASSAGE_KIND (kind));

  if (!g_set_object (&self->kind, kind))
    return;
  gtk_widget_set_sensitive (self->assess_button, kind != NULL);
  if (kind != NULL)
    {
      /* The window's action opens the wizard with this type filled in. */
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->assess_button), "s",
                                        aftercare_massage_kind_get_key (kind));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->assess_button), "win.assess-type");
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->level_bar),
                                      GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT,
                                      aftercare_massage_kind_get_likelihood_text (kind),
                                      -1);
    }
  show_pattern (self);
  vadjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_lower (vadjustment));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

void
aftercare_massage_kind_page_set_store (AftercareMassageKindPage *self,
                                       AftercareStore           *store)
{
  g_return_if_fail (AFTERCARE_IS_MASSAGE_KIND_PAGE (self));
  g_return_if_fail (store == NULL || AFTERCARE_IS_STORE (store));

  if (g_set_object (&self->store, store))
    show_pattern (self);
}
