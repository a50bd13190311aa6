/* xapian_c_int.h: what the two halves of the shim (xapian_c.cc: errors,
 * reading, writing, documents; xapian_c_query.cc: queries, searching,
 * records joined) share: the handles' layouts and the exception guard.
 * C++ only, private to lib/. */
#ifndef SS_XAPIAN_C_INT_H
#define SS_XAPIAN_C_INT_H

#include "xapian_c.h"

#include <xapian.h>

#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <new>
#include <string>
#include <string_view>
#include <type_traits>
#include <memory>
#include <vector>

/* paths: what it was opened with and added, for xc_db_reopen. */
struct xc_db {
    Xapian::Database db;
    std::string path;
    std::vector<std::string> paths;
    unsigned timeout_ms;
};
struct xc_writable { Xapian::WritableDatabase db; std::string path; };
struct xc_doc { Xapian::Document doc; };
struct xc_query { Xapian::Query q; };
struct xc_enquire { Xapian::Enquire enq; std::string path; };
struct xc_mset { Xapian::MSet mset; };

namespace xc_impl {

/* What an entry point is doing, for messages: "opening database '/x'". */
struct what {
    const char *action;
    std::string_view subject;
};

/* Whether the stub file at path names a remote database over TCP (xapian_c.cc). */
bool stub_has_remote(const std::string &path);

/* Maps the exception being handled into err; call only from a catch block. */
ss_code fail_current(ss_err *err, const what &w) noexcept;

/* Runs body (returning void or ss_code) with every exception mapped. */
template <class F>
ss_code guard(ss_err *err, const what &w, F &&body) noexcept
{
    try {
        if constexpr (std::is_void_v<decltype(body())>) {
            body();
            return SS_OK;
        } else {
            return body();
        }
    } catch (...) {
        return fail_current(err, w);
    }
}

/* For the getters that have no ss_err: fallback on any exception. */
template <class T, class F>
T quiet(T fallback, F &&body) noexcept
{
    try {
        return body();
    } catch (...) {
        return fallback;
    }
}

ss_code null_arg(ss_err *err, const char *fn, const char *name);
ss_code empty_arg(ss_err *err, const char *fn, const char *name);
/* (p, n) as a view; NULL is only allowed with n == 0. */
std::string_view bytes(const char *p, size_t n);
/* A malloc'd, NUL-terminated copy of s into *out (and *len if non-NULL). */
void copy_out(const std::string &s, char **out, size_t *len);

} // namespace xc_impl

#endif
