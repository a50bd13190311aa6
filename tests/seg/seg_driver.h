/* seg_driver.h: the common main() of the segmentation research programs
 * (seg_ours.c, seg_friso.c, seg_icu.c), so the three segmenters are run,
 * timed and printed the same way.
 *
 * A program defines, before including this file:
 *   static const char *backend_name;
 *   static int backend_open(const char *arg);     0 on success
 *   static void backend_line(char *s, size_t len, span_fn emit, void *arg);
 *       segments one NUL-terminated line s (len bytes, may be modified
 *       only by the backend's own needs) reporting byte spans in order
 *   static void backend_close(void);
 *
 * Usage:  PROG seg ARG INPUT     segmented INPUT on stdout, words separated
 *                                by two spaces (bakeoff format)
 *         PROG bench ARG INPUT   one line "load_ms=.. mbps=.. bytes=.."
 *                                (load: open plus one short sentence)
 * Text the backend leaves uncovered (friso drops punctuation) is output
 * character by character; whitespace is never a word.
 *
 * Ownership: the driver owns the input buffer and the span array; the
 * backend owns its own state between open and close. */
#ifndef SEG_DRIVER_H
#define SEG_DRIVER_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef void (*span_fn)(void *arg, size_t start, size_t end);

typedef struct {
    size_t *s;    /* start, end pairs */
    size_t n, cap;
    size_t words;
} spans;

static double drv_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void drv_add_span(void *arg, size_t start, size_t end)
{
    spans *sp = arg;
    sp->words++;
    if (sp->n + 2 > sp->cap) {
        sp->cap = sp->cap ? sp->cap * 2 : 1024;
        sp->s = realloc(sp->s, sp->cap * sizeof *sp->s);
        if (!sp->s) {
            perror("realloc");
            exit(1);
        }
    }
    sp->s[sp->n++] = start;
    sp->s[sp->n++] = end;
}

static void drv_count_span(void *arg, size_t start, size_t end)
{
    (void)start;
    (void)end;
    ((spans *)arg)->words++;
}

static char *drv_read(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        perror(path);
        exit(1);
    }
    fseek(fp, 0, SEEK_END);
    long n = ftell(fp);
    fseek(fp, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    if (!buf || fread(buf, 1, (size_t)n, fp) != (size_t)n) {
        perror(path);
        exit(1);
    }
    fclose(fp);
    buf[n] = '\0';
    *len = (size_t)n;
    return buf;
}

static size_t drv_u8len(unsigned char b)
{
    return b < 0xC0 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
}

static int drv_is_space(const char *s, size_t n)
{
    return (n == 1 && (*s == ' ' || *s == '\t' || *s == '\r')) ||
           (n == 3 && memcmp(s, "\xE3\x80\x80", 3) == 0);  /* U+3000 */
}

/* Prints [a, b) as words: whole when covered, else one per character. */
static void drv_put(const char *line, size_t a, size_t b, int whole, int *first)
{
    for (size_t i = a; i < b;) {
        size_t n = whole ? b - a : drv_u8len((unsigned char)line[i]);
        if (i + n > b)
            n = b - i;
        if (!drv_is_space(line + i, n)) {
            fputs(*first ? "" : "  ", stdout);
            fwrite(line + i, 1, n, stdout);
            *first = 0;
        }
        i += n;
    }
}

static void drv_print_line(const char *line, size_t len, const spans *sp)
{
    size_t pos = 0;
    int first = 1;
    for (size_t i = 0; i < sp->n; i += 2) {
        size_t a = sp->s[i], b = sp->s[i + 1];
        if (a < pos || b > len || a >= b)
            continue;  /* overlapping or empty token */
        drv_put(line, pos, a, 0, &first);
        drv_put(line, a, b, 1, &first);
        pos = b;
    }
    drv_put(line, pos, len, 0, &first);
    fputs("\n", stdout);
}

/* Calls fn on each line of buf (newlines replaced by NULs). */
static void drv_lines(char *buf, size_t len, spans *sp, span_fn emit, int print)
{
    char *p = buf, *end = buf + len;
    while (p < end) {
        char *nl = memchr(p, '\n', (size_t)(end - p));
        char *e = nl ? nl : end;
        size_t n = (size_t)(e - p);
        if (n && p[n - 1] == '\r')
            n--;
        p[n] = '\0';
        sp->n = 0;
        if (n)
            backend_line(p, n, emit, sp);
        if (print)
            drv_print_line(p, n, sp);
        p = nl ? nl + 1 : end;
    }
}

int main(int argc, char **argv)
{
    if (argc != 4 || (strcmp(argv[1], "seg") && strcmp(argv[1], "bench"))) {
        fprintf(stderr, "usage: %s seg|bench ARG INPUT\n", argv[0]);
        return 2;
    }
    size_t len;
    char *buf = drv_read(argv[3], &len);
    spans sp = { NULL, 0, 0, 0 };
    double t0 = drv_now();
    if (backend_open(argv[2]) != 0) {
        fprintf(stderr, "%s: cannot open %s\n", backend_name, argv[2]);
        return 1;
    }
    /* Load time includes a first short sentence: ICU loads its Han
     * dictionary lazily, and a mapped dictionary faults its first pages. */
    char warm[] = "中华人民共和国成立了";
    backend_line(warm, strlen(warm), drv_count_span, &sp);
    double t1 = drv_now();
    sp.words = 0;
    int bench = strcmp(argv[1], "bench") == 0;
    drv_lines(buf, len, &sp, bench ? drv_count_span : drv_add_span, !bench);
    double t2 = drv_now();
    if (bench)
        printf("load_ms=%.2f mbps=%.2f bytes=%zu words=%zu\n", (t1 - t0) * 1e3,
               len / 1e6 / (t2 - t1), len, sp.words);
    backend_close();
    free(sp.s);
    free(buf);
    return 0;
}

#endif
