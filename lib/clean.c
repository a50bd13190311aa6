/* clean.c: removes site furniture (banners, share lines, teasers, QR-code
 * lines, page counters, watermarks) from speech text, driven by a rules
 * file (clean.h says what; corpus/data/clean.rules documents the format).
 *
 * Why this shape: every file is cleaned before indexing, so cleaning must
 * cost little next to analysis, and most text holds no furniture at all.
 * The cleaner therefore finds, in ONE pass over each line, the plain pieces
 * of text the rules need (their "literals", looked up through a 64 Ki-bit
 * filter on 3-byte prefixes) and runs a rule's regular expression only on
 * lines holding its literal; line rules look only at short lines.  Patterns
 * are POSIX EREs compiled and run under the C locale (uselocale), so they
 * match UTF-8 byte by byte whatever the process locale is.  Kept bytes are
 * copied with their map to the original file (text.h); when nothing is
 * removed from an identity-mapped text, the output stays identity-mapped and
 * costs one memcpy.
 *
 * Ownership: an ss_cleaner owns its rules (compiled patterns, literal
 * copies) and its C locale object, and is read-only after ss_cleaner_open,
 * so threads may share it.  ss_clean allocates its scratch per call and
 * hands the output text to the caller.  No global mutable state.
 *
 * The rules are read by clean_rules.c; clean_int.h is what both share. */
#include "clean.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base.h"
#include "clean_int.h"
#include "utf8.h"

/* ---- small helpers ------------------------------------------------------ */


/* Length of the blank character (uc_is_blank) starting at t[i], i < e;
 * 0 if none. */
static size_t blank_at(const unsigned char *t, size_t i, size_t e)
{
    if (t[i] < 0x80)
        return uc_is_blank(t[i]);
    size_t j = i;
    return uc_is_blank(utf8_next((const char *)t, e, &j)) ? j - i : 0;
}

/* Length of the blank character ending at t[e - 1], s < e; 0 if none. */
static size_t blank_before(const unsigned char *t, size_t s, size_t e)
{
    if (blank_at(t, e - 1, e) == 1)
        return 1;
    if (e - s >= 2 && blank_at(t, e - 2, e) == 2)
        return 2;
    if (e - s >= 3 && blank_at(t, e - 3, e) == 3)
        return 3;
    return 0;
}

/* Narrows [*s, *e) to exclude blanks at both ends. */
static void trim(const unsigned char *t, size_t *s, size_t *e)
{
    size_t k;
    while (*s < *e && (k = blank_at(t, *s, *e)))
        *s += k;
    while (*e > *s && (k = blank_before(t, *s, *e)))
        *e -= k;
}

static int has_visible(const unsigned char *t, size_t a, size_t e)
{
    size_t k;
    while (a < e) {
        if (!(k = blank_at(t, a, e)))
            return 1;
        a += k;
    }
    return 0;
}

static size_t count_chars(const unsigned char *t, size_t a, size_t e)
{
    size_t n = 0;
    for (; a < e; a++)
        n += (t[a] & 0xC0) != 0x80;
    return n;
}

/* ---- cleaning ------------------------------------------------------------- */

typedef struct {
    size_t a, b;
} cut;

/* One ss_clean call's state and scratch (owned; freed by ss_clean). */
typedef struct {
    const ss_cleaner *c;
    const ss_text *in;
    const unsigned char *t;   /* in->text */
    ss_text_builder b;        /* the output */
    size_t pa, pe;            /* kept input bytes not yet copied to b */
    size_t *seen;             /* per rule: stamp of the last line holding its literal */
    size_t stamp;             /* the current line's stamp */
    cut *cuts;                /* pieces to remove from the current line */
    size_t ncuts, capcuts;
    int nomem;
    int last_blank;           /* the last line written was blank, or none was written */
    int after_drop;           /* the line before was dropped */
    ss_clean_stats st;
} cleaning;

static void add_cut(cleaning *r, size_t a, size_t b)
{
    if (SS_GROW(r->cuts, r->ncuts + 1, r->capcuts, 16) < 0) {
        r->nomem = 1;
        return;
    }
    r->cuts[r->ncuts++] = (cut){ a, b };
}

/* Identity maps for text bytes [a, e): each code point maps to its bytes. */
static void identity_map(const unsigned char *t, size_t a, size_t e, uint32_t *os, uint32_t *oe)
{
    for (size_t i = a; i < e;) {
        size_t n = t[i] < 0x80 ? 1 : seq_len(t, i, e);
        for (size_t k = 0; k < n; k++) {
            os[i - a + k] = (uint32_t)i;
            oe[i - a + k] = (uint32_t)(i + n);
        }
        i += n;
    }
}

/* Copies the pending kept bytes [pa, pe) with their maps to the output. */
static void flush(cleaning *r)
{
    size_t n = r->pe - r->pa;
    ss_text_builder *b = &r->b;
    /* the first copy reserves all the rest of the input: no regrowing */
    size_t room = b->cap ? n : r->in->len - r->pa;
    if (!n || ss_tb_reserve(b, room))
        return;
    memcpy(b->text + b->len, r->t + r->pa, n);
    if (r->in->ostart) {
        memcpy(b->ostart + b->len, r->in->ostart + r->pa, n * sizeof(uint32_t));
        memcpy(b->oend + b->len, r->in->oend + r->pa, n * sizeof(uint32_t));
    } else {
        identity_map(r->t, r->pa, r->pe, b->ostart + b->len, b->oend + b->len);
    }
    b->len += n;
    b->text[b->len] = '\0';
    r->pa = r->pe;
}

/* Keeps input bytes [a, e); adjacent kept ranges are copied together. */
static void keep(cleaning *r, size_t a, size_t e)
{
    if (a == e)
        return;
    if (a != r->pe) {
        flush(r);
        r->pa = a;
    }
    r->pe = e;
}

/* The literals that may start at t[i] (i + MIN_LIT <= le), whose first
 * bytes hash to h: marks their rules, cuts watermarks. */
static void match_literals(cleaning *r, uint32_t h, size_t i, size_t le)
{
    const ss_cleaner *c = r->c;
    size_t lo = 0, hi = c->nlits;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (c->lits[mid].h < h)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (const literal *l = c->lits + lo; l < c->lits + c->nlits && l->h == h; l++) {
        if (l->n > le - i || memcmp(r->t + i, l->s, l->n) != 0)
            continue;
        if (c->rules[l->rule].kind == RULE_WATERMARK)
            add_cut(r, i, i + l->n);
        else
            r->seen[l->rule] = r->stamp;
    }
}

/* Marks the rules whose literals occur in line [ls, le) (only span and
 * watermark rules when the line is too long for any line rule);
 * watermarks become cuts at once. */
static void scan_line(cleaning *r, size_t ls, size_t le, int short_line)
{
    const uint64_t *filter = short_line ? r->c->filter_all : r->c->filter_long;
    for (size_t i = ls; i + MIN_LIT <= le; i++) {
        uint32_t h = key3(r->t + i);
        if (filter[h >> 6] & ((uint64_t)1 << (h & 63)))
            match_literals(r, h, i, le);
    }
}

/* Whether rule k may match the current line at all. */
static int candidate(const cleaning *r, size_t k, enum rule_kind kind)
{
    const rule *ru = &r->c->rules[k];
    return ru->kind == kind && (!ru->filtered || r->seen[k] == r->stamp);
}

/* Searches t[s, e) from offset from; fills *m (offsets from s). */
static int search(const regex_t *re, const unsigned char *t, size_t s, size_t e, size_t from,
                  regmatch_t *m)
{
    if (e - s > INT_MAX)
        return 0;
    m->rm_so = (regoff_t)from;
    m->rm_eo = (regoff_t)(e - s);
    return regexec(re, (const char *)t + s, 1, m, REG_STARTEND) == 0;
}

/* A line rule drops the visible line [s, e). */
static int line_dropped(cleaning *r, size_t s, size_t e)
{
    const ss_cleaner *c = r->c;
    if (e - s > 4 * c->maxline_any)
        return 0;
    size_t chars = count_chars(r->t, s, e);
    if (chars > c->maxline_any)
        return 0;
    regmatch_t m;
    for (size_t k = 0; k < c->nrules; k++)
        if (candidate(r, k, RULE_LINE) && chars <= c->rules[k].maxline &&
            search(&c->rules[k].re, r->t, s, e, 0, &m))
            return 1;
    return 0;
}

/* Cuts every match of re in the visible line [s, e), widened to whole
 * characters. */
static void cut_matches(cleaning *r, const regex_t *re, size_t s, size_t e)
{
    regmatch_t m;
    size_t pos = 0;
    while (pos < e - s && search(re, r->t, s, e, pos, &m)) {
        size_t a = s + (size_t)m.rm_so, b = s + (size_t)m.rm_eo;
        if (b == a) {
            pos = a - s + seq_len(r->t, a, e);
            continue;
        }
        while (a > s && (r->t[a] & 0xC0) == 0x80)
            a--;
        while (b < e && (r->t[b] & 0xC0) == 0x80)
            b++;
        add_cut(r, a, b);
        pos = b - s;
    }
}

static int cut_cmp(const void *x, const void *y)
{
    const cut *a = x, *b = y;
    return a->a < b->a ? -1 : a->a > b->a ? 1 : (a->b > b->b) - (a->b < b->b);
}

/* Sorts and merges the cuts. */
static void merge_cuts(cleaning *r)
{
    qsort(r->cuts, r->ncuts, sizeof *r->cuts, cut_cmp);
    size_t j = 0;
    for (size_t i = 0; i < r->ncuts; i++) {
        if (j && r->cuts[i].a <= r->cuts[j - 1].b) {
            if (r->cuts[i].b > r->cuts[j - 1].b)
                r->cuts[j - 1].b = r->cuts[i].b;
        } else {
            r->cuts[j++] = r->cuts[i];
        }
    }
    r->ncuts = j;
}

static void line_dropped_now(cleaning *r)
{
    r->st.lines_removed++;
    r->after_drop = 1;
}

static void line_written(cleaning *r, int blank)
{
    r->last_blank = blank;
    r->after_drop = 0;
}

/* Writes line [ls, next) without its cuts, or drops it if nothing visible
 * is left. */
static void write_cut_line(cleaning *r, size_t ls, size_t le, size_t next)
{
    merge_cuts(r);
    size_t pos = ls;
    int visible = 0;
    for (size_t k = 0; k < r->ncuts; k++) {
        visible = visible || has_visible(r->t, pos, r->cuts[k].a);
        pos = r->cuts[k].b;
    }
    if (!visible && !has_visible(r->t, pos, le)) {
        line_dropped_now(r);
        return;
    }
    pos = ls;
    for (size_t k = 0; k < r->ncuts; k++) {
        keep(r, pos, r->cuts[k].a);
        pos = r->cuts[k].b;
    }
    keep(r, pos, next);
    r->st.spans_removed += r->ncuts;
    line_written(r, 0);
}

/* A blank line: folded away when it follows a dropped line and the output
 * already ends a paragraph, so dropping never makes a new gap. */
static void blank_line(cleaning *r, size_t ls, size_t next)
{
    if (r->after_drop && r->last_blank)
        return;
    keep(r, ls, next);
    line_written(r, 1);
}

/* Line [ls, le) of the input, its newline ending at next. */
static void clean_line(cleaning *r, size_t ls, size_t le, size_t next)
{
    size_t s = ls, e = le;
    trim(r->t, &s, &e);
    if (s == e) {
        blank_line(r, ls, next);
        return;
    }
    r->stamp++;
    r->ncuts = 0;
    scan_line(r, ls, le, e - s <= 4 * r->c->maxline_any);
    if (line_dropped(r, s, e)) {
        line_dropped_now(r);
        return;
    }
    for (size_t k = 0; k < r->c->nrules; k++)
        if (candidate(r, k, RULE_SPAN))
            cut_matches(r, &r->c->rules[k].re, s, e);
    if (r->ncuts) {
        write_cut_line(r, ls, le, next);
        return;
    }
    keep(r, ls, next);
    line_written(r, 0);
}

static void clean_lines(cleaning *r)
{
    size_t len = r->in->len;
    for (size_t i = 0; i < len && !r->nomem;) {
        const char *nl = memchr(r->t + i, '\n', len - i);
        size_t le = nl ? (size_t)(nl - (const char *)r->t) : len;
        size_t next = nl ? le + 1 : len;
        clean_line(r, i, le, next);
        i = next;
    }
}

/* Moves the kept text into out: an identity copy when nothing was removed
 * from an identity-mapped input. */
static ss_code finish(cleaning *r, ss_text *out, ss_err *err)
{
    const ss_text *in = r->in;
    if (r->nomem)
        return ss_seterr(err, SS_ENOMEM, "out of memory cleaning text");
    if (!in->ostart && r->pa == 0 && r->pe == in->len) {
        out->text = malloc(in->len + 1);
        if (!out->text)
            return ss_seterr(err, SS_ENOMEM, "out of memory cleaning text");
        memcpy(out->text, in->text, in->len);
        out->text[in->len] = '\0';
        out->len = in->len;
        return SS_OK;
    }
    flush(r);
    return ss_tb_finish(&r->b, out, err);
}

ss_code ss_clean(const ss_cleaner *c, const ss_text *in, ss_text *out, ss_clean_stats *st,
                 ss_err *err)
{
    ss_text_init(out);
    if (st)
        memset(st, 0, sizeof *st);
    if (in->len > UINT32_MAX)
        return ss_seterr(err, SS_EINVAL, "text of %zu bytes is too long to clean", in->len);
    cleaning r = { .c = c, .in = in, .t = (const unsigned char *)in->text, .last_blank = 1 };
    ss_tb_init(&r.b);
    r.seen = calloc(c->nrules ? c->nrules : 1, sizeof *r.seen);
    if (!r.seen)
        return ss_seterr(err, SS_ENOMEM, "out of memory cleaning text");
    locale_t old = uselocale(c->cloc);
    clean_lines(&r);
    uselocale(old);
    ss_code rc = finish(&r, out, err);
    free(r.seen);
    free(r.cuts);
    ss_tb_free(&r.b);
    if (rc == SS_OK && st) {
        *st = r.st;
        st->bytes_removed = in->len - out->len;
    }
    return rc;
}
