/* test_speech.c: splitting files into speeches and reading each speech's
 * metadata (lib/speech.c), on the seed corpus and on small made-up texts.
 *
 * SEEDS below is the metadata of every seed speech as established by
 * reading the seeds (see the notes); the test checks the output against it
 * and prints the accuracy (fields right / fields in the table).  Fields we
 * know we get wrong are marked in `miss` and reported, not failed.
 * Run from the repository root after `make build/data/gazetteer.tsv`. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyze.h"
#include "check.h"
#include "speech.h"

/* The shared analysis, for traditional script (opened in main). */
static ss_actx *AC;

enum { F_TITLE = 1, F_DATE = 2, F_PUB = 4, F_ROLE = 8, F_SPEAKER = 16, F_KIND = 32, F_REGION = 64 };
#define NFIELDS 7

typedef struct {
    const char *file;
    size_t speech; /* from 0 */
    const char *title, *date, *pubdate, *role, *speaker, *kind, *region; /* NULL: none */
    unsigned miss; /* F_* we know we get wrong */
} expect;

/* Truth by reading the seeds.  Dates are what the text itself supports
 * (no outside knowledge of holidays or events). */
static const expect SEEDS[] = {
    /* 000: title names the role; "更新时间:2023-02"; the city is masked (**市). */
    { "000_3fa501aca496f77f.txt", 0, "市委书记在全市地企合作联席会议第四次会议上的讲话", NULL,
      "2023-02", "市委书记", NULL, "speech", NULL, 0 },
    /* 001: five speeches in traditional script. 1: 2019 in the title, "2019年元旦假期过后";
     * "我代表市委、市人大常委会、市政府、市政协" (the party secretary); counties of 商丘. */
    { "001_cda34e4a1a25d2e2.txt", 0, "全市2019年招商引資和項目建設第一次推進會議講話稿",
      "2019-01", NULL, "市委书记", NULL, "speech", "商丘市", 0 },
    /* 2: "昨天…2月22日召开" + "2018年是…开局之年": 2018-02-23; 商丘 throughout; the
     * speaker (the mayor, "战营同志还要作重要讲话") is not named as such. */
    { "001_cda34e4a1a25d2e2.txt", 1, "全市招商引資和項目建設第一次推進會議上的講話", "2018-02-23",
      NULL, NULL, NULL, "speech", "商丘市", F_DATE },
    /* 3: a county report ("情况汇报"), "全县2010"; the county is 响水 (江苏). */
    { "001_cda34e4a1a25d2e2.txt", 2, "招商引資和項目推進情況", "2010", NULL, NULL, NULL, "report",
      "响水县", F_REGION },
    /* 4: county speech, place masked (xx), no date. */
    { "001_cda34e4a1a25d2e2.txt", 3, "在全縣項目建設招商引資推進會議上的講話材料稿", NULL, NULL,
      NULL, NULL, "speech", NULL, 0 },
    /* 5: report of a masked city (xx市); "2020年全市共安排重点项目", "今春…防疫": 2020. */
    { "001_cda34e4a1a25d2e2.txt", 4, "關于招商引資和項目建設推進情況的報告", "2020", NULL, NULL,
      NULL, "report", NULL, F_DATE },
    /* 002: no title line (the file name stands in); "同志们:"; a city of 河南 (全省
     * rankings against 郑州, 焦作, 新乡, 商丘), its own name masked. */
    { "002_be97a1da7821cc56.txt", 0, "002_be97a1da7821cc56.txt", NULL, NULL, NULL, NULL, "speech",
      "河南省", 0 },
    /* 003: news report: 原标题, reporters; "省委书记楼阳生出席并讲话"; a 河南 event;
     * "10月8日" without a year. */
    { "003_05f56bdb3f43f60b.txt", 0, "全省第二期“三个一批”活动举行", NULL, NULL, "省委书记",
      "楼阳生", "article", "河南省", 0 },
    /* 004: a web page: banner, compilation page title, a 常州 speech ("我代表中共常州市委"),
     * then a second speech with title, speaker and date lines. */
    { "004_16491a11ba5dc244.txt", 0, "2022年2月领导讲话汇编(30篇)(第9/17页)", "2022-02", NULL,
      "市委书记", NULL, "speech", "常州市", 0 },
    { "004_16491a11ba5dc244.txt", 1, "在全市高质量项目建设年动员大会上的讲话", "2022-02-07", NULL,
      "市委书记", "张淑萍", "speech", "朝阳市", 0 },
};

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = n >= 0 ? malloc((size_t)n + 1) : NULL;
    *len = buf ? fread(buf, 1, (size_t)n, f) : 0;
    if (buf)
        buf[*len] = '\0';
    fclose(f);
    return buf;
}

typedef struct {
    char *text;
    size_t len;
    ss_speeches s;
    int ok;
} parsed;

static parsed parse_seed(const char *file, const ss_gazetteer *g)
{
    parsed p = { NULL, 0, { NULL, 0 }, 0 };
    char path[256];
    snprintf(path, sizeof path, "corpus/%s", file);
    p.text = read_file(path, &p.len);
    ss_err err;
    p.ok = p.text && ss_split_speeches(p.text, p.len, file, g, AC, &p.s, &err) == SS_OK;
    CHECK(p.ok, "split %s", file);
    return p;
}

static void parsed_free(parsed *p)
{
    if (p->ok)
        ss_speeches_free(&p->s);
    free(p->text);
}

static int is_space_only(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!strchr(" \t\r\n", s[i]))
            return 0;
    return 1;
}

/* Spans cover the text, in order, with at most whitespace between them. */
static void check_spans(const parsed *p, const char *file)
{
    const ss_speeches *s = &p->s;
    CHECK(s->n >= 1 && s->v[0].start == 0, "%s: first speech starts at 0", file);
    for (size_t i = 0; i + 1 < s->n; i++)
        CHECK(s->v[i].start < s->v[i].end && s->v[i].end <= s->v[i + 1].start &&
                  is_space_only(p->text + s->v[i].end, s->v[i + 1].start - s->v[i].end),
              "%s: speech %zu span", file, i);
    CHECK(s->n >= 1 && s->v[s->n - 1].end == p->len, "%s: last speech ends at the end", file);
}

static void test_seed_spans(const ss_gazetteer *g)
{
    static const char *const files[] = { "000_3fa501aca496f77f.txt", "001_cda34e4a1a25d2e2.txt",
                                         "002_be97a1da7821cc56.txt", "003_05f56bdb3f43f60b.txt",
                                         "004_16491a11ba5dc244.txt" };
    static const size_t counts[] = { 1, 5, 1, 1, 2 };
    for (size_t i = 0; i < 5; i++) {
        parsed p = parse_seed(files[i], g);
        if (p.ok) {
            CHECK_EQ_INT(p.s.n, counts[i], files[i]);
            check_spans(&p, files[i]);
        }
        parsed_free(&p);
    }
}

static void test_compilation(const ss_gazetteer *g)
{
    parsed p = parse_seed("001_cda34e4a1a25d2e2.txt", g);
    static const char *const starts[] = { "第一篇", "第二篇", "第三篇", "第四篇", "第五篇" };
    for (size_t i = 0; p.ok && i < p.s.n && i < 5; i++)
        CHECK(strncmp(p.text + p.s.v[i].start, starts[i], strlen(starts[i])) == 0,
              "speech %zu starts at its marker", i);
    parsed_free(&p);
    p = parse_seed("004_16491a11ba5dc244.txt", g);
    const char *second = "在全市高质量项目建设年动员大会上的讲话";
    CHECK(p.ok && p.s.n == 2 && strncmp(p.text + p.s.v[1].start, second, strlen(second)) == 0,
          "004: the second speech starts at its title line");
    parsed_free(&p);
}

/* ---- the metadata table ---- */

static int same(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

typedef struct {
    int right, total;
} tally;

static void field(tally *t, const expect *e, unsigned f, const char *name, const char *got,
                  const char *want)
{
    int ok = same(got, want);
    t->total++;
    t->right += ok;
    if (e->miss & f) {
        printf("known miss %s #%zu %s: want [%s] got [%s]%s\n", e->file, e->speech + 1, name,
               want ? want : "-", got ? got : "-", ok ? " (now right: update the table)" : "");
        return;
    }
    CHECK(ok, "%s #%zu %s: want [%s] got [%s]", e->file, e->speech + 1, name, want ? want : "-",
          got ? got : "-");
}

static void check_row(tally *t, const expect *e, const ss_speech *sp, const ss_gazetteer *g)
{
    field(t, e, F_TITLE, "title", sp->title, e->title);
    field(t, e, F_DATE, "date", sp->date, e->date);
    field(t, e, F_PUB, "pubdate", sp->pubdate, e->pubdate);
    field(t, e, F_ROLE, "role", sp->role, e->role);
    field(t, e, F_SPEAKER, "speaker", sp->speaker, e->speaker);
    field(t, e, F_KIND, "kind", sp->kind, e->kind);
    field(t, e, F_REGION, "region", sp->region ? ss_gaz_name(g, sp->region) : NULL, e->region);
}

static void test_seed_metadata(const ss_gazetteer *g)
{
    tally t = { 0, 0 };
    for (size_t i = 0; i < sizeof SEEDS / sizeof SEEDS[0]; i++) {
        const expect *e = &SEEDS[i];
        parsed p = parse_seed(e->file, g);
        if (p.ok && e->speech < p.s.n)
            check_row(&t, e, &p.s.v[e->speech], g);
        else
            CHECK(0, "%s has no speech %zu", e->file, e->speech + 1);
        parsed_free(&p);
    }
    CHECK_EQ_INT(t.total, (int)(sizeof SEEDS / sizeof SEEDS[0]) * NFIELDS, "fields in the table");
    printf("seed metadata: %d/%d fields right (%.1f%%)\n", t.right, t.total,
           t.total ? 100.0 * t.right / t.total : 0.0);
}

/* Places each seed speech names, distinct, in order of first mention. */
static void test_seed_places(const ss_gazetteer *g)
{
    static const char *const want[][2] = {
        { "000_3fa501aca496f77f.txt", "" },
        { "002_be97a1da7821cc56.txt", "郑州市 焦作市 新乡市 商丘市 深圳市 重庆市" },
        { "003_05f56bdb3f43f60b.txt",
          "河南省 信阳市 郑州市 平顶山市 周口市 浙江省 漯河市 济源市" },
        { "004_16491a11ba5dc244.txt", "常州市" },
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        parsed p = parse_seed(want[i][0], g);
        char got[512] = "";
        for (size_t k = 0; p.ok && k < p.s.v[0].nregions; k++)
            snprintf(got + strlen(got), sizeof got - strlen(got), "%s%s", k ? " " : "",
                     ss_gaz_name(g, p.s.v[0].regions[k]));
        CHECK_EQ_STR(got, want[i][1], want[i][0]);
        parsed_free(&p);
    }
}

/* ---- made-up texts ---- */

static ss_speeches split(const char *text, const ss_gazetteer *g)
{
    ss_speeches s = { NULL, 0 };
    ss_err err;
    ss_code rc = ss_split_speeches(text, strlen(text), "FALLBACK", g, AC, &s, &err);
    CHECK_EQ_INT(rc, SS_OK, text);
    return s;
}

static void test_markers(const ss_gazetteer *g)
{
    ss_speeches s = split("汇编\n第1篇 在全县大会上的讲话\n正文一。\n"
                          "【第二篇】县长在会上的讲话\n正文二。\n第三篇文章不是标记\n",
                          g);
    CHECK_EQ_INT(s.n, 2, "第1篇 and 【第二篇】 split; a short preamble joins the first");
    if (s.n == 2) {
        CHECK_EQ_STR(s.v[0].title, "在全县大会上的讲话", "title after 第1篇");
        CHECK_EQ_STR(s.v[1].title, "县长在会上的讲话", "title after 【第二篇】");
        CHECK_EQ_STR(s.v[1].role, "县长", "role from the title");
        CHECK_EQ_INT(s.v[0].start, 0, "preamble in the first speech");
    }
    ss_speeches_free(&s);
    /* the parts of a plan hold chapters: one document */
    s = split("国民经济和社会发展第十一个五年规划纲要\n\n2006年3月14日大会批准\n\n"
              "第一篇　指导原则和发展目标\n第一章　关键时期\n正文一。\n"
              "第二篇　建设新农村\n第二章　发展现代农业\n正文二。\n",
              g);
    CHECK_EQ_INT(s.n, 1, "第一篇 over 第一章: parts of one plan");
    if (s.n == 1) {
        CHECK_EQ_STR(s.v[0].title, "国民经济和社会发展第十一个五年规划纲要", "the plan's title");
        CHECK_EQ_STR(s.v[0].date, "2006-03-14", "the plan's date");
    }
    ss_speeches_free(&s);
    /* a chapter before the first marker does not join the compilation */
    s = split("第一章　总则\n正文。\n第一篇 在全县大会上的讲话\n正文一。\n第二篇 县长在会上的讲话\n正文二。\n",
              g);
    CHECK_EQ_INT(s.n, 2, "a chapter only before the markers: they still split (the preamble joins)");
    ss_speeches_free(&s);
}

static void test_title_speaker_date_split(const ss_gazetteer *g)
{
    ss_speeches s = split("在全市大会上的讲话\n商丘市委书记王某某\n（2021年3月5日）\n"
                          "同志们：今天开会。\n最后，祝大会成功！\n\n"
                          "在全县大会上的致辞\n张三同志\n2020年1月2日\n今天是个好日子。\n",
                          g);
    CHECK_EQ_INT(s.n, 2, "title + speaker + date lines open a speech");
    if (s.n == 2) {
        CHECK_EQ_STR(s.v[0].speaker, "王某某", "speaker name");
        CHECK_EQ_STR(s.v[0].role, "市委书记", "role");
        CHECK_EQ_STR(s.v[0].date, "2021-03-05", "date line in full-width brackets");
        CHECK_EQ_STR(g ? ss_gaz_name(g, s.v[0].region) : "商丘市", "商丘市",
                     "region from the role");
        CHECK_EQ_STR(s.v[1].date, "2020-01-02", "bare date line");
        CHECK_EQ_STR(s.v[1].speaker, "张三", "name with 同志");
        CHECK_EQ_STR(s.v[1].kind, "speech", "致辞 is a speech");
    }
    ss_speeches_free(&s);
    s = split("原标题：省长出席会议\n王凯出席并讲话\n本报记者 李四\n会议强调，要抓项目。\n", g);
    CHECK_EQ_INT(s.n, 1, "a news heading with 讲话 does not split");
    ss_speeches_free(&s);
}

static void test_dates(const ss_gazetteer *g)
{
    static const char *const cases[][2] = {
        { "全市2019年项目建设会议讲话\n正文，投资2844亿元，共计193730个字。\n", "2019" },
        { "2022年2月领导讲话汇编\n正文。\n", "2022-02" },
        { "某某会议上的讲话\n2019年元旦假期过后，我们召开会议，投资1762.7亿元。\n", "2019-01" },
        { "某某会议上的讲话\n投资2844亿元，1762.7亿元，增长6.4%，第9/17页。\n", NULL },
        { "某某会议上的讲话\n正文。\n同志们，2018年是改革开放40周年的关键之年，是好的一年。\n",
          "2018" },
        { "关于项目情况的报告\n全县2010\n去年以来，在县委、县政府的正确领导下，抢抓机遇，"
          "紧紧围绕年初目标，招商引资和项目建设保持强势推进，取得了很好的成绩。\n",
          "2010" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ss_speeches s = split(cases[i][0], g);
        CHECK(s.n == 1 && same(s.v[0].date, cases[i][1]), "date of [%s]: want %s got %s",
              cases[i][0], cases[i][1] ? cases[i][1] : "-",
              s.n && s.v[0].date ? s.v[0].date : "-");
        ss_speeches_free(&s);
    }
}

/* A speech whose text names no date takes the date its file's name
 * begins with; one that names a date keeps it. */
static void test_name_date(const ss_gazetteer *g)
{
    static const char *const cases[][3] = {
        { "同志们：\n今天召开会议。\n", "2020-02-24_01.txt", "2020-02-24" },
        { "同志们：\n今天召开会议。\n", "1956-八大报告.txt", "1956" },
        { "同志们：\n今天召开会议。\n", "讲话.txt", NULL },
        { "在全县大会上的讲话\n（2019年3月5日）\n正文。\n", "2020-02-24_01.txt", "2019-03-05" },
        /* a year two or more after the file's is a target, not the date */
        { "第十四个五年规划和2035年远景目标纲要\n\n正文。\n", "2021-十四五规划纲要.txt", "2021" },
        { "1976—1985年发展国民经济十年规划纲要\n\n正文。\n", "1976-五五计划摘要.txt", "1976" },
        /* the December before the year a report is named for is its date */
        { "政府工作报告\n（2012年12月20日在市人民代表大会上）\n正文。\n", "2013_银川市.txt",
          "2012-12-20" },
        { "2014年政府工作报告\n\n正文。\n", "2013_某市.txt", "2014" },
        /* a full date written in Chinese numerals */
        { "政府工作报告\n——二〇〇三年一月八日在某市第二届人民代表大会第一次会议上\n正文。\n",
          "2003_某市.txt", "2003-01-08" },
        { "政府工作报告——二〇一七年二月二十日在某省人民代表大会上\n正文。\n", "x.txt",
          "2017-02-20" },
        { "中国共产党章程\n（一九五六年九月二十六日中国共产党第八次全国代表大会通过）\n正文。\n", "x.txt",
          "1956-09-26" },
        { "某县工作汇报\n（二〇〇八年十二月）\n正文。\n", "x.txt", "2008-12" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ss_speeches s = { NULL, 0 };
        ss_err err;
        CHECK(ss_split_speeches(cases[i][0], strlen(cases[i][0]), cases[i][1], g, AC, &s, &err) ==
                  SS_OK,
              "split %s", cases[i][1]);
        CHECK(s.n == 1 && same(s.v[0].date, cases[i][2]), "date of %s: want %s got %s",
              cases[i][1], cases[i][2] ? cases[i][2] : "-", s.n && s.v[0].date ? s.v[0].date : "-");
        ss_speeches_free(&s);
    }
}

/* A first line that is no head line may still hold the title: a title
 * that runs on into the text after a colon, or a long title alone on its
 * line before a blank line.  {text, title, kind, date}. */
static void test_first_line_title(const ss_gazetteer *g)
{
    static const char *const cases[][4] = {
        /* title, colon, the text run on (it opens as a speech does) */
        { "领导讲话稿（2020-01-09，原文无标题）：同志们：在全党开展主题教育，是一件大事…\n\n"
          "同志们：\n在全党开展主题教育，是一件大事。\n",
          "领导讲话稿（2020-01-09，原文无标题）", "speech", "2020-01-09" },
        /* ... or the title ends with a bracket */
        { "市长在全市大会上的讲话（2019年3月5日）：今年的工作很重，任务很多，大家要一起努力，把各项工作做好，做实，做细。\n"
          "正文第二段。\n",
          "市长在全市大会上的讲话（2019年3月5日）", "speech", "2019-03-05" },
        /* a long title alone on the first line, a blank line after it */
        { "弘扬合作精神 深化团结协作构建更加紧密的共同体——在某组织成员国元首理事会第二十次会议上的讲话（2020年11月10日，北京）\n\n"
          "尊敬的各位同事：\n很高兴出席会议。\n",
          "弘扬合作精神 深化团结协作构建更加紧密的共同体——在某组织成员国元首理事会第二十次会议上的讲话（2020年11月10日，北京）",
          "speech", "2020-11-10" },
        /* the same line with the text on the next line: not known as a title */
        { "弘扬合作精神 深化团结协作构建更加紧密的共同体——在某组织成员国元首理事会第二十次会议上的讲话（2020年11月10日，北京）\n"
          "尊敬的各位同事：\n很高兴出席会议。\n",
          "FALLBACK", NULL, NULL },
        /* a sentence before the colon: text, not a title */
        { "会议听取了工作报告。大家认为：今年的工作很重，任务很多，大家要一起努力，把各项工作做好，做实。\n"
          "正文第二段。\n",
          "FALLBACK", NULL, NULL },
        /* a colon after a speaker's name is no title's end */
        { "主持人：今年的工作很重，任务很多，大家要一起努力，把各项工作做好，做实，做细，这是讲话的要求。\n"
          "正文第二段。\n",
          "FALLBACK", NULL, NULL },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ss_speeches s = split(cases[i][0], g);
        CHECK(s.n == 1, "case %zu: one speech", i);
        if (s.n != 1) {
            ss_speeches_free(&s);
            continue;
        }
        CHECK(same(s.v[0].title, cases[i][1]), "case %zu: title want %s got %s", i, cases[i][1],
              s.v[0].title);
        CHECK(same(s.v[0].kind, cases[i][2]), "case %zu: kind want %s got %s", i,
              cases[i][2] ? cases[i][2] : "-", s.v[0].kind ? s.v[0].kind : "-");
        CHECK(same(s.v[0].date, cases[i][3]), "case %zu: date want %s got %s", i,
              cases[i][3] ? cases[i][3] : "-", s.v[0].date ? s.v[0].date : "-");
        ss_speeches_free(&s);
    }
}

static void test_pubdate_kind(const ss_gazetteer *g)
{
    ss_speeches s = split("2021年政府工作报告\n发布时间：2021年3月5日 来源：网站\n各位代表：\n", g);
    CHECK(s.n == 1, "one speech");
    if (s.n == 1) {
        CHECK_EQ_STR(s.v[0].pubdate, "2021-03-05", "发布时间");
        CHECK_EQ_STR(s.v[0].date, "2021", "year from the title, not the pubdate");
        CHECK_EQ_STR(s.v[0].kind, "report", "工作报告 is a report");
        CHECK_EQ_STR(s.v[0].title, "2021年政府工作报告", "title");
    }
    ss_speeches_free(&s);
    s = split("在日报创刊七十周年大会上的讲话\n（2021年3月5日）\n同志们：今天开会。\n", g);
    CHECK(s.n == 1 && same(s.v[0].kind, "speech") && same(s.v[0].date, "2021-03-05"),
          "a formal title naming the press is no byline");
    ss_speeches_free(&s);
    s = split("原标题:全省会议召开\n省委书记张三出席并讲话\n河南日报记者 李四\n"
              "会议在郑州召开，张三强调。\n河南要发展，河南要前进。\n",
              g);
    if (s.n == 1) {
        CHECK_EQ_STR(s.v[0].kind, "article", "原标题 makes a news article");
        CHECK_EQ_STR(s.v[0].title, "全省会议召开", "原标题 prefix dropped");
        CHECK_EQ_STR(s.v[0].speaker, "张三", "the news heading's speaker");
        CHECK_EQ_STR(s.v[0].role, "省委书记", "role written before the name");
        CHECK_EQ_STR(g ? ss_gaz_name(g, s.v[0].region) : "河南省", "河南省", "region most named");
    }
    ss_speeches_free(&s);
    /* a communiqué is a report by its title; a gazette named in the head is not */
    s = split("某省统计局关于2019年国民经济和社会发展的统计公报\n\n2019年全省经济平稳运行。\n", g);
    CHECK(s.n == 1 && same(s.v[0].kind, "report"), "统计公报 in the title: a report");
    ss_speeches_free(&s);
    s = split("2023年机构改革的情况\n《某某委员会公报/2023年/第三号》\n\n关于改革方案的决定。\n", g);
    CHECK(s.n == 1 && !s.v[0].kind, "a gazette's name in the head: no kind");
    ss_speeches_free(&s);
}

/* A place the title names inside the region the text makes dominant is
 * the speech's own; one outside it, or two apart, leave that region.
 * {text, own region}. */
static void test_title_region(const ss_gazetteer *g)
{
    if (!g)
        return;
    static const char *const cases[][2] = {
        /* a city's report whose text names places all over its province */
        { "2014年贵阳市政府工作报告\n\n全省发展很好。贵州省加快建设，遵义市、安顺市、六盘水市、"
          "毕节市、铜仁市都在发展，贵州省的项目很多，贵州省要前进。\n",
          "贵阳市" },
        /* the title names a city of another province: the text's region stays */
        { "2016年沧州市政府工作报告\n\n池州市发展很好，池州市加快建设，安徽省要前进，池州市的项目很多。"
          "池州市的城市很美，池州市的人民很好，池州市的山水很好，池州市的旅游很好。\n",
          "池州市" },
        /* two places apart in the title: the text's region stays */
        { "遵义市与安顺市合作会议上的讲话\n\n贵州省发展很好，贵州省加快建设，贵州省要前进。\n",
          "贵州省" },
        /* no place dominates the text: the title's */
        { "在贵阳市经济工作会议上的讲话\n\n同志们：今年的工作很重。\n", "贵阳市" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ss_speeches s = split(cases[i][0], g);
        CHECK(s.n == 1 && s.v[0].region && strcmp(ss_gaz_name(g, s.v[0].region), cases[i][1]) == 0,
              "case %zu: own region want %s got %s", i, cases[i][1],
              s.n && s.v[0].region ? ss_gaz_name(g, s.v[0].region) : "-");
        ss_speeches_free(&s);
    }
}

/* Speakers named by a title: a name, a colon, a speech's title; a name
 * before 讲话稿.  {text, speaker, title}. */
static void test_title_speaker(const ss_gazetteer *g)
{
    static const char *const cases[][3] = {
        { "张三：在全县经济工作会议上的讲话（2020年1月8日）\n\n同志们：\n今天开会。\n", "张三",
          "张三：在全县经济工作会议上的讲话（2020年1月8日）" },
        { "张三：构建新发展格局——在工商领导人对话会上的主旨演讲（2020年11月19日）\n\n正文。\n",
          "张三", "张三：构建新发展格局——在工商领导人对话会上的主旨演讲（2020年11月19日）" },
        { "张三讲话稿（2020-01-09）\n\n同志们：\n今天开会。\n", "张三", "张三讲话稿（2020-01-09）" },
        /* no name before the colon, or no speech after it */
        { "会议纪要：在全县经济工作会议上的讲话\n\n正文。\n", NULL, NULL },
        { "张三：关于项目建设的几点思考\n\n正文。\n", NULL, NULL },
        /* a title ending with its date and speaker in brackets, any surname */
        { "某市政府工作报告 （2016年1月17日 项雪龙）\n\n各位代表：\n现在作报告。\n", "项雪龙",
          "某市政府工作报告 （2016年1月17日 项雪龙）" },
        { "某市政府工作报告（2019年1月8日郄英才）\n\n各位代表：\n现在作报告。\n", "郄英才", NULL },
        { "某市政府工作报告 （2014年2月11日 回建 ）\n\n各位代表：\n现在作报告。\n", "回建", NULL },
        { "某市政府工作报告（2018年1月17日）\n\n各位代表：\n现在作报告。\n", NULL, NULL },
        { "某市政府工作报告（2018年1月17日 讲话稿）\n\n各位代表：\n现在作报告。\n", NULL, NULL },
        /* a news line: the speaker delivers the report */
        { "2009年某市政府工作报告\n朱明市长作政府工作报告\n各位代表：\n现在作报告。\n", "朱明", NULL },
        { "2007年某市政府工作报告\n市长戴相龙作政府工作报告\n各位代表：\n现在作报告。\n", "戴相龙",
          NULL },
        /* a report's title line, its motto, then the occasion and the speaker */
        { "2001年某省人民政府工作报告\n\n团结奋进 务实创新\n\n"
          "——2001年2月7日在某省第九届人民代表大会第四次会议上的报告\n\n某省人民政府省长 张三\n\n"
          "各位代表：\n\n现在作报告。\n",
          "张三", "2001年某省人民政府工作报告" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ss_speeches s = split(cases[i][0], g);
        CHECK(s.n == 1 && same(s.v[0].speaker, cases[i][1]), "case %zu: speaker want %s got %s", i,
              cases[i][1] ? cases[i][1] : "-", s.n && s.v[0].speaker ? s.v[0].speaker : "-");
        CHECK(!cases[i][2] || (s.n == 1 && same(s.v[0].title, cases[i][2])),
              "case %zu: title want %s got %s", i, cases[i][2] ? cases[i][2] : "-",
              s.n ? s.v[0].title : "-");
        ss_speeches_free(&s);
    }
}

static void test_traditional(const ss_gazetteer *g)
{
    ss_speeches s = split("第一篇:在全縣會議上的講話[精選]\n縣長在會上說，商丘市睢縣發展很好。\n"
                          "第二篇:關於項目建設的報告\n這是報告。\n",
                          g);
    CHECK_EQ_INT(s.n, 2, "traditional compilation");
    if (s.n == 2) {
        CHECK_EQ_STR(s.v[0].title, "在全縣會議上的講話", "title in the original script, no tag");
        CHECK_EQ_STR(s.v[0].kind, "speech", "講話 is a speech");
        CHECK_EQ_STR(s.v[1].kind, "report", "報告 is a report");
        CHECK(!g || (s.v[0].nregions == 2 &&
                     strcmp(ss_gaz_name(g, s.v[0].regions[1]), "睢县") == 0),
              "places found in traditional text");
    }
    ss_speeches_free(&s);
}

static void test_edges(const ss_gazetteer *g)
{
    ss_speeches s = split("", g);
    CHECK(s.n == 1 && s.v[0].start == 0 && s.v[0].end == 0, "empty text: one empty speech");
    CHECK(s.n == 1 && strcmp(s.v[0].title, "FALLBACK") == 0, "empty text: fallback title");
    ss_speeches_free(&s);
    s = split("\n\n  \r\n", g);
    CHECK(s.n == 1 && s.v[0].end == 6 && s.v[0].date == NULL, "blank text");
    ss_speeches_free(&s);
    s = split("同志们：今天我们在这里开会，研究部署全年工作，很重要。", g);
    CHECK(s.n == 1 && strcmp(s.v[0].title, "FALLBACK") == 0, "no title line: fallback");
    CHECK(s.n == 1 && same(s.v[0].kind, "speech"), "同志们 opens a speech");
    ss_speeches_free(&s);
    s = split("河南省商丘市的讲话\n正文。\n", NULL);
    CHECK(s.n == 1 && s.v[0].nregions == 0 && s.v[0].region == 0, "no gazetteer: no places");
    ss_speeches_free(&s);
    s = split("\xff\xfe" "bad\n第一篇\xe8\n", g);
    CHECK(s.n >= 1, "invalid UTF-8 survives");
    ss_speeches_free(&s);
    ss_speeches_free(&s); /* twice is harmless */
}

int main(int argc, char **argv)
{
    (void)argc;
    ss_err err;
    ss_gazetteer *g = NULL;
    if (ss_gaz_open(NULL, &g, &err) != SS_OK) {
        CHECK(0, "open the gazetteer: %s (make build/data/gazetteer.tsv)", err.msg);
        return check_report(argv[0]);
    }
    ss_analyzer *an = NULL;
    if (ss_analyzer_open(NULL, &an, &err) != SS_OK || !(AC = ss_actx_new(an))) {
        CHECK(0, "open the analyzer: %s (make build/data/dict.bin)", err.msg);
        ss_gaz_close(g);
        ss_analyzer_close(an);
        return check_report(argv[0]);
    }
    test_seed_spans(g);
    test_compilation(g);
    test_seed_metadata(g);
    test_seed_places(g);
    test_markers(g);
    test_title_speaker_date_split(g);
    test_dates(g);
    test_pubdate_kind(g);
    test_name_date(g);
    test_first_line_title(g);
    test_title_region(g);
    test_title_speaker(g);
    test_traditional(g);
    test_edges(g);
    test_edges(NULL);
    ss_gaz_close(g);
    ss_actx_free(AC);
    ss_analyzer_close(an);
    return check_report(argv[0]);
}
