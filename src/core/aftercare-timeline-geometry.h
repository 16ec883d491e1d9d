/* aftercare-timeline-geometry.h: where hours and soreness land on the recovery timeline; plain arithmetic, no GTK. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The timeline runs from the session's end to 72 hours after it. */
#define AFTERCARE_TIMELINE_SPAN_HOURS 72.0
/* Ticks on the time axis, in hours. */
#define AFTERCARE_TIMELINE_TICK_HOURS 12.0
/* The soreness axis runs from 0 to this. */
#define AFTERCARE_TIMELINE_SORENESS_MAX 10.0

/* The plotting area inside the widget, in widget coordinates: hour 0 is at
 * x, hour 72 at x + width; soreness 0 at the bottom (y + height), soreness
 * 10 at the top (y). */
typedef struct {
  double x;
  double y;
  double width;
  double height;
} AftercareTimelinePlot;

/* The room around the plot for labels: left for the soreness labels, top for
 * the phase names, bottom for the clock times, right for the last tick's label. */
typedef struct {
  double left;
  double top;
  double right;
  double bottom;
} AftercareTimelineMargins;

/* Lays the plot out in a widget of width × height; a widget smaller than its
 * margins gets an empty plot (width or height 0), never a negative one. */
void     aftercare_timeline_plot_init        (AftercareTimelinePlot          *plot,
                                              double                          width,
                                              double                          height,
                                              const AftercareTimelineMargins *margins);

/* Clamps hours into [0, 72]; TRUE in *clamped when it had to. */
double   aftercare_timeline_clamp_hours      (double    hours,
                                              gboolean *clamped);
double   aftercare_timeline_hour_to_x        (const AftercareTimelinePlot *plot,
                                              double                       hours);
double   aftercare_timeline_x_to_hour        (const AftercareTimelinePlot *plot,
                                              double                       x);
double   aftercare_timeline_soreness_to_y    (const AftercareTimelinePlot *plot,
                                              double                       soreness);

/* The middle of the device pixel a one-pixel line at v should be drawn
 * through, so it is sharp rather than smeared over two pixels. */
double   aftercare_timeline_align            (double v,
                                              double scale);

/* The index of the point nearest to (x, y) within radius, or -1. xs and ys
 * hold n_points coordinates each. */
int      aftercare_timeline_hit_test         (const double *xs,
                                              const double *ys,
                                              guint         n_points,
                                              double        x,
                                              double        y,
                                              double        radius);

/* How many hours apart tick labels must be so labels label_width wide, with
 * gap between them, do not collide on a plot of plot_width: 12, 24, 36 or 72. */
double   aftercare_timeline_label_step_hours (double plot_width,
                                              double label_width,
                                              double gap);

/* A recovery phase's band and the widths of its name written out ([0],
 * "First run window") and short ([1], "Run"), in widget coordinates. */
typedef struct {
  double band_start;
  double band_end;
  double widths[2];
} AftercareTimelineBandName;

/* Where a band's name goes: which of its two names, on which row above the
 * plot (0 next to it, 1 above that), from which x. */
typedef struct {
  guint short_name;
  guint row;
  double x;
} AftercareTimelineNamePlace;

/* Places the n bands' names on one line above the plot, or on two with the
 * bands taking turns, so that every band is named, each name's middle is
 * over its band, none overlaps another (gap apart) and all lie within [min_x, max_x].
 * Full names win over short ones, and one row over two. Returns the rows
 * used (1 or 2), or 0 when even short names on two rows do not fit (the
 * places then hold the short names on two rows, as near as they come). */
guint    aftercare_timeline_place_band_names (const AftercareTimelineBandName *names,
                                              guint                            n,
                                              double                           min_x,
                                              double                           max_x,
                                              double                           gap,
                                              AftercareTimelineNamePlace      *places);

G_END_DECLS
