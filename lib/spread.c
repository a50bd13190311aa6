/* spread.c: greedy spreading of hits over places (see spread.h). */
#include "spread.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base.h"
#include "tune.h"

/* A hit near a place taken keeps this share of its score. */
#define SPREAD_PENALTY TUNABLE(SPREAD_PENALTY, 0.6)
/* Bytes between two hits of a file that make them one place (600: about
 * 200 characters of Chinese, a short paragraph or two). */
#define SPREAD_GAP ((uint64_t)TUNABLE(SPREAD_GAP, 600))

struct ss_spread {
    ss_htab taken;     /* the paragraphs taken (place_key; values unused) */
    ss_htab near;      /* the spans taken: (file, stretch) -> index in span */
    struct span {
        uint64_t file, start, end;
    } *span;
    size_t nspan, cap;
};

ss_code ss_spread_new(ss_spread **out, ss_err *err)
{
    ss_spread *s = calloc(1, sizeof *s);
    if (!s)
        return ss_seterr(err, SS_ENOMEM, "out of memory ordering hits");
    *out = s;
    return SS_OK;
}

void ss_spread_free(ss_spread *s)
{
    if (s) {
        ss_htab_free(&s->taken);
        ss_htab_free(&s->near);
        free(s->span);
    }
    free(s);
}

static uint64_t place_key(uint64_t file, uint32_t speech, uint32_t para)
{
    uint64_t x = file ^ (((uint64_t)speech << 32 | para) * 0x9e3779b97f4a7c15ull);
    x ^= x >> 31;
    x *= 0xbf58476d1ce4e5b9ull;
    x ^= x >> 29;
    return x;
}

static int taken(const ss_spread *s, uint64_t key)
{
    size_t pos = 0;
    uint32_t unused;
    return ss_htab_next(&s->taken, key, &pos, &unused);
}

static ss_code take(ss_spread *s, uint64_t key, ss_err *err)
{
    if (taken(s, key))
        return SS_OK;
    if (ss_htab_reserve(&s->taken, 256))
        return ss_seterr(err, SS_ENOMEM, "out of memory ordering hits");
    ss_htab_add(&s->taken, key, 0);
    return SS_OK;
}

/* The key of stretch n of a file: its bytes [n, n + 1) * SPREAD_GAP. */
static uint64_t stretch_key(uint64_t file, uint64_t n)
{
    return place_key(file ^ 0x5bd1e9955bd1e995ull, (uint32_t)(n >> 32), (uint32_t)n);
}

/* Remembers the span of hit it (end > start when known: record.h), under
 * every stretch it touches. */
static ss_code take_span(ss_spread *s, const ss_spread_item *it, ss_err *err)
{
    if (SPREAD_GAP == 0 || it->end <= it->start)
        return SS_OK;
    if (SS_GROW(s->span, s->nspan + 1, s->cap, 64))
        return ss_seterr(err, SS_ENOMEM, "out of memory ordering hits");
    s->span[s->nspan] = (struct span){ it->file, it->start, it->end };
    for (uint64_t n = it->start / SPREAD_GAP; n <= (it->end - 1) / SPREAD_GAP; n++) {
        if (ss_htab_reserve(&s->near, 256))
            return ss_seterr(err, SS_ENOMEM, "out of memory ordering hits");
        ss_htab_add(&s->near, stretch_key(it->file, n), (uint32_t)s->nspan);
    }
    s->nspan++;
    return SS_OK;
}

/* 1 when a span taken in the file of it lies within SPREAD_GAP bytes of
 * it: such a span touches a stretch from the one before it->start to the
 * one after it->end. */
static int span_near(const ss_spread *s, const ss_spread_item *it)
{
    if (SPREAD_GAP == 0 || it->end <= it->start)
        return 0;
    uint64_t lo = it->start >= SPREAD_GAP ? it->start - SPREAD_GAP : 0;
    uint64_t hi = it->end + SPREAD_GAP;
    for (uint64_t n = lo / SPREAD_GAP; n <= (hi - 1) / SPREAD_GAP; n++) {
        size_t pos = 0;
        uint32_t k;
        while (ss_htab_next(&s->near, stretch_key(it->file, n), &pos, &k)) {
            const struct span *t = &s->span[k];
            if (t->file == it->file && t->start < hi && lo < t->end)
                return 1;
        }
    }
    return 0;
}

static int near_taken(const ss_spread *s, const ss_spread_item *it)
{
    return taken(s, place_key(it->file, it->speech, it->para)) ||
           taken(s, place_key(it->file, it->speech, it->para + 1)) ||
           (it->para > 0 && taken(s, place_key(it->file, it->speech, it->para - 1))) ||
           span_near(s, it);
}

/* Heap entries: an index into the input and its current score. */
typedef struct {
    double score;
    size_t i;
    int penalised;
} entry;

/* a before b: higher score; scores equal to 1e-9 keep the input order
 * (the same passage weighs the same in one index or in shards, up to
 * rounding). */
static int before(const entry *a, const entry *b)
{
    double m = fabs(a->score) > fabs(b->score) ? fabs(a->score) : fabs(b->score);
    if (fabs(a->score - b->score) > 1e-9 * m)
        return a->score > b->score;
    return a->i < b->i;
}

static void sift_down(entry *h, size_t n, size_t i)
{
    for (;;) {
        size_t l = 2 * i + 1, r = l + 1, best = i;
        if (l < n && before(&h[l], &h[best]))
            best = l;
        if (r < n && before(&h[r], &h[best]))
            best = r;
        if (best == i)
            return;
        entry t = h[i];
        h[i] = h[best];
        h[best] = t;
        i = best;
    }
}

ss_code ss_spread_order(ss_spread *s, ss_spread_item *it, size_t n, ss_err *err)
{
    if (n == 0)
        return SS_OK;
    entry *h = malloc(n * sizeof *h);
    ss_spread_item *out = malloc(n * sizeof *out);
    if (!h || !out) {
        free(h);
        free(out);
        return ss_seterr(err, SS_ENOMEM, "out of memory ordering hits");
    }
    for (size_t i = 0; i < n; i++) /* sorted input: already a heap */
        h[i] = (entry){ it[i].score, i, 0 };
    size_t hn = n, k = 0;
    ss_code rc = SS_OK;
    while (hn > 0 && rc == SS_OK) {
        entry top = h[0];
        if (!top.penalised && near_taken(s, &it[top.i])) {
            h[0].score *= SPREAD_PENALTY; /* worth less now: back into the heap */
            h[0].penalised = 1;
            sift_down(h, hn, 0);
            continue;
        }
        h[0] = h[--hn];
        sift_down(h, hn, 0);
        out[k] = it[top.i];
        out[k++].score = top.score;
        rc = take(s, place_key(it[top.i].file, it[top.i].speech, it[top.i].para), err);
        if (rc == SS_OK)
            rc = take_span(s, &it[top.i], err);
    }
    if (rc == SS_OK)
        memcpy(it, out, n * sizeof *it);
    free(h);
    free(out);
    return rc;
}
