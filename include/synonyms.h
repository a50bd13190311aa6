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

#define SS_SYN_MAX_TERM 128

typedef struct {
    char text[SS_SYN_MAX_TERM]; /* another member of a group holding the word */
    int related;       /* 1: "~" group (related), 0: "=" group (the same thing) */
} ss_syn_alt;

/* Reads the table at path (a missing file is an empty table).  Lines are
 * read when a lookup needs them: a malformed line is skipped there, and
 * ss_syn_check finds it (make test checks the shipped table).  Its members
 * are found through the index compiled beside it, path + ".idx"
 * (ss_syn_write_index; `make` writes build/data/synonyms.rules.idx), when
 * that was compiled from this very file (its length and a hash of its bytes
 * match); otherwise they are indexed on reading (a millisecond or so for
 * the shipped table, a fifth of a one-query process). */
ss_code ss_syn_load(const char *path, ss_syn **out, ss_err *err);
/* Writes the index of s's members to path (through path.tmp and a rename). */
ss_code ss_syn_write_index(const ss_syn *s, const char *path, ss_err *err);
/* 1 when s found its members through a compiled index. */
int ss_syn_indexed(const ss_syn *s);
/* The same from text in memory (name is used in messages), checked:
 * a malformed line is SS_ECORRUPT naming it. */
ss_code ss_syn_parse(const char *text, size_t len, const char *name, ss_syn **out, ss_err *err);
void ss_syn_free(ss_syn *s);

/* Checks every line; *groups (may be NULL) is set to the number of groups.
 * SS_ECORRUPT names the first malformed line. */
ss_code ss_syn_check(const ss_syn *s, size_t *groups, ss_err *err);

/* Number of groups (0 when a line is malformed). */
size_t ss_syn_groups(const ss_syn *s);

/* The other members of every group holding word (len bytes, normalised),
 * at most max of them, into out; returns how many. */
size_t ss_syn_lookup(const ss_syn *s, const char *word, size_t len, ss_syn_alt *out,
                     size_t max);

/* A "=" group one of whose members is a list, its parts set apart by 、 or
 * ， (放管服 = 简政放权、放管结合、优化服务): the group's line and its members
 * that are no list (放管服). */
#define SS_SYN_LIST_FORMS 4
typedef struct {
    unsigned line;     /* the group's line (its byte offset): the same for its parts */
    size_t nforms;
    ss_syn_alt forms[SS_SYN_LIST_FORMS];
} ss_syn_list;

/* The groups holding word (len bytes, normalised) as a part of a list
 * member, at most max, into out; returns how many. */
size_t ss_syn_lists_with(const ss_syn *s, const char *word, size_t len, ss_syn_list *out,
                         size_t max);

#endif
