/* base.h: the small things every module uses — the element count of an
 * array, growing an array by doubling (git's ALLOC_GROW), and the one
 * string hash (FNV-1a, in 32 and 64 bits). */
#ifndef SS_BASE_H
#define SS_BASE_H

#include <stddef.h>
#include <stdint.h>

/* Number of elements of an array (not a pointer). */
#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* Makes array v (a pointer lvalue, capacity cap, a size_t lvalue) hold at
 * least need elements: the capacity doubles from min until it does.
 * 0, or -1 when out of memory (v and cap untouched). */
#define SS_GROW(v, need, cap, min) \
    ((size_t)(need) <= (cap) ? 0 : ss_grow_((void *)&(v), &(cap), (need), sizeof *(v), (min)))

/* Behind SS_GROW: *(void **)pv reallocated for need elements of size
 * bytes.  Use SS_GROW. */
int ss_grow_(void *pv, size_t *cap, size_t need, size_t size, size_t min);

/* FNV-1a of s[0, n), continuing from h (start with SS_FNV_SEED). */
#define SS_FNV_SEED 2166136261u
static inline uint32_t ss_fnv1a(const void *s, size_t n, uint32_t h)
{
    const unsigned char *p = s;
    for (size_t i = 0; i < n; i++)
        h = (h ^ p[i]) * 16777619u;
    return h;
}

/* The same in 64 bits (start with SS_FNV64_SEED).  SS_FNV64_SEED_STORED,
 * FNV's offset basis short of its last digit, seeds the hashes an index
 * stores (file terms, content hashes): changing it changes stored terms. */
#define SS_FNV64_SEED 14695981039346656037ull
#define SS_FNV64_SEED_STORED 1469598103934665603ull
static inline uint64_t ss_fnv1a64(const void *s, size_t n, uint64_t h)
{
    const unsigned char *p = s;
    for (size_t i = 0; i < n; i++)
        h = (h ^ p[i]) * 1099511628211ull;
    return h;
}

#endif
