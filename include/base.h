/* base.h: the small things every module uses — the element count of an
 * array, growing an array by doubling (git's ALLOC_GROW), the one string
 * hash (FNV-1a, in 32 and 64 bits) and the one hash table (open
 * addressing of hashes to values, for the modules that count or look up
 * many keys). */
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

/* A hash table of entries (hash, value): open addressing with linear
 * probing, at most half full, doubling when it would be more.  The caller
 * computes the 64-bit hashes (the low bits pick the slot: mix them well)
 * and keeps the keys themselves, typically in an array the values index;
 * several entries may share a hash, the caller compares its keys.  Zeroed
 * ({0}) it is empty and holds no memory. */
typedef struct {
    uint64_t hash;
    uint32_t value;
    uint32_t used;      /* 0: free slot */
} ss_hslot;

typedef struct {
    ss_hslot *slot;
    size_t cap, n;      /* cap 0 or a power of two; n entries */
} ss_htab;

/* Makes room for one more entry: the first table has min slots (rounded
 * up to a power of two), a fuller one doubles and its entries move over in
 * slot order.  0, or -1 when out of memory (t untouched). */
int ss_htab_reserve(ss_htab *t, size_t min);

/* Adds (hash, value), even when hash is there already; call
 * ss_htab_reserve first. */
void ss_htab_add(ss_htab *t, uint64_t hash, uint32_t value);

/* The values stored under hash, one a call (in probe order): start with
 * *pos = 0; 1 with *value set, 0 when there are no more. */
int ss_htab_next(const ss_htab *t, uint64_t hash, size_t *pos, uint32_t *value);

/* Empties t, keeping its slots. */
void ss_htab_clear(ss_htab *t);

/* Frees the slots; t is empty again. */
void ss_htab_free(ss_htab *t);

#endif
