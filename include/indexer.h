/* indexer.h: putting files into the index, one document per passage.
 *
 * Adding a file replaces every passage it had in the index before, so
 * indexing a file twice leaves the index as after once.  A file whose size
 * and modification time are unchanged since it was indexed is skipped
 * (unless opts.force).  Changes are committed every opts.batch_bytes of
 * input, which bounds memory whatever the corpus size. */
#ifndef SS_INDEXER_H
#define SS_INDEXER_H

#include <stddef.h>
#include <stdint.h>

#include "ss_error.h"

typedef struct ss_indexer ss_indexer;

/* A problem inside a file that did not stop it: file, byte offset, text. */
typedef void (*ss_file_warn_fn)(void *arg, const char *file, size_t offset, const char *msg);

typedef struct {
    const char *encoding;     /* forced input encoding, or NULL to detect */
    const char *datadir;      /* analysis data, or NULL for the default */
    size_t passage_chars;     /* 0: SS_PASSAGE_CHARS */
    size_t batch_bytes;       /* 0: 32 MiB */
    int force;                /* re-index unchanged files too */
    ss_file_warn_fn warn;
    void *warn_arg;
} ss_index_opts;

typedef struct {
    size_t files;             /* files indexed */
    size_t unchanged;         /* files skipped as unchanged */
    size_t skipped;           /* files skipped (binary, unreadable) */
    size_t warned;            /* files indexed with warnings */
    size_t warnings;          /* warnings in all */
    size_t passages;          /* passages added */
    uint64_t bytes;           /* input bytes read (decompressed) */
    uint64_t text_bytes;      /* bytes of text after decoding (UTF-8) */
    uint64_t cleaned_bytes;   /* of which removed as site furniture (clean.h) */
} ss_index_stats;

/* Opens (creating if needed) the index at dbpath. */
ss_code ss_indexer_open(const char *dbpath, const ss_index_opts *opts, ss_indexer **out,
                        ss_err *err);
/* Indexes one file; path is stored as given.  A file that cannot be read
 * or is binary is counted as skipped and reported through err with
 * SS_EIO / SS_EUNSUPPORTED; the index is unchanged then. */
ss_code ss_indexer_add_file(ss_indexer *ix, const char *path, ss_err *err);
/* Removes a file's passages. */
ss_code ss_indexer_remove_file(ss_indexer *ix, const char *path, ss_err *err);
/* Commits what is pending. */
ss_code ss_indexer_commit(ss_indexer *ix, ss_err *err);
/* Commits and closes; always frees ix. */
ss_code ss_indexer_close(ss_indexer *ix, ss_err *err);
const ss_index_stats *ss_indexer_stats(const ss_indexer *ix);

#endif
