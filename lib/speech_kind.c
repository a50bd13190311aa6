/* speech_kind.c: is a speech a speech, a report or an article (see
 * speech_int.h)?  A news line or 原标题 in the head makes an article; the
 * title line's 讲话/致辞… or 报告/汇报/述职/公报 decide, else the first head line
 * naming either, else a body opening as speeches do (同志们, 各位…). */
#include "speech_int.h"

#include "base.h"

static const char *const SPEECH_KW[] = { "讲话", "致辞", "发言", "讲稿", "演讲", "主持词" };

static const char *const REPORT_KW[] = { "报告", "汇报", "述职" };

const char *sp_speech_kind(const sctx *c)
{
    const char *kind = NULL;
    for (size_t l = c->a; l < c->h; l++) {
        size_t n;
        const char *s = cline(c, l, &n, NULL);
        if (starts(s, n, "原标题") || sp_is_news_line(s, n))
            return "article";
        int sp = has_any(s, n, SPEECH_KW, NELEM(SPEECH_KW)) || has(s, n, "讲话汇编");
        /* a communiqué (统计公报) is a report when its title says so; a head
         * line naming a gazette (…常务委员会公报/2023年/第三号) is not */
        int rep = has_any(s, n, REPORT_KW, NELEM(REPORT_KW)) || (l == c->tl && has(s, n, "公报"));
        if (l == c->tl && (sp || rep))
            return sp ? "speech" : "report";
        if (!kind && (sp || rep))
            kind = rep ? "report" : "speech";
    }
    if (kind || c->h >= c->b)
        return kind;
    size_t n, tn;
    const char *s = cline(c, c->h, &n, NULL);
    if (c->tl == c->h && ctitle(c, &tn)) { /* a long title; 讲话稿（…）：同志们：… */
        int sp = has_any(s, tn, SPEECH_KW, NELEM(SPEECH_KW));
        if (sp || has_any(s, tn, REPORT_KW, NELEM(REPORT_KW)))
            return sp ? "speech" : "report";
        if (tn >= n)
            return NULL;
        size_t i = tn;
        next_cp(s, n, &i); /* the colon */
        s += i;
        n -= i;
    }
    return sp_starts_body(s, n) ? "speech" : NULL;
}
