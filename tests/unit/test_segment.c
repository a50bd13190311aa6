/* test_segment.c: unit tests of the dictionary segmenter (lib/segment.c)
 * and its dictionary compiler (tools/seg_dictc.c).
 *
 * Why: every indexed word and every query word comes out of the
 * segmenter; these tests pin its error handling, its jieba-compatible
 * choices on sentences, and the invariant the indexer relies on: words
 * cover the input exactly, in order, without gaps or overlaps, whatever
 * the bytes are.
 *
 * The compiled dictionary is $SS_DICT, else dict.bin of the data folder
 * (datadir.h; built
 * by `make build/data/dict.bin`).  The compiler tests run $SS_DICTC, else
 * build/rel/seg-dictc, and are skipped with a note when it is missing.
 * Temporary files go to /tmp and are removed.  Ownership: each test
 * function opens and frees what it uses; the shared dictionary and
 * context are owned by main. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "datadir.h"
#include "segment.h"

/* ---- helpers ------------------------------------------------------------ */

typedef struct {
    const char *text;
    char out[8192];   /* words joined by '/' */
    size_t pos;       /* end of the last word */
    int gaps;         /* words that did not start where the last ended */
    int words, stop_after;
} collect;

static int on_word(void *arg, size_t start, size_t end)
{
    collect *c = arg;
    if (start != c->pos || end <= start)
        c->gaps++;
    c->pos = end;
    c->words++;
    size_t n = strlen(c->out), w = end - start;
    if (n + w + 2 < sizeof c->out) {
        if (n)
            c->out[n++] = '/';
        memcpy(c->out + n, c->text + start, w);
        c->out[n + w] = '\0';
    }
    return c->stop_after && c->words >= c->stop_after;
}

/* Segments text; returns the result code, fills c. */
static ss_code run(const seg_dict *d, seg_ctx *ctx, const char *text, size_t len, collect *c)
{
    memset(c, 0, sizeof *c);
    c->text = text;
    ss_err err;
    return seg_segment(d, ctx, text, len, on_word, c, &err);
}

static const char *dict_path(void)
{
    static char path[4200];
    const char *p = getenv("SS_DICT");
    snprintf(path, sizeof path, "%s/dict.bin", ss_datadir());
    return p && *p ? p : path;
}

static int write_file(const char *path, const void *data, size_t len)
{
    FILE *fp = fopen(path, "wb");
    if (!fp)
        return -1;
    int ok = fwrite(data, 1, len, fp) == len;
    return (fclose(fp) == 0 && ok) ? 0 : -1;
}

/* A fresh temporary file name (the file exists, empty). */
static void tmp_name(char *buf, size_t size)
{
    snprintf(buf, size, "/tmp/test_segment_XXXXXX");
    int fd = mkstemp(buf);
    if (fd >= 0)
        close(fd);
}

/* ---- dictionary opening -------------------------------------------------- */

static void expect_open_error(const char *path, ss_code code, const char *name)
{
    seg_dict *d = (seg_dict *)1;
    ss_err err;
    ss_clearerr(&err);
    ss_code rc = seg_dict_open(path, &d, &err);
    CHECK_EQ_INT(rc, code, name);
    CHECK(d == NULL, "%s: *out is NULL on failure", name);
    CHECK(strstr(err.msg, path) != NULL, "%s: message names the path: %s", name, err.msg);
    if (d != (seg_dict *)1)
        seg_dict_close(d);
}

/* Writes the first n bytes of the real dictionary, with the 32-bit field
 * at offset field (if >= 0) replaced by value. */
static void write_damaged(const char *path, const char *src, size_t n, int field, uint32_t value)
{
    FILE *fp = fopen(src, "rb");
    char *buf = calloc(1, n);
    size_t got = fp && buf ? fread(buf, 1, n, fp) : 0;
    if (fp)
        fclose(fp);
    if (field >= 0 && got >= (size_t)field + 4)
        memcpy(buf + field, &value, 4);
    CHECK(buf && write_file(path, buf, got) == 0, "write %s", path);
    free(buf);
}

static void test_open_errors(const char *real)
{
    char tmp[64];
    expect_open_error("/nonexistent/dir/dict.bin", SS_ENOTFOUND, "missing file");
    tmp_name(tmp, sizeof tmp);
    expect_open_error(tmp, SS_ECORRUPT, "empty file");
    const char junk[] = "this is certainly not a dictionary, it is a sentence of 80 bytes or so. padding";
    CHECK(write_file(tmp, junk, sizeof junk) == 0, "write junk");
    expect_open_error(tmp, SS_ECORRUPT, "junk file");
    write_damaged(tmp, real, 4096, -1, 0);
    expect_open_error(tmp, SS_ECORRUPT, "truncated dictionary");
    write_damaged(tmp, real, 4096, 8, 99);
    expect_open_error(tmp, SS_ECORRUPT, "wrong version");
    write_damaged(tmp, real, 64, 56, 64);  /* file_size says 64: arrays cannot fit */
    expect_open_error(tmp, SS_ECORRUPT, "impossible sizes");
    unlink(tmp);
    expect_open_error("/tmp", SS_ECORRUPT, "directory");
}

/* ---- lookup --------------------------------------------------------------- */

static void test_lookup(const seg_dict *d)
{
    static const struct {
        const char *word;
        int found;
    } cases[] = {
        { "中国", 1 }, { "营商环境", 1 }, { "招商引资", 1 }, { "高质量发展", 1 },
        { "的", 1 }, { "中华人民共和国", 1 }, { "中华人民共", 0 },
        { "营商环", 0 }, { "xyz不存在", 0 }, { "\xff", 0 },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        uint32_t f = 0;
        int got = seg_dict_lookup(d, cases[i].word, strlen(cases[i].word), &f);
        CHECK_EQ_INT(got, cases[i].found, cases[i].word);
        CHECK(!got || f > 0, "%s: frequency %u", cases[i].word, f);
    }
    CHECK_EQ_INT(seg_dict_lookup(d, "中国", 0, NULL), 0, "empty word");
    CHECK(seg_dict_size(d) > 349000, "dictionary has %zu words", seg_dict_size(d));
}

/* ---- segmentation ---------------------------------------------------------- */

static void test_sentences(const seg_dict *d, seg_ctx *ctx)
{
    static const struct {
        const char *in, *out;
    } cases[] = {
        { "我们要优化营商环境", "我们/要/优化/营商环境" },
        { "招商引资和项目建设", "招商引资/和/项目建设" },
        { "推动高质量发展", "推动/高质量发展" },
        { "推进一带一路建设", "推进/一带一路/建设" },
        { "实现碳达峰碳中和", "实现/碳达峰/碳中和" },
        { "全面推进乡村振兴", "全面/推进/乡村振兴" },
        { "长三角一体化", "长三角/一体化" },
        { "中华人民共和国成立了", "中华人民共和国/成立/了" },
        { "2019年GDP增长6.5%", "2019/年/GDP/增长/6/./5/%" },
        { "中国，abc123！", "中国/，/abc123/！" },
        { "\xF0\x9F\x98\x80中国", "\xF0\x9F\x98\x80/中国" },
        { "a b", "a/ /b" },
        { "中", "中" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        collect c;
        ss_code rc = run(d, ctx, cases[i].in, strlen(cases[i].in), &c);
        CHECK_EQ_INT(rc, SS_OK, cases[i].in);
        CHECK_EQ_STR(c.out, cases[i].out, cases[i].in);
        CHECK(c.gaps == 0 && c.pos == strlen(cases[i].in), "%s: words cover the input", cases[i].in);
    }
}

/* Bytes that are not valid UTF-8 still come out as words covering them. */
static void test_invalid_utf8(const seg_dict *d, seg_ctx *ctx)
{
    static const char *inputs[] = {
        "\xff中国\xe4\xb8",        /* stray byte, truncated character at the end */
        "\xe4\xb8\xad\xe5\x9b",    /* 中 then a truncated 国 */
        "\xc0\xaf\xed\xa0\x80x",   /* overlong, surrogate */
        "a\0b",                    /* NUL inside (length 3) */
    };
    static const size_t lens[] = { 9, 5, 6, 3 };
    static const int words[] = { 4, 3, 6, 3 };
    for (size_t i = 0; i < 4; i++) {
        collect c;
        ss_code rc = run(d, ctx, inputs[i], lens[i], &c);
        CHECK_EQ_INT(rc, SS_OK, "invalid utf-8");
        CHECK(c.gaps == 0 && c.pos == lens[i], "invalid utf-8 case %zu covers the input", i);
        CHECK_EQ_INT(c.words, words[i], "invalid utf-8 word count");
    }
}

static void test_edges(const seg_dict *d, seg_ctx *ctx)
{
    collect c;
    CHECK_EQ_INT(run(d, ctx, "", 0, &c), SS_OK, "empty input");
    CHECK_EQ_INT(c.words, 0, "empty input: no words");
    CHECK_EQ_INT(run(d, ctx, NULL, 0, &c), SS_OK, "NULL empty input");
    memset(&c, 0, sizeof c);
    c.text = "我们要优化营商环境";
    c.stop_after = 2;
    ss_code rc = seg_segment(d, ctx, c.text, strlen(c.text), on_word, &c, NULL);
    CHECK_EQ_INT(rc, SS_OK, "stopped by callback");
    CHECK_EQ_STR(c.out, "我们/要", "stopped after two words");
    ss_err err;
    CHECK_EQ_INT(seg_segment(d, ctx, "x", 1, NULL, NULL, &err), SS_EINVAL, "NULL callback");
    CHECK_EQ_INT(seg_segment(NULL, ctx, "x", 1, on_word, &c, &err), SS_EINVAL, "NULL dictionary");
    seg_dict_close(NULL);
    seg_ctx_free(NULL);
}

/* 10,000 characters in one call: words cover it, and a second run with the
 * grown context gives the same words. */
static void test_long(const seg_dict *d, seg_ctx *ctx)
{
    const char *unit = "各县区要持续优化营商环境，抓好招商引资和项目建设。";  /* 25 chars */
    size_t ulen = strlen(unit), len = ulen * 400;
    char *text = malloc(len);
    for (size_t i = 0; i < 400; i++)
        memcpy(text + i * ulen, unit, ulen);
    collect a, b;
    CHECK_EQ_INT(run(d, ctx, text, len, &a), SS_OK, "10k characters");
    CHECK(a.gaps == 0 && a.pos == len, "10k characters: words cover the input");
    collect one;
    run(d, ctx, unit, ulen, &one);
    CHECK_EQ_INT(a.words, one.words * 400, "10k characters: same words as the unit, 400 times");
    run(d, ctx, text, len, &b);
    CHECK(a.words == b.words && strcmp(a.out, b.out) == 0, "10k characters: repeatable");
    free(text);
}

/* ---- the compiler ----------------------------------------------------------- */

static int run_dictc(const char *dictc, const char *out, const char *in1, const char *in2)
{
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "'%s' -o '%s' '%s' %s%s%s 2>/dev/null", dictc, out, in1,
             in2 ? "'" : "", in2 ? in2 : "", in2 ? "'" : "");
    return system(cmd);
}

static void check_small_dict(const char *path)
{
    seg_dict *d = NULL;
    ss_err err;
    CHECK_EQ_INT(seg_dict_open(path, &d, &err), SS_OK, "open compiled small dictionary");
    if (!d)
        return;
    uint32_t f = 0;
    CHECK(seg_dict_lookup(d, "人民", 6, &f) && f == 5, "later file overrides: freq %u", f);
    CHECK(!seg_dict_lookup(d, "国", 3, NULL), "freq 0 deletes a word");
    CHECK(seg_dict_lookup(d, "中国人民", 12, &f) && f >= 1, "user word gets a frequency");
    CHECK_EQ_INT(seg_dict_size(d), 11, "small dictionary size");
    /* parts of speech: "v" alone is a verb, "n…" a noun, "q" a measure word; a later line with
     * a tag overrides one, a line without keeps it */
    static const struct {
        const char *w;
        int pos;
    } pos[] = { { "中国", SEG_POS_NOUN }, { "人民", SEG_POS_NOUN }, { "好", 0 },
                { "吃", SEG_POS_VERB }, { "投资", 0 },     { "中国人民", 0 },
                { "人", SEG_POS_VERB }, { "国", 0 },     { "亩", SEG_POS_MEASURE } };
    for (size_t i = 0; i < sizeof pos / sizeof pos[0]; i++)
        CHECK_EQ_INT(seg_dict_pos(d, pos[i].w, strlen(pos[i].w)), pos[i].pos, pos[i].w);
    CHECK(seg_dict_lookup(d, "吃", 3, &f) && f == 25, "a tagged word reads its frequency: %u", f);
    /* "nr…" is a person's name (and a noun); "ns" is no person */
    CHECK_EQ_INT(seg_dict_person(d, "雷锋", 6), 1, "雷锋 nr: a person");
    CHECK_EQ_INT(seg_dict_pos(d, "雷锋", 6), SEG_POS_NOUN, "雷锋 nr: a noun");
    CHECK(seg_dict_lookup(d, "雷锋", 6, &f) && f == 232, "a person's frequency: %u", f);
    CHECK_EQ_INT(seg_dict_person(d, "中国", 6), 0, "中国 ns: no person");
    CHECK_EQ_INT(seg_dict_person(d, "人民", 6), 0, "人民 n: no person");
    seg_ctx *ctx = seg_ctx_new();
    collect c;
    run(d, ctx, "中国人民好", strlen("中国人民好"), &c);
    CHECK_EQ_STR(c.out, "中国人民/好", "suggested frequency beats splitting");
    seg_ctx_free(ctx);
    seg_dict_close(d);
}

static void test_compiler(void)
{
    const char *dictc = getenv("SS_DICTC");
    if (!dictc || !*dictc)
        dictc = "build/rel/seg-dictc";
    if (access(dictc, X_OK) != 0) {
        printf("note: %s not found, compiler tests skipped\n", dictc);
        return;
    }
    char base[64], user[64], out[64];
    tmp_name(base, sizeof base);
    tmp_name(user, sizeof user);
    tmp_name(out, sizeof out);
    const char *b = "\xEF\xBB\xBF# base\n中国 1000 ns\n人民 800\n\n中 50\n国 40\n人 60 n\n民 30\n"
                    "好 900\n吃 20 v\n投资 30 vn\n雷锋 232 nr\n亩 12 q\n";
    const char *u = "  # user words\n中国人民\n人民 5 n\n国 0\nbad\xff 3\n人 v\n吃 25\n";
    CHECK(write_file(base, b, strlen(b)) == 0 && write_file(user, u, strlen(u)) == 0, "write dicts");
    CHECK_EQ_INT(run_dictc(dictc, out, base, user), 0, "seg-dictc succeeds");
    check_small_dict(out);
    unlink(out);
    CHECK(run_dictc(dictc, out, "/nonexistent/dict.txt", NULL) != 0, "seg-dictc fails on a missing input");
    CHECK(access(out, F_OK) != 0, "no output after a failed compile");
    unlink(base);
    unlink(user);
}

int main(int argc, char **argv)
{
    (void)argc;
    const char *path = dict_path();
    seg_dict *d = NULL;
    ss_err err;
    ss_code rc = seg_dict_open(path, &d, &err);
    CHECK_EQ_INT(rc, SS_OK, "open the compiled dictionary (make build/data/dict.bin)");
    if (rc != SS_OK) {
        printf("%s\n", err.msg);
        return check_report(argv[0]);
    }
    seg_ctx *ctx = seg_ctx_new();
    test_open_errors(path);
    test_lookup(d);
    test_sentences(d, ctx);
    test_invalid_utf8(d, ctx);
    test_edges(d, ctx);
    test_long(d, ctx);
    test_compiler();
    seg_ctx_free(ctx);
    seg_dict_close(d);
    return check_report(argv[0]);
}
