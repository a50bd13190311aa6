/* fixture.h: the analysis context most unit tests start from (include
 * after check.h). */
#ifndef SS_TEST_FIXTURE_H
#define SS_TEST_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>

#include "analyze.h"
#include "indexer.h"
#include "search.h"

/* Opens the analyzer (*a) and a context over it, from the build's data;
 * NULL, with a failed check saying why, when that cannot be done (the
 * caller closes *a and returns check_report). */
static inline ss_actx *test_actx_open(ss_analyzer **a)
{
    ss_err err;
    ss_actx *ac = NULL;
    *a = NULL;
    if (ss_analyzer_open(NULL, a, &err) != SS_OK)
        CHECK(0, "open the analyzer: %s (make build/data/dict.bin)", err.msg);
    else if (!(ac = ss_actx_new(*a)))
        CHECK(0, "open the analyzer: out of memory");
    return ac;
}

/* The main of a test program over an analysis context: runs body with the
 * context (not when it cannot be opened: a failed check says why), closes
 * it and returns check_report's status. */
static inline int test_with_actx(const char *prog, void (*body)(ss_actx *ac))
{
    ss_analyzer *a = NULL;
    ss_actx *ac = test_actx_open(&a);
    if (ac)
        body(ac);
    ss_actx_free(ac);
    ss_analyzer_close(a);
    return check_report(prog);
}

/* Writes texts[0, n) to dir/d0.txt, dir/d1.txt... and indexes them into
 * the database db; 1 on success, else 0 with a failed check saying why. */
static inline int test_index_texts(const char *dir, const char *db, const char *const *texts,
                                   size_t n)
{
    ss_err err;
    ss_indexer *ix = NULL;
    ss_index_opts io = { 0 };
    int ok = ss_indexer_open(db, &io, &ix, &err) == SS_OK;
    CHECK(ok, "indexer_open: %s", err.msg);
    for (size_t i = 0; ok && i < n; i++) {
        char file[512];
        snprintf(file, sizeof file, "%s/d%zu.txt", dir, i);
        FILE *f = fopen(file, "w");
        ok = f && fputs(texts[i], f) >= 0;
        if (f)
            ok = fclose(f) == 0 && ok;
        ok = ok && ss_indexer_add_file(ix, file, &err) == SS_OK;
        CHECK(ok, "write and add %s", file);
    }
    if (ix) {
        int closed = ss_indexer_close(ix, &err) == SS_OK;
        CHECK(closed, "indexer_close");
        ok = ok && closed;
    }
    return ok;
}

/* Makes the folder dir (a mkdtemp template, filled in), indexes texts[0, n)
 * into dir/db (test_index_texts) and opens a searcher over it; NULL, with
 * a failed check saying why, when any step fails.  The caller closes the
 * searcher and removes dir (test_rm_tree) once mkdtemp has made it. */
static inline ss_searcher *test_searcher_texts(char *dir, const char *const *texts, size_t n)
{
    ss_err err;
    ss_searcher *s = NULL;
    char db[512];
    if (!mkdtemp(dir)) {
        CHECK(0, "mkdtemp");
        return NULL;
    }
    snprintf(db, sizeof db, "%s/db", dir);
    const char *dbs[] = { db };
    if (test_index_texts(dir, db, texts, n))
        CHECK(ss_searcher_open(dbs, 1, NULL, &s, &err) == SS_OK, "searcher_open: %s", err.msg);
    return s;
}

/* Removes dir and everything below it (a failed check when it cannot). */
static inline void test_rm_tree(const char *dir)
{
    char cmd[700];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    CHECK(system(cmd) == 0, "clean up %s", dir);
}

#endif
