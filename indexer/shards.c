/* shards.c: building the batches of an index in parallel, one worker
 * process per batch, for speech-index (every core by default, --jobs N).
 *
 * Xapian's writer is single-threaded and takes most of the indexing time
 * (its in-memory inverter), so the way to use every core is one writer
 * per core.  The parent plans (lib/indexer.c: which files, cut into
 * batches of a segment each), then forks a worker per batch, at most jobs
 * at a time: the worker shares the analysis data the parent loaded, builds
 * its segment and tells the parent after each file over a pipe (stats for
 * the progress line; skipped files it names itself on stderr).  As each
 * worker ends, the parent publishes its segment (ss_indexer_built).  A
 * worker that dies is named with how to go on; what it was building is
 * never published, and the next run builds it again. */
#include "shards.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* What a worker tells the parent after each file and at the end. */
typedef struct {
    ss_index_stats st;
    int done;      /* 1 in the last message */
    int status;    /* exit status so far: 0, 1 (files skipped), 2 */
} worker_msg;

typedef struct {
    pid_t pid;
    int fd;        /* -1: the slot is free */
    size_t batch;
    worker_msg last;
} worker;

double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

void show_progress(size_t done, size_t todo, const ss_index_stats *st, double t0)
{
    double mb = st->bytes / 1e6, dt = now_seconds() - t0;
    fprintf(stderr, "\r[%zu/%zu] %zu passages, %.1f MB, %.1f MB/s   ", done, todo, st->passages,
            mb, dt > 0 ? mb / dt : 0.0);
}

static void add_stats(ss_index_stats *t, const ss_index_stats *s)
{
    t->files += s->files;
    t->rebuilt += s->rebuilt;
    t->skipped += s->skipped;
    t->passages += s->passages;
    t->bytes += s->bytes;
}

static void send_msg(int fd, worker_msg m)
{
    ssize_t n = write(fd, &m, sizeof m);
    (void)n; /* the parent going away is not this process's problem */
}

typedef struct {
    worker_msg m;
    int fd;
} child_ctx;

static void child_done(void *arg, const char *path, ss_code rc, const char *msg,
                       const ss_index_stats *st)
{
    child_ctx *c = arg;
    (void)path;
    if (rc != SS_OK) {
        fprintf(stderr, "\rspeech-index: skipped: %s\n", msg);
        c->m.status = 1;
    }
    c->m.st = *st;
    send_msg(c->fd, c->m);
}

/* The body of a worker: build batch k. */
static int run_worker(ss_indexer *ix, size_t k, int fd)
{
    child_ctx c = { { { 0 }, 0, 0 }, fd };
    ss_err err;
    ss_index_stats st = { 0 };
    if (ss_indexer_build(ix, k, child_done, &c, &st, &err) != SS_OK) {
        fprintf(stderr, "\rspeech-index: %s\n", err.msg);
        c.m.status = 2;
    }
    c.m.st = st;
    c.m.done = 1;
    send_msg(fd, c.m);
    return c.m.status;
}

static int start_worker(ss_indexer *ix, size_t k, worker *w, const worker *all, unsigned n)
{
    int pfd[2];
    if (pipe(pfd) != 0)
        return -1;
    fflush(NULL);
    pid_t parent = getpid();
    pid_t pid = fork();
    if (pid < 0) {
        close(pfd[0]);
        close(pfd[1]);
        return -1;
    }
    if (pid == 0) {
        /* a parent killed (kill -9, ^C) takes its workers with it */
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (getppid() != parent)
            _exit(2);
        close(pfd[0]);
        for (unsigned j = 0; j < n; j++)
            if (all[j].fd >= 0)
                close(all[j].fd);
        _exit(run_worker(ix, k, pfd[1]));
    }
    close(pfd[1]);
    *w = (worker){ pid, pfd[0], k, { { 0 }, 0, 0 } };
    return 0;
}

/* Says which worker failed and how, and how to go on. */
static void report_child(const worker *w, int ws)
{
    char how[96];
    if (WIFSIGNALED(ws))
        snprintf(how, sizeof how, "was killed by signal %d (%s)", WTERMSIG(ws),
                 strsignal(WTERMSIG(ws)));
    else
        snprintf(how, sizeof how, "failed (exit status %d)", WEXITSTATUS(ws));
    fprintf(stderr,
            "\rspeech-index: worker %zu (process %ld) %s; the segments built are kept, its files "
            "are not in the index: run the same command again to finish it\n",
            w->batch, (long)w->pid, how);
}

/* A worker's pipe closed: wait for it, publish or give up its batch. */
static int reap(ss_indexer *ix, worker *w)
{
    int ws, status = w->last.status;
    close(w->fd);
    w->fd = -1;
    if (waitpid(w->pid, &ws, 0) < 0) {
        fprintf(stderr, "\rspeech-index: waiting for worker %zu: %s\n", w->batch,
                strerror(errno));
        ss_indexer_failed(ix, w->batch);
        return 2;
    }
    if (!WIFEXITED(ws) || WEXITSTATUS(ws) > 1 || !w->last.done) {
        report_child(w, ws);
        ss_indexer_failed(ix, w->batch);
        return 2;
    }
    ss_err err;
    if (ss_indexer_built(ix, w->batch, &w->last.st, &err) != SS_OK) {
        fprintf(stderr, "\rspeech-index: %s\n", err.msg);
        return 2;
    }
    return status;
}

int build_parallel(ss_indexer *ix, size_t nbatches, unsigned jobs, size_t todo, int quiet)
{
    if (jobs > nbatches)
        jobs = (unsigned)nbatches;
    worker *ws = calloc(jobs, sizeof *ws);
    struct pollfd *p = calloc(jobs, sizeof *p);
    if (!ws || !p) {
        free(ws);
        free(p);
        fprintf(stderr, "speech-index: out of memory\n");
        return 2;
    }
    for (unsigned j = 0; j < jobs; j++)
        ws[j].fd = -1;
    int show = !quiet && isatty(2), status = 0;
    double t0 = now_seconds(), shown = 0;
    size_t next = 0, running = 0;
    ss_index_stats ended = { 0 }; /* of the workers that ended */
    for (;;) {
        for (unsigned j = 0; j < jobs && next < nbatches && status < 2; j++)
            if (ws[j].fd < 0) {
                if (start_worker(ix, next, &ws[j], ws, jobs) != 0) {
                    fprintf(stderr, "speech-index: cannot start a worker: %s\n",
                            strerror(errno));
                    status = 2;
                    break;
                }
                next++;
                running++;
            }
        if (!running)
            break;
        for (unsigned j = 0; j < jobs; j++)
            p[j] = (struct pollfd){ ws[j].fd, POLLIN, 0 };
        if (poll(p, jobs, -1) < 0 && errno != EINTR)
            break;
        for (unsigned j = 0; j < jobs; j++) {
            if (ws[j].fd < 0 || !(p[j].revents & (POLLIN | POLLHUP | POLLERR)))
                continue;
            worker_msg m;
            if (read(ws[j].fd, &m, sizeof m) == (ssize_t)sizeof m) {
                ws[j].last = m;
                if (!m.done)
                    continue;
            }
            add_stats(&ended, &ws[j].last.st);
            int st = reap(ix, &ws[j]);
            running--;
            if (st > status)
                status = st;
        }
        if (show && now_seconds() - shown > 0.2) {
            ss_index_stats t = ended;
            for (unsigned j = 0; j < jobs; j++)
                if (ws[j].fd >= 0)
                    add_stats(&t, &ws[j].last.st);
            show_progress(t.files + t.rebuilt + t.skipped, todo, &t, t0);
            shown = now_seconds();
        }
    }
    if (show) {
        show_progress(ended.files + ended.rebuilt + ended.skipped, todo, &ended, t0);
        fputc('\n', stderr);
    }
    free(ws);
    free(p);
    return status;
}
