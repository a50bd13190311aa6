/* seg_ours.c: runs the project's segmenter (lib/segment.c) for
 * tests/seg/run.sh.  ARG is the compiled dictionary (dict.bin).
 * Built by run.sh: cc -Iinclude -Ilib tests/seg/seg_ours.c lib/segment.c
 * lib/ss_error.c -lm.  Ownership: the dictionary and context live from
 * backend_open to backend_close. */
#include <stdio.h>

#include "segment.h"

static const char *backend_name = "ours";
static seg_dict *dict;
static seg_ctx *ctx;

typedef struct {
    void (*emit)(void *, size_t, size_t);
    void *arg;
} fwd;

static int on_word(void *arg, size_t start, size_t end)
{
    fwd *f = arg;
    f->emit(f->arg, start, end);
    return 0;
}

static int backend_open(const char *path)
{
    ss_err err;
    if (seg_dict_open(path, &dict, &err) != SS_OK) {
        fprintf(stderr, "%s\n", err.msg);
        return -1;
    }
    ctx = seg_ctx_new();
    return ctx ? 0 : -1;
}

static void backend_line(char *s, size_t len, void (*emit)(void *, size_t, size_t), void *arg)
{
    fwd f = { emit, arg };
    seg_segment(dict, ctx, s, len, on_word, &f, NULL);
}

static void backend_close(void)
{
    seg_ctx_free(ctx);
    seg_dict_close(dict);
}

#include "seg_driver.h"
