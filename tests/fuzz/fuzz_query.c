/* libFuzzer target: bytes as a query.  Parsing (words, quotes, -, OR,
 * field filters) with the shipped synonym table, reading its places (the
 * gazetteer; or none: the forms of names), adding the initials of its
 * keywords (as if the collection held every word they make, so that every
 * run of keywords adds a form) and their characters listed (水、电、路, as
 * if the collection listed them), building its Xapian query, highlighting
 * a fixed passage and judging it as a partial hit must never crash or trip
 * a sanitizer, whatever the query.  Run with `make fuzz`. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyze.h"
#include "datadir.h"
#include "gazetteer.h"
#include "query.h"
#include "query_int.h"
#include "synonyms.h"

static ss_analyzer *an;
static ss_actx *ac;
static ss_syn *syn;
static ss_gazetteer *gaz;

/* Every word is in the collection: every run of keywords gets its form. */
static int any_term(void *arg, const char *term)
{
    (void)arg;
    return term[0] != '\0';
}

static const char passage[] =
    "要积极融入長三角發展的大格局中去招商，落实“9+2”工作布局，总投资2844亿元，"
    "推进“智能+”和“互联网+”，5G基站1200个，完善水、电、路、气等设施。";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!an) {
        char path[4096];
        snprintf(path, sizeof path, "%s/synonyms.rules", ss_datadir());
        if (ss_analyzer_open(NULL, &an, NULL) != SS_OK || !(ac = ss_actx_new(an)) ||
            ss_syn_load(path, &syn, NULL) != SS_OK || ss_gaz_open(NULL, &gaz, NULL) != SS_OK)
            abort();
    }
    char *text = malloc(size + 1);
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    ss_query *q = NULL;
    ss_query_opts o = { 0, syn, 0, size % 3 == 0 };
    if (ss_query_parse_opts(ac, text, &o, &q, NULL) == SS_OK) {
        (void)ss_query_set_gazetteer(q, size % 2 ? gaz : NULL, NULL);
        ss_q_add_initials_forms(q, any_term, NULL);
        for (size_t c = 0; c < q->nconcepts; c++) /* as if every list were in the collection */
            q->concepts[c].listed = q->concepts[c].listchars > 0;
        xc_query *xq = NULL; /* the Xapian query (no index: every word's own terms) */
        if (ss_query_build(q, NULL, &xq, NULL) == SS_OK)
            xc_query_free(xq);
        ss_analysis pa;
        double share = 0;
        uint64_t missing = 0, cored = 0;
        if (ss_analyze(ac, passage, sizeof passage - 1, &pa, NULL) == SS_OK)
            (void)ss_query_judge_loose(q, &pa, NULL, &share, &missing, &cored, NULL);
        if (share < 0 || share > 1.0 + 1e-9)
            abort();
        ss_span *hl = NULL;
        size_t n = 0;
        ss_query_highlights(q, ac, passage, sizeof passage - 1, &hl, &n, NULL);
        for (size_t i = 0; i < n; i++)
            if (hl[i].start >= hl[i].end || hl[i].end > sizeof passage - 1)
                abort();
        free(hl);
        (void)ss_query_understood(q);
        ss_query_free(q);
    }
    free(text);
    return 0;
}
