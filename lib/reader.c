/* reader.c: files to text (see reader.h). */
#include "reader.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "base.h"
#include "html.h"

/* Opens path for reading without ever blocking (a FIFO would wait for a
 * writer) and checks it is a regular file; returns the descriptor or -1. */
static int open_regular(const char *path, ss_code *rc, ss_err *err)
{
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        *rc = ss_seterr(err, errno == ENOENT ? SS_ENOTFOUND : SS_EIO, "%s: %s", path,
                        strerror(errno));
        return -1;
    }
    struct stat sb;
    if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
        *rc = ss_seterr(err, SS_EUNSUPPORTED, "%s: not a regular file", path);
        close(fd);
        return -1;
    }
    int fl = fcntl(fd, F_GETFL);
    if (fl >= 0)
        fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
    return fd;
}

ss_code ss_read_raw(const char *path, size_t max_bytes, char **data, size_t *len, int *gzip,
                    ss_err *err)
{
    ss_code rc = SS_OK;
    int fd = open_regular(path, &rc, err);
    if (fd < 0)
        return rc;
    unsigned char m[2] = { 0, 0 };
    ssize_t got2 = pread(fd, m, 2, 0);
    int gz = got2 == 2 && m[0] == 0x1f && m[1] == 0x8b;
    gzFile f = gzdopen(fd, "rb");
    if (!f) {
        close(fd);
        return ss_seterr(err, SS_EIO, "%s: cannot open", path);
    }
    gzbuffer(f, 128 * 1024);
    size_t cap = 64 * 1024, n = 0;
    char *buf = malloc(cap + 1);
    while (buf) {
        if (n == cap) {
            if (cap >= max_bytes) {
                rc = ss_seterr(err, SS_EUNSUPPORTED, "%s: larger than %zu bytes%s", path,
                               max_bytes, gz ? " once decompressed" : "");
                break;
            }
            cap = cap * 2 > max_bytes ? max_bytes : cap * 2;
            char *b = realloc(buf, cap + 1);
            if (!b) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = b;
        }
        int got = gzread(f, buf + n, (unsigned)(cap - n));
        if (got < 0) {
            int zerr;
            const char *msg = gzerror(f, &zerr);
            rc = ss_seterr(err, SS_EIO, "%s: at decompressed byte %zu: %s", path, n, msg);
            break;
        }
        if (got == 0)
            break;
        n += (size_t)got;
    }
    gzclose(f);
    if (!buf)
        return ss_seterr(err, SS_ENOMEM, "%s: out of memory reading", path);
    if (rc != SS_OK) {
        free(buf);
        return rc;
    }
    buf[n] = '\0';
    *data = buf;
    *len = n;
    *gzip = gz;
    return SS_OK;
}

static ss_code strip_html(ss_text *t, ss_read_info *info, ss_err *err)
{
    ss_text plain;
    ss_text_init(&plain);
    ss_code rc = ss_html_strip(t, &plain, &info->title, err);
    if (rc != SS_OK)
        return rc;
    ss_text_free(t);
    *t = plain;
    info->html = 1;
    return SS_OK;
}

ss_code ss_read_file(const char *path, const ss_read_opts *opts, ss_text *out,
                     ss_read_info *info, ss_err *err)
{
    memset(info, 0, sizeof *info);
    ss_text_init(out);
    char *raw;
    size_t len;
    size_t max = opts && opts->max_bytes ? opts->max_bytes : SS_READ_MAX;
    ss_code rc = ss_read_raw(path, max, &raw, &len, &info->gzip, err);
    if (rc != SS_OK)
        return rc;
    info->raw_bytes = len;
    info->hash = ss_fnv1a64(raw, len, SS_FNV64_SEED_STORED);
    if (ss_looks_binary(raw, len)) {
        info->binary = 1;
        free(raw);
        return SS_OK;
    }
    const char *enc = opts ? opts->encoding : NULL;
    char meta[32];
    int html = ss_html_sniff(raw, len);
    if ((!enc || !*enc) && html && ss_html_charset(raw, len, meta, sizeof meta))
        enc = meta;
    ss_decode_info di;
    rc = ss_decode(raw, len, enc, out, &di, opts ? opts->warn : NULL,
                   opts ? opts->warn_arg : NULL, err);
    free(raw);
    if (rc != SS_OK)
        return rc;
    memcpy(info->encoding, di.encoding, sizeof info->encoding);
    info->invalid = di.invalid;
    if (html && (rc = strip_html(out, info, err)) != SS_OK)
        ss_text_free(out);
    return rc;
}
