/* shards.h: parallel indexing into shards (see shards.c). */
#ifndef SS_SHARDS_H
#define SS_SHARDS_H

#include <stddef.h>

#include "indexer.h"

typedef struct {
    const char *db;        /* the index folder */
    unsigned shards;       /* number of shards, >= 1 */
    int merge;             /* compact the shards into one database at db */
    int quiet;
    ss_index_opts opts;
    char **prune;          /* folders whose vanished files each shard removes */
    size_t nprune;
} shard_job;

/* Number of shards of the index at db (0 when it is not a sharded index). */
int shard_count(const char *db);

/* Indexes files into job->shards shards in parallel; adds the shards'
 * stats to *total.  Returns the exit status: 0, 1 (some files skipped),
 * or 2 (error). */
int index_sharded(const shard_job *job, char **files, size_t nfiles, ss_index_stats *total);

#endif
