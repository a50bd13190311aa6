/* rank.c: judging a candidate passage from where the query's words stand
 * in it (qfind.c) -- accept it or not, and the factor that multiplies its
 * BM25 weight (see query.h).  Every scoring constant is named here, beside
 * the formula that uses it.
 *
 * A keyword passage must hold every concept (of each OR group) and no
 * excluded word; a question passage at least one. */
#include "query_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base.h"

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
 *                        a heading line, the sentence that opens the passage)
 *     + W_SPEAKS * speaks (share of concepts that open a clause and are
 *                        followed by a verb of speaking: 王凯指出, 会议强调 --
 *                        the passage says what they said, not only names them)
 *     + W_TOPIC * topic  (share of concepts standing, not as an item, in a
 *                        topic sentence: a short opening sentence, one that
 *                        ends within LEAD_POS positions -- 加快老工业区搬迁改造。
 *                        heads the paragraph that says how; a long opening
 *                        sentence that names the thing among others does not)
 * An occurrence inside a framing clause (framed()) counts, for focus, lead
 * and speaks, as an item of an enumeration does: it sets the scene of what
 * the sentence says, it is not what the sentence is about.  So does a year
 * word (2008年): it says when (一、2008年工作回顾 / 2008年是极不平凡的一年
 * opens a review of everything done that year), never what. */
#define NEAR_WINDOW 24       /* positions: about a sentence */
#define ADJ_WINDOW 3         /* side by side, a particle between at most */
#define W_WHOLE TUNABLE(W_WHOLE, 1.0)
#define W_NEAR TUNABLE(W_NEAR, 0.5)
#define W_ADJ TUNABLE(W_ADJ, 0.3)
#define W_FOCUS TUNABLE(W_FOCUS, 0.3)
#define LEAD_POS 30          /* the passage's opening: its first sentence, after the heading
                                line that opens it (a line break within HEAD_POS positions) */
#define HEAD_POS 62
#define W_LEAD TUNABLE(W_LEAD, 0.3)           /* share of concepts standing in the opening */
#define W_SPEAKS TUNABLE(W_SPEAKS, 0.6)
#define W_TOPIC TUNABLE(W_TOPIC, 0.15)         /* share of concepts in a topic sentence */
/* Question factor:
 *   cover * (1 + W_NEAR * most concepts within NEAR_WINDOW / concepts
 *              + W_PAIR * share of neighbouring words within PAIR_WINDOW
 *              + W_TIGHT * share of neighbouring words as typed, within TIGHT_WINDOW
 *              + W_FOCUS * focus
 *              + W_QLEAD * share of the question's weight standing in the opening
 *              + W_QTOPIC * share of it standing in a topic sentence
 *              + W_QREPEAT * share of it standing twice or more, of the words
 *                that weigh at least REPEAT_SHARE of the heaviest)
 * where cover is the share of the question's weight the passage holds
 * (each concept weighs the rarity of its first unit, log N/df, times its
 * strength there), times W_NO_THING when the question names a thing (a
 * word that is not a problem or a remedy, qweight 1, nor a place or a
 * year) and the passage holds none of them, only its problem or remedy
 * words or its place (如何缓解电力供应紧张: a passage on 缓解…矛盾 that
 * names no 电力 or 供应 answers another question; 景德镇如何发展试验区: a
 * passage that names only 景德镇 answers none), and times the context
 * weight (context_weight: a place or year held by context given back its
 * BM25 weight, as for keywords).  The
 * opening and the topic sentence are the keyword factor's (strengths()):
 * a passage that opens with the thing asked about (盐碱地综合利用取得显著
 * 成效。) is the answer to how it was done; one that names it in passing
 * further on is not.  Weighted by the words' weights, so the rare thing
 * counts, not 推进 or 治理.  The rare thing named again is what the
 * passage is about (加强校车安全管理 as one item of a paragraph on safety
 * names 校车 once; the paragraph that says how school buses are run names
 * them twice or more); a common word repeated (安全 seven times in that
 * paragraph on safety) says nothing of the kind, hence REPEAT_SHARE. */
#define W_NO_THING TUNABLE(W_NO_THING, 0.3)
#define W_QLEAD TUNABLE(W_QLEAD, 0.3)
#define W_QTOPIC TUNABLE(W_QTOPIC, 0.6)
#define W_QREPEAT TUNABLE(W_QREPEAT, 5.0)
#define REPEAT_SHARE 0.5
#define PAIR_WINDOW 6
#define W_PAIR TUNABLE(W_PAIR, 0.5)
#define TIGHT_WINDOW 2       /* 乡村旅游扶贫, 乡村旅游的扶贫 */
#define W_TIGHT TUNABLE(W_TIGHT, 1.0)
/* A section heading above the passage that holds every keyword concept
 * (or, for a question, most of its weight): the factor is multiplied by
 * 1 + W_HEADING. */
#define W_HEADING TUNABLE(W_HEADING, 0.5)
#define HEADING_COVER TUNABLE(HEADING_COVER, 0.6)

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

/* 1 when atom k's text is s. */
static int atom_is(const ss_analysis *an, size_t k, const char *s)
{
    return k < an->natoms && an->atoms[k].normlen == strlen(s) &&
           memcmp(an->norm + an->atoms[k].norm, s, an->atoms[k].normlen) == 0;
}

/* 1 when the occurrence ending at atom e opens its clause (at atom a: the
 * passage's first atom, or separating punctuation before it) and is
 * followed, side by side, by a verb of speaking: who speaks. */
static int speaks(const ss_analysis *an, uint32_t a, uint32_t e)
{
    static const char *const verbs[][2] = { { "指", "出" }, { "强", "调" }, { "要", "求" },
                                            { "表", "示" }, { "提", "出" }, { "认", "为" } };
    if ((a > 0 && !(an->atoms[a].flags & SS_AF_BREAK)) || e + 2 >= an->natoms ||
        an->atoms[e + 1].flags || an->atoms[e + 2].flags ||
        an->atoms[e + 1].pos != an->atoms[e].pos + 1)
        return 0;
    for (size_t i = 0; i < NELEM(verbs); i++)
        if (atom_is(an, e + 1, verbs[i][0]) && atom_is(an, e + 2, verbs[i][1]))
            return 1;
    return 0;
}

/* 1 when the gap before atom k separates clauses: separating punctuation
 * other than the enumeration comma 、 (a line break always does). */
static int clause_break(const ss_analysis *an, size_t k)
{
    uint8_t f = an->atoms[k].flags;
    return (f & SS_AF_BREAK) && ((f & SS_AF_LINE) || !(f & SS_AF_LIST));
}

/* 1 when atoms k and k+1 (side by side) read a then b. */
static int atoms_are(const ss_analysis *an, size_t k, const char *a, const char *b)
{
    return k + 1 < an->natoms && !an->atoms[k + 1].flags && atom_is(an, k, a) &&
           atom_is(an, k + 1, b);
}

/* 1 when the clause of atoms [s, e] frames what its sentence says: a time
 * or circumstance set before it, not the thing the sentence is about --
 *   在 … 下 / 在 … 中   (在邓小平南方谈话的推动下, 在推进改革中)
 *   … 以后 / 之后 / 以来 (党的十八大以来)
 *   … 之年              (2025年是…收官之年，也是…封关运作之年)
 *   … 精神              (贯彻…十四大精神)
 * (adverbials of circumstance and time, and the year and spirit formulas
 * that open the sections of a work report). */
static int framed(const ss_analysis *an, size_t s, size_t e)
{
    static const char *const ends[][2] = { { "以", "后" }, { "之", "后" }, { "以", "来" },
                                           { "之", "年" }, { "精", "神" } };
    if (e <= s)
        return 0;
    if (atom_is(an, s, "在") && (atom_is(an, e, "下") || atom_is(an, e, "中")))
        return 1;
    for (size_t i = 0; i < NELEM(ends); i++)
        if (atoms_are(an, e - 1, ends[i][0], ends[i][1]))
            return 1;
    return 0;
}

/* Best strength of each concept, and whether it stands once outside an
 * enumeration (free[] bit 1), in the opening (bit 2), as who speaks (bit 4)
 * or in a topic sentence (bit 8), into best[] and free[] (q->nconcepts
 * each); with frames (a keyword query), an occurrence in a framing clause
 * counts as listed. */
static void strengths(const ss_query *q, const ss_analysis *an, const occs *o, int frames,
                      double *best, int *free_standing)
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
    /* the topic sentences (bit 8): the passage's opening sentence, and the
     * one after it when that is a heading line, each when it ends within
     * LEAD_POS positions of its start */
    uint32_t topic[2][2] = { { 1, 0 }, { 1, 0 } }; /* [first, last] positions; empty */
    if (an->natoms) {
        size_t a = 1, start = 0;
        for (int k = 0; k < 2; k++) {
            while (a < an->natoms && !(an->atoms[a].flags & (SS_AF_STOP | SS_AF_LINE)))
                a++;
            uint32_t first = an->atoms[start].pos, last = an->atoms[a - 1].pos;
            if (last - first + 1 <= LEAD_POS) {
                topic[k][0] = first;
                topic[k][1] = last;
            }
            if (a >= an->natoms || !(an->atoms[a].flags & SS_AF_LINE))
                break; /* no heading line: one opening sentence */
            start = a++;
        }
    }
    /* the clause [cs, ce] of each occurrence, found walking the atoms
     * once beside the occurrences (both in text order) */
    size_t cs = 0, ce = 0;
    int frame = 0;
    for (size_t k = 0; k < o->nc; k++) {
        const occ *x = &o->c[k];
        if (x->strength > best[x->id])
            best[x->id] = x->strength;
        if (frames && (k == 0 || x->atom > ce)) {
            for (cs = x->atom; cs > 0 && !clause_break(an, cs); cs--)
                ;
            for (ce = x->atom_end; ce + 1 < an->natoms && !clause_break(an, ce + 1); ce++)
                ;
            frame = framed(an, cs, ce);
        }
        /* a year says when, not what: it never heads or focuses the passage */
        int listed = x->listed || (frames && (frame || q->concepts[x->id].year));
        free_standing[x->id] |= !listed;
        if (!listed && x->pos <= lead)
            free_standing[x->id] |= 2; /* in the opening */
        if (!listed && speaks(an, x->atom, x->atom_end))
            free_standing[x->id] |= 4;
        for (int t = 0; t < 2 && !listed; t++)
            if (x->pos >= topic[t][0] && x->end <= topic[t][1])
                free_standing[x->id] |= 8;
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

/* A word's share of a passage's BM25 weight: the idf of each of its typed
 * units (老工业基地 is 老工业 + 基地, and BM25 sums both). */
static double concept_bm25_share(const ss_query *q, size_t c)
{
    const concept *k = &q->concepts[c];
    double w = 0;
    for (size_t u = k->u0; u < k->u1; u++)
        w += q->units[u].idf;
    return w > 0 ? w : 1.0;
}

/* A passage that holds a word only by its context (its speech's place or
 * year) lacks that word's BM25 weight; this gives it back, so that the
 * context's strength, not the missing term, decides how far below the
 * passages naming the word it ranks:  Σ share of the words present /
 * Σ share of those its text holds (every unit counted, as BM25 does: with
 * one idf a word, a context hit on a word of one unit beside a word of
 * several was given back more than the named word weighs, and outranked
 * the passage naming it). */
static double context_weight(const ss_query *q, const occs *o)
{
    double all = 0, text = 0;
    for (size_t c = 0; c < q->nconcepts; c++) {
        if (!concept_present(o, c))
            continue;
        all += concept_bm25_share(q, c);
        if (o->ccount[c])
            text += concept_bm25_share(q, c);
    }
    return text > 0 && all > text ? all / text : 1.0;
}

static double keyword_factor(const ss_query *q, const ss_analysis *an, const occs *o, scratch *s)
{
    strengths(q, an, o, 1, s->best, s->free_standing);
    size_t n = 0, focus = 0, pairs = 0, adj = 0, lead = 0, speakers = 0, topic = 0;
    double strength = 0;
    for (size_t c = 0; c < q->nconcepts; c++) {
        if (!concept_present(o, c))
            continue; /* an alternative of an OR group that is not there */
        n++;
        strength += s->best[c];
        focus += s->free_standing[c] > 0;
        lead += (s->free_standing[c] & 2) != 0;
        speakers += (s->free_standing[c] & 4) != 0;
        topic += (s->free_standing[c] & 8) != 0;
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
            W_LEAD * (n ? (double)lead / n : 0.0) + W_SPEAKS * (n ? (double)speakers / n : 0.0) +
            W_TOPIC * (n ? (double)topic / n : 0.0));
}

/* Weight of concept c in a question: rarity of its first typed unit. */
static double concept_idf(const ss_query *q, size_t c)
{
    const concept *k = &q->concepts[c];
    return k->u1 > k->u0 ? q->units[k->u0].idf : 1.0;
}

static double natural_factor(const ss_query *q, const ss_analysis *an, const occs *o, scratch *s)
{
    strengths(q, an, o, 0, s->best, s->free_standing);
    size_t present = 0, focus = 0, pairs = 0, found = 0, tight = 0, things = 0, things_here = 0;
    double w_all = 0, w_present = 0, w_lead = 0, w_topic = 0, w_repeat = 0, w_max = 0;
    for (size_t c = 0; c < q->nconcepts; c++)
        w_max = fmax(w_max, concept_idf(q, c));
    for (size_t c = 0; c < q->nconcepts; c++) {
        double w = concept_idf(q, c);
        const concept *k = &q->concepts[c];
        /* a place or a year says where or when, not what is asked about */
        int thing = k->u1 > k->u0 && q->units[k->u0].qweight >= 1.0f && !k->nplaces && !k->year &&
                    !k->speaker;
        w_all += w;
        things += thing;
        if (concept_present(o, c)) {
            present++;
            things_here += thing;
            w_present += w * s->best[c];
            focus += s->free_standing[c] > 0;
            w_lead += (s->free_standing[c] & 2) ? w : 0;
            w_topic += (s->free_standing[c] & 8) ? w : 0;
            w_repeat += o->ccount[c] >= 2 && w >= REPEAT_SHARE * w_max ? w : 0;
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
#ifdef SS_TUNE
    if (getenv("SS_EXPLAIN"))
        fprintf(stderr, "N cover %.3f most %zu/%zu pair %zu tight %zu /%zu focus %zu/%zu lead %.3f topic %.3f repeat %.3f\n",
                cover, most, q->nconcepts, found, tight, pairs, focus, present,
                w_all > 0 ? w_lead / w_all : 0, w_all > 0 ? w_topic / w_all : 0, w_all > 0 ? w_repeat / w_all : 0);
#endif
    return context_weight(q, o) * cover * (things && !things_here ? W_NO_THING : 1.0) *
           (1.0 + W_NEAR * (double)most / q->nconcepts +
            W_PAIR * (pairs ? (double)found / pairs : 0.0) +
            W_TIGHT * (pairs ? (double)tight / pairs : 0.0) + W_FOCUS * (double)focus / present +
            (w_all > 0 ? (W_QLEAD * w_lead + W_QTOPIC * w_topic + W_QREPEAT * w_repeat) / w_all
                       : 0.0));
}

/* A passage that is a note defining a term (the glossary after a work
 * report: "PPP模式：即政府和社会资本合作…", "[12]公交都市：指…") says what
 * the term means, not what was done about it: its factor is multiplied by
 * W_DEFINITION.  It is one when, within its first DEFINITION_POS atoms,
 * separating punctuation is followed by a word of definition (即, 指, 是指…),
 * or when it opens as a numbered note (is_note).  Not for a keyword query of
 * one word: the note on what 林长制 means is about what was asked. */
#define W_DEFINITION TUNABLE(W_DEFINITION, 0.7)
#define DEFINITION_POS 30

static int is_definition(const ss_analysis *an)
{
    /* words of definition, a character an atom; 即 and 指 alone unless a
     * character follows that makes another word (即将, 即使, 指导, 指出…) */
    static const char *const defining[][2] = { { "是", "指" }, { "系", "指" }, { "泛", "指" },
                                               { "特", "指" }, { "又", "称" }, { "简", "称" },
                                               { "全", "称" }, { "也", "称" } };
    static const char *const not_after[] = { "将", "使", "便", "可", "时", "刻", "日", "导",
                                             "出", "挥", "标", "引", "示", "定", "令", "南",
                                             "数", "向", "明", "望", "责", "针", "纹" };
    for (size_t k = 1; k < an->natoms && k < DEFINITION_POS; k++) {
        if (!(an->atoms[k].flags & SS_AF_BREAK) || (an->atoms[k].flags & SS_AF_LIST))
            continue;
        for (size_t i = 0; i < NELEM(defining); i++)
            if (atom_is(an, k, defining[i][0]) && atom_is(an, k + 1, defining[i][1]))
                return 1;
        if (atom_is(an, k, "即") || atom_is(an, k, "指")) {
            int other = 0;
            for (size_t i = 0; i < NELEM(not_after) && !other; i++)
                other = atom_is(an, k + 1, not_after[i]) && !(an->atoms[k + 1].flags & SS_AF_BREAK);
            if (!other)
                return 1;
        }
    }
    return 0;
}

/* A numbered note ("[9]《总体方案》：海南…", "注5：“一线”放开、“二线”管住：…",
 * "12.“法律七进”：在…"; "注：…") opens with its number (注 before it,
 * brackets around it or a dot after it) and names its term before a colon
 * within NOTE_TERM_ATOMS atoms, no separating punctuation but 、 between:
 * a body passage's numbered item says what is done ("1.落实政策措施。"). */
#define NOTE_TERM_ATOMS 24
#define NOTE_NUMBER_MAX 3    /* digits of a note's number (a year, 2019年：, is none) */

static int is_note(const ss_analysis *an)
{
    size_t k = atom_is(an, 0, "注") ? 1 : 0;
    if (k == 1 && an->natoms > 1 && (an->atoms[1].flags & SS_AF_COLON))
        return 1; /* 注：… */
    if (k >= an->natoms || an->atoms[k].kind != SS_ATOM_ASCII ||
        an->atoms[k].normlen > NOTE_NUMBER_MAX)
        return 0;
    for (size_t i = 0; i < an->atoms[k].normlen; i++)
        if (an->norm[an->atoms[k].norm + i] < '0' || an->norm[an->atoms[k].norm + i] > '9')
            return 0;
    /* the term starts after the number (and after 注5： when there is one) */
    for (size_t t = k + 2; t < an->natoms && t < k + 1 + NOTE_TERM_ATOMS; t++) {
        uint8_t f = an->atoms[t].flags;
        if (f & SS_AF_COLON)
            return 1;
        if ((f & SS_AF_BREAK) && !(f & SS_AF_LIST))
            return 0;
    }
    return 0;
}

/* A year: filter takes the passages of speeches given in the years asked
 * and the passages that speak of them (passage_year.h); the first rank
 * above the others, whose factor is multiplied by W_YEAR_SPOKEN. */
#define W_YEAR_SPOKEN TUNABLE(W_YEAR_SPOKEN, 0.5)

/* A region: filter takes the passages of speeches about the places asked
 * (their own region, or a place their title names, is one or lies inside
 * one) and the passages that name them (filter.h); the first rank above
 * the others (上海家园小区 in another city's report), whose factor is
 * multiplied by W_PLACE_NAMED -- the rule of W_YEAR_SPOKEN for places
 * (qcontext.c, ss_q_region_named_only). */
#define W_PLACE_NAMED TUNABLE(W_PLACE_NAMED, 0.5)

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
        int named_only = 0;
        if (*factor > 0 && rc == SS_OK)
            rc = ss_q_region_named_only(q, meta, &named_only, err);
        if (named_only)
            *factor *= W_PLACE_NAMED;
        if (*factor > 0 && ss_query_has_text(q) && (q->natural || q->nconcepts > 1) &&
            (is_definition(an) || is_note(an)))
            *factor *= W_DEFINITION;
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

/* ---- The partial tier (search.h: ss_search_opts.partial) ----
 * A keyword query read loosely (ss_query_opts.loose: related words "~"
 * are other forms of its words).  A word (a keyword item's concept) is
 * present when it stands as for a strict match (strength as qfind.c
 * says), or a related form stands (S_RELATED), or, a word of several units,
 * its units all stand in one sentence, in any order, with strength
 * LOOSE_S_SENTENCE, or, a word gluing letters or digits to Chinese
 * (PPT挂图作战, 30MW生物质发电), its Chinese core (concept.core0, core1:
 * three Han characters or more; qparse.c) stands (its units in one
 * sentence) without them, with
 * strength LOOSE_S_CORE: the passage misses only the qualifier.  A sentence ends at 。！？; (full or half width) or
 * a line break.  The query's parts are its OR groups (a word alone is a
 * group of one); a part weighs the rarity of the rarest unit of its words
 * (log N/df, the largest among its items) and is present when one of its
 * items is (every word of it present).  A passage qualifies when
 *   Σ weight of the parts present >= PARTIAL_MIN_SHARE * Σ weight of all
 * (a query of one part: that part present), no part holding a quoted
 * phrase is missing, and no excluded word stands; its share is
 *   Σ weight * strength of the parts present / Σ weight of all,
 * the strength of a part being that of its best item (an item's: its
 * weakest word).  A missing part still adds, to the share only (never to
 * what is present), LOOSE_S_UNITS * the share of its units' rarity that
 * stands anywhere in the passage (洪水 of 特大洪水): among passages that
 * miss a word, those holding some of it come first. */
#define LOOSE_S_SENTENCE TUNABLE(LOOSE_S_SENTENCE, 0.4)
#define LOOSE_S_UNITS TUNABLE(LOOSE_S_UNITS, 0.2)
#define PARTIAL_MIN_SHARE TUNABLE(PARTIAL_MIN_SHARE, 0.5)
#define LOOSE_S_CORE TUNABLE(LOOSE_S_CORE, 0.3)
/* A word of SUBRUN_MIN_UNITS typed units or more that stands in none of
 * those ways is present by a run of two or more of its units side by side
 * (全周期服务 of 项目全周期服务: the word as typed is written nowhere, the
 * thing it names is), when the run holds SUBRUN_MIN_SHARE of the word's
 * rarity (log N/df of its units), with strength LOOSE_S_SUBRUN * that
 * share.  Its characters stand together: nothing is scattered. */
#define LOOSE_S_SUBRUN TUNABLE(LOOSE_S_SUBRUN, 0.3)
#define SUBRUN_MIN_SHARE TUNABLE(SUBRUN_MIN_SHARE, 0.5)

/* 1 when the gap before atom k (from the atom before it) ends a sentence:
 * 。！？; or a line break (the analyser's flags). */
static int sentence_break(const ss_analysis *an, size_t k)
{
    uint8_t f = an->atoms[k].flags;
    return (f & SS_AF_BREAK) && (f & (SS_AF_LINE | SS_AF_STOP));
}

/* 1 when every unit of q->units[u0, u1) (two or more) stands in one
 * sentence (sid: the sentence of each atom); with mark, sets mark[s] for
 * every such sentence s.  Each unit's occurrences are in text order: the
 * lists are intersected by advancing the ones behind, linear in them. */
static int range_in_sentence(size_t u0, size_t u1, const occs *o, const uint32_t *sid,
                             uint8_t *mark)
{
    int found = 0;
    size_t k = u1 - u0, at[MAX_PIECES_ITEM];
    if (k < 2 || k > MAX_PIECES_ITEM)
        return 0;
    for (size_t i = 0; i < k; i++) {
        at[i] = 0;
        if (!o->count[u0 + i])
            return 0;
    }
    for (;;) {
        uint32_t top = 0;
        for (size_t i = 0; i < k; i++) {
            uint32_t s = sid[o->v[o->first[u0 + i] + at[i]].atom];
            top = s > top ? s : top;
        }
        int all = 1;
        for (size_t i = 0; i < k; i++) {
            size_t u = u0 + i;
            while (at[i] < o->count[u] && sid[o->v[o->first[u] + at[i]].atom] < top)
                at[i]++;
            if (at[i] == o->count[u])
                return found;
            all &= sid[o->v[o->first[u] + at[i]].atom] == top;
        }
        if (all && !mark)
            return 1;
        if (all) { /* this sentence holds them: look on past it */
            found = mark[top] = 1;
            for (size_t i = 0; i < k; i++)
                if (++at[i] == o->count[u0 + i])
                    return found;
        }
    }
}

/* 1 when the typed units of concept c (two or more; not a figure) stand
 * in one sentence (range_in_sentence). */
static int units_in_sentence(const concept *c, const occs *o, const uint32_t *sid,
                             uint8_t *mark)
{
    return !c->figure && range_in_sentence(c->u0, c->u1, o, sid, mark);
}

/* 1 when the Chinese core of concept c stands: its one unit anywhere, or
 * its units in one sentence (with mark: those sentences marked). */
static int core_stands(const concept *c, const occs *o, const uint32_t *sid, uint8_t *mark)
{
    size_t k0 = c->core0, k1 = c->core1;
    if (k0 == k1)
        return 0;
    if (k1 - k0 > 1)
        return range_in_sentence(k0, k1, o, sid, mark);
    if (mark)
        for (size_t i = o->first[k0]; i < o->first[k0] + o->count[k0]; i++)
            mark[sid[o->v[i].atom]] = 1;
    return o->count[k0] > 0;
}

/* Share of concept c's units' rarity (log N/df; 1 each when unknown)
 * whose units stand in the passage, anywhere. */
static double units_standing(const ss_query *q, const concept *c, const occs *o)
{
    double all = 0, some = 0;
    for (size_t u = c->u0; u < c->u1; u++) {
        double w = q->units[u].idf > 0 ? q->units[u].idf : 1.0;
        all += w;
        some += o->count[u] ? w : 0;
    }
    return all > 0 && c->u1 - c->u0 > 1 ? some / all : 0;
}

/* The unit occurrence of unit u that ends right before position pos with
 * no punctuation between, its index in o->v, or SIZE_MAX. */
static size_t ends_before(const ss_analysis *an, const occs *o, size_t u, uint32_t pos,
                          uint32_t atom)
{
    if (pos == 0 || (an->atoms[atom].flags & SS_AF_BREAK))
        return SIZE_MAX;
    size_t lo = o->first[u], hi = o->first[u] + o->count[u]; /* by position */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (o->v[mid].end < pos - 1)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < o->first[u] + o->count[u] && o->v[lo].end == pos - 1 ? lo : SIZE_MAX;
}

/* Share of concept c's rarity held by its best run of two or more (not
 * all) of its typed units standing side by side, or 0 (LOOSE_S_SUBRUN).
 * run: scratch of o->n entries. */
static double subrun_share(const ss_query *q, const ss_analysis *an, const concept *c,
                           const occs *o, uint8_t *run)
{
    size_t k = c->u1 - c->u0;
    if (k < SUBRUN_MIN_UNITS || c->figure || c->core1 > c->core0)
        return 0;
    double all = 0, best = 0;
    for (size_t u = c->u0; u < c->u1; u++)
        all += q->units[u].idf > 0 ? q->units[u].idf : 1.0;
    for (size_t u = c->u0; u < c->u1; u++)
        for (size_t i = o->first[u]; i < o->first[u] + o->count[u]; i++) {
            size_t p = u > c->u0 ? ends_before(an, o, u - 1, o->v[i].pos, o->v[i].atom)
                                 : SIZE_MAX;
            run[i] = p == SIZE_MAX ? 1 : (uint8_t)(run[p] < 254 ? run[p] + 1 : 254);
            if (run[i] < 2 || run[i] >= k)
                continue;
            double w = 0;
            for (size_t v = u + 1 - run[i]; v <= u; v++)
                w += q->units[v].idf > 0 ? q->units[v].idf : 1.0;
            best = w > best ? w : best;
        }
    return all > 0 ? best / all : 0;
}

/* Appends to v (n of cap) the units of concept c's runs of two or more
 * side by side, when they hold enough of it to make it present. */
static void subrun_spans(const ss_query *q, const ss_analysis *an, const concept *c,
                         const occs *o, ss_span *v, size_t *n, size_t cap)
{
    uint8_t *run = malloc(2 * (o->n + 1)), *shown = run ? run + o->n + 1 : NULL;
    if (!run || subrun_share(q, an, c, o, run) < SUBRUN_MIN_SHARE) {
        free(run);
        return;
    }
    memset(shown, 0, o->n + 1);
    for (size_t u = c->u1; u-- > c->u0;) /* each run from its end back */
        for (size_t i = o->first[u]; i < o->first[u] + o->count[u]; i++) {
            if (run[i] < 2)
                continue;
            for (size_t j = i, w = u; j != SIZE_MAX && !shown[j] && *n < cap; w--) {
                shown[j] = 1;
                v[(*n)++] = (ss_span){ an->atoms[o->v[j].atom].start,
                                       an->atoms[o->v[j].atom_end].end };
                j = w > c->u0 ? ends_before(an, o, w - 1, o->v[j].pos, o->v[j].atom) : SIZE_MAX;
            }
        }
    free(run);
}

/* Rarity of concept c's rarest typed unit. */
static double concept_rarest(const ss_query *q, const concept *c)
{
    double w = 0;
    for (size_t u = c->u0; u < c->u1; u++)
        w = q->units[u].idf > w ? q->units[u].idf : w;
    return w > 0 ? w : 1.0;
}

/* Weight of an item: the rarest unit of its words. */
static double item_weight(const ss_query *q, const item *it)
{
    double w = 0;
    for (size_t c = it->c0; c < it->c1; c++) {
        double wc = concept_rarest(q, &q->concepts[c]);
        w = wc > w ? wc : w;
    }
    return w;
}

/* 1 when a word typed as several units, read as those units apart by the
 * last reading of the partial tier (item.chunk), has every unit present
 * (str: each concept's strength) but not all in one sentence
 * (range_in_sentence; sid: each atom's sentence): its units scattered over
 * the passage, which never match the word, so no hit. */
static int chunk_apart(const ss_query *q, const double *str, const occs *o,
                       const uint32_t *sid)
{
    for (size_t i = 0; i < q->nitems;) {
        size_t k = q->items[i].chunk, j = i;
        int all = 1;
        for (; j < q->nitems && k && q->items[j].chunk == k; j++)
            for (size_t c = q->items[j].c0; c < q->items[j].c1; c++)
                all &= str[c] > 0;
        if (k && all && !range_in_sentence(k - 1, q->items[j - 1].u1, o, sid, NULL))
            return 1;
        i = j > i ? j : i + 1;
    }
    return 0;
}

ss_code ss_query_judge_loose(const ss_query *q, const ss_analysis *an,
                             const ss_passage_meta *meta, double *share, uint64_t *missing,
                             uint64_t *cored, ss_err *err)
{
    uint64_t cored_items = 0;
    *share = 0;
    *missing = 0;
    if (cored)
        *cored = 0;
    if (q->natural || !ss_query_has_text(q))
        return SS_OK;
    occs o;
    ss_code rc = ss_q_find_occs(q, an, meta, &o, err);
    uint32_t *sid = rc == SS_OK ? malloc((an->natoms + 1) * sizeof *sid) : NULL;
    double *str = rc == SS_OK ? calloc(q->nconcepts + 1, sizeof *str) : NULL;
    uint8_t *run = rc == SS_OK ? malloc(o.n + 1) : NULL;
    if (rc == SS_OK && (!sid || !str || !run))
        rc = ss_seterr(err, SS_ENOMEM, "out of memory ranking");
    if (rc != SS_OK) {
        free(sid);
        free(str);
        free(run);
        ss_q_occs_free(&o);
        return rc;
    }
    for (size_t a = 0; a < an->natoms; a++)
        sid[a] = a ? sid[a - 1] + (uint32_t)sentence_break(an, a) : 0;
    for (size_t c = 0; c < q->nconcepts; c++)
        str[c] = o.ctx[c];
    for (size_t k = 0; k < o.nc; k++)
        if (o.c[k].strength > str[o.c[k].id])
            str[o.c[k].id] = o.c[k].strength;
    for (size_t c = 0; c < q->nconcepts; c++) {
        const concept *k = &q->concepts[c];
        if (concept_present(&o, c))
            continue;
        if (units_in_sentence(k, &o, sid, NULL)) {
            str[c] = LOOSE_S_SENTENCE;
        } else if (core_stands(k, &o, sid, NULL)) {
            str[c] = LOOSE_S_CORE;
            cored_items |= k->item < 64 ? (uint64_t)1 << k->item : 0;
        } else {
            double sh = subrun_share(q, an, k, &o, run);
            if (sh >= SUBRUN_MIN_SHARE)
                str[c] = LOOSE_S_SUBRUN * sh;
        }
    }
    double w_all = 0, w_present = 0, w_strength = 0, g_w = 0, g_s = 0, g_some = 0;
    int ok = !chunk_apart(q, str, &o, sid), g_present = 0, g_quoted = 0, in_group = 0, thing = 0;
    size_t parts = 0, g0 = 0;
    for (size_t i = 0; ok && i < q->nitems; i++) {
        const item *it = &q->items[i];
        if (it->negated) {
            ok = !excluded_present(it, &o);
            continue;
        }
        double w = item_weight(q, it), s = 1.0, some = 1.0;
        int present = it->c1 > it->c0, in_text = 0;
        for (size_t c = it->c0; c < it->c1; c++) {
            double part = str[c] > 0 ? str[c]
                                     : LOOSE_S_UNITS * units_standing(q, &q->concepts[c], &o);
            present &= str[c] > 0;
            /* a word of the text, not a place or a year the speech is about */
            in_text |= str[c] > o.ctx[c] && !q->concepts[c].nplaces && !q->concepts[c].year &&
                       !q->concepts[c].speaker;
            s = str[c] < s ? str[c] : s;
            some = part < some ? part : some;
        }
        if (!in_group)
            g0 = i;
        in_group = 1;
        g_w = w > g_w ? w : g_w;
        g_quoted |= it->quoted;
        if (present) {
            g_present = 1;
            g_s = s > g_s ? s : g_s;
            thing |= in_text;
        }
        g_some = some > g_some ? some : g_some;
        if (q->or_next[i] && i + 1 < q->nitems)
            continue;
        /* the group ends here */
        parts++;
        w_all += g_w;
        if (g_present) {
            w_present += g_w;
            w_strength += g_w * g_s;
        } else {
            w_strength += g_w * g_some;
            ok = !g_quoted;
            for (size_t j = g0; j <= i; j++)
                *missing |= j < 64 ? (uint64_t)1 << j : 0;
        }
        g_w = g_s = g_some = 0;
        g_present = g_quoted = in_group = 0;
    }
    if (ok && parts && w_all > 0 && w_present > 0 &&
        (q->loose >= 2 ? thing : w_present >= PARTIAL_MIN_SHARE * w_all))
        *share = w_strength / w_all;
    if (*share <= 0)
        *missing = 0;
    else if (cored)
        *cored = cored_items & ~*missing;
    free(sid);
    free(str);
    free(run);
    ss_q_occs_free(&o);
    return SS_OK;
}

/* 1 when a word of item it has a Chinese core (concept.core0, core1). */
static int has_core(const ss_query *q, const item *it)
{
    for (size_t c = it->c0; c < it->c1; c++)
        if (q->concepts[c].core1 > q->concepts[c].core0)
            return 1;
    return 0;
}

size_t ss_query_loose_required(const ss_query *q, size_t *items, size_t max)
{
    double w_all = 0, w_group = 0;
    if (q->natural)
        return 0;
    for (size_t i = 0; i < q->nitems; i++) { /* Σ weight of the parts */
        double w = q->items[i].negated ? 0 : item_weight(q, &q->items[i]);
        w_group = w > w_group ? w : w_group;
        if (!q->or_next[i] || i + 1 == q->nitems) {
            w_all += w_group;
            w_group = 0;
        }
    }
    size_t n = 0;
    for (size_t i = 0; i < q->nitems && n < max; i++) {
        const item *it = &q->items[i];
        int alone = !q->or_next[i] && (i == 0 || !q->or_next[i - 1]);
        if (it->negated || !alone || it->c1 == it->c0 || (!it->quoted && has_core(q, it)))
            continue; /* a word with a Chinese core may be present without its qualifier */
        if (it->quoted || w_all - item_weight(q, it) < PARTIAL_MIN_SHARE * w_all)
            items[n++] = i;
    }
    return n;
}

static int by_start(const void *a, const void *b)
{
    const ss_span *x = a, *y = b;
    return x->start < y->start ? -1 : x->start > y->start;
}

ss_code ss_query_loose_highlights(const ss_query *q, const ss_analysis *an, ss_span **hl,
                                  size_t *nhl, ss_err *err)
{
    occs o;
    ss_span *v = NULL;
    size_t n = 0;
    *hl = NULL;
    *nhl = 0;
    ss_code rc = ss_q_find_occs(q, an, NULL, &o, err);
    if (rc == SS_OK)
        rc = ss_q_highlights(q, an, &o, &v, &n, err);
    uint32_t *sid = rc == SS_OK ? malloc((an->natoms + 1) * sizeof *sid) : NULL;
    uint8_t *mark = rc == SS_OK ? malloc(an->natoms + 1) : NULL;
    size_t cap = n + o.n + 1;
    ss_span *all = rc == SS_OK ? malloc(cap * sizeof *all) : NULL;
    if (rc == SS_OK && (!sid || !mark || !all))
        rc = ss_seterr(err, SS_ENOMEM, "out of memory highlighting");
    if (rc == SS_OK) {
        memcpy(all, v, n * sizeof *v);
        for (size_t a = 0; a < an->natoms; a++)
            sid[a] = a ? sid[a - 1] + (uint32_t)sentence_break(an, a) : 0;
        /* a word present by its units in one sentence: those units there */
        for (size_t c = 0; c < q->nconcepts; c++) {
            const concept *k = &q->concepts[c];
            memset(mark, 0, an->natoms + 1);
            if (o.ccount[c])
                continue;
            if (!units_in_sentence(k, &o, sid, mark) && !core_stands(k, &o, sid, mark)) {
                subrun_spans(q, an, k, &o, all, &n, cap);
                continue;
            }
            for (size_t u = k->u0; u < k->u1; u++)
                for (size_t i = o.first[u]; i < o.first[u] + o.count[u]; i++)
                    if (mark[sid[o.v[i].atom]] && n < cap)
                        all[n++] = (ss_span){ an->atoms[o.v[i].atom].start,
                                              an->atoms[o.v[i].atom_end].end };
        }
        if (n > 1)
            qsort(all, n, sizeof *all, by_start);
        size_t m = 0;
        for (size_t i = 0; i < n; i++) {
            if (m && all[i].start <= all[m - 1].end)
                all[m - 1].end = all[i].end > all[m - 1].end ? all[i].end : all[m - 1].end;
            else
                all[m++] = all[i];
        }
        *hl = all;
        *nhl = m;
        all = NULL;
    }
    free(all);
    free(v);
    free(sid);
    free(mark);
    ss_q_occs_free(&o);
    return rc;
}
