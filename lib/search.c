/* search.c: query -> ranked passages (see search.h): opening indexes,
 * running a query with its retries, paths relative to a folder.  The
 * query itself is driven by search_run.c (search_int.h: the parts). */
#include "search_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "datadir.h"
#include "terms.h"

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
    if (rc != SS_OK && err && strstr(err->msg, "NetworkTimeoutError")) {
        char msg[sizeof err->msg];
        snprintf(msg, sizeof msg, "%s", err->msg);
        rc = ss_seterr(err, rc, "%s (a remote shard did not answer within %g s)", msg,
                       timeout_ms / 1000.0);
    }
    if (rc == SS_OK) { /* shards written together: the first one's format */
        char *v = NULL;
        size_t len = 0;
        rc = xc_db_get_metadata(s->db, SS_META_FORMAT, &v, &len, err);
        if (rc == SS_OK)
            rc = ss_index_format_check(dbs[0], v, len, err);
        free(v);
    }
    if (rc == SS_OK)
        rc = ss_rjoin_new(&s->join, err);
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
    ss_rjoin_free(s->join);
    free(s->datadir);
    free(s);
}

void ss_results_free(ss_results *r)
{
    for (size_t i = 0; i < r->n; i++) {
        ss_record_free(&r->hits[i].rec);
        free(r->hits[i].hl);
        ss_places_free(r->hits[i].dups, r->hits[i].ndups);
        free(r->hits[i].missing);
    }
    for (int k = 0; k < SS_FACETS; k++)
        ss_facet_free(&r->facets[k]);
    free(r->hits);
    free(r->understood);
    memset(r, 0, sizeof *r);
}

size_t ss_results_partial(const ss_results *r)
{
    size_t n = 0;
    for (size_t i = 0; i < r->n; i++)
        n += r->hits[i].partial != 0;
    return n;
}

void ss_places_free(ss_place *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(p[i].file);
    free(p);
}

ss_code ss_search(ss_searcher *s, const char *query, const ss_search_opts *opts,
                  ss_results *out, ss_err *err)
{
    return ss_search_text(s, query, opts, 0, out, err);
}

static ss_code search_attempt(ss_searcher *s, const char *query, const ss_search_opts *opts,
                              int question, ss_results *out, ss_err *err);

/* Xapian's pattern for readers of a database being updated: when the
 * revision being read was replaced (DatabaseModifiedError), reopen at the
 * latest revision and run the query again.  A long query (facets, all hits)
 * can see two commits again and again while an indexer commits often, so
 * each retry waits a little longer first: 1, 2, 4 … RETRY_MAX_MS ms. */
#define MAX_RETRIES 12
#define RETRY_MAX_MS 256

static void retry_pause(int tries)
{
    long ms = 1L << (tries < 8 ? tries : 8);
    if (ms > RETRY_MAX_MS)
        ms = RETRY_MAX_MS;
    struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };
    nanosleep(&ts, NULL);
}

ss_code ss_search_text(ss_searcher *s, const char *query, const ss_search_opts *opts,
                       int question, ss_results *out, ss_err *err)
{
    size_t len = strlen(query);
    if (len > SS_MAX_QUERY_BYTES) {
        memset(out, 0, sizeof *out);
        return ss_seterr(err, SS_EINVAL, "the query is %zu bytes long; the longest is %d",
                         len, SS_MAX_QUERY_BYTES);
    }
    ss_code rc = search_attempt(s, query, opts, question, out, err);
    /* SS_ENOTFOUND: a segment removed under this reader (the index's stub
     * was replaced): reopening reads the new stub */
    for (int tries = 0;
         (rc == SS_EMODIFIED || (rc == SS_ENOTFOUND && !s->data_missing)) && tries < MAX_RETRIES;
         tries++) {
        retry_pause(tries);
        ss_rjoin_clear(s->join); /* the speeches read belong to the old revision */
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
    s->data_missing = 0;
    ss_query *q = NULL;
    ss_query_opts qo = { opts && opts->exact, NULL, question, 0 };
    ss_code rc = SS_OK;
    if (!qo.exact && !s->syn) {
        char path[4096];
        snprintf(path, sizeof path, "%s/synonyms.rules",
                 s->datadir ? s->datadir : ss_datadir());
        rc = ss_syn_load(path, &s->syn, err);
        s->data_missing = rc == SS_ENOTFOUND;
    }
    qo.syn = s->syn;
    if (rc == SS_OK)
        rc = ss_query_parse_opts(s->ac, query, &qo, &q, err);
    if (rc != SS_OK)
        return rc;
    out->natural = ss_query_is_natural(q);
    if (!ss_query_is_empty(q))
        rc = ss_search_run(s, q, query, &qo, opts, out, err);
    /* as understood once run: the gazetteer may split a word (许昌高铁站) */
    if (rc == SS_OK && !(out->understood = strdup(ss_query_understood(q))))
        rc = ss_seterr(err, SS_ENOMEM, "out of memory");
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

void ss_hit_relative(ss_hit *h, const char *dir)
{
    size_t n = dir ? strlen(dir) : 0;
    while (n > 1 && dir[n - 1] == '/')
        n--;
    relative_to(h->rec.file, dir, n);
    for (size_t k = 0; k < h->ndups; k++)
        relative_to(h->dups[k].file, dir, n);
}

void ss_results_relative(ss_results *r, const char *dir)
{
    for (size_t i = 0; i < r->n; i++)
        ss_hit_relative(&r->hits[i], dir);
}

void ss_searcher_set_time_limit(ss_searcher *s, double seconds)
{
    s->time_limit = seconds > 0 ? seconds : 0;
}

ss_code ss_searcher_record(ss_searcher *s, uint32_t id, const char *data, size_t len,
                           ss_record *r, ss_err *err)
{
    return ss_rjoin_record(s->join, s->db, id, data, len, r, err);
}

xc_db *ss_searcher_db(ss_searcher *s)
{
    return s->db;
}

ss_actx *ss_searcher_actx(ss_searcher *s)
{
    return s->ac;
}
