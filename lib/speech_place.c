/* speech_place.c: the places a speech names and its own region (see
 * speech_int.h).
 *
 * Places come from a gazetteer scan of the speech's simplified text.  Its
 * own region is the one stated with the speaker's role, else the dominant
 * province, then the city (county) carrying most of its weight, heading
 * lines weighing three times, no finer than the speech's 全省/全市/全县. */
#include "speech_int.h"

#include <stdlib.h>
#include <string.h>

#include "base.h"

static int add_hit(void *arg, uint32_t id, size_t start, size_t end)
{
    sctx *c = arg;
    if (SS_GROW(c->hits, c->nhits + 1, c->caphits, 32) < 0) {
        c->oom = 1;
        return -1;
    }
    c->hits[c->nhits++] = (hit){ start, end, id };
    return 0;
}

ss_code sp_scan_places(sctx *c, ss_err *err)
{
    if (!c->g || c->tn == 0)
        return SS_OK;
    ss_code rc = ss_gaz_scan(c->g, c->t, c->tn, add_hit, c, err);
    if (rc == SS_OK && c->oom)
        rc = ss_seterr(err, SS_ENOMEM, "out of memory listing places");
    return rc;
}

/* The finest level the speech speaks of itself at: 全省 1, 全市 2, 全县 3. */
static int self_level(const sctx *c)
{
    static const char *const self[3][3] = { { "全省", "我省", "本省" },
                                            { "全市", "我市", "本市" },
                                            { "全县", "我县", "本县" } };
    size_t best = 0;
    int level = SS_GAZ_COUNTY;
    for (int lv = 0; lv < 3; lv++) {
        size_t cnt = 0;
        for (int k = 0; k < 3; k++)
            for (size_t off = 0, p; (p = find(c->t + off, c->tn - off, self[lv][k])) != NOT_FOUND;
                 off += p + 1)
                cnt++;
        if (cnt && cnt >= best) {
            best = cnt;
            level = lv + 1;
        }
    }
    return level;
}

/* Weight of hit k: 3 on a heading line (not a byline or date line), else 1.
 * *line and *meta remember the last head line looked at and whether it is a
 * byline or date line: places come in text order, so a long head line
 * (第一篇… on one line) is read once, not once per place it names. */
static unsigned hit_weight(const sctx *c, size_t k, size_t *line, int *meta)
{
    for (size_t l = c->a; l < c->h; l++) {
        size_t n, off;
        const char *s = cline(c, l, &n, &off);
        if (c->hits[k].start >= off && c->hits[k].end <= off + n) {
            if (l != *line) {
                *line = l;
                *meta = sp_is_meta_line(s, n);
            }
            return *meta ? 1 : 3;
        }
    }
    return 1;
}

/* Scores of the places named and of their ancestors, in cand (distinct). */
static size_t score_places(const sctx *c, unsigned *score, uint32_t *cand)
{
    size_t nc = 0, line = (size_t)-1;
    int meta = 0;
    for (size_t k = 0; k < c->nhits; k++) {
        unsigned w = hit_weight(c, k, &line, &meta);
        for (uint32_t a = c->hits[k].id; a; a = ss_gaz_parent(c->g, a)) {
            if (!score[a])
                cand[nc++] = a;
            score[a] += w;
        }
    }
    return nc;
}

/* Of the candidates under parent (0: provinces), the best and the runner-up score. */
static uint32_t best_child(const sctx *c, const unsigned *score, const uint32_t *cand, size_t nc,
                           uint32_t parent, unsigned *second)
{
    uint32_t best = 0;
    *second = 0;
    for (size_t i = 0; i < nc; i++) {
        if (ss_gaz_parent(c->g, cand[i]) != parent)
            continue;
        if (!best || score[cand[i]] > score[best]) {
            if (best)
                *second = score[best];
            best = cand[i];
        } else if (score[cand[i]] > *second) {
            *second = score[cand[i]];
        }
    }
    return best;
}

/* The dominant province, then the city (county) carrying most of its weight. */
static uint32_t dominant_region(const sctx *c, unsigned *score, uint32_t *cand)
{
    size_t nc = score_places(c, score, cand);
    unsigned second;
    uint32_t cur = best_child(c, score, cand, nc, 0, &second);
    if (!cur || score[cur] < 3 || score[cur] < 2 * second)
        return 0;
    int cap = self_level(c);
    for (;;) {
        uint32_t ch = best_child(c, score, cand, nc, cur, &second);
        if (!ch || ss_gaz_level(c->g, ch) > cap || score[ch] < 3 || 5 * score[ch] < 3 * score[cur])
            return cur;
        cur = ch;
    }
}

/* A place the title names inside the region its text makes dominant
 * (贵阳市 of 2014年贵阳市政府工作报告, whose text names places all over
 * 贵州省), or the place it names when the text makes none dominant, is
 * the speech's own: the finest of the title's places, when they lie one
 * inside the other.  A title naming a place outside that region (a file
 * whose text is another city's) leaves it. */
static uint32_t title_refines(const sctx *c, uint32_t region)
{
    size_t n, off;
    if (c->tl == NOT_FOUND)
        return region;
    cline(c, c->tl, &n, &off);
    if (n > c->tlen)
        n = c->tlen;
    uint32_t best = 0;
    for (size_t k = 0; k < c->nhits; k++) {
        const hit *h = &c->hits[k];
        if (h->start < off || h->end > off + n || h->id == region ||
            (region && !ss_gaz_within(c->g, h->id, region)) ||
            ss_in_speaker_name(c->t + off, n, c->who, h->start - off, h->end - off, 0))
            continue;
        if (!best || ss_gaz_within(c->g, h->id, best))
            best = h->id;
        else if (!ss_gaz_within(c->g, best, h->id))
            return region; /* two places apart: not one speaker's own */
    }
    return best ? best : region;
}

ss_code sp_own_region(const sctx *c, uint32_t *out, ss_err *err)
{
    *out = c->stated;
    if (*out || !c->g || !c->nhits)
        return SS_OK;
    size_t n = ss_gaz_count(c->g) + 1;
    unsigned *score = calloc(n, sizeof *score);
    uint32_t *cand = calloc(n, sizeof *cand);
    if (score && cand)
        *out = title_refines(c, dominant_region(c, score, cand));
    free(score);
    free(cand);
    return (score && cand) ? SS_OK : ss_seterr(err, SS_ENOMEM, "out of memory finding regions");
}

/* Distinct places in order of first mention. */
ss_code sp_place_list(const sctx *c, ss_speech *sp, ss_err *err)
{
    if (!c->nhits)
        return SS_OK;
    sp->regions = malloc(c->nhits * sizeof *sp->regions);
    if (!sp->regions)
        return ss_seterr(err, SS_ENOMEM, "out of memory listing places");
    for (size_t k = 0; k < c->nhits; k++) {
        size_t i = 0;
        while (i < sp->nregions && sp->regions[i] != c->hits[k].id)
            i++;
        if (i == sp->nregions)
            sp->regions[sp->nregions++] = c->hits[k].id;
    }
    return SS_OK;
}
