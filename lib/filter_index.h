/* filter_index.h: the index half of field filters (filter.h): the boolean
 * terms (prefix.h) each passage gets — its speech's own region and the
 * places its title names, with the divisions above them; year; speaker;
 * role; kind; title bigrams; and the places the passage itself names. */
#ifndef SS_FILTER_INDEX_H
#define SS_FILTER_INDEX_H

#include <stddef.h>
#include <stdint.h>

#include "analyze.h"
#include "filter.h"
#include "gazetteer.h"
#include "speech.h"
#include "ss_error.h"
#include "strbuf.h"
#include "xapian_c.h"

/* The boolean terms every passage of speech sp gets (its own region and
 * the places its title names, with the divisions above them; year;
 * speaker; role; kind; title bigrams), into out as NUL-terminated strings
 * one after the other.  Computed once per speech. */
ss_code ss_filter_speech_terms(ss_actx *ac, const ss_speech *sp, const ss_gazetteer *g,
                               strbuf *out, ss_err *err);

/* Adds a passage's boolean terms: its speech's (from
 * ss_filter_speech_terms) and the places the passage names (gazetteer ids,
 * with the divisions above them). */
ss_code ss_filter_index(xc_doc *doc, const strbuf *speech_terms, const uint32_t *places,
                        size_t nplaces, const ss_gazetteer *g, ss_err *err);

#endif
