/* test-store.c: the store through its public interface, against each backend (aftercare-store.c, aftercare-session-list.c). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "aftercare-backup-reader.h"
#include "aftercare-catalog.h"
#include "aftercare-session-list.h"
#include "aftercare-store.h"
#include "aftercare-store-scan.h"
#include "aftercare-time.h"
#include "pg-test-util.h"
#include "store-test-util.h"

typedef struct
{
  const char *name;
  /* A location where a fresh, empty database can be made. */
  char *(*new_location) (const char *folder);
  /* Whether its tests can run here. */
  gboolean (*available) (void);
} Backend;

static char *
sqlite_location (const char *folder)
{
  return g_build_filename (folder, "aftercare.db", NULL);
}

static gboolean
always (void)
{
  return TRUE;
}

/* A new database on the test server, its tables made by the owner; the
 * store signs in as a front desk, with a desk's least privileges. */
static char *
postgres_location (const char *folder)
{
  return g_strdup (pg_test_database_new (TRUE)->desk);
}

/* Every backend the store's behaviour is tested against: one set of tests.
 * AFTERCARE_TEST_BACKEND picks one (tests/meson.build runs this program
 * once for each). */
static const Backend backends[] = {
  { "sqlite", sqlite_location, always },
  { "postgres", postgres_location, pg_test_available },
};

typedef struct
{
  const Backend *backend;
  char *folder;
  char *location;
  AftercareStore *store;
  GListModel *sessions;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->backend = data;
  f->folder = test_make_folder ();
  f->location = f->backend->new_location (f->folder);
  f->store = aftercare_store_open (f->location, test_time_source (), &error);
  g_assert_no_error (error);
  f->sessions = aftercare_store_get_sessions (f->store);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  pg_test_drop_databases ();
  test_remove_folder (f->folder);
  g_free (f->folder);
  g_free (f->location);
}

/* Another store on the same database, as a second program would have. */
static AftercareStore *
open_again (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  AftercareStore *store = aftercare_store_open (f->location, test_time_source (), &error);

  g_assert_no_error (error);
  return store;
}

/* A second, empty database of the same backend. */
static AftercareStore *
open_other (Fixture  *f,
            char    **location)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_build_filename (f->folder, "other", NULL);
  AftercareStore *store;

  g_mkdir (folder, 0700);
  *location = f->backend->new_location (folder);
  store = aftercare_store_open (*location, test_time_source (), &error);
  g_assert_no_error (error);
  return store;
}

static AftercareSession *
add_session (Fixture    *f,
             const char *ended_at)
{
  g_autoptr(GError) error = NULL;
  AftercareSession *session = test_session_new (ended_at);

  aftercare_store_add_session (f->store, session, &error);
  g_assert_no_error (error);
  return session;
}

static AftercareCheckin *
add_checkin (Fixture          *f,
             AftercareSession *session,
             const char       *at,
             guint             soreness)
{
  g_autoptr(GError) error = NULL;
  AftercareCheckin *checkin = test_checkin_new (session, at, soreness);

  aftercare_store_add_checkin (f->store, checkin, &error);
  g_assert_no_error (error);
  return checkin;
}

static void
assert_ids (GListModel                *model,
            AftercareSession * const  *expected,
            guint                      n_expected)
{
  g_autoptr(GPtrArray) ids = test_list_ids (model);

  g_assert_cmpuint (ids->len, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    g_assert_cmpstr (g_ptr_array_index (ids, i), ==, aftercare_session_get_id (expected[i]));
}

/* Sessions */

static void
test_session_round_trip (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(AftercareSession) session = test_session_new ("2026-11-24T10:00:00.250000+05:30");
  g_autoptr(AftercareSession) found = NULL;
  g_autoptr(AftercareStore) again = NULL;
  g_autoptr(GError) error = NULL;

  aftercare_session_set_first_time (session, TRUE);
  aftercare_session_set_client (session, "Zoë Ortega");
  aftercare_session_set_notes (session, "Tight left calf;\n\"go easy\", she said");
  g_assert_true (aftercare_store_add_session (f->store, session, &error));
  g_assert_no_error (error);

  found = aftercare_store_lookup_session (f->store, aftercare_session_get_id (session), &error);
  g_assert_no_error (error);
  g_assert_true (aftercare_session_equal (found, session));
  g_clear_object (&found);

  /* Still there, with its offset, for the next program that opens the file. */
  again = open_again (f);
  found = aftercare_store_lookup_session (again, aftercare_session_get_id (session), &error);
  g_assert_no_error (error);
  g_assert_true (aftercare_session_equal (found, session));
  g_assert_cmpint (g_date_time_get_utc_offset (aftercare_session_get_ended_at (found)), ==,
                   (5 * 60 + 30) * G_TIME_SPAN_MINUTE);
}

static void
test_session_unknown (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_uuid_string_random ();
  g_autoptr(AftercareSession) session = test_session_new ("2026-11-24T10:00:00Z");

  g_assert_null (aftercare_store_lookup_session (f->store, id, &error));
  g_assert_error (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (aftercare_store_update_session (f->store, session, &error));
  g_assert_error (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (aftercare_store_delete_session (f->store, id, &error));
  g_assert_error (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_NOT_FOUND);
  g_assert_false (aftercare_store_can_undo_delete (f->store));
}

static void
test_session_duplicate_id (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(AftercareSession) first = add_session (f, "2026-11-24T10:00:00Z");
  g_autoptr(AftercareSession) second = test_session_new ("2026-11-25T10:00:00Z");
  g_autoptr(GArray) changes = test_record_changes (f->sessions);
  g_autoptr(GError) error = NULL;

  aftercare_session_set_id (second, aftercare_session_get_id (first));
  g_assert_false (aftercare_store_add_session (f->store, second, &error));
  g_assert_error (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_CONFLICT);
  g_assert_cmpuint (changes->len, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (f->sessions), ==, 1);
}

/* The list */

static void
test_list_newest_first (Fixture       *f,
                        gconstpointer  data)
{
  /* The same day in several offsets: the order is by the instant. */
  g_autoptr(AftercareSession) oldest = add_session (f, "2026-11-20T10:00:00Z");
  g_autoptr(AftercareSession) at_5 = add_session (f, "2026-11-22T10:00:00+05:00");
  g_autoptr(AftercareSession) newest = add_session (f, "2026-11-21T23:00:00-08:00");
  g_autoptr(AftercareSession) at_6 = add_session (f, "2026-11-22T06:00:00Z");
  AftercareSession *expected[] = { newest, at_6, at_5, oldest };
  g_autoptr(AftercareStore) again = NULL;

  assert_ids (f->sessions, expected, G_N_ELEMENTS (expected));
  again = open_again (f);
  assert_ids (aftercare_store_get_sessions (again), expected, G_N_ELEMENTS (expected));
  g_assert_true (g_list_model_get_item_type (f->sessions) == AFTERCARE_TYPE_SESSION);
  g_assert_null (g_list_model_get_item (f->sessions, 4));
}

static gboolean
is_swedish (AftercareSession *session,
            gpointer          data)
{
  return aftercare_session_get_massage_type (session) == AFTERCARE_MASSAGE_SWEDISH;
}

/* A look back over the newest sessions reads them a page at a time and
 * keeps only what it is asked for: the same sessions, in the same order,
 * as reading them all and picking. */
static void
test_list_newest_kept (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(AftercareBackup) backup = aftercare_backup_new ();
  g_autoptr(GDateTime) newest = g_date_time_new_utc (2026, 11, 24, 10, 0, 0);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) kept = NULL;
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GError) error = NULL;
  guint n_expected = 0;

  /* 600 sessions, an hour apart: more than two of the scan's pages. */
  for (guint i = 0; i < 600; i++)
    {
      g_autoptr(GDateTime) ended = g_date_time_add_hours (newest, -(int) i);
      g_autoptr(AftercareSession) session = aftercare_session_new (ended);

      aftercare_session_set_massage_type (session, i % 3 == 0 ? AFTERCARE_MASSAGE_SWEDISH
                                                              : AFTERCARE_MASSAGE_SPORTS);
      aftercare_backup_add_session (backup, session, "made");
    }
  aftercare_store_import (f->store, backup, NULL, NULL, &error);
  g_assert_no_error (error);

  all = aftercare_store_list_newest_kept (f->store, 500, NULL, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 500);
  kept = aftercare_store_list_newest_kept (f->store, 500, is_swedish, NULL, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < all->len; i++)
    if (is_swedish (g_ptr_array_index (all, i), NULL))
      {
        g_assert_cmpuint (n_expected, <, kept->len);
        g_assert_cmpstr (aftercare_session_get_id (g_ptr_array_index (kept, n_expected)), ==,
                         aftercare_session_get_id (g_ptr_array_index (all, i)));
        n_expected++;
      }
  /* Sessions 0, 3, … 498 of the newest 500, none from beyond them. */
  g_assert_cmpuint (n_expected, ==, 167);
  g_assert_cmpuint (kept->len, ==, n_expected);
  /* At most 10 kept: the first 10 of them. */
  first = aftercare_store_list_newest_kept (f->store, 500, is_swedish, NULL, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first->len, ==, 10);
  for (guint i = 0; i < first->len; i++)
    g_assert_cmpstr (aftercare_session_get_id (g_ptr_array_index (first, i)), ==,
                     aftercare_session_get_id (g_ptr_array_index (kept, i)));
}

/* Into a store that holds rows, an import looks them up a window at a
 * time: across windows, rows stored already are compared (a difference is
 * a conflict naming the row's origin, and nothing is stored), the others
 * go in, and the counts say which. */
static void
test_import_looks_up_a_window_at_a_time (Fixture       *f,
                                         gconstpointer  data)
{
  g_autoptr(AftercareBackup) some = aftercare_backup_new ();
  g_autoptr(AftercareBackup) all = aftercare_backup_new ();
  g_autoptr(AftercareBackup) changed = aftercare_backup_new ();
  g_autoptr(GDateTime) newest = g_date_time_new_utc (2026, 11, 24, 10, 0, 0);
  g_autoptr(GError) error = NULL;
  guint n_sessions = 0, n_checkins = 0;

  /* 700 sessions with a check-in each: 1,400 rows, more than two windows. */
  for (guint i = 0; i < 700; i++)
    {
      g_autoptr(GDateTime) ended = g_date_time_add_hours (newest, -(int) (2 * i));
      g_autoptr(GDateTime) at = g_date_time_add_hours (ended, 1);
      g_autoptr(AftercareSession) session = aftercare_session_new (ended);
      g_autoptr(AftercareCheckin) checkin = aftercare_checkin_new (aftercare_session_get_id (session), at, 2, 0);
      g_autofree char *origin = g_strdup_printf ("row %u", i);

      aftercare_backup_add_session (all, session, origin);
      aftercare_backup_add_checkin (all, checkin, origin);
      if (i % 3 == 0)
        {
          aftercare_backup_add_session (some, session, origin);
          aftercare_backup_add_checkin (some, checkin, origin);
        }
      if (i == 651)
        {
          /* Stored with other notes (651 is among the first import's). */
          g_autoptr(AftercareSession) other = aftercare_session_copy (session);

          aftercare_session_set_notes (other, "changed");
          aftercare_backup_add_session (changed, other, "the changed row");
        }
      else
        {
          g_autoptr(AftercareSession) fresh = aftercare_session_new (ended);

          aftercare_backup_add_session (changed, fresh, origin);
        }
    }
  g_assert_true (aftercare_store_import (f->store, some, &n_sessions, &n_checkins, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_sessions, ==, 234);

  g_assert_true (aftercare_store_import (f->store, all, &n_sessions, &n_checkins, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_sessions, ==, 700 - 234);
  g_assert_cmpuint (n_checkins, ==, 700 - 234);
  g_assert_cmpuint (g_list_model_get_n_items (f->sessions), ==, 700);

  g_assert_false (aftercare_store_import (f->store, changed, &n_sessions, &n_checkins, &error));
  g_assert_error (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "the changed row"));
  g_assert_cmpuint (g_list_model_get_n_items (f->sessions), ==, 700);
}

static void
test_list_add_at_sorted_position (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GArray) changes = test_record_changes (f->sessions);
  g_autoptr(AftercareSession) a = add_session (f, "2026-11-10T10:00:00Z");
  g_autoptr(AftercareSession) c = add_session (f, "2026-11-12T10:00:00Z");
  g_autoptr(AftercareSession) b = add_session (f, "2026-11-11T10:00:00Z");
  AftercareSession *expected[] = { c, b, a };

  g_assert_cmpuint (changes->len, ==, 3);
  test_assert_change (changes, 0, 0, 0, 1);
  test_assert_change (changes, 1, 0, 0, 1);
  test_assert_change (changes, 2, 1, 0, 1);
  assert_ids (f->sessions, expected, G_N_ELEMENTS (expected));
}

static void
test_list_edit_in_place (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(AftercareSession) a = add_session (f, "2026-11-10T10:00:00Z");
  g_autoptr(AftercareSession) b = add_session (f, "2026-11-11T10:00:00Z");
  g_autoptr(AftercareSession) c = add_session (f, "2026-11-12T10:00:00Z");
  g_autoptr(AftercareSession) shown = g_list_model_get_item (f->sessions, 1);
  g_autoptr(AftercareSession) edited = aftercare_session_copy (b);
  g_autoptr(GDateTime) later = aftercare_time_parse ("2026-11-11T18:00:00+01:00");
  g_autoptr(GArray) changes = test_record_changes (f->sessions);
  g_autoptr(GError) error = NULL;
  AftercareSession *expected[] = { c, b, a };

  g_assert_cmpstr (aftercare_session_get_id (shown), ==, aftercare_session_get_id (b));
  aftercare_session_set_notes (edited, "Felt fine the next morning");
  g_assert_true (aftercare_store_update_session (f->store, edited, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 1);
  test_assert_change (changes, 0, 1, 1, 1);
  /* The row a view shows follows the edit. */
  g_assert_cmpstr (aftercare_session_get_notes (shown), ==, "Felt fine the next morning");

  /* A new end time that keeps its place among its neighbours. */
  aftercare_session_set_ended_at (edited, later);
  g_assert_true (aftercare_store_update_session (f->store, edited, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 2);
  test_assert_change (changes, 1, 1, 1, 1);
  g_assert_true (g_date_time_equal (aftercare_session_get_ended_at (shown), later));
  assert_ids (f->sessions, expected, G_N_ELEMENTS (expected));
}

static void
test_list_edit_moves_row (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(AftercareSession) a = add_session (f, "2026-11-10T10:00:00Z");
  g_autoptr(AftercareSession) b = add_session (f, "2026-11-11T10:00:00Z");
  g_autoptr(AftercareSession) c = add_session (f, "2026-11-12T10:00:00Z");
  g_autoptr(AftercareSession) edited = aftercare_session_copy (a);
  g_autoptr(GDateTime) newest = aftercare_time_parse ("2026-11-13T08:00:00Z");
  g_autoptr(GArray) changes = test_record_changes (f->sessions);
  g_autoptr(GError) error = NULL;
  AftercareSession *expected[] = { a, c, b };

  aftercare_session_set_ended_at (edited, newest);
  g_assert_true (aftercare_store_update_session (f->store, edited, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 2);
  test_assert_change (changes, 0, 2, 1, 0);
  test_assert_change (changes, 1, 0, 0, 1);
  assert_ids (f->sessions, expected, G_N_ELEMENTS (expected));
}

static void
notify_count_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_delete_and_undo (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(AftercareSession) a = add_session (f, "2026-11-10T10:00:00Z");
  g_autoptr(AftercareSession) b = add_session (f, "2026-11-11T10:00:00+01:00");
  g_autoptr(AftercareSession) c = add_session (f, "2026-11-12T10:00:00Z");
  g_autoptr(AftercareCheckin) b1 = add_checkin (f, b, "2026-11-11T12:00:00+01:00", 3);
  g_autoptr(AftercareCheckin) b2 = add_checkin (f, b, "2026-11-12T09:00:00+01:00", 1);
  g_autoptr(GArray) changes = test_record_changes (f->sessions);
  g_autoptr(AftercareSession) restored = NULL;
  g_autoptr(GPtrArray) checkins = NULL;
  g_autoptr(GError) error = NULL;
  AftercareSession *expected[] = { c, b, a };
  guint notified = 0;

  g_signal_connect (f->store, "notify::can-undo-delete", G_CALLBACK (notify_count_cb), &notified);
  g_assert_true (aftercare_store_delete_session (f->store, aftercare_session_get_id (b), &error));
  g_assert_no_error (error);
  test_assert_change (changes, 0, 1, 1, 0);
  g_assert_true (aftercare_store_can_undo_delete (f->store));
  g_assert_cmpuint (notified, ==, 1);
  g_assert_null (aftercare_store_list_checkins (f->store, aftercare_session_get_id (b), &error));
  g_assert_error (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (aftercare_store_undo_delete (f->store, &error));
  g_assert_no_error (error);
  test_assert_change (changes, 1, 1, 0, 1);
  g_assert_false (aftercare_store_can_undo_delete (f->store));
  g_assert_cmpuint (notified, ==, 2);
  assert_ids (f->sessions, expected, G_N_ELEMENTS (expected));
  restored = aftercare_store_lookup_session (f->store, aftercare_session_get_id (b), &error);
  g_assert_no_error (error);
  g_assert_true (aftercare_session_equal (restored, b));
  checkins = aftercare_store_list_checkins (f->store, aftercare_session_get_id (b), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (checkins->len, ==, 2);
  g_assert_true (aftercare_checkin_equal (g_ptr_array_index (checkins, 0), b1));
  g_assert_true (aftercare_checkin_equal (g_ptr_array_index (checkins, 1), b2));

  g_assert_false (aftercare_store_undo_delete (f->store, &error));
  g_assert_error (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_NOT_FOUND);
}

static void
test_undo_only_the_last_deletion (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(AftercareSession) a = add_session (f, "2026-11-10T10:00:00Z");
  g_autoptr(AftercareSession) b = add_session (f, "2026-11-11T10:00:00Z");
  g_autoptr(GError) error = NULL;
  AftercareSession *expected[] = { b };

  g_assert_true (aftercare_store_delete_session (f->store, aftercare_session_get_id (a), &error));
  g_assert_true (aftercare_store_delete_session (f->store, aftercare_session_get_id (b), &error));
  g_assert_true (aftercare_store_undo_delete (f->store, &error));
  g_assert_no_error (error);
  assert_ids (f->sessions, expected, G_N_ELEMENTS (expected));
}

static int
compare_in_list_order (gconstpointer a,
                       gconstpointer b)
{
  return aftercare_store_backend_compare_sessions (*(AftercareSession **) a, *(AftercareSession **) b);
}

/* Many rows, with ties in end time, so pages meet inside a run of equal times. */
static AftercareBackup *
make_many_sessions (guint       n_sessions,
                    GPtrArray **expected_ids)
{
  g_autoptr(GDateTime) start = aftercare_time_parse ("2026-01-01T08:00:00+01:00");
  AftercareBackup *backup = aftercare_backup_new ();
  g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n_sessions; i++)
    {
      g_autoptr(GDateTime) end = g_date_time_add_hours (start, i / 7);
      AftercareSession *session = test_session_new ("2026-01-01T08:00:00Z");

      aftercare_session_set_ended_at (session, end);
      aftercare_backup_add_session (backup, session, NULL);
      g_ptr_array_add (sessions, session);
    }
  g_ptr_array_sort (sessions, compare_in_list_order);
  *expected_ids = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < sessions->len; i++)
    g_ptr_array_add (*expected_ids, g_strdup (aftercare_session_get_id (g_ptr_array_index (sessions, i))));
  return backup;
}

static void
test_list_reads_pages_on_demand (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(AftercareBackup) backup = make_many_sessions (230, &expected);
  g_autoptr(AftercareStore) again = NULL;
  g_autoptr(AftercareSession) deep = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  AftercareSessionList *list;

  g_assert_true (aftercare_store_import (f->store, backup, NULL, NULL, &error));
  g_assert_no_error (error);
  again = open_again (f);
  list = AFTERCARE_SESSION_LIST (aftercare_store_get_sessions (again));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 230);
  g_assert_cmpuint (aftercare_session_list_get_n_loaded (list), ==, 0);

  /* A jump into the middle reads that page only. */
  deep = g_list_model_get_item (G_LIST_MODEL (list), 170);
  g_assert_cmpstr (aftercare_session_get_id (deep), ==, g_ptr_array_index (expected, 170));
  g_assert_cmpuint (aftercare_session_list_get_n_loaded (list), ==, AFTERCARE_SESSION_LIST_PAGE_SIZE);

  /* Scrolling from the top continues each page after the last. */
  ids = test_list_ids (G_LIST_MODEL (list));
  g_assert_cmpuint (ids->len, ==, expected->len);
  for (guint i = 0; i < ids->len; i++)
    g_assert_cmpstr (g_ptr_array_index (ids, i), ==, g_ptr_array_index (expected, i));
  g_assert_cmpuint (aftercare_session_list_get_n_loaded (list), ==, 230);
}

static void
test_list_finds_a_session (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(AftercareBackup) backup = make_many_sessions (230, &expected);
  g_autoptr(AftercareStore) again = NULL;
  g_autoptr(AftercareSession) wanted = NULL;
  g_autoptr(AftercareSession) twin = NULL;
  g_autoptr(AftercareSession) stranger = test_session_new ("2026-11-24T10:00:00Z");
  g_autoptr(GError) error = NULL;
  GListModel *list;
  guint position = G_MAXUINT;

  g_assert_true (aftercare_store_import (f->store, backup, NULL, NULL, &error));
  g_assert_no_error (error);
  again = open_again (f);
  list = aftercare_store_get_sessions (again);
  wanted = aftercare_store_lookup_session (again, g_ptr_array_index (expected, 170), &error);
  g_assert_no_error (error);

  g_assert_true (aftercare_session_list_find (list, wanted, &position));
  g_assert_cmpuint (position, ==, 170);
  /* A few pages at most, not the whole list. */
  g_assert_cmpuint (aftercare_session_list_get_n_loaded (AFTERCARE_SESSION_LIST (list)), <=,
                    3 * AFTERCARE_SESSION_LIST_PAGE_SIZE);

  /* Another massage that ended at the same moment is told apart by its id. */
  twin = aftercare_session_copy (wanted);
  aftercare_session_set_id (twin, "00000000-0000-4000-8000-000000000000");
  g_assert_true (aftercare_store_add_session (again, twin, &error));
  g_assert_no_error (error);
  g_assert_true (aftercare_session_list_find (list, twin, &position));
  {
    g_autoptr(AftercareSession) there = g_list_model_get_item (list, position);

    g_assert_cmpstr (aftercare_session_get_id (there), ==, aftercare_session_get_id (twin));
  }
  g_assert_true (aftercare_session_list_find (list, wanted, &position));
  {
    g_autoptr(AftercareSession) there = g_list_model_get_item (list, position);

    g_assert_cmpstr (aftercare_session_get_id (there), ==, aftercare_session_get_id (wanted));
  }
  /* One that was never stored is not found. */
  g_assert_false (aftercare_session_list_find (list, stranger, &position));
}

/* Check-ins */

static void
count_signal_cb (AftercareStore *store,
                 const char     *session_id,
                 GPtrArray      *seen)
{
  g_ptr_array_add (seen, g_strdup (session_id));
}

static void
test_checkins_oldest_first (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(AftercareSession) session = add_session (f, "2026-11-24T10:00:00Z");
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(AftercareCheckin) late = NULL;
  g_autoptr(AftercareCheckin) early = NULL;
  g_autoptr(GPtrArray) checkins = NULL;
  g_autoptr(GError) error = NULL;

  g_signal_connect (f->store, "checkins-changed", G_CALLBACK (count_signal_cb), seen);
  late = add_checkin (f, session, "2026-11-24T18:00:00+01:00", 2);
  early = add_checkin (f, session, "2026-11-24T10:00:00Z", 4);
  g_assert_cmpuint (seen->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (seen, 0), ==, aftercare_session_get_id (session));

  checkins = aftercare_store_list_checkins (f->store, aftercare_session_get_id (session), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (checkins->len, ==, 2);
  g_assert_true (aftercare_checkin_equal (g_ptr_array_index (checkins, 0), early));
  g_assert_true (aftercare_checkin_equal (g_ptr_array_index (checkins, 1), late));
}

/* Many sessions' check-ins in one read (one round trip to a server): each
 * session's, oldest first, and nothing for one without any or unknown. */
static void
test_checkins_of_many_sessions (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(AftercareSession) two = add_session (f, "2026-11-24T10:00:00Z");
  g_autoptr(AftercareSession) none = add_session (f, "2026-11-23T10:00:00Z");
  g_autoptr(AftercareSession) one = add_session (f, "2026-11-22T10:00:00Z");
  g_autoptr(AftercareSession) unknown = test_session_new ("2026-11-21T10:00:00Z");
  g_autoptr(AftercareCheckin) late = add_checkin (f, two, "2026-11-25T09:00:00Z", 1);
  g_autoptr(AftercareCheckin) early = add_checkin (f, two, "2026-11-24T16:00:00Z", 3);
  g_autoptr(AftercareCheckin) only = add_checkin (f, one, "2026-11-22T18:00:00Z", 5);
  g_autoptr(GPtrArray) sessions = g_ptr_array_new ();
  g_autoptr(GHashTable) by_session = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *checkins;

  g_ptr_array_add (sessions, two);
  g_ptr_array_add (sessions, none);
  g_ptr_array_add (sessions, one);
  g_ptr_array_add (sessions, unknown);
  by_session = aftercare_store_list_checkins_of (f->store, sessions, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (by_session), ==, 2);
  checkins = g_hash_table_lookup (by_session, aftercare_session_get_id (two));
  g_assert_cmpuint (checkins->len, ==, 2);
  g_assert_true (aftercare_checkin_equal (g_ptr_array_index (checkins, 0), early));
  g_assert_true (aftercare_checkin_equal (g_ptr_array_index (checkins, 1), late));
  checkins = g_hash_table_lookup (by_session, aftercare_session_get_id (one));
  g_assert_cmpuint (checkins->len, ==, 1);
  g_assert_true (aftercare_checkin_equal (g_ptr_array_index (checkins, 0), only));
  g_assert_false (g_hash_table_contains (by_session, aftercare_session_get_id (none)));
  g_assert_false (g_hash_table_contains (by_session, aftercare_session_get_id (unknown)));

  /* No session, no check-in. */
  g_ptr_array_set_size (sessions, 0);
  g_clear_pointer (&by_session, g_hash_table_unref);
  by_session = aftercare_store_list_checkins_of (f->store, sessions, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (by_session), ==, 0);
}

typedef struct {
  AftercareMassageType type;
  AftercarePressure pressure;
} KindWanted;

static gboolean
is_kind_wanted (AftercareSession *session,
                gpointer          data)
{
  const KindWanted *kind = data;

  return aftercare_session_get_massage_type (session) == kind->type &&
         aftercare_session_get_pressure (session) == kind->pressure;
}

/* The newest sessions of one kind, picked out by the database: the same,
 * in the same order, as a look through the newest in memory finds. */
static void
test_newest_of_kind (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GDateTime) newest = aftercare_time_parse ("2026-11-24T10:00:00Z");
  KindWanted kind = { AFTERCARE_MASSAGE_TRIGGER_POINT, AFTERCARE_PRESSURE_DEEP };
  g_autoptr(GPtrArray) picked = NULL;
  g_autoptr(GPtrArray) looked = NULL;
  g_autoptr(GError) error = NULL;

  /* Thirty, an hour apart, four types and three pressures in turn; the
   * 15th (of the kind) and the 16th end together, so their ids order them
   * and decide which one a look back over 15 takes. */
  for (int i = 0; i < 30; i++)
    {
      g_autoptr(GDateTime) ended = g_date_time_add_hours (newest, -(i <= 14 ? i : i - 1));
      g_autofree char *text = g_date_time_format_iso8601 (ended);
      g_autoptr(AftercareSession) session = test_session_new (text);

      aftercare_session_set_massage_type (session, i % 4);
      aftercare_session_set_pressure (session, i % 3);
      aftercare_store_add_session (f->store, session, &error);
      g_assert_no_error (error);
    }
  for (guint look_back = 0; look_back <= 31; look_back++)
    {
      g_clear_pointer (&picked, g_ptr_array_unref);
      g_clear_pointer (&looked, g_ptr_array_unref);
      picked = aftercare_store_list_newest_of_kind (f->store, look_back, kind.type, kind.pressure, &error);
      g_assert_no_error (error);
      looked = aftercare_store_list_newest_kept (f->store, look_back, is_kind_wanted, &kind, 0, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (picked->len, ==, looked->len);
      for (guint i = 0; i < picked->len; i++)
        g_assert_cmpstr (aftercare_session_get_id (g_ptr_array_index (picked, i)), ==,
                         aftercare_session_get_id (g_ptr_array_index (looked, i)));
    }
  /* Of the thirty, every twelfth is trigger point and deep: the whole look found 3. */
  g_assert_cmpuint (picked->len, ==, 3);
}

static void
test_checkin_rules (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(AftercareSession) session = add_session (f, "2026-11-24T10:00:00Z");
  g_autoptr(AftercareSession) other = test_session_new ("2026-11-20T10:00:00Z");
  g_autoptr(AftercareCheckin) before = test_checkin_new (session, "2026-11-24T10:30:00+01:00", 2);
  g_autoptr(AftercareCheckin) orphan = test_checkin_new (other, "2026-11-24T12:00:00Z", 2);
  g_autoptr(AftercareCheckin) checkin = add_checkin (f, session, "2026-11-24T12:00:00Z", 2);
  g_autoptr(AftercareSession) later_end = aftercare_session_copy (session);
  g_autoptr(GDateTime) after_checkin = aftercare_time_parse ("2026-11-24T13:00:00Z");
  g_autoptr(GPtrArray) checkins = NULL;
  g_autoptr(GError) error = NULL;

  /* 10:30 at +01:00 is 09:30 UTC: before the session ended. */
  g_assert_false (aftercare_store_add_checkin (f->store, before, &error));
  g_assert_error (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (aftercare_store_add_checkin (f->store, orphan, &error));
  g_assert_error (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* Nor may the session be moved to end after its check-ins. */
  aftercare_session_set_ended_at (later_end, after_checkin);
  g_assert_false (aftercare_store_update_session (f->store, later_end, &error));
  g_assert_error (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_INVALID);
  g_clear_error (&error);

  checkins = aftercare_store_list_checkins (f->store, aftercare_session_get_id (session), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (checkins->len, ==, 1);
  g_assert_true (aftercare_checkin_equal (g_ptr_array_index (checkins, 0), checkin));
}

/* Text that is not UTF-8 never reaches the database, whatever let it through:
 * one such row would make every later export unreadable. */
static void
test_text_must_be_utf8 (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(AftercareSession) session = add_session (f, "2026-11-24T10:00:00Z");
  g_autoptr(AftercareSession) bad_new = test_session_new ("2026-11-23T10:00:00Z");
  g_autoptr(AftercareSession) bad_edit = aftercare_session_copy (session);
  g_autoptr(AftercareCheckin) bad_checkin = test_checkin_new (session, "2026-11-24T12:00:00Z", 2);
  g_autoptr(AftercareCheckin) checkin = add_checkin (f, session, "2026-11-24T13:00:00Z", 2);
  g_autoptr(AftercareCheckin) bad_checkin_edit = aftercare_checkin_copy (checkin);
  g_autoptr(AftercareSession) stored = NULL;
  g_autoptr(GPtrArray) checkins = NULL;
  g_autoptr(GError) error = NULL;

  /* What json-glib makes of "X\ud800Y". */
  aftercare_session_set_client (bad_new, "X\xed\xa0\x80");
  g_assert_false (aftercare_store_add_session (f->store, bad_new, &error));
  g_assert_error (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_INVALID);
  g_clear_error (&error);
  aftercare_session_set_notes (bad_edit, "caf\xe9");
  g_assert_false (aftercare_store_update_session (f->store, bad_edit, &error));
  g_assert_error (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_INVALID);
  g_clear_error (&error);
  aftercare_checkin_set_notes (bad_checkin, "\xff");
  g_assert_false (aftercare_store_add_checkin (f->store, bad_checkin, &error));
  g_assert_error (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_INVALID);
  g_clear_error (&error);
  aftercare_checkin_set_notes (bad_checkin_edit, "\xc3");
  g_assert_false (aftercare_store_update_checkin (f->store, bad_checkin_edit, &error));
  g_assert_error (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpuint (g_list_model_get_n_items (aftercare_store_get_sessions (f->store)), ==, 1);
  stored = aftercare_store_lookup_session (f->store, aftercare_session_get_id (session), &error);
  g_assert_no_error (error);
  g_assert_true (aftercare_session_equal (stored, session));
  checkins = aftercare_store_list_checkins (f->store, aftercare_session_get_id (session), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (checkins->len, ==, 1);
  g_assert_true (aftercare_checkin_equal (g_ptr_array_index (checkins, 0), checkin));
}

static void
test_checkin_edit_and_delete (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(AftercareSession) session = add_session (f, "2026-11-24T10:00:00Z");
  g_autoptr(AftercareCheckin) checkin = add_checkin (f, session, "2026-11-24T12:00:00Z", 2);
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) checkins = NULL;
  g_autoptr(GError) error = NULL;

  g_signal_connect (f->store, "checkins-changed", G_CALLBACK (count_signal_cb), seen);
  aftercare_checkin_set_soreness (checkin, 6);
  aftercare_checkin_set_symptoms (checkin, AFTERCARE_SYMPTOM_SWELLING | AFTERCARE_SYMPTOM_FEVER);
  aftercare_checkin_set_notes (checkin, "Worse after the stairs");
  g_assert_true (aftercare_store_update_checkin (f->store, checkin, &error));
  g_assert_no_error (error);
  checkins = aftercare_store_list_checkins (f->store, aftercare_session_get_id (session), &error);
  g_assert_true (aftercare_checkin_equal (g_ptr_array_index (checkins, 0), checkin));
  g_clear_pointer (&checkins, g_ptr_array_unref);

  g_assert_true (aftercare_store_delete_checkin (f->store, aftercare_checkin_get_id (checkin), &error));
  g_assert_no_error (error);
  checkins = aftercare_store_list_checkins (f->store, aftercare_session_get_id (session), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (checkins->len, ==, 0);
  g_assert_cmpuint (seen->len, ==, 2);
  g_assert_false (aftercare_store_delete_checkin (f->store, aftercare_checkin_get_id (checkin), &error));
  g_assert_error (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_NOT_FOUND);
}

/* Two programs on one database */

static void
test_refresh_sees_other_writers (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(AftercareStore) other = open_again (f);
  g_autoptr(AftercareSession) theirs = test_session_new ("2026-11-24T10:00:00Z");
  g_autoptr(AftercareSession) theirs_too = test_session_new ("2026-11-26T10:00:00Z");
  g_autoptr(AftercareSession) ours = NULL;
  g_autoptr(GArray) changes = test_record_changes (f->sessions);
  g_autoptr(GError) error = NULL;

  g_assert_false (aftercare_store_refresh (f->store));
  g_assert_true (aftercare_store_add_session (other, theirs, &error));
  g_assert_no_error (error);
  g_assert_true (aftercare_store_refresh (f->store));
  test_assert_change (changes, 0, 0, 0, 1);
  g_assert_false (aftercare_store_refresh (f->store));

  /* A write of ours after theirs, unseen: the list comes out right anyway. */
  g_assert_true (aftercare_store_add_session (other, theirs_too, &error));
  ours = add_session (f, "2026-11-25T10:00:00Z");
  {
    AftercareSession *expected[] = { theirs_too, ours, theirs };
    assert_ids (f->sessions, expected, G_N_ELEMENTS (expected));
  }
}

/* Several desks: an edit of a stale copy is refused, nothing is overwritten */

/* The message names the clock time of the other desk's change: the time
 * the stores are told it is (SQLite), or the server's, which is between
 * that time and now (PostgreSQL). */
static void
assert_conflict_names_time (const GError *error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) local_before = g_date_time_to_local (test_now ());
  g_autofree char *early = g_date_time_format (local_before, "%H:%M");
  g_autofree char *late = g_date_time_format (now, "%H:%M");

  g_assert_error (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "changed at another desk at "));
  g_assert_nonnull (strstr (error->message, "reload to see it"));
  g_assert_true (strstr (error->message, early) != NULL || strstr (error->message, late) != NULL);
}

static void
test_stale_session_edit_is_refused (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(AftercareSession) session = add_session (f, "2026-11-24T10:00:00Z");
  const char *id = aftercare_session_get_id (session);
  g_autoptr(AftercareStore) other = open_again (f);
  g_autoptr(AftercareSession) theirs = NULL;
  g_autoptr(AftercareSession) mine = aftercare_session_copy (session);
  g_autoptr(AftercareSession) stored = NULL;
  g_autoptr(AftercareSession) shown = g_list_model_get_item (f->sessions, 0);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (aftercare_session_get_version (session), ==, 1);
  g_assert_cmpint (aftercare_session_get_version (shown), ==, 1);
  theirs = aftercare_store_lookup_session (other, id, &error);
  g_assert_no_error (error);
  aftercare_session_set_notes (theirs, "Written at the other desk");
  g_assert_true (aftercare_store_update_session (other, theirs, &error));
  g_assert_no_error (error);
  g_assert_cmpint (aftercare_session_get_version (theirs), ==, 2);

  /* This desk still edits the copy it read before. */
  aftercare_session_set_notes (mine, "Written here, from a stale copy");
  g_assert_false (aftercare_store_update_session (f->store, mine, &error));
  assert_conflict_names_time (error);
  g_clear_error (&error);
  g_assert_cmpint (aftercare_session_get_version (mine), ==, 1);
  stored = aftercare_store_lookup_session (f->store, id, &error);
  g_assert_cmpstr (aftercare_session_get_notes (stored), ==, "Written at the other desk");
  g_assert_cmpint (aftercare_session_get_version (stored), ==, 2);

  /* Reloaded, the edit goes through, and the list's row follows it. */
  aftercare_session_set_notes (stored, "Written here, after reloading");
  g_assert_true (aftercare_store_update_session (f->store, stored, &error));
  g_assert_no_error (error);
  g_assert_cmpint (aftercare_session_get_version (stored), ==, 3);
  g_assert_cmpint (aftercare_session_get_version (shown), ==, 3);
  g_assert_cmpstr (aftercare_session_get_notes (shown), ==, "Written here, after reloading");
}

/* The time in a conflict's message is written as the time source says
 * people read clocks, not as the desktop does (24-hour in the tests). */
static void
test_conflict_time_follows_the_time_source (Fixture       *f,
                                            gconstpointer  data)
{
  g_autoptr(AftercareTimeSource) twelve_hour = aftercare_fixed_time_new (test_now (), FALSE);
  g_autoptr(AftercareStore) mine = NULL;
  g_autoptr(AftercareStore) other = test_store_open (f->location);
  g_autoptr(AftercareSession) session = add_session (f, "2026-11-24T10:00:00Z");
  g_autoptr(AftercareSession) stale = NULL;
  g_autoptr(AftercareSession) theirs = NULL;
  g_autoptr(GError) error = NULL;

  mine = aftercare_store_open (f->location, twelve_hour, &error);
  g_assert_no_error (error);
  stale = aftercare_store_lookup_session (mine, aftercare_session_get_id (session), &error);
  g_assert_no_error (error);
  theirs = aftercare_store_lookup_session (other, aftercare_session_get_id (session), &error);
  g_assert_no_error (error);
  aftercare_session_set_notes (theirs, "Written at the other desk");
  g_assert_true (aftercare_store_update_session (other, theirs, &error));
  g_assert_no_error (error);

  aftercare_session_set_notes (stale, "Written here, from a stale copy");
  g_assert_false (aftercare_store_update_session (mine, stale, &error));
  g_assert_error (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_CONFLICT);
  if (strstr (error->message, " AM;") == NULL && strstr (error->message, " PM;") == NULL)
    g_error ("expected a 12-hour time (“2:02 PM”) in “%s”", error->message);
}

static void
test_stale_checkin_edit_is_refused (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(AftercareSession) session = add_session (f, "2026-11-24T10:00:00Z");
  g_autoptr(AftercareCheckin) checkin = add_checkin (f, session, "2026-11-24T12:00:00Z", 2);
  g_autoptr(AftercareStore) other = open_again (f);
  g_autoptr(GPtrArray) theirs = NULL;
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GError) error = NULL;
  AftercareCheckin *their_checkin;

  g_assert_cmpint (aftercare_checkin_get_version (checkin), ==, 1);
  theirs = aftercare_store_list_checkins (other, aftercare_session_get_id (session), &error);
  their_checkin = g_ptr_array_index (theirs, 0);
  g_assert_cmpint (aftercare_checkin_get_version (their_checkin), ==, 1);
  aftercare_checkin_set_soreness (their_checkin, 5);
  g_assert_true (aftercare_store_update_checkin (other, their_checkin, &error));
  g_assert_no_error (error);

  aftercare_checkin_set_soreness (checkin, 1);
  g_assert_false (aftercare_store_update_checkin (f->store, checkin, &error));
  assert_conflict_names_time (error);
  g_assert_nonnull (strstr (error->message, "check-in"));
  stored = aftercare_store_list_checkins (f->store, aftercare_session_get_id (session), NULL);
  g_assert_cmpuint (aftercare_checkin_get_soreness (g_ptr_array_index (stored, 0)), ==, 5);
  g_assert_cmpint (aftercare_checkin_get_version (g_ptr_array_index (stored, 0)), ==, 2);
}

/* Two desks adding at once: UUIDs and no read-modify-write, so both stay. */
static void
test_interleaved_adds_lose_nothing (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(AftercareStore) other = open_again (f);
  g_autoptr(AftercareSession) session = add_session (f, "2026-11-24T10:00:00Z");
  g_autoptr(GPtrArray) checkins = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 10; i++)
    {
      g_autoptr(AftercareCheckin) here = test_checkin_new (session, "2026-11-24T12:00:00Z", i % 11);
      g_autoptr(AftercareCheckin) there = test_checkin_new (session, "2026-11-24T12:00:00Z", i % 11);

      g_assert_true (aftercare_store_add_checkin (f->store, here, &error));
      g_assert_true (aftercare_store_add_checkin (other, there, &error));
      g_assert_no_error (error);
    }
  checkins = aftercare_store_list_checkins (f->store, aftercare_session_get_id (session), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (checkins->len, ==, 20);
}

/* Import and export */

/* A small log with the awkward parts: offsets, fractions of a second,
 * commas, quotes, line breaks, non-ASCII text, a session without check-ins. */
static void
fill_sample_log (Fixture *f)
{
  g_autoptr(AftercareSession) a = add_session (f, "2026-11-24T10:00:00.250000+05:30");
  g_autoptr(AftercareSession) b = add_session (f, "2026-11-20T18:45:00-03:00");
  g_autoptr(AftercareSession) c = add_session (f, "2026-11-22T07:00:00Z");
  g_autoptr(AftercareCheckin) a1 = test_checkin_new (a, "2026-11-24T16:00:00+05:30", 2);
  g_autoptr(AftercareCheckin) a2 = test_checkin_new (a, "2026-11-25T08:00:00+05:30", 0);
  g_autoptr(AftercareCheckin) b1 = test_checkin_new (b, "2026-11-21T08:00:00Z", 5);
  g_autoptr(GError) error = NULL;

  aftercare_session_set_client (a, "Zoë, \"the runner\"");
  aftercare_session_set_notes (a, "Left calf tight\nright one fine; — ok");
  aftercare_session_set_first_time (b, TRUE);
  aftercare_session_set_areas (c, AFTERCARE_AREA_NONE);
  aftercare_session_set_massage_type (c, AFTERCARE_MASSAGE_LYMPHATIC_DRAINAGE);
  aftercare_store_update_session (f->store, a, &error);
  aftercare_store_update_session (f->store, b, &error);
  aftercare_store_update_session (f->store, c, &error);
  g_assert_no_error (error);
  aftercare_checkin_set_notes (a2, "\"Quoted\",\r\nand more");
  aftercare_checkin_set_symptoms (b1, AFTERCARE_SYMPTOM_BRUISING | AFTERCARE_SYMPTOM_NUMBNESS);
  aftercare_store_add_checkin (f->store, a1, &error);
  aftercare_store_add_checkin (f->store, a2, &error);
  aftercare_store_add_checkin (f->store, b1, &error);
  g_assert_no_error (error);
}

/* Every session and check-in of one store is in the other, identical. */
static void
assert_same_log (AftercareStore *from,
                 AftercareStore *to)
{
  GListModel *sessions = aftercare_store_get_sessions (from);

  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==,
                    g_list_model_get_n_items (aftercare_store_get_sessions (to)));
  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(AftercareSession) session = g_list_model_get_item (sessions, i);
      const char *id = aftercare_session_get_id (session);
      g_autoptr(AftercareSession) copy = aftercare_store_lookup_session (to, id, NULL);
      g_autoptr(GPtrArray) checkins = aftercare_store_list_checkins (from, id, NULL);
      g_autoptr(GPtrArray) copied = aftercare_store_list_checkins (to, id, NULL);

      g_assert_nonnull (copy);
      g_assert_null (aftercare_backup_session_difference (session, copy));
      g_assert_cmpuint (checkins->len, ==, copied->len);
      for (guint j = 0; j < checkins->len; j++)
        g_assert_null (aftercare_backup_checkin_difference (g_ptr_array_index (checkins, j),
                                                            g_ptr_array_index (copied, j)));
    }
}

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

/* The text of a JSON backup without its export time. */
static char *
without_exported_at (const char *text)
{
  g_autoptr(GRegex) regex = g_regex_new ("\"exported_at\": \"[^\"]*\"", 0, 0, NULL);

  return g_regex_replace_literal (regex, text, -1, 0, "", 0, NULL);
}

static void
round_trip (Fixture    *f,
            const char *name)
{
  g_autofree char *path = g_build_filename (f->folder, name, NULL);
  g_autofree char *again_folder = g_build_filename (f->folder, "again", NULL);
  g_autofree char *again_path = g_build_filename (again_folder, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) again_file = g_file_new_for_path (again_path);
  g_autofree char *other_location = NULL;
  g_autoptr(AftercareStore) other = NULL;
  g_autofree char *first = NULL, *second = NULL, *first_body = NULL, *second_body = NULL;
  g_autoptr(GError) error = NULL;
  guint n_sessions = 0, n_checkins = 0;
  GStatBuf st;

  fill_sample_log (f);
  g_assert_true (aftercare_store_export_file (f->store, file, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  other = open_other (f, &other_location);
  g_assert_true (aftercare_store_import_file (other, file, &n_sessions, &n_checkins, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_sessions, ==, 3);
  g_assert_cmpuint (n_checkins, ==, 3);
  assert_same_log (f->store, other);

  /* Exported again, the file says the same, byte for byte. */
  g_mkdir (again_folder, 0700);
  g_assert_true (aftercare_store_export_file (other, again_file, &error));
  g_assert_no_error (error);
  first = read_text (path);
  second = read_text (again_path);
  first_body = without_exported_at (first);
  second_body = without_exported_at (second);
  g_assert_cmpstr (first_body, ==, second_body);
}

static void
test_json_round_trip (Fixture       *f,
                      gconstpointer  data)
{
  round_trip (f, "backup.json");
}

static void
test_csv_round_trip (Fixture       *f,
                     gconstpointer  data)
{
  round_trip (f, "sessions.CSV");
}

static void
export_sample (Fixture    *f,
               const char *name,
               GFile     **file)
{
  g_autofree char *path = g_build_filename (f->folder, name, NULL);
  g_autoptr(GError) error = NULL;

  fill_sample_log (f);
  *file = g_file_new_for_path (path);
  g_assert_true (aftercare_store_export_file (f->store, *file, &error));
  g_assert_no_error (error);
}

static void
test_import_is_idempotent (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  guint n_sessions = 99, n_checkins = 99;

  export_sample (f, "backup.json", &file);
  changes = test_record_changes (f->sessions);
  g_assert_true (aftercare_store_import_file (f->store, file, &n_sessions, &n_checkins, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_sessions, ==, 0);
  g_assert_cmpuint (n_checkins, ==, 0);
  g_assert_cmpuint (changes->len, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (f->sessions), ==, 3);
}

/* Writes the first half of text into the pipe at path, cancels, then
 * writes the rest: the rows after the middle come after the cancel. */
typedef struct
{
  const char *path;
  const char *text;
  GCancellable *cancellable;
} Feeder;

static gpointer
feed_then_cancel (gpointer data)
{
  Feeder *feeder = data;
  gsize length = strlen (feeder->text), half = length / 2;
  int fd = open (feeder->path, O_WRONLY);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, feeder->text, half), ==, (gssize) half);
  g_usleep (50 * 1000);
  g_cancellable_cancel (feeder->cancellable);
  g_assert_cmpint (write (fd, feeder->text + half, length - half), ==, (gssize) (length - half));
  close (fd);
  return NULL;
}

/* An import made through another store open on the same database (the
 * window imports so, in a worker thread) tells what it added and what the
 * file held; this store then shows the rows, and hears of the check-ins
 * added to a session it had. Cancelled, it adds nothing. */
static void
test_import_elsewhere_tells_this_store (Fixture       *f,
                                        gconstpointer  data)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(AftercareStore) other = NULL;
  g_autoptr(AftercareSession) a = NULL;
  g_autoptr(AftercareSession) b = NULL;
  g_autoptr(GPtrArray) a_checkins = NULL;
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  g_autofree char *pipe_path = g_build_filename (f->folder, "backup-pipe.json", NULL);
  g_autoptr(GFile) pipe = g_file_new_for_path (pipe_path);
  g_autofree char *text = NULL;
  Feeder feeder;
  GThread *thread;
  g_autoptr(GArray) changes = NULL;
  g_auto(AftercareImportResult) result = { 0 };
  g_autoptr(GError) error = NULL;

  export_sample (f, "backup.json", &file);
  /* Newest first: a (two check-ins), c, b (one). */
  a = g_list_model_get_item (f->sessions, 0);
  b = g_list_model_get_item (f->sessions, 2);
  a_checkins = aftercare_store_list_checkins (f->store, aftercare_session_get_id (a), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (a_checkins->len, ==, 2);
  g_assert_true (aftercare_store_delete_checkin (f->store, aftercare_checkin_get_id (a_checkins->pdata[1]), &error));
  g_assert_true (aftercare_store_delete_session (f->store, aftercare_session_get_id (b), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (f->sessions), ==, 2);

  /* Cancelled while the rows are coming in (through a pipe, fed by a
   * thread): nothing stored. */
  other = open_again (f);
  g_assert_true (g_file_load_contents (file, NULL, &text, NULL, NULL, NULL));
  g_assert_cmpint (mkfifo (pipe_path, 0600), ==, 0);
  feeder = (Feeder) { pipe_path, text, cancelled };
  thread = g_thread_new ("feeder", feed_then_cancel, &feeder);
  g_assert_false (aftercare_store_import_file_full (other, pipe, cancelled, &result, &error));
  g_thread_join (thread);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpuint (result.n_sessions_read, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (aftercare_store_get_sessions (other)), ==, 2);
  /* Cancelled before it starts: the same. */
  g_assert_false (aftercare_store_import_file_full (other, file, cancelled, &result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  changes = test_record_changes (f->sessions);
  g_signal_connect (f->store, "checkins-changed", G_CALLBACK (count_signal_cb), seen);
  g_assert_true (aftercare_store_import_file_full (other, file, NULL, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.n_sessions, ==, 1);
  g_assert_cmpuint (result.n_checkins, ==, 2);
  g_assert_cmpuint (result.n_sessions_read, ==, 3);
  g_assert_cmpuint (result.n_checkins_read, ==, 3);
  /* b came back whole: only a, stored before, gained a check-in. */
  g_assert_cmpuint (g_strv_length (result.touched), ==, 1);
  g_assert_cmpstr (result.touched[0], ==, aftercare_session_get_id (a));
  g_assert_cmpuint (changes->len, ==, 0);

  aftercare_store_imported_elsewhere (f->store, &result);
  g_assert_cmpuint (g_list_model_get_n_items (f->sessions), ==, 3);
  g_assert_cmpuint (changes->len, >=, 1);
  g_assert_cmpuint (seen->len, ==, 1);
  g_assert_cmpstr (seen->pdata[0], ==, aftercare_session_get_id (a));
  g_signal_handlers_disconnect_by_func (f->store, count_signal_cb, seen);
}

/* The file's text with every stored session and check-in id in upper case. */
static char *
upper_case_ids (Fixture    *f,
                const char *text)
{
  g_autofree char *result = g_strdup (text);

  for (guint i = 0; i < g_list_model_get_n_items (f->sessions); i++)
    {
      g_autoptr(AftercareSession) session = g_list_model_get_item (f->sessions, i);
      g_autoptr(GPtrArray) checkins =
        aftercare_store_list_checkins (f->store, aftercare_session_get_id (session), NULL);
      g_autoptr(GPtrArray) ids = g_ptr_array_new ();

      g_ptr_array_add (ids, (gpointer) aftercare_session_get_id (session));
      for (guint j = 0; j < checkins->len; j++)
        g_ptr_array_add (ids, (gpointer) aftercare_checkin_get_id (g_ptr_array_index (checkins, j)));
      for (guint j = 0; j < ids->len; j++)
        {
          g_auto(GStrv) parts = g_strsplit (result, g_ptr_array_index (ids, j), -1);
          g_autofree char *upper = g_ascii_strup (g_ptr_array_index (ids, j), -1);

          g_assert_cmpuint (g_strv_length (parts), >=, 2);
          g_free (result);
          result = g_strjoinv (upper, parts);
        }
    }
  return g_steal_pointer (&result);
}

/* UUIDs are the same in either case: a backup whose ids were upper-cased
 * (by a spreadsheet, say) brings nothing new, in JSON and CSV alike, and a
 * session is found by its id in any case. */
static void
test_import_upper_case_ids_is_idempotent (Fixture       *f,
                                          gconstpointer  data)
{
  const char *names[] = { "backup.json", "backup.csv" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GFile) file = NULL;
      g_autofree char *contents = NULL;
      g_autofree char *upper = NULL;
      g_autoptr(GArray) changes = NULL;
      g_autoptr(GError) error = NULL;
      guint n_sessions = 99, n_checkins = 99;

      if (i == 0)
        export_sample (f, names[i], &file);
      else
        {
          g_autofree char *path = g_build_filename (f->folder, names[i], NULL);

          file = g_file_new_for_path (path);
          g_assert_true (aftercare_store_export_file (f->store, file, &error));
          g_assert_no_error (error);
        }
      g_assert_true (g_file_load_contents (file, NULL, &contents, NULL, NULL, &error));
      upper = upper_case_ids (f, contents);
      g_assert_cmpstr (upper, !=, contents);
      g_assert_true (g_file_replace_contents (file, upper, strlen (upper), NULL, FALSE,
                                              G_FILE_CREATE_NONE, NULL, NULL, &error));
      changes = test_record_changes (f->sessions);
      g_assert_true (aftercare_store_import_file (f->store, file, &n_sessions, &n_checkins, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (n_sessions, ==, 0);
      g_assert_cmpuint (n_checkins, ==, 0);
      g_assert_cmpuint (changes->len, ==, 0);
      g_assert_cmpuint (g_list_model_get_n_items (f->sessions), ==, 3);
    }
}

static void
test_lookup_ignores_case (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(AftercareSession) session = add_session (f, "2026-11-24T10:00:00Z");
  g_autofree char *upper = g_ascii_strup (aftercare_session_get_id (session), -1);
  g_autoptr(AftercareSession) found = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (upper, !=, aftercare_session_get_id (session));
  found = aftercare_store_lookup_session (f->store, upper, &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);
  g_assert_cmpstr (aftercare_session_get_id (found), ==, aftercare_session_get_id (session));
}

static void
test_import_conflict_names_origin_and_id (Fixture       *f,
                                          gconstpointer  data)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(AftercareSession) newest = NULL;
  g_autoptr(AftercareSession) changed = NULL;
  g_autoptr(AftercareSession) stored = NULL;
  g_autoptr(AftercareSession) extra = test_session_new ("2026-12-01T10:00:00Z");
  g_autoptr(AftercareBackup) backup = NULL;
  g_autoptr(GBytes) contents = NULL;
  g_autoptr(GError) error = NULL;

  export_sample (f, "backup.json", &file);
  newest = g_list_model_get_item (f->sessions, 0);
  changed = aftercare_session_copy (newest);
  aftercare_session_set_notes (changed, "Edited since the backup");
  g_assert_true (aftercare_store_update_session (f->store, changed, &error));

  /* The file also holds a session the store lacks: it must not come in either. */
  contents = g_file_load_bytes (file, NULL, NULL, &error);
  backup = aftercare_backup_parse (contents, AFTERCARE_BACKUP_FORMAT_JSON, &error);
  g_assert_no_error (error);
  aftercare_backup_add_session (backup, extra, "sessions[3]");
  g_assert_false (aftercare_store_import (f->store, backup, NULL, NULL, &error));
  g_assert_error (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "sessions[0]"));
  g_assert_nonnull (strstr (error->message, aftercare_session_get_id (newest)));
  g_assert_nonnull (strstr (error->message, "notes"));
  g_clear_error (&error);
  g_assert_null (aftercare_store_lookup_session (f->store, aftercare_session_get_id (extra), &error));
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (f->sessions), ==, 3);
  stored = aftercare_store_lookup_session (f->store, aftercare_session_get_id (newest), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (aftercare_session_get_notes (stored), ==, "Edited since the backup");
}

static void
test_import_bad_row_imports_nothing (Fixture       *f,
                                     gconstpointer  data)
{
  static const char csv[] =
    AFTERCARE_BACKUP_CSV_HEADER "\r\n"
    ",2026-11-24T10:00:00Z,60,swedish,light,false,neck,,,,,2026-11-24T12:00:00Z,1,,\r\n"
    ",2026-11-24T10:00:00Z,60,swedish,light,false,neck,,,,,2026-11-25T12:00:00Z,0,,\r\n"
    ",2026-11-23T10:00:00Z,30,thai,moderate,true,,,,,,,,,\r\n"
    ",2026-11-22T10:00:00Z,30,thai,moderate,true,,,,,,2026-11-22T12:00:00Z,11,,\r\n";
  g_autofree char *path = g_build_filename (f->folder, "typed.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GArray) changes = test_record_changes (f->sessions);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, csv, -1, &error);
  g_assert_false (aftercare_store_import_file (f->store, file, NULL, NULL, &error));
  g_assert_error (error, AFTERCARE_BACKUP_ERROR, AFTERCARE_BACKUP_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Line 5"));
  g_assert_nonnull (strstr (error->message, "soreness"));
  g_assert_cmpuint (g_list_model_get_n_items (f->sessions), ==, 0);
  g_assert_cmpuint (changes->len, ==, 0);
}

static void
test_import_announces_each_insertion (Fixture       *f,
                                      gconstpointer  data)
{
  g_autoptr(AftercareSession) old = add_session (f, "2026-11-10T10:00:00Z");
  g_autoptr(AftercareSession) recent = add_session (f, "2026-11-12T10:00:00Z");
  g_autoptr(AftercareSession) newest = test_session_new ("2026-11-13T10:00:00Z");
  g_autoptr(AftercareSession) middle = test_session_new ("2026-11-11T10:00:00Z");
  g_autoptr(AftercareBackup) backup = aftercare_backup_new ();
  g_autoptr(GArray) changes = test_record_changes (f->sessions);
  g_autoptr(GError) error = NULL;
  AftercareSession *expected[] = { newest, recent, middle, old };

  aftercare_backup_add_session (backup, middle, "sessions[0]");
  aftercare_backup_add_session (backup, newest, "sessions[1]");
  g_assert_true (aftercare_store_import (f->store, backup, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 2);
  test_assert_change (changes, 0, 0, 0, 1);
  test_assert_change (changes, 1, 2, 0, 1);
  assert_ids (f->sessions, expected, G_N_ELEMENTS (expected));
}

static void
test_export_failure_leaves_nothing (Fixture       *f,
                                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->folder, "missing", "backup.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_false (aftercare_store_export_file (f->store, file, &error));
  g_assert_error (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_FAILED);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
skip_test (gconstpointer data)
{
  g_test_skip (PG_TEST_SKIP_MESSAGE);
}

/* Search */

static AftercareSession *
add_described (Fixture          *f,
               const char       *ended_at,
               AftercareMassageType type,
               AftercareAreas    areas,
               const char       *client,
               const char       *therapist,
               const char       *notes)
{
  g_autoptr(GError) error = NULL;
  AftercareSession *session = test_session_new (ended_at);

  aftercare_session_set_massage_type (session, type);
  aftercare_session_set_areas (session, areas);
  aftercare_session_set_client (session, client);
  aftercare_session_set_therapist (session, therapist);
  aftercare_session_set_notes (session, notes);
  aftercare_store_add_session (f->store, session, &error);
  g_assert_no_error (error);
  return session;
}

static void
assert_found (Fixture                  *f,
              const char               *text,
              AftercareSession * const *expected,
              guint                     n_expected)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (aftercare_store_search (f->store, text, &error));
  g_assert_no_error (error);
  assert_ids (aftercare_store_get_found_sessions (f->store), expected, n_expected);
}

static void
test_search_finds_by_each_field (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(AftercareSession) client = add_described (f, "2026-11-20T10:00:00Z", AFTERCARE_MASSAGE_SPORTS,
                                                      AFTERCARE_AREA_CALVES, "José Álvarez", "Sam", "");
  g_autoptr(AftercareSession) therapist = add_described (f, "2026-11-21T10:00:00Z", AFTERCARE_MASSAGE_SPORTS,
                                                         AFTERCARE_AREA_CALVES, "", "Marguerite", "");
  g_autoptr(AftercareSession) notes = add_described (f, "2026-11-22T10:00:00Z", AFTERCARE_MASSAGE_SPORTS,
                                                     AFTERCARE_AREA_CALVES, "", "Sam", "Left calf was TIGHT");
  g_autoptr(AftercareSession) type = add_described (f, "2026-11-23T10:00:00Z", AFTERCARE_MASSAGE_THAI,
                                                    AFTERCARE_AREA_CALVES, "", "Sam", "");
  g_autoptr(AftercareSession) area = add_described (f, "2026-11-24T10:00:00Z", AFTERCARE_MASSAGE_SPORTS,
                                                    AFTERCARE_AREA_NECK | AFTERCARE_AREA_FEET, "", "Sam", "");
  g_autoptr(AftercareStore) again = NULL;
  g_autoptr(GError) error = NULL;

  /* Any part of a word, whatever its case and accents, both ways round. */
  assert_found (f, "jose", (AftercareSession *[]) { client }, 1);
  assert_found (f, "ÁLVAR", (AftercareSession *[]) { client }, 1);
  assert_found (f, "  alvárez ", (AftercareSession *[]) { client }, 1);
  assert_found (f, "guer", (AftercareSession *[]) { therapist }, 1);
  assert_found (f, "tight", (AftercareSession *[]) { notes }, 1);
  /* Types and areas by the names the app shows. */
  assert_found (f, aftercare_massage_type_get_name (AFTERCARE_MASSAGE_THAI), (AftercareSession *[]) { type }, 1);
  assert_found (f, "NECK", (AftercareSession *[]) { area }, 1);
  assert_found (f, "feet", (AftercareSession *[]) { area }, 1);
  /* Shorter than the index's trigrams, newest first. */
  assert_found (f, "ÉZ", (AftercareSession *[]) { client }, 1);
  assert_found (f, "nobody", NULL, 0);
  /* "Sam" and calves are on nearly all of them. */
  assert_found (f, "sam", (AftercareSession *[]) { area, type, notes, client }, 4);
  assert_found (f, "calves", (AftercareSession *[]) { type, notes, therapist, client }, 4);
  /* Quotes and wildcards are text like any other. */
  assert_found (f, "\"", NULL, 0);
  assert_found (f, "%", NULL, 0);
  assert_found (f, "s_m", NULL, 0);
  /* No text, nothing found. */
  assert_found (f, "", NULL, 0);

  /* Another program finds the same, from the index it finds on disk. */
  again = open_again (f);
  g_assert_true (aftercare_store_search (again, "marguerite", &error));
  g_assert_no_error (error);
  assert_ids (aftercare_store_get_found_sessions (again), (AftercareSession *[]) { therapist }, 1);
}

static void
test_search_follows_edits (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(AftercareSession) older = add_described (f, "2026-11-20T10:00:00Z", AFTERCARE_MASSAGE_SPORTS,
                                                     AFTERCARE_AREA_CALVES, "Jordan", "", "");
  g_autoptr(AftercareSession) newer = add_described (f, "2026-11-22T10:00:00Z", AFTERCARE_MASSAGE_SPORTS,
                                                     AFTERCARE_AREA_CALVES, "Ana", "", "");
  g_autoptr(AftercareSession) added = NULL;
  GListModel *found = aftercare_store_get_found_sessions (f->store);
  g_autoptr(GArray) changes = test_record_changes (found);
  g_autoptr(AftercareSession) edit = NULL;
  g_autoptr(GError) error = NULL;

  assert_found (f, "jordan", (AftercareSession *[]) { older }, 1);
  test_assert_change (changes, 0, 0, 0, 1);

  /* An edit that makes a session match brings it in, in its place. */
  edit = aftercare_session_copy (newer);
  aftercare_session_set_client (edit, "Jordan Ana");
  g_assert_true (aftercare_store_update_session (f->store, edit, &error));
  g_assert_no_error (error);
  assert_ids (found, (AftercareSession *[]) { newer, older }, 2);
  g_assert_cmpuint (changes->len, ==, 2);
  test_assert_change (changes, 1, 0, 0, 1);

  /* An edit that keeps it matching changes that row alone. */
  aftercare_session_set_notes (edit, "Still Jordan");
  g_assert_true (aftercare_store_update_session (f->store, edit, &error));
  g_assert_cmpuint (changes->len, ==, 3);
  test_assert_change (changes, 2, 0, 1, 1);
  {
    g_autoptr(AftercareSession) row = g_list_model_get_item (found, 0);

    g_assert_cmpstr (aftercare_session_get_notes (row), ==, "Still Jordan");
  }

  /* An edit that no longer matches takes it out. */
  aftercare_session_set_client (edit, "Ana");
  aftercare_session_set_notes (edit, "");
  g_assert_true (aftercare_store_update_session (f->store, edit, &error));
  assert_ids (found, (AftercareSession *[]) { older }, 1);
  g_assert_cmpuint (changes->len, ==, 4);
  test_assert_change (changes, 3, 0, 1, 0);

  /* A new session that matches comes in; a deleted one goes; undo brings it back. */
  added = add_described (f, "2026-11-21T10:00:00Z", AFTERCARE_MASSAGE_THAI, AFTERCARE_AREA_NECK, "", "Jordan", "");
  assert_ids (found, (AftercareSession *[]) { added, older }, 2);
  test_assert_change (changes, 4, 0, 0, 1);
  g_assert_true (aftercare_store_delete_session (f->store, aftercare_session_get_id (older), &error));
  assert_ids (found, (AftercareSession *[]) { added }, 1);
  test_assert_change (changes, 5, 1, 1, 0);
  g_assert_true (aftercare_store_undo_delete (f->store, &error));
  g_assert_no_error (error);
  assert_ids (found, (AftercareSession *[]) { added, older }, 2);
  test_assert_change (changes, 6, 1, 0, 1);
  /* A session that does not match changes nothing here. */
  aftercare_session_set_notes (edit, "Not the one");
  g_assert_true (aftercare_store_update_session (f->store, edit, &error));
  g_assert_cmpuint (changes->len, ==, 7);
}

static void
test_search_tells_only_what_changed (Fixture       *f,
                                     gconstpointer  data)
{
  const char *clients[] = { "Ann", "Dan", "Anna", "Jan", "Joanna", "Bo" };
  AftercareSession *sessions[G_N_ELEMENTS (clients)];
  GListModel *found = aftercare_store_get_found_sessions (f->store);
  g_autoptr(GArray) changes = NULL;
  g_autoptr(GPtrArray) held = g_ptr_array_new_with_free_func (g_object_unref);

  /* Newest first: Ann, Dan, Anna, Jan, Joanna, Bo. */
  for (guint i = 0; i < G_N_ELEMENTS (clients); i++)
    {
      g_autofree char *ended = g_strdup_printf ("2026-11-%02uT10:00:00Z", 20 - i);

      sessions[i] = add_described (f, ended, AFTERCARE_MASSAGE_SPORTS, AFTERCARE_AREA_CALVES, clients[i], "", "");
      g_ptr_array_add (held, sessions[i]);
    }
  assert_found (f, "an", (AftercareSession *[]) { sessions[0], sessions[1], sessions[2], sessions[3], sessions[4] }, 5);
  changes = test_record_changes (found);
  /* Narrowing takes out Dan and Jan, each where it was; Ann, Anna and
   * Joanna are not told about (a view keeps their rows as they are). */
  assert_found (f, "ann", (AftercareSession *[]) { sessions[0], sessions[2], sessions[4] }, 3);
  g_assert_cmpuint (changes->len, ==, 2);
  test_assert_change (changes, 0, 1, 1, 0);
  test_assert_change (changes, 1, 2, 1, 0);
  /* Widening brings them back the same way. */
  assert_found (f, "an", (AftercareSession *[]) { sessions[0], sessions[1], sessions[2], sessions[3], sessions[4] }, 5);
  g_assert_cmpuint (changes->len, ==, 4);
  test_assert_change (changes, 2, 1, 0, 1);
  test_assert_change (changes, 3, 3, 0, 1);
  /* The same search again: nothing to tell. */
  assert_found (f, "AN", (AftercareSession *[]) { sessions[0], sessions[1], sessions[2], sessions[3], sessions[4] }, 5);
  g_assert_cmpuint (changes->len, ==, 4);
  /* Another search altogether: out with all, then in with Bo. */
  assert_found (f, "bo", (AftercareSession *[]) { sessions[5] }, 1);
  g_assert_cmpuint (changes->len, ==, 6);
  test_assert_change (changes, 4, 0, 5, 0);
  test_assert_change (changes, 5, 0, 0, 1);
}

static void
add_test (const char    *path,
          void         (*func) (Fixture *, gconstpointer))
{
  const char *only = g_getenv ("AFTERCARE_TEST_BACKEND");

  for (guint i = 0; i < G_N_ELEMENTS (backends); i++)
    {
      g_autofree char *full_path = g_strdup_printf ("/store/%s%s", backends[i].name, path);

      if (only != NULL && !g_str_equal (only, backends[i].name))
        continue;
      if (backends[i].available ())
        g_test_add (full_path, Fixture, &backends[i], fixture_set_up, func, fixture_tear_down);
      else
        g_test_add_data_func (full_path, NULL, skip_test);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  add_test ("/session/round-trip", test_session_round_trip);
  add_test ("/session/unknown-is-not-found", test_session_unknown);
  add_test ("/session/duplicate-id-is-a-conflict", test_session_duplicate_id);
  add_test ("/list/newest-first", test_list_newest_first);
  add_test ("/list/newest-kept-a-page-at-a-time", test_list_newest_kept);
  add_test ("/import/looks-up-a-window-at-a-time", test_import_looks_up_a_window_at_a_time);
  add_test ("/list/add-at-sorted-position", test_list_add_at_sorted_position);
  add_test ("/list/edit-in-place", test_list_edit_in_place);
  add_test ("/list/edit-moves-row", test_list_edit_moves_row);
  add_test ("/list/reads-pages-on-demand", test_list_reads_pages_on_demand);
  add_test ("/list/finds-a-session", test_list_finds_a_session);
  add_test ("/delete/undo-restores-session-and-checkins", test_delete_and_undo);
  add_test ("/delete/undo-only-the-last", test_undo_only_the_last_deletion);
  add_test ("/checkin/oldest-first", test_checkins_oldest_first);
  add_test ("/checkin/of-many-sessions", test_checkins_of_many_sessions);
  add_test ("/session/newest-of-kind", test_newest_of_kind);
  add_test ("/checkin/rules", test_checkin_rules);
  add_test ("/checkin/edit-and-delete", test_checkin_edit_and_delete);
  add_test ("/text/must-be-utf8", test_text_must_be_utf8);
  add_test ("/refresh/sees-other-writers", test_refresh_sees_other_writers);
  add_test ("/desks/stale-session-edit-is-refused", test_stale_session_edit_is_refused);
  add_test ("/desks/stale-checkin-edit-is-refused", test_stale_checkin_edit_is_refused);
  add_test ("/desks/conflict-time-follows-the-time-source", test_conflict_time_follows_the_time_source);
  add_test ("/desks/interleaved-adds-lose-nothing", test_interleaved_adds_lose_nothing);
  add_test ("/import/json-round-trip", test_json_round_trip);
  add_test ("/import/csv-round-trip", test_csv_round_trip);
  add_test ("/import/idempotent", test_import_is_idempotent);
  add_test ("/import/elsewhere-tells-this-store", test_import_elsewhere_tells_this_store);
  add_test ("/import/upper-case-ids-idempotent", test_import_upper_case_ids_is_idempotent);
  add_test ("/lookup/ignores-case", test_lookup_ignores_case);
  add_test ("/import/conflict-names-origin-and-id", test_import_conflict_names_origin_and_id);
  add_test ("/import/bad-row-imports-nothing", test_import_bad_row_imports_nothing);
  add_test ("/import/announces-each-insertion", test_import_announces_each_insertion);
  add_test ("/export/failure-leaves-nothing", test_export_failure_leaves_nothing);
  add_test ("/search/finds-by-each-field", test_search_finds_by_each_field);
  add_test ("/search/follows-edits", test_search_follows_edits);
  add_test ("/search/tells-only-what-changed", test_search_tells_only_what_changed);

  return g_test_run ();
}
