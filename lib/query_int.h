/* query_int.h: what the query modules share (private to lib/).
 *
 * The query side, in data-flow order:
 *   qsyntax.c    text -> items (full-width forms, quotes, -, OR, field:value)
 *   qwords.c     an item's text -> its words; keywords or a question
 *   qparse.c     items -> units and concepts (ss_query_parse)
 *   qforms.c     a word's other forms: synonyms, parts in other forms, figures, places
 *   qcontext.c   places and years of a concept, as context
 *   qbuild.c     items -> Xapian query of candidates (ss_query_build)
 *   qfind.c      where the query's words stand in a candidate's text, and how strongly
 *   rank.c       a candidate's text -> accept or not, and its factor (ss_query_judge)
 *   highlight.c  a shown hit's text -> spans to mark (ss_query_highlights)
 */
#ifndef SS_QUERY_INT_H
#define SS_QUERY_INT_H

#include <stddef.h>
#include <stdint.h>

#include "analyze.h"
#include "filter.h"
#include "numbers.h"
#include "query.h"
#include "tune.h"
#include "segment.h"
#include "synonyms.h"

#define UNIT_MAX_ATOMS 48
#define MAX_PIECES_ITEM 256
#define MAX_ITEMS 32
#define MAX_PIECES 256
#define MAX_ALTS 8         /* other forms of one word (synonyms, figures) */
#define MAX_CONCEPT_PLACES 8

/* What a unit is to the word it serves. */
/* ALT_FIGURE: the same figure written otherwise (两千亿 for 2000亿): it
 * stands and weighs as the figure typed, however the query wrote it. */
enum { ALT_TYPED = 0, ALT_SAME = 1, ALT_RELATED = 2, ALT_FIGURE = 3 };

typedef struct {
    uint16_t off, len; /* text in unit.text */
    uint8_t kind;
    uint32_t rpos;     /* position relative to the unit's first atom */
} uatom;

typedef struct {
    char *text;        /* atom texts, concatenated */
    uatom *a;
    size_t n;
    double idf;        /* log(N / df) of its rarest term, times qweight; set by ss_query_build */
    float qweight;     /* its weight in a question against a word asked about (1; less for a
                          word naming a problem or a remedy: qwords.c QW_*) */
    uint8_t alt;       /* ALT_TYPED, or another form of a concept's word (ALT_SAME,
                          ALT_RELATED, ALT_FIGURE) */
} unit;

/* One thing the query asks for: a keyword item, or one word of a
 * question.  It stands in a passage where its typed units stand in order,
 * close together in one clause (the whole word ranks higher), or where
 * one of its other forms stands whole. */
typedef struct {
    size_t item;       /* the item it belongs to */
    size_t u0, u1;     /* typed units: q->units[u0, u1) */
    size_t whole;      /* the whole word as one unit, or SIZE_MAX when it is one unit */
    size_t a0, a1;     /* other forms: q->units[a0, a1), each standing whole */
    uint32_t places[MAX_CONCEPT_PLACES]; /* the places it names (gazetteer ids; qcontext.c) */
    size_t nplaces;
    int year;          /* the year it names (2008, 2008年), or 0 */
    int speaker;       /* 1: a name the collection knows as a speech's speaker (李克强); 2: a
                          role it knows as one (市委书记): the speeches given are context
                          (qcontext.c) */
    int figure;        /* a figure (五千万吨, 2000亿): stands whole, never inside a bigger one */
    int split;         /* its units are the two halves of one dictionary word (乡村振兴 ->
                          乡村 + 振兴): fewer characters may stand between them (qfind.c) */
    int halves;        /* a question's split word the collection seldom writes whole: one
                          half alone stands for it too (set by ss_query_set_collection;
                          qfind.c S_HALF) */
    int verb_last;     /* its last typed unit is a verb (老工业基地振兴, 棚户区改造): the verb
                          may stand first, before its object (振兴老工业基地; qfind.c) */
    int headless;      /* a keyword word of a thing of one unit and a general head glued
                          after it (夜间经济发展, 进博会建设: qparse.c general_head_core): the
                          thing alone stands for it too, below the two together (qfind.c
                          S_HEADLESS) */
    size_t core0, core1; /* a word gluing letters or digits to Chinese (PPT挂图作战,
                          30MW生物质发电): its Chinese core, typed units [core0, core1), which
                          may stand for it in the partial tier (rank.c); core0 == core1: none */
    size_t listchars;  /* its characters, each a word alone, may stand as consecutive items
                          of an enumeration (水、电、路 for 水电路; qparse.c list_chars): how
                          many, or 0 */
    int listed;        /* ... and the collection lists them (ss_query_set_collection): the
                          form is in use (qfind.c, qbuild.c, understood) */
} concept;

/* Uses of a two-character word in the dictionary from which it is common
 * enough to make a line of work or a question with 工作, 问题 (政府工作,
 * 安全工作: kept whole; a rarer word or a name goes without them: 双减工作,
 * 王凯工作), or to take a general head after it (社会发展). */
#define COMMON_WORD_FREQ 1000

/* 1 when t (tl bytes, chars characters) is a verb by the dictionary's tag,
 * or a common word of two characters (发展, 建设, 社会: qwords.c). */
int ss_q_common_or_verb(const struct seg_dict *d, const char *t, size_t tl, size_t chars);

/* A word of this many typed units or more may stand, in the partial tier
 * only, by a run of fewer of them side by side (rank.c, qbuild.c). */
#define SUBRUN_MIN_UNITS 3


typedef struct {
    int negated, quoted;
    size_t u0, u1;     /* its typed units: q->units[u0, u1) */
    size_t whole;      /* unit of the whole item, or SIZE_MAX if it has one unit */
    size_t c0, c1;     /* its concepts: q->concepts[c0, c1) (none when negated) */
    size_t chunk;      /* the partial tier's last reading (loose 2): 1 + the first unit of the
                          word typed as several units it is one of (qparse.c, push_apart),
                          or 0 */
} item;

struct ss_query {
    unit *units;
    size_t nunits, capunits;
    concept *concepts;
    size_t nconcepts, capconcepts;
    item *items;
    size_t nitems, capitems;
    int *or_next;      /* or_next[i]: item i is OR'ed with item i+1 */
    int natural;
    int loose;         /* read for the partial tier (ss_query_opts.loose): any word proposes */
    char *understood;
    ss_filters filters;            /* region:, year:, ... */
    const ss_gazetteer *gaz;       /* resolves region filters (not owned) */
    int places_read;               /* ss_query_set_gazetteer has run */
    int collection_read;           /* ss_query_set_collection has run */
    ss_actx *ac;                   /* the parser's analysis context (not owned) */
    char *typed;                   /* the text as typed, read again once the gazetteer is
                                      known (a word beginning with a place splits) */
    ss_query_opts opts;            /* the options it was read with */
    double avlength;               /* the index's average passage length (terms), read by
                                      ss_query_build; 0: unknown */
    int (*has_term)(void *arg, const char *term); /* the collection, when the searcher set
                                      a db (ss_query_set_probe): a place's weak name (朝阳)
                                      names the place its speeches are about (qparse.c) */
    void *has_term_arg;
};

/* Characters that modify the word after them (老工业, 新项目, 大企业, 副市长, 名校长;
 * qwords.c, qparse.c). */
#define SS_Q_MODIFIERS "老新大小总副全各非超高低准次亚前原多单双微重主分每本名"
/* The start or end of a year after it (2019年底, 2008年初, 2018年末), or the
 * year itself (2019年度, 2008年间, 2008年时, 2008年份), or after, before or
 * within it (2008年后, 2008年前, 2008年内; qwords.c, qparse.c). */
#define SS_Q_YEAR_PARTS "初底末度间时份后前内"
/* The levels of government, before a word they qualify (市博物馆, 县医院;
 * qparse.c). */
#define SS_Q_LEVELS "省市县区镇乡村州盟旗"
/* Last characters of institutions, systems and measures (路长制, 应急局,
 * 开发区, 达标率; qforms.c, qparse.c). */
#define SS_Q_INSTITUTION_ENDS "制局所站办厅委院区县市省镇乡率费税型性"

/* The unit concept c was typed as: its whole word, else its first unit. */
static inline const unit *ss_q_typed_unit(const ss_query *q, const concept *c)
{
    return &q->units[c->whole != SIZE_MAX ? c->whole : c->u0];
}

/* 1 when unit u is Han characters side by side, nothing else. */
static inline int ss_q_all_han(const unit *u)
{
    for (size_t i = 0; i < u->n; i++)
        if (u->a[i].kind != SS_ATOM_HAN || u->a[i].rpos != i)
            return 0;
    return 1;
}

/* ---- syntax (qsyntax.c) ---- */

/* An item of the query text: bytes [s, e) of it. */
typedef struct {
    size_t s, e;
    int negated, quoted, is_or;
    int apart;   /* a blank stands before it (or nothing): typed apart, not only
                    after a list's mark (转型发展，提高质量 is one run of text) */
} raw_item;

/* The text with the full-width forms an input method types made
 * half-width (：－＋（）, letters, digits); malloc'd, NULL when out of memory. */
char *ss_q_fold_syntax(const char *s, size_t len, int exact);
/* 1 when a quote mark stands at byte i of s (len bytes): ", or “ opening
 * (closing 0), or any of ", “, ” (closing 1); *next is the byte after it. */
int ss_q_quote_at(const char *s, size_t len, size_t i, size_t *next, int closing);
/* Cuts the (folded) query text into at most max items. */
size_t ss_q_split_items(const char *s, size_t len, raw_item *out, size_t max);
/* 1 when an item has the form of a filter (name:value with a known name). */
int ss_q_is_filter(const char *s, size_t len);



/* ---- an item's words (qwords.c), units (qparse.c) ---- */

/* Appends the unit made of atoms [first, last] of an. */
ss_code ss_q_add_unit(ss_query *q, const ss_analysis *an, size_t first, size_t last,
                      ss_err *err);
/* 1 when atoms [a, b) of an may be a person's name: Han characters, the
 * first a common surname, of two characters no word of the dictionary but
 * a person's, ending where a segmenter word ends (qwords.c; qparse.c). */
int ss_q_name_span(const ss_analysis *an, const seg_dict *d, size_t a, size_t b);
/* Appends the units of an unquoted item's analysis: its words (of a
 * question, without function words and, when it has content words, the
 * generic ones; words naming a problem or a remedy weighing less: qweight),
 * single characters joined to the word beside them. */
ss_code ss_q_item_units(ss_query *q, const ss_analysis *an, const seg_dict *d, int natural,
                        ss_err *err);
/* What a word is to a question: QK_FUNCTION (的, 如何: dropped),
 * QK_GENERIC (发展, 推进, 问题: dropped when the question has other
 * content words), QK_PROBLEM (不足, 瓶颈) and QK_REMEDY (缓解, 治理):
 * counted, weighing less than QK_CONTENT, the things asked about. */
enum { QK_CONTENT = 0, QK_FUNCTION, QK_GENERIC, QK_PROBLEM, QK_REMEDY };
int ss_q_word_kind(const char *s, size_t len);
/* Drops from unquoted item r of s the particles that end or begin it and
 * say nothing of it (乡村振兴的: 乡村振兴; 的 alone stays), and with
 * requests (an item of keywords) the words of the request around it
 * (关于新基建, 新基建情况, 有关双减的讲话: the word asked for); requests 2:
 * an item typed beside other keywords, whose general verb goes before a
 * longer thing too (全面推进职业教育 产教融合).  At least one word stays. */
ss_code ss_q_trim_particles(ss_actx *ac, const char *s, raw_item *r, int requests, ss_err *err);
/* Trims from the words of item r, cut from a figure typed with it, a verb
 * of attain_verbs at either end (吞吐量达到, 实现城镇新增就业): what is
 * measured, without the verb that ties it to the figure. */
ss_code ss_q_trim_attain(ss_actx *ac, const char *s, raw_item *r, ss_err *err);
/* The bytes of the year that s (len bytes) opens when a verb that says an
 * event took place follows it and nothing else (1998年发生, 2008年举办),
 * else 0: before 的 the verb only says the event happened (1998年发生的特
 * 大洪水 is 1998年 特大洪水; 2020年开工的重点项目 keeps 开工). */
int ss_q_year_verb(ss_actx *ac, const char *s, size_t len);
/* 1 when s (len bytes) is a word of the request alone (情况, 關於): an
 * item of it beside other words is dropped (新基建 情况). */
int ss_q_request_word(ss_actx *ac, const char *s, size_t len);
/* 1 when s (len bytes) is a time since an event and nothing more
 * (改革开放以来, 党的十八大以来; not 2018年以来, 五年以来, 十三五以来): an item of
 * it beside other words is dropped, as the same glued before them is. */
int ss_q_since_word(ss_actx *ac, const char *s, size_t len);
/* 1 when s (len bytes) is a word of a relation (关系, 影响, 作用): after
 * 的 it asks what the words before are to each other, and goes
 * (光伏和扶贫的关系 is 光伏 扶贫). */
int ss_q_relation_word(ss_actx *ac, const char *s, size_t len);
/* The bytes of a part of a year that opens s (len bytes) before another
 * word (上半年, 全年, 一季度, 当年…: 2008年上半年雨雪冰冻); 0 when none. */
size_t ss_q_year_span_len(ss_actx *ac, const char *s, size_t len);
/* The bytes of a quarter of a year that opens norm (len bytes, normalised
 * text) before more (一季度…, 第一季度…, 前三季度…), else 0. */
size_t ss_q_year_quarter_len(const char *norm, size_t len);
/* The length of s (len bytes) without 事件 when a segmenter word of its own
 * ends it after another (雨雪冰冻事件: 雨雪冰冻), else len; after a year only
 * (突发事件 is a thing). */
size_t ss_q_event_end(ss_actx *ac, const char *s, size_t len);
/* Where the words of s (len bytes) begin after a verb of what a thing is
 * based on or aimed at (基于, 围绕, 聚焦…) that opens it before another
 * word; 0 when none opens it. */
size_t ss_q_basis_start(ss_actx *ac, const char *s, size_t len);
/* 1 when the analysed text an is a word of its own: of the dictionary d
 * or of o's synonym table (医药卫生体制改革, 发展研究中心, 公租房; o may be
 * NULL): it is neither cut nor read as a question. */
int ss_q_named_whole(const ss_query_opts *o, const seg_dict *d, const ss_analysis *an);
/* For item r of s that reads as a question, *word = 1 and r narrowed to
 * the one word it asks about when that is all it holds besides question
 * and function words (什么是新基建, 进博会怎么样, 五千万吨是什么: a word,
 * its single characters or a figure; with asked, items beside it asked
 * and r may hold the word alone: 五千万吨 怎么办): that is the keyword
 * query of the word.  So is a name of several words asked of its state
 * or for a request (煤电油运存在的问题, C919大飞机面临的困难), not after a
 * question word, before the ways of doing (…有哪些措施, …可以怎样做) or
 * opening with a verb; and a name after a general verb (做好三重一大,
 * 推进C919大飞机: another name in o's synonym table, or letters); with
 * asked 2 (the last of keywords typed apart: 景德镇 加装电梯怎么样), the
 * words before the asking whatever they hold.  Else *word = 0 and r
 * unchanged. */
ss_code ss_q_question_core(ss_actx *ac, const ss_query_opts *o, const char *s, raw_item *r,
                           int asked, int *word, ss_err *err);
/* 1 when item r of s holds only question, function and general words
 * (怎么办, 措施, 如何做): it asks, and says nothing of what. */
int ss_q_item_asks(ss_actx *ac, const char *s, const raw_item *r);
/* Whether the positive unquoted items r[0, n) of s read as a question (o:
 * the synonym table, whose names keep their verbs: 全面建设小康社会). */
ss_code ss_q_detect_natural(ss_actx *ac, const ss_query_opts *o, const char *s,
                            const raw_item *r, size_t n, int *natural, ss_err *err);

/* ---- a word's other forms (qforms.c) ---- */

/* The longest other form of a word, in bytes with its NUL: a figure's
 * (SS_NUM_FORM_MAX) or a name of the synonym table, up to an enumeration
 * of a slogan's items (四个全面: 全面建设社会主义现代化国家、全面深化改革、
 * 全面依法治国、全面从严治党, 32 characters). */
#define ALT_TEXT_MAX 256

typedef struct {
    char text[MAX_ALTS][ALT_TEXT_MAX];
    uint8_t kind[MAX_ALTS];  /* ALT_SAME, ALT_RELATED or ALT_FIGURE */
    size_t n;
} ss_alts;

/* The other forms of word w (len bytes) into a: its groups in the synonym
 * table ("~" ones only for a question), a figure's other written forms, or
 * the word with parts of it (anchored at its edges or at bounds[], the
 * byte offsets where its units join) in their other forms. */
void ss_q_find_alts(const ss_query_opts *o, int natural, const char *w, size_t len,
                    const size_t *bounds, size_t nb, ss_alts *a);
/* Where a keyword typed with a figure at its start or end (吞吐量一亿吨,
 * 一百万套住房, 2018年重点项目, 开工率80%: a figure with its measure
 * word, a year or a share) is cut into the figure and the rest, of two
 * Han characters or more: the byte offset, or 0 when none.  Typed
 * together they are the keywords typed apart: a text says 住房一百万套,
 * 100万套保障性住房. */
size_t ss_q_edge_figure(const char *w, size_t len);
/* The bytes of the figure that w (normalised) starts with: numerals, 多 or
 * 余, a measure word (10万人, 一百万锭, 5000余人; 2000亿 with none), when
 * ss_num_forms reads it; 0 when none starts there. */
size_t ss_q_figure_len(const char *w, size_t len);
/* The end of a year in digits or a span of years at the start of w
 * (2018年; 2015年至2020年, 2015-2020年, 2015—2020年: *span = 1), or 0. */
/* 1 when w[k, k + 4) is a year from 1900 to 2099 in digits, no digit after it. */
int ss_q_year_at(const char *w, size_t len, size_t k);
size_t ss_q_years_end(const char *w, size_t len, int *span);
/* Adds to each concept that names a place with its suffix (柳州市) the
 * bare name as another form, when g knows it as the same place. */
void ss_q_add_short_place_names(ss_query *q, const ss_gazetteer *g);
void ss_q_add_given_name_forms(ss_query *q, const ss_gazetteer *g);
void ss_q_add_list_forms(ss_query *q);
/* Adds to keywords typed side by side the word their initials make
 * (智改数转 for 智能化改造 数字化转型) when has_term(arg, its term) says
 * the collection indexes it (qforms.c). */
typedef int (*ss_q_has_term_fn)(void *arg, const char *term);
/* 1 when one of the first LISTED_PROBE passages db proposes for concept
 * ci's listed form (qbuild.c) lists its characters (ss_q_listed_in); 0
 * also on errors. */
int ss_q_listed_exists(const ss_query *q, size_t ci, xc_db *db);
void ss_q_add_initials_forms(ss_query *q, ss_q_has_term_fn has_term, void *arg);
/* How many passages hold term (0 also on errors). */
typedef uint32_t (*ss_q_df_fn)(void *arg, const char *term);
/* Adds to the words of a query typed in traditional script the mainland's
 * word for Taiwan's (網路 -> 网络) where the collection writes it far more
 * often than t2s's reading (df says how often; qforms.c). */
void ss_q_add_taiwan_forms(ss_query *q, ss_q_df_fn df, void *arg);
/* How many of the typed units [u0, u1) of an unquoted keyword item,
 * counted from the first, make the place its word begins with (qparse.c:
 * the rule), or 0: the word is not read as a place and the rest. */
size_t ss_q_place_prefix(const ss_query *q, size_t u0, size_t u1, const ss_gazetteer *g);

/* ---- where the query's units stand in one passage (qfind.c) ---- */

#define MAX_OCC 4096

/* An occurrence: of a unit (occs.v), or of a concept (occs.c). */
typedef struct {
    uint32_t pos, end;     /* positions of first and last atom */
    uint32_t atom, atom_end; /* indices of first and last atom */
    uint32_t id;           /* unit or concept */
    float strength;        /* concept: 1 whole, less for units apart or another form */
    uint8_t listed;        /* concept: an item of an enumeration (、 before or after it) */
} occ;

typedef struct {
    uint32_t *count;       /* occurrences per unit */
    uint32_t *first;       /* index in v of each unit's first occurrence */
    occ *v;                /* unit occurrences, by unit then position */
    size_t n;
    occ *c;                /* concept occurrences, by position */
    size_t nc, capc;
    uint32_t *ccount;      /* occurrences per concept */
    float *ctx;            /* per concept: strength it has from the passage's context
                              (its speech's place or year), 0 if none */
} occs;

/* Finds where the query's units and concepts stand in an analysed passage
 * (meta: the passage's speech, or NULL). */
ss_code ss_q_find_occs(const ss_query *q, const ss_analysis *an, const ss_passage_meta *meta,
                       occs *o, ss_err *err);
/* 1 when concept ci's characters stand as an enumeration's items in an
 * (qfind.c listed_chars). */
int ss_q_listed_in(const ss_query *q, size_t ci, const ss_analysis *an);
/* Appends a concept occurrence (o->c grows); -1 when out of memory. */
int ss_q_push_cocc(occs *o, occ x);

/* ---- places and years as context (qcontext.c) ---- */

/* Sets each concept's places (when q has a gazetteer) and year. */
void ss_q_resolve_context(ss_query *q);
/* Sets concept ci's speaker flag: a name of two to four Han characters,
 * typed beside other words, no place or year, not quoted, that has(db,
 * SS_PREFIX_SPEAKER + name) finds (1), or a role that has(db,
 * SS_PREFIX_ROLE + role) finds (2): the speeches given are context. */
void ss_q_resolve_speaker(ss_query *q, size_t ci, int (*has)(void *db, const char *term),
                          void *db);
/* Strength of context each concept has in this passage: its speech's own
 * region or a place its title names lies in the concept's place; the
 * speech was given in the concept's year; and occurrences of 去年, 今年,
 * 明年, 上年 that, against the speech's date, speak of the concept's year. */
ss_code ss_q_context(const ss_query *q, const ss_analysis *an, const ss_passage_meta *meta,
                     occs *o, ss_err *err);
/* The Xapian alternatives a concept's context adds to its query: boolean
 * terms of its places (XR<code>), of its year (Y<yyyy>), of its speaker
 * (XS<name>), and the relative
 * year words in speeches of the neighbouring years; into terms[] as
 * (text, must_also) pairs.  Returns how many. */
typedef struct {
    char term[32];     /* a term that stands for the concept (weight 0 if boolean) */
    char also[32];     /* "" or a boolean term that must hold too */
    int boolean;       /* 1: no weight */
} ctx_term;
size_t ss_q_context_terms(const ss_query *q, const concept *c, ctx_term *out, size_t max);
/* *named_only = 1 when q has a region: filter and the passage (meta: its
 * speech) passes it only by naming the place: the speech's own region and
 * the places its title names are none of the filter's nor inside one. */
ss_code ss_q_region_named_only(const ss_query *q, const ss_passage_meta *meta, int *named_only,
                               ss_err *err);
void ss_q_occs_free(occs *o);

/* Highlight spans (byte offsets of an's text) of the concepts found
 * (highlight.c); *out malloc'd. */
ss_code ss_q_highlights(const ss_query *q, const ss_analysis *an, const occs *o, ss_span **out,
                        size_t *n, ss_err *err);

#endif
