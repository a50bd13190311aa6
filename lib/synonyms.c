/* synonyms.c: the synonym and abbreviation table (see synonyms.h).
 *
 * The table is kept as the text of the file and a sorted array of (hash
 * of a member, line holding it), read from the index compiled beside the
 * file or built on reading: a lookup reads only its word's lines.  (Finding the word in the text with memmem, as before, cost
 * 20,000 instructions a lookup once the table passed 50 KB: a query's
 * 70 lookups cost more than a fifth of a one-query process.) */
#define _GNU_SOURCE /* memmem */
#include "synonyms.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base.h"
#include "strbuf.h"
#include "utf8.h"

#define SYN_MAX_MEMBERS 32

/* (hash of a member, offset of a line holding it): the compiled index
 * (synonyms.rules.idx, ss_syn_write_index) holds them sorted. */
typedef struct {
    uint64_t hash;
    uint32_t off;
    uint32_t part;     /* 1: the hash is of a part of a list member (放管服's 简政放权) */
} syn_entry;

/* The index file: this header, then n syn_entry sorted by (hash, off). */
typedef struct {
    char magic[8];     /* IDX_MAGIC */
    uint64_t len;      /* of the rules file it indexes */
    uint64_t text_hash; /* of that file's bytes (text_hash) */
    uint64_t n;
} idx_header;

#define IDX_MAGIC "SSYNIX2\n" /* 2: list parts indexed too */

struct ss_syn {
    char *text;        /* the file as read (a line is put in lower case when read) */
    size_t len;
    char *name;        /* for messages */
    syn_entry *sorted; /* every member's (hash, line), sorted: indexed on reading, */
    size_t nsorted;
    int compiled;      /* or read from the compiled index */
};

void ss_syn_free(ss_syn *s)
{
    if (!s)
        return;
    free(s->text);
    free(s->name);
    free(s->sorted);
    free(s);
}

static char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* A member's hash, ASCII in lower case: FNV-1a, its bits mixed so that the
 * low ones pick slots. */
static uint64_t member_hash(const char *w, size_t len)
{
    uint64_t h = 14695981039346656037ull;
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)lower(w[i])) * 1099511628211ull;
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    return h;
}

typedef struct {
    const char *s;
    size_t len;
} span;

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

/* Reads the line [s, e): its members into m (at most max), *related set;
 * returns how many, 0 for a blank or comment line, -1 for a malformed one. */
static int read_line(const char *s, const char *e, span *m, size_t max, int *related)
{
    const char *hash = memchr(s, '#', (size_t)(e - s));
    if (hash)
        e = hash;
    trim(&s, &e);
    if (s == e)
        return 0;
    int has_eq = memchr(s, '=', (size_t)(e - s)) != NULL;
    int has_rel = memchr(s, '~', (size_t)(e - s)) != NULL;
    if (has_eq == has_rel)
        return -1;
    char sep = has_eq ? '=' : '~';
    *related = sep == '~';
    int n = 0;
    while (s < e) {
        const char *x = memchr(s, sep, (size_t)(e - s));
        const char *ms = s, *me = x ? x : e;
        trim(&ms, &me);
        if (ms == me || me - ms > SS_SYN_MAX_TERM - 1 || !valid_utf8(ms, (size_t)(me - ms)) ||
            (size_t)n == max)
            return -1;
        m[n++] = (span){ ms, (size_t)(me - ms) };
        s = x ? x + 1 : e;
    }
    return n >= 2 ? n : -1;
}

/* Whether a UTF-8 lead byte may begin a blank beyond ASCII: U+00A0 (C2),
 * U+1680 (E1), U+2000-U+205F (E2), U+3000 (E3); a Han character (E4-E9)
 * never does. */
static int maybe_blank_lead(char c)
{
    unsigned char u = (unsigned char)c;
    return u == 0xC2 || (u >= 0xE1 && u <= 0xE3);
}

/* The lead byte of the last character of [s, e), s < e. */
static const char *last_lead(const char *s, const char *e)
{
    const char *k = e - 1;
    while (k > s && ((unsigned char)*k & 0xC0) == 0x80)
        k--;
    return k;
}

/* Narrows a member [*s, *e) as trim() does, cheaply for ASCII blanks. */
static void trim_member(const char **s, const char **e)
{
    while (*s < *e && (**s == ' ' || **s == '\t' || **s == '\r'))
        (*s)++;
    while (*e > *s && ((*e)[-1] == ' ' || (*e)[-1] == '\t' || (*e)[-1] == '\r'))
        (*e)--;
    if (*s < *e && (maybe_blank_lead(**s) || maybe_blank_lead(*last_lead(*s, *e))))
        trim(s, e); /* perhaps a blank beyond ASCII (U+00A0, U+2000.., U+3000) */
}

/* The marks that set a list member's parts apart: 、 and ， (full width). */
static const char *const LIST_MARKS[] = { "、", "，" };

/* The end of the list part of [s, e) that starts at s: the next mark or e;
 * *next is where the part after it starts (e when none). */
static const char *part_end(const char *s, const char *e, const char **next)
{
    const char *best = e;
    size_t ml = 0;
    for (size_t i = 0; i < sizeof LIST_MARKS / sizeof LIST_MARKS[0]; i++) {
        size_t l = strlen(LIST_MARKS[i]);
        const char *x = memmem(s, (size_t)(e - s), LIST_MARKS[i], l);
        if (x && x < best) {
            best = x;
            ml = l;
        }
    }
    *next = best < e ? best + ml : e;
    return best;
}

/* 1 when the member [s, e) is a list (holds a mark). */
static int is_list(const char *s, const char *e)
{
    const char *next;
    return part_end(s, e, &next) < e;
}

static int by_entry(const void *a, const void *b)
{
    const syn_entry *x = a, *y = b;
    if (x->hash != y->hash)
        return x->hash < y->hash ? -1 : 1;
    return (x->off > y->off) - (x->off < y->off);
}

/* Indexes the members of every line: (hash, line) sorted.  The lines are
 * split the way read_line splits them but not checked (a lookup reads its
 * lines with read_line, which skips a malformed one; ss_syn_check names
 * it). */
static int index_members(ss_syn *s)
{
    size_t cap = 0;
    for (const char *p = s->text, *end = s->text + s->len; p < end;) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *e = nl ? nl : end, *line = p;
        const char *hash = memchr(p, '#', (size_t)(e - p));
        if (hash)
            e = hash;
        char sep = memchr(p, '=', (size_t)(e - p)) ? '=' : memchr(p, '~', (size_t)(e - p)) ? '~' : 0;
        while (sep && p < e) {
            const char *x = memchr(p, sep, (size_t)(e - p));
            const char *ms = p, *me = x ? x : e;
            trim_member(&ms, &me);
            if (ms < me) {
                if (SS_GROW(s->sorted, s->nsorted + 1, cap, 1024) < 0)
                    return -1;
                s->sorted[s->nsorted++] = (syn_entry){ member_hash(ms, (size_t)(me - ms)),
                                                       (uint32_t)(line - s->text), 0 };
            }
            for (const char *ps = ms, *next; sep == '=' && is_list(ms, me) && ps < me; ps = next) {
                const char *pe = part_end(ps, me, &next), *ts = ps;
                trim_member(&ts, &pe);
                if (ts == pe)
                    continue;
                if (SS_GROW(s->sorted, s->nsorted + 1, cap, 1024) < 0)
                    return -1;
                s->sorted[s->nsorted++] = (syn_entry){ member_hash(ts, (size_t)(pe - ts)),
                                                       (uint32_t)(line - s->text), 1 };
            }
            p = x ? x + 1 : e;
        }
        p = nl ? nl + 1 : end;
    }
    if (s->nsorted > 1)
        qsort(s->sorted, s->nsorted, sizeof *s->sorted, by_entry);
    return 0;
}

static ss_code make_opt(const char *text, size_t len, const char *name, int index, ss_syn **out,
                        ss_err *err)
{
    ss_syn *s = calloc(1, sizeof *s);
    if (s) {
        s->text = malloc(len + 1);
        s->name = strdup(name);
    }
    if (!s || !s->text || !s->name) {
        ss_syn_free(s);
        return ss_seterr(err, SS_ENOMEM, "out of memory reading %s", name);
    }
    memcpy(s->text, text, len);
    s->text[len] = '\0';
    s->len = len;
    if (index && index_members(s) != 0) {
        ss_syn_free(s);
        return ss_seterr(err, SS_ENOMEM, "out of memory reading %s", name);
    }
    *out = s;
    return SS_OK;
}

static ss_code make(const char *text, size_t len, const char *name, ss_syn **out, ss_err *err)
{
    return make_opt(text, len, name, 1, out, err);
}

/* A hash of the file's bytes, eight at a time: tells whether an index was
 * compiled from this very file (a few microseconds for 50 KB). */
static uint64_t text_hash(const char *t, size_t len)
{
    uint64_t h = 0x243F6A8885A308D3ull ^ len;
    size_t i = 0;
    for (; i + 8 <= len; i += 8) {
        uint64_t w;
        memcpy(&w, t + i, 8);
        h = (h ^ w) * 0x9E3779B97F4A7C15ull;
        h ^= h >> 29;
    }
    for (; i < len; i++)
        h = (h ^ (unsigned char)t[i]) * 0x100000001B3ull;
    return h;
}

/* Reads the compiled index at path into s when it was compiled from s's
 * text; 0, or -1 when it is missing, stale or unreadable (s unchanged). */
static int read_index(ss_syn *s, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    idx_header h;
    syn_entry *v = NULL;
    int ok = fread(&h, sizeof h, 1, f) == 1 && memcmp(h.magic, IDX_MAGIC, 8) == 0 &&
             h.len == s->len && h.text_hash == text_hash(s->text, s->len) &&
             h.n <= s->len && (v = malloc((h.n ? h.n : 1) * sizeof *v)) != NULL &&
             fread(v, sizeof *v, h.n, f) == h.n;
    fclose(f);
    for (size_t i = 0; ok && i < h.n; i++) /* offsets within the text, sorted */
        ok = v[i].off < s->len && (i == 0 || v[i - 1].hash < v[i].hash ||
                                   (v[i - 1].hash == v[i].hash && v[i - 1].off <= v[i].off));
    if (!ok) {
        free(v);
        return -1;
    }
    s->sorted = v;
    s->nsorted = h.n;
    s->compiled = 1;
    return 0;
}

ss_code ss_syn_write_index(const ss_syn *s, const char *path, ss_err *err)
{
    size_t n = s->nsorted;
    idx_header h = { IDX_MAGIC, s->len, text_hash(s->text, s->len), n };
    char tmp[4096];
    int len = snprintf(tmp, sizeof tmp, "%s.tmp", path);
    FILE *f = len > 0 && (size_t)len < sizeof tmp ? fopen(tmp, "wb") : NULL;
    int ok = f && fwrite(&h, sizeof h, 1, f) == 1 &&
             (n == 0 || fwrite(s->sorted, sizeof *s->sorted, n, f) == n);
    ok = f && fclose(f) == 0 && ok;
    if (!ok || rename(tmp, path) != 0) {
        if (f)
            remove(tmp);
        return ss_seterr(err, SS_EIO, "%s: cannot write the synonyms index", path);
    }
    return SS_OK;
}

int ss_syn_indexed(const ss_syn *s)
{
    return s && s->compiled;
}

ss_code ss_syn_check(const ss_syn *s, size_t *groups, ss_err *err)
{
    size_t lineno = 0, n = 0;
    for (const char *p = s->text, *end = s->text + s->len; p < end;) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *e = nl ? nl : end;
        span m[SYN_MAX_MEMBERS];
        int related, k = read_line(p, e, m, SYN_MAX_MEMBERS, &related);
        lineno++;
        if (k < 0)
            return ss_seterr(err, SS_ECORRUPT,
                             "%s:%zu: a line is A = B (= C...) or A ~ B (~ C...), members "
                             "non-empty valid UTF-8 of fewer than %d bytes",
                             s->name, lineno, SS_SYN_MAX_TERM);
        n += k > 0;
        p = nl ? nl + 1 : end;
    }
    if (groups)
        *groups = n;
    return SS_OK;
}

ss_code ss_syn_parse(const char *text, size_t len, const char *name, ss_syn **out, ss_err *err)
{
    ss_syn *s = NULL;
    ss_code rc = make(text, len, name, &s, err);
    if (rc == SS_OK)
        rc = ss_syn_check(s, NULL, err);
    if (rc != SS_OK) {
        ss_syn_free(s);
        return rc;
    }
    *out = s;
    return SS_OK;
}

ss_code ss_syn_load(const char *path, ss_syn **out, ss_err *err)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return make("", 0, path, out, err);
    strbuf sb = STRBUF_INIT;
    char buf[16384];
    size_t n;
    int bad = 0;
    while (!bad && (n = fread(buf, 1, sizeof buf, f)) > 0)
        bad = sb_add(&sb, buf, n) != 0;
    bad |= ferror(f);
    fclose(f);
    ss_code rc = bad ? ss_seterr(err, SS_EIO, "%s: cannot read", path)
                     : make_opt(sb.buf ? sb.buf : "", sb.len, path, 0, out, err);
    sb_free(&sb);
    if (rc != SS_OK)
        return rc;
    /* the index compiled beside the file (make), when it is this file's;
     * otherwise the members are indexed here */
    char idx[4096];
    int in = snprintf(idx, sizeof idx, "%s.idx", path);
    if ((in > 0 && (size_t)in < sizeof idx && read_index(*out, idx) == 0) ||
        index_members(*out) == 0)
        return SS_OK;
    ss_syn_free(*out);
    *out = NULL;
    return ss_seterr(err, SS_ENOMEM, "out of memory reading %s", path);
}

size_t ss_syn_groups(const ss_syn *s)
{
    size_t n = 0;
    if (s && ss_syn_check(s, &n, NULL) != SS_OK)
        return 0;
    return n;
}

/* The first entry of hash h in s->sorted (s->nsorted when none). */
static size_t first_entry(const ss_syn *s, uint64_t h)
{
    size_t lo = 0, hi = s->nsorted;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (s->sorted[mid].hash < h)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

#define LINE_MAX_BYTES (SYN_MAX_MEMBERS * SS_SYN_MAX_TERM + 256)

/* Reads the group on the line at byte off into line (lower case, its
 * comment left out) and its members into m; returns how many, -1 for a
 * line longer than a well-formed one can be or malformed, 0 for none. */
static int read_group(const ss_syn *s, uint32_t off, char *line, span *m, int *related)
{
    const char *end = s->text + s->len;
    const char *raw = s->text + off, *rawe = memchr(raw, '\n', (size_t)(end - raw));
    size_t n0 = rawe ? (size_t)(rawe - raw) : (size_t)(end - raw);
    const char *hash = memchr(raw, '#', n0);
    if (hash) /* a comment: not part of the group */
        n0 = (size_t)(hash - raw);
    if (n0 > LINE_MAX_BYTES)
        return -1;
    for (size_t i = 0; i < n0; i++)
        line[i] = lower(raw[i]);
    return read_line(line, line + n0, m, SYN_MAX_MEMBERS, related);
}

#define LINES_MAX 64 /* lines one hash names: far more than a word's groups */

/* The lines of the entries of word's hash that are parts of lists (part 1)
 * or members (part 0), each once, in file order, into off (at most
 * LINES_MAX); returns how many.  A line of another word of the same hash
 * may be among them: the caller reads the line. */
static size_t lines_of(const ss_syn *s, const char *word, size_t len, uint32_t part,
                       uint32_t *off)
{
    size_t n = 0;
    if (!s || !len || !s->len)
        return 0;
    uint64_t h = member_hash(word, len);
    for (size_t l = first_entry(s, h); l < s->nsorted && s->sorted[l].hash == h && n < LINES_MAX;
         l++)
        if (s->sorted[l].part == part && (n == 0 || off[n - 1] != s->sorted[l].off))
            off[n++] = s->sorted[l].off; /* a line naming it twice: once */
    return n;
}

size_t ss_syn_lookup(const ss_syn *s, const char *word, size_t len, ss_syn_alt *out, size_t max)
{
    size_t k = 0;
    uint32_t off[LINES_MAX];
    size_t nl = lines_of(s, word, len, 0, off);
    char line[LINE_MAX_BYTES];
    for (size_t l = 0; l < nl; l++) {
        span m[SYN_MAX_MEMBERS];
        int related, n = read_group(s, off[l], line, m, &related), in = 0;
        for (int i = 0; i < n && !in; i++)
            in = m[i].len == len && memcmp(m[i].s, word, len) == 0;
        for (int i = 0; in && i < n && k < max; i++) {
            if ((m[i].len == len && memcmp(m[i].s, word, len) == 0) ||
                utf8_count(m[i].s, m[i].len) < 2)
                continue; /* the word itself; a one-character member is never added */
            int dup = 0;
            for (size_t d = 0; d < k && !dup; d++)
                dup = strlen(out[d].text) == m[i].len && memcmp(out[d].text, m[i].s, m[i].len) == 0;
            if (dup)
                continue;
            memcpy(out[k].text, m[i].s, m[i].len);
            out[k].text[m[i].len] = '\0';
            out[k++].related = related;
        }
    }
    return k;
}

size_t ss_syn_lists_with(const ss_syn *s, const char *word, size_t len, ss_syn_list *out,
                         size_t max)
{
    size_t k = 0;
    uint32_t off[LINES_MAX];
    size_t nl = lines_of(s, word, len, 1, off);
    char line[LINE_MAX_BYTES];
    for (size_t l = 0; l < nl && k < max; l++) {
        span m[SYN_MAX_MEMBERS];
        int related, n = read_group(s, off[l], line, m, &related), in = 0;
        for (int i = 0; i < n && !in && !related; i++) { /* word is a part of a list member */
            const char *me = m[i].s + m[i].len;
            for (const char *ps = m[i].s, *next; is_list(m[i].s, me) && ps < me && !in; ps = next) {
                const char *pe = part_end(ps, me, &next), *ts = ps;
                trim_member(&ts, &pe);
                in = (size_t)(pe - ts) == len && memcmp(ts, word, len) == 0;
            }
        }
        if (!in)
            continue;
        ss_syn_list *g = &out[k++];
        g->line = off[l];
        g->nforms = 0;
        for (int i = 0; i < n && g->nforms < SS_SYN_LIST_FORMS; i++) {
            if (is_list(m[i].s, m[i].s + m[i].len) || utf8_count(m[i].s, m[i].len) < 2)
                continue;
            memcpy(g->forms[g->nforms].text, m[i].s, m[i].len);
            g->forms[g->nforms].text[m[i].len] = '\0';
            g->forms[g->nforms++].related = 0;
        }
    }
    return k;
}
