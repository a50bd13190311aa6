/* synonyms.c: the synonym and abbreviation table (see synonyms.h). */
#include "synonyms.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strbuf.h"
#include "utf8.h"

#define SYN_MAX_TERM 120

typedef struct {
    const char *t;     /* the member (in ss_syn.text once built) */
    uint32_t off;      /* its offset in ss_syn.text */
    uint32_t group;
    uint16_t len;
} entry;

struct ss_syn {
    char *text;        /* members, NUL-terminated, one after the other */
    entry *e;          /* sorted by text, then group */
    size_t n;
    uint8_t *related;  /* per group */
    size_t ngroups;
    entry *by_group;   /* the same entries in group order */
};

void ss_syn_free(ss_syn *s)
{
    if (!s)
        return;
    free(s->text);
    free(s->e);
    free(s->related);
    free(s->by_group);
    free(s);
}

size_t ss_syn_groups(const ss_syn *s)
{
    return s ? s->ngroups : 0;
}

static int cmp_entry(const void *a, const void *b)
{
    const entry *x = a, *y = b;
    size_t n = x->len < y->len ? x->len : y->len;
    int c = memcmp(x->t, y->t, n);
    if (c)
        return c;
    if (x->len != y->len)
        return x->len < y->len ? -1 : 1;
    return x->group < y->group ? -1 : x->group > y->group;
}

/* Narrows [*s, *e) to leave out blanks at both ends. */
static void trim(const char **s, const char **e)
{
    size_t a = 0, b = (size_t)(*e - *s);
    utf8_trim(*s, &a, &b);
    *e = *s + b;
    *s += a;
}

static int valid_utf8(const char *s, size_t len)
{
    for (size_t i = 0; i < len;)
        if (utf8_next(s, len, &i) == 0xFFFD)
            return 0;
    return 1;
}

typedef struct {
    strbuf text;
    entry *e;
    size_t n, cap;
    uint8_t *related;
    size_t ngroups, capgroups;
} builder;

static int add_member(builder *b, const char *s, size_t len)
{
    if (b->n == b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 256;
        entry *v = realloc(b->e, cap * sizeof *v);
        if (!v)
            return -1;
        b->e = v;
        b->cap = cap;
    }
    b->e[b->n] = (entry){ NULL, (uint32_t)b->text.len, (uint32_t)b->ngroups, (uint16_t)len };
    if (sb_add(&b->text, s, len) || sb_addc(&b->text, '\0'))
        return -1;
    char *t = b->text.buf + b->e[b->n].off;
    for (size_t i = 0; i < len; i++)
        t[i] = (char)tolower((unsigned char)t[i]);
    b->n++;
    return 0;
}

static int add_group(builder *b, int related)
{
    if (b->ngroups == b->capgroups) {
        size_t cap = b->capgroups ? b->capgroups * 2 : 128;
        uint8_t *v = realloc(b->related, cap);
        if (!v)
            return -1;
        b->related = v;
        b->capgroups = cap;
    }
    b->related[b->ngroups++] = (uint8_t)related;
    return 0;
}

/* One line: members separated by " = " or " ~ " (one kind a line). */
static ss_code parse_line(builder *b, const char *s, const char *e, const char *name,
                          size_t lineno, ss_err *err)
{
    const char *hash = memchr(s, '#', (size_t)(e - s));
    if (hash)
        e = hash;
    trim(&s, &e);
    if (s == e)
        return SS_OK;
    int has_eq = memchr(s, '=', (size_t)(e - s)) != NULL;
    int has_rel = memchr(s, '~', (size_t)(e - s)) != NULL;
    if (has_eq == has_rel)
        return ss_seterr(err, SS_ECORRUPT, "%s:%zu: a line is A = B (= C...) or A ~ B (~ C...)",
                         name, lineno);
    char sep = has_eq ? '=' : '~';
    size_t first = b->n, members = 0;
    while (s < e) {
        const char *m = memchr(s, sep, (size_t)(e - s));
        const char *me = m ? m : e, *ms = s;
        trim(&ms, &me);
        if (ms == me || me - ms > SYN_MAX_TERM || !valid_utf8(ms, (size_t)(me - ms)))
            return ss_seterr(err, SS_ECORRUPT, "%s:%zu: empty, too long or invalid member",
                             name, lineno);
        if (add_member(b, ms, (size_t)(me - ms)))
            return ss_seterr(err, SS_ENOMEM, "out of memory reading %s", name);
        members++;
        s = m ? m + 1 : e;
    }
    if (members < 2) {
        b->n = first;
        return ss_seterr(err, SS_ECORRUPT, "%s:%zu: a group needs two members", name, lineno);
    }
    if (add_group(b, sep == '~'))
        return ss_seterr(err, SS_ENOMEM, "out of memory reading %s", name);
    return SS_OK;
}

ss_code ss_syn_parse(const char *text, size_t len, const char *name, ss_syn **out, ss_err *err)
{
    builder b = { .text = STRBUF_INIT };
    ss_code rc = SS_OK;
    size_t lineno = 0;
    for (const char *s = text, *end = text + len; rc == SS_OK && s < end;) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        const char *e = nl ? nl : end;
        rc = parse_line(&b, s, e, name, ++lineno, err);
        s = nl ? nl + 1 : end;
    }
    ss_syn *t = rc == SS_OK ? calloc(1, sizeof *t) : NULL;
    if (rc == SS_OK && !t)
        rc = ss_seterr(err, SS_ENOMEM, "out of memory reading %s", name);
    if (rc == SS_OK && b.n && !(t->by_group = malloc(b.n * sizeof *t->by_group)))
        rc = ss_seterr(err, SS_ENOMEM, "out of memory reading %s", name);
    if (rc != SS_OK) {
        free(t ? t->by_group : NULL);
        free(t);
        sb_free(&b.text);
        free(b.e);
        free(b.related);
        return rc;
    }
    t->text = sb_detach(&b.text, NULL);
    t->e = b.e;
    t->n = b.n;
    t->related = b.related;
    t->ngroups = b.ngroups;
    for (size_t i = 0; i < t->n; i++)
        t->e[i].t = t->text + t->e[i].off;
    if (t->n)
        memcpy(t->by_group, t->e, t->n * sizeof *t->e);
    if (t->n > 1)
        qsort(t->e, t->n, sizeof *t->e, cmp_entry);
    *out = t;
    return SS_OK;
}

ss_code ss_syn_load(const char *path, ss_syn **out, ss_err *err)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return ss_syn_parse("", 0, path, out, err);
    strbuf sb = STRBUF_INIT;
    char buf[8192];
    size_t n;
    int bad = 0;
    while (!bad && (n = fread(buf, 1, sizeof buf, f)) > 0)
        bad = sb_add(&sb, buf, n) != 0;
    bad |= ferror(f);
    fclose(f);
    ss_code rc = bad ? ss_seterr(err, SS_EIO, "%s: cannot read", path)
                     : ss_syn_parse(sb.buf ? sb.buf : "", sb.len, path, out, err);
    sb_free(&sb);
    return rc;
}

/* First entry whose text is >= word (binary search). */
static size_t lower_bound(const ss_syn *s, const char *w, size_t len)
{
    size_t lo = 0, hi = s->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const entry *x = &s->e[mid];
        size_t n = x->len < len ? x->len : len;
        int c = memcmp(s->text + x->off, w, n);
        if (c < 0 || (c == 0 && x->len < len))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* First entry of group g in by_group (entries there are in group order). */
static size_t group_start(const ss_syn *s, uint32_t g)
{
    size_t lo = 0, hi = s->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (s->by_group[mid].group < g)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

size_t ss_syn_lookup(const ss_syn *s, const char *word, size_t len, ss_syn_alt *out, size_t max)
{
    size_t k = 0;
    if (!s || !len)
        return 0;
    for (size_t i = lower_bound(s, word, len); i < s->n; i++) {
        const entry *x = &s->e[i];
        if (x->len != len || memcmp(s->text + x->off, word, len) != 0)
            break;
        for (size_t j = group_start(s, x->group); j < s->n && s->by_group[j].group == x->group; j++) {
            const entry *y = &s->by_group[j];
            const char *t = s->text + y->off;
            if ((y->len == len && memcmp(t, word, len) == 0) || utf8_count(t, y->len) < 2)
                continue;
            int dup = 0;
            for (size_t d = 0; d < k && !dup; d++)
                dup = strcmp(out[d].text, t) == 0;
            if (!dup && k < max)
                out[k++] = (ss_syn_alt){ t, s->related[x->group] };
        }
    }
    return k;
}
