/* lines.c: byte offsets to line numbers, a newline table per file (see
 * lines.h). */
#include "lines.h"

#include <stdlib.h>
#include <string.h>

#include "base.h"
#include "reader.h"
#include "terms.h"

#define MAX_FILE ((size_t)512 << 20) /* the indexer reads no larger file */

typedef struct {
    char *path;
    uint32_t *nl;      /* offsets of the line ends, ascending */
    size_t n;
    uint64_t size;     /* bytes read; 0 with readable 0: unreadable */
    int readable;
} file_lines;

struct ss_lines {
    file_lines *f;     /* the files read, in order */
    size_t n, fcap, max;
    ss_htab tab;       /* ss_path_hash(path) -> index into f */
};

ss_code ss_lines_new(size_t max_files, ss_lines **out, ss_err *err)
{
    ss_lines *c = calloc(1, sizeof *c);
    if (!c)
        return ss_seterr(err, SS_ENOMEM, "out of memory counting lines");
    c->max = max_files;
    *out = c;
    return SS_OK;
}

static void clear(ss_lines *c)
{
    for (size_t i = 0; i < c->n; i++) {
        free(c->f[i].path);
        free(c->f[i].nl);
    }
    c->n = 0;
    ss_htab_clear(&c->tab);
}

void ss_lines_free(ss_lines *c)
{
    if (!c)
        return;
    clear(c);
    free(c->f);
    ss_htab_free(&c->tab);
    free(c);
}

/* The line ends of data: '\n' bytes, or '\n' 16-bit units after a BOM. */
static ss_code scan(const char *data, size_t len, file_lines *f, ss_err *err)
{
    const unsigned char *d = (const unsigned char *)data;
    int le = len >= 2 && d[0] == 0xFF && d[1] == 0xFE, be = len >= 2 && d[0] == 0xFE && d[1] == 0xFF;
    size_t cap = 0;
    if (!le && !be) { /* one byte a newline: memchr */
        for (const char *p = data, *e = data + len; (p = memchr(p, '\n', (size_t)(e - p))); p++) {
            if (SS_GROW(f->nl, f->n + 1, cap, 256))
                return ss_seterr(err, SS_ENOMEM, "out of memory counting lines");
            f->nl[f->n++] = (uint32_t)(p - data);
        }
        return SS_OK;
    }
    for (size_t i = 0; i < len; i += 2) {
        int is_nl = le ? (i + 1 < len && d[i] == '\n' && d[i + 1] == 0)
                  : be ? (i + 1 < len && d[i] == 0 && d[i + 1] == '\n')
                       : d[i] == '\n';
        if (!is_nl)
            continue;
        if (SS_GROW(f->nl, f->n + 1, cap, 256))
            return ss_seterr(err, SS_ENOMEM, "out of memory counting lines");
        f->nl[f->n++] = (uint32_t)i;
    }
    return SS_OK;
}

static ss_code load(file_lines *f, const char *path, ss_err *err)
{
    char *data = NULL;
    size_t len = 0;
    int gz = 0;
    ss_err ignored;
    if (ss_read_raw(path, MAX_FILE, &data, &len, &gz, &ignored) != SS_OK)
        return SS_OK; /* unreadable: no line numbers */
    f->readable = 1;
    f->size = len;
    ss_code rc = scan(data, len, f, err);
    free(data);
    return rc;
}

ss_code ss_lines_at(ss_lines *c, const char *path, uint64_t off, uint32_t *line, ss_err *err)
{
    *line = 0;
    if (!path)
        return SS_OK;
    uint64_t h = ss_path_hash(path);
    size_t pos = 0;
    uint32_t k;
    file_lines *f = NULL;
    while (!f && ss_htab_next(&c->tab, h, &pos, &k))
        if (strcmp(c->f[k].path, path) == 0)
            f = &c->f[k];
    if (!f) {
        if (c->max && c->n >= c->max)
            clear(c);
        char *copy = NULL;
        if (ss_htab_reserve(&c->tab, 64) || SS_GROW(c->f, c->n + 1, c->fcap, 64)
            || !(copy = strdup(path)))
            return ss_seterr(err, SS_ENOMEM, "out of memory counting lines");
        f = &c->f[c->n];
        *f = (file_lines){ .path = copy };
        ss_htab_add(&c->tab, h, (uint32_t)c->n++);
        ss_code rc = load(f, path, err);
        if (rc != SS_OK)
            return rc;
    }
    if (!f->readable || off > f->size)
        return SS_OK;
    size_t lo = 0, hi = f->n; /* line ends before off */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (f->nl[mid] < off)
            lo = mid + 1;
        else
            hi = mid;
    }
    *line = (uint32_t)lo + 1;
    return SS_OK;
}
