/* shards.c: building an index as N shards in parallel, one process per
 * shard, for speech-index --shards N.
 *
 * Xapian's writer is single-threaded and takes most of the indexing time
 * (its in-memory inverter), so the way to use both cores is one writer per
 * core.  The index is then a folder holding shard-0 .. shard-(N-1) and a
 * stub file XAPIANDB naming them ("auto shard-K"); Xapian opens the folder
 * as one database, so speech-query needs nothing special.  A file always
 * goes to the same shard (a hash of its path), so re-indexing replaces
 * its passages in place.  With --merge the shards are built in a
 * temporary folder (INDEX.shards-tmp) and compacted into INDEX.merge-tmp,
 * which is renamed INDEX only when complete: killed at any point, INDEX is
 * absent or whole, and the same command run again reuses the shards built
 * so far.  A shard process that dies is named, with how to resume. */
#define _XOPEN_SOURCE 700 /* nftw */
#include "shards.h"

#include <errno.h>
#include <ftw.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "terms.h"
#include "xapian_c.h"

#define STUB "XAPIANDB"

/* What a shard process tells the parent after each file and at the end. */
typedef struct {
    ss_index_stats st;
    int done;      /* 1 in the last message */
    int status;    /* exit status, in the last message */
} shard_msg;

int shard_count(const char *db)
{
    char path[4400];
    snprintf(path, sizeof path, "%s/%s", db, STUB);
    FILE *f = fopen(path, "r");
    if (!f)
        return 0;
    int n = 0;
    char line[512];
    while (fgets(line, sizeof line, f))
        n += strncmp(line, "auto shard-", 11) == 0;
    fclose(f);
    return n;
}

static int write_stub(const char *dir, unsigned shards)
{
    char path[4400], tmp[4500];
    snprintf(path, sizeof path, "%s/%s", dir, STUB);
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    FILE *f = fopen(tmp, "w");
    if (!f)
        return -1;
    for (unsigned k = 0; k < shards; k++)
        fprintf(f, "auto shard-%u\n", k);
    if (fclose(f) != 0 || rename(tmp, path) != 0)
        return -1;
    return 0;
}

static void send_msg(int fd, const shard_msg *m)
{
    ssize_t n = write(fd, m, sizeof *m);
    (void)n; /* the parent going away is not this process's problem */
}

/* The body of shard process k: index the files that hash to k. */
static int run_shard(const char *dir, unsigned k, const shard_job *job, char **files,
                     size_t nfiles, int fd)
{
    char path[4400];
    snprintf(path, sizeof path, "%s/shard-%u", dir, k);
    ss_indexer *ix;
    ss_err err;
    shard_msg m = { { 0 }, 0, 0 };
    if (ss_indexer_open(path, &job->opts, &ix, &err) != SS_OK) {
        fprintf(stderr, "speech-index: %s\n", err.msg);
        m.done = 1;
        m.status = 2;
        send_msg(fd, &m);
        return 2;
    }
    for (size_t i = 0; i < nfiles && m.status < 2; i++) {
        char *canon = ss_canonical_path(files[i]);
        unsigned long long h = ss_path_hash(canon ? canon : files[i]);
        free(canon);
        if (h % job->shards != k)
            continue;
        ss_clearerr(&err);
        ss_code rc = ss_indexer_add_file(ix, files[i], &err);
        if (rc == SS_EIO || rc == SS_EUNSUPPORTED || rc == SS_ENOTFOUND || rc == SS_EINVAL) {
            fprintf(stderr, "speech-index: skipped: %s\n", err.msg);
            m.status = 1;
        } else if (rc != SS_OK) {
            fprintf(stderr, "speech-index: %s\n", err.msg);
            m.status = 2;
        }
        m.st = *ss_indexer_stats(ix);
        send_msg(fd, &m);
    }
    for (size_t i = 0; i < job->nprune && m.status < 2; i++)
        if (ss_indexer_prune(ix, job->prune[i], &err) != SS_OK) {
            fprintf(stderr, "speech-index: shard %u: %s\n", k, err.msg);
            m.status = 2;
        }
    m.st = *ss_indexer_stats(ix);
    if (ss_indexer_close(ix, &err) != SS_OK) {
        fprintf(stderr, "speech-index: %s\n", err.msg);
        m.status = 2;
    }
    m.done = 1;
    send_msg(fd, &m);
    return m.status;
}

static void add_stats(ss_index_stats *t, const ss_index_stats *s)
{
    t->files += s->files;
    t->unchanged += s->unchanged;
    t->skipped += s->skipped;
    t->removed += s->removed;
    t->warned += s->warned;
    t->warnings += s->warnings;
    t->passages += s->passages;
    t->bytes += s->bytes;
    t->text_bytes += s->text_bytes;
    t->cleaned_bytes += s->cleaned_bytes;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Reads the shards' messages until all are done; shows progress. */
static int collect(int *fds, unsigned n, size_t nfiles, int show, ss_index_stats *total)
{
    shard_msg *last = calloc(n, sizeof *last);
    struct pollfd *p = calloc(n, sizeof *p);
    if (!last || !p) {
        free(last);
        free(p);
        return 2;
    }
    unsigned open_fds = n;
    double t0 = now(), shown = 0;
    for (unsigned k = 0; k < n; k++)
        p[k] = (struct pollfd){ fds[k], POLLIN, 0 };
    while (open_fds > 0) {
        if (poll(p, n, -1) < 0 && errno != EINTR)
            break;
        for (unsigned k = 0; k < n; k++) {
            if (p[k].fd < 0 || !(p[k].revents & (POLLIN | POLLHUP | POLLERR)))
                continue;
            shard_msg m;
            if (read(p[k].fd, &m, sizeof m) == (ssize_t)sizeof m) {
                last[k] = m;
                if (!m.done)
                    continue;
            }
            close(p[k].fd);
            p[k].fd = -1;
            open_fds--;
        }
        if (show && now() - shown > 0.2) {
            ss_index_stats t = { 0 };
            for (unsigned k = 0; k < n; k++)
                add_stats(&t, &last[k].st);
            double dt = now() - t0;
            fprintf(stderr, "\r[%zu/%zu] %zu passages, %.1f MB, %.1f MB/s   ",
                    t.files + t.unchanged + t.skipped, nfiles, t.passages, t.bytes / 1e6,
                    dt > 0 ? t.bytes / 1e6 / dt : 0.0);
            shown = now();
        }
    }
    int status = 0;
    for (unsigned k = 0; k < n; k++) {
        add_stats(total, &last[k].st);
        if (!last[k].done)
            last[k].status = 2; /* died without a word */
        if (last[k].status > status)
            status = last[k].status;
    }
    if (show)
        fputc('\n', stderr);
    free(last);
    free(p);
    return status;
}

/* Says which shard process failed and how, and how to go on. */
static void report_child(const char *dir, const shard_job *job, unsigned k, pid_t pid, int ws)
{
    char how[96];
    if (WIFSIGNALED(ws))
        snprintf(how, sizeof how, "was killed by signal %d (%s)", WTERMSIG(ws),
                 strsignal(WTERMSIG(ws)));
    else
        snprintf(how, sizeof how, "failed (exit status %d)", WEXITSTATUS(ws));
    fprintf(stderr,
            "speech-index: shard %u (process %ld, %s/shard-%u) %s; what it committed is kept: "
            "run the same command again to finish it%s\n",
            k, (long)pid, dir, k, how, job->merge ? " and merge" : "");
}

/* Forks one process per shard and waits for them all. */
static int build(const char *dir, const shard_job *job, char **files, size_t nfiles,
                 ss_index_stats *total)
{
    int *fds = calloc(job->shards, sizeof *fds);
    pid_t *pids = calloc(job->shards, sizeof *pids);
    if (!fds || !pids) {
        free(fds);
        free(pids);
        return 2;
    }
    fflush(NULL);
    pid_t parent = getpid();
    unsigned started = 0;
    for (unsigned k = 0; k < job->shards; k++, started++) {
        int pfd[2];
        if (pipe(pfd) != 0)
            break;
        pid_t pid = fork();
        if (pid < 0) {
            close(pfd[0]);
            close(pfd[1]);
            break;
        }
        if (pid == 0) {
            /* a parent killed (kill -9, ^C) takes its shards with it, or
             * they would hold the shards' locks against the next run */
            prctl(PR_SET_PDEATHSIG, SIGKILL);
            if (getppid() != parent)
                _exit(2);
            close(pfd[0]);
            for (unsigned j = 0; j < k; j++)
                close(fds[j]);
            _exit(run_shard(dir, k, job, files, nfiles, pfd[1]));
        }
        close(pfd[1]);
        fds[k] = pfd[0];
        pids[k] = pid;
    }
    int status = started == job->shards ? 0 : 2;
    int st = collect(fds, started, nfiles, !job->quiet && isatty(2), total);
    if (st > status)
        status = st;
    for (unsigned k = 0; k < started; k++) {
        int ws;
        if (waitpid(pids[k], &ws, 0) < 0) {
            fprintf(stderr, "speech-index: waiting for shard %u: %s\n", k, strerror(errno));
            status = 2;
        } else if (!WIFEXITED(ws) || WEXITSTATUS(ws) > 1) {
            report_child(dir, job, k, pids[k], ws);
            status = 2;
        }
    }
    free(fds);
    free(pids);
    return status;
}

static int remove_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void)sb;
    (void)flag;
    (void)ftw;
    return remove(path);
}

/* rm -rf dir (absent is fine). */
static int remove_tree(const char *dir)
{
    struct stat sb;
    if (lstat(dir, &sb) != 0)
        return errno == ENOENT ? 0 : -1;
    return nftw(dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

/* Compacts the shards in dir into one database at dest. */
static int merge(const char *dir, unsigned shards, const char *dest)
{
    char path[4400];
    xc_db *db = NULL;
    ss_err err;
    ss_code rc = SS_OK;
    for (unsigned k = 0; rc == SS_OK && k < shards; k++) {
        snprintf(path, sizeof path, "%s/shard-%u", dir, k);
        rc = k == 0 ? xc_db_open(path, &db, &err) : xc_db_add(db, path, &err);
    }
    char tmp[4400];
    snprintf(tmp, sizeof tmp, "%s.merge-tmp", dest);
    if (rc == SS_OK && remove_tree(tmp) != 0)
        rc = ss_seterr(&err, SS_EIO, "cannot remove %s", tmp);
    if (rc == SS_OK)
        rc = xc_db_compact(db, tmp, &err);
    xc_db_close(db);
    if (rc == SS_OK && rename(tmp, dest) != 0)
        rc = ss_seterr(&err, SS_EIO, "renaming %s to %s: %s", tmp, dest, strerror(errno));
    if (rc != SS_OK) {
        fprintf(stderr, "speech-index: merging shards: %s\n", err.msg);
        return 2;
    }
    return 0;
}

int index_sharded(const shard_job *job, char **files, size_t nfiles, ss_index_stats *total)
{
    struct stat sb;
    int exists = stat(job->db, &sb) == 0;
    char dir[4096];
    snprintf(dir, sizeof dir, job->merge ? "%s.shards-tmp" : "%s", job->db);
    if (job->merge && exists && stat(dir, &sb) == 0) {
        /* an earlier run was stopped between its rename and its clean-up */
        remove_tree(dir);
        if (!job->quiet)
            printf("%s was merged by an earlier run; removed the shards it left in %s\n",
                   job->db, dir);
        return 0;
    }
    if (job->merge && exists) {
        fprintf(stderr, "speech-index: %s exists; --merge builds a new index\n", job->db);
        return 2;
    }
    int have = exists ? shard_count(job->db) : 0;
    if (!job->merge && exists && have != (int)job->shards) {
        fprintf(stderr, "speech-index: %s has %d shards, not %u: use --shards %d or a new index\n",
                job->db, have, job->shards, have);
        return 2;
    }
    if ((mkdir(dir, 0777) != 0 && errno != EEXIST) || write_stub(dir, job->shards) != 0) {
        fprintf(stderr, "speech-index: %s: %s\n", dir, strerror(errno));
        return 2;
    }
    int status = build(dir, job, files, nfiles, total);
    if (job->merge && status < 2) {
        int m = merge(dir, job->shards, job->db);
        if (m > status)
            status = m;
    }
    if (job->merge && status < 2)
        remove_tree(dir); /* on failure the shards stay, for the next run */
    return status;
}
