/* qparse.c: query items -> units, concepts and their other forms (see query.h,
 * query_int.h); the syntax itself is qsyntax.c, the words of an item and
 * whether the query is a question qwords.c. */
#define _GNU_SOURCE /* memmem */
#include "query_int.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base.h"
#include "numbers.h"
#include "segment.h"
#include "strbuf.h"
#include "utf8.h"

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
    free(q->concepts);
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

static ss_code describe(ss_query *q, ss_err *err);

/* Moves the unit last added (q->units[q->nunits - 1]) to index at, the
 * end of concept ci's other forms, shifting the units from at on, and
 * every index into them, by one. */
static void move_last_unit(ss_query *q, size_t ci, size_t at)
{
    unit u = q->units[q->nunits - 1];
    memmove(&q->units[at + 1], &q->units[at], (q->nunits - 1 - at) * sizeof *q->units);
    q->units[at] = u;
#define SHIFT(x) ((x) != SIZE_MAX && (x) >= at ? (x) + 1 : (x))
    for (size_t i = 0; i < q->nconcepts; i++) {
        concept *c = &q->concepts[i];
        int holds = i == ci; /* the concept the unit joins */
        c->u0 = SHIFT(c->u0);
        c->u1 = c->u1 > at ? c->u1 + 1 : c->u1;
        c->whole = SHIFT(c->whole);
        c->a0 = c->a0 > at || (c->a0 == at && !holds) ? c->a0 + 1 : c->a0;
        c->a1 = c->a1 > at || holds ? c->a1 + 1 : c->a1;
    }
    for (size_t i = 0; i < q->nitems; i++) {
        item *it = &q->items[i];
        it->u0 = SHIFT(it->u0);
        it->u1 = it->u1 > at ? it->u1 + 1 : it->u1;
        it->whole = SHIFT(it->whole);
    }
#undef SHIFT
}

/* Suffixes of the names of administrative divisions (许昌市, 河南省). */
static const char *const division_suffixes[] = { "市", "省", "县", "区", "州", "盟", "地区",
                                                 "自治区", "自治州", "自治县" };

/* A place typed with its suffix (柳州市) also stands where the text names
 * it without (柳州螺蛳粉): the name without the suffix, when the gazetteer
 * knows it as the same place, is another form of the word.  Out of memory,
 * the form is left out (the query stays as parsed). */
static void add_short_place_names(ss_query *q, const ss_gazetteer *g)
{
    for (size_t ci = 0; ci < q->nconcepts; ci++) {
        concept *c = &q->concepts[ci];
        const unit *w = &q->units[c->whole != SIZE_MAX ? c->whole : c->u0];
        if (c->u1 <= c->u0 || w->alt != ALT_TYPED || q->items[c->item].quoted || w->n < 3)
            continue;
        size_t len = strlen(w->text);
        for (size_t s = 0; s < NELEM(division_suffixes); s++) {
            size_t sl = strlen(division_suffixes[s]);
            if (len <= sl || memcmp(w->text + len - sl, division_suffixes[s], sl) != 0 ||
                utf8_count(w->text, len - sl) < 2)
                continue;
            uint32_t full[MAX_CONCEPT_PLACES], bare[MAX_CONCEPT_PLACES];
            size_t nf = ss_gaz_lookup(g, w->text, len, full, MAX_CONCEPT_PLACES);
            size_t nb = ss_gaz_lookup(g, w->text, len - sl, bare, MAX_CONCEPT_PLACES);
            int same = 0;
            for (size_t i = 0; i < nf && !same; i++)
                for (size_t k = 0; k < nb && !same; k++)
                    same = full[i] == bare[k];
            if (!same)
                continue;
            ss_analysis an;
            if (!q->ac || ss_analyze_atoms(q->ac, w->text, len - sl, &an, NULL) != SS_OK ||
                !an.natoms || ss_q_add_unit(q, &an, 0, an.natoms - 1, NULL) != SS_OK)
                return;
            q->units[q->nunits - 1].alt = ALT_SAME;
            move_last_unit(q, ci, q->concepts[ci].a1);
            break;
        }
    }
}

void ss_query_set_gazetteer(ss_query *q, const ss_gazetteer *g)
{
    q->gaz = g;
    if (!g)
        return;
    add_short_place_names(q, g);
    char *old = q->understood;
    q->understood = NULL;
    if (describe(q, NULL) == SS_OK)
        free(old);
    else
        q->understood = old;
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
ss_code ss_q_add_unit(ss_query *q, const ss_analysis *an, size_t first, size_t last,
                      ss_err *err)
{
    if (last - first + 1 > UNIT_MAX_ATOMS)
        last = first + UNIT_MAX_ATOMS - 1;
    if (SS_GROW(q->units, q->nunits + 1, q->capunits, 16))
        return ss_seterr(err, SS_ENOMEM, "out of memory parsing query");
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
    u->alt = ALT_TYPED;
    q->nunits++;
    return SS_OK;
}

/* ---- parsing ---- */

static ss_code push_item(ss_query *q, item it, ss_err *err)
{
    /* items and or_next share capitems: it grows once both have */
    size_t capv = q->capitems, capo = q->capitems;
    if (SS_GROW(q->items, q->nitems + 1, capv, 8) || SS_GROW(q->or_next, q->nitems + 1, capo, 8))
        return ss_seterr(err, SS_ENOMEM, "out of memory parsing query");
    q->capitems = capv;
    q->or_next[q->nitems] = 0;
    q->items[q->nitems++] = it;
    return SS_OK;
}

static ss_code push_concept(ss_query *q, concept c, ss_err *err)
{
    if (SS_GROW(q->concepts, q->nconcepts + 1, q->capconcepts, 8))
        return ss_seterr(err, SS_ENOMEM, "out of memory parsing query");
    q->concepts[q->nconcepts++] = c;
    return SS_OK;
}

/* Other forms of a word: its groups in the synonym table ("~" ones only
 * for questions) and, for a figure, its other written forms. */
typedef struct {
    char text[MAX_ALTS][SS_NUM_FORM_MAX];
    uint8_t kind[MAX_ALTS];
    size_t n;
} alts;

/* A word holds a member of a "=" group as one of its parts (国企 in
 * 国企改革, gdp in gdp增速, 国企 and 混改 in 国企混改): the word written
 * with that part in another form (国有企业改革, 国内生产总值增速,
 * 国有企业混合所有制改革) is another form of the word.  A part is
 * anchored: it starts or ends the word or one of its units (bounds[], byte
 * offsets of the units' joins), so that 中行 is no part of 集中行动
 * (集中 + 行动).  Parts do not overlap (the longest is taken, left to
 * right); every combination of their forms is added, up to the room
 * left.  Words longer than PART_WORD_MAX characters are not searched. */
#define PART_WORD_MAX 12
#define PART_MAX 3           /* parts of one word replaced */

typedef struct {
    size_t s, e;             /* bytes of the part in the word */
    ss_syn_alt forms[MAX_ALTS];
    size_t n;
} part;

static int is_bound(size_t at, size_t len, const size_t *bounds, size_t nb)
{
    if (at == 0 || at == len)
        return 1;
    for (size_t i = 0; i < nb; i++)
        if (bounds[i] == at)
            return 1;
    return 0;
}

static size_t find_parts(const ss_syn *syn, const char *w, size_t len, const size_t *bounds,
                         size_t nb, part *p)
{
    size_t cs[PART_WORD_MAX + 1], nc = 0; /* character starts, and len */
    for (size_t i = 0; i < len && nc < PART_WORD_MAX + 1;) {
        cs[nc++] = i;
        utf8_next(w, len, &i);
    }
    if (nc > PART_WORD_MAX)
        return 0;
    cs[nc] = len;
    size_t np = 0;
    for (size_t i = 0; i < nc && np < PART_MAX;) {
        size_t best = 0;
        /* the longest part from character i, two characters or more, not the
         * whole word, anchored at one end */
        for (size_t j = nc; j >= i + 2 && !best; j--) {
            if (j - i == nc || (!is_bound(cs[i], len, bounds, nb) && !is_bound(cs[j], len, bounds, nb)))
                continue;
            ss_syn_alt sa[MAX_ALTS];
            size_t n = ss_syn_lookup(syn, w + cs[i], cs[j] - cs[i], sa, MAX_ALTS), k = 0;
            for (size_t m = 0; m < n; m++) /* a form holding the part adds nothing */
                if (!sa[m].related &&
                    !memmem(sa[m].text, strlen(sa[m].text), w + cs[i], cs[j] - cs[i]))
                    p[np].forms[k++] = sa[m];
            if (k) {
                p[np].s = cs[i];
                p[np].e = cs[j];
                p[np].n = k;
                best = j;
            }
        }
        if (best) {
            np++;
            i = best;
        } else {
            i++;
        }
    }
    return np;
}

/* Bytes of the longest run of two or more characters that ends buf[0, n)
 * and starts s[0, len) (发改委 -> 国家发展改革委 in 国家发改委: 国家
 * stands once), 0 if none. */
static size_t overlap(const char *buf, size_t n, const char *s, size_t len)
{
    size_t best = 0, chars = 0;
    for (size_t k = 0; k < len && k < n;) {
        utf8_next(s, len, &k);
        chars++;
        if (chars >= 2 && k <= n && memcmp(buf + n - k, s, k) == 0)
            best = k;
    }
    return best;
}

/* Appends s[0, len) to buf (room: cap) without the run it repeats at the
 * end of buf; 0 when it does not fit. */
static int append_joined(char *buf, size_t *n, size_t cap, const char *s, size_t len)
{
    size_t skip = overlap(buf, *n, s, len);
    if (*n + len - skip >= cap)
        return 0;
    memcpy(buf + *n, s + skip, len - skip);
    *n += len - skip;
    return 1;
}

/* Adds to a the word with its parts in their other forms: every
 * combination but the word itself, until a is full. */
static void part_forms(const part *p, size_t np, const char *w, size_t len, alts *a)
{
    size_t pick[PART_MAX] = { 0 }; /* 0: the part as typed, k: its form k - 1 */
    for (;;) {
        size_t k = 0; /* next combination, like a counter */
        while (k < np && ++pick[k] > p[k].n)
            pick[k++] = 0;
        if (k == np || a->n >= MAX_ALTS)
            return;
        char buf[SS_NUM_FORM_MAX];
        size_t n = 0, at = 0;
        int ok = 1;
        for (size_t i = 0; i <= np && ok; i++) {
            size_t s = i < np ? p[i].s : len;
            ok = append_joined(buf, &n, sizeof buf, w + at, s - at);
            if (ok && i < np) {
                const char *f = pick[i] ? p[i].forms[pick[i] - 1].text : w + s;
                ok = append_joined(buf, &n, sizeof buf, f, pick[i] ? strlen(f) : p[i].e - s);
            }
            at = i < np ? p[i].e : len;
        }
        if (!ok)
            continue;
        buf[n] = '\0';
        int dup = strlen(buf) == len && memcmp(buf, w, len) == 0;
        for (size_t i = 0; i < a->n && !dup; i++)
            dup = strcmp(a->text[i], buf) == 0;
        if (!dup) {
            strcpy(a->text[a->n], buf);
            a->kind[a->n++] = ALT_SAME;
        }
    }
}

static void find_alts(const ss_query_opts *o, int natural, const char *w, size_t len,
                      const size_t *bounds, size_t nb, alts *a)
{
    a->n = 0;
    if (o && o->exact)
        return;
    ss_syn_alt sa[MAX_ALTS];
    size_t n = ss_syn_lookup(o ? o->syn : NULL, w, len, sa, MAX_ALTS);
    for (size_t i = 0; i < n && a->n < MAX_ALTS; i++) {
        if (sa[i].related && !natural)
            continue;
        /* a form holding the word (乡村振兴战略 for 乡村振兴) finds nothing new:
         * it would only count the word twice */
        if (memmem(sa[i].text, strlen(sa[i].text), w, len))
            continue;
        if (strlen(sa[i].text) >= SS_NUM_FORM_MAX)
            continue;
        strcpy(a->text[a->n], sa[i].text);
        a->kind[a->n++] = sa[i].related ? ALT_RELATED : ALT_SAME;
    }
    char forms[MAX_ALTS][SS_NUM_FORM_MAX];
    size_t nf = ss_num_forms(w, len, forms, MAX_ALTS);
    for (size_t i = 0; i < nf && a->n < MAX_ALTS; i++) {
        strcpy(a->text[a->n], forms[i]);
        a->kind[a->n++] = ALT_SAME;
    }
    if (nf == 0 && o && o->syn) {
        part p[PART_MAX];
        size_t np = find_parts(o->syn, w, len, bounds, nb, p);
        part_forms(p, np, w, len, a);
    }
}

/* Adds the concept of units [u0, u1) (whole: SIZE_MAX or the whole
 * word's unit) with the other forms in a as units of their own. */
/* Appends the unit made of atoms [first, last] of unit u. */
static ss_code add_subunit(ss_query *q, size_t u, size_t first, size_t last, ss_err *err)
{
    if (SS_GROW(q->units, q->nunits + 1, q->capunits, 16))
        return ss_seterr(err, SS_ENOMEM, "out of memory parsing query");
    const unit *src = &q->units[u];
    unit *d = &q->units[q->nunits];
    size_t n = last - first + 1, off0 = src->a[first].off;
    size_t bytes = src->a[last].off + src->a[last].len - off0;
    d->text = malloc(bytes + 1);
    d->a = malloc(n * sizeof *d->a);
    if (!d->text || !d->a) {
        unit_free(d);
        return ss_seterr(err, SS_ENOMEM, "out of memory parsing query");
    }
    memcpy(d->text, src->text + off0, bytes);
    d->text[bytes] = '\0';
    for (size_t k = 0; k < n; k++) {
        d->a[k] = src->a[first + k];
        d->a[k].off = (uint16_t)(d->a[k].off - off0);
        d->a[k].rpos -= src->a[first].rpos;
    }
    d->n = n;
    d->idf = 1.0;
    d->alt = ALT_TYPED;
    q->nunits++;
    return SS_OK;
}

/* 1 when unit u is a four-character dictionary word made of two
 * two-character dictionary words (乡村振兴 = 乡村 + 振兴, 招商引资 = 招商 +
 * 引资): a speech may put a few characters between them (乡村全面振兴). */
static int splits(const ss_query *q, ss_actx *ac, size_t u)
{
    const unit *w = &q->units[u];
    const seg_dict *d = ss_actx_dict(ac);
    if (!d || w->n != 4)
        return 0;
    for (size_t i = 0; i < 4; i++)
        if (w->a[i].kind != SS_ATOM_HAN || w->a[i].rpos != i)
            return 0;
    uint32_t f;
    size_t mid = w->a[2].off;
    return seg_dict_lookup(d, w->text, mid, &f) &&
           seg_dict_lookup(d, w->text + mid, strlen(w->text) - mid, &f);
}

static ss_code add_concept(ss_query *q, ss_actx *ac, size_t u0, size_t u1, size_t whole,
                           int may_split, const alts *a, ss_err *err)
{
    concept c = { q->nitems, u0, u1, whole, q->nunits, q->nunits, { 0 }, 0, 0, 0, 0 };
    const unit *w = &q->units[whole != SIZE_MAX ? whole : u0];
    char forms[1][SS_NUM_FORM_MAX];
    c.figure = u1 > u0 && ss_num_forms(w->text, strlen(w->text), forms, 1) > 0;
    if (may_split && u1 == u0 + 1 && whole == SIZE_MAX && !c.figure && splits(q, ac, u0)) {
        ss_code rc = add_subunit(q, u0, 0, 1, err);
        if (rc == SS_OK)
            rc = add_subunit(q, u0, 2, 3, err);
        if (rc != SS_OK)
            return rc;
        c.whole = u0;
        c.u0 = q->nunits - 2;
        c.u1 = q->nunits;
        c.split = 1;
        c.a0 = c.a1 = q->nunits;
    }
    for (size_t i = 0; i < a->n; i++) {
        ss_analysis an;
        ss_code rc = ss_analyze_atoms(ac, a->text[i], strlen(a->text[i]), &an, err);
        if (rc == SS_OK && an.natoms)
            rc = ss_q_add_unit(q, &an, 0, an.natoms - 1, err);
        if (rc != SS_OK)
            return rc;
        if (!an.natoms)
            continue;
        unit *u = &q->units[q->nunits - 1];
        u->alt = a->kind[i];
        /* forms that read the same once analysed (农业、农村、农民 and
         * 农业农村农民) are one */
        for (size_t k = c.a0; k + 1 < q->nunits; k++)
            if (strcmp(q->units[k].text, u->text) == 0) {
                unit_free(u);
                q->nunits--;
                break;
            }
    }
    c.a1 = q->nunits;
    return push_concept(q, c, err);
}

static ss_code parse_item(ss_query *q, ss_actx *ac, const ss_query_opts *o, const char *s,
                          const raw_item *r, int natural, ss_err *err)
{
    ss_analysis an;
    ss_code rc = ss_analyze(ac, s + r->s, r->e - r->s, &an, err);
    if (rc != SS_OK)
        return rc;
    item it = { r->negated, r->quoted, q->nunits, q->nunits, SIZE_MAX, q->nconcepts,
                q->nconcepts };
    if (an.natoms == 0)
        return SS_OK;
    if (r->quoted) {
        rc = ss_q_add_unit(q, &an, 0, an.natoms - 1, err);
    } else {
        rc = ss_q_item_units(q, &an, ss_actx_dict(ac), natural && !r->negated, err);
        if (rc == SS_OK && q->nunits - it.u0 > 1 && !natural) {
            it.u1 = q->nunits;
            rc = ss_q_add_unit(q, &an, 0, an.natoms - 1, err);
            it.whole = q->nunits - 1;
        }
    }
    if (it.whole == SIZE_MAX)
        it.u1 = q->nunits;
    if (rc != SS_OK)
        return rc;
    /* concepts (the analysis is not used below: finding forms analyses them) */
    alts a = { .n = 0 };
    if (r->negated) {
        /* no concept: an excluded word is excluded where it stands as typed */
    } else if (r->quoted) {
        rc = add_concept(q, ac, it.u0, it.u1, SIZE_MAX, 0, &a, err); /* exact: no split */
    } else if (!natural) {
        const unit *w = &q->units[it.whole != SIZE_MAX ? it.whole : it.u0];
        size_t bounds[MAX_PIECES_ITEM], nb = 0, at = 0, wl = strlen(w->text);
        for (size_t u = it.u0; it.whole != SIZE_MAX && u + 1 < it.u1; u++) {
            at += strlen(q->units[u].text);
            if (at < wl && nb < MAX_PIECES_ITEM)
                bounds[nb++] = at;
        }
        find_alts(o, 0, w->text, wl, bounds, nb, &a);
        rc = add_concept(q, ac, it.u0, it.u1, it.whole, 1, &a, err);
    } else {
        for (size_t u = it.u0; rc == SS_OK && u < it.u1; u++) {
            find_alts(o, 1, q->units[u].text, strlen(q->units[u].text), NULL, 0, &a);
            rc = add_concept(q, ac, u, u + 1, SIZE_MAX, 1, &a, err);
        }
    }
    it.c1 = q->nconcepts;
    return rc == SS_OK ? push_item(q, it, err) : rc;
}

/* Appends the other forms of concept c: "{A,B}", "~" before related words. */
static int describe_alts(strbuf *sb, const ss_query *q, const concept *c)
{
    int ok = 1;
    for (size_t u = c->a0; ok && u < c->a1; u++)
        ok = sb_addf(sb, "%s%s%s%s", u == c->a0 ? "{" : ",",
                     q->units[u].alt == ALT_RELATED ? "~" : "", q->units[u].text,
                     u + 1 == c->a1 ? "}" : "") == 0;
    return ok;
}

/* The query as understood: units joined by "+" (a keyword's units) or
 * "|" (a question's words), other forms in braces. */
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
            for (size_t c = it->c0; ok && q->natural && c < it->c1; c++)
                if (q->concepts[c].u0 == u)
                    ok = describe_alts(&sb, q, &q->concepts[c]);
        }
        if (it->quoted)
            ok = ok && sb_addc(&sb, '"') == 0;
        if (ok && !q->natural && it->c1 > it->c0)
            ok = describe_alts(&sb, q, &q->concepts[it->c0]);
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
    return ss_query_parse_opts(ac, text, NULL, out, err);
}

ss_code ss_query_parse_opts(ss_actx *ac, const char *typed, const ss_query_opts *o,
                            ss_query **out, ss_err *err)
{
    ss_query *q = calloc(1, sizeof *q);
    char *text = q ? ss_q_fold_syntax(typed, strlen(typed)) : NULL;
    if (!text) {
        free(q);
        return ss_seterr(err, SS_ENOMEM, "out of memory parsing query");
    }
    q->ac = ac;
    size_t len = strlen(text);
    raw_item r[MAX_ITEMS];
    size_t n = ss_q_split_items(text, len, r, MAX_ITEMS);
    ss_code rc = ss_q_detect_natural(ac, text, r, n, &q->natural, err);
    if (o && o->question)
        q->natural = 1;
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
        rc = parse_item(q, ac, o, text, &r[i], q->natural, err);
        if (rc == SS_OK && q->nitems > before && pending_or && before > 0)
            q->or_next[before - 1] = 1;
        pending_or = 0;
    }
    if (rc == SS_OK)
        rc = describe(q, err);
    free(text);
    if (rc != SS_OK) {
        ss_query_free(q);
        return rc;
    }
    *out = q;
    return SS_OK;
}
