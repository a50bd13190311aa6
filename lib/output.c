/* output.c: text and JSON renderings of results (see output.h). */
#include "output.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

static void put_highlighted(FILE *f, const ss_hit *h, int color)
{
    const char *t = h->rec.text ? h->rec.text : "";
    size_t len = strlen(t), at = 0;
    for (size_t i = 0; i < h->nhl; i++) {
        const ss_span *s = &h->hl[i];
        if (s->start < at || s->end > len)
            continue;
        fwrite(t + at, 1, s->start - at, f);
        fputs(color ? "\033[1;31m" : "[", f);
        fwrite(t + s->start, 1, s->end - s->start, f);
        fputs(color ? "\033[0m" : "]", f);
        at = s->end;
    }
    fputs(t + at, f);
}

static void facets_text(FILE *f, const ss_results *r)
{
    for (int k = 0; r->has_facets && k < SS_FACETS; k++) {
        fprintf(f, "%-7s", ss_facet_name(k));
        for (size_t i = 0; i < r->facets[k].n; i++)
            fprintf(f, " %s (%u)", r->facets[k].v[i].value, r->facets[k].v[i].count);
        fputs(r->facets[k].n ? "\n" : " -\n", f);
    }
    if (r->has_facets)
        fputc('\n', f);
}

ss_code ss_output_text(FILE *f, const char *query, const ss_results *r, int color, ss_err *err)
{
    (void)err;
    fprintf(f, "%s%u passages%s for %s (%s: %s)\n\n", color ? "\033[1m" : "", r->total,
            color ? "\033[0m" : "", query, r->natural ? "question" : "keywords", r->understood);
    facets_text(f, r);
    for (size_t i = 0; i < r->n; i++) {
        const ss_hit *h = &r->hits[i];
        fprintf(f, "%s%u. %s%s  [%.3f]\n", color ? "\033[1;34m" : "", h->rank,
                h->rec.title ? h->rec.title : "", color ? "\033[0m" : "", h->score);
        fprintf(f, "   %s:%llu-%llu", h->rec.file ? h->rec.file : "",
                (unsigned long long)h->rec.byte_start, (unsigned long long)h->rec.byte_end);
        if (h->rec.heading)
            fprintf(f, "  § %s", h->rec.heading);
        fputs("\n   ", f);
        put_highlighted(f, h, color);
        fputc('\n', f);
        for (size_t d = 0; d < h->ndups; d++)
            fprintf(f, "   %s %s:%llu-%llu\n", d ? "      " : "also in", h->dups[d].file,
                    (unsigned long long)h->dups[d].byte_start,
                    (unsigned long long)h->dups[d].byte_end);
        fputc('\n', f);
    }
    return ferror(f) ? SS_EIO : SS_OK;
}

static cJSON *hit_json(const ss_hit *h)
{
    cJSON *o = cJSON_CreateObject();
    if (!o)
        return NULL;
    const ss_record *r = &h->rec;
    cJSON_AddNumberToObject(o, "rank", h->rank);
    cJSON_AddNumberToObject(o, "score", h->score);
    cJSON_AddStringToObject(o, "file", r->file ? r->file : "");
    cJSON_AddNumberToObject(o, "byte_start", (double)r->byte_start);
    cJSON_AddNumberToObject(o, "byte_end", (double)r->byte_end);
    cJSON_AddStringToObject(o, "title", r->title ? r->title : "");
    if (r->heading)
        cJSON_AddStringToObject(o, "heading", r->heading);
    else
        cJSON_AddNullToObject(o, "heading");
    cJSON_AddNumberToObject(o, "paragraph", r->para);
    cJSON_AddNumberToObject(o, "speech", r->speech);
    const char *opt[][2] = { { "date", r->date }, { "region", r->region },
                             { "speaker", r->speaker }, { "kind", r->kind } };
    for (size_t i = 0; i < 4; i++) {
        if (opt[i][1])
            cJSON_AddStringToObject(o, opt[i][0], opt[i][1]);
        else
            cJSON_AddNullToObject(o, opt[i][0]);
    }
    cJSON_AddStringToObject(o, "text", r->text ? r->text : "");
    cJSON *dups = cJSON_AddArrayToObject(o, "duplicates");
    for (size_t i = 0; dups && i < h->ndups; i++) {
        cJSON *d = cJSON_CreateObject();
        cJSON_AddStringToObject(d, "file", h->dups[i].file ? h->dups[i].file : "");
        cJSON_AddNumberToObject(d, "byte_start", (double)h->dups[i].byte_start);
        cJSON_AddNumberToObject(d, "byte_end", (double)h->dups[i].byte_end);
        cJSON_AddItemToArray(dups, d);
    }
    cJSON *hl = cJSON_AddArrayToObject(o, "highlights");
    for (size_t i = 0; hl && i < h->nhl; i++) {
        cJSON *pair = cJSON_CreateArray();
        cJSON_AddItemToArray(pair, cJSON_CreateNumber(h->hl[i].start));
        cJSON_AddItemToArray(pair, cJSON_CreateNumber(h->hl[i].end));
        cJSON_AddItemToArray(hl, pair);
    }
    return o;
}

static ss_code print_json(FILE *f, cJSON *o, ss_err *err)
{
    char *s = o ? cJSON_PrintUnformatted(o) : NULL;
    cJSON_Delete(o);
    if (!s)
        return ss_seterr(err, SS_ENOMEM, "out of memory writing JSON");
    fputs(s, f);
    fputc('\n', f);
    free(s);
    return ferror(f) ? ss_seterr(err, SS_EIO, "cannot write output") : SS_OK;
}

ss_code ss_output_json(FILE *f, const char *query, const ss_results *r, int jsonl, ss_err *err)
{
    if (jsonl) {
        for (size_t i = 0; i < r->n; i++) {
            ss_code rc = print_json(f, hit_json(&r->hits[i]), err);
            if (rc != SS_OK)
                return rc;
        }
        return SS_OK;
    }
    cJSON *o = cJSON_CreateObject();
    if (!o)
        return ss_seterr(err, SS_ENOMEM, "out of memory writing JSON");
    cJSON_AddStringToObject(o, "query", query);
    cJSON_AddStringToObject(o, "understood", r->understood ? r->understood : "");
    cJSON_AddStringToObject(o, "mode", r->natural ? "question" : "keywords");
    cJSON_AddNumberToObject(o, "total", r->total);
    if (r->has_facets) {
        cJSON *fo = cJSON_AddObjectToObject(o, "facets");
        for (int k = 0; fo && k < SS_FACETS; k++) {
            cJSON *arr = cJSON_AddArrayToObject(fo, ss_facet_name(k));
            for (size_t i = 0; arr && i < r->facets[k].n; i++) {
                cJSON *pair = cJSON_CreateArray();
                cJSON_AddItemToArray(pair, cJSON_CreateString(r->facets[k].v[i].value));
                cJSON_AddItemToArray(pair, cJSON_CreateNumber(r->facets[k].v[i].count));
                cJSON_AddItemToArray(arr, pair);
            }
        }
    }
    cJSON *hits = cJSON_AddArrayToObject(o, "hits");
    for (size_t i = 0; hits && i < r->n; i++)
        cJSON_AddItemToArray(hits, hit_json(&r->hits[i]));
    return print_json(f, o, err);
}
