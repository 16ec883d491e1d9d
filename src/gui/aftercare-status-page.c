/* aftercare-status-page.c: a status page's large icon, loaded when the page is first shown. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-status-page"

#include "config.h"

#include "aftercare-status-page.h"

#define DEFERRED_ICON_KEY "aftercare-deferred-icon"

static void
page_mapped_cb (AdwStatusPage *page)
{
  const char *icon_name = g_object_get_data (G_OBJECT (page), DEFERRED_ICON_KEY);

  g_signal_handlers_disconnect_by_func (page, page_mapped_cb, NULL);
  adw_status_page_set_icon_name (page, icon_name);
  g_object_set_data (G_OBJECT (page), DEFERRED_ICON_KEY, NULL);
}

void
aftercare_status_page_defer_icon (AdwStatusPage *page)
{
  g_return_if_fail (ADW_IS_STATUS_PAGE (page));
  g_return_if_fail (!gtk_widget_get_mapped (GTK_WIDGET (page)));

  if (adw_status_page_get_icon_name (page) == NULL)
    return;
  g_object_set_data_full (G_OBJECT (page), DEFERRED_ICON_KEY,
                          g_strdup (adw_status_page_get_icon_name (page)), g_free);
  adw_status_page_set_icon_name (page, NULL);
  g_signal_connect (page, "map", G_CALLBACK (page_mapped_cb), NULL);
}
