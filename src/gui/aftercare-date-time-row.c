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
  GtkWidget *period_box;
  GtkToggleButton *am_button;
  GtkToggleButton *pm_button;
  GtkLabel *popover_error_label;

  /* The page the row scrolls in, held still while the popover is open. */
  GtkViewport *held_viewport;

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
  if (!aftercare_form_parse_whole_number (hour_text, _("Hour"), self->clock_24h ? 0 : 1,
                                          self->clock_24h ? 23 : 12, hour, error) ||
      !aftercare_form_parse_whole_number (minute_text, _("Minute"), 0, 59, minute, error))
    return FALSE;
  /* 12 AM is midnight, 12 PM noon. */
  if (!self->clock_24h)
    *hour = *hour % 12 + (gtk_toggle_button_get_active (self->pm_button) ? 12 : 0);
  return TRUE;
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

static void
period_toggled_cb (AftercareDateTimeRow *self,
                   GtkToggleButton      *button)
{
  /* Both buttons of the pair toggle: read once, when one comes on. */
  if (gtk_toggle_button_get_active (button))
    read_widgets (self);
}

/* GTK 4.8's viewport scrolls to a focused widget even inside a popover,
 * measuring it as if the popover were part of the page: a click on the
 * hour's + scrolled the page, the popover moved with its button, and the
 * next click landed outside it. While the popover is open, the page holds
 * still. */
static void
popover_show_cb (AftercareDateTimeRow *self)
{
  GtkWidget *viewport = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_VIEWPORT);

  if (viewport == NULL || !gtk_viewport_get_scroll_to_focus (GTK_VIEWPORT (viewport)))
    return;
  gtk_viewport_set_scroll_to_focus (GTK_VIEWPORT (viewport), FALSE);
  g_set_weak_pointer (&self->held_viewport, GTK_VIEWPORT (viewport));
}

static void
popover_closed_cb (AftercareDateTimeRow *self)
{
  if (self->held_viewport != NULL)
    gtk_viewport_set_scroll_to_focus (self->held_viewport, TRUE);
  g_clear_weak_pointer (&self->held_viewport);
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
  int hour = g_date_time_get_hour (self->date_time);

  self->filling = TRUE;
  gtk_calendar_select_day (self->calendar, self->date_time);
  if (self->clock_24h)
    gtk_spin_button_set_value (self->hour_spin, hour);
  else
    gtk_spin_button_set_value (self->hour_spin, hour % 12 == 0 ? 12 : hour % 12);
  gtk_toggle_button_set_active (hour < 12 ? self->am_button : self->pm_button, TRUE);
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
  popover_closed_cb (AFTERCARE_DATE_TIME_ROW (object));
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
  gtk_widget_class_bind_template_child (widget_class, AftercareDateTimeRow, period_box);
  gtk_widget_class_bind_template_child (widget_class, AftercareDateTimeRow, am_button);
  gtk_widget_class_bind_template_child (widget_class, AftercareDateTimeRow, pm_button);
  gtk_widget_class_bind_template_child (widget_class, AftercareDateTimeRow, popover_error_label);
  gtk_widget_class_bind_template_callback (widget_class, calendar_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, period_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, popover_closed_cb);
  gtk_widget_class_bind_template_callback (widget_class, time_text_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, two_digits_output_cb);
}

/* The words for the two halves of the day are the locale's ("AM", "PM"). */
static void
label_periods (AftercareDateTimeRow *self)
{
  g_autoptr(GDateTime) morning = g_date_time_new_utc (2000, 1, 1, 9, 0, 0);
  g_autoptr(GDateTime) evening = g_date_time_new_utc (2000, 1, 1, 21, 0, 0);
  g_autofree char *am = aftercare_time_format_with (morning, "%p");
  g_autofree char *pm = aftercare_time_format_with (evening, "%p");

  /* Translators: the first half of the day on a 12-hour clock, for
   * locales that have no word of their own. */
  gtk_button_set_label (GTK_BUTTON (self->am_button), am[0] != '\0' ? am : C_("period of the day", "AM"));
  /* Translators: the second half of the day on a 12-hour clock. */
  gtk_button_set_label (GTK_BUTTON (self->pm_button), pm[0] != '\0' ? pm : C_("period of the day", "PM"));
}

static void
aftercare_date_time_row_init (AftercareDateTimeRow *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  self->clock_24h = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  label_periods (self);
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
  /* A 12-hour clock picks 1–12 and AM or PM. */
  gtk_widget_set_visible (self->period_box, !clock_24h);
  self->filling = TRUE;
  gtk_spin_button_set_range (self->hour_spin, clock_24h ? 0 : 1, clock_24h ? 23 : 12);
  self->filling = FALSE;
  fill_widgets (self);
  update_button_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLOCK_24H]);
}
