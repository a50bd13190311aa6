/* like.c: the words that say what a passage is about (see like.h). */
#include "like.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "terms.h"

#define LIKE_MAX_WORDS 512
#define LIKE_MIN_DF 2         /* fewer passages: only this one and its copies */
#define LIKE_MAX_DF_SHARE 0.2 /* in more than this share of passages: says nothing */

typedef struct {
    uint32_t first, last; /* atoms */
    uint32_t tf;
    double score;
} cand;

static int by_score(const void *a, const void *b)
{
    const cand *x = a, *y = b;
    if (x->score != y->score)
        return x->score > y->score ? -1 : 1;
    return x->first < y->first ? -1 : x->first > y->first;
}

/* Passages holding the word's term, or at most its rarest bigram's. */
static uint32_t word_df(xc_db *db, const ss_analysis *an, const cand *w)
{
    char t[SS_MAX_TERM + 1];
    uint32_t df = 0, best = UINT32_MAX;
    if (w->last - w->first >= 2) {
        size_t n = ss_term_of_atoms(an, w->first, w->last, t);
        if (n && xc_db_termfreq(db, t, &df, NULL) == SS_OK && df > 0)
            return df;
    }
    for (uint32_t a = w->first; a < w->last; a++) {
        size_t n = ss_term_of_atoms(an, a, a + 1, t);
        if (n && xc_db_termfreq(db, t, &df, NULL) == SS_OK && df < best)
            best = df;
    }
    return best == UINT32_MAX ? 0 : best;
}

static _Thread_local const ss_analysis *cmp_an; /* for by_text, set before qsort */

/* Orders words by their normalised text. */
static int by_text(const void *a, const void *b)
{
    const cand *x = a, *y = b;
    const ss_analysis *an = cmp_an;
    size_t xs = an->atoms[x->first].norm, ys = an->atoms[y->first].norm;
    size_t xl = an->atoms[x->last].norm + an->atoms[x->last].normlen - xs;
    size_t yl = an->atoms[y->last].norm + an->atoms[y->last].normlen - ys;
    int c = memcmp(an->norm + xs, an->norm + ys, xl < yl ? xl : yl);
    return c ? c : (xl > yl) - (xl < yl);
}

ss_code ss_like_words(xc_db *db, ss_actx *ac, const char *text, size_t len, size_t k,
                      strbuf *out, ss_err *err)
{
    ss_analysis an;
    ss_code rc = ss_analyze(ac, text, len, &an, err);
    if (rc != SS_OK)
        return rc;
    uint32_t ndocs = 0;
    rc = xc_db_doccount(db, &ndocs, err);
    if (rc != SS_OK)
        return rc;
    cand *c = malloc(LIKE_MAX_WORDS * sizeof *c);
    if (!c)
        return ss_seterr(err, SS_ENOMEM, "out of memory finding similar passages");
    size_t n = 0;
    for (size_t i = 0; i < an.nwords && n < LIKE_MAX_WORDS; i++) {
        const ss_word *w = &an.words[i];
        if (!w->slogan && w->last > w->first)
            c[n++] = (cand){ w->first, w->last, 1, 0 };
    }
    /* repeats counted by sorting the words by their text */
    cmp_an = &an;
    qsort(c, n, sizeof *c, by_text);
    size_t d = 0;
    for (size_t i = 0; i < n; i++) {
        if (d && by_text(&c[d - 1], &c[i]) == 0)
            c[d - 1].tf++;
        else
            c[d++] = c[i];
    }
    n = d;
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t df = word_df(db, &an, &c[i]);
        if (df < LIKE_MIN_DF || df > LIKE_MAX_DF_SHARE * ndocs)
            continue;
        c[i].score = (1.0 + log((double)c[i].tf)) * log((double)ndocs / df);
        c[m++] = c[i];
    }
    qsort(c, m, sizeof *c, by_score);
    char t[SS_MAX_TERM + 1];
    for (size_t i = 0; i < m && i < k; i++) {
        size_t tl = ss_term_of_atoms(&an, c[i].first, c[i].last, t);
        if (tl && ((out->len && sb_addc(out, ' ')) || sb_add(out, t, tl))) {
            free(c);
            return ss_seterr(err, SS_ENOMEM, "out of memory finding similar passages");
        }
    }
    free(c);
    return SS_OK;
}
