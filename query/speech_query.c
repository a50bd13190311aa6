/* speech-query: ranks the passages of a speech-search index for a query,
 * for people (text, coloured and paged on a terminal) and scripts (--json,
 * --jsonl).  Exit status like grep: 0 hits, 1 no hits, 2 error; partial
 * hits (--strict turns them off) are no hits: 1 when the page shows only them. */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "datadir.h"
#include "indexer.h"
#include "output.h"
#include "search.h"
#include "strbuf.h"

#ifndef SS_VERSION
#define SS_VERSION "unknown"
#endif
#define DEFAULT_INDEX "index"
#define MAX_DBS 64
#define MAX_COUNT 1000000

static void usage(FILE *f)
{
    fprintf(f,
            "usage: speech-query [-d INDEX]... [-n N|all] [--offset K] [--json | --jsonl]\n"
            "                    [--facets] [--duplicates] [--strict] [--color WHEN] [--mark]\n"
            "                    [--spans] [--no-pager] [--data DIR] [--region R] [--year Y]\n"
            "                    [--speaker S] [--kind K] [--title T] QUERY...\n"
            "Ranks the passages of the index that talk about QUERY.\n\n"
            "Query syntax:  words (all must match)   \"exact phrase\"   -excluded   A OR B\n"
            "               region:河南  year:2019  year:2019..2022 (or 2019-2022)  speaker:市委书记\n"
            "               kind:speech|report|article  title:招商\n"
            "Traditional and simplified script match each other; a question such as\n"
            "如何推进产业集聚区转型发展 matches passages holding most of its words.\n\n"
            "  -d, --db INDEX    index to search; repeat to search several together, or name\n"
            "                    a Xapian stub file (default: $SPEECH_INDEX or ./%s)\n"
            "  -n, --count N     passages to show (default 10); 'all' for every one\n"
            "      --all         every passage (the same as -n all)\n"
            "      --offset K    skip the first K passages\n"
            "      --json        one JSON object (schema in README.md)\n"
            "      --jsonl       one JSON object per passage per line (no header, no facets)\n"
            "      --color WHEN  colour: auto (a terminal, unless NO_COLOR or TERM=dumb),\n"
            "                    always, never\n"
            "      --mark        show highlights as [word] when there is no colour (the\n"
            "                    default on a terminal without colour; off when piped)\n"
            "      --spans       show byte spans after file:LINE\n"
            "      --no-pager    never page (on a terminal, long output goes through\n"
            "                    $SPEECH_PAGER, $PAGER or 'less -R')\n"
            "      --region R, --year Y, --speaker S, --kind K, --title T\n"
            "                    the same as region:R year:Y ... in the query\n"
            "      --facets      count the matching passages by region, year and kind\n"
            "      --like FILE:BYTE  more like this: passages elsewhere about the same thing as\n"
            "                    the passage of FILE at byte BYTE (a hit's file and byte_start)\n"
            "      --exact       only the words as typed: no synonyms or abbreviations\n"
            "                    (corpus/data/synonyms.rules), no other forms of figures\n"
            "                    or names (王战营: 战营同志), no initials (智能化改造\n"
            "                    数字化转型: 智改数转), lists (水电路: 水、电、路) or a\n"
            "                    question word's halves (督查督办: 督查)\n"
            "      --strict      only passages holding every query word: no partial matches\n"
            "                    (by default, when a keyword query has fewer strict hits\n"
            "                    than the page shows, passages holding most of it follow,\n"
            "                    marked with the words they miss)\n"
            "      --duplicates  show copies of a passage in other files as hits of their own\n"
            "                    (by default they are folded into the best one, \"also in\")\n"
            "      --timeout S   give up on a remote shard after S seconds (default 3)\n"
            "      --data DIR    data files (dictionary, gazetteer; default: installed ones)\n"
            "  -V, --version     version\n"
            "  -h, --help        this help\n",
            DEFAULT_INDEX);
}

static int fail(const char *fmt, const char *a, const char *b)
{
    fputs("speech-query: ", stderr);
    fprintf(stderr, fmt, a, b);
    fputs(" (see speech-query --help)\n", stderr);
    return 2;
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

static int parse_count(const char *s, uint32_t min, uint32_t *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (*s == '\0' || *end != '\0' || errno || v < (long)min || v > MAX_COUNT)
        return -1;
    *out = (uint32_t)v;
    return 0;
}

typedef struct {
    int json, jsonl, no_pager, color, mark, mark_set, spans;
} out_opts;

static int env_allows_color(void)
{
    const char *nc = getenv("NO_COLOR"), *term = getenv("TERM");
    return !(nc && *nc) && !(term && strcmp(term, "dumb") == 0);
}

/* Rows and columns of the terminal on fd 1 (0 when unknown). */
static void term_size(unsigned *rows, unsigned *cols)
{
    struct winsize ws;
    *rows = *cols = 0;
    if (ioctl(1, TIOCGWINSZ, &ws) == 0) {
        *rows = ws.ws_row;
        *cols = ws.ws_col;
    }
    const char *c = getenv("COLUMNS");
    if (c && atoi(c) > 0)
        *cols = (unsigned)atoi(c);
}

static const char *pager_command(void)
{
    const char *p = getenv("SPEECH_PAGER");
    if (!p)
        p = getenv("PAGER");
    if (!p)
        p = "less -R";
    return p;
}

/* Text output; on a terminal longer than the screen, through the pager. */
static ss_code write_text(const char *query, const ss_results *r, const out_opts *oo, ss_err *err)
{
    int tty = isatty(1);
    unsigned rows, cols;
    term_size(&rows, &cols);
    ss_text_opts to = { oo->color, oo->mark, oo->spans, tty ? cols : 0 };
    if (!tty || oo->no_pager || !rows)
        return ss_output_text(stdout, query, r, &to, err);
    char *buf = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&buf, &len);
    if (!mem)
        return ss_seterr(err, SS_ENOMEM, "out of memory");
    ss_code rc = ss_output_text(mem, query, r, &to, err);
    if (fclose(mem) != 0 && rc == SS_OK)
        rc = ss_seterr(err, SS_ENOMEM, "out of memory");
    size_t lines = 0;
    for (size_t i = 0; i < len; i++)
        lines += buf[i] == '\n';
    const char *pager = pager_command();
    FILE *out = stdout;
    if (rc == SS_OK && lines >= rows && *pager && strcmp(pager, "cat") != 0) {
        fflush(stdout);
        out = popen(pager, "w");
        if (!out)
            out = stdout;
        else
            signal(SIGPIPE, SIG_IGN); /* the reader may quit early: not an error */
    }
    if (rc == SS_OK)
        fwrite(buf, 1, len, out);
    if (out != stdout) {
        pclose(out);
        signal(SIGPIPE, SIG_DFL);
    } else if (rc == SS_OK && ferror(out)) {
        rc = ss_seterr(err, SS_EIO, "cannot write output");
    }
    free(buf);
    return rc;
}

/* --jsonl: each hit printed as soon as it is ranked. */
static ss_code print_hit(void *arg, const ss_hit *h, ss_err *err)
{
    ss_hit shown = *h; /* its strings are the search's: shown relative to arg (the cwd) */
    ss_hit_relative(&shown, arg);
    return ss_output_json_hit(stdout, &shown, err);
}

int main(int argc, char **argv)
{
    static const struct option longopts[] = {
        { "db", required_argument, NULL, 'd' },      { "count", required_argument, NULL, 'n' },
        { "offset", required_argument, NULL, 'o' },  { "json", no_argument, NULL, 'j' },
        { "jsonl", no_argument, NULL, 'l' },         { "color", required_argument, NULL, 'c' },
        { "colour", required_argument, NULL, 'c' },  { "mark", no_argument, NULL, 'm' },
        { "spans", no_argument, NULL, 's' },         { "no-pager", no_argument, NULL, 'P' },
        { "all", no_argument, NULL, 'a' },           { "data", required_argument, NULL, 'A' },
        { "duplicates", no_argument, NULL, 'D' },    { "facets", no_argument, NULL, 'F' },
        { "region", required_argument, NULL, 'R' },  { "year", required_argument, NULL, 'Y' },
        { "speaker", required_argument, NULL, 'S' }, { "kind", required_argument, NULL, 'K' },
        { "title", required_argument, NULL, 'T' },   { "version", no_argument, NULL, 'V' },
        { "exact", no_argument, NULL, 'E' },         { "like", required_argument, NULL, 'L' },
        { "timeout", required_argument, NULL, 'W' },  { "strict", no_argument, NULL, 'X' },
        { "help", no_argument, NULL, 'h' },          { NULL, 0, NULL, 0 },
    };
    const char *dbs[MAX_DBS];
    size_t ndb = 0;
    ss_search_opts so = { .count = 10, .partial = 1 };
    strbuf filters = STRBUF_INIT;
    out_opts oo = { 0 };
    const char *color = "auto";
    int c;
    unsigned timeout_ms = 0;
    const char *like_file = NULL;
    unsigned long long like_start = 0;
    hide_excluded_words(argc, argv);
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":d:n:hV", longopts, NULL)) != -1) {
        switch (c) {
        case 'd':
            if (ndb == MAX_DBS)
                return fail("too many -d options (at most %s)%s", "64", "");
            dbs[ndb++] = optarg;
            break;
        case 'n':
            if (strcmp(optarg, "all") == 0)
                so.all = 1;
            else if (parse_count(optarg, 1, &so.count))
                return fail("-n needs a number from 1 to 1000000 or 'all', not '%s'%s", optarg,
                            "");
            break;
        case 'o':
            if (parse_count(optarg, 0, &so.offset))
                return fail("--offset needs a number from 0 to 1000000, not '%s'%s", optarg, "");
            break;
        case 'a': so.all = 1; break;
        case 'j': oo.json = 1; break;
        case 'l': oo.jsonl = 1; break;
        case 'm': oo.mark = oo.mark_set = 1; break;
        case 's': oo.spans = 1; break;
        case 'P': oo.no_pager = 1; break;
        case 'A': ss_datadir_set(optarg); break;
        case 'D': so.all_duplicates = 1; break;
        case 'F': so.facets = 1; break;
        case 'E': so.exact = 1; break;
        case 'X': so.partial = 0; break;
        case 'L': {
            char *colon = strrchr(optarg, ':'), *end = NULL;
            like_start = colon ? strtoull(colon + 1, &end, 10) : 0;
            if (!colon || colon == optarg || !end || *end || end == colon + 1) {
                return fail("--like takes FILE:BYTE_START, not '%s'%s", optarg, "");
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
        case 'W': {
            char *end;
            double t = strtod(optarg, &end);
            if (*optarg == '\0' || *end != '\0' || !(t > 0 && t <= 3600))
                return fail("--timeout takes seconds (more than 0, up to 3600), not '%s'%s",
                            optarg, "");
            timeout_ms = t * 1000 < 1 ? 1 : (unsigned)(t * 1000);
            break;
        }
        case 'c':
            if (strcmp(optarg, "auto") && strcmp(optarg, "always") && strcmp(optarg, "never"))
                return fail("--color takes auto, always or never, not '%s'%s", optarg, "");
            color = optarg;
            break;
        case 'V': printf("speech-query %s\n", SS_VERSION); return 0;
        case 'h': usage(stdout); return 0;
        case ':':
            return fail("option '%s' needs a value%s", argv[optind - 1], "");
        default:
            if (optopt && optopt != '?') {
                char opt[3] = { '-', (char)optopt, '\0' };
                return fail("unknown option '%s'%s", opt, "");
            }
            return fail("unknown option '%s'%s", argv[optind - 1], "");
        }
    }
    if (oo.json && oo.jsonl)
        return fail("--json and --jsonl: choose one%s%s", "", "");
    if (oo.jsonl && so.facets)
        return fail("--facets needs --json or text output (--jsonl prints hits only)%s%s", "",
                    "");
    if (optind >= argc && !filters.len && !like_file)
        return fail("no QUERY given%s%s", "", "");
    int tty = isatty(1);
    oo.color = !strcmp(color, "always") || (!strcmp(color, "auto") && tty && env_allows_color());
    if (!oo.mark_set)
        oo.mark = tty && !oo.color;
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
    char cwd[4096]; /* files are shown relative to it */
    if (!getcwd(cwd, sizeof cwd))
        cwd[0] = '\0';
    if (oo.jsonl && !like_file) { /* --like leaves its passage out: collected */
        so.each = print_hit;
        so.each_arg = cwd;
    }
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
    if (rc == SS_OK)
        ss_results_relative(&r, cwd);
    int searched = rc == SS_OK;
    /* --jsonl: the hits not streamed already (--like's) */
    if (rc == SS_OK)
        rc = oo.json || oo.jsonl ? ss_output_json(stdout, q.buf, &r, oo.jsonl, &err)
                                 : write_text(q.buf, &r, &oo, &err);
    if (rc == SS_OK && (fflush(stdout) != 0 || ferror(stdout)))
        rc = ss_seterr(&err, SS_EIO, "cannot write output: %s", strerror(errno));
    int status = 2;
    if (rc == SS_OK)
        status = r.n + r.streamed > ss_results_partial(&r) ? 0 : 1; /* strict hits shown */
    else
        fprintf(stderr, "speech-query: %s\n", err.msg);
    if (searched)
        ss_results_free(&r);
    ss_searcher_close(s);
    sb_free(&q);
    return status;
}
