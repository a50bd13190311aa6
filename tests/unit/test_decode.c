/* test_decode.c: unit tests for lib/decode.c (decode.h).
 *
 * Fixtures are made here, with iconv, from UTF-8 sentences of the seed
 * speeches, one character at a time so that the raw byte span of every
 * character is known; each decode is then checked for the detected name,
 * the text (== the UTF-8 source) and the span of every character.  Also:
 * corrupt input (U+FFFD and warning offsets), strict UTF-8, binary
 * sniffing, and the seed files themselves (identity UTF-8).  Run from the
 * repository root (the seeds are read from corpus/). */
#include "check.h"

#include <dirent.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decode.h"

/* From corpus/000_*.txt (simplified) and corpus/001_*.txt (traditional). */
#define SIMP                                                                        \
    "市委书记在全市地企合作联席会议第四次会议上的讲话\n"                            \
    "今天这次地企合作会议,是在全市上下坚持“四个致力”、喜迎党的二十大胜利召开、" \
    "着力打造带动全省发展新的增长极的关键时刻召开的。\n"
#define TRAD                                                                  \
    "第一篇:全市2019年招商引資和項目建設第一次推進會議講話稿[精選]\n"        \
    "“歲月不居,時節如流”。2019年元旦假期過后上班第一天,市委、市政府立即召開" \
    "全市2019年招商引資和項目建設第一次推進會議。\n"

#define MAXRAW 16384
#define MAXCH 4096
/* Longer than one iconv chunk (256 characters) of lib/decode.c. */
#define SIMP8 SIMP SIMP SIMP SIMP SIMP SIMP SIMP SIMP
#define TRAD8 TRAD TRAD TRAD TRAD TRAD TRAD TRAD TRAD

/* Raw bytes made from a UTF-8 source, with each source character's span. */
typedef struct {
    char raw[MAXRAW];
    size_t len;
    size_t nch;
    uint32_t rs[MAXCH], re[MAXCH]; /* raw span of character i */
    size_t ts[MAXCH + 1];          /* offset of character i in the source */
} fixture;

static size_t u8len(unsigned char c)
{
    return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

/* Appends one character (src, n bytes of UTF-8) encoded with cd. */
static int put_char(fixture *fx, iconv_t cd, const char *src, size_t n)
{
    char *ip = (char *)src, *op = fx->raw + fx->len;
    size_t il = n, ol = MAXRAW - fx->len;
    if (fx->nch >= MAXCH || iconv(cd, &ip, &il, &op, &ol) == (size_t)-1)
        return -1;
    fx->rs[fx->nch] = (uint32_t)fx->len;
    fx->len = (size_t)(op - fx->raw);
    fx->re[fx->nch] = (uint32_t)fx->len;
    fx->nch++;
    return 0;
}

/* fx = bom + src encoded as enc; 0 on success. */
static int make_fixture(fixture *fx, const char *src, const char *enc, const char *bom)
{
    memset(fx, 0, sizeof *fx);
    fx->len = strlen(bom);
    memcpy(fx->raw, bom, fx->len);
    iconv_t cd = iconv_open(enc, "UTF-8");
    if (cd == (iconv_t)-1)
        return -1;
    int rc = 0;
    size_t i = 0;
    while (src[i] && rc == 0) {
        size_t n = u8len((unsigned char)src[i]);
        fx->ts[fx->nch] = i;
        rc = put_char(fx, cd, src + i, n);
        i += n;
    }
    fx->ts[fx->nch] = i;
    iconv_close(cd);
    return rc;
}

/* Number of characters whose map in t is not their span in fx. */
static size_t bad_spans(const fixture *fx, const ss_text *t)
{
    size_t bad = 0;
    for (size_t i = 0; i < fx->nch; i++) {
        uint32_t a, b;
        ss_text_span(t, fx->ts[i], fx->ts[i + 1], &a, &b);
        bad += a != fx->rs[i] || b != fx->re[i];
        for (size_t k = fx->ts[i]; t->ostart && k < fx->ts[i + 1]; k++)
            bad += t->ostart[k] != fx->rs[i] || t->oend[k] != fx->re[i];
    }
    return bad;
}

typedef struct {
    const char *name, *src, *enc, *bom, *forced, *expect;
    int identity;
} dcase;

static const dcase dcases[] = {
    { "UTF-8", SIMP, "UTF-8", "", NULL, "UTF-8", 1 },
    { "GBK", SIMP, "GBK", "", NULL, "GB18030", 0 },
    { "GBK traditional", TRAD, "GBK", "", NULL, "GB18030", 0 },
    { "GB18030 4-byte", SIMP "𠮷À€", "GB18030", "", NULL, "GB18030", 0 },
    { "BIG5", TRAD, "BIG5", "", NULL, "BIG5", 0 },
    { "BIG5-HKSCS", TRAD, "BIG5-HKSCS", "", NULL, "BIG5", 0 },
    { "UTF-16LE BOM", SIMP "𠮷", "UTF-16LE", "\xFF\xFE", NULL, "UTF-16LE", 0 },
    { "UTF-16BE BOM", TRAD, "UTF-16BE", "\xFE\xFF", NULL, "UTF-16BE", 0 },
    { "UTF-8 BOM", SIMP, "UTF-8", "\xEF\xBB\xBF", NULL, "UTF-8", 0 },
    { "UTF-16LE no BOM", SIMP, "UTF-16LE", "", NULL, "UTF-16LE", 0 },
    { "UTF-16BE no BOM", TRAD, "UTF-16BE", "", NULL, "UTF-16BE", 0 },
    { "forced gb2312", SIMP, "GB2312", "", "gb2312", "GB18030", 0 },
    { "forced GBK", SIMP, "GBK", "", "GBK", "GB18030", 0 },
    { "forced big5", TRAD, "BIG5", "", "big5", "BIG5", 0 },
    { "forced utf-16le", SIMP, "UTF-16LE", "", "utf-16le", "UTF-16LE", 0 },
    { "forced UTF-16 BE", TRAD, "UTF-16BE", "", "UTF-16", "UTF-16BE", 0 },
    { "forced UTF-8", TRAD, "UTF-8", "", "UTF-8", "UTF-8", 1 },
    { "forced BOM wins", SIMP, "UTF-8", "\xEF\xBB\xBF", "GBK", "UTF-8", 0 },
    { "forced Shift_JIS", "日本語のテキスト。漢字", "SHIFT_JIS", "", "Shift_JIS", "SHIFT_JIS", 0 },
    { "forced latin1", "café crème brûlée", "ISO-8859-1", "", "latin1", "LATIN1", 0 },
    { "long GBK", SIMP8, "GBK", "", NULL, "GB18030", 0 },
    { "long BIG5", TRAD8, "BIG5", "", NULL, "BIG5", 0 },
    { "long UTF-16LE", SIMP8, "UTF-16LE", "\xFF\xFE", NULL, "UTF-16LE", 0 },
    { "long UTF-8 BOM", TRAD8, "UTF-8", "\xEF\xBB\xBF", NULL, "UTF-8", 0 },
};

static void test_dcase(const dcase *c)
{
    static fixture fx;
    ss_text t;
    ss_decode_info info;
    ss_err err;
    if (make_fixture(&fx, c->src, c->enc, c->bom)) {
        CHECK(0, "%s: cannot build fixture", c->name);
        return;
    }
    ss_code rc = ss_decode(fx.raw, fx.len, c->forced, &t, &info, NULL, NULL, &err);
    CHECK_EQ_INT(rc, SS_OK, c->name);
    if (rc != SS_OK)
        return;
    CHECK_EQ_STR(info.encoding, c->expect, c->name);
    CHECK_EQ_INT(info.bom, c->bom[0] != '\0', c->name);
    CHECK_EQ_INT(info.invalid, 0, c->name);
    CHECK_EQ_STR(t.text, c->src, c->name);
    CHECK_EQ_INT(t.len, strlen(c->src), c->name);
    CHECK_EQ_INT(t.ostart == NULL, c->identity, c->name);
    CHECK(bad_spans(&fx, &t) == 0, "%s: %zu bytes mapped wrong", c->name, bad_spans(&fx, &t));
    ss_text_free(&t);
}

/* Spot checks: the span of a given character is its bytes in raw. */
static void test_spot_spans(void)
{
    static const struct {
        const char *enc, *bom, *ch;
        size_t width;
    } spots[] = {
        { "GB18030", "", "𠮷", 4 }, { "GB18030", "", "À", 4 },  { "GBK", "", "会", 2 },
        { "BIG5", "", "會", 2 },    { "UTF-16LE", "\xFF\xFE", "𠮷", 4 }, { "UTF-16BE", "\xFE\xFF", "讲", 2 },
        { "UTF-8", "\xEF\xBB\xBF", "讲", 3 },
    };
    static fixture fx, one;
    for (size_t i = 0; i < sizeof spots / sizeof *spots; i++) {
        char src[512];
        snprintf(src, sizeof src, "%s%s%s", strcmp(spots[i].enc, "BIG5") ? SIMP : TRAD, spots[i].ch, "。");
        ss_text t;
        if (make_fixture(&fx, src, spots[i].enc, spots[i].bom) || make_fixture(&one, spots[i].ch, spots[i].enc, "")
            || ss_decode(fx.raw, fx.len, NULL, &t, NULL, NULL, NULL, NULL) != SS_OK) {
            CHECK(0, "spot %zu: setup failed", i);
            continue;
        }
        size_t at = strlen(src) - strlen(spots[i].ch) - strlen("。");
        uint32_t a, b;
        ss_text_span(&t, at, at + strlen(spots[i].ch), &a, &b);
        CHECK(b - a == spots[i].width && memcmp(fx.raw + a, one.raw, one.len) == 0,
              "spot %s %s: span [%u, %u)", spots[i].enc, spots[i].ch, a, b);
        ss_text_free(&t);
    }
}

/* ---- corrupt input ----------------------------------------------------- */

typedef struct {
    size_t n;
    size_t off[8];
} warnings;

static void on_warn(void *arg, size_t offset, const char *msg)
{
    warnings *w = arg;
    (void)msg;
    if (w->n < 8)
        w->off[w->n] = offset;
    w->n++;
}

/* GBK speech + truncated 中 (its lead D6 before ",", which cannot be a
 * trail byte) + ",abc" + invalid lead FF + 测试. */
static void test_corrupt_gbk(const char *forced)
{
    static fixture fx;
    ss_text t;
    ss_decode_info info;
    warnings w = { 0, { 0 } };
    const char *name = forced ? "corrupt GBK forced" : "corrupt GBK detected";
    if (make_fixture(&fx, SIMP, "GBK", "")) {
        CHECK(0, "%s: fixture", name);
        return;
    }
    size_t base = fx.len;
    memcpy(fx.raw + fx.len, "\xD6" ",abc" "\xFF" "\xB2\xE2\xCA\xD4", 10);
    fx.len += 10;
    if (ss_decode(fx.raw, fx.len, forced, &t, &info, on_warn, &w, NULL) != SS_OK) {
        CHECK(0, "%s: decode failed", name);
        return;
    }
    CHECK_EQ_STR(info.encoding, "GB18030", name);
    CHECK_EQ_STR(t.text, SIMP "\xEF\xBF\xBD" ",abc" "\xEF\xBF\xBD" "测试", name);
    CHECK_EQ_INT(info.invalid, 2, name);
    CHECK_EQ_INT(w.n, 2, name);
    CHECK_EQ_INT(w.off[0], base, name);
    CHECK_EQ_INT(w.off[1], base + 5, name);
    uint32_t a, b;
    ss_text_span(&t, strlen(SIMP), strlen(SIMP) + 3, &a, &b);
    CHECK(a == base && b == base + 1, "%s: U+FFFD span [%u, %u)", name, a, b);
    ss_text_span(&t, t.len - 6, t.len - 3, &a, &b);
    CHECK(a == base + 6 && b == base + 8, "%s: 测 span [%u, %u)", name, a, b);
    ss_text_free(&t);
}

typedef struct {
    const char *name, *raw;
    size_t len; /* 0: strlen(raw) */
    const char *forced, *expect_text, *expect_enc;
    size_t invalid, first_warn;
} ccase;

#define FFFD "\xEF\xBF\xBD"

static const ccase ccases[] = {
    { "overlong", "a\xC0\xAF" "b", 0, "UTF-8", "a" FFFD FFFD "b", "UTF-8", 2, 1 },
    { "surrogate", "a\xED\xA0\x80" "b", 0, "UTF-8", "a" FFFD FFFD FFFD "b", "UTF-8", 3, 1 },
    { "above U+10FFFF", "ab\xF4\x90\x80\x80", 0, "UTF-8", "ab" FFFD FFFD FFFD FFFD, "UTF-8", 4, 2 },
    { "truncated UTF-8", "a\xE4\xB8" "b", 0, "UTF-8", "a" FFFD "b", "UTF-8", 1, 1 },
    { "5-byte lead", "\xF8\x88\x80\x80\x80x", 0, "UTF-8", FFFD FFFD FFFD FFFD FFFD "x", "UTF-8", 5, 0 },
    { "unmappable Big5 keeps ASCII", "\x81" "A\xA4\xA4", 0, "big5", FFFD "A中", "BIG5", 1, 0 },
    { "Big5 bad trail", "\xA4\x20\xA4\xA4", 0, "big5", FFFD " 中", "BIG5", 1, 0 },
    { "GB18030 truncated 4-byte", "\x81\x30z", 0, "GB18030", FFFD "0z", "GB18030", 1, 0 },
    { "UTF-16LE lone surrogate", "\x00\xD8" "a\x00", 4, "UTF-16LE", FFFD "a", "UTF-16LE", 1, 0 },
    { "UTF-16LE odd byte", "a\x00" "b", 3, "UTF-16LE", "a" FFFD, "UTF-16LE", 1, 2 },
    { "mostly ASCII cp1252", "The caf\xE9 served cr\xE8me br\xFBl\xE9" "e.\n", 0, NULL,
      "The caf" FFFD " served cr" FFFD "me br" FFFD "l" FFFD "e.\n", "UTF-8", 4, 7 },
};

static void test_ccase(const ccase *c)
{
    size_t len = c->len ? c->len : strlen(c->raw);
    ss_text t;
    ss_decode_info info;
    warnings w = { 0, { 0 } };
    if (ss_decode(c->raw, len, c->forced, &t, &info, on_warn, &w, NULL) != SS_OK) {
        CHECK(0, "%s: decode failed", c->name);
        return;
    }
    CHECK_EQ_STR(t.text, c->expect_text, c->name);
    CHECK_EQ_STR(info.encoding, c->expect_enc, c->name);
    CHECK_EQ_INT(info.invalid, c->invalid, c->name);
    CHECK_EQ_INT(w.n, c->invalid, c->name);
    CHECK_EQ_INT(w.off[0], c->first_warn, c->name);
    ss_text_free(&t);
}

/* Inside a long Big5 run: a character iconv rejects (81 41: the ASCII
 * trail survives) and one that gives two code points (88 62: U+00CA
 * U+0304), so the chunk is redone character by character. */
static void test_chunk_fallback(void)
{
    static fixture fx;
    static char want[MAXRAW];
    ss_text t;
    ss_decode_info info;
    warnings w = { 0, { 0 } };
    if (make_fixture(&fx, TRAD TRAD, "BIG5", "")) {
        CHECK(0, "chunk fallback: fixture");
        return;
    }
    size_t half = fx.len / 2, tlen = strlen(TRAD);
    memmove(fx.raw + half + 4, fx.raw + half, fx.len - half);
    memcpy(fx.raw + half, "\x81" "A\x88\x62", 4);
    fx.len += 4;
    snprintf(want, sizeof want, "%s%s%s", TRAD, FFFD "A\xC3\x8A\xCC\x84", TRAD);
    if (ss_decode(fx.raw, fx.len, NULL, &t, &info, on_warn, &w, NULL) != SS_OK) {
        CHECK(0, "chunk fallback: decode");
        return;
    }
    CHECK_EQ_STR(info.encoding, "BIG5", "chunk fallback");
    CHECK_EQ_STR(t.text, want, "chunk fallback");
    CHECK(info.invalid == 1 && w.n == 1 && w.off[0] == half, "chunk fallback: one warning at %zu", half);
    uint32_t a, b;
    ss_text_span(&t, tlen + 4, tlen + 8, &a, &b); /* U+00CA U+0304 */
    CHECK(a == half + 2 && b == half + 4, "chunk fallback: two code points map to 88 62");
    ss_text_span(&t, t.len - 4, t.len - 1, &a, &b); /* the last 。, before "\n" */
    CHECK(a == fx.len - 3 && b == fx.len - 1, "chunk fallback: last 。 [%u, %u)", a, b);
    ss_text_free(&t);
}

/* ---- misc --------------------------------------------------------------- */

static void test_errors(void)
{
    ss_text t;
    ss_err err;
    ss_decode_info info;
    CHECK_EQ_INT(ss_decode("abc", 3, "no-such-encoding", &t, NULL, NULL, NULL, &err), SS_EINVAL,
                 "unknown forced encoding");
    CHECK(strstr(err.msg, "no-such-encoding") != NULL, "error names the encoding: %s", err.msg);
    CHECK_EQ_INT(ss_decode(NULL, 3, NULL, &t, NULL, NULL, NULL, &err), SS_EINVAL, "NULL raw");
    CHECK_EQ_INT(ss_decode("", 0, NULL, &t, &info, NULL, NULL, &err), SS_OK, "empty");
    CHECK(t.text && t.len == 0 && t.text[0] == '\0' && !t.ostart, "empty is identity \"\"");
    CHECK_EQ_STR(info.encoding, "UTF-8", "empty encoding");
    ss_text_free(&t);
    CHECK_EQ_INT(ss_decode("<p>ascii</p>", 12, "gb2312", &t, &info, NULL, NULL, &err), SS_OK,
                 "forced GBK on ASCII");
    CHECK(!t.ostart && !strcmp(t.text, "<p>ascii</p>") && !strcmp(info.encoding, "GB18030"),
          "forced GBK on ASCII: identity");
    ss_text_free(&t);
    CHECK_EQ_INT(ss_looks_binary(NULL, 0), 0, "NULL is not binary");
    CHECK_EQ_INT(ss_decode("\xEF\xBB\xBF", 3, NULL, &t, &info, NULL, NULL, &err), SS_OK, "BOM only");
    CHECK(t.len == 0 && info.bom == 1, "BOM only: empty text, bom set");
    ss_text_free(&t);
}

typedef struct {
    const char *name;
    const char *raw;
    size_t len;
    int binary;
} bcase;

static void test_binary(void)
{
    static fixture u16, u16nobom, gbk;
    char ctl[400], elf[64] = "\x7F" "ELF\x02\x01\x01";
    memset(ctl, 'a', sizeof ctl);
    for (size_t i = 0; i < sizeof ctl; i += 5)
        ctl[i] = 0x1B; /* 20% ESC */
    if (make_fixture(&u16, "中文内容没有ASCII吗", "UTF-16LE", "\xFF\xFE")
        || make_fixture(&u16nobom, SIMP, "UTF-16LE", "") || make_fixture(&gbk, SIMP, "GBK", "")) {
        CHECK(0, "binary fixtures");
        return;
    }
    const bcase cases[] = {
        { "UTF-8 text", SIMP, strlen(SIMP), 0 },
        { "GBK text", gbk.raw, gbk.len, 0 },
        { "UTF-16LE with BOM", u16.raw, u16.len, 0 },
        { "UTF-16LE without BOM", u16nobom.raw, u16nobom.len, 0 },
        { "ELF header", elf, sizeof elf, 1 },
        { "NUL in text", "abc\0def", 7, 1 },
        { "20% control bytes", ctl, sizeof ctl, 1 },
        { "tabs and form feeds", "a\tb\fc\r\nd", 8, 0 },
        { "empty", "", 0, 0 },
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        CHECK_EQ_INT(ss_looks_binary(cases[i].raw, cases[i].len), cases[i].binary, cases[i].name);
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    long n;
    if (!f)
        return NULL;
    if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0
        && (buf = malloc((size_t)n + 1)) != NULL)
        *len = fread(buf, 1, (size_t)n, f);
    fclose(f);
    return buf;
}

/* Every seed decodes as identity UTF-8. */
static void test_seeds(void)
{
    DIR *d = opendir("corpus");
    struct dirent *e;
    int seen = 0;
    CHECK(d != NULL, "opendir corpus (run from the repository root)");
    while (d && (e = readdir(d)) != NULL) {
        size_t n = strlen(e->d_name), len = 0;
        char path[512];
        if (n < 4 || strcmp(e->d_name + n - 4, ".txt"))
            continue;
        snprintf(path, sizeof path, "corpus/%s", e->d_name);
        char *raw = slurp(path, &len);
        ss_text t;
        ss_decode_info info;
        CHECK(raw != NULL, "read %s", path);
        if (raw && ss_decode(raw, len, NULL, &t, &info, NULL, NULL, NULL) == SS_OK) {
            CHECK(!strcmp(info.encoding, "UTF-8") && !t.ostart && t.len == len && !memcmp(t.text, raw, len)
                      && !ss_looks_binary(raw, len),
                  "%s: identity UTF-8 (got %s)", path, info.encoding);
            ss_text_free(&t);
            seen++;
        }
        free(raw);
    }
    if (d)
        closedir(d);
    CHECK(seen >= 5, "decoded %d seed files", seen);
}

int main(int argc, char **argv)
{
    (void)argc;
    for (size_t i = 0; i < sizeof dcases / sizeof *dcases; i++)
        test_dcase(&dcases[i]);
    test_spot_spans();
    test_corrupt_gbk(NULL);
    test_corrupt_gbk("GBK");
    for (size_t i = 0; i < sizeof ccases / sizeof *ccases; i++)
        test_ccase(&ccases[i]);
    test_chunk_fallback();
    test_errors();
    test_binary();
    test_seeds();
    return check_report(argv[0]);
}
