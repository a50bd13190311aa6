/* fixture.h: the analysis context most unit tests start from (include
 * after check.h). */
#ifndef SS_TEST_FIXTURE_H
#define SS_TEST_FIXTURE_H

#include "analyze.h"

/* Opens the analyzer (*a) and a context over it, from the build's data;
 * NULL, with a failed check saying why, when that cannot be done (the
 * caller closes *a and returns check_report). */
static inline ss_actx *test_actx_open(ss_analyzer **a)
{
    ss_err err;
    ss_actx *ac = NULL;
    *a = NULL;
    if (ss_analyzer_open(NULL, a, &err) != SS_OK)
        CHECK(0, "open the analyzer: %s (make build/data/dict.bin)", err.msg);
    else if (!(ac = ss_actx_new(*a)))
        CHECK(0, "open the analyzer: out of memory");
    return ac;
}

#endif
