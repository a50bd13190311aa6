/* segment.c: dictionary word segmentation (jieba's algorithm without HMM)
 * over a compiled dictionary opened with a read-only mmap.
 *
 * Why: the indexer and the query side must cut Han runs into the same
 * words, fast, and without parsing a 349k-word text dictionary at every
 * start.  tools/seg_dictc.c compiles the dictionaries once at build time;
 * opening the result is one open + fstat + mmap + header check.
 *
 * File format (version 1, native byte order, written by tools/seg_dictc.c,
 * which carries an identical copy of the header layout; the two must change
 * together and bump SEG_VERSION):
 *
 *   header (64 bytes)   magic "SSSEGDIC", version, header size, byte-order
 *                       mark, node count, word count, total frequency,
 *                       offsets of the two arrays, file size
 *   nodes[n_nodes]      double-array trie: { uint32 base; uint32 check; }
 *   words[n_words]      { uint32 freq; float logp; } logp = ln(freq/total);
 *                       freq's top bits: the word's part of speech
 *                       (SEG_WORD_VERB, SEG_WORD_NOUN; version 2 on;
 *                       SEG_WORD_PERSON, version 3 on;
 *                       SEG_WORD_MEASURE, version 4 on)
 *
 * The trie is a double-array trie over UTF-8 bytes.  Labels are byte+1
 * (1..256); label 0 is the end-of-word marker.  From node s, label c leads
 * to t = base[s] + c when check[t] == s.  A word ends at s when the label-0
 * child u = base[s] exists (check[u] == s); base[u] is then the word's index
 * into words[].  Node 0 is the root.  Unused slots have check = 0xFFFFFFFF,
 * the root has check = 0xFFFFFFFE, so neither is anyone's child.  Finding
 * every dictionary word that starts at a position is one walk down the trie.
 *
 * Opening validates the header only (not the 10+ MB body, which would cost
 * milliseconds); every array index read from the body is bounds-checked at
 * use, so a damaged body yields wrong words, never a wild read.
 *
 * Segmentation of a text of n characters:
 *   1. decode the character start offsets into the context's cpos[];
 *   2. for k = n-1 down to 0: walk the trie from character k; every word
 *      k..m found competes with score ln P(word) + score[m]; a character
 *      that is no word by itself competes as ln(1/total); the best end is
 *      kept in next[k] (ties go to the longer word, as in jieba);
 *   3. follow next[] from 0, merging consecutive one-character ASCII
 *      letters/digits into one word, and report each word.
 * No DAG is stored: the walk in step 2 is the DAG row.  The only memory is
 * the seg_ctx scratch arrays, grown geometrically and reused.
 *
 * Ownership: a seg_dict owns its mapping (seg_dict_close unmaps it); a
 * seg_ctx owns its scratch arrays; the caller owns the text and the
 * callback argument.  A seg_dict is read-only after open and may be shared
 * by threads; a seg_ctx belongs to one thread at a time. */
#include "segment.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "seg_format.h"

struct seg_dict {
    void *map;
    size_t map_len;
    const seg_node *nodes;
    const seg_word *words;
    uint32_t n_nodes;
    uint32_t n_words;
    double unknown_logp;    /* ln(1/total): a character no dictionary word */
};

struct seg_ctx {
    uint32_t *cpos;  /* byte offset of each character, then len */
    double *score;   /* best log-probability of the text from char k on */
    uint32_t *next;  /* end (char index) of the best word starting at k */
    size_t cap;      /* entries in each array */
};

/* ---- opening ---------------------------------------------------------- */

/* 1 when n records of size bytes at off lie inside the file, after the
 * header, 8-aligned (written so that no sum can overflow). */
static int array_fits(uint64_t off, uint32_t n, size_t size, size_t file_size)
{
    return off >= sizeof(seg_header) && off % 8 == 0 && off <= file_size &&
           (uint64_t)n * size <= file_size - off;
}

static ss_code check_header(const seg_header *h, size_t size, const char *path, ss_err *err)
{
    if (memcmp(h->magic, SEG_MAGIC, 8) != 0)
        return ss_seterr(err, SS_ECORRUPT, "%s: not a segmentation dictionary (bad magic)", path);
    if (h->byte_order != SEG_BYTE_ORDER)
        return ss_seterr(err, SS_ECORRUPT, "%s: dictionary has the wrong byte order", path);
    if (h->version != SEG_VERSION || h->header_size != sizeof *h)
        return ss_seterr(err, SS_ECORRUPT, "%s: dictionary version %u, expected %u (rebuild it)",
                         path, (unsigned)h->version, SEG_VERSION);
    if (h->file_size != size)
        return ss_seterr(err, SS_ECORRUPT, "%s: dictionary is %zu bytes, header says %llu (truncated?)",
                         path, size, (unsigned long long)h->file_size);
    if (h->n_nodes == 0 || h->n_nodes >= SEG_ROOT_PARENT || h->total_freq == 0 ||
        !array_fits(h->nodes_off, h->n_nodes, sizeof(seg_node), size) ||
        !array_fits(h->words_off, h->n_words, sizeof(seg_word), size))
        return ss_seterr(err, SS_ECORRUPT, "%s: dictionary header has impossible sizes", path);
    return SS_OK;
}

static ss_code map_file(const char *path, void **map, size_t *len, ss_err *err)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        ss_code code = (errno == ENOENT || errno == ENOTDIR) ? SS_ENOTFOUND : SS_EIO;
        return ss_seterr(err, code, "%s: cannot open dictionary: %s", path, strerror(errno));
    }
    struct stat st;
    if (fstat(fd, &st) != 0) {
        int e = errno;
        close(fd);
        return ss_seterr(err, SS_EIO, "%s: cannot stat dictionary: %s", path, strerror(e));
    }
    if (!S_ISREG(st.st_mode) || (size_t)st.st_size < sizeof(seg_header)) {
        close(fd);
        return ss_seterr(err, SS_ECORRUPT, "%s: too small or not a file (%lld bytes) for a dictionary",
                         path, (long long)st.st_size);
    }
    *len = (size_t)st.st_size;
    *map = mmap(NULL, *len, PROT_READ, MAP_PRIVATE, fd, 0);
    int e = errno;
    close(fd);
    if (*map == MAP_FAILED)
        return ss_seterr(err, SS_EIO, "%s: cannot map dictionary: %s", path, strerror(e));
    return SS_OK;
}

ss_code seg_dict_open(const char *path, seg_dict **out, ss_err *err)
{
    *out = NULL;
    if (!path)
        return ss_seterr(err, SS_EINVAL, "no dictionary path given");
    void *map = NULL;
    size_t len = 0;
    ss_code rc = map_file(path, &map, &len, err);
    if (rc != SS_OK)
        return rc;
    const seg_header *h = map;
    rc = check_header(h, len, path, err);
    seg_dict *d = rc == SS_OK ? calloc(1, sizeof *d) : NULL;
    if (rc == SS_OK && !d)
        rc = ss_seterr(err, SS_ENOMEM, "%s: out of memory opening dictionary", path);
    if (rc != SS_OK) {
        munmap(map, len);
        return rc;
    }
    d->map = map;
    d->map_len = len;
    d->nodes = (const seg_node *)((const char *)map + h->nodes_off);
    d->words = (const seg_word *)((const char *)map + h->words_off);
    d->n_nodes = h->n_nodes;
    d->n_words = h->n_words;
    d->unknown_logp = -log((double)h->total_freq);
    *out = d;
    return SS_OK;
}

void seg_dict_close(seg_dict *d)
{
    if (!d)
        return;
    munmap(d->map, d->map_len);
    free(d);
}

size_t seg_dict_size(const seg_dict *d)
{
    return d ? d->n_words : 0;
}

/* ---- trie walk -------------------------------------------------------- */

/* Child of s by byte b, or SEG_NO_PARENT. */
static inline uint32_t trie_step(const seg_dict *d, uint32_t s, unsigned char b)
{
    uint32_t t = d->nodes[s].base + (uint32_t)b + 1u;
    if (t < d->n_nodes && d->nodes[t].check == s)
        return t;
    return SEG_NO_PARENT;
}

/* The word ending at node s, or NULL. */
static inline const seg_word *trie_word(const seg_dict *d, uint32_t s)
{
    uint32_t u = d->nodes[s].base;
    if (u >= d->n_nodes || d->nodes[u].check != s)
        return NULL;
    uint32_t id = d->nodes[u].base;
    return id < d->n_words ? &d->words[id] : NULL;
}

/* The record of word (len bytes), or NULL when the dictionary lacks it. */
static const seg_word *find_word(const seg_dict *d, const char *word, size_t len)
{
    if (!d || !word || len == 0)
        return NULL;
    uint32_t s = 0;
    for (size_t i = 0; i < len && s != SEG_NO_PARENT; i++)
        s = trie_step(d, s, (unsigned char)word[i]);
    return s != SEG_NO_PARENT ? trie_word(d, s) : NULL;
}

int seg_dict_lookup(const seg_dict *d, const char *word, size_t len, uint32_t *freq)
{
    const seg_word *w = find_word(d, word, len);
    if (!w)
        return 0;
    if (freq)
        *freq = w->freq & SEG_FREQ_MASK;
    return 1;
}

int seg_dict_person(const seg_dict *d, const char *word, size_t len)
{
    const seg_word *w = find_word(d, word, len);
    return w && (w->freq & SEG_WORD_PERSON) != 0;
}

int seg_dict_pos(const seg_dict *d, const char *word, size_t len)
{
    const seg_word *w = find_word(d, word, len);
    return !w                             ? 0
           : (w->freq & SEG_WORD_VERB)    ? SEG_POS_VERB
           : (w->freq & SEG_WORD_NOUN)    ? SEG_POS_NOUN
           : (w->freq & SEG_WORD_MEASURE) ? SEG_POS_MEASURE
                                          : 0;
}

/* ---- scratch ---------------------------------------------------------- */

seg_ctx *seg_ctx_new(void)
{
    return calloc(1, sizeof(seg_ctx));
}

void seg_ctx_free(seg_ctx *c)
{
    if (!c)
        return;
    free(c->cpos);
    free(c->score);
    free(c->next);
    free(c);
}

/* Makes room for at least need entries in every array. */
static int ctx_reserve(seg_ctx *c, size_t need)
{
    if (need <= c->cap)
        return 0;
    size_t cap = c->cap ? c->cap : 256;
    while (cap < need)
        cap *= 2;
    uint32_t *cpos = realloc(c->cpos, cap * sizeof *cpos);
    if (cpos)
        c->cpos = cpos;
    double *score = realloc(c->score, cap * sizeof *score);
    if (score)
        c->score = score;
    uint32_t *next = realloc(c->next, cap * sizeof *next);
    if (next)
        c->next = next;
    if (!cpos || !score || !next)
        return -1;
    c->cap = cap;
    return 0;
}

/* ---- segmentation ----------------------------------------------------- */

static inline int is_cont(unsigned char b)
{
    return (b & 0xC0) == 0x80;
}

/* Length of the UTF-8 character at p (avail > 0 bytes).  Strict: an
 * invalid, overlong, surrogate or truncated sequence counts as a one-byte
 * character, so boundaries agree with the dictionary's valid words. */
static inline size_t char_len(const unsigned char *p, size_t avail)
{
    unsigned char b = p[0];
    if (b < 0xC2)
        return 1;
    if (b < 0xE0)
        return avail >= 2 && is_cont(p[1]) ? 2 : 1;
    if (b < 0xF0) {
        if (avail < 3 || !is_cont(p[1]) || !is_cont(p[2]))
            return 1;
        if ((b == 0xE0 && p[1] < 0xA0) || (b == 0xED && p[1] >= 0xA0))
            return 1;
        return 3;
    }
    if (b > 0xF4 || avail < 4 || !is_cont(p[1]) || !is_cont(p[2]) || !is_cont(p[3]))
        return 1;
    if ((b == 0xF0 && p[1] < 0x90) || (b == 0xF4 && p[1] >= 0x90))
        return 1;
    return 4;
}

/* Fills c->cpos with character starts (and len at the end); returns the
 * character count, or (size_t)-1 when memory ran out. */
static size_t decode_chars(seg_ctx *c, const unsigned char *t, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i += char_len(t + i, len - i)) {
        if (n + 2 > c->cap && ctx_reserve(c, n + 2) != 0)
            return (size_t)-1;
        c->cpos[n++] = (uint32_t)i;
    }
    if (ctx_reserve(c, n + 1) != 0)
        return (size_t)-1;
    c->cpos[n] = (uint32_t)len;
    return n;
}

/* Best route from character k, given the scores of k+1..n: one trie walk
 * visits every dictionary word starting at k. */
static void best_from(const seg_dict *d, seg_ctx *c, const unsigned char *t, size_t n, size_t k)
{
    const uint32_t *cpos = c->cpos;
    size_t len = cpos[n], j = cpos[k], m = k + 1;
    double best = d->unknown_logp + c->score[m];
    size_t best_m = m;
    uint32_t s = 0;
    while (j < len) {
        s = trie_step(d, s, t[j++]);
        if (s == SEG_NO_PARENT)
            break;
        if (j != cpos[m])
            continue;
        const seg_word *w = trie_word(d, s);
        if (w) {
            double sc = (double)w->logp + c->score[m];
            if (sc >= best) {
                best = sc;
                best_m = m;
            }
        }
        m++;
    }
    c->score[k] = best;
    c->next[k] = (uint32_t)best_m;
}

static inline int is_ascii_alnum(unsigned char b)
{
    return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
}

/* Reports the words along next[], joining runs of one-character ASCII
 * letters/digits (as jieba does).  Returns nonzero when cb asked to stop. */
static int emit_route(const seg_ctx *c, const unsigned char *t, size_t n, seg_word_cb cb, void *arg)
{
    const uint32_t *cpos = c->cpos;
    size_t x = 0, run = SIZE_MAX;
    while (x < n) {
        size_t y = c->next[x];
        if (y == x + 1 && cpos[y] - cpos[x] == 1 && is_ascii_alnum(t[cpos[x]])) {
            if (run == SIZE_MAX)
                run = x;
            x = y;
            continue;
        }
        if (run != SIZE_MAX && cb(arg, cpos[run], cpos[x]))
            return 1;
        run = SIZE_MAX;
        if (cb(arg, cpos[x], cpos[y]))
            return 1;
        x = y;
    }
    return run != SIZE_MAX && cb(arg, cpos[run], cpos[n]);
}

ss_code seg_segment(const seg_dict *d, seg_ctx *c, const char *text, size_t len,
                    seg_word_cb cb, void *arg, ss_err *err)
{
    if (!d || !c || !cb || (!text && len))
        return ss_seterr(err, SS_EINVAL, "seg_segment: missing dictionary, context, text or callback");
    if (len >= UINT32_MAX)
        return ss_seterr(err, SS_EINVAL, "seg_segment: text of %zu bytes is too long", len);
    if (len == 0)
        return SS_OK;
    const unsigned char *t = (const unsigned char *)text;
    size_t n = decode_chars(c, t, len);
    if (n == (size_t)-1)
        return ss_seterr(err, SS_ENOMEM, "seg_segment: out of memory for %zu bytes of text", len);
    c->score[n] = 0.0;
    for (size_t k = n; k-- > 0;)
        best_from(d, c, t, n, k);
    emit_route(c, t, n, cb, arg);
    return SS_OK;
}
