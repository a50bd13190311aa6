/* record.h: what the index stores about each passage (its document data)
 * and what a hit shows: where it is, what speech it belongs to, its text.
 *
 * Stored as a compact JSON object, so fields can be added without breaking
 * older indexes.  Every string is malloc'd and owned by the record;
 * ss_record_free releases them (NULL fields are allowed everywhere). */
#ifndef SS_RECORD_H
#define SS_RECORD_H

#include <stddef.h>
#include <stdint.h>

#include "ss_error.h"
#include "xapian_c.h"

typedef struct {
    char *file;           /* path as given to the indexer */
    uint64_t byte_start;  /* half-open span in the original file (decompressed for .gz) */
    uint64_t byte_end;
    uint32_t line;        /* line of byte_start in the file, from 1 (0: not recorded) */
    uint32_t para;        /* paragraph number in its speech, from 1 */
    uint32_t speech;      /* speech number in the file, from 1 */
    char *title;          /* speech title */
    char *heading;        /* section heading above the passage, or NULL */
    char *text;           /* the passage as it reads (UTF-8, cleaned) */
    char *simplified;     /* text with traditional characters converted (code point for
                             code point), or NULL when text has none */
    char *date;           /* speech date as found (YYYY, YYYY-MM or YYYY-MM-DD), or NULL */
    char *region;         /* speech's own region, or NULL */
    char *speaker;        /* speaker (role and/or name), or NULL */
    char *kind;           /* speech, report, article, or NULL */
} ss_record;

/* Value slots of a passage's document, for counting matches by facet
 * without reading their records (xc_enquire_count_values). */
enum { SS_SLOT_REGION = 1, SS_SLOT_YEAR = 2, SS_SLOT_KIND = 3 };

/* Sets the value slots of the document of r (region, year, kind). */
ss_code ss_record_values(const ss_record *r, xc_doc *doc, ss_err *err);

/* Serialises r into a malloc'd NUL-terminated JSON string. */
ss_code ss_record_encode(const ss_record *r, char **out, size_t *len, ss_err *err);
/* Parses data (len bytes) into r (overwritten; free with ss_record_free). */
ss_code ss_record_decode(const char *data, size_t len, ss_record *r, ss_err *err);
void ss_record_free(ss_record *r);
/* 1 when the passage has a heading to show above it: a heading that its
 * text does not already open with (a heading line opens the first passage
 * under it, passage.h). */
int ss_record_shows_heading(const ss_record *r);

#endif
