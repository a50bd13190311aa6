/* gazetteer_groups.c: groupings of places (区域: 东北地区, 京津冀, 长三角,
 * 粤港澳大湾区…) as areas a query may name (see gazetteer.h,
 * ss_gaz_lookup_area).
 *
 * Data: region_groups.tsv beside gazetteer.tsv (corpus/data/README.md):
 * "members<TAB>name<TAB>name..." a line, members division codes of the
 * gazetteer separated by spaces.  A missing file is no groups (the
 * gazetteer alone still answers every place name); a malformed line, an
 * unknown member, or a name that is also a place's name fails the open
 * with the file and line.
 *
 * Groups are for queries only: ss_gaz_scan never reports them, so the
 * indexer never tags a passage that says 东北 with 辽宁's region, and
 * ss_gaz_lookup (used by the indexer) knows places only.  Group k has the
 * id ss_gaz_count() + 1 + k; a handful of groups, so lookups walk the
 * names. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gazetteer_int.h"

/* The groups file's path: gaz_path's directory + region_groups.tsv. */
static int groups_path(const char *gaz_path, char *out, size_t cap)
{
    const char *slash = strrchr(gaz_path, '/');
    int dir = slash ? (int)(slash - gaz_path) : 0;
    int n = slash ? snprintf(out, cap, "%.*s/region_groups.tsv", dir, gaz_path)
                  : snprintf(out, cap, "region_groups.tsv");
    return n > 0 && (size_t)n < cap ? 0 : -1;
}

static uint32_t place_by_code(const ss_gazetteer *g, const char *code, size_t n)
{
    for (uint32_t id = 1; id <= g->n; id++)
        if (strlen(g->pl[id].code) == n && memcmp(g->pl[id].code, code, n) == 0)
            return id;
    return 0;
}

static int name_taken(const ss_gazetteer *g, const char *s, size_t n)
{
    for (size_t i = 0; i < g->nrn; i++)
        if (g->rn[i].len == n && memcmp(g->rn[i].s, s, n) == 0)
            return 1;
    return find_group(g, s, n) != NULL;
}

/* Parses the members field (NUL-terminated, spaces between codes). */
static const char *parse_members(const ss_gazetteer *g, const char *f, gz_region *r)
{
    r->n = 0;
    while (*f) {
        while (*f == ' ')
            f++;
        size_t k = strcspn(f, " ");
        if (!k)
            break;
        uint32_t id = place_by_code(g, f, k);
        if (!id)
            return "unknown member code";
        if (r->n >= GZ_MAX_MEMBERS)
            return "too many members";
        r->members[r->n++] = id;
        f += k;
    }
    return r->n ? NULL : "no members";
}

/* Parses one line (NUL-terminated, in place) into group g->nrg. */
static const char *parse_group(ss_gazetteer *g, char *line)
{
    char *tab = strchr(line, '\t');
    if (!tab || g->nrg >= GZ_MAX_GROUPS)
        return tab ? "too many groups" : "no names";
    *tab = '\0';
    gz_region *r = &g->rg[g->nrg];
    const char *why = parse_members(g, line, r);
    if (why)
        return why;
    r->name = tab + 1;
    for (char *name = tab + 1; name;) {
        char *next = strchr(name, '\t');
        if (next)
            *next++ = '\0';
        size_t n = strlen(name);
        if (utf8_count(name, n) < 2 || n >= GZ_MAX_KEY || utf8_valid_prefix(name, n) != n)
            return "bad name";
        if (name_taken(g, name, n))
            return "name of a place or of another group";
        if (g->nrn >= GZ_MAX_GROUP_NAMES)
            return "too many names";
        g->rn[g->nrn++] = (gz_rname){ name, (uint32_t)n, (uint32_t)g->nrg };
        name = next;
    }
    g->nrg++;
    return NULL;
}

typedef struct {
    ss_gazetteer *g;
    const char *path;
} groups_ctx;

static ss_code on_group_line(void *ctx, char *line, size_t lineno, ss_err *err)
{
    groups_ctx *c = ctx;
    const char *why = parse_group(c->g, line);
    return why ? ss_seterr(err, SS_ECORRUPT, "%s:%zu: %s", c->path, lineno, why) : SS_OK;
}

static ss_code parse_groups(ss_gazetteer *g, size_t len, const char *path, ss_err *err)
{
    groups_ctx c = { g, path };
    return gz_each_line(g->rbuf, len, on_group_line, &c, err);
}

ss_code gz_load_groups(ss_gazetteer *g, const char *gaz_path, ss_err *err)
{
    char path[4096];
    if (groups_path(gaz_path, path, sizeof path) < 0)
        return ss_seterr(err, SS_EINVAL, "%s: path too long", gaz_path);
    FILE *f = fopen(path, "rb");
    if (!f)
        return errno == ENOENT ? SS_OK : ss_seterr(err, SS_EIO, "%s: cannot open", path);
    fclose(f);
    size_t len = 0;
    ss_code rc = gz_read_file(path, &g->rbuf, &len, err);
    if (rc != SS_OK)
        return rc;
    g->rg = calloc(GZ_MAX_GROUPS, sizeof *g->rg);
    g->rn = calloc(GZ_MAX_GROUP_NAMES, sizeof *g->rn);
    if (!g->rg || !g->rn)
        return ss_seterr(err, SS_ENOMEM, "%s: out of memory", path);
    return parse_groups(g, len, path, err);
}

void gz_free_groups(ss_gazetteer *g)
{
    free(g->rg);
    free(g->rn);
    free(g->rbuf);
    g->rg = NULL;
    g->rn = NULL;
    g->rbuf = NULL;
    g->nrg = g->nrn = 0;
}

/* ---- queries ---- */

static const gz_region *region(const ss_gazetteer *g, uint32_t id)
{
    return (g && id > g->n && id - g->n <= g->nrg) ? &g->rg[id - g->n - 1] : NULL;
}

const char *gz_group_name(const ss_gazetteer *g, uint32_t id)
{
    const gz_region *r = region(g, id);
    return r ? r->name : NULL;
}

size_t ss_gaz_lookup_area(const ss_gazetteer *g, const char *name, size_t len, uint32_t *ids,
                          size_t max)
{
    for (size_t i = 0; g && name && i < g->nrn; i++)
        if (g->rn[i].len == len && memcmp(g->rn[i].s, name, len) == 0) {
            if (max)
                ids[0] = (uint32_t)(g->n + 1 + g->rn[i].region);
            return max ? 1 : 0;
        }
    return ss_gaz_lookup(g, name, len, ids, max);
}

size_t ss_gaz_members(const ss_gazetteer *g, uint32_t id, uint32_t *ids, size_t max)
{
    const gz_region *r = region(g, id);
    if (!r) {
        if (!place(g, id) || !max)
            return 0;
        ids[0] = id;
        return 1;
    }
    size_t n = r->n < max ? r->n : max;
    memcpy(ids, r->members, n * sizeof *ids);
    return n;
}

/* 1 when place id is anc or lies inside it (places only). */
static int place_within(const ss_gazetteer *g, uint32_t id, uint32_t anc)
{
    for (int depth = 0; id && depth < 4; depth++, id = ss_gaz_parent(g, id))
        if (id == anc)
            return 1;
    return 0;
}

int ss_gaz_within(const ss_gazetteer *g, uint32_t id, uint32_t area)
{
    const gz_region *r = region(g, area);
    if (!r)
        return place_within(g, id, area);
    for (uint32_t i = 0; i < r->n; i++)
        if (place_within(g, id, r->members[i]))
            return 1;
    return 0;
}
