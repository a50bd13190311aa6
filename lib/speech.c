/* speech.c: speeches in a file and their titles (see speech.h). */
#include "speech.h"

#include <stdlib.h>
#include <string.h>

#include "utf8.h"

#define TITLE_MAX_CHARS 80

static char *dup_range(const char *s, size_t n)
{
    char *p = malloc(n + 1);
    if (p) {
        memcpy(p, s, n);
        p[n] = '\0';
    }
    return p;
}

static int is_blank(uint32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == '\r' || cp == 0x3000 || cp == 0xA0 || cp == 0xFEFF;
}

/* First non-blank line of text as [*s, *e). */
static int first_line(const char *t, size_t len, size_t *s, size_t *e)
{
    size_t i = 0;
    while (i < len) {
        size_t ls = i;
        const char *nl = memchr(t + i, '\n', len - i);
        size_t le = nl ? (size_t)(nl - t) : len;
        i = nl ? le + 1 : len;
        while (ls < le) {
            size_t k = ls;
            if (!is_blank(utf8_next(t, le, &k)))
                break;
            ls = k;
        }
        while (le > ls && (t[le - 1] == ' ' || t[le - 1] == '\r' || t[le - 1] == '\t'))
            le--;
        if (le > ls) {
            *s = ls;
            *e = le;
            return 1;
        }
    }
    return 0;
}

static char *title_of(const char *t, size_t len, const char *fallback)
{
    size_t s, e;
    if (first_line(t, len, &s, &e) && utf8_count(t + s, e - s) <= TITLE_MAX_CHARS) {
        static const char prefix[] = "原标题";
        if (e - s > sizeof prefix - 1 && memcmp(t + s, prefix, sizeof prefix - 1) == 0) {
            size_t k = s + sizeof prefix - 1;
            uint32_t cp = utf8_next(t, e, &k);
            if (cp == ':' || cp == 0xFF1A)
                s = k;
        }
        return dup_range(t + s, e - s);
    }
    return strdup(fallback ? fallback : "");
}

ss_code ss_split_speeches(const char *text, size_t len, const char *fallback_title,
                          const ss_gazetteer *g, ss_speeches *out, ss_err *err)
{
    (void)g;
    out->v = calloc(1, sizeof *out->v);
    out->n = 0;
    if (!out->v)
        return ss_seterr(err, SS_ENOMEM, "out of memory splitting speeches");
    ss_speech *sp = &out->v[0];
    sp->start = 0;
    sp->end = len;
    sp->title = title_of(text, len, fallback_title);
    if (!sp->title) {
        free(out->v);
        out->v = NULL;
        return ss_seterr(err, SS_ENOMEM, "out of memory splitting speeches");
    }
    out->n = 1;
    return SS_OK;
}

void ss_speeches_free(ss_speeches *s)
{
    for (size_t i = 0; i < s->n; i++) {
        free(s->v[i].title);
        free(s->v[i].date);
        free(s->v[i].speaker);
        free(s->v[i].kind);
        free(s->v[i].pubdate);
        free(s->v[i].role);
        free(s->v[i].regions);
    }
    free(s->v);
    s->v = NULL;
    s->n = 0;
}
