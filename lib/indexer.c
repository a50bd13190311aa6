/* indexer.c: opening an index and planning what changed (see indexer.h):
 * its records read, each file given, removed or pruned weighed against
 * them, the files to read cut into batches (building and publishing them
 * in indexer_build.c). */
#include "indexer.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "base.h"
#include "indexer_impl.h"
#include "reader.h"
#include "terms.h"

/* Segments are cut at about this much input, so that a change to one file
 * re-reads at most this much, and no more than DEFAULT_MAX_SEGMENTS are
 * kept: an index larger than their product gets larger segments.  Each
 * segment costs query time on the slow queries (an OR of hundreds of
 * terms opens each term's posting list in each segment): on the real
 * corpus (160 MB) the warm p95 of the query mix was 16-18 ms with 1
 * segment, 21-26 with 2, 65 with 4, 95 with 5, 145-154 with 8; the
 * median 4-7 ms whatever the number. */
#define DEFAULT_SEGMENT_MB 32.0
#define DEFAULT_MAX_SEGMENTS 4
/* Batches of new files are not cut finer than this for parallel workers. */
#define MIN_BATCH_BYTES (1u << 20)

static size_t *map_find(const strmap *m, const char *s)
{
    size_t pos = 0;
    uint32_t at;
    while (ss_htab_next(&m->tab, ss_path_hash(s), &pos, &at))
        if (strcmp(m->e[at].key, s) == 0)
            return &m->e[at].val;
    return NULL;
}

/* Adds s (kept, not copied) -> v: 0, or -1 when out of memory. */
static int map_put(strmap *m, const char *s, size_t v)
{
    if (SS_GROW(m->e, m->n + 1, m->cap, 256) || ss_htab_reserve(&m->tab, 256))
        return -1;
    ss_htab_add(&m->tab, ss_path_hash(s), (uint32_t)m->n);
    m->e[m->n].key = s;
    m->e[m->n++].val = v;
    return 0;
}

static void map_free(strmap *m)
{
    ss_htab_free(&m->tab);
    free(m->e);
    memset(m, 0, sizeof *m);
}

void ss_ix_seg_name(unsigned no, int tmp, char *buf, size_t n)
{
    snprintf(buf, n, "%s%06u%s", SS_SEG_PREFIX, no, tmp ? ".tmp" : "");
}

void ss_ix_free(ss_indexer *ix)
{
    for (size_t i = 0; i < ix->ncat; i++) {
        free(ix->cat[i].path);
        free(ix->cat[i].value);
    }
    for (size_t i = 0; i < ix->nwk; i++) {
        free(ix->wk[i].path);
        free(ix->wk[i].canon);
    }
    for (size_t i = 0; i < ix->nseen; i++)
        free(ix->seen_keys[i]);
    free(ix->seen_keys);
    free(ix->cat);
    free(ix->wk);
    free(ix->b);
    free(ix->si);
    map_free(&ix->bypath);
    map_free(&ix->seen);
    ss_names_free(&ix->segs);
    ss_ixw_close(ix->w);
    ss_seg_unlock(ix->lockfd);
    free(ix->dir);
    free(ix);
}

/* Adds the records of segment k to the catalog. */
typedef struct {
    ss_indexer *ix;
    size_t seg;
    ss_code rc;
    ss_err *err;
} loader;

static int load_one(void *ctx, const char *key, size_t klen, const char *value, size_t vlen)
{
    loader *l = ctx;
    ss_indexer *ix = l->ix;
    ss_file_record r;
    (void)key;
    (void)klen;
    if (!vlen || ss_record_parse(value, vlen, &r) != 0)
        return 0;
    if (SS_GROW(ix->cat, ix->ncat + 1, ix->capcat, 256)) {
        l->rc = ss_seterr(l->err, SS_ENOMEM, "out of memory reading the index");
        return 1;
    }
    entry *e = &ix->cat[ix->ncat];
    memset(e, 0, sizeof *e);
    e->path = strndup(r.path, r.pathlen);
    e->value = malloc(vlen + 1);
    if (!e->path || !e->value || map_put(&ix->bypath, e->path, ix->ncat)) {
        free(e->path);
        free(e->value);
        l->rc = ss_seterr(l->err, SS_ENOMEM, "out of memory reading the index");
        return 1;
    }
    memcpy(e->value, value, vlen);
    e->value[vlen] = '\0';
    e->vlen = vlen;
    e->size = r.size;
    e->seg = l->seg;
    ix->si[l->seg].bytes += r.size;
    ix->ncat++;
    return 0;
}

static ss_code load_segment(ss_indexer *ix, size_t k, ss_err *err)
{
    char path[4400];
    snprintf(path, sizeof path, "%s/%s", ix->dir, ix->segs.v[k]);
    xc_db *db = NULL;
    char *v = NULL;
    size_t len = 0;
    loader l = { ix, k, SS_OK, err };
    ss_code rc = xc_db_open(path, &db, err);
    if (rc == SS_OK)
        rc = xc_db_get_metadata(db, SS_META_FORMAT, &v, &len, err);
    if (rc == SS_OK)
        rc = ss_index_format_check(path, v, len, err);
    free(v);
    v = NULL;
    if (rc == SS_OK) /* an index built with term lists keeps them */
        rc = xc_db_get_metadata(db, SS_META_TERMLISTS, &v, &len, err);
    if (rc == SS_OK && len)
        ix->opts.termlists = 1;
    if (rc == SS_OK)
        rc = xc_db_each_metadata(db, SS_META_FILE, load_one, &l, err);
    free(v);
    xc_db_close(db);
    return rc == SS_OK ? l.rc : rc;
}

/* Reads the index folder: its format, its segments and their records. */
static ss_code load_index(ss_indexer *ix, ss_err *err)
{
    ss_layout layout;
    ss_code rc = ss_seg_read(ix->dir, &ix->segs, &layout, err);
    if (rc == SS_OK && layout == SS_LAYOUT_OTHER) {
        rc = ss_seg_check_format(ix->dir, ix->dir, err);
        if (rc == SS_OK) /* a current format in another layout: not ours */
            rc = ss_seterr(err, SS_EFORMAT, "%s is not a segment index: rebuild it "
                           "(remove it and run speech-index)", ix->dir);
    }
    if (rc == SS_OK && layout == SS_LAYOUT_NEW && mkdir(ix->dir, 0777) != 0 && errno != EEXIST)
        rc = ss_seterr(err, SS_EIO, "%s: %s", ix->dir, strerror(errno));
    if (rc == SS_OK)
        rc = ss_seg_lock(ix->dir, &ix->lockfd, err);
    if (rc != SS_OK)
        return rc;
    ss_seg_clean(ix->dir, &ix->segs); /* what killed runs left */
    ix->next_no = ss_seg_next_number(ix->dir, &ix->segs);
    if (ix->segs.n && !(ix->si = calloc(ix->segs.n, sizeof *ix->si)))
        return ss_seterr(err, SS_ENOMEM, "out of memory opening %s", ix->dir);
    for (size_t k = 0; rc == SS_OK && k < ix->segs.n; k++)
        rc = load_segment(ix, k, err);
    return rc;
}

ss_code ss_indexer_open(const char *dbpath, const ss_index_opts *opts, ss_indexer **out,
                        ss_err *err)
{
    ss_indexer *ix = calloc(1, sizeof *ix);
    if (!ix)
        return ss_seterr(err, SS_ENOMEM, "out of memory opening indexer");
    ix->lockfd = -1;
    if (opts)
        ix->opts = *opts;
    if (ix->opts.segment_mb <= 0)
        ix->opts.segment_mb = DEFAULT_SEGMENT_MB;
    if (!ix->opts.max_segments)
        ix->opts.max_segments = DEFAULT_MAX_SEGMENTS;
    if (!ix->opts.jobs)
        ix->opts.jobs = 1;
    ss_code rc = (ix->dir = strdup(dbpath)) ? SS_OK
                 : ss_seterr(err, SS_ENOMEM, "out of memory opening indexer");
    if (rc == SS_OK)
        rc = load_index(ix, err);
    if (rc == SS_OK)
        rc = ss_ixw_open(&ix->opts, &ix->w, err);
    if (rc != SS_OK) {
        ss_ix_free(ix);
        return rc;
    }
    *out = ix;
    return SS_OK;
}

size_t ss_indexer_todo(const ss_indexer *ix)
{
    return ix->nwk;
}

const ss_index_stats *ss_indexer_stats(const ss_indexer *ix)
{
    return &ix->st;
}

char *ss_canonical_path(const char *path)
{
    char *real = realpath(path, NULL);
    if (real || errno == ENAMETOOLONG || errno == ENOMEM)
        return real;
    /* gone: its folder's real path and its name */
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    char *dir = slash ? strndup(path, slash == path ? 1 : (size_t)(slash - path)) : strdup(".");
    char *rdir = dir ? realpath(dir, NULL) : NULL;
    free(dir);
    char cwd[PATH_MAX];
    const char *pre = rdir;
    if (!rdir && path[0] != '/' && !(pre = getcwd(cwd, sizeof cwd)))
        return NULL;
    const char *rest = rdir ? base : path;
    size_t n = (pre ? strlen(pre) : 0) + strlen(rest) + 2;
    char *out = malloc(n);
    if (out)
        snprintf(out, n, "%s%s%s", pre ? pre : "", pre && strcmp(pre, "/") ? "/" : "", rest);
    free(rdir);
    if (!out)
        errno = ENOMEM;
    return out;
}

/* ---- the plan: what each file given, removed or pruned asks for ---- */

static void drop(ss_indexer *ix, entry *e)
{
    if (e->state == E_DROP)
        return;
    e->state = E_DROP;
    ix->si[e->seg].dirty = 1;
    ix->st.removed++;
}

static ss_code push_work(ss_indexer *ix, const char *path, const char *canon, uint64_t size,
                         int replaces, int survivor, ss_err *err)
{
    if (SS_GROW(ix->wk, ix->nwk + 1, ix->capwk, 256))
        return ss_seterr(err, SS_ENOMEM, "out of memory planning the index");
    work *wk = &ix->wk[ix->nwk];
    wk->path = strdup(path);
    wk->canon = strdup(canon);
    if (!wk->path || !wk->canon) {
        free(wk->path);
        free(wk->canon);
        return ss_seterr(err, SS_ENOMEM, "out of memory planning the index");
    }
    wk->size = size;
    wk->replaces = replaces;
    wk->survivor = survivor;
    ix->nwk++;
    return SS_OK;
}

/* 1 when the file at canon still has the content hash of its record. */
static int same_content(const ss_indexer *ix, const char *canon, const entry *e)
{
    ss_file_record r;
    if (ss_record_parse(e->value, e->vlen, &r) != 0)
        return 0;
    char *data = NULL;
    size_t len = 0;
    int gz = 0;
    if (ss_read_raw(canon, ix->opts.max_file_bytes ? ix->opts.max_file_bytes : SS_READ_MAX,
                    &data, &len, &gz, NULL) != SS_OK)
        return 0;
    int same = ss_fnv1a64(data, len, SS_FNV64_SEED_STORED) == r.hash;
    free(data);
    return same;
}

/* A file that will not be indexed: skipped, its old passages dropped. */
static ss_code skip_file(ss_indexer *ix, entry *e, ss_code why, ss_err *err, const char *fmt,
                         const char *path, const char *what)
{
    ix->st.skipped++;
    if (e)
        drop(ix, e);
    return ss_seterr(err, why, fmt, path, what);
}

ss_code ss_indexer_add_file(ss_indexer *ix, const char *path, ss_err *err)
{
    if (ix->planned)
        return ss_seterr(err, SS_EINVAL, "ss_indexer_add_file after ss_indexer_plan");
    char *canon = ss_canonical_path(path);
    if (!canon) {
        ix->st.skipped++;
        return ss_seterr(err, errno == ENOMEM ? SS_ENOMEM : SS_EIO, "%s: %s", path,
                         strerror(errno));
    }
    if (map_find(&ix->seen, canon)) { /* named twice: once is enough */
        free(canon);
        return SS_OK;
    }
    if (SS_GROW(ix->seen_keys, ix->nseen + 1, ix->capseen, 256) ||
        map_put(&ix->seen, canon, 1)) {
        free(canon);
        return ss_seterr(err, SS_ENOMEM, "out of memory indexing %s", path);
    }
    ix->seen_keys[ix->nseen++] = canon;
    size_t *at = map_find(&ix->bypath, canon);
    entry *e = at ? &ix->cat[*at] : NULL;
    struct stat sb;
    if (stat(canon, &sb) != 0) {
        int en = errno;
        return skip_file(ix, e, en == ENOENT ? SS_ENOTFOUND : SS_EIO, err, "%s: %s", path,
                         strerror(en));
    }
    if (!S_ISREG(sb.st_mode))
        return skip_file(ix, e, SS_EUNSUPPORTED, err, "%s: %s", path, "not a regular file");
    char stamp[64];
    ss_record_stamp(&sb, stamp, sizeof stamp);
    if (e && !ix->opts.force) {
        ss_file_record r;
        int parsed = ss_record_parse(e->value, e->vlen, &r) == 0;
        if (parsed && strcmp(r.stamp, stamp) == 0) {
            ix->st.unchanged++;
            return SS_OK;
        }
        if (parsed && same_content(ix, canon, e)) { /* touched, not changed */
            ix->st.unchanged++;
            e->state = E_TOUCHED;
            snprintf(e->stamp, sizeof e->stamp, "%s", stamp);
            ix->si[e->seg].touched = 1;
            return SS_OK;
        }
    }
    if (e) {
        e->state = E_REDO;
        ix->si[e->seg].dirty = 1;
    }
    return push_work(ix, path, canon, (uint64_t)sb.st_size, e != NULL, 0, err);
}

static int is_under(const char *p, size_t plen, const char *dir, size_t dlen, int or_same)
{
    if (plen == dlen)
        return or_same && memcmp(p, dir, dlen) == 0;
    return plen > dlen && memcmp(p, dir, dlen) == 0 &&
           (p[dlen] == '/' || (dlen == 1 && dir[0] == '/'));
}

/* Drops the files under path (or path itself, unless prune); with prune,
 * only those not given to this indexer. */
static ss_code sweep_under(ss_indexer *ix, const char *path, int prune, size_t *removed,
                           ss_err *err)
{
    if (ix->planned)
        return ss_seterr(err, SS_EINVAL, "removing files after ss_indexer_plan");
    char *canon = ss_canonical_path(path);
    if (!canon)
        return ss_seterr(err, SS_EIO, "%s: %s", path, strerror(errno));
    size_t ulen = strlen(canon), n = 0;
    while (ulen > 1 && canon[ulen - 1] == '/')
        canon[--ulen] = '\0';
    for (size_t i = 0; i < ix->ncat; i++) {
        entry *e = &ix->cat[i];
        if (e->state == E_DROP || !is_under(e->path, strlen(e->path), canon, ulen, !prune))
            continue;
        if (prune && map_find(&ix->seen, e->path))
            continue;
        if (e->state == E_REDO) /* given and changed, then removed: no new version */
            for (size_t k = 0; k < ix->nwk; k++)
                if (strcmp(ix->wk[k].canon, e->path) == 0)
                    ix->wk[k].size = UINT64_MAX; /* marks it gone from the work */
        drop(ix, e);
        n++;
    }
    free(canon);
    if (removed)
        *removed = n;
    return SS_OK;
}

ss_code ss_indexer_remove(ss_indexer *ix, const char *path, size_t *removed, ss_err *err)
{
    return sweep_under(ix, path, 0, removed, err);
}

ss_code ss_indexer_prune(ss_indexer *ix, const char *dir, ss_err *err)
{
    return sweep_under(ix, dir, 1, NULL, err);
}

/* ---- batches ---- */

/* Cuts wk[first, first + n) into batches of about cap bytes. */
static ss_code cut(ss_indexer *ix, size_t first, size_t n, int replaces, double cap, ss_err *err)
{
    if (!n)
        return SS_OK;
    uint64_t total = 0;
    for (size_t i = first; i < first + n; i++)
        total += ix->wk[i].size;
    size_t nb = (size_t)((double)total / cap);
    nb += (double)nb * cap < (double)total;
    size_t par = ix->opts.jobs;
    if (par > n)
        par = n;
    if (par > total / MIN_BATCH_BYTES)
        par = (size_t)(total / MIN_BATCH_BYTES);
    if (nb < par)
        nb = par;
    if (nb > 1 && nb % ix->opts.jobs) /* whole rounds of the workers */
        nb += ix->opts.jobs - nb % ix->opts.jobs;
    if (nb > n)
        nb = n;
    if (nb < 1) /* empty files */
        nb = 1;
    batch *b = realloc(ix->b, (ix->nb + nb) * sizeof *b);
    if (!b)
        return ss_seterr(err, SS_ENOMEM, "out of memory planning the index");
    ix->b = b;
    /* batch j ends at the file where the running total passes (j + 1) / nb of it */
    uint64_t acc = 0, cum = 0;
    size_t start = first, made = 0;
    for (size_t i = first; i < first + n; i++) {
        acc += ix->wk[i].size;
        cum += ix->wk[i].size;
        if (i + 1 == first + n ||
            (made + 1 < nb && (double)cum >= (double)total * (double)(made + 1) / (double)nb)) {
            b[ix->nb++] = (batch){ start, i + 1 - start, replaces, ix->next_no++, acc, B_TODO };
            made++;
            start = i + 1;
            acc = 0;
        }
    }
    return SS_OK;
}

ss_code ss_indexer_plan(ss_indexer *ix, size_t *batches, ss_err *err)
{
    ss_code rc = SS_OK;
    if (ix->planned) {
        if (batches)
            *batches = ix->nb;
        return SS_OK;
    }
    ix->planned = 1;
    /* the other files of the segments to rebuild are read again */
    for (size_t i = 0; rc == SS_OK && i < ix->ncat; i++) {
        entry *e = &ix->cat[i];
        if (ix->si[e->seg].dirty && (e->state == E_KEEP || e->state == E_TOUCHED)) {
            e->state = E_REDO;
            rc = push_work(ix, e->path, e->path, e->size, 1, 1, err);
        }
    }
    /* files removed after they were given */
    size_t n = 0;
    for (size_t i = 0; i < ix->nwk; i++) {
        if (ix->wk[i].size == UINT64_MAX) {
            free(ix->wk[i].path);
            free(ix->wk[i].canon);
        } else {
            ix->wk[n++] = ix->wk[i];
        }
    }
    ix->nwk = n;
    /* stable: the replacements first, then the new files */
    size_t nrep = 0;
    for (size_t i = 0; i < ix->nwk; i++)
        nrep += ix->wk[i].replaces;
    if (nrep && nrep < ix->nwk) {
        work *tmp = malloc(ix->nwk * sizeof *tmp);
        if (!tmp)
            return ss_seterr(err, SS_ENOMEM, "out of memory planning the index");
        size_t a = 0, b = nrep;
        for (size_t i = 0; i < ix->nwk; i++)
            tmp[ix->wk[i].replaces ? a++ : b++] = ix->wk[i];
        memcpy(ix->wk, tmp, ix->nwk * sizeof *tmp);
        free(tmp);
    }
    uint64_t all = 0;
    for (size_t i = 0; i < ix->ncat; i++)
        all += ix->cat[i].state == E_KEEP || ix->cat[i].state == E_TOUCHED ? ix->cat[i].size : 0;
    for (size_t i = 0; i < ix->nwk; i++)
        all += ix->wk[i].size;
    double cap = ix->opts.segment_mb * 1e6;
    if ((double)all / ix->opts.max_segments > cap)
        cap = (double)all / ix->opts.max_segments;
    if (rc == SS_OK)
        rc = cut(ix, 0, nrep, 1, cap, err);
    if (rc == SS_OK)
        rc = cut(ix, nrep, ix->nwk - nrep, 0, cap, err);
    if (batches)
        *batches = ix->nb;
    return rc;
}
