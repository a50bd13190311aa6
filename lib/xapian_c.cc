/* xapian_c.cc: the C interface to libxapian declared in xapian_c.h.
 *
 * With xapian_c_query.cc, the only C++ of the project and the only code
 * that includes <xapian.h>.  Each handle is a small struct holding a Xapian object by
 * value; each extern "C" entry point runs its body inside guard(), which
 * turns every exception (Xapian::Error, std::bad_alloc, anything else) into
 * an ss_code plus a message copied into the caller's ss_err, so no C++
 * exception ever reaches C.  Messages name the operation, the path or term
 * concerned, and Xapian's error type and text.  *err is written only on
 * failure.  The shim exposes Xapian's behaviour; it does not re-implement
 * it (e.g. OP_FILTER, window 0 of OP_NEAR/OP_PHRASE are Xapian's own).
 * Queries, searching and joined records are in xapian_c_query.cc; what
 * both halves share, in xapian_c_int.h. */

#include "xapian_c_int.h"



namespace xc_impl {

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

} // namespace xc_impl

using namespace xc_impl;

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

ss_code xc_db_avlength(xc_db *db, double *out, ss_err *err)
{
    if (!db) return null_arg(err, "xc_db_avlength", "db");
    if (!out) return null_arg(err, "xc_db_avlength", "out");
    return guard(err, {"reading document lengths of", db->path},
                 [&] { *out = db->db.get_avlength(); });
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

} // extern "C"
