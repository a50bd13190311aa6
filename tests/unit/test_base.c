/* Tests of base.h/base.c: NELEM, SS_GROW, the FNV-1a hashes, and that the
 * hashes an index stores (ss_path_hash, feeding file terms) keep their
 * values. */
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

int main(void)
{
    test_hashes();
    test_grow();
    return check_report("test_base");
}
