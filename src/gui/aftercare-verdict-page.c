/* aftercare-verdict-page.c: the wizard's last step: a verdict with its reasons, what to do now and when to check again. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-verdict-page"

#include "config.h"

#include <glib/gi18n.h>

#include "aftercare-labels.h"
#include "aftercare-time.h"
#include "aftercare-timeline.h"
#include "aftercare-verdict-card.h"
#include "aftercare-verdict-page.h"
#include "aftercare-verdict-style.h"

struct _AftercareVerdictPage
{
  GtkWidget parent_instance;

  GtkScrolledWindow *scroller;
  GtkWidget *warning_card;
  GtkLabel *warning_title;
  GtkLabel *warning_text;
  GtkImage *verdict_icon;
  GtkLabel *headline;
  GtkLabel *run_after_label;
  GtkLabel *description_label;
  GtkListBox *reasons_list;
  GtkLabel *phase_label;
  GtkLabel *advice_label;
  GtkLabel *recheck_label;
  GtkLabel *disclaimer_label;

  AftercareSession *session;
  AftercareAssessment *assessment;
  AftercarePlannedRun planned_run;
  GDateTime *now;
  gboolean clock_24h;
};

G_DEFINE_FINAL_TYPE (AftercareVerdictPage, aftercare_verdict_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ASSESSMENT,
  PROP_CLOCK_24H,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
format_clock (AftercareVerdictPage *self,
              GDateTime            *time)
{
  g_autoptr(GDateTime) local_time = g_date_time_to_local (time);
  g_autoptr(GDateTime) local_now = g_date_time_to_local (self->now);

  return aftercare_time_format_clock (local_time, local_now, self->clock_24h);
}

static void
set_verdict_style (AftercareVerdictPage *self,
                   AftercareVerdict      verdict)
{
  GtkWidget *styled[] = { GTK_WIDGET (self->verdict_icon), GTK_WIDGET (self->headline) };

  for (guint i = 0; i < G_N_ELEMENTS (styled); i++)
    aftercare_verdict_apply_style (styled[i], verdict);
  gtk_image_set_from_icon_name (self->verdict_icon, aftercare_verdict_get_icon_name (verdict));
}

static void
show_warning_signs (AftercareVerdictPage *self,
                    AftercareSymptoms     red_flags)
{
  guint n = 0;
  g_autofree char *phrase = aftercare_symptoms_to_phrase (red_flags);
  /* Translators: %s lists warning signs, "sharp pain and numbness". */
  g_autofree char *text = g_strdup_printf (_("You reported %s. That is not the usual soreness after a massage."),
                                           phrase);

  for (int bit = -1; (bit = g_bit_nth_lsf (red_flags, bit)) >= 0; )
    n++;
  gtk_widget_set_visible (self->warning_card, n > 0);
  gtk_label_set_label (self->warning_title, ngettext ("Warning Sign", "Warning Signs", n));
  gtk_label_set_label (self->warning_text, text);
}

/* The card's words come from the core (aftercare-verdict-card.h): the
 * same on the session page and the sheet. */
static void
show_headline (AftercareVerdictPage *self)
{
  g_autoptr(GDateTime) local_now = g_date_time_to_local (self->now);
  g_autoptr(AftercareVerdictCard) card = aftercare_verdict_card_new (self->assessment, local_now,
                                                                     self->clock_24h);

  set_verdict_style (self, card->verdict);
  gtk_label_set_label (self->headline, card->headline);
  gtk_label_set_label (self->description_label, card->description);
  gtk_widget_set_visible (GTK_WIDGET (self->run_after_label), card->times != NULL);
  gtk_label_set_label (self->run_after_label, card->times != NULL ? card->times : "");
}

static GtkWidget *
reason_row_new (const char *reason)
{
  GtkWidget *label = gtk_label_new (reason);
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "reason");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  return row;
}

static void
show_reasons (AftercareVerdictPage *self)
{
  const char * const *reasons = aftercare_assessment_get_reasons (self->assessment);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->reasons_list))) != NULL)
    gtk_list_box_remove (self->reasons_list, child);
  for (guint i = 0; reasons != NULL && reasons[i] != NULL; i++)
    gtk_list_box_append (self->reasons_list, reason_row_new (reasons[i]));
}

static void
show_next_steps (AftercareVerdictPage *self)
{
  AftercarePhase phase = aftercare_assessment_get_phase (self->assessment);
  g_autoptr(GDateTime) boundary = NULL;
  g_autofree char *recheck = format_clock (self, aftercare_assessment_get_recheck_at (self->assessment));

  boundary = aftercare_timeline_next_boundary (aftercare_session_get_ended_at (self->session), self->now);
  if (boundary != NULL)
    {
      g_autofree char *until = format_clock (self, boundary);
      /* Translators: a recovery phase and when it ends, e.g. "Settling, until 22:00". */
      g_autofree char *text = g_strdup_printf (_("%s, until %s"), aftercare_phase_get_title (phase), until);

      gtk_label_set_label (self->phase_label, text);
    }
  else
    gtk_label_set_label (self->phase_label, aftercare_phase_get_title (phase));
  gtk_label_set_label (self->advice_label, aftercare_assessment_get_advice (self->assessment));
  gtk_label_set_label (self->recheck_label, recheck);
}

static void
refresh (AftercareVerdictPage *self)
{
  if (self->assessment == NULL)
    return;
  show_warning_signs (self, aftercare_assessment_get_red_flags (self->assessment));
  show_headline (self);
  show_reasons (self);
  show_next_steps (self);
}

static void
aftercare_verdict_page_dispose (GObject *object)
{
  AftercareVerdictPage *self = AFTERCARE_VERDICT_PAGE (object);

  g_clear_object (&self->session);
  g_clear_object (&self->assessment);
  g_clear_pointer (&self->now, g_date_time_unref);
  gtk_widget_dispose_template (GTK_WIDGET (object), AFTERCARE_TYPE_VERDICT_PAGE);
  G_OBJECT_CLASS (aftercare_verdict_page_parent_class)->dispose (object);
}

static void
aftercare_verdict_page_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  AftercareVerdictPage *self = AFTERCARE_VERDICT_PAGE (object);

  switch (prop_id)
    {
    case PROP_ASSESSMENT: g_value_set_object (value, self->assessment); break;
    case PROP_CLOCK_24H: g_value_set_boolean (value, self->clock_24h); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aftercare_verdict_page_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  AftercareVerdictPage *self = AFTERCARE_VERDICT_PAGE (object);

  switch (prop_id)
    {
    case PROP_CLOCK_24H: aftercare_verdict_page_set_clock_24h (self, g_value_get_boolean (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aftercare_verdict_page_class_init (AftercareVerdictPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aftercare_verdict_page_dispose;
  object_class->get_property = aftercare_verdict_page_get_property;
  object_class->set_property = aftercare_verdict_page_set_property;

  properties[PROP_ASSESSMENT] =
    g_param_spec_object ("assessment", NULL, NULL, AFTERCARE_TYPE_ASSESSMENT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLOCK_24H] =
    g_param_spec_boolean ("clock-24h", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/aftercare-verdict-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AftercareVerdictPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, AftercareVerdictPage, warning_card);
  gtk_widget_class_bind_template_child (widget_class, AftercareVerdictPage, warning_title);
  gtk_widget_class_bind_template_child (widget_class, AftercareVerdictPage, warning_text);
  gtk_widget_class_bind_template_child (widget_class, AftercareVerdictPage, verdict_icon);
  gtk_widget_class_bind_template_child (widget_class, AftercareVerdictPage, headline);
  gtk_widget_class_bind_template_child (widget_class, AftercareVerdictPage, run_after_label);
  gtk_widget_class_bind_template_child (widget_class, AftercareVerdictPage, description_label);
  gtk_widget_class_bind_template_child (widget_class, AftercareVerdictPage, reasons_list);
  gtk_widget_class_bind_template_child (widget_class, AftercareVerdictPage, phase_label);
  gtk_widget_class_bind_template_child (widget_class, AftercareVerdictPage, advice_label);
  gtk_widget_class_bind_template_child (widget_class, AftercareVerdictPage, recheck_label);
  gtk_widget_class_bind_template_child (widget_class, AftercareVerdictPage, disclaimer_label);
  gtk_widget_class_set_css_name (widget_class, "verdictpage");
}

static void
aftercare_verdict_page_init (AftercareVerdictPage *self)
{
  self->clock_24h = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_label_set_label (self->disclaimer_label, aftercare_disclaimer ());
}

GtkWidget *
aftercare_verdict_page_new (void)
{
  return g_object_new (AFTERCARE_TYPE_VERDICT_PAGE, NULL);
}

void
aftercare_verdict_page_show (AftercareVerdictPage *self,
                             AftercareSession     *session,
                             AftercareAssessment  *assessment,
                             AftercarePlannedRun   planned_run,
                             GDateTime            *now)
{
  GtkAdjustment *vadjustment;

  g_return_if_fail (AFTERCARE_IS_VERDICT_PAGE (self));
  g_return_if_fail (AFTERCARE_IS_SESSION (session));
  g_return_if_fail (AFTERCARE_IS_ASSESSMENT (assessment));
  g_return_if_fail (now != NULL);

  g_set_object (&self->session, session);
  g_set_object (&self->assessment, assessment);
  self->planned_run = planned_run;
  g_clear_pointer (&self->now, g_date_time_unref);
  self->now = g_date_time_ref (now);
  refresh (self);
  /* A new verdict is read from its top, warning signs first. */
  vadjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_lower (vadjustment));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ASSESSMENT]);
}

AftercareAssessment *
aftercare_verdict_page_get_assessment (AftercareVerdictPage *self)
{
  g_return_val_if_fail (AFTERCARE_IS_VERDICT_PAGE (self), NULL);
  return self->assessment;
}

gboolean
aftercare_verdict_page_get_clock_24h (AftercareVerdictPage *self)
{
  g_return_val_if_fail (AFTERCARE_IS_VERDICT_PAGE (self), TRUE);
  return self->clock_24h;
}

void
aftercare_verdict_page_set_clock_24h (AftercareVerdictPage *self,
                                      gboolean              clock_24h)
{
  g_return_if_fail (AFTERCARE_IS_VERDICT_PAGE (self));

  clock_24h = !!clock_24h;
  if (self->clock_24h == clock_24h)
    return;
  self->clock_24h = clock_24h;
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLOCK_24H]);
}

AftercareSession *
aftercare_verdict_page_get_session (AftercareVerdictPage *self)
{
  g_return_val_if_fail (AFTERCARE_IS_VERDICT_PAGE (self), NULL);
  return self->session;
}

AftercarePlannedRun
aftercare_verdict_page_get_planned_run (AftercareVerdictPage *self)
{
  g_return_val_if_fail (AFTERCARE_IS_VERDICT_PAGE (self), AFTERCARE_PLANNED_RUN_EASY);
  return self->planned_run;
}

GDateTime *
aftercare_verdict_page_get_now (AftercareVerdictPage *self)
{
  g_return_val_if_fail (AFTERCARE_IS_VERDICT_PAGE (self), NULL);
  return self->now;
}

void
aftercare_verdict_page_scroll (AftercareVerdictPage *self,
                               int                   pages)
{
  GtkAdjustment *adjustment;
  double top, value;

  g_return_if_fail (AFTERCARE_IS_VERDICT_PAGE (self));
  adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  top = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);
  value = gtk_adjustment_get_value (adjustment) + pages * gtk_adjustment_get_page_increment (adjustment);
  gtk_adjustment_set_value (adjustment, CLAMP (value, gtk_adjustment_get_lower (adjustment), MAX (top, 0)));
}
