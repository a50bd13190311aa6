/* search.c: query -> ranked passages (see search.h). */
#include "search.h"

#include <stdlib.h>
#include <string.h>

#include "analyze.h"
#include "xapian_c.h"

#define CHECK_AT_LEAST 100
/* Ranking spreads hits over places: a passage standing right next to
 * (within SPREAD_GAP bytes of) a better one already ranked, in the same
 * file, is worth SPREAD_PENALTY of its score, so the first page shows
 * different places (a section heading and the paragraph under it, or two
 * windows of one paragraph, are one place to a reader). */
#define SPREAD_GAP 50
#define SPREAD_PENALTY 0.6
/* Xapian proposes candidates (bag of bigrams and words, BM25); the ranker
 * judges each from its text.  The first batch is DEPTH_FACTOR times the
 * hits wanted (at least MIN_BATCH); more come while fewer than wanted +
 * SPREAD_SLACK were accepted, up to MAX_JUDGED. */
#define DEPTH_FACTOR 3
#define MIN_BATCH 30
#define SPREAD_SLACK 10
#define MAX_JUDGED 5000

struct ss_searcher {
    xc_db *db;
    ss_analyzer *an;
    ss_actx *ac;
};

ss_code ss_searcher_open(const char *const *dbs, size_t n, const char *datadir,
                         ss_searcher **out, ss_err *err)
{
    if (n == 0)
        return ss_seterr(err, SS_EINVAL, "no database given");
    ss_searcher *s = calloc(1, sizeof *s);
    if (!s)
        return ss_seterr(err, SS_ENOMEM, "out of memory opening searcher");
    ss_code rc = xc_db_open(dbs[0], &s->db, err);
    for (size_t i = 1; rc == SS_OK && i < n; i++)
        rc = xc_db_add(s->db, dbs[i], err);
    if (rc == SS_OK)
        rc = ss_analyzer_open(datadir, &s->an, err);
    if (rc == SS_OK && !(s->ac = ss_actx_new(s->an)))
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
    xc_db_close(s->db);
    free(s);
}

void ss_results_free(ss_results *r)
{
    for (size_t i = 0; i < r->n; i++) {
        ss_record_free(&r->hits[i].rec);
        free(r->hits[i].hl);
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
} cand;

typedef struct {
    cand *v;
    size_t n, cap;
    size_t judged;
} cands;

static void cands_free(cands *c)
{
    for (size_t i = 0; i < c->n; i++) {
        ss_record_free(&c->v[i].rec);
        free(c->v[i].hl);
    }
    free(c->v);
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
    const char *text = h->rec.text ? h->rec.text : "";
    if (rc == SS_OK)
        rc = ss_analyze_atoms(s->ac, text, strlen(text), &an, err);
    if (rc == SS_OK)
        rc = ss_query_judge(q, &an, &factor, &h->hl, &h->nhl, err);
    c->judged++;
    if (rc != SS_OK || factor <= 0) {
        ss_record_free(&h->rec);
        free(h->hl);
        return rc;
    }
    h->score = w * factor;
    c->n++;
    return SS_OK;
}

static int near_place(const cand *a, const cand *b)
{
    if (!a->rec.file || !b->rec.file || strcmp(a->rec.file, b->rec.file) != 0)
        return 0;
    uint64_t lo = a->rec.byte_start > b->rec.byte_start ? a->rec.byte_start : b->rec.byte_start;
    uint64_t hi = a->rec.byte_end < b->rec.byte_end ? a->rec.byte_end : b->rec.byte_end;
    return lo < hi + SPREAD_GAP;
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
            if (sc > best_score) {
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

/* Asks Xapian for candidates in batches and judges them until enough are
 * accepted (or MAX_JUDGED were looked at, or none are left). */
static ss_code gather(ss_searcher *s, const ss_query *q, xc_enquire *e, uint32_t want,
                      cands *c, uint32_t *estimate, int *exhausted, ss_err *err)
{
    uint32_t batch = want * DEPTH_FACTOR < MIN_BATCH ? MIN_BATCH : want * DEPTH_FACTOR;
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
        if (c->n >= (size_t)want + SPREAD_SLACK || c->judged >= MAX_JUDGED)
            return SS_OK;
        batch *= 2;
    }
}

static int by_score(const void *a, const void *b)
{
    const cand *x = a, *y = b;
    return x->score > y->score ? -1 : x->score < y->score ? 1 : 0;
}

static ss_code run(ss_searcher *s, ss_query *q, const ss_search_opts *o, ss_results *out,
                   ss_err *err)
{
    xc_query *xq = NULL;
    xc_enquire *e = NULL;
    uint32_t count = o && o->count ? o->count : 10, offset = o ? o->offset : 0;
    cands c = { 0 };
    uint32_t estimate = 0;
    int exhausted = 0;
    ss_code rc = ss_query_build(q, s->db, &xq, err);
    if (rc == SS_OK)
        rc = xc_enquire_new(s->db, &e, err);
    if (rc == SS_OK)
        rc = xc_enquire_set_query(e, xq, err);
    if (rc == SS_OK)
        rc = gather(s, q, e, offset + count, &c, &estimate, &exhausted, err);
    if (rc == SS_OK) {
        if (c.n > 1)
            qsort(c.v, c.n, sizeof *c.v, by_score);
        spread(c.v, c.n);
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
            out->hits[i] = (ss_hit){ offset + (uint32_t)i + 1, h->score, h->rec, h->hl, h->nhl };
            memset(&h->rec, 0, sizeof h->rec);
            h->hl = NULL;
            out->n = i + 1;
        }
    }
    cands_free(&c);
    xc_enquire_free(e);
    xc_query_free(xq);
    return rc;
}

ss_code ss_search(ss_searcher *s, const char *query, const ss_search_opts *opts,
                  ss_results *out, ss_err *err)
{
    memset(out, 0, sizeof *out);
    ss_query *q = NULL;
    ss_code rc = ss_query_parse(s->ac, query, &q, err);
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
