/* decode_conv.c: the conversion engine (see decode.c for the whole
 * story).  A scanner per encoding family finds character boundaries and
 * malformed bytes (replaced by U+FFFD and reported); runs of well-formed
 * characters go to iconv in chunks, and since each character yields one
 * code point the output is walked to give each its character's raw span.
 * A chunk iconv rejects, or that yields another number of code points, is
 * redone character by character. */
#include "decode_int.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "utf8.h"

#define CHUNK 256 /* characters handed to iconv per call */

static const char REPLACEMENT[] = "\xEF\xBF\xBD"; /* U+FFFD */

const char *dec_iconv_name(fam_t fam)
{
    /* GB2312/GBK are read as GB18030 (a superset that maps every GBK
     * sequence the same), Big5 as BIG5-HKSCS (maps the ETEN extensions to
     * real characters, not private use) */
    static const char *const names[] = { "UTF-8", "UTF-16LE", "UTF-16BE", "GB18030", "BIG5-HKSCS" };
    return fam < FAM_OTHER ? names[fam] : NULL;
}

/* GB18030 and Big5: ASCII, or a lead byte 0x81-0xFE and a trail byte
 * (0x40-0x7E, or 0x80-0xFE in GB18030, 0xA1-0xFE in Big5); GB18030 also
 * has four-byte sequences (lead, digit, lead, digit). */
static size_t scan_double(const unsigned char *p, size_t n, int gb)
{
    if (p[0] < 0x80)
        return 1;
    if (p[0] == 0x80 || p[0] == 0xFF || n < 2)
        return 0;
    if ((p[1] >= 0x40 && p[1] <= 0x7E) || (p[1] >= (gb ? 0x80 : 0xA1) && p[1] <= 0xFE))
        return 2;
    if (gb && p[1] >= 0x30 && p[1] <= 0x39 && n >= 4 && p[2] >= 0x81 && p[2] <= 0xFE
        && p[3] >= 0x30 && p[3] <= 0x39)
        return 4;
    return 0;
}

static size_t scan_utf16(const unsigned char *p, size_t n, int le, size_t *skip)
{
    if (n < 2)
        return 0;
    unsigned u = dec_unit16(p, le);
    if (u < 0xD800 || u > 0xDFFF)
        return 2;
    if (u <= 0xDBFF && n >= 4) {
        unsigned v = dec_unit16(p + 2, le);
        if (v >= 0xDC00 && v <= 0xDFFF)
            return 4;
    }
    *skip = 2; /* lone surrogate */
    return 0;
}

/* Length of the well-formed character at p (n > 0 bytes left), or 0 when
 * none starts there; *skip then gets the number of bytes to replace (the
 * next scan starts at the next plausible character boundary). */
static size_t scan_char(fam_t fam, const unsigned char *p, size_t n, size_t *skip)
{
    *skip = 1;
    switch (fam) {
    case FAM_GB:
    case FAM_BIG5:
        return scan_double(p, n, fam == FAM_GB);
    case FAM_UTF16LE:
    case FAM_UTF16BE:
        return scan_utf16(p, n, fam == FAM_UTF16LE, skip);
    default: {
        int r = utf8_seq((const char *)p, n);
        if (r > 0)
            return (size_t)r;
        *skip = (size_t)-r;
        return 0;
    }
    }
}

/* Appends U+FFFD for raw[pos, pos + skip) and reports it. */
static void conv_bad(dec_conv *c, size_t pos, size_t skip, const char *why)
{
    ss_tb_add(c->b, REPLACEMENT, 3, (uint32_t)pos, (uint32_t)(pos + skip));
    c->invalid++;
    if (c->warn) {
        char msg[160];
        snprintf(msg, sizeof msg, "%s %s byte sequence (%zu byte%s) replaced by U+FFFD", why,
                 c->name, skip, skip == 1 ? "" : "s");
        c->warn(c->warn_arg, pos, msg);
    }
}

/* Appends out (outlen bytes of valid UTF-8 holding exactly n code points);
 * code point i gets the raw span of character i, characters being lens[]
 * bytes long one after the other from start. */
static void emit_mapped(dec_conv *c, size_t start, const uint8_t *lens, size_t n, const char *out,
                        size_t outlen)
{
    ss_text_builder *b = c->b;
    if (ss_tb_reserve(b, outlen))
        return;
    char *text = b->text + b->len;
    uint32_t *os = b->ostart + b->len, *oe = b->oend + b->len;
    uint32_t pos = (uint32_t)start;
    size_t k = 0;
    memcpy(text, out, outlen);
    for (size_t i = 0; i < n && k < outlen; i++) {
        uint32_t end = pos + lens[i];
        size_t stop = k + utf8_lead_len((unsigned char)out[k]);
        for (; k < stop && k < outlen; k++) {
            os[k] = pos;
            oe[k] = end;
        }
        pos = end;
    }
    b->len += outlen;
    b->text[b->len] = '\0';
}

/* Converts all n bytes of in into out; returns the bytes written, or -1
 * with *e set to errno (EINVAL: incomplete, EILSEQ: invalid, E2BIG).
 * The caller resets cd after a failure if it needs to. */
static long iconv_exact(iconv_t cd, const unsigned char *in, size_t n, char *out, size_t cap,
                        int *e)
{
    char *ip = (char *)in, *op = out; /* iconv does not write the input */
    size_t il = n, ol = cap;
    errno = 0;
    if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1 || il) {
        *e = errno ? errno : EINVAL;
        return -1;
    }
    return (long)(op - out);
}

/* Converts the n characters (lens[]) starting at pos one at a time;
 * unmappable ones become U+FFFD.  Returns where scanning resumes. */
static size_t conv_each(dec_conv *c, size_t pos, const uint8_t *lens, size_t n)
{
    char out[64];
    int e;
    for (size_t i = 0; i < n; i++) {
        const unsigned char *p = c->raw + pos;
        long m = iconv_exact(c->cd, p, lens[i], out, sizeof out, &e);
        if (m < 0) {
            iconv(c->cd, NULL, NULL, NULL, NULL);
            /* a two-byte pair whose trail is ASCII: keep the ASCII byte */
            int keep = (c->fam == FAM_GB || c->fam == FAM_BIG5) && lens[i] == 2 && p[1] < 0x80;
            conv_bad(c, pos, keep ? 1 : lens[i], "unmappable");
            if (keep)
                return pos + 1;
        } else if (m > 0) {
            ss_tb_add(c->b, out, (size_t)m, (uint32_t)pos, (uint32_t)(pos + lens[i]));
        }
        pos += lens[i];
    }
    return pos;
}

/* Converts the well-formed characters raw[start, end) (lens[], n of them)
 * in one iconv call when that yields one code point per character, else
 * one by one.  Returns where scanning resumes. */
static size_t conv_chars(dec_conv *c, size_t start, size_t end, const uint8_t *lens, size_t n)
{
    if (c->fam == FAM_UTF8) {
        emit_mapped(c, start, lens, n, (const char *)c->raw + start, end - start);
        return end;
    }
    char out[CHUNK * 8];
    int e;
    long m = iconv_exact(c->cd, c->raw + start, end - start, out, sizeof out, &e);
    if (m >= 0 && utf8_count(out, (size_t)m) == n) {
        emit_mapped(c, start, lens, n, out, (size_t)m);
        return end;
    }
    iconv(c->cd, NULL, NULL, NULL, NULL);
    return conv_each(c, start, lens, n);
}

void dec_conv_range(dec_conv *c, size_t pos, size_t end)
{
    uint8_t lens[CHUNK];
    while (pos < end && !c->b->failed) {
        size_t n = 0, p = pos, skip = 1, l;
        while (p < end && n < CHUNK && (l = scan_char(c->fam, c->raw + p, end - p, &skip))) {
            lens[n++] = (uint8_t)l;
            p += l;
        }
        if (n) {
            pos = conv_chars(c, pos, p, lens, n);
        } else {
            conv_bad(c, pos, skip, "invalid");
            pos += skip;
        }
    }
}

/* Decodes raw[pos, end) with an encoding we have no scanner for: each
 * character is found by feeding iconv one more byte until it converts.
 * The conversion state is kept between characters (stateful encodings). */
void dec_conv_generic(dec_conv *c, size_t pos, size_t end)
{
    char out[64];
    while (pos < end && !c->b->failed) {
        long m = -1;
        size_t k = 0;
        int e = EINVAL;
        while (m < 0 && e == EINVAL && k < 8 && pos + k < end)
            m = iconv_exact(c->cd, c->raw + pos, ++k, out, sizeof out, &e);
        if (m < 0) {
            iconv(c->cd, NULL, NULL, NULL, NULL);
            conv_bad(c, pos, 1, "invalid");
            pos++;
            continue;
        }
        if (m > 0)
            ss_tb_add(c->b, out, (size_t)m, (uint32_t)pos, (uint32_t)(pos + k));
        pos += k;
    }
}
