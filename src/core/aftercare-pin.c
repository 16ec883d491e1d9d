/* aftercare-pin.c: the clinic's staff PIN, kept only as a salted, slow hash (PBKDF2-HMAC-SHA256). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-pin"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>
#include <sys/random.h>

#include "aftercare-pin.h"

#define SCHEME    "pbkdf2-sha256"
#define SALT_SIZE 16
#define HASH_SIZE 32
/* Beyond this a stored string is not ours: refuse rather than spin. */
#define MAX_ITERATIONS 10000000

G_DEFINE_QUARK (aftercare-pin-error-quark, aftercare_pin_error)

gboolean
aftercare_pin_validate (const char  *pin,
                        GError     **error)
{
  size_t length = pin != NULL ? strlen (pin) : 0;

  for (size_t i = 0; i < length; i++)
    if (!g_ascii_isdigit (pin[i]))
      length = 0;
  if (length >= AFTERCARE_PIN_MIN_LENGTH && length <= AFTERCARE_PIN_MAX_LENGTH)
    return TRUE;
  g_set_error (error, AFTERCARE_PIN_ERROR, AFTERCARE_PIN_ERROR_INVALID,
               _("Enter %d to %d digits for the staff PIN"),
               AFTERCARE_PIN_MIN_LENGTH, AFTERCARE_PIN_MAX_LENGTH);
  return FALSE;
}

/* One block of PBKDF2: U1 = HMAC(P, S || INT(i)), Uj = HMAC(P, Uj-1),
 * T = U1 xor … xor Uc. keyed already holds P. */
static void
pbkdf2_block (GHmac        *keyed,
              const guint8 *salt,
              gsize         salt_len,
              guint32       index,
              guint         iterations,
              guint8        block[HASH_SIZE])
{
  guint8 u[HASH_SIZE];
  guint8 counter[4] = { index >> 24, index >> 16, index >> 8, index };
  gsize length = HASH_SIZE;
  GHmac *hmac = g_hmac_copy (keyed);

  g_hmac_update (hmac, salt, salt_len);
  g_hmac_update (hmac, counter, sizeof counter);
  g_hmac_get_digest (hmac, u, &length);
  g_hmac_unref (hmac);
  memcpy (block, u, HASH_SIZE);
  for (guint j = 1; j < iterations; j++)
    {
      hmac = g_hmac_copy (keyed);
      g_hmac_update (hmac, u, HASH_SIZE);
      length = HASH_SIZE;
      g_hmac_get_digest (hmac, u, &length);
      g_hmac_unref (hmac);
      for (guint k = 0; k < HASH_SIZE; k++)
        block[k] ^= u[k];
    }
}

void
aftercare_pin_pbkdf2_sha256 (const guint8 *password,
                             gsize         password_len,
                             const guint8 *salt,
                             gsize         salt_len,
                             guint         iterations,
                             guint8       *out,
                             gsize         out_len)
{
  GHmac *keyed;

  g_return_if_fail (iterations > 0 && out != NULL);
  keyed = g_hmac_new (G_CHECKSUM_SHA256, password, password_len);
  for (guint32 index = 1; out_len > 0; index++)
    {
      guint8 block[HASH_SIZE];
      gsize n = MIN (out_len, HASH_SIZE);

      pbkdf2_block (keyed, salt, salt_len, index, iterations, block);
      memcpy (out, block, n);
      out += n;
      out_len -= n;
    }
  g_hmac_unref (keyed);
}

static void
random_salt (guint8 salt[SALT_SIZE])
{
  /* The kernel's generator; GLib's is not meant for secrets. */
  if (getrandom (salt, SALT_SIZE, 0) == SALT_SIZE)
    return;
  for (guint i = 0; i < SALT_SIZE; i++)
    salt[i] = g_random_int_range (0, 256);
}

char *
aftercare_pin_hash (const char  *pin,
                    GError     **error)
{
  guint8 salt[SALT_SIZE];
  guint8 hash[HASH_SIZE];
  g_autofree char *salt64 = NULL;
  g_autofree char *hash64 = NULL;

  if (!aftercare_pin_validate (pin, error))
    return NULL;
  random_salt (salt);
  aftercare_pin_pbkdf2_sha256 ((const guint8 *) pin, strlen (pin), salt, SALT_SIZE,
                               AFTERCARE_PIN_ITERATIONS, hash, HASH_SIZE);
  salt64 = g_base64_encode (salt, SALT_SIZE);
  hash64 = g_base64_encode (hash, HASH_SIZE);
  return g_strdup_printf (SCHEME "$%u$%s$%s", AFTERCARE_PIN_ITERATIONS, salt64, hash64);
}

static gboolean
equal_in_constant_time (const guint8 *a,
                        const guint8 *b,
                        gsize         length)
{
  guint8 difference = 0;

  for (gsize i = 0; i < length; i++)
    difference |= a[i] ^ b[i];
  return difference == 0;
}

gboolean
aftercare_pin_verify (const char *pin,
                      const char *stored)
{
  g_auto(GStrv) parts = NULL;
  g_autofree guint8 *salt = NULL;
  g_autofree guint8 *expected = NULL;
  guint8 hash[HASH_SIZE];
  gsize salt_len = 0, expected_len = 0;
  guint64 iterations = 0;

  if (pin == NULL || stored == NULL || *stored == '\0')
    return FALSE;
  parts = g_strsplit (stored, "$", -1);
  if (g_strv_length (parts) != 4 || strcmp (parts[0], SCHEME) != 0 ||
      !g_ascii_string_to_unsigned (parts[1], 10, 1, MAX_ITERATIONS, &iterations, NULL))
    return FALSE;
  salt = g_base64_decode (parts[2], &salt_len);
  expected = g_base64_decode (parts[3], &expected_len);
  if (salt_len == 0 || expected_len != HASH_SIZE)
    return FALSE;
  aftercare_pin_pbkdf2_sha256 ((const guint8 *) pin, strlen (pin), salt, salt_len,
                               (guint) iterations, hash, HASH_SIZE);
  return equal_in_constant_time (hash, expected, HASH_SIZE);
}

guint
aftercare_pin_delay_seconds (guint failures)
{
  guint delay = 1;

  if (failures < AFTERCARE_PIN_FREE_TRIES)
    return 0;
  for (guint extra = failures - AFTERCARE_PIN_FREE_TRIES; extra > 0 && delay < AFTERCARE_PIN_MAX_DELAY; extra--)
    delay *= 2;
  return MIN (delay, AFTERCARE_PIN_MAX_DELAY);
}
