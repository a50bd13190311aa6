/* libFuzzer target: bytes as the web page's QUERY_STRING (query/cgi_util.h).
 * Parsing and escaping must never crash or trip a sanitizer, and must
 * keep their promises: an accepted string gives at most CGI_MAX_PARAMS
 * parameters with distinct names, each value valid UTF-8 without control
 * characters and found again by name; HTML escaping leaves none of < > " '
 * unescaped; URL encoding leaves only unreserved characters and %XX.
 * Run with `make fuzz`. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cgi_util.h"
#include "strbuf.h"

static void check_html(const char *s, size_t n)
{
    strbuf sb = STRBUF_INIT;
    if (cgi_html_n(&sb, s, n) == 0)
        for (size_t i = 0; i < sb.len; i++)
            if (strchr("<>\"'", sb.buf[i]) && sb.buf[i] != '\0')
                abort();
    sb_free(&sb);
}

static int hex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
}

static void check_url(const char *s)
{
    strbuf sb = STRBUF_INIT;
    if (cgi_url(&sb, s) == 0)
        for (size_t i = 0; i < sb.len; i++) {
            char c = sb.buf[i];
            int ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                     strchr("-._~%", c) != NULL;
            if (!ok || (c == '%' && (i + 2 >= sb.len || !hex(sb.buf[i + 1]) || !hex(sb.buf[i + 2]))))
                abort();
        }
    sb_free(&sb);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *qs = malloc(size + 1);
    if (!qs)
        return 0;
    memcpy(qs, data, size);
    qs[size] = '\0';
    cgi_params p;
    const char *why = NULL;
    int rc = cgi_parse_query(qs, &p, &why);
    if (rc == -1 && !why)
        abort(); /* a refusal always says why */
    if (rc == 0) {
        if (p.n > CGI_MAX_PARAMS)
            abort();
        for (size_t i = 0; i < p.n; i++) {
            const char *v = p.v[i].value;
            size_t len = strlen(v);
            if (!cgi_utf8_valid(v, len))
                abort();
            for (size_t k = 0; k < len; k++)
                if ((unsigned char)v[k] < 0x20 || v[k] == 0x7f)
                    abort();
            for (size_t j = 0; j < i; j++)
                if (strcmp(p.v[i].name, p.v[j].name) == 0)
                    abort();
            if (cgi_param_get(&p, p.v[i].name) != v)
                abort();
            check_html(v, len);
            check_url(v);
        }
        cgi_params_free(&p);
    }
    check_html(qs, size); /* any bytes at all */
    free(qs);
    return 0;
}
