/* search_walk.c: the walk down Xapian's ranking in blocks: judging candidates,
 * folding copies, spreading over places, streaming (see search_int.h). */
#include "search_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base.h"
#include "terms.h"

/* Xapian counts at least this many matches before estimating their number
 * (on the first batch; the estimate of later ones is not used). */
#define CHECK_AT_LEAST 1000

static void cand_free(cand *h)
{
    ss_record_free(&h->rec);
    free(h->hl);
    h->hl = NULL;
    ss_places_free(h->dups, h->ndups);
    h->dups = NULL;
    h->ndups = 0;
}

/* A heading's factor for the query, kept by its text. */
struct head_factor {
    char *text;
    double factor;
};

void ss_walk_free(walk *w)
{
    for (size_t i = 0; i < w->nhead_f; i++)
        free(w->head_f[i].text);
    free(w->head_f);
    ss_htab_free(&w->heads);
    for (size_t i = 0; i < w->n; i++)
        cand_free(&w->v[i]);
    free(w->v);
    free(w->head);
    ss_dedup_free(w->dedup);
    ss_spread_free(w->spread);
    ss_lines_free(w->lines);
    xc_mset_free(w->m);
}

/* Records the cluster of a new hit h (copies fold unless all_duplicates). */
static ss_code place_in_cluster(walk *w, cand *h, const ss_analysis *an, int all_duplicates,
                                int *is_new, ss_err *err)
{
    h->file_id = ss_path_hash(h->rec.file ? h->rec.file : "");
    if (all_duplicates) {
        h->cluster = (uint32_t)w->n;
        *is_new = 1;
    } else {
        ss_sketch sk;
        ss_sketch_make(an, &sk);
        ss_code rc = ss_dedup_add(w->dedup, &sk, h->file_id, &h->cluster, is_new, err);
        if (rc != SS_OK)
            return rc;
    }
    if (h->cluster >= w->nhead) {
        size_t old = w->nhead;
        if (SS_GROW(w->head, (size_t)h->cluster + 1, w->nhead, 256))
            return ss_seterr(err, SS_ENOMEM, "out of memory ranking");
        for (size_t i = old; i < w->nhead; i++)
            w->head[i] = NO_HEAD;
    }
    return SS_OK;
}

/* *factor of heading h for q: ss_query_heading_factor of its analysis,
 * found once a heading text (uses s->ac). */
static ss_code heading_factor(ss_searcher *s, const ss_query *q, walk *w, const char *h,
                              double *factor, ss_err *err)
{
    size_t len = strlen(h), pos = 0;
    uint64_t hash = ss_fnv1a64(h, len, SS_FNV64_SEED) * 0x9e3779b97f4a7c15ull;
    hash ^= hash >> 32; /* the table indexes by the low bits: FNV's are weak */
    uint32_t at;
    while (ss_htab_next(&w->heads, hash, &pos, &at))
        if (strcmp(w->head_f[at].text, h) == 0) {
            *factor = w->head_f[at].factor;
            return SS_OK;
        }
    ss_analysis an;
    ss_actx_set_t2s(s->ac, 0);
    ss_code rc = ss_analyze_atoms(s->ac, h, len, &an, err);
    ss_actx_set_t2s(s->ac, 1);
    if (rc == SS_OK)
        rc = ss_query_heading_factor(q, &an, factor, err);
    if (rc != SS_OK)
        return rc;
    char *text = malloc(len + 1);
    if (!text || SS_GROW(w->head_f, w->nhead_f + 1, w->head_fcap, 64) ||
        ss_htab_reserve(&w->heads, 64)) {
        free(text);
        return ss_seterr(err, SS_ENOMEM, "out of memory ranking");
    }
    memcpy(text, h, len + 1);
    ss_htab_add(&w->heads, hash, (uint32_t)w->nhead_f);
    w->head_f[w->nhead_f++] = (struct head_factor){ text, *factor };
    return SS_OK;
}

/* Judges hit i of m; appends it to w when the ranker accepts it.  *is_new
 * is 1 when it is no copy of a passage accepted before. */
static ss_code judge_hit(ss_searcher *s, const ss_query *q, const xc_mset *m, uint32_t i,
                         int all_duplicates, walk *w, int *is_new, ss_err *err)
{
    *is_new = 0;
    if (SS_GROW(w->v, w->n + 1, w->cap, 64))
        return ss_seterr(err, SS_ENOMEM, "out of memory ranking");
    cand *h = &w->v[w->n];
    memset(h, 0, sizeof *h);
    char *data = NULL;
    size_t len = 0;
    double wt = 0, factor = 0;
    xc_docid id = 0;
    ss_analysis an;
    ss_code rc = xc_mset_weight(m, i, &wt, err);
    if (rc == SS_OK)
        rc = xc_mset_data(m, i, &data, &len, err);
    if (rc == SS_OK)
        rc = xc_mset_docid(m, i, &id, err);
    if (rc == SS_OK)
        rc = ss_rjoin_record(s->join, s->db, id, data, len, &h->rec, err);
    free(data);
    if (rc == SS_OK)
        rc = ss_judge_record(s, q, &h->rec, &an, &factor, w->hl_early ? &h->hl : NULL,
                             &h->nhl, err);
    if (rc == SS_OK && factor > 0)
        rc = place_in_cluster(w, h, &an, all_duplicates, is_new, err);
    if (rc == SS_OK && factor > 0 && h->rec.heading) { /* after the sketch: reuses s->ac */
        double hf = 1.0;
        rc = heading_factor(s, q, w, h->rec.heading, &hf, err);
        factor *= hf;
    }
    if (rc != SS_OK || factor <= 0) {
        cand_free(h);
        return rc;
    }
    h->score = wt * factor;
    h->docid = id;
#ifdef SS_TUNE /* the tuning build explains each score (tools/, lib/tune.h) */
    if (getenv("SS_EXPLAIN"))
        fprintf(stderr, "E %s %u %.4f %.4f\n", h->rec.file ? h->rec.file : "",
                (unsigned)h->rec.byte_start, wt, factor);
#endif
    w->n++;
    return SS_OK;
}

int ss_cmp_hits(double sa, const ss_record *a, double sb, const ss_record *b)
{
    double m = fabs(sa) > fabs(sb) ? fabs(sa) : fabs(sb);
    if (fabs(sa - sb) > 1e-9 * m)
        return sa > sb ? -1 : 1;
    int c = strcmp(a->file ? a->file : "", b->file ? b->file : "");
    if (c)
        return c;
    return a->byte_start < b->byte_start ? -1 : a->byte_start > b->byte_start;
}

static int by_score(const void *a, const void *b)
{
    const cand *x = a, *y = b;
    return ss_cmp_hits(x->score, &x->rec, y->score, &y->rec);
}

/* Counts a shown passage by its speech's region, year and kind. */
static ss_code count_facets(const ss_record *r, ss_results *out, ss_err *err)
{
    ss_code rc = SS_OK;
    if (r->region)
        rc = ss_facet_count(&out->facets[SS_FACET_REGION], r->region, strlen(r->region), err);
    if (rc == SS_OK && r->date && strlen(r->date) >= 4)
        rc = ss_facet_count(&out->facets[SS_FACET_YEAR], r->date, 4, err);
    if (rc == SS_OK && r->kind)
        rc = ss_facet_count(&out->facets[SS_FACET_KIND], r->kind, strlen(r->kind), err);
    return rc;
}

ss_code ss_add_copy_place(ss_place **v, size_t *n, ss_record *r, ss_err *err)
{
    ss_place *p = realloc(*v, (*n + 1) * sizeof *p);
    if (!p)
        return ss_seterr(err, SS_ENOMEM, "out of memory collapsing copies");
    *v = p;
    p[(*n)++] = (ss_place){ r->file, r->byte_start, r->byte_end, r->line };
    r->file = NULL; /* now owned by the place */
    return SS_OK;
}

/* Folds copy c into the shown hit h ("also in"). */
static ss_code fold(cand *h, cand *c, ss_err *err)
{
    if (h->rec.file) { /* h still to be shown */
        ss_code rc = ss_add_copy_place(&h->dups, &h->ndups, &c->rec, err);
        if (rc != SS_OK)
            return rc;
    }
    c->dup = 1;
    cand_free(c);
    return SS_OK;
}

/* Fills the line numbers of hit h and of its copies. */
ss_code ss_hit_locate(ss_lines *lines, ss_hit *h, ss_err *err)
{
    ss_code rc = SS_OK;
    h->line = h->rec.line; /* recorded by the indexer; else read from the file */
    if (!h->line)
        rc = ss_lines_at(lines, h->rec.file, h->rec.byte_start, &h->line, err);
    for (size_t d = 0; rc == SS_OK && d < h->ndups; d++)
        if (!h->dups[d].line)
            rc = ss_lines_at(lines, h->dups[d].file, h->dups[d].byte_start, &h->dups[d].line, err);
    return rc;
}

/* Streams candidate c, ranked rank (from 0), to the caller's function. */
static ss_code hand_over(walk *w, cand *c, size_t rank, ss_err *err)
{
    ss_hit h = { (uint32_t)(rank + 1), c->score, c->rec, 0, c->hl, c->nhl, c->dups, c->ndups, 0,
                 NULL, 0 };
    int judged_hl = c->hl != NULL; /* taken when judging (hl_early) */
    c->hl = NULL;
    c->nhl = 0;
    ss_code rc = ss_hit_locate(w->lines, &h, err);
    if (rc == SS_OK && !judged_hl)
        rc = ss_hit_highlights(w->s, w->q, &h, err);
    if (rc == SS_OK)
        rc = w->each(w->each_arg, &h, err);
    free(h.hl);
    return rc;
}

/* Orders the block v[block_start, n): by score, copies folded into the best
 * of them (or into a hit of an earlier block), spread over places.  Hits
 * outside [keep_from, keep_to) of the whole ranking lose their records. */
static ss_code close_block(walk *w, size_t keep_from, size_t keep_to, ss_results *out,
                           int facets, ss_err *err)
{
    cand *b = w->v + w->block_start;
    size_t n = w->n - w->block_start, k = 0;
    if (n > 1)
        qsort(b, n, sizeof *b, by_score);
    ss_code rc = SS_OK;
    for (size_t i = 0; rc == SS_OK && i < n; i++) {
        uint32_t hd = w->head[b[i].cluster];
        if (hd != NO_HEAD) {
            rc = fold(&w->v[hd], &b[i], err);
            continue;
        }
        w->head[b[i].cluster] = (uint32_t)(w->block_start + k); /* its place once compacted */
        b[k++] = b[i];
    }
    ss_spread_item *it = malloc((k ? k : 1) * sizeof *it);
    cand *tmp = malloc((k ? k : 1) * sizeof *tmp);
    if (rc == SS_OK && (!it || !tmp))
        rc = ss_seterr(err, SS_ENOMEM, "out of memory ordering hits");
    for (size_t i = 0; rc == SS_OK && i < k; i++)
        it[i] = (ss_spread_item){ b[i].score,          b[i].file_id,        b[i].rec.speech,
                                   b[i].rec.para,       b[i].rec.text_start, b[i].rec.text_end,
                                   (uint32_t)i };
    if (rc == SS_OK)
        rc = ss_spread_order(w->spread, it, k, err);
    if (rc == SS_OK && k) {
        memcpy(tmp, b, k * sizeof *tmp);
        for (size_t i = 0; i < k; i++) {
            b[i] = tmp[it[i].idx];
            b[i].score = it[i].score;
            w->head[b[i].cluster] = (uint32_t)(w->block_start + i);
        }
    }
    free(it);
    free(tmp);
    for (size_t i = 0; rc == SS_OK && i < k; i++) {
        size_t rank = w->block_start + i;
        if (facets)
            rc = count_facets(&b[i].rec, out, err);
        if (rc == SS_OK && w->each && rank >= keep_from && rank < keep_to) {
            rc = hand_over(w, &b[i], rank, err);
            out->streamed++;
        }
        if (rank < keep_from || rank >= keep_to || w->each)
            cand_free(&b[i]); /* not shown, or shown already: only its place and cluster stay */
    }
    if (rc != SS_OK) { /* the block is dropped whole */
        for (size_t i = 0; i < k; i++)
            cand_free(&b[i]);
        k = 0;
    }
    w->n = w->ranked = w->block_start + k;
    w->block_start = w->n;
    w->blocks++;
    return rc;
}

/* Weights equal to 1e-9 (as ss_cmp_hits: one passage weighs the same in
 * one index or in shards, up to rounding). */
static int same_weight(double a, double b)
{
    double m = fabs(a) > fabs(b) ? fabs(a) : fabs(b);
    return fabs(a - b) <= 1e-9 * m;
}

/* Makes w->m hold the next candidate to judge (w->mpos < w->msize), asking
 * Xapian for the candidates up to the next checkpoint and one beyond (the
 * one a block's end looks at), or inside a run of equal weights for
 * batches from FIRST_BATCH doubling, up to the block's bound; *none 1 when
 * Xapian has no more. */
static ss_code next_candidate(xc_enquire *e, walk *w, int *none, ss_err *err)
{
    *none = 0;
    if (w->m && w->mpos < w->msize)
        return SS_OK;
    if (w->xdone) {
        *none = 1;
        return SS_OK;
    }
    uint32_t max = w->checkpoint + 1 - w->fetched;
    /* Each call makes Xapian rank its first fetched + max matches again:
     * asking for at least three times as many as fetched so far (the
     * total at least quadruples) keeps the calls logarithmic and their work
     * linear in the candidates judged. */
    if (max < 3 * w->fetched)
        max = 3 * w->fetched;
    if (w->checkpoint < w->fetched) { /* in a run of ties, up to the block's bound */
        max = w->tie_end - w->fetched < w->tie_fetch ? w->tie_end - w->fetched : w->tie_fetch;
        if (w->tie_fetch < MAX_BATCH)
            w->tie_fetch *= 2;
    }
    xc_mset_free(w->m);
    w->m = NULL;
    w->mpos = w->msize = 0;
    ss_code rc = xc_enquire_get_mset(e, w->fetched, max, w->fetched ? 0 : CHECK_AT_LEAST, &w->m,
                                     err);
    if (rc != SS_OK)
        return rc;
    if (w->fetched == 0)
        w->estimate = xc_mset_estimated(w->m);
    w->msize = xc_mset_size(w->m);
    w->xdone = w->msize < max;
    w->fetched += w->msize;
    *none = w->msize == 0;
    return SS_OK;
}

/* Judges candidates into the block being ranked, in Xapian's order.  At
 * each checkpoint (FIRST_BATCH candidates, then batches doubling up to
 * MAX_BATCH) the block may end: when it holds `target` new distinct
 * passages (all of them in block 0 of a query with at most EXACT_BELOW
 * matches).  It then still takes the candidates that weigh the same as the
 * last one taken, so that it never splits a run of equal weights: Xapian
 * orders those by document id, which differs between the layouts of one
 * index (one database, segments, remote shards), while a block's hits are
 * ordered by score, file and offset.  Work stays bounded: a block takes no
 * more tied candidates than it judged up to its checkpoint (a longer run is
 * cut, by document id), and none of weight 0 (a query of filters alone:
 * Xapian weighs nothing, every match ties). */
static ss_code fill_block(ss_searcher *s, const ss_query *q, xc_enquire *e, int all_duplicates,
                          size_t target, walk *w, ss_err *err)
{
    size_t distinct = 0;
    int closing = 0;
    uint32_t first = w->judged;
    ss_code rc = SS_OK;
    for (;;) {
        if (closing && (w->last_weight <= 0 || w->judged >= w->tie_end))
            break;
        int none = 0;
        rc = next_candidate(e, w, &none, err);
        if (rc != SS_OK || none)
            break;
        if (!closing && w->judged == w->checkpoint) {
            if (w->blocks == 0 && w->first_judged == 0) {
                /* the count's estimate is made on the first batch alone */
                w->first_judged = w->judged;
                w->first_distinct = distinct;
            }
            if (w->batch < MAX_BATCH)
                w->batch *= 2;
            closing = distinct >= target && !(w->blocks == 0 && w->estimate <= EXACT_BELOW);
            if (!closing)
                w->checkpoint += w->batch;
            w->tie_end = w->judged + (w->judged - first);
            w->tie_fetch = FIRST_BATCH;
            if (closing && w->last_weight <= 0)
                break;
        }
        double wt = 0;
        rc = xc_mset_weight(w->m, w->mpos, &wt, err);
        if (rc != SS_OK || (closing && !same_weight(wt, w->last_weight)))
            break;
        int is_new = 0;
        rc = judge_hit(s, q, w->m, w->mpos, all_duplicates, w, &is_new, err);
        w->mpos++;
        w->judged++;
        w->last_weight = wt;
        distinct += (size_t)is_new;
        if (rc != SS_OK)
            break;
    }
    if (closing)
        w->checkpoint = w->judged + w->batch;
    w->exhausted = w->xdone && (!w->m || w->mpos >= w->msize);
    return rc;
}

/* Ranks blocks until the ranking holds `want` hits (or there are no more
 * matches). */
ss_code ss_walk_to(ss_searcher *s, const ss_query *q, xc_enquire *e, const ss_search_opts *o,
                       walk *w, size_t want, size_t keep_from, size_t keep_to, int facets,
                       ss_results *out, ss_err *err)
{
    int all_dups = o && o->all_duplicates;
    ss_code rc = SS_OK;
    while (rc == SS_OK && w->ranked < want && !w->exhausted) {
        size_t target = (size_t)BLOCK_DISTINCT << (w->blocks < 10 ? w->blocks : 10);
        /* streamed hits of a block that starts on the page take their
         * highlights from the analysis that judges them, not a second one */
        w->hl_early = w->each && w->ranked >= keep_from && w->ranked < keep_to;
        if (target > MAX_BLOCK_DISTINCT)
            target = MAX_BLOCK_DISTINCT;
        rc = fill_block(s, q, e, all_dups, target, w, err);
        if (rc == SS_OK)
            rc = close_block(w, keep_from, keep_to, out, facets, err);
    }
    return rc;
}
