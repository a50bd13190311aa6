/* search.h: running a query against one or more indexes and collecting
 * ranked passages with their records and highlights.  Used by the command
 * line tool and the CGI page alike. */
#ifndef SS_SEARCH_H
#define SS_SEARCH_H

#include <stddef.h>
#include <stdint.h>

#include "facets.h"
#include "query.h"
#include "record.h"
#include "ss_error.h"

typedef struct ss_searcher ss_searcher;

/* Another place a passage stands (a copy in another file). */
typedef struct {
    char *file;
    uint64_t byte_start, byte_end;
    uint32_t line;        /* line of byte_start, from 1; 0 unknown */
} ss_place;

typedef struct {
    uint32_t rank;        /* from 1, counting the offset */
    double score;
    ss_record rec;
    uint32_t line;        /* line of rec.byte_start in the file, from 1; 0 unknown */
    ss_span *hl;          /* highlights: byte spans of rec.text */
    size_t nhl;
    ss_place *dups;       /* the same passage in other files (collapsed into this hit) */
    size_t ndups;
    int partial;          /* 1: a hit of the partial tier (ss_search_opts.partial) */
    char **missing;       /* a partial hit's query words not present (one allocation:
                             the pointers, then the words; NULL when none) */
    size_t nmissing;
} ss_hit;

enum { SS_FACET_REGION, SS_FACET_YEAR, SS_FACET_KIND, SS_FACETS };

typedef struct {
    ss_hit *hits;
    size_t n;
    size_t streamed;      /* hits handed to ss_search_opts.each (then hits holds none) */
    uint32_t total;       /* number of matching passages (copies counted once) */
    int total_exact;      /* 1: total counts every match judged; 0: an estimate (two
                             significant digits) from the first candidates judged */
    ss_facet facets[SS_FACETS]; /* filled when asked: speech region, year, kind */
    int has_facets;
    int facets_exact;     /* 1: facets count the passages judged (copies once); 0: they
                             count Xapian's candidates by the index's value slots */
    char *understood;     /* the query as understood */
    int natural;          /* read as natural language */
    uint32_t partial_total; /* hits of the partial tier (they follow the total strict ones);
                               0 when the tier did not run */
} ss_results;

/* Receives a hit as soon as it is ranked (ss_search_opts.each); the hit
 * is freed on return.  An error stops the search. */
typedef ss_code (*ss_hit_fn)(void *arg, const ss_hit *h, ss_err *err);

typedef struct {
    uint32_t offset;      /* hits to skip */
    uint32_t count;       /* hits wanted (0: 10) */
    int all;              /* 1: every hit from offset on (count ignored) */
    int all_duplicates;   /* 1: show copies as hits of their own instead of collapsing */
    int facets;           /* 1: count matches by region, year and kind: judging every
                             match when there are at most facet_judge_limit, else from
                             the index's value slots over Xapian's matches */
    uint32_t facet_judge_limit; /* 0: 2000 */
    ss_hit_fn each;       /* non-NULL: hits are streamed to each(each_arg, hit) in rank
                             order instead of collected (results.streamed counts them, .hits
                             holds none), so -n all runs in bounded memory */
    void *each_arg;
    int exact;            /* 1: the words as typed only (no synonyms, no other forms of figures) */
    int partial;          /* 1: a keyword query whose strict hits end before the page does
                             goes on with passages holding most of it (the partial tier,
                             search_partial.c), marked partial with the words they miss;
                             not with all or each; total and facets count strict hits only */
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
/* Number of partial hits among r's hits (they come after the strict ones). */
size_t ss_results_partial(const ss_results *r);
/* Shows the hits' files relative to dir (the current folder) when they
 * lie under it; the index stores real, absolute paths. */
void ss_results_relative(ss_results *r, const char *dir);
/* The same for one hit (its strings are changed in place). */
void ss_hit_relative(ss_hit *h, const char *dir);

/* More like this: passages elsewhere that talk about the same thing as the
 * passage of file that starts at (or holds) byte_start: its words that
 * say most (like.h) as a question, the passage itself and its copies left
 * out.  SS_ENOTFOUND when the index has no such passage. */
ss_code ss_search_like(ss_searcher *s, const char *file, uint64_t byte_start,
                       const ss_search_opts *opts, ss_results *out, ss_err *err);

/* Seconds Xapian may spend matching one batch of candidates (0: no limit,
 * the default); past it, results are those found so far.  The web page
 * sets it so that one expensive query cannot hold a worker. */
void ss_searcher_set_time_limit(ss_searcher *s, double seconds);

/* Judges one record r against q (parsed with ss_searcher_actx(s)) as a
 * search does: *factor 0 when it does not match; *hl (malloc'd, *nhl
 * spans) where q's words stand in r->text. */
ss_code ss_search_judge(ss_searcher *s, const ss_query *q, const ss_record *r, double *factor,
                        ss_span **hl, size_t *nhl, ss_err *err);

/* A passage's record from the data (len bytes) of its document id (0:
 * unknown), joined with its speech's part (record_join.h); r is
 * overwritten (free with ss_record_free). */
ss_code ss_searcher_record(ss_searcher *s, uint32_t id, const char *data, size_t len,
                           ss_record *r, ss_err *err);

/* The searcher's database and analysis context, for views built on it
 * (speech_view.h).  Borrowed: valid until ss_searcher_close. */
xc_db *ss_searcher_db(ss_searcher *s);
ss_actx *ss_searcher_actx(ss_searcher *s);

#endif
