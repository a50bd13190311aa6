/* test_cgi_util.c: unit tests for query/cgi_util.c, the web page's
 * handling of untrusted bytes: query strings (decoding and every way one
 * can be malformed), UTF-8 validation, HTML and URL escaping, and the
 * config file naming the indexes. */
#include "check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cgi_util.h"

typedef struct {
    const char *name, *qs;
    int rc;               /* 0 ok, -1 rejected */
    const char *key, *value; /* one expected pair when rc == 0 (NULL: none checked) */
    size_t count;         /* parameters expected when rc == 0 */
} qcase;

static const qcase qcases[] = {
    { "empty", "", 0, NULL, NULL, 0 },
    { "plain", "q=abc&page=2", 0, "page", "2", 2 },
    { "plus is space", "q=a+b", 0, "q", "a b", 1 },
    { "utf8 escapes", "q=%E5%8F%91%E5%B1%95", 0, "q", "发展", 1 },
    { "raw utf8", "q=发展", 0, "q", "发展", 1 },
    { "lower hex", "q=%e5%8f%91", 0, "q", "发", 1 },
    { "no value", "q", 0, "q", "", 1 },
    { "empty value", "q=&region=", 0, "region", "", 2 },
    { "empty pairs skipped", "&&q=x&&", 0, "q", "x", 1 },
    { "= in value", "q=a=b", 0, "q", "a=b", 1 },
    { "escaped name", "%71=x", 0, "q", "x", 1 },
    { "escaped amp", "q=a%26b", 0, "q", "a&b", 1 },
    { "html in value kept raw", "q=%3Cscript%3E", 0, "q", "<script>", 1 },
    { "truncated escape", "q=%E5%8", -1, NULL, NULL, 0 },
    { "lone percent", "q=%", -1, NULL, NULL, 0 },
    { "percent at end of name", "q%=1", -1, NULL, NULL, 0 },
    { "bad hex", "q=%G1", -1, NULL, NULL, 0 },
    { "NUL byte", "q=a%00b", -1, NULL, NULL, 0 },
    { "NUL in name", "%00=1", -1, NULL, NULL, 0 },
    { "newline", "q=a%0Ab", -1, NULL, NULL, 0 },
    { "DEL", "q=%7F", -1, NULL, NULL, 0 },
    { "invalid utf8", "q=%FF", -1, NULL, NULL, 0 },
    { "truncated utf8", "q=%E5%8F", -1, NULL, NULL, 0 },
    { "overlong", "q=%C0%AF", -1, NULL, NULL, 0 },
    { "surrogate", "q=%ED%A0%80", -1, NULL, NULL, 0 },
    { "above U+10FFFF", "q=%F4%90%80%80", -1, NULL, NULL, 0 },
    { "repeated", "q=a&q=b", -1, NULL, NULL, 0 },
    { "repeated empty", "q&q", -1, NULL, NULL, 0 },
};

static void test_query_strings(void)
{
    for (size_t i = 0; i < sizeof qcases / sizeof qcases[0]; i++) {
        const qcase *c = &qcases[i];
        cgi_params p;
        const char *why = NULL;
        int rc = cgi_parse_query(c->qs, &p, &why);
        CHECK_EQ_INT(rc, c->rc, c->name);
        if (rc == 0) {
            CHECK_EQ_INT(p.n, c->count, c->name);
            if (c->key)
                CHECK_EQ_STR(cgi_param_get(&p, c->key), c->value, c->name);
            cgi_params_free(&p);
        } else {
            CHECK(why && *why, "%s: a reason is given", c->name);
        }
    }
    /* bounds: length and number of parameters */
    char big[CGI_MAX_QUERY_STRING + 2];
    memset(big, 'a', sizeof big - 1);
    big[0] = 'q';
    big[1] = '=';
    big[sizeof big - 1] = '\0';
    cgi_params p;
    const char *why;
    CHECK_EQ_INT(cgi_parse_query(big, &p, &why), -1, "query string over the limit");
    big[CGI_MAX_QUERY_STRING] = '\0';
    CHECK_EQ_INT(cgi_parse_query(big, &p, &why), 0, "query string at the limit");
    cgi_params_free(&p);
    char many[1024] = "";
    for (int i = 0; i <= CGI_MAX_PARAMS; i++)
        snprintf(many + strlen(many), sizeof many - strlen(many), "p%d=1&", i);
    CHECK_EQ_INT(cgi_parse_query(many, &p, &why), -1, "too many parameters");
    CHECK_EQ_INT(cgi_parse_query(NULL, &p, &why), 0, "no query string");
}

typedef struct {
    const char *in, *html, *url;
} ecase;

static const ecase ecases[] = {
    { "plain", "plain", "plain" },
    { "<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;",
      "%3Cscript%3Ealert%281%29%3C%2Fscript%3E" },
    { "\"><img src=x onerror=alert(1)>", "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;",
      "%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E" },
    { "a&b'c", "a&amp;b&#39;c", "a%26b%27c" },
    { "javascript:alert(1)", "javascript:alert(1)", "javascript%3Aalert%281%29" },
    { "发展 a-b_c.d~", "发展 a-b_c.d~", "%E5%8F%91%E5%B1%95%20a-b_c.d~" },
    { "", "", "" },
};

static void test_escaping(void)
{
    for (size_t i = 0; i < sizeof ecases / sizeof ecases[0]; i++) {
        strbuf h = STRBUF_INIT, u = STRBUF_INIT;
        CHECK_EQ_INT(cgi_html(&h, ecases[i].in), 0, "html escape");
        CHECK_EQ_INT(cgi_url(&u, ecases[i].in), 0, "url escape");
        CHECK_EQ_STR(h.buf ? h.buf : "", ecases[i].html, ecases[i].in);
        CHECK_EQ_STR(u.buf ? u.buf : "", ecases[i].url, ecases[i].in);
        sb_free(&h);
        sb_free(&u);
    }
}

typedef struct {
    const char *name, *text;
    ss_code rc;
    const char *lookup, *path; /* expected path of lookup ("" = default) */
} ccase;

static const ccase ccases[] = {
    { "one index", "demo = /x/demo-index\n", SS_OK, "", "/x/demo-index" },
    { "default named", "# indexes\na = /a\nb = /b  # second\ndefault = b\n", SS_OK, "", "/b" },
    { "by name", "a = /a\nb = /b\n", SS_OK, "b", "/b" },
    { "first is default", "a = /a\nb = /b\n", SS_OK, "", "/a" },
    { "unknown name", "a = /a\n", SS_OK, "zz", NULL },
    { "relative path", "a = idx\n", SS_OK, "a", "@/idx" },
    { "no index", "# nothing\n", SS_EINVAL, NULL, NULL },
    { "no equals", "a /a\n", SS_EINVAL, NULL, NULL },
    { "bad name", "a/b = /a\n", SS_EINVAL, NULL, NULL },
    { "empty path", "a = \n", SS_EINVAL, NULL, NULL },
    { "named twice", "a = /a\na = /b\n", SS_EINVAL, NULL, NULL },
    { "unknown default", "a = /a\ndefault = b\n", SS_EINVAL, NULL, NULL },
};

static void test_config(void)
{
    char dir[] = "/tmp/cgi_util_testXXXXXX";
    if (!mkdtemp(dir)) {
        CHECK(0, "mkdtemp");
        return;
    }
    char file[256];
    snprintf(file, sizeof file, "%s/speech-search.conf", dir);
    for (size_t i = 0; i < sizeof ccases / sizeof ccases[0]; i++) {
        const ccase *c = &ccases[i];
        FILE *f = fopen(file, "w");
        if (!f) {
            CHECK(0, "cannot write %s", file);
            break;
        }
        fputs(c->text, f);
        fclose(f);
        cgi_config cfg;
        ss_err err;
        ss_code rc = cgi_config_load(file, &cfg, &err);
        CHECK_EQ_INT(rc, c->rc, c->name);
        if (rc != SS_OK)
            continue;
        const char *got = cgi_config_path(&cfg, c->lookup);
        char want[300];
        if (c->path && c->path[0] == '@')
            snprintf(want, sizeof want, "%s%s", dir, c->path + 1);
        else
            snprintf(want, sizeof want, "%s", c->path ? c->path : "");
        if (c->path)
            CHECK_EQ_STR(got, want, c->name);
        else
            CHECK(got == NULL, "%s: no path expected", c->name);
        cgi_config_free(&cfg);
    }
    cgi_config cfg;
    ss_err err;
    CHECK_EQ_INT(cgi_config_load("/nonexistent/speech-search.conf", &cfg, &err), SS_ENOTFOUND,
                 "missing config file");
    unlink(file);
    rmdir(dir);
}

int main(int argc, char **argv)
{
    (void)argc;
    test_query_strings();
    test_escaping();
    test_config();
    return check_report(argv[0]);
}
