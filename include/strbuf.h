/* strbuf.h: a growable byte string, used instead of ad-hoc malloc/strcat.
 *
 * A strbuf owns buf; it is always NUL-terminated once anything was added.
 * Initialise with STRBUF_INIT or sb_init(), release with sb_free(). */
#ifndef SS_STRBUF_H
#define SS_STRBUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct {
    char *buf;
    size_t len;
    size_t cap;
} strbuf;

#define STRBUF_INIT { NULL, 0, 0 }

void sb_init(strbuf *sb);
void sb_free(strbuf *sb);
void sb_reset(strbuf *sb);               /* len = 0, keeps memory */
int sb_grow(strbuf *sb, size_t extra);   /* 0 ok, -1 out of memory */
int sb_add(strbuf *sb, const void *data, size_t len);
int sb_adds(strbuf *sb, const char *s);
int sb_addc(strbuf *sb, char c);
int sb_addf(strbuf *sb, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Hands buf to the caller (who frees it) and reinitialises sb. */
char *sb_detach(strbuf *sb, size_t *len);

#endif
