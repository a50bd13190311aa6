/* speech_who.c: who gives a speech, and in what role (see speech_int.h).
 *
 * In order: a speaker line in the head (朝阳市委书记张淑萍); a title naming
 * its speaker (市委书记在…上的讲话, 张三同志在…的讲话); a news heading
 * (楼阳生出席并讲话, with "省委书记楼阳生" elsewhere in the text); "我代表
 * (中共)常州市委…" (that committee's secretary).  The place written before
 * the role is the region the speech states as its own. */
#include "speech_int.h"

#include <stdio.h>
#include <string.h>

#include "base.h"

/* Roles, longest first where one contains another. */
static const char *const ROLES[] = {
    "省委副书记", "省委书记", "常务副省长", "副省长", "省长", "市委副书记", "市委书记",
    "常务副市长", "副市长", "市长", "县委副书记", "县委书记", "常务副县长", "副县长", "县长",
    "区委副书记", "区委书记", "常务副区长", "副区长", "区长", "州委书记", "州长", "盟委书记",
    "盟长", "旗委书记", "旗长", "镇党委书记", "镇长", "乡党委书记", "乡长", "党工委书记",
    "党委书记", "党组书记", "人大常委会主任", "政协主席", "书记",
    /* the State Council's reports: 国务院总理　李克强, 国务院代总理　李鹏 */
    "副总理", "总理"
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
    "诸战慕危玉银亢嵇公哈湛宾戎勾茅利呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由习";

int ss_common_surname(uint32_t cp)
{
    return cp_in(cp, SURNAMES);
}

const char *sp_role_name(int i)
{
    return ROLES[i];
}

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
 * as in "李 铮"), the first a common surname unless any_surname.  Copies
 * it without blanks into out (16 bytes room) and returns 1. */
static int han_name(const char *s, size_t n, char *out, int any_surname)
{
    size_t i = 0, chars = 0, o = 0;
    while (i < n) {
        uint32_t cp = utf8_next(s, n, &i);
        if (uc_is_blank(cp))
            continue;
        if (!uc_is_han(cp) || chars == 4 || (chars == 0 && !any_surname && !cp_in(cp, SURNAMES)))
            return 0;
        o += utf8_put(cp, out + o);
        chars++;
    }
    out[o] = '\0';
    return chars >= 2;
}

static int is_name(const char *s, size_t n, char *out)
{
    return han_name(s, n, out, 0);
}

int sp_parse_speaker_line(const char *s, size_t n, speaker_line *out)
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
    size_t from = at + len; /* the name after the role */
    if (starts(s + from, e - from, "兼")) {
        /* a second office before the name: 国务院副总理兼国家计划委员会主任　李富春 */
        size_t last = NOT_FOUND;
        for (size_t i = from; i < e;) {
            size_t b = i;
            if (uc_is_blank(utf8_next(s, e, &i)))
                last = b;
        }
        if (last == NOT_FOUND)
            return 0;
        from = last;
    }
    if (e > from && !is_name(s + from, e - from, out->name))
        return 0;
    if (utf8_count(s, at) > 12)
        return 0;
    out->role = (int)which;
    out->place_start = a;
    out->role_at = a + at;
    return 1;
}

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
        if (l == c->tl || sp_is_meta_line(s, n) || !sp_parse_speaker_line(s, n, &sl))
            continue;
        set_who(c, w, sl.role, sl.name, s + sl.place_start, sl.role_at - sl.place_start);
        return 1;
    }
    return 0;
}

static const char *const SPOKEN[] = { "讲话", "致辞", "发言", "演讲", "主旨演讲", "的讲话" };

/* s opens with [name][同志][：]在, or with a name and a colon before a
 * title naming a speech (张三：构建…——在…会议上的讲话), or a name
 * directly before 讲话/致辞… (张三讲话稿): copies the name (maybe empty
 * before 在), returns 1. */
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
        int colon = 0;
        if (chars > 0 && j < n) {
            size_t k = j;
            uint32_t cp = utf8_next(s, n, &k);
            if (cp == 0xFF1A || cp == ':') {
                colon = 1;
                j = k;
            }
        }
        if (starts(s + j, n - j, "在"))
            return 1;
        if (chars > 0 && (colon ? has_any(s + j, n - j, SPOKEN, NELEM(SPOKEN))
                                : starts_any(s + j, n - j, SPOKEN, NELEM(SPOKEN))))
            return 1;
    }
    name[0] = '\0';
    return 0;
}

static int role_of_name(const sctx *c, const char *name);

/* A title that ends with its date and speaker in brackets (政府工作报告
 * （2016年1月17日 项雪龙）, （2019年1月8日郄英才）): copies the name (2-4 Han
 * characters after the date's 日, any surname: the brackets say it is
 * one), returns 1. */
static int bracket_name(const char *s, size_t n, char *name)
{
    size_t open = NOT_FOUND, close = NOT_FOUND, day = NOT_FOUND;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        uint32_t cp = utf8_next(s, n, &i);
        if (cp == 0xFF08 || cp == '(') {
            open = i;
            close = day = NOT_FOUND;
        } else if (open != NOT_FOUND && close == NOT_FOUND) {
            if (cp == 0xFF09 || cp == ')')
                close = j;
            else if (cp == 0x65E5 /* 日 */ && day == NOT_FOUND)
                day = i;
        }
    }
    int dv;
    size_t first = open; /* the date's first digit */
    return open != NOT_FOUND && close != NOT_FOUND && day != NOT_FOUND &&
           is_digit_cp(next_cp(s, close, &first), &dv) &&
           han_name(s + day, close - day, name, 1) && !sp_has_title_kw(name, strlen(name));
}

/* A title naming its speaker: 市委书记在…上的讲话, 张三同志在…的讲话,
 * …工作报告（2016年1月17日 项雪龙）. */
static int from_title(const sctx *c, who *w)
{
    size_t n, b, e, which, len;
    const char *s = ctitle(c, &n);
    if (!s)
        return 0;
    char bracketed[16];
    if (bracket_name(s, n, bracketed)) {
        set_who(c, w, role_of_name(c, bracketed), bracketed, NULL, 0);
        return 1;
    }
    sp_title_bounds(s, n, &b, &e);
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

/* A name at s[0..n) followed by a news verb (出席, 主持…), or by a role
 * (朱明市长作…: the name is 朱明, not 朱明市); its length or 0. */
static size_t news_subject(const char *s, size_t n, char *name)
{
    size_t two = 0, which;
    for (size_t k = 0; k < 2; k++)
        utf8_next(s, n, &two);
    if (is_name(s, two, name) && role_at(s, n, two, &which))
        return two;
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

/* A news heading: [省委书记]楼阳生出席并讲话, 市长项雪龙作政府工作报告; the
 * role written before the name there or elsewhere in the text (省委书记楼阳生). */
static int from_news(const sctx *c, who *w)
{
    for (size_t l = c->a; l < c->h; l++) {
        size_t n, which, len;
        const char *s = cline(c, l, &n, NULL);
        if (!has(s, n, "讲话") && !has(s, n, "致辞") && !has(s, n, "作政府工作报告"))
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

who sp_find_speaker(const sctx *c)
{
    who w = { -1, "", 0 };
    if (!from_speaker_line(c, &w) && !from_title(c, &w) && !from_news(c, &w))
        from_on_behalf(c, &w);
    return w;
}

int ss_in_speaker_name(const char *text, size_t len, const char *speaker, size_t start,
                       size_t end, int longer)
{
    if (!text || !speaker || end > len || start > end)
        return 0;
    const char *name = speaker; /* after the role: the last blank (ASCII or ideographic) */
    for (const char *p = speaker; *p; p++) {
        if (*p == ' ')
            name = p + 1;
        else if (strncmp(p, "\u3000", strlen("\u3000")) == 0)
            name = p + strlen("\u3000");
    }
    size_t n = strlen(name);
    if (n < 2 || n < end - start || (longer && n == end - start))
        return 0;
    /* only a writing of the name that covers [start, end) counts: it begins
     * at most n - (end - start) bytes before start */
    for (size_t at = end >= n ? end - n : 0; at <= start && at + n <= len; at++)
        if (memcmp(text + at, name, n) == 0)
            return 1;
    return 0;
}
