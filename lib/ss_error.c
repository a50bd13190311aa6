#include "ss_error.h"

#include <stdarg.h>
#include <stdio.h>

const char *ss_strerror(ss_code code)
{
    switch (code) {
    case SS_OK: return "success";
    case SS_ENOMEM: return "out of memory";
    case SS_EIO: return "input/output error";
    case SS_EINVAL: return "invalid argument";
    case SS_ENOTFOUND: return "not found";
    case SS_ELOCKED: return "database locked";
    case SS_ECORRUPT: return "data corrupt";
    case SS_EXAPIAN: return "xapian error";
    case SS_EENCODING: return "encoding error";
    case SS_EUNSUPPORTED: return "unsupported";
    case SS_EMODIFIED: return "database modified";
    case SS_EFORMAT: return "index of another format";
    }
    return "unknown error";
}

ss_code ss_seterr(ss_err *e, ss_code code, const char *fmt, ...)
{
    if (e) {
        va_list ap;
        e->code = code;
        va_start(ap, fmt);
        vsnprintf(e->msg, sizeof e->msg, fmt, ap);
        va_end(ap);
    }
    return code;
}

void ss_clearerr(ss_err *e)
{
    if (e) {
        e->code = SS_OK;
        e->msg[0] = '\0';
    }
}
