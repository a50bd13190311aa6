/* test_gazetteer.c: the gazetteer (lib/gazetteer.c): loading, the
 * hierarchy the generator made (municipalities, 直辖县级), lookups of full
 * and short names, scanning sentences for places with high precision,
 * masked placeholders, bad data files, and load/scan speed.
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
    CHECK(ss_gaz_name(g, 0) == NULL && ss_gaz_name(g, (uint32_t)ss_gaz_count(g) + 1) == NULL,
          "ids out of range have no name");
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
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        CHECK_EQ_STR(name_of(g, first(g, cases[i][0])), cases[i][1], cases[i][0]);
    CHECK_EQ_INT(count_of(g, "东莞市"), 1, "a city without counties is not repeated as one");
    CHECK_EQ_INT(count_of(g, "东方"), 0, "no short form that is an everyday word (东方市)");
    CHECK_EQ_INT(count_of(g, "东方市"), 1, "but the full name is there");
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
    ss_gaz_close(g);
    return check_report(argv[0]);
}
