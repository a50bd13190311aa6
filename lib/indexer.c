/* indexer.c: files to passages to Xapian documents (see indexer.h). */
#include "indexer.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "analyze.h"
#include "clean.h"
#include "filter_index.h"
#include "gazetteer.h"
#include "lines.h"
#include "passage.h"
#include "passage_year.h"
#include "reader.h"
#include "record.h"
#include "speech.h"
#include "terms.h"
#include "text.h"
#include "xapian_c.h"

#define DEFAULT_BATCH (32u << 20)
#define META_FILE "file:"
#define META_VERSION "speech-search:version"
#define INDEX_VERSION "1"

#define MAX_PASSAGE_PLACES 64

struct ss_indexer {
    xc_writable *db;
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
    ss_gaz_close(ix->gaz);
    ss_cleaner_close(ix->cleaner);
    ss_actx_free(ix->actx);
    ss_analyzer_close(ix->an);
    ss_lines_free(ix->lines);
    free(ix);
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
    const char *dir = ix->opts.datadir ? ix->opts.datadir : ss_default_datadir();
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
    if (rc == SS_OK)
        rc = xc_writable_set_metadata(ix->db, META_VERSION, INDEX_VERSION, 1, err);
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

/* "size mtime" of path, to tell unchanged files. */
static int file_stamp(const char *path, char *buf, size_t n)
{
    struct stat sb;
    if (stat(path, &sb) != 0)
        return -1;
    snprintf(buf, n, "%lld %lld.%09ld", (long long)sb.st_size, (long long)sb.st_mtim.tv_sec,
             sb.st_mtim.tv_nsec);
    return 0;
}

static int unchanged(ss_indexer *ix, const char *key, const char *stamp)
{
    char *old = NULL;
    size_t len = 0;
    if (xc_writable_get_metadata(ix->db, key, &old, &len, NULL) != SS_OK)
        return 0;
    int same = old && strcmp(old, stamp) == 0;
    free(old);
    return same;
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
                           const ss_passages *ps, size_t i, ss_err *err)
{
    const ss_passage *p = &ps->v[i];
    passage_strings str = { NULL, NULL, NULL, NULL };
    xc_doc *doc = NULL;
    char *data = NULL;
    size_t dlen = 0;
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
        rc = ss_record_encode(&r, &data, &dlen, err);
    if (rc == SS_OK)
        rc = xc_doc_set_data(doc, data, dlen, err);
    if (rc == SS_OK)
        rc = xc_writable_add(ix->db, doc, NULL, err);
    free(data);
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
    if (rc == SS_OK)
        rc = ss_filter_speech_terms(ix->actx, sp, ix->gaz, &terms, err);
    for (size_t i = 0; rc == SS_OK && i < ps.n; i++)
        rc = add_passage(ix, path, t, sp, &terms, sp_no, &ps, i, err);
    sb_free(&terms);
    if (rc == SS_OK)
        ix->st.passages += ps.n;
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
    if (ix->pending_bytes < ix->opts.batch_bytes)
        return SS_OK;
    return ss_indexer_commit(ix, err);
}

ss_code ss_indexer_add_file(ss_indexer *ix, const char *path, ss_err *err)
{
    char stamp[64], key[4096];
    snprintf(key, sizeof key, "%s%s", META_FILE, path);
    if (file_stamp(path, stamp, sizeof stamp) != 0) {
        ix->st.skipped++;
        return ss_seterr(err, SS_EIO, "%s: cannot read", path);
    }
    if (!ix->opts.force && unchanged(ix, key, stamp)) {
        ix->st.unchanged++;
        return SS_OK;
    }
    ix->cur_file = path;
    ix->cur_warnings = 0;
    ss_read_opts ro = { ix->opts.encoding, on_warn, ix, 0 };
    ss_text t;
    ss_read_info info;
    ss_code rc = ss_read_file(path, &ro, &t, &info, err);
    if (rc == SS_OK && info.binary)
        rc = ss_seterr(err, SS_EUNSUPPORTED, "%s: binary file, skipped", path);
    if (rc != SS_OK) {
        ix->st.skipped++;
        free(info.title);
        return rc;
    }
    ss_text clean;
    ss_clean_stats cst = { 0, 0, 0 };
    ss_text_init(&clean);
    rc = ss_clean(ix->cleaner, &t, &clean, &cst, err);
    if (rc == SS_OK)
        rc = ss_indexer_remove_file(ix, path, err);
    if (rc == SS_OK)
        rc = index_text(ix, path, &clean, info.title, err);
    ix->st.text_bytes += t.len;
    ix->st.cleaned_bytes += cst.bytes_removed;
    ss_text_free(&clean);
    if (rc == SS_OK)
        rc = xc_writable_set_metadata(ix->db, key, stamp, strlen(stamp), err);
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

ss_code ss_indexer_remove_file(ss_indexer *ix, const char *path, ss_err *err)
{
    char fterm[SS_MAX_TERM + 1];
    ss_file_term(path, fterm);
    return xc_writable_delete_by_term(ix->db, fterm, err);
}

ss_code ss_indexer_commit(ss_indexer *ix, ss_err *err)
{
    ix->pending_bytes = 0;
    return xc_writable_commit(ix->db, err);
}

ss_code ss_indexer_close(ss_indexer *ix, ss_err *err)
{
    if (!ix)
        return SS_OK;
    ss_code rc = xc_writable_close(ix->db, err);
    ix->db = NULL;
    free_indexer(ix);
    return rc;
}
