/* record_join.c: passage records joined with their speech's part (see
 * record_join.h). */
#include "record_join.h"

#include <stdlib.h>
#include <string.h>

#include "base.h"
#include "prefix.h"

/* A speech read: its head's parts (text dropped). */
typedef ss_record_parts entry;

struct ss_rjoin {
    ss_htab tab;  /* hash_of(key) -> index in v */
    entry *v;     /* the speeches read, in order */
    size_t n, cap;
};

ss_code ss_rjoin_new(ss_rjoin **out, ss_err *err)
{
    *out = calloc(1, sizeof **out);
    return *out ? SS_OK : ss_seterr(err, SS_ENOMEM, "out of memory joining records");
}

void ss_rjoin_clear(ss_rjoin *j)
{
    for (size_t i = 0; i < j->n; i++)
        ss_record_parts_free(&j->v[i]);
    free(j->v);
    ss_htab_free(&j->tab);
    j->v = NULL;
    j->n = j->cap = 0;
}

void ss_rjoin_free(ss_rjoin *j)
{
    if (!j)
        return;
    ss_rjoin_clear(j);
    free(j);
}

static uint64_t hash_of(ss_speech_key k)
{
    uint64_t h = (k.file_hash ^ (k.speech * 0x9e3779b97f4a7c15ull)) * 0xff51afd7ed558ccdull;
    return h ^ (h >> 29);
}

static int same(ss_speech_key a, ss_speech_key b)
{
    return a.file_hash == b.file_hash && a.speech == b.speech;
}

static entry *find(const ss_rjoin *j, ss_speech_key k)
{
    size_t pos = 0;
    uint32_t at;
    while (ss_htab_next(&j->tab, hash_of(k), &pos, &at))
        if (same(j->v[at].key, k))
            return &j->v[at];
    return NULL;
}

/* Keeps head (taken over: the caller's copy is cleared); returns it. */
static entry *put(ss_rjoin *j, ss_record_parts *head, ss_err *err)
{
    if (j->n >= SS_RJOIN_MAX) /* bounded memory: start again */
        ss_rjoin_clear(j);
    if (SS_GROW(j->v, j->n + 1, j->cap, 64) || ss_htab_reserve(&j->tab, 64)) {
        ss_seterr(err, SS_ENOMEM, "out of memory joining records");
        return NULL;
    }
    ss_htab_add(&j->tab, hash_of(head->key), (uint32_t)j->n);
    entry *e = &j->v[j->n++];
    *e = *head;
    free(e->rec.text); /* only the speech's part is kept */
    free(e->rec.simplified);
    e->rec.text = e->rec.simplified = NULL;
    memset(head, 0, sizeof *head);
    return e;
}

/* SS_OK when document id of db is the head of speech k (read into head);
 * SS_ENOTFOUND when it is not (or there is none); another error (the
 * database changed, out of memory) as it came. */
static ss_code head_at(xc_db *db, xc_docid id, ss_speech_key k, ss_record_parts *head,
                       ss_err *err)
{
    char *data = NULL;
    size_t len = 0;
    ss_err local;
    ss_code rc = xc_db_doc_data(db, id, &data, &len, &local);
    if (rc == SS_OK && ss_record_decode(data, len, head, NULL) != SS_OK)
        rc = SS_ENOTFOUND;
    else if (rc == SS_OK && (!head->is_head || !same(head->key, k))) {
        ss_record_parts_free(head);
        rc = SS_ENOTFOUND;
    }
    free(data);
    if (rc != SS_OK && rc != SS_ENOTFOUND && err)
        *err = local;
    return rc;
}

/* Reads the head of speech k from db: at document id guess (0: none),
 * else by the speech term's first posting. */
static ss_code read_head(xc_db *db, xc_docid guess, ss_speech_key k, ss_record_parts *head,
                         ss_err *err)
{
    ss_code rc = guess ? head_at(db, guess, k, head, err) : SS_ENOTFOUND;
    if (rc != SS_ENOTFOUND)
        return rc;
    char term[sizeof SS_PREFIX_SPEECH + SS_SPEECH_KEY_MAX];
    size_t n = strlen(SS_PREFIX_SPEECH);
    memcpy(term, SS_PREFIX_SPEECH, n);
    n += ss_speech_key_text(k, term + n);
    xc_docid id = 0;
    char *data = NULL;
    size_t len = 0;
    rc = xc_db_first_posting(db, term, n, &id, err);
    if (rc == SS_OK && !id)
        return ss_seterr(err, SS_ECORRUPT, "no passage of speech %s in the index", term);
    if (rc == SS_OK)
        rc = xc_db_doc_data(db, id, &data, &len, err);
    if (rc == SS_OK)
        rc = ss_record_decode(data, len, head, err);
    free(data);
    if (rc == SS_OK && (!head->is_head || !same(head->key, k))) {
        ss_record_parts_free(head);
        rc = ss_seterr(err, SS_ECORRUPT, "the first passage of speech %s is not its head", term);
    }
    return rc;
}

static char *dup_or_null(const char *s, int *oom)
{
    char *d = s ? strdup(s) : NULL;
    *oom |= s && !d;
    return d;
}

/* The entry of speech k: kept, else read (from data itself when it is the
 * head, else from db). */
static ss_code speech_of(ss_rjoin *j, xc_db *db, xc_docid id, const ss_record_parts *p,
                         const char *data, size_t len, entry **out, ss_err *err)
{
    if ((*out = find(j, p->key)))
        return SS_OK;
    uint64_t step = (uint64_t)p->nth * xc_db_shards(db);
    xc_docid guess = id > step ? (xc_docid)(id - step) : 0;
    ss_record_parts head;
    ss_code rc = p->is_head ? ss_record_decode(data, len, &head, err)
                            : read_head(db, guess, p->key, &head, err);
    if (rc == SS_OK && !(*out = put(j, &head, err))) {
        ss_record_parts_free(&head);
        rc = SS_ENOMEM;
    }
    return rc;
}

ss_code ss_rjoin_record(ss_rjoin *j, xc_db *db, xc_docid id, const char *data, size_t len,
                        ss_record *r, ss_err *err)
{
    memset(r, 0, sizeof *r);
    ss_record_parts p;
    entry *e = NULL;
    ss_code rc = ss_record_decode(data, len, &p, err);
    if (rc == SS_OK)
        rc = speech_of(j, db, id, &p, data, len, &e, err);
    if (rc != SS_OK) {
        ss_record_parts_free(&p);
        return rc;
    }
    uint32_t h = p.heading;
    *r = p.rec; /* the passage's own fields, taken over */
    memset(&p.rec, 0, sizeof p.rec);
    ss_record_parts_free(&p); /* a head's own speech fields are among them: replaced below */
    free(r->file);
    free(r->title);
    free(r->date);
    free(r->region);
    free(r->speaker);
    free(r->kind);
    const ss_record *s = &e->rec;
    int oom = 0;
    r->file = dup_or_null(s->file, &oom);
    r->title = dup_or_null(s->title, &oom);
    r->date = dup_or_null(s->date, &oom);
    r->region = dup_or_null(s->region, &oom);
    r->speaker = dup_or_null(s->speaker, &oom);
    r->kind = dup_or_null(s->kind, &oom);
    if (h && h <= e->nheadings)
        r->heading = dup_or_null(e->headings[h - 1], &oom);
    else if (h)
        rc = ss_seterr(err, SS_ECORRUPT, "passage record names heading %u of %u", h,
                       e->nheadings);
    if (oom)
        rc = ss_seterr(err, SS_ENOMEM, "out of memory joining records");
    if (rc != SS_OK)
        ss_record_free(r);
    return rc;
}
