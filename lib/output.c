/* output.c: text and JSON renderings of results (see output.h). */
#include "output.h"

#include <cjson/cJSON.h>
#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base.h"
#include "strbuf.h"

#define INDENT "   "
#define INDENT_COLS 3

int ss_cp_width(uint32_t cp)
{
    if ((cp >= 0x300 && cp <= 0x36F) || cp == 0x200B || (cp >= 0xFE00 && cp <= 0xFE0F))
        return 0;
    if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) ||
        (cp >= 0x3041 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3) ||
        (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) ||
        (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) ||
        (cp >= 0x1F300 && cp <= 0x1F64F) || (cp >= 0x20000 && cp <= 0x3FFFD))
        return 2;
    return 1;
}

/* The code point at s[*i] when it is valid UTF-8 (advancing *i), else -1
 * (*i unchanged). */
static long valid_cp(const unsigned char *s, size_t len, size_t *i)
{
    unsigned char c = s[*i];
    size_t n;
    uint32_t cp, min;
    if (c < 0x80) {
        (*i)++;
        return c;
    } else if (c >= 0xC2 && c <= 0xDF) {
        n = 1, cp = c & 0x1F, min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 2, cp = c & 0x0F, min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 3, cp = c & 0x07, min = 0x10000;
    } else {
        return -1;
    }
    for (size_t k = 1; k <= n; k++) {
        if (*i + k >= len || (s[*i + k] & 0xC0) != 0x80)
            return -1;
        cp = (cp << 6) | (s[*i + k] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return -1;
    *i += n + 1;
    return (long)cp;
}

static int is_control(uint32_t cp)
{
    return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F);
}

/* Punctuation that may not open a line (Chinese line breaking). */
static int no_line_start(uint32_t cp)
{
    static const uint32_t p[] = { 0x3001, 0x3002, 0xFF0C, 0xFF0E, 0xFF1A, 0xFF1B, 0xFF01, 0xFF1F,
                                  0xFF09, 0x300D, 0x300F, 0x201D, 0x2019, 0x300B, 0x3009, 0x3011,
                                  ',', '.', ':', ';', '!', '?', ')', ']', '"' };
    for (size_t i = 0; i < NELEM(p); i++)
        if (p[i] == cp)
            return 1;
    return 0;
}

/* Text output of one string: wraps at o->width (continuing under INDENT),
 * escapes control characters and invalid bytes, marks highlights. */
typedef struct {
    FILE *f;
    const ss_text_opts *o;
    unsigned col;
} writer;

static void put_cols(writer *w, const char *s, size_t n, unsigned cols)
{
    if (w->o->width && w->col > INDENT_COLS && w->col + cols > w->o->width) {
        fputs("\n" INDENT, w->f);
        w->col = INDENT_COLS;
    }
    fwrite(s, 1, n, w->f);
    w->col += cols;
}

/* Writes s[0, len); newlines (keep_newlines) start a new indented line. */
static void put_safe(writer *w, const char *str, size_t len, int keep_newlines)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;
    while (i < len) {
        size_t at = i;
        long cp = valid_cp(s, len, &i);
        char esc[16];
        if (cp < 0) {
            snprintf(esc, sizeof esc, "\\x%02X", s[i++]);
            put_cols(w, esc, 4, 4);
        } else if (cp == '\n' && keep_newlines) {
            fputs("\n" INDENT, w->f);
            w->col = INDENT_COLS;
        } else if (cp == '\t') {
            put_cols(w, " ", 1, 1);
        } else if (is_control((uint32_t)cp)) {
            snprintf(esc, sizeof esc, "\\x%02x", (unsigned)cp & 0xFF);
            put_cols(w, esc, 4, 4);
        } else {
            unsigned cw = (unsigned)ss_cp_width((uint32_t)cp);
            size_t j = i;
            long next = j < len ? valid_cp(s, len, &j) : -1;
            if (w->o->width && next > 0 && no_line_start((uint32_t)next) &&
                w->col > INDENT_COLS && w->col + cw + ss_cp_width((uint32_t)next) > w->o->width) {
                fputs("\n" INDENT, w->f); /* 、。, never first on a line: wrap one earlier */
                w->col = INDENT_COLS;
            }
            put_cols(w, str + at, i - at, cw);
        }
    }
}

static void put_str(writer *w, const char *s)
{
    if (s)
        put_safe(w, s, strlen(s), 0);
}

static void put_highlighted(writer *w, const ss_hit *h)
{
    const char *t = h->rec.text ? h->rec.text : "";
    size_t len = strlen(t), at = 0;
    const ss_text_opts *o = w->o;
    for (size_t i = 0; i < h->nhl; i++) {
        const ss_span *s = &h->hl[i];
        if (s->start < at || s->end > len || s->start > s->end)
            continue;
        put_safe(w, t + at, s->start - at, 1);
        if (o->mark && !o->color) { /* the mark goes to the next line with its word */
            size_t j = s->start;
            long cp = valid_cp((const unsigned char *)t, len, &j);
            unsigned first = cp > 0 ? (unsigned)ss_cp_width((uint32_t)cp) : 4;
            if (o->width && w->col > INDENT_COLS && w->col + 1 + first > o->width) {
                fputs("\n" INDENT, w->f);
                w->col = INDENT_COLS;
            }
        }
        if (o->color)
            fputs("\033[1;31m", w->f);
        else if (o->mark)
            put_cols(w, "[", 1, 1);
        put_safe(w, t + s->start, s->end - s->start, 1);
        if (o->color)
            fputs("\033[0m", w->f);
        else if (o->mark)
            put_cols(w, "]", 1, 1);
        at = s->end;
    }
    put_safe(w, t + at, len - at, 1);
}

static void put_place(writer *w, const char *file, uint32_t line, uint64_t bs, uint64_t be)
{
    put_str(w, file ? file : "");
    char buf[64];
    if (line)
        fprintf(w->f, ":%u", line);
    if (w->o->spans || !line) {
        snprintf(buf, sizeof buf, " (bytes %llu-%llu)", (unsigned long long)bs,
                 (unsigned long long)be);
        fputs(buf, w->f);
    }
}

/* 12345 -> "12,345" */
static void grouped(char *buf, size_t size, uint32_t n)
{
    char tmp[16];
    int len = snprintf(tmp, sizeof tmp, "%u", n), k = 0;
    size_t o = 0;
    for (int i = 0; i < len && o + 2 < size; i++) {
        buf[o++] = tmp[i];
        k = len - i - 1;
        if (k > 0 && k % 3 == 0)
            buf[o++] = ',';
    }
    buf[o] = '\0';
}

/* Values of a facet shown on a terminal, the commonest first: a query over
 * a real archive counts passages in hundreds of regions, one line each
 * facet.  --json lists them all. */
#define FACET_TEXT_MAX 30

static void facets_text(writer *w, const ss_results *r)
{
    if (!r->has_facets)
        return;
    if (!r->facets_exact)
        fputs("(facets about: candidate passages counted, copies not folded)\n", w->f);
    for (int k = 0; k < SS_FACETS; k++) {
        fprintf(w->f, "%-7s", ss_facet_name(k));
        size_t shown = r->facets[k].n < FACET_TEXT_MAX ? r->facets[k].n : FACET_TEXT_MAX;
        for (size_t i = 0; i < shown; i++) {
            fputc(' ', w->f);
            put_str(w, r->facets[k].v[i].value);
            fprintf(w->f, " (%u)", r->facets[k].v[i].count);
        }
        if (shown < r->facets[k].n)
            fprintf(w->f, " ... %zu more (--json lists all)", r->facets[k].n - shown);
        fputs(r->facets[k].n ? "\n" : " -\n", w->f);
    }
    fputc('\n', w->f);
}

/* The line above the first partial hit, and what each lacks. */
#define PARTIAL_LINE "—— 部分匹配（不含全部查询词）——"

static void put_missing(writer *w, const ss_hit *h)
{
    fputs(h->nmissing ? "\n" INDENT "缺少：" : "\n" INDENT "查询词均以相关形式或分开出现", w->f);
    for (size_t k = 0; k < h->nmissing; k++) {
        if (k)
            fputs("、", w->f);
        put_str(w, h->missing[k]);
    }
}

ss_code ss_output_text(FILE *f, const char *query, const ss_results *r, const ss_text_opts *o,
                       ss_err *err)
{
    writer w = { f, o, 0 };
    char num[32];
    grouped(num, sizeof num, r->total);
    fprintf(f, "%s%s%s passage%s%s for ", o->color ? "\033[1m" : "", r->total_exact ? "" : "about ",
            num, r->total == 1 ? "" : "s", o->color ? "\033[0m" : "");
    put_str(&w, query);
    fprintf(f, " (%s: ", r->natural ? "question" : "keywords");
    put_str(&w, r->understood);
    fputs(")\n\n", f);
    facets_text(&w, r);
    for (size_t i = 0; i < r->n; i++) {
        const ss_hit *h = &r->hits[i];
        if (h->partial && (i == 0 || !r->hits[i - 1].partial))
            fprintf(f, "%s" PARTIAL_LINE "%s\n\n", o->color ? "\033[1m" : "",
                    o->color ? "\033[0m" : "");
        w.col = (unsigned)fprintf(f, "%s%u. ", o->color ? "\033[1;34m" : "", h->rank) -
                (o->color ? 7 : 0);
        put_str(&w, h->rec.title);
        fprintf(f, "%s  [%.3f]\n" INDENT, o->color ? "\033[0m" : "", h->score);
        w.col = INDENT_COLS;
        put_place(&w, h->rec.file, h->line, h->rec.byte_start, h->rec.byte_end);
        if (ss_record_shows_heading(&h->rec)) {
            fputs("  § ", f);
            put_str(&w, h->rec.heading);
        }
        if (h->partial)
            put_missing(&w, h);
        fputs("\n" INDENT, f);
        w.col = INDENT_COLS;
        put_highlighted(&w, h);
        fputc('\n', f);
        for (size_t d = 0; d < h->ndups; d++) {
            fprintf(f, INDENT "%s ", d ? "       " : "also in");
            put_place(&w, h->dups[d].file, h->dups[d].line, h->dups[d].byte_start,
                      h->dups[d].byte_end);
            fputc('\n', f);
        }
        fputc('\n', f);
        w.col = 0;
    }
    return ferror(f) ? ss_seterr(err, SS_EIO, "cannot write output") : SS_OK;
}

/* s as valid UTF-8: each invalid byte becomes the text \xFF (malloc'd). */
static char *utf8_safe(const char *str)
{
    const unsigned char *s = (const unsigned char *)(str ? str : "");
    size_t len = strlen((const char *)s), i = 0;
    strbuf b = STRBUF_INIT;
    int ok = sb_grow(&b, len + 1) == 0;
    if (ok)
        b.buf[0] = '\0'; /* "" stays terminated: sb_grow alone does not */
    while (ok && i < len) {
        size_t at = i; /* a run of valid UTF-8, then at most one bad byte */
        while (i < len && valid_cp(s, len, &i) >= 0)
            ;
        ok = sb_add(&b, (const char *)s + at, i - at) == 0;
        if (ok && i < len)
            ok = sb_addf(&b, "\\x%02X", s[i++]) == 0;
    }
    if (!ok) {
        sb_free(&b);
        return NULL;
    }
    return b.buf;
}

static int add_string(cJSON *o, const char *key, const char *v)
{
    char *safe = utf8_safe(v);
    int ok = safe && cJSON_AddStringToObject(o, key, safe) != NULL;
    free(safe);
    return ok;
}

static int add_opt_string(cJSON *o, const char *key, const char *v)
{
    return v ? add_string(o, key, v) : cJSON_AddNullToObject(o, key) != NULL;
}

static cJSON *hit_json(const ss_hit *h)
{
    cJSON *o = cJSON_CreateObject();
    if (!o)
        return NULL;
    const ss_record *r = &h->rec;
    int ok = cJSON_AddNumberToObject(o, "rank", h->rank) &&
             cJSON_AddNumberToObject(o, "score", h->score) && add_string(o, "file", r->file) &&
             (h->line ? cJSON_AddNumberToObject(o, "line", h->line) != NULL
                      : cJSON_AddNullToObject(o, "line") != NULL) &&
             cJSON_AddNumberToObject(o, "byte_start", (double)r->byte_start) &&
             cJSON_AddNumberToObject(o, "byte_end", (double)r->byte_end) &&
             add_string(o, "title", r->title) && add_opt_string(o, "heading", r->heading) &&
             cJSON_AddNumberToObject(o, "paragraph", r->para) &&
             cJSON_AddNumberToObject(o, "speech", r->speech) &&
             add_opt_string(o, "date", r->date) && add_opt_string(o, "region", r->region) &&
             add_opt_string(o, "speaker", r->speaker) && add_opt_string(o, "kind", r->kind) &&
             add_string(o, "text", r->text) && cJSON_AddBoolToObject(o, "partial", h->partial);
    cJSON *miss = ok ? cJSON_AddArrayToObject(o, "missing") : NULL;
    ok = miss != NULL;
    for (size_t i = 0; ok && i < h->nmissing; i++) {
        char *v = utf8_safe(h->missing[i]);
        ok = v && cJSON_AddItemToArray(miss, cJSON_CreateString(v));
        free(v);
    }
    cJSON *dups = ok ? cJSON_AddArrayToObject(o, "duplicates") : NULL;
    ok = dups != NULL;
    for (size_t i = 0; ok && i < h->ndups; i++) {
        cJSON *d = cJSON_CreateObject();
        ok = d && cJSON_AddItemToArray(dups, d) && add_string(d, "file", h->dups[i].file) &&
             (h->dups[i].line ? cJSON_AddNumberToObject(d, "line", h->dups[i].line) != NULL
                              : cJSON_AddNullToObject(d, "line") != NULL) &&
             cJSON_AddNumberToObject(d, "byte_start", (double)h->dups[i].byte_start) &&
             cJSON_AddNumberToObject(d, "byte_end", (double)h->dups[i].byte_end);
    }
    cJSON *hl = ok ? cJSON_AddArrayToObject(o, "highlights") : NULL;
    ok = hl != NULL;
    for (size_t i = 0; ok && i < h->nhl; i++) {
        cJSON *pair = cJSON_CreateArray();
        ok = pair && cJSON_AddItemToArray(hl, pair) &&
             cJSON_AddItemToArray(pair, cJSON_CreateNumber(h->hl[i].start)) &&
             cJSON_AddItemToArray(pair, cJSON_CreateNumber(h->hl[i].end));
    }
    if (!ok) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

static ss_code print_json(FILE *f, cJSON *o, ss_err *err)
{
    char *s = o ? cJSON_PrintUnformatted(o) : NULL;
    cJSON_Delete(o);
    if (!s)
        return ss_seterr(err, SS_ENOMEM, "out of memory writing JSON");
    fputs(s, f);
    fputc('\n', f);
    free(s);
    return ferror(f) ? ss_seterr(err, SS_EIO, "cannot write output") : SS_OK;
}

static cJSON *facets_json(const ss_results *r)
{
    cJSON *fo = cJSON_CreateObject();
    for (int k = 0; fo && k < SS_FACETS; k++) {
        cJSON *arr = cJSON_AddArrayToObject(fo, ss_facet_name(k));
        for (size_t i = 0; arr && i < r->facets[k].n; i++) {
            cJSON *pair = cJSON_CreateArray();
            char *v = utf8_safe(r->facets[k].v[i].value);
            if (!pair || !v || !cJSON_AddItemToArray(arr, pair) ||
                !cJSON_AddItemToArray(pair, cJSON_CreateString(v)) ||
                !cJSON_AddItemToArray(pair, cJSON_CreateNumber(r->facets[k].v[i].count))) {
                free(v);
                cJSON_Delete(fo);
                return NULL;
            }
            free(v);
        }
    }
    return fo;
}

/* The JSON of one hit written directly, byte for byte what cJSON prints
 * for hit_json's object (cJSON_PrintUnformatted; C locale), without its
 * tree of allocations: --jsonl writes one line per hit. */

/* A number as cJSON prints it: an int when it is one, else 15 digits when
 * they read back within DBL_EPSILON, else 17. */
static int jw_num(strbuf *b, double d)
{
    if (isnan(d) || isinf(d))
        return sb_add(b, "null", 4);
    int iv = d >= INT_MAX ? INT_MAX : d <= (double)INT_MIN ? INT_MIN : (int)d;
    char buf[32];
    if (d == (double)iv) {
        char *e = buf + sizeof buf, *p = e;
        unsigned long u = iv < 0 ? 0UL - (unsigned long)iv : (unsigned long)iv;
        do
            *--p = (char)('0' + u % 10);
        while (u /= 10);
        if (iv < 0)
            *--p = '-';
        return sb_add(b, p, (size_t)(e - p));
    }
    snprintf(buf, sizeof buf, "%1.15g", d);
    double t = strtod(buf, NULL);
    double m = fabs(t) > fabs(d) ? fabs(t) : fabs(d);
    if (!(fabs(t - d) <= m * DBL_EPSILON))
        snprintf(buf, sizeof buf, "%1.17g", d);
    return sb_adds(b, buf);
}

/* String str (NULL: "") as utf8_safe then cJSON make it: each invalid
 * UTF-8 byte the text \xFF, then '"', '\\' and control bytes escaped. */
static int jw_str(strbuf *b, const char *str)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *s = (const unsigned char *)(str ? str : "");
    size_t len = strlen((const char *)s), i = 0, run = 0;
    if (sb_grow(b, len + 2) || sb_addc(b, '"'))
        return -1;
    while (i < len) {
        unsigned char c = s[i];
        if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
            i++;
            continue;
        }
        if (c >= 0x80) {
            size_t at = i;
            if (valid_cp(s, len, &i) >= 0)
                continue;
            i = at;
        }
        if (sb_add(b, s + run, i - run))
            return -1;
        char esc[8] = { '\\', 0 };
        size_t n = 2;
        switch (c) {
        case '"': esc[1] = '"'; break;
        case '\\': esc[1] = '\\'; break;
        case '\b': esc[1] = 'b'; break;
        case '\f': esc[1] = 'f'; break;
        case '\n': esc[1] = 'n'; break;
        case '\r': esc[1] = 'r'; break;
        case '\t': esc[1] = 't'; break;
        default:
            if (c < 0x20) { /* \u00XX, lower-case as cJSON */
                memcpy(esc + 1, "u00", 3);
                esc[4] = hex[c >> 4];
                esc[5] = hex[c & 15];
                n = 6;
            } else { /* an invalid byte: the text \xFF, its backslash escaped */
                memcpy(esc + 1, "\\x", 2);
                esc[3] = "0123456789ABCDEF"[c >> 4];
                esc[4] = "0123456789ABCDEF"[c & 15];
                n = 5;
            }
        }
        if (sb_add(b, esc, n))
            return -1;
        run = ++i;
    }
    return sb_add(b, s + run, len - run) || sb_addc(b, '"') ? -1 : 0;
}

/* ,"key": then the value below (key plain ASCII). */
static int jw_key(strbuf *b, const char *key)
{
    return sb_addc(b, ',') || sb_addc(b, '"') || sb_adds(b, key) || sb_add(b, "\":", 2);
}

static int jw_opt_str(strbuf *b, const char *key, const char *v)
{
    return jw_key(b, key) || (v ? jw_str(b, v) : sb_add(b, "null", 4));
}

static int jw_line(strbuf *b, uint32_t line)
{
    return jw_key(b, "line") || (line ? jw_num(b, line) : sb_add(b, "null", 4));
}

static int jw_hit(strbuf *b, const ss_hit *h)
{
    const ss_record *r = &h->rec;
    if (sb_add(b, "{\"rank\":", 8) || jw_num(b, h->rank) || jw_key(b, "score") ||
        jw_num(b, h->score) || jw_key(b, "file") || jw_str(b, r->file) || jw_line(b, h->line) ||
        jw_key(b, "byte_start") || jw_num(b, (double)r->byte_start) || jw_key(b, "byte_end") ||
        jw_num(b, (double)r->byte_end) || jw_key(b, "title") || jw_str(b, r->title) ||
        jw_opt_str(b, "heading", r->heading) || jw_key(b, "paragraph") || jw_num(b, r->para) ||
        jw_key(b, "speech") || jw_num(b, r->speech) || jw_opt_str(b, "date", r->date) ||
        jw_opt_str(b, "region", r->region) || jw_opt_str(b, "speaker", r->speaker) ||
        jw_opt_str(b, "kind", r->kind) || jw_key(b, "text") || jw_str(b, r->text) ||
        jw_key(b, "partial") || sb_adds(b, h->partial ? "true" : "false") ||
        jw_key(b, "missing") || sb_addc(b, '['))
        return -1;
    for (size_t i = 0; i < h->nmissing; i++)
        if ((i && sb_addc(b, ',')) || jw_str(b, h->missing[i]))
            return -1;
    if (sb_addc(b, ']') || jw_key(b, "duplicates") || sb_addc(b, '['))
        return -1;
    for (size_t i = 0; i < h->ndups; i++) {
        const ss_place *d = &h->dups[i];
        if ((i && sb_addc(b, ',')) || sb_add(b, "{\"file\":", 8) || jw_str(b, d->file) ||
            jw_line(b, d->line) || jw_key(b, "byte_start") || jw_num(b, (double)d->byte_start) ||
            jw_key(b, "byte_end") || jw_num(b, (double)d->byte_end) || sb_addc(b, '}'))
            return -1;
    }
    if (sb_addc(b, ']') || jw_key(b, "highlights") || sb_addc(b, '['))
        return -1;
    for (size_t i = 0; i < h->nhl; i++)
        if ((i && sb_addc(b, ',')) || sb_addc(b, '[') || jw_num(b, h->hl[i].start) ||
            sb_addc(b, ',') || jw_num(b, h->hl[i].end) || sb_addc(b, ']'))
            return -1;
    return sb_add(b, "]}\n", 3);
}

static ss_code write_jsonl_hit(FILE *f, strbuf *b, const ss_hit *h, ss_err *err)
{
    sb_reset(b);
    if (jw_hit(b, h))
        return ss_seterr(err, SS_ENOMEM, "out of memory writing JSON");
    fwrite(b->buf, 1, b->len, f);
    return ferror(f) ? ss_seterr(err, SS_EIO, "cannot write output") : SS_OK;
}

ss_code ss_output_json_hit(FILE *f, const ss_hit *h, ss_err *err)
{
    strbuf b = STRBUF_INIT;
    ss_code rc = write_jsonl_hit(f, &b, h, err);
    sb_free(&b);
    return rc;
}

ss_code ss_output_json(FILE *f, const char *query, const ss_results *r, int jsonl, ss_err *err)
{
    if (jsonl) {
        strbuf b = STRBUF_INIT;
        ss_code rc = SS_OK;
        for (size_t i = 0; rc == SS_OK && i < r->n; i++)
            rc = write_jsonl_hit(f, &b, &r->hits[i], err);
        sb_free(&b);
        return rc;
    }
    cJSON *o = cJSON_CreateObject();
    int ok = o && add_string(o, "query", query) && add_string(o, "understood", r->understood) &&
             cJSON_AddStringToObject(o, "mode", r->natural ? "question" : "keywords") &&
             cJSON_AddNumberToObject(o, "total", r->total) &&
             cJSON_AddBoolToObject(o, "total_exact", r->total_exact) &&
             cJSON_AddNumberToObject(o, "partial_total", r->partial_total);
    if (ok && r->has_facets) {
        cJSON *fo = facets_json(r);
        ok = fo && cJSON_AddItemToObject(o, "facets", fo) &&
             cJSON_AddBoolToObject(o, "facets_exact", r->facets_exact);
    }
    cJSON *hits = ok ? cJSON_AddArrayToObject(o, "hits") : NULL;
    ok = hits != NULL;
    for (size_t i = 0; ok && i < r->n; i++) {
        cJSON *h = hit_json(&r->hits[i]);
        ok = h && cJSON_AddItemToArray(hits, h);
    }
    if (!ok) {
        cJSON_Delete(o);
        return ss_seterr(err, SS_ENOMEM, "out of memory writing JSON");
    }
    return print_json(f, o, err);
}
