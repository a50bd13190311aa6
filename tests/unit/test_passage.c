/* Tests of passage.c: paragraphs, sentence windows, headings, and that
 * every passage of every seed file re-reads from the file as its text. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "passage.h"
#include "reader.h"
#include "utf8.h"

static const struct {
    const char *text;
    size_t max_chars;
    size_t n;              /* passages expected */
    const char *first;     /* text of the first passage */
} cases[] = {
    { "第一段。\n\n第二段。\n", 300, 2, "第一段。" },
    { "  \u3000前后空白要去掉。\u3000 \n", 300, 1, "前后空白要去掉。" },
    { "——\n***\n正文。", 300, 1, "正文。" },              /* no content: skipped */
    { "一句话。二句话。三句话。四句话。", 10, 2, "一句话。二句话。" },
    { "很长的一句话没有句号，只有逗号，再来一个逗号，最后结束", 12, 3, "很长的一句话没有句号，" },
    { "", 300, 0, NULL },
};

static void test_cases(void)
{
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ss_passages ps = { 0 };
        const char *t = cases[i].text;
        ss_code rc = ss_split_passages(t, strlen(t), cases[i].max_chars, &ps, NULL);
        CHECK(rc == SS_OK, "case %zu: split", i);
        CHECK_EQ_INT(ps.n, cases[i].n, t);
        if (cases[i].first && ps.n) {
            char buf[512];
            snprintf(buf, sizeof buf, "%.*s", (int)(ps.v[0].end - ps.v[0].start),
                     t + ps.v[0].start);
            CHECK_EQ_STR(buf, cases[i].first, t);
        }
        ss_passages_free(&ps);
    }
}

static const struct {
    const char *line;
    int heading;
} heading_cases[] = {
    { "一、牢牢把握地企合作新机遇", 1 },
    { "(二)以非常之策抓优项目服务", 1 },
    { "（三）强化要素保障", 1 },
    { "第一，要提高政治站位", 1 },
    { "1.加强组织领导", 1 },
    { "1998年", 1 },
    { "一九九八年", 1 },
    { "1998年6月", 0 },
    { "98年", 0 },
    { "一是推进产业集聚区提质转型创新发展。", 0 },
    { "一要压实责任", 0 },
    { "同志们，深化地企合作，是保持稳中有进的重要举措。", 0 },
};

/* How heading lines and the passages under them are laid out. */
static const struct {
    const char *text;
    size_t max_chars, n;
    const char *passage[4]; /* the first passages' texts */
    const char *heading[4]; /* their headings ("" none) */
    int alone[4];           /* a heading standing alone */
} layout_cases[] = {
    /* a heading opens the first passage under it */
    { "一、总体要求\n第一段正文。\n第二段正文。\n二、重点任务\n第三段。", 300, 3,
      { "一、总体要求\n第一段正文。", "第二段正文。", "二、重点任务\n第三段。" },
      { "一、总体要求", "一、总体要求", "二、重点任务" }, { 0, 0, 0 } },
    /* a heading followed by a heading, and one at the end, stand alone */
    { "一、总体要求\n（一）指导思想\n正文。\n二、结语", 300, 3,
      { "一、总体要求", "（一）指导思想\n正文。", "二、结语" },
      { "", "（一）指导思想", "" }, { 1, 0, 1 } },
    /* a year alone on its line heads a chronicle's events */
    { "1998年\n6月　长江流域发生特大洪灾。\n8月　抗洪取得胜利。", 300, 2,
      { "1998年\n6月　长江流域发生特大洪灾。", "8月　抗洪取得胜利。" },
      { "1998年", "1998年" }, { 0, 0 } },
    /* a heading opens the first window of a long paragraph */
    { "一、总体要求\n一句话。二句话。三句话。四句话。", 10, 2,
      { "一、总体要求\n一句话。二句话。", "三句话。四句话。" },
      { "一、总体要求", "一、总体要求" }, { 0, 0 } },
};

static void test_headings(void)
{
    for (size_t i = 0; i < sizeof heading_cases / sizeof heading_cases[0]; i++)
        CHECK_EQ_INT(ss_is_heading(heading_cases[i].line, strlen(heading_cases[i].line)),
                     heading_cases[i].heading, heading_cases[i].line);
    ss_passages ps = { 0 };
    for (size_t i = 0; i < sizeof layout_cases / sizeof layout_cases[0]; i++) {
        const char *t = layout_cases[i].text;
        memset(&ps, 0, sizeof ps);
        CHECK(ss_split_passages(t, strlen(t), layout_cases[i].max_chars, &ps, NULL) == SS_OK,
              "split %s", t);
        CHECK_EQ_INT(ps.n, layout_cases[i].n, t);
        for (size_t k = 0; k < ps.n && k < 4; k++) {
            char buf[256], head[256];
            snprintf(buf, sizeof buf, "%.*s", (int)(ps.v[k].end - ps.v[k].start),
                     t + ps.v[k].start);
            snprintf(head, sizeof head, "%.*s", (int)(ps.v[k].head_end - ps.v[k].head_start),
                     t + ps.v[k].head_start);
            CHECK_EQ_STR(buf, layout_cases[i].passage[k], t);
            CHECK_EQ_STR(head, layout_cases[i].heading[k], t);
            CHECK_EQ_INT(ps.v[k].is_heading, layout_cases[i].alone[k], buf);
        }
        ss_passages_free(&ps);
    }
}

/* Every passage of a seed re-reads from the file's bytes as its text,
 * holds at most max_chars characters (besides a heading line opening it), and long paragraphs are cut after a
 * sentence end where one exists. */
static void check_file(const char *path, size_t max_chars)
{
    ss_text t;
    ss_read_info info;
    ss_err err;
    if (ss_read_file(path, NULL, &t, &info, &err) != SS_OK) {
        CHECK(0, "read %s: %s", path, err.msg);
        return;
    }
    FILE *f = fopen(path, "rb");
    char *raw = malloc(info.raw_bytes + 1);
    size_t n = f && raw ? fread(raw, 1, info.raw_bytes, f) : 0;
    if (f)
        fclose(f);
    ss_passages ps = { 0 };
    CHECK(ss_split_passages(t.text, t.len, max_chars, &ps, NULL) == SS_OK && ps.n > 0,
          "%s: split", path);
    size_t bad_span = 0, too_long = 0, bad_cut = 0;
    for (size_t i = 0; i < ps.n; i++) {
        uint32_t os, oe;
        size_t len = ps.v[i].end - ps.v[i].start;
        ss_text_span(&t, ps.v[i].start, ps.v[i].end, &os, &oe);
        if (oe > n || oe - os != len || memcmp(raw + os, t.text + ps.v[i].start, len) != 0)
            bad_span++;
        size_t body = ps.v[i].start, body_end = ps.v[i].end;
        if (ps.v[i].head_start == body && ps.v[i].head_end > body) {
            body = ps.v[i].head_end; /* what follows the heading that opens it */
            while (body < body_end && (t.text[body] == '\n' || t.text[body] == '\r'))
                body++;
            utf8_trim(t.text, &body, &body_end);
        }
        if (utf8_count(t.text + body, body_end - body) > max_chars) {
            too_long++;
            printf("  too long: %s:%zu: [%.60s]\n", path, ps.v[i].start, t.text + ps.v[i].start);
        }
        int same_para_next = i + 1 < ps.n && ps.v[i + 1].para == ps.v[i].para;
        if (same_para_next) { /* a window: ends after a sentence end or closer */
            size_t k = ps.v[i].end;
            while (k > ps.v[i].start && ((unsigned char)t.text[k - 1] & 0xC0) == 0x80)
                k--;
            size_t j = k - 1;
            while (j > ps.v[i].start && ((unsigned char)t.text[j] & 0xC0) == 0x80)
                j--;
            size_t at = j;
            uint32_t cp = utf8_next(t.text, t.len, &at);
            if (!uc_is_sentence_end(cp) && !uc_is_closer(cp) && cp != 0xFF0C && cp != 0x3001 &&
                cp != ',' && cp != 0xFF1A) {
                bad_cut++;
                printf("  cut inside a sentence: %s:%zu: [%.*s]\n", path, ps.v[i].start,
                       (int)(ps.v[i].end - j), t.text + j - 12);
            }
        }
    }
    CHECK_EQ_INT(bad_span, 0, path);
    CHECK_EQ_INT(too_long, 0, path);
    CHECK_EQ_INT(bad_cut, 0, path);
    ss_passages_free(&ps);
    ss_text_free(&t);
    free(info.title);
    free(raw);
}

static void test_seeds(void)
{
    DIR *d = opendir("corpus");
    CHECK(d != NULL, "open corpus/ (run from the repository root)");
    if (!d)
        return;
    struct dirent *e;
    size_t files = 0;
    while ((e = readdir(d))) {
        size_t n = strlen(e->d_name);
        if (n < 4 || strcmp(e->d_name + n - 4, ".txt") != 0)
            continue;
        char path[1024];
        snprintf(path, sizeof path, "corpus/%s", e->d_name);
        check_file(path, SS_PASSAGE_CHARS);
        check_file(path, 120);
        files++;
    }
    closedir(d);
    CHECK(files >= 5, "seed files found: %zu", files);
}

int main(int argc, char **argv)
{
    (void)argc;
    test_cases();
    test_headings();
    test_seeds();
    return check_report(argv[0]);
}
