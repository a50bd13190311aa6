/* xapian_c.cc: the C interface to libxapian declared in xapian_c.h.
 *
 * The only C++ file of the project and the only one that includes
 * <xapian.h>.  Each handle is a small struct holding a Xapian object by
 * value; each extern "C" entry point runs its body inside guard(), which
 * turns every exception (Xapian::Error, std::bad_alloc, anything else) into
 * an ss_code plus a message copied into the caller's ss_err, so no C++
 * exception ever reaches C.  Messages name the operation, the path or term
 * concerned, and Xapian's error type and text.  *err is written only on
 * failure.  The shim exposes Xapian's behaviour; it does not re-implement
 * it (e.g. OP_FILTER, window 0 of OP_NEAR/OP_PHRASE are Xapian's own). */

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

namespace {

/* The longest part of a path or term quoted in a message. */
constexpr int kSubjectMax = 160;

/* ---- error mapping ---- */

/* True when a DatabaseOpeningError was caused by a missing file. */
bool is_enoent(const Xapian::Error &e)
{
    const char *s = e.get_error_string();
    return s && std::strcmp(s, std::strerror(ENOENT)) == 0;
}

/* The ss_code of the Xapian::Error being handled (Xapian::Error has no
 * virtual functions, so rethrowing is the way to find its class). */
ss_code xapian_code()
{
    try {
        throw;
    } catch (const Xapian::DatabaseNotFoundError &) {
        return SS_ENOTFOUND;
    } catch (const Xapian::DatabaseOpeningError &e) {
        return is_enoent(e) ? SS_ENOTFOUND : SS_EXAPIAN;
    } catch (const Xapian::DatabaseLockError &) {
        return SS_ELOCKED;
    } catch (const Xapian::DatabaseModifiedError &) {
        return SS_EMODIFIED;
    } catch (const Xapian::DatabaseCorruptError &) {
        return SS_ECORRUPT;
    } catch (const Xapian::InvalidArgumentError &) {
        return SS_EINVAL;
    } catch (const Xapian::InvalidOperationError &) {
        return SS_EINVAL;
    } catch (const Xapian::UnimplementedError &) {
        return SS_EINVAL;
    } catch (const Xapian::DocNotFoundError &) {
        return SS_ENOTFOUND;
    } catch (const Xapian::FeatureUnavailableError &) {
        return SS_EUNSUPPORTED;
    } catch (const Xapian::Error &) {
        return SS_EXAPIAN;
    }
}

/* What an entry point is doing, for messages: "opening database '/x'". */
struct what {
    const char *action;
    std::string_view subject;
};

/* "action 'subject'" (subject cut to kSubjectMax bytes) into buf. */
const char *where(const what &w, char *buf, size_t size)
{
    const int n = w.subject.size() > size_t(kSubjectMax) ? kSubjectMax : int(w.subject.size());
    if (n)
        std::snprintf(buf, size, "%s '%.*s'", w.action, n, w.subject.data());
    else
        std::snprintf(buf, size, "%s", w.action);
    return buf;
}

/* Reports the Xapian::Error e being handled; call only from a catch block. */
ss_code report_xapian(ss_err *err, const what &w, const Xapian::Error &e)
{
    char buf[256];
    const char *errstr = e.get_error_string();
    return ss_seterr(err, xapian_code(), "%s: %s: %s%s%s%s", where(w, buf, sizeof buf),
                     e.get_type(), e.get_msg().c_str(), errstr ? " (" : "",
                     errstr ? errstr : "", errstr ? ")" : "");
}

/* Maps the exception being handled; call only from a catch block. */
ss_code classify_current(ss_err *err, const what &w)
{
    char buf[256];
    try {
        throw;
    } catch (const Xapian::Error &e) {
        return report_xapian(err, w, e);
    } catch (const std::bad_alloc &) {
        return ss_seterr(err, SS_ENOMEM, "%s: out of memory", where(w, buf, sizeof buf));
    } catch (const std::exception &e) {
        return ss_seterr(err, SS_EXAPIAN, "%s: %s", where(w, buf, sizeof buf), e.what());
    } catch (...) {
        return ss_seterr(err, SS_EXAPIAN, "%s: unknown exception", where(w, buf, sizeof buf));
    }
}

ss_code fail_current(ss_err *err, const what &w) noexcept
{
    try {
        return classify_current(err, w);
    } catch (...) { /* formatting the message itself failed */
        return ss_seterr(err, SS_ENOMEM, "%s: out of memory while reporting an error", w.action);
    }
}

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

ss_code null_arg(ss_err *err, const char *fn, const char *name)
{
    return ss_seterr(err, SS_EINVAL, "%s: %s is NULL", fn, name);
}

ss_code empty_arg(ss_err *err, const char *fn, const char *name)
{
    return ss_seterr(err, SS_EINVAL, "%s: %s is empty", fn, name);
}

/* (p, n) as a view; NULL is only allowed with n == 0. */
std::string_view bytes(const char *p, size_t n)
{
    return p ? std::string_view(p, n) : std::string_view();
}

/* A malloc'd, NUL-terminated copy of s into *out (and *len if non-NULL). */
void copy_out(const std::string &s, char **out, size_t *len)
{
    char *p = static_cast<char *>(std::malloc(s.size() + 1));
    if (!p) throw std::bad_alloc();
    std::memcpy(p, s.data(), s.size());
    p[s.size()] = '\0';
    *out = p;
    if (len) *len = s.size();
}

int writable_flags(int mode)
{
    switch (mode) {
    case XC_OPEN: return Xapian::DB_OPEN;
    case XC_CREATE_OR_OPEN: return Xapian::DB_CREATE_OR_OPEN | Xapian::DB_BACKEND_GLASS;
    case XC_CREATE_OR_OVERWRITE:
        return Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_BACKEND_GLASS;
    case XC_CREATE_SEGMENT:
        return Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS | Xapian::DB_NO_TERMLIST;
    case XC_OPEN_SEGMENT: return Xapian::DB_OPEN | Xapian::DB_NO_TERMLIST;
    }
    return -1;
}

/* Indexed by xc_op. */
const Xapian::Query::op kOps[] = {
    Xapian::Query::OP_AND,       Xapian::Query::OP_OR,        Xapian::Query::OP_AND_NOT,
    Xapian::Query::OP_XOR,       Xapian::Query::OP_AND_MAYBE, Xapian::Query::OP_FILTER,
    Xapian::Query::OP_NEAR,      Xapian::Query::OP_PHRASE,    Xapian::Query::OP_ELITE_SET,
    Xapian::Query::OP_SYNONYM,
};
const char *const kOpNames[] = {
    "AND", "OR", "AND_NOT", "XOR", "AND_MAYBE", "FILTER", "NEAR", "PHRASE", "ELITE_SET", "SYNONYM",
};
static_assert(sizeof kOps / sizeof kOps[0] == XC_OP_MAX, "kOps must cover xc_op");
static_assert(sizeof kOpNames / sizeof kOpNames[0] == XC_OP_MAX, "kOpNames must cover xc_op");

bool uses_window(xc_op op)
{
    return op == XC_OP_NEAR || op == XC_OP_PHRASE || op == XC_OP_ELITE_SET;
}

ss_code check_hit(const xc_mset *m, uint32_t i, const void *out, const char *fn, ss_err *err)
{
    if (!m) return null_arg(err, fn, "mset");
    if (!out) return null_arg(err, fn, "out");
    if (i >= m->mset.size())
        return ss_seterr(err, SS_EINVAL, "%s: index %u out of range (size %u)", fn, unsigned(i),
                         unsigned(m->mset.size()));
    return SS_OK;
}

/* Whether the stub file at path names a remote database over TCP. */
bool stub_has_remote(const std::string &path)
{
    struct stat sb;
    if (stat(path.c_str(), &sb) != 0 || !S_ISREG(sb.st_mode) || sb.st_size > 65536)
        return false;
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line))
        if (line.compare(0, 7, "remote ") == 0) return true;
    return false;
}

/* "HOST:PORT" or ":PORT" (localhost) into host and port; false otherwise. */
bool host_port(const std::string &arg, std::string &host, unsigned &port)
{
    const size_t colon = arg.rfind(':');
    if (colon == std::string::npos || colon + 1 == arg.size() || arg.size() - colon > 6)
        return false;
    unsigned p = 0;
    for (size_t i = colon + 1; i < arg.size(); i++) {
        if (arg[i] < '0' || arg[i] > '9') return false;
        p = p * 10 + unsigned(arg[i] - '0');
    }
    if (p == 0 || p > 65535) return false;
    host = colon ? arg.substr(0, colon) : "localhost";
    port = p;
    return true;
}

/* Opens a stub file line by line, TCP remotes with timeout_ms (Xapian's
 * own stub reader always waits 10 s); other lines as Xapian reads them. */
Xapian::Database open_stub(const std::string &path, unsigned timeout_ms)
{
    const size_t slash = path.rfind('/');
    const std::string dir = slash == std::string::npos ? "" : path.substr(0, slash + 1);
    std::ifstream in(path);
    std::string line;
    Xapian::Database db;
    while (std::getline(in, line)) {
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
        if (line.empty() || line[0] == '#') continue;
        const size_t sp = line.find(' ');
        const std::string kind = line.substr(0, sp);
        const std::string arg = sp == std::string::npos ? "" : line.substr(sp + 1);
        std::string host;
        unsigned port = 0;
        if (kind == "remote" && host_port(arg, host, port)) {
            db.add_database(Xapian::Remote::open(host, port, timeout_ms, timeout_ms));
        } else if ((kind == "auto" || kind == "glass" || kind == "chert") && !arg.empty()) {
            db.add_database(Xapian::Database(arg[0] == '/' ? arg : dir + arg));
        } else {
            throw Xapian::DatabaseOpeningError("stub line not understood: " + line);
        }
    }
    return db;
}

/* The identity of the stub file of the index folder path (0 when none). */
ino_t stub_inode(const std::string &path)
{
    struct stat sb;
    return stat((path + "/XAPIANDB").c_str(), &sb) == 0 ? sb.st_ino : 0;
}

/* Opens path.  An index folder whose stub is replaced while it is being
 * opened (speech-index publishing new segments and removing the old ones)
 * can name a segment that is gone by the time it is opened: the folder
 * is then opened again, with the new stub. */
Xapian::Database open_any(const std::string &path, unsigned timeout_ms)
{
    for (int tries = 0;; tries++) {
        const ino_t before = stub_inode(path);
        try {
            return stub_has_remote(path) ? open_stub(path, timeout_ms) : Xapian::Database(path);
        } catch (const Xapian::DatabaseOpeningError &) {
            if (tries >= 20 || !before || stub_inode(path) == before) throw;
        }
    }
}

/* Collects metadata keys and values with prefix from d (a Database or
 * WritableDatabase), then calls cb on each: cb may change the database. */
template <class D, class CB>
void each_metadata(D &d, const char *prefix, CB cb, void *ctx)
{
    std::vector<std::pair<std::string, std::string>> kv;
    for (Xapian::TermIterator it = d.metadata_keys_begin(prefix); it != d.metadata_keys_end(prefix);
         ++it) {
        const std::string k = *it;
        kv.emplace_back(k, d.get_metadata(k));
    }
    for (const auto &p : kv)
        if (cb(ctx, p.first.data(), p.first.size(), p.second.data(), p.second.size())) break;
}

} // namespace

extern "C" {

/* ---- reading ---- */

ss_code xc_db_open(const char *path, xc_db **out, ss_err *err)
{
    if (!out) return null_arg(err, "xc_db_open", "out");
    *out = nullptr;
    if (!path) return null_arg(err, "xc_db_open", "path");
    if (!*path) return empty_arg(err, "xc_db_open", "path");
    return guard(err, {"opening database", path}, [&] {
        *out = new xc_db{open_any(path, XC_REMOTE_TIMEOUT_MS), path, {path}, XC_REMOTE_TIMEOUT_MS};
    });
}

ss_code xc_db_open_timeout(const char *path, unsigned timeout_ms, xc_db **out, ss_err *err)
{
    if (!out) return null_arg(err, "xc_db_open_timeout", "out");
    *out = nullptr;
    if (!path) return null_arg(err, "xc_db_open_timeout", "path");
    if (!*path) return empty_arg(err, "xc_db_open_timeout", "path");
    return guard(err, {"opening database", path}, [&] {
        *out = new xc_db{open_any(path, timeout_ms), path, {path}, timeout_ms};
    });
}

ss_code xc_db_add_timeout(xc_db *db, const char *path, unsigned timeout_ms, ss_err *err)
{
    if (!db) return null_arg(err, "xc_db_add_timeout", "db");
    if (!path) return null_arg(err, "xc_db_add_timeout", "path");
    if (!*path) return empty_arg(err, "xc_db_add_timeout", "path");
    return guard(err, {"adding database", path},
                 [&] {
                     db->db.add_database(open_any(path, timeout_ms));
                     db->paths.push_back(path);
                 });
}

ss_code xc_db_each_metadata(xc_db *db, const char *prefix,
                            int (*cb)(void *ctx, const char *key, size_t klen, const char *value,
                                      size_t vlen),
                            void *ctx, ss_err *err)
{
    if (!db) return null_arg(err, "xc_db_each_metadata", "db");
    if (!prefix) return null_arg(err, "xc_db_each_metadata", "prefix");
    if (!cb) return null_arg(err, "xc_db_each_metadata", "cb");
    return guard(err, {"listing metadata with prefix", prefix},
                 [&] { each_metadata(db->db, prefix, cb, ctx); });
}

ss_code xc_db_compact(xc_db *db, const char *dest, ss_err *err)
{
    if (!db) return null_arg(err, "xc_db_compact", "db");
    if (!dest) return null_arg(err, "xc_db_compact", "dest");
    if (!*dest) return empty_arg(err, "xc_db_compact", "dest");
    return guard(err, {"compacting into", dest}, [&] { db->db.compact(dest); });
}

ss_code xc_db_add(xc_db *db, const char *path, ss_err *err)
{
    if (!db) return null_arg(err, "xc_db_add", "db");
    if (!path) return null_arg(err, "xc_db_add", "path");
    if (!*path) return empty_arg(err, "xc_db_add", "path");
    return guard(err, {"adding database", path},
                 [&] {
                     db->db.add_database(open_any(path, db->timeout_ms));
                     db->paths.push_back(path);
                 });
}

void xc_db_close(xc_db *db)
{
    delete db;
}

ss_code xc_db_reopen(xc_db *db, ss_err *err)
{
    if (!db) return null_arg(err, "xc_db_reopen", "db");
    return guard(err, {"reopening database", db->path}, [&] {
        Xapian::Database fresh;
        for (const std::string &p : db->paths) fresh.add_database(open_any(p, db->timeout_ms));
        db->db = fresh;
    });
}

ss_code xc_db_doccount(xc_db *db, uint32_t *out, ss_err *err)
{
    if (!db) return null_arg(err, "xc_db_doccount", "db");
    if (!out) return null_arg(err, "xc_db_doccount", "out");
    return guard(err, {"counting documents of", db->path},
                 [&] { *out = db->db.get_doccount(); });
}

ss_code xc_db_termfreq(xc_db *db, const char *term, uint32_t *out, ss_err *err)
{
    if (!db) return null_arg(err, "xc_db_termfreq", "db");
    if (!term) return null_arg(err, "xc_db_termfreq", "term");
    if (!out) return null_arg(err, "xc_db_termfreq", "out");
    return guard(err, {"getting frequency of term", term},
                 [&] { *out = db->db.get_termfreq(term); });
}

ss_code xc_db_get_metadata(xc_db *db, const char *key, char **value, size_t *len, ss_err *err)
{
    if (!db) return null_arg(err, "xc_db_get_metadata", "db");
    if (!key) return null_arg(err, "xc_db_get_metadata", "key");
    if (!value) return null_arg(err, "xc_db_get_metadata", "value");
    *value = nullptr;
    return guard(err, {"reading metadata key", key},
                 [&] { copy_out(db->db.get_metadata(key), value, len); });
}

ss_code xc_db_each_term(xc_db *db, const char *prefix,
                        int (*cb)(void *ctx, const char *term, size_t len, uint32_t termfreq),
                        void *ctx, ss_err *err)
{
    if (!db) return null_arg(err, "xc_db_each_term", "db");
    if (!prefix) return null_arg(err, "xc_db_each_term", "prefix");
    if (!cb) return null_arg(err, "xc_db_each_term", "cb");
    return guard(err, {"listing terms with prefix", prefix}, [&] {
        const Xapian::TermIterator end = db->db.allterms_end(prefix);
        for (Xapian::TermIterator it = db->db.allterms_begin(prefix); it != end; ++it) {
            const std::string term = *it;
            if (cb(ctx, term.c_str(), term.size(), it.get_termfreq())) break;
        }
    });
}

/* ---- writing ---- */

ss_code xc_writable_open(const char *path, int mode, xc_writable **out, ss_err *err)
{
    if (!out) return null_arg(err, "xc_writable_open", "out");
    *out = nullptr;
    if (!path) return null_arg(err, "xc_writable_open", "path");
    if (!*path) return empty_arg(err, "xc_writable_open", "path");
    const int flags = writable_flags(mode);
    if (flags < 0) return ss_seterr(err, SS_EINVAL, "xc_writable_open: bad mode %d", mode);
    return guard(err, {"opening writable database", path}, [&] {
        *out = new xc_writable{Xapian::WritableDatabase(path, flags), path};
    });
}

ss_code xc_writable_close(xc_writable *w, ss_err *err)
{
    if (!w) return SS_OK;
    const what wh = {"closing writable database", w->path};
    const ss_code rc = guard(err, wh, [&] { w->db.commit(); });
    /* close() even when commit failed, to release the lock; first error wins */
    const ss_code rc2 = guard(rc ? nullptr : err, wh, [&] { w->db.close(); });
    delete w;
    return rc ? rc : rc2;
}

ss_code xc_writable_commit(xc_writable *w, ss_err *err)
{
    if (!w) return null_arg(err, "xc_writable_commit", "w");
    return guard(err, {"committing", w->path}, [&] { w->db.commit(); });
}

ss_code xc_writable_begin(xc_writable *w, ss_err *err)
{
    if (!w) return null_arg(err, "xc_writable_begin", "w");
    return guard(err, {"starting a transaction on", w->path},
                 [&] { w->db.begin_transaction(true); });
}

ss_code xc_writable_commit_transaction(xc_writable *w, ss_err *err)
{
    if (!w) return null_arg(err, "xc_writable_commit_transaction", "w");
    return guard(err, {"committing", w->path}, [&] { w->db.commit_transaction(); });
}

ss_code xc_writable_each_metadata(xc_writable *w, const char *prefix,
                                  int (*cb)(void *ctx, const char *key, size_t klen,
                                            const char *value, size_t vlen),
                                  void *ctx, ss_err *err)
{
    if (!w) return null_arg(err, "xc_writable_each_metadata", "w");
    if (!prefix) return null_arg(err, "xc_writable_each_metadata", "prefix");
    if (!cb) return null_arg(err, "xc_writable_each_metadata", "cb");
    return guard(err, {"listing metadata with prefix", prefix},
                 [&] { each_metadata(w->db, prefix, cb, ctx); });
}

ss_code xc_writable_add(xc_writable *w, const xc_doc *doc, xc_docid *id, ss_err *err)
{
    if (!w) return null_arg(err, "xc_writable_add", "w");
    if (!doc) return null_arg(err, "xc_writable_add", "doc");
    return guard(err, {"adding document to", w->path}, [&] {
        const Xapian::docid did = w->db.add_document(doc->doc);
        if (id) *id = did;
    });
}

ss_code xc_writable_replace_by_term(xc_writable *w, const char *term, const xc_doc *doc,
                                    ss_err *err)
{
    if (!w) return null_arg(err, "xc_writable_replace_by_term", "w");
    if (!term) return null_arg(err, "xc_writable_replace_by_term", "term");
    if (!doc) return null_arg(err, "xc_writable_replace_by_term", "doc");
    return guard(err, {"replacing document by term", term},
                 [&] { w->db.replace_document(term, doc->doc); });
}

ss_code xc_writable_delete_by_term(xc_writable *w, const char *term, ss_err *err)
{
    if (!w) return null_arg(err, "xc_writable_delete_by_term", "w");
    if (!term) return null_arg(err, "xc_writable_delete_by_term", "term");
    return guard(err, {"deleting documents by term", term},
                 [&] { w->db.delete_document(term); });
}

ss_code xc_writable_termfreq(xc_writable *w, const char *term, uint32_t *out, ss_err *err)
{
    if (!w) return null_arg(err, "xc_writable_termfreq", "w");
    if (!term) return null_arg(err, "xc_writable_termfreq", "term");
    if (!out) return null_arg(err, "xc_writable_termfreq", "out");
    return guard(err, {"getting frequency of term", term},
                 [&] { *out = w->db.get_termfreq(term); });
}

ss_code xc_writable_doccount(xc_writable *w, uint32_t *out, ss_err *err)
{
    if (!w) return null_arg(err, "xc_writable_doccount", "w");
    if (!out) return null_arg(err, "xc_writable_doccount", "out");
    return guard(err, {"counting documents of", w->path},
                 [&] { *out = w->db.get_doccount(); });
}

ss_code xc_writable_set_metadata(xc_writable *w, const char *key, const char *value, size_t len,
                                 ss_err *err)
{
    if (!w) return null_arg(err, "xc_writable_set_metadata", "w");
    if (!key) return null_arg(err, "xc_writable_set_metadata", "key");
    if (!value && len) return null_arg(err, "xc_writable_set_metadata", "value");
    return guard(err, {"setting metadata key", key},
                 [&] { w->db.set_metadata(key, std::string(bytes(value, len))); });
}

ss_code xc_writable_get_metadata(xc_writable *w, const char *key, char **value, size_t *len,
                                 ss_err *err)
{
    if (!w) return null_arg(err, "xc_writable_get_metadata", "w");
    if (!key) return null_arg(err, "xc_writable_get_metadata", "key");
    if (!value) return null_arg(err, "xc_writable_get_metadata", "value");
    *value = nullptr;
    return guard(err, {"reading metadata key", key},
                 [&] { copy_out(w->db.get_metadata(key), value, len); });
}

/* ---- documents ---- */

ss_code xc_doc_new(xc_doc **out, ss_err *err)
{
    if (!out) return null_arg(err, "xc_doc_new", "out");
    *out = nullptr;
    return guard(err, {"creating document", ""}, [&] { *out = new xc_doc{}; });
}

void xc_doc_free(xc_doc *doc)
{
    delete doc;
}

ss_code xc_doc_add_posting(xc_doc *doc, const char *term, size_t len, uint32_t pos,
                           uint32_t wdfinc, ss_err *err)
{
    if (!doc) return null_arg(err, "xc_doc_add_posting", "doc");
    if (!term) return null_arg(err, "xc_doc_add_posting", "term");
    const std::string_view t(term, len);
    return guard(err, {"adding posting", t},
                 [&] { doc->doc.add_posting(std::string(t), pos, wdfinc); });
}

ss_code xc_doc_add_term(xc_doc *doc, const char *term, size_t len, uint32_t wdfinc, ss_err *err)
{
    if (!doc) return null_arg(err, "xc_doc_add_term", "doc");
    if (!term) return null_arg(err, "xc_doc_add_term", "term");
    const std::string_view t(term, len);
    return guard(err, {"adding term", t}, [&] { doc->doc.add_term(std::string(t), wdfinc); });
}

ss_code xc_doc_add_boolean(xc_doc *doc, const char *term, size_t len, ss_err *err)
{
    if (!doc) return null_arg(err, "xc_doc_add_boolean", "doc");
    if (!term) return null_arg(err, "xc_doc_add_boolean", "term");
    const std::string_view t(term, len);
    return guard(err, {"adding boolean term", t},
                 [&] { doc->doc.add_boolean_term(std::string(t)); });
}

ss_code xc_doc_set_data(xc_doc *doc, const char *data, size_t len, ss_err *err)
{
    if (!doc) return null_arg(err, "xc_doc_set_data", "doc");
    if (!data && len) return null_arg(err, "xc_doc_set_data", "data");
    return guard(err, {"setting document data", ""},
                 [&] { doc->doc.set_data(std::string(bytes(data, len))); });
}

ss_code xc_doc_add_value(xc_doc *doc, unsigned slot, const char *value, size_t len, ss_err *err)
{
    if (!doc) return null_arg(err, "xc_doc_add_value", "doc");
    if (!value && len) return null_arg(err, "xc_doc_add_value", "value");
    return guard(err, {"adding document value", bytes(value, len)},
                 [&] { doc->doc.add_value(slot, std::string(bytes(value, len))); });
}

/* ---- queries ---- */

ss_code xc_query_term(const char *term, size_t len, uint32_t wqf, xc_query **out, ss_err *err)
{
    if (!out) return null_arg(err, "xc_query_term", "out");
    *out = nullptr;
    if (!term) return null_arg(err, "xc_query_term", "term");
    if (!len) return empty_arg(err, "xc_query_term", "term");
    const std::string_view t(term, len);
    return guard(err, {"building query for term", t}, [&] {
        *out = new xc_query{Xapian::Query(std::string(t), wqf)};
    });
}

ss_code xc_query_combine(xc_op op, xc_query *const *subs, size_t n, unsigned window,
                         xc_query **out, ss_err *err)
{
    if (!out) return null_arg(err, "xc_query_combine", "out");
    *out = nullptr;
    if (unsigned(op) >= unsigned(XC_OP_MAX))
        return ss_seterr(err, SS_EINVAL, "xc_query_combine: bad operator %d", int(op));
    if (!subs && n) return null_arg(err, "xc_query_combine", "subs");
    for (size_t i = 0; i < n; i++)
        if (!subs[i])
            return ss_seterr(err, SS_EINVAL, "xc_query_combine: subquery %zu is NULL", i);
    return guard(err, {"combining queries with", kOpNames[op]}, [&] {
        std::vector<Xapian::Query> v;
        v.reserve(n);
        for (size_t i = 0; i < n; i++) v.push_back(subs[i]->q);
        const unsigned param = uses_window(op) ? window : 0;
        *out = new xc_query{Xapian::Query(kOps[op], v.begin(), v.end(), param)};
    });
}

ss_code xc_query_scale(const xc_query *q, double factor, xc_query **out, ss_err *err)
{
    if (!out) return null_arg(err, "xc_query_scale", "out");
    *out = nullptr;
    if (!q) return null_arg(err, "xc_query_scale", "q");
    return guard(err, {"scaling query", ""}, [&] {
        *out = new xc_query{Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, q->q, factor)};
    });
}

ss_code xc_query_match_all(xc_query **out, ss_err *err)
{
    if (!out) return null_arg(err, "xc_query_match_all", "out");
    *out = nullptr;
    return guard(err, {"building match-all query", ""}, [&] {
        *out = new xc_query{Xapian::Query::MatchAll};
    });
}

void xc_query_free(xc_query *q)
{
    delete q;
}

/* ---- searching ---- */

ss_code xc_enquire_new(xc_db *db, xc_enquire **out, ss_err *err)
{
    if (!out) return null_arg(err, "xc_enquire_new", "out");
    *out = nullptr;
    if (!db) return null_arg(err, "xc_enquire_new", "db");
    return guard(err, {"starting search of", db->path}, [&] {
        *out = new xc_enquire{Xapian::Enquire(db->db), db->path};
    });
}

void xc_enquire_free(xc_enquire *e)
{
    delete e;
}

ss_code xc_enquire_set_query(xc_enquire *e, const xc_query *q, ss_err *err)
{
    if (!e) return null_arg(err, "xc_enquire_set_query", "e");
    if (!q) return null_arg(err, "xc_enquire_set_query", "q");
    return guard(err, {"setting query", ""}, [&] { e->enq.set_query(q->q); });
}

ss_code xc_enquire_set_bm25(xc_enquire *e, double k1, double k2, double k3, double b,
                            double min_normlen, ss_err *err)
{
    if (!e) return null_arg(err, "xc_enquire_set_bm25", "e");
    return guard(err, {"setting BM25 weighting", ""}, [&] {
        e->enq.set_weighting_scheme(Xapian::BM25Weight(k1, k2, k3, b, min_normlen));
    });
}

ss_code xc_enquire_set_time_limit(xc_enquire *e, double seconds, ss_err *err)
{
    if (!e) return null_arg(err, "xc_enquire_set_time_limit", "e");
    return guard(err, {"setting time limit", ""}, [&] { e->enq.set_time_limit(seconds); });
}

ss_code xc_enquire_get_mset(xc_enquire *e, uint32_t first, uint32_t max, uint32_t check_at_least,
                            xc_mset **out, ss_err *err)
{
    if (!out) return null_arg(err, "xc_enquire_get_mset", "out");
    *out = nullptr;
    if (!e) return null_arg(err, "xc_enquire_get_mset", "e");
    return guard(err, {"running query on", e->path}, [&] {
        *out = new xc_mset{e->enq.get_mset(first, max, check_at_least)};
    });
}

void xc_mset_free(xc_mset *m)
{
    delete m;
}

uint32_t xc_mset_size(const xc_mset *m)
{
    return m ? quiet<uint32_t>(0, [&] { return m->mset.size(); }) : 0;
}

uint32_t xc_mset_estimated(const xc_mset *m)
{
    return m ? quiet<uint32_t>(0, [&] { return m->mset.get_matches_estimated(); }) : 0;
}

ss_code xc_mset_weight(const xc_mset *m, uint32_t i, double *out, ss_err *err)
{
    if (ss_code rc = check_hit(m, i, out, "xc_mset_weight", err)) return rc;
    return guard(err, {"reading hit weight", ""}, [&] { *out = m->mset[i].get_weight(); });
}

ss_code xc_mset_data(const xc_mset *m, uint32_t i, char **data, size_t *len, ss_err *err)
{
    if (ss_code rc = check_hit(m, i, data, "xc_mset_data", err)) return rc;
    *data = nullptr;
    return guard(err, {"reading hit data", ""},
                 [&] { copy_out(m->mset[i].get_document().get_data(), data, len); });
}

ss_code xc_enquire_count_values(xc_enquire *e, const unsigned *slots, size_t nslots,
                               uint32_t *matches, xc_value_cb cb, void *ctx, ss_err *err)
{
    if (!e) return null_arg(err, "xc_enquire_count_values", "e");
    if (!cb) return null_arg(err, "xc_enquire_count_values", "cb");
    return guard(err, {"counting values of", e->path}, [&]() -> ss_code {
        std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>> spies;
        for (size_t k = 0; k < nslots; k++)
            spies.emplace_back(new Xapian::ValueCountMatchSpy(slots[k]));
        e->enq.clear_matchspies();
        for (auto &spy : spies)
            e->enq.add_matchspy(spy.get());
        struct clear { Xapian::Enquire &q; ~clear() { q.clear_matchspies(); } } c{e->enq};
        /* check_at_least beyond the database is clamped: every match is seen */
        Xapian::MSet m = e->enq.get_mset(0, 0, Xapian::doccount(-1));
        if (matches)
            *matches = m.get_matches_lower_bound();
        for (size_t k = 0; k < nslots; k++)
            for (auto it = spies[k]->values_begin(); it != spies[k]->values_end(); ++it) {
                const std::string v = *it;
                if (cb(ctx, k, v.data(), v.size(), it.get_termfreq()))
                    return SS_OK;
            }
        return SS_OK;
    });
}

/* ---- joining records (record_join.c) ---- */

ss_code xc_db_first_posting(xc_db *db, const char *term, size_t len, xc_docid *out, ss_err *err)
{
    if (!db) return null_arg(err, "xc_db_first_posting", "db");
    if (!term) return null_arg(err, "xc_db_first_posting", "term");
    if (!out) return null_arg(err, "xc_db_first_posting", "out");
    *out = 0;
    return guard(err, {"reading postings of term", std::string(term, len)}, [&] {
        Xapian::PostingIterator it = db->db.postlist_begin(std::string(term, len));
        if (it != db->db.postlist_end(std::string(term, len)))
            *out = *it;
    });
}

uint32_t xc_db_shards(const xc_db *db)
{
    return db ? (uint32_t)db->db.size() : 0;
}

ss_code xc_mset_docid(const xc_mset *m, uint32_t i, xc_docid *out, ss_err *err)
{
    if (ss_code rc = check_hit(m, i, out, "xc_mset_docid", err)) return rc;
    return guard(err, {"reading hit document id", ""}, [&] { *out = *(m->mset[i]); });
}

ss_code xc_db_doc_data(xc_db *db, xc_docid id, char **data, size_t *len, ss_err *err)
{
    if (!db) return null_arg(err, "xc_db_doc_data", "db");
    if (!data) return null_arg(err, "xc_db_doc_data", "data");
    *data = nullptr;
    return guard(err, {"reading document data of", db->path},
                 [&] { copy_out(db->db.get_document(id).get_data(), data, len); });
}

} // extern "C"
