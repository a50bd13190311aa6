/* numbers.c: figures in digits and in Chinese numerals (see numbers.h). */
#include "numbers.h"

#include <stdio.h>
#include <string.h>

#include "utf8.h"

#define MAX_VALUE 999999999999999ULL /* beyond this, no forms */

static int digit_of(uint32_t cp)
{
    switch (cp) {
    case 0x3007: case 0x96F6: return 0; /* 〇 零 */
    case 0x4E00: return 1;              /* 一 */
    case 0x4E8C: case 0x4E24: return 2; /* 二 两 */
    case 0x4E09: return 3;
    case 0x56DB: return 4;
    case 0x4E94: return 5;
    case 0x516D: return 6;
    case 0x4E03: return 7;
    case 0x516B: return 8;
    case 0x4E5D: return 9;
    default: return -1;
    }
}

/* 十 百 千 as powers of ten, 0 otherwise. */
static uint64_t small_unit(uint32_t cp)
{
    return cp == 0x5341 ? 10 : cp == 0x767E ? 100 : cp == 0x5343 ? 1000 : 0;
}

static uint64_t big_unit(uint32_t cp)
{
    return cp == 0x4E07 ? 10000ULL : cp == 0x4EBF ? 100000000ULL : 0;
}

int ss_num_is_numeral(uint32_t cp)
{
    return digit_of(cp) >= 0 || small_unit(cp) || big_unit(cp);
}

/* 1 when s[0, len) begins with 千 as the SI prefix kilo- of a unit (千瓦,
 * 千克, 千米...): 三千万千瓦 is 3000 万千瓦, not 30001000 瓦. */
int ss_num_kilo_unit(const char *s, size_t len)
{
    static const char *const units[] = { "千瓦", "千克", "千米", "千卡", "千伏", "千帕",
                                         "千赫", "千焦", "千兆", "千字节" };
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
        size_t n = strlen(units[i]);
        if (len >= n && memcmp(s, units[i], n) == 0)
            return 1;
    }
    return 0;
}

/* 1 when s[0, len) is two or more Chinese digits and no unit (二〇〇八). */
static int han_digits_only(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; n++)
        if (digit_of(utf8_next(s, len, &i)) < 0)
            return 0;
    return n >= 2;
}

/* Parses with the grammar: section := (digit? small_unit)* digit?, value
 * := section (亿 section)? (万 section)?; a digit directly after a digit
 * (十四五) or a unit that does not decrease is no number. */
uint64_t ss_num_parse_han(const char *s, size_t len, int *ok)
{
    uint64_t total = 0, section = 0, last_big = UINT64_MAX, last_small = UINT64_MAX;
    int digit = -1, chars = 0, prev_digit = 0, zero = 0;
    *ok = 0;
    for (size_t i = 0; i < len;) {
        uint32_t cp = utf8_next(s, len, &i);
        uint64_t su = small_unit(cp), bu = big_unit(cp);
        int d = digit_of(cp);
        chars++;
        if (d >= 0) {
            if (prev_digit && !(digit == 0 || d == 0))
                return 0; /* two digits in a row: 十四五, 三五 */
            digit = d;
            prev_digit = 1;
            zero |= d == 0;
        } else if (su) {
            if (su >= last_small)
                return 0;
            section += (uint64_t)(digit < 0 ? 1 : digit) * su;
            last_small = su;
            zero = 0;
            digit = -1;
            prev_digit = 0;
        } else if (bu) {
            if (bu == last_big)
                return 0;
            section += digit > 0 ? (uint64_t)digit : 0;
            if (section == 0 && bu == 100000000ULL && last_big == 10000ULL && total)
                section = 0; /* 一万亿: 亿 counts what stands before it */
            else if (section == 0 && (total != 0 || chars > 1))
                return 0; /* 亿万: a unit with nothing to count */
            else if (section == 0)
                section = 1;
            if (bu == 10000ULL)
                total += section * bu; /* 一亿零五百万: 万 counts its own section */
            else
                total = (total + section) * bu;
            section = 0;
            last_big = bu;
            last_small = UINT64_MAX;
            zero = 0;
            digit = -1;
            prev_digit = 0;
        } else {
            return 0;
        }
        if (total > MAX_VALUE)
            return 0;
    }
    if (digit > 0) {
        /* a trailing digit after a unit is the next place down: 一万五 = 15000 */
        if (zero)
            section += (uint64_t)digit; /* 一百零五 */
        else if (last_small != UINT64_MAX && last_small >= 100 && prev_digit && chars > 2)
            section += (uint64_t)digit * (last_small / 10);
        else if (last_small == UINT64_MAX && last_big != UINT64_MAX && chars > 2)
            section += (uint64_t)digit * (last_big / 10);
        else
            section += (uint64_t)digit;
    }
    total += section;
    *ok = chars >= 2 && total > 0;
    return *ok ? total : 0;
}

static const char *const han_digit[] = { "零", "一", "二", "三", "四", "五", "六", "七", "八", "九" };

/* A section below 10000. */
static void section_han(unsigned v, int two, int leading, char *out)
{
    static const char *const units[] = { "千", "百", "十", "" };
    static const unsigned pow10[] = { 1000, 100, 10, 1 };
    int zero = 0, started = 0;
    for (int k = 0; k < 4; k++) {
        unsigned d = v / pow10[k] % 10;
        if (d == 0) {
            zero = started;
            continue;
        }
        if (zero || (!started && !leading && k > 0))
            strcat(out, "零");
        zero = 0;
        if (!(d == 1 && k == 2 && !started && leading)) /* 十五, not 一十五 */
            strcat(out, d == 2 && two && k < 2 ? "两" : han_digit[d]);
        strcat(out, units[k]);
        started = 1;
    }
}

uint64_t ss_num_han_value(const char *s, size_t len, int *ok)
{
    size_t k = 0;
    if (len && utf8_count(s, len) == 1) {
        uint32_t cp = utf8_next(s, len, &k);
        int d = digit_of(cp);
        *ok = d >= 0 || small_unit(cp) == 10;
        return small_unit(cp) == 10 ? 10 : d > 0 ? (uint64_t)d : 0;
    }
    return ss_num_parse_han(s, len, ok);
}

void ss_num_to_han(uint64_t v, int two, char *out)
{
    out[0] = '\0';
    if (v == 0 || v > MAX_VALUE) {
        strcpy(out, "零");
        return;
    }
    unsigned yi = (unsigned)(v / 100000000ULL), wan = (unsigned)(v / 10000 % 10000),
             one = (unsigned)(v % 10000);
    int leading = 1;
    if (yi >= 10000) {
        ss_num_to_han(yi, two, out); /* 一万亿 */
        strcat(out, "亿");
        leading = 0;
    } else if (yi) {
        section_han(yi, two, 1, out);
        strcat(out, "亿");
        leading = 0;
    }
    if (wan) {
        section_han(wan, two && leading, leading, out);
        strcat(out, "万");
        leading = 0;
    } else if (!leading && one) {
        strcat(out, "零");
        leading = 1; /* the zero is written */
    }
    if (one)
        section_han(one, two && leading && !yi, leading, out);
    /* 两万, 两亿 (a lone leading 2 before 万 or 亿; 二 and 两 are 3 bytes each) */
    if (two && strncmp(out, "二", strlen("二")) == 0 &&
        (strncmp(out + strlen("二"), "万", strlen("万")) == 0 ||
         strncmp(out + strlen("二"), "亿", strlen("亿")) == 0))
        memcpy(out, "两", strlen("两"));
}

static int add_form(char out[][SS_NUM_FORM_MAX], size_t *n, size_t max, const char *word,
                    size_t wlen, const char *num, const char *unit, const char *rest)
{
    if (*n >= max)
        return 0;
    /* rest runs to the end of word (wlen bytes), not to a NUL */
    int k = snprintf(out[*n], SS_NUM_FORM_MAX, "%s%s%.*s", num, unit,
                     (int)(word + wlen - rest), rest);
    if (k <= 0 || k >= SS_NUM_FORM_MAX || ((size_t)k == wlen && memcmp(out[*n], word, wlen) == 0))
        return 0;
    for (size_t i = 0; i < *n; i++)
        if (strcmp(out[i], out[*n]) == 0)
            return 0;
    (*n)++;
    return 1;
}

/* Four Chinese digits and 年, read digit by digit (二〇〇八年, 一九九八年):
 * the year in digits into out ("2008年"); 0 when word is not one. */
static int han_year(const char *word, size_t len, char *out, size_t outlen)
{
    int y = 0, n = 0;
    size_t i = 0;
    while (i < len && n < 4) {
        int d = digit_of(utf8_next(word, len, &i));
        if (d < 0)
            return 0;
        y = y * 10 + d;
        n++;
    }
    if (n != 4 || y < 1000 || len - i != strlen("年") || memcmp(word + i, "年", len - i) != 0)
        return 0;
    return snprintf(out, outlen, "%d年", y) > 0;
}

#define PERCENT "百分之"
#define PERCENT_MAX 1000 /* 百分之一千: beyond this, no percentage */

#define POINT "点"
#define PERCENT_DECIMALS 2

/* The value of the whole part of a percentage in numerals (五, 五十三). */
static int percent_whole(const char *s, size_t sl, int zero_ok, uint64_t *v)
{
    size_t i = 0;
    int ok = 0;
    if (utf8_count(s, sl) == 1) { /* 百分之五, 百分之十; 百分之零 only before 点 */
        uint32_t cp = utf8_next(s, sl, &i);
        int d = small_unit(cp) == 10 ? 10 : digit_of(cp);
        ok = d > 0 || (d == 0 && zero_ok);
        *v = ok ? (uint64_t)d : 0;
        return ok;
    }
    *v = ss_num_parse_han(s, sl, &ok);
    return ok && *v > 0 && *v <= PERCENT_MAX;
}

/* A share written in words or with its sign: 百分之八十 = 80%, and per
 * mille, as reports give rates of birth and growth: 千分之七 = 7‰. */
static const struct {
    const char *words, *sign;
} shares[] = { { PERCENT, "%" }, { "千分之", "\xE2\x80\xB0" /* ‰ */ } };

size_t ss_num_share_words(const char *s, size_t len)
{
    for (size_t i = 0; i < sizeof shares / sizeof shares[0]; i++)
        if (starts_with(s, len, shares[i].words))
            return strlen(shares[i].words);
    return 0;
}

/* A share of words (百分之, 千分之) or its sign (%, ‰): see percent. */
static int share(const char *word, size_t len, const char *words, const char *sign, char *out,
                 size_t outlen)
{
    size_t p = strlen(words), gl = strlen(sign);
    uint64_t v = 0;
    char frac[PERCENT_DECIMALS + 1] = "";
    if (len > p && memcmp(word, words, p) == 0) {
        const char *s = word + p, *pt = NULL;
        size_t sl = len - p;
        for (size_t i = 0; i + strlen(POINT) <= sl; i++)
            if (memcmp(s + i, POINT, strlen(POINT)) == 0) {
                pt = s + i;
                break;
            }
        if (!percent_whole(s, pt ? (size_t)(pt - s) : sl, pt != NULL, &v))
            return 0;
        if (pt) { /* 点 and one digit a character after it */
            const char *f = pt + strlen(POINT);
            size_t fl = (size_t)(s + sl - f), i = 0, n = 0;
            while (i < fl && n < PERCENT_DECIMALS) {
                int d = digit_of(utf8_next(f, fl, &i));
                if (d < 0)
                    return 0;
                frac[n++] = (char)('0' + d);
            }
            frac[n] = '\0';
            if (!n || i < fl)
                return 0;
            return snprintf(out, outlen, "%llu.%s%s", (unsigned long long)v, frac, sign) > 0;
        }
        return snprintf(out, outlen, "%llu%s", (unsigned long long)v, sign) > 0;
    }
    size_t i = 0, n = 0;
    while (i < len && word[i] >= '0' && word[i] <= '9' && i < 5)
        v = v * 10 + (uint64_t)(word[i++] - '0');
    int point = i < len && word[i] == '.';
    if (i == 0 || (word[0] == '0' && !(i == 1 && point)) || v > PERCENT_MAX || (v == 0 && !point))
        return 0;
    if (point) {
        for (i++; i < len && word[i] >= '0' && word[i] <= '9' && n < PERCENT_DECIMALS; i++)
            frac[n++] = word[i];
        frac[n] = '\0';
        if (!n)
            return 0;
    }
    if (i + gl != len || memcmp(word + i, sign, gl) != 0)
        return 0;
    char han[SS_NUM_HAN_MAX];
    ss_num_to_han(v, 0, han);
    if (!n)
        return snprintf(out, outlen, "%s%s", words, han) > 0;
    int k = snprintf(out, outlen, "%s%s" POINT, words, han);
    for (size_t d = 0; d < n && k > 0 && (size_t)k < outlen; d++)
        k += snprintf(out + k, outlen - (size_t)k, "%s", han_digit[frac[d] - '0']);
    return k > 0 && (size_t)k < outlen;
}

/* A percentage written 百分之八十 or 80%, also with decimals (百分之五点三,
 * 5.3%, as older and newer reports write them), or a per mille (千分之七,
 * 6.5‰): its other form into out ("80%", "百分之八十"; "5.3%", "百分之五点三");
 * 0 when word is neither. */
static int percent(const char *word, size_t len, char *out, size_t outlen)
{
    for (size_t s = 0; s < sizeof shares / sizeof shares[0]; s++)
        if (share(word, len, shares[s].words, shares[s].sign, out, outlen))
            return 1;
    return 0;
}

/* What may follow a figure written loosely (loose_figure): a multiple or
 * a change of a share, or 万/亿 after a decimal. */
#define POINTS "个百分点"
static const char *const loose_after[] = { POINTS, "百分点", "倍", "万", "亿" };

size_t ss_num_loose_digits(const char *s, size_t len, uint64_t *value)
{
    size_t i = 0;
    uint64_t v = 0;
    while (i < len && i < 6 && s[i] >= '0' && s[i] <= '9')
        v = v * 10 + (uint64_t)(s[i++] - '0');
    if (i == 0 || s[0] == '0')
        return 0;
    size_t k = i;
    uint64_t su = k < len ? small_unit(utf8_next(s, len, &k)) : 0;
    if (su < 100 || ss_num_kilo_unit(s + i, len - i) || (k < len && s[k] >= '0' && s[k] <= '9') ||
        (k + strlen("年") <= len && memcmp(s + k, "年", strlen("年")) == 0))
        return 0;
    *value = v * su;
    return k;
}

/* A figure written in a way the rest of ss_num_forms does not read, as
 * people type it and some reports write it, rewritten in digits into out
 * (SS_NUM_FORM_MAX bytes):
 *   digits with 千 or 百 (3千亿 = 3000亿, 5百万 = 500万; not the kilo- of
 *   千瓦: 3千瓦 stays);
 *   a decimal in Chinese numerals before 万, 亿, 倍 or 个百分点 (三点五万亿 =
 *   3.5万亿, 零点五个百分点 = 0.5个百分点);
 *   one numeral before 倍 or 个百分点 (三倍 = 3倍, 十个百分点 = 10个百分点:
 *   elsewhere one numeral is no figure, 五年, 一带一路).
 * Returns 1 when word is one of these. */
static int loose_figure(const char *word, size_t len, char *out, size_t outlen)
{
    uint64_t v = 0;
    size_t k = ss_num_loose_digits(word, len, &v);
    if (k) {
        int n = snprintf(out, outlen, "%llu%.*s", (unsigned long long)v, (int)(len - k), word + k);
        return n > 0 && (size_t)n < outlen;
    }
    if (word[0] >= '0' && word[0] <= '9')
        return 0;
    /* the numerals before 点 (or before what follows a single one) */
    size_t end = 0;
    for (size_t k = 0; k < len;) {
        uint32_t cp = utf8_next(word, len, &k);
        if (digit_of(cp) < 0 && small_unit(cp) != 10)
            break;
        end = k;
    }
    if (!end)
        return 0;
    int ok = 0;
    uint64_t whole = ss_num_han_value(word, end, &ok);
    if (!ok)
        return 0;
    const char *rest = word + end;
    size_t rl = len - end;
    char frac[4] = "";
    if (starts_with(rest, rl, POINT)) {
        size_t k = strlen(POINT), n = 0;
        while (k < rl && n < 2) {
            size_t at = k;
            int d = digit_of(utf8_next(rest, rl, &k));
            if (d < 0) {
                k = at;
                break;
            }
            frac[n++] = (char)('0' + d);
        }
        frac[n] = '\0';
        if (!n)
            return 0;
        rest += k;
        rl -= k;
    } else if (whole >= 10 && utf8_count(word, end) > 1) {
        return 0; /* a whole number of several numerals: the rest of ss_num_forms reads it */
    } else if (whole == 0) {
        return 0;
    }
    int after = 0;
    for (size_t k = 0; k < sizeof loose_after / sizeof loose_after[0] && !after; k++)
        after = starts_with(rest, rl, loose_after[k]) && (*frac || k < 3);
    if (!after)
        return 0;
    int n = *frac ? snprintf(out, outlen, "%llu.%s%.*s", (unsigned long long)whole, frac,
                             (int)rl, rest)
                  : snprintf(out, outlen, "%llu%.*s", (unsigned long long)whole, (int)rl, rest);
    return n > 0 && (size_t)n < outlen;
}

size_t ss_num_approx_unit(const char *s, size_t len)
{
    if (!starts_with(s, len, "多") && !starts_with(s, len, "余"))
        return 0;
    size_t k = strlen("多"), u = k;
    while (k < len && big_unit(utf8_next(s, len, &k)))
        u = k;
    return u > strlen("多") && u - strlen("多") <= strlen("万亿") ? u : 0;
}

/* A count of one numeral from two to ten and a measure word of things
 * counted, the whole of s[0, len) (三家 = 3家, 十个 = 10个, 两所 = 2所): its
 * value, 0 otherwise.  一 is left out: 一个, 一家, 一批 are mostly "a", not
 * a figure; so are measures of time (五年) and of a manner (三次 stays). */
uint64_t ss_num_one_count(const char *s, size_t len)
{
    static const char *const counted[] = { "个", "家", "座", "所", "项", "户", "名", "套", "辆",
                                            "台", "条", "处", "间", "张", "艘", "架", "栋", "幢",
                                            "篇", "部", "支", "只", "头", "株", "棵", "类", "人",
                                            "成" /* tenths: 五成 = 5成, a share counted the same way */ };
    size_t k = 0;
    if (!len)
        return 0;
    uint32_t cp = utf8_next(s, len, &k);
    int d = digit_of(cp);
    uint64_t v = small_unit(cp) == 10 ? 10 : d >= 2 ? (uint64_t)d : 0;
    for (size_t i = 0; v && i < sizeof counted / sizeof counted[0]; i++)
        if (len - k == strlen(counted[i]) && memcmp(s + k, counted[i], len - k) == 0)
            return v;
    return 0;
}

/* 1 when s[0, len) holds 万 or 亿. */
static int big_in(const char *s, size_t len)
{
    for (size_t k = 0; k < len;)
        if (big_unit(utf8_next(s, len, &k)))
            return 1;
    return 0;
}

/* The forms of a figure with 多 or 余 before its 万 or 亿 (word: v, then
 * rest, whose first about bytes are 多/余 and the unit): v in digits and in
 * numerals, with 多 and with 余 (两千多亿元 = 2000多亿元 = 2000余亿元). What
 * follows the unit is a measure as after any figure: three characters at
 * most, no numeral. */
static size_t approx_forms(const char *word, size_t len, uint64_t v, const char *rest,
                           size_t about, char out[][SS_NUM_FORM_MAX], size_t max)
{
    const char *tail = rest + about;
    size_t tl = (size_t)(word + len - tail);
    if (v == 0 || v >= 10000 || utf8_count(tail, tl) > 3)
        return 0;
    for (size_t k = 0; k < tl;) {
        uint32_t cp = utf8_next(tail, tl, &k);
        if (!uc_is_han(cp) || ss_num_is_numeral(cp))
            return 0;
    }
    char nums[3][SS_NUM_HAN_MAX], unit[32];
    snprintf(nums[0], sizeof nums[0], "%llu", (unsigned long long)v);
    ss_num_to_han(v, 1, nums[1]);
    ss_num_to_han(v, 0, nums[2]);
    size_t n = 0, ul = about - strlen("多");
    for (int m = 0; m < 2; m++) {
        snprintf(unit, sizeof unit, "%s%.*s", m ? "余" : "多", (int)ul, rest + strlen("多"));
        for (int k = 0; k < 3; k++)
            add_form(out, &n, max, word, len, nums[k], unit, tail);
    }
    return n;
}

/* 1千亿, 5千万, 3百万: one digit and 千 or 百, then 万 or 亿, as some
 * reports write a figure (进出口总额突破1千亿美元).  han is the value in
 * Chinese numerals with 二 (ss_num_to_han).  Without 万 or 亿 after it
 * (3千人, 1百年) the writing is too rare to be worth a form. */
static void digit_and_small(const char *han, const char *word, size_t len, const char *rest,
                            char out[][SS_NUM_FORM_MAX], size_t *n, size_t max)
{
    size_t hl = strlen(han), k = 0;
    int d = digit_of(utf8_next(han, hl, &k));
    size_t at = k;
    uint64_t su = k < hl ? small_unit(utf8_next(han, hl, &k)) : 0;
    if (d < 1 || su < 100 || k == hl)
        return;
    for (size_t j = k; j < hl;)
        if (!big_unit(utf8_next(han, hl, &j)))
            return;
    char num[SS_NUM_FORM_MAX];
    int w = snprintf(num, sizeof num, "%d%s", d, han + at);
    if (w > 0 && (size_t)w < sizeof num)
        add_form(out, n, max, word, len, num, "", rest);
}

size_t ss_num_forms(const char *word, size_t len, char out[][SS_NUM_FORM_MAX], size_t max)
{
    char canon[SS_NUM_FORM_MAX];
    if (max > 0 && loose_figure(word, len, canon, sizeof canon)) {
        /* its digits, then the forms of those (without the word itself) */
        size_t n = 0;
        add_form(out, &n, max, word, len, canon, "", word + len);
        char more[8][SS_NUM_FORM_MAX];
        size_t m = ss_num_forms(canon, strlen(canon), more, 8);
        for (size_t k = 0; k < m; k++)
            add_form(out, &n, max, word, len, more[k], "", word + len);
        return n;
    }
    size_t i = 0, end = 0;
    uint64_t v = 0;
    int digits = 0;
    if (max > 0 && han_year(word, len, out[0], SS_NUM_FORM_MAX))
        return 1;
    if (max > 0 && percent(word, len, out[0], SS_NUM_FORM_MAX))
        return 1;
    if (max > 0 && len == 2 + strlen("年") && word[0] == '0' && word[1] >= '0' && word[1] <= '9' &&
        memcmp(word + 2, "年", strlen("年")) == 0) {
        /* 08年: a year of this century written short (a span of years
         * has no 0 before it: 10年, 95年来, 99年 may count years) */
        snprintf(out[0], SS_NUM_FORM_MAX, "20%.*s", (int)len, word);
        return 1;
    }
    if (len > 1 && word[0] == '0' && word[1] >= '0' && word[1] <= '9')
        return 0; /* 05号, 08: a code, not the figure 8 */
    while (i < len && word[i] >= '0' && word[i] <= '9') {
        if (v > MAX_VALUE / 10)
            return 0;
        v = v * 10 + (uint64_t)(word[i] - '0');
        i++;
        digits = 1;
    }
    if (digits) {
        /* a decimal before 万 or 亿 (1.5亿, 2.35万): the whole number it
         * makes; other decimals keep their one form */
        uint64_t frac = 0, scale = 1;
        size_t k = i;
        if (i < len && word[i] == ',')
            return 0;
        if (i < len && word[i] == '.') {
            for (k = i + 1; k < len && word[k] >= '0' && word[k] <= '9' && scale < 10000; k++) {
                frac = frac * 10 + (uint64_t)(word[k] - '0');
                scale *= 10;
            }
            if (k == i + 1 || (k < len && word[k] >= '0' && word[k] <= '9'))
                return 0;
        }
        end = k;
        uint64_t bu = k < len ? big_unit(utf8_next(word, len, &k)) : 0;
        size_t k2 = k;
        if (bu == 10000 && k2 < len && big_unit(utf8_next(word, len, &k2)) == 100000000ULL) {
            bu = 1000000000000ULL; /* 万亿 */
            k = k2;
        }
        if ((scale > 1 && (!bu || bu % scale)) || (bu && v > MAX_VALUE / bu))
            return 0;
        if (bu) {
            v = v * bu + frac * (bu / scale);
            end = k;
        }
    } else {
        for (size_t k = 0; k < len;) {
            size_t at = k;
            if (!ss_num_is_numeral(utf8_next(word, len, &k)) || ss_num_kilo_unit(word + at, len - at))
                break;
            end = k;
        }
        if (!end)
            return 0;
        int ok = 0;
        size_t run = end;
        /* the longest prefix that is one number */
        while (end > 0) {
            v = ss_num_parse_han(word, end, &ok);
            if (ok)
                break;
            size_t k = end;
            do
                k--;
            while (k > 0 && ((unsigned char)word[k] & 0xC0) == 0x80);
            end = k;
        }
        if (!ok && run == strlen("十") && memcmp(word, "十", run) == 0 &&
            ss_num_approx_unit(word + run, len - run)) {
            v = 10; /* 十多亿元, 十余万人: one numeral, but a figure */
            end = run;
            ok = 1;
        }
        if (!ok && utf8_count(word, run) == 1 && (v = ss_num_one_count(word, len)) != 0) {
            end = run;
            ok = 1;
        }
        if (!ok)
            return 0;
    }
    const char *rest = word + end;
    size_t about = ss_num_approx_unit(rest, len - end);
    if (about && (!digits || end == i) && !big_in(word, end))
        return approx_forms(word, len, v, rest, about, out, max);
    if (digits && end == i && v >= 1000 && len - end >= strlen("年") &&
        strncmp(rest, "年", strlen("年")) == 0)
        return 0; /* a year: 2019年 is no amount */
    if (digits && end == len && v >= 1900 && v <= 2100)
        return 0; /* 2008 alone reads as a year too */
    if (!digits && han_digits_only(word, end))
        return 0; /* 二〇〇八, 十四五 without units: digits read one by one, no amount */
    int points = len - end == strlen(POINTS) && starts_with(rest, len - end, POINTS);
    if ((utf8_count(rest, len - end) > 3 && !points) || v == 0 || v > MAX_VALUE)
        return 0;
    for (size_t k = 0; k < len - end && !points;) {
        size_t at = k;
        uint32_t cp = utf8_next(rest, len - end, &k);
        if (!uc_is_han(cp) || (ss_num_is_numeral(cp) && !ss_num_kilo_unit(rest + at, len - end - at)))
            return 0;
    }
    size_t n = 0;
    char num[64], han[SS_NUM_HAN_MAX];
    /* digits, with 亿 or 万 where the value is a whole number of them */
    if (v % 100000000ULL == 0) {
        snprintf(num, sizeof num, "%llu", (unsigned long long)(v / 100000000ULL));
        add_form(out, &n, max, word, len, num, "亿", rest);
    }
    if (v % 10000 == 0 && v < 100000000ULL) {
        snprintf(num, sizeof num, "%llu", (unsigned long long)(v / 10000));
        add_form(out, &n, max, word, len, num, "万", rest);
    }
    if (v < 100000000ULL || v % 10000) {
        snprintf(num, sizeof num, "%llu", (unsigned long long)v);
        add_form(out, &n, max, word, len, num, "", rest);
    }
    /* in 万 beside 亿 (15000万 for 一亿五千万), and as a decimal of 万亿, 亿
     * or 万, as reports write their figures (1.5万亿, 2.35亿, 1.2万) */
    if (v >= 100000000ULL && v % 10000 == 0 && v % 100000000ULL) {
        snprintf(num, sizeof num, "%llu", (unsigned long long)(v / 10000));
        add_form(out, &n, max, word, len, num, "万", rest);
    }
    static const struct {
        uint64_t unit;
        const char *name;
    } dec[] = { { 1000000000000ULL, "万亿" }, { 100000000ULL, "亿" }, { 10000, "万" } };
    for (size_t d = 0; d < sizeof dec / sizeof dec[0]; d++) {
        uint64_t u = dec[d].unit, whole = v / u, part = v % u;
        if (!whole || (d == 2 && v >= 100000000ULL) || (d == 1 && v >= 1000000000000ULL))
            continue; /* 1.2万 under 亿 only, 2.35亿 under 万亿 only */
        if (!part) {
            if (d == 0) { /* 2万亿 (20000亿 is written above) */
                snprintf(num, sizeof num, "%llu", (unsigned long long)whole);
                add_form(out, &n, max, word, len, num, dec[d].name, rest);
            }
            continue;
        }
        if (part % (u / 100)) /* two decimals at most */
            continue;
        unsigned f = (unsigned)(part / (u / 100));
        if (f % 10)
            snprintf(num, sizeof num, "%llu.%02u", (unsigned long long)whole, f);
        else
            snprintf(num, sizeof num, "%llu.%u", (unsigned long long)whole, f / 10);
        add_form(out, &n, max, word, len, num, dec[d].name, rest);
    }
    /* Chinese numerals, with 两 and with 二 */
    ss_num_to_han(v, 1, han);
    add_form(out, &n, max, word, len, han, "", rest);
    ss_num_to_han(v, 0, han);
    add_form(out, &n, max, word, len, han, "", rest);
    /* 百万, 千亿: a leading 一 before 百/千 and nothing but 万/亿 after */
    if (strncmp(han, "一百", strlen("一百")) == 0 || strncmp(han, "一千", strlen("一千")) == 0) {
        const char *t = han + strlen("一百");
        while (strncmp(t, "万", strlen("万")) == 0 || strncmp(t, "亿", strlen("亿")) == 0)
            t += strlen("万");
        if (!*t)
            add_form(out, &n, max, word, len, han + strlen("一"), "", rest);
    }
    digit_and_small(han, word, len, rest, out, &n, max);
    return n;
}
