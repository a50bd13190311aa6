/* search.c: query -> ranked passages (see search.h). */
#include "search.h"

#include <stdlib.h>
#include <string.h>

#include "analyze.h"
#include "terms.h"
#include "xapian_c.h"

#define CHECK_AT_LEAST 100
/* Ranking spreads hits over places: a passage standing right next to
 * (within SPREAD_GAP bytes of) a better one already ranked, in the same
 * file, is worth SPREAD_PENALTY of its score, so the first page shows
 * different places (a section heading and the paragraph under it, or two
 * windows of one paragraph, are one place to a reader). */
#define SPREAD_GAP 50
#define SPREAD_PENALTY 0.6
#define DEPTH_FACTOR 3

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

static ss_code fill_hit(ss_searcher *s, const ss_query *q, const xc_mset *m, uint32_t i,
                        ss_hit *h, ss_err *err)
{
    char *data = NULL;
    size_t len = 0;
    ss_code rc = xc_mset_data(m, i, &data, &len, err);
    if (rc == SS_OK)
        rc = ss_record_decode(data, len, &h->rec, err);
    free(data);
    if (rc == SS_OK && h->rec.text)
        rc = ss_query_highlights(q, s->ac, h->rec.text, strlen(h->rec.text), &h->hl, &h->nhl,
                                 err);
    return rc;
}

typedef struct {
    uint32_t idx;         /* index in the mset */
    double score;
    uint64_t file, bs, be;
    int has_place;
} cand;

static int near_place(const cand *a, const cand *b)
{
    if (!a->has_place || !b->has_place || a->file != b->file)
        return 0;
    uint64_t lo = a->bs > b->bs ? a->bs : b->bs, hi = a->be < b->be ? a->be : b->be;
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

static ss_code candidates(const xc_mset *m, cand **out, size_t *n, ss_err *err)
{
    uint32_t size = xc_mset_size(m);
    cand *c = calloc(size ? size : 1, sizeof *c);
    if (!c)
        return ss_seterr(err, SS_ENOMEM, "out of memory ranking");
    for (uint32_t i = 0; i < size; i++) {
        char *v = NULL;
        size_t len = 0;
        c[i].idx = i;
        ss_code rc = xc_mset_weight(m, i, &c[i].score, err);
        if (rc == SS_OK)
            rc = xc_mset_value(m, i, SS_SLOT_PLACE, &v, &len, err);
        if (rc != SS_OK) {
            free(c);
            return rc;
        }
        c[i].has_place = ss_place_decode(v, len, &c[i].file, &c[i].bs, &c[i].be) == 0;
        free(v);
    }
    spread(c, size);
    *out = c;
    *n = size;
    return SS_OK;
}

static ss_code collect(ss_searcher *s, const ss_query *q, const xc_mset *m, uint32_t offset,
                       uint32_t count, ss_results *out, ss_err *err)
{
    cand *c = NULL;
    size_t nc = 0;
    ss_code rc = candidates(m, &c, &nc, err);
    if (rc != SS_OK)
        return rc;
    size_t n = nc > offset ? nc - offset : 0;
    if (n > count)
        n = count;
    out->hits = calloc(n ? n : 1, sizeof *out->hits);
    if (!out->hits)
        rc = ss_seterr(err, SS_ENOMEM, "out of memory collecting hits");
    for (size_t i = 0; rc == SS_OK && i < n; i++) {
        ss_hit *h = &out->hits[i];
        h->rank = offset + (uint32_t)i + 1;
        rc = fill_hit(s, q, m, c[offset + i].idx, h, err);
        h->score = c[offset + i].score;
        out->n = i + 1;
    }
    free(c);
    return rc;
}

static ss_code run(ss_searcher *s, ss_query *q, const ss_search_opts *o, ss_results *out,
                   ss_err *err)
{
    xc_query *xq = NULL;
    xc_enquire *e = NULL;
    xc_mset *m = NULL;
    uint32_t count = o && o->count ? o->count : 10, offset = o ? o->offset : 0;
    uint32_t depth = (offset + count) * DEPTH_FACTOR;
    ss_code rc = ss_query_build(q, s->db, &xq, err);
    if (rc == SS_OK)
        rc = xc_enquire_new(s->db, &e, err);
    if (rc == SS_OK)
        rc = xc_enquire_set_query(e, xq, err);
    if (rc == SS_OK)
        rc = xc_enquire_get_mset(e, 0, depth, CHECK_AT_LEAST, &m, err);
    if (rc == SS_OK) {
        out->total = xc_mset_estimated(m);
        rc = collect(s, q, m, offset, count, out, err);
    }
    xc_mset_free(m);
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
