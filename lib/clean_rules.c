/* clean_rules.c: reading a cleaning rules file (corpus/data/clean.rules
 * documents the format) into an ss_cleaner: each pattern checked and
 * compiled under the C locale, and the plain literals it needs found, so
 * that clean.c runs a rule only on lines holding one (see clean.c for why).
 * Errors name the file and line. */
#include "clean_int.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base.h"
#include "datadir.h"
#include "strbuf.h"
#include "utf8.h"

static int valid_utf8(const unsigned char *t, size_t n)
{
    for (size_t i = 0; i < n;) {
        size_t k = seq_len(t, i, n);
        if (k == 1 && t[i] >= 0x80)
            return 0;
        i += k;
    }
    return 1;
}


/* ---- reading patterns: brackets, groups, quantifiers -------------------- */

/* Index after the bracket expression opening at p[i] == '['. */
static size_t skip_bracket(const char *p, size_t n, size_t i)
{
    size_t j = i + 1;
    if (j < n && p[j] == '^')
        j++;
    if (j < n && p[j] == ']')
        j++;
    while (j < n && p[j] != ']') {
        if (p[j] == '[' && j + 1 < n && strchr(":.=", p[j + 1])) {
            const char *close = strchr(p + j + 2, p[j + 1]);
            j = close && close[1] == ']' ? (size_t)(close - p) + 2 : j + 1;
        } else {
            j++;
        }
    }
    return j < n ? j + 1 : n;
}

/* Index after the group opening at p[i] == '('. */
static size_t skip_group(const char *p, size_t n, size_t i)
{
    size_t depth = 0, j = i;
    while (j < n) {
        if (p[j] == '\\') {
            j += 2;
        } else if (p[j] == '[') {
            j = skip_bracket(p, n, j);
        } else {
            depth += p[j] == '(';
            if (p[j] == ')' && --depth == 0)
                return j + 1;
            j++;
        }
    }
    return n;
}

static int is_quant(const char *p, size_t n, size_t i)
{
    char c = p[i];
    return c == '*' || c == '+' || c == '?' ||
           (c == '{' && i + 1 < n && ((p[i + 1] >= '0' && p[i + 1] <= '9') || p[i + 1] == ','));
}

/* The quantifier at p[i] allows zero repetitions. */
static int quant_optional(const char *p, size_t n, size_t i)
{
    return p[i] == '*' || p[i] == '?' || (p[i] == '{' && i + 1 < n && (p[i + 1] == '0' || p[i + 1] == ','));
}

static size_t skip_quant(const char *p, size_t n, size_t i)
{
    if (p[i] != '{')
        return i + 1;
    const char *close = memchr(p + i, '}', n - i);
    return close ? (size_t)(close - p) + 1 : n;
}

/* A GNU operator after a backslash (\w \s \b \< \1 ...), not a literal. */
static int escape_is_operator(unsigned char c)
{
    return ascii_is_alnum((char)c) || c == '<' || c == '>' || c == '`' || c == '\'';
}

/* Why matching byte by byte would betray the author, or NULL: a non-ASCII
 * character inside brackets, or a quantifier after a non-ASCII character. */
static const char *bytewise_problem(const char *p, size_t n)
{
    int prev_high = 0;
    for (size_t i = 0; i < n;) {
        if (p[i] == '\\') {
            i += 2;
            prev_high = 0;
        } else if (p[i] == '[') {
            size_t j = skip_bracket(p, n, i);
            for (size_t k = i; k < j; k++)
                if ((unsigned char)p[k] >= 0x80)
                    return "brackets match single bytes, not Chinese characters; "
                           "write a group such as (页|頁)";
            i = j;
            prev_high = 0;
        } else if (is_quant(p, n, i) && prev_high) {
            return "a quantifier after a Chinese character repeats only its last byte; "
                   "put the character in a group, e.g. (个)?";
        } else {
            prev_high = (unsigned char)p[i] >= 0x80;
            i++;
        }
    }
    return NULL;
}

/* ---- the literals a pattern needs ---------------------------------------
 * A factor is a set of plain texts of which every match holds at least one:
 * a plain run (我市), a group of plain alternatives ((扫|掃)), or runs and
 * such groups side by side ((扫|掃)码 gives 扫码 and 掃码).  The best factor
 * is the one whose shortest text is longest.  Only a prefix of LIT_KEEP
 * bytes of each text is kept (a prefix of required text is required too). */

typedef struct {
    char alt[MAX_ALTS][LIT_KEEP];
    size_t len[MAX_ALTS];   /* true lengths; min(len, LIT_KEEP) bytes are stored */
    size_t nalt;
} factor;

typedef struct {
    factor best, cur, group;
    int have_group;         /* group holds a plain group whose quantifier is not read yet */
} lit_scan;

static size_t factor_score(const factor *f)
{
    size_t m = f->nalt ? SIZE_MAX : 0;
    for (size_t k = 0; k < f->nalt; k++)
        m = f->len[k] < m ? f->len[k] : m;
    return m;
}

static size_t stored(size_t len)
{
    return len < LIT_KEEP ? len : LIT_KEEP;
}

static void alt_add(factor *f, size_t k, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++, f->len[k]++)
        if (f->len[k] < LIT_KEEP)
            f->alt[k][f->len[k]] = s[i];
}

/* The current factor ends: keeps it if it beats the best. */
static void cur_commit(lit_scan *s)
{
    size_t score = factor_score(&s->cur);
    if (score >= MIN_LIT && score > factor_score(&s->best))
        s->best = s->cur;
    s->cur.nalt = 0;
}

static void cur_add(lit_scan *s, char c)
{
    if (!s->cur.nalt) {
        s->cur.nalt = 1;
        s->cur.len[0] = 0;
    }
    for (size_t k = 0; k < s->cur.nalt; k++)
        alt_add(&s->cur, k, &c, 1);
}

/* Appends the pending group to the current factor (every pairing). */
static void cur_times_group(lit_scan *s)
{
    factor *c = &s->cur, *g = &s->group;
    s->have_group = 0;
    if (c->nalt && c->nalt * g->nalt > MAX_ALTS)
        cur_commit(s);
    if (!c->nalt) {
        *c = *g;
        return;
    }
    factor prod;
    prod.nalt = 0;
    for (size_t a = 0; a < c->nalt; a++)
        for (size_t b = 0; b < g->nalt; b++) {
            size_t k = prod.nalt++;
            prod.len[k] = 0;
            alt_add(&prod, k, c->alt[a], stored(c->len[a]));
            alt_add(&prod, k, g->alt[b], stored(g->len[b]));
            prod.len[k] = c->len[a] + g->len[b];
        }
    *c = prod;
}

/* Reads the group body p[a, b) as plain alternatives into f; 0 if it is not
 * made of plain text only. */
static int group_literals(const char *p, size_t a, size_t b, factor *f)
{
    f->nalt = 0;
    f->len[0] = 0;
    for (size_t i = a; i <= b; i++) {
        if (i == b || p[i] == '|') {
            if (f->len[f->nalt] == 0)
                return 0; /* an empty alternative: the group may match nothing */
            f->nalt++;
            if (i < b && f->nalt == MAX_ALTS)
                return 0;
            if (i < b)
                f->len[f->nalt] = 0;
            continue;
        }
        char c = p[i];
        if (c == '\\' && (i + 1 >= b || escape_is_operator((unsigned char)p[i + 1])))
            return 0;
        if (c == '\\')
            c = p[++i];
        else if (strchr(".[]()^$*+?{}", c))
            return 0;
        alt_add(f, f->nalt, &c, 1);
    }
    return 1;
}

/* A quantifier: an optional group is dropped, a repeated one joined then
 * ended; after plain text it takes the last byte and ends the factor. */
static void on_quantifier(lit_scan *s, int optional)
{
    if (s->have_group) {
        s->have_group = 0;
        if (!optional)
            cur_times_group(s);
    } else if (s->cur.nalt) {
        for (size_t k = 0; k < s->cur.nalt; k++)
            s->cur.len[k]--;
    }
    cur_commit(s);
}

/* Index after the token at p[i] (not a quantifier, not '|'). */
static size_t literal_token(lit_scan *s, const char *p, size_t n, size_t i)
{
    char c = p[i];
    if (c == '\\' && i + 1 < n && !escape_is_operator((unsigned char)p[i + 1])) {
        cur_add(s, p[i + 1]);
        return i + 2;
    }
    if (c == '(') {
        size_t j = skip_group(p, n, i);
        s->have_group = j >= i + 2 && p[j - 1] == ')' && group_literals(p, i + 1, j - 1, &s->group);
        if (!s->have_group)
            cur_commit(s);
        return j;
    }
    if (c == '\\' || c == '[' || strchr(".^$)]{}", c)) {
        cur_commit(s);
        return c == '[' ? skip_bracket(p, n, i) : c == '\\' ? i + 2 : i + 1;
    }
    cur_add(s, c);
    return i + 1;
}

/* The best factor of pattern p into *best; 0 if it has none (a top-level
 * alternation, or no plain text of MIN_LIT bytes). */
static int required_literals(const char *p, size_t n, factor *best)
{
    lit_scan scan, *s = &scan;
    memset(s, 0, sizeof *s);
    int ok = 1;
    for (size_t i = 0; i < n && ok;) {
        if (is_quant(p, n, i)) {
            int optional = 0; /* stacked quantifiers act as one: a{2}? is optional */
            for (; i < n && is_quant(p, n, i); i = skip_quant(p, n, i))
                optional |= quant_optional(p, n, i);
            on_quantifier(s, optional);
        } else if (p[i] == '|') {
            ok = 0;
        } else {
            if (s->have_group)
                cur_times_group(s);
            i = literal_token(s, p, n, i);
        }
    }
    if (s->have_group)
        cur_times_group(s);
    cur_commit(s);
    *best = s->best;
    return ok && best->nalt > 0;
}

/* ---- building the cleaner ----------------------------------------------- */

typedef struct {
    ss_cleaner *c;
    const char *path;
    unsigned lineno;
    size_t maxline;     /* in force for the next line rules */
    ss_err *err;
} parser;

__attribute__((format(printf, 3, 4)))
static ss_code perr(parser *p, ss_code code, const char *fmt, ...)
{
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return ss_seterr(p->err, code, "%s:%u: %s", p->path, p->lineno, msg);
}

static int push_rule(ss_cleaner *c, const rule *r)
{
    if (SS_GROW(c->rules, c->nrules + 1, c->caprules, 16) < 0)
        return -1;
    c->rules[c->nrules++] = *r;
    return 0;
}

static int push_literal(ss_cleaner *c, const char *s, size_t n, size_t rule_index)
{
    if (SS_GROW(c->lits, c->nlits + 1, c->caplits, 16) < 0)
        return -1;
    char *copy = malloc(n);
    if (!copy)
        return -1;
    memcpy(copy, s, n);
    uint32_t h = key3((const unsigned char *)s);
    c->lits[c->nlits++] = (literal){ .s = copy, .n = n, .rule = rule_index, .h = h };
    c->filter_all[h >> 6] |= (uint64_t)1 << (h & 63);
    if (c->rules[rule_index].kind != RULE_LINE)
        c->filter_long[h >> 6] |= (uint64_t)1 << (h & 63);
    return 0;
}

/* Registers the compiled rule r (owned by the cleaner from here on) and
 * the literals of f. */
static ss_code register_pattern(parser *p, rule *r, const factor *f)
{
    ss_cleaner *c = p->c;
    if (push_rule(c, r)) {
        regfree(&r->re);
        return perr(p, SS_ENOMEM, "out of memory reading rules");
    }
    for (size_t k = 0; r->filtered && k < f->nalt; k++)
        if (push_literal(c, f->alt[k], stored(f->len[k]), c->nrules - 1))
            return perr(p, SS_ENOMEM, "out of memory reading rules");
    if (r->kind == RULE_LINE && r->maxline > c->maxline_any)
        c->maxline_any = r->maxline;
    return SS_OK;
}

static ss_code add_pattern(parser *p, enum rule_kind kind, const char *pat)
{
    rule r = { .kind = kind, .maxline = p->maxline };
    int rc = regcomp(&r.re, pat, REG_EXTENDED | (kind == RULE_LINE ? REG_NOSUB : 0));
    if (rc != 0) {
        char msg[200];
        regerror(rc, &r.re, msg, sizeof msg);
        return perr(p, SS_EINVAL, "bad pattern \"%s\": %s", pat, msg);
    }
    const char *why = bytewise_problem(pat, strlen(pat));
    if (!why && regexec(&r.re, "", 0, NULL, 0) == 0)
        why = "it matches empty text, so it would match every line";
    if (why) {
        regfree(&r.re);
        return perr(p, SS_EINVAL, "bad pattern \"%s\": %s", pat, why);
    }
    factor f;
    r.filtered = required_literals(pat, strlen(pat), &f);
    return register_pattern(p, &r, &f);
}

static ss_code add_watermark(parser *p, const char *text)
{
    size_t n = strlen(text);
    if (n < MIN_LIT)
        return perr(p, SS_EINVAL, "watermark \"%s\" is too short (3 bytes at least)", text);
    rule r = { .kind = RULE_WATERMARK, .filtered = 1 };
    if (push_rule(p->c, &r) || push_literal(p->c, text, n, p->c->nrules - 1))
        return perr(p, SS_ENOMEM, "out of memory reading rules");
    return SS_OK;
}

static ss_code set_maxline(parser *p, const char *arg)
{
    char *end;
    errno = 0;
    unsigned long v = strtoul(arg, &end, 10);
    if (errno || end == arg || *end || v == 0 || v > MAXLINE_LIMIT || arg[0] == '-')
        return perr(p, SS_EINVAL, "maxline needs a number of characters from 1 to %d, not \"%s\"",
                    MAXLINE_LIMIT, arg);
    p->maxline = v;
    return SS_OK;
}

static ss_code dispatch(parser *p, const char *kw, size_t kwlen, const char *arg)
{
    static const char *const names[] = { "line", "span", "watermark", "maxline" };
    size_t k = 0;
    while (k < 4 && !(strlen(names[k]) == kwlen && memcmp(names[k], kw, kwlen) == 0))
        k++;
    if (k == 4)
        return perr(p, SS_EINVAL, "unknown rule \"%.*s\" (expected line, span, watermark or maxline)",
                    (int)kwlen, kw);
    if (!*arg)
        return perr(p, SS_EINVAL, "\"%s\" needs an argument", names[k]);
    if (k == 3)
        return set_maxline(p, arg);
    if (k == 2)
        return add_watermark(p, arg);
    return add_pattern(p, k == 0 ? RULE_LINE : RULE_SPAN, arg);
}

/* One line of the rules file, s[0, n); s[n] may be overwritten. */
static ss_code parse_line(parser *p, char *s, size_t n)
{
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
        n--;
    s[n] = '\0';
    while (*s == ' ' || *s == '\t')
        s++;
    if (!*s || *s == '#')
        return SS_OK;
    if (!valid_utf8((const unsigned char *)s, strlen(s)))
        return perr(p, SS_EENCODING, "not valid UTF-8 (the rules file must be UTF-8)");
    size_t kwlen = strcspn(s, " \t");
    const char *arg = s + kwlen;
    while (*arg == ' ' || *arg == '\t')
        arg++;
    return dispatch(p, s, kwlen, arg);
}

static ss_code parse_rules(parser *p, char *buf, size_t len)
{
    size_t i = len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    while (i < len) {
        char *nl = memchr(buf + i, '\n', len - i);
        size_t e = nl ? (size_t)(nl - buf) : len;
        p->lineno++;
        ss_code rc = parse_line(p, buf + i, e - i);
        if (rc != SS_OK)
            return rc;
        i = e + 1;
    }
    return SS_OK;
}

/* Reads path into sb (NUL-terminated). */
static ss_code read_rules_file(const char *path, strbuf *sb, ss_err *err)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        if (errno == ENOENT)
            return ss_seterr(err, SS_ENOTFOUND, "cleaning rules %s: no such file", path);
        return ss_seterr(err, SS_EIO, "cleaning rules %s: %s", path, strerror(errno));
    }
    char tmp[16384];
    size_t k;
    int nomem = 0;
    while (!nomem && (k = fread(tmp, 1, sizeof tmp, f)) > 0)
        nomem = sb_add(sb, tmp, k) != 0;
    int bad = ferror(f);
    int saved = errno;
    fclose(f);
    if (nomem || sb_add(sb, "", 0))
        return ss_seterr(err, SS_ENOMEM, "out of memory reading %s", path);
    if (bad)
        return ss_seterr(err, SS_EIO, "cleaning rules %s: %s", path, strerror(saved));
    return SS_OK;
}

static int lit_cmp(const void *x, const void *y)
{
    const literal *a = x, *b = y;
    return (a->h > b->h) - (a->h < b->h);
}

static ss_code load_rules(ss_cleaner *c, const char *path, ss_err *err)
{
    strbuf text = STRBUF_INIT;
    ss_code rc = read_rules_file(path, &text, err);
    if (rc == SS_OK) {
        parser p = { .c = c, .path = path, .maxline = DEFAULT_MAXLINE, .err = err };
        locale_t old = uselocale(c->cloc);
        rc = parse_rules(&p, text.buf, text.len);
        uselocale(old);
    }
    sb_free(&text);
    if (rc == SS_OK && c->nlits)
        qsort(c->lits, c->nlits, sizeof *c->lits, lit_cmp);
    return rc;
}

ss_code ss_cleaner_open(const char *path, ss_cleaner **out, ss_err *err)
{
    *out = NULL;
    strbuf defpath = STRBUF_INIT;
    if (!path && sb_addf(&defpath, "%s/clean.rules", ss_datadir()))
        return ss_seterr(err, SS_ENOMEM, "out of memory opening cleaning rules");
    ss_cleaner *c = calloc(1, sizeof *c);
    if (c)
        c->cloc = newlocale(LC_ALL_MASK, "C", (locale_t)0);
    ss_code rc = c && c->cloc ? load_rules(c, path ? path : defpath.buf, err)
                              : ss_seterr(err, SS_ENOMEM, "out of memory opening cleaning rules");
    sb_free(&defpath);
    if (rc != SS_OK) {
        ss_cleaner_close(c);
        return rc;
    }
    *out = c;
    return SS_OK;
}

void ss_cleaner_close(ss_cleaner *c)
{
    if (!c)
        return;
    for (size_t k = 0; k < c->nrules; k++)
        if (c->rules[k].kind != RULE_WATERMARK)
            regfree(&c->rules[k].re);
    for (size_t k = 0; k < c->nlits; k++)
        free(c->lits[k].s);
    free(c->rules);
    free(c->lits);
    if (c->cloc)
        freelocale(c->cloc);
    free(c);
}
