/* test_speech_parts.c: the modules of the speech splitter one by one
 * (lib/speech_int.h), a table each: line classes (speech_lines.c), dates
 * (speech_date.c), speaker lines and roles (speech_who.c).  The whole
 * splitter, with kind and places, is test_speech.c. */
#include <stdio.h>
#include <string.h>

#include "../../lib/speech_int.h"
#include "base.h"
#include "check.h"

/* ---- speech_lines.c ---- */

static void test_line_classes(void)
{
    static const struct {
        const char *line;
        int marker;  /* sp_marker_end finds a marker */
        int title;   /* sp_is_title_line */
        int news;    /* sp_is_news_line */
        int meta;    /* sp_is_meta_line */
        int body;    /* sp_starts_body */
    } cases[] = {
        { "第一篇 在全县大会上的讲话", 1, 1, 0, 0, 0 },
        { "【第二篇】县长在会上的讲话", 1, 1, 0, 0, 0 },
        { "第三篇文章不是标记", 0, 0, 0, 0, 0 },
        { "在全市大会上的讲话", 0, 1, 0, 0, 0 },
        { "一、关于项目建设的报告", 0, 0, 0, 0, 0 },
        { "在全市大会上的讲话。", 0, 0, 0, 0, 0 },
        { "河南日报记者 李铮", 0, 0, 1, 1, 0 },
        { "楼阳生出席并讲话", 0, 1, 1, 1, 0 },
        { "在记者节座谈会上的讲话", 0, 1, 0, 0, 0 },
        { "更新时间:2023-02 来源:网友投稿", 0, 0, 0, 1, 0 },
        { "同志们：今天开会。", 0, 0, 0, 0, 1 },
        { "各位代表：", 0, 0, 0, 0, 1 },
    };
    for (size_t i = 0; i < NELEM(cases); i++) {
        const char *s = cases[i].line;
        size_t n = strlen(s);
        CHECK_EQ_INT(sp_marker_end(s, n) != NOT_FOUND, cases[i].marker, s);
        /* the title test is also false for a news heading */
        CHECK_EQ_INT(sp_is_title_line(s, n), cases[i].title && !cases[i].news, s);
        CHECK_EQ_INT(sp_is_news_line(s, n), cases[i].news, s);
        CHECK_EQ_INT(sp_is_meta_line(s, n), cases[i].meta, s);
        CHECK_EQ_INT(sp_starts_body(s, n), cases[i].body, s);
    }
    static const struct {
        const char *line;
        int crumb;
    } crumbs[] = {
        { "首页 > 领导讲话 > 正文", 1 }, { "当前位置：讲话", 1 }, { "首页", 0 },
        { "新闻 » 讲话 » 正文", 1 }, { "在全市大会上的讲话", 0 },
    };
    for (size_t i = 0; i < NELEM(crumbs); i++)
        CHECK_EQ_INT(sp_is_breadcrumb_line(crumbs[i].line, strlen(crumbs[i].line)),
                     crumbs[i].crumb, crumbs[i].line);
    /* the text after a marker and its separators */
    const char *m = "第1篇：标题";
    CHECK_EQ_STR(m + sp_marker_end(m, strlen(m)), "标题", "text after 第1篇：");
}

static void test_doc_lines(ss_actx *ac)
{
    static const struct {
        const char *text;
        int t2s;            /* with the shared analysis */
        size_t lines;       /* non-blank lines */
        const char *last;   /* last line as matched (simplified) */
    } cases[] = {
        { "一\n\n  二  \n三", 1, 3, "三" },
        { "", 1, 0, NULL },
        { "\n\n", 1, 0, NULL },
        /* traditional script: matched on a simplified copy, line for line */
        { "這是國務院會議上的講話\n\n\u3000 經濟發展 \n", 1, 2, "经济发展" },
        { "這個\n", 1, 1, "这个" },
        /* without the analysis, as it is */
        { "這個\n", 0, 1, "這個" },
    };
    for (size_t i = 0; i < NELEM(cases); i++) {
        doc d;
        ss_err err;
        ss_code rc = sp_doc_build(&d, cases[i].text, strlen(cases[i].text),
                                  cases[i].t2s ? ac : NULL, &err);
        CHECK_EQ_INT(rc, SS_OK, cases[i].text);
        if (rc != SS_OK)
            continue;
        CHECK_EQ_INT(d.n, cases[i].lines, cases[i].text);
        if (cases[i].last && d.n) {
            size_t n, k = d.n - 1;
            const char *s = ltext(&d, k, &n);
            char buf[128];
            snprintf(buf, sizeof buf, "%.*s", (int)n, s);
            CHECK_EQ_STR(buf, cases[i].last, cases[i].text);
            CHECK_EQ_INT(lchars(&d, k), utf8_count(d.orig + d.ln[k].os, d.ln[k].oe - d.ln[k].os),
                         "a line keeps its character count");
        }
        sp_doc_free(&d);
    }
}

/* ---- speech_date.c ---- */

static void test_name_dates(void)
{
    static const struct {
        const char *name, *date; /* NULL: none */
    } cases[] = {
        { "2020-02-24_01.txt", "2020-02-24" }, { "2016_宜春市.txt", "2016" },
        { "1956-八大报告.txt", "1956" },       { "1945-七大政治报告.txt", "1945" },
        { "1945.txt", NULL },                  /* a year alone before 1949: a number */
        { "2019年政府工作报告", "2019" },      { "讲话稿.txt", NULL },
        { "12345.txt", NULL },                 { "3000吨.txt", NULL },
        { "1899-x.txt", NULL },                { "", NULL },
    };
    for (size_t i = 0; i < NELEM(cases); i++) {
        ymd y = sp_name_date(cases[i].name);
        char buf[16];
        const char *got = y.y ? sp_format_date(&y, buf) : NULL;
        CHECK(got ? cases[i].date && strcmp(got, cases[i].date) == 0 : !cases[i].date,
              "date of the name [%s]: want %s got %s", cases[i].name,
              cases[i].date ? cases[i].date : "-", got ? got : "-");
    }
}

static void test_date_lines(void)
{
    static const struct {
        const char *line;
        const char *date; /* NULL: not a date line */
    } cases[] = {
        { "（2022年2月7日）", "2022-02-07" },
        { "2020年1月2日", "2020-01-02" },
        { "——2019年12月31日", "2019-12-31" },
        { "(2021-03-05)", "2021-03-05" },
        { "2021年3月", NULL },          /* not a full date */
        { "2021年3月5日讲话", NULL },   /* more than a date */
        { "1899年1月1日", NULL },       /* out of range */
        { "1945年5月14日", "1945-05-14" }, /* before 1949 with its month */
        { "（1945-05-14）", "1945-05-14" },
        { "商丘市委书记王某某", NULL },
    };
    for (size_t i = 0; i < NELEM(cases); i++) {
        ymd y = { 0, 0, 0 };
        int got = sp_is_date_line(cases[i].line, strlen(cases[i].line), &y);
        char buf[16];
        CHECK_EQ_INT(got, cases[i].date != NULL, cases[i].line);
        if (got && cases[i].date)
            CHECK_EQ_STR(sp_format_date(&y, buf), cases[i].date, cases[i].line);
    }
    static const struct {
        ymd x;
        const char *s;
    } formats[] = {
        { { 2019, 0, 0 }, "2019" }, { { 2019, 3, 0 }, "2019-03" },
        { { 2019, 3, 5 }, "2019-03-05" }, { { 0, 0, 0 }, "" },
    };
    for (size_t i = 0; i < NELEM(formats); i++) {
        char buf[16];
        CHECK_EQ_STR(sp_format_date(&formats[i].x, buf), formats[i].s, formats[i].s);
    }
    static const struct {
        const char *line;
        int pub;
    } pubs[] = {
        { "更新时间:2023-02", 1 }, { "发布时间：2021年3月5日", 1 }, { "在全市大会上的讲话", 0 },
    };
    for (size_t i = 0; i < NELEM(pubs); i++)
        CHECK_EQ_INT(sp_is_pubdate_line(pubs[i].line, strlen(pubs[i].line)), pubs[i].pub,
                     pubs[i].line);
}

/* ---- speech_who.c ---- */

static void test_speaker_lines(void)
{
    static const struct {
        const char *line;
        int ok;
        const char *role; /* NULL: none */
        const char *name;
        const char *place; /* the words before the role */
    } cases[] = {
        { "商丘市委书记王某某", 1, "市委书记", "王某某", "商丘" },
        { "张三同志", 1, NULL, "张三", "" },
        { "——省长 李 铮", 1, "省长", "李铮", "" },
        { "中共常州市委副书记", 1, "市委副书记", "", "中共常州" },
        { "常务副县长", 1, "常务副县长", "", "" },
        { "国务院总理　李克强", 1, "总理", "李克强", "国务院" },   /* a full-width blank */
        { "国务院代总理　李鹏", 1, "总理", "李鹏", "国务院代" },
        { "国务院副总理　谭震林", 1, "副总理", "谭震林", "国务院" },
        { "国务院副总理兼国家计划委员会主任　李富春", 1, "副总理", "李富春", "国务院" },
        { "国务院副总理兼国家计划委员会主任", 0, NULL, "", "" },   /* no name */
        { "今天开会，市委书记讲话", 0, NULL, "", "" },  /* sentence punctuation */
        { "在全市大会上的讲话", 0, NULL, "", "" },      /* no role, not a name */
        { "一二三四五", 0, NULL, "", "" },              /* no surname */
    };
    for (size_t i = 0; i < NELEM(cases); i++) {
        const char *s = cases[i].line;
        speaker_line sl;
        int ok = sp_parse_speaker_line(s, strlen(s), &sl);
        CHECK_EQ_INT(ok, cases[i].ok, s);
        if (!ok || !cases[i].ok)
            continue;
        CHECK_EQ_STR(sl.role >= 0 ? sp_role_name(sl.role) : "-",
                     cases[i].role ? cases[i].role : "-", s);
        CHECK_EQ_STR(sl.name, cases[i].name, s);
        if (sl.role >= 0) {
            char place[64];
            snprintf(place, sizeof place, "%.*s", (int)(sl.role_at - sl.place_start),
                     s + sl.place_start);
            CHECK_EQ_STR(place, cases[i].place, s);
        }
    }
}

int main(int argc, char **argv)
{
    (void)argc;
    ss_err err;
    ss_analyzer *an = NULL;
    ss_actx *ac = NULL;
    if (ss_analyzer_open(NULL, &an, &err) != SS_OK || !(ac = ss_actx_new(an))) {
        CHECK(0, "open the analyzer: %s (make build/data/dict.bin)", err.msg);
        ss_analyzer_close(an);
        return check_report(argv[0]);
    }
    test_line_classes();
    test_doc_lines(ac);
    test_date_lines();
    test_name_dates();
    test_speaker_lines();
    ss_actx_free(ac);
    ss_analyzer_close(an);
    return check_report(argv[0]);
}
