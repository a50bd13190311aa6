/* xapian_c.h: a thin C interface to libxapian (1.4).
 *
 * Opaque handles wrap Xapian objects.  Every function that can fail returns
 * an ss_code and fills *err (may be NULL); no C++ exception ever crosses
 * into C.  Handles are created by xc_*_new/open and freed by the matching
 * xc_*_free/close; freeing NULL is a no-op.  Strings returned through
 * out-parameters are malloc'd copies the caller frees with free().
 * Only lib/xapian_c.cc includes <xapian.h>. */
#ifndef SS_XAPIAN_C_H
#define SS_XAPIAN_C_H

#include <stddef.h>
#include <stdint.h>

#include "ss_error.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct xc_db xc_db;             /* a readable database (one or many) */
typedef struct xc_writable xc_writable; /* a writable database */
typedef struct xc_doc xc_doc;           /* a document being built */
typedef struct xc_query xc_query;       /* an immutable query */
typedef struct xc_enquire xc_enquire;   /* a search session over an xc_db */
typedef struct xc_mset xc_mset;         /* one page of results */

typedef uint32_t xc_docid;

/* ---- reading ---- */

/* Opens a database for reading: a glass directory or a stub database file
 * (lines "auto PATH", "remote HOST:PORT"). */
ss_code xc_db_open(const char *path, xc_db **out, ss_err *err);
/* The same with a timeout for remote databases named by a stub file
 * ("remote HOST:PORT" lines): connecting and each exchange give up after
 * timeout_ms milliseconds (xc_db_open: XC_REMOTE_TIMEOUT_MS).  Other stub
 * lines ("auto", "glass" PATH, relative to the stub's folder) and
 * directories open as with xc_db_open. */
#define XC_REMOTE_TIMEOUT_MS 3000
ss_code xc_db_open_timeout(const char *path, unsigned timeout_ms, xc_db **out, ss_err *err);
ss_code xc_db_add_timeout(xc_db *db, const char *path, unsigned timeout_ms, ss_err *err);
/* Adds another database to db (shards are then searched together). */
ss_code xc_db_add(xc_db *db, const char *path, ss_err *err);
void xc_db_close(xc_db *db);
/* Writes all of db's databases, merged and compacted, as a new glass
 * database at dest (Xapian::Database::compact). */
ss_code xc_db_compact(xc_db *db, const char *dest, ss_err *err);
/* Re-opens db at its latest revision: every path it was opened and added
 * with opened afresh, so a stub file that now names other databases (an
 * index whose segments were replaced) is read again. */
ss_code xc_db_reopen(xc_db *db, ss_err *err);
ss_code xc_db_doccount(xc_db *db, uint32_t *out, ss_err *err);
/* Average document length (terms) over all of db's databases; 0 when empty. */
ss_code xc_db_avlength(xc_db *db, double *out, ss_err *err);
/* Number of documents indexed by term (0 when absent). */
ss_code xc_db_termfreq(xc_db *db, const char *term, uint32_t *out, ss_err *err);
/* User metadata value for key ("" if unset; malloc'd). */
ss_code xc_db_get_metadata(xc_db *db, const char *key, char **value, size_t *len, ss_err *err);
/* Calls cb for each user metadata key starting with prefix, with its
 * value; cb returns nonzero to stop. */
ss_code xc_db_each_metadata(xc_db *db, const char *prefix,
                            int (*cb)(void *ctx, const char *key, size_t klen, const char *value,
                                      size_t vlen),
                            void *ctx, ss_err *err);
/* Calls cb for each term starting with prefix, in sorted order, with its
 * term frequency; cb returns nonzero to stop. */
ss_code xc_db_each_term(xc_db *db, const char *prefix,
                        int (*cb)(void *ctx, const char *term, size_t len, uint32_t termfreq),
                        void *ctx, ss_err *err);

/* ---- writing ---- */

/* XC_CREATE_SEGMENT creates a new glass database without term lists
 * (Xapian's DB_NO_TERMLIST: a third of the writer's time and twice the
 * input on disk saved; its documents can then be neither replaced nor
 * deleted); XC_OPEN_SEGMENT opens one to change its metadata. */
enum { XC_OPEN = 0, XC_CREATE_OR_OPEN = 1, XC_CREATE_OR_OVERWRITE = 2, XC_CREATE_SEGMENT = 3,
       XC_OPEN_SEGMENT = 4 };

ss_code xc_writable_open(const char *path, int mode, xc_writable **out, ss_err *err);
/* Commits pending changes and closes; always frees w. */
ss_code xc_writable_close(xc_writable *w, ss_err *err);
ss_code xc_writable_commit(xc_writable *w, ss_err *err);
/* A transaction: changes made between begin and commit reach the disk
 * together or not at all (no automatic flush in between). */
ss_code xc_writable_begin(xc_writable *w, ss_err *err);
ss_code xc_writable_commit_transaction(xc_writable *w, ss_err *err);
/* Each user metadata key starting with prefix, with its value (see
 * xc_db_each_metadata); pending changes included. */
ss_code xc_writable_each_metadata(xc_writable *w, const char *prefix,
                                  int (*cb)(void *ctx, const char *key, size_t klen,
                                            const char *value, size_t vlen),
                                  void *ctx, ss_err *err);
ss_code xc_writable_add(xc_writable *w, const xc_doc *doc, xc_docid *id, ss_err *err);
/* Replaces the document indexed by unique term (adds it if none). */
ss_code xc_writable_replace_by_term(xc_writable *w, const char *term, const xc_doc *doc, ss_err *err);
/* Deletes every document indexed by term. */
ss_code xc_writable_delete_by_term(xc_writable *w, const char *term, ss_err *err);
ss_code xc_writable_termfreq(xc_writable *w, const char *term, uint32_t *out, ss_err *err);
ss_code xc_writable_doccount(xc_writable *w, uint32_t *out, ss_err *err);
ss_code xc_writable_set_metadata(xc_writable *w, const char *key, const char *value, size_t len, ss_err *err);
ss_code xc_writable_get_metadata(xc_writable *w, const char *key, char **value, size_t *len, ss_err *err);

/* ---- documents ---- */

ss_code xc_doc_new(xc_doc **out, ss_err *err);
void xc_doc_free(xc_doc *doc);
/* term at position pos (positions start at 1), adding wdfinc to its wdf */
ss_code xc_doc_add_posting(xc_doc *doc, const char *term, size_t len, uint32_t pos, uint32_t wdfinc, ss_err *err);
/* term without position */
ss_code xc_doc_add_term(xc_doc *doc, const char *term, size_t len, uint32_t wdfinc, ss_err *err);
/* boolean filter term (wdf 0, no effect on weight) */
ss_code xc_doc_add_boolean(xc_doc *doc, const char *term, size_t len, ss_err *err);
ss_code xc_doc_set_data(xc_doc *doc, const char *data, size_t len, ss_err *err);
ss_code xc_doc_add_value(xc_doc *doc, unsigned slot, const char *value, size_t len, ss_err *err);

/* ---- queries ---- */

typedef enum {
    XC_OP_AND, XC_OP_OR, XC_OP_AND_NOT, XC_OP_XOR, XC_OP_AND_MAYBE,
    XC_OP_FILTER, XC_OP_NEAR, XC_OP_PHRASE, XC_OP_ELITE_SET, XC_OP_SYNONYM,
    XC_OP_MAX
} xc_op;

/* A single term; wqf is the within-query frequency (1 normally). */
ss_code xc_query_term(const char *term, size_t len, uint32_t wqf, xc_query **out, ss_err *err);
/* Combines n subqueries (which stay owned by the caller).  window is used
 * by NEAR and PHRASE (0 = number of subqueries) and ELITE_SET (set size). */
ss_code xc_query_combine(xc_op op, xc_query *const *subs, size_t n, unsigned window,
                         xc_query **out, ss_err *err);
/* Query whose weights are those of q multiplied by factor. */
ss_code xc_query_scale(const xc_query *q, double factor, xc_query **out, ss_err *err);
/* Boolean query (weight 0) for the documents that hold any of the n terms
 * terms[i][0, lens[i]) -- the same matches as an OR of the terms, without
 * Xapian's OR tree, whose every step visits all its branches (an OR of
 * thousands of terms inside an AND costs thousands of steps a candidate).
 * Each shard reads the terms' postings once, into a sorted list, when a
 * search starts.  Over remote shards, which cannot run the shim's own
 * posting source, it is the plain OR.  db is the database searched. */
ss_code xc_query_any_term(const xc_db *db, const char *const *terms, const size_t *lens,
                          size_t n, xc_query **out, ss_err *err);
/* Matches every document (weight 0). */
ss_code xc_query_match_all(xc_query **out, ss_err *err);
void xc_query_free(xc_query *q);

/* ---- searching ---- */

ss_code xc_enquire_new(xc_db *db, xc_enquire **out, ss_err *err);
void xc_enquire_free(xc_enquire *e);
ss_code xc_enquire_set_query(xc_enquire *e, const xc_query *q, ss_err *err);
/* BM25 parameters (Xapian's defaults: k1 1, k2 0, k3 1, b 0.5, min_normlen 0.5). */
ss_code xc_enquire_set_bm25(xc_enquire *e, double k1, double k2, double k3, double b,
                            double min_normlen, ss_err *err);
/* Stops matching after seconds (Enquire::set_time_limit); results are then
 * those found so far, counts estimates.  0: no limit. */
ss_code xc_enquire_set_time_limit(xc_enquire *e, double seconds, ss_err *err);
ss_code xc_enquire_get_mset(xc_enquire *e, uint32_t first, uint32_t max, uint32_t check_at_least,
                            xc_mset **out, ss_err *err);

/* Runs the query over every match and counts the values of each of
 * slots[0, nslots): cb gets (ctx, k, value, len, documents) for each value
 * of slot k (nonzero stops); *matches (may be NULL) the exact number of
 * matches.  Documents without a value in a slot are not counted. */
typedef int (*xc_value_cb)(void *ctx, size_t k, const char *value, size_t len, uint32_t count);
ss_code xc_enquire_count_values(xc_enquire *e, const unsigned *slots, size_t nslots,
                                uint32_t *matches, xc_value_cb cb, void *ctx, ss_err *err);

void xc_mset_free(xc_mset *m);
uint32_t xc_mset_size(const xc_mset *m);
uint32_t xc_mset_estimated(const xc_mset *m);   /* matches_estimated */
ss_code xc_mset_weight(const xc_mset *m, uint32_t i, double *out, ss_err *err);
/* Data of the i-th hit (malloc'd). */
ss_code xc_mset_data(const xc_mset *m, uint32_t i, char **data, size_t *len, ss_err *err);

/* ---- joining records (record_join.c) ---- */

/* The lowest document id indexed by term[0, len) in db (0 when none). */
ss_code xc_db_first_posting(xc_db *db, const char *term, size_t len, xc_docid *out, ss_err *err);
/* Number of shards (databases) db searches together: a document id of
 * shard k (from 0) of n is (id in the shard - 1) * n + k + 1. */
uint32_t xc_db_shards(const xc_db *db);
/* Document id of the i-th hit. */
ss_code xc_mset_docid(const xc_mset *m, uint32_t i, xc_docid *out, ss_err *err);
/* Data of document id (malloc'd); SS_ENOTFOUND when there is none. */
ss_code xc_db_doc_data(xc_db *db, xc_docid id, char **data, size_t *len, ss_err *err);

#ifdef __cplusplus
}
#endif
#endif
