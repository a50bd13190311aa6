/* decode.c: raw file bytes -> UTF-8 text that maps back to the raw bytes.
 *
 * Why: speeches arrive as UTF-8, GBK/GB18030, Big5 or UTF-16, mostly
 * unlabelled.  Indexing needs UTF-8; highlighting and snippets need, for
 * every text byte, the span of raw bytes it came from (text.h).
 *
 * How (the parts: decode_int.h):
 *  - Detection (decode.h): a BOM; UTF-16 without BOM (NUL bytes present
 *    and the units plausible text in one byte order: decode_sniff.c);
 *    strict UTF-8 validation; otherwise a sample (64 KiB from the first
 *    non-ASCII byte) is trial-decoded as lossy UTF-8, GB18030 and Big5,
 *    each scored for how Chinese-like it is (decode_score.c).  The best
 *    positive score wins; with none (a mostly ASCII file with a few stray
 *    bytes) the file is lossy UTF-8.
 *  - Valid UTF-8 without BOM is copied once and keeps the identity map.
 *  - Everything else goes through one engine (decode_conv.c): a
 *    per-encoding scanner finds character boundaries (and malformed
 *    bytes, replaced by U+FFFD and reported), runs of well-formed
 *    characters are converted by iconv in chunks, each code point getting
 *    its character's raw span.  Encodings without a scanner (a forced
 *    "SHIFT_JIS", "latin1"...) are fed to iconv one byte more at a time.
 *  - GB2312/GBK labels are decoded with glibc's GB18030 and Big5 labels
 *    with BIG5-HKSCS (dec_iconv_name).  A BOM outranks a forced label.
 *
 * Ownership: raw is only read; the ss_text ss_decode fills owns its
 * buffers (ss_text_free).  No global mutable state. */
#include "decode.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base.h"
#include "decode_int.h"
#include "utf8.h"

/* ---- choosing the encoding --------------------------------------------- */

typedef struct {
    fam_t fam;
    const char *iconv_name; /* what iconv is opened with (FAM_UTF8: unused) */
    char name[32];          /* reported in ss_decode_info */
    size_t start;           /* BOM bytes skipped */
    int identity;           /* valid UTF-8 from byte 0: copy, no map */
} choice;

static void set_choice(choice *ch, fam_t fam, size_t start)
{
    static const char *const names[] = { "UTF-8", "UTF-16LE", "UTF-16BE", "GB18030", "BIG5" };
    memset(ch, 0, sizeof *ch);
    ch->fam = fam;
    ch->start = start;
    if (fam != FAM_OTHER) {
        ch->iconv_name = dec_iconv_name(fam);
        snprintf(ch->name, sizeof ch->name, "%s", names[fam]);
    }
}

/* Picks the encoding from a BOM; returns 0 when there is none. */
static int bom_choice(const unsigned char *p, size_t len, choice *ch)
{
    int bom = dec_bom_kind(p, len);
    if (bom)
        set_choice(ch, bom == 8 ? FAM_UTF8 : bom == 17 ? FAM_UTF16LE : FAM_UTF16BE,
                   bom == 8 ? 3 : 2);
    return bom != 0;
}

static ss_code choose_detect(const unsigned char *p, size_t len, choice *ch, ss_err *err)
{
    if (bom_choice(p, len, ch))
        return SS_OK;
    int g = dec_utf16_guess(p, len);
    if (g) {
        set_choice(ch, g == 1 ? FAM_UTF16LE : FAM_UTF16BE, 0);
        return SS_OK;
    }
    if (utf8_valid_prefix((const char *)p, len) == len) {
        set_choice(ch, FAM_UTF8, 0);
        ch->identity = 1;
        return SS_OK;
    }
    fam_t fam;
    ss_code rc = dec_guess_cjk(p, len, &fam, err);
    if (rc == SS_OK)
        set_choice(ch, fam, 0);
    return rc;
}

static char ascii_upper(char c)
{
    return c >= 'a' && c <= 'z' ? (char)(c - 'a' + 'A') : c;
}

/* Upper-cased ASCII letters and digits of name (at most cap - 1). */
static void name_key(const char *name, char *key, size_t cap)
{
    size_t k = 0;
    for (; *name && k + 1 < cap; name++) {
        char c = ascii_upper(*name);
        if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
            key[k++] = c;
    }
    key[k] = '\0';
}

/* Family of an encoding label; aliases as used by browsers and iconv. */
static fam_t family_of(const char *name)
{
    static const struct {
        const char *key;
        fam_t fam;
    } aliases[] = {
        { "UTF8", FAM_UTF8 },         { "UTF16LE", FAM_UTF16LE },  { "UTF16BE", FAM_UTF16BE },
        { "GB18030", FAM_GB },        { "GBK", FAM_GB },           { "GB2312", FAM_GB },
        { "CP936", FAM_GB },          { "MS936", FAM_GB },         { "WINDOWS936", FAM_GB },
        { "XGBK", FAM_GB },           { "EUCCN", FAM_GB },         { "CSGB2312", FAM_GB },
        { "GB231280", FAM_GB },       { "CHINESE", FAM_GB },       { "BIG5", FAM_BIG5 },
        { "BIG5HKSCS", FAM_BIG5 },    { "CP950", FAM_BIG5 },       { "CNBIG5", FAM_BIG5 },
        { "CSBIG5", FAM_BIG5 },       { "XXBIG5", FAM_BIG5 },      { "WINDOWS950", FAM_BIG5 },
    };
    char key[40];
    name_key(name, key, sizeof key);
    for (size_t i = 0; i < NELEM(aliases); i++)
        if (!strcmp(key, aliases[i].key))
            return aliases[i].fam;
    return FAM_OTHER;
}

/* A forced label.  A BOM still wins (as in browsers): it cannot be wrong,
 * labels often are.  "UTF-16" without BOM: guessed from NULs, else LE. */
static ss_code choose_forced(const unsigned char *p, size_t len, const char *forced, choice *ch)
{
    if (bom_choice(p, len, ch))
        return SS_OK;
    char key[40];
    name_key(forced, key, sizeof key);
    fam_t fam = family_of(forced);
    if (fam == FAM_OTHER && (!strcmp(key, "UTF16") || !strcmp(key, "UNICODE")))
        fam = dec_utf16_guess(p, len) == 2 ? FAM_UTF16BE : FAM_UTF16LE;
    set_choice(ch, fam, 0);
    if (fam == FAM_UTF8)
        ch->identity = utf8_valid_prefix((const char *)p, len) == len;
    else if (fam == FAM_GB || fam == FAM_BIG5)
        ch->identity = utf8_skip_ascii((const char *)p, 0, len) == len; /* ASCII reads the same */
    if (fam == FAM_OTHER) {
        ch->iconv_name = forced;
        size_t k = 0;
        for (; forced[k] && k + 1 < sizeof ch->name; k++)
            ch->name[k] = ascii_upper(forced[k]);
        ch->name[k] = '\0';
    }
    return SS_OK;
}

/* ---- decoding ---------------------------------------------------------- */

static ss_code copy_identity(const char *raw, size_t len, ss_text *out, ss_err *err)
{
    char *t = malloc(len + 1);
    if (!t)
        return ss_seterr(err, SS_ENOMEM, "out of memory copying %zu bytes of text", len);
    if (len)
        memcpy(t, raw, len);
    t[len] = '\0';
    out->text = t;
    out->len = len;
    return SS_OK;
}

static ss_code convert(const unsigned char *p, size_t len, const choice *ch, ss_text *out,
                       ss_decode_info *info, ss_warn_fn warn, void *warn_arg, ss_err *err)
{
    if ((uint64_t)len > UINT32_MAX)
        return ss_seterr(err, SS_EINVAL, "%zu bytes is too large to map (4 GiB limit)", len);
    iconv_t cd = (iconv_t)-1;
    if (ch->fam != FAM_UTF8 && (cd = iconv_open("UTF-8", ch->iconv_name)) == (iconv_t)-1)
        return ss_seterr(err, ch->fam == FAM_OTHER ? SS_EINVAL : SS_EUNSUPPORTED,
                         "unknown encoding '%s' (iconv cannot decode it)", ch->iconv_name);
    ss_text_builder b;
    ss_tb_init(&b);
    /* Chinese text grows by about half in UTF-8; untouched room costs
     * address space only. */
    ss_tb_reserve(&b, ch->fam == FAM_UTF8 ? len : len / 2 * 3 + 64);
    dec_conv c = { p, ch->fam, cd, ch->name, &b, 0, warn, warn_arg };
    if (ch->fam == FAM_OTHER)
        dec_conv_generic(&c, ch->start, len);
    else
        dec_conv_range(&c, ch->start, len);
    if (cd != (iconv_t)-1)
        iconv_close(cd);
    info->invalid = c.invalid;
    return ss_tb_finish(&b, out, err);
}

ss_code ss_decode(const char *raw, size_t len, const char *forced, ss_text *out,
                  ss_decode_info *info, ss_warn_fn warn, void *warn_arg, ss_err *err)
{
    ss_decode_info local;
    const unsigned char *p = (const unsigned char *)raw;
    choice ch;
    if (!out || (!raw && len))
        return ss_seterr(err, SS_EINVAL, "ss_decode: NULL argument");
    ss_text_init(out);
    if (!info)
        info = &local;
    memset(info, 0, sizeof *info);
    ss_code rc = forced && *forced ? choose_forced(p, len, forced, &ch)
                                   : choose_detect(p, len, &ch, err);
    if (rc != SS_OK)
        return rc;
    snprintf(info->encoding, sizeof info->encoding, "%s", ch.name);
    info->bom = ch.start > 0;
    if (ch.identity)
        return copy_identity(raw, len, out, err);
    return convert(p, len, &ch, out, info, warn, warn_arg, err);
}
