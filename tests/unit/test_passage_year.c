/* Tests of passage_year.c: the years a passage speaks of, written out or
 * named by 去年/今年/明年 against its speech's year. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyze.h"
#include "check.h"
#include "fixture.h"
#include "passage_year.h"

static const struct {
    const char *text;
    int speech_year;
    const char *years; /* the years found, in text order */
} cases[] = {
    { "2008年发生特大地震。", 2009, "2008" },
    { "去年经济增长8%，今年预期7%，明年继续。", 2009, "2008 2009 2010" },
    { "上年粮食增产，前年遭灾。", 2012, "2011 2010" },
    { "去年如此。", 0, "" },                              /* no date: no relative years */
    { "二〇〇八年奥运会，二零一零年世博会。", 0, "2008 2010" },
    { "“十三五”时期（2016—2020年）的任务。", 0, "2016 2017 2018 2019 2020" },
    { "全年完成1998万元，2008吨。", 0, "" },            /* a figure, not a year */
    { "1850年和2300年。", 0, "" },                      /* out of range */
    { "12008年", 0, "" },
    { "２００８年", 0, "2008" },                          /* full-width digits */
};

typedef struct {
    char buf[256];
} found;

static int on_year(void *arg, int year, size_t first, size_t last, int relative)
{
    found *f = arg;
    (void)first;
    (void)last;
    (void)relative;
    size_t n = strlen(f->buf);
    snprintf(f->buf + n, sizeof f->buf - n, "%s%d", n ? " " : "", year);
    return 0;
}

static void test_years(ss_actx *ac)
{
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ss_analysis an;
        ss_err err;
        const char *t = cases[i].text;
        CHECK(ss_analyze_atoms(ac, t, strlen(t), &an, &err) == SS_OK, "analyse %s", t);
        found f = { "" };
        ss_passage_years(&an, cases[i].speech_year, on_year, &f);
        CHECK_EQ_STR(f.buf, cases[i].years, t);
    }
}

static const struct {
    const char *heading;
    int year, speech_year, says;
} heading_cases[] = {
    { "1998年", 1998, 0, 1 },
    { "一九九八年", 1998, 0, 1 },
    { "去年工作回顾", 2008, 2009, 1 },
    { "去年工作回顾", 2008, 2010, 0 },
    { "今年工作安排", 2009, 2009, 1 },
    { "一、总体要求", 1998, 1999, 0 },
};

static void test_headings(void)
{
    for (size_t i = 0; i < sizeof heading_cases / sizeof heading_cases[0]; i++) {
        const char *h = heading_cases[i].heading;
        CHECK_EQ_INT(ss_text_speaks_of(h, strlen(h), heading_cases[i].year,
                                       heading_cases[i].speech_year),
                     heading_cases[i].says, h);
    }
}

static void test_speech_year(void)
{
    static const char terms[] = "XR410000\0Y2009\0XSfoo\0";
    strbuf sb = { (char *)terms, sizeof terms - 1, 0 };
    CHECK_EQ_INT(ss_speech_year_of_terms(&sb), 2009, "Y2009 among the speech's terms");
    static const char none[] = "XR410000\0Y20\0XY2008\0";
    strbuf sb2 = { (char *)none, sizeof none - 1, 0 };
    CHECK_EQ_INT(ss_speech_year_of_terms(&sb2), 0, "no speech year");
    CHECK_EQ_INT(ss_speech_year_of_terms(NULL), 0, "no terms");
}

/* Every test of this program, over the analysis context ac. */
static void run_all(ss_actx *ac)
{
    CHECK(ac != NULL, "context");
    if (ac)
        test_years(ac);
    test_headings();
    test_speech_year();
}

int main(int argc, char **argv)
{
    (void)argc;
    return test_with_actx(argv[0], run_all);
}
