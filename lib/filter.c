/* filter.c: field filters, the query half: parsing region:/year:/...
 * values and the query restricting to them (see filter.h; the terms are
 * written by filter_index.c, with the prefixes of prefix.h). */
#include "filter.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base.h"
#include "prefix.h"
#include "query.h"
#include "record.h"
#include "strbuf.h"
#include "terms.h"

#define MAX_YEARS 200

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
    { "演讲", "speech" }, { "讲话稿", "speech" }, { "讲稿", "speech" }, { "发言稿", "speech" },
    { "讲话材料", "speech" }, { "speeches", "speech" },
    { "report", "report" }, { "报告", "report" }, { "工作报告", "report" },
    { "政府工作报告", "report" }, { "reports", "report" },
    { "article", "article" }, { "news", "article" }, { "新闻", "article" }, { "报道", "article" },
    { "文章", "article" }, { "新闻报道", "article" }, { "articles", "article" },
};

static const char *kind_of(const char *v)
{
    for (size_t i = 0; i < NELEM(kind_names); i++)
        if (strcmp(kind_names[i].name, v) == 0)
            return kind_names[i].kind;
    return NULL;
}

/* Four digits from *p, and a 年 after them if there is one. */
static int four_digits(const char **p, int *y)
{
    const char *s = *p;
    *y = 0;
    for (int k = 0; k < 4; k++, s++) {
        if (*s < '0' || *s > '9')
            return -1;
        *y = *y * 10 + (*s - '0');
    }
    if (*s >= '0' && *s <= '9')
        return -1;
    if (strncmp(s, "年", strlen("年")) == 0) {
        s += strlen("年");
        /* 2019年度, 2019年份: the year */
        if (strncmp(s, "度", strlen("度")) == 0 || strncmp(s, "份", strlen("份")) == 0)
            s += strlen("度");
    }
    *p = s;
    return 0;
}

/* A year (2019, 2019年) or a range of years, its ends joined as they are
 * typed: 2019..2022, 2019-2022, 2019—2022, 2019~2022, 2019至2022,
 * 2019年到2022年. */
static int parse_years(const char *v, int *lo, int *hi)
{
    static const char *const joins[] = { "..", "-", "—", "–", "~", "～", "至", "到" };
    const char *p = v;
    if (four_digits(&p, lo))
        return -1;
    *hi = *lo;
    if (*p) {
        size_t k = 0;
        while (k < NELEM(joins) && strncmp(p, joins[k], strlen(joins[k])) != 0)
            k++;
        if (k == NELEM(joins))
            return -1;
        p += strlen(joins[k]);
        if (four_digits(&p, hi) || *p)
            return -1;
    }
    return *lo <= *hi && *hi - *lo < MAX_YEARS && *lo >= 1000 ? 0 : -1;
}

int ss_year_value_parse(const char *v, int *lo, int *hi)
{
    return parse_years(v, lo, hi);
}

/* Appends the filter field:value, its value normalised. */
static ss_code filter_add(ss_actx *ac, ss_field field, const char *value, ss_filters *f,
                          ss_err *err)
{
    char *norm = NULL;
    ss_code rc = ss_normalize_string(ac, value, strlen(value), &norm, err);
    if (rc != SS_OK)
        return rc;
    int lo, hi;
    if (!*norm || (field == SS_F_YEAR && parse_years(norm, &lo, &hi)) ||
        (field == SS_F_KIND && !kind_of(norm))) {
        rc = ss_seterr(err, SS_EINVAL, "bad %s value: '%s'%s", ss_field_name(field), value,
                       field == SS_F_YEAR   ? " (a year, or YEAR..YEAR, YEAR-YEAR)"
                       : field == SS_F_KIND ? " (speech, report or article)"
                                            : "");
        free(norm);
        return rc;
    }
    if (SS_GROW(f->v, f->n + 1, f->cap, 4) < 0) {
        free(norm);
        return ss_seterr(err, SS_ENOMEM, "out of memory parsing filters");
    }
    if (field == SS_F_YEAR) { /* one written form: "2019" or "2019..2022" */
        char y[32];
        if (lo == hi)
            snprintf(y, sizeof y, "%d", lo);
        else
            snprintf(y, sizeof y, "%d..%d", lo, hi);
        free(norm);
        if (!(norm = strdup(y)))
            return ss_seterr(err, SS_ENOMEM, "out of memory parsing filters");
    }
    f->v[f->n++] = (ss_filter){ field, norm };
    return SS_OK;
}

/* The bytes of a mark that separates listed values at s (len bytes): a
 * comma, full-width or not, or 、; else 0. */
static size_t list_mark(const char *s, size_t len)
{
    if (*s == ',')
        return 1;
    if (len >= 3 && (memcmp(s, "\xef\xbc\x8c", 3) == 0 /* ， */ ||
                     memcmp(s, "\xe3\x80\x81", 3) == 0 /* 、 */))
        return 3;
    return 0;
}

int ss_filter_parse(ss_actx *ac, const char *text, size_t len, ss_filters *f, ss_err *err)
{
    const char *colon = memchr(text, ':', len);
    if (!colon || colon == text)
        return 0;
    size_t nl = (size_t)(colon - text);
    for (int k = 0; k < SS_F_COUNT; k++) {
        if (strlen(field_names[k]) != nl || strncasecmp(field_names[k], text, nl) != 0)
            continue;
        if (nl + 1 >= len) { /* region: with nothing after it */
            ss_seterr(err, SS_EINVAL, "empty %s value (%s:VALUE)", field_names[k], field_names[k]);
            return -1;
        }
        /* a list of values (region:河南,湖北, year:2019，2021, 讲话人:甲、乙):
         * each one more value, any of them holds */
        const char *v = colon + 1, *end = text + len;
        ss_code rc = SS_OK;
        int added = 0;
        while (rc == SS_OK && v < end) {
            const char *e = v;
            size_t sep = 0;
            while (e < end && !(sep = list_mark(e, (size_t)(end - e))))
                e++;
            if (e > v) {
                char *value = strndup(v, (size_t)(e - v));
                if (!value) {
                    ss_seterr(err, SS_ENOMEM, "out of memory parsing filters");
                    return -1;
                }
                rc = filter_add(ac, (ss_field)k, value, f, err);
                free(value);
                added++;
            }
            v = e + sep;
        }
        if (rc == SS_OK && !added) {
            ss_seterr(err, SS_EINVAL, "empty %s value (%s:VALUE)", field_names[k], field_names[k]);
            return -1;
        }
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
ss_code ss_filter_title_terms(ss_actx *ac, const char *text,
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

typedef struct {
    xc_query *v[512]; /* a year range: Y and XY (passage_year.h) for each year */
    size_t n;
} qlist;

static ss_code push_term(qlist *l, const char *prefix, const char *t, size_t tlen, ss_err *err)
{
    char term[SS_MAX_TERM + 1];
    int n = snprintf(term, sizeof term, "%s%.*s", prefix, (int)tlen, t);
    if (n <= 0 || n > SS_MAX_TERM || l->n == NELEM(l->v))
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
        rc = push_term(&years, SS_PREFIX_YEAR, t, (size_t)n, err);
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
    if (rc == SS_OK && x && l->n < NELEM(l->v))
        l->v[l->n++] = x;
    else
        xc_query_free(x);
    return rc;
}

static ss_code push_title_term(void *arg, const char *t, size_t n, ss_err *err)
{
    return push_term(arg, SS_PREFIX_TITLE, t, n, err);
}

/* The speeches a title: value finds, as speech terms (SS_PREFIX_SPEECH +
 * key), end to end in one buffer. */
typedef struct {
    strbuf terms;
    size_t *off;          /* term k: terms.s[off[k], off[k + 1]) */
    size_t n, cap;
    ss_code rc;
    ss_err *err;
} speech_list;

static int on_speech(void *ctx, size_t k, const char *v, size_t len, uint32_t count)
{
    speech_list *l = ctx;
    char term[SS_MAX_TERM + 1];
    (void)k;
    (void)count;
    int n = snprintf(term, sizeof term, "%s%.*s", SS_PREFIX_SPEECH, (int)len, v);
    if (n <= 0 || n > SS_MAX_TERM)
        return 0;
    if (SS_GROW(l->off, l->n + 2, l->cap, 64) < 0 || sb_add(&l->terms, term, (size_t)n) != 0) {
        l->rc = ss_seterr(l->err, SS_ENOMEM, "out of memory resolving a filter");
        return 1;
    }
    if (l->n == 0)
        l->off[0] = 0;
    l->off[++l->n] = l->terms.len;
    return 0;
}

/* The speeches whose head passage heads matches (terms only heads carry,
 * record_write.h), from their keys (SS_SLOT_SPEECH): *out, the query for
 * any passage of those speeches (a term no passage has when there is
 * none).  Thousands of speeches (title:政府工作报告 in a folder of work
 * reports) make one posting source (xc_query_any_term), not an OR of
 * thousands of terms.  heads stays the caller's. */
static ss_code speeches_query(xc_db *db, const xc_query *heads, xc_query **out, ss_err *err)
{
    xc_enquire *e = NULL;
    speech_list sl = { STRBUF_INIT, NULL, 0, 0, SS_OK, err };
    static const unsigned slot[1] = { SS_SLOT_SPEECH };
    const char **terms = NULL;
    size_t *lens = NULL;
    *out = NULL;
    ss_code rc = db ? xc_enquire_new(db, &e, err)
                    : ss_seterr(err, SS_EINVAL, "title: needs the index");
    if (rc == SS_OK)
        rc = xc_enquire_set_query(e, heads, err);
    if (rc == SS_OK)
        rc = xc_enquire_count_values(e, slot, 1, NULL, on_speech, &sl, err);
    if (rc == SS_OK)
        rc = sl.rc;
    if (rc == SS_OK && sl.n == 0) { /* no such speech: a term no passage has */
        rc = xc_query_term(SS_PREFIX_SPEECH, strlen(SS_PREFIX_SPEECH), 1, out, err);
    } else if (rc == SS_OK) {
        terms = malloc(sl.n * sizeof *terms);
        lens = malloc(sl.n * sizeof *lens);
        if (!terms || !lens)
            rc = ss_seterr(err, SS_ENOMEM, "out of memory resolving a filter");
        for (size_t i = 0; rc == SS_OK && i < sl.n; i++) {
            terms[i] = sl.terms.buf + sl.off[i];
            lens[i] = sl.off[i + 1] - sl.off[i];
        }
        if (rc == SS_OK)
            rc = xc_query_any_term(db, terms, lens, sl.n, out, err);
    }
    free(terms);
    free(lens);
    sb_free(&sl.terms);
    free(sl.off);
    xc_enquire_free(e);
    return rc;
}

/* title:v — the speeches whose head holds every title term of v; *out
 * NULL when v has none.  (speaker: is a term on every passage.) */
static ss_code title_query(ss_actx *ac, xc_db *db, const char *v, xc_query **out, ss_err *err)
{
    qlist l = { .n = 0 };
    xc_query *heads = NULL;
    *out = NULL;
    ss_code rc = ss_filter_title_terms(ac, v, push_title_term, &l, err);
    if (rc == SS_OK)
        rc = combine_owned(XC_OP_AND, &l, &heads, err);
    else
        qlist_free(&l);
    if (rc == SS_OK && heads)
        rc = speeches_query(db, heads, out, err);
    xc_query_free(heads);
    return rc;
}

/* The province a one-character short form names (豫: 河南), for region:
 * values only (in text 豫 is also a word of its own). */
static const char *province_of_short(const char *v)
{
    static const char *const pairs[][2] = {
        { "京", "北京" },   { "津", "天津" }, { "冀", "河北" }, { "晋", "山西" }, { "蒙", "内蒙古" },
        { "辽", "辽宁" },   { "吉", "吉林" }, { "黑", "黑龙江" }, { "沪", "上海" }, { "苏", "江苏" },
        { "浙", "浙江" },   { "皖", "安徽" }, { "闽", "福建" }, { "赣", "江西" }, { "鲁", "山东" },
        { "豫", "河南" },   { "鄂", "湖北" }, { "湘", "湖南" }, { "粤", "广东" }, { "桂", "广西" },
        { "琼", "海南" },   { "渝", "重庆" }, { "川", "四川" }, { "蜀", "四川" }, { "黔", "贵州" },
        { "贵", "贵州" },   { "滇", "云南" }, { "云", "云南" }, { "藏", "西藏" }, { "陕", "陕西" },
        { "秦", "陕西" },   { "甘", "甘肃" }, { "陇", "甘肃" }, { "青", "青海" }, { "宁", "宁夏" },
        { "新", "新疆" },   { "台", "台湾" }, { "港", "香港" }, { "澳", "澳门" },
    };
    for (size_t i = 0; i < NELEM(pairs); i++)
        if (strcmp(v, pairs[i][0]) == 0)
            return pairs[i][1];
    return NULL;
}

/* The alternatives one filter value stands for, pushed onto l. */
static ss_code value_terms(const ss_filter *fl, ss_actx *ac, const ss_gazetteer *g, xc_db *db,
                           qlist *l, ss_err *err)
{
    const char *v = fl->value;
    int lo, hi;
    switch (fl->field) {
    case SS_F_REGION: {
        uint32_t ids[16], m[SS_GAZ_MAX_MEMBERS]; /* a group (长三角) stands for its members */
        size_t n = g ? ss_gaz_lookup_area(g, v, strlen(v), ids, 16) : 0;
        const char *prov = n == 0 ? province_of_short(v) : NULL;
        if (prov && g) /* region:豫 */
            n = ss_gaz_lookup_area(g, prov, strlen(prov), ids, 16);
        if (n == 0)
            return ss_seterr(err, SS_EINVAL, "unknown region: '%s'", v);
        for (size_t i = 0; i < n; i++) {
            size_t nm = ss_gaz_members(g, ids[i], m, NELEM(m));
            for (size_t j = 0; j < nm; j++) {
                const char *code = ss_gaz_code(g, m[j]);
                ss_code rc = push_term(l, SS_PREFIX_REGION, code, strlen(code), err);
                if (rc != SS_OK)
                    return rc;
            }
        }
        return SS_OK;
    }
    case SS_F_YEAR: {
        parse_years(v, &lo, &hi);
        for (int y = lo; y <= hi; y++) {
            char t[8];
            int n = snprintf(t, sizeof t, "%d", y);
            ss_code rc = push_term(l, SS_PREFIX_YEAR, t, (size_t)n, err);
            rc = rc == SS_OK ? push_term(l, SS_PREFIX_PASSAGE_YEAR, t, (size_t)n, err) : rc;
            if (rc != SS_OK)
                return rc;
        }
        /* the years a passage speaks of: 去年/上年 in a speech of the next
         * year, 明年 in one of the year before */
        ss_code rc = push_relative_years(l, "去年", "上年", lo + 1, hi + 1, err);
        return rc == SS_OK ? push_relative_years(l, "明年", NULL, lo - 1, hi - 1, err) : rc;
    }
    case SS_F_KIND:
        return push_term(l, SS_PREFIX_KIND, kind_of(v), strlen(kind_of(v)), err);
    case SS_F_SPEAKER: {
        ss_code rc = push_term(l, SS_PREFIX_SPEAKER, v, strlen(v), err);
        return rc == SS_OK ? push_term(l, SS_PREFIX_ROLE, v, strlen(v), err) : rc;
    }
    case SS_F_TITLE: {
        xc_query *x = NULL;
        ss_code rc = title_query(ac, db, v, &x, err);
        if (rc == SS_OK && x && l->n < NELEM(l->v))
            l->v[l->n++] = x;
        else
            xc_query_free(x);
        return rc;
    }
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
                           const ss_gazetteer *g, xc_db *db, xc_query **out, ss_err *err)
{
    qlist alts = { .n = 0 };
    ss_code rc = SS_OK;
    for (size_t i = 0; rc == SS_OK && i < f->n; i++) {
        if (f->v[i].field != field)
            continue;
        qlist l = { .n = 0 };
        xc_query *x = NULL;
        rc = value_terms(&f->v[i], ac, g, db, &l, err);
        if (rc == SS_OK)
            rc = combine_owned(XC_OP_OR, &l, &x, err);
        else
            qlist_free(&l);
        if (rc == SS_OK && x && alts.n < NELEM(alts.v))
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

ss_code ss_filters_query(const ss_filters *f, ss_actx *ac, const ss_gazetteer *g, xc_db *db,
                         xc_query **out, ss_err *err)
{
    qlist fields = { .n = 0 };
    ss_code rc = SS_OK;
    *out = NULL;
    for (int k = 0; rc == SS_OK && k < SS_F_COUNT; k++) {
        xc_query *x = NULL;
        rc = field_query(f, (ss_field)k, ac, g, db, &x, err);
        if (rc == SS_OK && x)
            fields.v[fields.n++] = x;
    }
    if (rc != SS_OK) {
        qlist_free(&fields);
        return rc;
    }
    return combine_owned(XC_OP_AND, &fields, out, err);
}
