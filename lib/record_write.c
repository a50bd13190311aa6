/* record_write.c: a speech's passage records and speech terms as the
 * indexer writes them (see record_write.h). */
#include "record_write.h"

#include <stdlib.h>
#include <string.h>

#include "filter_index.h"
#include "terms.h"

void ss_speech_rec_free(ss_speech_rec *sr)
{
    for (uint32_t i = 0; i < sr->nheadings; i++)
        free(sr->headings[i]);
    free(sr->headings);
    free(sr->heading_of);
    sb_free(&sr->head_terms);
    memset(sr, 0, sizeof *sr);
}

/* The heading table: each distinct heading once, passages pointing to it. */
static ss_code headings_of(ss_speech_rec *sr, const ss_text *t, const ss_passages *ps,
                           ss_err *err)
{
    sr->npassages = ps->n;
    if (!ps->n)
        return SS_OK;
    sr->heading_of = calloc(ps->n, sizeof *sr->heading_of);
    sr->headings = calloc(ps->n, sizeof *sr->headings);
    if (!sr->heading_of || !sr->headings)
        return ss_seterr(err, SS_ENOMEM, "out of memory indexing a speech");
    for (size_t i = 0; i < ps->n; i++) {
        const ss_passage *p = &ps->v[i];
        if (p->head_end <= p->head_start)
            continue;
        const char *h = t->text + p->head_start;
        size_t n = p->head_end - p->head_start;
        const char *last = sr->nheadings ? sr->headings[sr->nheadings - 1] : NULL;
        if (!last || strlen(last) != n || memcmp(last, h, n) != 0) {
            if (!(sr->headings[sr->nheadings] = strndup(h, n)))
                return ss_seterr(err, SS_ENOMEM, "out of memory indexing a speech");
            sr->nheadings++;
        }
        sr->heading_of[i] = sr->nheadings;
    }
    return SS_OK;
}

ss_code ss_speech_rec_init(ss_speech_rec *sr, ss_actx *ac, const char *path, uint32_t sp_no,
                           const ss_speech *sp, const ss_text *t, const ss_passages *ps,
                           ss_err *err)
{
    memset(sr, 0, sizeof *sr);
    sr->key = (ss_speech_key){ ss_path_hash(path), sp_no };
    memcpy(sr->term, SS_PREFIX_SPEECH, strlen(SS_PREFIX_SPEECH));
    ss_speech_key_text(sr->key, sr->term + strlen(SS_PREFIX_SPEECH));
    ss_code rc = headings_of(sr, t, ps, err);
    if (rc == SS_OK)
        rc = ss_filter_head_terms(ac, sp, &sr->head_terms, err);
    if (rc != SS_OK)
        ss_speech_rec_free(sr);
    return rc;
}

ss_code ss_speech_rec_passage(const ss_speech_rec *sr, size_t i, const ss_record *r, xc_doc *doc,
                              ss_err *err)
{
    char *data = NULL;
    size_t len = 0;
    int head = i == 0;
    uint32_t heading = i < sr->npassages ? sr->heading_of[i] : 0;
    ss_code rc = ss_record_encode(r, sr->key, (uint32_t)i, heading,
                                  (const char *const *)sr->headings, sr->nheadings, &data, &len,
                                  err);
    if (rc == SS_OK)
        rc = xc_doc_set_data(doc, data, len, err);
    free(data);
    if (rc == SS_OK)
        rc = xc_doc_add_boolean(doc, sr->term, strlen(sr->term), err);
    if (rc == SS_OK && head) {
        const char *key = sr->term + strlen(SS_PREFIX_SPEECH);
        rc = xc_doc_add_value(doc, SS_SLOT_SPEECH, key, strlen(key), err);
    }
    for (size_t at = 0; rc == SS_OK && head && sr->head_terms.buf && at < sr->head_terms.len;) {
        size_t n = strlen(sr->head_terms.buf + at);
        rc = xc_doc_add_boolean(doc, sr->head_terms.buf + at, n, err);
        at += n + 1;
    }
    return rc;
}
