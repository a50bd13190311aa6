/* search_judge.c: judging one passage against a query, and its highlights
 * (see search_int.h). */
#include "search_int.h"

#include <stdlib.h>
#include <string.h>

#include "utf8.h"

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

/* Judges record r against q, its speech as context: *factor 0 when it
 * does not match.  A traditional passage is analysed in its stored
 * simplified form (no OpenCC here); *an is that analysis (valid until
 * s->ac's next use). */
ss_code ss_judge_record(ss_searcher *s, const ss_query *q, const ss_record *r,
                            ss_analysis *an, double *factor, ss_span **hl, size_t *nhl,
                            ss_err *err)
{
    const char *text = ss_record_match_text(r);
    size_t nh = 0;
    ss_span *h = NULL;
    if (hl) {
        *hl = NULL;
        *nhl = 0;
    }
    ss_actx_set_t2s(s->ac, r->simplified == NULL);
    ss_code rc = ss_analyze_atoms(s->ac, text, strlen(text), an, err);
    ss_actx_set_t2s(s->ac, 1);
    ss_passage_meta meta = { r->region, r->title, r->date, r->heading, r->speaker };
    /* the spans depend on the occurrences alone, which the passage's
     * context (meta) leaves as they are: the same as ss_query_judge's */
    if (rc == SS_OK)
        rc = ss_query_judge_meta(q, an, &meta, factor, hl ? &h : NULL, hl ? &nh : NULL, err);
    if (rc != SS_OK || *factor <= 0 || !hl) {
        free(h);
        return rc;
    }
    if (r->simplified)
        map_spans(r->simplified, r->text ? r->text : "", h, nh);
    *hl = h;
    *nhl = nh;
    return rc;
}

/* Highlights of a hit shown (only those: judging candidates needs none);
 * of a partial hit (h->partial), as its loose query q reads it. */
ss_code ss_hit_highlights(ss_searcher *s, const ss_query *q, ss_hit *h, ss_err *err)
{
    const ss_record *r = &h->rec;
    const char *text = ss_record_match_text(r);
    ss_analysis an;
    ss_actx_set_t2s(s->ac, r->simplified == NULL);
    ss_code rc = h->partial ? ss_analyze_atoms(s->ac, text, strlen(text), &an, err)
                            : ss_query_highlights(q, s->ac, text, strlen(text), &h->hl, &h->nhl,
                                                  err);
    if (rc == SS_OK && h->partial)
        rc = ss_query_loose_highlights(q, &an, &h->hl, &h->nhl, err);
    ss_actx_set_t2s(s->ac, 1);
    if (rc == SS_OK && r->simplified)
        map_spans(r->simplified, r->text ? r->text : "", h->hl, h->nhl);
    return rc;
}

ss_code ss_search_judge(ss_searcher *s, const ss_query *q, const ss_record *r, double *factor,
                        ss_span **hl, size_t *nhl, ss_err *err)
{
    ss_analysis an;
    ss_hit h; /* a shallow copy of r's record for ss_hit_highlights: not freed here */
    memset(&h, 0, sizeof h);
    h.rec = *r;
    *hl = NULL;
    *nhl = 0;
    ss_code rc = ss_judge_record(s, q, r, &an, factor, NULL, NULL, err);
    if (rc == SS_OK)
        rc = ss_hit_highlights(s, q, &h, err);
    *hl = h.hl;
    *nhl = h.nhl;
    return rc;
}
