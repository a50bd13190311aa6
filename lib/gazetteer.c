/* gazetteer.c: Chinese administrative divisions, looked up and found in text
 * (see gazetteer.h).
 *
 * Why this shape: a query process opens the gazetteer for one query, so
 * loading must be cheap (one read of an 87 KB TSV, names used in place,
 * one hash table; about 1 ms), and speeches name places in
 * short forms (商丘, 河南) that are often ordinary words too (朝阳产业,
 * 各位来宾, 江山), so precision needs rules, not just a dictionary.
 *
 * Data: corpus/data/gazetteer.tsv, "code \t level \t parent \t name" per
 * line, parents first (tools/mk_gazetteer.js).  Each place has its full
 * name as a key and, where the rule below allows, one short form.
 *
 * Short forms (short_form()):
 *   province  drop 省 / 市 (municipalities) / 自治区 / 特别行政区, then any
 *             trailing nationality: 河南省->河南, 北京市->北京,
 *             广西壮族自治区->广西, 新疆维吾尔自治区->新疆, 内蒙古自治区->内蒙古;
 *   city      drop 市 / 地区 / 盟 / 自治州 (+ nationalities): 商丘市->商丘,
 *             延边朝鲜族自治州->延边, 湘西土家族苗族自治州->湘西;
 *   county    drop 县 / 旗 / 自治县 / 自治旗 / 林区 / 特区 / 市 (+ nationalities);
 *             a 区 is never dropped (睢阳区 stays 睢阳区).
 *   A short form must keep at least 2 characters; county short forms that
 *   are everyday words (东方, 合作, 江山, 同心…) are not made at all.
 *
 * Weak keys need context in ss_gaz_scan (lookups return them all):
 *   WEAK_SELF  city short forms that are also words (朝阳, 来宾, 大同,
 *              安康, 中山…): only when the same place is named elsewhere in
 *              the text (e.g. by its full name) or right after its parent;
 *   WEAK_CTX   every county short form, every 2-character county full
 *              name (新县, 和县) and X城市 (海城市 in 沿海城市): only when
 *              the county, its city, or a place under that city is named
 *              unambiguously elsewhere, or right after its parent, or (said
 *              at least twice) when its province is named;
 *   ADJ        full names that are words (城区, 郊区, 老城区, 市中区,
 *              合作市): only right after their parent (洛阳老城区).
 *
 * Scan: left to right, the longest key at each position wins; a key
 * right after a mask character (**市, xx县, ××区) is skipped, as are keys
 * continuing into a word (…区域, …市场, 新乡村).  Ambiguous keys are
 * resolved by context (a candidate named unambiguously elsewhere, then one
 * whose ancestor is, then a full name, then the higher level); a tie left
 * over is dropped rather than guessed.
 *
 * Ownership: ss_gazetteer owns the file buffer; names and codes returned
 * point into it and live until ss_gaz_close.  No global mutable state.
 *
 * This file loads the tables and looks names up; scanning text is
 * gazetteer_scan.c; gazetteer_int.h is what both share. */
#include "gazetteer.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base.h"
#include "datadir.h"
#include "gazetteer_int.h"
#include "utf8.h"

/* ---- word lists (const) ---- */

static const char *const PROVINCE_SUFFIX[] = { "特别行政区", "自治区", "省", "市" };
static const char *const CITY_SUFFIX[] = { "自治州", "地区", "盟", "市" };
static const char *const COUNTY_SUFFIX[] = { "自治县", "自治旗", "林区", "特区", "县", "旗", "市" };
static const char *const AUTONOMOUS[] = { "自治区", "自治州", "自治县", "自治旗" };

/* Nationalities, as they stand before 族 in names of autonomous areas. */
static const char *const NATIONALITY[] = {
    "乌孜别克", "柯尔克孜", "维吾尔", "哈萨克", "达斡尔", "塔吉克", "俄罗斯", "鄂温克", "塔塔尔",
    "鄂伦春", "蒙古", "土家", "布依", "哈尼", "傈僳", "拉祜", "纳西", "景颇", "仫佬", "毛南",
    "仡佬", "锡伯", "阿昌", "普米", "德昂", "保安", "裕固", "独龙", "赫哲", "门巴", "珞巴", "基诺",
    "东乡", "撒拉", "朝鲜", "高山", "布朗", "壮", "回", "藏", "苗", "瑶", "彝", "黎", "侗", "白",
    "傣", "佤", "羌", "土", "满", "京", "水", "怒", "畲"
};

/* City short forms that are also everyday words or other things. */
static const char *const CITY_WEAK[] = {
    "大同", "长治", "朝阳", "来宾", "安康", "三明", "白银", "普洱", "阿里", "北海", "海北", "海东",
    "海西", "海南", "山南", "四平", "白山", "日照", "玉树", "红河", "怒江", "黑河", "开封", "中山",
    "河源", "大理", "和田", "黄山", "文山", "中卫", "吉林", "兴安", "黄石"
};

/* County short forms never made: everyday words (比如, 公安, 会同, 平原,
 * 滨海…), found by reviewing the short forms that jieba's dictionary lists
 * as frequent words; the other county short forms are weak. */
static const char *const COUNTY_NO_SHORT[] = {
    "东方", "合作", "江山", "安宁", "和平", "平和", "新民", "中方", "武功", "民乐", "互助", "大通",
    "共和", "同德", "同心", "同仁", "无极", "大名", "无为", "天长", "明光", "临海", "石狮", "龙泉",
    "永安", "大安", "龙井", "长安", "清河", "沙河", "白沙", "新星", "白杨", "双河", "乌兰", "太平",
    "安平", "安定", "永和", "新华", "和顺", "平安", "富民", "资源", "友谊", "富裕", "长寿", "新兴",
    "兴业", "兴国", "安远", "万年", "灯塔", "石门", "长海", "开放", "新化", "上高", "永新", "永丰",
    "新干", "泰和", "进贤", "崇仁", "乐安", "宁安", "东安", "嘉禾", "永兴", "三江", "合山", "大新",
    "天等", "安化", "建平", "北镇", "新宁", "比如", "南部", "公安", "通道", "延长", "清水", "长子",
    "平定", "温泉", "大方", "莲花", "台前", "高台", "九龙", "白玉", "木兰", "博爱", "光泽", "会同",
    "威信", "石柱", "洞口", "惠民", "太白", "定远", "三门", "黄龙", "凤凰", "桃源", "应城", "方城",
    "太和", "万安", "方正", "黑水", "清流", "天台", "开化", "五台", "铜鼓", "大厂", "三台", "阳春",
    "延寿", "仁寿", "磐石", "樟树", "小金", "白水", "南华", "集贤", "梨树", "大田", "政和", "大化",
    "康乐", "万载", "围场", "定边", "大悟", "五常", "大竹", "永胜", "华安", "文安", "义马", "永顺",
    "原平", "固始", "南皮", "大英", "多伦", "平原", "河口", "商城", "甘泉", "东海", "龙门", "沿河",
    "太湖", "滨海", "大城", "江城", "沙湾", "双湖", "兴隆", "龙山", "南城", "平江", "北安", "大关",
    "西平", "青龙", "故城", "新河", "长阳", "中阳", "平阳", "宁海", "河南", "长沙", "南昌", "宜城",
    "安福", "长丰", "安乡", "德安", "通城", "东至", "大理"
};

/* Full names that are also everyday words: only right after their parent. */
static const char *const FULL_ADJ[] = {
    "城区", "郊区", "矿区", "东区", "老城区", "新城区", "城中区", "城东区", "城西区", "城北区",
    "市中区", "新市区", "合作市", "新县", "和县", "康县", "息县", "易县", "文县", "单县", "费县",
    "容县", "代县", "盂县", "城关区", "和平区", "和平县", "平安区", "长安区", "新华区", "红旗区",
    "白云区", "青山区", "西湖区", "东湖区", "铁西区", "铁东区"
};

static int in_list(const char *s, size_t n, const char *const *list, size_t count)
{
    for (size_t i = 0; i < count; i++)
        if (n && list[i][0] == s[0] && strlen(list[i]) == n && memcmp(list[i], s, n) == 0)
            return 1;
    return 0;
}

/* ---- short forms ---- */

/* Strips trailing "X族" (or a multi-character X alone: 蒙古, 维吾尔) while
 * at least two characters stay; returns the new length. */
static size_t strip_nationalities(const char *s, size_t n)
{
    for (;;) {
        size_t m = ends_with(s, n, "族");
        int bare = (m == n);
        size_t best = n;
        for (size_t i = 0; i < NELEM(NATIONALITY); i++) {
            const char *x = NATIONALITY[i];
            size_t k = ends_with(s, m, x);
            if (k == m || (bare && utf8_count(x, strlen(x)) < 2))
                continue;
            if (utf8_count(s, k) >= 2 && k < best)
                best = k;
        }
        if (best == n)
            return n;
        n = best;
    }
}

static const char *const *suffixes(int level, size_t *count)
{
    if (level == SS_GAZ_PROVINCE) {
        *count = NELEM(PROVINCE_SUFFIX);
        return PROVINCE_SUFFIX;
    }
    if (level == SS_GAZ_CITY) {
        *count = NELEM(CITY_SUFFIX);
        return CITY_SUFFIX;
    }
    *count = NELEM(COUNTY_SUFFIX);
    return COUNTY_SUFFIX;
}

/* Length in bytes of name's short form, 0 if it has none. */
static size_t short_form(const char *name, size_t n, int level)
{
    size_t count;
    const char *const *suf = suffixes(level, &count);
    size_t m = n;
    for (size_t i = 0; i < count && m == n; i++)
        m = ends_with(name, n, suf[i]);
    if (m == n)
        return 0;
    if (in_list(name + m, n - m, AUTONOMOUS, NELEM(AUTONOMOUS)))
        m = strip_nationalities(name, m);
    if (utf8_count(name, m) < 2 || ends_with(name, m, "族") != m)
        return 0;
    if (level == SS_GAZ_COUNTY && in_list(name, m, COUNTY_NO_SHORT, NELEM(COUNTY_NO_SHORT)))
        return 0;
    return m;
}

static uint8_t short_flags(const char *s, size_t n, int level)
{
    if (level == SS_GAZ_COUNTY)
        return GZ_WEAK_CTX;
    if (level == SS_GAZ_CITY && in_list(s, n, CITY_WEAK, NELEM(CITY_WEAK)))
        return GZ_WEAK_SELF;
    return 0;
}

static uint8_t full_flags(const char *s, size_t n, int level)
{
    if (in_list(s, n, FULL_ADJ, NELEM(FULL_ADJ)))
        return GZ_FULL | GZ_ADJ;
    /* 新县, 和县; 海城市 in 沿海城市, 兴城市 in 新兴城市 */
    if (level == SS_GAZ_COUNTY &&
        (utf8_count(s, n) <= 2 || (utf8_count(s, n) == 3 && ends_with(s, n, "城市") != n)))
        return GZ_FULL | GZ_WEAK_CTX;
    return GZ_FULL;
}

/* ---- hash tables ---- */

static size_t pow2_at_least(size_t n)
{
    size_t p = 16;
    while (p < n)
        p <<= 1;
    return p;
}

static void add_key(ss_gazetteer *g, const char *s, size_t n, uint32_t id, uint8_t flags)
{
    size_t i = group_slot(g, s, n);
    if (!g->slots[i]) {
        g->grp[g->ngrp] = (gz_group){ s, (uint32_t)n, 0 };
        g->slots[i] = (uint32_t)++g->ngrp;
    }
    gz_group *gr = &g->grp[g->slots[i] - 1];
    g->ent[g->nent] = (gz_entry){ id, gr->first, flags };
    gr->first = (uint32_t)++g->nent;
    uint64_t pk = prefix_key(s, n);
    gz_pfx *p = &g->pfx[pfx_slot(g, pk)];
    p->pfx = pk;
    if (p->maxlen < n)
        p->maxlen = (uint32_t)n;
}

/* ---- loading ---- */

ss_code gz_read_file(const char *path, char **out, size_t *len, ss_err *err)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return ss_seterr(err, SS_ENOTFOUND, "%s: cannot open gazetteer", path);
    char *buf = NULL;
    size_t n = 0, cap = 0;
    for (;;) {
        if (cap - n < 4096) {
            size_t ncap = cap * 2 + 131072;
            char *nb = realloc(buf, ncap + 1);
            if (!nb) {
                free(buf);
                fclose(f);
                return ss_seterr(err, SS_ENOMEM, "%s: out of memory", path);
            }
            buf = nb;
            cap = ncap;
        }
        size_t k = fread(buf + n, 1, cap - n, f);
        n += k;
        if (k == 0)
            break;
    }
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        free(buf);
        return ss_seterr(err, SS_EIO, "%s: read error", path);
    }
    buf[n] = '\0';
    *out = buf;
    *len = n;
    return SS_OK;
}

/* Map from numeric code to place id, used while loading (parents first). */
typedef struct {
    uint32_t *code, *id;
    size_t mask;
} code_map;

static uint32_t code_find(const code_map *m, uint32_t code)
{
    size_t i = mix64(code) & m->mask;
    while (m->code[i]) {
        if (m->code[i] == code)
            return m->id[i];
        i = (i + 1) & m->mask;
    }
    return 0;
}

static int code_put(code_map *m, uint32_t code, uint32_t id)
{
    size_t i = mix64(code) & m->mask;
    while (m->code[i]) {
        if (m->code[i] == code)
            return -1;
        i = (i + 1) & m->mask;
    }
    m->code[i] = code;
    m->id[i] = id;
    return 0;
}

static int parse_code(const char *s, uint32_t *out)
{
    uint32_t v = 0;
    size_t n = 0;
    for (; s[n]; n++) {
        if (s[n] < '0' || s[n] > '9' || n >= 9)
            return -1;
        v = v * 10 + (uint32_t)(s[n] - '0');
    }
    *out = v;
    return (n > 0 && v > 0) ? 0 : -1;
}

/* Splits line (NUL-terminated, in place) at tabs into exactly 4 fields. */
static int split_fields(char *line, char **f)
{
    int k = 0;
    f[k++] = line;
    for (char *p = line; *p; p++) {
        if (*p == '\t') {
            *p = '\0';
            if (k == 4)
                return -1;
            f[k++] = p + 1;
        }
    }
    return k == 4 ? 0 : -1;
}

static int bad_fields(char **f, uint32_t *code, uint32_t *pcode)
{
    *pcode = 0;
    size_t n = strlen(f[3]);
    return parse_code(f[0], code) < 0 ||
           (strcmp(f[2], "-") != 0 && parse_code(f[2], pcode) < 0) || n == 0 ||
           n >= GZ_MAX_KEY || f[1][0] < '1' || f[1][0] > '3' || f[1][1] != '\0';
}

/* Parses one data line into place id g->n + 1. */
static ss_code parse_line(ss_gazetteer *g, code_map *m, char *line, size_t lineno,
                          const char *path, ss_err *err)
{
    char *f[4];
    uint32_t code, pcode;
    if (split_fields(line, f) < 0 || bad_fields(f, &code, &pcode))
        return ss_seterr(err, SS_ECORRUPT, "%s:%zu: malformed gazetteer line", path, lineno);
    uint32_t id = (uint32_t)g->n + 1, parent = pcode ? code_find(m, pcode) : 0;
    int level = f[1][0] - '0';
    if ((pcode && (!parent || g->pl[parent].level >= level)) || (!pcode && level != 1))
        return ss_seterr(err, SS_ECORRUPT, "%s:%zu: bad parent %s", path, lineno, f[2]);
    if (code_put(m, code, id) < 0)
        return ss_seterr(err, SS_ECORRUPT, "%s:%zu: duplicate code %s", path, lineno, f[0]);
    g->pl[id] = (gz_place){ f[0], f[3], parent, (uint16_t)strlen(f[3]), (uint8_t)level };
    g->n = id;
    return SS_OK;
}

static size_t count_lines(const char *s, size_t n)
{
    size_t k = 1;
    for (size_t i = 0; i < n; i++)
        k += s[i] == '\n';
    return k;
}

static int alloc_tables(ss_gazetteer *g, size_t lines, code_map *m)
{
    g->pl = calloc(lines + 1, sizeof *g->pl);
    g->ent = calloc(2 * lines + 1, sizeof *g->ent);
    g->grp = calloc(2 * lines + 1, sizeof *g->grp);
    g->smask = pow2_at_least(4 * lines) - 1;
    g->slots = calloc(g->smask + 1, sizeof *g->slots);
    g->pmask = pow2_at_least(4 * lines) - 1;
    g->pfx = calloc(g->pmask + 1, sizeof *g->pfx);
    m->mask = pow2_at_least(2 * lines) - 1;
    m->code = calloc(m->mask + 1, sizeof *m->code);
    m->id = calloc(m->mask + 1, sizeof *m->id);
    return (g->pl && g->ent && g->grp && g->slots && g->pfx && m->code && m->id) ? 0 : -1;
}

ss_code gz_each_line(char *buf, size_t len, gz_line_fn fn, void *ctx, ss_err *err)
{
    size_t lineno = 0;
    for (char *p = buf, *end = buf + len; p < end;) {
        char *nl = memchr(p, '\n', (size_t)(end - p));
        char *le = nl ? nl : end;
        *le = '\0';
        if (le > p && le[-1] == '\r')
            le[-1] = '\0';
        lineno++;
        if (*p && *p != '#') {
            ss_code rc = fn(ctx, p, lineno, err);
            if (rc != SS_OK)
                return rc;
        }
        p = le + 1;
    }
    return SS_OK;
}

typedef struct {
    ss_gazetteer *g;
    code_map *m;
    const char *path;
} places_ctx;

static ss_code on_place_line(void *ctx, char *line, size_t lineno, ss_err *err)
{
    places_ctx *c = ctx;
    return parse_line(c->g, c->m, line, lineno, c->path, err);
}

/* Parses every line of g->buf (len bytes) into places. */
static ss_code parse_all(ss_gazetteer *g, size_t len, code_map *m, const char *path, ss_err *err)
{
    places_ctx c = { g, m, path };
    ss_code rc = gz_each_line(g->buf, len, on_place_line, &c, err);
    if (rc != SS_OK)
        return rc;
    return g->n ? SS_OK : ss_seterr(err, SS_ECORRUPT, "%s: no places", path);
}

static void add_names(ss_gazetteer *g)
{
    for (uint32_t id = 1; id <= g->n; id++) {
        const gz_place *p = &g->pl[id];
        if (utf8_count(p->name, p->namelen) >= 2)
            add_key(g, p->name, p->namelen, id, full_flags(p->name, p->namelen, p->level));
        size_t k = short_form(p->name, p->namelen, p->level);
        if (k)
            add_key(g, p->name, k, id, short_flags(p->name, k, p->level));
    }
}

ss_code ss_gaz_open(const char *path, ss_gazetteer **out, ss_err *err)
{
    char def[4096];
    if (!path) {
        snprintf(def, sizeof def, "%s/gazetteer.tsv", ss_datadir());
        path = def;
    }
    *out = NULL;
    ss_gazetteer *g = calloc(1, sizeof *g);
    if (!g)
        return ss_seterr(err, SS_ENOMEM, "out of memory opening gazetteer");
    size_t len = 0;
    code_map m = { NULL, NULL, 0 };
    ss_code rc = gz_read_file(path, &g->buf, &len, err);
    if (rc == SS_OK && alloc_tables(g, count_lines(g->buf, len), &m) < 0)
        rc = ss_seterr(err, SS_ENOMEM, "%s: out of memory", path);
    if (rc == SS_OK)
        rc = parse_all(g, len, &m, path, err);
    free(m.code);
    free(m.id);
    if (rc != SS_OK) {
        ss_gaz_close(g);
        return rc;
    }
    add_names(g);
    rc = gz_load_groups(g, path, err);
    if (rc != SS_OK) {
        ss_gaz_close(g);
        return rc;
    }
    *out = g;
    return SS_OK;
}

void ss_gaz_close(ss_gazetteer *g)
{
    if (!g)
        return;
    free(g->pl);
    free(g->ent);
    free(g->grp);
    free(g->slots);
    free(g->pfx);
    gz_free_groups(g);
    free(g->buf);
    free(g);
}

/* ---- accessors ---- */

size_t ss_gaz_count(const ss_gazetteer *g)
{
    return g ? g->n : 0;
}

const char *ss_gaz_name(const ss_gazetteer *g, uint32_t id)
{
    const gz_place *p = place(g, id);
    return p ? p->name : gz_group_name(g, id);
}

const char *ss_gaz_code(const ss_gazetteer *g, uint32_t id)
{
    const gz_place *p = place(g, id);
    return p ? p->code : NULL;
}

int ss_gaz_level(const ss_gazetteer *g, uint32_t id)
{
    const gz_place *p = place(g, id);
    return p ? p->level : gz_group_name(g, id) ? SS_GAZ_GROUP : 0;
}

uint32_t ss_gaz_parent(const ss_gazetteer *g, uint32_t id)
{
    const gz_place *p = place(g, id);
    return p ? p->parent : 0;
}

/* ---- lookup ---- */

/* Order of candidates: full names first, then higher level, then code order. */
static int entry_before(const ss_gazetteer *g, const gz_entry *a, const gz_entry *b)
{
    if ((a->flags & GZ_FULL) != (b->flags & GZ_FULL))
        return (a->flags & GZ_FULL) != 0;
    if (g->pl[a->id].level != g->pl[b->id].level)
        return g->pl[a->id].level < g->pl[b->id].level;
    return a->id < b->id;
}

static size_t lookup_key(const ss_gazetteer *g, const char *name, size_t len, uint32_t *ids,
                         size_t max)
{
    const gz_group *gr = (g && name) ? find_group(g, name, len) : NULL;
    size_t n = 0;
    for (uint32_t e = gr ? gr->first : 0; e; e = g->ent[e - 1].next) {
        const gz_entry *x = &g->ent[e - 1];
        /* insertion into the first max places, in order */
        size_t k = n < max ? n : max;
        while (k > 0 && entry_before(g, x, &g->ent[ids[k - 1]]))
            k--;
        if (k >= max)
            continue;
        size_t last = n < max ? n : max - 1;
        memmove(ids + k + 1, ids + k, (last - k) * sizeof *ids);
        ids[k] = e - 1;
        if (n < max)
            n++;
    }
    for (size_t i = 0; i < n; i++)
        ids[i] = g->ent[ids[i]].id;
    return n;
}

/* Places named name; an autonomous prefecture also as its short form and
 * 州 (凉山州, 恩施州, 海南州: the short forms of 凉山彝族自治州, 恩施土家族苗族
 * 自治州, 海南藏族自治州 with 州, as government texts and users write them;
 * for lookups only: the scanner keeps to the keys, where 凉山 of 凉山州
 * already finds the place). */
size_t ss_gaz_lookup(const ss_gazetteer *g, const char *name, size_t len, uint32_t *ids,
                     size_t max)
{
    size_t n = lookup_key(g, name, len, ids, max);
    size_t zhou = name ? ends_with(name, len, "州") : len;
    if (n || zhou == len || utf8_count(name, zhou) < 2)
        return n;
    uint32_t cand[8];
    size_t k = lookup_key(g, name, zhou, cand, NELEM(cand));
    for (size_t i = 0; i < k && n < max; i++) {
        const gz_place *p = &g->pl[cand[i]];
        if (p->level == SS_GAZ_CITY && ends_with(p->name, p->namelen, "自治州") != p->namelen)
            ids[n++] = cand[i];
    }
    return n;
}

int ss_gaz_names_alone(const ss_gazetteer *g, const char *name, size_t len)
{
    uint32_t id;
    if (ss_gaz_lookup_area(g, name, len, &id, 1) == 1 && ss_gaz_level(g, id) == SS_GAZ_GROUP)
        return 1;
    const gz_group *gr = (g && name) ? find_group(g, name, len) : NULL;
    for (uint32_t e = gr ? gr->first : 0; e; e = g->ent[e - 1].next)
        if (!(g->ent[e - 1].flags & GZ_WEAK))
            return 1;
    return 0;
}
