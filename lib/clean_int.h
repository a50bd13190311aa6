/* clean_int.h: what the two halves of the cleaner share: the rules as
 * loaded (clean_rules.c reads the rules file into them) and as applied
 * (clean.c).  See clean.h. */
#ifndef SS_CLEAN_INT_H
#define SS_CLEAN_INT_H

#include <locale.h>
#include <regex.h>
#include <stddef.h>
#include <stdint.h>

#include "clean.h"

#define DEFAULT_MAXLINE 60
#define MAXLINE_LIMIT 100000
#define MIN_LIT 3          /* shortest literal the filter indexes (one CJK character) */
#define LIT_KEEP 32        /* bytes kept of a pattern's literal (a prefix is still required) */
#define MAX_ALTS 16        /* alternatives of a literal group */
#define FILTER_BITS 16

enum rule_kind { RULE_LINE, RULE_SPAN, RULE_WATERMARK };

typedef struct {
    enum rule_kind kind;
    regex_t re;          /* RULE_LINE and RULE_SPAN only */
    size_t maxline;      /* RULE_LINE: longest line (characters) it may drop */
    int filtered;        /* 1: only lines holding one of its literals can match */
} rule;

typedef struct {
    char *s;             /* owned copy */
    size_t n;            /* >= MIN_LIT */
    size_t rule;         /* index into ss_cleaner.rules */
    uint32_t h;          /* key3 of its first bytes; literals are sorted by it */
} literal;

#define FILTER_WORDS ((1u << FILTER_BITS) / 64)

struct ss_cleaner {
    rule *rules;
    size_t nrules, caprules;
    literal *lits;
    size_t nlits, caplits;
    size_t maxline_any;  /* largest maxline of the line rules, 0 if none */
    locale_t cloc;       /* the C locale, owned */
    /* key3 hashes of the literals' first bytes: of all of them (for short
     * lines), and of the span and watermark rules' only (for long lines) */
    uint64_t filter_all[FILTER_WORDS], filter_long[FILTER_WORDS];
};

/* ---- small helpers shared by both halves ---- */

static inline uint32_t key3(const unsigned char *p)
{
    uint32_t v = (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16;
    return (v * 2654435761u) >> (32 - FILTER_BITS);
}

/* Byte length of the UTF-8 sequence at t[i] (i < e); 1 when invalid. */
static inline size_t seq_len(const unsigned char *t, size_t i, size_t e)
{
    unsigned char c = t[i];
    size_t n = c < 0x80 ? 1 : c < 0xC2 ? 0 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : c < 0xF5 ? 4 : 0;
    if (n <= 1 || n > e - i)
        return 1;
    for (size_t k = 1; k < n; k++)
        if ((t[i + k] & 0xC0) != 0x80)
            return 1;
    return n;
}

#endif
