/* aftercare-clinic-mode.h: clinic mode's state: the staff lock and the idle timer that returns the desk to a clean start. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define AFTERCARE_TYPE_CLINIC_MODE (aftercare_clinic_mode_get_type ())
G_DECLARE_FINAL_TYPE (AftercareClinicMode, aftercare_clinic_mode, AFTERCARE, CLINIC_MODE, GObject)

/* How many seconds before the idle reset "warning" turns TRUE (at most half
 * the idle time). */
#define AFTERCARE_CLINIC_MODE_WARNING_SECONDS 10

typedef enum {
  AFTERCARE_UNLOCK_OK,
  AFTERCARE_UNLOCK_WRONG_PIN,   /* or no PIN set */
  AFTERCARE_UNLOCK_WAIT,        /* too many wrong PINs: not checked, wait first */
} AftercareUnlockResult;

/* Follows the settings' "clinic-mode", "idle-timeout" and "staff-pin-hash",
 * and keeps wrong PINs in "pin-failures" and "pin-retry-at".
 * Read-only properties: "enabled" (the setting), "locked" (enabled and not
 * unlocked by staff; clinic mode starts locked), "has-pin", "warning" (the
 * idle reset comes in AFTERCARE_CLINIC_MODE_WARNING_SECONDS; FALSE again
 * on activity or at the reset). Signal "idle": clinic mode is on and the
 * watched widgets saw no key, click or pointer movement for idle-timeout
 * seconds; it has locked again before it fires, and fires once until the
 * next activity. */
AftercareClinicMode *aftercare_clinic_mode_new           (GSettings *settings);

gboolean             aftercare_clinic_mode_get_enabled   (AftercareClinicMode *self);
gboolean             aftercare_clinic_mode_get_locked    (AftercareClinicMode *self);
gboolean             aftercare_clinic_mode_get_has_pin   (AftercareClinicMode *self);
gboolean             aftercare_clinic_mode_get_warning   (AftercareClinicMode *self);

/* Unlocks when pin matches the staff PIN's hash. Each wrong PIN counts;
 * after the third, the next try must wait (aftercare_pin_delay_seconds()),
 * and the wait holds across restarts. */
AftercareUnlockResult aftercare_clinic_mode_unlock       (AftercareClinicMode *self,
                                                          const char          *pin);
/* Seconds before the next PIN is checked; 0 when a try is allowed now. */
guint                aftercare_clinic_mode_get_wait_seconds (AftercareClinicMode *self);
void                 aftercare_clinic_mode_lock          (AftercareClinicMode *self);

/* Any key press, click or pointer movement in widget (a window) counts as
 * someone at the desk and restarts the idle time. */
void                 aftercare_clinic_mode_watch         (AftercareClinicMode *self,
                                                          GtkWidget           *widget);
void                 aftercare_clinic_mode_note_activity (AftercareClinicMode *self);
/* The one check every action on a record (open, log, edit, delete, undo,
 * check in, assess, its sheet) makes first: TRUE when widget is in a
 * window watched by a clinic mode that is locked, and the action must do
 * nothing. */
gboolean             aftercare_clinic_mode_records_locked (GtkWidget *widget);
/* The clinic mode watching widget's window, or NULL (transfer none). */
AftercareClinicMode *aftercare_clinic_mode_find          (GtkWidget *widget);
/* TRUE when widget is in a window in clinic mode: what a person's records
 * tell (their pattern, their history) is then one client's alone. */
gboolean             aftercare_clinic_mode_per_client    (GtkWidget *widget);

G_END_DECLS
