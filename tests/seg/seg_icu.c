/* seg_icu.c: runs ICU's word break iterator (ubrk_open(UBRK_WORD, "zh"),
 * dictionary-based for Han text) for tests/seg/run.sh, as a baseline for
 * lib/segment.c.  ARG is ignored (ICU's data is built in).  Each line is
 * converted to UTF-16 with a map from UTF-16 unit to UTF-8 byte offset, so
 * break positions are reported as byte spans of the original line.
 * Built by run.sh: cc $(pkg-config --cflags --libs icu-uc icu-i18n).
 * Ownership: the iterator and the conversion buffers live from
 * backend_open to backend_close. */
#include <stdio.h>
#include <stdlib.h>

#include <unicode/ubrk.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

static const char *backend_name = "icu";
static UBreakIterator *bi;
static UChar *u16;
static size_t *u16_off;  /* UTF-16 index -> UTF-8 byte offset */
static size_t u16_cap;

static int backend_open(const char *arg)
{
    (void)arg;
    UErrorCode st = U_ZERO_ERROR;
    bi = ubrk_open(UBRK_WORD, "zh", NULL, 0, &st);
    return U_FAILURE(st) ? -1 : 0;
}

/* Converts s to UTF-16 (invalid bytes become U+FFFD); returns its length. */
static int32_t to_utf16(const char *s, size_t len)
{
    if (len * 2 + 1 > u16_cap) {
        u16_cap = len * 2 + 1;
        u16 = realloc(u16, u16_cap * sizeof *u16);
        u16_off = realloc(u16_off, u16_cap * sizeof *u16_off);
        if (!u16 || !u16_off) {
            perror("realloc");
            exit(1);
        }
    }
    int32_t i = 0, n = 0;
    while (i < (int32_t)len) {
        int32_t start = i;
        UChar32 c;
        U8_NEXT(s, i, (int32_t)len, c);
        if (c < 0)
            c = 0xFFFD;
        int32_t at = n;
        U16_APPEND_UNSAFE(u16, n, c);
        for (; at < n; at++)
            u16_off[at] = (size_t)start;
    }
    u16_off[n] = len;
    return n;
}

static void backend_line(char *s, size_t len, void (*emit)(void *, size_t, size_t), void *arg)
{
    int32_t n = to_utf16(s, len);
    UErrorCode st = U_ZERO_ERROR;
    ubrk_setText(bi, u16, n, &st);
    if (U_FAILURE(st))
        return;
    int32_t a = ubrk_first(bi);
    for (int32_t b = ubrk_next(bi); b != UBRK_DONE; a = b, b = ubrk_next(bi))
        emit(arg, u16_off[a], u16_off[b]);
}

static void backend_close(void)
{
    ubrk_close(bi);
    free(u16);
    free(u16_off);
}

#include "seg_driver.h"
