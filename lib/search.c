/* search.c: query -> ranked passages (see search.h). */
#include "search.h"

#include <stdlib.h>
#include <string.h>

#include "analyze.h"
#include "xapian_c.h"

#define CHECK_AT_LEAST 100

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
    ss_code rc = xc_mset_weight(m, i, &h->score, err);
    if (rc == SS_OK)
        rc = xc_mset_data(m, i, &data, &len, err);
    if (rc == SS_OK)
        rc = ss_record_decode(data, len, &h->rec, err);
    free(data);
    if (rc == SS_OK && h->rec.text)
        rc = ss_query_highlights(q, s->ac, h->rec.text, strlen(h->rec.text), &h->hl, &h->nhl,
                                 err);
    return rc;
}

static ss_code run(ss_searcher *s, ss_query *q, const ss_search_opts *o, ss_results *out,
                   ss_err *err)
{
    xc_query *xq = NULL;
    xc_enquire *e = NULL;
    xc_mset *m = NULL;
    uint32_t count = o && o->count ? o->count : 10, offset = o ? o->offset : 0;
    ss_code rc = ss_query_build(q, s->db, &xq, err);
    if (rc == SS_OK)
        rc = xc_enquire_new(s->db, &e, err);
    if (rc == SS_OK)
        rc = xc_enquire_set_query(e, xq, err);
    if (rc == SS_OK)
        rc = xc_enquire_get_mset(e, offset, count, CHECK_AT_LEAST, &m, err);
    if (rc == SS_OK) {
        out->total = xc_mset_estimated(m);
        uint32_t n = xc_mset_size(m);
        out->hits = calloc(n ? n : 1, sizeof *out->hits);
        if (!out->hits)
            rc = ss_seterr(err, SS_ENOMEM, "out of memory collecting hits");
        for (uint32_t i = 0; rc == SS_OK && i < n; i++) {
            out->hits[i].rank = offset + i + 1;
            rc = fill_hit(s, q, m, i, &out->hits[i], err);
            out->n = i + 1;
        }
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
