/* cgi_util.h: the parts of the web page that touch untrusted bytes, kept
 * apart so they can be tested alone: the query string, escaping into HTML
 * and URLs (the only two ways text reaches a page), and the config file
 * naming the indexes. */
#ifndef SS_CGI_UTIL_H
#define SS_CGI_UTIL_H

#include <stddef.h>

#include "ss_error.h"
#include "strbuf.h"

#define CGI_MAX_QUERY_STRING 4096 /* bytes of QUERY_STRING */
#define CGI_MAX_PARAMS 24

typedef struct {
    char *name;
    char *value;              /* decoded, NUL-terminated, valid UTF-8, no control characters */
} cgi_param;

typedef struct {
    cgi_param v[CGI_MAX_PARAMS];
    size_t n;
} cgi_params;

/* Parses a query string (a=1&b=%E4%B8%AD+x).  Returns 0, or -1 with *why
 * (a static message for the user) on: a string over CGI_MAX_QUERY_STRING, a
 * malformed % escape, a decoded NUL or other control character, invalid
 * UTF-8, a name given twice, more than CGI_MAX_PARAMS parameters; -2 when
 * out of memory.  Empty values count as given. */
int cgi_parse_query(const char *qs, cgi_params *out, const char **why);
void cgi_params_free(cgi_params *p);
/* The value of name, or NULL. */
const char *cgi_param_get(const cgi_params *p, const char *name);

/* 1 when s[0, len) is valid UTF-8 (no overlong forms, surrogates or code
 * points above U+10FFFF). */
int cgi_utf8_valid(const char *s, size_t len);

/* Appends s with & < > " ' as character references: safe in text and in
 * double-quoted attributes.  Returns 0, -1 when out of memory. */
int cgi_html(strbuf *sb, const char *s);
int cgi_html_n(strbuf *sb, const char *s, size_t len);
/* Appends s percent-encoded for a query string value (all but A-Z a-z 0-9
 * - . _ ~).  The URL still goes through cgi_html when written in a page. */
int cgi_url(strbuf *sb, const char *s);

/* The config file: "name = path" lines naming indexes (path relative to
 * the file's folder unless absolute), "default = name", # comments. */
#define CGI_MAX_INDEXES 32
#define CGI_MAX_NAME 32
typedef struct {
    char *name[CGI_MAX_INDEXES];
    char *path[CGI_MAX_INDEXES];
    size_t n;
    size_t def;               /* index of the default (the first when none is named) */
} cgi_config;

ss_code cgi_config_load(const char *file, cgi_config *out, ss_err *err);
void cgi_config_free(cgi_config *c);
/* The path of index name (NULL or "": the default); NULL when unknown. */
const char *cgi_config_path(const cgi_config *c, const char *name);

#endif
