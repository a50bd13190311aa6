/* segment.h: dictionary word segmentation of Chinese text.
 *
 * The dictionary is compiled at build time (tools/seg-dictc) from jieba's
 * dict.txt plus the project's domain dictionary into one file that is
 * opened with mmap: opening costs microseconds, not the ~90 ms friso needs
 * to parse its text dictionaries.
 *
 * Segmentation follows jieba's approach without the HMM: build the DAG of
 * dictionary words over the input, then take the route of maximum summed
 * log-probability (word frequency / total).  Characters not covered by any
 * dictionary word become one-character words.
 *
 * The caller owns the text; the segmenter never modifies it and allocates
 * only scratch memory inside a seg_ctx. */
#ifndef SS_SEGMENT_H
#define SS_SEGMENT_H

#include <stddef.h>
#include <stdint.h>

#include "ss_error.h"

typedef struct seg_dict seg_dict;

/* Opens a compiled dictionary (read-only mmap).  *out is freed with
 * seg_dict_close. */
ss_code seg_dict_open(const char *path, seg_dict **out, ss_err *err);
void seg_dict_close(seg_dict *d);

/* Number of words in the dictionary. */
size_t seg_dict_size(const seg_dict *d);

/* 1 and *freq set when word (UTF-8, len bytes) is in the dictionary. */
int seg_dict_lookup(const seg_dict *d, const char *word, size_t len, uint32_t *freq);

/* What the dictionary's tag says word is: SEG_POS_VERB (a verb and
 * nothing else: jieba's "v", not "vn"), SEG_POS_NOUN (jieba's "n…"),
 * SEG_POS_MEASURE (jieba's "q" or "m": 亩, 吨, 户, and numerals), or 0
 * (another tag, no tag, or not a word). */
/* 1 when the dictionary tags word as a person's name (jieba's "nr…"). */
int seg_dict_person(const seg_dict *d, const char *word, size_t len);

#define SEG_POS_VERB 1
#define SEG_POS_NOUN 2
#define SEG_POS_MEASURE 3
int seg_dict_pos(const seg_dict *d, const char *word, size_t len);

/* Reusable scratch space for segmentation, one per thread. */
typedef struct seg_ctx seg_ctx;
seg_ctx *seg_ctx_new(void);
void seg_ctx_free(seg_ctx *c);

/* Called once per word, in text order, with the word's byte span in text.
 * Returning nonzero stops segmentation (seg_segment then returns SS_OK). */
typedef int (*seg_word_cb)(void *arg, size_t start, size_t end);

/* Segments text (UTF-8, len bytes).  Intended for runs of Han characters;
 * any other code point is passed through as a word of its own.  Words
 * cover the input exactly, without gaps or overlaps. */
ss_code seg_segment(const seg_dict *d, seg_ctx *c, const char *text, size_t len,
                    seg_word_cb cb, void *arg, ss_err *err);

#endif
