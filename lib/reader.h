/* reader.h: a file on disk to UTF-8 text with a map to the file's bytes.
 *
 * Reads plain or gzip-compressed files (zlib; spans then refer to the
 * decompressed bytes), rejects binary files, decodes the encoding
 * (decode.h) and strips HTML pages (html.h). */
#ifndef SS_READER_H
#define SS_READER_H

#include <stddef.h>

#include "decode.h"
#include "ss_error.h"
#include "text.h"

/* The largest file read by default, after decompression: reading stops
 * there (a gzip bomb never fills memory).  Indexing a file takes 14 (UTF-8)
 * to 27 (GBK, UTF-16) times its size in memory at the peak (its text and the
 * maps of its bytes to the file's, before and after cleaning), so 10 MiB
 * keeps the indexer under 300 MB whatever the input (speech-index
 * --max-file-mb raises it). */
#define SS_READ_MAX (10u << 20)

typedef struct {
    const char *encoding;  /* forced encoding, or NULL to detect */
    ss_warn_fn warn;       /* problems inside the file (offsets into its bytes) */
    void *warn_arg;
    size_t max_bytes;      /* larger files (decompressed) are refused (0: SS_READ_MAX) */
} ss_read_opts;

typedef struct {
    char encoding[32];     /* encoding used */
    int gzip;              /* 1 if the file was gzip-compressed */
    int html;              /* 1 if the file was an HTML page */
    int binary;            /* 1 if the file was skipped as binary (text is empty) */
    size_t invalid;        /* invalid byte sequences replaced */
    size_t raw_bytes;      /* bytes after decompression */
    unsigned long long hash; /* FNV-1a (64 bits) of those bytes */
    char *title;           /* HTML <title>, malloc'd, or NULL */
} ss_read_info;

/* Reads path into out.  info is filled (free info->title).  Only regular
 * files are read (a FIFO or device is refused with SS_EUNSUPPORTED, never
 * waited on). */
ss_code ss_read_file(const char *path, const ss_read_opts *opts, ss_text *out,
                     ss_read_info *info, ss_err *err);

/* Reads the whole of path (decompressing gzip, streaming, stopping with
 * SS_EUNSUPPORTED past max_bytes) into a malloc'd buffer. */
ss_code ss_read_raw(const char *path, size_t max_bytes, char **data, size_t *len, int *gzip,
                    ss_err *err);

#endif
