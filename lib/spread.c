/* spread.c: greedy spreading of hits over places (see spread.h). */
#include "spread.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base.h"

struct ss_spread {
    ss_htab taken;     /* the places taken (place_key; values unused) */
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
    if (s)
        ss_htab_free(&s->taken);
    free(s);
}

static uint64_t place_key(uint64_t file, uint32_t para)
{
    uint64_t x = file ^ ((uint64_t)para * 0x9e3779b97f4a7c15ull);
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

static int near_taken(const ss_spread *s, const ss_spread_item *it)
{
    return taken(s, place_key(it->file, it->para)) ||
           taken(s, place_key(it->file, it->para + 1)) ||
           (it->para > 0 && taken(s, place_key(it->file, it->para - 1)));
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
            h[0].score *= SS_SPREAD_PENALTY; /* worth less now: back into the heap */
            h[0].penalised = 1;
            sift_down(h, hn, 0);
            continue;
        }
        h[0] = h[--hn];
        sift_down(h, hn, 0);
        out[k] = it[top.i];
        out[k++].score = top.score;
        rc = take(s, place_key(it[top.i].file, it[top.i].para), err);
    }
    if (rc == SS_OK)
        memcpy(it, out, n * sizeof *it);
    free(h);
    free(out);
    return rc;
}
