/* test_bm25.c: Xapian's weighting of candidates (qbuild.c): a passage
 * shorter than the reference length gains nothing from its shortness
 * (BM25_MIN_NORMLEN), so passages that name a word as often weigh the
 * same, Xapian orders them by document id, and the walk must keep such
 * runs of ties whole (search_walk.c; tests/e2e: test_tied_layouts).  The
 * length is weighed against a fixed reference (REF_LENGTH), not the
 * index's average: many short unrelated documents indexed beside the
 * speech leave its passages' weights in the same proportions. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "analyze.h"
#include "check.h"
#include "fixture.h"
#include "indexer.h"
#include "query.h"
#include "strbuf.h"
#include "xapian_c.h"

/* Each names 河长制 once; the lengths are against REF_LENGTH (160 terms),
 * as the indexer counted them when this was written. */
static const struct {
    const char *text;
    const char *what;
    int weighed_down;   /* longer than the average */
} ROWS[] = {
    { "全面推行河长制，落实巡查责任，加强河湖管理保护，水质持续改善。",
      "a short passage", 0 },
    { "全面推行河长制，切实落实巡查责任，加强河湖管理保护，水质持续改善。",
      "a passage a little longer, still shorter than 0.85 of the reference", 0 },
    { "全面推行河长制，落实各级巡查责任，加强河湖水域岸线管理保护，开展入河排污口排查整治，"
      "推进城乡黑臭水体治理，水质持续改善，群众满意度明显提升。建立健全河湖管护长效机制，"
      "加快推进幸福河湖建设，实施重点河段综合治理和生态修复，完善水文监测站网布局，"
      "强化跨区域跨部门联防联控，推动形成上下游左右岸协同治理格局，全面提升河湖治理能力。"
      "深入开展河湖清四乱专项行动，严厉打击非法采砂、非法侵占岸线等违法行为，"
      "让河湖重现水清岸绿鱼翔浅底的美丽景象。",
      "a passage longer than the reference", 1 },
};
#define NROWS (sizeof ROWS / sizeof ROWS[0])

static const char *const OTHERS[] = {
    "加快建设现代产业体系，培育壮大新兴产业，推动制造业高端化智能化绿色化发展，做强做优数字经济，"
    "促进服务业提质增效。",
    "持续改善民生福祉，稳定和扩大就业，办好人民满意的教育，健全社会保障体系，推进健康城市建设，"
    "加强养老服务。",
};

/* Unrelated documents of another shape: short lines of a manual. */
#define NLINES 300

/* Writes the speech (and, with lines, NLINES short unrelated documents)
 * and indexes them into dir/NAME; 0 on success. */
static int make_index(const char *dir, const char *name, int lines, char *db, size_t dbsize)
{
    snprintf(db, dbsize, "%s/%s", dir, name);
    strbuf b = STRBUF_INIT;
    int ok = sb_adds(&b, "某市2019年政府工作报告\n\n") == 0;
    for (size_t i = 0; i < NROWS; i++)
        ok = ok && sb_addf(&b, "%s\n\n", ROWS[i].text) == 0;
    for (size_t i = 0; i < sizeof OTHERS / sizeof OTHERS[0]; i++)
        ok = ok && sb_addf(&b, "%s\n\n", OTHERS[i]) == 0;
    const char *texts[1 + NLINES];
    char *own[NLINES];
    size_t n = 1;
    texts[0] = b.buf;
    for (int i = 0; lines && i < NLINES; i++) {
        own[i] = malloc(128);
        ok = ok && own[i];
        if (own[i]) {
            snprintf(own[i], 128, "命令%d说明\n\n显示第%d项帮助信息。\n", i, i);
            texts[n++] = own[i];
        }
    }
    char sub[256];
    snprintf(sub, sizeof sub, "%s/%s-files", dir, name);
    ok = ok && mkdir(sub, 0700) == 0 && test_index_texts(sub, db, texts, n);
    for (size_t i = 1; i < n; i++)
        free(own[i - 1]);
    sb_free(&b);
    CHECK(ok, "index %s", name);
    return ok ? 0 : -1;
}

/* Xapian's weight of each row's passage for query text (-1: not found). */
static void weigh(ss_actx *ac, const char *db, const char *text, double *wt)
{
    for (size_t i = 0; i < NROWS; i++)
        wt[i] = -1;
    ss_err err;
    xc_db *x = NULL;
    ss_query *q = NULL;
    xc_query *xq = NULL;
    xc_enquire *e = NULL;
    xc_mset *m = NULL;
    ss_code rc = xc_db_open(db, &x, &err);
    if (rc == SS_OK)
        rc = ss_query_parse(ac, text, &q, &err);
    if (rc == SS_OK)
        rc = ss_query_build(q, x, &xq, &err);
    if (rc == SS_OK)
        rc = xc_enquire_new(x, &e, &err);
    if (rc == SS_OK)
        rc = xc_enquire_set_query(e, xq, &err);
    if (rc == SS_OK)
        rc = ss_query_configure(q, e, &err);
    if (rc == SS_OK)
        rc = xc_enquire_get_mset(e, 0, 100, 0, &m, &err);
    CHECK(rc == SS_OK, "[%s] Xapian's candidates: %s", text, rc == SS_OK ? "" : err.msg);
    for (uint32_t k = 0; rc == SS_OK && k < xc_mset_size(m); k++) {
        char *data = NULL;
        size_t len = 0;
        double w = 0;
        rc = xc_mset_data(m, k, &data, &len, &err);
        if (rc == SS_OK)
            rc = xc_mset_weight(m, k, &w, &err);
        for (size_t i = 0; rc == SS_OK && i < NROWS; i++) {
            size_t n = strlen(ROWS[i].text);
            for (size_t at = 0; at + n <= len; at++)
                if (memcmp(data + at, ROWS[i].text, n) == 0) {
                    wt[i] = w;
                    break;
                }
        }
        free(data);
    }
    xc_mset_free(m);
    xc_enquire_free(e);
    xc_query_free(xq);
    ss_query_free(q);
    xc_db_close(x);
}

/* The parameters given to Xapian weigh every length as the reference
 * does, whatever the index's average (ss_bm25_params). */
static void test_params(void)
{
    double k1, b, m, r1, rb, rm;
    ss_bm25_params(0, &r1, &rb, &rm); /* no average: the parameters as named */
    static const double averages[] = { 20, 80, 160, 400 };
    static const double lengths[] = { 5, 50, 100, 160, 240, 900 };
    ss_bm25_params(160, &k1, &b, &m);
    CHECK(k1 == r1 && b == rb && m == rm, "an average of the reference: the parameters as named");
    for (size_t a = 0; a < sizeof averages / sizeof averages[0]; a++) {
        ss_bm25_params(averages[a], &k1, &b, &m);
        for (size_t l = 0; l < sizeof lengths / sizeof lengths[0]; l++) {
            double len = lengths[l];
            double xapian = k1 * ((1 - b) + b * (len / averages[a] > m ? len / averages[a] : m));
            double ours = r1 * ((1 - rb) + rb * (len / 160 > rm ? len / 160 : rm));
            /* the same denominator (the numerator's K1 + 1 is the same for
             * every passage: the query's weights keep their proportions) */
            CHECK(xapian > 0 && ours > 0 && xapian / ours > 1 - 1e-9 && xapian / ours < 1 + 1e-9,
                  "average %.0f, length %.0f: %.6f against %.6f", averages[a], len, xapian, ours);
        }
    }
}

int main(int argc, char **argv)
{
    (void)argc;
    ss_analyzer *an = NULL;
    ss_actx *ac = test_actx_open(&an);
    char dir[] = "/tmp/ss-bm25-XXXXXX", db[300], mixed[300];
    test_params();
    if (ac && !mkdtemp(dir)) {
        CHECK(0, "mkdtemp");
    } else if (ac && make_index(dir, "db", 0, db, sizeof db) == 0 &&
               make_index(dir, "mixed", 1, mixed, sizeof mixed) == 0) {
        double wt[NROWS], wm[NROWS];
        weigh(ac, db, "河长制", wt);
        weigh(ac, mixed, "河长制", wm);
        for (size_t i = 0; i < NROWS; i++) {
            CHECK(wt[i] > 0, "%s is a candidate", ROWS[i].what);
            double d = wt[i] - wt[0];
            if (ROWS[i].weighed_down)
                CHECK(d < -1e-9 * wt[0], "%s weighs less (%.9f, %.9f)", ROWS[i].what, wt[i],
                      wt[0]);
            else
                CHECK(d <= 1e-9 * wt[0] && d >= -1e-9 * wt[0],
                      "%s weighs what the shortest weighs (%.9f, %.9f)", ROWS[i].what, wt[i],
                      wt[0]);
            /* beside 300 one-line documents: the same proportions (the
             * average length falls to a fraction; the reference does not) */
            double alone = wt[0] > 0 ? wt[i] / wt[0] : 0, beside = wm[0] > 0 ? wm[i] / wm[0] : 0;
            CHECK(alone > 0 && beside > alone - 1e-9 && beside < alone + 1e-9,
                  "%s: %.6f of the shortest alone, %.6f beside short documents", ROWS[i].what,
                  alone, beside);
        }
    }
    if (ac) {
        test_rm_tree(dir);
    }
    ss_actx_free(ac);
    ss_analyzer_close(an);
    return check_report(argv[0]);
}
