/* qforms.c: a query word's other forms (see query_int.h): the members of
 * its groups in the synonym table, the word with a part of it in another
 * form (国企改革 -> 国有企业改革), a figure in its other written forms
 * (两千亿 -> 2000亿), and a place typed with its suffix without it
 * (柳州市 -> 柳州). */
#define _GNU_SOURCE /* memmem */
#include "query_int.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base.h"
#include "numbers.h"
#include "segment.h"
#include "speech.h"
#include "terms.h"
#include "utf8.h"

/* A word holds a member of a "=" group as one of its parts (国企 in
 * 国企改革, gdp in gdp增速, 国企 and 混改 in 国企混改): the word written
 * with that part in another form (国有企业改革, 国内生产总值增速,
 * 国有企业混合所有制改革) is another form of the word.  A part is
 * anchored: it starts or ends the word or one of its units (bounds[], byte
 * offsets of the units' joins), so that 中行 is no part of 集中行动
 * (集中 + 行动).  Parts do not overlap (the longest is taken, left to
 * right); every combination of their forms is added, up to the room
 * left.  Words longer than PART_WORD_MAX characters are not searched. */
#define PART_WORD_MAX 12
#define PART_MAX 3           /* parts of one word replaced */

typedef struct {
    size_t s, e;             /* bytes of the part in the word */
    ss_syn_alt forms[MAX_ALTS];
    size_t n;
} part;

static int is_bound(size_t at, size_t len, const size_t *bounds, size_t nb)
{
    if (at == 0 || at == len)
        return 1;
    for (size_t i = 0; i < nb; i++)
        if (bounds[i] == at)
            return 1;
    return 0;
}

/* 1 when byte offset at of w falls inside a run of ASCII letters and
 * digits (ar of year, gdp of gdpr): no part begins or ends there. */
static int inside_ascii(const char *w, size_t len, size_t at)
{
    return at > 0 && at < len && ascii_is_alnum(w[at - 1]) && ascii_is_alnum(w[at]);
}

/* 1 when a numeral at w[k] follows 第: an ordinal (第三名 is third place,
 * not the table's 三名 after 第). */
static int ordinal_at(const char *w, size_t len, size_t k)
{
    size_t i = k;
    return k >= 3 && memcmp(w + k - 3, "第", 3) == 0 && k < len &&
           ss_num_is_numeral(utf8_next(w, len, &i));
}

static size_t find_parts(const ss_syn *syn, const char *w, size_t len, const size_t *bounds,
                         size_t nb, part *p)
{
    size_t cs[PART_WORD_MAX + 1], nc = 0; /* character starts, and len */
    for (size_t i = 0; i < len && nc < PART_WORD_MAX + 1;) {
        cs[nc++] = i;
        utf8_next(w, len, &i);
    }
    if (nc > PART_WORD_MAX)
        return 0;
    cs[nc] = len;
    size_t np = 0;
    for (size_t i = 0; i < nc && np < PART_MAX;) {
        size_t best = 0;
        /* the longest part from character i, two characters or more, not the
         * whole word, anchored at one end */
        for (size_t j = nc; j >= i + 2 && !best; j--) {
            if (j - i == nc || (!is_bound(cs[i], len, bounds, nb) && !is_bound(cs[j], len, bounds, nb)) ||
                inside_ascii(w, len, cs[i]) || inside_ascii(w, len, cs[j]) || ordinal_at(w, len, cs[i]))
                continue;
            ss_syn_alt sa[MAX_ALTS];
            size_t n = ss_syn_lookup(syn, w + cs[i], cs[j] - cs[i], sa, MAX_ALTS), k = 0;
            for (size_t m = 0; m < n; m++) /* a form holding the part adds nothing */
                if (!sa[m].related &&
                    !memmem(sa[m].text, strlen(sa[m].text), w + cs[i], cs[j] - cs[i]))
                    p[np].forms[k++] = sa[m];
            if (k) {
                p[np].s = cs[i];
                p[np].e = cs[j];
                p[np].n = k;
                best = j;
            }
        }
        if (best) {
            np++;
            i = best;
        } else {
            i++;
        }
    }
    return np;
}

/* Bytes of the longest run of two or more characters that ends buf[0, n)
 * and starts s[0, len) (发改委 -> 国家发展改革委 in 国家发改委: 国家
 * stands once), 0 if none. */
static size_t overlap(const char *buf, size_t n, const char *s, size_t len)
{
    size_t best = 0, chars = 0;
    for (size_t k = 0; k < len && k < n;) {
        utf8_next(s, len, &k);
        chars++;
        if (chars >= 2 && k <= n && memcmp(buf + n - k, s, k) == 0)
            best = k;
    }
    return best;
}

/* Appends s[0, len) to buf (room: cap) without the run it repeats at the
 * end of buf; 0 when it does not fit. */
static int append_joined(char *buf, size_t *n, size_t cap, const char *s, size_t len)
{
    size_t skip = overlap(buf, *n, s, len);
    if (*n + len - skip >= cap)
        return 0;
    memcpy(buf + *n, s + skip, len - skip);
    *n += len - skip;
    return 1;
}

/* Adds to a the word with its parts in their other forms: every
 * combination but the word itself, until a is full. */
static void part_forms(const part *p, size_t np, const char *w, size_t len, ss_alts *a)
{
    size_t pick[PART_MAX] = { 0 }; /* 0: the part as typed, k: its form k - 1 */
    for (;;) {
        size_t k = 0; /* next combination, like a counter */
        while (k < np && ++pick[k] > p[k].n)
            pick[k++] = 0;
        if (k == np || a->n >= MAX_ALTS)
            return;
        char buf[ALT_TEXT_MAX];
        size_t n = 0, at = 0;
        int ok = 1;
        for (size_t i = 0; i <= np && ok; i++) {
            size_t s = i < np ? p[i].s : len;
            ok = append_joined(buf, &n, sizeof buf, w + at, s - at);
            if (ok && i < np) {
                const char *f = pick[i] ? p[i].forms[pick[i] - 1].text : w + s;
                ok = append_joined(buf, &n, sizeof buf, f, pick[i] ? strlen(f) : p[i].e - s);
            }
            at = i < np ? p[i].e : len;
        }
        if (!ok)
            continue;
        buf[n] = '\0';
        int dup = strlen(buf) == len && memcmp(buf, w, len) == 0;
        for (size_t i = 0; i < a->n && !dup; i++)
            dup = strcmp(a->text[i], buf) == 0;
        if (!dup) {
            strcpy(a->text[a->n], buf);
            a->kind[a->n++] = ALT_SAME;
        }
    }
}

/* Measure words a figure inside a longer word ends with (年产10万吨,
 * 新增500万元, 投资五亿元; 二〇一九年工作, a year): the figure is its
 * numerals and one of these. */
static const char *const measures[] = {
    "个百分点", "平方公里", "平方米", "万千瓦", "千瓦时", "千瓦", "公里", "美元", "人次", "标箱", "元",
    "吨", "亩", "个", "名", "人", "户", "家", "项", "套", "辆", "台", "头", "只", "座", "所",
    "张", "条", "列", "批", "斤", "次", "间", "处", "公顷", "立方米", "千米", "米", "年", "倍",
    /* twenty-first round: 推进一百万锭 took 一 into the verb */
    "锭", "千克", "公斤", "兆瓦", "吉瓦", "千伏", "艘", "架", "盏", "株", "棵", "栋", "幢",
    "篇", "册", "箱", "桶", "升", "床",
};

/* The bytes of the digit or Chinese numeral (ss_num_is_numeral) at
 * w[k], or 0 when none stands there. */
static size_t numeral_at(const char *w, size_t len, size_t k)
{
    if (w[k] >= '0' && w[k] <= '9')
        return 1;
    size_t i = k;
    if (ss_num_kilo_unit(w + k, len - k))
        return 0; /* the 千 of 千瓦: the unit, not the figure (1740万千瓦) */
    return ss_num_is_numeral(utf8_next(w, len, &i)) ? i - k : 0;
}

/* 1 when the numerals at w[k] open with 十, 百, 千, 万 or 亿 after 几 or
 * 数, a count of them that is no figure (几十亿元, 数百万: some tens of 亿,
 * not 10亿; 人数一千五百万人 is one). */
static int after_count_word(const char *w, size_t len, size_t k)
{
    static const char *const units[] = { "十", "百", "千", "万", "亿" };
    if (k < 3 || (memcmp(w + k - 3, "几", 3) != 0 && memcmp(w + k - 3, "数", 3) != 0))
        return 0;
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
        if (k + 3 <= len && memcmp(w + k, units[i], 3) == 0)
            return 1;
    return 0;
}

/* Where a figure's numerals ending at w[m] go on: past 多 or 余 (二百多名,
 * 5000余人) and a 万 or 亿 after it (两千多亿元, 300余万人). */
static size_t about_len(const char *w, size_t len, size_t m)
{
    size_t unit = ss_num_approx_unit(w + m, len - m);
    if (unit)
        return m + unit;
    return m + 3 <= len && (memcmp(w + m, "多", 3) == 0 || memcmp(w + m, "余", 3) == 0) ? m + 3 : m;
}

size_t ss_q_figure_len(const char *w, size_t len)
{
    size_t m = 0, step;
    while (m < len && (step = numeral_at(w, len, m)) > 0)
        m += step;
    if (m == 0)
        return 0;
    m = about_len(w, len, m);
    size_t best = 0;
    char f[1][SS_NUM_FORM_MAX];
    for (size_t i = 0; i < sizeof measures / sizeof measures[0]; i++) {
        size_t ml = strlen(measures[i]);
        if (m + ml <= len && memcmp(w + m, measures[i], ml) == 0 && m + ml > best &&
            ss_num_forms(w, m + ml, f, 1) > 0)
            best = m + ml;
    }
    if (!best && ss_num_forms(w, m, f, 1) > 0)
        best = m; /* 一百万, 2000亿 */
    return best;
}

/* The first figure inside word w that is not the whole word: a run of
 * numerals (not after a digit, a point, a letter or another numeral)
 * with a measure word after it (多 or 余 between them), whose other writings ss_num_forms knows;
 * *s, *e its bytes, the forms into f (how many). */
static size_t inner_figure(const char *w, size_t len, size_t *s, size_t *e,
                           char f[][SS_NUM_FORM_MAX], size_t max)
{
    for (size_t k = 0; k < len;) {
        size_t step = numeral_at(w, len, k), prev = k;
        if (!step) {
            utf8_next(w, len, &k);
            continue;
        }
        int after = k > 0 && (isalnum((unsigned char)w[k - 1]) || w[k - 1] == '.' ||
                              w[k - 1] == '+' || w[k - 1] == '-'); /* 10-20万元: a range */
        size_t m = k;
        while (m < len && (step = numeral_at(w, len, m)) > 0)
            m += step;
        k = m;
        if (after || after_count_word(w, len, prev))
            continue;
        m = about_len(w, len, m);
        for (size_t i = 0; i < sizeof measures / sizeof measures[0]; i++) {
            size_t ml = strlen(measures[i]);
            if (m + ml > len || memcmp(w + m, measures[i], ml) != 0 || (prev == 0 && m + ml == len))
                continue;
            if (ss_num_one_count(w + prev, m + ml - prev) && (m + ml < len || ordinal_at(w, len, prev)))
                break; /* 两个一百年, 三个代表: a count of one numeral is a figure
                        * at the word's end only (新培育三家), and 第三名 is a place */
            size_t n = ss_num_forms(w + prev, m + ml - prev, f, max);
            if (n) {
                *s = prev;
                *e = m + ml;
                return n;
            }
        }
        /* an amount of 万 or 亿 that ends the word needs no measure word
         * (GDP突破万亿, 超过1万亿) */
        if (m == len && prev > 0 &&
            (memmem(w + prev, m - prev, "万", 3) || memmem(w + prev, m - prev, "亿", 3))) {
            size_t n = ss_num_forms(w + prev, m - prev, f, max);
            if (n) {
                *s = prev;
                *e = m;
                return n;
            }
        }
    }
    return 0;
}

/* 1 when w[0, len), what a figure at a word's edge leaves, is a word of
 * its own: two Han characters or more, or letters (GDP, 5G, PM2.5: a token
 * of letters and digits counts as a word), and no numeral nor digits
 * standing alone (两个一百年, 三个一批 are no figure and a word: the rest
 * holds one). */
static int word_rest(const char *w, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len;) {
        if (isalnum((unsigned char)w[i])) {
            int letters = 0;
            while (i < len && (isalnum((unsigned char)w[i]) || w[i] == '.' || w[i] == '&'))
                letters += isalpha((unsigned char)w[i++]) != 0;
            if (!letters)
                return 0; /* digits alone: a figure */
            n += 2;
            continue;
        }
        uint32_t cp = utf8_next(w, len, &i);
        if (ss_num_is_numeral(cp))
            return 0;
        n += cp >= 0x4E00 && cp <= 0x9FFF;
    }
    return n >= 2;
}

/* 1 when w[k, k + 4) is a year in digits (19xx, 20xx) not followed by a
 * digit. */
int ss_q_year_at(const char *w, size_t len, size_t k)
{
    return k + 4 <= len && (memcmp(w + k, "19", 2) == 0 || memcmp(w + k, "20", 2) == 0) &&
           isdigit((unsigned char)w[k + 2]) && isdigit((unsigned char)w[k + 3]) &&
           (k + 4 == len || !isdigit((unsigned char)w[k + 4]));
}

size_t ss_q_years_end(const char *w, size_t len, int *span)
{
    static const char *const seps[] = { "-", "\xe2\x80\x94" /* — */, "\xe8\x87\xb3" /* 至 */,
                                        "\xe5\x88\xb0" /* 到 */ };
    *span = 0;
    if (!ss_q_year_at(w, len, 0))
        return 0;
    size_t k = 4;
    int nian = k + 3 <= len && memcmp(w + k, "年", 3) == 0;
    k += nian ? 3 : 0;
    for (size_t i = 0; i < sizeof seps / sizeof seps[0]; i++) {
        size_t l = strlen(seps[i]);
        if (k + l <= len && memcmp(w + k, seps[i], l) == 0 && ss_q_year_at(w, len, k + l) &&
            k + l + 7 <= len && memcmp(w + k + l + 4, "年", 3) == 0) {
            *span = 1;
            return k + l + 7;
        }
    }
    return nian ? k : 0;
}

/* The end of a share written at w[k] (百分之八十, 80%, 12.5%), or k when
 * none begins there. */
static size_t percent_end(const char *w, size_t len, size_t k)
{
    size_t m = k, words = ss_num_share_words(w + k, len - k);
    if (words && len - k > words) {
        m = k + words;
        size_t step;
        while (m < len && ((step = numeral_at(w, len, m)) > 0 ||
                           (m + 3 <= len && memcmp(w + m, "点", 3) == 0 && (step = 3))))
            m += step;
        return m > k + words ? m : k;
    }
    while (m < len && (isdigit((unsigned char)w[m]) || (m > k && w[m] == '.')))
        m++;
    if (m > k && m + 3 <= len && memcmp(w + m, "\xE2\x80\xB0", 3) == 0)
        return m + 3; /* ‰ */
    return m > k && m < len && w[m] == '%' ? m + 1 : k;
}

size_t ss_q_edge_figure(const char *w, size_t len)
{
    char f[MAX_ALTS][SS_NUM_FORM_MAX];
    size_t s = 0, e = 0;
    size_t pe = percent_end(w, len, 0);
    if (pe > 0 && pe < len && word_rest(w + pe, len - pe))
        return pe; /* 百分之八十开工率 */
    for (size_t k = 0; k < len;) { /* 开工率百分之八十, 开工率80% */
        if (k > 0 && !isalnum((unsigned char)w[k - 1]) && w[k - 1] != '.' &&
            percent_end(w, len, k) == len && word_rest(w, k))
            return k;
        utf8_next(w, len, &k);
    }
    int span = 0;
    size_t ye = ss_q_years_end(w, len, &span);
    if (ye && ye < len && word_rest(w + ye, len - ye))
        return ye; /* a year or years: 2018年重点项目, 2015年至2020年的脱贫攻坚 */
    if (len > 4 + 3 && ss_q_year_at(w, len, 0) && (unsigned char)w[4] >= 0x80) {
        /* a year without 年 before a word (2008雨雪冰冻, 2035远景目标); not
         * before what counts it (2000多, 2019万, 2000个, 1998届) */
        size_t l = 0;
        if (!cp_in(utf8_valid_cp(w + 4, &l), "多余万亿千百十个年月日号届次位名人家户元吨亩米度倍") &&
            word_rest(w + 4, len - 4))
            return 4;
    }
    for (size_t k = 1; k + 4 < len; k++) /* … at the end: 特大洪水1998年 */
        if (w[k] >= '0' && w[k] <= '9' && !(w[k - 1] >= '0' && w[k - 1] <= '9') &&
            w[k - 1] != '.' && (unsigned char)w[k - 1] >= 0x80 &&
            ss_q_years_end(w + k, len - k, &span) == len - k && word_rest(w, k))
            return k;
    if (!inner_figure(w, len, &s, &e, f, MAX_ALTS))
        return 0;
    if (s == 0 && e < len && word_rest(w + e, len - e))
        return e;
    if (s > 0 && e == len && word_rest(w, s))
        return s;
    if (s > 0 && e < len && word_rest(w, s) && word_rest(w + e, len - e))
        return s; /* 年产30万吨乙烯: 年产, then 30万吨乙烯 (cut again) */
    return 0;
}

/* Adds to a the word w with its inner figure in its other writings
 * (年产10万吨: 年产十万吨, 年产100000吨), as ALT_FIGURE forms. */
static void inner_figure_forms(const char *w, size_t len, ss_alts *a)
{
    char f[MAX_ALTS][SS_NUM_FORM_MAX];
    size_t s = 0, e = 0, n = inner_figure(w, len, &s, &e, f, MAX_ALTS);
    for (size_t i = 0; i < n && a->n < MAX_ALTS; i++) {
        if (s + strlen(f[i]) + (len - e) >= SS_NUM_FORM_MAX)
            continue;
        char *t = a->text[a->n];
        memcpy(t, w, s);
        strcpy(t + s, f[i]);
        memcpy(t + s + strlen(f[i]), w + e, len - e);
        t[s + strlen(f[i]) + (len - e)] = '\0';
        a->kind[a->n++] = ALT_FIGURE;
    }
}

/* Measures of an ordinal (第三名, 第一位, 第二批): what is counted in
 * order; reports write the numeral in digits as often (居全国第1位). */
static const char *const ordinal_measures[] = { "名", "位", "批", "次", "届", "期", "轮",
                                                "个", "项", "条", "季度", "阶段" };

/* An ordinal in Chinese numerals inside w (第三名, 居全国第一位, 第十二届):
 * the word with its numerals in digits is another form (ALT_FIGURE), as
 * 第1名 has 第一名 (inner_figure_forms).  Once, from one to ninety-nine.
 * 一 after 第 is a number, not "a" as in 一个. */
static void ordinal_form(const char *w, size_t len, ss_alts *a)
{
    for (size_t k = 0; k + strlen("第") < len; k++) {
        if (memcmp(w + k, "第", strlen("第")) != 0)
            continue;
        size_t d0 = k + strlen("第"), d1 = d0;
        for (size_t i = d0; i < len;) {
            size_t at = i;
            uint32_t cp = utf8_next(w, len, &i);
            if (!ss_num_is_numeral(cp) || cp == 0x4E07 /* 万 */ || cp == 0x4EBF /* 亿 */ ||
                ss_num_kilo_unit(w + at, len - at))
                break;
            d1 = i;
        }
        if (d1 == d0)
            continue;
        int ok = 0;
        uint64_t v = ss_num_han_value(w + d0, d1 - d0, &ok);
        /* 两 counts, it never orders (第两批 is no ordinal) */
        ok &= memcmp(w + d0, "两", strlen("两")) != 0;
        if (!ok || v == 0 || v > 99 || !starts_any(w + d1, len - d1, ordinal_measures,
                                                   NELEM(ordinal_measures)))
            return;
        if (a->n >= MAX_ALTS)
            return;
        char *t = a->text[a->n];
        int n = snprintf(t, SS_NUM_FORM_MAX, "%.*s%llu%.*s", (int)d0, w, (unsigned long long)v,
                         (int)(len - d1), w + d1);
        if (n > 0 && n < SS_NUM_FORM_MAX)
            a->kind[a->n++] = ALT_FIGURE;
        return;
    }
}

/* A day written month.day at the start of w (5.12地震, 7.20 暴雨, 9.8
 * 投洽会), which reports write with a middle dot (“5·12”汶川特大地震): the
 * dotted writing is another form (ALT_SAME, weighing less than the typed
 * one: a bare 3.5 may be a decimal, and 3·5 matches the 3 and 5 of
 * 3～5年).  Not a decimal that counts something: a numeral, a measure
 * word, %, a time word or more digits after it (5.12亿, 1.5米, 9.8%, 2.5月)
 * keep the one form. */
static void dotted_day_form(const char *w, size_t len, ss_alts *a)
{
    size_t i = 0;
    unsigned m = 0, d = 0;
    while (i < len && i < 2 && isdigit((unsigned char)w[i]))
        m = m * 10 + (unsigned)(w[i++] - '0');
    if (i == 0 || w[0] == '0' || m > 12 || i >= len || w[i] != '.')
        return;
    size_t j = ++i;
    while (i < len && i < j + 2 && isdigit((unsigned char)w[i]))
        d = d * 10 + (unsigned)(w[i++] - '0');
    if (i == j || w[j] == '0' || d > 31 || (i < len && !((unsigned char)w[i] & 0x80)))
        return;
    if (i < len) {
        size_t k = i;
        uint32_t cp = utf8_next(w, len, &k);
        static const char *const more[] = { "多", "余", "左右", "以上", "以下", "成", "季度",
                                            "月", "日", "号", "时", "分", "秒", "度" };
        if (!uc_is_han(cp) || ss_num_is_numeral(cp) ||
            starts_any(w + i, len - i, measures, NELEM(measures)) ||
            starts_any(w + i, len - i, more, NELEM(more)))
            return;
    }
    if (a->n >= MAX_ALTS || len + 2 >= SS_NUM_FORM_MAX)
        return;
    char *t = a->text[a->n];
    snprintf(t, SS_NUM_FORM_MAX, "%u\xc2\xb7%u%.*s", m, d, (int)(len - i), w + i);
    a->kind[a->n++] = ALT_SAME; /* a synonym's weight: 3.5 may be a decimal still */
}

void ss_q_find_alts(const ss_query_opts *o, int natural, const char *w, size_t len,
                    const size_t *bounds, size_t nb, ss_alts *a)
{
    a->n = 0;
    if (o && o->exact)
        return;
    ss_syn_alt sa[MAX_ALTS];
    size_t n = ss_syn_lookup(o ? o->syn : NULL, w, len, sa, MAX_ALTS);
    for (size_t i = 0; i < n && a->n < MAX_ALTS; i++) {
        if (sa[i].related && !natural)
            continue;
        /* a form holding the word (乡村振兴战略 for 乡村振兴) finds nothing new:
         * it would only count the word twice */
        if (memmem(sa[i].text, strlen(sa[i].text), w, len))
            continue;
        if (strlen(sa[i].text) >= ALT_TEXT_MAX)
            continue;
        strcpy(a->text[a->n], sa[i].text);
        a->kind[a->n++] = sa[i].related ? ALT_RELATED : ALT_SAME;
    }
    char forms[MAX_ALTS][SS_NUM_FORM_MAX];
    size_t nf = ss_num_forms(w, len, forms, MAX_ALTS);
    for (size_t i = 0; i < nf && a->n < MAX_ALTS; i++) {
        strcpy(a->text[a->n], forms[i]);
        a->kind[a->n++] = ALT_FIGURE;
    }
    if (nf == 0)
        inner_figure_forms(w, len, a);
    if (nf == 0)
        dotted_day_form(w, len, a);
    if (nf == 0)
        ordinal_form(w, len, a);
    if (nf == 0 && o && o->syn) {
        part p[PART_MAX];
        size_t np = find_parts(o->syn, w, len, bounds, nb, p);
        part_forms(p, np, w, len, a);
    }
}

/* Moves the unit last added (q->units[q->nunits - 1]) to index at, the
 * end of concept ci's other forms, shifting the units from at on, and
 * every index into them, by one. */
static void move_last_unit(ss_query *q, size_t ci, size_t at)
{
    unit u = q->units[q->nunits - 1];
    memmove(&q->units[at + 1], &q->units[at], (q->nunits - 1 - at) * sizeof *q->units);
    q->units[at] = u;
#define SHIFT(x) ((x) != SIZE_MAX && (x) >= at ? (x) + 1 : (x))
    for (size_t i = 0; i < q->nconcepts; i++) {
        concept *c = &q->concepts[i];
        int holds = i == ci; /* the concept the unit joins */
        c->u0 = SHIFT(c->u0);
        c->u1 = c->u1 > at ? c->u1 + 1 : c->u1;
        c->whole = SHIFT(c->whole);
        c->a0 = c->a0 > at || (c->a0 == at && !holds) ? c->a0 + 1 : c->a0;
        c->a1 = c->a1 > at || holds ? c->a1 + 1 : c->a1;
    }
    for (size_t i = 0; i < q->nitems; i++) {
        item *it = &q->items[i];
        it->u0 = SHIFT(it->u0);
        it->u1 = it->u1 > at ? it->u1 + 1 : it->u1;
        it->whole = SHIFT(it->whole);
    }
#undef SHIFT
}

/* Suffixes of the names of administrative divisions (许昌市, 河南省). */
static const char *const division_suffixes[] = { "市", "省", "县", "区", "州", "盟", "地区",
                                                 "自治区", "自治州", "自治县" };


/* Adds text[0, len) to concept ci as another form (ALT_SAME) weighing
 * qweight; 0 when it cannot (out of memory: the query stays as parsed). */
static int add_form(ss_query *q, size_t ci, const char *text, size_t len, float qweight)
{
    ss_analysis an;
    if (!q->ac || ss_analyze_atoms(q->ac, text, len, &an, NULL) != SS_OK || !an.natoms ||
        ss_q_add_unit(q, &an, 0, an.natoms - 1, NULL) != SS_OK)
        return 0;
    q->units[q->nunits - 1].alt = ALT_SAME;
    q->units[q->nunits - 1].qweight = qweight;
    move_last_unit(q, ci, q->concepts[ci].a1);
    return 1;
}

/* A place typed with its suffix (柳州市) also stands where the text names
 * it without (柳州螺蛳粉): the name without the suffix, when the gazetteer
 * knows it as the same place, is another form of the word.  Out of memory,
 * the form is left out (the query stays as parsed). */
void ss_q_add_short_place_names(ss_query *q, const ss_gazetteer *g)
{
    for (size_t ci = 0; ci < q->nconcepts; ci++) {
        concept *c = &q->concepts[ci];
        const unit *w = ss_q_typed_unit(q, c);
        if (c->u1 <= c->u0 || w->alt != ALT_TYPED || q->items[c->item].quoted || w->n < 3)
            continue;
        size_t len = strlen(w->text);
        for (size_t s = 0; s < NELEM(division_suffixes); s++) {
            size_t sl = strlen(division_suffixes[s]);
            if (len <= sl || memcmp(w->text + len - sl, division_suffixes[s], sl) != 0 ||
                utf8_count(w->text, len - sl) < 2)
                continue;
            uint32_t full[MAX_CONCEPT_PLACES], bare[MAX_CONCEPT_PLACES];
            size_t nf = ss_gaz_lookup(g, w->text, len, full, MAX_CONCEPT_PLACES);
            size_t nb = ss_gaz_lookup(g, w->text, len - sl, bare, MAX_CONCEPT_PLACES);
            int same = 0;
            for (size_t i = 0; i < nf && !same; i++)
                for (size_t k = 0; k < nb && !same; k++)
                    same = full[i] == bare[k];
            if (!same)
                continue;
            if (!add_form(q, ci, w->text, len - sl, 1.0f))
                return;
            break;
        }
    }
}

/* Last characters of institutions, systems and measures (路长制, 应急局,
 * 覆盖率), hardly ever of a given name. */
static const char NOT_NAME_ENDS[] = SS_Q_INSTITUTION_ENDS;

/* A person's name typed whole (王战营: a common surname and a given name
 * of two characters, no word of the dictionary and no place) also stands
 * where a speech calls the person by the given name, as colleagues are
 * named (战营同志): that form is another form of the word.  The first two
 * characters make no word either (安置房, 公租房 are no names), and the last
 * is none that ends the names of institutions and systems (路长制).  Names
 * of two characters are left alone (强同志 could be anyone); --exact
 * (opts.exact) adds none.  g NULL: the query names no place
 * (ss_need_places).  Out of memory, the form is left out (the query stays
 * as parsed). */
void ss_q_add_given_name_forms(ss_query *q, const ss_gazetteer *g)
{
    static const char comrade[] = "同志";
    const seg_dict *d = q->ac ? ss_actx_dict(q->ac) : NULL;
    if (q->natural || q->opts.exact)
        return;
    for (size_t ci = 0; ci < q->nconcepts; ci++) {
        concept *c = &q->concepts[ci];
        const unit *w = ss_q_typed_unit(q, c);
        if (c->u1 <= c->u0 || w->alt != ALT_TYPED || q->items[c->item].quoted || c->a1 > c->a0)
            continue; /* a word with forms of its own (公租房: 公共租赁住房) is vocabulary */
        size_t len = strlen(w->text), at = 0, start[3]; /* each character's first byte */
        uint32_t cp[3], ids[1];
        int n = 0;
        while (at < len && n < 3) {
            start[n] = at;
            cp[n++] = utf8_next(w->text, len, &at);
        }
        if (n != 3 || at != len || !ss_common_surname(cp[0]) || !uc_is_han(cp[1]) ||
            !uc_is_han(cp[2]) || cp_in(cp[2], NOT_NAME_ENDS) ||
            (d && (seg_dict_lookup(d, w->text, len, NULL) ||
                   seg_dict_lookup(d, w->text, start[2], NULL))) ||
            (g && ss_gaz_lookup(g, w->text, len, ids, 1) > 0))
            continue;
        char form[16];
        size_t fl = len - start[1];
        if (fl + sizeof comrade > sizeof form)
            continue;
        memcpy(form, w->text + start[1], fl);
        memcpy(form + fl, comrade, sizeof comrade);
        if (!add_form(q, ci, form, strlen(form), 1.0f))
            return;
    }
}

/* Keyword words that are two parts or more of one list of the synonym
 * table (简政放权 放管结合 -> 放管服 = 简政放权、放管结合、优化服务; 碳达峰
 * 碳中和 -> 双碳) each also find the list's short forms: the passages that
 * say 放管服 hold both.  Only parts of three characters or more count (农业
 * 农村 are no name of 三农); a form a word has already, or one holding the
 * word, is not added.
 * Out of memory, forms are left out (the query stays as parsed). */
#define LIST_PART_MIN 3
#define LIST_GROUPS 8
void ss_q_add_list_forms(ss_query *q)
{
    const ss_syn *syn = q->opts.exact ? NULL : q->opts.syn;
    if (!syn || q->natural)
        return;
    struct {
        unsigned line;
        uint64_t concepts; /* bit c: concept c is a part */
        size_t parts;
        ss_syn_list g;
    } seen[LIST_GROUPS];
    size_t ns = 0;
    for (size_t ci = 0; ci < q->nconcepts && ci < 64; ci++) {
        const concept *c = &q->concepts[ci];
        const unit *w = ss_q_typed_unit(q, c);
        if (c->u1 <= c->u0 || w->alt != ALT_TYPED || q->items[c->item].quoted ||
            q->items[c->item].negated || utf8_count(w->text, strlen(w->text)) < LIST_PART_MIN)
            continue;
        ss_syn_list g[LIST_GROUPS];
        size_t n = ss_syn_lists_with(syn, w->text, strlen(w->text), g, LIST_GROUPS);
        for (size_t i = 0; i < n; i++) {
            size_t k = 0;
            while (k < ns && seen[k].line != g[i].line)
                k++;
            if (k == ns) {
                if (ns == LIST_GROUPS)
                    continue;
                seen[ns].line = g[i].line;
                seen[ns].concepts = 0;
                seen[ns].parts = 0;
                seen[ns++].g = g[i];
            }
            if (!(seen[k].concepts & ((uint64_t)1 << ci))) {
                seen[k].concepts |= (uint64_t)1 << ci;
                seen[k].parts++;
            }
        }
    }
    for (size_t k = 0; k < ns; k++) {
        if (seen[k].parts < 2)
            continue;
        for (size_t ci = 0; ci < q->nconcepts && ci < 64; ci++) {
            if (!(seen[k].concepts & ((uint64_t)1 << ci)))
                continue;
            for (size_t f = 0; f < seen[k].g.nforms; f++) {
                const char *t = seen[k].g.forms[f].text;
                const unit *w = ss_q_typed_unit(q, &q->concepts[ci]);
                /* a form holding the word (碳达峰碳中和 for 碳达峰) would count it twice */
                int have = strstr(t, w->text) != NULL;
                for (size_t u = q->concepts[ci].a0; u < q->concepts[ci].a1 && !have; u++)
                    have = strcmp(q->units[u].text, t) == 0;
                if (have || strlen(t) >= ALT_TEXT_MAX)
                    continue;
                /* one passage saying 放管服 holds all k words: it weighs as one form */
                if (!add_form(q, ci, t, strlen(t), 1.0f / (float)seen[k].parts))
                    return;
            }
        }
    }
}

/* Initials (缩写): a speech names a pair or a list of measures by the first
 * character of each of their words, 智改数转 for 智能化改造 and
 * 数字化转型, and quotes that name.  Keywords typed side by side whose
 * words' initials, in the order typed, make a word the collection indexes
 * (a quoted name or a segmenter word: terms.h) also find that word, as
 * another form of each of them weighing 1/k (k keywords: one passage
 * saying it holds them all, as ss_q_add_list_forms has it).  A keyword's
 * words are its typed units, and a unit of four characters or more is cut
 * into dictionary words (智能化改造: 智能化 + 改造) by the longest first
 * (专业化 精细化 特色化 新颖化: 专精特新).  The initials of
 * INITIALS_MIN to INITIALS_MAX characters count: fewer (数转) name too
 * many things. */
#define INITIALS_MIN 4
#define INITIALS_MAX 8
#define INITIALS_WORDS 6  /* keywords in one run */

/* Appends to out (at *n bytes, cap) the initials of unit u: the first
 * character of each dictionary word it is cut into (when they cover it),
 * else its own first character; how many words; 0 when it is no Han word
 * or there is no room. */
static size_t unit_initials(const unit *u, const seg_dict *d, char *out, size_t *n, size_t cap)
{
    if (u->n == 0 || u->n > UNIT_MAX_ATOMS || !ss_q_all_han(u))
        return 0;
    size_t starts[UNIT_MAX_ATOMS], words = 0, i = 0;
    while (u->n >= 4 && d && i < u->n) {
        size_t take = 0;
        for (size_t l = u->n - i < u->n - 1 ? u->n - i : u->n - 1; l >= 2 && !take; l--) {
            uint32_t f;
            size_t from = u->a[i].off, to = u->a[i + l - 1].off + u->a[i + l - 1].len;
            if (seg_dict_lookup(d, u->text + from, to - from, &f))
                take = l;
        }
        if (!take)
            break;
        starts[words++] = i;
        i += take;
    }
    if (i < u->n || words == 0) { /* not covered: one word */
        words = 1;
        starts[0] = 0;
    }
    for (size_t k = 0; k < words; k++) {
        const uatom *a = &u->a[starts[k]];
        if (*n + a->len >= cap)
            return 0;
        memcpy(out + *n, u->text + a->off, a->len);
        *n += a->len;
    }
    return words;
}

/* The initials of concept c's typed units into out (at *n bytes, cap);
 * 0 when it is none to abbreviate (a figure, letters). */
static int concept_initials(const ss_query *q, const concept *c, const seg_dict *d, char *out,
                            size_t *n, size_t cap)
{
    size_t at = *n;
    if (c->figure || c->u1 <= c->u0)
        return 0;
    for (size_t u = c->u0; u < c->u1; u++)
        if (!unit_initials(&q->units[u], d, out, n, cap)) {
            *n = at;
            return 0;
        }
    return 1;
}

/* 1 when concept c has the form text already. */
static int has_form(const ss_query *q, const concept *c, const char *text)
{
    for (size_t u = c->a0; u < c->a1; u++)
        if (strcmp(q->units[u].text, text) == 0)
            return 1;
    return 0;
}

void ss_q_add_initials_forms(ss_query *q, ss_q_has_term_fn has_term, void *arg)
{
    const seg_dict *d = q->ac ? ss_actx_dict(q->ac) : NULL;
    if (!has_term || !d || q->opts.exact || q->natural || !q->ac)
        return;
    for (size_t c0 = 0; c0 + 1 < q->nconcepts; c0++) {
        char s[INITIALS_MAX * 4 + 1];
        size_t n = 0;
        for (size_t c1 = c0; c1 < q->nconcepts && c1 < c0 + INITIALS_WORDS; c1++) {
            const concept *c = &q->concepts[c1];
            const item *it = &q->items[c->item];
            if (it->quoted || it->negated || q->or_next[c->item] ||
                (c->item > 0 && q->or_next[c->item - 1]) ||
                !concept_initials(q, c, d, s, &n, sizeof s))
                break;
            s[n] = '\0';
            size_t chars = utf8_count(s, n);
            if (c1 == c0 || chars < INITIALS_MIN)
                continue;
            if (chars > INITIALS_MAX)
                break;
            ss_analysis an;
            char term[SS_MAX_TERM + 1];
            if (ss_analyze_atoms(q->ac, s, n, &an, NULL) != SS_OK || !an.natoms ||
                !ss_term_of_atoms(&an, 0, an.natoms - 1, term) || !has_term(arg, term))
                continue;
            for (size_t k = c0; k <= c1; k++)
                if (!has_form(q, &q->concepts[k], s) &&
                    !add_form(q, k, s, n, 1.0f / (float)(c1 - c0 + 1)))
                    return;
        }
    }
}

/* ---- Taiwan's words (a traditional query typed as Taiwan writes) ----
 *
 * Analysis turns traditional characters into simplified ones one by one
 * (t2s), which reads 網路 as 网路 and 資訊 as 信息's 资讯: words the
 * mainland's reports seldom write, so 網路安全 found nothing.  OpenCC's
 * tw2sp also turns Taiwan's words into the mainland's (网络, 信息, 软件,
 * 数字, 集成电路, 知识产权); but mainland text in traditional script, the
 * usual traditional query here, would lose words of its own (西部陸海新通道
 * -> 信道, 執行 -> 运行, 新增 -> 添加).  So tw2sp's word is another form of
 * a query word only where the collection writes it far more often than
 * the word as t2s reads it: the least frequent bigram around the change
 * in at least TW_RATIO times the passages (in some passage, where no
 * passage holds t2s's reading: the word as read finds nothing there). */
#define TW_RATIO 10
#define TW_TOKENS 32

/* The fewest passages (df) holding a bigram of Han characters of s that
 * takes in a character of s's characters [ds, de); UINT32_MAX when none. */
static uint32_t least_bigram_df(const char *s, size_t ds, size_t de, ss_q_df_fn df, void *arg)
{
    uint32_t least = UINT32_MAX;
    size_t len = strlen(s), i = 0, k = 0, prev = 0;
    uint32_t pcp = 0;
    while (i < len) {
        size_t at = i;
        uint32_t cp = utf8_next(s, len, &i);
        /* the bigram of characters k - 1 and k */
        if (k > 0 && k >= ds && k - 1 < de && uc_is_han(pcp) && uc_is_han(cp)) {
            char t[16];
            memcpy(t, s + prev, i - prev);
            t[i - prev] = '\0';
            uint32_t n = df(arg, t);
            least = n < least ? n : least;
        }
        prev = at;
        pcp = cp;
        k++;
    }
    return least;
}

/* Splits s at blanks (ASCII and ideographic) into at most max tokens
 * (starts and ends in bytes); returns how many, or max + 1 when more. */
static size_t blank_tokens(const char *s, size_t *st, size_t *en, size_t max)
{
    size_t n = 0, len = strlen(s), i = 0;
    while (i < len) {
        while (i < len && (s[i] == ' ' || s[i] == '\t' ||
                           (i + 3 <= len && memcmp(s + i, "\xe3\x80\x80", 3) == 0)))
            i += s[i] == ' ' || s[i] == '\t' ? 1 : 3;
        if (i >= len)
            break;
        if (n == max)
            return max + 1;
        st[n] = i;
        while (i < len && s[i] != ' ' && s[i] != '\t' &&
               !(i + 3 <= len && memcmp(s + i, "\xe3\x80\x80", 3) == 0))
            i++;
        en[n++] = i;
    }
    return n;
}

void ss_q_add_taiwan_forms(ss_query *q, ss_q_df_fn df, void *arg)
{
    if (!df || !q->ac || q->opts.exact || !q->typed)
        return;
    /* the typed text as analysis reads it, and with tw2sp's words (both
     * folded as analysis folds: half width, lower case) */
    char *a = NULL, *b = NULL, *tw = NULL;
    size_t tl = strlen(q->typed);
    if (ss_tw2sp_string(q->ac, q->typed, tl, &tw, NULL) != SS_OK || !tw ||
        ss_normalize_string(q->ac, q->typed, tl, &a, NULL) != SS_OK ||
        ss_normalize_string(q->ac, tw, strlen(tw), &b, NULL) != SS_OK || strcmp(a, b) == 0) {
        free(a);
        free(b);
        free(tw);
        return;
    }
    free(tw);
    size_t as[TW_TOKENS], ae[TW_TOKENS], bs[TW_TOKENS], be[TW_TOKENS];
    size_t na = blank_tokens(a, as, ae, TW_TOKENS), nb = blank_tokens(b, bs, be, TW_TOKENS);
    for (size_t t = 0; na == nb && na <= TW_TOKENS && t < na; t++) {
        const char *x = a + as[t], *y = b + bs[t];
        size_t lx = ae[t] - as[t], ly = be[t] - bs[t];
        if (lx == ly && memcmp(x, y, lx) == 0)
            continue;
        /* the change: what differs between the common start and end */
        size_t p = 0, ix = 0, iy = 0;
        while (ix < lx && iy < ly) {
            size_t jx = ix, jy = iy;
            if (utf8_next(x, lx, &jx) != utf8_next(y, ly, &jy))
                break;
            ix = jx;
            iy = jy;
        }
        p = ix;
        size_t sx = lx, sy = ly; /* where the common end begins */
        while (sx > p && sy > p) {
            size_t kx = sx, ky = sy;
            do
                kx--;
            while (kx > p && ((unsigned char)x[kx] & 0xC0) == 0x80);
            do
                ky--;
            while (ky > p && ((unsigned char)y[ky] & 0xC0) == 0x80);
            size_t jx = kx, jy = ky;
            if (utf8_next(x, lx, &jx) != utf8_next(y, ly, &jy))
                break;
            sx = kx;
            sy = ky;
        }
        if (sx == p || sy == p)
            continue; /* a character dropped or added: no word changed */
        for (size_t ci = 0; ci < q->nconcepts; ci++) {
            const concept *c = &q->concepts[ci];
            const item *it = &q->items[c->item];
            if (it->quoted || it->negated)
                continue;
            const char *w = ss_q_typed_unit(q, c)->text;
            size_t lw = strlen(w);
            /* the word where the token holds it around the change */
            const char *at = NULL;
            for (const char *f = x; (f = memmem(f, lx - (size_t)(f - x), w, lw)) != NULL; f++)
                if ((size_t)(f - x) <= p && (size_t)(f - x) + lw >= sx) {
                    at = f;
                    break;
                }
            if (!at)
                continue;
            size_t o = (size_t)(at - x);
            char alt[ALT_TEXT_MAX];
            int n = snprintf(alt, sizeof alt, "%.*s%.*s%.*s", (int)(p - o), w, (int)(sy - p), y + p,
                             (int)(o + lw - sx), w + (sx - o));
            if (n <= 0 || (size_t)n >= sizeof alt || has_form(q, c, alt))
                continue;
            size_t ds = utf8_count(w, p - o);
            uint32_t typed_df = least_bigram_df(w, ds, ds + utf8_count(x + p, sx - p), df, arg);
            uint32_t alt_df = least_bigram_df(alt, ds, ds + utf8_count(y + p, sy - p), df, arg);
            if (alt_df == UINT32_MAX || alt_df == 0 ||
                (typed_df != UINT32_MAX && alt_df / TW_RATIO < typed_df))
                continue;
            if (!add_form(q, ci, alt, (size_t)n, 1.0f))
                break;
        }
    }
    free(a);
    free(b);
}
