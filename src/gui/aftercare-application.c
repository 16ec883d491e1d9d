/* aftercare-application.c: the AdwApplication: actions, shortcuts, windows. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-application"

#include "config.h"

#include <glib/gi18n.h>

#include "aftercare-accessible.h"
#include "aftercare-application.h"
#include "aftercare-cli.h"
#include "aftercare-command-line.h"
#include "aftercare-preferences-window.h"
#include "aftercare-reminder-service.h"
#include "aftercare-window.h"

struct _AftercareApplication
{
  AdwApplication parent_instance;

  GSettings *settings;
  char *db_path;
  gboolean options_parsed;
  gboolean background;          /* --background: no window at first */
  AftercareClock *reminders_clock;
  AftercareReminderService *reminders;
};

G_DEFINE_FINAL_TYPE (AftercareApplication, aftercare_application, ADW_TYPE_APPLICATION)

/* Started for the reminders (--background, at login): one such process,
 * owning the application's name; a second start leaves them to it. A
 * window started from the menu while it runs leaves the reminders to it
 * too (aftercare-reminder-service.c). */
static int
aftercare_application_start_once (AftercareApplication *self,
                                  gboolean              background)
{
  GApplication *app = G_APPLICATION (self);
  g_autoptr(GError) error = NULL;

  self->background = background;
  if (!background)
    return -1;
  g_application_set_flags (app, g_application_get_flags (app) & ~G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (app, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return g_application_get_is_remote (app) ? 0 : -1;
}

static int
aftercare_application_handle_local_options (GApplication *app,
                                            GVariantDict *options)
{
  AftercareApplication *self = AFTERCARE_APPLICATION (app);

  int status;

  self->options_parsed = TRUE;
  /* Everything that needs no window is answered here, before GTK starts,
   * so it works without a display (the program itself answers it before
   * it loads the window's module: main.c). */
  status = aftercare_command_line_answer (options, &self->db_path);
  if (status != -1)
    return status;
  return aftercare_application_start_once (self, g_variant_dict_contains (options, "background"));
}

static gboolean
aftercare_application_local_command_line (GApplication   *app,
                                          char         ***arguments,
                                          int            *exit_status)
{
  AftercareApplication *self = AFTERCARE_APPLICATION (app);
  gboolean handled;

  handled = G_APPLICATION_CLASS (aftercare_application_parent_class)->local_command_line (app, arguments,
                                                                                          exit_status);
  /* GOption refused the command line (an unknown option, a missing
   * argument) before our options were handled: that is bad input, which
   * the command line's contract answers with status 2, not GLib's 1. */
  if (handled && !self->options_parsed && *exit_status != 0)
    *exit_status = 2;
  return handled;
}

static GtkWindow *
aftercare_application_new_window (AftercareApplication *self)
{
  AftercareWindow *window = aftercare_window_new (GTK_APPLICATION (self), self->db_path, self->settings);

  /* A check-in made in the window withdraws its reminder at once. */
  if (aftercare_window_get_store (window) != NULL)
    aftercare_reminder_service_watch_store (self->reminders, aftercare_window_get_store (window));
  return GTK_WINDOW (window);
}

/* A reminder's "Check In", or the reminder itself, clicked. */
static void
open_session_cb (AftercareApplication *self,
                 const char           *session_id,
                 gboolean              check_in)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (!AFTERCARE_IS_WINDOW (window))
    window = aftercare_application_new_window (self);
  gtk_window_present (window);
  aftercare_window_open_session (AFTERCARE_WINDOW (window), session_id, check_in);
}

static void
aftercare_application_activate (GApplication *app)
{
  AftercareApplication *self = AFTERCARE_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  /* Started at login for the reminders: no window until one is asked for. */
  if (self->background)
    {
      self->background = FALSE;
      return;
    }
  if (window == NULL)
    window = aftercare_application_new_window (self);
  gtk_window_present (window);
}

static void
aftercare_application_startup (GApplication *app)
{
  AftercareApplication *self = AFTERCARE_APPLICATION (app);

  G_APPLICATION_CLASS (aftercare_application_parent_class)->startup (app);
  self->settings = g_settings_new (APP_ID);
  aftercare_accessible_install ();
  self->reminders_clock = aftercare_clock_new ();
  self->reminders = aftercare_reminder_service_new (app, self->settings, self->reminders_clock, self->db_path);
  g_signal_connect_object (self->reminders, "open-session", G_CALLBACK (open_session_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
aftercare_application_dispose (GObject *object)
{
  AftercareApplication *self = AFTERCARE_APPLICATION (object);

  g_clear_object (&self->reminders);
  g_clear_object (&self->reminders_clock);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (aftercare_application_parent_class)->dispose (object);
}

static void
aftercare_application_finalize (GObject *object)
{
  AftercareApplication *self = AFTERCARE_APPLICATION (object);

  g_clear_pointer (&self->db_path, g_free);
  G_OBJECT_CLASS (aftercare_application_parent_class)->finalize (object);
}

static void
about_action_cb (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  const char *developers[] = { _("The Aftercare developers"), NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "application-name", _("Aftercare"),
                        "application-icon", APP_ID,
                        "developer-name", _("The Aftercare developers"),
                        "version", PACKAGE_VERSION,
                        "developers", developers,
                        "license-type", GTK_LICENSE_GPL_3_0,
                        /* Translators: shown in the About window. */
                        "comments", _("Can you run after a massage, and is what you feel normal? "
                                      "Aftercare keeps a private log of your massages and how you "
                                      "feel afterwards. It gives general information, not medical advice."),
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_action_cb (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  AftercareApplication *self = AFTERCARE_APPLICATION (user_data);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(AftercareClock) clock = NULL;
  AftercarePreferencesWindow *preferences;

  /* In clinic mode a client must not turn clinic mode off. */
  if (AFTERCARE_IS_WINDOW (window) &&
      aftercare_window_ask_for_staff_pin (AFTERCARE_WINDOW (window),
                                          _("Preferences Need the Staff PIN"),
                                          _("Enter the staff PIN to open Preferences."),
                                          "app.preferences"))
    return;
  /* The clock the window's times follow, so both say the same. */
  if (AFTERCARE_IS_WINDOW (window))
    clock = g_object_ref (aftercare_window_get_clock (AFTERCARE_WINDOW (window)));
  else
    clock = aftercare_clock_new ();
  preferences = aftercare_preferences_window_new (window, self->settings, clock);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
quit_action_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GtkWindow *active = gtk_application_get_active_window (app);
  GList *windows = gtk_application_get_windows (app);

  /* In clinic mode a client must not quit: the staff PIN first. */
  if (AFTERCARE_IS_WINDOW (active) &&
      aftercare_window_ask_for_staff_pin (AFTERCARE_WINDOW (active),
                                          _("Quitting Needs the Staff PIN"),
                                          _("Enter the staff PIN to quit Aftercare."),
                                          "app.quit"))
    return;
  /* Closing each window saves its state (size, maximized). */
  for (GList *l = windows; l != NULL; )
    {
      GtkWindow *window = l->data;
      l = l->next;
      gtk_window_close (window);
    }
}

static const GActionEntry app_actions[] = {
  { .name = "about", .activate = about_action_cb },
  { .name = "preferences", .activate = preferences_action_cb },
  { .name = "quit", .activate = quit_action_cb },
};

static void
aftercare_application_class_init (AftercareApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = aftercare_application_dispose;
  object_class->finalize = aftercare_application_finalize;
  app_class->local_command_line = aftercare_application_local_command_line;
  app_class->handle_local_options = aftercare_application_handle_local_options;
  app_class->activate = aftercare_application_activate;
  app_class->startup = aftercare_application_startup;
}

static void
aftercare_application_init (AftercareApplication *self)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  /* GTK sets this one only for a gtk/help-overlay.ui, which it would build
   * with every window: ours is built when first shown (AftercareWindow). */
  static const char *shortcuts_accels[] = { "<Control>question", NULL };

  g_application_add_main_option_entries (G_APPLICATION (self),
                                         aftercare_cli_get_option_entries ());
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay", shortcuts_accels);
}

AftercareApplication *
aftercare_application_new (void)
{
  return g_object_new (AFTERCARE_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "resource-base-path", RESOURCE_PATH,
                       /* Each start is its own process: a clinic's batch
                        * jobs and tests run the command line side by side. */
                       "flags", G_APPLICATION_NON_UNIQUE,
                       NULL);
}

const char *
aftercare_application_get_db_path (AftercareApplication *self)
{
  g_return_val_if_fail (AFTERCARE_IS_APPLICATION (self), NULL);
  return self->db_path;
}

AftercareReminderService *
aftercare_application_get_reminders (AftercareApplication *self)
{
  g_return_val_if_fail (AFTERCARE_IS_APPLICATION (self), NULL);
  return self->reminders;
}

GSettings *
aftercare_application_get_settings (AftercareApplication *self)
{
  g_return_val_if_fail (AFTERCARE_IS_APPLICATION (self), NULL);
  return self->settings;
}
