/* dedup.h: finding copies of a passage among the hits of a query, in time
 * linear in the number of hits.
 *
 * A passage copied from site to site is the same text up to script,
 * punctuation and a few words.  Each passage gets a sketch of the set of
 * its bigrams and tokens after analysis (analyze.h): a one-permutation
 * MinHash of SS_SKETCH bins, whose share of equal bins estimates the
 * Jaccard overlap of the two sets, and a hash of the whole normalised text
 * for exact copies.  Clusters are found through buckets (locality-
 * sensitive hashing): the exact hash and SS_BANDS bands of bins each key a
 * bucket, and a passage is compared only with the clusters that share a
 * bucket with it (at most SS_DEDUP_CHECKS of them), never with every
 * earlier hit.  Two passages of different files are copies when their
 * exact hashes agree or their estimated overlap is at least SS_DUP_JACCARD. */
#ifndef SS_DEDUP_H
#define SS_DEDUP_H

#include <stddef.h>
#include <stdint.h>

#include "analyze.h"
#include "ss_error.h"

#define SS_SKETCH 32
#define SS_BANDS 8
#define SS_DUP_JACCARD 0.8
#define SS_DEDUP_CHECKS 32

typedef struct {
    uint32_t bin[SS_SKETCH]; /* least hash value per bin, UINT32_MAX when empty */
    uint64_t exact;          /* hash of the normalised text */
    uint32_t nelem;          /* bigrams and tokens hashed (0: nothing to compare) */
} ss_sketch;

/* The sketch of an analysed passage. */
void ss_sketch_make(const ss_analysis *an, ss_sketch *out);

/* Estimated Jaccard overlap of the two sets (share of equal bins among the
 * bins not empty in both). */
double ss_sketch_overlap(const ss_sketch *a, const ss_sketch *b);

typedef struct ss_dedup ss_dedup;

ss_code ss_dedup_new(ss_dedup **out, ss_err *err);
void ss_dedup_free(ss_dedup *d);

/* Puts a passage of file file_id into a cluster: the first cluster it is a
 * copy of (its first passage is of another file), else a new one.
 * *cluster is its number (0, 1, ... in order of creation), *is_new 1 when
 * the passage opened it. */
ss_code ss_dedup_add(ss_dedup *d, const ss_sketch *s, uint64_t file_id, uint32_t *cluster,
                     int *is_new, ss_err *err);

/* Number of clusters so far. */
uint32_t ss_dedup_clusters(const ss_dedup *d);

#endif
