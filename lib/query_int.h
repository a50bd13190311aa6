/* query_int.h: what the query modules share (private to lib/).
 *
 * The query side, in data-flow order:
 *   qparse.c     text -> items and units (query.h: ss_query_parse)
 *   qbuild.c     items -> Xapian query of candidates (ss_query_build)
 *   rank.c       a candidate's text -> accept or not, and its factor (ss_query_judge)
 *   highlight.c  a shown hit's text -> spans to mark (ss_query_highlights)
 */
#ifndef SS_QUERY_INT_H
#define SS_QUERY_INT_H

#include <stddef.h>
#include <stdint.h>

#include "analyze.h"
#include "filter.h"
#include "query.h"

#define UNIT_MAX_ATOMS 48
#define MAX_PIECES_ITEM 256
#define MAX_ITEMS 32
#define MAX_PIECES 256

typedef struct {
    uint16_t off, len; /* text in unit.text */
    uint8_t kind;
    uint32_t rpos;     /* position relative to the unit's first atom */
} uatom;

typedef struct {
    char *text;        /* atom texts, concatenated */
    uatom *a;
    size_t n;
    double idf;        /* log(N / df) of its rarest term, set by ss_query_build */
} unit;

typedef struct {
    int negated, quoted;
    size_t u0, u1;     /* its units: q->units[u0, u1) */
    size_t whole;      /* unit of the whole item, or SIZE_MAX if it has one unit */
    int must_whole;    /* the index knows the whole item as one word: it must stand together */
} item;

struct ss_query {
    unit *units;
    size_t nunits, capunits;
    item *items;
    size_t nitems, capitems;
    int *or_next;      /* or_next[i]: item i is OR'ed with item i+1 */
    int natural;
    char *understood;
    ss_filters filters;            /* region:, year:, ... */
    const ss_gazetteer *gaz;       /* resolves region filters (not owned) */
    ss_actx *ac;                   /* the parser's analysis context (not owned) */
};

/* ---- where the query's units stand in one passage (rank.c) ---- */

#define MAX_OCC 4096

typedef struct {
    uint32_t *count;       /* occurrences per unit */
    struct occ {
        uint32_t pos, end; /* positions of first and last atom */
        uint32_t unit;
        uint32_t atom;     /* index of its first atom */
    } *v;
    size_t n;
} occs;

ss_code ss_q_find_occs(const ss_query *q, const ss_analysis *an, occs *o, ss_err *err);
void ss_q_occs_free(occs *o);
/* 1 when unit u belongs to a wanted (not excluded) item, not a whole-item unit. */
int ss_q_wanted_unit(const ss_query *q, size_t u);

/* Highlight spans (byte offsets of an's text) of the wanted units found
 * (highlight.c); *out malloc'd. */
ss_code ss_q_highlights(const ss_query *q, const ss_analysis *an, const occs *o, ss_span **out,
                        size_t *n, ss_err *err);

#endif
