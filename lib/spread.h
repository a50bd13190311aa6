/* spread.h: ordering hits so that the first page shows different places.
 *
 * Hits come sorted best first.  They are taken greedily: next is the hit
 * with the best score after a penalty for standing in the same or the
 * next paragraph of a speech as a hit already taken (a heading and the
 * paragraph under it, two windows of one paragraph), or within
 * SPREAD_GAP bytes of one in the same file's decoded text (UTF-8, so the
 * same in every encoding of the file: a run of short paragraphs,
 * numbered lines under a heading): one place to a reader.  That hit keeps
 * SPREAD_PENALTY of its score (spread.c).  The places taken are
 * remembered across calls, so hits ordered in several batches are
 * penalised by every earlier batch too.  O(n log n): a heap, a hash set of
 * the paragraphs taken, and the spans taken hashed by file and
 * SPREAD_GAP-sized stretch (a check looks at the few stretches around a
 * hit). */
#ifndef SS_SPREAD_H
#define SS_SPREAD_H

#include <stddef.h>
#include <stdint.h>

#include "ss_error.h"

typedef struct {
    double score;      /* in: score; out: score after the penalty */
    uint64_t file;     /* a hash naming the file */
    uint32_t speech;   /* speech number in the file (a file may hold several) */
    uint32_t para;     /* paragraph number in that speech */
    uint64_t start, end; /* its span in the file's decoded text (record.h text_start,
                            text_end); end 0: unknown, the paragraph rule alone */
    uint32_t idx;      /* the caller's own number for the hit */
} ss_spread_item;

typedef struct ss_spread ss_spread;

ss_code ss_spread_new(ss_spread **out, ss_err *err);
void ss_spread_free(ss_spread *s);

/* Reorders it[0, n) (sorted by score, best first) as taken. */
ss_code ss_spread_order(ss_spread *s, ss_spread_item *it, size_t n, ss_err *err);

#endif
