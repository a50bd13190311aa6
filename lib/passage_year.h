/* passage_year.h: the years a passage speaks of.
 *
 * A passage speaks of a year it writes (2008年, 二〇〇八年, both ends and
 * the years between of 2016—2020年), and of the year a relative year word
 * names against the date of its speech: 去年/上年 the year before, 前年
 * two years before, 今年/本年 the speech's year, 明年 the year after.
 * The indexer gives a passage one boolean term XY<year> for each
 * (ss_passage_years_index); the query side finds the same words in a
 * passage to rank it (ss_passage_years). */
#ifndef SS_PASSAGE_YEAR_H
#define SS_PASSAGE_YEAR_H

#include <stddef.h>

#include "analyze.h"
#include "prefix.h"
#include "ss_error.h"
#include "strbuf.h"
#include "xapian_c.h"

#define SS_YEAR_MIN 1900
#define SS_YEAR_MAX 2100

/* relative of a year that a span names: a five-year plan (十一五: 2006 to
 * 2010) or the years a report looks back on (过去五年). */
#define SS_YEAR_SPAN 2
/* relative of the year a report looks back on as a whole (一年来, 过去一
 * 年: the year before the speech's) */
#define SS_YEAR_LOOKBACK 3

/* One mention of a year: atoms [first, last] of the analysis say it;
 * relative is 1 for 去年/今年/..., SS_YEAR_LOOKBACK for 一年来,
 * SS_YEAR_SPAN for each year of a span, 0 for a year written out.  Return nonzero to stop. */
typedef int (*ss_year_fn)(void *arg, int year, size_t first, size_t last, int relative);

/* Calls fn for each year an speaks of, in text order (relative words only
 * when speech_year is known, i.e. not 0). */
void ss_passage_years(const ss_analysis *an, int speech_year, ss_year_fn fn, void *arg);

/* 1 when text[0, len) (a heading line, not analysed) writes year (1998年,
 * 一九九八年) or names it by a relative year word against speech_year. */
int ss_text_speaks_of(const char *text, size_t len, int year, int speech_year);

/* 1 when text[0, len) (a heading line) names a span that holds year: a
 * five-year plan (“十一五”时期), or 过去五年 and the like against
 * speech_year. */
int ss_text_spans(const char *text, size_t len, int year, int speech_year);

/* The year of a speech from its boolean terms (the "Y2009" that
 * ss_filter_speech_terms puts there), or 0. */
int ss_speech_year_of_terms(const strbuf *speech_terms);

/* Adds XY<year> to doc for every year the passage speaks of: its analysis
 * an, and its section heading (NULL: none), analysed with ac (which
 * invalidates an). */
ss_code ss_passage_years_index(ss_actx *ac, const ss_analysis *an, const char *heading,
                               const strbuf *speech_terms, xc_doc *doc, ss_err *err);

#endif
