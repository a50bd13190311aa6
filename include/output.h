/* output.h: search results as text for a terminal, or as JSON for scripts.
 * The JSON schema is documented in README.md and kept stable.
 *
 * Nothing a passage or a file name holds can act on a terminal: control
 * characters are shown escaped (\x1b) in text output, and a byte that is
 * not valid UTF-8 (a file name in another encoding, a broken query) is
 * written as the four characters \xFF in text and in JSON, which so stays
 * valid UTF-8 JSON. */
#ifndef SS_OUTPUT_H
#define SS_OUTPUT_H

#include <stdio.h>

#include "search.h"
#include "ss_error.h"

typedef struct {
    int color;      /* highlight and headings with ANSI escapes */
    int mark;       /* without colour: highlights as [word] */
    int spans;      /* show byte spans after file:LINE */
    unsigned width; /* wrap passages at this many columns (CJK count two); 0: never */
} ss_text_opts;

/* Human-readable hits. */
ss_code ss_output_text(FILE *f, const char *query, const ss_results *r, const ss_text_opts *o,
                       ss_err *err);

/* One JSON object with all hits (jsonl=0), or one JSON object per hit per
 * line (jsonl=1). */
ss_code ss_output_json(FILE *f, const char *query, const ss_results *r, int jsonl, ss_err *err);

/* One hit as one line of JSON (what --jsonl prints for each hit). */
ss_code ss_output_json_hit(FILE *f, const ss_hit *h, ss_err *err);

/* Columns a code point takes on a terminal: 2 for East Asian wide and
 * full-width characters, 0 for combining marks, else 1. */
int ss_cp_width(uint32_t cp);

#endif
