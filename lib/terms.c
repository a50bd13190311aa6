/* terms.c: analysed text to Xapian terms (see terms.h). */
#include "terms.h"

#include <stdio.h>
#include <string.h>

#include "base.h"

size_t ss_term_of_atoms(const ss_analysis *an, size_t first, size_t last, char *buf)
{
    size_t n = 0;
    for (size_t k = first; k <= last; k++) {
        const ss_atom *at = &an->atoms[k];
        if (n + at->normlen > SS_MAX_TERM)
            return 0;
        memcpy(buf + n, an->norm + at->norm, at->normlen);
        n += at->normlen;
    }
    buf[n] = '\0';
    return n;
}

size_t ss_glued_term(const char *a, size_t alen, const char *b, size_t blen, char *buf)
{
    if (alen + blen > SS_MAX_TERM)
        return 0;
    memcpy(buf, a, alen);
    memcpy(buf + alen, b, blen);
    buf[alen + blen] = '\0';
    return alen + blen;
}

/* 1 when atoms x, y (y right after x) are an ASCII token and a Han
 * character, in either order, at adjacent positions. */
static int glued(const ss_atom *x, const ss_atom *y)
{
    return y->pos == x->pos + 1 &&
           ((x->kind == SS_ATOM_ASCII && y->kind == SS_ATOM_HAN) ||
            (x->kind == SS_ATOM_HAN && y->kind == SS_ATOM_ASCII));
}

static ss_code index_atoms(const ss_analysis *an, xc_doc *doc, ss_err *err)
{
    char term[SS_MAX_TERM + 1];
    for (size_t i = 0; i < an->natoms; i++) {
        const ss_atom *at = &an->atoms[i];
        ss_code rc = SS_OK;
        if (i + 1 < an->natoms && glued(at, &an->atoms[i + 1])) {
            const ss_atom *nx = &an->atoms[i + 1];
            size_t n = ss_glued_term(an->norm + at->norm, at->normlen, an->norm + nx->norm,
                                     nx->normlen, term);
            /* wdf 0: no weight, and the passage's length, which weighs
             * every other term (BM25), stays as it was */
            if (n && (rc = xc_doc_add_term(doc, term, n, 0, err)) != SS_OK)
                return rc;
        }
        if (at->kind == SS_ATOM_HAN) {
            const ss_atom *nx = i + 1 < an->natoms ? &an->atoms[i + 1] : NULL;
            if (nx && nx->kind == SS_ATOM_HAN && nx->pos == at->pos + 1) {
                size_t n = ss_term_of_atoms(an, i, i + 1, term);
                rc = xc_doc_add_term(doc, term, n, 1, err);
            } else {
                /* no bigram starts with it: the character alone, so that a
                 * one-character query finds it here too (3000元/吨。) */
                rc = xc_doc_add_term(doc, an->norm + at->norm, at->normlen, 1, err);
            }
        } else {
            rc = xc_doc_add_term(doc, an->norm + at->norm, at->normlen, 1, err);
        }
        if (rc != SS_OK)
            return rc;
    }
    return SS_OK;
}

static ss_code index_words(const ss_analysis *an, xc_doc *doc, ss_err *err)
{
    char term[SS_MAX_TERM + 1];
    for (size_t i = 0; i < an->nwords; i++) {
        const ss_word *w = &an->words[i];
        if (w->last - w->first < 2)
            continue; /* two-character words are bigrams already */
        size_t n = ss_term_of_atoms(an, w->first, w->last, term);
        if (!n)
            continue;
        ss_code rc = xc_doc_add_term(doc, term, n, 1, err);
        if (rc != SS_OK)
            return rc;
    }
    return SS_OK;
}

ss_code ss_index_analysis(const ss_analysis *an, xc_doc *doc, ss_err *err)
{
    ss_code rc = index_atoms(an, doc, err);
    return rc == SS_OK ? index_words(an, doc, err) : rc;
}

unsigned long long ss_path_hash(const char *s)
{
    return ss_fnv1a64(s, strlen(s), SS_FNV64_SEED_STORED);
}

ss_code ss_index_format_check(const char *where, const char *value, size_t len, ss_err *err)
{
    if (len == strlen(SS_INDEX_FORMAT) && memcmp(value, SS_INDEX_FORMAT, len) == 0)
        return SS_OK;
    if (len == 0)
        return ss_seterr(err, SS_EFORMAT,
                         "%s: the index records no format, this program reads %s: rebuild it "
                         "(remove it and run speech-index)", where, SS_INDEX_FORMAT);
    return ss_seterr(err, SS_EFORMAT,
                     "%s: index format %.*s, this program reads %s: rebuild it "
                     "(remove it and run speech-index)", where, len > 32 ? 32 : (int)len, value,
                     SS_INDEX_FORMAT);
}

void ss_file_term(const char *path, char *buf)
{
    size_t n = strlen(path);
    if (n + 1 <= SS_MAX_TERM)
        snprintf(buf, SS_MAX_TERM + 1, "%s%s", SS_PREFIX_FILE, path);
    else
        snprintf(buf, SS_MAX_TERM + 1, "%s#%016llx%.64s", SS_PREFIX_FILE, ss_path_hash(path),
                 path + n - 64);
}

