/* highlight.c: spans of a shown passage where the query stands (see query.h). */
#include "query_int.h"

#include <stdlib.h>

static int span_cmp_fn(const void *a, const void *b)
{
    const ss_span *x = a, *y = b;
    return x->start < y->start ? -1 : x->start > y->start ? 1 : 0;
}

/* Every occurrence of a concept (a word whole, its units standing close,
 * another form of it), merged where they touch. */
ss_code ss_q_highlights(const ss_query *q, const ss_analysis *an, const occs *o, ss_span **out,
                        size_t *n, ss_err *err)
{
    ss_span *v = malloc((o->nc ? o->nc : 1) * sizeof *v);
    if (!v)
        return ss_seterr(err, SS_ENOMEM, "out of memory highlighting");
    (void)q;
    size_t k = 0;
    for (size_t i = 0; i < o->nc; i++)
        v[k++] = (ss_span){ an->atoms[o->c[i].atom].start, an->atoms[o->c[i].atom_end].end };
    if (k > 1)
        qsort(v, k, sizeof *v, span_cmp_fn);
    size_t m = 0;
    for (size_t i = 0; i < k; i++) {
        if (m && v[i].start <= v[m - 1].end) {
            if (v[i].end > v[m - 1].end)
                v[m - 1].end = v[i].end;
        } else {
            v[m++] = v[i];
        }
    }
    *out = v;
    *n = m;
    return SS_OK;
}

ss_code ss_query_highlights(const ss_query *q, ss_actx *ac, const char *text, size_t len,
                            ss_span **out, size_t *n, ss_err *err)
{
    ss_analysis an;
    double f;
    ss_code rc = ss_analyze_atoms(ac, text, len, &an, err);
    return rc == SS_OK ? ss_query_judge(q, &an, &f, out, n, err) : rc;
}
