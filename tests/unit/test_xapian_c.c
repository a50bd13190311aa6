/* test_xapian_c.c: unit tests of the C interface to Xapian (xapian_c.h).
 *
 * Builds small glass databases in a mkdtemp directory under /tmp (removed
 * at the end) and checks: error codes and messages (missing, locked and
 * corrupt databases, NULL and empty arguments), writing (add, replace and
 * delete by term, metadata, values), reading (counts, frequencies, term
 * listing, reopen), every query operator including PHRASE/NEAR windows,
 * match sets and their bounds, and that a database split into two shards
 * (xc_db_add, or a stub file of "auto PATH" lines) searches exactly like
 * one database holding every document. */
#define _XOPEN_SOURCE 700

#include "xapian_c.h"

#include <ftw.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"

static char tmpdir[] = "/tmp/test_xapian_c.XXXXXX";

/* tmpdir/name into a static buffer (one of four, so a few may coexist). */
static const char *tpath(const char *name)
{
    static char bufs[4][512];
    static int next;
    char *b = bufs[next++ % 4];
    snprintf(b, sizeof bufs[0], "%s/%s", tmpdir, name);
    return b;
}

static int rm_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void)sb, (void)flag, (void)ftw;
    return remove(path);
}

static void rm_tree(const char *path)
{
    nftw(path, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
}

static int write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    if (!f) return -1;
    fputs(text, f);
    return fclose(f);
}

/* Overwrites every byte of path with garbage, keeping its size. */
static int garble(const char *path)
{
    FILE *f = fopen(path, "r+b");
    if (!f) return -1;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    rewind(f);
    for (long i = 0; i < n; i++) fputc(0xA5 ^ (int)(i & 0xff), f);
    return fclose(f);
}

/* ---- the corpus ---- */

/* One document: unique id term "Q<id>", words as postings at 1, 2, ...,
 * boolean "K<kind>", data = id, value 0 = year, value 1 = kind. */
typedef struct {
    const char *id, *words, *kind, *year;
} doc_spec;

static const doc_spec corpus[] = {
    {"a", "apple banana cherry", "fruit", "2020"},
    {"b", "apple cherry banana", "fruit", "2021"},
    {"c", "banana date", "veg", "2022"},
    {"d", "apple x y banana", "veg", "2023"},
    {"e", "cherry date elder fig", "fruit", "2024"},
    {"f", "banana apple", "veg", "2025"},
};
enum { NCORPUS = sizeof corpus / sizeof corpus[0] };

static xc_doc *make_doc(const doc_spec *s)
{
    ss_err err;
    xc_doc *doc = NULL;
    char buf[256], qterm[64], kterm[64];
    CHECK(xc_doc_new(&doc, &err) == SS_OK, "xc_doc_new: %s", err.msg);
    if (!doc) return NULL;
    snprintf(buf, sizeof buf, "%s", s->words);
    uint32_t pos = 1;
    for (char *save, *w = strtok_r(buf, " ", &save); w; w = strtok_r(NULL, " ", &save))
        CHECK(xc_doc_add_posting(doc, w, strlen(w), pos++, 1, &err) == SS_OK, "posting %s", w);
    snprintf(qterm, sizeof qterm, "Q%s", s->id);
    snprintf(kterm, sizeof kterm, "K%s", s->kind);
    CHECK(xc_doc_add_boolean(doc, qterm, strlen(qterm), &err) == SS_OK, "boolean %s", qterm);
    CHECK(xc_doc_add_boolean(doc, kterm, strlen(kterm), &err) == SS_OK, "boolean %s", kterm);
    CHECK(xc_doc_set_data(doc, s->id, strlen(s->id), &err) == SS_OK, "data %s", s->id);
    CHECK(xc_doc_add_value(doc, 0, s->year, strlen(s->year), &err) == SS_OK, "value 0");
    CHECK(xc_doc_add_value(doc, 1, s->kind, strlen(s->kind), &err) == SS_OK, "value 1");
    return doc;
}

static void add_docs(xc_writable *w, const doc_spec *specs, size_t n)
{
    ss_err err;
    for (size_t i = 0; i < n; i++) {
        xc_doc *doc = make_doc(&specs[i]);
        xc_docid id = 0;
        CHECK(xc_writable_add(w, doc, &id, &err) == SS_OK, "add %s: %s", specs[i].id, err.msg);
        CHECK(id > 0, "docid of %s", specs[i].id);
        xc_doc_free(doc);
    }
}

/* Creates (overwriting) a database at path holding specs[0..n). */
static int build_db(const char *path, const doc_spec *specs, size_t n)
{
    ss_err err;
    xc_writable *w = NULL;
    if (xc_writable_open(path, XC_CREATE_OR_OVERWRITE, &w, &err) != SS_OK) {
        CHECK(0, "create %s: %s", path, err.msg);
        return -1;
    }
    add_docs(w, specs, n);
    CHECK(xc_writable_close(w, &err) == SS_OK, "close %s: %s", path, err.msg);
    return 0;
}

static xc_db *open_db(const char *path)
{
    ss_err err;
    xc_db *db = NULL;
    CHECK(xc_db_open(path, &db, &err) == SS_OK, "open %s: %s", path, err.msg);
    return db;
}

/* ---- running queries ---- */

static xc_query *term(const char *t)
{
    xc_query *q = NULL;
    ss_err err;
    CHECK(xc_query_term(t, strlen(t), 1, &q, &err) == SS_OK, "term %s: %s", t, err.msg);
    return q;
}

/* op over n queries, which it frees. */
static xc_query *combine(xc_op op, unsigned window, size_t n, xc_query **subs)
{
    xc_query *q = NULL;
    ss_err err;
    CHECK(xc_query_combine(op, subs, n, window, &q, &err) == SS_OK, "combine %d: %s", (int)op,
          err.msg);
    for (size_t i = 0; i < n; i++) xc_query_free(subs[i]);
    return q;
}

static xc_query *op2(xc_op op, unsigned window, const char *t1, const char *t2)
{
    xc_query *subs[2] = {term(t1), term(t2)};
    return combine(op, window, 2, subs);
}

static xc_query *op3(xc_op op, unsigned window, const char *t1, const char *t2, const char *t3)
{
    xc_query *subs[3] = {term(t1), term(t2), term(t3)};
    return combine(op, window, 3, subs);
}

static xc_mset *search(xc_db *db, const xc_query *q, uint32_t first, uint32_t max)
{
    ss_err err;
    xc_enquire *e = NULL;
    xc_mset *m = NULL;
    if (xc_enquire_new(db, &e, &err) == SS_OK && xc_enquire_set_query(e, q, &err) == SS_OK &&
        xc_enquire_get_mset(e, first, max, 0, &m, &err) == SS_OK) {
        xc_enquire_free(e);
        return m;
    }
    CHECK(0, "search: %s", err.msg);
    xc_enquire_free(e);
    return NULL;
}

static int cmp_char(const void *a, const void *b)
{
    return *(const char *)a - *(const char *)b;
}

/* The data (one-letter ids) of every hit, sorted: "abd". */
static void hit_ids(const xc_mset *m, char *out, size_t size)
{
    size_t n = 0;
    ss_err err;
    for (uint32_t i = 0; i < xc_mset_size(m) && n + 1 < size; i++) {
        char *data = NULL;
        size_t len = 0;
        if (xc_mset_data(m, i, &data, &len, &err) == SS_OK && len == 1) out[n++] = data[0];
        free(data);
    }
    out[n] = '\0';
    qsort(out, n, 1, cmp_char);
}

/* Checks that q (freed here) matches exactly the documents ids. */
static void expect_ids(xc_db *db, xc_query *q, const char *ids, const char *name)
{
    char got[32] = "";
    xc_mset *m = q ? search(db, q, 0, 100) : NULL;
    hit_ids(m, got, sizeof got);
    CHECK_EQ_STR(got, ids, name);
    xc_mset_free(m);
    xc_query_free(q);
}

/* Weight of the hit whose data is id in the results of q (-1 if absent). */
static double weight_of(xc_db *db, const xc_query *q, const char *id)
{
    double w = -1;
    ss_err err;
    xc_mset *m = search(db, q, 0, 100);
    for (uint32_t i = 0; i < xc_mset_size(m); i++) {
        char *data = NULL;
        if (xc_mset_data(m, i, &data, NULL, &err) == SS_OK && strcmp(data, id) == 0)
            xc_mset_weight(m, i, &w, &err);
        free(data);
    }
    xc_mset_free(m);
    return w;
}

/* ---- tests ---- */

static void test_missing(void)
{
    ss_err err;
    xc_db *db = (xc_db *)&err;
    xc_writable *w = NULL;
    const char *missing = tpath("no-such-db");
    CHECK_EQ_INT(xc_db_open(missing, &db, &err), SS_ENOTFOUND, "open missing");
    CHECK(db == NULL, "open missing sets *out to NULL");
    CHECK(strstr(err.msg, missing) != NULL, "message names the path: %s", err.msg);
    CHECK(strstr(err.msg, "DatabaseNotFoundError") != NULL, "message names the type: %s",
          err.msg);
    CHECK_EQ_INT(xc_writable_open(missing, XC_OPEN, &w, &err), SS_ENOTFOUND, "writable missing");
    CHECK(strstr(err.msg, missing) != NULL, "writable message names the path: %s", err.msg);

    const char *stub = tpath("missing.stub");
    char text[600];
    snprintf(text, sizeof text, "auto %s\n", missing);
    write_file(stub, text);
    CHECK_EQ_INT(xc_db_open(stub, &db, &err), SS_ENOTFOUND, "stub to missing");
    CHECK(strstr(err.msg, missing) != NULL, "stub message names the target: %s", err.msg);

    write_file(tpath("bad.stub"), "this is not a stub line\n");
    CHECK_EQ_INT(xc_db_open(tpath("bad.stub"), &db, &err), SS_EXAPIAN, "bad stub line");
    CHECK(strstr(err.msg, "DatabaseOpeningError") != NULL, "bad stub type: %s", err.msg);
}

static void test_locked(void)
{
    ss_err err;
    xc_writable *w1 = NULL, *w2 = (xc_writable *)&err;
    const char *path = tpath("locked");
    CHECK(xc_writable_open(path, XC_CREATE_OR_OPEN, &w1, &err) == SS_OK, "first writer: %s",
          err.msg);
    CHECK_EQ_INT(xc_writable_open(path, XC_CREATE_OR_OPEN, &w2, &err), SS_ELOCKED,
                 "second writer");
    CHECK(w2 == NULL, "locked open sets *out to NULL");
    CHECK(strstr(err.msg, path) != NULL, "lock message names the path: %s", err.msg);
    CHECK(xc_writable_close(w1, &err) == SS_OK, "close first: %s", err.msg);
    CHECK(xc_writable_open(path, XC_OPEN, &w2, &err) == SS_OK, "reopen after close: %s",
          err.msg);
    CHECK(xc_writable_close(w2, &err) == SS_OK, "close second: %s", err.msg);
}

static void test_corrupt(void)
{
    static const char *const files[] = {"iamglass", "postlist.glass", "termlist.glass",
                                        "docdata.glass"};
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        char path[600], file[700];
        ss_err err;
        xc_db *db = NULL;
        snprintf(path, sizeof path, "%s", tpath(files[i]));
        if (build_db(path, corpus, NCORPUS)) continue;
        snprintf(file, sizeof file, "%s/%s", path, files[i]);
        CHECK(garble(file) == 0, "garble %s", file);
        ss_code rc = xc_db_open(path, &db, &err);
        CHECK_EQ_INT(rc, SS_ECORRUPT, files[i]);
        if (rc == SS_OK) { /* then reading it must fail cleanly */
            xc_query *q = term("apple");
            xc_enquire *e = NULL;
            xc_mset *m = NULL;
            xc_enquire_new(db, &e, &err);
            xc_enquire_set_query(e, q, &err);
            CHECK(xc_enquire_get_mset(e, 0, 10, 0, &m, &err) != SS_OK, "search %s", files[i]);
            xc_mset_free(m);
            xc_enquire_free(e);
            xc_query_free(q);
            xc_db_close(db);
        } else {
            CHECK(strstr(err.msg, path) && strstr(err.msg, "DatabaseCorruptError"),
                  "corrupt message: %s", err.msg);
        }
    }
}

static void test_write(const char *path)
{
    ss_err err;
    xc_writable *w = NULL;
    uint32_t n = 0;
    CHECK(xc_writable_open(path, XC_CREATE_OR_OVERWRITE, &w, &err) == SS_OK, "create: %s",
          err.msg);
    if (!w) return;
    /* e first goes in with an obsolete text, then is replaced by its id */
    static const doc_spec old_e = {"e", "obsolete words", "fruit", "1999"};
    static const doc_spec doomed[] = {{"g", "doomed", "gone", "2000"},
                                      {"h", "doomed too", "gone", "2001"}};
    add_docs(w, &old_e, 1);
    add_docs(w, doomed, 2);
    CHECK(xc_writable_commit(w, &err) == SS_OK, "commit: %s", err.msg);
    CHECK(xc_writable_termfreq(w, "obsolete", &n, &err) == SS_OK && n == 1, "obsolete=%u", n);
    for (size_t i = 0; i < NCORPUS; i++) {
        xc_doc *doc = make_doc(&corpus[i]);
        char q[8];
        snprintf(q, sizeof q, "Q%s", corpus[i].id);
        CHECK(xc_writable_replace_by_term(w, q, doc, &err) == SS_OK, "replace %s: %s", q,
              err.msg);
        xc_doc_free(doc);
    }
    CHECK(xc_writable_termfreq(w, "obsolete", &n, &err) == SS_OK && n == 0, "replaced: %u", n);
    CHECK(xc_writable_doccount(w, &n, &err) == SS_OK && n == NCORPUS + 2, "count %u", n);
    CHECK(xc_writable_delete_by_term(w, "Kgone", &err) == SS_OK, "delete: %s", err.msg);
    CHECK(xc_writable_delete_by_term(w, "Knothing", &err) == SS_OK, "delete absent term");
    CHECK(xc_writable_doccount(w, &n, &err) == SS_OK && n == NCORPUS, "after delete %u", n);
    CHECK(xc_writable_set_metadata(w, "version", "1\0x", 3, &err) == SS_OK, "set meta");
    CHECK(xc_writable_set_metadata(w, "gone", "", 0, &err) == SS_OK, "set empty meta");
    char *v = NULL;
    size_t len = 99;
    CHECK(xc_writable_get_metadata(w, "version", &v, &len, &err) == SS_OK && len == 3 &&
              memcmp(v, "1\0x", 4) == 0,
          "writable metadata round trip");
    free(v);
    CHECK(xc_writable_close(w, &err) == SS_OK, "close: %s", err.msg);
    CHECK(xc_writable_close(NULL, &err) == SS_OK, "close NULL");
}

static int collect_term(void *ctx, const char *t, size_t len, uint32_t freq)
{
    char *out = ctx;
    size_t n = strlen(out);
    snprintf(out + n, 256 - n, "%.*s:%u ", (int)len, t, freq);
    return 0;
}

static int stop_after_two(void *ctx, const char *t, size_t len, uint32_t freq)
{
    (void)t, (void)len, (void)freq;
    return ++*(int *)ctx == 2;
}

/* The first posting of a term and a document's data by id (record_join.c
 * finds a speech's head so): e replaced document 1 and kept its id; g and
 * h (2, 3) were deleted. */
static void test_first_posting(xc_db *db)
{
    static const struct {
        const char *term;
        const char *data; /* of its first posting, NULL: none */
    } cases[] = {{"Kfruit", "e"}, {"Kveg", "c"}, {"banana", "a"}, {"Qf", "f"},
                 {"nothing", NULL}, {"Kgone", NULL}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ss_err err;
        xc_docid id = 99;
        char *data = NULL;
        size_t len = 0;
        CHECK_EQ_INT(xc_db_first_posting(db, cases[i].term, strlen(cases[i].term), &id, &err),
                     SS_OK, cases[i].term);
        if (!cases[i].data) {
            CHECK(id == 0, "%s: no posting, id %u", cases[i].term, id);
            continue;
        }
        CHECK_EQ_INT(xc_db_doc_data(db, id, &data, &len, &err), SS_OK, cases[i].term);
        CHECK(data && len == strlen(cases[i].data) && strcmp(data, cases[i].data) == 0,
              "%s: first posting %u has data [%s]", cases[i].term, id, data ? data : "NULL");
        free(data);
    }
    ss_err err;
    char *data = NULL;
    CHECK_EQ_INT(xc_db_doc_data(db, 2, &data, NULL, &err), SS_ENOTFOUND, "deleted document");
    CHECK(data == NULL, "no data for a deleted document");
    CHECK_EQ_INT(xc_db_first_posting(NULL, "a", 1, NULL, &err), SS_EINVAL, "NULL db");
}

static void test_read(xc_db *db)
{
    ss_err err;
    uint32_t n = 0;
    static const struct {
        const char *term;
        uint32_t freq;
    } freqs[] = {{"apple", 4}, {"banana", 5}, {"fig", 1},     {"Kveg", 3},
                 {"Qa", 1},    {"nothing", 0}, {"obsolete", 0}};
    CHECK(xc_db_doccount(db, &n, &err) == SS_OK && n == NCORPUS, "doccount %u", n);
    for (size_t i = 0; i < sizeof freqs / sizeof freqs[0]; i++) {
        CHECK(xc_db_termfreq(db, freqs[i].term, &n, &err) == SS_OK, "termfreq: %s", err.msg);
        CHECK_EQ_INT(n, freqs[i].freq, freqs[i].term);
    }
    char *v = NULL;
    size_t len = 0;
    CHECK(xc_db_get_metadata(db, "version", &v, &len, &err) == SS_OK && len == 3 &&
              memcmp(v, "1\0x", 4) == 0,
          "metadata round trip");
    free(v);
    CHECK(xc_db_get_metadata(db, "unset", &v, &len, &err) == SS_OK && len == 0 && *v == '\0',
          "unset metadata is empty");
    free(v);
    CHECK_EQ_INT(xc_db_get_metadata(db, "", &v, &len, &err), SS_EINVAL, "empty metadata key");

    char terms[256] = "";
    CHECK(xc_db_each_term(db, "K", collect_term, terms, &err) == SS_OK, "each K: %s", err.msg);
    CHECK_EQ_STR(terms, "Kfruit:3 Kveg:3 ", "each_term K");
    terms[0] = '\0';
    CHECK(xc_db_each_term(db, "Q", collect_term, terms, &err) == SS_OK, "each Q: %s", err.msg);
    CHECK_EQ_STR(terms, "Qa:1 Qb:1 Qc:1 Qd:1 Qe:1 Qf:1 ", "each_term Q");
    terms[0] = '\0';
    CHECK(xc_db_each_term(db, "zzz", collect_term, terms, &err) == SS_OK, "each none");
    CHECK_EQ_STR(terms, "", "each_term without match");
    int calls = 0;
    CHECK(xc_db_each_term(db, "", stop_after_two, &calls, &err) == SS_OK, "each stop");
    CHECK_EQ_INT(calls, 2, "each_term stops when cb returns nonzero");
}

static void test_reopen(const char *path)
{
    ss_err err;
    xc_db *db = open_db(path);
    xc_writable *w = NULL;
    uint32_t n = 0;
    static const doc_spec extra = {"z", "zebra", "animal", "2030"};
    CHECK(xc_writable_open(path, XC_OPEN, &w, &err) == SS_OK, "open writer: %s", err.msg);
    add_docs(w, &extra, 1);
    CHECK(xc_writable_commit(w, &err) == SS_OK, "commit extra");
    CHECK(xc_db_doccount(db, &n, &err) == SS_OK && n == NCORPUS, "old revision %u", n);
    CHECK(xc_db_reopen(db, &err) == SS_OK, "reopen: %s", err.msg);
    CHECK(xc_db_doccount(db, &n, &err) == SS_OK && n == NCORPUS + 1, "new revision %u", n);
    CHECK(xc_writable_delete_by_term(w, "Qz", &err) == SS_OK, "delete extra");
    CHECK(xc_writable_close(w, &err) == SS_OK, "close writer");
    xc_db_close(db);
}

/* Changes inside a transaction are invisible to readers until it commits. */
static void test_transaction(void)
{
    ss_err err;
    char path[512];
    snprintf(path, sizeof path, "%s/txn", tmpdir); /* tpath's buffers are in use by main */
    xc_writable *w = NULL;
    uint32_t n = 99;
    CHECK(xc_writable_open(path, XC_CREATE_OR_OVERWRITE, &w, &err) == SS_OK, "open: %s", err.msg);
    CHECK(xc_writable_commit(w, &err) == SS_OK, "first commit");
    xc_db *db = open_db(path);
    CHECK(xc_writable_begin(w, &err) == SS_OK, "begin: %s", err.msg);
    add_docs(w, corpus, 3);
    CHECK(xc_writable_set_metadata(w, "file:a", "1", 1, &err) == SS_OK, "metadata in txn");
    CHECK(xc_writable_begin(w, &err) == SS_EINVAL, "nested begin refused");
    CHECK(xc_db_reopen(db, &err) == SS_OK && xc_db_doccount(db, &n, &err) == SS_OK && n == 0,
          "nothing visible before commit_transaction: %u", n);
    CHECK(xc_writable_commit_transaction(w, &err) == SS_OK, "commit_transaction: %s", err.msg);
    CHECK(xc_writable_commit_transaction(w, &err) == SS_EINVAL, "commit without a transaction");
    CHECK(xc_db_reopen(db, &err) == SS_OK && xc_db_doccount(db, &n, &err) == SS_OK && n == 3,
          "all visible after commit_transaction: %u", n);
    char *v = NULL;
    size_t len = 0;
    CHECK(xc_db_get_metadata(db, "file:a", &v, &len, &err) == SS_OK && len == 1 && v[0] == '1',
          "metadata committed with the documents");
    free(v);
    CHECK(xc_writable_close(w, &err) == SS_OK, "close");
    xc_db_close(db);
}

/* Metadata listing: in key order, with values, stopping when asked. */
typedef struct {
    char seen[8][32];
    int n, stop_after;
} meta_seen;

static int on_meta(void *ctx, const char *key, size_t klen, const char *value, size_t vlen)
{
    meta_seen *m = ctx;
    if (m->n < 8)
        snprintf(m->seen[m->n], sizeof m->seen[0], "%.*s=%.*s", (int)klen, key, (int)vlen, value);
    m->n++;
    return m->stop_after && m->n >= m->stop_after;
}

static void test_each_metadata(void)
{
    ss_err err;
    char path[512];
    snprintf(path, sizeof path, "%s/meta", tmpdir);
    xc_writable *w = NULL;
    CHECK(xc_writable_open(path, XC_CREATE_OR_OVERWRITE, &w, &err) == SS_OK, "open: %s", err.msg);
    static const char *const kv[][2] = { { "file:b", "2" }, { "file:a", "1" }, { "other", "x" },
                                         { "file:c", "3" } };
    for (size_t i = 0; i < sizeof kv / sizeof kv[0]; i++)
        CHECK(xc_writable_set_metadata(w, kv[i][0], kv[i][1], 1, &err) == SS_OK, "set %s",
              kv[i][0]);
    static const struct {
        const char *prefix;
        int stop_after, want_n;
        const char *first, *last;
    } cases[] = {
        { "file:", 0, 3, "file:a=1", "file:c=3" },
        { "file:", 1, 1, "file:a=1", "file:a=1" },
        { "other", 0, 1, "other=x", "other=x" },
        { "none", 0, 0, NULL, NULL },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        meta_seen m = { .n = 0, .stop_after = cases[i].stop_after };
        CHECK(xc_writable_each_metadata(w, cases[i].prefix, on_meta, &m, &err) == SS_OK,
              "each %s", cases[i].prefix);
        CHECK_EQ_INT(m.n, cases[i].want_n, cases[i].prefix);
        if (cases[i].first && m.n) {
            CHECK_EQ_STR(m.seen[0], cases[i].first, cases[i].prefix);
            CHECK_EQ_STR(m.seen[m.n - 1], cases[i].last, cases[i].prefix);
        }
    }
    /* the callback may change the database (keys are listed first) */
    CHECK(xc_writable_commit(w, &err) == SS_OK, "commit");
    xc_db *db = open_db(path);
    meta_seen m = { .n = 0 };
    CHECK(db && xc_db_each_metadata(db, "file:", on_meta, &m, &err) == SS_OK && m.n == 3,
          "reader lists the same keys: %d", m.n);
    xc_db_close(db);
    CHECK(xc_writable_close(w, &err) == SS_OK, "close");
}

/* Stub files with remote lines are read by the shim (for the timeout). */
static void test_remote_stub(void)
{
    static const struct {
        const char *stub, *msg;
    } cases[] = {
        { "remote 127.0.0.1:1\n", "connect" },              /* nothing listens on port 1 */
        { "remote 127.0.0.1:99999\n", "not understood" },   /* not a port */
        { "bogus line\nremote 127.0.0.1:1\n", "not understood" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char path[512];
        snprintf(path, sizeof path, "%s/remote.stub", tmpdir);
        FILE *f = fopen(path, "w");
        if (!f)
            continue;
        fputs(cases[i].stub, f);
        fclose(f);
        ss_err err;
        xc_db *db = NULL;
        ss_code rc = xc_db_open_timeout(path, 500, &db, &err);
        CHECK(rc != SS_OK && db == NULL, "stub %zu refused", i);
        CHECK(rc == SS_OK || strstr(err.msg, cases[i].msg), "stub %zu message: %s", i, err.msg);
        xc_db_close(db);
    }
}

static void test_operators(xc_db *db)
{
    ss_err err;
    xc_query *all = NULL, *none = NULL;
    CHECK(xc_query_match_all(&all, &err) == SS_OK, "match_all");
    expect_ids(db, all, "abcdef", "match all");
    CHECK(xc_query_combine(XC_OP_OR, NULL, 0, 0, &none, &err) == SS_OK, "combine nothing");
    expect_ids(db, none, "", "empty query");

    const struct {
        const char *name;
        xc_query *q;
        const char *ids;
    } cases[] = {
        {"term", term("apple"), "abdf"},
        {"boolean term", term("Kfruit"), "abe"},
        {"absent term", term("nothing"), ""},
        {"AND", op2(XC_OP_AND, 0, "apple", "cherry"), "ab"},
        {"OR", op2(XC_OP_OR, 0, "date", "fig"), "ce"},
        {"AND_NOT", op2(XC_OP_AND_NOT, 0, "apple", "cherry"), "df"},
        {"XOR", op2(XC_OP_XOR, 0, "apple", "banana"), "c"},
        {"AND_MAYBE", op2(XC_OP_AND_MAYBE, 0, "banana", "cherry"), "abcdf"},
        {"FILTER", op2(XC_OP_FILTER, 0, "apple", "Kveg"), "df"},
        {"FILTER 3", op3(XC_OP_FILTER, 0, "apple", "Kveg", "Qd"), "d"},
        {"SYNONYM", op2(XC_OP_SYNONYM, 0, "date", "fig"), "ce"},
        {"ELITE_SET 10", op3(XC_OP_ELITE_SET, 10, "apple", "date", "fig"), "abcdef"},
        {"ELITE_SET 1", op2(XC_OP_ELITE_SET, 1, "date", "fig"), "e"},
        /* phrase: in order within window positions (0 = number of terms) */
        {"PHRASE w0", op2(XC_OP_PHRASE, 0, "apple", "banana"), "a"},
        {"PHRASE w2", op2(XC_OP_PHRASE, 2, "apple", "banana"), "a"},
        {"PHRASE w3", op2(XC_OP_PHRASE, 3, "apple", "banana"), "ab"},
        {"PHRASE w4", op2(XC_OP_PHRASE, 4, "apple", "banana"), "abd"},
        {"PHRASE reversed", op2(XC_OP_PHRASE, 0, "banana", "apple"), "f"},
        {"PHRASE 3 terms", op3(XC_OP_PHRASE, 0, "apple", "banana", "cherry"), "a"},
        {"PHRASE 3 terms w2", op3(XC_OP_PHRASE, 2, "apple", "banana", "cherry"), ""},
        {"PHRASE 3 terms w3", op3(XC_OP_PHRASE, 3, "apple", "banana", "cherry"), "a"},
        {"PHRASE 3 apart w3", op3(XC_OP_PHRASE, 3, "apple", "cherry", "banana"), "b"},
        /* near: any order within window positions */
        {"NEAR w0", op2(XC_OP_NEAR, 0, "apple", "banana"), "af"},
        {"NEAR w3", op2(XC_OP_NEAR, 3, "apple", "banana"), "abf"},
        {"NEAR w4", op2(XC_OP_NEAR, 4, "banana", "apple"), "abdf"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        expect_ids(db, cases[i].q, cases[i].ids, cases[i].name);
}

static int near(double a, double b)
{
    return fabs(a - b) < 1e-9 * (fabs(a) + fabs(b) + 1);
}

static void test_weights(xc_db *db)
{
    ss_err err;
    xc_query *apple = term("apple"), *scaled = NULL;
    xc_query *filter = op2(XC_OP_FILTER, 0, "apple", "Kveg");
    xc_query *maybe = op2(XC_OP_AND_MAYBE, 0, "banana", "cherry");
    xc_query *boolean = term("Kfruit");
    CHECK(xc_query_scale(apple, 2.5, &scaled, &err) == SS_OK, "scale: %s", err.msg);
    double w = weight_of(db, apple, "d");
    CHECK(w > 0, "apple weight %g", w);
    CHECK(near(weight_of(db, scaled, "d"), 2.5 * w), "scaled weight");
    CHECK(near(weight_of(db, filter, "d"), w), "FILTER weighs by its first subquery only");
    CHECK(weight_of(db, maybe, "a") > weight_of(db, maybe, "c"), "AND_MAYBE adds weight");
    CHECK(weight_of(db, boolean, "a") == 0, "boolean terms have no weight");
    xc_query_free(scaled);
    CHECK_EQ_INT(xc_query_scale(apple, -1, &scaled, &err), SS_EINVAL, "negative scale");
    CHECK(scaled == NULL, "failed scale leaves *out NULL");
    xc_query_free(apple);
    xc_query_free(filter);
    xc_query_free(maybe);
    xc_query_free(boolean);
}

static void test_bm25(xc_db *db)
{
    ss_err err;
    xc_enquire *e = NULL;
    xc_mset *m1 = NULL, *m2 = NULL;
    xc_query *q = term("apple");
    double w1 = 0, w2 = 0;
    CHECK(xc_enquire_new(db, &e, &err) == SS_OK && xc_enquire_set_query(e, q, &err) == SS_OK,
          "enquire: %s", err.msg);
    CHECK(xc_enquire_get_mset(e, 0, 10, 0, &m1, &err) == SS_OK, "default mset");
    CHECK(xc_enquire_set_bm25(e, 1, 0, 1, 0.5, 0.5, &err) == SS_OK, "bm25 defaults");
    CHECK(xc_enquire_get_mset(e, 0, 10, 0, &m2, &err) == SS_OK, "bm25 mset");
    xc_mset_weight(m1, 0, &w1, &err);
    xc_mset_weight(m2, 0, &w2, &err);
    CHECK(near(w1, w2), "explicit default BM25 equals the default (%g, %g)", w1, w2);
    xc_mset_free(m2);
    CHECK(xc_enquire_set_bm25(e, 0, 0, 1, 0.5, 0.5, &err) == SS_OK, "bm25 k1=0");
    CHECK(xc_enquire_get_mset(e, 0, 10, 0, &m2, &err) == SS_OK, "k1=0 mset");
    xc_mset_weight(m2, 0, &w2, &err);
    CHECK(!near(w1, w2), "k1=0 changes the weight (%g, %g)", w1, w2);
    xc_mset_free(m1);
    xc_mset_free(m2);
    xc_enquire_free(e);
    xc_query_free(q);
}

static void test_mset(xc_db *db)
{
    ss_err err;
    xc_query *q = term("apple");
    xc_mset *m = search(db, q, 0, 10), *page = search(db, q, 2, 10);
    double w = 0;
    char *data = (char *)&err;
    CHECK_EQ_INT(xc_mset_size(m), 4, "mset size");
    CHECK_EQ_INT(xc_mset_estimated(m), 4, "mset estimated");
    CHECK_EQ_INT(xc_mset_size(page), 2, "second page size");
    for (uint32_t i = 1; i < 4; i++) {
        double prev = 0;
        xc_mset_weight(m, i - 1, &prev, &err);
        xc_mset_weight(m, i, &w, &err);
        CHECK(prev >= w, "weights descend at %u", i);
    }
    static const uint32_t bad[] = {4, 5, 1000, UINT32_MAX};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        CHECK_EQ_INT(xc_mset_weight(m, bad[i], &w, &err), SS_EINVAL, "weight out of range");
        CHECK(strstr(err.msg, "out of range") != NULL, "range message: %s", err.msg);
        CHECK_EQ_INT(xc_mset_data(m, bad[i], &data, NULL, &err), SS_EINVAL, "data range");
    }
    CHECK_EQ_INT(xc_mset_size(NULL), 0, "size of NULL");
    CHECK_EQ_INT(xc_mset_weight(NULL, 0, &w, &err), SS_EINVAL, "weight of NULL");
    xc_mset_free(m);
    xc_mset_free(page);
    xc_query_free(q);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(a, b);
}

/* (data, weight) of every hit, sorted by data, as text. */
static void hits_text(xc_db *db, const xc_query *q, char *out, size_t size)
{
    ss_err err;
    xc_mset *m = search(db, q, 0, 100);
    char line[NCORPUS][64];
    uint32_t n = xc_mset_size(m);
    for (uint32_t i = 0; i < n && i < NCORPUS; i++) {
        char *data = NULL;
        double w = 0;
        xc_mset_data(m, i, &data, NULL, &err);
        xc_mset_weight(m, i, &w, &err);
        snprintf(line[i], sizeof line[i], "%s=%.9f ", data ? data : "?", w);
        free(data);
    }
    qsort(line, n < NCORPUS ? n : NCORPUS, sizeof line[0], cmp_str);
    out[0] = '\0';
    for (uint32_t i = 0; i < n && i < NCORPUS; i++) strncat(out, line[i], size - strlen(out) - 1);
    xc_mset_free(m);
}

/* The corpus split after its first `split` documents into the shards
 * NAME1 and NAME2 (in the test folder), opened both ways: *added, the
 * first with the second added (xc_db_add); *stubbed, through a stub file
 * NAME.stub that names both. */
static void open_split(const char *name, size_t split, xc_db **added, xc_db **stubbed)
{
    char s1[512], s2[512], stub[512], text[1200];
    snprintf(s1, sizeof s1, "%s/%s1", tmpdir, name);
    snprintf(s2, sizeof s2, "%s/%s2", tmpdir, name);
    snprintf(stub, sizeof stub, "%s/%s.stub", tmpdir, name);
    build_db(s1, corpus, split);
    build_db(s2, corpus + split, NCORPUS - split);
    snprintf(text, sizeof text, "auto %s\nauto %s\n", s1, s2);
    write_file(stub, text);
    ss_err err;
    *added = open_db(s1);
    *stubbed = open_db(stub);
    CHECK(xc_db_add(*added, s2, &err) == SS_OK, "xc_db_add: %s", err.msg);
}

static void test_shards(xc_db *whole)
{
    ss_err err;
    xc_db *added = NULL, *stubbed = NULL;
    open_split("shard", 3, &added, &stubbed);
    CHECK_EQ_INT(xc_db_add(added, tpath("no-such-shard"), &err), SS_ENOTFOUND, "add missing");
    uint32_t n = 0;
    CHECK(xc_db_doccount(added, &n, &err) == SS_OK && n == NCORPUS, "added count %u", n);
    CHECK(xc_db_doccount(stubbed, &n, &err) == SS_OK && n == NCORPUS, "stub count %u", n);
    xc_query *queries[] = {
        term("apple"),
        op2(XC_OP_OR, 0, "date", "cherry"),
        op2(XC_OP_AND_MAYBE, 0, "banana", "cherry"),
        op2(XC_OP_PHRASE, 3, "apple", "banana"),
        op2(XC_OP_FILTER, 0, "banana", "Kveg"),
    };
    for (size_t i = 0; i < sizeof queries / sizeof queries[0]; i++) {
        char want[512], got1[512], got2[512];
        hits_text(whole, queries[i], want, sizeof want);
        hits_text(added, queries[i], got1, sizeof got1);
        hits_text(stubbed, queries[i], got2, sizeof got2);
        CHECK(want[0] != '\0', "query %zu matches something", i);
        CHECK_EQ_STR(got1, want, "xc_db_add shards");
        CHECK_EQ_STR(got2, want, "stub file shards");
        xc_query_free(queries[i]);
    }
    xc_db_close(added);
    xc_db_close(stubbed);
}

/* xc_query_any_term: any of a list of terms, as a boolean posting source
 * read per shard -- the same documents as the OR of the terms, alone, in
 * AND (the matcher skips through it), AND_NOT and FILTER, on one database,
 * on shards added together and through a stub; weight 0. */
static xc_query *any_of(xc_db *db, const char *spaced)
{
    ss_err err;
    char buf[256];
    const char *t[8];
    size_t len[8], n = 0;
    snprintf(buf, sizeof buf, "%s", spaced);
    for (char *save, *w = strtok_r(buf, " ", &save); w && n < 8; w = strtok_r(NULL, " ", &save))
        t[n] = w, len[n] = strlen(w), n++;
    xc_query *q = NULL;
    CHECK(xc_query_any_term(db, t, len, n, &q, &err) == SS_OK, "any_term %s: %s", spaced,
          err.msg);
    return q;
}

static xc_query *with(xc_op op, xc_query *a, xc_query *b)
{
    xc_query *subs[2] = {a, b};
    return combine(op, 0, 2, subs);
}

static void test_any_term(xc_db *whole)
{
    ss_err err;
    xc_db *added = NULL, *stubbed = NULL;
    open_split("anyshard", 2, &added, &stubbed);
    xc_db *dbs[] = {whole, added, stubbed};
    const char *names[] = {"one database", "shards added", "stub"};
    static const struct {
        const char *name, *terms; /* any of terms */
        xc_op op;                 /* XC_OP_MAX: alone, else (other OP any) */
        const char *other, *ids;
    } cases[] = {
        {"one term", "Qc", XC_OP_MAX, NULL, "c"},
        {"several", "Qa Qd Qf", XC_OP_MAX, NULL, "adf"},
        {"overlapping", "Kfruit apple", XC_OP_MAX, NULL, "abdef"},
        {"with absent terms", "nothing Qe zzz", XC_OP_MAX, NULL, "e"},
        {"none present", "nothing zzz", XC_OP_MAX, NULL, ""},
        {"AND skips through it", "Qb Qc Qf Kgone", XC_OP_AND, "banana", "bcf"},
        {"AND dense", "Kveg Kfruit", XC_OP_AND, "date", "ce"},
        {"AND_NOT", "Qa Qb", XC_OP_AND_NOT, "apple", "df"},
        {"FILTER", "Kveg", XC_OP_FILTER, "apple", "df"},
    };
    for (size_t d = 0; d < sizeof dbs / sizeof dbs[0]; d++) {
        if (!dbs[d]) continue;
        for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
            char name[160];
            snprintf(name, sizeof name, "%s: %s", names[d], cases[i].name);
            xc_query *any = any_of(dbs[d], cases[i].terms), *q = any;
            if (cases[i].op != XC_OP_MAX)
                q = with(cases[i].op, term(cases[i].other), any);
            expect_ids(dbs[d], q, cases[i].ids, name);
        }
        xc_query *w = with(XC_OP_AND, term("apple"), any_of(dbs[d], "Qa Qb"));
        xc_query *apple = term("apple"), *alone = any_of(dbs[d], "Qa");
        CHECK(near(weight_of(dbs[d], w, "a"), weight_of(dbs[d], apple, "a")),
              "%s: any_term adds no weight", names[d]);
        CHECK(weight_of(dbs[d], alone, "a") == 0, "%s: weight 0", names[d]);
        xc_query_free(w);
        xc_query_free(apple);
        xc_query_free(alone);
    }
    xc_query *q = NULL;
    const char *t[1] = {""};
    size_t len[1] = {0};
    CHECK_EQ_INT(xc_query_any_term(whole, t, len, 1, &q, &err), SS_EINVAL, "empty term");
    CHECK_EQ_INT(xc_query_any_term(NULL, t, len, 0, &q, &err), SS_EINVAL, "NULL db");
    CHECK(q == NULL, "failed any_term leaves *out NULL");
    xc_db_close(added);
    xc_db_close(stubbed);
}

static void test_bad_args(xc_db *db)
{
    ss_err err;
    xc_db *d = NULL;
    xc_writable *w = NULL;
    xc_doc *doc = NULL;
    xc_query *q = NULL, *t = term("apple"), *subs[2] = {t, NULL};
    xc_enquire *e = NULL;
    xc_mset *m = NULL;
    uint32_t n = 0;
    char *s = NULL;
    xc_doc_new(&doc, &err);
    const struct {
        const char *name;
        ss_code got, want;
    } cases[] = {
        {"db_open NULL path", xc_db_open(NULL, &d, &err), SS_EINVAL},
        {"db_open empty path", xc_db_open("", &d, &err), SS_EINVAL},
        {"db_open NULL out", xc_db_open("/tmp", NULL, &err), SS_EINVAL},
        {"db_add NULL db", xc_db_add(NULL, "/tmp", &err), SS_EINVAL},
        {"db_add empty path", xc_db_add(db, "", &err), SS_EINVAL},
        {"db_reopen NULL", xc_db_reopen(NULL, &err), SS_EINVAL},
        {"doccount NULL out", xc_db_doccount(db, NULL, &err), SS_EINVAL},
        {"termfreq NULL term", xc_db_termfreq(db, NULL, &n, &err), SS_EINVAL},
        {"metadata NULL key", xc_db_get_metadata(db, NULL, &s, NULL, &err), SS_EINVAL},
        {"each_term NULL cb", xc_db_each_term(db, "", NULL, NULL, &err), SS_EINVAL},
        {"each_term NULL prefix", xc_db_each_term(db, NULL, collect_term, NULL, &err), SS_EINVAL},
        {"writable NULL path", xc_writable_open(NULL, XC_OPEN, &w, &err), SS_EINVAL},
        {"writable empty path", xc_writable_open("", XC_OPEN, &w, &err), SS_EINVAL},
        {"writable bad mode", xc_writable_open(tpath("x"), 7, &w, &err), SS_EINVAL},
        {"writable_commit NULL", xc_writable_commit(NULL, &err), SS_EINVAL},
        {"writable_add NULL", xc_writable_add(NULL, doc, NULL, &err), SS_EINVAL},
        {"replace NULL term", xc_writable_replace_by_term(NULL, NULL, doc, &err), SS_EINVAL},
        {"delete NULL", xc_writable_delete_by_term(NULL, "Qa", &err), SS_EINVAL},
        {"set_metadata NULL", xc_writable_set_metadata(NULL, "k", "v", 1, &err), SS_EINVAL},
        {"doc_new NULL", xc_doc_new(NULL, &err), SS_EINVAL},
        {"posting NULL term", xc_doc_add_posting(doc, NULL, 0, 1, 1, &err), SS_EINVAL},
        {"posting empty term", xc_doc_add_posting(doc, "", 0, 1, 1, &err), SS_EINVAL},
        {"add_term empty", xc_doc_add_term(doc, "", 0, 1, &err), SS_EINVAL},
        {"add_term NULL doc", xc_doc_add_term(NULL, "a", 1, 1, &err), SS_EINVAL},
        {"boolean empty", xc_doc_add_boolean(doc, "", 0, &err), SS_EINVAL},
        {"set_data NULL with len", xc_doc_set_data(doc, NULL, 3, &err), SS_EINVAL},
        {"set_data NULL empty", xc_doc_set_data(doc, NULL, 0, &err), SS_OK},
        {"query_term NULL", xc_query_term(NULL, 0, 1, &q, &err), SS_EINVAL},
        {"query_term empty", xc_query_term("", 0, 1, &q, &err), SS_EINVAL},
        {"combine NULL sub", xc_query_combine(XC_OP_AND, subs, 2, 0, &q, &err), SS_EINVAL},
        {"combine NULL subs", xc_query_combine(XC_OP_AND, NULL, 2, 0, &q, &err), SS_EINVAL},
        {"combine bad op", xc_query_combine(XC_OP_MAX, subs, 1, 0, &q, &err), SS_EINVAL},
        {"scale NULL", xc_query_scale(NULL, 1, &q, &err), SS_EINVAL},
        {"enquire NULL db", xc_enquire_new(NULL, &e, &err), SS_EINVAL},
        {"set_query NULL", xc_enquire_set_query(NULL, t, &err), SS_EINVAL},
        {"bm25 NULL", xc_enquire_set_bm25(NULL, 1, 0, 1, .5, .5, &err), SS_EINVAL},
        {"get_mset NULL", xc_enquire_get_mset(NULL, 0, 10, 0, &m, &err), SS_EINVAL},
        {"err may be NULL", xc_db_open(NULL, &d, NULL), SS_EINVAL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        CHECK_EQ_INT(cases[i].got, cases[i].want, cases[i].name);
    CHECK(!d && !w && !q && !e && !m, "failed calls leave outputs NULL");

    /* Xapian's own argument checks come back as SS_EINVAL, naming the type */
    CHECK_EQ_INT(xc_doc_add_posting(doc, "", 0, 1, 1, &err), SS_EINVAL, "empty posting");
    CHECK(strstr(err.msg, "InvalidArgumentError") != NULL, "message type: %s", err.msg);
    /* Xapian 1.4 treats an enquire without a query as the empty query */
    CHECK(xc_enquire_new(db, &e, &err) == SS_OK, "enquire");
    CHECK(xc_enquire_get_mset(e, 0, 10, 0, &m, &err) == SS_OK, "mset without query");
    CHECK_EQ_INT(xc_mset_size(m), 0, "no query matches nothing");
    xc_mset_free(m);
    xc_enquire_free(e);
    xc_db_close(NULL);
    xc_doc_free(NULL);
    xc_query_free(NULL);
    xc_enquire_free(NULL);
    xc_mset_free(NULL);
    xc_doc_free(doc);
    xc_query_free(t);
}

int main(int argc, char **argv)
{
    (void)argc;
    if (!mkdtemp(tmpdir)) {
        perror("mkdtemp");
        return 1;
    }
    const char *main_db = tpath("main");
    test_missing();
    test_locked();
    test_corrupt();
    test_write(main_db);
    test_transaction();
    test_each_metadata();
    test_remote_stub();
    xc_db *db = open_db(main_db);
    if (db) {
        test_read(db);
        test_first_posting(db);
        test_reopen(main_db);
        xc_db_reopen(db, NULL);
        test_operators(db);
        test_weights(db);
        test_bm25(db);
        test_mset(db);
        test_shards(db);
        test_any_term(db);
        test_bad_args(db);
        xc_db_close(db);
    }
    rm_tree(tmpdir);
    return check_report(argv[0]);
}
