/* aftercare-reminder-service.c: check-in reminders as desktop notifications, kept while the window is closed. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-reminder-service"

#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <libportal-gtk4/portal-gtk4.h>
#include <string.h>

#include "aftercare-reminder-service.h"
#include "aftercare-reminders.h"
#include "aftercare-session-assess.h"
#include "aftercare-time.h"

#define SERVICE_KEY "aftercare-reminder-service"
/* The monotonic clock timeouts run on stops while the computer sleeps:
 * look again at least this often, so a reminder due during a sleep comes
 * soon after waking. */
#define LONGEST_WAIT_MINUTES 10

typedef struct {
  GDateTime *due;          /* the reminder out now (NULL: none) */
  GDateTime *sent;         /* when it came, as sent (NULL: not sent yet) */
  GDateTime *later_due;    /* "Later" chosen on the one due then… */
  GDateTime *later_until;  /* …which comes again at this time */
  GDateTime *next;         /* when the next one comes */
  gboolean seen;
} Reminder;

struct _AftercareReminderService
{
  GObject parent_instance;

  GApplication *application;   /* not owned: it owns us */
  guint soon_id;               /* a look once the window's store has told all it changed */
  guint again_id;              /* a second look after a window's write */
  GSettings *settings;
  AftercareClock *clock;
  char *location;
  AftercareStore *store;
  GHashTable *reminders;       /* session id → Reminder */
  guint timer_id;
  gboolean pending;
  gboolean held;

  /* Another Aftercare started for the reminders (--background) owns the
   * application's name: it reminds, this one does not. */
  guint instance_watch_id;
  gboolean other_instance;

  /* Is anyone there to show notifications? Unknown until the bus answers. */
  guint watch_ids[2];
  gboolean server_owned[2];
  gboolean server_activatable;
  gboolean server_known;
  gboolean told_no_server;
  gboolean told_no_store;

  GCancellable *cancellable;  /* bus calls still out when the application goes */
  XdpPortal *portal;
  gboolean told_no_autostart;
};

G_DEFINE_FINAL_TYPE (AftercareReminderService, aftercare_reminder_service, G_TYPE_OBJECT)

enum {
  CHANGED,
  OPEN_SESSION,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char * const notification_servers[] = { "org.freedesktop.Notifications", "org.gtk.Notifications" };

static void
reminder_free (Reminder *reminder)
{
  g_clear_pointer (&reminder->due, g_date_time_unref);
  g_clear_pointer (&reminder->sent, g_date_time_unref);
  g_clear_pointer (&reminder->later_due, g_date_time_unref);
  g_clear_pointer (&reminder->later_until, g_date_time_unref);
  g_clear_pointer (&reminder->next, g_date_time_unref);
  g_free (reminder);
}

static char *
notification_id (const char *session_id)
{
  return g_strconcat ("reminder-", session_id, NULL);
}

static gboolean
is_wanted (AftercareReminderService *self)
{
  /* A front desk is not the client's phone. */
  return g_settings_get_boolean (self->settings, "reminders") &&
         !g_settings_get_boolean (self->settings, "clinic-mode");
}

static gboolean
is_enabled (AftercareReminderService *self)
{
  return is_wanted (self) && !self->other_instance;
}

/* ---- Staying around ------------------------------------------------------ */

static void
set_pending (AftercareReminderService *self,
             gboolean                  pending)
{
  self->pending = pending;
  /* With the window closed, the application stays for the reminder, and
   * goes once nothing is left to remind about. */
  if (pending && !self->held)
    g_application_hold (self->application);
  else if (!pending && self->held)
    g_application_release (self->application);
  self->held = pending;
}

/* ---- Notifications ------------------------------------------------------- */

static gboolean
server_available (AftercareReminderService *self)
{
  return self->server_owned[0] || self->server_owned[1] || self->server_activatable;
}

static void
send_reminder (AftercareReminderService *self,
               AftercareSession         *session,
               GDateTime                *now)
{
  const char *id = aftercare_session_get_id (session);
  g_autoptr(AftercareAssessment) assessment = NULL;
  g_autoptr(GNotification) notification = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  g_autofree char *notification_key = notification_id (id);
  AftercareVerdict verdict;

  assessment = aftercare_session_assess (self->store, session, NULL, AFTERCARE_PLANNED_RUN_EASY, now, NULL, &error);
  verdict = assessment != NULL ? aftercare_assessment_get_verdict (assessment) : AFTERCARE_VERDICT_WAIT;
  title = aftercare_reminder_get_title (session, verdict);
  body = aftercare_reminder_get_body (session, verdict, now);
  notification = g_notification_new (title);
  g_notification_set_body (notification, body);
  g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_NORMAL);
  g_notification_set_default_action_and_target (notification,
                                                verdict == AFTERCARE_VERDICT_SEEK_CARE ? "app.reminder-show"
                                                                                       : "app.reminder-check-in",
                                                "s", id);
  /* Seek-care asks the person to call the therapist, not to check in. */
  if (verdict != AFTERCARE_VERDICT_SEEK_CARE)
    g_notification_add_button_with_target (notification, _("Check In"), "app.reminder-check-in", "s", id);
  g_notification_add_button_with_target (notification, _("Later"), "app.reminder-later", "s", id);
  g_debug ("Reminding about %s: %s", id, body);
  g_application_send_notification (self->application, notification_key, notification);
}

static void
withdraw (AftercareReminderService *self,
          const char               *session_id)
{
  g_autofree char *key = notification_id (session_id);

  g_debug ("Withdrawing the reminder about %s", session_id);
  g_application_withdraw_notification (self->application, key);
}

static void
withdraw_all (AftercareReminderService *self)
{
  GHashTableIter iter;
  const char *id;
  Reminder *reminder;

  g_hash_table_iter_init (&iter, self->reminders);
  while (g_hash_table_iter_next (&iter, (gpointer *) &id, (gpointer *) &reminder))
    if (reminder->sent != NULL)
      withdraw (self, id);
  g_hash_table_remove_all (self->reminders);
}

/* ---- Working out the reminders -------------------------------------------- */

static gboolean
ensure_store (AftercareReminderService *self)
{
  g_autoptr(GError) error = NULL;

  if (self->store != NULL)
    return TRUE;
  /* The service only reads. The full integrity check, which reads the
   * whole file, is the window's to run after its first frame; were a write
   * ever to come here, it would wait for the check. */
  self->store = aftercare_store_open_full (self->location, AFTERCARE_TIME_SOURCE (self->clock),
                                           AFTERCARE_STORE_OPEN_CHECK_LATER, &error);
  if (self->store == NULL)
    {
      /* The window says what is wrong with the database; no reminders meanwhile. */
      if (!self->told_no_store)
        g_message ("No reminders: the database cannot be opened: %s", error->message);
      self->told_no_store = TRUE;
      return FALSE;
    }
  g_signal_connect_object (self->store, "checkins-changed", G_CALLBACK (aftercare_reminder_service_update),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "session-changed", G_CALLBACK (aftercare_reminder_service_update),
                           self, G_CONNECT_SWAPPED);
  return TRUE;
}

static void
quiet_hours (AftercareReminderService *self,
             AftercareQuietHours      *quiet)
{
  quiet->start_hour = g_settings_get_uint (self->settings, "quiet-hours-start");
  quiet->end_hour = g_settings_get_uint (self->settings, "quiet-hours-end");
}

/* What is out about this session, at now: send it when it just came,
 * withdraw it when it has gone (checked in, recovered). */
static void
update_session (AftercareReminderService *self,
                AftercareSession         *session,
                const AftercareQuietHours *quiet,
                GDateTime                *now)
{
  const char *id = aftercare_session_get_id (session);
  Reminder *reminder = g_hash_table_lookup (self->reminders, id);
  g_autoptr(GPtrArray) checkins = NULL;
  g_autoptr(GError) error = NULL;
  AftercareReminderPlan plan;

  checkins = aftercare_store_list_checkins (self->store, id, &error);
  if (checkins == NULL)
    {
      g_debug ("Reminders for %s wait: %s", id, error->message);
      if (reminder != NULL)
        reminder->seen = TRUE;
      return;
    }
  if (reminder == NULL)
    {
      reminder = g_new0 (Reminder, 1);
      g_hash_table_insert (self->reminders, g_strdup (id), reminder);
    }
  reminder->seen = TRUE;
  aftercare_reminder_plan_compute (&plan, session, checkins, AFTERCARE_PLANNED_RUN_EASY, quiet,
                                   reminder->later_due, reminder->later_until, now);
  g_clear_pointer (&reminder->next, g_date_time_unref);
  reminder->next = g_steal_pointer (&plan.next);
  if (plan.due == NULL && reminder->sent != NULL)
    withdraw (self, id);
  if (plan.due == NULL)
    g_clear_pointer (&reminder->sent, g_date_time_unref);
  else if ((reminder->sent == NULL || !g_date_time_equal (reminder->sent, plan.comes_at)) &&
           server_available (self))
    {
      send_reminder (self, session, now);
      g_clear_pointer (&reminder->sent, g_date_time_unref);
      reminder->sent = g_date_time_ref (plan.comes_at);
    }
  g_clear_pointer (&reminder->due, g_date_time_unref);
  reminder->due = g_steal_pointer (&plan.due);
  aftercare_reminder_plan_clear (&plan);
}

static void
mark_unseen (AftercareReminderService *self)
{
  GHashTableIter iter;
  Reminder *reminder;

  g_hash_table_iter_init (&iter, self->reminders);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &reminder))
    reminder->seen = FALSE;
}

/* Sessions deleted, or past the window: their reminders go. */
static void
forget_unseen (AftercareReminderService *self)
{
  GHashTableIter iter;
  const char *id;
  Reminder *reminder;

  g_hash_table_iter_init (&iter, self->reminders);
  while (g_hash_table_iter_next (&iter, (gpointer *) &id, (gpointer *) &reminder))
    {
      if (reminder->seen)
        continue;
      if (reminder->sent != NULL)
        withdraw (self, id);
      g_hash_table_iter_remove (&iter);
    }
}

static void
timer_cb (gpointer data)
{
  AftercareReminderService *self = data;

  self->timer_id = 0;
  aftercare_reminder_service_update (self);
}

/* Wakes for the earliest next reminder; pending while any is out or to come. */
static void
schedule (AftercareReminderService *self,
          GDateTime                *now)
{
  g_autoptr(GDateTime) wake = g_date_time_add_minutes (now, LONGEST_WAIT_MINUTES);
  gboolean pending = FALSE;
  GHashTableIter iter;
  Reminder *reminder;

  g_hash_table_iter_init (&iter, self->reminders);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &reminder))
    {
      pending |= reminder->due != NULL || reminder->next != NULL;
      if (reminder->next != NULL && g_date_time_compare (reminder->next, wake) < 0)
        {
          g_date_time_unref (wake);
          wake = g_date_time_ref (reminder->next);
        }
    }
  g_clear_handle_id (&self->timer_id, g_source_remove);
  if (pending)
    self->timer_id = aftercare_clock_call_at (self->clock, wake, timer_cb, self);
  set_pending (self, pending);
}

static void
tell_if_no_server (AftercareReminderService *self)
{
  if (!self->server_known || server_available (self) || self->told_no_server)
    return;
  /* Said once; the reminders come when a server appears. */
  g_message ("No notification server on the session bus: reminders wait until one starts");
  self->told_no_server = TRUE;
}

void
aftercare_reminder_service_update (AftercareReminderService *self)
{
  g_autoptr(GDateTime) now = NULL;
  AftercareQuietHours quiet;
  GListModel *sessions;
  guint n;

  g_return_if_fail (AFTERCARE_IS_REMINDER_SERVICE (self));

  if (self->application == NULL)
    return;
  if (!is_enabled (self) || !ensure_store (self))
    {
      withdraw_all (self);
      g_clear_handle_id (&self->timer_id, g_source_remove);
      set_pending (self, FALSE);
      g_signal_emit (self, signals[CHANGED], 0);
      return;
    }
  /* Another desk or program may have changed it while we waited. */
  aftercare_store_refresh (self->store);
  now = aftercare_clock_get_now (self->clock);
  quiet_hours (self, &quiet);
  mark_unseen (self);
  sessions = aftercare_store_get_sessions (self->store);
  n = g_list_model_get_n_items (sessions);
  /* Newest first: stop at the first past the window. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AftercareSession) session = g_list_model_get_item (sessions, i);
      double hours = aftercare_time_hours_between (aftercare_session_get_ended_at (session), now);

      if (hours > AFTERCARE_REMINDER_WINDOW_HOURS)
        break;
      if (hours >= 0)
        update_session (self, session, &quiet, now);
    }
  forget_unseen (self);
  tell_if_no_server (self);
  schedule (self, now);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* ---- The notifications' actions --------------------------------------------- */

static void
open_session (AftercareReminderService *self,
              GVariant                 *parameter,
              gboolean                  check_in)
{
  g_signal_emit (self, signals[OPEN_SESSION], 0, g_variant_get_string (parameter, NULL), check_in);
}

static void
check_in_action_cb (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  open_session (AFTERCARE_REMINDER_SERVICE (user_data), parameter, TRUE);
}

static void
show_action_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  open_session (AFTERCARE_REMINDER_SERVICE (user_data), parameter, FALSE);
}

/* "Later": the same reminder again in an hour (or when quiet hours end). */
static void
later_action_cb (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  AftercareReminderService *self = AFTERCARE_REMINDER_SERVICE (user_data);
  const char *id = g_variant_get_string (parameter, NULL);
  Reminder *reminder = g_hash_table_lookup (self->reminders, id);
  g_autoptr(GDateTime) now = aftercare_clock_get_now (self->clock);

  if (reminder == NULL || reminder->due == NULL)
    return;
  g_clear_pointer (&reminder->later_due, g_date_time_unref);
  g_clear_pointer (&reminder->later_until, g_date_time_unref);
  reminder->later_due = g_date_time_ref (reminder->due);
  reminder->later_until = g_date_time_add_minutes (now, AFTERCARE_REMINDER_LATER_MINUTES);
  withdraw (self, id);
  aftercare_reminder_service_update (self);
}

static const GActionEntry reminder_actions[] = {
  { .name = "reminder-check-in", .parameter_type = "s", .activate = check_in_action_cb },
  { .name = "reminder-show", .parameter_type = "s", .activate = show_action_cb },
  { .name = "reminder-later", .parameter_type = "s", .activate = later_action_cb },
};

/* ---- Is a notification server there? -------------------------------------- */

static void
server_changed (AftercareReminderService *self,
                const char               *name,
                gboolean                  owned)
{
  for (guint i = 0; i < G_N_ELEMENTS (notification_servers); i++)
    if (g_str_equal (name, notification_servers[i]))
      self->server_owned[i] = owned;
  aftercare_reminder_service_update (self);
}

static void
name_appeared_cb (GDBusConnection *connection,
                  const char      *name,
                  const char      *owner,
                  gpointer         user_data)
{
  server_changed (user_data, name, TRUE);
}

static void
name_vanished_cb (GDBusConnection *connection,
                  const char      *name,
                  gpointer         user_data)
{
  server_changed (user_data, name, FALSE);
}

static void
activatable_names_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(AftercareReminderService) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  g_autofree const char **names = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (reply != NULL)
    {
      g_variant_get (reply, "(^a&s)", &names);
      for (guint i = 0; names[i] != NULL; i++)
        for (guint j = 0; j < G_N_ELEMENTS (notification_servers); j++)
          self->server_activatable |= g_str_equal (names[i], notification_servers[j]);
    }
  self->server_known = TRUE;
  aftercare_reminder_service_update (self);
}

static void
instance_appeared_cb (GDBusConnection *connection,
                      const char      *name,
                      const char      *owner,
                      gpointer         user_data)
{
  AFTERCARE_REMINDER_SERVICE (user_data)->other_instance = TRUE;
  aftercare_reminder_service_update (user_data);
}

static void
instance_vanished_cb (GDBusConnection *connection,
                      const char      *name,
                      gpointer         user_data)
{
  AFTERCARE_REMINDER_SERVICE (user_data)->other_instance = FALSE;
  aftercare_reminder_service_update (user_data);
}

/* A process that does not own the application's name (a window started
 * from the menu) reminds only while no other Aftercare owns it. */
static void
watch_other_instance (AftercareReminderService *self)
{
  GDBusConnection *connection = g_application_get_dbus_connection (self->application);

  if (connection == NULL || !(g_application_get_flags (self->application) & G_APPLICATION_NON_UNIQUE))
    return;
  self->instance_watch_id = g_bus_watch_name_on_connection (connection, APP_ID, G_BUS_NAME_WATCHER_FLAGS_NONE,
                                                            instance_appeared_cb, instance_vanished_cb,
                                                            self, NULL);
}

/* Without a server GLib would only complain on each try: watch for one
 * (a running one, or one the bus starts when asked), without waiting. */
static void
watch_notification_server (AftercareReminderService *self)
{
  GDBusConnection *connection = g_application_get_dbus_connection (self->application);

  if (connection == NULL)
    {
      self->server_known = TRUE;
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (notification_servers); i++)
    self->watch_ids[i] = g_bus_watch_name_on_connection (connection, notification_servers[i],
                                                         G_BUS_NAME_WATCHER_FLAGS_NONE,
                                                         name_appeared_cb, name_vanished_cb, self, NULL);
  g_dbus_connection_call (connection, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                          "ListActivatableNames", NULL, G_VARIANT_TYPE ("(as)"), G_DBUS_CALL_FLAGS_NONE, -1,
                          self->cancellable, activatable_names_cb, g_object_ref (self));
}

/* ---- Starting at login ------------------------------------------------------ */

char *
aftercare_reminder_service_get_autostart_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "autostart", APP_ID ".desktop", NULL);
}

static char *
background_command (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);

  /* The program that runs now (the installed one, or a build being tried);
   * its plain name when the path would need quoting. */
  if (exe == NULL || strpbrk (exe, " \t\n\"'\\$`%") != NULL)
    return g_strdup ("aftercare --background");
  return g_strconcat (exe, " --background", NULL);
}

static void
write_autostart_entry (gboolean on)
{
  g_autofree char *path = aftercare_reminder_service_get_autostart_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *command = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  if (!on)
    {
      if (g_unlink (path) != 0 && errno != ENOENT)
        g_message ("Could not remove %s: %s", path, g_strerror (errno));
      return;
    }
  command = background_command ();
  contents = g_strdup_printf ("[Desktop Entry]\n"
                              "Type=Application\n"
                              "Name=%s\n"
                              "Comment=%s\n"
                              "Exec=%s\n"
                              "Icon=" APP_ID "\n"
                              "NoDisplay=true\n"
                              "X-GNOME-Autostart-enabled=true\n",
                              _("Aftercare"), _("Check-in reminders after a massage"), command);
  if (g_mkdir_with_parents (dir, 0700) != 0 ||
      !g_file_set_contents (path, contents, -1, &error))
    g_message ("Could not write %s: %s", path, error != NULL ? error->message : g_strerror (errno));
}

static void
background_requested_cb (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(AftercareReminderService) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!xdp_portal_request_background_finish (XDP_PORTAL (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && !self->told_no_autostart)
    {
      g_message ("The Background portal did not set up the start at login: %s", error->message);
      self->told_no_autostart = TRUE;
    }
}

/* In a sandbox only the Background portal may start us at login; outside
 * one the portal has no entry of ours to start, and the XDG autostart
 * folder is what every desktop reads. */
static void
sync_autostart (AftercareReminderService *self)
{
  gboolean on = is_wanted (self);

  if (xdp_portal_running_under_sandbox ())
    {
      g_autoptr(GPtrArray) command = g_ptr_array_new ();

      if (self->portal == NULL)
        self->portal = xdp_portal_new ();
      g_ptr_array_add (command, (char *) "aftercare");
      g_ptr_array_add (command, (char *) "--background");
      xdp_portal_request_background (self->portal, NULL, _("Check-in reminders after a massage"), command,
                                     on ? XDP_BACKGROUND_FLAG_AUTOSTART : XDP_BACKGROUND_FLAG_NONE,
                                     self->cancellable, background_requested_cb, g_object_ref (self));
      return;
    }
  write_autostart_entry (on);
}

/* ---- GObject ----------------------------------------------------------------- */

static void
settings_changed_cb (AftercareReminderService *self,
                     const char               *key)
{
  if (g_strcmp0 (key, "reminders") == 0 || g_strcmp0 (key, "clinic-mode") == 0)
    sync_autostart (self);
  aftercare_reminder_service_update (self);
}

static void
aftercare_reminder_service_dispose (GObject *object)
{
  AftercareReminderService *self = AFTERCARE_REMINDER_SERVICE (object);

  for (guint i = 0; i < G_N_ELEMENTS (self->watch_ids); i++)
    g_clear_handle_id (&self->watch_ids[i], g_bus_unwatch_name);
  g_clear_handle_id (&self->soon_id, g_source_remove);
  g_clear_handle_id (&self->again_id, g_source_remove);
  /* The application goes first: nothing may reach it afterwards. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->application = NULL;
  g_clear_handle_id (&self->instance_watch_id, g_bus_unwatch_name);
  g_clear_handle_id (&self->timer_id, g_source_remove);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->clock);
  g_clear_object (&self->portal);
  G_OBJECT_CLASS (aftercare_reminder_service_parent_class)->dispose (object);
}

static void
aftercare_reminder_service_finalize (GObject *object)
{
  AftercareReminderService *self = AFTERCARE_REMINDER_SERVICE (object);

  g_hash_table_unref (self->reminders);
  g_free (self->location);
  G_OBJECT_CLASS (aftercare_reminder_service_parent_class)->finalize (object);
}

static void
aftercare_reminder_service_class_init (AftercareReminderServiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = aftercare_reminder_service_dispose;
  object_class->finalize = aftercare_reminder_service_finalize;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[OPEN_SESSION] = g_signal_new ("open-session", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_BOOLEAN);
}

static void
aftercare_reminder_service_init (AftercareReminderService *self)
{
  self->reminders = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) reminder_free);
  self->cancellable = g_cancellable_new ();
}

AftercareReminderService *
aftercare_reminder_service_new (GApplication   *application,
                                GSettings      *settings,
                                AftercareClock *clock,
                                const char     *location)
{
  AftercareReminderService *self;

  g_return_val_if_fail (G_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (AFTERCARE_IS_CLOCK (clock), NULL);

  self = g_object_new (AFTERCARE_TYPE_REMINDER_SERVICE, NULL);
  self->application = application;
  self->settings = g_object_ref (settings);
  self->clock = g_object_ref (clock);
  self->location = location != NULL ? g_strdup (location) : aftercare_store_get_default_location ();
  g_object_set_data (G_OBJECT (application), SERVICE_KEY, self);
  g_action_map_add_action_entries (G_ACTION_MAP (application), reminder_actions,
                                   G_N_ELEMENTS (reminder_actions), self);
  g_signal_connect_object (settings, "changed", G_CALLBACK (settings_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (clock, "jumped", G_CALLBACK (aftercare_reminder_service_update), self,
                           G_CONNECT_SWAPPED);
  watch_notification_server (self);
  watch_other_instance (self);
  sync_autostart (self);
  aftercare_reminder_service_update (self);
  return self;
}

static void
update_again_cb (gpointer data)
{
  AftercareReminderService *self = data;

  self->again_id = 0;
  aftercare_reminder_service_update (self);
}

static void
update_soon_cb (gpointer data)
{
  AftercareReminderService *self = data;

  self->soon_id = 0;
  aftercare_reminder_service_update (self);
}

/* The window wrote through its own connection: look as soon as its store
 * has told all it changed (an import tells of each session it touched,
 * thousands of them: one look serves them all), and once more a moment
 * later, in case ours could not read the write yet (a busy disk, a write
 * that waited for the file's check). */
static void
window_store_changed_cb (AftercareReminderService *self)
{
  if (self->soon_id == 0)
    self->soon_id = g_idle_add_once (update_soon_cb, self);
  if (self->again_id == 0)
    self->again_id = g_timeout_add_once (500, update_again_cb, self);
}

void
aftercare_reminder_service_watch_store (AftercareReminderService *self,
                                        AftercareStore           *store)
{
  g_return_if_fail (AFTERCARE_IS_REMINDER_SERVICE (self));
  g_return_if_fail (AFTERCARE_IS_STORE (store));

  g_signal_connect_object (store, "checkins-changed", G_CALLBACK (window_store_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "session-changed", G_CALLBACK (window_store_changed_cb),
                           self, G_CONNECT_SWAPPED);
}

AftercareClock *
aftercare_reminder_service_get_clock (AftercareReminderService *self)
{
  g_return_val_if_fail (AFTERCARE_IS_REMINDER_SERVICE (self), NULL);
  return self->clock;
}

gboolean
aftercare_reminder_service_get_pending (AftercareReminderService *self)
{
  g_return_val_if_fail (AFTERCARE_IS_REMINDER_SERVICE (self), FALSE);
  return self->pending;
}

GDateTime *
aftercare_reminder_service_get_next (AftercareReminderService *self,
                                     const char               *session_id)
{
  Reminder *reminder;

  g_return_val_if_fail (AFTERCARE_IS_REMINDER_SERVICE (self), NULL);
  g_return_val_if_fail (session_id != NULL, NULL);

  reminder = g_hash_table_lookup (self->reminders, session_id);
  return reminder != NULL ? reminder->next : NULL;
}

AftercareReminderService *
aftercare_reminder_service_get_for_widget (GtkWidget *widget)
{
  GtkRoot *root;
  GtkApplication *application;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  root = gtk_widget_get_root (widget);
  application = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root)) : NULL;
  return application != NULL ? g_object_get_data (G_OBJECT (application), SERVICE_KEY) : NULL;
}
