/* speech_date.c: dates in speeches (see speech_int.h).
 *
 * A date is YYYY年[M月[D日]], YYYY-M[-D] (also . and /), or a bare YYYY
 * where nothing makes it a quantity; years 1949-2100, or from 1900 with a
 * month (the party documents of 1920-1948: 1945-05-14, 一九四五年四月).  A
 * speech's date is a date line or a full date in its head, else a year or
 * month in the title or a short head line, refined by "2019年元旦" in the
 * first body line; else the year of "2018年是…之年"; else the date its
 * file's name begins with (2020-02-24_01.txt, 1956-八大报告.txt).  Its
 * publication date (更新时间:2023-02, 发布时间：2021年3月5日) is kept apart. */
#include "speech_int.h"

#include <stdio.h>

#include "base.h"

static const char *const PUBDATE_KW[] = { "更新时间", "发布时间", "发布日期", "发表时间",
                                          "发稿时间", "日期" };

static int precision(const ymd *x)
{
    return !x->y ? 0 : !x->m ? 1 : !x->d ? 2 : 3;
}

/* Reads up to max digits at s[*i] into *v; returns how many. */
static int read_num(const char *s, size_t n, size_t *i, int max, int *v)
{
    int k = 0;
    *v = 0;
    while (k < max) {
        size_t j = *i;
        int dv;
        if (!is_digit_cp(next_cp(s, n, &j), &dv))
            break;
        *v = *v * 10 + dv;
        *i = j;
        k++;
    }
    return k;
}

/* A digit of a year written in Chinese (二〇〇八): its value, else -1. */
static int cn_digit(uint32_t cp)
{
    static const uint32_t d[] = { 0x3007 /* 〇 */, 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94,
                                  0x516D, 0x4E03, 0x516B, 0x4E5D /* 一…九 */ };
    if (cp == 0x25CB /* ○ */ || cp == 0x96F6 /* 零 */)
        return 0;
    for (int k = 0; k < 10; k++)
        if (cp == d[k])
            return k;
    return -1;
}

/* A month or day written in Chinese at s[*i] (一, 十, 十二, 二十, 三十一:
 * 1-99) into *v, advancing *i; 0 if none. */
static int read_cn_small(const char *s, size_t n, size_t *i, int *v)
{
    size_t j = *i, k = j;
    uint32_t cp = next_cp(s, n, &k);
    int tens = 0, ones = cn_digit(cp);
    if (cp == 0x5341 /* 十 */) {
        tens = 1;
        ones = 0;
    } else if (ones > 0) {
        size_t t = k;
        if (next_cp(s, n, &t) == 0x5341) {
            tens = ones;
            ones = 0;
            k = t;
        } else {
            *v = ones;
            *i = k;
            return 1;
        }
    } else {
        return 0;
    }
    size_t t = k; /* the ones after 十 */
    int o = cn_digit(next_cp(s, n, &t));
    if (o > 0) {
        ones = o;
        k = t;
    }
    *v = tens * 10 + ones;
    *i = k;
    return 1;
}

/* Reads a month or day (1-99) at s[*i] into *v, advancing *i; 0 if none. */
typedef int (*small_reader)(const char *s, size_t n, size_t *i, int *v);

static int read_small(const char *s, size_t n, size_t *i, int *v)
{
    return read_num(s, n, i, 2, v);
}

/* "M月[D日]" at s[*i] into r (advancing *i), the numbers read by rd
 * (digits, or Chinese numerals after a year written in them) */
static void month_day_cn(const char *s, size_t n, size_t *i, ymd *r, small_reader rd)
{
    int m, d;
    size_t j = *i;
    if (!rd(s, n, &j, &m) || m < 1 || m > 12 || next_cp(s, n, &j) != 0x6708 /* 月 */)
        return;
    r->m = m;
    *i = j;
    if (rd(s, n, &j, &d) && d >= 1 && d <= 31) {
        uint32_t cp = next_cp(s, n, &j);
        if (cp == 0x65E5 /* 日 */ || cp == 0x53F7 /* 号 */) {
            r->d = d;
            *i = j;
        }
    }
}

/* "-M[-D]" (sep given) at s[*i] into r; 0 if no month follows. */
static int month_day_sep(const char *s, size_t n, size_t *i, uint32_t sep, ymd *r)
{
    int m, d;
    size_t j = *i;
    if (!read_num(s, n, &j, 2, &m) || m < 1 || m > 12)
        return 0;
    r->m = m;
    *i = j;
    if (next_cp(s, n, &j) == sep && read_num(s, n, &j, 2, &d) && d >= 1 && d <= 31) {
        r->d = d;
        *i = j;
    }
    return 1;
}

/* Characters after a bare 4-digit number that make it a quantity. */
#define QUANTITY_UNITS "亿万千百个元多余人家项吨亩米字分次页篇号平公条座所名户%％.期届"

#define YEAR_FIRST 1949     /* a year alone */
#define YEAR_FIRST_DATED 1900 /* a year with its month */

/* A year written in Chinese at s[*i] (二〇〇八: four digits) into *y,
 * advancing *i; 0 if none. */
static int read_cn_year(const char *s, size_t n, size_t *i, int *y)
{
    size_t j = *i;
    *y = 0;
    for (int k = 0; k < 4; k++) {
        int v = cn_digit(next_cp(s, n, &j));
        if (v < 0)
            return 0;
        *y = *y * 10 + v;
    }
    *i = j;
    return 1;
}

/* A date at s[i]: YYYY年[M月[D日]], YYYY-M[-D] (also . and /), the same
 * in Chinese numerals (二〇〇三年一月八日), or with bare_ok a bare YYYY not
 * followed by a unit.  Years YEAR_FIRST-2100, or from YEAR_FIRST_DATED
 * with a month. */
static int parse_date(const char *s, size_t n, size_t i, int bare_ok, ymd *out, size_t *end)
{
    int y;
    size_t j = i;
    int cn = cn_digit(next_cp(s, n, &j)) >= 0;
    j = i;
    if ((cn ? !read_cn_year(s, n, &j, &y) : read_num(s, n, &j, 5, &y) != 4) ||
        y < YEAR_FIRST_DATED || y > 2100)
        return 0;
    ymd r = { y, 0, 0 };
    size_t k = j;
    uint32_t cp = next_cp(s, n, &k);
    if (cp == 0x5E74 /* 年 */) {
        j = k;
        month_day_cn(s, n, &j, &r, cn ? read_cn_small : read_small);
    } else if (cn) {
        return 0; /* a year in Chinese numerals stands before 年 */
    } else if (cp == '-' || cp == '.' || cp == '/') {
        if (!month_day_sep(s, n, &k, cp, &r))
            return 0;
        j = k;
    } else if (!bare_ok || cp_in(cp, QUANTITY_UNITS) || cp_in(cp, "年月日")) {
        return 0;
    }
    if (y < YEAR_FIRST && !r.m)
        return 0;
    *out = r;
    *end = j;
    return 1;
}

/* First date in s[0..n) (see parse_date); 1 if found. */
static int find_date(const char *s, size_t n, int bare_ok, ymd *out, size_t *at)
{
    int prev_digit = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        int v;
        uint32_t cp = utf8_next(s, n, &j);
        int digit = is_digit_cp(cp, &v) || cn_digit(cp) >= 0;
        size_t end;
        if (digit && !prev_digit && parse_date(s, n, i, bare_ok, out, &end)) {
            if (at)
                *at = i;
            return 1;
        }
        prev_digit = digit || cp == '.' || cp == ':' || cp == '/';
        i = j;
    }
    return 0;
}

/* YYYY, YYYY-MM or YYYY-MM-DD into buf (16 bytes); "" if no date. */
const char *sp_format_date(const ymd *x, char *buf)
{
    buf[0] = '\0';
    if (precision(x) == 3)
        snprintf(buf, 16, "%04d-%02d-%02d", x->y, x->m, x->d);
    else if (precision(x) == 2)
        snprintf(buf, 16, "%04d-%02d", x->y, x->m);
    else if (precision(x) == 1)
        snprintf(buf, 16, "%04d", x->y);
    return buf;
}

/* Keeps the more precise of *cur and cand when they agree. */
static void refine(ymd *cur, const ymd *cand)
{
    if (!cur->y) {
        *cur = *cand;
        return;
    }
    if (cand->y != cur->y || (cur->m && cand->m != cur->m) || precision(cand) <= precision(cur))
        return;
    *cur = *cand;
}

/* Is the line only a date, maybe in brackets or after dashes? */
int sp_is_date_line(const char *s, size_t n, ymd *out)
{
    size_t a = 0, b = n, i = 0, end;
    while (a < b) {
        i = a;
        uint32_t cp = utf8_next(s, b, &i);
        if (!cp_in(cp, OPENERS "—-") && !uc_is_blank(cp))
            break;
        a = i;
    }
    while (b > a) {
        size_t k = b - 1;
        while (k > a && ((unsigned char)s[k] & 0xC0) == 0x80)
            k--;
        i = k;
        uint32_t cp = utf8_next(s, b, &i);
        if (!cp_in(cp, CLOSERS) && !uc_is_blank(cp))
            break;
        b = k;
    }
    return b > a && parse_date(s, b, a, 0, out, &end) && precision(out) == 3 && end == b;
}

int sp_is_pubdate_line(const char *s, size_t n)
{
    return has_any(s, n, PUBDATE_KW, NELEM(PUBDATE_KW));
}

/* A date line or a full date on a head line. */
static int head_full_date(const sctx *c, ymd *r)
{
    for (size_t l = c->a; l < c->h; l++) {
        size_t n;
        const char *s = cline(c, l, &n, NULL);
        if (sp_is_meta_line(s, n))
            continue;
        if (sp_is_date_line(s, n, r) || (find_date(s, n, 0, r, NULL) && precision(r) == 3))
            return 1;
    }
    return 0;
}

/* A year or month in the title, else in a short head line ("全县2010"). */
static int head_year(const sctx *c, ymd *r)
{
    size_t n;
    const char *s = ctitle(c, &n);
    if (s) {
        if (find_date(s, n, 0, r, NULL))
            return 1;
    }
    for (size_t l = c->a; l < c->h; l++) {
        size_t n;
        const char *s = cline(c, l, &n, NULL);
        if (l != c->tl && !sp_is_meta_line(s, n) && find_date(s, n, utf8_count(s, n) <= 16, r, NULL))
            return 1;
    }
    return 0;
}

/* "YYYY" ending right before byte p of s, as a year. */
static int year_before(const char *s, size_t p, int *y)
{
    int v = 0;
    if (p < 4)
        return 0;
    for (size_t k = p - 4; k < p; k++) {
        if (s[k] < '0' || s[k] > '9')
            return 0;
        v = v * 10 + (s[k] - '0');
    }
    if ((p > 4 && s[p - 5] >= '0' && s[p - 5] <= '9') || v < 1949 || v > 2100)
        return 0;
    *y = v;
    return 1;
}

/* "2019年元旦" in the first body line: January of that year. */
static int new_year_day(const sctx *c, ymd *r)
{
    if (c->h >= c->b)
        return 0;
    size_t n;
    const char *s = cline(c, c->h, &n, NULL);
    size_t p = find(s, n, "年元旦");
    int y;
    if (p == NOT_FOUND || !year_before(s, p, &y))
        return 0;
    *r = (ymd){ y, 1, 0 };
    return 1;
}

/* Bytes of s up to the end of its clause (，。；), at most 120. */
static size_t clause_len(const char *s, size_t n)
{
    size_t rest = n < 120 ? n : 120;
    for (size_t i = 0; i < rest;) {
        size_t j = i;
        uint32_t cp = utf8_next(s, rest, &j);
        if (cp == 0x3002 || cp == 0xFF0C || cp == ',' || cp == 0xFF1B || cp == ';')
            return i;
        i = j;
    }
    return rest;
}

/* "2018年是…之年": the year the speech speaks in. */
static int year_of_speech(const sctx *c, ymd *r)
{
    static const char kw[] = "年是";
    size_t off = 0;
    while (off < c->tn) {
        size_t p = find(c->t + off, c->tn - off, kw);
        if (p == NOT_FOUND)
            return 0;
        p += off;
        off = p + sizeof kw - 1;
        int y;
        size_t clause = clause_len(c->t + off, c->tn - off);
        if (year_before(c->t, p, &y) && has(c->t + off, clause, "之年")) {
            *r = (ymd){ y, 0, 0 };
            return 1;
        }
    }
    return 0;
}

ymd sp_speech_date(const sctx *c)
{
    ymd r = { 0, 0, 0 }, x;
    if (head_full_date(c, &r))
        return r;
    if (head_year(c, &x))
        refine(&r, &x);
    if (new_year_day(c, &x))
        refine(&r, &x);
    if (!r.y && year_of_speech(c, &x))
        r = x;
    return r;
}

ymd sp_name_date(const char *name)
{
    ymd r = { 0, 0, 0 };
    size_t n = name ? strlen(name) : 0, end;
    if (n && parse_date(name, n, 0, 1, &r, &end))
        return r;
    /* 1956-八大报告, 1945_七大: a year, then a dash or an underscore */
    int y;
    size_t j = 0;
    if (n && read_num(name, n, &j, 5, &y) == 4 && j < n && (name[j] == '-' || name[j] == '_') &&
        y >= YEAR_FIRST_DATED && y <= 2100)
        r.y = y;
    return r;
}

/* 更新时间:2023-02 / 发布时间：2021年3月5日 in the first lines. */
ymd sp_publication_date(const sctx *c)
{
    ymd none = { 0, 0, 0 };
    size_t last = c->h + 2 < c->b ? c->h + 2 : c->b;
    for (size_t l = c->a; l < last; l++) {
        size_t n;
        const char *s = cline(c, l, &n, NULL);
        for (size_t k = 0; k < NELEM(PUBDATE_KW); k++) {
            size_t p = find(s, n, PUBDATE_KW[k]), j, e;
            if (p == NOT_FOUND)
                continue;
            j = p + strlen(PUBDATE_KW[k]);
            for (size_t i = j; cp_in(next_cp(s, n, &i), ":： "); )
                j = i;
            ymd r;
            if (parse_date(s, n, j, 0, &r, &e))
                return r;
        }
    }
    return none;
}
