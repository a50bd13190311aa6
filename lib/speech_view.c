/* speech_view.c: a whole speech from its indexed passages (speech_view.h). */
#include "speech_view.h"

#include <stdlib.h>
#include <string.h>

#include "base.h"
#include "search_int.h"
#include "terms.h"
#include "xapian_c.h"

void ss_speech_view_free(ss_speech_view *v)
{
    for (size_t i = 0; i < v->n; i++) {
        ss_record_free(&v->v[i].rec);
        free(v->v[i].hl);
    }
    free(v->v);
    free(v->prev_title);
    free(v->next_title);
    memset(v, 0, sizeof *v);
}

static int by_offset(const void *a, const void *b)
{
    const ss_view_passage *x = a, *y = b;
    return x->rec.byte_start < y->rec.byte_start ? -1 : x->rec.byte_start > y->rec.byte_start;
}

/* Keeps the passage of mset hit i when it belongs to speech; notes the
 * nearest other speeches of the file. */
static ss_code take(ss_searcher *s, const xc_mset *m, uint32_t i, uint32_t speech,
                    ss_speech_view *out, size_t *cap, ss_err *err)
{
    char *data = NULL;
    size_t len = 0;
    ss_record rec;
    xc_docid id = 0;
    ss_code rc = xc_mset_data(m, i, &data, &len, err);
    if (rc == SS_OK)
        rc = xc_mset_docid(m, i, &id, err);
    if (rc == SS_OK)
        rc = ss_searcher_record(s, id, data, len, &rec, err);
    free(data);
    if (rc != SS_OK)
        return rc;
    uint32_t sp = rec.speech;
    char **title = NULL;
    if (sp < speech && sp > out->prev) {
        out->prev = sp;
        title = &out->prev_title;
    } else if (sp > speech && (out->next == 0 || sp < out->next)) {
        out->next = sp;
        title = &out->next_title;
    }
    if (title) {
        int had = rec.title != NULL;
        free(*title);
        *title = had ? strdup(rec.title) : NULL;
        ss_record_free(&rec);
        return had && !*title ? ss_seterr(err, SS_ENOMEM, "out of memory reading a speech")
                              : SS_OK;
    }
    if (sp != speech) {
        ss_record_free(&rec);
        return SS_OK;
    }
    if (SS_GROW(out->v, out->n + 1, *cap, 64)) {
        ss_record_free(&rec);
        return ss_seterr(err, SS_ENOMEM, "out of memory reading a speech");
    }
    out->v[out->n++] = (ss_view_passage){ rec, NULL, 0, 0 };
    return SS_OK;
}

ss_code ss_speech_view_get(ss_searcher *s, const char *file, uint32_t speech, const char *query,
                           ss_speech_view *out, ss_err *err)
{
    memset(out, 0, sizeof *out);
    if (!file || !*file || speech == 0)
        return ss_seterr(err, SS_EINVAL, "no file or speech given");
    char term[SS_MAX_TERM + 1];
    ss_file_term(file, term);
    ss_query *q = NULL;
    xc_query *xq = NULL;
    xc_enquire *e = NULL;
    xc_mset *m = NULL;
    size_t cap = 0;
    ss_code rc = SS_OK;
    if (query && *query)
        rc = ss_query_parse(ss_searcher_actx(s), query, &q, err);
    if (rc == SS_OK && q) /* read as the search read it: 许昌高铁站 is 许昌 + 高铁站 */
        rc = ss_need_places(s, q, err);
    if (rc == SS_OK)
        rc = xc_query_term(term, strlen(term), 1, &xq, err);
    if (rc == SS_OK)
        rc = xc_enquire_new(ss_searcher_db(s), &e, err);
    if (rc == SS_OK)
        rc = xc_enquire_set_query(e, xq, err);
    if (rc == SS_OK)
        rc = xc_enquire_get_mset(e, 0, SS_VIEW_MAX_PASSAGES, 0, &m, err);
    uint32_t size = rc == SS_OK ? xc_mset_size(m) : 0;
    for (uint32_t i = 0; rc == SS_OK && i < size; i++)
        rc = take(s, m, i, speech, out, &cap, err);
    if (rc == SS_OK && out->n == 0)
        rc = ss_seterr(err, SS_ENOTFOUND, "no speech %u in that file", (unsigned)speech);
    if (rc == SS_OK && out->n > 1)
        qsort(out->v, out->n, sizeof *out->v, by_offset);
    for (size_t i = 0; rc == SS_OK && q && ss_query_has_text(q) && i < out->n; i++) {
        ss_view_passage *p = &out->v[i];
        double factor = 0;
        rc = ss_search_judge(s, q, &p->rec, &factor, &p->hl, &p->nhl, err);
        p->match = factor > 0;
    }
    xc_mset_free(m);
    xc_enquire_free(e);
    xc_query_free(xq);
    ss_query_free(q);
    if (rc != SS_OK)
        ss_speech_view_free(out);
    return rc;
}
