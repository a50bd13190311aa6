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
#include <unistd.h>

#include "check.h"

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

int main(int argc, char **argv)
{
    (void)argc;
    if (!mkdtemp(tmpdir) || !realpath(tmpdir, real_tmp)) {
        perror("mkdtemp");
        return 1;
    }
    test_canonical();
    test_records();
    nftw(tmpdir, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
    return check_report(argv[0]);
}
