/* speech.c: the speeches inside a file and what each says about itself
 * (see speech.h).
 *
 * Why: files from the web hold compilations (第一篇:… 第二篇:…), several
 * speeches one after another (a title line, then speaker and date lines),
 * news reports and speeches; search results show each passage's speech
 * title, date, speaker, kind and region, and region filters need the
 * places a speech names.
 *
 * How (one module a question, speech_int.h lists them):
 *  1. Lines (speech_lines.c).  The text is cut into lines; when it holds
 *     traditional characters, a simplified copy (the shared analysis'
 *     t2s, code point for code point) is cut the same way, so that all
 *     keyword matching below is on simplified text while byte spans stay
 *     in the original.
 *  2. Splitting, at line starts: compilation markers (第一篇, 第1篇, 【第二篇】)
 *     and a title line (…讲话/致辞/报告…) followed by a speaker line
 *     (朝阳市委书记张淑萍) or a date line ((2022年2月7日)).  Speeches are
 *     contiguous: the first starts at byte 0, each ends where the next
 *     starts, the last at the end of the text.  A short preamble before the
 *     first marker belongs to the first speech.
 *  3. Metadata (speech_date.c, speech_who.c, speech_kind.c,
 *     speech_place.c; the title here) from the speech's head (its first short lines) and body:
 *     title (marker and 原标题 prefixes and [精选]-style tags removed;
 *     a site banner skipped for a line with 讲话/报告/汇编…), date (date
 *     line, then a year or month in the title or head, refined by
 *     "2019年元旦"; else "2018年是…之年"), publication date (更新时间/
 *     发布时间), speaker and role (speaker line, "市委书记在…上的讲话",
 *     "楼阳生出席并讲话" with "省委书记楼阳生" in the text, "我代表中共常州市委"),
 *     kind, places (gazetteer scan) and own region (stated with the role,
 *     else the dominant province/city of the places named, heading lines
 *     weighing three times, no finer than the speech's 全省/全市/全县).
 *
 * Ownership: every string and array in an ss_speech is malloc'd and freed
 * by ss_speeches_free; nothing else outlives a call.  No global state. */
#include "speech.h"

#include <stdlib.h>
#include <string.h>

#include "base.h"
#include "speech_int.h"

#define TITLE_MAX_CHARS 100
#define PREAMBLE_MAX_CHARS 200

static char *dup_range(const char *s, size_t n)
{
    char *p = malloc(n + 1);
    if (p) {
        memcpy(p, s, n);
        p[n] = '\0';
    }
    return p;
}

/* ---- splitting ---- */

/* Does line l open a new speech: a title line, then a speaker or date
 * line, with a role or a date among the next two lines? */
static int opens_speech(const doc *d, size_t l)
{
    size_t n;
    const char *s = ltext(d, l, &n);
    if (!sp_is_title_line(s, n))
        return 0;
    int strong = 0, lines = 0;
    for (size_t k = l + 1; k < d->n && k <= l + 2; k++, lines++) {
        size_t m;
        const char *t = ltext(d, k, &m);
        speaker_line sl;
        ymd y;
        if (sp_is_date_line(t, m, &y))
            strong = 1;
        else if (sp_parse_speaker_line(t, m, &sl))
            strong |= sl.role >= 0;
        else
            break;
    }
    return lines > 0 && strong;
}

typedef struct {
    size_t *v; /* head line of each speech */
    size_t n, cap;
} heads;

static int push_head(heads *h, size_t l)
{
    if (SS_GROW(h->v, h->n + 1, h->cap, 8) < 0)
        return -1;
    h->v[h->n++] = l;
    return 0;
}

static size_t chars_between(const doc *d, size_t a, size_t b)
{
    size_t c = 0;
    for (size_t l = a; l < b; l++)
        c += lchars(d, l);
    return c;
}

/* 1 when lines of d open chapters (第一章) after a 第一篇 marker: its
 * markers head the parts of one document (a five-year plan: 第一篇 指导原则,
 * 第一章 …), not the speeches of a compilation. */
static int has_parts(const doc *d)
{
    int marker = 0;
    for (size_t l = 0; l < d->n; l++) {
        size_t n;
        const char *s = ltext(d, l, &n);
        if (marker && sp_is_chapter_line(s, n))
            return 1;
        marker |= sp_marker_end(s, n) != NOT_FOUND;
    }
    return 0;
}

/* Head lines of the speeches, in order.  Speech 0 always spans from byte
 * 0: a short preamble before the first head joins it. */
static int find_heads(const doc *d, heads *h)
{
    int parts = has_parts(d);
    for (size_t l = 0; l < d->n; l++) {
        size_t n;
        const char *s = ltext(d, l, &n);
        int inside_head = h->n && l < h->v[h->n - 1] + 3;
        if ((!parts && sp_marker_end(s, n) != NOT_FOUND) || (!inside_head && opens_speech(d, l)))
            if (push_head(h, l) < 0)
                return -1;
    }
    if (h->n && h->v[0] > 0 && chars_between(d, 0, h->v[0]) > PREAMBLE_MAX_CHARS) {
        if (push_head(h, 0) < 0)
            return -1;
        memmove(h->v + 1, h->v, (h->n - 1) * sizeof *h->v);
        h->v[0] = 0;
    } else if (h->n && h->v[0] > 0) {
        /* a short preamble that opens with a title line is the first
         * speech's head (2001年福建省人民政府工作报告, its motto, then
         * ——2001年2月7日在…上的报告 and the speaker) */
        size_t n;
        const char *s = ltext(d, 0, &n);
        if (sp_is_title_line(s, n))
            h->v[0] = 0;
    }
    return h->n || d->n == 0 ? 0 : push_head(h, 0);
}

/* ---- title ---- */

static size_t pick_title_line(const doc *d, size_t a, size_t h)
{
    if (h == a)
        return NOT_FOUND;
    for (size_t l = a; l < h; l++) {
        size_t n;
        const char *s = ltext(d, l, &n);
        if (starts(s, n, "原标题"))
            return l;
    }
    size_t n;
    const char *s = ltext(d, a, &n);
    ymd y;
    /* a page's breadcrumb or date line is no title: the caller's (a web
     * page's <title>) is better */
    if (sp_is_breadcrumb_line(s, n) || sp_is_date_line(s, n, &y) || sp_is_pubdate_line(s, n))
        return NOT_FOUND;
    size_t m = sp_marker_end(s, n);
    if (m != NOT_FOUND)
        return (m < n || a + 1 >= h) ? a : a + 1;
    if (sp_has_title_kw(s, n))
        return a;
    for (size_t l = a + 1; l < h && l <= a + 2; l++) {
        speaker_line sl;
        s = ltext(d, l, &n);
        if (sp_is_title_line(s, n) && !sp_is_pubdate_line(s, n) && !sp_parse_speaker_line(s, n, &sl))
            return l;
    }
    return a;
}

/* Strips a [精选] / 【…】 tag (up to 9 characters long) at the end or
 * start of s[*b..*e). */
static int strip_tag(const char *s, size_t *b, size_t *e)
{
    size_t i = *b, n = *e;
    uint32_t first = next_cp(s, n, &i);
    uint32_t last = last_cp(s + *b, *e - *b);
    static const char open[] = "[【", close[] = "]】";
    if (cp_in(last, close)) {
        for (size_t k = *e, chars = 0; k > *b && chars < 10; chars++) {
            do
                k--;
            while (k > *b && ((unsigned char)s[k] & 0xC0) == 0x80);
            size_t j = k;
            if (k > *b && cp_in(utf8_next(s, n, &j), open)) {
                *e = k;
                return 1;
            }
        }
    }
    if (cp_in(first, open)) {
        for (size_t k = i, chars = 0; k < *e && chars < 10; chars++)
            if (cp_in(utf8_next(s, *e, &k), close) && k < *e) {
                *b = k;
                return 1;
            }
    }
    return 0;
}

/* Bounds of the title inside line s[0..n): prefixes and tags removed. */
void sp_title_bounds(const char *s, size_t n, size_t *b, size_t *e)
{
    *b = 0;
    *e = n;
    size_t m = sp_marker_end(s, n);
    if (m != NOT_FOUND)
        *b = m;
    if (starts(s + *b, n - *b, "原标题")) {
        *b += strlen("原标题");
        size_t j = *b;
        while (cp_in(next_cp(s, n, &j), ":： "))
            *b = j;
    }
    while (strip_tag(s, b, e))
        utf8_trim(s, b, e);
    utf8_trim(s, b, e);
}

/* The title of line l (its first tlen bytes) as it reads in the original
 * text. */
static char *title_of_line(const doc *d, size_t l, size_t tlen)
{
    const line *x = &d->ln[l];
    const char *ss = d->simp + x->ss, *os = d->orig + x->os;
    size_t sn = x->se - x->ss, on = x->oe - x->os, b, e;
    sp_title_bounds(ss, sn < tlen ? sn : tlen, &b, &e);
    if (utf8_count(ss, sn) != utf8_count(os, on) || e <= b)
        return e > b ? dup_range(ss + b, e - b) : NULL;
    size_t front = utf8_count(ss, b), keep = utf8_count(ss + b, e - b), ob = 0, oe;
    for (size_t k = 0; k < front; k++)
        utf8_next(os, on, &ob);
    oe = ob;
    for (size_t k = 0; k < keep; k++)
        utf8_next(os, on, &oe);
    return dup_range(os + ob, oe - ob);
}

static char *make_title(const sctx *c, const char *fallback)
{
    char *t = NULL;
    size_t n;
    const char *s = ctitle(c, &n);
    if (s && utf8_count(s, n) <= TITLE_MAX_CHARS)
        t = title_of_line(c->d, c->tl, c->tlen);
    return t ? t : strdup(fallback ? fallback : "");
}

/* ---- putting a speech together ---- */

static int set_str(char **dst, const char *s)
{
    if (!s || !*s)
        return 0;
    *dst = strdup(s);
    return *dst ? 0 : -1;
}

/* Title, dates, speaker, role and kind; -1 if out of memory. */
static int set_strings(ss_speech *sp, sctx *c, const char *fallback)
{
    char buf[16];
    ymd date = sp_speech_date(c), pub = sp_publication_date(c), named = sp_name_date(fallback);
    /* a file named for its year holds no speech given two years after it:
     * a year in such a text is a target (和2035年远景目标, 1976—1985年规划) */
    if (!date.y || (named.y && date.y > named.y + 1))
        date = named;
    who w = sp_find_speaker(c);
    c->stated = w.place;
    sp->title = make_title(c, fallback);
    return (sp->title ? 0 : -1) | set_str(&sp->date, sp_format_date(&date, buf)) |
           set_str(&sp->pubdate, sp_format_date(&pub, buf)) | set_str(&sp->speaker, w.name) |
           set_str(&sp->role, w.role >= 0 ? sp_role_name(w.role) : NULL) |
           set_str(&sp->kind, sp_speech_kind(c));
}

/* 1 when a blank line (or the end of the text) follows line l. */
static int blank_after(const doc *d, size_t l)
{
    size_t end = l + 1 < d->n ? d->ln[l + 1].raw : d->olen, nl = 0;
    for (size_t i = d->ln[l].oe; i < end && i < d->olen; i++)
        nl += d->orig[i] == '\n';
    return nl >= 2 || l + 1 >= d->n;
}

/* The context of speech i: its lines, head, title line and text. */
static void init_ctx(sctx *c, const doc *d, const ss_gazetteer *g, const heads *h, size_t i)
{
    memset(c, 0, sizeof *c);
    c->d = d;
    c->g = g;
    c->a = h->n ? h->v[i] : 0;
    c->b = i + 1 < h->n ? h->v[i + 1] : d->n;
    c->h = sp_head_end(d, c->a, c->b);
    c->tl = pick_title_line(d, c->a, c->h);
    c->tlen = SIZE_MAX;
    if (c->tl == NOT_FOUND && c->h == c->a && c->a < c->b) { /* no head: 标题：正文… */
        size_t n;
        const char *s = ltext(d, c->a, &n);
        size_t p = sp_title_prefix(s, n);
        if (!p && blank_after(d, c->a) && sp_is_long_title_line(s, n))
            p = n;
        if (p) {
            c->tl = c->a;
            c->tlen = p;
        }
    }
    c->base = c->a < d->n ? d->ln[c->a].ss : d->slen;
    c->t = d->simp + c->base;
    c->tn = (c->b < d->n ? d->ln[c->b].ss : d->slen) - c->base;
}

static ss_code fill_speech(const doc *d, const ss_gazetteer *g, const heads *h, size_t i,
                           const char *fallback, ss_speech *sp, ss_err *err)
{
    sctx c;
    init_ctx(&c, d, g, h, i);
    sp->start = (i == 0 || c.a >= d->n) ? 0 : d->ln[c.a].raw;
    sp->end = c.b < d->n ? d->ln[c.b].raw : d->olen;
    ss_code rc = sp_scan_places(&c, err);
    if (rc == SS_OK && set_strings(sp, &c, fallback) < 0)
        rc = ss_seterr(err, SS_ENOMEM, "out of memory describing a speech");
    c.who = sp->speaker;
    if (rc == SS_OK)
        rc = sp_own_region(&c, &sp->region, err);
    if (rc == SS_OK)
        rc = sp_place_list(&c, sp, err);
    free(c.hits);
    return rc;
}

ss_code ss_split_speeches(const char *text, size_t len, const char *fallback_title,
                          const ss_gazetteer *g, ss_actx *ac, ss_speeches *out, ss_err *err)
{
    out->v = NULL;
    out->n = 0;
    doc d;
    ss_code rc = sp_doc_build(&d, text ? text : "", text ? len : 0, ac, err);
    if (rc != SS_OK)
        return rc;
    heads h = { NULL, 0, 0 };
    if (find_heads(&d, &h) < 0 || !(out->v = calloc(h.n ? h.n : 1, sizeof *out->v)))
        rc = ss_seterr(err, SS_ENOMEM, "out of memory splitting speeches");
    for (size_t i = 0; rc == SS_OK && i < (h.n ? h.n : 1); i++) {
        out->n = i + 1; /* counted first: a half-filled speech is freed too */
        rc = fill_speech(&d, g, &h, i, fallback_title, &out->v[i], err);
    }
    if (rc != SS_OK)
        ss_speeches_free(out);
    free(h.v);
    sp_doc_free(&d);
    return rc;
}

void ss_speeches_free(ss_speeches *s)
{
    for (size_t i = 0; s->v && i < s->n; i++) {
        free(s->v[i].title);
        free(s->v[i].date);
        free(s->v[i].pubdate);
        free(s->v[i].speaker);
        free(s->v[i].role);
        free(s->v[i].kind);
        free(s->v[i].regions);
    }
    free(s->v);
    s->v = NULL;
    s->n = 0;
}
