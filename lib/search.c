/* search.c: query -> ranked passages (see search.h). */
#include "search.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "analyze.h"
#include "base.h"
#include "datadir.h"
#include "dedup.h"
#include "like.h"
#include "lines.h"
#include "record.h"
#include "spread.h"
#include "terms.h"
#include "strbuf.h"
#include "synonyms.h"
#include "utf8.h"
#include "xapian_c.h"

/* Xapian counts at least this many matches before estimating their number
 * (on the first batch; the estimate of later ones is not used). */
#define CHECK_AT_LEAST 1000

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
    double time_limit;    /* seconds per Xapian match, 0: none */
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
    for (int k = 0; k < SS_FACETS; k++)
        ss_facet_free(&r->facets[k]);
    free(r->hits);
    free(r->understood);
    memset(r, 0, sizeof *r);
}

/* A passage Xapian proposed and the ranker accepted. */
typedef struct {
    double score;
    ss_record rec;        /* freed once the hit is known not to be shown */
    ss_span *hl;
    size_t nhl;
    uint64_t file_id;     /* hash of rec.file */
    uint32_t cluster;     /* its copies' cluster (dedup.h) */
    ss_place *dups;
    size_t ndups;
    int dup;              /* folded into a better copy */
} cand;

/* The state of one query's walk down Xapian's ranking.  Hits are ranked
 * in blocks of Xapian's order; the end of each block depends on the query
 * alone (never on --offset or -n), so every page cuts the same ranking.
 * Block k is judged until it holds BLOCK_DISTINCT << k new distinct
 * passages (or Xapian has no more); its hits are then ordered (score,
 * copies folded, spread over places) and follow those of block k - 1. */
typedef struct {
    cand *v;              /* every hit accepted, blocks in order */
    size_t n, cap;
    size_t ranked;        /* v[0, ranked) ordered for good (copies removed) */
    size_t block_start;   /* v[block_start, n): the block being judged */
    uint32_t *head;       /* cluster -> index in v of its shown hit, or NO_HEAD */
    size_t nhead;
    ss_dedup *dedup;
    ss_spread *spread;
    uint32_t fetched;     /* Xapian candidates fetched (and judged) */
    uint32_t batch;       /* next batch size */
    int exhausted;        /* Xapian has no more */
    uint32_t estimate;    /* Xapian's estimate of its matches (first batch) */
    size_t first_judged, first_distinct; /* for the total: counts of block 0 */
    int blocks;
    ss_lines *lines;      /* line numbers of the hits shown */
    ss_hit_fn each;       /* hits streamed to each(each_arg, ...) instead of kept */
    void *each_arg;
    ss_searcher *s;       /* for the highlights of the hits shown */
    const ss_query *q;
} walk;

#define NO_HEAD UINT32_MAX
/* Xapian is asked for candidates in batches from FIRST_BATCH doubling up to
 * MAX_BATCH; block k is complete with BLOCK_DISTINCT << k (up to
 * MAX_BLOCK_DISTINCT) new distinct passages.  A query with at most
 * EXACT_BELOW matches is judged whole, so that its count is exact. */
#define FIRST_BATCH 32
#define MAX_BATCH 4096
#define BLOCK_DISTINCT 20
#define MAX_BLOCK_DISTINCT 20000
#define EXACT_BELOW 100
/* --facets judges every match up to this many Xapian matches (exact
 * counts), and counts value slots beyond (see spy_facets). */
#define FACET_JUDGE_LIMIT 2000

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
    h->hl = NULL;
    places_free(h->dups, h->ndups);
    h->dups = NULL;
    h->ndups = 0;
}

static void walk_free(walk *w)
{
    for (size_t i = 0; i < w->n; i++)
        cand_free(&w->v[i]);
    free(w->v);
    free(w->head);
    ss_dedup_free(w->dedup);
    ss_spread_free(w->spread);
    ss_lines_free(w->lines);
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

/* Judges record r against q, its speech as context: *factor 0 when it
 * does not match.  A traditional passage is analysed in its stored
 * simplified form (no OpenCC here); *an is that analysis (valid until
 * s->ac's next use). */
static ss_code judge_record(ss_searcher *s, const ss_query *q, const ss_record *r,
                            ss_analysis *an, double *factor, ss_err *err)
{
    const char *text = r->simplified ? r->simplified : r->text ? r->text : "";
    ss_actx_set_t2s(s->ac, r->simplified == NULL);
    ss_code rc = ss_analyze_atoms(s->ac, text, strlen(text), an, err);
    ss_actx_set_t2s(s->ac, 1);
    ss_passage_meta meta = { r->region, r->title, r->date, r->heading };
    if (rc == SS_OK)
        rc = ss_query_judge_meta(q, an, &meta, factor, NULL, NULL, err);
    return rc;
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
    ss_analysis an;
    ss_code rc = xc_mset_weight(m, i, &wt, err);
    if (rc == SS_OK)
        rc = xc_mset_data(m, i, &data, &len, err);
    if (rc == SS_OK)
        rc = ss_record_decode(data, len, &h->rec, err);
    free(data);
    if (rc == SS_OK)
        rc = judge_record(s, q, &h->rec, &an, &factor, err);
    if (rc == SS_OK && factor > 0)
        rc = place_in_cluster(w, h, &an, all_duplicates, is_new, err);
    if (rc == SS_OK && factor > 0 && h->rec.heading) { /* after the sketch: reuses s->ac */
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
    h->score = wt * factor;
    w->n++;
    return SS_OK;
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

/* Folds copy c into the shown hit h ("also in"). */
static ss_code fold(cand *h, cand *c, ss_err *err)
{
    if (h->rec.file) { /* h still to be shown */
        ss_place *p = realloc(h->dups, (h->ndups + 1) * sizeof *p);
        if (!p)
            return ss_seterr(err, SS_ENOMEM, "out of memory collapsing copies");
        h->dups = p;
        p[h->ndups++] = (ss_place){ c->rec.file, c->rec.byte_start, c->rec.byte_end, c->rec.line };
        c->rec.file = NULL; /* now owned by the place */
    }
    c->dup = 1;
    cand_free(c);
    return SS_OK;
}

/* Fills the line numbers of hit h and of its copies. */
static ss_code locate(ss_lines *lines, ss_hit *h, ss_err *err)
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
    ss_hit h = { (uint32_t)(rank + 1), c->score, c->rec, 0, NULL, 0, c->dups, c->ndups };
    ss_code rc = locate(w->lines, &h, err);
    if (rc == SS_OK)
        rc = hit_highlights(w->s, w->q, &h, err);
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
        it[i] = (ss_spread_item){ b[i].score, b[i].file_id, b[i].rec.para, (uint32_t)i };
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

/* Fetches and judges the next batch of Xapian's candidates; *distinct
 * counts the new distinct passages among them. */
static ss_code next_batch(ss_searcher *s, const ss_query *q, xc_enquire *e, int all_duplicates,
                          walk *w, size_t *distinct, ss_err *err)
{
    xc_mset *m = NULL;
    ss_code rc = xc_enquire_get_mset(e, w->fetched, w->batch, w->fetched ? 0 : CHECK_AT_LEAST,
                                     &m, err);
    if (rc != SS_OK)
        return rc;
    if (w->fetched == 0)
        w->estimate = xc_mset_estimated(m);
    uint32_t size = xc_mset_size(m);
    for (uint32_t i = 0; rc == SS_OK && i < size; i++) {
        int is_new = 0;
        rc = judge_hit(s, q, m, i, all_duplicates, w, &is_new, err);
        *distinct += is_new;
    }
    xc_mset_free(m);
    w->exhausted = size < w->batch;
    w->fetched += size;
    if (w->batch < MAX_BATCH)
        w->batch *= 2;
    return rc;
}

/* Ranks blocks until the ranking holds `want` hits (or there are no more
 * matches). */
static ss_code walk_to(ss_searcher *s, const ss_query *q, xc_enquire *e, const ss_search_opts *o,
                       walk *w, size_t want, size_t keep_from, size_t keep_to, int facets,
                       ss_results *out, ss_err *err)
{
    int all_dups = o && o->all_duplicates;
    ss_code rc = SS_OK;
    while (rc == SS_OK && w->ranked < want && !w->exhausted) {
        size_t target = (size_t)BLOCK_DISTINCT << (w->blocks < 10 ? w->blocks : 10);
        if (target > MAX_BLOCK_DISTINCT)
            target = MAX_BLOCK_DISTINCT;
        size_t distinct = 0;
        while (rc == SS_OK && !w->exhausted &&
               (distinct < target || (w->blocks == 0 && w->estimate <= EXACT_BELOW))) {
            rc = next_batch(s, q, e, all_dups, w, &distinct, err);
            if (w->blocks == 0 && w->first_judged == 0 && rc == SS_OK) {
                /* the count's estimate is made on the first batch alone */
                w->first_judged = w->fetched;
                w->first_distinct = distinct;
            }
        }
        if (rc == SS_OK)
            rc = close_block(w, keep_from, keep_to, out, facets, err);
    }
    return rc;
}

/* Rounds n to two significant digits (an estimate says no more). */
static uint32_t round2(double n)
{
    double scale = 1;
    while (n >= 100 * scale)
        scale *= 10;
    return (uint32_t)(floor(n / scale + 0.5) * scale);
}

/* The gazetteer's text, read once: a cheap test whether a query word may
 * name a place before the gazetteer itself is opened. */
static const char *gazetteer_text(ss_searcher *s, size_t *len)
{
    if (!s->gaztext && !s->gaztext_missing) {
        char path[4096];
        snprintf(path, sizeof path, "%s/gazetteer.tsv",
                 s->datadir ? s->datadir : ss_datadir());
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
                 s->datadir ? s->datadir : ss_datadir());
        ss_code rc = ss_gaz_open(path, &s->gaz, err);
        if (rc != SS_OK)
            return rc;
    }
    ss_query_set_gazetteer(q, s->gaz);
    return SS_OK;
}

/* Facet counts from the index's value slots, over every Xapian match:
 * a passage whose bigrams all stand there but apart, and every copy of a
 * passage, count too (so these counts are an estimate). */
typedef struct {
    ss_results *out;
    ss_err *err;
    ss_code rc;
    uint64_t seen;
} spy_ctx;

static int on_value(void *ctx, size_t k, const char *v, size_t len, uint32_t count)
{
    spy_ctx *c = ctx;
    ss_facet *f = &c->out->facets[k];
    c->rc = ss_facet_count(f, v, len, c->err);
    if (c->rc == SS_OK) { /* ss_facet_count counted one: make it count */
        for (size_t i = 0; i < f->n; i++)
            if (strlen(f->v[i].value) == len && memcmp(f->v[i].value, v, len) == 0)
                f->v[i].count = count;
    }
    c->seen += count;
    return c->rc != SS_OK;
}

static ss_code spy_facets(xc_enquire *e, ss_results *out, uint32_t *matches, int *have,
                          ss_err *err)
{
    static const unsigned slots[SS_FACETS] = { SS_SLOT_REGION, SS_SLOT_YEAR, SS_SLOT_KIND };
    spy_ctx c = { out, err, SS_OK, 0 };
    ss_code rc = xc_enquire_count_values(e, slots, SS_FACETS, matches, on_value, &c, err);
    if (rc == SS_OK)
        rc = c.rc;
    *have = c.seen > 0; /* an index made before value slots has none */
    if (rc != SS_OK || !*have)
        for (int k = 0; k < SS_FACETS; k++)
            ss_facet_free(&out->facets[k]);
    return rc;
}

static ss_code run(ss_searcher *s, ss_query *q, const ss_search_opts *o, ss_results *out,
                   ss_err *err)
{
    xc_query *xq = NULL;
    xc_enquire *e = NULL;
    size_t count = o && o->count ? o->count : 10, offset = o ? o->offset : 0;
    if (o && o->all)
        count = SIZE_MAX - offset;
    uint32_t judge_limit = o && o->facet_judge_limit ? o->facet_judge_limit : FACET_JUDGE_LIMIT;
    int facets = o && o->facets, judged_facets = facets;
    uint32_t matches = 0; /* Xapian's matches, counted exactly with the value slots */
    walk w = { .batch = FIRST_BATCH, .each = o ? o->each : NULL, .each_arg = o ? o->each_arg : NULL,
               .s = s, .q = q };
    ss_code rc = ss_dedup_new(&w.dedup, err);
    if (rc == SS_OK)
        rc = ss_lines_new(0, &w.lines, err);
    if (rc == SS_OK)
        rc = ss_spread_new(&w.spread, err);
    if (rc == SS_OK)
        rc = need_places(s, q, err);
    if (rc == SS_OK)
        rc = ss_query_build(q, s->db, &xq, err);
    if (rc == SS_OK)
        rc = xc_enquire_new(s->db, &e, err);
    if (rc == SS_OK)
        rc = xc_enquire_set_query(e, xq, err);
    if (rc == SS_OK && s->time_limit > 0)
        rc = xc_enquire_set_time_limit(e, s->time_limit, err);
    if (rc == SS_OK)
        rc = ss_query_configure(q, e, err);
    if (rc == SS_OK && facets) {
        /* judging every match is exact but costs tens of microseconds a
         * match: beyond judge_limit matches, count the value slots */
        int have = 0;
        rc = spy_facets(e, out, &matches, &have, err);
        judged_facets = !have || matches <= judge_limit;
        if (rc == SS_OK && judged_facets)
            for (int k = 0; k < SS_FACETS; k++)
                ss_facet_free(&out->facets[k]);
    }
    if (rc == SS_OK)
        rc = walk_to(s, q, e, o, &w, judged_facets ? SIZE_MAX : offset + count, offset,
                     offset + count, judged_facets, out, err);
    if (rc == SS_OK) {
        for (int k = 0; facets && k < SS_FACETS; k++)
            ss_facet_sort(&out->facets[k]);
        out->has_facets = facets;
        out->facets_exact = judged_facets;
        out->total_exact = w.exhausted;
        if (w.exhausted) {
            out->total = (uint32_t)w.ranked;
        } else {
            double xapian = matches ? matches : w.estimate;
            double est = w.first_judged ? xapian * w.first_distinct / w.first_judged : 0;
            out->total = round2(est);
            if (out->total < w.ranked)
                out->total = (uint32_t)w.ranked;
        }
        size_t n = w.ranked > offset ? w.ranked - offset : 0;
        if (n > count)
            n = count;
        if (w.each)
            n = 0; /* handed over already */
        out->hits = calloc(n ? n : 1, sizeof *out->hits);
        if (!out->hits)
            rc = ss_seterr(err, SS_ENOMEM, "out of memory collecting hits");
        for (size_t i = 0; rc == SS_OK && i < n; i++) { /* move the records out */
            cand *h = &w.v[offset + i];
            out->hits[i] = (ss_hit){ (uint32_t)(offset + i + 1), h->score, h->rec, 0, h->hl,
                                     h->nhl, h->dups, h->ndups };
            memset(&h->rec, 0, sizeof h->rec);
            h->hl = NULL;
            h->dups = NULL;
            h->ndups = 0;
            out->n = i + 1;
        }
    }
    for (size_t i = 0; rc == SS_OK && !w.each && i < out->n; i++) {
        rc = locate(w.lines, &out->hits[i], err);
        if (rc == SS_OK)
            rc = hit_highlights(s, q, &out->hits[i], err);
    }
    walk_free(&w);
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
    o.each = NULL; /* collected, to leave it out */
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
    /* SS_ENOTFOUND: a segment removed under this reader (the index's stub
     * was replaced): reopening reads the new stub */
    for (int tries = 0; (rc == SS_EMODIFIED || rc == SS_ENOTFOUND) && tries < MAX_RETRIES;
         tries++) {
        retry_pause(tries);
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
                 s->datadir ? s->datadir : ss_datadir());
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

ss_code ss_search_judge(ss_searcher *s, const ss_query *q, const ss_record *r, double *factor,
                        ss_span **hl, size_t *nhl, ss_err *err)
{
    ss_analysis an;
    ss_hit h; /* a shallow copy of r's record for hit_highlights: not freed here */
    memset(&h, 0, sizeof h);
    h.rec = *r;
    *hl = NULL;
    *nhl = 0;
    ss_code rc = judge_record(s, q, r, &an, factor, err);
    if (rc == SS_OK)
        rc = hit_highlights(s, q, &h, err);
    *hl = h.hl;
    *nhl = h.nhl;
    return rc;
}

xc_db *ss_searcher_db(ss_searcher *s)
{
    return s->db;
}

ss_actx *ss_searcher_actx(ss_searcher *s)
{
    return s->ac;
}
