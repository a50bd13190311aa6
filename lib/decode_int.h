/* decode_int.h: what the parts of the decoder share (decode.h is the
 * public side).  The decoder is cut by question:
 *   decode_sniff.c  what the first bytes say: a byte order mark, UTF-16
 *                   without one, a binary file (ss_looks_binary);
 *   decode_score.c  GB18030 or Big5: trial decodes scored by how
 *                   Chinese-like they read (the common-character tables);
 *   decode_conv.c   the conversion engine: bytes of a known encoding to
 *                   UTF-8 that maps back to them, bad bytes replaced;
 *   decode.c        choosing the encoding (BOM, label or detection) and
 *                   ss_decode.
 * Nothing here keeps state between calls. */
#ifndef SS_DECODE_INT_H
#define SS_DECODE_INT_H

#include <iconv.h>
#include <stddef.h>

#include "decode.h"
#include "ss_error.h"
#include "text.h"

/* Encoding families: each but FAM_OTHER has a scanner for its character
 * boundaries (decode_conv.c). */
typedef enum { FAM_UTF8, FAM_UTF16LE, FAM_UTF16BE, FAM_GB, FAM_BIG5, FAM_OTHER } fam_t;

/* ---- decode_sniff.c ---- */

/* The UTF-16 unit at p, little-endian when le. */
static inline unsigned dec_unit16(const unsigned char *p, int le)
{
    return le ? (unsigned)p[0] | (unsigned)p[1] << 8 : (unsigned)p[0] << 8 | p[1];
}

/* 1 when a UTF-16 unit is plausible text: not a C0/C1 control (other than
 * tab, newline, form feed, return), private use or a non-character. */
static inline int dec_unit_texty(unsigned u)
{
    if (u < 0x20)
        return u == '\t' || u == '\n' || u == '\f' || u == '\r';
    if (u >= 0x7F && u < 0xA0)
        return 0;
    return !(u >= 0xE000 && u <= 0xF8FF) && u != 0xFFFE && u != 0xFFFF;
}

/* 1 = UTF-16LE, 2 = UTF-16BE, 0 = neither, for text without a BOM. */
int dec_utf16_guess(const unsigned char *p, size_t len);

/* BOM at p: 8 for UTF-8, 16 + le for UTF-16, 0 for none. */
int dec_bom_kind(const unsigned char *p, size_t len);

/* ---- decode_conv.c ---- */

/* The name iconv decodes family fam (not FAM_OTHER) by. */
const char *dec_iconv_name(fam_t fam);

/* One conversion: where it reads, how, and where it writes. */
typedef struct {
    const unsigned char *raw; /* whole input (borrowed); spans index it */
    fam_t fam;
    iconv_t cd;               /* to UTF-8; unused for FAM_UTF8 */
    const char *name;         /* encoding name, for warnings */
    ss_text_builder *b;       /* output (borrowed) */
    size_t invalid;           /* U+FFFD inserted so far */
    ss_warn_fn warn;          /* may be NULL */
    void *warn_arg;
} dec_conv;

/* Decodes raw[pos, end) with the scanner of c->fam into c->b. */
void dec_conv_range(dec_conv *c, size_t pos, size_t end);

/* Decodes raw[pos, end) with an encoding there is no scanner for (FAM_OTHER). */
void dec_conv_generic(dec_conv *c, size_t pos, size_t end);

/* ---- decode_score.c ---- */

/* For p (len bytes, not valid UTF-8, no BOM): FAM_GB, FAM_BIG5 or, when
 * neither reads as Chinese, FAM_UTF8 (lossy). */
ss_code dec_guess_cjk(const unsigned char *p, size_t len, fam_t *fam, ss_err *err);

#endif
