/* qbuild.c: items and units -> the Xapian query that proposes candidates
 * (see query.h).  Whether units stand together is checked later (rank.c). */
#include "query_int.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base.h"
#include "numbers.h"
#include "record.h"
#include "terms.h"
#include "utf8.h"

/* Candidates are ranked by BM25 over the query's bigrams, tokens and
 * words:  w(t) = idf(t) * (K1 + 1) * tf / (K1 * ((1 - B) + B * len / avglen) + tf).
 * A small K1 saturates repetition early: a passage that repeats one word
 * five times gains little over one that names it once (the ranker then
 * rewards different words standing together, rank.c). */
#define BM25_K1 TUNABLE(BM25_K1, 0.5)
#define BM25_B TUNABLE(BM25_B, 0.5)
/* A passage shorter than MIN_NORMLEN times the reference length (below)
 * weighs as one of that length: a one-clause mention (a chronicle's line, a
 * list's item) is not more about a word for being short, only a long
 * passage is weighed down.  1.0 (every passage shorter than the reference
 * alike) scores the same on the tuning halves (objective 0.8981 against
 * 0.8983, measured when the reference was the index's average), 0.9 0.8979. */
#define BM25_MIN_NORMLEN TUNABLE(BM25_MIN_NORMLEN, 0.85)
/* A passage's length is weighed against REF_LENGTH terms (a paragraph of a
 * speech: 164 on corpus/, 155 on the real corpus), not against the index's
 * average: unrelated documents of another shape indexed beside the
 * speeches (manual pages cut into one-line passages, average 22 terms) then
 * leave the speeches' order as it is, where with the average every speech
 * paragraph would count as seven times too long and a one-line mention
 * would outrank the paragraph about the thing.  Xapian's BM25 reads the
 * average from the index (a remote shard's server computes it, so no
 * weighting of our own is possible there): K1, B and MIN_NORMLEN are
 * rescaled so that its  K1 * ((1 - B) + B * max(len / avg, MIN_NORMLEN))
 * equals ours with REF_LENGTH, and every weight of the query is then the
 * same multiple, (K1' + 1) / (K1 + 1), of ours (ss_bm25_params). */
#define REF_LENGTH TUNABLE(REF_LENGTH, 160.0)
#define W_WORD TUNABLE(W_WORD, 0.3)            /* a dictionary word or slogan term of the query: extra weight */
#define W_ALT_SAME TUNABLE(W_ALT_SAME, 0.8)        /* another form of a word (synonym table "=", figure): its weight */
#define W_ALT_LISTED TUNABLE(W_ALT_LISTED, 0.05)   /* a word's characters as an enumeration's items (水、电、路): a
                                                      candidate by characters that end runs, rare ones weighing much */
#define W_ALT_FIGURE TUNABLE(W_ALT_FIGURE, 1.0)    /* the same figure written otherwise (5000万吨
                                                    for 五千万吨): as the figure typed */
#define W_ALT_RELATED TUNABLE(W_ALT_RELATED, 0.4)     /* a related word (synonym table "~", questions) */
#define W_ALT_HEADLESS TUNABLE(W_ALT_HEADLESS, 0.4) /* a thing without the general head glued
                                                        after it (夜间经济 of 夜间经济发展) */
#define W_ALT_HALF TUNABLE(W_ALT_HALF, 0.3)  /* a half of a question's two-word word alone
                                                (督查 of 督查督办; qfind.c S_HALF) */

#define SINGLE_MAX_TERMS 1000 /* one-character query: bigrams it may begin */

/* A small owner of xc_query handles, freed together. */
#define LONE_CACHE 64 /* lone characters whose passages a build remembers */

typedef struct {
    xc_query **v;
    size_t n, cap;
    int failed; /* out of memory: a query was dropped */
    struct {
        char ch[8];
        uint64_t df; /* passages of its terms, summed (single_q) */
    } lone[LONE_CACHE];
    size_t nlone;
} qpool;

static xc_query *keep(qpool *p, xc_query *x)
{
    if (!x)
        return NULL;
    if (SS_GROW(p->v, p->n + 1, p->cap, 256)) {
        xc_query_free(x);
        p->failed = 1;
        return NULL;
    }
    p->v[p->n++] = x;
    return x;
}

static void pool_free(qpool *p)
{
    for (size_t i = 0; i < p->n; i++)
        xc_query_free(p->v[i]);
    free(p->v);
    p->v = NULL;
    p->n = p->cap = 0;
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
    if (n == 1)
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

/* A bigram a lone character begins, as listed: its text and passages. */
typedef struct {
    char term[8]; /* two Han characters, 4 bytes each at most */
    uint8_t len;
    uint32_t tf;
} begun_term;

typedef struct {
    qpool *p;
    xc_query *subs[SINGLE_MAX_TERMS + 1]; /* the character itself, then its bigrams */
    uint32_t tf[SINGLE_MAX_TERMS + 1];    /* passages of each sub's term (0: unknown) */
    size_t n;
    begun_term *begun; /* every bigram it begins (add_single) */
    size_t nbegun, capbegun;
    size_t selflen;
    uint64_t df;
    int oom;
    ss_err *err;
} single_ctx;

/* 1 when term, listed under the prefix of a character of selflen bytes,
 * is a bigram that character begins (not the character itself, glued to
 * an ASCII token (its own term stands there too), or a word (its first
 * bigram does)). */
static int begun_bigram(size_t selflen, const char *term, size_t len)
{
    if (len == selflen)
        return 0;
    unsigned char next = (unsigned char)term[selflen];
    return next >= 0x80 && utf8_lead_len(next) == len - selflen;
}

/* Counts the passages of the character's terms (its own, the bigrams it
 * begins) and keeps the bigrams. */
static int add_single(void *arg, const char *term, size_t len, uint32_t tf)
{
    single_ctx *c = arg;
    int begun = begun_bigram(c->selflen, term, len);
    if (begun || len == c->selflen)
        c->df += tf;
    if (len == c->selflen && c->n > 0)
        c->tf[0] = tf; /* the character itself, added first */
    if (!begun || len > sizeof c->begun[0].term)
        return 0;
    if (SS_GROW(c->begun, c->nbegun + 1, c->capbegun, 256)) {
        c->oom = 1;
        return 1;
    }
    begun_term *b = &c->begun[c->nbegun++];
    memcpy(b->term, term, len);
    b->len = (uint8_t)len;
    b->tf = tf;
    return 0;
}

static int by_passages(const void *a, const void *b)
{
    const begun_term *x = a, *y = b;
    return x->tf != y->tf ? (x->tf < y->tf ? 1 : -1) : memcmp(x->term, y->term, sizeof x->term);
}

/* Adds the bigrams kept to the query: all of them, or the SINGLE_MAX_TERMS
 * in most passages when the character begins more (区, 市, 施 begin 1,400
 * to 1,600 different bigrams in the real corpus).  Before, the first
 * SINGLE_MAX_TERMS in the index's order were taken: 施科, 区域 and 市场 are
 * late in it, and the bigrams left out held 16 to 26% of the occurrences
 * of 市, 区 and 施 (施 农业 missed 实施科技特派员); the rarest ones left out
 * now hold under 1%. */
static void add_begun(single_ctx *c)
{
    if (c->nbegun > SINGLE_MAX_TERMS)
        qsort(c->begun, c->nbegun, sizeof *c->begun, by_passages);
    for (size_t i = 0; i < c->nbegun && c->n <= SINGLE_MAX_TERMS; i++) {
        xc_query *t = term_q(c->p, c->begun[i].term, c->begun[i].len, c->err);
        if (t) {
            c->tf[c->n] = c->begun[i].tf;
            c->subs[c->n++] = t;
        }
    }
}

/* A lone character's terms weigh as rare as the character, not as their
 * own bigrams: each term's weight is multiplied by (idf of the character
 * -- the passages of all its terms -- / idf of the term) ^ SINGLE_IDF_POW,
 * at most 1.  Before, 锂镁, 锂扩, 锂装, rare bigrams of a common character,
 * weighed as rare words, and a passage holding six of them once each
 * outranked one naming 锂电池 five times (锂电 is common).  The OR still
 * adds one weight per different bigram a passage holds; OP_SYNONYM, one
 * word to BM25, would not, but Xapian estimates its frequency per segment
 * (a term a segment lacks drops out there), so one index and its segments
 * would rank differently (tests/e2e, shards, failed on 市).  The
 * frequencies here are the whole index's: the same in every layout. */
#define SINGLE_IDF_POW TUNABLE(SINGLE_IDF_POW, 1.0)

static void single_weights(single_ctx *c, xc_db *db)
{
    uint32_t n = 0;
    if (SINGLE_IDF_POW <= 0 || !c->df || xc_db_doccount(db, &n, c->err) != SS_OK || !n)
        return;
    double idf = log(((double)n + 1) / (double)c->df);
    for (size_t i = 0; i < c->n; i++) {
        if (!c->tf[i])
            continue;
        double own = log(((double)n + 1) / (double)c->tf[i]);
        if (own <= idf || idf <= 0)
            continue;
        xc_query *x = scale(c->p, c->subs[i], pow(idf / own, SINGLE_IDF_POW), c->err);
        if (x)
            c->subs[i] = x;
    }
}

/* A lone Han character: its own term or any bigram that begins with it
 * (terms.h: every occurrence holds one of them).  The passages of those
 * terms, summed, are remembered in p for unit_idf. */
static xc_query *single_q(qpool *p, const char *ch, size_t len, xc_db *db, ss_err *err)
{
    single_ctx *c = calloc(1, sizeof *c);
    if (!c) {
        ss_seterr(err, SS_ENOMEM, "out of memory building query");
        return NULL;
    }
    c->p = p;
    c->err = err;
    c->selflen = len;
    char prefix[8];
    memcpy(prefix, ch, len);
    prefix[len] = '\0';
    /* the character itself first (indexed where no bigram starts with it,
     * terms.h), then the bigrams it begins (add_single) */
    xc_query *self = term_q(p, ch, len, err);
    if (self)
        c->subs[c->n++] = self;
    ss_code listed = db ? xc_db_each_term(db, prefix, add_single, c, err) : SS_OK;
    if (c->oom) {
        free(c->begun);
        free(c);
        ss_seterr(err, SS_ENOMEM, "out of memory building query");
        return NULL;
    }
    add_begun(c);
    if (db && listed == SS_OK) {
        single_weights(c, db);
        if (p->nlone < LONE_CACHE) {
            memcpy(p->lone[p->nlone].ch, prefix, len + 1);
            p->lone[p->nlone++].df = c->df;
        }
    }
    /* OR, not SYNONYM: a synonym's statistics are estimated per shard,
     * which would make sharded and single indexes rank differently */
    xc_query *x = c->n ? combine(p, XC_OP_OR, c->subs, c->n, 0, err)
                       : term_q(p, ch, len, err); /* matches nothing, says so */
    free(c->begun);
    free(c);
    return x;
}

/* 1 when atom j of unit u is an ASCII token at the position next to atom i. */
static int ascii_beside(const unit *u, size_t i, size_t j)
{
    return j < u->n && u->a[j].kind == SS_ATOM_ASCII &&
           (j < i ? u->a[j].rpos + 1 == u->a[i].rpos : u->a[j].rpos == u->a[i].rpos + 1);
}

/* The term of a lone Han atom i of unit u glued to the ASCII token before
 * it, else after it (2019年, 第3: terms.h) into buf; 0 when there is none. */
static size_t glued_term(const unit *u, size_t i, char *buf)
{
    const uatom *a = &u->a[i];
    if (i > 0 && ascii_beside(u, i, i - 1)) {
        const uatom *g = &u->a[i - 1];
        return ss_glued_term(u->text + g->off, g->len, u->text + a->off, a->len, buf);
    }
    if (ascii_beside(u, i, i + 1)) {
        const uatom *g = &u->a[i + 1];
        return ss_glued_term(u->text + a->off, a->len, u->text + g->off, g->len, buf);
    }
    return 0;
}

/* The query for a unit: every bigram and token of it, a lone character
 * glued to its ASCII neighbour or else as single_q (whether they stand
 * together is checked by ss_query_judge). */
static xc_query *unit_q(qpool *p, const unit *u, xc_db *db, ss_err *err)
{
    xc_query *t[UNIT_MAX_ATOMS];
    const char *seen[UNIT_MAX_ATOMS];
    size_t seenlen[UNIT_MAX_ATOMS], n = 0;
    char glued[UNIT_MAX_ATOMS][SS_MAX_TERM + 1]; /* glued terms, kept for seen[] */
    for (size_t i = 0; i < u->n; i++) {
        const uatom *a = &u->a[i];
        int next_han = i + 1 < u->n && u->a[i + 1].kind == SS_ATOM_HAN &&
                       u->a[i + 1].rpos == a->rpos + 1;
        int prev_han = i > 0 && u->a[i - 1].kind == SS_ATOM_HAN &&
                       u->a[i - 1].rpos + 1 == a->rpos;
        const char *s = u->text + a->off;
        size_t len = a->len;
        char *glue = glued[n];
        if (a->kind == SS_ATOM_HAN && next_han) {
            len += u->a[i + 1].len;
        } else if (a->kind == SS_ATOM_HAN && prev_han) {
            continue; /* covered by the bigram before it */
        } else if (a->kind == SS_ATOM_HAN) {
            size_t gl = glued_term(u, i, glue);
            if (gl) {
                s = glue;
                len = gl;
            }
        }
        int dup = 0;
        for (size_t k = 0; k < n && !dup; k++)
            dup = seenlen[k] == len && memcmp(seen[k], s, len) == 0;
        if (dup)
            continue;
        int lone = a->kind == SS_ATOM_HAN && !next_han && s != glue;
        xc_query *x = lone ? single_q(p, s, len, db, err) : term_q(p, s, len, err);
        if (!x)
            return NULL;
        seen[n] = s;
        seenlen[n] = len;
        t[n++] = x;
    }
    return combine(p, XC_OP_AND, t, n, 0, err);
}

/* Passages holding a lone Han character (single_q's terms: its own term
 * and the bigrams it begins), at most: the sum of their frequencies, as
 * single_q counted them while building the query (0 when it did not). */
static uint32_t lone_df(const qpool *p, const char *ch, size_t len, uint32_t n)
{
    for (size_t i = 0; i < p->nlone; i++)
        if (strlen(p->lone[i].ch) == len && memcmp(p->lone[i].ch, ch, len) == 0)
            return p->lone[i].df < n ? (uint32_t)p->lone[i].df : n;
    return 0;
}

/* How rare a unit is: log(N / df) of its rarest bigram or token (a
 * unit's passages are a subset of each of its terms'), or of a lone
 * character (吨, 柚) the passages of its terms: a rare character is as rare
 * as the words it stands in, not a common word.  1 without a database or
 * when the term is unknown. */
static double unit_idf(const qpool *p, const unit *u, xc_db *db, ss_err *err)
{
    uint32_t n = 0, best = UINT32_MAX;
    if (!db || xc_db_doccount(db, &n, err) != SS_OK || n == 0)
        return 1.0;
    for (size_t i = 0; i < u->n; i++) {
        const uatom *a = &u->a[i];
        size_t len = a->len;
        if (a->kind == SS_ATOM_HAN) {
            int next_han = i + 1 < u->n && u->a[i + 1].kind == SS_ATOM_HAN &&
                           u->a[i + 1].rpos == a->rpos + 1;
            int prev_han = i > 0 && u->a[i - 1].kind == SS_ATOM_HAN &&
                           u->a[i - 1].rpos + 1 == a->rpos;
            char glue[SS_MAX_TERM + 1];
            if (!next_han) {
                uint32_t df = prev_han || glued_term(u, i, glue)
                                  ? 0
                                  : lone_df(p, u->text + a->off, a->len, n);
                if (df > 0 && df < best)
                    best = df;
                continue;
            }
            len += u->a[i + 1].len;
        }
        char t[SS_MAX_TERM + 1];
        if (len > SS_MAX_TERM)
            continue;
        memcpy(t, u->text + a->off, len);
        t[len] = '\0';
        uint32_t df = 0;
        if (xc_db_termfreq(db, t, &df, err) == SS_OK && df > 0 && df < best)
            best = df;
    }
    if (best == UINT32_MAX)
        return 1.0;
    double idf = log((double)n / best);
    return idf > 0.1 ? idf : 0.1;
}

/* 1 when the unit is one word of three or more Han characters that the
 * index holds as a term (a dictionary word or a quoted slogan). */
static int is_word(const unit *u, xc_db *db, ss_err *err)
{
    if (u->n < 3 || !db || !ss_q_all_han(u))
        return 0;
    uint32_t tf = 0;
    return xc_db_termfreq(db, u->text, &tf, err) == SS_OK && tf > 0;
}

/* How many terms the query of unit u has (its bigrams, tokens, lone
 * characters): a form written with more characters has more terms, so
 * more BM25 weight, which its scale factor takes back. */
static size_t unit_terms(const unit *u)
{
    size_t n = 0;
    for (size_t i = 0; i < u->n; i++) {
        int next_han = i + 1 < u->n && u->a[i + 1].kind == SS_ATOM_HAN &&
                       u->a[i + 1].rpos == u->a[i].rpos + 1;
        int prev_han = i > 0 && u->a[i - 1].kind == SS_ATOM_HAN &&
                       u->a[i - 1].rpos + 1 == u->a[i].rpos;
        n += !(u->a[i].kind == SS_ATOM_HAN && !next_han && prev_han);
    }
    return n ? n : 1;
}

/* The bigram that typed unit u, ending in a lone character glued to a
 * number (4a级), makes with the next typed unit (旅游景区) where the whole
 * word has them side by side, into buf; 0 when there is none.  The OR of
 * the character's bigrams that the glued term replaced (terms.h) gave the
 * passages where the units touch this bigram's weight, and so ranked them
 * first; this keeps that. */
static size_t touching_bigram(const ss_query *q, const concept *c, size_t u, char *buf)
{
    if (c->whole == SIZE_MAX || u + 1 >= c->u1)
        return 0;
    const unit *a = &q->units[u], *b = &q->units[u + 1], *w = &q->units[c->whole];
    size_t k = a->n - 1, at = 0;
    if (a->n < 2 || a->a[k].kind != SS_ATOM_HAN || !ascii_beside(a, k, k - 1) ||
        b->a[0].kind != SS_ATOM_HAN)
        return 0;
    for (size_t v = c->u0; v <= u; v++)
        at += q->units[v].n; /* the whole word's atom right after unit u */
    if (at >= w->n || w->a[at].rpos != w->a[at - 1].rpos + 1 ||
        w->a[at - 1].len != a->a[k].len || w->a[at].len != b->a[0].len ||
        memcmp(w->text + w->a[at - 1].off, a->text + a->a[k].off, a->a[k].len) != 0 ||
        memcmp(w->text + w->a[at].off, b->text + b->a[0].off, b->a[0].len) != 0)
        return 0;
    return ss_glued_term(a->text + a->a[k].off, a->a[k].len, b->text + b->a[0].off,
                         b->a[0].len, buf);
}

/* Passages where concept c's characters may stand as the items of an
 * enumeration (水、电、路, 路、水、电; qfind.c listed_chars): every item
 * but the last ends a run of characters, so that it is indexed as a term
 * of its own (terms.h), and the last ends one too or 等 follows it
 * (水、电、路等): the OR, over which character is last, of the AND of the
 * others' own terms and its own term or its bigram with 等.  (A list that
 * runs on into a word, 水、电、路设施, is found only among the passages
 * proposed otherwise: the passages of the last character's single_q are
 * too many to AND cheaply, 6 times the CPU time of such a query on the
 * real corpus; without the last character, the candidates were 6 times
 * the passages that qualify, and so was the count's estimate.) */
static xc_query *listed_q(qpool *p, const ss_query *q, const concept *c, ss_err *err)
{
    const unit *w = ss_q_typed_unit(q, c);
    size_t k = c->listchars < w->n ? c->listchars : w->n;
    xc_query *own[UNIT_MAX_ATOMS], *sets[UNIT_MAX_ATOMS];
    for (size_t i = 0; i < k; i++)
        if (!(own[i] = term_q(p, w->text + w->a[i].off, w->a[i].len, err)))
            return NULL;
    for (size_t last = 0; last < k; last++) {
        xc_query *others[UNIT_MAX_ATOMS], *end[2];
        char t[SS_MAX_TERM + 1];
        size_t n = 0, tl = w->a[last].len;
        for (size_t i = 0; i < k; i++)
            if (i != last)
                others[n++] = own[i];
        /* the last item ends the run too, or 等 follows it (水、电、路等) */
        memcpy(t, w->text + w->a[last].off, tl);
        memcpy(t + tl, "\xe7\xad\x89", 3);
        end[0] = own[last];
        end[1] = term_q(p, t, tl + 3, err);
        if (!end[1] || !(others[n++] = combine(p, XC_OP_OR, end, 2, 0, err)) ||
            !(sets[last] = combine(p, XC_OP_AND, others, n, 0, err)))
            return NULL;
    }
    return combine(p, XC_OP_OR, sets, k, 0, err);
}

/* Passages read to tell whether a word's characters are ever listed:
 * those Xapian proposes hold the characters' own terms, but not always
 * side by side (城中村: 城, 中 and 村 each end a run somewhere in a long
 * passage), and a list form that no passage holds is no form. */
#define LISTED_PROBE 10

int ss_q_listed_exists(const ss_query *q, size_t ci, xc_db *db)
{
    qpool *p = calloc(1, sizeof *p);
    if (!p)
        return 0;
    xc_query *x = listed_q(p, q, &q->concepts[ci], NULL);
    xc_enquire *e = NULL;
    xc_mset *m = NULL;
    int ok = x && q->ac && xc_enquire_new(db, &e, NULL) == SS_OK &&
             xc_enquire_set_query(e, x, NULL) == SS_OK &&
             xc_enquire_get_mset(e, 0, LISTED_PROBE, 0, &m, NULL) == SS_OK;
    int found = 0;
    for (uint32_t i = 0; ok && !found && i < xc_mset_size(m); i++) {
        char *data = NULL;
        size_t len = 0;
        ss_record_parts rp;
        ss_analysis an;
        if (xc_mset_data(m, i, &data, &len, NULL) != SS_OK)
            break;
        if (ss_record_decode(data, len, &rp, NULL) == SS_OK) {
            const char *t = ss_record_match_text(&rp.rec);
            found = ss_analyze(q->ac, t, strlen(t), &an, NULL) == SS_OK &&
                    ss_q_listed_in(q, ci, &an);
            ss_record_parts_free(&rp);
        }
        free(data);
    }
    xc_mset_free(m);
    xc_enquire_free(e);
    pool_free(p);
    free(p);
    return found;
}

/* A figure's form written with one digit and 千 or 百 (5千万吨, 1千亿美元:
 * numbers.c digit_and_small) proposes its passages by its Chinese terms
 * alone: the digit token, in most passages of a report somewhere, would
 * add its weight to any passage holding the figure's other words (ranking
 * then takes the form only side by side, qfind.c).  After the digit 1 the
 * other form without it (千亿美元 for 1千亿美元) proposes them already.
 * DIGIT_NONE when u is no such form; else *terms is u without its digit. */
enum { DIGIT_NONE, DIGIT_DROPPED, DIGIT_BARE };
static int digit_before_small(const unit *u, unit *terms)
{
    uint64_t v;
    const char *t = u->text + u->a[0].off;
    if (u->alt != ALT_FIGURE || u->n < 3 || u->a[0].kind != SS_ATOM_ASCII ||
        !ss_num_loose_digits(t, strlen(t), &v))
        return DIGIT_NONE;
    *terms = *u;
    terms->a++;
    terms->n--;
    return u->a[0].len == 1 && t[0] == '1' ? DIGIT_BARE : DIGIT_DROPPED;
}

/* Of a figure's writings, typed (its whole unit) and other (ALT_FIGURE),
 * the one the collection writes most (its rarest term the most common:
 * unit_idf), ties to the first in byte order: the other form that is, or
 * SIZE_MAX when the typed one is.  一百万吨 and 100万吨 both give the
 * same. */
static size_t figure_first(const qpool *p, const ss_query *q, const concept *c, xc_db *db,
                           ss_err *err)
{
    const unit *w = &q->units[c->whole != SIZE_MAX ? c->whole : c->u0];
    const char *best = w->text;
    double low = unit_idf(p, w, db, err);
    size_t at = SIZE_MAX;
    for (size_t u = c->a0; u < c->a1; u++) {
        unit v;
        if (q->units[u].alt != ALT_FIGURE || digit_before_small(&q->units[u], &v) != DIGIT_NONE)
            continue; /* a rare writing, never the one asked for first */
        double idf = unit_idf(p, &q->units[u], db, err);
        if (idf < low - 1e-9 || (idf < low + 1e-9 && strcmp(q->units[u].text, best) < 0)) {
            best = q->units[u].text;
            low = idf;
            at = u;
        }
    }
    return at;
}

/* A concept's query: all its typed units, or any of its other forms,
 * each scaled to weigh W_ALT_* of the typed form: weight
 *   W_ALT * min(1, terms of the typed form / terms of the other form). */
static xc_query *concept_q(qpool *p, const ss_query *q, const concept *c, xc_db *db,
                           ss_err *err)
{
    xc_query *subs[MAX_PIECES], *alts[MAX_ALTS + 1];
    size_t n = 0, na = 0, u0 = c->u0, u1 = c->u1;
    if (q->loose && c->core1 > c->core0) { /* the partial tier: the Chinese core alone
                                              proposes (rank.c) */
        u0 = c->core0;
        u1 = c->core1;
    }
    for (size_t u = u0; u < u1 && n < MAX_PIECES; u++) {
        xc_query *x = unit_q(p, &q->units[u], db, err);
        if (!x)
            return NULL;
        subs[n++] = x;
    }
    alts[na++] = combine(p, XC_OP_AND, subs, n, 0, err);
    if (q->loose && c->core1 == c->core0 && n >= SUBRUN_MIN_UNITS && alts[0]) {
        /* the partial tier: two neighbouring units of a longer word propose
         * too (全周期服务 of 项目全周期服务; rank.c: a run of its units) */
        xc_query *runs[MAX_PIECES];
        size_t nr = 0;
        runs[nr++] = alts[0];
        for (size_t i = 0; i + 1 < n && nr < MAX_PIECES; i++) {
            xc_query *x = combine(p, XC_OP_AND, subs + i, 2, 0, err);
            if (!x)
                return NULL;
            runs[nr++] = x;
        }
        alts[0] = combine(p, XC_OP_OR, runs, nr, 0, err);
    }
    for (size_t u = c->u0; alts[0] && u < c->u1; u++) {
        char t[SS_MAX_TERM + 1];
        size_t tl = touching_bigram(q, c, u, t);
        xc_query *pair[2] = { alts[0], tl ? term_q(p, t, tl, err) : NULL };
        if (pair[1])
            alts[0] = combine(p, XC_OP_AND_MAYBE, pair, 2, 0, err);
    }
    if (!alts[0])
        return NULL;
    size_t typed = 0;
    for (size_t u = c->u0; u < c->u1; u++)
        typed += unit_terms(&q->units[u]);
    /* a figure, or a word holding one, is asked for by the same query
     * however it was typed: its first writing (figure_first) leads, the
     * typed one is another form */
    size_t first = SIZE_MAX;
    for (size_t u = c->a0; u < c->a1 && first == SIZE_MAX; u++)
        if (q->units[u].alt == ALT_FIGURE)
            first = figure_first(p, q, c, db, err);
    if (first != SIZE_MAX) {
        xc_query *t = alts[0];
        if (c->whole != SIZE_MAX) { /* the typed figure whole, as its other writings are */
            t = unit_q(p, &q->units[c->whole], db, err);
            typed = unit_terms(&q->units[c->whole]);
        }
        size_t ft = unit_terms(&q->units[first]);
        alts[0] = unit_q(p, &q->units[first], db, err);
        if (!alts[0])
            return NULL;
        alts[na++] = scale(p, t, W_ALT_FIGURE * (typed > ft ? (double)ft / typed : 1.0), err);
        typed = ft;
    }
    for (size_t u = c->a0; u < c->a1 && na < MAX_ALTS + 1; u++) {
        if (u == first)
            continue;
        double w = (q->units[u].alt == ALT_RELATED  ? W_ALT_RELATED
                    : q->units[u].alt == ALT_FIGURE ? W_ALT_FIGURE
                                                    : W_ALT_SAME) *
                   q->units[u].qweight; /* a list's short form shared by k words: 1/k each */
        size_t terms = unit_terms(&q->units[u]);
        if (terms > typed)
            w *= (double)typed / terms;
        unit v;
        int digit = digit_before_small(&q->units[u], &v);
        if (digit == DIGIT_BARE)
            continue;
        xc_query *x = scale(p, unit_q(p, digit ? &v : &q->units[u], db, err), w, err);
        if (x)
            alts[na++] = x;
    }
    for (size_t u = c->u0; c->halves && u < c->u1 && na < MAX_ALTS + 1; u++) {
        xc_query *x = scale(p, unit_q(p, &q->units[u], db, err), W_ALT_HALF, err);
        if (x)
            alts[na++] = x; /* a half alone (qfind.c S_HALF) */
    }
    if (c->headless && !q->loose && na < MAX_ALTS + 1) {
        xc_query *x = scale(p, unit_q(p, &q->units[c->core0], db, err), W_ALT_HEADLESS, err);
        if (x)
            alts[na++] = x; /* the thing without its head (qfind.c S_HEADLESS) */
    }
    if (c->listed && c->listchars && na < MAX_ALTS + 1) { /* its characters as items */
        xc_query *x = listed_q(p, q, c, err);
        if (x && (x = scale(p, x, W_ALT_LISTED, err)))
            alts[na++] = x;
    }
    /* one word however it is written: the typed form where it stands, else
     * the other forms (each AND_NOT the typed form), so a passage holding
     * both weighs as the typed form alone, never their sum.  This is what
     * OP_MAX meant; Xapian 1.4.22's OP_MAX crashes in get_mset inside a
     * conjunction with BM25 pruning (seen on the real corpus). */
    for (size_t i = 1; i < na; i++) {
        xc_query *pair[2] = { alts[i], alts[0] };
        xc_query *x = combine(p, XC_OP_AND_NOT, pair, 2, 0, err);
        if (!x)
            return NULL;
        alts[i] = x;
    }
    /* its context: passages of speeches about its place, of its year */
    xc_query *ctx[SS_GAZ_MAX_MEMBERS + 8];
    ctx_term ct[SS_GAZ_MAX_MEMBERS + 8];
    size_t nct = ss_q_context_terms(q, c, ct, SS_GAZ_MAX_MEMBERS + 8), nx = 0;
    for (size_t i = 0; i < nct; i++) {
        xc_query *t = term_q(p, ct[i].term, strlen(ct[i].term), err);
        if (t && ct[i].boolean)
            t = scale(p, t, 0.0, err);
        if (t && ct[i].also[0]) {
            xc_query *pair[2] = { t, term_q(p, ct[i].also, strlen(ct[i].also), err) };
            t = pair[1] ? combine(p, XC_OP_FILTER, pair, 2, 0, err) : NULL;
        }
        if (t)
            ctx[nx++] = t;
    }
    xc_query *all[2] = { combine(p, XC_OP_OR, alts, na, 0, err),
                         combine(p, XC_OP_OR, ctx, nx, 0, err) };
    return all[1] ? combine(p, XC_OP_OR, all, 2, 0, err) : all[0];
}

/* An item's query: its concepts, all (keyword) or any (question). */
static xc_query *item_q(qpool *p, const ss_query *q, const item *it, xc_db *db, ss_err *err)
{
    xc_query *subs[MAX_PIECES];
    size_t n = 0;
    for (size_t c = it->c0; c < it->c1 && n < MAX_PIECES; c++) {
        xc_query *x = concept_q(p, q, &q->concepts[c], db, err);
        if (!x)
            return NULL;
        subs[n++] = x;
    }
    return combine(p, q->natural ? XC_OP_OR : XC_OP_AND, subs, n, 0, err);
}

/* Word terms of the query's units and whole items, to rank passages where
 * the segmenter found the same words a little higher. */
static size_t word_boosts(qpool *p, const ss_query *q, xc_db *db, xc_query **b, size_t max,
                          ss_err *err)
{
    size_t nb = 0;
    for (size_t i = 0; i < q->nitems; i++) {
        const item *it = &q->items[i];
        size_t end = it->whole != SIZE_MAX ? it->whole + 1 : it->u1;
        for (size_t u = it->u0; !it->negated && u < end && nb < max; u++) {
            const unit *un = &q->units[u];
            if (!is_word(un, db, err))
                continue;
            xc_query *w = scale(p, term_q(p, un->text, strlen(un->text), err), W_WORD, err);
            if (w)
                b[nb++] = w;
        }
    }
    return nb;
}

/* Keyword: AND of OR-groups.  Natural: OR of everything positive. */
static xc_query *match_q(qpool *p, const ss_query *q, xc_db *db, ss_err *err)
{
    /* an item typed may become two (a place and the rest, words joined by
     * 和): there may be more items than MAX_ITEMS */
    xc_query **groups = malloc((2 * q->nitems + 1) * sizeof *groups), **alts = groups + q->nitems;
    size_t ng = 0, na = 0;
    if (!groups) {
        ss_seterr(err, SS_ENOMEM, "out of memory building query");
        return NULL;
    }
    for (size_t i = 0; i < q->nitems; i++) {
        const item *it = &q->items[i];
        if (it->negated)
            continue;
        xc_query *x = item_q(p, q, it, db, err);
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
    /* the partial tier (q->loose) takes passages holding any group */
    xc_query *m = combine(p, q->natural || q->loose ? XC_OP_OR : XC_OP_AND, groups, ng, 0, err);
    free(groups);
    return m;
}

/* The term whose passages all hold unit u as typed, into buf: its token,
 * its bigram, a number glued to a character, or the whole word when the
 * index holds it (a segmenter word or slogan of three or more characters).
 * 0 when there is none. */
static size_t implying_term(const unit *u, xc_db *db, char *buf, ss_err *err)
{
    if (u->n == 1 && u->a[0].kind != SS_ATOM_HAN)
        return ss_glued_term(u->text + u->a[0].off, u->a[0].len, "", 0, buf);
    int k0 = u->n == 2 ? u->a[0].kind : 0, k1 = u->n == 2 ? u->a[1].kind : 0;
    if (u->n == 2 && u->a[1].rpos == 1 &&
        ((k0 == SS_ATOM_HAN && k1 == SS_ATOM_HAN) || (k0 == SS_ATOM_ASCII && k1 == SS_ATOM_HAN) ||
         (k0 == SS_ATOM_HAN && k1 == SS_ATOM_ASCII)))
        return ss_glued_term(u->text + u->a[0].off, u->a[0].len, u->text + u->a[1].off,
                             u->a[1].len, buf);
    if (is_word(u, db, err))
        return ss_glued_term(u->text, strlen(u->text), "", 0, buf);
    return 0;
}

/* Excluded items: Xapian leaves out the passages of a term that implies
 * the item (implying_term); ss_query_judge leaves out the others. */
static xc_query *exclude(qpool *p, const ss_query *q, xc_query *m, xc_db *db, ss_err *err)
{
    for (size_t i = 0; m && i < q->nitems; i++) {
        const item *it = &q->items[i];
        if (!it->negated || it->u1 == it->u0)
            continue;
        const unit *u = &q->units[it->whole != SIZE_MAX ? it->whole : it->u0];
        char t[SS_MAX_TERM + 1];
        size_t n = implying_term(u, db, t, err);
        if (!n)
            continue;
        xc_query *pair[2] = { m, term_q(p, t, n, err) };
        if (pair[1])
            m = combine(p, XC_OP_AND_NOT, pair, 2, 0, err);
    }
    return m;
}

ss_code ss_query_build(ss_query *q, xc_db *db, xc_query **out, ss_err *err)
{
    ss_err local; /* every Xapian error lands in err: it decides the result */
    if (!err)
        err = &local;
    qpool *p = calloc(1, sizeof *p);
    if (!p)
        return ss_seterr(err, SS_ENOMEM, "out of memory building query");
    ss_clearerr(err);
    ss_q_resolve_context(q);
    q->avlength = 0;
    if (db && xc_db_avlength(db, &q->avlength, err) != SS_OK)
        q->avlength = 0; /* the error stays in err: it decides the result */
    xc_query *m = match_q(p, q, db, err);
    /* after the query: single_q has counted the lone characters' passages */
    for (size_t u = 0; u < q->nunits; u++)
        q->units[u].idf = unit_idf(p, &q->units[u], db, err) * q->units[u].qweight;
    /* a figure is as rare as its most common writing, however it was typed */
    for (size_t ci = 0; ci < q->nconcepts; ci++) {
        const concept *c = &q->concepts[ci];
        double low = -1;
        for (size_t u = c->a0; u < c->a1; u++)
            if (q->units[u].alt == ALT_FIGURE && (low < 0 || q->units[u].idf < low))
                low = q->units[u].idf;
        for (size_t u = c->u0; low >= 0 && u < c->u1; u++)
            q->units[u].idf = q->units[u].idf < low ? q->units[u].idf : low;
    }
    xc_query *b[64];
    size_t nb = m ? word_boosts(p, q, db, b, 64, err) : 0;
    if (m && nb) {
        xc_query *pair[2] = { m, combine(p, XC_OP_OR, b, nb, 0, err) };
        m = pair[1] ? combine(p, XC_OP_AND_MAYBE, pair, 2, 0, err) : m;
    }
    if (!m && q->filters.n && !ss_query_has_text(q)) {
        xc_query *all = NULL;
        if (xc_query_match_all(&all, err) == SS_OK)
            m = keep(p, all);
    }
    m = exclude(p, q, m, db, err);
    if (m && q->filters.n) {
        xc_query *fq = NULL;
        if (ss_filters_query(&q->filters, q->ac, q->gaz, db, &fq, err) == SS_OK && fq) {
            xc_query *pair[2] = { m, keep(p, fq) };
            m = pair[1] ? combine(p, XC_OP_FILTER, pair, 2, 0, err) : NULL;
        } else if (err->code != SS_OK) {
            m = NULL;
        }
    }
    ss_code rc = SS_OK;
    if (err->code != SS_OK)
        rc = err->code;
    else if (p->failed)
        rc = ss_seterr(err, SS_ENOMEM, "out of memory building query");
    else if (!m)
        rc = ss_seterr(err, SS_EINVAL, "query has nothing to search for");
    else if (xc_query_scale(m, 1.0, out, err) != SS_OK) /* a copy the caller owns */
        rc = err->code;
    pool_free(p);
    free(p);
    return rc;
}

void ss_bm25_params(double avlength, double *k1, double *b, double *min_normlen)
{
    *k1 = BM25_K1;
    *b = BM25_B;
    *min_normlen = BM25_MIN_NORMLEN;
    if (!(avlength > 0) || REF_LENGTH <= 0)
        return; /* no average (an empty index, a unit test): Xapian's own */
    double r = avlength / REF_LENGTH;
    double k1b = BM25_K1 * BM25_B * r; /* K1' * B' */
    *k1 = BM25_K1 * (1 - BM25_B) + k1b;
    *b = *k1 > 0 ? k1b / *k1 : BM25_B;
    *min_normlen = BM25_MIN_NORMLEN / r;
}

ss_code ss_query_configure(const ss_query *q, xc_enquire *e, ss_err *err)
{
    double k1, b, min_normlen;
    ss_bm25_params(q->avlength, &k1, &b, &min_normlen);
    return xc_enquire_set_bm25(e, k1, 0, 1, b, min_normlen, err);
}
