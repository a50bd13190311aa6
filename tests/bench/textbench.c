/* textbench: speed of the text stages that make test must not time
 * (cleaning, gazetteer load and scan), printed for `make bench`.
 * Usage: textbench [FILE...] (default: the seeds in corpus/). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "clean.h"
#include "gazetteer.h"
#include "text.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = malloc(4 << 20);
    *len = buf ? fread(buf, 1, 4 << 20, f) : 0;
    fclose(f);
    return buf;
}

static int count_cb(void *arg, uint32_t id, size_t start, size_t end)
{
    (void)id;
    (void)start;
    (void)end;
    ++*(size_t *)arg;
    return 0;
}

int main(int argc, char **argv)
{
    static const char *const seeds[] = { "corpus/000_3fa501aca496f77f.txt", "corpus/001_cda34e4a1a25d2e2.txt",
                                         "corpus/002_be97a1da7821cc56.txt", "corpus/003_05f56bdb3f43f60b.txt",
                                         "corpus/004_16491a11ba5dc244.txt" };
    const char *const *files = argc > 1 ? (const char *const *)argv + 1 : seeds;
    size_t nfiles = argc > 1 ? (size_t)argc - 1 : 5;
    ss_text *in = calloc(nfiles, sizeof *in);
    size_t total = 0, n = 0;
    for (size_t k = 0; in && k < nfiles; k++) {
        size_t len = 0;
        char *t = read_all(files[k], &len);
        if (t)
            in[n++] = (ss_text){ t, len, NULL, NULL };
        total += t ? len : 0;
    }
    if (!n || !total) {
        fprintf(stderr, "textbench: no input files readable\n");
        return 2;
    }
    ss_err err = { 0 };
    ss_cleaner *c = NULL;
    if (ss_cleaner_open(NULL, &c, &err) != SS_OK) {
        fprintf(stderr, "textbench: %s\n", err.msg);
        return 2;
    }
    size_t rounds = (16u << 20) / total + 1;
    double best = 0;
    for (int run = 0; run < 3; run++) {
        double t0 = now();
        for (size_t r = 0; r < rounds; r++)
            for (size_t k = 0; k < n; k++) {
                ss_text out;
                if (ss_clean(c, &in[k], &out, NULL, &err) == SS_OK)
                    ss_text_free(&out);
            }
        double mbs = (double)(rounds * total) / 1e6 / (now() - t0);
        best = mbs > best ? mbs : best;
    }
    ss_cleaner_close(c);
    printf("cleaning: %.0f MB/s (best of 3, %.1f MB each)\n", best, (double)(rounds * total) / 1e6);

    double load = 1e9;
    ss_gazetteer *g = NULL;
    for (int i = 0; i < 5; i++) {
        ss_gazetteer *h;
        double t0 = now();
        ss_code rc = ss_gaz_open(NULL, &h, &err);
        double t = (now() - t0) * 1e3;
        load = t < load ? t : load;
        if (rc != SS_OK) {
            fprintf(stderr, "textbench: %s\n", err.msg);
            return 2;
        }
        if (g)
            ss_gaz_close(g);
        g = h;
    }
    size_t hits = 0;
    double t0 = now();
    for (size_t k = 0; k < n; k++)
        ss_gaz_scan(g, in[k].text, in[k].len, count_cb, &hits, NULL);
    double t = now() - t0;
    printf("gazetteer: load %.2f ms (best of 5), scan %.0f MB/s (%zu places)\n", load,
           t > 0 ? total / 1e6 / t : 0.0, hits);
    ss_gaz_close(g);
    for (size_t k = 0; k < n; k++)
        free(in[k].text);
    free(in);
    return 0;
}
