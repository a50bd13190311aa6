/* synonyms.h: the table of synonyms and abbreviations applied to queries
 * (corpus/data/synonyms.rules; the format is documented in that file).
 *
 * One group a line.  "A = B = C": the same thing written differently
 * (发改委 = 发展改革委 = 发展和改革委员会, GDP = 国内生产总值): a query word
 * that is one member also finds the others, in keyword queries and
 * questions alike.  "A ~ B ~ C": related words (融资 ~ 资金 ~ 贷款), used
 * by questions only.  Either way the members found for a word weigh less
 * than the word as typed (rank.c).  A member of one character (豫) is
 * looked up but never added to a query: alone it means too many things.
 * Entries are simplified script; ASCII is compared in lower case. */
#ifndef SS_SYNONYMS_H
#define SS_SYNONYMS_H

#include <stddef.h>

#include "ss_error.h"

typedef struct ss_syn ss_syn;

typedef struct {
    const char *text;  /* another member of a group holding the word (owned by the table) */
    int related;       /* 1: "~" group (related), 0: "=" group (the same thing) */
} ss_syn_alt;

/* Reads the table at path.  A missing file is an empty table; a malformed
 * line is SS_ECORRUPT naming the file and line. */
ss_code ss_syn_load(const char *path, ss_syn **out, ss_err *err);
/* The same from text in memory (name is used in messages). */
ss_code ss_syn_parse(const char *text, size_t len, const char *name, ss_syn **out, ss_err *err);
void ss_syn_free(ss_syn *s);

/* Number of groups. */
size_t ss_syn_groups(const ss_syn *s);

/* The other members of every group holding word (len bytes, normalised),
 * at most max of them, into out; returns how many. */
size_t ss_syn_lookup(const ss_syn *s, const char *word, size_t len, ss_syn_alt *out,
                     size_t max);

#endif
