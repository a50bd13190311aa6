/* record_join.h: a passage's whole record at query time: its own stored
 * part joined with its speech's, read once from the speech's head passage
 * (record.h) and kept while the database is not reopened (a reader sees
 * one revision until it reopens; the searcher clears the speeches read
 * when it does), at most SS_RJOIN_MAX speeches.
 *
 * The head is the document whose id is the passage's less its number in
 * the speech times the number of shards (a speech's passages are added
 * one after the other); when that document is not the head (ids renumbered
 * in another way), it is found by the speech term (SS_PREFIX_SPEECH + key)
 * every passage of the speech carries: its first posting, the lowest
 * document id, is the head — in one database, a stub of several or remote
 * shards alike. */
#ifndef SS_RECORD_JOIN_H
#define SS_RECORD_JOIN_H

#include <stddef.h>

#include "record.h"
#include "ss_error.h"
#include "xapian_c.h"

typedef struct ss_rjoin ss_rjoin;

#define SS_RJOIN_MAX 65536

ss_code ss_rjoin_new(ss_rjoin **out, ss_err *err);
void ss_rjoin_free(ss_rjoin *j);
/* Forgets the speeches read (the database is being reopened). */
void ss_rjoin_clear(ss_rjoin *j);
/* Decodes the record data (len bytes) of document id (0: unknown) into r
 * (overwritten; free with ss_record_free), its speech's fields joined
 * from db.  SS_ECORRUPT when the record or its speech's cannot be read. */
ss_code ss_rjoin_record(ss_rjoin *j, xc_db *db, xc_docid id, const char *data, size_t len,
                        ss_record *r, ss_err *err);

#endif
