/* aftercare-backup-aside.h: a JSON backup read in a worker thread while the caller's thread stores what it read. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "aftercare-backup-reader.h"

G_BEGIN_DECLS

/* As aftercare_backup_read_json_stream(), with the same checks, messages
 * and result, but the reading is done by a worker thread while sink's
 * functions run in the calling thread, in the order the rows are read: on
 * two cores, reading and storing go on at the same time. The thread never
 * touches sink or user_data, only input; it is joined before this returns.
 *
 * Rows pass in small batches through a short queue, so memory stays
 * bounded by a few batches, not by the file. When sink fails, the reading
 * stops and that error is the one given; when the reading fails, sink is
 * first given every row read before the problem, so the first problem in
 * the file is the one named, as when reading in one thread. */
gboolean aftercare_backup_read_json_stream_aside (GInputStream               *input,
                                                  GCancellable               *cancellable,
                                                  const AftercareBackupSink  *sink,
                                                  gpointer                    user_data,
                                                  GError                    **error);

G_END_DECLS
