/* Tests of output.c's JSON: each --jsonl line (written directly) must be
 * byte for byte the hit as the --json document prints it (through cJSON):
 * strings with quotes, control bytes and invalid UTF-8, null fields, and
 * numbers integral, fractional, huge and not finite. */
#define _GNU_SOURCE /* open_memstream */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "output.h"

/* Strings each hit's text fields take in turn. */
static const char *const texts[] = {
    "",
    "发展是第一要务",
    "quote \" backslash \\ slash / tab\tnl\ncr\rbs\bff\f",
    "ctl \x01\x1f del \x7f end",
    "lone \x80 cont, overlong \xC0\xAF, surrogate \xED\xA0\x80, F5 \xF5",
    "cut \xE4\xB8",
    "cut4 \xF0\x9F\x98",
    "emoji \xF0\x9F\x98\x80 and U+10FFFF \xF4\x8F\xBF\xBF, above \xF4\x90\x80\x80",
    "\xE4\xB8\xAD\\x80",
};
#define NTEXTS ((sizeof texts) / (sizeof *texts))

static const double scores[] = {
    0,      1,        -1.5,     0.1,   1.0 / 3,   3.2710062472029922, 1e-300, 5e-324,
    1e20,   2147483647.0, 2147483648.0, -2147483648.0, -2147483649.0, 4294967295.0,
    1e308,  123456789012345678.0, 0.30000000000000004, NAN, INFINITY, -INFINITY,
};
#define NSCORES ((sizeof scores) / (sizeof *scores))

static char *render(const ss_results *r, int jsonl)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (!f)
        return NULL;
    ss_err err = { 0 };
    ss_code rc = ss_output_json(f, "q", r, jsonl, &err);
    fclose(f);
    if (rc != SS_OK) {
        free(buf);
        return NULL;
    }
    return buf;
}

int main(int argc, char **argv)
{
    (void)argc;
    enum { N = 24 };
    ss_hit hits[N];
    ss_place places[3];
    ss_span spans[4] = { { 0, 3 }, { 5, 9 }, { 100, 4000000000u }, { 7, 7 } };
    char *missing_v[2] = { (char *)"乡村", (char *)"bad \xFF\"" };
    memset(hits, 0, sizeof hits);
    for (size_t k = 0; k < 3; k++)
        places[k] = (ss_place){ (char *)texts[(k + 2) % NTEXTS], (uint64_t)k << 40, 7 + k,
                                (uint32_t)k };
    for (size_t i = 0; i < N; i++) {
        ss_hit *h = &hits[i];
        ss_record *r = &h->rec;
        h->rank = i == 0 ? UINT32_MAX : (uint32_t)i;
        h->score = scores[i % NSCORES];
        h->line = i % 3 == 0 ? 0 : (uint32_t)(i * 1000);
        h->partial = i % 2;
        r->file = i == 1 ? NULL : (char *)texts[i % NTEXTS];
        r->title = i == 2 ? NULL : (char *)texts[(i + 1) % NTEXTS];
        r->heading = i % 4 == 0 ? NULL : (char *)texts[(i + 2) % NTEXTS];
        r->date = i % 5 == 0 ? NULL : (char *)texts[(i + 3) % NTEXTS];
        r->region = i % 3 == 1 ? NULL : (char *)texts[(i + 4) % NTEXTS];
        r->speaker = i % 2 ? NULL : (char *)texts[(i + 5) % NTEXTS];
        r->kind = i % 6 == 0 ? NULL : (char *)texts[(i + 6) % NTEXTS];
        r->text = (char *)texts[(i + 7) % NTEXTS];
        r->byte_start = i == 3 ? (uint64_t)1 << 53 : (uint64_t)i * 977;
        r->byte_end = i == 4 ? UINT64_MAX : r->byte_start + 10;
        r->para = (uint32_t)i * 2;
        r->speech = i == 5 ? UINT32_MAX : (uint32_t)i;
        h->missing = missing_v;
        h->nmissing = i % 3;
        h->dups = places;
        h->ndups = i % 4;
        h->hl = spans;
        h->nhl = i % 5;
    }
    ss_results r;
    memset(&r, 0, sizeof r);
    r.hits = hits;
    r.n = N;
    char *doc = render(&r, 0), *lines = render(&r, 1);
    CHECK(doc && lines, "both renderings written");
    if (doc && lines) {
        /* the document ends "hits":[H1,...,Hn]} and the lines are H1\n...Hn\n */
        const char *at = strstr(doc, "\"hits\":[");
        CHECK(at != NULL, "the document has its hits");
        const char *d = at ? at + 8 : "", *l = lines;
        for (size_t i = 0; i < N; i++) {
            const char *nl = strchr(l, '\n');
            size_t n = nl ? (size_t)(nl - l) : strlen(l);
            int same = nl && strncmp(d, l, n) == 0 && d[n] == (i + 1 < N ? ',' : ']');
            CHECK(same, "hit %zu: line [%.*s] against the document's [%.*s]", i, (int)n, l,
                  (int)n, d);
            if (!same)
                break;
            d += n + 1;
            l = nl + 1;
        }
        CHECK(*l == '\0', "no more lines than hits");
        CHECK(strcmp(d, "}\n") == 0, "the document ends after its hits: [%s]", d);
        CHECK(strstr(lines, "\"score\":3.2710062472029922,") != NULL, "17 digits kept");
        CHECK(strstr(lines, "\"score\":0.1,") != NULL, "15 digits when they read back");
        CHECK(strstr(lines, "\"score\":null,") != NULL, "not finite: null");
        CHECK(strstr(lines, "\\\\xF5") != NULL, "an invalid byte as the text \\xF5");
        CHECK(strstr(lines, "\\u001f") != NULL, "a control byte as \\u001f");
    }
    free(doc);
    free(lines);
    return check_report(argv[0]);
}
