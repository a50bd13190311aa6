/* Tests of synonyms.c (the table's format and lookups) and numbers.c
 * (figures in their other written forms), and that the shipped table
 * corpus/data/synonyms.rules reads without error. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyze.h"
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
    ss_syn_free(s);
}

static void test_numbers(void)
{
    static const struct {
        const char *word;
        const char *forms; /* "," between */
    } cases[] = {
        { "两千亿", "2000亿,二千亿" },
        { "2000亿", "两千亿,二千亿" },
        { "2000亿元", "两千亿元,二千亿元" },
        { "百万", "100万,1000000,一百万" },
        { "100万", "1000000,一百万,百万" },
        { "一百零五个", "105个" },
        { "十五", "15" },
        { "一万五千", "15000" },
        { "3.5亿", "" },            /* decimals keep their form */
        { "十四五", "" },           /* not one number */
        { "一带一路", "" },
        { "千方百计", "" },
        { "万众创新", "" },
        { "五年", "" },             /* one numeral: no figure */
        { "项目", "" },
        { "2019年", "" },            /* a year */
        { "778777777778", "七千七百八十七亿七千七百七十七万七千七百七十八" }, /* long: fits */
        { "一万亿", "10000亿" },
        { "二〇〇八年", "2008年" },   /* a year in Chinese digits */
        { "一九九八年", "1998年" },
        { "二〇〇八", "" },           /* digits one by one, no amount */
        { "08年", "" },               /* a short year, not 8年 */
        { "2008", "" },               /* alone, a year too */
        { "3000", "三千" },
    };
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
    test_numbers();
    return check_report(argv[0]);
}
