/* aftercare-backup-aside.c: a JSON backup read in a worker thread while the caller's thread stores what it read. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "aftercare-backup"

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "aftercare-backup-aside.h"

/* Rows handed over at once: one lock and wake-up for so many. */
#define BATCH_ROWS 256
/* Batches read and not yet taken, at most: the reader waits beyond. */
#define MAX_WAITING 4

/* One row read, with where it came from (an offset into its batch's origins). */
typedef struct
{
  GObject *row;   /* an AftercareSession or an AftercareCheckin */
  gsize origin;
} Item;

typedef struct
{
  GArray *items;      /* Item */
  GString *origins;   /* each item's origin, '\0' after each */
} Batch;

static Batch *
batch_new (void)
{
  Batch *batch = g_new (Batch, 1);

  batch->items = g_array_sized_new (FALSE, FALSE, sizeof (Item), BATCH_ROWS);
  batch->origins = g_string_sized_new (BATCH_ROWS * 32);
  return batch;
}

static void
batch_free (Batch *batch)
{
  for (guint i = 0; i < batch->items->len; i++)
    g_object_unref (g_array_index (batch->items, Item, i).row);
  g_array_unref (batch->items);
  g_string_free (batch->origins, TRUE);
  g_free (batch);
}

/* What the two threads share; lock guards everything below it. */
typedef struct
{
  GInputStream *input;   /* the reader's alone */
  GCancellable *cancellable;
  Batch *filling;        /* the reader's alone */

  GMutex lock;
  GCond changed;         /* a batch came or was taken, or a side ended */
  GQueue waiting;        /* Batch, read and not yet taken */
  gboolean read_all;     /* the reader has ended (read_error says how) */
  GError *read_error;
  gboolean stopped;      /* the caller's side failed: read no more */
} Aside;

/* Hands the batch being filled over, waiting while the queue is full;
 * FALSE when the other side has stopped. */
static gboolean
hand_over (Aside   *aside,
           GError **error)
{
  gboolean stopped;

  if (aside->filling == NULL)
    return TRUE;
  g_mutex_lock (&aside->lock);
  while (!aside->stopped && aside->waiting.length >= MAX_WAITING)
    g_cond_wait (&aside->changed, &aside->lock);
  stopped = aside->stopped;
  if (!stopped)
    {
      g_queue_push_tail (&aside->waiting, g_steal_pointer (&aside->filling));
      g_cond_signal (&aside->changed);
    }
  g_mutex_unlock (&aside->lock);
  if (stopped)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "The rows read are no longer taken");
      return FALSE;
    }
  return TRUE;
}

static gboolean
add_row (Aside       *aside,
         GObject     *row,
         const char  *origin,
         GError     **error)
{
  Item item = { g_object_ref (row), 0 };

  if (aside->filling == NULL)
    aside->filling = batch_new ();
  item.origin = aside->filling->origins->len;
  g_string_append_len (aside->filling->origins, origin, strlen (origin) + 1);
  g_array_append_val (aside->filling->items, item);
  return aside->filling->items->len < BATCH_ROWS || hand_over (aside, error);
}

static gboolean
read_session (AftercareSession  *session,
              const char        *origin,
              gpointer           user_data,
              GError           **error)
{
  return add_row (user_data, G_OBJECT (session), origin, error);
}

static gboolean
read_checkin (AftercareCheckin  *checkin,
              const char        *origin,
              gpointer           user_data,
              GError           **error)
{
  return add_row (user_data, G_OBJECT (checkin), origin, error);
}

/* A JSON backup never comes back to a session handed on before. */
static AftercareSession *
no_lookup (const char  *id,
           gpointer     user_data,
           GError     **error)
{
  g_return_val_if_reached (NULL);
}

static const AftercareBackupSink aside_sink = { read_session, read_checkin, no_lookup };

static gpointer
read_aside (gpointer data)
{
  Aside *aside = data;
  GError *error = NULL;
  gboolean ok;

  ok = aftercare_backup_read_json_stream (aside->input, aside->cancellable, &aside_sink, aside, &error);
  /* The rows read before a problem go over too: they come before it. */
  if (!hand_over (aside, ok ? &error : NULL))
    ok = FALSE;
  g_clear_pointer (&aside->filling, batch_free);
  g_mutex_lock (&aside->lock);
  aside->read_all = TRUE;
  aside->read_error = ok ? NULL : error;
  g_cond_signal (&aside->changed);
  g_mutex_unlock (&aside->lock);
  return NULL;
}

/* The next batch read, or NULL when the reader has ended and all it read
 * was taken. */
static Batch *
take_batch (Aside *aside)
{
  Batch *batch;

  g_mutex_lock (&aside->lock);
  while (aside->waiting.length == 0 && !aside->read_all)
    g_cond_wait (&aside->changed, &aside->lock);
  batch = g_queue_pop_head (&aside->waiting);
  g_cond_signal (&aside->changed);
  g_mutex_unlock (&aside->lock);
  return batch;
}

static gboolean
give_batch (Batch                      *batch,
            const AftercareBackupSink  *sink,
            gpointer                    user_data,
            GError                    **error)
{
  for (guint i = 0; i < batch->items->len; i++)
    {
      Item *item = &g_array_index (batch->items, Item, i);
      const char *origin = batch->origins->str + item->origin;
      gboolean ok = AFTERCARE_IS_SESSION (item->row)
                      ? sink->session (AFTERCARE_SESSION (item->row), origin, user_data, error)
                      : sink->checkin (AFTERCARE_CHECKIN (item->row), origin, user_data, error);

      if (!ok)
        return FALSE;
    }
  return TRUE;
}

gboolean
aftercare_backup_read_json_stream_aside (GInputStream               *input,
                                         GCancellable               *cancellable,
                                         const AftercareBackupSink  *sink,
                                         gpointer                    user_data,
                                         GError                    **error)
{
  Aside aside = { .input = input, .cancellable = cancellable };
  g_autoptr(GError) thread_error = NULL;
  GThread *reader;
  Batch *batch;
  gboolean ok = TRUE;

  g_return_val_if_fail (G_IS_INPUT_STREAM (input), FALSE);
  g_return_val_if_fail (sink != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_mutex_init (&aside.lock);
  g_cond_init (&aside.changed);
  g_queue_init (&aside.waiting);
  reader = g_thread_try_new ("aftercare-read", read_aside, &aside, &thread_error);
  if (reader == NULL)
    {
      /* No thread to be had (the system is at its limit): read and store
       * in turn, here. Slower, the same rows and messages. */
      g_debug ("No thread to read the backup in (%s): reading it here", thread_error->message);
      g_mutex_clear (&aside.lock);
      g_cond_clear (&aside.changed);
      return aftercare_backup_read_json_stream (input, cancellable, sink, user_data, error);
    }
  while (ok && (batch = take_batch (&aside)) != NULL)
    {
      ok = give_batch (batch, sink, user_data, error);
      batch_free (batch);
    }
  if (!ok)
    {
      g_mutex_lock (&aside.lock);
      aside.stopped = TRUE;
      g_cond_signal (&aside.changed);
      g_mutex_unlock (&aside.lock);
    }
  g_thread_join (reader);
  g_queue_clear_full (&aside.waiting, (GDestroyNotify) batch_free);
  g_mutex_clear (&aside.lock);
  g_cond_clear (&aside.changed);
  /* Every row read before the reader's problem went to sink without one:
   * that problem is the first. */
  if (ok && aside.read_error != NULL)
    {
      g_propagate_error (error, aside.read_error);
      return FALSE;
    }
  g_clear_error (&aside.read_error);
  return ok;
}
