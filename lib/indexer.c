/* indexer.c: files to passages to Xapian documents (see indexer.h). */
#include "indexer.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "analyze.h"
#include "clean.h"
#include "datadir.h"
#include "filter_index.h"
#include "gazetteer.h"
#include "lines.h"
#include "passage.h"
#include "passage_year.h"
#include "reader.h"
#include "record.h"
#include "record_write.h"
#include "speech.h"
#include "terms.h"
#include "text.h"
#include "xapian_c.h"

#define DEFAULT_BATCH (32u << 20)
/* Xapian's own automatic flush (every 10000 changes) is off inside a
 * transaction; committing every 2000 passages keeps the writer's memory as
 * small as XAPIAN_FLUSH_THRESHOLD=2000 did (half that of 10000, 19% faster
 * on 100 MB). */
#define DEFAULT_FLUSH_DOCS 2000
#define META_FILE "file:"
#define META_UPDATED "speech-search:updated"
/* Longest metadata key stored as is (Xapian's limit is about 245 bytes);
 * longer ones are named by a hash of the path. */
#define MAX_KEY 200

#define MAX_PASSAGE_PLACES 64

/* A set of strings (the canonical paths given to an indexer). */
typedef struct {
    char **v;
    size_t n, cap; /* cap a power of two, or 0 */
} strset;

static unsigned long long str_hash(const char *s)
{
    return ss_path_hash(s);
}

/* 1 when s is in the set. */
static int set_has(const strset *set, const char *s)
{
    if (!set->cap)
        return 0;
    for (size_t i = str_hash(s) & (set->cap - 1);; i = (i + 1) & (set->cap - 1)) {
        if (!set->v[i])
            return 0;
        if (strcmp(set->v[i], s) == 0)
            return 1;
    }
}

/* Adds s (the set takes it; the caller must not free it): 0, or -1 when
 * out of memory (s is then freed). */
static int set_put(strset *set, char *s)
{
    if (2 * (set->n + 1) > set->cap) {
        size_t cap = set->cap ? set->cap * 2 : 256;
        char **v = calloc(cap, sizeof *v);
        if (!v) {
            free(s);
            return -1;
        }
        for (size_t k = 0; k < set->cap; k++)
            if (set->v[k]) {
                size_t i = str_hash(set->v[k]) & (cap - 1);
                while (v[i])
                    i = (i + 1) & (cap - 1);
                v[i] = set->v[k];
            }
        free(set->v);
        set->v = v;
        set->cap = cap;
    }
    size_t i = str_hash(s) & (set->cap - 1);
    while (set->v[i])
        i = (i + 1) & (set->cap - 1);
    set->v[i] = s;
    set->n++;
    return 0;
}

static void set_free(strset *set)
{
    for (size_t i = 0; i < set->cap; i++)
        free(set->v[i]);
    free(set->v);
    memset(set, 0, sizeof *set);
}

struct ss_indexer {
    xc_writable *db;
    int in_txn;             /* a transaction is open */
    size_t pending_docs;    /* passages added since the last commit */
    strset seen;            /* canonical paths given to this indexer */
    size_t cur_speeches;    /* speeches of the file being indexed */
    strbuf cur_info;        /* its speech lines (ss_file_info.speech_info) */
    ss_analyzer *an;
    ss_actx *actx;
    ss_cleaner *cleaner;
    ss_gazetteer *gaz;
    ss_index_opts opts;
    ss_index_stats st;
    uint64_t pending_bytes;
    const char *cur_file;   /* file being indexed, for warnings */
    size_t cur_warnings;
    ss_lines *lines;        /* line numbers of the file being indexed */
};

/* Frees what an indexer holds but its database (closed by the caller). */
static void free_indexer(ss_indexer *ix)
{
    set_free(&ix->seen);
    sb_free(&ix->cur_info);
    ss_gaz_close(ix->gaz);
    ss_cleaner_close(ix->cleaner);
    ss_actx_free(ix->actx);
    ss_analyzer_close(ix->an);
    ss_lines_free(ix->lines);
    free(ix);
}

/* 1 when dir holds a glass database whose creation was cut short before
 * its first commit (table files, maybe a *.tmp, no "iamglass"): nothing in
 * it was ever committed.  Its files are then removed so it can be created afresh. */
static int clear_unborn_glass(const char *dir)
{
    char path[4400];
    struct stat sb;
    snprintf(path, sizeof path, "%s/iamglass", dir);
    if (stat(path, &sb) == 0 || errno != ENOENT)
        return 0;
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    struct dirent *e;
    int tables = 0, other = 0;
    while ((e = readdir(d))) {
        size_t n = strlen(e->d_name);
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        if (n > 6 && !strcmp(e->d_name + n - 6, ".glass"))
            tables++;
        else if (n > 4 && !strcmp(e->d_name + n - 4, ".tmp"))
            continue; /* the revision file being written */
        else if (strcmp(e->d_name, "flintlock") != 0)
            other++;
    }
    if (!tables || other) {
        closedir(d);
        return 0;
    }
    rewinddir(d);
    while ((e = readdir(d)))
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) {
            snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
            unlink(path);
        }
    closedir(d);
    return 1;
}

/* A new (empty) index gets this program's format; one that has documents
 * or a format must have it. */
static ss_code check_format(xc_writable *db, const char *dbpath, ss_err *err)
{
    char *v = NULL;
    size_t len = 0;
    uint32_t docs = 0;
    ss_code rc = xc_writable_get_metadata(db, SS_META_FORMAT, &v, &len, err);
    if (rc == SS_OK && len == 0)
        rc = xc_writable_doccount(db, &docs, err);
    if (rc == SS_OK && len == 0 && docs == 0)
        rc = xc_writable_set_metadata(db, SS_META_FORMAT, SS_INDEX_FORMAT,
                                      strlen(SS_INDEX_FORMAT), err);
    else if (rc == SS_OK)
        rc = ss_index_format_check(dbpath, v, len, err);
    free(v);
    return rc;
}

ss_code ss_indexer_open(const char *dbpath, const ss_index_opts *opts, ss_indexer **out,
                        ss_err *err)
{
    ss_indexer *ix = calloc(1, sizeof *ix);
    if (!ix)
        return ss_seterr(err, SS_ENOMEM, "out of memory opening indexer");
    if (opts)
        ix->opts = *opts;
    if (!ix->opts.passage_chars)
        ix->opts.passage_chars = SS_PASSAGE_CHARS;
    if (!ix->opts.batch_bytes)
        ix->opts.batch_bytes = DEFAULT_BATCH;
    if (!ix->opts.flush_docs)
        ix->opts.flush_docs = DEFAULT_FLUSH_DOCS;
    const char *dir = ix->opts.datadir ? ix->opts.datadir : ss_datadir();
    char path[4096];
    ss_code rc = ss_analyzer_open(dir, &ix->an, err);
    if (rc == SS_OK && !(ix->actx = ss_actx_new(ix->an)))
        rc = ss_seterr(err, SS_ENOMEM, "out of memory opening analyzer");
    snprintf(path, sizeof path, "%s/clean.rules", dir);
    if (rc == SS_OK)
        rc = ss_cleaner_open(path, &ix->cleaner, err);
    snprintf(path, sizeof path, "%s/gazetteer.tsv", dir);
    if (rc == SS_OK)
        rc = ss_gaz_open(path, &ix->gaz, err);
    if (rc == SS_OK)
        rc = xc_writable_open(dbpath, XC_CREATE_OR_OPEN, &ix->db, err);
    if (rc == SS_ENOTFOUND && clear_unborn_glass(dbpath))
        rc = xc_writable_open(dbpath, XC_CREATE_OR_OPEN, &ix->db, err);
    if (rc == SS_OK)
        rc = check_format(ix->db, dbpath, err);
    if (rc == SS_OK && (rc = xc_writable_begin(ix->db, err)) == SS_OK)
        ix->in_txn = 1;
    if (rc != SS_OK) {
        xc_writable_close(ix->db, NULL); /* NULL-safe; opened or not */
        free_indexer(ix);
        return rc;
    }
    *out = ix;
    return SS_OK;
}

const ss_index_stats *ss_indexer_stats(const ss_indexer *ix)
{
    return &ix->st;
}

static void on_warn(void *arg, size_t offset, const char *msg)
{
    ss_indexer *ix = arg;
    ix->cur_warnings++;
    ix->st.warnings++;
    if (ix->opts.warn)
        ix->opts.warn(ix->opts.warn_arg, ix->cur_file, offset, msg);
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

/* The record key of a canonical path (buf has MAX_KEY + 32 bytes). */
static void record_key(const char *path, char *buf, size_t n)
{
    if (strlen(path) + strlen(META_FILE) <= MAX_KEY)
        snprintf(buf, n, "%s%s", META_FILE, path);
    else
        snprintf(buf, n, "%s#%016llx", META_FILE, ss_path_hash(path));
}

/* A file record: "SIZE MTIME HASH PASSAGES SPEECHES PATH\n" then one line
 * per speech, "region\tyear\tpassages".  Older indexes have "SIZE MTIME". */
typedef struct {
    char stamp[64];           /* "SIZE MTIME" */
    unsigned long long hash;
    uint32_t passages, speeches;
    const char *path;         /* into the value, up to the newline */
    size_t pathlen;
    const char *speech_info;  /* into the value */
    int legacy;
} file_record;

static int parse_record(const char *v, size_t len, file_record *r)
{
    memset(r, 0, sizeof *r);
    const char *nl = memchr(v, '\n', len);
    size_t head = nl ? (size_t)(nl - v) : len;
    unsigned long long size = 0;
    long long sec = 0;
    long nsec = 0;
    unsigned passages = 0, speeches = 0;
    int used = 0;
    char line[128];
    snprintf(line, sizeof line, "%.*s", (int)(head < 127 ? head : 127), v);
    if (sscanf(line, "%llu %lld.%ld %llx %u %u %n", &size, &sec, &nsec, &r->hash, &passages,
               &speeches, &used) >= 6 && used > 0) {
        r->path = v + used;
        r->pathlen = head - (size_t)used;
        r->passages = passages;
        r->speeches = speeches;
        r->speech_info = nl ? nl + 1 : v + len;
    } else if (sscanf(line, "%llu %lld.%ld", &size, &sec, &nsec) == 3) {
        r->legacy = 1;
        r->speech_info = "";
    } else {
        return -1;
    }
    snprintf(r->stamp, sizeof r->stamp, "%llu %lld.%09ld", size, sec, nsec);
    return 0;
}

static void stamp_of(const struct stat *sb, char *buf, size_t n)
{
    snprintf(buf, n, "%lld %lld.%09ld", (long long)sb->st_size, (long long)sb->st_mtim.tv_sec,
             sb->st_mtim.tv_nsec);
}

/* The record stored under key (malloc'd, NULL when none or empty). */
static char *get_record(ss_indexer *ix, const char *key, size_t *len, ss_err *err, ss_code *rc)
{
    char *v = NULL;
    *len = 0;
    *rc = xc_writable_get_metadata(ix->db, key, &v, len, err);
    if (*rc != SS_OK || !*len) {
        free(v);
        return NULL;
    }
    return v;
}

typedef struct {
    uint32_t ids[MAX_PASSAGE_PLACES];
    size_t n;
} places;

static int on_place(void *arg, uint32_t id, size_t start, size_t end)
{
    places *p = arg;
    (void)start;
    (void)end;
    for (size_t i = 0; i < p->n; i++)
        if (p->ids[i] == id)
            return 0;
    p->ids[p->n++] = id;
    return p->n == MAX_PASSAGE_PLACES;
}

/* "市委书记 楼阳生", "市委书记", "楼阳生" or NULL (malloc'd). */
static char *speaker_of(const ss_speech *sp)
{
    if (!sp->role && !sp->speaker)
        return NULL;
    size_t n = (sp->role ? strlen(sp->role) : 0) + (sp->speaker ? strlen(sp->speaker) : 0) + 2;
    char *s = malloc(n);
    if (s)
        snprintf(s, n, "%s%s%s", sp->role ? sp->role : "", sp->role && sp->speaker ? " " : "",
                 sp->speaker ? sp->speaker : "");
    return s;
}

/* The strings a passage's record owns. */
typedef struct {
    char *text, *heading, *speaker, *simplified;
} passage_strings;

static void strings_free(passage_strings *ps)
{
    free(ps->text);
    free(ps->heading);
    free(ps->speaker);
    free(ps->simplified);
}

static ss_code make_strings(ss_indexer *ix, const ss_text *t, const ss_speech *sp,
                            const ss_passages *ps, size_t i, passage_strings *out, ss_err *err)
{
    const ss_passage *p = &ps->v[i];
    int h = p->head_end > p->head_start;
    out->text = strndup(t->text + p->start, p->end - p->start);
    out->heading = h ? strndup(t->text + p->head_start, p->head_end - p->head_start) : NULL;
    out->speaker = speaker_of(sp);
    out->simplified = NULL;
    if (!out->text || (h && !out->heading) || ((sp->role || sp->speaker) && !out->speaker))
        return ss_seterr(err, SS_ENOMEM, "out of memory indexing a passage");
    return ss_t2s_string(ix->actx, out->text, strlen(out->text), &out->simplified, err);
}

/* Terms of a passage: its text's, its places' and its speech's. */
static ss_code passage_terms(ss_indexer *ix, xc_doc *doc, const char *path,
                             const passage_strings *ps, const strbuf *speech_terms, ss_err *err)
{
    /* the simplified form, when there is one, needs no OpenCC again */
    const char *text = ps->simplified ? ps->simplified : ps->text;
    ss_analysis an;
    ss_actx_set_t2s(ix->actx, ps->simplified == NULL);
    ss_code rc = ss_analyze(ix->actx, text, strlen(text), &an, err);
    ss_actx_set_t2s(ix->actx, 1);
    if (rc == SS_OK)
        rc = ss_index_analysis(&an, doc, err);
    if (rc == SS_OK) /* the years it and its heading speak of (passage_year.h) */
        rc = ss_passage_years_index(ix->actx, &an, ps->heading, speech_terms, doc, err);
    places pl = { .n = 0 };
    if (rc == SS_OK)
        rc = ss_gaz_scan(ix->gaz, text, strlen(text), on_place, &pl, err);
    if (rc == SS_OK)
        rc = ss_filter_index(doc, speech_terms, pl.ids, pl.n, ix->gaz, err);
    char fterm[SS_MAX_TERM + 1];
    ss_file_term(path, fterm);
    if (rc == SS_OK)
        rc = xc_doc_add_boolean(doc, fterm, strlen(fterm), err);
    return rc;
}

static ss_code add_passage(ss_indexer *ix, const char *path, const ss_text *t,
                           const ss_speech *sp, const strbuf *speech_terms, size_t sp_no,
                           const ss_passages *ps, size_t i, const ss_speech_rec *sr, ss_err *err)
{
    const ss_passage *p = &ps->v[i];
    passage_strings str = { NULL, NULL, NULL, NULL };
    xc_doc *doc = NULL;
    ss_code rc = make_strings(ix, t, sp, ps, i, &str, err);
    if (rc == SS_OK)
        rc = xc_doc_new(&doc, err);
    if (rc == SS_OK)
        rc = passage_terms(ix, doc, path, &str, speech_terms, err);
    uint32_t os, oe;
    ss_text_span(t, p->start, p->end, &os, &oe);
    ss_record r = { .file = (char *)path, .byte_start = os, .byte_end = oe, .para = p->para,
                    .speech = (uint32_t)sp_no, .title = sp->title, .heading = str.heading,
                    .text = str.text, .date = sp->date,
                    .region = sp->region ? (char *)ss_gaz_name(ix->gaz, sp->region) : NULL,
                    .speaker = str.speaker, .kind = sp->kind, .simplified = str.simplified };
    if (rc == SS_OK && !ix->lines)
        rc = ss_lines_new(4, &ix->lines, err);
    if (rc == SS_OK)
        rc = ss_lines_at(ix->lines, path, r.byte_start, &r.line, err);
    if (rc == SS_OK)
        rc = ss_record_values(&r, doc, err);
    if (rc == SS_OK)
        rc = ss_speech_rec_passage(sr, i, &r, doc, err);
    if (rc == SS_OK)
        rc = xc_writable_add(ix->db, doc, NULL, err);
    if (rc == SS_OK && ++ix->pending_docs >= SS_FILE_PARTS * ix->opts.flush_docs)
        rc = ss_indexer_commit(ix, err); /* a huge file: its record is gone until its end */
    strings_free(&str);
    xc_doc_free(doc);
    return rc;
}

static ss_code add_speech(ss_indexer *ix, const char *path, const ss_text *t,
                          const ss_speech *sp, size_t sp_no, ss_err *err)
{
    ss_passages ps = { 0 };
    ss_code rc = ss_split_passages(t->text + sp->start, sp->end - sp->start,
                                   ix->opts.passage_chars, &ps, err);
    for (size_t i = 0; rc == SS_OK && i < ps.n; i++) {
        ps.v[i].start += sp->start;
        ps.v[i].end += sp->start;
        ps.v[i].head_start += sp->start;
        ps.v[i].head_end += sp->start;
    }
    strbuf terms = STRBUF_INIT;
    ss_speech_rec sr = { 0 };
    if (rc == SS_OK)
        rc = ss_filter_speech_terms(sp, ix->gaz, &terms, err);
    if (rc == SS_OK)
        rc = ss_speech_rec_init(&sr, ix->actx, path, (uint32_t)sp_no, sp, t, &ps, err);
    for (size_t i = 0; rc == SS_OK && i < ps.n; i++)
        rc = add_passage(ix, path, t, sp, &terms, sp_no, &ps, i, &sr, err);
    ss_speech_rec_free(&sr);
    sb_free(&terms);
    if (rc == SS_OK) {
        ix->st.passages += ps.n;
        ix->cur_speeches++;
        const char *region = sp->region ? ss_gaz_name(ix->gaz, sp->region) : "";
        if (sb_addf(&ix->cur_info, "%s\t%.4s\t%zu\n", region ? region : "",
                    sp->date ? sp->date : "", ps.n))
            rc = ss_seterr(err, SS_ENOMEM, "out of memory indexing a speech");
    }
    ss_passages_free(&ps);
    return rc;
}

static const char *base_name(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

static ss_code index_text(ss_indexer *ix, const char *path, const ss_text *t,
                          const char *html_title, ss_err *err)
{
    ss_speeches sps = { 0 };
    ss_code rc = ss_split_speeches(t->text, t->len, html_title ? html_title : base_name(path),
                                   ix->gaz, ix->actx, &sps, err);
    for (size_t i = 0; rc == SS_OK && i < sps.n; i++)
        rc = add_speech(ix, path, t, &sps.v[i], i + 1, err);
    ss_speeches_free(&sps);
    return rc;
}

static ss_code maybe_commit(ss_indexer *ix, uint64_t bytes, ss_err *err)
{
    ix->pending_bytes += bytes;
    if (ix->pending_bytes < ix->opts.batch_bytes && ix->pending_docs < ix->opts.flush_docs)
        return SS_OK;
    return ss_indexer_commit(ix, err);
}

/* Removes the passages of the file at canonical path and its record under
 * key; counts it as removed when it had a record. */
static ss_code drop_file(ss_indexer *ix, const char *path, const char *key, int had, ss_err *err)
{
    char fterm[SS_MAX_TERM + 1];
    ss_file_term(path, fterm);
    ss_code rc = xc_writable_delete_by_term(ix->db, fterm, err);
    if (rc == SS_OK)
        rc = xc_writable_set_metadata(ix->db, key, "", 0, err);
    if (rc == SS_OK && had)
        ix->st.removed++;
    return rc;
}

/* A file that will not be indexed: skipped, its old passages dropped;
 * returns the error (code, message) that says why, unless dropping failed. */
static ss_code skip_file(ss_indexer *ix, const char *canon, const char *key, int had,
                         ss_code why, ss_err *err)
{
    ix->st.skipped++;
    ss_err derr;
    ss_code rc = drop_file(ix, canon, key, had, &derr);
    if (rc != SS_OK) {
        if (err)
            *err = derr;
        return rc;
    }
    return why;
}

static ss_code put_record(ss_indexer *ix, const char *key, const char *stamp,
                          unsigned long long hash, uint32_t passages, const char *canon,
                          const char *info, size_t infolen, ss_err *err)
{
    strbuf v = STRBUF_INIT;
    ss_code rc = SS_OK;
    if (sb_addf(&v, "%s %016llx %u %zu %s\n", stamp, hash, passages, ix->cur_speeches, canon) ||
        sb_add(&v, info, infolen))
        rc = ss_seterr(err, SS_ENOMEM, "out of memory writing a file record");
    if (rc == SS_OK)
        rc = xc_writable_set_metadata(ix->db, key, v.buf, v.len, err);
    sb_free(&v);
    return rc;
}

/* Reads, cleans and indexes the file; old is its record or NULL. */
static ss_code index_file(ss_indexer *ix, const char *path, const char *canon, const char *key,
                          const char *stamp, const file_record *old, ss_err *err)
{
    ix->cur_file = path;
    ix->cur_warnings = 0;
    ix->cur_speeches = 0;
    sb_reset(&ix->cur_info);
    ss_read_opts ro = { ix->opts.encoding, on_warn, ix, ix->opts.max_file_bytes };
    ss_text t;
    ss_read_info info;
    ss_code rc = ss_read_file(path, &ro, &t, &info, err);
    if (rc == SS_OK && info.binary)
        rc = ss_seterr(err, SS_EUNSUPPORTED, "%s: binary file, skipped", path);
    if (rc != SS_OK) {
        free(info.title);
        ss_text_free(&t);
        return skip_file(ix, canon, key, old != NULL, rc, err);
    }
    if (old && !old->legacy && !ix->opts.force && old->hash == info.hash) {
        /* touched, not changed: a new stamp for the same passages */
        ix->st.unchanged++;
        ix->cur_speeches = old->speeches;
        rc = put_record(ix, key, stamp, info.hash, old->passages, canon, old->speech_info,
                        strlen(old->speech_info), err);
        free(info.title);
        ss_text_free(&t);
        return rc;
    }
    ss_text clean;
    ss_clean_stats cst = { 0, 0, 0 };
    ss_text_init(&clean);
    size_t before = ix->st.passages;
    rc = ss_clean(ix->cleaner, &t, &clean, &cst, err);
    size_t text_len = t.len;
    ss_text_free(&t); /* clean maps to the file's bytes itself: t's memory can go */
    /* the record goes first: were the file committed in parts, it has
     * none until its last passage is in */
    if (rc == SS_OK)
        rc = drop_file(ix, canon, key, 0, err);
    if (rc == SS_OK)
        rc = index_text(ix, canon, &clean, info.title, err);
    ix->st.text_bytes += text_len;
    ix->st.cleaned_bytes += cst.bytes_removed;
    ss_text_free(&clean);
    if (rc == SS_OK)
        rc = put_record(ix, key, stamp, info.hash, (uint32_t)(ix->st.passages - before), canon,
                        ix->cur_info.buf ? ix->cur_info.buf : "", ix->cur_info.len, err);
    if (rc == SS_OK) {
        ix->st.files++;
        ix->st.bytes += info.raw_bytes;
        ix->st.warned += ix->cur_warnings > 0;
        rc = maybe_commit(ix, info.raw_bytes, err);
    }
    free(info.title);
    ss_text_free(&t);
    return rc;
}

ss_code ss_indexer_add_file(ss_indexer *ix, const char *path, ss_err *err)
{
    char *canon = ss_canonical_path(path);
    if (!canon) {
        ix->st.skipped++;
        return ss_seterr(err, errno == ENOMEM ? SS_ENOMEM : SS_EIO, "%s: %s", path,
                         strerror(errno));
    }
    if (set_has(&ix->seen, canon)) { /* named twice: once is enough */
        free(canon);
        return SS_OK;
    }
    if (set_put(&ix->seen, canon) != 0)
        return ss_seterr(err, SS_ENOMEM, "out of memory indexing %s", path);
    char key[MAX_KEY + 32], stamp[64];
    record_key(canon, key, sizeof key);
    size_t len;
    ss_code rc;
    char *v = get_record(ix, key, &len, err, &rc);
    if (rc != SS_OK)
        return rc;
    file_record old;
    int have = v && parse_record(v, len, &old) == 0;
    struct stat sb;
    if (stat(canon, &sb) != 0) {
        int e = errno;
        rc = skip_file(ix, canon, key, v != NULL, e == ENOENT ? SS_ENOTFOUND : SS_EIO, err);
        if (rc == SS_ENOTFOUND || rc == SS_EIO)
            ss_seterr(err, rc, "%s: %s", path, strerror(e));
    } else if (!S_ISREG(sb.st_mode)) {
        rc = skip_file(ix, canon, key, v != NULL, SS_EUNSUPPORTED, err);
        if (rc == SS_EUNSUPPORTED)
            ss_seterr(err, rc, "%s: not a regular file", path);
    } else {
        stamp_of(&sb, stamp, sizeof stamp);
        if (have && !old.legacy && !ix->opts.force && strcmp(old.stamp, stamp) == 0)
            ix->st.unchanged++;
        else
            rc = index_file(ix, path, canon, key, stamp, have ? &old : NULL, err);
    }
    free(v);
    return rc;
}

/* What remove and prune do with each record. */
typedef struct {
    ss_indexer *ix;
    const char *under;       /* canonical folder (or file) */
    size_t ulen;
    int prune;               /* 1: keep the files given to this indexer */
    const char *cwd;         /* to place records of older versions (relative paths) */
    size_t n;
    ss_code rc;
    ss_err *err;
} sweep;

static int is_under(const char *p, size_t plen, const char *dir, size_t dlen, int or_same)
{
    if (plen == dlen)
        return or_same && memcmp(p, dir, dlen) == 0;
    return plen > dlen && memcmp(p, dir, dlen) == 0 &&
           (p[dlen] == '/' || (dlen == 1 && dir[0] == '/'));
}

static int sweep_one(void *ctx, const char *key, size_t klen, const char *value, size_t vlen)
{
    sweep *w = ctx;
    file_record r;
    if (!vlen || parse_record(value, vlen, &r) != 0)
        return 0;
    char *path = NULL;   /* the path as stored (its F term) */
    char *where = NULL;  /* absolute, to compare with w->under */
    size_t klen0 = strlen(META_FILE);
    if (r.legacy) {      /* stored as given, maybe relative */
        path = strndup(key + klen0, klen - klen0);
        if (path && path[0] != '/') {
            size_t n = strlen(w->cwd) + strlen(path) + 2;
            if ((where = malloc(n)))
                snprintf(where, n, "%s/%s", w->cwd, path[0] == '.' && path[1] == '/' ? path + 2 : path);
        } else if (path) {
            where = strdup(path);
        }
    } else {
        path = strndup(r.path, r.pathlen);
        where = path ? strdup(path) : NULL;
    }
    if (!path || !where) {
        free(path);
        free(where);
        w->rc = ss_seterr(w->err, SS_ENOMEM, "out of memory removing files");
        return 1;
    }
    int drop = is_under(where, strlen(where), w->under, w->ulen, !w->prune) &&
               (r.legacy || !w->prune || !set_has(&w->ix->seen, path));
    if (drop) {
        char k[MAX_KEY + 32];
        snprintf(k, sizeof k, "%.*s", (int)klen, key);
        w->rc = drop_file(w->ix, path, k, 1, w->err);
        w->n++;
        if (w->rc == SS_OK && (w->ix->pending_docs += r.passages) >= w->ix->opts.flush_docs)
            w->rc = ss_indexer_commit(w->ix, w->err);
    }
    free(path);
    free(where);
    return w->rc != SS_OK;
}

static ss_code sweep_under(ss_indexer *ix, const char *dir, int prune, size_t *removed,
                           ss_err *err)
{
    char cwd[PATH_MAX];
    char *canon = ss_canonical_path(dir);
    if (!canon)
        return ss_seterr(err, SS_EIO, "%s: %s", dir, strerror(errno));
    size_t ulen = strlen(canon);
    while (ulen > 1 && canon[ulen - 1] == '/')
        canon[--ulen] = '\0';
    sweep w = { ix, canon, ulen, prune, getcwd(cwd, sizeof cwd) ? cwd : "", 0, SS_OK, err };
    ss_code rc = xc_writable_each_metadata(ix->db, META_FILE, sweep_one, &w, err);
    if (rc == SS_OK)
        rc = w.rc;
    if (removed)
        *removed = w.n;
    free(canon);
    return rc;
}

ss_code ss_indexer_remove(ss_indexer *ix, const char *path, size_t *removed, ss_err *err)
{
    return sweep_under(ix, path, 0, removed, err);
}

ss_code ss_indexer_prune(ss_indexer *ix, const char *dir, ss_err *err)
{
    return sweep_under(ix, dir, 1, NULL, err);
}

ss_code ss_indexer_commit(ss_indexer *ix, ss_err *err)
{
    char now[32];
    snprintf(now, sizeof now, "%lld", (long long)time(NULL));
    ix->pending_bytes = 0;
    ix->pending_docs = 0;
    ss_code rc = xc_writable_set_metadata(ix->db, META_UPDATED, now, strlen(now), err);
    if (rc == SS_OK && ix->in_txn) {
        ix->in_txn = 0;
        rc = xc_writable_commit_transaction(ix->db, err);
    }
    if (rc == SS_OK && (rc = xc_writable_begin(ix->db, err)) == SS_OK)
        ix->in_txn = 1;
    return rc;
}

ss_code ss_indexer_close(ss_indexer *ix, ss_err *err)
{
    if (!ix)
        return SS_OK;
    char now[32];
    snprintf(now, sizeof now, "%lld", (long long)time(NULL));
    ss_code rc = xc_writable_set_metadata(ix->db, META_UPDATED, now, strlen(now), err);
    if (rc == SS_OK && ix->in_txn)
        rc = xc_writable_commit_transaction(ix->db, err);
    ss_code rc2 = xc_writable_close(ix->db, rc == SS_OK ? err : NULL);
    ix->db = NULL;
    free_indexer(ix);
    return rc != SS_OK ? rc : rc2;
}

/* ---- what an index holds ---- */

typedef struct {
    int (*cb)(void *ctx, const ss_file_info *f);
    void *ctx;
    ss_code rc;
    ss_err *err;
} lister;

static int list_one(void *ctx, const char *key, size_t klen, const char *value, size_t vlen)
{
    lister *l = ctx;
    file_record r;
    if (!vlen || parse_record(value, vlen, &r) != 0)
        return 0;
    size_t k0 = strlen(META_FILE);
    char *path = r.legacy ? strndup(key + k0, klen - k0) : strndup(r.path, r.pathlen);
    char *info = strndup(r.speech_info, vlen - (size_t)(r.speech_info - value));
    if (r.legacy && info) {
        free(info);
        info = strdup("");
    }
    if (!path || !info) {
        free(path);
        free(info);
        l->rc = ss_seterr(l->err, SS_ENOMEM, "out of memory listing files");
        return 1;
    }
    unsigned long long size = 0;
    double mtime = 0;
    sscanf(r.stamp, "%llu %lf", &size, &mtime);
    ss_file_info f = { path, size, mtime, r.passages, r.speeches, info };
    int stop = l->cb(l->ctx, &f);
    free(path);
    free(info);
    return stop;
}

ss_code ss_index_each_file(const char *dbpath, int (*cb)(void *ctx, const ss_file_info *f),
                           void *ctx, ss_err *err)
{
    xc_db *db = NULL;
    ss_code rc = xc_db_open(dbpath, &db, err);
    lister l = { cb, ctx, SS_OK, err };
    if (rc == SS_OK)
        rc = xc_db_each_metadata(db, META_FILE, list_one, &l, err);
    xc_db_close(db);
    return rc == SS_OK ? l.rc : rc;
}

ss_code ss_index_summary(const char *dbpath, uint32_t *passages, double *updated, ss_err *err)
{
    xc_db *db = NULL;
    char *v = NULL;
    size_t len = 0;
    ss_code rc = xc_db_open(dbpath, &db, err);
    if (rc == SS_OK)
        rc = xc_db_doccount(db, passages, err);
    if (rc == SS_OK)
        rc = xc_db_get_metadata(db, META_UPDATED, &v, &len, err);
    *updated = v && len ? strtod(v, NULL) : 0;
    free(v);
    xc_db_close(db);
    return rc;
}
