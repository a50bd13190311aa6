/* html.h: plain text out of a saved web page.
 *
 * Drops <script>, <style>, comments and tags; block-level tags (p, div,
 * br, li, h1-h6, tr, title...) become line breaks; entities (&amp; &nbsp;
 * &#x4e2d; &#20013; ...) are decoded.  Every output byte maps to the
 * original bytes it came from (text.h), composed with in's own map. */
#ifndef SS_HTML_H
#define SS_HTML_H

#include <stddef.h>

#include "ss_error.h"
#include "text.h"

/* 1 when raw (a file's first bytes) looks like HTML. */
int ss_html_sniff(const char *raw, size_t len);

/* Charset named by <meta charset=...> or http-equiv content in the first
 * bytes of raw; copies it into name and returns 1, or returns 0. */
int ss_html_charset(const char *raw, size_t len, char *name, size_t namelen);

/* Strips in (decoded HTML) into out.  *title gets the <title> text
 * (malloc'd, whitespace-trimmed) or NULL when the page has none. */
ss_code ss_html_strip(const ss_text *in, ss_text *out, char **title, ss_err *err);

#endif
