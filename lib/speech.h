/* speech.h: the speeches inside a file and what is known about each.
 *
 * A file may hold several speeches: numbered compilations (第一篇:… 第二篇:…)
 * and a new title line followed by speaker and date lines.  Each speech
 * gets its title, date (full or partial, from the text: "(2022年2月7日)", a
 * year in the title), publication date kept apart ("更新时间:2023-02"),
 * speaker and role (市委书记, 省长, 县长, with the name when given), kind
 * (speech, report, article), the places it names (gazetteer.h) and its
 * own region where the text says it.  Strings are malloc'd and owned by
 * the ss_speech; ss_speeches_free releases them.  The modules that
 * answer each question are listed in lib/speech_int.h. */
#ifndef SS_SPEECH_H
#define SS_SPEECH_H

#include <stddef.h>
#include <stdint.h>

#include "analyze.h"
#include "gazetteer.h"
#include "ss_error.h"

typedef struct {
    size_t start, end;   /* byte span in the text */
    char *title;
    char *date;          /* YYYY, YYYY-MM or YYYY-MM-DD, or NULL */
    char *pubdate;       /* publication date, same forms, or NULL */
    char *speaker;       /* name, or NULL */
    char *role;          /* 市委书记, 省长, 县长…, or NULL */
    char *kind;          /* "speech", "report", "article", or NULL */
    uint32_t region;     /* own region (gazetteer id), or 0 */
    uint32_t *regions;   /* places named, distinct, in order of first mention */
    size_t nregions;
} ss_speech;

typedef struct {
    ss_speech *v;
    size_t n;
} ss_speeches;

/* Splits text into speeches.  fallback_title names a speech without a
 * title line (an HTML <title> or the file name).  g may be NULL (no
 * places then).  ac reads traditional script as simplified for matching
 * keywords and places (ss_t2s_string); NULL: text is taken as it is. */
ss_code ss_split_speeches(const char *text, size_t len, const char *fallback_title,
                          const ss_gazetteer *g, ss_actx *ac, ss_speeches *out, ss_err *err);
void ss_speeches_free(ss_speeches *s);

/* 1 when cp is one of the common single-character surnames the speaker
 * reader knows (王, 李, 张…). */
int ss_common_surname(uint32_t cp);

/* 1 when bytes [start, end) of text (len bytes) lie inside the speaker's
 * name where the text writes it: speaker is a name, or a role and a name
 * ("市长 宁波": 宁波).  芜湖市政府工作报告（2022年1月10日 宁波） names the mayor,
 * not the city (宫镇江, 杜延安 alike): a place found there is no place of the
 * speech.  With longer, only a name longer than the span counts (镇江 in
 * 宫镇江, not 宁波 in 与宁波合作). */
int ss_in_speaker_name(const char *text, size_t len, const char *speaker, size_t start,
                       size_t end, int longer);

#endif
