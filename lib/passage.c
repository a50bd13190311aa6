/* passage.c: paragraphs and sentence windows (see passage.h). */
#include "passage.h"

#include <stdlib.h>
#include <string.h>

#include "base.h"
#include "utf8.h"

#define HEADING_MAX_CHARS 60

static int is_content_cp(uint32_t cp)
{
    return uc_is_han(cp) || (cp >= '0' && cp <= '9') || ((cp | 32) >= 'a' && (cp | 32) <= 'z') ||
           (cp >= 0xFF10 && cp <= 0xFF5A);
}

static ss_code push(ss_passages *out, size_t s, size_t e, uint32_t para, ss_err *err)
{
    if (SS_GROW(out->v, out->n + 1, out->cap, 64))
        return ss_seterr(err, SS_ENOMEM, "out of memory splitting passages");
    out->v[out->n++] = (ss_passage){ s, e, para, 0, 0, 0 };
    return SS_OK;
}

static int has_content(const char *t, size_t s, size_t e)
{
    while (s < e)
        if (is_content_cp(utf8_next(t, e, &s)))
            return 1;
    return 0;
}

/* Byte offset after the cut point that ends the next piece of [s, e):
 * a sentence end (with its closing quotes), or with commas=1 a comma. */
static size_t next_cut(const char *t, size_t s, size_t e, int commas)
{
    size_t i = s;
    while (i < e) {
        uint32_t cp = utf8_next(t, e, &i);
        int cut = uc_is_sentence_end(cp) ||
                  (commas && (cp == 0xFF0C || cp == ',' || cp == 0x3001 || cp == 0xFF1A));
        if (cut) {
            size_t j = i;
            while (j < e) {
                size_t k = j;
                uint32_t c2 = utf8_next(t, e, &k);
                if (!uc_is_closer(c2) && !uc_is_sentence_end(c2))
                    break;
                j = k;
            }
            return j;
        }
    }
    return e;
}

/* Offset max_chars characters after s, or e. */
static size_t advance_chars(const char *t, size_t s, size_t e, size_t chars)
{
    while (s < e && chars--)
        utf8_next(t, e, &s);
    return s;
}

/* Characters in [s, e), counting no further than limit. */
static size_t count_upto(const char *t, size_t s, size_t e, size_t limit)
{
    size_t n = 0;
    while (s < e && n < limit) {
        utf8_next(t, e, &s);
        n++;
    }
    return n;
}

/* Emits windows of at most max_chars characters over a long paragraph,
 * each near target characters, cutting after sentences where possible.
 * The next sentence end and the next comma are found once and kept while
 * they lie ahead, and pieces are counted only up to max_chars + 1, so a
 * paragraph without sentence ends (one long line of commas) is read a
 * bounded number of times, not once per window. */
static ss_code split_long(const char *t, size_t s, size_t e, size_t max_chars, uint32_t para,
                          ss_passages *out, ss_err *err)
{
    size_t total = utf8_count(t + s, e - s);
    size_t k = (total + max_chars - 1) / max_chars;
    size_t target = (total + k - 1) / k;
    size_t ws = s, wchars = 0, i = s, sent = s, comma = s;
    while (i < e) {
        if (sent <= i)
            sent = next_cut(t, i, e, 0);
        size_t cut = sent;
        size_t n = count_upto(t, i, cut, max_chars + 1);
        if (n > max_chars) { /* one long sentence: cut at commas, then hard */
            if (comma <= i)
                comma = next_cut(t, i, e, 1);
            cut = comma;
            n = count_upto(t, i, cut, max_chars + 1);
            if (n > max_chars) {
                cut = advance_chars(t, i, e, max_chars);
                n = max_chars;
            }
        }
        if (wchars > 0 && (wchars + n > max_chars || wchars >= target)) {
            ss_code rc = push(out, ws, i, para, err);
            if (rc != SS_OK)
                return rc;
            ws = i;
            wchars = 0;
        }
        wchars += n;
        i = cut;
    }
    return wchars ? push(out, ws, e, para, err) : SS_OK;
}

static int han_numeral(uint32_t cp)
{
    static const uint32_t nums[] = { 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03,
                                     0x516B, 0x4E5D, 0x5341, 0x767E };
    for (size_t i = 0; i < NELEM(nums); i++)
        if (cp == nums[i])
            return 1;
    return 0;
}

/* 1 when the line is a year alone (1998年, 一九九八年), as chronicles head
 * the events of each year. */
static int year_line(const char *t, size_t len)
{
    size_t i = 0, digits = 0;
    while (i < len) {
        uint32_t cp = utf8_next(t, len, &i);
        if ((cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19) || cp == 0x3007 ||
            cp == 0x96F6 || (han_numeral(cp) && cp != 0x5341 && cp != 0x767E)) {
            digits++;
            continue;
        }
        return digits == 4 && cp == 0x5E74 && i == len; /* 年 ends the line */
    }
    return 0;
}

int ss_is_heading(const char *t, size_t len)
{
    if (utf8_count(t, len) > HEADING_MAX_CHARS)
        return 0;
    if (year_line(t, len))
        return 1;
    size_t i = 0;
    uint32_t cp = utf8_next(t, len, &i);
    if (cp == 0x7B2C) /* 第 */
        cp = i < len ? utf8_next(t, len, &i) : 0;
    else if (cp == '(' || cp == 0xFF08) { /* (一) */
        cp = i < len ? utf8_next(t, len, &i) : 0;
        if (!han_numeral(cp))
            return 0;
        while (i < len && han_numeral(cp))
            cp = utf8_next(t, len, &i);
        return cp == ')' || cp == 0xFF09;
    }
    if (cp >= '0' && cp <= '9') {
        while (i < len && cp >= '0' && cp <= '9')
            cp = utf8_next(t, len, &i);
        return cp == '.' || cp == 0x3001 || cp == 0xFF0E;
    }
    if (!han_numeral(cp))
        return 0;
    while (i < len && han_numeral(cp))
        cp = utf8_next(t, len, &i);
    /* 、 ， , 是 要 (一是… 一要… open many list paragraphs, not headings) */
    return cp == 0x3001 || cp == 0xFF0C || cp == ',' || cp == 0x6761;
}

/* Appends the heading line [hs, he) (paragraph para) as a passage of its own. */
static ss_code push_heading(ss_passages *out, size_t hs, size_t he, uint32_t para, ss_err *err)
{
    ss_code rc = push(out, hs, he, para, err);
    if (rc == SS_OK)
        out->v[out->n - 1].is_heading = 1;
    return rc;
}

ss_code ss_split_passages(const char *t, size_t len, size_t max_chars, ss_passages *out,
                          ss_err *err)
{
    if (max_chars < 8)
        max_chars = 8;
    uint32_t para = 0, pend_para = 0;
    size_t hs = 0, he = 0;      /* the current heading line, hs == he: none */
    int pending = 0;            /* that heading still waits for the paragraph under it */
    size_t s = 0;
    for (;;) {
        size_t e = s, next = len;
        int is_head = 0, content = 0;
        if (s < len) {
            const char *nl = memchr(t + s, '\n', len - s);
            e = nl ? (size_t)(nl - t) : len;
            next = nl ? e + 1 : len;
            utf8_trim(t, &s, &e);
            content = e > s && has_content(t, s, e);
            is_head = content && ss_is_heading(t + s, e - s);
        }
        /* a heading followed by another heading, or by nothing, stands alone */
        if (pending && (s >= len || is_head)) {
            ss_code rc = push_heading(out, hs, he, pend_para, err);
            if (rc != SS_OK)
                return rc;
            pending = 0;
        }
        if (s >= len)
            break;
        if (is_head) {
            hs = s;
            he = e;
            pend_para = ++para;
            pending = 1;
        } else if (content) {
            size_t first = out->n;
            para++;
            ss_code rc = utf8_count(t + s, e - s) > max_chars
                             ? split_long(t, s, e, max_chars, para, out, err)
                             : push(out, s, e, para, err);
            if (rc != SS_OK)
                return rc;
            for (size_t k = first; k < out->n; k++) {
                out->v[k].head_start = hs;
                out->v[k].head_end = he;
            }
            if (pending) /* the heading opens the first passage under it */
                out->v[first].start = hs;
            pending = 0;
        }
        s = next;
    }
    return SS_OK;
}

void ss_passages_free(ss_passages *p)
{
    free(p->v);
    memset(p, 0, sizeof *p);
}
