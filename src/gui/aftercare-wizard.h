/* aftercare-wizard.h: "Can I run today?", step by step: the massage, how you feel, the planned run, the verdict. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "aftercare-clock.h"
#include "aftercare-enums.h"
#include "aftercare-verdict-page.h"
#include "aftercare-store.h"

G_BEGIN_DECLS

#define AFTERCARE_TYPE_WIZARD (aftercare_wizard_get_type ())
G_DECLARE_FINAL_TYPE (AftercareWizard, aftercare_wizard, AFTERCARE, WIZARD, GtkWidget)

GtkWidget      *aftercare_wizard_new               (void);
/* Where "Save as check-in" writes and logged massages come from; with
 * NULL, neither is offered. Setting it starts the wizard afresh. */
AftercareStore *aftercare_wizard_get_store         (AftercareWizard     *self);
void            aftercare_wizard_set_store         (AftercareWizard     *self,
                                                    AftercareStore      *store);
/* A clean start: first step, default answers, nothing kept from before. */
void            aftercare_wizard_reset             (AftercareWizard     *self);
/* Fills in the type (and its usual pressure) on the first step. */
void            aftercare_wizard_set_massage_type  (AftercareWizard     *self,
                                                    AftercareMassageType type);
/* Starts afresh with a logged massage picked, at "How you feel" (the
 * session page's "Can I Run?"). FALSE, and a clean start, when that
 * massage is not offered: not in the store, or clinic mode hides them. */
gboolean        aftercare_wizard_set_session       (AftercareWizard     *self,
                                                    AftercareSession    *session);
/* The window's clock, set once: the time the wizard asks about and
 * assesses at, and whether times read 12- or 24-hour. Until then it
 * cannot go past the first step. */
void            aftercare_wizard_set_clock         (AftercareWizard     *self,
                                                    AftercareClock      *clock);

/* The app's settings: in clinic mode a field for the client's name (it goes
 * on the aftercare sheet); the planned run set in Preferences to start with. */
void            aftercare_wizard_set_settings      (AftercareWizard     *self,
                                                    GSettings           *settings);
/* In clinic mode while locked: no "Use a Logged Massage", whose list is
 * every client's visits. */
void            aftercare_wizard_set_sessions_hidden (AftercareWizard   *self,
                                                      gboolean           hidden);
/* The verdict page while the wizard shows a verdict, else NULL. */
AftercareVerdictPage *aftercare_wizard_get_verdict_page (AftercareWizard *self);

G_END_DECLS
