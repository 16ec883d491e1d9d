/* aftercare-feeling-form.c: how you feel: the soreness scale and the symptoms, as the wizard and the check-in ask. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-feeling-form"

#include "config.h"

#include <math.h>

#include "aftercare-checkin.h"
#include "aftercare-feeling-form.h"
#include "aftercare-labels.h"

#define N_SYMPTOM_BITS 14

struct _AftercareFeelingForm
{
  GtkWidget parent_instance;

  GtkLabel *soreness_value_label;
  GtkLabel *soreness_band_label;
  GtkWidget *soreness_scale;
  AdwPreferencesGroup *tissue_group;
  AdwPreferencesGroup *warning_group;
  GtkCheckButton *symptom_checks[N_SYMPTOM_BITS];
};

G_DEFINE_FINAL_TYPE (AftercareFeelingForm, aftercare_feeling_form, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SORENESS,
  PROP_SYMPTOMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
soreness_changed_cb (AftercareFeelingForm *self)
{
  guint soreness = aftercare_feeling_form_get_soreness (self);
  g_autofree char *number = g_strdup_printf ("%u", soreness);
  g_autofree char *value_text = aftercare_soreness_to_value_text (soreness);

  gtk_label_set_label (self->soreness_value_label, number);
  gtk_label_set_label (self->soreness_band_label, aftercare_soreness_get_band (soreness));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->soreness_scale),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, value_text,
                                  -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORENESS]);
}

static void
symptom_toggled_cb (AftercareFeelingForm *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SYMPTOMS]);
}

static GtkWidget *
symptom_row_new (AftercareFeelingForm  *self,
                 AftercareSymptoms      symptom,
                 GtkCheckButton       **check_out)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), aftercare_symptom_get_title (symptom));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), aftercare_symptom_get_description (symptom));
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  /* Which also names the check box by the title, described by the subtitle. */
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  /* One stop per symptom for Tab and the arrows: the check box, which a
   * screen reader announces with its name and state. */
  gtk_widget_set_focusable (row, FALSE);
  g_signal_connect_object (check, "toggled", G_CALLBACK (symptom_toggled_cb), self, G_CONNECT_SWAPPED);
  *check_out = GTK_CHECK_BUTTON (check);
  return row;
}

/* Two groups, as the person meets them: what the treated area shows, and
 * the signs that need a professional's look or rest. */
static void
add_symptom_rows (AftercareFeelingForm *self)
{
  g_autoptr(GFlagsClass) klass = g_type_class_ref (AFTERCARE_TYPE_SYMPTOMS);

  for (guint i = 0; i < klass->n_values; i++)
    {
      AftercareSymptoms symptom = klass->values[i].value;
      int bit = g_bit_nth_lsf (symptom, -1);
      AdwPreferencesGroup *group;

      g_assert (bit >= 0 && bit < N_SYMPTOM_BITS);
      group = (symptom & AFTERCARE_SYMPTOMS_TISSUE) ? self->tissue_group : self->warning_group;
      adw_preferences_group_add (group, symptom_row_new (self, symptom, &self->symptom_checks[bit]));
    }
}

static gboolean
aftercare_feeling_form_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (AFTERCARE_FEELING_FORM (widget)->soreness_scale);
}

static void
aftercare_feeling_form_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  AftercareFeelingForm *self = AFTERCARE_FEELING_FORM (object);

  switch (prop_id)
    {
    case PROP_SORENESS: g_value_set_uint (value, aftercare_feeling_form_get_soreness (self)); break;
    case PROP_SYMPTOMS: g_value_set_flags (value, aftercare_feeling_form_get_symptoms (self)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aftercare_feeling_form_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  AftercareFeelingForm *self = AFTERCARE_FEELING_FORM (object);

  switch (prop_id)
    {
    case PROP_SORENESS: aftercare_feeling_form_set_soreness (self, g_value_get_uint (value)); break;
    case PROP_SYMPTOMS: aftercare_feeling_form_set_symptoms (self, g_value_get_flags (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aftercare_feeling_form_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), AFTERCARE_TYPE_FEELING_FORM);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (aftercare_feeling_form_parent_class)->dispose (object);
}

static void
aftercare_feeling_form_class_init (AftercareFeelingFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aftercare_feeling_form_dispose;
  object_class->get_property = aftercare_feeling_form_get_property;
  object_class->set_property = aftercare_feeling_form_set_property;
  widget_class->grab_focus = aftercare_feeling_form_grab_focus;

  properties[PROP_SORENESS] =
    g_param_spec_uint ("soreness", NULL, NULL, 0, AFTERCARE_SORENESS_MAX, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SYMPTOMS] =
    g_param_spec_flags ("symptoms", NULL, NULL, AFTERCARE_TYPE_SYMPTOMS, AFTERCARE_SYMPTOM_NONE,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/aftercare-feeling-form.ui");
  gtk_widget_class_bind_template_child (widget_class, AftercareFeelingForm, soreness_value_label);
  gtk_widget_class_bind_template_child (widget_class, AftercareFeelingForm, soreness_band_label);
  gtk_widget_class_bind_template_child (widget_class, AftercareFeelingForm, soreness_scale);
  gtk_widget_class_bind_template_child (widget_class, AftercareFeelingForm, tissue_group);
  gtk_widget_class_bind_template_child (widget_class, AftercareFeelingForm, warning_group);
  gtk_widget_class_bind_template_callback (widget_class, soreness_changed_cb);
}

static void
aftercare_feeling_form_init (AftercareFeelingForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 24);
  add_symptom_rows (self);
  soreness_changed_cb (self);
}

GtkWidget *
aftercare_feeling_form_new (void)
{
  return g_object_new (AFTERCARE_TYPE_FEELING_FORM, NULL);
}

guint
aftercare_feeling_form_get_soreness (AftercareFeelingForm *self)
{
  g_return_val_if_fail (AFTERCARE_IS_FEELING_FORM (self), 0);
  return (guint) CLAMP (lround (gtk_range_get_value (GTK_RANGE (self->soreness_scale))),
                        0, AFTERCARE_SORENESS_MAX);
}

void
aftercare_feeling_form_set_soreness (AftercareFeelingForm *self,
                                     guint                 soreness)
{
  g_return_if_fail (AFTERCARE_IS_FEELING_FORM (self));
  g_return_if_fail (soreness <= AFTERCARE_SORENESS_MAX);
  gtk_range_set_value (GTK_RANGE (self->soreness_scale), soreness);
}

AftercareSymptoms
aftercare_feeling_form_get_symptoms (AftercareFeelingForm *self)
{
  AftercareSymptoms symptoms = AFTERCARE_SYMPTOM_NONE;

  g_return_val_if_fail (AFTERCARE_IS_FEELING_FORM (self), AFTERCARE_SYMPTOM_NONE);
  for (guint bit = 0; bit < N_SYMPTOM_BITS; bit++)
    if (gtk_check_button_get_active (self->symptom_checks[bit]))
      symptoms |= 1u << bit;
  return symptoms;
}

void
aftercare_feeling_form_set_symptoms (AftercareFeelingForm *self,
                                     AftercareSymptoms     symptoms)
{
  g_return_if_fail (AFTERCARE_IS_FEELING_FORM (self));

  g_object_freeze_notify (G_OBJECT (self));
  for (guint bit = 0; bit < N_SYMPTOM_BITS; bit++)
    gtk_check_button_set_active (self->symptom_checks[bit], (symptoms & (1u << bit)) != 0);
  g_object_thaw_notify (G_OBJECT (self));
}

GtkWidget *
aftercare_feeling_form_get_symptom_check (AftercareFeelingForm *self,
                                          AftercareSymptoms     symptom)
{
  int bit = g_bit_nth_lsf (symptom, -1);

  g_return_val_if_fail (AFTERCARE_IS_FEELING_FORM (self), NULL);
  g_return_val_if_fail (bit >= 0 && bit < N_SYMPTOM_BITS && symptom == (1u << bit), NULL);
  return GTK_WIDGET (self->symptom_checks[bit]);
}
