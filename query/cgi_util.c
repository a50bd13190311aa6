/* cgi_util.c: query strings, escaping and the config file (cgi_util.h). */
#include "cgi_util.h"

#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int hexval(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

int cgi_utf8_valid(const char *str, size_t len)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;
    while (i < len) {
        unsigned c = s[i];
        size_t n;
        uint32_t cp;
        if (c < 0x80) {
            i++;
            continue;
        } else if (c >= 0xC2 && c <= 0xDF) {
            n = 1;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 2;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 3;
            cp = c & 0x07;
        } else {
            return 0;
        }
        if (len - i <= n)
            return 0;
        for (size_t k = 1; k <= n; k++) {
            if ((s[i + k] & 0xC0) != 0x80)
                return 0;
            cp = cp << 6 | (s[i + k] & 0x3F);
        }
        if ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) || cp > 0x10FFFF ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return 0;
        i += n + 1;
    }
    return 1;
}

/* Decodes s[0, len) (+ is a space) into a malloc'd string in *out.
 * Returns 0, -1 with *why, -2 out of memory. */
static int decode(const char *s, size_t len, char **out, const char **why)
{
    char *d = malloc(len + 1);
    if (!d)
        return -2;
    size_t k = 0;
    for (size_t i = 0; i < len; i++) {
        int c = (unsigned char)s[i];
        if (c == '+') {
            c = ' ';
        } else if (c == '%') {
            int hi = i + 2 < len ? hexval((unsigned char)s[i + 1]) : -1;
            int lo = hi >= 0 ? hexval((unsigned char)s[i + 2]) : -1;
            if (hi < 0 || lo < 0) {
                free(d);
                *why = "网址里的 % 转义不完整（malformed % escape）";
                return -1;
            }
            c = hi << 4 | lo;
            i += 2;
        }
        if (c < 0x20 || c == 0x7F) {
            free(d);
            *why = c == 0 ? "参数里有 NUL 字节（NUL byte in a parameter）"
                         : "参数里有控制字符（control character in a parameter）";
            return -1;
        }
        d[k++] = (char)c;
    }
    d[k] = '\0';
    if (!cgi_utf8_valid(d, k)) {
        free(d);
        *why = "参数不是有效的 UTF-8（a parameter is not valid UTF-8）";
        return -1;
    }
    *out = d;
    return 0;
}

void cgi_params_free(cgi_params *p)
{
    for (size_t i = 0; i < p->n; i++) {
        free(p->v[i].name);
        free(p->v[i].value);
    }
    p->n = 0;
}

const char *cgi_param_get(const cgi_params *p, const char *name)
{
    for (size_t i = 0; i < p->n; i++)
        if (strcmp(p->v[i].name, name) == 0)
            return p->v[i].value;
    return NULL;
}

int cgi_parse_query(const char *qs, cgi_params *out, const char **why)
{
    out->n = 0;
    *why = NULL;
    if (!qs)
        return 0;
    size_t len = strlen(qs);
    if (len > CGI_MAX_QUERY_STRING) {
        *why = "网址的查询部分太长（query string too long）";
        return -1;
    }
    const char *p = qs, *end = qs + len;
    while (p < end) {
        const char *amp = memchr(p, '&', (size_t)(end - p));
        const char *stop = amp ? amp : end;
        if (stop > p) {
            const char *eq = memchr(p, '=', (size_t)(stop - p));
            const char *nend = eq ? eq : stop;
            char *name = NULL, *value = NULL;
            int rc = decode(p, (size_t)(nend - p), &name, why);
            if (rc == 0)
                rc = eq ? decode(eq + 1, (size_t)(stop - eq - 1), &value, why)
                        : (value = strdup("")) ? 0 : -2;
            if (rc == 0 && cgi_param_get(out, name)) {
                *why = "同一个参数出现了两次（a parameter is given twice）";
                rc = -1;
            }
            if (rc == 0 && out->n == CGI_MAX_PARAMS) {
                *why = "参数太多（too many parameters）";
                rc = -1;
            }
            if (rc != 0) {
                free(name);
                free(value);
                cgi_params_free(out);
                return rc;
            }
            out->v[out->n++] = (cgi_param){ name, value };
        }
        p = stop + 1;
    }
    return 0;
}

int cgi_html_n(strbuf *sb, const char *s, size_t len)
{
    size_t start = 0;
    for (size_t i = 0; i < len; i++) {
        const char *ent;
        switch (s[i]) {
        case '&': ent = "&amp;"; break;
        case '<': ent = "&lt;"; break;
        case '>': ent = "&gt;"; break;
        case '"': ent = "&quot;"; break;
        case '\'': ent = "&#39;"; break;
        default: continue;
        }
        if (sb_add(sb, s + start, i - start) || sb_adds(sb, ent))
            return -1;
        start = i + 1;
    }
    return sb_add(sb, s + start, len - start);
}

int cgi_html(strbuf *sb, const char *s)
{
    return s ? cgi_html_n(sb, s, strlen(s)) : 0;
}

int cgi_url(strbuf *sb, const char *s)
{
    static const char hex[] = "0123456789ABCDEF";
    for (; s && *s; s++) {
        unsigned char c = (unsigned char)*s;
        int plain = isalnum(c) && c < 0x80;
        if (plain || c == '-' || c == '.' || c == '_' || c == '~') {
            if (sb_addc(sb, (char)c))
                return -1;
        } else if (sb_addc(sb, '%') || sb_addc(sb, hex[c >> 4]) || sb_addc(sb, hex[c & 15])) {
            return -1;
        }
    }
    return 0;
}

void cgi_config_free(cgi_config *c)
{
    for (size_t i = 0; i < c->n; i++) {
        free(c->name[i]);
        free(c->path[i]);
    }
    memset(c, 0, sizeof *c);
}

const char *cgi_config_path(const cgi_config *c, const char *name)
{
    if (!name || !*name)
        return c->n ? c->path[c->def] : NULL;
    for (size_t i = 0; i < c->n; i++)
        if (strcmp(c->name[i], name) == 0)
            return c->path[i];
    return NULL;
}

static int good_name(const char *s, size_t len)
{
    if (len == 0 || len > CGI_MAX_NAME)
        return 0;
    for (size_t i = 0; i < len; i++)
        if (!(isalnum((unsigned char)s[i]) || s[i] == '-' || s[i] == '_'))
            return 0;
    return 1;
}

static void trim(char **s, char **e)
{
    while (*s < *e && isspace((unsigned char)**s))
        (*s)++;
    while (*e > *s && isspace((unsigned char)(*e)[-1]))
        (*e)--;
}

ss_code cgi_config_load(const char *file, cgi_config *out, ss_err *err)
{
    memset(out, 0, sizeof *out);
    FILE *f = fopen(file, "r");
    if (!f)
        return ss_seterr(err, errno == ENOENT ? SS_ENOTFOUND : SS_EIO, "cannot open %s: %s",
                         file, strerror(errno));
    const char *slash = strrchr(file, '/');
    size_t dirlen = slash ? (size_t)(slash - file) + 1 : 0;
    char line[4096], defname[CGI_MAX_NAME + 1] = "";
    unsigned lineno = 0;
    ss_code rc = SS_OK;
    while (rc == SS_OK && fgets(line, sizeof line, f)) {
        lineno++;
        char *s = line, *e = line + strlen(line);
        char *hash = strchr(s, '#');
        if (hash)
            e = hash;
        trim(&s, &e);
        if (s == e)
            continue;
        char *eq = memchr(s, '=', (size_t)(e - s));
        char *ns = s, *ne = eq ? eq : e, *vs = eq ? eq + 1 : e, *ve = e;
        trim(&ns, &ne);
        trim(&vs, &ve);
        if (!eq || !good_name(ns, (size_t)(ne - ns)) || vs == ve) {
            rc = ss_seterr(err, SS_EINVAL, "%s:%u: expected 'name = path'", file, lineno);
            break;
        }
        if ((size_t)(ne - ns) == 7 && memcmp(ns, "default", 7) == 0) {
            if (!good_name(vs, (size_t)(ve - vs))) {
                rc = ss_seterr(err, SS_EINVAL, "%s:%u: bad default name", file, lineno);
                break;
            }
            memcpy(defname, vs, (size_t)(ve - vs));
            defname[ve - vs] = '\0';
            continue;
        }
        *ne = '\0';
        if (cgi_config_path(out, ns)) {
            rc = ss_seterr(err, SS_EINVAL, "%s:%u: index '%s' named twice", file, lineno, ns);
            break;
        }
        if (out->n == CGI_MAX_INDEXES) {
            rc = ss_seterr(err, SS_EINVAL, "%s:%u: more than %d indexes", file, lineno,
                           CGI_MAX_INDEXES);
            break;
        }
        strbuf path = STRBUF_INIT;
        int bad = (*vs != '/' && sb_add(&path, file, dirlen)) ||
                  sb_add(&path, vs, (size_t)(ve - vs));
        char *name = strdup(ns);
        if (bad || !name) {
            free(name);
            sb_free(&path);
            rc = ss_seterr(err, SS_ENOMEM, "out of memory reading %s", file);
            break;
        }
        out->name[out->n] = name;
        out->path[out->n++] = sb_detach(&path, NULL);
    }
    if (rc == SS_OK && ferror(f))
        rc = ss_seterr(err, SS_EIO, "cannot read %s", file);
    fclose(f);
    if (rc == SS_OK && out->n == 0)
        rc = ss_seterr(err, SS_EINVAL, "%s names no index", file);
    if (rc == SS_OK && *defname) {
        size_t i = 0;
        while (i < out->n && strcmp(out->name[i], defname) != 0)
            i++;
        if (i == out->n)
            rc = ss_seterr(err, SS_EINVAL, "%s: default '%s' is not an index named there",
                           file, defname);
        out->def = i;
    }
    if (rc != SS_OK)
        cgi_config_free(out);
    return rc;
}
