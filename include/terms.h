/* terms.h: how analysed text becomes Xapian terms.
 *
 * Terms without prefix (all lower case or Han, so they never clash with the
 * upper-case prefixes of boolean terms):
 *   - every pair of Han atoms at adjacent positions: a bigram, with the
 *     position of its first character (so a Chinese word of n characters is
 *     a phrase of n-1 bigrams, and any run of two or more characters can be
 *     found wherever the segmenter cut);
 *   - every Han atom: a unigram, without position (one-character queries);
 *   - every ASCII token and "+"/"%" symbol, with its position;
 *   - every segmenter word or quoted slogan of three or more characters,
 *     with the position of its first character (whole-word ranking).
 * Boolean terms (no weight) carry a prefix: "F" + file key.  */
#ifndef SS_TERMS_H
#define SS_TERMS_H

#include <stddef.h>
#include <stdint.h>

#include "analyze.h"
#include "ss_error.h"
#include "xapian_c.h"

#define SS_PREFIX_FILE "F"

/* Value slots.  PLACE: 8-byte hash of the file path, then byte_start and
 * byte_end, each 8 bytes big-endian: lets the ranker see where a hit is
 * without decoding its record. */
#define SS_SLOT_PLACE 0
#define SS_PLACE_LEN 24
#define SS_MAX_TERM 240

/* Adds the terms of an analysed passage to doc. */
ss_code ss_index_analysis(const ss_analysis *an, xc_doc *doc, ss_err *err);

/* Writes the term of word w (atoms first..last) into buf (size >=
 * SS_MAX_TERM+1); returns its length, or 0 when it is too long. */
size_t ss_term_of_atoms(const ss_analysis *an, size_t first, size_t last, char *buf);

/* The boolean term naming a file: "F" + key, where key is the path, or a
 * hash of it when the path is too long for a term.  buf has SS_MAX_TERM+1
 * bytes. */
void ss_file_term(const char *path, char *buf);

/* Encodes / decodes the PLACE value (buf has SS_PLACE_LEN bytes). */
void ss_place_encode(const char *path, uint64_t bs, uint64_t be, unsigned char *buf);
int ss_place_decode(const char *v, size_t len, uint64_t *file, uint64_t *bs, uint64_t *be);

#endif
