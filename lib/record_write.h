/* record_write.h: the records and speech terms of a speech's passages as
 * the indexer writes them (index format 2, record.h).
 *
 * Every passage gets the term SS_PREFIX_SPEECH + its speech key; the first
 * passage (the head) also gets the speech's part of the record (file,
 * title, date, region, speaker, kind, heading table), the title terms
 * (filter_index.h: ss_filter_head_terms) and the key in SS_SLOT_SPEECH, so
 * that title: resolves to speeches at query time (filter.h) instead of
 * every passage carrying those terms (speaker and role terms, one or two a
 * passage, stay on every passage: filter_index.h). */
#ifndef SS_RECORD_WRITE_H
#define SS_RECORD_WRITE_H

#include <stddef.h>
#include <stdint.h>

#include "analyze.h"
#include "passage.h"
#include "prefix.h"
#include "record.h"
#include "speech.h"
#include "ss_error.h"
#include "strbuf.h"
#include "text.h"
#include "xapian_c.h"

typedef struct {
    ss_speech_key key;
    char term[sizeof SS_PREFIX_SPEECH + SS_SPEECH_KEY_MAX]; /* XQ<key> */
    char **headings;      /* the speech's distinct section headings, in order */
    uint32_t nheadings;
    uint32_t *heading_of; /* per passage: 0 none, k: headings[k - 1] */
    size_t npassages;
    strbuf head_terms;    /* the head's own boolean terms, NUL-separated */
} ss_speech_rec;

/* Prepares speech sp, the sp_no-th of the file at path (canonical), whose
 * passages ps (spans of t) are about to be added.  ac analyses its title
 * (unused when it has none). */
ss_code ss_speech_rec_init(ss_speech_rec *sr, ss_actx *ac, const char *path, uint32_t sp_no,
                           const ss_speech *sp, const ss_text *t, const ss_passages *ps,
                           ss_err *err);
/* Passage i's record (r: its fields; for i == 0 also the speech's: file,
 * title, date, region, speaker, kind) into doc's data, and its speech
 * terms and values into doc.  Passages must be added in order, i == 0
 * first (its document id is the lowest of the speech's). */
ss_code ss_speech_rec_passage(const ss_speech_rec *sr, size_t i, const ss_record *r, xc_doc *doc,
                              ss_err *err);
void ss_speech_rec_free(ss_speech_rec *sr);

#endif
