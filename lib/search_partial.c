/* search_partial.c: the partial tier (see search_int.h, search.h).
 *
 * A keyword query whose strict ranking ends before the page does goes on
 * with the passages that hold most of it: the query is parsed again loosely
 * (ss_query_opts.loose: related words "~" of the synonym table count, and
 * Xapian proposes passages holding any of its words), the first
 * PARTIAL_CANDIDATES of Xapian's ranking are judged by
 * ss_query_judge_loose (rank.c: which words are present, whether the
 * passage qualifies, its share), and those taken follow every strict hit,
 * ordered by share, then by their Xapian weight (then file and offset).
 * When fewer than SOME_BELOW passages hold the query or most of it, the
 * passages that hold some of it follow them (parsed with loose 2: a word
 * of the text present that is not a place or a year; rank.c), in the same
 * order: `二十四万亩 造林` with one passage holding both goes on with the
 * passages on 造林, each marked with what it misses.
 * A strict hit, or a copy of one (the strict walk's clusters, dedup.h), is
 * never repeated; copies among the partial hits fold into the best of them.
 * The list depends on the query alone, never on the page, so pages cut one
 * ranking. */
#include "search_int.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "terms.h"

/* Xapian candidates the tier judges: its work is bounded whatever the
 * collection (a judgement costs tens of microseconds). */
#define PARTIAL_CANDIDATES 100
/* Words every partial hit must hold that narrow Xapian's candidates. */
#define MAX_REQUIRED 8
/* Strict and partial hits fewer than this: passages holding some of the
 * query follow (a number of passages, not the page: pages cut one list). */
#define SOME_BELOW 10

typedef struct {
    double share, score;
    xc_docid id;
    ss_record rec;
    uint64_t missing;     /* bit i: item i of the loose query missing */
    uint64_t cored;       /* bit i: item i there by its Chinese core alone */
    ss_sketch sk;
    uint64_t file_id;
    ss_place *dups;
    size_t ndups;
} pcand;

static void pcand_free(pcand *c)
{
    ss_record_free(&c->rec);
    ss_places_free(c->dups, c->ndups);
    c->dups = NULL;
    c->ndups = 0;
}

/* Higher share first, then higher weight (both to 1e-9), then file and
 * offset: an order that does not depend on document ids. */
static int by_share(const void *a, const void *b)
{
    const pcand *x = a, *y = b;
    if (fabs(x->share - y->share) > 1e-9)
        return x->share > y->share ? -1 : 1;
    return ss_cmp_hits(x->score, &x->rec, y->score, &y->rec);
}

static int by_id(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

/* Judges candidate i of m: *taken 1 when it is a partial hit (c filled).
 * strict[0, ns): the documents of the strict hits, sorted. */
static ss_code judge(ss_searcher *s, const ss_query *lq, const xc_mset *m, uint32_t i,
                     const uint32_t *strict, size_t ns, pcand *c, int *taken, ss_err *err)
{
    char *data = NULL;
    size_t len = 0;
    xc_docid id = 0;
    ss_analysis an;
    *taken = 0;
    memset(c, 0, sizeof *c);
    ss_code rc = xc_mset_docid(m, i, &id, err);
    if (rc != SS_OK || bsearch(&id, strict, ns, sizeof *strict, by_id))
        return rc; /* a strict hit (or one taken before) */
    c->id = id;
    rc = xc_mset_weight(m, i, &c->score, err);
    if (rc == SS_OK)
        rc = xc_mset_data(m, i, &data, &len, err);
    if (rc == SS_OK)
        rc = ss_rjoin_record(s->join, s->db, id, data, len, &c->rec, err);
    free(data);
    if (rc == SS_OK) {
        const ss_record *r = &c->rec;
        const char *text = ss_record_match_text(r);
        ss_actx_set_t2s(s->ac, r->simplified == NULL);
        rc = ss_analyze_atoms(s->ac, text, strlen(text), &an, err);
        ss_actx_set_t2s(s->ac, 1);
    }
    if (rc == SS_OK) {
        const ss_record *r = &c->rec;
        ss_passage_meta meta = { r->region, r->title, r->date, r->heading, r->speaker };
        rc = ss_query_judge_loose(lq, &an, &meta, &c->share, &c->missing, &c->cored, err);
        if (rc == SS_OK && c->share > 0) {
            ss_sketch_make(&an, &c->sk);
            c->file_id = ss_path_hash(r->file ? r->file : "");
            *taken = 1;
        }
    }
    if (!*taken)
        pcand_free(c);
    return rc;
}

/* Folds copy c into the partial hit h ("also in"). */
static ss_code fold(pcand *h, pcand *c, ss_err *err)
{
    ss_code rc = ss_add_copy_place(&h->dups, &h->ndups, &c->rec, err);
    if (rc == SS_OK)
        pcand_free(c);
    return rc;
}

/* Orders v[0, n) and drops copies of strict hits, folding copies among
 * them; *kept: the hits left in v[0, *kept). */
static ss_code order(pcand *v, size_t n, walk *w, int all_duplicates, size_t *kept,
                     ss_err *err)
{
    if (n > 1)
        qsort(v, n, sizeof *v, by_share);
    uint32_t strict = ss_dedup_clusters(w->dedup);
    size_t *head = malloc((n ? n : 1) * sizeof *head), k = 0;
    if (!head)
        return ss_seterr(err, SS_ENOMEM, "out of memory ordering hits");
    ss_code rc = SS_OK;
    for (size_t i = 0; i < n; i++) {
        uint32_t cl = 0;
        int is_new = 1;
        if (rc == SS_OK && !all_duplicates)
            rc = ss_dedup_add(w->dedup, &v[i].sk, v[i].file_id, &cl, &is_new, err);
        if (rc != SS_OK || (!all_duplicates && cl < strict)) {
            pcand_free(&v[i]); /* a copy of a strict hit */
            continue;
        }
        if (!is_new) {
            rc = fold(&v[head[cl - strict]], &v[i], err);
            continue;
        }
        if (!all_duplicates && cl - strict < n)
            head[cl - strict] = k;
        v[k++] = v[i];
    }
    free(head);
    *kept = k;
    return rc;
}

/* What item i of lq misses in a partial hit, into w (at most 4): its word
 * when missing marks it, the letters or digits it glues to Chinese when
 * cored marks it (the hit holds the Chinese core alone); how many. */
static size_t item_missing(const ss_query *lq, size_t i, uint64_t missing, uint64_t cored,
                           const char **w)
{
    if (i >= 64)
        return 0;
    if ((missing >> i) & 1)
        return (w[0] = ss_query_item_word(lq, i)) != NULL;
    if ((cored >> i) & 1)
        return ss_query_item_qualifiers(lq, i, w, 4);
    return 0;
}

/* The words a partial hit misses (item_missing), into h. */
static ss_code missing_words(const ss_query *lq, uint64_t missing, uint64_t cored, ss_hit *h,
                             ss_err *err)
{
    size_t n = 0, bytes = 0, ni = ss_query_item_count(lq);
    const char *w[4];
    for (size_t i = 0; i < ni; i++) {
        size_t k = item_missing(lq, i, missing, cored, w);
        for (size_t j = 0; j < k; j++)
            bytes += strlen(w[j]) + 1;
        n += k;
    }
    if (!n)
        return SS_OK;
    h->missing = malloc(n * sizeof *h->missing + bytes);
    if (!h->missing)
        return ss_seterr(err, SS_ENOMEM, "out of memory collecting hits");
    char *at = (char *)(h->missing + n);
    for (size_t i = 0; i < ni; i++) {
        size_t k = item_missing(lq, i, missing, cored, w);
        for (size_t j = 0; j < k; j++) {
            size_t len = strlen(w[j]) + 1;
            memcpy(at, w[j], len);
            h->missing[h->nmissing++] = at;
            at += len;
        }
    }
    return SS_OK;
}

/* Appends the partial hits v[from, to) to out, ranked after strict ones. */
static ss_code append(ss_searcher *s, const ss_query *lq, walk *w, pcand *v, size_t from,
                      size_t to, size_t strict, ss_results *out, ss_err *err)
{
    if (from >= to)
        return SS_OK;
    ss_hit *hits = realloc(out->hits, (out->n + to - from) * sizeof *hits);
    if (!hits)
        return ss_seterr(err, SS_ENOMEM, "out of memory collecting hits");
    out->hits = hits;
    ss_code rc = SS_OK;
    for (size_t j = from; rc == SS_OK && j < to; j++) {
        ss_hit *h = &out->hits[out->n++];
        *h = (ss_hit){ (uint32_t)(strict + j + 1), v[j].score, v[j].rec, 0, NULL, 0, v[j].dups,
                       v[j].ndups, 1, NULL, 0 };
        memset(&v[j].rec, 0, sizeof v[j].rec);
        v[j].dups = NULL;
        v[j].ndups = 0;
        rc = missing_words(lq, v[j].missing, v[j].cored, h, err);
        if (rc == SS_OK)
            rc = ss_hit_locate(w->lines, h, err);
        if (rc == SS_OK)
            rc = ss_hit_highlights(s, lq, h, err);
    }
    return rc;
}

/* Narrows *xq (the loose query, built) to the passages that hold each
 * item every partial hit must hold (ss_query_loose_required), each parsed
 * and built alone as a filter: Xapian then proposes no candidate that
 * could not qualify, and the tier judges fewer. */
static ss_code require(ss_searcher *s, const ss_query *lq, const ss_query_opts *lo,
                       xc_query **xq, ss_err *err)
{
    size_t items[MAX_REQUIRED];
    size_t n = ss_query_loose_required(lq, items, MAX_REQUIRED);
    ss_code rc = SS_OK;
    for (size_t i = 0; rc == SS_OK && i < n; i++) {
        const char *word = ss_query_item_word(lq, items[i]);
        ss_query *wq = NULL;
        xc_query *wx = NULL, *both = NULL;
        rc = ss_query_parse_opts(s->ac, word ? word : "", lo, &wq, err);
        if (rc == SS_OK && (!word || ss_query_is_empty(wq))) {
            ss_query_free(wq);
            continue;
        }
        if (rc == SS_OK)
            rc = ss_query_build(wq, s->db, &wx, err);
        if (rc == SS_OK) {
            xc_query *pair[2] = { *xq, wx };
            rc = xc_query_combine(XC_OP_FILTER, pair, 2, 0, &both, err);
        }
        if (rc == SS_OK) {
            xc_query_free(*xq);
            *xq = both;
        }
        xc_query_free(wx);
        ss_query_free(wq);
    }
    return rc;
}

/* Candidates of the loose query text (read with lo), narrowed to the
 * items every hit must hold when required, judged: those taken (none of
 * seen[0, nseen), sorted) into *v, *n of them; *lq the query read. */
static ss_code gather(ss_searcher *s, const char *text, const ss_query_opts *lo, int required,
                      const uint32_t *seen, size_t nseen, ss_query **lq, pcand **v, size_t *n,
                      ss_err *err)
{
    xc_query *xq = NULL;
    xc_enquire *e = NULL;
    xc_mset *m = NULL;
    *v = NULL;
    *n = 0;
    ss_code rc = ss_query_parse_opts(s->ac, text, lo, lq, err);
    if (rc != SS_OK || ss_query_is_natural(*lq)) /* read otherwise: no tier */
        return rc;
    rc = ss_need_places(s, *lq, err);
    if (rc == SS_OK)
        rc = ss_query_build(*lq, s->db, &xq, err);
    if (rc == SS_OK && required)
        rc = require(s, *lq, lo, &xq, err);
    if (rc == SS_OK)
        rc = ss_enquire_for(s, *lq, xq, &e, err);
    if (rc == SS_OK)
        rc = xc_enquire_get_mset(e, 0, PARTIAL_CANDIDATES, 0, &m, err);
    uint32_t size = rc == SS_OK ? xc_mset_size(m) : 0;
    if (rc == SS_OK && !(*v = calloc(size ? size : 1, sizeof **v)))
        rc = ss_seterr(err, SS_ENOMEM, "out of memory ranking");
    for (uint32_t i = 0; rc == SS_OK && i < size; i++) {
        int taken = 0;
        rc = judge(s, *lq, m, i, seen, nseen, &(*v)[*n], &taken, err);
        *n += taken;
    }
    xc_mset_free(m);
    xc_enquire_free(e);
    xc_query_free(xq);
    return rc;
}

/* The documents of the strict hits and of v[0, n), sorted, into *out. */
static ss_code seen_ids(const walk *w, const pcand *v, size_t n, uint32_t **out, size_t *nout,
                        ss_err *err)
{
    *nout = 0;
    if (!(*out = malloc((w->ranked + n + 1) * sizeof **out)))
        return ss_seterr(err, SS_ENOMEM, "out of memory ranking");
    for (size_t i = 0; i < w->ranked; i++)
        (*out)[(*nout)++] = w->v[i].docid;
    for (size_t i = 0; i < n; i++)
        (*out)[(*nout)++] = v[i].id;
    if (*nout > 1)
        qsort(*out, *nout, sizeof **out, by_id);
    return SS_OK;
}

ss_code ss_partial_tier(ss_searcher *s, const ss_query *q, const char *text,
                        const ss_query_opts *qo, const ss_search_opts *o, walk *w, size_t offset,
                        size_t count, ss_results *out, ss_err *err)
{
    if (ss_query_is_natural(q) || !ss_query_has_text(q))
        return SS_OK;
    ss_query_opts lo = qo ? *qo : (ss_query_opts){ 0 };
    lo.loose = 1;
    ss_query *lq = NULL, *sq = NULL;
    pcand *v = NULL, *sv = NULL;
    uint32_t *seen = NULL;
    size_t n = 0, kept = 0, sn = 0, skept = 0, nseen = 0;
    ss_code rc = seen_ids(w, NULL, 0, &seen, &nseen, err);
    if (rc == SS_OK)
        rc = gather(s, text, &lo, 1, seen, nseen, &lq, &v, &n, err);
    if (rc == SS_OK && ss_query_is_natural(lq))
        goto done;
    if (rc == SS_OK)
        rc = order(v, n, w, o->all_duplicates, &kept, err);
    else
        kept = n;
    if (rc == SS_OK && w->ranked + kept < SOME_BELOW) { /* some of it */
        free(seen);
        lo.loose = 2;
        rc = seen_ids(w, v, kept, &seen, &nseen, err);
        if (rc == SS_OK)
            rc = gather(s, text, &lo, 0, seen, nseen, &sq, &sv, &sn, err);
        if (rc == SS_OK && !ss_query_is_natural(sq))
            rc = order(sv, sn, w, o->all_duplicates, &skept, err);
        else
            skept = sn;
    }
    if (rc == SS_OK) {
        size_t strict = w->ranked, end = offset + count - strict, base = strict + kept;
        out->partial_total = (uint32_t)(kept + skept);
        rc = append(s, lq, w, v, offset > strict ? offset - strict : 0, end < kept ? end : kept,
                    strict, out, err);
        if (rc == SS_OK && offset + count > base) {
            size_t send = offset + count - base;
            rc = append(s, sq, w, sv, offset > base ? offset - base : 0,
                        send < skept ? send : skept, base, out, err);
        }
    }
done:
    for (size_t i = 0; i < kept; i++)
        pcand_free(&v[i]);
    for (size_t i = 0; i < skept; i++)
        pcand_free(&sv[i]);
    free(v);
    free(sv);
    free(seen);
    ss_query_free(lq);
    ss_query_free(sq);
    return rc;
}
