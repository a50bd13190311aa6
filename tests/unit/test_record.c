/* test_record.c: passage records (record.h). */
#include <stdio.h>
#include <string.h>

#include <stdlib.h>

#include "check.h"
#include "record.h"

static int same_str(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

/* Records come back as written: a passage alone, or a head with its
 * speech's part; simplified forms stored as the code points that differ. */
static void test_round_trip(void)
{
    static const char *const heads[] = { "一、总体要求", "二、主要任务" };
    static const struct {
        const char *text, *simplified;
        uint32_t heading;
        int head;
        const char *file, *title, *date, *region, *speaker, *kind;
    } cases[] = {
        { "今年要加快项目建设。", NULL, 0, 0, NULL, NULL, NULL, NULL, NULL, NULL },
        { "今年要加快項目建設。", "今年要加快项目建设。", 2, 0, NULL, NULL, NULL, NULL, NULL, NULL },
        { "", NULL, 1, 1, "/a/b.txt", "政府工作报告", "2020-01-05", "河南省", "省长 王凯", "report" },
        { "發展經濟", "发展经济", 0, 1, "/c.txt", NULL, "2019", NULL, NULL, NULL },
        /* not code point for code point: kept whole */
        { "ab", "abc", 0, 0, NULL, NULL, NULL, NULL, NULL, NULL },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ss_record r;
        memset(&r, 0, sizeof r);
        r.text = (char *)cases[i].text;
        r.simplified = (char *)cases[i].simplified;
        r.byte_start = 1000 + i;
        r.byte_end = 5000000000ull + i;
        r.line = 7;
        r.para = 3;
        r.text_start = i % 2 ? 0 : 600 + i; /* recorded in every other case */
        r.text_end = i % 2 ? 0 : 900000 + i;
        r.speech = 2;
        r.file = (char *)cases[i].file;
        r.title = (char *)cases[i].title;
        r.date = (char *)cases[i].date;
        r.region = (char *)cases[i].region;
        r.speaker = (char *)cases[i].speaker;
        r.kind = (char *)cases[i].kind;
        ss_speech_key key = { 0x0123456789abcdefull, 2 };
        char *data = NULL;
        size_t len = 0;
        ss_record_parts p;
        uint32_t nth = cases[i].head ? 0 : 5 + (uint32_t)i;
        CHECK_EQ_INT(ss_record_encode(&r, key, nth, cases[i].heading, heads, 2, &data, &len, NULL),
                     SS_OK, "encode");
        CHECK_EQ_INT(ss_record_decode(data, len, &p, NULL), SS_OK, "decode");
        CHECK(same_str(p.rec.text, r.text) && same_str(p.rec.simplified, r.simplified),
              "case %zu: text [%s] simplified [%s]", i, p.rec.text, p.rec.simplified ? p.rec.simplified : "NULL");
        CHECK(p.rec.byte_start == r.byte_start && p.rec.byte_end == r.byte_end &&
                  p.rec.line == 7 && p.rec.para == 3 && p.rec.speech == 2 &&
                  p.rec.text_start == r.text_start && p.rec.text_end == r.text_end,
              "case %zu: numbers", i);
        CHECK(p.key.file_hash == key.file_hash && p.key.speech == key.speech &&
                  p.heading == cases[i].heading && p.is_head == cases[i].head && p.nth == nth,
              "case %zu: key, heading, head", i);
        int head = cases[i].head;
        CHECK(same_str(p.rec.file, head ? r.file : NULL) && same_str(p.rec.title, head ? r.title : NULL) &&
                  same_str(p.rec.date, head ? r.date : NULL) &&
                  same_str(p.rec.region, head ? r.region : NULL) &&
                  same_str(p.rec.speaker, head ? r.speaker : NULL) &&
                  same_str(p.rec.kind, head ? r.kind : NULL),
              "case %zu: speech fields only in a head", i);
        CHECK(p.nheadings == (head ? 2u : 0u) &&
                  (!head || (same_str(p.headings[0], heads[0]) && same_str(p.headings[1], heads[1]))),
              "case %zu: heading table", i);
        /* every cut-short record is refused, none crashes; but the record
         * without its text span is whole (as indexes before it wrote it) */
        int refused = 1, older = 0;
        for (size_t n = 0; n < len; n++) {
            ss_record_parts q;
            ss_err err;
            if (ss_record_decode(data, n, &q, &err) == SS_OK) {
                older += q.rec.text_end == 0 && same_str(q.rec.text, r.text) &&
                         q.rec.byte_start == r.byte_start;
                refused &= r.text_end > 0;
                ss_record_parts_free(&q);
            }
        }
        CHECK(refused, "case %zu: every prefix of the record is refused", i);
        CHECK_EQ_INT(older, r.text_end > 0, "case %zu: one prefix is the record before text spans");
        ss_record_parts_free(&p);
        free(data);
    }
}

/* A record of another format (index format 1 stored JSON) is refused. */
static void test_foreign(void)
{
    static const char *const cases[] = { "{\"f\":\"a.txt\"}", "", "p", "x123456789" };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ss_record_parts p;
        ss_err err;
        CHECK_EQ_INT(ss_record_decode(cases[i], strlen(cases[i]), &p, &err), SS_ECORRUPT, cases[i]);
    }
}

/* The key as text: file hash in 16 hex digits, a dot, speech number in hex. */
static void test_key_text(void)
{
    static const struct {
        uint64_t hash;
        uint32_t speech;
        const char *text;
    } cases[] = {
        { 0, 1, "0000000000000000.1" },
        { 0xfedcba9876543210ull, 0x1f, "fedcba9876543210.1f" },
        { UINT64_MAX, UINT32_MAX, "ffffffffffffffff.ffffffff" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char buf[SS_SPEECH_KEY_MAX];
        size_t n = ss_speech_key_text((ss_speech_key){ cases[i].hash, cases[i].speech }, buf);
        CHECK_EQ_STR(buf, cases[i].text, "key text");
        CHECK(n == strlen(cases[i].text), "key text length %zu", n);
    }
}

/* Whether a hit shows its heading above the text: not when the text
 * already opens with it (a heading line opens the first passage under it). */
static void test_shows_heading(void)
{
    static const struct {
        const char *heading, *text;
        int shows;
    } cases[] = {
        { NULL, "正文。", 0 },
        { "", "正文。", 0 },
        { "一、加快项目建设", "一、加快项目建设\n今年要……", 0 },
        { "一、加快项目建设", "今年要加快项目建设。", 1 },
        { "一、加快项目建设", "一、加快", 1 },
        { "一、加快项目建设", NULL, 1 },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ss_record r;
        memset(&r, 0, sizeof r);
        r.heading = (char *)cases[i].heading;
        r.text = (char *)cases[i].text;
        CHECK(ss_record_shows_heading(&r) == cases[i].shows, "case %zu: heading [%s] text [%s]",
              i, cases[i].heading ? cases[i].heading : "NULL",
              cases[i].text ? cases[i].text : "NULL");
    }
}

int main(int argc, char **argv)
{
    (void)argc;
    test_shows_heading();
    test_round_trip();
    test_foreign();
    test_key_text();
    return check_report(argv[0]);
}
