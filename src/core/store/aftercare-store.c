/* aftercare-store.c: where sessions and check-ins are kept (DESIGN.md, "Storage"). No SQL outside the store. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-store"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "aftercare-catalog.h"
#include "aftercare-labels.h"
#include "aftercare-modules.h"
#include "aftercare-pg-module.h"
#include "aftercare-sqlite-backend.h"
#include "aftercare-store-private.h"

struct _AftercareStore
{
  GObject parent_instance;

  char *location;
  AftercareTimeSource *time_source;
  AftercareStoreBackend *backend;
  AftercareSessionList *sessions;
  guint64 change_stamp;

  /* The search: what it looks for (folded; NULL for none), the type and
   * area keys whose names hold it, and the sessions it found. */
  char *search_words;
  GStrv search_keys;
  AftercareSessionList *found;

  /* The last deletion, kept for undo. */
  AftercareSession *deleted_session;
  GPtrArray *deleted_checkins;
};

G_DEFINE_FINAL_TYPE (AftercareStore, aftercare_store, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LOCATION,
  PROP_CAN_UNDO_DELETE,
  PROP_CONNECTED,
  PROP_READ_ONLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHECKINS_CHANGED,
  SESSION_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
aftercare_store_dispose (GObject *object)
{
  AftercareStore *self = AFTERCARE_STORE (object);

  g_clear_object (&self->sessions);
  g_clear_object (&self->found);
  g_clear_object (&self->backend);
  g_clear_object (&self->time_source);
  g_clear_object (&self->deleted_session);
  g_clear_pointer (&self->deleted_checkins, g_ptr_array_unref);

  G_OBJECT_CLASS (aftercare_store_parent_class)->dispose (object);
}

static void
aftercare_store_finalize (GObject *object)
{
  AftercareStore *self = AFTERCARE_STORE (object);

  g_clear_pointer (&self->location, g_free);
  g_clear_pointer (&self->search_words, g_free);
  g_clear_pointer (&self->search_keys, g_strfreev);

  G_OBJECT_CLASS (aftercare_store_parent_class)->finalize (object);
}

static void
aftercare_store_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AftercareStore *self = AFTERCARE_STORE (object);

  switch (prop_id)
    {
    case PROP_LOCATION: g_value_set_string (value, self->location); break;
    case PROP_CAN_UNDO_DELETE: g_value_set_boolean (value, aftercare_store_can_undo_delete (self)); break;
    case PROP_CONNECTED: g_value_set_boolean (value, aftercare_store_get_connected (self)); break;
    case PROP_READ_ONLY: g_value_set_boolean (value, aftercare_store_get_read_only (self)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aftercare_store_class_init (AftercareStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = aftercare_store_dispose;
  object_class->finalize = aftercare_store_finalize;
  object_class->get_property = aftercare_store_get_property;

  properties[PROP_LOCATION] =
    g_param_spec_string ("location", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO_DELETE] =
    g_param_spec_boolean ("can-undo-delete", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONNECTED] =
    g_param_spec_boolean ("connected", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHECKINS_CHANGED] =
    g_signal_new ("checkins-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[SESSION_CHANGED] =
    g_signal_new ("session-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
aftercare_store_init (AftercareStore *self)
{
}

char *
aftercare_store_get_default_location (void)
{
  return g_build_filename (g_get_user_data_dir (), "aftercare", "aftercare.db", NULL);
}

/* The PostgreSQL module, loaded the first time a location may be a server's. */
static const AftercarePgModule *
pg_module (GError **error)
{
  static const AftercarePgModule *module;
  static GMutex lock;
  const AftercarePgModule *found;

  g_mutex_lock (&lock);
  if (module == NULL)
    module = aftercare_module_lookup (AFTERCARE_PG_MODULE_NAME, AFTERCARE_PG_MODULE_SYMBOL, error);
  found = module;
  g_mutex_unlock (&lock);
  return found;
}

gboolean
aftercare_store_location_is_server (const char *location)
{
  const AftercarePgModule *module;

  g_return_val_if_fail (location != NULL, FALSE);
  /* An existing file is a file, whatever its name. */
  if (g_file_test (location, G_FILE_TEST_EXISTS))
    return FALSE;
  /* Neither a scheme nor a key=value word: no address, and no need to
   * load libpq to say so. */
  if (strstr (location, "://") == NULL && strchr (location, '=') == NULL)
    return FALSE;
  module = pg_module (NULL);
  /* Anything written like an address goes to the address's checks and
   * never becomes a file; without the module, opening it says the module
   * is missing. */
  return module == NULL || module->is_location (location);
}

gboolean
aftercare_store_check_location (const char  *location,
                                GError     **error)
{
  const AftercarePgModule *module;

  g_return_val_if_fail (location != NULL, FALSE);
  if (!aftercare_store_location_is_server (location))
    return TRUE;
  module = pg_module (error);
  return module != NULL && module->check_location (location, error);
}

/* A file that cannot be opened for writing (its folder or itself cannot be
 * written to, the disk is full) is opened for reading, saying why, unless
 * it is damaged or too new: then the first error stands. */
static AftercareStoreBackend *
open_file_backend (const char              *path,
                   AftercareTimeSource     *time_source,
                   AftercareStoreOpenFlags  flags,
                   GError                 **error)
{
  g_autoptr(GError) write_error = NULL;
  g_autofree char *reason = NULL;
  AftercareSqliteBackend *backend = (flags & AFTERCARE_STORE_OPEN_CHECK_LATER)
    ? aftercare_sqlite_backend_open_unchecked (path, time_source, &write_error)
    : aftercare_sqlite_backend_open (path, time_source, &write_error);

  if (backend != NULL)
    return AFTERCARE_STORE_BACKEND (backend);
  if (g_file_test (path, G_FILE_TEST_IS_REGULAR) &&
      !g_error_matches (write_error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_DAMAGED) &&
      !g_error_matches (write_error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_TOO_NEW))
    {
      g_autofree char *folder = g_path_get_dirname (path);

      if (g_access (folder, W_OK) != 0)
        reason = g_strdup (_("Read-only: nothing can be added or changed, as the database’s folder "
                             "cannot be written to"));
      else
        /* Translators: the reason follows, such as "Could not open the database: …". */
        reason = g_strdup_printf (_("Read-only: nothing can be added or changed, as this database cannot be "
                                    "written to (%s)"), write_error->message);
      backend = aftercare_sqlite_backend_open_read_only (path, time_source, reason, NULL);
      if (backend != NULL)
        return AFTERCARE_STORE_BACKEND (backend);
    }
  g_propagate_error (error, g_steal_pointer (&write_error));
  return NULL;
}

static AftercareStoreBackend *
open_backend (const char            *location,
              AftercareTimeSource   *time_source,
              AftercareStoreOpenFlags flags,
              GError               **error)
{
  if (aftercare_store_location_is_server (location))
    {
      const AftercarePgModule *module = pg_module (error);

      return module != NULL ? module->open (location, time_source, error) : NULL;
    }
  return open_file_backend (location, time_source, flags, error);
}

gboolean
aftercare_store_test_connection (const char  *location,
                                 GError     **error)
{
  const AftercarePgModule *module;

  g_return_val_if_fail (location != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!aftercare_store_location_is_server (location))
    {
      g_set_error_literal (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_INVALID,
                           _("This is not the address of a PostgreSQL server. Write it as "
                             "postgresql://host/database, or as service=NAME for a libpq service."));
      return FALSE;
    }
  module = pg_module (error);
  return module != NULL && module->test (location, error);
}

/* Another desk committed a change (or the connection came back). */
static void
backend_changed_cb (AftercareStoreBackend *backend,
                    const char            *session_id,
                    AftercareStore        *self)
{
  aftercare_store_refresh (self);
  if (session_id == NULL)
    return;
  g_signal_emit (self, signals[SESSION_CHANGED], 0, session_id);
  g_signal_emit (self, signals[CHECKINS_CHANGED], 0, session_id);
}

static void
backend_connected_cb (AftercareStoreBackend *backend,
                      GParamSpec            *pspec,
                      AftercareStore        *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONNECTED]);
}

static AftercareStore *
store_new (const char             *location,
           AftercareTimeSource    *time_source,
           AftercareStoreBackend  *owned_backend,
           GError                **error)
{
  g_autoptr(AftercareStoreBackend) backend = owned_backend;
  AftercareStore *self;
  guint64 change_stamp;
  guint n_sessions;

  if (backend == NULL)
    return NULL;
  /* The stamp first: a write landing in between only makes the first
   * write of ours reload the list. */
  change_stamp = aftercare_store_backend_get_change_stamp (backend);
  if (!aftercare_store_backend_count_sessions (backend, &n_sessions, error))
    return NULL;
  self = g_object_new (AFTERCARE_TYPE_STORE, NULL);
  self->location = g_strdup (location);
  self->time_source = g_object_ref (time_source);
  self->backend = g_steal_pointer (&backend);
  self->change_stamp = change_stamp;
  self->sessions = aftercare_session_list_new (self->backend, n_sessions);
  self->found = aftercare_session_list_new_search (self->backend);
  g_signal_connect_object (self->backend, "changed", G_CALLBACK (backend_changed_cb), self, 0);
  g_signal_connect_object (self->backend, "notify::connected", G_CALLBACK (backend_connected_cb), self, 0);
  return self;
}

AftercareStore *
aftercare_store_open (const char           *location,
                      AftercareTimeSource  *time_source,
                      GError              **error)
{
  g_return_val_if_fail (location != NULL, NULL);
  g_return_val_if_fail (AFTERCARE_IS_TIME_SOURCE (time_source), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return aftercare_store_open_full (location, time_source, AFTERCARE_STORE_OPEN_DEFAULT, error);
}

AftercareStore *
aftercare_store_open_full (const char              *location,
                           AftercareTimeSource     *time_source,
                           AftercareStoreOpenFlags  flags,
                           GError                 **error)
{
  g_return_val_if_fail (location != NULL, NULL);
  g_return_val_if_fail (AFTERCARE_IS_TIME_SOURCE (time_source), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return store_new (location, time_source, open_backend (location, time_source, flags, error), error);
}

AftercareStore *
aftercare_store_open_for_reading (const char           *location,
                                  AftercareTimeSource  *time_source,
                                  GError              **error)
{
  AftercareStoreBackend *backend;

  g_return_val_if_fail (location != NULL, NULL);
  g_return_val_if_fail (AFTERCARE_IS_TIME_SOURCE (time_source), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (aftercare_store_location_is_server (location))
    {
      const AftercarePgModule *module = pg_module (error);

      backend = module != NULL ? module->open (location, time_source, error) : NULL;
    }
  else
    backend = AFTERCARE_STORE_BACKEND (aftercare_sqlite_backend_open_read_only (
      location, time_source, _("Opened for reading only"), error));
  return store_new (location, time_source, backend, error);
}

static void
check_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AftercareStore *self = g_task_get_source_object (task);
  GError *error = NULL;

  if (aftercare_sqlite_backend_check_finish (AFTERCARE_SQLITE_BACKEND (self->backend), result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
aftercare_store_check_async (AftercareStore      *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (AFTERCARE_IS_STORE (self));
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, aftercare_store_check_async);
  /* A server checks its own pages. */
  if (!AFTERCARE_IS_SQLITE_BACKEND (self->backend))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  aftercare_sqlite_backend_check_async (AFTERCARE_SQLITE_BACKEND (self->backend), cancellable,
                                        check_done_cb, g_steal_pointer (&task));
}

gboolean
aftercare_store_check_finish (AftercareStore  *self,
                              GAsyncResult    *result,
                              GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

const char *
aftercare_store_get_location (AftercareStore *self)
{
  g_return_val_if_fail (AFTERCARE_IS_STORE (self), NULL);
  return self->location;
}

gboolean
aftercare_store_start_fresh (const char  *location,
                             GDateTime   *now,
                             char       **backup_path,
                             GError     **error)
{
  g_return_val_if_fail (location != NULL, FALSE);
  g_return_val_if_fail (now != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (aftercare_store_location_is_server (location))
    {
      g_set_error_literal (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_FAILED,
                           _("A shared clinic database is never moved aside from here: ask whoever "
                             "looks after the server"));
      return FALSE;
    }
  return aftercare_sqlite_file_move_aside (location, now, backup_path, error);
}

gboolean
aftercare_store_get_connected (AftercareStore *self)
{
  g_return_val_if_fail (AFTERCARE_IS_STORE (self), FALSE);
  return aftercare_store_backend_get_connected (self->backend);
}

gboolean
aftercare_store_get_read_only (AftercareStore *self)
{
  g_return_val_if_fail (AFTERCARE_IS_STORE (self), FALSE);
  return aftercare_store_backend_get_read_only_reason (self->backend) != NULL;
}

const char *
aftercare_store_get_read_only_reason (AftercareStore *self)
{
  g_return_val_if_fail (AFTERCARE_IS_STORE (self), NULL);
  return aftercare_store_backend_get_read_only_reason (self->backend);
}

GListModel *
aftercare_store_get_sessions (AftercareStore *self)
{
  g_return_val_if_fail (AFTERCARE_IS_STORE (self), NULL);
  return G_LIST_MODEL (self->sessions);
}

AftercareStoreBackend *
aftercare_store_get_backend (AftercareStore *self)
{
  g_return_val_if_fail (AFTERCARE_IS_STORE (self), NULL);
  return self->backend;
}

AftercareTimeSource *
aftercare_store_get_time_source (AftercareStore *self)
{
  g_return_val_if_fail (AFTERCARE_IS_STORE (self), NULL);
  return self->time_source;
}

AftercareSessionList *
aftercare_store_get_session_list (AftercareStore *self)
{
  g_return_val_if_fail (AFTERCARE_IS_STORE (self), NULL);
  return self->sessions;
}

AftercareSession *
aftercare_store_lookup_session (AftercareStore  *self,
                                const char      *session_id,
                                GError         **error)
{
  g_autofree char *id = NULL;

  g_return_val_if_fail (AFTERCARE_IS_STORE (self), NULL);
  g_return_val_if_fail (session_id != NULL, NULL);
  /* Ids are kept in lower case (aftercare-backup-reader.c): "0B7C…" is "0b7c…". */
  id = g_ascii_strdown (session_id, -1);
  return aftercare_store_backend_get_session (self->backend, id, error);
}

/* Search */

/* The keys of the massage types and areas whose names, as shown, hold words. */
static GStrv
keys_named (const char *words)
{
  g_autoptr(GStrvBuilder) keys = g_strv_builder_new ();
  g_autoptr(GFlagsClass) areas = g_type_class_ref (AFTERCARE_TYPE_AREAS);

  for (int type = 0; type < AFTERCARE_N_MASSAGE_TYPES; type++)
    {
      g_autofree char *name = aftercare_store_backend_fold (aftercare_massage_type_get_name (type));

      if (strstr (name, words) != NULL)
        g_strv_builder_add (keys, aftercare_massage_type_to_key (type));
    }
  for (guint i = 0; i < areas->n_values; i++)
    {
      g_autofree char *name = aftercare_store_backend_fold (aftercare_area_get_title (areas->values[i].value));

      if (strstr (name, words) != NULL)
        g_strv_builder_add (keys, areas->values[i].value_nick);
    }
  return g_strv_builder_end (keys);
}

/* Runs the search again after a write: the list of what it found follows,
 * row by row (everything: at once, when anything may have changed). */
static void
update_search (AftercareStore    *self,
               AftercareSession  *changed,
               gboolean           everything)
{
  g_autoptr(GError) error = NULL;
  GArray *found;

  if (self->search_words == NULL)
    return;
  found = aftercare_store_backend_search_sessions (self->backend, self->search_words,
                                                   (const char * const *) self->search_keys, &error);
  if (found == NULL)
    {
      g_warning ("Could not search the sessions again: %s", error->message);
      return;
    }
  if (everything)
    aftercare_session_list_reset_matches (self->found, found);
  else
    aftercare_session_list_set_matches (self->found, found, changed);
}

void
aftercare_store_update_search (AftercareStore *self)
{
  update_search (self, NULL, FALSE);
}

GListModel *
aftercare_store_get_found_sessions (AftercareStore *self)
{
  g_return_val_if_fail (AFTERCARE_IS_STORE (self), NULL);
  return G_LIST_MODEL (self->found);
}

gboolean
aftercare_store_search (AftercareStore  *self,
                        const char      *text,
                        GError         **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_autofree char *words = aftercare_store_backend_fold (stripped);
  g_auto(GStrv) keys = NULL;
  GArray *found;

  g_return_val_if_fail (AFTERCARE_IS_STORE (self), FALSE);

  if (*words == '\0')
    {
      g_clear_pointer (&self->search_words, g_free);
      g_clear_pointer (&self->search_keys, g_strfreev);
      aftercare_session_list_set_matches (self->found, aftercare_session_key_array_new (0), NULL);
      return TRUE;
    }
  keys = keys_named (words);
  found = aftercare_store_backend_search_sessions (self->backend, words, (const char * const *) keys, error);
  if (found == NULL)
    return FALSE;
  g_free (self->search_words);
  self->search_words = g_steal_pointer (&words);
  g_strfreev (self->search_keys);
  self->search_keys = g_steal_pointer (&keys);
  aftercare_session_list_set_matches (self->found, found, NULL);
  return TRUE;
}

/* Keeping the list in step */

void
aftercare_store_reload_list (AftercareStore *self)
{
  g_autoptr(GError) error = NULL;
  guint n_sessions;

  self->change_stamp = aftercare_store_backend_get_change_stamp (self->backend);
  if (!aftercare_store_backend_count_sessions (self->backend, &n_sessions, &error))
    {
      /* Out of reach, it reloads once the connection is back. */
      if (g_error_matches (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_UNREACHABLE))
        g_debug ("Could not reload the session list: %s", error->message);
      else
        g_warning ("Could not reload the session list: %s", error->message);
      return;
    }
  aftercare_session_list_reset (self->sessions, n_sessions);
  update_search (self, NULL, TRUE);
}

gboolean
aftercare_store_refresh (AftercareStore *self)
{
  g_return_val_if_fail (AFTERCARE_IS_STORE (self), FALSE);

  if (aftercare_store_backend_get_change_stamp (self->backend) == self->change_stamp)
    return FALSE;
  aftercare_store_reload_list (self);
  return TRUE;
}

/* Writes: each one transaction */

static gboolean
begin_write (AftercareStore  *self,
             gboolean         bulk,
             gboolean        *stale,
             GError         **error)
{
  if (!(bulk ? aftercare_store_backend_begin_bulk_write : aftercare_store_backend_begin_write) (self->backend, error))
    return FALSE;
  *stale = aftercare_store_backend_get_change_stamp (self->backend) != self->change_stamp;
  return TRUE;
}

gboolean
aftercare_store_begin_write (AftercareStore  *self,
                             gboolean        *stale,
                             GError         **error)
{
  return begin_write (self, FALSE, stale, error);
}

gboolean
aftercare_store_begin_bulk_write (AftercareStore  *self,
                                  gboolean        *stale,
                                  GError         **error)
{
  return begin_write (self, TRUE, stale, error);
}

gboolean
aftercare_store_end_write (AftercareStore  *self,
                           gboolean         ok,
                           GError         **error)
{
  if (!ok)
    {
      aftercare_store_backend_rollback (self->backend);
      return FALSE;
    }
  return aftercare_store_backend_commit (self->backend, error);
}

static gboolean
set_invalid (GError     **error,
             const char  *message)
{
  g_set_error_literal (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
validate_session (AftercareSession  *session,
                  GError           **error)
{
  if (!g_uuid_string_is_valid (aftercare_session_get_id (session)))
    return set_invalid (error, _("The session’s id is not a UUID"));
  if (aftercare_session_get_ended_at (session) == NULL)
    return set_invalid (error, _("The session has no end time (ended_at)"));
  return TRUE;
}

static gboolean
validate_checkin (AftercareCheckin  *checkin,
                  AftercareSession  *session,
                  GError           **error)
{
  GDateTime *at = aftercare_checkin_get_at (checkin);

  if (!g_uuid_string_is_valid (aftercare_checkin_get_id (checkin)))
    return set_invalid (error, _("The check-in’s id is not a UUID"));
  if (at == NULL)
    return set_invalid (error, _("The check-in has no time (at)"));
  if (g_date_time_compare (at, aftercare_session_get_ended_at (session)) < 0)
    return set_invalid (error, _("The check-in’s time (at) is before the session ended"));
  return TRUE;
}

gboolean
aftercare_store_insert_session (AftercareStore    *self,
                                AftercareSession  *session,
                                GError           **error)
{
  g_autoptr(GError) local_error = NULL;

  if (aftercare_store_backend_insert_session (self->backend, session, &local_error))
    return TRUE;
  if (g_error_matches (local_error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_CONFLICT))
    {
      g_set_error (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_CONFLICT,
                   _("A session with id %s is already stored"), aftercare_session_get_id (session));
      return FALSE;
    }
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

gboolean
aftercare_store_insert_checkin (AftercareStore    *self,
                                AftercareCheckin  *checkin,
                                GError           **error)
{
  g_autoptr(GError) local_error = NULL;

  if (aftercare_store_backend_insert_checkin (self->backend, checkin, &local_error))
    return TRUE;
  if (g_error_matches (local_error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_CONFLICT))
    {
      g_set_error (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_CONFLICT,
                   _("A check-in with id %s is already stored"), aftercare_checkin_get_id (checkin));
      return FALSE;
    }
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

gboolean
aftercare_store_add_session (AftercareStore    *self,
                             AftercareSession  *session,
                             GError           **error)
{
  gboolean stale, ok;
  guint position = 0;

  g_return_val_if_fail (AFTERCARE_IS_STORE (self), FALSE);
  g_return_val_if_fail (AFTERCARE_IS_SESSION (session), FALSE);

  if (!validate_session (session, error) || !aftercare_store_begin_write (self, &stale, error))
    return FALSE;
  ok = aftercare_store_insert_session (self, session, error) &&
       aftercare_store_backend_count_sessions_before (self->backend, session, &position, error);
  if (!aftercare_store_end_write (self, ok, error))
    return FALSE;
  if (stale)
    aftercare_store_reload_list (self);
  else
    {
      aftercare_session_list_inserted (self->sessions, position);
      update_search (self, NULL, FALSE);
    }
  g_signal_emit (self, signals[SESSION_CHANGED], 0, aftercare_session_get_id (session));
  return TRUE;
}

/* A session may not end after its first check-in. */
static gboolean
check_end_before_checkins (AftercareStore    *self,
                           AftercareSession  *session,
                           GError           **error)
{
  g_autoptr(GPtrArray) checkins =
    aftercare_store_backend_list_checkins (self->backend, aftercare_session_get_id (session), error);

  if (checkins == NULL)
    return FALSE;
  if (checkins->len > 0 &&
      g_date_time_compare (aftercare_checkin_get_at (g_ptr_array_index (checkins, 0)),
                           aftercare_session_get_ended_at (session)) < 0)
    return set_invalid (error, _("The session cannot end (ended_at) after its first check-in"));
  return TRUE;
}

/* Updates the row, finding where it was and where it goes in the list. */
static gboolean
update_session_row (AftercareStore    *self,
                    AftercareSession  *session,
                    guint             *old_position,
                    guint             *new_position,
                    GError           **error)
{
  g_autoptr(AftercareSession) old = NULL;

  old = aftercare_store_backend_get_session (self->backend, aftercare_session_get_id (session), error);
  return old != NULL &&
         aftercare_store_backend_count_sessions_before (self->backend, old, old_position, error) &&
         check_end_before_checkins (self, session, error) &&
         aftercare_store_backend_update_session (self->backend, session, error) &&
         aftercare_store_backend_count_sessions_before (self->backend, session, new_position, error);
}

gboolean
aftercare_store_update_session (AftercareStore    *self,
                                AftercareSession  *session,
                                GError           **error)
{
  gboolean stale, ok;
  guint old_position = 0, new_position = 0;
  gint64 version;

  g_return_val_if_fail (AFTERCARE_IS_STORE (self), FALSE);
  g_return_val_if_fail (AFTERCARE_IS_SESSION (session), FALSE);

  if (!validate_session (session, error) || !aftercare_store_begin_write (self, &stale, error))
    return FALSE;
  version = aftercare_session_get_version (session);
  ok = update_session_row (self, session, &old_position, &new_position, error);
  if (!aftercare_store_end_write (self, ok, error))
    {
      /* Not saved: the copy still holds the version it was read at. */
      aftercare_session_set_version (session, version);
      return FALSE;
    }
  if (stale)
    {
      aftercare_session_list_sync_row (self->sessions, session);
      aftercare_store_reload_list (self);
    }
  else
    {
      aftercare_session_list_updated (self->sessions, old_position, new_position, session);
      update_search (self, session, FALSE);
    }
  g_signal_emit (self, signals[SESSION_CHANGED], 0, aftercare_session_get_id (session));
  return TRUE;
}

static void
remember_deletion (AftercareStore   *self,
                   AftercareSession *session,
                   GPtrArray        *checkins)
{
  gboolean could_undo = aftercare_store_can_undo_delete (self);

  g_set_object (&self->deleted_session, session);
  g_clear_pointer (&self->deleted_checkins, g_ptr_array_unref);
  self->deleted_checkins = checkins != NULL ? g_ptr_array_ref (checkins) : NULL;
  if (could_undo != aftercare_store_can_undo_delete (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO_DELETE]);
}

gboolean
aftercare_store_delete_session (AftercareStore  *self,
                                const char      *session_id,
                                GError         **error)
{
  g_autoptr(AftercareSession) session = NULL;
  g_autoptr(GPtrArray) checkins = NULL;
  gboolean stale, ok;
  guint position = 0;

  g_return_val_if_fail (AFTERCARE_IS_STORE (self), FALSE);
  g_return_val_if_fail (session_id != NULL, FALSE);

  if (!aftercare_store_begin_write (self, &stale, error))
    return FALSE;
  ok = (session = aftercare_store_backend_get_session (self->backend, session_id, error)) != NULL &&
       (checkins = aftercare_store_backend_list_checkins (self->backend, session_id, error)) != NULL &&
       aftercare_store_backend_count_sessions_before (self->backend, session, &position, error) &&
       aftercare_store_backend_delete_session (self->backend, session_id, error);
  if (!aftercare_store_end_write (self, ok, error))
    return FALSE;
  remember_deletion (self, session, checkins);
  if (stale)
    aftercare_store_reload_list (self);
  else
    {
      aftercare_session_list_removed (self->sessions, position);
      update_search (self, NULL, FALSE);
    }
  g_signal_emit (self, signals[SESSION_CHANGED], 0, session_id);
  return TRUE;
}

gboolean
aftercare_store_can_undo_delete (AftercareStore *self)
{
  g_return_val_if_fail (AFTERCARE_IS_STORE (self), FALSE);
  return self->deleted_session != NULL;
}

static gboolean
restore_deletion (AftercareStore  *self,
                  guint           *position,
                  GError         **error)
{
  if (!aftercare_store_insert_session (self, self->deleted_session, error))
    return FALSE;
  for (guint i = 0; i < self->deleted_checkins->len; i++)
    if (!aftercare_store_insert_checkin (self, g_ptr_array_index (self->deleted_checkins, i), error))
      return FALSE;
  return aftercare_store_backend_count_sessions_before (self->backend, self->deleted_session,
                                                        position, error);
}

gboolean
aftercare_store_undo_delete (AftercareStore  *self,
                             GError         **error)
{
  g_autoptr(AftercareSession) session = NULL;
  g_autoptr(GPtrArray) checkins = NULL;
  gboolean stale, ok;
  guint position = 0;

  g_return_val_if_fail (AFTERCARE_IS_STORE (self), FALSE);

  if (self->deleted_session == NULL)
    {
      g_set_error_literal (error, AFTERCARE_STORE_ERROR, AFTERCARE_STORE_ERROR_NOT_FOUND,
                           _("There is no deletion to undo"));
      return FALSE;
    }
  if (!aftercare_store_begin_write (self, &stale, error))
    return FALSE;
  ok = restore_deletion (self, &position, error);
  if (!aftercare_store_end_write (self, ok, error))
    return FALSE;
  session = g_object_ref (self->deleted_session);
  checkins = g_ptr_array_ref (self->deleted_checkins);
  remember_deletion (self, NULL, NULL);
  if (stale)
    aftercare_store_reload_list (self);
  else
    {
      aftercare_session_list_inserted (self->sessions, position);
      update_search (self, NULL, FALSE);
    }
  g_signal_emit (self, signals[SESSION_CHANGED], 0, aftercare_session_get_id (session));
  if (checkins->len > 0)
    g_signal_emit (self, signals[CHECKINS_CHANGED], 0, aftercare_session_get_id (session));
  return TRUE;
}

/* Check-ins */

GPtrArray *
aftercare_store_list_checkins (AftercareStore  *self,
                               const char      *session_id,
                               GError         **error)
{
  g_autoptr(GPtrArray) checkins = NULL;
  g_autoptr(AftercareSession) session = NULL;

  g_return_val_if_fail (AFTERCARE_IS_STORE (self), NULL);
  g_return_val_if_fail (session_id != NULL, NULL);

  checkins = aftercare_store_backend_list_checkins (self->backend, session_id, error);
  if (checkins == NULL)
    return NULL;
  /* None: is there such a session at all? */
  if (checkins->len == 0 &&
      (session = aftercare_store_backend_get_session (self->backend, session_id, error)) == NULL)
    return NULL;
  return g_steal_pointer (&checkins);
}

/* Checks a check-in against the session it names, inside the transaction. */
static gboolean
check_checkin_session (AftercareStore    *self,
                       AftercareCheckin  *checkin,
                       GError           **error)
{
  g_autoptr(AftercareSession) session = NULL;
  const char *session_id = aftercare_checkin_get_session_id (checkin);

  if (session_id == NULL)
    return set_invalid (error, _("The check-in belongs to no session"));
  session = aftercare_store_backend_get_session (self->backend, session_id, error);
  return session != NULL && validate_checkin (checkin, session, error);
}

GHashTable *
aftercare_store_list_checkins_of (AftercareStore  *self,
                                  GPtrArray       *sessions,
                                  GError         **error)
{
  g_autofree const char **ids = NULL;
  g_autoptr(GPtrArray) checkins = NULL;
  GHashTable *by_session;

  g_return_val_if_fail (AFTERCARE_IS_STORE (self), NULL);
  g_return_val_if_fail (sessions != NULL, NULL);

  ids = g_new (const char *, sessions->len + 1);
  for (guint i = 0; i < sessions->len; i++)
    ids[i] = aftercare_session_get_id (g_ptr_array_index (sessions, i));
  checkins = aftercare_store_backend_list_checkins_of (self->backend, ids, sessions->len, error);
  if (checkins == NULL)
    return NULL;
  by_session = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < checkins->len; i++)
    {
      AftercareCheckin *checkin = g_ptr_array_index (checkins, i);
      const char *session_id = aftercare_checkin_get_session_id (checkin);
      GPtrArray *own = g_hash_table_lookup (by_session, session_id);

      if (own == NULL)
        {
          own = g_ptr_array_new_with_free_func (g_object_unref);
          g_hash_table_insert (by_session, g_strdup (session_id), own);
        }
      g_ptr_array_add (own, g_object_ref (checkin));
    }
  return by_session;
}

gboolean
aftercare_store_add_checkin (AftercareStore    *self,
                             AftercareCheckin  *checkin,
                             GError           **error)
{
  gboolean stale, ok;

  g_return_val_if_fail (AFTERCARE_IS_STORE (self), FALSE);
  g_return_val_if_fail (AFTERCARE_IS_CHECKIN (checkin), FALSE);

  if (!aftercare_store_begin_write (self, &stale, error))
    return FALSE;
  ok = check_checkin_session (self, checkin, error) && aftercare_store_insert_checkin (self, checkin, error);
  if (!aftercare_store_end_write (self, ok, error))
    return FALSE;
  if (stale)
    aftercare_store_reload_list (self);
  g_signal_emit (self, signals[CHECKINS_CHANGED], 0, aftercare_checkin_get_session_id (checkin));
  return TRUE;
}

gboolean
aftercare_store_update_checkin (AftercareStore    *self,
                                AftercareCheckin  *checkin,
                                GError           **error)
{
  g_autoptr(AftercareCheckin) old = NULL;
  gboolean stale, ok;
  gint64 version;

  g_return_val_if_fail (AFTERCARE_IS_STORE (self), FALSE);
  g_return_val_if_fail (AFTERCARE_IS_CHECKIN (checkin), FALSE);

  if (!aftercare_store_begin_write (self, &stale, error))
    return FALSE;
  version = aftercare_checkin_get_version (checkin);
  ok = (old = aftercare_store_backend_get_checkin (self->backend, aftercare_checkin_get_id (checkin),
                                                   error)) != NULL &&
       check_checkin_session (self, checkin, error) &&
       aftercare_store_backend_update_checkin (self->backend, checkin, error);
  if (!aftercare_store_end_write (self, ok, error))
    {
      aftercare_checkin_set_version (checkin, version);
      return FALSE;
    }
  if (stale)
    aftercare_store_reload_list (self);
  if (g_strcmp0 (aftercare_checkin_get_session_id (old), aftercare_checkin_get_session_id (checkin)) != 0)
    g_signal_emit (self, signals[CHECKINS_CHANGED], 0, aftercare_checkin_get_session_id (old));
  g_signal_emit (self, signals[CHECKINS_CHANGED], 0, aftercare_checkin_get_session_id (checkin));
  return TRUE;
}

gboolean
aftercare_store_delete_checkin (AftercareStore  *self,
                                const char      *checkin_id,
                                GError         **error)
{
  g_autoptr(AftercareCheckin) old = NULL;
  gboolean stale, ok;

  g_return_val_if_fail (AFTERCARE_IS_STORE (self), FALSE);
  g_return_val_if_fail (checkin_id != NULL, FALSE);

  if (!aftercare_store_begin_write (self, &stale, error))
    return FALSE;
  ok = (old = aftercare_store_backend_get_checkin (self->backend, checkin_id, error)) != NULL &&
       aftercare_store_backend_delete_checkin (self->backend, checkin_id, error);
  if (!aftercare_store_end_write (self, ok, error))
    return FALSE;
  if (stale)
    aftercare_store_reload_list (self);
  g_signal_emit (self, signals[CHECKINS_CHANGED], 0, aftercare_checkin_get_session_id (old));
  return TRUE;
}
