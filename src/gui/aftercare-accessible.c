/* aftercare-accessible.c: the names a screen reader reads, set right where GTK 4.8 gets them wrong. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-accessible"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "aftercare-accessible.h"

/* Set on a control this file named, so it may name it again. */
#define NAMED_HERE "aftercare-accessible-named"
#define WATCHED "aftercare-accessible-watched"

char *
aftercare_accessible_strip_mnemonic (const char *label)
{
  GString *text;

  g_return_val_if_fail (label != NULL, NULL);

  text = g_string_sized_new (strlen (label));
  for (const char *p = label; *p != '\0'; p++)
    {
      /* "_x" marks x; "__" is an underscore shown as it is. */
      if (*p == '_' && p[1] != '\0')
        p++;
      g_string_append_c (text, *p);
    }
  return g_string_free (text, FALSE);
}

/* The label a button shows, when an underline in it marks a mnemonic. */
static const char *
mnemonic_label_of (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) && gtk_button_get_use_underline (GTK_BUTTON (widget)))
    return gtk_button_get_label (GTK_BUTTON (widget));
  if (GTK_IS_CHECK_BUTTON (widget) && gtk_check_button_get_use_underline (GTK_CHECK_BUTTON (widget)))
    return gtk_check_button_get_label (GTK_CHECK_BUTTON (widget));
  return NULL;
}

/* The controls a person acts on, which a screen reader reads by name. */
static gboolean
is_control (GtkWidget *widget)
{
  return GTK_IS_BUTTON (widget) || GTK_IS_CHECK_BUTTON (widget) || GTK_IS_SWITCH (widget) ||
         GTK_IS_SPIN_BUTTON (widget) || GTK_IS_SCALE (widget);
}

static void
set_name (GtkWidget  *widget,
          const char *name)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_object_set_data (G_OBJECT (widget), NAMED_HERE, GINT_TO_POINTER (TRUE));
}

/* The text a button shows in a label of its own making (GTK 4.8 reads
 * only the label it was given as a property). */
static const char *
shown_text (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *text = GTK_IS_LABEL (child) ? gtk_label_get_text (GTK_LABEL (child)) : shown_text (child);

      if (text != NULL && *text != '\0')
        return text;
    }
  return NULL;
}

static const char *
icon_name_of (GtkWidget *widget)
{
  if (GTK_IS_IMAGE (widget) && gtk_image_get_storage_type (GTK_IMAGE (widget)) == GTK_IMAGE_ICON_NAME)
    return gtk_image_get_icon_name (GTK_IMAGE (widget));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *icon = icon_name_of (child);

      if (icon != NULL)
        return icon;
    }
  return NULL;
}

/* What the standard icons of toolkit buttons that come without a name or
 * a tooltip mean (the shortcuts window's search, a subpage's back). */
static const char *
icon_meaning (const char *icon)
{
  static const struct { const char *icon; const char *meaning; } meanings[] = {
    { "edit-find-symbolic", N_("Search") },
    { "go-previous-symbolic", N_("Back") },
  };

  for (guint i = 0; icon != NULL && i < G_N_ELEMENTS (meanings); i++)
    if (g_str_equal (icon, meanings[i].icon))
      return _(meanings[i].meaning);
  return NULL;
}

/* A control with no name of its own in a row (the switch of an expander
 * row) is read as the row's title. */
static char *
row_title_of (GtkWidget *widget)
{
  GtkWidget *row = gtk_widget_get_ancestor (widget, ADW_TYPE_PREFERENCES_ROW);
  const char *title;

  if (row == NULL)
    return NULL;
  title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
  if (title == NULL || *title == '\0')
    return NULL;
  if (adw_preferences_row_get_use_underline (ADW_PREFERENCES_ROW (row)))
    return aftercare_accessible_strip_mnemonic (title);
  return g_strdup (title);
}

/* GTK 4.8 reads a control by all it is named by, one after the other:
 *  - a button with a mnemonic by its label as given ("_Next") and again by
 *    the label widget showing it ("_Next Next");
 *  - a control given a name and also labelled by its row's title, by both
 *    ("Clinic Mode Clinic Mode");
 *  - one with no name at all, by its class ("GtkImage", "GtkSwitch").
 * Each is left with one name: the text a sighted person reads there. */
static void
name_control (GtkWidget *widget)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (widget);
  const char *mnemonic = mnemonic_label_of (widget);
  gboolean named_here = g_object_get_data (G_OBJECT (widget), NAMED_HERE) != NULL;
  gboolean has_label = gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL);
  gboolean has_labelled_by = gtk_test_accessible_has_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  g_autofree char *name = NULL;

  if (mnemonic != NULL)
    {
      name = aftercare_accessible_strip_mnemonic (mnemonic);
      set_name (widget, name);
      gtk_accessible_reset_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY);
      return;
    }
  /* A button labelled by the label inside it reads that text; one with
   * only an image inside reads nothing from it. Another control is
   * labelled by its row's title. */
  if (GTK_IS_BUTTON (widget))
    has_labelled_by = has_labelled_by && shown_text (widget) != NULL;
  else if (has_label && has_labelled_by && !named_here)
    {
      /* The row's title wins, as it does for a sighted person. */
      gtk_accessible_reset_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL);
      return;
    }
  if ((has_label && !named_here) || has_labelled_by)
    return;
  if (GTK_IS_BUTTON (widget))
    name = g_strdup (shown_text (widget));
  if (name == NULL)
    name = g_strdup (gtk_widget_get_tooltip_text (widget));
  if (name == NULL)
    name = g_strdup (icon_meaning (icon_name_of (widget)));
  if (name == NULL)
    name = row_title_of (widget);
  if (name != NULL)
    set_name (widget, name);
}

static void
changed_cb (GtkWidget *widget)
{
  name_control (widget);
}

/* Runs for every widget as it is realized, wherever it was made (our
 * templates, libadwaita's dialogs and toasts, GTK's menus and windows);
 * a control named here is named again whenever what names it changes. */
static gboolean
realize_hook_cb (GSignalInvocationHint *hint,
                 guint                  n_values,
                 const GValue          *values,
                 gpointer               data)
{
  GtkWidget *widget = g_value_get_object (&values[0]);
  static const char *signals[] = {
    "notify::label", "notify::use-underline", "notify::tooltip-text", "notify::icon-name",
  };

  if (!is_control (widget))
    return TRUE;
  name_control (widget);
  if (g_object_get_data (G_OBJECT (widget), WATCHED) == NULL)
    {
      g_object_set_data (G_OBJECT (widget), WATCHED, GINT_TO_POINTER (TRUE));
      for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
        g_signal_connect (widget, signals[i], G_CALLBACK (changed_cb), NULL);
    }
  return TRUE;
}

void
aftercare_accessible_install (void)
{
  static gsize installed = 0;

  if (!g_once_init_enter (&installed))
    return;
  /* Signals are made with the class: it must exist to look them up. */
  g_type_class_unref (g_type_class_ref (GTK_TYPE_WIDGET));
  g_signal_add_emission_hook (g_signal_lookup ("realize", GTK_TYPE_WIDGET), 0, realize_hook_cb, NULL, NULL);
  g_once_init_leave (&installed, 1);
}
