/* filter.c: field filters and their boolean terms (see filter.h). */
#include "filter.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "strbuf.h"
#include "terms.h"

#define MAX_YEARS 200
#define MAX_PLACES 64

static const char *const field_names[SS_F_COUNT] = { "region", "year", "speaker", "kind",
                                                     "title" };

const char *ss_field_name(ss_field f)
{
    return f < SS_F_COUNT ? field_names[f] : "";
}

/* Kind names people use, and the kind they mean. */
static const struct {
    const char *name, *kind;
} kind_names[] = {
    { "speech", "speech" }, { "讲话", "speech" }, { "发言", "speech" }, { "致辞", "speech" },
    { "report", "report" }, { "报告", "report" }, { "工作报告", "report" },
    { "article", "article" }, { "news", "article" }, { "新闻", "article" }, { "报道", "article" },
};

static const char *kind_of(const char *v)
{
    for (size_t i = 0; i < sizeof kind_names / sizeof kind_names[0]; i++)
        if (strcmp(kind_names[i].name, v) == 0)
            return kind_names[i].kind;
    return NULL;
}

static int parse_years(const char *v, int *lo, int *hi)
{
    char extra;
    if (sscanf(v, "%d..%d%c", lo, hi, &extra) == 2)
        return *lo <= *hi && *hi - *lo < MAX_YEARS && *lo >= 1000 && *hi <= 9999 ? 0 : -1;
    if (sscanf(v, "%d%c", lo, &extra) == 1 && *lo >= 1000 && *lo <= 9999) {
        *hi = *lo;
        return 0;
    }
    return -1;
}

ss_code ss_filter_add(ss_actx *ac, ss_field field, const char *value, ss_filters *f, ss_err *err)
{
    char *norm = NULL;
    ss_code rc = ss_normalize_string(ac, value, strlen(value), &norm, err);
    if (rc != SS_OK)
        return rc;
    int lo, hi;
    if (!*norm || (field == SS_F_YEAR && parse_years(norm, &lo, &hi)) ||
        (field == SS_F_KIND && !kind_of(norm))) {
        rc = ss_seterr(err, SS_EINVAL, "bad %s value: '%s'%s", ss_field_name(field), value,
                       field == SS_F_YEAR   ? " (a year, or YEAR..YEAR)"
                       : field == SS_F_KIND ? " (speech, report or article)"
                                            : "");
        free(norm);
        return rc;
    }
    if (f->n == f->cap) {
        size_t cap = f->cap ? f->cap * 2 : 4;
        ss_filter *v = realloc(f->v, cap * sizeof *v);
        if (!v) {
            free(norm);
            return ss_seterr(err, SS_ENOMEM, "out of memory parsing filters");
        }
        f->v = v;
        f->cap = cap;
    }
    f->v[f->n++] = (ss_filter){ field, norm };
    return SS_OK;
}

int ss_filter_parse(ss_actx *ac, const char *text, size_t len, ss_filters *f, ss_err *err)
{
    const char *colon = memchr(text, ':', len);
    if (!colon || colon == text || (size_t)(colon - text) + 1 >= len)
        return 0;
    size_t nl = (size_t)(colon - text);
    for (int k = 0; k < SS_F_COUNT; k++) {
        if (strlen(field_names[k]) != nl || strncasecmp(field_names[k], text, nl) != 0)
            continue;
        char *value = strndup(colon + 1, len - nl - 1);
        if (!value) {
            ss_seterr(err, SS_ENOMEM, "out of memory parsing filters");
            return -1;
        }
        ss_code rc = ss_filter_add(ac, (ss_field)k, value, f, err);
        free(value);
        return rc == SS_OK ? 1 : -1;
    }
    return 0;
}

void ss_filters_free(ss_filters *f)
{
    for (size_t i = 0; i < f->n; i++)
        free(f->v[i].value);
    free(f->v);
    memset(f, 0, sizeof *f);
}

/* Calls cb for each title term of text: its bigrams, its ASCII tokens,
 * or the character itself when text is one Han character. */
static ss_code each_title_term(ss_actx *ac, const char *text,
                               ss_code (*cb)(void *arg, const char *t, size_t n, ss_err *err),
                               void *arg, ss_err *err)
{
    ss_analysis an;
    ss_code rc = ss_analyze_atoms(ac, text, strlen(text), &an, err);
    char t[SS_MAX_TERM + 1];
    for (size_t i = 0; rc == SS_OK && i < an.natoms; i++) {
        const ss_atom *a = &an.atoms[i];
        size_t n;
        if (a->kind == SS_ATOM_HAN && i + 1 < an.natoms && an.atoms[i + 1].kind == SS_ATOM_HAN &&
            an.atoms[i + 1].pos == a->pos + 1)
            n = ss_term_of_atoms(&an, i, i + 1, t);
        else if (a->kind != SS_ATOM_HAN || an.natoms == 1)
            n = ss_term_of_atoms(&an, i, i, t);
        else
            continue;
        rc = cb(arg, t, n, err);
    }
    return rc;
}

/* ---- query side ---- */

typedef struct {
    xc_query *v[256];
    size_t n;
} qlist;

static ss_code push_term(qlist *l, const char *prefix, const char *t, size_t tlen, ss_err *err)
{
    char term[SS_MAX_TERM + 1];
    int n = snprintf(term, sizeof term, "%s%.*s", prefix, (int)tlen, t);
    if (n <= 0 || n > SS_MAX_TERM || l->n == sizeof l->v / sizeof l->v[0])
        return SS_OK; /* too long to be a term, or too many: skip */
    xc_query *q = NULL;
    ss_code rc = xc_query_term(term, (size_t)n, 1, &q, err);
    if (rc == SS_OK)
        l->v[l->n++] = q;
    return rc;
}

static void qlist_free(qlist *l)
{
    for (size_t i = 0; i < l->n; i++)
        xc_query_free(l->v[i]);
    l->n = 0;
}

static ss_code combine_owned(xc_op op, qlist *l, xc_query **out, ss_err *err);

/* Pushes (w1 OR w2) AND (Y<lo> OR ... Y<hi>) onto l: passages of speeches
 * given in [lo, hi] that say w1 or w2. */
static ss_code push_relative_years(qlist *l, const char *w1, const char *w2, int lo, int hi,
                                   ss_err *err)
{
    qlist words = { .n = 0 }, years = { .n = 0 };
    ss_code rc = push_term(&words, "", w1, strlen(w1), err);
    if (rc == SS_OK && w2)
        rc = push_term(&words, "", w2, strlen(w2), err);
    for (int y = lo; rc == SS_OK && y <= hi; y++) {
        char t[8];
        int n = snprintf(t, sizeof t, "%d", y);
        rc = push_term(&years, "Y", t, (size_t)n, err);
    }
    xc_query *pair[2] = { NULL, NULL }, *x = NULL;
    if (rc == SS_OK)
        rc = combine_owned(XC_OP_OR, &words, &pair[0], err);
    if (rc == SS_OK)
        rc = combine_owned(XC_OP_OR, &years, &pair[1], err);
    if (rc == SS_OK && pair[0] && pair[1])
        rc = xc_query_combine(XC_OP_AND, pair, 2, 0, &x, err);
    xc_query_free(pair[0]);
    xc_query_free(pair[1]);
    qlist_free(&words);
    qlist_free(&years);
    if (rc == SS_OK && x && l->n < sizeof l->v / sizeof l->v[0])
        l->v[l->n++] = x;
    else
        xc_query_free(x);
    return rc;
}

static ss_code push_title_term(void *arg, const char *t, size_t n, ss_err *err)
{
    return push_term(arg, "XT", t, n, err);
}

/* The alternatives one filter value stands for, pushed onto l. */
static ss_code value_terms(const ss_filter *fl, ss_actx *ac, const ss_gazetteer *g, qlist *l,
                           int *and_all, ss_err *err)
{
    const char *v = fl->value;
    int lo, hi;
    *and_all = 0;
    switch (fl->field) {
    case SS_F_REGION: {
        uint32_t ids[16];
        size_t n = g ? ss_gaz_lookup(g, v, strlen(v), ids, 16) : 0;
        if (n == 0)
            return ss_seterr(err, SS_EINVAL, "unknown region: '%s'", v);
        for (size_t i = 0; i < n; i++) {
            const char *code = ss_gaz_code(g, ids[i]);
            ss_code rc = push_term(l, "XR", code, strlen(code), err);
            if (rc != SS_OK)
                return rc;
        }
        return SS_OK;
    }
    case SS_F_YEAR: {
        parse_years(v, &lo, &hi);
        for (int y = lo; y <= hi; y++) {
            char t[8];
            int n = snprintf(t, sizeof t, "%d", y);
            ss_code rc = push_term(l, "Y", t, (size_t)n, err);
            if (rc != SS_OK)
                return rc;
        }
        /* the years a passage speaks of: 去年/上年 in a speech of the next
         * year, 明年 in one of the year before */
        ss_code rc = push_relative_years(l, "去年", "上年", lo + 1, hi + 1, err);
        return rc == SS_OK ? push_relative_years(l, "明年", NULL, lo - 1, hi - 1, err) : rc;
    }
    case SS_F_SPEAKER: {
        ss_code rc = push_term(l, "XS", v, strlen(v), err);
        return rc == SS_OK ? push_term(l, "XP", v, strlen(v), err) : rc;
    }
    case SS_F_KIND:
        return push_term(l, "XK", kind_of(v), strlen(kind_of(v)), err);
    case SS_F_TITLE:
        *and_all = 1;
        return each_title_term(ac, v, push_title_term, l, err);
    case SS_F_COUNT:
        break;
    }
    return SS_OK;
}

static ss_code combine_owned(xc_op op, qlist *l, xc_query **out, ss_err *err)
{
    ss_code rc = SS_OK;
    *out = NULL;
    if (l->n == 1) {
        *out = l->v[0];
        l->n = 0;
    } else if (l->n > 1) {
        rc = xc_query_combine(op, l->v, l->n, 0, out, err);
    }
    qlist_free(l);
    return rc;
}

/* OR over the values of one field. */
static ss_code field_query(const ss_filters *f, ss_field field, ss_actx *ac,
                           const ss_gazetteer *g, xc_query **out, ss_err *err)
{
    qlist alts = { .n = 0 };
    ss_code rc = SS_OK;
    for (size_t i = 0; rc == SS_OK && i < f->n; i++) {
        if (f->v[i].field != field)
            continue;
        qlist l = { .n = 0 };
        int and_all;
        xc_query *x = NULL;
        rc = value_terms(&f->v[i], ac, g, &l, &and_all, err);
        if (rc == SS_OK)
            rc = combine_owned(and_all ? XC_OP_AND : XC_OP_OR, &l, &x, err);
        else
            qlist_free(&l);
        if (rc == SS_OK && x && alts.n < sizeof alts.v / sizeof alts.v[0])
            alts.v[alts.n++] = x;
        else
            xc_query_free(x);
    }
    if (rc != SS_OK) {
        qlist_free(&alts);
        return rc;
    }
    return combine_owned(XC_OP_OR, &alts, out, err);
}

ss_code ss_filters_query(const ss_filters *f, ss_actx *ac, const ss_gazetteer *g,
                         xc_query **out, ss_err *err)
{
    qlist fields = { .n = 0 };
    ss_code rc = SS_OK;
    *out = NULL;
    for (int k = 0; rc == SS_OK && k < SS_F_COUNT; k++) {
        xc_query *x = NULL;
        rc = field_query(f, (ss_field)k, ac, g, &x, err);
        if (rc == SS_OK && x)
            fields.v[fields.n++] = x;
    }
    if (rc != SS_OK) {
        qlist_free(&fields);
        return rc;
    }
    return combine_owned(XC_OP_AND, &fields, out, err);
}

/* ---- index side ---- */

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
        ss_code rc = put_term(out, "XR", code, strlen(code), err);
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
    return put_term(arg, "XT", t, n, err);
}

typedef struct {
    strbuf *out;
    const ss_gazetteer *g;
    ss_code rc;
    ss_err *err;
} title_places;

static int on_title_place(void *arg, uint32_t id, size_t start, size_t end)
{
    title_places *tp = arg;
    (void)start;
    (void)end;
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
        title_places tp = { out, g, SS_OK, err };
        rc = ss_gaz_scan(g, sp->title, strlen(sp->title), on_title_place, &tp, err);
        if (rc == SS_OK)
            rc = tp.rc;
    }
    if (rc == SS_OK && sp->date && strlen(sp->date) >= 4)
        rc = put_term(out, "Y", sp->date, 4, err);
    if (rc == SS_OK && sp->speaker)
        rc = put_normalized(out, ac, "XS", sp->speaker, err);
    if (rc == SS_OK && sp->role)
        rc = put_normalized(out, ac, "XP", sp->role, err);
    if (rc == SS_OK && sp->kind)
        rc = put_term(out, "XK", sp->kind, strlen(sp->kind), err);
    if (rc == SS_OK && sp->title)
        rc = each_title_term(ac, sp->title, put_title_term, out, err);
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
