/* seg_dictc.c: the segmentation dictionary compiler (seg-dictc).
 *
 *   seg-dictc -o OUT DICT...
 *
 * Reads dictionaries in jieba's format, one word a line: "word [freq] [tag]"
 * ('#' comment lines and blank lines are ignored), and writes the binary
 * dictionary lib/segment.c opens with mmap.  Why compile: parsing 349k
 * lines at every start costs ~100 ms; the compiled file opens in
 * microseconds and needs no per-process memory.
 *
 * Merging, in command-line order (so user dictionaries come after jieba's):
 *  - "word freq": sets the word's frequency; a later file overrides;
 *    freq 0 deletes the word;
 *  - "tag" (jieba's part of speech): a verb ("v"), a noun ("n…") or a
 *    measure word or numeral ("q", "m") is marked so (SEG_WORD_VERB,
 *    SEG_WORD_NOUN, SEG_WORD_MEASURE); a later line with a tag
 *    overrides, one without keeps the mark;
 *  - "word" alone (or "word tag"): a user word without a frequency gets the
 *    one jieba's suggest_freq would give: just above the probability of the
 *    best split of the word into other dictionary words, so the word wins
 *    over splitting; a word already present keeps its frequency if higher.
 * Words with whitespace inside are not supported (the first field is the
 * word); words must be valid UTF-8 without control characters, at most 255
 * bytes; bad lines are reported on stderr and skipped.
 *
 * Output: see the format comment at the top of lib/segment.c (this file
 * carries the writer's copy of the header layout; keep them identical).
 * The double-array trie is built from the sorted word list depth-first
 * (as darts does): for each node, the labels of its children are placed at
 * the first free base found on a linked list of free slots; a slot that
 * fails too often is dropped from the list so the search stays linear.
 * The file is written to a temporary file next to OUT and renamed over it,
 * so readers never see a half-written dictionary.
 *
 * Ownership: every buffer belongs to the one compiler state in main and is
 * freed before exit. */
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "ss_error.h"
#include "strbuf.h"

#include "seg_format.h"

#define MAX_WORD_BYTES 255
#define MAX_FREQ 250000000u
_Static_assert(MAX_FREQ <= SEG_FREQ_MASK, "a frequency leaves the part-of-speech bits free");

/* ---- word table -------------------------------------------------------- */

typedef struct {
    uint32_t off;     /* in the arena */
    uint32_t len;
    uint32_t freq;    /* 0: deleted */
    uint8_t suggest;  /* 1: frequency still to be suggested */
    uint32_t pos;     /* SEG_WORD_VERB, SEG_WORD_NOUN or 0 */
} entry;

typedef struct {
    strbuf arena;       /* all word bytes */
    entry *ents;
    size_t n, cap;
    uint32_t *slots;    /* hash table: entry index + 1, 0 = empty */
    size_t nslots;      /* power of two */
    size_t warnings;
} wordtab;

static uint32_t hash_bytes(const char *s, size_t len)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

static const char *ent_bytes(const wordtab *wt, const entry *e)
{
    return wt->arena.buf + e->off;
}

/* Slot holding word, or the empty slot where it would go. */
static size_t find_slot(const wordtab *wt, const char *w, size_t len)
{
    size_t mask = wt->nslots - 1, i = hash_bytes(w, len) & mask;
    while (wt->slots[i]) {
        const entry *e = &wt->ents[wt->slots[i] - 1];
        if (e->len == len && memcmp(ent_bytes(wt, e), w, len) == 0)
            break;
        i = (i + 1) & mask;
    }
    return i;
}

static int rehash(wordtab *wt, size_t nslots)
{
    uint32_t *old = wt->slots;
    size_t oldn = wt->nslots;
    wt->slots = calloc(nslots, sizeof *wt->slots);
    if (!wt->slots) {
        wt->slots = old;
        return -1;
    }
    wt->nslots = nslots;
    for (size_t i = 0; i < oldn; i++) {
        if (old[i]) {
            const entry *e = &wt->ents[old[i] - 1];
            wt->slots[find_slot(wt, ent_bytes(wt, e), e->len)] = old[i];
        }
    }
    free(old);
    return 0;
}

/* The entry for word, or NULL. */
static entry *wt_find(const wordtab *wt, const char *w, size_t len)
{
    uint32_t idx = wt->slots[find_slot(wt, w, len)];
    return idx ? &wt->ents[idx - 1] : NULL;
}

/* The entry for word, added (freq 0) when new; NULL when out of memory. */
static entry *wt_intern(wordtab *wt, const char *w, size_t len)
{
    entry *e = wt_find(wt, w, len);
    if (e)
        return e;
    if ((wt->n + 1) * 2 > wt->nslots && rehash(wt, wt->nslots * 2) != 0)
        return NULL;
    if (wt->n == wt->cap) {
        size_t cap = wt->cap ? wt->cap * 2 : 1024;
        entry *p = realloc(wt->ents, cap * sizeof *p);
        if (!p)
            return NULL;
        wt->ents = p;
        wt->cap = cap;
    }
    if (wt->arena.len > UINT32_MAX - len || sb_add(&wt->arena, w, len) != 0)
        return NULL;
    e = &wt->ents[wt->n++];
    *e = (entry){ (uint32_t)(wt->arena.len - len), (uint32_t)len, 0, 0, 0 };
    wt->slots[find_slot(wt, w, len)] = (uint32_t)wt->n;
    return e;
}

static int wt_init(wordtab *wt)
{
    memset(wt, 0, sizeof *wt);
    sb_init(&wt->arena);
    wt->nslots = 1u << 16;
    wt->slots = calloc(wt->nslots, sizeof *wt->slots);
    return wt->slots ? 0 : -1;
}

static void wt_free(wordtab *wt)
{
    sb_free(&wt->arena);
    free(wt->ents);
    free(wt->slots);
}

/* ---- parsing ----------------------------------------------------------- */

static int is_cont(unsigned char b)
{
    return (b & 0xC0) == 0x80;
}

/* Length of the valid UTF-8 character at p, or 0 (same rules as the
 * segmenter's decoder, so word boundaries agree). */
static size_t valid_char(const unsigned char *p, size_t avail)
{
    unsigned char b = p[0];
    if (b < 0x80)
        return b >= 0x20 && b != 0x7F ? 1 : 0;
    if (b < 0xC2 || b > 0xF4)
        return 0;
    size_t n = b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    if (avail < n)
        return 0;
    for (size_t i = 1; i < n; i++)
        if (!is_cont(p[i]))
            return 0;
    if ((b == 0xE0 && p[1] < 0xA0) || (b == 0xED && p[1] >= 0xA0) ||
        (b == 0xF0 && p[1] < 0x90) || (b == 0xF4 && p[1] >= 0x90))
        return 0;
    return n;
}

static int valid_word(const char *w, size_t len)
{
    if (len == 0 || len > MAX_WORD_BYTES)
        return 0;
    for (size_t i = 0, n; i < len; i += n)
        if ((n = valid_char((const unsigned char *)w + i, len - i)) == 0)
            return 0;
    return 1;
}

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

/* Next whitespace-separated field of [*p, end); *len 0 when none. */
static const char *next_field(const char **p, const char *end, size_t *len)
{
    const char *s = *p;
    while (s < end && is_space(*s))
        s++;
    const char *e = s;
    while (e < end && !is_space(*e))
        e++;
    *p = e;
    *len = (size_t)(e - s);
    return s;
}

/* Parses a decimal frequency; -1 when f is not all digits or too big. */
static long long parse_freq(const char *f, size_t len)
{
    long long v = 0;
    if (len == 0 || len > 10)
        return -1;
    for (size_t i = 0; i < len; i++) {
        if (f[i] < '0' || f[i] > '9')
            return -1;
        v = v * 10 + (f[i] - '0');
    }
    return v <= MAX_FREQ ? v : -1;
}

static void warn_line(wordtab *wt, const char *path, size_t lineno, const char *what)
{
    wt->warnings++;
    if (wt->warnings <= 20)
        fprintf(stderr, "seg-dictc: %s:%zu: %s, line skipped\n", path, lineno, what);
}

/* Applies one dictionary line [s, end). */
static ss_code add_line(wordtab *wt, const char *s, const char *end, const char *path,
                        size_t lineno, ss_err *err)
{
    size_t wlen, flen;
    const char *w = next_field(&s, end, &wlen);
    if (wlen == 0 || *w == '#')
        return SS_OK;
    if (!valid_word(w, wlen)) {
        warn_line(wt, path, lineno, "word is not valid UTF-8 text of at most 255 bytes");
        return SS_OK;
    }
    const char *f = next_field(&s, end, &flen);
    long long freq = flen && *f >= '0' && *f <= '9' ? parse_freq(f, flen) : -2;
    if (freq == -1) {
        warn_line(wt, path, lineno, "bad frequency");
        return SS_OK;
    }
    size_t tlen = 0;
    const char *tag = freq == -2 ? f : next_field(&s, end, &tlen);
    if (freq == -2)
        tlen = flen;
    entry *e = wt_intern(wt, w, wlen);
    if (!e)
        return ss_seterr(err, SS_ENOMEM, "%s:%zu: out of memory", path, lineno);
    if (tlen)
        e->pos = tlen == 1 && tag[0] == 'v' ? SEG_WORD_VERB
                 : tag[0] == 'n'           ? SEG_WORD_NOUN | (tlen >= 2 && tag[1] == 'r'
                                                                  ? SEG_WORD_PERSON
                                                                  : 0)
                 : tag[0] == 'q' || tag[0] == 'm' ? SEG_WORD_MEASURE
                                           : 0;
    if (freq >= 0) {
        e->freq = (uint32_t)freq;
        e->suggest = 0;
    } else {
        e->suggest = 1;
    }
    return SS_OK;
}

static ss_code read_file(const char *path, strbuf *sb, ss_err *err)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return ss_seterr(err, errno == ENOENT ? SS_ENOTFOUND : SS_EIO, "%s: %s", path, strerror(errno));
    sb_reset(sb);
    size_t got;
    do {
        if (sb_grow(sb, 1 << 16) != 0) {
            fclose(fp);
            return ss_seterr(err, SS_ENOMEM, "%s: out of memory", path);
        }
        got = fread(sb->buf + sb->len, 1, 1 << 16, fp);
        sb->len += got;
    } while (got > 0);
    int bad = ferror(fp);
    fclose(fp);
    if (bad)
        return ss_seterr(err, SS_EIO, "%s: read error", path);
    return SS_OK;
}

static ss_code load_dict(wordtab *wt, const char *path, strbuf *buf, ss_err *err)
{
    ss_code rc = read_file(path, buf, err);
    if (rc != SS_OK)
        return rc;
    const char *p = buf->buf, *end = buf->buf + buf->len;
    if (end - p >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
        p += 3;  /* byte-order mark */
    for (size_t lineno = 1; p < end && rc == SS_OK; lineno++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *eol = nl ? nl : end;
        rc = add_line(wt, p, eol, path, lineno, err);
        p = nl ? nl + 1 : end;
    }
    return rc;
}

/* ---- suggested frequencies --------------------------------------------- */

static uint64_t total_freq(const wordtab *wt)
{
    uint64_t t = 0;
    for (size_t i = 0; i < wt->n; i++)
        t += wt->ents[i].suggest ? 0 : wt->ents[i].freq;
    return t;
}

/* ln P of the best split of e into other dictionary words (unknown single
 * characters count as frequency 1), like jieba's cut(word, HMM=False). */
static double best_split_logp(const wordtab *wt, const entry *e, double logtotal)
{
    const char *w = ent_bytes(wt, e);
    size_t pos[MAX_WORD_BYTES + 1], n = 0;
    for (size_t i = 0; i < e->len; i += valid_char((const unsigned char *)w + i, e->len - i))
        pos[n++] = i;
    pos[n] = e->len;
    double best[MAX_WORD_BYTES + 1];
    best[0] = 0.0;
    for (size_t j = 1; j <= n; j++) {
        best[j] = -INFINITY;
        for (size_t i = (j == n ? 1 : 0); i < j; i++) {
            const entry *sub = wt_find(wt, w + pos[i], pos[j] - pos[i]);
            uint32_t f = sub && !sub->suggest ? sub->freq : 0;
            if (f == 0 && j - i > 1)
                continue;
            double sc = best[i] + log(f ? (double)f : 1.0) - logtotal;
            if (sc > best[j])
                best[j] = sc;
        }
    }
    return best[n];
}

static int by_len(const void *a, const void *b)
{
    const entry *x = *(entry *const *)a, *y = *(entry *const *)b;
    return (x->len > y->len) - (x->len < y->len);
}

/* Gives every frequency-less word jieba's suggested frequency, shorter
 * words first so that longer ones see their parts' final frequencies. */
static ss_code suggest_freqs(wordtab *wt, uint64_t *total, ss_err *err)
{
    size_t k = 0;
    for (size_t i = 0; i < wt->n; i++)
        k += wt->ents[i].suggest;
    entry **list = malloc((k ? k : 1) * sizeof *list);
    if (!list)
        return ss_seterr(err, SS_ENOMEM, "out of memory");
    k = 0;
    for (size_t i = 0; i < wt->n; i++)
        if (wt->ents[i].suggest)
            list[k++] = &wt->ents[i];
    qsort(list, k, sizeof *list, by_len);
    *total = total_freq(wt);
    for (size_t i = 0; i < k; i++) {
        uint64_t t = *total ? *total : 1;
        double p = exp(best_split_logp(wt, list[i], log((double)t)));
        double f = floor(p * (double)t) + 1.0;
        uint32_t freq = f > MAX_FREQ ? MAX_FREQ : (uint32_t)f;
        if (freq > list[i]->freq)
            list[i]->freq = freq;
        list[i]->suggest = 0;
        *total += list[i]->freq;
    }
    free(list);
    return SS_OK;
}

/* ---- double-array trie -------------------------------------------------- */

#define FAIL_LIMIT 32  /* failed placements before a slot leaves the free list */

typedef struct {
    const char *p;
    uint32_t len;
    uint32_t freq;
    uint32_t pos;
} key;

typedef struct {
    uint32_t *base, *check, *nextf, *prevf;
    uint8_t *fails;          /* FAIL_LIMIT: not on the free list */
    size_t cap;
    uint32_t head, tail;     /* free list, SEG_NO_PARENT when empty */
    uint32_t n_used;         /* highest used slot + 1 */
    const key *keys;
} dat;

static void free_unlink(dat *t, uint32_t p)
{
    if (t->fails[p] >= FAIL_LIMIT)
        return;
    uint32_t a = t->prevf[p], b = t->nextf[p];
    if (a != SEG_NO_PARENT)
        t->nextf[a] = b;
    else
        t->head = b;
    if (b != SEG_NO_PARENT)
        t->prevf[b] = a;
    else
        t->tail = a;
    t->fails[p] = FAIL_LIMIT;
}

static int dat_grow(dat *t, size_t need)
{
    if (need <= t->cap)
        return 0;
    size_t cap = t->cap ? t->cap : 1u << 16;
    while (cap < need)
        cap *= 2;
    if (cap >= SEG_ROOT_PARENT)
        return -1;
    uint32_t **arr[] = { &t->base, &t->check, &t->nextf, &t->prevf };
    for (size_t i = 0; i < 4; i++) {
        uint32_t *p = realloc(*arr[i], cap * sizeof *p);
        if (!p)
            return -1;
        *arr[i] = p;
    }
    uint8_t *f = realloc(t->fails, cap);
    if (!f)
        return -1;
    t->fails = f;
    for (size_t i = t->cap; i < cap; i++) {
        t->base[i] = 0;
        t->check[i] = SEG_NO_PARENT;
        t->fails[i] = 0;
        t->nextf[i] = SEG_NO_PARENT;
        t->prevf[i] = t->tail;
        if (t->tail != SEG_NO_PARENT)
            t->nextf[t->tail] = (uint32_t)i;
        else
            t->head = (uint32_t)i;
        t->tail = (uint32_t)i;
    }
    t->cap = cap;
    return 0;
}

/* 1 when every label fits at base b (growing the arrays as needed),
 * 0 when one slot is taken, -1 when out of memory. */
static int fits(dat *t, uint32_t b, const uint16_t *labels, size_t k)
{
    if (dat_grow(t, (size_t)b + labels[k - 1] + 1) != 0)
        return -1;
    for (size_t i = 0; i < k; i++)
        if (t->check[b + labels[i]] != SEG_NO_PARENT)
            return 0;
    return 1;
}

/* A base where all k labels (ascending) land on free slots. */
static int find_base(dat *t, const uint16_t *labels, size_t k, uint32_t *out)
{
    uint32_t p = t->head;
    for (;;) {
        if (p == SEG_NO_PARENT) {
            size_t old = t->cap;
            if (dat_grow(t, t->cap + 1) != 0)
                return -1;
            p = (uint32_t)old;
        }
        if (p >= labels[0]) {
            int r = fits(t, p - labels[0], labels, k);
            if (r < 0)
                return -1;
            if (r) {
                *out = p - labels[0];
                return 0;
            }
        }
        uint32_t nx = t->nextf[p];
        if (++t->fails[p] >= FAIL_LIMIT) {
            t->fails[p]--;
            free_unlink(t, p);
        }
        p = nx;
    }
}

static uint16_t key_label(const key *k, uint32_t depth)
{
    return depth == k->len ? 0 : (uint16_t)((unsigned char)k->p[depth] + 1);
}

/* Places the children of node s: the keys [lo, hi) share their first
 * depth bytes.  Returns 0, or -1 when out of memory. */
static int dat_insert(dat *t, uint32_t s, uint32_t depth, size_t lo, size_t hi)
{
    uint16_t labels[257];
    uint32_t starts[258];
    size_t k = 0;
    for (size_t i = lo; i < hi; i++) {
        uint16_t l = key_label(&t->keys[i], depth);
        if (k == 0 || l != labels[k - 1]) {
            labels[k] = l;
            starts[k++] = (uint32_t)i;
        }
    }
    starts[k] = (uint32_t)hi;
    uint32_t b;
    if (find_base(t, labels, k, &b) != 0)
        return -1;
    t->base[s] = b;
    for (size_t i = 0; i < k; i++) {
        uint32_t c = b + labels[i];
        t->check[c] = s;
        free_unlink(t, c);
        if (c + 1 > t->n_used)
            t->n_used = c + 1;
    }
    for (size_t i = 0; i < k; i++) {
        if (labels[i] == 0)
            t->base[b] = starts[i];  /* leaf: the word's index */
        else if (dat_insert(t, b + labels[i], depth + 1, starts[i], starts[i + 1]) != 0)
            return -1;
    }
    return 0;
}

static void dat_free(dat *t)
{
    free(t->base);
    free(t->check);
    free(t->nextf);
    free(t->prevf);
    free(t->fails);
}

static ss_code dat_build(dat *t, const key *keys, size_t n, ss_err *err)
{
    memset(t, 0, sizeof *t);
    t->head = t->tail = SEG_NO_PARENT;
    t->keys = keys;
    if (dat_grow(t, 1u << 16) != 0)
        return ss_seterr(err, SS_ENOMEM, "out of memory building the trie");
    free_unlink(t, 0);
    t->check[0] = SEG_ROOT_PARENT;
    t->n_used = 1;
    if (n > 0 && dat_insert(t, 0, 0, 0, n) != 0)
        return ss_seterr(err, SS_ENOMEM, "out of memory building the trie");
    return SS_OK;
}

/* ---- output ------------------------------------------------------------- */

static int key_cmp(const void *a, const void *b)
{
    const key *x = a, *y = b;
    size_t n = x->len < y->len ? x->len : y->len;
    int c = memcmp(x->p, y->p, n);
    return c ? c : (x->len > y->len) - (x->len < y->len);
}

/* The live words, sorted bytewise (so the trie's word index is the rank). */
static key *sorted_keys(const wordtab *wt, size_t *n)
{
    key *keys = malloc((wt->n ? wt->n : 1) * sizeof *keys);
    if (!keys)
        return NULL;
    *n = 0;
    for (size_t i = 0; i < wt->n; i++) {
        const entry *e = &wt->ents[i];
        if (e->freq > 0)
            keys[(*n)++] = (key){ ent_bytes(wt, e), e->len, e->freq, e->pos };
    }
    qsort(keys, *n, sizeof *keys, key_cmp);
    return keys;
}

static int write_all(FILE *fp, const void *p, size_t size)
{
    return size == 0 || fwrite(p, 1, size, fp) == size ? 0 : -1;
}

static int write_body(FILE *fp, const dat *t, const key *keys, size_t n, uint64_t total)
{
    seg_node nodes[1024];
    for (size_t i = 0; i < t->n_used; i += 1024) {
        size_t m = t->n_used - i < 1024 ? t->n_used - i : 1024;
        for (size_t j = 0; j < m; j++)
            nodes[j] = (seg_node){ t->base[i + j], t->check[i + j] };
        if (write_all(fp, nodes, m * sizeof *nodes) != 0)
            return -1;
    }
    double lt = log((double)total);
    for (size_t i = 0; i < n; i++) {
        seg_word w = { keys[i].freq | keys[i].pos, (float)(log((double)keys[i].freq) - lt) };
        if (write_all(fp, &w, sizeof w) != 0)
            return -1;
    }
    return 0;
}

static seg_header make_header(const dat *t, size_t n, uint64_t total)
{
    seg_header h;
    memset(&h, 0, sizeof h);
    memcpy(h.magic, SEG_MAGIC, 8);
    h.version = SEG_VERSION;
    h.header_size = sizeof h;
    h.byte_order = SEG_BYTE_ORDER;
    h.n_nodes = t->n_used;
    h.n_words = (uint32_t)n;
    h.total_freq = total ? total : 1;
    h.nodes_off = sizeof h;
    h.words_off = h.nodes_off + (uint64_t)t->n_used * sizeof(seg_node);
    h.file_size = h.words_off + (uint64_t)n * sizeof(seg_word);
    return h;
}

/* Writes OUT atomically: a temporary file in the same directory, renamed. */
static ss_code write_dict(const char *out, const dat *t, const key *keys, size_t n,
                          uint64_t total, ss_err *err)
{
    strbuf tmp = STRBUF_INIT;
    if (sb_addf(&tmp, "%s.tmpXXXXXX", out) != 0)
        return ss_seterr(err, SS_ENOMEM, "out of memory");
    int fd = mkstemp(tmp.buf);
    FILE *fp = fd >= 0 ? fdopen(fd, "wb") : NULL;
    if (!fp) {
        ss_seterr(err, SS_EIO, "%s: cannot create a temporary file next to it: %s", out,
                  strerror(errno));
        if (fd >= 0)
            close(fd);
        sb_free(&tmp);
        return SS_EIO;
    }
    seg_header h = make_header(t, n, total);
    int bad = write_all(fp, &h, sizeof h) || write_body(fp, t, keys, n, h.total_freq) ||
              fchmod(fileno(fp), 0644) != 0;
    bad |= fclose(fp) != 0;
    if (bad || rename(tmp.buf, out) != 0) {
        ss_seterr(err, SS_EIO, "%s: cannot write: %s", out, strerror(errno));
        unlink(tmp.buf);
        sb_free(&tmp);
        return SS_EIO;
    }
    sb_free(&tmp);
    return SS_OK;
}

/* ---- main -------------------------------------------------------------- */

static void usage(FILE *fp)
{
    fprintf(fp, "usage: seg-dictc -o OUT DICT...\n"
                "Compiles jieba-format dictionaries (\"word [freq] [tag]\" lines; later files\n"
                "override earlier ones; freq 0 deletes a word) into OUT for lib/segment.c.\n");
}

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static ss_code compile(const char *out, char **dicts, int ndicts, ss_err *err)
{
    double t0 = now_ms();
    wordtab wt;
    strbuf buf = STRBUF_INIT;
    if (wt_init(&wt) != 0)
        return ss_seterr(err, SS_ENOMEM, "out of memory");
    ss_code rc = SS_OK;
    for (int i = 0; i < ndicts && rc == SS_OK; i++)
        rc = load_dict(&wt, dicts[i], &buf, err);
    sb_free(&buf);
    uint64_t total = 0;
    if (rc == SS_OK)
        rc = suggest_freqs(&wt, &total, err);
    size_t n = 0;
    key *keys = rc == SS_OK ? sorted_keys(&wt, &n) : NULL;
    if (rc == SS_OK && !keys)
        rc = ss_seterr(err, SS_ENOMEM, "out of memory");
    dat t;
    memset(&t, 0, sizeof t);
    if (rc == SS_OK)
        rc = dat_build(&t, keys, n, err);
    if (rc == SS_OK)
        rc = write_dict(out, &t, keys, n, total, err);
    if (rc == SS_OK)
        fprintf(stderr, "seg-dictc: %zu words, %u trie nodes, %zu lines skipped -> %s (%.0f ms)\n",
                n, t.n_used, wt.warnings, out, now_ms() - t0);
    dat_free(&t);
    free(keys);
    wt_free(&wt);
    return rc;
}

int main(int argc, char **argv)
{
    const char *out = NULL;
    int opt;
    while ((opt = getopt(argc, argv, "o:h")) != -1) {
        if (opt == 'o') {
            out = optarg;
        } else {
            usage(opt == 'h' ? stdout : stderr);
            return opt == 'h' ? 0 : 2;
        }
    }
    if (!out || optind >= argc) {
        usage(stderr);
        return 2;
    }
    ss_err err;
    ss_clearerr(&err);
    if (compile(out, argv + optind, argc - optind, &err) != SS_OK) {
        fprintf(stderr, "seg-dictc: %s\n", err.msg);
        return 1;
    }
    return 0;
}
