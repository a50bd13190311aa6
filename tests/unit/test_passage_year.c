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
    /* the plan's span, then the years written out */
    { "“十三五”时期（2016—2020年）的任务。", 0,
      "2016 2017 2018 2019 2020 2016 2017 2018 2019 2020" },
    { "全年完成1998万元，2008吨。", 0, "" },            /* a figure, not a year */
    { "1850年和2300年。", 0, "" },                      /* out of range */
    { "12008年", 0, "" },
    { "２００８年", 0, "2008" },                          /* full-width digits */
    /* spans: a five-year plan, the five years a report looks back on */
    { "“十一五”时期成就显著。", 0, "2006 2007 2008 2009 2010" },
    { "十二五以来", 0, "2011 2012 2013 2014 2015" },
    { "“十五”计划", 0, "2001 2002 2003 2004 2005" },
    { "九五时期", 0, "1996 1997 1998 1999 2000" },
    { "二十五个县，十五个乡。", 0, "" },                /* numbers, no plans */
    { "十五年来", 0, "" },
    { "过去五年，经济增长。", 2011, "2006 2007 2008 2009 2010" },
    { "过去五年", 0, "" },                              /* no date: no span */
    /* the year a report looks back on as a whole */
    { "一年来，我们战胜了灾害。", 2009, "2008" },
    { "过去的一年", 2014, "2013" },
    { "十一年来", 2009, "" },                           /* eleven years */
};

typedef struct {
    char buf[256];
    int spans, lookbacks;
} found;

static int on_year(void *arg, int year, size_t first, size_t last, int relative)
{
    found *f = arg;
    (void)first;
    (void)last;
    f->spans += relative == SS_YEAR_SPAN;
    f->lookbacks += relative == SS_YEAR_LOOKBACK;
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
        found f = { "", 0, 0 };
        ss_passage_years(&an, cases[i].speech_year, on_year, &f);
        CHECK_EQ_STR(f.buf, cases[i].years, t);
    }
    /* a span's years are told apart from the years written out, and so
     * is the look back (the ranker weighs them lower, the index skips spans) */
    static const struct {
        const char *text;
        int speech_year, spans, lookbacks;
    } kinds[] = {
        { "“十一五”时期（2006—2010年）", 0, 5, 0 },
        { "一年来，去年，2008年", 2009, 0, 1 },
    };
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
        ss_analysis an;
        ss_err err;
        const char *t = kinds[i].text;
        CHECK(ss_analyze_atoms(ac, t, strlen(t), &an, &err) == SS_OK, "analyse %s", t);
        found f = { "", 0, 0 };
        ss_passage_years(&an, kinds[i].speech_year, on_year, &f);
        CHECK_EQ_INT(f.spans, kinds[i].spans, t);
        CHECK_EQ_INT(f.lookbacks, kinds[i].lookbacks, t);
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
    static const struct {
        const char *heading;
        int year, speech_year, spans;
    } span_cases[] = {
        { "一、“十一五”时期工作回顾", 2008, 2011, 1 },
        { "一、“十一五”时期工作回顾", 2011, 2011, 0 },
        { "“十五”期间的主要成就", 2003, 0, 1 },
        { "二十五项任务", 2003, 0, 0 },
        { "过去五年工作回顾", 2009, 2013, 1 },
        { "过去五年工作回顾", 2013, 2013, 0 },
        { "一、2008年工作回顾", 2008, 2009, 0 }, /* a year, no span */
    };
    for (size_t i = 0; i < sizeof span_cases / sizeof span_cases[0]; i++) {
        const char *h = span_cases[i].heading;
        CHECK_EQ_INT(ss_text_spans(h, strlen(h), span_cases[i].year, span_cases[i].speech_year),
                     span_cases[i].spans, h);
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
