/* indexer_list.c: what an index holds, for speech-index --list and
 * --stats (see indexer.h): the file records of each segment. */
#include "indexer.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "indexer_impl.h"
#include "terms.h"

typedef struct {
    int (*cb)(void *ctx, const ss_file_info *f);
    void *ctx;
    int stopped;
    ss_code rc;
    ss_err *err;
} lister;

static int list_one(void *ctx, const char *key, size_t klen, const char *value, size_t vlen)
{
    lister *l = ctx;
    ss_file_record r;
    (void)key;
    (void)klen;
    if (!vlen || ss_record_parse(value, vlen, &r) != 0)
        return 0;
    char *path = strndup(r.path, r.pathlen);
    char *info = strndup(r.speech_info, vlen - (size_t)(r.speech_info - value));
    if (!path || !info) {
        free(path);
        free(info);
        l->rc = ss_seterr(l->err, SS_ENOMEM, "out of memory listing files");
        return 1;
    }
    unsigned long long size = 0;
    double mtime = 0;
    sscanf(r.stamp, "%llu %lf", &size, &mtime);
    ss_file_info f = { path, size, mtime, r.passages, r.speeches, info };
    l->stopped = l->cb(l->ctx, &f);
    free(path);
    free(info);
    return l->stopped;
}

/* Opens segment k of the index at dir (format checked) into *db. */
static ss_code open_segment(const char *dir, const char *name, xc_db **db, ss_err *err)
{
    char path[4400];
    char *v = NULL;
    size_t len = 0;
    snprintf(path, sizeof path, "%s/%s", dir, name);
    ss_code rc = xc_db_open(path, db, err);
    if (rc == SS_OK)
        rc = xc_db_get_metadata(*db, SS_META_FORMAT, &v, &len, err);
    if (rc == SS_OK)
        rc = ss_index_format_check(dir, v, len, err);
    free(v);
    if (rc != SS_OK) {
        xc_db_close(*db);
        *db = NULL;
    }
    return rc;
}

/* The segments of the index at dir, format checked. */
static ss_code segments_of(const char *dir, ss_names *segs, ss_err *err)
{
    ss_layout layout;
    ss_code rc = ss_seg_read(dir, segs, &layout, err);
    if (rc == SS_OK && layout == SS_LAYOUT_OTHER) {
        rc = ss_seg_check_format(dir, dir, err);
        if (rc == SS_OK)
            rc = ss_seterr(err, SS_EFORMAT, "%s is not a segment index: rebuild it "
                           "(remove it and run speech-index)", dir);
    }
    if (rc == SS_OK && layout == SS_LAYOUT_NEW)
        rc = ss_seterr(err, SS_ENOTFOUND, "%s: no index there (no %s)", dir, SS_STUB);
    return rc;
}

ss_code ss_index_each_file(const char *dbpath, int (*cb)(void *ctx, const ss_file_info *f),
                           void *ctx, ss_err *err)
{
    ss_names segs = { 0 };
    ss_code rc = segments_of(dbpath, &segs, err);
    lister l = { cb, ctx, 0, SS_OK, err };
    for (size_t k = 0; rc == SS_OK && l.rc == SS_OK && !l.stopped && k < segs.n; k++) {
        xc_db *db = NULL;
        rc = open_segment(dbpath, segs.v[k], &db, err);
        if (rc == SS_OK)
            rc = xc_db_each_metadata(db, SS_META_FILE, list_one, &l, err);
        xc_db_close(db);
    }
    ss_names_free(&segs);
    return rc == SS_OK ? l.rc : rc;
}

ss_code ss_index_summary(const char *dbpath, ss_index_totals *out, ss_err *err)
{
    memset(out, 0, sizeof *out);
    ss_names segs = { 0 };
    ss_code rc = segments_of(dbpath, &segs, err);
    for (size_t k = 0; rc == SS_OK && k < segs.n; k++) {
        xc_db *db = NULL;
        uint32_t n = 0;
        rc = open_segment(dbpath, segs.v[k], &db, err);
        if (rc == SS_OK)
            rc = xc_db_doccount(db, &n, err);
        xc_db_close(db);
        out->passages += n;
    }
    out->segments = segs.n;
    char path[4400];
    struct stat sb;
    snprintf(path, sizeof path, "%s/%s", dbpath, SS_STUB);
    if (rc == SS_OK && stat(path, &sb) == 0)
        out->updated = (double)sb.st_mtim.tv_sec + sb.st_mtim.tv_nsec / 1e9;
    ss_names_free(&segs);
    return rc;
}
