/* speech-query: ranks the passages of a speech-search index for a query,
 * for people (text, coloured on a terminal) and scripts (--json, --jsonl).
 * Exit status like grep: 0 hits, 1 no hits, 2 error. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "indexer.h"
#include "output.h"
#include "search.h"
#include "strbuf.h"

#define DEFAULT_INDEX "index"
#define MAX_DBS 64

static void usage(FILE *f)
{
    fprintf(f,
            "usage: speech-query [-d INDEX]... [-n N] [--offset K] [--json | --jsonl] QUERY...\n"
            "Ranks the passages of the index that talk about QUERY.\n\n"
            "Query syntax:  words (all must match)   \"exact phrase\"   -excluded   A OR B\n"
            "               region:河南  year:2019  year:2019..2022  speaker:市委书记\n"
            "               kind:speech|report|article  title:招商\n"
            "Traditional and simplified script match each other; a question such as\n"
            "如何推进产业集聚区转型发展 matches passages holding most of its words.\n\n"
            "  -d, --db INDEX    index to search; repeat to search several together, or name\n"
            "                    a Xapian stub file (default: $SPEECH_INDEX or ./%s)\n"
            "  -n, --count N     passages to show (default 10)\n"
            "      --offset K    skip the first K passages\n"
            "      --json        one JSON object (schema in README.md)\n"
            "      --jsonl       one JSON object per passage per line\n"
            "      --color WHEN  highlight with colour: auto, always, never (default auto)\n"
            "      --region R, --year Y, --speaker S, --kind K, --title T\n"
            "                    the same as region:R year:Y ... in the query\n"
            "      --facets      count the matching passages by region, year and kind\n"
            "      --like FILE:BYTE  more like this: passages elsewhere about the same thing as\n"
            "                    the passage of FILE at byte BYTE (a hit's file and byte_start)\n"
            "      --exact       only the words as typed: no synonyms or abbreviations\n"
            "                    (corpus/data/synonyms.rules), no other forms of figures\n"
            "      --duplicates  show copies of a passage in other files as hits of their own\n"
            "                    (by default they are folded into the best one, \"also in\")\n"
            "      --timeout S   give up on a remote shard after S seconds (default 3)\n"
            "  -h, --help        this help\n",
            DEFAULT_INDEX);
}

/* "-引资" or -"phrase" is an excluded query word, not an option: hides its
 * dash from getopt (restored when the query is put together). */
#define HIDDEN_DASH '\x01'

static void hide_excluded_words(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--") == 0)
            return;
        unsigned char c = (unsigned char)argv[i][1];
        if (argv[i][0] == '-' && (c >= 0x80 || c == '"'))
            argv[i][0] = HIDDEN_DASH;
    }
}

static int parse_count(const char *s, uint32_t *out)
{
    char *end;
    long v = strtol(s, &end, 10);
    if (*s == '\0' || *end != '\0' || v < 0 || v > 100000)
        return -1;
    *out = (uint32_t)v;
    return 0;
}

int main(int argc, char **argv)
{
    static const struct option longopts[] = {
        { "db", required_argument, NULL, 'd' },     { "count", required_argument, NULL, 'n' },
        { "offset", required_argument, NULL, 'o' }, { "json", no_argument, NULL, 'j' },
        { "jsonl", no_argument, NULL, 'l' },        { "color", required_argument, NULL, 'c' },
        { "duplicates", no_argument, NULL, 'D' },   { "facets", no_argument, NULL, 'F' },
        { "region", required_argument, NULL, 'R' }, { "year", required_argument, NULL, 'Y' },
        { "speaker", required_argument, NULL, 'S' }, { "kind", required_argument, NULL, 'K' },
        { "title", required_argument, NULL, 'T' }, { "exact", no_argument, NULL, 'E' },
        { "like", required_argument, NULL, 'L' }, { "timeout", required_argument, NULL, 'W' },
        { "help", no_argument, NULL, 'h' },         { NULL, 0, NULL, 0 },
    };
    const char *dbs[MAX_DBS];
    size_t ndb = 0;
    ss_search_opts so = { 0, 10, 0, 0, 0 };
    strbuf filters = STRBUF_INIT;
    int json = 0, jsonl = 0, color = isatty(1), c;
    unsigned timeout_ms = 0;
    const char *like_file = NULL;
    unsigned long long like_start = 0;
    hide_excluded_words(argc, argv);
    while ((c = getopt_long(argc, argv, "d:n:h", longopts, NULL)) != -1) {
        switch (c) {
        case 'd':
            if (ndb < MAX_DBS)
                dbs[ndb++] = optarg;
            break;
        case 'n':
        case 'o':
            if (parse_count(optarg, c == 'n' ? &so.count : &so.offset)) {
                fprintf(stderr, "speech-query: bad number for -%c: %s\n", c, optarg);
                return 2;
            }
            break;
        case 'j': json = 1; break;
        case 'D': so.all_duplicates = 1; break;
        case 'F': so.facets = 1; break;
        case 'E': so.exact = 1; break;
        case 'L': {
            char *colon = strrchr(optarg, ':'), *end = NULL;
            like_start = colon ? strtoull(colon + 1, &end, 10) : 0;
            if (!colon || colon == optarg || !end || *end || end == colon + 1) {
                fprintf(stderr, "speech-query: bad --like %s: FILE:BYTE_START\n", optarg);
                return 2;
            }
            *colon = '\0';
            like_file = optarg;
            break;
        }
        case 'R': case 'Y': case 'S': case 'K': case 'T': {
            const char *name = c == 'R' ? "region" : c == 'Y' ? "year" : c == 'S' ? "speaker"
                             : c == 'K' ? "kind" : "title";
            if (sb_addf(&filters, " %s:%s", name, optarg)) {
                fprintf(stderr, "speech-query: out of memory\n");
                return 2;
            }
            break;
        }
        case 'l': jsonl = 1; break;
        case 'W': {
            char *end;
            double t = strtod(optarg, &end);
            if (*optarg == '\0' || *end != '\0' || !(t > 0 && t <= 3600)) {
                fprintf(stderr, "speech-query: --timeout takes seconds (0 to 3600): %s\n", optarg);
                return 2;
            }
            timeout_ms = t * 1000 < 1 ? 1 : (unsigned)(t * 1000);
            break;
        }
        case 'c':
            color = !strcmp(optarg, "always") ? 1 : !strcmp(optarg, "never") ? 0 : isatty(1);
            break;
        case 'h': usage(stdout); return 0;
        default: usage(stderr); return 2;
        }
    }
    if (optind >= argc && !filters.len && !like_file) {
        fprintf(stderr, "speech-query: no QUERY given\n");
        usage(stderr);
        return 2;
    }
    if (ndb == 0) {
        const char *env = getenv("SPEECH_INDEX");
        dbs[ndb++] = env && *env ? env : DEFAULT_INDEX;
    }
    strbuf q = STRBUF_INIT;
    for (int i = optind; i < argc; i++) {
        if (argv[i][0] == HIDDEN_DASH)
            argv[i][0] = '-';
        if ((i > optind && sb_addc(&q, ' ')) || sb_adds(&q, argv[i])) {
            fprintf(stderr, "speech-query: out of memory\n");
            return 2;
        }
    }
    if (filters.len && sb_add(&q, filters.buf + (q.len ? 0 : 1), filters.len - (q.len ? 0 : 1))) {
        fprintf(stderr, "speech-query: out of memory\n");
        return 2;
    }
    sb_free(&filters);
    if (like_file && !q.len && sb_addf(&q, "--like %s:%llu", like_file, like_start)) {
        fprintf(stderr, "speech-query: out of memory\n");
        return 2;
    }
    if (so.count == 0)
        so.count = 10;
    ss_searcher *s = NULL;
    ss_results r;
    ss_err err;
    /* the index knows files by their real path (indexer.h) */
    char *like_canon = like_file ? ss_canonical_path(like_file) : NULL;
    ss_code rc = ss_searcher_open_timeout(dbs, ndb, NULL, timeout_ms, &s, &err);
    if (rc == SS_OK)
        rc = like_file ? ss_search_like(s, like_canon ? like_canon : like_file, like_start, &so,
                                        &r, &err)
                       : ss_search(s, q.buf, &so, &r, &err);
    free(like_canon);
    char cwd[4096];
    if (rc == SS_OK && getcwd(cwd, sizeof cwd))
        ss_results_relative(&r, cwd);
    if (rc == SS_OK) {
        rc = (json || jsonl) ? ss_output_json(stdout, q.buf, &r, jsonl, &err)
                             : ss_output_text(stdout, q.buf, &r, color, &err);
        if (rc != SS_OK)
            snprintf(err.msg, sizeof err.msg, "cannot write output");
    }
    int status = 2;
    if (rc == SS_OK)
        status = r.n > 0 ? 0 : 1;
    else
        fprintf(stderr, "speech-query: %s\n", err.msg);
    if (rc == SS_OK)
        ss_results_free(&r);
    ss_searcher_close(s);
    sb_free(&q);
    return status;
}
