/* indexer.h: putting files into the index, one document per passage.
 *
 * A file is known by one identity: its real path (ss_canonical_path), so
 * "corpus/a.txt", "./corpus/a.txt" and a link to it are one file.  Adding a
 * file replaces every passage it had in the index before, so indexing a
 * file twice leaves the index as after once.  Each file has a record (user
 * metadata "file:" + path, or a hash of a long path): size, modification
 * time, a hash of its content, its passages and speeches.  A file whose
 * size and time match its record is skipped (unless opts.force); one whose
 * content hash matches only gets a new record.
 *
 * Crash safety: changes are made inside a Xapian transaction that is
 * committed only between files (every opts.flush_docs passages or
 * opts.batch_bytes of input), so a file's removal, its new passages and
 * its record reach the disk together or not at all; killed at any moment,
 * the index holds the last committed state and the next run completes it.
 * A single file of more than SS_FILE_PARTS * opts.flush_docs passages (8000
 * by default, about 5 MB of text) is committed in parts, which bounds the
 * writer's memory; its record is removed first and written with its last
 * part, so a crash in between leaves it to be re-indexed by the next run. */
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
    size_t flush_docs;        /* commit after this many passages (0: 2000) */
    size_t max_file_bytes;    /* larger files (decompressed) are refused (0: reader's default) */
    int force;                /* re-index unchanged files too */
    ss_file_warn_fn warn;
    void *warn_arg;
} ss_index_opts;

typedef struct {
    size_t files;             /* files indexed */
    size_t unchanged;         /* files skipped as unchanged */
    size_t skipped;           /* files skipped (binary, unreadable, not a regular file) */
    size_t removed;           /* files whose passages were removed (gone, unreadable, pruned) */
    size_t warned;            /* files indexed with warnings */
    size_t warnings;          /* warnings in all */
    size_t passages;          /* passages added */
    uint64_t bytes;           /* input bytes read (decompressed) */
    uint64_t text_bytes;      /* bytes of text after decoding (UTF-8) */
    uint64_t cleaned_bytes;   /* of which removed as site furniture (clean.h) */
} ss_index_stats;

#define SS_FILE_PARTS 4
#define SS_MAX_FLUSH_DOCS 100000

/* The identity of a file: its real path (links, "." and ".." resolved);
 * for a path that no longer exists, its folder's real path and its name,
 * or the path made absolute.  malloc'd; NULL with errno set on failure. */
char *ss_canonical_path(const char *path);

/* Opens (creating if needed) the index at dbpath. */
ss_code ss_indexer_open(const char *dbpath, const ss_index_opts *opts, ss_indexer **out,
                        ss_err *err);
/* Indexes one file (stored under its canonical path; path as given is
 * used in messages).  A file that is gone, cannot be read, is not a
 * regular file, is too large or is binary is counted as skipped, loses
 * the passages it had, and is reported through err with SS_EIO,
 * SS_ENOTFOUND or SS_EUNSUPPORTED.  A file already added by this indexer
 * (the same file named twice) is not read again. */
ss_code ss_indexer_add_file(ss_indexer *ix, const char *path, ss_err *err);
/* Removes the passages and records of the file path, or of every file
 * under it when it is a folder (it need not exist any more); *removed
 * (may be NULL) gets the number of files removed. */
ss_code ss_indexer_remove(ss_indexer *ix, const char *path, size_t *removed, ss_err *err);
/* Removes the files under folder dir that this indexer was not given
 * (deleted, renamed or no longer wanted since they were indexed). */
ss_code ss_indexer_prune(ss_indexer *ix, const char *dir, ss_err *err);
/* Commits what is pending (between files). */
ss_code ss_indexer_commit(ss_indexer *ix, ss_err *err);
/* Commits and closes; always frees ix. */
ss_code ss_indexer_close(ss_indexer *ix, ss_err *err);
const ss_index_stats *ss_indexer_stats(const ss_indexer *ix);

/* ---- what an index holds (speech-index --list, --stats) ---- */

/* One file's record. */
typedef struct {
    const char *path;         /* canonical path */
    uint64_t size;
    double mtime;             /* seconds since the epoch */
    uint32_t passages, speeches;
    const char *speech_info;  /* one line per speech: "region\tyear\tpassages\n" ("" unknown) */
} ss_file_info;

/* Calls cb for each file recorded in the index at dbpath (a glass
 * database; a sharded index: each shard in turn); cb returns nonzero to
 * stop.  Files indexed by older versions have passages == speeches == 0. */
ss_code ss_index_each_file(const char *dbpath, int (*cb)(void *ctx, const ss_file_info *f),
                           void *ctx, ss_err *err);
/* Passages (documents) in the index and the time of its last update
 * (seconds since the epoch, 0 if unknown). */
ss_code ss_index_summary(const char *dbpath, uint32_t *passages, double *updated, ss_err *err);

#endif
