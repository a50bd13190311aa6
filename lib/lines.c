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
    char *path;        /* NULL: free slot */
    uint32_t *nl;      /* offsets of the line ends, ascending */
    size_t n;
    uint64_t size;     /* bytes read; 0 with readable 0: unreadable */
    int readable;
} file_lines;

struct ss_lines {
    file_lines *tab;
    size_t cap, n, max;
};

ss_code ss_lines_new(size_t max_files, ss_lines **out, ss_err *err)
{
    ss_lines *c = calloc(1, sizeof *c);
    if (c) {
        c->max = max_files;
        c->cap = 64;
        c->tab = calloc(c->cap, sizeof *c->tab);
    }
    if (!c || !c->tab) {
        free(c);
        return ss_seterr(err, SS_ENOMEM, "out of memory counting lines");
    }
    *out = c;
    return SS_OK;
}

static void clear(ss_lines *c)
{
    for (size_t i = 0; i < c->cap; i++) {
        free(c->tab[i].path);
        free(c->tab[i].nl);
    }
    memset(c->tab, 0, c->cap * sizeof *c->tab);
    c->n = 0;
}

void ss_lines_free(ss_lines *c)
{
    if (!c)
        return;
    clear(c);
    free(c->tab);
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
    if (!(f->path = strdup(path)))
        return ss_seterr(err, SS_ENOMEM, "out of memory counting lines");
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

static ss_code grow(ss_lines *c, ss_err *err)
{
    size_t cap = c->cap * 2;
    file_lines *t = calloc(cap, sizeof *t);
    if (!t)
        return ss_seterr(err, SS_ENOMEM, "out of memory counting lines");
    for (size_t i = 0; i < c->cap; i++) {
        if (!c->tab[i].path)
            continue;
        size_t j = ss_path_hash(c->tab[i].path) & (cap - 1);
        while (t[j].path)
            j = (j + 1) & (cap - 1);
        t[j] = c->tab[i];
    }
    free(c->tab);
    c->tab = t;
    c->cap = cap;
    return SS_OK;
}

ss_code ss_lines_at(ss_lines *c, const char *path, uint64_t off, uint32_t *line, ss_err *err)
{
    *line = 0;
    if (!path)
        return SS_OK;
    if ((c->n + 1) * 2 > c->cap) {
        ss_code rc = grow(c, err);
        if (rc != SS_OK)
            return rc;
    }
    size_t i = ss_path_hash(path) & (c->cap - 1);
    while (c->tab[i].path && strcmp(c->tab[i].path, path) != 0)
        i = (i + 1) & (c->cap - 1);
    file_lines *f = &c->tab[i];
    if (!f->path && c->max && c->n >= c->max) {
        clear(c);
        return ss_lines_at(c, path, off, line, err);
    }
    if (!f->path) {
        c->n++;
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
