/* aftercare-store-backend.h: what a database must do for the store; SQL lives only behind this. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "aftercare-checkin.h"
#include "aftercare-session.h"
#include "aftercare-time-source.h"

G_BEGIN_DECLS

/* The store (aftercare-store.c, with aftercare-store-import.c and
 * aftercare-store-export.c) keeps every rule that is not SQL: validation,
 * the list model, undo, import and export. A backend only stores rows:
 * aftercare-sqlite-backend.c (a file) and aftercare-pg-backend.c (a shared
 * PostgreSQL server); the store's tests run once against each.
 *
 * Sessions are ordered newest first: by the instant they ended, latest
 * first, then by id, descending, so the order is total and stable.
 *
 * Rows carry versions: insert stores the object's version + 1 and sets it
 * on the object; update replaces only the row whose version is the
 * object's (then counts both up), and a row with another version is
 * CONFLICT (aftercare_store_backend_set_conflict(), saying when it
 * changed), a missing one NOT_FOUND.
 *
 * Errors are AFTERCARE_STORE_ERROR. A missing row is NOT_FOUND; inserting
 * an id that exists is CONFLICT. Every write made between begin_write() and
 * commit() is one transaction; writes outside one are refused. */

#define AFTERCARE_TYPE_STORE_BACKEND (aftercare_store_backend_get_type ())
G_DECLARE_INTERFACE (AftercareStoreBackend, aftercare_store_backend, AFTERCARE, STORE_BACKEND, GObject)

struct _AftercareStoreBackendInterface
{
  GTypeInterface parent_iface;

  /* Transactions. begin_write takes the write lock at once (waiting a while
   * for another process to finish); begin_read gives a consistent snapshot. */
  gboolean          (*begin_write)           (AftercareStoreBackend *self, GError **error);
  /* Optional: begin_write for a write of many rows (an import), which a
   * backend may make faster by holding more in memory, within a bound that
   * does not grow with the rows. Ended by commit or rollback as any write. */
  gboolean          (*begin_bulk_write)      (AftercareStoreBackend *self, GError **error);
  gboolean          (*begin_read)            (AftercareStoreBackend *self, GError **error);
  gboolean          (*commit)                (AftercareStoreBackend *self, GError **error);
  void              (*rollback)              (AftercareStoreBackend *self);

  /* Changes whenever another connection commits: the store compares it to
   * notice that its list is out of date. */
  guint64           (*get_change_stamp)      (AftercareStoreBackend *self);

  gboolean          (*count_sessions)        (AftercareStoreBackend *self, guint *n_sessions,
                                              GError **error);
  /* How many sessions come before session in the order above (session
   * itself need not be stored). */
  gboolean          (*count_sessions_before) (AftercareStoreBackend *self, AftercareSession *session,
                                              guint *position, GError **error);
  /* Up to limit sessions, in order: those after the session after (or from
   * the start if NULL), skipping the first skip of them. */
  GPtrArray        *(*list_sessions)         (AftercareStoreBackend *self, AftercareSession *after,
                                              guint skip, guint limit, GError **error);
  /* Of the newest look_back sessions, those of one type and pressure (as
   * stored, their keys), in the order above: the database picks them out,
   * so a page looking back over 2,000 sessions reads only its own kind. */
  GPtrArray        *(*list_newest_of_kind)   (AftercareStoreBackend *self, guint look_back,
                                              const char *type, const char *pressure, GError **error);
  AftercareSession *(*get_session)           (AftercareStoreBackend *self, const char *session_id,
                                              GError **error);
  /* The stored sessions among the n_ids ids, in any order. */
  GPtrArray        *(*get_sessions)          (AftercareStoreBackend *self, const char * const *ids,
                                              guint n_ids, GError **error);
  /* The sessions a search finds, in order: a GArray of AftercareSessionKey.
   * A session is found when its search words
   * (aftercare_store_backend_search_words()) contain words (folded with
   * aftercare_store_backend_fold(); not empty), or when its type or one of
   * its areas is among keys (NULL-terminated, may be empty). Answered from
   * an index, not by reading every session. */
  GArray           *(*search_sessions)       (AftercareStoreBackend *self, const char *words,
                                              const char * const *keys, GError **error);
  gboolean          (*insert_session)        (AftercareStoreBackend *self, AftercareSession *session,
                                              GError **error);
  gboolean          (*update_session)        (AftercareStoreBackend *self, AftercareSession *session,
                                              GError **error);
  /* Deletes the session and its check-ins. */
  gboolean          (*delete_session)        (AftercareStoreBackend *self, const char *session_id,
                                              GError **error);

  /* A session's check-ins, oldest first (an empty array for an unknown session). */
  GPtrArray        *(*list_checkins)         (AftercareStoreBackend *self, const char *session_id,
                                              GError **error);
  /* The check-ins of the sessions from first to last in the order above
   * (both included), ordered by their session in that order, then oldest
   * first: an export's one query for a page of sessions. */
  GPtrArray        *(*list_checkins_between) (AftercareStoreBackend *self, AftercareSession *first,
                                              AftercareSession *last, GError **error);
  /* The check-ins of the n_ids sessions, each session's together and
   * oldest first (the sessions in any order): one query for many sessions
   * where each costs a round trip. Optional: without it, list_checkins
   * for each. */
  GPtrArray        *(*list_checkins_of)      (AftercareStoreBackend *self, const char * const *session_ids,
                                              guint n_ids, GError **error);
  AftercareCheckin *(*get_checkin)           (AftercareStoreBackend *self, const char *checkin_id,
                                              GError **error);
  /* The stored check-ins among the n_ids ids, in any order. */
  GPtrArray        *(*get_checkins)          (AftercareStoreBackend *self, const char * const *ids,
                                              guint n_ids, GError **error);
  gboolean          (*insert_checkin)        (AftercareStoreBackend *self, AftercareCheckin *checkin,
                                              GError **error);
  gboolean          (*update_checkin)        (AftercareStoreBackend *self, AftercareCheckin *checkin,
                                              GError **error);
  gboolean          (*delete_checkin)        (AftercareStoreBackend *self, const char *checkin_id,
                                              GError **error);

  /* Why nothing may be written here (a sentence for people), or NULL when
   * writing is allowed. Writes are then refused with READ_ONLY. */
  const char       *(*get_read_only_reason)  (AftercareStoreBackend *self);
};

/* Every backend also has:
 * - a read-only boolean property "connected": FALSE while a server's
 *   connection is lost (the backend reconnects by itself, and meanwhile
 *   refuses work with UNREACHABLE); a file is always connected;
 * - a signal "changed" (const char *session_id, or NULL for "anything"):
 *   another connection has committed a change that concerns that session,
 *   or the backend reconnected. Emitted from the main loop, never in the
 *   middle of a call; the change stamp has moved by then. */

gboolean          aftercare_store_backend_begin_write           (AftercareStoreBackend *self, GError **error);
gboolean          aftercare_store_backend_begin_bulk_write      (AftercareStoreBackend *self, GError **error);
gboolean          aftercare_store_backend_begin_read            (AftercareStoreBackend *self, GError **error);
gboolean          aftercare_store_backend_commit                (AftercareStoreBackend *self, GError **error);
void              aftercare_store_backend_rollback              (AftercareStoreBackend *self);
guint64           aftercare_store_backend_get_change_stamp      (AftercareStoreBackend *self);
gboolean          aftercare_store_backend_count_sessions        (AftercareStoreBackend *self, guint *n_sessions,
                                                                 GError **error);
gboolean          aftercare_store_backend_count_sessions_before (AftercareStoreBackend *self,
                                                                 AftercareSession *session,
                                                                 guint *position, GError **error);
GPtrArray        *aftercare_store_backend_list_sessions         (AftercareStoreBackend *self,
                                                                 AftercareSession *after,
                                                                 guint skip, guint limit, GError **error);
GPtrArray        *aftercare_store_backend_list_newest_of_kind   (AftercareStoreBackend *self, guint look_back,
                                                                 const char *type, const char *pressure,
                                                                 GError **error);
AftercareSession *aftercare_store_backend_get_session           (AftercareStoreBackend *self,
                                                                 const char *session_id, GError **error);
GPtrArray        *aftercare_store_backend_get_sessions          (AftercareStoreBackend *self,
                                                                 const char * const *ids, guint n_ids,
                                                                 GError **error);
GArray           *aftercare_store_backend_search_sessions       (AftercareStoreBackend *self,
                                                                 const char *words,
                                                                 const char * const *keys, GError **error);
gboolean          aftercare_store_backend_insert_session        (AftercareStoreBackend *self,
                                                                 AftercareSession *session, GError **error);
gboolean          aftercare_store_backend_update_session        (AftercareStoreBackend *self,
                                                                 AftercareSession *session, GError **error);
gboolean          aftercare_store_backend_delete_session        (AftercareStoreBackend *self,
                                                                 const char *session_id, GError **error);
GPtrArray        *aftercare_store_backend_list_checkins         (AftercareStoreBackend *self,
                                                                 const char *session_id, GError **error);
GPtrArray        *aftercare_store_backend_list_checkins_between (AftercareStoreBackend *self,
                                                                 AftercareSession *first,
                                                                 AftercareSession *last, GError **error);
GPtrArray        *aftercare_store_backend_list_checkins_of      (AftercareStoreBackend *self,
                                                                 const char * const *session_ids, guint n_ids,
                                                                 GError **error);
AftercareCheckin *aftercare_store_backend_get_checkin           (AftercareStoreBackend *self,
                                                                 const char *checkin_id, GError **error);
GPtrArray        *aftercare_store_backend_get_checkins          (AftercareStoreBackend *self,
                                                                 const char * const *ids, guint n_ids,
                                                                 GError **error);
gboolean          aftercare_store_backend_insert_checkin        (AftercareStoreBackend *self,
                                                                 AftercareCheckin *checkin, GError **error);
gboolean          aftercare_store_backend_update_checkin        (AftercareStoreBackend *self,
                                                                 AftercareCheckin *checkin, GError **error);
gboolean          aftercare_store_backend_delete_checkin        (AftercareStoreBackend *self,
                                                                 const char *checkin_id, GError **error);

const char       *aftercare_store_backend_get_read_only_reason  (AftercareStoreBackend *self);
gboolean          aftercare_store_backend_get_connected         (AftercareStoreBackend *self);

/* What kind of row a conflict is about. */
typedef enum {
  AFTERCARE_STORE_ROW_SESSION,
  AFTERCARE_STORE_ROW_CHECKIN,
} AftercareStoreRowKind;

/* Sets error to AFTERCARE_STORE_ERROR_CONFLICT for an edit refused because
 * the row was changed elsewhere, at changed_at_usec (microseconds since the
 * epoch; 0 if unknown), which the message gives as a local clock time, in
 * the 12- or 24-hour form and relative to the day time_source gives.
 * Returns FALSE. */
gboolean          aftercare_store_backend_set_conflict          (AftercareStoreRowKind   kind,
                                                                 gint64                  changed_at_usec,
                                                                 AftercareTimeSource    *time_source,
                                                                 GError                **error);

/* A stored row's columns as a backend reads them (text is never NULL). The
 * decoders check every value, so a damaged row is an error naming its id and
 * column (AFTERCARE_STORE_ERROR_DAMAGED), whichever database it came from. */
typedef struct {
  const char *id;
  const char *ended_at;
  gint64      duration_minutes;
  const char *type;
  const char *pressure;
  gboolean    first_time;
  const char *areas;
  const char *client;
  const char *therapist;
  const char *notes;
  gint64      version;
} AftercareStoredSession;

typedef struct {
  const char *id;
  const char *session_id;
  const char *at;
  gint64      soreness;
  const char *symptoms;
  const char *notes;
  gint64      version;
} AftercareStoredCheckin;

AftercareSession *aftercare_store_backend_session_from_row     (const AftercareStoredSession *row,
                                                                 GError                   **error);
AftercareCheckin *aftercare_store_backend_checkin_from_row     (const AftercareStoredCheckin *row,
                                                                 GError                   **error);
/* Microseconds since the epoch, the sort key both backends store beside a time. */
gint64            aftercare_store_backend_unix_usec             (GDateTime *time);

/* A session's place in the list: its id and when it ended. */
typedef struct {
  char   *id;
  gint64  ended_usec;
} AftercareSessionKey;

/* A new GArray of AftercareSessionKey that frees the ids with it. */
GArray           *aftercare_session_key_array_new               (guint reserved);
void              aftercare_session_key_array_add               (GArray *keys, const char *id, gint64 ended_usec);
/* The order of the session list for keys: negative when a comes before b. */
int               aftercare_session_key_compare                 (const AftercareSessionKey *a,
                                                                 const AftercareSessionKey *b);

/* Search: text as both sides of a search compare it, whatever its case and
 * accents ("José" and "JOSE" both give "jose"). */
char             *aftercare_store_backend_fold                  (const char *text);
/* What a search looks for in a session's own words: its client, therapist
 * and notes, folded, one per line. */
char             *aftercare_store_backend_search_words          (const char *client, const char *therapist,
                                                                 const char *notes);
/* Its type's and areas' keys, each between semicolons: ";thai;calves;feet;" (";thai;;" with none). */
char             *aftercare_store_backend_search_keys           (const char *type_key, const char *areas);

/* The order of the session list: negative when a comes before b. */
int               aftercare_store_backend_compare_sessions      (AftercareSession *a, AftercareSession *b);

G_END_DECLS
