/* test_tune.c: SS_TUNE parsing of the tuning build (lib/tune.h), and that a
 * normal build's TUNABLE constant is its plain value. */
#include <stdlib.h>

#include "check.h"
#include "tune.h"

#ifdef SS_TUNE
#define TUNE_BUILD 1 /* build/tune: TUNABLE is a call */
#else
#define TUNE_BUILD 0
/* The normal build's macro, taken before the tuning one is compiled in. */
static const double plain = TUNABLE(W_ANY, 0.25);
#define SS_TUNE
#endif
#include "../../lib/tune.c"

int main(int argc, char **argv)
{
    (void)argc;
#if !TUNE_BUILD
    CHECK(plain == 0.25, "normal build: TUNABLE is its value, got %g", plain);
#endif
    static const struct {
        const char *env; /* NULL: unset */
        const char *name;
        double dflt, want;
    } cases[] = {
        { NULL, "W_NEAR", 0.5, 0.5 },
        { "", "W_NEAR", 0.5, 0.5 },
        { "W_NEAR=0.7", "W_NEAR", 0.5, 0.7 },
        { "W_ADJ=2,W_NEAR=0.125", "W_NEAR", 0.5, 0.125 },
        { "W_NEAR_X=9,W_NEAR=1", "W_NEAR", 0.5, 1.0 },  /* a longer name is another name */
        { "W_NEA=9", "W_NEAR", 0.5, 0.5 },              /* so is a shorter one */
        { "W_ADJ=2,", "W_NEAR", 0.5, 0.5 },
        { "BM25_B=0.35", "BM25_B", 0.5, 0.35 },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        if (cases[i].env)
            setenv("SS_TUNE", cases[i].env, 1);
        else
            unsetenv("SS_TUNE");
        double got = ss_tune(cases[i].name, cases[i].dflt);
        CHECK(got == cases[i].want, "SS_TUNE=%s %s: want %g got %g",
              cases[i].env ? cases[i].env : "(unset)", cases[i].name, cases[i].want, got);
    }
    return check_report(argv[0]);
}
