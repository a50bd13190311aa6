/* indexer_build.c: building the planned batches into segments and
 * publishing them (see indexer.h): the live set, the stub replaced, new
 * stamps, small segments merged, replaced ones removed. */
#include "indexer.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "indexer_impl.h"

ss_code ss_indexer_build(ss_indexer *ix, size_t k, ss_file_done_fn done, void *arg,
                         ss_index_stats *st, ss_err *err)
{
    if (k >= ix->nb)
        return ss_seterr(err, SS_EINVAL, "no batch %zu", k);
    batch *b = &ix->b[k];
    char name[64], path[4400], raw[4500];
    ss_ix_seg_name(b->no, 1, name, sizeof name);
    snprintf(path, sizeof path, "%s/%s", ix->dir, name);
    snprintf(raw, sizeof raw, "%s.raw", path); /* seg-N.tmp.raw, then compacted */
    xc_writable *db = NULL;
    ss_code rc = ss_seg_create(raw, ix->opts.termlists, &db, err);
    for (size_t i = b->first; rc == SS_OK && i < b->first + b->n; i++) {
        const work *wk = &ix->wk[i];
        struct stat sb;
        char stamp[64];
        ss_err ferr;
        ss_code frc;
        if (stat(wk->canon, &sb) != 0) {
            int en = errno;
            frc = ss_seterr(&ferr, en == ENOENT ? SS_ENOTFOUND : SS_EIO, "%s: %s", wk->path,
                            strerror(en));
        } else if (!S_ISREG(sb.st_mode)) {
            frc = ss_seterr(&ferr, SS_EUNSUPPORTED, "%s: not a regular file", wk->path);
        } else {
            ss_record_stamp(&sb, stamp, sizeof stamp);
            frc = ss_ixw_file(ix->w, db, wk->path, wk->canon, stamp, st, &ferr);
        }
        if (frc == SS_OK) {
            if (wk->survivor)
                st->rebuilt++;
            else
                st->files++;
        } else if (frc == SS_EIO || frc == SS_EUNSUPPORTED || frc == SS_ENOTFOUND ||
                   frc == SS_EINVAL) {
            st->skipped++;
            st->removed += wk->replaces;
        } else {
            if (err)
                *err = ferr;
            rc = frc;
        }
        if (done && rc == SS_OK)
            done(arg, wk->path, frc, frc == SS_OK ? NULL : ferr.msg, st);
    }
    char now[32];
    snprintf(now, sizeof now, "%lld", (long long)time(NULL));
    if (rc == SS_OK)
        rc = xc_writable_set_metadata(db, SS_META_UPDATED, now, strlen(now), err);
    ss_code rc2 = xc_writable_close(db, rc == SS_OK ? err : NULL);
    if (rc == SS_OK)
        rc = rc2;
    /* compacted (full blocks, in order): 43% smaller on the real corpus, for
     * 1% of the build's time */
    ss_names one = { 0 };
    if (rc == SS_OK && ss_names_push(&one, strrchr(raw, '/') + 1))
        rc = ss_seterr(err, SS_ENOMEM, "out of memory compacting a segment");
    if (rc == SS_OK)
        rc = ss_seg_compact(ix->dir, &one, name, err);
    ss_names_free(&one);
    ss_remove_tree(raw);
    return rc;
}

/* ---- publishing ---- */

static int repl_state(const ss_indexer *ix)
{
    int st = B_DONE;
    for (size_t k = 0; k < ix->nb; k++)
        if (ix->b[k].replaces && ix->b[k].state != B_DONE)
            st = ix->b[k].state == B_FAILED || st == B_FAILED ? B_FAILED : B_TODO;
    return st;
}

/* The segments the index is made of now: the old ones not rebuilt (all
 * of them until the rebuild is complete), the new ones built. */
static ss_code live_set(const ss_indexer *ix, ss_names *out, ss_err *err)
{
    int whole = repl_state(ix) == B_DONE;
    int oom = 0;
    for (size_t k = 0; k < ix->segs.n; k++)
        if (!ix->si[k].dirty || !whole)
            oom |= ss_names_push(out, ix->segs.v[k]);
    for (size_t k = 0; k < ix->nb; k++)
        if (ix->b[k].state == B_DONE && (!ix->b[k].replaces || whole)) {
            char name[64];
            ss_ix_seg_name(ix->b[k].no, 0, name, sizeof name);
            oom |= ss_names_push(out, name);
        }
    return oom ? ss_seterr(err, SS_ENOMEM, "out of memory writing the stub") : SS_OK;
}

/* Writes the stub naming the live set; removes the rebuilt segments once
 * out of it (not what workers are building meanwhile). */
static ss_code publish(ss_indexer *ix, ss_err *err)
{
    ss_names live = { 0 };
    ss_code rc = live_set(ix, &live, err);
    if (rc == SS_OK)
        rc = ss_seg_write_stub(ix->dir, &live, err);
    for (size_t k = 0; rc == SS_OK && k < ix->segs.n; k++)
        if (ix->si[k].dirty && !ss_names_has(&live, ix->segs.v[k])) {
            char path[4400];
            snprintf(path, sizeof path, "%s/%s", ix->dir, ix->segs.v[k]);
            ss_remove_tree(path);
        }
    ss_names_free(&live);
    return rc;
}

ss_code ss_indexer_built(ss_indexer *ix, size_t k, const ss_index_stats *st, ss_err *err)
{
    if (k >= ix->nb)
        return ss_seterr(err, SS_EINVAL, "no batch %zu", k);
    char tmp[64], name[64], from[4400], to[4400];
    ss_ix_seg_name(ix->b[k].no, 1, tmp, sizeof tmp);
    ss_ix_seg_name(ix->b[k].no, 0, name, sizeof name);
    snprintf(from, sizeof from, "%s/%s", ix->dir, tmp);
    snprintf(to, sizeof to, "%s/%s", ix->dir, name);
    if (rename(from, to) != 0)
        return ss_seterr(err, SS_EIO, "renaming %s to %s: %s", from, to, strerror(errno));
    ss_sync_dir(ix->dir);
    ix->b[k].state = B_DONE;
    if (st) {
        ss_index_stats *t = &ix->st;
        t->files += st->files;
        t->rebuilt += st->rebuilt;
        t->skipped += st->skipped;
        t->removed += st->removed;
        t->warned += st->warned;
        t->warnings += st->warnings;
        t->passages += st->passages;
        t->bytes += st->bytes;
        t->text_bytes += st->text_bytes;
        t->cleaned_bytes += st->cleaned_bytes;
    }
    /* new files are published as soon as built; a rebuild when whole */
    if (!ix->b[k].replaces || repl_state(ix) == B_DONE)
        return publish(ix, err);
    return SS_OK;
}

void ss_indexer_failed(ss_indexer *ix, size_t k)
{
    if (k < ix->nb)
        ix->b[k].state = B_FAILED;
}

/* New stamps for the records of touched files, in their segments. */
static ss_code restamp(ss_indexer *ix, ss_err *err)
{
    ss_code rc = SS_OK;
    for (size_t k = 0; rc == SS_OK && k < ix->segs.n; k++) {
        if (!ix->si[k].touched || ix->si[k].dirty)
            continue;
        char path[4400];
        snprintf(path, sizeof path, "%s/%s", ix->dir, ix->segs.v[k]);
        xc_writable *db = NULL;
        rc = xc_writable_open(path, ix->opts.termlists ? XC_OPEN : XC_OPEN_SEGMENT, &db, err);
        for (size_t i = 0; rc == SS_OK && i < ix->ncat; i++) {
            entry *e = &ix->cat[i];
            if (e->seg != k || e->state != E_TOUCHED)
                continue;
            char key[SS_RECORD_KEY];
            size_t len = 0;
            char *v = ss_record_restamp(e->value, e->vlen, e->stamp, &len);
            ss_record_key(e->path, key, sizeof key);
            rc = v ? xc_writable_set_metadata(db, key, v, len, err)
                   : ss_seterr(err, SS_ENOMEM, "out of memory writing a file record");
            free(v);
        }
        ss_code rc2 = xc_writable_close(db, rc == SS_OK ? err : NULL);
        if (rc == SS_OK)
            rc = rc2;
    }
    return rc;
}

/* Input bytes of a live segment, by name. */
static uint64_t seg_bytes(const ss_indexer *ix, const char *name)
{
    for (size_t k = 0; k < ix->segs.n; k++)
        if (strcmp(ix->segs.v[k], name) == 0)
            return ix->si[k].bytes;
    for (size_t k = 0; k < ix->nb; k++) {
        char n[64];
        ss_ix_seg_name(ix->b[k].no, 0, n, sizeof n);
        if (strcmp(n, name) == 0)
            return ix->b[k].bytes;
    }
    return 0;
}

/* Too many segments (or opts.merge: more than one): the smallest are
 * compacted into one, published, and removed. */
static ss_code merge_small(ss_indexer *ix, ss_err *err)
{
    ss_names live = { 0 }, pick = { 0 };
    ss_code rc = live_set(ix, &live, err);
    size_t max = ix->opts.merge ? 1 : ix->opts.max_segments;
    if (rc != SS_OK || live.n <= max) {
        ss_names_free(&live);
        return rc;
    }
    size_t m = live.n - max + 1;
    for (size_t i = 0; i < m; i++) { /* selection of the m smallest: a few tens */
        size_t best = SIZE_MAX;
        for (size_t j = 0; j < live.n; j++)
            if (!ss_names_has(&pick, live.v[j]) &&
                (best == SIZE_MAX || seg_bytes(ix, live.v[j]) < seg_bytes(ix, live.v[best])))
                best = j;
        if (ss_names_push(&pick, live.v[best]))
            rc = ss_seterr(err, SS_ENOMEM, "out of memory merging segments");
    }
    char tmp[64], name[64], from[4400], to[4400];
    unsigned no = ix->next_no++;
    ss_ix_seg_name(no, 1, tmp, sizeof tmp);
    ss_ix_seg_name(no, 0, name, sizeof name);
    if (rc == SS_OK)
        rc = ss_seg_compact(ix->dir, &pick, tmp, err);
    snprintf(from, sizeof from, "%s/%s", ix->dir, tmp);
    snprintf(to, sizeof to, "%s/%s", ix->dir, name);
    if (rc == SS_OK && rename(from, to) != 0)
        rc = ss_seterr(err, SS_EIO, "renaming %s to %s: %s", from, to, strerror(errno));
    ss_names next = { 0 };
    for (size_t j = 0; rc == SS_OK && j < live.n; j++)
        if (!ss_names_has(&pick, live.v[j]) && ss_names_push(&next, live.v[j]))
            rc = ss_seterr(err, SS_ENOMEM, "out of memory merging segments");
    if (rc == SS_OK && ss_names_push(&next, name))
        rc = ss_seterr(err, SS_ENOMEM, "out of memory merging segments");
    if (rc == SS_OK)
        rc = ss_seg_write_stub(ix->dir, &next, err);
    if (rc == SS_OK)
        ss_seg_clean(ix->dir, &next);
    ss_names_free(&live);
    ss_names_free(&pick);
    ss_names_free(&next);
    return rc;
}

ss_code ss_indexer_finish(ss_indexer *ix, ss_err *err)
{
    if (ix->finished)
        return SS_OK;
    ix->finished = 1;
    ss_code rc = ss_indexer_plan(ix, NULL, err);
    for (size_t k = 0; rc == SS_OK && k < ix->nb; k++) {
        if (ix->b[k].state != B_TODO)
            continue;
        ss_index_stats st = { 0 };
        rc = ss_indexer_build(ix, k, ix->opts.done, ix->opts.done_arg, &st, err);
        if (rc == SS_OK)
            rc = ss_indexer_built(ix, k, &st, err);
    }
    if (rc == SS_OK)
        rc = restamp(ix, err);
    ss_names live = { 0 };
    if (rc == SS_OK)
        rc = live_set(ix, &live, err);
    if (rc == SS_OK && live.n == 0) { /* an empty index: one empty segment, for readers */
        batch *b = realloc(ix->b, (ix->nb + 1) * sizeof *b);
        if (!b) {
            rc = ss_seterr(err, SS_ENOMEM, "out of memory finishing the index");
        } else {
            ix->b = b;
            b[ix->nb++] = (batch){ 0, 0, 0, ix->next_no++, 0, B_TODO };
            ss_index_stats st = { 0 };
            rc = ss_indexer_build(ix, ix->nb - 1, NULL, NULL, &st, err);
            if (rc == SS_OK)
                rc = ss_indexer_built(ix, ix->nb - 1, NULL, err);
        }
    }
    ss_names_free(&live);
    if (rc == SS_OK)
        rc = publish(ix, err); /* also the stub's time: the index's last update */
    if (rc == SS_OK && repl_state(ix) == B_DONE)
        rc = merge_small(ix, err);
    ss_names now = { 0 };
    ss_layout layout;
    if (rc == SS_OK && ss_seg_read(ix->dir, &now, &layout, err) == SS_OK)
        ss_seg_clean(ix->dir, &now); /* batches that failed, merged segments */
    ss_names_free(&now);
    return rc;
}

ss_code ss_indexer_close(ss_indexer *ix, ss_err *err)
{
    if (!ix)
        return SS_OK;
    ss_code rc = ss_indexer_finish(ix, err);
    ss_ix_free(ix);
    return rc;
}
