/* decode.h: turning raw file bytes into UTF-8 text.
 *
 * Detection order: BOM (UTF-8, UTF-16LE/BE); strict UTF-8 validation;
 * otherwise trial decoding as GB18030 and Big5 with iconv, each scored by
 * how Chinese-like the result is (share of common Han characters and CJK
 * punctuation, penalty for rare characters, private-use and control
 * characters), and the better one wins.  A forced encoding skips detection.
 *
 * Invalid byte sequences never stop decoding: each is replaced by U+FFFD
 * and reported through the warning callback with its byte offset in raw.
 * The result's map (text.h) points into raw. */
#ifndef SS_DECODE_H
#define SS_DECODE_H

#include <stddef.h>

#include "ss_error.h"
#include "text.h"

typedef struct {
    char encoding[32];   /* canonical name used: "UTF-8", "GB18030", "BIG5", "UTF-16LE", "UTF-16BE" */
    int bom;             /* 1 if a BOM was found (and skipped) */
    size_t invalid;      /* number of invalid sequences replaced */
} ss_decode_info;

/* Called for each problem; offset is a byte offset into raw. */
typedef void (*ss_warn_fn)(void *arg, size_t offset, const char *msg);

/* 1 when raw looks like a binary (non-text) file: NUL bytes outside
 * UTF-16 text, or a high share of control bytes. */
int ss_looks_binary(const char *raw, size_t len);

/* Decodes raw (len bytes).  forced: NULL/"" to detect, or an iconv
 * encoding name ("GBK", "big5", "utf-16le"...).  info and warn may be NULL.
 * out is overwritten; free it with ss_text_free. */
ss_code ss_decode(const char *raw, size_t len, const char *forced, ss_text *out,
                  ss_decode_info *info, ss_warn_fn warn, void *warn_arg, ss_err *err);

#endif
