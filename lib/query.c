/* query.c: query parsing, units, Xapian query building, highlights
 * (see query.h). */
#include "query.h"

#include <stdlib.h>
#include <string.h>

#include "strbuf.h"
#include "terms.h"
#include "utf8.h"

#define UNIT_MAX_ATOMS 48
#define MAX_PIECES_ITEM 256
#define NEAR_WINDOW 24       /* positions: about a sentence */
#define W_WHOLE 1.0          /* weight of a whole word/phrase standing together */
#define W_NEAR 0.5           /* weight of all words within NEAR_WINDOW */
#define W_PAIR 0.5           /* natural language: two units next to each other */
#define W_WORD 0.3           /* a dictionary word term */

typedef struct {
    uint16_t off, len; /* text in unit.text */
    uint8_t kind;
    uint32_t rpos;     /* position relative to the unit's first atom */
} uatom;

typedef struct {
    char *text;        /* atom texts, concatenated */
    uatom *a;
    size_t n;
} unit;

typedef struct {
    int negated, quoted;
    size_t u0, u1;     /* its units: q->units[u0, u1) */
    size_t whole;      /* unit of the whole item, or SIZE_MAX if it has one unit */
} item;

struct ss_query {
    unit *units;
    size_t nunits, capunits;
    item *items;
    size_t nitems, capitems;
    int *or_next;      /* or_next[i]: item i is OR'ed with item i+1 */
    int natural;
    char *understood;
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
    free(q);
}

int ss_query_is_natural(const ss_query *q)
{
    return q->natural;
}

int ss_query_is_empty(const ss_query *q)
{
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
    q->nunits++;
    return SS_OK;
}

/* Pieces of an unquoted item: segmenter words over Han atoms, single
 * ASCII atoms, symbols glued to what precedes them. */
typedef struct {
    uint32_t first, last;
    int single_han;   /* one Han character */
    int stop;         /* function word */
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
                            IN(stopwords, t, tl) };
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

/* Units of an unquoted item.  Natural language: function words dropped,
 * runs of single characters standing together merged (an unknown word).
 * Keywords: a single character also joins the word it stands against
 * (楼|阳生 -> 楼阳生, 河南|省 -> 河南省): what the user typed together
 * stays together. */
static ss_code item_units(ss_query *q, const ss_analysis *an, const piece *pc, size_t np,
                          int natural, ss_err *err)
{
    piece m[MAX_PIECES_ITEM];
    size_t nm = 0;
    for (size_t i = 0; i < np && nm < MAX_PIECES_ITEM; i++) {
        if (natural && pc[i].stop)
            continue;
        piece *prev = nm ? &m[nm - 1] : NULL;
        int glue = prev && adjacent(an, prev, &pc[i]) &&
                   (natural ? prev->single_han && pc[i].single_han
                            : prev->single_han || pc[i].single_han);
        if (glue) {
            prev->last = pc[i].last;
            prev->single_han = natural;
            continue;
        }
        m[nm++] = pc[i];
    }
    for (size_t i = 0; i < nm; i++) {
        ss_code rc = add_unit(q, an, m[i].first, m[i].last, err);
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
    item it = { r->negated, r->quoted, q->nunits, q->nunits, SIZE_MAX };
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

/* Decides keyword or natural language from all positive unquoted text. */
static ss_code detect_natural(ss_actx *ac, const char *s, const raw_item *r, size_t n,
                              int *natural, ss_err *err)
{
    strbuf sb = STRBUF_INIT;
    size_t items = 0;
    for (size_t i = 0; i < n; i++) {
        if (r[i].negated || r[i].quoted || r[i].is_or)
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

/* ---- building ---- */

/* A small owner of xc_query handles, freed together. */
typedef struct {
    xc_query *v[512];
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
    if (n == 1 && op != XC_OP_PHRASE && op != XC_OP_NEAR)
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

/* The query for a unit: its characters standing together. */
static xc_query *unit_q(qpool *p, const unit *u, ss_err *err)
{
    xc_query *el[UNIT_MAX_ATOMS], *loose[UNIT_MAX_ATOMS];
    size_t ne = 0, nl = 0;
    uint32_t p0 = 0, p1 = 0;
    for (size_t i = 0; i < u->n; i++) {
        const uatom *a = &u->a[i];
        xc_query *t;
        int next_han = i + 1 < u->n && u->a[i + 1].kind == SS_ATOM_HAN &&
                       u->a[i + 1].rpos == a->rpos + 1;
        int prev_han = i > 0 && u->a[i - 1].kind == SS_ATOM_HAN &&
                       u->a[i - 1].rpos + 1 == a->rpos;
        if (a->kind == SS_ATOM_HAN && next_han) {
            t = term_q(p, u->text + a->off, (size_t)a->len + u->a[i + 1].len, err);
        } else if (a->kind == SS_ATOM_HAN) {
            if (prev_han)
                continue; /* covered by the bigram before it */
            if ((t = term_q(p, u->text + a->off, a->len, err)))
                loose[nl++] = t;
            continue;
        } else {
            t = term_q(p, u->text + a->off, a->len, err);
        }
        if (!t)
            return NULL;
        if (ne == 0)
            p0 = a->rpos;
        p1 = a->rpos;
        el[ne++] = t;
    }
    xc_query *ph = ne > 1 ? combine(p, XC_OP_PHRASE, el, ne, p1 - p0 + 1, err)
                          : (ne ? el[0] : NULL);
    if (ph)
        loose[nl++] = ph;
    return combine(p, XC_OP_AND, loose, nl, 0, err);
}

/* A term standing for a unit in a NEAR query: its first bigram or atom. */
static xc_query *rep_q(qpool *p, const unit *u, ss_err *err)
{
    const uatom *a = &u->a[0];
    if (a->kind == SS_ATOM_HAN && u->n > 1 && u->a[1].kind == SS_ATOM_HAN && u->a[1].rpos == 1)
        return term_q(p, u->text, (size_t)a->len + u->a[1].len, err);
    if (a->kind == SS_ATOM_HAN)
        return NULL; /* unigrams carry no positions */
    return term_q(p, u->text + a->off, a->len, err);
}

/* The word term for a unit that is one dictionary word or slogan of three
 * or more characters present in the index. */
static xc_query *word_q(qpool *p, const unit *u, xc_db *db, ss_err *err)
{
    if (u->n < 3 || !db)
        return NULL;
    for (size_t i = 0; i < u->n; i++)
        if (u->a[i].kind != SS_ATOM_HAN || u->a[i].rpos != i)
            return NULL;
    uint32_t tf = 0;
    if (xc_db_termfreq(db, u->text, &tf, NULL) != SS_OK || tf == 0)
        return NULL;
    return term_q(p, u->text, strlen(u->text), err);
}

static xc_query *word_q(qpool *p, const unit *u, xc_db *db, ss_err *err);

/* An item's query: all its units (keyword) or any (natural).  An item the
 * index knows as one word (a quoted slogan such as “一方案十专案”, or a
 * dictionary word) must stand together whatever the segmenter made of it. */
static xc_query *item_q(qpool *p, const ss_query *q, const item *it, int any, xc_db *db,
                        ss_err *err)
{
    if (!any && it->whole != SIZE_MAX && word_q(p, &q->units[it->whole], db, err))
        return unit_q(p, &q->units[it->whole], err);
    xc_query *subs[MAX_PIECES];
    size_t n = 0;
    for (size_t u = it->u0; u < it->u1 && n < MAX_PIECES; u++) {
        xc_query *x = unit_q(p, &q->units[u], err);
        if (!x)
            return NULL;
        subs[n++] = x;
    }
    return combine(p, any ? XC_OP_OR : XC_OP_AND, subs, n, 0, err);
}

/* Boosts: whole items standing together, dictionary words, units near
 * each other, neighbouring units of a question next to each other. */
static size_t boosts(qpool *p, const ss_query *q, xc_db *db, xc_query **b, size_t max,
                     ss_err *err)
{
    size_t nb = 0;
    xc_query *reps[MAX_PIECES];
    size_t nr = 0;
    for (size_t i = 0; i < q->nitems && nb + 2 < max; i++) {
        const item *it = &q->items[i];
        if (it->negated)
            continue;
        if (it->whole != SIZE_MAX) {
            xc_query *w = unit_q(p, &q->units[it->whole], err);
            if (w && !q->natural)
                b[nb++] = scale(p, w, W_WHOLE, err);
        }
        for (size_t u = it->u0; u < it->u1 && nb + 2 < max; u++) {
            xc_query *w = word_q(p, &q->units[u], db, err);
            if (w)
                b[nb++] = scale(p, w, W_WORD, err);
            xc_query *r = rep_q(p, &q->units[u], err);
            if (r && nr < MAX_PIECES)
                reps[nr++] = r;
        }
    }
    if (nr > 1 && nb < max)
        b[nb++] = scale(p, combine(p, XC_OP_NEAR, reps, nr, NEAR_WINDOW, err), W_NEAR, err);
    for (size_t i = 0; q->natural && i + 1 < nr && nb < max; i++) {
        xc_query *pair[2] = { reps[i], reps[i + 1] };
        b[nb++] = scale(p, combine(p, XC_OP_NEAR, pair, 2, 6, err), W_PAIR, err);
    }
    size_t k = 0;
    for (size_t i = 0; i < nb; i++)
        if (b[i])
            b[k++] = b[i];
    return k;
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

ss_code ss_query_build(ss_query *q, xc_db *db, xc_query **out, ss_err *err)
{
    qpool *p = calloc(1, sizeof *p);
    if (!p)
        return ss_seterr(err, SS_ENOMEM, "out of memory building query");
    ss_clearerr(err);
    xc_query *m = match_q(p, q, db, err);
    xc_query *b[64];
    size_t nb = m ? boosts(p, q, db, b, 64, err) : 0;
    if (m && nb) {
        xc_query *pair[2] = { m, combine(p, XC_OP_OR, b, nb, 0, err) };
        m = pair[1] ? combine(p, XC_OP_AND_MAYBE, pair, 2, 0, err) : m;
    }
    for (size_t i = 0; m && i < q->nitems; i++) {
        if (!q->items[i].negated || q->items[i].u1 == q->items[i].u0)
            continue;
        const item *it = &q->items[i];
        xc_query *x = it->whole != SIZE_MAX ? unit_q(p, &q->units[it->whole], err)
                                            : item_q(p, q, it, 0, db, err);
        xc_query *pair[2] = { m, x };
        if (x)
            m = combine(p, XC_OP_AND_NOT, pair, 2, 0, err);
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

/* ---- highlights ---- */

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

static int span_cmp(const void *a, const void *b)
{
    const ss_span *x = a, *y = b;
    return x->start < y->start ? -1 : x->start > y->start ? 1 : 0;
}

ss_code ss_query_highlights(const ss_query *q, ss_actx *ac, const char *text, size_t len,
                            ss_span **out, size_t *n, ss_err *err)
{
    ss_analysis an;
    *out = NULL;
    *n = 0;
    ss_code rc = ss_analyze(ac, text, len, &an, err);
    if (rc != SS_OK)
        return rc;
    size_t cap = 0, k = 0;
    ss_span *v = NULL;
    for (size_t i = 0; i < q->nitems; i++) {
        const item *it = &q->items[i];
        if (it->negated)
            continue;
        /* the units, then the whole item, which parse_item adds right after */
        size_t end = it->whole != SIZE_MAX ? it->whole + 1 : it->u1;
        for (size_t u = it->u0; u < end; u++) {
            const unit *un = &q->units[u];
            for (size_t a = 0; a < an.natoms; a++) {
                if (!unit_at(un, &an, a))
                    continue;
                if (k == cap) {
                    cap = cap ? cap * 2 : 16;
                    ss_span *nv = realloc(v, cap * sizeof *nv);
                    if (!nv) {
                        free(v);
                        return ss_seterr(err, SS_ENOMEM, "out of memory highlighting");
                    }
                    v = nv;
                }
                v[k++] = (ss_span){ an.atoms[a].start, an.atoms[a + un->n - 1].end };
            }
        }
    }
    if (k > 1)
        qsort(v, k, sizeof *v, span_cmp);
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
