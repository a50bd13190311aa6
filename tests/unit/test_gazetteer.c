/* test_gazetteer.c: the gazetteer (lib/gazetteer.c): loading, the
 * hierarchy the generator made (municipalities, 直辖县级), lookups of full
 * and short names, scanning sentences for places with high precision,
 * masked placeholders, bad data files, and load/scan speed; the groups of
 * places (区域, region_groups.tsv) a query may name, and that scans never
 * report them.
 * Run from the repository root after `make build/data/gazetteer.tsv`. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "gazetteer.h"

/* The first place a name may mean, 0 if none. */
static uint32_t first(const ss_gazetteer *g, const char *name)
{
    uint32_t ids[8];
    return ss_gaz_lookup(g, name, strlen(name), ids, 8) ? ids[0] : 0;
}

static size_t count_of(const ss_gazetteer *g, const char *name)
{
    uint32_t ids[16];
    return ss_gaz_lookup(g, name, strlen(name), ids, 16);
}

static const char *name_of(const ss_gazetteer *g, uint32_t id)
{
    const char *n = ss_gaz_name(g, id);
    return n ? n : "(none)";
}

static void test_load(const ss_gazetteer *g)
{
    CHECK(ss_gaz_count(g) > 3000 && ss_gaz_count(g) < 4000, "place count %zu", ss_gaz_count(g));
    uint32_t henan = first(g, "河南省");
    CHECK_EQ_STR(ss_gaz_code(g, henan), "410000", "code of 河南省");
    CHECK_EQ_INT(ss_gaz_level(g, henan), SS_GAZ_PROVINCE, "level of 河南省");
    CHECK_EQ_INT(ss_gaz_parent(g, henan), 0, "province has no parent");
    CHECK(ss_gaz_name(g, 0) == NULL && ss_gaz_name(g, (uint32_t)ss_gaz_count(g) + 1000) == NULL,
          "ids out of range (past places and groups) have no name");
    CHECK_EQ_INT(ss_gaz_level(g, 0), 0, "level of id 0");
}

static void test_lookup_basic(const ss_gazetteer *g)
{
    uint32_t henan = first(g, "河南省"), shangqiu = first(g, "商丘");
    CHECK_EQ_STR(name_of(g, first(g, "河南")), "河南省", "河南 -> 河南省");
    CHECK_EQ_STR(name_of(g, shangqiu), "商丘市", "商丘 -> 商丘市");
    CHECK_EQ_INT(ss_gaz_parent(g, shangqiu), henan, "商丘市 under 河南省");
    CHECK_EQ_STR(ss_gaz_code(g, shangqiu), "411400", "code of 商丘市");
    uint32_t suiyang = first(g, "睢阳区");
    CHECK_EQ_INT(count_of(g, "睢阳区"), 1, "睢阳区 is one place");
    CHECK_EQ_INT(ss_gaz_parent(g, suiyang), shangqiu, "睢阳区 under 商丘市");
    CHECK_EQ_INT(ss_gaz_level(g, suiyang), SS_GAZ_COUNTY, "睢阳区 is a county-level unit");
    CHECK_EQ_INT(count_of(g, "睢阳"), 0, "a 区 keeps its suffix");
    CHECK_EQ_STR(name_of(g, first(g, "民权")), "民权县", "county short form 民权");
    CHECK_EQ_INT(count_of(g, "不存在的地方"), 0, "unknown name");
    CHECK_EQ_INT(count_of(g, "县"), 0, "a bare suffix names nothing");
}

static void test_lookup_short_forms(const ss_gazetteer *g)
{
    static const char *const cases[][2] = {
        { "内蒙古", "内蒙古自治区" },         { "广西", "广西壮族自治区" },
        { "新疆", "新疆维吾尔自治区" },       { "宁夏", "宁夏回族自治区" },
        { "西藏", "西藏自治区" },             { "延边", "延边朝鲜族自治州" },
        { "湘西", "湘西土家族苗族自治州" },   { "博尔塔拉", "博尔塔拉蒙古自治州" },
        { "克孜勒苏", "克孜勒苏柯尔克孜自治州" }, { "香港", "香港特别行政区" },
        { "北京", "北京市" },                 { "阿克苏", "阿克苏地区" },
        { "锡林郭勒", "锡林郭勒盟" },         { "东莞", "东莞市" },
        /* an autonomous prefecture as its short form and 州 */
        { "延边州", "延边朝鲜族自治州" },     { "凉山州", "凉山彝族自治州" },
        { "海南州", "海南藏族自治州" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        CHECK_EQ_STR(name_of(g, first(g, cases[i][0])), cases[i][1], cases[i][0]);
    CHECK_EQ_INT(count_of(g, "东莞市"), 1, "a city without counties is not repeated as one");
    CHECK_EQ_INT(count_of(g, "东方"), 0, "no short form that is an everyday word (东方市)");
    CHECK_EQ_INT(count_of(g, "东方市"), 1, "but the full name is there");
    CHECK_EQ_INT(count_of(g, "商丘州"), 0, "州 after a city that is no autonomous prefecture");
    CHECK_EQ_INT(count_of(g, "郑州"), 1, "a name ending in 州 is itself");
    CHECK_EQ_INT(count_of(g, "州"), 0, "州 alone names nothing");
}

static void test_lookup_hierarchy(const ss_gazetteer *g)
{
    uint32_t beijing = first(g, "北京"), jiyuan = first(g, "济源");
    CHECK_EQ_INT(ss_gaz_level(g, beijing), SS_GAZ_PROVINCE, "北京市 is province-level");
    uint32_t ids[8];
    size_t n = ss_gaz_lookup(g, "朝阳区", strlen("朝阳区"), ids, 8);
    CHECK_EQ_INT(n, 2, "two districts called 朝阳区");
    CHECK(n == 2 && ss_gaz_parent(g, ids[0]) == beijing, "北京 朝阳区 hangs right under 北京市");
    CHECK_EQ_STR(ss_gaz_code(g, ids[0]), "110105", "code of 北京 朝阳区");
    CHECK_EQ_INT(ss_gaz_parent(g, jiyuan), first(g, "河南省"), "济源市 (直辖县级) under 河南省");
    CHECK_EQ_INT(ss_gaz_level(g, jiyuan), SS_GAZ_COUNTY, "济源市 is county-level");
    CHECK_EQ_INT(ss_gaz_parent(g, first(g, "石河子市")), first(g, "新疆"), "石河子 under 新疆");
}

static void test_lookup_ambiguous(const ss_gazetteer *g)
{
    uint32_t ids[8];
    size_t n = ss_gaz_lookup(g, "朝阳", strlen("朝阳"), ids, 8);
    CHECK(n >= 2, "朝阳 is ambiguous (%zu)", n);
    CHECK(n >= 2 && strcmp(name_of(g, ids[0]), "朝阳市") == 0 &&
              strcmp(name_of(g, ids[1]), "朝阳县") == 0,
          "朝阳: the city before the county");
    n = ss_gaz_lookup(g, "吉林", strlen("吉林"), ids, 8);
    CHECK(n == 2 && ss_gaz_level(g, ids[0]) == SS_GAZ_PROVINCE &&
              strcmp(name_of(g, ids[1]), "吉林市") == 0,
          "吉林: the province, then the city");
    n = ss_gaz_lookup(g, "海南", strlen("海南"), ids, 8);
    CHECK(n == 2 && strcmp(name_of(g, ids[0]), "海南省") == 0, "海南: the province first");
    n = ss_gaz_lookup(g, "朝阳", strlen("朝阳"), ids, 1);
    CHECK(n == 1 && strcmp(name_of(g, ids[0]), "朝阳市") == 0, "max 1 keeps the best");
    CHECK_EQ_INT(ss_gaz_lookup(g, "朝阳", strlen("朝阳"), ids, 0), 0, "max 0");
}

/* ---- scanning ---- */

typedef struct {
    const ss_gazetteer *g;
    char out[1024];
} names;

static int collect(void *arg, uint32_t id, size_t start, size_t end)
{
    names *n = arg;
    (void)start;
    (void)end;
    size_t len = strlen(n->out);
    snprintf(n->out + len, sizeof n->out - len, "%s%s", len ? "|" : "", ss_gaz_name(n->g, id));
    return 0;
}

static const char *scan(const ss_gazetteer *g, const char *text, names *n)
{
    ss_err err;
    n->g = g;
    n->out[0] = '\0';
    ss_code rc = ss_gaz_scan(g, text, strlen(text), collect, n, &err);
    CHECK_EQ_INT(rc, SS_OK, text);
    return n->out;
}

/* Sentences and the places they name, in order ("" none). */
static const char *const SCAN_CASES[][2] = {
    { "河南商丘睢阳区", "河南省|商丘市|睢阳区" },
    { "商丘市委书记在睢县、柘城、永城市调研", "商丘市|睢县|柘城县|永城市" },
    { "辽宁朝阳", "辽宁省|朝阳市" },
    { "朝阳市委书记张淑萍讲话。构筑朝阳高质量发展的四梁八柱", "朝阳市|朝阳市" },
    { "洛阳老城区", "洛阳市|老城区" },
    { "南京市鼓楼区和鼓楼区", "南京市|鼓楼区|鼓楼区" },
    { "内蒙古、广西、新疆、延边、西藏、香港、台湾",
      "内蒙古自治区|广西壮族自治区|新疆维吾尔自治区|延边朝鲜族自治州|"
      "西藏自治区|香港特别行政区|台湾省" },
    { "郑州有3家、焦作有6家、新乡有5家", "郑州市|焦作市|新乡市" },
    { "浙江大学、南昌大学、中以常州创新园", "浙江省|南昌市|常州市" },
    { "海南省，吉林省长春，中山市", "海南省|吉林省|长春市|中山市" },
    /* everyday words that are also place names */
    { "各位来宾，朝阳产业，长治久安，江山就是人民，大同社会，平安安康，三明治", "" },
    { "建设新乡村，老城区改造，城区道路，沿海城市，新兴城市，复合肥，东方红", "" },
    { "市和县两级，新县城，平安阳光，区域发展，市场经济，同心同德，合作共赢", "" },
    { "孙中山先生，黄山松，大理石，哈尔滨", "哈尔滨市" },
    { "鼓楼区", "" }, /* four cities have one: no guess */
    { "柘城", "" },   /* a county short form needs its city nearby */
    { "", "" },
};

static void test_scan_precision(const ss_gazetteer *g)
{
    names n;
    for (size_t i = 0; i < sizeof SCAN_CASES / sizeof SCAN_CASES[0]; i++)
        CHECK_EQ_STR(scan(g, SCAN_CASES[i][0], &n), SCAN_CASES[i][1], SCAN_CASES[i][0]);
}

static void test_scan_masks(const ss_gazetteer *g)
{
    names n;
    CHECK_EQ_STR(scan(g, "支持**市加快建设，xx县、××区、X市、x县长、**同志、某县", &n), "",
                 "masked placeholders");
    CHECK_EQ_STR(scan(g, "**东区、xx朝阳区、××商丘市", &n), "", "a place name after a mask");
    CHECK_EQ_STR(scan(g, "xx市与商丘市", &n), "商丘市", "a real place next to a mask");
}

static int stop_first(void *arg, uint32_t id, size_t start, size_t end)
{
    (void)id;
    (void)start;
    (void)end;
    ++*(int *)arg;
    return 1;
}

static void test_scan_spans(const ss_gazetteer *g)
{
    names n;
    const char *t = "在河南省商丘市";
    scan(g, t, &n);
    int calls = 0;
    ss_err err;
    CHECK_EQ_INT(ss_gaz_scan(g, t, strlen(t), stop_first, &calls, &err), SS_OK, "scan stops");
    CHECK_EQ_INT(calls, 1, "callback returning nonzero stops the scan");
    CHECK_EQ_INT(ss_gaz_scan(NULL, t, strlen(t), stop_first, &calls, &err), SS_OK,
                 "NULL gazetteer");
    const char *bad = "河南\xff\xfe商丘\xe5";
    CHECK_EQ_STR(scan(g, bad, &n), "河南省|商丘市", "invalid UTF-8 is stepped over");
}

static int span_of(void *arg, uint32_t id, size_t start, size_t end)
{
    size_t *sp = arg;
    (void)id;
    sp[0] = start;
    sp[1] = end;
    return 1;
}

static void test_scan_offsets(const ss_gazetteer *g)
{
    size_t sp[2] = { 0, 0 };
    const char *t = "ab 商丘市的";
    ss_err err;
    ss_gaz_scan(g, t, strlen(t), span_of, sp, &err);
    CHECK(sp[0] == 3 && sp[1] == 3 + strlen("商丘市"), "byte span [%zu,%zu)", sp[0], sp[1]);
}

/* ---- bad files ---- */

static ss_code open_text(const char *text, ss_err *err)
{
    char path[] = "/tmp/ss_gazetteer_XXXXXX";
    int fd = mkstemp(path);
    FILE *f = fd >= 0 ? fdopen(fd, "wb") : NULL;
    if (!f)
        return SS_EIO;
    fputs(text, f);
    fclose(f);
    ss_gazetteer *g = NULL;
    ss_code rc = ss_gaz_open(path, &g, err);
    ss_gaz_close(g);
    remove(path);
    return rc;
}

static void test_bad_files(void)
{
    ss_err err;
    ss_gazetteer *g = (ss_gazetteer *)&err;
    CHECK_EQ_INT(ss_gaz_open("tests/out/no-such-gazetteer.tsv", &g, &err), SS_ENOTFOUND, "missing");
    CHECK(g == NULL, "out is NULL on failure");
    CHECK_EQ_INT(open_text("410000\t1\t-\t河南省\n411400\t2\t419900\t商丘市\n", &err), SS_ECORRUPT,
                 "unknown parent");
    CHECK_EQ_INT(open_text("410000\t1\t-\n", &err), SS_ECORRUPT, "missing field");
    CHECK_EQ_INT(open_text("410000\t4\t-\t河南省\n", &err), SS_ECORRUPT, "bad level");
    CHECK_EQ_INT(open_text("410000\t1\t-\t河南省\n410000\t1\t-\t河南省\n", &err), SS_ECORRUPT,
                 "duplicate code");
    CHECK_EQ_INT(open_text("# nothing\n", &err), SS_ECORRUPT, "no places");
    CHECK_EQ_INT(open_text("410000\t1\t-\t河南省\r\n411400\t2\t410000\t商丘市", &err), SS_OK,
                 "CRLF and no final newline");
}

/* ---- groups of places (region_groups.tsv) ---- */

/* The codes of the places an area name stands for, sorted, joined by
 * spaces ("" when the name is no area). */
static const char *area_codes(const ss_gazetteer *g, const char *name, char *out, size_t cap)
{
    uint32_t ids[8], m[32];
    size_t n = ss_gaz_lookup_area(g, name, strlen(name), ids, 8), k = 0;
    for (size_t i = 0; i < n; i++)
        k += ss_gaz_members(g, ids[i], m + k, 32 - k);
    for (size_t i = 1; i < k; i++) /* insertion sort by code */
        for (size_t j = i; j > 0 && strcmp(ss_gaz_code(g, m[j - 1]), ss_gaz_code(g, m[j])) > 0;
             j--) {
            uint32_t t = m[j];
            m[j] = m[j - 1];
            m[j - 1] = t;
        }
    out[0] = '\0';
    for (size_t i = 0, len = 0; i < k && len + 8 < cap; i++, len = strlen(out))
        snprintf(out + len, cap - len, "%s%s", len ? " " : "", ss_gaz_code(g, m[i]));
    return out;
}

/* Names and the codes of the places they stand for as an area. */
static const char *const AREA_CASES[][2] = {
    { "东北", "210000 220000 230000" },
    { "东北地区", "210000 220000 230000" },
    { "东三省", "210000 220000 230000" },
    { "京津冀", "110000 120000 130000" },
    { "长三角", "310000 320000 330000 340000" },
    { "长江三角洲", "310000 320000 330000 340000" },
    { "中部地区", "140000 340000 360000 410000 420000 430000" },
    { "东部地区", "110000 120000 130000 310000 320000 330000 350000 370000 440000 460000" },
    { "西部地区", "150000 450000 500000 510000 520000 530000 540000 610000 620000 630000 "
                  "640000 650000" },
    { "珠三角", "440100 440300 440400 440600 440700 441200 441300 441900 442000" },
    { "粤港澳大湾区", "440100 440300 440400 440600 440700 441200 441300 441900 442000 "
                      "810000 820000" },
    { "粤港澳", "440000 810000 820000" },
    { "成渝", "500000 510000" },
    /* places stay places */
    { "河南", "410000" },
    { "商丘市", "411400" },
    /* ordinary words and policies are no area */
    { "西部", "" },
    { "东部", "" },
    { "中部", "" },
    { "西部大开发", "" },
    { "东北振兴", "" },
    { "地区", "" },
};

static void test_groups_lookup(const ss_gazetteer *g)
{
    char buf[256];
    for (size_t i = 0; i < sizeof AREA_CASES / sizeof AREA_CASES[0]; i++)
        CHECK_EQ_STR(area_codes(g, AREA_CASES[i][0], buf, sizeof buf), AREA_CASES[i][1],
                     AREA_CASES[i][0]);
    /* a group is not a place: the indexer's lookups never give it */
    CHECK_EQ_INT(count_of(g, "东北"), 0, "ss_gaz_lookup(东北) knows places only");
    CHECK_EQ_INT(count_of(g, "长三角"), 0, "ss_gaz_lookup(长三角) knows places only");
    uint32_t id = 0;
    CHECK_EQ_INT(ss_gaz_lookup_area(g, "东北", strlen("东北"), &id, 1), 1, "东北 is an area");
    CHECK_EQ_INT(ss_gaz_level(g, id), SS_GAZ_GROUP, "level of a group");
    CHECK_EQ_STR(name_of(g, id), "东北地区", "a group's name is its first");
    CHECK(ss_gaz_code(g, id) == NULL, "a group has no code");
    CHECK_EQ_INT(ss_gaz_parent(g, id), 0, "a group has no parent");
    CHECK_EQ_INT(ss_gaz_lookup_area(g, "东北", strlen("东北"), &id, 0), 0, "max 0");
}

/* Places and areas: is the place inside? */
static const struct {
    const char *place, *area;
    int in;
} WITHIN_CASES[] = {
    { "沈阳市", "东北", 1 },     { "哈尔滨市", "东三省", 1 }, { "辽宁省", "东北地区", 1 },
    { "南京市", "长三角", 1 },   { "合肥市", "长三角", 1 },   { "广州市", "长三角", 0 },
    { "天河区", "珠三角", 1 },   { "汕头市", "珠三角", 0 },   { "广东省", "珠三角", 0 },
    { "澳门", "粤港澳大湾区", 1 }, { "澳门", "珠三角", 0 }, { "汕头市", "粤港澳", 1 },   { "成都市", "成渝", 1 },
    { "商丘市", "河南", 1 },     { "河南省", "商丘市", 0 },   { "商丘市", "中部地区", 1 },
};

/* Names that stand for a place on their own (a query word beginning with
 * one splits: lib/qparse.c) and those that need context. */
static void test_names_alone(const ss_gazetteer *g)
{
    static const struct {
        const char *name;
        int alone;
    } cases[] = {
        { "许昌", 1 },   { "许昌市", 1 }, { "河南", 1 },  { "河南省", 1 },
        { "海南", 1 },   /* the province, though the city's short form is weak */
        { "东北", 1 },   { "京津冀", 1 }, { "长三角", 1 }, /* groups */
        { "鄢陵县", 1 }, /* a county's full name */
        { "朝阳", 0 },   { "大同", 0 },   /* city short forms that are words */
        { "鄢陵", 0 },   /* a county's short form */
        { "城区", 0 },   { "新县", 0 },   /* full names that are words */
        { "西部", 0 },   { "项目", 0 },   { "", 0 },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        CHECK_EQ_INT(ss_gaz_names_alone(g, cases[i].name, strlen(cases[i].name)), cases[i].alone,
                     cases[i].name);
}

static void test_groups_within(const ss_gazetteer *g)
{
    for (size_t i = 0; i < sizeof WITHIN_CASES / sizeof WITHIN_CASES[0]; i++) {
        uint32_t area = 0;
        ss_gaz_lookup_area(g, WITHIN_CASES[i].area, strlen(WITHIN_CASES[i].area), &area, 1);
        CHECK_EQ_INT(ss_gaz_within(g, first(g, WITHIN_CASES[i].place), area), WITHIN_CASES[i].in,
                     WITHIN_CASES[i].place);
    }
}

/* Texts naming groups: scans report only the places written. */
static const char *const GROUP_SCAN_CASES[][2] = {
    { "振兴东北老工业基地，东北地区，东三省", "" },
    { "长三角一体化、京津冀协同发展、粤港澳大湾区、成渝地区双城经济圈", "" },
    { "西部大开发，中部崛起，东部率先", "" },
    { "辽宁是东北的老工业基地", "辽宁省" },
};

static void test_groups_not_scanned(const ss_gazetteer *g)
{
    names n;
    for (size_t i = 0; i < sizeof GROUP_SCAN_CASES / sizeof GROUP_SCAN_CASES[0]; i++)
        CHECK_EQ_STR(scan(g, GROUP_SCAN_CASES[i][0], &n), GROUP_SCAN_CASES[i][1],
                     GROUP_SCAN_CASES[i][0]);
}

/* Opens a gazetteer of two provinces with the groups file text beside it
 * (NULL: none); returns the open's code and, when it worked, how many
 * places 东北 stands for. */
static ss_code open_groups(const char *groups, size_t *members, ss_err *err)
{
    char dir[] = "/tmp/ss_groups_XXXXXX", gz[64], gr[64];
    *members = 0;
    if (!mkdtemp(dir))
        return SS_EIO;
    snprintf(gz, sizeof gz, "%s/gazetteer.tsv", dir);
    snprintf(gr, sizeof gr, "%s/region_groups.tsv", dir);
    FILE *f = fopen(gz, "wb");
    if (f) {
        fputs("210000\t1\t-\t辽宁省\n220000\t1\t-\t吉林省\n", f);
        fclose(f);
    }
    f = groups ? fopen(gr, "wb") : NULL;
    if (f) {
        fputs(groups, f);
        fclose(f);
    }
    ss_gazetteer *g = NULL;
    ss_code rc = ss_gaz_open(gz, &g, err);
    uint32_t id, m[SS_GAZ_MAX_MEMBERS];
    if (rc == SS_OK && ss_gaz_lookup_area(g, "东北", strlen("东北"), &id, 1))
        *members = ss_gaz_members(g, id, m, SS_GAZ_MAX_MEMBERS);
    ss_gaz_close(g);
    remove(gz);
    remove(gr);
    rmdir(dir);
    return rc;
}

static const struct {
    const char *text; /* NULL: no groups file */
    ss_code rc;
    size_t members;
    const char *what;
} GROUP_FILE_CASES[] = {
    { NULL, SS_OK, 0, "no groups file: places only" },
    { "# comment\n210000 220000\t东北\t东三省\n", SS_OK, 2, "a group" },
    { "210000  220000\t东北\r\n", SS_OK, 2, "two spaces, CRLF" },
    { "210000 999999\t东北\n", SS_ECORRUPT, 0, "unknown member" },
    { "210000 220000\n", SS_ECORRUPT, 0, "no names" },
    { "\t东北\n", SS_ECORRUPT, 0, "no members" },
    { "210000\t东\n", SS_ECORRUPT, 0, "one-character name" },
    { "210000\t辽宁\n", SS_ECORRUPT, 0, "name of a place" },
    { "210000\t东北\n220000\t东北\n", SS_ECORRUPT, 0, "name in two groups" },
    /* SS_GAZ_MAX_MEMBERS (32: the 27 provincial seats fit) and one more */
    { "210000 210000 210000 210000 210000 210000 210000 210000 210000 210000 210000 210000 "
      "210000 210000 210000 210000 210000 210000 210000 210000 210000 210000 210000 210000 "
      "210000 210000 210000 210000 210000 210000 210000 210000\t东北\n",
      SS_OK, 32, "32 members" },
    { "210000 210000 210000 210000 210000 210000 210000 210000 210000 210000 210000 210000 "
      "210000 210000 210000 210000 210000 210000 210000 210000 210000 210000 210000 210000 "
      "210000 210000 210000 210000 210000 210000 210000 210000 210000\t东北\n",
      SS_ECORRUPT, 0, "33 members" },
};

static void test_group_files(void)
{
    for (size_t i = 0; i < sizeof GROUP_FILE_CASES / sizeof GROUP_FILE_CASES[0]; i++) {
        ss_err err;
        size_t members = 0;
        CHECK_EQ_INT(open_groups(GROUP_FILE_CASES[i].text, &members, &err),
                     GROUP_FILE_CASES[i].rc, GROUP_FILE_CASES[i].what);
        CHECK_EQ_INT(members, GROUP_FILE_CASES[i].members, GROUP_FILE_CASES[i].what);
    }
}

int main(int argc, char **argv)
{
    (void)argc;
    ss_err err;
    ss_gazetteer *g = NULL;
    ss_code rc = ss_gaz_open(NULL, &g, &err);
    CHECK_EQ_INT(rc, SS_OK, "open the default gazetteer (make build/data/gazetteer.tsv)");
    if (rc != SS_OK) {
        printf("%s\n", err.msg);
        return check_report(argv[0]);
    }
    test_load(g);
    test_lookup_basic(g);
    test_lookup_short_forms(g);
    test_lookup_hierarchy(g);
    test_lookup_ambiguous(g);
    test_scan_precision(g);
    test_scan_masks(g);
    test_scan_spans(g);
    test_scan_offsets(g);
    test_bad_files();
    test_groups_lookup(g);
    test_groups_within(g);
    test_names_alone(g);
    test_groups_not_scanned(g);
    test_group_files();
    ss_gaz_close(g);
    return check_report(argv[0]);
}
