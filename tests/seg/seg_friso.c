/* seg_friso.c: runs friso 1.6.4 (Debian libfriso-dev, complex mmseg mode)
 * for tests/seg/run.sh, as a baseline for lib/segment.c.  ARG is a
 * friso.ini (run.sh writes one to a temporary directory pointing at
 * /usr/share/friso/dict/UTF-8/).  Tokens are reported by their byte offset
 * and real length in the line (friso rewrites token text: lower case,
 * half-width), so the driver prints the original characters.
 * Built by run.sh: cc $(pkg-config --cflags --libs friso).
 * Ownership: friso, config and task live from backend_open to
 * backend_close. */
#include <stdio.h>

#include "friso.h"

static const char *backend_name = "friso";
static friso_t friso;
static friso_config_t config;
static friso_task_t task;

static int backend_open(const char *ini)
{
    friso = friso_new();
    config = friso_new_config();
    if (!friso || !config || friso_init_from_ifile(friso, config, (fstring)ini) != 1)
        return -1;
    friso_set_mode(config, __FRISO_COMPLEX_MODE__);
    task = friso_new_task();
    return task ? 0 : -1;
}

static void backend_line(char *s, size_t len, void (*emit)(void *, size_t, size_t), void *arg)
{
    (void)len;
    friso_set_text(task, s);
    while (config->next_token(friso, config, task) != NULL) {
        friso_token_t t = task->token;
        /* friso 1.6.4 leaves rlen stale on punctuation and unknown
         * one-character tokens; their text is copied unchanged, so their
         * length is the real one. */
        int raw = t->type == __LEX_PUNC_WORDS__ || t->type == __LEX_UNKNOW_WORDS__;
        size_t n = raw ? t->length : t->rlen;
        if (t->offset >= 0)
            emit(arg, (size_t)t->offset, (size_t)t->offset + n);
    }
}

static void backend_close(void)
{
    friso_free_task(task);
    friso_free_config(config);
    friso_free(friso);
}

#include "seg_driver.h"
