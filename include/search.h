/* search.h: running a query against one or more indexes and collecting
 * ranked passages with their records and highlights.  Used by the command
 * line tool and the CGI page alike. */
#ifndef SS_SEARCH_H
#define SS_SEARCH_H

#include <stddef.h>
#include <stdint.h>

#include "query.h"
#include "record.h"
#include "ss_error.h"

typedef struct ss_searcher ss_searcher;

/* Another place a passage stands (a copy in another file). */
typedef struct {
    char *file;
    uint64_t byte_start, byte_end;
} ss_place;

typedef struct {
    uint32_t rank;        /* from 1, counting the offset */
    double score;
    ss_record rec;
    ss_span *hl;          /* highlights: byte spans of rec.text */
    size_t nhl;
    ss_place *dups;       /* the same passage in other files (collapsed into this hit) */
    size_t ndups;
} ss_hit;

/* One value of a facet and how many matching passages have it. */
typedef struct {
    char *value;
    uint32_t count;
} ss_facet_value;

enum { SS_FACET_REGION, SS_FACET_YEAR, SS_FACET_KIND, SS_FACETS };

typedef struct {
    ss_facet_value *v;    /* most frequent first */
    size_t n;
} ss_facet;

typedef struct {
    ss_hit *hits;
    size_t n;
    uint32_t total;       /* estimated number of matching passages (copies counted once) */
    ss_facet facets[SS_FACETS]; /* filled when asked: speech region, year, kind */
    int has_facets;
    char *understood;     /* the query as understood */
    int natural;          /* read as natural language */
} ss_results;

typedef struct {
    uint32_t offset;      /* hits to skip */
    uint32_t count;       /* hits wanted (0: 10) */
    int all_duplicates;   /* 1: show copies as hits of their own instead of collapsing */
    int facets;           /* 1: count matches by region, year and kind (judges every match,
                             up to 20000) */
    int exact;            /* 1: the words as typed only (no synonyms, no other forms of figures) */
} ss_search_opts;

/* Name of facet k ("region", "year", "kind"). */
const char *ss_facet_name(int k);

/* Opens n databases (directories or stub files), searched together.
 * datadir: analysis data, NULL for the default.  A searcher reads the
 * latest committed state of an index being updated: when the revision it
 * reads is replaced under it, ss_search reopens and runs again. */
ss_code ss_searcher_open(const char *const *dbs, size_t n, const char *datadir,
                         ss_searcher **out, ss_err *err);
/* The same; remote shards in stub files give up after timeout_ms
 * milliseconds without an answer (0: XC_REMOTE_TIMEOUT_MS, 3 s). */
ss_code ss_searcher_open_timeout(const char *const *dbs, size_t n, const char *datadir,
                                 unsigned timeout_ms, ss_searcher **out, ss_err *err);

/* Longest query accepted (bytes); a longer one is refused with SS_EINVAL. */
#define SS_MAX_QUERY_BYTES 4096
void ss_searcher_close(ss_searcher *s);

/* Runs query; out is overwritten (free with ss_results_free). */
ss_code ss_search(ss_searcher *s, const char *query, const ss_search_opts *opts,
                  ss_results *out, ss_err *err);
void ss_results_free(ss_results *r);
/* Shows the hits' files relative to dir (the current folder) when they
 * lie under it; the index stores real, absolute paths. */
void ss_results_relative(ss_results *r, const char *dir);

/* More like this: passages elsewhere that talk about the same thing as the
 * passage of file that starts at (or holds) byte_start: its words that
 * say most (like.h) as a question, the passage itself and its copies left
 * out.  SS_ENOTFOUND when the index has no such passage. */
ss_code ss_search_like(ss_searcher *s, const char *file, uint64_t byte_start,
                       const ss_search_opts *opts, ss_results *out, ss_err *err);

#endif
