/* filter.h: "where and when" — restricting a search to places, years,
 * speakers, kinds of document and titles: the query half.  The index
 * half, the boolean terms the indexer adds so that it can, is
 * filter_index.h; the term prefixes are in prefix.h.
 *
 * Query syntax (also as speech-query options): region:河南, year:2019,
 * year:2019..2022, speaker:市委书记 or speaker:楼阳生, kind:speech (report,
 * article; 讲话, 报告, 新闻 too), title:招商.  Several values of one field
 * accept any of them; different fields must all hold.
 *
 * Terms (boolean, no weight):
 *   XR<code>  a place: the speech's own region, the places its title names
 *             and the places the passage names, each with every division
 *             above it — so region:河南 (河南省, 410000) matches passages
 *             about 商丘 (411400, inside 河南省);
 *   Y<yyyy>   the year of the speech's date;
 *   XS<name>  the speaker's name;  XP<role>  the speaker's role;
 *   XK<kind>  speech, report or article;
 *   XT<bigram> every bigram of the speech's title. */
#ifndef SS_FILTER_H
#define SS_FILTER_H

#include <stddef.h>
#include <stdint.h>

#include "analyze.h"
#include "gazetteer.h"
#include "ss_error.h"
#include "xapian_c.h"

typedef enum { SS_F_REGION, SS_F_YEAR, SS_F_SPEAKER, SS_F_KIND, SS_F_TITLE, SS_F_COUNT } ss_field;

typedef struct {
    ss_field field;
    char *value;        /* normalised (simplified, lower case); year: "2019" or "2019..2022" */
} ss_filter;

typedef struct {
    ss_filter *v;
    size_t n, cap;
} ss_filters;

/* When text[0, len) is "name:value" with a known name, appends the filter
 * and returns 1; returns 0 when it is not a filter; -1 on a bad value
 * (err says which). */
int ss_filter_parse(ss_actx *ac, const char *text, size_t len, ss_filters *f, ss_err *err);

void ss_filters_free(ss_filters *f);

/* The query restricting to f (AND of fields, OR of values), or NULL in
 * *out when f is empty.  g resolves region names (NULL: region filters
 * match nothing).  An unknown region name is SS_EINVAL naming it. */
ss_code ss_filters_query(const ss_filters *f, ss_actx *ac, const ss_gazetteer *g,
                         xc_query **out, ss_err *err);

/* Calls cb for each title term of text: its bigrams, its ASCII tokens,
 * or the character itself when text is one Han character.  The index
 * half writes these terms for a speech's title, the query half looks
 * them up for title:; stops at the first error cb returns. */
ss_code ss_filter_title_terms(ss_actx *ac, const char *text,
                              ss_code (*cb)(void *arg, const char *t, size_t n, ss_err *err),
                              void *arg, ss_err *err);

/* Field name ("region", ...). */
const char *ss_field_name(ss_field f);

#endif
