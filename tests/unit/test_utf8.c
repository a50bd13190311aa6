/* Tests of utf8.c: decoding with U+FFFD for errors, the maximal-subpart
 * sequence check decoding uses, valid prefixes, encoding and counting. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "base.h"
#include "check.h"
#include "utf8.h"

/* utf8_seq: length of the sequence at the start, or minus the maximal
 * ill-formed subpart. */
static const struct {
    const char *s;
    int seq;
} seqs[] = {
    { "a", 1 },
    { "\xC3\xA9", 2 },             /* é */
    { "\xE4\xB8\xAD", 3 },         /* 中 */
    { "\xF0\x9F\x98\x80", 4 },     /* U+1F600 */
    { "\x80", -1 },                /* lone continuation */
    { "\xC0\xAF", -1 },            /* overlong lead */
    { "\xE0\x80\x80", -1 },        /* overlong three bytes: E0 needs A0-BF */
    { "\xED\xA0\x80", -1 },        /* surrogate */
    { "\xF4\x90\x80\x80", -1 },    /* above U+10FFFF */
    { "\xF5\x80\x80\x80", -1 },    /* no such lead */
    { "\xE4\xB8", -2 },            /* cut short: the two bytes are one error */
    { "\xE4\xB8" "a", -2 },
    { "\xF0\x9F\x98", -3 },
};

/* utf8_valid_prefix: the well-formed leading bytes. */
static const struct {
    const char *s;
    size_t prefix;
} prefixes[] = {
    { "", 0 },
    { "plain ASCII, longer than eight bytes", 36 },
    { "中文abc", 9 },
    { "abcdefghij\xFFxyz", 10 },
    { "中\xE4\xB8", 3 },
    { "0123456789abcdef中", 19 },
};

/* utf8_next: code point and bytes consumed. */
static const struct {
    const char *s;
    uint32_t cp;
    size_t step;
} nexts[] = {
    { "a", 'a', 1 },
    { "\xE4\xB8\xAD", 0x4E2D, 3 },
    { "\xF0\x9F\x98\x80", 0x1F600, 4 },
    { "\xE4\xB8", 0xFFFD, 1 },
    { "\xC0\xAF", 0xFFFD, 1 },
    { "\xED\xA0\x80", 0xFFFD, 1 },
};

static void test_seq(void)
{
    for (size_t i = 0; i < NELEM(seqs); i++)
        CHECK_EQ_INT(utf8_seq(seqs[i].s, strlen(seqs[i].s)), seqs[i].seq, "utf8_seq");
    for (size_t i = 0; i < NELEM(prefixes); i++)
        CHECK_EQ_INT(utf8_valid_prefix(prefixes[i].s, strlen(prefixes[i].s)), prefixes[i].prefix,
                     prefixes[i].s);
    for (size_t i = 0; i < NELEM(prefixes); i++) {
        const char *s = prefixes[i].s;
        size_t n = strlen(s), k = utf8_skip_ascii(s, 0, n);
        CHECK(k <= n && (k == n || (unsigned char)s[k] >= 0x80), "skip_ascii stops at %zu", k);
        for (size_t j = 0; j < k; j++)
            CHECK((unsigned char)s[j] < 0x80, "skip_ascii passed byte %zu", j);
    }
}

static void test_next_put(void)
{
    for (size_t i = 0; i < NELEM(nexts); i++) {
        size_t at = 0;
        uint32_t cp = utf8_next(nexts[i].s, strlen(nexts[i].s), &at);
        CHECK(cp == nexts[i].cp && at == nexts[i].step, "utf8_next %zu: U+%04X step %zu", i,
              (unsigned)cp, at);
    }
    /* put, then the checked and the unchecked decoders give the code point back */
    static const uint32_t cps[] = { 0, 'A', 0x7F, 0x80, 0x7FF, 0x800, 0x4E2D, 0xFFFF,
                                    0x10000, 0x1F600, 0x10FFFF };
    for (size_t i = 0; i < NELEM(cps); i++) {
        char buf[4];
        size_t n = utf8_put(cps[i], buf), at = 0, vlen = 0;
        CHECK(n == (cps[i] < 0x80 ? 1u : cps[i] < 0x800 ? 2u : cps[i] < 0x10000 ? 3u : 4u),
              "utf8_put U+%04X: %zu bytes", (unsigned)cps[i], n);
        CHECK(utf8_seq(buf, n) == (int)n, "utf8_seq of put U+%04X", (unsigned)cps[i]);
        CHECK(utf8_next(buf, n, &at) == cps[i] && at == n, "round trip U+%04X", (unsigned)cps[i]);
        CHECK(utf8_valid_cp(buf, &vlen) == cps[i] && vlen == n && utf8_lead_len((unsigned char)buf[0]) == n,
              "valid_cp U+%04X", (unsigned)cps[i]);
    }
    CHECK_EQ_INT(utf8_count("中文ab\xF0\x9F\x98\x80", 11), 5, "utf8_count");
}

int main(void)
{
    test_seq();
    test_next_put();
    return check_report("test_utf8");
}
