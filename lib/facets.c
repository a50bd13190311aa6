/* facets.c: value counts through a hash table (see facets.h). */
#include "facets.h"

#include <stdlib.h>
#include <string.h>

#include "base.h"

static int same(const ss_facet_value *fv, const char *v, size_t len)
{
    return strlen(fv->value) == len && memcmp(fv->value, v, len) == 0;
}

ss_code ss_facet_count(ss_facet *f, const char *v, size_t len, ss_err *err)
{
    uint32_t h = ss_fnv1a(v, len, SS_FNV_SEED), k;
    size_t pos = 0;
    while (ss_htab_next(&f->tab, h, &pos, &k))
        if (same(&f->v[k], v, len)) {
            f->v[k].count++;
            return SS_OK;
        }
    char *copy = NULL;
    if (ss_htab_reserve(&f->tab, 64) || SS_GROW(f->v, f->n + 1, f->vcap, 32)
        || !(copy = strndup(v, len)))
        return ss_seterr(err, SS_ENOMEM, "out of memory counting facets");
    f->v[f->n] = (ss_facet_value){ copy, 1 };
    ss_htab_add(&f->tab, h, (uint32_t)f->n++);
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
    ss_htab_free(&f->tab);
}

void ss_facet_free(ss_facet *f)
{
    for (size_t i = 0; i < f->n; i++)
        free(f->v[i].value);
    free(f->v);
    ss_htab_free(&f->tab);
    memset(f, 0, sizeof *f);
}
