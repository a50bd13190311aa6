/* Tests of synonyms.c (the table's format and lookups) and numbers.c
 * (figures in their other written forms), and that the shipped table
 * corpus/data/synonyms.rules reads without error. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "analyze.h"
#include "base.h"
#include "check.h"
#include "datadir.h"
#include "numbers.h"
#include "synonyms.h"

static const char table[] = "# comment line\n"
                            "\n"
                            "发改委 = 发展改革委 = 发展和改革委员会   # trailing comment\n"
                            "GDP = 国内生产总值\n"
                            "豫 = 河南\n"
                            "融资 ~ 资金 ~ 贷款\n"
                            "资金 ~ 经费\n";

static void test_lookup(void)
{
    static const struct {
        const char *word;
        const char *expect; /* members found, "," between; "~" before related ones */
    } cases[] = {
        { "发改委", "发展改革委,发展和改革委员会" },
        { "发展和改革委员会", "发改委,发展改革委" },
        { "gdp", "国内生产总值" },          /* ASCII in lower case */
        { "国内生产总值", "gdp" },
        { "豫", "河南" },
        { "河南", "" },                      /* a one-character member is never added */
        { "资金", "~融资,~贷款,~经费" },     /* in two groups */
        { "不在表里", "" },
        { "发改", "" },                      /* whole members only */
    };
    ss_syn *s = NULL;
    ss_err err;
    CHECK(ss_syn_parse(table, strlen(table), "t", &s, &err) == SS_OK, "parse: %s", err.msg);
    CHECK_EQ_INT(ss_syn_groups(s), 5, "groups");
    for (size_t i = 0; s && i < sizeof cases / sizeof cases[0]; i++) {
        ss_syn_alt a[8];
        size_t n = ss_syn_lookup(s, cases[i].word, strlen(cases[i].word), a, 8);
        char got[2048] = "";
        for (size_t k = 0; k < n; k++) {
            size_t at = strlen(got);
            snprintf(got + at, sizeof got - at, "%s%s%.*s", k ? "," : "", a[k].related ? "~" : "",
                     (int)strnlen(a[k].text, sizeof a[k].text), a[k].text);
        }
        CHECK_EQ_STR(got, cases[i].expect, cases[i].word);
    }
    ss_syn_free(s);
}

static void test_bad_lines(void)
{
    static const char *const bad[] = {
        "发改委 发展改革委\n",          /* no separator */
        "发改委 = 发展改革委 ~ 发改\n", /* two kinds in one line */
        "发改委 =\n",                   /* one member */
        "= 发改委\n",
        "a = \xff\xfe\n",               /* invalid UTF-8 */
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        ss_syn *s = NULL;
        ss_err err;
        ss_code rc = ss_syn_parse(bad[i], strlen(bad[i]), "bad.rules", &s, &err);
        CHECK(rc == SS_ECORRUPT && strstr(err.msg, "bad.rules:1") != NULL, "bad line %zu: %s", i,
              rc == SS_OK ? "accepted" : err.msg);
        ss_syn_free(s);
    }
    ss_syn *s = NULL;
    CHECK(ss_syn_load("/nonexistent/synonyms.rules", &s, NULL) == SS_OK && ss_syn_groups(s) == 0,
          "a missing table is an empty one");
    ss_syn_free(s);
}

/* The shipped table: reads, and is big enough to matter. */
static void test_shipped(void)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/synonyms.rules", ss_datadir());
    ss_syn *s = NULL;
    ss_err err;
    size_t groups = 0;
    CHECK(ss_syn_load(path, &s, &err) == SS_OK, "%s: %s", path, err.msg);
    CHECK(s && ss_syn_check(s, &groups, &err) == SS_OK, "%s", err.msg);
    CHECK(groups >= 300, "shipped table has %zu groups", groups);
    /* some of its groups, each way round */
    static const struct {
        const char *word, *form;
    } have[] = {
        { "发改委", "发展改革委" }, { "一产", "第一产业" },   { "第一产业", "一产" },
        { "第一季度", "一季度" },   { "三季度", "第三季度" }, { "第四季度", "四季度" },
    };
    for (size_t i = 0; s && i < sizeof have / sizeof have[0]; i++) {
        ss_syn_alt a[16];
        size_t k = ss_syn_lookup(s, have[i].word, strlen(have[i].word), a, 16), found = 0;
        for (size_t j = 0; j < k; j++)
            found |= strcmp(a[j].text, have[i].form) == 0 && !a[j].related;
        CHECK(found, "shipped table: %s finds %s", have[i].word, have[i].form);
    }
    ss_syn_free(s);
}

/* Every member's lookups as one string (for comparing two loads). */
static void all_lookups(const ss_syn *s, const char *const *words, size_t n, char *out,
                        size_t size)
{
    out[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        ss_syn_alt a[8];
        size_t k = ss_syn_lookup(s, words[i], strlen(words[i]), a, 8), at = strlen(out);
        snprintf(out + at, size - at, "%s:", words[i]);
        for (size_t j = 0; j < k; j++) {
            at = strlen(out);
            snprintf(out + at, size - at, "%s%.*s,", a[j].related ? "~" : "",
                     (int)strnlen(a[j].text, sizeof a[j].text), a[j].text);
        }
        at = strlen(out);
        snprintf(out + at, size - at, ";");
    }
}

static int write_text(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return -1;
    fputs(text, f);
    return fclose(f);
}

/* The compiled index (rules + ".idx"): lookups through it are the lookups
 * of the table indexed on reading; an index of another text (the table
 * edited since), a truncated or a garbled one is not used. */
/* Writes text as dir/synonyms.rules (dir a mkdtemp template), loads it
 * (*plain: indexed on reading), compiles its index beside it and loads it
 * again (*indexed: through that index). */
static void table_and_index(const char *text, char *dir, char *rules, char *idx, ss_syn **plain,
                            ss_syn **indexed)
{
    ss_err err;
    CHECK(mkdtemp(dir) != NULL, "mkdtemp");
    snprintf(rules, 128, "%s/synonyms.rules", dir);
    snprintf(idx, 128, "%s/synonyms.rules.idx", dir);
    CHECK(write_text(rules, text) == 0, "write %s", rules);
    CHECK(ss_syn_load(rules, plain, &err) == SS_OK, "load: %s", err.msg);
    CHECK(*plain && !ss_syn_indexed(*plain), "no index beside the table: indexed on reading");
    CHECK(*plain && ss_syn_write_index(*plain, idx, &err) == SS_OK, "write index: %s", err.msg);
    CHECK(ss_syn_load(rules, indexed, &err) == SS_OK, "load: %s", err.msg);
    CHECK(*indexed && ss_syn_indexed(*indexed), "the index beside the table is used");
}

/* A "=" group one of whose members is a list (parts set apart by 、 or ，):
 * a part finds the group's members that are no lists (ss_syn_lists_with),
 * through the compiled index as well; a part is no member. */
static void lists_of(const ss_syn *s, const char *word, char *out, size_t size)
{
    ss_syn_list g[4];
    size_t n = ss_syn_lists_with(s, word, strlen(word), g, 4);
    out[0] = '\0';
    for (size_t i = 0; i < n; i++)
        for (size_t f = 0; f < g[i].nforms; f++) {
            size_t at = strlen(out);
            snprintf(out + at, size - at, "%s%s", at ? "," : "", g[i].forms[f].text);
        }
}

static void test_lists(void)
{
    static const char lists[] = "放管服 = 放管服改革 = 简政放权、放管结合、优化服务\n"
                                "双碳 = 碳达峰，碳中和   # a comment\n"
                                "融资 ~ 资金、贷款\n"
                                "四早 = 早发现、早报告、早隔离、早治疗\n";
    static const struct {
        const char *word, *forms;
    } cases[] = {
        { "简政放权", "放管服,放管服改革" },
        { "优化服务", "放管服,放管服改革" },
        { "碳中和", "双碳" },
        { "早治疗", "四早" },
        { "放管服", "" },   /* a member, not a part */
        { "放管", "" },     /* no whole part */
        { "资金", "" },     /* a "~" line has no lists */
        { "不在表里", "" },
    };
    char dir[] = "/tmp/test_synonyms_lists.XXXXXX", rules[128], idx[128], got[1024];
    ss_syn *plain = NULL, *indexed = NULL;
    table_and_index(lists, dir, rules, idx, &plain, &indexed);
    for (size_t i = 0; plain && indexed && i < NELEM(cases); i++) {
        lists_of(plain, cases[i].word, got, sizeof got);
        CHECK_EQ_STR(got, cases[i].forms, cases[i].word);
        lists_of(indexed, cases[i].word, got, sizeof got);
        CHECK_EQ_STR(got, cases[i].forms, cases[i].word);
    }
    ss_syn_alt a[8];
    CHECK(plain && ss_syn_lookup(plain, "简政放权", strlen("简政放权"), a, 8) == 0,
          "a part is no member");
    CHECK(plain && ss_syn_lookup(plain, "放管服", strlen("放管服"), a, 8) == 2,
          "the group's members as before");
    ss_syn_free(plain);
    ss_syn_free(indexed);
    unlink(idx);
    unlink(rules);
    rmdir(dir);
}

static void test_index(void)
{
    static const char *const words[] = { "发改委", "发展改革委", "发展和改革委员会", "gdp", "GDP",
                                         "国内生产总值", "豫", "河南", "融资", "资金", "贷款",
                                         "经费", "不在表里", "发改", "新词", "旧词" };
    char dir[] = "/tmp/test_synonyms.XXXXXX", rules[128], idx[128];
    ss_syn *plain = NULL, *indexed = NULL;
    ss_err err;
    char want[4096], got[4096];
    table_and_index(table, dir, rules, idx, &plain, &indexed);
    all_lookups(plain, words, NELEM(words), want, sizeof want);
    all_lookups(indexed, words, NELEM(words), got, sizeof got);
    CHECK_EQ_STR(got, want, "lookups through the index = lookups of the table");
    ss_syn_free(indexed);
    indexed = NULL;

    /* the table edited (same length: one group's word changed) */
    char edited[sizeof table];
    memcpy(edited, table, sizeof table);
    char *at = strstr(edited, "经费");
    memcpy(at, "旧词", strlen("旧词"));
    CHECK(write_text(rules, edited) == 0, "write edited");
    CHECK(ss_syn_load(rules, &indexed, &err) == SS_OK, "load edited: %s", err.msg);
    CHECK(indexed && !ss_syn_indexed(indexed), "an index of another text is not used");
    ss_syn_alt a[8];
    CHECK(indexed && ss_syn_lookup(indexed, "旧词", strlen("旧词"), a, 8) == 1 &&
              strcmp(a[0].text, "资金") == 0, "the edited table's group is found");
    ss_syn_free(indexed);
    indexed = NULL;

    /* a truncated and a garbled index */
    CHECK(write_text(rules, table) == 0, "write table again");
    static const char *const bad[] = { "SSYNIX1\n", "garbage that is not an index at all......" };
    for (size_t i = 0; i < NELEM(bad); i++) {
        CHECK(write_text(idx, bad[i]) == 0, "write bad index");
        CHECK(ss_syn_load(rules, &indexed, &err) == SS_OK, "load: %s", err.msg);
        CHECK(indexed && !ss_syn_indexed(indexed), "bad index %zu not used", i);
        all_lookups(indexed, words, NELEM(words), got, sizeof got);
        CHECK_EQ_STR(got, want, "lookups without a usable index");
        ss_syn_free(indexed);
        indexed = NULL;
    }
    ss_syn_free(plain);
    unlink(idx);
    unlink(rules);
    rmdir(dir);

    /* the shipped table comes with its compiled index (make) */
    char path[4096];
    snprintf(path, sizeof path, "%s/synonyms.rules", ss_datadir());
    CHECK(ss_syn_load(path, &indexed, &err) == SS_OK, "%s: %s", path, err.msg);
    CHECK(indexed && ss_syn_indexed(indexed), "the shipped table's index is used");
    ss_syn_free(indexed);
}

static void test_numbers(void)
{
    static const struct {
        const char *word;
        const char *forms; /* "," between */
    } cases[] = {
        { "两千亿", "2000亿,二千亿,2千亿" },
        { "2000亿", "两千亿,二千亿,2千亿" },
        { "2000亿元", "两千亿元,二千亿元,2千亿元" },
        { "百万", "100万,1000000,一百万,1百万" },
        { "100万", "1000000,一百万,百万,1百万" },
        { "一百零五个", "105个" },
        { "十五", "15" },
        { "一万五千", "15000,1.5万" },
        /* a decimal before 万, 亿 or 万亿 is the whole number it makes, and
         * a figure has its decimal form (reports write 1.5亿吨, 2.35亿) */
        { "3.5亿", "35000万,三亿五千万" },
        { "1.5亿吨", "15000万吨,一亿五千万吨" },
        { "一亿五千万吨", "15000万吨,1.5亿吨" },
        { "1.5万亿元", "15000亿元,一万五千亿元" },
        { "2万亿", "20000亿,两万亿,二万亿" },
        { "2.35亿", "23500万,两亿三千五百万,二亿三千五百万" },
        { "1.2万人", "12000人,一万二千人" },
        { "1.05亿", "10500万,一亿零五百万" },
        { "2万年", "20000年,两万年,二万年" }, /* 万 before 年: an amount, not a year */
        { "1.5吨", "" },            /* other decimals keep their form */
        { "3.14", "" },
        { "1.23456万", "" },
        { "十四五", "" },           /* not one number */
        { "一带一路", "" },
        { "千方百计", "" },
        { "万众创新", "" },
        { "五年", "" },             /* one numeral: no figure */
        { "项目", "" },
        { "2019年", "" },            /* a year */
        { "778777777778", "七千七百八十七亿七千七百七十七万七千七百七十八" }, /* long: fits */
        { "一万亿", "10000亿,1万亿" },
        { "二〇〇八年", "2008年" },   /* a year in Chinese digits */
        { "一九九八年", "1998年" },
        { "二〇〇八", "" },           /* digits one by one, no amount */
        { "08年", "2008年" },          /* a short year, not 8年: this century's */
        { "2008", "" },               /* alone, a year too */
        { "3000", "三千" },
        /* 千 before 瓦, 克, 米… is kilo-, part of the unit */
        { "三千万千瓦", "3000万千瓦,30000000千瓦,3千万千瓦" },
        { "3000万千瓦", "30000000千瓦,三千万千瓦,3千万千瓦" },
        { "两亿千克", "2亿千克,二亿千克" },
        { "五千千米", "5000千米" },
        { "三千瓦", "" },              /* one numeral before the unit: no figure */
        /* percentages, both ways */
        { "百分之八十", "80%" },
        { "百分之五", "5%" },
        { "百分之一百二十", "120%" },
        { "80%", "百分之八十" },
        { "100%", "百分之一百" },
        { "百分之", "" },
        { "百分之百", "" },            /* a manner of speaking, not a figure */
        { "08%", "" },
        /* with decimals, as older reports write them in numerals */
        { "百分之五点三", "5.3%" },
        { "5.3%", "百分之五点三" },
        { "百分之五十三点七", "53.7%" },
        { "0.5%", "百分之零点五" },
        { "百分之零点五", "0.5%" },
        { "5.355%", "" },             /* two decimals at most */
        { "百分之五点", "" },
        { "百分之零", "" },
        { "百分之十", "10%" },          /* 十 alone is a figure after 百分之 */
        /* per mille, as reports give rates of birth and growth */
        { "千分之七", "7\xE2\x80\xB0" },
        { "6.5\xE2\x80\xB0", "千分之六点五" },
        { "千分之", "" },
        { "7\xE2\x80\xB0\xE2\x80\xB0", "" },
        /* written loosely: digits with 千/百, a decimal in numerals, one
         * numeral before 倍 or 个百分点 -- their digits, then those forms */
        { "3千亿", "3000亿,三千亿" },
        { "5百万", "500万,5000000,五百万" },
        { "3千万吨", "3000万吨,30000000吨,三千万吨" },
        { "3千瓦", "三千瓦" },          /* kilo-: 3 千瓦 as before */
        { "三点五万亿", "3.5万亿,35000亿,三万五千亿" },
        { "一点五亿", "1.5亿,15000万,一亿五千万" },
        { "零点五个百分点", "0.5个百分点" },
        { "一点五倍", "1.5倍" },
        { "三倍", "3倍" },
        { "两倍", "2倍,二倍" },
        { "十倍", "10倍" },
        { "3倍", "三倍" },
        { "三个百分点", "3个百分点" },
        { "十个百分点", "10个百分点" },
        { "15个百分点", "十五个百分点" },
        { "十五个百分点", "15个百分点" },
        /* 多 or 余 before 万 or 亿: more than the figure, in digits and in
         * numerals, with either word */
        { "两千多亿元", "2000多亿元,二千多亿元,2000余亿元,两千余亿元,二千余亿元" },
        { "2000多亿元", "两千多亿元,二千多亿元,2000余亿元,两千余亿元,二千余亿元" },
        { "300余万人", "300多万人,三百多万人,三百余万人" },
        { "十多亿元", "10多亿元,10余亿元,十余亿元" },  /* 十 alone before 多 and a unit */
        { "20多万亿", "二十多万亿,20余万亿,二十余万亿" },
        { "十多年", "" },               /* no 万 or 亿 after 多: one numeral, no figure */
        { "一万多亿", "" },             /* 万 before 多: not read */
        { "三千多亿元人民币", "" },     /* more than three characters after the unit */
        /* one numeral from two to ten and a measure of things counted */
        /* one digit and 千 or 百 before 万 or 亿 (1千亿美元); not before other units */
        { "一千亿美元", "1000亿美元,千亿美元,1千亿美元" },
        { "5000万吨", "50000000吨,五千万吨,5千万吨" },
        { "三千人", "3000人" },
        { "一百年", "100年,百年" },
        { "三家", "3家" },
        { "五成", "5成" },               /* tenths, counted the same way */
        { "一成", "" },
        { "十个", "10个" },
        { "两所", "2所,二所" },
        { "3家", "三家" },
        { "一个", "" },                 /* 一: mostly "a", no figure */
        { "98年", "九十八年" },         /* no 0: may count years (99年 of a lease) */
        { "05号", "" },                 /* a code */
        { "三次", "" },                 /* a measure of times: 三次产业 */
        { "三个代表", "" },             /* more than the measure */
        { "十年", "" },                 /* one numeral before other words: no figure */
        { "十大", "" },
        { "一点一滴", "" },
        { "三点", "" },
    };
    /* the word is len bytes, not up to a NUL: a figure inside a longer word */
    {
        const char *w = "十二年免费教育";
        char out[8][SS_NUM_FORM_MAX];
        size_t n = ss_num_forms(w, strlen("十二年"), out, 8);
        CHECK(n == 1 && strcmp(out[0], "12年") == 0, "十二年 of %s: %zu %s", w, n, n ? out[0] : "");
        n = ss_num_forms("2019年工作", strlen("2019"), out, 8);
        CHECK(n == 0, "2019 of 2019年工作: %zu", n);
    }
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char out[8][SS_NUM_FORM_MAX], got[512] = "";
        size_t n = ss_num_forms(cases[i].word, strlen(cases[i].word), out, 8);
        for (size_t k = 0; k < n; k++)
            snprintf(got + strlen(got), sizeof got - strlen(got), "%s%s", k ? "," : "", out[k]);
        CHECK_EQ_STR(got, cases[i].forms, cases[i].word);
    }
    static const struct {
        const char *han;
        unsigned long long v;
    } values[] = {
        { "两千亿", 200000000000ULL }, { "一百零五", 105 }, { "三百五", 350 },
        { "一万五", 15000 },           { "十万", 100000 },   { "二十", 20 },
        { "一亿零五百万", 105000000 }, { "十四五", 0 },      { "亿万", 0 },
        { "九百九十九万九千九百九十九亿九千九百九十九万九千九百九十九", 999999999999999ULL },
    };
    for (size_t i = 0; i < sizeof values / sizeof values[0]; i++) {
        int ok = 0;
        unsigned long long v = ss_num_parse_han(values[i].han, strlen(values[i].han), &ok);
        CHECK_EQ_INT(ok ? v : 0, values[i].v, values[i].han);
        if (values[i].v) {
            char back[SS_NUM_HAN_MAX];
            ss_num_to_han(values[i].v, 0, back);
            int ok2 = 0;
            CHECK_EQ_INT(ss_num_parse_han(back, strlen(back), &ok2), values[i].v, back);
        }
    }
}

int main(int argc, char **argv)
{
    (void)argc;
    test_lookup();
    test_bad_lines();
    test_shipped();
    test_index();
    test_lists();
    test_numbers();
    return check_report(argv[0]);
}
