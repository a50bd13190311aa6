/* query.h: from what a user typed to a Xapian query, with the same
 * analysis as the indexer.
 *
 * Syntax: words separated by spaces must all match; "exact phrase" (ASCII
 * or Chinese quotes) must match as written (punctuation aside);
 * -word or -"phrase" excludes; A OR B accepts either; region:, year:,
 * speaker:, kind:, title: restrict (filter.h).
 *
 * Each word is analysed (analyze.h) and segmented into units: dictionary
 * words, and runs of characters the dictionary does not know kept together
 * (六新项目 -> 六新 | 项目).  A unit matches only where its characters stand
 * together (a phrase of bigrams), never scattered over a passage.  In a
 * keyword query every unit must match, and passages where a whole word
 * stands together, or the words stand close to each other, rank higher.
 * A natural-language question (a question word such as 如何 or 怎样, or a
 * long run of several content words) drops function words and matches any
 * unit, ranking passages higher the more units they hold, the closer
 * together, and the more of them in the order asked. */
#ifndef SS_QUERY_H
#define SS_QUERY_H

#include <stddef.h>
#include <stdint.h>

#include "analyze.h"
#include "gazetteer.h"
#include "ss_error.h"
#include "synonyms.h"
#include "xapian_c.h"

typedef struct ss_query ss_query;

/* How a query is read. */
typedef struct {
    int exact;            /* 1: only the words as typed (no synonyms, no other forms of figures) */
    const ss_syn *syn;    /* synonym table (NULL: none); borrowed while the query lives */
    int question;         /* 1: read as a question whatever it looks like (more like this) */
    int loose;            /* 1: the partial tier's reading of a keyword query: related words
                             ("~" synonyms) as other forms, candidates holding any word;
                             2: the same, and a passage qualifies holding some of it
                             (ss_query_judge_loose) */
} ss_query_opts;

/* A byte span [start, end) of a passage's text to highlight. */
typedef struct {
    uint32_t start, end;
} ss_span;

/* Parses text (UTF-8).  ac must outlive the query (building it analyses
 * title: filters with it).  Syntax errors (an unclosed quote is not one: it
 * runs to the end) give SS_EINVAL with a message naming the offset. */
ss_code ss_query_parse(ss_actx *ac, const char *text, ss_query **out, ss_err *err);
/* The same with options (NULL: as ss_query_parse, which adds the other
 * written forms of figures but no synonyms). */
ss_code ss_query_parse_opts(ss_actx *ac, const char *text, const ss_query_opts *o,
                            ss_query **out, ss_err *err);
void ss_query_free(ss_query *q);

/* 1 when the query was read as a natural-language question. */
int ss_query_is_natural(const ss_query *q);
/* 1 when the query has words to search for (not only filters). */
int ss_query_has_text(const ss_query *q);
/* 0 when v is a year: value (2019, 2019年, 2019..2022, 2019-2022, 2019—2022,
 * 2019~2022, 2019年至2022年), its years into *lo and *hi; -1 when it is not. */
int ss_year_value_parse(const char *v, int *lo, int *hi);
/* Number of field filters (region:, year:, ...; filter.h). */
size_t ss_query_filter_count(const ss_query *q);
/* 1 when a filter needs the gazetteer (region:). */
int ss_query_needs_places(const ss_query *q);
/* The gazetteer that resolves region: filters and the places query words
 * name (borrowed until freed).  A keyword word that begins with a place
 * (许昌高铁站) is then read as the place and the rest, as if typed apart:
 * the query is read again (qparse.c says when).  It also adds the forms
 * that depend on places not being meant: a person's name typed whole finds
 * the given name with 同志 (王战营: 战营同志; qforms.c).  g may be NULL (the
 * query names no place); the first call counts, later ones do nothing. */
ss_code ss_query_set_gazetteer(ss_query *q, const ss_gazetteer *g, ss_err *err);
/* Lets the reading ask the collection db (NULL: none) which terms it holds:
 * a place's weak name, an everyday word too (朝阳, 响水), is read as the
 * place when db holds speeches about it (its XR term).  Call before
 * ss_query_set_gazetteer; db must outlive that call. */
void ss_query_set_probe(ss_query *q, xc_db *db);
/* The collection the query searches: adds the forms that depend on the
 * words it indexes (keywords' initials, 智改数转 for 智能化改造
 * 数字化转型; qforms.c) and keeps a word's characters as a list's items
 * (水、电、路 for 水电路) only where a passage Xapian proposes for them
 * lists them.  The first call counts, later ones do nothing. */
ss_code ss_query_set_collection(ss_query *q, xc_db *db, ss_err *err);

/* 1 when the query has nothing to search for. */
int ss_query_is_empty(const ss_query *q);
/* The query as understood, e.g. "六新项目 (六新 项目)" (owned by q). */
const char *ss_query_understood(const ss_query *q);

/* Builds the Xapian query; db is consulted for which whole words exist.
 * *out is freed with xc_query_free. */
ss_code ss_query_build(ss_query *q, xc_db *db, xc_query **out, ss_err *err);

/* Sets the candidate weighting (BM25 parameters, qbuild.c) on e. */
ss_code ss_query_configure(const ss_query *q, xc_enquire *e, ss_err *err);
/* The BM25 parameters given to Xapian for an index whose average passage
 * length is avlength (0: unknown), so that a passage's length is weighed
 * against a fixed reference, not that average (qbuild.c REF_LENGTH). */
void ss_bm25_params(double avlength, double *k1, double *b, double *min_normlen);

/* Judges an analysed passage (ss_analyze_atoms of its text): *factor is
 * 0 when the passage does not match (a word's characters do not stand
 * together, an excluded phrase stands there, a question's words are all
 * missing), else the factor its Xapian weight is multiplied by (whole
 * items standing together, units close to each other, a question's
 * neighbouring words side by side).  With hl and nhl non-NULL, also the
 * highlight spans (byte offsets of the analysed text; *hl malloc'd). */
ss_code ss_query_judge(const ss_query *q, const ss_analysis *an, double *factor, ss_span **hl,
                       size_t *nhl, ss_err *err);

/* What the ranker may know of a passage's speech. */
typedef struct {
    const char *region;   /* the speech's own region (full name), or NULL */
    const char *title;    /* its title, or NULL */
    const char *date;     /* its date (YYYY, YYYY-MM, YYYY-MM-DD), or NULL */
    const char *heading;  /* the section heading above the passage, or NULL */
    const char *speaker;  /* its speaker (role and name), or NULL */
} ss_passage_meta;

/* ss_query_judge with the passage's speech as context: a query word that
 * names a place also stands where the speech's own region, or a place its
 * title names, is that place or lies inside it; a year also stands where
 * the speech was given that year, or where 去年, 今年, 明年, 上年 speak of it
 * against the speech's date.  Both rank below the word written out. */
ss_code ss_query_judge_meta(const ss_query *q, const ss_analysis *an, const ss_passage_meta *meta,
                            double *factor, ss_span **hl, size_t *nhl, ss_err *err);

/* 1 when a query word may name a place, or begin with one: it, or its
 * first typed units, begin a name in gaz, the gazetteer's text (a cheap
 * test before the gazetteer is opened). */
int ss_query_may_name_place(const ss_query *q, const char *gaz, size_t len);

/* The factor for a passage whose section heading (analysed) holds the
 * query: 1 + a bonus when it holds every keyword (most of a question's
 * weight), else 1. */
ss_code ss_query_heading_factor(const ss_query *q, const ss_analysis *heading, double *factor,
                                ss_err *err);

/* Spans of text (a passage, len bytes) where the query's units stand,
 * merged and sorted.  *out is malloc'd (free it), *n set. */
ss_code ss_query_highlights(const ss_query *q, ss_actx *ac, const char *text, size_t len,
                            ss_span **out, size_t *n, ss_err *err);

/* The partial tier (search.h: ss_search_opts.partial): judges an analysed
 * passage against q, parsed with ss_query_opts.loose.  A word is present when it stands as a strict
 * match would have it, or a related form stands, or, for a word of several
 * units, its units all stand in one sentence in any order, or, for a word
 * gluing letters or digits to Chinese (PPT挂图作战), its Chinese core of
 * three characters or more stands without them.  *share is 0
 * when the passage does not qualify (less than half of the query's weight
 * present, a quoted word missing, an excluded word present; parsed with
 * loose 2: none of its words that are not a place or a year standing in
 * the text), else the share
 * of the query's weight it holds (each word counted by how strongly it
 * stands; rank.c).  Bit i of *missing is set when item i is missing; bit i
 * of *cored (when not NULL) when item i stands by its Chinese core alone
 * (the letters or digits it glues to it missing: ss_query_item_qualifiers). */
ss_code ss_query_judge_loose(const ss_query *q, const ss_analysis *an,
                             const ss_passage_meta *meta, double *share, uint64_t *missing,
                             uint64_t *cored, ss_err *err);
/* The ASCII units (lower case) that item i's words glue to a Chinese core
 * (ppt of PPT挂图作战, 30mw of 30MW生物质发电), at most max into out (they
 * live as long as q); how many. */
size_t ss_query_item_qualifiers(const ss_query *q, size_t i, const char **out, size_t max);
/* Highlight spans (byte offsets of the text analysed as an) of a partial
 * hit: where q's words stand, and the units of a word present by its units
 * in one sentence, there; *hl malloc'd. */
ss_code ss_query_loose_highlights(const ss_query *q, const ss_analysis *an, ss_span **hl,
                                  size_t *nhl, ss_err *err);
/* Items of q (parsed loose and built) that every passage the partial tier
 * may take holds: quoted ones alone in their group, and those alone in
 * their group that weigh more than the other parts could make up for;
 * their indices into items[] (at most max), how many. */
size_t ss_query_loose_required(const ss_query *q, size_t *items, size_t max);
/* Number of items (words, quoted phrases, excluded words) of q, and item
 * i's word as analysed (NULL for an excluded one). */
size_t ss_query_item_count(const ss_query *q);
const char *ss_query_item_word(const ss_query *q, size_t i);

#endif
