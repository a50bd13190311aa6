/* qfind.c: where the query's words stand in one passage (see query_int.h).
 *
 * A passage is first read for where the query's units stand (unit
 * occurrences), then for where each concept stands (a query word: its
 * whole form, its units in order within GAP_MAX characters of one clause,
 * or another form of it), each occurrence with its strength.  How much the
 * passage is worth is rank.c's question; the constants of how strongly a
 * word stands are named here, beside the code that decides it. */
#include "query_int.h"

#include <stdlib.h>
#include <string.h>

#include "base.h"

/* Units of a word stand for it when they stand in one clause within a
 * window of the units plus at most GAP_MAX characters for each join (产业 +
 * 升级 in 产业转型升级, 产业结构调整和升级); in the query's order ranks above
 * another order (升级 + 产业 in 围绕转型升级抓产业, 统筹城乡 for 城乡统筹).
 * Spread further, or over clauses, they are not the word. */
#define GAP_MAX 6
/* The two halves of one dictionary word typed whole (乡村振兴 -> 乡村 +
 * 振兴) stand for it with at most WORD_GAP characters between them
 * (乡村全面振兴, 科技自主创新), or up to GAP_MAX when no joining word
 * stands between them (对外全方位开放, 科技体制机制创新; but 招商工作和
 * 引资工作 is two things), and the other way round only side by side
 * (统筹城乡 for 城乡统筹). */
#define WORD_GAP 2
/* How strongly a concept stands (its best occurrence): */
#define S_WHOLE TUNABLE(S_WHOLE, 1.0)          /* as typed, whole */
#define S_APART TUNABLE(S_APART, 0.5)          /* its units in order with characters between */
#define S_SWAPPED TUNABLE(S_SWAPPED, 0.4)        /* its units in another order */
#define S_VERB_FIRST TUNABLE(S_VERB_FIRST, 0.5)     /* its last unit, a verb, first: the verb
                                                       before its object (振兴老工业基地 for
                                                       老工业基地振兴) */
#define S_SAME TUNABLE(S_SAME, 0.8)           /* another form (synonym "=", a figure written otherwise) */
#define S_RELATED TUNABLE(S_RELATED, 0.5)        /* a related word (synonym "~", questions) */
#define S_FIGURE TUNABLE(S_FIGURE, 1.0)          /* the same figure written otherwise: as typed */
/* A question's word made of two dictionary words (督查督办 = 督查 + 督办,
 * 乡村振兴 = 乡村 + 振兴: concept.split) that the passage holds nowhere,
 * neither whole nor apart, stands by one of its halves alone, with
 * strength S_HALF times the half's rarity against the rarer half's (the
 * passage on 督查 answers how 督查督办 is done; 乡村 alone says less). */
#define S_HALF TUNABLE(S_HALF, 0.1)
/* A thing with a general head glued after it (夜间经济发展, concept.headless)
 * that stands nowhere in the passage with its head stands by the thing
 * alone, with strength S_HEADLESS: the passage on 夜间经济 answers the
 * query, below one where 发展 goes with it. */
#define S_HEADLESS TUNABLE(S_HEADLESS, 0.4)

/* An atom's text in 32 bits: its length and first three bytes (a Han
 * character whole). */
static uint32_t atom_key(const char *t, size_t len)
{
    uint32_t k = (uint32_t)(len & 0xFF) << 24;
    for (size_t i = 0; i < 3 && i < len; i++)
        k |= (uint32_t)(unsigned char)t[i] << (8 * i);
    return k;
}

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

static int occ_by_pos(const void *a, const void *b)
{
    const occ *x = a, *y = b;
    if (x->pos != y->pos)
        return x->pos < y->pos ? -1 : 1;
    return x->id < y->id ? -1 : x->id > y->id;
}

/* 1 when the occurrence [a, e] is an item of an enumeration: 、 stands
 * right before it or right after it. */
static int listed(const ss_analysis *an, uint32_t a, uint32_t e)
{
    return (an->atoms[a].flags & SS_AF_LIST) ||
           (e + 1 < an->natoms && (an->atoms[e + 1].flags & SS_AF_LIST));
}

/* 1 when no separating punctuation stands between atoms a and b (a < b). */
static int same_clause(const ss_analysis *an, uint32_t a, uint32_t b)
{
    for (uint32_t k = a + 1; k <= b; k++)
        if (an->atoms[k].flags & SS_AF_BREAK)
            return 0;
    return 1;
}

int ss_q_push_cocc(occs *o, occ x)
{
    if (SS_GROW(o->c, o->nc + 1, o->capc, 64))
        return -1;
    o->c[o->nc++] = x;
    return 0;
}

/* 1 when a joining word (a conjunction, 的, 等) stands between atoms a
 * and b (a < b): the units on either side name two things. */
static int joined(const ss_analysis *an, uint32_t a, uint32_t b)
{
    static const char *const joins[] = { "和", "与", "及", "或", "并", "同", "跟", "的", "等",
                                         "以" };
    for (uint32_t k = a + 1; k < b; k++)
        for (size_t i = 0; i < NELEM(joins); i++)
            if (an->atoms[k].normlen == strlen(joins[i]) &&
                memcmp(an->norm + an->atoms[k].norm, joins[i], an->atoms[k].normlen) == 0)
                return 1;
    return 0;
}

/* Where a concept's typed units stand together: every unit within one
 * clause, in a window no longer than the units plus GAP_MAX characters
 * for each join between them.  In the query's order the word stands
 * apart (S_APART); in another order swapped (S_SWAPPED: 振兴东北地区等老
 * 工业基地 for 东北老工业基地振兴).  The window that is the whole word is
 * left to the whole unit.  Linear: a window slides over the units'
 * occurrences by position, each entering and leaving it once.  tmp has
 * room for o->n occurrences, cnt for the concept's units. */
static int windows(const ss_query *q, const concept *c, const ss_analysis *an, occs *o, occ *tmp,
                   uint32_t *cnt, size_t ci)
{
    size_t k = c->u1 - c->u0, n = 0;
    uint32_t len = 0;
    for (size_t u = c->u0; u < c->u1; u++) {
        const unit *un = &q->units[u];
        len += un->a[un->n - 1].rpos + 1;
        for (size_t i = o->first[u]; i < o->first[u] + o->count[u]; i++)
            tmp[n++] = o->v[i];
        cnt[u - c->u0] = 0;
    }
    if (n > 1)
        qsort(tmp, n, sizeof *tmp, occ_by_pos);
    uint32_t limit = len + (uint32_t)(GAP_MAX * (k - 1));
    uint32_t word_limit = len + (uint32_t)(WORD_GAP * (k - 1));
    size_t lo = 0, distinct = 0;
    for (size_t hi = 0; hi < n; hi++) {
        distinct += cnt[tmp[hi].id - c->u0]++ == 0;
        /* drop what the window no longer needs, or what stands too far back */
        while (lo < hi && (cnt[tmp[lo].id - c->u0] > 1 || tmp[hi].end - tmp[lo].pos + 1 > limit ||
                           !same_clause(an, tmp[lo].atom, tmp[hi].atom))) {
            distinct -= --cnt[tmp[lo].id - c->u0] == 0;
            lo++;
        }
        if (distinct < k || tmp[hi].end - tmp[lo].pos + 1 > limit)
            continue;
        /* in the query's order when each unit stands after the one before;
         * the verb before its object when the last unit opens the window and
         * the others follow in order */
        int ordered = 1, verb_first = c->verb_last && tmp[lo].id == c->u1 - 1;
        for (size_t a = lo; a + 1 <= hi && ordered; a++)
            ordered = tmp[a].id <= tmp[a + 1].id;
        for (size_t a = lo + 1; a + 1 <= hi && verb_first; a++)
            verb_first = tmp[a].id <= tmp[a + 1].id;
        int tight = tmp[hi].end - tmp[lo].pos + 1 == len, whole = ordered && tight;
        /* a dictionary word's halves swap only side by side (统筹城乡 for 城乡统筹),
         * and stand further apart than WORD_GAP only with no joining word between */
        int skip = (whole && c->whole != SIZE_MAX) || (c->split && !ordered && !tight) ||
                   (c->split && tmp[hi].end - tmp[lo].pos + 1 > word_limit &&
                    joined(an, tmp[lo].atom_end, tmp[hi].atom));
        if (!skip &&
            ss_q_push_cocc(o, (occ){ tmp[lo].pos, tmp[hi].end, tmp[lo].atom, tmp[hi].atom_end,
                                     (uint32_t)ci,
                                     (float)(ordered ? S_APART : verb_first ? S_VERB_FIRST : S_SWAPPED),
                                     (uint8_t)listed(an, tmp[lo].atom, tmp[hi].atom_end) }))
            return -1;
        /* the next window starts after this one's first unit */
        distinct -= --cnt[tmp[lo].id - c->u0] == 0;
        lo++;
    }
    return 0;
}

/* 1 when a is a digit token or a Chinese numeral. */
static int numeral_atom(const ss_analysis *an, size_t a)
{
    const ss_atom *at = &an->atoms[a];
    const char *t = an->norm + at->norm;
    if (at->kind == SS_ATOM_ASCII)
        return t[0] >= '0' && t[0] <= '9';
    static const char *const numerals[] = { "〇", "零", "一", "二", "两", "三", "四", "五", "六",
                                            "七", "八", "九", "十", "百", "千", "万", "亿" };
    for (size_t i = 0; i < NELEM(numerals); i++)
        if (strlen(numerals[i]) == at->normlen && memcmp(numerals[i], t, at->normlen) == 0)
            return 1;
    return 0;
}

/* 1 when atom a is followed, side by side, by the characters of w (one
 * atom each). */
static int followed_by(const ss_analysis *an, uint32_t a, const char *const *w, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        size_t i = a + 1 + k;
        if (i >= an->natoms || an->atoms[i].pos != an->atoms[a].pos + 1 + k ||
            an->atoms[i].normlen != strlen(w[k]) ||
            memcmp(an->norm + an->atoms[i].norm, w[k], an->atoms[i].normlen) != 0)
            return 0;
    }
    return 1;
}

/* 1 when atom i stands right after atom j (no punctuation between). */
static int next_to(const ss_analysis *an, size_t j, size_t i)
{
    return i < an->natoms && an->atoms[i].pos == an->atoms[j].pos + 1;
}

/* 1 when a figure's occurrence [a, e] is part of a bigger figure:
 * 五千万吨 in 一亿五千万吨 (a numeral before it), 百分之五十 in 百分之五十三
 * or 百分之五十三点七 (one ending in a numeral with a numeral or 点 and a
 * numeral after it); 5000 in 15000 is a token of its own already. */
static int inside_figure(const ss_analysis *an, uint32_t a, uint32_t e)
{
    if (a > 0 && numeral_atom(an, a) && numeral_atom(an, a - 1) && next_to(an, a - 1, a))
        return 1;
    if (!numeral_atom(an, e) || !next_to(an, e, e + 1))
        return 0;
    if (numeral_atom(an, e + 1))
        return 1;
    static const char *const point[] = { "点" };
    return followed_by(an, e, point, NELEM(point)) && next_to(an, e + 1, e + 2) &&
           numeral_atom(an, e + 2);
}

/* A year followed by 以来 (1998年以来, "since 1998") is the starting point
 * of a later stretch of time: the passage speaks of the years after it
 * (嫩江1998年以来特大洪水 is a flood of another year), so it is no
 * occurrence of the year word; the passage may still hold the year by its
 * context (qcontext.c). */
static int year_as_start(const ss_analysis *an, const concept *c, uint32_t e)
{
    static const char *const since[] = { "以", "来" };
    return c->year && followed_by(an, e, since, NELEM(since));
}

/* Occurrences of unit u as occurrences of concept ci with strength s. */
static int unit_as_concept(occs *o, const ss_analysis *an, const concept *c, size_t u,
                           size_t ci, double s)
{
    for (size_t k = o->first[u]; k < o->first[u] + o->count[u] && k < o->n; k++) {
        const occ *v = &o->v[k];
        if (c->figure && inside_figure(an, v->atom, v->atom_end))
            continue;
        if (year_as_start(an, c, v->atom_end))
            continue;
        if (ss_q_push_cocc(o, (occ){ v->pos, v->end, v->atom, v->atom_end, (uint32_t)ci,
                                     (float)s, (uint8_t)listed(an, v->atom, v->atom_end) }))
            return -1;
    }
    return 0;
}

/* Where concept c's characters (c->listchars of them) stand as
 * consecutive items of an enumeration, one character an item (水、电、路
 * for 水电路): atoms with 、 between them, each one of the characters,
 * each once.  In the word's order they stand for it as another form
 * (S_SAME); in another order (路、水、电) as its units swapped
 * (S_SWAPPED).  The first item may follow its verb directly (完善水、
 * 电、路), as lists are written. */
static int listed_chars(const ss_query *q, const concept *c, const ss_analysis *an, occs *o,
                        size_t ci)
{
    /* o NULL: 1 at the first list found (ss_q_listed_in) */
    const unit *w = ss_q_typed_unit(q, c);
    size_t k = c->listchars;
    for (size_t i = 0; k && i + k <= an->natoms; i++) {
        uint32_t seen = 0;
        int ordered = 1;
        size_t j = 0;
        for (; j < k; j++) {
            const ss_atom *a = &an->atoms[i + j];
            if (a->kind != SS_ATOM_HAN || (j && !(a->flags & SS_AF_LIST)))
                break;
            size_t m = 0;
            while (m < k && (((seen >> m) & 1) || w->a[m].len != a->normlen ||
                             memcmp(w->text + w->a[m].off, an->norm + a->norm, a->normlen) != 0))
                m++;
            if (m == k)
                break;
            seen |= (uint32_t)1 << m;
            ordered &= m == j;
        }
        if (j < k)
            continue;
        if (!o)
            return 1;
        if (ss_q_push_cocc(o, (occ){ an->atoms[i].pos, an->atoms[i + k - 1].pos, (uint32_t)i,
                                     (uint32_t)(i + k - 1), (uint32_t)ci,
                                     ordered ? S_SAME : S_SWAPPED, 1 }))
            return -1;
        i += k - 1;
    }
    return 0;
}

/* Half u of split concept c: its rarity against the rarer half's. */
static double half_share(const ss_query *q, const concept *c, size_t u)
{
    double top = 0;
    for (size_t k = c->u0; k < c->u1; k++)
        top = q->units[k].idf > top ? q->units[k].idf : top;
    return top > 0 ? q->units[u].idf / top : 1.0;
}

int ss_q_listed_in(const ss_query *q, size_t ci, const ss_analysis *an)
{
    return q->concepts[ci].listchars && listed_chars(q, &q->concepts[ci], an, NULL, ci) == 1;
}

ss_code ss_q_find_occs(const ss_query *q, const ss_analysis *an, const ss_passage_meta *meta,
                       occs *o, ss_err *err)
{
    memset(o, 0, sizeof *o);
    size_t nu = q->nunits ? q->nunits : 1, ncn = q->nconcepts ? q->nconcepts : 1;
    o->count = calloc(nu, sizeof *o->count);
    o->first = calloc(nu, sizeof *o->first);
    o->ccount = calloc(ncn, sizeof *o->ccount);
    o->ctx = calloc(ncn, sizeof *o->ctx);
    o->v = malloc(MAX_OCC * sizeof *o->v);
    if (!o->count || !o->first || !o->ccount || !o->ctx || !o->v)
        return ss_seterr(err, SS_ENOMEM, "out of memory ranking");
    /* a key per atom (its length and first bytes) spares most comparisons */
    uint32_t *key = malloc((an->natoms + 1) * sizeof *key);
    if (!key)
        return ss_seterr(err, SS_ENOMEM, "out of memory ranking");
    for (size_t a = 0; a < an->natoms; a++)
        key[a] = atom_key(an->norm + an->atoms[a].norm, an->atoms[a].normlen);
    for (size_t u = 0; u < q->nunits; u++) {
        const unit *un = &q->units[u];
        uint32_t k0 = un->n ? atom_key(un->text + un->a[0].off, un->a[0].len) : 0;
        o->first[u] = (uint32_t)o->n;
        for (size_t a = 0; un->n && a < an->natoms; a++) {
            if (key[a] != k0 || !unit_at(un, an, a))
                continue;
            if (o->n < MAX_OCC) {
                o->count[u]++;
                o->v[o->n++] = (occ){ an->atoms[a].pos, an->atoms[a + un->n - 1].pos, (uint32_t)a,
                                      (uint32_t)(a + un->n - 1), (uint32_t)u, 1.0f, 0 };
            }
        }
    }
    free(key);
    /* concept occurrences */
    occ *tmp = malloc((o->n + 1) * sizeof *tmp);
    uint32_t *cnt = malloc((q->nunits + 1) * sizeof *cnt);
    int bad = !tmp || !cnt;
    for (size_t ci = 0; !bad && ci < q->nconcepts; ci++) {
        const concept *c = &q->concepts[ci];
        size_t nc0 = o->nc;
        if (c->whole != SIZE_MAX)
            bad |= unit_as_concept(o, an, c, c->whole, ci, S_WHOLE);
        if (c->u1 - c->u0 == 1)
            bad |= unit_as_concept(o, an, c, c->u0, ci, S_WHOLE);
        else if (c->u1 > c->u0 && !c->figure) /* a figure stands whole */
            bad |= windows(q, c, an, o, tmp, cnt, ci);
        for (size_t u = c->a0; u < c->a1; u++)
            bad |= unit_as_concept(o, an, c, u, ci,
                                   q->units[u].alt == ALT_RELATED  ? S_RELATED
                                   : q->units[u].alt == ALT_FIGURE ? S_FIGURE
                                                                   : S_SAME);
        if (c->listed && c->listchars)
            bad |= listed_chars(q, c, an, o, ci);
        if (c->headless && o->nc == nc0) /* the thing alone */
            bad |= unit_as_concept(o, an, c, c->core0, ci, S_HEADLESS);
        if (c->halves && o->nc == nc0) /* it stands nowhere else (all since are ci's) */
            for (size_t u = c->u0; u < c->u1; u++)
                bad |= unit_as_concept(o, an, c, u, ci, S_HALF * half_share(q, c, u));
    }
    free(tmp);
    free(cnt);
    if (bad)
        return ss_seterr(err, SS_ENOMEM, "out of memory ranking");
    if (meta) {
        ss_code rc = ss_q_context(q, an, meta, o, err);
        if (rc != SS_OK)
            return rc;
    }
    if (o->nc > 1)
        qsort(o->c, o->nc, sizeof *o->c, occ_by_pos);
    for (size_t k = 0; k < o->nc; k++)
        o->ccount[o->c[k].id]++;
    return SS_OK;
}

void ss_q_occs_free(occs *o)
{
    free(o->count);
    free(o->first);
    free(o->ccount);
    free(o->v);
    free(o->c);
    free(o->ctx);
    memset(o, 0, sizeof *o);
}
