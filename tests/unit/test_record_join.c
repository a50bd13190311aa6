/* test_record_join.c: passage records written per speech (record_write.h)
 * and joined with their speech's part at query time (record_join.h), in
 * one database and in two searched together, with each passage's head
 * where its number in the speech says (ids running on) and elsewhere
 * (found by the speech term). */
#define _XOPEN_SOURCE 700
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "prefix.h"
#include "record_join.h"
#include "record_write.h"

static char tmpdir[] = "/tmp/test_record_join.XXXXXX";

static int rm_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void)sb, (void)flag, (void)ftw;
    return remove(path);
}

/* A speech: its file, title, and its passages' texts. */
typedef struct {
    const char *file, *title;
    const char *texts[3];
    size_t n;
} speech;

static const speech speeches[] = {
    { "/x/a.txt", "甲市政府工作报告", { "第一段。", "第二段。", "第三段。" }, 3 },
    { "/x/b.txt", "乙县讲话", { "只有两段。", "第二段。" }, 2 },
};

/* Passage i of speech s into w. */
static void add(xc_writable *w, const speech *s, size_t i)
{
    ss_text t = { (char *)s->texts[i], strlen(s->texts[i]), NULL, NULL };
    ss_passage pv[3];
    memset(pv, 0, sizeof pv);
    ss_passages ps = { pv, s->n, s->n };
    ss_speech_rec sr;
    ss_speech sp;
    ss_err err;
    /* no title or speaker terms (they need the analyser): the head still
     * records the title */
    memset(&sp, 0, sizeof sp);
    CHECK_EQ_INT(ss_speech_rec_init(&sr, NULL, s->file, 1, &sp, &t, &ps, &err), SS_OK, "init");
    ss_record r;
    memset(&r, 0, sizeof r);
    r.file = (char *)s->file;
    r.title = (char *)s->title;
    r.kind = "report";
    r.speech = 1;
    r.para = (uint32_t)i + 1;
    r.byte_start = 100 * i;
    r.byte_end = 100 * i + 50;
    r.text = (char *)s->texts[i];
    xc_doc *doc = NULL;
    CHECK(xc_doc_new(&doc, &err) == SS_OK && ss_speech_rec_passage(&sr, i, &r, doc, &err) == SS_OK &&
              xc_writable_add(w, doc, NULL, &err) == SS_OK,
          "add %s #%zu", s->file, i);
    xc_doc_free(doc);
    ss_speech_rec_free(&sr);
}

/* Writes db `name` with the passages (speech, passage) of order. */
static void write_db(const char *name, const size_t (*order)[2], size_t n)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", tmpdir, name);
    xc_writable *w = NULL;
    ss_err err;
    CHECK(xc_writable_open(path, XC_CREATE_OR_OVERWRITE, &w, &err) == SS_OK, "create %s", name);
    for (size_t i = 0; w && i < n; i++)
        add(w, &speeches[order[i][0]], order[i][1]);
    CHECK(xc_writable_close(w, &err) == SS_OK, "close %s", name);
}

/* Every document of db joins with its own speech's file, title and kind,
 * read through one cache (shared) or a fresh one for each (so that every
 * head is looked up). */
static void check_db(const char *what, xc_db *db, size_t ndocs)
{
    for (int shared = 0; shared < 2; shared++) {
        ss_rjoin *j = NULL;
        ss_err err;
        CHECK(ss_rjoin_new(&j, &err) == SS_OK, "rjoin");
        size_t found = 0;
        for (xc_docid id = 1; j && id <= ndocs; id++) {
            char *data = NULL;
            size_t len = 0;
            ss_record r;
            if (xc_db_doc_data(db, id, &data, &len, &err) != SS_OK)
                continue;
            CHECK(ss_rjoin_record(j, db, id, data, len, &r, &err) == SS_OK, "%s: join %u: %s",
                  what, id, err.msg);
            for (size_t s = 0; s < sizeof speeches / sizeof speeches[0]; s++)
                for (size_t i = 0; i < speeches[s].n; i++)
                    if (r.text && strcmp(r.text, speeches[s].texts[i]) == 0 &&
                        r.para == i + 1 && r.file && strcmp(r.file, speeches[s].file) == 0) {
                        CHECK(r.title && strcmp(r.title, speeches[s].title) == 0 && r.kind &&
                                  strcmp(r.kind, "report") == 0 && r.byte_start == 100 * i,
                              "%s: doc %u joins speech %s", what, id, speeches[s].file);
                        found++;
                    }
            ss_record_free(&r);
            free(data);
            if (!shared)
                ss_rjoin_clear(j);
        }
        CHECK(found == 5, "%s (%s cache): all 5 passages found with their speech, %zu", what,
              shared ? "one" : "no", found);
        ss_rjoin_free(j);
    }
}

static void test_layouts(void)
{
    /* passages one speech after the other; interleaved (heads not where
     * the passage numbers say: found by the speech term) */
    static const size_t in_order[][2] = { { 0, 0 }, { 0, 1 }, { 0, 2 }, { 1, 0 }, { 1, 1 } };
    static const size_t mixed[][2] = { { 0, 0 }, { 1, 0 }, { 0, 1 }, { 1, 1 }, { 0, 2 } };
    static const size_t shard_a[][2] = { { 0, 0 }, { 0, 1 }, { 0, 2 } };
    static const size_t shard_b[][2] = { { 1, 0 }, { 1, 1 } };
    write_db("ordered", in_order, 5);
    write_db("mixed", mixed, 5);
    write_db("a", shard_a, 3);
    write_db("b", shard_b, 2);
    static const struct {
        const char *what, *first, *second; /* second: a shard added, or NULL */
    } cases[] = {
        { "one database", "ordered", NULL },
        { "speeches interleaved", "mixed", NULL },
        { "two shards", "a", "b" },
        { "two shards, the other way", "b", "a" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char p1[512], p2[512];
        snprintf(p1, sizeof p1, "%s/%s", tmpdir, cases[i].first);
        xc_db *db = NULL;
        ss_err err;
        CHECK(xc_db_open(p1, &db, &err) == SS_OK, "open %s", cases[i].what);
        if (db && cases[i].second) {
            snprintf(p2, sizeof p2, "%s/%s", tmpdir, cases[i].second);
            CHECK(xc_db_add(db, p2, &err) == SS_OK, "add %s", cases[i].what);
        }
        CHECK(xc_db_shards(db) == (cases[i].second ? 2u : 1u), "%s: shards", cases[i].what);
        if (db)
            check_db(cases[i].what, db, cases[i].second ? 6 : 5);
        xc_db_close(db);
    }
}

/* A passage whose speech has no head in the index is an error, not a crash. */
static void test_no_head(void)
{
    static const size_t only_second[][2] = { { 0, 1 } };
    write_db("headless", only_second, 1);
    char path[512];
    snprintf(path, sizeof path, "%s/headless", tmpdir);
    xc_db *db = NULL;
    ss_rjoin *j = NULL;
    ss_err err;
    char *data = NULL;
    size_t len = 0;
    ss_record r;
    CHECK(xc_db_open(path, &db, &err) == SS_OK && ss_rjoin_new(&j, &err) == SS_OK &&
              xc_db_doc_data(db, 1, &data, &len, &err) == SS_OK,
          "open headless");
    if (data)
        CHECK_EQ_INT(ss_rjoin_record(j, db, 1, data, len, &r, &err), SS_ECORRUPT, "no head");
    free(data);
    ss_rjoin_free(j);
    xc_db_close(db);
}

int main(int argc, char **argv)
{
    (void)argc;
    if (!mkdtemp(tmpdir)) {
        perror("mkdtemp");
        return 1;
    }
    test_layouts();
    test_no_head();
    nftw(tmpdir, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
    return check_report(argv[0]);
}
