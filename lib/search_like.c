/* search_like.c: more like this (see search.h: ss_search_like). */
#include "search_int.h"

#include <stdlib.h>
#include <string.h>

#include "like.h"
#include "strbuf.h"
#include "terms.h"

#define LIKE_WORDS 12 /* words that say what a passage is about */

/* The record of the passage of file at byte_start (or holding it). */
static ss_code find_passage(ss_searcher *s, const char *file, uint64_t byte_start,
                            ss_record *rec, ss_err *err)
{
    char term[SS_MAX_TERM + 1];
    ss_file_term(file, term);
    xc_query *xq = NULL;
    xc_enquire *e = NULL;
    xc_mset *m = NULL;
    int found = 0;
    ss_code rc = xc_query_term(term, strlen(term), 1, &xq, err);
    if (rc == SS_OK)
        rc = xc_enquire_new(s->db, &e, err);
    if (rc == SS_OK)
        rc = xc_enquire_set_query(e, xq, err);
    if (rc == SS_OK)
        rc = xc_enquire_get_mset(e, 0, UINT32_MAX / 2, 0, &m, err);
    for (uint32_t i = 0; rc == SS_OK && !found && i < xc_mset_size(m); i++) {
        char *data = NULL;
        size_t len = 0;
        xc_docid id = 0;
        rc = xc_mset_data(m, i, &data, &len, err);
        if (rc == SS_OK)
            rc = xc_mset_docid(m, i, &id, err);
        if (rc == SS_OK)
            rc = ss_rjoin_record(s->join, s->db, id, data, len, rec, err);
        free(data);
        if (rc == SS_OK && rec->byte_start <= byte_start && byte_start < rec->byte_end)
            found = 1;
        else if (rc == SS_OK)
            ss_record_free(rec);
    }
    xc_mset_free(m);
    xc_enquire_free(e);
    xc_query_free(xq);
    if (rc == SS_OK && !found)
        rc = ss_seterr(err, SS_ENOTFOUND, "no passage of %s at byte %llu in the index", file,
                       (unsigned long long)byte_start);
    return rc;
}

/* 1 when hit h is the passage p or holds it among its copies. */
static int is_source(const ss_hit *h, const ss_record *p)
{
    if (h->rec.file && strcmp(h->rec.file, p->file) == 0 && h->rec.byte_start == p->byte_start)
        return 1;
    for (size_t i = 0; i < h->ndups; i++)
        if (h->dups[i].file && strcmp(h->dups[i].file, p->file) == 0 &&
            h->dups[i].byte_start == p->byte_start)
            return 1;
    return 0;
}

ss_code ss_search_like(ss_searcher *s, const char *file, uint64_t byte_start,
                       const ss_search_opts *opts, ss_results *out, ss_err *err)
{
    ss_record rec = { 0 };
    strbuf words = STRBUF_INIT;
    memset(out, 0, sizeof *out);
    ss_code rc = find_passage(s, file, byte_start, &rec, err);
    const char *text = rec.simplified ? rec.simplified : rec.text ? rec.text : "";
    if (rc == SS_OK)
        rc = ss_like_words(s->db, s->ac, text, strlen(text), LIKE_WORDS, &words, err);
    if (rc == SS_OK && !words.len)
        rc = ss_seterr(err, SS_EINVAL, "the passage of %s at byte %llu has no words to look for",
                       file, (unsigned long long)byte_start);
    ss_search_opts o = opts ? *opts : (ss_search_opts){ .count = 10 };
    if (!o.count)
        o.count = 10;
    o.count++; /* the passage itself comes back and is left out */
    o.each = NULL; /* collected, to leave it out */
    if (rc == SS_OK)
        rc = ss_search_text(s, words.buf, &o, 1, out, err);
    if (rc == SS_OK) {
        size_t k = 0;
        for (size_t i = 0; i < out->n; i++) {
            ss_hit *h = &out->hits[i];
            if (is_source(h, &rec) || k == o.count - 1) {
                ss_record_free(&h->rec);
                free(h->hl);
                ss_places_free(h->dups, h->ndups);
                continue;
            }
            out->hits[k] = *h;
            out->hits[k].rank = o.offset + (uint32_t)k + 1;
            k++;
        }
        out->n = k;
        if (out->total)
            out->total--;
    }
    ss_record_free(&rec);
    sb_free(&words);
    return rc;
}
