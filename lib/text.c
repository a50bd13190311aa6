#include "text.h"

#include <stdlib.h>
#include <string.h>

void ss_text_init(ss_text *t)
{
    memset(t, 0, sizeof *t);
}

void ss_text_free(ss_text *t)
{
    free(t->text);
    free(t->ostart);
    free(t->oend);
    ss_text_init(t);
}

void ss_text_span(const ss_text *t, size_t a, size_t b, uint32_t *os, uint32_t *oe)
{
    if (!t->ostart) {
        *os = (uint32_t)a;
        *oe = (uint32_t)b;
        return;
    }
    *os = t->ostart[a];
    *oe = t->oend[b - 1];
}

void ss_tb_init(ss_text_builder *b)
{
    memset(b, 0, sizeof *b);
}

int ss_tb_reserve(ss_text_builder *b, size_t extra)
{
    if (b->failed)
        return -1;
    if (b->len + extra + 1 <= b->cap)
        return 0;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + extra + 1)
        cap *= 2;
    char *t = realloc(b->text, cap);
    if (t)
        b->text = t;
    uint32_t *s = t ? realloc(b->ostart, cap * sizeof *s) : NULL;
    if (s)
        b->ostart = s;
    uint32_t *e = s ? realloc(b->oend, cap * sizeof *e) : NULL;
    if (!e) {
        b->failed = 1;
        return -1;
    }
    b->oend = e;
    b->cap = cap;
    return 0;
}

void ss_tb_add(ss_text_builder *b, const char *bytes, size_t len, uint32_t os, uint32_t oe)
{
    if (ss_tb_reserve(b, len))
        return;
    memcpy(b->text + b->len, bytes, len);
    for (size_t i = 0; i < len; i++) {
        b->ostart[b->len + i] = os;
        b->oend[b->len + i] = oe;
    }
    b->len += len;
    b->text[b->len] = '\0';
}

ss_code ss_tb_finish(ss_text_builder *b, ss_text *out, ss_err *err)
{
    if (ss_tb_reserve(b, 0)) {
        ss_tb_free(b);
        return ss_seterr(err, SS_ENOMEM, "out of memory building text");
    }
    b->text[b->len] = '\0';
    out->text = b->text;
    out->len = b->len;
    out->ostart = b->ostart;
    out->oend = b->oend;
    ss_tb_init(b);
    return SS_OK;
}

void ss_tb_free(ss_text_builder *b)
{
    free(b->text);
    free(b->ostart);
    free(b->oend);
    ss_tb_init(b);
}

ss_code ss_text_compose(ss_text *inner, const ss_text *outer, ss_err *err)
{
    if (!outer->ostart)
        return SS_OK; /* outer is the identity: inner already maps to originals */
    if (!inner->ostart) {
        /* inner is the identity into outer: copy outer's maps for its bytes */
        size_t n = inner->len ? inner->len : 1;
        inner->ostart = malloc(n * sizeof(uint32_t));
        inner->oend = malloc(n * sizeof(uint32_t));
        if (!inner->ostart || !inner->oend)
            return ss_seterr(err, SS_ENOMEM, "out of memory composing text maps");
        memcpy(inner->ostart, outer->ostart, inner->len * sizeof(uint32_t));
        memcpy(inner->oend, outer->oend, inner->len * sizeof(uint32_t));
        return SS_OK;
    }
    for (size_t i = 0; i < inner->len; i++) {
        uint32_t s = inner->ostart[i], e = inner->oend[i];
        inner->ostart[i] = s < outer->len ? outer->ostart[s] : (uint32_t)outer->len;
        inner->oend[i] = (e > 0 && e - 1 < outer->len) ? outer->oend[e - 1] : inner->ostart[i];
    }
    return SS_OK;
}
