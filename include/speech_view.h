/* speech_view.h: one whole speech for reading, built from the passages the
 * index stores (no access to the original file): its passages in file
 * order with their records, which of them match a query and where, and the
 * previous and next speech of the same file.  Used by the web page's
 * reading view. */
#ifndef SS_SPEECH_VIEW_H
#define SS_SPEECH_VIEW_H

#include <stddef.h>
#include <stdint.h>

#include "query.h"
#include "record.h"
#include "search.h"
#include "ss_error.h"

typedef struct {
    ss_record rec;
    ss_span *hl;          /* where the query's words stand in rec.text (malloc'd) */
    size_t nhl;
    int match;            /* the passage matches the query on its own */
} ss_view_passage;

typedef struct {
    ss_view_passage *v;   /* the speech's passages, by byte offset */
    size_t n;
    uint32_t prev, next;  /* neighbouring speech numbers in the file, 0 when none */
    char *prev_title, *next_title; /* their titles (malloc'd), or NULL */
} ss_speech_view;

/* Passages longer than this many per file are not read (a bound on one view). */
#define SS_VIEW_MAX_PASSAGES 20000

/* Fills *out with speech number speech of file (a path as indexed).  query
 * (may be NULL or empty) marks matching passages and highlights its words.
 * SS_ENOTFOUND when the index has no such file or speech; SS_EINVAL when
 * the query does not parse. */
ss_code ss_speech_view_get(ss_searcher *s, const char *file, uint32_t speech, const char *query,
                           ss_speech_view *out, ss_err *err);
void ss_speech_view_free(ss_speech_view *v);

#endif
