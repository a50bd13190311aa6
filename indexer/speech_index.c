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

#include "datadir.h"
#include "indexer.h"
#include "passage.h"
#include "shards.h"

#define DEFAULT_INDEX "index"
/* Xapian's writer flushes its in-memory postings every N documents
 * (XAPIAN_FLUSH_THRESHOLD, default 10000).  With one document per passage,
 * 2000 indexed 100 MB 19% faster in half the memory (its term map stays
 * small); a value in the environment still wins. */
#define FLUSH_DOCS "2000"

static void usage(FILE *f)
{
    fprintf(f,
            "usage: speech-index [-d INDEX] [options] PATH...\n"
            "Indexes speeches (files, or folders walked recursively) into a Xapian index.\n"
            "In folders it reads *.txt *.text *.htm *.html and their .gz forms; files named\n"
            "on the command line are read whatever their name.  A file indexed before is\n"
            "replaced; an unchanged file (same size and time) is skipped.\n\n"
            "  -d, --db INDEX        index directory (default: $SPEECH_INDEX or ./%s)\n"
            "      --encoding NAME   input encoding (default: detected per file)\n"
            "      --passage-chars N longest passage in characters (default %d)\n"
            "      --force           re-index unchanged files too\n"
            "      --shards N        build N shards in parallel, one process each (the index\n"
            "                        is then a folder of shards Xapian opens as one)\n"
            "      --merge           with --shards: compact the shards into one new index\n"
            "  -q, --quiet           no progress, no summary\n"
            "      --data DIR        data files (dictionary, rules, gazetteer; default: the\n"
            "                        installed ones, or $SS_DATADIR)\n"
            "  -V, --version         version\n"
            "  -h, --help            this help\n",
            DEFAULT_INDEX, SS_PASSAGE_CHARS);
}

typedef struct {
    char **v;
    size_t n, cap;
} pathlist;

static int push_path(pathlist *l, const char *p)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 64;
        char **v = realloc(l->v, cap * sizeof *v);
        if (!v)
            return -1;
        l->v = v;
        l->cap = cap;
    }
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
    for (size_t i = 0; i < sizeof exts / sizeof exts[0]; i++)
        if (has_suffix(base, exts[i]))
            return 1;
    return 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Collects the wanted files under dir, sorted, skipping hidden entries;
 * counts the other regular files in *ignored (the summary says so). */
static int walk(const char *dir, pathlist *out, size_t *ignored)
{
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(stderr, "speech-index: %s: %s\n", dir, strerror(errno));
        return -1;
    }
    pathlist names = { 0 };
    struct dirent *e;
    while ((e = readdir(d)))
        if (e->d_name[0] != '.' && push_path(&names, e->d_name)) {
            closedir(d);
            return -1;
        }
    closedir(d);
    qsort(names.v, names.n, sizeof *names.v, cmp_str);
    int rc = 0;
    for (size_t i = 0; i < names.n; i++) {
        char path[4096];
        struct stat sb;
        size_t dl = strlen(dir);
        snprintf(path, sizeof path, "%s%s%s", dir, dl && dir[dl - 1] == '/' ? "" : "/",
                 names.v[i]);
        if (stat(path, &sb) != 0)
            continue;
        if (S_ISDIR(sb.st_mode))
            rc |= walk(path, out, ignored);
        else if (S_ISREG(sb.st_mode) && !wanted(names.v[i]))
            (*ignored)++;
        else if (S_ISREG(sb.st_mode) && push_path(out, path))
            rc = -1;
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

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void progress(size_t i, size_t n, const ss_index_stats *st, double t0)
{
    double mb = st->bytes / 1e6, dt = now() - t0;
    fprintf(stderr, "\r[%zu/%zu] %zu passages, %.1f MB, %.1f MB/s   ", i, n, st->passages, mb,
            dt > 0 ? mb / dt : 0.0);
}

static int index_all(ss_indexer *ix, const pathlist *files, int quiet)
{
    int show = !quiet && isatty(2), failed = 0;
    double t0 = now(), last = 0;
    for (size_t i = 0; i < files->n; i++) {
        ss_err err;
        ss_clearerr(&err);
        ss_code rc = ss_indexer_add_file(ix, files->v[i], &err);
        if (rc == SS_EIO || rc == SS_EUNSUPPORTED || rc == SS_ENOTFOUND || rc == SS_EINVAL) {
            fprintf(stderr, "\rspeech-index: skipped: %s\n", err.msg);
            failed = 1;
        } else if (rc != SS_OK) {
            fprintf(stderr, "\rspeech-index: %s\n", err.msg);
            return 2;
        }
        if (show && (now() - last > 0.2 || i + 1 == files->n)) {
            progress(i + 1, files->n, ss_indexer_stats(ix), t0);
            last = now();
        }
    }
    if (show)
        fputc('\n', stderr);
    return failed;
}

/* Indexes files into the single database db. */
static int index_one(const char *db, const ss_index_opts *opts, const pathlist *files, int quiet,
                     ss_index_stats *st)
{
    ss_indexer *ix;
    ss_err err;
    if (ss_indexer_open(db, opts, &ix, &err) != SS_OK) {
        fprintf(stderr, "speech-index: %s\n", err.msg);
        return 2;
    }
    int r = index_all(ix, files, quiet);
    *st = *ss_indexer_stats(ix);
    if (ss_indexer_close(ix, &err) != SS_OK) {
        fprintf(stderr, "speech-index: %s\n", err.msg);
        r = 2;
    }
    return r;
}

static void summary(const ss_index_stats *st, size_t ignored, double secs)
{
    double mb = st->bytes / 1e6;
    printf("indexed %zu files (%zu unchanged, %zu skipped, %zu with %zu warnings), "
           "%zu passages, %.2f MB in %.2f s (%.2f MB/s); %.1f%% of the text removed by cleaning\n",
           st->files, st->unchanged, st->skipped, st->warned, st->warnings, st->passages, mb,
           secs, secs > 0 ? mb / secs : 0.0,
           st->text_bytes ? 100.0 * st->cleaned_bytes / st->text_bytes : 0.0);
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
    static const struct option longopts[] = {
        { "db", required_argument, NULL, 'd' },  { "encoding", required_argument, NULL, 'E' },
        { "passage-chars", required_argument, NULL, 'P' },
        { "force", no_argument, NULL, 'F' },     { "quiet", no_argument, NULL, 'q' },
        { "shards", required_argument, NULL, 'S' }, { "merge", no_argument, NULL, 'M' },
        { "data", required_argument, NULL, 'A' }, { "version", no_argument, NULL, 'V' },
        { "help", no_argument, NULL, 'h' },      { NULL, 0, NULL, 0 },
    };
    const char *db = getenv("SPEECH_INDEX");
    ss_index_opts opts = { 0 };
    setenv("XAPIAN_FLUSH_THRESHOLD", FLUSH_DOCS, 0);
    int quiet = 0, merge = 0, c;
    long shards = 0;
    opterr = 0; /* our own one-line messages (bad_option) */
    while ((c = getopt_long(argc, argv, ":d:qhV", longopts, NULL)) != -1) {
        switch (c) {
        case 'd': db = optarg; break;
        case 'E': opts.encoding = optarg; break;
        case 'P': opts.passage_chars = (size_t)strtoul(optarg, NULL, 10); break;
        case 'F': opts.force = 1; break;
        case 'q': quiet = 1; break;
        case 'S':
            shards = strtol(optarg, NULL, 10);
            if (shards < 1 || shards > 64) {
                fprintf(stderr, "speech-index: --shards takes 1 to 64\n");
                return 2;
            }
            break;
        case 'M': merge = 1; break;
        case 'A': ss_datadir_set(optarg); break;
        case 'V': printf("speech-index %s\n", SS_VERSION); return 0;
        case 'h': usage(stdout); return 0;
        default: return bad_option(c, argv[optind - 1]);
        }
    }
    if (optind >= argc) {
        fprintf(stderr, "speech-index: no PATH given\n");
        usage(stderr);
        return 2;
    }
    if (!db || !*db)
        db = DEFAULT_INDEX;
    pathlist files = { 0 };
    size_t ignored = 0;
    int rc = 0;
    for (int i = optind; i < argc; i++) {
        struct stat sb;
        if (stat(argv[i], &sb) != 0) {
            fprintf(stderr, "speech-index: %s: %s\n", argv[i], strerror(errno));
            rc = 1;
        } else if (S_ISDIR(sb.st_mode)) {
            rc |= walk(argv[i], &files, &ignored) ? 1 : 0;
        } else if (push_path(&files, argv[i])) {
            fprintf(stderr, "speech-index: out of memory\n");
            return 2;
        }
    }
    opts.warn = on_warn;
    if (merge && shards < 2) {
        fprintf(stderr, "speech-index: --merge needs --shards N (N >= 2)\n");
        return 2;
    }
    if (!shards)
        shards = shard_count(db); /* an existing sharded index keeps its shards */
    double t0 = now();
    ss_index_stats st = { 0 };
    int r = shards > 1 ? index_sharded(&(shard_job){ db, (unsigned)shards, merge, quiet, opts },
                                       files.v, files.n, &st)
                       : index_one(db, &opts, &files, quiet, &st);
    if (!quiet && r < 2)
        summary(&st, ignored, now() - t0);
    for (size_t i = 0; i < files.n; i++)
        free(files.v[i]);
    free(files.v);
    return r ? r : rc;
}
