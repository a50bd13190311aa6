/* record.c: passage records in their stored form (see record.h).
 *
 * Layout (all integers LEB128 varints unless said otherwise):
 *   kind byte      'p' a passage, 'h' a speech's head passage
 *   file hash      8 bytes, little-endian      } the speech key
 *   speech         number in the file          }
 *   nth            the passage's number in its speech, from 0 (absent in a
 *                  head, which is 0): its document id less nth times the
 *                  number of shards is its head's when ids run on
 *   byte_start, byte_end - byte_start, line, para
 *   heading        0 none, k: the speech's heading k - 1
 *   text           length, bytes
 *   simplified     0: none; 1: n, then n pairs (code points to skip, code
 *                  point) giving the code points that differ from text
 *   head only:     file, title, date, region, speaker, kind (each length + 1,
 *                  0 for none, then the bytes); headings: n, then n strings
 *   text span      text_start, text_end - text_start: where the passage stands
 *                  in its file's decoded text; optional, last (records written
 *                  before it end above, and readers before it ignore it)
 * Xapian compresses each record with zlib when that pays (the document
 * data table), so the text is stored as it reads. */
#include "record.h"

#include <stdlib.h>
#include <string.h>

#include "base.h"
#include "strbuf.h"
#include "utf8.h"

#define KIND_PASSAGE 'p'
#define KIND_HEAD 'h'

size_t ss_speech_key_text(ss_speech_key k, char *buf)
{
    static const char hex[] = "0123456789abcdef";
    size_t n = 0;
    for (int i = 15; i >= 0; i--)
        buf[n++] = hex[(k.file_hash >> (4 * i)) & 15];
    buf[n++] = '.';
    char tmp[12];
    size_t t = 0;
    do {
        tmp[t++] = hex[k.speech & 15];
        k.speech >>= 4;
    } while (k.speech);
    while (t)
        buf[n++] = tmp[--t];
    buf[n] = '\0';
    return n;
}

/* ---- writing ---- */

static int put_varint(strbuf *b, uint64_t v)
{
    unsigned char tmp[10];
    size_t n = 0;
    do {
        tmp[n++] = (unsigned char)((v & 0x7f) | (v > 0x7f ? 0x80 : 0));
        v >>= 7;
    } while (v);
    return sb_add(b, (const char *)tmp, n);
}

static int put_bytes(strbuf *b, const char *s, size_t n)
{
    return put_varint(b, n) || sb_add(b, s, n);
}

/* A string that may be NULL: length + 1 (0 for NULL), bytes. */
static int put_opt(strbuf *b, const char *s)
{
    if (!s)
        return put_varint(b, 0);
    size_t n = strlen(s);
    return put_varint(b, n + 1) || sb_add(b, s, n);
}

/* The code points where simplified differs from text, or the whole
 * simplified text when they do not have as many code points. */
static int put_simplified(strbuf *b, const char *text, const char *simp)
{
    if (!simp)
        return put_varint(b, 0);
    size_t tl = strlen(text), sl = strlen(simp);
    if (utf8_count(text, tl) != utf8_count(simp, sl))
        return put_varint(b, 2) || put_bytes(b, simp, sl);
    strbuf d = STRBUF_INIT;
    size_t i = 0, j = 0, ndiff = 0;
    uint64_t skip = 0;
    int bad = 0;
    while (!bad && i < tl && j < sl) {
        uint32_t a = utf8_next(text, tl, &i), c = utf8_next(simp, sl, &j);
        if (a == c) {
            skip++;
            continue;
        }
        bad = put_varint(&d, skip) || put_varint(&d, c);
        skip = 0;
        ndiff++;
    }
    bad = bad || put_varint(b, 1) || put_varint(b, ndiff) || sb_add(b, d.buf ? d.buf : "", d.len);
    sb_free(&d);
    return bad;
}

ss_code ss_record_encode(const ss_record *r, ss_speech_key key, uint32_t nth, uint32_t heading,
                         const char *const *headings, uint32_t nheadings, char **out,
                         size_t *len, ss_err *err)
{
    int head = nth == 0;
    strbuf b = STRBUF_INIT;
    unsigned char h8[8];
    for (int i = 0; i < 8; i++)
        h8[i] = (unsigned char)(key.file_hash >> (8 * i));
    const char *text = r->text ? r->text : "";
    int bad = sb_addc(&b, head ? KIND_HEAD : KIND_PASSAGE) || sb_add(&b, (const char *)h8, 8) ||
              put_varint(&b, key.speech) || (!head && put_varint(&b, nth)) ||
              put_varint(&b, r->byte_start) ||
              put_varint(&b, r->byte_end - r->byte_start) || put_varint(&b, r->line) ||
              put_varint(&b, r->para) || put_varint(&b, heading) ||
              put_bytes(&b, text, strlen(text)) || put_simplified(&b, text, r->simplified);
    if (head) {
        const char *s[] = { r->file, r->title, r->date, r->region, r->speaker, r->kind };
        for (size_t i = 0; !bad && i < NELEM(s); i++)
            bad = put_opt(&b, s[i]);
        bad = bad || put_varint(&b, nheadings);
        for (uint32_t i = 0; !bad && i < nheadings; i++)
            bad = put_opt(&b, headings[i]);
    }
    if (r->text_end > r->text_start)
        bad = bad || put_varint(&b, r->text_start) ||
              put_varint(&b, r->text_end - r->text_start);
    if (bad || !b.buf) {
        sb_free(&b);
        return ss_seterr(err, SS_ENOMEM, "out of memory encoding a passage record");
    }
    *len = b.len;
    *out = sb_detach(&b, NULL);
    return SS_OK;
}

/* ---- reading ---- */

typedef struct {
    const unsigned char *p, *end;
    int bad;
} reader;

static uint64_t get_varint(reader *rd)
{
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
        if (rd->p >= rd->end) {
            rd->bad = 1;
            return 0;
        }
        unsigned char c = *rd->p++;
        v |= (uint64_t)(c & 0x7f) << shift;
        if (!(c & 0x80))
            return v;
    }
    rd->bad = 1;
    return 0;
}

/* n bytes as a NUL-terminated string (malloc'd), or NULL when bad (rd->bad
 * 1: corrupt, 2: out of memory). */
static char *get_str(reader *rd, uint64_t n)
{
    if (rd->bad || n > (uint64_t)(rd->end - rd->p)) {
        rd->bad = rd->bad ? rd->bad : 1;
        return NULL;
    }
    char *s = strndup((const char *)rd->p, (size_t)n);
    if (!s)
        rd->bad = 2;
    rd->p += n;
    return s;
}

static char *get_opt(reader *rd)
{
    uint64_t n = get_varint(rd);
    return n ? get_str(rd, n - 1) : NULL;
}

/* text with the code points of the diff list applied. */
static char *apply_diffs(reader *rd, const char *text)
{
    uint64_t n = get_varint(rd);
    size_t tl = strlen(text), i = 0;
    strbuf b = STRBUF_INIT;
    int bad = 0;
    for (uint64_t k = 0; !rd->bad && !bad && k < n; k++) {
        uint64_t skip = get_varint(rd), cp = get_varint(rd);
        size_t from = i;
        while (skip-- && i < tl)
            utf8_next(text, tl, &i);
        if (i >= tl || cp > 0x10ffff) {
            rd->bad = 1;
            break;
        }
        bad = sb_add(&b, text + from, i - from);
        utf8_next(text, tl, &i); /* the code point replaced */
        char u[4];
        bad = bad || sb_add(&b, u, utf8_put((uint32_t)cp, u));
    }
    bad = bad || sb_add(&b, text + i, tl - i);
    if (bad && !rd->bad)
        rd->bad = 2;
    if (rd->bad) {
        sb_free(&b);
        return NULL;
    }
    return sb_detach(&b, NULL);
}

ss_code ss_record_decode(const char *data, size_t len, ss_record_parts *p, ss_err *err)
{
    memset(p, 0, sizeof *p);
    reader rd = { (const unsigned char *)data, (const unsigned char *)data + len, 0 };
    if (len < 9 || (data[0] != KIND_PASSAGE && data[0] != KIND_HEAD))
        return ss_seterr(err, SS_ECORRUPT, "passage record of an unknown format");
    p->is_head = data[0] == KIND_HEAD;
    rd.p++;
    for (int i = 0; i < 8; i++)
        p->key.file_hash |= (uint64_t)rd.p[i] << (8 * i);
    rd.p += 8;
    ss_record *r = &p->rec;
    r->speech = p->key.speech = (uint32_t)get_varint(&rd);
    p->nth = p->is_head ? 0 : (uint32_t)get_varint(&rd);
    if (!p->is_head && p->nth == 0)
        rd.bad = 1;
    r->byte_start = get_varint(&rd);
    r->byte_end = r->byte_start + get_varint(&rd);
    r->line = (uint32_t)get_varint(&rd);
    r->para = (uint32_t)get_varint(&rd);
    p->heading = (uint32_t)get_varint(&rd);
    uint64_t n = get_varint(&rd);
    r->text = get_str(&rd, n);
    uint64_t mode = rd.bad ? 0 : get_varint(&rd);
    if (mode == 1)
        r->simplified = apply_diffs(&rd, r->text);
    else if (mode == 2)
        r->simplified = get_str(&rd, get_varint(&rd));
    else if (mode != 0)
        rd.bad = 1;
    if (p->is_head && !rd.bad) {
        char **s[] = { &r->file, &r->title, &r->date, &r->region, &r->speaker, &r->kind };
        for (size_t i = 0; !rd.bad && i < NELEM(s); i++)
            *s[i] = get_opt(&rd);
        uint64_t nh = rd.bad ? 0 : get_varint(&rd);
        if (nh > (uint64_t)(rd.end - rd.p))
            rd.bad = 1;
        else if (nh && !(p->headings = calloc((size_t)nh, sizeof *p->headings)))
            rd.bad = 2;
        for (uint64_t i = 0; !rd.bad && i < nh; i++, p->nheadings++)
            p->headings[i] = get_opt(&rd);
    }
    if (!rd.bad && (p->heading > p->nheadings && p->is_head))
        rd.bad = 1;
    if (!rd.bad && rd.p < rd.end) { /* the text span */
        r->text_start = get_varint(&rd);
        r->text_end = r->text_start + get_varint(&rd);
        if (!rd.bad && (r->text_end <= r->text_start || rd.p != rd.end))
            rd.bad = 1;
    }
    if (rd.bad) {
        int oom = rd.bad == 2;
        ss_record_parts_free(p);
        return oom ? ss_seterr(err, SS_ENOMEM, "out of memory decoding a passage record")
                   : ss_seterr(err, SS_ECORRUPT, "passage record is cut short or corrupt");
    }
    return SS_OK;
}

void ss_record_parts_free(ss_record_parts *p)
{
    ss_record_free(&p->rec);
    for (uint32_t i = 0; i < p->nheadings; i++)
        free(p->headings[i]);
    free(p->headings);
    p->headings = NULL;
    p->nheadings = 0;
}

void ss_record_free(ss_record *r)
{
    char **s[] = { &r->file, &r->title, &r->heading, &r->text, &r->simplified,
                   &r->date, &r->region, &r->speaker, &r->kind };
    for (size_t i = 0; i < NELEM(s); i++) {
        free(*s[i]);
        *s[i] = NULL;
    }
}

ss_code ss_record_values(const ss_record *r, xc_doc *doc, ss_err *err)
{
    ss_code rc = SS_OK;
    if (r->region)
        rc = xc_doc_add_value(doc, SS_SLOT_REGION, r->region, strlen(r->region), err);
    if (rc == SS_OK && r->date && strlen(r->date) >= 4)
        rc = xc_doc_add_value(doc, SS_SLOT_YEAR, r->date, 4, err);
    if (rc == SS_OK && r->kind)
        rc = xc_doc_add_value(doc, SS_SLOT_KIND, r->kind, strlen(r->kind), err);
    return rc;
}

int ss_record_shows_heading(const ss_record *r)
{
    if (!r->heading || !*r->heading)
        return 0;
    size_t n = strlen(r->heading);
    return !(r->text && strncmp(r->text, r->heading, n) == 0);
}
