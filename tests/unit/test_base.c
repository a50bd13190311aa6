/* Tests of base.h/base.c: NELEM, SS_GROW, the FNV-1a hashes, that the
 * hashes an index stores (ss_path_hash, feeding file terms) keep their
 * values, and the hash table ss_htab. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base.h"
#include "check.h"
#include "terms.h"

static const struct {
    const char *s;
    uint32_t fnv32;        /* standard FNV-1a 32 */
    uint64_t fnv64;        /* standard FNV-1a 64 */
    unsigned long long stored; /* ss_path_hash: as written in existing indexes */
} hashes[] = {
    { "", 0x811c9dc5u, 0xcbf29ce484222325ull, 0x14650fb0739d0383ull },
    { "a", 0xe40c292cu, 0xaf63dc4c8601ec8cull, 0x44bd8ad473cd9906ull },
    { "/data/speeches/2009/温家宝.txt", 0xf7d81a14u, 0x27bc0f73fbe38914ull, 0x4159c888dce372d2ull },
};

static void test_hashes(void)
{
    for (size_t i = 0; i < NELEM(hashes); i++) {
        const char *s = hashes[i].s;
        CHECK(ss_fnv1a(s, strlen(s), SS_FNV_SEED) == hashes[i].fnv32, "fnv1a32 of '%s'", s);
        CHECK(ss_fnv1a64(s, strlen(s), SS_FNV64_SEED) == hashes[i].fnv64, "fnv1a64 of '%s'", s);
        CHECK(ss_path_hash(s) == hashes[i].stored, "ss_path_hash of '%s' unchanged", s);
    }
    /* continuing from a prefix's hash is hashing the whole */
    CHECK(ss_fnv1a64("b", 1, ss_fnv1a64("a", 1, SS_FNV64_SEED)) ==
              ss_fnv1a64("ab", 2, SS_FNV64_SEED), "fnv1a64 continues");
}

static void test_grow(void)
{
    static const struct {
        size_t need, min, cap; /* capacity after growing an empty array to need */
    } cases[] = {
        { 0, 8, 0 }, { 1, 8, 8 }, { 8, 8, 8 }, { 9, 8, 16 }, { 100, 16, 128 }, { 1, 0, 1 },
    };
    for (size_t i = 0; i < NELEM(cases); i++) {
        int *v = NULL;
        size_t cap = 0;
        CHECK(SS_GROW(v, cases[i].need, cap, cases[i].min) == 0, "grow %zu", i);
        CHECK(cap == cases[i].cap, "grow %zu: cap %zu, expected %zu", i, cap, cases[i].cap);
        for (size_t k = 0; k < cases[i].need; k++)
            v[k] = (int)k; /* the room is there (ASan checks) */
        free(v);
    }
    /* growing keeps the contents and doubles from the capacity held */
    int *v = NULL;
    size_t cap = 0, n = 0;
    int ok = 1;
    for (int k = 0; k < 1000 && ok; k++) {
        ok = SS_GROW(v, n + 1, cap, 4) == 0;
        if (ok)
            v[n++] = k;
    }
    ok &= n == 1000 && cap == 1024;
    for (size_t k = 0; k < n; k++)
        ok &= v[k] == (int)k;
    CHECK(ok, "1000 pushes kept, capacity %zu", cap);
    free(v);
    /* a size that cannot be held fails and leaves the array alone */
    char *c = NULL;
    size_t ccap = 0;
    CHECK(SS_GROW(c, SIZE_MAX, ccap, 1) == -1 && c == NULL && ccap == 0, "overflow refused");
}

/* The values of t under hash, as a bit set (values below 32), or -1 when
 * one is out of range or comes twice. */
static long htab_values(const ss_htab *t, uint64_t hash)
{
    size_t pos = 0;
    uint32_t v;
    long set = 0;
    while (ss_htab_next(t, hash, &pos, &v)) {
        if (v >= 32 || (set >> v & 1))
            return -1;
        set |= 1L << v;
    }
    return set;
}

static void test_htab_cases(void)
{
    /* entries (hash, value) added in order to a table of min slots */
    static const struct {
        const char *name;
        size_t min, cap;       /* cap: slots after the adds */
        struct { uint64_t hash; uint32_t value; } add[8];
        size_t nadd;
        struct { uint64_t hash; long values; } look[4]; /* values: bit set */
        size_t nlook;
    } cases[] = {
        { "empty", 8, 0, { { 0, 0 } }, 0, { { 0, 0 }, { 7, 0 } }, 2 },
        { "one", 8, 8, { { 5, 3 } }, 1, { { 5, 1L << 3 }, { 13, 0 }, { 6, 0 } }, 3 },
        { "same hash, three values", 8, 8, { { 9, 1 }, { 9, 2 }, { 9, 4 } }, 3,
          { { 9, 1L << 1 | 1L << 2 | 1L << 4 }, { 1, 0 } }, 2 },
        { "same slot, other hashes", 8, 16, { { 0, 0 }, { 16, 1 }, { 32, 2 }, { 1, 3 }, { 48, 4 } }, 5,
          { { 0, 1 }, { 16, 2 }, { 32, 4 }, { 48, 16 } }, 4 },
        { "probe wraps past the end", 4, 8, { { 7, 0 }, { 15, 1 }, { 23, 2 } }, 3,
          { { 7, 1 }, { 15, 2 }, { 23, 4 }, { 31, 0 } }, 4 },
        { "min rounded up", 5, 8, { { 1, 1 } }, 1, { { 1, 2 } }, 1 },
        { "min 0", 0, 2, { { 1, 1 } }, 1, { { 1, 2 }, { 3, 0 } }, 2 },
        { "grows twice", 2, 16, { { 1, 0 }, { 2, 1 }, { 3, 2 }, { 4, 3 }, { 5, 4 }, { 6, 5 }, { 7, 6 } }, 7,
          { { 1, 1 }, { 4, 8 }, { 7, 64 }, { 8, 0 } }, 4 },
    };
    for (size_t c = 0; c < NELEM(cases); c++) {
        ss_htab t = { 0 };
        int ok = 1;
        for (size_t i = 0; i < cases[c].nadd && ok; i++) {
            ok = ss_htab_reserve(&t, cases[c].min) == 0;
            if (ok)
                ss_htab_add(&t, cases[c].add[i].hash, cases[c].add[i].value);
        }
        CHECK(ok && t.n == cases[c].nadd && t.cap == cases[c].cap, "%s: %zu entries in %zu slots",
              cases[c].name, t.n, t.cap);
        for (size_t i = 0; i < cases[c].nlook; i++)
            CHECK(htab_values(&t, cases[c].look[i].hash) == cases[c].look[i].values,
                  "%s: values of hash %llu", cases[c].name,
                  (unsigned long long)cases[c].look[i].hash);
        ss_htab_free(&t);
        CHECK(t.slot == NULL && t.cap == 0 && t.n == 0, "%s: freed", cases[c].name);
    }
}

static uint64_t mix64(uint64_t x)
{
    x ^= x >> 31;
    x *= 0xbf58476d1ce4e5b9ull;
    return x ^ (x >> 29);
}

static void test_htab_many(void)
{
    /* 5000 keys, growing from 64 slots, and every one found again */
    ss_htab t = { 0 };
    int ok = 1;
    for (uint32_t k = 0; k < 5000 && ok; k++) {
        ok = ss_htab_reserve(&t, 64) == 0;
        if (ok)
            ss_htab_add(&t, mix64(k), k);
    }
    CHECK(ok && t.n == 5000 && t.cap == 16384, "5000 entries in %zu slots", t.cap);
    size_t found = 0, absent = 0;
    for (uint32_t k = 0; k < 10000; k++) {
        size_t pos = 0;
        uint32_t v = UINT32_MAX;
        int hit = ss_htab_next(&t, mix64(k), &pos, &v);
        if (k < 5000)
            found += hit && v == k && !ss_htab_next(&t, mix64(k), &pos, &v);
        else
            absent += !hit;
    }
    CHECK(found == 5000 && absent == 5000, "found %zu of 5000, %zu of 5000 absent", found, absent);
    /* emptied, the slots stay and nothing is found */
    size_t cap = t.cap, pos = 0;
    uint32_t v;
    ss_htab_clear(&t);
    CHECK(t.n == 0 && t.cap == cap && !ss_htab_next(&t, mix64(1), &pos, &v), "cleared");
    ss_htab_free(&t);
}

int main(void)
{
    test_hashes();
    test_grow();
    test_htab_cases();
    test_htab_many();
    return check_report("test_base");
}
