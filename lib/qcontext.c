/* qcontext.c: places and years as context (see query.h,
 * ss_query_judge_meta).  A query word that names a place also stands in
 * the passages of speeches about that place; a year also stands in the
 * passages of speeches that speak of it, 去年 in a report of the next year
 * included. */
#define _GNU_SOURCE /* memmem */
#include "query_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base.h"
#include "passage_year.h"
#include "prefix.h"
#include "speech.h"
#include "utf8.h"

/* The concept's typed text when it is one unit (or the whole word). */
static const unit *concept_unit(const ss_query *q, const concept *c)
{
    if (c->whole != SIZE_MAX)
        return &q->units[c->whole];
    return c->u1 > c->u0 ? &q->units[c->u0] : NULL;
}

/* 1 when "\t" + s[0, n) stands in gaz: a name begins with s. */
static int begins_name(const char *gaz, size_t len, const char *s, size_t n)
{
    char key[64];
    if (n + 2 > sizeof key)
        return 0;
    key[0] = '\t';
    memcpy(key + 1, s, n);
    return memmem(gaz, len, key, n + 1) != NULL;
}

int ss_query_may_name_place(const ss_query *q, const char *gaz, size_t len)
{
    for (size_t c = 0; gaz && c < q->nconcepts; c++) {
        const concept *k = &q->concepts[c];
        const unit *u = concept_unit(q, k);
        if (u && u->n >= 2 && u->n <= 10 && ss_q_all_han(u) &&
            begins_name(gaz, len, u->text, strlen(u->text)))
            return 1;
        /* a word beginning with a place (qparse.c, ss_q_place_prefix): a
         * name begins with its first unit */
        if (!q->natural && k->whole != SIZE_MAX && !q->items[k->item].quoted &&
            k->u1 > k->u0 + 1 && ss_q_all_han(&q->units[k->u0]) &&
            begins_name(gaz, len, q->units[k->u0].text, strlen(q->units[k->u0].text)))
            return 1;
        /* a word of one unit of four characters or more, whose first two
         * begin a name (南通家纺: qparse.c, place_in_unit) */
        if (!q->natural && u && k->u1 == k->u0 + 1 && !q->items[k->item].quoted && u->n >= 4 &&
            ss_q_all_han(u) && begins_name(gaz, len, u->text, 6))
            return 1;
        /* ... or the first unit of several, so joined (四川灾后 + 重建:
         * qparse.c, place_before_run) */
        if (!q->natural && k->whole != SIZE_MAX && !q->items[k->item].quoted &&
            k->u1 > k->u0 + 1 && q->units[k->u0].n >= 4 && ss_q_all_han(&q->units[k->u0]) &&
            begins_name(gaz, len, q->units[k->u0].text, 6))
            return 1;
    }
    return 0;
}

/* 2008 or 2008年 (a year between 1900 and 2100), else 0. */
static int year_of(const unit *u)
{
    if (!u || u->n < 1 || u->n > 2 || u->a[0].kind != SS_ATOM_ASCII || u->a[0].len != 4)
        return 0;
    if (u->n == 2 && strcmp(u->text + u->a[1].off, "年") != 0)
        return 0;
    int y = 0;
    for (size_t i = 0; i < 4; i++) {
        char ch = u->text[u->a[0].off + i];
        if (ch < '0' || ch > '9')
            return 0;
        y = y * 10 + (ch - '0');
    }
    return y >= 1900 && y <= 2100 ? y : 0;
}

void ss_q_resolve_context(ss_query *q)
{
    for (size_t c = 0; c < q->nconcepts; c++) {
        concept *k = &q->concepts[c];
        const unit *u = concept_unit(q, k);
        if (q->items[k->item].quoted) { /* "…" stands exactly: no context */
            k->year = 0;
            k->nplaces = 0;
            continue;
        }
        k->year = year_of(u);
        /* a year in Chinese digits (二〇〇八年) has its form in digits */
        for (size_t a = k->a0; !k->year && a < k->a1; a++)
            if (q->units[a].alt == ALT_SAME || q->units[a].alt == ALT_FIGURE)
                k->year = year_of(&q->units[a]);
        k->nplaces = 0;
        if (q->gaz && u && u->n >= 2 && ss_q_all_han(u))
            k->nplaces = ss_gaz_lookup_area(q->gaz, u->text, strlen(u->text), k->places,
                                            MAX_CONCEPT_PLACES);
    }
}

void ss_q_resolve_speaker(ss_query *q, size_t ci, int (*has)(void *db, const char *term),
                          void *db)
{
    concept *k = &q->concepts[ci];
    const unit *u = concept_unit(q, k);
    k->speaker = 0;
    if (!u || q->items[k->item].quoted || q->items[k->item].negated || k->nplaces || k->year ||
        u->n < 2 || u->n > 4 || !ss_q_all_han(u) || q->nconcepts < 2)
        return;
    char term[64];
    if (snprintf(term, sizeof term, SS_PREFIX_SPEAKER "%s", u->text) < (int)sizeof term)
        k->speaker = has(db, term) ? 1 : 0;
    /* a role the collection knows as a speaker's (市委书记 招商引资, 省长 灾后重建) */
    if (!k->speaker && snprintf(term, sizeof term, SS_PREFIX_ROLE "%s", u->text) < (int)sizeof term)
        k->speaker = has(db, term) ? 2 : 0;
}

size_t ss_q_context_terms(const ss_query *q, const concept *c, ctx_term *out, size_t max)
{
    size_t n = 0;
    const unit *u = concept_unit(q, c);
    if (c->speaker && u && n < max) { /* the speeches the person gave */
        ctx_term *t = &out[n++];
        snprintf(t->term, sizeof t->term, "%s%s",
                 c->speaker == 2 ? SS_PREFIX_ROLE : SS_PREFIX_SPEAKER, u->text);
        t->also[0] = '\0';
        t->boolean = 1;
    }
    for (size_t i = 0; i < c->nplaces && n < max; i++) {
        uint32_t m[SS_GAZ_MAX_MEMBERS]; /* a group's members (gazetteer.h) */
        size_t nm = ss_gaz_members(q->gaz, c->places[i], m, NELEM(m));
        for (size_t j = 0; j < nm && n < max; j++) {
            ctx_term *t = &out[n++];
            snprintf(t->term, sizeof t->term, SS_PREFIX_REGION "%s", ss_gaz_code(q->gaz, m[j]));
            t->also[0] = '\0';
            t->boolean = 1;
        }
    }
    if (c->year && n < max) {
        ctx_term *t = &out[n++];
        snprintf(t->term, sizeof t->term, SS_PREFIX_YEAR "%d", c->year);
        t->also[0] = '\0';
        t->boolean = 1;
    }
    if (c->year && n < max) { /* passages that speak of it (passage_year.h) */
        ctx_term *t = &out[n++];
        snprintf(t->term, sizeof t->term, "%s%d", SS_PREFIX_PASSAGE_YEAR, c->year);
        t->also[0] = '\0';
        t->boolean = 1;
    }
    return n;
}

typedef struct {
    const ss_gazetteer *g;
    const concept *c;
    int inside;
    const char *title, *speaker; /* the title scanned and the speech's speaker */
} inside_ctx;

/* 1 when place id is one of c's places (or areas) or lies inside one. */
static int inside(const ss_gazetteer *g, const concept *c, uint32_t id)
{
    for (size_t i = 0; i < c->nplaces; i++)
        if (ss_gaz_within(g, id, c->places[i]))
            return 1;
    return 0;
}

static int on_title_place(void *arg, uint32_t id, size_t start, size_t end)
{
    inside_ctx *x = arg;
    if (x->title && ss_in_speaker_name(x->title, strlen(x->title), x->speaker, start, end, 0))
        return 0; /* the speaker's name (宁波, the mayor of 芜湖) */
    x->inside |= inside(x->g, x->c, id);
    return x->inside;
}

static int speech_year(const ss_passage_meta *m)
{
    if (!m || !m->date || strlen(m->date) < 4)
        return 0;
    int y = 0;
    for (int i = 0; i < 4; i++) {
        if (m->date[i] < '0' || m->date[i] > '9')
            return 0;
        y = y * 10 + (m->date[i] - '0');
    }
    return y;
}

/* Strengths of context (qfind.c names the others beside its formulas). */
#define S_PLACE_CONTEXT ((float)TUNABLE(S_PLACE_CONTEXT, 0.6))  /* the speech is about the place */
#define S_YEAR_DATE ((float)TUNABLE(S_YEAR_DATE, 0.3))      /* the speech was given in the year */
#define S_YEAR_HEADING ((float)TUNABLE(S_YEAR_HEADING, 0.8))   /* its section heading speaks of the year */
#define S_YEAR_RELATIVE ((float)TUNABLE(S_YEAR_RELATIVE, 0.8))  /* 去年 (in a report of the next year), 二〇〇八年 */
#define S_YEAR_SPAN ((float)TUNABLE(S_YEAR_SPAN, 0.5))  /* a span that holds it: “十一五”时期, 过去五年 */
#define S_SPEAKER ((float)TUNABLE(S_SPEAKER, 0.6))      /* the person gave the speech */

typedef struct {
    occs *o;
    uint32_t concept;
    int year;
    const ss_analysis *an;
    int oom;
    int named; /* the passage or its heading names the year (2008年, 去年) */
} year_ctx;

/* Whether the passage names the year other than by a span or a look back. */
static int on_year_named(void *arg, int year, size_t first, size_t last, int relative)
{
    year_ctx *y = arg;
    (void)first;
    (void)last;
    y->named |= year == y->year && relative != SS_YEAR_SPAN && relative != SS_YEAR_LOOKBACK;
    return y->named;
}

/* A passage that speaks of the concept's year other than by the year as
 * typed (去年 in a report of the next year, 二〇〇八年) holds the concept
 * there, a little below the year written out; a span that holds the year
 * (“十一五”时期, 过去五年) or a look back (一年来) only in a passage that
 * does not name the year itself, which it would repeat. */
static int on_year(void *arg, int year, size_t first, size_t last, int relative)
{
    year_ctx *y = arg;
    if (year != y->year)
        return 0;
    const ss_atom *a = &y->an->atoms[first], *b = &y->an->atoms[last];
    float s = relative == SS_YEAR_SPAN                  ? (y->named ? 0.0f : S_YEAR_SPAN)
              : relative == SS_YEAR_LOOKBACK            ? (y->named ? 0.0f : S_YEAR_RELATIVE)
              : relative || a->kind != SS_ATOM_ASCII ? S_YEAR_RELATIVE
                                                     : 0.0f;
    if (s > 0 && ss_q_push_cocc(y->o, (occ){ a->pos, b->pos, (uint32_t)first, (uint32_t)last,
                                             y->concept, s, 0 })) {
        y->oom = 1;
        return 1;
    }
    return 0;
}


/* 1 when the speech (its own region, or a place its title names) is one of
 * the places ids[0, n) or lies inside one. */
static int speech_in(const ss_gazetteer *g, const uint32_t *ids, size_t n,
                     const ss_passage_meta *meta, ss_err *err, ss_code *rc)
{
    concept c; /* inside() reads a concept's places */
    memset(&c, 0, sizeof c);
    c.nplaces = n < MAX_CONCEPT_PLACES ? n : MAX_CONCEPT_PLACES;
    memcpy(c.places, ids, c.nplaces * sizeof *ids);
    inside_ctx x = { g, &c, 0, meta->title, meta->speaker };
    uint32_t own[8];
    size_t k = meta->region ? ss_gaz_lookup(g, meta->region, strlen(meta->region), own, 8) : 0;
    for (size_t i = 0; i < k && !x.inside; i++)
        x.inside = inside(g, &c, own[i]);
    if (!x.inside && meta->title)
        *rc = ss_gaz_scan(g, meta->title, strlen(meta->title), on_title_place, &x, err);
    return x.inside;
}

ss_code ss_q_region_named_only(const ss_query *q, const ss_passage_meta *meta, int *named_only,
                               ss_err *err)
{
    ss_code rc = SS_OK;
    int any = 0, in = 0;
    *named_only = 0;
    for (size_t i = 0; meta && q->gaz && i < q->filters.n && !in && rc == SS_OK; i++) {
        if (q->filters.v[i].field != SS_F_REGION)
            continue;
        uint32_t ids[MAX_CONCEPT_PLACES];
        const char *v = q->filters.v[i].value;
        size_t n = ss_gaz_lookup_area(q->gaz, v, strlen(v), ids, MAX_CONCEPT_PLACES);
        any |= n > 0;
        in = n > 0 && speech_in(q->gaz, ids, n, meta, err, &rc);
    }
    *named_only = rc == SS_OK && any && !in;
    return rc;
}

ss_code ss_q_context(const ss_query *q, const ss_analysis *an, const ss_passage_meta *meta,
                     occs *o, ss_err *err)
{
    int year = speech_year(meta);
    for (size_t ci = 0; meta && ci < q->nconcepts; ci++) {
        const concept *c = &q->concepts[ci];
        if (c->nplaces && q->gaz) {
            inside_ctx x = { q->gaz, c, 0, meta->title, meta->speaker };
            uint32_t ids[8];
            size_t n = meta->region ? ss_gaz_lookup(q->gaz, meta->region, strlen(meta->region),
                                                    ids, 8)
                                    : 0;
            for (size_t i = 0; i < n && !x.inside; i++)
                x.inside = inside(q->gaz, c, ids[i]);
            if (!x.inside && meta->title) {
                ss_code rc = ss_gaz_scan(q->gaz, meta->title, strlen(meta->title), on_title_place,
                                         &x, err);
                if (rc != SS_OK)
                    return rc;
            }
            if (x.inside && o->ctx[ci] < S_PLACE_CONTEXT)
                o->ctx[ci] = S_PLACE_CONTEXT;
        }
        const unit *u = concept_unit(q, c);
        if (c->speaker && u && meta->speaker && strstr(meta->speaker, u->text) &&
            o->ctx[ci] < S_SPEAKER)
            o->ctx[ci] = S_SPEAKER;
        if (c->year) {
            if (year == c->year && o->ctx[ci] < S_YEAR_DATE)
                o->ctx[ci] = S_YEAR_DATE;
            /* the heading above says it (the events of 1998年, 去年工作回顾) */
            if (meta->heading && o->ctx[ci] < S_YEAR_HEADING &&
                ss_text_speaks_of(meta->heading, strlen(meta->heading), c->year, year))
                o->ctx[ci] = S_YEAR_HEADING;
            if (meta->heading && o->ctx[ci] < S_YEAR_SPAN &&
                ss_text_spans(meta->heading, strlen(meta->heading), c->year, year))
                o->ctx[ci] = S_YEAR_SPAN;
            /* a heading that names the year (2008年工作回顾) says it already */
            int heading_names = meta->heading && ss_text_speaks_of(meta->heading,
                                                                   strlen(meta->heading),
                                                                   c->year, year);
            year_ctx y = { o, (uint32_t)ci, c->year, an, 0, heading_names };
            ss_passage_years(an, year, on_year_named, &y);
            ss_passage_years(an, year, on_year, &y);
            if (y.oom)
                return ss_seterr(err, SS_ENOMEM, "out of memory ranking");
        }
    }
    return SS_OK;
}
