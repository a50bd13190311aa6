/* test_record.c: passage records (record.h). */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "record.h"

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
    return check_report(argv[0]);
}
