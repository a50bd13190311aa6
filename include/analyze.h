/* analyze.h: the text analysis shared by the indexer and the query side.
 *
 * Input is UTF-8 text (a passage, or a query).  Analysis
 *  1. normalises each code point: full-width ASCII to half-width, the
 *     ideographic space to a space, Latin to lower case, and traditional
 *     Chinese to simplified with OpenCC (t2s), clause by clause, only for
 *     clauses holding a character that t2s changes (a bitmap built at
 *     build time says which), keeping each character's source bytes;
 *  2. cuts the normalised text into atoms, each occupying one position:
 *     a Han character; an ASCII token as people write it ("9+2",
 *     "1762.7", "5g", "o2o", "c++"); a lone "+" or "%" glued to a word
 *     ("智能+").  Joining punctuation (quotes, brackets, book-title marks,
 *     middle dots, dashes, slashes, spaces) takes no position, so “六新”项目
 *     reads as 六新项目; separating punctuation (，。、；：！？ and line
 *     breaks) leaves a gap of one position, so nothing spans it;
 *  3. segments every run of Han characters without punctuation inside with
 *     the dictionary segmenter; a short run standing between quotation
 *     marks (“四个致力”) is also kept whole, as a slogan.
 *
 * An ss_analyzer holds the read-only resources (dictionary, converter,
 * bitmap), opened once; an ss_actx holds one thread's scratch memory and
 * the result of its last ss_analyze call, valid until the next call. */
#ifndef SS_ANALYZE_H
#define SS_ANALYZE_H

#include <stddef.h>
#include <stdint.h>

#include "ss_error.h"

typedef struct ss_analyzer ss_analyzer;
typedef struct ss_actx ss_actx;

enum ss_atom_kind {
    SS_ATOM_HAN = 1,   /* one Han character */
    SS_ATOM_ASCII = 2, /* an ASCII/Latin token */
    SS_ATOM_SYM = 3    /* "+" or "%" glued to the previous atom */
};

enum ss_atom_flags {
    SS_AF_JOINED = 1,  /* joining punctuation or space stands before it */
    SS_AF_BREAK = 2,   /* separating punctuation stands before it */
    SS_AF_LIST = 4,    /* ... and it is the enumeration comma 、 */
    SS_AF_LINE = 8,    /* ... and it holds a line break (a heading line ends there) */
    SS_AF_COLON = 16,  /* ... and it holds a colon (a term before its explanation) */
    SS_AF_STOP = 32    /* ... and it ends a sentence (。！？；) */
};

typedef struct {
    uint32_t start, end;  /* byte span in the analysed input */
    uint32_t pos;         /* position, from 1 */
    uint32_t norm;        /* offset of its normalised text in ss_analysis.norm */
    uint16_t normlen;
    uint8_t kind;
    uint8_t flags;
} ss_atom;

typedef struct {
    uint32_t first, last; /* atom indices, inclusive; all Han atoms */
    uint8_t slogan;       /* 1: a quoted run kept whole, not a segmenter word */
} ss_word;

typedef struct {
    const ss_atom *atoms;
    size_t natoms;
    const ss_word *words; /* segmenter words in order (covering every Han atom), then slogans */
    size_t nwords;
    const char *norm;     /* normalised texts of the atoms */
} ss_analysis;

/* Opens the resources in datadir (NULL: $SS_DATADIR, else the build's
 * data directory): dict.bin and trad.bin.  OpenCC's converter is opened on
 * first need. */
ss_code ss_analyzer_open(const char *datadir, ss_analyzer **out, ss_err *err);
void ss_analyzer_close(ss_analyzer *a);

/* The analyzer's segmentation dictionary (for lookups by the query side). */
const struct seg_dict *ss_analyzer_dict(const ss_analyzer *a);
/* The same, from a context. */
const struct seg_dict *ss_actx_dict(const ss_actx *c);

ss_actx *ss_actx_new(ss_analyzer *a);
void ss_actx_free(ss_actx *c);

/* Analyses text (len bytes, UTF-8; invalid bytes are skipped).  The result
 * stays valid until the next call on c. */
ss_code ss_analyze(ss_actx *c, const char *text, size_t len, ss_analysis *out, ss_err *err);

/* The same without segmentation (nwords is 0): what matching a query
 * against a passage needs, at a fraction of the cost. */
ss_code ss_analyze_atoms(ss_actx *c, const char *text, size_t len, ss_analysis *out,
                         ss_err *err);

/* Normalises text the same way (no segmentation) into a malloc'd UTF-8
 * string: simplified script, half-width, lower case.  Used to compare
 * passages for duplicates and to show the query as understood. */
ss_code ss_normalize_string(ss_actx *c, const char *text, size_t len, char **out, ss_err *err);

/* The text with its traditional characters converted to simplified
 * (t2s, as analysis does), every other code point untouched, so the i-th
 * code point of *out stands for the i-th of text.  *out is NULL when the
 * text has nothing to convert; else malloc'd.  The indexer stores it with
 * traditional passages so that searching needs no OpenCC. */
ss_code ss_t2s_string(ss_actx *c, const char *text, size_t len, char **out, ss_err *err);

/* The text in simplified script with Taiwan's words turned into the
 * mainland's (OpenCC tw2sp: 網路 -> 网络, 資訊 -> 信息, 軟體 -> 软件); the
 * number of characters may change.  *out is NULL when the text has no
 * traditional character or OpenCC lacks tw2sp; else malloc'd.  For a
 * query only: mainland text in traditional script would lose words that
 * are the mainland's too (通道 -> 信道, 执行 -> 运行). */
ss_code ss_tw2sp_string(ss_actx *c, const char *text, size_t len, char **out, ss_err *err);

/* Turns traditional-to-simplified conversion off (0) for text known to be
 * simplified already (the output of ss_t2s_string), or back on (1). */
void ss_actx_set_t2s(ss_actx *c, int enabled);

#endif
