/* output.c: text and JSON renderings of results (see output.h). */
#include "output.h"

#include <cjson/cJSON.h>
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

static void facets_text(writer *w, const ss_results *r)
{
    if (!r->has_facets)
        return;
    if (!r->facets_exact)
        fputs("(facets about: candidate passages counted, copies not folded)\n", w->f);
    for (int k = 0; k < SS_FACETS; k++) {
        fprintf(w->f, "%-7s", ss_facet_name(k));
        for (size_t i = 0; i < r->facets[k].n; i++) {
            fputc(' ', w->f);
            put_str(w, r->facets[k].v[i].value);
            fprintf(w->f, " (%u)", r->facets[k].v[i].count);
        }
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

ss_code ss_output_json_hit(FILE *f, const ss_hit *h, ss_err *err)
{
    return print_json(f, hit_json(h), err);
}

ss_code ss_output_json(FILE *f, const char *query, const ss_results *r, int jsonl, ss_err *err)
{
    if (jsonl) {
        for (size_t i = 0; i < r->n; i++) {
            ss_code rc = print_json(f, hit_json(&r->hits[i]), err);
            if (rc != SS_OK)
                return rc;
        }
        return SS_OK;
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
