/* speech.c: the speeches inside a file and what each says about itself
 * (see speech.h).
 *
 * Why: files from the web hold compilations (第一篇:… 第二篇:…), several
 * speeches one after another (a title line, then speaker and date lines),
 * news reports and speeches; search results show each passage's speech
 * title, date, speaker, kind and region, and region filters need the
 * places a speech names.
 *
 * How:
 *  1. Lines.  The text is cut into lines; when it is in traditional script
 *     (a handful of common traditional-only characters occur) each line is
 *     converted with OpenCC t2s, line by line, so that all keyword matching
 *     below is on simplified text while byte spans stay in the original.
 *  2. Splitting, at line starts: compilation markers (第一篇, 第1篇, 【第二篇】)
 *     and a title line (…讲话/致辞/报告…) followed by a speaker line
 *     (朝阳市委书记张淑萍) or a date line ((2022年2月7日)).  Speeches are
 *     contiguous: the first starts at byte 0, each ends where the next
 *     starts, the last at the end of the text.  A short preamble before the
 *     first marker belongs to the first speech.
 *  3. Metadata from the speech's head (its first short lines) and body:
 *     title (marker and 原标题 prefixes and [精选]-style tags removed;
 *     a site banner skipped for a line with 讲话/报告/汇编…), date (date
 *     line, then a year or month in the title or head, refined by
 *     "2019年元旦"; else "2018年是…之年"), publication date (更新时间/
 *     发布时间), speaker and role (speaker line, "市委书记在…上的讲话",
 *     "楼阳生出席并讲话" with "省委书记楼阳生" in the text, "我代表中共常州市委"),
 *     kind, places (gazetteer scan) and own region (stated with the role,
 *     else the dominant province/city of the places named, heading lines
 *     weighing three times, no finer than the speech's 全省/全市/全县).
 *
 * Ownership: every string and array in an ss_speech is malloc'd and freed
 * by ss_speeches_free; nothing else outlives a call.  No global state. */
#include "speech.h"

#include <opencc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strbuf.h"
#include "utf8.h"

#define TITLE_MAX_CHARS 80
#define HEAD_MAX_LINES 8
#define HEAD_LINE_CHARS 60
#define PREAMBLE_MAX_CHARS 200
#define NOT_FOUND ((size_t)-1)
#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* ---- small string helpers ---- */

static size_t find(const char *s, size_t n, const char *kw)
{
    size_t k = strlen(kw);
    for (size_t i = 0; k && i + k <= n; i++)
        if (s[i] == kw[0] && memcmp(s + i, kw, k) == 0)
            return i;
    return NOT_FOUND;
}

static int has(const char *s, size_t n, const char *kw)
{
    return find(s, n, kw) != NOT_FOUND;
}

static int has_any(const char *s, size_t n, const char *const *kws, size_t count)
{
    for (size_t i = 0; i < count; i++)
        if (has(s, n, kws[i]))
            return 1;
    return 0;
}

static int starts(const char *s, size_t n, const char *kw)
{
    size_t k = strlen(kw);
    return n >= k && memcmp(s, kw, k) == 0;
}

static int ends(const char *s, size_t n, const char *kw)
{
    size_t k = strlen(kw);
    return n >= k && memcmp(s + n - k, kw, k) == 0;
}

static char *dup_range(const char *s, size_t n)
{
    char *p = malloc(n + 1);
    if (p) {
        memcpy(p, s, n);
        p[n] = '\0';
    }
    return p;
}

/* Code point at s[*i] and advance; 0 at the end. */
static uint32_t next_cp(const char *s, size_t n, size_t *i)
{
    return *i < n ? utf8_next(s, n, i) : 0;
}

static int is_digit_cp(uint32_t cp, int *v)
{
    if (cp >= '0' && cp <= '9')
        *v = (int)(cp - '0');
    else if (cp >= 0xFF10 && cp <= 0xFF19)
        *v = (int)(cp - 0xFF10);
    else
        return 0;
    return 1;
}

static int is_sentence_punct(uint32_t cp)
{
    return uc_is_sentence_end(cp) || cp == 0xFF1A || cp == ':' || cp == 0xFF0C || cp == ',';
}

/* ---- the document: lines, original and simplified ---- */

typedef struct {
    size_t raw;    /* start of the line in the original text */
    size_t os, oe; /* trimmed line, original text */
    size_t ss, se; /* trimmed line, simplified text */
} line;

typedef struct {
    const char *orig;
    size_t olen;
    const char *simp; /* orig itself, or owned */
    size_t slen;
    char *owned;
    line *ln; /* non-blank lines */
    size_t n;
} doc;

/* Common characters that exist only in traditional script. */
static const char TRAD_CHARS[] =
    "這們個來說時為國會對發經濟動資產業項設議講話長書記縣區與從過還進開關讓實現當點應問題於機構務農"
    "後學體總眾專責東車門見頁風馬齊龍萬醫價單質辦積據權歷歸廣場環邊導領層屬報紀統織組習鄉鎮幹隊勞勢"
    "選舉運輸銀鐵線網綠顯響類樂標樣機檢氣漢潔灣爭畫盡監確穩種稅簡糧紅級約紙細結給絕維編繼聯職聽臺華"
    "葉處蘇補裝製觀覺計認討訓許評試誠誤調請論證識護讀變財貨購費賽軍連遠遺鄭釋針鐘鋼錄間際陳隨險雜離"
    "難電靜頭願飯養驗鬥麥黃黨";

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

/* Is text in traditional script (at least 3 traditional-only characters)? */
static int looks_traditional(const char *t, size_t n)
{
    uint32_t set[sizeof TRAD_CHARS / 3 + 1];
    size_t k = 0, i = 0;
    while (i < sizeof TRAD_CHARS - 1 && k < NELEM(set))
        set[k++] = utf8_next(TRAD_CHARS, sizeof TRAD_CHARS - 1, &i);
    qsort(set, k, sizeof set[0], cmp_u32);
    int hits = 0;
    for (i = 0; i < n && hits < 3;) {
        if ((unsigned char)t[i] < 0x80) {
            i++;
            continue;
        }
        uint32_t cp = utf8_next(t, n, &i);
        hits += bsearch(&cp, set, k, sizeof set[0], cmp_u32) != NULL;
    }
    return hits >= 3;
}

static int add_line(doc *d, size_t *cap, const line *l)
{
    if (d->n == *cap) {
        size_t nc = *cap ? *cap * 2 : 64;
        line *nl = realloc(d->ln, nc * sizeof *nl);
        if (!nl)
            return -1;
        d->ln = nl;
        *cap = nc;
    }
    d->ln[d->n++] = *l;
    return 0;
}

/* t2s character by character: the distinct Han characters of the text go
 * through OpenCC in one call, one a line (so no phrase spans two), and the
 * text is mapped through the result.  That is 7x cheaper than converting
 * the text (77 KB: 2 ms, not 16 ms), keeps every line's character count,
 * and is enough for keywords and place names.  A character that t2s turns
 * into anything but one character stays as it is. */
typedef struct {
    uint32_t *from, *to; /* open addressing, from == 0 empty */
    size_t mask, n;
} charmap;

static size_t cm_slot(const charmap *m, uint32_t cp)
{
    size_t i = (cp * 2654435761u) & m->mask;
    while (m->from[i] && m->from[i] != cp)
        i = (i + 1) & m->mask;
    return i;
}

static int cm_init(charmap *m, size_t cap)
{
    m->mask = cap - 1;
    m->n = 0;
    m->from = calloc(cap, sizeof *m->from);
    m->to = calloc(cap, sizeof *m->to);
    return m->from && m->to ? 0 : -1;
}

static void cm_free(charmap *m)
{
    free(m->from);
    free(m->to);
}

static int cm_add(charmap *m, uint32_t cp)
{
    if (2 * (m->n + 1) > m->mask + 1) {
        charmap big;
        if (cm_init(&big, 2 * (m->mask + 1)) < 0) {
            cm_free(&big);
            return -1;
        }
        for (size_t i = 0; i <= m->mask; i++)
            if (m->from[i]) {
                size_t k = cm_slot(&big, m->from[i]);
                big.from[k] = m->from[i];
                big.to[k] = m->to[i];
            }
        big.n = m->n;
        cm_free(m);
        *m = big;
    }
    size_t i = cm_slot(m, cp);
    if (!m->from[i]) {
        m->from[i] = m->to[i] = cp;
        m->n++;
    }
    return 0;
}

static uint32_t cm_map(const charmap *m, uint32_t cp)
{
    size_t i = cm_slot(m, cp);
    return m->from[i] ? m->to[i] : cp;
}

/* Reads OpenCC's answer (one converted character a line) into m->to. */
static void cm_read(charmap *m, const char *out)
{
    const char *p = out;
    for (size_t i = 0; i <= m->mask && *p; i++) {
        if (!m->from[i])
            continue;
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p), k = 0;
        uint32_t cp = n ? utf8_next(p, n, &k) : 0;
        if (k == n && cp && cp != 0xFFFD)
            m->to[i] = cp;
        p = nl ? nl + 1 : p + n;
    }
}

/* The t2s map of the Han characters of t[0..n). */
static int cm_build(charmap *m, opencc_t cc, const char *t, size_t n)
{
    if (cm_init(m, 1024) < 0)
        return -1;
    for (size_t i = 0; i < n;) {
        uint32_t cp = utf8_next(t, n, &i);
        if (uc_is_han(cp) && cm_add(m, cp) < 0)
            return -1;
    }
    strbuf in = STRBUF_INIT;
    for (size_t i = 0; i <= m->mask; i++) {
        char buf[5];
        size_t k = m->from[i] ? utf8_put(m->from[i], buf) : 0;
        buf[k] = '\n';
        if (k && sb_add(&in, buf, k + 1) < 0) {
            sb_free(&in);
            return -1;
        }
    }
    char *out = in.len ? opencc_convert_utf8(cc, in.buf, in.len) : NULL;
    if (out) {
        cm_read(m, out);
        opencc_convert_utf8_free(out);
    }
    sb_free(&in);
    return 0;
}

/* Appends s[0..n) mapped through m to sb. */
static int map_into(const charmap *m, const char *s, size_t n, strbuf *sb)
{
    for (size_t i = 0; i < n;) {
        size_t j = i;
        uint32_t cp = utf8_next(s, n, &j);
        char buf[4];
        int same = !uc_is_han(cp);
        if (same ? sb_add(sb, s + i, j - i) : sb_add(sb, buf, utf8_put(cm_map(m, cp), buf)))
            return -1;
        i = j;
    }
    return 0;
}

/* Cuts the text into lines; with m, fills a simplified copy line by line. */
static int build_lines(doc *d, const charmap *m, strbuf *sb)
{
    size_t cap = 0, i = 0;
    while (i < d->olen) {
        const char *nl = memchr(d->orig + i, '\n', d->olen - i);
        size_t le = nl ? (size_t)(nl - d->orig) : d->olen;
        line l = { i, i, le, 0, 0 };
        utf8_trim(d->orig, &l.os, &l.oe);
        l.ss = l.os;
        l.se = l.oe;
        if (m) {
            l.ss = sb->len;
            if (map_into(m, d->orig + l.os, l.oe - l.os, sb) < 0 || sb_addc(sb, '\n') < 0)
                return -1;
            l.se = sb->len - 1;
        }
        if (l.oe > l.os && add_line(d, &cap, &l) < 0)
            return -1;
        i = nl ? le + 1 : d->olen;
    }
    return 0;
}

static void doc_free(doc *d)
{
    free(d->owned);
    free(d->ln);
}

/* Lines of text; when it is in traditional script, a simplified copy. */
static ss_code doc_build(doc *d, const char *text, size_t len, ss_err *err)
{
    memset(d, 0, sizeof *d);
    d->orig = d->simp = text;
    d->olen = d->slen = len;
    int trad = looks_traditional(text, len), rc = 0;
    opencc_t cc = trad ? opencc_open("t2s.json") : (opencc_t)-1;
    charmap m = { NULL, NULL, 0, 0 };
    strbuf sb = STRBUF_INIT;
    if (cc != (opencc_t)-1) {
        rc = cm_build(&m, cc, text, len);
        opencc_close(cc);
    }
    if (rc == 0)
        rc = build_lines(d, cc != (opencc_t)-1 ? &m : NULL, &sb);
    cm_free(&m);
    if (rc < 0) {
        sb_free(&sb);
        doc_free(d);
        return ss_seterr(err, SS_ENOMEM, "out of memory splitting speeches");
    }
    if (sb.buf) {
        d->owned = sb_detach(&sb, &d->slen);
        d->simp = d->owned;
    }
    return SS_OK;
}

static const char *ltext(const doc *d, size_t i, size_t *n)
{
    *n = d->ln[i].se - d->ln[i].ss;
    return d->simp + d->ln[i].ss;
}

static size_t lchars(const doc *d, size_t i)
{
    size_t n;
    const char *s = ltext(d, i, &n);
    return utf8_count(s, n);
}

/* ---- characters and keywords ---- */

/* Is cp one of the characters of list (UTF-8)? */
static int cp_in(uint32_t cp, const char *list)
{
    size_t n = strlen(list), i = 0;
    while (cp && i < n)
        if (utf8_next(list, n, &i) == cp)
            return 1;
    return 0;
}

static int is_numeral(uint32_t cp)
{
    int v;
    return is_digit_cp(cp, &v) || cp_in(cp, "一二三四五六七八九十百零〇两");
}

#define SEPARATORS ":：、.．,，;； \t\xe3\x80\x80-—"
#define OPENERS "【[（(〔《"
#define CLOSERS "】]）)〕》"

static const char *const TITLE_KW[] = { "讲话", "致辞", "发言", "报告", "讲稿", "演讲",
                                        "汇报", "主持词", "汇编", "述职" };
static const char *const SPEECH_KW[] = { "讲话", "致辞", "发言", "讲稿", "演讲", "主持词" };
static const char *const REPORT_KW[] = { "报告", "汇报", "述职" };
static const char *const NEWS_KW[] = { "记者", "通讯员", "日报", "晚报", "新闻网", "本报讯",
                                       "新华社", "电讯" };
static const char *const FORMAL_TITLE[] = { "的讲话", "的致辞", "的发言", "的报告", "工作报告",
                                            "讲话稿", "讲话材料" };
static const char *const BODY_OPENERS[] = { "同志们", "各位", "尊敬的", "女士们", "大家好" };
static const char *const PUBDATE_KW[] = { "更新时间", "发布时间", "发布日期", "发表时间",
                                          "发稿时间", "日期" };

/* Roles, longest first where one contains another. */
static const char *const ROLES[] = {
    "省委副书记", "省委书记", "常务副省长", "副省长", "省长", "市委副书记", "市委书记",
    "常务副市长", "副市长", "市长", "县委副书记", "县委书记", "常务副县长", "副县长", "县长",
    "区委副书记", "区委书记", "常务副区长", "副区长", "区长", "州委书记", "州长", "盟委书记",
    "盟长", "旗委书记", "旗长", "镇党委书记", "镇长", "乡党委书记", "乡长", "党工委书记",
    "党委书记", "党组书记", "人大常委会主任", "政协主席", "书记"
};

/* Common single-character surnames (the first character of a name). */
static const char SURNAMES[] =
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝"
    "龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞"
    "左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕"
    "屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧"
    "闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥"
    "南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝郜阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国"
    "狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊乌母裘亓修邰赫杭况那宿鲜印逯隆茹"
    "诸战慕危玉银亢嵇公哈湛宾戎勾茅利呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由";

/* Role matching at byte i of s, longest first; its length or 0. */
static size_t role_at(const char *s, size_t n, size_t i, size_t *which)
{
    for (size_t r = 0; r < NELEM(ROLES); r++)
        if (starts(s + i, n - i, ROLES[r])) {
            *which = r;
            return strlen(ROLES[r]);
        }
    return 0;
}

/* First role in s[from..n): its offset (NOT_FOUND if none), index, length. */
static size_t find_role(const char *s, size_t n, size_t from, size_t *which, size_t *len)
{
    for (size_t i = from; i < n; i++)
        if ((*len = role_at(s, n, i, which)) != 0)
            return i;
    return NOT_FOUND;
}

/* A person's name in s[0..n): 2-4 Han characters (blanks inside allowed,
 * as in "李 铮"), the first a common surname.  Copies it without blanks
 * into out (16 bytes room) and returns 1. */
static int is_name(const char *s, size_t n, char *out)
{
    size_t i = 0, chars = 0, o = 0;
    while (i < n) {
        uint32_t cp = utf8_next(s, n, &i);
        if (uc_is_blank(cp))
            continue;
        if (!uc_is_han(cp) || chars == 4 || (chars == 0 && !cp_in(cp, SURNAMES)))
            return 0;
        o += utf8_put(cp, out + o);
        chars++;
    }
    out[o] = '\0';
    return chars >= 2;
}

/* ---- dates ---- */

typedef struct {
    int y, m, d; /* m, d are 0 when unknown */
} ymd;

static int precision(const ymd *x)
{
    return !x->y ? 0 : !x->m ? 1 : !x->d ? 2 : 3;
}

/* Reads up to max digits at s[*i] into *v; returns how many. */
static int read_num(const char *s, size_t n, size_t *i, int max, int *v)
{
    int k = 0;
    *v = 0;
    while (k < max) {
        size_t j = *i;
        int dv;
        if (!is_digit_cp(next_cp(s, n, &j), &dv))
            break;
        *v = *v * 10 + dv;
        *i = j;
        k++;
    }
    return k;
}

/* "M月[D日]" at s[*i] into r (advancing *i) */
static void month_day_cn(const char *s, size_t n, size_t *i, ymd *r)
{
    int m, d;
    size_t j = *i;
    if (!read_num(s, n, &j, 2, &m) || m < 1 || m > 12 || next_cp(s, n, &j) != 0x6708 /* 月 */)
        return;
    r->m = m;
    *i = j;
    if (read_num(s, n, &j, 2, &d) && d >= 1 && d <= 31) {
        uint32_t cp = next_cp(s, n, &j);
        if (cp == 0x65E5 /* 日 */ || cp == 0x53F7 /* 号 */) {
            r->d = d;
            *i = j;
        }
    }
}

/* "-M[-D]" (sep given) at s[*i] into r; 0 if no month follows. */
static int month_day_sep(const char *s, size_t n, size_t *i, uint32_t sep, ymd *r)
{
    int m, d;
    size_t j = *i;
    if (!read_num(s, n, &j, 2, &m) || m < 1 || m > 12)
        return 0;
    r->m = m;
    *i = j;
    if (next_cp(s, n, &j) == sep && read_num(s, n, &j, 2, &d) && d >= 1 && d <= 31) {
        r->d = d;
        *i = j;
    }
    return 1;
}

/* Characters after a bare 4-digit number that make it a quantity. */
#define QUANTITY_UNITS "亿万千百个元多余人家项吨亩米字分次页篇号平公条座所名户%％.期届"

/* A date at s[i]: YYYY年[M月[D日]], YYYY-M[-D] (also . and /), or with
 * bare_ok a bare YYYY not followed by a unit.  Years 1949-2100. */
static int parse_date(const char *s, size_t n, size_t i, int bare_ok, ymd *out, size_t *end)
{
    int y;
    size_t j = i;
    if (read_num(s, n, &j, 5, &y) != 4 || y < 1949 || y > 2100)
        return 0;
    ymd r = { y, 0, 0 };
    size_t k = j;
    uint32_t cp = next_cp(s, n, &k);
    if (cp == 0x5E74 /* 年 */) {
        j = k;
        month_day_cn(s, n, &j, &r);
    } else if (cp == '-' || cp == '.' || cp == '/') {
        if (!month_day_sep(s, n, &k, cp, &r))
            return 0;
        j = k;
    } else if (!bare_ok || cp_in(cp, QUANTITY_UNITS) || cp_in(cp, "年月日")) {
        return 0;
    }
    *out = r;
    *end = j;
    return 1;
}

/* First date in s[0..n) (see parse_date); 1 if found. */
static int find_date(const char *s, size_t n, int bare_ok, ymd *out, size_t *at)
{
    int prev_digit = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        int v;
        uint32_t cp = utf8_next(s, n, &j);
        int digit = is_digit_cp(cp, &v);
        size_t end;
        if (digit && !prev_digit && parse_date(s, n, i, bare_ok, out, &end)) {
            if (at)
                *at = i;
            return 1;
        }
        prev_digit = digit || cp == '.' || cp == ':' || cp == '/';
        i = j;
    }
    return 0;
}

/* YYYY, YYYY-MM or YYYY-MM-DD into buf (16 bytes); "" if no date. */
static const char *format_date(const ymd *x, char *buf)
{
    buf[0] = '\0';
    if (precision(x) == 3)
        snprintf(buf, 16, "%04d-%02d-%02d", x->y, x->m, x->d);
    else if (precision(x) == 2)
        snprintf(buf, 16, "%04d-%02d", x->y, x->m);
    else if (precision(x) == 1)
        snprintf(buf, 16, "%04d", x->y);
    return buf;
}

/* Keeps the more precise of *cur and cand when they agree. */
static void refine(ymd *cur, const ymd *cand)
{
    if (!cur->y) {
        *cur = *cand;
        return;
    }
    if (cand->y != cur->y || (cur->m && cand->m != cur->m) || precision(cand) <= precision(cur))
        return;
    *cur = *cand;
}

/* Is the line only a date, maybe in brackets or after dashes? */
static int is_date_line(const char *s, size_t n, ymd *out)
{
    size_t a = 0, b = n, i = 0, end;
    while (a < b) {
        i = a;
        uint32_t cp = utf8_next(s, b, &i);
        if (!cp_in(cp, OPENERS "—-") && !uc_is_blank(cp))
            break;
        a = i;
    }
    while (b > a) {
        size_t k = b - 1;
        while (k > a && ((unsigned char)s[k] & 0xC0) == 0x80)
            k--;
        i = k;
        uint32_t cp = utf8_next(s, b, &i);
        if (!cp_in(cp, CLOSERS) && !uc_is_blank(cp))
            break;
        b = k;
    }
    return b > a && parse_date(s, b, a, 0, out, &end) && precision(out) == 3 && end == b;
}

/* ---- line classes ---- */

/* 第一篇 / 第1篇 / 【第二篇】 opening a line: the offset of the text after
 * it and its separators, or NOT_FOUND. */
static size_t marker_end(const char *s, size_t n)
{
    size_t i = 0, j = 0, digits = 0;
    uint32_t cp = next_cp(s, n, &j);
    if (cp_in(cp, OPENERS)) {
        i = j;
        cp = next_cp(s, n, &j);
    }
    if (cp != 0x7B2C /* 第 */)
        return NOT_FOUND;
    for (i = j; is_numeral(cp = next_cp(s, n, &j)); i = j)
        digits++;
    if (!digits || digits > 4 || cp != 0x7BC7 /* 篇 */)
        return NOT_FOUND;
    i = j;
    cp = next_cp(s, n, &j);
    int closed = cp_in(cp, CLOSERS);
    if (closed) {
        i = j;
        cp = next_cp(s, n, &j);
    }
    if (cp && !closed && !cp_in(cp, SEPARATORS))
        return NOT_FOUND;
    while (cp && cp_in(cp, SEPARATORS)) {
        i = j;
        cp = next_cp(s, n, &j);
    }
    return cp ? i : n;
}

static uint32_t last_cp(const char *s, size_t n)
{
    size_t k = n;
    while (k > 0 && ((unsigned char)s[k - 1] & 0xC0) == 0x80)
        k--;
    if (k == 0)
        return 0;
    k--;
    return utf8_next(s, n, &k);
}

/* 一、 (一) 1、 1. opening a section heading. */
static int is_enumerated(const char *s, size_t n)
{
    size_t i = 0, digits = 0;
    uint32_t cp = next_cp(s, n, &i);
    int paren = cp_in(cp, "(（");
    if (paren)
        cp = next_cp(s, n, &i);
    for (; is_numeral(cp) && digits < 4; digits++)
        cp = next_cp(s, n, &i);
    return digits && digits < 4 && cp_in(cp, paren ? ")）" : "、.．");
}

static int is_head_line(const doc *d, size_t l)
{
    size_t n;
    const char *s = ltext(d, l, &n);
    if (marker_end(s, n) != NOT_FOUND)
        return 1;
    uint32_t last = last_cp(s, n);
    return utf8_count(s, n) <= HEAD_LINE_CHARS && !is_sentence_punct(last) &&
           last != 0xFF01 && last != '!' && !is_enumerated(s, n) &&
           !has_any(s, n, BODY_OPENERS, NELEM(BODY_OPENERS));
}

/* End of the head (the short lines opening a speech) of lines [a, b). */
static size_t head_end(const doc *d, size_t a, size_t b)
{
    size_t h = a;
    while (h < b && h - a < HEAD_MAX_LINES && is_head_line(d, h))
        h++;
    return h;
}

static int is_pubdate_line(const char *s, size_t n)
{
    return has_any(s, n, PUBDATE_KW, NELEM(PUBDATE_KW));
}

/* A byline or news heading (河南日报记者 李铮, 楼阳生出席并讲话), not a
 * formal title that happens to name the press (在记者节座谈会上的讲话). */
static int is_news_line(const char *s, size_t n)
{
    return (has_any(s, n, NEWS_KW, NELEM(NEWS_KW)) || has(s, n, "出席")) &&
           !has_any(s, n, FORMAL_TITLE, NELEM(FORMAL_TITLE));
}

/* A speaker line: [place] role [name] or a bare name, short, no sentence
 * punctuation.  Fills role (ROLES index or -1) and name. */
typedef struct {
    int role;           /* ROLES index, -1 none */
    size_t place_start; /* the words before the role (a place, 中共…) */
    size_t role_at;     /* offset of the role in the line */
    char name[16];
} speaker_line;

static int parse_speaker_line(const char *s, size_t n, speaker_line *out)
{
    size_t a = 0, i = 0;
    while (a < n && cp_in(next_cp(s, n, &i), "—-－ ")) /* leading dashes */
        a = i;
    s += a;
    n -= a;
    if (n == 0 || utf8_count(s, n) > 30)
        return 0;
    for (i = 0; i < n;)
        if (is_sentence_punct(utf8_next(s, n, &i)))
            return 0;
    size_t which, len, at = find_role(s, n, 0, &which, &len);
    out->role = -1;
    out->name[0] = '\0';
    size_t e = n - (ends(s, n, "同志") ? strlen("同志") : 0);
    if (at == NOT_FOUND)
        return is_name(s, e, out->name);
    if (e > at + len && !is_name(s + at + len, e - at - len, out->name))
        return 0;
    if (utf8_count(s, at) > 12)
        return 0;
    out->role = (int)which;
    out->place_start = a;
    out->role_at = a + at;
    return 1;
}

static int is_title_line(const char *s, size_t n)
{
    size_t chars = utf8_count(s, n);
    return chars >= 4 && chars <= HEAD_LINE_CHARS && has_any(s, n, TITLE_KW, NELEM(TITLE_KW)) &&
           !is_enumerated(s, n) && !is_sentence_punct(last_cp(s, n)) && !is_news_line(s, n);
}

/* ---- splitting ---- */

/* Does line l open a new speech: a title line, then a speaker or date
 * line, with a role or a date among the next two lines? */
static int opens_speech(const doc *d, size_t l)
{
    size_t n;
    const char *s = ltext(d, l, &n);
    if (!is_title_line(s, n))
        return 0;
    int strong = 0, lines = 0;
    for (size_t k = l + 1; k < d->n && k <= l + 2; k++, lines++) {
        size_t m;
        const char *t = ltext(d, k, &m);
        speaker_line sl;
        ymd y;
        if (is_date_line(t, m, &y))
            strong = 1;
        else if (parse_speaker_line(t, m, &sl))
            strong |= sl.role >= 0;
        else
            break;
    }
    return lines > 0 && strong;
}

typedef struct {
    size_t *v; /* head line of each speech */
    size_t n, cap;
} heads;

static int push_head(heads *h, size_t l)
{
    if (h->n == h->cap) {
        size_t nc = h->cap ? h->cap * 2 : 8;
        size_t *nv = realloc(h->v, nc * sizeof *nv);
        if (!nv)
            return -1;
        h->v = nv;
        h->cap = nc;
    }
    h->v[h->n++] = l;
    return 0;
}

static size_t chars_between(const doc *d, size_t a, size_t b)
{
    size_t c = 0;
    for (size_t l = a; l < b; l++)
        c += lchars(d, l);
    return c;
}

/* Head lines of the speeches, in order.  Speech 0 always spans from byte
 * 0: a short preamble before the first head joins it. */
static int find_heads(const doc *d, heads *h)
{
    for (size_t l = 0; l < d->n; l++) {
        size_t n;
        const char *s = ltext(d, l, &n);
        int inside_head = h->n && l < h->v[h->n - 1] + 3;
        if (marker_end(s, n) != NOT_FOUND || (!inside_head && opens_speech(d, l)))
            if (push_head(h, l) < 0)
                return -1;
    }
    if (h->n && h->v[0] > 0 && chars_between(d, 0, h->v[0]) > PREAMBLE_MAX_CHARS) {
        if (push_head(h, 0) < 0)
            return -1;
        memmove(h->v + 1, h->v, (h->n - 1) * sizeof *h->v);
        h->v[0] = 0;
    }
    return h->n || d->n == 0 ? 0 : push_head(h, 0);
}

/* ---- per-speech context ---- */

typedef struct {
    size_t start, end; /* in the speech's simplified text */
    uint32_t id;
} hit;

typedef struct {
    const doc *d;
    const ss_gazetteer *g;
    size_t a, b, h, tl; /* lines [a, b), head [a, h), title line (NOT_FOUND) */
    const char *t;      /* simplified text of lines [a, b) */
    size_t tn, base;    /* its length; its offset in d->simp */
    hit *hits;
    size_t nhits, caphits;
    int oom;         /* add_hit ran out of memory */
    uint32_t stated; /* region stated with the role */
} sctx;

/* Line l of the speech, offsets relative to c->t. */
static const char *cline(const sctx *c, size_t l, size_t *n, size_t *off)
{
    const char *s = ltext(c->d, l, n);
    if (off)
        *off = c->d->ln[l].ss - c->base;
    return s;
}

/* ---- title ---- */

/* Site navigation: 首页 > 领导讲话 > 正文, 当前位置：… */
static int is_breadcrumb_line(const char *s, size_t n)
{
    static const char *const lead[] = { "当前位置", "您的位置", "您现在的位置", "首页" };
    size_t i = 0, seps = 0;
    while (i < n) {
        uint32_t cp = next_cp(s, n, &i);
        seps += cp == '>' || cp == 0xFF1E || cp == 0xBB || cp == 0x203A || cp == 0x2192;
    }
    for (size_t k = 0; k < NELEM(lead); k++)
        if (starts(s, n, lead[k]))
            return seps >= 1 || k < 3;
    return seps >= 2;
}

static size_t pick_title_line(const doc *d, size_t a, size_t h)
{
    if (h == a)
        return NOT_FOUND;
    for (size_t l = a; l < h; l++) {
        size_t n;
        const char *s = ltext(d, l, &n);
        if (starts(s, n, "原标题"))
            return l;
    }
    size_t n;
    const char *s = ltext(d, a, &n);
    ymd y;
    /* a page's breadcrumb or date line is no title: the caller's (a web
     * page's <title>) is better */
    if (is_breadcrumb_line(s, n) || is_date_line(s, n, &y) || is_pubdate_line(s, n))
        return NOT_FOUND;
    size_t m = marker_end(s, n);
    if (m != NOT_FOUND)
        return (m < n || a + 1 >= h) ? a : a + 1;
    if (has_any(s, n, TITLE_KW, NELEM(TITLE_KW)))
        return a;
    for (size_t l = a + 1; l < h && l <= a + 2; l++) {
        speaker_line sl;
        s = ltext(d, l, &n);
        if (is_title_line(s, n) && !is_pubdate_line(s, n) && !parse_speaker_line(s, n, &sl))
            return l;
    }
    return a;
}

/* Strips a [精选] / 【…】 tag (up to 9 characters long) at the end or
 * start of s[*b..*e). */
static int strip_tag(const char *s, size_t *b, size_t *e)
{
    size_t i = *b, n = *e;
    uint32_t first = next_cp(s, n, &i);
    uint32_t last = last_cp(s + *b, *e - *b);
    static const char open[] = "[【", close[] = "]】";
    if (cp_in(last, close)) {
        for (size_t k = *e, chars = 0; k > *b && chars < 10; chars++) {
            do
                k--;
            while (k > *b && ((unsigned char)s[k] & 0xC0) == 0x80);
            size_t j = k;
            if (k > *b && cp_in(utf8_next(s, n, &j), open)) {
                *e = k;
                return 1;
            }
        }
    }
    if (cp_in(first, open)) {
        for (size_t k = i, chars = 0; k < *e && chars < 10; chars++)
            if (cp_in(utf8_next(s, *e, &k), close) && k < *e) {
                *b = k;
                return 1;
            }
    }
    return 0;
}

/* Bounds of the title inside line s[0..n): prefixes and tags removed. */
static void title_bounds(const char *s, size_t n, size_t *b, size_t *e)
{
    *b = 0;
    *e = n;
    size_t m = marker_end(s, n);
    if (m != NOT_FOUND)
        *b = m;
    if (starts(s + *b, n - *b, "原标题")) {
        *b += strlen("原标题");
        size_t j = *b;
        while (cp_in(next_cp(s, n, &j), ":： "))
            *b = j;
    }
    while (strip_tag(s, b, e))
        utf8_trim(s, b, e);
    utf8_trim(s, b, e);
}

/* The title of line l as it reads in the original text. */
static char *title_of_line(const doc *d, size_t l)
{
    const line *x = &d->ln[l];
    const char *ss = d->simp + x->ss, *os = d->orig + x->os;
    size_t sn = x->se - x->ss, on = x->oe - x->os, b, e;
    title_bounds(ss, sn, &b, &e);
    if (utf8_count(ss, sn) != utf8_count(os, on) || e <= b)
        return e > b ? dup_range(ss + b, e - b) : NULL;
    size_t front = utf8_count(ss, b), keep = utf8_count(ss + b, e - b), ob = 0, oe;
    for (size_t k = 0; k < front; k++)
        utf8_next(os, on, &ob);
    oe = ob;
    for (size_t k = 0; k < keep; k++)
        utf8_next(os, on, &oe);
    return dup_range(os + ob, oe - ob);
}

static char *make_title(const sctx *c, const char *fallback)
{
    char *t = NULL;
    if (c->tl != NOT_FOUND && lchars(c->d, c->tl) <= TITLE_MAX_CHARS)
        t = title_of_line(c->d, c->tl);
    return t ? t : strdup(fallback ? fallback : "");
}

/* ---- date and publication date ---- */

static int is_meta_line(const char *s, size_t n)
{
    return is_pubdate_line(s, n) || is_news_line(s, n);
}

/* A date line or a full date on a head line. */
static int head_full_date(const sctx *c, ymd *r)
{
    for (size_t l = c->a; l < c->h; l++) {
        size_t n;
        const char *s = cline(c, l, &n, NULL);
        if (is_meta_line(s, n))
            continue;
        if (is_date_line(s, n, r) || (find_date(s, n, 0, r, NULL) && precision(r) == 3))
            return 1;
    }
    return 0;
}

/* A year or month in the title, else in a short head line ("全县2010"). */
static int head_year(const sctx *c, ymd *r)
{
    if (c->tl != NOT_FOUND) {
        size_t n;
        const char *s = cline(c, c->tl, &n, NULL);
        if (find_date(s, n, 0, r, NULL))
            return 1;
    }
    for (size_t l = c->a; l < c->h; l++) {
        size_t n;
        const char *s = cline(c, l, &n, NULL);
        if (l != c->tl && !is_meta_line(s, n) && find_date(s, n, utf8_count(s, n) <= 16, r, NULL))
            return 1;
    }
    return 0;
}

/* "YYYY" ending right before byte p of s, as a year. */
static int year_before(const char *s, size_t p, int *y)
{
    int v = 0;
    if (p < 4)
        return 0;
    for (size_t k = p - 4; k < p; k++) {
        if (s[k] < '0' || s[k] > '9')
            return 0;
        v = v * 10 + (s[k] - '0');
    }
    if ((p > 4 && s[p - 5] >= '0' && s[p - 5] <= '9') || v < 1949 || v > 2100)
        return 0;
    *y = v;
    return 1;
}

/* "2019年元旦" in the first body line: January of that year. */
static int new_year_day(const sctx *c, ymd *r)
{
    if (c->h >= c->b)
        return 0;
    size_t n;
    const char *s = cline(c, c->h, &n, NULL);
    size_t p = find(s, n, "年元旦");
    int y;
    if (p == NOT_FOUND || !year_before(s, p, &y))
        return 0;
    *r = (ymd){ y, 1, 0 };
    return 1;
}

/* Bytes of s up to the end of its clause (，。；), at most 120. */
static size_t clause_len(const char *s, size_t n)
{
    size_t rest = n < 120 ? n : 120;
    for (size_t i = 0; i < rest;) {
        size_t j = i;
        uint32_t cp = utf8_next(s, rest, &j);
        if (cp == 0x3002 || cp == 0xFF0C || cp == ',' || cp == 0xFF1B || cp == ';')
            return i;
        i = j;
    }
    return rest;
}

/* "2018年是…之年": the year the speech speaks in. */
static int year_of_speech(const sctx *c, ymd *r)
{
    static const char kw[] = "年是";
    for (size_t p = 0; (p = find(c->t + p, c->tn - p, kw)) != NOT_FOUND;) {
        size_t at = p;
        p = at + 1;
        (void)at;
        break;
    }
    size_t off = 0;
    while (off < c->tn) {
        size_t p = find(c->t + off, c->tn - off, kw);
        if (p == NOT_FOUND)
            return 0;
        p += off;
        off = p + sizeof kw - 1;
        int y;
        size_t clause = clause_len(c->t + off, c->tn - off);
        if (year_before(c->t, p, &y) && has(c->t + off, clause, "之年")) {
            *r = (ymd){ y, 0, 0 };
            return 1;
        }
    }
    return 0;
}

static ymd speech_date(const sctx *c)
{
    ymd r = { 0, 0, 0 }, x;
    if (head_full_date(c, &r))
        return r;
    if (head_year(c, &x))
        refine(&r, &x);
    if (new_year_day(c, &x))
        refine(&r, &x);
    if (!r.y && year_of_speech(c, &x))
        r = x;
    return r;
}

/* 更新时间:2023-02 / 发布时间：2021年3月5日 in the first lines. */
static ymd publication_date(const sctx *c)
{
    ymd none = { 0, 0, 0 };
    size_t last = c->h + 2 < c->b ? c->h + 2 : c->b;
    for (size_t l = c->a; l < last; l++) {
        size_t n;
        const char *s = cline(c, l, &n, NULL);
        for (size_t k = 0; k < NELEM(PUBDATE_KW); k++) {
            size_t p = find(s, n, PUBDATE_KW[k]), j, e;
            if (p == NOT_FOUND)
                continue;
            j = p + strlen(PUBDATE_KW[k]);
            for (size_t i = j; cp_in(next_cp(s, n, &i), ":： "); )
                j = i;
            ymd r;
            if (parse_date(s, n, j, 0, &r, &e))
                return r;
        }
    }
    return none;
}

/* ---- speaker and role ---- */

typedef struct {
    int role; /* ROLES index, -1 none */
    char name[16];
    uint32_t place; /* the region stated with the role, 0 none */
} who;

/* Of places ids[0..k), the only one, or the one the speech names. */
static uint32_t pick_known(const sctx *c, const uint32_t *ids, size_t k)
{
    if (k == 1)
        return ids[0];
    for (size_t i = 0; i < k; i++)
        for (size_t j = 0; j < c->nhits; j++)
            if (c->hits[j].id == ids[i])
                return ids[i];
    return 0;
}

/* The place in seg standing before role: 朝阳 + 市委书记 -> 朝阳市. */
static uint32_t place_before_role(const sctx *c, const char *seg, size_t n, const char *role)
{
    if (starts(seg, n, "中共")) {
        seg += strlen("中共");
        n -= strlen("中共");
    }
    char buf[64];
    size_t x = 0;
    utf8_next(role, strlen(role), &x);
    if (!c->g || n == 0 || n + x > sizeof buf)
        return 0;
    memcpy(buf, seg, n);
    memcpy(buf + n, role, x);
    uint32_t ids[8];
    size_t k = ss_gaz_lookup(c->g, buf, n + x, ids, NELEM(ids));
    if (!k)
        k = ss_gaz_lookup(c->g, seg, n, ids, NELEM(ids));
    return pick_known(c, ids, k);
}

static void set_who(const sctx *c, who *w, int role, const char *name, const char *seg,
                    size_t segn)
{
    w->role = role;
    snprintf(w->name, sizeof w->name, "%s", name ? name : "");
    w->place = role >= 0 ? place_before_role(c, seg, segn, ROLES[role]) : 0;
}

/* A speaker line in the head: 朝阳市委书记张淑萍. */
static int from_speaker_line(const sctx *c, who *w)
{
    for (size_t l = c->a; l < c->h; l++) {
        size_t n;
        const char *s = cline(c, l, &n, NULL);
        speaker_line sl;
        if (l == c->tl || is_meta_line(s, n) || !parse_speaker_line(s, n, &sl))
            continue;
        set_who(c, w, sl.role, sl.name, s + sl.place_start, sl.role_at - sl.place_start);
        return 1;
    }
    return 0;
}

/* s opens with [name][同志]在: copies the name (maybe empty), returns 1. */
static int before_zai(const char *s, size_t n, char *name)
{
    size_t cut[5], k = 0, i = 0;
    cut[k++] = 0;
    while (k < NELEM(cut) && i < n) {
        utf8_next(s, n, &i);
        cut[k++] = i;
    }
    for (size_t chars = 0; chars < k; chars++) {
        name[0] = '\0';
        if (chars == 1 || (chars > 0 && !is_name(s, cut[chars], name)))
            continue;
        size_t j = cut[chars];
        if (starts(s + j, n - j, "同志"))
            j += strlen("同志");
        if (starts(s + j, n - j, "在"))
            return 1;
    }
    name[0] = '\0';
    return 0;
}

/* A title naming its speaker: 市委书记在…上的讲话, 张三同志在…的讲话. */
static int from_title(const sctx *c, who *w)
{
    if (c->tl == NOT_FOUND)
        return 0;
    size_t n, b, e, which, len;
    const char *s = cline(c, c->tl, &n, NULL);
    title_bounds(s, n, &b, &e);
    char name[16];
    size_t at = find_role(s, e, b, &which, &len);
    if (at != NOT_FOUND && utf8_count(s + b, at - b) <= 12 &&
        before_zai(s + at + len, e - at - len, name)) {
        set_who(c, w, (int)which, name, s + b, at - b);
        return 1;
    }
    if (at == NOT_FOUND && before_zai(s + b, e - b, name) && name[0]) {
        set_who(c, w, -1, name, NULL, 0);
        return 1;
    }
    return 0;
}

static const char *const NEWS_VERBS[] = { "出席", "主持", "讲话", "发表", "致辞", "在", "作",
                                          "强调", "指出" };

/* The role written right before name somewhere in the speech. */
static int role_of_name(const sctx *c, const char *name)
{
    size_t off = 0, k = strlen(name);
    while (off < c->tn) {
        size_t p = find(c->t + off, c->tn - off, name);
        if (p == NOT_FOUND)
            return -1;
        p += off;
        for (size_t r = 0; r < NELEM(ROLES); r++)
            if (ends(c->t, p, ROLES[r]))
                return (int)r;
        off = p + k;
    }
    return -1;
}

/* A name at s[0..n) followed by a news verb (出席, 主持…); its length or 0. */
static size_t news_subject(const char *s, size_t n, char *name)
{
    for (size_t chars = 3; chars >= 2; chars--) {
        size_t i = 0;
        for (size_t k = 0; k < chars; k++)
            utf8_next(s, n, &i);
        if (is_name(s, i, name) &&
            has_any(s + i, n - i < 6 ? n - i : 6, NEWS_VERBS, NELEM(NEWS_VERBS)))
            return i;
    }
    return 0;
}

/* A news heading: [省委书记]楼阳生出席并讲话; the role written before the
 * name there or elsewhere in the text (省委书记楼阳生). */
static int from_news(const sctx *c, who *w)
{
    for (size_t l = c->a; l < c->h; l++) {
        size_t n, which, len;
        const char *s = cline(c, l, &n, NULL);
        if (!has(s, n, "讲话") && !has(s, n, "致辞"))
            continue;
        len = role_at(s, n, 0, &which);
        char name[16];
        if (news_subject(s + len, n - len, name)) {
            set_who(c, w, len ? (int)which : role_of_name(c, name), name, NULL, 0);
            return 1;
        }
    }
    return 0;
}

/* A party committee named right at byte q: (中共)(常州)市委.  *x gets the
 * offset of its level character (市), *wei that of 委. */
static int committee_at(const sctx *c, size_t q, size_t *x, size_t *wei)
{
    size_t i = q, prev = q;
    for (size_t chars = 0; i < c->tn && chars < 12; chars++) {
        size_t j = i;
        uint32_t cp = utf8_next(c->t, c->tn, &j);
        if (!uc_is_han(cp))
            return 0;
        if (cp == 0x59D4 /* 委 */ && i > q) {
            *x = prev;
            *wei = i;
            return 1;
        }
        prev = i;
        i = j;
    }
    return 0;
}

/* 我代表(中共)(常州)市委…: the secretary of that party committee. */
static int from_on_behalf(const sctx *c, who *w)
{
    static const char kw[] = "我代表";
    size_t off = 0, p, x, wei;
    while (off < c->tn && (p = find(c->t + off, c->tn - off, kw)) != NOT_FOUND) {
        size_t q = off + p + strlen(kw);
        off = q;
        if (!committee_at(c, q, &x, &wei))
            continue;
        char role[32];
        snprintf(role, sizeof role, "%.*s委书记", (int)(wei - x), c->t + x);
        for (size_t r = 0; r < NELEM(ROLES); r++)
            if (strcmp(role, ROLES[r]) == 0) {
                set_who(c, w, (int)r, NULL, c->t + q, x - q);
                return 1;
            }
    }
    return 0;
}

static who find_speaker(const sctx *c)
{
    who w = { -1, "", 0 };
    if (!from_speaker_line(c, &w) && !from_title(c, &w) && !from_news(c, &w))
        from_on_behalf(c, &w);
    return w;
}

/* ---- kind ---- */

static const char *speech_kind(const sctx *c)
{
    const char *kind = NULL;
    for (size_t l = c->a; l < c->h; l++) {
        size_t n;
        const char *s = cline(c, l, &n, NULL);
        if (starts(s, n, "原标题") || is_news_line(s, n))
            return "article";
        int sp = has_any(s, n, SPEECH_KW, NELEM(SPEECH_KW)) || has(s, n, "讲话汇编");
        int rep = has_any(s, n, REPORT_KW, NELEM(REPORT_KW));
        if (l == c->tl && (sp || rep))
            return sp ? "speech" : "report";
        if (!kind && (sp || rep))
            kind = rep ? "report" : "speech";
    }
    if (kind || c->h >= c->b)
        return kind;
    size_t n;
    const char *s = cline(c, c->h, &n, NULL);
    for (size_t k = 0; k < NELEM(BODY_OPENERS); k++)
        if (starts(s, n, BODY_OPENERS[k]))
            return "speech";
    return NULL;
}

/* ---- places and own region ---- */

static int add_hit(void *arg, uint32_t id, size_t start, size_t end)
{
    sctx *c = arg;
    if (c->nhits == c->caphits) {
        size_t nc = c->caphits ? c->caphits * 2 : 32;
        hit *nh = realloc(c->hits, nc * sizeof *nh);
        if (!nh) {
            c->oom = 1;
            return -1;
        }
        c->hits = nh;
        c->caphits = nc;
    }
    c->hits[c->nhits++] = (hit){ start, end, id };
    return 0;
}

static ss_code scan_places(sctx *c, ss_err *err)
{
    if (!c->g || c->tn == 0)
        return SS_OK;
    ss_code rc = ss_gaz_scan(c->g, c->t, c->tn, add_hit, c, err);
    if (rc == SS_OK && c->oom)
        rc = ss_seterr(err, SS_ENOMEM, "out of memory listing places");
    return rc;
}

/* The finest level the speech speaks of itself at: 全省 1, 全市 2, 全县 3. */
static int self_level(const sctx *c)
{
    static const char *const self[3][3] = { { "全省", "我省", "本省" },
                                            { "全市", "我市", "本市" },
                                            { "全县", "我县", "本县" } };
    size_t best = 0;
    int level = SS_GAZ_COUNTY;
    for (int lv = 0; lv < 3; lv++) {
        size_t cnt = 0;
        for (int k = 0; k < 3; k++)
            for (size_t off = 0, p; (p = find(c->t + off, c->tn - off, self[lv][k])) != NOT_FOUND;
                 off += p + 1)
                cnt++;
        if (cnt && cnt >= best) {
            best = cnt;
            level = lv + 1;
        }
    }
    return level;
}

/* Weight of hit k: 3 on a heading line (not a byline or date line), else 1.
 * meta caches is_meta_line of each head line (-1: not known yet), so a
 * long head line (第一篇… on one line) is read once, not once per place. */
static unsigned hit_weight(const sctx *c, size_t k, signed char *meta)
{
    for (size_t l = c->a; l < c->h; l++) {
        size_t n, off;
        const char *s = cline(c, l, &n, &off);
        if (c->hits[k].start >= off && c->hits[k].end <= off + n) {
            signed char *m = &meta[l - c->a];
            if (*m < 0)
                *m = (signed char)is_meta_line(s, n);
            return *m ? 1 : 3;
        }
    }
    return 1;
}

/* Scores of the places named and of their ancestors, in cand (distinct). */
static size_t score_places(const sctx *c, unsigned *score, uint32_t *cand)
{
    signed char meta[HEAD_MAX_LINES];
    memset(meta, -1, sizeof meta);
    size_t nc = 0;
    for (size_t k = 0; k < c->nhits; k++) {
        unsigned w = hit_weight(c, k, meta);
        for (uint32_t a = c->hits[k].id; a; a = ss_gaz_parent(c->g, a)) {
            if (!score[a])
                cand[nc++] = a;
            score[a] += w;
        }
    }
    return nc;
}

/* Of the candidates under parent (0: provinces), the best and the runner-up score. */
static uint32_t best_child(const sctx *c, const unsigned *score, const uint32_t *cand, size_t nc,
                           uint32_t parent, unsigned *second)
{
    uint32_t best = 0;
    *second = 0;
    for (size_t i = 0; i < nc; i++) {
        if (ss_gaz_parent(c->g, cand[i]) != parent)
            continue;
        if (!best || score[cand[i]] > score[best]) {
            if (best)
                *second = score[best];
            best = cand[i];
        } else if (score[cand[i]] > *second) {
            *second = score[cand[i]];
        }
    }
    return best;
}

/* The dominant province, then the city (county) carrying most of its weight. */
static uint32_t dominant_region(const sctx *c, unsigned *score, uint32_t *cand)
{
    size_t nc = score_places(c, score, cand);
    unsigned second;
    uint32_t cur = best_child(c, score, cand, nc, 0, &second);
    if (!cur || score[cur] < 3 || score[cur] < 2 * second)
        return 0;
    int cap = self_level(c);
    for (;;) {
        uint32_t ch = best_child(c, score, cand, nc, cur, &second);
        if (!ch || ss_gaz_level(c->g, ch) > cap || score[ch] < 3 || 5 * score[ch] < 3 * score[cur])
            return cur;
        cur = ch;
    }
}

static ss_code own_region(const sctx *c, uint32_t *out, ss_err *err)
{
    *out = c->stated;
    if (*out || !c->g || !c->nhits)
        return SS_OK;
    size_t n = ss_gaz_count(c->g) + 1;
    unsigned *score = calloc(n, sizeof *score);
    uint32_t *cand = calloc(n, sizeof *cand);
    if (score && cand)
        *out = dominant_region(c, score, cand);
    free(score);
    free(cand);
    return (score && cand) ? SS_OK : ss_seterr(err, SS_ENOMEM, "out of memory finding regions");
}

/* Distinct places in order of first mention. */
static ss_code place_list(const sctx *c, ss_speech *sp, ss_err *err)
{
    if (!c->nhits)
        return SS_OK;
    sp->regions = malloc(c->nhits * sizeof *sp->regions);
    if (!sp->regions)
        return ss_seterr(err, SS_ENOMEM, "out of memory listing places");
    for (size_t k = 0; k < c->nhits; k++) {
        size_t i = 0;
        while (i < sp->nregions && sp->regions[i] != c->hits[k].id)
            i++;
        if (i == sp->nregions)
            sp->regions[sp->nregions++] = c->hits[k].id;
    }
    return SS_OK;
}

/* ---- putting a speech together ---- */

static int set_str(char **dst, const char *s)
{
    if (!s || !*s)
        return 0;
    *dst = strdup(s);
    return *dst ? 0 : -1;
}

/* Title, dates, speaker, role and kind; -1 if out of memory. */
static int set_strings(ss_speech *sp, sctx *c, const char *fallback)
{
    char buf[16];
    ymd date = speech_date(c), pub = publication_date(c);
    who w = find_speaker(c);
    c->stated = w.place;
    sp->title = make_title(c, fallback);
    return (sp->title ? 0 : -1) | set_str(&sp->date, format_date(&date, buf)) |
           set_str(&sp->pubdate, format_date(&pub, buf)) | set_str(&sp->speaker, w.name) |
           set_str(&sp->role, w.role >= 0 ? ROLES[w.role] : NULL) |
           set_str(&sp->kind, speech_kind(c));
}

/* The context of speech i: its lines, head, title line and text. */
static void init_ctx(sctx *c, const doc *d, const ss_gazetteer *g, const heads *h, size_t i)
{
    memset(c, 0, sizeof *c);
    c->d = d;
    c->g = g;
    c->a = h->n ? h->v[i] : 0;
    c->b = i + 1 < h->n ? h->v[i + 1] : d->n;
    c->h = head_end(d, c->a, c->b);
    c->tl = pick_title_line(d, c->a, c->h);
    c->base = c->a < d->n ? d->ln[c->a].ss : d->slen;
    c->t = d->simp + c->base;
    c->tn = (c->b < d->n ? d->ln[c->b].ss : d->slen) - c->base;
}

static ss_code fill_speech(const doc *d, const ss_gazetteer *g, const heads *h, size_t i,
                           const char *fallback, ss_speech *sp, ss_err *err)
{
    sctx c;
    init_ctx(&c, d, g, h, i);
    sp->start = (i == 0 || c.a >= d->n) ? 0 : d->ln[c.a].raw;
    sp->end = c.b < d->n ? d->ln[c.b].raw : d->olen;
    ss_code rc = scan_places(&c, err);
    if (rc == SS_OK && set_strings(sp, &c, fallback) < 0)
        rc = ss_seterr(err, SS_ENOMEM, "out of memory describing a speech");
    if (rc == SS_OK)
        rc = own_region(&c, &sp->region, err);
    if (rc == SS_OK)
        rc = place_list(&c, sp, err);
    free(c.hits);
    return rc;
}

ss_code ss_split_speeches(const char *text, size_t len, const char *fallback_title,
                          const ss_gazetteer *g, ss_speeches *out, ss_err *err)
{
    out->v = NULL;
    out->n = 0;
    doc d;
    ss_code rc = doc_build(&d, text ? text : "", text ? len : 0, err);
    if (rc != SS_OK)
        return rc;
    heads h = { NULL, 0, 0 };
    if (find_heads(&d, &h) < 0 || !(out->v = calloc(h.n ? h.n : 1, sizeof *out->v)))
        rc = ss_seterr(err, SS_ENOMEM, "out of memory splitting speeches");
    for (size_t i = 0; rc == SS_OK && i < (h.n ? h.n : 1); i++) {
        out->n = i + 1; /* counted first: a half-filled speech is freed too */
        rc = fill_speech(&d, g, &h, i, fallback_title, &out->v[i], err);
    }
    if (rc != SS_OK)
        ss_speeches_free(out);
    free(h.v);
    doc_free(&d);
    return rc;
}

void ss_speeches_free(ss_speeches *s)
{
    for (size_t i = 0; s->v && i < s->n; i++) {
        free(s->v[i].title);
        free(s->v[i].date);
        free(s->v[i].pubdate);
        free(s->v[i].speaker);
        free(s->v[i].role);
        free(s->v[i].kind);
        free(s->v[i].regions);
    }
    free(s->v);
    s->v = NULL;
    s->n = 0;
}
