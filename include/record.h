/* record.h: what the index stores about each passage (its document data)
 * and what a hit shows: where it is, what speech it belongs to, its text.
 *
 * Stored compactly (index format 2): each passage's record holds its
 * span, line, paragraph, text, the code points where its simplified form
 * differs, the index of its heading in its speech's table, and the key of
 * its speech.  What the passages of a speech share — file, title, date,
 * region, speaker, kind and the table of its section headings — is stored
 * once, in the record of its first passage (the speech's "head"), and
 * joined at query time (record_join.h).  Every string of an ss_record is
 * malloc'd and owned by the record; ss_record_free releases them (NULL
 * fields are allowed everywhere). */
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
    uint64_t text_start;  /* its span in its file's text as decoded and cleaned (UTF-8 */
    uint64_t text_end;    /* bytes: the same in every encoding); text_end 0: not recorded
                             (an index written before 2026-12-01 evening) */
} ss_record;

/* The text a record is analysed and judged as: its simplified form, else
 * its text as it reads (never NULL). */
static inline const char *ss_record_match_text(const ss_record *r)
{
    return r->simplified ? r->simplified : r->text ? r->text : "";
}

/* Value slots of a passage's document, for counting matches by facet
 * without reading their records (xc_enquire_count_values).  SS_SLOT_SPEECH
 * is set on a speech's head passage only: its speech key (ss_speech_key),
 * so that a query over head passages (title:) yields its speeches. */
enum { SS_SLOT_REGION = 1, SS_SLOT_YEAR = 2, SS_SLOT_KIND = 3, SS_SLOT_SPEECH = 4 };

/* Sets the value slots of the document of r (region, year, kind). */
ss_code ss_record_values(const ss_record *r, xc_doc *doc, ss_err *err);

/* ---- the stored form ---- */

/* What identifies a speech in the index: the hash of its file's path
 * (ss_path_hash) and its number in the file. */
typedef struct {
    uint64_t file_hash;
    uint32_t speech;
} ss_speech_key;

/* The key as text (hex, at most SS_SPEECH_KEY_MAX bytes with the NUL):
 * the value of SS_SLOT_SPEECH, and after SS_PREFIX_SPEECH the term every
 * passage of the speech carries. */
#define SS_SPEECH_KEY_MAX 28
size_t ss_speech_key_text(ss_speech_key k, char *buf);

/* A decoded record: the passage's own fields in rec (file, title, date,
 * region, speaker, kind, heading left NULL), its speech's key, the index
 * of its heading in the speech's table (0: none, k: headings[k - 1]), and
 * when it is a head, the speech's part: rec's speech fields set and the
 * heading table. */
typedef struct {
    ss_record rec;
    ss_speech_key key;
    uint32_t nth;         /* the passage's number in its speech, from 0 (the head) */
    uint32_t heading;
    int is_head;
    char **headings;      /* is_head: the speech's section headings */
    uint32_t nheadings;
} ss_record_parts;

/* Encodes passage r, the nth (from 0) of speech key, whose heading is
 * headings[heading - 1] (0: none); the head (nth 0) also holds the
 * speech's part: r's file, title, date, region, speaker, kind, and the
 * heading table. */
ss_code ss_record_encode(const ss_record *r, ss_speech_key key, uint32_t nth, uint32_t heading,
                         const char *const *headings, uint32_t nheadings, char **out,
                         size_t *len, ss_err *err);
/* Parses data (len bytes) into p (overwritten; free with ss_record_parts_free). */
ss_code ss_record_decode(const char *data, size_t len, ss_record_parts *p, ss_err *err);
void ss_record_parts_free(ss_record_parts *p);

void ss_record_free(ss_record *r);
/* 1 when the passage has a heading to show above it: a heading that its
 * text does not already open with (a heading line opens the first passage
 * under it, passage.h). */
int ss_record_shows_heading(const ss_record *r);

#endif
