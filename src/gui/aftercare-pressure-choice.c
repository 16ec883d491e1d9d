/* aftercare-pressure-choice.c: light, moderate or deep, as linked buttons: the one pressure choice of every form. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-pressure-choice"

#include "config.h"

#include <glib/gi18n.h>

#include "aftercare-pressure-choice.h"

#define N_PRESSURES 3

struct _AftercarePressureChoice
{
  GtkBox parent_instance;

  GtkWidget *buttons[N_PRESSURES];
  AftercarePressure pressure;
  gboolean use_underline;
};

G_DEFINE_FINAL_TYPE (AftercarePressureChoice, aftercare_pressure_choice, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_PRESSURE,
  PROP_USE_UNDERLINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_labels (AftercarePressureChoice *self)
{
  const char *plain[N_PRESSURES] = {
    C_("pressure", "Light"), C_("pressure", "Moderate"), C_("pressure", "Deep"),
  };
  const char *mnemonic[N_PRESSURES] = {
    C_("pressure", "_Light"), C_("pressure", "_Moderate"), C_("pressure", "_Deep"),
  };

  for (guint i = 0; i < N_PRESSURES; i++)
    {
      gtk_button_set_use_underline (GTK_BUTTON (self->buttons[i]), self->use_underline);
      gtk_button_set_label (GTK_BUTTON (self->buttons[i]), self->use_underline ? mnemonic[i] : plain[i]);
    }
}

static void
aftercare_pressure_choice_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  AftercarePressureChoice *self = AFTERCARE_PRESSURE_CHOICE (object);

  switch (prop_id)
    {
    case PROP_PRESSURE: g_value_set_enum (value, self->pressure); break;
    case PROP_USE_UNDERLINE: g_value_set_boolean (value, self->use_underline); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aftercare_pressure_choice_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  AftercarePressureChoice *self = AFTERCARE_PRESSURE_CHOICE (object);

  switch (prop_id)
    {
    case PROP_PRESSURE:
      aftercare_pressure_choice_set_pressure (self, g_value_get_enum (value));
      break;
    case PROP_USE_UNDERLINE:
      self->use_underline = g_value_get_boolean (value);
      show_labels (self);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aftercare_pressure_choice_class_init (AftercarePressureChoiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = aftercare_pressure_choice_get_property;
  object_class->set_property = aftercare_pressure_choice_set_property;

  properties[PROP_PRESSURE] =
    g_param_spec_enum ("pressure", NULL, NULL, AFTERCARE_TYPE_PRESSURE, AFTERCARE_PRESSURE_DEFAULT,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_USE_UNDERLINE] =
    g_param_spec_boolean ("use-underline", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Each button sets the property, and shows itself pressed while it holds. */
  gtk_widget_class_install_property_action (widget_class, "choice.pressure", "pressure");
  gtk_widget_class_set_css_name (widget_class, "box");
}

static void
aftercare_pressure_choice_init (AftercarePressureChoice *self)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (AFTERCARE_TYPE_PRESSURE);

  self->pressure = AFTERCARE_PRESSURE_DEFAULT;
  gtk_widget_add_css_class (GTK_WIDGET (self), "linked");
  /* Translators: the name screen readers give the pressure choice. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Pressure"), -1);
  g_assert (klass->n_values == N_PRESSURES);
  for (guint i = 0; i < N_PRESSURES; i++)
    {
      self->buttons[i] = gtk_toggle_button_new ();
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->buttons[i]), "choice.pressure");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->buttons[i]), "s", klass->values[i].value_nick);
      gtk_box_append (GTK_BOX (self), self->buttons[i]);
    }
  show_labels (self);
}

GtkWidget *
aftercare_pressure_choice_new (void)
{
  return g_object_new (AFTERCARE_TYPE_PRESSURE_CHOICE, NULL);
}

AftercarePressure
aftercare_pressure_choice_get_pressure (AftercarePressureChoice *self)
{
  g_return_val_if_fail (AFTERCARE_IS_PRESSURE_CHOICE (self), AFTERCARE_PRESSURE_DEFAULT);
  return self->pressure;
}

void
aftercare_pressure_choice_set_pressure (AftercarePressureChoice *self,
                                        AftercarePressure        pressure)
{
  g_return_if_fail (AFTERCARE_IS_PRESSURE_CHOICE (self));
  g_return_if_fail (pressure < N_PRESSURES);

  if (self->pressure == pressure)
    return;
  self->pressure = pressure;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRESSURE]);
}

GtkWidget *
aftercare_pressure_choice_get_button (AftercarePressureChoice *self,
                                      AftercarePressure        pressure)
{
  g_return_val_if_fail (AFTERCARE_IS_PRESSURE_CHOICE (self), NULL);
  g_return_val_if_fail (pressure < N_PRESSURES, NULL);
  return self->buttons[pressure];
}
