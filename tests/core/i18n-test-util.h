/* i18n-test-util.h: tests in another language, with the build's own translations, and the template's English strings. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  char *context;       /* NULL without msgctxt */
  char *id;
  char *translation;   /* msgstr (msgstr[0]); "" in the template */
} PotString;

/* The language under test (AFTERCARE_TEST_LANGUAGE, set per language in
 * tests/meson.build from po/LINGUAS), after turning this process to it:
 * its locale (LC_ALL, built by tests/locale) and the build's .mo files
 * (AFTERCARE_LOCALEDIR). Fails the test when either is missing. */
const char *i18n_test_use_language (void);
/* Every string of po/aftercare.pot in the source tree (an array of
 * PotString), the English originals. */
GPtrArray  *i18n_test_pot_strings  (void);
/* The English strings that po/LANGUAGE.po translates as they are
 * ("Aftercare", "Massage"): the set of their msgids. An untranslated
 * string is not among them. */
GHashTable *i18n_test_kept_in_english (const char *language);
/* The English strings that po/LANGUAGE.po translates as they are
 * ("Aftercare", "Massage"): the set of their msgids. An untranslated
 * string is not among them. */
GHashTable *i18n_test_kept_in_english (const char *language);
/* The translation of s in the language under test (s->id when it has none). */
const char *i18n_test_translate    (const PotString *s);
/* An environment for a child in English: envp without LANGUAGE, with C.UTF-8. */
char      **i18n_test_english_environ (void);

G_END_DECLS
