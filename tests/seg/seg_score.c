/* seg_score.c: bakeoff scoring of a segmentation against gold, for
 * tests/seg/run.sh.
 *
 *   seg_score GOLD TEST     prints "P R F mismatched_lines"
 *
 * Both files hold one sentence a line with words separated by whitespace.
 * A test word is correct when its start and end character offsets in the
 * sentence (whitespace not counted) match a gold word's, as in the SIGHAN
 * bakeoff scorer.  Lines whose characters differ from gold's are still
 * scored but counted as mismatched (a sign the segmenter lost text).
 * Ownership: main owns every buffer. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    long *off;  /* start, end pairs in characters */
    size_t n, cap;
    char *chars;  /* the line without whitespace */
    size_t nchars, ccap;
} words;

static int is_ws(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static void push(void **p, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return;
    *cap = need * 2;
    *p = realloc(*p, *cap * size);
    if (!*p) {
        perror("realloc");
        exit(1);
    }
}

/* Splits a line into words, recording character offsets. */
static void parse(const char *line, words *w)
{
    long pos = 0;
    w->n = w->nchars = 0;
    for (const char *s = line; *s;) {
        if (is_ws(*s)) {
            s++;
            continue;
        }
        long start = pos;
        while (*s && !is_ws(*s)) {
            if (((unsigned char)*s & 0xC0) != 0x80)
                pos++;
            push((void **)&w->chars, &w->ccap, w->nchars + 1, 1);
            w->chars[w->nchars++] = *s++;
        }
        push((void **)&w->off, &w->cap, w->n + 2, sizeof(long));
        w->off[w->n++] = start;
        w->off[w->n++] = pos;
    }
}

/* Words of t matching a word of g (both in text order). */
static size_t matches(const words *g, const words *t)
{
    size_t i = 0, j = 0, m = 0;
    while (i < g->n && j < t->n) {
        if (g->off[i] == t->off[j] && g->off[i + 1] == t->off[j + 1]) {
            m++;
            i += 2;
            j += 2;
        } else if (g->off[i] < t->off[j] || (g->off[i] == t->off[j] && g->off[i + 1] < t->off[j + 1])) {
            i += 2;
        } else {
            j += 2;
        }
    }
    return m;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: %s GOLD TEST\n", argv[0]);
        return 2;
    }
    FILE *fg = fopen(argv[1], "r"), *ft = fopen(argv[2], "r");
    if (!fg || !ft) {
        perror(!fg ? argv[1] : argv[2]);
        return 1;
    }
    char *lg = NULL, *lt = NULL;
    size_t cg = 0, ct = 0, ng = 0, nt = 0, nm = 0, bad = 0;
    words g = { 0 }, t = { 0 };
    while (getline(&lg, &cg, fg) > 0) {
        int got = getline(&lt, &ct, ft) > 0;
        parse(lg, &g);
        parse(got ? lt : "", &t);
        bad += g.nchars != t.nchars || memcmp(g.chars, t.chars, g.nchars) != 0;
        ng += g.n / 2;
        nt += t.n / 2;
        nm += matches(&g, &t);
    }
    double p = nt ? (double)nm / nt : 0, r = ng ? (double)nm / ng : 0;
    printf("%.3f %.3f %.3f %zu\n", p, r, p + r > 0 ? 2 * p * r / (p + r) : 0, bad);
    free(lg);
    free(lt);
    free(g.off);
    free(g.chars);
    free(t.off);
    free(t.chars);
    fclose(fg);
    fclose(ft);
    return 0;
}
