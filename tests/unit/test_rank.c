/* Tests of the modules behind a result list: copies (dedup.c: sketches and
 * buckets), spreading over places (spread.c), facet counts (facets.c),
 * terminal widths and escaping (output.c), line numbers (lines.c, one file
 * and many), the facet counts from value slots against the judged ones
 * (search.c over an index made here), and the weight of short passages. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "analyze.h"
#include "check.h"
#include "fixture.h"
#include "dedup.h"
#include "facets.h"
#include "indexer.h"
#include "lines.h"
#include "output.h"
#include "search.h"
#include "spread.h"

static const struct {
    const char *a, *b;
    int copy;
} pairs[] = {
    { "我们要深化项目合作，推动地企合作再上新台阶。", "我们要深化项目合作，推动地企合作再上新台阶。", 1 },
    { "我们要深化项目合作，推动地企合作再上新台阶。", "我们要深化項目合作,推动地企合作再上新台阶！", 1 },
    { "全市上下要落实九加二工作布局，全年签约总投资一千七百亿元，推动高质量发展取得新成效，"
      "各县区要把招商引资作为一号工程，主要领导亲自抓。",
      "全市上下要落实九加二工作布局，全年签约总投资一千七百亿元，推动高质量发展取得新成效，"
      "各县区要把招商引资作为一号工程，主要领导亲自抓好。", 1 },
    { "我们要深化项目合作，推动地企合作再上新台阶。", "产业集聚区的建设情况良好，企业转型加快。", 0 },
    { "全市上下要落实九加二工作布局，全年签约总投资一千七百亿元。",
      "全市上下要落实乡村振兴战略，全年完成固定资产投资八百亿元。", 0 },
};

static void sketch_of(ss_actx *ac, const char *text, ss_sketch *sk)
{
    ss_analysis an;
    ss_err err;
    CHECK(ss_analyze_atoms(ac, text, strlen(text), &an, &err) == SS_OK, "analyse %s", text);
    ss_sketch_make(&an, sk);
}

static void test_pairs(ss_actx *ac)
{
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
        ss_sketch a, b;
        sketch_of(ac, pairs[i].a, &a);
        sketch_of(ac, pairs[i].b, &b);
        ss_dedup *d = NULL;
        ss_err err;
        uint32_t ca = 0, cb = 0;
        int na = 0, nb = 0;
        CHECK(ss_dedup_new(&d, &err) == SS_OK, "dedup_new");
        CHECK(ss_dedup_add(d, &a, 1, &ca, &na, &err) == SS_OK && na, "pair %zu: first is new", i);
        CHECK(ss_dedup_add(d, &b, 2, &cb, &nb, &err) == SS_OK, "pair %zu: add", i);
        CHECK((!nb && cb == ca) == pairs[i].copy, "pair %zu: copy %d (overlap %.2f)", i,
              pairs[i].copy, ss_sketch_overlap(&a, &b));
        /* the same text in the same file is never folded */
        uint32_t cc = 0;
        int nc = 0;
        CHECK(ss_dedup_add(d, &a, 1, &cc, &nc, &err) == SS_OK && (nc || cc != ca || !pairs[i].copy),
              "pair %zu: same file never a copy of its own", i);
        ss_dedup_free(d);
    }
}

/* Many passages, each with copies: one cluster per distinct passage. */
static void test_clusters(ss_actx *ac)
{
    enum { DISTINCT = 300, COPIES = 8 };
    ss_dedup *d = NULL;
    ss_err err;
    CHECK(ss_dedup_new(&d, &err) == SS_OK, "dedup_new");
    static const char *const words[] = { "招商", "引资", "项目", "建设", "乡村", "振兴", "科技", "创新",
                                         "生态", "保护", "民生", "就业", "教育", "医疗", "交通", "水利" };
    int wrong = 0;
    for (int c = 0; c < COPIES; c++) {
        for (int k = 0; k < DISTINCT; k++) {
            char text[512];
            int n = snprintf(text, sizeof text, "第%d项：", k);
            for (int w = 0; w < 12; w++) /* a mix of words that differs by k */
                n += snprintf(text + n, sizeof text - (size_t)n, "%s%s，",
                              words[(k * 7 + w * 3) % 16], words[(k / 16 + w) % 16]);
            ss_sketch sk;
            sketch_of(ac, text, &sk);
            uint32_t cl = 0;
            int is_new = 0;
            CHECK(ss_dedup_add(d, &sk, (uint64_t)c + 1, &cl, &is_new, &err) == SS_OK, "add");
            wrong += c == 0 ? !(is_new && cl == (uint32_t)k) : (is_new || cl != (uint32_t)k);
        }
    }
    CHECK_EQ_INT(ss_dedup_clusters(d), DISTINCT, "one cluster per distinct passage");
    CHECK_EQ_INT(wrong, 0, "every copy in its passage's cluster");
    ss_dedup_free(d);
}

static const struct {
    double score[6];
    uint64_t file[6];
    uint32_t para[6];
    uint64_t start[6]; /* 0 for every hit: far apart (100,000 bytes a paragraph) */
    uint64_t len[6];   /* 0: 100 bytes */
    size_t n;
    uint32_t order[6];
    uint32_t speech[6]; /* speech number in the file (0 for every hit: the same speech) */
} spread_cases[] = {
    /* different places keep their order */
    { { 9, 8, 7 }, { 1, 2, 3 }, { 1, 1, 1 }, { 0 }, { 0 }, 3, { 0, 1, 2 }, { 0 } },
    /* the next paragraph of the best hit drops below another place */
    { { 9, 8, 7 }, { 1, 1, 2 }, { 4, 5, 1 }, { 0 }, { 0 }, 3, { 0, 2, 1 }, { 0 } },
    /* still first after the penalty when nothing else is close */
    { { 9, 8, 3 }, { 1, 1, 2 }, { 4, 5, 1 }, { 0 }, { 0 }, 3, { 0, 1, 2 }, { 0 } },
    /* two paragraphs apart is another place */
    { { 9, 8, 7 }, { 1, 1, 2 }, { 4, 6, 1 }, { 0 }, { 0 }, 3, { 0, 1, 2 }, { 0 } },
    /* ... unless they stand within 600 bytes (short paragraphs) */
    { { 9, 8, 7 }, { 1, 1, 2 }, { 4, 6, 1 }, { 1000, 1500, 9000 }, { 0 }, 3, { 0, 2, 1 }, { 0 } },
    { { 9, 8, 7 }, { 1, 1, 2 }, { 4, 6, 1 }, { 5000, 4400, 9000 }, { 0 }, 3, { 0, 2, 1 }, { 0 } },
    /* 700 bytes after the end of the best hit (it holds 100): another place */
    { { 9, 8, 7 }, { 1, 1, 2 }, { 4, 6, 1 }, { 1000, 1800, 1500 }, { 0 }, 3, { 0, 1, 2 }, { 0 } },
    /* the same bytes in another file are another place */
    { { 9, 8, 7 }, { 1, 3, 2 }, { 4, 6, 1 }, { 1000, 1000, 9000 }, { 0 }, 3, { 0, 1, 2 }, { 0 } },
    /* a long span is near from its end as from its start */
    { { 9, 8, 7 }, { 1, 1, 2 }, { 4, 9, 1 }, { 1000, 4300, 9000 }, { 3000 }, 3, { 0, 2, 1 }, { 0 } },
    /* ... and from its middle */
    { { 9, 8, 7 }, { 1, 1, 2 }, { 4, 9, 1 }, { 1000, 2500, 9000 }, { 3000 }, 3, { 0, 2, 1 }, { 0 } },
    /* the next paragraph number in another speech of the file, far away: another place */
    { { 9, 8, 7 }, { 1, 1, 2 }, { 4, 5, 1 }, { 1000, 50000, 9000 }, { 0 }, 3, { 0, 1, 2 },
      { 2, 3, 1 } },
    /* ... the same number too */
    { { 9, 8, 7 }, { 1, 1, 2 }, { 4, 4, 1 }, { 1000, 50000, 9000 }, { 0 }, 3, { 0, 1, 2 },
      { 2, 3, 1 } },
    /* the next paragraph of the same speech of that file: one place */
    { { 9, 8, 7 }, { 1, 1, 2 }, { 4, 5, 1 }, { 1000, 50000, 9000 }, { 0 }, 3, { 0, 2, 1 },
      { 3, 3, 1 } },
};

static void test_spread(void)
{
    for (size_t i = 0; i < sizeof spread_cases / sizeof spread_cases[0]; i++) {
        ss_spread_item it[6];
        for (size_t k = 0; k < spread_cases[i].n; k++) {
            uint64_t at = spread_cases[i].start[k];
            if (!at)
                at = 100000ull * spread_cases[i].para[k];
            uint64_t len = spread_cases[i].len[k] ? spread_cases[i].len[k] : 100;
            it[k] = (ss_spread_item){ spread_cases[i].score[k],  spread_cases[i].file[k],
                                      spread_cases[i].speech[k], spread_cases[i].para[k],
                                      at,                        at + len,
                                      (uint32_t)k };
        }
        ss_spread *sp = NULL;
        ss_err err;
        CHECK(ss_spread_new(&sp, &err) == SS_OK, "spread_new");
        CHECK(ss_spread_order(sp, it, spread_cases[i].n, &err) == SS_OK, "spread_order");
        int same = 1;
        for (size_t k = 0; k < spread_cases[i].n; k++)
            same &= it[k].idx == spread_cases[i].order[k];
        CHECK(same, "spread case %zu: order %u %u %u", i, it[0].idx, it[1].idx, it[2].idx);
        ss_spread_free(sp);
    }
}

static void test_facets(void)
{
    ss_facet f = { 0 };
    ss_err err;
    char v[16];
    for (int i = 0; i < 1000; i++) { /* value k appears k + 1 times for k < 40 */
        int k = 0;
        while ((k + 1) * (k + 2) / 2 <= i % 820)
            k++;
        snprintf(v, sizeof v, "v%02d", k);
        CHECK(ss_facet_count(&f, v, strlen(v), &err) == SS_OK, "count");
    }
    ss_facet_sort(&f);
    uint64_t total = 0;
    int sorted = 1;
    for (size_t i = 0; i < f.n; i++) {
        total += f.v[i].count;
        sorted &= i == 0 || f.v[i - 1].count >= f.v[i].count;
    }
    CHECK_EQ_INT(total, 1000, "facet counts add up");
    CHECK(sorted, "most frequent first");
    ss_facet_free(&f);
}

static void test_width(void)
{
    static const struct {
        uint32_t cp;
        int w;
    } cases[] = { { 'a', 1 }, { 0x4E2D, 2 }, { 0x3002, 2 }, { 0xFF0C, 2 }, { 0x20000, 2 },
                  { 0x301, 0 }, { 0xE9, 1 } };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        CHECK_EQ_INT(ss_cp_width(cases[i].cp), cases[i].w, "width");
}

static void test_lines(void)
{
    char path[] = "/tmp/ss-lines-XXXXXX";
    int fd = mkstemp(path);
    static const char text[] = "第一行\n第二行\n\n第四行\n";
    CHECK(fd >= 0 && write(fd, text, sizeof text - 1) == (ssize_t)(sizeof text - 1), "write");
    close(fd);
    static const struct {
        uint64_t off;
        uint32_t line;
    } cases[] = { { 0, 1 }, { 9, 1 }, { 10, 2 }, { 20, 3 }, { 21, 4 }, { 1000, 0 } };
    for (size_t max = 0; max < 2; max++) { /* unbounded, and a cache of one file */
        ss_lines *c = NULL;
        ss_err err;
        CHECK(ss_lines_new(max, &c, &err) == SS_OK, "lines_new");
        for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
            uint32_t line = 99;
            CHECK(ss_lines_at(c, path, cases[i].off, &line, &err) == SS_OK, "lines_at");
            CHECK_EQ_INT(line, cases[i].line, "line of an offset");
            CHECK(ss_lines_at(c, "/nonexistent/x.txt", 3, &line, &err) == SS_OK && line == 0,
                  "unreadable file: line 0");
        }
        ss_lines_free(c);
    }
    unlink(path);
}

/* Many files (the cache's table grows; a bounded cache starts again):
 * file k has k + 1 lines, and its last byte stands on line k + 1. */
static void test_lines_many(void)
{
    enum { FILES = 150 };
    char dir[] = "/tmp/ss-lines-XXXXXX", path[64];
    CHECK(mkdtemp(dir) != NULL, "mkdtemp");
    for (int k = 0; k < FILES; k++) {
        snprintf(path, sizeof path, "%s/%d.txt", dir, k);
        FILE *f = fopen(path, "w");
        for (int l = 0; f && l <= k; l++)
            fputs("一行\n", f);
        CHECK(f && fclose(f) == 0, "write %s", path);
    }
    static const size_t maxes[] = { 0, 7 };
    for (size_t m = 0; m < sizeof maxes / sizeof maxes[0]; m++) {
        ss_lines *c = NULL;
        ss_err err;
        CHECK(ss_lines_new(maxes[m], &c, &err) == SS_OK, "lines_new");
        int right = 0;
        for (int pass = 0; pass < 2; pass++) /* the second pass from the cache (or again) */
            for (int k = 0; k < FILES; k++) {
                uint32_t line = 0;
                snprintf(path, sizeof path, "%s/%d.txt", dir, k);
                uint64_t last = (uint64_t)(k + 1) * 7 - 1; /* "一行\n" is 7 bytes */
                right += ss_lines_at(c, path, last - 1, &line, &err) == SS_OK
                         && line == (uint32_t)k + 1;
            }
        CHECK_EQ_INT(right, 2 * FILES, maxes[m] ? "lines of many files, bounded cache"
                                                 : "lines of many files");
        ss_lines_free(c);
    }
    for (int k = 0; k < FILES; k++) {
        snprintf(path, sizeof path, "%s/%d.txt", dir, k);
        unlink(path);
    }
    rmdir(dir);
}

/* Value-slot facets (beyond the judging limit) against judged facets on
 * an index where every match is judged the same by both. */
static void test_spy_facets(void)
{
    static const char *const docs[] = {
        "商丘市2019年政府工作报告\n今年要加快发展，推动经济发展。\n社会发展稳定。\n",
        "常州市2021年政府工作报告\n经济发展稳中有进。\n",
        "信阳市2021年政府工作报告\n坚持高质量发展。\n发展动能增强。\n绿色发展取得成效。\n",
    };
    ss_err err;
    char dir[] = "/tmp/ss-rank-XXXXXX";
    ss_searcher *s = test_searcher_texts(dir, docs, sizeof docs / sizeof docs[0]);
    ss_results judged, spied;
    ss_search_opts o1 = { .count = 10, .facets = 1 }, o2 = { .count = 10, .facets = 1,
                                                            .facet_judge_limit = 1 };
    CHECK(s && ss_search(s, "发展", &o1, &judged, &err) == SS_OK, "judged search");
    CHECK(s && ss_search(s, "发展", &o2, &spied, &err) == SS_OK, "spied search");
    CHECK(judged.facets_exact == 1 && spied.facets_exact == 0, "facets_exact says which");
    for (int k = 0; s && k < SS_FACETS; k++) {
        int same = judged.facets[k].n == spied.facets[k].n && judged.facets[k].n > 0;
        for (size_t i = 0; same && i < judged.facets[k].n; i++)
            same = !strcmp(judged.facets[k].v[i].value, spied.facets[k].v[i].value) &&
                   judged.facets[k].v[i].count == spied.facets[k].v[i].count;
        CHECK(same, "facet %s: value slots count as judging does", ss_facet_name(k));
    }
    if (s) {
        ss_results_free(&judged);
        ss_results_free(&spied);
    }
    ss_searcher_close(s);
    test_rm_tree(dir);
}

/* Indexes docs[0, n) in a fresh folder and searches them for query (the
 * first 10 hits): 1 with *r filled (the caller frees it), else 0 with a
 * failed check.  The results own their records: the index is gone after. */
static int search_texts(const char *const *docs, size_t n, const char *query, ss_results *r)
{
    ss_err err;
    char dir[] = "/tmp/ss-rank-XXXXXX";
    ss_searcher *s = test_searcher_texts(dir, docs, n);
    ss_search_opts o = { .count = 10 };
    int ok = s && ss_search(s, query, &o, r, &err) == SS_OK;
    CHECK(ok, "search %s", query);
    ss_searcher_close(s);
    test_rm_tree(dir);
    return ok;
}

/* A passage shorter than the reference length gains nothing from its
 * shortness (qbuild.c BM25_MIN_NORMLEN, REF_LENGTH): a one-clause mention
 * weighs what a longer passage that names the word as often weighs; only a
 * passage longer than the reference is weighed down. */
static void test_short_passage(void)
{
    static const char *const doc[] = {
        "某市2019年政府工作报告\n\n"
        "全面推行河长制，落实巡查责任，水质持续改善。\n\n"
        "全面推行河长制。\n\n"
        "加快建设现代产业体系，培育壮大新兴产业，推动制造业高端化智能化绿色化发展，"
        "做强做优数字经济，促进服务业提质增效，全年地区生产总值增长百分之六以上。\n\n"
        "持续改善民生福祉，稳定和扩大就业，办好人民满意的教育，健全社会保障体系，"
        "推进健康城市建设，加强养老服务和托育服务，让发展成果更多更公平惠及全体人民。\n" };
    ss_results r;
    if (search_texts(doc, 1, "河长制", &r)) {
        CHECK_EQ_INT((int)r.n, 2, "both passages found");
        if (r.n == 2) {
            /* equal weights: the first in the text first (the other,
             * its neighbour, is then spread below it) */
            CHECK(r.hits[0].rec.byte_start < r.hits[1].rec.byte_start,
                  "the short passage is not first (%.3f, %.3f)", r.hits[0].score,
                  r.hits[1].score);
        }
        ss_results_free(&r);
    }
}

/* A question's rare thing named again is what the passage is about
 * (rank.c W_QREPEAT): the paragraph on school buses ranks above the one on
 * safety that opens with the question's words side by side but names
 * 校车 once (its common word, 安全, five times: no matter). */
static void test_question_repeat(void)
{
    static const char *const docs[] = {
        "甲市2012年政府工作报告\n\n全市中小学校舍改造全部完成，新增校车两百辆，"
        "校车运营纳入安全管理考核。\n",
        "乙市2012年政府工作报告\n\n加强校车安全管理。落实安全责任，开展安全检查，"
        "强化安全监管，确保安全稳定。\n",
        "丙市2012年政府工作报告\n\n食品安全监管加强。\n",
        "丁市2012年政府工作报告\n\n安全生产形势稳定，城市管理水平提高。\n",
        "戊市2012年政府工作报告\n\n加强社会治安管理，维护公共安全。\n",
        "己市2012年政府工作报告\n\n完善应急管理体系，守住安全底线。\n",
    };
    ss_results r;
    if (search_texts(docs, sizeof docs / sizeof docs[0], "怎样加强校车安全管理", &r)) {
        CHECK(r.n >= 2 && strstr(r.hits[0].rec.text, "新增校车") != NULL,
              "the passage about school buses first (of %zu: %s)", r.n,
              r.n ? r.hits[0].rec.text : "none");
        ss_results_free(&r);
    }
}

/* A one-character query word matches the bigrams the character begins
 * (qbuild.c single_q): when it begins more than SINGLE_MAX_TERMS (1,000)
 * different ones, those in most passages are taken.  Here 市 begins 1,300
 * bigrams found once each, early in the index's order (市一, 市丁, ...),
 * and 市龙, late in it, in three passages: before, the first 1,000 in the
 * index's order were taken, and 市 农业 found none of the three. */
static void test_common_single(void)
{
    enum { FOLLOWERS = 1300 };
    static char many[FOLLOWERS * 12 + 64];
    size_t k = (size_t)snprintf(many, sizeof many, "某市2019年政府工作报告\n\n");
    for (unsigned i = 0; i < FOLLOWERS; i++) {
        unsigned cp = 0x4E00 + i; /* 一 and the characters after it: three bytes each */
        k += (size_t)snprintf(many + k, sizeof many - k, "市%c%c%c。",
                              (char)(0xE0 | (cp >> 12)), (char)(0x80 | ((cp >> 6) & 0x3F)),
                              (char)(0x80 | (cp & 0x3F)));
    }
    snprintf(many + k, sizeof many - k, "\n");
    static const char *docs[4];
    docs[0] = many;
    docs[1] = "甲市2019年政府工作报告\n\n培育市龙头企业，带动农业增效。\n";
    docs[2] = "乙市2019年政府工作报告\n\n壮大市龙头企业，发展现代农业。\n";
    docs[3] = "丙市2019年政府工作报告\n\n扶持市龙头企业，促进农业产业化。\n";
    ss_results r;
    if (search_texts(docs, 4, "市 农业", &r)) {
        size_t dragons = 0;
        for (size_t i = 0; i < r.n; i++)
            dragons += strstr(r.hits[i].rec.text, "市龙头") != NULL;
        CHECK(dragons == 3, "市 农业 finds the three passages of 市龙头 (%zu of %zu hits)", dragons,
              r.n);
        ss_results_free(&r);
    }
}

/* A day typed month.day finds the passages that write it with a middle
 * dot (“5·12”), and a count typed in numerals those that write it in
 * digits (新培育三家: 3家); before, neither found anything. */
static void test_written_otherwise(void)
{
    static const char *docs[] = {
        "甲省2009年政府工作报告\n\n“5·12”汶川特大地震灾后恢复重建任务基本完成。\n",
        "乙省2009年政府工作报告\n\n全省地区生产总值增长5.12%，地震监测网络不断完善。\n",
        "丙市2023年政府工作报告\n\n新培育国家级专精特新企业3家。\n",
    };
    ss_results r;
    if (search_texts(docs, 3, "5.12 地震", &r)) {
        size_t dotted = 0;
        for (size_t i = 0; i < r.n; i++)
            dotted += strstr(r.hits[i].rec.text, "5·12") != NULL;
        CHECK(dotted == 1, "5.12 地震 finds “5·12”汶川特大地震 (%zu of %zu hits)", dotted, r.n);
        ss_results_free(&r);
    }
    if (search_texts(docs, 3, "新培育三家", &r)) {
        CHECK(r.n == 1 && strstr(r.hits[0].rec.text, "3家") != NULL, "新培育三家 finds 3家 (%zu hits)", r.n);
        ss_results_free(&r);
    }
}

/* A figure typed apart from its measure, with the blank many writers
 * put between digits and Chinese: the figure with its measure
 * (1740 万千瓦) finds the figure written glued, which 1740 alone never
 * matched; letters and digits (PM 2.5) are the table's code. */
static void test_typed_apart(void)
{
    static const char *docs[] = {
        "甲省2021年政府工作报告\n\n全年新增装机1740万千瓦，清洁能源占比提高。\n",
        "乙省2021年政府工作报告\n\n发展增材制造产业，建设产业园。\n",
        "丙省2021年政府工作报告\n\n推广3D技术在文物保护中的应用，打印出版物管理更加规范。\n",
        "丁省2021年政府工作报告\n\nPM2.5平均浓度下降到35微克，公共场所Wi-Fi全覆盖。\n",
        "戊省2021年政府工作报告\n\n建成PM监测站2个，新增5个WiFi热点。\n",
    };
    ss_results r;
    if (search_texts(docs, 5, "1740 万千瓦", &r)) {
        CHECK(r.n == 1 && strstr(r.hits[0].rec.text, "1740万千瓦") != NULL,
              "1740 万千瓦 finds 1740万千瓦 (%zu hits, %s)", r.n, r.understood ? r.understood : "");
        ss_results_free(&r);
    }
    /* a code typed apart from a word stays two keywords: the passage that
     * holds them apart is found */
    if (search_texts(docs, 5, "3D 打印", &r)) {
        size_t apart = 0;
        for (size_t i = 0; i < r.n; i++)
            apart += strstr(r.hits[i].rec.text, "3D技术") != NULL;
        CHECK(apart == 1, "3D 打印 finds 3D and 打印 apart (%zu hits, %s)", r.n,
              r.understood ? r.understood : "");
        ss_results_free(&r);
    }
    /* letters typed apart from their digits: the code of the table (PM2.5),
     * not PM and 2.5 apart */
    if (search_texts(docs, 5, "PM 2.5", &r)) {
        CHECK(r.n == 1 && strstr(r.hits[0].rec.text, "PM2.5") != NULL,
              "PM 2.5 finds PM2.5 (%zu hits, %s)", r.n, r.understood ? r.understood : "");
        ss_results_free(&r);
    }
    /* Wi-Fi and WiFi are one thing (synonyms.rules) */
    if (search_texts(docs, 5, "Wi-Fi", &r)) {
        CHECK(r.n == 2, "Wi-Fi finds Wi-Fi and WiFi (%zu hits, %s)", r.n,
              r.understood ? r.understood : "");
        ss_results_free(&r);
    }
}

/* A query and the text the one passage it finds must hold. */
typedef struct {
    const char *query, *found;
} found_case;

/* Each case's query over docs[0, n) finds one passage, holding its text. */
static void finds_alone(const char *const *docs, size_t n, const found_case *cases, size_t nc)
{
    for (size_t i = 0; i < nc; i++) {
        ss_results r;
        if (!search_texts(docs, n, cases[i].query, &r))
            continue;
        CHECK(r.n == 1 && strstr(r.hits[0].rec.text, cases[i].found) != NULL,
              "%s finds %s alone (%zu hits, %s)", cases[i].query, cases[i].found, r.n,
              r.understood ? r.understood : "");
        ss_results_free(&r);
    }
}

/* A figure some reports write with one digit and 千 or 百 (1千亿美元,
 * 5千万吨) is found by the figure however it is typed; a bigger figure
 * that ends so (11千亿) is not it, nor is a digit standing elsewhere in
 * the passage beside the figure's Chinese (1项 ... 千万吨). */
static void test_digit_and_small(void)
{
    static const char *docs[] = {
        "甲省2023年政府工作报告\n\n进出口总额突破1千亿美元，增长8%。\n",
        "乙省2023年政府工作报告\n\n粮食产量稳定在5千万吨以上。\n",
        "丙省2023年政府工作报告\n\n新开工1项工程，粮食产量达到三千万吨。\n",
        "丁省2023年政府工作报告\n\n社会融资规模达到11千亿美元。\n",
    };
    static const found_case cases[] = {
        { "一千亿美元", "1千亿美元" },
        { "1000亿美元", "1千亿美元" },
        { "五千万吨", "5千万吨" },
        { "5000万吨", "5千万吨" },
    };
    finds_alone(docs, 4, cases, sizeof cases / sizeof cases[0]);
}

/* An ordinal or a share in Chinese numerals finds it written in digits
 * (第三位: 居全国第3位; 五成: 5成), and a share is a figure that stands
 * whole: 五成 is not the 五 of 十二五 before 成就. */
static void test_ordinals_and_shares(void)
{
    static const char *docs[] = {
        "甲省2023年政府工作报告\n\n外贸总额居全国第3位，增长8%。\n",
        "乙省2023年政府工作报告\n\n出口增量的5成来自民营企业。\n",
        "丙省2023年政府工作报告\n\n十二五成就令人鼓舞，第三产业发展加快。\n",
    };
    static const found_case cases[] = {
        { "第三位", "第3位" },
        { "五成", "5成" },
    };
    finds_alone(docs, 3, cases, sizeof cases / sizeof cases[0]);
}

/* A thing of one word with a general head glued after it (夜间经济发展):
 * the passage holding the two comes first, the passage on the thing alone
 * follows as a match of the word, the head's passage without the thing
 * is none. */
static void test_headless(void)
{
    static const char *docs[] = {
        "甲市2023年政府工作报告\n\n夜市人气旺，夜间经济发展迅速。\n",
        "乙市2023年政府工作报告\n\n打造十个夜间经济集聚区，延长商圈营业时间。\n",
        "丙市2023年政府工作报告\n\n全市经济发展平稳，消费持续回暖。\n",
    };
    ss_results r;
    if (!search_texts(docs, 3, "夜间经济发展", &r))
        return;
    CHECK(r.n == 2 && strstr(r.hits[0].rec.text, "夜间经济发展") != NULL &&
              strstr(r.hits[1].rec.text, "集聚区") != NULL && !r.hits[1].partial,
          "夜间经济发展: the two together, then the thing alone (%zu hits, %s)", r.n,
          r.n > 1 ? r.hits[1].rec.text : "");
    ss_results_free(&r);
}

/* A query typed as Taiwan writes (網路安全) finds the mainland's word
 * (网络安全) when the collection writes it far more often than t2s's
 * reading (网路); mainland words in traditional script keep their own
 * reading (西部陸海新通道: tw2sp's 信道 is not in the collection). */
static void test_taiwan_words(void)
{
    enum { N = 14 };
    static char text[N][160];
    static const char *docs[N];
    static const char *const topics[N] = { "粮食生产", "乡村振兴", "城市更新", "生态保护",
                                           "教育公平", "医疗改革", "对外开放", "科技创新",
                                           "文化旅游", "社会保障", "交通建设", "水利工程",
                                           "营商环境", "安全生产" };
    for (int i = 0; i < N; i++) {
        snprintf(text[i], sizeof text[i],
                 "某%c市2021年政府工作报告\n\n抓好%s。加强网络安全保障%s。建成5G网络。\n", 'A' + i,
                 topics[i], i % 2 ? "，建设西部陆海新通道" : "");
        docs[i] = text[i];
    }
    ss_results r;
    if (search_texts(docs, N, "網路安全", &r)) {
        CHECK(r.n == 10 && r.understood && strstr(r.understood, "网络安全") != NULL,
              "網路安全 finds 网络安全 (%zu hits, %s)", r.n, r.understood ? r.understood : "");
        ss_results_free(&r);
    }
    /* typed in full width: compared as analysis folds it (5g网路) */
    if (search_texts(docs, N, "５Ｇ網路", &r)) {
        CHECK(r.n == 10 && r.understood && strstr(r.understood, "5g网络") != NULL,
              "５Ｇ網路 finds 5G网络 (%zu hits, %s)", r.n, r.understood ? r.understood : "");
        ss_results_free(&r);
    }
    if (search_texts(docs, N, "西部陸海新通道", &r)) {
        CHECK(r.n == N / 2 && r.understood && strstr(r.understood, "信道") == NULL,
              "西部陸海新通道 reads 通道 only (%zu hits, %s)", r.n, r.understood ? r.understood : "");
        ss_results_free(&r);
    }
}

/* Every test of this program, over the analysis context ac. */
static void run_all(ss_actx *ac)
{
    test_pairs(ac);
    test_written_otherwise();
    test_typed_apart();
    test_digit_and_small();
    test_ordinals_and_shares();
    test_headless();
    test_taiwan_words();
    test_question_repeat();
    test_clusters(ac);
    test_spread();
    test_facets();
    test_width();
    test_lines();
    test_lines_many();
    test_spy_facets();
    test_short_passage();
    test_common_single();
}

int main(int argc, char **argv)
{
    (void)argc;
    return test_with_actx(argv[0], run_all);
}
