/* cgi_page.h: the pages speech-search.cgi answers with, written into a
 * response in memory (so that its length is known before the headers):
 * results with facets and charts, the reading view, the home page, error
 * pages.  Rendering only: the search itself is the caller's (search.h,
 * speech_view.h). */
#ifndef SS_CGI_PAGE_H
#define SS_CGI_PAGE_H

#include <stddef.h>

#include "gazetteer.h"
#include "search.h"
#include "speech_view.h"
#include "strbuf.h"

#define MAX_Q_BYTES 600      /* the query box: 200 Chinese characters */
#define MAX_PAGE 50          /* page depth */
#define MAX_PER_PAGE 50      /* n= */
#define DEFAULT_PER_PAGE 10

typedef struct {
    int status;
    const char *ctype;
    int allow;                /* 405: add Allow */
    strbuf body;
    int oom;                  /* writing the body ran out of memory */
    int json;                 /* format=json asked: errors as JSON too */
} cgi_response;

/* The validated parameters of a search or view (NULL or 0: not given). */
typedef struct {
    const char *q, *region, *year, *kind, *db, *view;
    unsigned page, n, speech;
    int json, facets;
    int strict;               /* strict=1: no partial matches (ss_search_opts.partial) */
    const char *like;         /* more like the passage of this file ... */
    unsigned long long at;    /* ... that starts at this byte */
} cgi_request;

/* "OK", "Bad Request", ... */
const char *cgi_status_text(int status);

/* Replaces rs's body with an error page (status, msg for people, the form
 * filled from p when not NULL), or {"error", "status"} when rs->json. */
void cgi_error_page(cgi_response *rs, int status, const char *msg, const cgi_request *p);

/* The form and a short guide to the query syntax. */
void cgi_home_page(cgi_response *rs, const cgi_request *p);

/* Results r of the search p, found in ms milliseconds: summary, facets
 * sidebar (regions grouped under their province with gz, which may be
 * NULL), SVG charts, hits, pages; or suggestions when there are none. */
void cgi_results_page(cgi_response *rs, const cgi_request *p, const ss_results *r, double ms,
                      const ss_gazetteer *gz);

/* Speech p->speech of file p->view, as v holds it. */
void cgi_view_page(cgi_response *rs, const cgi_request *p, const ss_speech_view *v);

#endif
