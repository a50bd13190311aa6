/* output.h: search results as text for a terminal, or as JSON for scripts.
 * The JSON schema is documented in README.md and kept stable. */
#ifndef SS_OUTPUT_H
#define SS_OUTPUT_H

#include <stdio.h>

#include "search.h"
#include "ss_error.h"

/* Human-readable hits; color=1 highlights with ANSI escapes. */
ss_code ss_output_text(FILE *f, const char *query, const ss_results *r, int color, ss_err *err);

/* One JSON object with all hits (jsonl=0), or one JSON object per hit per
 * line (jsonl=1). */
ss_code ss_output_json(FILE *f, const char *query, const ss_results *r, int jsonl, ss_err *err);

#endif
