/* utf8.h: decoding and encoding single UTF-8 code points, and the
 * character classes the analyser and the splitter share. */
#ifndef SS_UTF8_H
#define SS_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Decodes the code point at s[*i] (len bytes in all) and advances *i.
 * Invalid or truncated sequences yield U+FFFD and advance by one byte. */
uint32_t utf8_next(const char *s, size_t len, size_t *i);

/* Encodes cp into out (4 bytes room); returns the byte count (1-4). */
size_t utf8_put(uint32_t cp, char *out);

/* Number of code points in s (len bytes). */
size_t utf8_count(const char *s, size_t len);

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

#endif
