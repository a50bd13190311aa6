/* terms.h: how analysed text becomes Xapian terms.
 *
 * Terms carry no positions: in Xapian 1.4 every (term, passage) pair with
 * positions costs a position-table entry, which made the index 7.7 times
 * the input text and indexing half as fast (measured on 19 MB of speeches).
 * Whether a word's characters stand together, and how close the words
 * are, is decided instead by the ranker from the passage text
 * (query.h: ss_query_judge), for the candidates Xapian ranks first.
 *
 * Terms without prefix (all lower case or Han, so they never clash with the
 * upper-case prefixes of boolean terms):
 *   - every pair of Han atoms at adjacent positions (a bigram), so any run
 *     of two or more characters can be found wherever the segmenter cut,
 *     punctuation such as quotes aside;
 *   - every ASCII token and "+"/"%" symbol;
 *   - every segmenter word or quoted slogan of three or more characters
 *     (whole-word ranking).
 *   - every Han character that begins no bigram (it ends a run: before
 *     punctuation, an ASCII token or the end), as a term of its own.
 *   - every ASCII token glued to the Han character at the next position,
 *     and every Han character glued to the ASCII token at the next
 *     position ("2019年", "340个", "第3"): a query word of a number and a
 *     character is then one posting list (qbuild.c).  Its wdf is 0: it
 *     weighs nothing and leaves the passage's length (BM25) as it was.
 * A one-character query so matches the character's own term and the
 * bigrams and words that begin with it (qbuild.c): wherever it stands.
 * Boolean terms (no weight) carry a prefix: "F" + file key.  */
#ifndef SS_TERMS_H
#define SS_TERMS_H

#include <stddef.h>
#include <stdint.h>

#include "analyze.h"
#include "prefix.h"
#include "ss_error.h"
#include "xapian_c.h"

#define SS_MAX_TERM 240

/* Adds the terms of an analysed passage to doc. */
ss_code ss_index_analysis(const ss_analysis *an, xc_doc *doc, ss_err *err);

/* Writes the term of word w (atoms first..last) into buf (size >=
 * SS_MAX_TERM+1); returns its length, or 0 when it is too long. */
size_t ss_term_of_atoms(const ss_analysis *an, size_t first, size_t last, char *buf);

/* The term of an ASCII token and a Han character at adjacent positions
 * (either first), a then b, into buf (size >= SS_MAX_TERM+1); returns its
 * length, or 0 when it is too long. */
size_t ss_glued_term(const char *a, size_t alen, const char *b, size_t blen, char *buf);

/* The boolean term naming a file: "F" + key, where key is the path, or a
 * hash of it when the path is too long for a term.  buf has SS_MAX_TERM+1
 * bytes. */
void ss_file_term(const char *path, char *buf);

/* FNV-1a (64 bits) of a path: names long paths in terms, picks a file's
 * shard. */
unsigned long long ss_path_hash(const char *path);

/* The format of the index this program writes and reads, kept in the
 * index's metadata under SS_META_FORMAT from its creation on.  Raise it
 * when terms, values or records change meaning. */
#define SS_META_FORMAT "speech-search:version"
#define SS_INDEX_FORMAT "2"

/* SS_OK when value (len bytes: the index's SS_META_FORMAT, "" when unset)
 * is SS_INDEX_FORMAT, else SS_EFORMAT with a message naming the index
 * (where), its format and the one read, and how to rebuild it. */
ss_code ss_index_format_check(const char *where, const char *value, size_t len, ss_err *err);


#endif
