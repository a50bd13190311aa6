/* qparse.c: query items -> units, concepts and their other forms (see query.h,
 * query_int.h); the syntax itself is qsyntax.c. */
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

static const char *const stopwords[] = {
    "的", "地", "得", "了", "着", "过", "和", "与", "及", "或", "在", "是", "对", "把", "被",
    "从", "以", "为", "等", "之", "其", "这", "那", "也", "都", "就", "将", "并", "而",
    "如何", "怎样", "怎么", "怎么样", "什么", "哪些", "哪里", "为什么", "为何", "是否",
    "吗", "呢", "啊", "吧", "有关", "关于", "方面", "有哪些", "怎样才能", "如何才能", "谁", "中",
    "当中", "之中", "过程中",
};
/* Verbs and nouns too general to say what a question is about: dropped
 * from a question that has other content words (如何加强招商引资工作 asks
 * about 招商引资). */
static const char *const generic_words[] = {
    "发展", "推进", "推动", "加强", "加快", "提高", "提升", "促进", "做好", "实现", "坚持",
    "进行", "开展", "落实", "解决", "抓好", "搞好", "强化", "深化", "完善", "健全", "加大",
    "工作", "问题", "措施", "办法", "情况", "方法", "做法", "途径", "有效", "进一步", "更好",
    "全面", "积极", "不断", "切实", "努力", "当前", "目前", "新时期", "新形势", "应该", "应当",
    "需要", "可以", "能够", "才能", "我们", "我国", "我市", "我省", "采取",
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
#define IN(list, s, len) in_list(list, NELEM(list), s, len)

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

/* Pieces of an unquoted item: segmenter words over Han atoms, single
 * ASCII atoms, symbols glued to what precedes them. */
typedef struct {
    uint32_t first, last;
    int single_han;   /* one Han character */
    int stop;         /* function word */
    int generic;      /* a word too general for a question */
    int has_core;     /* a word with a character glued to it: */
    uint32_t core_first, core_last; /* the word alone */
} piece;

/* Characters that, glued to a word, say what is wrong with it (融资难,
 * 融资贵, 审批慢): a question about the problem is about the word. */
static int is_problem_char(const ss_atom *a, const char *norm)
{
    static const char *const problems[] = { "难", "贵", "慢", "低", "差", "弱", "少", "乱",
                                            "散", "短", "缺", "荒" };
    return IN(problems, norm + a->norm, a->normlen);
}

/* For a three-character dictionary word that is a word and a problem
 * character (融资难), the word alone: a question also counts it.  Sets
 * p's core. */
static void find_core(const ss_analysis *an, const seg_dict *d, piece *p)
{
    if (!d || p->last - p->first != 2)
        return;
    for (uint32_t k = p->first; k <= p->last; k++)
        if (an->atoms[k].kind != SS_ATOM_HAN)
            return;
    const ss_atom *f = &an->atoms[p->first], *l = &an->atoms[p->last];
    const ss_atom *l1 = &an->atoms[p->last - 1];
    uint32_t freq;
    if (is_problem_char(l, an->norm) &&
        seg_dict_lookup(d, an->norm + f->norm, l1->norm + l1->normlen - f->norm, &freq)) {
        p->core_first = p->first;
        p->core_last = p->last - 1;
        p->has_core = 1;
    }
}

static size_t make_pieces(const ss_analysis *an, const seg_dict *d, piece *pc, size_t max)
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
        pc[np] = (piece){ (uint32_t)i, last, at->kind == SS_ATOM_HAN && last == i,
                          IN(stopwords, t, tl), IN(generic_words, t, tl), 0, 0, 0 };
        find_core(an, d, &pc[np++]);
        i = last + 1;
    }
    return np;
}

/* Whether the query (all items' text, items of them) reads as a
 * question: it has a question word, or it is one long run of text (four
 * or more content words, eight or more characters) with function words
 * in it.  Keywords separated by spaces stay keywords. */
static int looks_natural(const ss_analysis *an, const piece *pc, size_t np, size_t items)
{
    size_t content = 0, han = 0, stops = 0;
    for (size_t i = 0; i < np; i++) {
        const ss_atom *at = &an->atoms[pc[i].first];
        size_t tl = an->atoms[pc[i].last].norm + an->atoms[pc[i].last].normlen - at->norm;
        if (IN(question_words, an->norm + at->norm, tl))
            return 1;
        content += !pc[i].stop && !pc[i].single_han;
        stops += pc[i].stop;
        han += pc[i].last - pc[i].first + 1;
    }
    return items == 1 && stops > 0 && content >= 4 && han >= 8;
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
/* Characters that modify the word after them (老工业, 新项目, 大企业, 副市长). */
static int is_prefix_char(const ss_analysis *an, const piece *p)
{
    static const char *const prefixes[] = { "老", "新", "大", "小", "总", "副", "全", "各", "非",
                                            "超", "高", "低", "准", "次", "亚", "前", "原", "多",
                                            "单", "双", "微", "重", "主", "分", "每", "本" };
    const ss_atom *a = &an->atoms[p->first];
    return IN(prefixes, an->norm + a->norm, a->normlen);
}

static ss_code item_units(ss_query *q, const ss_analysis *an, const piece *pc, size_t np,
                          int natural, ss_err *err)
{
    piece m[MAX_PIECES_ITEM];
    size_t nm = 0, specific = 0;
    for (size_t i = 0; natural && i < np; i++)
        specific += !pc[i].stop && !pc[i].generic && !pc[i].single_han;
    for (size_t i = 0; i < np && nm < MAX_PIECES_ITEM; i++) {
        if (natural && (pc[i].stop || (pc[i].generic && specific > 0)))
            continue;
        piece *prev = nm ? &m[nm - 1] : NULL;
        /* a modifier between two words goes with the word it modifies:
         * 东北|老|工业 -> 东北 | 老工业, not 东北老 | 工业 */
        if (prev && !prev->single_han && pc[i].single_han && i + 1 < np &&
            !pc[i + 1].single_han && adjacent(an, &pc[i], &pc[i + 1]) &&
            is_prefix_char(an, &pc[i])) {
            m[nm++] = pc[i];
            continue;
        }
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

static void find_alts(const ss_query_opts *o, int natural, const char *w, size_t len, alts *a)
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
            rc = add_unit(q, &an, 0, an.natoms - 1, err);
        if (rc != SS_OK)
            return rc;
        if (an.natoms)
            q->units[q->nunits - 1].alt = a->kind[i];
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
        rc = add_unit(q, &an, 0, an.natoms - 1, err);
    } else {
        piece pc[MAX_PIECES];
        size_t np = make_pieces(&an, ss_actx_dict(ac), pc, MAX_PIECES);
        rc = item_units(q, &an, pc, np, natural && !r->negated, err);
        if (rc == SS_OK && q->nunits - it.u0 > 1 && !natural) {
            it.u1 = q->nunits;
            rc = add_unit(q, &an, 0, an.natoms - 1, err);
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
        find_alts(o, 0, w->text, strlen(w->text), &a);
        rc = add_concept(q, ac, it.u0, it.u1, it.whole, 1, &a, err);
    } else {
        for (size_t u = it.u0; rc == SS_OK && u < it.u1; u++) {
            find_alts(o, 1, q->units[u].text, strlen(q->units[u].text), &a);
            rc = add_concept(q, ac, u, u + 1, SIZE_MAX, 1, &a, err);
        }
    }
    it.c1 = q->nconcepts;
    return rc == SS_OK ? push_item(q, it, err) : rc;
}

/* Decides keyword or natural language from all positive unquoted text. */
static ss_code detect_natural(ss_actx *ac, const char *s, const raw_item *r, size_t n,
                              int *natural, ss_err *err)
{
    strbuf sb = STRBUF_INIT;
    size_t items = 0;
    for (size_t i = 0; i < n; i++) {
        if (r[i].negated || r[i].quoted || r[i].is_or || ss_q_is_filter(s + r[i].s, r[i].e - r[i].s))
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
        size_t np = make_pieces(&an, ss_actx_dict(ac), pc, MAX_PIECES);
        *natural = looks_natural(&an, pc, np, items) || memchr(sb.buf, '?', sb.len) ||
                   strstr(sb.buf, "？") != NULL;
    }
    sb_free(&sb);
    return SS_OK;
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
    ss_code rc = detect_natural(ac, text, r, n, &q->natural, err);
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
