/* xapian_c_query.cc: the shim's queries, searching and the record
 * lookups of record_join.c (xapian_c.h); errors and handles as in
 * xapian_c.cc (xapian_c_int.h). */

#include "xapian_c_int.h"

#include <algorithm>

using namespace xc_impl;

namespace {

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

/* The documents of one shard that hold any of a list of terms, read into a
 * sorted vector when the matcher starts on the shard (Xapian clones the
 * source for each shard and passes it that shard alone: docids are the
 * shard's own).  Weight 0: a filter. */
class AnyTermSource : public Xapian::PostingSource {
    std::shared_ptr<const std::vector<std::string>> terms_;
    std::vector<Xapian::docid> ids_;
    size_t pos_ = 0;
    bool started_ = false;

public:
    explicit AnyTermSource(std::shared_ptr<const std::vector<std::string>> terms)
        : terms_(std::move(terms)) {}
    PostingSource *clone() const override { return new AnyTermSource(terms_); }
    std::string name() const override { return "speech_search.AnyTermSource"; }
    void init(const Xapian::Database &db) override
    {
        ids_.clear();
        pos_ = 0;
        started_ = false;
        for (const std::string &t : *terms_)
            for (auto it = db.postlist_begin(t), end = db.postlist_end(t); it != end; ++it)
                ids_.push_back(*it);
        std::sort(ids_.begin(), ids_.end());
        ids_.erase(std::unique(ids_.begin(), ids_.end()), ids_.end());
        set_maxweight(0);
    }
    Xapian::doccount get_termfreq_min() const override { return Xapian::doccount(ids_.size()); }
    Xapian::doccount get_termfreq_est() const override { return Xapian::doccount(ids_.size()); }
    Xapian::doccount get_termfreq_max() const override { return Xapian::doccount(ids_.size()); }
    void next(double) override
    {
        if (started_)
            pos_++;
        started_ = true;
    }
    void skip_to(Xapian::docid did, double) override
    {
        const size_t from = started_ ? pos_ : 0;
        started_ = true;
        if (from < ids_.size() && ids_[from] >= did) {
            pos_ = from;
            return;
        }
        pos_ = size_t(std::lower_bound(ids_.begin() + std::ptrdiff_t(from), ids_.end(), did) -
                      ids_.begin());
    }
    bool at_end() const override { return started_ && pos_ >= ids_.size(); }
    Xapian::docid get_docid() const override { return ids_[pos_]; }
};

bool has_remote(const xc_db *db)
{
    for (const std::string &p : db->paths)
        if (stub_has_remote(p)) return true;
    return false;
}

} // namespace

extern "C" {

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

ss_code xc_query_any_term(const xc_db *db, const char *const *terms, const size_t *lens,
                          size_t n, xc_query **out, ss_err *err)
{
    if (!out) return null_arg(err, "xc_query_any_term", "out");
    *out = nullptr;
    if (!db) return null_arg(err, "xc_query_any_term", "db");
    if (!terms && n) return null_arg(err, "xc_query_any_term", "terms");
    if (!lens && n) return null_arg(err, "xc_query_any_term", "lens");
    for (size_t i = 0; i < n; i++)
        if (!terms[i] || !lens[i])
            return ss_seterr(err, SS_EINVAL, "xc_query_any_term: term %zu is empty", i);
    return guard(err, {"building query for any of terms", ""}, [&] {
        auto v = std::make_shared<std::vector<std::string>>();
        v->reserve(n);
        for (size_t i = 0; i < n; i++) v->emplace_back(terms[i], lens[i]);
        if (has_remote(db)) {
            std::vector<Xapian::Query> qs;
            qs.reserve(n);
            for (const std::string &t : *v) qs.emplace_back(t);
            *out = new xc_query{Xapian::Query(Xapian::Query::OP_OR, qs.begin(), qs.end())};
        } else {
            *out = new xc_query{Xapian::Query((new AnyTermSource(std::move(v)))->release())};
        }
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
