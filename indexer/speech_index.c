/* speech-index: builds or updates a speech-search index from files and
 * folders.  Thin over lib/indexer.c: option parsing, directory walking,
 * progress on a terminal, warnings and the closing summary. */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#ifndef SS_VERSION
#define SS_VERSION "unknown"
#endif

#include "base.h"
#include "datadir.h"
#include "indexer.h"
#include "passage.h"
#include "shards.h"

#define DEFAULT_INDEX "index"

static long cores(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > 64 ? 64 : n;
}

static void usage(FILE *f)
{
    fprintf(f,
            "usage: speech-index [-d INDEX] [options] PATH...\n"
            "       speech-index [-d INDEX] --remove PATH...\n"
            "       speech-index [-d INDEX] --list | --stats\n"
            "Indexes speeches (files, or folders walked recursively) into a Xapian index.\n"
            "In folders it reads *.txt *.text *.htm *.html and their .gz forms; files named\n"
            "on the command line are read whatever their name.  A file indexed before is\n"
            "replaced; an unchanged file (same size and time, or same content) is skipped.\n"
            "A file is known by its real path: links and ./ name the same file.\n\n"
            "  -d, --db INDEX        index directory (default: $SPEECH_INDEX or ./%s)\n"
            "      --encoding NAME   input encoding (default: detected per file)\n"
            "      --passage-chars N longest passage in characters (default %d)\n"
            "      --force           re-index unchanged files too\n"
            "  -j, --jobs N          worker processes building segments (default: one per\n"
            "                        core, here %ld)\n"
            "      --shards N        the same as --jobs N (older name)\n"
            "      --segment-mb N    cut segments at about N MB of input (default 32; a\n"
            "                        quarter of the index when larger): a changed file\n"
            "                        re-reads its segment\n"
            "      --merge           compact the index into one segment at the end\n"
            "      --termlists       keep Xapian's term lists (twice the input on disk): an\n"
            "                        index served by xapian-tcpsrv needs them (kept after)\n"
            "      --commit-every N  flush a segment being built every N passages (default\n"
            "                        2000)\n"
            "      --max-file-mb N   refuse files larger than N MiB once decompressed (default\n"
            "                        10; indexing takes 14 to 27 times a file's size in memory)\n"
            "      --no-prune        keep the passages of files gone from a folder named here\n"
            "                        (by default they are removed, and the summary says so)\n"
            "      --remove          remove the passages of the files (or folders) named\n"
            "      --list            list the files in the index (passages, speeches, path)\n"
            "      --stats           files, passages, speeches by region and year, size,\n"
            "                        last update\n"
            "  -q, --quiet           no progress, no summary\n"
            "      --data DIR        data files (dictionary, rules, gazetteer; default: the\n"
            "                        installed ones, or $SS_DATADIR)\n"
            "  -V, --version         version\n"
            "  -h, --help            this help\n",
            DEFAULT_INDEX, SS_PASSAGE_CHARS, cores());
}

typedef struct {
    char **v;
    size_t n, cap;
} pathlist;

static int push_path(pathlist *l, const char *p)
{
    if (SS_GROW(l->v, l->n + 1, l->cap, 64))
        return -1;
    if (!(l->v[l->n] = strdup(p)))
        return -1;
    l->n++;
    return 0;
}

static int has_suffix(const char *s, const char *suf)
{
    size_t n = strlen(s), m = strlen(suf);
    return n >= m && strcasecmp(s + n - m, suf) == 0;
}

static int wanted(const char *name)
{
    static const char *const exts[] = { ".txt", ".text", ".htm", ".html" };
    char base[1024];
    snprintf(base, sizeof base, "%s", name);
    if (has_suffix(base, ".gz"))
        base[strlen(base) - 3] = '\0';
    for (size_t i = 0; i < NELEM(exts); i++)
        if (has_suffix(base, exts[i]))
            return 1;
    return 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Folders already walked, by device and inode: a link back up (up -> ..)
 * or to a folder seen elsewhere is followed once. */
typedef struct {
    struct { dev_t dev; ino_t ino; } *v;
    size_t n, cap;
} dirset;

static int dir_seen(dirset *s, const struct stat *sb)
{
    for (size_t i = 0; i < s->n; i++) /* few folders; linear is fine */
        if (s->v[i].dev == sb->st_dev && s->v[i].ino == sb->st_ino)
            return 1;
    if (SS_GROW(s->v, s->n + 1, s->cap, 64))
        return -1;
    s->v[s->n].dev = sb->st_dev;
    s->v[s->n].ino = sb->st_ino;
    s->n++;
    return 0;
}

/* What a walk gathers. */
typedef struct {
    pathlist files;
    dirset dirs;
    size_t ignored;   /* regular files of other extensions */
    int failed;       /* an entry could not be read (named on stderr) */
} walker;

/* Collects the wanted files under dir, sorted, skipping hidden entries;
 * names on stderr every entry it cannot read; -1 only when out of memory. */
static int walk(const char *dir, walker *w)
{
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(stderr, "speech-index: skipped: %s: %s\n", dir, strerror(errno));
        w->failed = 1;
        return 0;
    }
    pathlist names = { 0 };
    struct dirent *e;
    int rc = 0;
    while (rc == 0 && (e = readdir(d)))
        if (e->d_name[0] != '.' && push_path(&names, e->d_name))
            rc = -1;
    closedir(d);
    if (names.n > 1)
        qsort(names.v, names.n, sizeof *names.v, cmp_str);
    size_t dl = strlen(dir);
    for (size_t i = 0; i < names.n; i++) {
        struct stat sb;
        size_t n = dl + strlen(names.v[i]) + 2;
        char *path = rc == 0 ? malloc(n) : NULL;
        if (!path) {
            rc = -1;
        } else {
            snprintf(path, n, "%s%s%s", dir, dl && dir[dl - 1] == '/' ? "" : "/", names.v[i]);
            if (stat(path, &sb) != 0) {
                fprintf(stderr, "speech-index: skipped: %s: %s\n", path, strerror(errno));
                w->failed = 1;
            } else if (S_ISDIR(sb.st_mode)) {
                int seen = dir_seen(&w->dirs, &sb);
                if (seen < 0 || (!seen && walk(path, w) < 0))
                    rc = -1;
            } else if (!S_ISREG(sb.st_mode) || !wanted(names.v[i])) {
                w->ignored += S_ISREG(sb.st_mode);
            } else if (push_path(&w->files, path)) {
                rc = -1;
            }
            free(path);
        }
        free(names.v[i]);
    }
    free(names.v);
    return rc;
}

static void on_warn(void *arg, const char *file, size_t offset, const char *msg)
{
    (void)arg;
    fprintf(stderr, "\rspeech-index: warning: %s: byte %zu: %s\n", file, offset, msg);
}

/* Files read in this process (one job, or one batch): progress, skips. */
typedef struct {
    ss_indexer *ix;
    int show, failed;
    size_t todo, done;
    double t0, last;
} inproc;

static void on_done(void *arg, const char *path, ss_code rc, const char *msg,
                    const ss_index_stats *st)
{
    inproc *p = arg;
    (void)path;
    p->done++;
    if (rc != SS_OK) {
        fprintf(stderr, "\rspeech-index: skipped: %s\n", msg);
        p->failed = 1;
    }
    if (p->show && now_seconds() - p->last > 0.2) {
        ss_index_stats t = *ss_indexer_stats(p->ix);
        t.files += st->files;
        t.rebuilt += st->rebuilt;
        t.skipped += st->skipped;
        t.passages += st->passages;
        t.bytes += st->bytes;
        show_progress(p->done, p->todo, &t, p->t0);
        p->last = now_seconds();
    }
}

/* Plans the files and prunes the folders (messages for what is skipped). */
static int plan(ss_indexer *ix, const pathlist *files, const pathlist *prune)
{
    int failed = 0;
    for (size_t i = 0; i < files->n; i++) {
        ss_err err;
        ss_clearerr(&err);
        ss_code rc = ss_indexer_add_file(ix, files->v[i], &err);
        if (rc == SS_EIO || rc == SS_EUNSUPPORTED || rc == SS_ENOTFOUND || rc == SS_EINVAL) {
            fprintf(stderr, "speech-index: skipped: %s\n", err.msg);
            failed = 1;
        } else if (rc != SS_OK) {
            fprintf(stderr, "speech-index: %s\n", err.msg);
            return 2;
        }
    }
    for (size_t i = 0; prune && i < prune->n; i++) {
        ss_err err;
        if (ss_indexer_prune(ix, prune->v[i], &err) != SS_OK) {
            fprintf(stderr, "speech-index: %s\n", err.msg);
            return 2;
        }
    }
    return failed;
}

/* Builds what the plan asks for: in worker processes when there are
 * several jobs and batches, else here; then finishes (publish, merge). */
static int build(ss_indexer *ix, inproc *ip, unsigned jobs, int quiet)
{
    ss_err err;
    size_t nb = 0;
    if (ss_indexer_plan(ix, &nb, &err) != SS_OK) {
        fprintf(stderr, "speech-index: %s\n", err.msg);
        return 2;
    }
    ip->todo = ss_indexer_todo(ix);
    int r = 0;
    if (jobs > 1 && nb > 1)
        r = build_parallel(ix, nb, jobs, ip->todo, quiet);
    if (ss_indexer_finish(ix, &err) != SS_OK) {
        fprintf(stderr, "\rspeech-index: %s\n", err.msg);
        r = 2;
    }
    if (ip->show && (jobs <= 1 || nb <= 1) && ip->todo) {
        const ss_index_stats *st = ss_indexer_stats(ix);
        show_progress(ip->done, ip->todo, st, ip->t0);
        fputc('\n', stderr);
    }
    return r > ip->failed ? r : ip->failed;
}

static ss_indexer *open_index(const char *db, ss_index_opts *opts, inproc *ip)
{
    ss_indexer *ix = NULL;
    ss_err err;
    opts->done = on_done;
    opts->done_arg = ip;
    if (ss_indexer_open(db, opts, &ix, &err) != SS_OK) {
        fprintf(stderr, "speech-index: %s\n", err.msg);
        return NULL;
    }
    ip->ix = ix;
    return ix;
}

/* Indexes files into the index db. */
static int index_files(const char *db, ss_index_opts *opts, const pathlist *files,
                       const pathlist *prune, unsigned jobs, int quiet, ss_index_stats *st)
{
    inproc ip = { NULL, !quiet && isatty(2), 0, 0, 0, now_seconds(), 0 };
    ss_indexer *ix = open_index(db, opts, &ip);
    if (!ix)
        return 2;
    int r = plan(ix, files, prune);
    if (r < 2) {
        int b = build(ix, &ip, jobs, quiet);
        r = b > r ? b : r;
    }
    *st = *ss_indexer_stats(ix);
    ss_err err;
    if (ss_indexer_close(ix, &err) != SS_OK) {
        fprintf(stderr, "speech-index: %s\n", err.msg);
        r = 2;
    }
    return r;
}

static void free_list(pathlist *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->v[i]);
    free(l->v);
    memset(l, 0, sizeof *l);
}

/* 1 (said on stderr) when the index db does not exist. */
static int missing(const char *db)
{
    struct stat sb;
    if (stat(db, &sb) != 0) {
        fprintf(stderr, "speech-index: %s: %s\n", db, strerror(errno));
        return 1;
    }
    return 0;
}

/* speech-index --remove PATH...: the segments holding them are rebuilt. */
static int remove_paths(const char *db, ss_index_opts *opts, char **paths, int n, unsigned jobs,
                        int quiet)
{
    if (missing(db))
        return 2;
    inproc ip = { NULL, 0, 0, 0, 0, now_seconds(), 0 };
    ss_indexer *ix = open_index(db, opts, &ip);
    if (!ix)
        return 2;
    size_t total = 0;
    int r = 0;
    for (int i = 0; r == 0 && i < n; i++) {
        size_t got = 0;
        ss_err err;
        if (ss_indexer_remove(ix, paths[i], &got, &err) != SS_OK) {
            fprintf(stderr, "speech-index: %s\n", err.msg);
            r = 2;
        }
        total += got;
    }
    if (r == 0)
        r = build(ix, &ip, jobs, 1);
    ss_err err;
    if (ss_indexer_close(ix, &err) != SS_OK && r < 2) {
        fprintf(stderr, "speech-index: %s\n", err.msg);
        r = 2;
    }
    if (r < 2 && !quiet)
        printf("removed %zu files from %s\n", total, db);
    if (r < 2 && total == 0) {
        fprintf(stderr, "speech-index: no file of the index is at %s%s\n", paths[0],
                n > 1 ? " (or the other paths)" : "");
        r = 1;
    }
    return r;
}

/* A path shown the way the user named it: relative to the current folder
 * when it lies under it. */
static const char *shown(const char *path, const char *cwd)
{
    size_t n = strlen(cwd);
    if (n > 1 && strncmp(path, cwd, n) == 0 && path[n] == '/')
        return path + n + 1;
    return path;
}

static int list_cb(void *ctx, const ss_file_info *f)
{
    const char *cwd = ctx;
    printf("%u\t%u\t%s\n", f->passages, f->speeches, shown(f->path, cwd));
    return ferror(stdout) != 0;
}

/* Counts for --stats. */
typedef struct {
    char *key;
    size_t speeches, passages;
} tally_row;

typedef struct {
    tally_row *v;
    size_t n, cap;
} tally;

static int tally_add(tally *t, const char *key, size_t len, size_t passages)
{
    for (size_t i = 0; i < t->n; i++) /* a few hundred regions and years at most */
        if (strlen(t->v[i].key) == len && memcmp(t->v[i].key, key, len) == 0) {
            t->v[i].speeches++;
            t->v[i].passages += passages;
            return 0;
        }
    if (SS_GROW(t->v, t->n + 1, t->cap, 32))
        return -1;
    if (!(t->v[t->n].key = strndup(key, len)))
        return -1;
    t->v[t->n].speeches = 1;
    t->v[t->n++].passages = passages;
    return 0;
}

static int by_speeches(const void *a, const void *b)
{
    const tally_row *x = a, *y = b;
    if (x->speeches != y->speeches)
        return x->speeches > y->speeches ? -1 : 1;
    return strcmp(x->key, y->key);
}

typedef struct {
    size_t files, speeches, passages;
    uint64_t bytes;
    double newest;
    tally region, year;
    int oom;
} stats_acc;

static int stats_cb(void *ctx, const ss_file_info *f)
{
    stats_acc *a = ctx;
    a->files++;
    a->bytes += f->size;
    a->speeches += f->speeches;
    a->passages += f->passages;
    if (f->mtime > a->newest)
        a->newest = f->mtime;
    for (const char *l = f->speech_info; *l;) {
        const char *nl = strchr(l, '\n');
        size_t n = nl ? (size_t)(nl - l) : strlen(l);
        const char *t1 = memchr(l, '\t', n);
        const char *t2 = t1 ? memchr(t1 + 1, '\t', n - (size_t)(t1 + 1 - l)) : NULL;
        if (t1 && t2) {
            size_t pass = strtoul(t2 + 1, NULL, 10);
            if (tally_add(&a->region, t1 == l ? "(none)" : l, t1 == l ? 6 : (size_t)(t1 - l),
                          pass) ||
                tally_add(&a->year, t2 == t1 + 1 ? "(none)" : t1 + 1,
                          t2 == t1 + 1 ? 6 : (size_t)(t2 - t1 - 1), pass)) {
                a->oom = 1;
                return 1;
            }
        }
        l += n + (nl != NULL);
    }
    return 0;
}

/* Bytes of the files under dir (the index's size on disk). */
static uint64_t tree_bytes(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    uint64_t n = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        char path[4400];
        struct stat sb;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        if (lstat(path, &sb) != 0)
            continue;
        n += S_ISDIR(sb.st_mode) ? tree_bytes(path) : (uint64_t)sb.st_size;
    }
    closedir(d);
    return n;
}

static void print_tally(const char *name, tally *t)
{
    if (t->n > 1)
        qsort(t->v, t->n, sizeof *t->v, by_speeches);
    printf("by %s (speeches, passages):\n", name);
    for (size_t i = 0; i < t->n; i++) {
        printf("  %-12s %7zu %9zu\n", t->v[i].key, t->v[i].speeches, t->v[i].passages);
        free(t->v[i].key);
    }
    free(t->v);
}

static void when(double t, char *buf, size_t n)
{
    time_t s = (time_t)t;
    struct tm tm;
    if (t <= 0 || !localtime_r(&s, &tm) || !strftime(buf, n, "%Y-%m-%d %H:%M:%S", &tm))
        snprintf(buf, n, "unknown");
}

/* speech-index --list / --stats. */
static int describe(const char *db, int stats)
{
    char cwd[4096];
    if (!getcwd(cwd, sizeof cwd))
        cwd[0] = '\0';
    if (missing(db))
        return 2;
    stats_acc a = { 0 };
    ss_index_totals tot = { 0, 0, 0 };
    ss_err err;
    int r = 0;
    ss_code rc = stats ? ss_index_each_file(db, stats_cb, &a, &err)
                       : ss_index_each_file(db, list_cb, cwd, &err);
    if (rc == SS_OK && stats)
        rc = ss_index_summary(db, &tot, &err);
    if (rc != SS_OK) {
        fprintf(stderr, "speech-index: %s\n", err.msg);
        r = 2;
    }
    if (r == 0 && a.oom) {
        fprintf(stderr, "speech-index: out of memory\n");
        r = 2;
    }
    if (r == 0 && stats) {
        char tu[64];
        when(tot.updated, tu, sizeof tu);
        printf("index:     %s\n", db);
        printf("files:     %zu (%.2f MB)\n", a.files, a.bytes / 1e6);
        printf("passages:  %llu\n", (unsigned long long)tot.passages);
        printf("speeches:  %zu\n", a.speeches);
        printf("segments:  %zu\n", tot.segments);
        printf("size:      %.2f MB on disk\n", tree_bytes(db) / 1e6);
        printf("updated:   %s\n", tu);
        print_tally("region", &a.region);
        print_tally("year", &a.year);
    } else {
        for (size_t i = 0; i < a.region.n; i++)
            free(a.region.v[i].key);
        for (size_t i = 0; i < a.year.n; i++)
            free(a.year.v[i].key);
        free(a.region.v);
        free(a.year.v);
    }
    if (r == 0 && (fflush(stdout) != 0 || ferror(stdout))) {
        fprintf(stderr, "speech-index: cannot write output\n");
        r = 2;
    }
    return r;
}

static void summary(const ss_index_stats *st, size_t ignored, int pruned, double secs)
{
    double mb = st->bytes / 1e6;
    printf("indexed %zu files (%zu unchanged, %zu skipped, %zu with %zu warnings), "
           "%zu passages, %.2f MB in %.2f s (%.2f MB/s); %.1f%% of the text removed by cleaning\n",
           st->files, st->unchanged, st->skipped, st->warned, st->warnings, st->passages, mb,
           secs, secs > 0 ? mb / secs : 0.0,
           st->text_bytes ? 100.0 * st->cleaned_bytes / st->text_bytes : 0.0);
    if (st->rebuilt)
        printf("read %zu unchanged files again to rebuild the segments that held changed or "
               "removed ones\n", st->rebuilt);
    if (st->removed)
        printf("removed the passages of %zu files gone or unreadable%s\n", st->removed,
               pruned ? " (folders pruned; --no-prune keeps them)" : "");
    if (ignored)
        printf("%zu other files in the folders were not read (not *.txt, *.text, *.htm, "
               "*.html or their .gz); name them on the command line to index them\n",
               ignored);
}

/* A wrong option, or one without its value: one line naming it. */
static int bad_option(int c, const char *arg)
{
    if (c == ':')
        fprintf(stderr, "speech-index: option '%s' needs a value", arg);
    else if (optopt && optopt != '?')
        fprintf(stderr, "speech-index: unknown option '-%c'", optopt);
    else
        fprintf(stderr, "speech-index: unknown option '%s'", arg);
    fputs(" (see speech-index --help)\n", stderr);
    return 2;
}

int main(int argc, char **argv)
{
    enum { O_PRUNE = 256, O_REMOVE, O_LIST, O_STATS, O_COMMIT, O_MAXFILE, O_SEGMB, O_TERMLISTS };
    static const struct option longopts[] = {
        { "db", required_argument, NULL, 'd' },  { "encoding", required_argument, NULL, 'E' },
        { "passage-chars", required_argument, NULL, 'P' },
        { "force", no_argument, NULL, 'F' },     { "quiet", no_argument, NULL, 'q' },
        { "shards", required_argument, NULL, 'S' }, { "merge", no_argument, NULL, 'M' },
        { "jobs", required_argument, NULL, 'j' },
        { "segment-mb", required_argument, NULL, O_SEGMB },
        { "termlists", no_argument, NULL, O_TERMLISTS },
        { "no-prune", no_argument, NULL, O_PRUNE }, { "remove", no_argument, NULL, O_REMOVE },
        { "commit-every", required_argument, NULL, O_COMMIT },
        { "max-file-mb", required_argument, NULL, O_MAXFILE },
        { "list", no_argument, NULL, O_LIST },   { "stats", no_argument, NULL, O_STATS },
        { "data", required_argument, NULL, 'A' }, { "version", no_argument, NULL, 'V' },
        { "help", no_argument, NULL, 'h' },      { NULL, 0, NULL, 0 },
    };
    const char *db = getenv("SPEECH_INDEX");
    ss_index_opts opts = { 0 };
    int quiet = 0, merge = 0, prune = 1, mode = 0, c;
    long jobs = 0;
    opterr = 0; /* our own one-line messages (bad_option) */
    while ((c = getopt_long(argc, argv, ":d:j:qhV", longopts, NULL)) != -1) {
        switch (c) {
        case 'd': db = optarg; break;
        case 'E': opts.encoding = optarg; break;
        case 'P': opts.passage_chars = (size_t)strtoul(optarg, NULL, 10); break;
        case 'F': opts.force = 1; break;
        case 'q': quiet = 1; break;
        case 'S': case 'j': {
            char *end;
            jobs = strtol(optarg, &end, 10);
            if (*optarg == '\0' || *end != '\0' || jobs < 1 || jobs > 64) {
                fprintf(stderr, "speech-index: %s takes 1 to 64\n",
                        c == 'j' ? "--jobs" : "--shards");
                return 2;
            }
            break;
        }
        case O_SEGMB: {
            char *end;
            double v = strtod(optarg, &end);
            if (*optarg == '\0' || *end != '\0' || !(v > 0 && v <= 100000)) {
                fprintf(stderr, "speech-index: --segment-mb takes a number above 0\n");
                return 2;
            }
            opts.segment_mb = v;
            break;
        }
        case 'M': merge = 1; break;
        case O_TERMLISTS: opts.termlists = 1; break;
        case O_PRUNE: prune = 0; break;
        case O_MAXFILE: {
            char *end;
            long v = strtol(optarg, &end, 10);
            if (*optarg == '\0' || *end != '\0' || v < 1 || v > 4000) {
                fprintf(stderr, "speech-index: --max-file-mb takes 1 to 4000\n");
                return 2;
            }
            opts.max_file_bytes = (size_t)v << 20;
            break;
        }
        case O_COMMIT: {
            char *end;
            long v = strtol(optarg, &end, 10);
            if (*optarg == '\0' || *end != '\0' || v < 1 || v > SS_MAX_FLUSH_DOCS) {
                fprintf(stderr, "speech-index: --commit-every takes 1 to %d\n",
                        SS_MAX_FLUSH_DOCS);
                return 2;
            }
            opts.flush_docs = (size_t)v;
            break;
        }
        case O_REMOVE: case O_LIST: case O_STATS:
            if (mode && mode != c) {
                fprintf(stderr, "speech-index: --remove, --list and --stats go alone\n");
                return 2;
            }
            mode = c;
            break;
        case 'A': ss_datadir_set(optarg); break;
        case 'V': printf("speech-index %s\n", SS_VERSION); return 0;
        case 'h': usage(stdout); return 0;
        default: return bad_option(c, argv[optind - 1]);
        }
    }
    if (!db || !*db)
        db = DEFAULT_INDEX;
    if (!jobs)
        jobs = cores();
    if (mode == O_LIST || mode == O_STATS) {
        if (optind < argc) {
            fprintf(stderr, "speech-index: --list and --stats take no PATH\n");
            return 2;
        }
        return describe(db, mode == O_STATS);
    }
    if (optind >= argc) {
        fprintf(stderr, "speech-index: no PATH given\n");
        usage(stderr);
        return 2;
    }
    if (mode == O_REMOVE)
        return remove_paths(db, &opts, argv + optind, argc - optind, (unsigned)jobs, quiet);
    walker w = { { 0 }, { 0 }, 0, 0 };
    pathlist folders = { 0 };
    int rc = 0;
    for (int i = optind; i < argc; i++) {
        struct stat sb;
        int oom = 0;
        if (stat(argv[i], &sb) != 0) {
            fprintf(stderr, "speech-index: skipped: %s: %s\n", argv[i], strerror(errno));
            rc = 1;
        } else if (S_ISDIR(sb.st_mode)) {
            int seen = dir_seen(&w.dirs, &sb);
            oom = seen < 0 || (!seen && (walk(argv[i], &w) < 0 || push_path(&folders, argv[i])));
        } else {
            oom = push_path(&w.files, argv[i]);
        }
        if (oom) {
            fprintf(stderr, "speech-index: out of memory\n");
            return 2;
        }
    }
    rc |= w.failed;
    opts.warn = on_warn;
    opts.merge = merge;
    opts.jobs = (unsigned)jobs;
    double t0 = now_seconds();
    ss_index_stats st = { 0 };
    const pathlist *pr = prune ? &folders : NULL;
    int r = index_files(db, &opts, &w.files, pr, (unsigned)jobs, quiet, &st);
    if (!quiet && r < 2)
        summary(&st, w.ignored, pr && pr->n > 0, now_seconds() - t0);
    free_list(&w.files);
    free_list(&folders);
    free(w.dirs.v);
    return r ? r : rc;
}
