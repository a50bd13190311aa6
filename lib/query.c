/* query.c: query parsing, units, Xapian query building, highlights
 * (see query.h). */
#include "query.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "filter.h"
#include "strbuf.h"
#include "terms.h"
#include "utf8.h"

#define UNIT_MAX_ATOMS 48
#define MAX_PIECES_ITEM 256
/* Ranking factors (ss_query_judge multiplies Xapian's BM25 weight by
 * 1 + the sum of those that apply). */
#define NEAR_WINDOW 24       /* positions: about a sentence */
#define PAIR_WINDOW 6        /* question: neighbouring units this close */
#define W_WHOLE 1.0          /* a multi-word item stands together */
#define W_NEAR 0.5           /* all units within NEAR_WINDOW */
#define W_PAIR 0.5           /* question: neighbouring units close together */
#define W_WORD 0.3           /* Xapian: a dictionary word or slogan term */
#define SINGLE_MAX_TERMS 1000 /* one-character query: bigrams it may begin */

typedef struct {
    uint16_t off, len; /* text in unit.text */
    uint8_t kind;
    uint32_t rpos;     /* position relative to the unit's first atom */
} uatom;

typedef struct {
    char *text;        /* atom texts, concatenated */
    uatom *a;
    size_t n;
    double idf;        /* log(N / df) of its rarest term, set by ss_query_build */
} unit;

typedef struct {
    int negated, quoted;
    size_t u0, u1;     /* its units: q->units[u0, u1) */
    size_t whole;      /* unit of the whole item, or SIZE_MAX if it has one unit */
    int must_whole;    /* the index knows the whole item as one word: it must stand together */
} item;

struct ss_query {
    unit *units;
    size_t nunits, capunits;
    item *items;
    size_t nitems, capitems;
    int *or_next;      /* or_next[i]: item i is OR'ed with item i+1 */
    int natural;
    char *understood;
    ss_filters filters;            /* region:, year:, ... */
    const ss_gazetteer *gaz;       /* resolves region filters (not owned) */
    ss_actx *ac;                   /* the parser's analysis context (not owned) */
};

static const char *const stopwords[] = {
    "的", "地", "得", "了", "着", "过", "和", "与", "及", "或", "在", "是", "对", "把", "被",
    "从", "以", "为", "等", "之", "其", "这", "那", "也", "都", "就", "将", "并", "而",
    "如何", "怎样", "怎么", "怎么样", "什么", "哪些", "哪里", "为什么", "为何", "是否",
    "吗", "呢", "啊", "吧", "有关", "关于", "方面", "有哪些", "怎样才能", "如何才能", "谁",
};
static const char *const question_words[] = {
    "如何", "怎样", "怎么", "什么", "哪些", "为什么", "为何", "是否", "吗", "呢", "?", "谁",
};

static int in_list(const char *const *list, size_t n, const char *s, size_t len)
{
    for (size_t i = 0; i < n; i++)
        if (strlen(list[i]) == len && memcmp(list[i], s, len) == 0)
            return 1;
    return 0;
}
#define IN(list, s, len) in_list(list, sizeof list / sizeof list[0], s, len)

static void unit_free(unit *u)
{
    free(u->text);
    free(u->a);
}

void ss_query_free(ss_query *q)
{
    if (!q)
        return;
    for (size_t i = 0; i < q->nunits; i++)
        unit_free(&q->units[i]);
    free(q->units);
    free(q->items);
    free(q->or_next);
    free(q->understood);
    ss_filters_free(&q->filters);
    free(q);
}

int ss_query_is_natural(const ss_query *q)
{
    return q->natural;
}

int ss_query_has_text(const ss_query *q)
{
    for (size_t i = 0; i < q->nitems; i++)
        if (!q->items[i].negated && q->items[i].u1 > q->items[i].u0)
            return 1;
    return 0;
}

size_t ss_query_filter_count(const ss_query *q)
{
    return q->filters.n;
}

int ss_query_needs_places(const ss_query *q)
{
    for (size_t i = 0; i < q->filters.n; i++)
        if (q->filters.v[i].field == SS_F_REGION)
            return 1;
    return 0;
}

void ss_query_set_gazetteer(ss_query *q, const ss_gazetteer *g)
{
    q->gaz = g;
}

int ss_query_is_empty(const ss_query *q)
{
    if (q->filters.n)
        return 0;
    for (size_t i = 0; i < q->nitems; i++)
        if (!q->items[i].negated && q->items[i].u1 > q->items[i].u0)
            return 0;
    return 1;
}

const char *ss_query_understood(const ss_query *q)
{
    return q->understood ? q->understood : "";
}

/* ---- units from an analysis ---- */

/* Appends the unit made of atoms [first, last] of an. */
static ss_code add_unit(ss_query *q, const ss_analysis *an, size_t first, size_t last,
                        ss_err *err)
{
    if (last - first + 1 > UNIT_MAX_ATOMS)
        last = first + UNIT_MAX_ATOMS - 1;
    if (q->nunits == q->capunits) {
        size_t cap = q->capunits ? q->capunits * 2 : 16;
        unit *v = realloc(q->units, cap * sizeof *v);
        if (!v)
            return ss_seterr(err, SS_ENOMEM, "out of memory parsing query");
        q->units = v;
        q->capunits = cap;
    }
    unit *u = &q->units[q->nunits];
    size_t n = last - first + 1, bytes = 0;
    for (size_t k = first; k <= last; k++)
        bytes += an->atoms[k].normlen;
    u->text = malloc(bytes + 1);
    u->a = malloc(n * sizeof *u->a);
    if (!u->text || !u->a) {
        unit_free(u);
        return ss_seterr(err, SS_ENOMEM, "out of memory parsing query");
    }
    size_t off = 0;
    for (size_t k = first; k <= last; k++) {
        const ss_atom *at = &an->atoms[k];
        memcpy(u->text + off, an->norm + at->norm, at->normlen);
        u->a[k - first] = (uatom){ (uint16_t)off, at->normlen, at->kind,
                                   at->pos - an->atoms[first].pos };
        off += at->normlen;
    }
    u->text[off] = '\0';
    u->n = n;
    u->idf = 1.0;
    q->nunits++;
    return SS_OK;
}

/* Pieces of an unquoted item: segmenter words over Han atoms, single
 * ASCII atoms, symbols glued to what precedes them. */
typedef struct {
    uint32_t first, last;
    int single_han;   /* one Han character */
    int stop;         /* function word */
    int has_core;     /* a word with a character glued to it: */
    uint32_t core_first, core_last; /* the word alone */
} piece;

static size_t make_pieces(const ss_analysis *an, piece *pc, size_t max)
{
    size_t np = 0, w = 0;
    for (size_t i = 0; i < an->natoms && np < max;) {
        const ss_atom *at = &an->atoms[i];
        if (at->kind == SS_ATOM_SYM && np > 0 && !at->flags) {
            pc[np - 1].last = (uint32_t)i++;
            pc[np - 1].single_han = 0;
            continue;
        }
        uint32_t last = (uint32_t)i;
        if (at->kind == SS_ATOM_HAN) {
            while (w < an->nwords && (an->words[w].slogan || an->words[w].first < i))
                w++;
            if (w < an->nwords && an->words[w].first == i)
                last = an->words[w].last;
        }
        const char *t = an->norm + at->norm;
        size_t tl = an->atoms[last].norm + an->atoms[last].normlen - at->norm;
        pc[np++] = (piece){ (uint32_t)i, last, at->kind == SS_ATOM_HAN && last == i,
                            IN(stopwords, t, tl), 0, 0, 0 };
        i = last + 1;
    }
    return np;
}

/* Whether the query (all items' text) reads as a question. */
static int looks_natural(const ss_analysis *an, const piece *pc, size_t np)
{
    size_t content = 0, han = 0;
    for (size_t i = 0; i < np; i++) {
        const ss_atom *at = &an->atoms[pc[i].first];
        size_t tl = an->atoms[pc[i].last].norm + an->atoms[pc[i].last].normlen - at->norm;
        if (IN(question_words, an->norm + at->norm, tl))
            return 1;
        content += !pc[i].stop && !pc[i].single_han;
        han += pc[i].last - pc[i].first + 1;
    }
    return content >= 4 && han >= 8;
}

/* 1 when piece b follows piece a with nothing between them. */
static int adjacent(const ss_analysis *an, const piece *a, const piece *b)
{
    return b->first == a->last + 1 && an->atoms[b->first].flags == 0;
}

/* Units of an unquoted item: the pieces, with function words dropped from
 * a question and every single character joined to the piece it stands
 * against (六|新|项目 -> 六新 | 项目; 楼|阳生 -> 楼阳生; 集聚|区 ->
 * 集聚区): a lone character is rarely a unit of meaning, and what the user
 * typed together stays together. */
static ss_code item_units(ss_query *q, const ss_analysis *an, const piece *pc, size_t np,
                          int natural, ss_err *err)
{
    piece m[MAX_PIECES_ITEM];
    size_t nm = 0;
    for (size_t i = 0; i < np && nm < MAX_PIECES_ITEM; i++) {
        if (natural && pc[i].stop)
            continue;
        piece *prev = nm ? &m[nm - 1] : NULL;
        if (prev && adjacent(an, prev, &pc[i]) && (prev->single_han || pc[i].single_han)) {
            if (!prev->has_core && prev->single_han != pc[i].single_han) {
                const piece *word = prev->single_han ? &pc[i] : prev;
                prev->core_first = word->first;
                prev->core_last = word->last;
                prev->has_core = 1;
            }
            prev->last = pc[i].last;
            prev->single_han = 0;
            continue;
        }
        m[nm++] = pc[i];
    }
    for (size_t i = 0; i < nm; i++) {
        ss_code rc = add_unit(q, an, m[i].first, m[i].last, err);
        /* a question also counts the word without its character: 落地难 ->
         * 落地 too, for the passages that say it another way */
        if (rc == SS_OK && natural && m[i].has_core)
            rc = add_unit(q, an, m[i].core_first, m[i].core_last, err);
        if (rc != SS_OK)
            return rc;
    }
    return SS_OK;
}

/* ---- parsing ---- */

static int is_space_at(const char *s, size_t len, size_t i, size_t *next)
{
    size_t k = i;
    uint32_t cp = utf8_next(s, len, &k);
    *next = k;
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x3000;
}

static int quote_at(const char *s, size_t len, size_t i, size_t *next, int closing)
{
    size_t k = i;
    uint32_t cp = utf8_next(s, len, &k);
    *next = k;
    return cp == '"' || cp == (closing ? 0x201D : 0x201C) || (closing && cp == 0x201C);
}

static ss_code push_item(ss_query *q, item it, ss_err *err)
{
    if (q->nitems == q->capitems) {
        size_t cap = q->capitems ? q->capitems * 2 : 8;
        item *v = realloc(q->items, cap * sizeof *v);
        int *o = realloc(q->or_next, cap * sizeof *o);
        if (v)
            q->items = v;
        if (o)
            q->or_next = o;
        if (!v || !o)
            return ss_seterr(err, SS_ENOMEM, "out of memory parsing query");
        q->capitems = cap;
    }
    q->or_next[q->nitems] = 0;
    q->items[q->nitems++] = it;
    return SS_OK;
}

typedef struct {
    size_t s, e;
    int negated, quoted, is_or;
} raw_item;

/* Splits the query text into raw items. */
static size_t split_items(const char *s, size_t len, raw_item *out, size_t max)
{
    size_t i = 0, n = 0, nx;
    while (i < len && n < max) {
        if (is_space_at(s, len, i, &nx)) {
            i = nx;
            continue;
        }
        raw_item r = { 0, 0, 0, 0, 0 };
        if (s[i] == '-' && i + 1 < len && !is_space_at(s, len, i + 1, &nx)) {
            r.negated = 1;
            i++;
        }
        if (quote_at(s, len, i, &nx, 0)) {
            r.quoted = 1;
            r.s = i = nx;
            while (i < len && !quote_at(s, len, i, &nx, 1))
                i = nx;
            r.e = i;
            if (i < len)
                i = nx;
        } else {
            r.s = i;
            while (i < len && !is_space_at(s, len, i, &nx))
                i = nx;
            r.e = i;
            r.is_or = !r.negated && r.e - r.s == 2 && memcmp(s + r.s, "OR", 2) == 0;
        }
        out[n++] = r;
    }
    return n;
}

#define MAX_ITEMS 32
#define MAX_PIECES 256

static ss_code parse_item(ss_query *q, ss_actx *ac, const char *s, const raw_item *r,
                          int natural, ss_err *err)
{
    ss_analysis an;
    ss_code rc = ss_analyze(ac, s + r->s, r->e - r->s, &an, err);
    if (rc != SS_OK)
        return rc;
    item it = { r->negated, r->quoted, q->nunits, q->nunits, SIZE_MAX, 0 };
    if (an.natoms == 0)
        return SS_OK;
    if (r->quoted) {
        rc = add_unit(q, &an, 0, an.natoms - 1, err);
    } else {
        piece pc[MAX_PIECES];
        size_t np = make_pieces(&an, pc, MAX_PIECES);
        rc = item_units(q, &an, pc, np, natural && !r->negated, err);
        if (rc == SS_OK && q->nunits - it.u0 > 1) {
            it.u1 = q->nunits;
            rc = add_unit(q, &an, 0, an.natoms - 1, err);
            it.whole = q->nunits - 1;
            if (rc == SS_OK)
                return push_item(q, it, err);
        }
    }
    it.u1 = q->nunits;
    return rc == SS_OK ? push_item(q, it, err) : rc;
}

/* 1 when an item has the form of a filter (name:value with a known name). */
static int is_filter(const char *s, size_t len)
{
    const char *colon = memchr(s, ':', len);
    if (!colon)
        return 0;
    for (int k = 0; k < SS_F_COUNT; k++) {
        const char *name = ss_field_name((ss_field)k);
        if (strlen(name) == (size_t)(colon - s) && strncasecmp(name, s, strlen(name)) == 0)
            return 1;
    }
    return 0;
}

/* Decides keyword or natural language from all positive unquoted text. */
static ss_code detect_natural(ss_actx *ac, const char *s, const raw_item *r, size_t n,
                              int *natural, ss_err *err)
{
    strbuf sb = STRBUF_INIT;
    size_t items = 0;
    for (size_t i = 0; i < n; i++) {
        if (r[i].negated || r[i].quoted || r[i].is_or || is_filter(s + r[i].s, r[i].e - r[i].s))
            continue;
        items++;
        if (sb_add(&sb, s + r[i].s, r[i].e - r[i].s) || sb_addc(&sb, ' ')) {
            sb_free(&sb);
            return ss_seterr(err, SS_ENOMEM, "out of memory parsing query");
        }
    }
    *natural = 0;
    if (items && sb.len) {
        ss_analysis an;
        ss_code rc = ss_analyze(ac, sb.buf, sb.len, &an, err);
        if (rc != SS_OK) {
            sb_free(&sb);
            return rc;
        }
        piece pc[MAX_PIECES];
        size_t np = make_pieces(&an, pc, MAX_PIECES);
        *natural = looks_natural(&an, pc, np) || memchr(sb.buf, '?', sb.len) ||
                   strstr(sb.buf, "？") != NULL;
    }
    sb_free(&sb);
    return SS_OK;
}

static ss_code describe(ss_query *q, ss_err *err)
{
    strbuf sb = STRBUF_INIT;
    int ok = 1;
    for (size_t i = 0; i < q->nitems && ok; i++) {
        const item *it = &q->items[i];
        if (i)
            ok = sb_adds(&sb, q->or_next[i - 1] ? " OR " : (q->natural ? " | " : " ")) == 0;
        if (it->negated)
            ok = ok && sb_addc(&sb, '-') == 0;
        if (it->quoted)
            ok = ok && sb_addc(&sb, '"') == 0;
        for (size_t u = it->u0; ok && u < it->u1; u++) {
            if (u > it->u0)
                ok = sb_addc(&sb, q->natural ? '|' : '+') == 0;
            ok = ok && sb_adds(&sb, q->units[u].text) == 0;
        }
        if (it->quoted)
            ok = ok && sb_addc(&sb, '"') == 0;
    }
    for (size_t i = 0; ok && i < q->filters.n; i++)
        ok = sb_addf(&sb, "%s%s:%s", sb.len ? " " : "", ss_field_name(q->filters.v[i].field),
                     q->filters.v[i].value) == 0;
    if (!ok || !(q->understood = sb_detach(&sb, NULL))) {
        sb_free(&sb);
        return ss_seterr(err, SS_ENOMEM, "out of memory parsing query");
    }
    return SS_OK;
}

ss_code ss_query_parse(ss_actx *ac, const char *text, ss_query **out, ss_err *err)
{
    ss_query *q = calloc(1, sizeof *q);
    if (!q)
        return ss_seterr(err, SS_ENOMEM, "out of memory parsing query");
    q->ac = ac;
    size_t len = strlen(text);
    raw_item r[MAX_ITEMS];
    size_t n = split_items(text, len, r, MAX_ITEMS);
    ss_code rc = detect_natural(ac, text, r, n, &q->natural, err);
    int pending_or = 0;
    for (size_t i = 0; rc == SS_OK && i < n; i++) {
        if (r[i].is_or) {
            pending_or = q->nitems > 0;
            continue;
        }
        if (!r[i].quoted && !r[i].negated) {
            int f = ss_filter_parse(ac, text + r[i].s, r[i].e - r[i].s, &q->filters, err);
            if (f < 0)
                rc = err ? err->code : SS_EINVAL;
            if (f != 0)
                continue;
        }
        size_t before = q->nitems;
        rc = parse_item(q, ac, text, &r[i], q->natural, err);
        if (rc == SS_OK && q->nitems > before && pending_or && before > 0)
            q->or_next[before - 1] = 1;
        pending_or = 0;
    }
    if (rc == SS_OK)
        rc = describe(q, err);
    if (rc != SS_OK) {
        ss_query_free(q);
        return rc;
    }
    *out = q;
    return SS_OK;
}


static int span_cmp_fn(const void *a, const void *b)
{
    const ss_span *x = a, *y = b;
    return x->start < y->start ? -1 : x->start > y->start ? 1 : 0;
}

/* ---- building ---- */

/* A small owner of xc_query handles, freed together. */
typedef struct {
    xc_query *v[1024];
    size_t n;
} qpool;

static xc_query *keep(qpool *p, xc_query *x)
{
    if (x && p->n < sizeof p->v / sizeof p->v[0])
        p->v[p->n++] = x;
    else if (x) {
        xc_query_free(x);
        x = NULL;
    }
    return x;
}

static void pool_free(qpool *p)
{
    for (size_t i = 0; i < p->n; i++)
        xc_query_free(p->v[i]);
    p->n = 0;
}

static xc_query *term_q(qpool *p, const char *t, size_t len, ss_err *err)
{
    xc_query *x = NULL;
    return xc_query_term(t, len, 1, &x, err) == SS_OK ? keep(p, x) : NULL;
}

static xc_query *combine(qpool *p, xc_op op, xc_query **subs, size_t n, unsigned window,
                         ss_err *err)
{
    if (n == 0)
        return NULL;
    if (n == 1)
        return subs[0];
    xc_query *x = NULL;
    return xc_query_combine(op, subs, n, window, &x, err) == SS_OK ? keep(p, x) : NULL;
}

static xc_query *scale(qpool *p, xc_query *q, double f, ss_err *err)
{
    xc_query *x = NULL;
    if (!q)
        return NULL;
    return xc_query_scale(q, f, &x, err) == SS_OK ? keep(p, x) : NULL;
}

typedef struct {
    qpool *p;
    xc_query *subs[SINGLE_MAX_TERMS];
    size_t n;
    ss_err *err;
} single_ctx;

static int add_single(void *arg, const char *term, size_t len, uint32_t tf)
{
    single_ctx *c = arg;
    (void)tf;
    xc_query *t = term_q(c->p, term, len, c->err);
    if (t)
        c->subs[c->n++] = t;
    return c->n == SINGLE_MAX_TERMS;
}

/* A lone Han character: any of the terms that begin with it. */
static xc_query *single_q(qpool *p, const char *ch, size_t len, xc_db *db, ss_err *err)
{
    single_ctx *c = calloc(1, sizeof *c);
    if (!c) {
        ss_seterr(err, SS_ENOMEM, "out of memory building query");
        return NULL;
    }
    c->p = p;
    c->err = err;
    char prefix[8];
    memcpy(prefix, ch, len);
    prefix[len] = '\0';
    if (db)
        xc_db_each_term(db, prefix, add_single, c, NULL);
    /* OR, not SYNONYM: a synonym's statistics are estimated per shard,
     * which would make sharded and single indexes rank differently */
    xc_query *x = c->n ? combine(p, XC_OP_OR, c->subs, c->n, 0, err)
                       : term_q(p, ch, len, err); /* matches nothing, says so */
    free(c);
    return x;
}

/* The query for a unit: every bigram and token of it (whether they stand
 * together is checked by ss_query_judge). */
static xc_query *unit_q(qpool *p, const unit *u, xc_db *db, ss_err *err)
{
    xc_query *t[UNIT_MAX_ATOMS];
    const char *seen[UNIT_MAX_ATOMS];
    size_t seenlen[UNIT_MAX_ATOMS], n = 0;
    for (size_t i = 0; i < u->n; i++) {
        const uatom *a = &u->a[i];
        int next_han = i + 1 < u->n && u->a[i + 1].kind == SS_ATOM_HAN &&
                       u->a[i + 1].rpos == a->rpos + 1;
        int prev_han = i > 0 && u->a[i - 1].kind == SS_ATOM_HAN &&
                       u->a[i - 1].rpos + 1 == a->rpos;
        const char *s = u->text + a->off;
        size_t len = a->len;
        if (a->kind == SS_ATOM_HAN && next_han)
            len += u->a[i + 1].len;
        else if (a->kind == SS_ATOM_HAN && prev_han)
            continue; /* covered by the bigram before it */
        int dup = 0;
        for (size_t k = 0; k < n && !dup; k++)
            dup = seenlen[k] == len && memcmp(seen[k], s, len) == 0;
        if (dup)
            continue;
        xc_query *x = a->kind == SS_ATOM_HAN && !next_han ? single_q(p, s, len, db, err)
                                                          : term_q(p, s, len, err);
        if (!x)
            return NULL;
        seen[n] = s;
        seenlen[n] = len;
        t[n++] = x;
    }
    return combine(p, XC_OP_AND, t, n, 0, err);
}

/* How rare a unit is: log(N / df) of its rarest bigram or token (a
 * unit's passages are a subset of each of its terms').  1 without a
 * database or when the term is unknown. */
static double unit_idf(const unit *u, xc_db *db)
{
    uint32_t n = 0, best = UINT32_MAX;
    if (!db || xc_db_doccount(db, &n, NULL) != SS_OK || n == 0)
        return 1.0;
    for (size_t i = 0; i < u->n; i++) {
        const uatom *a = &u->a[i];
        size_t len = a->len;
        if (a->kind == SS_ATOM_HAN) {
            if (i + 1 >= u->n || u->a[i + 1].kind != SS_ATOM_HAN || u->a[i + 1].rpos != a->rpos + 1)
                continue;
            len += u->a[i + 1].len;
        }
        char t[SS_MAX_TERM + 1];
        if (len > SS_MAX_TERM)
            continue;
        memcpy(t, u->text + a->off, len);
        t[len] = '\0';
        uint32_t df = 0;
        if (xc_db_termfreq(db, t, &df, NULL) == SS_OK && df > 0 && df < best)
            best = df;
    }
    if (best == UINT32_MAX)
        return 1.0;
    double idf = log((double)n / best);
    return idf > 0.1 ? idf : 0.1;
}

/* 1 when the unit is one word of three or more Han characters that the
 * index holds as a term (a dictionary word or a quoted slogan). */
static int is_word(const unit *u, xc_db *db)
{
    if (u->n < 3 || !db)
        return 0;
    for (size_t i = 0; i < u->n; i++)
        if (u->a[i].kind != SS_ATOM_HAN || u->a[i].rpos != i)
            return 0;
    uint32_t tf = 0;
    return xc_db_termfreq(db, u->text, &tf, NULL) == SS_OK && tf > 0;
}

/* An item's query: all its units (keyword) or any (natural). */
static xc_query *item_q(qpool *p, const ss_query *q, const item *it, int any, xc_db *db,
                        ss_err *err)
{
    if (it->must_whole)
        return unit_q(p, &q->units[it->whole], db, err);
    xc_query *subs[MAX_PIECES];
    size_t n = 0;
    for (size_t u = it->u0; u < it->u1 && n < MAX_PIECES; u++) {
        xc_query *x = unit_q(p, &q->units[u], db, err);
        if (!x)
            return NULL;
        subs[n++] = x;
    }
    return combine(p, any ? XC_OP_OR : XC_OP_AND, subs, n, 0, err);
}

/* Word terms of the query's units and whole items, to rank passages where
 * the segmenter found the same words a little higher. */
static size_t word_boosts(qpool *p, const ss_query *q, xc_db *db, xc_query **b, size_t max,
                          ss_err *err)
{
    size_t nb = 0;
    for (size_t i = 0; i < q->nitems; i++) {
        const item *it = &q->items[i];
        size_t end = it->whole != SIZE_MAX ? it->whole + 1 : it->u1;
        for (size_t u = it->u0; !it->negated && u < end && nb < max; u++) {
            const unit *un = &q->units[u];
            if (!is_word(un, db))
                continue;
            xc_query *w = scale(p, term_q(p, un->text, strlen(un->text), err), W_WORD, err);
            if (w)
                b[nb++] = w;
        }
    }
    return nb;
}

/* Keyword: AND of OR-groups.  Natural: OR of everything positive. */
static xc_query *match_q(qpool *p, const ss_query *q, xc_db *db, ss_err *err)
{
    xc_query *groups[MAX_ITEMS], *alts[MAX_ITEMS];
    size_t ng = 0, na = 0;
    for (size_t i = 0; i < q->nitems; i++) {
        const item *it = &q->items[i];
        if (it->negated)
            continue;
        xc_query *x = item_q(p, q, it, q->natural, db, err);
        if (!x)
            continue;
        alts[na++] = x;
        if (!q->or_next[i] || i + 1 == q->nitems) {
            groups[ng++] = combine(p, XC_OP_OR, alts, na, 0, err);
            na = 0;
        }
    }
    if (na)
        groups[ng++] = combine(p, XC_OP_OR, alts, na, 0, err);
    return combine(p, q->natural ? XC_OP_OR : XC_OP_AND, groups, ng, 0, err);
}

/* Excluded items that are one term are excluded by Xapian; the others,
 * which need their characters together, by ss_query_judge. */
static xc_query *exclude(qpool *p, const ss_query *q, xc_query *m, xc_db *db, ss_err *err)
{
    for (size_t i = 0; m && i < q->nitems; i++) {
        const item *it = &q->items[i];
        if (!it->negated || it->u1 == it->u0)
            continue;
        const unit *u = &q->units[it->whole != SIZE_MAX ? it->whole : it->u0];
        int one_term = u->n == 1 ? u->a[0].kind != SS_ATOM_HAN
                                 : u->n == 2 && u->a[0].kind == SS_ATOM_HAN &&
                                       u->a[1].kind == SS_ATOM_HAN && u->a[1].rpos == 1;
        if (!one_term)
            continue;
        xc_query *pair[2] = { m, unit_q(p, u, db, err) };
        if (pair[1])
            m = combine(p, XC_OP_AND_NOT, pair, 2, 0, err);
    }
    return m;
}

ss_code ss_query_build(ss_query *q, xc_db *db, xc_query **out, ss_err *err)
{
    qpool *p = calloc(1, sizeof *p);
    if (!p)
        return ss_seterr(err, SS_ENOMEM, "out of memory building query");
    ss_clearerr(err);
    for (size_t i = 0; i < q->nitems; i++) {
        item *it = &q->items[i];
        it->must_whole = !q->natural && it->whole != SIZE_MAX && is_word(&q->units[it->whole], db);
    }
    for (size_t u = 0; u < q->nunits; u++)
        q->units[u].idf = unit_idf(&q->units[u], db);
    xc_query *m = match_q(p, q, db, err);
    xc_query *b[64];
    size_t nb = m ? word_boosts(p, q, db, b, 64, err) : 0;
    if (m && nb) {
        xc_query *pair[2] = { m, combine(p, XC_OP_OR, b, nb, 0, err) };
        m = pair[1] ? combine(p, XC_OP_AND_MAYBE, pair, 2, 0, err) : m;
    }
    if (!m && q->filters.n && !ss_query_has_text(q)) {
        xc_query *all = NULL;
        if (xc_query_match_all(&all, err) == SS_OK)
            m = keep(p, all);
    }
    m = exclude(p, q, m, db, err);
    if (m && q->filters.n) {
        xc_query *fq = NULL;
        if (ss_filters_query(&q->filters, q->ac, q->gaz, &fq, err) == SS_OK && fq) {
            xc_query *pair[2] = { m, keep(p, fq) };
            m = pair[1] ? combine(p, XC_OP_FILTER, pair, 2, 0, err) : NULL;
        } else if (!err || err->code != SS_OK) {
            m = NULL;
        }
    }
    ss_code rc = SS_OK;
    if (err && err->code != SS_OK)
        rc = err->code;
    else if (!m)
        rc = ss_seterr(err, SS_EINVAL, "query has nothing to search for");
    else if (xc_query_scale(m, 1.0, out, err) != SS_OK) /* a copy the caller owns */
        rc = err ? err->code : SS_EXAPIAN;
    pool_free(p);
    free(p);
    return rc;
}

/* ---- judging a passage ---- */

static int unit_at(const unit *u, const ss_analysis *an, size_t i)
{
    if (i + u->n > an->natoms)
        return 0;
    uint32_t p0 = an->atoms[i].pos;
    for (size_t k = 0; k < u->n; k++) {
        const ss_atom *at = &an->atoms[i + k];
        if (at->pos - p0 != u->a[k].rpos || at->normlen != u->a[k].len ||
            memcmp(an->norm + at->norm, u->text + u->a[k].off, at->normlen) != 0)
            return 0;
    }
    return 1;
}

#define MAX_OCC 4096

/* Where the query's units stand in one passage. */
typedef struct {
    uint32_t *count;       /* occurrences per unit */
    struct occ {
        uint32_t pos, end; /* positions of first and last atom */
        uint32_t unit;
        uint32_t atom;     /* index of its first atom */
    } *v;
    size_t n;
} occs;

static int occ_cmp(const void *a, const void *b)
{
    const struct occ *x = a, *y = b;
    return x->pos != y->pos ? (x->pos < y->pos ? -1 : 1) : (x->unit < y->unit ? -1 : 1);
}

static ss_code find_occs(const ss_query *q, const ss_analysis *an, occs *o, ss_err *err)
{
    o->count = calloc(q->nunits ? q->nunits : 1, sizeof *o->count);
    o->v = malloc(MAX_OCC * sizeof *o->v);
    o->n = 0;
    if (!o->count || !o->v)
        return ss_seterr(err, SS_ENOMEM, "out of memory ranking");
    for (size_t u = 0; u < q->nunits; u++) {
        const unit *un = &q->units[u];
        for (size_t a = 0; a < an->natoms; a++) {
            if (!unit_at(un, an, a))
                continue;
            o->count[u]++;
            if (o->n < MAX_OCC)
                o->v[o->n++] = (struct occ){ an->atoms[a].pos, an->atoms[a + un->n - 1].pos,
                                             (uint32_t)u, (uint32_t)a };
        }
    }
    qsort(o->v, o->n, sizeof *o->v, occ_cmp);
    return SS_OK;
}

static void occs_free(occs *o)
{
    free(o->count);
    free(o->v);
}

static int item_present(const ss_query *q, const item *it, const occs *o)
{
    if (it->whole != SIZE_MAX && (it->must_whole || it->quoted))
        return o->count[it->whole] > 0;
    if (it->u1 == it->u0)
        return 1;
    for (size_t u = it->u0; u < it->u1; u++)
        if (!o->count[u])
            return 0;
    (void)q;
    return 1;
}

/* Keyword queries: every group (items joined by OR) present, no excluded
 * item present. */
static int keyword_match(const ss_query *q, const occs *o)
{
    int group_ok = 0;
    for (size_t i = 0; i < q->nitems; i++) {
        const item *it = &q->items[i];
        if (it->negated) { /* excluded where it stands as written */
            size_t u = it->whole != SIZE_MAX ? it->whole : it->u0;
            if (it->u1 > it->u0 && o->count[u])
                return 0;
            continue;
        }
        int present = item_present(q, it, o);
        group_ok |= present;
        if (!q->or_next[i] || i + 1 == q->nitems) {
            if (!group_ok)
                return 0;
            group_ok = 0;
        }
    }
    return 1;
}

static int wanted_unit(const ss_query *q, size_t u)
{
    for (size_t i = 0; i < q->nitems; i++) {
        const item *it = &q->items[i];
        if (u >= it->u0 && u < it->u1)
            return !it->negated;
    }
    return 0; /* a whole-item unit */
}

/* The shortest span (in positions) holding one occurrence of every wanted
 * unit present (UINT32_MAX if none), and the most distinct wanted units
 * standing within window positions. */
static void proximity(const ss_query *q, const occs *o, uint32_t window, uint32_t *span,
                      size_t *best)
{
    uint32_t seen[MAX_PIECES] = { 0 }, seen2[MAX_PIECES] = { 0 };
    size_t present = 0, distinct = 0, distinct2 = 0, lo = 0, lo2 = 0;
    for (size_t u = 0; u < q->nunits && u < MAX_PIECES; u++)
        present += wanted_unit(q, u) && o->count[u];
    *span = UINT32_MAX;
    *best = 0;
    for (size_t hi = 0; hi < o->n; hi++) {
        uint32_t u = o->v[hi].unit;
        if (u >= MAX_PIECES || !wanted_unit(q, u))
            continue;
        distinct += seen[u]++ == 0;
        distinct2 += seen2[u]++ == 0;
        /* shortest cover: drop leading occurrences that are not needed */
        while (lo < hi) {
            uint32_t lu = o->v[lo].unit;
            int wanted = lu < MAX_PIECES && wanted_unit(q, lu);
            if (wanted && seen[lu] == 1)
                break;
            if (wanted)
                seen[lu]--;
            lo++;
        }
        if (distinct == present && o->v[hi].end - o->v[lo].pos + 1 < *span)
            *span = o->v[hi].end - o->v[lo].pos + 1;
        /* fixed window: drop occurrences that start too far back */
        while (lo2 < hi && o->v[hi].end - o->v[lo2].pos + 1 > window) {
            uint32_t lu = o->v[lo2].unit;
            if (lu < MAX_PIECES && wanted_unit(q, lu) && --seen2[lu] == 0)
                distinct2--;
            lo2++;
        }
        if (distinct2 > *best)
            *best = distinct2;
    }
}

/* Share of neighbouring units of a question found close together. */
static double pairs_near(const ss_query *q, const occs *o)
{
    size_t pairs = 0, found = 0;
    for (size_t i = 0; i < q->nitems; i++) {
        const item *it = &q->items[i];
        for (size_t u = it->u0; !it->negated && u + 1 < it->u1; u++) {
            pairs++;
            int ok = 0;
            for (size_t a = 0; a < o->n && !ok; a++) {
                if (o->v[a].unit != u)
                    continue;
                for (size_t b = 0; b < o->n && !ok; b++)
                    ok = o->v[b].unit == u + 1 && o->v[b].pos > o->v[a].end &&
                         o->v[b].pos - o->v[a].end <= PAIR_WINDOW;
            }
            found += ok;
        }
    }
    return pairs ? (double)found / pairs : 0.0;
}

static double keyword_factor(const ss_query *q, const occs *o)
{
    size_t items = 0, whole = 0;
    for (size_t i = 0; i < q->nitems; i++) {
        const item *it = &q->items[i];
        if (it->negated || it->u1 == it->u0)
            continue;
        items++;
        whole += it->whole == SIZE_MAX || o->count[it->whole] > 0;
    }
    size_t best;
    uint32_t span;
    proximity(q, o, NEAR_WINDOW, &span, &best);
    double near = span <= NEAR_WINDOW ? 1.0 : span == UINT32_MAX ? 0.0 : (double)NEAR_WINDOW / span;
    return 1.0 + W_WHOLE * (items ? (double)whole / items : 0.0) + W_NEAR * near;
}

/* A question's passage: the share of the question's weight it holds
 * (units weighted by rarity: 营商环境 counts for more than 优化), times
 * 1 + proximity and neighbouring-words factors.  Xapian's weight counts
 * bigrams of units that do not stand together too; this corrects it. */
static double natural_factor(const ss_query *q, const occs *o)
{
    size_t wanted = 0, present = 0;
    double w_all = 0, w_present = 0;
    for (size_t u = 0; u < q->nunits; u++)
        if (wanted_unit(q, u)) {
            wanted++;
            w_all += q->units[u].idf;
            if (o->count[u] > 0) {
                present++;
                w_present += q->units[u].idf;
            }
        }
    if (!present)
        return 0.0;
    size_t best;
    uint32_t span;
    proximity(q, o, NEAR_WINDOW, &span, &best);
    double cover = w_all > 0 ? w_present / w_all : (double)present / wanted;
    return cover * (1.0 + W_NEAR * (double)best / wanted + W_PAIR * pairs_near(q, o));
}

static ss_code highlights(const ss_query *q, const ss_analysis *an, const occs *o,
                          ss_span **out, size_t *n, ss_err *err)
{
    ss_span *v = malloc((o->n ? o->n : 1) * sizeof *v);
    if (!v)
        return ss_seterr(err, SS_ENOMEM, "out of memory highlighting");
    size_t k = 0;
    for (size_t i = 0; i < o->n; i++) {
        uint32_t u = o->v[i].unit;
        int wanted = wanted_unit(q, u);
        for (size_t it = 0; !wanted && it < q->nitems; it++)
            wanted = q->items[it].whole == u && !q->items[it].negated;
        if (!wanted)
            continue;
        const ss_atom *a = &an->atoms[o->v[i].atom];
        v[k++] = (ss_span){ a->start, an->atoms[o->v[i].atom + q->units[u].n - 1].end };
    }
    qsort(v, k, sizeof *v, span_cmp_fn);
    size_t m = 0;
    for (size_t i = 0; i < k; i++) {
        if (m && v[i].start <= v[m - 1].end) {
            if (v[i].end > v[m - 1].end)
                v[m - 1].end = v[i].end;
        } else {
            v[m++] = v[i];
        }
    }
    *out = v;
    *n = m;
    return SS_OK;
}

ss_code ss_query_judge(const ss_query *q, const ss_analysis *an, double *factor, ss_span **hl,
                       size_t *nhl, ss_err *err)
{
    occs o;
    *factor = 0;
    if (hl)
        *hl = NULL;
    if (nhl)
        *nhl = 0;
    ss_code rc = find_occs(q, an, &o, err);
    if (rc == SS_OK) {
        if (!ss_query_has_text(q))
            *factor = keyword_match(q, &o) ? 1.0 : 0.0; /* filters alone */
        else if (q->natural)
            *factor = natural_factor(q, &o);
        else
            *factor = keyword_match(q, &o) ? keyword_factor(q, &o) : 0.0;
        if (hl && nhl)
            rc = highlights(q, an, &o, hl, nhl, err);
    }
    occs_free(&o);
    return rc;
}

ss_code ss_query_highlights(const ss_query *q, ss_actx *ac, const char *text, size_t len,
                            ss_span **out, size_t *n, ss_err *err)
{
    ss_analysis an;
    double f;
    ss_code rc = ss_analyze_atoms(ac, text, len, &an, err);
    return rc == SS_OK ? ss_query_judge(q, &an, &f, out, n, err) : rc;
}
