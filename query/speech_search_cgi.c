/* speech-search.cgi: the web search page, a thin layer over the library
 * (search.h, speech_view.h, output.h).  The same binary answers as a plain
 * CGI program (one request per process) or, when started by a FastCGI
 * server (its standard input is a listening socket), as a FastCGI responder
 * that keeps the indexes, dictionaries and converter open between requests.
 *
 * Every byte of a request is checked before use (cgi_util.c) and every
 * string written into the page goes through cgi_html (text, attributes) or
 * cgi_url + cgi_html (links).  Errors become 400/404/405/500 pages that
 * never name a file system path; details go to the server's error log. */
#include <fcgiapp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cgi_page.h"
#include "cgi_util.h"
#include "gazetteer.h"
#include "indexer.h"
#include "output.h"
#include "search.h"
#include "speech_view.h"
#include "strbuf.h"

#define DEFAULT_CONFIG "/etc/speech-search.conf"
#define MAX_FILTER_BYTES 90  /* region, kind */
#define MAX_FILE_BYTES 1024  /* view= */
#define TIME_LIMIT 1.0       /* seconds Xapian may spend matching one batch */
#define CGI_ALARM 30         /* seconds one request may take: past them the process ends
                                (the server answers 500 and starts another FastCGI worker) */

/* ---- the process: config, open indexes (kept by FastCGI) ---- */

typedef struct {
    cgi_config cfg;
    int cfg_loaded;
    ss_searcher *s[CGI_MAX_INDEXES];
    ss_gazetteer *gaz;
    int gaz_tried;
    FCGX_Stream *errs;        /* the FastCGI error stream, or NULL: stderr */
} app;

static void logf_(app *a, const char *fmt, const char *arg)
{
    char line[1024];
    snprintf(line, sizeof line, fmt, arg);
    if (a->errs)
        FCGX_FPrintF(a->errs, "speech-search.cgi: %s\n", line);
    else
        fprintf(stderr, "speech-search.cgi: %s\n", line);
}

/* ---- a request and its answer ---- */

typedef struct {
    const char *(*getenv)(void *ctx, const char *name);
    void *ctx;
} cgi_env;

/* ---- the search page ---- */

static ss_gazetteer *gazetteer(app *a)
{
    if (!a->gaz_tried) {
        ss_err err;
        a->gaz_tried = 1;
        if (ss_gaz_open(NULL, &a->gaz, &err) != SS_OK) {
            logf_(a, "cannot open the gazetteer (regions shown ungrouped): %s", err.msg);
            a->gaz = NULL;
        }
    }
    return a->gaz;
}

static double ms_since(const struct timespec *t0)
{
    struct timespec t1;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    return (double)(t1.tv_sec - t0->tv_sec) * 1e3 + (double)(t1.tv_nsec - t0->tv_nsec) / 1e6;
}

/* The query the library gets: q with the filters in its own syntax (for
 * "like", what speech-query --like calls it in its JSON). */
static int full_query(const cgi_request *p, strbuf *out)
{
    if (p->like)
        return sb_addf(out, "--like %s:%llu", p->like, p->at) ? -1 : 0;
    int bad = sb_adds(out, p->q ? p->q : "");
    const char *names[] = { "region", "year", "kind" };
    const char *vals[] = { p->region, p->year, p->kind };
    for (int k = 0; k < 3; k++)
        if (vals[k] && *vals[k])
            bad |= sb_addf(out, " %s:%s", names[k], vals[k]);
    return bad ? -1 : 0;
}

/* A library message fit for a page: only query errors (SS_EINVAL), and
 * never one that could hold a path. */
static const char *user_message(const ss_err *err)
{
    if (err->code == SS_EINVAL && !strchr(err->msg, '/'))
        return err->msg;
    return "检索出错，请稍后再试。";
}

static ss_searcher *searcher(app *a, const cgi_request *p, cgi_response *rs)
{
    const char *path = cgi_config_path(&a->cfg, p->db);
    if (!path) {
        cgi_error_page(rs, 404, "没有这个名字的索引（db）。", NULL);
        return NULL;
    }
    size_t i = 0;
    while (i < a->cfg.n && a->cfg.path[i] != path)
        i++;
    if (!a->s[i]) {
        ss_err err;
        const char *dbs[1] = { path };
        if (ss_searcher_open(dbs, 1, NULL, &a->s[i], &err) != SS_OK) {
            logf_(a, "%s", err.msg);
            a->s[i] = NULL;
            cgi_error_page(rs, 500, "索引暂时无法打开。", p);
            return NULL;
        }
        ss_searcher_set_time_limit(a->s[i], TIME_LIMIT);
    }
    return a->s[i];
}

static void search_page(app *a, cgi_response *rs, const cgi_request *p)
{
    ss_searcher *s = searcher(a, p, rs);
    if (!s)
        return;
    strbuf fq = STRBUF_INIT;
    if (full_query(p, &fq)) {
        sb_free(&fq);
        cgi_error_page(rs, 500, "内存不足。", p);
        return;
    }
    ss_search_opts so = { 0 };
    so.offset = (p->page - 1) * p->n;
    so.count = p->n;
    so.facets = p->json ? p->facets : !p->like; /* filters do not apply to "like" */
    so.partial = !p->strict; /* partial matches follow a short strict list */
    ss_results r;
    ss_err err;
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    /* the index knows files by their real path; hits show them relative to
     * this program's folder, as speech-query does (indexer.h) */
    char *like = p->like ? ss_canonical_path(p->like) : NULL;
    ss_code rc = p->like ? ss_search_like(s, like ? like : p->like, p->at, &so, &r, &err)
                         : ss_search(s, fq.buf, &so, &r, &err);
    free(like);
    char cwd[4096];
    if (rc == SS_OK && getcwd(cwd, sizeof cwd))
        ss_results_relative(&r, cwd);
    double ms = ms_since(&t0);
    if (rc == SS_ENOTFOUND && p->like) {
        cgi_error_page(rs, 404, "索引里没有这个段落。", p);
        sb_free(&fq);
        return;
    }
    if (rc != SS_OK) {
        if (rc != SS_EINVAL)
            logf_(a, "%s", err.msg);
        cgi_error_page(rs, rc == SS_EINVAL ? 400 : 500, user_message(&err), p);
        sb_free(&fq);
        return;
    }
    if (r.n == 0 && p->page > 1) {
        cgi_error_page(rs, 404, "没有这一页：结果没有这么多。", p);
    } else if (p->json) {
        char *buf = NULL;
        size_t len = 0;
        FILE *f = open_memstream(&buf, &len);
        ss_code wrc = f ? ss_output_json(f, fq.buf, &r, 0, &err) : SS_ENOMEM;
        if (f && fclose(f) != 0 && wrc == SS_OK)
            wrc = SS_ENOMEM;
        if (wrc == SS_OK) {
            rs->ctype = "application/json; charset=utf-8";
            rs->oom |= sb_add(&rs->body, buf, len) != 0;
        } else {
            cgi_error_page(rs, 500, "内存不足。", p);
        }
        free(buf);
    } else {
        cgi_results_page(rs, p, &r, ms, gazetteer(a));
    }
    ss_results_free(&r);
    sb_free(&fq);
}

/* ---- the reading view ---- */

static void view_page(app *a, cgi_response *rs, const cgi_request *p)
{
    ss_searcher *s = searcher(a, p, rs);
    if (!s)
        return;
    ss_speech_view v;
    ss_err err;
    char *file = ss_canonical_path(p->view); /* as the index knows it (indexer.h) */
    ss_code rc = ss_speech_view_get(s, file ? file : p->view, p->speech, p->q, &v, &err);
    free(file);
    if (rc == SS_ENOTFOUND) {
        cgi_error_page(rs, 404, "索引里没有这篇讲话。", p);
        return;
    }
    if (rc != SS_OK) {
        if (rc != SS_EINVAL)
            logf_(a, "%s", err.msg);
        cgi_error_page(rs, rc == SS_EINVAL ? 400 : 500, user_message(&err), p);
        return;
    }
    cgi_view_page(rs, p, &v);
    ss_speech_view_free(&v);
}

/* ---- parameters ---- */

static int parse_uint(const char *s, unsigned lo, unsigned hi, unsigned *out)
{
    if (!s || !*s || strlen(s) > 9)
        return -1;
    unsigned v = 0;
    for (const char *c = s; *c; c++) {
        if (*c < '0' || *c > '9')
            return -1;
        v = v * 10 + (unsigned)(*c - '0');
    }
    if (v < lo || v > hi)
        return -1;
    *out = v;
    return 0;
}

/* 1 when s is a decimal byte offset (at most 15 digits), stored in *out. */
static int parse_u64(const char *s, unsigned long long *out)
{
    size_t n = strlen(s);
    if (n == 0 || n > 15 || strspn(s, "0123456789") != n)
        return 0;
    *out = strtoull(s, NULL, 10);
    return 1;
}

/* A year or a range as the library reads it (2019, 2018..2021, 2018-2021,
 * 2018年至2021年), full-width digits and marks as typed by an input method
 * too (the library folds them; here only ASCII is checked). */
static int good_year(const char *y)
{
    int lo, hi;
    return strlen(y) <= MAX_FILTER_BYTES && !strchr(y, ' ') && ss_year_value_parse(y, &lo, &hi) == 0;
}

/* A filter value must stay one value in the query syntax. */
static int good_filter(const char *v)
{
    if (strlen(v) > MAX_FILTER_BYTES)
        return 0;
    for (const char *c = v; *c; c++)
        if (*c == ' ' || *c == '"' || *c == ':' || *c == '\t')
            return 0;
    return 1;
}

static const char *nonempty(const char *s)
{
    return s && *s ? s : NULL;
}

/* Fills p from the query string; 0, or an HTTP status with *why. */
static int read_params(const cgi_params *cp, cgi_request *p, const char **why)
{
    memset(p, 0, sizeof *p);
    p->page = 1;
    p->n = DEFAULT_PER_PAGE;
    p->q = cgi_param_get(cp, "q");
    p->region = nonempty(cgi_param_get(cp, "region"));
    p->year = nonempty(cgi_param_get(cp, "year"));
    p->kind = nonempty(cgi_param_get(cp, "kind"));
    p->db = nonempty(cgi_param_get(cp, "db"));
    p->view = cgi_param_get(cp, "view");
    const char *page = cgi_param_get(cp, "page"), *n = cgi_param_get(cp, "n");
    const char *format = cgi_param_get(cp, "format"), *facets = cgi_param_get(cp, "facets");
    const char *speech = cgi_param_get(cp, "speech");
    if (p->q && strlen(p->q) > MAX_Q_BYTES)
        return *why = "检索词太长（最多 200 个汉字）。", 400;
    if ((p->region && !good_filter(p->region)) || (p->kind && !good_filter(p->kind)))
        return *why = "地区或类型的写法不对。", 400;
    if (p->year && !good_year(p->year))
        return *why = "年份应写成 2019 或 2018..2021（2018-2021）。", 400;
    if (page && parse_uint(page, 1, 1000000000, &p->page))
        return *why = "页码应是从 1 开始的数。", 400;
    if (p->page > MAX_PAGE)
        return *why = "页码太大：只显示前 50 页。", 404;
    if (n && parse_uint(n, 1, MAX_PER_PAGE, &p->n))
        return *why = "每页条数应在 1 到 50 之间。", 400;
    if (format && strcmp(format, "json") && strcmp(format, "html"))
        return *why = "format 只能是 html 或 json。", 400;
    p->json = format && !strcmp(format, "json");
    if (facets && strcmp(facets, "0") && strcmp(facets, "1"))
        return *why = "facets 只能是 0 或 1。", 400;
    p->facets = facets && !strcmp(facets, "1");
    const char *strict = cgi_param_get(cp, "strict");
    if (strict && strcmp(strict, "0") && strcmp(strict, "1"))
        return *why = "strict 只能是 0 或 1。", 400;
    p->strict = strict && !strcmp(strict, "1");
    p->like = cgi_param_get(cp, "like");
    const char *at = cgi_param_get(cp, "at");
    if (p->like) {
        if (!*p->like || strlen(p->like) > MAX_FILE_BYTES || !at || !parse_u64(at, &p->at))
            return *why = "like 和 at 参数不对（文件和段落的起始字节）。", 400;
        if ((p->q && *p->q) || p->region || p->year || p->kind || p->view)
            return *why = "相似段落不能与检索词、筛选条件或阅读视图同用。", 400;
    }
    if (p->view) {
        if (!*p->view || strlen(p->view) > MAX_FILE_BYTES)
            return *why = "view 参数不对。", 400;
        if (!speech || parse_uint(speech, 1, 100000000, &p->speech))
            return *why = "speech 参数应是从 1 开始的数。", 400;
    }
    return 0;
}

/* ---- one request ---- */

/* 1 when the raw query string holds the pair format=json. */
static int asks_json(const char *qs)
{
    for (const char *p = qs; p && *p;) {
        const char *amp = strchr(p, '&');
        size_t n = amp ? (size_t)(amp - p) : strlen(p);
        if (n == 11 && !strncmp(p, "format=json", 11))
            return 1;
        p += n + (amp != NULL);
    }
    return 0;
}

static void handle(app *a, const cgi_env *env, cgi_response *rs, const char *config_path)
{
    rs->status = 200;
    rs->ctype = "text/html; charset=utf-8";
    rs->json = 0;
    const char *method = env->getenv(env->ctx, "REQUEST_METHOD");
    if (method && strcmp(method, "GET") && strcmp(method, "HEAD")) {
        rs->allow = 1;
        cgi_error_page(rs, 405, "只接受 GET 和 HEAD 请求。", NULL);
        return;
    }
    cgi_params cp;
    const char *why = NULL;
    const char *qs = env->getenv(env->ctx, "QUERY_STRING");
    rs->json = asks_json(qs); /* known even when the rest does not parse */
    int prc = cgi_parse_query(qs, &cp, &why);
    if (prc == -2) {
        cgi_error_page(rs, 500, "内存不足。", NULL);
        return;
    }
    if (prc) {
        cgi_error_page(rs, 400, why, NULL);
        return;
    }
    cgi_request p;
    int st = read_params(&cp, &p, &why);
    if (st) {
        cgi_error_page(rs, st, why, NULL);
    } else if (!a->cfg_loaded) {
        ss_err err;
        if (cgi_config_load(config_path, &a->cfg, &err) != SS_OK) {
            logf_(a, "%s", err.msg);
            cgi_error_page(rs, 500, "检索服务没有配置好（索引配置文件）。", NULL);
        } else {
            a->cfg_loaded = 1;
        }
    }
    if (rs->status == 200) {
        if (p.view)
            view_page(a, rs, &p);
        else if ((p.q && *p.q) || p.region || p.year || p.kind || p.like)
            search_page(a, rs, &p);
        else if (!cgi_config_path(&a->cfg, p.db))
            cgi_error_page(rs, 404, "没有这个名字的索引（db）。", NULL);
        else
            cgi_home_page(rs, &p);
    }
    if (rs->oom)
        cgi_error_page(rs, 500, "内存不足。", NULL);
    cgi_params_free(&cp);
}

/* The header block of rs. */
static int headers(const cgi_response *rs, strbuf *h)
{
    int bad = sb_addf(h, "Status: %d %s\r\nContent-Type: %s\r\nContent-Length: %zu\r\n",
                      rs->status, cgi_status_text(rs->status), rs->ctype, rs->body.len);
    bad |= sb_adds(h, "Content-Security-Policy: default-src 'none'; style-src 'self'; "
                      "img-src 'self'; form-action 'self'; base-uri 'none'; "
                      "frame-ancestors 'none'\r\n"
                      "X-Content-Type-Options: nosniff\r\n"
                      "Referrer-Policy: no-referrer\r\n"
                      "X-Frame-Options: DENY\r\n"
                      "Cache-Control: no-store\r\n");
    if (rs->allow)
        bad |= sb_adds(h, "Allow: GET, HEAD\r\n");
    return bad | sb_adds(h, "\r\n");
}

static int is_head(const cgi_env *env)
{
    const char *m = env->getenv(env->ctx, "REQUEST_METHOD");
    return m && !strcmp(m, "HEAD");
}

static const char *env_cgi(void *ctx, const char *name)
{
    (void)ctx;
    return getenv(name);
}

static const char *env_fcgi(void *ctx, const char *name)
{
    return FCGX_GetParam(name, (FCGX_ParamArray)ctx);
}

static void app_close(app *a)
{
    for (size_t i = 0; i < CGI_MAX_INDEXES; i++)
        ss_searcher_close(a->s[i]);
    ss_gaz_close(a->gaz);
    cgi_config_free(&a->cfg);
}

int main(void)
{
    app a;
    memset(&a, 0, sizeof a);
    const char *conf = getenv("SPEECH_SEARCH_CONFIG");
    conf = conf && *conf ? conf : DEFAULT_CONFIG;
    if (FCGX_Init() != 0)
        return 1;
    if (FCGX_IsCGI()) {
        alarm(CGI_ALARM);
        cgi_env env = { env_cgi, NULL };
        cgi_response rs = { 0 };
        strbuf h = STRBUF_INIT;
        handle(&a, &env, &rs, conf);
        int bad = headers(&rs, &h);
        if (!bad) {
            fwrite(h.buf, 1, h.len, stdout);
            if (!is_head(&env))
                fwrite(rs.body.buf ? rs.body.buf : "", 1, rs.body.len, stdout);
        }
        fflush(stdout);
        sb_free(&h);
        sb_free(&rs.body);
        app_close(&a);
        return bad ? 1 : 0;
    }
    signal(SIGPIPE, SIG_IGN);
    FCGX_Request req;
    if (FCGX_InitRequest(&req, 0, 0) != 0)
        return 1;
    /* a string buffer per request, reused */
    cgi_response rs = { 0 };
    strbuf h = STRBUF_INIT;
    while (FCGX_Accept_r(&req) >= 0) {
        alarm(CGI_ALARM);
        cgi_env env = { env_fcgi, req.envp };
        a.errs = req.err;
        sb_reset(&rs.body);
        sb_reset(&h);
        rs.oom = 0;
        rs.allow = 0;
        handle(&a, &env, &rs, conf);
        if (!headers(&rs, &h)) {
            FCGX_PutStr(h.buf, (int)h.len, req.out);
            if (!is_head(&env) && rs.body.len)
                FCGX_PutStr(rs.body.buf, (int)rs.body.len, req.out);
        }
        a.errs = NULL;
        FCGX_Finish_r(&req);
        alarm(0);
    }
    sb_free(&h);
    sb_free(&rs.body);
    app_close(&a);
    return 0;
}
