/* base.c: growing arrays and the hash table (see base.h). */
#include "base.h"

#include <stdlib.h>
#include <string.h>

int ss_grow_(void *pv, size_t *cap, size_t need, size_t size, size_t min)
{
    size_t nc = *cap ? *cap : (min ? min : 1);
    while (nc < need) {
        if (nc > SIZE_MAX / 2)
            return -1;
        nc *= 2;
    }
    if (nc > SIZE_MAX / size)
        return -1;
    void *v;
    memcpy(&v, pv, sizeof v);
    void *p = realloc(v, nc * size);
    if (!p)
        return -1;
    memcpy(pv, &p, sizeof p);
    *cap = nc;
    return 0;
}

/* Puts (hash, value) into the first free slot of its probe. */
static void hslot_put(ss_hslot *slot, size_t cap, uint64_t hash, uint32_t value)
{
    size_t i = (size_t)hash & (cap - 1);
    while (slot[i].used)
        i = (i + 1) & (cap - 1);
    slot[i] = (ss_hslot){ hash, value, 1 };
}

int ss_htab_reserve(ss_htab *t, size_t min)
{
    if ((t->n + 1) * 2 <= t->cap)
        return 0;
    size_t cap = t->cap * 2;
    if (!t->cap)
        for (cap = 2; cap < min && cap <= SIZE_MAX / 4; cap *= 2)
            ;
    if (cap > SIZE_MAX / 2 / sizeof *t->slot)
        return -1;
    ss_hslot *slot = calloc(cap, sizeof *slot);
    if (!slot)
        return -1;
    for (size_t i = 0; i < t->cap; i++)
        if (t->slot[i].used)
            hslot_put(slot, cap, t->slot[i].hash, t->slot[i].value);
    free(t->slot);
    t->slot = slot;
    t->cap = cap;
    return 0;
}

void ss_htab_add(ss_htab *t, uint64_t hash, uint32_t value)
{
    hslot_put(t->slot, t->cap, hash, value);
    t->n++;
}

int ss_htab_next(const ss_htab *t, uint64_t hash, size_t *pos, uint32_t *value)
{
    if (!t->cap)
        return 0;
    for (;;) {
        const ss_hslot *s = &t->slot[((size_t)hash + *pos) & (t->cap - 1)];
        if (!s->used)
            return 0;
        ++*pos;
        if (s->hash == hash) {
            *value = s->value;
            return 1;
        }
    }
}

void ss_htab_clear(ss_htab *t)
{
    if (t->cap)
        memset(t->slot, 0, t->cap * sizeof *t->slot);
    t->n = 0;
}

void ss_htab_free(ss_htab *t)
{
    free(t->slot);
    *t = (ss_htab){ 0 };
}
