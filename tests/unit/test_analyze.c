/* Tests of analyze.c: normalisation, atoms, positions, words, slogans,
 * byte offsets into the input.  Table-driven: one row a case. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyze.h"
#include "check.h"
#include "fixture.h"
#include "strbuf.h"

/* Renders an analysis as "atom@pos atom@pos ..." with "." before atoms
 * that follow the end of a sentence, "|" before those that follow another
 * separator and "~" before those that follow a joiner. */
static void render_atoms(const ss_analysis *an, strbuf *sb)
{
    sb_reset(sb);
    for (size_t i = 0; i < an->natoms; i++) {
        const ss_atom *a = &an->atoms[i];
        if (i)
            sb_addc(sb, ' ');
        if (a->flags & SS_AF_STOP)
            sb_addc(sb, '.');
        else if (a->flags & SS_AF_BREAK)
            sb_addc(sb, '|');
        else if (a->flags & SS_AF_JOINED)
            sb_addc(sb, '~');
        sb_add(sb, an->norm + a->norm, a->normlen);
    }
}

static void render_words(const ss_analysis *an, strbuf *sb)
{
    sb_reset(sb);
    for (size_t i = 0; i < an->nwords; i++) {
        const ss_word *w = &an->words[i];
        if (i)
            sb_addc(sb, w->slogan ? '*' : '/');
        for (size_t k = w->first; k <= w->last; k++)
            sb_add(sb, an->norm + an->atoms[k].norm, an->atoms[k].normlen);
    }
}

static const struct {
    const char *in, *atoms;
} atom_cases[] = {
    { "招商引资", "招 商 引 资" },
    { "招商引資", "招 商 引 资" },                 /* traditional -> simplified */
    { "“六新”项目", "~六 新 ~项 目" },              /* quotes join, take no position */
    { "推进“9+2”工作布局", "推 进 ~9+2 ~工 作 布 局" },
    { "总投资1762.7亿元", "总 投 资 1762.7 亿 元" },
    { "280万元/亩", "280 万 元 ~亩" },
    { "建成5G基站", "建 成 5g 基 站" },
    { "GDP增长6.5%", "gdp 增 长 6.5 %" },
    { "自然增长率6.5‰", "自 然 增 长 率 6.5 ‰" },          /* per mille: a sign like % */
    { "增长 ‰", "增 长" },                           /* apart from what stands before: none */
    { "ＧＤＰ增長", "gdp 增 长" },                  /* full width, traditional */
    { "发展O2O新业态", "发 展 o2o 新 业 态" },
    { "“智能+”行动", "~智 能 + ~行 动" },
    { "c++ 和 C#", "c++ ~和 ~c" },
    { "项目。建设", "项 目 .建 设" },               /* separator leaves a gap */
    { "好！对吗？是；否，行：可", "好 .对 吗 .是 .否 |行 |可" }, /* sentence ends */
    { "好! 对? 是;否", "好 .对 .是 .否" },
    { "招商、引资", "招 商 |引 资" },
    { "1,762亿", "1762 亿" },                       /* thousands separator dropped */
    { "2023-02", "2023-02" },
    { "李 铮", "李 ~铮" },
    { "", "" },
};

static void test_atoms(ss_actx *c)
{
    strbuf sb = STRBUF_INIT;
    for (size_t i = 0; i < sizeof atom_cases / sizeof atom_cases[0]; i++) {
        ss_analysis an;
        ss_err err;
        ss_code rc = ss_analyze(c, atom_cases[i].in, strlen(atom_cases[i].in), &an, &err);
        CHECK(rc == SS_OK, "analyze [%s]: %s", atom_cases[i].in, err.msg);
        render_atoms(&an, &sb);
        CHECK_EQ_STR(sb.buf ? sb.buf : "", atom_cases[i].atoms, atom_cases[i].in);
    }
    sb_free(&sb);
}

static void test_positions(ss_actx *c)
{
    ss_analysis an;
    const char *s = "项目。建设“六新”";
    CHECK(ss_analyze(c, s, strlen(s), &an, NULL) == SS_OK, "analyze positions");
    CHECK_EQ_INT(an.natoms, 6, "positions: atoms");
    uint32_t want[] = { 1, 2, 4, 5, 6, 7 };
    for (size_t i = 0; i < an.natoms && i < 6; i++)
        CHECK_EQ_INT(an.atoms[i].pos, want[i], "positions: separator leaves one gap");
}

static void test_offsets(ss_actx *c)
{
    /* Every atom's byte span re-reads as its source text, traditional or not. */
    const char *s = "全市招商引資和項目建設 “9+2” ＧＤＰ";
    ss_analysis an;
    CHECK(ss_analyze(c, s, strlen(s), &an, NULL) == SS_OK, "analyze offsets");
    const char *src[] = { "全", "市", "招", "商", "引", "資", "和", "項", "目", "建", "設",
                          "9+2", "ＧＤＰ" };
    CHECK_EQ_INT(an.natoms, 13, "offsets: atom count");
    for (size_t i = 0; i < an.natoms && i < 13; i++) {
        size_t n = an.atoms[i].end - an.atoms[i].start;
        CHECK(n == strlen(src[i]) && memcmp(s + an.atoms[i].start, src[i], n) == 0,
              "offsets: atom %zu re-reads as %s", i, src[i]);
    }
}

static const struct {
    const char *in, *slogan; /* the quoted run kept whole, or NULL */
} word_cases[] = {
    { "坚持“四个致力”不动摇", "四个致力" },
    { "实施“一方案十专案”", "一方案十专案" },
    { "“好”字当头", NULL },                  /* too short for a slogan */
    { "《关于支持市加快中原城市群副中心城市建设的若干意见》", NULL }, /* too long */
    { "我们要优化营商环境", NULL },
};

static void test_words(ss_actx *c)
{
    strbuf sb = STRBUF_INIT;
    for (size_t i = 0; i < sizeof word_cases / sizeof word_cases[0]; i++) {
        ss_analysis an;
        CHECK(ss_analyze(c, word_cases[i].in, strlen(word_cases[i].in), &an, NULL) == SS_OK,
              "analyze words");
        render_words(&an, &sb);
        const char *star = sb.buf ? strchr(sb.buf, '*') : NULL;
        if (word_cases[i].slogan)
            CHECK(star && strcmp(star + 1, word_cases[i].slogan) == 0,
                  "%s: expected slogan %s in %s", word_cases[i].in, word_cases[i].slogan,
                  sb.buf ? sb.buf : "");
        else
            CHECK(!star, "%s: no slogan expected, got %s", word_cases[i].in, sb.buf);
    }
    /* words cover every Han atom exactly once, in order */
    const char *s = "推进产业集聚区转型发展是当前的重要任务";
    ss_analysis an;
    CHECK(ss_analyze(c, s, strlen(s), &an, NULL) == SS_OK, "analyze cover");
    size_t next = 0;
    for (size_t i = 0; i < an.nwords; i++) {
        CHECK_EQ_INT(an.words[i].first, next, "words cover without gaps");
        next = an.words[i].last + 1;
    }
    CHECK_EQ_INT(next, an.natoms, "words cover to the end");
    sb_free(&sb);
}

static void test_normalize_string(ss_actx *c)
{
    char *out = NULL;
    const char *s = "招商引資ＡＢＣ";
    CHECK(ss_normalize_string(c, s, strlen(s), &out, NULL) == SS_OK, "normalize string");
    CHECK_EQ_STR(out, "招商引资abc", "normalize string");
    free(out);
}

static void test_errors(void)
{
    ss_analyzer *a = NULL;
    ss_err err;
    ss_code rc = ss_analyzer_open("/nonexistent/data", &a, &err);
    CHECK(rc == SS_ENOTFOUND && strstr(err.msg, "/nonexistent/data"),
          "missing data dir: ENOTFOUND naming it (%d %s)", rc, err.msg);
}

/* Every test of this program, over the analysis context c. */
static void run_all(ss_actx *c)
{
    test_atoms(c);
    test_positions(c);
    test_offsets(c);
    test_words(c);
    test_normalize_string(c);
    test_errors();
}

int main(int argc, char **argv)
{
    (void)argc;
    return test_with_actx(argv[0], run_all);
}
