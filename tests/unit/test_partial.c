/* Tests of the partial tier's judge (rank.c: ss_query_judge_loose) and of
 * the words it requires of Xapian's candidates (ss_query_loose_required).
 * Queries are parsed loosely and never built, so every word weighs the
 * same (1): a passage qualifies when it holds at least half of the words. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyze.h"
#include "check.h"
#include "fixture.h"
#include "query.h"

static const struct {
    const char *query, *text;
    int takes;             /* 1: a partial hit */
    const char *missing;   /* the missing words, joined by "|" */
} cases[] = {
    /* a word of several units: its units in one sentence, in any order or clause */
    { "茶叶电商", "茶叶产量稳定，电商销售另计。", 1, "" },
    { "茶叶电商", "电商销售另计，茶叶产量稳定。", 1, "" },
    /* ... but not in two sentences: 。；！？ or a line break between them */
    { "茶叶电商", "茶叶产量稳定。电商销售另计。", 0, "" },
    { "茶叶电商", "茶叶产量稳定；电商销售另计。", 0, "" },
    { "茶叶电商", "茶叶产量稳定！电商销售另计。", 0, "" },
    { "茶叶电商", "茶叶产量稳定\n电商销售另计", 0, "" },
    { "茶叶电商", "茶叶产量稳定", 0, "" },
    /* at least half of the query's weight */
    { "民宿 茶叶 电商", "要把民宿和茶叶做成品牌。", 1, "电商" },
    { "民宿 茶叶 电商", "电商平台。民宿发展。", 1, "茶叶" },
    { "民宿 茶叶 电商", "民宿接待游客五万人次。", 0, "" },
    { "民宿 茶叶", "民宿接待游客五万人次。", 1, "茶叶" },
    { "民宿", "游客五万人次。", 0, "" },
    /* a word of several units missing, the others present */
    { "民宿 茶叶电商", "民宿和茶叶。", 1, "茶叶电商" },
    /* quoted words are required and exact; excluded words exclude */
    { "\"茶叶\" 民宿 电商", "民宿发展，电商服务。", 0, "" },
    { "\"茶叶\" 民宿 电商", "民宿和茶叶。", 1, "电商" },
    { "民宿 茶叶 电商 -品牌", "要把民宿和茶叶做成品牌。", 0, "" },
    { "民宿 茶叶 电商 -品牌", "要把民宿和茶叶做好。", 1, "电商" },
    /* an OR group is one part: present when one of its words is */
    { "民宿 OR 农家 茶叶 电商", "农家茶叶销售。", 1, "电商" },
    { "民宿 OR 农家 茶叶 电商", "电商销售。", 0, "" },
    { "民宿 OR 农家 茶叶 电商", "茶叶。", 0, "" },
    { "民宿 OR 农家 茶叶 电商", "茶叶电商。", 1, "民宿|农家" },
    /* a word gluing letters or digits to a Chinese core of three characters
     * or more: the core alone stands for it, the letters missing */
    { "ABC茶叶电商", "茶叶电商销售。", 1, "+abc" },
    { "ABC茶叶电商", "茶叶产量稳定，电商销售另计。", 1, "+abc" },
    { "ABC茶叶电商", "茶叶产量稳定。电商销售另计。", 0, "" },
    { "ABC茶叶电商", "ABC茶叶电商销售。", 1, "" },
    { "茶叶电商XYZ", "茶叶电商销售。", 1, "+xyz" },
    { "30MW茶叶电商", "茶叶电商销售。", 1, "+30mw" },
    /* ... not a core of two characters (too general), nor letters alone */
    { "ABC电商", "电商销售。", 0, "" },
    { "ABC电商 茶叶", "电商和茶叶。", 1, "abc电商" },
    { "ABC茶叶电商 民宿", "茶叶电商和民宿。", 1, "+abc" },
    { "ABC茶叶电商 民宿", "民宿。", 1, "abc茶叶电商" },
    /* a general head glued after a thing of three characters or more, read
     * as units of one word (进博会建设): the thing is the core, the head
     * missing */
    { "茶叶电商建设", "茶叶电商销售。", 1, "+建设" },
    { "茶叶电商发展", "茶叶产量稳定，电商销售另计。", 1, "+发展" },
    { "茶叶电商建设", "茶叶电商建设加快。", 1, "" },
    { "茶叶销售重点任务", "茶叶销售火爆。", 1, "+重点|+任务" },  /* a head of two units */
    { "茶叶销售主要目标", "茶叶销售火爆。", 1, "+主要|+目标" },
    /* ... not after a thing of two characters (经济建设 is read 经济 + 建设),
     * nor another word after the thing */
    { "经济建设", "经济增长。", 0, "" },
    /* ... nor a head of one word after a verb or a common word of two
     * characters, which it goes with (创新发展) */
    { "茶叶电商创新发展", "茶叶电商销售。", 1, "" },
    { "民宿建设", "民宿接待游客。", 0, "" },
    { "茶叶销售", "茶叶产量稳定。", 0, "" },
    /* a question has no partial tier (it accepts partial cover already) */
    { "如何发展民宿和茶叶电商", "民宿和茶叶。", 0, "" },
};

/* The partial tier's last reading (loose 2: passages that hold some of
 * the query, a word of the text): a word typed as several units is read
 * as those units typed apart, so a passage holding one of them is taken
 * and misses the others, one holding them all scattered over sentences is
 * not; not a figure, letters glued to Chinese, nor a word of an OR group. */
static const struct {
    const char *query, *text;
    int takes;
    const char *missing;
    size_t items;          /* items of the reading */
} some[] = {
    { "茶叶电商", "茶叶产量稳定。", 1, "电商", 2 },
    /* ... but all of them scattered over sentences is no hit, never the word */
    { "茶叶电商", "茶叶产量稳定。电商销售另计。", 0, "", 2 },
    { "茶叶电商", "茶叶产量稳定，电商销售另计。", 1, "", 2 },
    { "民宿 茶叶电商", "民宿发展。茶叶产量稳定。电商销售另计。", 0, "", 3 },
    { "茶叶电商", "游客五万人次。", 0, "", 2 },
    { "民宿 茶叶电商", "电商销售。", 1, "民宿|茶叶", 3 },
    /* typed apart, the same */
    { "茶叶 电商", "茶叶产量稳定。", 1, "电商", 2 },
    /* a figure stays whole, and so do letters or digits glued to Chinese */
    { "904.6亿元", "投资亿元。", 0, "", 1 },
    { "5G基站", "基站建设。", 0, "", 1 },
    /* an OR group keeps its words whole */
    { "民宿 OR 茶叶电商", "茶叶产量稳定。", 0, "", 2 },
    { "民宿 OR 茶叶电商", "民宿发展。", 1, "", 2 },
};

/* Judges text against query read with loose; checks whether it is taken
 * and the words it misses (joined by "|"); the reading's item count into
 * *items. */
static void judge_case(ss_actx *ac, int loose, const char *query, const char *t, int takes,
                       const char *missing_words, size_t *items)
{
    ss_query_opts o = { 0, NULL, 0, loose };
    ss_query *q = NULL;
    ss_err err;
    CHECK(ss_query_parse_opts(ac, query, &o, &q, &err) == SS_OK, "parse %s", query);
    if (!q)
        return;
    *items = ss_query_item_count(q);
    ss_analysis an;
    double share = 0;
    uint64_t missing = 0, cored = 0;
    CHECK(ss_analyze_atoms(ac, t, strlen(t), &an, &err) == SS_OK, "analyse %s", t);
    CHECK(ss_query_judge_loose(q, &an, NULL, &share, &missing, &cored, &err) == SS_OK, "judge");
    CHECK((share > 0) == takes, "[%s] on [%s] (loose %d): taken %d (share %.2f)", query, t,
          loose, takes, share);
    CHECK(share <= 1.0, "[%s] on [%s]: share at most 1", query, t);
    char words[256] = "";
    for (size_t k = 0; k < ss_query_item_count(q) && k < 64; k++) {
        const char *w = (missing >> k) & 1 ? ss_query_item_word(q, k) : NULL;
        if (w)
            snprintf(words + strlen(words), sizeof words - strlen(words), "%s%s",
                     words[0] ? "|" : "", w);
        const char *qual[4]; /* what a word there by its core alone misses: "+abc" */
        size_t nq = (cored >> k) & 1 ? ss_query_item_qualifiers(q, k, qual, 4) : 0;
        for (size_t j = 0; j < nq; j++)
            snprintf(words + strlen(words), sizeof words - strlen(words), "%s+%s",
                     words[0] ? "|" : "", qual[j]);
    }
    CHECK_EQ_STR(words, missing_words, query);
    ss_query_free(q);
}

static void test_some(ss_actx *ac)
{
    for (size_t i = 0; i < sizeof some / sizeof some[0]; i++) {
        size_t items = 0;
        judge_case(ac, 2, some[i].query, some[i].text, some[i].takes, some[i].missing, &items);
        CHECK(items == some[i].items, "[%s] read loose 2: %zu items (got %zu)", some[i].query,
              some[i].items, items);
    }
}

static void test_judge(ss_actx *ac)
{
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t items = 0;
        judge_case(ac, 1, cases[i].query, cases[i].text, cases[i].takes, cases[i].missing,
                   &items);
    }
}

/* Words a candidate must hold: quoted ones, and with equal weights no other
 * (each could be made up for by the rest). */
static const struct {
    const char *query;
    size_t n;
    size_t first;
} required[] = {
    { "\"茶叶\" 民宿 电商", 1, 0 },
    { "民宿 茶叶", 0, 0 },
    { "民宿", 1, 0 },
    { "民宿 -品牌 \"茶叶\"", 1, 2 },
    { "\"茶叶\" OR 民宿 电商", 0, 0 },
    /* a word with a Chinese core may stand without its letters: not required */
    { "ABC茶叶电商", 0, 0 },
    { "ABC电商", 1, 0 },
};

static void test_required(ss_actx *ac)
{
    for (size_t i = 0; i < sizeof required / sizeof required[0]; i++) {
        ss_query_opts o = { 0, NULL, 0, 1 };
        ss_query *q = NULL;
        ss_err err;
        CHECK(ss_query_parse_opts(ac, required[i].query, &o, &q, &err) == SS_OK, "parse");
        if (!q)
            continue;
        size_t items[8];
        size_t n = ss_query_loose_required(q, items, 8);
        CHECK(n == required[i].n && (n == 0 || items[0] == required[i].first),
              "[%s]: %zu required (got %zu)", required[i].query, required[i].n, n);
        ss_query_free(q);
    }
}

/* Every test of this program, over the analysis context ac. */
static void run_all(ss_actx *ac)
{
    test_judge(ac);
    test_some(ac);
    test_required(ac);
}

int main(int argc, char **argv)
{
    (void)argc;
    return test_with_actx(argv[0], run_all);
}
