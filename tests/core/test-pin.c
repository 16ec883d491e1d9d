/* test-pin.c: the staff PIN is kept only as a salted hash that verifies (aftercare-pin.c). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "aftercare-pin.h"

#include <string.h>

static void
check_vector (const char *password,
              const char *salt,
              guint       iterations,
              const char *expected_hex)
{
  guint8 out[32];
  g_autoptr(GString) hex = g_string_new (NULL);

  aftercare_pin_pbkdf2_sha256 ((const guint8 *) password, strlen (password),
                               (const guint8 *) salt, strlen (salt), iterations, out, sizeof out);
  for (guint i = 0; i < sizeof out; i++)
    g_string_append_printf (hex, "%02x", out[i]);
  g_assert_cmpstr (hex->str, ==, expected_hex);
}

/* Published PBKDF2-HMAC-SHA256 vectors: a wrong HMAC or block loop fails here. */
static void
test_pbkdf2_known_vectors (void)
{
  check_vector ("password", "salt", 1,
                "120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b");
  check_vector ("password", "salt", 2,
                "ae4d0c95af6b46d32d0adff928f06dd02a303f8ef3c251dfd6e2d85a95474c43");
  check_vector ("password", "salt", 4096,
                "c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a");
}

static void
test_hash_verifies_only_its_pin (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = aftercare_pin_hash ("482915", &error);

  g_assert_no_error (error);
  g_assert_nonnull (stored);
  g_assert_true (aftercare_pin_verify ("482915", stored));
  g_assert_false (aftercare_pin_verify ("482916", stored));
  g_assert_false (aftercare_pin_verify ("48291", stored));
  g_assert_false (aftercare_pin_verify ("", stored));
}

static void
test_stored_string_never_holds_the_pin (void)
{
  g_autofree char *first = aftercare_pin_hash ("48291573", NULL);
  g_autofree char *second = aftercare_pin_hash ("48291573", NULL);

  g_assert_null (strstr (first, "48291573"));
  g_assert_true (g_str_has_prefix (first, "pbkdf2-sha256$100000$"));
  /* A fresh salt each time: equal PINs do not give equal strings. */
  g_assert_cmpstr (first, !=, second);
  g_assert_true (aftercare_pin_verify ("48291573", second));
}

static void
test_bad_pins_are_refused (void)
{
  const char *bad[] = { "", "123", "1234567890123", "12a4", "12 34", NULL };

  for (guint i = 0; bad[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *stored = aftercare_pin_hash (bad[i], &error);

      g_assert_null (stored);
      g_assert_error (error, AFTERCARE_PIN_ERROR, AFTERCARE_PIN_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "staff PIN"));
    }
}

static void
test_malformed_stored_strings_never_verify (void)
{
  const char *stored[] = {
    "", "1234", "pbkdf2-sha256$100000$c2FsdA==",
    "md5$1$c2FsdA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
    "pbkdf2-sha256$0$c2FsdA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
    "pbkdf2-sha256$99999999999$c2FsdA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
    "pbkdf2-sha256$1$c2FsdA==$c2hvcnQ=",
    NULL
  };

  for (guint i = 0; stored[i] != NULL; i++)
    g_assert_false (aftercare_pin_verify ("1234", stored[i]));
  g_assert_false (aftercare_pin_verify (NULL, "x"));
}

/* A stored string for pin with one round of hashing (quick to verify),
 * its hash bytes passed through change first. */
static char *
stored_with_hash (const char *pin,
                  void      (*change) (guint8 *hash, gsize *length, guint which),
                  guint       which)
{
  static const guint8 salt[16] = "a salt of 16 by";
  guint8 hash[33] = { 0 };
  gsize length = 32;
  g_autofree char *salt64 = g_base64_encode (salt, sizeof salt);
  g_autofree char *hash64 = NULL;

  aftercare_pin_pbkdf2_sha256 ((const guint8 *) pin, strlen (pin), salt, sizeof salt, 1, hash, 32);
  if (change != NULL)
    change (hash, &length, which);
  hash64 = g_base64_encode (hash, length);
  return g_strdup_printf ("pbkdf2-sha256$1$%s$%s", salt64, hash64);
}

static void
flip_byte (guint8 *hash,
           gsize  *length,
           guint   which)
{
  hash[which] ^= 0x01;
}

static void
set_length (guint8 *hash,
            gsize  *length,
            guint   which)
{
  *length = which;
}

/* Every byte of the hash counts: the right PIN against a stored hash that
 * differs from its own in any one bit of any byte, the last included, is
 * refused. */
static void
test_every_byte_of_the_hash_counts (void)
{
  g_autofree char *intact = stored_with_hash ("482915", NULL, 0);

  g_assert_true (aftercare_pin_verify ("482915", intact));
  for (guint i = 0; i < 32; i++)
    {
      g_autofree char *changed = stored_with_hash ("482915", flip_byte, i);

      if (aftercare_pin_verify ("482915", changed))
        g_error ("a stored hash changed in byte %u still verifies the PIN", i);
    }
}

/* A stored hash one byte short (the rest right) or one byte long is not
 * ours, even for the right PIN. */
static void
test_hash_of_wrong_length_never_verifies (void)
{
  const guint lengths[] = { 16, 31, 33 };

  for (guint i = 0; i < G_N_ELEMENTS (lengths); i++)
    {
      g_autofree char *stored = stored_with_hash ("482915", set_length, lengths[i]);

      g_assert_false (aftercare_pin_verify ("482915", stored));
    }
}

/* Three tries are free; then each wrong PIN doubles the wait, to a minute. */
static void
test_delay_grows_after_the_third_failure (void)
{
  static const guint expected[] = { 0, 0, 0, 1, 2, 4, 8, 16, 32, 60, 60 };

  for (guint failures = 0; failures < G_N_ELEMENTS (expected); failures++)
    g_assert_cmpuint (aftercare_pin_delay_seconds (failures), ==, expected[failures]);
  g_assert_cmpuint (aftercare_pin_delay_seconds (30), ==, 60);
  g_assert_cmpuint (aftercare_pin_delay_seconds (G_MAXUINT), ==, 60);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/pin/pbkdf2-known-vectors", test_pbkdf2_known_vectors);
  g_test_add_func ("/pin/hash-verifies-only-its-pin", test_hash_verifies_only_its_pin);
  g_test_add_func ("/pin/stored-string-never-holds-the-pin", test_stored_string_never_holds_the_pin);
  g_test_add_func ("/pin/bad-pins-are-refused", test_bad_pins_are_refused);
  g_test_add_func ("/pin/malformed-stored-strings-never-verify", test_malformed_stored_strings_never_verify);
  g_test_add_func ("/pin/every-byte-of-the-hash-counts", test_every_byte_of_the_hash_counts);
  g_test_add_func ("/pin/hash-of-wrong-length-never-verifies", test_hash_of_wrong_length_never_verifies);
  g_test_add_func ("/pin/delay-grows-after-the-third-failure", test_delay_grows_after_the_third_failure);
  return g_test_run ();
}
