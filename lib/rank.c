/* rank.c: judging a candidate passage from its text (see query.h).
 * Every ranking constant is named here, beside the formula that uses it.
 *
 * A passage is first read for where the query's units stand (unit
 * occurrences), then for where each concept stands (a query word: its
 * whole form, its units in order within GAP_MAX characters of one clause,
 * or another form of it).  A keyword passage must hold every concept (of
 * each OR group) and no excluded word; a question passage at least one. */
#include "query_int.h"

#include <stdio.h>
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
 * (乡村全面振兴, 科技自主创新; 招商工作和引资工作 is two things), and the
 * other way round only side by side (统筹城乡 for 城乡统筹). */
#define WORD_GAP 2
/* How strongly a concept stands (its best occurrence): */
#define S_WHOLE 1.0          /* as typed, whole */
#define S_APART 0.5          /* its units in order with characters between */
#define S_SWAPPED 0.4        /* its units in another order */
#define S_SAME 0.8           /* another form (synonym "=", a figure written otherwise) */
#define S_RELATED 0.5        /* a related word (synonym "~", questions) */
/* Keyword factor (multiplies the candidate's BM25 weight):
 *   1 + W_WHOLE * mean strength of the concepts
 *     + W_NEAR * near   (1 when all concepts stand within NEAR_WINDOW
 *                        positions, NEAR_WINDOW / span beyond)
 *     + W_ADJ * adj     (share of neighbouring concepts of the query that
 *                        stand within ADJ_WINDOW positions of each other)
 *     + W_FOCUS * focus (share of concepts standing somewhere not as an
 *                        item of an enumeration: the passage is about them)
 *     + W_LEAD * lead   (share of concepts standing, not as an item of an
 *                        enumeration, in the passage's first LEAD_POS positions:
 *                        a heading line, the sentence that opens the passage) */
#define NEAR_WINDOW 24       /* positions: about a sentence */
#define ADJ_WINDOW 3         /* side by side, a particle between at most */
#define W_WHOLE 1.0
#define W_NEAR 0.5
#define W_ADJ 0.3
#define W_FOCUS 0.3
#define LEAD_POS 30          /* the passage's opening: its first sentence, after the heading
                                line that opens it (a line break within HEAD_POS positions) */
#define HEAD_POS 62
#define W_LEAD 0.3           /* share of concepts standing in the opening */
/* Question factor:
 *   cover * (1 + W_NEAR * most concepts within NEAR_WINDOW / concepts
 *              + W_PAIR * share of neighbouring words within PAIR_WINDOW
 *              + W_TIGHT * share of neighbouring words as typed, within TIGHT_WINDOW
 *              + W_FOCUS * focus)
 * where cover is the share of the question's weight the passage holds
 * (each concept weighs the rarity of its first unit, log N/df, times its
 * strength there). */
#define PAIR_WINDOW 6
#define W_PAIR 0.5
#define TIGHT_WINDOW 2       /* 乡村旅游扶贫, 乡村旅游的扶贫 */
#define W_TIGHT 1.0
/* A section heading above the passage that holds every keyword concept
 * (or, for a question, most of its weight): the factor is multiplied by
 * 1 + W_HEADING. */
#define W_HEADING 0.5
#define HEADING_COVER 0.6

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
    uint32_t limit = len + (uint32_t)((c->split ? WORD_GAP : GAP_MAX) * (k - 1));
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
        /* in the query's order when each unit stands after the one before */
        int ordered = 1;
        for (size_t a = lo; a + 1 <= hi && ordered; a++)
            ordered = tmp[a].id <= tmp[a + 1].id;
        int tight = tmp[hi].end - tmp[lo].pos + 1 == len, whole = ordered && tight;
        /* a dictionary word's halves swap only side by side (统筹城乡 for 城乡统筹) */
        int skip = (whole && c->whole != SIZE_MAX) || (c->split && !ordered && !tight);
        if (!skip &&
            ss_q_push_cocc(o, (occ){ tmp[lo].pos, tmp[hi].end, tmp[lo].atom, tmp[hi].atom_end,
                                     (uint32_t)ci, (float)(ordered ? S_APART : S_SWAPPED),
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

/* 1 when a figure's occurrence [a, e] is part of a bigger figure:
 * 五千万吨 in 一亿五千万吨, 5000 in 15000 is a token of its own already. */
static int inside_figure(const ss_analysis *an, uint32_t a, uint32_t e)
{
    (void)e;
    return a > 0 && numeral_atom(an, a) && numeral_atom(an, a - 1) &&
           an->atoms[a].pos == an->atoms[a - 1].pos + 1;
}

/* Occurrences of unit u as occurrences of concept ci with strength s. */
static int unit_as_concept(occs *o, const ss_analysis *an, const concept *c, size_t u,
                           size_t ci, double s)
{
    for (size_t k = o->first[u]; k < o->first[u] + o->count[u] && k < o->n; k++) {
        const occ *v = &o->v[k];
        if (c->figure && inside_figure(an, v->atom, v->atom_end))
            continue;
        if (ss_q_push_cocc(o, (occ){ v->pos, v->end, v->atom, v->atom_end, (uint32_t)ci,
                                     (float)s, (uint8_t)listed(an, v->atom, v->atom_end) }))
            return -1;
    }
    return 0;
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
        if (c->whole != SIZE_MAX)
            bad |= unit_as_concept(o, an, c, c->whole, ci, S_WHOLE);
        if (c->u1 - c->u0 == 1)
            bad |= unit_as_concept(o, an, c, c->u0, ci, S_WHOLE);
        else if (c->u1 > c->u0 && !c->figure) /* a figure stands whole */
            bad |= windows(q, c, an, o, tmp, cnt, ci);
        for (size_t u = c->a0; u < c->a1; u++)
            bad |= unit_as_concept(o, an, c, u, ci,
                                   q->units[u].alt == ALT_RELATED ? S_RELATED : S_SAME);
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

/* 1 when an excluded item stands (as typed, whole) in the passage. */
static int excluded_present(const item *it, const occs *o)
{
    size_t u = it->whole != SIZE_MAX ? it->whole : it->u0;
    return it->u1 > it->u0 && o->count[u] > 0;
}

/* 1 when concept c stands in the passage, or in its context. */
static int concept_present(const occs *o, size_t c)
{
    return o->ccount[c] > 0 || o->ctx[c] > 0;
}

static int item_present(const item *it, const occs *o)
{
    for (size_t c = it->c0; c < it->c1; c++)
        if (!concept_present(o, c))
            return 0;
    return 1;
}

/* Keyword queries: every group (items joined by OR) present, no excluded
 * item present. */
static int keyword_match(const ss_query *q, const occs *o)
{
    int group_ok = 0;
    for (size_t i = 0; i < q->nitems; i++) {
        const item *it = &q->items[i];
        if (it->negated) {
            if (excluded_present(it, o))
                return 0;
            continue;
        }
        group_ok |= item_present(it, o);
        if (!q->or_next[i] || i + 1 == q->nitems) {
            if (!group_ok)
                return 0;
            group_ok = 0;
        }
    }
    return 1;
}

/* Best strength of each concept, and whether it stands once outside an
 * enumeration, into best[] and free[] (q->nconcepts each). */
static void strengths(const ss_query *q, const ss_analysis *an, const occs *o, double *best,
                      int *free_standing)
{
    uint32_t lead = LEAD_POS; /* a heading line and the sentence after it */
    for (size_t a = 0; a < an->natoms && an->atoms[a].pos <= HEAD_POS; a++)
        if (an->atoms[a].flags & SS_AF_LINE) {
            lead += an->atoms[a].pos;
            break;
        }
    for (size_t c = 0; c < q->nconcepts; c++) {
        best[c] = o->ctx[c];
        free_standing[c] = 0;
    }
    for (size_t k = 0; k < o->nc; k++) {
        const occ *x = &o->c[k];
        if (x->strength > best[x->id])
            best[x->id] = x->strength;
        free_standing[x->id] |= !x->listed;
        if (!x->listed && x->pos <= lead)
            free_standing[x->id] |= 2; /* in the opening */
    }
}

/* The shortest span (positions) holding every concept present
 * (UINT32_MAX if none), and the most distinct concepts within window
 * positions.  Linear: two sliding windows over the occurrences by position. */
static void proximity(const ss_query *q, const occs *o, uint32_t window, uint32_t *span,
                      size_t *most, uint32_t *seen, uint32_t *seen2)
{
    size_t present = 0, distinct = 0, distinct2 = 0, lo = 0, lo2 = 0;
    for (size_t c = 0; c < q->nconcepts; c++) {
        present += o->ccount[c] > 0;
        seen[c] = seen2[c] = 0;
    }
    *span = UINT32_MAX;
    *most = 0;
    for (size_t hi = 0; hi < o->nc; hi++) {
        uint32_t c = o->c[hi].id;
        distinct += seen[c]++ == 0;
        distinct2 += seen2[c]++ == 0;
        while (lo < hi && seen[o->c[lo].id] > 1) { /* drop leading occurrences not needed */
            seen[o->c[lo].id]--;
            lo++;
        }
        if (distinct == present && o->c[hi].end >= o->c[lo].pos &&
            o->c[hi].end - o->c[lo].pos + 1 < *span)
            *span = o->c[hi].end - o->c[lo].pos + 1;
        while (lo2 < hi && o->c[hi].end - o->c[lo2].pos + 1 > window) {
            if (--seen2[o->c[lo2].id] == 0)
                distinct2--;
            lo2++;
        }
        if (distinct2 > *most)
            *most = distinct2;
    }
}

/* 1 when concepts a and b stand within window positions of each other
 * (either order, or a before b when ordered), neither as an item of an
 * enumeration.  Linear: one pass over the occurrences by position,
 * remembering the last end of each. */
static int close_pair(const occs *o, uint32_t a, uint32_t b, uint32_t window, int ordered)
{
    uint32_t last_a = 0, last_b = 0;
    int have_a = 0, have_b = 0;
    for (size_t k = 0; k < o->nc; k++) {
        const occ *x = &o->c[k];
        if (x->listed)
            continue; /* items of an enumeration stand side by side by chance */
        if (x->id == b && have_a && x->pos > last_a && x->pos - last_a <= window)
            return 1;
        if (!ordered && x->id == a && have_b && x->pos > last_b && x->pos - last_b <= window)
            return 1;
        if (x->id == a) {
            last_a = x->end;
            have_a = 1;
        } else if (x->id == b) {
            last_b = x->end;
            have_b = 1;
        }
    }
    return 0;
}

typedef struct {
    double *best;
    int *free_standing;
    uint32_t *seen, *seen2;
} scratch;

static ss_code scratch_new(size_t n, scratch *s, ss_err *err)
{
    n = n ? n : 1;
    s->best = malloc(n * sizeof *s->best);
    s->free_standing = malloc(n * sizeof *s->free_standing);
    s->seen = malloc(2 * n * sizeof *s->seen);
    s->seen2 = s->seen ? s->seen + n : NULL;
    if (!s->best || !s->free_standing || !s->seen)
        return ss_seterr(err, SS_ENOMEM, "out of memory ranking");
    return SS_OK;
}

static void scratch_free(scratch *s)
{
    free(s->best);
    free(s->free_standing);
    free(s->seen);
}

static double concept_idf(const ss_query *q, size_t c);

/* A passage that holds a word only by its context (its speech's place or
 * year) lacks that word's BM25 weight; this gives it back, so that the
 * context's strength, not the missing term, decides how far below the
 * passages naming the word it ranks:  Σ idf of the words present /
 * Σ idf of those its text holds. */
static double context_weight(const ss_query *q, const occs *o)
{
    double all = 0, text = 0;
    for (size_t c = 0; c < q->nconcepts; c++) {
        if (!concept_present(o, c))
            continue;
        all += concept_idf(q, c);
        if (o->ccount[c])
            text += concept_idf(q, c);
    }
    return text > 0 && all > text ? all / text : 1.0;
}

static double keyword_factor(const ss_query *q, const ss_analysis *an, const occs *o, scratch *s)
{
    strengths(q, an, o, s->best, s->free_standing);
    size_t n = 0, focus = 0, pairs = 0, adj = 0, lead = 0;
    double strength = 0;
    for (size_t c = 0; c < q->nconcepts; c++) {
        if (!concept_present(o, c))
            continue; /* an alternative of an OR group that is not there */
        n++;
        strength += s->best[c];
        focus += s->free_standing[c] > 0;
        lead += (s->free_standing[c] & 2) != 0;
    }
    for (size_t c = 0; c + 1 < q->nconcepts; c++) {
        if (!o->ccount[c] || !o->ccount[c + 1])
            continue;
        pairs++;
        adj += close_pair(o, (uint32_t)c, (uint32_t)c + 1, ADJ_WINDOW, 0);
    }
    size_t most;
    uint32_t span;
    proximity(q, o, NEAR_WINDOW, &span, &most, s->seen, s->seen2);
    double near = span <= NEAR_WINDOW ? 1.0 : span == UINT32_MAX ? 0.0 : (double)NEAR_WINDOW / span;
    return context_weight(q, o) *
           (1.0 + W_WHOLE * (n ? strength / n : 0.0) + W_NEAR * near +
            W_ADJ * (pairs ? (double)adj / pairs : 0.0) + W_FOCUS * (n ? (double)focus / n : 0.0) +
            W_LEAD * (n ? (double)lead / n : 0.0));
}

/* Weight of concept c in a question: rarity of its first typed unit. */
static double concept_idf(const ss_query *q, size_t c)
{
    const concept *k = &q->concepts[c];
    return k->u1 > k->u0 ? q->units[k->u0].idf : 1.0;
}

static double natural_factor(const ss_query *q, const ss_analysis *an, const occs *o, scratch *s)
{
    strengths(q, an, o, s->best, s->free_standing);
    size_t present = 0, focus = 0, pairs = 0, found = 0, tight = 0;
    double w_all = 0, w_present = 0;
    for (size_t c = 0; c < q->nconcepts; c++) {
        double w = concept_idf(q, c);
        w_all += w;
        if (concept_present(o, c)) {
            present++;
            w_present += w * s->best[c];
            focus += s->free_standing[c] > 0;
        }
    }
    if (!present)
        return 0.0;
    for (size_t c = 0; c + 1 < q->nconcepts; c++) {
        if (q->concepts[c].item != q->concepts[c + 1].item)
            continue;
        pairs++;
        found += close_pair(o, (uint32_t)c, (uint32_t)c + 1, PAIR_WINDOW, 1);
        tight += close_pair(o, (uint32_t)c, (uint32_t)c + 1, TIGHT_WINDOW, 1);
    }
    size_t most;
    uint32_t span;
    proximity(q, o, NEAR_WINDOW, &span, &most, s->seen, s->seen2);
    double cover = w_all > 0 ? w_present / w_all : (double)present / q->nconcepts;
    return cover * (1.0 + W_NEAR * (double)most / q->nconcepts +
                    W_PAIR * (pairs ? (double)found / pairs : 0.0) +
                    W_TIGHT * (pairs ? (double)tight / pairs : 0.0) +
                    W_FOCUS * (double)focus / present);
}

/* A year: filter takes the passages of speeches given in the years asked
 * and the passages that speak of them (passage_year.h); the first rank
 * above the others, whose factor is multiplied by W_YEAR_SPOKEN. */
#define W_YEAR_SPOKEN 0.5

/* 1 when q has a year: filter and the speech's date (meta) is outside it. */
static int year_only_spoken(const ss_query *q, const ss_passage_meta *meta)
{
    int any = 0, y = 0;
    if (!meta || !meta->date || sscanf(meta->date, "%4d", &y) != 1)
        return 0;
    for (size_t i = 0; i < q->filters.n; i++) {
        if (q->filters.v[i].field != SS_F_YEAR)
            continue;
        int lo = 0, hi = 0, n = sscanf(q->filters.v[i].value, "%d..%d", &lo, &hi);
        if (n < 1)
            continue;
        if (n == 1)
            hi = lo;
        any = 1;
        if (y >= lo && y <= hi)
            return 0;
    }
    return any;
}

ss_code ss_query_judge(const ss_query *q, const ss_analysis *an, double *factor, ss_span **hl,
                       size_t *nhl, ss_err *err)
{
    return ss_query_judge_meta(q, an, NULL, factor, hl, nhl, err);
}

ss_code ss_query_judge_meta(const ss_query *q, const ss_analysis *an, const ss_passage_meta *meta,
                            double *factor, ss_span **hl, size_t *nhl, ss_err *err)
{
    occs o;
    scratch s = { 0 };
    *factor = 0;
    if (hl)
        *hl = NULL;
    if (nhl)
        *nhl = 0;
    ss_code rc = ss_q_find_occs(q, an, meta, &o, err);
    if (rc == SS_OK)
        rc = scratch_new(q->nconcepts, &s, err);
    if (rc == SS_OK) {
        if (!ss_query_has_text(q))
            *factor = keyword_match(q, &o) ? 1.0 : 0.0; /* filters alone */
        else if (q->natural)
            *factor = natural_factor(q, an, &o, &s);
        else
            *factor = keyword_match(q, &o) ? keyword_factor(q, an, &o, &s) : 0.0;
        if (*factor > 0 && year_only_spoken(q, meta))
            *factor *= W_YEAR_SPOKEN;
        if (hl && nhl)
            rc = ss_q_highlights(q, an, &o, hl, nhl, err);
    }
    scratch_free(&s);
    ss_q_occs_free(&o);
    return rc;
}

ss_code ss_query_heading_factor(const ss_query *q, const ss_analysis *heading, double *factor,
                                ss_err *err)
{
    occs o;
    *factor = 1.0;
    if (!ss_query_has_text(q) || !heading->natoms)
        return SS_OK;
    ss_code rc = ss_q_find_occs(q, heading, NULL, &o, err);
    if (rc == SS_OK) {
        double w_all = 0, w_present = 0;
        size_t missing = 0;
        for (size_t c = 0; c < q->nconcepts; c++) {
            double w = concept_idf(q, c);
            w_all += w;
            if (o.ccount[c])
                w_present += w;
            else
                missing++;
        }
        int holds = q->natural ? w_all > 0 && w_present >= HEADING_COVER * w_all
                               : missing == 0 && keyword_match(q, &o);
        if (holds)
            *factor = 1.0 + W_HEADING;
    }
    ss_q_occs_free(&o);
    return rc;
}
