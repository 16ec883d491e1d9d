/* test-accessible.c: every control is read by one clean name, whoever made it. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "aftercare-accessible.h"

/* child, shown in a window of its own: realized, as on screen (showing
 * the window realizes what is in it). */
static GtkWindow *
show (GtkWidget *child)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_child (window, child);
  gtk_window_present (window);
  g_assert_true (gtk_widget_get_realized (child));
  return window;
}

static GtkWidget *
find_type (GtkWidget *widget, GType type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_type (c, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_strip_mnemonic (void)
{
  static const struct { const char *label, *text; } cases[] = {
    { "_Next", "Next" }, { "Save as P_DF…", "Save as PDF…" }, { "a__b", "a_b" },
    { "No marker", "No marker" }, { "End_", "End_" }, { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = aftercare_accessible_strip_mnemonic (cases[i].label);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

/* GTK 4.8 reads "_Next Next": its label as given, then its label widget. */
static void
test_mnemonic_button (void)
{
  GtkWidget *button = gtk_button_new_with_mnemonic ("Save as P_DF…");
  GtkWindow *window = show (button);

  gtk_test_accessible_assert_property (button, GTK_ACCESSIBLE_PROPERTY_LABEL, "Save as PDF…");
  g_assert_false (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY));
  /* A new label is read cleanly too (the wizard's Next becomes See Verdict). */
  gtk_button_set_label (GTK_BUTTON (button), "_See Verdict");
  gtk_test_accessible_assert_property (button, GTK_ACCESSIBLE_PROPERTY_LABEL, "See Verdict");
  g_assert_false (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY));
  gtk_window_destroy (window);
}

/* Named, and labelled by its row: read twice ("Clinic Mode Clinic Mode"). */
static void
test_named_and_labelled_by_row (void)
{
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();
  GtkWindow *window;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), "Clinic Mode");
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, "Clinic Mode", -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  window = show (list);

  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL));
  g_assert_true (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_RELATION_LABELLED_BY));
  gtk_window_destroy (window);
}

/* An expander row's switch has no name: GTK reads "GtkSwitch". */
static void
test_expander_switch (void)
{
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *row = adw_expander_row_new ();
  GtkWindow *window;
  GtkWidget *toggle;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), "Use a _Logged Massage");
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_expander_row_set_show_enable_switch (ADW_EXPANDER_ROW (row), TRUE);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  window = show (list);
  toggle = find_type (row, GTK_TYPE_SWITCH);
  g_assert_nonnull (toggle);
  gtk_test_accessible_assert_property (toggle, GTK_ACCESSIBLE_PROPERTY_LABEL, "Use a Logged Massage");
  gtk_window_destroy (window);
}

/* Buttons with an icon or a label of their own: GTK reads "GtkImage",
 * "GtkButton". */
static void
test_unnamed_buttons (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *reveal = gtk_toggle_button_new ();
  GtkWidget *search = gtk_toggle_button_new ();
  GtkWidget *version = gtk_button_new ();
  GtkWidget *named = gtk_button_new_from_icon_name ("document-print-symbolic");
  GtkWindow *window;

  gtk_button_set_icon_name (GTK_BUTTON (reveal), "view-reveal-symbolic");
  gtk_widget_set_tooltip_text (reveal, "Show Text");
  gtk_button_set_icon_name (GTK_BUTTON (search), "edit-find-symbolic");
  gtk_button_set_child (GTK_BUTTON (version), gtk_label_new ("1.4"));
  gtk_widget_set_tooltip_text (named, "Print Aftercare Sheet");
  gtk_accessible_update_property (GTK_ACCESSIBLE (named), GTK_ACCESSIBLE_PROPERTY_LABEL, "Print", -1);
  gtk_box_append (GTK_BOX (box), reveal);
  gtk_box_append (GTK_BOX (box), search);
  gtk_box_append (GTK_BOX (box), version);
  gtk_box_append (GTK_BOX (box), named);
  window = show (box);

  gtk_test_accessible_assert_property (reveal, GTK_ACCESSIBLE_PROPERTY_LABEL, "Show Text");
  gtk_widget_set_tooltip_text (reveal, "Hide Text");
  gtk_test_accessible_assert_property (reveal, GTK_ACCESSIBLE_PROPERTY_LABEL, "Hide Text");
  gtk_test_accessible_assert_property (search, GTK_ACCESSIBLE_PROPERTY_LABEL, "Search");
  gtk_test_accessible_assert_property (version, GTK_ACCESSIBLE_PROPERTY_LABEL, "1.4");
  /* A name given is kept. */
  gtk_test_accessible_assert_property (named, GTK_ACCESSIBLE_PROPERTY_LABEL, "Print");
  gtk_window_destroy (window);
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  aftercare_accessible_install ();

  g_test_add_func ("/accessible/strip-mnemonic", test_strip_mnemonic);
  g_test_add_func ("/accessible/mnemonic-button", test_mnemonic_button);
  g_test_add_func ("/accessible/named-and-labelled-by-row", test_named_and_labelled_by_row);
  g_test_add_func ("/accessible/expander-switch", test_expander_switch);
  g_test_add_func ("/accessible/unnamed-buttons", test_unnamed_buttons);
  return g_test_run ();
}
