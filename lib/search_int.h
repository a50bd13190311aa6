/* search_int.h: what the parts of the searcher share (private to lib/).
 *   search.c        opens indexes, runs a query (retrying when the index
 *                   changed under it), paths relative to a folder;
 *   search_run.c    drives one query: builds it, counts and facets, the page;
 *   search_walk.c   walks Xapian's ranking in blocks: judging candidates,
 *                   folding copies, spreading, streaming;
 *   search_judge.c  judges one passage and finds its highlights;
 *   search_like.c   more like this.
 * Records come joined with their speech's part (record_join.h). */
#ifndef SS_SEARCH_INT_H
#define SS_SEARCH_INT_H

#include "analyze.h"
#include "dedup.h"
#include "gazetteer.h"
#include "lines.h"
#include "record_join.h"
#include "search.h"
#include "spread.h"
#include "synonyms.h"
#include "xapian_c.h"

struct ss_searcher {
    xc_db *db;
    ss_analyzer *an;
    ss_actx *ac;
    ss_gazetteer *gaz;    /* opened when a query first needs it */
    ss_syn *syn;          /* synonym table, read when a query first needs it */
    char *gaztext;        /* the gazetteer's text, for a quick test (need_places) */
    size_t gaztext_len;
    int gaztext_missing;
    char *datadir;
    double time_limit;    /* seconds per Xapian match, 0: none */
    ss_rjoin *join;       /* speeches read at this revision (cleared on reopen) */
    int data_missing;     /* the last attempt failed on a data file (synonyms,
                             gazetteer), not on the index: not worth a retry */
};

/* A passage Xapian proposed and the ranker accepted. */
typedef struct {
    double score;
    ss_record rec;        /* freed once the hit is known not to be shown */
    ss_span *hl;
    size_t nhl;
    uint64_t file_id;     /* hash of rec.file */
    uint32_t cluster;     /* its copies' cluster (dedup.h) */
    uint32_t docid;       /* its document (the partial tier skips strict hits by it) */
    ss_place *dups;
    size_t ndups;
    int dup;              /* folded into a better copy */
} cand;

/* The state of one query's walk down Xapian's ranking.  Hits are ranked
 * in blocks of Xapian's order; the end of each block depends on the query
 * alone (never on --offset or -n), so every page cuts the same ranking.
 * Block k is judged until it holds BLOCK_DISTINCT << k new distinct
 * passages (or Xapian has no more), checked at the ends of batches, and
 * then through the run of candidates that weigh the same as the last one
 * (so that where a block ends does not depend on document ids, i.e. on the
 * index's layout); its hits are then ordered (score, copies folded, spread
 * over places) and follow those of block k - 1. */
typedef struct {
    cand *v;              /* every hit accepted, blocks in order */
    size_t n, cap;
    size_t ranked;        /* v[0, ranked) ordered for good (copies removed) */
    size_t block_start;   /* v[block_start, n): the block being judged */
    uint32_t *head;       /* cluster -> index in v of its shown hit, or NO_HEAD */
    size_t nhead;
    ss_dedup *dedup;
    ss_spread *spread;
    xc_mset *m;           /* the candidates fetched, m[mpos, msize) not judged yet */
    uint32_t mpos, msize;
    uint32_t fetched;     /* Xapian candidates fetched */
    uint32_t judged;      /* ... and judged */
    uint32_t checkpoint;  /* where the block may end next (in candidates judged) */
    uint32_t batch;       /* candidates to the checkpoint after it */
    double last_weight;   /* Xapian's weight of the last candidate judged */
    uint32_t tie_end;     /* a block ending takes ties up to here (candidates judged) */
    uint32_t tie_fetch;   /* the next batch asked for in a run of ties */
    int xdone;            /* Xapian has no more than fetched */
    int exhausted;        /* ... and all are judged */
    uint32_t estimate;    /* Xapian's estimate of its matches (first batch) */
    size_t first_judged, first_distinct; /* for the total: counts of block 0 */
    int blocks;
    ss_lines *lines;      /* line numbers of the hits shown */
    ss_hit_fn each;       /* hits streamed to each(each_arg, ...) instead of kept */
    void *each_arg;
    ss_searcher *s;       /* for the highlights of the hits shown */
    const ss_query *q;
    int hl_early;         /* highlights taken when judging (the block may be shown) */
    ss_htab heads;        /* hash of a heading -> index in head_f */
    struct head_factor *head_f; /* the heading factors found (a speech's passages share
                                   its headings: each analysed once) */
    size_t nhead_f, head_fcap;
} walk;

#define NO_HEAD UINT32_MAX
/* Xapian is asked for candidates in batches from FIRST_BATCH doubling up to
 * MAX_BATCH; block k is complete with BLOCK_DISTINCT << k (up to
 * MAX_BLOCK_DISTINCT) new distinct passages.  A query with at most
 * EXACT_BELOW matches is judged whole, so that its count is exact. */
#define FIRST_BATCH 32
#define MAX_BATCH 4096
#define BLOCK_DISTINCT 20
#define MAX_BLOCK_DISTINCT 20000
#define EXACT_BELOW 100

/* search.c: runs query (question: read as a question) with its retries. */
ss_code ss_search_text(ss_searcher *s, const char *query, const ss_search_opts *opts,
                       int question, ss_results *out, ss_err *err);
void ss_places_free(ss_place *p, size_t n);

/* search_run.c: runs parsed query q, filling out; text and qo: what q was
 * parsed from, for the partial tier (text NULL: none). */
ss_code ss_search_run(ss_searcher *s, ss_query *q, const char *text, const ss_query_opts *qo,
                      const ss_search_opts *o, ss_results *out, ss_err *err);
/* Opens the gazetteer for q when it needs it (region: filters, place words). */
ss_code ss_need_places(ss_searcher *s, ss_query *q, ss_err *err);
/* A search of s for xq with q's weighting and s's time limit. */
ss_code ss_enquire_for(ss_searcher *s, const ss_query *q, const xc_query *xq, xc_enquire **out,
                       ss_err *err);

/* search_walk.c: the order of hits: higher score first; scores equal to
 * 1e-9 (the same passage weighs the same in one index or in shards, up to
 * rounding) fall back to file and offset, so that the order does not
 * depend on document ids.  <0, 0, >0 as for qsort. */
int ss_cmp_hits(double sa, const ss_record *a, double sb, const ss_record *b);
/* Appends copy r's place to a hit's places (*v, *n: "also in"), taking
 * r->file over (set to NULL). */
ss_code ss_add_copy_place(ss_place **v, size_t *n, ss_record *r, ss_err *err);

/* search_partial.c: the partial tier.  After the strict walk w of q (from
 * text, parsed with qo) ended with fewer hits than the page [offset,
 * offset + count) needs, appends to out the partial hits of that page: the
 * passages among the first PARTIAL_CANDIDATES Xapian proposes for any word
 * of the query that ss_query_judge_loose takes, not strict hits nor copies
 * of them (w's clusters), ordered by share, then weight. */
ss_code ss_partial_tier(ss_searcher *s, const ss_query *q, const char *text,
                        const ss_query_opts *qo, const ss_search_opts *o, walk *w, size_t offset,
                        size_t count, ss_results *out, ss_err *err);

/* search_walk.c: ranks blocks until w's ranking holds `want` hits (or there
 * are no more matches); hits outside [keep_from, keep_to) lose their
 * records; with facets, counts the hits ranked into out's facets. */
ss_code ss_walk_to(ss_searcher *s, const ss_query *q, xc_enquire *e, const ss_search_opts *o,
                   walk *w, size_t want, size_t keep_from, size_t keep_to, int facets,
                   ss_results *out, ss_err *err);
void ss_walk_free(walk *w);
/* The line numbers of hit h and of its copies. */
ss_code ss_hit_locate(ss_lines *lines, ss_hit *h, ss_err *err);

/* search_judge.c: judges record r against q, its speech as context
 * (*factor 0: no match); *an is the analysis of its text (valid until
 * s->ac's next use).  hl non-NULL: *hl, *nhl its highlights when it
 * matches (those ss_hit_highlights gives a strict hit; else NULL, 0). */
ss_code ss_judge_record(ss_searcher *s, const ss_query *q, const ss_record *r, ss_analysis *an,
                        double *factor, ss_span **hl, size_t *nhl, ss_err *err);
/* Highlights of a hit shown. */
ss_code ss_hit_highlights(ss_searcher *s, const ss_query *q, ss_hit *h, ss_err *err);

#endif
