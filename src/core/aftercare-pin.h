/* aftercare-pin.h: the clinic's staff PIN, kept only as a salted, slow hash (PBKDF2-HMAC-SHA256). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define AFTERCARE_PIN_MIN_LENGTH 4
#define AFTERCARE_PIN_MAX_LENGTH 12
/* Raised over time; each stored hash names its own count. */
#define AFTERCARE_PIN_ITERATIONS 100000

#define AFTERCARE_PIN_ERROR (aftercare_pin_error_quark ())
typedef enum {
  AFTERCARE_PIN_ERROR_INVALID,   /* not 4 to 12 digits */
} AftercarePinError;
GQuark aftercare_pin_error_quark (void);

/* A staff PIN is 4 to 12 digits. */
gboolean  aftercare_pin_validate (const char *pin, GError **error);

/* The string to store for pin: "pbkdf2-sha256$ITERATIONS$SALT$HASH", salt
 * (16 random bytes) and hash (32 bytes) in base64. The PIN itself is never
 * kept. NULL with error when the PIN is not valid. */
char     *aftercare_pin_hash     (const char *pin, GError **error);

/* TRUE when pin matches stored (compared in constant time); FALSE for any
 * other PIN, and for an empty or malformed stored string. */
gboolean  aftercare_pin_verify   (const char *pin, const char *stored);

/* Wrong PINs in a row before each further try must wait. */
#define AFTERCARE_PIN_FREE_TRIES  3
/* The longest wait between tries, in seconds. */
#define AFTERCARE_PIN_MAX_DELAY   60

/* How many seconds the next try must wait after failures wrong PINs in a
 * row: none for the first AFTERCARE_PIN_FREE_TRIES, then 1 s, doubling
 * with each further failure up to AFTERCARE_PIN_MAX_DELAY. */
guint     aftercare_pin_delay_seconds (guint failures);

/* PBKDF2 (RFC 8018) with HMAC-SHA256, exposed for its test vectors. */
void      aftercare_pin_pbkdf2_sha256 (const guint8 *password, gsize password_len,
                                       const guint8 *salt, gsize salt_len,
                                       guint iterations,
                                       guint8 *out, gsize out_len);

G_END_DECLS
