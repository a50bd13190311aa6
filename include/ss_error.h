/* ss_error.h: the one result-code type of the speech-search library.
 *
 * Every library function that can fail returns an ss_code and, when given a
 * non-NULL ss_err, fills it with the code and a message naming the file,
 * byte offset or term involved.  The library never prints; commands do. */
#ifndef SS_ERROR_H
#define SS_ERROR_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    SS_OK = 0,
    SS_ENOMEM,     /* allocation failed */
    SS_EIO,        /* reading or writing a file failed */
    SS_EINVAL,     /* bad argument or bad input (query syntax, option) */
    SS_ENOTFOUND,  /* file, database or dictionary does not exist */
    SS_ELOCKED,    /* database is locked by another writer */
    SS_ECORRUPT,   /* database or data file is damaged */
    SS_EXAPIAN,    /* any other error reported by Xapian */
    SS_EENCODING,  /* text could not be decoded */
    SS_EUNSUPPORTED, /* feature not available (e.g. backend) */
    SS_EMODIFIED,  /* the database changed under a reader: reopen and retry */
    SS_EFORMAT     /* the index is of another format: rebuild it */
} ss_code;

typedef struct {
    ss_code code;
    char msg[512];
} ss_err;

/* Human-readable name of a code ("out of memory", ...).  Static string. */
const char *ss_strerror(ss_code code);

/* Sets e (if non-NULL) to code and a printf-style message; returns code. */
ss_code ss_seterr(ss_err *e, ss_code code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Clears e to SS_OK with an empty message. */
void ss_clearerr(ss_err *e);

#ifdef __cplusplus
}
#endif

#endif
