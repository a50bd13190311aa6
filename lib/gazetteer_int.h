/* gazetteer_int.h: what the two halves of the gazetteer share: its tables
 * (built by gazetteer.c from gazetteer.tsv) and the lookups into them
 * that scanning text (gazetteer_scan.c) needs.  See gazetteer.h. */
#ifndef SS_GAZETTEER_INT_H
#define SS_GAZETTEER_INT_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "base.h"
#include "gazetteer.h"
#include "utf8.h"

enum { GZ_FULL = 1, GZ_WEAK_SELF = 2, GZ_WEAK_CTX = 4, GZ_ADJ = 8 };
#define GZ_WEAK (GZ_WEAK_SELF | GZ_WEAK_CTX | GZ_ADJ)
#define GZ_MAX_KEY 64 /* bytes; longest name is ~11 characters */

typedef struct {
    const char *code; /* NUL-terminated, in buf */
    const char *name; /* NUL-terminated, in buf */
    uint32_t parent;
    uint16_t namelen;
    uint8_t level;
} gz_place;

typedef struct {
    uint32_t id;
    uint32_t next; /* next entry of the same key, index + 1; 0 ends */
    uint8_t flags;
} gz_entry;

typedef struct {
    const char *s;
    uint32_t len;
    uint32_t first; /* first entry, index + 1 */
} gz_group;

typedef struct {
    uint64_t pfx;    /* first two code points + 1; 0 = empty slot */
    uint32_t maxlen; /* longest key with that prefix, bytes */
} gz_pfx;

/* A grouping of places (区域: 东北地区, 长三角) from region_groups.tsv;
 * gazetteer_groups.c.  Group k has id n + 1 + k. */
#define GZ_MAX_MEMBERS SS_GAZ_MAX_MEMBERS
#define GZ_MAX_GROUPS 64
#define GZ_MAX_GROUP_NAMES 256

typedef struct {
    uint32_t members[GZ_MAX_MEMBERS];
    uint32_t n;
    const char *name; /* its first name, NUL-terminated, in rbuf */
} gz_region;

typedef struct {
    const char *s; /* NUL-terminated, in rbuf */
    uint32_t len;
    uint32_t region; /* index into rg */
} gz_rname;

struct ss_gazetteer {
    char *buf;
    char *rbuf; /* region_groups.tsv, NULL when absent */
    gz_region *rg;
    size_t nrg;
    gz_rname *rn;
    size_t nrn;
    gz_place *pl; /* pl[1..n] */
    size_t n;
    gz_entry *ent;
    size_t nent;
    gz_group *grp;
    size_t ngrp;
    uint32_t *slots; /* group index + 1 */
    size_t smask;
    gz_pfx *pfx;
    size_t pmask;
};

/* Reads a whole file, NUL-terminated (SS_ENOTFOUND when it cannot be opened). */
ss_code gz_read_file(const char *path, char **out, size_t *len, ss_err *err);

/* Calls fn(ctx, line, lineno, err) on each line of buf[0, len) that is
 * neither blank nor a '#' comment, the line ended with a NUL in place (a CR
 * before its LF dropped); stops at the first code other than SS_OK. */
typedef ss_code (*gz_line_fn)(void *ctx, char *line, size_t lineno, ss_err *err);
ss_code gz_each_line(char *buf, size_t len, gz_line_fn fn, void *ctx, ss_err *err);

/* Loads the groups file beside the gazetteer at gaz_path (a missing file
 * is no groups); gazetteer_groups.c. */
ss_code gz_load_groups(ss_gazetteer *g, const char *gaz_path, ss_err *err);
void gz_free_groups(ss_gazetteer *g);
const char *gz_group_name(const ss_gazetteer *g, uint32_t id); /* NULL: not a group */

/* ---- lookups ---- */

/* n minus the suffix's length if s[0..n) ends with suffix, else n. */
static inline size_t ends_with(const char *s, size_t n, const char *suffix)
{
    size_t k = strlen(suffix);
    return (n >= k && memcmp(s + n - k, suffix, k) == 0) ? n - k : n;
}

static inline uint64_t mix64(uint64_t x)
{
    x ^= x >> 31;
    x *= 0x9E3779B97F4A7C15ull;
    return x ^ (x >> 29);
}

/* Slot of key s[0..n) in the group table: its group or the empty slot
 * where it would go. */
static inline size_t group_slot(const ss_gazetteer *g, const char *s, size_t n)
{
    size_t i = ss_fnv1a(s, n, SS_FNV_SEED) & g->smask;
    while (g->slots[i]) {
        const gz_group *gr = &g->grp[g->slots[i] - 1];
        if (gr->len == n && memcmp(gr->s, s, n) == 0)
            break;
        i = (i + 1) & g->smask;
    }
    return i;
}

static inline const gz_group *find_group(const ss_gazetteer *g, const char *s, size_t n)
{
    size_t i = group_slot(g, s, n);
    return g->slots[i] ? &g->grp[g->slots[i] - 1] : NULL;
}

/* Prefix key of the first two code points of s[0..len), 0 if fewer. */
static inline uint64_t prefix_key(const char *s, size_t len)
{
    size_t i = 0;
    uint32_t a = utf8_next(s, len, &i);
    if (i >= len)
        return 0;
    uint32_t b = utf8_next(s, len, &i);
    return (((uint64_t)a << 21) | b) + 1;
}

static inline size_t pfx_slot(const ss_gazetteer *g, uint64_t key)
{
    size_t i = mix64(key) & g->pmask;
    while (g->pfx[i].pfx && g->pfx[i].pfx != key)
        i = (i + 1) & g->pmask;
    return i;
}

static inline const gz_place *place(const ss_gazetteer *g, uint32_t id)
{
    return (g && id >= 1 && id <= g->n) ? &g->pl[id] : NULL;
}

#endif
