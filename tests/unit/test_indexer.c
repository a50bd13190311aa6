/* test_indexer.c: unit tests of the indexer's file identity and records
 * (indexer.h): ss_canonical_path for existing, linked, vanished and
 * relative paths; a file named twice is indexed once; a vanished file and
 * a file turned binary lose their passages; ss_indexer_remove and
 * ss_indexer_prune; the record listing (ss_index_each_file). */
#define _XOPEN_SOURCE 700

#include "indexer.h"

#include <ftw.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <fcntl.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "xapian_c.h"

static char tmpdir[] = "/tmp/test_indexer.XXXXXX";
static char real_tmp[PATH_MAX];

static int rm_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void)sb, (void)flag, (void)ftw;
    return remove(path);
}

static void put(const char *rel, const char *text)
{
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/%s", tmpdir, rel);
    FILE *f = fopen(path, "w");
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}

static void test_canonical(void)
{
    char cwd[PATH_MAX];
    if (!getcwd(cwd, sizeof cwd) || chdir(tmpdir) != 0)
        return;
    mkdir("d", 0777);
    put("d/a.txt", "x");
    symlink("d", "link");
    static const struct {
        const char *path, *want; /* want relative to the real tmpdir */
    } cases[] = {
        { "d/a.txt", "d/a.txt" },
        { "./d/a.txt", "d/a.txt" },
        { "d/../d/a.txt", "d/a.txt" },
        { "link/a.txt", "d/a.txt" },        /* a link names the file it points to */
        { "d/gone.txt", "d/gone.txt" },     /* vanished: its folder's real path */
        { "link/gone.txt", "d/gone.txt" },
        { "nodir/gone.txt", "nodir/gone.txt" }, /* no folder either: made absolute */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char want[PATH_MAX + 64];
        snprintf(want, sizeof want, "%s/%s", real_tmp, cases[i].want);
        char *got = ss_canonical_path(cases[i].path);
        CHECK_EQ_STR(got, want, cases[i].path);
        free(got);
    }
    char *abs = ss_canonical_path(real_tmp);
    CHECK_EQ_STR(abs, real_tmp, "an absolute real path is itself");
    free(abs);
    if (chdir(cwd) != 0)
        perror("chdir");
}

typedef struct {
    char paths[8][PATH_MAX];
    uint32_t passages[8];
    int n;
} listing;

static int on_file(void *ctx, const ss_file_info *f)
{
    listing *l = ctx;
    if (l->n < 8) {
        snprintf(l->paths[l->n], PATH_MAX, "%s", f->path + strlen(real_tmp));
        l->passages[l->n] = f->passages;
    }
    l->n++;
    return 0;
}

static listing list(const char *db)
{
    listing l = { .n = 0 };
    ss_err err;
    CHECK(ss_index_each_file(db, on_file, &l, &err) == SS_OK, "list: %s", err.msg);
    return l;
}

static ss_indexer *open_opts(const char *db, const ss_index_opts *o)
{
    ss_indexer *ix = NULL;
    ss_err err;
    CHECK(ss_indexer_open(db, o, &ix, &err) == SS_OK, "open: %s", err.msg);
    return ix;
}

static ss_indexer *open_ix(const char *db)
{
    return open_opts(db, NULL);
}

/* What ss_indexer_finish said of the files it read. */
typedef struct {
    int files, skipped;
    char msg[256];
} done_log;

static void on_done(void *arg, const char *path, ss_code rc, const char *msg,
                    const ss_index_stats *st)
{
    done_log *l = arg;
    (void)path;
    (void)st;
    l->files++;
    if (rc != SS_OK) {
        l->skipped++;
        snprintf(l->msg, sizeof l->msg, "%s", msg);
    }
}

static void test_records(void)
{
    char db[64], dir[64], a[64], b[64], a2[64];
    snprintf(db, sizeof db, "%s/ix", tmpdir);
    snprintf(dir, sizeof dir, "%s/c", tmpdir);
    snprintf(a, sizeof a, "%s/c/a.txt", tmpdir);
    snprintf(a2, sizeof a2, "%s/c/./a.txt", tmpdir);
    snprintf(b, sizeof b, "%s/c/b.txt", tmpdir);
    mkdir(dir, 0777);
    put("c/a.txt", "关于招商引资的讲话\n我们要深化项目合作。\n");
    put("c/b.txt", "产业发展的报告\n推进产业集聚区转型发展。\n");
    ss_err err;
    ss_indexer *ix = open_ix(db);
    if (!ix)
        return;
    CHECK(ss_indexer_add_file(ix, a, &err) == SS_OK, "add a: %s", err.msg);
    CHECK(ss_indexer_add_file(ix, a2, &err) == SS_OK, "add a again: %s", err.msg);
    CHECK(ss_indexer_add_file(ix, b, &err) == SS_OK, "add b: %s", err.msg);
    CHECK(ss_indexer_finish(ix, &err) == SS_OK, "finish: %s", err.msg);
    CHECK_EQ_INT(ss_indexer_stats(ix)->files, 2, "a file named twice is indexed once");
    CHECK(ss_indexer_close(ix, &err) == SS_OK, "close: %s", err.msg);
    listing l = list(db);
    CHECK_EQ_INT(l.n, 2, "two records");
    CHECK_EQ_STR(l.paths[0], "/c/a.txt", "record of a");
    CHECK(l.passages[0] > 0 && l.passages[1] > 0, "records count passages");

    /* b turned binary: skipped when read, its passages gone; a unchanged */
    FILE *f = fopen(b, "wb");
    if (f) {
        for (int i = 0; i < 4096; i++)
            fputc(i & 0xff, f);
        fclose(f);
    }
    done_log log = { 0, 0, "" };
    ss_index_opts o = { .done = on_done, .done_arg = &log };
    ix = open_opts(db, &o);
    if (!ix)
        return;
    CHECK(ss_indexer_add_file(ix, a, &err) == SS_OK, "a again");
    CHECK_EQ_INT(ss_indexer_stats(ix)->unchanged, 1, "a is unchanged");
    CHECK(ss_indexer_add_file(ix, b, &err) == SS_OK, "b changed: planned");
    CHECK(ss_indexer_finish(ix, &err) == SS_OK, "finish: %s", err.msg);
    CHECK(log.skipped == 1 && strstr(log.msg, "binary") != NULL, "binary message: %s", log.msg);
    CHECK_EQ_INT(ss_indexer_stats(ix)->removed, 1, "b's passages removed");
    CHECK_EQ_INT(ss_indexer_stats(ix)->rebuilt, 1, "a read again to rebuild its segment");
    CHECK(ss_indexer_close(ix, &err) == SS_OK, "close");
    l = list(db);
    CHECK(l.n == 1 && strcmp(l.paths[0], "/c/a.txt") == 0, "only a is left (%d)", l.n);

    /* prune keeps the files given, removes the others under the folder */
    put("c/b.txt", "产业发展的报告\n推进产业集聚区转型发展。\n");
    ix = open_ix(db);
    if (!ix)
        return;
    CHECK(ss_indexer_add_file(ix, b, &err) == SS_OK, "b back");
    CHECK(ss_indexer_prune(ix, dir, &err) == SS_OK, "prune: %s", err.msg);
    CHECK(ss_indexer_close(ix, &err) == SS_OK, "close");
    l = list(db);
    CHECK(l.n == 1 && strcmp(l.paths[0], "/c/b.txt") == 0, "prune removed a, kept b (%d)", l.n);

    /* remove a folder that no longer exists */
    ix = open_ix(db);
    if (!ix)
        return;
    size_t n = 0;
    CHECK(ss_indexer_remove(ix, b, &n, &err) == SS_OK && n == 1, "remove b: %zu", n);
    CHECK(ss_indexer_remove(ix, dir, &n, &err) == SS_OK && n == 0, "nothing left under c");
    CHECK(ss_indexer_close(ix, &err) == SS_OK, "close");
    CHECK_EQ_INT(list(db).n, 0, "no record left");
}

/* The segments the stub of db names, space-separated, into buf. */
static int stub_segments(const char *db, char *buf, size_t n)
{
    char path[PATH_MAX + 16], line[256];
    snprintf(path, sizeof path, "%s/XAPIANDB", db);
    buf[0] = '\0';
    FILE *f = fopen(path, "r");
    int k = 0;
    while (f && fgets(line, sizeof line, f))
        if (strncmp(line, "auto ", 5) == 0) {
            line[strcspn(line, "\n")] = '\0';
            snprintf(buf + strlen(buf), n - strlen(buf), "%s%s", k++ ? " " : "", line + 5);
        }
    if (f)
        fclose(f);
    return k;
}

static void put_speech(const char *rel, int i)
{
    char text[512];
    snprintf(text, sizeof text,
             "第%d号文件的讲话\n标记词zq%04dx要抓好招商引资。\n"
             "推进产业集聚区转型发展。\n", i, i);
    put(rel, text);
}

static int build(const char *db, const ss_index_opts *o, const char *dir, int nfiles)
{
    ss_indexer *ix = open_opts(db, o);
    ss_err err;
    if (!ix)
        return -1;
    for (int i = 0; i < nfiles; i++) {
        char path[PATH_MAX];
        snprintf(path, sizeof path, "%s/%s/f%02d.txt", tmpdir, dir, i);
        CHECK(ss_indexer_add_file(ix, path, &err) == SS_OK, "add %s: %s", path, err.msg);
    }
    char d[PATH_MAX];
    snprintf(d, sizeof d, "%s/%s", tmpdir, dir);
    CHECK(ss_indexer_prune(ix, d, &err) == SS_OK, "prune");
    CHECK(ss_indexer_finish(ix, &err) == SS_OK, "finish: %s", err.msg);
    int rebuilt = (int)ss_indexer_stats(ix)->rebuilt;
    CHECK(ss_indexer_close(ix, &err) == SS_OK, "close: %s", err.msg);
    return rebuilt;
}

static void test_segments(void)
{
    char db[PATH_MAX], before[1024], after[1024];
    snprintf(db, sizeof db, "%s/seg-ix", tmpdir);
    char dir[PATH_MAX];
    snprintf(dir, sizeof dir, "%s/s", tmpdir);
    mkdir(dir, 0777);
    for (int i = 0; i < 6; i++) {
        char rel[32];
        snprintf(rel, sizeof rel, "s/f%02d.txt", i);
        put_speech(rel, i);
    }
    /* segments of about 200 bytes: files two by two */
    ss_index_opts o = { .segment_mb = 0.0002 };
    build(db, &o, "s", 6);
    int n = stub_segments(db, before, sizeof before);
    CHECK(n >= 3, "small segments: %d (%s)", n, before);
    CHECK_EQ_INT(list(db).n, 6, "six records");

    /* unchanged: nothing rebuilt, the same segments */
    CHECK_EQ_INT(build(db, &o, "s", 6), 0, "an unchanged run rebuilds nothing");
    stub_segments(db, after, sizeof after);
    CHECK_EQ_STR(after, before, "an unchanged run keeps the segments");

    /* touched: a new stamp in place, nothing rebuilt, then unchanged */
    char f0[PATH_MAX];
    snprintf(f0, sizeof f0, "%s/s/f00.txt", tmpdir);
    struct timespec ts[2] = { { 1000000000, 0 }, { 1000000000, 0 } };
    utimensat(AT_FDCWD, f0, ts, 0);
    CHECK_EQ_INT(build(db, &o, "s", 6), 0, "a touched file rebuilds nothing");
    stub_segments(db, after, sizeof after);
    CHECK_EQ_STR(after, before, "a touched file keeps the segments");
    ss_indexer *ix = open_opts(db, &o);
    ss_err err;
    if (ix) {
        CHECK(ss_indexer_add_file(ix, f0, &err) == SS_OK, "f00 again");
        CHECK_EQ_INT(ss_indexer_stats(ix)->unchanged, 1, "its new stamp was recorded");
        CHECK(ss_indexer_close(ix, &err) == SS_OK, "close");
    }

    /* changed: its segment only is replaced, the file found by its new text */
    put("s/f03.txt", "第3号文件的新讲话\n新标记zqnewx。\n");
    int rebuilt = build(db, &o, "s", 6);
    CHECK(rebuilt >= 0 && rebuilt <= 2, "only the changed file's segment is read again (%d)",
          rebuilt);
    n = stub_segments(db, after, sizeof after);
    int kept = 0;
    for (char *t = strtok(after, " "); t; t = strtok(NULL, " "))
        kept += strstr(before, t) != NULL;
    CHECK(kept == n - 1 || kept == n - 2, "the other segments are kept (%d of %d)", kept, n);
    listing l = list(db);
    CHECK_EQ_INT(l.n, 6, "still six records");

    /* merged beyond max_segments, the records intact */
    o.max_segments = 2;
    build(db, &o, "s", 6);
    CHECK(stub_segments(db, after, sizeof after) <= 2, "merged to two: %s", after);
    CHECK_EQ_INT(list(db).n, 6, "six records after merging");

    /* leftovers of a killed run go; a second writer is refused */
    char junk[PATH_MAX + 32];
    snprintf(junk, sizeof junk, "%s/seg-000900.tmp", db);
    mkdir(junk, 0777);
    snprintf(junk, sizeof junk, "%s/seg-000901", db);
    mkdir(junk, 0777);
    ix = open_opts(db, &o);
    struct stat sb;
    CHECK(stat(junk, &sb) != 0, "a segment the stub does not name is removed on open");
    ss_indexer *ix2 = NULL;
    CHECK_EQ_INT(ss_indexer_open(db, &o, &ix2, &err), SS_ELOCKED, "a second writer");
    CHECK(strstr(err.msg, "another speech-index") != NULL, "lock message: %s", err.msg);
    ss_indexer_close(ix2, NULL);
    ss_indexer_close(ix, NULL);
}

/* The parallel API driven in one process: plan, build each batch, built. */
static void test_batches(void)
{
    char db[PATH_MAX], dir[PATH_MAX];
    snprintf(db, sizeof db, "%s/batch-ix", tmpdir);
    snprintf(dir, sizeof dir, "%s/b", tmpdir);
    mkdir(dir, 0777);
    for (int i = 0; i < 5; i++) {
        char rel[32];
        snprintf(rel, sizeof rel, "b/f%02d.txt", i);
        put_speech(rel, i);
    }
    ss_index_opts o = { .segment_mb = 0.0002, .jobs = 2 };
    ss_indexer *ix = open_opts(db, &o);
    if (!ix)
        return;
    ss_err err;
    for (int i = 0; i < 5; i++) {
        char path[PATH_MAX + 32];
        snprintf(path, sizeof path, "%s/f%02d.txt", dir, i);
        ss_indexer_add_file(ix, path, &err);
    }
    size_t nb = 0;
    CHECK(ss_indexer_plan(ix, &nb, &err) == SS_OK && nb >= 2 && nb % 2 == 0,
          "batches in whole rounds of two jobs: %zu", nb);
    CHECK_EQ_INT(ss_indexer_todo(ix), 5, "five files to read");
    for (size_t k = 0; k < nb; k++) {
        ss_index_stats st = { 0 };
        CHECK(ss_indexer_build(ix, k, NULL, NULL, &st, &err) == SS_OK, "build %zu: %s", k,
              err.msg);
        CHECK(ss_indexer_built(ix, k, &st, &err) == SS_OK, "built %zu: %s", k, err.msg);
    }
    char segs[1024];
    int published = stub_segments(db, segs, sizeof segs);
    CHECK(published == (int)nb, "each batch published: %s", segs);
    CHECK(ss_indexer_finish(ix, &err) == SS_OK, "finish");
    CHECK_EQ_INT(ss_indexer_stats(ix)->files, 5, "their stats added up");
    CHECK(ss_indexer_close(ix, &err) == SS_OK, "close");
    CHECK_EQ_INT(list(db).n, 5, "five records");
}

/* An index of format 1 (one glass database) is refused, left as it was. */
static void test_old_format(void)
{
    char db[PATH_MAX];
    snprintf(db, sizeof db, "%s/old-ix", tmpdir);
    xc_writable *w = NULL;
    ss_err err;
    if (xc_writable_open(db, XC_CREATE_OR_OPEN, &w, &err) != SS_OK)
        return;
    xc_writable_set_metadata(w, "speech-search:version", "1", 1, &err);
    xc_writable_close(w, &err);
    ss_indexer *ix = NULL;
    CHECK_EQ_INT(ss_indexer_open(db, NULL, &ix, &err), SS_EFORMAT, "open a format 1 index");
    CHECK(strstr(err.msg, "index format 1") && strstr(err.msg, "rebuild it"), "says: %s",
          err.msg);
    listing l = { .n = 0 };
    CHECK_EQ_INT(ss_index_each_file(db, on_file, &l, &err), SS_EFORMAT, "list a format 1 index");
    ss_index_totals t;
    CHECK_EQ_INT(ss_index_summary(db, &t, &err), SS_EFORMAT, "stats of a format 1 index");
    char stub[PATH_MAX + 16];
    snprintf(stub, sizeof stub, "%s/XAPIANDB", db);
    struct stat sb;
    CHECK(stat(stub, &sb) != 0, "left as it was");
}

int main(int argc, char **argv)
{
    (void)argc;
    if (!mkdtemp(tmpdir) || !realpath(tmpdir, real_tmp)) {
        perror("mkdtemp");
        return 1;
    }
    test_canonical();
    test_records();
    test_segments();
    test_batches();
    test_old_format();
    nftw(tmpdir, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
    return check_report(argv[0]);
}
