/* qsyntax.c: the query's syntax: full-width forms folded, the text cut
 * into items (words, "phrases", -excluded, OR, field:value), see query.h. */
#include "query_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "numbers.h"
#include "utf8.h"

int ss_q_quote_at(const char *s, size_t len, size_t i, size_t *next, int closing)
{
    size_t k = i;
    uint32_t cp = utf8_next(s, len, &k);
    *next = k;
    return cp == '"' || cp == (closing ? 0x201D : 0x201C) || (closing && cp == 0x201C);
}

/* Chinese names of the fields (地区:上海 is region:上海). */
static const struct {
    const char *zh, *field;
} field_aliases[] = {
    { "地区", "region" }, { "年份", "year" },   { "讲话人", "speaker" },
    { "类型", "kind" },   { "标题", "title" },
};

/* 1 when out[0, o) ends with a field's name standing at its start or
 * after a blank (a colon after it makes a filter). */
static int field_before(const char *out, size_t o)
{
    for (int k = 0; k < SS_F_COUNT; k++) {
        const char *name = ss_field_name((ss_field)k);
        size_t n = strlen(name);
        if (o >= n && strncasecmp(out + o - n, name, n) == 0 &&
            (o == n || out[o - n - 1] == ' ' || out[o - n - 1] == '\t' ||
             out[o - n - 1] == '-'))
            return 1;
    }
    return 0;
}

/* out[0, o) with a Chinese name of a field at its end, standing at its
 * start or after a blank, written as the field's name; the new length. */
static size_t field_alias(char *out, size_t o)
{
    for (size_t k = 0; k < sizeof field_aliases / sizeof field_aliases[0]; k++) {
        size_t n = strlen(field_aliases[k].zh), f = strlen(field_aliases[k].field);
        if (o >= n && memcmp(out + o - n, field_aliases[k].zh, n) == 0 &&
            (o == n || out[o - n - 1] == ' ') && f <= n) {
            memcpy(out + o - n, field_aliases[k].field, f);
            return o - n + f;
        }
    }
    return o;
}

/* Measures a figure is written with (1740万千瓦, 904.6亿元, 3个, 1998年),
 * after any of 万 亿 千 百.  A figure typed apart from its measure
 * (1740 万千瓦, 1998 年: the blank many writers put between digits and
 * Chinese) is the figure with its measure; apart, the figure stood alone
 * and found nothing (1740 is not 1740万). */
static const char *const figure_measures[] = {
    "元", "美元", "年", "年度", "月", "日", "号", "个", "家", "座", "所", "项", "户", "名", "人",
    "人次", "吨", "亩", "公顷", "米", "公里", "千米", "平方米", "平方公里", "立方米", "千瓦",
    "千瓦时", "瓦", "度", "倍", "次", "辆", "台", "套", "条", "处", "间", "张", "艘", "架", "栋",
    "篇", "部", "支", "只", "头", "株", "棵", "类", "批", "件", "届", "期", "位", "岁", "天",
    "周", "小时", "分钟", "公斤", "斤", "克", "升", "标准煤", "床", "张床", "所学校", "万",
    "亿", "千", "百", "多", "余", "余人", "多人", "多个", "余个", "多家", "余家",
};

/* Bytes of blanks at s[i, len) to drop between a figure that ends out[0,
 * o) and its measure after them (1740 万千瓦, 8.5 %, 1998 年特大洪水); 0
 * when none.  The figure is digits, with . or , inside, standing at the
 * start or after a blank or Chinese: not after letters (IPv6 部署), nor
 * a field's value (year:2019 年).  The measure is all that stands before
 * the next blank (1998 年, not 2019 项目建设), or 年 after a year. */
static size_t figure_blank(const char *out, size_t o, const char *s, size_t len, size_t i)
{
    if (o == 0 || !ascii_is_digit(out[o - 1]))
        return 0;
    size_t f = o;
    while (f > 0 && (ascii_is_digit(out[f - 1]) || out[f - 1] == '.' || out[f - 1] == ','))
        f--;
    if (!ascii_is_digit(out[f]) ||
        (f > 0 && (ascii_is_alnum(out[f - 1]) || out[f - 1] == ':' || out[f - 1] == '+' ||
                   out[f - 1] == '-' || out[f - 1] == '_')))
        return 0;
    size_t k = i, nx;
    while (k < len) {
        size_t b = k;
        uint32_t c = utf8_next(s, len, &b);
        if (c != ' ' && c != 0x3000 && c != '\t')
            break;
        k = b;
    }
    if (k == i || k >= len)
        return 0;
    if (s[k] == '%' || starts_with(s + k, len - k, "％"))
        return k - i;
    size_t e = k; /* the run of Chinese after the blanks */
    for (nx = e; e < len; e = nx) {
        uint32_t c = utf8_next(s, len, &nx);
        if (c < 0x4E00 || c > 0x9FFF)
            break;
    }
    size_t m = k;
    while (m < e && (starts_with(s + m, e - m, "万") || starts_with(s + m, e - m, "亿")) &&
           m + 3 < e)
        m += 3;
    for (size_t j = 0; j < sizeof figure_measures / sizeof figure_measures[0]; j++)
        if (strlen(figure_measures[j]) == e - m && memcmp(s + m, figure_measures[j], e - m) == 0 &&
            (e == len || s[e] == ' ' || s[e] == '\t' || (unsigned char)s[e] == 0xE3))
            return k - i;
    if (o - f == 4 && e > k && starts_with(s + k, e - k, "年") && (out[f] == '1' || out[f] == '2'))
        return k - i;
    return 0;
}

/* The query with the full-width forms a Chinese input method types
 * (：－＋（）ＯＲ, letters and digits) made half-width, so that they mean
 * what the half-width syntax means; outside quotes and without --exact
 * (exact: the words as typed), a dash or a tilde between years or
 * figures as the hyphen of a range, and a figure typed
 * with digits and 千 or 百 in digits (1百万吨: 100万吨, as the reports
 * write it; ss_num_loose_digits), read then as any figure. */
char *ss_q_fold_syntax(const char *s, size_t len, int exact)
{
    char *out = malloc(len + 1);
    if (!out)
        return NULL;
    size_t o = 0;
    int quoted = 0;
    for (size_t i = 0; i < len;) {
        size_t at = i;
        uint32_t cp = utf8_next(s, len, &i);
        uint64_t v = 0;
        size_t fl, nx;
        if (ss_q_quote_at(s, len, at, &nx, quoted) || cp == 0xFF02 /* ＂, '"' below */)
            quoted = !quoted;
        if (!quoted && !exact && ascii_is_digit(s[at]) &&
            (o == 0 || !(ascii_is_alnum(out[o - 1]) ||
                         out[o - 1] == '.' || out[o - 1] == '+')) &&
            (fl = ss_num_loose_digits(s + at, len - at, &v)) > 0) {
            o += (size_t)snprintf(out + o, fl + 1, "%llu", (unsigned long long)v);
            i = at + fl;
            continue;
        }
        /* a dash or a tilde between years or figures is the hyphen of a range
         * (2016—2020年, 2016～2020年, 1~11月: as 2016-2020年) */
        if (!quoted && !exact && (cp == 0x2014 || cp == 0x2013 || cp == '~' || cp == 0xFF5E) && o > 0 &&
            i < len && ascii_is_digit(s[i]) &&
            (ascii_is_digit(out[o - 1]) ||
             (o >= 3 && memcmp(out + o - 3, "\xe5\xb9\xb4" /* 年 */, 3) == 0))) {
            out[o++] = '-';
            continue;
        }
        if (!quoted && (cp == ':' || cp == 0xFF1A) && (o = field_alias(out, o)) > 0 &&
            field_before(out, o)) { /* region: 上海: the value after the blank */
            out[o++] = ':';
            size_t k = i, b = i;
            for (uint32_t c = 0; k < len && ((c = utf8_next(s, len, &b)) == ' ' || c == 0x3000);)
                k = b;
            i = k;
            continue;
        }
        size_t gap;
        if (!quoted && !exact && (cp == ' ' || cp == 0x3000 || cp == '\t') &&
            (gap = figure_blank(out, o, s, len, at)) > 0) {
            i = at + gap; /* 1740 万千瓦: 1740万千瓦 */
            continue;
        }
        if (cp >= 0xFF01 && cp <= 0xFF5E)
            out[o++] = (char)(cp - 0xFF01 + 0x21);
        else if (cp == 0x2212 || cp == 0xFE63) /* minus sign, small minus */
            out[o++] = '-';
        else {
            memcpy(out + o, s + at, i - at);
            o += i - at;
        }
    }
    out[o] = '\0';
    return out;
}

enum { NOT_SPACE = 0, BLANK, LIST_MARK };

/* BLANK, or LIST_MARK for a mark that separates the words of a list as a
 * blank does (项目建设，招商引资; 项目建设、招商引资; a full-width comma or
 * semicolon is half-width by now), but not a comma inside a figure
 * (1,000亿), or for a question or exclamation mark, which ends what it
 * follows and makes no question of keywords (新基建？ is 新基建: a question
 * is read from its words, 如何…, 哪些…, …吗), or for brackets; else
 * NOT_SPACE. */
static int is_space_at(const char *s, size_t len, size_t i, size_t *next)
{
    size_t k = i;
    uint32_t cp = utf8_next(s, len, &k);
    *next = k;
    if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x3000)
        return BLANK;
    if (cp == ',')
        return i > 0 && ascii_is_digit(s[i - 1]) && k < len && ascii_is_digit(s[k]) ? NOT_SPACE : LIST_MARK;
    /* brackets around a word set it apart too: 特大洪水（1998年）, 《政府工作报告》 */
    return cp == ';' || cp == '?' || cp == '!' || cp == 0x3001 /* 、 */ || cp == 0x3002 /* 。 */ ||
                   cp == '(' || cp == ')' || cp == '[' || cp == ']' || cp == 0x3010 /* 【 */ ||
                   cp == 0x3011 /* 】 */ || cp == 0x300A /* 《 */ || cp == 0x300B /* 》 */
               ? LIST_MARK
               : NOT_SPACE;
}


/* Splits the query text into raw items. */
size_t ss_q_split_items(const char *s, size_t len, raw_item *out, size_t max)
{
    size_t i = 0, n = 0, nx;
    int apart = 1;
    while (i < len && n < max) {
        int sp = is_space_at(s, len, i, &nx);
        if (sp) {
            apart |= sp == BLANK;
            i = nx;
            continue;
        }
        raw_item r = { 0, 0, 0, 0, 0, apart };
        apart = 0;
        if (s[i] == '-' && i + 1 < len && !is_space_at(s, len, i + 1, &nx)) {
            r.negated = 1;
            i++;
        }
        if (ss_q_quote_at(s, len, i, &nx, 0)) {
            r.quoted = 1;
            r.s = i = nx;
            while (i < len && !ss_q_quote_at(s, len, i, &nx, 1))
                i = nx;
            r.e = i;
            if (i < len)
                i = nx;
        } else {
            r.s = i;
            while (i < len && !is_space_at(s, len, i, &nx))
                i = nx;
            r.e = i;
            r.is_or = !r.negated && r.e - r.s == 2 && memcmp(s + r.s, "OR", 2) == 0;
        }
        out[n++] = r;
    }
    /* between two items, AND says what a blank says and goes; OR, and or
     * any other writing of the two are the operators too (乡村振兴 AND 人才
     * required the word and: nothing found) */
    size_t k = 0;
    for (size_t j = 0; j < n; j++) {
        raw_item *r = &out[j];
        int between = j > 0 && j + 1 < n && !r->quoted && !r->negated && r->e - r->s <= 3;
        if (between && r->e - r->s == 3 && strncasecmp(s + r->s, "and", 3) == 0)
            continue;
        if (between && r->e - r->s == 2 && strncasecmp(s + r->s, "or", 2) == 0)
            r->is_or = 1;
        out[k++] = *r;
    }
    return k;
}


/* 1 when an item has the form of a filter (name:value with a known name). */
int ss_q_is_filter(const char *s, size_t len)
{
    const char *colon = memchr(s, ':', len);
    if (!colon)
        return 0;
    for (int k = 0; k < SS_F_COUNT; k++) {
        const char *name = ss_field_name((ss_field)k);
        if (strlen(name) == (size_t)(colon - s) && strncasecmp(name, s, strlen(name)) == 0)
            return 1;
    }
    return 0;
}
