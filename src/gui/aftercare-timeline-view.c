/* aftercare-timeline-view.c: the recovery timeline, drawn: phases, expected soreness, check-ins and now. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-timeline"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "aftercare-checkin.h"
#include "aftercare-labels.h"
#include "aftercare-moments.h"
#include "aftercare-time.h"
#include "aftercare-timeline.h"
#include "aftercare-timeline-geometry.h"
#include "aftercare-timeline-text.h"
#include "aftercare-timeline-view.h"

/* The expected band is sampled every half hour from 0 to 72 hours. */
#define N_SAMPLES 145
#define N_TICKS 7
#define DOT_RADIUS 4.5
#define HIT_RADIUS 12.0
/* Between two phase names on one row. */
#define PHASE_NAME_GAP 6.0

typedef struct {
  double hours;       /* since the session's end, not clamped */
  double soreness;
  char *tooltip;
} TimelinePoint;

typedef struct {
  GdkRGBA fg;
  GdkRGBA accent;
  GdkRGBA accent_bg;
} TimelineColours;

struct _AftercareTimelineView
{
  GtkWidget parent_instance;

  AftercareSession *session;
  AftercareAssessment *assessment; /* words the phases' advice; may be NULL */
  GPtrArray *checkins;            /* moments (aftercare-moments.h), oldest first */
  GDateTime *now;
  gboolean clock_24h;

  /* Prepared when the data changes, so drawing only draws. */
  GArray *points;                 /* TimelinePoint, oldest first */
  double expected_low[N_SAMPLES];
  double expected_high[N_SAMPLES];
  double now_hours;
  /* Your own pattern beside the usual band (aftercare-pattern.h), if shown. */
  gboolean has_pattern;
  AftercarePatternSummary pattern;
  char *tick_times[N_TICKS];
  char *tick_days[N_TICKS];
  char *description;

  /* Laid out in size_allocate. */
  AftercareTimelineMargins margins;
  AftercareTimelinePlot plot;
  double label_step_hours;
  AftercareTimelineNamePlace phase_names[AFTERCARE_N_PHASES];
  int line_height;
};

G_DEFINE_FINAL_TYPE (AftercareTimelineView, aftercare_timeline_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_NOW,
  PROP_CLOCK_24H,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
timeline_point_clear (gpointer data)
{
  TimelinePoint *point = data;

  g_clear_pointer (&point->tooltip, g_free);
}

/* ---- Preparing the data ---------------------------------------------- */

/* "Tue 24 Nov, 22:00" on the reader's clock, never with the year: the
 * timeline spans three days. */
static char *
format_day_and_time (AftercareTimelineView *self,
                     GDateTime             *time)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);

  return aftercare_time_format_day_and_time (local, local, self->clock_24h);
}

static char *
make_point_tooltip (AftercareTimelineView *self,
                    AftercareCheckin      *checkin,
                    double                 hours)
{
  GString *text = g_string_new (NULL);
  guint soreness = aftercare_checkin_get_soreness (checkin);
  g_autofree char *when = format_day_and_time (self, aftercare_checkin_get_at (checkin));
  g_autofree char *after = aftercare_time_format_hours_after (hours);
  g_autofree char *usual = aftercare_timeline_format_usual (aftercare_session_get_massage_type (self->session),
                                                            aftercare_session_get_pressure (self->session),
                                                            hours);
  g_autofree char *symptoms = aftercare_symptoms_to_list (aftercare_checkin_get_symptoms (checkin));
  const char *notes = aftercare_checkin_get_notes (checkin);

  /* Translators: "Soreness 4/10, Above mild" in a check-in's tooltip. */
  g_string_append_printf (text, _("Soreness %u/10, %s"), soreness, aftercare_soreness_get_band (soreness));
  /* Translators: "Tue 24 Nov, 22:00 (12 hours after)". */
  g_string_append_printf (text, _("\n%s (%s)"), when, after);
  /* Translators: the soreness usual at a check-in's time, "Usual at this time: 1 to 3". */
  g_string_append_printf (text, _("\nUsual at this time: %s"), usual);
  if (symptoms != NULL)
    g_string_append_printf (text, "\n%s", symptoms);
  if (notes != NULL && *notes != '\0')
    g_string_append_printf (text, "\n“%s”", notes);
  return g_string_free (text, FALSE);
}

static void
prepare_points (AftercareTimelineView *self)
{
  GDateTime *ended_at;

  g_array_set_size (self->points, 0);
  if (self->session == NULL)
    return;

  ended_at = aftercare_session_get_ended_at (self->session);
  for (guint i = 0; i < self->checkins->len; i++)
    {
      AftercareCheckin *checkin = g_ptr_array_index (self->checkins, i);
      TimelinePoint point;

      point.hours = aftercare_time_hours_between (ended_at, aftercare_checkin_get_at (checkin));
      point.soreness = aftercare_checkin_get_soreness (checkin);
      point.tooltip = make_point_tooltip (self, checkin, point.hours);
      g_array_append_val (self->points, point);
    }
}

static void
prepare_expected (AftercareTimelineView *self)
{
  if (self->session == NULL)
    return;
  for (guint i = 0; i < N_SAMPLES; i++)
    aftercare_timeline_expected_soreness (aftercare_session_get_massage_type (self->session),
                                          aftercare_session_get_pressure (self->session),
                                          i * AFTERCARE_TIMELINE_SPAN_HOURS / (N_SAMPLES - 1),
                                          &self->expected_low[i], &self->expected_high[i]);
}

static void
prepare_ticks (AftercareTimelineView *self)
{
  g_autofree char *previous_day = NULL;

  for (guint i = 0; i < N_TICKS; i++)
    {
      g_clear_pointer (&self->tick_times[i], g_free);
      g_clear_pointer (&self->tick_days[i], g_free);
    }
  if (self->session == NULL)
    return;

  for (guint i = 0; i < N_TICKS; i++)
    {
      GDateTime *ended_at = aftercare_session_get_ended_at (self->session);
      g_autoptr(GDateTime) tick = g_date_time_add_hours (ended_at, (int) (i * AFTERCARE_TIMELINE_TICK_HOURS));
      g_autoptr(GDateTime) local = g_date_time_to_local (tick);

      self->tick_times[i] = aftercare_time_format_time_of_day (local, self->clock_24h);
      self->tick_days[i] = aftercare_time_format_weekday (local);
    }
}

static char *
describe_now (AftercareTimelineView *self)
{
  if (self->now == NULL || self->now_hours < 0.0)
    return NULL;
  return aftercare_timeline_describe_now (self->now_hours);
}

static char *
describe_point (AftercareTimelineView *self,
                TimelinePoint         *point)
{
  return aftercare_timeline_describe_moment (aftercare_session_get_massage_type (self->session),
                                             aftercare_session_get_pressure (self->session),
                                             point->hours, (guint) point->soreness);
}

static char *
describe_session (AftercareTimelineView *self)
{
  AftercareSession *s = self->session;
  g_autofree char *ended = format_day_and_time (self, aftercare_session_get_ended_at (s));

  g_autofree char *title = aftercare_massage_get_title (aftercare_session_get_massage_type (s),
                                                           aftercare_session_get_pressure (s));

  /* Translators: "Recovery over 72 hours after the massage (Deep tissue · deep pressure) that ended Tue 24 Nov, 10:00." */
  return g_strdup_printf (_("Recovery over 72 hours after the massage (%s) that ended %s."), title, ended);
}

/* "Yours, from 6 massages like this: First hours: usually 4/10 (3 to 5); …" */
static char *
describe_pattern (AftercareTimelineView *self)
{
  g_autoptr(GPtrArray) phases = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *joined = NULL;

  for (guint p = 0; p < AFTERCARE_N_PHASES; p++)
    {
      char *line = aftercare_pattern_summary_describe_phase (&self->pattern, p);

      if (line != NULL)
        g_ptr_array_add (phases, line);
    }
  g_ptr_array_add (phases, NULL);
  joined = g_strjoinv ("; ", (char **) phases->pdata);
  /* Translators: the dashed line on the timeline, your own pattern, phase by phase. */
  return g_strdup_printf (_("Dashed, yours from earlier massages like this: %s."), joined);
}

static void
prepare_description (AftercareTimelineView *self)
{
  g_autoptr(GPtrArray) sentences = g_ptr_array_new_with_free_func (g_free);
  char *now;

  g_clear_pointer (&self->description, g_free);
  if (self->session == NULL)
    {
      g_ptr_array_add (sentences, g_strdup (_("No massage chosen.")));
    }
  else
    {
      g_ptr_array_add (sentences, describe_session (self));
      if ((now = describe_now (self)) != NULL)
        g_ptr_array_add (sentences, now);
      if (self->points->len == 0)
        g_ptr_array_add (sentences, g_strdup (_("No check-ins yet.")));
      for (guint i = 0; i < self->points->len; i++)
        g_ptr_array_add (sentences, describe_point (self, &g_array_index (self->points, TimelinePoint, i)));
      if (self->has_pattern)
        g_ptr_array_add (sentences, describe_pattern (self));
    }
  g_ptr_array_add (sentences, NULL);
  self->description = g_strjoinv (" ", (char **) sentences->pdata);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->description,
                                  -1);
}

static void
prepare_now (AftercareTimelineView *self)
{
  if (self->session == NULL || self->now == NULL)
    self->now_hours = -1.0;
  else
    self->now_hours = aftercare_time_hours_between (aftercare_session_get_ended_at (self->session),
                                                    self->now);
}

/* ---- Layout ------------------------------------------------------------ */

static PangoLayout *
create_small_layout (AftercareTimelineView *self,
                     const char            *text,
                     gboolean               bold)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_SMALL));
  if (bold)
    pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  return layout;
}

static void
measure_text (AftercareTimelineView *self,
              const char            *text,
              int                   *width,
              int                   *height)
{
  g_autoptr(PangoLayout) layout = create_small_layout (self, text, FALSE);

  pango_layout_get_pixel_size (layout, width, height);
}

static double
widest_tick_label (AftercareTimelineView *self)
{
  int widest = 0;

  for (guint i = 0; i < N_TICKS; i++)
    {
      int w = 0, h;

      if (self->tick_times[i] != NULL)
        measure_text (self, self->tick_times[i], &w, &h);
      widest = MAX (widest, w);
    }
  return widest;
}

/* Every band named, on one row or two, shortened where they are narrow. */
static void
place_phase_names (AftercareTimelineView *self,
                   int                    width)
{
  AftercareTimelineBandName names[AFTERCARE_N_PHASES];

  for (AftercarePhase phase = 0; phase < AFTERCARE_N_PHASES; phase++)
    {
      const char *texts[2] = { aftercare_phase_get_title (phase), aftercare_phase_get_short_title (phase) };

      names[phase].band_start = aftercare_timeline_hour_to_x (&self->plot, aftercare_phase_get_start_hours (phase));
      names[phase].band_end = aftercare_timeline_hour_to_x (&self->plot, aftercare_phase_get_end_hours (phase));
      for (guint i = 0; i < 2; i++)
        {
          /* Measured bold, as the current phase is drawn, so none grows. */
          g_autoptr(PangoLayout) layout = create_small_layout (self, texts[i], TRUE);
          int w, h;

          pango_layout_get_pixel_size (layout, &w, &h);
          names[phase].widths[i] = w;
        }
    }
  aftercare_timeline_place_band_names (names, AFTERCARE_N_PHASES, 0, width, PHASE_NAME_GAP, self->phase_names);
}

static void
aftercare_timeline_view_size_allocate (GtkWidget *widget,
                                       int        width,
                                       int        height,
                                       int        baseline)
{
  AftercareTimelineView *self = AFTERCARE_TIMELINE_VIEW (widget);
  int digits_w, line_h;
  double tick_w = widest_tick_label (self);

  measure_text (self, "10", &digits_w, &line_h);
  self->margins.left = digits_w + 8;
  self->margins.top = 2 * line_h + 6;
  self->margins.bottom = 2 * line_h + 10;
  self->margins.right = MAX (8.0, tick_w / 2 + 2);
  self->line_height = line_h;
  aftercare_timeline_plot_init (&self->plot, width, height, &self->margins);
  self->label_step_hours = aftercare_timeline_label_step_hours (self->plot.width, tick_w, 8);
  place_phase_names (self, width);
}

static void
aftercare_timeline_view_measure (GtkWidget      *widget,
                                 GtkOrientation  orientation,
                                 int             for_size,
                                 int            *minimum,
                                 int            *natural,
                                 int            *minimum_baseline,
                                 int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 240;
      *natural = 640;
    }
  else
    {
      *minimum = 180;
      *natural = 220;
    }
}

/* ---- Drawing ----------------------------------------------------------- */

static void
get_colours (AftercareTimelineView *self,
             TimelineColours       *colours)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));

  gtk_style_context_get_color (context, &colours->fg);
  if (!gtk_style_context_lookup_color (context, "accent_color", &colours->accent))
    colours->accent = colours->fg;
  if (!gtk_style_context_lookup_color (context, "accent_bg_color", &colours->accent_bg))
    colours->accent_bg = colours->accent;
}

static void
set_source (cairo_t       *cr,
            const GdkRGBA *colour,
            double         alpha)
{
  cairo_set_source_rgba (cr, colour->red, colour->green, colour->blue, colour->alpha * alpha);
}

static double
align (AftercareTimelineView *self,
       double                 v)
{
  return aftercare_timeline_align (v, gtk_widget_get_scale_factor (GTK_WIDGET (self)));
}

static void
vertical_line (AftercareTimelineView *self,
               cairo_t               *cr,
               double                 x)
{
  x = align (self, x);
  cairo_move_to (cr, x, self->plot.y);
  cairo_line_to (cr, x, self->plot.y + self->plot.height);
  cairo_stroke (cr);
}

static void
horizontal_line (AftercareTimelineView *self,
                 cairo_t               *cr,
                 double                 soreness)
{
  double y = align (self, aftercare_timeline_soreness_to_y (&self->plot, soreness));

  cairo_move_to (cr, self->plot.x, y);
  cairo_line_to (cr, self->plot.x + self->plot.width, y);
  cairo_stroke (cr);
}

/* Where check-in index sits in the layout (left to right). */
static void
point_position (AftercareTimelineView *self,
                guint                  index,
                double                *x,
                double                *y)
{
  TimelinePoint *point = &g_array_index (self->points, TimelinePoint, index);

  if (x != NULL)
    *x = aftercare_timeline_hour_to_x (&self->plot, point->hours);
  if (y != NULL)
    *y = aftercare_timeline_soreness_to_y (&self->plot, point->soreness);
}

/* Right to left, the timeline is drawn mirrored, as time runs in those
 * languages: from the massage at the right edge towards the left, the
 * soreness scale on the right. It is laid out left to right; the drawing
 * is flipped as a whole, and each text flipped back where it stands, so it
 * reads the right way round. */
static gboolean
is_mirrored (AftercareTimelineView *self)
{
  return gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
}

/* x of the layout in the widget, and back: the same mirror both ways. */
static double
widget_x (AftercareTimelineView *self,
          double                 x)
{
  return is_mirrored (self) ? gtk_widget_get_width (GTK_WIDGET (self)) - x : x;
}

/* Where the span from x0 to x1 of the layout starts in the widget. */
static double
widget_span_start (AftercareTimelineView *self,
                   double                 x0,
                   double                 x1)
{
  return MIN (widget_x (self, x0), widget_x (self, x1));
}

static void
show_layout (cairo_t     *cr,
             PangoLayout *layout,
             double       x,
             double       y)
{
  cairo_matrix_t matrix;
  int w;

  cairo_get_matrix (cr, &matrix);
  if (matrix.xx >= 0)
    {
      cairo_move_to (cr, x, y);
      pango_cairo_show_layout (cr, layout);
      return;
    }
  /* In a mirrored drawing, mirror the text once more within its own box. */
  pango_layout_get_pixel_size (layout, &w, NULL);
  cairo_save (cr);
  cairo_translate (cr, 2 * x + w, 0);
  cairo_scale (cr, -1, 1);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

static void
draw_phase_bands (AftercareTimelineView *self,
                  cairo_t               *cr,
                  const TimelineColours *colours)
{
  for (AftercarePhase phase = 0; phase < AFTERCARE_N_PHASES; phase++)
    {
      double x0 = aftercare_timeline_hour_to_x (&self->plot, aftercare_phase_get_start_hours (phase));
      double x1 = aftercare_timeline_hour_to_x (&self->plot, aftercare_phase_get_end_hours (phase));

      if (phase % 2 == 1)
        {
          set_source (cr, &colours->fg, 0.05);
          cairo_rectangle (cr, x0, self->plot.y, x1 - x0, self->plot.height);
          cairo_fill (cr);
        }
      if (phase > 0)
        {
          set_source (cr, &colours->fg, 0.12);
          cairo_set_line_width (cr, 1.0);
          vertical_line (self, cr, x0);
        }
    }
}

static const char *
phase_name (AftercareTimelineView *self,
            AftercarePhase         phase)
{
  return self->phase_names[phase].short_name ? aftercare_phase_get_short_title (phase)
                                             : aftercare_phase_get_title (phase);
}

/* The top of a phase name's row: row 0 sits just above the plot. */
static double
phase_name_y (AftercareTimelineView *self,
              AftercarePhase         phase)
{
  return self->plot.y - 3 - (self->phase_names[phase].row + 1) * self->line_height;
}

static void
draw_phase_names (AftercareTimelineView *self,
                  cairo_t               *cr,
                  const TimelineColours *colours)
{
  AftercarePhase current = aftercare_timeline_phase_at (self->now_hours);
  gboolean now_on_axis = self->now_hours >= 0.0 && self->now_hours < AFTERCARE_TIMELINE_SPAN_HOURS;

  for (AftercarePhase phase = 0; phase < AFTERCARE_N_PHASES; phase++)
    {
      gboolean is_current = now_on_axis && phase == current;
      g_autoptr(PangoLayout) layout = create_small_layout (self, phase_name (self, phase), is_current);

      set_source (cr, &colours->fg, is_current ? 1.0 : 0.6);
      show_layout (cr, layout, self->phase_names[phase].x, phase_name_y (self, phase));
    }
}

static void
draw_soreness_label (AftercareTimelineView *self,
                     cairo_t               *cr,
                     const TimelineColours *colours,
                     int                    soreness)
{
  g_autofree char *text = g_strdup_printf ("%d", soreness);
  g_autoptr(PangoLayout) layout = create_small_layout (self, text, FALSE);
  double y = aftercare_timeline_soreness_to_y (&self->plot, soreness);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  set_source (cr, &colours->fg, 0.6);
  show_layout (cr, layout, self->plot.x - 4 - w, y - h / 2.0);
}

static void
draw_soreness_grid (AftercareTimelineView *self,
                    cairo_t               *cr,
                    const TimelineColours *colours)
{
  static const double dash[] = { 4.0, 3.0 };
  static const int labelled[] = { 0, 2, 5, 10 };
  g_autoptr(PangoLayout) mild = NULL;
  int w, h;

  cairo_set_line_width (cr, 1.0);
  set_source (cr, &colours->fg, 0.12);
  horizontal_line (self, cr, 5);
  horizontal_line (self, cr, 10);
  set_source (cr, &colours->fg, 0.35);
  horizontal_line (self, cr, 0);

  /* Mild soreness ends at 2: above the dashed line is more than mild. */
  cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
  set_source (cr, &colours->fg, 0.45);
  horizontal_line (self, cr, 2);
  cairo_set_dash (cr, NULL, 0, 0);
  /* Translators: beside the line at soreness 2 on the timeline. */
  mild = create_small_layout (self, _("Mild"), FALSE);
  pango_layout_get_pixel_size (mild, &w, &h);
  set_source (cr, &colours->fg, 0.6);
  show_layout (cr, mild, self->plot.x + self->plot.width - w - 4,
               aftercare_timeline_soreness_to_y (&self->plot, 2) - h - 1);

  for (guint i = 0; i < G_N_ELEMENTS (labelled); i++)
    draw_soreness_label (self, cr, colours, labelled[i]);
}

static void
draw_expected_band (AftercareTimelineView *self,
                    cairo_t               *cr,
                    const TimelineColours *colours)
{
  cairo_new_path (cr);
  for (guint i = 0; i < N_SAMPLES; i++)
    {
      double hours = i * AFTERCARE_TIMELINE_SPAN_HOURS / (N_SAMPLES - 1);

      cairo_line_to (cr, aftercare_timeline_hour_to_x (&self->plot, hours),
                     aftercare_timeline_soreness_to_y (&self->plot, self->expected_high[i]));
    }
  for (guint i = N_SAMPLES; i-- > 0; )
    {
      double hours = i * AFTERCARE_TIMELINE_SPAN_HOURS / (N_SAMPLES - 1);

      cairo_line_to (cr, aftercare_timeline_hour_to_x (&self->plot, hours),
                     aftercare_timeline_soreness_to_y (&self->plot, self->expected_low[i]));
    }
  cairo_close_path (cr);
  set_source (cr, &colours->accent_bg, 0.28);
  cairo_fill (cr);
}

/* Your own pattern: per phase, a dashed box from your lowest to your
 * highest soreness there and a line at your usual, labelled "Yours". */
static void
draw_pattern (AftercareTimelineView *self,
              cairo_t               *cr,
              const TimelineColours *colours)
{
  static const double dashes[] = { 4, 3 };
  gboolean labelled = FALSE;

  if (!self->has_pattern)
    return;
  cairo_new_path (cr);
  cairo_set_line_width (cr, 1.5);
  for (guint p = 0; p < AFTERCARE_N_PHASES; p++)
    {
      double start = aftercare_phase_get_start_hours (p);
      double end = MIN (aftercare_phase_get_end_hours (p), AFTERCARE_TIMELINE_SPAN_HOURS);
      double median, low, high, x0, x1;

      if (!aftercare_pattern_summary_at_hours (&self->pattern, start, &median, &low, &high))
        continue;
      x0 = aftercare_timeline_hour_to_x (&self->plot, start) + 1;
      x1 = aftercare_timeline_hour_to_x (&self->plot, end) - 1;
      cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
      set_source (cr, &colours->fg, 0.45);
      cairo_rectangle (cr, x0, aftercare_timeline_soreness_to_y (&self->plot, high),
                       x1 - x0, aftercare_timeline_soreness_to_y (&self->plot, low) -
                                aftercare_timeline_soreness_to_y (&self->plot, high));
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      set_source (cr, &colours->fg, 0.8);
      cairo_move_to (cr, x0, aftercare_timeline_soreness_to_y (&self->plot, median));
      cairo_line_to (cr, x1, aftercare_timeline_soreness_to_y (&self->plot, median));
      cairo_stroke (cr);
      if (!labelled)
        {
          /* Translators: labels your own pattern on the timeline, beside the usual band. */
          g_autoptr(PangoLayout) layout = create_small_layout (self, C_("timeline", "Yours"), TRUE);
          int w, h;

          pango_layout_get_pixel_size (layout, &w, &h);
          show_layout (cr, layout, x0 + 2, aftercare_timeline_soreness_to_y (&self->plot, high) - h - 1);
          labelled = TRUE;
        }
    }
}

static void
draw_tick_label (AftercareTimelineView *self,
                 cairo_t               *cr,
                 const TimelineColours *colours,
                 guint                  tick,
                 gboolean               with_day)
{
  g_autoptr(PangoLayout) time_layout = create_small_layout (self, self->tick_times[tick], FALSE);
  double x = aftercare_timeline_hour_to_x (&self->plot, tick * AFTERCARE_TIMELINE_TICK_HOURS);
  double y = self->plot.y + self->plot.height + 6;
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  int w, h;

  pango_layout_get_pixel_size (time_layout, &w, &h);
  set_source (cr, &colours->fg, 0.8);
  show_layout (cr, time_layout, CLAMP (x - w / 2.0, 0, width - w), y);
  if (with_day)
    {
      g_autoptr(PangoLayout) day_layout = create_small_layout (self, self->tick_days[tick], FALSE);

      pango_layout_get_pixel_size (day_layout, &w, NULL);
      set_source (cr, &colours->fg, 0.55);
      show_layout (cr, day_layout, CLAMP (x - w / 2.0, 0, width - w), y + h);
    }
}

static void
draw_time_axis (AftercareTimelineView *self,
                cairo_t               *cr,
                const TimelineColours *colours)
{
  const char *last_day = NULL;
  double bottom = self->plot.y + self->plot.height;

  cairo_set_line_width (cr, 1.0);
  for (guint i = 0; i < N_TICKS; i++)
    {
      double hours = i * AFTERCARE_TIMELINE_TICK_HOURS;
      double x = align (self, aftercare_timeline_hour_to_x (&self->plot, hours));
      gboolean labelled = fmod (hours, self->label_step_hours) == 0.0 || i == N_TICKS - 1;

      set_source (cr, &colours->fg, 0.35);
      cairo_move_to (cr, x, bottom);
      cairo_line_to (cr, x, bottom + 4);
      cairo_stroke (cr);
      if (!labelled || self->tick_times[i] == NULL)
        continue;
      /* The day is named where it changes, so the axis reads as clock times. */
      draw_tick_label (self, cr, colours, i, g_strcmp0 (last_day, self->tick_days[i]) != 0);
      last_day = self->tick_days[i];
    }
}

static void
draw_checkins (AftercareTimelineView *self,
               cairo_t               *cr,
               const TimelineColours *colours)
{
  if (self->points->len == 0)
    return;

  /* Text leaves a current point behind: start the line afresh. */
  cairo_new_path (cr);
  cairo_set_line_width (cr, 2.0);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  set_source (cr, &colours->accent, 1.0);
  for (guint i = 0; i < self->points->len; i++)
    {
      double x, y;

      point_position (self, i, &x, &y);
      cairo_line_to (cr, x, y);
    }
  cairo_stroke (cr);

  for (guint i = 0; i < self->points->len; i++)
    {
      TimelinePoint *point = &g_array_index (self->points, TimelinePoint, i);
      gboolean clamped;
      double x, y;

      aftercare_timeline_clamp_hours (point->hours, &clamped);
      point_position (self, i, &x, &y);
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, DOT_RADIUS, 0, 2 * G_PI);
      /* A check-in after the axis ends is drawn hollow at the edge. */
      if (clamped)
        cairo_stroke (cr);
      else
        cairo_fill (cr);
    }
}

static void
draw_now_arrow (AftercareTimelineView *self,
                cairo_t               *cr,
                double                 x)
{
  double y = self->plot.y + self->plot.height / 2;

  cairo_move_to (cr, x + 1, y - 6);
  cairo_line_to (cr, x + 7, y);
  cairo_line_to (cr, x + 1, y + 6);
  cairo_close_path (cr);
  cairo_fill (cr);
}

static void
draw_now (AftercareTimelineView *self,
          cairo_t               *cr,
          const TimelineColours *colours)
{
  g_autoptr(PangoLayout) layout = NULL;
  gboolean clamped;
  double x;
  int w, h;

  if (self->now_hours < 0.0)
    return;

  aftercare_timeline_clamp_hours (self->now_hours, &clamped);
  x = align (self, aftercare_timeline_hour_to_x (&self->plot, self->now_hours));
  set_source (cr, &colours->fg, 0.85);
  cairo_set_line_width (cr, 1.0);
  vertical_line (self, cr, x);
  if (clamped)
    draw_now_arrow (self, cr, x);

  /* Translators: the label of the line that marks the present on the timeline. */
  layout = create_small_layout (self, C_("timeline", "Now"), TRUE);
  pango_layout_get_pixel_size (layout, &w, &h);
  if (x + 4 + w <= self->plot.x + self->plot.width && !clamped)
    show_layout (cr, layout, x + 4, self->plot.y + 2);
  else
    show_layout (cr, layout, x - 4 - w, self->plot.y + 2);
}

static void
aftercare_timeline_view_snapshot (GtkWidget   *widget,
                                  GtkSnapshot *snapshot)
{
  AftercareTimelineView *self = AFTERCARE_TIMELINE_VIEW (widget);
  TimelineColours colours;
  cairo_t *cr;

  if (self->session == NULL || self->plot.width <= 0 || self->plot.height <= 0)
    return;

  get_colours (self, &colours);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0,
                                                                 gtk_widget_get_width (widget),
                                                                 gtk_widget_get_height (widget)));
  if (is_mirrored (self))
    {
      cairo_translate (cr, gtk_widget_get_width (widget), 0);
      cairo_scale (cr, -1, 1);
    }
  draw_phase_bands (self, cr, &colours);
  draw_expected_band (self, cr, &colours);
  draw_pattern (self, cr, &colours);
  draw_soreness_grid (self, cr, &colours);
  draw_time_axis (self, cr, &colours);
  draw_phase_names (self, cr, &colours);
  draw_checkins (self, cr, &colours);
  draw_now (self, cr, &colours);
  cairo_destroy (cr);
}

/* ---- Tooltips ---------------------------------------------------------- */

static gboolean
query_point_tooltip (AftercareTimelineView *self,
                     int                    x,
                     int                    y,
                     GtkTooltip            *tooltip)
{
  guint n = self->points->len;
  g_autofree double *xs = g_new (double, MAX (n, 1));
  g_autofree double *ys = g_new (double, MAX (n, 1));
  int hit;

  for (guint i = 0; i < n; i++)
    point_position (self, i, &xs[i], &ys[i]);
  hit = aftercare_timeline_hit_test (xs, ys, n, x, y, HIT_RADIUS);
  if (hit < 0)
    return FALSE;

  gtk_tooltip_set_text (tooltip, g_array_index (self->points, TimelinePoint, hit).tooltip);
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { widget_x (self, xs[hit]) - HIT_RADIUS, ys[hit] - HIT_RADIUS,
                                                       2 * HIT_RADIUS, 2 * HIT_RADIUS });
  return TRUE;
}

static gboolean
query_phase_tooltip (AftercareTimelineView *self,
                     int                    x,
                     int                    y,
                     GtkTooltip            *tooltip)
{
  AftercarePhase phase;
  double x0, x1;
  g_autofree char *text = NULL;

  if (x < self->plot.x || x > self->plot.x + self->plot.width || y > self->plot.y + self->plot.height)
    return FALSE;

  phase = aftercare_timeline_phase_at (aftercare_timeline_x_to_hour (&self->plot, x));
  x0 = aftercare_timeline_hour_to_x (&self->plot, aftercare_phase_get_start_hours (phase));
  x1 = aftercare_timeline_hour_to_x (&self->plot, aftercare_phase_get_end_hours (phase));
  text = aftercare_timeline_view_get_phase_tooltip (self, phase);
  gtk_tooltip_set_text (tooltip, text);
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { widget_span_start (self, x0, x1), 0, x1 - x0, self->plot.y + self->plot.height });
  return TRUE;
}

static gboolean
aftercare_timeline_view_query_tooltip (GtkWidget  *widget,
                                       int         x,
                                       int         y,
                                       gboolean    keyboard_tooltip,
                                       GtkTooltip *tooltip)
{
  AftercareTimelineView *self = AFTERCARE_TIMELINE_VIEW (widget);

  if (self->session == NULL || keyboard_tooltip)
    return FALSE;
  x = widget_x (self, x);
  return query_point_tooltip (self, x, y, tooltip) || query_phase_tooltip (self, x, y, tooltip);
}

/* ---- GObject ----------------------------------------------------------- */

static void
aftercare_timeline_view_css_changed (GtkWidget         *widget,
                                     GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (aftercare_timeline_view_parent_class)->css_changed (widget, change);
  /* Colours are read while drawing: a new style (dark, high contrast) needs
   * a new picture, and a new font new margins. */
  gtk_widget_queue_resize (widget);
}

static void
aftercare_timeline_view_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  AftercareTimelineView *self = AFTERCARE_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_NOW:
      g_value_set_boxed (value, self->now);
      break;
    case PROP_CLOCK_24H:
      g_value_set_boolean (value, self->clock_24h);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aftercare_timeline_view_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  AftercareTimelineView *self = AFTERCARE_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      aftercare_timeline_view_set_session (self, g_value_get_object (value));
      break;
    case PROP_NOW:
      aftercare_timeline_view_set_now (self, g_value_get_boxed (value));
      break;
    case PROP_CLOCK_24H:
      aftercare_timeline_view_set_clock_24h (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aftercare_timeline_view_dispose (GObject *object)
{
  AftercareTimelineView *self = AFTERCARE_TIMELINE_VIEW (object);

  g_clear_object (&self->session);
  g_clear_object (&self->assessment);
  /* Emptied, not freed: the array stays valid until finalize. */
  g_ptr_array_set_size (self->checkins, 0);
  G_OBJECT_CLASS (aftercare_timeline_view_parent_class)->dispose (object);
}

static void
aftercare_timeline_view_finalize (GObject *object)
{
  AftercareTimelineView *self = AFTERCARE_TIMELINE_VIEW (object);

  g_clear_pointer (&self->now, g_date_time_unref);
  g_clear_pointer (&self->points, g_array_unref);
  g_clear_pointer (&self->checkins, g_ptr_array_unref);
  for (guint i = 0; i < N_TICKS; i++)
    {
      g_free (self->tick_times[i]);
      g_free (self->tick_days[i]);
    }
  g_free (self->description);
  G_OBJECT_CLASS (aftercare_timeline_view_parent_class)->finalize (object);
}

static void
aftercare_timeline_view_class_init (AftercareTimelineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = aftercare_timeline_view_get_property;
  object_class->set_property = aftercare_timeline_view_set_property;
  object_class->dispose = aftercare_timeline_view_dispose;
  object_class->finalize = aftercare_timeline_view_finalize;
  widget_class->measure = aftercare_timeline_view_measure;
  widget_class->size_allocate = aftercare_timeline_view_size_allocate;
  widget_class->snapshot = aftercare_timeline_view_snapshot;
  widget_class->query_tooltip = aftercare_timeline_view_query_tooltip;
  widget_class->css_changed = aftercare_timeline_view_css_changed;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, AFTERCARE_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOW] =
    g_param_spec_boxed ("now", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLOCK_24H] =
    g_param_spec_boolean ("clock-24h", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "timeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
aftercare_timeline_view_init (AftercareTimelineView *self)
{
  self->clock_24h = TRUE;
  self->now_hours = -1.0;
  self->label_step_hours = AFTERCARE_TIMELINE_TICK_HOURS;
  self->checkins = g_ptr_array_new_with_free_func (g_object_unref);
  self->points = g_array_new (FALSE, FALSE, sizeof (TimelinePoint));
  g_array_set_clear_func (self->points, timeline_point_clear);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Recovery timeline"),
                                  -1);
  prepare_description (self);
}

GtkWidget *
aftercare_timeline_view_new (void)
{
  return g_object_new (AFTERCARE_TYPE_TIMELINE_VIEW, NULL);
}

AftercareSession *
aftercare_timeline_view_get_session (AftercareTimelineView *self)
{
  g_return_val_if_fail (AFTERCARE_IS_TIMELINE_VIEW (self), NULL);
  return self->session;
}

void
aftercare_timeline_view_set_session (AftercareTimelineView *self,
                                     AftercareSession      *session)
{
  g_return_if_fail (AFTERCARE_IS_TIMELINE_VIEW (self));
  g_return_if_fail (session == NULL || AFTERCARE_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;
  /* Check-ins belong to a session: a new session starts with none. */
  g_ptr_array_set_size (self->checkins, 0);
  g_array_set_size (self->points, 0);
  self->has_pattern = FALSE;
  prepare_expected (self);
  prepare_ticks (self);
  prepare_now (self);
  prepare_description (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

void
aftercare_timeline_view_set_pattern (AftercareTimelineView         *self,
                                     const AftercarePatternSummary *pattern)
{
  g_return_if_fail (AFTERCARE_IS_TIMELINE_VIEW (self));

  self->has_pattern = pattern != NULL && aftercare_pattern_summary_get_needed (pattern) == 0;
  if (self->has_pattern)
    self->pattern = *pattern;
  prepare_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
aftercare_timeline_view_get_has_pattern (AftercareTimelineView *self)
{
  g_return_val_if_fail (AFTERCARE_IS_TIMELINE_VIEW (self), FALSE);
  return self->has_pattern;
}

void
aftercare_timeline_view_set_checkins (AftercareTimelineView *self,
                                      GPtrArray             *checkins)
{
  g_return_if_fail (AFTERCARE_IS_TIMELINE_VIEW (self));

  g_ptr_array_unref (self->checkins);
  /* One point per moment: check-ins at one instant are its worst reading. */
  self->checkins = aftercare_checkins_to_moments (checkins);
  prepare_points (self);
  prepare_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
aftercare_timeline_view_set_assessment (AftercareTimelineView *self,
                                        AftercareAssessment   *assessment)
{
  g_return_if_fail (AFTERCARE_IS_TIMELINE_VIEW (self));
  g_return_if_fail (assessment == NULL || AFTERCARE_IS_ASSESSMENT (assessment));

  g_set_object (&self->assessment, assessment);
}

char *
aftercare_timeline_view_get_phase_tooltip (AftercareTimelineView *self,
                                           AftercarePhase         phase)
{
  g_return_val_if_fail (AFTERCARE_IS_TIMELINE_VIEW (self), NULL);
  return aftercare_timeline_describe_phase (self->assessment, phase, NULL);
}

GDateTime *
aftercare_timeline_view_get_now (AftercareTimelineView *self)
{
  g_return_val_if_fail (AFTERCARE_IS_TIMELINE_VIEW (self), NULL);
  return self->now;
}

void
aftercare_timeline_view_set_now (AftercareTimelineView *self,
                                 GDateTime             *now)
{
  g_return_if_fail (AFTERCARE_IS_TIMELINE_VIEW (self));

  if (self->now == now || (self->now != NULL && now != NULL && g_date_time_equal (self->now, now)))
    return;
  g_clear_pointer (&self->now, g_date_time_unref);
  self->now = now != NULL ? g_date_time_ref (now) : NULL;
  prepare_now (self);
  prepare_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOW]);
}

gboolean
aftercare_timeline_view_get_clock_24h (AftercareTimelineView *self)
{
  g_return_val_if_fail (AFTERCARE_IS_TIMELINE_VIEW (self), TRUE);
  return self->clock_24h;
}

void
aftercare_timeline_view_set_clock_24h (AftercareTimelineView *self,
                                       gboolean               clock_24h)
{
  g_return_if_fail (AFTERCARE_IS_TIMELINE_VIEW (self));

  clock_24h = !!clock_24h;
  if (self->clock_24h == clock_24h)
    return;
  self->clock_24h = clock_24h;
  prepare_ticks (self);
  prepare_points (self);
  prepare_description (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLOCK_24H]);
}

guint
aftercare_timeline_view_get_n_points (AftercareTimelineView *self)
{
  g_return_val_if_fail (AFTERCARE_IS_TIMELINE_VIEW (self), 0);
  return self->points->len;
}

gboolean
aftercare_timeline_view_get_point (AftercareTimelineView *self,
                                   guint                  index,
                                   double                *x,
                                   double                *y)
{
  double layout_x;

  g_return_val_if_fail (AFTERCARE_IS_TIMELINE_VIEW (self), FALSE);

  if (index >= self->points->len)
    return FALSE;
  point_position (self, index, &layout_x, y);
  if (x != NULL)
    *x = widget_x (self, layout_x);
  return TRUE;
}

const char *
aftercare_timeline_view_get_point_tooltip (AftercareTimelineView *self,
                                           guint                  index)
{
  g_return_val_if_fail (AFTERCARE_IS_TIMELINE_VIEW (self), NULL);

  if (index >= self->points->len)
    return NULL;
  return g_array_index (self->points, TimelinePoint, index).tooltip;
}

const char *
aftercare_timeline_view_get_description (AftercareTimelineView *self)
{
  g_return_val_if_fail (AFTERCARE_IS_TIMELINE_VIEW (self), NULL);
  return self->description;
}

void
aftercare_timeline_view_get_plot (AftercareTimelineView *self,
                                  AftercareTimelinePlot *plot)
{
  g_return_if_fail (AFTERCARE_IS_TIMELINE_VIEW (self));
  g_return_if_fail (plot != NULL);

  *plot = self->plot;
  plot->x = widget_span_start (self, self->plot.x, self->plot.x + self->plot.width);
}

gboolean
aftercare_timeline_view_get_phase_name (AftercareTimelineView *self,
                                        AftercarePhase         phase,
                                        const char           **name,
                                        graphene_rect_t       *bounds)
{
  g_autoptr(PangoLayout) layout = NULL;
  int w, h;

  g_return_val_if_fail (AFTERCARE_IS_TIMELINE_VIEW (self), FALSE);
  if ((guint) phase >= AFTERCARE_N_PHASES)
    return FALSE;
  layout = create_small_layout (self, phase_name (self, phase), TRUE);
  pango_layout_get_pixel_size (layout, &w, &h);
  if (name != NULL)
    *name = phase_name (self, phase);
  if (bounds != NULL)
    graphene_rect_init (bounds, widget_span_start (self, self->phase_names[phase].x, self->phase_names[phase].x + w),
                        phase_name_y (self, phase), w, h);
  return TRUE;
}
