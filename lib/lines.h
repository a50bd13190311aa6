/* lines.h: the line of a file a byte offset stands on, as an editor
 * counts it (from 1), for showing hits as file:LINE.
 *
 * Read from the file when asked (gzip files decompressed, UTF-16 files with
 * a byte order mark counted in 16-bit units), each file once per cache. */
#ifndef SS_LINES_H
#define SS_LINES_H

#include <stdint.h>

#include "ss_error.h"

typedef struct ss_lines ss_lines;

/* A cache of at most max_files files' line tables (0: no limit); when full
 * it starts again empty. */
ss_code ss_lines_new(size_t max_files, ss_lines **out, ss_err *err);
void ss_lines_free(ss_lines *c);

/* Line (from 1) of byte offset off of file path; *line is 0 when the file
 * cannot be read (moved, deleted) or is shorter than off.  Errors only for
 * lack of memory. */
ss_code ss_lines_at(ss_lines *c, const char *path, uint64_t off, uint32_t *line, ss_err *err);

#endif
