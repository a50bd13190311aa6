/* qbench.c: warm, in-process query latency of the speech-search library.
 *
 * Why: a long-running caller (CGI worker, server) opens the index once and runs
 * many queries; this measures exactly that, without process start-up.  Opens the
 * index(es) once with ss_searcher_open, reads a query mix (one query per line,
 * blank lines and lines starting with '#' skipped), runs it once untimed to warm
 * the caches, then ROUNDS times, timing every ss_search with CLOCK_MONOTONIC.
 * Prints one JSON object: p50/p95/p99/mean/max in ms over all timed searches,
 * the time to open, and each query's median, estimated total and hit count.
 * (The one-process-per-query figure is measured by run.sh with speech-query.)
 *
 * usage: qbench -d INDEX [-d INDEX]... [-r ROUNDS] [-n HITS] QUERYFILE */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "search.h"

#define MAX_DBS 16

typedef struct {
    char *text;
    double *ms;       /* one sample per round */
    uint32_t total;
    size_t hits;
    int failed;
} query;

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Nearest-rank percentile of sorted v[0..n). */
static double pct(const double *v, size_t n, double p)
{
    size_t k = (size_t)(p / 100.0 * (double)n + 0.999999);
    if (k < 1)
        k = 1;
    return v[(k > n ? n : k) - 1];
}

static void json_str(const char *s)
{
    putchar('"');
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            printf("\\%c", c);
        else if (c < 0x20)
            printf("\\u%04x", c);
        else
            putchar(c);
    }
    putchar('"');
}

static query *read_queries(const char *path, size_t *n)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        perror(path);
        return NULL;
    }
    query *q = NULL;
    size_t cap = 0;
    char *line = NULL;
    size_t lcap = 0;
    ssize_t len;
    *n = 0;
    while ((len = getline(&line, &lcap, f)) >= 0) {
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = '\0';
        if (len == 0 || line[0] == '#')
            continue;
        if (*n == cap) {
            cap = cap ? 2 * cap : 64;
            query *nq = realloc(q, cap * sizeof *q);
            if (!nq) {
                fclose(f);
                free(line);
                free(q);
                return NULL;
            }
            q = nq;
        }
        memset(&q[*n], 0, sizeof q[*n]);
        q[*n].text = strdup(line);
        (*n)++;
    }
    free(line);
    fclose(f);
    return q;
}

static void usage(void)
{
    fprintf(stderr, "usage: qbench -d INDEX [-d INDEX]... [-r ROUNDS] [-n HITS] QUERYFILE\n");
    exit(2);
}

int main(int argc, char **argv)
{
    const char *dbs[MAX_DBS];
    size_t ndb = 0, nq = 0;
    int rounds = 20, opt;
    ss_search_opts so;
    memset(&so, 0, sizeof so); /* defaults for fields added later */
    so.count = 10;
    while ((opt = getopt(argc, argv, "d:r:n:h")) != -1) {
        if (opt == 'd' && ndb < MAX_DBS) {
            dbs[ndb++] = optarg;
        } else if (opt == 'r' && atoi(optarg) > 0) {
            rounds = atoi(optarg);
        } else if (opt == 'n' && atoi(optarg) > 0) {
            so.count = (uint32_t)atoi(optarg);
        } else {
            usage();
        }
    }
    if (ndb == 0 || optind != argc - 1)
        usage();
    query *q = read_queries(argv[optind], &nq);
    if (!q || nq == 0) {
        fprintf(stderr, "qbench: no queries in %s\n", argv[optind]);
        return 2;
    }

    ss_err err;
    ss_searcher *s = NULL;
    double t0 = now_ms();
    if (ss_searcher_open(dbs, ndb, NULL, &s, &err) != SS_OK) {
        fprintf(stderr, "qbench: %s\n", err.msg);
        return 2;
    }
    double open_ms = now_ms() - t0;

    size_t nsamples = (size_t)rounds * nq, k = 0, failures = 0;
    double *all = malloc(nsamples * sizeof *all);
    for (size_t i = 0; i < nq; i++)
        if (!all || !(q[i].text && (q[i].ms = malloc((size_t)rounds * sizeof *q[i].ms)))) {
            fprintf(stderr, "qbench: out of memory\n");
            return 2;
        }
    /* round -1 warms the caches and is not timed */
    for (int r = -1; r < rounds; r++) {
        for (size_t i = 0; i < nq; i++) {
            ss_results res;
            double t = now_ms();
            ss_code rc = ss_search(s, q[i].text, &so, &res, &err);
            double dt = now_ms() - t;
            if (rc != SS_OK) {
                if (!q[i].failed)
                    fprintf(stderr, "qbench: %s: %s\n", q[i].text, err.msg);
                q[i].failed = 1;
                failures++;
            } else {
                q[i].total = res.total;
                q[i].hits = res.n;
                ss_results_free(&res);
            }
            if (r >= 0) {
                q[i].ms[r] = dt;
                all[k++] = dt;
            }
        }
    }
    ss_searcher_close(s);

    double sum = 0;
    for (size_t i = 0; i < k; i++)
        sum += all[i];
    qsort(all, k, sizeof *all, cmp_double);
    printf("{\"queries\": %zu, \"rounds\": %d, \"searches\": %zu, \"failures\": %zu,\n", nq,
           rounds, k, failures);
    printf(" \"open_ms\": %.3f, \"p50_ms\": %.3f, \"p95_ms\": %.3f, \"p99_ms\": %.3f,"
           " \"mean_ms\": %.3f, \"max_ms\": %.3f,\n \"per_query\": [\n",
           open_ms, pct(all, k, 50), pct(all, k, 95), pct(all, k, 99), sum / (double)k,
           all[k - 1]);
    for (size_t i = 0; i < nq; i++) {
        qsort(q[i].ms, (size_t)rounds, sizeof *q[i].ms, cmp_double);
        printf("  {\"query\": ");
        json_str(q[i].text);
        printf(", \"median_ms\": %.3f, \"max_ms\": %.3f, \"total\": %u, \"hits\": %zu%s}%s\n",
               pct(q[i].ms, (size_t)rounds, 50), q[i].ms[rounds - 1], q[i].total, q[i].hits,
               q[i].failed ? ", \"failed\": true" : "", i + 1 < nq ? "," : "");
        free(q[i].ms);
        free(q[i].text);
    }
    printf(" ]}\n");
    free(q);
    free(all);
    return failures ? 1 : 0;
}
