/* seg_format.h: the layout of the compiled segmentation dictionary, shared
 * by its writer (tools/seg_dictc.c) and its reader (lib/segment.c).
 * A header, then a double-array trie over UTF-8 bytes (nodes), then one
 * record per word (frequency and log-probability), all little-endian as
 * written on the build machine (byte_order tells). */
#ifndef SS_SEG_FORMAT_H
#define SS_SEG_FORMAT_H

#include <stdint.h>

#define SEG_MAGIC "SSSEGDIC"
#define SEG_VERSION 4u
#define SEG_BYTE_ORDER 0x01020304u
#define SEG_NO_PARENT 0xFFFFFFFFu
#define SEG_ROOT_PARENT 0xFFFFFFFEu

typedef struct {
    char magic[8];
    uint32_t version;
    uint32_t header_size;
    uint32_t byte_order;
    uint32_t n_nodes;
    uint32_t n_words;
    uint32_t reserved;
    uint64_t total_freq;
    uint64_t nodes_off;
    uint64_t words_off;
    uint64_t file_size;
} seg_header;

typedef struct {
    uint32_t base;
    uint32_t check;
} seg_node;

/* A word's freq field holds its frequency (at most 2.5 * 10^8) and, in its top
 * bits, what jieba's tag says the word is (version 2 on): */
#define SEG_WORD_VERB 0x80000000u  /* tag "v": a verb and nothing else */
#define SEG_WORD_NOUN 0x40000000u  /* tag "n", "nr", "ns", "nt", "nz"...: a noun */
#define SEG_WORD_PERSON 0x20000000u /* tag "nr", "nrfg", "nrt": a person's name (version 3 on) */
#define SEG_WORD_MEASURE 0x10000000u /* tag "q" or "m": a measure word or a numeral (亩, 吨, 户;
                                        version 4 on) */
#define SEG_FREQ_MASK 0x0FFFFFFFu

typedef struct {
    uint32_t freq;
    float logp;
} seg_word;

_Static_assert(sizeof(seg_header) == 64, "dictionary header layout");
_Static_assert(sizeof(seg_node) == 8, "trie node layout");
_Static_assert(sizeof(seg_word) == 8, "word record layout");

#endif
