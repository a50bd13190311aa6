/* test_html.c: unit tests for lib/html.c (html.h).
 *
 * Tables of pages and the text, title and spans stripping must give;
 * charset and HTML sniffing; and a page saved in GBK, decoded (decode.h)
 * and stripped, whose spans must still point into the GBK bytes. */
#include "check.h"

#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "decode.h"
#include "html.h"

/* Wraps a UTF-8 string as an identity-mapped text (borrowed, not freed). */
static ss_text as_text(const char *s)
{
    ss_text t;
    ss_text_init(&t);
    t.text = (char *)s;
    t.len = strlen(s);
    return t;
}

typedef struct {
    const char *name, *html, *text, *title; /* title NULL: none expected */
} scase;

static const scase scases[] = {
    { "page",
      "<!DOCTYPE html><html><head><title>标题 &amp; 副题</title>"
      "<style>p{color:red}</style><script>var a='<p>';</script></head>"
      "<body><p>第一段&nbsp;&nbsp;文字</p><!-- 注释 <p>x</p> --><div>第二段<br>换行</div></body></html>",
      "第一段 文字\n第二段\n换行\n", "标题 & 副题" },
    { "entities",
      "a&lt;b&gt;c &quot;q&quot; &apos;x&apos; &mdash;&ndash;&hellip;&ldquo;引&rdquo;"
      "&lsquo;单&rsquo;&middot;&copy; &#20013;&#x4e2d;&#X4E2D; &unknown; & alone &amp",
      "a<b>c \"q\" 'x' —–…“引”‘单’·© 中中中 &unknown; & alone &", NULL },
    { "bad numeric", "&#0;&#xD800;&#x110000;&#;x", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD&#;x", NULL },
    { "whitespace", "  a \t  b\n\n\n c  ", "a b\nc", NULL },
    { "nbsp literal", "a\xC2\xA0\xC2\xA0" "b", "a b", NULL },
    { "doctype pi cdata", "<!DOCTYPE html><?xml-stylesheet x?><![CDATA[ hidden ]]>shown", "shown", NULL },
    { "noscript template", "<noscript>no</noscript><template><p>t</p></template>yes", "yes", NULL },
    { "quoted >", "<a href=\"x>y\" title='a>b'>链接</a>", "链接", NULL },
    { "upper case", "<SCRIPT type=x>alert(1)</SCRIPT ><P>Ok</P>", "Ok\n", NULL },
    { "literal <", "a < b and 1<2", "a < b and 1<2", NULL },
    { "unclosed comment", "text<!-- never closed", "text", NULL },
    { "unclosed script", "text<script>never closed", "text", NULL },
    { "table", "<table><tr><td>甲</td><td>乙</td></tr></table>", "甲\n乙\n", NULL },
    { "inline tags", "中<b>文</b> <i>字</i>", "中文 字", NULL },
    { "headings", "<h1>大标题</h1><h2>小标题</h2>正文", "大标题\n小标题\n正文", NULL },
    /* the title is not page text */
    { "title newlines", "<title>\n  长\n 标题  </title>正文", "正文", "长 标题" },
    { "title RCDATA", "<TITLE>a <b> &lt;c&gt;</TITLE>", "", "a <b> <c>" },
    { "first title", "<title>一</title><svg><title>二</title></svg>", "", "一" },
    { "empty title", "<title> </title>x", "x", "" },
    { "empty", "", "", NULL },
};

static void test_scase(const scase *c)
{
    ss_text in = as_text(c->html), out;
    char *title = (char *)"unset";
    ss_err err;
    ss_code rc = ss_html_strip(&in, &out, &title, &err);
    CHECK_EQ_INT(rc, SS_OK, c->name);
    if (rc != SS_OK)
        return;
    CHECK_EQ_STR(out.text, c->text, c->name);
    CHECK_EQ_INT(out.len, strlen(c->text), c->name);
    if (c->title)
        CHECK_EQ_STR(title, c->title, c->name);
    else
        CHECK(title == NULL, "%s: expected no title, got [%s]", c->name, title ? title : "");
    for (size_t i = 0; i < out.len; i++) /* every span lies inside the page */
        if (out.ostart[i] >= out.oend[i] || out.oend[i] > in.len) {
            CHECK(0, "%s: byte %zu maps to [%u, %u)", c->name, i, out.ostart[i], out.oend[i]);
            break;
        }
    free(title);
    ss_text_free(&out);
}

typedef struct {
    const char *html, *out_piece, *raw_piece; /* first occurrences */
} mcase;

static const mcase mcases[] = {
    { "x&lt;y", "<", "&lt;" },
    { "前&#20013;后", "中", "&#20013;" },
    { "前&#x4e2d;后", "中", "&#x4e2d;" },
    { "a&nbsp;b", " ", "&nbsp;" },
    { "a \t b", " ", " \t " },
    { "<p>段</p>尾", "\n", "</p>" },
    { "甲<br/>乙", "\n", "<br/>" },
    { "<b>粗体</b>", "体", "体" },
    { "&ldquo;引&rdquo;", "”", "&rdquo;" },
    { "<p class=\"x\">段落</p>", "段落", "段落" },
};

static void test_maps(void)
{
    for (size_t i = 0; i < sizeof mcases / sizeof *mcases; i++) {
        const mcase *c = &mcases[i];
        ss_text in = as_text(c->html), out;
        if (ss_html_strip(&in, &out, NULL, NULL) != SS_OK) {
            CHECK(0, "map %s: strip failed", c->html);
            continue;
        }
        const char *o = strstr(out.text, c->out_piece), *r = strstr(c->html, c->raw_piece);
        uint32_t a = 0, b = 0;
        if (o && r) {
            size_t at = (size_t)(o - out.text);
            ss_text_span(&out, at, at + strlen(c->out_piece), &a, &b);
        }
        CHECK(o && r && a == (size_t)(r - c->html) && b == a + strlen(c->raw_piece),
              "map %s: [%s] -> [%u, %u)", c->html, c->out_piece, a, b);
        ss_text_free(&out);
    }
}

typedef struct {
    const char *html;
    const char *charset; /* NULL: none */
} ccase;

static void test_charset(void)
{
    static char far[5000 + 32];
    memset(far, ' ', 5000);
    strcpy(far + 5000, "<meta charset=\"gbk\">");
    const ccase cases[] = {
        { "<html><head><meta charset=\"gbk\"></head>", "gbk" },
        { "<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=gb2312\">", "gb2312" },
        { "<meta http-equiv=content-type content='text/html;charset=big5'>", "big5" },
        { "<meta charset=utf-8 />", "utf-8" },
        { "<meta charset = 'GB18030'>", "GB18030" },
        { "<meta name=\"description\" content=\"x\"><meta charset=\"x-gbk\">", "x-gbk" },
        { "<meta name=\"description\" content=\"charset\">", NULL },
        { "<?xml version=\"1.0\" encoding=\"big5\"?><html>", "big5" },
        { "<p>charset=gbk</p>", NULL },
        { far, NULL },
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char name[32] = "";
        int found = ss_html_charset(cases[i].html, strlen(cases[i].html), name, sizeof name);
        if (cases[i].charset)
            CHECK(found && !strcmp(name, cases[i].charset), "charset %zu: got %d [%s]", i, found, name);
        else
            CHECK(!found, "charset %zu: expected none, got [%s]", i, name);
    }
    char small[4];
    CHECK(!ss_html_charset("<meta charset=\"gb2312\">", 23, small, sizeof small),
          "charset too long for the buffer is not found");
}

static void test_sniff(void)
{
    static const struct {
        const char *raw;
        int html;
    } cases[] = {
        { "<!DOCTYPE html>\n<html>", 1 }, { "  \n<html lang=zh>", 1 }, { "<HTML>", 1 },
        { "<p>段落</p>", 1 },              { "<div class=x>", 1 },      { "\xEF\xBB\xBF<html>", 1 },
        { "<?xml version='1.0'?>\n<html xmlns=x>", 1 }, { "<!-- saved -->\n<head>", 1 },
        { "", 0 },                         { "市委书记讲话 <p>", 0 },   { "<note>xml</note>", 0 },
        { "<pre>x</pre>", 0 },             { "<para>x", 0 },
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        CHECK_EQ_INT(ss_html_sniff(cases[i].raw, strlen(cases[i].raw)), cases[i].html, cases[i].raw);
}

/* Encodes UTF-8 s as enc into out (cap bytes); returns the length or 0. */
static size_t encode(const char *s, const char *enc, char *out, size_t cap)
{
    iconv_t cd = iconv_open(enc, "UTF-8");
    char *ip = (char *)s, *op = out;
    size_t il = strlen(s), ol = cap;
    if (cd == (iconv_t)-1)
        return 0;
    size_t r = iconv(cd, &ip, &il, &op, &ol);
    iconv_close(cd);
    return r == (size_t)-1 ? 0 : (size_t)(op - out);
}

/* Span in raw of the first occurrence of piece (UTF-8) in t: 1 when the
 * raw bytes there are exactly piece encoded as enc. */
static int span_is(const ss_text *t, const char *raw, const char *piece, const char *enc)
{
    char want[64];
    size_t n = encode(piece, enc, want, sizeof want);
    const char *o = strstr(t->text, piece);
    uint32_t a, b;
    if (!n || !o)
        return 0;
    size_t at = (size_t)(o - t->text);
    ss_text_span(t, at, at + strlen(piece), &a, &b);
    return b - a == n && !memcmp(raw + a, want, n);
}

static void test_gbk_page(void)
{
    static const char page[] =
        "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">"
        "<title>市委书记在全市地企合作联席会议上的讲话</title></head><body>"
        "<p>今天这次地企合作会议,是在全市上下坚持&ldquo;四个致力&rdquo;、喜迎党的二十大胜利召开。</p>"
        "<p>主题是“强化开放招商、深化项目合作”&amp;推动&#20013;</p></body></html>";
    char raw[2048], charset[32];
    size_t len = encode(page, "GBK", raw, sizeof raw);
    ss_text dec, out;
    ss_decode_info info;
    char *title = NULL;
    CHECK(len > 0, "GBK page: encode");
    CHECK(ss_html_sniff(raw, len), "GBK page: sniff");
    CHECK(ss_html_charset(raw, len, charset, sizeof charset) && !strcmp(charset, "gb2312"),
          "GBK page: charset");
    if (ss_decode(raw, len, charset, &dec, &info, NULL, NULL, NULL) != SS_OK) {
        CHECK(0, "GBK page: decode");
        return;
    }
    if (ss_html_strip(&dec, &out, &title, NULL) != SS_OK) {
        CHECK(0, "GBK page: strip");
        ss_text_free(&dec);
        return;
    }
    CHECK_EQ_STR(title, "市委书记在全市地企合作联席会议上的讲话", "GBK page: title");
    CHECK_EQ_STR(out.text,
                 "今天这次地企合作会议,是在全市上下坚持“四个致力”、喜迎党的二十大胜利召开。\n"
                 "主题是“强化开放招商、深化项目合作”&推动中\n",
                 "GBK page: text");
    CHECK(span_is(&out, raw, "会议", "GBK"), "GBK page: 会议 maps to its GBK bytes");
    CHECK(span_is(&out, raw, "喜迎党的二十大", "GBK"), "GBK page: 喜迎党的二十大 maps to its GBK bytes");
    const char *amp = strstr(out.text, "&推");
    uint32_t a, b;
    if (amp) {
        ss_text_span(&out, (size_t)(amp - out.text), (size_t)(amp - out.text) + 1, &a, &b);
        CHECK(b - a == 5 && !memcmp(raw + a, "&amp;", 5), "GBK page: & maps to &amp; in raw");
    }
    CHECK(amp != NULL, "GBK page: & present");
    const char *ldq = strstr(out.text, "“四");
    if (ldq) {
        ss_text_span(&out, (size_t)(ldq - out.text), (size_t)(ldq - out.text) + 3, &a, &b);
        CHECK(b - a == 7 && !memcmp(raw + a, "&ldquo;", 7), "GBK page: “ maps to &ldquo; in raw");
    }
    free(title);
    ss_text_free(&out);
    ss_text_free(&dec);
}

static void test_errors(void)
{
    ss_text in = as_text("x"), out;
    char *title = (char *)"unset";
    ss_err err;
    CHECK_EQ_INT(ss_html_strip(NULL, &out, &title, &err), SS_EINVAL, "NULL in");
    CHECK(title == NULL, "title cleared on error");
    CHECK_EQ_INT(ss_html_strip(&in, NULL, NULL, &err), SS_EINVAL, "NULL out");
}

int main(int argc, char **argv)
{
    (void)argc;
    for (size_t i = 0; i < sizeof scases / sizeof *scases; i++)
        test_scase(&scases[i]);
    test_maps();
    test_charset();
    test_sniff();
    test_gbk_page();
    test_errors();
    return check_report(argv[0]);
}
