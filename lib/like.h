/* like.h: "more like this": the words that say what a passage is about,
 * to find passages elsewhere that talk about the same thing.
 *
 * A passage's words (dictionary words of two or more characters) are
 * weighed by tf-idf: how often the passage uses them, and how rare they
 * are in the index (log N/df of the word's term, or of its rarest bigram).
 * Words only this passage and its copies hold, and words most passages
 * hold, say nothing; the k best of the others are kept. */
#ifndef SS_LIKE_H
#define SS_LIKE_H

#include <stddef.h>

#include "analyze.h"
#include "ss_error.h"
#include "strbuf.h"
#include "xapian_c.h"

/* Appends the k words that best say what text is about to out, separated
 * by spaces, best first. */
ss_code ss_like_words(xc_db *db, ss_actx *ac, const char *text, size_t len, size_t k,
                      strbuf *out, ss_err *err);

#endif
