/* Tests of clean.c: each rule kind on its own rules (input -> expected
 * output), the shipped corpus/data/clean.rules on every kind of furniture
 * and on text that must stay, the map back to the original bytes (a
 * watermark inside a word), errors in rules files (file:line, missing
 * file), every seed file in corpus/ (no furniture left, under 3% removed,
 * the share printed), and speed.  Runs from the repository root. */
#include <dirent.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "clean.h"

#define SHIPPED "corpus/data/clean.rules"

/* ---- helpers -------------------------------------------------------------- */

/* Writes content to dir/name; the path goes to path (n bytes). */
static int write_file(const char *dir, const char *name, const char *content, char *path,
                      size_t n)
{
    snprintf(path, n, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    if (!f)
        return -1;
    fputs(content, f);
    return fclose(f);
}

/* Reads a whole file (malloc'd, NUL-terminated) or NULL. */
static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0, k;
    char *buf = malloc(cap + 1);
    while (buf && (k = fread(buf + n, 1, cap - n, f)) > 0) {
        n += k;
        char *nb = n == cap ? realloc(buf, 2 * cap + 1) : buf;
        if (!nb)
            free(buf);
        buf = nb;
        cap = n == cap ? 2 * cap : cap;
    }
    fclose(f);
    if (buf) {
        buf[n] = '\0';
        *len = n;
    }
    return buf;
}

/* An identity-mapped text over s (not copied: do not free). */
static ss_text view(const char *s)
{
    ss_text t = { (char *)s, strlen(s), NULL, NULL };
    return t;
}

/* Opens rules given as text (written to dir/rules.txt). */
static ss_cleaner *open_text_rules(const char *dir, const char *rules, ss_err *err)
{
    char path[512];
    ss_cleaner *c = NULL;
    if (write_file(dir, "rules.txt", rules, path, sizeof path) == 0)
        ss_cleaner_open(path, &c, err);
    return c;
}

/* Every output character maps back to the same bytes of orig, in order. */
static int map_ok(const char *orig, size_t olen, const ss_text *out)
{
    uint32_t prev_end = 0;
    for (size_t i = 0; i < out->len;) {
        uint32_t os, oe;
        size_t n = 1;
        while (i + n < out->len && ((unsigned char)out->text[i + n] & 0xC0) == 0x80)
            n++;
        ss_text_span(out, i, i + n, &os, &oe);
        if (out->ostart && (out->ostart[i + n - 1] != os || out->oend[i] != oe))
            return 0; /* bytes of one character disagree */
        if (oe > olen || oe - os != n || memcmp(orig + os, out->text + i, n) != 0 || os < prev_end)
            return 0;
        prev_end = oe;
        i += n;
    }
    return 1;
}

static void remove_files(const char *dir)
{
    char path[512];
    snprintf(path, sizeof path, "%s/rules.txt", dir);
    remove(path);
    for (size_t i = 0; i < 32; i++) {
        snprintf(path, sizeof path, "%s/bad-%zu.rules", dir, i);
        remove(path);
    }
    CHECK(rmdir(dir) == 0, "remove %s", dir);
}

/* ---- each rule kind with its own rules ------------------------------------ */

static const struct {
    const char *name, *rules, *in, *want;
    size_t lines, spans;
} kinds[] = {
    { "line drops a short line with its newline", "line ^广告",
      "正文一\n广告位招租\n正文二\n", "正文一\n正文二\n", 1, 0 },
    { "line spares long lines", "maxline 4\nline 广告",
      "广告招租\n这一行很长所以广告两字不算\n", "这一行很长所以广告两字不算\n", 1, 0 },
    { "maxline applies to the rules after it", "line 甲\nmaxline 2\nline 乙",
      "甲甲甲\n乙乙乙\n乙\n", "乙乙乙\n", 2, 0 },
    { "span removes pieces", "span \\[[0-9]+\\]", "甲[12]乙[3]\n丙\n", "甲乙\n丙\n", 0, 2 },
    { "span emptying a line drops it", "span -+隐藏-+", "甲\n--隐藏--\n乙", "甲\n乙", 1, 0 },
    { "watermark inside words", "watermark 老秘网", "我老秘网市老秘网\n好\n", "我市\n好\n", 0, 2 },
    { "blank lines around a drop are folded", "line ^广告$",
      "甲\n\n广告\n\n乙\n", "甲\n\n乙\n", 1, 0 },
    { "no new gap: a blank line after a drop stays when needed", "line ^广告$",
      "甲\n广告\n\n乙", "甲\n\n乙", 1, 0 },
    { "furniture at the start takes its blank lines", "line ^广告$",
      "广告\n\n广告\n\n甲\n", "甲\n", 2, 0 },
    { "CRLF and full-width blanks are trimmed for ^ $", "line ^广告$",
      "甲\r\n\u3000广告\u3000\r\n乙\r\n", "甲\r\n乙\r\n", 1, 0 },
    { "every blank of uc_is_blank is trimmed for ^ $ (VT, no-break, zero-width)", "line ^广告$",
      "甲\n\v\u00a0广告\u200b\n乙\n", "甲\n乙\n", 1, 0 },
    { "groups of alternatives", "line ^(扫|掃)(码|碼)$", "掃碼\n扫码\n扫码支付\n", "扫码支付\n", 2, 0 },
    { "comments, blank lines, BOM", "\xEF\xBB\xBF# c\n\n   # indented\nspan 甲",
      "甲乙\n", "乙\n", 0, 1 },
    { "no rules: text unchanged", "# nothing\n", "甲\n\n乙", "甲\n\n乙", 0, 0 },
};

static void test_kinds(const char *dir)
{
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
        ss_err err = { 0 };
        ss_cleaner *c = open_text_rules(dir, kinds[i].rules, &err);
        CHECK(c != NULL, "%s: open: %s", kinds[i].name, err.msg);
        if (!c)
            continue;
        ss_text in = view(kinds[i].in), out;
        ss_clean_stats st;
        CHECK(ss_clean(c, &in, &out, &st, &err) == SS_OK, "%s: clean: %s", kinds[i].name, err.msg);
        CHECK_EQ_STR(out.text, kinds[i].want, kinds[i].name);
        CHECK_EQ_INT(st.lines_removed, kinds[i].lines, kinds[i].name);
        CHECK_EQ_INT(st.spans_removed, kinds[i].spans, kinds[i].name);
        CHECK_EQ_INT(st.bytes_removed, in.len - out.len, kinds[i].name);
        CHECK(map_ok(in.text, in.len, &out), "%s: map", kinds[i].name);
        ss_text_free(&out);
        ss_cleaner_close(c);
    }
}

/* ---- the shipped rules ------------------------------------------------------ */

static const struct {
    const char *kind, *in, *want;
} shipped[] = {
    { "site banner", "文似观山不喜平 — — 观山文库◆记住我,来上我~\n\n正文。\n", "正文。\n" },
    { "page counter line", "2022年2月领导讲话汇编(30篇)(第9/17页)\n\n正文。\n", "正文。\n" },
    { "page counter in a long line",
      "这是一段很长的讲话正文，讲到项目建设和招商引资的方方面面，还讲到营商环境和干部作风，"
      "篇幅超过六十个字符（第2/3页）然后继续。\n",
      "这是一段很长的讲话正文，讲到项目建设和招商引资的方方面面，还讲到营商环境和干部作风，"
      "篇幅超过六十个字符然后继续。\n" },
    { "share line", "admin 分享 时间: 加入收藏 共计193730个字,预计阅读时长646分钟\n正文。\n",
      "正文。\n" },
    { "download teaser line", "甲。\n\n---此处隐藏5515字,下载后查看---\n\n乙。\n", "甲。\n\n乙。\n" },
    { "download teaser inside a line", "甲。此处隐藏300字，请下载后查看全文乙。\n", "甲。乙。\n" },
    { "QR and giveaway lines", "正文。\n领取福利\n\n微信扫码领取福利\n\n微信扫码分享", "正文。\n\n" },
    { "download call line", "甲。\n【点击下载文档阅读完整版】\n乙。\n", "甲。\n乙。\n" },
    { "stray number line", "正文。\n\n221381\n", "正文。\n\n" },
    { "separator line", "正文。\n|\n", "正文。\n" },
    { "watermark", "总的来看,我老秘网市产业集聚区经过多年的建设发展。\n",
      "总的来看,我市产业集聚区经过多年的建设发展。\n" },
    { "title tag", "第一篇:全市推進會議講話稿[精選]\n", "第一篇:全市推進會議講話稿\n" },
    { "view counter next to a date", "发布时间:2022-02-07 浏览次数:1234\n", "发布时间:2022-02-07 \n" },
    { "view counter between metadata", "时间:2022-02-07 阅读:56次 来源:网友投稿\n",
      "时间:2022-02-07 来源:网友投稿\n" },
    { "navigation", "上一篇:关于某某的讲话\n正文。\n下一篇:另一篇\n", "正文。\n" },
    /* must stay */
    { "source and date metadata", "更新时间:2023-02 来源:网友投稿\n", "更新时间:2023-02 来源:网友投稿\n" },
    { "date line", "(2022年2月7日)\n", "(2022年2月7日)\n" },
    { "heading about QR payments", "三、扫码支付全覆盖\n", "三、扫码支付全覆盖\n" },
    { "heading about remembering", "要牢牢记住我们的初心使命\n", "要牢牢记住我们的初心使命\n" },
    { "reading figures in a sentence", "全市图书馆阅读量:120万人次。\n", "全市图书馆阅读量:120万人次。\n" },
    { "scanning codes in a heading", "（三）推广扫描二维码缴费\n", "（三）推广扫描二维码缴费\n" },
    { "long line mentioning sharing",
      "要坚持发展成果由人民共享，分享 时间 和机会，让改革发展成果更多更公平惠及全体人民，"
      "不断增强人民群众的获得感幸福感安全感。\n",
      "要坚持发展成果由人民共享，分享 时间 和机会，让改革发展成果更多更公平惠及全体人民，"
      "不断增强人民群众的获得感幸福感安全感。\n" },
    { "a year alone", "2019\n", "2019\n" },
    { "numbered compilation title", "第二篇:全市招商引資會議上的講話\n", "第二篇:全市招商引資會議上的講話\n" },
};

static void test_shipped(void)
{
    ss_err err = { 0 };
    ss_cleaner *c = NULL;
    CHECK(ss_cleaner_open(SHIPPED, &c, &err) == SS_OK, "open %s: %s", SHIPPED, err.msg);
    if (!c)
        return;
    for (size_t i = 0; i < sizeof shipped / sizeof shipped[0]; i++) {
        ss_text in = view(shipped[i].in), out;
        CHECK(ss_clean(c, &in, &out, NULL, &err) == SS_OK, "%s: %s", shipped[i].kind, err.msg);
        CHECK_EQ_STR(out.text, shipped[i].want, shipped[i].kind);
        CHECK(map_ok(in.text, in.len, &out), "%s: map", shipped[i].kind);
        ss_text_free(&out);
    }
    ss_cleaner_close(c);
}

/* ---- maps --------------------------------------------------------------------- */

static void test_watermark_map(const char *dir)
{
    ss_err err = { 0 };
    ss_cleaner *c = open_text_rules(dir, "watermark 老秘网\n", &err);
    CHECK(c != NULL, "watermark rules: %s", err.msg);
    if (!c)
        return;
    /* identity input: 我 is bytes [0,3), 老秘网 [3,12), 市 [12,15) */
    ss_text in = view("我老秘网市"), out;
    CHECK(ss_clean(c, &in, &out, NULL, &err) == SS_OK, "clean: %s", err.msg);
    CHECK_EQ_STR(out.text, "我市", "watermark removed");
    int ok = out.len == 6 && out.ostart && out.oend;
    for (size_t i = 0; ok && i < 3; i++)
        ok = out.ostart[i] == 0 && out.oend[i] == 3 && out.ostart[3 + i] == 12 && out.oend[3 + i] == 15;
    CHECK(ok, "identity input: 我 maps to [0,3), 市 to [12,15)");
    for (size_t i = 0; i < out.len; i++)
        CHECK(out.oend[i] <= 3 || out.ostart[i] >= 12, "byte %zu maps into the removed bytes", i);
    uint32_t os, oe;
    ss_text_span(&out, 0, out.len, &os, &oe);
    CHECK(os == 0 && oe == 15, "whole output spans the original [0,15)");
    ss_text_free(&out);

    /* mapped input (as after decoding a 2-byte encoding): char k is [2k, 2k+2) */
    uint32_t ms[15], me[15];
    for (uint32_t i = 0; i < 15; i++) {
        ms[i] = 2 * (i / 3);
        me[i] = ms[i] + 2;
    }
    in.ostart = ms;
    in.oend = me;
    CHECK(ss_clean(c, &in, &out, NULL, &err) == SS_OK, "clean mapped: %s", err.msg);
    ok = out.len == 6 && out.ostart;
    for (size_t i = 0; ok && i < 3; i++)
        ok = out.ostart[i] == 0 && out.oend[i] == 2 && out.ostart[3 + i] == 8 && out.oend[3 + i] == 10;
    CHECK(ok, "mapped input: 我 maps to [0,2), 市 to [8,10)");
    ss_text_free(&out);

    /* nothing removed from an identity text: the output stays identity */
    in = view("我市");
    CHECK(ss_clean(c, &in, &out, NULL, &err) == SS_OK && out.ostart == NULL &&
              strcmp(out.text, "我市") == 0, "unchanged text stays identity-mapped");
    ss_text_free(&out);
    in = view("");
    CHECK(ss_clean(c, &in, &out, NULL, &err) == SS_OK && out.len == 0 && out.text &&
              out.text[0] == '\0', "empty text");
    ss_text_free(&out);
    ss_cleaner_close(c);
}

/* ---- errors ---------------------------------------------------------------------- */

static const struct {
    const char *rules;
    const char *where;   /* ":N:" the message must hold */
    const char *what;    /* and this */
} bad[] = {
    { "# ok\nline 广告\nbogus 甲\n", ":3:", "unknown rule" },
    { "line (abc\n", ":1:", "bad pattern" },
    { "\nspan [页頁]\n", ":2:", "brackets" },
    { "line 分+\n", ":1:", "quantifier" },
    { "line 甲*\n", ":1:", "quantifier" },
    { "span x*\n", ":1:", "empty" },
    { "maxline abc\n", ":1:", "maxline" },
    { "maxline 0\n", ":1:", "maxline" },
    { "line\n", ":1:", "needs" },
    { "watermark ab\n", ":1:", "too short" },
    { "span \xB9\xE3\xB8\xE6\n", ":1:", "UTF-8" },
};

static void test_errors(const char *dir)
{
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char path[512], name[32];
        snprintf(name, sizeof name, "bad-%zu.rules", i);
        CHECK(write_file(dir, name, bad[i].rules, path, sizeof path) == 0, "write %s", name);
        ss_err err = { 0 };
        ss_cleaner *c = NULL;
        ss_code rc = ss_cleaner_open(path, &c, &err);
        CHECK(rc != SS_OK && c == NULL, "bad rules %zu accepted", i);
        char where[600];
        snprintf(where, sizeof where, "%s%s", path, bad[i].where);
        CHECK(strstr(err.msg, where) != NULL, "message names %s: [%s]", where, err.msg);
        CHECK(strstr(err.msg, bad[i].what) != NULL, "message says %s: [%s]", bad[i].what, err.msg);
    }
    ss_err err = { 0 };
    ss_cleaner *c = NULL;
    char missing[512];
    snprintf(missing, sizeof missing, "%s/no-such.rules", dir);
    CHECK(ss_cleaner_open(missing, &c, &err) == SS_ENOTFOUND && c == NULL, "missing file: ENOTFOUND");
    CHECK(strstr(err.msg, missing) != NULL, "missing file named: [%s]", err.msg);
}

/* The default path is ss_datadir()/clean.rules. */
static void test_default_path(void)
{
    char *saved = getenv("SS_DATADIR") ? strdup(getenv("SS_DATADIR")) : NULL;
    setenv("SS_DATADIR", "corpus/data", 1);
    ss_err err = { 0 };
    ss_cleaner *c = NULL;
    CHECK(ss_cleaner_open(NULL, &c, &err) == SS_OK, "default path: %s", err.msg);
    ss_cleaner_close(c);
    setenv("SS_DATADIR", "/nonexistent-dir", 1);
    CHECK(ss_cleaner_open(NULL, &c, &err) == SS_ENOTFOUND &&
              strstr(err.msg, "/nonexistent-dir/clean.rules"), "default path named: [%s]", err.msg);
    if (saved)
        setenv("SS_DATADIR", saved, 1);
    else
        unsetenv("SS_DATADIR");
    free(saved);
}

/* ---- seed files --------------------------------------------------------------------- */

/* Whether some line of t holds a page counter (第N/M页). */
static int has_page_counter(const char *t)
{
    for (const char *p = strstr(t, "(第"); p; p = strstr(p + 1, "(第")) {
        const char *q = p + strlen("(第");
        size_t d1 = strspn(q, "0123456789");
        if (d1 && q[d1] == '/' && strspn(q + d1 + 1, "0123456789"))
            return 1;
    }
    return 0;
}

/* Whether some line of t is a bare number of 5+ digits, or a lone "|". */
static int has_stray_line(const char *t)
{
    for (const char *l = t; *l;) {
        size_t n = strcspn(l, "\n");
        size_t d = strspn(l, "0123456789");
        if ((d == n && n >= 5) || (n == 1 && *l == '|'))
            return 1;
        l += n + (l[n] == '\n');
    }
    return 0;
}

static void check_seed(const ss_cleaner *c, const char *path)
{
    size_t len = 0;
    char *orig = read_all(path, &len);
    CHECK(orig != NULL, "read %s", path);
    if (!orig)
        return;
    ss_text in = view(orig), out;
    ss_clean_stats st;
    ss_err err = { 0 };
    CHECK(ss_clean(c, &in, &out, &st, &err) == SS_OK, "%s: %s", path, err.msg);
    static const char *const furniture[] = { "分享 时间", "扫码", "此处隐藏", "老秘网", "记住我",
                                             "领取福利", "加入收藏", "共计193730个字" };
    for (size_t k = 0; k < sizeof furniture / sizeof furniture[0]; k++)
        CHECK(strstr(out.text, furniture[k]) == NULL, "%s: \"%s\" left", path, furniture[k]);
    CHECK(!has_page_counter(out.text), "%s: page counter left", path);
    CHECK(!has_stray_line(out.text), "%s: stray number or bar line left", path);
    CHECK(st.bytes_removed * 100 < len * 3, "%s: removed %zu of %zu bytes (>= 3%%)", path,
          st.bytes_removed, len);
    CHECK(map_ok(orig, len, &out), "%s: map back to the file", path);
    printf("%s: removed %.2f%% (%zu of %zu bytes; %zu lines, %zu pieces)\n", path,
           100.0 * (double)st.bytes_removed / (double)(len ? len : 1), st.bytes_removed, len,
           st.lines_removed, st.spans_removed);
    ss_text_free(&out);
    free(orig);
}

static int is_txt(const char *name)
{
    size_t n = strlen(name);
    return n > 4 && strcmp(name + n - 4, ".txt") == 0;
}

static void test_seeds(void)
{
    ss_err err = { 0 };
    ss_cleaner *c = NULL;
    CHECK(ss_cleaner_open(SHIPPED, &c, &err) == SS_OK, "open: %s", err.msg);
    DIR *d = opendir("corpus");
    CHECK(d != NULL, "opendir corpus (run from the repository root)");
    size_t seen = 0;
    struct dirent *e;
    while (c && d && (e = readdir(d)) != NULL) {
        if (!is_txt(e->d_name))
            continue;
        char path[600];
        snprintf(path, sizeof path, "corpus/%s", e->d_name);
        check_seed(c, path);
        seen++;
    }
    if (d)
        closedir(d);
    CHECK(seen >= 5, "seed files checked: %zu", seen);

    /* content that must survive */
    static const struct {
        const char *file, *text;
    } keep[] = {
        { "corpus/000_3fa501aca496f77f.txt", "更新时间:2023-02 来源:网友投稿" },
        { "corpus/002_be97a1da7821cc56.txt", "我市产业集聚区经过多年的建设发展" },
        { "corpus/004_16491a11ba5dc244.txt", "发展源于勠力同心" },
        { "corpus/004_16491a11ba5dc244.txt", "在全市高质量项目建设年动员大会上的讲话" },
    };
    for (size_t k = 0; c && k < sizeof keep / sizeof keep[0]; k++) {
        size_t len;
        char *orig = read_all(keep[k].file, &len);
        ss_text in = view(orig ? orig : ""), out;
        if (orig && ss_clean(c, &in, &out, NULL, &err) == SS_OK) {
            CHECK(strstr(out.text, keep[k].text) != NULL, "%s keeps %s", keep[k].file, keep[k].text);
            ss_text_free(&out);
        } else {
            CHECK(0, "%s: read or clean", keep[k].file);
        }
        free(orig);
    }
    ss_cleaner_close(c);
}

int main(int argc, char **argv)
{
    (void)argc;
    /* a UTF-8 process locale must not change how patterns match */
    setlocale(LC_ALL, "C.UTF-8");
    char dir[] = "/tmp/test_clean.XXXXXX";
    CHECK(mkdtemp(dir) != NULL, "mkdtemp");
    test_kinds(dir);
    test_shipped();
    test_watermark_map(dir);
    test_errors(dir);
    test_default_path();
    test_seeds();
    remove_files(dir);
    return check_report(argv[0]);
}
