/* gazetteer_scan.c: finding the places a text names (ss_gaz_scan, see
 * gazetteer.h): every name and short form of the tables at each position,
 * longest first, minus those the context makes no place (孙中山, 平安阳…),
 * and an ambiguous short form resolved by the places around it. */
#include "gazetteer_int.h"

#include <stdlib.h>

/* A key whose last character runs into a word: last character, next. */
static const char *const BAD_TAIL[][2] = {
    { "区", "域" }, { "区", "分" }, { "区", "别" }, { "区", "块" }, { "区", "间" },
    { "市", "场" }, { "市", "值" }
};

/* Keys followed (BAD_NEXT) or preceded (BAD_PREV) by these are other words. */
static const char *const BAD_NEXT[][2] = {
    { "新乡", "村" }, { "三明", "治" }, { "大理", "石" }, { "朝阳", "产" },
    { "黄山", "松" }, { "中山", "装" }, { "长春", "藤" }
};

static const char *const BAD_PREV[][2] = { { "孙", "中山" }, { "平", "安阳" }, { "复", "合肥" } };

/* ---- scan ---- */

typedef struct {
    size_t start, end;
    const gz_group *gr;
    uint32_t id; /* resolved place, 0 = dropped */
} gz_match;

typedef struct {
    gz_match *v;
    size_t n, cap;
} match_vec;

static int push_match(match_vec *mv, size_t s, size_t e, const gz_group *gr)
{
    if (SS_GROW(mv->v, mv->n + 1, mv->cap, 64) < 0)
        return -1;
    mv->v[mv->n++] = (gz_match){ s, e, gr, 0 };
    return 0;
}

static int is_mask(uint32_t cp)
{
    switch (cp) {
    case '*': case 'x': case 'X': case '?': case 0xFF0A: case 0xFF58: case 0xFF38:
    case 0xD7: case 0x25A1: case 0x25A0: case 0x25CB: case 0x25CF: case 0xFF1F:
    case 0x67D0: case 0x2573: case 0x2606: case 0x2605:
        return 1;
    default:
        return 0;
    }
}

/* The code point ending just before byte i, 0 at the start. */
static uint32_t prev_cp(const char *t, size_t i)
{
    if (i == 0)
        return 0;
    size_t k = i - 1;
    while (k > 0 && i - k < 4 && ((unsigned char)t[k] & 0xC0) == 0x80)
        k--;
    size_t j = k;
    uint32_t cp = utf8_next(t, i, &j);
    return j == i ? cp : 0xFFFD;
}

static int bad_context(const char *t, size_t len, size_t s, size_t e)
{
    size_t n = e - s;
    for (size_t i = 0; i < NELEM(BAD_TAIL); i++)
        if (ends_with(t + s, n, BAD_TAIL[i][0]) != n &&
            starts_with(t + e, len - e, BAD_TAIL[i][1]))
            return 1;
    for (size_t i = 0; i < NELEM(BAD_NEXT); i++)
        if (strlen(BAD_NEXT[i][0]) == n && memcmp(t + s, BAD_NEXT[i][0], n) == 0 &&
            starts_with(t + e, len - e, BAD_NEXT[i][1]))
            return 1;
    for (size_t i = 0; i < NELEM(BAD_PREV); i++)
        if (strlen(BAD_PREV[i][1]) == n && memcmp(t + s, BAD_PREV[i][1], n) == 0 &&
            ends_with(t, s, BAD_PREV[i][0]) != s)
            return 1;
    return 0;
}

/* The longest acceptable key starting at byte i (a Han character), or NULL;
 * *end gets its end. */
static const gz_group *match_at(const ss_gazetteer *g, const char *t, size_t len, size_t i,
                                size_t *end)
{
    uint64_t pk = prefix_key(t + i, len - i);
    if (!pk)
        return NULL;
    const gz_pfx *p = &g->pfx[pfx_slot(g, pk)];
    if (!p->pfx || is_mask(prev_cp(t, i)))
        return NULL;
    size_t ends[GZ_MAX_KEY], n = 0, j = i;
    while (j < len && j - i < p->maxlen && n < GZ_MAX_KEY) {
        utf8_next(t, len, &j);
        if (j - i <= p->maxlen)
            ends[n++] = j;
    }
    for (size_t k = n; k-- > 1;) {
        const gz_group *gr = find_group(g, t + i, ends[k] - i);
        if (gr && !bad_context(t, len, i, ends[k])) {
            *end = ends[k];
            return gr;
        }
    }
    return NULL;
}

static ss_code collect(const ss_gazetteer *g, const char *t, size_t len, match_vec *mv,
                       ss_err *err)
{
    size_t i = 0;
    while (i < len) {
        if ((unsigned char)t[i] < 0x80) {
            i++;
            continue;
        }
        size_t e = 0;
        const gz_group *gr = match_at(g, t, len, i, &e);
        if (gr) {
            if (push_match(mv, i, e, gr) < 0)
                return ss_seterr(err, SS_ENOMEM, "out of memory scanning for places");
            i = e;
        } else {
            utf8_next(t, len, &i);
        }
    }
    return SS_OK;
}

enum { MK_ANCHOR = 1, MK_CONTEXT = 2 };

/* What resolving a scan's matches needs: the matches, marks per place
 * (MK_*), and how often each key occurs in the text. */
typedef struct {
    const ss_gazetteer *g;
    match_vec mv;
    uint8_t *mk;   /* [n + 1] */
    uint16_t *cnt; /* [ngrp] */
} scan_state;

/* Marks places named unambiguously (one non-weak candidate) as anchors and
 * them and their ancestors as context; counts keys. */
static void mark_anchors(scan_state *st)
{
    const ss_gazetteer *g = st->g;
    for (size_t i = 0; i < st->mv.n; i++) {
        const gz_group *gr = st->mv.v[i].gr;
        uint16_t *c = &st->cnt[gr - g->grp];
        *c += *c < UINT16_MAX;
        uint32_t only = 0, count = 0;
        for (uint32_t e = gr->first; e; e = g->ent[e - 1].next)
            if (!(g->ent[e - 1].flags & GZ_WEAK)) {
                only = g->ent[e - 1].id;
                count++;
            }
        if (count != 1)
            continue;
        st->mk[only] |= MK_ANCHOR;
        for (uint32_t a = only; a; a = g->pl[a].parent)
            st->mk[a] |= MK_CONTEXT;
    }
}

static int group_has(const ss_gazetteer *g, const gz_group *gr, uint32_t id)
{
    for (uint32_t e = gr->first; e; e = g->ent[e - 1].next)
        if (g->ent[e - 1].id == id)
            return 1;
    return 0;
}

/* Does the match before k end where k starts and name an ancestor of id? */
static int after_ancestor(const scan_state *st, size_t k, uint32_t id)
{
    const ss_gazetteer *g = st->g;
    const gz_match *m = st->mv.v;
    if (k == 0 || m[k - 1].end != m[k].start)
        return 0;
    for (uint32_t a = g->pl[id].parent; a; a = g->pl[a].parent)
        if (group_has(g, m[k - 1].gr, a))
            return 1;
    return 0;
}

static uint32_t top_ancestor(const ss_gazetteer *g, uint32_t id)
{
    while (g->pl[id].parent)
        id = g->pl[id].parent;
    return id;
}

/* May candidate x of match k stand?  Weak keys need their context: a
 * county short form its city (or, said at least twice, its province). */
static int accepted(const scan_state *st, size_t k, const gz_entry *x)
{
    const ss_gazetteer *g = st->g;
    if (!(x->flags & GZ_WEAK) || (st->mk[x->id] & MK_ANCHOR))
        return 1;
    if (x->flags & GZ_WEAK_CTX) {
        if (st->mk[g->pl[x->id].parent] & MK_CONTEXT)
            return 1;
        if (st->cnt[st->mv.v[k].gr - g->grp] >= 2 &&
            (st->mk[top_ancestor(g, x->id)] & MK_CONTEXT))
            return 1;
    }
    return after_ancestor(st, k, x->id);
}

/* Preference of a candidate: anchored, then its parent in context, then a
 * full name, then the higher level. */
static unsigned rank(const scan_state *st, const gz_entry *x)
{
    const ss_gazetteer *g = st->g;
    uint32_t p = g->pl[x->id].parent;
    unsigned ctx = p && (st->mk[p] & MK_CONTEXT);
    return ((st->mk[x->id] & MK_ANCHOR) ? 64u : 0u) | (ctx ? 16u : 0u) |
           ((x->flags & GZ_FULL) ? 8u : 0u) | (unsigned)(4 - g->pl[x->id].level);
}

/* The place match k stands for, 0 if none or a tie. */
static uint32_t resolve(const scan_state *st, size_t k)
{
    const ss_gazetteer *g = st->g;
    uint32_t best = 0;
    unsigned best_rank = 0;
    int tie = 0;
    for (uint32_t e = st->mv.v[k].gr->first; e; e = g->ent[e - 1].next) {
        const gz_entry *x = &g->ent[e - 1];
        if (!accepted(st, k, x))
            continue;
        unsigned r = rank(st, x) + 1;
        if (r > best_rank) {
            best = x->id;
            best_rank = r;
            tie = 0;
        } else if (r == best_rank && x->id != best) {
            tie = 1;
        }
    }
    return tie ? 0 : best;
}

ss_code ss_gaz_scan(const ss_gazetteer *g, const char *text, size_t len, ss_gaz_cb cb, void *arg,
                    ss_err *err)
{
    if (!g || !text || !len)
        return SS_OK;
    scan_state st = { g, { NULL, 0, 0 }, NULL, NULL };
    ss_code rc = collect(g, text, len, &st.mv, err);
    if (rc == SS_OK && st.mv.n) {
        st.mk = calloc(g->n + 1, 1);
        st.cnt = calloc(g->ngrp, sizeof *st.cnt);
        if (!st.mk || !st.cnt)
            rc = ss_seterr(err, SS_ENOMEM, "out of memory scanning for places");
    }
    if (rc == SS_OK && st.mv.n) {
        mark_anchors(&st);
        for (size_t k = 0; k < st.mv.n; k++)
            st.mv.v[k].id = resolve(&st, k);
        for (size_t k = 0; k < st.mv.n; k++)
            if (st.mv.v[k].id && cb(arg, st.mv.v[k].id, st.mv.v[k].start, st.mv.v[k].end))
                break;
    }
    free(st.cnt);
    free(st.mk);
    free(st.mv.v);
    return rc;
}
