/* synonyms.c: the synonym and abbreviation table (see synonyms.h).
 *
 * The table is kept as the text of the file: a query looks up a handful
 * of words, so each lookup finds the word in the text (memmem) and reads
 * only the lines that hold it.  Building an index of every member at
 * start-up cost more than all the lookups of a query. */
#define _GNU_SOURCE /* memmem */
#include "synonyms.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strbuf.h"
#include "utf8.h"

#define SYN_MAX_MEMBERS 32

struct ss_syn {
    char *text;        /* the file, ASCII in lower case */
    size_t len;
    char *name;        /* for messages */
};

void ss_syn_free(ss_syn *s)
{
    if (!s)
        return;
    free(s->text);
    free(s->name);
    free(s);
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

static ss_code make(const char *text, size_t len, const char *name, ss_syn **out, ss_err *err)
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
    for (size_t i = 0; i < len; i++)
        s->text[i] = (char)tolower((unsigned char)text[i]);
    s->text[len] = '\0';
    s->len = len;
    *out = s;
    return SS_OK;
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
                     : make(sb.buf ? sb.buf : "", sb.len, path, out, err);
    sb_free(&sb);
    return rc;
}

size_t ss_syn_groups(const ss_syn *s)
{
    size_t n = 0;
    if (s && ss_syn_check(s, &n, NULL) != SS_OK)
        return 0;
    return n;
}

size_t ss_syn_lookup(const ss_syn *s, const char *word, size_t len, ss_syn_alt *out, size_t max)
{
    size_t k = 0;
    if (!s || !len || !s->len)
        return 0;
    const char *end = s->text + s->len;
    for (const char *p = s->text; p < end;) {
        const char *hit = memmem(p, (size_t)(end - p), word, len);
        if (!hit)
            break;
        const char *ls = hit, *le = memchr(hit, '\n', (size_t)(end - hit));
        while (ls > s->text && ls[-1] != '\n')
            ls--;
        if (!le)
            le = end;
        span m[SYN_MAX_MEMBERS];
        int related, n = read_line(ls, le, m, SYN_MAX_MEMBERS, &related), in = 0;
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
        p = le;
    }
    return k;
}
