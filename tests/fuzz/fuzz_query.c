/* libFuzzer target: bytes as a query.  Parsing (words, quotes, -, OR,
 * field filters) and highlighting a fixed passage must never crash or
 * trip a sanitizer, whatever the query.  Run with `make fuzz`. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "analyze.h"
#include "query.h"

static ss_analyzer *an;
static ss_actx *ac;

static const char passage[] =
    "要积极融入長三角發展的大格局中去招商，落实“9+2”工作布局，总投资2844亿元，"
    "推进“智能+”和“互联网+”，5G基站1200个。";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!an && (ss_analyzer_open(NULL, &an, NULL) != SS_OK || !(ac = ss_actx_new(an))))
        abort();
    char *text = malloc(size + 1);
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    ss_query *q = NULL;
    if (ss_query_parse(ac, text, &q, NULL) == SS_OK) {
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
