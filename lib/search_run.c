/* search_run.c: one query driven: built, counted, faceted, its page
 * collected (see search_int.h). */
#include "search_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base.h"
#include "datadir.h"
#include "strbuf.h"

/* --facets judges every match up to this many Xapian matches (exact
 * counts), and counts value slots beyond (see spy_facets). */
#define FACET_JUDGE_LIMIT 2000


const char *ss_facet_name(int k)
{
    static const char *const names[SS_FACETS] = { "region", "year", "kind" };
    return k >= 0 && k < SS_FACETS ? names[k] : "";
}

/* Rounds n to two significant digits (an estimate says no more). */
static uint32_t round2(double n)
{
    double scale = 1;
    while (n >= 100 * scale)
        scale *= 10;
    return (uint32_t)(floor(n / scale + 0.5) * scale);
}

/* Appends the file datadir/name to sb; -1 when it cannot be read. */
static int append_file(strbuf *sb, const char *datadir, const char *name)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", datadir, name);
    FILE *f = fopen(path, "rb");
    char buf[16384];
    size_t n;
    int bad = !f;
    while (!bad && (n = fread(buf, 1, sizeof buf, f)) > 0)
        bad = sb_add(sb, buf, n) != 0;
    if (f && ferror(f))
        bad = 1;
    if (f)
        fclose(f);
    return bad ? -1 : 0;
}

/* The gazetteer's text and its groups' (region_groups.tsv, where present),
 * read once: a cheap test whether a query word may name a place or a
 * group of places before the gazetteer itself is opened. */
static const char *gazetteer_text(ss_searcher *s, size_t *len)
{
    if (!s->gaztext && !s->gaztext_missing) {
        const char *dir = s->datadir ? s->datadir : ss_datadir();
        strbuf sb = STRBUF_INIT;
        int bad = append_file(&sb, dir, "gazetteer.tsv") < 0 || sb_add(&sb, "\n", 1) != 0;
        if (!bad) /* missing groups: places only, as ss_gaz_open (gazetteer.h) */
            (void)append_file(&sb, dir, "region_groups.tsv");
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

/* Reads what the query needs of the collection: the gazetteer when it
 * has a region: filter or a word that names a place (its speeches are
 * context, qcontext.c), then the words the index holds (ss_query_set_collection).
 * Opens the gazetteer when the query needs it: a region: filter, or a
 * query word that names a place (its speeches are context, qcontext.c). */
ss_code ss_need_places(ss_searcher *s, ss_query *q, ss_err *err)
{
    size_t len = 0;
    const char *gaz = ss_query_needs_places(q) ? NULL : gazetteer_text(s, &len);
    ss_code rc = SS_OK;
    if (!ss_query_needs_places(q) && !ss_query_may_name_place(q, gaz, len)) {
        rc = ss_query_set_gazetteer(q, NULL, err); /* no place: names only */
    } else {
        if (!s->gaz) {
            char path[4096];
            snprintf(path, sizeof path, "%s/gazetteer.tsv",
                     s->datadir ? s->datadir : ss_datadir());
            rc = ss_gaz_open(path, &s->gaz, err);
            s->data_missing = rc == SS_ENOTFOUND;
        }
        if (rc == SS_OK && s->db)
            ss_query_set_probe(q, s->db);
        if (rc == SS_OK)
            rc = ss_query_set_gazetteer(q, s->gaz, err);
    }
    /* after the places: a word read again as a place and the rest has its units */
    return rc == SS_OK ? ss_query_set_collection(q, s->db, err) : rc;
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

ss_code ss_enquire_for(ss_searcher *s, const ss_query *q, const xc_query *xq, xc_enquire **out,
                       ss_err *err)
{
    xc_enquire *e = NULL;
    ss_code rc = xc_enquire_new(s->db, &e, err);
    if (rc == SS_OK)
        rc = xc_enquire_set_query(e, xq, err);
    if (rc == SS_OK && s->time_limit > 0)
        rc = xc_enquire_set_time_limit(e, s->time_limit, err);
    if (rc == SS_OK)
        rc = ss_query_configure(q, e, err);
    if (rc != SS_OK) {
        xc_enquire_free(e);
        e = NULL;
    }
    *out = e;
    return rc;
}

ss_code ss_search_run(ss_searcher *s, ss_query *q, const char *text, const ss_query_opts *qo,
                      const ss_search_opts *o, ss_results *out, ss_err *err)
{
    xc_query *xq = NULL;
    xc_enquire *e = NULL;
    size_t count = o && o->count ? o->count : 10, offset = o ? o->offset : 0;
    if (o && o->all)
        count = SIZE_MAX - offset;
    uint32_t judge_limit = o && o->facet_judge_limit ? o->facet_judge_limit : FACET_JUDGE_LIMIT;
    int facets = o && o->facets, judged_facets = facets;
    uint32_t matches = 0; /* Xapian's matches, counted exactly with the value slots */
    walk w = { .batch = FIRST_BATCH, .checkpoint = FIRST_BATCH, .each = o ? o->each : NULL,
               .each_arg = o ? o->each_arg : NULL, .s = s, .q = q };
    ss_code rc = ss_dedup_new(&w.dedup, err);
    if (rc == SS_OK)
        rc = ss_lines_new(0, &w.lines, err);
    if (rc == SS_OK)
        rc = ss_spread_new(&w.spread, err);
    if (rc == SS_OK)
        rc = ss_need_places(s, q, err);
    if (rc == SS_OK)
        rc = ss_query_build(q, s->db, &xq, err);
    if (rc == SS_OK)
        rc = ss_enquire_for(s, q, xq, &e, err);
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
        rc = ss_walk_to(s, q, e, o, &w, judged_facets ? SIZE_MAX : offset + count, offset,
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
                                     h->nhl, h->dups, h->ndups, 0, NULL, 0 };
            memset(&h->rec, 0, sizeof h->rec);
            h->hl = NULL;
            h->dups = NULL;
            h->ndups = 0;
            out->n = i + 1;
        }
    }
    for (size_t i = 0; rc == SS_OK && !w.each && i < out->n; i++) {
        rc = ss_hit_locate(w.lines, &out->hits[i], err);
        if (rc == SS_OK)
            rc = ss_hit_highlights(s, q, &out->hits[i], err);
    }
    /* the tier also runs when the strict hits end exactly with the page, so
     * that partial_total tells a pager there is a next page */
    if (rc == SS_OK && text && o && o->partial && !o->all && !w.each &&
        (w.ranked < offset + count || (w.exhausted && w.ranked == offset + count)))
        rc = ss_partial_tier(s, q, text, qo, o, &w, offset, count, out, err);
    ss_walk_free(&w);
    xc_enquire_free(e);
    xc_query_free(xq);
    return rc;
}
