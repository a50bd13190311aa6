/* text.h: UTF-8 text that remembers where each byte came from.
 *
 * Every stage that turns a file into text (gunzip, decoding, HTML
 * stripping, cleaning) produces an ss_text: UTF-8 bytes plus, for each byte,
 * the half-open span [ostart, oend) of ORIGINAL file bytes it stands for.
 * All bytes of one code point carry the same span.  A span [a, b) of text
 * (a and b on code point boundaries, a < b) maps back to the original bytes
 * [ostart[a], oend[b-1]).  When ostart is NULL the mapping is the identity
 * (text byte i is original byte i), which is the common UTF-8 case and
 * costs no memory.
 *
 * An ss_text owns text, ostart and oend; ss_text_free releases them. */
#ifndef SS_TEXT_H
#define SS_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "ss_error.h"

typedef struct {
    char *text;        /* UTF-8, NUL-terminated, len bytes */
    size_t len;
    uint32_t *ostart;  /* len entries, or NULL for identity */
    uint32_t *oend;    /* len entries, or NULL for identity */
} ss_text;

void ss_text_init(ss_text *t);
void ss_text_free(ss_text *t);

/* Original span of text bytes [a, b); a < b <= t->len. */
void ss_text_span(const ss_text *t, size_t a, size_t b, uint32_t *ostart, uint32_t *oend);

/* Builds a text from pieces: a builder appends UTF-8 bytes each with the
 * original span they stand for. */
typedef struct {
    char *text;
    uint32_t *ostart, *oend;
    size_t len, cap;
    int failed;        /* set when an allocation failed */
} ss_text_builder;

void ss_tb_init(ss_text_builder *b);
/* Makes room for extra more bytes (and a NUL) in all three arrays; on
 * failure sets b->failed and returns -1. */
int ss_tb_reserve(ss_text_builder *b, size_t extra);
/* Appends len bytes, all mapped to original span [os, oe). */
void ss_tb_add(ss_text_builder *b, const char *bytes, size_t len, uint32_t os, uint32_t oe);
/* Moves the result into out (out is overwritten, not freed).
 * Returns SS_ENOMEM if any append failed. */
ss_code ss_tb_finish(ss_text_builder *b, ss_text *out, ss_err *err);
void ss_tb_free(ss_text_builder *b);

/* Composes mappings: inner's original offsets are byte offsets into
 * outer->text; the result maps inner's bytes to outer's originals.
 * Frees inner's old maps; inner then maps to outer's original file. */
ss_code ss_text_compose(ss_text *inner, const ss_text *outer, ss_err *err);

#endif
