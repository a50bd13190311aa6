/* speech_int.h: what the modules of the speech splitter share (speech.h
 * is the public side).  The splitter is cut by question:
 *   speech_lines.c  the document's lines (original and simplified) and
 *                   their classes: marker, head, title, news, meta lines;
 *   speech_date.c   dates: parsing, date lines, a speech's date and
 *                   publication date;
 *   speech_who.c    speaker and role: speaker lines, names, roles;
 *   speech_kind.c   speech, report or article;
 *   speech_place.c  the places a speech names and its own region;
 *   speech.c        the splitter: where speeches start, their titles,
 *                   putting each speech together.
 * Nothing here outlives a call to ss_split_speeches. */
#ifndef SS_SPEECH_INT_H
#define SS_SPEECH_INT_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "analyze.h"
#include "gazetteer.h"
#include "speech.h"
#include "ss_error.h"
#include "utf8.h"

#define NOT_FOUND ((size_t)-1)
#define SEPARATORS ":：、.．,，;； \t\xe3\x80\x80-—"
#define OPENERS "【[（(〔《"
#define CLOSERS "】]）)〕》"

/* ---- small string helpers ---- */

static inline size_t find(const char *s, size_t n, const char *kw)
{
    size_t k = strlen(kw);
    for (size_t i = 0; k && i + k <= n; i++)
        if (s[i] == kw[0] && memcmp(s + i, kw, k) == 0)
            return i;
    return NOT_FOUND;
}

static inline int has(const char *s, size_t n, const char *kw)
{
    return find(s, n, kw) != NOT_FOUND;
}

static inline int has_any(const char *s, size_t n, const char *const *kws, size_t count)
{
    for (size_t i = 0; i < count; i++)
        if (has(s, n, kws[i]))
            return 1;
    return 0;
}

static inline int starts(const char *s, size_t n, const char *kw)
{
    size_t k = strlen(kw);
    return n >= k && memcmp(s, kw, k) == 0;
}

static inline int ends(const char *s, size_t n, const char *kw)
{
    size_t k = strlen(kw);
    return n >= k && memcmp(s + n - k, kw, k) == 0;
}

/* Code point at s[*i] and advance; 0 at the end. */
static inline uint32_t next_cp(const char *s, size_t n, size_t *i)
{
    return *i < n ? utf8_next(s, n, i) : 0;
}

static inline int is_digit_cp(uint32_t cp, int *v)
{
    if (cp >= '0' && cp <= '9')
        *v = (int)(cp - '0');
    else if (cp >= 0xFF10 && cp <= 0xFF19)
        *v = (int)(cp - 0xFF10);
    else
        return 0;
    return 1;
}

static inline int is_sentence_punct(uint32_t cp)
{
    return uc_is_sentence_end(cp) || cp == 0xFF1A || cp == ':' || cp == 0xFF0C || cp == ',';
}

static inline uint32_t last_cp(const char *s, size_t n)
{
    size_t k = n;
    while (k > 0 && ((unsigned char)s[k - 1] & 0xC0) == 0x80)
        k--;
    if (k == 0)
        return 0;
    k--;
    return utf8_next(s, n, &k);
}

/* ---- the document: lines, original and simplified (speech_lines.c) ---- */

typedef struct {
    size_t raw;    /* start of the line in the original text */
    size_t os, oe; /* trimmed line, original text */
    size_t ss, se; /* trimmed line, simplified text */
} line;

typedef struct {
    const char *orig;
    size_t olen;
    const char *simp; /* orig itself, or owned */
    size_t slen;
    char *owned;
    line *ln; /* non-blank lines */
    size_t n;
} doc;

/* Lines of text; with ac, when it holds traditional characters, a
 * simplified copy (ac NULL: none). */
ss_code sp_doc_build(doc *d, const char *text, size_t len, ss_actx *ac, ss_err *err);
void sp_doc_free(doc *d);

static inline const char *ltext(const doc *d, size_t i, size_t *n)
{
    *n = d->ln[i].se - d->ln[i].ss;
    return d->simp + d->ln[i].ss;
}

static inline size_t lchars(const doc *d, size_t i)
{
    size_t n;
    const char *s = ltext(d, i, &n);
    return utf8_count(s, n);
}

/* ---- line classes (speech_lines.c) ---- */

/* 第一篇 / 第1篇 / 【第二篇】 opening a line: the offset of the text after
 * it and its separators, or NOT_FOUND. */
size_t sp_marker_end(const char *s, size_t n);
/* 第一章 / 第12章 opening a line: a chapter of a plan or a law, whose
 * 第一篇 are its parts, not speeches. */
int sp_is_chapter_line(const char *s, size_t n);
/* End of the head (the short lines opening a speech) of lines [a, b). */
size_t sp_head_end(const doc *d, size_t a, size_t b);
/* A byline or news heading (河南日报记者 李铮, 楼阳生出席并讲话), not a
 * formal title that happens to name the press (在记者节座谈会上的讲话). */
int sp_is_news_line(const char *s, size_t n);
/* A publication-date or news line: about the page, not the speech. */
int sp_is_meta_line(const char *s, size_t n);
/* A title line: short, naming a speech (讲话, 报告…), no sentence end. */
int sp_is_title_line(const char *s, size_t n);
/* Site navigation: 首页 > 领导讲话 > 正文, 当前位置：… */
int sp_is_breadcrumb_line(const char *s, size_t n);
/* Does s name a speech or report (讲话, 致辞, 报告, 汇编…)? */
int sp_has_title_kw(const char *s, size_t n);
/* Does s open as a speech body does (同志们, 各位…)? */
int sp_starts_body(const char *s, size_t n);
/* A title that opens line s and ends at its first colon, the start of the
 * text run on after it (讲话稿（2020-01-09）：同志们：…): the title line's
 * tests, and the title ends with ）or the text after the colon opens as a
 * speech does.  The title's length in bytes, else 0.  For a first line
 * that is no head line. */
size_t sp_title_prefix(const char *s, size_t n);
/* A first line longer than a head line that is still a title when a blank
 * line follows it: up to 100 characters, naming a speech (讲话, 致辞…),
 * no sentence end, no salutation. */
int sp_is_long_title_line(const char *s, size_t n);

/* ---- dates (speech_date.c) ---- */

typedef struct {
    int y, m, d; /* m, d are 0 when unknown */
} ymd;

/* Is the line only a date, maybe in brackets or after dashes? */
int sp_is_date_line(const char *s, size_t n, ymd *out);
/* 更新时间 / 发布时间 …: a publication-date line. */
int sp_is_pubdate_line(const char *s, size_t n);
/* YYYY, YYYY-MM or YYYY-MM-DD into buf (16 bytes); "" if no date. */
const char *sp_format_date(const ymd *x, char *buf);

/* ---- speaker lines (speech_who.c) ---- */

typedef struct {
    int role;           /* ROLES index, -1 none */
    size_t place_start; /* the words before the role (a place, 中共…) */
    size_t role_at;     /* offset of the role in the line */
    char name[16];
} speaker_line;

/* A speaker line: [place] role [name] or a bare name, short, no sentence
 * punctuation; fills out. */
int sp_parse_speaker_line(const char *s, size_t n, speaker_line *out);
/* The role of ROLES index i. */
const char *sp_role_name(int i);

/* ---- one speech ---- */

typedef struct {
    size_t start, end; /* in the speech's simplified text */
    uint32_t id;
} hit;

typedef struct {
    const doc *d;
    const ss_gazetteer *g;
    size_t a, b, h, tl; /* lines [a, b), head [a, h), title line (NOT_FOUND) */
    size_t tlen;        /* the title's bytes of line tl (sp_title_prefix), or SIZE_MAX: all */
    const char *t;      /* simplified text of lines [a, b) */
    size_t tn, base;    /* its length; its offset in d->simp */
    hit *hits;
    size_t nhits, caphits;
    int oom;         /* add_hit ran out of memory */
    uint32_t stated; /* region stated with the role */
    const char *who; /* the speaker's name, or NULL: a place inside it on the title
                        line is no place of the speech (speech_place.c) */
} sctx;

/* Line l of the speech, offsets relative to c->t. */
static inline const char *cline(const sctx *c, size_t l, size_t *n, size_t *off)
{
    const char *s = ltext(c->d, l, n);
    if (off)
        *off = c->d->ln[l].ss - c->base;
    return s;
}

/* The title line's text, up to the title's end (NULL, *n 0: none). */
static inline const char *ctitle(const sctx *c, size_t *n)
{
    if (c->tl == NOT_FOUND) {
        *n = 0;
        return NULL;
    }
    const char *s = cline(c, c->tl, n, NULL);
    if (*n > c->tlen)
        *n = c->tlen;
    return s;
}

/* Bounds of the title inside line s[0..n): prefixes and tags removed
 * (speech.c). */
void sp_title_bounds(const char *s, size_t n, size_t *b, size_t *e);

/* The speech's date and its publication date (speech_date.c). */
ymd sp_speech_date(const sctx *c);
/* The date a file's name begins with (2020-02-24_01.txt, 2016_宜春市.txt,
 * 1956-八大报告.txt): a speech whose text names none takes it. */
ymd sp_name_date(const char *name);
ymd sp_publication_date(const sctx *c);

typedef struct {
    int role; /* ROLES index, -1 none */
    char name[16];
    uint32_t place; /* the region stated with the role, 0 none */
} who;

/* Its speaker and role, and the region stated with them (speech_who.c). */
who sp_find_speaker(const sctx *c);

/* "speech", "report", "article" or NULL (speech_kind.c). */
const char *sp_speech_kind(const sctx *c);

/* The places the speech names, into c->hits (speech_place.c). */
ss_code sp_scan_places(sctx *c, ss_err *err);
/* Its own region: stated with the role, else the dominant one of c->hits. */
ss_code sp_own_region(const sctx *c, uint32_t *out, ss_err *err);
/* Distinct places in order of first mention, into sp->regions. */
ss_code sp_place_list(const sctx *c, ss_speech *sp, ss_err *err);

#endif
