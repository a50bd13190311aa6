/* qparse.c: query items -> units and concepts (see query.h, query_int.h);
 * the syntax itself is qsyntax.c, the words of an item and whether the
 * query is a question qwords.c, a word's other forms qforms.c. */
#include "query_int.h"

#include <stdio.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base.h"
#include "numbers.h"
#include "prefix.h"
#include "segment.h"
#include "speech.h"
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
    free(q->typed);
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
static ss_code parse_text(ss_actx *ac, const char *typed, const ss_query_opts *o,
                          const ss_gazetteer *g, const ss_query *probe, ss_query **out,
                          ss_err *err);

/* 1 when item i is one of an OR group's alternatives. */
static int in_or_group(const ss_query *q, size_t i)
{
    return q->or_next[i] || (i > 0 && q->or_next[i - 1]);
}

static int begins_with_place(const ss_query *q, const unit *u, const ss_gazetteer *g);
static int begins_with_run_place(const ss_query *q, const unit *u, const ss_gazetteer *g);

/* 1 when an item of q, read without the gazetteer, is a word that g
 * splits into a place and the rest. */
static int splits_at_place(const ss_query *q, const ss_gazetteer *g)
{
    for (size_t i = 0; !q->natural && i < q->nitems; i++) {
        const item *it = &q->items[i];
        if (it->negated || it->quoted || in_or_group(q, i))
            continue;
        if (it->whole != SIZE_MAX ? ss_q_place_prefix(q, it->u0, it->u1, g) != 0
                                  : it->u1 == it->u0 + 1 && begins_with_place(q, &q->units[it->u0], g))
            return 1;
        /* 四川灾后 + 重建: the first unit may split (place_before_run) */
        if (it->whole != SIZE_MAX && begins_with_run_place(q, &q->units[it->u0], g))
            return 1;
    }
    return 0;
}

/* 1 when db holds term (ss_q_has_term_fn). */
static int db_has_term(void *db, const char *term)
{
    uint32_t df = 0;
    return xc_db_termfreq(db, term, &df, NULL) == SS_OK && df > 0;
}

/* How many passages of db hold term (ss_q_df_fn). */
static uint32_t db_df(void *db, const char *term)
{
    uint32_t df = 0;
    return xc_db_termfreq(db, term, &df, NULL) == SS_OK ? df : 0;
}

/* Writes q->understood anew once forms were added (the old one kept when
 * out of memory). */
static ss_code describe_again(ss_query *q, ss_err *err)
{
    char *old = q->understood;
    q->understood = NULL;
    ss_code rc = describe(q, err);
    if (rc == SS_OK)
        free(old);
    else
        q->understood = old;
    return rc;
}

/* A question's word made of two dictionary words (concept.split) is
 * looked for by either half alone too when fewer passages than this hold
 * it whole (the segmenter's word term): 督查督办, written 督查 or 督办 in a
 * small collection.  A word the collection writes often is found as
 * written (兼并重组: a passage on 重组 alone is about something else). */
#define HALF_MAX_DF TUNABLE(HALF_MAX_DF, 30)

ss_code ss_query_set_collection(ss_query *q, xc_db *db, ss_err *err)
{
    if (q->collection_read)
        return SS_OK;
    q->collection_read = 1;
    size_t before = q->nunits, lists = 0;
    /* a word's characters as a list's items: a form where a passage lists them */
    for (size_t c = 0; db && c < q->nconcepts; c++)
        if (q->concepts[c].listchars && ss_q_listed_exists(q, c, db)) {
            q->concepts[c].listed = 1;
            lists++;
        }
    /* a question's word of two words that the collection seldom writes
     * whole: either half alone stands for it too (qfind.c S_HALF); not for
     * more like this, whose words are the passage's own, written whole */
    for (size_t c = 0; db && c < q->nconcepts; c++) {
        concept *x = &q->concepts[c];
        uint32_t df = 0;
        x->halves = q->natural && !q->opts.exact && !q->opts.question && x->split &&
                    x->whole != SIZE_MAX &&
                    xc_db_termfreq(db, q->units[x->whole].text, &df, NULL) == SS_OK &&
                    df < HALF_MAX_DF;
        lists += (size_t)x->halves;
    }
    if (db) {
        ss_q_add_initials_forms(q, db_has_term, db);
        ss_q_add_taiwan_forms(q, db_df, db);
    }
    for (size_t c = 0; db && c < q->nconcepts; c++)
        ss_q_resolve_speaker(q, c, db_has_term, db);
    return q->nunits == before && !lists ? SS_OK : describe_again(q, err);
}

/* The places item i names (up to MAX_CONCEPT_PLACES in ids), when it is
 * one word that names places and nothing else (广东, 河南省, 长三角); else 0. */
static size_t place_item(const ss_query *q, size_t i, const ss_gazetteer *g, uint32_t *ids)
{
    const item *it = &q->items[i];
    if (it->negated || it->quoted || it->c1 != it->c0 + 1)
        return 0;
    const unit *u = ss_q_typed_unit(q, &q->concepts[it->c0]);
    if (u->n < 2 || !ss_q_all_han(u))
        return 0;
    return ss_gaz_lookup_area(g, u->text, strlen(u->text), ids, MAX_CONCEPT_PLACES);
}

/* Places listed side by side before or after other words (广东、浙江乡村振兴,
 * 广东 浙江 乡村振兴, 广东和浙江的乡村振兴): any of them, as the values of one
 * region: filter are (twenty-third round: all were required, and a passage
 * of a 广东 speech had to name 浙江 too; none found).  Not when one of the
 * places lies inside another (河南 郑州: 郑州, in 河南), nor without another
 * word. */
static void places_either(ss_query *q, const ss_gazetteer *g)
{
    if (q->natural || q->nitems < 3)
        return;
    int other = 0;
    uint32_t ids[MAX_CONCEPT_PLACES];
    for (size_t i = 0; i < q->nitems; i++)
        other |= !q->items[i].negated && q->items[i].c1 > q->items[i].c0 &&
                 !place_item(q, i, g, ids) && !in_or_group(q, i);
    if (!other)
        return;
    for (size_t i = 0; i < q->nitems;) {
        size_t j = i;
        uint32_t seen[16];
        size_t nseen = 0;
        int nested = 0;
        for (; j < q->nitems && !in_or_group(q, j); j++) {
            size_t n = place_item(q, j, g, ids);
            if (!n)
                break;
            for (size_t a = 0; a < n; a++)
                for (size_t b = 0; b < nseen; b++)
                    nested |= ss_gaz_within(g, ids[a], seen[b]) ||
                              ss_gaz_within(g, seen[b], ids[a]);
            for (size_t a = 0; a < n && nseen < NELEM(seen); a++)
                seen[nseen++] = ids[a];
        }
        if (j >= i + 2 && !nested)
            for (size_t k = i; k + 1 < j; k++)
                q->or_next[k] = 1;
        i = j > i ? j : i + 1;
    }
}

ss_code ss_query_set_gazetteer(ss_query *q, const ss_gazetteer *g, ss_err *err)
{
    if (q->places_read)
        return SS_OK; /* the forms are added once */
    q->gaz = g;
    if (g && splits_at_place(q, g)) { /* read again, the words beginning with a place split */
        ss_query *n = NULL;
        ss_code rc = parse_text(q->ac, q->typed, &q->opts, g, q, &n, err);
        if (rc != SS_OK)
            return rc;
        ss_query t = *q;
        *q = *n;
        *n = t;
        ss_query_free(n);
    }
    if (g) {
        places_either(q, g);
        ss_q_add_short_place_names(q, g);
    }
    ss_q_add_given_name_forms(q, g);
    q->places_read = 1;
    return describe_again(q, err);
}

void ss_query_set_probe(ss_query *q, xc_db *db)
{
    q->has_term = db ? db_has_term : NULL;
    q->has_term_arg = db;
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
    u->qweight = 1.0f;
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
    d->qweight = src->qweight;
    d->alt = ALT_TYPED;
    q->nunits++;
    return SS_OK;
}

/* The atom at which unit u splits into two dictionary words a speech may
 * hold a few characters apart, or 0: four characters, two and two
 * (乡村振兴 = 乡村 + 振兴, 招商引资 = 招商 + 引资: 乡村全面振兴), or five to
 * SPLIT_VERB_MAX whose last two are a verb (棚户区改造 = 棚户区 + 改造:
 * 棚户区危旧房改造, and the verb before its object, 改造棚户区; qfind.c). */
#define SPLIT_VERB_MAX 8
static size_t splits(const ss_query *q, ss_actx *ac, size_t u)
{
    const unit *w = &q->units[u];
    const seg_dict *d = ss_actx_dict(ac);
    if (!d || w->n < 4 || w->n > SPLIT_VERB_MAX || !ss_q_all_han(w))
        return 0;
    uint32_t f;
    size_t k = w->n - 2, mid = w->a[k].off;
    int head = seg_dict_lookup(d, w->text, mid, &f) != 0,
        tail = seg_dict_lookup(d, w->text + mid, strlen(w->text) - mid, &f) != 0;
    /* four characters: one half a word is enough (产教 + 融合: 产教深度融合;
     * 老旧 + 小区: 老旧住宅小区; 规上 + 企业: 规上工业企业) */
    if (!tail || (!head && w->n != 4))
        return 0;
    return w->n == 4 || seg_dict_pos(d, w->text + mid, strlen(w->text) - mid) == SEG_POS_VERB
               ? k
               : 0;
}

/* 1 when unit u is a word of Han characters the dictionary tags as a verb
 * and nothing else (振兴, 改造, 治理; not 建设 "vn", 利用 "n"). */
static int verb_unit(const ss_query *q, ss_actx *ac, size_t u)
{
    const unit *w = &q->units[u];
    const seg_dict *d = ss_actx_dict(ac);
    if (!d || w->n < 2 || !ss_q_all_han(w))
        return 0;
    return seg_dict_pos(d, w->text, strlen(w->text)) == SEG_POS_VERB;
}

/* A unit made of letters, digits and signs only (PPT, 30MW, 5G, PM2.5). */
static int ascii_unit(const unit *u)
{
    for (size_t i = 0; i < u->n; i++)
        if (u->a[i].kind == SS_ATOM_HAN)
            return 0;
    return u->n > 0;
}

/* Sets the Chinese core of concept c, a word that glues letters or digits
 * to Chinese (PPT挂图作战, 30MW生物质发电, 大飞机C919): its typed units
 * without the ASCII units at either end, when ASCII units were cut, none is
 * left inside, and it holds at least CORE_MIN_HAN Han characters (基站 of
 * 5G基站 or 峰会 of G20峰会 is too general to stand for the word). */
#define CORE_MIN_HAN 3

/* The same for a word that glues a general head after a thing of
 * CORE_MIN_HAN Han characters or more, the two read as units of one word
 * (进博会建设, 煤电油运建设: 进博会 + 建设): the thing is its core, so that
 * where the collection seldom writes the two together, the passages on
 * the thing follow the strict hits, marked as missing the head, instead of
 * no passage at all. */
static void general_head_core(const ss_query *q, const seg_dict *d, concept *c)
{
    /* the head: the last unit, or the last two (重点 + 任务) */
    static const char *const heads[] = { "建设", "发展", "推进", "落实", "工作",
                                         "重点任务", "主要任务", "主要目标", "目标任务", "总体要求" };
    size_t k = 0;
    for (size_t n = 1; n <= 2 && !k && c->u1 - c->u0 > n; n++) {
        char t[64] = "";
        for (size_t u = c->u1 - n; u < c->u1; u++)
            if (strlen(t) + strlen(q->units[u].text) < sizeof t)
                strcat(t, q->units[u].text);
        for (size_t i = 0; i < sizeof heads / sizeof heads[0] && !k; i++)
            k = strcmp(t, heads[i]) == 0 ? n : 0;
    }
    if (!k)
        return;
    /* a head of one word goes with a verb or a common word of two
     * characters before it (集聚区创新发展: 创新发展, 两型社会发展: 社会发展) */
    const unit *before = &q->units[c->u1 - k - 1];
    if (d && k == 1 && before->n == 2 &&
        ss_q_common_or_verb(d, before->text, strlen(before->text), before->n))
        return;
    size_t han = 0;
    for (size_t u = c->u0; u + k < c->u1; u++) {
        if (ascii_unit(&q->units[u]))
            return;
        for (size_t i = 0; i < q->units[u].n; i++)
            han += q->units[u].a[i].kind == SS_ATOM_HAN;
    }
    if (han >= CORE_MIN_HAN) {
        c->core0 = c->u0;
        c->core1 = c->u1 - k;
        c->headless = c->core1 == c->core0 + 1 && !q->natural && !q->opts.exact;
    }
}

static void chinese_core(const ss_query *q, const seg_dict *d, concept *c)
{
    size_t a = c->u0, b = c->u1, han = 0;
    while (a < b && ascii_unit(&q->units[a]))
        a++;
    while (b > a && ascii_unit(&q->units[b - 1]))
        b--;
    if (!c->figure && !c->split && a == c->u0 && b == c->u1 && b - a >= 2) {
        general_head_core(q, d, c);
        return;
    }
    if (c->figure || a == b || (a == c->u0 && b == c->u1))
        return;
    for (size_t u = a; u < b; u++) {
        if (ascii_unit(&q->units[u]))
            return;
        for (size_t i = 0; i < q->units[u].n; i++)
            han += q->units[u].a[i].kind == SS_ATOM_HAN;
    }
    if (han >= CORE_MIN_HAN) {
        c->core0 = a;
        c->core1 = b;
    }
}

/* 1 when characters [i, n) of unit w are dictionary words of two
 * characters or more, one after another, and not the whole unit alone
 * (基础设施 = 基础 + 设施). */
static int words_cover(const seg_dict *d, const unit *w, size_t i)
{
    if (i == w->n)
        return 1;
    for (size_t e = i + 2; e <= w->n && (i > 0 || e < w->n); e++) {
        uint32_t f;
        size_t from = w->a[i].off, to = w->a[e - 1].off + w->a[e - 1].len;
        if (seg_dict_lookup(d, w->text + from, to - from, &f) && words_cover(d, w, e))
            return 1;
    }
    return 0;
}

/* 1 when text is a word of the synonym table (a name of a thing; 赣, short
 * for 江西). */
static int syn_word(const ss_query_opts *o, const char *text, size_t len)
{
    ss_syn_alt alt[1];
    return o && o->syn && ss_syn_lookup(o->syn, text, len, alt, 1) > 0;
}

/* A word of LIST_CHARS_MIN to LIST_CHARS_MAX Han characters, different
 * ones, each a word of the dictionary alone (水电路, 人财物, 农林牧渔),
 * names what an enumeration lists one character an item (水、电、路,
 * 人、财、物): its characters may stand so, as another form of it
 * (qfind.c).  Not a word made of words of two characters or more
 * (基础设施: 基础 + 设施), whose characters name nothing one by one, a
 * common word of the dictionary (自行车), a modifier and its word, a word
 * and its suffix, a figure, a word of the synonym table or a name; and
 * only where the collection may hold the list (ss_query_set_collection).
 * How many characters, or 0.  Not with --exact. */
#define LIST_CHARS_MIN 3
#define LIST_CHARS_MAX 4
#define LIST_WORD_FREQ 300 /* jieba's count: 人财物 21, 农林牧渔 10; 自行车 1034, 增加值 1861 */
static size_t list_chars(const ss_query *q, ss_actx *ac, const concept *c)
{
    const seg_dict *d = ss_actx_dict(ac);
    if (!d || q->opts.exact || c->figure || (c->whole == SIZE_MAX && c->u1 - c->u0 != 1))
        return 0;
    const unit *w = ss_q_typed_unit(q, c);
    if (w->n < LIST_CHARS_MIN || w->n > LIST_CHARS_MAX || !ss_q_all_han(w))
        return 0;
    for (size_t i = 0; i < w->n; i++) {
        uint32_t f;
        if (!seg_dict_lookup(d, w->text + w->a[i].off, w->a[i].len, &f))
            return 0;
        for (size_t j = 0; j < i; j++)
            if (w->a[j].len == w->a[i].len &&
                memcmp(w->text + w->a[j].off, w->text + w->a[i].off, w->a[i].len) == 0)
                return 0;
    }
    /* a word of the table (进博会 = 中国国际进口博览会): a name, no list */
    if (syn_word(&q->opts, w->text, strlen(w->text)))
        return 0;
    /* a modifier and its word (新能源, 高新区), a word and its suffix
     * (现代化, 开发区): one thing, not a list */
    static const char numerals[] = "一二三四五六七八九十百千万亿两零〇半";
    size_t l = 0;
    uint32_t last = utf8_valid_cp(w->text + w->a[w->n - 1].off, &l);
    if (cp_in(utf8_valid_cp(w->text + w->a[0].off, &l), SS_Q_MODIFIERS) ||
        cp_in(last, SS_Q_INSTITUTION_ENDS) || cp_in(last, "化者员家"))
        return 0;
    uint32_t freq = 0; /* a common word of the dictionary is one thing (自行车, 增加值) */
    if (seg_dict_lookup(d, w->text, strlen(w->text), &freq) && freq >= LIST_WORD_FREQ)
        return 0;
    for (size_t i = 0; i < w->n; i++) /* a figure's characters (破万亿) */
        if (cp_in(utf8_valid_cp(w->text + w->a[i].off, &l), numerals))
            return 0;
    if (w->n == 3 && ss_common_surname(utf8_valid_cp(w->text + w->a[0].off, &l)) &&
        !seg_dict_lookup(d, w->text, strlen(w->text), &(uint32_t){ 0 }))
        return 0; /* a name (王战营): no list */
    return words_cover(d, w, 0) ? 0 : w->n;
}

static ss_code add_concept(ss_query *q, ss_actx *ac, size_t u0, size_t u1, size_t whole,
                           int may_split, const ss_alts *a, ss_err *err)
{
    concept c = { q->nitems, u0, u1, whole, q->nunits, q->nunits, { 0 }, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 };
    const unit *w = &q->units[whole != SIZE_MAX ? whole : u0];
    char forms[1][SS_NUM_FORM_MAX];
    c.figure = u1 > u0 && ss_num_forms(w->text, strlen(w->text), forms, 1) > 0;
    size_t mid = may_split && u1 == u0 + 1 && whole == SIZE_MAX && !c.figure
                     ? splits(q, ac, u0)
                     : 0;
    if (mid) {
        ss_code rc = add_subunit(q, u0, 0, mid - 1, err);
        if (rc == SS_OK)
            rc = add_subunit(q, u0, mid, q->units[u0].n - 1, err);
        if (rc != SS_OK)
            return rc;
        c.whole = u0;
        c.u0 = q->nunits - 2;
        c.u1 = q->nunits;
        c.split = 1;
        c.a0 = c.a1 = q->nunits;
    }
    c.verb_last = verb_unit(q, ac, c.u1 - 1) && c.u1 - c.u0 > 1;
    chinese_core(q, ss_actx_dict(ac), &c);
    c.listchars = may_split && !q->natural ? list_chars(q, ac, &c) : 0;
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

/* ---- a word that begins with a place ----
 *
 * Typed without a space, a place and a topic (许昌高铁站, 东北老工业基地振兴,
 * 贵州大数据) are read as two words, as if a space stood between them: the
 * place then also stands in the passages of speeches about it (qcontext.c),
 * and the topic where the passage no longer repeats the place.  The
 * passage holding the word as typed still ranks first: its two words stand
 * side by side (rank.c, W_ADJ) and close (W_NEAR); a passage of the
 * place's speeches that names only the topic ranks below both (qcontext.c,
 * S_PLACE_CONTEXT).  (An extra bonus for the halves side by side in the
 * order typed, beyond W_ADJ, lowered the tuning set: the passages that
 * say 振兴东北地区等老工业基地 are as good as the word as typed.)
 * The rule, for an unquoted keyword word of several typed units (not
 * excluded, not an alternative of OR; a question reads its words one by
 * one already):
 *   - its first units, Han characters only, at least PLACE_MIN_CHARS, are
 *     a name the gazetteer takes alone (ss_gaz_names_alone: a group of
 *     places such as 东北, 京津冀; a province's or a city's name, full or
 *     short; a county's full name) -- a weak name, an everyday word that
 *     also names a place (朝阳, 大同, a county's short form, 城区), only
 *     when the collection holds speeches about that place (names_place:
 *     朝阳项目招引 in a collection with 朝阳's speeches; twentieth round);
 *   - the units after them hold at least REST_MIN_CHARS characters;
 *   - the whole word is no place or group itself (粤港澳大湾区, 西部地区);
 *   - the longest such place wins; the rest may split again (河南省郑州市…).
 * It cuts only where the segmenter cut: a dictionary word that begins with
 * a place stays whole (北京大学, and 京津冀协同发展 that domain.dict lists
 * as one policy's name).  The cut is about reading the text, not about
 * other forms: --exact keeps it.  The gazetteer is opened after parsing
 * (only for queries that may name a place: ss_query_may_name_place), so
 * ss_query_set_gazetteer reads the query again when a word splits. */
#define PLACE_MIN_CHARS 2
#define REST_MIN_CHARS 2
#define PLACE_MAX_BYTES 64
/* Characters of each of the two units of a keyword read as two words. */
#define LONG_WORD_CHARS 4

/* Places a weak name may mean that the collection is asked about. */
#define PROBE_PLACES 16

/* 1 when name (len bytes) stands for a place: g takes it alone, or it is
 * a weak short form (朝阳, 响水: an everyday word too, or a county's short
 * form) of a place that speeches of q's collection are about (their XR
 * term: the collection's own places are what its readers name).  Not a
 * full name that is an everyday word (城区, 新县), nor a short form the
 * dictionary tags as other than a noun or as a person's name (大同 is an
 * adverb, 安康 a name: 安康生活).  2 for such a weak name: the word it
 * begins stays whole when it is a word of the synonym table (海西经济区 =
 * 海峡西岸经济区). */
static int names_place(const ss_query *q, const ss_gazetteer *g, const char *name, size_t len)
{
    if (ss_gaz_names_alone(g, name, len))
        return 1;
    if (!q || !q->has_term)
        return 0;
    const seg_dict *d = q->ac ? ss_actx_dict(q->ac) : NULL;
    if (d && seg_dict_lookup(d, name, len, NULL) &&
        (seg_dict_pos(d, name, len) != SEG_POS_NOUN || seg_dict_person(d, name, len)))
        return 0;
    uint32_t ids[PROBE_PLACES];
    size_t n = ss_gaz_lookup(g, name, len, ids, PROBE_PLACES);
    for (size_t i = 0; i < n && i < PROBE_PLACES; i++) {
        const char *code = ss_gaz_code(g, ids[i]), *full = ss_gaz_name(g, ids[i]);
        char term[64];
        if (full && strlen(full) == len && memcmp(full, name, len) == 0)
            continue; /* 城区: the full name itself */
        if (code && snprintf(term, sizeof term, SS_PREFIX_REGION "%s", code) < (int)sizeof term &&
            q->has_term(q->has_term_arg, term))
            return 2;
    }
    return 0;
}

/* 1 when unit u, of Han characters only, begins with a name g takes
 * alone (names_place) and has REST_MIN_CHARS characters or more after it:
 * the word may split there where the segmenter cut (place_in_unit decides). */
static int begins_with_place(const ss_query *q, const unit *u, const ss_gazetteer *g)
{
    size_t len = strlen(u->text), chars = 0;
    for (size_t i = 0; i < u->n; i++)
        if (u->a[i].kind != SS_ATOM_HAN)
            return 0;
    for (size_t b = 0; b < len && chars + 2 < u->n; b += 3) {
        chars++;
        if (chars >= 2 && b + 3 < PLACE_MAX_BYTES && names_place(q, g, u->text, b + 3))
            return 1;
    }
    return 0;
}

/* Characters of unit u: a Han atom one, an ASCII token its length. */
static size_t unit_chars(const unit *u)
{
    size_t n = 0;
    for (size_t i = 0; i < u->n; i++)
        n += u->a[i].kind == SS_ATOM_HAN ? 1 : u->a[i].len;
    return n;
}

size_t ss_q_place_prefix(const ss_query *q, size_t u0, size_t u1, const ss_gazetteer *g)
{
    char place[PLACE_MAX_BYTES], whole[4 * PLACE_MAX_BYTES];
    size_t pl = 0, wl = 0, best = 0, chars = 0, all = 0;
    if (!g || u1 < u0 + 2)
        return 0;
    for (size_t u = u0; u < u1; u++)
        all += unit_chars(&q->units[u]);
    int han = 1, weak = 0; /* the units so far: Han characters, within place[] */
    for (size_t u = u0; u < u1; u++) {
        const unit *x = &q->units[u];
        size_t len = strlen(x->text);
        if (wl + len < sizeof whole) {
            memcpy(whole + wl, x->text, len);
            wl += len;
        } else {
            wl = sizeof whole; /* longer than any name */
        }
        for (size_t i = 0; i < x->n; i++)
            han &= x->a[i].kind == SS_ATOM_HAN;
        han &= pl + len < sizeof place;
        chars += unit_chars(x);
        if (!han || u + 1 == u1)
            continue; /* a place of Han characters, with a rest after it */
        memcpy(place + pl, x->text, len);
        pl += len;
        int np = chars >= PLACE_MIN_CHARS && all - chars >= REST_MIN_CHARS
                     ? names_place(q, g, place, pl)
                     : 0;
        if (np) {
            best = u - u0 + 1;
            weak = np == 2;
        }
    }
    uint32_t id;
    if (best && wl < sizeof whole && ss_gaz_lookup_area(g, whole, wl, &id, 1) > 0)
        return 0; /* the whole word names a place or a group */
    if (best && weak && wl < sizeof whole && syn_word(&q->opts, whole, wl))
        return 0; /* 海西经济区: a name of the synonym table */
    return best;
}

/* 1 when the analysed text an is a figure (ss_num_forms knows it). */
static int is_figure(const ss_analysis *an)
{
    char f[1][SS_NUM_FORM_MAX];
    return an->natoms && ss_num_forms(an->norm, an->atoms[an->natoms - 1].norm +
                                                    an->atoms[an->natoms - 1].normlen,
                                      f, 1) > 0;
}

/* For a keyword of one unit that the reading joined from segmenter words
 * and single characters (南通|家|纺: 南通家纺), the byte offset in an
 * where the rest begins after a place the rule above takes (南通), or 0.
 * The cut is where the segmenter cut. */
static size_t place_in_unit(const ss_query *q, const ss_gazetteer *g, const ss_analysis *an)
{
    size_t best = 0;
    for (size_t w = 0; w < an->nwords; w++) {
        const ss_word *x = &an->words[w];
        if (x->slogan || x->first == 0)
            continue;
        size_t j = x->first, han = 1;
        for (size_t k = 0; k < an->natoms && han; k++)
            han = an->atoms[k].kind == SS_ATOM_HAN;
        size_t pl = an->atoms[j].norm;
        if (!han || j < PLACE_MIN_CHARS || an->natoms - j < REST_MIN_CHARS || pl >= PLACE_MAX_BYTES)
            continue;
        int np = names_place(q, g, an->norm, pl);
        if (np == 2 && q && syn_word(&q->opts, an->norm, an->atoms[an->natoms - 1].norm +
                                                             an->atoms[an->natoms - 1].normlen))
            np = 0; /* a name of the synonym table */
        if (np)
            best = an->atoms[j].start;
    }
    uint32_t id;
    if (best && ss_gaz_lookup_area(g, an->norm, an->atoms[an->natoms - 1].norm +
                                                     an->atoms[an->natoms - 1].normlen,
                                   &id, 1) > 0)
        return 0; /* the whole names a place or a group */
    return best;
}

/* 1 when name (len bytes) is a place a run of single characters may
 * follow (place_before_run): a name names_place takes, or a county's short
 * form (汶川, 芦山) that the dictionary does not read as other than a noun
 * (大同, an adverb): the run after it tells it is named, even where the
 * dictionary also knows it as a person's name (芦山). */
static int place_of_run(const ss_query *q, const ss_gazetteer *g, const char *name, size_t len)
{
    if (names_place(q, g, name, len))
        return 1;
    const seg_dict *d = q && q->ac ? ss_actx_dict(q->ac) : NULL;
    uint32_t id;
    return d && ss_gaz_lookup(g, name, len, &id, 1) > 0 &&
           !(seg_dict_lookup(d, name, len, NULL) && seg_dict_pos(d, name, len) != SEG_POS_NOUN);
}

/* For a keyword of several units whose first unit the reading joined from
 * a place and a run of two single characters or more that the segmenter
 * left apart (四川|灾|后 + 重建: 四川灾后 | 重建), the byte offset in an
 * where the run begins, else 0: the run is no part of the place's name,
 * which a single character after it may be (上海|港, 南京|路 stay whole).
 * first_atoms: the atoms of the first unit. */
static size_t place_before_run(const ss_query *q, const ss_gazetteer *g, const ss_analysis *an,
                               size_t first_atoms)
{
    if (first_atoms > an->natoms)
        return 0;
    size_t run = first_atoms; /* where the run of single characters ending the unit begins */
    for (size_t w = an->nwords; w-- > 0;) {
        const ss_word *x = &an->words[w];
        if (x->slogan || x->first >= first_atoms)
            continue;
        if (x->first != x->last || x->last + 1 != run)
            break;
        run = x->first;
    }
    if (run + 2 > first_atoms || run < PLACE_MIN_CHARS)
        return 0;
    for (size_t k = 0; k < first_atoms; k++) {
        size_t l = 0; /* no numeral in the run: 三河两山三湖 is a slogan's count */
        if (an->atoms[k].kind != SS_ATOM_HAN || (k > 0 && an->atoms[k].flags) ||
            (k >= run && ss_num_is_numeral(utf8_valid_cp(an->norm + an->atoms[k].norm, &l))))
            return 0;
    }
    int starts = 0; /* the place ends where a segmenter word ends */
    for (size_t w = 0; w < an->nwords; w++)
        starts |= !an->words[w].slogan && an->words[w].first == run;
    if (!starts || an->atoms[run].norm >= PLACE_MAX_BYTES)
        return 0;
    return place_of_run(q, g, an->norm, an->atoms[run].norm) ? an->atoms[run].start : 0;
}

/* 1 when unit u, of Han characters only, may begin with a place that
 * place_before_run takes: a name place_of_run takes, then two characters
 * or more (the query is read again with the gazetteer). */
static int begins_with_run_place(const ss_query *q, const unit *u, const ss_gazetteer *g)
{
    size_t len = strlen(u->text);
    if (!ss_q_all_han(u))
        return 0;
    for (size_t b = 2 * 3; b + 2 * 3 <= len && b < PLACE_MAX_BYTES; b += 3)
        if (place_of_run(q, g, u->text, b))
            return 1;
    return 0;
}

/* 1 when atom k of w is ASCII ending (figure_end) or starting
 * (figure_start) with a digit. */
static int figure_end(const unit *w, size_t k)
{
    const uatom *x = &w->a[k];
    return x->kind == SS_ATOM_ASCII && x->len && ascii_is_digit(w->text[x->off + x->len - 1]);
}

static int figure_start(const unit *w, size_t k)
{
    const uatom *x = &w->a[k];
    return x->kind == SS_ATOM_ASCII && x->len && ascii_is_digit(w->text[x->off]);
}

/* 1 when atoms k - 1 and k of w are figures written apart (1—11月,
 * 2016—2020年: a dash or a tilde between them takes no position). */
static int apart_at(const unit *w, size_t k)
{
    return k > 0 && k < w->n && figure_end(w, k - 1) && figure_start(w, k);
}

/* 1 when w holds figures written apart: their texts run together in
 * w->text (111月), which is then no figure. */
static int digits_apart(const unit *w)
{
    for (size_t k = 1; k < w->n; k++)
        if (apart_at(w, k))
            return 1;
    return 0;
}

/* A range of figures is written with a hyphen (1-11月: one ASCII token in
 * the analysis), with a dash or a tilde (1—11月, 2016～2020年: figures
 * apart) or with 至 (1至11月); each writing is a form of the others.
 * Writes w's text with its range marks as `sep` into buf; returns how
 * many marks there are (0: none, or no room); *seen: the writings found
 * (1 hyphen, 2 apart, 4 至). */
static size_t range_text(const unit *w, const char *sep, char *buf, size_t cap, unsigned *seen)
{
    size_t n = 0, marks = 0, sl = strlen(sep);
    *seen = 0;
#define PUT(p, l)                                                                                  \
    do {                                                                                           \
        if (n + (l) >= cap)                                                                        \
            return 0;                                                                              \
        memcpy(buf + n, (p), (l));                                                                 \
        n += (l);                                                                                  \
    } while (0)
    for (size_t k = 0; k < w->n; k++) {
        const uatom *x = &w->a[k];
        const char *t = w->text + x->off;
        if (apart_at(w, k)) {
            PUT(sep, sl); /* 1 + 11: apart */
            marks++;
            *seen |= 2;
        }
        if (x->len == 3 && memcmp(t, "\xe8\x87\xb3", 3) == 0 && /* 1至11: 至 between figures */
            k > 0 && k + 1 < w->n && figure_end(w, k - 1) && figure_start(w, k + 1)) {
            PUT(sep, sl);
            marks++;
            *seen |= 4;
            continue;
        }
        for (size_t i = 0; i < x->len; i++) {
            if (x->kind == SS_ATOM_ASCII && t[i] == '-' && i > 0 && i + 1 < x->len &&
                ascii_is_digit(t[i - 1]) && ascii_is_digit(t[i + 1])) {
                PUT(sep, sl); /* 1-11 */
                marks++;
                *seen |= 1;
            } else {
                PUT(t + i, 1);
            }
        }
    }
#undef PUT
    buf[n] = '\0';
    return marks;
}

/* Adds the other writings of a range of figures in w to a (ALT_FIGURE),
 * unless exact or full. */
static void range_form(const ss_query_opts *o, const unit *w, ss_alts *a)
{
    static const char *const seps[] = { "-", "\xe2\x80\x94" /* — */, "\xe8\x87\xb3" /* 至 */ };
    if (o && o->exact)
        return;
    char buf[SS_NUM_FORM_MAX];
    unsigned seen;
    for (size_t s = 0; s < NELEM(seps) && a->n < MAX_ALTS; s++) {
        if (!range_text(w, seps[s], buf, sizeof buf, &seen))
            return;
        int dup = (seen >> s) & 1; /* the writing typed */
        for (size_t i = 0; i < a->n && !dup; i++)
            dup = strcmp(a->text[i], buf) == 0;
        if (dup)
            continue;
        strcpy(a->text[a->n], buf);
        a->kind[a->n++] = ALT_FIGURE;
    }
}

/* Words of the means by which one thing moves another, before the first
 * (以旅游带动就业, 通过招商引资推动产业升级): no word of the thing. */
static const char *const means_words[] = { "以", "用", "通过", "借助", "依托", "凭借", "依靠" };

/* Characters that count what a figure before them counts (2000个, 500家,
 * 3000人, 100户, 50名, 20位, 100元, 3次) and also open words (个人, 家电,
 * 人口, 户籍, 名单, 位置, 元旦, 次年). */
static const char count_chars[] = "个家人户名位元次";

/* For a keyword that opens with a year typed without 年 (four digits from
 * 1900 to 2099) before a segmenter word of two characters or more that
 * opens with a character of count_chars (2009家电下乡, 2020个人所得税):
 * the byte offset in an where that word begins, else 0.  The segmenter
 * reads 家电 and 个人 as words, which the figure reading (2009家 | 电下乡,
 * a count of 2009) breaks; not when the word is a measure itself (人次:
 * 2000人次 counts). */
static size_t year_before_word(const ss_analysis *an)
{
    if (an->natoms < 3 || an->atoms[0].kind != SS_ATOM_ASCII || an->atoms[0].normlen != 4 ||
        an->atoms[1].kind != SS_ATOM_HAN || an->atoms[1].flags)
        return 0;
    const char *y = an->norm + an->atoms[0].norm;
    size_t l = 0;
    if (!ss_q_year_at(y, 4, 0) ||
        !cp_in(utf8_valid_cp(an->norm + an->atoms[1].norm, &l), count_chars))
        return 0;
    for (size_t w = 0; w < an->nwords; w++) {
        const ss_word *x = &an->words[w];
        if (x->slogan || x->first != 1 || x->last < 2)
            continue;
        const char *t = an->norm + an->atoms[1].norm;
        size_t tl = an->atoms[x->last].norm + an->atoms[x->last].normlen - an->atoms[1].norm;
        char buf[4 + 64];
        if (tl + 4 > sizeof buf)
            return 0;
        memcpy(buf, y, 4);
        memcpy(buf + 4, t, tl);
        return ss_q_figure_len(buf, 4 + tl) == 4 + tl ? 0 : an->atoms[1].start;
    }
    return 0;
}

/* 1 when a dictionary word of two to four Han characters begins s[0,
 * len). */
static int opens_word(const seg_dict *d, const char *s, size_t len)
{
    for (size_t n = 2 * 3; n <= 4 * 3 && n <= len; n += 3)
        if (seg_dict_lookup(d, s, n, NULL))
            return 1;
    return 0;
}

/* 1 when the part of a year at s (初, 底: pl bytes) opens a word of the
 * dictionary that stays (2019年初心使命, 2020年初步建成, 2018年初中,
 * 2019年初中学生); not when that word leaves the character after it
 * alone while the words read from after the part do not (2019年初中美贸易:
 * 初中|美 against 初|中美; 2008年初雪灾: 初雪|灾 against 初|雪灾). */
static int part_opens_word(const seg_dict *d, const char *s, size_t len, size_t pl)
{
    if (!d || len < 2 * pl || !seg_dict_lookup(d, s, 2 * pl, NULL))
        return 0;
    return !(opens_word(d, s + pl, len - pl) && !opens_word(d, s + 2 * pl, len - 2 * pl));
}

static ss_code parse_item(ss_query *q, ss_actx *ac, const ss_query_opts *o, const char *s,
                          const raw_item *r, int natural, int may_split, ss_err *err);

/* Bytes of the word at the start of t (len bytes), after a place, that
 * says the place's area (地区, 当地, 一带, 境内, 全境, 辖区, 周边, 全市…): the place; 0 when
 * none, or when t is a word of the dictionary whole (地区生产总值). */
static size_t place_area(ss_actx *ac, const char *t, size_t len)
{
    static const char *const area[] = { "地区", "当地", "一带", "境内", "全境",
                                        /* nineteenth round */
                                        "本地", "辖区", "辖内", "域内", "范围内", "周边",
                                        "那边", "这边", "全市", "全省", "全县", "全区" };
    /* in the normalised text (景德鎮地區試驗區: 地区) */
    ss_analysis an;
    if (!len || ss_analyze(ac, t, len, &an, NULL) != SS_OK || !an.natoms)
        return 0;
    size_t nl = an.atoms[an.natoms - 1].norm + an.atoms[an.natoms - 1].normlen;
    const seg_dict *d = ss_actx_dict(ac);
    for (size_t i = 0; i < NELEM(area); i++) {
        size_t n = strlen(area[i]);
        if (nl < n || memcmp(an.norm, area[i], n) != 0)
            continue;
        for (size_t k = 0; k < an.natoms; k++)
            if (an.atoms[k].norm + an.atoms[k].normlen == n)
                return nl > n && d && seg_dict_lookup(d, an.norm, nl, NULL) ? 0 : an.atoms[k].end;
        return 0;
    }
    return 0;
}

/* Reads item r as two: its first k units (a place) and the rest, when
 * the analysis an (of r) holds those units' atoms from its start (else
 * *done = 0 and nothing changes).  The units [u0, nunits) parsed for r are
 * dropped. */
static ss_code split_item(ss_query *q, ss_actx *ac, const ss_query_opts *o, const char *s,
                          const raw_item *r, const ss_analysis *an, size_t u0, size_t k,
                          int *done, ss_err *err)
{
    size_t j = 0; /* atoms of the place */
    *done = 0;
    for (size_t u = u0; u < u0 + k; u++)
        for (size_t i = 0; i < q->units[u].n; i++, j++) {
            const uatom *x = &q->units[u].a[i];
            if (j >= an->natoms || an->atoms[j].normlen != x->len ||
                memcmp(an->norm + an->atoms[j].norm, q->units[u].text + x->off, x->len) != 0)
                return SS_OK;
        }
    if (j >= an->natoms || an->atoms[j].start == 0 || an->atoms[j].start >= r->e - r->s)
        return SS_OK;
    raw_item head = *r, rest = *r;
    head.e = rest.s = r->s + an->atoms[j].start;
    /* 自贡的彩灯: 自贡 and 彩灯 */
    ss_code rc = ss_q_trim_particles(ac, s, &rest, 1, err);
    if (rc != SS_OK)
        return rc;
    /* 景德镇地区试验区, 景德镇当地的试验区: the place's area is the place */
    rest.s += place_area(ac, s + rest.s, rest.e - rest.s);
    if (rest.s < rest.e)
        rc = ss_q_trim_particles(ac, s, &rest, 1, err);
    if (rc != SS_OK)
        return rc;
    while (q->nunits > u0)
        unit_free(&q->units[--q->nunits]);
    *done = 1;
    rc = parse_item(q, ac, o, s, &head, 0, 0, err);
    return rc == SS_OK ? parse_item(q, ac, o, s, &rest, 0, 1, err) : rc;
}

/* 1 when word w of an, 中, stands between words of two characters or more,
 * the word before it no verb (发展|中|逐步化解: while developing) and no
 * word of the dictionary with 中 (景德镇|中|试验区; not 发展稳|中|向好,
 * 特别是|中|美) */
static int where_between(const seg_dict *d, const ss_analysis *an, size_t w)
{
    if (w == 0 || w + 1 >= an->nwords || an->words[w - 1].slogan || an->words[w + 1].slogan)
        return 0;
    const ss_word *l = &an->words[w - 1], *x = &an->words[w], *r = &an->words[w + 1];
    if (l->first == l->last || r->first == r->last || l->last + 1 != x->first ||
        x->last + 1 != r->first)
        return 0;
    const ss_atom *la = &an->atoms[l->first], *xa = &an->atoms[x->first];
    size_t left = xa->norm + xa->normlen - la->norm; /* 发展中 */
    return !(d && (seg_dict_lookup(d, an->norm + la->norm, left, NULL) ||
                   seg_dict_pos(d, an->norm + la->norm, xa->norm - la->norm) == SEG_POS_VERB));
}

/* 1 when atoms [0, k) of an are a person's name, maybe with a title after
 * it: two or three Han characters, the first a common surname, no word of
 * the dictionary but a person's (李克强, 王凯; not 张家口, 宣传), ending where
 * a segmenter word ends. */
static int name_before(const seg_dict *d, const ss_analysis *an, size_t k)
{
    /* a title after the name (习近平总书记强调…, 王凯同志指出…) */
    static const char *const titles[] = { "同志", "书记", "总书记", "省长", "市长", "县长",
                                          "区长", "总理", "主席", "主任", "部长", "副省长",
                                          "副市长", "副县长", "委员长" };
    for (size_t w = 0; w < an->nwords; w++) {
        const ss_word *x = &an->words[w];
        if (x->slogan || x->last + 1 != k || x->first < 2 || x->first > 3)
            continue;
        const ss_atom *a = &an->atoms[x->first], *b = &an->atoms[x->last];
        for (size_t i = 0; i < NELEM(titles); i++)
            if (strlen(titles[i]) == (size_t)(b->norm + b->normlen - a->norm) &&
                memcmp(an->norm + a->norm, titles[i], strlen(titles[i])) == 0) {
                k = x->first;
                break;
            }
    }
    if (k < 2 || k > 3)
        return 0;
    for (size_t i = 0; i < k; i++)
        if (an->atoms[i].flags)
            return 0;
    /* a word of the dictionary of three characters too (张家口) */
    const char *t = an->norm + an->atoms[0].norm;
    size_t tl = an->atoms[k - 1].norm + an->atoms[k - 1].normlen - an->atoms[0].norm;
    if (d && seg_dict_lookup(d, t, tl, NULL) && !seg_dict_person(d, t, tl))
        return 0;
    return ss_q_name_span(an, d, 0, k);
}

/* Keywords joined by a conjunction (乡村振兴和人才振兴, 招商引资与项目建设,
 * 产业及就业), by 关于, 有关, 对于, 相关, 对 (王凯关于项目建设的讲话: who and what),
 * by 期间 (十三五期间脱贫攻坚: when and what),
 * or by 的 (乡村振兴的人才: the text says 乡村振兴人才 as well as
 * 乡村振兴急需的人才) are two keywords, as if typed apart: the byte offset in the
 * analysed item an where the second begins, and in *cut where the first
 * ends; 0 when there is none.  The conjunction is a word of its own for
 * the segmenter (和谐, 共和 hold no 和), stands between words of two
 * characters or more on each side, Han or letters and digits -- or, for a
 * conjunction of one character, beside a single character (猪和价格) when
 * the whole is no word of the dictionary (人与自然 stays whole) -- and the
 * whole is no word of the synonym table (发展和改革委员会 is the name of
 * 发改委). */
static size_t conjunction_cut(const ss_query_opts *o, const seg_dict *d, const ss_analysis *an,
                              const char *text, size_t len, size_t *cut, int *moved)
{
    /* one: a conjunction of one character, which may also join a single
     * character to a word (猪和价格, 蚕和茧) when the whole is no word of
     * the dictionary (人与自然, 党和国家) */
    static const struct {
        const char *w;
        int one;
        int move; /* 1: a thing that moves another (电商助力乡村振兴, 以旅游带动就业):
                     two things, each its word, unless the whole is a word of the
                     dictionary; 2: where (景德镇中试验区), the same */
    } conj[] = { { "和", 1, 0 },   { "与", 1, 0 },   { "及", 1, 0 },   { "以及", 0, 0 },
                 { "及其", 0, 0 }, /* 景德镇及其试验区 (twentieth round) */
                 { "同", 1, 0 },   { "跟", 1, 0 },   { "或", 1, 0 },   { "或者", 0, 0 },
                 { "关于", 0, 0 }, { "有关", 0, 0 },
                 { "对于", 0, 0 }, { "相关", 0, 0 }, { "对", 1, 0 },   { "的", 0, 0 },
                 { "期间", 0, 0 }, { "推动", 0, 1 }, { "带动", 0, 1 }, { "促进", 0, 1 },
                 { "助力", 0, 1 }, { "引领", 0, 1 }, { "赋能", 0, 1 }, { "支撑", 0, 1 },
                 { "带来", 0, 1 }, /* 产业转移带来的就业 */
                 /* where one stands in the other (景德镇中试验区, 在职业教育中产教融合) */
                 { "中", 0, 2 },
                 /* where a thing is, or who spoke where (彩灯在自贡,
                  * 王国生在项目建设会上的讲话): the thing and the place */
                 { "在", 0, 0 },
                 /* what a person said of a thing (李克强谈乡村振兴, 王凯强调项目建设,
                  * 习近平论…): the person and the thing, after a name only
                  * (twenty-third round: each was one glued word, none found) */
                 { "说", 0, 3 },   { "谈", 0, 3 },   { "讲", 0, 3 },   { "论", 0, 3 },
                 { "提到", 0, 3 }, { "谈到", 0, 3 }, { "讲到", 0, 3 }, { "说到", 0, 3 },
                 { "谈及", 0, 3 }, { "强调", 0, 3 }, { "指出", 0, 3 }, { "提出", 0, 3 },
                 { "表示", 0, 3 }, { "阐述", 0, 3 } };
    for (size_t w = 0; w < an->nwords; w++) {
        const ss_word *x = &an->words[w];
        if (x->slogan)
            continue;
        const ss_atom *a = &an->atoms[x->first], *b = &an->atoms[x->last];
        /* a verb the segmenter cuts in two characters (赋|能) */
        int two = x->first == x->last && w + 1 < an->nwords && !an->words[w + 1].slogan &&
                  an->words[w + 1].first == an->words[w + 1].last &&
                  an->words[w + 1].first == x->last + 1;
        size_t el = 0;
        int is_conj = 0, joins_one = 0, move = 0;
        for (int k = 0; k <= two && !is_conj; k++) {
            const ss_atom *e = &an->atoms[x->last + (size_t)k];
            el = e->norm + e->normlen - a->norm;
            for (size_t i = 0; i < NELEM(conj) && !is_conj; i++) {
                is_conj = (k == 0 || conj[i].move == 1) && strlen(conj[i].w) == el &&
                          memcmp(an->norm + a->norm, conj[i].w, el) == 0;
                joins_one = is_conj && conj[i].one;
                move = is_conj ? conj[i].move : 0;
                if (is_conj && k)
                    b = e;
            }
        }
        size_t xlast = (size_t)(b - an->atoms);
        if (!is_conj || x->first < 1 || xlast + 2 > an->natoms)
            continue;
        if (move == 2 && !where_between(d, an, w))
            continue;
        if (move == 3 && !name_before(d, an, x->first))
            continue;
        size_t nall = an->atoms[an->natoms - 1].norm + an->atoms[an->natoms - 1].normlen -
                      an->atoms[0].norm;
        if (move && d && seg_dict_lookup(d, an->norm + an->atoms[0].norm, nall, NULL))
            continue; /* a word of the dictionary whole (以奖代补 has none; 创新驱动…) */
        int one = x->first < 2 || xlast + 3 > an->natoms; /* a single character on a side */
        if (one) {
            size_t nl = an->atoms[an->natoms - 1].norm + an->atoms[an->natoms - 1].normlen -
                        an->atoms[0].norm;
            const ss_atom *lone = &an->atoms[x->first < 2 ? x->first - 1 : xlast + 1];
            /* 的 after or before a thing of its own (猪的价格, IPv6的规模部署),
             * not a modifier (新的增长点) */
            int thing = lone->kind == SS_ATOM_ASCII ||
                        (d && seg_dict_pos(d, an->norm + lone->norm, lone->normlen) == SEG_POS_NOUN);
            if ((!joins_one && !thing) ||
                (d && seg_dict_lookup(d, an->norm + an->atoms[0].norm, nl, NULL)))
                continue;
        }
        size_t lo = one && x->first < 2 ? x->first - 1 : x->first - 2;
        size_t hi = one && xlast + 3 > an->natoms ? xlast + 2 : xlast + 3;
        /* two characters on each side (or one, above), Han or letters and
         * digits (IPv6和规模部署), nothing between */
        int han = 1;
        for (size_t k = lo; k < hi && han; k++)
            han = an->atoms[k].kind != SS_ATOM_SYM && (k == lo || an->atoms[k].flags == 0);
        if (!han)
            continue;
        if (syn_word(o, text, len))
            return 0;
        *cut = a->start;
        *moved = move == 1;
        return b->end;
    }
    return 0;
}

/* A span of years typed as a word beside others (2015年至2020年 脱贫攻坚,
 * 2015-2020年脱贫攻坚) is the filter year:… (alone it is the words, as
 * the plans write them): 1 when item r of s is one and was added to q's
 * filters, 0 when it is none, -1 on an error. */
/* Years listed with 和, 与, 及, 或 or a comma (2019年和2020年, 2019年、2020年,
 * 2019、2020年), typed beside other words: any of them, a year: filter
 * as a span is (twentieth round: each year was a keyword, all required).
 * t[0, len); 1 when it is such a list and the filter is added, 0 when it
 * is none, -1 on an error. */
static int years_list(ss_query *q, ss_actx *ac, const char *t, size_t len, ss_err *err)
{
    static const char *const joins[] = { "和", "与", "及", "或", "、", "，", "," };
    char yf[96] = "year:";
    size_t n = strlen(yf), parts = 0, at = 0;
    int span = 0;
    while (at < len) {
        size_t ye = ss_q_years_end(t + at, len - at, &span);
        if (!ye) { /* a year without 年 before another (2019、2020年) */
            size_t d = 0;
            while (at + d < len && t[at + d] >= '0' && t[at + d] <= '9')
                d++;
            ye = d == 4 && (t[at] == '1' || t[at] == '2') ? d : 0;
        }
        if (!ye || n + ye + 1 >= sizeof yf)
            return 0;
        if (parts)
            yf[n++] = ',';
        memcpy(yf + n, t + at, ye);
        n += ye;
        parts++;
        at += ye;
        if (at == len)
            break;
        size_t jl = 0;
        for (size_t k = 0; k < NELEM(joins) && !jl; k++)
            if (len - at > strlen(joins[k]) && memcmp(t + at, joins[k], strlen(joins[k])) == 0)
                jl = strlen(joins[k]);
        if (!jl)
            return 0;
        at += jl;
    }
    if (parts < 2)
        return 0;
    yf[n] = '\0';
    return ss_filter_parse(ac, yf, n, &q->filters, err);
}

/* 1 when t[0, len) is a year (2019年, 2019) and nothing else. */
static int year_item(const char *t, size_t len)
{
    int span = 0;
    return (len >= 4 && ss_q_years_end(t, len, &span) == len) ||
           (len == 4 && (t[0] == '1' || t[0] == '2') && t[1] >= '0' && t[1] <= '9' &&
            t[2] >= '0' && t[2] <= '9' && t[3] >= '0' && t[3] <= '9');
}

/* Items r[*i…] of years joined by a list's mark alone (2019年、2020年,
 * 2019、2020年, the splitter's items), beside other words (words: the
 * positive items): years_list over them; *i moves to the last.  1 when
 * taken, 0 when not, -1 on an error. */
static int listed_years(ss_query *q, ss_actx *ac, const char *s, const raw_item *r, size_t n,
                        size_t *i, size_t words, ss_err *err)
{
    size_t j = *i;
    if (r[j].quoted || r[j].negated || !year_item(s + r[j].s, r[j].e - r[j].s))
        return 0;
    while (j + 1 < n && !r[j + 1].apart && !r[j + 1].quoted && !r[j + 1].negated &&
           !r[j + 1].is_or && year_item(s + r[j + 1].s, r[j + 1].e - r[j + 1].s))
        j++;
    if (j == *i || words <= j - *i + 1)
        return 0; /* one year, or years alone */
    char buf[96];
    size_t bl = 0;
    for (size_t k = *i; k <= j; k++) {
        size_t l = r[k].e - r[k].s;
        if (bl + l + 1 >= sizeof buf)
            return 0;
        if (k > *i)
            buf[bl++] = ',';
        memcpy(buf + bl, s + r[k].s, l);
        bl += l;
    }
    int f = years_list(q, ac, buf, bl, err);
    if (f > 0)
        *i = j;
    return f;
}

static int years_filter(ss_query *q, ss_actx *ac, const char *s, const raw_item *r, ss_err *err)
{
    int span = 0;
    size_t len = r->e - r->s;
    if (r->quoted || r->negated || len >= 64)
        return 0;
    if (ss_q_years_end(s + r->s, len, &span) != len || !span)
        return years_list(q, ac, s + r->s, len, err);
    char yf[80];
    snprintf(yf, sizeof yf, "year:%.*s", (int)len, s + r->s);
    return ss_filter_parse(ac, yf, strlen(yf), &q->filters, err);
}

/* 1 when analysis an may be a person's name: two or three Han characters,
 * the first a common surname (孔某某, 牛玉儒: not read as 孔 + 某某). */
static int maybe_name(const ss_analysis *an)
{
    size_t at = 0;
    if (an->natoms < 2 || an->natoms > 3)
        return 0;
    for (size_t k = 0; k < an->natoms; k++)
        if (an->atoms[k].kind != SS_ATOM_HAN)
            return 0;
    return ss_common_surname(utf8_next(an->norm + an->atoms[0].norm, an->atoms[0].normlen, &at));
}

/* 1 when unit u is one Han character the dictionary tags as a noun (猪,
 * 象, 馆): a thing of its own, not a modifier (新, 大), a measure (亩) nor
 * the level of a government (市博物馆, 县医院: the city's museum). */
static int lone_thing(const seg_dict *d, const unit *u)
{
    size_t l = 0;
    return d && u->n == 1 && u->a[0].kind == SS_ATOM_HAN &&
           !cp_in(utf8_valid_cp(u->text, &l), SS_Q_LEVELS) &&
           seg_dict_pos(d, u->text, strlen(u->text)) == SEG_POS_NOUN;
}

/* The partial tier's last reading (ss_query_opts.loose 2: passages that
 * hold some of the query) reads a word typed as several units
 * (项目全周期服务: 项目 全周期 服务) as those units typed apart, each an
 * item of its own, as the query typed with spaces is read: a passage
 * holding some of them is proposed and says which it misses (one holding
 * them all, apart, does not hold the word: rank.c).  Not a figure
 * (904.6亿元, 9+1), nor letters or digits glued to Chinese (5G基站), nor
 * an item of an OR group (may_split). */
static int apart_words(const ss_query_opts *o, const ss_query *q, const item *it)
{
    if (!o || o->loose < 2 || it->whole == SIZE_MAX || it->u1 - it->u0 < 2 ||
        q->nitems + (it->u1 - it->u0) > MAX_ITEMS || digits_apart(&q->units[it->whole]))
        return 0;
    char f[1][SS_NUM_FORM_MAX];
    for (size_t u = it->u0; u < it->u1; u++)
        if (!ss_q_all_han(&q->units[u]) || /* 5G基站, G20峰会: one term (峰会 alone is none) */
            ss_num_forms(q->units[u].text, strlen(q->units[u].text), f, 1) > 0)
            return 0;
    const char *w = q->units[it->whole].text;
    return ss_num_forms(w, strlen(w), f, 1) == 0;
}

/* Pushes the units of it (apart_words) as items of one unit each. */
static ss_code push_apart(ss_query *q, ss_actx *ac, const ss_query_opts *o, const item *it,
                          ss_err *err)
{
    ss_code rc = SS_OK;
    for (size_t u = it->u0; rc == SS_OK && u < it->u1; u++) {
        ss_alts a = { .n = 0 };
        const unit *w = &q->units[u];
        ss_q_find_alts(o, q->loose, w->text, strlen(w->text), NULL, 0, &a);
        range_form(o, w, &a);
        item one = { 0, 0, u, u + 1, SIZE_MAX, q->nconcepts, q->nconcepts, it->u0 + 1 };
        rc = add_concept(q, ac, u, u + 1, SIZE_MAX, 1, &a, err);
        one.c1 = q->nconcepts;
        if (rc == SS_OK)
            rc = push_item(q, one, err);
    }
    return rc;
}

static ss_code parse_item(ss_query *q, ss_actx *ac, const ss_query_opts *o, const char *s,
                          const raw_item *r0, int natural, int may_split, ss_err *err)
{
    /* 在1998年特大洪水: the year and the rest, 在 says when */
    raw_item at = *r0;
    const raw_item *r = &at;
    int sp0 = 0;
    if (!natural && !at.quoted && !at.negated && at.e - at.s > strlen("在") + 4 &&
        memcmp(s + at.s, "在", strlen("在")) == 0 &&
        ss_q_years_end(s + at.s + strlen("在"), at.e - at.s - strlen("在"), &sp0) > 0)
        at.s += strlen("在");
    ss_analysis an;
    ss_code rc = ss_analyze(ac, s + r->s, r->e - r->s, &an, err);
    if (rc != SS_OK)
        return rc;
    int apart = !natural && !r->quoted && !r->negated && q->nitems + 1 < MAX_ITEMS;
    size_t cut = 0;
    int moved = 0; /* cut at a verb of one thing moving another (以旅游带动就业) */
    size_t next = apart ? conjunction_cut(o, ss_actx_dict(ac), &an, s + r->s, r->e - r->s, &cut,
                                          &moved)
                        : 0;
    int named = apart && may_split && ss_q_named_whole(o, ss_actx_dict(ac), &an), figure_cut = 0;
    if (!next && apart && may_split && !named && an.natoms) {
        /* 2008年|一季度|…: a part of the year, before more (the figure cut
         * would take 一); in the normalised text, an is used below */
        int sp = 0;
        size_t nl = an.atoms[an.natoms - 1].norm + an.atoms[an.natoms - 1].normlen;
        size_t ye = ss_q_years_end(an.norm, nl, &sp);
        size_t l = ye ? ss_q_year_quarter_len(an.norm + ye, nl - ye) : 0, k0 = SIZE_MAX,
               k1 = SIZE_MAX;
        for (size_t k = 0; l && k < an.natoms; k++) {
            k0 = an.atoms[k].norm == ye ? k : k0;
            k1 = an.atoms[k].norm == ye + l ? k : k1;
        }
        if (k0 != SIZE_MAX && k1 != SIZE_MAX) {
            cut = an.atoms[k0].start;
            next = an.atoms[k1].start;
            figure_cut = 1;
        }
    }
    if (!next && apart && may_split && !named && an.natoms) {
        next = cut = year_before_word(&an); /* 2009|家电下乡 */
        figure_cut = next > 0;
    }
    if (!next && apart && may_split && !named && an.natoms) { /* in the normalised text: 一億噸 */
        size_t cn = ss_q_edge_figure(an.norm, an.atoms[an.natoms - 1].norm +
                                                  an.atoms[an.natoms - 1].normlen);
        for (size_t k = 1; cn && k < an.natoms && !next; k++)
            if (an.atoms[k].norm == cn)
                next = cut = an.atoms[k].start;
        figure_cut = next > 0;
    }
    if (next) { /* two keywords (the analysis is not used again) */
        raw_item head = *r, rest = *r;
        head.e = r->s + cut;
        rest.s = r->s + next;
        /* 以旅游|带动|就业: 以 says by what, it is no word of the thing;
         * so do 用, 通过, 借助… (twenty-second round: 用柳州带动螺蛳粉 read
         * 用柳州 as the first thing) */
        if (moved && an.nwords && an.words[0].first == 0 && !an.words[0].slogan) {
            size_t w_end = an.words[0].last + 1;
            const char *t = an.norm + an.atoms[0].norm;
            size_t tl = an.atoms[an.words[0].last].norm + an.atoms[an.words[0].last].normlen -
                        an.atoms[0].norm;
            for (size_t i = 0; i < sizeof means_words / sizeof means_words[0]; i++)
                if (strlen(means_words[i]) == tl && memcmp(t, means_words[i], tl) == 0) {
                    if (w_end + 1 < an.natoms && an.atoms[w_end + 1].start < cut)
                        head.s = r->s + an.atoms[w_end].start;
                    break;
                }
        }
        /* 2008年|初雨雪冰冻: the start or end of the year goes with it; not
         * a word that opens with the character (2019年|初心使命, 底线) */
        int span = 0;
        size_t pl = 0;
        if (figure_cut && cp_in(utf8_valid_cp(s + rest.s, &pl), SS_Q_YEAR_PARTS) &&
            (rest.e - rest.s >= 3 * pl || /* 2003年初非典: a word of two after it */
             (rest.e - rest.s > pl && ascii_is_alnum(s[rest.s + pl]))) && /* 2018年末GDP */
            !part_opens_word(ss_actx_dict(ac), s + rest.s, rest.e - rest.s, pl) &&
            ss_q_years_end(s + head.s, head.e - head.s, &span) == head.e - head.s)
            rest.s += pl;
        /* 2008年|上半年雨雪冰冻, 2008年|全年…: the year's part goes with it */
        if (figure_cut && ss_q_years_end(s + head.s, head.e - head.s, &span) == head.e - head.s) {
            rest.s += ss_q_year_span_len(ac, s + rest.s, rest.e - rest.s);
            rest.e = rest.s + ss_q_event_end(ac, s + rest.s, rest.e - rest.s); /* …事件 */
        }
        /* 2018年的重点项目, 王凯关于项目建设的讲话: each without its
         * particles and words of the request */
        rc = ss_q_trim_particles(ac, s, &head, 1, err);
        /* after a year or a figure, the rest is a keyword beside another
         * (1998年抗击特大洪水: the verb goes, as in 1998年 抗击特大洪水;
         * twenty-first round) */
        if (rc == SS_OK)
            rc = ss_q_trim_particles(ac, s, &rest, figure_cut ? 2 : 1, err);
        /* 1998年发生|的|特大洪水: the year, not its verb */
        int yv = !figure_cut && rc == SS_OK ? ss_q_year_verb(ac, s + head.s, head.e - head.s) : 0;
        if (yv)
            head.e = head.s + (size_t)yv;
        /* 吞吐量达到|一亿吨, 实现城镇新增就业|一千一百万人: without the verb */
        if (rc == SS_OK && figure_cut)
            rc = ss_q_trim_attain(ac, s, &head, err);
        if (rc == SS_OK && figure_cut)
            rc = ss_q_trim_attain(ac, s, &rest, err);
        if (rc != SS_OK)
            return rc;
        if (ss_q_request_word(ac, s + rest.s, rest.e - rest.s))
            rest.e = rest.s; /* 2018年以来: 以来 goes */
        int at_de = next - cut == 3 && memcmp(s + r->s + cut, "的", 3) == 0;
        /* 2008年的雨雪冰冻事件: the event */
        if (at_de && head.e > head.s &&
            ss_q_years_end(s + head.s, head.e - head.s, &span) == head.e - head.s)
            rest.e = rest.s + ss_q_event_end(ac, s + rest.s, rest.e - rest.s);
        /* 光伏和扶贫的关系: 光伏 扶贫 (the cut was at 的) */
        if (at_de && ss_q_relation_word(ac, s + rest.s, rest.e - rest.s))
            rest.e = rest.s;
        /* 基于大数据的精准扶贫: what the thing is based on, and the thing
         * (not 聚焦主业 alone: the words of a slogan) */
        if (at_de)
            head.s += ss_q_basis_start(ac, s + head.s, head.e - head.s);
        int f = years_filter(q, ac, s, &head, err); /* 2015年至2020年的脱贫攻坚 */
        if (f < 0)
            return err ? err->code : SS_EINVAL;
        if (f > 0)
            return parse_item(q, ac, o, s, &rest, 0, may_split, err);
        rc = parse_item(q, ac, o, s, &head, 0, may_split, err);
        return rc == SS_OK ? parse_item(q, ac, o, s, &rest, 0, may_split, err) : rc;
    }
    item it = { r->negated, r->quoted, q->nunits, q->nunits, SIZE_MAX, q->nconcepts,
                q->nconcepts, 0 };
    if (an.natoms == 0)
        return SS_OK;
    if (r->quoted) {
        rc = ss_q_add_unit(q, &an, 0, an.natoms - 1, err);
    } else {
        rc = ss_q_item_units(q, &an, ss_actx_dict(ac), natural && !r->negated, err);
        size_t k = rc == SS_OK && may_split && !natural && !r->negated && q->gaz
                       ? ss_q_place_prefix(q, it.u0, q->nunits, q->gaz)
                       : 0;
        /* two long words typed together (智能化改造数字化转型): two words;
         * a text names them apart (智能化改造、数字化转型) */
        if (rc == SS_OK && !k && may_split && !natural && !r->negated && !named &&
            q->nunits == it.u0 + 2 && unit_chars(&q->units[it.u0]) >= LONG_WORD_CHARS &&
            unit_chars(&q->units[it.u0 + 1]) >= LONG_WORD_CHARS &&
            ss_q_all_han(&q->units[it.u0]) && ss_q_all_han(&q->units[it.u0 + 1]) &&
            !is_figure(&an))
            k = 1; /* not a figure of two units (百分之五 + 十三点七) */
        /* a thing of one character before a word (猪价格, 象保护): two
         * words, as 猪的价格 is; the text rarely writes them side by side
         * (生猪市场价格, 亚洲象栖息地保护).  Not when the whole or the
         * character is a word of the synonym table (赣 is 江西) */
        if (rc == SS_OK && !k && may_split && !natural && !r->negated && !named &&
            q->nunits >= it.u0 + 2 && lone_thing(ss_actx_dict(ac), &q->units[it.u0]) &&
            !is_figure(&an) && !maybe_name(&an) && !syn_word(o, s + r->s, r->e - r->s) &&
            !syn_word(o, q->units[it.u0].text, strlen(q->units[it.u0].text)))
            k = 1;
        int done = 0;
        if (k)
            rc = split_item(q, ac, o, s, r, &an, it.u0, k, &done, err);
        if (done || rc != SS_OK)
            return rc;
        size_t at = rc == SS_OK && may_split && !natural && !r->negated && q->gaz &&
                            q->nunits == it.u0 + 1
                        ? place_in_unit(q, q->gaz, &an)
                        : 0;
        if (!at && rc == SS_OK && may_split && !natural && !r->negated && q->gaz &&
            q->nunits > it.u0 + 1)
            at = place_before_run(q, q->gaz, &an, q->units[it.u0].n); /* 四川|灾后重建 */
        if (at) { /* 南通家纺: 南通 and 家纺 */
            raw_item head = *r, rest = *r;
            head.e = rest.s = r->s + at;
            rest.s += place_area(ac, s + rest.s, rest.e - rest.s);
            while (q->nunits > it.u0)
                unit_free(&q->units[--q->nunits]);
            rc = parse_item(q, ac, o, s, &head, 0, 0, err);
            return rc == SS_OK ? parse_item(q, ac, o, s, &rest, 0, 1, err) : rc;
        }
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
    ss_alts a = { .n = 0 };
    if (r->negated) {
        /* no concept: an excluded word is excluded where it stands as typed */
    } else if (r->quoted) {
        rc = add_concept(q, ac, it.u0, it.u1, SIZE_MAX, 0, &a, err); /* exact: no split */
    } else if (!natural && may_split && apart_words(o, q, &it)) {
        return push_apart(q, ac, o, &it, err);
    } else if (!natural) {
        const unit *w = &q->units[it.whole != SIZE_MAX ? it.whole : it.u0];
        size_t bounds[MAX_PIECES_ITEM], nb = 0, at = 0, wl = strlen(w->text);
        for (size_t u = it.u0; it.whole != SIZE_MAX && u + 1 < it.u1; u++) {
            at += strlen(q->units[u].text);
            if (at < wl && nb < MAX_PIECES_ITEM)
                bounds[nb++] = at;
        }
        if (digits_apart(w)) /* 1—11月: no figure 111月 */
            a.n = 0;
        else
            ss_q_find_alts(o, q->loose, w->text, wl, bounds, nb, &a); /* loose: "~" too */
        range_form(o, w, &a);
        rc = add_concept(q, ac, it.u0, it.u1, it.whole, 1, &a, err);
    } else {
        for (size_t u = it.u0; rc == SS_OK && u < it.u1; u++) {
            if (digits_apart(&q->units[u]))
                a.n = 0;
            else
                ss_q_find_alts(o, 1, q->units[u].text, strlen(q->units[u].text), NULL, 0, &a);
            range_form(o, &q->units[u], &a);
            rc = add_concept(q, ac, u, u + 1, SIZE_MAX, 1, &a, err);
        }
    }
    it.c1 = q->nconcepts;
    return rc == SS_OK ? push_item(q, it, err) : rc;
}

/* Appends unit w's text, a dash between figures written apart (1—11月,
 * not 111月). */
static int describe_unit(strbuf *sb, const unit *w)
{
    int ok = 1;
    for (size_t k = 0; ok && k < w->n; k++) {
        const uatom *x = &w->a[k];
        if (apart_at(w, k))
            ok = sb_adds(sb, "\xe2\x80\x94") == 0; /* — */
        ok = ok && sb_add(sb, w->text + x->off, x->len) == 0;
    }
    return ok;
}

/* Appends the other forms of concept c: "{A,B}", "~" before related words
 * (a half of a word alone counts as one), a list's items as 水、电、路. */
static int describe_alts(strbuf *sb, const ss_query *q, const concept *c)
{
    int ok = 1, open = 0;
    for (size_t u = c->a0; ok && u < c->a1; u++, open = 1)
        ok = sb_addf(sb, "%s%s", open ? "," : "{",
                     q->units[u].alt == ALT_RELATED ? "~" : "") == 0 &&
             describe_unit(sb, &q->units[u]);
    if (ok && c->listed) { /* its characters as items: 水、电、路 */
        const unit *w = ss_q_typed_unit(q, c);
        ok = sb_adds(sb, open ? "," : "{") == 0;
        open = 1;
        for (size_t k = 0; ok && k < w->n; k++)
            ok = (k == 0 || sb_adds(sb, "\xe3\x80\x81") == 0) &&
                 sb_add(sb, w->text + w->a[k].off, w->a[k].len) == 0;
    }
    for (size_t u = c->u0; ok && c->halves && u < c->u1; u++, open = 1) /* a half alone */
        ok = sb_adds(sb, open ? ",~" : "{~") == 0 && describe_unit(sb, &q->units[u]);
    return ok && (!open || sb_addc(sb, '}') == 0);
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
            ok = ok && describe_unit(&sb, &q->units[u]);
            for (size_t c = it->c0; ok && q->natural && c < it->c1; c++)
                if (q->concepts[c].u0 == u || q->concepts[c].whole == u) /* split: whole */
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
    return parse_text(ac, typed, o, NULL, NULL, out, err);
}

/* 1 when item r of text is positive text: not excluded, not OR, no filter. */
static int positive_text(const char *text, const raw_item *r)
{
    return !r->negated && !r->is_or && !ss_q_is_filter(text + r->s, r->e - r->s);
}

/* How the items r[0, n) of text read, before their words are: each loses
 * the particles at its ends; *natural says whether the query is a
 * question, told from the items without the words of the request too
 * (关于, …情况, 我想了解…: ss_q_trim_particles); a question of one word (什么是
 * 新基建, 新基建 怎么办) is that word, a word of the dictionary or the
 * synonym table no question (发展研究中心); a keyword query loses the words
 * of the request, at its words' ends and typed alone (新基建 情况).  An
 * item that goes is left empty. */
static ss_code read_items(ss_actx *ac, const ss_query_opts *o, const char *text, raw_item *r,
                          size_t n, int *natural, ss_err *err)
{
    raw_item kw[MAX_ITEMS]; /* r without the words of the request */
    ss_code rc = SS_OK;
    size_t typed_apart = 0; /* positive items typed apart (a list's mark joins) */
    for (size_t i = 0; i < n; i++)
        typed_apart += positive_text(text, &r[i]) && (typed_apart == 0 || r[i].apart);
    uint8_t since[MAX_ITEMS] = { 0 }; /* items of a time since an event (改革开放以来) */
    for (size_t i = 0; rc == SS_OK && i < n; i++) {
        kw[i] = r[i];
        if (r[i].quoted || r[i].is_or || ss_q_is_filter(text + r[i].s, r[i].e - r[i].s))
            continue;
        since[i] = !r[i].negated && ss_q_since_word(ac, text + r[i].s, r[i].e - r[i].s);
        rc = ss_q_trim_particles(ac, text, &r[i], 0, err);
        kw[i] = r[i];
        /* not of an excluded word (-引资工作), nor of a word of the
         * synonym table (三农工作 = 三农 = 农业农村农民) */
        if (rc == SS_OK && !r[i].negated && !syn_word(o, text + r[i].s, r[i].e - r[i].s))
            rc = ss_q_trim_particles(ac, text, &kw[i], typed_apart > 1 ? 2 : 1, err);
    }
    if (rc == SS_OK)
        rc = ss_q_detect_natural(ac, o, text, kw, n, natural, err);
    size_t one = n, other = 0, asking = 0; /* the one item that says more than it asks */
    uint8_t asks[MAX_ITEMS] = { 0 };        /* items of nothing but the asking */
    for (size_t i = 0; rc == SS_OK && *natural && i < n; i++)
        if (positive_text(text, &r[i])) {
            if (!r[i].quoted && ss_q_item_asks(ac, text, &r[i])) {
                asks[i] = 1;
                asking++;
            } else {
                one = i;
                other++;
            }
        }
    if (rc == SS_OK && *natural && !o->question && other == 1 && !asking && !r[one].quoted) {
        ss_analysis an; /* a word of its own is no question (发展研究中心) */
        rc = ss_analyze(ac, text + r[one].s, r[one].e - r[one].s, &an, err);
        if (rc == SS_OK && ss_q_named_whole(o, ss_actx_dict(ac), &an))
            *natural = 0;
    }
    if (rc == SS_OK && *natural && !o->question && other == 1 && !r[one].quoted) {
        int word = 0; /* 什么是新基建, 五千万吨 怎么办: the word */
        rc = ss_q_question_core(ac, o, text, &r[one], asking > 0, &word, err);
        *natural = !word;
        kw[one] = r[one];
        for (size_t i = 0; word && i < n; i++)
            if (i != one && positive_text(text, &r[i])) {
                r[i].e = r[i].s;
                kw[i] = r[i];
            }
    }
    /* things listed with 、 and asked for their ways or their state as one
     * run (景德镇、试验区的具体措施): the things, as keywords, when the run
     * reads so (ss_q_question_core) */
    size_t first = n, last = n, listed = 0;
    for (size_t i = 0; i < n; i++)
        if (positive_text(text, &r[i])) {
            if (first == n)
                first = i;
            else
                listed += !r[i].apart && !r[i].quoted;
            last = i;
        }
    if (rc == SS_OK && *natural && !o->question && other >= 2 && !asking &&
        listed + 1 == other && !r[first].quoted) {
        raw_item run = r[first];
        run.e = r[last].e;
        int word = 0;
        rc = ss_q_question_core(ac, o, text, &run, 0, &word, err);
        if (rc == SS_OK && word && run.s < r[first].e && run.e > r[last].s) {
            r[first].s = run.s; /* 关于 goes */
            r[last].e = run.e;
            kw[first] = r[first];
            kw[last] = r[last];
            *natural = 0;
        }
    }
    /* keywords typed apart, then the asking at the end (景德镇 试验区怎么样,
     * 景德镇 试验区 有哪些措施; twenty-first round: read as a question of
     * either, 0.74 -> 0.47 on the real tuning half's pairs): the keywords,
     * when every item before the last reads as a keyword alone and the
     * last, without the asking, is a word (ss_q_question_core) */
    if (rc == SS_OK && *natural && !o->question && other >= 2) {
        size_t lo = n; /* the last item that says more than it asks */
        int ok = 1;
        for (size_t i = 0; i < n; i++)
            if (positive_text(text, &r[i]) && !asks[i])
                lo = i;
        for (size_t i = 0; ok && i < n; i++) {
            if (!positive_text(text, &r[i]))
                continue;
            if (asks[i]) {
                ok = i > lo; /* the asking after the keywords only */
            } else if (i != lo) {
                int nat = 0;
                if (!r[i].quoted)
                    rc = ss_q_detect_natural(ac, o, text, &kw[i], 1, &nat, err);
                ok = rc == SS_OK && !nat;
            }
        }
        raw_item core = r[lo];
        int word = 0;
        if (ok && rc == SS_OK && !r[lo].quoted) {
            int nat = 0;
            rc = ss_q_detect_natural(ac, o, text, &kw[lo], 1, &nat, err);
            if (rc == SS_OK && nat) {
                rc = ss_q_question_core(ac, o, text, &core, 2, &word, err);
                /* the asking at its end went (not 转作风，推动高质量发展: a
                 * run of what is to be done) */
                if (!asking && core.e >= r[lo].e)
                    word = 0;
            } else {
                /* the asking stands in items of its own, or went with the
                 * words of the request */
                word = rc == SS_OK && (asking > 0 || kw[lo].e < r[lo].e);
            }
        }
        if (ok && rc == SS_OK && word) {
            if (core.s != r[lo].s || core.e != r[lo].e)
                kw[lo] = core;
            for (size_t i = 0; i < n; i++)
                if (asks[i])
                    kw[i].e = kw[i].s;
            *natural = 0;
        }
    }
    /* a question's items of nothing but the asking beside items that name
     * the thing (发展氢能产业，有哪些经验可以借鉴): their words go, as they
     * would inside the item of the thing */
    for (size_t i = 0; rc == SS_OK && *natural && other > 0 && i < n; i++)
        if (asks[i])
            r[i].e = r[i].s;
    if (o->question)
        *natural = 1;
    if (rc != SS_OK || *natural)
        return rc;
    memcpy(r, kw, n * sizeof *r);
    uint8_t alone[MAX_ITEMS]; /* items of the request alone (新基建 情况: 情况 goes) */
    size_t words = 0, request = 0; /* positive items of text, and those of them */
    for (size_t i = 0; i < n; i++) {
        alone[i] = positive_text(text, &r[i]) && !r[i].quoted &&
                   (since[i] || ss_q_request_word(ac, text + r[i].s, r[i].e - r[i].s));
        words += positive_text(text, &r[i]);
        request += alone[i];
    }
    for (size_t i = 0; request < words && i < n; i++)
        if (alone[i])
            r[i].e = r[i].s;
    return SS_OK;
}

/* 1 when any quote mark stands at byte i of text (ss_q_quote_at). */
static int quote_mark(const char *text, size_t len, size_t i)
{
    size_t next;
    return i < len && ss_q_quote_at(text, len, i, &next, 1);
}

/* A plus between two words (光伏+扶贫, 文化+旅游: the reports' notation
 * for the one joined to the other) is a blank in text, outside quotes:
 * the words are two keywords.  Not between figures (9+2工程, 1+4行动方案),
 * not at a word's edge (+光伏 requires it, 互联网+ is a word), and not in
 * a word of the synonym table (互联网+政务服务). */
static void plus_apart(const ss_query_opts *o, char *text)
{
    size_t len = strlen(text);
    int quoted = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)text[i];
        if (quote_mark(text, len, i))
            quoted = !quoted;
        if ((c == '/' || c == '|' || c == '&' || c == '-') && !quoted && i >= 6 && i + 6 < len &&
            (unsigned char)text[i - 1] >= 0x80 && (unsigned char)text[i + 1] >= 0x80) {
            /* a slash, bar, ampersand or hyphen between two words of Chinese
             * of two characters or more, no figure in them (光伏/扶贫; not
             * 180万元/亩, 万吨/年, 京-津) */
            size_t ts = i, te = i + 1;
            while (ts > 0 && text[ts - 1] != ' ')
                ts--;
            while (te < len && text[te] != ' ')
                te++;
            int digits = 0, ok = i - ts >= 6 && te - (i + 1) >= 6;
            for (size_t k = ts; k < te; k++)
                digits |= ascii_is_digit(text[k]) || (k != i && (text[k] == '/' || text[k] == '-'));
            if (ok && !digits && !syn_word(o, text + ts, te - ts))
                text[i] = ' ';
            continue;
        }
        if (c != '+' || quoted || i == 0 || i + 1 >= len)
            continue;
        unsigned char p = (unsigned char)text[i - 1], n = (unsigned char)text[i + 1];
        if (p == ' ' || n == ' ' || p == '+' || n == '+' || ascii_is_digit((char)p) ||
            ascii_is_digit((char)n))
            continue;
        size_t ts = i, te = i;
        while (ts > 0 && text[ts - 1] != ' ')
            ts--;
        while (te < len && text[te] != ' ')
            te++;
        if (syn_word(o, text + ts, te - ts))
            continue;
        text[i] = ' ';
    }
}

/* Makes room for a blank at byte at of *textp (len bytes, NUL after them)
 * and puts it there; *len grows by one.  0, or -1 out of memory. */
static int blank_at(char **textp, size_t *len, size_t at)
{
    char *t = realloc(*textp, *len + 2);
    if (!t)
        return -1;
    *textp = t;
    memmove(t + at + 1, t + at, *len - at + 1);
    t[at] = ' ';
    (*len)++;
    return 0;
}

/* Letters glued to a figure with its unit (人均GDP1万美元: one ASCII run
 * gdp1, then 万美元): the letters and the figure, as typed apart (人均GDP
 * 1万美元; twenty-fourth round: the glued run found no passage).  Two
 * letters or more, then digits (and a decimal point), then 万, 亿, 千 or
 * 百; outside quotes.  Letters that end in digits of their own (PM2.5,
 * G20, CO2) are never followed by such a unit.  0, or -1 out of memory. */
static int letters_figure_apart(char **textp)
{
    char *text = *textp;
    static const char *const units[] = { "万", "亿", "千", "百" };
    size_t len = strlen(text);
    int quoted = 0;
    for (size_t i = 0; i < len; i++) {
        if (quote_mark(text, len, i))
            quoted = !quoted;
        if (quoted || !isalpha((unsigned char)text[i]) || (i > 0 && isalnum((unsigned char)text[i - 1])))
            continue;
        size_t l = i;
        while (l < len && isalpha((unsigned char)text[l]))
            l++;
        size_t d = l;
        while (d < len && (isdigit((unsigned char)text[d]) || (text[d] == '.' && d > l)))
            d++;
        if (l - i < 2 || d == l || text[d - 1] == '.') {
            i = d > i ? d - 1 : i;
            continue;
        }
        int unit = 0;
        for (size_t k = 0; k < NELEM(units) && !unit; k++)
            unit = d + strlen(units[k]) <= len && memcmp(text + d, units[k], strlen(units[k])) == 0;
        if (!unit) {
            i = d - 1;
            continue;
        }
        if (blank_at(textp, &len, l) < 0)
            return -1;
        text = *textp;
        i = d; /* past the figure, moved one right */
    }
    return 0;
}

/* Letters typed apart from their digits (PM 2.5, COVID 19, CO 2: the blank
 * some writers set between letters and digits) are the code of the
 * synonym table they make glued (pm2.5 = 细颗粒物): apart, PM and 2.5 were
 * two keywords (6 passages).  The letters stand at the start or after a
 * blank, the digits (with a decimal point) up to the next blank; outside
 * quotes, not with --exact.  Letters typed apart from a Chinese word (5G
 * 基站) stay two keywords: glued, two judged queries typed so fell
 * (the third session of 2026-12-03). */
static void letters_glued(const ss_query_opts *o, char *text)
{
    if (o->exact)
        return;
    size_t len = strlen(text);
    int quoted = 0;
    for (size_t i = 0; i < len; i++) {
        if (quote_mark(text, len, i))
            quoted = !quoted;
        if (quoted || !isalpha((unsigned char)text[i]) ||
            (i > 0 && text[i - 1] != ' ' && text[i - 1] != '\t'))
            continue;
        size_t e = i;
        while (e < len && isalpha((unsigned char)text[e]))
            e++;
        size_t k = e;
        while (k < len && text[k] == ' ')
            k++;
        size_t dg = k;
        while (dg < len && (isdigit((unsigned char)text[dg]) ||
                            (text[dg] == '.' && dg > k && dg + 1 < len &&
                             isdigit((unsigned char)text[dg + 1]))))
            dg++;
        if (k == e || dg == k || (dg < len && text[dg] != ' ') || (e - i) + (dg - k) >= 64) {
            i = e > i ? e - 1 : i;
            continue;
        }
        char code[64];
        size_t cl = 0;
        for (size_t j = i; j < e; j++)
            code[cl++] = (char)tolower((unsigned char)text[j]);
        memcpy(code + cl, text + k, dg - k);
        cl += dg - k;
        if (syn_word(o, code, cl)) {
            memmove(text + e, text + k, len - k + 1); /* PM 2.5: PM2.5 */
            len -= k - e;
        }
        i = e;
    }
}

/* A five-year plan typed with its time before a word (十三五期间资源型城市
 * 转型, 十四五时期的产业升级, 十二五以来…, 十三五末…): the plan and the
 * word, as typed apart (十三五 资源型城市转型); the time goes, a blank in
 * text.  Outside quotes; the plan 十 + a numeral + 五, the time
 * plan_times (simplified or traditional), then 的 or not, then more. */
static void plan_apart(char *text)
{
    static const char *const plan_times[] = { "规划期间", "规划时期", "期间", "时期", "以来",
                                              "期末", "末期", "末", "初", "規劃期間", "規劃時期",
                                              "期間", "時期", "以來" };
    static const char *const numerals = "一二三四五六七八九";
    size_t len = strlen(text);
    int quoted = 0;
    for (size_t i = 0; i < len; i++) {
        if (quote_mark(text, len, i))
            quoted = !quoted;
        /* 十, a numeral, 五: nine bytes */
        if (quoted || i + 9 > len || memcmp(text + i, "十", 3) != 0 ||
            memcmp(text + i + 6, "五", 3) != 0)
            continue;
        int num = 0;
        for (size_t k = 0; k < strlen(numerals) && !num; k += 3)
            num = memcmp(text + i + 3, numerals + k, 3) == 0;
        if (!num)
            continue;
        size_t t = i + 9;
        if (quote_mark(text, len, t))
            continue; /* a quoted plan: as typed */
        for (size_t k = 0; k < NELEM(plan_times); k++) {
            size_t tl = strlen(plan_times[k]);
            if (t + tl > len || memcmp(text + t, plan_times[k], tl) != 0)
                continue;
            size_t e = t + tl;
            if (e + 3 <= len && memcmp(text + e, "的", 3) == 0)
                e += 3;
            if (e + 6 > len || (unsigned char)text[e] < 0x80)
                break; /* nothing of Chinese after it: the plan's time alone */
            memset(text + t, ' ', e - t);
            break;
        }
        i = t - 1;
    }
}

/* A thing typed with its rank glued after it (粮食产量全国第一, 经济总量
 * 排名, 出口额位居全国前列): the thing and the rank, as typed apart
 * (粮食产量 全国第一), so that a passage saying the thing ranks so in other
 * words between (总产量、商品量…始终位居全国第一) holds both; the verb of
 * standing (位居, 稳居…) goes, a blank in text.  The rank ends the word
 * typed, after two Han characters or more; outside quotes; not in a word
 * of the synonym table.  Twenty-first round: the chain read as one word
 * found no passage for 粮食产量全国第一 on the real corpus. */
static int rank_apart(const ss_query_opts *o, char **textp)
{
    char *text = *textp;
    static const char *const ranks[] = { "全国第一", "全省第一", "全市第一", "全区第一", "全国首位",
                                         "全省首位", "全市首位", "全国前列", "全省前列", "全市前列",
                                         "全国领先", "全省领先", "全国之首", "全省之首", "全国第一位",
                                         "全省第一位", "排名第一", "全国排名", "全省排名", "排名",
                                         "名列前茅", "全国領先", "全國第一", "全國首位", "全國前列",
                                         "全國領先", "全國排名" };
    static const char *const stand[] = { "位居", "位列", "稳居", "跃居", "排在", "排名", "走在",
                                         "处于", "保持", "进入", "居" };
    size_t len = strlen(text);
    int quoted = 0;
    size_t ts = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i < len && quote_mark(text, len, i))
            quoted = !quoted;
        if (i < len && text[i] != ' ')
            continue;
        size_t te = i; /* a word typed: [ts, te) */
        for (size_t k = 0; !quoted && k < NELEM(ranks) && te > ts; k++) {
            size_t rl = strlen(ranks[k]);
            if (te - ts < rl + 6 || memcmp(text + te - rl, ranks[k], rl) != 0 ||
                (unsigned char)text[te - rl - 1] < 0x80 || (unsigned char)text[ts] < 0x80 ||
                memchr(text + ts, ':', te - ts) || syn_word(o, text + ts, te - ts))
                continue;
            size_t at = te - rl;
            int verb_only = 0; /* 走在全国前列: the phrase as typed */
            for (size_t v = 0; v < NELEM(stand); v++)
                verb_only |= at - ts == strlen(stand[v]) && memcmp(text + ts, stand[v], at - ts) == 0;
            if (verb_only)
                break;
            for (size_t v = 0; v < NELEM(stand); v++) {
                size_t vl = strlen(stand[v]);
                if (at >= ts + vl + 6 && memcmp(text + at - vl, stand[v], vl) == 0) {
                    memset(text + at - vl, ' ', vl);
                    break;
                }
            }
            /* the thing keeps two Han characters or more before the rank */
            size_t thing = at;
            while (thing > ts && text[thing - 1] == ' ')
                thing--;
            if (thing >= ts + 6) {
                /* the rank needs a blank before it: the verb's bytes
                 * blanked above, or room made by moving the rank right */
                if (text[at - 1] != ' ') {
                    if (blank_at(textp, &len, at) < 0)
                        return -1;
                    text = *textp;
                    i++;
                }
            }
            break;
        }
        ts = i + 1;
    }
    return 0;
}

/* Values listed after filter item r[*i] (region:河南,湖北; year:2019、2021):
 * the items after it joined by a list's mark alone, not typed apart, each
 * one more value of its field (any of them holds; twentieth round: 湖北
 * was a keyword).  *i moves to the last; 1, or -1 on a bad value. */
static int more_values(ss_actx *ac, const char *text, const raw_item *r, size_t n, size_t *i,
                       ss_filters *f, ss_err *err)
{
    const char *colon = memchr(text + r[*i].s, ':', r[*i].e - r[*i].s);
    if (!colon)
        return 1;
    size_t fl = (size_t)(colon - (text + r[*i].s)) + 1; /* the field and its colon */
    while (*i + 1 < n && !r[*i + 1].apart && !r[*i + 1].quoted && !r[*i + 1].negated &&
           !r[*i + 1].is_or && r[*i + 1].e > r[*i + 1].s &&
           !ss_q_is_filter(text + r[*i + 1].s, r[*i + 1].e - r[*i + 1].s)) {
        const raw_item *v = &r[*i + 1];
        char buf[256];
        if (fl + (v->e - v->s) >= sizeof buf)
            break;
        memcpy(buf, text + r[*i].s, fl);
        memcpy(buf + fl, text + v->s, v->e - v->s);
        int got = ss_filter_parse(ac, buf, fl + (v->e - v->s), f, err);
        if (got < 0)
            return -1;
        if (got == 0)
            break;
        ++*i;
    }
    return 1;
}

/* Parses typed, with g known (a word beginning with a place splits) or not;
 * probe, when not NULL, the query whose collection probe it keeps. */
static ss_code parse_text(ss_actx *ac, const char *typed, const ss_query_opts *o,
                          const ss_gazetteer *g, const ss_query *probe, ss_query **out,
                          ss_err *err)
{
    ss_query *q = calloc(1, sizeof *q);
    char *text = q ? ss_q_fold_syntax(typed, strlen(typed), o && o->exact) : NULL;
    if (q && text)
        q->typed = strdup(typed);
    if (!text || !q->typed) {
        free(text);
        if (q)
            free(q->typed);
        free(q);
        return ss_seterr(err, SS_ENOMEM, "out of memory parsing query");
    }
    q->ac = ac;
    q->gaz = g;
    if (probe) {
        q->has_term = probe->has_term;
        q->has_term_arg = probe->has_term_arg;
    }
    if (o)
        q->opts = *o;
    o = &q->opts; /* none given: all zero, as none (qforms.c) */
    plus_apart(o, text);
    plan_apart(text);
    letters_glued(o, text);
    if (letters_figure_apart(&text) < 0 || rank_apart(o, &text) < 0) {
        free(text);
        free(q->typed);
        free(q);
        return ss_seterr(err, SS_ENOMEM, "out of memory parsing query");
    }
    size_t len = strlen(text);
    raw_item r[MAX_ITEMS];
    size_t n = ss_q_split_items(text, len, r, MAX_ITEMS);
    ss_code rc = read_items(ac, o, text, r, n, &q->natural, err);
    size_t words = 0; /* positive items of text */
    for (size_t i = 0; i < n; i++)
        words += r[i].e > r[i].s && positive_text(text, &r[i]);
    q->loose = o ? o->loose : 0;
    int pending_or = 0;
    for (size_t i = 0; rc == SS_OK && i < n; i++) {
        if (r[i].is_or) {
            pending_or = q->nitems > 0;
            continue;
        }
        if (!r[i].quoted && !r[i].negated) {
            int f = ss_filter_parse(ac, text + r[i].s, r[i].e - r[i].s, &q->filters, err);
            if (f > 0)
                f = more_values(ac, text, r, n, &i, &q->filters, err);
            if (f == 0 && words > 1)
                f = years_filter(q, ac, text, &r[i], err);
            if (f == 0)
                f = listed_years(q, ac, text, r, n, &i, words, err);
            if (f < 0)
                rc = err ? err->code : SS_EINVAL;
            if (f != 0)
                continue;
        }
        size_t before = q->nitems;
        int in_or = pending_or || (i + 1 < n && r[i + 1].is_or);
        rc = parse_item(q, ac, o, text, &r[i], q->natural, !in_or, err);
        if (rc == SS_OK && q->nitems > before && pending_or && before > 0)
            q->or_next[before - 1] = 1;
        pending_or = 0;
    }
    if (rc == SS_OK)
        ss_q_add_list_forms(q);
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

size_t ss_query_item_count(const ss_query *q)
{
    return q->nitems;
}

size_t ss_query_item_qualifiers(const ss_query *q, size_t i, const char **out, size_t max)
{
    size_t n = 0;
    const item *it = i < q->nitems ? &q->items[i] : NULL;
    for (size_t c = it ? it->c0 : 0; it && c < it->c1; c++) {
        const concept *k = &q->concepts[c];
        for (size_t u = k->u0; k->core1 > k->core0 && u < k->u1 && n < max; u++)
            if (u < k->core0 || u >= k->core1)
                out[n++] = q->units[u].text;
    }
    return n;
}

const char *ss_query_item_word(const ss_query *q, size_t i)
{
    const item *it = i < q->nitems ? &q->items[i] : NULL;
    if (!it || it->negated || it->u1 == it->u0)
        return NULL;
    return q->units[it->whole != SIZE_MAX ? it->whole : it->u0].text;
}
