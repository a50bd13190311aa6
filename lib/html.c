/* html.c: plain text and title out of a saved web page, with maps.
 *
 * Why: some speeches are saved web pages.  Indexing wants their words
 * without markup, and highlighting wants every text byte to point at the
 * page bytes it came from, so this is a small single-pass scanner rather
 * than a DOM parser: it keeps a span for every byte it writes.
 *
 * What it does (html.h):
 *  - drops tags, comments, <!...>, <?...?>, CDATA sections and the whole
 *    contents of script, style, noscript and template;
 *  - block-level tags (p, div, br, li, h1-h6, title, table rows and
 *    cells...) become one "\n" mapped to the tag's bytes; source line
 *    breaks become "\n" too, and newlines never repeat (no blank lines,
 *    none at the start);
 *  - runs of spaces, tabs and no-break spaces (literal or &nbsp;) become
 *    one space, mapped to the first run, and only between visible
 *    characters on one line (no leading or trailing spaces);
 *  - character references (a few named ones, &#20013; &#x4e2d;) are
 *    decoded, each character mapped to the whole reference;
 *  - the first <title>'s text (entities decoded, newlines as spaces,
 *    trimmed) is returned separately and also kept in the text.
 * The spans index in->text and are then composed with in's own map, so
 * the result points into the original file.
 *
 * Ownership: in is only read; out owns its buffers (ss_text_free) and
 * *title is malloc'd for the caller to free. */
#include "html.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base.h"
#include "utf8.h"

#define SNIFF_BYTES 1024   /* how far ss_html_sniff looks */
#define CHARSET_BYTES 4096 /* how far ss_html_charset looks */

/* ---- small helpers ----------------------------------------------------- */

static char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static int is_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}


static int is_ws(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* 1 when s[i, len) starts with lit (lower-case ASCII), ignoring case. */
static int ci_at(const char *s, size_t i, size_t len, const char *lit)
{
    for (; *lit; lit++, i++)
        if (i >= len || lower(s[i]) != *lit)
            return 0;
    return 1;
}

/* First i in [from, len) where s[i..] starts with lit ignoring case, or len. */
static size_t ci_find(const char *s, size_t from, size_t len, const char *lit)
{
    for (size_t i = from; i < len; i++)
        if (lower(s[i]) == lit[0] && ci_at(s, i, len, lit))
            return i;
    return len;
}

/* Index just past the '>' closing the tag whose name ends at i; quotes
 * count only after '=' (attribute values).  A quote unclosed within
 * MAX_QUOTE bytes falls back to the first '>' (and keeps broken pages
 * linear). */
#define MAX_QUOTE 4096
static size_t tag_end(const char *s, size_t i, size_t len)
{
    size_t from = i, qstart = 0;
    char quote = 0, prev = 0;
    for (; i < len; i++) {
        char c = s[i];
        if (quote) {
            if (i - qstart > MAX_QUOTE)
                break;
            quote = c == quote ? 0 : quote;
            continue;
        }
        if (c == '>')
            return i + 1;
        if ((c == '"' || c == '\'') && prev == '=') {
            quote = c;
            qstart = i;
        }
        else if (!is_ws(c))
            prev = c;
    }
    const char *gt = memchr(s + from, '>', len - from);
    return gt ? (size_t)(gt - s) + 1 : len;
}

/* Lower-cased tag name at s[i, len) into name (cap bytes); returns its
 * length (0 when it does not start with a letter or is too long). */
static size_t tag_name(const char *s, size_t i, size_t len, char *name, size_t cap)
{
    size_t n = 0;
    if (i >= len || !is_alpha(s[i]))
        return 0;
    while (i + n < len && ascii_is_alnum(s[i + n])) {
        if (n + 1 >= cap)
            return 0;
        name[n] = lower(s[i + n]);
        n++;
    }
    name[n] = '\0';
    return n;
}

static int in_list(const char *name, const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(name, list[i]))
            return 1;
    return 0;
}

static const char *const block_tags[] = {
    "p", "div", "br", "li", "ul", "ol", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6",
    "title", "section", "article", "header", "footer", "blockquote", "pre", "table", "hr",
    "dl", "dt", "dd", "nav", "aside", "main", "figure", "figcaption", "caption", "address",
    "center", "form", "fieldset", "legend", "details", "summary", "tbody", "thead", "tfoot",
};

/* Elements whose whole content is dropped. */
static const char *const skip_tags[] = { "script", "style", "noscript", "template" };

/* ---- sniffing ---------------------------------------------------------- */

int ss_html_sniff(const char *raw, size_t len)
{
    static const char *const marks[] = { "<!doctype html", "<html", "<head", "<body", "<meta",
                                         "<p",             "<div",  "<title" };
    size_t i = 0, n = len < SNIFF_BYTES ? len : SNIFF_BYTES;
    if (n >= 3 && !memcmp(raw, "\xEF\xBB\xBF", 3))
        i = 3;
    while (i < n && is_ws(raw[i]))
        i++;
    if (i >= n || raw[i] != '<')
        return 0; /* a page starts with markup */
    for (; i < n; i++) {
        if (raw[i] != '<')
            continue;
        for (size_t m = 0; m < NELEM(marks); m++) {
            size_t e = i + strlen(marks[m]);
            if (ci_at(raw, i, n, marks[m]) && (e >= n || is_ws(raw[e]) || raw[e] == '>' || raw[e] == '/'))
                return 1;
        }
    }
    return 0;
}

/* Copies the charset name at s[i, end) (after optional spaces, '=',
 * spaces and a quote) into name; returns 1 when one fits. */
static int charset_value(const char *s, size_t i, size_t end, char *name, size_t namelen)
{
    while (i < end && is_ws(s[i]))
        i++;
    if (i >= end || s[i] != '=')
        return 0;
    i++;
    while (i < end && (is_ws(s[i]) || s[i] == '"' || s[i] == '\''))
        i++;
    size_t n = 0;
    while (i + n < end && (ascii_is_alnum(s[i + n]) || (s[i + n] && strchr("-_.:", s[i + n]))))
        n++;
    if (n == 0 || n >= namelen)
        return 0;
    memcpy(name, s + i, n);
    name[n] = '\0';
    return 1;
}

int ss_html_charset(const char *raw, size_t len, char *name, size_t namelen)
{
    size_t n = len < CHARSET_BYTES ? len : CHARSET_BYTES;
    if (!raw || !name || !namelen)
        return 0;
    size_t x = n >= 3 && !memcmp(raw, "\xEF\xBB\xBF", 3) ? 3 : 0;
    if (ci_at(raw, x, n, "<?xml")) { /* <?xml version="1.0" encoding="gbk"?> */
        size_t end = tag_end(raw, x + 5, n), at = ci_find(raw, x + 5, end, "encoding");
        if (at < end && charset_value(raw, at + 8, end, name, namelen))
            return 1;
    }
    for (size_t i = ci_find(raw, 0, n, "<meta"); i < n; i = ci_find(raw, i + 5, n, "<meta")) {
        size_t end = tag_end(raw, i + 5, n);
        /* charset="gbk", or content="text/html; charset=gb2312" */
        for (size_t at = ci_find(raw, i, end, "charset"); at < end;
             at = ci_find(raw, at + 7, end, "charset"))
            if (charset_value(raw, at + 7, end, name, namelen))
                return 1;
    }
    return 0;
}

/* ---- character references ---------------------------------------------- */

/* U+00A0 stands for a collapsible space here, like &nbsp;. */
#define NBSP 0xA0u

static const struct {
    const char *name;
    uint32_t cp;
} named_refs[] = {
    { "amp", '&' },       { "lt", '<' },         { "gt", '>' },         { "quot", '"' },
    { "apos", '\'' },     { "nbsp", NBSP },      { "ensp", NBSP },      { "emsp", NBSP },
    { "thinsp", NBSP },   { "mdash", 0x2014 },   { "ndash", 0x2013 },   { "hellip", 0x2026 },
    { "ldquo", 0x201C },  { "rdquo", 0x201D },   { "lsquo", 0x2018 },   { "rsquo", 0x2019 },
    { "middot", 0x00B7 }, { "copy", 0x00A9 },    { "reg", 0x00AE },     { "times", 0x00D7 },
    { "laquo", 0x00AB },  { "raquo", 0x00BB },   { "bull", 0x2022 },    { "yen", 0x00A5 },
};

/* Named reference at s[i] ('&'); returns its length or 0.  A few legacy
 * names are accepted without ';', as browsers do. */
static size_t named_ref(const char *s, size_t i, size_t end, uint32_t *cp)
{
    size_t n = 0;
    while (i + 1 + n < end && n < 8 && ascii_is_alnum(s[i + 1 + n]))
        n++;
    int semi = i + 1 + n < end && s[i + 1 + n] == ';';
    for (size_t k = 0; k < NELEM(named_refs); k++) {
        size_t kl = strlen(named_refs[k].name);
        if (kl != n || memcmp(s + i + 1, named_refs[k].name, n))
            continue;
        if (!semi && k > 5) /* only amp lt gt quot apos nbsp may lack ';' */
            return 0;
        *cp = named_refs[k].cp;
        return 1 + n + (size_t)semi;
    }
    return 0;
}

static int hex_digit(char c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
                                          : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* Numeric reference at s[i] ('&'), ';' optional; returns its length or
 * 0.  Out-of-range, surrogate, NUL and C1 values become U+FFFD. */
static size_t numeric_ref(const char *s, size_t i, size_t end, uint32_t *cp)
{
    size_t j = i + 2, digits = 0;
    int hex = j < end && (s[j] == 'x' || s[j] == 'X'), d;
    uint32_t v = 0;
    j += (size_t)hex;
    for (; j < end && digits < 8; j++, digits++) {
        d = hex ? hex_digit(s[j]) : (s[j] >= '0' && s[j] <= '9' ? s[j] - '0' : -1);
        if (d < 0)
            break;
        v = v * (hex ? 16u : 10u) + (uint32_t)d;
    }
    if (!digits)
        return 0;
    if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF) || (v >= 0x80 && v < 0xA0))
        v = 0xFFFD;
    *cp = v;
    return j - i + (j < end && s[j] == ';');
}

/* ---- stripping --------------------------------------------------------- */

typedef struct {
    const char *s;          /* in->text (borrowed) */
    size_t len;
    ss_text_builder b;      /* output; spans are offsets into s (owned) */
    int pend;               /* a space is due before the next character */
    uint32_t pend_a, pend_b; /* ...standing for s[pend_a, pend_b) */
    int have_title;         /* the first <title> was seen */
    char *title;            /* its text (malloc'd), or NULL */
    int title_failed;       /* copying it ran out of memory */
} strip;

static int last_is(const strip *st, char c)
{
    return st->b.len && st->b.text[st->b.len - 1] == c;
}

/* Whitespace at s[a, b): remembered, written only before a character. */
static void add_space(strip *st, size_t a, size_t b)
{
    if (st->pend && st->pend_b == a) {
        st->pend_b = (uint32_t)b;
    } else if (!st->pend) {
        st->pend = 1;
        st->pend_a = (uint32_t)a;
        st->pend_b = (uint32_t)b;
    }
}

/* A line break standing for s[a, b); never first, never repeated. */
static void add_newline(strip *st, size_t a, size_t b)
{
    st->pend = 0;
    if (st->b.len && !last_is(st, '\n'))
        ss_tb_add(&st->b, "\n", 1, (uint32_t)a, (uint32_t)b);
}

/* Visible bytes (one code point) standing for s[a, b). */
static void add_char(strip *st, const char *bytes, size_t n, size_t a, size_t b)
{
    if (st->pend && st->b.len && !last_is(st, '\n'))
        ss_tb_add(&st->b, " ", 1, st->pend_a, st->pend_b);
    st->pend = 0;
    ss_tb_add(&st->b, bytes, n, (uint32_t)a, (uint32_t)b);
}

/* One decoded code point standing for s[a, b). */
static void add_cp(strip *st, uint32_t cp, size_t a, size_t b)
{
    char buf[4];
    if (cp == ' ' || cp == '\t' || cp == NBSP)
        add_space(st, a, b);
    else if (cp == '\n' || cp == '\r' || cp == '\f')
        add_newline(st, a, b);
    else
        add_char(st, buf, utf8_put(cp, buf), a, b);
}

/* '&' at s[i]: a reference, or a plain '&'.  Returns the next index. */
static size_t do_ref(strip *st, size_t i, size_t end)
{
    uint32_t cp = '&';
    size_t n = i + 1 < end && st->s[i + 1] == '#' ? numeric_ref(st->s, i, end, &cp)
                                                  : named_ref(st->s, i, end, &cp);
    if (!n) {
        cp = '&';
        n = 1;
    }
    add_cp(st, cp, i, i + n);
    return i + n;
}

/* Any other byte at s[i]: whitespace or one code point of text. */
static size_t do_text(strip *st, size_t i, size_t end)
{
    const unsigned char c = (unsigned char)st->s[i];
    size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (i + n > end)
        n = end - i;
    if (n == 2 && c == 0xC2 && (unsigned char)st->s[i + 1] == 0xA0)
        add_space(st, i, i + 2); /* literal no-break space */
    else if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f')
        add_cp(st, c, i, i + 1);
    else
        add_char(st, st->s + i, n, i, i + n);
    return i + n;
}

static void strip_range(strip *st, size_t i, size_t end, int markup);

static char *make_title(const char *text, size_t a, size_t b);

/* <title>...</title> at s[i, content) ...: its text is plain text
 * (RCDATA: no tags inside); the first one is remembered, and none is part
 * of the page's text (it is the site's label for the page, often the site
 * name too; the indexer uses it as the title when the text has none). */
static size_t do_title(strip *st, size_t i, size_t content)
{
    size_t close = ci_find(st->s, content, st->len, "</title");
    size_t end = close < st->len ? tag_end(st->s, close + 7, st->len) : st->len;
    add_newline(st, i, content);
    size_t from = st->b.len;
    strip_range(st, content, close, 0);
    st->pend = 0;
    if (!st->have_title) {
        st->have_title = 1;
        st->title = make_title(st->b.text ? st->b.text : "", from, st->b.len);
        st->title_failed = !st->title;
    }
    st->b.len = from; /* the title is not page text */
    if (st->b.text)
        st->b.text[from] = '\0';
    if (close < st->len)
        add_newline(st, close, end);
    return end;
}

/* "<name ...>" or "</name ...>" at s[i]; returns the next index. */
static size_t do_tag(strip *st, size_t i)
{
    char name[16];
    int closing = st->s[i + 1] == '/';
    size_t n = tag_name(st->s, i + 1 + (size_t)closing, st->len, name, sizeof name);
    size_t end = tag_end(st->s, i + 1 + (size_t)closing + n, st->len);
    if (!n) /* a name too long to be one we know: an inline tag */
        return end;
    if (!closing && in_list(name, skip_tags, NELEM(skip_tags))) {
        char close[16] = "</";
        strcat(close, name); /* name has at most 15 bytes, skip tags fewer */
        size_t at = ci_find(st->s, end, st->len, close);
        return at < st->len ? tag_end(st->s, at + strlen(close), st->len) : st->len;
    }
    if (!closing && !strcmp(name, "title"))
        return do_title(st, i, end);
    if (in_list(name, block_tags, NELEM(block_tags)))
        add_newline(st, i, end);
    return end;
}

/* '<' at s[i]: markup to drop (or a tag), else a plain '<'. */
static size_t do_markup(strip *st, size_t i)
{
    const char *s = st->s;
    size_t len = st->len, at;
    if (ci_at(s, i, len, "<!--")) {
        at = ci_find(s, i + 4, len, "-->");
        return at < len ? at + 3 : len;
    }
    if (ci_at(s, i, len, "<![cdata[")) {
        at = ci_find(s, i + 9, len, "]]>");
        return at < len ? at + 3 : len;
    }
    if (ci_at(s, i, len, "<!") || ci_at(s, i, len, "<?")) {
        const char *gt = memchr(s + i, '>', len - i);
        return gt ? (size_t)(gt - s) + 1 : len;
    }
    if (i + 1 < len && (is_alpha(s[i + 1]) || (s[i + 1] == '/' && i + 2 < len && is_alpha(s[i + 2]))))
        return do_tag(st, i);
    add_char(st, "<", 1, i, i + 1);
    return i + 1;
}

/* Strips s[i, end); with markup == 0 '<' is plain text (inside <title>). */
static void strip_range(strip *st, size_t i, size_t end, int markup)
{
    while (i < end && !st->b.failed) {
        char c = st->s[i];
        if (c == '<' && markup)
            i = do_markup(st, i);
        else if (c == '&')
            i = do_ref(st, i, end);
        else
            i = do_text(st, i, end);
    }
}

/* The title: output bytes [a, b) with newlines as spaces, trimmed.
 * Returns a malloc'd string, or NULL when out of memory. */
static char *make_title(const char *text, size_t a, size_t b)
{
    while (a < b && is_ws(text[a]))
        a++;
    while (b > a && is_ws(text[b - 1]))
        b--;
    char *t = malloc(b - a + 1);
    if (!t)
        return NULL;
    for (size_t i = a; i < b; i++)
        t[i - a] = text[i] == '\n' ? ' ' : text[i];
    t[b - a] = '\0';
    return t;
}

ss_code ss_html_strip(const ss_text *in, ss_text *out, char **title, ss_err *err)
{
    strip st;
    if (title)
        *title = NULL;
    if (!in || !out || out == in || (!in->text && in->len))
        return ss_seterr(err, SS_EINVAL, "ss_html_strip: bad argument");
    memset(&st, 0, sizeof st);
    st.s = in->text;
    st.len = in->len;
    ss_tb_init(&st.b);
    strip_range(&st, 0, st.len, 1);
    ss_text_init(out);
    ss_code rc = ss_tb_finish(&st.b, out, err);
    if (rc != SS_OK) {
        free(st.title);
        return rc;
    }
    if (st.title_failed) {
        ss_text_free(out);
        return ss_seterr(err, SS_ENOMEM, "out of memory copying the page title");
    }
    if (title)
        *title = st.title;
    else
        free(st.title);
    rc = ss_text_compose(out, in, err);
    if (rc != SS_OK) {
        ss_text_free(out);
        if (title) {
            free(*title);
            *title = NULL;
        }
    }
    return rc;
}
