/* indexer.h: putting files into the index, one document per passage.
 *
 * An index is a folder: a stub file XAPIANDB naming its segments ("auto
 * seg-000001" lines), which Xapian opens as one database.  A segment is a
 * glass database written once, without term lists (so its documents can
 * be neither replaced nor deleted: that saves a third of the writer's time
 * and twice the input on disk), holding the passages of some files and
 * those files' records.  A change is made by building new segments aside
 * and replacing the stub (written aside, synced, renamed): readers see the
 * old index or the new, whole.
 *
 * A file is known by one identity: its real path (ss_canonical_path), so
 * "corpus/a.txt", "./corpus/a.txt" and a link to it are one file.  Each
 * file has a record (user metadata "file:" + path, or a hash of a long
 * path, in its segment): size, modification time, a hash of its content,
 * its passages and speeches.  A file whose size and time match its record
 * is unchanged (unless opts.force); one whose content hash matches only
 * gets a new stamp in its record.  A changed, vanished, unreadable or
 * removed file makes its segment be rebuilt without its old passages: the
 * segment's other files are read again from disk (and dropped, said
 * through opts.done, when they are gone or unreadable by then).
 *
 * Using it: ss_indexer_open, then ss_indexer_add_file for each file and
 * ss_indexer_remove / ss_indexer_prune, then ss_indexer_close, which
 * builds, publishes and merges.  To build on several cores, call
 * ss_indexer_plan, then ss_indexer_build for each batch in a child process
 * (fork: the analysis data loaded by ss_indexer_open is shared) and
 * ss_indexer_built (or ss_indexer_failed) in the parent as each ends.
 *
 * Crash safety: the stub changes only by an atomic rename, to name
 * segments that are complete and synced.  New files are published batch by
 * batch as they are built, so a long first build killed keeps what it
 * finished; a rebuild (changed or removed files) is published at once when
 * all its batches are built, so the index never holds a file twice or
 * lacks one.  Temporary segments of a killed run are removed by the next. */
#ifndef SS_INDEXER_H
#define SS_INDEXER_H

#include <stddef.h>
#include <stdint.h>

#include "ss_error.h"

typedef struct ss_indexer ss_indexer;

/* A problem inside a file that did not stop it: file, byte offset, text. */
typedef void (*ss_file_warn_fn)(void *arg, const char *file, size_t offset, const char *msg);

struct ss_index_stats;

/* After each file of a batch: its path, SS_OK or why it was skipped (msg),
 * and the batch's stats so far. */
typedef void (*ss_file_done_fn)(void *arg, const char *path, ss_code rc, const char *msg,
                                const struct ss_index_stats *st);

typedef struct {
    const char *encoding;     /* forced input encoding, or NULL to detect */
    const char *datadir;      /* analysis data, or NULL for the default */
    size_t passage_chars;     /* 0: SS_PASSAGE_CHARS */
    size_t flush_docs;        /* segment being built: commit every N passages (0: 2000) */
    size_t max_file_bytes;    /* larger files (decompressed) are refused (0: reader's default) */
    int force;                /* re-index unchanged files too */
    double segment_mb;        /* cut segments at about this much input (0: 32) */
    unsigned max_segments;    /* more are merged, the smallest first (0: 8) */
    unsigned jobs;            /* workers the batches are cut for (0: 1) */
    int merge;                /* compact the index into one segment at the end */
    int termlists;            /* keep Xapian's term lists (needed by xapian-tcpsrv:
                               * Xapian 1.4's remote server lists a document's
                               * values through them); an index that has them
                               * keeps them */
    ss_file_warn_fn warn;
    void *warn_arg;
    ss_file_done_fn done;     /* files built by ss_indexer_close (may be NULL) */
    void *done_arg;
} ss_index_opts;

typedef struct ss_index_stats {
    size_t files;             /* files indexed */
    size_t unchanged;         /* files skipped as unchanged */
    size_t skipped;           /* files skipped (binary, unreadable, not a regular file) */
    size_t removed;           /* files whose passages were removed (gone, unreadable, pruned) */
    size_t rebuilt;           /* unchanged files read again to rebuild their segment */
    size_t warned;            /* files indexed with warnings */
    size_t warnings;          /* warnings in all */
    size_t passages;          /* passages added */
    uint64_t bytes;           /* input bytes read (decompressed) */
    uint64_t text_bytes;      /* bytes of text after decoding (UTF-8) */
    uint64_t cleaned_bytes;   /* of which removed as site furniture (clean.h) */
} ss_index_stats;

#define SS_MAX_FLUSH_DOCS 100000

/* The identity of a file: its real path (links, "." and ".." resolved);
 * for a path that no longer exists, its folder's real path and its name,
 * or the path made absolute.  malloc'd; NULL with errno set on failure. */
char *ss_canonical_path(const char *path);

/* Opens (creating if needed) the index folder dbpath: takes its writer
 * lock (SS_ELOCKED when another speech-index holds it), checks its format
 * (SS_EFORMAT, "rebuild it", for an index of another format or layout),
 * reads its records, removes what killed runs left. */
ss_code ss_indexer_open(const char *dbpath, const ss_index_opts *opts, ss_indexer **out,
                        ss_err *err);
/* Puts one file in the plan (stored under its canonical path; path as
 * given is used in messages): unchanged, new stamp, or to be read.  A file
 * that is gone or not a regular file is counted as skipped, loses the
 * passages it had, and is reported through err with SS_EIO, SS_ENOTFOUND
 * or SS_EUNSUPPORTED; one that turns out unreadable, too large or binary
 * when it is read is reported through opts.done (or the done of
 * ss_indexer_build) the same way.  A file already added by this indexer
 * (the same file named twice) is not read again. */
ss_code ss_indexer_add_file(ss_indexer *ix, const char *path, ss_err *err);
/* Removes the passages and records of the file path, or of every file
 * under it when it is a folder (it need not exist any more); *removed
 * (may be NULL) gets the number of files removed. */
ss_code ss_indexer_remove(ss_indexer *ix, const char *path, size_t *removed, ss_err *err);
/* Removes the files under folder dir that this indexer was not given
 * (deleted, renamed or no longer wanted since they were indexed). */
ss_code ss_indexer_prune(ss_indexer *ix, const char *dir, ss_err *err);
/* Ends the plan: the files to read (new, changed, and the other files of
 * the segments to rebuild) cut into *batches batches (one new segment
 * each) of at most about opts.segment_mb, in whole rounds of opts.jobs. */
ss_code ss_indexer_plan(ss_indexer *ix, size_t *batches, ss_err *err);
/* Builds batch k into a temporary segment (in a worker process, or in
 * this one); adds to *st; calls done (may be NULL) after each file.  An
 * error is one of the whole batch (its segment is then never published). */
ss_code ss_indexer_build(ss_indexer *ix, size_t k, ss_file_done_fn done, void *arg,
                         ss_index_stats *st, ss_err *err);
/* In the process that planned: batch k is built (st: its stats, added to
 * the indexer's); publishes it when it may be (new files at once, a
 * rebuild when all of it is built). */
ss_code ss_indexer_built(ss_indexer *ix, size_t k, const ss_index_stats *st, ss_err *err);
/* Batch k failed (its worker died): nothing of a rebuild is published. */
void ss_indexer_failed(ss_indexer *ix, size_t k);
/* Builds the batches not yet built (in this process), writes new stamps,
 * publishes, merges segments beyond opts.max_segments and removes the
 * replaced ones.  The stats are then complete. */
ss_code ss_indexer_finish(ss_indexer *ix, ss_err *err);
/* Finishes (ss_indexer_finish, unless done) and closes; always frees ix
 * and releases the lock. */
ss_code ss_indexer_close(ss_indexer *ix, ss_err *err);
const ss_index_stats *ss_indexer_stats(const ss_indexer *ix);
/* Files the plan reads (after ss_indexer_plan). */
size_t ss_indexer_todo(const ss_indexer *ix);

/* ---- what an index holds (speech-index --list, --stats) ---- */

/* One file's record. */
typedef struct {
    const char *path;         /* canonical path */
    uint64_t size;
    double mtime;             /* seconds since the epoch */
    uint32_t passages, speeches;
    const char *speech_info;  /* one line per speech: "region\tyear\tpassages\n" ("" unknown) */
} ss_file_info;

/* Calls cb for each file recorded in the index at dbpath (segment by
 * segment), after checking its format; cb returns nonzero to stop. */
ss_code ss_index_each_file(const char *dbpath, int (*cb)(void *ctx, const ss_file_info *f),
                           void *ctx, ss_err *err);
typedef struct {
    uint64_t passages;        /* documents */
    size_t segments;
    double updated;           /* last update (its stub's time), seconds since the epoch */
} ss_index_totals;

/* The totals of the index at dbpath (format checked). */
ss_code ss_index_summary(const char *dbpath, ss_index_totals *out, ss_err *err);

#endif
