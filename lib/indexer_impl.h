/* indexer_impl.h: the indexer's parts, private to lib/ (see indexer.h).
 *
 *   indexer_write.c   one file's passages into an open segment, and the
 *                     file record that goes with them
 *   indexer_seg.c     the index folder: its stub, segments, lock, clean-up
 *   indexer.c         opening; the plan (what changed), the batches
 *   indexer_build.c   building batches, publishing, merging
 *   indexer_list.c    what an index holds (--list, --stats) */
#ifndef SS_INDEXER_IMPL_H
#define SS_INDEXER_IMPL_H

#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>

#include "base.h"
#include "indexer.h"
#include "ss_error.h"
#include "xapian_c.h"

/* ---- indexer_write.c ---- */

#define SS_META_FILE "file:"
#define SS_META_UPDATED "speech-search:updated"
/* "1" in the segments of an index that keeps term lists (--termlists) */
#define SS_META_TERMLISTS "speech-search:termlists"

/* What writes passages: the analysis resources (loaded once, shared by
 * forked workers) and the segment being written. */
typedef struct ss_ixwriter ss_ixwriter;

ss_code ss_ixw_open(const ss_index_opts *opts, ss_ixwriter **out, ss_err *err);
void ss_ixw_close(ss_ixwriter *w);
/* Indexes the file at path (canonical canon) into db and writes its
 * record; stamp is "SIZE MTIME" of the stat the caller made.  Adds to *st.
 * A file that cannot be read, is binary or too large: SS_EIO,
 * SS_EUNSUPPORTED or SS_ENOTFOUND with the reason, and nothing written. */
ss_code ss_ixw_file(ss_ixwriter *w, xc_writable *db, const char *path, const char *canon,
                    const char *stamp, ss_index_stats *st, ss_err *err);
/* Commits what the writer added since its last commit (every flush_docs
 * passages it commits by itself). */
ss_code ss_ixw_commit(ss_ixwriter *w, xc_writable *db, ss_err *err);

/* A file record: "SIZE MTIME HASH PASSAGES SPEECHES PATH\n" then one line
 * per speech, "region\tyear\tpassages". */
typedef struct {
    char stamp[64];           /* "SIZE MTIME" */
    uint64_t size;
    unsigned long long hash;
    uint32_t passages, speeches;
    const char *path;         /* into the value, up to the newline */
    size_t pathlen;
    const char *speech_info;  /* into the value */
} ss_file_record;

int ss_record_parse(const char *v, size_t len, ss_file_record *r);
/* The metadata key of a canonical path into buf (SS_RECORD_KEY bytes). */
#define SS_RECORD_KEY 240
void ss_record_key(const char *canon, char *buf, size_t n);
void ss_record_stamp(const struct stat *sb, char *buf, size_t n);
/* value with its stamp replaced by stamp: malloc'd, NULL when out of memory. */
char *ss_record_restamp(const char *value, size_t len, const char *stamp, size_t *outlen);

/* ---- indexer_seg.c ---- */

#define SS_STUB "XAPIANDB"
#define SS_SEG_PREFIX "seg-"

/* The names of an index folder's segments ("seg-000001"...). */
typedef struct {
    char **v;
    size_t n, cap;
} ss_names;

void ss_names_free(ss_names *s);
int ss_names_push(ss_names *s, const char *name); /* 0, or -1 out of memory */
int ss_names_has(const ss_names *s, const char *name);

/* What the folder dir holds. */
typedef enum { SS_LAYOUT_NEW, SS_LAYOUT_SEGMENTS, SS_LAYOUT_OTHER } ss_layout;

/* Reads dir's stub into *segs; the layout says whether dir is empty or
 * absent (NEW), a segment index, or another Xapian database (a glass
 * database, shards, remotes: OTHER, whose format the caller checks). */
ss_code ss_seg_read(const char *dir, ss_names *segs, ss_layout *layout, ss_err *err);
/* Replaces dir's stub by one naming segs: written aside, synced, renamed
 * over the old one, the folder synced: readers see the old or the new. */
ss_code ss_seg_write_stub(const char *dir, const ss_names *segs, ss_err *err);
/* The format check of the database at path (a segment, or an index of an
 * older layout): SS_EFORMAT with the "rebuild it" message unless current. */
ss_code ss_seg_check_format(const char *path, const char *shown, ss_err *err);
/* Takes the index's writer lock (a file beside the stub), held until
 * ss_seg_unlock; SS_ELOCKED when another speech-index holds it. */
ss_code ss_seg_lock(const char *dir, int *fd, ss_err *err);
void ss_seg_unlock(int fd);
/* Removes the entries of dir named seg-* that segs does not list (segments
 * of runs that were killed, replaced ones not yet removed); the number. */
size_t ss_seg_clean(const char *dir, const ss_names *segs);
/* The next free segment number in dir (above every seg-N there). */
unsigned ss_seg_next_number(const char *dir, const ss_names *segs);
/* Creates the empty segment at path (without term lists unless
 * termlists), with the format. */
ss_code ss_seg_create(const char *path, int termlists, xc_writable **out, ss_err *err);
/* Compacts the segments srcs of dir into dir/dest. */
ss_code ss_seg_compact(const char *dir, const ss_names *srcs, const char *dest, ss_err *err);
/* rm -rf path (absent is fine): 0 or -1. */
int ss_remove_tree(const char *path);
/* fsync of the folder dir (a rename in it made durable). */
void ss_sync_dir(const char *dir);

/* ---- indexer.c, indexer_build.c: the indexer ---- */

/* A map of strings (canonical paths) to indexes. */

typedef struct {
    ss_htab tab;       /* ss_path_hash(key) -> index in e */
    struct {
        const char *key; /* not owned */
        size_t val;
    } *e;
    size_t n, cap;
} strmap;


/* A file of the index as found (its record in its segment). */
enum { E_KEEP, E_TOUCHED, E_DROP, E_REDO };
typedef struct {
    char *path;          /* canonical */
    char *value;         /* its record */
    size_t vlen;
    uint64_t size;
    size_t seg;          /* index in ix->segs */
    int state;
    char stamp[64];      /* E_TOUCHED: the new stamp */
} entry;

typedef struct {
    uint64_t bytes;      /* input of its files */
    int dirty;           /* to be rebuilt without some of its files */
    int touched;         /* some records get new stamps */
} seginfo;

/* A file to read into a new segment. */
typedef struct {
    char *path;          /* as given (for messages), or canonical */
    char *canon;
    uint64_t size;
    int replaces;        /* the index holds an older version of it */
    int survivor;        /* re-read only to rebuild its segment */
} work;

enum { B_TODO, B_DONE, B_FAILED };
typedef struct {
    size_t first, n;     /* into ix->wk */
    int replaces;        /* holds files the index has: published with the rebuild */
    unsigned no;         /* its segment's number */
    uint64_t bytes;
    int state;
} batch;

struct ss_indexer {
    char *dir;
    int lockfd;
    ss_index_opts opts;
    ss_index_stats st;
    ss_ixwriter *w;
    ss_names segs;       /* the segments found, in the stub's order */
    seginfo *si;
    entry *cat;          /* the files found */
    size_t ncat, capcat;
    strmap bypath;       /* canonical path -> index in cat */
    strmap seen;         /* canonical paths given to this indexer */
    char **seen_keys;    /* their strings (owned) */
    size_t nseen, capseen;
    work *wk;
    size_t nwk, capwk;
    batch *b;
    size_t nb;
    int planned, finished;
    unsigned next_no;
};

/* "seg-000012" or "seg-000012.tmp" into buf. */
void ss_ix_seg_name(unsigned no, int tmp, char *buf, size_t n);
/* Frees ix and what it holds, releasing its lock. */
void ss_ix_free(ss_indexer *ix);

#endif
