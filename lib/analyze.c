/* analyze.c: normalisation, atoms and words (see analyze.h).
 *
 * The same function analyses passages at index time and queries at search
 * time, so whatever is done to one is done to the other. */
#include "analyze.h"
#include "base.h"
#include "datadir.h"

#include <fcntl.h>
#include <opencc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "segment.h"
#include "strbuf.h"
#include "utf8.h"

#define TRAD_LO 0x3400u
#define TRAD_HI 0xFB00u
#define TRAD_BYTES ((TRAD_HI - TRAD_LO) / 8)
#define SLOGAN_MIN 3      /* characters; two-character runs are bigrams anyway */
#define SLOGAN_MAX 12
#define ASCII_TOKEN_MAX 64

struct ss_analyzer {
    seg_dict *dict;
    unsigned char trad[TRAD_BYTES]; /* bit set: t2s changes this character */
};

/* A normalised code point and the source bytes it stands for. */
typedef struct {
    uint32_t cp;
    uint32_t s, e;
} nchar;

struct ss_actx {
    ss_analyzer *a;
    seg_ctx *seg;
    opencc_t cc;          /* opened on first traditional clause */
    int cc_failed;
    opencc_t tw;          /* tw2sp, opened on the first traditional query (ss_tw2sp_string) */
    int tw_failed;
    int no_t2s;           /* the text is known to be simplified already */
    nchar *nc;
    size_t nnc, capnc;
    ss_atom *atoms;
    size_t natoms, capatoms;
    uint32_t *atom_nc;    /* index in nc of each atom's first character */
    size_t capatomnc;
    ss_word *words;
    size_t nwords, capwords;
    strbuf norm;
    strbuf run;           /* UTF-8 of one Han run, for the segmenter */
    uint32_t *run_atom;   /* byte in run -> atom index */
    size_t caprun;
};

static ss_code load_trad(ss_analyzer *a, const char *dir, ss_err *err)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/trad.bin", dir);
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return ss_seterr(err, SS_ENOTFOUND, "%s: cannot open traditional-character table", path);
    ssize_t n = read(fd, a->trad, sizeof a->trad);
    close(fd);
    if (n != (ssize_t)sizeof a->trad)
        return ss_seterr(err, SS_ECORRUPT, "%s: expected %zu bytes, read %zd", path,
                         sizeof a->trad, n);
    return SS_OK;
}

ss_code ss_analyzer_open(const char *datadir, ss_analyzer **out, ss_err *err)
{
    const char *dir = datadir ? datadir : ss_datadir();
    ss_analyzer *a = calloc(1, sizeof *a);
    if (!a)
        return ss_seterr(err, SS_ENOMEM, "out of memory opening analyzer");
    char path[4096];
    snprintf(path, sizeof path, "%s/dict.bin", dir);
    ss_code rc = seg_dict_open(path, &a->dict, err);
    if (rc == SS_OK)
        rc = load_trad(a, dir, err);
    if (rc != SS_OK) {
        ss_analyzer_close(a);
        return rc;
    }
    *out = a;
    return SS_OK;
}

void ss_analyzer_close(ss_analyzer *a)
{
    if (!a)
        return;
    seg_dict_close(a->dict);
    free(a);
}

const struct seg_dict *ss_analyzer_dict(const ss_analyzer *a)
{
    return a->dict;
}

const struct seg_dict *ss_actx_dict(const ss_actx *c)
{
    return c->a->dict;
}

ss_actx *ss_actx_new(ss_analyzer *a)
{
    ss_actx *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    c->a = a;
    c->cc = (opencc_t)-1;
    c->tw = (opencc_t)-1;
    c->seg = seg_ctx_new();
    if (!c->seg) {
        free(c);
        return NULL;
    }
    return c;
}

void ss_actx_free(ss_actx *c)
{
    if (!c)
        return;
    if (c->cc != (opencc_t)-1)
        opencc_close(c->cc);
    if (c->tw != (opencc_t)-1)
        opencc_close(c->tw);
    seg_ctx_free(c->seg);
    free(c->nc);
    free(c->atoms);
    free(c->atom_nc);
    free(c->words);
    free(c->run_atom);
    sb_free(&c->norm);
    sb_free(&c->run);
    free(c);
}

/* ---- step 1: normalisation ---- */

static uint32_t fold_width_case(uint32_t cp)
{
    if (cp >= 0xFF01 && cp <= 0xFF5E)
        cp -= 0xFEE0;
    else if (cp == 0x3000)
        cp = ' ';
    if (cp >= 'A' && cp <= 'Z')
        cp += 32;
    return cp;
}

static int is_trad(const ss_analyzer *a, uint32_t cp)
{
    if (cp < TRAD_LO || cp >= TRAD_HI)
        return 0;
    uint32_t k = cp - TRAD_LO;
    return (a->trad[k >> 3] >> (k & 7)) & 1;
}

static int open_cc(ss_actx *c)
{
    if (c->cc != (opencc_t)-1)
        return 0;
    if (c->cc_failed)
        return -1;
    c->cc = opencc_open("t2s.json");
    if (c->cc == (opencc_t)-1) {
        c->cc_failed = 1;
        return -1;
    }
    return 0;
}

/* Converts one character alone; keeps it when t2s yields not exactly one. */
static uint32_t t2s_char(ss_actx *c, uint32_t cp)
{
    char in[5];
    size_t n = utf8_put(cp, in);
    in[n] = '\0';
    char *out = opencc_convert_utf8(c->cc, in, n);
    if (!out)
        return cp;
    size_t len = strlen(out), i = 0;
    uint32_t r = len ? utf8_next(out, len, &i) : cp;
    if (i != len)
        r = cp;
    opencc_convert_utf8_free(out);
    return r;
}

/* Converts the Han run nc[from, to) in place.  Phrase-level conversion
 * keeps context (乾隆 vs 乾燥); when it changes the number of characters
 * the run falls back to character-by-character so offsets stay exact. */
static void t2s_run(ss_actx *c, size_t from, size_t to)
{
    strbuf *sb = &c->run;
    sb_reset(sb);
    for (size_t i = from; i < to; i++) {
        char u[4];
        if (sb_add(sb, u, utf8_put(c->nc[i].cp, u)))
            return;
    }
    char *out = opencc_convert_utf8(c->cc, sb->buf, sb->len);
    if (out) {
        size_t len = strlen(out);
        if (utf8_count(out, len) == to - from) {
            size_t j = 0;
            for (size_t i = from; i < to; i++)
                c->nc[i].cp = utf8_next(out, len, &j);
            opencc_convert_utf8_free(out);
            return;
        }
        opencc_convert_utf8_free(out);
    }
    for (size_t i = from; i < to; i++)
        if (is_trad(c->a, c->nc[i].cp))
            c->nc[i].cp = t2s_char(c, c->nc[i].cp);
}

static void t2s_all(ss_actx *c)
{
    size_t i = 0;
    while (i < c->nnc) {
        if (!uc_is_han(c->nc[i].cp)) {
            i++;
            continue;
        }
        size_t j = i;
        int any = 0;
        while (j < c->nnc && uc_is_han(c->nc[j].cp)) {
            any |= is_trad(c->a, c->nc[j].cp);
            j++;
        }
        if (any && !c->no_t2s && open_cc(c) == 0)
            t2s_run(c, i, j);
        i = j;
    }
}

static ss_code normalize(ss_actx *c, const char *text, size_t len, ss_err *err)
{
    c->nnc = 0;
    if (SS_GROW(c->nc, len + 1, c->capnc, 256))
        return ss_seterr(err, SS_ENOMEM, "out of memory normalising %zu bytes", len);
    size_t i = 0;
    while (i < len) {
        size_t s = i;
        uint32_t cp = utf8_next(text, len, &i);
        if (cp == 0xFEFF || cp == 0xFFFD || cp == 0x200B)
            continue; /* BOM, undecodable bytes, zero-width space */
        c->nc[c->nnc++] = (nchar){ fold_width_case(cp), (uint32_t)s, (uint32_t)i };
    }
    t2s_all(c);
    return SS_OK;
}

/* ---- step 2: atoms ---- */

static int is_alnum(uint32_t cp)
{
    return (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') ||
           (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) ||
           (cp >= 0x391 && cp <= 0x3C9) || (cp >= 0x400 && cp <= 0x4FF);
}

static int is_digit(uint32_t cp)
{
    return cp >= '0' && cp <= '9';
}

/* Punctuation that takes no position: quotes, brackets, marks inside
 * words and names.  Everything else that is not an atom separates. */
static int is_joiner(uint32_t cp)
{
    switch (cp) {
    case ' ': case '\t': case '"': case '\'': case '(': case ')': case '[': case ']':
    case '{': case '}': case '<': case '>': case '/': case '\\': case '-': case '_':
    case '~': case '*':
    case 0x00A0: case 0x00B7: case 0x2013: case 0x2014: case 0x2015: case 0x2018:
    case 0x2019: case 0x201C: case 0x201D: case 0x2022: case 0x2027: case 0x2E3A:
    case 0x3008: case 0x3009: case 0x300A: case 0x300B: case 0x300C: case 0x300D:
    case 0x300E: case 0x300F: case 0x3010: case 0x3011: case 0x3014: case 0x3015:
    case 0x3016: case 0x3017: case 0x30FB: case 0xFF5E: case 0x2010: case 0x2011:
        return 1;
    }
    return 0;
}

static int is_open_quote(uint32_t cp)
{
    return cp == 0x201C || cp == 0x300C || cp == 0x300E || cp == '"' || cp == 0x2018 ||
           cp == 0x300A || cp == '\'';
}

static int is_close_quote(uint32_t cp)
{
    return cp == 0x201D || cp == 0x300D || cp == 0x300F || cp == '"' || cp == 0x2019 ||
           cp == 0x300B || cp == '\'';
}

/* End (index in nc) of the ASCII token starting at nc[i]: letters and
 * digits with inner . - _ & / (2023-02, 1762.7, at&t), inner or trailing
 * plus signs (9+2, c++), thousands separators (1,762). */
static size_t ascii_token_end(const ss_actx *c, size_t i)
{
    size_t n = c->nnc, j = i + 1;
    while (j < n) {
        uint32_t cp = c->nc[j].cp;
        if (is_alnum(cp)) {
            j++;
            continue;
        }
        uint32_t nx = j + 1 < n ? c->nc[j + 1].cp : 0;
        int prev_digit = is_digit(c->nc[j - 1].cp);
        if ((cp == '.' || cp == '-' || cp == '_' || cp == '&' || cp == '/') && is_alnum(nx) &&
            (cp != '/' || prev_digit == is_digit(nx))) {
            j++;
            continue;
        }
        if (cp == ',' && prev_digit && j + 3 < n && is_digit(nx) &&
            is_digit(c->nc[j + 2].cp) && is_digit(c->nc[j + 3].cp) &&
            (j + 4 >= n || !is_digit(c->nc[j + 4].cp))) {
            j++; /* 1,762 -> 1762: the comma is dropped from the term below */
            continue;
        }
        if (cp == '+') {
            size_t k = j;
            while (k < n && c->nc[k].cp == '+')
                k++;
            j = k; /* 9+2 continues below; c++ ends here */
            if (k < n && is_alnum(c->nc[k].cp))
                continue;
            break;
        }
        break;
    }
    return j;
}

static ss_code add_atom(ss_actx *c, size_t nc_first, size_t nc_end, uint8_t kind,
                        uint32_t *pos, int *pending, ss_err *err)
{
    if (SS_GROW(c->atoms, c->natoms + 1, c->capatoms, 256) ||
        SS_GROW(c->atom_nc, c->natoms + 1, c->capatomnc, 256))
        return ss_seterr(err, SS_ENOMEM, "out of memory analysing text");
    ss_atom *at = &c->atoms[c->natoms];
    at->start = c->nc[nc_first].s;
    at->end = c->nc[nc_end - 1].e;
    at->kind = kind;
    at->flags = (uint8_t)*pending;
    *pos += (*pending & SS_AF_BREAK) ? 2 : 1;
    at->pos = *pos;
    at->norm = (uint32_t)c->norm.len;
    for (size_t k = nc_first; k < nc_end && c->norm.len - at->norm < ASCII_TOKEN_MAX; k++) {
        char u[4];
        if (c->nc[k].cp == ',' && kind == SS_ATOM_ASCII)
            continue;
        if (sb_add(&c->norm, u, utf8_put(c->nc[k].cp, u)))
            return ss_seterr(err, SS_ENOMEM, "out of memory analysing text");
    }
    at->normlen = (uint16_t)(c->norm.len - at->norm);
    c->atom_nc[c->natoms] = (uint32_t)nc_first;
    c->natoms++;
    *pending = 0;
    return SS_OK;
}

static ss_code make_atoms(ss_actx *c, ss_err *err)
{
    uint32_t pos = 0;
    int pending = 0;
    size_t i = 0, n = c->nnc;
    ss_code rc = SS_OK;
    while (i < n && rc == SS_OK) {
        uint32_t cp = c->nc[i].cp;
        if (uc_is_han(cp)) {
            rc = add_atom(c, i, i + 1, SS_ATOM_HAN, &pos, &pending, err);
            i++;
        } else if (is_alnum(cp)) {
            size_t j = ascii_token_end(c, i);
            rc = add_atom(c, i, j, SS_ATOM_ASCII, &pos, &pending, err);
            i = j;
        } else if ((cp == '+' || cp == '%' || cp == 0x2030 /* ‰ */) && c->natoms && !pending &&
                   c->atoms[c->natoms - 1].end == c->nc[i].s) {
            rc = add_atom(c, i, i + 1, SS_ATOM_SYM, &pos, &pending, err);
            i++;
        } else {
            pending |= is_joiner(cp) ? SS_AF_JOINED : SS_AF_BREAK;
            if (cp == 0x3001)
                pending |= SS_AF_LIST;
            if (cp == '\n')
                pending |= SS_AF_LINE;
            if (cp == ':') /* ：, folded to half width */
                pending |= SS_AF_COLON;
            if (cp == 0x3002 || cp == '!' || cp == '?' || cp == ';') /* 。！？； */
                pending |= SS_AF_STOP;
            i++;
        }
    }
    return rc;
}

/* ---- step 3: words ---- */

static ss_code add_word(ss_actx *c, uint32_t first, uint32_t last, uint8_t slogan, ss_err *err)
{
    if (SS_GROW(c->words, c->nwords + 1, c->capwords, 256))
        return ss_seterr(err, SS_ENOMEM, "out of memory analysing text");
    c->words[c->nwords++] = (ss_word){ first, last, slogan };
    return SS_OK;
}

typedef struct {
    ss_actx *c;
    ss_err *err;
    ss_code rc;
} seg_arg;

static int on_word(void *arg, size_t start, size_t end)
{
    seg_arg *sa = arg;
    ss_actx *c = sa->c;
    sa->rc = add_word(c, c->run_atom[start], c->run_atom[end - 1], 0, sa->err);
    return sa->rc != SS_OK;
}

/* Segments the Han atoms [first, last] that stand together in the text. */
static ss_code segment_run(ss_actx *c, size_t first, size_t last, ss_err *err)
{
    sb_reset(&c->run);
    size_t bytes = 0;
    for (size_t k = first; k <= last; k++)
        bytes += c->atoms[k].normlen;
    if (SS_GROW(c->run_atom, bytes + 1, c->caprun, 256))
        return ss_seterr(err, SS_ENOMEM, "out of memory segmenting");
    for (size_t k = first; k <= last; k++) {
        const ss_atom *at = &c->atoms[k];
        for (size_t b = 0; b < at->normlen; b++)
            c->run_atom[c->run.len + b] = (uint32_t)k;
        if (sb_add(&c->run, c->norm.buf + at->norm, at->normlen))
            return ss_seterr(err, SS_ENOMEM, "out of memory segmenting");
    }
    seg_arg sa = { c, err, SS_OK };
    ss_code rc = seg_segment(c->a->dict, c->seg, c->run.buf, c->run.len, on_word, &sa, err);
    return rc != SS_OK ? rc : sa.rc;
}

/* A run of SLOGAN_MIN..SLOGAN_MAX characters right between quotes. */
static int is_slogan(const ss_actx *c, size_t first, size_t last)
{
    size_t len = last - first + 1;
    if (len < SLOGAN_MIN || len > SLOGAN_MAX)
        return 0;
    size_t b = c->atom_nc[first], e = c->atom_nc[last] + 1;
    return b > 0 && e < c->nnc && is_open_quote(c->nc[b - 1].cp) &&
           is_close_quote(c->nc[e].cp);
}

static ss_code make_words(ss_actx *c, ss_err *err)
{
    size_t i = 0, n = c->natoms, nslogan = 0;
    uint32_t slogans[64][2];
    while (i < n) {
        if (c->atoms[i].kind != SS_ATOM_HAN) {
            i++;
            continue;
        }
        size_t j = i;
        while (j + 1 < n && c->atoms[j + 1].kind == SS_ATOM_HAN && c->atoms[j + 1].flags == 0)
            j++;
        ss_code rc = segment_run(c, i, j, err);
        if (rc != SS_OK)
            return rc;
        if (nslogan < 64 && is_slogan(c, i, j)) {
            slogans[nslogan][0] = (uint32_t)i;
            slogans[nslogan++][1] = (uint32_t)j;
        }
        i = j + 1;
    }
    for (size_t k = 0; k < nslogan; k++) {
        ss_code rc = add_word(c, slogans[k][0], slogans[k][1], 1, err);
        if (rc != SS_OK)
            return rc;
    }
    return SS_OK;
}

static ss_code analyze(ss_actx *c, const char *text, size_t len, int words, ss_analysis *out,
                       ss_err *err)
{
    c->natoms = c->nwords = 0;
    sb_reset(&c->norm);
    if (sb_grow(&c->norm, len + 16))
        return ss_seterr(err, SS_ENOMEM, "out of memory analysing %zu bytes", len);
    ss_code rc = normalize(c, text, len, err);
    if (rc == SS_OK)
        rc = make_atoms(c, err);
    if (rc == SS_OK && words)
        rc = make_words(c, err);
    if (rc != SS_OK)
        return rc;
    out->atoms = c->atoms;
    out->natoms = c->natoms;
    out->words = c->words;
    out->nwords = c->nwords;
    out->norm = c->norm.buf ? c->norm.buf : "";
    return SS_OK;
}

ss_code ss_analyze(ss_actx *c, const char *text, size_t len, ss_analysis *out, ss_err *err)
{
    return analyze(c, text, len, 1, out, err);
}

ss_code ss_analyze_atoms(ss_actx *c, const char *text, size_t len, ss_analysis *out,
                         ss_err *err)
{
    return analyze(c, text, len, 0, out, err);
}

ss_code ss_normalize_string(ss_actx *c, const char *text, size_t len, char **out, ss_err *err)
{
    ss_code rc = normalize(c, text, len, err);
    if (rc != SS_OK)
        return rc;
    strbuf sb = STRBUF_INIT;
    for (size_t i = 0; i < c->nnc; i++) {
        char u[4];
        if (sb_add(&sb, u, utf8_put(c->nc[i].cp, u))) {
            sb_free(&sb);
            return ss_seterr(err, SS_ENOMEM, "out of memory normalising");
        }
    }
    *out = sb_detach(&sb, NULL);
    return *out ? SS_OK : ss_seterr(err, SS_ENOMEM, "out of memory normalising");
}

void ss_actx_set_t2s(ss_actx *c, int enabled)
{
    c->no_t2s = !enabled;
}

/* 1 when text holds a character t2s changes. */
static int any_trad(const ss_analyzer *a, const char *text, size_t len)
{
    for (size_t i = 0; i < len;)
        if (is_trad(a, utf8_next(text, len, &i)))
            return 1;
    return 0;
}

ss_code ss_t2s_string(ss_actx *c, const char *text, size_t len, char **out, ss_err *err)
{
    *out = NULL;
    if (!any_trad(c->a, text, len))
        return SS_OK;
    /* decode every code point as it is, convert the Han runs in place */
    c->nnc = 0;
    if (SS_GROW(c->nc, len + 1, c->capnc, 256))
        return ss_seterr(err, SS_ENOMEM, "out of memory converting %zu bytes", len);
    for (size_t i = 0; i < len;) {
        size_t s = i;
        uint32_t cp = utf8_next(text, len, &i);
        c->nc[c->nnc++] = (nchar){ cp, (uint32_t)s, (uint32_t)i };
    }
    t2s_all(c);
    strbuf sb = STRBUF_INIT;
    for (size_t k = 0; k < c->nnc; k++) {
        char u[4];
        size_t n = utf8_put(c->nc[k].cp, u);
        /* an undecodable byte stays as it was, so code points line up */
        int ok = c->nc[k].cp == 0xFFFD && c->nc[k].e - c->nc[k].s == 1
                     ? sb_add(&sb, text + c->nc[k].s, 1) == 0
                     : sb_add(&sb, u, n) == 0;
        if (!ok) {
            sb_free(&sb);
            return ss_seterr(err, SS_ENOMEM, "out of memory converting");
        }
    }
    *out = sb_detach(&sb, NULL);
    return *out ? SS_OK : ss_seterr(err, SS_ENOMEM, "out of memory converting");
}

ss_code ss_tw2sp_string(ss_actx *c, const char *text, size_t len, char **out, ss_err *err)
{
    *out = NULL;
    if (c->tw_failed || !any_trad(c->a, text, len))
        return SS_OK;
    if (c->tw == (opencc_t)-1) {
        c->tw = opencc_open("tw2sp.json");
        if (c->tw == (opencc_t)-1) {
            c->tw_failed = 1; /* an OpenCC without it: the words as t2s reads them */
            return SS_OK;
        }
    }
    char *conv = opencc_convert_utf8(c->tw, text, len);
    if (!conv)
        return SS_OK;
    *out = strdup(conv);
    opencc_convert_utf8_free(conv);
    return *out ? SS_OK : ss_seterr(err, SS_ENOMEM, "out of memory converting");
}
