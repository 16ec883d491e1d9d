/* aftercare-report.c: a report for the therapist: massages, their timelines and check-ins, in plain words (cairo and Pango, no GTK). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-report"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "aftercare-catalog.h"
#include "aftercare-labels.h"
#include "aftercare-moments.h"
#include "aftercare-page.h"
#include "aftercare-report.h"
#include "aftercare-time.h"
#include "aftercare-timeline-chart.h"
#include "aftercare-timeline.h"

#define CHART_HEIGHT 150.0
/* The check-in table's columns: when, soreness, symptoms, notes (the rest). */
#define COLUMN_WHEN     118.0
#define COLUMN_SORENESS 56.0
#define COLUMN_SYMPTOMS 130.0
#define COLUMN_GAP      8.0

#define INK  aftercare_page_ink
#define GREY aftercare_page_grey

/* One massage on the report. */
typedef struct {
  AftercareReport *report;
  AftercareSession *session;
  GPtrArray *moments;
} ReportItem;

struct _AftercareReport
{
  GObject parent_instance;

  GDateTime *now;
  gboolean clock_24h;
  char *client_name;
  GPtrArray *items;                 /* ReportItem */
  gboolean has_pattern;
  AftercarePatternSummary pattern;

  PangoContext *context;
  AftercarePages *pages;
};

static void aftercare_report_printable_init (AftercarePrintableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AftercareReport, aftercare_report, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (AFTERCARE_TYPE_PRINTABLE, aftercare_report_printable_init))

G_DEFINE_QUARK (aftercare-report-error-quark, aftercare_report_error)

static void
report_item_free (ReportItem *item)
{
  g_object_unref (item->session);
  g_ptr_array_unref (item->moments);
  g_free (item);
}

AftercareReport *
aftercare_report_new (GDateTime  *now,
                      gboolean    clock_24h,
                      const char *client_name)
{
  AftercareReport *self;

  g_return_val_if_fail (now != NULL, NULL);

  self = g_object_new (AFTERCARE_TYPE_REPORT, NULL);
  self->now = g_date_time_ref (now);
  self->clock_24h = clock_24h;
  self->client_name = g_strdup (client_name != NULL ? client_name : "");
  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) report_item_free);
  return self;
}

static void
aftercare_report_finalize (GObject *object)
{
  AftercareReport *self = AFTERCARE_REPORT (object);

  g_clear_pointer (&self->pages, aftercare_pages_free);
  g_clear_object (&self->context);
  g_ptr_array_unref (self->items);
  g_date_time_unref (self->now);
  g_free (self->client_name);
  G_OBJECT_CLASS (aftercare_report_parent_class)->finalize (object);
}

static void
aftercare_report_class_init (AftercareReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = aftercare_report_finalize;
}

static void
aftercare_report_init (AftercareReport *self)
{
}

char *
aftercare_report_get_name (AftercareReport *self)
{
  g_return_val_if_fail (AFTERCARE_IS_REPORT (self), NULL);

  if (*self->client_name == '\0')
    return g_strdup (_("Report for the therapist"));
  /* Translators: a print job's or a file's name; %s is the client's name. */
  return g_strdup_printf (_("Report on %s’s recovery"), self->client_name);
}

void
aftercare_report_add_session (AftercareReport  *self,
                              AftercareSession *session,
                              GPtrArray        *checkins)
{
  ReportItem *item;

  g_return_if_fail (AFTERCARE_IS_REPORT (self));
  g_return_if_fail (AFTERCARE_IS_SESSION (session));

  item = g_new0 (ReportItem, 1);
  item->report = self;
  item->session = g_object_ref (session);
  item->moments = aftercare_checkins_to_moments (checkins);
  g_ptr_array_add (self->items, item);
  g_clear_pointer (&self->pages, aftercare_pages_free);
}

void
aftercare_report_set_pattern (AftercareReport               *self,
                              const AftercarePatternSummary *pattern)
{
  g_return_if_fail (AFTERCARE_IS_REPORT (self));

  self->has_pattern = pattern != NULL;
  if (pattern != NULL)
    self->pattern = *pattern;
  g_clear_pointer (&self->pages, aftercare_pages_free);
}

guint
aftercare_report_get_n_sessions (AftercareReport *self)
{
  g_return_val_if_fail (AFTERCARE_IS_REPORT (self), 0);
  return self->items->len;
}

/* ---- In words ---------------------------------------------------------- */

static double
hours_after (AftercareSession *session,
             AftercareCheckin *checkin)
{
  return aftercare_time_hours_between (aftercare_session_get_ended_at (session), aftercare_checkin_get_at (checkin));
}

/* "mild by about 40 hours", or "still 4/10 at the last check-in, 28 hours after". */
static char *
describe_mild (AftercareSession *session,
               GPtrArray        *moments)
{
  AftercareCheckin *last = g_ptr_array_index (moments, moments->len - 1);
  double mild_by = -1;
  gulong hours;

  for (guint i = 0; i < moments->len; i++)
    {
      AftercareCheckin *moment = g_ptr_array_index (moments, i);

      if (aftercare_checkin_get_soreness (moment) > AFTERCARE_PATTERN_MILD)
        mild_by = -1;
      else if (mild_by < 0)
        mild_by = MAX (hours_after (session, moment), 0.0);
    }
  if (mild_by >= 0)
    {
      hours = (gulong) round (mild_by);
      return g_strdup_printf (ngettext ("mild by about %lu hour", "mild by about %lu hours", hours), hours);
    }
  hours = (gulong) floor (hours_after (session, last));
  /* Translators: soreness out of 10 at the last check-in, and how many hours after the massage it was. */
  return g_strdup_printf (ngettext ("still %u/10 at the last check-in, %lu hour after",
                                    "still %u/10 at the last check-in, %lu hours after", hours),
                          aftercare_checkin_get_soreness (last), hours);
}

char *
aftercare_report_describe_recovery (AftercareSession *session,
                                    GPtrArray        *checkins)
{
  g_autoptr(GPtrArray) moments = NULL;
  g_autofree char *symptoms = NULL;
  g_autofree char *mild = NULL;
  g_autofree char *sore = NULL;
  AftercareCheckin *peak = NULL;
  AftercareSymptoms all = 0;

  g_return_val_if_fail (AFTERCARE_IS_SESSION (session), NULL);

  moments = aftercare_checkins_to_moments (checkins);
  if (moments->len == 0)
    return g_strdup (_("No check-ins after this massage."));
  for (guint i = 0; i < moments->len; i++)
    {
      AftercareCheckin *moment = g_ptr_array_index (moments, i);

      all |= aftercare_checkin_get_symptoms (moment);
      if (peak == NULL || aftercare_checkin_get_soreness (moment) > aftercare_checkin_get_soreness (peak))
        peak = moment;
    }
  if (aftercare_checkin_get_soreness (peak) == 0)
    sore = g_strdup (_("No soreness"));
  else
    /* Translators: the worst soreness out of 10, then when: "Sore 6/10 12 to 24 hours after". */
    sore = g_strdup_printf (_("Sore %u/10 %s"), aftercare_checkin_get_soreness (peak),
                            aftercare_pattern_phase_when (aftercare_timeline_phase_at (hours_after (session, peak))));
  mild = describe_mild (session, moments);
  if (all == 0)
    /* Translators: "Sore 6/10 12 to 24 hours after; mild by about 40 hours." */
    return g_strdup_printf (_("%s; %s."), sore, mild);
  symptoms = aftercare_symptoms_to_phrase (all);
  /* Translators: "Sore 6/10 12 to 24 hours after, with bruising; mild by about 40 hours." */
  return g_strdup_printf (_("%s, with %s; %s."), sore, symptoms, mild);
}

/* ---- Layout ------------------------------------------------------------ */

static PangoLayout *
text_layout (AftercareReport *self,
             const char      *font,
             double           width,
             const char      *text)
{
  return aftercare_page_text_layout (self->context, font, width, text);
}

static PangoLayout *
markup_layout (AftercareReport *self,
               const char      *font,
               double           width,
               const char      *markup)
{
  return aftercare_page_markup_layout (self->context, font, width, markup);
}

static char *
format_date (AftercareReport *self,
             GDateTime       *time)
{
  return aftercare_time_format_day_and_time_with_year (time, self->now, self->clock_24h);
}

static gboolean
has_client (AftercareReport *self)
{
  return *self->client_name != '\0';
}

static void
add_header (AftercareReport *self,
            AftercareFlow   *flow)
{
  double width = aftercare_flow_get_content_width (flow);
  AftercareFlowBlock *block = aftercare_flow_add_block (flow, 0, FALSE);
  g_autofree char *when = format_date (self, self->now);
  g_autofree char *label = aftercare_page_label_markup (_("For your therapist"));
  /* Translators: %s is the date and time the report was printed. */
  g_autofree char *printed = g_strdup_printf (_("Printed %s"), when);
  g_autofree char *date = g_markup_printf_escaped ("<span size='8pt' foreground='#5e5c64'>%s</span>", printed);
  g_autofree char *right = g_strconcat (label, "\n", date, NULL);
  g_autofree char *title = NULL;
  PangoLayout *layout;
  double height, right_height;

  if (has_client (self))
    /* Translators: the report's title; %s is the client's name. */
    title = g_strdup_printf (_("How %s recovered"), self->client_name);
  else
    title = g_strdup (_("How I recovered"));
  height = aftercare_page_add_layout (block, text_layout (self, AFTERCARE_PAGE_FONT_TITLE, width * 0.6, title),
                                      0, 0, INK);
  layout = markup_layout (self, AFTERCARE_PAGE_FONT_BODY, width * 0.4 - 8, right);
  pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
  right_height = aftercare_page_add_layout (block, layout, width * 0.6 + 8, 0, INK);
  aftercare_flow_block_add_shape (block, 0, MAX (height, right_height) + 8, width, 1.2,
                                  aftercare_page_draw_rule_cb, (gpointer) aftercare_page_rule);
}

/* "In short": each massage's recovery in one line, then your pattern. */
static void
add_in_short (AftercareReport *self,
              AftercareFlow   *flow)
{
  static const AftercareFlowBoxStyle panel = {
    .fill = { 0.957, 0.953, 0.945 }, .border = { -1 }, .bar = { -1 },
    .padding = 10, .radius = 6,
  };
  g_autofree char *label = aftercare_page_label_markup (_("In short"));
  AftercareFlowBlock *block;

  aftercare_flow_begin_box (flow, &panel);
  block = aftercare_flow_add_block (flow, 14, TRUE);
  aftercare_page_add_layout (block, markup_layout (self, AFTERCARE_PAGE_FONT_BODY, 200, label), 0, 0, INK);
  for (guint i = 0; i < self->items->len; i++)
    {
      ReportItem *item = g_ptr_array_index (self->items, i);
      g_autofree char *day = aftercare_time_format_day (aftercare_session_get_ended_at (item->session), self->now);
      g_autofree char *recovery = aftercare_report_describe_recovery (item->session, item->moments);
      /* Translators: a massage's day in bold, then its recovery in words. */
      g_autofree char *line = g_markup_printf_escaped (_("<b>%s:</b> %s"), day, recovery);

      block = aftercare_flow_add_block (flow, 4, FALSE);
      aftercare_page_add_layout (block, markup_layout (self, AFTERCARE_PAGE_FONT_BODY,
                                                       aftercare_flow_get_content_width (flow), line), 0, 0, INK);
    }
  if (self->has_pattern && self->items->len > 0)
    {
      g_autofree char *pattern = aftercare_pattern_summary_describe (&self->pattern,
                                                                     has_client (self) ? self->client_name : NULL);

      block = aftercare_flow_add_block (flow, 6, FALSE);
      aftercare_page_add_layout (block, text_layout (self, AFTERCARE_PAGE_FONT_BODY,
                                                     aftercare_flow_get_content_width (flow), pattern), 0, 0, INK);
    }
  aftercare_flow_end_box (flow);
}

static void
add_fields (AftercareReport *self,
            AftercareFlow   *flow,
            ReportItem      *item)
{
  AftercareSession *session = item->session;
  g_autofree char *areas = aftercare_areas_to_list (aftercare_session_get_areas (session));
  g_autoptr(GString) text = g_string_new (NULL);
  guint minutes = aftercare_session_get_duration_minutes (session);
  const char *therapist = aftercare_session_get_therapist (session);
  const char *notes = aftercare_session_get_notes (session);
  AftercareFlowBlock *block = aftercare_flow_add_block (flow, 4, FALSE);

  if (minutes > 0)
    g_string_append_printf (text, ngettext ("%u minute", "%u minutes", minutes), minutes);
  if (areas != NULL)
    /* Translators: the areas a massage treated, "Calves, Hamstrings". */
    g_string_append_printf (text, "%s%s", text->len > 0 ? " · " : "", areas);
  if (aftercare_session_get_first_time (session))
    g_string_append_printf (text, "%s%s", text->len > 0 ? " · " : "", _("first massage of this kind"));
  if (therapist != NULL && *therapist != '\0')
    /* Translators: who gave the massage. */
    g_string_append_printf (text, "%s%s", text->len > 0 ? " · " : "", therapist);
  if (notes != NULL && *notes != '\0')
    g_string_append_printf (text, "\n%s", notes);
  if (text->len == 0)
    return;
  aftercare_page_add_layout (block, text_layout (self, AFTERCARE_PAGE_FONT_BODY,
                                                 aftercare_flow_get_content_width (flow), text->str), 0, 0, GREY);
}

static void
draw_chart_cb (cairo_t *cr,
               double   x,
               double   y,
               double   width,
               double   height,
               gpointer data)
{
  ReportItem *item = data;
  AftercareReport *self = item->report;

  aftercare_timeline_chart_draw (cr, self->context, x, y, width, height, item->session, item->moments,
                                 self->has_pattern ? &self->pattern : NULL);
}

static void
add_chart (AftercareReport *self,
           AftercareFlow   *flow,
           ReportItem      *item)
{
  double width = aftercare_flow_get_content_width (flow);
  AftercareFlowBlock *block = aftercare_flow_add_block (flow, 10, FALSE);
  const char *caption = self->has_pattern && aftercare_pattern_summary_get_needed (&self->pattern) == 0
    ? _("Shaded: the soreness usual after this kind of massage. Dashed boxes: the lowest to the highest "
        "soreness after earlier ones like it, with a line at the usual. Dots: the check-ins.")
    : _("Shaded: the soreness usual after this kind of massage. Dots: the check-ins.");

  aftercare_flow_block_add_shape (block, 0, 0, width, CHART_HEIGHT, draw_chart_cb, item);
  aftercare_page_add_layout (block, text_layout (self, AFTERCARE_PAGE_FONT_SMALL, width, caption),
                             0, CHART_HEIGHT + 4, GREY);
}

/* One row of the check-in table, laid out in its four columns. */
static void
add_table_row (AftercareReport *self,
               AftercareFlow   *flow,
               const char      *cells[4],
               gboolean         heading)
{
  double width = aftercare_flow_get_content_width (flow);
  double xs[4] = { 0, COLUMN_WHEN + COLUMN_GAP, COLUMN_WHEN + COLUMN_SORENESS + 2 * COLUMN_GAP,
                   COLUMN_WHEN + COLUMN_SORENESS + COLUMN_SYMPTOMS + 3 * COLUMN_GAP };
  double widths[4] = { COLUMN_WHEN, COLUMN_SORENESS, COLUMN_SYMPTOMS, width - xs[3] };
  AftercareFlowBlock *block = aftercare_flow_add_block (flow, heading ? 10 : 3, heading);

  aftercare_flow_block_add_shape (block, 0, 0, width, 0.6, aftercare_page_draw_rule_cb,
                                  (gpointer) aftercare_page_hairline);
  for (guint c = 0; c < 4; c++)
    {
      g_autofree char *markup = heading ? aftercare_page_label_markup (cells[c])
                                        : g_markup_escape_text (cells[c] != NULL ? cells[c] : "", -1);

      aftercare_page_add_layout (block, markup_layout (self, AFTERCARE_PAGE_FONT_BODY, widths[c], markup),
                                 xs[c], 3, INK);
    }
}

static void
add_checkin_table (AftercareReport *self,
                   AftercareFlow   *flow,
                   ReportItem      *item)
{
  const char *heading[4] = { _("When"), _("Soreness"), _("Symptoms"), _("Notes") };

  if (item->moments->len == 0)
    return;
  add_table_row (self, flow, heading, TRUE);
  for (guint i = 0; i < item->moments->len; i++)
    {
      AftercareCheckin *moment = g_ptr_array_index (item->moments, i);
      g_autofree char *date = aftercare_time_format_day_and_time (aftercare_checkin_get_at (moment), self->now,
                                                                  self->clock_24h);
      g_autofree char *after = aftercare_time_format_hours_after (hours_after (item->session, moment));
      g_autofree char *when = g_strdup_printf ("%s\n%s", date, after);
      g_autofree char *soreness = g_strdup_printf ("%u/10", aftercare_checkin_get_soreness (moment));
      g_autofree char *symptoms = aftercare_symptoms_to_list (aftercare_checkin_get_symptoms (moment));
      const char *cells[4] = { when, soreness, symptoms != NULL ? symptoms : "—",
                               aftercare_checkin_get_notes (moment) };

      add_table_row (self, flow, cells, FALSE);
    }
}

static void
add_session (AftercareReport *self,
             AftercareFlow   *flow,
             ReportItem      *item)
{
  g_autofree char *title = aftercare_massage_get_title (aftercare_session_get_massage_type (item->session),
                                                        aftercare_session_get_pressure (item->session));
  g_autofree char *ended = format_date (self, aftercare_session_get_ended_at (item->session));
  /* Translators: when a massage ended, beside its title on the report. */
  g_autofree char *note = g_strdup_printf (_("Ended %s"), ended);
  g_autofree char *recovery = aftercare_report_describe_recovery (item->session, item->moments);
  g_autofree char *bold = g_markup_printf_escaped ("<b>%s</b>", recovery);
  AftercareFlowBlock *block;

  aftercare_page_add_section_heading (self->context, flow, title, note);
  add_fields (self, flow, item);
  block = aftercare_flow_add_block (flow, 6, FALSE);
  aftercare_page_add_layout (block, markup_layout (self, AFTERCARE_PAGE_FONT_BODY,
                                                   aftercare_flow_get_content_width (flow), bold), 0, 0, INK);
  add_chart (self, flow, item);
  add_checkin_table (self, flow, item);
}

static void
add_pattern (AftercareReport *self,
             AftercareFlow   *flow)
{
  const char *heading = has_client (self) ? _("After earlier massages like these") : _("My own pattern");
  AftercareFlowBlock *block;

  if (!self->has_pattern || aftercare_pattern_summary_get_needed (&self->pattern) > 0)
    return;
  aftercare_page_add_section_heading (self->context, flow, heading, NULL);
  for (guint p = 0; p < AFTERCARE_N_PHASES; p++)
    {
      g_autofree char *line = aftercare_pattern_summary_describe_phase (&self->pattern, p);

      if (line == NULL)
        continue;
      block = aftercare_flow_add_block (flow, 3, FALSE);
      aftercare_page_add_layout (block, text_layout (self, AFTERCARE_PAGE_FONT_BODY,
                                                     aftercare_flow_get_content_width (flow), line), 0, 0, INK);
    }
}

static AftercareFlow *
build_flow (AftercareReport *self,
            double           width)
{
  AftercareFlow *flow = aftercare_flow_new (width);

  add_header (self, flow);
  add_in_short (self, flow);
  for (guint i = 0; i < self->items->len; i++)
    add_session (self, flow, g_ptr_array_index (self->items, i));
  add_pattern (self, flow);
  return flow;
}

static void
ensure_layout (AftercareReport *self,
               double           page_width,
               double           page_height)
{
  g_autofree char *head = NULL;

  if (self->context == NULL)
    self->context = aftercare_page_create_context ();
  if (self->pages == NULL || fabs (aftercare_pages_get_page_width (self->pages) - page_width) > 0.01)
    {
      g_clear_pointer (&self->pages, aftercare_pages_free);
      if (has_client (self))
        /* Translators: heads the report's second and later pages; %s is the client's name. */
        head = g_strdup_printf (_("How %s recovered (continued)"), self->client_name);
      else
        head = g_strdup (_("How I recovered (continued)"));
      self->pages = aftercare_pages_new (self->context,
                                         build_flow (self, page_width - 2 * AFTERCARE_PAGE_MARGIN_SIDE),
                                         page_width, head);
    }
  aftercare_pages_paginate (self->pages, page_height);
}

guint
aftercare_report_get_n_pages (AftercareReport *self,
                              double           page_width,
                              double           page_height)
{
  g_return_val_if_fail (AFTERCARE_IS_REPORT (self), 0);
  g_return_val_if_fail (page_width > 2 * AFTERCARE_PAGE_MARGIN_SIDE + 300 && page_height > 300, 0);

  ensure_layout (self, page_width, page_height);
  return aftercare_pages_paginate (self->pages, page_height);
}

void
aftercare_report_draw_page (AftercareReport *self,
                            cairo_t         *cr,
                            double           page_width,
                            double           page_height,
                            guint            page_nr)
{
  g_return_if_fail (AFTERCARE_IS_REPORT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page_nr < aftercare_report_get_n_pages (self, page_width, page_height));

  aftercare_pages_draw_page (self->pages, cr, page_nr);
}

gboolean
aftercare_report_write_pdf (AftercareReport *self,
                            const char      *path,
                            double           page_width,
                            double           page_height,
                            GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (AFTERCARE_IS_REPORT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  ensure_layout (self, page_width, page_height);
  if (aftercare_pages_write_pdf (self->pages, path, page_height, _("Report for the therapist"), &local_error))
    return TRUE;
  name = g_filename_display_name (path);
  g_set_error (error, AFTERCARE_REPORT_ERROR, AFTERCARE_REPORT_ERROR_WRITE,
               /* Translators: the first %s is a file name, the second why it failed. */
               _("Could not write the report to “%s”: %s"), name, local_error->message);
  return FALSE;
}

/* ---- Printable --------------------------------------------------------- */

static guint
printable_get_n_pages (AftercarePrintable *printable,
                       double              page_width,
                       double              page_height)
{
  return aftercare_report_get_n_pages (AFTERCARE_REPORT (printable), page_width, page_height);
}

static void
printable_draw_page (AftercarePrintable *printable,
                     cairo_t            *cr,
                     double              page_width,
                     double              page_height,
                     guint               page_nr)
{
  aftercare_report_draw_page (AFTERCARE_REPORT (printable), cr, page_width, page_height, page_nr);
}

static gboolean
printable_write_pdf (AftercarePrintable *printable,
                     const char         *path,
                     double              page_width,
                     double              page_height,
                     GError            **error)
{
  return aftercare_report_write_pdf (AFTERCARE_REPORT (printable), path, page_width, page_height, error);
}

static void
aftercare_report_printable_init (AftercarePrintableInterface *iface)
{
  iface->get_n_pages = printable_get_n_pages;
  iface->draw_page = printable_draw_page;
  iface->write_pdf = printable_write_pdf;
}
