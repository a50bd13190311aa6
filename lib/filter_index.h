/* filter_index.h: the index half of field filters (filter.h): the boolean
 * terms (prefix.h) each passage gets — its speech's own region and the
 * places its title names, with the divisions above them; year; kind; and
 * the places the passage itself names — and the title bigrams, speaker
 * and role, which only the speech's head passage gets (record_write.h). */
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
 * kind; its speaker's name and role), into out as NUL-terminated strings
 * one after the other.  Computed once per speech.  Speaker and role stay
 * on every passage (one or two postings a passage): resolved through the
 * heads, a common role (speaker:市长, ~1,000 speeches) became an OR of a
 * thousand speech terms, 153 ms a query on the real corpus. */
ss_code ss_filter_speech_terms(ss_actx *ac, const ss_speech *sp, const ss_gazetteer *g,
                               strbuf *out, ss_err *err);

/* The terms of a speech's head passage alone: its title's
 * (ss_filter_title_terms), into out as ss_filter_speech_terms does. */
ss_code ss_filter_head_terms(ss_actx *ac, const ss_speech *sp, strbuf *out, ss_err *err);

/* Adds a passage's boolean terms: its speech's (from
 * ss_filter_speech_terms) and the places the passage names (gazetteer ids,
 * with the divisions above them). */
ss_code ss_filter_index(xc_doc *doc, const strbuf *speech_terms, const uint32_t *places,
                        size_t nplaces, const ss_gazetteer *g, ss_err *err);

#endif
