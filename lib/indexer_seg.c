/* indexer_seg.c: the index folder (see indexer_impl.h): a stub file
 * XAPIANDB naming immutable segments "auto seg-N", each a glass database
 * without term lists; the writer's lock; what killed runs leave behind. */
#define _XOPEN_SOURCE 700 /* nftw */
#include "indexer_impl.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "base.h"
#include "terms.h"

#define LOCK_NAME "XAPIANDB.lock"

void ss_names_free(ss_names *s)
{
    for (size_t i = 0; i < s->n; i++)
        free(s->v[i]);
    free(s->v);
    memset(s, 0, sizeof *s);
}

int ss_names_push(ss_names *s, const char *name)
{
    if (SS_GROW(s->v, s->n + 1, s->cap, 16))
        return -1;
    if (!(s->v[s->n] = strdup(name)))
        return -1;
    s->n++;
    return 0;
}

int ss_names_has(const ss_names *s, const char *name)
{
    for (size_t i = 0; i < s->n; i++) /* tens of segments at most */
        if (strcmp(s->v[i], name) == 0)
            return 1;
    return 0;
}

static int is_seg_name(const char *s)
{
    return strncmp(s, SS_SEG_PREFIX, strlen(SS_SEG_PREFIX)) == 0 && !strchr(s, '/');
}

ss_code ss_seg_read(const char *dir, ss_names *segs, ss_layout *layout, ss_err *err)
{
    char path[4400];
    struct stat sb;
    *layout = SS_LAYOUT_NEW;
    if (stat(dir, &sb) != 0) {
        if (errno == ENOENT)
            return SS_OK;
        return ss_seterr(err, SS_EIO, "%s: %s", dir, strerror(errno));
    }
    if (!S_ISDIR(sb.st_mode))
        return ss_seterr(err, SS_EFORMAT, "%s is not an index (not a folder)", dir);
    snprintf(path, sizeof path, "%s/iamglass", dir);
    if (stat(path, &sb) == 0) {
        *layout = SS_LAYOUT_OTHER;
        return SS_OK;
    }
    snprintf(path, sizeof path, "%s/%s", dir, SS_STUB);
    FILE *f = fopen(path, "r");
    if (!f)
        return errno == ENOENT ? SS_OK : ss_seterr(err, SS_EIO, "%s: %s", path, strerror(errno));
    char line[512];
    int other = 0, oom = 0;
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = '\0';
        if (!line[0] || line[0] == '#')
            continue;
        if (strncmp(line, "auto ", 5) == 0 && is_seg_name(line + 5))
            oom |= ss_names_push(segs, line + 5);
        else
            other = 1;
    }
    fclose(f);
    if (oom)
        return ss_seterr(err, SS_ENOMEM, "out of memory reading %s", path);
    *layout = other ? SS_LAYOUT_OTHER : SS_LAYOUT_SEGMENTS;
    return SS_OK;
}

void ss_sync_dir(const char *dir)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY);
    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
}

ss_code ss_seg_write_stub(const char *dir, const ss_names *segs, ss_err *err)
{
    char path[4400], tmp[4500];
    snprintf(path, sizeof path, "%s/%s", dir, SS_STUB);
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    FILE *f = fopen(tmp, "w");
    if (!f)
        return ss_seterr(err, SS_EIO, "%s: %s", tmp, strerror(errno));
    fputs("# speech-search index: its segments (written by speech-index)\n", f);
    for (size_t i = 0; i < segs->n; i++)
        fprintf(f, "auto %s\n", segs->v[i]);
    int bad = fflush(f) != 0 || fsync(fileno(f)) != 0;
    bad |= fclose(f) != 0;
    if (bad || rename(tmp, path) != 0) {
        ss_code rc = ss_seterr(err, SS_EIO, "writing %s: %s", path, strerror(errno));
        unlink(tmp);
        return rc;
    }
    ss_sync_dir(dir);
    return SS_OK;
}

ss_code ss_seg_check_format(const char *path, const char *shown, ss_err *err)
{
    xc_db *db = NULL;
    char *v = NULL;
    size_t len = 0;
    ss_code rc = xc_db_open(path, &db, err);
    if (rc == SS_OK)
        rc = xc_db_get_metadata(db, SS_META_FORMAT, &v, &len, err);
    if (rc == SS_OK)
        rc = ss_index_format_check(shown, v, len, err);
    free(v);
    xc_db_close(db);
    return rc;
}

ss_code ss_seg_lock(const char *dir, int *fd, ss_err *err)
{
    char path[4400];
    snprintf(path, sizeof path, "%s/%s", dir, LOCK_NAME);
    *fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0666);
    if (*fd < 0)
        return ss_seterr(err, SS_EIO, "%s: %s", path, strerror(errno));
    if (flock(*fd, LOCK_EX | LOCK_NB) != 0) {
        int e = errno;
        close(*fd);
        *fd = -1;
        if (e == EWOULDBLOCK)
            return ss_seterr(err, SS_ELOCKED, "%s is being updated by another speech-index "
                             "(its lock %s is held)", dir, path);
        return ss_seterr(err, SS_EIO, "locking %s: %s", path, strerror(e));
    }
    return SS_OK;
}

void ss_seg_unlock(int fd)
{
    if (fd >= 0)
        close(fd); /* releases the flock */
}

static int remove_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void)sb;
    (void)flag;
    (void)ftw;
    return remove(path);
}

int ss_remove_tree(const char *path)
{
    struct stat sb;
    if (lstat(path, &sb) != 0)
        return errno == ENOENT ? 0 : -1;
    return nftw(path, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

size_t ss_seg_clean(const char *dir, const ss_names *segs)
{
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    ss_names gone = { 0 };
    struct dirent *e;
    while ((e = readdir(d)))
        if (is_seg_name(e->d_name) && !ss_names_has(segs, e->d_name))
            ss_names_push(&gone, e->d_name); /* out of memory: left for the next run */
    closedir(d);
    size_t n = 0;
    for (size_t i = 0; i < gone.n; i++) {
        char path[4400];
        snprintf(path, sizeof path, "%s/%s", dir, gone.v[i]);
        n += ss_remove_tree(path) == 0;
    }
    ss_names_free(&gone);
    return n;
}

unsigned ss_seg_next_number(const char *dir, const ss_names *segs)
{
    unsigned next = 1;
    for (size_t i = 0; i < segs->n; i++) {
        unsigned k = (unsigned)strtoul(segs->v[i] + strlen(SS_SEG_PREFIX), NULL, 10);
        if (k >= next)
            next = k + 1;
    }
    DIR *d = opendir(dir);
    struct dirent *e;
    while (d && (e = readdir(d)))
        if (is_seg_name(e->d_name)) {
            unsigned k = (unsigned)strtoul(e->d_name + strlen(SS_SEG_PREFIX), NULL, 10);
            if (k >= next)
                next = k + 1;
        }
    if (d)
        closedir(d);
    return next;
}

ss_code ss_seg_create(const char *path, int termlists, xc_writable **out, ss_err *err)
{
    ss_remove_tree(path); /* a temporary segment of a killed run */
    ss_code rc = xc_writable_open(path, termlists ? XC_CREATE_OR_OVERWRITE : XC_CREATE_SEGMENT,
                                  out, err);
    if (rc == SS_OK)
        rc = xc_writable_set_metadata(*out, SS_META_FORMAT, SS_INDEX_FORMAT,
                                      strlen(SS_INDEX_FORMAT), err);
    if (rc == SS_OK && termlists)
        rc = xc_writable_set_metadata(*out, SS_META_TERMLISTS, "1", 1, err);
    if (rc != SS_OK) {
        xc_writable_close(*out, NULL);
        *out = NULL;
    }
    return rc;
}

ss_code ss_seg_compact(const char *dir, const ss_names *srcs, const char *dest, ss_err *err)
{
    char path[4400];
    xc_db *db = NULL;
    ss_code rc = SS_OK;
    for (size_t k = 0; rc == SS_OK && k < srcs->n; k++) {
        snprintf(path, sizeof path, "%s/%s", dir, srcs->v[k]);
        rc = k == 0 ? xc_db_open(path, &db, err) : xc_db_add(db, path, err);
    }
    snprintf(path, sizeof path, "%s/%s", dir, dest);
    if (rc == SS_OK && ss_remove_tree(path) != 0)
        rc = ss_seterr(err, SS_EIO, "cannot remove %s", path);
    if (rc == SS_OK)
        rc = xc_db_compact(db, path, err);
    xc_db_close(db);
    return rc;
}
