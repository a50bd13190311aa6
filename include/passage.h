/* passage.h: cutting a speech's text into passages, the unit of retrieval.
 *
 * A passage is a paragraph (a line of the text), or, for a paragraph
 * longer than max_chars characters, a window of whole sentences of at most
 * about max_chars characters (a sentence longer than that is cut at commas,
 * and as a last resort every max_chars characters).  Windows of one
 * paragraph are balanced in length.  Leading and trailing white space is
 * not part of a passage; lines holding no letter or Han character are
 * skipped.  Section headings (一、… (一)… 第一，… 1.…, a year alone on its
 * line as chronicles head their sections: 1998年) are recognised, and each
 * passage knows the nearest heading above it.  A heading line opens the
 * first passage under it (so that a hit there shows the heading and covers
 * its bytes; that passage may exceed max_chars by the heading's length),
 * unless a heading follows it directly or nothing does: then it is a
 * passage of its own. */
#ifndef SS_PASSAGE_H
#define SS_PASSAGE_H

#include <stddef.h>
#include <stdint.h>

#include "ss_error.h"

typedef struct {
    size_t start, end;   /* byte span in the text given to ss_split_passages */
    uint32_t para;       /* paragraph number, from 1 */
    size_t head_start, head_end; /* the nearest section heading line above it (or
                                    opening it), head_start == head_end: none */
    uint8_t is_heading;  /* this passage is a section heading standing alone */
} ss_passage;

typedef struct {
    ss_passage *v;
    size_t n, cap;
} ss_passages;

#define SS_PASSAGE_CHARS 300

/* Appends the passages of text[0, len) to out (which the caller
 * initialises to zeros and frees with ss_passages_free). */
ss_code ss_split_passages(const char *text, size_t len, size_t max_chars, ss_passages *out,
                          ss_err *err);
void ss_passages_free(ss_passages *p);

/* 1 when the line text[0, len) looks like a section heading. */
int ss_is_heading(const char *text, size_t len);

#endif
