/* test_terms.c: the terms a passage is indexed under (terms.h): bigrams,
 * characters that begin no bigram, ASCII tokens, numbers glued to the
 * character beside them, words of three or more characters; the glued
 * terms weigh nothing (wdf 0). */
#include "terms.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "fixture.h"

static const struct {
    const char *text;
    const char *terms; /* every term of the passage, in Xapian's (byte) order */
} cases[] = {
    /* a year at a clause end: its glued term, and 年 alone (it begins no bigram) */
    { "2019年，经济平稳。", "2019 2019年 平稳 年 济平 稳 经济" },
    /* before more characters: glued, and the bigram 年底 */
    { "2019年底", "2019 2019年 年底 底" },
    /* a space takes no position: still glued */
    { "2019 年", "2019 2019年 年" },
    /* a character before a number, and the number before the next one */
    { "第3季度", "3 3季 季度 度 第 第3" },
    /* a slash takes no position: 元吨 is a bigram */
    { "3000元/吨", "3000 3000元 元吨 吨" },
    /* two ASCII tokens are never glued; a symbol is not either */
    { "abc 123", "123 abc" },
    { "增长8.5%", "% 8.5 增长 长 长8.5" },
    /* separating punctuation breaks the glue */
    { "共340，个", "340 个 共 共340" },
};

typedef struct {
    char buf[1024];
    size_t n;
} joined;

static int collect(void *arg, const char *term, size_t len, uint32_t tf)
{
    joined *j = arg;
    (void)tf;
    if (term[0] >= 'A' && term[0] <= 'Z')
        return 0; /* prefixed (boolean) terms: not the text's */
    j->n += (size_t)snprintf(j->buf + j->n, sizeof j->buf - j->n, "%s%.*s", j->n ? " " : "",
                             (int)len, term);
    return j->n >= sizeof j->buf;
}

/* Indexes text as the one passage of a new index at path. */
static int index_one(ss_actx *ac, const char *path, const char *text)
{
    xc_writable *w = NULL;
    xc_doc *d = NULL;
    ss_analysis an;
    int ok = xc_writable_open(path, XC_CREATE_OR_OVERWRITE, &w, NULL) == SS_OK &&
             ss_analyze(ac, text, strlen(text), &an, NULL) == SS_OK &&
             xc_doc_new(&d, NULL) == SS_OK && ss_index_analysis(&an, d, NULL) == SS_OK &&
             xc_writable_add(w, d, NULL, NULL) == SS_OK;
    xc_doc_free(d);
    if (w && xc_writable_close(w, NULL) != SS_OK)
        ok = 0;
    return ok ? 0 : -1;
}

/* The weight of the passage for a one-term query. */
static double weight_of(xc_db *db, const char *term)
{
    xc_query *q = NULL;
    xc_enquire *e = NULL;
    xc_mset *m = NULL;
    double wt = -1;
    if (xc_query_term(term, strlen(term), 1, &q, NULL) == SS_OK &&
        xc_enquire_new(db, &e, NULL) == SS_OK && xc_enquire_set_query(e, q, NULL) == SS_OK &&
        xc_enquire_get_mset(e, 0, 1, 1, &m, NULL) == SS_OK && xc_mset_size(m) == 1 &&
        xc_mset_weight(m, 0, &wt, NULL) != SS_OK)
        wt = -1;
    xc_mset_free(m);
    xc_enquire_free(e);
    xc_query_free(q);
    return wt;
}

static void test_terms(ss_actx *ac, const char *dir)
{
    char path[600];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        snprintf(path, sizeof path, "%s/db%zu", dir, i);
        xc_db *db = NULL;
        joined j = { .n = 0 };
        j.buf[0] = '\0';
        CHECK(index_one(ac, path, cases[i].text) == 0 && xc_db_open(path, &db, NULL) == SS_OK,
              "index [%s]", cases[i].text);
        if (db)
            xc_db_each_term(db, "", collect, &j, NULL);
        CHECK_EQ_STR(j.buf, cases[i].terms, cases[i].text);
        xc_db_close(db);
    }
    /* a glued term weighs nothing; the number's own term does */
    snprintf(path, sizeof path, "%s/wdf", dir);
    xc_db *db = NULL;
    CHECK(index_one(ac, path, "2019年，经济平稳。") == 0 && xc_db_open(path, &db, NULL) == SS_OK,
          "index wdf");
    if (db) {
        CHECK(weight_of(db, "2019年") == 0.0, "glued term weighs nothing");
        CHECK(weight_of(db, "2019") > 0.0, "token weighs");
    }
    xc_db_close(db);
}

static void test_glued_term(void)
{
    char buf[SS_MAX_TERM + 1], big[SS_MAX_TERM + 1];
    CHECK(ss_glued_term("2019", 4, "年", 3, buf) == 7 && strcmp(buf, "2019年") == 0, "glue");
    memset(big, 'a', SS_MAX_TERM - 3);
    CHECK(ss_glued_term(big, SS_MAX_TERM - 3, "年", 3, buf) == SS_MAX_TERM, "longest glued");
    CHECK(ss_glued_term(big, SS_MAX_TERM - 2, "年", 3, buf) == 0, "too long");
}

/* Every test of this program, over the analysis context ac. */
static void run_all(ss_actx *ac)
{
    char dir[] = "/tmp/ss-test-terms-XXXXXX";
    CHECK(ac && mkdtemp(dir) != NULL, "set-up");
    test_terms(ac, dir);
    test_glued_term();
    test_rm_tree(dir);
}

int main(int argc, char **argv)
{
    (void)argc;
    return test_with_actx(argv[0], run_all);
}
