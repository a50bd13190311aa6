/* dedup.c: copies among a query's hits by MinHash sketches and buckets
 * (see dedup.h). */
#include "dedup.h"

#include <stdlib.h>
#include <string.h>

#include "base.h"

#define ROWS (SS_SKETCH / SS_BANDS) /* bins per band */
#define EMPTY UINT32_MAX

/* splitmix64's finaliser: spreads FNV's weak low bits over the word. */
static uint64_t mix(uint64_t x)
{
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ull;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebull;
    return x ^ (x >> 31);
}

void ss_sketch_make(const ss_analysis *an, ss_sketch *out)
{
    for (size_t b = 0; b < SS_SKETCH; b++)
        out->bin[b] = EMPTY;
    out->nelem = 0;
    uint64_t exact = SS_FNV64_SEED;
    uint64_t next = an->natoms ? ss_fnv1a64(an->norm + an->atoms[0].norm, an->atoms[0].normlen,
                                     SS_FNV64_SEED) : 0;
    for (size_t i = 0; i < an->natoms; i++) {
        const ss_atom *a = &an->atoms[i];
        uint64_t self = next; /* each atom's text hashed once */
        next = i + 1 < an->natoms ? ss_fnv1a64(an->norm + an->atoms[i + 1].norm,
                                        an->atoms[i + 1].normlen, SS_FNV64_SEED) : 0;
        exact = mix(exact ^ self) + i; /* in order: 项目|建设 is not 项|目建设 */
        uint64_t h = self;
        if (a->kind == SS_ATOM_HAN && i + 1 < an->natoms && an->atoms[i + 1].kind == SS_ATOM_HAN)
            h = self * 31 + next; /* the bigram */
        h = mix(h);
        size_t b = (size_t)(h >> 59) % SS_SKETCH;
        uint32_t v = (uint32_t)h == EMPTY ? EMPTY - 1 : (uint32_t)h;
        if (v < out->bin[b])
            out->bin[b] = v;
        out->nelem++;
    }
    out->exact = mix(exact);
}

double ss_sketch_overlap(const ss_sketch *a, const ss_sketch *b)
{
    unsigned same = 0, used = 0;
    for (size_t i = 0; i < SS_SKETCH; i++) {
        if (a->bin[i] == EMPTY && b->bin[i] == EMPTY)
            continue;
        used++;
        same += a->bin[i] == b->bin[i];
    }
    return used ? (double)same / used : 1.0;
}

typedef struct {
    ss_sketch sketch;  /* of the cluster's first passage */
    uint64_t file_id;
} cluster;

struct ss_dedup {
    ss_htab tab;       /* bucket key (exact hash or a band's hash) -> cluster */
    cluster *cl;
    uint32_t ncl;
    size_t clcap;
};

ss_code ss_dedup_new(ss_dedup **out, ss_err *err)
{
    ss_dedup *d = calloc(1, sizeof *d);
    if (!d)
        return ss_seterr(err, SS_ENOMEM, "out of memory finding copies");
    *out = d;
    return SS_OK;
}

void ss_dedup_free(ss_dedup *d)
{
    if (!d)
        return;
    ss_htab_free(&d->tab);
    free(d->cl);
    free(d);
}

uint32_t ss_dedup_clusters(const ss_dedup *d)
{
    return d->ncl;
}

/* The bucket keys of a sketch: the exact hash, then one a band. */
static void keys_of(const ss_sketch *s, uint32_t keys[SS_BANDS + 1])
{
    keys[0] = (uint32_t)(s->exact >> 32);
    for (size_t b = 0; b < SS_BANDS; b++) {
        uint64_t h = (uint64_t)(b + 1) * 0x9e3779b97f4a7c15ull;
        for (size_t r = 0; r < ROWS; r++)
            h = mix(h ^ s->bin[b * ROWS + r]);
        keys[b + 1] = (uint32_t)h;
    }
}

static int is_copy(const ss_sketch *s, uint64_t file_id, const cluster *c)
{
    if (c->file_id == file_id || !s->nelem || !c->sketch.nelem)
        return 0;
    if (c->sketch.exact == s->exact)
        return 1;
    return ss_sketch_overlap(s, &c->sketch) >= SS_DUP_JACCARD;
}

/* A band whose bins are all empty (a short passage) keys nothing. */
static int band_empty(const ss_sketch *s, size_t b)
{
    for (size_t r = 0; r < ROWS; r++)
        if (s->bin[b * ROWS + r] != EMPTY)
            return 0;
    return 1;
}

ss_code ss_dedup_add(ss_dedup *d, const ss_sketch *s, uint64_t file_id, uint32_t *out,
                     int *is_new, ss_err *err)
{
    uint32_t keys[SS_BANDS + 1];
    int skip[SS_BANDS + 1] = { 0 }; /* no key: empty band, or bucket full */
    keys_of(s, keys);
    for (size_t b = 0; b < SS_BANDS; b++)
        skip[b + 1] = band_empty(s, b);
    unsigned checks = 0;
    for (size_t k = 0; k < SS_BANDS + 1 && s->nelem; k++) {
        unsigned in_bucket = 0;
        size_t pos = 0;
        uint32_t c;
        while (!skip[k] && ss_htab_next(&d->tab, keys[k], &pos, &c)) {
            if (checks < SS_DEDUP_CHECKS) {
                checks++;
                if (is_copy(s, file_id, &d->cl[c])) {
                    *out = c;
                    *is_new = 0;
                    return SS_OK;
                }
            }
            if (++in_bucket >= SS_DEDUP_CHECKS)
                skip[k] = 1; /* a bucket holds at most that many clusters */
        }
    }
    if (SS_GROW(d->cl, (size_t)d->ncl + 1, d->clcap, 256))
        return ss_seterr(err, SS_ENOMEM, "out of memory finding copies");
    d->cl[d->ncl] = (cluster){ *s, file_id };
    uint32_t id = d->ncl++;
    for (size_t k = 0; k < SS_BANDS + 1 && s->nelem; k++) { /* empty: a copy of nothing */
        if (skip[k])
            continue;
        if (ss_htab_reserve(&d->tab, 1024))
            return ss_seterr(err, SS_ENOMEM, "out of memory finding copies");
        ss_htab_add(&d->tab, keys[k], id);
    }
    *out = id;
    *is_new = 1;
    return SS_OK;
}
