/* cgi_page.c: the HTML (and JSON error) pages of speech-search.cgi
 * (cgi_page.h).  Every string reaches a page through cgi_html (text,
 * attributes) or cgi_url then cgi_html (links): the PUT macros write only
 * markup written here. */
#include "cgi_page.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base.h"
#include "cgi_util.h"

#define CHART_REGIONS 12     /* bars of the region chart */
#define CHART_YEARS 30       /* bars of the year chart (the latest years) */
#define SIDE_REGIONS 20      /* provinces listed in the sidebar */
#define SIDE_SUBREGIONS 8    /* sub-regions listed under each */

const char *cgi_status_text(int status)
{
    switch (status) {
    case 200: return "OK";
    case 400: return "Bad Request";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    default: return "Internal Server Error";
    }
}

/* ---- page parts (every string through cgi_html) ---- */

#define PUT(rs, s) ((rs)->oom |= sb_adds(&(rs)->body, (s)) != 0)
#define PUTF(rs, ...) ((rs)->oom |= sb_addf(&(rs)->body, __VA_ARGS__) != 0)
#define ESC(rs, s) ((rs)->oom |= cgi_html(&(rs)->body, (s)) != 0)
#define ESCN(rs, s, n) ((rs)->oom |= cgi_html_n(&(rs)->body, (s), (n)) != 0)

static const char *kind_label(const char *k)
{
    if (!k)
        return "";
    if (!strcmp(k, "speech"))
        return "讲话";
    if (!strcmp(k, "report"))
        return "报告";
    if (!strcmp(k, "article"))
        return "文章";
    return k;
}

/* Writes the link to the search p describes, HTML-escaped for an href. */
static void put_href(cgi_response *rs, const cgi_request *p)
{
    strbuf u = STRBUF_INIT;
    int bad = sb_adds(&u, "search?");
    const char *names[] = { "q", "region", "year", "kind", "db" };
    const char *vals[] = { p->q, p->region, p->year, p->kind, p->db };
    int first = 1;
    for (size_t i = 0; i < 5; i++) {
        if (!vals[i] || !*vals[i])
            continue;
        bad |= sb_addf(&u, "%s%s=", first ? "" : "&", names[i]) || cgi_url(&u, vals[i]);
        first = 0;
    }
    if (p->like) {
        bad |= sb_addf(&u, "%slike=", first ? "" : "&") || cgi_url(&u, p->like) ||
               sb_addf(&u, "&at=%llu", p->at);
        first = 0;
    }
    if (p->n != DEFAULT_PER_PAGE) {
        bad |= sb_addf(&u, "%sn=%u", first ? "" : "&", p->n);
        first = 0;
    }
    if (p->strict) {
        bad |= sb_addf(&u, "%sstrict=1", first ? "" : "&");
        first = 0;
    }
    if (p->page > 1)
        bad |= sb_addf(&u, "%spage=%u", first ? "" : "&", p->page);
    rs->oom |= bad;
    if (!bad)
        ESCN(rs, u.buf, u.len);
    sb_free(&u);
}

static void put_view_href(cgi_response *rs, const cgi_request *p, const char *file,
                          uint32_t speech)
{
    strbuf u = STRBUF_INIT;
    int bad = sb_adds(&u, "search?view=") || cgi_url(&u, file) ||
              sb_addf(&u, "&speech=%u", (unsigned)speech);
    if (p->q && *p->q)
        bad |= sb_adds(&u, "&q=") || cgi_url(&u, p->q);
    if (p->db && *p->db)
        bad |= sb_adds(&u, "&db=") || cgi_url(&u, p->db);
    rs->oom |= bad;
    if (!bad)
        ESCN(rs, u.buf, u.len);
    sb_free(&u);
}

/* A link to speech no of the file viewed: <a rel=rel class=rel href=…>
 * before, its title (or a placeholder), then after (closing the link). */
static void put_speech_link(cgi_response *rs, const cgi_request *p, const char *rel,
                            uint32_t no, const char *before, const char *title,
                            const char *after)
{
    PUTF(rs, "<a rel=\"%s\" class=\"%s\" href=\"", rel, rel);
    put_view_href(rs, p, p->view, no);
    PUTF(rs, "\">%s", before);
    ESC(rs, title ? title : "（无标题）");
    PUT(rs, after);
}

static void page_start(cgi_response *rs, const char *title)
{
    PUT(rs, "<!DOCTYPE html>\n<html lang=\"zh-Hans\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
    ESC(rs, title);
    PUT(rs, "</title>\n<link rel=\"stylesheet\" href=\"static/style.css\">\n</head>\n<body>\n");
}

static void page_end(cgi_response *rs)
{
    PUT(rs, "<footer>speech-search · 讲话检索</footer>\n</body>\n</html>\n");
}

static void put_form(cgi_response *rs, const cgi_request *p)
{
    static const char *const kinds[][2] = { { "", "全部类型" }, { "speech", "讲话" },
                                            { "report", "报告" }, { "article", "文章" } };
    PUT(rs, "<header class=\"top\">\n<a class=\"home\" href=\"search\">讲话检索</a>\n"
            "<form class=\"search\" action=\"search\" method=\"get\" role=\"search\">\n"
            "<input type=\"search\" name=\"q\" id=\"q\" aria-label=\"检索词\" "
            "placeholder=\"检索词（简体或繁体）\" value=\"");
    ESC(rs, p->q);
    PUTF(rs, "\" maxlength=\"%d\">\n<button type=\"submit\">搜索</button>\n"
             "<div class=\"filters\">\n<label>地区 <input name=\"region\" id=\"region\" value=\"",
         MAX_Q_BYTES / 3);
    ESC(rs, p->region);
    PUTF(rs, "\" maxlength=\"30\" placeholder=\"河南\"></label>\n"
             "<label>年份 <input name=\"year\" id=\"year\" value=\"");
    ESC(rs, p->year);
    PUT(rs, "\" maxlength=\"16\" placeholder=\"2019 或 2018-2021\"></label>\n"
            "<label>类型 <select name=\"kind\" id=\"kind\">");
    for (size_t i = 0; i < 4; i++) {
        PUT(rs, "<option value=\"");
        ESC(rs, kinds[i][0]);
        PUT(rs, (p->kind && !strcmp(p->kind, kinds[i][0])) || (!p->kind && !i) ? "\" selected>"
                                                                               : "\">");
        ESC(rs, kinds[i][1]);
        PUT(rs, "</option>");
    }
    PUT(rs, "</select></label>\n");
    if (p->db && *p->db) {
        PUT(rs, "<input type=\"hidden\" name=\"db\" value=\"");
        ESC(rs, p->db);
        PUT(rs, "\">\n");
    }
    if (p->n != DEFAULT_PER_PAGE)
        PUTF(rs, "<input type=\"hidden\" name=\"n\" value=\"%u\">\n", p->n);
    PUT(rs, "</div>\n</form>\n</header>\n");
}

/* An error page: status, a message for people (no paths), the form. */
void cgi_error_page(cgi_response *rs, int status, const char *msg, const cgi_request *p)
{
    static const cgi_request none = { 0 };
    sb_reset(&rs->body);
    rs->oom = 0;
    rs->status = status;
    if (rs->json) { /* {"error": "...", "status": N}: the message as a JSON string */
        rs->ctype = "application/json; charset=utf-8";
        PUT(rs, "{\"error\":\"");
        for (const unsigned char *c = (const unsigned char *)msg; *c; c++) {
            if (*c == '"' || *c == '\\')
                PUTF(rs, "\\%c", *c);
            else if (*c < 0x20)
                PUTF(rs, "\\u%04x", *c);
            else
                rs->oom |= sb_addc(&rs->body, (char)*c) != 0;
        }
        PUTF(rs, "\",\"status\":%d}\n", status);
        return;
    }
    rs->ctype = "text/html; charset=utf-8";
    char title[64];
    snprintf(title, sizeof title, "%d %s", status, cgi_status_text(status));
    page_start(rs, title);
    put_form(rs, p ? p : &none);
    PUTF(rs, "<main class=\"error\">\n<h1>%d %s</h1>\n<p class=\"message\">", status,
         cgi_status_text(status));
    ESC(rs, msg);
    PUT(rs, "</p>\n<p><a href=\"search\">返回检索页</a></p>\n</main>\n");
    page_end(rs);
}

/* A passage's text with the spans in <mark>. */
static void put_marked(cgi_response *rs, const char *t, const ss_span *hl, size_t nhl)
{
    t = t ? t : "";
    size_t len = strlen(t), at = 0;
    for (size_t i = 0; i < nhl; i++) {
        if (hl[i].start < at || hl[i].end > len || hl[i].start >= hl[i].end)
            continue;
        ESCN(rs, t + at, hl[i].start - at);
        PUT(rs, "<mark>");
        ESCN(rs, t + hl[i].start, hl[i].end - hl[i].start);
        PUT(rs, "</mark>");
        at = hl[i].end;
    }
    ESC(rs, t + at);
}

static void put_meta(cgi_response *rs, const ss_record *r)
{
    const char *parts[] = { r->date, r->region, r->speaker, r->kind ? kind_label(r->kind) : NULL };
    const char *cls[] = { "date", "region", "speaker", "kind" };
    PUT(rs, "<p class=\"meta\">");
    int first = 1;
    for (size_t i = 0; i < 4; i++) {
        if (!parts[i] || !*parts[i])
            continue;
        PUTF(rs, "%s<span class=\"%s\">", first ? "" : " · ", cls[i]);
        ESC(rs, parts[i]);
        PUT(rs, "</span>");
        first = 0;
    }
    PUT(rs, "</p>\n");
}

/* ---- facets: regions grouped under their province ---- */

typedef struct {
    const char *name;         /* the province (or a value outside the gazetteer) */
    uint32_t count;           /* passages in it, its sub-regions included */
    uint32_t own;             /* passages whose region is the province itself */
    size_t sub[64];           /* facet values inside it */
    size_t nsub;
} region_group;

static size_t group_regions(const ss_gazetteer *gz, const ss_facet *f, region_group *g,
                            size_t max)
{
    size_t ng = 0;
    for (size_t i = 0; i < f->n; i++) {
        const char *v = f->v[i].value;
        const char *prov = v;
        uint32_t ids[4];
        if (gz && ss_gaz_lookup(gz, v, strlen(v), ids, 4) > 0) {
            uint32_t id = ids[0];
            for (int guard = 0; guard < 4 && ss_gaz_parent(gz, id); guard++)
                id = ss_gaz_parent(gz, id);
            prov = ss_gaz_name(gz, id);
        }
        size_t k = 0;
        while (k < ng && strcmp(g[k].name, prov) != 0)
            k++;
        if (k == ng) {
            if (ng == max)
                continue;
            g[ng++] = (region_group){ prov, 0, 0, { 0 }, 0 };
        }
        g[k].count += f->v[i].count;
        if (!strcmp(prov, v))
            g[k].own += f->v[i].count;
        else if (g[k].nsub < sizeof g[k].sub / sizeof g[k].sub[0])
            g[k].sub[g[k].nsub++] = i;
    }
    for (size_t i = 1; i < ng; i++) /* most passages first (insertion sort: few groups) */
        for (size_t j = i; j > 0 && g[j].count > g[j - 1].count; j--) {
            region_group t = g[j];
            g[j] = g[j - 1];
            g[j - 1] = t;
        }
    return ng;
}

static void put_facet_link(cgi_response *rs, const cgi_request *p, int field, const char *value,
                           const char *label, uint32_t count)
{
    cgi_request np = *p;
    np.page = 1;
    if (field == SS_FACET_REGION)
        np.region = value;
    else if (field == SS_FACET_YEAR)
        np.year = value;
    else
        np.kind = value;
    PUT(rs, "<a href=\"");
    put_href(rs, &np);
    PUT(rs, "\">");
    ESC(rs, label);
    PUTF(rs, "</a> <span class=\"count\">%u</span>", (unsigned)count);
}

static int by_year_desc(const void *a, const void *b)
{
    return strcmp((*(const ss_facet_value *const *)b)->value,
                  (*(const ss_facet_value *const *)a)->value);
}

/* Years in order (newest first), at most max, into out. */
static size_t years_sorted(const ss_facet *f, const ss_facet_value **out, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < f->n && n < max; i++)
        out[n++] = &f->v[i];
    qsort(out, n, sizeof *out, by_year_desc);
    return n;
}

static void put_active_filters(cgi_response *rs, const cgi_request *p)
{
    const char *vals[] = { p->region, p->year, p->kind };
    const char *names[] = { "地区", "年份", "类型" };
    int any = 0;
    for (int k = 0; k < 3; k++) {
        if (!vals[k] || !*vals[k])
            continue;
        if (!any)
            PUT(rs, "<ul class=\"active\">\n");
        any = 1;
        cgi_request np = *p;
        np.page = 1;
        if (k == 0)
            np.region = NULL;
        else if (k == 1)
            np.year = NULL;
        else
            np.kind = NULL;
        PUTF(rs, "<li>%s：", names[k]);
        ESC(rs, k == 2 ? kind_label(vals[k]) : vals[k]);
        PUT(rs, " <a class=\"remove\" href=\"");
        put_href(rs, &np);
        PUT(rs, "\" title=\"去掉这个条件\">×</a></li>\n");
    }
    if (any)
        PUT(rs, "</ul>\n");
}

static void put_facets(cgi_response *rs, const cgi_request *p, const ss_results *r,
                       const region_group *g, size_t ng)
{
    PUT(rs, "<aside class=\"facets\" aria-label=\"分面\">\n<h2>筛选</h2>\n");
    put_active_filters(rs, p);
    if (!r->facets_exact)
        PUT(rs, "<p class=\"note\">计数为约数：匹配过多，按候选段落统计，未逐段判断、未合并重复。</p>\n");
    const ss_facet *rf = &r->facets[SS_FACET_REGION];
    PUT(rs, "<section class=\"facet\" id=\"facet-region\">\n<h3>地区</h3>\n<ul>\n");
    for (size_t i = 0; i < ng && i < SIDE_REGIONS; i++) {
        PUT(rs, "<li>");
        put_facet_link(rs, p, SS_FACET_REGION, g[i].name, g[i].name, g[i].count);
        if (g[i].nsub) {
            PUT(rs, "\n<ul class=\"sub\">\n");
            for (size_t j = 0; j < g[i].nsub && j < SIDE_SUBREGIONS; j++) {
                const ss_facet_value *v = &rf->v[g[i].sub[j]];
                PUT(rs, "<li>");
                put_facet_link(rs, p, SS_FACET_REGION, v->value, v->value, v->count);
                PUT(rs, "</li>\n");
            }
            PUT(rs, "</ul>\n");
        }
        PUT(rs, "</li>\n");
    }
    PUT(rs, "</ul>\n</section>\n");
    const ss_facet_value *ys[CHART_YEARS * 4];
    size_t ny = years_sorted(&r->facets[SS_FACET_YEAR], ys, NELEM(ys));
    PUT(rs, "<section class=\"facet\" id=\"facet-year\">\n<h3>年份</h3>\n<ul class=\"years\">\n");
    for (size_t i = 0; i < ny; i++) {
        PUT(rs, "<li>");
        put_facet_link(rs, p, SS_FACET_YEAR, ys[i]->value, ys[i]->value, ys[i]->count);
        PUT(rs, "</li>\n");
    }
    PUT(rs, "</ul>\n</section>\n");
    const ss_facet *kf = &r->facets[SS_FACET_KIND];
    PUT(rs, "<section class=\"facet\" id=\"facet-kind\">\n<h3>类型</h3>\n<ul>\n");
    for (size_t i = 0; i < kf->n; i++) {
        PUT(rs, "<li>");
        put_facet_link(rs, p, SS_FACET_KIND, kf->v[i].value, kind_label(kf->v[i].value),
                       kf->v[i].count);
        PUT(rs, "</li>\n");
    }
    PUT(rs, "</ul>\n</section>\n</aside>\n");
}

/* ---- the charts: inline SVG drawn here ---- */

static void put_bar(cgi_response *rs, const cgi_request *p, int field, const char *value,
                    uint32_t count, double x, double y, double w, double h)
{
    cgi_request np = *p;
    np.page = 1;
    if (field == SS_FACET_REGION)
        np.region = value;
    else
        np.year = value;
    PUT(rs, "<a href=\"");
    put_href(rs, &np);
    PUTF(rs, "\"><rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"><title>", x, y, w, h);
    ESC(rs, value);
    PUTF(rs, "：%u</title></rect></a>\n", (unsigned)count);
}

/* Opens a chart: a figure with its caption, an SVG of w x h user units. */
static void chart_start(cgi_response *rs, const char *id, const char *caption, double w, double h)
{
    PUTF(rs, "<figure class=\"chart\" id=\"%s\"><figcaption>%s</figcaption>\n", id, caption);
    PUTF(rs, "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"%s\" "
             "viewBox=\"0 0 %.0f %.0f\" width=\"%.0f\" height=\"%.0f\">\n",
         caption, w, h, w, h);
}

/* Matching passages by year: vertical bars, oldest to newest. */
static void year_chart(cgi_response *rs, const cgi_request *p, const ss_facet_value *const *ys,
                       size_t ny)
{
    uint32_t max = 1;
    for (size_t i = 0; i < ny; i++)
        max = ys[i]->count > max ? ys[i]->count : max;
    double bw = 28, gap = 6, H = 120, top = 14;
    chart_start(rs, "chart-year", "各年份的段落数", (double)ny * (bw + gap) + gap, H + 34);
    for (size_t k = 0; k < ny; k++) {
        const ss_facet_value *v = ys[ny - 1 - k]; /* ys is newest first */
        double h = H * v->count / max, x = gap + (double)k * (bw + gap);
        put_bar(rs, p, SS_FACET_YEAR, v->value, v->count, x, top + H - h, bw, h < 1 ? 1 : h);
        PUTF(rs, "<text class=\"n\" x=\"%.1f\" y=\"%.1f\">%u</text>"
                 "<text class=\"label\" x=\"%.1f\" y=\"%.1f\">",
             x + bw / 2, top + H - h - 3, (unsigned)v->count, x + bw / 2, H + 28);
        ESC(rs, v->value);
        PUT(rs, "</text>\n");
    }
    PUT(rs, "</svg></figure>\n");
}

/* Matching passages by province: horizontal bars, most first. */
static void region_chart(cgi_response *rs, const cgi_request *p, const region_group *g,
                         size_t ng)
{
    size_t n = ng < CHART_REGIONS ? ng : CHART_REGIONS;
    uint32_t max = g[0].count ? g[0].count : 1;
    double rowh = 22, lw = 96, bwmax = 260;
    chart_start(rs, "chart-region", "各地区的段落数", lw + bwmax + 50, (double)n * rowh + 4);
    for (size_t i = 0; i < n; i++) {
        double w = bwmax * g[i].count / max, y = 2 + (double)i * rowh;
        PUTF(rs, "<text class=\"rlabel\" x=\"%.1f\" y=\"%.1f\">", lw - 6, y + 15);
        ESC(rs, g[i].name);
        PUT(rs, "</text>\n");
        put_bar(rs, p, SS_FACET_REGION, g[i].name, g[i].count, lw, y + 3, w < 1 ? 1 : w,
                rowh - 6);
        PUTF(rs, "<text class=\"n\" x=\"%.1f\" y=\"%.1f\">%u</text>\n", lw + w + 16, y + 15,
             (unsigned)g[i].count);
    }
    PUT(rs, "</svg></figure>\n");
}

static void put_charts(cgi_response *rs, const cgi_request *p, const ss_results *r,
                       const region_group *g, size_t ng)
{
    const ss_facet_value *ys[CHART_YEARS];
    size_t ny = years_sorted(&r->facets[SS_FACET_YEAR], ys, CHART_YEARS);
    if (ny == 0 && ng == 0)
        return;
    PUT(rs, "<div class=\"charts\">\n");
    if (ny)
        year_chart(rs, p, ys, ny);
    if (ng)
        region_chart(rs, p, g, ng);
    PUT(rs, "</div>\n");
}

static void put_hit(cgi_response *rs, const cgi_request *p, const ss_hit *h)
{
    const ss_record *r = &h->rec;
    PUTF(rs, "<li class=\"hit\" value=\"%u\">\n<h2 class=\"title\"><a href=\"", (unsigned)h->rank);
    put_view_href(rs, p, r->file ? r->file : "", r->speech);
    PUTF(rs, "#p%llu\">", (unsigned long long)r->byte_start);
    ESC(rs, r->title && *r->title ? r->title : "（无标题）");
    PUT(rs, "</a></h2>\n");
    put_meta(rs, r);
    if (ss_record_shows_heading(r)) {
        PUT(rs, "<p class=\"heading\">§ ");
        ESC(rs, r->heading);
        PUT(rs, "</p>\n");
    }
    PUT(rs, "<p class=\"text\">");
    put_marked(rs, r->text, h->hl, h->nhl);
    PUT(rs, "</p>\n<p class=\"src\">");
    ESC(rs, r->file);
    PUTF(rs, ":%llu–%llu", (unsigned long long)r->byte_start, (unsigned long long)r->byte_end);
    cgi_request like = { 0 }; /* more like this passage, in the same index */
    like.n = p->n;
    like.page = 1;
    like.db = p->db;
    like.like = r->file ? r->file : "";
    like.at = (unsigned long long)r->byte_start;
    PUT(rs, " · <a class=\"like\" href=\"");
    put_href(rs, &like);
    PUT(rs, "\">相似段落</a></p>\n");
    if (h->partial) {
        PUT(rs, h->nmissing ? "<p class=\"missing\">缺少："
                            : "<p class=\"missing\">查询词均以相关形式或分开出现");
        for (size_t k = 0; k < h->nmissing; k++) {
            PUT(rs, k ? "、<s>" : "<s>");
            ESC(rs, h->missing[k]);
            PUT(rs, "</s>");
        }
        PUT(rs, "</p>\n");
    }
    if (h->ndups) {
        PUT(rs, "<p class=\"dups\">也见于 ");
        for (size_t d = 0; d < h->ndups; d++) {
            PUT(rs, d ? "，<span class=\"src\">" : "<span class=\"src\">");
            ESC(rs, h->dups[d].file);
            PUTF(rs, ":%llu–%llu</span>", (unsigned long long)h->dups[d].byte_start,
                 (unsigned long long)h->dups[d].byte_end);
        }
        PUT(rs, "</p>\n");
    }
    PUT(rs, "</li>\n");
}

static unsigned last_page(const cgi_request *p, uint32_t total)
{
    unsigned pages = (unsigned)((total + p->n - 1) / p->n);
    return pages > MAX_PAGE ? MAX_PAGE : pages;
}

static void put_pages(cgi_response *rs, const cgi_request *p, uint32_t total, size_t shown)
{
    unsigned last = last_page(p, total);
    if (p->page > last) /* the estimate was low: this page exists */
        last = p->page;
    if (shown == p->n && last == p->page && p->page < MAX_PAGE && total > p->page * p->n)
        last = p->page + 1;
    if (last <= 1)
        return;
    PUT(rs, "<nav class=\"pages\" aria-label=\"翻页\">\n");
    cgi_request np = *p;
    if (p->page > 1) {
        np.page = p->page - 1;
        PUT(rs, "<a rel=\"prev\" href=\"");
        put_href(rs, &np);
        PUT(rs, "\">上一页</a>\n");
    }
    unsigned lo = p->page > 4 ? p->page - 4 : 1, hi = lo + 8 < last ? lo + 8 : last;
    for (unsigned k = lo; k <= hi; k++) {
        if (k == p->page) {
            PUTF(rs, "<span class=\"current\" aria-current=\"page\">%u</span>\n", k);
            continue;
        }
        np.page = k;
        PUT(rs, "<a href=\"");
        put_href(rs, &np);
        PUTF(rs, "\">%u</a>\n", k);
    }
    if (p->page < last) {
        np.page = p->page + 1;
        PUT(rs, "<a rel=\"next\" href=\"");
        put_href(rs, &np);
        PUT(rs, "\">下一页</a>\n");
    }
    PUT(rs, "</nav>\n");
}

/* "No results" (or none holding every word, partial ones following:
 * partial): links that drop one filter, one word, or the quotes. */
static void put_suggestions(cgi_response *rs, const cgi_request *p, int partial)
{
    PUTF(rs, "<div class=\"none\">\n<p>%s可以试试：</p>\n<ul class=\"suggest\">\n",
         partial ? "没有段落包含全部查询词（下面是部分匹配）。" : "没有找到符合条件的段落。");
    const char *vals[] = { p->region, p->year, p->kind };
    const char *names[] = { "地区", "年份", "类型" };
    for (int k = 0; k < 3; k++) {
        if (!vals[k] || !*vals[k])
            continue;
        cgi_request np = *p;
        np.page = 1;
        *(k == 0 ? &np.region : k == 1 ? &np.year : &np.kind) = NULL;
        PUT(rs, "<li><a href=\"");
        put_href(rs, &np);
        PUTF(rs, "\">去掉%s条件「", names[k]);
        ESC(rs, k == 2 ? kind_label(vals[k]) : vals[k]);
        PUT(rs, "」</a></li>\n");
    }
    const char *q = p->q ? p->q : "";
    if (strchr(q, '"') || strstr(q, "“") || strstr(q, "”")) {
        strbuf nq = STRBUF_INIT;
        for (const char *s = q; *s; s++) {
            if (*s == '"')
                continue;
            if (!strncmp(s, "“", 3) || !strncmp(s, "”", 3)) {
                s += 2;
                continue;
            }
            rs->oom |= sb_addc(&nq, *s);
        }
        cgi_request np = *p;
        np.page = 1;
        np.q = nq.buf ? nq.buf : "";
        PUT(rs, "<li><a href=\"");
        put_href(rs, &np);
        PUT(rs, "\">去掉引号：");
        ESC(rs, np.q);
        PUT(rs, "</a></li>\n");
        sb_free(&nq);
    }
    /* each word of several (split at spaces) */
    size_t nwords = 0;
    for (const char *s = q; *s;) {
        while (*s == ' ')
            s++;
        if (!*s)
            break;
        nwords++;
        while (*s && *s != ' ')
            s++;
    }
    for (const char *s = q; nwords > 1 && *s;) {
        while (*s == ' ')
            s++;
        if (!*s)
            break;
        const char *w = s;
        while (*s && *s != ' ')
            s++;
        strbuf nq = STRBUF_INIT;
        rs->oom |= sb_add(&nq, q, (size_t)(w - q)) || sb_adds(&nq, s);
        cgi_request np = *p;
        np.page = 1;
        np.q = nq.buf ? nq.buf : "";
        PUT(rs, "<li><a href=\"");
        put_href(rs, &np);
        PUT(rs, "\">去掉「");
        ESCN(rs, w, (size_t)(s - w));
        PUT(rs, "」</a></li>\n");
        sb_free(&nq);
    }
    PUT(rs, "</ul>\n</div>\n");
}

/* The partial hits r->hits[from, n): a heading that says what they are
 * (with a link to the strict results alone), then the hits. */
static void put_partial(cgi_response *rs, const cgi_request *p, const ss_results *r, size_t from)
{
    cgi_request sp = *p;
    sp.strict = 1;
    sp.page = 1;
    PUT(rs, "<h2 class=\"partial\" id=\"partial\">部分匹配（不含全部查询词）</h2>\n"
            "<p class=\"partial-note\">");
    PUT(rs, from || r->total ? "以下段落只含部分查询词，或以相关词、分开的形式出现。"
                             : "没有段落含全部查询词；以下段落只含部分查询词，或以相关词、"
                               "分开的形式出现。");
    PUT(rs, " <a class=\"strict\" href=\"");
    put_href(rs, &sp);
    PUT(rs, "\">只看完全匹配</a></p>\n<ol class=\"hits partial\">\n");
    for (size_t i = from; i < r->n; i++)
        put_hit(rs, p, &r->hits[i]);
    PUT(rs, "</ol>\n");
}

void cgi_results_page(cgi_response *rs, const cgi_request *p, const ss_results *r, double ms,
                      const ss_gazetteer *gz)
{
    region_group g[64];
    size_t ng = group_regions(gz, &r->facets[SS_FACET_REGION], g, 64);
    char title[MAX_Q_BYTES + 64];
    snprintf(title, sizeof title, "%s – 讲话检索",
             p->q && *p->q ? p->q : p->like ? "相似段落" : "筛选");
    page_start(rs, title);
    put_form(rs, p);
    PUT(rs, "<div class=\"layout\">\n");
    if (r->has_facets)
        put_facets(rs, p, r, g, ng);
    PUT(rs, "<main class=\"results\">\n<p class=\"summary\">");
    /* exact where every match was judged, else an estimate that says so */
    PUTF(rs, "%s <strong id=\"total\">%u</strong> 段 · 用时 %.1f 毫秒",
         r->total_exact ? "共" : "约", (unsigned)r->total, ms);
    if (p->like) {
        PUT(rs, " · 与 <span class=\"src\">");
        ESC(rs, p->like);
        PUTF(rs, ":%llu</span> 相似", p->at);
    }
    if (r->understood && *r->understood) {
        PUTF(rs, " · %s：<span class=\"understood\">", r->natural ? "按问句理解" : "关键词");
        ESC(rs, r->understood);
        PUT(rs, "</span>");
    }
    PUT(rs, "</p>\n");
    if (r->n == 0) {
        put_suggestions(rs, p, 0);
    } else {
        if (r->has_facets)
            put_charts(rs, p, r, g, ng);
        size_t strict = r->n - ss_results_partial(r);
        if (r->total == 0 && p->page <= 1)
            put_suggestions(rs, p, 1);
        if (strict) {
            PUT(rs, "<ol class=\"hits\">\n");
            for (size_t i = 0; i < strict; i++)
                put_hit(rs, p, &r->hits[i]);
            PUT(rs, "</ol>\n");
        }
        if (strict < r->n)
            put_partial(rs, p, r, strict);
        /* the partial hits, when this page ran their tier, have pages too */
        put_pages(rs, p, r->total + r->partial_total, r->n);
    }
    PUT(rs, "</main>\n</div>\n");
    page_end(rs);
}

void cgi_view_page(cgi_response *rs, const cgi_request *p, const ss_speech_view *sv)
{
    const ss_speech_view v = *sv; /* a shallow copy: read only */
    const ss_record *first = &v.v[0].rec;
    page_start(rs, first->title && *first->title ? first->title : "讲话");
    put_form(rs, p);
    PUT(rs, "<main class=\"reading\">\n<article>\n<h1>");
    ESC(rs, first->title && *first->title ? first->title : "（无标题）");
    PUT(rs, "</h1>\n");
    put_meta(rs, first);
    PUT(rs, "<p class=\"src\">");
    ESC(rs, p->view);
    PUTF(rs, " · 第 %u 篇</p>\n", (unsigned)p->speech);
    size_t nmatch = 0;
    for (size_t i = 0; i < v.n; i++)
        nmatch += v.v[i].match;
    if (p->q && *p->q)
        PUTF(rs, "<p class=\"matches\">本篇有 %zu 段含检索词（已标出）。</p>\n", nmatch);
    if (v.prev || v.next)
        PUT(rs, "<nav class=\"speeches\">");
    if (v.prev)
        put_speech_link(rs, p, "prev", v.prev, "← 上一篇：", v.prev_title, "</a> ");
    if (v.next)
        put_speech_link(rs, p, "next", v.next, "下一篇：", v.next_title, " →</a>");
    if (v.prev || v.next)
        PUT(rs, "</nav>\n");
    /* A passage that is the heading of the next one is a heading; the
     * windows of one long paragraph share one <p>. */
    const char *heading = NULL;
    int open = 0;
    for (size_t i = 0; i < v.n; i++) {
        const ss_view_passage *vp = &v.v[i];
        const ss_record *r = &vp->rec;
        const ss_record *nr = i + 1 < v.n ? &v.v[i + 1].rec : NULL;
        int is_heading = nr && nr->heading && r->text && !strcmp(r->text, nr->heading);
        const char *h = r->heading;
        if (open && (is_heading || r->para != v.v[i - 1].rec.para)) {
            PUT(rs, "</p>\n");
            open = 0;
        }
        if (!is_heading && h && *h && (!heading || strcmp(h, heading) != 0) &&
            strncmp(r->text ? r->text : "", h, strlen(h)) != 0) { /* not when it opens the text */
            PUT(rs, "<h2>");
            ESC(rs, h);
            PUT(rs, "</h2>\n");
        }
        heading = is_heading ? r->text : h;
        if (is_heading) {
            PUTF(rs, "<h2 id=\"p%llu\"%s>", (unsigned long long)r->byte_start,
                 vp->match ? " class=\"match\"" : "");
            put_marked(rs, r->text, vp->hl, vp->nhl);
            PUT(rs, "</h2>\n");
            continue;
        }
        if (!open)
            PUT(rs, "<p>");
        open = 1;
        PUTF(rs, "<span id=\"p%llu\"%s>", (unsigned long long)r->byte_start,
             vp->match ? " class=\"match\"" : "");
        put_marked(rs, r->text, vp->hl, vp->nhl);
        PUT(rs, "</span>");
    }
    if (open)
        PUT(rs, "</p>\n");
    PUT(rs, "</article>\n</main>\n");
    page_end(rs);
}

void cgi_home_page(cgi_response *rs, const cgi_request *p)
{
    page_start(rs, "讲话检索");
    put_form(rs, p);
    PUT(rs, "<main class=\"home\">\n<h1>讲话检索</h1>\n<p>在领导讲话、工作报告和文章里查找段落。"
            "简体、繁体都可以输入。</p>\n<dl class=\"syntax\">\n"
            "<dt>招商引资 项目建设</dt><dd>两个词都要出现</dd>\n"
            "<dt>\"高质量发展\"</dt><dd>整个短语</dd>\n"
            "<dt>营商环境 -疫情</dt><dd>不含“疫情”</dd>\n"
            "<dt>如何推进产业集聚区转型发展</dt><dd>问句：含大部分词的段落</dd>\n"
            "<dt>region:河南 year:2018..2020 kind:speech</dt>"
            "<dd>地区、年份、类型（也可用上面的筛选框）</dd>\n"
            "</dl>\n</main>\n");
    page_end(rs);
}

