/* speech.h: the speeches inside a file and what is known about each.
 *
 * A file usually holds one speech; its title is the first line when that
 * line is short enough to be a title (a "原标题:" prefix is dropped), else
 * the fallback (an HTML <title> or the file name).  Strings are malloc'd
 * and owned by the ss_speech; ss_speeches_free releases them. */
#ifndef SS_SPEECH_H
#define SS_SPEECH_H

#include <stddef.h>

#include "ss_error.h"

typedef struct {
    size_t start, end;  /* byte span in the text */
    char *title;
    char *date;         /* YYYY[-MM[-DD]] or NULL */
    char *speaker;
    char *region;
    char *kind;
} ss_speech;

typedef struct {
    ss_speech *v;
    size_t n;
} ss_speeches;

ss_code ss_split_speeches(const char *text, size_t len, const char *fallback_title,
                          ss_speeches *out, ss_err *err);
void ss_speeches_free(ss_speeches *s);

#endif
