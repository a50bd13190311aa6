/* libFuzzer target: bytes as a file's contents through the whole reading
 * path (binary check, decoding with detection, HTML stripping, cleaning,
 * speech splitting, passages) and every passage through analysis and
 * query highlighting.  Invariants: no crash, no sanitizer report, every
 * passage's span maps inside the input.  Run with `make fuzz`. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "analyze.h"
#include "clean.h"
#include "decode.h"
#include "html.h"
#include "passage.h"
#include "query.h"
#include "speech.h"

static ss_analyzer *an;
static ss_actx *ac;
static ss_cleaner *cl;
static ss_query *q;

static void setup(void)
{
    if (an)
        return;
    if (ss_analyzer_open(NULL, &an, NULL) != SS_OK || !(ac = ss_actx_new(an)) ||
        ss_cleaner_open(NULL, &cl, NULL) != SS_OK ||
        ss_query_parse(ac, "招商引资 \"项目 建设\" -发展 9+2 如何", &q, NULL) != SS_OK)
        abort();
}

static void passages(const ss_text *t, size_t raw_len)
{
    ss_passages ps = { 0 };
    if (ss_split_passages(t->text, t->len, SS_PASSAGE_CHARS, &ps, NULL) != SS_OK)
        return;
    for (size_t i = 0; i < ps.n; i++) {
        uint32_t os, oe;
        ss_text_span(t, ps.v[i].start, ps.v[i].end, &os, &oe);
        if (os > oe || oe > raw_len)
            abort();
        ss_span *hl = NULL;
        size_t nhl = 0;
        ss_query_highlights(q, ac, t->text + ps.v[i].start, ps.v[i].end - ps.v[i].start, &hl,
                            &nhl, NULL);
        for (size_t k = 0; k < nhl; k++)
            if (hl[k].start > hl[k].end || hl[k].end > ps.v[i].end - ps.v[i].start)
                abort();
        free(hl);
    }
    ss_passages_free(&ps);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    setup();
    const char *raw = (const char *)data;
    if (ss_looks_binary(raw, size))
        return 0;
    ss_text t, h, c;
    if (ss_decode(raw, size, NULL, &t, NULL, NULL, NULL, NULL) != SS_OK)
        return 0;
    if (ss_html_sniff(raw, size) && ss_html_strip(&t, &h, NULL, NULL) == SS_OK) {
        ss_text_free(&t);
        t = h;
    }
    if (ss_clean(cl, &t, &c, NULL, NULL) == SS_OK) {
        ss_speeches sps = { 0 };
        if (ss_split_speeches(c.text, c.len, "fuzz", NULL, NULL, &sps, NULL) == SS_OK)
            ss_speeches_free(&sps);
        passages(&c, size);
        ss_text_free(&c);
    }
    ss_text_free(&t);
    return 0;
}
