/* shards.h: building an index's batches in parallel worker processes
 * (see shards.c). */
#ifndef SS_SHARDS_H
#define SS_SHARDS_H

#include <stddef.h>

#include "indexer.h"

/* Builds the nbatches planned batches of ix (ss_indexer_plan) in up to
 * jobs worker processes at a time, publishing each as it ends; names a
 * worker that dies.  Progress on stderr unless quiet (or not a terminal):
 * [files read/todo].  Returns the exit status: 0, 1 (some files skipped)
 * or 2 (a worker failed, or an error). */
int build_parallel(ss_indexer *ix, size_t nbatches, unsigned jobs, size_t todo, int quiet);

/* Progress line on stderr: files done of todo, passages, MB, MB/s since t0. */
void show_progress(size_t done, size_t todo, const ss_index_stats *st, double t0);
double now_seconds(void);

#endif
