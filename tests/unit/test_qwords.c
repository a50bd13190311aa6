/* Tests of the question analyser (qwords.c): which words a question keeps
 * and how much each weighs against the things asked about; and a check of
 * the shipped synonym table (corpus/data/synonyms.rules) against it: every
 * line parses, no member is a function word or a generic question word
 * (such a member would spread its group over every question), no related
 * group holds a word so broad it would find most passages, no group
 * repeats a member. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyze.h"
#include "check.h"
#include "fixture.h"
#include "datadir.h"
#include "query.h"
#include "query_int.h"
#include "synonyms.h"

/* Questions and keyword queries (none of an evaluation set): the typed
 * units, each as text:weight (weight ×10, so that 5 is QW 0.5), in order. */
static const struct {
    const char *q;
    const char *units;
} weight_cases[] = {
    /* a problem word weighs less than the thing it is about */
    { "如何解决用水紧张的问题", "用水:10 紧张:5" },
    { "怎样应对人才短缺", "应对:5 人才:10 短缺:5" },
    /* a remedy word too; the thing keeps its full weight */
    { "如何缓解看病难", "缓解:5 看病难:10 看病:10" },
    { "怎样治理城市内涝", "治理:5 城市:10 内涝:10" },
    /* a word glued to a single character is more than the remedy: whole */
    { "如何破解瓶颈制约", "破解:5 瓶颈:5 制约:5" },
    /* generic verbs of doing go when a question has content words */
    { "如何打造现代产业体系", "现代:10 产业:10 体系:10" },
    { "怎样构建养老服务体系", "养老:10 服务体系:10" },
    { "如何建立长效机制", "长效机制:10" },
    /* a measure of a word (…率, …度) also counts the word measured */
    { "如何提高产品合格率", "产品:10 合格率:10 合格:10" },
    { "怎样提升群众满意度", "群众:10 满意度:10 满意:10" },
    /* verbs (the dictionary's "v") with a noun after them say what is done
     * to the thing: they weigh as remedies; a verb with no noun after it,
     * or a verbal noun (投资), is the thing asked about */
    { "怎样修复和扩容管网", "修复:5 扩容:5 管网:10" },
    { "如何保护耕地", "保护:5 耕地:10" },
    { "怎样支持农民增收", "支持:5 农民:10 增收:10" },
    { "如何吸引投资", "吸引:10 投资:10" },
    /* characters the dictionary leaves single but that stand together are
     * a word of their own, not glued to the word before them */
    { "如何加强秸秆禁烧", "秸秆:10 禁烧:10" },
    /* three or more are a word of their own after a verb (its object, which
     * the text also writes after other verbs: 消除大班额, 化解大班额) */
    { "如何治理鼠蟑蝇", "治理:5 鼠蟑蝇:10" },
    { "如何解决大班额问题", "大班额:10 大班:10" },
    /* one character still goes with its word; 的 is no character of a word */
    { "怎样发展集聚区的园区", "集聚区:10 集聚:10 园区:10" },
    /* a word named twice is asked about once */
    { "如何破解融资难融资贵", "破解:5 融资难:10 融资:10 融资贵:10" },
    /* words of manner go too (扎实, 全力以赴), and words the dictionary
     * makes of one and a general verb (切实加强, 大力发展) */
    { "如何扎实推进垃圾分类", "垃圾:10 分类:10" },
    { "怎样全力以赴抓好防汛", "防汛:10" },
    { "如何切实加强食品安全监管", "食品:10 安全监管:10" },
    { "怎么大力发展县域经济", "县域经济:10" },
    /* a modifying character goes with the general word it stands before
     * (新 of 新提升), not left alone */
    { "文化产业如何得到新提升", "文化产业:10" },
    /* other ways of asking: question words the segmenter joins to what
     * follows (怎样才能, 怎么样, 有哪些, 哪些地方), how a question says
     * the doing (要, 做, 办, 请问, 更好地): the same words as 如何… */
    { "怎样才能治理城市内涝", "治理:5 城市:10 内涝:10" },
    { "怎么样治理城市内涝", "治理:5 城市:10 内涝:10" },
    { "治理城市内涝有哪些措施", "治理:5 城市:10 内涝:10" },
    { "治理城市内涝可以怎样做", "治理:5 城市:10 内涝:10" },
    { "城市内涝该怎么办", "城市:10 内涝:10" },
    { "请问如何更好地治理城市内涝", "治理:5 城市:10 内涝:10" },
    { "为什么要发展夜间经济", "夜间经济:10" },
    { "哪些地方推行了河长制", "河长制:10" },           /* 推行: a general verb, as 发展 */
    /* keywords: every word as typed, full weight */
    { "缓解 拥堵", "缓解:10 拥堵:10" },
};

static void test_weights(ss_actx *ac)
{
    for (size_t i = 0; i < sizeof weight_cases / sizeof weight_cases[0]; i++) {
        ss_query *q = NULL;
        ss_err err;
        ss_query_opts o = { .syn = NULL };
        CHECK(ss_query_parse_opts(ac, weight_cases[i].q, &o, &q, &err) == SS_OK, "parse %s: %s",
              weight_cases[i].q, err.msg);
        if (!q)
            continue;
        char got[1024] = "";
        for (size_t it = 0; it < q->nitems; it++)
            for (size_t u = q->items[it].u0; u < q->items[it].u1; u++)
                snprintf(got + strlen(got), sizeof got - strlen(got), "%s%s:%d", got[0] ? " " : "",
                         q->units[u].text, (int)(q->units[u].qweight * 10 + 0.5f));
        CHECK_EQ_STR(got, weight_cases[i].units, weight_cases[i].q);
        ss_query_free(q);
    }
}

/* Questions with a small table: the related words of each word, shown in
 * `understood`, also for a word the ranker splits in two (乡村振兴). */
static void test_understood(ss_actx *ac)
{
    static const char table[] = "乡村振兴 ~ 乡村产业\n"
                                "不足 ~ 短缺 ~ 瓶颈\n"
                                "土地 ~ 用地\n";
    static const struct {
        const char *q, *understood;
    } cases[] = {
        { "如何推进乡村振兴", "乡村振兴{~乡村产业}" },
        { "如何应对土地不足", "应对|土地{~用地}|不足{~短缺,~瓶颈}" },
        { "土地 不足", "土地 不足" }, /* keywords: no related words */
    };
    ss_syn *syn = NULL;
    ss_err err;
    CHECK(ss_syn_parse(table, strlen(table), "t", &syn, &err) == SS_OK, "table: %s", err.msg);
    for (size_t i = 0; syn && i < sizeof cases / sizeof cases[0]; i++) {
        ss_query *q = NULL;
        ss_query_opts o = { .syn = syn };
        CHECK(ss_query_parse_opts(ac, cases[i].q, &o, &q, &err) == SS_OK, "parse %s: %s",
              cases[i].q, err.msg);
        if (q)
            CHECK_EQ_STR(ss_query_understood(q), cases[i].understood, cases[i].q);
        ss_query_free(q);
    }
    ss_syn_free(syn);
}

static void test_kinds(void)
{
    static const struct {
        const char *w;
        int kind;
    } cases[] = {
        { "如何", QK_FUNCTION }, { "的", QK_FUNCTION },  { "推进", QK_GENERIC },
        { "问题", QK_GENERIC },  { "打造", QK_GENERIC }, { "不足", QK_PROBLEM },
        { "瓶颈", QK_PROBLEM },  { "缓解", QK_REMEDY },  { "破解", QK_REMEDY },
        { "土地", QK_CONTENT },  { "融资难", QK_CONTENT }, { "", QK_CONTENT },
        { "扎实", QK_GENERIC },  { "切实加强", QK_GENERIC }, { "加强切实", QK_GENERIC },
        { "切实土地", QK_CONTENT },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        CHECK_EQ_INT(ss_q_word_kind(cases[i].w, strlen(cases[i].w)), cases[i].kind, cases[i].w);
}

/* Trims blanks (ASCII and the ideographic space) at both ends of [*s, *e). */
static void trim(const char **s, const char **e)
{
    for (;;) {
        if (*s < *e && (**s == ' ' || **s == '\t' || **s == '\r'))
            (*s)++;
        else if (*e > *s && ((*e)[-1] == ' ' || (*e)[-1] == '\t' || (*e)[-1] == '\r'))
            (*e)--;
        else
            break;
    }
}

/* Words so broad that related words of theirs would find most passages
 * (the table's header leaves them out of "~" groups). */
static const char *const broad[] = { "城市", "交通", "企业", "工业", "学校", "工资", "教育",
                                     "医疗", "文化", "旅游", "住房", "干部", "项目", "经济",
                                     "社会", "农业", "农村", "政府", "市场", "投资", "产业",
                                     "环境", "安全", "改革", "创新", "服务", "管理", "建设" };

/* Problems of one line of the table (its members separated by sep) into
 * msg; 0 when there are none. */
static int line_problem(const char *s, const char *e, char sep, char *msg, size_t cap)
{
    const char *m[64][2];
    size_t n = 0;
    while (s < e && n < 64) {
        const char *x = memchr(s, sep, (size_t)(e - s));
        const char *ms = s, *me = x ? x : e;
        trim(&ms, &me);
        m[n][0] = ms;
        m[n++][1] = me;
        s = x ? x + 1 : e;
    }
    for (size_t i = 0; i < n; i++) {
        size_t len = (size_t)(m[i][1] - m[i][0]);
        int kind = ss_q_word_kind(m[i][0], len);
        if (kind == QK_FUNCTION || kind == QK_GENERIC) {
            snprintf(msg, cap, "member %.*s is a %s question word", (int)len, m[i][0],
                     kind == QK_FUNCTION ? "function" : "generic");
            return 1;
        }
        for (size_t k = 0; sep == '~' && k < sizeof broad / sizeof broad[0]; k++)
            if (strlen(broad[k]) == len && memcmp(broad[k], m[i][0], len) == 0) {
                snprintf(msg, cap, "member %.*s of a related group is too broad", (int)len,
                         m[i][0]);
                return 1;
            }
        for (size_t k = 0; k < i; k++)
            if ((size_t)(m[k][1] - m[k][0]) == len && memcmp(m[k][0], m[i][0], len) == 0) {
                snprintf(msg, cap, "member %.*s stands twice", (int)len, m[i][0]);
                return 1;
            }
    }
    return 0;
}

static void test_shipped_table(void)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/synonyms.rules", ss_datadir());
    ss_syn *syn = NULL;
    ss_err err;
    size_t groups = 0;
    CHECK(ss_syn_load(path, &syn, &err) == SS_OK && ss_syn_check(syn, &groups, &err) == SS_OK,
          "%s: %s", path, err.msg);
    ss_syn_free(syn);
    CHECK(groups >= 600, "%s has %zu groups", path, groups);
    FILE *f = fopen(path, "rb");
    CHECK(f != NULL, "open %s", path);
    if (!f)
        return;
    char line[4096];
    size_t lineno = 0, related = 0;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        char *hash = strchr(line, '#'), *nl = strchr(line, '\n');
        const char *s = line, *e = hash ? hash : nl ? nl : line + strlen(line);
        trim(&s, &e);
        if (s == e)
            continue;
        char sep = memchr(s, '=', (size_t)(e - s)) ? '=' : '~';
        related += sep == '~';
        char msg[256];
        int bad = line_problem(s, e, sep, msg, sizeof msg);
        CHECK(!bad, "%s:%zu: %s", path, lineno, bad ? msg : "");
    }
    fclose(f);
    CHECK(related >= 150, "%s has %zu groups of related words", path, related);
}

/* Every test of this program, over the analysis context ac. */
static void run_all(ss_actx *ac)
{
    test_weights(ac);
    test_understood(ac);
    test_kinds();
    test_shipped_table();
}

int main(int argc, char **argv)
{
    (void)argc;
    return test_with_actx(argv[0], run_all);
}
