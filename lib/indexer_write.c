/* indexer_write.c: one file's passages into a segment, with its record
 * (see indexer_impl.h): read, clean, split into speeches and passages,
 * one Xapian document per passage. */
#include "indexer_impl.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
#include "strbuf.h"
#include "terms.h"
#include "text.h"

/* Commit every 2000 passages: the writer's memory stays as small as with
 * XAPIAN_FLUSH_THRESHOLD=2000 (half that of 10000, and 19% faster on
 * 100 MB; 10,000 and 50,000 are slower and bigger). */
#define DEFAULT_FLUSH_DOCS 2000
/* Longest metadata key stored as is (Xapian's limit is about 245 bytes);
 * longer ones are named by a hash of the path. */
#define MAX_KEY 200
#define MAX_PASSAGE_PLACES 64

struct ss_ixwriter {
    ss_analyzer *an;
    ss_actx *actx;
    ss_cleaner *cleaner;
    ss_gazetteer *gaz;
    ss_lines *lines;          /* line numbers of the file being indexed */
    ss_index_opts opts;
    size_t pending_docs;      /* passages added since the last commit */
    size_t cur_speeches;      /* speeches of the file being indexed */
    strbuf cur_info;          /* their lines of the record */
    const char *cur_file;     /* file being indexed, for warnings */
    size_t cur_warnings;
    ss_index_stats *st;
};

void ss_ixw_close(ss_ixwriter *w)
{
    if (!w)
        return;
    sb_free(&w->cur_info);
    ss_gaz_close(w->gaz);
    ss_cleaner_close(w->cleaner);
    ss_actx_free(w->actx);
    ss_analyzer_close(w->an);
    ss_lines_free(w->lines);
    free(w);
}

ss_code ss_ixw_open(const ss_index_opts *opts, ss_ixwriter **out, ss_err *err)
{
    ss_ixwriter *w = calloc(1, sizeof *w);
    if (!w)
        return ss_seterr(err, SS_ENOMEM, "out of memory opening indexer");
    w->opts = *opts;
    if (!w->opts.passage_chars)
        w->opts.passage_chars = SS_PASSAGE_CHARS;
    if (!w->opts.flush_docs)
        w->opts.flush_docs = DEFAULT_FLUSH_DOCS;
    const char *dir = w->opts.datadir ? w->opts.datadir : ss_datadir();
    char path[4096];
    ss_code rc = ss_analyzer_open(dir, &w->an, err);
    if (rc == SS_OK && !(w->actx = ss_actx_new(w->an)))
        rc = ss_seterr(err, SS_ENOMEM, "out of memory opening analyzer");
    snprintf(path, sizeof path, "%s/clean.rules", dir);
    if (rc == SS_OK)
        rc = ss_cleaner_open(path, &w->cleaner, err);
    snprintf(path, sizeof path, "%s/gazetteer.tsv", dir);
    if (rc == SS_OK)
        rc = ss_gaz_open(path, &w->gaz, err);
    if (rc == SS_OK)
        rc = ss_lines_new(4, &w->lines, err);
    if (rc != SS_OK) {
        ss_ixw_close(w);
        return rc;
    }
    *out = w;
    return SS_OK;
}

/* ---- file records ---- */

void ss_record_key(const char *path, char *buf, size_t n)
{
    if (strlen(path) + strlen(SS_META_FILE) <= MAX_KEY)
        snprintf(buf, n, "%s%s", SS_META_FILE, path);
    else
        snprintf(buf, n, "%s#%016llx", SS_META_FILE, ss_path_hash(path));
}

int ss_record_parse(const char *v, size_t len, ss_file_record *r)
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
               &speeches, &used) < 6 || used <= 0 || (size_t)used > head)
        return -1;
    r->path = v + used;
    r->pathlen = head - (size_t)used;
    r->passages = passages;
    r->speeches = speeches;
    r->size = size;
    r->speech_info = nl ? nl + 1 : v + len;
    snprintf(r->stamp, sizeof r->stamp, "%llu %lld.%09ld", size, sec, nsec);
    return 0;
}

void ss_record_stamp(const struct stat *sb, char *buf, size_t n)
{
    snprintf(buf, n, "%lld %lld.%09ld", (long long)sb->st_size, (long long)sb->st_mtim.tv_sec,
             sb->st_mtim.tv_nsec);
}

char *ss_record_restamp(const char *value, size_t len, const char *stamp, size_t *outlen)
{
    /* the stamp is the first two fields */
    const char *p = memchr(value, ' ', len);
    p = p ? memchr(p + 1, ' ', len - (size_t)(p + 1 - value)) : NULL;
    if (!p)
        return NULL;
    strbuf v = STRBUF_INIT;
    if (sb_adds(&v, stamp) || sb_add(&v, p, len - (size_t)(p - value))) {
        sb_free(&v);
        return NULL;
    }
    return sb_detach(&v, outlen);
}

static ss_code put_record(ss_ixwriter *w, xc_writable *db, const char *canon,
                          const char *stamp, unsigned long long hash, uint32_t passages,
                          ss_err *err)
{
    char key[SS_RECORD_KEY];
    ss_record_key(canon, key, sizeof key);
    strbuf v = STRBUF_INIT;
    ss_code rc = SS_OK;
    if (sb_addf(&v, "%s %016llx %u %zu %s\n", stamp, hash, passages, w->cur_speeches, canon) ||
        sb_add(&v, w->cur_info.buf ? w->cur_info.buf : "", w->cur_info.len))
        rc = ss_seterr(err, SS_ENOMEM, "out of memory writing a file record");
    if (rc == SS_OK)
        rc = xc_writable_set_metadata(db, key, v.buf, v.len, err);
    sb_free(&v);
    return rc;
}

/* ---- passages ---- */

typedef struct {
    uint32_t ids[MAX_PASSAGE_PLACES];
    size_t n;
    const char *text, *speaker; /* the text scanned; the speech's speaker, or NULL */
    size_t len;                 /* the text's length */
} places;

static int on_place(void *arg, uint32_t id, size_t start, size_t end)
{
    places *p = arg;
    /* strictly inside a longer name of the speaker (镇江 in the byline's
     * 宫镇江): no place of the passage.  A name that is all of a place (宁波)
     * stays one in the text (与宁波合作); only the title reads it so
     * (filter_index.c) */
    if (ss_in_speaker_name(p->text, p->len, p->speaker, start, end, 1))
        return 0;
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

static ss_code make_strings(ss_ixwriter *w, const ss_text *t, const ss_speech *sp,
                            const ss_passage *p, passage_strings *out, ss_err *err)
{
    int h = p->head_end > p->head_start;
    out->text = strndup(t->text + p->start, p->end - p->start);
    out->heading = h ? strndup(t->text + p->head_start, p->head_end - p->head_start) : NULL;
    out->speaker = speaker_of(sp);
    out->simplified = NULL;
    if (!out->text || (h && !out->heading) || ((sp->role || sp->speaker) && !out->speaker))
        return ss_seterr(err, SS_ENOMEM, "out of memory indexing a passage");
    return ss_t2s_string(w->actx, out->text, strlen(out->text), &out->simplified, err);
}

/* Terms of a passage: its text's, its places' and its speech's. */
static ss_code passage_terms(ss_ixwriter *w, xc_doc *doc, const char *path,
                             const passage_strings *ps, const strbuf *speech_terms, ss_err *err)
{
    /* the simplified form, when there is one, needs no OpenCC again */
    const char *text = ps->simplified ? ps->simplified : ps->text;
    ss_analysis an;
    ss_actx_set_t2s(w->actx, ps->simplified == NULL);
    ss_code rc = ss_analyze(w->actx, text, strlen(text), &an, err);
    ss_actx_set_t2s(w->actx, 1);
    if (rc == SS_OK)
        rc = ss_index_analysis(&an, doc, err);
    if (rc == SS_OK) /* the years it and its heading speak of (passage_year.h) */
        rc = ss_passage_years_index(w->actx, &an, ps->heading, speech_terms, doc, err);
    places pl = { .n = 0, .text = text, .speaker = ps->speaker, .len = strlen(text) };
    if (rc == SS_OK)
        rc = ss_gaz_scan(w->gaz, text, strlen(text), on_place, &pl, err);
    if (rc == SS_OK)
        rc = ss_filter_index(doc, speech_terms, pl.ids, pl.n, w->gaz, err);
    char fterm[SS_MAX_TERM + 1];
    ss_file_term(path, fterm);
    if (rc == SS_OK)
        rc = xc_doc_add_boolean(doc, fterm, strlen(fterm), err);
    return rc;
}

ss_code ss_ixw_commit(ss_ixwriter *w, xc_writable *db, ss_err *err)
{
    w->pending_docs = 0;
    return xc_writable_commit(db, err);
}

static ss_code add_passage(ss_ixwriter *w, xc_writable *db, const char *path, const ss_text *t,
                           const ss_speech *sp, const strbuf *speech_terms, size_t sp_no,
                           const ss_passage *p, size_t i, const ss_speech_rec *sr, ss_err *err)
{
    passage_strings str = { NULL, NULL, NULL, NULL };
    xc_doc *doc = NULL;
    ss_code rc = make_strings(w, t, sp, p, &str, err);
    if (rc == SS_OK)
        rc = xc_doc_new(&doc, err);
    if (rc == SS_OK)
        rc = passage_terms(w, doc, path, &str, speech_terms, err);
    uint32_t os, oe;
    ss_text_span(t, p->start, p->end, &os, &oe);
    ss_record r = { .file = (char *)path, .byte_start = os, .byte_end = oe, .para = p->para,
                    .speech = (uint32_t)sp_no, .title = sp->title, .heading = str.heading,
                    .text = str.text, .date = sp->date,
                    .region = sp->region ? (char *)ss_gaz_name(w->gaz, sp->region) : NULL,
                    .speaker = str.speaker, .kind = sp->kind, .simplified = str.simplified,
                    .text_start = p->start, .text_end = p->end };
    if (rc == SS_OK)
        rc = ss_lines_at(w->lines, path, r.byte_start, &r.line, err);
    if (rc == SS_OK)
        rc = ss_record_values(&r, doc, err);
    if (rc == SS_OK)
        rc = ss_speech_rec_passage(sr, i, &r, doc, err);
    if (rc == SS_OK)
        rc = xc_writable_add(db, doc, NULL, err);
    if (rc == SS_OK && ++w->pending_docs >= w->opts.flush_docs)
        rc = ss_ixw_commit(w, db, err); /* a segment being built: no reader sees it yet */
    strings_free(&str);
    xc_doc_free(doc);
    return rc;
}

static ss_code add_speech(ss_ixwriter *w, xc_writable *db, const char *path, const ss_text *t,
                          const ss_speech *sp, size_t sp_no, ss_err *err)
{
    ss_passages ps = { 0 };
    ss_code rc = ss_split_passages(t->text + sp->start, sp->end - sp->start,
                                   w->opts.passage_chars, &ps, err);
    for (size_t i = 0; rc == SS_OK && i < ps.n; i++) {
        ps.v[i].start += sp->start;
        ps.v[i].end += sp->start;
        ps.v[i].head_start += sp->start;
        ps.v[i].head_end += sp->start;
    }
    strbuf terms = STRBUF_INIT;
    ss_speech_rec sr = { 0 };
    if (rc == SS_OK)
        rc = ss_filter_speech_terms(w->actx, sp, w->gaz, &terms, err);
    if (rc == SS_OK)
        rc = ss_speech_rec_init(&sr, w->actx, path, (uint32_t)sp_no, sp, t, &ps, err);
    for (size_t i = 0; rc == SS_OK && i < ps.n; i++)
        rc = add_passage(w, db, path, t, sp, &terms, sp_no, &ps.v[i], i, &sr, err);
    ss_speech_rec_free(&sr);
    sb_free(&terms);
    if (rc == SS_OK) {
        w->st->passages += ps.n;
        w->cur_speeches++;
        const char *region = sp->region ? ss_gaz_name(w->gaz, sp->region) : "";
        if (sb_addf(&w->cur_info, "%s\t%.4s\t%zu\n", region ? region : "",
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

static ss_code index_text(ss_ixwriter *w, xc_writable *db, const char *path, const ss_text *t,
                          const char *html_title, ss_err *err)
{
    ss_speeches sps = { 0 };
    ss_code rc = ss_split_speeches(t->text, t->len, html_title ? html_title : base_name(path),
                                   w->gaz, w->actx, &sps, err);
    for (size_t i = 0; rc == SS_OK && i < sps.n; i++)
        rc = add_speech(w, db, path, t, &sps.v[i], i + 1, err);
    ss_speeches_free(&sps);
    return rc;
}

static void on_warn(void *arg, size_t offset, const char *msg)
{
    ss_ixwriter *w = arg;
    w->cur_warnings++;
    w->st->warnings++;
    if (w->opts.warn)
        w->opts.warn(w->opts.warn_arg, w->cur_file, offset, msg);
}

ss_code ss_ixw_file(ss_ixwriter *w, xc_writable *db, const char *path, const char *canon,
                    const char *stamp, ss_index_stats *st, ss_err *err)
{
    w->st = st;
    w->cur_file = path;
    w->cur_warnings = 0;
    w->cur_speeches = 0;
    sb_reset(&w->cur_info);
    ss_read_opts ro = { w->opts.encoding, on_warn, w, w->opts.max_file_bytes };
    ss_text t;
    ss_read_info info;
    ss_code rc = ss_read_file(path, &ro, &t, &info, err);
    if (rc == SS_OK && info.binary)
        rc = ss_seterr(err, SS_EUNSUPPORTED, "%s: binary file, skipped", path);
    if (rc != SS_OK) {
        free(info.title);
        ss_text_free(&t);
        return rc;
    }
    ss_text clean;
    ss_clean_stats cst = { 0, 0, 0 };
    ss_text_init(&clean);
    size_t before = st->passages;
    rc = ss_clean(w->cleaner, &t, &clean, &cst, err);
    size_t text_len = t.len;
    ss_text_free(&t); /* clean maps to the file's bytes itself: t's memory can go */
    if (rc == SS_OK)
        rc = index_text(w, db, canon, &clean, info.title, err);
    st->text_bytes += text_len;
    st->cleaned_bytes += cst.bytes_removed;
    ss_text_free(&clean);
    if (rc == SS_OK)
        rc = put_record(w, db, canon, stamp, info.hash, (uint32_t)(st->passages - before), err);
    if (rc == SS_OK) {
        st->bytes += info.raw_bytes;
        st->warned += w->cur_warnings > 0;
    }
    free(info.title);
    return rc;
}
