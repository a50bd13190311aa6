/* filter_index.c: field filters, the index half: the boolean terms each
 * passage (or, for title:, each speech's head passage) gets so that
 * region:/year:/speaker:/kind:/title: can find it
 * (see filter_index.h; prefixes in prefix.h). */
#include "filter_index.h"

#include <stdlib.h>
#include <string.h>

#include "prefix.h"
#include "terms.h"

#define MAX_PLACES 64


/* Appends prefix + v and a NUL to the term list. */
static ss_code put_term(strbuf *out, const char *prefix, const char *v, size_t vlen, ss_err *err)
{
    if (strlen(prefix) + vlen > SS_MAX_TERM)
        return SS_OK; /* too long to be a term */
    if (sb_adds(out, prefix) || sb_add(out, v, vlen) || sb_addc(out, '\0'))
        return ss_seterr(err, SS_ENOMEM, "out of memory building filter terms");
    return SS_OK;
}

/* A place and every division above it. */
static ss_code put_place(strbuf *out, const ss_gazetteer *g, uint32_t id, ss_err *err)
{
    for (int depth = 0; id && depth < 4; depth++, id = ss_gaz_parent(g, id)) {
        const char *code = ss_gaz_code(g, id);
        ss_code rc = put_term(out, SS_PREFIX_REGION, code, strlen(code), err);
        if (rc != SS_OK)
            return rc;
    }
    return SS_OK;
}

static ss_code put_normalized(strbuf *out, ss_actx *ac, const char *prefix, const char *v,
                              ss_err *err)
{
    char *norm = NULL;
    ss_code rc = ss_normalize_string(ac, v, strlen(v), &norm, err);
    if (rc == SS_OK && *norm)
        rc = put_term(out, prefix, norm, strlen(norm), err);
    free(norm);
    return rc;
}

static ss_code put_title_term(void *arg, const char *t, size_t n, ss_err *err)
{
    return put_term(arg, SS_PREFIX_TITLE, t, n, err);
}

typedef struct {
    strbuf *out;
    const ss_gazetteer *g;
    const char *title, *speaker; /* the title scanned; the speaker's name, or NULL */
    ss_code rc;
    ss_err *err;
} title_places;

static int on_title_place(void *arg, uint32_t id, size_t start, size_t end)
{
    title_places *tp = arg;
    if (ss_in_speaker_name(tp->title, strlen(tp->title), tp->speaker, start, end, 0))
        return 0;
    tp->rc = put_place(tp->out, tp->g, id, tp->err);
    return tp->rc != SS_OK;
}

ss_code ss_filter_speech_terms(ss_actx *ac, const ss_speech *sp, const ss_gazetteer *g,
                               strbuf *out, ss_err *err)
{
    ss_code rc = SS_OK;
    sb_reset(out);
    if (g && sp->region)
        rc = put_place(out, g, sp->region, err);
    if (rc == SS_OK && g && sp->title) {
        title_places tp = { out, g, sp->title, sp->speaker, SS_OK, err };
        rc = ss_gaz_scan(g, sp->title, strlen(sp->title), on_title_place, &tp, err);
        if (rc == SS_OK)
            rc = tp.rc;
    }
    if (rc == SS_OK && sp->date && strlen(sp->date) >= 4)
        rc = put_term(out, SS_PREFIX_YEAR, sp->date, 4, err);
    if (rc == SS_OK && sp->kind)
        rc = put_term(out, SS_PREFIX_KIND, sp->kind, strlen(sp->kind), err);
    if (rc == SS_OK && sp->speaker)
        rc = put_normalized(out, ac, SS_PREFIX_SPEAKER, sp->speaker, err);
    if (rc == SS_OK && sp->role)
        rc = put_normalized(out, ac, SS_PREFIX_ROLE, sp->role, err);
    return rc;
}

ss_code ss_filter_head_terms(ss_actx *ac, const ss_speech *sp, strbuf *out, ss_err *err)
{
    ss_code rc = SS_OK;
    sb_reset(out);
    if (sp->title)
        rc = ss_filter_title_terms(ac, sp->title, put_title_term, out, err);
    return rc;
}

ss_code ss_filter_index(xc_doc *doc, const strbuf *speech_terms, const uint32_t *places,
                        size_t nplaces, const ss_gazetteer *g, ss_err *err)
{
    strbuf own = STRBUF_INIT;
    ss_code rc = SS_OK;
    for (size_t i = 0; g && rc == SS_OK && i < nplaces && i < MAX_PLACES; i++)
        rc = put_place(&own, g, places[i], err);
    const strbuf *lists[2] = { speech_terms, &own };
    for (int k = 0; rc == SS_OK && k < 2; k++) {
        for (size_t at = 0; rc == SS_OK && lists[k]->buf && at < lists[k]->len;) {
            size_t n = strlen(lists[k]->buf + at);
            rc = xc_doc_add_boolean(doc, lists[k]->buf + at, n, err);
            at += n + 1;
        }
    }
    sb_free(&own);
    return rc;
}
