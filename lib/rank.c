/* rank.c: judging a candidate passage from its text (see query.h).
 * Every ranking constant is named here, beside the formula that uses it. */
#include "query_int.h"

#include <stdlib.h>
#include <string.h>

/* Ranking factors (ss_query_judge multiplies Xapian's BM25 weight by
 * 1 + the sum of those that apply). */
#define NEAR_WINDOW 24       /* positions: about a sentence */
#define PAIR_WINDOW 6        /* question: neighbouring units this close */
#define W_WHOLE 1.0          /* a multi-word item stands together */
#define W_NEAR 0.5           /* all units within NEAR_WINDOW */
#define W_PAIR 0.5           /* question: neighbouring units close together */

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


static int occ_cmp(const void *a, const void *b)
{
    const struct occ *x = a, *y = b;
    return x->pos != y->pos ? (x->pos < y->pos ? -1 : 1) : (x->unit < y->unit ? -1 : 1);
}

ss_code ss_q_find_occs(const ss_query *q, const ss_analysis *an, occs *o, ss_err *err)
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

void ss_q_occs_free(occs *o)
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

int ss_q_wanted_unit(const ss_query *q, size_t u)
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
        present += ss_q_wanted_unit(q, u) && o->count[u];
    *span = UINT32_MAX;
    *best = 0;
    for (size_t hi = 0; hi < o->n; hi++) {
        uint32_t u = o->v[hi].unit;
        if (u >= MAX_PIECES || !ss_q_wanted_unit(q, u))
            continue;
        distinct += seen[u]++ == 0;
        distinct2 += seen2[u]++ == 0;
        /* shortest cover: drop leading occurrences that are not needed */
        while (lo < hi) {
            uint32_t lu = o->v[lo].unit;
            int wanted = lu < MAX_PIECES && ss_q_wanted_unit(q, lu);
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
            if (lu < MAX_PIECES && ss_q_wanted_unit(q, lu) && --seen2[lu] == 0)
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
        if (ss_q_wanted_unit(q, u)) {
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
ss_code ss_query_judge(const ss_query *q, const ss_analysis *an, double *factor, ss_span **hl,
                       size_t *nhl, ss_err *err)
{
    occs o;
    *factor = 0;
    if (hl)
        *hl = NULL;
    if (nhl)
        *nhl = 0;
    ss_code rc = ss_q_find_occs(q, an, &o, err);
    if (rc == SS_OK) {
        if (!ss_query_has_text(q))
            *factor = keyword_match(q, &o) ? 1.0 : 0.0; /* filters alone */
        else if (q->natural)
            *factor = natural_factor(q, &o);
        else
            *factor = keyword_match(q, &o) ? keyword_factor(q, &o) : 0.0;
        if (hl && nhl)
            rc = ss_q_highlights(q, an, &o, hl, nhl, err);
    }
    ss_q_occs_free(&o);
    return rc;
}
