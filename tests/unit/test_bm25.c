/* test_bm25.c: Xapian's weighting of candidates (qbuild.c): a passage
 * shorter than the average gains nothing from its shortness
 * (BM25_MIN_NORMLEN), so passages that name a word as often weigh the
 * same, Xapian orders them by document id, and the walk must keep such
 * runs of ties whole (search_walk.c; tests/e2e: test_tied_layouts). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "analyze.h"
#include "check.h"
#include "fixture.h"
#include "indexer.h"
#include "query.h"
#include "strbuf.h"
#include "xapian_c.h"

/* Each names 河长制 once; the document lengths (in terms, the speech's
 * average with its title and two other paragraphs) are those the
 * indexer gave when this was written. */
static const struct {
    const char *text;
    const char *what;
    int weighed_down;   /* longer than the average */
} ROWS[] = {
    { "全面推行河长制，落实巡查责任，加强河湖管理保护，水质持续改善。",
      "a short passage (0.70 of the average)", 0 },
    { "全面推行河长制，切实落实巡查责任，加强河湖管理保护，水质持续改善。",
      "a passage a little longer, still shorter than 0.85 of the average (0.77)", 0 },
    { "全面推行河长制，落实各级巡查责任，加强河湖水域岸线管理保护，开展入河排污口排查整治，"
      "推进城乡黑臭水体治理，水质持续改善，群众满意度明显提升。",
      "a passage longer than the average (1.6)", 1 },
};
#define NROWS (sizeof ROWS / sizeof ROWS[0])

static const char *const OTHERS[] = {
    "加快建设现代产业体系，培育壮大新兴产业，推动制造业高端化智能化绿色化发展，做强做优数字经济，"
    "促进服务业提质增效。",
    "持续改善民生福祉，稳定和扩大就业，办好人民满意的教育，健全社会保障体系，推进健康城市建设，"
    "加强养老服务。",
};

/* Writes the speech and indexes it into dir/db; 0 on success. */
static int make_index(const char *dir, char *db, size_t dbsize)
{
    snprintf(db, dbsize, "%s/db", dir);
    strbuf b = STRBUF_INIT;
    int ok = sb_adds(&b, "某市2019年政府工作报告\n\n") == 0;
    for (size_t i = 0; i < NROWS; i++)
        ok = ok && sb_addf(&b, "%s\n\n", ROWS[i].text) == 0;
    for (size_t i = 0; i < sizeof OTHERS / sizeof OTHERS[0]; i++)
        ok = ok && sb_addf(&b, "%s\n\n", OTHERS[i]) == 0;
    const char *text = b.buf;
    ok = ok && test_index_texts(dir, db, &text, 1);
    sb_free(&b);
    CHECK(ok, "index the speech");
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

int main(int argc, char **argv)
{
    (void)argc;
    ss_analyzer *an = NULL;
    ss_actx *ac = test_actx_open(&an);
    char dir[] = "/tmp/ss-bm25-XXXXXX", db[600];
    if (ac && !mkdtemp(dir)) {
        CHECK(0, "mkdtemp");
    } else if (ac && make_index(dir, db, sizeof db) == 0) {
        double wt[NROWS];
        weigh(ac, db, "河长制", wt);
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
        }
    }
    if (ac) {
        test_rm_tree(dir);
    }
    ss_actx_free(ac);
    ss_analyzer_close(an);
    return check_report(argv[0]);
}
