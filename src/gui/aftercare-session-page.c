/* aftercare-session-page.c: one massage: the verdict for now, the recovery timeline, what to do, the check-ins. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-session-page"

#include "config.h"

#include <glib/gi18n.h>

#include "aftercare-advisor.h"
#include "aftercare-after-frame.h"
#include "aftercare-catalog.h"
#include "aftercare-checkin-dialog.h"
#include "aftercare-labels.h"
#include "aftercare-reminder-service.h"
#include "aftercare-session-assess.h"
#include "aftercare-session-pattern.h"
#include "aftercare-session-report.h"
#include "aftercare-sheet-print.h"
#include "aftercare-session-page.h"
#include "aftercare-time.h"
#include "aftercare-timeline.h"
#include "aftercare-undo.h"
#include "aftercare-verdict-card.h"
#include "aftercare-verdict-style.h"
#include "aftercare-clinic-mode.h"

#include <adwaita.h>

/* The "now" line moves about a pixel in ten minutes on a wide window. */
#define NOW_TICK_SECONDS (5 * 60)
/* A page filled this recently needs no catching up when it comes on screen. */
#define FRESH_USEC G_USEC_PER_SEC

struct _AftercareSessionPage
{
  GtkBox parent_instance;

  /* The catch-up due once the page is on screen (see map). */
  guint refresh_on_map_id;
  gint64 refreshed_at;          /* monotonic time of the last refresh */
  char *next_checkin;           /* when the next check-in is due, as shown; NULL: none */
  /* The frame after which the groups below the fold are shown (see map). */
  AftercareAfterFrame below_fold_wait;

  AdwWindowTitle *window_title;
  GtkWidget *back_button;
  GtkWidget *check_in_button;
  GtkWidget *print_button;
  GtkScrolledWindow *scroller;
  GtkWidget *heading_box;
  GtkLabel *heading_title;
  GtkLabel *heading_subtitle;
  GtkWidget *verdict_card;
  GtkImage *verdict_icon;
  GtkLabel *verdict_title;
  GtkLabel *verdict_description;
  GtkLabel *run_after_label;
  GtkLabel *last_checkin_label;
  GtkWidget *why_label;
  GtkBox *reasons_box;
  GtkWidget *assess_button;
  AftercareTimelineView *timeline;
  GtkLabel *pattern_caption;
  GtkWidget *below_fold;
  GtkWidget *advice_group;
  AdwActionRow *phase_row;
  AdwActionRow *next_checkin_row;
  GtkListBox *checkins_list;
  AdwActionRow *duration_row;
  AdwActionRow *first_time_row;
  AdwActionRow *areas_row;
  AdwActionRow *client_row;
  AdwActionRow *history_row;
  AdwActionRow *therapist_row;
  AdwActionRow *notes_row;
  GtkLabel *disclaimer_label;

  AftercareStore *store;
  AftercareClock *clock;
  AftercareSession *session;
  AftercareAssessment *assessment;
  guint boundary_id;
  guint tick_id;
  AftercareReminderService *reminders;  /* the application's, once mapped */
};

G_DEFINE_FINAL_TYPE (AftercareSessionPage, aftercare_session_page, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_SHOW_BACK_BUTTON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void refresh (AftercareSessionPage *self);

/* ---- The verdict ------------------------------------------------------- */

static void
show_reasons (AftercareSessionPage *self)
{
  const char * const *reasons = self->assessment != NULL ? aftercare_assessment_get_reasons (self->assessment)
                                                         : NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->reasons_box))) != NULL)
    gtk_box_remove (self->reasons_box, child);
  for (guint i = 0; reasons != NULL && reasons[i] != NULL; i++)
    {
      /* Translators: one reason for the verdict, as an item of a list. */
      g_autofree char *text = g_strdup_printf (_("• %s"), reasons[i]);
      GtkWidget *label = gtk_label_new (text);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_box_append (self->reasons_box, label);
    }
  gtk_widget_set_visible (self->why_label, reasons != NULL && reasons[0] != NULL);
}

/* The card's colour and icon: the verdict's, or neutral for a recovered
 * session and for no verdict at all. */
static void
set_card_style (AftercareSessionPage *self,
                gboolean              neutral,
                AftercareVerdict      verdict,
                const char           *icon_name)
{
  GtkWidget *styled[] = { self->verdict_card, GTK_WIDGET (self->verdict_icon) };

  for (guint i = 0; i < G_N_ELEMENTS (styled); i++)
    {
      if (neutral)
        aftercare_verdict_apply_neutral_style (styled[i]);
      else
        aftercare_verdict_apply_style (styled[i], verdict);
    }
  gtk_image_set_from_icon_name (self->verdict_icon, icon_name);
}

static void
show_label (GtkLabel   *label,
            const char *text)
{
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL);
  gtk_label_set_label (label, text != NULL ? text : "");
}

/* The card's words come from the core (aftercare-verdict-card.h): the
 * same on the page, in the wizard and on the sheet. */
static void
show_verdict (AftercareSessionPage *self,
              AftercareVerdictCard *card)
{
  set_card_style (self, card->recovered, card->verdict, aftercare_verdict_get_icon_name (card->verdict));
  gtk_label_set_label (self->verdict_title, card->headline);
  show_label (self->run_after_label, card->times);
  show_label (self->verdict_description, card->description);
  show_label (self->last_checkin_label, card->last_checkin);
  show_reasons (self);
}

/* No verdict: the check-ins could not be read, and guessing without them
 * would read as "nothing reported" (aftercare-session-assess.h). */
static void
show_no_verdict (AftercareSessionPage *self,
                 const GError         *error)
{
  set_card_style (self, TRUE, AFTERCARE_VERDICT_TRAIN, "dialog-warning-symbolic");
  /* Translators: the session page's headline when its check-ins could not be read. */
  gtk_label_set_label (self->verdict_title, _("No verdict for now"));
  show_label (self->run_after_label, NULL);
  show_label (self->verdict_description, error->message);
  show_label (self->last_checkin_label, _("A verdict needs your check-ins. Try again in a moment."));
  show_reasons (self);
  gtk_widget_set_visible (self->advice_group, FALSE);
}

/* "tomorrow 08:00" reads on its own as "Tomorrow 08:00". */
static char *
capitalize (const char *text)
{
  gunichar first = g_utf8_get_char (text);
  char head[8] = { 0 };

  g_unichar_to_utf8 (g_unichar_totitle (first), head);
  return g_strconcat (head, g_utf8_next_char (text), NULL);
}

/* When the reminder about this session comes ("Reminder tomorrow 07:00"), or NULL. */
static char *
next_reminder_text (AftercareSessionPage *self)
{
  GDateTime *next;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *when = NULL;

  if (self->reminders == NULL || self->session == NULL)
    return NULL;
  next = aftercare_reminder_service_get_next (self->reminders, aftercare_session_get_id (self->session));
  if (next == NULL)
    return NULL;
  now = aftercare_clock_get_now (self->clock);
  when = aftercare_time_format_clock (next, now, aftercare_clock_get_24h (self->clock));
  /* Translators: when the check-in reminder comes: "Reminder 18:00", "Reminder tomorrow 07:00". */
  return g_strdup_printf (_("Reminder %s"), when);
}

/* The next check-in, and when its reminder comes. */
static void
show_next_checkin (AftercareSessionPage *self)
{
  g_autofree char *reminder = NULL;
  g_autofree char *both = NULL;

  if (self->next_checkin == NULL)
    return;
  reminder = next_reminder_text (self);
  /* Translators: the next check-in, then when its reminder comes: "18:00 · Reminder at 18:00". */
  both = reminder != NULL ? g_strdup_printf (_("%s · %s"), self->next_checkin, reminder) : NULL;
  adw_action_row_set_subtitle (self->next_checkin_row, both != NULL ? both : self->next_checkin);
}

/* What to do now, worded for the verdict; no next check-in once recovered. */
static void
show_phase (AftercareSessionPage *self,
            AftercareVerdictCard *card)
{
  AftercarePhase phase = aftercare_assessment_get_phase (self->assessment);

  gtk_widget_set_visible (self->advice_group, TRUE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->phase_row), aftercare_phase_get_title (phase));
  adw_action_row_set_subtitle (self->phase_row, aftercare_assessment_get_advice (self->assessment));
  gtk_widget_set_visible (GTK_WIDGET (self->next_checkin_row), card->next_checkin != NULL);
  g_free (self->next_checkin);
  self->next_checkin = card->next_checkin != NULL ? capitalize (card->next_checkin) : NULL;
  show_next_checkin (self);
}

/* ---- Check-ins ---------------------------------------------------------- */

static GtkWidget *
create_checkin_row (AftercareSessionPage *self,
                    AftercareCheckin     *checkin,
                    GDateTime            *now)
{
  GtkWidget *row = adw_action_row_new ();
  GDateTime *at = aftercare_checkin_get_at (checkin);
  guint soreness = aftercare_checkin_get_soreness (checkin);
  g_autofree char *when = aftercare_time_format_day_and_time (at, now, aftercare_clock_get_24h (self->clock));
  g_autofree char *after = aftercare_time_format_hours_after (
    aftercare_time_hours_between (aftercare_session_get_ended_at (self->session), at));
  g_autofree char *symptoms = aftercare_symptoms_to_list (aftercare_checkin_get_symptoms (checkin));
  const char *notes = aftercare_checkin_get_notes (checkin);
  g_autoptr(GString) subtitle = g_string_new (NULL);
  /* Translators: a check-in's title, "Tue 24 Nov, 16:00 · 6 hours after". */
  g_autofree char *title = g_strdup_printf (_("%s · %s"), when, after);

  /* Translators: "Soreness 4/10, Above mild". */
  g_string_append_printf (subtitle, _("Soreness %u/10, %s"), soreness, aftercare_soreness_get_band (soreness));
  if (symptoms != NULL)
    g_string_append_printf (subtitle, "\n%s", symptoms);
  if (notes != NULL && *notes != '\0')
    g_string_append_printf (subtitle, "\n“%s”", notes);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("document-edit-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, _("Edit This Check-In"));
  g_object_set_data_full (G_OBJECT (row), "checkin", g_object_ref (checkin), g_object_unref);
  return row;
}

static GtkWidget *
create_message_row (const char *title,
                    const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

/* checkins: NULL when they could not be read. */
static void
show_checkins (AftercareSessionPage *self,
               GPtrArray            *checkins,
               GDateTime            *now)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->checkins_list))) != NULL)
    gtk_list_box_remove (self->checkins_list, child);
  if (checkins == NULL)
    {
      gtk_list_box_append (self->checkins_list,
                           create_message_row (_("Could not read the check-ins"),
                                               _("They are still stored; try again in a moment.")));
      return;
    }
  if (checkins->len == 0)
    {
      gtk_list_box_append (self->checkins_list,
                           create_message_row (_("No check-ins yet"),
                                               _("Check in to tell how you feel; the verdict takes it into account.")));
      return;
    }
  /* Newest first: the latest is how you feel now. */
  for (guint i = checkins->len; i-- > 0; )
    gtk_list_box_append (self->checkins_list, create_checkin_row (self, g_ptr_array_index (checkins, i), now));
}

/* ---- The massage itself ------------------------------------------------- */

static void
show_detail (AdwActionRow *row,
             const char   *value)
{
  gboolean has_value = value != NULL && *value != '\0';

  gtk_widget_set_visible (GTK_WIDGET (row), has_value);
  if (has_value)
    adw_action_row_set_subtitle (row, value);
}

/* "Other massages of Robin Lee (3)", for a named client with others, and
 * never while the desk is locked. */
static void
show_history (AftercareSessionPage *self)
{
  const char *client = aftercare_session_get_client (self->session);
  g_autoptr(GPtrArray) history = NULL;
  g_autofree char *title = NULL;
  g_autofree char *name = NULL;
  guint others;

  gtk_widget_set_visible (GTK_WIDGET (self->history_row), FALSE);
  if (aftercare_pattern_same_client (client, "") || aftercare_clinic_mode_records_locked (GTK_WIDGET (self)))
    return;
  history = aftercare_store_list_client (self->store, client, NULL);
  if (history == NULL)
    return;
  others = history->len > 0 ? history->len - 1 : 0;
  if (others == 0)
    return;
  name = g_strstrip (g_strdup (client));
  /* Translators: leads to a client's other massages; %s is the client's name, %u how many. */
  title = g_strdup_printf (ngettext ("Other massage of %s (%u)", "Other massages of %s (%u)", others), name, others);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->history_row), title);
  gtk_widget_set_visible (GTK_WIDGET (self->history_row), TRUE);
}

static void
show_details (AftercareSessionPage *self,
              GDateTime            *now)
{
  AftercareSession *s = self->session;
  guint minutes = aftercare_session_get_duration_minutes (s);
  g_autofree char *title = aftercare_massage_get_title (aftercare_session_get_massage_type (s),
                                                           aftercare_session_get_pressure (s));
  g_autofree char *ended = aftercare_time_format_day_and_time (aftercare_session_get_ended_at (s), now,
                                                          aftercare_clock_get_24h (self->clock));
  /* Translators: when the massage ended, under its title. */
  g_autofree char *subtitle = g_strdup_printf (_("Ended %s"), ended);
  g_autofree char *duration = g_strdup_printf (ngettext ("%u minute", "%u minutes", minutes), minutes);
  g_autofree char *areas = aftercare_areas_to_list (aftercare_session_get_areas (s));

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_label_set_label (self->heading_title, title);
  gtk_label_set_label (self->heading_subtitle, subtitle);
  show_detail (self->duration_row, minutes > 0 ? duration : NULL);
  show_detail (self->first_time_row, aftercare_session_get_first_time (s) ? _("Yes") : NULL);
  show_detail (self->areas_row, areas);
  show_detail (self->client_row, aftercare_session_get_client (s));
  /* The client's other massages: a look through up to 2,000 sessions, for
   * a row below the fold. Until that is shown, it waits (see map). */
  if (gtk_widget_get_visible (self->below_fold))
    show_history (self);
  show_detail (self->therapist_row, aftercare_session_get_therapist (s));
  show_detail (self->notes_row, aftercare_session_get_notes (s));
}

/* ---- Keeping it current ------------------------------------------------- */

static void
boundary_passed_cb (gpointer data)
{
  AftercareSessionPage *self = data;

  self->boundary_id = 0;
  refresh (self);
}

static gboolean
now_tick_cb (gpointer data)
{
  AftercareSessionPage *self = data;

  refresh (self);
  return G_SOURCE_CONTINUE;
}

static void
schedule_refresh (AftercareSessionPage *self,
                  GDateTime            *now)
{
  g_autoptr(GDateTime) boundary = NULL;

  g_clear_handle_id (&self->boundary_id, g_source_remove);
  boundary = aftercare_timeline_next_boundary (aftercare_session_get_ended_at (self->session), now);
  /* The verdict changes only when a phase ends: wake exactly then. */
  if (boundary != NULL)
    self->boundary_id = aftercare_clock_call_at (self->clock, boundary, boundary_passed_cb, self);
  if (self->tick_id == 0)
    self->tick_id = g_timeout_add_seconds (NOW_TICK_SECONDS, now_tick_cb, self);
}

static void
stop_refreshing (AftercareSessionPage *self)
{
  g_clear_handle_id (&self->boundary_id, g_source_remove);
  g_clear_handle_id (&self->tick_id, g_source_remove);
}

/* Your own pattern beside the usual band: in clinic mode the client's
 * alone, only for unlocked staff, and none for a session with no client. */
static void
show_pattern (AftercareSessionPage *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean per_client = aftercare_clinic_mode_per_client (widget);
  const char *client = aftercare_session_get_client (self->session);
  AftercarePatternSummary summary;
  g_autoptr(GError) error = NULL;

  g_autofree char *caption = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->pattern_caption), FALSE);
  aftercare_timeline_view_set_pattern (self->timeline, NULL);
  if (aftercare_clinic_mode_records_locked (widget) ||
      (per_client && aftercare_pattern_same_client (client, "")))
    return;
  if (!aftercare_session_pattern (self->store, self->session, per_client, &summary, &error))
    {
      g_message ("No pattern for %s: %s", aftercare_session_get_id (self->session), error->message);
      return;
    }
  aftercare_timeline_view_set_pattern (self->timeline, &summary);
  /* Yours, or how many more massages it needs: "You, after … from 6 massages." */
  caption = aftercare_pattern_summary_describe (&summary, per_client ? client : NULL);
  if (aftercare_pattern_summary_get_needed (&summary) == 0)
    {
      char *more = g_strdup_printf ("%s %s", caption,
                                    _("The dashed boxes are yours: from your lowest to your highest soreness in "
                                      "each phase after earlier massages like this, with a line at your usual."));
      g_free (caption);
      caption = more;
    }
  gtk_label_set_label (self->pattern_caption, caption);
  gtk_widget_set_visible (GTK_WIDGET (self->pattern_caption), TRUE);
}

static void
show_timeline (AftercareSessionPage *self,
               GPtrArray            *checkins,
               GDateTime            *now)
{
  aftercare_timeline_view_set_session (self->timeline, self->session);
  aftercare_timeline_view_set_assessment (self->timeline, self->assessment);
  aftercare_timeline_view_set_clock_24h (self->timeline, aftercare_clock_get_24h (self->clock));
  aftercare_timeline_view_set_checkins (self->timeline, checkins);
  aftercare_timeline_view_set_now (self->timeline, now);
  show_pattern (self);
}

static void
refresh (AftercareSessionPage *self)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) local_now = NULL;
  g_autoptr(GPtrArray) checkins = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AftercareVerdictCard) card = NULL;

  if (self->session == NULL || self->store == NULL)
    {
      stop_refreshing (self);
      g_clear_object (&self->assessment);
      aftercare_timeline_view_set_assessment (self->timeline, NULL);
      aftercare_timeline_view_set_session (self->timeline, NULL);
      return;
    }

  self->refreshed_at = g_get_monotonic_time ();
  now = aftercare_clock_get_now (self->clock);
  local_now = g_date_time_to_local (now);
  g_clear_object (&self->assessment);
  self->assessment = aftercare_session_assess (self->store, self->session, NULL, AFTERCARE_PLANNED_RUN_EASY,
                                               now, &checkins, &error);
  show_details (self, now);
  if (self->assessment == NULL)
    {
      g_warning ("No verdict for %s: %s", aftercare_session_get_id (self->session), error->message);
      show_no_verdict (self, error);
    }
  else
    {
      card = aftercare_verdict_card_new (self->assessment, local_now, aftercare_clock_get_24h (self->clock));
      show_verdict (self, card);
      show_phase (self, card);
    }
  show_checkins (self, checkins, now);
  show_timeline (self, checkins, now);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    schedule_refresh (self, now);
}

static void
checkins_changed_cb (AftercareStore       *store,
                     const char           *session_id,
                     AftercareSessionPage *self)
{
  if (self->session != NULL && g_strcmp0 (session_id, aftercare_session_get_id (self->session)) == 0)
    refresh (self);
}

/* ---- Actions ------------------------------------------------------------ */

typedef struct {
  AftercareStore *store;
  AftercareCheckin *checkin;
} UndoCheckin;

static void
undo_checkin_free (gpointer data)
{
  UndoCheckin *undo = data;

  g_object_unref (undo->store);
  g_object_unref (undo->checkin);
  g_free (undo);
}

static gboolean
undo_checkin_cb (gpointer   data,
                 GError   **error)
{
  UndoCheckin *undo = data;

  return aftercare_store_add_checkin (undo->store, undo->checkin, error);
}

static void
checkin_deleted_cb (AftercareCheckinDialog *dialog,
                    AftercareCheckin       *checkin,
                    AftercareSessionPage   *self)
{
  AftercareUndo *offer = aftercare_undo_get_for_widget (GTK_WIDGET (self));
  g_autoptr(GDateTime) now = aftercare_clock_get_now (self->clock);
  g_autofree char *when = NULL;
  g_autofree char *title = NULL;
  UndoCheckin *undo;

  if (offer == NULL)
    return;
  when = aftercare_time_format_day_and_time (aftercare_checkin_get_at (checkin), now,
                                             aftercare_clock_get_24h (self->clock));
  /* Translators: a toast after deleting a check-in: its day and time, "Check-in of Mon 7 Dec, 16:35 deleted". */
  title = g_strdup_printf (_("Check-in of %s deleted"), when);
  undo = g_new0 (UndoCheckin, 1);
  undo->store = g_object_ref (self->store);
  undo->checkin = g_object_ref (checkin);
  aftercare_undo_offer (offer, title, undo_checkin_cb, undo, undo_checkin_free);
}

static void
open_checkin_dialog (AftercareSessionPage *self,
                     AftercareCheckin     *checkin)
{
  AftercareCheckinDialog *dialog = aftercare_checkin_dialog_new (self->store, self->clock, self->session, checkin);

  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  g_signal_connect_object (dialog, "deleted", G_CALLBACK (checkin_deleted_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
checkin_row_activated_cb (AftercareSessionPage *self,
                          GtkListBoxRow        *row)
{
  AftercareCheckin *checkin = g_object_get_data (G_OBJECT (row), "checkin");

  if (checkin != NULL)
    open_checkin_dialog (self, checkin);
}

static void
check_in_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  AftercareSessionPage *self = AFTERCARE_SESSION_PAGE (widget);

  g_return_if_fail (self->session != NULL);
  if (aftercare_clinic_mode_records_locked (widget))
    return;
  open_checkin_dialog (self, NULL);
}

/* The report for the therapist, on this massage alone (parameter 1) or on
 * it and the ones of its kind before it: printed, or saved as PDF. In
 * clinic mode only for unlocked staff, and on the client's massages. */
static void
report_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AftercareSessionPage *self = AFTERCARE_SESSION_PAGE (widget);
  AdwToastOverlay *toasts = ADW_TOAST_OVERLAY (gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY));
  GtkWindow *parent = GTK_WINDOW (gtk_widget_get_root (widget));
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) local_now = NULL;
  g_autoptr(AftercareReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  g_return_if_fail (self->session != NULL && self->store != NULL);
  if (aftercare_clinic_mode_records_locked (widget))
    return;
  now = aftercare_clock_get_now (self->clock);
  local_now = g_date_time_to_local (now);
  report = aftercare_session_report_new (self->store, self->session, g_variant_get_uint32 (parameter),
                                         aftercare_clinic_mode_per_client (widget), local_now,
                                         aftercare_clock_get_24h (self->clock), &error);
  if (report == NULL)
    {
      if (toasts != NULL)
        adw_toast_overlay_add_toast (toasts, adw_toast_new (error->message));
      return;
    }
  name = aftercare_report_get_name (report);
  if (g_str_equal (action_name, "session.print-report"))
    aftercare_printable_print (AFTERCARE_PRINTABLE (report), name, parent, toasts);
  else
    aftercare_printable_save_as_pdf (AFTERCARE_PRINTABLE (report), name, _("Save Report for the Therapist"),
                                     parent, toasts, NULL);
}

static void
forward_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AftercareSessionPage *self = AFTERCARE_SESSION_PAGE (widget);
  const char *target = g_str_equal (action_name, "session.edit") ? "sessions.edit" : "sessions.delete";

  g_return_if_fail (self->session != NULL);
  gtk_widget_activate_action (widget, target, "s", aftercare_session_get_id (self->session));
}

/* The client's history, in the sessions list (the view's). */
static void
show_client_history_action_cb (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  AftercareSessionPage *self = AFTERCARE_SESSION_PAGE (widget);

  g_return_if_fail (self->session != NULL);
  if (aftercare_clinic_mode_records_locked (widget))
    return;
  gtk_widget_activate_action (widget, "sessions.show-client", "s", aftercare_session_get_client (self->session));
}

/* "Can I Run?" for this massage: the wizard, with it picked (the window's). */
static void
assess_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AftercareSessionPage *self = AFTERCARE_SESSION_PAGE (widget);

  g_return_if_fail (self->session != NULL);
  gtk_widget_activate_action (widget, "win.assess-session", "s", aftercare_session_get_id (self->session));
}

static void
update_actions (AftercareSessionPage *self)
{
  gboolean has_session = self->session != NULL && self->store != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.assess", has_session);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.check-in", has_session);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.edit", has_session);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.delete", has_session);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.print-report", has_session);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.save-report-pdf", has_session);
}

/* ---- GObject ------------------------------------------------------------ */

static void
aftercare_session_page_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  AftercareSessionPage *self = AFTERCARE_SESSION_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_SHOW_BACK_BUTTON:
      g_value_set_boolean (value, gtk_widget_get_visible (self->back_button));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aftercare_session_page_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  AftercareSessionPage *self = AFTERCARE_SESSION_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      aftercare_session_page_set_session (self, g_value_get_object (value));
      break;
    case PROP_SHOW_BACK_BUTTON:
      aftercare_session_page_set_show_back_button (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
refresh_on_map_cb (gpointer data)
{
  AftercareSessionPage *self = data;

  self->refresh_on_map_id = 0;
  refresh (self);
}

/* The reminders say when theirs comes, beside the next check-in: the
 * application's service, once the page is in one of its windows. TRUE if
 * it was found just now. */
static gboolean
watch_reminders (AftercareSessionPage *self)
{
  AftercareReminderService *reminders = aftercare_reminder_service_get_for_widget (GTK_WIDGET (self));

  if (self->reminders != NULL || reminders == NULL)
    return FALSE;
  self->reminders = g_object_ref (reminders);
  /* Only when the reminder comes changes: the service tells of every
   * look it takes, several while the window opens. */
  g_signal_connect_object (self->reminders, "changed", G_CALLBACK (show_next_checkin), self, G_CONNECT_SWAPPED);
  return TRUE;
}

static void
show_below_fold (gpointer data)
{
  AftercareSessionPage *self = data;

  if (self->session != NULL && self->store != NULL)
    show_history (self);
  gtk_widget_set_visible (self->below_fold, TRUE);
}

/* The icons below the fold, asked for before the first frame: GTK reads
 * them in its worker threads beside those on screen, and a worker that
 * read one only after that frame would wake again half a second later. */
static void
preload_icons (GtkWidget    *widget,
               GtkIconTheme *theme)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_IMAGE (child) && gtk_image_get_storage_type (GTK_IMAGE (child)) == GTK_IMAGE_ICON_NAME)
        {
          g_autoptr(GIcon) icon = g_themed_icon_new (gtk_image_get_icon_name (GTK_IMAGE (child)));
          int size = gtk_image_get_pixel_size (GTK_IMAGE (child));

          /* Asked for as GtkImage asks, or it is another icon to GTK. */
          g_object_unref (gtk_icon_theme_lookup_by_gicon (theme, icon, size > 0 ? size : 16,
                                                          gtk_widget_get_scale_factor (child),
                                                          gtk_widget_get_direction (child), GTK_ICON_LOOKUP_PRELOAD));
        }
      preload_icons (child, theme);
    }
}

static void
aftercare_session_page_map (GtkWidget *widget)
{
  AftercareSessionPage *self = AFTERCARE_SESSION_PAGE (widget);
  gboolean fresh = g_get_monotonic_time () - self->refreshed_at < FRESH_USEC;

  GTK_WIDGET_CLASS (aftercare_session_page_parent_class)->map (widget);
  /* The first frame holds what fits on screen: the verdict and the
   * timeline. What to do, the check-ins and the details below them cost a
   * fifth of the window's first frame to lay out, so they follow it, once:
   * nothing on screen moves when they come. */
  if (!gtk_widget_get_visible (self->below_fold) && !aftercare_after_frame_waiting (&self->below_fold_wait))
    {
      aftercare_after_frame_start (&self->below_fold_wait, widget, show_below_fold, self);
      preload_icons (self->below_fold, gtk_icon_theme_get_for_display (gtk_widget_get_display (widget)));
    }
  /* Filled without the reminders: their time is still to show. */
  if (watch_reminders (self))
    fresh = FALSE;
  /* What was shown may be hours old: catch up, and keep up from now. Not
   * here: a narrow window maps the page while it lays itself out, and
   * text changed now would leave the window half laid out when it is
   * drawn. Right after, from the main loop. Filled a moment ago (the
   * window opening on it), it only keeps up from now. */
  if (self->session != NULL && fresh)
    {
      g_autoptr(GDateTime) now = aftercare_clock_get_now (self->clock);

      schedule_refresh (self, now);
    }
  else if (self->refresh_on_map_id == 0)
    self->refresh_on_map_id = g_idle_add_once (refresh_on_map_cb, self);
}

static void
aftercare_session_page_unmap (GtkWidget *widget)
{
  AftercareSessionPage *self = AFTERCARE_SESSION_PAGE (widget);

  /* Nobody sees it: no need to wake for it. */
  g_clear_handle_id (&self->refresh_on_map_id, g_source_remove);
  aftercare_after_frame_stop (&self->below_fold_wait);
  stop_refreshing (self);
  GTK_WIDGET_CLASS (aftercare_session_page_parent_class)->unmap (widget);
}

/* Arriving on the page, the keyboard is on its main action, Check In. */
static gboolean
aftercare_session_page_grab_focus (GtkWidget *widget)
{
  AftercareSessionPage *self = AFTERCARE_SESSION_PAGE (widget);

  return gtk_widget_grab_focus (self->check_in_button);
}

static void
aftercare_session_page_dispose (GObject *object)
{
  AftercareSessionPage *self = AFTERCARE_SESSION_PAGE (object);

  g_clear_handle_id (&self->refresh_on_map_id, g_source_remove);
  aftercare_after_frame_stop (&self->below_fold_wait);
  stop_refreshing (self);
  g_clear_object (&self->reminders);
  g_clear_pointer (&self->next_checkin, g_free);
  g_clear_object (&self->assessment);
  g_clear_object (&self->session);
  g_clear_object (&self->store);
  g_clear_object (&self->clock);
  gtk_widget_dispose_template (GTK_WIDGET (object), AFTERCARE_TYPE_SESSION_PAGE);
  G_OBJECT_CLASS (aftercare_session_page_parent_class)->dispose (object);
}

static void
aftercare_session_page_class_init (AftercareSessionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = aftercare_session_page_get_property;
  object_class->set_property = aftercare_session_page_set_property;
  object_class->dispose = aftercare_session_page_dispose;
  widget_class->map = aftercare_session_page_map;
  widget_class->unmap = aftercare_session_page_unmap;
  widget_class->grab_focus = aftercare_session_page_grab_focus;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, AFTERCARE_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_BACK_BUTTON] =
    g_param_spec_boolean ("show-back-button", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (AFTERCARE_TYPE_TIMELINE_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/aftercare-session-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AftercareSessionPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, AftercareSessionPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, AftercareSessionPage, check_in_button);
  gtk_widget_class_bind_template_child (widget_class, AftercareSessionPage, print_button);
  gtk_widget_class_bind_template_child (widget_class, AftercareSessionPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, AftercareSessionPage, heading_box);
  gtk_widget_class_bind_template_child (widget_class, AftercareSessionPage, heading_title);
  gtk_widget_class_bind_template_child (widget_class, AftercareSessionPage, heading_subtitle);
  gtk_widget_class_bind_template_child (widget_class, AftercareSessionPage, verdict_card);
  gtk_widget_class_bind_template_child (widget_class, AftercareSessionPage, verdict_icon);
  gtk_widget_class_bind_template_child (widget_class, AftercareSessionPage, verdict_title);
  gtk_widget_class_bind_template_child (widget_class, AftercareSessionPage, verdict_description);
  gtk_widget_class_bind_template_child (widget_class, AftercareSessionPage, run_after_label);
  gtk_widget_class_bind_template_child (widget_class, AftercareSessionPage, last_checkin_label);
  gtk_widget_class_bind_template_child (widget_class, AftercareSessionPage, why_label);
  gtk_widget_class_bind_template_child (widget_class, AftercareSessionPage, reasons_box);
  gtk_widget_class_bind_template_child (widget_class, AftercareSessionPage, assess_button);
  gtk_widget_class_bind_template_child (widget_class, AftercareSessionPage, timeline);
  gtk_widget_class_bind_template_child (widget_class, AftercareSessionPage, pattern_caption);
  gtk_widget_class_bind_template_child (widget_class, AftercareSessionPage, below_fold);
  gtk_widget_class_bind_template_child (widget_class, AftercareSessionPage, advice_group);
  gtk_widget_class_bind_template_child (widget_class, AftercareSessionPage, phase_row);
  gtk_widget_class_bind_template_child (widget_class, AftercareSessionPage, next_checkin_row);
  gtk_widget_class_bind_template_child (widget_class, AftercareSessionPage, checkins_list);
  gtk_widget_class_bind_template_child (widget_class, AftercareSessionPage, duration_row);
  gtk_widget_class_bind_template_child (widget_class, AftercareSessionPage, first_time_row);
  gtk_widget_class_bind_template_child (widget_class, AftercareSessionPage, areas_row);
  gtk_widget_class_bind_template_child (widget_class, AftercareSessionPage, client_row);
  gtk_widget_class_bind_template_child (widget_class, AftercareSessionPage, history_row);
  gtk_widget_class_bind_template_child (widget_class, AftercareSessionPage, therapist_row);
  gtk_widget_class_bind_template_child (widget_class, AftercareSessionPage, notes_row);
  gtk_widget_class_bind_template_child (widget_class, AftercareSessionPage, disclaimer_label);
  gtk_widget_class_bind_template_callback (widget_class, checkin_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "session.check-in", NULL, check_in_action_cb);
  gtk_widget_class_install_action (widget_class, "session.edit", NULL, forward_action_cb);
  gtk_widget_class_install_action (widget_class, "session.delete", NULL, forward_action_cb);
  gtk_widget_class_install_action (widget_class, "session.assess", NULL, assess_action_cb);
  gtk_widget_class_install_action (widget_class, "session.print-report", "u", report_action_cb);
  gtk_widget_class_install_action (widget_class, "session.show-client-history", NULL, show_client_history_action_cb);
  gtk_widget_class_install_action (widget_class, "session.save-report-pdf", "u", report_action_cb);
}

static void
aftercare_session_page_init (AftercareSessionPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_label_set_label (self->disclaimer_label, aftercare_disclaimer ());
  gtk_widget_set_visible (self->back_button, FALSE);
  update_actions (self);
}

void
aftercare_session_page_set_context (AftercareSessionPage *self,
                                    AftercareStore       *store,
                                    AftercareClock       *clock)
{
  g_return_if_fail (AFTERCARE_IS_SESSION_PAGE (self));
  g_return_if_fail (AFTERCARE_IS_STORE (store));
  g_return_if_fail (AFTERCARE_IS_CLOCK (clock));
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  self->clock = g_object_ref (clock);
  g_signal_connect_object (store, "checkins-changed", G_CALLBACK (checkins_changed_cb), self, 0);
  /* An edit changes the session object in place; its page shows it again. */
  g_signal_connect_object (store, "session-changed", G_CALLBACK (checkins_changed_cb), self, 0);
  g_signal_connect_object (clock, "jumped", G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (clock, "notify::clock-24h", G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
  watch_reminders (self);
  update_actions (self);
  refresh (self);
}

AftercareSession *
aftercare_session_page_get_session (AftercareSessionPage *self)
{
  g_return_val_if_fail (AFTERCARE_IS_SESSION_PAGE (self), NULL);
  return self->session;
}

void
aftercare_session_page_set_session (AftercareSessionPage *self,
                                    AftercareSession     *session)
{
  g_return_if_fail (AFTERCARE_IS_SESSION_PAGE (self));
  g_return_if_fail (session == NULL || AFTERCARE_IS_SESSION (session));

  /* The same object may come back edited: refresh whatever happens. */
  gboolean changed = g_set_object (&self->session, session);

  update_actions (self);
  refresh (self);
  if (!changed)
    return;
  /* Another massage is read from its top: its verdict first. */
  aftercare_session_page_scroll_to_top (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

void
aftercare_session_page_scroll_to_top (AftercareSessionPage *self)
{
  GtkAdjustment *adjustment;

  g_return_if_fail (AFTERCARE_IS_SESSION_PAGE (self));
  adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
}

void
aftercare_session_page_set_show_back_button (AftercareSessionPage *self,
                                             gboolean              show)
{
  g_return_if_fail (AFTERCARE_IS_SESSION_PAGE (self));

  show = !!show;
  if (gtk_widget_get_visible (self->back_button) == show)
    return;
  gtk_widget_set_visible (self->back_button, show);
  /* Narrow, the header has no room for the massage's name, which heads the
   * page instead; printing stays in the page's menu (and Ctrl+P). */
  gtk_widget_set_visible (self->print_button, !show);
  gtk_widget_set_visible (GTK_WIDGET (self->window_title), !show);
  gtk_widget_set_visible (self->heading_box, show);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_BACK_BUTTON]);
}

AftercareAssessment *
aftercare_session_page_get_assessment (AftercareSessionPage *self)
{
  g_return_val_if_fail (AFTERCARE_IS_SESSION_PAGE (self), NULL);
  return self->assessment;
}

AftercareTimelineView *
aftercare_session_page_get_timeline (AftercareSessionPage *self)
{
  g_return_val_if_fail (AFTERCARE_IS_SESSION_PAGE (self), NULL);
  return self->timeline;
}
