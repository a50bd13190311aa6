/* utf8.h: decoding and encoding single UTF-8 code points, and the
 * character classes the analyser and the splitter share. */
#ifndef SS_UTF8_H
#define SS_UTF8_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* Decodes the code point at s[*i] (len bytes in all) and advances *i.
 * Invalid or truncated sequences yield U+FFFD and advance by one byte. */
uint32_t utf8_next(const char *s, size_t len, size_t *i);

/* Encodes cp into out (4 bytes room); returns the byte count (1-4). */
size_t utf8_put(uint32_t cp, char *out);

/* Number of code points in s (len bytes). */
size_t utf8_count(const char *s, size_t len);

/* Length (1-4) of the well-formed UTF-8 sequence at s (n > 0 bytes left),
 * or minus the length of its maximal ill-formed subpart, so that each
 * error becomes one U+FFFD (Unicode 3.9 "maximal subpart" practice).
 * Rejects overlongs, surrogates and code points above U+10FFFF. */
int utf8_seq(const char *s, size_t n);

/* Number of leading bytes of s (len bytes) that are well-formed UTF-8. */
size_t utf8_valid_prefix(const char *s, size_t len);

/* Index of the first non-ASCII byte of s[i, len), eight bytes a step. */
size_t utf8_skip_ascii(const char *s, size_t i, size_t len);

/* ASCII digits, and ASCII letters and digits (locale-free, unlike <ctype.h>). */
static inline int ascii_is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static inline int ascii_is_alnum(char c)
{
    return ascii_is_digit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* 1 when s (n bytes) begins with the NUL-terminated prefix. */
static inline int starts_with(const char *s, size_t n, const char *prefix)
{
    size_t k = strlen(prefix);
    return n >= k && memcmp(s, prefix, k) == 0;
}

/* 1 when s (n bytes) begins with one of the count prefixes kws. */
static inline int starts_any(const char *s, size_t n, const char *const *kws, size_t count)
{
    for (size_t i = 0; i < count; i++)
        if (starts_with(s, n, kws[i]))
            return 1;
    return 0;
}

/* Length of the code point whose lead byte is c (in valid UTF-8). */
static inline size_t utf8_lead_len(unsigned char c)
{
    return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

/* Code point at s, which must be valid UTF-8 (checked by utf8_seq or
 * utf8_valid_prefix): no checks, for hot loops.  *len gets its size. */
static inline uint32_t utf8_valid_cp(const char *s, size_t *len)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t n = utf8_lead_len(p[0]);
    uint32_t cp = n == 1 ? p[0] : p[0] & (0x7Fu >> n);
    for (size_t k = 1; k < n; k++)
        cp = cp << 6 | (p[k] & 0x3F);
    *len = n;
    return cp;
}

/* Blanks: spaces, tabs, CR, vertical tab, form feed, ideographic and
 * no-break spaces, BOM and zero-width space.  The one definition: cleaning
 * (clean.c), trimming and the speech splitter all use it. */
int uc_is_blank(uint32_t cp);

/* Narrows [*s, *e) of t to leave out blanks at both ends. */
void utf8_trim(const char *t, size_t *s, size_t *e);

/* Han ideographs (CJK unified, extension A-F, compatibility, 〇). */
int uc_is_han(uint32_t cp);

/* Punctuation that ends a sentence: 。！？；… and their ASCII forms. */
int uc_is_sentence_end(uint32_t cp);

/* Closing quotes and brackets that may follow a sentence end. */
int uc_is_closer(uint32_t cp);

/* Is cp one of the characters of list (UTF-8)? */
static inline int cp_in(uint32_t cp, const char *list)
{
    size_t n = strlen(list), i = 0;
    while (cp && i < n)
        if (utf8_next(list, n, &i) == cp)
            return 1;
    return 0;
}

#endif
