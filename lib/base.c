/* base.c: growing arrays (see base.h). */
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
