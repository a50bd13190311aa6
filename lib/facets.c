/* facets.c: value counts through a hash table (see facets.h). */
#include "facets.h"

#include <stdlib.h>
#include <string.h>

#include "base.h"

static int same(const ss_facet_value *fv, const char *v, size_t len)
{
    return strlen(fv->value) == len && memcmp(fv->value, v, len) == 0;
}

static ss_code rehash(ss_facet *f, ss_err *err)
{
    size_t cap = f->cap ? f->cap * 2 : 64;
    uint32_t *slot = calloc(cap, sizeof *slot);
    if (!slot)
        return ss_seterr(err, SS_ENOMEM, "out of memory counting facets");
    for (size_t k = 0; k < f->n; k++) {
        size_t i = ss_fnv1a(f->v[k].value, strlen(f->v[k].value), SS_FNV_SEED) & (cap - 1);
        while (slot[i])
            i = (i + 1) & (cap - 1);
        slot[i] = (uint32_t)k + 1;
    }
    free(f->slot);
    f->slot = slot;
    f->cap = cap;
    return SS_OK;
}

ss_code ss_facet_count(ss_facet *f, const char *v, size_t len, ss_err *err)
{
    if ((f->n + 1) * 2 > f->cap) {
        ss_code rc = rehash(f, err);
        if (rc != SS_OK)
            return rc;
    }
    size_t i = ss_fnv1a(v, len, SS_FNV_SEED) & (f->cap - 1);
    for (; f->slot[i]; i = (i + 1) & (f->cap - 1))
        if (same(&f->v[f->slot[i] - 1], v, len)) {
            f->v[f->slot[i] - 1].count++;
            return SS_OK;
        }
    /* v grows with the table: cap / 2 values always fit */
    ss_facet_value *nv = realloc(f->v, (f->cap / 2) * sizeof *nv);
    if (!nv)
        return ss_seterr(err, SS_ENOMEM, "out of memory counting facets");
    f->v = nv;
    if (!(nv[f->n].value = strndup(v, len)))
        return ss_seterr(err, SS_ENOMEM, "out of memory counting facets");
    nv[f->n].count = 1;
    f->slot[i] = (uint32_t)++f->n;
    return SS_OK;
}

static int by_count(const void *a, const void *b)
{
    const ss_facet_value *x = a, *y = b;
    if (x->count != y->count)
        return x->count > y->count ? -1 : 1;
    return strcmp(x->value, y->value);
}

void ss_facet_sort(ss_facet *f)
{
    if (f->n > 1)
        qsort(f->v, f->n, sizeof *f->v, by_count);
    free(f->slot);
    f->slot = NULL;
    f->cap = 0;
}

void ss_facet_free(ss_facet *f)
{
    for (size_t i = 0; i < f->n; i++)
        free(f->v[i].value);
    free(f->v);
    free(f->slot);
    memset(f, 0, sizeof *f);
}
