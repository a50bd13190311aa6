/* tune.c: run-time values of TUNABLE constants in a tuning build (tune.h). */
#include "tune.h"

#ifdef SS_TUNE
#include <stdlib.h>
#include <string.h>

/* The value SS_TUNE gives NAME, else value.  SS_TUNE is read on every call:
 * the tuning build is for measuring quality, not speed. */
double ss_tune(const char *name, double value)
{
    const char *s = getenv("SS_TUNE");
    size_t n = strlen(name);
    while (s && *s) {
        if (strncmp(s, name, n) == 0 && s[n] == '=')
            return strtod(s + n + 1, NULL);
        s = strchr(s, ',');
        if (s)
            s++;
    }
    return value;
}
#else
/* Normal builds: TUNABLE constants are plain values; nothing here. */
typedef int ss_tune_unused;
#endif
