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
    { "一是推进产业集聚区提质转型创新发展。", 0 },
    { "一要压实责任", 0 },
    { "同志们，深化地企合作，是保持稳中有进的重要举措。", 0 },
};

static void test_headings(void)
{
    for (size_t i = 0; i < sizeof heading_cases / sizeof heading_cases[0]; i++)
        CHECK_EQ_INT(ss_is_heading(heading_cases[i].line, strlen(heading_cases[i].line)),
                     heading_cases[i].heading, heading_cases[i].line);
    const char *t = "一、总体要求\n第一段正文。\n第二段正文。\n二、重点任务\n第三段。";
    ss_passages ps = { 0 };
    CHECK(ss_split_passages(t, strlen(t), 300, &ps, NULL) == SS_OK && ps.n == 5, "headings split");
    if (ps.n == 5) {
        CHECK(ps.v[0].is_heading && ps.v[3].is_heading, "headings flagged");
        CHECK(ps.v[1].heading == 0 && ps.v[2].heading == 0 && ps.v[4].heading == 3,
              "passages know their heading");
    }
    ss_passages_free(&ps);
}

/* Every passage of a seed re-reads from the file's bytes as its text,
 * holds at most max_chars characters, and long paragraphs are cut after a
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
        if (utf8_count(t.text + ps.v[i].start, len) > max_chars)
            too_long++;
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
