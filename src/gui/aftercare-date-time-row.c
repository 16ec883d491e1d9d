/* aftercare-date-time-row.c: a row that picks a date on a calendar and a time of day, checked as you type. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-date-time-row"

#include "config.h"

#include <glib/gi18n.h>

#include "aftercare-date-time-row.h"
#include "aftercare-form.h"
#include "aftercare-time.h"
#include "aftercare-util.h"

struct _AftercareDateTimeRow
{
  AdwActionRow parent_instance;

  GtkMenuButton *button;
  GtkCalendar *calendar;
  GtkSpinButton *hour_spin;
  GtkSpinButton *minute_spin;
  GtkLabel *popover_error_label;

  GDateTime *date_time;
  gboolean clock_24h;
  char *error_message;
  /* Set while the widgets are filled from date_time, so they do not echo back. */
  gboolean filling;
};

G_DEFINE_FINAL_TYPE (AftercareDateTimeRow, aftercare_date_time_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_DATE_TIME,
  PROP_CLOCK_24H,
  PROP_ERROR_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_button_label (AftercareDateTimeRow *self)
{
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  g_autofree char *text = NULL;

  if (self->date_time == NULL)
    {
      gtk_menu_button_set_label (self->button, _("Choose…"));
      return;
    }
  /* Today's date only decides whether the year is worth showing. */
  text = aftercare_time_format_day_and_time (self->date_time, today, self->clock_24h);
  gtk_menu_button_set_label (self->button, text);
}

static void
set_error_message (AftercareDateTimeRow *self,
                   const char           *message)
{
  if (!aftercare_set_string (&self->error_message, message))
    return;

  gtk_label_set_label (self->popover_error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->popover_error_label), message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->button), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->button), "error");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR_MESSAGE]);
}

static gboolean
read_time_of_day (AftercareDateTimeRow  *self,
                  int                   *hour,
                  int                   *minute,
                  GError               **error)
{
  const char *hour_text = gtk_editable_get_text (GTK_EDITABLE (self->hour_spin));
  const char *minute_text = gtk_editable_get_text (GTK_EDITABLE (self->minute_spin));

  /* Translators: fields of the date and time picker, named in its errors. */
  return aftercare_form_parse_whole_number (hour_text, _("Hour"), 0, 23, hour, error) &&
         aftercare_form_parse_whole_number (minute_text, _("Minute"), 0, 59, minute, error);
}

static void
take_date_time (AftercareDateTimeRow *self,
                GDateTime            *date_time)
{
  if (aftercare_date_time_identical (self->date_time, date_time))
    {
      g_clear_pointer (&date_time, g_date_time_unref);
      return;
    }
  g_clear_pointer (&self->date_time, g_date_time_unref);
  self->date_time = date_time;
  update_button_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE_TIME]);
}

static void
read_widgets (AftercareDateTimeRow *self)
{
  g_autoptr(GDateTime) day = NULL;
  g_autoptr(GError) error = NULL;
  int hour, minute;

  if (self->filling)
    return;
  if (!read_time_of_day (self, &hour, &minute, &error))
    {
      set_error_message (self, error->message);
      return;
    }
  set_error_message (self, NULL);
  day = gtk_calendar_get_date (self->calendar);
  take_date_time (self, g_date_time_new_local (g_date_time_get_year (day),
                                               g_date_time_get_month (day),
                                               g_date_time_get_day_of_month (day),
                                               hour, minute, 0));
}

static void
calendar_day_selected_cb (AftercareDateTimeRow *self)
{
  read_widgets (self);
}

static void
time_text_changed_cb (AftercareDateTimeRow *self)
{
  read_widgets (self);
}

static gboolean
two_digits_output_cb (GtkSpinButton *spin,
                      gpointer       user_data)
{
  g_autofree char *text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));

  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static void
fill_widgets (AftercareDateTimeRow *self)
{
  self->filling = TRUE;
  gtk_calendar_select_day (self->calendar, self->date_time);
  gtk_spin_button_set_value (self->hour_spin, g_date_time_get_hour (self->date_time));
  gtk_spin_button_set_value (self->minute_spin, g_date_time_get_minute (self->date_time));
  /* Set the text too: a spin button whose value did not change keeps
   * whatever was typed in it. */
  two_digits_output_cb (self->hour_spin, NULL);
  two_digits_output_cb (self->minute_spin, NULL);
  self->filling = FALSE;
  set_error_message (self, NULL);
}

static void
aftercare_date_time_row_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  AftercareDateTimeRow *self = AFTERCARE_DATE_TIME_ROW (object);

  switch (prop_id)
    {
    case PROP_DATE_TIME:
      g_value_set_boxed (value, self->date_time);
      break;
    case PROP_CLOCK_24H:
      g_value_set_boolean (value, self->clock_24h);
      break;
    case PROP_ERROR_MESSAGE:
      g_value_set_string (value, self->error_message);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aftercare_date_time_row_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  AftercareDateTimeRow *self = AFTERCARE_DATE_TIME_ROW (object);

  switch (prop_id)
    {
    case PROP_DATE_TIME:
      aftercare_date_time_row_set_date_time (self, g_value_get_boxed (value));
      break;
    case PROP_CLOCK_24H:
      aftercare_date_time_row_set_clock_24h (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aftercare_date_time_row_finalize (GObject *object)
{
  AftercareDateTimeRow *self = AFTERCARE_DATE_TIME_ROW (object);

  g_clear_pointer (&self->date_time, g_date_time_unref);
  g_clear_pointer (&self->error_message, g_free);
  G_OBJECT_CLASS (aftercare_date_time_row_parent_class)->finalize (object);
}

static void
aftercare_date_time_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), AFTERCARE_TYPE_DATE_TIME_ROW);
  G_OBJECT_CLASS (aftercare_date_time_row_parent_class)->dispose (object);
}

static void
aftercare_date_time_row_class_init (AftercareDateTimeRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = aftercare_date_time_row_get_property;
  object_class->set_property = aftercare_date_time_row_set_property;
  object_class->dispose = aftercare_date_time_row_dispose;
  object_class->finalize = aftercare_date_time_row_finalize;

  properties[PROP_DATE_TIME] =
    g_param_spec_boxed ("date-time", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLOCK_24H] =
    g_param_spec_boolean ("clock-24h", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ERROR_MESSAGE] =
    g_param_spec_string ("error-message", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/aftercare-date-time-row.ui");
  gtk_widget_class_bind_template_child (widget_class, AftercareDateTimeRow, button);
  gtk_widget_class_bind_template_child (widget_class, AftercareDateTimeRow, calendar);
  gtk_widget_class_bind_template_child (widget_class, AftercareDateTimeRow, hour_spin);
  gtk_widget_class_bind_template_child (widget_class, AftercareDateTimeRow, minute_spin);
  gtk_widget_class_bind_template_child (widget_class, AftercareDateTimeRow, popover_error_label);
  gtk_widget_class_bind_template_callback (widget_class, calendar_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, time_text_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, two_digits_output_cb);
}

static void
aftercare_date_time_row_init (AftercareDateTimeRow *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  self->clock_24h = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Until told otherwise, the current minute. */
  aftercare_date_time_row_set_date_time (self, now);
}

GtkWidget *
aftercare_date_time_row_new (void)
{
  return g_object_new (AFTERCARE_TYPE_DATE_TIME_ROW, NULL);
}

GDateTime *
aftercare_date_time_row_get_date_time (AftercareDateTimeRow *self)
{
  g_return_val_if_fail (AFTERCARE_IS_DATE_TIME_ROW (self), NULL);
  return self->date_time;
}

void
aftercare_date_time_row_set_date_time (AftercareDateTimeRow *self,
                                       GDateTime            *date_time)
{
  g_autoptr(GDateTime) local = NULL;

  g_return_if_fail (AFTERCARE_IS_DATE_TIME_ROW (self));
  g_return_if_fail (date_time != NULL);

  /* The picker works to the minute, in the desktop's time zone. */
  local = g_date_time_to_local (date_time);
  take_date_time (self, g_date_time_new_local (g_date_time_get_year (local),
                                               g_date_time_get_month (local),
                                               g_date_time_get_day_of_month (local),
                                               g_date_time_get_hour (local),
                                               g_date_time_get_minute (local), 0));
  fill_widgets (self);
}

const char *
aftercare_date_time_row_get_error_message (AftercareDateTimeRow *self)
{
  g_return_val_if_fail (AFTERCARE_IS_DATE_TIME_ROW (self), NULL);
  return self->error_message;
}

void
aftercare_date_time_row_set_clock_24h (AftercareDateTimeRow *self,
                                       gboolean              clock_24h)
{
  g_return_if_fail (AFTERCARE_IS_DATE_TIME_ROW (self));

  clock_24h = !!clock_24h;
  if (self->clock_24h == clock_24h)
    return;
  self->clock_24h = clock_24h;
  update_button_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLOCK_24H]);
}
