/* aftercare-sheet.c: the printed aftercare sheet, laid out with cairo and Pango alone (no GTK), for paper and PDF alike. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-sheet"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "aftercare-catalog.h"
#include "aftercare-flow.h"
#include "aftercare-labels.h"
#include "aftercare-page.h"
#include "aftercare-plan.h"
#include "aftercare-printable.h"
#include "aftercare-sheet.h"
#include "aftercare-time.h"
#include "aftercare-timeline.h"
#include "aftercare-util.h"
#include "aftercare-verdict-card.h"

#define MARGIN_SIDE     AFTERCARE_PAGE_MARGIN_SIDE
#define PLAN_WHEN_WIDTH 136.0

/* The page's palette (aftercare-page.h), and the verdict colours of the
 * app (INTERFACE.md), darkened for text on paper. */
#define INK      aftercare_page_ink
#define GREY     aftercare_page_grey
#define HAIRLINE aftercare_page_hairline
#define RULE     aftercare_page_rule

typedef struct {
  double main[3];    /* bar, badge */
  double text[3];    /* headline */
  double tint[3];    /* background */
  const char *markup_colour;
} VerdictColours;

static const VerdictColours VERDICT_COLOURS[] = {
  [AFTERCARE_VERDICT_TRAIN]     = { { 0.149, 0.635, 0.412 }, { 0.094, 0.435, 0.275 }, { 0.918, 0.965, 0.937 }, "#186f46" },
  [AFTERCARE_VERDICT_EASY_RUN]  = { { 0.149, 0.635, 0.412 }, { 0.094, 0.435, 0.275 }, { 0.918, 0.965, 0.937 }, "#186f46" },
  [AFTERCARE_VERDICT_WAIT]      = { { 0.110, 0.443, 0.847 }, { 0.082, 0.329, 0.639 }, { 0.914, 0.945, 0.988 }, "#1554a3" },
  [AFTERCARE_VERDICT_REST]      = { { 0.776, 0.275, 0.000 }, { 0.651, 0.231, 0.000 }, { 0.992, 0.941, 0.910 }, "#a63b00" },
  [AFTERCARE_VERDICT_SEEK_CARE] = { { 0.753, 0.110, 0.157 }, { 0.647, 0.086, 0.129 }, { 0.992, 0.929, 0.933 }, "#a51621" },
};
#define WARNING_COLOUR   (VERDICT_COLOURS[AFTERCARE_VERDICT_SEEK_CARE])

#define FONT_BODY      AFTERCARE_PAGE_FONT_BODY
#define FONT_SMALL     AFTERCARE_PAGE_FONT_SMALL
#define FONT_TITLE     AFTERCARE_PAGE_FONT_TITLE
#define FONT_CLINIC    "Sans Bold 15"
#define FONT_HEADLINE  "Sans Bold 16"

struct _AftercareSheet
{
  GObject parent_instance;

  AftercareSession *session;
  AftercareAssessment *assessment;
  GDateTime *now;
  char *clinic_name;
  char *clinic_contact;
  char *client_name;
  gboolean clock_24h;

  PangoContext *context;
  AftercarePages *pages;     /* laid out for their page width */
};

static void aftercare_sheet_printable_init (AftercarePrintableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AftercareSheet, aftercare_sheet, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (AFTERCARE_TYPE_PRINTABLE, aftercare_sheet_printable_init))

G_DEFINE_QUARK (aftercare-sheet-error-quark, aftercare_sheet_error)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_ASSESSMENT,
  PROP_NOW,
  PROP_CLINIC_NAME,
  PROP_CLINIC_CONTACT,
  PROP_CLIENT_NAME,
  PROP_CLOCK_24H,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Anything that changes the text lays the sheet out again. */
static void
invalidate_layout (AftercareSheet *self)
{
  g_clear_pointer (&self->pages, aftercare_pages_free);
}

/* ---- Text helpers ------------------------------------------------------ */

static PangoLayout *
text_layout (AftercareSheet *self,
             const char     *font,
             double          width,
             const char     *text)
{
  return aftercare_page_text_layout (self->context, font, width, text);
}

static PangoLayout *
markup_layout (AftercareSheet *self,
               const char     *font,
               double          width,
               const char     *markup)
{
  return aftercare_page_markup_layout (self->context, font, width, markup);
}

#define add_layout aftercare_page_add_layout
#define label_markup aftercare_page_label_markup
#define draw_hairline_cb aftercare_page_draw_rule_cb

static char *
format_clock (AftercareSheet *self,
              GDateTime      *time)
{
  return aftercare_time_format_clock (time, self->now, self->clock_24h);
}

/* "Tue 24 Nov 2026, 10:00", for the record, in now's time zone
 * like every clock time on the sheet. */
static char *
format_full_date (AftercareSheet *self,
                  GDateTime      *time)
{
  return aftercare_time_format_day_and_time_with_year (time, self->now, self->clock_24h);
}

/* ---- Drawn shapes ------------------------------------------------------ */

static void
draw_check (cairo_t *cr, double cx, double cy, double r)
{
  cairo_move_to (cr, cx - 0.45 * r, cy + 0.02 * r);
  cairo_line_to (cr, cx - 0.12 * r, cy + 0.34 * r);
  cairo_line_to (cr, cx + 0.46 * r, cy - 0.32 * r);
  cairo_stroke (cr);
}

static void
draw_clock (cairo_t *cr, double cx, double cy, double r)
{
  cairo_arc (cr, cx, cy, 0.55 * r, 0, 2 * G_PI);
  cairo_stroke (cr);
  cairo_move_to (cr, cx, cy - 0.32 * r);
  cairo_line_to (cr, cx, cy);
  cairo_line_to (cr, cx + 0.24 * r, cy + 0.14 * r);
  cairo_stroke (cr);
}

static void
draw_pause (cairo_t *cr, double cx, double cy, double r)
{
  cairo_rectangle (cr, cx - 0.34 * r, cy - 0.42 * r, 0.22 * r, 0.84 * r);
  cairo_rectangle (cr, cx + 0.12 * r, cy - 0.42 * r, 0.22 * r, 0.84 * r);
  cairo_fill (cr);
}

static void
draw_exclamation (cairo_t *cr, double cx, double cy, double r)
{
  cairo_move_to (cr, cx, cy - 0.5 * r);
  cairo_line_to (cr, cx, cy + 0.14 * r);
  cairo_stroke (cr);
  cairo_arc (cr, cx, cy + 0.44 * r, 0.1 * r, 0, 2 * G_PI);
  cairo_fill (cr);
}

/* Each verdict has its own glyph, so colour is never the only signal:
 * a check (train; in a ring for an easy run), a clock (wait), a pause
 * (rest), an exclamation mark (seek care). */
static void
draw_badge_cb (cairo_t *cr,
               double   x,
               double   y,
               double   width,
               double   height,
               gpointer data)
{
  AftercareVerdict verdict = GPOINTER_TO_INT (data);
  const double *rgb = VERDICT_COLOURS[verdict].main;
  double r = width / 2, cx = x + r, cy = y + r;

  cairo_arc (cr, cx, cy, r, 0, 2 * G_PI);
  cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
  cairo_fill (cr);
  if (verdict == AFTERCARE_VERDICT_EASY_RUN)
    {
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_set_line_width (cr, 0.07 * r);
      cairo_arc (cr, cx, cy, 0.8 * r, 0, 2 * G_PI);
      cairo_stroke (cr);
    }
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_set_line_width (cr, 0.16 * r);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  switch (verdict)
    {
    case AFTERCARE_VERDICT_TRAIN: draw_check (cr, cx, cy, r); break;
    case AFTERCARE_VERDICT_EASY_RUN: draw_check (cr, cx, cy, 0.8 * r); break;
    case AFTERCARE_VERDICT_WAIT: draw_clock (cr, cx, cy, r); break;
    case AFTERCARE_VERDICT_REST: draw_pause (cr, cx, cy, r); break;
    case AFTERCARE_VERDICT_SEEK_CARE: draw_exclamation (cr, cx, cy, r); break;
    default: g_assert_not_reached ();
    }
}

static void
draw_warning_triangle_cb (cairo_t *cr,
                          double   x,
                          double   y,
                          double   width,
                          double   height,
                          gpointer data)
{
  const double *rgb = WARNING_COLOUR.main;
  double r = width / 2;

  cairo_move_to (cr, x + r, y);
  cairo_line_to (cr, x + width, y + height);
  cairo_line_to (cr, x, y + height);
  cairo_close_path (cr);
  cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_set_line_width (cr, 0.14 * r);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  draw_exclamation (cr, x + r, y + 0.6 * height, 0.62 * r);
}

/* ---- The sheet's parts, top to bottom --------------------------------- */

static void
add_header (AftercareSheet *self,
            AftercareFlow  *flow)
{
  double width = aftercare_flow_get_content_width (flow);
  AftercareFlowBlock *block = aftercare_flow_add_block (flow, 0, FALSE);
  g_autofree char *when = format_full_date (self, self->now);
  /* Translators: %s is the date and time the sheet was printed. */
  g_autofree char *printed = g_strdup_printf (_("Printed %s"), when);
  g_autofree char *label = label_markup (_("Aftercare sheet"));
  g_autofree char *date = NULL;
  g_autofree char *right = NULL;
  PangoLayout *layout;
  double height, right_height;
  gboolean has_clinic = self->clinic_name != NULL && *self->clinic_name != '\0';

  height = add_layout (block, text_layout (self, FONT_CLINIC, width * 0.6,
                                           has_clinic ? self->clinic_name : _("Aftercare")),
                       0, 0, INK);
  date = g_markup_printf_escaped ("<span size='8pt' foreground='#5e5c64'>%s</span>", printed);
  right = g_strconcat (label, "\n", date, NULL);
  layout = markup_layout (self, FONT_BODY, width * 0.4 - 8, right);
  pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
  right_height = add_layout (block, layout, width * 0.6 + 8, 0, INK);
  aftercare_flow_block_add_shape (block, 0, MAX (height, right_height) + 8, width, 1.2,
                                  draw_hairline_cb, (gpointer) RULE);
}

static void
add_title (AftercareSheet *self,
           AftercareFlow  *flow)
{
  double width = aftercare_flow_get_content_width (flow);
  AftercareFlowBlock *block = aftercare_flow_add_block (flow, 12, TRUE);
  g_autofree char *title = NULL;

  if (self->client_name != NULL && *self->client_name != '\0')
    /* Translators: the sheet's title; %s is the client's name. */
    title = g_strdup_printf (_("Aftercare for %s"), self->client_name);
  else
    title = g_strdup (_("Your aftercare"));
  add_layout (block, text_layout (self, FONT_TITLE, width, title), 0, 0, INK);
}

static char *
pressure_text (AftercareSession *session)
{
  const char *pressure = aftercare_pressure_get_name (aftercare_session_get_pressure (session));

  if (!aftercare_session_get_first_time (session))
    return g_strdup (pressure);
  /* Translators: the pressure ("Deep"), then that it was the first massage of its kind. */
  return g_strdup_printf (_("%s, first time"), pressure);
}

static GPtrArray *
massage_fields (AftercareSheet *self)
{
  GPtrArray *fields = g_ptr_array_new_with_free_func (g_free);
  const char *therapist = aftercare_session_get_therapist (self->session);
  guint minutes = aftercare_session_get_duration_minutes (self->session);

  g_ptr_array_add (fields, g_strdup (_("Massage")));
  g_ptr_array_add (fields, g_strdup (aftercare_massage_type_get_name (
                                       aftercare_session_get_massage_type (self->session))));
  g_ptr_array_add (fields, g_strdup (_("Pressure")));
  g_ptr_array_add (fields, pressure_text (self->session));
  if (minutes > 0)
    {
      g_ptr_array_add (fields, g_strdup (_("Duration")));
      g_ptr_array_add (fields, g_strdup_printf (ngettext ("%u minute", "%u minutes", minutes), minutes));
    }
  g_ptr_array_add (fields, g_strdup (_("Ended")));
  g_ptr_array_add (fields, format_full_date (self, aftercare_session_get_ended_at (self->session)));
  if (therapist != NULL && *therapist != '\0')
    {
      g_ptr_array_add (fields, g_strdup (_("Therapist")));
      g_ptr_array_add (fields, g_strdup (therapist));
    }
  return fields;
}

/* "MASSAGE" above "Deep tissue", for each field. */
static GPtrArray *
massage_cells (AftercareSheet *self)
{
  g_autoptr(GPtrArray) fields = massage_fields (self);
  GPtrArray *cells = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < fields->len; i += 2)
    {
      g_autofree char *label = label_markup (g_ptr_array_index (fields, i));
      g_autofree char *value = g_markup_escape_text (g_ptr_array_index (fields, i + 1), -1);

      g_ptr_array_add (cells, g_strconcat (label, "\n", value, NULL));
    }
  return cells;
}

static double
natural_width (AftercareSheet *self,
               const char     *markup)
{
  g_autoptr(PangoLayout) layout = markup_layout (self, FONT_BODY, 1, markup);
  int width;

  pango_layout_set_width (layout, -1);
  pango_layout_get_size (layout, &width, NULL);
  return (double) width / PANGO_SCALE;
}

/* The massage in a grey panel: one row of fields when they fit side by
 * side, else three to a row. */
static void
add_massage (AftercareSheet *self,
             AftercareFlow  *flow)
{
  static const AftercareFlowBoxStyle panel = {
    .fill = { 0.957, 0.953, 0.945 }, .border = { -1 }, .bar = { -1 },
    .padding = 10, .radius = 6,
  };
  g_autoptr(GPtrArray) cells = massage_cells (self);
  g_autofree double *widths = g_new0 (double, cells->len);
  AftercareFlowBlock *row = NULL;
  double width, total = 0, extra, x = 0;
  guint per_row;

  aftercare_flow_begin_box (flow, &panel);
  width = aftercare_flow_get_content_width (flow);
  for (guint i = 0; i < cells->len; i++)
    total += widths[i] = natural_width (self, g_ptr_array_index (cells, i)) + 1;
  per_row = total + 16 * (cells->len - 1) <= width ? cells->len : 3;
  extra = per_row == cells->len ? (width - total) / cells->len : 0;
  for (guint i = 0; i < cells->len; i++)
    {
      guint cell = i % per_row;
      double cell_width = extra > 0 ? widths[i] + extra : (width - 2 * 16) / 3;

      if (cell == 0)
        {
          row = aftercare_flow_add_block (flow, i == 0 ? 14 : 8, FALSE);
          x = 0;
        }
      add_layout (row, markup_layout (self, FONT_BODY, cell_width, g_ptr_array_index (cells, i)),
                  x, 0, INK);
      x += cell_width + (extra > 0 ? 0 : 16);
    }
  aftercare_flow_end_box (flow);
}

/* The card's words (aftercare-verdict-card.h), as the window shows them:
 * the headline, the line of times, then what the verdict means. */
static void
add_verdict_headline (AftercareSheet       *self,
                      AftercareFlow        *flow,
                      AftercareVerdictCard *card)
{
  double width = aftercare_flow_get_content_width (flow);
  AftercareFlowBlock *block = aftercare_flow_add_block (flow, 16, FALSE);
  double height = add_layout (block, text_layout (self, FONT_HEADLINE, width - 44, card->headline),
                              44, 0, VERDICT_COLOURS[card->verdict].text);

  aftercare_flow_block_add_shape (block, 0, 0, 30, 30,
                                  draw_badge_cb, GINT_TO_POINTER (card->verdict));
  if (card->times != NULL)
    {
      g_autofree char *times = g_markup_printf_escaped ("<b>%s</b>", card->times);

      height += 3 + add_layout (block, markup_layout (self, FONT_BODY, width - 44, times), 44, height + 3, INK);
    }
  height += 3 + add_layout (block, text_layout (self, FONT_BODY, width - 44, card->description),
                            44, height + 3, INK);
  if (card->last_checkin != NULL)
    {
      g_autofree char *last = g_markup_printf_escaped ("<b>%s</b>", card->last_checkin);

      add_layout (block, markup_layout (self, FONT_BODY, width - 44, last), 44, height + 3, INK);
    }
}

static void
add_red_flags (AftercareSheet *self,
               AftercareFlow  *flow)
{
  AftercareSymptoms flags = aftercare_assessment_get_red_flags (self->assessment);
  g_autofree char *phrase = NULL;
  g_autofree char *markup = NULL;
  AftercareFlowBlock *block;

  if (flags == 0)
    return;
  phrase = aftercare_symptoms_to_phrase (flags);
  block = aftercare_flow_add_block (flow, 10, FALSE);
  /* Translators: %s names warning signs, e.g. "sharp pain and numbness". */
  markup = g_markup_printf_escaped (_("<b>Warning signs you reported:</b> %s."), phrase);
  add_layout (block, markup_layout (self, FONT_BODY, aftercare_flow_get_content_width (flow) - 44, markup),
              44, 0, WARNING_COLOUR.text);
}

static const char *
planned_run_text (AftercarePlannedRun run)
{
  switch (run)
    {
    case AFTERCARE_PLANNED_RUN_EASY: return _("Easy: 20 to 40 minutes at a pace you can talk at");
    case AFTERCARE_PLANNED_RUN_STEADY: return _("Steady");
    case AFTERCARE_PLANNED_RUN_HARD: return _("Hard: speed, hills or a long run");
    default: g_return_val_if_reached (NULL);
    }
}

/* One "label  value" row of the verdict box. */
static void
add_fact (AftercareSheet *self,
          AftercareFlow  *flow,
          double          space_before,
          const char     *label,
          const char     *value)
{
  double width = aftercare_flow_get_content_width (flow);
  AftercareFlowBlock *block = aftercare_flow_add_block (flow, space_before, FALSE);
  g_autofree char *bold = g_markup_printf_escaped ("<b>%s</b>", label);

  add_layout (block, markup_layout (self, FONT_BODY, 128, bold), 44, 0, INK);
  add_layout (block, text_layout (self, FONT_BODY, width - 44 - 136, value), 44 + 136, 0, INK);
}

static void
add_bullet (AftercareSheet *self,
            AftercareFlow  *flow,
            double          x,
            double          space_before,
            const char     *text,
            const double    rgb[3])
{
  double width = aftercare_flow_get_content_width (flow);
  AftercareFlowBlock *block = aftercare_flow_add_block (flow, space_before, FALSE);

  add_layout (block, text_layout (self, FONT_BODY, 10, "•"), x, 0, rgb);
  add_layout (block, text_layout (self, FONT_BODY, width - x - 12, text), x + 12, 0, INK);
}

static void
add_reasons (AftercareSheet *self,
             AftercareFlow  *flow)
{
  const char * const *reasons = aftercare_assessment_get_reasons (self->assessment);
  AftercareVerdict verdict = aftercare_assessment_get_verdict (self->assessment);
  AftercareFlowBlock *block;
  g_autofree char *why = label_markup (_("Why"));

  if (reasons == NULL || reasons[0] == NULL)
    return;
  block = aftercare_flow_add_block (flow, 10, TRUE);
  add_layout (block, markup_layout (self, FONT_BODY, 128, why), 44, 0, INK);
  for (guint i = 0; reasons[i] != NULL; i++)
    add_bullet (self, flow, 44, 3, reasons[i], VERDICT_COLOURS[verdict].main);
}

static void
add_verdict (AftercareSheet *self,
             AftercareFlow  *flow)
{
  g_autoptr(AftercareVerdictCard) card = aftercare_verdict_card_new (self->assessment, self->now,
                                                                     self->clock_24h);
  const VerdictColours *colours = &VERDICT_COLOURS[card->verdict];
  AftercareFlowBoxStyle box = {
    .border = { -1 }, .bar_width = 5, .padding = 12, .radius = 6,
  };
  double space = 12;

  memcpy (box.fill, colours->tint, sizeof box.fill);
  memcpy (box.bar, colours->main, sizeof box.bar);
  aftercare_flow_begin_box (flow, &box);
  add_verdict_headline (self, flow, card);
  add_red_flags (self, flow);
  /* Rest and seek care promise no time: no run to plan for. */
  if (card->verdict < AFTERCARE_VERDICT_REST)
    {
      add_fact (self, flow, space, _("Your planned run"),
                planned_run_text (aftercare_assessment_get_planned_run (self->assessment)));
      space = 3;
    }
  if (card->next_checkin != NULL)
    add_fact (self, flow, space, _("Check again at"), card->next_checkin);
  add_reasons (self, flow);
  aftercare_flow_end_box (flow);
}

static void
add_section_heading (AftercareSheet *self,
                     AftercareFlow  *flow,
                     const char     *heading,
                     const char     *note)
{
  aftercare_page_add_section_heading (self->context, flow, heading, note);
}

static void
add_plan_step (AftercareSheet    *self,
               AftercareFlow     *flow,
               AftercarePlanStep *step)
{
  double width = aftercare_flow_get_content_width (flow);
  AftercareFlowBlock *block = aftercare_flow_add_block (flow, 5, FALSE);
  g_autofree char *when = NULL;
  g_autofree char *what = NULL;

  if (!step->current && step->end_text != NULL)
    /* Translators: a span of the plan on two lines, "from 22:30" above
     * "to tomorrow 10:30", so no clock time is split. */
    when = g_markup_printf_escaped (_("<b>from %s\nto %s</b>"), step->start_text, step->end_text);
  else
    when = g_markup_printf_escaped ("<b>%s</b>", step->when);
  if (step->current)
    {
      g_autofree char *here = g_markup_printf_escaped ("\n<span size='8pt' weight='bold' foreground='#1554a3'>%s</span>",
                                                       /* Translators: marks the phase of the plan the client is in now. */
                                                       _("You are here"));
      char *both = g_strconcat (when, here, NULL);

      g_free (when);
      when = both;
    }
  /* Translators: a phase's name and what to do in it, on one line. */
  what = g_markup_printf_escaped (_("<b>%s.</b> %s"), aftercare_phase_get_title (step->phase),
                                  aftercare_assessment_get_phase_advice (self->assessment, step->phase, NULL));
  aftercare_flow_block_add_shape (block, 0, 0, width, 0.6, draw_hairline_cb, (gpointer) HAIRLINE);
  add_layout (block, markup_layout (self, FONT_BODY, PLAN_WHEN_WIDTH, when), 0, 5, INK);
  add_layout (block, markup_layout (self, FONT_BODY, width - PLAN_WHEN_WIDTH - 14, what),
              PLAN_WHEN_WIDTH + 14, 5, INK);
}

static void
add_plan (AftercareSheet *self,
          AftercareFlow  *flow)
{
  GDateTime *ended_at = aftercare_session_get_ended_at (self->session);
  g_autoptr(GPtrArray) steps = aftercare_plan_new (ended_at, self->now, self->clock_24h);
  g_autofree char *ended = format_clock (self, ended_at);
  g_autofree char *subtitle = NULL;
  AftercareFlowBlock *end;

  /* Translators: %s is a clock time, when the massage ended. */
  subtitle = g_strdup_printf (_("Times count from the end of your massage, %s."), ended);
  add_section_heading (self, flow, _("Your plan, hour by hour"), subtitle);
  for (guint i = 0; i < steps->len; i++)
    add_plan_step (self, flow, g_ptr_array_index (steps, i));
  end = aftercare_flow_add_block (flow, 5, FALSE);
  aftercare_flow_block_add_shape (end, 0, 0, aftercare_flow_get_content_width (flow), 0.6,
                                  draw_hairline_cb, (gpointer) HAIRLINE);
}

static void
add_notes (AftercareSheet *self,
           AftercareFlow  *flow)
{
  const char *notes = aftercare_session_get_notes (self->session);
  AftercareFlowBlock *block;

  if (notes == NULL || *notes == '\0')
    return;
  add_section_heading (self, flow, _("Notes from your therapist"), NULL);
  block = aftercare_flow_add_block (flow, 6, FALSE);
  add_layout (block, text_layout (self, FONT_BODY, aftercare_flow_get_content_width (flow), notes),
              0, 0, INK);
}

static void
add_warning_signs (AftercareSheet *self,
                   AftercareFlow  *flow)
{
  static const AftercareFlowBoxStyle box = {
    .fill = { 1, 1, 1 }, .border = { 0.753, 0.110, 0.157 }, .bar = { -1 },
    .border_width = 1.2, .padding = 12, .radius = 6,
  };
  g_autoptr(GDateTime) two_days = g_date_time_add_hours (aftercare_session_get_ended_at (self->session), 48);
  g_autofree char *by = format_clock (self, two_days);
  g_autofree char *lasting = NULL;
  g_autofree char *heading = NULL;
  const char *signs[] = {
    _("Sharp, stabbing or shooting pain, or pain that spreads along an arm or a leg"),
    _("Pins and needles, tingling or numbness"),
    NULL,
    _("Fever, dizziness, nausea, unusual tiredness or a headache that does not go away"),
    _("Bruising, swelling, or stiffness that stops you from moving normally"),
  };
  AftercareFlowBlock *block;
  double width;

  /* Translators: %s is a clock time two days after the massage, e.g. "Thu 26 Nov 10:00". */
  lasting = g_strdup_printf (_("Soreness above mild at %s (two days after your massage), "
                               "or soreness that gets worse"), by);
  signs[2] = lasting;
  aftercare_flow_begin_box (flow, &box);
  width = aftercare_flow_get_content_width (flow);
  block = aftercare_flow_add_block (flow, 16, TRUE);
  aftercare_flow_block_add_shape (block, 0, 0, 16, 14, draw_warning_triangle_cb, NULL);
  heading = g_markup_printf_escaped ("<b>%s</b>", _("Do not run, and call your therapist or a doctor, if you notice"));
  add_layout (block, markup_layout (self, "Sans 11", width - 26, heading), 26, 0, WARNING_COLOUR.text);
  /* How to reach the therapist, right where the sheet says to. */
  if (self->clinic_contact != NULL && *self->clinic_contact != '\0')
    {
      /* Translators: %s is how to reach the clinic: a phone number, an address or a web address. */
      g_autofree char *contact = g_markup_printf_escaped (_("<b>Clinic:</b> %s"), self->clinic_contact);

      block = aftercare_flow_add_block (flow, 4, TRUE);
      add_layout (block, markup_layout (self, "Sans 11", width - 26, contact), 26, 0, WARNING_COLOUR.text);
    }
  for (guint i = 0; i < G_N_ELEMENTS (signs); i++)
    add_bullet (self, flow, 0, i == 0 ? 8 : 3, signs[i], WARNING_COLOUR.main);
  aftercare_flow_end_box (flow);
}

static AftercareFlow *
build_flow (AftercareSheet *self,
            double          width)
{
  AftercareFlow *flow = aftercare_flow_new (width);

  add_header (self, flow);
  add_title (self, flow);
  add_massage (self, flow);
  add_verdict (self, flow);
  add_plan (self, flow);
  add_notes (self, flow);
  add_warning_signs (self, flow);
  return flow;
}

/* ---- Pages ------------------------------------------------------------- */

/* The running head on pages after the first. */
static char *
running_head (AftercareSheet *self)
{
  const char *who = self->client_name != NULL && *self->client_name != '\0'
                    ? self->client_name : NULL;

  if (who != NULL)
    /* Translators: heads the second and later pages; %s is the client's name. */
    return g_strdup_printf (_("Aftercare for %s (continued)"), who);
  return g_strdup (_("Your aftercare (continued)"));
}

static void
ensure_layout (AftercareSheet *self,
               double          page_width,
               double          page_height)
{
  g_autofree char *head = NULL;

  if (self->context == NULL)
    self->context = aftercare_page_create_context ();
  if (self->pages == NULL || fabs (aftercare_pages_get_page_width (self->pages) - page_width) > 0.01)
    {
      invalidate_layout (self);
      head = running_head (self);
      self->pages = aftercare_pages_new (self->context, build_flow (self, page_width - 2 * MARGIN_SIDE),
                                         page_width, head);
    }
  aftercare_pages_paginate (self->pages, page_height);
}

guint
aftercare_sheet_get_n_pages (AftercareSheet *self,
                             double          page_width,
                             double          page_height)
{
  g_return_val_if_fail (AFTERCARE_IS_SHEET (self), 0);
  g_return_val_if_fail (page_width > 2 * MARGIN_SIDE + 100 && page_height > 200, 0);
  ensure_layout (self, page_width, page_height);
  return aftercare_pages_paginate (self->pages, page_height);
}

void
aftercare_sheet_draw_page (AftercareSheet *self,
                           cairo_t        *cr,
                           double          page_width,
                           double          page_height,
                           guint           page_nr)
{
  g_return_if_fail (AFTERCARE_IS_SHEET (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page_nr < aftercare_sheet_get_n_pages (self, page_width, page_height));

  aftercare_pages_draw_page (self->pages, cr, page_nr);
}

/* ---- PDF --------------------------------------------------------------- */

gboolean
aftercare_sheet_write_pdf (AftercareSheet  *self,
                           const char      *path,
                           double           page_width,
                           double           page_height,
                           GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (AFTERCARE_IS_SHEET (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  ensure_layout (self, page_width, page_height);
  if (aftercare_pages_write_pdf (self->pages, path, page_height, _("Aftercare sheet"), &local_error))
    return TRUE;
  name = g_filename_display_name (path);
  g_set_error (error, AFTERCARE_SHEET_ERROR, AFTERCARE_SHEET_ERROR_WRITE,
               /* Translators: the first %s is a file name, the second why it failed. */
               _("Could not write the aftercare sheet to “%s”: %s"), name, local_error->message);
  return FALSE;
}

/* ---- The object -------------------------------------------------------- */

static void
aftercare_sheet_dispose (GObject *object)
{
  AftercareSheet *self = AFTERCARE_SHEET (object);

  invalidate_layout (self);
  g_clear_object (&self->context);
  g_clear_object (&self->session);
  g_clear_object (&self->assessment);
  G_OBJECT_CLASS (aftercare_sheet_parent_class)->dispose (object);
}

static void
aftercare_sheet_finalize (GObject *object)
{
  AftercareSheet *self = AFTERCARE_SHEET (object);

  g_clear_pointer (&self->now, g_date_time_unref);
  g_clear_pointer (&self->clinic_name, g_free);
  g_clear_pointer (&self->clinic_contact, g_free);
  g_clear_pointer (&self->client_name, g_free);
  G_OBJECT_CLASS (aftercare_sheet_parent_class)->finalize (object);
}

static void
aftercare_sheet_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AftercareSheet *self = AFTERCARE_SHEET (object);

  switch (prop_id)
    {
    case PROP_SESSION: g_value_set_object (value, self->session); break;
    case PROP_ASSESSMENT: g_value_set_object (value, self->assessment); break;
    case PROP_NOW: g_value_set_boxed (value, self->now); break;
    case PROP_CLINIC_NAME: g_value_set_string (value, self->clinic_name); break;
    case PROP_CLINIC_CONTACT: g_value_set_string (value, self->clinic_contact); break;
    case PROP_CLIENT_NAME: g_value_set_string (value, self->client_name); break;
    case PROP_CLOCK_24H: g_value_set_boolean (value, self->clock_24h); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aftercare_sheet_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  AftercareSheet *self = AFTERCARE_SHEET (object);

  switch (prop_id)
    {
    case PROP_SESSION: self->session = g_value_dup_object (value); break;
    case PROP_ASSESSMENT: self->assessment = g_value_dup_object (value); break;
    case PROP_NOW: self->now = g_value_dup_boxed (value); break;
    case PROP_CLINIC_NAME: aftercare_sheet_set_clinic_name (self, g_value_get_string (value)); break;
    case PROP_CLINIC_CONTACT: aftercare_sheet_set_clinic_contact (self, g_value_get_string (value)); break;
    case PROP_CLIENT_NAME: aftercare_sheet_set_client_name (self, g_value_get_string (value)); break;
    case PROP_CLOCK_24H: aftercare_sheet_set_clock_24h (self, g_value_get_boolean (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aftercare_sheet_constructed (GObject *object)
{
  AftercareSheet *self = AFTERCARE_SHEET (object);

  G_OBJECT_CLASS (aftercare_sheet_parent_class)->constructed (object);
  g_assert (self->session != NULL && self->assessment != NULL && self->now != NULL);
  if (self->client_name == NULL)
    self->client_name = g_strdup (aftercare_session_get_client (self->session));
}

static void
aftercare_sheet_class_init (AftercareSheetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;
  GParamFlags writable = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = aftercare_sheet_dispose;
  object_class->finalize = aftercare_sheet_finalize;
  object_class->get_property = aftercare_sheet_get_property;
  object_class->set_property = aftercare_sheet_set_property;
  object_class->constructed = aftercare_sheet_constructed;

  properties[PROP_SESSION] = g_param_spec_object ("session", NULL, NULL, AFTERCARE_TYPE_SESSION, construct);
  properties[PROP_ASSESSMENT] = g_param_spec_object ("assessment", NULL, NULL, AFTERCARE_TYPE_ASSESSMENT, construct);
  properties[PROP_NOW] = g_param_spec_boxed ("now", NULL, NULL, G_TYPE_DATE_TIME, construct);
  properties[PROP_CLINIC_NAME] = g_param_spec_string ("clinic-name", NULL, NULL, NULL, writable);
  properties[PROP_CLINIC_CONTACT] = g_param_spec_string ("clinic-contact", NULL, NULL, NULL, writable);
  properties[PROP_CLIENT_NAME] = g_param_spec_string ("client-name", NULL, NULL, NULL, writable);
  properties[PROP_CLOCK_24H] = g_param_spec_boolean ("clock-24h", NULL, NULL, TRUE, writable);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
aftercare_sheet_init (AftercareSheet *self)
{
  self->clock_24h = TRUE;
}

AftercareSheet *
aftercare_sheet_new (AftercareSession    *session,
                     AftercareAssessment *assessment,
                     AftercarePlannedRun  planned_run,
                     GDateTime           *now)
{
  g_return_val_if_fail (AFTERCARE_IS_SESSION (session), NULL);
  g_return_val_if_fail (AFTERCARE_IS_ASSESSMENT (assessment), NULL);
  g_return_val_if_fail (now != NULL, NULL);
  /* The sheet plans for the run assessed, never another. */
  g_return_val_if_fail (planned_run == aftercare_assessment_get_planned_run (assessment), NULL);
  return g_object_new (AFTERCARE_TYPE_SHEET,
                       "session", session,
                       "assessment", assessment,
                       "now", now,
                       NULL);
}

AftercareSession *
aftercare_sheet_get_session (AftercareSheet *self)
{
  g_return_val_if_fail (AFTERCARE_IS_SHEET (self), NULL);
  return self->session;
}

AftercareAssessment *
aftercare_sheet_get_assessment (AftercareSheet *self)
{
  g_return_val_if_fail (AFTERCARE_IS_SHEET (self), NULL);
  return self->assessment;
}

GDateTime *
aftercare_sheet_get_now (AftercareSheet *self)
{
  g_return_val_if_fail (AFTERCARE_IS_SHEET (self), NULL);
  return self->now;
}

const char *
aftercare_sheet_get_clinic_name (AftercareSheet *self)
{
  g_return_val_if_fail (AFTERCARE_IS_SHEET (self), NULL);
  return self->clinic_name;
}

void
aftercare_sheet_set_clinic_name (AftercareSheet *self,
                                 const char     *clinic_name)
{
  g_return_if_fail (AFTERCARE_IS_SHEET (self));
  if (g_strcmp0 (self->clinic_name, clinic_name) == 0)
    return;
  g_free (self->clinic_name);
  self->clinic_name = g_strdup (clinic_name);
  invalidate_layout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLINIC_NAME]);
}

const char *
aftercare_sheet_get_clinic_contact (AftercareSheet *self)
{
  g_return_val_if_fail (AFTERCARE_IS_SHEET (self), NULL);
  return self->clinic_contact;
}

void
aftercare_sheet_set_clinic_contact (AftercareSheet *self,
                                    const char     *clinic_contact)
{
  g_return_if_fail (AFTERCARE_IS_SHEET (self));
  if (!aftercare_set_string (&self->clinic_contact, clinic_contact))
    return;
  invalidate_layout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLINIC_CONTACT]);
}

const char *
aftercare_sheet_get_client_name (AftercareSheet *self)
{
  g_return_val_if_fail (AFTERCARE_IS_SHEET (self), NULL);
  return self->client_name;
}

void
aftercare_sheet_set_client_name (AftercareSheet *self,
                                 const char     *client_name)
{
  g_return_if_fail (AFTERCARE_IS_SHEET (self));
  if (g_strcmp0 (self->client_name, client_name) == 0)
    return;
  g_free (self->client_name);
  self->client_name = g_strdup (client_name);
  invalidate_layout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT_NAME]);
}

AftercarePlannedRun
aftercare_sheet_get_planned_run (AftercareSheet *self)
{
  g_return_val_if_fail (AFTERCARE_IS_SHEET (self), AFTERCARE_PLANNED_RUN_EASY);
  return aftercare_assessment_get_planned_run (self->assessment);
}

gboolean
aftercare_sheet_get_clock_24h (AftercareSheet *self)
{
  g_return_val_if_fail (AFTERCARE_IS_SHEET (self), TRUE);
  return self->clock_24h;
}

void
aftercare_sheet_set_clock_24h (AftercareSheet *self,
                               gboolean        clock_24h)
{
  g_return_if_fail (AFTERCARE_IS_SHEET (self));
  clock_24h = !!clock_24h;
  if (self->clock_24h == clock_24h)
    return;
  self->clock_24h = clock_24h;
  invalidate_layout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLOCK_24H]);
}

/* ---- Printable --------------------------------------------------------- */

static guint
printable_get_n_pages (AftercarePrintable *printable,
                       double              page_width,
                       double              page_height)
{
  return aftercare_sheet_get_n_pages (AFTERCARE_SHEET (printable), page_width, page_height);
}

static void
printable_draw_page (AftercarePrintable *printable,
                     cairo_t            *cr,
                     double              page_width,
                     double              page_height,
                     guint               page_nr)
{
  aftercare_sheet_draw_page (AFTERCARE_SHEET (printable), cr, page_width, page_height, page_nr);
}

static gboolean
printable_write_pdf (AftercarePrintable *printable,
                     const char         *path,
                     double              page_width,
                     double              page_height,
                     GError            **error)
{
  return aftercare_sheet_write_pdf (AFTERCARE_SHEET (printable), path, page_width, page_height, error);
}

static void
aftercare_sheet_printable_init (AftercarePrintableInterface *iface)
{
  iface->get_n_pages = printable_get_n_pages;
  iface->draw_page = printable_draw_page;
  iface->write_pdf = printable_write_pdf;
}
