/* passage_year.c: the years a passage speaks of (see passage_year.h). */
#define _GNU_SOURCE /* memmem */
#include "passage_year.h"

#include <stdio.h>
#include <string.h>

#include "base.h"

/* Relative year words and the offset from the speech's year they name. */
static const struct {
    const char *word;
    int offset;
} relative_years[] = {
    { "去年", -1 }, { "上年", -1 }, { "前年", -2 }, { "今年", 0 }, { "本年", 0 }, { "明年", 1 },
};

/* Words that name the years before a speech as one span: the five years
 * a report looks back on (过去五年 in a report of 2011: 2006 to 2010). */
static const struct {
    const char *word;
    int years;
} span_words[] = {
    { "过去五年", 5 }, { "过去的五年", 5 }, { "五年来", 5 }, { "近五年", 5 },
};

/* Words that name the year before the speech as 去年 does: a report looks
 * back on it (一年来, 过去一年). */
static const char *const past_year_words[] = { "一年来", "过去一年", "过去的一年" };

/* Chinese digits as years are written (二〇〇八年). */
static const char *const han_digits[] = { "〇", "一", "二", "三", "四", "五", "六", "七", "八", "九" };

/* Five-year plans: the Nth plan (N >= 3) covers 1966 + 5 (N - 3) and the
 * four years after; 十一五 is the eleventh (2006-2010).  A name of two
 * characters (九五, 十五) is a plan only before one of plan_after. */
#define PLAN_FIRST_YEAR(n) (1966 + 5 * ((n) - 3))
/* The plans' names from the ninth (1996-2000) on: plan_names[n - PLAN_FIRST]. */
#define PLAN_FIRST 9
static const char *const plan_names[] = { "九五", "十五", "十一五", "十二五", "十三五", "十四五",
                                          "十五五" };
static const char *const plan_after[] = { "时期", "期间", "计划", "规划", "末", "以来" };

/* The longest range written out (2016—2020年) whose years between count. */
#define RANGE_MAX 20

static int atom_is(const ss_analysis *an, size_t i, const char *s)
{
    const ss_atom *a = &an->atoms[i];
    return a->normlen == strlen(s) && memcmp(an->norm + a->norm, s, a->normlen) == 0;
}

/* Atom i followed by atom j at the next position. */
static int adjacent(const ss_analysis *an, size_t i, size_t j)
{
    return j < an->natoms && an->atoms[j].pos == an->atoms[i].pos + 1;
}

/* The year an ASCII atom writes (4 digits within range), else 0. */
static int ascii_year(const ss_analysis *an, size_t i)
{
    const ss_atom *a = &an->atoms[i];
    if (a->kind != SS_ATOM_ASCII || a->normlen != 4)
        return 0;
    int y = 0;
    for (size_t k = 0; k < 4; k++) {
        char c = an->norm[a->norm + k];
        if (c < '0' || c > '9')
            return 0;
        y = y * 10 + (c - '0');
    }
    return y >= SS_YEAR_MIN && y <= SS_YEAR_MAX ? y : 0;
}

static int han_digit(const ss_analysis *an, size_t i)
{
    for (int d = 0; d < 10; d++)
        if (atom_is(an, i, han_digits[d]))
            return d;
    return atom_is(an, i, "零") ? 0 : -1;
}

/* The year four Chinese digits from atom i write, else 0. */
static int han_year(const ss_analysis *an, size_t i)
{
    int y = 0;
    for (size_t k = 0; k < 4; k++) {
        if (i + k >= an->natoms || (k && !adjacent(an, i + k - 1, i + k)))
            return 0;
        int d = han_digit(an, i + k);
        if (d < 0)
            return 0;
        y = y * 10 + d;
    }
    return y >= SS_YEAR_MIN && y <= SS_YEAR_MAX ? y : 0;
}

/* 1 when the atoms from i (adjacent) spell w; *n is their count. */
static int atoms_spell(const ss_analysis *an, size_t i, const char *w, size_t *n)
{
    size_t len = strlen(w), at = 0, k = 0;
    while (at < len) {
        if (i + k >= an->natoms || (k && !adjacent(an, i + k - 1, i + k)))
            return 0;
        const ss_atom *a = &an->atoms[i + k];
        if (a->kind != SS_ATOM_HAN || a->normlen > len - at ||
            memcmp(an->norm + a->norm, w + at, a->normlen) != 0)
            return 0;
        at += a->normlen;
        k++;
    }
    *n = k;
    return 1;
}

/* The number of the five-year plan whose name starts at atom i (十一五:
 * 11, 九五: 9), with *n its atoms, else 0. */
static int plan_at(const ss_analysis *an, size_t i, size_t *n)
{
    if (i > 0 && adjacent(an, i - 1, i) && han_digit(an, i - 1) >= 0)
        return 0; /* 二十五, 一九五 */
    for (int k = (int)NELEM(plan_names) - 1; k >= 0; k--) {
        size_t m, m2;
        if (!atoms_spell(an, i, plan_names[k], &m))
            continue;
        int next = i + m < an->natoms && adjacent(an, i + m - 1, i + m);
        if (next && han_digit(an, i + m) >= 0)
            return 0; /* 十五五年 is no plan, nor 十一五〇 */
        int named = strlen(plan_names[k]) > 6; /* three characters: a plan wherever it stands */
        for (size_t a = 0; !named && next && a < NELEM(plan_after); a++)
            named = atoms_spell(an, i + m, plan_after[a], &m2);
        *n = named ? m : 0;
        return named ? PLAN_FIRST + k : 0;
    }
    return 0;
}

/* Calls fn for each year of the span that starts at atom i (a five-year
 * plan, 过去五年), relative 2; *n is its atoms.  1: fn asked to stop. */
static int span_at(const ss_analysis *an, size_t i, int speech_year, ss_year_fn fn, void *arg,
                   size_t *n)
{
    int first = 0, years = 0;
    int plan = plan_at(an, i, n);
    if (plan) {
        first = PLAN_FIRST_YEAR(plan);
        years = 5;
    }
    for (size_t w = 0; !years && speech_year && w < NELEM(span_words); w++)
        if (atoms_spell(an, i, span_words[w].word, n)) {
            first = speech_year - span_words[w].years;
            years = span_words[w].years;
        }
    for (int y = first; y < first + years; y++)
        if (fn(arg, y, i, i + *n - 1, SS_YEAR_SPAN))
            return 1;
    return 0;
}

void ss_passage_years(const ss_analysis *an, int speech_year, ss_year_fn fn, void *arg)
{
    for (size_t i = 0; i < an->natoms; i++) {
        int y = ascii_year(an, i);
        if (y) {
            /* 2016—2020年: the dash joins, the second year stands next */
            int y2 = adjacent(an, i, i + 1) ? ascii_year(an, i + 1) : 0;
            if (y2 > y && y2 - y <= RANGE_MAX && adjacent(an, i + 1, i + 2) &&
                atom_is(an, i + 2, "年")) {
                for (int k = y; k <= y2; k++)
                    if (fn(arg, k, i, i + 2, 0))
                        return;
                i += 2;
            } else if (adjacent(an, i, i + 1) && atom_is(an, i + 1, "年")) {
                if (fn(arg, y, i, i + 1, 0))
                    return;
                i += 1;
            }
            continue;
        }
        if (an->atoms[i].kind != SS_ATOM_HAN || !adjacent(an, i, i + 1))
            continue;
        size_t n = 0;
        /* every span and look back opens with one of these characters */
        const ss_atom *at = &an->atoms[i];
        int opens = at->normlen == 3 && (atom_is(an, i, "九") || atom_is(an, i, "十") ||
                                         atom_is(an, i, "过") || atom_is(an, i, "五") ||
                                         atom_is(an, i, "近") || atom_is(an, i, "一"));
        if (opens && span_at(an, i, speech_year, fn, arg, &n))
            return;
        if (n) {
            i += n - 1;
            continue;
        }
        int counted = i > 0 && adjacent(an, i - 1, i) &&
                      (han_digit(an, i - 1) >= 0 || atom_is(an, i - 1, "十"));
        for (size_t w = 0; opens && speech_year && !counted && !n && w < NELEM(past_year_words); w++)
            if (atoms_spell(an, i, past_year_words[w], &n)) { /* not 十一年来 */
                if (fn(arg, speech_year - 1, i, i + n - 1, SS_YEAR_LOOKBACK))
                    return;
                i += n - 1;
            }
        if (n)
            continue;
        y = han_digit(an, i) >= 0 ? han_year(an, i) : 0;
        if (y && adjacent(an, i + 3, i + 4) && atom_is(an, i + 4, "年")) {
            if (fn(arg, y, i, i + 4, 0))
                return;
            i += 4;
            continue;
        }
        for (size_t r = 0; speech_year && r < NELEM(relative_years);
             r++) {
            const char *w = relative_years[r].word;
            const ss_atom *a = &an->atoms[i], *b = &an->atoms[i + 1];
            if (a->normlen + b->normlen == strlen(w) &&
                memcmp(an->norm + a->norm, w, a->normlen) == 0 &&
                memcmp(an->norm + b->norm, w + a->normlen, b->normlen) == 0) {
                if (fn(arg, speech_year + relative_years[r].offset, i, i + 1, 1))
                    return;
                i += 1;
                break;
            }
        }
    }
}

int ss_text_speaks_of(const char *text, size_t len, int year, int speech_year)
{
    char w[64];
    int n = snprintf(w, sizeof w, "%d年", year);
    if (n > 0 && memmem(text, len, w, (size_t)n))
        return 1;
    if (year >= 1000 && year <= 9999) {
        n = 0;
        for (int d = 1000; d >= 1; d /= 10)
            n += snprintf(w + n, sizeof w - (size_t)n, "%s", han_digits[year / d % 10]);
        n += snprintf(w + n, sizeof w - (size_t)n, "年");
        if (memmem(text, len, w, (size_t)n))
            return 1;
    }
    for (size_t r = 0; speech_year && r < NELEM(relative_years); r++)
        if (speech_year + relative_years[r].offset == year &&
            memmem(text, len, relative_years[r].word, strlen(relative_years[r].word)))
            return 1;
    return 0;
}

/* 1 when the plan of number plan is named in text[0, len): its name, and
 * for a name of two characters a word of plan_after or a closing quote
 * after it. */
static int text_names_plan(const char *text, size_t len, int plan)
{
    if (plan < PLAN_FIRST || plan >= PLAN_FIRST + (int)NELEM(plan_names))
        return 0;
    const char *name = plan_names[plan - PLAN_FIRST];
    size_t nl = strlen(name);
    for (const char *at = text, *end = text + len; at < end;) {
        const char *hit = memmem(at, (size_t)(end - at), name, nl);
        if (!hit)
            return 0;
        const char *after = hit + nl;
        size_t rest = (size_t)(end - after);
        if (nl > 6 || (rest >= 3 && !memcmp(after, "”", 3)))
            return 1;
        for (size_t a = 0; a < NELEM(plan_after); a++)
            if (rest >= strlen(plan_after[a]) && !memcmp(after, plan_after[a], strlen(plan_after[a])))
                return 1;
        at = hit + 1;
    }
    return 0;
}

int ss_text_spans(const char *text, size_t len, int year, int speech_year)
{
    if (year >= PLAN_FIRST_YEAR(PLAN_FIRST) &&
        text_names_plan(text, len, PLAN_FIRST + (year - PLAN_FIRST_YEAR(PLAN_FIRST)) / 5))
        return 1;
    for (size_t w = 0; speech_year && w < NELEM(span_words); w++)
        if (year < speech_year && year >= speech_year - span_words[w].years &&
            memmem(text, len, span_words[w].word, strlen(span_words[w].word)))
            return 1;
    return 0;
}

int ss_speech_year_of_terms(const strbuf *t)
{
    for (size_t at = 0; t && t->buf && at < t->len;) {
        const char *s = t->buf + at;
        size_t n = strlen(s);
        if (n == 5 && s[0] == SS_PREFIX_YEAR[0] && SS_PREFIX_YEAR[1] == '\0') {
            int y = 0, ok = 1;
            for (size_t k = 1; k < 5; k++) {
                ok &= s[k] >= '0' && s[k] <= '9';
                y = y * 10 + (s[k] - '0');
            }
            if (ok)
                return y;
        }
        at += n + 1;
    }
    return 0;
}

typedef struct {
    unsigned char seen[(SS_YEAR_MAX - SS_YEAR_MIN + 1 + 7) / 8 + 1];
} year_set;

static int on_year(void *arg, int year, size_t first, size_t last, int relative)
{
    year_set *s = arg;
    (void)first;
    (void)last;
    /* a span is too loose for year: (過去五年 is no passage of 2008) */
    if (relative != SS_YEAR_SPAN && year >= SS_YEAR_MIN && year <= SS_YEAR_MAX) {
        int k = year - SS_YEAR_MIN;
        s->seen[k / 8] |= (unsigned char)(1u << (k % 8));
    }
    return 0;
}

ss_code ss_passage_years_index(ss_actx *ac, const ss_analysis *an, const char *heading,
                               const strbuf *speech_terms, xc_doc *doc, ss_err *err)
{
    year_set s;
    memset(&s, 0, sizeof s);
    int sy = ss_speech_year_of_terms(speech_terms);
    ss_passage_years(an, sy, on_year, &s);
    if (heading && *heading) {
        ss_analysis h;
        ss_code rc = ss_analyze_atoms(ac, heading, strlen(heading), &h, err);
        if (rc != SS_OK)
            return rc;
        ss_passage_years(&h, sy, on_year, &s);
    }
    for (int k = 0; k <= SS_YEAR_MAX - SS_YEAR_MIN; k++) {
        if (!(s.seen[k / 8] & (1u << (k % 8))))
            continue;
        char term[16];
        int n = snprintf(term, sizeof term, "%s%d", SS_PREFIX_PASSAGE_YEAR, SS_YEAR_MIN + k);
        ss_code rc = xc_doc_add_boolean(doc, term, (size_t)n, err);
        if (rc != SS_OK)
            return rc;
    }
    return SS_OK;
}
