/* aftercare-status-page.h: a status page's large icon, loaded when the page is first shown. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Takes the icon the page was built with and gives it back when the page
 * is first mapped. GTK 4.8 looks up the icon of every image in the window
 * when the window is shown, hidden stack pages included: an empty state,
 * the search's "no results" or the clinic lock, never seen on most starts,
 * each loaded a 128 px SVG icon, and with it librsvg (6.5 MB), before the
 * first frame. */
void aftercare_status_page_defer_icon (AdwStatusPage *page);

G_END_DECLS
