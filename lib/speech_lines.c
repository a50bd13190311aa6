/* speech_lines.c: the lines of a text and their classes (see speech_int.h).
 *
 * The text is cut into lines; when it holds traditional characters, a
 * copy converted to simplified script by the shared analysis
 * (ss_t2s_string: code point for code point) is cut the same way, so that
 * all keyword matching is on simplified text while byte spans stay in the
 * original.  The classes:
 * compilation markers (第一篇), head lines (short, no sentence end),
 * title lines (…讲话/致辞/报告…), news and publication-date lines. */
#include "speech_int.h"

#include <stdlib.h>

#include "base.h"

#define HEAD_MAX_LINES 8
#define HEAD_LINE_CHARS 60
/* A title standing alone on a speech's first line may be longer (a main
 * title, a dash and the occasion: 构建…共同体——在…会议上的讲话（2020年11月10日，北京）). */
#define LONG_TITLE_CHARS 100

/* ---- the document ---- */

static int add_line(doc *d, size_t *cap, const line *l)
{
    if (SS_GROW(d->ln, d->n + 1, *cap, 64) < 0)
        return -1;
    d->ln[d->n++] = *l;
    return 0;
}

/* Cuts the text into lines; with a simplified copy (d->owned), the
 * matching line of the copy for each: t2s keeps line breaks and blanks,
 * so line k of the copy is line k of the text. */
static int build_lines(doc *d)
{
    size_t cap = 0, i = 0, si = 0;
    while (i < d->olen) {
        const char *nl = memchr(d->orig + i, '\n', d->olen - i);
        size_t le = nl ? (size_t)(nl - d->orig) : d->olen;
        line l = { i, i, le, i, le };
        utf8_trim(d->orig, &l.os, &l.oe);
        if (d->owned) {
            const char *snl = si < d->slen ? memchr(d->simp + si, '\n', d->slen - si) : NULL;
            size_t sle = snl ? (size_t)(snl - d->simp) : d->slen;
            l.ss = si;
            l.se = sle;
            utf8_trim(d->simp, &l.ss, &l.se);
            si = snl ? sle + 1 : d->slen;
        } else {
            l.ss = l.os;
            l.se = l.oe;
        }
        if (l.oe > l.os && add_line(d, &cap, &l) < 0)
            return -1;
        i = nl ? le + 1 : d->olen;
    }
    return 0;
}

void sp_doc_free(doc *d)
{
    free(d->owned);
    free(d->ln);
}

/* Lines of text; with ac, when it holds traditional characters, a copy in
 * simplified script (the shared analysis: ss_t2s_string). */
ss_code sp_doc_build(doc *d, const char *text, size_t len, ss_actx *ac, ss_err *err)
{
    memset(d, 0, sizeof *d);
    d->orig = d->simp = text;
    d->olen = d->slen = len;
    if (ac) {
        ss_code rc = ss_t2s_string(ac, text, len, &d->owned, err);
        if (rc != SS_OK)
            return rc;
        if (d->owned) {
            d->simp = d->owned;
            d->slen = strlen(d->owned);
        }
    }
    if (build_lines(d) < 0) {
        sp_doc_free(d);
        return ss_seterr(err, SS_ENOMEM, "out of memory splitting speeches");
    }
    return SS_OK;
}

/* ---- keywords ---- */

static const char *const TITLE_KW[] = { "讲话", "致辞", "发言", "报告", "讲稿", "演讲",
                                        "汇报", "主持词", "汇编", "述职" };

static const char *const NEWS_KW[] = { "记者", "通讯员", "日报", "晚报", "新闻网", "本报讯",
                                       "新华社", "电讯" };

static const char *const FORMAL_TITLE[] = { "的讲话", "的致辞", "的发言", "的报告", "工作报告",
                                            "讲话稿", "讲话材料" };

static const char *const BODY_OPENERS[] = { "同志们", "各位", "尊敬的", "女士们", "大家好" };

/* ---- line classes ---- */

static int is_numeral(uint32_t cp)
{
    int v;
    return is_digit_cp(cp, &v) || cp_in(cp, "一二三四五六七八九十百零〇两");
}

/* 第一篇 / 第1篇 / 【第二篇】 opening a line: the offset of the text after
 * it and its separators, or NOT_FOUND. */
size_t sp_marker_end(const char *s, size_t n)
{
    size_t i = 0, j = 0, digits = 0;
    uint32_t cp = next_cp(s, n, &j);
    if (cp_in(cp, OPENERS)) {
        i = j;
        cp = next_cp(s, n, &j);
    }
    if (cp != 0x7B2C /* 第 */)
        return NOT_FOUND;
    for (i = j; is_numeral(cp = next_cp(s, n, &j)); i = j)
        digits++;
    if (!digits || digits > 4 || cp != 0x7BC7 /* 篇 */)
        return NOT_FOUND;
    i = j;
    cp = next_cp(s, n, &j);
    int closed = cp_in(cp, CLOSERS);
    if (closed) {
        i = j;
        cp = next_cp(s, n, &j);
    }
    if (cp && !closed && !cp_in(cp, SEPARATORS))
        return NOT_FOUND;
    while (cp && cp_in(cp, SEPARATORS)) {
        i = j;
        cp = next_cp(s, n, &j);
    }
    return cp ? i : n;
}

int sp_is_chapter_line(const char *s, size_t n)
{
    size_t j = 0, digits = 0;
    if (next_cp(s, n, &j) != 0x7B2C /* 第 */)
        return 0;
    uint32_t cp;
    while (is_numeral(cp = next_cp(s, n, &j)))
        digits++;
    return digits && digits <= 4 && cp == 0x7AE0 /* 章 */;
}

/* 一、 (一) 1、 1. opening a section heading. */
static int is_enumerated(const char *s, size_t n)
{
    size_t i = 0, digits = 0;
    uint32_t cp = next_cp(s, n, &i);
    int paren = cp_in(cp, "(（");
    if (paren)
        cp = next_cp(s, n, &i);
    for (; is_numeral(cp) && digits < 4; digits++)
        cp = next_cp(s, n, &i);
    return digits && digits < 4 && cp_in(cp, paren ? ")）" : "、.．");
}

static int is_head_line(const doc *d, size_t l)
{
    size_t n;
    const char *s = ltext(d, l, &n);
    if (sp_marker_end(s, n) != NOT_FOUND)
        return 1;
    uint32_t last = last_cp(s, n);
    return utf8_count(s, n) <= HEAD_LINE_CHARS && !is_sentence_punct(last) &&
           last != 0xFF01 && last != '!' && !is_enumerated(s, n) &&
           !has_any(s, n, BODY_OPENERS, NELEM(BODY_OPENERS));
}

/* End of the head (the short lines opening a speech) of lines [a, b). */
size_t sp_head_end(const doc *d, size_t a, size_t b)
{
    size_t h = a;
    while (h < b && h - a < HEAD_MAX_LINES && is_head_line(d, h))
        h++;
    return h;
}

/* A byline or news heading (河南日报记者 李铮, 楼阳生出席并讲话), not a
 * formal title that happens to name the press (在记者节座谈会上的讲话). */
int sp_is_news_line(const char *s, size_t n)
{
    return (has_any(s, n, NEWS_KW, NELEM(NEWS_KW)) || has(s, n, "出席")) &&
           !has_any(s, n, FORMAL_TITLE, NELEM(FORMAL_TITLE));
}

int sp_is_meta_line(const char *s, size_t n)
{
    return sp_is_pubdate_line(s, n) || sp_is_news_line(s, n);
}

int sp_is_breadcrumb_line(const char *s, size_t n)
{
    static const char *const lead[] = { "当前位置", "您的位置", "您现在的位置", "首页" };
    size_t i = 0, seps = 0;
    while (i < n) {
        uint32_t cp = next_cp(s, n, &i);
        seps += cp == '>' || cp == 0xFF1E || cp == 0xBB || cp == 0x203A || cp == 0x2192;
    }
    for (size_t k = 0; k < NELEM(lead); k++)
        if (starts(s, n, lead[k]))
            return seps >= 1 || k < 3;
    return seps >= 2;
}

int sp_has_title_kw(const char *s, size_t n)
{
    return has_any(s, n, TITLE_KW, NELEM(TITLE_KW));
}

int sp_starts_body(const char *s, size_t n)
{
    for (size_t k = 0; k < NELEM(BODY_OPENERS); k++)
        if (starts(s, n, BODY_OPENERS[k]))
            return 1;
    return 0;
}

size_t sp_title_prefix(const char *s, size_t n)
{
    size_t i = 0, chars = 0;
    while (i < n && chars <= HEAD_LINE_CHARS) {
        size_t at = i;
        uint32_t cp = next_cp(s, n, &i);
        if (cp == 0xFF1A || cp == ':')
            return sp_is_title_line(s, at) &&
                           (last_cp(s, at) == 0xFF09 || sp_starts_body(s + i, n - i))
                       ? at
                       : 0;
        if (uc_is_sentence_end(cp))
            return 0;
        chars++;
    }
    return 0;
}

int sp_is_long_title_line(const char *s, size_t n)
{
    size_t i = 0, chars = 0;
    while (i < n) {
        if (uc_is_sentence_end(next_cp(s, n, &i)))
            return 0;
        chars++;
    }
    return chars > HEAD_LINE_CHARS && chars <= LONG_TITLE_CHARS &&
           has_any(s, n, TITLE_KW, NELEM(TITLE_KW)) && !is_enumerated(s, n) &&
           !sp_is_news_line(s, n) && !has_any(s, n, BODY_OPENERS, NELEM(BODY_OPENERS));
}

int sp_is_title_line(const char *s, size_t n)
{
    size_t chars = utf8_count(s, n);
    return chars >= 4 && chars <= HEAD_LINE_CHARS && has_any(s, n, TITLE_KW, NELEM(TITLE_KW)) &&
           !is_enumerated(s, n) && !is_sentence_punct(last_cp(s, n)) && !sp_is_news_line(s, n);
}
