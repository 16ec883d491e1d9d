/* aftercare-verdict-style.c: how the interface colours and marks a verdict, the same in every view. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-verdict-style"

#include "config.h"

#include "aftercare-verdict-style.h"

/* One visual language for verdicts (INTERFACE.md): a colour and an icon of
 * its own for each, so colour is never the only signal. This is the
 * interface's, not the core's: the classes are libadwaita's and the icons
 * live in the interface's resources; the printed sheet draws its own marks
 * in colours made for paper. */
static const struct {
  const char *style_class;
  const char *icon_name;
} verdict_looks[] = {
  [AFTERCARE_VERDICT_TRAIN] = { "success", "aftercare-verdict-train-symbolic" },
  [AFTERCARE_VERDICT_EASY_RUN] = { "success", "aftercare-verdict-easy-run-symbolic" },
  [AFTERCARE_VERDICT_WAIT] = { "accent", "aftercare-verdict-wait-symbolic" },
  [AFTERCARE_VERDICT_REST] = { "warning", "aftercare-verdict-rest-symbolic" },
  [AFTERCARE_VERDICT_SEEK_CARE] = { "error", "aftercare-verdict-seek-care-symbolic" },
};

const char *
aftercare_verdict_get_style_class (AftercareVerdict verdict)
{
  g_return_val_if_fail ((guint) verdict < G_N_ELEMENTS (verdict_looks), NULL);
  return verdict_looks[verdict].style_class;
}

const char *
aftercare_verdict_get_icon_name (AftercareVerdict verdict)
{
  g_return_val_if_fail ((guint) verdict < G_N_ELEMENTS (verdict_looks), NULL);
  return verdict_looks[verdict].icon_name;
}

#define NEUTRAL_STYLE "neutral"

static void
remove_styles (GtkWidget *widget)
{
  for (guint v = 0; v < G_N_ELEMENTS (verdict_looks); v++)
    gtk_widget_remove_css_class (widget, verdict_looks[v].style_class);
  gtk_widget_remove_css_class (widget, NEUTRAL_STYLE);
}

void
aftercare_verdict_apply_style (GtkWidget        *widget,
                               AftercareVerdict  verdict)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail ((guint) verdict < G_N_ELEMENTS (verdict_looks));

  remove_styles (widget);
  gtk_widget_add_css_class (widget, verdict_looks[verdict].style_class);
}

void
aftercare_verdict_apply_neutral_style (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  remove_styles (widget);
  gtk_widget_add_css_class (widget, NEUTRAL_STYLE);
}
