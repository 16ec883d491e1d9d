/* aftercare-massage-kind-row.c: one massage type in the reference's list, with how likely it is to leave you sore. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-massage-kind-row"

#include "config.h"

#include <glib/gi18n.h>

#include "aftercare-massage-kind-row.h"

struct _AftercareMassageKindRow
{
  GtkListBoxRow parent_instance;

  GtkLevelBar *level_bar;

  AftercareMassageKind *kind;
};

G_DEFINE_FINAL_TYPE (AftercareMassageKindRow, aftercare_massage_kind_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_KIND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
aftercare_massage_kind_row_constructed (GObject *object)
{
  AftercareMassageKindRow *self = AFTERCARE_MASSAGE_KIND_ROW (object);
  /* Translators: how a screen reader names a row, "Deep tissue, soreness likely". */
  g_autofree char *label = g_strdup_printf (_("%s, soreness: %s"),
                                            aftercare_massage_kind_get_name (self->kind),
                                            aftercare_massage_kind_get_likelihood_text (self->kind));

  G_OBJECT_CLASS (aftercare_massage_kind_row_parent_class)->constructed (object);
  /* The template's bindings watch "kind": tell them it is set. */
  g_object_notify_by_pspec (object, properties[PROP_KIND]);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->level_bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Soreness likelihood"),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT,
                                  aftercare_massage_kind_get_likelihood_text (self->kind),
                                  -1);
}

static void
aftercare_massage_kind_row_dispose (GObject *object)
{
  AftercareMassageKindRow *self = AFTERCARE_MASSAGE_KIND_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), AFTERCARE_TYPE_MASSAGE_KIND_ROW);
  g_clear_object (&self->kind);
  G_OBJECT_CLASS (aftercare_massage_kind_row_parent_class)->dispose (object);
}

static void
aftercare_massage_kind_row_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  AftercareMassageKindRow *self = AFTERCARE_MASSAGE_KIND_ROW (object);

  switch (prop_id)
    {
    case PROP_KIND: g_value_set_object (value, self->kind); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aftercare_massage_kind_row_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  AftercareMassageKindRow *self = AFTERCARE_MASSAGE_KIND_ROW (object);

  switch (prop_id)
    {
    case PROP_KIND: self->kind = g_value_dup_object (value); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aftercare_massage_kind_row_class_init (AftercareMassageKindRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = aftercare_massage_kind_row_constructed;
  object_class->dispose = aftercare_massage_kind_row_dispose;
  object_class->get_property = aftercare_massage_kind_row_get_property;
  object_class->set_property = aftercare_massage_kind_row_set_property;

  properties[PROP_KIND] =
    g_param_spec_object ("kind", NULL, NULL, AFTERCARE_TYPE_MASSAGE_KIND,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (AFTERCARE_TYPE_MASSAGE_KIND);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/aftercare-massage-kind-row.ui");
  gtk_widget_class_bind_template_child (widget_class, AftercareMassageKindRow, level_bar);
}

static void
aftercare_massage_kind_row_init (AftercareMassageKindRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* One colour for every filled block: more soreness is not "better"
   * or "worse" progress, so the level bar's low/high/full colours would
   * mislead. */
  gtk_level_bar_remove_offset_value (self->level_bar, GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (self->level_bar, GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (self->level_bar, GTK_LEVEL_BAR_OFFSET_FULL);
}

GtkWidget *
aftercare_massage_kind_row_new (AftercareMassageKind *kind)
{
  g_return_val_if_fail (AFTERCARE_IS_MASSAGE_KIND (kind), NULL);
  return g_object_new (AFTERCARE_TYPE_MASSAGE_KIND_ROW, "kind", kind, NULL);
}

AftercareMassageKind *
aftercare_massage_kind_row_get_kind (AftercareMassageKindRow *self)
{
  g_return_val_if_fail (AFTERCARE_IS_MASSAGE_KIND_ROW (self), NULL);
  return self->kind;
}
