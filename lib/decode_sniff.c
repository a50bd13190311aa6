/* decode_sniff.c: what the first bytes of a file say about it: a byte
 * order mark, UTF-16 without one (NUL bytes, and units that are text in
 * one byte order), or a binary file (see decode_int.h). */
#include "decode_int.h"

#include <string.h>

#define HEAD 8192 /* bytes looked at */

/* 1 when at most 10% of the first n bytes' units (of p) are not text. */
static int utf16_texty(const unsigned char *p, size_t n, int le)
{
    size_t units = n / 2, bad = 0;
    for (size_t i = 0; i < units; i++)
        bad += !dec_unit_texty(dec_unit16(p + 2 * i, le));
    return bad * 10 <= units;
}

/* 1 when a UTF-16 unit is what text in a language is made of: ASCII text,
 * Latin, Greek, Cyrillic, general punctuation, CJK, Hangul, full-width
 * forms or a surrogate.  A unit read with the wrong byte order rarely is. */
static int unit_script(unsigned u)
{
    return (u >= 0x20 && u < 0x7F) || (u < 0x20 && dec_unit_texty(u)) || (u >= 0xA0 && u < 0x500)
           || (u >= 0x2000 && u < 0x2070) || (u >= 0x3000 && u < 0xA000)
           || (u >= 0xAC00 && u < 0xE000) || (u >= 0xFF00 && u < 0xFFF0);
}

/* 1 = UTF-16LE, 2 = UTF-16BE, 0 = neither, for text without a BOM: the
 * first HEAD bytes must hold NULs (every ASCII character in UTF-16 has
 * one), and in one byte order at least 90% of the units must be script
 * units (unit_script); the better order wins. */
int dec_utf16_guess(const unsigned char *p, size_t len)
{
    size_t n = (len < HEAD ? len : HEAD) & ~(size_t)1, nul = 0, good[2] = { 0, 0 };
    for (size_t i = 0; i < n; i++)
        nul += !p[i];
    if (nul < 2 || nul < n / 400)
        return 0;
    for (size_t i = 0; i < n; i += 2) {
        good[0] += unit_script(dec_unit16(p + i, 0));
        good[1] += unit_script(dec_unit16(p + i, 1));
    }
    int le = good[1] > good[0];
    return good[le] * 10 >= n / 2 * 9 ? 2 - le : 0;
}

int dec_bom_kind(const unsigned char *p, size_t len)
{
    if (len >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF)
        return 8;
    if (len >= 2 && p[0] == 0xFF && p[1] == 0xFE)
        return 17;
    if (len >= 2 && p[0] == 0xFE && p[1] == 0xFF)
        return 16;
    return 0;
}

/* Looks at the first HEAD bytes only. */
int ss_looks_binary(const char *raw, size_t len)
{
    const unsigned char *p = (const unsigned char *)raw;
    size_t n = len < HEAD ? len : HEAD, ctl = 0;
    if (!raw || !len)
        return 0;
    int bom = dec_bom_kind(p, n);
    if (bom == 16 || bom == 17)
        return !utf16_texty(p + 2, n - 2, bom == 17);
    if (dec_utf16_guess(p, len))
        return 0;
    if (memchr(p, 0, n))
        return 1;
    for (size_t i = 0; i < n; i++)
        ctl += p[i] == 0x7F || (p[i] < 0x20 && !dec_unit_texty(p[i]));
    return ctl * 10 > n;
}
