/* qwords.c: the words of an unquoted query item, and whether the query is
 * a question (see query_int.h).  An item's text is cut into pieces
 * (dictionary words, ASCII tokens); a question drops its function words and,
 * when it has content words, the words too general to say what it asks;
 * single characters go with the word they stand against. */
#define _GNU_SOURCE /* memmem */
#include "query_int.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "base.h"
#include "numbers.h"
#include "segment.h"
#include "speech.h"
#include "strbuf.h"
#include "utf8.h"

static const char *const stopwords[] = {
    "的", "地", "得", "了", "着", "过", "和", "与", "及", "或", "在", "是", "对", "把", "被",
    "从", "以", "为", "等", "之", "其", "这", "那", "也", "都", "就", "将", "并", "而",
    "如何", "怎样", "怎么", "怎么样", "什么", "哪些", "哪里", "为什么", "为何", "是否",
    "吗", "呢", "啊", "吧", "有关", "关于", "方面", "有哪些", "怎样才能", "如何才能", "谁", "中",
    "当中", "之中", "过程中", "时候", /* 什么|时候 */
    "何", "何处", "从何", "从何处", "入手", "着手", /* 有何对策, 从哪些方面入手, 该从何处着手 */
    "情况下", "条件下", "前提下", "背景下", "形势下", "新形势下", /* under it */
    "哪类", "哪一类", "哪几类", "哪种", "哪一种", "哪几种", "何种", /* 哪类企业…: which kind */
    "哪", "在哪", "在哪里", "哪儿", "在哪儿", /* …的关键在哪 */
    "有没有", "请问",
    "咋", "咋样", "咋么", /* 怎么, as it is said (twenty-first round) */
    "必要性", "重要性", "紧迫性", /* …的必要性: why it is needed (twenty-first round) */
    /* what a question says of the doing, not what is done (为什么要发展…,
     * 有哪些措施, 怎样才能…) */
    "要", "有", "应", "该", "会", "能", "可", "让", "使", "还", "才", "去", "来", "做", "干",
    "搞", "办", "看待", "请问", "更", "更加", "更好地", "好地", "好", "有效地", "切实地", "积极地",
    /* who asks and how (我想了解如何…, 各地是如何…的, 具体措施) */
    "我", "我想", "想", "我要", "了解", "想了解", "一下", "知道", "想知道", "查找", "查询",
    "搜索", "检索", "请", "帮我", "帮", "看看", "各地", "全国各地", "具体",
    /* what a word means (什么叫林长制, 林长制指的是什么, 林长制是什么意思) */
    "叫", "叫做", "称为", "指", "是指", "意思", "含义", "意义", "内涵", "定义", "概念", "由来",
    "政府工作报告", "工作报告", "期间",
    /* what is said of a thing's state (…存在的问题, …面临的困难) */
    "存在", "面临", "遇到",
    /* how well it is done, what it means (哪些地方…做得好, 如何理解…;
     * twenty-second round) */
    "做得好", "做得比较好", "做得较好", "做得最好", "干得好", "理解",
    "靠", /* …靠什么 (twenty-second round) */
    /* by what means (通过…推动…, 借助…, 依托…; twenty-second round) */
    "通过", "借助", "依托", "凭借", "依靠",
    /* who, where from, how early (哪位领导讲过…, …出自哪里, …最早见于;
     * twenty-fourth round: each glued to the thing, found nothing) */
    "哪位", "哪一位", "哪几位", "出自", "见于", "源于", "源自", "最早", "最先",
};
/* Verbs and nouns too general to say what a question is about: dropped
 * from a question that has other content words (如何加强招商引资工作 asks
 * about 招商引资). */
static const char *const generic_words[] = {
    "发展", "推进", "推动", "加强", "加快", "提高", "提升", "促进", "做好", "实现", "坚持",
    "进行", "开展", "落实", "解决", "抓好", "搞好", "强化", "深化", "完善", "健全", "加大",
    "工作", "问题", "措施", "办法", "情况", "方法", "做法", "途径", "有效", "进一步", "更好",
    "举措", "对策", "思路", "路径", "经验", "良策", "具体", "建议", "思考", "探讨", "探索",
    "案例", "典型案例", "经验做法", "取得", "进展", "成果", "成绩", "现状", "主要",
    "全面", "积极", "不断", "切实", "努力", "当前", "目前", "新时期", "新形势", "应该", "应当",
    "需要", "可以", "能够", "才能", "我们", "我国", "我市", "我省", "采取", "好地解决",
    /* the ways asked for in other words (…的对策研究, …的方式方法, …的着力点,
     * …如何破题, …要注意什么, 有哪些经验可以借鉴) */
    "研究", "方式", "方式方法", "着力点", "突破口", "切入点", "破题", "注意", "借鉴",
    "破局", /* …如何破局 (twenty-second round) */
    "内容", "包括", /* …的内容有哪些, …包括哪些 */
    "推行", "实行", "全面推行", "全面实行", /* 全面推行河长制 (eighteenth round) */
    /* …的关键是什么, …的几点思考, 谈谈… (eighteenth round; …怎么抓:
     * make_pieces) */
    "关键", "几点", "体会", "谈谈", "浅谈", "试论", "说说", "讲讲", "聊聊",
    "过程", "领域", /* where the thing stands (…过程中的…, …领域的…), not a thing */
    /* what a question asks to raise (提高…水平, 增强…能力, 加大…力度) */
    "水平", "能力", "力度", "成效", "效果", "作用", "发挥", "增强", "注重", "着力",
    /* verbs of doing in general (打造…, 打赢…战, 建立…机制) */
    "打造", "构建", "建立", "实施", "抓住", "把握", "得到",
    /* how a thing is to be done (扎实推进, 大力发展, 全力以赴抓好): the words
     * of the real corpus that stand before a general verb (推进, 加强,
     * 发展…) in a quarter or more of their uses, read there as adverbs of
     * manner (tools/manner_words.py prints the list it was taken from) */
    "扎实", "深入", "大力", "全力", "持续", "继续", "稳步", "纵深", "强力", "有序",
    "稳妥", "严格", "认真", "精心", "加力", "聚力", "抓紧", "迅速", "大幅", "坚定不移",
    "千方百计", "全方位", "全力以赴",
    /* what of the texts is looked for (哪些报告提到了…, 含有…的句子, …的表述有哪些;
     * nineteenth round) */
    "报告", "提到", "提及", "讲到", "谈到", "说到", "涉及", "出现", "含有", "包含",
    "句子", "段落", "原文", "表述", "怎么表述", "相关",
    /* what is learnt of it (…有哪些成功经验, …的典型案例, …的经验启示) */
    "启示", "经验启示", /* not 典型: 怎样宣传典型; 成功经验…: make_pieces */
};
/* Words that name what is wrong (a question about 土地指标不足 is about
 * 土地指标; the passages that answer it say 用地紧张, 瓶颈, 矛盾) and
 * words that name what is done about it (缓解, 破解, 治理…): a question
 * counts them, with their related words, but they weigh less than the
 * thing asked about (qweight; see query_int.h):
 *   weight of a concept = idf of its word * QW_PROBLEM (or QW_REMEDY). */
#define QW_PROBLEM TUNABLE(QW_PROBLEM, 0.5)
#define QW_REMEDY TUNABLE(QW_REMEDY, 0.5)
static const char *const problem_words[] = {
    "不足", "短缺", "紧缺", "匮乏", "紧张", "偏紧", "瓶颈", "矛盾", "难题", "困难", "难点",
    "滞后", "落后", "薄弱", "短板", "弱项", "制约", "障碍", "拥堵", "拥挤", "拖欠", "过剩",
    "缓慢", "不够", "不高", "不强", "不畅", "偏低", "较低", "下滑", "下降", "突出", "严重",
    "难以", "不力", "不到位", "失衡", "低下",
};
static const char *const remedy_words[] = {
    "破解", "缓解", "化解", "治理", "整治", "防治", "改善", "改进", "优化", "保障", "应对",
    "克服", "扭转", "消除", "减少", "降低", "打破", "突破", "补齐", "弥补", "激励", "防范",
    "防止", "遏制", "杜绝", "清理", "规范", "稳定", "扩大", "增加", "减轻", "疏解",
};
static const char *const question_words[] = {
    "如何", "怎样", "怎么", "什么", "哪些", "为什么", "为何", "是否", "吗", "呢", "谁",
    "哪", /* 哪|类|企业 (make_pieces) */
    "咋", /* 咋推进…, 咋整治…: 怎么, as it is said (twenty-first round) */
};
/* Question words of two characters or more: a piece that holds one asks
 * too (怎么样, 怎样才能, 如何才能, 哪些地方, 有哪些: the segmenter's words),
 * and says nothing of what is asked about. */
static const char *const question_stems[] = {
    "如何", "怎样", "怎么", "什么", "哪些", "哪里", "哪个", "为什么", "为何", "是否",
    /* when, how many, how (哪一年, 何时, 什么时候, 多少, 有几个, 咋办) */
    "哪一年", "哪年", "何时", "多少", "几个", "多久", "咋办", "咋样", "咋么",
    "何处", "从何", "有何", /* 该从何处着手, 有何对策 */
    "何良策", /* 有|何良策 as the segmenter cuts it (twenty-second round) */
    "何为", "何谓", /* 何为三重一大: what it is */
    "哪类", "哪一类", "哪几类", "哪种", "哪一种", "哪几种", "何种", /* which kind */
    "有没有", /* 有没有…的内容 */
    "哪位", "哪一位", "哪几位", /* 哪位领导讲过… (twenty-fourth round) */
};

/* 1 when text s (len bytes) holds a question word of question_stems. */
static int holds_question(const char *s, size_t len)
{
    for (size_t i = 0; i < NELEM(question_stems); i++) {
        size_t l = strlen(question_stems[i]);
        for (size_t k = 0; l <= len && k + l <= len; k++)
            if (memcmp(s + k, question_stems[i], l) == 0)
                return 1;
    }
    return 0;
}

static int in_list(const char *const *list, size_t n, const char *s, size_t len)
{
    for (size_t i = 0; i < n; i++)
        if (strlen(list[i]) == len && memcmp(list[i], s, len) == 0)
            return 1;
    return 0;
}

/* The parts of a year and the times of it that stand after a year
 * (2008年上半年…, 2008年一季度…, 2008年当年的…): OPENS, it may open the
 * words after the year (上半年雨雪冰冻); QUARTER, its numeral would be
 * taken into a figure (2008年一|季度), so the year is cut before it;
 * ALONE, it may be all that follows the year in a keyword (2008年当年). */
enum { SPAN_OPENS = 1, SPAN_QUARTER = 2, SPAN_ALONE = 4 };
static const struct {
    const char *text;
    int how;
} year_spans[] = {
    { "上半年", SPAN_OPENS | SPAN_ALONE },    { "下半年", SPAN_OPENS | SPAN_ALONE },
    { "全年", SPAN_OPENS | SPAN_ALONE },      { "当年", SPAN_OPENS | SPAN_ALONE },
    { "年内", SPAN_OPENS | SPAN_ALONE },      { "一季度", SPAN_OPENS | SPAN_QUARTER },
    { "二季度", SPAN_OPENS | SPAN_QUARTER },  { "三季度", SPAN_OPENS | SPAN_QUARTER },
    { "四季度", SPAN_OPENS | SPAN_QUARTER },  { "第一季度", SPAN_OPENS | SPAN_QUARTER },
    { "第二季度", SPAN_OPENS | SPAN_QUARTER }, { "第三季度", SPAN_OPENS | SPAN_QUARTER },
    { "第四季度", SPAN_OPENS | SPAN_QUARTER }, { "前三季度", SPAN_OPENS | SPAN_QUARTER },
    { "上旬", SPAN_OPENS },                   { "中旬", SPAN_OPENS },
    { "下旬", SPAN_OPENS },                   { "底前", SPAN_ALONE },
    { "初前", SPAN_ALONE },                   { "那年", SPAN_ALONE },
    { "当时", SPAN_ALONE },                   { "那时", SPAN_ALONE },
    { "之前", SPAN_ALONE },                   { "之后", SPAN_ALONE },
    { "以前", SPAN_ALONE },                   { "以后", SPAN_ALONE },
};

/* 1 when text (len bytes, normalised) is a span of year_spans with how. */
static int year_span(const char *text, size_t len, int how)
{
    for (size_t i = 0; i < NELEM(year_spans); i++)
        if ((year_spans[i].how & how) && strlen(year_spans[i].text) == len &&
            memcmp(year_spans[i].text, text, len) == 0)
            return 1;
    return 0;
}

#define IN(list, s, len) in_list(list, NELEM(list), s, len)

/* A general word, or one the dictionary made of two (切实加强, 大力发展,
 * 扎实推进: how + what in general). */
static int generic_text(const char *s, size_t len)
{
    if (IN(generic_words, s, len))
        return 1;
    for (size_t k = 3; k + 3 <= len; k += 3) /* UTF-8 Han: three bytes */
        if (IN(generic_words, s, k) && IN(generic_words, s + k, len - k))
            return 1;
    return 0;
}

/* A question's weight of the word of atoms [first, last]: QW_PROBLEM,
 * QW_REMEDY or 1. */
static float word_qweight(const ss_analysis *an, uint32_t first, uint32_t last)
{
    const char *t = an->norm + an->atoms[first].norm;
    size_t tl = an->atoms[last].norm + an->atoms[last].normlen - an->atoms[first].norm;
    return IN(problem_words, t, tl)  ? (float)QW_PROBLEM
           : IN(remedy_words, t, tl) ? (float)QW_REMEDY
                                     : 1.0f;
}

int ss_q_word_kind(const char *s, size_t len)
{
    return IN(stopwords, s, len)       ? QK_FUNCTION
           : generic_text(s, len)      ? QK_GENERIC
           : IN(problem_words, s, len) ? QK_PROBLEM
           : IN(remedy_words, s, len)  ? QK_REMEDY
                                       : QK_CONTENT;
}

/* Pieces of an unquoted item: segmenter words over Han atoms, single
 * ASCII atoms, symbols glued to what precedes them. */
typedef struct {
    uint32_t first, last;
    int single_han;   /* one Han character */
    int stop;         /* function word */
    int generic;      /* a word too general for a question */
    int has_core;     /* a word with a character glued to it (1; RUN_WORD: a run
                       * of single characters joined, no word inside): */
    uint32_t core_first, core_last; /* the word alone */
    float qweight;    /* 1, QW_PROBLEM or QW_REMEDY */
} piece;

#define RUN_WORD 2

/* Characters that, glued to a word, say what is wrong with it (融资难,
 * 融资贵, 审批慢): a question about the problem is about the word. */
static int is_problem_char(const ss_atom *a, const char *norm)
{
    static const char *const problems[] = { "难", "贵", "慢", "低", "差", "弱", "少", "乱",
                                            "散", "短", "缺", "荒" };
    return IN(problems, norm + a->norm, a->normlen);
}

/* Characters that, after a word, make it a measure of it (合格率, 满意度,
 * 销售额, 用电量): a question about raising the measure is answered by
 * the passages about the thing measured. */
static int is_measure_char(const ss_atom *a, const char *norm)
{
    static const char *const measures[] = { "率", "度", "量", "额" };
    return IN(measures, norm + a->norm, a->normlen);
}

/* For a three-character dictionary word that is a word and a problem or
 * a measure character (融资难, 合格率), the word alone: a question also
 * counts it.  Sets p's core. */
static void find_core(const ss_analysis *an, const seg_dict *d, piece *p)
{
    if (!d || p->last - p->first != 2)
        return;
    for (uint32_t k = p->first; k <= p->last; k++)
        if (an->atoms[k].kind != SS_ATOM_HAN)
            return;
    const ss_atom *f = &an->atoms[p->first], *l = &an->atoms[p->last];
    const ss_atom *l1 = &an->atoms[p->last - 1];
    uint32_t freq;
    if ((is_problem_char(l, an->norm) || is_measure_char(l, an->norm)) &&
        seg_dict_lookup(d, an->norm + f->norm, l1->norm + l1->normlen - f->norm, &freq)) {
        p->core_first = p->first;
        p->core_last = p->last - 1;
        p->has_core = 1;
    }
}

static int piece_in(const ss_analysis *an, const piece *p, const char *const *list, size_t n);

/* 1 when atom i of an is the text t. */
static int atom_is_text(const ss_analysis *an, size_t i, const char *t);

static size_t make_pieces(const ss_analysis *an, const seg_dict *d, piece *pc, size_t max)
{
    size_t np = 0, w = 0;
    for (size_t i = 0; i < an->natoms && np < max;) {
        const ss_atom *at = &an->atoms[i];
        if (at->kind == SS_ATOM_SYM && np > 0 && !at->flags) {
            pc[np - 1].last = (uint32_t)i++;
            pc[np - 1].single_han = 0;
            continue;
        }
        uint32_t last = (uint32_t)i;
        if (at->kind == SS_ATOM_HAN) {
            while (w < an->nwords && (an->words[w].slogan || an->words[w].first < i))
                w++;
            if (w < an->nwords && an->words[w].first == i)
                last = an->words[w].last;
        }
        const char *t = an->norm + at->norm;
        size_t tl = an->atoms[last].norm + an->atoms[last].normlen - at->norm;
        pc[np] = (piece){ (uint32_t)i, last, at->kind == SS_ATOM_HAN && last == i,
                          IN(stopwords, t, tl) || (at->kind == SS_ATOM_HAN && holds_question(t, tl)),
                          generic_text(t, tl), 0, 0, 0, word_qweight(an, (uint32_t)i, last) };
        find_core(an, d, &pc[np++]);
        i = last + 1;
    }
    /* 哪 and the kind after it, cut apart by the segmenter (哪|类|企业,
     * 哪|一种|模式): a question word, which kind */
    static const char *const kinds[] = { "类", "种", "一类", "一种", "几类", "几种", "些" };
    for (size_t k = 0; k + 1 < np; k++) {
        const ss_atom *a = &an->atoms[pc[k].first], *b = &an->atoms[pc[k + 1].first];
        if (pc[k].single_han && a->normlen == 3 && memcmp(an->norm + a->norm, "哪", 3) == 0 &&
            b->kind == SS_ATOM_HAN &&
            IN(kinds, an->norm + b->norm,
               an->atoms[pc[k + 1].last].norm + an->atoms[pc[k + 1].last].normlen - b->norm))
            pc[k].stop = pc[k + 1].stop = 1;
    }
    /* which place, which year, who, after the question word (哪个|省|提出,
     * 哪些|城市, 什么|地方, 哪位|领导; twenty-third round: 省 went with 提出,
     * 省提出, and the passages found said 省提出, not the thing): the asking */
    static const char *const which[] = { "哪个", "哪些", "哪", "什么", "哪一个", "哪几个",
                                         "哪位", "哪几位" };
    static const char *const asked_of[] = { "省", "市", "县", "区", "城市", "省份", "省市",
                                            "地方", "地区", "地市", "部门", "领导", "单位",
                                            "年", "一年", "年份", "时候", "时间", "人" };
    for (size_t k = 0; k + 1 < np; k++)
        if (pc[k].stop && pc[k].last + 1 == pc[k + 1].first &&
            piece_in(an, &pc[k], which, NELEM(which)) &&
            piece_in(an, &pc[k + 1], asked_of, NELEM(asked_of)))
            pc[k + 1].stop = 1;
    /* 难 before 在 and a question word (…难在哪里, …难在何处; twenty-first
     * round): where it is hard, the asking */
    for (size_t k = 0; k + 2 < np; k++) {
        if (pc[k].single_han && atom_is_text(an, pc[k].first, "难") && pc[k + 1].single_han &&
            atom_is_text(an, pc[k + 1].first, "在") && pc[k + 2].stop)
            pc[k].stop = 1;
    }
    /* a kind of example or lesson that ends the text (…的典型|案例, …的成功|
     * 经验): a word of the request, as the noun is (怎样宣传典型: 典型 stays) */
    static const char *const example_kinds[] = { "典型", "成功", "先进" };
    static const char *const examples[] = { "案例", "经验", "做法", "范例", "样板" };
    if (np >= 3 && pc[np - 2].last + 1 == pc[np - 1].first &&
        piece_in(an, &pc[np - 1], examples, NELEM(examples)) &&
        piece_in(an, &pc[np - 2], example_kinds, NELEM(example_kinds)))
        pc[np - 2].stop = pc[np - 2].generic = 1;
    /* ... or one word of them after a word of a thing, no verb (发展临空经济
     * 有哪些成功经验; 如何推广成功经验 asks about the experience) */
    static const char *const lessons[] = { "成功经验", "先进经验", "典型经验", "主要经验",
                                           "典型案例" };
    size_t things = 0;
    for (size_t k = 0; k + 1 < np; k++) {
        const ss_atom *a = &an->atoms[pc[k].first], *z = &an->atoms[pc[k].last];
        things += !pc[k].stop && !pc[k].generic && !pc[k].single_han &&
                  !(d && seg_dict_pos(d, an->norm + a->norm, z->norm + z->normlen - a->norm) ==
                             SEG_POS_VERB);
    }
    if (np >= 3 && things >= 1 && piece_in(an, &pc[np - 1], lessons, NELEM(lessons)))
        pc[np - 1].stop = pc[np - 1].generic = 1;
    /* 下 after a state of things (什么情况|下|启动…, 常态化|条件|下|如何…):
     * the scene of the question, not a character of the next word; so are
     * the words joined (新形势下: stopwords) */
    static const char *const under[] = { "情况", "条件", "前提", "背景", "形势", "新形势",
                                         "态势", "环境" };
    for (size_t k = 1; k + 1 < np; k++) {
        const ss_atom *a = &an->atoms[pc[k - 1].first], *b = &an->atoms[pc[k].first];
        if (pc[k].single_han && b->normlen == 3 && memcmp(an->norm + b->norm, "下", 3) == 0 &&
            a->kind == SS_ATOM_HAN &&
            IN(under, an->norm + a->norm,
               an->atoms[pc[k - 1].last].norm + an->atoms[pc[k - 1].last].normlen - a->norm))
            pc[k - 1].stop = pc[k].stop = 1;
    }
    /* a verb of doing after a question word that ends the text (…怎么抓,
     * …如何抓好, …如何结合) asks how, as 做 does; before a thing it is a word of it
     * (抓项目的本领) */
    static const char *const doing_last[] = { "抓", "抓好", "推进", "推动", "落实", "开展",
                                              /* A和B如何结合, A与B怎样衔接: how the two go
                                               * together (twenty-second round); after the
                                               * things a word of them (医养结合) */
                                              "结合", "相结合", "融合", "衔接",
                                              /* …是怎么应对的 (twenty-second round) */
                                              "应对", "处置", "应对处置",
                                              /* 王战营怎么看, …如何评价: what the
                                               * person said */
                                              "看", "看待", "评价", "认为" };
    size_t e = np >= 3 && pc[np - 1].single_han && atom_is_text(an, pc[np - 1].first, "的")
                   ? np - 1
                   : np; /* …是如何应对的 */
    if (e >= 2 && pc[e - 2].stop &&
        IN(question_words, an->norm + an->atoms[pc[e - 2].first].norm,
           an->atoms[pc[e - 2].last].norm + an->atoms[pc[e - 2].last].normlen -
               an->atoms[pc[e - 2].first].norm) &&
        IN(doing_last, an->norm + an->atoms[pc[e - 1].first].norm,
           an->atoms[pc[e - 1].last].norm + an->atoms[pc[e - 1].last].normlen -
               an->atoms[pc[e - 1].first].norm))
        pc[e - 1].stop = 1;
    return np;
}

/* Nouns of the ways a thing is done: a text ending with 的 and one of
 * them (防治血吸虫病的做法, 发展临空经济的经验) asks how it is done, as
 * 如何防治血吸虫病 does. */
static const char *const how_nouns[] = {
    "做法", "经验", "举措", "措施", "办法", "对策", "思路", "路径", "途径", "良策", "方法",
    "经验做法", "典型案例", "案例", "对策建议", "建议", "思考", "研究", "探讨", "探索", "分析",
    "典型做法", "主要做法", "有效做法", "成功经验", "主要经验", "先进经验",
    "具体措施", "工作思路", "有效途径", "政策措施", /* …的具体措施 */
    "启示", "经验启示", "经验和启示", "做法和经验", "经验和做法", /* what is learnt of it */
};

/* Words of the kind of way asked for, before a noun of how_nouns (…的典型
 * 做法, …的成功经验): the words of a request. */
static const char *const how_kinds[] = { "典型", "主要", "有效", "成功", "先进", "好" };

/* What stands before a noun of how_nouns or state_nouns that ends a
 * question: 的 (…的做法), or 及, 和, 与 (…的主要问题及对策). */
static const char *const how_joiners[] = { "的", "及", "和", "与" };
/* Nouns of what is wrong with a thing (…存在的问题, …面临的困难). */
static const char *const state_nouns[] = { "问题", "困难", "挑战", "难点", "短板", "瓶颈", "不足",
                                           /* twenty-second round: 0.50-0.70 against 0.84 */
                                           "弱项", "痛点", "堵点", "难处", "薄弱环节", "短板弱项" };
/* Verbs of a thing's state before a noun of what is wrong (…存在的问题,
 * …面临的困难, …遇到的瓶颈), the adverbs that may stand before them
 * (…仍然存在的问题, …普遍面临的困难) and the adjectives between 的 and the
 * noun (…存在的突出问题, …面临的主要困难): the words of a request. */
static const char *const state_verbs[] = { "存在", "面临", "遇到" };
static const char *const state_adverbs[] = { "仍然", "依然", "依旧", "仍", "还", "尚", "普遍",
                                             "一直", "长期", "当前", "目前", "客观", "也", "都" };
static const char *const state_adjectives[] = { "突出", "主要", "重大", "一些", "诸多", "实际",
                                                "现实", "深层次", "最大", "关键", "具体", "共性",
                                                "新",
                                                /* …存在哪些困难, …面临什么挑战 */
                                                "哪些", "什么", "啥", "哪方面", "哪些方面" };

/* 1 when piece p is a verb (the dictionary's tag: 培育, 改良) or a word
 * of generic_words or remedy_words it does not tag as a noun: 推进,
 * 加强, 扎实, 治理, 优化. */
static int doing_verb(const ss_analysis *an, const seg_dict *d, const piece *p)
{
    const char *t = an->norm + an->atoms[p->first].norm;
    size_t tl = an->atoms[p->last].norm + an->atoms[p->last].normlen - an->atoms[p->first].norm;
    /* remedy words are verbs however the dictionary tags them (整治, 规范
     * are nouns there; twenty-first round: 整治农村空心村 read as one word) */
    return d && ((IN(generic_words, t, tl) && seg_dict_pos(d, t, tl) != SEG_POS_NOUN) ||
                 IN(remedy_words, t, tl) || seg_dict_pos(d, t, tl) == SEG_POS_VERB);
}

/* 1 when piece b follows piece a with nothing between them. */
static int adjacent(const ss_analysis *an, const piece *a, const piece *b)
{
    return b->first == a->last + 1 && an->atoms[b->first].flags == 0;
}

/* The last piece of a figure that starts at piece i (10|万人, 100|亿元,
 * 一百万|吨: ss_q_figure_len, side by side, ending where a piece ends), or
 * i when none starts there or it is piece i alone. */
static size_t figure_end(const ss_analysis *an, const piece *pc, size_t np, size_t i)
{
    size_t l = 0;
    const ss_atom *a = &an->atoms[pc[i].first];
    uint32_t cp = utf8_valid_cp(an->norm + a->norm, &l);
    if (!(cp >= '0' && cp <= '9') && !ss_num_is_numeral(cp))
        return i;
    size_t j = i;
    while (j + 1 < np && j + 1 < i + 3 && adjacent(an, &pc[j], &pc[j + 1]))
        j++;
    size_t fl = ss_q_figure_len(an->norm + a->norm,
                                an->atoms[pc[j].last].norm + an->atoms[pc[j].last].normlen -
                                    a->norm);
    for (size_t k = i; fl && k <= j; k++) /* the figure ends where a piece ends */
        if (an->atoms[pc[k].last].norm + an->atoms[pc[k].last].normlen - a->norm == fl)
            return k;
    return i;
}

/* 1 when an amount starts at piece i: a figure (figure_end, or the piece
 * alone) written in digits, with 万 or 亿 in it, or a multiple or a change
 * of a share (10万人, 一百万吨, 2018年, 三倍, 三个百分点; not the counts of
 * slogans, 两个, 一百年); or a share in numerals (百分之十). */
static int amount_at(const ss_analysis *an, const piece *pc, size_t np, size_t i)
{
    const ss_atom *at = &an->atoms[pc[i].first];
    const ss_atom *z = &an->atoms[an->natoms - 1];
    size_t e = figure_end(an, pc, np, i), l = 0;
    const char *t = an->norm + at->norm;
    size_t rest = z->norm + z->normlen - at->norm;
    size_t words = ss_num_share_words(t, rest);
    if (words && rest > words && ss_num_is_numeral(utf8_valid_cp(t + words, &l)))
        return 1;
    size_t tl = an->atoms[pc[e].last].norm + an->atoms[pc[e].last].normlen - at->norm;
    if (e == i && ss_q_figure_len(t, tl) != tl)
        return 0;
    return isdigit((unsigned char)t[0]) || memmem(t, tl, "万", 3) || memmem(t, tl, "亿", 3) ||
           (tl >= 3 && memcmp(t + tl - 3, "倍", 3) == 0) ||
           (tl >= 9 && memcmp(t + tl - 9, "百分点", 9) == 0);
}

int ss_q_named_whole(const ss_query_opts *o, const seg_dict *d, const ss_analysis *an)
{
    if (!an->natoms)
        return 0;
    size_t nl = an->atoms[an->natoms - 1].norm + an->atoms[an->natoms - 1].normlen;
    ss_syn_alt alt[1];
    return (o && o->syn && ss_syn_lookup(o->syn, an->norm, nl, alt, 1) > 0) ||
           (d && seg_dict_lookup(d, an->norm, nl, NULL));
}

/* Pieces pc[0, np) with each figure's pieces made one (a question asks
 * about 10万人, not about 10 and 万人 apart); returns the new count. */
/* Makes piece p run to atom last as one word of the question: not a
 * character alone, a function word nor a generic word, no core, full
 * weight (a figure of several pieces, a numbered slogan). */
static void one_word(piece *p, uint32_t last)
{
    p->last = last;
    p->single_han = p->stop = p->generic = p->has_core = 0;
    p->qweight = 1.0f;
}

static size_t join_figures(const ss_analysis *an, piece *pc, size_t np)
{
    size_t n = 0;
    for (size_t i = 0; i < np; i++) {
        size_t e = figure_end(an, pc, np, i);
        pc[n] = pc[i];
        if (e > i) {
            one_word(&pc[n], pc[e].last);
            i = e;
        }
        n++;
    }
    return n;
}

/* 1 when piece p is 的 or 之 alone, which joins a word to the word it
 * qualifies. */
static int is_de(const ss_analysis *an, const piece *p)
{
    static const char *const joiners[] = { "的", "之" };
    const ss_atom *a = &an->atoms[p->first];
    return p->single_han && IN(joiners, an->norm + a->norm, a->normlen);
}

static int person_said(const ss_analysis *an, const seg_dict *d, size_t a, size_t b, size_t end);

/* 1 when piece p of an is one of the n words of list. */
static int piece_in(const ss_analysis *an, const piece *p, const char *const *list, size_t n)
{
    const ss_atom *a = &an->atoms[p->first], *z = &an->atoms[p->last];
    return in_list(list, n, an->norm + a->norm, z->norm + z->normlen - a->norm);
}

/* Words that say where a thing stands in another (A过程中的B, A领域的B,
 * A下的B), or that A brings it (A带来的B): before 的, after A. */
static const char *const where_words[] = { "中", "下", "里", "上", "过程", "领域", "过程中",
                                           "里面", "当中", "之中", "带来" };

/* 1 when pieces pc[0, np) are A, where words, 的, B: one 的, nothing else
 * of function, A and B of content (老旧小区过程中的加装电梯: B where A
 * stands, two keywords). */
static int where_phrase(const ss_analysis *an, const piece *pc, size_t np)
{
    size_t de = np, w = 0;
    for (size_t i = 0; i < np; i++)
        if (is_de(an, &pc[i])) {
            if (de < np)
                return 0;
            de = i;
        }
    if (de == np || de + 1 >= np)
        return 0;
    size_t a = de;
    while (a > 1 && piece_in(an, &pc[a - 1], where_words, NELEM(where_words)) && w < 2) {
        a--;
        w++;
    }
    if (!w)
        return 0;
    for (size_t i = 0; i < np; i++)
        if ((i < a || i > de) && pc[i].stop)
            return 0;
    return 1;
}

/* General verbs of what is to be done, which before one word ask about
 * the word (推进双减, 加快新基建, 做好防汛): the generic_words a question
 * drops. */
static const char *const lead_doing[] = {
    "推进", "推动", "加强", "加快", "促进", "做好", "抓好", "搞好", "办好", "强化", "深化", "落实",
    "开展", "实施", "全面推进", "大力推进", "大力发展", "扎实推进", "持续推进", "深入推进",
    "贯彻落实", "贯彻", /* 贯彻落实林长制 (twenty-fourth round) */
    "推行", "全面推行", "实行", "全面实行", "全面实施", "全面落实", /* 全面推行河长制 */
    "抗击", "战胜", "抵御", "抗御", /* 抗击特大洪水: the event (twenty-first round) */
    "发展", /* 柳州发展螺蛳粉 (twenty-second round); 发展规划 is one word */
};

/* Adverbs of manner before a general verb of lead_doing (全面|推进,
 * 大力|推进, 积极|推进, 进一步|加强): the verb with its manner opens what
 * is to be done, as the verb alone does.  The manner words of
 * generic_words, and the adverbs the segmenter leaves apart that the work
 * reports put before those verbs (全面, 积极, 加快, 进一步, 切实, 不断,
 * 着力, 坚决, 努力, 主动). */
static const char *const manner_adverbs[] = {
    "扎实", "深入", "大力", "全力", "持续", "继续", "稳步", "纵深", "强力", "有序", "稳妥",
    "严格", "认真", "精心", "加力", "聚力", "抓紧", "迅速", "大幅", "坚定不移", "千方百计",
    "全方位", "全力以赴", "全面", "积极", "加快", "进一步", "切实", "不断", "着力", "坚决",
    "努力", "主动",
};

/* The bytes of the general verb (lead_doing), with an adverb of manner
 * before it or not (manner_verbs after one), that opens t (len bytes,
 * normalised) and leaves something after it -- or, whole, that is all of
 * it (切实加强); 0 when none does.  The longest. */
static size_t lead_bytes(const char *t, size_t len, int whole);

/* Verbs that, after an adverb of manner, say what is to be done to the
 * thing after them (着力打造…, 大力支持…, 不断完善…, 持续优化…), besides
 * lead_doing; alone they may start a term (建设用地, 支持政策) and stay. */
static const char *const manner_verbs[] = {
    "打造", "构建", "建设", "发展", "支持", "完善", "优化", "健全", "提升", "加大", "培育",
    "壮大", "推广", "引导", "扩大", "提高", "增强", "巩固", "拓展", "办好", "建立", "鼓励",
};

/* 1 when piece p of an is a verb that may follow an adverb of manner. */
static int manner_verb(const ss_analysis *an, const piece *p)
{
    return piece_in(an, p, lead_doing, NELEM(lead_doing)) ||
           piece_in(an, p, manner_verbs, NELEM(manner_verbs));
}

static size_t lead_bytes(const char *t, size_t len, int whole)
{
    size_t best = 0;
    len += whole != 0; /* a verb of len bytes fits: l < len + 1 */
    for (size_t i = 0; i < NELEM(lead_doing); i++) {
        size_t l = strlen(lead_doing[i]);
        if (l > best && l < len && memcmp(t, lead_doing[i], l) == 0)
            best = l;
    }
    for (size_t i = 0; i < NELEM(manner_adverbs); i++) {
        size_t ml = strlen(manner_adverbs[i]);
        if (ml >= len || memcmp(t, manner_adverbs[i], ml) != 0)
            continue;
        for (size_t k = 0; k < NELEM(lead_doing) + NELEM(manner_verbs); k++) {
            const char *v = k < NELEM(lead_doing) ? lead_doing[k] : manner_verbs[k - NELEM(lead_doing)];
            size_t l = ml + strlen(v);
            if (l > best && l < len && memcmp(t + ml, v, strlen(v)) == 0)
                best = l;
        }
    }
    return best;
}

/* The pieces of a lead that opens pieces [0, np) of an: a general verb of
 * lead_doing (推进双减: 1), or an adverb of manner and one of them or of
 * manner_verbs (全面|推进, 加快|推进, 着力|打造: 2; glued, 切实加强: 1);
 * 0 when none opens them. */
static size_t lead_len(const ss_analysis *an, const piece *pc, size_t np)
{
    if (np > 1 && piece_in(an, &pc[0], manner_adverbs, NELEM(manner_adverbs)) &&
        manner_verb(an, &pc[1]))
        return 2; /* 加快|推进: 加快 is a verb of its own too */
    if (np == 0)
        return 0;
    /* the verb, or one word of the segmenter, the adverb and the verb (切实加强) */
    const char *t = an->norm + an->atoms[pc[0].first].norm;
    size_t tl = an->atoms[pc[0].last].norm + an->atoms[pc[0].last].normlen -
                an->atoms[pc[0].first].norm;
    return lead_bytes(t, tl, 1) == tl;
}

/* Whether the query (all items' text, items of them) reads as a
 * question: it has a question word; it is one long run of text (four
 * or more content words, eight or more characters) with function words
 * in it; it opens with a verb of doing or a word of manner and has two
 * content words or more, six characters or more (推进综合行政执法改革,
 * 开展委托招商, 扎实推进共同富裕: what is to be done, typed without 如何);
 * or it ends with 的 and a noun of how_nouns.  Keywords separated by
 * spaces stay keywords, and so does a text with an amount in it unless it
 * has a question word; a text with a year or a noun phrase X的Y is no
 * long run of text. */
/* 1 when pieces [0, j) of an, for some j after the lead's lead pieces,
 * are one name of o's synonym table (an "=" group: 全面建设小康社会): the
 * verb is a word of the name, no lead. */
static int lead_in_name(const ss_analysis *an, const ss_query_opts *o, const piece *pc,
                        size_t np, size_t lead)
{
    for (size_t j = lead + 1; o && o->syn && j <= np; j++) {
        const ss_atom *a = &an->atoms[pc[0].first], *z = &an->atoms[pc[j - 1].last];
        ss_syn_alt alt[4];
        size_t n = ss_syn_lookup(o->syn, an->norm + a->norm, z->norm + z->normlen - a->norm, alt,
                                 NELEM(alt));
        for (size_t i = 0; i < n; i++)
            if (!alt[i].related)
                return 1;
    }
    return 0;
}

static int looks_natural(const ss_analysis *an, const seg_dict *d, const ss_query_opts *o,
                         const piece *pc, size_t np, size_t items)
{
    /* …的做法, …及对策, …存在的问题, …面临的困难, …存在的突出问题 */
    size_t adj = items == 1 && np >= 4 &&
                 IN(state_adjectives, an->norm + an->atoms[pc[np - 2].first].norm,
                    an->atoms[pc[np - 2].last].norm + an->atoms[pc[np - 2].last].normlen -
                        an->atoms[pc[np - 2].first].norm);
    /* …的主要举措, …的实现路径, …的工作举措: the kind of way before it */
    static const char *const way_kinds[] = { "主要", "具体", "重要", "总体", "实施", "实现",
                                             "发展", "工作", "有效", "典型", "成功", "先进" };
    if (items == 1 && np >= 4 && pc[np - 3].single_han &&
        IN(how_joiners, an->norm + an->atoms[pc[np - 3].first].norm,
           an->atoms[pc[np - 3].first].normlen) &&
        piece_in(an, &pc[np - 2], way_kinds, NELEM(way_kinds)) &&
        piece_in(an, &pc[np - 1], how_nouns, NELEM(how_nouns)))
        return 1;
    if (items == 1 && np >= 3 + adj && pc[np - 2 - adj].single_han) {
        const ss_atom *j = &an->atoms[pc[np - 2 - adj].first], *a = &an->atoms[pc[np - 1].first];
        size_t tl = an->atoms[pc[np - 1].last].norm + an->atoms[pc[np - 1].last].normlen - a->norm;
        int de = IN(how_joiners, an->norm + j->norm, j->normlen);
        if (de && ((!adj && IN(how_nouns, an->norm + a->norm, tl)) ||
                   IN(state_nouns, an->norm + a->norm, tl)))
            return 1;
    }
    size_t content = 0, han = 0, stops = 0;
    for (size_t i = 0; i < np; i++) {
        const ss_atom *at = &an->atoms[pc[i].first];
        size_t tl = an->atoms[pc[i].last].norm + an->atoms[pc[i].last].normlen - at->norm;
        if (IN(question_words, an->norm + at->norm, tl) ||
            (at->kind == SS_ATOM_HAN && holds_question(an->norm + at->norm, tl)))
            return 1;
        /* 从|何, 有|何 as the segmenter cuts them (…从何入手; not 何 alone,
         * a surname: 何立峰; twenty-second round) */
        if (i > 0 && pc[i].single_han && atom_is_text(an, pc[i].first, "何") &&
            pc[i - 1].single_han &&
            (atom_is_text(an, pc[i - 1].first, "从") || atom_is_text(an, pc[i - 1].first, "有")))
            return 1;
        content += !pc[i].stop && !pc[i].single_han;
        stops += pc[i].stop;
        han += pc[i].last - pc[i].first + 1;
    }
    /* a text with an amount in it states a fact to look up (新增就业10万人,
     * 引进资金100亿元): its words, not what is to be done; and one with a
     * year is no long run of text (1998年发生的特大洪水: the event) */
    int year = 0, span = 0;
    const ss_atom *z = an->natoms ? &an->atoms[an->natoms - 1] : NULL;
    for (size_t i = 0; i < np; i++) {
        if (amount_at(an, pc, np, i))
            return 0;
        const ss_atom *at = &an->atoms[pc[i].first];
        year |= at->kind == SS_ATOM_ASCII &&
                ss_q_years_end(an->norm + at->norm, z->norm + z->normlen - at->norm, &span) > 0;
    }
    /* the verb that opens it, after an adverb of manner (全面|推进) */
    size_t lead = lead_len(an, pc, np);
    if (lead && lead_in_name(an, o, pc, np, lead))
        lead = 0;
    size_t v = lead == 2 ? 1 : 0;
    if (items == 1 && np > v + 1 && (lead || doing_verb(an, d, &pc[0])) && content >= 2 + v &&
        han >= 6) {
        /* a character after the verb goes with it (集聚|区|创新|发展:
         * 集聚区, no verb) unless it starts a word of two (推动|产|城|融合) */
        const char *t = an->norm + an->atoms[pc[v].first].norm;
        size_t tl = an->atoms[pc[v + 1].last].norm + an->atoms[pc[v + 1].last].normlen -
                    an->atoms[pc[v].first].norm;
        if (!pc[v + 1].single_han || (np > v + 2 && pc[v + 2].single_han && !pc[v + 2].stop &&
                                      !seg_dict_lookup(d, t, tl, NULL)))
            return 1;
    }
    /* a noun phrase, X的Y with nothing else of function (宁夏的东西部扶贫
     * 协作: a place and a word), is no run of text */
    int phrase = (stops == 1 && np > 2 && is_de(an, &pc[1])) || where_phrase(an, pc, np);
    /* nor is the title of a speech, a person's name, 在 and the meeting
     * (王国生在全省项目建设推进会上的讲话): who, and on what */
    int speech = 0;
    for (size_t i = 1; i + 1 < np && !speech; i++)
        speech = pc[i].first == pc[i].last && atom_is_text(an, pc[i].first, "在") &&
                 (person_said(an, d, pc[0].first, pc[0].first + 2, pc[i].first) ||
                  person_said(an, d, pc[0].first, pc[0].first + 3, pc[i].first));
    return items == 1 && stops > 0 && content >= 4 && han >= 8 && !year && !phrase && !speech;
}

/* Units of an unquoted item: the pieces, with function words dropped from
 * a question and every single character joined to the piece it stands
 * against (六|新|项目 -> 六新 | 项目; 楼|阳生 -> 楼阳生; 集聚|区 ->
 * 集聚区): a lone character is rarely a unit of meaning, and what the user
 * typed together stays together. */
/* A character that modifies the word after it (SS_Q_MODIFIERS). */
static int is_prefix_char(const ss_analysis *an, const piece *p)
{
    const ss_atom *a = &an->atoms[p->first];
    size_t l = 0;
    return a->kind == SS_ATOM_HAN && cp_in(utf8_valid_cp(an->norm + a->norm, &l), SS_Q_MODIFIERS);
}

/* Adds to a question the unit of atoms [first, last] weighing qweight,
 * unless a unit of the item (from u0 on) has its text: a word named twice
 * (融资难融资贵 -> 融资难 | 融资 | 融资贵) is asked about once. */
static ss_code add_question_unit(ss_query *q, const ss_analysis *an, size_t u0, uint32_t first,
                                 uint32_t last, float qweight, ss_err *err)
{
    const char *t = an->norm + an->atoms[first].norm;
    size_t tl = an->atoms[last].norm + an->atoms[last].normlen - an->atoms[first].norm;
    for (size_t u = u0; u < q->nunits; u++)
        if (strlen(q->units[u].text) == tl && memcmp(q->units[u].text, t, tl) == 0)
            return SS_OK;
    ss_code rc = ss_q_add_unit(q, an, first, last, err);
    if (rc == SS_OK)
        q->units[q->nunits - 1].qweight = qweight;
    return rc;
}

/* 1 when the dictionary tags piece p's text as part of speech pos. */
static int piece_pos(const ss_analysis *an, const seg_dict *d, const piece *p, int pos)
{
    const char *t = an->norm + an->atoms[p->first].norm;
    size_t tl = an->atoms[p->last].norm + an->atoms[p->last].normlen - an->atoms[p->first].norm;
    return seg_dict_pos(d, t, tl) == pos;
}

/* 1 when piece p is a measure word (亩, 吨, 户), not a numeral (三, 百). */
static int measure_piece(const ss_analysis *an, const seg_dict *d, const piece *p)
{
    const char *t = an->norm + an->atoms[p->first].norm;
    size_t tl = an->atoms[p->last].norm + an->atoms[p->last].normlen - an->atoms[p->first].norm;
    size_t k = 0;
    return piece_pos(an, d, p, SEG_POS_MEASURE) && !ss_num_is_numeral(utf8_next(t, tl, &k));
}

/* A question's verbs that take a noun after them as their object (修复和
 * 扩容管网, 打通物流通道) say what is to be done to the thing asked
 * about, not the thing: a passage holding only the verbs (修复生态,
 * 扩容提质) answers another question.  Each verb of the question's words
 * m[0, n) -- a word the dictionary tags as a verb alone, not as a verbal
 * noun (投资, 生产) -- followed, through other such verbs, by a word it
 * tags as a noun weighs QW_REMEDY, as a word of what is done.  A verb
 * with no noun after it (怎样支持农民增收: 增收) is the thing asked about. */
static void weigh_verbs(const ss_analysis *an, const seg_dict *d, piece *m, size_t n)
{
    for (size_t i = 0; d && i < n; i++) {
        if (!piece_pos(an, d, &m[i], SEG_POS_VERB) || m[i].qweight != 1.0f)
            continue;
        size_t j = i + 1;
        while (j < n && piece_pos(an, d, &m[j], SEG_POS_VERB))
            j++;
        if (j < n && piece_pos(an, d, &m[j], SEG_POS_NOUN))
            for (size_t k = i; k < j; k++)
                m[k].qweight = m[k].qweight == 1.0f ? (float)QW_REMEDY : m[k].qweight;
        i = j - 1;
    }
}

/* 1 when pieces i and i + 1 are single characters (no function words)
 * standing against each other. */
static int two_singles(const ss_analysis *an, const piece *pc, size_t np, size_t i)
{
    return i + 1 < np && pc[i].single_han && !pc[i].stop && pc[i + 1].single_han &&
           !pc[i + 1].stop && adjacent(an, &pc[i], &pc[i + 1]);
}

/* 1 when piece i starts a run of exactly two single characters: a word
 * of the commonest length that the dictionary does not know (禁|烧).
 * Three or more standing single (鼠|蟑|蝇) stay with the word before
 * them, as typed, unless it is a verb (verb_then_run). */
static int starts_run(const ss_analysis *an, const piece *pc, size_t np, size_t i)
{
    return two_singles(an, pc, np, i) && !(i > 0 && two_singles(an, pc, np, i - 1)) &&
           !two_singles(an, pc, np, i + 1);
}

/* 1 when piece i starts a run of three or more single characters after a
 * verb (解决|大|班|额, 化解|大|班|额, 解决|入|园|难): in a question, a word the
 * dictionary does not know, of its own -- not the verb's object glued to
 * it (解决大班额, which finds only that string and leaves 大班额 unasked). */
static int verb_then_run(const ss_analysis *an, const seg_dict *d, const piece *pc, size_t np,
                         size_t i)
{
    return i > 0 && !pc[i - 1].single_han && adjacent(an, &pc[i - 1], &pc[i]) &&
           two_singles(an, pc, np, i) && two_singles(an, pc, np, i + 1) &&
           doing_verb(an, d, &pc[i - 1]);
}

/* 1 when piece i, a function character of a slogan (为, 以, 于, 而),
 * stands inside a phrase of the question (项目|为|王, 农民|为|本: the
 * slogan, not the words apart): side by side between the piece kept
 * before it (prev) and a single character that ends the phrase. */
static int inside_phrase(const ss_analysis *an, const piece *pc, size_t np, size_t i,
                         const piece *prev)
{
    static const char *const slogan_chars[] = { "为", "以", "于", "而" };
    const ss_atom *a = &an->atoms[pc[i].first];
    if (!pc[i].stop || !pc[i].single_han || i == 0 || i + 1 >= np || !prev ||
        prev->last + 1 != pc[i].first || !pc[i + 1].single_han || pc[i + 1].stop ||
        !IN(slogan_chars, an->norm + a->norm, a->normlen))
        return 0;
    return adjacent(an, &pc[i - 1], &pc[i]) && adjacent(an, &pc[i], &pc[i + 1]) && !pc[i - 1].stop;
}

/* 1 when pieces a and b side by side are a word of the synonym table:
 * the character goes with the word after it, not the one before
 * (重庆|公|租房 -> 重庆 | 公租房; twenty-second round: 重庆公+租房 found
 * nothing). */
static int table_text(const ss_syn *syn, const ss_analysis *an, const piece *a, const piece *b,
                      int same)
{
    ss_syn_alt alt[8];
    const char *t = an->norm + an->atoms[a->first].norm;
    size_t tl = an->atoms[b->last].norm + an->atoms[b->last].normlen - an->atoms[a->first].norm;
    size_t n = syn ? ss_syn_lookup(syn, t, tl, alt, same ? NELEM(alt) : 1) : 0;
    for (size_t i = 0; same && i < n; i++)
        if (!alt[i].related)
            return 1;
    return n > 0 && !same;
}

static int table_word(const ss_query *q, const ss_analysis *an, const piece *a, const piece *b)
{
    return table_text(q->opts.syn, an, a, b, 0);
}

/* A numbered slogan, a name of an "=" group of the synonym table that
 * opens with a numeral, split by the segmenter into words (三重|一大,
 * 四个|全面, 三|供|一业, 两个|毫不动摇; not single characters alone, 六|稳,
 * which join as they stand, nor a word of the table with general words
 * after it, 三农|工作, where the head is the word asked about): in a
 * question its pieces, side by side, make one piece, a word of its own,
 * neither generic nor a function word (如何落实三重一大 read 三重|一大
 * without the table's other names; 如何理解四个全面 read 四个 alone, 全面
 * being a manner word).  Other words of the table stay split: a question
 * counts its pieces apart (医养|结合, 易地|扶贫|搬迁 scored better so on the
 * tuning halves than whole). */
#define TABLE_WORD_PIECES 4
static size_t join_table_words(const ss_syn *syn, const ss_analysis *an, piece *pc, size_t np)
{
    size_t n = 0;
    for (size_t i = 0; i < np; i++) {
        pc[n] = pc[i];
        size_t l = 0;
        int numbered =
            syn && ss_num_is_numeral(utf8_valid_cp(an->norm + an->atoms[pc[i].first].norm, &l));
        for (size_t j = i + TABLE_WORD_PIECES - 1 < np ? i + TABLE_WORD_PIECES - 1 : np - 1;
             numbered && j > i; j--) {
            int glued = 1, words = 0;
            for (size_t k = i; k <= j && glued; k++) {
                glued = an->atoms[pc[k].first].kind == SS_ATOM_HAN &&
                        (k == j || adjacent(an, &pc[k], &pc[k + 1]));
                words += !pc[k].single_han;
            }
            if (!glued || !words || !table_text(syn, an, &pc[i], &pc[j], 1))
                continue;
            size_t k = j; /* the general words at its end */
            while (k > i && pc[k].generic)
                k--;
            if (k < j && table_text(syn, an, &pc[i], &pc[k], 0))
                continue; /* 三农|工作: the head is the word */
            one_word(&pc[n], pc[j].last);
            i = j;
            break;
        }
        n++;
    }
    return n;
}

static ss_code item_units(ss_query *q, const ss_analysis *an, const seg_dict *d,
                          piece *pc, size_t np, int natural, ss_err *err)
{
    size_t u0 = q->nunits;
    if (natural)
        np = join_table_words(q->opts.syn, an, pc, join_figures(an, pc, np));
    piece m[MAX_PIECES_ITEM];
    size_t nm = 0, specific = 0;
    for (size_t i = 0; natural && i < np; i++) /* a word, or characters that make one */
        specific += !pc[i].stop && !pc[i].generic &&
                    (!pc[i].single_han || starts_run(an, pc, np, i) ||
                     verb_then_run(an, d, pc, np, i));
    /* …的实践: what was done, asked as 如何… is (not a word of the question) */
    static const char *const practice[] = { "实践", "实践探索", "探索与实践" };
    if (natural && np >= 3 && is_de(an, &pc[np - 2])) {
        const ss_atom *a = &an->atoms[pc[np - 1].first], *z = &an->atoms[pc[np - 1].last];
        if (IN(practice, an->norm + a->norm, z->norm + z->normlen - a->norm))
            np -= 2;
    }
    for (size_t i = 0; i < np && nm < MAX_PIECES_ITEM; i++) {
        if (natural && (pc[i].stop || (pc[i].generic && specific > 0)) &&
            !inside_phrase(an, pc, np, i, nm ? &m[nm - 1] : NULL))
            continue;
        if (!natural && i > 0 && i + 1 < np && is_de(an, &pc[i]))
            continue; /* 新的增长点: 新 + 增长点, the whole word as typed beside (之, and
                       * 的 beside a single character: qparse.c cuts the rest) */
        piece *prev = nm ? &m[nm - 1] : NULL;
        /* a modifier between two words goes with the word it modifies:
         * 东北|老|工业 -> 东北 | 老工业, not 东北老 | 工业 */
        if (prev && !prev->single_han && pc[i].single_han && i + 1 < np &&
            !pc[i + 1].single_han && adjacent(an, &pc[i], &pc[i + 1]) &&
            (is_prefix_char(an, &pc[i]) || table_word(q, an, &pc[i], &pc[i + 1]))) {
            /* ... and goes with it when a question drops it (得到新提升) */
            if (!(natural && (pc[i + 1].stop || (pc[i + 1].generic && specific > 0))))
                m[nm++] = pc[i];
            continue;
        }
        /* in a question, two characters the dictionary does not join to
         * the word before them but that stand together are a word of their
         * own: 秸秆|禁|烧 -> 秸秆 | 禁烧 (not 秸秆禁烧 with its core,
         * which counts 秸秆 twice, outweighing the other things asked
         * about, and finds neither 禁烧秸秆 nor 禁烧 alone) */
        int verb_run = natural && prev && !prev->single_han && verb_then_run(an, d, pc, np, i);
        int run = verb_run || (natural && prev && !prev->single_han && starts_run(an, pc, np, i));
        /* a keyword that opens with a character of its own before a word
         * (猪|价格, 铝|深加工, 象|保护), a noun or a measure word (亩|投资|强度:
         * the texts write 亩均投资强度 and 投资强度…万元/亩, never 亩投资): two
         * units of the word, which the texts write apart (生猪价格, 铝精深加工),
         * not one */
        int lone = !natural && i == 1 && nm == 1 && prev && prev->single_han && !prev->stop &&
                   !pc[i].single_han && !pc[i].stop && an->atoms[pc[i].first].kind == SS_ATOM_HAN &&
                   !is_prefix_char(an, prev) &&
                   (piece_pos(an, d, prev, SEG_POS_NOUN) || measure_piece(an, d, prev)) &&
                   !ss_q_named_whole(&q->opts, d, an);
        if (verb_run) {
            m[nm] = pc[i];
            m[nm++].has_core = RUN_WORD; /* its characters joined: no core */
            continue;
        }
        if (prev && !run && !lone && adjacent(an, prev, &pc[i]) &&
            (prev->single_han || pc[i].single_han)) {
            if (!prev->has_core && prev->single_han != pc[i].single_han) {
                const piece *word = prev->single_han ? &pc[i] : prev;
                prev->core_first = word->first;
                prev->core_last = word->last;
                prev->has_core = 1;
            }
            prev->last = pc[i].last;
            prev->single_han = 0;
            prev->qweight = 1.0f; /* a word with more to it than the problem or remedy */
            continue;
        }
        m[nm++] = pc[i];
    }
    if (natural)
        weigh_verbs(an, d, m, nm);
    for (size_t i = 0; i < nm; i++) {
        /* a word made whole by joining (新 + 时期) may be a generic one too */
        const char *t = an->norm + an->atoms[m[i].first].norm;
        size_t tl = an->atoms[m[i].last].norm + an->atoms[m[i].last].normlen -
                    an->atoms[m[i].first].norm;
        if (natural && specific > 0 && generic_text(t, tl))
            continue;
        ss_code rc = natural ? add_question_unit(q, an, u0, m[i].first, m[i].last, m[i].qweight, err)
                             : ss_q_add_unit(q, an, m[i].first, m[i].last, err);
        /* a question also counts the word without its character: 落地难 ->
         * 落地 too, for the passages that say it another way; not where
         * that is no word of the dictionary and the whole is one of the
         * synonym table (营改增: no 营改; 融资难 keeps 融资) */
        ss_syn_alt whole[1];
        const char *ct = an->norm + an->atoms[m[i].core_first].norm;
        size_t ctl = an->atoms[m[i].core_last].norm + an->atoms[m[i].core_last].normlen -
                     an->atoms[m[i].core_first].norm;
        if (rc == SS_OK && natural && m[i].has_core == 1 &&
            !(q->opts.syn && ss_syn_lookup(q->opts.syn, t, tl, whole, 1) > 0 && d &&
              !seg_dict_lookup(d, ct, ctl, NULL)))
            rc = add_question_unit(q, an, u0, m[i].core_first, m[i].core_last,
                                   word_qweight(an, m[i].core_first, m[i].core_last), err);
        if (rc != SS_OK)
            return rc;
    }
    return SS_OK;
}

/* Particles that end or begin a word typed with them (乡村振兴的, 招商引资等,
 * 的乡村振兴) and say nothing of it.  Not 地, which is also land (三块地). */
static const char *const edge_particles[] = { "的", "得", "了", "着", "过", "之", "等" };

/* Words of the request, not of what is asked for, before (关于新基建,
 * 有关双减的讲话, 对于…, 近年来…; 以来 after a year cut off: 2018年以来…)
 * or after (新基建情况, 双减方面, 新基建相关, 有关…的讲话) the words of a
 * keyword query: they go, as particles do. */
static const char *const lead_requests[] = {
    "在", /* 在河南的招商引资 */
    "全省", "全市", "全县", "全区", /* 全省项目建设: the place's whole, of the place */
    "那场", "这场", "那次", "这次", /* 2008年那场地震: the event */
    "关于", "有关", "对于", "以来", "近年来", "近年", "近几年", "多年来", "以前", "以后",
    "之前", "之后",
    /* who asks and how (我想了解…, 请搜索…, 帮我找…, 各地…的情况) */
    "我", "我想", "想", "我要", "了解", "想了解", "一下", "知道", "想知道", "查找", "查询",
    "搜索", "检索", "请", "帮我", "帮", "看看", "各地", "全国各地", "找", "查", "搜",
    /* the places taken one by one (各省…, 各市…; twentieth round) */
    "各省", "各市", "各县", "各区", "各省份", "各城市", "各地市", "各省市", "各省区市",
    /* where it was said, in a collection of them (政府工作报告中的…) */
    "政府工作报告", "工作报告", "中",
    "解读", /* 解读双减 */
    "谈谈", "浅谈", "试论", "说说", "讲讲", "聊聊", /* 谈谈双减: what is asked about */
    "介绍", "介绍一下", /* 介绍一下双减 */
    "请问", "提到", "提及", "含有", "包含", "涉及", "讲到", "谈到", "说到",
    /* 请问双减, 提到双减的讲话 (not 讲: 讲政治 is a slogan) */
    "至今", /* 2019年至今 招商引资, as 以来 */
    "回顾", "盘点", /* 回顾1998年特大洪水 (twenty-second round) */
    /* a piece written on it (简述双减, 谈新基建; twenty-third round: they
     * found nothing) */
    "简述", "概述", "谈", "论",
    /* over the years, year by year (历年乡村振兴; twenty-third round: a
     * keyword of its own, none found; not 每年, 每年新增 is a thing done) */
    "历年", "历年来", "逐年", "各年", "各年份",
};
/* Words of the first time (首次, 最早) before a verb of saying or writing
 * (提出, 写入): when a thing was first put so is asked, not the words. */
static const char *const first_time[] = { "首次", "最早", "率先", "第一次", "最先", "首先",
                                          "正式" };
static const char *const first_said[] = { "提出", "写入", "提到", "部署" };
static const char *const trail_requests[] = {
    "多少", "几个", /* 人口多少, 贫困县几个: the figure asked for */
    "各地", "全省", "全市", "全县", /* 河南各地的…: the place */
    "情况", "方面", "相关", "有关", "讲话", "论述", "表述", "提法", "说法", "内容", "意义",
    "含义", "内涵", "定义", "概念", "由来", "来历", "意思",
    "重要性", "必要性", "紧迫性", "期间", "中", "政府工作报告", "工作报告",
    "领域", "里", "下", "过程", /* 职业教育领域的…, 营商环境下的…: where, of the thing */
    "上", "会上", "发言", "致辞", "讲话稿", /* …在项目建设会上的讲话 (qparse.c cuts at 在) */
    "以上", "以下", "左右", "上下", "以内", /* 一百万吨以上: how near the figure */
    "以来", "至今", "前后", /* 十三五以来的脱贫攻坚, 改革开放以来, 2008年前后: when */
    "大关", /* 吞吐量突破一亿吨大关: the figure */
    "相结合", /* 光伏与扶贫相结合: the two, joined */
    "这块", "这方面", /* …这方面 */
    "里面", "当中", "之中", "之间", "两方面", "两个方面", "几个方面", "各方面",
    /* A里面的B, A当中的B, A与B之间, A和B两方面 */
    /* what of it is asked for (双减解读, …的主要内容; after 的 more: trail_de_only) */
    "解读", "政策解读", "主要内容", "具体内容", "基本内容", "核心内容",
    "现状", "最新", "最新进展", /* 双减的现状, 双减的最新进展 */
    "成功经验", "先进经验", /* words of the dictionary; 典型做法 and others are
                             * phrases of two (request_phrases) */
    "来龙去脉", "前世今生", "最新消息", "统计数据", "一事", /* …的来龙去脉, …一事 */
    "取得成效", "取得成绩", "取得成果", "取得进展", /* what came of it (twenty-first round) */
    "做得好", "做得比较好", "做得较好", "做得最好", "干得好", /* how well (twenty-second round) */
    "经验教训", /* …的经验教训: what was learnt of it (twenty-second round) */
    "历年", "逐年", "各年", "各年份", "历年情况", /* 乡村振兴历年 (twenty-third round) */
    /* the time after or before an event (…以后, …之后; twenty-first round):
     * the event; …后 and …时 after a word of two characters: after_event */
    "以后", "之后", "之前", "以前",
};
/* ... and these too, as words of their own (双减|工作, 大班额|问题; not
 * 政策, which tells 两新 policies from 两新 organisations; not
 * after a common word of two characters: common_pair) or joined to a word
 * before them after three characters or more (夜间|经济工作); a word the
 * dictionary knows whole stays (统战工作, 三农问题). */
static const char *const trail_after_long[] = { "工作", "问题", "成效", "成果", "成绩", "进展",
                                                 "效果", "经验", "做法",
                                                 /* the meeting a speech was given at
                                                  * (项目建设推进会): its passages
                                                  * are on the thing */
                                                 "会议", "大会", "推进会", "座谈会",
                                                 "动员会", "工作会议", "推进会议", "动员大会",
                                                 "常务会议", "表彰大会",
                                                 /* the papers that tell of it, when the
                                                  * segmenter keeps them whole
                                                  * (twentieth round) */
                                                 "工作汇报", "讲话稿", "讲话材料",
                                                 "典型材料", "经验材料", "汇报材料",
                                                 "发言材料", "经验介绍", "经验交流",
                                                 /* the material a speech writer asks
                                                  * for on it (乡村振兴素材, 新基建简介,
                                                  * …的讲话摘录; twenty-third round:
                                                  * each found nothing) */
                                                 "素材", "简介", "概况", "综述", "汇编",
                                                 "资料", "名言", "原文", "段落", "摘录",
                                                 "摘编",
                                                 /* how it was put and how that changed
                                                  * (…写法, …原话, …演变, …历程) */
                                                 "写法", "排比句", "小标题", "好句子", "原话",
                                                 "出处", "演变", "变迁", "历程", "演进",
                                                 /* what of it is looked for, and where
                                                  * it was written (…政策汇总, …要点,
                                                  * …的关键词, …元年, 各省…对比, …写进
                                                  * 政府工作报告; twenty-fourth round:
                                                  * each found nothing) */
                                                 "标题", "汇总", "要点", "关键词", "热词",
                                                 "新名词", "元年", "对比", "写进",
                                                 "写入", "出自", "见于", "最早", "最早见于",
                                                 "实施意见", "全文", "讲话全文",
                                                 /* the ways and plans of it, when the
                                                  * segmenter keeps them whole (…新举措,
                                                  * …具体措施, …工作思路; twenty-fifth
                                                  * round) */
                                                 "新举措", "具体措施", "工作思路",
                                                 /* the doing of it glued after it
                                                  * (林长制落实, 乡村振兴推进: 0.39
                                                  * and 0.43 on the real tuning
                                                  * half's one-word queries against
                                                  * 0.84 as typed): not after a
                                                  * verb (doing_after_verb) */
                                                 "落实", "推进" };
/* The verbs of doing among trail_after_long: after another verb they
 * are half of what is done (整改落实, 统筹推进, 督促落实) and stay. */
static const char *const doing_after[] = { "落实", "推进" };
/* ... and these, a paper's name of the ways of it or of a study of it,
 * glued to the thing (夜间经济对策, …路径研究, …调研报告; twenty-first
 * round: 0.42-0.72 against 0.84 on the real tuning half), not after a word
 * of the kind of way (…的具体措施, …主要举措: a question, how_nouns) */
static const char *const paper_after[] = { "对策", "路径", "措施", "举措", "建议", "思考",
                                           "研究", "探索", "实践", "总结", "对策建议",
                                           "对策研究", "路径研究", "实践探索", "探索实践",
                                           "调研报告", "调查报告", "研究报告", "情况汇报",
                                           /* twenty-second round */
                                           "实施方案", "案例" };
static const char *const paper_kinds[] = { "具体", "主要", "重要", "总体", "有效", "典型",
                                           "成功", "先进", "好", "工作", "实施", "实现",
                                           "发展", "几点", "若干", "相关", "有关", "配套",
                                           "保障", "政策", "新", "创新", "积极", "有力",
                                           "务实", "得力", "重大", "关键", "重点", "切实",
                                           "一系列", "系列", "各项", "多项", "综合", "战略" };
/* ... of which these go after 的 too (双减的成效, 夜间经济方面的工作): what
 * came of the thing or the work on it, not a second thing (乡村振兴的人才
 * is two) */
static const char *const trail_after_de[] = { "工作", "成效", "成果", "成绩", "进展", "效果",
                                              "新举措" /* twenty-fifth round */ };
/* ... and these only after 的, where they ask for an aspect of the thing
 * (双减的背景, 双减的要求, 双减的特点); glued they are words of their own
 * (总体要求, 四项基本原则, 一个中国原则) */
static const char *const trail_de_only[] = { "要求", "原则", "目的", "特点", "好处", "背景",
                                            "提出", "亮点", "历程", "发展历程", "目标任务",
                                            "意见", "实施意见", "实施方案", "文件", "政策措施",
                                            /* …工作的开展, …的推进 */
                                            "开展", "推进", "落实", "实施",
                                            /* …的发展, …的实践, …的探索 (glued,
                                             * 绿色发展 stays; not 政策: 两新的政策 is
                                             * not 两新组织) */
                                            "发展", "实践", "探索", "报道", "建设",
                                            "结合", /* A与B的结合 */
                                            "推行", "实行", "建立", /* 河长制的推行 */
                                            "资料", "数据", "规定", /* …的资料, …的数据 */
                                            "原文", "段落", "句子", "报告", "表述", /* …的原文 */
                                            "应对", "处置", /* 2008年雨雪冰冻的应对 (twenty-first round) */
                                            "关键词", "热词", "标题", "要点", "来源", /* twenty-fourth round */
                                            /* the material on it, how it was put and
                                             * how that changed (…的素材, …的写法,
                                             * …的演变; twenty-third round) */
                                            "素材", "简介", "概况", "综述", "汇编", "名言",
                                            "摘录", "摘编", "写法", "标题", "小标题",
                                            "好句子", "原话", "出处", "排比句", "演变", "变迁",
                                            "演进" };

/* Nouns of an aspect asked for, after 的, that the segmenter may cut in
 * two or three words (目标|任务, 历史|沿革) or keep whole (工作思路): the
 * aims, tasks, course, outlook or state of the thing before 的
 * (乡村振兴的目标任务, 河长制的实施效果, 新基建的发展趋势).  Glued
 * to a word without 的 they stay (重点任务 of 十四五重点任务 may be a name).
 * Not 重点工作: 今年的重点工作 asks for the work; not the ways of it
 * (…的具体措施, …的实现路径: how_nouns, a question). */
static const char *const de_aspects[] = {
    "目标任务", "重点任务", "主要任务", "目标和任务", "工作目标", "主要目标", "总体目标",
    "发展目标", "总体要求", "目标要求", "工作要求", "基本要求", "基本原则", "主要成效",
    "实施效果", "实施成效", "工作成效", "基本情况", "总体情况", "发展方向", "发展趋势",
    "发展前景", "历史沿革", "发展历程", "发展现状",
    "特色", "优势", "劣势", "未来", "前景", "历史", "地位", /* …的特色, …的优势 */
    /* the policies of it (…的配套政策; twentieth round), why it is so (…的
     * 原因), how big it is (…的规模).  Not a paper's name (…的指导意见,
     * …的规划纲要, …的工作方案): 粤港澳大湾区的规划纲要 asks for the paper */
    "配套政策", "扶持政策", "支持政策", "优惠政策", "原因", "主要原因", "规模", "总体规模",
};

/* How many words of an, one to three, at the end of words [w0, w1) make
 * a noun of de_aspects after 的, with a word before the 的; 0 when none. */
static int de_word(const ss_analysis *an, const ss_word *x);

/* 1 when words [a, b) of an are Han words of the segmenter glued in a
 * row and their text is an entry of list (n entries). */
static int glued_words_in(const ss_analysis *an, size_t a, size_t b, const char *const *list, size_t n)
{
    for (size_t w = a; w < b; w++)
        if (an->words[w].slogan || an->atoms[an->words[w].first].kind != SS_ATOM_HAN ||
            (w > a && an->words[w].first != an->words[w - 1].last + 1))
            return 0;
    const ss_atom *f = &an->atoms[an->words[a].first], *l = &an->atoms[an->words[b - 1].last];
    return in_list(list, n, an->norm + f->norm, l->norm + l->normlen - f->norm);
}


static int conjunction_word(const ss_analysis *an, const ss_word *x);
static int plan_at(const ss_analysis *an, size_t k);

/* The normalised text of word x of an; *len its bytes. */
static const char *word_text(const ss_analysis *an, const ss_word *x, size_t *len)
{
    *len = an->atoms[x->last].norm + an->atoms[x->last].normlen - an->atoms[x->first].norm;
    return an->norm + an->atoms[x->first].norm;
}

int ss_q_common_or_verb(const seg_dict *d, const char *t, size_t tl, size_t chars)
{
    uint32_t freq = 0;
    return seg_dict_pos(d, t, tl) == SEG_POS_VERB ||
           (chars == 2 && seg_dict_lookup(d, t, tl, &freq) && freq >= COMMON_WORD_FREQ);
}

/* ss_q_common_or_verb of word x of an. */
static int common_or_verb(const seg_dict *d, const ss_analysis *an, const ss_word *x)
{
    size_t tl;
    const char *t = word_text(an, x, &tl);
    return ss_q_common_or_verb(d, t, tl, x->last - x->first + 1);
}

/* Aspects of de_aspects that ask for the tasks of a thing glued to it too
 * (乡村振兴重点任务); the others glued are words of their own (总体要求). */
static const char *const glued_aims[] = { "重点任务", "主要任务" }; /* not 目标任务: 脱贫攻坚目标任务 is a phrase the reports write (100 passages) */

static size_t de_aspect_words(const ss_analysis *an, const seg_dict *d, size_t w0, size_t w1)
{
    /* a thing before 的, not a clause: of three words or more, none a verb
     * before others (做|强|陶瓷|产业的总体要求, 教育|放在|优先发展的地位 stay
     * questions; 开放|招商, 东北|老工业|基地|振兴 are things) */
    size_t de = w0;
    while (de < w1 && !de_word(an, &an->words[de]))
        de++;
    for (size_t w = w0; d && de >= w0 + 3 && w + 1 < de; w++) {
        const ss_atom *f = &an->atoms[an->words[w].first], *l = &an->atoms[an->words[w].last];
        if (!an->words[w].slogan && (w == w0 || an->words[w].first < an->words[w].last) &&
            seg_dict_pos(d, an->norm + f->norm, l->norm + l->normlen - f->norm) == SEG_POS_VERB)
            return 0; /* a verb of one character inside is a short form's (三|供|一业) */
    }
    /* glued, the tasks of a thing of three characters or more (林长制重点任务,
     * 乡村振兴主要任务: 0.14 and 0.16 against 0.65 and 0.84 typed alone),
     * not of a five-year plan (十四五重点任务 may be the plan's own) */
    for (size_t k = 1; de == w1 && k <= 2 && w1 >= w0 + k + 1; k++) {
        size_t a = w1 - k, last = an->words[a - 1].last;
        if (last + 1 == an->words[a].first && last >= an->words[w0].first + 2 &&
            an->atoms[an->words[w0].first].kind == SS_ATOM_HAN &&
            glued_words_in(an, a, w1, glued_aims, NELEM(glued_aims)) &&
            !conjunction_word(an, &an->words[a - 1]) && /* 奋斗目标和主要任务 */
            /* 经济社会发展主要任务: a heading the reports write (810 passages) */
            !(d && common_or_verb(d, an, &an->words[a - 1])) && !plan_at(an, last - 2))
            return k;
    }
    for (size_t k = 1; k <= 3 && w1 >= w0 + k + 2; k++) {
        size_t a = w1 - k;
        /* a noun of one word only after a word of two characters or more
         * (党的历史 stays: the party's history, 党史) */
        if (k == 1 && an->words[a - 1].first < an->words[w0].first + 2)
            continue;
        if (an->words[a - 1].last + 1 == an->words[a].first && de_word(an, &an->words[a - 1]) &&
            glued_words_in(an, a, w1, de_aspects, NELEM(de_aspects)))
            return k;
    }
    return 0;
}

/* 1 when word x of an is a particle of edge_particles standing alone, or
 * a word of the list (n words) given. */
static int edge_word(const ss_analysis *an, const ss_word *x, const char *const *list, size_t n)
{
    const ss_atom *a = &an->atoms[x->first], *b = &an->atoms[x->last];
    if (x->slogan || a->kind != SS_ATOM_HAN)
        return 0;
    return (x->first == x->last && IN(edge_particles, an->norm + a->norm, a->normlen)) ||
           in_list(list, n, an->norm + a->norm, b->norm + b->normlen - a->norm);
}

/* 1 when word x of an is one of doing_after and the word before it may be
 * a verb or an adverb (整改落实, 统筹推进, 协同推进, 稳步推进): one the
 * dictionary tags a verb, or of two characters and not tagged a noun (双减
 * is untagged too, and stays 双减+落实); a thing of three characters or
 * more (林长制, 乡村振兴, 重点项目) is what is done. */
static int doing_after_verb(const ss_analysis *an, const seg_dict *d, size_t w0, size_t x)
{
    if (x <= w0 || !edge_word(an, &an->words[x], doing_after, NELEM(doing_after)))
        return 0;
    const ss_word *p = &an->words[x - 1];
    size_t tl;
    const char *t = word_text(an, p, &tl);
    int pos = seg_dict_pos(d, t, tl);
    return pos == SEG_POS_VERB || (p->last - p->first < 2 && pos != SEG_POS_NOUN) ||
           IN(manner_adverbs, t, tl) || IN(lead_doing, t, tl) || IN(manner_verbs, t, tl);
}

/* 1 when text[0, len) begins or ends with a character of edge_particles. */
static int edge_char(const char *text, size_t len)
{
    for (size_t i = 0; i < NELEM(edge_particles); i++) {
        size_t l = strlen(edge_particles[i]);
        if (len > l && (memcmp(text, edge_particles[i], l) == 0 ||
                        memcmp(text + len - l, edge_particles[i], l) == 0))
            return 1;
    }
    return 0;
}

/* Requests the segmenter cuts into words (政府|工作|报告): where it was
 * said, in a collection of such texts. */

static const char *const request_phrases[] = {
    "政府工作报告", "工作报告", "取得的成效", "取得的成绩", "取得的成果", "取得的进展",
    "取得成效", "取得成绩", "取得成果", "取得进展", /* twenty-first round */
    "调研报告", "调查报告", "研究报告", "情况报告", "专题报告", /* …调研报告 */
    "典型经验", "经验做法", "好做法", "工作成效", "工作进展",
    /* what a leader said of it (…的重要论述, …的重要指示精神) */
    "重要论述", "重要讲话", "重要指示", "重要批示", "重要讲话精神", "重要指示精神",
    /* a figure asked for (人口是多少, GDP有多少): the thing, a fact to look up */
    "是多少", "有多少", "为多少", "有多少个", "多少个", "有几个",
    /* how well it is done (…搞得好不好, …做得怎么样) and the papers that tell
     * of it: speeches, reports of experience (…的领导讲话, …典型材料, …的经验
     * 介绍; twentieth round) */
    "搞得好不好", "做得好不好", "好不好", "搞得怎么样", "做得怎么样", "干得怎么样",
    /* …做得好, …做得比较好的地方, …典型案例, …实施方案, …的工作部署
     * (twenty-second round: 0.33-0.68 against 0.84 on the real tuning half) */
    "做得好", "做得比较好", "做得较好", "做得最好", "干得好", "做得好的地方",
    "做得比较好的地方", "工作部署", "短板弱项",
    "造成的损失", "造成的影响", "带来的损失", "损失情况", /* what an event did */
    "有哪些亮点", "有什么亮点", "亮点有哪些", "领导讲话", "讲话稿", "讲话材料", "发言材料",
    "典型材料", "经验材料", "汇报材料", "经验介绍", "经验交流", "典型发言", "交流发言",
    "经验交流材料", "工作汇报", "情况汇报", /* the fourth session of 2026-12-03: 五千万吨 情况汇报 found nothing */
    /* material asked for, of words the segmenter cuts (金|句; twenty-third round) */
    "金句", "写作素材", "讲话摘录", "论述摘编", "重要论述摘编", "表态发言", "参考资料",
    "相关资料", "背景资料",
    "政策汇总", "工作要点", "一系列举措", "典型表述", /* twenty-fourth round */
    /* the ways and plans asked for, glued after the thing (林长制主要举措,
     * …今后打算; twenty-fifth round: each found nothing; not 重点任务,
     * 主要任务: a plan's part, 十四五重点任务, which texts write; after
     * 的 they read as a question's request already) */
    "主要举措", "主要措施", "具体举措", "重要举措", "今后打算",
    "工作打算", "下步打算", "下一步打算", "下一步工作", "下一步举措", "下一步计划",
    "下一步安排", /* the segmenter cuts 下|一步 */
    "写进", "写入", "热词", /* …写进政府工作报告, …热词: the segmenter cuts 写|进, 热|词 */
    "讲话全文", /* 王凯讲话全文: 讲话|全文 */
    "实施意见", /* …实施意见: the document on it (not 落地见效, 走在前列: things said of it,
                 * which a query may ask for; 落地见效 taken out after the held-out run) */
    "经典语句", "精彩段落", "精彩语句", "经典句子", "好的句子", /* …经典语句 */
    "历年变化", "表述变化", "提法变化", "发展历程", /* how it was put over the years */
    "各年份", "各个年份", /* 乡村振兴各年份: the segmenter cuts 各|年份 */
    /* ... and how it grew, how big it is (twentieth round) */
    "增长了多少", "增长多少", "增加了多少", "增加多少", "提高了多少", "有多大", "多大",
    "规模多大", "规模有多大", "规模是多少", "总量是多少", "增速是多少", "增幅是多少",
    /* how far the doing of it has come (楼宇经济推进情况, 新基建工作开展情况) */
    "典型做法", "主要做法", "有效做法", "成功经验", "主要经验", "先进经验", /* the ways of it */
    /* the meeting a speech was given at (…在全省项目建设推进会上的讲话) */
    "意义和作用", "背景和意义", "由来和发展", "主要内容", "具体内容", "政策解读",
    "推进会", "推进会议", "推进大会", "动员会", "动员大会", "座谈会", "工作会", "工作会议",
    "常务会议", "调度会", "表彰大会", "观摩会", "推进会上", "动员会上", "座谈会上", "工作会上",
    "调度会上", "观摩会上",
    "开展情况", "推进情况", "落实情况", "实施情况", "执行情况", "完成情况", "进展情况",
    "工作情况", "工作开展情况", "工作推进情况", "工作落实情况", "最新进展",
    /* why it matters, what is said of it, what came of it (…的重要意义,
     * …的相关报道, …这一块, …的做法与成效) */
    "重要意义", "重大意义", "现实意义", "深远意义", "相关报道", "新闻报道", "这一块",
    "做法与成效", "做法和成效", "经验和做法", "经验与做法", "做法和经验", "成效和经验",
    "工作总结", "两方面", "两个方面", "几个方面", /* A和B两方面 */
    "实施以来", "推行以来", "实行以来", "建立以来", "开展以来", /* 河长制实施以来 */
    /* what of it is looked up (nineteenth round): its policies and rules,
     * news, figures, papers, the story of it (…相关政策, …的有关规定, …的
     * 情况介绍, …最新动态, …的相关资料, …这件事, …的意义何在) */
    "相关政策", "有关政策", "最新政策", "相关规定", "有关规定", "情况介绍", "最新动态",
    "相关资料", "有关资料", "相关数据", "有关数据", "这件事", "这项工作", "意义何在",
    "前景如何", "目标", /* …的目标: what is aimed at, the thing (after 的 only: 发展目标 stays) */
    /* the scene of it (A背景下的B, A视角下的B): A and B */
    "背景下", "大背景下", "视角下", "视域下", "形势下", "新形势下", "条件下", "框架下",
    "语境下", "情况下",
};

static size_t recent_span(const ss_analysis *an, size_t a, size_t end);
static int conjunction_word(const ss_analysis *an, const ss_word *x);
static int numeral_atom(const ss_analysis *an, size_t k, size_t max);

/* The bytes of s's (len bytes, at most max) normalised text in an->norm,
 * or 0 when there is none. */
static size_t norm_text(ss_actx *ac, const char *s, size_t len, size_t max, ss_analysis *an)
{
    if (len == 0 || len > max || ss_analyze(ac, s, len, an, NULL) != SS_OK || an->natoms == 0)
        return 0;
    return an->atoms[an->natoms - 1].norm + an->atoms[an->natoms - 1].normlen;
}

/* 1 when an is a time since an event and nothing more (改革开放以来,
 * 党的十八大以来 typed beside the words asked for; twenty-fourth round):
 * two Han characters or more, then 以来; not a year or a count of years
 * before it (2018年以来, 五年以来) nor a five-year plan (十三五以来: the
 * plan is kept, qparse.c plan_apart). */
/* 1 when atoms k, k+1, k+2 of an name a five-year plan (十三五, 十四五). */
static int plan_at(const ss_analysis *an, size_t k)
{
    return k + 2 < an->natoms && atom_is_text(an, k, "十") && numeral_atom(an, k + 1, 0) &&
           atom_is_text(an, k + 2, "五");
}

static int since_alone(const ss_analysis *an)
{
    size_t n = an->natoms;
    if (n < 4 || !atom_is_text(an, n - 2, "以") || !atom_is_text(an, n - 1, "来") ||
        atom_is_text(an, n - 3, "年"))
        return 0;
    for (size_t k = 0; k < n - 2; k++)
        if (an->atoms[k].kind != SS_ATOM_HAN)
            return 0;
    return !(n == 5 && plan_at(an, 0));
}

int ss_q_since_word(ss_actx *ac, const char *s, size_t len)
{
    /* most items do not end in 以来 (or 以來): no analysis for them */
    if (len < 12 || (memcmp(s + len - 6, "以来", 6) != 0 && memcmp(s + len - 6, "以來", 6) != 0))
        return 0;
    ss_analysis an;
    return norm_text(ac, s, len, 32, &an) && since_alone(&an);
}

/* The material a speech writer asks for, typed as a keyword of its own
 * beside the thing (乡村振兴 素材, 王凯 原话; twenty-fourth round: required,
 * they found 0 to 2 passages): a word of the request, as glued after the
 * thing (trail_after_long). */
static const char *const material_alone[] = {
    "素材", "简介", "概况", "综述", "汇编", "资料", "名言", "原文", "摘录", "摘编", "写法",
    "原话", "出处", "全文", "讲话全文", "汇总", "要点", "关键词", "热词", "演变", "历程",
    "排比句", "小标题", "好句子",
};

int ss_q_request_word(ss_actx *ac, const char *s, size_t len)
{
    ss_analysis an;
    size_t nl = norm_text(ac, s, len, 32, &an);
    if (!nl)
        return 0;
    return IN(lead_requests, an.norm, nl) || IN(trail_requests, an.norm, nl) ||
           IN(material_alone, an.norm, nl) ||
           IN(how_nouns, an.norm, nl) || IN(request_phrases, an.norm, nl) ||
           recent_span(&an, 0, an.natoms) == an.natoms;
}

/* How many words of an, two or three, make a phrase of request_phrases
 * at the start (lead) or the end of words [w0, w1), leaving one word or
 * more; 0 when none. */
/* 1 when word x of an is a count of one or two characters opening with a
 * numeral (十项, 十大, 三年): what follows it is a name's (十项措施); not
 * a noun of the dictionary d (三明, 三亚: places). */
static int count_word(const ss_analysis *an, const seg_dict *d, const ss_word *x)
{
    size_t l = 0;
    const char *t = an->norm + an->atoms[x->first].norm;
    size_t tl = an->atoms[x->last].norm + an->atoms[x->last].normlen - an->atoms[x->first].norm;
    return x->last <= x->first + 1 && ss_num_is_numeral(utf8_valid_cp(t, &l)) &&
           !(d && seg_dict_pos(d, t, tl) == SEG_POS_NOUN);
}

/* ... and these glued to the thing (夜间经济典型案例; twenty-second round) */
static const char *const glued_phrases[] = { "典型案例" };

static size_t phrase_words(const ss_analysis *an, size_t w0, size_t w1, int lead, int others)
{
    for (size_t k = 3; k >= 2; k--) {
        if (w1 - w0 < k)
            continue;
        size_t a = lead ? w0 : w1 - k, b = a + k - 1;
        int ok = 1;
        for (size_t w = a; w <= b && ok; w++)
            ok = !an->words[w].slogan && (w == a || an->words[w].first == an->words[w - 1].last + 1);
        const ss_atom *f = &an->atoms[an->words[a].first], *l = &an->atoms[an->words[b].last];
        size_t tl = l->norm + l->normlen - f->norm;
        /* glued to the thing only: after 的 a question's (…的典型案例 of
         * 培育专精特新中小企业 asks how it is done) */
        int glued = !lead && a > w0 && !(an->words[a - 1].first == an->words[a - 1].last &&
                                        atom_is_text(an, an->words[a - 1].first, "的"));
        /* a five-year plan's part (十四五主要举措: a name, texts write it) */
        size_t p0 = an->words[w0].first;
        ok = ok && !(!lead && an->words[a].first == p0 + 3 && plan_at(an, p0));
        if (ok && (in_list(request_phrases, NELEM(request_phrases), an->norm + f->norm, tl) ||
                   (glued && in_list(glued_phrases, NELEM(glued_phrases), an->norm + f->norm, tl))))
            return w1 - w0 > k || others ? k : 0; /* the phrase alone stays whole */
    }
    return 0;
}

/* What is asked of a thing that texts also write after common words
 * (发展总体要求, 新形势新要求, 实现新突破, 存在的突出问题): its aims,
 * problems, plans, news and results, glued after it or after 的
 * (林长制总体要求, 营商环境的突出问题, 林长制新进展; twenty-sixth round:
 * each found nothing).  They go only after a thing (guarded_tail). */
static const char *const guarded_requests[] = {
    "总体要求", "突出问题", "存在不足", "存在问题", /* after 的: state_verbs */
    "新要求", "新部署", "新突破", "新进展", "新成效", "新成就", "新变化",
    "成绩单", "工作亮点", "主要亮点", "新亮点",
};

/* Words that point back or round, not at a thing (上述总体要求: the
 * aims said above). */
static const char *const pointing_words[] = { "上述", "前述", "以上", "这些", "那些", "这个",
                                              "这项", "此项", "该项", "各项", "有关", "相关",
                                              "其他", "其它", "今年", "明年", "当前", "目前" };

/* How many words of an, one to three, at the end of words [w0, w1) make
 * a phrase of guarded_requests after a thing, glued to it or to a 的
 * after it; 0 when none.  The thing is the run of words glued before
 * (王|凯, 矿山|修复, 进|博会: the segmenter cuts rare names), of two
 * characters or more.  Not a thing: a run whose last word is a general
 * word (发展, 实现, 取得: generic_words), a word that points (上述), a
 * conjunction, a request or a state of it (存在, 仍然) or one of these
 * (新要求新部署: a slogan's pair); one word alone
 * that is a verb of the dictionary d or a count (十大); a slogan's run
 * (新时代新要求, 新|形势新要求, 高质量发展新要求: texts write them
 * so), opening with 新 or ending with a general word; before 的 a
 * clause, a run opening with a verb (做|强|陶瓷|产业的总体要求) or whose
 * last word of two characters the dictionary does not call a noun
 * (群众反映|强烈的突出问题).  Glued, a run opening with a verb is a
 * thing (开放|招商新进展); 推进… reads as a question before. */
/* 1 when the run of words [p, t] of an ends with a phrase of
 * guarded_requests: a pair of them (新要求新部署) is a slogan's. */
static int guarded_before(const ss_analysis *an, size_t p, size_t t)
{
    for (size_t a = t + 1; a > p && a + 3 > t + 1; a--)
        if (glued_words_in(an, a - 1, t + 1, guarded_requests, NELEM(guarded_requests)))
            return 1;
    return 0;
}

static size_t guarded_tail(const ss_analysis *an, const seg_dict *d, size_t w0, size_t w1)
{
    for (size_t k = 1; k <= 3 && w1 >= w0 + k + 1; k++) {
        size_t a = w1 - k;
        if (!glued_words_in(an, a, w1, guarded_requests, NELEM(guarded_requests)))
            continue;
        size_t t = a - 1; /* the thing's last word */
        int de = de_word(an, &an->words[t]);
        if (de) {
            if (t == w0 || an->words[t].last + 1 != an->words[a].first)
                return 0;
            t--;
        }
        const ss_word *x = &an->words[t];
        if (x->slogan || x->last + 1 != an->words[t + 1].first)
            return 0;
        size_t p = t; /* the first word of the run glued to the thing */
        while (p > w0 && an->words[p - 1].last + 1 == an->words[p].first && !an->words[p - 1].slogan)
            p--;
        for (size_t w = p; w <= t; w++)
            if (an->atoms[an->words[w].first].kind != SS_ATOM_HAN)
                return 0;
        const ss_atom *pf = &an->atoms[an->words[p].first], *xf = &an->atoms[x->first],
                      *xl = &an->atoms[x->last];
        const char *xt = an->norm + xf->norm;
        size_t xn = xl->norm + xl->normlen - xf->norm;
        if (x->last == an->words[p].first || generic_text(xt, xn) ||
            generic_text(an->norm + pf->norm, xl->norm + xl->normlen - pf->norm) ||
            conjunction_word(an, x) || IN(request_phrases, xt, xn) ||
            IN(pointing_words, xt, xn) || IN(trail_after_long, xt, xn) ||
            IN(state_verbs, xt, xn) || IN(state_adverbs, xt, xn) ||
            guarded_before(an, p, t) ||
            (p == t && ((d && seg_dict_pos(d, xt, xn) == SEG_POS_VERB) || count_word(an, d, x))))
            return 0;
        /* a slogan's run */
        if (atom_is_text(an, an->words[p].first, "新") ||
            (x->last >= an->words[p].first + 2 &&
             generic_text(an->norm + an->atoms[x->last - 1].norm,
                          xl->norm + xl->normlen - an->atoms[x->last - 1].norm)))
            return 0;
        /* a clause */
        const ss_atom *pl = &an->atoms[an->words[p].last];
        if (de && p < t &&
            ((d && seg_dict_pos(d, an->norm + pf->norm, pl->norm + pl->normlen - pf->norm) ==
                       SEG_POS_VERB) ||
             (x->last == x->first + 1 && !(d && seg_dict_pos(d, xt, xn) == SEG_POS_NOUN))))
            return 0;
        return k;
    }
    return 0;
}

/* Conjunctions that join two things (A和B, A及其B), and those that offer
 * either (A或B). */
static const char *const joining_words[] = { "和", "与", "及", "以及", "及其", "同", "跟" };
static const char *const either_words[] = { "或" };

/* 1 when word x of an is a conjunction (两新和政策: 政策 is a word asked
 * for, not the words of a request). */
static int conjunction_word(const ss_analysis *an, const ss_word *x)
{
    const ss_atom *a = &an->atoms[x->first], *b = &an->atoms[x->last];
    return !x->slogan && (IN(joining_words, an->norm + a->norm, b->norm + b->normlen - a->norm) ||
                          IN(either_words, an->norm + a->norm, b->norm + b->normlen - a->norm));
}

/* Titles and verbs of saying after a person's name (王凯书记, 王凯强调). */
static const char *const said_of_person[] = {
    "同志", "书记", "总书记", "省长", "市长", "县长", "区长", "州长", "主任", "部长", "总理", "主席",
    "副省长", "副市长", "副县长", "代表", "委员", "说", "指出", "强调", "表示", "要求",
    "提出", "讲话", "讲", "精神", "的", "在", "上", "会上",
    "事迹", "先进事迹", "英雄事迹", "故事", "生平", "榜样",
    /* 王凯的讲话精神, 王凯的重要指示精神 (eighteenth round) */
    "讲话精神", "重要讲话", "重要讲话精神", "指示", "指示精神", "重要指示", "重要指示精神",
    "批示", "重要批示", "论述", "重要论述", "观点", "名言", "贡献",
    /* 钟南山说过什么, 钟南山曾经说 (nineteenth round) */
    "过", "了", "什么", "曾经", "曾", "说过", "说了", "怎么", "如何", "所说", "的话",
};

/* Words before a person's name that ask for what is told of the person
 * (学习钟南山, 向孔繁森学习, 纪念李大钊): the name.  After 向 the
 * name's words may end with 学习. */
static const char *const before_person[] = { "学习", "向", "纪念", "缅怀", "追忆", "怀念" };

/* 1 when atom i of an is the text t. */
static int atom_is_text(const ss_analysis *an, size_t i, const char *t)
{
    return an->atoms[i].normlen == strlen(t) && memcmp(an->norm + an->atoms[i].norm, t, strlen(t)) == 0;
}

/* 1 when atoms [a, b) of an are a person's name (two or three Han
 * characters, the first a common surname, ending where a segmenter word
 * ends) and the words from b to end are all of said_of_person. */
int ss_q_name_span(const ss_analysis *an, const seg_dict *d, size_t a, size_t b)
{
    for (size_t k = a; k < b; k++)
        if (an->atoms[k].kind != SS_ATOM_HAN)
            return 0;
    size_t at = 0;
    if (!ss_common_surname(utf8_next(an->norm + an->atoms[a].norm, an->atoms[a].normlen, &at)))
        return 0;
    /* a name of two characters is no word of the dictionary but a person's
     * (雷锋; not 宣传, 强国, 时报: their first characters are surnames too) */
    const char *t = an->norm + an->atoms[a].norm;
    size_t tl = an->atoms[b - 1].norm + an->atoms[b - 1].normlen - an->atoms[a].norm;
    if (d && b - a == 2 && seg_dict_lookup(d, t, tl, NULL) && !seg_dict_person(d, t, tl))
        return 0;
    for (size_t w = 0; w < an->nwords; w++)
        if (!an->words[w].slogan && an->words[w].first < b && an->words[w].last >= b)
            return 0; /* a word across the name's end */
    return 1;
}

static int person_then_said(const ss_analysis *an, const seg_dict *d, size_t a, size_t b,
                            size_t end)
{
    if (!ss_q_name_span(an, d, a, b))
        return 0;
    /* no name ends with a particle (王凯的|讲话精神 is 王凯) */
    if (atom_is_text(an, b - 1, "的") || atom_is_text(an, b - 1, "之") ||
        atom_is_text(an, b - 1, "在"))
        return 0;
    /* nor with a verb of saying (王凯说|过什么 is 王凯) */
    if (b - a == 3) { /* nor with the start of a title (玉民|副市长) or a word of
                       * function (王凯|是什么意思) */
        static const char *const not_last[] = { "说", "讲", "副", "正", "是", "和", "与",
                                                "对", "为", "要", "也", "都", "就", "还",
                                                "曾", "有" };
        for (size_t i = 0; i < NELEM(not_last); i++)
            if (atom_is_text(an, b - 1, not_last[i]))
                return 0;
    }
    size_t w = 0, k = b;
    while (w < an->nwords && (an->words[w].slogan || an->words[w].first < b))
        w++;
    for (; w < an->nwords && k < end; w++) {
        const ss_word *x = &an->words[w];
        if (x->slogan)
            continue;
        const ss_atom *f = &an->atoms[x->first], *l = &an->atoms[x->last];
        if (x->first != k || !IN(said_of_person, an->norm + f->norm, l->norm + l->normlen - f->norm))
            return 0;
        k = x->last + 1;
    }
    return k == end;
}

/* 1 when atoms [a, b) of an, two or three of them, are a person's name and
 * the words from b to end are all of said_of_person (none when end == b). */
static int person_said(const ss_analysis *an, const seg_dict *d, size_t a, size_t b, size_t end)
{
    return end <= an->natoms && b >= a + 2 && b <= a + 3 && b <= end &&
           person_then_said(an, d, a, b, end);
}

/* Titles before a person's name (省委书记王国生, 河南省委书记王国生, 市长王凯):
 * the name says who; the title, and the place of the office before it,
 * go. */
static const char *const titles_before[] = {
    "书记", "总书记", "省委书记", "市委书记", "县委书记", "区委书记", "副书记", "省长", "市长",
    "县长", "区长", "州长", "副省长", "副市长", "副县长", "副区长", "总理", "副总理", "主席",
    "副主席", "主任", "部长", "厅长", "局长", "委员", "常委", "同志",
};

/* The atom after a span of recent years at atom a of an (近五年, 近3年来,
 * 过去五年, 五年来, 五年以来), or 0 when none stands there. */
/* 1 when atom k of an is a numeral: digits (at most max of them) or a
 * Chinese numeral character. */
static int numeral_atom(const ss_analysis *an, size_t k, size_t max)
{
    const ss_atom *x = &an->atoms[k];
    const char *t = an->norm + x->norm;
    size_t at = 0;
    return (x->kind == SS_ATOM_ASCII && t[0] >= '0' && t[0] <= '9' && x->normlen <= max) ||
           (x->kind == SS_ATOM_HAN && ss_num_is_numeral(utf8_next(t, x->normlen, &at)));
}

static size_t recent_span(const ss_analysis *an, size_t a, size_t end)
{
    size_t k = a, digits = 0, lead = 0;
#define AT(i, lit) (an->atoms[i].normlen == strlen(lit) && \
                    memcmp(an->norm + an->atoms[i].norm, lit, strlen(lit)) == 0)
    if (k < end && AT(k, "近")) {
        k++, lead = 1;
    } else if (k + 1 < end && AT(k, "过") && AT(k + 1, "去")) {
        k += 2, lead = 1;
    }
    for (; k < end && numeral_atom(an, k, 2); k++) /* a count of years, not a year (2018年以来) */
        digits++;
    if (!digits || k >= end || !AT(k, "年"))
        return 0;
    k++;
    if (k < end && AT(k, "来")) {
        k++;
    } else if (k + 1 < end && AT(k, "以") && AT(k + 1, "来")) {
        k += 2;
    } else if (!lead) {
        return 0; /* 五年 alone is a figure: 五年 规划 */
    }
#undef AT
    return k;
}

/* recent_span, when two atoms or more stand after it before end; else 0. */
static size_t recent_years(const ss_analysis *an, size_t a, size_t end)
{
    size_t k = recent_span(an, a, end);
    return k && end >= k + 2 ? k : 0;
}

/* 1 when word x of an is 的 (两新的政策: the policy is a thing asked for). */
static int de_word(const ss_analysis *an, const ss_word *x)
{
    const ss_atom *a = &an->atoms[x->first];
    return !x->slogan && x->first == x->last && a->normlen == 3 && memcmp(an->norm + a->norm, "的", 3) == 0;
}

/* Literary nouns of the way of a thing after 之 (乡村振兴之路, 治理之道,
 * 富民之策): the way of it, asked as the thing is.  Words the dictionary
 * knows whole stay (丝绸之路, 天府之国: the segmenter keeps them one). */
static const char *const zhi_ways[] = { "路", "道", "策" };

/* 1 when words x, y of an are 之 alone and a noun of zhi_ways alone. */
static int zhi_way(const ss_analysis *an, const ss_word *x, const ss_word *y)
{
    const ss_atom *b = &an->atoms[y->first];
    return !x->slogan && !y->slogan && x->first == x->last && y->first == y->last &&
           y->first == x->last + 1 && atom_is_text(an, x->first, "之") &&
           IN(zhi_ways, an->norm + b->norm, b->normlen);
}

/* 1 when word b of an is a noun of the dictionary of two characters or
 * more after a thing and 的 (乡村振兴的人才): a second thing, not the
 * kind of the first's work (今年的重点工作, …存在的突出问题 stay). */
/* 1 when the last of words [w0, w1) of an is 后 or 时 alone after a word
 * of two characters or more, side by side, the two no word of the
 * dictionary (芦山|地震|后, 雨雪|冰冻|时: the time after or at the event;
 * twenty-first round: 0.66 -> 0.13 on the real tuning half's year pairs;
 * not 灾后, 新|时期, 同时, which the segmenter keeps whole or splits
 * otherwise). */
static int after_event(const ss_analysis *an, const seg_dict *d, size_t w0, size_t w1)
{
    static const char *const when[] = { "后", "时" };
    if (!d || w1 < w0 + 2)
        return 0;
    const ss_word *x = &an->words[w1 - 2], *y = &an->words[w1 - 1];
    const ss_atom *xf = &an->atoms[x->first], *ya = &an->atoms[y->first];
    return !x->slogan && !y->slogan && y->first == y->last && y->first == x->last + 1 &&
           x->first < x->last && xf->kind == SS_ATOM_HAN && !ya->flags &&
           IN(when, an->norm + ya->norm, ya->normlen) &&
           !seg_dict_lookup(d, an->norm + xf->norm, ya->norm + ya->normlen - xf->norm, NULL);
}

static int thing_de_noun(const ss_analysis *an, const seg_dict *d, size_t w0, size_t b)
{
    static const char *const kinds[] = { "重点", "中心", "核心", "关键", "基础", "日常", "整体" };
    const ss_atom *f = &an->atoms[an->words[b].first], *l = &an->atoms[an->words[b].last];
    const char *t = an->norm + f->norm;
    size_t tl = l->norm + l->normlen - f->norm;
    if (!d || b < w0 + 2 || !de_word(an, &an->words[b - 1]) || an->words[b].slogan ||
        an->words[b].first == an->words[b].last || f->kind != SS_ATOM_HAN)
        return 0;
    for (size_t w = w0; w + 1 < b; w++) { /* a thing, not a clause (制约…的结构问题) */
        const ss_atom *wf = &an->atoms[an->words[w].first], *wl = &an->atoms[an->words[w].last];
        const char *wt = an->norm + wf->norm;
        size_t wn = wl->norm + wl->normlen - wf->norm;
        if (!an->words[w].slogan && (seg_dict_pos(d, wt, wn) == SEG_POS_VERB ||
                                     IN(problem_words, wt, wn) || IN(remedy_words, wt, wn) ||
                                     IN(generic_words, wt, wn)))
            return 0;
    }
    const ss_word *x = &an->words[b - 2];
    const ss_atom *xf = &an->atoms[x->first], *xl = &an->atoms[x->last];
    return seg_dict_pos(d, t, tl) == SEG_POS_NOUN && !IN(kinds, t, tl) &&
           !IN(state_adjectives, t, tl) && !IN(how_kinds, t, tl) &&
           !IN(state_verbs, an->norm + xf->norm, xl->norm + xl->normlen - xf->norm);
}

/* The first atom of the phrase that word w of an ends: after the last 的
 * or conjunction among words [w0, w) (今年的重点工作: 重点), else first. */
static size_t phrase_start(const ss_analysis *an, size_t w0, size_t w, size_t first)
{
    for (size_t k = w; k > w0; k--)
        if (de_word(an, &an->words[k - 1]) || conjunction_word(an, &an->words[k - 1]))
            return an->words[k - 1].last + 1;
    return first;
}

/* A keyword item opening with a general verb (lead_bytes) loses it when
 * it is LEAD_ITEM_MAX characters or fewer and the thing after it is
 * LEAD_REST_MAX or fewer: longer, the verb heads a phrase. */
#define LEAD_ITEM_MAX 10
#define LEAD_REST_MAX 6

/* 1 when atoms [a, b) of an are two Han characters the dictionary knows
 * as a common word (COMMON_WORD_FREQ). */
static int common_pair(ss_actx *ac, const ss_analysis *an, size_t a, size_t b)
{
    const seg_dict *d = ss_actx_dict(ac);
    uint32_t freq = 0;
    if (!d || b != a + 2 || an->atoms[a].kind != SS_ATOM_HAN || an->atoms[a + 1].kind != SS_ATOM_HAN)
        return 0;
    const char *t = an->norm + an->atoms[a].norm;
    size_t tl = an->atoms[b - 1].norm + an->atoms[b - 1].normlen - an->atoms[a].norm;
    return seg_dict_lookup(d, t, tl, &freq) && freq >= COMMON_WORD_FREQ;
}

/* 1 when s (n bytes) holds an ASCII letter. */
static int has_letters(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z'))
            return 1;
    return 0;
}

/* 1 when atoms [first, end) of an are Han characters and then a word
 * holding letters (做好WTO, 加强3D打印, 推进C919大飞机研制). */
static int letters_after_verb(const ss_analysis *an, size_t first, size_t end)
{
    size_t k = first;
    while (k < end && an->atoms[k].kind == SS_ATOM_HAN && (k == first || !an->atoms[k].flags))
        k++;
    if (k == first || k == end || an->atoms[k].flags)
        return 0;
    for (; k < end; k++)
        if (an->atoms[k].kind == SS_ATOM_ASCII &&
            has_letters(an->norm + an->atoms[k].norm, an->atoms[k].normlen))
            return 1;
    return 0;
}

/* The number of atoms from first that read verb (its characters, Han,
 * side by side), or 0. */
static size_t verb_atoms(const ss_analysis *an, size_t first, size_t end, const char *verb)
{
    size_t vl = strlen(verb), n = vl / 3; /* Han characters: three bytes each */
    if (first + n >= end || memcmp(an->norm + an->atoms[first].norm, verb, vl) != 0)
        return 0;
    const ss_atom *z = &an->atoms[first + n - 1];
    return z->norm + z->normlen - an->atoms[first].norm == vl ? n : 0;
}

/* 1 when the two Han atoms before atom end are 领域 or 过程 (where a
 * thing stands: 教育领域, 转型过程). */
static int glued_where(const ss_analysis *an, size_t end)
{
    static const char *const where[] = { "领域", "过程" };
    if (end < 2 || an->atoms[end - 1].kind != SS_ATOM_HAN || an->atoms[end - 2].kind != SS_ATOM_HAN ||
        an->atoms[end - 1].flags)
        return 0;
    const char *t = an->norm + an->atoms[end - 2].norm;
    return in_list(where, NELEM(where), t,
                   an->atoms[end - 1].norm + an->atoms[end - 1].normlen - an->atoms[end - 2].norm);
}

/* The atom after a time since an event that opens words [w0, w1) of an
 * at atom first (改革开放|以来, 党|的|十八|大|以来, 疫情|以来, 多年|来),
 * when two characters or more follow before end that are not one common
 * word alone (改革开放以来的成就 stays whole: the achievements of it); 0
 * when none.  Not after a year (2018年以来: the year is context, qparse.c)
 * nor after a count of years (五年以来: recent_years). */
static size_t since_event(ss_actx *ac, const ss_analysis *an, size_t w0, size_t w1, size_t first,
                          size_t end)
{
    static const char *const years_before[] = { "多年", "几年", "这些年", "这几年", "近些年" };
    for (size_t w = w0 + 1; w < w1; w++) {
        const ss_word *x = &an->words[w], *p = &an->words[w - 1];
        if (x->slogan || p->slogan)
            return 0;
        int since = (x->first + 1 == x->last && atom_is_text(an, x->first, "以") &&
                     atom_is_text(an, x->last, "来")) ||
                    (x->first == x->last && atom_is_text(an, x->first, "来") &&
                     edge_word(an, p, years_before, NELEM(years_before)));
        if (!since)
            continue;
        if (x->first > first && atom_is_text(an, x->first - 1, "年") &&
            !edge_word(an, p, years_before, NELEM(years_before)))
            return 0; /* 五年以来, 1998年以来: not 多年以来 */
        for (size_t k = first; k < x->first; k++)
            if (an->atoms[k].kind != SS_ATOM_HAN)
                return 0;
        size_t k = x->last + 1;
        if (k < end && atom_is_text(an, k, "的"))
            k++;
        if (end < k + 2 || (end == k + 2 && common_pair(ac, an, k, end)))
            return 0;
        return k;
    }
    return 0;
}

ss_code ss_q_trim_particles(ss_actx *ac, const char *s, raw_item *r, int requests, ss_err *err)
{
    if (!requests && !edge_char(s + r->s, r->e - r->s))
        return SS_OK; /* most items: no analysis (requests are found in the
                       * normalised text: 關於, 情況) */
    ss_analysis an;
    ss_code rc = ss_analyze(ac, s + r->s, r->e - r->s, &an, err);
    if (rc != SS_OK || an.natoms < 2)
        return rc;
    /* a word of the dictionary whole keeps its characters (中和: not 和) */
    if (ss_q_named_whole(NULL, ss_actx_dict(ac), &an))
        return SS_OK;
    size_t w0 = 0, w1 = an.nwords; /* segmenter words come first, in order */
    while (w1 > 0 && an.words[w1 - 1].slogan)
        w1--;
    size_t nt = requests ? NELEM(trail_requests) : 0, nl = requests ? NELEM(lead_requests) : 0;
    size_t na = requests ? NELEM(trail_after_long) : 0, nd = requests ? NELEM(trail_after_de) : 0;
    size_t no = requests ? NELEM(trail_de_only) : 0;
    /* the bytes kept, from r->s; at least one word stays, and only
     * particles at the very ends go (5G基站的, not 的 before letters) */
    size_t s0 = 0, s1 = r->e - r->s, first = 0, end = an.natoms;
    /* letters or digits beside the words: a word of their own, so that the
     * last segmenter word may go too (的GDP, GDP的, 关于GDP, GDP情况) */
    int ascii_left = 0;
    for (size_t k = 0; k < an.natoms; k++)
        ascii_left |= an.atoms[k].kind == SS_ATOM_ASCII;
    for (;;) {
        if (w1 <= w0)
            break; /* no word left: every branch below reads the last one */
        size_t k = requests ? phrase_words(&an, w0, w1, 0, ascii_left) : 0;
        size_t kd = requests ? de_aspect_words(&an, ss_actx_dict(ac), w0, w1) : 0, kg = 0;
        if (k && an.words[w1 - 1].last + 1 == end &&
            !(w1 - k == w0 + 1 && count_word(&an, ss_actx_dict(ac), &an.words[w0]))) {
            w1 -= k; /* not after a count alone (十大典型案例: a name; 三供一业推进情况 is
                      * 三供一业) */
        } else if (kd && an.words[w1 - 1].last + 1 == end) {
            w1 -= kd;
        } else if (requests && an.words[w1 - 1].last + 1 == end &&
                   (kg = guarded_tail(&an, ss_actx_dict(ac), w0, w1)) > 0) {
            w1 -= kg; /* 林长制新进展: 林长制 (the 的 before goes next) */
        } else if (requests && w1 >= w0 + 2 && an.words[w1 - 1].last + 1 == end &&
                   an.words[w1 - 1].first >= first + 2 && /* a thing of two characters */
                   !count_word(&an, ss_actx_dict(ac), &an.words[w1 - 2]) && /* 十项措施 */
                   edge_word(&an, &an.words[w1 - 1], paper_after, NELEM(paper_after)) &&
                   !edge_word(&an, &an.words[w1 - 2], paper_kinds, NELEM(paper_kinds)) &&
                   !de_word(&an, &an.words[w1 - 2]) && !conjunction_word(&an, &an.words[w1 - 2]) &&
                   /* beside other keywords the common word is the thing too
                    * (散煤 治理对策) */
                   (requests == 2 || !common_pair(ac, &an, phrase_start(&an, w0, w1 - 1, first),
                                                  an.words[w1 - 1].first))) {
            w1--; /* 夜间经济对策: 夜间经济 */
        } else if (requests && w1 >= w0 + 3 && an.words[w1 - 1].last + 1 == end &&
                   edge_word(&an, &an.words[w1 - 1], first_said, NELEM(first_said)) &&
                   edge_word(&an, &an.words[w1 - 2], first_time, NELEM(first_time)) &&
                   an.words[w1 - 2].last + 1 == an.words[w1 - 1].first) {
            w1 -= 2; /* 林长制首次提出, 林长制最早写入(政府工作报告): 林长制, as
                      * 首次提出林长制 reads (the third session of 2026-12-03:
                      * nothing found) */
        } else if (requests && an.words[w1 - 1].last + 1 == end &&
                   after_event(&an, ss_actx_dict(ac), w0, w1)) {
            w1--; /* 芦山地震后: 芦山地震 */
        } else if (requests && w1 >= w0 + 3 && an.words[w1 - 1].last + 1 == end &&
                   an.words[w1 - 3].last + 1 == an.words[w1 - 2].first &&
                   an.words[w0].first + 1 < an.words[w1 - 2].first &&
                   zhi_way(&an, &an.words[w1 - 2], &an.words[w1 - 1])) {
            w1 -= 2; /* 乡村振兴之路 (twenty-first round) */
        } else if (w1 > w0 && an.words[w1 - 1].first > first && !(w1 - w0 == 1 && !ascii_left) &&
                   an.words[w1 - 1].last + 1 == end &&
                   (w1 - w0 == 1 || !conjunction_word(&an, &an.words[w1 - 2])) &&
                   (edge_word(&an, &an.words[w1 - 1], trail_requests, nt) ||
                    ((w1 - w0 > 2 || (ascii_left && w1 - w0 > 1)) &&
                     de_word(&an, &an.words[w1 - 2]) &&
                     edge_word(&an, &an.words[w1 - 1], trail_de_only, no)) ||
                    (edge_word(&an, &an.words[w1 - 1], trail_after_long, na) &&
                     w1 - w0 > 1 && !doing_after_verb(&an, ss_actx_dict(ac), w0, w1 - 1) &&
                     (!common_pair(ac, &an, phrase_start(&an, w0, w1 - 1, first),
                                   an.words[w1 - 1].first) ||
                      edge_word(&an, &an.words[w1 - 2], trail_requests, nt) ||
                      /* 乡村振兴的人才问题: the common word after a thing and
                       * 的 is the second thing (twenty-first round) */
                      thing_de_noun(&an, ss_actx_dict(ac), w0, w1 - 2)) &&
                     (!de_word(&an, &an.words[w1 - 2]) ||
                      edge_word(&an, &an.words[w1 - 1], trail_after_de, nd))))) {
            w1--;
        } else {
            break;
        }
        end = an.words[w1].first;
        s1 = an.atoms[end - 1].end;
    }
    /* 郑州市政府|工作报告: the report of the place's government, the place
     * (the segmenter joins 郑州市政府 into one word) */
    if (requests && end < an.natoms && w1 > w0 && an.words[w1 - 1].last + 1 == end &&
        end >= first + 5 && an.atoms[end - 1].kind == SS_ATOM_HAN &&
        an.atoms[end - 2].kind == SS_ATOM_HAN &&
        an.atoms[end - 2].normlen + an.atoms[end - 1].normlen == strlen("政府") &&
        memcmp(an.norm + an.atoms[end - 2].norm, "政府", strlen("政府")) == 0 &&
        an.words[w1 - 1].first + 2 < end) {
        end -= 2;
        if (end >= first + 5 &&
            an.atoms[end - 2].normlen + an.atoms[end - 1].normlen == strlen("人民") &&
            memcmp(an.norm + an.atoms[end - 2].norm, "人民", strlen("人民")) == 0)
            end -= 2; /* 郑州市人民政府 */
        s1 = an.atoms[end - 1].end;
    }
    /* 职业|教育领域, 产业|转型过程: where the thing stands, which the
     * segmenter joins to its last word (教育领域); the words before it */
    if (requests && w1 > w0 + 1 && an.words[w1 - 1].last + 1 == end &&
        end >= an.words[w1 - 1].first + 4 && glued_where(&an, end))
        s1 = an.atoms[(end -= 2) - 1].end;
    for (;;) {
        size_t k = requests ? phrase_words(&an, w0, w1, 1, ascii_left) : 0;
        if (k && an.words[w0].first == first) {
            w0 += k;
        } else if (w1 > w0 && an.words[w0].last + 1 < end && !(w1 - w0 == 1 && !ascii_left) &&
                   an.words[w0].first == first &&
                   edge_word(&an, &an.words[w0], lead_requests, nl) &&
                   /* 中 only after a request (政府工作报告|中|的…), not opening
                    * the text (中|以|常州|创新园: China and Israel) */
                   !(atom_is_text(&an, an.words[w0].first, "中") &&
                     an.words[w0].first == an.words[w0].last && first == 0) &&
                   /* a character of its own before one more (在|岗|职工) stays */
                   !(atom_is_text(&an, an.words[w0].first, "在") &&
                     an.words[w0].first == an.words[w0].last && w0 + 1 < w1 &&
                     an.words[w0 + 1].first == an.words[w0 + 1].last)) {
            w0++;
        } else {
            break;
        }
        first = an.words[w0 - 1].last + 1;
        s0 = an.atoms[first].start;
    }
    /* the time since an event before the words (改革开放以来乡村振兴,
     * 党的十八大以来…, 疫情以来…, 多年来…; twenty-fourth round: each found
     * nothing): the words after it are what is asked for */
    size_t since = requests ? since_event(ac, &an, w0, w1, first, end) : 0;
    if (since) {
        while (w0 < w1 && an.words[w0].first < since)
            w0++;
        first = since;
        s0 = an.atoms[first].start;
    }
    /* a word of the first time before a verb of saying (首次提出乡村振兴,
     * 最早提出…, 率先提出…; twenty-fourth round: each found nothing): the
     * verb and the words, as 提出乡村振兴 reads */
    int first_put = 0;
    if (requests && w0 + 2 < w1 && an.words[w0].first == first &&
        edge_word(&an, &an.words[w0], first_time, NELEM(first_time)) &&
        edge_word(&an, &an.words[w0 + 1], first_said, NELEM(first_said))) {
        first = an.words[w0++].last + 1;
        s0 = an.atoms[first].start;
        first_put = 1;
    }
    /* ... and that verb before a word of two or three characters (提出林长制,
     * 首次提出双减: one glued word, nothing found): the word, as after a
     * general verb (推进双减); not before a common word of two (提出建议) */
    if (requests && w0 + 1 < w1 && an.words[w0].first == first &&
        edge_word(&an, &an.words[w0], first_said, NELEM(first_said))) {
        size_t k = an.words[w0].last + 1;
        /* after a word of the first time, before a word of any length
         * (首次提出夜间经济: a question of 首次|提出 before) */
        if (end >= k + 2 && (end <= k + 3 || first_put) &&
            !common_pair(ac, &an, k, end)) {
            first = k;
            w0++;
            s0 = an.atoms[first].start;
        }
    }
    /* a general verb before a word of two or three characters (推进双减,
     * 加快新基建, 推进街长制): the word, as a question of one word is
     * (如何推进双减); not a word of the dictionary whole (实施方案), nor
     * before a common word of two characters, which the verb makes a
     * phrase of (推动合作) */
    if (requests && first + 2 < end && letters_after_verb(&an, first, end)) {
        /* …and before a word with letters, of any length (做好WTO, 加强3D打印) */
        for (size_t i = 0; i < NELEM(lead_doing); i++) {
            size_t n = verb_atoms(&an, first, end, lead_doing[i]);
            if (n) {
                first += n;
                s0 = an.atoms[first].start;
                break;
            }
        }
    } else if (requests && end - first >= 4 &&
               end - first <= (requests == 2 ? LEAD_ITEM_MAX : 7) && ss_actx_dict(ac)) {
        /* ... with its manner too (全面推进双减); and in a keyword typed
         * beside others (requests 2: 全面推进职业教育 产教融合; twentieth
         * round) before a thing of up to LEAD_REST_MAX characters: alone,
         * a longer text is what is to be done (加强校车安全管理) */
        const ss_atom *a = &an.atoms[first], *z = &an.atoms[end - 1];
        int han = 1;
        for (size_t k = first; k < end && han; k++)
            han = an.atoms[k].kind == SS_ATOM_HAN && (k == first || !an.atoms[k].flags);
        const char *t = an.norm + a->norm;
        size_t tl = z->norm + z->normlen - a->norm, vl = han ? lead_bytes(t, tl, 0) : 0;
        size_t rest = end - first - vl / 3;
        uint32_t freq = 0;
        if (vl && rest >= 2 && rest <= (requests == 2 ? LEAD_REST_MAX : 3) &&
            !atom_is_text(&an, first + vl / 3, "的") && /* 大力支持的结果 */
            !seg_dict_lookup(ss_actx_dict(ac), t, tl, NULL) &&
            !(rest == 2 && requests != 2 && seg_dict_lookup(ss_actx_dict(ac), t + vl, tl - vl, &freq) &&
              freq >= COMMON_WORD_FREQ)) {
            first += vl / 3;
            s0 = an.atoms[first].start;
        }
    }
    /* a span of recent years before the words (近五年的…, 过去5年…, 五年来…) */
    size_t span = requests ? recent_years(&an, first, end) : 0;
    if (span) {
        first = span;
        s0 = an.atoms[first].start;
        r->e = r->s + s1;
        r->s += s0;
        return ss_q_trim_particles(ac, s, r, requests, err);
    }
    /* the end or start of a year (2019年底, 2020年初, 2018年末): the year */
    if (requests && end >= first + 3) {
        int span = 0;
        const char *t = an.norm + an.atoms[first].norm;
        size_t tl = an.atoms[end - 1].norm + an.atoms[end - 1].normlen - an.atoms[first].norm;
        size_t ye = an.atoms[first].kind == SS_ATOM_ASCII ? ss_q_years_end(t, tl, &span) : 0;
        size_t pl = 0;
        if (ye && ye < tl && cp_in(utf8_valid_cp(t + ye, &pl), SS_Q_YEAR_PARTS) && ye + pl == tl) {
            end--;
            s1 = an.atoms[end - 1].end;
        } else if (ye && ye < tl && year_span(t + ye, tl - ye, SPAN_ALONE)) {
            /* 2008年当年, 2020年上半年 (before 的): the year */
            while (end > first && an.atoms[end - 1].norm >= an.atoms[first].norm + ye)
                end--;
            s1 = an.atoms[end - 1].end;
        }
    }
    /* how near a figure is, before it (约一百万吨, 近100万吨, 大约3000万元):
     * the figure; not before a count of years (近五年, above) */
    if (requests && first + 2 < end) {
        static const char *const near_words[] = { "大约", "将近", "接近", "约", "近" };
        for (size_t i = 0; i < NELEM(near_words); i++) {
            size_t n = verb_atoms(&an, first, end, near_words[i]), k = first + n;
            size_t y = k; /* the first atom after the figure's numerals */
            while (n && y < end && numeral_atom(&an, y, SIZE_MAX))
                y++;
            if (n && !an.atoms[k].flags && y > k && !(y < end && atom_is_text(&an, y, "年"))) {
                first = k;
                s0 = an.atoms[first].start;
                break;
            }
        }
    }
    /* what asks for a person before the name (学习钟南山, 向钟南山学习) */
    size_t w = 0;
    while (w < an.nwords && (an.words[w].slogan || an.words[w].first < first))
        w++;
    if (requests && w < an.nwords && an.words[w].first == first &&
        edge_word(&an, &an.words[w], before_person, NELEM(before_person))) {
        size_t n0 = an.words[w].last + 1, e = end;
        const ss_atom *z = &an.atoms[end - 1], *y = end >= 2 ? &an.atoms[end - 2] : NULL;
        if (y && atom_is_text(&an, an.words[w].first, "向") && end >= n0 + 4 &&
            y->normlen + z->normlen == 6 && memcmp(an.norm + y->norm, "学习", 6) == 0)
            e = end - 2; /* 向…学习 */
        for (size_t nl = 3; nl >= 2; nl--)
            if (e >= n0 + nl && person_then_said(&an, ss_actx_dict(ac), n0, n0 + nl, e)) {
                first = n0;
                s0 = an.atoms[first].start;
                end = e;
                s1 = an.atoms[end - 1].end;
                break;
            }
    }
    /* a title before a person's name, and at most six characters before
     * the title (省委书记王国生, 河南省委书记王国生): the name */
    for (size_t nl = 3; requests && nl >= 2; nl--) {
        if (end < first + nl + 2 || !person_said(&an, ss_actx_dict(ac), end - nl, end, end))
            continue;
        size_t t = an.nwords; /* the segmenter word that ends before the name */
        for (size_t k = 0; k < an.nwords; k++)
            if (!an.words[k].slogan && an.words[k].last + 1 == end - nl)
                t = k;
        const ss_atom *ta = t < an.nwords ? &an.atoms[an.words[t].first] : NULL;
        if (!ta || an.words[t].slogan || an.words[t].first < first ||
            !IN(titles_before, an.norm + ta->norm,
                an.atoms[an.words[t].last].norm + an.atoms[an.words[t].last].normlen - ta->norm) ||
            an.words[t].first - first > 6)
            continue;
        first = end - nl;
        s0 = an.atoms[first].start;
        break;
    }
    /* a person's name and what is said of the person (王凯同志, 王凯书记,
     * 王凯强调, 孔繁森讲话精神, 钟南山事迹): the name */
    for (size_t nl = 3; requests && nl >= 2; nl--)
        if (end > first + nl && person_then_said(&an, ss_actx_dict(ac), first, first + nl, end)) {
            end = first + nl;
            s1 = an.atoms[end - 1].end;
            break;
        }
    /* 工作, 问题 the segmenter joined to what stands before them
     * (夜间|经济工作) go after three characters or more; then what stands
     * before them may go too (新基建的相关工作).  Not from a word of
     * three, whose one character left is no word (新进展, 新成效: 取得新进展
     * read 取得新; twenty-sixth round) */
    int again = 0;
    if (requests && end >= first + 5 && w1 > w0 && an.words[w1 - 1].last + 1 == end &&
        an.words[w1 - 1].first + 4 <= end && an.atoms[end - 1].kind == SS_ATOM_HAN &&
        an.atoms[end - 2].kind == SS_ATOM_HAN) {
        const char *t = an.norm + an.atoms[end - 2].norm;
        size_t tl = an.atoms[end - 1].norm + an.atoms[end - 1].normlen - an.atoms[end - 2].norm;
        if (IN(trail_after_long, t, tl)) {
            end -= 2;
            s1 = an.atoms[end - 1].end;
            again = 1;
        }
    }
    if (s0 >= s1)
        return SS_OK;
    r->e = r->s + s1;
    r->s += s0;
    return again ? ss_q_trim_particles(ac, s, r, requests, err) : SS_OK;
}

/* Decides keyword or natural language from all positive unquoted text. */
ss_code ss_q_detect_natural(ss_actx *ac, const ss_query_opts *o, const char *s,
                            const raw_item *r, size_t n, int *natural, ss_err *err)
{
    strbuf sb = STRBUF_INIT;
    size_t items = 0; /* items typed apart: those a list's mark alone separates are one */
    for (size_t i = 0; i < n; i++) {
        if (r[i].negated || r[i].quoted || r[i].is_or || r[i].e == r[i].s ||
            ss_q_is_filter(s + r[i].s, r[i].e - r[i].s))
            continue;
        items += items == 0 || r[i].apart;
        if (sb_add(&sb, s + r[i].s, r[i].e - r[i].s) || sb_addc(&sb, ' ')) {
            sb_free(&sb);
            return ss_seterr(err, SS_ENOMEM, "out of memory parsing query");
        }
    }
    *natural = 0;
    if (items && sb.len) {
        ss_analysis an;
        ss_code rc = ss_analyze(ac, sb.buf, sb.len, &an, err);
        if (rc != SS_OK) {
            sb_free(&sb);
            return rc;
        }
        piece pc[MAX_PIECES];
        size_t np = make_pieces(&an, ss_actx_dict(ac), pc, MAX_PIECES);
        *natural = looks_natural(&an, ss_actx_dict(ac), o, pc, np, items);
    }
    sb_free(&sb);
    return SS_OK;
}

int ss_q_item_asks(ss_actx *ac, const char *s, const raw_item *r)
{
    ss_analysis an;
    if (r->e == r->s || ss_analyze(ac, s + r->s, r->e - r->s, &an, NULL) != SS_OK)
        return 0;
    piece pc[MAX_PIECES];
    size_t np = make_pieces(&an, ss_actx_dict(ac), pc, MAX_PIECES);
    for (size_t i = 0; i < np; i++)
        if (!pc[i].stop && !pc[i].generic)
            return 0;
    return np > 0;
}

/* 1 when piece p of an holds one of the n words of list (具体措施). */
static int piece_holds(const ss_analysis *an, const piece *p, const char *const *list, size_t n)
{
    const ss_atom *a = &an->atoms[p->first], *z = &an->atoms[p->last];
    const char *t = an->norm + a->norm;
    size_t tl = z->norm + z->normlen - a->norm;
    for (size_t i = 0; i < n; i++)
        for (size_t l = strlen(list[i]), k = 0; k + l <= tl; k++)
            if (memcmp(t + k, list[i], l) == 0)
                return 1;
    return 0;
}

/* Verbs of doing a question ends with (…可以怎样做, …该怎么办). */
/* Words asking what kind of thing a thing is, before the kind (双减是什么政策). */
static const char *const what_kind[] = { "什么", "何种", "什么样" };

static const char *const doing_words[] = { "做", "办", "干", "搞", "怎么办", "怎么做", "怎样做",
                                           "咋办", "入手", "着手", "破题", "注意", "借鉴",
                                           "着力点", "突破口", "切入点" };

/* 1 when s (len bytes) has another name in o's synonym table (an "="
 * group) or holds letters (三重一大, C919大飞机): a name, not what is to
 * be done (医养结合, of a "~" group only). */
static int named_text(ss_actx *ac, const ss_query_opts *o, const char *s, size_t len)
{
    if (has_letters(s, len))
        return 1;
    ss_analysis an;
    if (!o || !o->syn || ss_analyze(ac, s, len, &an, NULL) != SS_OK || !an.natoms)
        return 0;
    const ss_atom *z = &an.atoms[an.natoms - 1];
    ss_syn_alt alt[8];
    size_t n = ss_syn_lookup(o->syn, an.norm, z->norm + z->normlen, alt, NELEM(alt));
    for (size_t i = 0; i < n; i++)
        if (!alt[i].related)
            return 1; /* of an "=" group: another name of the same thing */
    return 0;
}

/* Verbs by which someone raises what is wrong (企业反映的困难: the
 * difficulties enterprises report, no thing named 企业反映). */
static const char *const raising_verbs[] = { "反映", "反应", "提出", "反馈", "关心", "关注",
                                             "期盼", "呼吁", "投诉", "举报", "感到" };

/* 1 when piece p is a noun of the dictionary, or a word of three
 * characters or more it does not know (老工业基地 is read 老工业|基地). */
static int noun_piece(const ss_analysis *an, const seg_dict *d, const piece *p)
{
    const char *t = an->norm + an->atoms[p->first].norm;
    size_t tl = an->atoms[p->last].norm + an->atoms[p->last].normlen - an->atoms[p->first].norm;
    return seg_dict_pos(d, t, tl) == SEG_POS_NOUN ||
           (p->last >= p->first + 2 && !seg_dict_lookup(d, t, tl, NULL));
}

/* The request of a thing's state that ends pieces [f, l) of an: [adverb]
 * verb [的] [adjective] noun (…面临的困难, …存在短板, …仍然存在的突出
 * 问题).  Returns the index of its first piece, or l when there is none;
 * with something of the thing before it.  When the dictionary glued the
 * verb to the word before it (两型社会存在的问题: 两型|社会存在; 普遍存在
 * is an adverb's), the thing ends inside that piece: *cut is then the
 * atom it ends at (SIZE_MAX otherwise) and the piece stays. */
static size_t state_request(const ss_analysis *an, const seg_dict *d, const ss_syn *syn,
                            const piece *pc, size_t f, size_t l, size_t *cut)
{
    *cut = SIZE_MAX;
    if (l < f + 2 || !piece_in(an, &pc[l - 1], state_nouns, NELEM(state_nouns)))
        return l;
    size_t v = l - 2;
    while (v > f && piece_in(an, &pc[v], state_nouns, NELEM(state_nouns)))
        v--; /* 短板|弱项, 痛点|难点 */
    if (v > f && piece_in(an, &pc[v], state_adjectives, NELEM(state_adjectives)))
        v--;
    int de = 0;
    if (v > f && is_de(an, &pc[v])) {
        v--;
        de = 1;
    }
    if (piece_in(an, &pc[v], state_verbs, NELEM(state_verbs))) {
        while (v > f && piece_in(an, &pc[v - 1], state_adverbs, NELEM(state_adverbs)))
            v--;
        return v > f ? v : l;
    }
    /* a word of the dictionary that ends with the verb (社会存在, 普遍存在) */
    const ss_atom *a = &an->atoms[pc[v].first], *z = &an->atoms[pc[v].last];
    const char *t = an->norm + a->norm;
    size_t tl = z->norm + z->normlen - a->norm;
    for (size_t i = 0; i < NELEM(state_verbs); i++) {
        size_t vl = strlen(state_verbs[i]);
        if (tl <= vl || memcmp(t + tl - vl, state_verbs[i], vl) != 0)
            continue;
        if (in_list(state_adverbs, NELEM(state_adverbs), t, tl - vl)) /* 普遍存在 */
            return v > f ? v : l;
        for (size_t k = pc[v].first; k < pc[v].last; k++) /* 社会|存在 */
            if (an->atoms[k + 1].norm - a->norm == tl - vl) {
                *cut = k;
                return v + 1;
            }
    }
    /* 的 and the noun with no verb (…的困难, …的突出问题, …的短板弱项;
     * twenty-second round), as …的问题 reads: the thing before 的, a noun,
     * a name of three characters or more or one the dictionary does not
     * know (not 群众反映强烈的突出问题: what is wrong is said before 的) */
    if (de && d && !pc[v].stop && !pc[v].generic &&
        ((!doing_verb(an, d, &pc[v]) &&
          (seg_dict_pos(d, t, tl) == SEG_POS_NOUN || !seg_dict_lookup(d, t, tl, NULL) ||
           pc[v].last >= pc[v].first + 2)) ||
         table_text(syn, an, &pc[v], &pc[v], 1))) /* a name of the table (双减的困难) */
        return v + 1;
    /* ... or a verb right after a noun, a thing done as a name of it
     * (矿山修复的突出问题, 老工业基地振兴的困难; not 群众反映强烈的问题,
     * whose adjective says what is wrong) */
    if (de && d && v > f && !pc[v].stop && !pc[v].generic && !pc[v - 1].stop &&
        !pc[v - 1].generic && seg_dict_pos(d, t, tl) == SEG_POS_VERB &&
        adjacent(an, &pc[v - 1], &pc[v]) && noun_piece(an, d, &pc[v - 1]) &&
        !IN(raising_verbs, t, tl))
        return v + 1;
    return l;
}

/* 1 when pieces pc[0, f) ask what the thing after them is (什么是, 什么叫,
 * 何为, 何谓, 如何理解): a name is asked about, not the ways of doing it. */
static int asks_meaning(const ss_analysis *an, const piece *pc, size_t f)
{
    static const char *const what[] = { "什么", "啥" }, *const is[] = { "是", "叫" },
                             *const whole[] = { "何为", "何谓", "什么是", "什么叫", "啥是" },
                             *const how[] = { "如何", "怎样", "怎么", "应如何", "该如何" },
                             *const understand[] = { "理解" }; /* 如何理解…: what it means */
    return (f == 1 && piece_in(an, &pc[0], whole, NELEM(whole))) ||
           (f == 2 && piece_in(an, &pc[0], what, NELEM(what)) &&
            piece_in(an, &pc[1], is, NELEM(is))) ||
           (f == 2 && piece_in(an, &pc[0], how, NELEM(how)) &&
            piece_in(an, &pc[1], understand, NELEM(understand)));
}

/* 1 when pieces [f, l) of an are two things or more named side by side:
 * words joined by a conjunction (和, 与, 及, 以及, 同, 跟; not 或) or by the
 * enumeration comma, every other piece a word of the thing (no function
 * word, no generic or problem word) or a figure, no thing opening with a verb
 * (项目建设和要素保障, 景德镇、试验区; not 培育龙头企业和产业集群: what is
 * to be done).  Asked for their ways or their state (…的具体措施, …存在
 * 的问题) they are keywords, as typed apart: the passages that name them
 * all, not those that name one. */
static int things_joined(const ss_analysis *an, const seg_dict *d, const piece *pc, size_t f,
                         size_t l)
{
    size_t things = 0;
    int open = 1; /* a thing may begin at the next piece */
    for (size_t i = f; i < l; i++) {
        int comma = i > f && (an->atoms[pc[i].first].flags & SS_AF_LIST);
        if (piece_in(an, &pc[i], joining_words, NELEM(joining_words))) {
            if (open)
                return 0; /* a conjunction first or twice */
            open = 1;
            continue;
        }
        if (comma) {
            if (open)
                return 0;
            open = 1;
        } else if (an->atoms[pc[i].first].flags && i > f) {
            return 0; /* other punctuation between the things */
        }
        if (open && amount_at(an, pc, l, i)) { /* a figure (一百万|套, 一亿|吨) */
            i = figure_end(an, pc, l, i);
            things++;
            open = 0;
            continue;
        }
        if (pc[i].stop || pc[i].generic || pc[i].qweight != 1.0f || pc[i].single_han)
            return 0;
        if (open) {
            if (doing_verb(an, d, &pc[i]))
                return 0;
            things++;
            open = 0;
        }
    }
    return !open && things >= 2;
}

ss_code ss_q_question_core(ss_actx *ac, const ss_query_opts *o, const char *s, raw_item *r,
                           int asked, int *word, ss_err *err)
{
    *word = 0;
    ss_analysis an;
    ss_code rc = ss_analyze(ac, s + r->s, r->e - r->s, &an, err);
    if (rc != SS_OK)
        return rc;
    piece pc[MAX_PIECES];
    size_t np = join_table_words(o ? o->syn : NULL, &an, pc,
                                 make_pieces(&an, ss_actx_dict(ac), pc, MAX_PIECES));
    size_t f = 0, l = np;
    while (f < np && pc[f].stop)
        f++;
    int how = 0; /* the ways of doing it are asked for after (…有哪些措施, …可以怎样做) */
    size_t k, cut = SIZE_MAX; /* the atom the thing ends at inside its last piece */
    for (;;) {
        if ((k = state_request(&an, ss_actx_dict(ac), o ? o->syn : NULL, pc, f, l, &cut)) < l) { /* …面临的困难 */
            l = k;
            if (cut != SIZE_MAX)
                break;
        } else if (l >= f + 3 && !pc[l - 1].stop && !pc[l - 1].generic &&
                   piece_in(&an, &pc[l - 2], what_kind, NELEM(what_kind))) {
            l--; /* the kind of thing it is asked to be (双减是什么政策, WTO是什么组织) */
        } else if (l > f && (pc[l - 1].stop || pc[l - 1].generic)) { /* …进展如何 */
            int way = piece_holds(&an, &pc[l - 1], how_nouns, NELEM(how_nouns));
            how |= way || piece_in(&an, &pc[l - 1], doing_words, NELEM(doing_words));
            l--;
            /* the kind of way asked for before it (…的典型做法, …的成功经验) */
            if (way && l > f + 1 && piece_in(&an, &pc[l - 1], how_kinds, NELEM(how_kinds)))
                l--;
        } else {
            break;
        }
    }
    /* a general verb before a name (做好三重一大, 推进C919大飞机): the name */
    size_t lead = f == 0 && !how ? lead_len(&an, pc, l) : 0;
    if (lead >= l)
        lead = 0; /* nothing after it */
    if (lead && lead_in_name(&an, o, pc, l, lead))
        lead = 0; /* 全面建设小康社会: the verb is a word of the name */
    f += lead;
    if (f == l || (f == 0 && l == np && !asked))
        return SS_OK; /* nothing asked about, or no question word at its edges */
    size_t words = 0;
    size_t asked_by = 0; /* pieces of a request before the things (关于, 我想了解) */
    while (asked_by < f && piece_in(&an, &pc[asked_by], lead_requests, NELEM(lead_requests)))
        asked_by++;
    if (asked_by == f && cut == SIZE_MAX && things_joined(&an, ss_actx_dict(ac), pc, f, l)) {
        /* 项目建设和要素保障的具体措施: the things, when they read as
         * keywords typed alone (培育龙头企业和产业集群 is what is to be
         * done: a question) */
        raw_item t = *r;
        t.e = t.s + an.atoms[pc[l - 1].last].end; /* an is analysed again below */
        t.s += an.atoms[pc[f].first].start;
        int natural = 1;
        rc = ss_q_detect_natural(ac, o, s, &t, 1, &natural, err);
        if (rc == SS_OK && !natural) {
            *r = t;
            *word = 1;
        }
        return rc;
    }
    size_t des = 0; /* 的 between two words of the thing, asked with no question word before
                     * and asked after (…怎么样): four pieces at most */
    for (size_t i = f; i < l; i++) {
        if (f == 0 && !lead && l < np && l <= f + 4 && i > f && i + 1 < l && !des &&
            is_de(&an, &pc[i]) && !pc[i - 1].stop && !pc[i + 1].stop) {
            des++; /* 景德镇的试验区怎么样: the two, as typed apart (twenty-second round) */
            continue;
        }
        if (pc[i].stop || pc[i].generic || pc[i].qweight != 1.0f)
            return SS_OK; /* the words of a question (如何保护耕地: 保护 耕地) */
        words += !pc[i].single_han;
    }
    size_t a = an.atoms[pc[f].first].start,
           e = an.atoms[cut != SIZE_MAX ? cut : pc[l - 1].last].end;
    char forms[1][SS_NUM_FORM_MAX];
    /* words of a name asked of its state or for a request (煤电油运存在的
     * 问题, 三重一大面临的困难, C919大飞机怎么样): the name, as typed alone;
     * not after a question word (如何培育壮大产业集群), nor before the ways
     * of doing (培育专精特新中小企业有哪些措施), nor opening with a verb
     * (改良利用盐碱地怎么样): what is to be done, a question */
    int name = (asked == 2 && f == 0 && l < np) || ((f == 0 || lead || asks_meaning(&an, pc, f)) && !how &&
                              !doing_verb(&an, ss_actx_dict(ac), &pc[f]));
    if (words > 1 && !name && ss_num_forms(s + r->s + a, e - a, forms, 1) == 0)
        return SS_OK;
    if (lead && !named_text(ac, o, s + r->s + a, e - a)) {
        /* 加强校车安全管理, 推进医养结合: what is to be done, a question of
         * the thing; the verb and its manner go (持续优化…, 大力支持…: not
         * words of the thing, as 推进 is none) */
        r->s += a;
        return SS_OK;
    }
    r->e = r->s + e;
    r->s += a;
    *word = 1;
    return SS_OK;
}

ss_code ss_q_item_units(ss_query *q, const ss_analysis *an, const seg_dict *d, int natural,
                        ss_err *err)
{
    piece pc[MAX_PIECES];
    size_t np = make_pieces(an, d, pc, MAX_PIECES);
    return item_units(q, an, d, pc, np, natural, err);
}

/* Verbs that tie a word to a figure typed with it (吞吐量达到一亿吨, 实现城
 * 镇新增就业一千一百万人): they say the figure was reached, not what is
 * measured; the texts write the figure with other verbs or none. */
static const char *const attain_verbs[] = {
    "达到", "突破", "超过", "实现", "完成", "增至", "增加到", "提高到", "提升到", "增长到",
    "达", "超", "高达", "多达", "累计", "共计", "总计", "逾", "为", "共", "共有", "突破了",
    /* nineteenth round (not 新增: 新增就业; not 规模, 总量: 经济总量) */
    "首次突破", "首破", "首次超过", "不低于", "不少于", "至少", "跃升至", "跃升到", "达到了",
    "首度突破", "首度超过",
    /* ... and how near it was (约一百万吨, 近一百万吨) */
    "约", "近", "大约", "将近", "接近", "约为", "近乎",
};

/* 1 when segmenter word w of an is one of attain_verbs. */
static int attain_word(const ss_analysis *an, size_t w)
{
    const ss_atom *a = &an->atoms[an->words[w].first], *z = &an->atoms[an->words[w].last];
    return in_list(attain_verbs, NELEM(attain_verbs), an->norm + a->norm,
                   z->norm + z->normlen - a->norm);
}

/* 1 when atoms [first, last] of an are a general verb (lead_doing), with
 * its manner or not, and nothing else (推进, 持续优化). */
static int doing_only(const ss_analysis *an, size_t first, size_t last)
{
    const char *t = an->norm + an->atoms[first].norm;
    size_t tl = an->atoms[last].norm + an->atoms[last].normlen - an->atoms[first].norm;
    return lead_bytes(t, tl, 1) == tl;
}

ss_code ss_q_trim_attain(ss_actx *ac, const char *s, raw_item *r, ss_err *err)
{
    ss_analysis an;
    ss_code rc = ss_analyze(ac, s + r->s, r->e - r->s, &an, err);
    if (rc != SS_OK || an.nwords < 1 || an.natoms == 0)
        return rc;
    size_t w1 = an.nwords; /* segmenter words come first, in order */
    while (w1 > 0 && an.words[w1 - 1].slogan)
        w1--;
    if (w1 == 0)
        return SS_OK;
    if (w1 == 1 && an.words[0].first == 0 && an.words[0].last + 1 == an.natoms) {
        if (attain_word(&an, 0) || doing_only(&an, 0, an.natoms - 1))
            r->e = r->s; /* the verb alone before the figure (达到|60%, 推进|一百万锭): it goes */
        return SS_OK;
    }
    /* the verb at either edge goes; what stands between stays whole, words
     * or not (人均GDP突破: 人均GDP) */
    size_t first = 0, last = an.natoms - 1;
    if (last >= 3) /* a verb of two characters or more, however segmented
                    * (住房增加|到, 住房高|达: not 达 alone): its characters */
        for (size_t i = 0; i < NELEM(attain_verbs); i++) { /* the longest (首次突破, not 突破) */
            size_t n = strlen(attain_verbs[i]) / 3, k = an.natoms - n;
            const char *t = an.norm + an.atoms[k].norm;
            if (n >= 2 && k >= 1 && an.atoms[k].kind == SS_ATOM_HAN &&
                an.atoms[an.natoms - 1].norm + an.atoms[an.natoms - 1].normlen - an.atoms[k].norm ==
                    strlen(attain_verbs[i]) &&
                memcmp(t, attain_verbs[i], strlen(attain_verbs[i])) == 0 && k - 1 < last)
                last = k - 1;
        }
    /* ... and these at the end only, between the thing and its figure
     * (住房新增|一百万套, 吞吐量增加|…, 住房是|…, 住房有|…; twenty-first
     * round); at the start they open a word (新增就业, 有效) */
    static const char *const attain_end[] = { "新增", "增加", "是", "有", "达到了", "达到过" };
    if (last == an.natoms - 1 && an.words[w1 - 1].last + 1 == an.natoms &&
        ((attain_word(&an, w1 - 1) && an.words[w1 - 1].first > 0) ||
         (in_list(attain_end, NELEM(attain_end), an.norm + an.atoms[an.words[w1 - 1].first].norm,
                  an.atoms[an.natoms - 1].norm + an.atoms[an.natoms - 1].normlen -
                      an.atoms[an.words[w1 - 1].first].norm) &&
          an.words[w1 - 1].first >= 2)))
        last = an.words[w1 - 1].first - 1;
    if (an.words[0].first == 0 && attain_word(&an, 0) && an.words[0].last < last)
        first = an.words[0].last + 1;
    /* a general verb alone before the figure (推进|一百万锭, 持续优化|五千
     * 万吨; twenty-first round): what is to be done, the figure; the texts
     * write it with other verbs or none */
    if (first == 0 && last == an.natoms - 1 && doing_only(&an, first, last)) {
        r->e = r->s;
        return SS_OK;
    }
    r->e = r->s + an.atoms[last].end;
    r->s += an.atoms[first].start;
    return SS_OK;
}

/* Verbs that say an event took place (发生, 举办, 遭受): every passage
 * about the event says as much, in these words or others. */
static const char *const occurred_verbs[] = {
    "发生", "举办", "举行", "召开", "遭受", "遭遇", "出现", "爆发", "暴发", "经历",
};

int ss_q_year_verb(ss_actx *ac, const char *s, size_t len)
{
    ss_analysis an;
    ss_err err;
    if (ss_analyze(ac, s, len, &an, &err) != SS_OK || an.natoms < 2)
        return 0;
    /* in the normalised text (1998年發生) */
    const char *t = an.norm + an.atoms[0].norm;
    size_t tl = an.atoms[an.natoms - 1].norm + an.atoms[an.natoms - 1].normlen - an.atoms[0].norm;
    int span = 0;
    size_t ye = ss_q_years_end(t, tl, &span);
    for (size_t k = 1; ye && ye < tl && k < an.natoms; k++)
        if (an.atoms[k].norm - an.atoms[0].norm == ye)
            return in_list(occurred_verbs, NELEM(occurred_verbs), t + ye, tl - ye)
                       ? (int)an.atoms[k].start
                       : 0;
    return 0;
}

/* Words of a relation asked after 的 (光伏和扶贫的关系, 光伏对扶贫的影响):
 * what the words are to each other; after a word of its own they name a
 * thing (劳动关系, 环境影响). */
static const char *const relation_words[] = { "关系", "影响", "作用", "联系", "区别" };

size_t ss_q_year_quarter_len(const char *norm, size_t len)
{
    for (size_t i = 0; i < NELEM(year_spans); i++) {
        size_t l = strlen(year_spans[i].text);
        if ((year_spans[i].how & SPAN_QUARTER) && l < len &&
            memcmp(year_spans[i].text, norm, l) == 0)
            return l;
    }
    return 0;
}

/* The segmenter word at the start (last 0) or the end (last 1) of s (len
 * bytes), analysed into *an; NULL when that edge is no word (an ASCII
 * token, or a quoted slogan). */
static const ss_word *edge_seg_word(ss_actx *ac, const char *s, size_t len, int last,
                                    ss_analysis *an)
{
    if (!len || ss_analyze(ac, s, len, an, NULL) != SS_OK || an->nwords < 1)
        return NULL;
    size_t w = 0;
    if (last) { /* segmenter words come first, slogans after them */
        w = an->nwords;
        while (w > 0 && an->words[w - 1].slogan)
            w--;
        if (w == 0)
            return NULL;
        w--;
    }
    const ss_word *x = &an->words[w];
    if (x->slogan || (last ? x->last + 1 != an->natoms : x->first != 0))
        return NULL;
    return x;
}

/* 1 when word x of an is one of the n words of list. */
static int word_of(const ss_analysis *an, const ss_word *x, const char *const *list, size_t n)
{
    const ss_atom *a = &an->atoms[x->first], *b = &an->atoms[x->last];
    return in_list(list, n, an->norm + a->norm, b->norm + b->normlen - a->norm);
}

size_t ss_q_year_span_len(ss_actx *ac, const char *s, size_t len)
{
    ss_analysis an;
    const ss_word *x = edge_seg_word(ac, s, len, 0, &an);
    if (!x || x->last + 1 >= an.natoms)
        return 0; /* the span alone stays: 2019年一季度 */
    const ss_atom *a = &an.atoms[x->first], *b = &an.atoms[x->last];
    return year_span(an.norm + a->norm, b->norm + b->normlen - a->norm, SPAN_OPENS) ? b->end : 0;
}

size_t ss_q_event_end(ss_actx *ac, const char *s, size_t len)
{
    static const char *const event[] = { "事件" };
    ss_analysis an;
    const ss_word *x = edge_seg_word(ac, s, len, 1, &an);
    /* after another word (突发事件 alone is a word) */
    return x && x != an.words && word_of(&an, x, event, NELEM(event)) ? an.atoms[x->first].start
                                                                      : len;
}

size_t ss_q_basis_start(ss_actx *ac, const char *s, size_t len)
{
    static const char *const basis[] = { "基于", "围绕", "聚焦", "立足", "依托", "面向", "针对" };
    ss_analysis an;
    const ss_word *x = edge_seg_word(ac, s, len, 0, &an);
    return x && an.nwords >= 2 && word_of(&an, x, basis, NELEM(basis))
               ? an.atoms[x->last + 1].start
               : 0;
}

int ss_q_relation_word(ss_actx *ac, const char *s, size_t len)
{
    ss_analysis an;
    size_t nl = norm_text(ac, s, len, 16, &an);
    return nl && IN(relation_words, an.norm, nl);
}

