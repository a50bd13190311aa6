/* datadir.c: finding the data folder (see datadir.h). */
#include "datadir.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base.h"

#ifndef SS_DATADIR
#define SS_DATADIR "/usr/local/share/speech-search"
#endif

static const char *chosen;

void ss_datadir_set(const char *dir)
{
    chosen = dir && *dir ? dir : NULL;
}

/* Folders relative to the executable's own folder, in order: installed
 * (PREFIX/bin -> PREFIX/share/speech-search), the build tree's bin/,
 * build/fuzz/ and build/FLAVOUR/{bin,tests,bench}/ -> build/data. */
static const char *const near_exe[] = { "../share/speech-search", "../build/data", "../data",
                                        "../../data" };

static int has_data(const char *dir)
{
    char path[PATH_MAX + 128];
    snprintf(path, sizeof path, "%s/dict.bin", dir);
    return access(path, R_OK) == 0;
}

const char *ss_datadir(void)
{
    static char found[PATH_MAX + 64];
    if (chosen)
        return chosen;
    const char *env = getenv("SS_DATADIR");
    if (env && *env)
        return env;
    if (found[0])
        return found;
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash)
            *slash = '\0';
        for (size_t i = 0; i < NELEM(near_exe); i++) {
            snprintf(found, sizeof found, "%s/%s", exe, near_exe[i]);
            if (has_data(found))
                return found;
        }
    }
    found[0] = '\0';
    return SS_DATADIR;
}
