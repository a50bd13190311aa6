/* search.c: query -> ranked passages (see search.h). */
#include "search.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyze.h"
#include "like.h"
#include "terms.h"
#include "strbuf.h"
#include "synonyms.h"
#include "utf8.h"
#include "xapian_c.h"

#define CHECK_AT_LEAST 100
/* Ranking spreads hits over places: a passage in the same or the next
 * paragraph of a file as a better one already ranked is worth
 * SPREAD_PENALTY of its score, so the first page shows different places. */
#define SPREAD_PENALTY 0.6
/* Xapian proposes candidates (bag of bigrams and words, BM25); the ranker
 * judges each from its text.  The first batch is DEPTH_FACTOR times the
 * hits wanted (at least MIN_BATCH); more come while fewer than wanted +
 * SPREAD_SLACK were accepted, up to MAX_JUDGED. */
#define DEPTH_FACTOR 3
#define MIN_BATCH 30
#define SPREAD_SLACK 10
#define MAX_JUDGED 5000
#define MAX_JUDGED_FACETS 20000
/* Copies: passages from different files whose bigram sets overlap this
 * much (Jaccard) are one passage copied from site to site. */
#define DUP_JACCARD 0.8

struct ss_searcher {
    xc_db *db;
    ss_analyzer *an;
    ss_actx *ac;
    ss_gazetteer *gaz;    /* opened when a query first needs it */
    ss_syn *syn;          /* synonym table, read when a query first needs it */
    char *gaztext;        /* the gazetteer's text, for a quick test (need_places) */
    size_t gaztext_len;
    int gaztext_missing;
    char *datadir;
};

ss_code ss_searcher_open(const char *const *dbs, size_t n, const char *datadir,
                         ss_searcher **out, ss_err *err)
{
    return ss_searcher_open_timeout(dbs, n, datadir, 0, out, err);
}

ss_code ss_searcher_open_timeout(const char *const *dbs, size_t n, const char *datadir,
                                 unsigned timeout_ms, ss_searcher **out, ss_err *err)
{
    if (!timeout_ms)
        timeout_ms = XC_REMOTE_TIMEOUT_MS;
    if (n == 0)
        return ss_seterr(err, SS_EINVAL, "no database given");
    ss_searcher *s = calloc(1, sizeof *s);
    if (!s)
        return ss_seterr(err, SS_ENOMEM, "out of memory opening searcher");
    ss_code rc = xc_db_open_timeout(dbs[0], timeout_ms, &s->db, err);
    for (size_t i = 1; rc == SS_OK && i < n; i++)
        rc = xc_db_add_timeout(s->db, dbs[i], timeout_ms, err);
    if (rc == SS_OK)
        rc = ss_analyzer_open(datadir, &s->an, err);
    if (rc == SS_OK && !(s->ac = ss_actx_new(s->an)))
        rc = ss_seterr(err, SS_ENOMEM, "out of memory opening searcher");
    if (rc == SS_OK && datadir && !(s->datadir = strdup(datadir)))
        rc = ss_seterr(err, SS_ENOMEM, "out of memory opening searcher");
    if (rc != SS_OK) {
        ss_searcher_close(s);
        return rc;
    }
    *out = s;
    return SS_OK;
}

void ss_searcher_close(ss_searcher *s)
{
    if (!s)
        return;
    ss_actx_free(s->ac);
    ss_analyzer_close(s->an);
    ss_gaz_close(s->gaz);
    ss_syn_free(s->syn);
    free(s->gaztext);
    xc_db_close(s->db);
    free(s->datadir);
    free(s);
}

static void places_free(ss_place *p, size_t n);

void ss_results_free(ss_results *r)
{
    for (size_t i = 0; i < r->n; i++) {
        ss_record_free(&r->hits[i].rec);
        free(r->hits[i].hl);
        places_free(r->hits[i].dups, r->hits[i].ndups);
    }
    for (int k = 0; k < SS_FACETS; k++) {
        for (size_t i = 0; i < r->facets[k].n; i++)
            free(r->facets[k].v[i].value);
        free(r->facets[k].v);
    }
    free(r->hits);
    free(r->understood);
    memset(r, 0, sizeof *r);
}

/* A passage Xapian proposed and the ranker accepted. */
typedef struct {
    double score;
    ss_record rec;
    ss_span *hl;
    size_t nhl;
    uint32_t *sig;        /* sorted distinct hashes of the passage's bigrams and tokens */
    size_t nsig;
    uint32_t sighash;     /* hash of sig: equal for identical copies */
    int is_copy;          /* a copy of a candidate judged before it */
    ss_place *dups;
    size_t ndups;
    int dup;              /* collapsed into another candidate */
} cand;

typedef struct {
    cand *v;
    size_t n, cap;
    size_t judged;
    size_t distinct;      /* accepted candidates that are no copy of an earlier one */
} cands;

static void places_free(ss_place *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(p[i].file);
    free(p);
}

static void cand_free(cand *h)
{
    ss_record_free(&h->rec);
    free(h->hl);
    free(h->sig);
    places_free(h->dups, h->ndups);
}

static void cands_free(cands *c)
{
    for (size_t i = 0; i < c->n; i++)
        cand_free(&c->v[i]);
    free(c->v);
}

static uint32_t hash_bytes(const char *s, size_t n, uint32_t h)
{
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h;
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

/* The passage's signature: hashes of its bigrams and tokens, sorted,
 * distinct, independent of script and punctuation (analysis normalised). */
static ss_code signature(const ss_analysis *an, cand *h, ss_err *err)
{
    h->sig = malloc((an->natoms ? an->natoms : 1) * sizeof *h->sig);
    if (!h->sig)
        return ss_seterr(err, SS_ENOMEM, "out of memory ranking");
    size_t n = 0;
    for (size_t i = 0; i < an->natoms; i++) {
        const ss_atom *a = &an->atoms[i];
        uint32_t x = hash_bytes(an->norm + a->norm, a->normlen, 2166136261u);
        if (a->kind == SS_ATOM_HAN && i + 1 < an->natoms && an->atoms[i + 1].kind == SS_ATOM_HAN)
            x = hash_bytes(an->norm + an->atoms[i + 1].norm, an->atoms[i + 1].normlen, x);
        h->sig[n++] = x;
    }
    qsort(h->sig, n, sizeof *h->sig, cmp_u32);
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (k == 0 || h->sig[i] != h->sig[k - 1])
            h->sig[k++] = h->sig[i];
    h->nsig = k;
    h->sighash = hash_bytes((const char *)h->sig, k * sizeof *h->sig, 2166136261u);
    return SS_OK;
}

static int copies(const cand *a, const cand *b)
{
    if (!a->nsig || !b->nsig || !a->rec.file || !b->rec.file ||
        strcmp(a->rec.file, b->rec.file) == 0)
        return 0;
    if (a->sighash == b->sighash && a->nsig == b->nsig)
        return 1;
    size_t small = a->nsig < b->nsig ? a->nsig : b->nsig;
    size_t big = a->nsig + b->nsig - small;
    if (small < DUP_JACCARD * big)
        return 0; /* sizes alone rule it out */
    size_t i = 0, j = 0, common = 0;
    while (i < a->nsig && j < b->nsig) {
        if (a->sig[i] == b->sig[j]) {
            common++;
            i++;
            j++;
        } else if (a->sig[i] < b->sig[j]) {
            i++;
        } else {
            j++;
        }
    }
    return common >= DUP_JACCARD * (a->nsig + b->nsig - common);
}

/* Folds copies into the best-ranked one (c sorted by score). */
static ss_code collapse(cand *c, size_t n, ss_err *err)
{
    for (size_t i = 0; i < n; i++) {
        for (size_t j = 0; !c[i].dup && j < i; j++) {
            if (c[j].dup || !copies(&c[j], &c[i]))
                continue;
            ss_place *p = realloc(c[j].dups, (c[j].ndups + 1) * sizeof *p);
            if (!p)
                return ss_seterr(err, SS_ENOMEM, "out of memory collapsing copies");
            c[j].dups = p;
            p[c[j].ndups++] = (ss_place){ c[i].rec.file, c[i].rec.byte_start, c[i].rec.byte_end };
            c[i].rec.file = NULL; /* now owned by the place */
            c[i].dup = 1;
        }
    }
    return SS_OK;
}

/* Drops collapsed candidates, keeping the order. */
static size_t compact_cands(cand *c, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (c[i].dup)
            cand_free(&c[i]);
        else
            c[k++] = c[i];
    }
    return k;
}

/* Byte offset in to of the code point at byte offset off in from, both
 * texts having the same code points one for one. */
static uint32_t same_cp(const char *from, const char *to, uint32_t off)
{
    size_t cps = utf8_count(from, off), i = 0, len = strlen(to);
    while (cps-- && i < len)
        utf8_next(to, len, &i);
    return (uint32_t)i;
}

/* Moves highlight spans from the simplified form to the text as it reads. */
static void map_spans(const char *from, const char *to, ss_span *hl, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        hl[i].start = same_cp(from, to, hl[i].start);
        hl[i].end = same_cp(from, to, hl[i].end);
    }
}

/* Judges hit i of m; appends it to c when the ranker accepts it. */
static ss_code judge_hit(ss_searcher *s, const ss_query *q, const xc_mset *m, uint32_t i,
                         cands *c, ss_err *err)
{
    if (c->n == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 64;
        cand *v = realloc(c->v, cap * sizeof *v);
        if (!v)
            return ss_seterr(err, SS_ENOMEM, "out of memory ranking");
        c->v = v;
        c->cap = cap;
    }
    cand *h = &c->v[c->n];
    memset(h, 0, sizeof *h);
    char *data = NULL;
    size_t len = 0;
    double w = 0, factor = 0;
    ss_analysis an;
    ss_code rc = xc_mset_weight(m, i, &w, err);
    if (rc == SS_OK)
        rc = xc_mset_data(m, i, &data, &len, err);
    if (rc == SS_OK)
        rc = ss_record_decode(data, len, &h->rec, err);
    free(data);
    /* a traditional passage comes with its simplified form: no OpenCC here */
    const char *text = h->rec.simplified ? h->rec.simplified : h->rec.text ? h->rec.text : "";
    ss_actx_set_t2s(s->ac, h->rec.simplified == NULL);
    if (rc == SS_OK)
        rc = ss_analyze_atoms(s->ac, text, strlen(text), &an, err);
    ss_actx_set_t2s(s->ac, 1);
    ss_passage_meta meta = { h->rec.region, h->rec.title, h->rec.date };
    if (rc == SS_OK)
        rc = ss_query_judge_meta(q, &an, &meta, &factor, NULL, NULL, err);
    c->judged++;
    if (rc == SS_OK && factor > 0)
        rc = signature(&an, h, err);
    if (rc == SS_OK && factor > 0 && h->rec.heading) { /* after the signature: reuses s->ac */
        double hf = 1.0;
        ss_actx_set_t2s(s->ac, 0);
        rc = ss_analyze_atoms(s->ac, h->rec.heading, strlen(h->rec.heading), &an, err);
        ss_actx_set_t2s(s->ac, 1);
        if (rc == SS_OK)
            rc = ss_query_heading_factor(q, &an, &hf, err);
        factor *= hf;
    }
    if (rc != SS_OK || factor <= 0) {
        cand_free(h);
        return rc;
    }
    h->score = w * factor;
    for (size_t j = 0; j < c->n && !h->is_copy; j++)
        h->is_copy = !c->v[j].is_copy && copies(&c->v[j], h);
    c->distinct += !h->is_copy;
    c->n++;
    return SS_OK;
}

/* Same file, same or neighbouring paragraph (a heading and the paragraph
 * under it, two windows of one paragraph): one place to a reader. */
static int near_place(const cand *a, const cand *b)
{
    if (!a->rec.file || !b->rec.file || strcmp(a->rec.file, b->rec.file) != 0)
        return 0;
    uint32_t pa = a->rec.para, pb = b->rec.para;
    return (pa > pb ? pa - pb : pb - pa) <= 1;
}

/* Orders c[0, n) greedily: next is the best score after the penalty for
 * standing next to an already chosen hit. */
static void spread(cand *c, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        size_t best = k;
        double best_score = -1;
        for (size_t i = k; i < n; i++) {
            double sc = c[i].score;
            for (size_t j = 0; j < k; j++)
                if (near_place(&c[i], &c[j])) {
                    sc *= SPREAD_PENALTY;
                    break;
                }
            if (sc > best_score * (1 + 1e-9)) {
                best_score = sc;
                best = i;
            }
        }
        cand t = c[k];
        c[k] = c[best];
        c[best] = t;
        c[k].score = best_score;
    }
}

/* Highlights of a hit shown (only those: judging candidates needs none). */
static ss_code hit_highlights(ss_searcher *s, const ss_query *q, ss_hit *h, ss_err *err)
{
    const ss_record *r = &h->rec;
    const char *text = r->simplified ? r->simplified : r->text ? r->text : "";
    ss_actx_set_t2s(s->ac, r->simplified == NULL);
    ss_code rc = ss_query_highlights(q, s->ac, text, strlen(text), &h->hl, &h->nhl, err);
    ss_actx_set_t2s(s->ac, 1);
    if (rc == SS_OK && r->simplified)
        map_spans(r->simplified, r->text ? r->text : "", h->hl, h->nhl);
    return rc;
}

/* Asks Xapian for candidates in batches and judges them until enough are
 * accepted (or MAX_JUDGED were looked at, or none are left). */
static ss_code gather(ss_searcher *s, const ss_query *q, xc_enquire *e, uint32_t want,
                      int collapsing, size_t max_judged, cands *c, uint32_t *estimate,
                      int *exhausted, ss_err *err)
{
    uint32_t batch = want * DEPTH_FACTOR < MIN_BATCH ? MIN_BATCH : want * DEPTH_FACTOR;
    if (batch > 2000)
        batch = 2000;
    uint32_t first = 0;
    *exhausted = 0;
    for (;;) {
        xc_mset *m = NULL;
        ss_code rc = xc_enquire_get_mset(e, first, batch, CHECK_AT_LEAST, &m, err);
        if (rc != SS_OK)
            return rc;
        if (first == 0)
            *estimate = xc_mset_estimated(m);
        uint32_t size = xc_mset_size(m);
        for (uint32_t i = 0; rc == SS_OK && i < size; i++)
            rc = judge_hit(s, q, m, i, c, err);
        xc_mset_free(m);
        if (rc != SS_OK)
            return rc;
        first += size;
        if (size < batch) {
            *exhausted = 1;
            return SS_OK;
        }
        size_t have = collapsing ? c->distinct : c->n;
        if (have >= (size_t)want + SPREAD_SLACK || c->judged >= max_judged)
            return SS_OK;
        if (batch < 2000)
            batch *= 2;
    }
}

/* Higher score first; scores equal to 1e-9 (the same passage weighs the
 * same in one index or in shards, up to rounding) fall back to file and
 * offset, so the order does not depend on document ids. */
static int by_score(const void *a, const void *b)
{
    const cand *x = a, *y = b;
    double m = fabs(x->score) > fabs(y->score) ? fabs(x->score) : fabs(y->score);
    if (fabs(x->score - y->score) > 1e-9 * m)
        return x->score > y->score ? -1 : 1;
    int c = strcmp(x->rec.file ? x->rec.file : "", y->rec.file ? y->rec.file : "");
    if (c)
        return c;
    return x->rec.byte_start < y->rec.byte_start ? -1 : x->rec.byte_start > y->rec.byte_start;
}

const char *ss_facet_name(int k)
{
    static const char *const names[SS_FACETS] = { "region", "year", "kind" };
    return k >= 0 && k < SS_FACETS ? names[k] : "";
}

static ss_code count_value(ss_facet *f, const char *v, size_t len, ss_err *err)
{
    for (size_t i = 0; i < f->n; i++)
        if (strlen(f->v[i].value) == len && memcmp(f->v[i].value, v, len) == 0) {
            f->v[i].count++;
            return SS_OK;
        }
    ss_facet_value *nv = realloc(f->v, (f->n + 1) * sizeof *nv);
    if (!nv)
        return ss_seterr(err, SS_ENOMEM, "out of memory counting facets");
    f->v = nv;
    if (!(nv[f->n].value = strndup(v, len)))
        return ss_seterr(err, SS_ENOMEM, "out of memory counting facets");
    nv[f->n++].count = 1;
    return SS_OK;
}

static int by_count(const void *a, const void *b)
{
    const ss_facet_value *x = a, *y = b;
    if (x->count != y->count)
        return x->count > y->count ? -1 : 1;
    return strcmp(x->value, y->value);
}

/* Counts the accepted passages by their speech's region, year and kind. */
static ss_code count_facets(const cand *c, size_t n, ss_results *out, ss_err *err)
{
    ss_code rc = SS_OK;
    for (size_t i = 0; rc == SS_OK && i < n; i++) {
        const ss_record *r = &c[i].rec;
        if (r->region)
            rc = count_value(&out->facets[SS_FACET_REGION], r->region, strlen(r->region), err);
        if (rc == SS_OK && r->date && strlen(r->date) >= 4)
            rc = count_value(&out->facets[SS_FACET_YEAR], r->date, 4, err);
        if (rc == SS_OK && r->kind)
            rc = count_value(&out->facets[SS_FACET_KIND], r->kind, strlen(r->kind), err);
    }
    for (int k = 0; k < SS_FACETS; k++)
        if (out->facets[k].n > 1)
            qsort(out->facets[k].v, out->facets[k].n, sizeof *out->facets[k].v, by_count);
    out->has_facets = 1;
    return rc;
}

/* The gazetteer's text, read once: a cheap test whether a query word may
 * name a place before the gazetteer itself is opened. */
static const char *gazetteer_text(ss_searcher *s, size_t *len)
{
    if (!s->gaztext && !s->gaztext_missing) {
        char path[4096];
        snprintf(path, sizeof path, "%s/gazetteer.tsv",
                 s->datadir ? s->datadir : ss_default_datadir());
        FILE *f = fopen(path, "rb");
        strbuf sb = STRBUF_INIT;
        char buf[16384];
        size_t n;
        int bad = !f;
        while (!bad && (n = fread(buf, 1, sizeof buf, f)) > 0)
            bad = sb_add(&sb, buf, n) != 0;
        if (f)
            fclose(f);
        if (bad) {
            sb_free(&sb);
            s->gaztext_missing = 1;
        } else {
            s->gaztext_len = sb.len;
            s->gaztext = sb_detach(&sb, NULL);
        }
    }
    *len = s->gaztext_len;
    return s->gaztext;
}

/* Opens the gazetteer when the query needs it: a region: filter, or a
 * query word that names a place (its speeches are context, qcontext.c). */
static ss_code need_places(ss_searcher *s, ss_query *q, ss_err *err)
{
    size_t len = 0;
    const char *gaz = ss_query_needs_places(q) ? NULL : gazetteer_text(s, &len);
    if (!ss_query_needs_places(q) && !ss_query_may_name_place(q, gaz, len))
        return SS_OK;
    if (!s->gaz) {
        char path[4096];
        snprintf(path, sizeof path, "%s/gazetteer.tsv",
                 s->datadir ? s->datadir : ss_default_datadir());
        ss_code rc = ss_gaz_open(path, &s->gaz, err);
        if (rc != SS_OK)
            return rc;
    }
    ss_query_set_gazetteer(q, s->gaz);
    return SS_OK;
}

static ss_code run(ss_searcher *s, ss_query *q, const ss_search_opts *o, ss_results *out,
                   ss_err *err)
{
    xc_query *xq = NULL;
    xc_enquire *e = NULL;
    uint32_t count = o && o->count ? o->count : 10, offset = o ? o->offset : 0;
    int facets = o && o->facets;
    cands c = { 0 };
    uint32_t estimate = 0;
    int exhausted = 0;
    ss_code rc = need_places(s, q, err);
    if (rc == SS_OK)
        rc = ss_query_build(q, s->db, &xq, err);
    if (rc == SS_OK)
        rc = xc_enquire_new(s->db, &e, err);
    if (rc == SS_OK)
        rc = xc_enquire_set_query(e, xq, err);
    if (rc == SS_OK)
        rc = ss_query_configure(q, e, err);
    if (rc == SS_OK)
        rc = gather(s, q, e, facets ? UINT32_MAX / 4 : offset + count,
                    !(o && o->all_duplicates), facets ? MAX_JUDGED_FACETS : MAX_JUDGED, &c,
                    &estimate, &exhausted, err);
    if (rc == SS_OK) {
        if (c.n > 1)
            qsort(c.v, c.n, sizeof *c.v, by_score);
        if (!(o && o->all_duplicates)) {
            rc = collapse(c.v, c.n, err);
            c.n = compact_cands(c.v, c.n);
        }
        spread(c.v, c.n);
        if (rc == SS_OK && facets)
            rc = count_facets(c.v, c.n, out, err);
        out->total = exhausted ? (uint32_t)c.n
                     : c.judged ? (uint32_t)((double)estimate * c.n / c.judged) : 0;
        if (out->total < c.n)
            out->total = (uint32_t)c.n;
        size_t n = c.n > offset ? c.n - offset : 0;
        if (n > count)
            n = count;
        out->hits = calloc(n ? n : 1, sizeof *out->hits);
        if (!out->hits)
            rc = ss_seterr(err, SS_ENOMEM, "out of memory collecting hits");
        for (size_t i = 0; rc == SS_OK && i < n; i++) { /* move the records out */
            cand *h = &c.v[offset + i];
            out->hits[i] = (ss_hit){ offset + (uint32_t)i + 1, h->score, h->rec, h->hl, h->nhl,
                                     h->dups, h->ndups };
            memset(&h->rec, 0, sizeof h->rec);
            h->hl = NULL;
            h->dups = NULL;
            h->ndups = 0;
            out->n = i + 1;
            rc = hit_highlights(s, q, &out->hits[i], err);
        }
    }
    cands_free(&c);
    xc_enquire_free(e);
    xc_query_free(xq);
    return rc;
}

static ss_code search_opts(ss_searcher *s, const char *query, const ss_search_opts *opts,
                           int question, ss_results *out, ss_err *err);

ss_code ss_search(ss_searcher *s, const char *query, const ss_search_opts *opts,
                  ss_results *out, ss_err *err)
{
    return search_opts(s, query, opts, 0, out, err);
}

#define LIKE_WORDS 12 /* words that say what a passage is about */

/* The record of the passage of file at byte_start (or holding it). */
static ss_code find_passage(ss_searcher *s, const char *file, uint64_t byte_start,
                            ss_record *rec, ss_err *err)
{
    char term[SS_MAX_TERM + 1];
    ss_file_term(file, term);
    xc_query *xq = NULL;
    xc_enquire *e = NULL;
    xc_mset *m = NULL;
    int found = 0;
    ss_code rc = xc_query_term(term, strlen(term), 1, &xq, err);
    if (rc == SS_OK)
        rc = xc_enquire_new(s->db, &e, err);
    if (rc == SS_OK)
        rc = xc_enquire_set_query(e, xq, err);
    if (rc == SS_OK)
        rc = xc_enquire_get_mset(e, 0, UINT32_MAX / 2, 0, &m, err);
    for (uint32_t i = 0; rc == SS_OK && !found && i < xc_mset_size(m); i++) {
        char *data = NULL;
        size_t len = 0;
        rc = xc_mset_data(m, i, &data, &len, err);
        if (rc == SS_OK)
            rc = ss_record_decode(data, len, rec, err);
        free(data);
        if (rc == SS_OK && rec->byte_start <= byte_start && byte_start < rec->byte_end)
            found = 1;
        else if (rc == SS_OK)
            ss_record_free(rec);
    }
    xc_mset_free(m);
    xc_enquire_free(e);
    xc_query_free(xq);
    if (rc == SS_OK && !found)
        rc = ss_seterr(err, SS_ENOTFOUND, "no passage of %s at byte %llu in the index", file,
                       (unsigned long long)byte_start);
    return rc;
}

/* 1 when hit h is the passage p or holds it among its copies. */
static int is_source(const ss_hit *h, const ss_record *p)
{
    if (h->rec.file && strcmp(h->rec.file, p->file) == 0 && h->rec.byte_start == p->byte_start)
        return 1;
    for (size_t i = 0; i < h->ndups; i++)
        if (h->dups[i].file && strcmp(h->dups[i].file, p->file) == 0 &&
            h->dups[i].byte_start == p->byte_start)
            return 1;
    return 0;
}

ss_code ss_search_like(ss_searcher *s, const char *file, uint64_t byte_start,
                       const ss_search_opts *opts, ss_results *out, ss_err *err)
{
    ss_record rec = { 0 };
    strbuf words = STRBUF_INIT;
    memset(out, 0, sizeof *out);
    ss_code rc = find_passage(s, file, byte_start, &rec, err);
    const char *text = rec.simplified ? rec.simplified : rec.text ? rec.text : "";
    if (rc == SS_OK)
        rc = ss_like_words(s->db, s->ac, text, strlen(text), LIKE_WORDS, &words, err);
    if (rc == SS_OK && !words.len)
        rc = ss_seterr(err, SS_EINVAL, "the passage of %s at byte %llu has no words to look for",
                       file, (unsigned long long)byte_start);
    ss_search_opts o = opts ? *opts : (ss_search_opts){ .count = 10 };
    if (!o.count)
        o.count = 10;
    o.count++; /* the passage itself comes back and is left out */
    if (rc == SS_OK)
        rc = search_opts(s, words.buf, &o, 1, out, err);
    if (rc == SS_OK) {
        size_t k = 0;
        for (size_t i = 0; i < out->n; i++) {
            ss_hit *h = &out->hits[i];
            if (is_source(h, &rec) || k == o.count - 1) {
                ss_record_free(&h->rec);
                free(h->hl);
                places_free(h->dups, h->ndups);
                continue;
            }
            out->hits[k] = *h;
            out->hits[k].rank = o.offset + (uint32_t)k + 1;
            k++;
        }
        out->n = k;
        if (out->total)
            out->total--;
    }
    ss_record_free(&rec);
    sb_free(&words);
    return rc;
}

static ss_code search_attempt(ss_searcher *s, const char *query, const ss_search_opts *opts,
                              int question, ss_results *out, ss_err *err);

/* Xapian's pattern for readers of a database being updated: when the
 * revision being read was replaced (DatabaseModifiedError), reopen at the
 * latest revision and run the query again. */
#define MAX_RETRIES 10

static ss_code search_opts(ss_searcher *s, const char *query, const ss_search_opts *opts,
                           int question, ss_results *out, ss_err *err)
{
    size_t len = strlen(query);
    if (len > SS_MAX_QUERY_BYTES) {
        memset(out, 0, sizeof *out);
        return ss_seterr(err, SS_EINVAL, "the query is %zu bytes long; the longest is %d",
                         len, SS_MAX_QUERY_BYTES);
    }
    ss_code rc = search_attempt(s, query, opts, question, out, err);
    for (int tries = 0; rc == SS_EMODIFIED && tries < MAX_RETRIES; tries++) {
        rc = xc_db_reopen(s->db, err);
        if (rc == SS_OK)
            rc = search_attempt(s, query, opts, question, out, err);
    }
    return rc;
}

static ss_code search_attempt(ss_searcher *s, const char *query, const ss_search_opts *opts,
                              int question, ss_results *out, ss_err *err)
{
    memset(out, 0, sizeof *out);
    ss_query *q = NULL;
    ss_query_opts qo = { opts && opts->exact, NULL, question };
    ss_code rc = SS_OK;
    if (!qo.exact && !s->syn) {
        char path[4096];
        snprintf(path, sizeof path, "%s/synonyms.rules",
                 s->datadir ? s->datadir : ss_default_datadir());
        rc = ss_syn_load(path, &s->syn, err);
    }
    qo.syn = s->syn;
    if (rc == SS_OK)
        rc = ss_query_parse_opts(s->ac, query, &qo, &q, err);
    if (rc != SS_OK)
        return rc;
    out->natural = ss_query_is_natural(q);
    out->understood = strdup(ss_query_understood(q));
    if (!out->understood)
        rc = ss_seterr(err, SS_ENOMEM, "out of memory");
    else if (!ss_query_is_empty(q))
        rc = run(s, q, opts, out, err);
    ss_query_free(q);
    if (rc != SS_OK)
        ss_results_free(out);
    return rc;
}

/* path relative to dir when it lies under it. */
static void relative_to(char *p, const char *dir, size_t n)
{
    if (!p || n == 0 || strncmp(p, dir, n) != 0 || p[n] != '/' || (n == 1 && dir[0] == '/'))
        return;
    memmove(p, p + n + 1, strlen(p + n + 1) + 1);
}

void ss_results_relative(ss_results *r, const char *dir)
{
    size_t n = dir ? strlen(dir) : 0;
    while (n > 1 && dir[n - 1] == '/')
        n--;
    for (size_t i = 0; i < r->n; i++) {
        relative_to(r->hits[i].rec.file, dir, n);
        for (size_t k = 0; k < r->hits[i].ndups; k++)
            relative_to(r->hits[i].dups[k].file, dir, n);
    }
}
